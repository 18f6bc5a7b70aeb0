"""The Python API a notebook uses, whole-build determinism, and refusal of invalid graphs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Literal

import kg
from kg.cli import main
from kg.errors import InputError, ValidationError
from kg.namespace import KG, KGR

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"


@pytest.fixture(scope="module")
def graph():
    return kg.build(EXAMPLES)


def test_build_returns_one_named_graph_per_article(graph):
    articles = set(graph.subjects(RDF.type, KG.Article))
    named = {g.identifier for g in graph.graphs() if len(g) and g.identifier in articles}
    assert len(articles) == 5 and named == articles


def test_query_returns_rows_a_dataframe_can_take(graph):
    rows = kg.query(graph, "statements")
    assert rows and all(isinstance(row, dict) for row in rows)
    assert list(rows[0]) == ["statement", "speaker", "text", "stance", "article", "start", "end"]
    by_speaker = kg.query(graph, "statements-by-speaker", speaker="Sheinbaum")
    assert by_speaker and all(row["speaker"] == "Claudia Sheinbaum" for row in by_speaker)


def test_build_accepts_a_single_path_and_warns_on_bad_articles(tmp_path):
    (tmp_path / "good.txt").write_text("Police arrested two men in Lima on Friday.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00")
    with pytest.warns(UserWarning, match="bad.txt"):
        graph = kg.build(tmp_path)
    assert len(set(graph.subjects(RDF.type, KG.Article))) == 1


def test_build_of_nothing_readable_raises(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"")
    with pytest.warns(UserWarning), pytest.raises(InputError, match="no article"):
        kg.build(tmp_path)


def test_import_kg_does_not_load_spacy():
    code = "import sys, kg; print('spacy' in sys.modules, 'rdflib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_whole_build_is_byte_identical_across_processes(tmp_path):
    outputs = []
    for seed in ("1", "7"):
        out = tmp_path / f"g{seed}.trig"
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(ROOT))
        subprocess.run([sys.executable, "-m", "kg", "build", str(EXAMPLES), "-o", str(out), "-q"],
                       check=True, env=env, cwd=tmp_path)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_build_refuses_to_write_an_invalid_graph(monkeypatch, tmp_path):
    import kg.builder as build_module

    def broken_triples(article, extraction, run):
        return [(KGR["statement/0000000000000000"], RDF.type, KG.Statement),
                (KGR["statement/0000000000000000"], KG.text, Literal("no speaker"))]

    monkeypatch.setattr(build_module, "article_triples", broken_triples)
    out = tmp_path / "g.ttl"
    result = CliRunner().invoke(main, ["build", str(EXAMPLES), "-o", str(out)])
    assert result.exit_code == 1
    assert "speaker" in result.stderr and "does not conform" in result.stderr
    assert not out.exists()
    with pytest.raises(ValidationError):
        build_module.build_dataset([EXAMPLES])


def test_an_official_whose_state_is_never_named_still_validates(tmp_path):
    (tmp_path / "a.txt").write_text(
        '"We will not negotiate with armed groups," Daniel Noboa told reporters on Friday.\n',
        encoding="utf-8")
    graph = kg.build(tmp_path)  # the build validates each article; an untyped state would fail it
    noboa, ecuador = KGR["actor/daniel-noboa"], KGR["actor/ecuador"]
    assert (noboa, KG.actsFor, ecuador) in graph
    assert (ecuador, RDF.type, KG.Country) in graph


def test_every_evidence_span_lies_inside_its_sentence(graph):
    spans = set(graph.subjects(KG.sentence, None))
    assert spans
    for span in spans:
        start, end = int(graph.value(span, KG.start)), int(graph.value(span, KG.end))
        sentence_start = int(graph.value(span, KG.sentenceStart))
        sentence = str(graph.value(span, KG.sentence))
        assert sentence_start <= start < end <= sentence_start + len(sentence), span
