"""SHACL shapes (shapes/kg.ttl) and kg.validate: a valid graph conforms, each break is caught.

``tests/data/valid_graph.ttl`` follows docs/model.md. Every negative case edits a copy with one
SPARQL Update and expects a violation from one named shape (and path); a coverage test checks
that every shape of shapes/kg.ttl has at least one negative case.
"""

from __future__ import annotations

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

DATA = Path(__file__).parent / "data"
VALID = DATA / "valid_graph.ttl"
KGSH = "https://w3id.org/newskg/shapes#"
KG = "https://w3id.org/newskg/ontology#"
ID = "https://w3id.org/newskg/id/"

PREFIXES = """
PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""

# Resources of the valid graph, as SPARQL IRIs.
ANA = f"<{ID}actor/ana-ruiz>"
NORTHLAND = f"<{ID}actor/northland>"
CARTEL = f"<{ID}actor/red-harbor-cartel>"
ARTICLE = f"<{ID}article/bf218c020f671abc>"
MENTION = f"<{ID}mention/ffac9fa0436c1001>"
QUOTE_SPAN = f"<{ID}evidence/fe8dc38a5a8a0d97>"
STATEMENT = f"<{ID}statement/85d08b893717ebf6>"
OPERATION = f"<{ID}operation/cfc66e09ded6ce28>"
DESIGNATION = f"<{ID}designation/fd4e86921c100c0a>"
RUN = f"<{ID}run/6982a4f84acf95a9>"
SOFTWARE = f"<{ID}software/kg-0.1.0>"


def vocab(path: str) -> str:
    return f"<https://w3id.org/newskg/vocab/{path}>"


def drop(subject: str, prop: str) -> str:
    """Update removing every ``subject prop ?o`` triple."""
    return f"DELETE WHERE {{ {subject} {prop} ?o }}"


def put(subject: str, prop: str, value: str) -> str:
    """Update replacing the values of ``subject prop`` with ``value``."""
    return f"DELETE WHERE {{ {subject} {prop} ?o }} ; INSERT DATA {{ {subject} {prop} {value} }}"


def add(subject: str, prop: str, value: str) -> str:
    """Update adding one more value."""
    return f"INSERT DATA {{ {subject} {prop} {value} }}"


def rename(old: str, new: str) -> str:
    """Update giving a resource another IRI everywhere it occurs."""
    return (
        f"DELETE {{ {old} ?p ?o }} INSERT {{ {new} ?p ?o }} WHERE {{ {old} ?p ?o }} ; "
        f"DELETE {{ ?s ?p {old} }} INSERT {{ ?s ?p {new} }} WHERE {{ ?s ?p {old} }}"
    )


# (case id, SPARQL update, shape expected to report, path expected in that result or None)
NEGATIVE_CASES = [
    # Actors (targets kg:Actor; the graph only has kg:Person, kg:Country, kg:CriminalOrganization)
    ("actor-bad-iri", rename(ANA, f"<{ID}actor/Ana_Ruiz>"), "ActorShape", None),
    ("actor-no-concrete-type", put(ANA, "rdf:type", "kg:Actor"), "Actor-type", "rdf:type"),
    ("person-without-label", drop(ANA, "rdfs:label"), "Actor-label", "rdfs:label"),
    ("country-two-labels", add(NORTHLAND, "rdfs:label", '"North Land"'), "Actor-label", "rdfs:label"),
    (
        "government-body-without-label",
        add(f"<{ID}actor/northland-navy>", "rdf:type", "kg:GovernmentBody"),
        "Actor-label",
        "rdfs:label",
    ),
    (
        "prefLabel-differs",
        put(CARTEL, "skos:prefLabel", '"Red Harbour Cartel"'),
        "Actor-prefLabel",
        "skos:prefLabel",
    ),
    ("empty-alias", add(ANA, "skos:altLabel", '""'), "Actor-altLabel", "skos:altLabel"),
    (
        "exactMatch-not-wikidata",
        put(NORTHLAND, "skos:exactMatch", "<https://example.org/northland>"),
        "Actor-exactMatch",
        "skos:exactMatch",
    ),
    ("actsFor-not-a-country", put(ANA, "kg:actsFor", CARTEL), "Actor-actsFor", "kg:actsFor"),
    # Articles
    ("article-bad-iri", rename(ARTICLE, f"<{ID}article/BF218C02>"), "ArticleShape", None),
    ("article-without-source", drop(ARTICLE, "kg:sourceName"), "Article-sourceName", "kg:sourceName"),
    (
        "hash-upper-case",
        put(ARTICLE, "kg:contentHash", '"' + "AB" * 32 + '"'),
        "Article-contentHash",
        "kg:contentHash",
    ),
    ("hash-not-the-iri", put(ARTICLE, "kg:contentHash", '"' + "0" * 64 + '"'), "ArticleHashShape", None),
    ("empty-title", put(ARTICLE, "dcterms:title", '""'), "Article-title", "dcterms:title"),
    (
        "url-plain-string",
        put(ARTICLE, "schema:url", '"https://news.example.org/a"'),
        "Article-url",
        "schema:url",
    ),
    ("two-outlets", add(ARTICLE, "kg:outlet", '"Other News"'), "Article-outlet", "kg:outlet"),
    (
        "issued-not-a-date",
        put(ARTICLE, "dcterms:issued", '"--09-03"^^xsd:gMonthDay'),
        "Article-issued",
        "dcterms:issued",
    ),
    # Evidence spans (an actor mention is one too)
    ("span-bad-iri", rename(QUOTE_SPAN, f"<{ID}span/fe8dc38a5a8a0d97>"), "EvidenceSpanShape", None),
    ("span-without-article", drop(QUOTE_SPAN, "kg:article"), "EvidenceSpan-article", "kg:article"),
    ("span-article-not-article", put(QUOTE_SPAN, "kg:article", ANA), "EvidenceSpan-article", "kg:article"),
    (
        "start-equals-end",
        put(QUOTE_SPAN, "kg:start", '"143"^^xsd:nonNegativeInteger'),
        "EvidenceSpan-start",
        "kg:start",
    ),
    (
        "start-negative",
        put(QUOTE_SPAN, "kg:start", '"-1"^^xsd:nonNegativeInteger'),
        "EvidenceSpan-start",
        "kg:start",
    ),
    ("start-plain-integer", put(QUOTE_SPAN, "kg:start", "107"), "EvidenceSpan-start", "kg:start"),
    ("mention-without-end", drop(MENTION, "kg:end"), "EvidenceSpan-end", "kg:end"),
    ("empty-sentence", put(QUOTE_SPAN, "kg:sentence", '""'), "EvidenceSpan-sentence", "kg:sentence"),
    (
        "sentence-starts-after-span",
        put(QUOTE_SPAN, "kg:sentenceStart", '"120"^^xsd:nonNegativeInteger'),
        "EvidenceSpan-sentenceStart",
        "kg:sentenceStart",
    ),
    ("span-without-text", drop(QUOTE_SPAN, "kg:anchorText"), "EvidenceSpan-anchorText", "kg:anchorText"),
    ("text-longer-than-span", put(MENTION, "kg:anchorText", '"Ruiz told"'), "EvidenceSpanLengthShape", None),
    # Actor mentions
    (
        "mention-under-evidence-iri",
        rename(MENTION, f"<{ID}evidence/ffac9fa0436c1001>"),
        "ActorMentionShape",
        None,
    ),
    ("mention-of-nobody", drop(MENTION, "kg:mentionOf"), "ActorMention-mentionOf", "kg:mentionOf"),
    (
        "mention-of-an-article",
        put(MENTION, "kg:mentionOf", ARTICLE),
        "ActorMention-mentionOf",
        "kg:mentionOf",
    ),
    # Statements
    ("statement-bad-iri", rename(STATEMENT, f"<{ID}statement/1>"), "StatementShape", None),
    ("statement-without-speaker", drop(STATEMENT, "kg:speaker"), "Statement-speaker", "kg:speaker"),
    ("empty-quote", put(STATEMENT, "kg:text", '""'), "Statement-text", "kg:text"),
    (
        "stance-as-quote-kind",
        put(STATEMENT, "kg:quoteKind", vocab("stance/neutral")),
        "Statement-quoteKind",
        "kg:quoteKind",
    ),
    (
        "reporting-verb-not-a-string",
        put(STATEMENT, "kg:reportingVerb", "kg:say"),
        "Statement-reportingVerb",
        "kg:reportingVerb",
    ),
    ("unknown-stance", put(STATEMENT, "kg:stance", vocab("stance/pro")), "Statement-stance", "kg:stance"),
    (
        "mentions-a-literal",
        add(STATEMENT, "kg:mentions", '"the cartel"'),
        "Statement-mentions",
        "kg:mentions",
    ),
    ("embedded-in-an-actor", add(STATEMENT, "kg:embeddedIn", ANA), "Statement-embeddedIn", "kg:embeddedIn"),
    ("statement-without-evidence", drop(STATEMENT, "kg:evidence"), "Fact-evidence", "kg:evidence"),
    (
        "statement-two-runs",
        add(STATEMENT, "prov:wasGeneratedBy", f"<{ID}run/0000000000000000>"),
        "Fact-wasGeneratedBy",
        "prov:wasGeneratedBy",
    ),
    # Operations
    ("operation-bad-iri", rename(OPERATION, f"<{ID}operations/cfc66e09ded6ce28>"), "OperationShape", None),
    (
        "unknown-operation-type",
        put(OPERATION, "kg:operationType", vocab("operation-type/bombing")),
        "Operation-operationType",
        "kg:operationType",
    ),
    ("operation-without-status", drop(OPERATION, "kg:status"), "Operation-status", "kg:status"),
    ("operation-without-trigger", drop(OPERATION, "kg:trigger"), "Operation-trigger", "kg:trigger"),
    ("agent-is-a-run", put(OPERATION, "kg:agent", RUN), "Operation-agent", "kg:agent"),
    ("two-targets", add(OPERATION, "kg:target", ANA), "Operation-target", "kg:target"),
    ("empty-target-text", put(OPERATION, "kg:targetText", '""'), "Operation-targetText", "kg:targetText"),
    ("location-is-text", add(OPERATION, "kg:location", '"Northland"'), "Operation-location", "kg:location"),
    (
        "empty-location-text",
        add(OPERATION, "kg:locationText", '""'),
        "Operation-locationText",
        "kg:locationText",
    ),
    ("date-plain-string", add(OPERATION, "kg:date", '"2025-09-02"'), "Fact-date", "kg:date"),
    ("empty-date-text", add(OPERATION, "kg:dateText", '""'), "Fact-dateText", "kg:dateText"),
    ("negative-casualties", add(OPERATION, "kg:casualties", "-3"), "Operation-casualties", "kg:casualties"),
    (
        "empty-casualties-text",
        add(OPERATION, "kg:casualtiesText", '""'),
        "Operation-casualtiesText",
        "kg:casualtiesText",
    ),
    ("zero-count", add(OPERATION, "kg:count", '"0"^^xsd:positiveInteger'), "Operation-count", "kg:count"),
    (
        "operation-without-run",
        drop(OPERATION, "prov:wasGeneratedBy"),
        "Fact-wasGeneratedBy",
        "prov:wasGeneratedBy",
    ),
    # Designations
    ("designation-bad-iri", rename(DESIGNATION, f"<{ID}designation/xyz>"), "DesignationShape", None),
    (
        "designation-without-designator",
        drop(DESIGNATION, "kg:designator"),
        "Designation-designator",
        "kg:designator",
    ),
    ("designee-is-text", put(DESIGNATION, "kg:designee", '"cartel"'), "Designation-designee", "kg:designee"),
    (
        "designation-without-designee-text",
        drop(DESIGNATION, "kg:designeeText"),
        "Designation-designeeText",
        "kg:designeeText",
    ),
    (
        "unknown-category",
        put(DESIGNATION, "kg:category", vocab("designation-category/rogue_state")),
        "Designation-category",
        "kg:category",
    ),
    ("date-as-plain-string", put(DESIGNATION, "kg:date", '"2025-09-02"'), "Fact-date", "kg:date"),
    ("invalid-month-day", put(DESIGNATION, "kg:date", '"--13-02"^^xsd:gMonthDay'), "Fact-date", "kg:date"),
    (
        "designation-evidence-is-actor",
        put(DESIGNATION, "kg:evidence", CARTEL),
        "Fact-evidence",
        "kg:evidence",
    ),
    # Provenance
    ("run-bad-iri", rename(RUN, f"<{ID}run/latest>"), "ExtractionRunShape", None),
    (
        "run-without-software",
        drop(RUN, "prov:wasAssociatedWith"),
        "ExtractionRun-wasAssociatedWith",
        "prov:wasAssociatedWith",
    ),
    ("run-without-model", drop(RUN, "kg:model"), "ExtractionRun-model", "kg:model"),
    ("run-used-an-actor", add(RUN, "prov:used", ANA), "ExtractionRun-used", "prov:used"),
    ("software-bad-iri", rename(SOFTWARE, f"<{ID}software/spacy>"), "SoftwareAgentShape", None),
    (
        "software-without-version",
        drop(SOFTWARE, "schema:softwareVersion"),
        "SoftwareAgent-version",
        "schema:softwareVersion",
    ),
    ("software-without-label", drop(SOFTWARE, "rdfs:label"), "SoftwareAgent-label", "rdfs:label"),
]


@pytest.fixture(scope="module")
def valid_graph() -> Graph:
    return load_rdf(VALID)


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    return copy


def _expand(curie: str) -> URIRef:
    prefix, local = curie.split(":", 1)
    namespaces = {
        "kg": KG,
        "rdf": str(RDF),
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "skos": str(SKOS),
        "prov": "http://www.w3.org/ns/prov#",
        "schema": "https://schema.org/",
        "dcterms": "http://purl.org/dc/terms/",
    }
    return URIRef(namespaces[prefix] + local)


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
    broken = _copy(valid_graph)
    broken.update(PREFIXES + drop(ANA, "rdfs:label") + " ; " + drop(ANA, "skos:prefLabel"))
    _, bare_report, _ = pyshacl.validate(broken, shacl_graph=default_shapes(), inference="none")
    bare = ValidationResult(False, bare_report, "")
    assert not [r for r in _results(bare) if r[0] == URIRef(KGSH + "Actor-label")]
    assert [r for r in _results(validate(broken)) if r[0] == URIRef(KGSH + "Actor-label")]


def test_require_valid(valid_graph):
    assert require_valid(valid_graph).conforms
    broken = _copy(valid_graph)
    broken.update(PREFIXES + drop(STATEMENT, "kg:speaker"))
    with pytest.raises(ValidationError) as caught:
        require_valid(broken)
    assert "kg:speaker" in caught.value.report_text
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    "update, shape, path", [case[1:] for case in NEGATIVE_CASES], ids=[case[0] for case in NEGATIVE_CASES]
)
def test_broken_graph_is_reported(valid_graph, update, shape, path):
    broken = _copy(valid_graph)
    broken.update(PREFIXES + update)
    assert len(broken) != len(valid_graph) or set(broken) != set(valid_graph), "the update changed nothing"
    result = validate(broken)
    assert not result.conforms
    found = _results(result)
    expected_path = _expand(path) if path else None
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
    broken = _copy(valid_graph)
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
