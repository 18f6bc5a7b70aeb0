"""Reading RDF files for the store: whole graphs (``read_graph_file``) or streamed (``scan_file``
then ``stream_graphs`` / ``stream_quads``), so that loading a big quad file never holds it in
memory.

A file is read twice when streamed: ``scan_file`` parses it once, keeping only what a load must
know before it writes anything (the graph names, the articles each graph describes, whether each
graph's quads are contiguous); the load then parses it again and writes as it reads. A file that
does not parse is reported by the scan, so nothing is half-loaded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, RDFParseError
from kg.namespace import KG, KGR
from kg.paths import expand_paths
from kg.resources import lexicon_path, resource_dir

REFERENCE_GRAPH = str(KGR["graph/reference"])
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SCHEMA_URL = "https://schema.org/url"
_ARTICLE = ox.NamedNode(str(KG.Article))
_ARTICLE_KEYS = {str(KG.sourceName): "source", str(KG.contentHash): "hash", SCHEMA_URL: "url"}
FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
}


@dataclass
class NamedGraph:
    """The triples of one graph to load, where they came from, and the articles they describe."""

    name: str
    triples: list[ox.Triple]
    origin: str  # the file it was read from, for messages
    articles: list[dict[str, str]] = field(default_factory=list)

    @property
    def label(self) -> str:
        """What to call the graph in a message: its articles' source names, else its IRI."""
        sources = sorted({a["source"] for a in self.articles if a.get("source")})
        return ", ".join(sources) if sources else f"<{self.name}>"


class _ArticleFinder:
    """Collects, triple by triple, the kg:Article subjects of a graph and their source name,
    content hash and URL (in any order)."""

    def __init__(self) -> None:
        self.iris: set[str] = set()
        self.values: dict[str, dict[str, str]] = {}

    def add(self, triple: ox.Triple) -> None:
        predicate = triple.predicate.value
        if predicate == RDF_TYPE and triple.object == _ARTICLE:
            self.iris.add(triple.subject.value)
        elif predicate in _ARTICLE_KEYS:
            self.values.setdefault(triple.subject.value, {})[_ARTICLE_KEYS[predicate]] = triple.object.value

    def articles(self) -> list[dict[str, str]]:
        """``iri``, ``source``, ``hash`` and ``url`` of every article, sorted by IRI."""
        return [{"iri": iri, **self.values.get(iri, {})} for iri in sorted(self.iris)]


def named_graph(name: str, triples: list[ox.Triple], origin: str) -> NamedGraph:
    finder = _ArticleFinder()
    for triple in triples:
        finder.add(triple)
    return NamedGraph(name, triples, origin, finder.articles())


def rdf_format(path: str | Path) -> ox.RdfFormat:
    """The format of an existing RDF file, by extension; InputError if unknown or missing."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path.name}: unknown RDF file extension (known: {' '.join(sorted(FORMATS))})")
    if not path.is_file():
        raise InputError(f"{path}: no such RDF file")
    return fmt


def parse_quads(path: Path) -> Iterator[tuple[str, ox.Triple]]:
    """(graph name, triple) of every quad of a file, as parsed; the default graph (all of a
    triple file) is named by the file's URL. One-line RDFParseError / InputError."""
    fmt, url = rdf_format(path), path.resolve().as_uri()
    try:
        for quad in ox.parse(path=str(path), format=fmt):
            graph = quad.graph_name
            yield (url if isinstance(graph, ox.DefaultGraph) else graph.value), quad.triple
    except SyntaxError as err:
        first = str(err).splitlines()[0] if str(err) else "syntax error"
        raise RDFParseError(f"cannot parse {path.name}: {first}") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror or err}") from None


def read_graph_file(path: str | Path) -> list[NamedGraph]:
    """The graphs of an RDF file, in memory: each named graph of a quad file, and its default
    graph (all of a triple file) as one graph named by the file's URL. Sorted by name.

    Raises InputError for a missing file or unknown extension, RDFParseError if it does not parse.
    """
    path = Path(path)
    graphs: dict[str, list[ox.Triple]] = {}
    for name, triple in parse_quads(path):
        graphs.setdefault(name, []).append(triple)
    return [named_graph(name, graphs[name], path.name) for name in sorted(graphs)]


@dataclass
class FileScan:
    """What one parse of a file found: its graphs (no triples) in file order, how many triples
    each has, and whether each graph's quads come in one run (``kg build`` writes them so)."""

    path: Path
    graphs: list[NamedGraph]
    sizes: dict[str, int]
    contiguous: bool


def scan_file(path: str | Path) -> FileScan:
    """Parse a file once, keeping graph names, sizes and articles only."""
    path = Path(path)
    finders: dict[str, _ArticleFinder] = {}
    sizes: dict[str, int] = {}
    current, contiguous = None, True
    for name, triple in parse_quads(path):
        if name != current:
            contiguous = contiguous and name not in sizes
            current = name
            finders.setdefault(name, _ArticleFinder())
        sizes[name] = sizes.get(name, 0) + 1
        finders[name].add(triple)
    graphs = [NamedGraph(name, [], path.name, finder.articles()) for name, finder in finders.items()]
    return FileScan(path, graphs, sizes, contiguous)


def stream_graphs(scan: FileScan) -> Iterator[NamedGraph]:
    """The graphs of a scanned file with their triples, one at a time (in file order); a file
    whose graphs are interleaved is read whole (sorted by name), as ``read_graph_file`` does."""
    if not scan.contiguous:
        yield from read_graph_file(scan.path)
        return
    known = {g.name: g for g in scan.graphs}
    current, triples = None, []
    for name, triple in parse_quads(scan.path):
        if name != current:
            if current is not None:
                yield NamedGraph(current, triples, scan.path.name, known[current].articles)
            current, triples = name, []
        triples.append(triple)
    if current is not None:
        yield NamedGraph(current, triples, scan.path.name, known[current].articles)


def stream_quads(scans: Iterable[FileScan]) -> Iterator[ox.Quad]:
    """Every triple of the scanned files twice: in its named graph and in the default graph."""
    default = ox.DefaultGraph()
    for scan in scans:
        name, node = None, None
        for graph, t in parse_quads(scan.path):
            if graph != name:
                name, node = graph, ox.NamedNode(graph)
            yield ox.Quad(t.subject, t.predicate, t.object, node)
            yield ox.Quad(t.subject, t.predicate, t.object, default)


def rdf_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files named, a folder standing for its RDF files (known extensions) in name order."""
    return expand_paths(paths, lambda p: p.suffix.lower() in FORMATS, "RDF files", recursive=False)


def reference_triples() -> list[ox.Triple]:
    """The reference graph: ontology, SKOS vocabularies and the actor gazetteer. Blank nodes
    (OWL lists in the ontology) get stable names, so reloading it changes nothing."""
    files = sorted(resource_dir("ontology").glob("*.ttl")) + [lexicon_path("actors.ttl")]
    names: dict[str, ox.BlankNode] = {}

    def stable(term):
        if isinstance(term, ox.BlankNode):
            return names.setdefault(term.value, ox.BlankNode(f"reference{len(names)}"))
        return term

    triples: list[ox.Triple] = []
    for path in files:
        for quad in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
            triples.append(ox.Triple(stable(quad.subject), quad.predicate, stable(quad.object)))
    return triples
