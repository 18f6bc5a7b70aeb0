"""A SHACL validator compiled once per process from the kg shapes, fast on small article graphs.

``CompiledValidator`` reads a shapes graph (by default ``shapes/kg.ttl``) once and turns every
node and property shape into small check functions (``kg.shacl_checks``); the shapes stay the
single source of truth. Validating a graph then indexes its triples once and runs the checks,
with the ontology (``ontology/kg.ttl``) seen as part of the data, as pyshacl's ``ont_graph``
does, so ``sh:targetClass``, ``sh:class`` and the SPARQL checks follow ``rdfs:subClassOf``.

It implements the SHACL-Core subset the kg shapes use: targets by class and node; predicate
paths; class, datatype, nodeKind, minCount, maxCount, in, hasValue, pattern, minLength,
minInclusive, equals, lessThan, lessThanOrEquals, or, qualifiedValueShape with
qualifiedMinCount, and SPARQL SELECT constraints. Compiling shapes that use anything else
raises ``ShapesError``, so the shapes cannot outgrow the engine unnoticed. pyshacl
(``kg.validate.validate``) stays the reference; tests/test_shacl_engine.py checks both agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SH
from rdflib.term import Node, URIRef

from kg.shacl_checks import (
    Check,
    Hit,
    ShapesError,
    class_key,
    class_check,
    datatype_check,
    equals_check,
    has_value_check,
    in_check,
    less_than_check,
    less_than_or_equals_check,
    max_count_check,
    min_count_check,
    min_inclusive_check,
    min_length_check,
    node_kind_check,
    or_check,
    pattern_check,
    qualified_check,
    sparql_check,
    unsupported,
)
from kg.shacl_data import UnionStore, by_type, closure, index_triples, triples_of
from kg.shacl_results import ShaclResult, report_text, short, sort_key

__all__ = ["CompiledValidation", "CompiledValidator", "ShapesError", "compiled_validator",
           "validate_compiled"]

# Constraint parameter -> the factory compiling that constraint component.
_FACTORIES = {
    SH["class"]: class_check,
    SH.datatype: datatype_check,
    SH.nodeKind: node_kind_check,
    SH.minCount: min_count_check,
    SH.maxCount: max_count_check,
    SH["in"]: in_check,
    SH.hasValue: has_value_check,
    SH.pattern: pattern_check,
    SH.minLength: min_length_check,
    SH.minInclusive: min_inclusive_check,
    SH.equals: equals_check,
    SH.lessThan: less_than_check,
    SH.lessThanOrEquals: less_than_or_equals_check,
    SH["or"]: or_check,
    SH.qualifiedValueShape: qualified_check,
    SH.sparql: sparql_check,
}
# Other SHACL terms a shape may use: targets, structure, and what does not affect validation.
_TARGETS = (SH.targetClass, SH.targetNode)
_OTHER_KEYS = frozenset(
    {*_TARGETS, SH.path, SH.property, SH.message, SH.name, SH.description, SH.order, SH.group}
)
# Every way to give a shape focus nodes: the compiled validator handles the first two.
_ALL_TARGETS = (*_TARGETS, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
_NO_VALUES: frozenset = frozenset()
_MIN_COUNT, _MAX_COUNT = SH.MinCountConstraintComponent, SH.MaxCountConstraintComponent
_TYPE, _SUBCLASS_OF = RDF.type, RDFS.subClassOf  # rdflib namespace attributes are slow
# The indexes key predicates by plain str: a lookup then never calls rdflib's Python-level
# __eq__ (shapes and data hold equal but distinct URIRef objects). Look up with str(predicate).
_TYPE_KEY, _SUBCLASS_KEY = str(_TYPE), str(_SUBCLASS_OF)


@dataclass
class CompiledShape:
    """A node or property shape turned into checks over the value nodes of a focus node."""

    node: Node
    path: URIRef | None
    messages: tuple[str, ...]
    checks: list[Check] = field(default_factory=list)
    properties: list[CompiledShape] = field(default_factory=list)
    _flat: tuple | None = field(default=None, repr=False, compare=False)
    _plan: tuple | None = field(default=None, repr=False, compare=False)

    @property
    def flat(self) -> tuple[tuple[CompiledShape, str | None], ...]:
        """This shape and its property shapes (depth first, as ``_View.run`` visits them), each
        with its path as the str its values are indexed by; computed once."""
        if self._flat is None:
            own = (self, None if self.path is None else str(self.path))
            self._flat = (own, *(item for prop in self.properties for item in prop.flat))
        return self._flat

    @property
    def plan(self) -> tuple[_Step, ...]:
        """``flat`` with each shape's checks sorted by how ``_View.run`` runs them; computed once."""
        if self._plan is None:
            self._plan = tuple(_step(shape, key) for shape, key in self.flat)
        return self._plan


