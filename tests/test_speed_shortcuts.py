"""Shortcuts of the speed work that must give exactly what the long way gives: the tokenizer's
affix patterns behind a first-character lookahead (kg.nlp.first_chars), sentence bounds read
from a table (kg.nlp.tables), token tables, the date pattern's lookahead, matcher and literal
caches."""

from __future__ import annotations

import re

import pytest
from rdflib import Literal
from rdflib.namespace import XSD

from kg.nlp import load_pipeline
from kg.nlp.first_chars import with_first_chars

TEXTS = [
    "The minister said on Tuesday that 3,500 troops (about 12%) would leave by Jan. 5.",
    "“We will not accept it,” she told reporters.\n\nOfficials in Bogotá disagreed: “No.”",
    "U.S.-backed forces seized 2.5km² of land — the army’s biggest gain since 2019...",
    "Q: Did the strike kill anyone?\nMORAN: No. Nobody was hurt, as far as we know!",
]


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _words(text: str) -> list[str]:
    """The text's chunks and every tail and head of them, as the affix splitter reads them."""
    chunks = text.split()
    return sorted({c[i:] for c in chunks for i in range(len(c))} | {c[:i + 1] for c in chunks for i in range(len(c))})


@pytest.mark.parametrize("which", ["suffix_search", "infix_finditer"])
def test_the_tokenizer_patterns_find_what_spacy_patterns_find(nlp, which):
    import spacy

    fast = getattr(nlp.tokenizer, which).__self__
    plain = getattr(spacy.blank("en").tokenizer, which).__self__
    if which == "infix_finditer":
        from kg.nlp import EXTRA_INFIXES
        from spacy.util import compile_infix_regex

        plain = compile_infix_regex(list(nlp.Defaults.infixes) + list(EXTRA_INFIXES))
    assert fast.pattern != plain.pattern  # the lookahead is in place
    for word in (w for text in TEXTS for w in _words(text)):
        assert [m.span() for m in fast.finditer(word)] == [m.span() for m in plain.finditer(word)]
        assert (fast.search(word) or re.match("", "")).span() == (plain.search(word) or re.match("", "")).span()


@pytest.mark.parametrize("pattern, text", [
    (r"(?<=[0-9])km$|'s$|\.\.+$", "5km it's wait..."),
    (r"\bfoo(?=bar)|[A-Z]{2,}|(?:x|y)+z", "foobar NATO xyz fooz"),
    (r"(?P<num>\d+)-(?P=num)|-{2,}", "12-12 --- 3-4"),
])
def test_a_readable_pattern_keeps_its_matches_and_groups(pattern, text):
    plain = re.compile(pattern)
    fast = with_first_chars(plain)
    assert fast is not plain
    assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
        [(m.span(), m.groups()) for m in plain.finditer(text)]


@pytest.mark.parametrize("pattern", [r"a*", r"(?i)abc", r".x", r"[^a]b", r"x|", r"(?:ab)?"])
def test_an_unreadable_pattern_is_left_as_it_is(pattern):
    compiled = re.compile(pattern)
    assert with_first_chars(compiled) is compiled


@pytest.mark.parametrize("text", TEXTS)
def test_sentence_of_a_token_is_spacys(nlp, text):
    from kg.nlp.tables import sentence_start, token_sentence

    doc = nlp(text)
    for token in doc:
        assert token_sentence(doc, token.i) == token.sent
        assert sentence_start(doc, token.i) == token.sent.start
        for end in range(token.i + 1, min(len(doc), token.i + 8) + 1):
            assert token_sentence(doc, token.i) == doc[token.i:end].sent  # a span's is its first token's


@pytest.mark.parametrize("text", TEXTS)
def test_token_tables_are_the_tokens_texts(nlp, text):
    from kg.nlp.quotes import token_lowers, token_spaces, token_words

    doc = nlp.make_doc(text)
    assert token_words(doc) == [t.text for t in doc]
    assert token_lowers(doc) == [t.lower_ for t in doc]
    assert token_spaces(doc) == [t.whitespace_ for t in doc]


@pytest.mark.parametrize("sentence", [
    "The raid took place on March 3, 2024, and again on Friday.",
    "Since 2019 the group has struck twice in May and once yesterday.",
    "On 2025-09-02 the 4th of July parade was cancelled; Sept. 11 was quiet.",
])
def test_the_date_pattern_lookahead_changes_no_match(sentence):
    from kg.extract.dates import _regex

    fast = _regex()
    assert fast.pattern.startswith("(?=")
    plain = re.compile(fast.pattern[fast.pattern.index("])(?:") + 5:-1])  # the alternation alone
    assert [(m.span(), m.groupdict()) for m in fast.finditer(sentence)] == \
        [(m.span(), m.groupdict()) for m in plain.finditer(sentence)]


def test_a_matcher_is_compiled_once_per_set_of_patterns(nlp):
    from kg.extract._lexicon import build_matcher

    doc = nlp.make_doc("The army struck a boat.")
    patterns = ["strike|struck", "raid"]
    first = build_matcher(doc, {"t": patterns})
    assert build_matcher(doc, {"t": patterns}) is first
    other = build_matcher(doc, {"t": ["struck"]})
    assert other is not first
    assert [(s, e) for _, s, e in other(doc)] == [(2, 3)]


@pytest.mark.parametrize("literal, value", [
    (Literal(7, datatype=XSD.nonNegativeInteger), 7),
    (Literal("-1", datatype=XSD.nonNegativeInteger), None),  # ill-typed
    (Literal("7"), None),
    (Literal(7, datatype=XSD.decimal), None),
])
def test_integer_values_are_the_same_read_twice(literal, value):
    from kg.shacl_sparql import integer_value

    assert integer_value(literal) == value
    assert integer_value(literal) == value
