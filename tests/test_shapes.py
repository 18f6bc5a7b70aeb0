"""SHACL shapes (shapes/kg.ttl) and kg.validate: a valid graph conforms, each break is caught.

``tests/data/valid_graph.ttl`` follows docs/model.md. Every negative case (tests/shape_cases.py,
shared with tests/test_shacl_engine.py) edits a copy with one SPARQL Update and expects a
violation from one named shape (and path); a coverage test checks that every shape of
shapes/kg.ttl has at least one negative case.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, SH, SKOS

import pyshacl

from kg.errors import InputError, RDFParseError, ValidationError
from kg.namespace import KGV, SCHEMES, kg_terms
from kg.resources import resource_dir
from kg.validate import (
    ValidationResult,
    default_shapes,
    load_rdf,
    report_lines,
    report_summary,
    require_valid,
    validate,
)

sys.path.insert(0, str(Path(__file__).parent))
from shape_cases import (  # noqa: E402 - the negative cases, shared with test_shacl_engine.py
    ANA,
    ARTICLE,
    KG,
    KGSH,
    NEGATIVE_CASES,
    PREFIXES,
    STATEMENT,
    VALID,
    copy_graph,
    drop,
    expand,
)


@pytest.fixture(scope="module")
def valid_graph() -> Graph:
    return load_rdf(VALID)


def _results(result: ValidationResult) -> list[tuple]:
    report = result.report_graph
    return [
        (report.value(r, SH.sourceShape), report.value(r, SH.resultPath), report.value(r, SH.resultMessage))
        for r in report.subjects(RDF.type, SH.ValidationResult)
    ]


def test_valid_graph_conforms(valid_graph):
    result = validate(valid_graph)
    assert result.conforms, report_summary(result)
    assert report_summary(result) == "The graph conforms to the kg shapes."


def test_valid_graph_relies_on_the_ontology_for_actor_classes(valid_graph):
    # No resource is typed kg:Actor: the actor shapes reach persons and countries via rdfs:subClassOf.
    assert not list(valid_graph.subjects(RDF.type, URIRef(KG + "Actor")))


def test_subclass_targets_need_the_ontology(valid_graph):
    # Without the ontology mixed in, a kg:Person is no kg:Actor and its missing label goes unseen:
    # this is what validate's ont_graph is for.
    broken = copy_graph(valid_graph)
    broken.update(PREFIXES + drop(ANA, "rdfs:label") + " ; " + drop(ANA, "skos:prefLabel"))
    _, bare_report, _ = pyshacl.validate(broken, shacl_graph=default_shapes(), inference="none")
    bare = ValidationResult(False, bare_report, "")
    assert not [r for r in _results(bare) if r[0] == URIRef(KGSH + "Actor-label")]
    assert [r for r in _results(validate(broken)) if r[0] == URIRef(KGSH + "Actor-label")]


def test_require_valid(valid_graph):
    assert require_valid(valid_graph).conforms
    broken = copy_graph(valid_graph)
    broken.update(PREFIXES + drop(STATEMENT, "kg:speaker"))
    with pytest.raises(ValidationError) as caught:
        require_valid(broken)
    assert "kg:speaker" in caught.value.report_text
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    "update, shape, path", [case[1:] for case in NEGATIVE_CASES], ids=[case[0] for case in NEGATIVE_CASES]
)
def test_broken_graph_is_reported(valid_graph, update, shape, path):
    broken = copy_graph(valid_graph)
    broken.update(PREFIXES + update)
    assert len(broken) != len(valid_graph) or set(broken) != set(valid_graph), "the update changed nothing"
    result = validate(broken)
    assert not result.conforms
    found = _results(result)
    expected_path = expand(path) if path else None
    matching = [r for r in found if r[0] == URIRef(KGSH + shape) and (path is None or r[1] == expected_path)]
    assert matching, f"no result from kgsh:{shape} on {path}; got:\n{report_summary(result)}"
    assert all(message for _, _, message in matching), "every result carries a message"


def _shape_nodes(shapes: Graph) -> set[URIRef]:
    nodes = set(shapes.subjects(RDF.type, SH.NodeShape)) | set(shapes.subjects(RDF.type, SH.PropertyShape))
    return {n for n in nodes if isinstance(n, URIRef)}


def test_every_shape_has_a_negative_case():
    covered = {URIRef(KGSH + case[2]) for case in NEGATIVE_CASES}
    uncovered = sorted(_shape_nodes(default_shapes()) - covered)
    assert not uncovered, f"shapes without a negative case: {uncovered}"


def test_every_property_reference_resolves():
    shapes = default_shapes()
    for node_shape, prop in shapes.subject_objects(SH.property):
        assert shapes.value(prop, SH.path) is not None, f"{node_shape} refers to {prop}, which has no sh:path"


def test_shapes_are_documented():
    shapes = default_shapes()
    for node in shapes.subjects(RDF.type, SH.NodeShape):
        assert shapes.value(node, URIRef("http://www.w3.org/2000/01/rdf-schema#label")), node
        assert shapes.value(node, URIRef("http://www.w3.org/2000/01/rdf-schema#comment")), node
    for node in shapes.subjects(RDF.type, SH.PropertyShape):
        assert shapes.value(node, SH.name), node
        assert shapes.value(node, SH.message), node
    for node in shapes.subjects(RDF.type, SH.SPARQLConstraint):
        assert shapes.value(node, SH.message), node


def test_shapes_use_only_declared_kg_terms():
    used = {n for triple in default_shapes() for n in triple if isinstance(n, URIRef) and n.startswith(KG)}
    assert used <= kg_terms(), sorted(used - kg_terms())


@pytest.mark.parametrize(
    "prop, scheme",
    [
        ("operationType", "operation-type"),
        ("status", "operation-status"),
        ("category", "designation-category"),
        ("stance", "stance"),
        ("quoteKind", "quote-kind"),
    ],
)
def test_controlled_values_match_the_vocabularies(prop, scheme):
    shapes = default_shapes()
    vocab = Graph().parse(resource_dir("ontology") / "vocabularies.ttl", format="turtle")
    (shape,) = shapes.subjects(SH.path, URIRef(KG + prop))
    allowed = set(shapes.items(shapes.value(shape, SH["in"])))
    assert allowed == set(vocab.subjects(SKOS.inScheme, KGV[scheme]))
    assert {str(a).rsplit("/", 1)[1] for a in allowed} == set(SCHEMES[scheme])


def test_dataset_is_validated_as_the_union_of_its_graphs(valid_graph):
    dataset = Dataset()
    article_graph = dataset.graph(URIRef(ARTICLE.strip("<>")))
    for s, p, o in valid_graph:
        target = dataset if (s, RDF.type, URIRef(KG + "Article")) in valid_graph else article_graph
        target.add((s, p, o))
    size = len(list(dataset.quads((None, None, None, None))))
    result = validate(dataset)
    assert result.conforms, report_summary(result)
    assert len(list(dataset.quads((None, None, None, None)))) == size, "validate must not modify its input"


def test_validate_does_not_modify_the_data_graph(valid_graph):
    before = set(valid_graph)
    validate(valid_graph)
    assert set(valid_graph) == before


def test_validate_with_custom_shapes(valid_graph):
    shapes = Graph().parse(
        data=PREFIXES
        + """
        PREFIX sh: <http://www.w3.org/ns/shacl#>
        <urn:x:S> a sh:NodeShape ; sh:targetClass kg:Actor ;
            sh:property [ sh:path skos:altLabel ; sh:minCount 1 ; sh:message "needs an alias" ] .
        """.replace("PREFIX", "@prefix").replace(">\n", "> .\n"),
        format="turtle",
    )
    result = validate(valid_graph, shapes=shapes)
    assert not result.conforms
    assert "needs an alias" in result.report_text


def test_report_summary_lists_one_sorted_line_per_violation(valid_graph):
    broken = copy_graph(valid_graph)
    broken.update(PREFIXES + drop(STATEMENT, "kg:speaker") + " ; " + drop(ANA, "rdfs:label"))
    result = validate(broken)
    lines = report_lines(result)
    assert lines == sorted(lines)
    summary = report_summary(result).splitlines()
    assert summary[0].startswith("The graph does not conform")
    assert len(summary) == len(lines) + 1
    assert any("kgr:statement/85d08b893717ebf6  kg:speaker" in line for line in lines)
    assert any("kgr:actor/ana-ruiz  rdfs:label" in line for line in lines)


# --- load_rdf ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "suffix, rdf_format, quads",
    [
        (".ttl", "turtle", False),
        (".nt", "nt", False),
        (".rdf", "xml", False),
        (".xml", "xml", False),
        (".nq", "nquads", True),
        (".trig", "trig", True),
        (".jsonld", "json-ld", True),
        (".json", "json-ld", True),
    ],
)
def test_load_rdf_reads_every_format(tmp_path, valid_graph, suffix, rdf_format, quads):
    path = tmp_path / f"graph{suffix}"
    if quads:
        dataset = Dataset()
        named = dataset.graph(URIRef(ARTICLE.strip("<>")))
        for triple in valid_graph:
            named.add(triple)
        dataset.serialize(path, format=rdf_format)
    else:
        valid_graph.serialize(path, format=rdf_format)
    loaded = load_rdf(path)
    assert isinstance(loaded, Dataset) == quads
    assert set(loaded.triples((None, None, None))) == set(valid_graph)
    assert validate(loaded).conforms


@pytest.mark.parametrize(
    "name, text",
    [
        ("broken.ttl", '@prefix ex: <http://example.org/> .\nex:a ex:b "no end .\n'),
        ("broken.nt", "<http://example.org/a> <http://example.org/b> .\n"),
        ("broken.nq", '<http://example.org/a> <http://example.org/b> "c" <http://example.org/g>\n'),
        ("broken.jsonld", '{"@id": '),
        ("broken.rdf", "<rdf:RDF><unclosed>"),
    ],
)
def test_load_rdf_reports_broken_files_on_one_line(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RDFParseError) as caught:
        load_rdf(path)
    message = str(caught.value)
    assert name in message
    assert "\n" not in message


def test_load_rdf_missing_file(tmp_path):
    with pytest.raises(InputError, match="missing.ttl"):
        load_rdf(tmp_path / "missing.ttl")


def test_load_rdf_unknown_extension(tmp_path):
    path = tmp_path / "graph.csv"
    path.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(InputError, match="graph.csv"):
        load_rdf(path)


def test_load_rdf_quads_are_a_union_dataset(tmp_path):
    path = tmp_path / "two.nq"
    path.write_text(
        "<http://example.org/a> <http://example.org/p> \"1\" .\n"
        "<http://example.org/a> <http://example.org/p> \"2\" <http://example.org/g> .\n",
        encoding="utf-8",
    )
    loaded = load_rdf(path)
    assert isinstance(loaded, Dataset)
    assert loaded.default_union
    assert len(set(loaded.triples((None, None, None)))) == 2
