"""Stance of a statement towards military intervention, from the lexicon ``stance.yaml``.

Rule order (the first rule that fires decides; the YAML header says the same). Words are read
by :func:`cue_words`: lower case, hyphenated compounds as their parts.

0. nested quotations of four words or more are removed (someone else's words);
1. ``for_overrides`` ("we will not rule out strikes") -> for_intervention;
2. ``denials`` ("that is ruled out", "not going to happen") -> against_intervention;
3. a negator or rejection word shortly before a force term in the same clause ("we do not
   accept interference", "no invasion"), or "<force term>, no" -> against_intervention; a
   negator opening a ``non_negations`` phrase ("not only", "not whether") negates nothing;
4. ``endorsements`` ("whatever it takes", "I'm fine with that") and the ``for_cues``
   categories -> for_intervention;
4b. ``reassurances`` ("our sovereignty is not at stake") and non-answers ("I won't
   speculate") -> no cue (rules 5 and 6 skipped);
5. ``condemnations`` ("an act of war against our people", "a violation of") and the
   ``against_cues`` categories (sovereignty, legality, harm, self-reliance, victims) -> against;
5b. ``justifications`` (targets labelled "narco-terrorists", "the right to defend itself",
   "full authority under Article II") -> for_intervention, unless a ``distancing`` word ("they
   say", "sees ... as") or a negator before it in its clause makes it no claim of the speaker;
6. a force term with no negation before it and a commitment word before it in its clause
   ("we will", "they're eligible for drone strikes") -> for_intervention, unless the same
   speaker is against intervention elsewhere in the article (then the quote only names the
   force it opposes: no cue); a force merely described ("a strike there would be different"),
   someone else's (``other_owners``, demonyms: "the American strikes") or put as a question
   (``open_questions``: "whether we strike") is no cue;
7. (in :mod:`kg.extract.statements`) the stance of the quote it continues;
8. the speaker context: for an anaphoric quote ("I'm going to do that") rules 1-6 on the
   sentence before it; else rules 1-5b on the attribution sentence with the quote in place
   (plus the sentence before when it names the speaker; a force merely named there, as in
   "asked about plans to send troops", says nothing of the speaker); else the framing verbs
   ``frame_against`` ("X rejected the threat") then ``frame_for`` ("X backed the strikes");
9. neutral.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.nlp.lexicons import read_yaml

AGAINST, FOR, NEUTRAL = "against_intervention", "for_intervention", "neutral"
BARE_FORCE = 6  # the weakest cue: a force named, neither negated nor endorsed
CLAUSE_BREAKS = frozenset({".", ";", ":", "?", "!", ","})
_ABBREVIATION = re.compile(r"\b(?:[a-z]\.){2,}")
_WORD = re.compile(r"n't|[\w'-]+|[.,;:?!*]")


@dataclass(frozen=True)
class StanceLexicon:
    window: int
    negators: "Phrases"
    rejections: "Phrases"
    force: "Phrases"
    for_overrides: "Phrases"
    denials: "Phrases"
    endorsements: "Phrases"
    condemnations: "Phrases"
    commitments: "Phrases"
    anaphora: "Phrases"
    frame_for: "Phrases"
    frame_against: "Phrases"
    reassurances: "Phrases"
    justifications: "Phrases"
    distancing: "Phrases"
    non_negations: "Phrases"
    open_questions: "Phrases"
    other_owners: frozenset


def words(text: str) -> list[str]:
    """Lower-cased words and clause punctuation; "don't" -> "do", "n't"; curly quotes straight."""
    return list(_words(text))


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    """:func:`words`, cached: a quote's words are read for its length, cue and context."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = _ABBREVIATION.sub(lambda m: m.group(0).replace(".", ""), text)  # "u.s." is one word
    text = re.sub(r"(\w)n't\b", r"\1 n't", text)
    return tuple(_WORD.findall(text))


@lru_cache(maxsize=8192)
def cue_words(text: str) -> tuple[str, ...]:
    """:func:`words` with hyphenated compounds read as their parts ("anti-being-a-battlefield",
    "narco-terrorists" -> "narco terrorists"), for cues and lexicon phrases alike."""
    return tuple(part for w in _words(text) for part in (w.split("-") if "-" in w[1:] else (w,)) if part)


