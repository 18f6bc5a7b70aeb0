"""The store and endpoint commands as a user runs them: kg build --store, kg load, kg query
--store/--endpoint, kg validate --store, kg stats, and their one-line errors."""

from __future__ import annotations

import json
import socket
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

sys.path.insert(0, str(Path(__file__).parent))
from fake_triplestore import Config, FakeServer  # noqa: E402

FIXTURE = Path(__file__).parent / "data" / "query_graph.trig"
ARTICLE = (Path(__file__).parent / "data" / "coast_guard.txt").read_text(encoding="utf-8")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def one_line_error(result, code=2) -> str:
    assert result.exit_code == code, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error:"), result.output
    return lines[0]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "store"
    result = run("load", FIXTURE, "--store", folder)
    assert result.exit_code == 0, result.output
    return folder


def test_load_twice_reports_replaced_graphs(store):
    result = run("load", FIXTURE, "--store", store)
    assert result.exit_code == 0, result.output
    assert "2 graphs (2 replaced)" in result.stderr


@pytest.mark.parametrize("name, params", [
    ("statements", ()), ("operations", ()), ("actors", ()), ("co-mentions", ()),
    ("statements-by-speaker", ("--param", "speaker=Sheinbaum")),
])
@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_query_store_prints_what_query_graph_prints(store, name, params, fmt):
    from_file = run("query", name, "--graph", FIXTURE, *params, "--format", fmt)
    from_store = run("query", name, "--store", store, *params, "--format", fmt)
    assert from_file.exit_code == 0 and from_store.exit_code == 0, from_store.output
    assert from_store.output == from_file.output


def test_validate_store(store):
    result = run("validate", "--store", store)
    assert result.exit_code == 0 and "conforms" in result.output


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_stats_of_a_store_and_of_a_file_agree(store, fmt):
    from_file = run("stats", "--graph", FIXTURE, "--format", fmt)
    from_store = run("stats", "--store", store, "--format", fmt)
    assert from_file.exit_code == 0 and from_store.exit_code == 0, from_store.output
    if fmt == "json":
        a, b = json.loads(from_file.output), json.loads(from_store.output)
        assert a["articles"] == b["articles"] == 2 and a["triples"] == b["triples"]
        assert a["actors_by_type"] == b["actors_by_type"] and a["statements"] == b["statements"] == 3
    else:
        assert "statements" in from_store.output and "quads" in from_store.output


def test_build_into_a_store_twice_skips_the_unchanged_article(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "ship.txt").write_text(ARTICLE, encoding="utf-8")
    first = run("build", folder, "--store", tmp_path / "s")
    second = run("build", folder, "--store", tmp_path / "s")
    assert first.exit_code == 0 and second.exit_code == 0, second.output
    assert "0 unchanged articles skipped" in first.stderr
    assert "1 unchanged articles skipped" in second.stderr and "extracted 0 articles" in second.stderr
    query = run("query", "statements", "--store", tmp_path / "s", "--format", "json")
    assert [row["speaker"] for row in json.loads(query.output)] == ["Lena Varga"]


@pytest.mark.parametrize("args, message", [
    (("build", FIXTURE), "exactly one of -o, --store"),
    (("build", FIXTURE, "-o", "x.ttl", "--store", "s"), "exactly one of -o, --store"),
    (("query", "actors"), "exactly one of --graph, --store, --endpoint"),
    (("query", "actors", "--graph", FIXTURE, "--store", "s"), "exactly one of --graph, --store, --endpoint"),
    (("load", FIXTURE), "exactly one of --store, --endpoint"),
    (("validate",), "exactly one of FILE, --store"),
    (("stats",), "exactly one of --graph, --store"),
    (("query", "actors", "--store", "no-such-store"), "no such store"),
    (("stats", "--store", "no-such-store"), "no such store"),
])
def test_wrong_option_combinations_are_one_line_errors(args, message):
    assert message in one_line_error(run(*args))


def test_loading_a_broken_file_is_a_one_line_error(tmp_path):
    broken = tmp_path / "broken.nq"
    broken.write_text("<https://example.org/s> <https://example.org/p> .\n")
    assert "cannot parse broken.nq" in one_line_error(run("load", broken, "--store", tmp_path / "s"))


def test_load_to_a_refused_endpoint_is_a_one_line_error():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    line = one_line_error(run("load", FIXTURE, "--endpoint", f"http://127.0.0.1:{port}/gsp", "--timeout", "2"))
    assert "connection refused" in line and "Not loaded: 3 graph(s)" in line


def test_load_and_query_an_endpoint(monkeypatch):
    config = Config(auth="digest")
    monkeypatch.setenv("KG_TEST_AUTH", f"{config.user}:{config.password}")
    with FakeServer(config) as fake:
        loaded = run("load", FIXTURE, "--endpoint", fake.url + "/gsp", "--auth-env", "KG_TEST_AUTH")
        assert loaded.exit_code == 0, loaded.output
        assert "3 graphs" in loaded.stderr
        remote = run("query", "statements", "--endpoint", fake.url + "/sparql", "--auth-env", "KG_TEST_AUTH")
    local = run("query", "statements", "--graph", FIXTURE)
    assert remote.exit_code == 0, remote.output
    assert remote.output == local.output
