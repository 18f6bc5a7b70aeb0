"""Types read from descriptions next to a capitalised name (used by :mod:`kg.nlp.discovery`).

- an appositive after it: ", a Venezuela-based gang" (a body), ", a spokeswoman" or, with no
  article, ", pastor at a church" (a person);
- a description ending right before it: "a smaller Michoacán group, Los Viagras," or
  "Somalia's minister of ports and marine transport, X,";
- a kind noun right before it: "maritime security firm Ambrey".

The type is the one the head noun of the description names (``org_cues.yaml`` appositive cues,
``titles.yaml`` heads for people).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.attrs import IS_PUNCT, LIKE_NUM
from spacy.tokens import Doc, Span

from kg.nlp.name_rules import appositive_index
from kg.nlp.quotes import token_lowers, token_words
from kg.nlp.tables import lexeme_flags

if TYPE_CHECKING:
    from kg.nlp.discovery import Context

POSSESSIVES = frozenset({"'s", "’s"})
DESCRIPTION_PREPOSITIONS = frozenset({"for", "of", "at", "with", "in", "from", "to"})
APPOSITIVE_ENDS = frozenset({",", ".", ";", "of", "for", "at", "in", "with", "from", "and", "who",
                             "on", "to", "since", "until", "whose", "which", "that", "now",
                             # ", a six-month investigation into a trafficking network": the head
                             # noun stands before any preposition
                             "into", "against", "by", "near", "over", "about", "between", "under",
                             "across", "through", "toward", "towards", "among", "during", "after",
                             "before", "like", "inside", "behind"})
DESCRIPTION_CUTS = DESCRIPTION_PREPOSITIONS | {"who", "whose", "which", "that"}
BARE_TITLE_WORDS = 3  # ", deputy regional commander of": words of a title with no article
DESCRIPTION_WORDS = 12  # lower-case words a description before ", Name" may take
INCLUDERS = frozenset({"including", "notably", "especially", "particularly"})  # "groups, including X"


def phrase_type(words: list[str], ctx: Context, last_only: bool = False) -> str | None:
    """Type named by the head of a description, its last cue word: "a Venezuela-based gang" is
    a CriminalOrganization, "an alleged Sinaloa Cartel financial operator" a Person. With
    ``last_only`` the cue must end the words."""
    words = [w.lower() for w in words]
    index, longest = appositive_index(ctx.org_cues)
    for end in range(len(words), 0 if not last_only else len(words) - 1, -1):
        # the longest cue ending here wins: "criminal group" over "group"
        best = next((index[c] for n in range(min(longest, end), 0, -1)
                     if (c := tuple(words[end - n:end])) in index), None)
        if best is not None:
            return best
        if words[end - 1] in ctx.titles.heads:
            return "Person"
    return None


def appositive_type(doc: Doc, e: int, sent_end: int, ctx: Context) -> str | None:
    """", a Venezuela-based gang," / ", a spokeswoman for ..." right after a name: the type
    its head noun (the last word before a comma, a preposition or the end) names."""
    text = token_words(doc)
    if e + 2 >= sent_end or text[e] != ",":
        return None
    if token_lowers(doc)[e + 1] == "which" and token_lowers(doc)[e + 2] in ctx.org_cues["maker_verbs"]:
        return "Organization"  # "Kongsberg, which makes the missile,": what makes things is a company
    age = _age_words(doc, e + 1, sent_end)  # "Miguel, 34, a boat mechanic": an age first
    e += age
    opener = token_lowers(doc)[e + 1] in {"a", "an", "the", "its", "his", "her", "their"}  # ", its founder,"
    owner = text[e + 1][:1].isupper() and e + 2 < sent_end and text[e + 2] in POSSESSIVES
    if not (opener or owner):  # ", a spokesman" or ", Sinaloa's secretary of security"
        return _bare_title(doc, e + 1, sent_end, ctx) or ("Person" if age else None)  # "X, 34, coordinates"
    words, low, punct = [], token_lowers(doc), lexeme_flags(doc, IS_PUNCT)
    for k in range(e + (2 if opener else 3), min(sent_end, e + 12, len(text))):
        if low[k] in APPOSITIVE_ENDS or punct[k] and text[k] != "-":
            return phrase_type(words, ctx)
        if text[k] in POSSESSIVES:  # ", the group's coordinator": the group owns the head
            words = []
            continue
        words.append(low[k])
    return None


AGE_WORDS = ("years", "old", "year-old", "-year", "-", "year")


def _age_words(doc: Doc, i: int, sent_end: int) -> int:
    """Tokens of an age and its comma at token i ("34,", "41 years,", "aged 41,",
    "52 years old,"), 0 when none."""
    low = token_lowers(doc)
    j = i + (i < sent_end and low[i] == "aged")
    if j >= sent_end or not lexeme_flags(doc, LIKE_NUM)[j]:
        return 0
    j += 1
    while j < sent_end and j - i <= 4 and low[j] in AGE_WORDS:
        j += 1
    return j - i + 1 if j + 2 < sent_end and token_words(doc)[j] == "," else 0


def _bare_title(doc: Doc, i: int, sent_end: int, ctx: Context) -> str | None:
    """", pastor at a church", ", deputy commander of X": a title with no article after a name."""
    words: list[str] = []
    text, low, punct = token_words(doc), token_lowers(doc), lexeme_flags(doc, IS_PUNCT)
    for k in range(i, min(sent_end, i + BARE_TITLE_WORDS + 1, len(text))):
        if low[k] in APPOSITIVE_ENDS or punct[k]:
            return "Person" if words and words[-1] in ctx.titles.heads else None
        if not text[k].islower():
            return None
        words.append(low[k])
    return None


def described_before(doc: Doc, s: int, sent: Span, ctx: Context) -> str | None:
    """"a smaller Michoacán group, Los Viagras," / "A White House spokesman, Tyler Brandt,": a
    description ending right before the name (lower-case head: a description, not a name)."""
    found = _description_before(doc, s, sent)
    if found is None:
        return None
    words, listed, acronym = found
    if acronym:  # "the peacekeeping force in Lebanon, UNIFIL,": any kind word of the description
        return phrase_type(words, ctx)
    kind = phrase_type(words, ctx, last_only=True)  # the head ends right before the comma
    if kind is None and listed and words and words[-1].endswith("s"):
        kind = phrase_type(words[:-1] + [_singular(words[-1])], ctx, last_only=True)  # "groups"
    return kind


def role_before(doc: Doc, s: int, sent: Span, ctx: Context) -> str | None:
    """The title head of a description before a person's name ("The prosecutor in charge of
    the case, X," -> "prosecutor"), so that "the prosecutor said" later finds X."""
    found = _description_before(doc, s, sent)
    if found is None:
        return None
    words, listed, acronym = found
    head = words[-1] if words and not (listed or acronym) else None
    return head if head in ctx.titles.heads else None


