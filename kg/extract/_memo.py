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
