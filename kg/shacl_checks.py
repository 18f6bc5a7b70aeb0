"""The SHACL-Core constraint components the compiled validator supports, one factory each.

A factory reads a component's parameters from the shapes graph once and returns a check: a
function ``check(view, focus, values)`` returning (or yielding) a ``Hit`` per violation, where
``view`` is the data graph as ``kg.shacl_engine`` indexes it and ``values`` the value nodes of
``focus``. Each check follows pyshacl's reading of the component (pyshacl is the reference
engine), quirks included, so both engines report the same results.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime, time
from decimal import Decimal
from typing import NamedTuple

from rdflib import Literal
from rdflib.plugins.sparql import prepareQuery
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import BNode, Node, URIRef, Variable

from kg import shacl_sparql
from kg.errors import ShapesError
from kg.shacl_sparql import integer_value
from kg.shacl_results import short


def unsupported(subject: Node, feature: str) -> ShapesError:
    """The error for a shape (or SPARQL constraint) using ``feature``; one line."""
    return ShapesError(f"{short(subject)}: {feature} not supported by the compiled SHACL validator "
                       "(kg.shacl_engine); validate with kg.validate.validate (pyshacl)")


class Hit(NamedTuple):
    """One violation found by a check (focus and path default to the shape's)."""

    component: URIRef
    value: Node | None = None
    focus: Node | None = None
    path: Node | None = None
    messages: tuple[str, ...] = ()


Check = Callable[..., Iterable[Hit]]

# Looked up once: rdflib namespace attributes are slow, and these are tested per value node.
_STRING, _LANG_STRING, _LITERAL, _DATATYPE = XSD.string, RDF.langString, RDFS.Literal, RDFS.Datatype
_TEXT_DATATYPES = (None, _LANG_STRING, _STRING)

# Python types rdflib gives the values of the datatypes pyshacl checks beyond the IRI.
_VALUE_TYPES = {
    XSD.string: (str, bytes),
    RDF.langString: (str, bytes),
    XSD.integer: int,
    XSD.float: float,
    XSD.decimal: Decimal,
    XSD.boolean: bool,
    XSD.date: date,
    XSD.time: time,
    XSD.dateTime: datetime,
}


def class_key(cls: Node):
    """A class as the views key it: an IRI as a plain str (whose equality and hash run in C,
    where rdflib's URIRef equality runs in Python), any other node as itself."""
    return str(cls) if type(cls) is URIRef else cls


def _one(values: list[Node], name: str, shape: Node) -> Node:
    if len(values) != 1:
        raise ShapesError(f"shape {short(shape)}: sh:{name} must have exactly one value, not {len(values)}")
    return values[0]


def _integer(value: Node, name: str, shape: Node) -> int:
    if not isinstance(value, Literal) or not isinstance(value.value, int):
        raise ShapesError(f"shape {short(shape)}: sh:{name} must be an integer literal")
    return value.value


def _text(node: Node) -> str:
    """A value node as the string SHACL's string-based components test (pyshacl's reading)."""
    if isinstance(node, Literal) and node.value is not None and node.datatype in _TEXT_DATATYPES:
        return str(node.value)
    return str(node)


def _has_datatype(node: Node, datatype: URIRef, value_type=None) -> bool:
    """Whether ``node`` is a literal of ``datatype`` whose value rdflib could read as one
    (``value_type``: ``_VALUE_TYPES.get(datatype, object)``, looked up once by the caller)."""
    if type(node) is Literal and node.language is None:  # the common case, without the detour
        own = node.datatype
        if own is None:
            if datatype is _STRING or str.__eq__(datatype, _STRING):
                return isinstance(node.value, value_type or (str, bytes))
        elif str.__eq__(own, datatype):
            if node.ill_typed is True:
                return False
            return isinstance(node.value, value_type or _VALUE_TYPES.get(datatype, object))
    if not isinstance(node, Literal):
        return False
    own, same = node.datatype, str.__eq__  # rdflib's URIRef equality for IRIs, in C
    if own is not None and same(own, datatype):
        # An ill-typed literal ("-1"^^xsd:nonNegativeInteger) does not match its datatype.
        if getattr(node, "ill_typed", None) is True:
            return False
    elif same(datatype, _LITERAL) or (same(datatype, _DATATYPE) and own):
        return True
    elif own is None and node.language is None and same(datatype, _STRING):
        pass  # a plain literal is an xsd:string
    elif not (same(datatype, _LANG_STRING) and node.language):
        return False
    if value_type is None:
        value_type = _VALUE_TYPES.get(datatype, object)
    return isinstance(node.value, value_type)


def _integer_value(node: Node) -> int | None:
    """The value of a well-typed integer literal, else None."""
    return shacl_sparql.integer_value(node)


def _compare_literal(left: Literal, right: Literal) -> int:
    """-1, 0 or 1 as SPARQL orders two literals; TypeError when they cannot be compared."""
    left_int, right_int = _integer_value(left), _integer_value(right)
    if left_int is not None and right_int is not None:  # what rdflib does, without its overhead
        return (left_int > right_int) - (left_int < right_int)
    if left.eq(right):
        return 0
    if isinstance(left.value, (datetime, time)):  # rdflib refuses to order these as literals
        return 1 if left.value > right.value else (0 if left.value == right.value else -1)
    return 1 if left > right else -1


def _comparable(node: Node) -> tuple[bool, object]:
    """(is a string, the thing to compare) for sh:lessThan and sh:lessThanOrEquals."""
    if isinstance(node, URIRef):
        return True, str(node)
    if isinstance(node, Literal) and isinstance(node.value, str):
        return True, node.value
    return False, node


def each_value(component: URIRef, test: Callable[[object, Node, Node], bool]) -> Check:
    """A check failing every value node ``v`` of ``focus`` for which ``test(view, focus, v)`` is false.

    The check carries ``value_test = (component, test)``: the engine runs such tests value by
    value itself (no per-check call, nothing at all for a property without values)."""

    def check(view, focus: Node, values) -> list[Hit]:
        # A list, not a generator: most value sets pass, and a list is cheaper to make empty.
        return [Hit(component, value) for value in values if not test(view, focus, value)]

    check.value_test = (component, test)
    return check


def needs_values(check: Check) -> Check:
    """Mark ``check`` as finding nothing when the focus node has no value nodes (the engine
    then skips it)."""
    check.needs_values = True
    return check


def class_check(params: list[Node], shape: Node, compiler) -> Check:
    """sh:class: each value is an instance of every class (following rdfs:subClassOf)."""
    def instance_of(cls: Node) -> Check:
        key = class_key(cls)

        def test(view, _focus, value) -> bool:
            return not isinstance(value, Literal) and key in view.class_keys(value)

        return each_value(SH.ClassConstraintComponent, test)

    return _all([instance_of(cls) for cls in sorted(params, key=str)])


def datatype_check(params: list[Node], shape: Node, compiler) -> Check:
    """sh:datatype: each value is a well-formed literal of the datatype."""
    datatype = _one(params, "datatype", shape)
    value_type = _VALUE_TYPES.get(datatype, object)
    # The answer for a literal, by its identity: the same literal objects recur (a sentence is
    # the evidence of many mentions; numbers and labels come from rdf.py's caches); an entry
    # keeps its literal alive, so no identity is reused while it is there.
    known: dict[int, tuple[Node, bool]] = {}

    def test(_view, _focus, value) -> bool:
        found = known.get(id(value))
        if found is not None and found[0] is value:
            return found[1]
        if len(known) >= _KNOWN_VALUES:
            known.clear()
        answer = _has_datatype(value, datatype, value_type)
        known[id(value)] = (value, answer)
        return answer

    return each_value(SH.DatatypeConstraintComponent, test)


_KNOWN_VALUES = 4096  # literals remembered by each datatype check


_NODE_KINDS = {
    SH.IRI: (URIRef,),
    SH.BlankNode: (BNode,),
    SH.Literal: (Literal,),
    SH.BlankNodeOrIRI: (BNode, URIRef),
    SH.BlankNodeOrLiteral: (BNode, Literal),
    SH.IRIOrLiteral: (URIRef, Literal),
}


def node_kind_check(params: list[Node], shape: Node, compiler) -> Check:
    """sh:nodeKind: each value is an IRI, a blank node or a literal as allowed."""
    kind = _one(params, "nodeKind", shape)
    if kind not in _NODE_KINDS:
        raise ShapesError(f"shape {short(shape)}: unknown sh:nodeKind {kind}")
    kinds = _NODE_KINDS[kind]
    return each_value(SH.NodeKindConstraintComponent, lambda _v, _f, v: isinstance(v, kinds))


def min_count_check(params: list[Node], shape: Node, compiler) -> Check:
    """sh:minCount: at least n value nodes."""
    least = _integer(_one(params, "minCount", shape), "minCount", shape)

    def check(view, focus, values):
        return (Hit(SH.MinCountConstraintComponent),) if len(values) < least else ()

    check.min_count = least  # the engine compares the count itself
    return check


def max_count_check(params: list[Node], shape: Node, compiler) -> Check:
    """sh:maxCount: at most n value nodes."""
    most = _integer(_one(params, "maxCount", shape), "maxCount", shape)

    def check(view, focus, values):
        return (Hit(SH.MaxCountConstraintComponent),) if len(values) > most else ()

    check.max_count = most  # the engine compares the count itself
    return check


def in_check(params: list[Node], shape: Node, compiler) -> Check:
    """sh:in: each value is a member of the list."""
    allowed = frozenset(class_key(node) for node in compiler.shapes.items(_one(params, "in", shape)))
    # Keyed like classes: an IRI by its str (no rdflib equality per lookup), any other node as is.
    return each_value(SH.InConstraintComponent,
                      lambda _v, _f, v: (str(v) if type(v) is URIRef else v) in allowed)


def has_value_check(params: list[Node], shape: Node, compiler) -> Check:
    """sh:hasValue: the value nodes include each given node."""
    required = sorted(params, key=str)

    def check(view, focus, values):
        for node in required:
            if node not in values:
                yield Hit(SH.HasValueConstraintComponent)

    return check


def pattern_check(params: list[Node], shape: Node, compiler) -> Check:
    """sh:pattern: each value (not a blank node) contains a match of the regular expression."""
    regex = re.compile(str(_one(params, "pattern", shape)))
    def test(_view, _focus, value) -> bool:
        if type(value) is URIRef:  # an IRI's text is itself
            return regex.search(value) is not None
        return not isinstance(value, BNode) and regex.search(_text(value)) is not None

    return each_value(SH.PatternConstraintComponent, test)


def min_length_check(params: list[Node], shape: Node, compiler) -> Check:
    """sh:minLength: each value (not a blank node) is at least n characters long."""
    least = _integer(_one(params, "minLength", shape), "minLength", shape)
    def test(_view, _focus, value) -> bool:
        if type(value) is Literal and value.datatype is None and value.value is not None:
            return len(str(value.value)) >= least  # a plain literal: _text without the detour
        return least == 0 or (not isinstance(value, BNode) and len(_text(value)) >= least)

    return each_value(SH.MinLengthConstraintComponent, test)


def min_inclusive_check(params: list[Node], shape: Node, compiler) -> Check:
    """sh:minInclusive: each value is a literal comparable to and not below the bound."""
    bounds = sorted(params, key=str)
    if not all(isinstance(b, Literal) for b in bounds):
        raise ShapesError(f"shape {short(shape)}: sh:minInclusive must be a literal")

    def at_least(bound: Literal) -> Callable[[object, Node, Node], bool]:
        bound_int = _integer_value(bound)

        def test(_view, _focus, value) -> bool:
            if bound_int is not None:  # two integers: compared as _compare_literal would
                value_int = integer_value(value)
                if value_int is not None:
                    return value_int >= bound_int
            if not isinstance(value, Literal) or isinstance(value.value, str) != isinstance(bound.value, str):
                return False
            try:
                return _compare_literal(value, bound) >= 0
            except (TypeError, NotImplementedError):
                return False

        return test

    component = SH.MinInclusiveConstraintComponent
    checks = [each_value(component, at_least(b)) for b in bounds]
    return _all(checks)


def _pair_check(component: URIRef, params: list[Node], shape: Node, compare: Callable) -> Check:
    """sh:lessThan / sh:lessThanOrEquals: each value against each value of the other property."""
    others = sorted(params, key=str)
    if not all(isinstance(p, URIRef) for p in others):
        raise ShapesError(f"shape {short(shape)}: {short_name(component)} must name a property IRI")

    def ordered(left: Node, right: Node) -> bool:
        left_int, right_int = _integer_value(left), _integer_value(right)
        if left_int is not None and right_int is not None:  # what rdflib does, without its overhead
            return bool(compare(left_int, right_int))
        left_is_str, left_key = _comparable(left)
        right_is_str, right_key = _comparable(right)
        if left_is_str != right_is_str or isinstance(left, BNode) or isinstance(right, BNode):
            return False
        try:
            return bool(compare(left_key, right_key))
        except TypeError:  # pyshacl lets this escape; SHACL says incomparable values fail
            return False

    def check(view, focus, values):
        for other in others:
            for right in view.values(focus, other):
                for left in values:
                    if not ordered(left, right):
                        yield Hit(component, left)

    return needs_values(check)


def less_than_check(params: list[Node], shape: Node, compiler) -> Check:
    """sh:lessThan: each value is below every value of the other property."""
    return _pair_check(SH.LessThanConstraintComponent, params, shape, lambda a, b: a < b)


def less_than_or_equals_check(params: list[Node], shape: Node, compiler) -> Check:
    """sh:lessThanOrEquals: each value is at most every value of the other property."""
    return _pair_check(SH.LessThanOrEqualsConstraintComponent, params, shape, lambda a, b: a <= b)


def equals_check(params: list[Node], shape: Node, compiler) -> Check:
    """sh:equals: the value nodes are exactly the values of the other property."""
    others = sorted(params, key=str)

    def check(view, focus, values):
        for other in others:
            expected = view.values(focus, other)
            for value in set(values) ^ set(expected):
                yield Hit(SH.EqualsConstraintComponent, value)

    return check


def or_check(params: list[Node], shape: Node, compiler) -> Check:
    """sh:or: each value conforms to at least one shape of the list."""
    lists = sorted(params, key=str)
    alternatives = [[compiler.compile(member) for member in compiler.shapes.items(lst)] for lst in lists]
    checks = [
        each_value(SH.OrConstraintComponent, lambda view, _f, v, a=a: any(view.conforms(s, v) for s in a))
        for a in alternatives
        if a
    ]
    return _all(checks)


def qualified_check(params: list[Node], shape: Node, compiler) -> Check:
    """sh:qualifiedValueShape with sh:qualifiedMinCount: enough values conform to the shape."""
    qualified = compiler.compile(_one(params, "qualifiedValueShape", shape))
    counts = list(compiler.shapes.objects(shape, SH.qualifiedMinCount))
    least = _integer(_one(counts, "qualifiedMinCount", shape), "qualifiedMinCount", shape)

    def check(view, focus, values):
        if sum(1 for v in values if view.conforms(qualified, v)) < least:
            yield Hit(SH.QualifiedMinCountConstraintComponent)

    return check


# What a SPARQL-based constraint node may say besides its query (anything else: ShapesError).
_SPARQL_KEYS = frozenset({SH.select, SH.prefixes, SH.message, SH.name, SH.description})


def sparql_check(params: list[Node], shape: Node, compiler) -> Check:
    """sh:sparql: a SELECT query with $this pre-bound; each solution is a violation."""
    return _all([_sparql_constraint(node, shape, compiler) for node in sorted(params, key=str)])


def _sparql_constraint(node: Node, shape: Node, compiler) -> Check:
    sg = compiler.shapes
    unknown = sorted(short(p) for p in sg.predicates(node) if p.startswith(str(SH)) and p not in _SPARQL_KEYS)
    if unknown:
        raise unsupported(node, ", ".join(unknown))
    text = str(_one(list(sg.objects(node, SH.select)), "select", node))
    if "$PATH" in text:
        raise unsupported(node, "$PATH")
    namespaces = {
        str(sg.value(declaration, SH.prefix)): str(sg.value(declaration, SH.namespace))
        for ontology in sg.objects(node, SH.prefixes)
        for declaration in sg.objects(ontology, SH.declare)
    }
    try:
        query = prepareQuery(text, initNs=namespaces)
    except Exception as error:  # noqa: BLE001 - rdflib's parser raises pyparsing and other errors
        why = " ".join(str(error).split())
        raise ShapesError(f"SPARQL constraint {short(node)}: the query does not parse: {why}") from error
    messages = tuple(str(m) for m in sg.objects(node, SH.message))
    default_value = compiler.path_of(shape) is None  # a node shape reports its focus node as the value
    native = shacl_sparql.plan(query) if compiler.native_sparql else None

    def check(view, focus, values):
        try:
            rows = _solutions(view, query, native, focus)
        except Exception as error:  # noqa: BLE001 - rdflib fails on some ill-typed literals
            # pyshacl lets the error escape; a failure to check is reported, and does not conform.
            failure = f"the SPARQL check could not be evaluated ({type(error).__name__}: {error})"
            yield Hit(SH.SPARQLConstraintComponent, focus if default_value else None, messages=(failure,))
            return
        seen = set()
        for bound in rows:
            this, path, value = bound.pop("this", None), bound.pop("path", None), bound.pop("value", None)
            key = (this, path, value, tuple(sorted(bound.items())))
            if (this, path, value) == (None, None, None) or key in seen:
                continue
            seen.add(key)
            value = value if value is not None or not default_value else focus
            names = {**bound, "this": this, "path": path, "value": value}
            text = tuple(_fill(m, names) for m in messages)
            yield Hit(SH.SPARQLConstraintComponent, value, this, path, text)

    return check


def _solutions(view, query, native: shacl_sparql.Plan | None, focus: Node) -> list[dict]:
    """The solutions of a SELECT query with $this bound, as name -> value dicts."""
    if native is not None:
        try:
            return shacl_sparql.run(native, view, {Variable("this"): focus})
        except shacl_sparql.Fallback:
            pass
    # Not list(): its length hint would swallow a TypeError and return no rows.
    return [row.asdict() for row in view.query(query, {"this": focus})]


def _fill(message: str, names: dict) -> str:
    """Replace {?name} and {$name} in a SPARQL constraint's message with the bound values."""
    for name, node in names.items():
        if node is not None:
            message = re.sub("{[?$]%s}" % re.escape(name), lambda _m, n=node: str(n), message)
    return message


def _all(checks: list[Check]) -> Check:
    if len(checks) == 1:
        return checks[0]

    def check(view, focus, values):
        for one in checks:
            yield from one(view, focus, values)

    check.parts = checks  # the engine runs the parts one by one
    return check


def short_name(iri: URIRef) -> str:
    return "sh:" + str(iri).rsplit("#", 1)[-1]
