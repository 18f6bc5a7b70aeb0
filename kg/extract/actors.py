"""Actors: mentions from the pipeline's span groups, and helpers other extractors use.

The work happens in the pipeline (:mod:`kg.nlp.recognizer` fills ``kg_actors``,
:mod:`kg.nlp.coref` fills ``kg_coref``); this module reads the Doc:

- :func:`extract_mentions` yields a :class:`Mention` per name, pronoun or description;
- :func:`doc_actors` is ``doc.user_data["kg.actors"]``;
- :func:`actor_of`, :func:`actors_in` and :func:`acting_state` answer "who is this?",
  "who is mentioned here?" and "which state does this actor act for?".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from kg.nlp.lexicons import gazetteer
from kg.nlp.lexicons import slugify as _slugify
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
    """Evidence for a span: its offsets and its sentence."""
    sent = span.sent
    return Evidence(span.start_char, span.end_char, sent.text.rstrip(), sent.start_char)


def extract_mentions(doc: Doc) -> Iterator[Mention]:
    """One :class:`Mention` per span of ``kg_actors`` and ``kg_coref``, in text order."""
    spans = [sp for group in GROUPS for sp in doc.spans.get(group, [])]
    for span in sorted(spans, key=lambda sp: (sp.start_char, sp.end_char, sp.kb_id_)):
        actor = _lookup(doc, span.kb_id_)
        if actor is not None:
            yield Mention(actor, evidence(span), span.text)


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
    for sp in doc.spans.get("kg_actors", []):
        if start <= sp.start_char and sp.end_char <= end and sp.kb_id_ not in seen:
            actor = _lookup(doc, sp.kb_id_)
            if actor is not None:
                seen[sp.kb_id_] = actor
    return list(seen.values())


def acting_state(doc: Doc, actor: Actor) -> Actor:
    """The Country an official, agency or force acts for; the actor itself otherwise."""
    if actor.type == "Country" or not actor.government:
        return actor
    return _lookup(doc, actor.government) or actor