class _Step(NamedTuple):
    """One shape of a plan: its value count bounds, its per-value tests (component, test), the
    checks that find nothing without values, and those to run always."""

    shape: CompiledShape
    key: str | None
    least: int | None
    most: int | None
    tests: tuple
    with_values: tuple
    always: tuple


def _step(shape: CompiledShape, key: str | None) -> _Step:
    least = most = None
    tests, with_values, always = [], [], []
    todo = list(shape.checks)
    while todo:
        check = todo.pop(0)
        if hasattr(check, "parts"):
            todo[:0] = check.parts
        elif hasattr(check, "min_count"):
            least = check.min_count if least is None else max(least, check.min_count)
        elif hasattr(check, "max_count"):
            most = check.max_count if most is None else min(most, check.max_count)
        elif hasattr(check, "value_test"):
            tests.append(check.value_test)
        elif getattr(check, "needs_values", False):
            with_values.append(check)
        else:
            always.append(check)
    return _Step(shape, key, least, most, tuple(tests), tuple(with_values), tuple(always))


class _Compiler:
    """Compiles the shapes of one shapes graph, each once (shared property shapes included)."""

    def __init__(self, shapes: Graph, native_sparql: bool = True):
        self.shapes = shapes
        self.native_sparql = native_sparql
        self._compiled: dict[Node, CompiledShape] = {}
        self._busy: set[Node] = set()

    def path_of(self, node: Node) -> URIRef | None:
        path = self.shapes.value(node, SH.path)
        if path is not None and not isinstance(path, URIRef):
            raise unsupported(node, "a path other than a predicate")
        return path

    def compile(self, node: Node) -> CompiledShape:
        if node in self._compiled:
            return self._compiled[node]
        if node in self._busy:
            raise unsupported(node, "a shape that refers to itself")
        self._busy.add(node)
        keys = {p for p in self.shapes.predicates(node) if p.startswith(str(SH))}
        unknown = sorted(short(p) for p in keys - _FACTORIES.keys() - _OTHER_KEYS - _qualified_keys(keys))
        if unknown:
            raise unsupported(node, ", ".join(unknown))
        messages = tuple(sorted(str(m) for m in self.shapes.objects(node, SH.message)))
        shape = CompiledShape(node, self.path_of(node), messages)
        for key in sorted(keys & _FACTORIES.keys()):
            shape.checks.append(_FACTORIES[key](list(self.shapes.objects(node, key)), node, self))
        shape.properties = [self.compile(p) for p in sorted(self.shapes.objects(node, SH.property), key=str)]
        self._busy.discard(node)
        self._compiled[node] = shape
        return shape


def _qualified_keys(keys: set) -> set:
    """sh:qualifiedMinCount is a parameter of sh:qualifiedValueShape, never alone."""
    return {SH.qualifiedMinCount} if SH.qualifiedValueShape in keys else set()


class _Ontology:
    """The ontology, indexed once: its triples by subject and its rdfs:subClassOf closure."""

    def __init__(self, graph: Graph):
        self.graph = graph
        self.index = index_triples(graph)
        self.edges = {c: set(ps[_SUBCLASS_KEY]) for c, ps in self.index.items() if _SUBCLASS_KEY in ps}
        self.supers = closure(self.edges)
        self.typed = by_type(self.index)
        self._subjects: dict = {}
        self._pairs: dict = {}
        self._typed_by: dict = {}

    def subjects(self, key: str, obj: Node) -> frozenset:
        """The subjects of ``? predicate obj`` in the ontology (``key``: the predicate as a
        str), looked up once per process."""
        found = self._subjects.get((key, obj))
        if found is None:
            found = self._subjects[(key, obj)] = frozenset(self.graph.subjects(URIRef(key), obj))
        return found

    def pairs(self, key: str) -> frozenset:
        """The (subject, object) pairs of a predicate in the ontology, looked up once."""
        found = self._pairs.get(key)
        if found is None:
            found = self._pairs[key] = frozenset(self.graph.subject_objects(URIRef(key)))
        return found

    def instances(self, classes: frozenset, superclasses) -> frozenset:
        """The ontology's nodes typed with one of ``classes`` or a subclass of one (the
        ontology's own subclasses: ``superclasses`` is a view's), once per set of classes."""
        found = self._typed_by.get(classes)
        if found is None:
            found = frozenset(node for cls, nodes in self.typed.items() if classes & superclasses(cls)
                              for node in nodes)
            self._typed_by[classes] = found
        return found


