"""Speed paths of the operation and designation extractors that must not change any result:
per-Doc tables instead of Token objects, per-sentence facts kept in ``doc.user_data``."""

from __future__ import annotations

import re
import unicodedata

import pytest

from kg.extract._context import actor_refs, descriptor_refs, phrase_text, sentences, words
from kg.nlp.tables import span_text
from kg.extract._demonyms import demonym_refs
from kg.extract._lexicon import norm
from kg.extract._memo import sentence_memo
from kg.extract._op_args import _names_region, _ops, casualties_of
from kg.extract.dates import find_date

TEXTS = [
    "Kenyan police raided a depot in Mombasa on Tuesday, killing 4 gunmen, the ministry said.",
    "The rebels shelled the town. The Peruvian navy and Chilean coast guard boarded two boats.",
    "“We will strike again,” the commander said on Friday. Dozens were killed in the raid.",
    "In May the administration said the Americans want to bomb the port, officials said.",
    "The army seized “more than 40 tonnes” of cocaine off the coast of Guayaquil last week.",
]


def _doc(nlp, text):
    doc = nlp.make_doc(text)
    doc.user_data["kg.published"] = "2025-06-10"
    return nlp(doc)


@pytest.mark.parametrize("text", TEXTS)
def test_span_text_is_the_span_text(nlp, text):
    doc = _doc(nlp, text)
    for sent in sentences(doc):
        assert span_text(doc, sent.start, sent.end) == sent.text
        for start in range(sent.start, sent.end):
            assert span_text(doc, start, sent.end) == doc[start:sent.end].text


def _walked_phrase(doc, start, end):
    """phrase_text as a walk over Token objects (how it read before the per-Doc tables)."""
    toks = [t for t in doc[start:end] if t.text not in {"\u201c", "\u2018", "``", "\u201d", "''", '"'}]
    while toks and (norm(toks[0]) in words("determiners") or toks[0].like_num or norm(toks[0]) == "than"):
        toks = toks[1:]
    text = "".join(t.text_with_ws for t in toks)
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip().lower()


@pytest.mark.parametrize("text", TEXTS)
def test_phrase_text_reads_as_the_token_walk(nlp, text):
    doc = _doc(nlp, text)
    for start in range(-2, len(doc)):
        for end in (start + 1, start + 4, len(doc) + 3):
            assert phrase_text(doc, start, end) == _walked_phrase(doc, start, end)


@pytest.mark.parametrize("text", TEXTS)
def test_per_sentence_facts_repeat_and_live_with_the_doc(nlp, text):
    doc = _doc(nlp, text)
    refs = actor_refs(doc)
    for sent in sentences(doc):
        first = (demonym_refs(doc, sent, refs), descriptor_refs(doc, sent, refs),
                 casualties_of(sent, "strike"), find_date(doc, sent, sent.start, skip_saying=True))
        again = (demonym_refs(doc, sent, refs), descriptor_refs(doc, sent, refs),
                 casualties_of(sent, "strike"), find_date(doc, sent, sent.start, skip_saying=True))
        assert first == again
    assert any(key.startswith("kg.memo.") for key in doc.user_data)
    assert not any(key.startswith("kg.memo.") for key in _doc(nlp, text).user_data)


def test_demonym_refs_skip_named_tokens(nlp):
    doc = _doc(nlp, "The Peruvian navy boarded a boat.")
    sent = sentences(doc)[0]
    found = demonym_refs(doc, sent, [])
    assert [(r.start, r.end) for r in found] == [(1, 2)]
    assert demonym_refs(doc, sent, [type(found[0])(1, 3, found[0].actor)]) == []


def test_sentence_memo_computes_once_per_sentence(nlp):
    doc = _doc(nlp, TEXTS[1])
    calls = []
    for sent in sentences(doc) * 3:
        sentence_memo(doc, "probe", sent, lambda d, s: calls.append(s.start) or len(calls))
    assert calls == [s.start for s in sentences(doc)]


@pytest.mark.parametrize("name", ["caribbean", "caribbean sea", "caribbeans", "the caribbean",
                                  "pacific coast", "eastern pacific", "red sea route", "sea", ""])
def test_names_region_is_the_prefix_scan(name):
    regions = _ops("regions")
    assert _names_region(name) == any(name == r or name.startswith(r + " ") for r in regions)


def test_names_region_finds_a_region_and_its_extension():
    region = sorted(_ops("regions"))[0]
    assert _names_region(region) and _names_region(region + " waters")
    assert not _names_region(region + "n") or region + "n" in _ops("regions")
