"""Nicknames given right after a person's name: 'Ana Ruiz, whom everyone calls "La Jefa",'.

A quoted name of one to three capitalised words, introduced by a naming verb or an alias
phrase (``org_cues.yaml`` ``nickname_introducers`` and ``alias_introducers``) within a few
words after a person's full name in the same sentence, is that person's nickname: wherever
the nickname stands alone later ("the coalition La Jefa leads"), it is that person, not a
body or a new actor.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from kg.nlp.candidates import DISCOVERED, Candidate
from kg.nlp.lexicons import org_cues, slugify
from kg.nlp.quotes import token_lowers, token_words, word_positions
from kg.nlp.tables import sentence_bounds

WINDOW = 8  # words between the end of the name and the naming verb
MAX_WORDS = 3  # words of a nickname
QUOTE_MARKS = frozenset({'"', "“", "”", "‘", "’"})
STOPS = frozenset({".", ";", "!", "?"})


def nickname_mentions(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Mentions of people's nicknames, keyed to the person (see the module docstring)."""
    text, bounds = token_words(doc), sentence_bounds(doc)
    out: list[Candidate] = []
    for c in cands:
        if c.type != "Person" or c.end - c.start < 2:
            continue
        alias = _nickname_after(doc, c.end, bounds[1][c.start] if bounds is not None else doc[c.start].sent.end)
        if alias is None:
            continue
        key = c.key or slugify(" ".join(t for t in text[c.start:c.end] if t != "-"))
        n = len(alias)
        out += [Candidate(i, i + n, "Person", DISCOVERED, key=key, government=c.government)
                for i in word_positions(doc).get(alias[0], ()) if tuple(text[i:i + n]) == alias]
    return out


def _nickname_after(doc: Doc, e: int, end: int) -> tuple[str, ...] | None:
    """The quoted nickname introduced within WINDOW words after token e, or None."""
    text, low = token_words(doc), token_lowers(doc)
    cues = _cues()
    for j in range(e, min(end, e + WINDOW)):
        if text[j] in STOPS or text[j] in QUOTE_MARKS:
            return None  # the sentence (or a quotation) begins before any naming verb
        n = max((len(w) for w in cues.get(low[j], ()) if tuple(low[j:j + len(w)]) == w), default=0)
        if not n:
            continue
        k = j + n
        if k >= end or text[k] not in QUOTE_MARKS:
            return None  # 'known as the leader': a description, not a quoted name
        stop = k + 1
        while stop < end and stop - k <= MAX_WORDS and text[stop][:1].isupper() and text[stop].isalpha():
            stop += 1
        close = stop + (stop < end and text[stop] in (",", "."))
        if stop == k + 1 or close >= end or text[close] not in QUOTE_MARKS:
            return None
        return tuple(text[k + 1:stop])
    return None


@lru_cache(maxsize=1)
def _cues() -> dict[str, list[tuple[str, ...]]]:
    """Naming phrases by their first word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for words in [*org_cues().get("nickname_introducers", []), *org_cues()["alias_introducers"]]:
        out.setdefault(words[0], []).append(tuple(words))
    return out
