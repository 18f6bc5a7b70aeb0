"""Stance of a statement towards military intervention, from the lexicon ``stance.yaml``.

Rule order (the first rule that fires decides; the YAML header says the same). Words are read
by :func:`cue_words`: lower case, hyphenated compounds as their parts.

S. scope first (:mod:`kg.extract.stance_scope`): a quote about another state's own force or
   about places outside the region is neutral (rules S1-S3 here; S4, the article's theater,
   after extraction);

0. nested quotations of four words or more are removed (someone else's words);
0b. an ``opinion_markers`` sentence after reported facts ("Personally, I think ...") is read
   first: when rules 1-6 find a cue from there on, it decides;
1. ``for_overrides`` ("we will not rule out strikes") -> for_intervention;
2. ``denials`` ("that is ruled out", "not going to happen") -> against_intervention;
3. a negator or rejection word shortly before a force term in the same clause ("we do not
   accept interference", "no invasion"), or "<force term>, no" -> against_intervention; a
   negator or rejection word inside a ``non_negations`` phrase ("not only", "denied that",
   "not saying") or an ``existentials`` phrase not followed by an ``intent_nouns`` word
   ("there are no troops here", but "there are no plans to send troops") negates nothing;
4. ``endorsements`` ("whatever it takes", "I'm fine with that") and the ``for_cues``
   categories -> for_intervention; 4c: a force term followed in its sentence by a ``benefits``
   phrase ("foreign bases would give us", "the strikes have worked") -> for_intervention;
   4d: a ``harm`` cue after a ``withdrawals`` word in its clause judges an ending, not force:
   dropped, and for_intervention when a force term follows the withdrawal word ("pulling the
   troops out would be a disaster"; "to suspend the intelligence is a gift to them": no cue);
4b. ``reassurances`` ("our sovereignty is not at stake") and non-answers ("I won't
   speculate") -> no cue (rules 5 and 6 skipped);
5. ``condemnations`` ("an act of war against our people", "a violation of") and the
   ``against_cues`` categories (sovereignty, legality, harm, self-reliance, victims,
   occupation, circumvention) -> against, unless the phrase opens a body's name (a
   ``body_nouns`` word after it: "human rights groups count ...");
5b. ``justifications`` (targets labelled "narco-terrorists", "the right to defend itself",
   "full authority under Article II") -> for_intervention, unless a ``distancing`` word ("they
   say", "sees ... as") or a negator before it in its clause makes it no claim of the speaker;
5c. a force term followed in its sentence by a ``clearances`` phrase ("every strike was
   reviewed by lawyers and approved") -> for_intervention (4c and 5c: not in a question);
6. a force term with no negation before it and a commitment word before it in its clause
   ("we will", "they're eligible for drone strikes") -> for_intervention, unless the same
   speaker is against intervention elsewhere in the article (then the quote only names the
   force it opposes: no cue); a force merely described ("a strike there would be different"),
   someone else's (``other_owners``, demonyms: "the American strikes"; an ``other_subjects``
   pronoun before a ``deed_commitments`` word: "they have carried out strikes") or put as a
   question (``open_questions``: "whether we strike"; a sentence ending in "?") is no cue;
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

from kg.extract.stance_scope import OUT, quote_scope
from kg.nlp.lexicons import demonyms, read_yaml

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
    other_subjects: frozenset
    deeds: "Phrases"
    existentials: "Phrases"
    intent_nouns: frozenset
    body_nouns: frozenset
    benefits: "Phrases"
    clearances: "Phrases"
    opinions: "Phrases"
    harm: "Phrases"
    withdrawals: frozenset


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
                         frozenset([*data["other_owners"], *(d.lower() for d in demonyms())]),
                         frozenset(data["other_subjects"]), phrases("deed_commitments"), phrases("existentials"),
                         frozenset(data["intent_nouns"]), frozenset(data["body_nouns"]), phrases("benefits"),
                         phrases("clearances"),
                         phrases("opinion_markers"), _category(data, "against_cues", "harm"),
                         frozenset(data["withdrawals"]))


def _category(data: dict, group: str, name: str) -> "Phrases":
    """One category of a cue group (``against_cues: harm``) as its own phrase index."""
    return Phrases(sorted({cue_words(str(p)) for p in data[group][name]}, key=len, reverse=True))


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
            "non_negations", "open_questions", "benefits", "deeds", "existentials", "harm",
            "clearances")


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
    wild = _scanner().get("*", ())
    by_next = _by_next()
    hits: dict[str, list[tuple[int, int]]] = {}
    size = len(ws)
    for i, w in enumerate(ws):
        table = by_next.get(w)
        # only the phrases whose second word is the next word (or "*") can occur here
        mine = table[0].get(ws[i + 1] if i + 1 < size else None, table[1]) if table else ()
        for cands in (mine, wild):
            for phrase, has_wild, name in cands:
                # a one-word phrase is found where the index (or its "*") points
                if len(phrase) == 1 or _matches(ws, i, phrase, has_wild):
                    hits.setdefault(name, []).append((i, i + len(phrase)))
    return hits


@lru_cache(maxsize=1)
def _by_next() -> dict[str, tuple[dict[str, list], list]]:
    """For each first word of ``_scanner``'s index: its phrases by their second word (each
    list in the index's order, with the one-word phrases and those whose second word is "*"),
    and the list for any other second word."""
    tables = {}
    for first, cands in _scanner().items():
        seconds = {phrase[1] for phrase, _wild, _name in cands if len(phrase) > 1 and phrase[1] != "*"}
        fits = {second: [c for c in cands if len(c[0]) == 1 or c[0][1] in (second, "*")] for second in seconds}
        tables[first] = (fits, [c for c in cands if len(c[0]) == 1 or c[0][1] == "*"])
    return tables


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
    someone else's ("going to use the American strikes", "they have carried out strikes")
    nor put as a question ("whether we strike", "will they send troops?")."""
    return (_before(ws, hits, ("commitments",), i, 2 * lex.window) and not (i and ws[i - 1] in lex.other_owners)
            and not _before(ws, hits, ("open_questions",), i, 2 * lex.window)
            and not _asked(ws, i) and not _third_party(ws, hits, i, lex))


