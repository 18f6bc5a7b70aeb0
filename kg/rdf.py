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
from functools import cached_property, lru_cache

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
_KGR_BASE = str(KGR)
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "«": '"', "»": '"'})


@dataclass(frozen=True)
class Run:
    """The extraction run recorded with PROV-O: tool version and spaCy pipeline."""

    version: str
    model: str = "blank:en"

    @cached_property  # asked for every fact's provenance: computed once per run
    def iri(self) -> URIRef:
        return _kgr("run/" + digest(self.version, self.model))

    @cached_property
    def agent_iri(self) -> URIRef:
        return _kgr(f"software/kg-{self.version}")


def _kgr(path: str) -> URIRef:
    """``KGR[path]`` without the namespace's per-call overhead (the same IRI)."""
    return URIRef(_KGR_BASE + path)


# The concept IRIs of the controlled values, each made (and checked) once.
_concept = lru_cache(maxsize=None)(concept)


def bind_prefixes(graph: Graph) -> Graph:
    """Bind kg's prefixes (and only those) on ``graph``."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def digest(*parts: object) -> str:
    """16 hex digits of sha256 over the parts joined by ``|``."""
    return hashlib.sha256("|".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


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
    return _kgr("actor/" + actor.key)


def article_iri(article: Article) -> URIRef:
    return _kgr("article/" + article.content_hash[:16])


def quote_text(text: str) -> str:
    """A statement's text as stored and keyed: NFC, whitespace collapsed, otherwise as written."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def statement_iri(statement: Statement) -> URIRef:
    return _kgr("statement/" + digest("statement", statement.speaker.key, quote_text(statement.text)))


def operation_iri(op: Operation) -> URIRef:
    target = op.target.key if op.target else _slug_text(op.target_text)
    location = op.location.key if op.location else _slug_text(op.location_text)
    agent = op.agent.key if op.agent else ""
    return _kgr("operation/" + digest("operation", op.type, op.status, agent, target, location))


def designation_iri(des: Designation) -> URIRef:
    designee = des.designee.key if des.designee else _slug_text(des.designee_text)
    return _kgr("designation/" + digest("designation", des.designator.key, des.category, designee))


class _Terms:
    """A namespace's terms by attribute, each looked up once (rdflib's ``__getattr__`` is slow
    and the mapping asks for the same dozen properties thousands of times per article)."""

    def __init__(self, namespace):
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term


_KG, _RDF, _RDFS, _PROV, _SKOS, _DCTERMS, _SCHEMA, _XSD = (
    _Terms(ns) for ns in (KG, RDF, RDFS, PROV, SKOS, DCTERMS, SCHEMA, XSD)
)


Triple = tuple  # (subject, predicate, object) of rdflib terms


class Triples(list):
    """A list of triples known to hold each triple once (rdflib term equality), as
    :func:`article_triples` returns them: the compiled validator then indexes them without
    de-duplicating (which would hash every literal again, in Python)."""

    each_once = True


