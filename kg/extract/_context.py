"""Shallow syntax shared by the operation and designation extractors.

The pipeline has no parser: sentences come from the Doc (or a punctuation fallback), clauses
from boundary words, and "who did it" from where actor mentions stand relative to a trigger.
Word classes live in ``kg/lexicons/clauses.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kg.extract._lexicon import norm, word_set
from kg.extract.actors import acting_state
from kg.nlp.lexicons import gazetteer
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
    """Actor mentions (names first, then coreferent pronouns/descriptions), no overlaps, sorted."""
    found: list[tuple[int, int, int, Actor]] = []
    for rank, group in enumerate(("kg_actors", "kg_coref")):
        if group not in doc.spans:
            continue
        for span in doc.spans[group]:
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
    if actor.type.lower() in words("agent_types") or actor.government:
        return acting_state(doc, actor)
    return None


def sentences(doc: Doc) -> list[Span]:
    """The Doc's sentences; without sentence boundaries, split at newlines and end punctuation."""
    if doc.has_annotation("SENT_START"):
        return [s for s in doc.sents if s.text.strip()]
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
    for tok in sent:
        if tok.text in _OPEN_QUOTES or (tok.text in _STRAIGHT_QUOTES and open_at is None):
            open_at = tok.i + 1
        elif open_at is not None and (tok.text in _CLOSE_QUOTES | _STRAIGHT_QUOTES):
            regions.append((open_at, tok.i))
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


def clause_start(sent: Span, i: int, floor: int | None = None) -> int:
    """First token of the clause that holds token ``i`` (opaque boundaries only)."""
    floor = sent.start if floor is None else floor
    opaque = words("opaque_boundaries")
    for j in range(i - 1, floor - 1, -1):
        if norm(sent.doc[j]) in opaque:
            if j == sent.start:  # fronted subordinate clause: the main clause starts after its comma
                commas = [k for k in range(j + 1, i) if sent.doc[k].text == ","]
                return commas[0] + 1 if commas else j + 1
            return j + 1
    return floor


def in_pp(doc: Doc, ref: Ref) -> bool:
    """Whether a mention is the object of a preposition (not a subject)."""
    preps, skip = words("prepositions") - {"by"}, words("determiners") | words("np_modifiers")
    j = ref.start - 1
    while j >= 0 and norm(doc[j]) in skip and norm(doc[j]) not in preps:
        j -= 1
    return j >= 0 and norm(doc[j]) in preps


def blocked(doc: Doc, start: int, end: int, reporting: bool = True) -> bool:
    """Whether a word of opposition or judgement (or of saying) stands between two offsets."""
    blocking = words("blocking_words") | (words("reporting_words") if reporting else frozenset())
    negators = {"not", "never", "n't"}
    # "has not ruled out sending troops": a negated word of opposition blocks nothing
    return any(norm(doc[k]) in blocking and not (k > 0 and norm(doc[k - 1]) in negators)
               for k in range(start, end))


def phrase_text(doc: Doc, start: int, end: int) -> str:
    """Normalised text of tokens [start, end): NFKC, straight quotes, lower case, no determiners."""
    toks = [t for t in doc[start:end] if t.text not in _OPEN_QUOTES | _CLOSE_QUOTES | _STRAIGHT_QUOTES]
    dets = words("determiners")
    while toks and (norm(toks[0]) in dets or toks[0].like_num):  # "the", "several", "40"
        toks = toks[1:]
    text = "".join(t.text_with_ws for t in toks)
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip().lower()


def read_np(doc: Doc, i: int, limit: int, max_len: int = 6) -> tuple[int, int]:
    """A noun phrase starting at token ``i`` (first conjunct only); (i, i) when there is none."""
    stops = words("prepositions") - {"of"} | words("opaque_boundaries") | words("transparent_boundaries")
    verbs = words("np_stop_words")
    end, of_seen = i, False
    while end < min(limit, i + max_len):
        tok, low = doc[end], norm(doc[end])
        if (tok.is_punct and tok.text not in {"-", "'s", "\u2019s"}) or low in {"and", "or"} | verbs:
            break
        if low in stops or (low == "of" and (of_seen or end == i)):
            break
        if low.endswith("ing") and end > i and norm(doc[end - 1]).endswith("s") and low not in verbs:
            break  # "vessels transporting ...": a participle after a plural noun ends the phrase
        of_seen = of_seen or low == "of"
        end += 1
    while end > i and norm(doc[end - 1]) in {"of", "-"}:
        end -= 1
    return (i, end)