def _asked(ws: list[str], i: int) -> bool:
    """Is the word at i in a question (its sentence ends with "?")? A question commits to nothing."""
    end = next((k for k in range(i, len(ws)) if ws[k] in {".", "?", "!"}), None)
    return end is not None and ws[end] == "?"


def _third_party(ws: list[str], hits: dict, i: int, lex: StanceLexicon) -> bool:
    """Is the commitment before the force at i someone else's: a third-person subject right
    before the commitment word ("they have carried out dozens of strikes")?"""
    starts = [s for s, _ in hits.get("commitments", ()) if s < i]
    deeds = {s for s, _ in hits.get("deeds", ())}
    if not starts or max(starts) not in deeds:
        return False
    k = max(starts) - 1
    while k >= 0 and ws[k] in {"have", "has", "had", "also", "already", "now", "just"}:
        k -= 1
    return k >= 0 and ws[k] in lex.other_subjects


def _drop_covered(hits: dict, lex: StanceLexicon, ws: list[str]) -> None:
    """Hits that are no cue where they stand: a negator or rejection word inside a
    ``non_negations`` phrase ("not only", "there are no", "denied that"), a condemnation that
    is the start of a body's name ("human rights groups count ...")."""
    covered = [*hits.get("non_negations", ()), *((s, e) for s, e in hits.get("existentials", ())
                                                   if e >= len(ws) or ws[e] not in lex.intent_nouns)]
    for name in ("negators", "rejections"):
        if name in hits:
            hits[name] = [h for h in hits[name] if not any(s <= h[0] < e for s, e in covered)]
    if "condemnations" in hits:
        hits["condemnations"] = [h for h in hits["condemnations"]
                                 if not (h[1] < len(ws) and ws[h[1]] in lex.body_nouns)]
        if not hits["condemnations"]:
            del hits["condemnations"]


def _withdrawn(ws: list[str], hits: dict, lex: StanceLexicon) -> bool:
    """Rule 4d: a harm cue after a withdrawal word in its clause judges the end of something,
    not force: the cue is dropped; True when what ends is a force term ("pulling the troops out
    would be a disaster": the speaker wants the force kept)."""
    kept, dropped = False, set()
    for h, _ in hits.get("harm", ()):
        start = next((k + 1 for k in range(h - 1, -1, -1) if ws[k] in CLAUSE_BREAKS), 0)
        stops = [k for k in range(start, h) if ws[k] in lex.withdrawals]
        if stops:
            dropped.add(h)
            kept = kept or any(stops[0] < f <= stops[0] + 3 and f < h for f, _ in hits.get("force", ()))
    if dropped and "condemnations" in hits:
        hits["condemnations"] = [c for c in hits["condemnations"] if c[0] not in dropped]
        if not hits["condemnations"]:
            del hits["condemnations"]
    return kept


