"""Native evaluation of simple SPARQL SELECT queries, for the SPARQL constraints of the shapes.

rdflib parses and translates each ``sh:select`` query once; when its algebra is a projection of
FILTERs and BINDs over one basic graph pattern (predicates, ``p1/p2`` and ``p*`` paths) with
strict expressions (comparisons, ``+``/``-``, STR, STRLEN, STRAFTER, STRBEFORE, SUBSTR), the
compiled validator evaluates it here against its own index of the data graph, so results match
rdflib's without its per-row overhead. Expressions over well-typed integer and string literals
(STRLEN, ``+``/``-``, comparisons: what the kg shapes' checks compute) are evaluated natively on
Python values (``Native``, turned into the Literal rdflib would give only when projected or
passed on); any other argument goes to rdflib's own operator function. Any other query
(``plan`` returns None), or a pattern this evaluator cannot start
from (``Fallback``), goes through rdflib's SPARQL engine instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from rdflib.paths import MulPath, SequencePath
from rdflib.plugins.sparql.operators import EBV
from rdflib.plugins.sparql.parserutils import CompValue, Expr
from rdflib.plugins.sparql.sparql import NotBoundError, SPARQLError
from rdflib.namespace import XSD
from rdflib.term import Literal, Node, URIRef, Variable

# Expressions evaluated natively: strict (an error in an argument is an error of the whole).
_FUNCTIONS = frozenset(
    {"RelationalExpression", "AdditiveExpression", "Builtin_STR", "Builtin_STRLEN", "Builtin_STRAFTER",
     "Builtin_STRBEFORE", "Builtin_SUBSTR"}
)
_COMPARISONS = frozenset({"=", "!=", "<", ">", "<=", ">="})


# Integer datatypes, as plain str (rdflib's URIRef hash and equality are slow): rdflib promotes
# every one to xsd:integer in + and -.
_INTEGER_IRIS = frozenset(
    str(XSD) + name
    for name in ("integer", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
                 "negativeInteger", "long", "int", "short", "byte", "unsignedLong", "unsignedInt",
                 "unsignedShort", "unsignedByte")
)
_XSD_STRING, _XSD_INTEGER, _XSD_BOOLEAN = XSD.string, XSD.integer, XSD.boolean


class Native(NamedTuple):
    """An expression's value kept as a Python int, bool or str, standing for the rdflib Literal
    ``Literal(value, datatype=datatype)`` (what rdflib's operator would have returned; a str
    with no datatype is a plain literal)."""

    value: int | bool | str
    datatype: URIRef | None

    def literal(self) -> Literal:
        return Literal(self.value, datatype=self.datatype)


def integer_value(node) -> int | None:
    """The value of a well-typed literal of an XSD integer datatype (or a native integer), else
    None. Compares datatypes as strings: rdflib's URIRef equality and hash are slow. A literal's
    answer is remembered by its identity (the literals of a graph recur: the same cached
    objects in every article); the entry keeps the literal alive, so its id is not reused."""
    if type(node) is Native:
        return node.value if type(node.value) is int else None
    if type(node) is not Literal:
        return None
    found = _INTEGERS.get(id(node))
    if found is not None and found[0] is node:
        return found[1]
    if len(_INTEGERS) >= _INTEGERS_LIMIT:
        _INTEGERS.clear()
    value = _integer_of(node)
    _INTEGERS[id(node)] = (node, value)
    return value


def _integer_of(node: Literal) -> int | None:
    if type(node.value) is not int:
        return None
    datatype = node.datatype
    if datatype is None or str(datatype) not in _INTEGER_IRIS:
        return None
    return None if node.ill_typed else node.value


# id of a literal -> (the literal, its integer_value); emptied once it holds this many
_INTEGERS: dict[int, tuple[Literal, int | None]] = {}
_INTEGERS_LIMIT = 20_000


class Fallback(Exception):
    """The query cannot be evaluated natively with these bindings: use rdflib."""


@dataclass(frozen=True)
class Plan:
    """A SELECT query as: match ``patterns``, apply ``steps`` (filter/extend), project."""

    projection: tuple[Variable, ...]
    steps: tuple[tuple, ...]
    patterns: tuple[tuple, ...]
    # name -> the one Variable object the plan uses: rows are dicts keyed by Variables, and a
    # lookup with the very object never calls rdflib's (Python-level) term equality.
    variables: dict = field(default_factory=dict, compare=False)
    # The bound variables at the start -> the patterns in the order they are matched.
    orders: dict = field(default_factory=dict, compare=False)

    def order(self, bound) -> tuple[tuple, ...]:
        """The patterns, each next one with a bound subject or object when there is one (as
        matching binds both ends of a pattern, the order only depends on what starts bound)."""
        key = frozenset(bound)
        if key not in self.orders:
            todo, order, known = list(self.patterns), [], set(key)
            while todo:
                index = next((i for i, (s, _, o) in enumerate(todo) if _bound(s, known) or _bound(o, known)), 0)
                s, p, o = todo.pop(index)
                order.append((s, p, o, isinstance(s, Variable), isinstance(o, Variable)))
                known.update(t for t in (s, o) if isinstance(t, Variable))
            self.orders[key] = tuple(order)
        return self.orders[key]


def plan(query) -> Plan | None:
    """The native plan of a prepared rdflib query, or None if it uses anything else."""
    algebra = query.algebra
    if algebra.name != "SelectQuery" or algebra.datasetClause or algebra.p.name != "Project":
        return None
    variables: dict[str, Variable] = {}

    def canon(term):
        return variables.setdefault(str(term), term) if isinstance(term, Variable) else term

    projection, node, steps = tuple(canon(v) for v in algebra.p.PV), algebra.p.p, []
    while isinstance(node, CompValue) and node.name in ("Filter", "Extend"):
        if not _supported_expression(node.expr):
            return None
        compiled = _compile(node.expr, canon)
        steps.append(("filter", compiled) if node.name == "Filter" else ("extend", canon(node.var), compiled))
        node = node.p
    if not isinstance(node, CompValue) or node.name != "BGP":
        return None
    patterns = tuple((canon(s), p, canon(o)) for s, p, o in node.triples)
    for s, p, o in patterns:
        if not all(isinstance(t, (Variable, URIRef, Literal)) for t in (s, o)) or not _supported_path(p):
            return None
    return Plan(projection, tuple(reversed(steps)), patterns, variables)


def _supported_expression(expr) -> bool:
    if isinstance(expr, (Variable, URIRef, Literal)):
        return True
    if isinstance(expr, list):
        return all(_supported_expression(e) for e in expr)
    if not isinstance(expr, Expr) or expr.name not in _FUNCTIONS:
        return False
    if expr.name == "RelationalExpression" and expr.get("op") not in _COMPARISONS:
        return False
    return all(_supported_expression(v) for k, v in expr.items() if not k.startswith("_") and k != "op")


def _supported_path(path) -> bool:
    if isinstance(path, URIRef):
        return True
    if isinstance(path, SequencePath):
        return all(_supported_path(p) for p in path.args)
    return isinstance(path, MulPath) and path.mod == "*" and _supported_path(path.path)


def run(query_plan: Plan, view, bindings: dict[Variable, Node]) -> list[dict[str, Node]]:
    """The solutions of the plan over ``view`` (kg.shacl_engine's index), as name -> value."""
    rows, names, steps = [], query_plan.variables, query_plan.steps
    start = {names.get(str(name), name): value for name, value in bindings.items()}
    for row in _matches(query_plan.order(start), view, start):
        for step in steps:
            if not _apply(step, row):
                break
        else:
            rows.append({str(v): _node(row[v]) for v in query_plan.projection if v in row})
    return rows


def _apply(step: tuple, row: dict) -> bool:
    """Apply a FILTER (False drops the row) or a BIND (an error leaves the variable unbound)."""
    if step[0] == "filter":
        value = step[1](row)
        if type(value) is Native:
            return bool(value.value)
        try:
            return EBV(value)
        except SPARQLError:
            return False
    value = step[2](row)
    if not isinstance(value, SPARQLError):
        row[step[1]] = value
    return True


class _Arguments(dict):
    """An expression's evaluated arguments, read as attributes the way rdflib's operators do."""

    def __getattr__(self, name):
        return self.get(name)


def _compile(expr, canon=lambda term: term):
    """A function of a row giving the expression's value, or the SPARQLError it evaluates to
    (as rdflib's Expr.eval does); arguments are evaluated eagerly (the functions are strict)."""
    if isinstance(expr, Variable):
        expr = canon(expr)
        return lambda row: row[expr] if expr in row else NotBoundError(f"{expr} is not bound")
    if not isinstance(expr, Expr):
        return lambda row: expr
    function = expr._evalfn.__func__
    arguments = [(key, _compile_argument(value, canon))
                 for key, value in expr.items() if not key.startswith("_")]
    native = _NATIVE.get(expr.name)

    def evaluate(row):
        try:
            values = {key: argument(row) for key, argument in arguments}
            if native is not None:
                value = native(values)
                if value is not None:
                    return value
            return function(_Arguments({key: _node(v) for key, v in values.items()}), None)
        except SPARQLError as error:
            return error

    return evaluate


def _node(value):
    """A value as rdflib sees it: a Native becomes its Literal (lists item by item)."""
    if type(value) is Native:
        return value.literal()
    if type(value) is list:
        return [_node(v) for v in value]
    return value


def _strlen(args: dict) -> Native | None:
    """STRLEN of a plain or xsd:string literal (rdflib: ``Literal(len(string(arg)))``)."""
    text = args.get("arg")
    if type(text) is Literal and (text.datatype is None or text.datatype == _XSD_STRING):
        return Native(len(text), _XSD_INTEGER)
    plain = _plain(text)
    return None if plain is None else Native(len(plain), _XSD_INTEGER)


def _plain(node) -> str | None:
    """The text of a plain literal (no datatype, no language) or of a native one, else None."""
    kind = type(node)
    if kind is Native:
        return node.value if node.datatype is None else None
    if kind is Literal and node.datatype is None and node.language is None:
        return str(node)
    return None


def _str(args: dict) -> Native | None:
    """STR of an IRI or a literal: its text as a plain literal (rdflib: ``Literal(str(arg))``)."""
    arg = args.get("arg")
    return Native(str(arg), None) if type(arg) in (URIRef, Literal) else None


def _strafter(args: dict) -> Native | None:
    """STRAFTER of two plain literals: what follows the first match, else "" (as rdflib)."""
    text, mark = _plain(args.get("arg1")), _plain(args.get("arg2"))
    if text is None or mark is None:
        return None
    i = text.find(mark)
    return Native("" if i == -1 else text[i + len(mark):], None)


def _substr(args: dict) -> Native | None:
    """SUBSTR of a plain literal with integer bounds, sliced as rdflib slices it."""
    text, start = _plain(args.get("arg")), integer_value(args.get("start"))
    length = args.get("length")
    if text is None or start is None:
        return None
    start -= 1
    if length is not None:
        length = integer_value(length)
        if length is None:
            return None
        length += start
    return Native(text[start:length], None)


def _additive(args: dict):
    """``a + b - c`` over integers: an xsd:integer, as rdflib's type promotion gives."""
    first, others = args.get("expr"), args.get("other")
    if others is None:
        return first
    total = integer_value(first)
    if total is None:
        return None
    for op, term in zip(args.get("op"), others):
        value = integer_value(term)
        if value is None:
            return None
        total = total + value if op == "+" else total - value
    return Native(total, _XSD_INTEGER)


_ORDER = {"=": lambda a, b: a == b, "!=": lambda a, b: a != b, "<": lambda a, b: a < b,
          ">": lambda a, b: a > b, "<=": lambda a, b: a <= b, ">=": lambda a, b: a >= b}


def _relational(args: dict):
    """A comparison of two integers (rdflib compares numeric literals by value), or (in)equality
    of two plain literals (rdflib compares their text)."""
    left, right = args.get("expr"), args.get("other")
    if right is None:
        return left
    op = args.get("op")
    compare = _ORDER.get(op)
    if compare is None:
        return None
    left_int, right_int = integer_value(left), integer_value(right)
    if left_int is not None and right_int is not None:
        return Native(compare(left_int, right_int), _XSD_BOOLEAN)
    if op == "=" or op == "!=":  # two plain literals: rdflib compares their text
        left_text, right_text = _plain(left), _plain(right)
        if left_text is not None and right_text is not None:
            return Native(compare(left_text, right_text), _XSD_BOOLEAN)
    return None


# Expressions with a native fast path; it returns None to leave the arguments to rdflib.
_NATIVE = {"Builtin_STRLEN": _strlen, "AdditiveExpression": _additive,
           "RelationalExpression": _relational, "Builtin_STR": _str, "Builtin_STRAFTER": _strafter,
           "Builtin_SUBSTR": _substr}


def _compile_argument(value, canon):
    """Like ``_compile``, but an unbound variable raises (its expression is then an error)."""
    if isinstance(value, Variable):
        value = canon(value)

        def variable(row):
            if value not in row:
                raise NotBoundError(f"{value} is not bound")
            return row[value]

        return variable
    if isinstance(value, list):
        parts = [_compile_argument(v, canon) for v in value]
        return lambda row: [part(row) for part in parts]
    return _compile(value, canon)


def _matches(order: tuple, view, start: dict) -> list[dict]:
    """Every extension of ``start`` matching the patterns of ``order`` (see ``Plan.order``), in
    the order a depth-first match gives them: pattern by pattern, row by row."""
    rows = [start]
    for s, p, o, s_variable, o_variable in order:
        extended = []
        for row in rows:
            subject = row.get(s) if s_variable else s
            obj = row.get(o) if o_variable else o
            if obj is None and subject is not None and type(p) is URIRef:  # the common step
                for found_o in view.values(subject, p):
                    new = dict(row)
                    new[o] = found_o
                    extended.append(new)
                continue
            for found_s, found_o in _pairs(view, p, subject, obj):
                if o_variable and s is o and found_s != found_o:  # one variable (plan() makes each name one object)
                    continue
                new = dict(row)
                if s_variable:
                    new[s] = found_s
                if o_variable:
                    new[o] = found_o
                extended.append(new)
        rows = extended
        if not rows:
            break
    return rows


def _bound(term, known) -> bool:
    return not isinstance(term, Variable) or term in known


def _pairs(view, path, s, o) -> Iterator[tuple]:
    """(subject, object) pairs linked by ``path``; ``s``/``o`` None when unbound."""
    if isinstance(path, URIRef):
        if s is not None:
            yield from ((s, v) for v in view.values(s, path) if o is None or v == o)
        elif o is not None:
            yield from ((x, o) for x in view.subjects(path, o))
        else:
            yield from view.pairs(path)
    elif isinstance(path, SequencePath):
        yield from _sequence(view, path.args, s, o)
    else:
        yield from _zero_or_more(view, path.path, s, o)


def _sequence(view, steps: list, s, o) -> Iterator[tuple]:
    if len(steps) == 1:
        yield from _pairs(view, steps[0], s, o)
    elif s is not None or o is None:
        for start, middle in _pairs(view, steps[0], s, None):
            yield from ((start, end) for _, end in _sequence(view, steps[1:], middle, o))
    else:
        for middle, end in _sequence(view, steps[1:], None, o):
            yield from ((start, end) for start, _ in _pairs(view, steps[0], None, middle))


def _zero_or_more(view, path, s, o) -> Iterator[tuple]:
    """``path*``: every node reachable in zero or more steps, each once."""
    if s is None and o is None:
        raise Fallback("path* with both ends unbound")
    forward = s is not None
    seen, todo = {s if forward else o}, [s if forward else o]
    while todo:
        node = todo.pop()
        for x, y in _pairs(view, path, node if forward else None, None if forward else node):
            reached = y if forward else x
            if reached not in seen:
                seen.add(reached)
                todo.append(reached)
    if forward:
        yield from ((s, n) for n in seen if o is None or n == o)
    else:
        yield from ((n, o) for n in seen)
