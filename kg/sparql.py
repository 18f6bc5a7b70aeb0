"""Binding canned-query parameters for SPARQL engines other than rdflib.

rdflib binds parameters with ``initBindings``; Oxigraph and remote SPARQL endpoints get the same
effect from a ``VALUES`` block at the start of the query's WHERE clause, each value written as an
escaped RDF term (never pasted as raw text), so no value can change the query.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from rdflib import Literal, URIRef

from kg.errors import QueryError
from kg.queries import CannedQuery, bindings, load_query


def sparql_term(term: URIRef | Literal) -> str:
    """An IRI or literal in SPARQL syntax, escaped so that no value can change the query."""
    if isinstance(term, URIRef):
        text = str(term)
        if any(c in '<>"{}|^`\\' or ord(c) <= 0x20 for c in text):
            raise QueryError(f"{text!r} cannot be used as an IRI parameter")
        return f"<{text}>"
    if isinstance(term, Literal):
        escaped = "".join(_ESCAPES.get(c, c) for c in str(term))
        if term.language:
            return f'"{escaped}"@{term.language}'
        if term.datatype is not None:
            return f'"{escaped}"^^{sparql_term(URIRef(term.datatype))}'
        return f'"{escaped}"'
    raise QueryError(f"cannot bind {term!r} as a query parameter")


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _braces(text: str):
    """Offset and character of each brace that is not in a comment, a string or an IRI."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            i = text.find("\n", i)
            i = n if i < 0 else i
        elif c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            i = _string_end(text, i + len(quote), quote)
        elif c == "<":
            end = text.find(">", i)
            iri = text[i + 1:end] if end > 0 else " "
            ok = not any(ch in '<"{}|^`\\' or ord(ch) <= 0x20 for ch in iri)
            i = end + 1 if ok else i + 1
        else:
            if c in "{}":
                yield i, c
            i += 1


def _where_brace(text: str) -> int:
    """Offset of the ``{`` opening the query's WHERE clause: the first brace that is not in a
    comment, a string or an IRI."""
    for at, c in _braces(text):
        if c == "{":
            return at
    raise QueryError("the query has no WHERE clause to bind parameters in")


def _string_end(text: str, i: int, quote: str) -> int:
    while i < len(text):
        if text[i] == "\\":
            i += 2
        elif text.startswith(quote, i):
            return i + len(quote)
        else:
            i += 1
    return i


def bind_query_text(text: str, values: Mapping[str, URIRef | Literal]) -> str:
    """The query with each parameter bound by a ``VALUES`` block at the start of its WHERE
    clause (the effect of rdflib's initBindings), values written as escaped RDF terms."""
    if not values:
        return text
    block = " ".join(f"VALUES ?{var} {{ {sparql_term(term)} }}" for var, term in sorted(values.items()))
    at = _where_brace(text) + 1
    return f"{text[:at]}\n  {block}\n{text[at:]}"


def canned_text(name_or_query: str | Path | CannedQuery, params: Mapping[str, object]) -> tuple[CannedQuery, str]:
    """The canned query and its text with ``params`` bound (QueryError for a bad parameter)."""
    query = name_or_query if isinstance(name_or_query, CannedQuery) else load_query(name_or_query)
    return query, bind_query_text(query.text, bindings(query, params))


_ORDER_KEY = r"(?:(?:ASC|DESC)\s*\(\s*[?$]\w+\s*\)|[?$]\w+)"
_ORDER_BY = re.compile(rf"\bORDER\s+BY((?:\s*{_ORDER_KEY})+)\s*$", re.IGNORECASE)
_ORDER_TERM = re.compile(r"(DESC)?\s*\(?\s*[?$](\w+)", re.IGNORECASE)


def split_order_by(text: str) -> tuple[str, list[tuple[str, bool]]] | None:
    """A query ending in ``ORDER BY`` plain variables (``?a DESC(?b)``) as the query without it
    and the (variable, descending) keys, so that the caller can sort the solutions itself;
    None for any other query (no ORDER BY, an expression, LIMIT or OFFSET after it, ...)."""
    closing = [at for at, c in _braces(text) if c == "}"]
    if not closing:
        return None
    tail = "\n".join(line.split("#", 1)[0] for line in text[closing[-1] + 1:].splitlines())
    match = _ORDER_BY.search(tail)
    if match is None or any(c in tail for c in "<\"'"):
        return None
    keys = [(name, bool(desc)) for desc, name in _ORDER_TERM.findall(match.group(1))]
    return text[:closing[-1] + 1] + tail[:match.start()], keys
