"""Remote triple stores over the standard protocols.

- Loading: the SPARQL 1.1 Graph Store HTTP Protocol. Each named graph of the input (one per
  article, as ``kg build`` writes quad files) and the reference graph is sent with
  ``PUT <endpoint>?graph=<IRI>``, which replaces the graph: loading twice leaves the same store.
- Querying: the SPARQL 1.1 Protocol (``POST`` of the query, JSON results). The default graph of
  a canned query is the set of article graphs (``default-graph-uri``), so the reference graph and
  the server's own graphs stay out of it, and identical rows (a server may count a triple once
  per graph) are returned once: canned rows are keyed by the fact or actor they describe.

Credentials come from ``auth_env`` (the name of an environment variable holding
``user:password``) or from ``~/.netrc`` (``$NETRC``), never from the command line; HTTP Basic
and Digest challenges are answered. Every failure is one line naming what was and was not loaded.
"""

from __future__ import annotations

import hashlib
import json
import netrc
import os
import re
import secrets
import socket
import urllib.error
import urllib.parse
import urllib.request
from base64 import b64encode
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import XSD

from kg.errors import QueryError, RemoteError
from kg.namespace import KG, KGR
from kg.queries import CannedQuery, Row
from kg.sparql import canned_text
from kg.store import REFERENCE_GRAPH, NamedGraph, read_graph_file, reference_triples

DEFAULT_TIMEOUT = 30.0
EMPTY_GRAPH = str(KGR["graph/empty"])  # the default graph of a query when there are no articles
RESULTS_JSON = "application/sparql-results+json"
_CHALLENGE_PARAM = re.compile(r'(\w+)\s*=\s*("(?:[^"\\]|\\.)*"|[^,\s]+)')


# ---------------------------------------------------------------- credentials


def credentials(url: str, auth_env: str | None = None) -> tuple[str, str] | None:
    """``(user, password)`` from the environment variable ``auth_env``, else from the netrc
    entry of the URL's host, else None."""
    if auth_env:
        value = os.environ.get(auth_env)
        if value is None:
            raise RemoteError(f"--auth-env {auth_env}: the environment variable is not set")
        user, sep, password = value.partition(":")
        if not sep or not user:
            raise RemoteError(f"--auth-env {auth_env}: the variable must hold user:password")
        return user, password
    path = Path(os.environ.get("NETRC") or Path.home() / ".netrc")
    if not path.is_file():
        return None
    try:
        entry = netrc.netrc(str(path)).authenticators(urllib.parse.urlsplit(url).hostname or "")
    except (netrc.NetrcParseError, OSError) as err:
        raise RemoteError(f"{path}: cannot read the netrc file: {err}") from None
    return (entry[0], entry[2] or "") if entry and entry[0] else None


