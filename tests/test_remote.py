"""Remote stores over HTTP, against a local test server (tests/fake_triplestore.py): the Graph
Store Protocol load, SPARQL Protocol queries, credentials, and one-line errors on refused
connections, 401, 404, 5xx and timeouts naming what was and was not loaded."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest
from rdflib import Dataset

from kg.errors import QueryError
from kg.output import write_graph
from kg.queries import list_queries, run_query
from kg.rdf import Run, article_graph, article_iri
from kg.remote import Endpoint, RemoteError, credentials, digest_authorization, load, order_keys, sort_rows
from kg.validate import load_rdf

sys.path.insert(0, str(Path(__file__).parent))
from fake_triplestore import Config, FakeServer  # noqa: E402
from records_fixture import article_a, article_b, extraction_a, extraction_b  # noqa: E402

FIXTURE = Path(__file__).parent / "data" / "query_graph.trig"
AUTH = "KG_TEST_REMOTE_AUTH"


@pytest.fixture(scope="module")
def records_trig(tmp_path_factory) -> Path:
    dataset = Dataset(default_union=True)
    for article, extraction in ((article_a(), extraction_a()), (article_b(), extraction_b())):
        named = dataset.graph(article_iri(article))
        for triple in article_graph(article, extraction, Run("0.0-test")):
            named.add(triple)
    path = tmp_path_factory.mktemp("remote") / "ab.trig"
    write_graph(dataset, path)
    return path


def one_line(err: pytest.ExceptionInfo) -> str:
    message = str(err.value)
    assert "\n" not in message and message
    return message


# ---------------------------------------------------------------- a round trip


@pytest.fixture(scope="module", params=["basic", "digest"])
def server(request, records_trig):
    """A server holding the fixture and the records graphs, loaded twice with credentials."""
    config = Config(auth=request.param)
    with FakeServer(config) as fake, pytest.MonkeyPatch.context() as patch:
        patch.setenv(AUTH, f"{config.user}:{config.password}")
        stats = load(fake.url + "/gsp", [FIXTURE], auth_env=AUTH)
        count = len(fake.store)
        again = load(fake.url + "/gsp", [FIXTURE], auth_env=AUTH)
        assert len(fake.store) == count and again.graphs == stats.graphs
        yield fake


def test_each_article_and_the_reference_graph_is_put(server):
    names = {g.value for g in server.store.named_graphs()}
    assert names == {g for g in server.config.puts}
    assert "https://w3id.org/newskg/id/graph/reference" in names
    assert len(names) == 3  # two articles and the reference graph


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_every_canned_query_over_http_gives_the_local_rows(server, query):
    graph = load_rdf(FIXTURE)
    params = {p.name: "Sheinbaum" for p in query.params if p.required}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(AUTH, f"{server.config.user}:{server.config.password}")
        remote = Endpoint(server.url + "/sparql", auth_env=AUTH).query(query, **params)
    assert remote == run_query(graph, query, **params)


def test_a_query_endpoint_without_articles_gives_no_rows():
    with FakeServer(Config()) as fake:
        assert Endpoint(fake.url + "/sparql").query("actors") == []


# ---------------------------------------------------------------- errors


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_refused_connection_names_what_was_not_loaded(records_trig):
    with pytest.raises(RemoteError) as err:
        load(f"http://127.0.0.1:{closed_port()}/gsp", [records_trig], timeout=2)
    message = one_line(err)
    assert "connection refused" in message
    assert "Loaded: none" in message and "Not loaded: 3 graph(s) (a.txt; b.txt; the reference graph)" in message


@pytest.mark.parametrize("status", [500, 503])
def test_a_server_error_midway_names_what_was_and_was_not_loaded(records_trig, status):
    with FakeServer(Config(fail_put=2, fail_status=status)) as fake:
        with pytest.raises(RemoteError) as err:
            load(fake.url + "/gsp", [records_trig])
    message = one_line(err)
    assert f"HTTP {status}" in message and "disk full" in message
    assert "Loaded: 1 graph(s) (a.txt)" in message
    assert "Not loaded: 2 graph(s) (b.txt; the reference graph)" in message


@pytest.mark.parametrize("auth", ["basic", "digest"])
def test_missing_or_wrong_credentials_are_a_401(records_trig, monkeypatch, auth):
    with FakeServer(Config(auth=auth)) as fake:
        with pytest.raises(RemoteError) as missing:
            load(fake.url + "/gsp", [records_trig])
        monkeypatch.setenv(AUTH, "kg:wrong-password")
        with pytest.raises(RemoteError) as wrong:
            load(fake.url + "/gsp", [records_trig], auth_env=AUTH)
        assert len(fake.store) == 0
    for err in (missing, wrong):
        message = one_line(err)
        assert "HTTP 401" in message and "--auth-env" in message and "Loaded: none" in message
    assert "wrong-password" not in one_line(wrong)


def test_a_wrong_path_is_a_404(records_trig):
    with FakeServer(Config()) as fake:
        with pytest.raises(RemoteError) as err:
            load(fake.url + "/no-such-endpoint", [records_trig])
    assert "HTTP 404" in one_line(err) and "check the endpoint URL" in one_line(err)


def test_a_slow_server_times_out(records_trig):
    with FakeServer(Config(delay=1.5)) as fake:
        with pytest.raises(RemoteError) as err:
            load(fake.url + "/gsp", [records_trig], timeout=0.3)
    assert "no answer within 0.3 s" in one_line(err)


def test_query_errors_are_one_line():
    with FakeServer(Config()) as fake:
        with pytest.raises(RemoteError) as refused:
            Endpoint(f"http://127.0.0.1:{closed_port()}/sparql").query("actors")
        with pytest.raises(RemoteError) as missing:
            Endpoint(fake.url + "/nothing").query("actors")
        with pytest.raises(QueryError) as unknown:
            Endpoint(fake.url + "/sparql").query("no-such-query")
    assert "connection refused" in one_line(refused)
    assert "HTTP 404" in one_line(missing)
    assert "unknown query" in one_line(unknown)


# ---------------------------------------------------------------- credentials


def test_credentials_come_from_netrc(tmp_path, monkeypatch, records_trig):
    config = Config(auth="digest")
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1 login {config.user} password {config.password}\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    with FakeServer(config) as fake:
        load(fake.url + "/gsp", [records_trig])
        assert len(list(fake.store.named_graphs())) == 3


@pytest.mark.parametrize("value, message", [(None, "not set"), ("no-colon", "user:password")])
def test_a_bad_auth_variable_is_explained(monkeypatch, value, message):
    if value is None:
        monkeypatch.delenv(AUTH, raising=False)
    else:
        monkeypatch.setenv(AUTH, value)
    with pytest.raises(RemoteError, match=message):
        credentials("http://127.0.0.1/gsp", AUTH)


def test_credentials_in_the_url_are_refused(records_trig):
    with pytest.raises(RemoteError) as err:
        load("http://kg:s3cret@127.0.0.1:1/gsp", [records_trig])
    assert "s3cret" not in one_line(err) and "--auth-env" in one_line(err)


def test_digest_answer_matches_the_rfc_2617_example():
    challenge = ('Digest realm="testrealm@host.com", qop="auth,auth-int", '
                 'nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"')
    header = digest_authorization(challenge, "GET", "http://www.example.org/dir/index.html",
                                  "Mufasa", "Circle Of Life", cnonce="0a4f113b")
    assert 'response="6629fae49393a05397450978507c4ef1"' in header
    assert 'opaque="5ccc069c403ebaf9f0171e9517f40e41"' in header and "nc=00000001" in header


# ---------------------------------------------------------------- ordering


def test_order_by_is_read_from_the_query():
    assert order_keys("SELECT * WHERE { ?s ?p ?o } ORDER BY DESC(?count) ?a ASC(?b)") == [
        ("count", True), ("a", False), ("b", False)]
    assert order_keys("SELECT * WHERE { ?s ?p ?o } ORDER BY ?a LIMIT 3") == []
    assert order_keys("SELECT * WHERE { ?s ?p ?o } ORDER BY STRLEN(?a)") == []


def test_rows_are_sorted_numbers_by_value_and_unbound_first():
    integer = "http://www.w3.org/2001/XMLSchema#integer"

    def row(name, count):
        return {"name": name and {"type": "literal", "value": name},
                "count": {"type": "literal", "datatype": integer, "value": count}}

    rows = [row("b", "9"), row("a", "10"), row(None, "9"), row("c", "10")]
    ordered = sort_rows(rows, "SELECT * WHERE {} ORDER BY DESC(?count) ?name")
    assert [(r["name"] or {}).get("value") for r in ordered] == ["a", "c", None, "b"]
