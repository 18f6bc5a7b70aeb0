"""SHACL validation results in one shape for both engines, and their one-line-per-violation text.

``kg.shacl_engine`` (the compiled validator) produces ``ShaclResult`` records directly;
``kg.validate`` (pyshacl, the reference engine) reads them from its report graph with
``results_from_report``. Both reports are therefore printed and compared the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph
from rdflib.namespace import RDF, SH
from rdflib.term import BNode, Node, URIRef

# Prefixes used to shorten IRIs in reports (longest namespace first wins).
REPORT_PREFIXES = {
    "kg": "https://w3id.org/newskg/ontology#",
    "kgr": "https://w3id.org/newskg/id/",
    "kgv": "https://w3id.org/newskg/vocab/",
    "kgsh": "https://w3id.org/newskg/shapes#",
    "rdf": str(RDF),
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sh": str(SH),
}

CONFORMS_TEXT = "The graph conforms to the kg shapes."


def short(node: Node | None) -> str:
    """Return ``node`` as ``prefix:rest`` for the kg and standard namespaces, else in N3 form."""
    if node is None:
        return "-"
    if isinstance(node, URIRef):
        matches = [(len(ns), p) for p, ns in REPORT_PREFIXES.items() if node.startswith(ns)]
        if matches:
            length, prefix = max(matches)
            return f"{prefix}:{node[length:]}"
    if isinstance(node, BNode):
        return "(blank node)"
    return node.n3()


@dataclass(frozen=True)
class ShaclResult:
    """One validation result: what failed where, which shape and constraint component said so."""

    focus: Node
    path: URIRef | None
    shape: Node
    component: URIRef
    value: Node | None = None
    messages: tuple[str, ...] = ()

    @property
    def key(self) -> tuple:
        """(focus node, path, source shape, constraint component): what both engines must agree on."""
        return (self.focus, self.path, self.shape, self.component)

    def line(self) -> str:
        """``focus  path  message  [shape check]``; a SPARQL check names its offender (the value)."""
        focus = self.focus
        if self.component == SH.SPARQLConstraintComponent and self.value is not None:
            # kg's SPARQL checks run once on a class and report each offender as the value.
            focus = self.value
        message = " / ".join(sorted(self.messages)) if self.messages else "(no message)"
        check = str(self.component).rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
        return f"{short(focus)}  {short(self.path)}  {message}  [{short(self.shape)} {check}]"


def report_text(conforms: bool, results: tuple[ShaclResult, ...] | list[ShaclResult]) -> str:
    """A readable multi-line report: a headline, then one sorted line per violation."""
    if conforms:
        return CONFORMS_TEXT
    lines = sorted(result.line() for result in results)
    head = f"The graph does not conform to the kg shapes: {len(lines)} violation(s)."
    return "\n".join([head, *(f"  {line}" for line in lines)])


def results_from_report(report: Graph) -> tuple[ShaclResult, ...]:
    """The results of a SHACL validation report graph (pyshacl's), sorted."""
    results = []
    for entry in report.subjects(RDF.type, SH.ValidationResult):
        results.append(
            ShaclResult(
                focus=report.value(entry, SH.focusNode),
                path=report.value(entry, SH.resultPath),
                shape=report.value(entry, SH.sourceShape),
                component=report.value(entry, SH.sourceConstraintComponent),
                value=report.value(entry, SH.value),
                messages=tuple(sorted(str(m) for m in report.objects(entry, SH.resultMessage))),
            )
        )
    return tuple(sorted(results, key=sort_key))


def sort_key(result: ShaclResult) -> tuple[str, ...]:
    """A total order over results whatever their node types."""
    return (
        str(result.focus),
        str(result.path or ""),
        str(result.shape),
        str(result.component),
        str(result.value if result.value is not None else ""),
        "\n".join(result.messages),
    )