@lru_cache(maxsize=1)
def lexicon() -> StanceLexicon:
    data = read_yaml("stance.yaml")

    def phrases(name: str, categories: str = "") -> "Phrases":
        extra = [p for cues in (data.get(categories) or {}).values() for p in cues] if categories else []
        found = {cue_words(str(p)) for p in [*data.get(name, []), *extra]}
        return Phrases(sorted(found, key=len, reverse=True))

    return StanceLexicon(int(data["window"]), phrases("negators"), phrases("rejection_words"),
                         phrases("force_terms"), phrases("for_overrides"), phrases("denials"),
                         phrases("endorsements", "for_cues"), phrases("condemnations", "against_cues"),
                         phrases("commitments"), phrases("anaphora"), phrases("frame_for"),
                         phrases("frame_against"), phrases("reassurances"), phrases("justifications"),
                         phrases("distancing"), phrases("non_negations"), phrases("open_questions"),
                         frozenset([*data["other_owners"], *(d.lower() for d in read_yaml("demonyms.yaml"))]))


class Phrases(tuple):
    """Cue phrases, longest first, indexed by first word so a text is scanned once: a word
    looks up only the phrases that open with it (or with "*"), and a phrase without "*" is
    compared as one tuple."""

    def __new__(cls, phrases):
        self = super().__new__(cls, (p for p in phrases if p))
        self.by_first = {}
        for phrase in self:
            self.by_first.setdefault(phrase[0], []).append((phrase, "*" in phrase))
        self.wild = tuple(self.by_first.pop("*", ()))
        return self


def _matches(ws: list[str], i: int, phrase: tuple[str, ...], wild: bool) -> bool:
    """Does ``phrase`` occur at i? A "*" in a phrase stands for any one word."""
    if not wild:
        return tuple(ws[i:i + len(phrase)]) == phrase
    part = ws[i:i + len(phrase)]
    return len(part) == len(phrase) and all(p in ("*", w) for p, w in zip(phrase, part))


def _find(ws: list[str], phrases: Phrases) -> list[int]:
    """Start indices where any phrase occurs (dict lookups per word: no scan of the lexicon)."""
    index, wild = phrases.by_first, phrases.wild
    found = []
    for i, w in enumerate(ws):
        cands = index.get(w)
        if (cands and any(_matches(ws, i, p, v) for p, v in cands)) or \
                (wild and any(_matches(ws, i, p, v) for p, v in wild)):
            found.append(i)
    return found


_SCANNED = ("for_overrides", "denials", "force", "negators", "rejections", "endorsements",
            "reassurances", "condemnations", "justifications", "distancing", "commitments",
            "non_negations", "open_questions")


@lru_cache(maxsize=1)
def _scanner() -> dict[str, list[tuple[tuple[str, ...], bool, str]]]:
    """Every phrase of the rules 1-6 lexicons in one index: first word -> (phrase, has "*",
    lexicon name); key "*" holds phrases opening with a wildcard."""
    lex, index = lexicon(), {}
    for name in _SCANNED:
        phrases = getattr(lex, name)
        for first, cands in [*phrases.by_first.items(), ("*", phrases.wild)]:
            index.setdefault(first, []).extend((p, wild, name) for p, wild in cands)
    return index


def _scan(ws: list[str]) -> dict[str, list[tuple[int, int]]]:
    """One pass over the words: lexicon name -> (start, end) of each phrase found."""
    index = _scanner()
    wild = index.get("*", ())
    hits: dict[str, list[tuple[int, int]]] = {}
    for i, w in enumerate(ws):
        for phrase, has_wild, name in (*index.get(w, ()), *wild):
            if _matches(ws, i, phrase, has_wild):
                hits.setdefault(name, []).append((i, i + len(phrase)))
    return hits


def _before(ws: list[str], hits: dict, names: tuple[str, ...], i: int, reach: int) -> bool:
    """A phrase of ``names`` wholly within ``reach`` words before i, in i's clause."""
    lo = i
    while lo > 0 and i - lo < reach and ws[lo - 1] not in CLAUSE_BREAKS:
        lo -= 1
    return any(lo <= s and e <= i for name in names for s, e in hits.get(name, ()))


