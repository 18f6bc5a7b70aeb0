"""The compiled SHACL validator (kg.shacl_engine) against pyshacl, the reference engine.

Both engines run on every negative case of tests/shape_cases.py, on the golden graphs, on the
article graphs of examples/articles built in-process (one by one and merged) and on graphs with
one predicate removed: they must agree on conformance and on the set of (focus node, path,
source shape, constraint component) results, and print the same report lines.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.plugins.sparql import prepareQuery

from kg import shacl_sparql
from kg.builder import Builder, _check
from kg.articles import read_articles
from kg.errors import KgError, ValidationError
from kg.shacl_engine import CompiledValidator, ShapesError, compiled_validator, validate_compiled
from kg.validate import default_shapes, load_rdf, ontology, report_lines, validate

sys.path.insert(0, str(Path(__file__).parent))
from shape_cases import (  # noqa: E402 - the negative cases shared with test_shapes.py
    ANA,
    ARTICLE,
    KG,
    KGSH,
    MENTION,
    NEGATIVE_CASES,
    OPERATION,
    PREFIXES,
    QUOTE_SPAN,
    STATEMENT,
    VALID,
    add,
    broken_graph,
    copy_graph,
    drop,
    expand,
    put,
)

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = sorted((Path(__file__).parent / "golden").glob("*.ttl"))
EXAMPLES = ROOT / "examples" / "articles"


def keys(result) -> set[tuple]:
    return {r.key for r in result.results}


def assert_same_verdict(graph: Graph) -> None:
    reference, compiled = validate(graph), validate_compiled(graph)
    assert compiled.conforms == reference.conforms
    missing, extra = keys(reference) - keys(compiled), keys(compiled) - keys(reference)
    assert not missing and not extra, f"pyshacl only: {sorted(missing)}\ncompiled only: {sorted(extra)}"
    # The SPARQL constraints evaluated natively give what rdflib's SPARQL engine gives.
    assert compiled.results == rdflib_sparql_validator().validate(graph).results


@lru_cache(maxsize=1)
def rdflib_sparql_validator() -> CompiledValidator:
    return CompiledValidator(default_shapes(), ontology(), native_sparql=False)


def reparsed(graph: Graph) -> Graph:
    """``graph`` written and read back: literals as read from a file (SPARQL Update does not
    mark ill-typed literals, the Turtle parser does)."""
    return Graph().parse(data=graph.serialize(format="nt"), format="nt")


@pytest.fixture(scope="module")
def valid_graph() -> Graph:
    return load_rdf(VALID)


@pytest.fixture(scope="module")
def example_graphs() -> list[tuple[str, Graph]]:
    builder = Builder(validate=False)
    articles = read_articles([EXAMPLES], lambda err: None)
    return [(article.source, _graph(builder.article_graph(article)[0])) for article in articles]


def _graph(triples) -> Graph:
    """The build path hands its triples around as a list; pyshacl wants a Graph."""
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph


def test_valid_graph_conforms(valid_graph):
    result = validate_compiled(valid_graph)
    assert result.conforms and result.results == ()
    assert result.text == "The graph conforms to the kg shapes."


@pytest.mark.parametrize(
    "update, shape, path", [case[1:] for case in NEGATIVE_CASES], ids=[case[0] for case in NEGATIVE_CASES]
)
def test_negative_case_same_results_as_pyshacl(valid_graph, update, shape, path):
    broken = broken_graph(valid_graph, update)
    compiled = validate_compiled(broken)
    assert not compiled.conforms
    expected_path = expand(path) if path else None
    assert any(r.shape == URIRef(KGSH + shape) and r.path == expected_path for r in compiled.results), compiled.text
    assert_same_verdict(broken)
    # The build path validates its triples as a list: the same results.
    assert validate_compiled(list(broken)) == compiled
    assert report_lines(compiled) == report_lines(validate(broken)), "both engines print the same report"


# Breaks the shared negative cases do not make: node kinds, ill-typed literals, odd comparisons,
# subclasses declared in the data graph itself.
EXTRA_CASES = [
    ("blank-node-actor", 'INSERT DATA { _:b a kg:Person ; rdfs:label "Zed" ; skos:prefLabel "Zed" }'),
    ("literal-mention-of", add(MENTION, "kg:mentionOf", '"Ana Ruiz"')),
    ("language-tagged-label", put(ANA, "rdfs:label", '"Ana Ruiz"@es')),
    ("ill-typed-casualties", add(OPERATION, "kg:casualties", '"many"^^xsd:nonNegativeInteger')),
    ("ill-typed-issued", put(ARTICLE, "dcterms:issued", '"2025-13-01"^^xsd:date')),
    ("string-end", put(QUOTE_SPAN, "kg:end", '"143"')),
    ("iri-sentence-start", put(QUOTE_SPAN, "kg:sentenceStart", ANA)),
    ("two-starts", add(QUOTE_SPAN, "kg:start", '"100"^^xsd:nonNegativeInteger')),
    ("stance-literal", put(STATEMENT, "kg:stance", '"neutral"')),
    ("subclass-in-data", 'INSERT DATA { kg:Spy rdfs:subClassOf kg:Person . <urn:x:zed> a kg:Spy }'),
    ("decimal-casualties", add(OPERATION, "kg:casualties", '"2.5"^^xsd:decimal')),
    ("speaker-without-type", put(STATEMENT, "kg:speaker", "<https://w3id.org/newskg/id/actor/nobody>")),
]


@pytest.mark.parametrize("update", [c[1] for c in EXTRA_CASES], ids=[c[0] for c in EXTRA_CASES])
def test_extra_breaks_same_results_as_pyshacl(valid_graph, update):
    broken = reparsed(broken_graph(valid_graph, update))
    assert not validate_compiled(broken).conforms
    assert_same_verdict(broken)


@pytest.mark.parametrize("golden", GOLDEN, ids=lambda p: p.name)
def test_golden_graph_same_verdict(golden):
    graph = Graph().parse(golden, format="turtle")
    assert validate_compiled(graph).conforms
    assert_same_verdict(graph)


@pytest.mark.parametrize("golden", GOLDEN, ids=lambda p: p.name)
def test_golden_graph_without_each_predicate_same_verdict(golden):
    # Removing every triple of one predicate breaks shapes the negative cases may not reach.
    graph = Graph().parse(golden, format="turtle")
    for predicate in sorted(set(graph.predicates())):
        broken = copy_graph(graph)
        broken.remove((None, predicate, None))
        assert_same_verdict(broken)


def test_example_articles_same_verdict(example_graphs):
    assert len(example_graphs) >= 4, "examples/articles holds several articles"
    for source, graph in example_graphs:
        assert validate_compiled(graph).conforms, source
        assert_same_verdict(graph)


def test_a_list_of_triples_validates_like_its_graph(example_graphs):
    for _, graph in example_graphs:
        broken = _graph(graph)
        broken.update(PREFIXES + "DELETE WHERE { ?span kg:end ?end }")
        for data in (graph, broken):
            assert validate_compiled(list(data)) == validate_compiled(data)
        assert not validate_compiled(list(broken)).conforms


def test_merged_example_graphs_same_verdict(example_graphs):
    # A whole build (several articles, one run) is checked the same way as one article.
    merged = Graph()
    for _, graph in example_graphs:
        for triple in graph:
            merged.add(triple)
    merged.update(PREFIXES + "DELETE WHERE { ?span kg:sentence ?s }")
    assert not validate_compiled(merged).conforms
    assert_same_verdict(merged)


def test_dataset_is_validated_as_the_union_of_its_graphs(valid_graph):
    dataset = Dataset()
    named = dataset.graph(URIRef("https://w3id.org/newskg/id/article/bf218c020f671abc"))
    for triple in valid_graph:
        (dataset if triple[1] == RDF.type else named).add(triple)
    size = len(list(dataset.quads((None, None, None, None))))
    assert validate_compiled(dataset).conforms
    assert len(list(dataset.quads((None, None, None, None)))) == size, "validation must not modify its input"


def test_validation_does_not_modify_the_data_graph(valid_graph):
    before = set(valid_graph)
    validate_compiled(broken_graph(valid_graph, drop(STATEMENT, "kg:speaker")))
    validate_compiled(valid_graph)
    assert set(valid_graph) == before


def test_report_text_has_one_sorted_line_per_violation(valid_graph):
    broken = broken_graph(valid_graph, drop(STATEMENT, "kg:speaker") + " ; " + drop(ANA, "rdfs:label"))
    result = validate_compiled(broken)
    head, *lines = result.text.splitlines()
    assert head.startswith("The graph does not conform") and f"{len(lines)} violation(s)" in head
    assert lines == sorted(lines)
    assert any(line.strip().startswith("kgr:statement/85d08b893717ebf6  kg:speaker  A statement needs") for line in lines)
    assert any(line.strip().startswith("kgr:actor/ana-ruiz  rdfs:label") for line in lines)


def test_sparql_message_names_the_offender(valid_graph):
    result = validate_compiled(broken_graph(valid_graph, NEGATIVE_CASES_BY_ID["hash-not-the-iri"]))
    (line,) = [line for line in report_lines(result) if "ArticleHashShape" in line]
    assert line.startswith("kgr:article/bf218c020f671abc  -  Article https://w3id.org/newskg/id/article/")
    assert "(0000000000000000000000000000000000000000000000000000000000000000)" in line


NEGATIVE_CASES_BY_ID = {case[0]: case[1] for case in NEGATIVE_CASES}


def test_builder_reports_a_graph_that_does_not_conform(valid_graph):
    _check(valid_graph, "ok.txt")
    with pytest.raises(ValidationError) as caught:
        _check(list(broken_graph(valid_graph, drop(STATEMENT, "kg:speaker"))), "bad.txt")
    assert str(caught.value).startswith("bad.txt: ")
    assert "kgr:statement/85d08b893717ebf6  kg:speaker" in caught.value.report_text


def test_compiled_once_per_process():
    assert compiled_validator() is compiled_validator()


# --- shapes beyond kg's: what is supported works like pyshacl, the rest is refused ----------

SHAPES_HEAD = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix kg: <https://w3id.org/newskg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <urn:x:> .
"""


