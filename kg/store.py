"""The embedded triple store: a persistent Oxigraph store (pyoxigraph) in a folder.

A store holds

- one named graph per article, named by the article IRI, as in the quad files ``kg build``
  writes (a triple file, which has no named graphs, becomes one graph named by its file URL);
- the reference graph ``REFERENCE_GRAPH``: the ontology, the SKOS vocabularies and the actor
  gazetteer (``kg/lexicons/actors.ttl``);
- in the default graph, the merge (set union) of the article graphs, kept in step with them on
  every load. Queries without a ``GRAPH`` clause read it, so the canned queries give the rows
  rdflib gives on a file of the same articles: each triple counts once, however many articles
  state it, and the reference graph stays out of the way.

Loading a graph that is already there replaces it, so loading the same input twice leaves the
same store; a new version of an article (same URL, or without URL the same source name, with a
different text) replaces the old version's graph. Files are streamed (``kg.store_input``): a
load's memory does not grow with the file. A bulk load into a store without those graphs is
followed by a compaction (``optimize``), which halves the cost of the queries' index lookups.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
from rdflib import XSD, BNode, Graph, Literal, URIRef

from kg.errors import ArticleError, InputError, QueryError, StoreError
from kg.namespace import KG
from kg.queries import CannedQuery, Row
from kg.sparql import canned_text, split_order_by
from kg.store_input import (  # noqa: F401 (NamedGraph, read_graph_file, ... are this module's API too)
    REFERENCE_GRAPH,
    SCHEMA_URL,
    FileScan,
    NamedGraph,
    named_graph,
    rdf_files,
    read_graph_file,
    reference_triples,
    scan_file,
    stream_graphs,
    stream_quads,
)

_XSD_STRING = str(XSD.string)
BULK_BATCH = 100_000  # quads per bulk-loader call: bounds the memory a load takes


# ---------------------------------------------------------------- rdflib <-> Oxigraph terms


def to_rdflib(term):
    """An Oxigraph term as an rdflib term (xsd:string literals become plain literals)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))


_DERIVED_INTEGERS = frozenset(XSD[name] for name in (
    "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger", "long", "int",
    "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"))


def integer_ranges() -> dict[str, URIRef]:
    """Property IRI -> its derived integer range (xsd:nonNegativeInteger, ...) in the ontology."""
    from rdflib import RDFS

    from kg.validate import ontology

    return {str(p): r for p, r in ontology().subject_objects(RDFS.range) if r in _DERIVED_INTEGERS}


# ---------------------------------------------------------------- the store


@dataclass
class LoadStats:
    """What a load did."""

    graphs: int = 0  # graphs written
    replaced: int = 0  # of which replaced a graph of the same name
    superseded: list[str] = field(default_factory=list)  # older article versions removed
    triples: int = 0  # triples written
    unchanged: int = 0  # articles skipped by ``Store.add_articles`` (content already there)
    seconds: float = 0.0

    def summary(self) -> str:
        parts = [f"{self.graphs} graphs ({self.replaced} replaced), {self.triples} triples"]
        if self.unchanged:
            parts.append(f"{self.unchanged} unchanged articles skipped")
        if self.superseded:
            parts.append(f"{len(self.superseded)} older article versions removed")
        return "; ".join(parts)


def _article_key(article: Mapping[str, str]) -> tuple[str, str] | None:
    """What makes two versions of an article the same article: its URL, else its source name."""
    if article.get("url"):
        return ("url", article["url"])
    if article.get("source"):
        return ("source", article["source"])
    return None


def is_store(path: str | Path) -> bool:
    """Whether ``path`` is a folder holding an Oxigraph (RocksDB) store."""
    return (Path(path) / "CURRENT").is_file()


