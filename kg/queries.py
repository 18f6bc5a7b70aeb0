"""Canned SPARQL queries (``queries/*.rq``): list, load, run and format them.

Each ``.rq`` file holds one SELECT query whose leading comment block declares it::

    # name: statements
    # purpose: Every quoted statement with its speaker, stance and where it was found.
    # params: speaker (optional, string: label or alias of the speaker)
    # columns: statement, speaker, text, stance, article, start, end

A parameter ``speaker`` is bound to the query variable ``?speaker_param`` through rdflib's
``initBindings`` (never pasted into the query text); an optional parameter left out stays
unbound, and the query treats an unbound variable as "no filter". ``params: none`` declares no
parameter. The queries read the union of an RDF dataset's named graphs.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.plugins.sparql import CUSTOM_EVALS
from rdflib.plugins.sparql.evaluate import evalPart
from rdflib.query import Result

from kg.errors import OutputError, QueryError
from kg.resources import resource_dir

PARAM_SUFFIX = "_param"
_HEADER = re.compile(r"^#\s*(name|purpose|params|columns)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"([A-Za-z_][\w-]*)\s*\(\s*(required|optional)\s*(?:,\s*([^)]*))?\)")
_IRI = re.compile(r"^(?:https?://|urn:)\S+$")

Row = dict[str, "str | None"]


@dataclass(frozen=True)
class Param:
    """A parameter a canned query declares."""

    name: str
    required: bool
    description: str = ""

    @property
    def variable(self) -> str:
        """The query variable the value is bound to (``speaker`` -> ``speaker_param``)."""
        return self.name.replace("-", "_") + PARAM_SUFFIX


@dataclass(frozen=True)
class CannedQuery:
    """One ``.rq`` file: its SPARQL text and what its header declares."""

    name: str
    path: Path
    text: str
    purpose: str = ""
    params: tuple[Param, ...] = ()
    columns: tuple[str, ...] = ()

    def param(self, name: str) -> Param | None:
        """The declared parameter ``name`` (``-`` and ``_`` are the same), or None."""
        wanted = name.replace("-", "_")
        return next((p for p in self.params if p.name.replace("-", "_") == wanted), None)


def parse_header(text: str) -> dict[str, str]:
    """The ``# key: value`` lines of the leading comment block (repeated keys are joined)."""
    header: dict[str, str] = {}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        match = _HEADER.match(stripped)
        if match:
            key, value = match.groups()
            header[key] = f"{header[key]} {value}".strip() if key in header else value
    return header


def parse_params(spec: str) -> tuple[Param, ...]:
    """``speaker (optional, string: ...)`` entries of a ``params:`` line; ``none`` is empty."""
    if spec.strip().lower() in ("", "none", "-"):
        return ()
    params = tuple(
        Param(name, kind == "required", (description or "").strip())
        for name, kind, description in _PARAM.findall(spec)
    )
    if not params:
        expected = "name (required|optional, description)"
        raise QueryError(f"cannot read the params line {spec!r}: expected {expected!r}")
    return params


