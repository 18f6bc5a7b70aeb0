"""Validate graphs against kg's SHACL shapes, and read RDF files.

``validate`` runs pyshacl with the shapes of ``shapes/`` and the ontology of ``ontology/`` mixed
into (a copy of) the data graph, so ``sh:targetClass kg:Actor`` and ``sh:class kg:Actor`` follow
``rdfs:subClassOf`` and accept a ``kg:Person``. Both are parsed once per process.

pyshacl is the reference engine (``kg validate``: files, stores, custom shapes); ``kg build``
checks each article graph with ``kg.shacl_engine``, compiled once from the same shapes, which
reports the same results about 10x faster (tests/test_shacl_engine.py compares the two).
``report_lines`` and ``report_summary`` format the results of either.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph

from kg.errors import InputError, RDFParseError, ValidationError
from kg.resources import resource_dir
from kg.shacl_results import ShaclResult, report_text, results_from_report

if TYPE_CHECKING:
    from kg.shacl_engine import CompiledValidation

# File extension -> rdflib parser name; the quad formats parse into a Dataset.
RDF_FORMATS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".xml": "xml",
}
QUAD_FORMATS = frozenset({"nquads", "trig", "json-ld"})

# The ontology file whose rdfs:subClassOf axioms the shapes rely on (the vocabularies are not
# needed: controlled values are checked with sh:in lists).
_ONTOLOGY_FILE = "kg.ttl"


@dataclass(frozen=True)
class ValidationResult:
    """The outcome of one validation: pyshacl's (conforms, report graph, report text)."""

    conforms: bool
    report_graph: Graph
    report_text: str

    @property
    def results(self) -> tuple[ShaclResult, ...]:
        """The results of the report graph, sorted (the compiled validator's shape of result)."""
        return results_from_report(self.report_graph)


@lru_cache(maxsize=1)
def default_shapes() -> Graph:
    """Return the shapes graph (every ``*.ttl`` of the ``shapes`` folder), parsed once."""
    graph = Graph()
    for path in sorted(resource_dir("shapes").glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


@lru_cache(maxsize=1)
def ontology() -> Graph:
    """Return the kg ontology graph (``ontology/kg.ttl``), parsed once."""
    return Graph().parse(resource_dir("ontology") / _ONTOLOGY_FILE, format="turtle")


def _as_graph(data_graph: Graph) -> Graph:
    """Return a plain graph of every triple of ``data_graph`` (the union of a Dataset's graphs).

    Facts, their evidence and the article may sit in different named graphs; the shapes check
    the union, the way the canned queries read it.
    """
    if not data_graph.context_aware:
        return data_graph
    union = Graph()
    for prefix, namespace in data_graph.namespaces():
        union.bind(prefix, namespace, override=False)
    for subject, predicate, obj, _context in data_graph.quads((None, None, None, None)):
        union.add((subject, predicate, obj))
    return union


def validate(data_graph: Graph, *, shapes: Graph | None = None) -> ValidationResult:
    """Validate ``data_graph`` (a Graph or Dataset) against the kg shapes (or ``shapes``).

    The data graph is not modified. The ontology is mixed into a copy with no inference.
    This is the reference engine; ``kg.shacl_engine.validate_compiled`` is the fast one.
    """
    import pyshacl  # slow to import: only when this engine is used

    graph = _as_graph(data_graph)
    conforms, report_graph, report_text = pyshacl.validate(
        graph,
        shacl_graph=shapes if shapes is not None else default_shapes(),
        ont_graph=ontology(),
        inference="none",
        advanced=False,
        allow_warnings=False,
    )
    return ValidationResult(bool(conforms), report_graph, str(report_text))


def report_lines(result: ValidationResult | CompiledValidation) -> list[str]:
    """Return one sorted line per result: ``focus  path  message  [shape check]``.

    Works on the results of either engine (pyshacl's ``validate`` or ``kg.shacl_engine``).
    """
    return sorted(entry.line() for entry in result.results)


def report_summary(result: ValidationResult | CompiledValidation) -> str:
    """Return a readable multi-line report: a headline, then one line per violation."""
    return report_text(result.conforms, result.results)


def require_valid(data_graph: Graph, *, shapes: Graph | None = None) -> ValidationResult:
    """Validate ``data_graph``; raise ``ValidationError`` (with the summary) if it does not conform."""
    result = validate(data_graph, shapes=shapes)
    if not result.conforms:
        count = len(report_lines(result))
        raise ValidationError(
            f"the graph does not conform to the kg shapes ({count} violation(s))",
            report_text=report_summary(result),
        )
    return result


def _parse_error_line(path: Path, error: Exception) -> str:
    """One line for a parser error: the file name and the parser's first meaningful line."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    first = lines[0] if lines else type(error).__name__
    if first.endswith(":") and len(lines) > 1:  # rdflib's Turtle parser: "at line 3 of <>:" + why
        first = f"{first} {lines[1]}".removesuffix(" at ^ in:")
    return f"cannot parse {path.name}: {first}"


def load_rdf(path: str | Path) -> Graph:
    """Parse an RDF file, the format guessed from its extension.

    Returns a ``Dataset`` (``default_union=True``) for quad formats (.nq, .trig, .jsonld/.json),
    else a ``Graph``. Raises ``InputError`` for a missing file or unknown extension and
    ``RDFParseError`` for a file that does not parse.
    """
    path = Path(path)
    rdf_format = RDF_FORMATS.get(path.suffix.lower())
    if rdf_format is None:
        known = " ".join(sorted(RDF_FORMATS))
        raise InputError(f"{path.name}: unknown RDF file extension (known: {known})")
    if not path.is_file():
        raise InputError(f"{path}: no such RDF file")
    graph: Graph = Dataset(default_union=True) if rdf_format in QUAD_FORMATS else Graph()
    try:
        graph.parse(path, format=rdf_format)
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from error
    # rdflib's parsers raise unrelated exception types (BadSyntax, SAXParseException,
    # JSONDecodeError, ValueError, ...): every one of them means the file is not valid RDF.
    except Exception as error:  # noqa: BLE001
        raise RDFParseError(_parse_error_line(path, error)) from error
    return graph