class Store:
    """A persistent Oxigraph store in the folder ``path``.

    ``create=True`` (loading) creates the folder if needed, but refuses a folder that holds
    anything else than a store; ``create=False`` (querying) needs an existing store and opens
    it read-only, so several readers can share it.
    """

    def __init__(self, path: str | Path, *, create: bool = False):
        self.path = Path(path)
        exists = self.path.exists()
        if exists and not self.path.is_dir():
            raise StoreError(f"{path}: not a folder, so not a store")
        if exists and not is_store(self.path) and (not create or any(self.path.iterdir())):
            raise StoreError(f"{path}: the folder is not a kg store")
        if not exists and not create:
            raise StoreError(f"{path}: no such store (create one with kg load or kg build --store)")
        try:
            self._ox = ox.Store(str(self.path)) if create else ox.Store.read_only(str(self.path))
        except OSError as err:
            if "lock" in str(err).lower():
                raise StoreError(f"{path}: another process is writing to the store; try when it is done") from None
            raise StoreError(f"{path}: cannot open the store: {_first_line(err)}") from None
        self.writable = create

    # -- life cycle

    def close(self) -> None:
        """Flush and release the store (it is also released when garbage collected)."""
        if self._ox is not None and self.writable:
            self._ox.flush()
        self._ox = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying ``pyoxigraph.Store`` (for SPARQL beyond the canned queries)."""
        if self._ox is None:
            raise StoreError(f"{self.path}: the store is closed")
        return self._ox

    def __len__(self) -> int:
        """The number of quads, in every graph."""
        return len(self.oxigraph)

    # -- reading

    def select(self, text: str, columns: Sequence[str] = ()) -> list[dict[str, str | None]]:
        """Run a SELECT query on the merged article graphs; values as strings (None if unbound),
        keyed by ``columns`` (default: the SELECT variables; a column the query does not select
        is None).

        A query ending in ``ORDER BY`` selected variables is run without it and sorted here, in
        SPARQL's order of terms: Oxigraph 0.5 reads both IRIs (and long strings) from disk at
        every comparison of its sort, which cost more than the query itself (0.8 s of 1.2 s for
        14k rows ordered by two IRIs). Columns this cannot order exactly (dates, a mix of numbers
        and strings, ...) are left to Oxigraph."""
        try:
            split = split_order_by(text)
            found = self._sorted(*split) if split else None
            variables, terms = found or self._unsorted(text)
            return _keyed_rows(variables, ([None if t is None else t.value for t in row] for row in terms), columns)
        except SyntaxError as err:
            raise QueryError(f"the query does not parse: {_first_line(err)}") from None
        except OSError as err:
            raise StoreError(f"{self.path}: query failed: {_first_line(err)}") from None

    def _unsorted(self, text: str) -> tuple[list[str], Iterable]:
        """The variables and the solutions (each an iterable of terms) of a SELECT query."""
        solutions = self.oxigraph.query(text)
        if not isinstance(solutions, ox.QuerySolutions):
            raise QueryError("only SELECT queries can be run")
        return [v.value for v in solutions.variables], solutions

    def _sorted(self, text: str, keys: list[tuple[str, bool]]) -> tuple[list[str], list[list]] | None:
        """The variables and solutions of ``text`` (a query whose ORDER BY was taken off),
        sorted by ``keys`` (variable, descending); None if a key column cannot be ordered here."""
        variables, solutions = self._unsorted(text)
        if any(name not in variables for name, _ in keys):
            return None
        terms = [list(solution) for solution in solutions]
        for name, descending in reversed(keys):  # stable sorts, last key first
            at = variables.index(name)
            order = [_order_key(row[at]) for row in terms]
            if None in order or len({key[1] for key in order if key[0] == 3}) > 1:
                return None  # not a kind of literal ordered here, or two kinds in one column
            ranks = sorted(range(len(terms)), key=order.__getitem__, reverse=descending)
            terms = [terms[i] for i in ranks]
        return variables, terms

    def query(self, name_or_query: str | Path | CannedQuery, **params: object) -> list[Row]:
        """Run a canned query (name, ``.rq`` path or CannedQuery) like ``kg.queries.run_query``."""
        query, text = canned_text(name_or_query, params)
        try:
            return self.select(text, query.columns)
        except QueryError as err:
            raise QueryError(f"query {query.name!r} failed: {err}") from None

    def graph_names(self) -> list[str]:
        """The article graphs (every named graph but the reference graph), sorted."""
        names = (g.value for g in self.oxigraph.named_graphs() if isinstance(g, ox.NamedNode))
        return sorted(n for n in names if n != REFERENCE_GRAPH)

    def articles(self) -> list[dict[str, str]]:
        """``graph``, ``iri``, ``source``, ``hash`` and ``url`` of every article in the store."""
        rows = self.select(
            f"SELECT ?graph ?iri ?source ?hash ?url WHERE {{ GRAPH ?graph {{ ?iri a <{KG.Article}> ."
            f" OPTIONAL {{ ?iri <{KG.sourceName}> ?source }} OPTIONAL {{ ?iri <{KG.contentHash}> ?hash }}"
            f" OPTIONAL {{ ?iri <{SCHEMA_URL}> ?url }} }} }} ORDER BY ?graph ?iri"
        )
        return [{k: v for k, v in row.items() if v is not None} for row in rows]

    def graph(self) -> Graph:
        """The merged article graphs as an rdflib Graph (to validate or export).

        Oxigraph stores every integer as xsd:integer; a property whose ontology range is a
        derived integer type (kg:start is an xsd:nonNegativeInteger) gets that type back.
        """
        from kg.rdf import bind_prefixes

        graph, ranges = bind_prefixes(Graph()), integer_ranges()
        for quad in self.oxigraph.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            obj = to_rdflib(quad.object)
            if getattr(obj, "datatype", None) == XSD.integer and quad.predicate.value in ranges:
                obj = Literal(str(obj), datatype=ranges[quad.predicate.value])
            graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), obj))
        return graph

    def validate(self):
        """Validate the merged article graphs against the shapes (``kg.validate.validate``)."""
        from kg.validate import validate

        return validate(self.graph())

    # -- writing

    def load_files(self, paths: Iterable[str | Path]) -> LoadStats:
        """Load RDF files, each graph replacing the graph of the same name. A folder stands for
        the RDF files in it (the N-Quads shards of ``kg build --dask-scheduler``), in name order.

        Streamed: every file is parsed once first (so nothing is written if one does not parse,
        or names the reference graph), keeping only graph names and article keys; then read
        again and written as it is read, so memory stays flat however big the files are."""
        scans = [scan_file(path) for path in rdf_files(paths)]
        graphs = [g for scan in scans for g in scan.graphs]
        for graph in graphs:
            if graph.name == REFERENCE_GRAPH:
                raise InputError(f"{graph.origin}: the graph <{REFERENCE_GRAPH}> is kg's reference graph")
        if self._only_new(graphs):
            return self._bulk_load(scans)
        return self.load_graphs(g for scan in scans for g in stream_graphs(scan))

    def _only_new(self, graphs: list[NamedGraph]) -> bool:
        """No graph is in the store yet, nor replaces an article that is (bulk loading is safe)."""
        names = {g.name for g in graphs}
        if len(names) < len(graphs) or REFERENCE_GRAPH in names or names & set(self.graph_names()):
            return False
        index = _ArticleIndex(self.articles())
        return not any(index.older_versions(g) for g in graphs)

    def _bulk_load(self, scans: list[FileScan]) -> LoadStats:
        """Load new graphs with Oxigraph's bulk loader, streaming (several times faster than a
        transaction per graph; not atomic: an interrupted load is repaired by loading the files
        again), then compact the store: the bulk loader leaves many small sorted files behind,
        which makes every index lookup of a query about twice as slow."""
        start = time.perf_counter()
        stats = LoadStats(graphs=sum(len(scan.graphs) for scan in scans))
        quads = stream_quads(scans)
        while batch := list(itertools.islice(quads, BULK_BATCH)):  # the loader holds what it is given
            self._write(lambda: self.oxigraph.bulk_extend(batch))
        stats.triples = sum(sum(scan.sizes.values()) for scan in scans)
        self.load_reference()
        self._write(self.oxigraph.optimize)
        stats.seconds = time.perf_counter() - start
        return stats

    def load_graphs(self, graphs: Iterable[NamedGraph]) -> LoadStats:
        """Write graphs (replace-per-name), remove older versions of their articles, refresh the
        reference graph. Each graph is written in one transaction, as it comes."""
        start, stats = time.perf_counter(), LoadStats()
        index = _ArticleIndex(self.articles())
        written: set[str] = set()
        for graph in graphs:
            self._load_one(graph, index, written, stats)
        self.load_reference()
        stats.seconds = time.perf_counter() - start
        return stats

    def _load_one(self, graph: NamedGraph, index: _ArticleIndex, written: set[str], stats: LoadStats) -> None:
        if graph.name == REFERENCE_GRAPH:  # load_files checks before writing; add_articles never
            raise InputError(f"{graph.origin}: the graph <{REFERENCE_GRAPH}> is kg's reference graph")
        for old in sorted(index.older_versions(graph) - written - {graph.name}):
            stats.superseded.append(old)
            self._drop(old)
            index.forget(old)
        stats.replaced += self._put(graph)
        index.add(graph)
        written.add(graph.name)
        stats.graphs += 1
        stats.triples += len(graph.triples)

    def load_reference(self) -> None:
        """(Re)write the reference graph from the installed ontology and gazetteer."""
        name = ox.NamedNode(REFERENCE_GRAPH)
        self._write(lambda: self.oxigraph.remove_graph(name) if self.oxigraph.contains_named_graph(name) else None)
        self._write(lambda: self.oxigraph.extend(ox.Quad(t.subject, t.predicate, t.object, name)
                                                 for t in reference_triples()))

    def add_articles(
        self,
        paths: Iterable[str | Path],
        *,
        model: str | None = None,
        validate: bool = True,
        on_error: Callable[[ArticleError], None] | None = None,
        **how,
    ) -> tuple[LoadStats, object]:
        """Build articles straight into the store, one transaction per article as it is
        extracted, skipping those whose text is already there (same content hash). An interrupted
        run leaves whole articles only. ``how``: ``workers``, ``strict``, ``progress``,
        ``batch_size`` of ``kg.builder.stream_results``. Returns the load stats and the
        ``kg.builder.BuildStats``."""
        from kg.builder import BuildStats, stream_results
        from kg.parallel import Options

        build_stats = BuildStats()
        known = {a["hash"] for a in self.articles() if a.get("hash")}
        if not self.oxigraph.contains_named_graph(ox.NamedNode(REFERENCE_GRAPH)):
            self.load_reference()
        results = stream_results(paths, build_stats, options=Options(model, validate), on_error=on_error,
                                 known=known, **how)
        stats = self.load_graphs(_result_graph(result) for result in results)
        stats.unchanged = build_stats.unchanged
        return stats, build_stats

    def _put(self, graph: NamedGraph) -> int:
        """Replace (or create) one named graph and merge its triples into the default graph;
        1 if a graph of that name was there."""
        name = ox.NamedNode(graph.name)
        existed = self.oxigraph.contains_named_graph(name)
        if existed:
            self._drop(graph.name)
        quads = [ox.Quad(t.subject, t.predicate, t.object, name) for t in graph.triples]
        quads += [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in graph.triples]
        self._write(lambda: self.oxigraph.extend(quads) if quads else self.oxigraph.add_graph(name))
        return int(existed)

    def _drop(self, name: str) -> None:
        """Remove a named graph, and from the default graph its triples no other article graph
        has; one update, so one transaction."""
        update = (
            f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }}"
            f" FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }}"
            f" FILTER(?other != <{name}> && ?other != <{REFERENCE_GRAPH}>) }} }} ;"
            f" DROP SILENT GRAPH <{name}>"
        )
        self._write(lambda: self.oxigraph.update(update))

    def _write(self, action: Callable[[], object]) -> None:
        if not self.writable:
            raise StoreError(f"{self.path}: the store is open read-only")
        try:
            action()
        except (OSError, SyntaxError) as err:
            raise StoreError(f"{self.path}: write failed: {_first_line(err)}") from None


class _ArticleIndex:
    """Which graphs hold which article (by URL or source name), to find older versions."""

    def __init__(self, articles: Iterable[Mapping[str, str]]):
        self.graphs: dict[tuple[str, str], set[str]] = {}
        self.hashes: dict[str, set[str]] = {}
        for article in articles:
            self._note(article["graph"], article)

    def _note(self, graph: str, article: Mapping[str, str]) -> None:
        key = _article_key(article)
        if key:
            self.graphs.setdefault(key, set()).add(graph)
        self.hashes.setdefault(graph, set()).add(article.get("hash", ""))

    def add(self, graph: NamedGraph) -> None:
        for article in graph.articles:
            self._note(graph.name, article)

    def forget(self, name: str) -> None:
        for graphs in self.graphs.values():
            graphs.discard(name)
        self.hashes.pop(name, None)

    def older_versions(self, graph: NamedGraph) -> set[str]:
        """Graphs holding only another text (content hash) of an article of ``graph``."""
        found: set[str] = set()
        for article in graph.articles:
            key = _article_key(article)
            for other in self.graphs.get(key, set()) if key else ():
                hashes = self.hashes.get(other, set())
                # a graph of several articles (a triple file) is never dropped for one of them
                if len(hashes) == 1 and article.get("hash") not in hashes:
                    found.add(other)
        return found


def _result_graph(result) -> NamedGraph:
    """The NamedGraph of a ``kg.parallel.ArticleResult`` (its N-Quads parsed by Oxigraph)."""
    quads = ox.parse(input=result.nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    return named_graph(result.iri, [quad.triple for quad in quads], result.source)


def _keyed_rows(variables: list[str], rows: Iterable[list], columns: Sequence[str] = ()) -> list[dict[str, str | None]]:
    """Each row (values in variable order) as a dict keyed by ``columns`` (default: the
    variables)."""
    columns = list(columns) or variables
    if columns == variables:
        return [dict(zip(columns, values)) for values in rows]
    at = [variables.index(c) if c in variables else None for c in columns]
    return [{c: None if i is None else values[i] for c, i in zip(columns, at)} for values in rows]


_NUMBERS = {str(XSD[name]): kind for kind, names in (
    (int, ("integer", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger", "long",
           "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")),
    (Decimal, ("decimal",)), (float, ("double", "float"))) for name in names}


def _order_key(term) -> tuple | None:
    """A sort key giving SPARQL's order of terms (unbound, blank nodes, IRIs, literals; numbers
    by value, strings by code point) as Oxigraph's ORDER BY applies it; the second item of a
    literal's key is its kind (numbers, strings, strings of a language), which only orders
    values of one kind. None for a literal this does not order (dates, booleans, NaN, ...)."""
    if term is None:
        return (0,)
    if isinstance(term, ox.BlankNode):
        return (1,)  # blank nodes are equal to each other
    if isinstance(term, ox.NamedNode):
        return (2, "", term.value)
    if not isinstance(term, ox.Literal):
        return None
    if term.language:
        return (3, "@" + term.language.lower(), term.value)
    datatype = term.datatype.value
    if datatype == _XSD_STRING:
        return (3, "", term.value)
    number = _NUMBERS.get(datatype)
    try:
        value = number(term.value) if number else None
    except (ValueError, ArithmeticError):
        return None
    return None if value is None or value != value else (3, "number", value)


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__