def _justified(ws: list[str], hits: dict, i: int, lex: StanceLexicon) -> bool:
    """A justification at i in the speaker's own words: not someone else's claim ("they say
    he was a narco-terrorist") and not negated ("he was no narco-terrorist")."""
    return not (_before(ws, hits, ("distancing",), i, 2 * lex.window)
                or _before(ws, hits, ("negators",), i, lex.window))


def _committed(ws: list[str], hits: dict, i: int, lex: StanceLexicon) -> bool:
    """Rule 6 at the force term i: a commitment word before it in its clause, the force not
    someone else's ("going to use the American strikes") nor put as a question ("whether we
    strike")."""
    return (_before(ws, hits, ("commitments",), i, 2 * lex.window) and not (i and ws[i - 1] in lex.other_owners)
            and not _before(ws, hits, ("open_questions",), i, 2 * lex.window))


@lru_cache(maxsize=4096)
def cue_rule(text: str) -> tuple[str | None, int | None]:
    """Rules 1-6 on a text: (the stance its own words show, the rule that fired); one scan of
    the words, cached, as a quote is read for its own cue, its group and its context."""
    lex = lexicon()
    ws = list(cue_words(text))
    hits = _scan(ws)
    if "non_negations" in hits:  # "not only", "not whether": a negator that negates no force
        opening = {s for s, _ in hits["non_negations"]}
        hits["negators"] = [h for h in hits.get("negators", ()) if h[0] not in opening]
    if "for_overrides" in hits:  # rule 1
        return FOR, 1
    if "denials" in hits:  # rule 2
        return AGAINST, 2
    force = sorted({s for s, _ in hits.get("force", ())})
    for i in force:  # rule 3: a negator or a rejection word shortly before, or "<force>, no"
        if _before(ws, hits, ("negators", "rejections"), i, lex.window) or \
                ws[i + 1:i + 3] in ([",", "no"], [",", "never"]):
            return AGAINST, 3
    if "endorsements" in hits:  # rule 4
        return FOR, 4
    if "reassurances" in hits:  # rule 4b: "our sovereignty is not at stake"
        return None, None
    if "condemnations" in hits:  # rule 5: force condemned ("an act of war", "a crime")
        return AGAINST, 5
    if any(_justified(ws, hits, s, lex) for s, _ in hits.get("justifications", ())):
        return FOR, 5  # rule 5b: force justified ("narco-terrorists", "defend"), in own words
    if any(_committed(ws, hits, i, lex) for i in force):
        return FOR, BARE_FORCE  # rule 6: force with a will or a we
    return None, None


def cue(text: str, bare_force: bool = True) -> str | None:
    """Rules 1-6 on a text, or None. Without ``bare_force`` rule 6 is skipped: a force merely
    named in a narrative frame says nothing of the speaker."""
    found, rule = cue_rule(text)
    return None if rule == BARE_FORCE and not bare_force else found


def is_anaphoric(text: str) -> bool:
    """Does the quote refer back to an action named before it ("do that")?"""
    return bool(_find(list(cue_words(text)), lexicon().anaphora))


def stance(text: str, context: str = "", previous: str = "") -> str:
    """Rules 1-6 on the quote, then 8 on its context (rule 7 is the caller's), else neutral."""
    return cue(text) or from_context(text, context, previous)


def from_context(text: str, context: str = "", previous: str = "") -> str:
    """Rule 8, the speaker context, then rule 9 (neutral)."""
    if is_anaphoric(text) and previous:
        from_previous = cue(previous)
        if from_previous:
            return from_previous
    return cue(context, bare_force=False) or frame_cue(context) or NEUTRAL


def frame_cue(context: str) -> str | None:
    """Rule 8's last tie-breaker: how the narration frames the speaker ("X backed the strikes",
    "X rejected the threat"); against first, since rejecting is the more explicit frame."""
    lex = lexicon()
    ws = list(cue_words(context))
    if _find(ws, lex.frame_against):
        return AGAINST
    return FOR if _find(ws, lex.frame_for) else None
