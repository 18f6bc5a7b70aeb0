"""Mapping records to RDF, and the writers: formats, determinism, atomic writes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal
from rdflib.compare import isomorphic

from kg.errors import OutputError
from kg.namespace import KG, KGR
from kg.output import WRITERS, union, write_atomic, write_graph, writer_for
from kg.rdf import Run, article_graph, article_iri, normalize_text
from kg.validate import validate

sys.path.insert(0, str(Path(__file__).parent))
from records_fixture import article_a, article_b, extraction_a, extraction_b  # noqa: E402

RUN = Run("0.0-test")


def dataset() -> Dataset:
    ds = Dataset(default_union=True)
    for article, extraction in ((article_a(), extraction_a()), (article_b(), extraction_b())):
        named = ds.graph(article_iri(article))
        for triple in article_graph(article, extraction, RUN):
            named.add(triple)
    return ds


def test_article_graph_conforms_to_the_shapes():
    result = validate(article_graph(article_a(), extraction_a(), RUN))
    assert result.conforms, result.report_text


def test_actor_iris_are_readable_slugs():
    graph = article_graph(article_a(), extraction_a(), RUN)
    assert (KGR["actor/ana-ruiz"], KG.actsFor, KGR["actor/freedonia"]) in graph


def test_same_quote_in_two_articles_is_one_statement_with_two_evidence_spans():
    graph = union(dataset())
    statements = set(graph.subjects(KG.text, Literal("We will not stop,")))
    assert len(statements) == 1
    [statement] = statements
    articles = {graph.value(span, KG.article) for span in graph.objects(statement, KG.evidence)}
    assert articles == {article_iri(article_a()), article_iri(article_b())}


def test_normalize_text_ignores_quote_style_case_and_spacing():
    assert normalize_text("“We  will NOT stop”") == normalize_text('"we will not stop"')


def test_evidence_offsets_point_into_the_article_text():
    article = article_a()
    graph = article_graph(article, extraction_a(), RUN)
    for span in graph.subjects(KG.anchorText, None):
        start, end = int(graph.value(span, KG.start)), int(graph.value(span, KG.end))
        assert article.text[start:end] == str(graph.value(span, KG.anchorText))


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_every_format_round_trips(tmp_path, name):
    writer = WRITERS[name]
    path = tmp_path / ("out" + writer.extensions[0])
    write_graph(dataset(), path)
    parsed = Dataset()
    parsed.parse(path, format={"turtle": "turtle", "nt": "nt", "nquads": "nquads", "trig": "trig",
                               "json-ld": "json-ld"}[name])
    assert isomorphic(union(parsed), union(dataset()))
    if writer.quads:
        names = {str(g.identifier) for g in parsed.contexts() if len(g)}
        assert {str(article_iri(article_a())), str(article_iri(article_b()))} <= names


SCRIPT = """
import sys
sys.path.insert(0, {tests!r})
from test_rdf_output import dataset
from kg.output import WRITERS
sys.stdout.write(WRITERS[{name!r}].render(dataset()))
"""


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_output_is_byte_identical_across_processes(name):
    outputs = set()
    for seed in ("1", "2", "3"):
        code = SCRIPT.format(tests=str(Path(__file__).parent), name=name)
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              env={"PYTHONHASHSEED": seed, "PATH": ""}, check=True)
        outputs.add(proc.stdout)
    assert len(outputs) == 1


def test_writer_from_extension_and_unknown_extension():
    assert writer_for("g.trig").name == "trig"
    assert writer_for("g.anything", "nt").name == "nt"
    with pytest.raises(OutputError, match="extension"):
        writer_for("g.xyz")


def test_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "g.ttl"
    target.write_text("old", encoding="utf-8")

    with pytest.raises(TypeError):
        write_atomic(target, None)  # type: ignore[arg-type]  # fails half way through writing
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["g.ttl"]


def test_write_into_missing_folder_is_an_output_error(tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        write_atomic(tmp_path / "nope" / "g.ttl", "x")


def test_turtle_output_parses_as_a_graph(tmp_path):
    path = tmp_path / "g.ttl"
    write_graph(dataset(), path)
    assert len(Graph().parse(path)) == len(union(dataset()))
