"""Shallow syntax shared by the operation and designation extractors.

The pipeline has no parser: sentences come from the Doc (or a punctuation fallback), clauses
from boundary words, and "who did it" from where actor mentions stand relative to a trigger.
Word classes live in ``kg/lexicons/clauses.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span
from spacy.util import normalize_slice

from kg.extract._lexicon import load_lexicon, token_norms, word_set, word_union
from kg.extract._memo import doc_memo, sentence_memo
from kg.extract._setting import country_of_place, dateline_end, home_country
from kg.extract.actors import acting_state, doc_actors, span_rows
from kg.nlp.lexicons import gazetteer
from kg.nlp.quotes import doc_text, token_spaces, token_words
from kg.nlp.transcripts import transcript_turns
from kg.records import Actor

CLAUSES = "clauses.yaml"
_OPEN_QUOTES = frozenset({"\u201c", "\u2018", "``"})
_CLOSE_QUOTES = frozenset({"\u201d", "''"})
_STRAIGHT_QUOTES = frozenset({'"'})


@dataclass(frozen=True)
class Ref:
    """An actor mention as token offsets (end exclusive)."""

    start: int
    end: int
    actor: Actor


def words(key: str) -> frozenset[str]:
    """A word class from clauses.yaml."""
    return word_set(CLAUSES, key)


def _actor(doc: Doc, key: str | None) -> Actor | None:
    """The actor of a key: from the Doc, else from the gazetteer (read only)."""
    if not key:
        return None
    return (doc.user_data.get("kg.actors") or {}).get(key) or gazetteer().actors.get(key)


def actor_refs(doc: Doc) -> list[Ref]:
    """Actor mentions (names first, then coreferent pronouns/descriptions), no overlaps, sorted;
    found once per Doc while its mentions and actors stay the same (a new list each call)."""
    inputs = (span_rows(doc, "kg_actors"), span_rows(doc, "kg_coref"), doc.user_data.get("kg.actors"))
    return list(doc_memo(doc, "actor_refs", inputs, _actor_refs))


def _actor_refs(doc: Doc) -> list[Ref]:
    found: list[tuple[int, int, int, Actor]] = []
    for rank, group in enumerate(("kg_actors", "kg_coref")):
        for span in span_rows(doc, group):
            actor = _actor(doc, span.kb_id_)
            if actor is not None:
                found.append((rank, -(span.end - span.start), span.start, actor))
    taken: set[int] = set()
    refs: list[Ref] = []
    for _rank, neg_len, start, actor in sorted(found, key=lambda f: (f[0], f[1], f[2], f[3].key)):
        end = start - neg_len
        if taken.intersection(range(start, end)):
            continue
        taken.update(range(start, end))
        refs.append(Ref(start, end, actor))
    return sorted(refs, key=lambda r: r.start)


def country_actor(doc: Doc, key: str | None) -> Actor | None:
    """The actor of a country key (from a demonym): from the Doc, else from the gazetteer."""
    return _actor(doc, key)


def agent_actor(doc: Doc, actor: Actor) -> Actor | None:
    """The state or armed group an actor stands for as an agent; None for private persons, media."""
    if actor.type == "GovernmentBody" and not actor.government and actor.label.isupper():
        return home_country(doc) or actor  # "SENAN units intercepted" in a story from Panama City
    if actor.type.lower() in words("agent_types") or actor.government:
        return acting_state(doc, actor)
    return None


def sentences(doc: Doc) -> list[Span]:
    """The Doc's sentences; without sentence boundaries, split at newlines and end punctuation.
    Found once per Doc (a new list each call)."""
    if "kg.sentences" not in doc.user_data:  # token offsets: no Span (and no cycle) kept
        spans = _sentences(doc)
        doc.user_data["kg.sentences"] = [(s.start, s.end) for s in spans]
        return spans  # the first call returns the Spans it found (no second build)
    return [Span(doc, start, end) for start, end in doc.user_data["kg.sentences"]]  # doc[start:end]


def _sentences(doc: Doc) -> list[Span]:
    if doc.has_annotation("SENT_START"):
        text = doc_text(doc)
        return [s for s in doc.sents if text[s.start_char:s.end_char].strip()]
    spans: list[Span] = []
    start = 0
    for tok in doc:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if ends_sentence(tok, nxt) or nxt is None:
            if any(not t.is_space for t in doc[start : tok.i + 1]):
                spans.append(doc[start : tok.i + 1])
            start = tok.i + 1
    return spans


def ends_sentence(tok, nxt) -> bool:
    """A newline, or end punctuation before a capital, a quote or a line break."""
    if "\n" in tok.text:
        return True
    if tok.text not in {".", "!", "?"}:
        return False
    return (nxt is None or "\n" in tok.whitespace_ or nxt.is_title or nxt.is_space
            or nxt.text in _OPEN_QUOTES | _STRAIGHT_QUOTES)


def quote_regions(sent: Span) -> list[tuple[int, int]]:
    """Token ranges (start, end exclusive) inside quotation marks within a sentence."""
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    texts = token_words(sent.doc)
    for i in range(sent.start, sent.end):
        text = texts[i]
        if text in _OPEN_QUOTES or (text in _STRAIGHT_QUOTES and open_at is None):
            open_at = i + 1
        elif open_at is not None and (text in _CLOSE_QUOTES or text in _STRAIGHT_QUOTES):
            regions.append((open_at, i))
            open_at = None
    if open_at is not None:
        regions.append((open_at, sent.end))
    return regions


def inside(regions: list[tuple[int, int]], i: int) -> tuple[int, int] | None:
    """The region containing token ``i``, if any."""
    for start, end in regions:
        if start <= i < end:
            return (start, end)
    return None


_PERFECT = frozenset({"has", "have", "had", "'s", "'ve", "'d", "having"})


def clause_start(sent: Span, i: int, floor: int | None = None) -> int:
    """First token of the clause that holds token ``i`` (opaque boundaries only)."""
    floor = sent.start if floor is None else floor
    opaque = words("opaque_boundaries")
    texts, norms = token_words(sent.doc), token_norms(sent.doc)
    j = i
    while j > floor:
        j -= 1
        if texts[j] == ")" and (k := _paren_open(sent, j, floor)) is not None:
            j = k  # "the Security Service of Ukraine (SBU) said": an acronym, no clause
            continue
        if norms[j] in opaque and not (j > floor and norms[j] == "since" and norms[j - 1] in _PERFECT):
            # ("has since designated": an adverb after a perfect auxiliary, no clause opener)
            if j == sent.start:  # fronted subordinate clause: the main clause starts after its comma
                commas = [k for k in range(j + 1, i) if texts[k] == ","]
                return commas[0] + 1 if commas else j + 1
            return j + 1
    return floor


def _paren_open(sent: Span, close: int, floor: int) -> int | None:
    """The "(" of a one-word parenthesis after a name ("Ukraine (SBU)") closing at ``close``."""
    k = close - 2
    if k <= floor or token_words(sent.doc)[k] != "(" or not token_words(sent.doc)[k - 1][:1].isupper():
        return None
    return k


def in_pp(doc: Doc, ref: Ref) -> bool:
    """Whether a mention is the object of a preposition (not a subject)."""
    norms = token_norms(doc)
    preps, skip = words("prepositions") - {"by"}, word_union((CLAUSES, "determiners"), (CLAUSES, "np_modifiers"))
    j = ref.start - 1
    while j >= 0 and norms[j] in skip and norms[j] not in preps:
        j -= 1
    return j >= 0 and norms[j] in preps


def blocked(doc: Doc, start: int, end: int, reporting: bool = True) -> bool:
    """Whether a word of opposition or judgement (or of saying) stands between two offsets."""
    blocking = word_union((CLAUSES, "blocking_words"), (CLAUSES, "reporting_words")) if reporting \
        else words("blocking_words")
    negators = {"not", "never", "n't"}
    # "has not ruled out sending troops": a negated word of opposition blocks nothing
    owned = words("owning_nouns")  # "claimed responsibility for the attack": its own deed
    judging, particles = words("judging_words"), words("judging_particles")
    norms = token_norms(doc)
    for k in range(start, end):
        low, nxt = norms[k], (norms[k + 1] if k + 1 < len(doc) else "")
        if low in judging and nxt not in particles:
            return True  # "called the attack an undeclared war" (but "called for strikes")
        if low in blocking and not (k > 0 and norms[k - 1] in negators) and nxt not in owned:
            return True
    return False


def phrase_text(doc: Doc, start: int, end: int) -> str:
    """Normalised text of tokens [start, end): NFKC, straight quotes, lower case, no determiners."""
    texts, norms = token_words(doc), token_norms(doc)
    start, end = normalize_slice(len(doc), start, end)  # as ``doc[start:end]`` reads them
    quotes = _OPEN_QUOTES | _CLOSE_QUOTES | _STRAIGHT_QUOTES
    toks = [k for k in range(start, end) if texts[k] not in quotes]
    dets, n = words("determiners"), 0
    while n < len(toks) and (norms[toks[n]] in dets or doc[toks[n]].like_num or norms[toks[n]] == "than"):
        n += 1  # "the", "several", "40", "more than 15"
    spaces = token_spaces(doc)
    text = "".join(texts[k] + spaces[k] for k in toks[n:])
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip().lower()


@lru_cache(maxsize=1)
def _np_stops() -> frozenset[str]:
    """Words a noun phrase stops before: prepositions but "of", and clause boundaries."""
    return words("prepositions") - {"of"} | words("opaque_boundaries") | words("transparent_boundaries")


def read_np(doc: Doc, i: int, limit: int, max_len: int = 6) -> tuple[int, int]:
    """A noun phrase starting at token ``i`` (first conjunct only); (i, i) when there is none."""
    norms = token_norms(doc)
    stops, verbs = _np_stops(), words("np_stop_words")
    enders = {"and", "or"} | verbs  # built once, not for every word
    end, of_seen = i, False
    while end < min(limit, i + max_len):
        tok, low = doc[end], norms[end]
        if (tok.is_punct and tok.text not in {"-", "'s", "\u2019s"}) or low in enders:
            break
        if low in stops or (low == "of" and (of_seen or end == i)):
            break
        if low.endswith("ing") and end > i and norms[end - 1].endswith("s") and low not in verbs:
            break  # "vessels transporting ...": a participle after a plural noun ends the phrase
        if end > i and participle_by(doc, end):
            break  # "vessels operated by X": the by-phrase describes the noun
        of_seen = of_seen or low == "of"
        end += 1
    while end > i and norms[end - 1] in {"of", "-"}:
        end -= 1
    return (i, end)


def fronted_country(doc: Doc, refs: list[Ref], sent: Span) -> Actor | None:
    """The country of a fronted "In <Country>," that sets the scene of a sentence."""
    texts, norms = token_words(doc), token_norms(doc)
    first = max(sent.start, dateline_end(doc))  # "LIMA — In Kenya, ...": after the dateline
    if first + 2 >= sent.end or norms[first] != "in":
        return None
    ref = next((r for r in refs if r.start == first + 1), None)
    if ref is None or ref.actor.type != "Country" or ref.end >= sent.end or texts[ref.end] != ",":
        return None
    return ref.actor


def bare_force_refs(doc: Doc, sent: Span, refs: list[Ref]) -> list[Ref]:
    """Bare forces ("the army", "police", "soldiers") as mentions of the country whose forces
    they are: the country of the place they serve ("police in Sabha"), else a fronted "In
    <Country>," of the sentence, else the dateline country."""
    slots = sentence_memo(doc, "bare_forces", sent, _bare_force_slots)
    if not slots:
        return []
    state = fronted_country(doc, refs, sent) or home_country(doc)
    taken = {i for r in refs for i in range(r.start, r.end)}
    owners = words("not_bare_before")
    found = [Ref(i, i + 1, _stationed_in(doc, i) or state) for i in slots
             if i not in taken and not _owned(doc, sent, i, taken, owners)]
    return [r for r in found if r.actor is not None]


