"""Per-sentence facts computed once per Doc (kept in ``doc.user_data``, so they live and die
with the Doc): the extractors ask the same questions of a sentence for every trigger in it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Doc, Span

T = TypeVar("T")


def sentence_memo(doc: Doc, name: str, sent: Span, compute: Callable[[Doc, Span], T]) -> T:
    """``compute(doc, sent)``, remembered per Doc under ``name`` and the sentence's character
    offsets (a span's text, and so any fact read from its tokens, depends on nothing else)."""
    memo = doc.user_data.get("kg.memo." + name)
    if memo is None:
        memo = doc.user_data["kg.memo." + name] = {}
    key = (sent.start_char, sent.end_char)
    try:
        return memo[key]
    except KeyError:
        found = memo[key] = compute(doc, sent)
        return found


def doc_memo(doc: Doc, name: str, inputs: tuple, compute: Callable[[Doc], T]) -> T:
    """``compute(doc)``, remembered per Doc under ``name`` while it reads the very same
    ``inputs`` (objects compared by identity, kept with the answer so that no identity is
    reused meanwhile): several extractors ask for it, and a new input computes it again."""
    memo = doc.user_data.get("kg.memo." + name)
    if memo is not None and len(memo[0]) == len(inputs) and all(a is b for a, b in zip(memo[0], inputs)):
        return memo[1]
    found = compute(doc)
    doc.user_data["kg.memo." + name] = (inputs, found)
    return found


def covered_tokens(doc: Doc, refs: list) -> frozenset[int]:
    """The token indices inside any of ``refs`` (anything with ``start`` and ``end``), once per
    Doc for the same list: rules ask it of token after token ("is a mention here?")."""
    return doc_memo(doc, "covered_tokens", (refs,),
                    lambda _doc: frozenset(j for r in refs for j in range(r.start, r.end)))
