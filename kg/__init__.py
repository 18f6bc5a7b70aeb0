"""kg: a knowledge-graph builder for news about conflicts and security.

    >>> import kg
    >>> graph = kg.build("examples/articles")
    >>> rows = kg.query(graph, "statements", speaker="Sheinbaum")

Importing kg loads nothing heavy; spaCy and the extractors load on the first build.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__", "build", "query"]


def build(paths, *, model=None):
    """Build the knowledge graph (an rdflib Dataset) of articles in files or folders."""
    from kg.builder import build as _build

    return _build(paths, model=model)


def query(graph, name, **params):
    """Run a canned query (name or path of a .rq file); return rows as dicts of strings."""
    from kg.queries import run_query

    return run_query(graph, name, **params)