def check_url(url: str) -> str:
    """An http(s) URL without credentials in it (they belong in --auth-env or netrc)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RemoteError(f"{url}: not an http or https URL")
    if parts.username or parts.password:
        raise RemoteError("put credentials in --auth-env VAR or ~/.netrc, not in the endpoint URL")
    return url


# ---------------------------------------------------------------- HTTP with Basic and Digest


@dataclass
class Response:
    status: int
    reason: str
    headers: Mapping[str, str]
    body: bytes

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    def detail(self) -> str:
        """The body as one short line of text (tags dropped), for an error message."""
        text = re.sub(r"<[^>]*>", " ", self.body[:4000].decode("utf-8", "replace"))
        text = " ".join(text.split())
        return text[:200] + ("..." if len(text) > 200 else "")


class Http:
    """A small HTTP client: a timeout, and one answer to a Basic or Digest challenge."""

    def __init__(self, login: tuple[str, str] | None = None, timeout: float = DEFAULT_TIMEOUT):
        self.login = login
        self.timeout = timeout

    def request(self, method: str, url: str, body: bytes | None = None, headers: Mapping[str, str] = {}) -> Response:
        response = self._send(method, url, body, dict(headers))
        if response.status == 401 and self.login:
            challenge = response.headers.get("WWW-Authenticate", "")
            authorization = self._authorization(challenge, method, url)
            if authorization:
                response = self._send(method, url, body, {**headers, "Authorization": authorization})
        return response

    def _authorization(self, challenge: str, method: str, url: str) -> str | None:
        scheme = challenge.split(None, 1)[0].lower() if challenge.strip() else ""
        user, password = self.login
        if scheme == "basic":
            return "Basic " + b64encode(f"{user}:{password}".encode()).decode("ascii")
        if scheme == "digest":
            return digest_authorization(challenge, method, url, user, password)
        return None

    def _send(self, method: str, url: str, body: bytes | None, headers: dict[str, str]) -> Response:
        request = urllib.request.Request(url, data=body, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                return Response(answer.status, answer.reason, answer.headers, answer.read())
        except urllib.error.HTTPError as err:
            with err:
                return Response(err.code, str(err.reason), err.headers, err.read() or b"")
        except urllib.error.URLError as err:
            raise RemoteError(_network_problem(err.reason, self.timeout)) from None
        except (OSError, ValueError) as err:  # timeouts and resets while reading, bad URLs
            raise RemoteError(_network_problem(err, self.timeout)) from None


def _network_problem(reason: object, timeout: float) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"no answer within {timeout:g} s"
    if isinstance(reason, socket.gaierror):
        return "unknown host"
    if isinstance(reason, OSError):
        return reason.strerror or str(reason) or type(reason).__name__
    return str(reason)


def digest_authorization(
    challenge: str, method: str, url: str, user: str, password: str, cnonce: str | None = None
) -> str:
    """The ``Authorization`` header answering an HTTP Digest challenge (RFC 7616, qop=auth)."""
    params = {k.lower(): v.strip('"') for k, v in _CHALLENGE_PARAM.findall(challenge.split(None, 1)[1])}
    algorithm = params.get("algorithm", "MD5")
    hash_name = "sha256" if algorithm.upper().startswith("SHA-256") else "md5"

    def h(text: str) -> str:
        return hashlib.new(hash_name, text.encode("utf-8")).hexdigest()

    parts = urllib.parse.urlsplit(url)
    uri = parts.path + (f"?{parts.query}" if parts.query else "")
    realm, nonce = params.get("realm", ""), params.get("nonce", "")
    cnonce, count = cnonce or secrets.token_hex(8), "00000001"
    ha1 = h(f"{user}:{realm}:{password}")
    if algorithm.lower().endswith("-sess"):
        ha1 = h(f"{ha1}:{nonce}:{cnonce}")
    ha2 = h(f"{method}:{uri}")
    qops = [q.strip() for q in params.get("qop", "").split(",") if q.strip()]
    fields = {"username": user, "realm": realm, "nonce": nonce, "uri": uri}
    if "auth" in qops:
        fields["response"] = h(f"{ha1}:{nonce}:{count}:{cnonce}:auth:{ha2}")
        fields.update(cnonce=cnonce)
    else:
        fields["response"] = h(f"{ha1}:{nonce}:{ha2}")
    if "opaque" in params:
        fields["opaque"] = params["opaque"]
    quoted = ", ".join(f'{k}="{v}"' for k, v in fields.items())
    extra = f", algorithm={algorithm}" + (f", qop=auth, nc={count}" if "auth" in qops else "")
    return f"Digest {quoted}{extra}"


def http_problem(response: Response, url: str) -> str:
    """What an unsuccessful answer means, in a few words."""
    head = f"HTTP {response.status} {response.reason}".rstrip()
    hints = {
        401: "credentials missing or refused (use --auth-env VAR or ~/.netrc)",
        403: "the user may not do this",
        404: f"nothing at {url}: check the endpoint URL",
    }
    hint = hints.get(response.status) or response.detail()
    return f"{head}: {hint}" if hint else head


# ---------------------------------------------------------------- Graph Store Protocol


@dataclass
class RemoteLoadStats:
    """What a remote load did."""

    graphs: list[str] = field(default_factory=list)  # labels of the graphs written
    triples: int = 0

    def summary(self) -> str:
        return f"{len(self.graphs)} graphs, {self.triples} triples"


def graph_url(endpoint: str, graph: str) -> str:
    """The Graph Store Protocol URL of a named graph (indirect identification: ``?graph=``)."""
    separator = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    return endpoint + separator + urllib.parse.urlencode({"graph": graph})


def reference_graph() -> NamedGraph:
    return NamedGraph(REFERENCE_GRAPH, reference_triples(), "kg", [])


def load(
    endpoint: str,
    paths: Iterable[str | Path],
    *,
    auth_env: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> RemoteLoadStats:
    """PUT every graph of the RDF files, then the reference graph, to a Graph Store endpoint.

    Every file is read before anything is sent. On a failure raises RemoteError naming the
    graphs that were loaded and those that were not.
    """
    check_url(endpoint)
    graphs = [g for path in paths for g in read_graph_file(path)] + [reference_graph()]
    client = Http(credentials(endpoint, auth_env), timeout)
    stats = RemoteLoadStats()
    for index, graph in enumerate(graphs):
        body = ox.serialize(graph.triples, format=ox.RdfFormat.N_TRIPLES)
        url = graph_url(endpoint, graph.name)
        headers = {"Content-Type": "text/turtle; charset=utf-8"}  # N-Triples is Turtle
        try:
            response = client.request("PUT", url, body, headers)
            problem = None if response.ok else http_problem(response, endpoint)
        except RemoteError as err:
            problem = str(err)
        if problem:
            raise RemoteError(_partial_load(endpoint, graph, problem, graphs[:index], graphs[index:]))
        stats.graphs.append(_label(graph))
        stats.triples += len(graph.triples)
    return stats


def _label(graph: NamedGraph) -> str:
    return "the reference graph" if graph.name == REFERENCE_GRAPH else graph.label


def _partial_load(endpoint: str, graph: NamedGraph, problem: str, done, todo) -> str:
    def names(graphs) -> str:
        labels = [_label(g) for g in graphs]
        shown = "; ".join(labels[:4]) + (f"; and {len(labels) - 4} more" if len(labels) > 4 else "")
        return f"{len(labels)} graph(s) ({shown})" if labels else "none"

    return (
        f"loading {_label(graph)} into {endpoint} failed: {problem}. "
        f"Loaded: {names(done)}. Not loaded: {names(todo)}."
    )


# ---------------------------------------------------------------- SPARQL Protocol


class Endpoint:
    """A SPARQL 1.1 Protocol query endpoint."""

    def __init__(self, url: str, *, auth_env: str | None = None, timeout: float = DEFAULT_TIMEOUT):
        self.url = check_url(url)
        self.http = Http(credentials(url, auth_env), timeout)

    def bindings(self, text: str, default_graphs: Iterable[str] = ()) -> tuple[list[str], list[dict]]:
        """Run a SELECT query; its variables and its rows of SPARQL JSON bindings."""
        form = [("query", text)] + [("default-graph-uri", g) for g in default_graphs]
        body = urllib.parse.urlencode(form).encode("ascii")
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": RESULTS_JSON}
        try:
            response = self.http.request("POST", self.url, body, headers)
        except RemoteError as err:
            raise RemoteError(f"query to {self.url} failed: {err}") from None
        if not response.ok:
            raise RemoteError(f"query to {self.url} failed: {http_problem(response, self.url)}")
        try:
            data = json.loads(response.body)
            variables, rows = list(data["head"]["vars"]), list(data["results"]["bindings"])
        except (ValueError, KeyError, TypeError):
            kind = response.headers.get("Content-Type", "unknown content")
            raise RemoteError(f"{self.url} did not answer with SPARQL JSON results (got {kind})") from None
        return variables, rows

    def select(self, text: str, default_graphs: Iterable[str] = ()) -> list[dict[str, str | None]]:
        """Run a SELECT query; values as strings, None when unbound."""
        variables, rows = self.bindings(text, default_graphs)
        return [{v: (row.get(v) or {}).get("value") for v in variables} for row in rows]

    def article_graphs(self) -> list[str]:
        """The named graphs that hold a kg:Article, sorted."""
        rows = self.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?a a <{KG.Article}> }} }}")
        return sorted(row["g"] for row in rows if row["g"])

    def query(self, name_or_query: str | Path | CannedQuery, **params: object) -> list[Row]:
        """Run a canned query over the article graphs, like ``kg.queries.run_query``.

        Identical rows are returned once, in the order the query's ORDER BY asks for (sorted
        here again: Virtuoso 7.2 ignores ORDER BY on aggregates).
        """
        query, text = canned_text(name_or_query, params)
        graphs = self.article_graphs() or [EMPTY_GRAPH]
        try:
            variables, rows = self.bindings(text, graphs)
        except RemoteError as err:
            raise QueryError(f"query {query.name!r}: {err}") from None
        columns = list(query.columns) or variables
        unique = distinct_rows([{c: row.get(c) for c in columns} for row in rows])
        return [{c: (row[c] or {}).get("value") for c in columns} for row in sort_rows(unique, text)]


def distinct_rows(rows: list[dict]) -> list[dict]:
    """The rows without repeats, in order (values compared as their JSON text)."""
    seen: set[str] = set()
    unique = []
    for row in rows:
        key = json.dumps(row, sort_keys=True)
        if key not in seen:
            seen.add(key)
            unique.append(row)
    return unique


_ORDER_BY = re.compile(r"\bORDER\s+BY\b(.*)$", re.I | re.S)
_ORDER_KEY = re.compile(r"\s*(?:(ASC|DESC)\s*\(\s*\?(\w+)\s*\)|\?(\w+))", re.I)
_NUMERIC = {str(XSD[t]) for t in ("integer", "decimal", "double", "float", "int", "long", "short", "byte",
            "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger",
            "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}


def order_keys(text: str) -> list[tuple[str, bool]]:
    """``(variable, descending)`` of a final ``ORDER BY`` made of variables, ``ASC(?v)`` and
    ``DESC(?v)`` only (anything else, or a LIMIT/OFFSET, gives [])."""
    tail = re.sub(r"#[^\n]*", "", text[text.rfind("}") + 1:])
    match = _ORDER_BY.search(tail)
    if not match:
        return []
    keys, spec, at = [], match.group(1).rstrip(), 0
    while at < len(spec):
        key = _ORDER_KEY.match(spec, at)
        if not key:
            return []
        direction, wrapped, plain = key.groups()
        keys.append((wrapped or plain, (direction or "").upper() == "DESC"))
        at = key.end()
    return keys


def _sort_key(binding: dict | None) -> tuple:
    """SPARQL's order: unbound, blank nodes, IRIs, then literals (numbers by value)."""
    if not binding:
        return (0, 0, "")
    kind = binding.get("type")
    if kind == "bnode":
        return (1, 0, binding["value"])
    if kind == "uri":
        return (2, 0, binding["value"])
    if binding.get("datatype") in _NUMERIC:
        try:
            return (3, float(binding["value"]), "")
        except ValueError:
            pass
    return (3, float("inf"), binding["value"])


def sort_rows(rows: list[dict], text: str) -> list[dict]:
    """The rows sorted by the query's ORDER BY (see ``order_keys``); stable."""
    for variable, descending in reversed(order_keys(text)):
        rows = sorted(rows, key=lambda row: _sort_key(row.get(variable)), reverse=descending)
    return rows
