"""The kg namespaces: the ontology (``KG``), resources (``KGR``) and vocabularies (``KGV``).

``KG`` declares every class and property of ``ontology/kg.ttl`` (docs/model.md), so a misspelt
term such as ``KG.speakr`` raises ``AttributeError`` instead of minting a new IRI.
``concept(scheme, value)`` builds the IRI of a controlled-vocabulary concept
(``ontology/vocabularies.ttl``) and rejects values that ``kg.records`` does not allow.
"""

from __future__ import annotations

from types import MappingProxyType

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

from kg.records import (
    DESIGNATION_CATEGORIES,
    OPERATION_STATUSES,
    OPERATION_TYPES,
    QUOTE_KINDS,
    STANCES,
)

KGR = Namespace("https://w3id.org/newskg/id/")
KGV = Namespace("https://w3id.org/newskg/vocab/")

# Concept scheme name (last segment of the scheme IRI) -> the values it allows.
SCHEMES = MappingProxyType(
    {
        "operation-type": OPERATION_TYPES,
        "operation-status": OPERATION_STATUSES,
        "designation-category": DESIGNATION_CATEGORIES,
        "stance": STANCES,
        "quote-kind": QUOTE_KINDS,
    }
)


class KG(DefinedNamespace):
    """The kg ontology: classes and properties of the news knowledge graph (docs/model.md)."""

    _fail = True

    # Classes
    Actor: URIRef  # A person, organization or country that speaks, acts or is named.
    Person: URIRef  # A human being (schema:Person).
    Organization: URIRef  # An organized group (schema:Organization).
    Country: URIRef  # A sovereign state (schema:Country).
    CriminalOrganization: URIRef  # A cartel, gang or other criminal organization.
    GovernmentBody: URIRef  # A ministry, agency, armed force, legislature or administration.
    MediaOrganization: URIRef  # A news outlet, broadcaster or agency.
    Article: URIRef  # A news article (schema:NewsArticle).
    EvidenceSpan: URIRef  # A stretch of an article's text.
    ActorMention: URIRef  # An evidence span that names or refers to an actor.
    Statement: URIRef  # A quotation attributed to a speaker.
    Operation: URIRef  # A strike, raid, deployment, ... and its status.
    Designation: URIRef  # A government labelling a group.
    ExtractionRun: URIRef  # One run of the extractor (prov:Activity).

    # Actors
    actsFor: URIRef  # The state an official, agency or force acts for.

    # Articles
    sourceName: URIRef  # File name or JSONL id of the article.
    contentHash: URIRef  # SHA-256 of the article text (64 hex digits).
    outlet: URIRef  # Name of the publishing outlet.

    # Evidence spans and mentions
    article: URIRef  # The article a span belongs to.
    start: URIRef  # Character offset of the span (inclusive).
    end: URIRef  # Character offset of the span (exclusive).
    sentence: URIRef  # The sentence containing the span.
    sentenceStart: URIRef  # Character offset of that sentence.
    anchorText: URIRef  # The text of the span.
    mentionOf: URIRef  # The actor a mention refers to.

    # Facts
    evidence: URIRef  # An evidence span a fact was extracted from.
    speaker: URIRef  # Who a statement is attributed to.
    text: URIRef  # The quoted words.
    quoteKind: URIRef  # kgv:quote-kind concept.
    reportingVerb: URIRef  # Lemma of the reporting verb.
    stance: URIRef  # kgv:stance concept.
    mentions: URIRef  # An actor named in the quote.
    embeddedIn: URIRef  # The outer statement of a nested quote.
    operationType: URIRef  # kgv:operation-type concept.
    status: URIRef  # kgv:operation-status concept.
    trigger: URIRef  # The words that report the operation.
    agent: URIRef  # Who carries out the operation.
    target: URIRef  # The actor the operation is aimed at.
    targetText: URIRef  # The target as written.
    location: URIRef  # The country where the operation happens.
    locationText: URIRef  # The place as written.
    date: URIRef  # xsd:date or xsd:gMonthDay.
    dateText: URIRef  # The date as written.
    casualties: URIRef  # Number of people killed.
    casualtiesText: URIRef  # Casualties as written ("dozens").
    count: URIRef  # Number of operations reported together.
    designator: URIRef  # Who makes a designation.
    designee: URIRef  # The designated actor, when known.
    designeeText: URIRef  # The designated group as written.
    category: URIRef  # kgv:designation-category concept.

    # Provenance
    model: URIRef  # Name of the spaCy pipeline of a run.

    _NS = Namespace("https://w3id.org/newskg/ontology#")


def kg_terms() -> frozenset[URIRef]:
    """Return every term ``KG`` declares (as full IRIs)."""
    return frozenset(KG[name] for name in KG.__annotations__)


def concept_scheme(scheme: str) -> URIRef:
    """Return the IRI of a concept scheme (``kgv:stance``); ``ValueError`` if unknown."""
    if scheme not in SCHEMES:
        known = ", ".join(sorted(SCHEMES))
        raise ValueError(f"unknown concept scheme {scheme!r} (known: {known})")
    return KGV[scheme]


def concept(scheme: str, value: str) -> URIRef:
    """Return the IRI of ``value`` in ``scheme``: ``concept("stance", "neutral")``.

    Raises ``ValueError`` when the scheme is unknown or the value is not one that
    ``kg.records`` allows for it.
    """
    scheme_iri = concept_scheme(scheme)
    allowed = SCHEMES[scheme]
    if value not in allowed:
        raise ValueError(
            f"{value!r} is not a {scheme} value (allowed: {', '.join(sorted(allowed))})"
        )
    return URIRef(f"{scheme_iri}/{value}")