def shapes_of(body: str) -> Graph:
    return Graph().parse(data=SHAPES_HEAD + body, format="turtle")


@pytest.mark.parametrize(
    "body",
    [
        "ex:S sh:targetClass kg:Actor ; sh:property [ sh:path skos:altLabel ; sh:minCount 1 ; sh:message 'needs an alias' ] .",
        "ex:S sh:targetClass kg:Person ; sh:property [ sh:path kg:actsFor ; sh:hasValue <https://w3id.org/newskg/id/actor/x> ] .",
        "ex:S sh:targetNode <https://w3id.org/newskg/id/actor/ana-ruiz> ; sh:property [ sh:path rdfs:label ; sh:maxCount 0 ] .",
        "ex:S sh:targetClass kg:Country ; sh:pattern '^urn:' .",
    ],
    ids=["blank-property-shape", "has-value", "target-node", "node-pattern-no-message"],
)
def test_custom_shapes_same_verdict(valid_graph, body):
    shapes = shapes_of(body)
    compiled = CompiledValidator(shapes, ontology()).validate(valid_graph)
    reference = validate(valid_graph, shapes=shapes)
    assert not compiled.conforms and not reference.conforms
    # Blank shape nodes differ between the engines' reports: compare the rest of each result.
    assert {r.key[:2] + r.key[3:] for r in compiled.results} == {r.key[:2] + r.key[3:] for r in reference.results}
    assert all(r.messages for r in compiled.results)