class ArticleGraph:
    """Builds the triples of one article. Use :func:`article_triples` or :func:`article_graph`."""

    def __init__(self, article: Article, run: Run, actors: dict[str, Actor] | None = None):
        self.article = article
        self.run = run
        self.actors = actors or {}
        # An ordered set (a dict's keys): each triple once, in the order it was first added.
        self.triples: dict[Triple, None] = {}
        self.article_iri = article_iri(article)
        self.content_hash = article.content_hash  # sha256 of the whole text: computed once
        # actors whose triples are in the graph, by identity (a record's hash runs in Python, over
        # every field): id -> (the record, kept alive so its id is not reused; its IRI)
        self._described: dict[int, tuple[Actor, URIRef]] = {}

    def add(self, s: URIRef, p: URIRef, o) -> None:
        if o is not None:
            self.triples[(s, p, o)] = None

    def text(self, s: URIRef, p: URIRef, value: str | None) -> None:
        if value is not None:
            literal = _text_literal(value)  # one cached lookup, blank text included
            if literal is not None:
                self.triples[(s, p, literal)] = None

    def integer(self, s: URIRef, p: URIRef, value: int | None, datatype=_XSD.nonNegativeInteger) -> None:
        if value is not None:
            self.triples[(s, p, _typed_literal(int(value), datatype))] = None

    def add_article(self) -> None:
        a, art = self.article_iri, self.article
        self.add(a, _RDF.type, _KG.Article)
        self.text(a, _KG.sourceName, art.source)
        self.text(a, _KG.contentHash, self.content_hash)
        self.text(a, _DCTERMS.title, art.title)
        if art.url:
            self.add(a, _SCHEMA.url, Literal(art.url, datatype=_XSD.anyURI))
        self.text(a, _KG.outlet, art.outlet)
        if art.published:
            self.add(a, _DCTERMS.issued, Literal(art.published, datatype=_XSD.date))

    def add_run(self) -> None:
        run, agent = self.run.iri, self.run.agent_iri
        self.add(run, _RDF.type, _KG.ExtractionRun)
        self.add(run, _PROV.wasAssociatedWith, agent)
        self.text(run, _KG.model, self.run.model)
        self.add(run, _PROV.used, self.article_iri)
        self.add(agent, _RDF.type, _PROV.SoftwareAgent)
        self.text(agent, _RDFS.label, f"kg {self.run.version}")
        self.text(agent, _SCHEMA.softwareVersion, self.run.version)

    def add_actor(self, actor: Actor) -> URIRef:
        found = self._described.get(id(actor))
        if found is not None and found[0] is actor:  # its triples depend on the record alone:
            return found[1]  # added once (an equal record adds the very same triples again)
        iri = actor_iri(actor)
        self._described[id(actor)] = (actor, iri)
        self.add(iri, _RDF.type, getattr(_KG, actor.type))
        self.text(iri, _RDFS.label, actor.label)
        self.text(iri, _SKOS.prefLabel, actor.label)
        for alias in sorted(set(actor.aliases) - {actor.label}):
            self.text(iri, _SKOS.altLabel, alias)
        if actor.wikidata:
            self.add(iri, _SKOS.exactMatch, URIRef(WIKIDATA + actor.wikidata))
        state = self.actors.get(actor.government) if actor.government != actor.key else None
        if state is not None:  # only a state the graph describes, so kg:actsFor stays typed
            self.add(iri, _KG.actsFor, self.add_actor(state))
        return iri

    def add_span(self, iri: URIRef, evidence: Evidence, kind=_KG.EvidenceSpan) -> URIRef:
        # The triples of self.add/integer/text, written inline: a span is the most frequent
        # shape of an article's graph (every mention and every fact's evidence).
        triples, start, end, number = self.triples, evidence.start, evidence.end, _XSD.nonNegativeInteger
        triples[(iri, _RDF.type, kind)] = None
        triples[(iri, _KG.article, self.article_iri)] = None
        if start is not None:
            triples[(iri, _KG.start, _typed_literal(int(start), number))] = None
        if end is not None:
            triples[(iri, _KG.end, _typed_literal(int(end), number))] = None
        for prop, value in ((_KG.anchorText, self.article.text[start:end]), (_KG.sentence, evidence.sentence)):
            literal = _text_literal(value) if value is not None else None
            if literal is not None:
                triples[(iri, prop, literal)] = None
        if evidence.sentence_start is not None:
            triples[(iri, _KG.sentenceStart, _typed_literal(int(evidence.sentence_start), number))] = None
        return iri

    def add_evidence(self, fact: URIRef, evidence: Evidence, role: str) -> None:
        span = _kgr("evidence/" + digest(self.content_hash, evidence.start, evidence.end, role))
        self.add_span(span, evidence)
        self.add(fact, _KG.evidence, span)
        self.add(fact, _PROV.wasGeneratedBy, self.run.iri)

    def add_mention(self, mention: Mention) -> None:
        actor = self.add_actor(mention.actor)
        ev = mention.evidence
        iri = _kgr("mention/" + digest(self.content_hash, ev.start, ev.end, mention.actor.key))
        self.add_span(iri, ev, _KG.ActorMention)
        self.add(iri, _KG.mentionOf, actor)

    def add_statement(self, st: Statement) -> URIRef:
        iri = statement_iri(st)
        self.add(iri, _RDF.type, _KG.Statement)
        self.add(iri, _KG.speaker, self.add_actor(st.speaker))
        self.text(iri, _KG.text, quote_text(st.text))
        self.add(iri, _KG.quoteKind, _concept("quote-kind", st.kind))
        self.add(iri, _KG.stance, _concept("stance", st.stance))
        self.text(iri, _KG.reportingVerb, st.verb)
        for actor in st.mentions:
            self.add(iri, _KG.mentions, self.add_actor(actor))
        self.add_evidence(iri, st.evidence, "statement")
        return iri

    def add_operation(self, op: Operation) -> None:
        iri = operation_iri(op)
        self.add(iri, _RDF.type, _KG.Operation)
        self.add(iri, _KG.operationType, _concept("operation-type", op.type))
        self.add(iri, _KG.status, _concept("operation-status", op.status))
        self.text(iri, _KG.trigger, op.trigger)
        for prop, actor in ((_KG.agent, op.agent), (_KG.target, op.target), (_KG.location, op.location)):
            if actor is not None:
                self.add(iri, prop, self.add_actor(actor))
        self.text(iri, _KG.targetText, op.target_text)
        self.text(iri, _KG.locationText, op.location_text)
        self.add(iri, _KG.date, date_literal(op.date))
        self.text(iri, _KG.dateText, op.date_text)
        self.integer(iri, _KG.casualties, op.casualties)
        self.text(iri, _KG.casualtiesText, op.casualties_text)
        self.integer(iri, _KG.count, op.count, _XSD.positiveInteger)
        self.add_evidence(iri, op.evidence, "operation")

    def add_designation(self, des: Designation) -> None:
        iri = designation_iri(des)
        self.add(iri, _RDF.type, _KG.Designation)
        self.add(iri, _KG.designator, self.add_actor(des.designator))
        if des.designee is not None:
            self.add(iri, _KG.designee, self.add_actor(des.designee))
        self.text(iri, _KG.designeeText, des.designee_text)
        self.add(iri, _KG.category, _concept("designation-category", des.category))
        self.add(iri, _KG.date, date_literal(des.date))
        self.text(iri, _KG.dateText, des.date_text)
        self.add_evidence(iri, des.evidence, "designation")


