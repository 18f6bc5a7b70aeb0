"""The negative cases of the SHACL shapes, shared by tests/test_shapes.py (pyshacl) and
tests/test_shacl_engine.py (the compiled validator, compared with pyshacl).

``tests/data/valid_graph.ttl`` follows docs/model.md. Every negative case edits a copy with one
SPARQL Update and expects a violation from one named shape (and path).
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

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


def copy_graph(graph: Graph) -> Graph:
    copy = Graph()
    for triple in graph:
        copy.add(triple)
    return copy


def expand(curie: str) -> URIRef:
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


def broken_graph(valid: Graph, update: str) -> Graph:
    """A copy of ``valid`` with one SPARQL Update (a negative case) applied."""
    broken = copy_graph(valid)
    broken.update(PREFIXES + update)
    return broken
