"""Start-up shortcut of the pipeline: the blank pipeline's tokenizer built tuned at once
(kg.news_tokenizer.v1), with the same settings and tokens as spaCy's default one tuned after."""

from __future__ import annotations


import pytest
import spacy

from kg.nlp import _tune_tokenizer, load_pipeline


def _settings(tokenizer) -> tuple:
    return (
        list(tokenizer.rules.items()), tokenizer.prefix_search.__self__.pattern,
        tokenizer.suffix_search.__self__.pattern, tokenizer.infix_finditer.__self__.pattern,
        tokenizer.token_match, tokenizer.url_match.__self__.pattern, tokenizer.faster_heuristics,
        tokenizer.max_cache_size,
    )


@pytest.fixture(scope="module")
def tokenizers():
    """The pipeline's tokenizer and spaCy's default one tuned afterwards (the reference)."""
    reference = spacy.blank("en")
    _tune_tokenizer(reference)
    return load_pipeline().tokenizer, reference.tokenizer


def test_tokenizer_settings_match_the_tuned_default(tokenizers):
    ours, reference = tokenizers
    assert _settings(ours) == _settings(reference)


@pytest.mark.parametrize("text", [
    'The Navy said.”We will act," Lt. Col. Ana Ruiz told reporters in Mérida.',
    "U.S.-led forces can't stay; the \u201cmission\u201d ends Jan. 5, officials said.",
    "Visit https://example.org/a-b or e-mail press@example.org -- 3.5km away (approx.)",
])
def test_tokens_match_the_tuned_default(tokenizers, text):
    ours, reference = tokenizers
    assert [(t.text, t.whitespace_) for t in ours(text)] == [(t.text, t.whitespace_) for t in reference(text)]
