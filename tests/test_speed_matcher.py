"""The lexicon matcher (kg.extract._lexicon.TokenMatcher) on token specs with several tests at
once ("a capitalised 'Seized'"): it must find exactly what spaCy's Matcher finds, without
handing the key to a spaCy Matcher of its own."""

from __future__ import annotations

import pytest

from kg.nlp import load_pipeline

SEIZED = {"NORM": {"IN": ["seized", "recovered"]}, "IS_TITLE": True}
WEAPONS = {"NORM": {"IN": ["rifles", "drugs"]}}

# (patterns by key, text)
CASES = [
    # several tests on the first token: only the capitalised verb opens a match
    ({"head": [[SEIZED, {"NORM": {"IN": ["from", "in"]}}, {"OP": "?"}, {"OP": "?"}, WEAPONS]]},
     "Seized from the house: rifles. Police seized from a car drugs. Recovered in it rifles."),
    # several tests on a later token, after an optional one
    ({"mid": [[{"NORM": "the"}, {"OP": "?"}, {"LIKE_NUM": True, "NORM": {"NOT_IN": ["one"]}},
               {"NORM": {"IN": ["boats", "ships"]}}]]},
     "The 14 boats and the one ships, then the last 3 ships and the two boats left."),
    # a first token of flags only (no norm to index it by) beside a norm-led pattern
    ({"flags": [[{"IS_TITLE": True, "IS_ALPHA": True}, {"NORM": "navy"}]],
      "plain": ["navy|army ships"]},
     "The Peruvian navy sent navy ships; US navy and the 2nd navy did not."),
    # a one-token pattern of two tests, optional tokens after it
    ({"one": [[SEIZED], [SEIZED, {"LIKE_NUM": True, "OP": "?"}, WEAPONS]]},
     "Seized 40 rifles and seized drugs; Recovered drugs were seized."),
]


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.mark.parametrize("entries, text", CASES, ids=[next(iter(c[0])) for c in CASES])
def test_tokens_with_several_tests_match_as_spacy(nlp, entries, text):
    from spacy.matcher import Matcher

    from kg.extract._lexicon import build_matcher, compile_pattern

    doc = nlp(text)
    reference = Matcher(doc.vocab)
    for key, patterns in entries.items():
        reference.add(key, [compile_pattern(p) for p in patterns])
    matcher = build_matcher(doc, entries)
    found = matcher(doc)
    assert matcher.fallback is None  # compiled, not left to spaCy
    assert sorted(found) == sorted(reference(doc)) and found
    assert found == sorted(found, key=lambda m: (m[1], m[2], m[0]))
