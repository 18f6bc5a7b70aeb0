"""Per-Doc answers kept for the extractors (kg.extract._memo.doc_memo): the same answer while
the Doc's inputs stay the very same objects, a new one as soon as one of them is replaced."""

from __future__ import annotations

import pytest

from kg.extract._context import actor_refs
from kg.extract._memo import doc_memo
from kg.nlp import load_pipeline

TEXTS = [
    "Colombia's navy seized two boats. The navy said it would continue, officials in Bogotá said.",
    "The Pentagon announced new strikes on Monday. Hegseth said they would go on.",
]


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.mark.parametrize("text", TEXTS)
def test_actor_refs_are_read_once_and_follow_new_mentions(nlp, text):
    doc = nlp(text)
    first = actor_refs(doc)
    again = actor_refs(doc)
    assert first == again and first and again is not first  # a new list: callers may change theirs
    first.clear()
    assert actor_refs(doc) == again
    kept = doc.spans["kg_actors"][0]
    doc.spans["kg_actors"], doc.spans["kg_coref"] = [kept], []  # new mentions: found again
    assert [(r.start, r.end) for r in actor_refs(doc)] == [(kept.start, kept.end)]
    doc.spans["kg_actors"] = []
    assert actor_refs(doc) == []


@pytest.mark.parametrize("inputs, changed, calls", [
    ((1, "a"), (1, "a"), 1),  # the very same objects: remembered
    ((1, "a"), (2, "a"), 2),  # one input replaced: computed again
    ((1,), (1, "a"), 2),  # one more input: computed again
])
def test_doc_memo_recomputes_when_an_input_is_replaced(nlp, inputs, changed, calls):
    doc = nlp.make_doc("One sentence.")
    seen = []

    def compute(d):
        seen.append(d)
        return len(seen)

    doc_memo(doc, "test", inputs, compute)
    doc_memo(doc, "test", changed if changed != inputs else inputs, compute)
    assert len(seen) == calls
