"""Speed paths that must not change any result: the accent-folded Doc of the gazetteer matcher
(kg.nlp.candidates) is built by re-tokenizing only the chunks folding changed, and a builder
process collects young garbage less often (kg.parallel)."""

from __future__ import annotations

import gc

import pytest

from kg.nlp import load_pipeline
from kg.nlp.candidates import _changed_chunks, fold_accents


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _tokens(doc):
    return [(t.text, t.whitespace_, t.idx) for t in doc]


@pytest.mark.parametrize("text", [
    "Minister Pérez met the Cártel de Nuevo León envoy in Bogotá on Tuesday.",
    "“Señor Ibáñez,” she said, “the São Tomé talks are over.”",
    "(Véronique's) report: Zürich-based, Müller-Lüdenscheid's aide, U.S.-backed.",
    "Élan\nÉlan\n\nÉlan  Éire\tÅre naïve—café, résumé.",
    "Açaí... ¿Qué? ¡Olé! Ñandú 3.5km São-Paulo's",
    "Accénted at the very end: Bogotá",
    "Órla",
])
def test_the_folded_doc_is_the_tokenization_of_the_folded_text(nlp, text):
    matcher = nlp.get_pipe("kg_actors").matcher
    doc = nlp.make_doc(text)
    folded = fold_accents(text)
    assert folded != text
    built = matcher.folded_doc(doc, text, folded)
    assert built.text == folded
    assert _tokens(built) == _tokens(nlp.make_doc(folded))


@pytest.mark.parametrize("text, chunks", [
    ("no accents here", []),
    ("curly “quotes” only", []),
    ("Bogotá and Medellín", [(0, 6), (11, 19)]),
    ("“Pérez,” said", [(0, 8)]),
    ("árbol", [(0, 5)]),
])
def test_changed_chunks_are_the_whitespace_chunks_folding_changed(text, chunks):
    assert _changed_chunks(text, fold_accents(text)) == chunks


def test_a_folded_name_is_still_found_by_the_gazetteer(nlp):
    # An accented spelling of a gazetteer name must match through the folded Doc.
    doc = nlp("Officials in México said the talks would resume.")
    keys = {span.kb_id_ for span in doc.spans["kg_actors"]}
    assert any("mexico" in key for key in keys)


def test_a_builder_process_collects_young_garbage_less_often():
    from kg.parallel import _LOCAL, GC_YOUNG, Options, _builder

    before, cached = gc.get_threshold(), getattr(_LOCAL, "builders", None)
    try:
        gc.set_threshold(700, *before[1:])
        _LOCAL.builders = {}  # a fresh builder: the first one of a process
        _builder(Options(validate=False))
        assert gc.get_threshold() == (GC_YOUNG, *before[1:])
    finally:
        gc.set_threshold(*before)
        _LOCAL.builders = cached


def _lexicon_files() -> list[str]:
    from kg.resources import lexicon_path

    return sorted(p.name for p in lexicon_path("operations.yaml").parent.glob("*.yaml"))


@pytest.mark.parametrize("filename", _lexicon_files())
def test_the_fast_yaml_loader_reads_every_lexicon_as_the_python_one_does(filename):
    import yaml

    from kg.extract._lexicon import load_lexicon
    from kg.resources import lexicon_path

    expected = yaml.safe_load(lexicon_path(filename).read_text(encoding="utf-8"))
    if not isinstance(expected, dict):
        pytest.skip("not a mapping: load_lexicon refuses it either way")
    got = load_lexicon(filename)
    assert got == expected
    assert repr(got) == repr(expected)  # same types too (an int is not a str "1")


@pytest.mark.parametrize("text, norms", [
    ("They'll strike", ["they", "will", "strike"]),
    ("We’re NOT going", ["we", "are", "not", "going"]),
])
def test_norm_reads_the_lower_case_norm_with_straight_apostrophes(nlp, text, norms):
    from kg.extract._lexicon import norm

    assert [norm(token) for token in nlp.make_doc(text)] == norms
