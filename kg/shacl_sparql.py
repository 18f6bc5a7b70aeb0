"""Native evaluation of simple SPARQL SELECT queries, for the SPARQL constraints of the shapes.

rdflib parses and translates each ``sh:select`` query once; when its algebra is a projection of
FILTERs and BINDs over one basic graph pattern (predicates, ``p1/p2`` and ``p*`` paths) with
strict expressions (comparisons, ``+``/``-``, STR, STRLEN, STRAFTER, STRBEFORE, SUBSTR), the
compiled validator evaluates it here against its own index of the data graph, calling rdflib's
own operator functions for the expressions, so results match rdflib's without its per-row
overhead. Any other query (``plan`` returns None), or a pattern this evaluator cannot start
from (``Fallback``), goes through rdflib's SPARQL engine instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rdflib.paths import MulPath, SequencePath
from rdflib.plugins.sparql.operators import EBV
from rdflib.plugins.sparql.parserutils import CompValue, Expr
from rdflib.plugins.sparql.sparql import NotBoundError, SPARQLError
from rdflib.term import Literal, Node, URIRef, Variable

# Expressions evaluated natively: strict (an error in an argument is an error of the whole).
_FUNCTIONS = frozenset(
    {"RelationalExpression", "AdditiveExpression", "Builtin_STR", "Builtin_STRLEN", "Builtin_STRAFTER",
     "Builtin_STRBEFORE", "Builtin_SUBSTR"}
)
_COMPARISONS = frozenset({"=", "!=", "<", ">", "<=", ">="})


class Fallback(Exception):
    """The query cannot be evaluated natively with these bindings: use rdflib."""


@dataclass(frozen=True)
class Plan:
    """A SELECT query as: match ``patterns``, apply ``steps`` (filter/extend), project."""

    projection: tuple[Variable, ...]
    steps: tuple[tuple, ...]
    patterns: tuple[tuple, ...]


def plan(query) -> Plan | None:
    """The native plan of a prepared rdflib query, or None if it uses anything else."""
    algebra = query.algebra
    if algebra.name != "SelectQuery" or algebra.datasetClause or algebra.p.name != "Project":
        return None
    projection, node, steps = tuple(algebra.p.PV), algebra.p.p, []
    while isinstance(node, CompValue) and node.name in ("Filter", "Extend"):
        if not _supported_expression(node.expr):
            return None
        compiled = _compile(node.expr)
        steps.append(("filter", compiled) if node.name == "Filter" else ("extend", node.var, compiled))
        node = node.p
    if not isinstance(node, CompValue) or node.name != "BGP":
        return None
    patterns = tuple(node.triples)
    for s, p, o in patterns:
        if not all(isinstance(t, (Variable, URIRef, Literal)) for t in (s, o)) or not _supported_path(p):
            return None
    return Plan(projection, tuple(reversed(steps)), patterns)


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
    rows = []
    for row in _match(list(query_plan.patterns), view, dict(bindings)):
        if all(_apply(step, row) for step in query_plan.steps):
            rows.append({str(v): row[v] for v in query_plan.projection if v in row})
    return rows


def _apply(step: tuple, row: dict) -> bool:
    """Apply a FILTER (False drops the row) or a BIND (an error leaves the variable unbound)."""
    if step[0] == "filter":
        try:
            return EBV(step[1](row))
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


def _compile(expr):
    """A function of a row giving the expression's value, or the SPARQLError it evaluates to
    (as rdflib's Expr.eval does); arguments are evaluated eagerly (the functions are strict)."""
    if isinstance(expr, Variable):
        return lambda row: row[expr] if expr in row else NotBoundError(f"{expr} is not bound")
    if not isinstance(expr, Expr):
        return lambda row: expr
    function = expr._evalfn.__func__
    arguments = [(key, _compile_argument(value)) for key, value in expr.items() if not key.startswith("_")]

    def evaluate(row):
        try:
            return function(_Arguments({key: argument(row) for key, argument in arguments}), None)
        except SPARQLError as error:
            return error

    return evaluate


def _compile_argument(value):
    """Like ``_compile``, but an unbound variable raises (its expression is then an error)."""
    if isinstance(value, Variable):

        def variable(row):
            if value not in row:
                raise NotBoundError(f"{value} is not bound")
            return row[value]

        return variable
    if isinstance(value, list):
        parts = [_compile_argument(v) for v in value]
        return lambda row: [part(row) for part in parts]
    return _compile(value)


def _match(patterns: list, view, row: dict) -> Iterator[dict]:
    """Every extension of ``row`` matching all ``patterns`` (a bound subject or object first)."""
    if not patterns:
        yield row
        return
    index = next((i for i, (s, _, o) in enumerate(patterns) if _bound(s, row) or _bound(o, row)), 0)
    s, p, o = patterns[index]
    rest = patterns[:index] + patterns[index + 1:]
    subject, obj = _term(s, row), _term(o, row)
    for found_s, found_o in _pairs(view, p, subject, obj):
        extended = dict(row)
        if isinstance(s, Variable):
            extended[s] = found_s
        if isinstance(o, Variable):
            if s == o and found_s != found_o:
                continue
            extended[o] = found_o
        yield from _match(rest, view, extended)


def _bound(term, row: dict) -> bool:
    return not isinstance(term, Variable) or term in row


def _term(term, row: dict):
    return row.get(term) if isinstance(term, Variable) else term


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
