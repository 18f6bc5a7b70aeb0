"""The command line, as a user runs it: every command, its help, and bad input."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from kg import __version__
from kg.cli import main

ARTICLE = """---
title: Navy strikes boats off the coast
published: 2025-05-06
---
Navy strikes boats off the coast

Freedonia's Defence Minister Ana Ruiz said on Tuesday that the navy struck three boats in the
Caribbean on Monday, killing 11 people.

"We will not stop until the gangs are gone," Ruiz told reporters in the capital.
"""


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    folder = tmp_path_factory.mktemp("articles")
    (folder / "navy.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def graph_file(articles, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "graph.trig"
    result = CliRunner().invoke(main, ["build", str(articles), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def one_line_error(result, code=2):
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error:"), result.output
    assert "Traceback" not in result.output
    return lines[0]


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_with_an_example(command):
    for flag in ("--help", "-h"):
        result = run(command, flag)
        assert result.exit_code == 0, result.output
        assert "Example" in result.output and f"kg {command}" in result.output


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


def test_build_writes_a_graph_that_validates(graph_file):
    result = run("validate", graph_file)
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


def test_build_summary_goes_to_stderr(articles, tmp_path):
    result = run("build", articles, "-o", tmp_path / "g.ttl")
    assert result.exit_code == 0
    assert "1 articles" in result.stderr and result.stdout == ""


def test_build_is_deterministic(articles, tmp_path):
    first, second = tmp_path / "1.nq", tmp_path / "2.nq"
    assert run("build", articles, "-o", first).exit_code == 0
    assert run("build", articles, "-o", second).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("fmt, ext", [("turtle", ".ttl"), ("nt", ".nt"), ("nquads", ".nq"),
                                      ("trig", ".trig"), ("json-ld", ".jsonld")])
def test_build_format_from_extension_or_option(articles, tmp_path, fmt, ext):
    by_ext = tmp_path / f"g{ext}"
    by_opt = tmp_path / "g.out"
    assert run("build", articles, "-o", by_ext).exit_code == 0
    assert run("build", articles, "-o", by_opt, "--format", fmt).exit_code == 0
    assert by_ext.read_bytes() == by_opt.read_bytes()


def test_build_missing_path(tmp_path):
    out = tmp_path / "g.ttl"
    line = one_line_error(run("build", tmp_path / "missing.txt", "-o", out))
    assert "missing.txt" in line
    assert not out.exists()


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary", b"caf\xe9 au lait"])
def test_build_unreadable_only_article_fails_without_output(tmp_path, content):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    out = tmp_path / "g.ttl"
    result = run("build", bad, "-o", out)
    assert result.exit_code == 2
    assert "no article could be read" in result.stderr and "bad.txt" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()


def test_build_skips_a_bad_article_among_good_ones(articles, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    out = tmp_path / "g.ttl"
    result = run("build", articles, bad, "-o", out)
    assert result.exit_code == 0, result.output
    assert "skipped bad.txt" in result.stderr
    assert out.exists()


def test_build_malformed_jsonl_line_names_the_line(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "ok", "text": "Police arrested two men in Lima on Friday."}\n{oops\n',
                    encoding="utf-8")
    result = run("build", feed, "-o", tmp_path / "g.ttl")
    assert result.exit_code == 0
    assert "feed.jsonl line 2" in result.stderr


def test_failed_build_keeps_an_existing_output(tmp_path):
    out = tmp_path / "g.ttl"
    out.write_text("# precious\n", encoding="utf-8")
    one_line_error(run("build", tmp_path / "missing", "-o", out))
    assert out.read_text(encoding="utf-8") == "# precious\n"


def test_a_terminated_build_cleans_up_like_ctrl_c(tmp_path, monkeypatch):
    # SIGTERM (kill, a scheduler) must not leave a half-written output beside the old one
    import os
    import signal

    import kg.parallel as parallel

    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(4):
        (folder / f"a{n}.txt").write_text(ARTICLE.replace("three", str(n + 3)), encoding="utf-8")
    out = tmp_path / "g.nq"
    out.write_text("# precious\n", encoding="utf-8")
    real, seen = parallel.process_article, []

    def terminated_at_the_third(article, options):
        seen.append(article)
        if len(seen) == 3:
            os.kill(os.getpid(), signal.SIGTERM)
        return real(article, options)

    monkeypatch.setattr(parallel, "process_article", terminated_at_the_third)
    line = one_line_error(run("build", folder, "-o", out, "--workers", "1"))
    assert "interrupted" in line
    assert out.read_text(encoding="utf-8") == "# precious\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.nq", "news"]
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # restored after the command


def test_build_unknown_extension(articles, tmp_path):
    one_line_error(run("build", articles, "-o", tmp_path / "g.xyz"))


def test_validate_broken_turtle(tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix ex: <http://ex.org/> .\nex:a ex:b \n", encoding="utf-8")
    assert "broken.ttl" in one_line_error(run("validate", broken))


def test_validate_missing_file(tmp_path):
    one_line_error(run("validate", tmp_path / "none.ttl"))


def test_validate_reports_violations_with_exit_1(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix kg: <https://w3id.org/newskg/ontology#> .\n"
        "<https://w3id.org/newskg/id/statement/x> a kg:Statement .\n",
        encoding="utf-8",
    )
    result = run("validate", bad)
    assert result.exit_code == 1
    assert "speaker" in result.output


def test_query_statements_json(graph_file):
    result = run("query", "statements", "--graph", graph_file, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows and set(rows[0]) == {"statement", "speaker", "text", "stance", "article", "start", "end"}
    assert any("We will not stop" in row["text"] for row in rows)


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_query_every_format(graph_file, fmt):
    result = run("query", "actors", "--graph", graph_file, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert "Ana Ruiz" in result.output


def test_query_param_is_bound(graph_file):
    result = run("query", "statements-by-speaker", "--graph", graph_file, "--param", "speaker=Ruiz",
                 "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)
    result = run("query", "statements-by-speaker", "--graph", graph_file, "--param",
                 'speaker=Ruiz" } #', "--format", "json")
    assert result.exit_code == 0 and json.loads(result.output) == []


def test_query_unknown_name(graph_file):
    assert "no-such-query" in one_line_error(run("query", "no-such-query", "--graph", graph_file))


def test_query_unknown_param(graph_file):
    assert "colour" in one_line_error(run("query", "statements", "--graph", graph_file, "--param", "colour=red"))


def test_query_malformed_param(graph_file):
    one_line_error(run("query", "statements", "--graph", graph_file, "--param", "novalue"))


def test_query_broken_graph(tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle", encoding="utf-8")
    one_line_error(run("query", "actors", "--graph", broken))


def test_query_rq_file(graph_file, tmp_path):
    rq = tmp_path / "count.rq"
    rq.write_text("# purpose: count triples\n# columns: n\nSELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }\n",
                  encoding="utf-8")
    result = run("query", rq, "--graph", graph_file, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert int(result.output.splitlines()[1]) > 0


def test_list_queries_names_the_canned_queries():
    result = run("list-queries")
    assert result.exit_code == 0
    for name in ("actors", "statements", "operations", "designations"):
        assert name in result.output


def test_export_graphml(graph_file, tmp_path):
    out = tmp_path / "g.graphml"
    result = run("export", graph_file, "--format", "graphml", "-o", out)
    assert result.exit_code == 0, result.output
    network = nx.read_graphml(out)
    labels = {data.get("label") for _, data in network.nodes(data=True)}
    assert "Ana Ruiz" in labels


def test_export_broken_graph(tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b>", encoding="utf-8")
    out = tmp_path / "g.graphml"
    one_line_error(run("export", broken, "-o", out))
    assert not out.exists()
