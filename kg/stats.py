"""Counts of what a graph holds: articles, actors by type, statements, operations, designations,
triples. The same numbers for an RDF file (rdflib) and a store (Oxigraph), from the same SPARQL.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.namespace import KG

KINDS = {"articles": KG.Article, "statements": KG.Statement, "operations": KG.Operation,
         "designations": KG.Designation}
COUNT_QUERY = (
    "SELECT ?class (COUNT(DISTINCT ?thing) AS ?n) WHERE { VALUES ?class { "
    + " ".join(f"<{iri}>" for iri in KINDS.values())
    + " } ?thing a ?class } GROUP BY ?class"
)


@dataclass
class GraphStats:
    """What a graph or store holds. ``graphs`` and ``quads`` are None for a triple file."""

    articles: int = 0
    actors: int = 0
    actors_by_type: dict[str, int] = field(default_factory=dict)
    statements: int = 0
    operations: int = 0
    designations: int = 0
    triples: int = 0
    graphs: int | None = None
    quads: int | None = None

    def to_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, sort_keys=False) + "\n"

    def to_table(self) -> str:
        lines = [("articles", self.articles), ("actors", self.actors)]
        lines += [(f"  {kind}", n) for kind, n in self.actors_by_type.items()]
        lines += [("statements", self.statements), ("operations", self.operations),
                  ("designations", self.designations), ("triples", self.triples)]
        lines += [(name, n) for name, n in (("graphs", self.graphs), ("quads", self.quads)) if n is not None]
        width = max(len(name) for name, _ in lines)
        digits = max(len(str(n)) for _, n in lines)
        return "".join(f"{name.ljust(width)}  {str(n).rjust(digits)}\n" for name, n in lines)


def collect(select: Callable[[str], list[dict]], actor_rows: list[dict], triples: int) -> GraphStats:
    """Stats from a SELECT runner (query text -> rows of strings) and the ``actors`` query's rows."""
    counts = {row["class"]: int(row["n"]) for row in select(COUNT_QUERY)}
    types = Counter(row.get("type") or "Actor" for row in actor_rows)
    return GraphStats(
        articles=counts.get(str(KG.Article), 0),
        actors=len(actor_rows),
        actors_by_type=dict(sorted(types.items(), key=lambda item: (-item[1], item[0]))),
        statements=counts.get(str(KG.Statement), 0),
        operations=counts.get(str(KG.Operation), 0),
        designations=counts.get(str(KG.Designation), 0),
        triples=triples,
    )


def graph_stats(graph: Graph) -> GraphStats:
    """Stats of an rdflib Graph or Dataset (the union of its graphs)."""
    from kg.queries import run_query, union_view

    view = union_view(graph)

    def select(text: str) -> list[dict]:
        return [{str(k): None if v is None else str(v) for k, v in row.asdict().items()} for row in view.query(text)]

    stats = collect(select, run_query(graph, "actors"), len(set(view.triples((None, None, None)))))
    if isinstance(graph, Dataset):
        named = [g for g in graph.graphs() if len(g) and g.identifier != DATASET_DEFAULT_GRAPH_ID]
        stats.graphs = len(named)
        stats.quads = sum(len(g) for g in graph.graphs())
    return stats


def store_stats(store) -> GraphStats:
    """Stats of a ``kg.store.Store``: triples of the merged article graphs, article graphs, and
    every quad (with the reference graph)."""
    triples = int(store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"])
    stats = collect(store.select, store.query("actors"), triples)
    stats.graphs = len(store.graph_names())
    stats.quads = len(store)
    return stats
