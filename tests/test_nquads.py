"""kg.rdf.nquad_lines writes the N-Quads lines rdflib's own serializer (``_nq_row``) writes."""

from __future__ import annotations

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.plugins.serializers.nquads import _nq_row

from kg.rdf import nquad_lines, nt_term

GRAPH = "https://w3id.org/newskg/id/article/00112233aabbccdd"
S = URIRef("https://w3id.org/newskg/id/statement/0123456789abcdef")
P = URIRef("https://w3id.org/newskg/ontology#text")

OBJECTS = [
    Literal("The minister said nothing."),
    Literal('She called it "a mistake" twice.'),
    Literal("a back\\slash and \\n that is not a newline"),
    Literal("first line\nsecond line\r\nthird"),
    Literal('"""triple quotes""" at both ends "'),
    Literal("Zürich, Kyiv — «quoted» ‘curly’ 😀 \u00a0nbsp"),
    Literal("tab\there"),
    Literal(""),
    Literal("Kabul", lang="en"),
    Literal("Kaboul \"ville\"\n", lang="fr-CA"),
    Literal(42, datatype=XSD.nonNegativeInteger),
    Literal("-1", datatype=XSD.nonNegativeInteger),
    Literal("2025-09-02", datatype=XSD.date),
    Literal("--09-02", datatype=XSD.gMonthDay),
    Literal("https://example.org/a?b=c&d", datatype=XSD.anyURI),
    Literal("odd \"typed\"\\", datatype=URIRef("https://example.org/dt#x")),
    Literal(True),
    Literal(1.5),
    URIRef("https://w3id.org/newskg/id/actor/abd-al-rahman_%C3%A9"),
    URIRef("http://www.wikidata.org/entity/Q42"),
    RDF.type,
]


@pytest.mark.parametrize("obj", OBJECTS, ids=[repr(o)[:40] for o in OBJECTS])
def test_one_line_as_rdflib_writes_it(obj):
    assert nquad_lines([(S, P, obj)], GRAPH) == _nq_row((S, P, obj), URIRef(GRAPH))


def test_lines_sorted_and_deduplicated_as_rdflib_writes_them():
    triples = [(S, P, obj) for obj in OBJECTS] + [(S, P, OBJECTS[0]), (URIRef(GRAPH), RDF.type, S)]
    expected = "".join(sorted({_nq_row(t, URIRef(GRAPH)) for t in triples}))
    assert nquad_lines(triples, GRAPH) == expected
    assert nquad_lines(reversed(triples), GRAPH) == expected


@pytest.mark.parametrize(
    "term, text",
    [
        (URIRef("https://example.org/x"), "<https://example.org/x>"),
        (Literal('a"b'), '"a\\"b"'),
        (Literal("a\nb"), '"a\\nb"'),
        (Literal("a\\b"), '"a\\\\b"'),
        (Literal("x", lang="en"), '"x"@en'),
        (Literal(3), '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'),
    ],
)
def test_terms_written_as_n_quads(term, text):
    assert nt_term(term) == text


def test_a_blank_node_is_written_by_rdflib():
    node = BNode("b0")
    assert nt_term(node) == "_:b0"


@pytest.mark.parametrize("iri", ["https://example.org/a b", "https://example.org/<x>", 'https://e.org/"q"'])
def test_an_iri_rdflib_refuses_is_refused(iri):
    with pytest.raises(Exception, match="does not look like a valid URI"):
        nquad_lines([(URIRef(iri), P, Literal("x"))], GRAPH)