@pytest.mark.parametrize(
    "body, feature",
    [
        ("ex:S sh:targetClass kg:Actor ; sh:property [ sh:path rdfs:label ; sh:maxLength 3 ] .", "sh:maxLength"),
        ("ex:S sh:targetClass kg:Actor ; sh:node ex:T . ex:T sh:nodeKind sh:IRI .", "sh:node"),
        ("ex:S sh:targetClass kg:Actor ; sh:not [ sh:nodeKind sh:Literal ] .", "sh:not"),
        ("ex:S sh:targetSubjectsOf kg:speaker ; sh:nodeKind sh:IRI .", "sh:targetSubjectsOf"),
        ("ex:S sh:targetClass kg:Actor ; sh:property [ sh:path [ sh:inversePath kg:speaker ] ] .", "a path"),
        ("ex:S sh:targetClass kg:Actor ; sh:pattern 'a' ; sh:flags 'i' .", "sh:flags"),
        ("ex:S sh:targetClass kg:Actor ; sh:nodeKind sh:IRI ; sh:severity sh:Warning .", "sh:severity"),
        ("ex:S sh:targetClass kg:Actor ; sh:nodeKind sh:IRI ; sh:deactivated true .", "sh:deactivated"),
        (
            "ex:S sh:targetClass kg:Actor ; sh:property [ sh:path rdf:type ; sh:qualifiedValueShape [ sh:in ( kg:Person ) ] ;"
            " sh:qualifiedMaxCount 1 ] .",
            "sh:qualifiedMaxCount",
        ),
        ("ex:S a rdfs:Class , sh:NodeShape ; sh:nodeKind sh:IRI .", "implicit target"),
        ("ex:S sh:targetNode kg:Actor ; sh:sparql [ sh:select 'SELECT $this WHERE { $this $PATH ?o }' ] .", "$PATH"),
        ("ex:S sh:targetNode kg:Actor ; sh:sparql [ sh:select 'SELECT $this WHERE { $this ?p ?o }' ; sh:deactivated true ] .",
         "sh:deactivated"),
        ("ex:S sh:targetNode kg:Actor ; sh:sparql [ sh:select 'SELECT WHERE nonsense' ] .", "does not parse"),
        ("ex:S sh:targetClass kg:Actor ; sh:or ( ex:S ) .", "refers to itself"),
        ("ex:C a sh:ConstraintComponent ; sh:parameter [ sh:path ex:even ] .", "constraint component defined"),
    ],
)
def test_unsupported_shapes_are_refused(body, feature):
    with pytest.raises(ShapesError) as caught:
        CompiledValidator(shapes_of(body.replace("rdf:type", "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>")))
    assert isinstance(caught.value, KgError)
    assert feature in str(caught.value)
    assert "\n" not in str(caught.value)