@dataclass(frozen=True)
class CompiledValidation:
    """The outcome of one validation: conforms, the sorted results and a readable report."""

    conforms: bool
    results: tuple[ShaclResult, ...]

    @property
    def text(self) -> str:
        """A headline, then one line per violation: focus node, path, message, shape and check."""
        return report_text(self.conforms, self.results)

    @property
    def report_text(self) -> str:
        return self.text


class CompiledValidator:
    """The shapes of a shapes graph, compiled; ``validate`` checks a data graph against them."""

    def __init__(self, shapes: Graph, ontology: Graph | None = None, *, native_sparql: bool = True):
        """``native_sparql=False`` runs every SPARQL constraint through rdflib (for comparison)."""
        compiler = _Compiler(shapes, native_sparql)
        roots = {s for target in _ALL_TARGETS for s in shapes.subjects(target, None)}
        roots |= {s for kind in (SH.NodeShape, SH.PropertyShape) for s in shapes.subjects(RDF.type, kind)}
        for component in shapes.subjects(RDF.type, SH.ConstraintComponent):
            raise unsupported(component, "a constraint component defined in the shapes graph")
        for cls in {c for kind in (RDFS.Class, OWL.Class) for c in shapes.subjects(RDF.type, kind)}:
            if cls in roots or any(p.startswith(str(SH)) for p in shapes.predicates(cls)):
                raise unsupported(cls, "a shape that is a class (implicit target)")
        # Every shape is compiled (so unsupported features anywhere are refused); those with
        # targets are where validation starts.
        self.targets = []
        for root in sorted(roots, key=str):
            shape = compiler.compile(root)
            classes, nodes = (frozenset(shapes.objects(root, target)) for target in _TARGETS)
            if classes or nodes:
                self.targets.append((shape, classes, nodes))
        self.ontology = _Ontology(ontology if ontology is not None else Graph())

    def validate(self, data_graph) -> CompiledValidation:
        """Validate ``data_graph``: a Graph, a Dataset (read as the union of its graphs) or an
        iterable of (subject, predicate, object) triples."""
        view = _View(data_graph, self.ontology)
        results: set[ShaclResult] = set()
        for shape, classes, nodes in self.targets:
            for focus in view.instances(classes) | nodes:
                results.update(view.run(shape, focus))
        return CompiledValidation(not results, tuple(sorted(results, key=sort_key)))


