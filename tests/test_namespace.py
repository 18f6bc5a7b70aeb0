"""The typed namespace ``kg.namespace`` agrees with ``ontology/kg.ttl`` and ``vocabularies.ttl``."""

from __future__ import annotations

from functools import lru_cache

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg import records
from kg.namespace import KG, KGR, KGV, SCHEMES, concept, concept_scheme, kg_terms
from kg.resources import resource_dir

KG_NS = "https://w3id.org/newskg/ontology#"
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)


@lru_cache(maxsize=None)
def _graph(name: str) -> Graph:
    return Graph().parse(resource_dir("ontology") / name, format="turtle")


def _declared_terms() -> set[URIRef]:
    graph = _graph("kg.ttl")
    return {
        term
        for kind in TERM_TYPES
        for term in graph.subjects(RDF.type, kind)
        if isinstance(term, URIRef) and term.startswith(KG_NS)
    }


def test_namespace_declares_every_ontology_term():
    missing = sorted(_declared_terms() - kg_terms())
    assert not missing, f"declared in ontology/kg.ttl but not in kg.namespace.KG: {missing}"


def test_ontology_declares_every_namespace_term():
    missing = sorted(kg_terms() - _declared_terms())
    assert not missing, f"in kg.namespace.KG but not declared in ontology/kg.ttl: {missing}"


def test_ontology_uses_no_undeclared_kg_term():
    graph = _graph("kg.ttl")
    used = {node for triple in graph for node in triple if isinstance(node, URIRef)}
    stray = sorted(n for n in used if n.startswith(KG_NS) and n not in kg_terms())
    assert not stray, f"kg: terms used in ontology/kg.ttl without a declaration: {stray}"


@pytest.mark.parametrize("term", sorted(kg_terms()), ids=lambda t: t.removeprefix(KG_NS))
def test_every_term_has_label_and_comment(term):
    graph = _graph("kg.ttl")
    assert graph.value(term, RDFS.label), f"{term} has no rdfs:label"
    assert graph.value(term, RDFS.comment), f"{term} has no rdfs:comment"


PROPERTIES = sorted(t for t in kg_terms() if t.removeprefix(KG_NS)[0].islower())


@pytest.mark.parametrize("term", PROPERTIES, ids=lambda t: t.removeprefix(KG_NS))
def test_every_property_has_domain_and_range(term):
    graph = _graph("kg.ttl")
    assert (term, RDF.type, OWL.Class) not in graph
    assert graph.value(term, RDFS.domain) is not None, f"{term} has no rdfs:domain"
    assert graph.value(term, RDFS.range) is not None, f"{term} has no rdfs:range"


@pytest.mark.parametrize(
    "subclass, superclass",
    [
        (KG.Person, KG.Actor),
        (KG.Organization, KG.Actor),
        (KG.Country, KG.Actor),
        (KG.CriminalOrganization, KG.Organization),
        (KG.GovernmentBody, KG.Organization),
        (KG.MediaOrganization, KG.Organization),
        (KG.ActorMention, KG.EvidenceSpan),
        (KG.Actor, URIRef("http://www.w3.org/ns/prov#Agent")),
        (KG.Statement, URIRef("http://www.w3.org/ns/prov#Entity")),
        (KG.Operation, URIRef("http://www.w3.org/ns/prov#Entity")),
        (KG.Designation, URIRef("http://www.w3.org/ns/prov#Entity")),
        (KG.Article, URIRef("https://schema.org/NewsArticle")),
        (KG.ExtractionRun, URIRef("http://www.w3.org/ns/prov#Activity")),
    ],
)
def test_class_hierarchy_follows_the_model(subclass, superclass):
    assert (subclass, RDFS.subClassOf, superclass) in _graph("kg.ttl")


def test_ontology_header_has_a_version():
    graph = _graph("kg.ttl")
    headers = list(graph.subjects(RDF.type, OWL.Ontology))
    assert len(headers) == 1
    assert graph.value(headers[0], OWL.versionInfo) is not None


@pytest.mark.parametrize("name", ["speakr", "Persn", "actor", "sentence_start"])
def test_misspelt_term_raises(name):
    with pytest.raises(AttributeError):
        getattr(KG, name)


def test_known_terms_resolve():
    assert KG.speaker == URIRef(KG_NS + "speaker")
    assert KG.count == URIRef(KG_NS + "count")
    assert KGR["actor/united-states"] == URIRef("https://w3id.org/newskg/id/actor/united-states")


SCHEME_VALUES = [(scheme, value) for scheme in sorted(SCHEMES) for value in sorted(SCHEMES[scheme])]


@pytest.mark.parametrize("scheme, value", SCHEME_VALUES)
def test_concept_is_described_in_the_vocabularies(scheme, value):
    vocab = _graph("vocabularies.ttl")
    iri = concept(scheme, value)
    assert iri == URIRef(f"https://w3id.org/newskg/vocab/{scheme}/{value}")
    assert (iri, RDF.type, SKOS.Concept) in vocab
    assert (iri, SKOS.inScheme, KGV[scheme]) in vocab
    assert (iri, SKOS.notation, Literal(value)) in vocab
    assert vocab.value(iri, SKOS.prefLabel), f"{iri} has no skos:prefLabel"
    assert vocab.value(iri, SKOS.definition), f"{iri} has no skos:definition"


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_vocabulary_holds_exactly_the_record_values(scheme):
    vocab = _graph("vocabularies.ttl")
    assert (concept_scheme(scheme), RDF.type, SKOS.ConceptScheme) in vocab
    notations = {str(vocab.value(c, SKOS.notation)) for c in vocab.subjects(SKOS.inScheme, KGV[scheme])}
    assert notations == set(SCHEMES[scheme])


def test_schemes_cover_every_value_set_of_the_records():
    assert SCHEMES["operation-type"] == records.OPERATION_TYPES
    assert SCHEMES["operation-status"] == records.OPERATION_STATUSES
    assert SCHEMES["designation-category"] == records.DESIGNATION_CATEGORIES
    assert SCHEMES["stance"] == records.STANCES
    assert SCHEMES["quote-kind"] == records.QUOTE_KINDS


@pytest.mark.parametrize(
    "narrower, broader",
    [
        ("operation-type/capture", "operation-type/raid"),
        ("operation-type/strike", "operation-type/military_action"),
        (
            "designation-category/foreign_terrorist_organization",
            "designation-category/terrorist_organization",
        ),
    ],
)
def test_broader_concepts(narrower, broader):
    assert (KGV[narrower], SKOS.broader, KGV[broader]) in _graph("vocabularies.ttl")


def test_broader_stays_inside_its_scheme():
    vocab = _graph("vocabularies.ttl")
    for narrower, broader in vocab.subject_objects(SKOS.broader):
        assert vocab.value(narrower, SKOS.inScheme) == vocab.value(broader, SKOS.inScheme)


@pytest.mark.parametrize(
    "scheme, value",
    [
        ("stance", "pro_intervention"),
        ("stance", "Neutral"),
        ("operation-type", "bombing"),
        ("mood", "neutral"),
    ],
)
def test_concept_rejects_unknown_values(scheme, value):
    with pytest.raises(ValueError):
        concept(scheme, value)