def _description_before(doc: Doc, s: int, sent: Span) -> tuple[list[str], bool, bool] | None:
    """(the words of a description ending at the comma right before token s, up to its head;
    whether the name is one of a kind listed; whether the name is an acronym after a
    capitalised description, whose lower-case words are given), or None."""
    text = token_words(doc)
    k = s - 1 if s > sent.start and text[s - 1] in ("the", "The") else s  # ", the Grupo X,"
    listed = k - 2 > sent.start and text[k - 1] in INCLUDERS and text[k - 2] == ","
    k -= listed  # "self-defence groups, including X,": X is one of the kind listed
    if k - 2 < sent.start or text[k - 1] != ",":
        return None
    words = text[max(sent.start, k - 6):k - 1]
    acronym = text[s].isupper() and len(text[s]) >= 3 and text[s].isalpha()
    if words and acronym and not words[-1].islower():  # "the peacekeeping force in Lebanon, UNIFIL,"
        return [w for w in words if w.islower()], listed, True
    end = k - 1 if words and words[-1].islower() else _of_owner(text, k - 1, sent.start)
    if not words or end is None:
        return None
    lo = end - 1  # "minister of ports and marine transport,": the whole lower-case description
    while lo > max(sent.start, end - DESCRIPTION_WORDS) and text[lo - 1].islower():
        lo -= 1
    words = text[lo:end]
    # "a spokesperson for the ministry," / "a farmer who gave his first name,": the head is
    # the noun before a preposition or a relative clause
    cut = min((n for n, w in enumerate(words) if w in DESCRIPTION_CUTS and n > 0), default=None)
    return (words[:cut] if cut else words), listed, False


def _singular(word: str) -> str:
    """"militias" -> "militia", "leaders" -> "leader", "companies" -> "company"."""
    return word[:-3] + "y" if word.endswith("ies") else word[:-1]


def _of_owner(text: list[str], comma: int, lo: int) -> int | None:
    """"a special unit of the Mexican Navy,": where "of" (or "for") and the owner's name start when a
    lower-case description ends with one (None otherwise)."""
    j = comma - 1
    while j > lo and (text[j][:1].isupper() or text[j] in ("the", "'s", "’s")):
        j -= 1
    # "a spokesman for the Nigerian Army, X,": "for" names the owner as "of" does
    return j if j > lo and j < comma - 1 and text[j] in ("of", "for") and text[j - 1].islower() else None


def kind_noun_before(doc: Doc, s: int, sent: Span, ctx: Context) -> str | None:
    """"maritime security firm Ambrey", "the think tank Crisis Group": a lower-case noun naming
    a kind of body right before the name (no comma) types it; a role noun ("leader") does not."""
    words = token_words(doc)[max(sent.start, s - 3):s]
    if not words or not words[-1].islower() or words[-1].lower() not in _cue_ends(ctx.org_cues):
        return None  # only a cue ending right before the name types it
    kind = phrase_type(words, ctx, last_only=True)
    return kind if kind not in (None, "Person") else None


_CUE_ENDS: dict[int, frozenset[str]] = {}  # built once per lexicon object


def _cue_ends(org_cues: dict) -> frozenset[str]:
    """The last words of the appositive cues."""
    if id(org_cues) not in _CUE_ENDS:
        _CUE_ENDS[id(org_cues)] = frozenset(cue[-1] for cue in appositive_index(org_cues)[0] if cue)
    return _CUE_ENDS[id(org_cues)]


def who_after(doc: Doc, s: int, e: int, sent: Span, ctx: Context) -> str | None:
    """"Ronna Delacroix-Haines, who teaches law,": a run that a comma and "who" follow is a
    person, unless a word before it makes it part of a longer phrase ("a woman from X, who",
    "an Arizona Republican, who")."""
    text, low = token_words(doc), token_lowers(doc)
    if e + 1 >= sent.end or text[e] != "," or low[e + 1] not in ctx.org_cues["person_relatives"]:
        return None
    return "Person" if s == sent.start or low[s - 1] not in ctx.org_cues["who_blockers"] else None
