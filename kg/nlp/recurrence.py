"""A surname that recurs alone: the person cue of a name introduced without a title.

Feature stories and profiles introduce people bare ("Ana Ruiz-Toledo has spent a decade ...")
and then call them by the surname alone ("Ruiz-Toledo said", "; Ruiz-Toledo would only say").
A run of three or four capitalised words, or of two whose last is a hyphenated double surname,
whose last word stands alone elsewhere in the article, away from capitalised neighbours,
articles and locative prepositions (places recur alone too: "in Juárez"), is a person's name;
two plain words are not enough ("Khan Younis ... Younis", "Banco Santander ... Santander").
"""

from __future__ import annotations

from spacy.tokens import Doc

from kg.nlp.quotes import token_lowers, token_spaces, token_words, word_positions

NOT_BEFORE = frozenset({"the", "of", "a", "an", "from", "to", "for", "'s", "’s"})
HYPHENS = frozenset({"-", "‑"})


def surname_start(doc: Doc, s: int, e: int) -> int:
    """Where the last word of a name starts: "Rosales - Vidaurri" is one surname."""
    text, space = token_words(doc), token_spaces(doc)
    k = e - 1
    while k - 2 >= s and text[k - 1] in HYPHENS and not space[k - 2] and not space[k - 1]:
        k -= 2
    return k


def _alone(doc: Doc, i: int, n: int, locatives: frozenset) -> bool:
    """Tokens i..i+n stand alone: no capitalised word, article or locative right before,
    no capitalised word or hyphen glued right after."""
    text, low, space = token_words(doc), token_lowers(doc), token_spaces(doc)
    if i > 0:
        prev = text[i - 1]
        if prev[:1].isupper() or low[i - 1] in NOT_BEFORE or low[i - 1] in locatives:
            return False
        if prev in HYPHENS and not space[i - 1]:
            return False
    j = i + n
    if j < len(text):
        if text[j][:1].isupper() or (text[j] in HYPHENS and not space[j - 1]):
            return False
        if text[j] in ("'s", "’s") and j + 1 < len(text) and text[j + 1][:1].isupper():
            return False  # "Mehsud's Network": a possessive before another name
    return True


def _placed(doc: Doc, s: int, e: int, locatives: frozenset) -> bool:
    """Some occurrence of the run follows a locative ("in Ciudad Juárez"): a place."""
    text, low = token_words(doc), token_lowers(doc)
    name, n = tuple(text[s:e]), e - s
    return any(i > 0 and low[i - 1] in locatives and tuple(text[i:i + n]) == name
               for i in word_positions(doc).get(text[s], ()))


def surname_recurs(doc: Doc, s: int, e: int, locatives: frozenset, place_prefixes: frozenset) -> bool:
    """The last word of the run ``s..e`` (two to four words) recurs alone elsewhere."""
    text = token_words(doc)
    k = surname_start(doc, s, e)
    if k <= s or len(text[k]) < 3 or text[s] in place_prefixes:
        return False  # a given name must come first; "Ciudad Juárez" is a place
    if k == s + 1 and k == e - 1:
        return False  # two plain words recur as cities and firms too ("Khan Younis", "Banco Santander")
    if _placed(doc, s, e, locatives):
        return False
    if not all(text[j][:1].isupper() for j in range(s, e) if text[j] not in HYPHENS):
        return False
    tail = tuple(text[k:e])
    for i in word_positions(doc).get(tail[0], ()):
        if s <= i < e or tuple(text[i:i + len(tail)]) != tail:
            continue
        if _alone(doc, i, len(tail), locatives):
            return True
    return False