def _stationed_in(doc: Doc, j: int) -> Actor | None:
    """"police in Sabha": the country of the named place right after the force noun at ``j``."""
    texts, norms = token_words(doc), token_norms(doc)
    if j + 2 >= len(doc) or norms[j + 1] != "in" or not texts[j + 2][:1].isupper():
        return None
    e = j + 2
    while e < len(doc) and texts[e][:1].isupper() and e - j < 6:
        e += 1
    return country_of_place(" ".join(texts[j + 2:e]))


def _bare_force_slots(doc: Doc, sent: Span) -> list[int]:
    """Where a sentence has a bare force word not heading a person ("the former police officer",
    "an army spokesman": a person, not the force)."""
    norms, bare, modified = token_norms(doc), words("bare_forces"), words("force_modified_nouns")
    return [i for i in range(sent.start, sent.end) if norms[i] in bare
            and not (i + 1 < sent.end and norms[i + 1] in modified)]


def _owned(doc: Doc, sent: Span, i: int, taken: set[int], owners: frozenset[str]) -> bool:
    """Whether a force noun has an owner before it, over up to two lower-case modifiers: "its
    officers", "Kenyan police", "Kurdish-led security forces" (but not "Last Saturday soldiers")."""
    texts, norms = token_words(doc), token_norms(doc)
    dates = load_lexicon("dates.yaml")
    j = i - 1
    while j >= sent.start:
        prev = texts[j].rstrip(".")
        if norms[j] in owners or j in taken:
            return True
        if doc[j].is_title and prev not in dates["weekdays"] and prev not in dates["months"]:
            # a capitalised word names the owner, unless a sentence opens with a plain modifier
            return j > sent.start or norms[j] not in words("force_modifiers") | words("determiners")
        if texts[j] != "-" and (not doc[j].is_lower or doc[j].is_punct or i - j > 4
                                   or norms[j] in words("determiners")):
            return False
        j -= 1
    return False


