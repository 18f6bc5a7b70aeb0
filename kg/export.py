"""Export the actor network of a knowledge graph (NetworkX, GraphML).

Nodes are actors (keyed by IRI) with ``label``, ``type``, ``mentions`` and ``articles``; edges
come from the canned query ``queries/graph-edges.rq``: speaker -> actor named in a quote
(``mentions``), agent -> target of an operation (the operation type), designator -> designee
(``designates:<category>``). Parallel facts of one kind between two actors are one edge whose
``weight`` counts them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx
from rdflib import Graph

from kg.output import atomic_file
from kg.queries import run_query

GRAPHML_TYPES = (str, int, float, bool)


def _int(value: str | None) -> int:
    return int(value) if value else 0


def _local_name(iri: str) -> str:
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """The actor network of an RDF graph or dataset as a ``MultiDiGraph``.

    Edges are keyed by their ``kind``; each has ``kind``, ``label`` and ``weight`` (int).
    """
    network = nx.MultiDiGraph()
    for row in run_query(graph, "actors"):
        network.add_node(
            row["actor"],
            label=row["label"] or _local_name(row["actor"]),
            type=row["type"] or "",
            mentions=_int(row["mentions"]),
            articles=_int(row["articles"]),
        )
    for row in run_query(graph, "graph-edges"):
        for end in (row["source"], row["target"]):
            if end not in network:  # an actor without label or class: keep it visible
                network.add_node(end, label=_local_name(end), type="", mentions=0, articles=0)
        network.add_edge(
            row["source"],
            row["target"],
            key=row["kind"],
            kind=row["kind"],
            label=row["label"] or row["kind"],
            weight=_int(row["weight"]),
        )
    return network


def graphml_safe(attributes: dict) -> dict:
    """Attributes GraphML can hold: None dropped, anything but str/int/float/bool made a str."""
    return {
        str(key): value if isinstance(value, GRAPHML_TYPES) else str(value)
        for key, value in attributes.items()
        if value is not None
    }


def _sanitized(network: nx.Graph) -> nx.Graph:
    clean = network.__class__()
    clean.graph.update(graphml_safe(network.graph))
    for node, data in network.nodes(data=True):
        clean.add_node(str(node), **graphml_safe(data))
    if network.is_multigraph():
        for source, target, key, data in network.edges(keys=True, data=True):
            clean.add_edge(str(source), str(target), key=str(key), **graphml_safe(data))
    else:
        for source, target, data in network.edges(data=True):
            clean.add_edge(str(source), str(target), **graphml_safe(data))
    return clean


def write_graphml(graph: Graph | nx.Graph, path: str | Path) -> nx.Graph:
    """Write the actor network of ``graph`` (an RDF graph, or a NetworkX graph) as GraphML.

    The file is written to a temporary file in the same folder and moved into place, so a
    failed export never leaves a half-written file. Returns the network written; raises
    OutputError if the file cannot be written.
    """
    network = graph if isinstance(graph, nx.Graph) else to_networkx(graph)
    with atomic_file(path, binary=True) as stream:
        nx.write_graphml(_sanitized(network), stream, encoding="utf-8", prettyprint=True)
    return network


EXPORTERS: dict[str, Callable[[Graph, str | Path], nx.Graph]] = {
    "graphml": write_graphml,
}