@lru_cache(maxsize=8192)
def _text_literal(value: str) -> Literal | None:
    """A plain literal, made once per text (a sentence is the evidence of many mentions);
    None for blank text, which is left out."""
    return Literal(value) if value.strip() else None


@lru_cache(maxsize=8192)
def _typed_literal(value: int, datatype: URIRef) -> Literal:
    return Literal(value, datatype=datatype)


def date_literal(value: str | None) -> Literal | None:
    """``2025-09-02`` as xsd:date, ``--09-02`` as xsd:gMonthDay, anything else None."""
    if not value:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=_XSD.date)
    if re.fullmatch(r"--\d{2}-\d{2}", value):
        return Literal(value, datatype=_XSD.gMonthDay)
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
    graph = bind_prefixes(Graph())
    add = graph.add
    for triple in article_triples(article, extraction, run):
        add(triple)
    return graph


def article_triples(article: Article, extraction: Extraction, run: Run) -> Triples:
    """The triples of :func:`article_graph`, each once, without building an rdflib Graph (the
    build path validates and serialises them directly)."""
    builder = ArticleGraph(article, run, extraction.actors)
    builder.add_article()
    builder.add_run()
    for mention in extraction.mentions:
        builder.add_mention(mention)
    _add_facts(builder, extraction.statements, statement_iri, builder.add_statement)
    _add_facts(builder, extraction.operations, operation_iri, builder.add_operation)
    _add_facts(builder, extraction.designations, designation_iri, builder.add_designation)
    _link_embedded(builder, extraction.statements)
    return Triples(builder.triples)


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
            builder.add(statement_iri(st), _KG.embeddedIn, statement_iri(outer))


# Characters rdflib refuses in an IRI it writes (rdflib.term._invalid_uri_chars).
_INVALID_IRI = re.compile(r'[<>" {}|\\^`]')


def nt_term(term) -> str:
    """``term`` as rdflib's N-Quads serializer writes it (``_nq_row``), without its per-term
    overhead: IRIs, plain, language-tagged and typed literals here, anything else via rdflib."""
    kind = type(term)
    if kind is URIRef:
        if _INVALID_IRI.search(term):
            return term.n3()  # raises rdflib's own error
        return f"<{term}>"
    if kind is Literal:
        encoded = '"%s"' % (term.replace("\\", "\\\\").replace("\n", "\\n")
                            .replace('"', '\\"').replace("\r", "\\r"))
        if term.language:
            if term.datatype:
                raise ValueError("Literal has datatype AND language!")
            return f"{encoded}@{term.language}"
        if term.datatype:
            return f"{encoded}^^<{term.datatype}>"
        return encoded
    if isinstance(term, Literal):  # a subclass: rdflib's own quoting
        from rdflib.plugins.serializers.nt import _quoteLiteral

        return _quoteLiteral(term)
    return term.n3()


def nquad_lines(triples: Iterable[Triple], graph_iri: str) -> str:
    """``triples`` as sorted, de-duplicated N-Quads lines in the named graph ``graph_iri``,
    byte-identical to rdflib's ``_nq_row`` for each triple."""
    tail = f" {nt_term(URIRef(graph_iri))} .\n"
    triples = triples if isinstance(triples, (list, tuple)) else list(triples)
    if len(_TERM_TEXTS) > _TERM_TEXTS_LIMIT:
        _TERM_TEXTS.clear()
    known = _TERM_TEXTS.get
    lines: list[str] = []
    add = lines.append
    last_s = head = None
    for s, p, o in triples:
        # An entry is (term, text): the term kept alive, so its id is not reused meanwhile;
        # checking it is the very term keeps this right even if another thread emptied the table.
        if s is not last_s:  # a subject's triples come one after another: its text once
            found = known(id(s))
            head = (found[1] if found is not None and found[0] is s else _term_text(s)) + " "
            last_s = s
        found = known(id(p))
        p_text = found[1] if found is not None and found[0] is p else _term_text(p)
        found = known(id(o))
        o_text = found[1] if found is not None and found[0] is o else _term_text(o)
        add(f"{head}{p_text} {o_text}{tail}")
    lines.sort()  # in place; a repeated line (never seen from article_triples) sits by its twin
    if any(map(str.__eq__, lines, lines[1:])):
        lines = sorted(set(lines))
    return "".join(lines)


# term id -> (term, its N-Triples text), each written once: rdflib's Literal hash runs in
# Python, and the terms that recur across articles (predicates, classes, concepts, the run,
# numbers and labels from the literal caches) are the same objects. Emptied between two
# articles once it holds ``_TERM_TEXTS_LIMIT`` terms.
_TERM_TEXTS: dict[int, tuple[object, str]] = {}
_TERM_TEXTS_LIMIT = 50_000


def _term_text(term) -> str:
    text = nt_term(term)
    _TERM_TEXTS[id(term)] = (term, text)
    return text