def descriptor_refs(doc: Doc, sent: Span, refs: list[Ref]) -> list[Ref]:
    """"the rebels", "the militants": a definite description of an armed group as a mention of
    the group named last before it; "the administration" likewise of the government named last
    (within ``descriptor_reach`` tokens)."""
    group_slots, state_slots = sentence_memo(doc, "descriptors", sent, _descriptor_slots)
    if not group_slots and not state_slots:
        return []
    taken = {i for r in refs for i in range(r.start, r.end)}
    reach = int(load_lexicon(CLAUSES).get("descriptor_reach", 150))
    found = []
    for i in group_slots:
        if i in taken:
            continue
        groups = [r for r in refs if r.end <= i - 1 and i - r.start <= reach
                  and r.actor.type == "CriminalOrganization"]
        if groups:
            found.append(Ref(i, i + 1, groups[-1].actor))
    for i in state_slots:  # "the administration": the government named last before it
        if i in taken:
            continue
        states = [r for r in refs if r.end <= i - 1 and i - r.start <= reach
                  and (r.actor.type == "Country" or r.actor.government)]
        if states:
            found.append(Ref(i, i + 1, states[-1].actor))
    return sorted(found, key=lambda r: r.start)


def _descriptor_slots(doc: Doc, sent: Span) -> tuple[list[int], list[int]]:
    """Where a sentence has "the" + a group descriptor, and "the" + a government descriptor
    not followed by a possessive (not "the administration's"): the mentions' possible places."""
    norms, groups, states = token_norms(doc), words("group_descriptors"), words("government_descriptors")
    after_the = [i for i in range(max(sent.start, 1), sent.end) if norms[i - 1] == "the"]
    return ([i for i in after_the if norms[i] in groups],
            [i for i in after_the if norms[i] in states
             and not (i + 1 < len(doc) and norms[i + 1] in {"'s", "'"})])


def turn_speaker(doc: Doc, i: int) -> Actor | None:
    """The state (or body) a transcript turn's speaker ("LEAVITT: ...") acts for, when token
    ``i`` is spoken in that turn; the turns are read once per Doc."""
    person = turn_person(doc, i)
    return agent_actor(doc, person) if person is not None else None


def doc_turns(doc: Doc) -> list:
    """The transcript turns of a Doc ("LEAVITT: ..."), read once per Doc."""
    turns = doc.user_data.get("kg.turns")
    if turns is None:
        turns = doc.user_data["kg.turns"] = transcript_turns(doc, doc_actors(doc))
    return turns


def turn_person(doc: Doc, i: int) -> Actor | None:
    """The speaker of the transcript turn ("LEAVITT: ...") that holds token ``i``."""
    char = doc[i].idx
    return next((t.speaker for t in doc_turns(doc) if t.start <= char < t.end), None)


def participle_by(doc: Doc, k: int) -> bool:
    """Whether token ``k`` is a lower-case past participle followed by "by" ("operated by")."""
    norms = token_norms(doc)
    if k + 1 >= len(doc) or norms[k + 1] != "by" or not doc[k].is_lower:
        return False
    low = norms[k]
    return low.endswith("ed") or low in words("irregular_participles")
