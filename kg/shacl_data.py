"""The data side of the compiled SHACL validator (kg.shacl_engine): the triples to validate,
indexed once by subject and predicate, subjects by class, the subclass closure, and a read-only
union of the data and the ontology for the SPARQL constraints."""

from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import RDF
from rdflib.store import Store

__all__ = ["UnionStore", "by_type", "closure", "index_triples", "triples_of"]

_TYPE_KEY = str(RDF.type)


class UnionStore(Store):
    """A read-only rdflib store answering triple patterns from two graphs without copying them."""

    def __init__(self, first: Graph, second: Graph):
        super().__init__()
        self._first, self._second = first, second

    def triples(self, pattern, context=None):
        for triple in self._first.triples(pattern):
            yield triple, iter(())
        for triple in self._second.triples(pattern):
            if triple not in self._first:
                yield triple, iter(())

    def __len__(self, context=None) -> int:
        return len(self._first) + sum(1 for t in self._second if t not in self._first)


def triples_of(data):
    """The triples to validate: a Graph as is (a Dataset as the union of its graphs), any
    other iterable of (subject, predicate, object) as a list."""
    if isinstance(data, Graph):
        from kg.validate import _as_graph

        return _as_graph(data)
    return data if isinstance(data, (list, tuple)) else list(data)


def index_triples(triples, unique: bool = False) -> dict:
    """subject -> predicate (as a plain str) -> set of objects; a list of objects when the
    triples are ``unique`` (each once: a list then holds what the set would, without hashing)."""
    index: dict = {}
    keys: dict = {}  # predicate -> its str, each computed once (the predicates recur)
    for s, p, o in triples:
        properties = index.get(s)
        if properties is None:
            properties = index[s] = {}
        key = keys.get(p)
        if key is None:
            key = keys[p] = str(p)
        objects = properties.get(key)
        if objects is None:
            properties[key] = [o] if unique else {o}
        elif unique:
            objects.append(o)
        else:
            objects.add(o)
    return index


def by_type(index: dict) -> dict:
    """class -> the subjects typed with it."""
    typed: dict = {}
    for subject, properties in index.items():
        for cls in properties.get(_TYPE_KEY, ()):
            typed.setdefault(cls, set()).add(subject)
    return typed


def closure(edges: dict) -> dict:
    """class -> itself and every class it is (transitively) an rdfs:subClassOf."""
    closed: dict = {}
    for start in edges:
        seen, todo = {start}, [start]
        while todo:
            for parent in edges.get(todo.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        closed[start] = frozenset(seen)
    return closed
