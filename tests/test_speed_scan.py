"""Per-Doc memos of the speed pass: tokens covered by mentions, the stop phrases of the
gazetteer matcher, the stance scanner's index by next word."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest
import spacy

from kg.extract import stance
from kg.extract._memo import covered_tokens


@dataclass(frozen=True)
class _Ref:
    start: int
    end: int


@pytest.mark.parametrize("spans, expected", [
    ([], set()),
    ([(0, 2)], {0, 1}),
    ([(1, 2), (4, 7)], {1, 4, 5, 6}),
    ([(3, 3)], set()),  # an empty range covers nothing
])
def test_covered_tokens(spans, expected):
    doc = spacy.blank("en")("Ana Ruiz met the Navy chief in Lima today .")
    refs = [_Ref(s, e) for s, e in spans]
    assert covered_tokens(doc, refs) == expected
    # another list (even an equal one) is computed again, not taken from the memo
    assert covered_tokens(doc, [_Ref(0, 1)]) == {0}


def _slow_scan(ws):
    """``stance._scan`` as it was: every phrase of the first word's index tried at each word."""
    index, hits = stance._scanner(), {}
    for i, w in enumerate(ws):
        for cands in (index.get(w, ()), index.get("*", ())):
            for phrase, has_wild, name in cands:
                if len(phrase) == 1 or stance._matches(ws, i, phrase, has_wild):
                    hits.setdefault(name, []).append((i, i + len(phrase)))
    return hits


@pytest.mark.parametrize("seed", range(5))
def test_scan_by_next_word_finds_what_every_phrase_finds(seed):
    rng = random.Random(seed)
    index = stance._scanner()
    words = sorted({w for cands in index.values() for phrase, _w, _n in cands for w in phrase} | {"x", "."})
    for _ in range(400):
        ws = [rng.choice(words) for _ in range(rng.randint(0, 12))]
        assert list(stance._scan(ws).items()) == list(_slow_scan(ws).items())
