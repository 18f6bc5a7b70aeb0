"""Paragraphs: where a line break ends a paragraph (and so a sentence and a quotation).

Scraped news has one paragraph per line: every line break is a paragraph break. Hard-wrapped
text (lines cut at a fixed width, paragraphs separated by blank lines) is told apart by its
lines that stop mid-sentence and go on in lower case on the next line; there only blank lines
break paragraphs.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc

SENTENCE_END = tuple('.!?:"”’)')
WRAP_MIN_LINES = 3  # mid-sentence line ends needed to call a text hard-wrapped ...
WRAP_MIN_SHARE = 0.25  # ... and their share of the non-empty lines
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def is_hard_wrapped(text: str) -> bool:
    lines = [ln.strip() for ln in text.split("\n")]
    full = [ln for ln in lines if ln]
    cut = sum(1 for a, b in zip(lines, lines[1:])
              if a and b and not a.endswith(SENTENCE_END) and b[0].islower())
    return cut >= WRAP_MIN_LINES and cut >= WRAP_MIN_SHARE * len(full)


def is_break(whitespace: str, wrapped: bool) -> bool:
    """Does this whitespace end a paragraph?"""
    return whitespace.count("\n") >= 2 if wrapped else "\n" in whitespace


@dataclass(frozen=True)
class Paragraphs:
    """The non-blank paragraphs of a text, as (start, end) character offsets."""

    wrapped: bool
    spans: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, text: str) -> "Paragraphs":
        wrapped = is_hard_wrapped(text)
        pattern = _BLANK_LINE if wrapped else re.compile(r"\n")
        spans, pos = [], 0
        for m in pattern.finditer(text):
            if text[pos:m.start()].strip():
                spans.append((pos, m.start()))
            pos = m.end()
        if text[pos:].strip():
            spans.append((pos, len(text)))
        return cls(wrapped, tuple(spans))

    def index(self, offset: int) -> int:
        """Number of the paragraph holding ``offset`` (or the last one before it)."""
        return bisect.bisect_right([s for s, _ in self.spans], offset) - 1

    def start(self, offset: int) -> int:
        i = self.index(offset)
        return self.spans[i][0] if i >= 0 else 0


def doc_paragraphs(doc: Doc) -> Paragraphs:
    """The paragraphs of a Doc, computed once."""
    if "kg.paragraphs" not in doc.user_data:
        text = doc.user_data.get("kg.text") or doc.text
        doc.user_data["kg.paragraphs"] = Paragraphs.of(text)
    return doc.user_data["kg.paragraphs"]
