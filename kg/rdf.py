"""Map one article's extraction records to RDF (see ``docs/model.md``).

Every IRI is derived from content, so the same input gives the same triples, and articles
processed separately merge without a global index: an actor is ``kgr:actor/{slug}``, a statement
is keyed by speaker and normalised text, an operation by type, status, agent, target and location.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SDO as SCHEMA, SKOS

from kg.articles import Article
from kg.namespace import KG, KGR, KGV, concept
from kg.records import Actor, Designation, Evidence, Extraction, Mention, Operation, Statement

WIKIDATA = "http://www.wikidata.org/entity/"
PREFIXES = {
    "kg": str(KG),
    "kgr": str(KGR),
    "kgv": str(KGV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "schema": str(SCHEMA),
    "wd": WIKIDATA,
}
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "«": '"', "»": '"'})


@dataclass(frozen=True)
class Run:
    """The extraction run recorded with PROV-O: tool version and spaCy pipeline."""

    version: str
    model: str = "blank:en"

    @property
    def iri(self) -> URIRef:
        return KGR["run/" + digest(self.version, self.model)]

    @property
    def agent_iri(self) -> URIRef:
        return KGR[f"software/kg-{self.version}"]


def bind_prefixes(graph: Graph) -> Graph:
    """Bind kg's prefixes (and only those) on ``graph``."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def digest(*parts: object) -> str:
    """16 hex digits of sha256 over the parts joined by ``|``."""
    return hashlib.sha256("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def normalize_text(text: str) -> str:
    """Text as compared for identity: NFKC, straight quotes, collapsed spaces, lower case."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return " ".join(text.split()).strip(" \"'").casefold()


def _slug_text(text: str | None) -> str:
    if not text:
        return ""
    text = re.sub(r"^(the|a|an)\s+", "", normalize_text(text))
    return text


def actor_iri(actor: Actor) -> URIRef:
    return KGR["actor/" + actor.key]


def article_iri(article: Article) -> URIRef:
    return KGR["article/" + article.content_hash[:16]]


def quote_text(text: str) -> str:
    """A statement's text as stored and keyed: NFC, whitespace collapsed, otherwise as written."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def statement_iri(statement: Statement) -> URIRef:
    return KGR["statement/" + digest("statement", statement.speaker.key, quote_text(statement.text))]


def operation_iri(op: Operation) -> URIRef:
    target = op.target.key if op.target else _slug_text(op.target_text)
    location = op.location.key if op.location else _slug_text(op.location_text)
    agent = op.agent.key if op.agent else ""
    return KGR["operation/" + digest("operation", op.type, op.status, agent, target, location)]


def designation_iri(des: Designation) -> URIRef:
    designee = des.designee.key if des.designee else _slug_text(des.designee_text)
    return KGR["designation/" + digest("designation", des.designator.key, des.category, designee)]


class ArticleGraph:
    """Builds the graph of one article. Use :func:`article_graph`."""

    def __init__(self, article: Article, run: Run, actors: dict[str, Actor] | None = None):
        self.article = article
        self.run = run
        self.actors = actors or {}
        self.graph = bind_prefixes(Graph())
        self.article_iri = article_iri(article)
        self.content_hash = article.content_hash  # sha256 of the whole text: computed once
        self._described: dict[Actor, URIRef] = {}  # actors whose triples are in the graph

    def add(self, s: URIRef, p: URIRef, o) -> None:
        if o is not None:
            self.graph.add((s, p, o))

    def text(self, s: URIRef, p: URIRef, value: str | None) -> None:
        if value is not None and value.strip():
            self.add(s, p, _plain_literal(value))

    def integer(self, s: URIRef, p: URIRef, value: int | None, datatype=XSD.nonNegativeInteger) -> None:
        if value is not None:
            self.add(s, p, _typed_literal(int(value), datatype))

    def add_article(self) -> None:
        a, art = self.article_iri, self.article
        self.add(a, RDF.type, KG.Article)
        self.text(a, KG.sourceName, art.source)
        self.text(a, KG.contentHash, self.content_hash)
        self.text(a, DCTERMS.title, art.title)
        if art.url:
            self.add(a, SCHEMA.url, Literal(art.url, datatype=XSD.anyURI))
        self.text(a, KG.outlet, art.outlet)
        if art.published:
            self.add(a, DCTERMS.issued, Literal(art.published, datatype=XSD.date))

    def add_run(self) -> None:
        run, agent = self.run.iri, self.run.agent_iri
        self.add(run, RDF.type, KG.ExtractionRun)
        self.add(run, PROV.wasAssociatedWith, agent)
        self.text(run, KG.model, self.run.model)
        self.add(run, PROV.used, self.article_iri)
        self.add(agent, RDF.type, PROV.SoftwareAgent)
        self.text(agent, RDFS.label, f"kg {self.run.version}")
        self.text(agent, SCHEMA.softwareVersion, self.run.version)

    def add_actor(self, actor: Actor) -> URIRef:
        if actor in self._described:  # its triples depend on the record alone: added once
            return self._described[actor]
        iri = self._described[actor] = actor_iri(actor)
        self.add(iri, RDF.type, KG[actor.type])
        self.text(iri, RDFS.label, actor.label)
        self.text(iri, SKOS.prefLabel, actor.label)
        for alias in sorted(set(actor.aliases) - {actor.label}):
            self.text(iri, SKOS.altLabel, alias)
        if actor.wikidata:
            self.add(iri, SKOS.exactMatch, URIRef(WIKIDATA + actor.wikidata))
        state = self.actors.get(actor.government) if actor.government != actor.key else None
        if state is not None:  # only a state the graph describes, so kg:actsFor stays typed
            self.add(iri, KG.actsFor, self.add_actor(state))
        return iri

    def add_span(self, iri: URIRef, evidence: Evidence, kind=KG.EvidenceSpan) -> URIRef:
        text = self.article.text
        self.add(iri, RDF.type, kind)
        self.add(iri, KG.article, self.article_iri)
        self.integer(iri, KG.start, evidence.start)
        self.integer(iri, KG.end, evidence.end)
        self.text(iri, KG.anchorText, text[evidence.start:evidence.end])
        self.text(iri, KG.sentence, evidence.sentence)
        self.integer(iri, KG.sentenceStart, evidence.sentence_start)
        return iri

    def add_evidence(self, fact: URIRef, evidence: Evidence, role: str) -> None:
        span = KGR["evidence/" + digest(self.content_hash, evidence.start, evidence.end, role)]
        self.add_span(span, evidence)
        self.add(fact, KG.evidence, span)
        self.add(fact, PROV.wasGeneratedBy, self.run.iri)

    def add_mention(self, mention: Mention) -> None:
        actor = self.add_actor(mention.actor)
        ev = mention.evidence
        iri = KGR["mention/" + digest(self.content_hash, ev.start, ev.end, mention.actor.key)]
        self.add_span(iri, ev, KG.ActorMention)
        self.add(iri, KG.mentionOf, actor)

    def add_statement(self, st: Statement) -> URIRef:
        iri = statement_iri(st)
        self.add(iri, RDF.type, KG.Statement)
        self.add(iri, KG.speaker, self.add_actor(st.speaker))
        self.text(iri, KG.text, quote_text(st.text))
        self.add(iri, KG.quoteKind, concept("quote-kind", st.kind))
        self.add(iri, KG.stance, concept("stance", st.stance))
        self.text(iri, KG.reportingVerb, st.verb)
        for actor in st.mentions:
            self.add(iri, KG.mentions, self.add_actor(actor))
        self.add_evidence(iri, st.evidence, "statement")
        return iri

    def add_operation(self, op: Operation) -> None:
        iri = operation_iri(op)
        self.add(iri, RDF.type, KG.Operation)
        self.add(iri, KG.operationType, concept("operation-type", op.type))
        self.add(iri, KG.status, concept("operation-status", op.status))
        self.text(iri, KG.trigger, op.trigger)
        for prop, actor in ((KG.agent, op.agent), (KG.target, op.target), (KG.location, op.location)):
            if actor is not None:
                self.add(iri, prop, self.add_actor(actor))
        self.text(iri, KG.targetText, op.target_text)
        self.text(iri, KG.locationText, op.location_text)
        self.add(iri, KG.date, date_literal(op.date))
        self.text(iri, KG.dateText, op.date_text)
        self.integer(iri, KG.casualties, op.casualties)
        self.text(iri, KG.casualtiesText, op.casualties_text)
        self.integer(iri, KG.count, op.count, XSD.positiveInteger)
        self.add_evidence(iri, op.evidence, "operation")

    def add_designation(self, des: Designation) -> None:
        iri = designation_iri(des)
        self.add(iri, RDF.type, KG.Designation)
        self.add(iri, KG.designator, self.add_actor(des.designator))
        if des.designee is not None:
            self.add(iri, KG.designee, self.add_actor(des.designee))
        self.text(iri, KG.designeeText, des.designee_text)
        self.add(iri, KG.category, concept("designation-category", des.category))
        self.add(iri, KG.date, date_literal(des.date))
        self.text(iri, KG.dateText, des.date_text)
        self.add_evidence(iri, des.evidence, "designation")


@lru_cache(maxsize=8192)
def _plain_literal(value: str) -> Literal:
    """A plain literal, made once per text (a sentence is the evidence of many mentions)."""
    return Literal(value)


@lru_cache(maxsize=8192)
def _typed_literal(value: int, datatype: URIRef) -> Literal:
    return Literal(value, datatype=datatype)


def date_literal(value: str | None) -> Literal | None:
    """``2025-09-02`` as xsd:date, ``--09-02`` as xsd:gMonthDay, anything else None."""
    if not value:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.date)
    if re.fullmatch(r"--\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.gMonthDay)
    return None


def first_of_each(records: Iterable, key) -> list:
    """Keep the first record of each IRI: one fact reported twice in an article is one fact
    (its single-valued properties come from the first report), with every report's evidence."""
    seen: dict = {}
    for record in records:
        seen.setdefault(key(record), record)
    return list(seen.values())


def article_graph(article: Article, extraction: Extraction, run: Run) -> Graph:
    """The graph of one article: article, run, actors, mentions, facts and evidence."""
    builder = ArticleGraph(article, run, extraction.actors)
    builder.add_article()
    builder.add_run()
    for mention in extraction.mentions:
        builder.add_mention(mention)
    _add_facts(builder, extraction.statements, statement_iri, builder.add_statement)
    _add_facts(builder, extraction.operations, operation_iri, builder.add_operation)
    _add_facts(builder, extraction.designations, designation_iri, builder.add_designation)
    _link_embedded(builder, extraction.statements)
    return builder.graph


def _add_facts(builder: ArticleGraph, records: list, key, add) -> None:
    """Add each fact once (first report wins) and the evidence of every report."""
    firsts = first_of_each(records, key)
    for record in firsts:
        add(record)
    chosen = {id(r) for r in firsts}
    for record in records:
        if id(record) not in chosen:
            role = type(record).__name__.lower()
            builder.add_evidence(key(record), record.evidence, role)


def _link_embedded(builder: ArticleGraph, statements: list[Statement]) -> None:
    by_text = {quote_text(s.text): s for s in statements}
    for st in statements:
        outer = by_text.get(quote_text(st.embedded_in)) if st.embedded_in else None
        if outer is not None and outer is not st:
            builder.add(statement_iri(st), KG.embeddedIn, statement_iri(outer))