def test_kg_shapes_compile():
    # The guard above must not refuse the real shapes: every shape of shapes/kg.ttl is compiled.
    validator = CompiledValidator(default_shapes(), ontology())
    assert {str(shape.node).removeprefix(KGSH) for shape, classes, nodes in validator.targets if classes or nodes} >= {
        "ActorShape", "ArticleShape", "ArticleHashShape", "EvidenceSpanShape", "EvidenceSpanLengthShape",
        "ActorMentionShape", "StatementShape", "OperationShape", "DesignationShape", "ExtractionRunShape",
        "SoftwareAgentShape",
    }


SPARQL_THAT_FAILS = """
ex:S sh:targetNode kg:EvidenceSpan ;
    sh:sparql [ sh:message "bad span {?value}" ; sh:select '''
        SELECT $this ?value WHERE {
            ?value <https://w3id.org/newskg/ontology#start> ?s ; <https://w3id.org/newskg/ontology#end> ?e .
            BIND (?e - ?s AS ?d) FILTER (?d < 0)
        }''' ] .
"""


def test_sparql_check_that_cannot_run_is_reported(valid_graph):
    # rdflib cannot subtract an ill-typed offset: pyshacl raises, the compiled validator reports it.
    shapes = shapes_of(SPARQL_THAT_FAILS)
    broken = broken_graph(valid_graph, put(QUOTE_SPAN, "kg:start", '"abc"^^xsd:nonNegativeInteger'))
    with pytest.raises(TypeError):
        validate(broken, shapes=shapes)
    result = CompiledValidator(shapes, ontology()).validate(broken)
    assert not result.conforms
    assert [r.component.rsplit("#", 1)[-1] for r in result.results] == ["SPARQLConstraintComponent"]
    assert "could not be evaluated (TypeError" in result.text


