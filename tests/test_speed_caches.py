"""Speed shortcuts of the fifth pass that must change nothing: the tokenizer built once with
kg's settings, the warm vocabulary's tokenizer cache, the sentences of a Doc."""

from __future__ import annotations

import pytest
import spacy

from kg.nlp import _tune_in_place, _tune_tokenizer, load_pipeline
from kg.nlp.warm import WarmVocabulary

TEXTS = [
    "Gen. Ilse Marrow said the U.S.-led force struck at 3 a.m.; “We won’t stop,” she added.",
    "Lt. Col. Obi Varn (ret.) told reporters: \"It's over.\"\n\nThe raid's toll rose to 12.",
    "Officials in Tapachula, Mexico, said 2.5km² burned... Sen. Ray Holt (R-Texas): no comment.",
]


def _tokens(nlp, text):
    return [(t.text, t.whitespace_, t.norm_, t.is_punct, t.like_num) for t in nlp.tokenizer(text)]


@pytest.mark.parametrize("text", TEXTS)
def test_the_tokenizer_built_once_splits_as_the_one_tuned_in_place(text):
    built, tuned = spacy.blank("en"), spacy.blank("en")
    _tune_tokenizer(built)
    _tune_in_place(tuned)
    assert built.tokenizer is not tuned.tokenizer
    assert _tokens(built, text) == _tokens(tuned, text)
    assert built.tokenizer.rules == tuned.tokenizer.rules


def test_the_tokenizer_cache_can_hold_every_kept_chunk():
    nlp = spacy.blank("en")
    warm = WarmVocabulary(nlp, capacity=60_000)
    assert nlp.tokenizer.max_cache_size >= warm.capacity


def test_kept_chunks_tokenize_the_same_inside_a_zone():
    nlp = spacy.blank("en")
    warm = WarmVocabulary(nlp)
    text = TEXTS[0] + " " + TEXTS[1]
    cold = _tokens(spacy.blank("en"), text)
    warm.observe(text)
    warm.observe(text)  # every chunk kept, those after "Gen." and "U.S.-led" included
    with nlp.memory_zone():
        assert _tokens(nlp, text) == cold


@pytest.mark.parametrize("text", TEXTS)
def test_the_first_sentences_call_gives_what_later_calls_give(text):
    from kg.extract._context import sentences

    doc = load_pipeline()(text)
    first, again = sentences(doc), sentences(doc)
    assert [(s.start, s.end) for s in first] == [(s.start, s.end) for s in again]
    assert [s.text for s in first] == [s.text for s in doc.sents if s.text.strip()]
