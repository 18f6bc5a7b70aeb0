"""Actors: mentions from the pipeline's span groups, and helpers other extractors use.

The work happens in the pipeline (:mod:`kg.nlp.recognizer` fills ``kg_actors``,
:mod:`kg.nlp.coref` fills ``kg_coref``); this module reads the Doc:

- :func:`extract_mentions` yields a :class:`Mention` per name, pronoun or description;
- :func:`doc_actors` is ``doc.user_data["kg.actors"]``;
- :func:`actor_of`, :func:`actors_in` and :func:`acting_state` answer "who is this?",
  "who is mentioned here?" and "which state does this actor act for?".
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import NamedTuple

from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span, Token

from kg.nlp.lexicons import gazetteer
from kg.nlp.lexicons import slugify as _slugify
from kg.nlp.quotes import doc_text, token_words
from kg.nlp.tables import char_offsets
from kg.records import Actor, Evidence, Mention

GROUPS = ("kg_actors", "kg_coref")


def slugify(label: str) -> str:
    """ASCII-folded lower-case hyphenated slug of a label, as used in actor IRIs."""
    return _slugify(label)


def doc_actors(doc: Doc) -> dict[str, Actor]:
    """Every actor of the Doc, by key (set by the ``kg_actors`` component)."""
    return doc.user_data.get("kg.actors", {})


def _lookup(doc: Doc, key: str) -> Actor | None:
    return doc_actors(doc).get(key) or gazetteer().actors.get(key)


def evidence(span: Span) -> Evidence:
    """Evidence for a span: its offsets and its sentence (``span.sent``: from the start of the
    sentence holding its first token to the end of the one holding its last)."""
    return _evidence(span.doc, span.start, span.end, span.start_char, span.end_char)


def _evidence(doc: Doc, start: int, end: int, start_char: int, end_char: int) -> Evidence:
    first, last = sentence_bounds(doc, start, end)
    text, offsets = doc_text(doc), char_offsets(doc)  # token.idx and token.text, no Token built
    sent_start = offsets[first]
    sent_end = offsets[last - 1] + len(token_words(doc)[last - 1])
    return Evidence(start_char, end_char, text[sent_start:sent_end].rstrip(), sent_start)


def sentence_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token range of ``doc[start:end].sent`` (spaCy's rule: back from ``start`` to a sentence
    start, on from ``end`` to the next one), from the sentence starts read once per Doc."""
    starts = doc.user_data.get("kg.sent_starts")
    if starts is None or starts[-1] != len(doc):
        if not doc.has_annotation("SENT_START"):
            sent = doc[start:end].sent
            return sent.start, sent.end
        flags = doc.to_array(SENT_START).tolist()
        starts = doc.user_data["kg.sent_starts"] = [i for i, f in enumerate(flags) if f == 1 and i > 0]
        starts.append(len(doc))
    k = bisect.bisect_right(starts, start) - 1
    first = starts[k] if k >= 0 else 0
    last = starts[bisect.bisect_left(starts, end)]
    return first, last


def extract_mentions(doc: Doc) -> Iterator[Mention]:
    """One :class:`Mention` per span of ``kg_actors`` and ``kg_coref``, in text order."""
    rows = [row for group in GROUPS for row in span_rows(doc, group)]
    text = doc_text(doc)
    for row in sorted(rows, key=lambda sp: (sp.start_char, sp.end_char, sp.kb_id_)):
        actor = _lookup(doc, row.kb_id_)
        if actor is not None:
            ev = _evidence(doc, row.start, row.end, row.start_char, row.end_char)
            yield Mention(actor, ev, text[row.start_char:row.end_char])


def actor_of(doc: Doc, span_or_token: Span | Token) -> Actor | None:
    """The actor a name, pronoun or description refers to: the span of ``kg_actors`` or
    ``kg_coref`` that covers it (or that it covers, the longest such), else None."""
    if isinstance(span_or_token, Token):
        start, end = span_or_token.i, span_or_token.i + 1
    else:
        start, end = span_or_token.start, span_or_token.end
    best = None
    for group in GROUPS:
        for sp in doc.spans.get(group, []):
            inside = sp.start <= start and end <= sp.end
            covers = start <= sp.start and sp.end <= end
            if (inside or covers) and (best is None or len(sp) > len(best)):
                best = sp
        if best is not None:
            break
    return _lookup(doc, best.kb_id_) if best is not None else None


def actors_in(doc: Doc, start: int, end: int) -> list[Actor]:
    """Actors named (``kg_actors`` only) within character offsets ``start``..``end``, in order
    of first mention, each once."""
    seen: dict[str, Actor] = {}
    for row in span_rows(doc, "kg_actors"):
        if start <= row.start_char and row.end_char <= end and row.kb_id_ not in seen:
            actor = _lookup(doc, row.kb_id_)
            if actor is not None:
                seen[row.kb_id_] = actor
    return list(seen.values())


class SpanRow(NamedTuple):
    """What extractors read of a span of ``kg_actors`` or ``kg_coref``, without the Span."""

    start: int
    end: int
    start_char: int
    end_char: int
    label_: str
    kb_id_: str


def span_rows(doc: Doc, group: str) -> list[SpanRow]:
    """The spans of a group as rows, read once per Doc: a SpanGroup builds each of its Spans
    anew on every pass. Rows, not Spans, are kept on the Doc (a Span would hold the Doc)."""
    spans = doc.spans.get(group)
    stamp = (id(spans), len(spans)) if spans is not None else None
    cache = doc.user_data.setdefault("kg.span_rows", {})
    if group not in cache or cache[group][0] != stamp:
        rows = [SpanRow(sp.start, sp.end, sp.start_char, sp.end_char, sp.label_, sp.kb_id_)
                for sp in (spans if spans is not None else [])]
        cache[group] = (stamp, rows)
    return cache[group][1]


def acting_state(doc: Doc, actor: Actor) -> Actor:
    """The Country an official, agency or force acts for; the actor itself otherwise."""
    if actor.type == "Country" or not actor.government:
        return actor
    return _lookup(doc, actor.government) or actor