def test_kg_sparql_constraints_are_evaluated_natively():
    queries = [
        prepareQuery(str(select), initNs={"kg": KG, "rdf": str(RDF), "rdfs": str(RDFS)})
        for select in default_shapes().objects(None, SH.select)
    ]
    assert len(queries) == 2
    assert all(shacl_sparql.plan(query) is not None for query in queries)


@pytest.mark.parametrize(
    "select",
    [
        # OPTIONAL is not in the native subset: rdflib evaluates it.
        "SELECT $this ?value WHERE { ?value a $this . OPTIONAL { ?value rdfs:label ?l } FILTER (!BOUND(?l)) }",
        # A path with both ends unbound: the native evaluator falls back to rdflib at run time.
        "SELECT $this ?value WHERE { ?value a $this . ?x rdfs:subClassOf* ?y . FILTER (?x = ?value) }",
        # Natively: a BIND that fails (STRLEN of a number) leaves its variable unbound.
        "SELECT $this ?value ?n ?k WHERE { ?value a $this . ?m kg:mentionOf ?value ; kg:start ?s ."
        " BIND (STRLEN(?s) AS ?n) BIND (?s + 1 AS ?k) FILTER (?k >= 1) }",
    ],
    ids=["optional", "unbound-path", "bind-errors"],
)
def test_other_sparql_constraints_same_verdict(valid_graph, select):
    shapes = shapes_of(
        f"ex:S sh:targetNode kg:Person ; sh:sparql [ sh:message 'odd {{?value}}' ; sh:select \"\"\"{select}\"\"\" ;"
        " sh:prefixes ex:P ] . ex:P sh:declare [ sh:prefix 'rdfs' ; sh:namespace"
        " 'http://www.w3.org/2000/01/rdf-schema#'^^xsd:anyURI ] ,"
        f" [ sh:prefix 'kg' ; sh:namespace '{KG}'^^xsd:anyURI ] ."
    )
    broken = broken_graph(valid_graph, drop(ANA, "rdfs:label"))
    reference = validate(broken, shapes=shapes)
    assert not reference.conforms
    native = CompiledValidator(shapes, ontology()).validate(broken)
    through_rdflib = CompiledValidator(shapes, ontology(), native_sparql=False).validate(broken)
    assert native.results == through_rdflib.results
    assert keys(native) == keys(reference) and native.conforms == reference.conforms


_XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.mark.parametrize(
    "text, start, end",
    [
        ('"Kabul"', "3", "8"),  # plain literal, fits its offsets
        ('"Kabul"', "3", "9"),  # too short for them
        ('"Kabul"@en', "0", "5"),  # a language tag: STRLEN takes it, rdflib evaluates
        (f'"Kabul"^^<{_XSD}string>', "0", "4"),  # xsd:string is a plain string
        ('"naïve 😀"', "0", "7"),  # non-ASCII: code points, not bytes
        ("7", "0", "1"),  # a number has no STRLEN: the BIND errs, the FILTER drops the row
        ('"Kabul"', f'"2"^^<{_XSD}int>', f'"7"^^<{_XSD}unsignedByte>'),  # other integer types
        ('"Kabul"', f'"x"^^<{_XSD}integer>', "5"),  # ill-typed: rdflib decides
        ('"Kabul"', "1.5", "6.5"),  # decimals: rdflib decides
        ('"Kabul"', '"1"', "6"),  # a string offset cannot be subtracted
        ('"Kabul"', "true", "6"),  # a boolean neither
    ],
    ids=["fits", "short", "lang", "xsd-string", "non-ascii", "number", "int-types", "ill-typed",
         "decimal", "string-offset", "boolean"],
)
@pytest.mark.parametrize("condition", ["?length != ?d", "?sum >= 1", "?d = 5", "?lt"])
def test_native_expressions_match_rdflib(text, start, end, condition):
    # The span-length check's expressions (STRLEN, -, +, comparisons), native and through rdflib.
    data = Graph().parse(data=PREFIXES + f"<https://w3id.org/newskg/id/actor/ana> a kg:Person ; kg:anchorText {text} ;"
                         f" kg:start {start} ; kg:end {end} .", format="turtle")
    select = ("SELECT $this ?value ?x ?length ?d ?sum ?lt WHERE { ?x a $this ; kg:anchorText ?text ;"
              " kg:start ?s ; kg:end ?e . BIND (STRLEN(?text) AS ?length) BIND (?e - ?s AS ?d)"
              " BIND (?e - ?s AS ?value)"
              " BIND (?s + ?e + 1 AS ?sum) BIND (?s < ?e AS ?lt)"
              f" FILTER ({condition}) }}")
    assert shacl_sparql.plan(prepareQuery(select, initNs={"kg": KG})) is not None
    shapes = shapes_of(
        "ex:S sh:targetNode kg:Person ; sh:sparql [ sh:message '{?x} {?length} {?d} {?sum} {?lt}' ;"
        f' sh:select """{select}""" ; sh:prefixes ex:P ] . ex:P sh:declare [ sh:prefix \'kg\' ;'
        f" sh:namespace '{KG}'^^xsd:anyURI ] ."
    )
    native = CompiledValidator(shapes, ontology()).validate(data)
    through_rdflib = CompiledValidator(shapes, ontology(), native_sparql=False).validate(data)
    assert native.results == through_rdflib.results
    assert native.text == through_rdflib.text
    if (text, start, end, condition) == ('"Kabul"', "3", "9", "?length != ?d"):
        assert "Kabul" not in native.text and "ana 5 6 13 true" in native.text