class _View:
    """One data graph with the ontology mixed in, indexed for the checks (read-only)."""

    def __init__(self, data, ontology: _Ontology):
        self.triples = triples_of(data)
        self.ontology = ontology
        self.index = index_triples(self.triples, getattr(self.triples, "each_once", False))
        self.typed = by_type(self.index)
        edges = {c: set(ps[_SUBCLASS_KEY]) for c, ps in self.index.items() if _SUBCLASS_KEY in ps}
        if edges:  # the data graph declares subclasses too: close over both
            for cls, parents in ontology.edges.items():
                edges.setdefault(cls, set()).update(parents)
            self.supers = closure(edges)
        else:
            self.supers = ontology.supers
        self._graph: Graph | None = None
        self._sparql_graph: Graph | None = None
        self._reversed: dict[str, dict] = {}
        self._class_keys: dict = {}

    @property
    def graph(self) -> Graph:
        """The data as an rdflib Graph, built only when a check needs one (rdflib SPARQL)."""
        if self._graph is None:
            if isinstance(self.triples, Graph):
                self._graph = self.triples
            else:
                self._graph = Graph()
                for triple in self.triples:
                    self._graph.add(triple)
        return self._graph

    def values(self, focus: Node, path: URIRef) -> frozenset | set | list:
        """The objects of ``focus path`` in the data graph and the ontology (a list holds each
        once, like a set)."""
        key = str(path)
        own = self.index.get(focus)
        values = own.get(key, _NO_VALUES) if own else _NO_VALUES
        extra = self.ontology.index.get(focus)
        if extra and key in extra:
            return extra[key].union(values)
        return values

    def superclasses(self, cls: Node) -> frozenset:
        return self.supers.get(cls) or frozenset((cls,))

    def is_instance(self, node: Node, cls: Node) -> bool:
        """Whether ``node`` has a type that is ``cls`` or one of its subclasses."""
        return class_key(cls) in self.class_keys(node)

    def class_keys(self, node: Node) -> frozenset:
        """Every type of ``node`` and their superclasses, keyed by ``class_key`` (once per node)."""
        found = self._class_keys.get(node)
        if found is None:
            found = self._class_keys[node] = frozenset(
                class_key(c) for t in self.values(node, _TYPE) for c in self.superclasses(t))
        return found

    def instances(self, classes: frozenset) -> set:
        """The nodes typed with one of ``classes`` or a subclass of one."""
        found: set = set()
        if classes:
            shared = self.supers is self.ontology.supers  # no subclasses declared in the data
            for typed in (self.typed,) if shared else (self.typed, self.ontology.typed):
                for cls, nodes in typed.items():
                    if classes & self.superclasses(cls):
                        found |= nodes
            if shared:
                found |= self.ontology.instances(classes, self.superclasses)
        return found

    def run(self, shape: CompiledShape, focus: Node) -> Iterator[ShaclResult]:
        """The results of validating ``focus`` against ``shape`` and its property shapes (whose
        focus is ``focus`` too), visited flat: this runs once per focus node and shape."""
        own, extra = self.index.get(focus), self.ontology.index.get(focus)
        for sub, key, least, most, tests, with_values, always in shape.plan:
            if key is None:
                values = {focus}
            else:
                values = own.get(key, _NO_VALUES) if own else _NO_VALUES
                if extra and key in extra:
                    values = extra[key].union(values)
            if least is not None and len(values) < least:
                yield _result(sub, focus, Hit(_MIN_COUNT))
            if most is not None and len(values) > most:
                yield _result(sub, focus, Hit(_MAX_COUNT))
            if values:
                for value in values:
                    for component, test in tests:
                        if not test(self, focus, value):
                            yield _result(sub, focus, Hit(component, value))
                for check in with_values:
                    for hit in check(self, focus, values):
                        yield _result(sub, focus, hit)
            for check in always:
                for hit in check(self, focus, values):
                    yield _result(sub, focus, hit)

    def conforms(self, shape: CompiledShape, node: Node) -> bool:
        return next(self.run(shape, node), None) is None

    def subjects(self, predicate: URIRef, obj: Node) -> set:
        """The subjects of ``? predicate obj`` in the data graph and the ontology."""
        key = str(predicate)
        if key == _TYPE_KEY:
            return self.typed.get(obj, _NO_VALUES) | self.ontology.typed.get(obj, _NO_VALUES)
        return self._reverse(key).get(obj, _NO_VALUES) | self.ontology.subjects(key, obj)

    def _reverse(self, key: str) -> dict:
        """object -> subjects of the predicate ``key`` in the data graph, built on first use."""
        reverse = self._reversed.get(key)
        if reverse is None:
            reverse = self._reversed[key] = {}
            for subject, properties in self.index.items():
                for obj in properties.get(key, ()):
                    reverse.setdefault(obj, set()).add(subject)
        return reverse

    def pairs(self, predicate: URIRef) -> set:
        """The (subject, object) pairs of ``predicate`` in the data graph and the ontology."""
        key = str(predicate)
        found = {(s, o) for s, properties in self.index.items() for o in properties.get(key, ())}
        return found | self.ontology.pairs(key)

    def query(self, query, bindings: dict):
        """Run a prepared SPARQL query over the data graph and the ontology."""
        if self._sparql_graph is None:
            self._sparql_graph = Graph(store=UnionStore(self.graph, self.ontology.graph))
        return self._sparql_graph.query(query, initBindings=bindings)


def _result(shape: CompiledShape, focus: Node, hit) -> ShaclResult:
    """The result a check's hit gives on ``focus`` (the shape's messages, else a default one)."""
    messages = shape.messages + hit.messages
    if not messages:
        kind = str(hit.component).rsplit("#", 1)[-1]
        offender = short(hit.value) if hit.value is not None else "the focus node"
        messages = (f"{offender} fails sh:{kind}",)
    return ShaclResult(
        focus if hit.focus is None else hit.focus,
        shape.path if hit.path is None else hit.path,
        shape.node,
        hit.component,
        hit.value,
        messages,
    )


@lru_cache(maxsize=1)
def compiled_validator() -> CompiledValidator:
    """The kg shapes and ontology, compiled once per process."""
    from kg.validate import default_shapes, ontology

    return CompiledValidator(default_shapes(), ontology())


def validate_compiled(data_graph) -> CompiledValidation:
    """Validate ``data_graph`` against the kg shapes with the compiled validator."""
    return compiled_validator().validate(data_graph)