def _follows_force(ws: list[str], hits: dict, name: str) -> bool:
    """Rules 4c and 5c: a phrase of ``name`` after a force term in its sentence, not a
    question ("foreign bases would give us intelligence", "every strike was approved")."""
    force = [s for s, _ in hits.get("force", ())]
    for b, _ in hits.get(name, ()):
        if not _asked(ws, b) and any(f < b and not any(w in {".", "?", "!"} for w in ws[f:b]) for f in force):
            return True
    return False


@lru_cache(maxsize=4096)
def cue_rule(text: str) -> tuple[str | None, int | None]:
    """Rules 1-6 on a text: (the stance its own words show, the rule that fired); one scan of
    the words, cached, as a quote is read for its own cue, its group and its context. Rule 0b:
    the speaker's own opinion ("Personally, I think ...") after other sentences is read first.
    Rule S first (:mod:`kg.extract.stance_scope`): a quote about another state's force or about
    a place outside the region is neutral, whatever its words."""
    if quote_scope(text) == OUT:
        return NEUTRAL, 0
    ws = list(cue_words(text))
    opinion = _opinion_start(ws)
    if opinion:
        found = _rules(ws[opinion:])
        if found[0] is not None:
            return found
    return _rules(ws)


def _opinion_start(ws: list[str]) -> int:
    """Start of the sentence where an opinion marker opens the speaker's view (0: none, or
    the quote opens with it)."""
    marks = _find(ws, lexicon().opinions)
    if not marks:
        return 0
    k = marks[0]
    while k > 0 and ws[k - 1] not in {".", "?", "!"}:
        k -= 1
    return k


def _rules(ws: list[str]) -> tuple[str | None, int | None]:
    """Rules 1-6 on words (see :func:`cue_rule`)."""
    lex = lexicon()
    hits = _scan(ws)
    _drop_covered(hits, lex, ws)  # "not only", "there are no", "human rights groups"
    if "for_overrides" in hits:  # rule 1
        return FOR, 1
    if "denials" in hits:  # rule 2
        return AGAINST, 2
    force = sorted({s for s, _ in hits.get("force", ())})
    for i in force:  # rule 3: a negator or a rejection word shortly before, or "<force>, no"
        if _before(ws, hits, ("negators", "rejections"), i, lex.window) or \
                ws[i + 1:i + 3] in ([",", "no"], [",", "never"]):
            return AGAINST, 3
    kept = _withdrawn(ws, hits, lex)  # rule 4d: "ending the strikes would be a mistake"
    if "endorsements" in hits or _follows_force(ws, hits, "benefits") or kept:  # rules 4, 4c, 4d
        return FOR, 4
    if "reassurances" in hits:  # rule 4b: "our sovereignty is not at stake"
        return None, None
    if "condemnations" in hits:  # rule 5: force condemned ("an act of war", "a crime")
        return AGAINST, 5
    if any(_justified(ws, hits, s, lex) for s, _ in hits.get("justifications", ())):
        return FOR, 5  # rule 5b: force justified ("narco-terrorists", "defend"), in own words
    if _follows_force(ws, hits, "clearances"):  # rule 5c: "every strike was approved"
        return FOR, 5
    if any(_committed(ws, hits, i, lex) for i in force):
        return FOR, BARE_FORCE  # rule 6: force with a will or a we
    return None, None


def cue(text: str, bare_force: bool = True) -> str | None:
    """Rules 1-6 on a text, or None. Without ``bare_force`` rule 6 is skipped: a force merely
    named in a narrative frame says nothing of the speaker."""
    found, rule = cue_rule(text)
    return None if rule == BARE_FORCE and not bare_force else found


@lru_cache(maxsize=4096)
def judges_an_ending(text: str) -> bool:
    """Does the quote judge the end of something that is no force (rule 4d: "to suspend the
    intelligence is to give a gift to them")? Then the narration around it ("X criticized the
    decision") judges that ending too, not force: no context cue."""
    ws = list(cue_words(text))
    hits = _scan(ws)
    return "harm" in hits and not _withdrawn(ws, hits, lexicon()) and not hits.get("condemnations")


def is_anaphoric(text: str) -> bool:
    """Does the quote refer back to an action named before it ("do that")?"""
    return bool(_find(list(cue_words(text)), lexicon().anaphora))


def stance(text: str, context: str = "", previous: str = "") -> str:
    """Rules 1-6 on the quote, then 8 on its context (rule 7 is the caller's), else neutral."""
    return cue(text) or from_context(text, context, previous)


def from_context(text: str, context: str = "", previous: str = "") -> str:
    """Rule 8, the speaker context, then rule 9 (neutral)."""
    if judges_an_ending(text):  # rule 4d: the quote judges an ending, its frame judges that too
        return NEUTRAL
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