def read_query(path: Path) -> CannedQuery:
    """Load one ``.rq`` file; QueryError if it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"cannot read query file {path}: {exc}") from exc
    header = parse_header(text)
    columns = tuple(c.strip() for c in header.get("columns", "").split(",") if c.strip())
    return CannedQuery(
        name=header.get("name") or path.stem,
        path=path,
        text=text,
        purpose=header.get("purpose", ""),
        params=parse_params(header.get("params", "")),
        columns=columns,
    )


def list_queries() -> list[CannedQuery]:
    """Every canned query shipped in ``queries/``, sorted by name."""
    folder = resource_dir("queries")
    return sorted((read_query(p) for p in folder.glob("*.rq")), key=lambda q: q.name)


def load_query(name_or_path: str | Path) -> CannedQuery:
    """A canned query by name (``statements``), or any ``.rq`` file by path."""
    candidate = Path(name_or_path)
    text = str(name_or_path)
    if isinstance(name_or_path, Path) or text.endswith(".rq") or "/" in text or os.sep in text:
        if not candidate.is_file():
            raise QueryError(f"query file {candidate} does not exist")
        return read_query(candidate)
    queries = list_queries()
    for query in queries:
        if query.name == text:
            return query
    known = ", ".join(q.name for q in queries)
    raise QueryError(f"unknown query {text!r}; known queries: {known}")


def bind_value(value: object) -> URIRef | Literal:
    """A parameter value as an RDF term: an IRI-looking string is a URIRef, anything else a
    plain string Literal (RDF terms are passed through)."""
    if isinstance(value, (URIRef, Literal)):
        return value
    text = str(value)
    return URIRef(text) if _IRI.match(text) else Literal(text)


def bindings(query: CannedQuery, params: Mapping[str, object]) -> dict[str, URIRef | Literal]:
    """initBindings for ``params``; QueryError for an unknown or a missing required one."""
    result: dict[str, URIRef | Literal] = {}
    for name, value in sorted(params.items()):
        param = query.param(name)
        if param is None:
            declared = ", ".join(p.name for p in query.params) or "none"
            raise QueryError(f"query {query.name!r} has no parameter {name!r} (parameters: {declared})")
        if value is not None:
            result[param.variable] = bind_value(value)
    for param in query.params:
        if param.required and param.variable not in result:
            raise QueryError(f"query {query.name!r} needs the parameter {param.name!r} ({param.description})")
    return result


def union_view(graph: Graph) -> Graph:
    """The graph to query: a Dataset/ConjunctiveGraph seen as the union of its graphs."""
    if getattr(graph, "default_union", None) is False:  # a Dataset that hides its named graphs
        return Dataset(store=graph.store, default_union=True)
    return graph


def term_text(term: object) -> str | None:
    """A result value as a string (the lexical form of a literal); unbound is None."""
    return None if term is None else str(term)


def run_query(graph: Graph, name_or_query: str | Path | CannedQuery, **params: object) -> list[Row]:
    """Run a canned query (a name, a ``.rq`` path or a CannedQuery) on ``graph``.

    Returns one dict per row, keyed by the declared columns in order (the SELECT variables
    when the file declares none); values are strings, unbound values None.
    """
    query = name_or_query if isinstance(name_or_query, CannedQuery) else load_query(name_or_query)
    init = bindings(query, params)
    try:
        with hash_joins():  # rdflib evaluates lazily: the rows are read inside
            result: Result = union_view(graph).query(query.text, initBindings=init)
            solutions = list(_row_dicts(result)) if result.type == "SELECT" else []
    except Exception as exc:  # rdflib raises pyparsing and assorted evaluation errors
        raise QueryError(f"query {query.name!r} failed: {type(exc).__name__}: {exc}") from exc
    if result.type != "SELECT":
        raise QueryError(f"query {query.name!r} is a {result.type} query; only SELECT queries can be run")
    columns = list(query.columns) or [str(v) for v in result.vars or ()]
    return [{c: term_text(row.get(c)) for c in columns} for row in solutions]


def _row_dicts(result: Result):
    for row in result:
        yield row.asdict()


# ---------------------------------------------------------------- rdflib: hash joins

_HASH_JOIN = "kg-hash-join"


@contextmanager
def hash_joins() -> Iterator[None]:
    """While open, rdflib evaluates the joins it cannot do lazily (a side holding another join,
    as two joined sub-selects do) through a hash instead of comparing every solution of one side
    with every solution of the other: the same solutions in the same order, in linear time."""
    if _HASH_JOIN in CUSTOM_EVALS:  # a query already running has it on
        yield
        return
    CUSTOM_EVALS[_HASH_JOIN] = _hash_join
    try:
        yield
    finally:
        CUSTOM_EVALS.pop(_HASH_JOIN, None)


def _hash_join(ctx, part):
    """rdflib's non-lazy join (``evalJoin``: every left solution against the set of right ones)
    with the right solutions indexed on the variables they all bind."""
    if part.name != "Join" or part.lazy:
        raise NotImplementedError  # rdflib evaluates the part itself
    return _joined(evalPart(ctx, part.p1), list(set(evalPart(ctx, part.p2))))


def _joined(left: Iterable, right: list) -> Iterator:
    """The compatible merges of ``left`` x ``right``, in rdflib's order. A right solution can
    only be compatible with a left one that binds a variable every right solution binds if both
    bind it to the same term, so each left solution is compared with that bucket only."""
    shared = sorted(set.intersection(*(set(row) for row in right)) if right else (), key=str)
    indexes: dict[tuple, dict[tuple, list]] = {}
    for row in left:
        own = set(row)  # the variables this solution binds (not the query's initial bindings)
        keys = tuple(v for v in shared if v in own)
        index = indexes.get(keys)
        if index is None:
            index = indexes[keys] = {}
            for other in right:
                index.setdefault(tuple(other[v] for v in keys), []).append(other)
        for other in index.get(tuple(row[v] for v in keys), ()):
            if row.compatible(other):
                yield row.merge(other)


def format_table(rows: Sequence[Row], columns: Sequence[str]) -> str:
    """Aligned plain text: a header, a rule and one line per row (unbound cells are blank)."""
    cells = [[_one_line(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in cells]
    return "\n".join(lines) + "\n"


def format_csv(rows: Sequence[Row], columns: Sequence[str]) -> str:
    """CSV with a header row; unbound cells are empty."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else row.get(c) for c in columns])
    return out.getvalue()


def format_json(rows: Sequence[Row], columns: Sequence[str]) -> str:
    """A JSON array of objects keyed by column; unbound values are null."""
    objects = [{c: row.get(c) for c in columns} for row in rows]
    return json.dumps(objects, ensure_ascii=False, indent=2) + "\n"


def _one_line(value: str | None) -> str:
    return "" if value is None else " ".join(value.split())


FORMATTERS: dict[str, Callable[[Sequence[Row], Sequence[str]], str]] = {
    "table": format_table,
    "csv": format_csv,
    "json": format_json,
}


def format_rows(rows: Sequence[Row], columns: Sequence[str], fmt: str = "table") -> str:
    """Render rows as ``table``, ``csv`` or ``json`` (see ``FORMATTERS``).

    With no ``columns`` (a ``.rq`` file that declares none) the keys of the first row are used.
    """
    columns = list(columns) or (list(rows[0]) if rows else [])
    try:
        formatter = FORMATTERS[fmt]
    except KeyError:
        raise OutputError(f"unknown output format {fmt!r}; choose one of: {', '.join(FORMATTERS)}") from None
    return formatter(rows, columns)