@pytest.mark.parametrize(
    "text",
    ['"Kabul"', '"Kabul"@en', f'"Kabul"^^<{_XSD}string>', "7", "<https://example.org/Kabul>", '""'],
    ids=["plain", "lang", "xsd-string", "number", "iri", "empty"],
)
@pytest.mark.parametrize(
    "expression",
    [
        'STRAFTER(STR(?x), "/actor/") = "ana"',  # the article-hash check's shape
        'STRAFTER(STR(?x), "/actor/") != SUBSTR(STR(?text), 1, 3)',
        'STRAFTER(?text, "a") = "bul"',  # a language tag or a number: rdflib decides
        'SUBSTR(?text, 2) != "abul"',  # no length
        'SUBSTR(STR(?text), 0, 2) = "K"',  # a start before the first character
        'SUBSTR(STR(?text), 1.5, 2) = "Ka"',  # a decimal start: rdflib decides
        'STR(?text) = "7"',
        'STRLEN(STR(?text)) > 2',
    ],
    ids=["strafter-iri", "strafter-substr", "strafter-text", "substr-open", "substr-zero",
         "substr-decimal", "str", "strlen-str"],
)
def test_native_string_functions_match_rdflib(text, expression):
    # STR, STRAFTER, SUBSTR and (in)equality of plain literals, native and through rdflib.
    data = Graph().parse(data=PREFIXES + f"<https://w3id.org/newskg/id/actor/ana> a kg:Person ;"
                         f" kg:anchorText {text} .", format="turtle")
    select = ("SELECT $this ?value ?x ?b WHERE { ?x a $this ; kg:anchorText ?text ."
              f" BIND ({expression} AS ?b) BIND (STR(?text) AS ?value) FILTER (?b) }}")
    assert shacl_sparql.plan(prepareQuery(select, initNs={"kg": KG})) is not None
    shapes = shapes_of(
        "ex:S sh:targetNode kg:Person ; sh:sparql [ sh:message '{?x} {?value} {?b}' ;"
        f' sh:select """{select}""" ; sh:prefixes ex:P ] . ex:P sh:declare [ sh:prefix \'kg\' ;'
        f" sh:namespace '{KG}'^^xsd:anyURI ] ."
    )
    native = CompiledValidator(shapes, ontology()).validate(data)
    through_rdflib = CompiledValidator(shapes, ontology(), native_sparql=False).validate(data)
    assert native.results == through_rdflib.results
    assert native.text == through_rdflib.text
