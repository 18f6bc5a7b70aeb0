"""Integration test against a real triple store: OpenLink Virtuoso (Debian's virtuoso-opensource).

``.ci/run`` starts a throw-away server with ``.ci/virtuoso start DIR`` and exports
``KG_VIRTUOSO_URL`` (``http://127.0.0.1:PORT``) and ``KG_VIRTUOSO_AUTH`` (``dba:password``);
without them the test is skipped. Point them at a fresh server only: the test refuses a server
that already holds kg articles it did not load.

Virtuoso serves the Graph Store Protocol at ``/sparql-graph-crud-auth`` (HTTP Digest, user dba)
and the SPARQL Protocol at ``/sparql``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset

from kg.cli import main
from kg.output import write_graph
from kg.queries import format_rows, list_queries, load_query, run_query
from kg.remote import Endpoint, RemoteError, load

URL = os.environ.get("KG_VIRTUOSO_URL", "").rstrip("/")
AUTH = "KG_VIRTUOSO_AUTH"
FIXTURE = Path(__file__).parent / "data" / "query_graph.trig"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
KG_GRAPHS = "https://w3id.org/newskg/"

NO_SERVER = "no Virtuoso server: set KG_VIRTUOSO_URL and KG_VIRTUOSO_AUTH (.ci/virtuoso start DIR prints them)"


@pytest.fixture(scope="module", autouse=True)
def virtuoso_server():
    """Skip without a server, except in CI, where .ci/run starts one: there it must not skip."""
    if not URL or not os.environ.get(AUTH):
        if os.environ.get("CI"):
            pytest.fail(NO_SERVER)
        pytest.skip(NO_SERVER)


def graph_store() -> str:
    return URL + "/sparql-graph-crud-auth"


def endpoint() -> Endpoint:
    return Endpoint(URL + "/sparql", timeout=60)


def kg_triples() -> int:
    """Triples in the kg graphs (articles and reference) on the server."""
    rows = endpoint().select(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), '{KG_GRAPHS}')) }}"
    )
    return int(rows[0]["n"])


def input_files(folder: Path) -> list[Path]:
    """The hand-made fixture and the graph of the example articles."""
    from kg.builder import build_dataset

    dataset, _ = build_dataset([EXAMPLES])
    write_graph(dataset, folder / "examples.trig")
    return [FIXTURE, folder / "examples.trig"]


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """Load the inputs twice; return the local rdflib dataset of the same data."""
    files = input_files(tmp_path_factory.mktemp("virtuoso"))
    local = Dataset(default_union=True)
    for path in files:
        local.parse(path, format="trig")
    ours = {str(g.identifier) for g in local.graphs() if len(g)}
    there = set(endpoint().article_graphs())
    if there - ours:
        pytest.fail(f"{URL} holds kg articles this test did not load: use a fresh server")
    load(graph_store(), files, auth_env=AUTH)
    first = kg_triples()
    load(graph_store(), files, auth_env=AUTH)
    return local, first


def test_loading_twice_keeps_the_triple_count(loaded):
    local, first = loaded
    assert kg_triples() == first
    articles = sum(len(g) for g in local.graphs() if str(g.identifier).startswith(KG_GRAPHS))
    assert first > articles > 0  # the article graphs plus the reference graph


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_every_canned_query_over_http_equals_the_local_result(loaded, query):
    local, _ = loaded
    params = {p.name: "Sheinbaum" for p in query.params if p.required}
    assert endpoint().query(query, **params) == run_query(local, query, **params)


def test_a_bound_parameter_over_http(loaded):
    local, _ = loaded
    assert endpoint().query("statements", speaker="Trump") == run_query(local, "statements", speaker="Trump")


def test_kg_query_endpoint_prints_the_local_rows(loaded):
    local, _ = loaded
    result = CliRunner().invoke(main, ["query", "operations", "--endpoint", URL + "/sparql", "--format", "json"])
    assert result.exit_code == 0, result.output
    query = load_query("operations")
    assert json.loads(result.output) == json.loads(format_rows(run_query(local, query), query.columns, "json"))


def test_a_wrong_password_is_a_one_line_401(loaded, monkeypatch):
    monkeypatch.setenv("KG_WRONG_AUTH", "dba:not-the-password")
    with pytest.raises(RemoteError) as err:
        load(graph_store(), [FIXTURE], auth_env="KG_WRONG_AUTH")
    message = str(err.value)
    assert "HTTP 401" in message and "Loaded: none" in message and "\n" not in message
    assert "not-the-password" not in message


def test_the_anonymous_graph_store_refuses_writes(loaded):
    with pytest.raises(RemoteError) as err:
        load(URL + "/sparql-graph-crud", [FIXTURE])
    assert "HTTP 403" in str(err.value) or "HTTP 401" in str(err.value)
