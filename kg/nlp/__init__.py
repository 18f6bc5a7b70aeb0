"""The spaCy pipeline: a blank (or ``--model``) English pipeline plus kg's rule components.

Components, in order (each a class with a thin ``@Language.factory``; data in ``kg/lexicons``):

1. ``kg_sentences`` — news sentence segmenter (:mod:`kg.nlp.segmenter`);
2. a trained model's own components, when ``model`` is given (its ``doc.ents`` become actor
   candidates);
3. ``kg_actors`` — gazetteer + discovery actor recognizer (:mod:`kg.nlp.recognizer`);
4. ``kg_coref`` — pronoun and description coreference (:mod:`kg.nlp.coref`).
"""

from __future__ import annotations

from collections.abc import Callable

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

from kg.errors import ModelError
from kg.nlp import coref, recognizer, segmenter  # noqa: F401  (registers the factories)
from kg.nlp.first_chars import with_first_chars
from kg.nlp.lexicons import read_yaml

# Quote marks glued to words split off ('affairs.”We'), as do periods before them and hyphens
# after abbreviations ("U.S.-led").
EXTRA_INFIXES = (r"[“”\"]", r"(?<=[A-Za-z])\.(?=[“”\"])", r"(?<=\.)-(?=[A-Za-z])")


# The blank pipeline's tokenizer: spaCy's default one with kg's settings, built once (see
# _tuned_tokenizer); building spaCy's own first cost ~0.1 s of every process's start-up.
_BLANK_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "kg.news_tokenizer.v1"}}}


def _load(model: str | None) -> Language:
    if model is None:
        return spacy.blank("en", config=_BLANK_CONFIG)
    try:
        return spacy.load(model)
    except Exception as exc:  # spaCy raises OSError, ValueError, IOError... for bad pipelines
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ModelError(f"cannot load spaCy model {model!r}: {reason}") from exc


@registry.tokenizers("kg.news_tokenizer.v1")
def news_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's default tokenizer (``spacy.Tokenizer.v1``, the same settings from the language
    defaults) with kg's settings (:func:`_tuned_tokenizer`)."""
    def create(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        return _tuned_tokenizer(
            nlp.vocab, defaults.tokenizer_exceptions,
            compile_prefix_regex(defaults.prefixes).search if defaults.prefixes else None,
            compile_suffix_regex(defaults.suffixes).search if defaults.suffixes else None,
            defaults.infixes, token_match=defaults.token_match, url_match=defaults.url_match,
        )

    return create


def _tune_tokenizer(nlp: Language) -> None:
    """Split glued quote marks; keep abbreviations such as "Lt." or "Col." whole."""
    old = nlp.tokenizer
    if not isinstance(old, Tokenizer):  # a model's own tokenizer class: tuned in place
        _tune_in_place(nlp)
        return
    nlp.tokenizer = _tuned_tokenizer(
        nlp.vocab, old.rules, old.prefix_search, old.suffix_search, nlp.Defaults.infixes,
        token_match=old.token_match, url_match=old.url_match,
        faster_heuristics=old.faster_heuristics, max_cache_size=old.max_cache_size,
    )


def _tuned_tokenizer(vocab, rules, prefix_search, suffix_search, infixes, **settings) -> Tokenizer:
    """A tokenizer with these settings and kg's: glued quote marks split off (EXTRA_INFIXES),
    abbreviations kept whole (segmenter.yaml)."""
    rules = dict(rules or {})
    for abbreviation in read_yaml("segmenter.yaml").get("abbreviations", []):
        rules[abbreviation] = [{ORTH: abbreviation}]
    # One new tokenizer with every setting: spaCy loads its ~1,400 special cases again for each
    # setting changed in place (a third of this function's start-up time). The patterns are
    # the same behind a lookahead for their first characters (kg.nlp.first_chars): the same
    # tokens, found in a third less time on the words the tokenizer has not cached.
    return Tokenizer(
        vocab, rules=rules, prefix_search=prefix_search,
        suffix_search=with_first_chars(suffix_search.__self__).search if suffix_search is not None else None,
        infix_finditer=with_first_chars(compile_infix_regex(list(infixes or []) + list(EXTRA_INFIXES))).finditer,
        **settings,
    )


def _tune_in_place(nlp: Language) -> None:
    """:func:`_tune_tokenizer` for a tokenizer of another class, setting by setting."""
    infixes = list(nlp.Defaults.infixes or []) + list(EXTRA_INFIXES)
    nlp.tokenizer.infix_finditer = with_first_chars(compile_infix_regex(infixes)).finditer
    if nlp.tokenizer.suffix_search is not None:
        nlp.tokenizer.suffix_search = with_first_chars(nlp.tokenizer.suffix_search.__self__).search
    for abbreviation in read_yaml("segmenter.yaml").get("abbreviations", []):
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])


def load_pipeline(model: str | None = None) -> Language:
    """Return the kg pipeline; raise :class:`ModelError` when ``model`` cannot be loaded."""
    nlp = _load(model)
    if model is not None:  # a blank pipeline's tokenizer is built tuned (kg.news_tokenizer.v1)
        _tune_tokenizer(nlp)
    first = nlp.pipe_names[0] if nlp.pipe_names else None
    nlp.add_pipe("kg_sentences", before=first) if first else nlp.add_pipe("kg_sentences")
    nlp.add_pipe("kg_actors", last=True)
    nlp.add_pipe("kg_coref", last=True)
    return nlp


__all__ = ["load_pipeline"]
