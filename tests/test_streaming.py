"""Streaming builds: article by article into N-Quads, TriG or a store; JSONL read line by line;
interrupts leave no partial output; the progress bar and the summary line."""

from __future__ import annotations

import gzip
import io
import json

import pytest
from click.testing import CliRunner
from rdflib import Dataset

import kg.parallel as parallel
from kg.articles import ReadPosition, read_articles
from kg.builder import BuildStats, build_dataset, build_file
from kg.cli import main
from kg.errors import ArticleError
from kg.progress import Progress
from kg.store import Store

TEXTS = [
    "Colonel Maria Vega said on Monday that the army had arrested four suspects in Quito.",
    "The Ministry of Defence of Ruritania said troops raided a warehouse in Port Ellis on Friday.",
    '"We will protect our coast," Admiral John Carter told reporters in Valletta on Sunday.',
    "Police in Lagos seized 300 kilograms of cocaine on Tuesday, officials said.",
    "The government of Atlantis designated the Red Hand group a terrorist organization on 3 March.",
]


def write_corpus(folder, texts=TEXTS):
    folder.mkdir(exist_ok=True)
    for number, text in enumerate(texts):
        (folder / f"a{number:02d}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("corpus") / "news")


def quad_set(dataset):
    return {(s, p, o, getattr(g, "identifier", g)) for s, p, o, g in dataset.quads((None, None, None, None))}


def quads(path, fmt):
    dataset = Dataset()
    dataset.parse(path, format=fmt)
    return quad_set(dataset)


def graph_order(nq_text: str) -> list[str]:
    order: list[str] = []
    for line in nq_text.splitlines():
        name = line.rsplit(" ", 2)[-2]
        if not order or order[-1] != name:
            order.append(name)
    return order


@pytest.mark.parametrize("fmt, ext", [("nquads", ".nq"), ("trig", ".trig")])
def test_a_streamed_file_holds_the_quads_of_the_whole_dataset(corpus, tmp_path, fmt, ext):
    dataset, _ = build_dataset([corpus])
    expected = quad_set(dataset)
    out = tmp_path / f"g{ext}"
    stats = build_file([corpus], out)
    assert stats.articles == len(TEXTS)
    assert quads(out, fmt) == expected


def test_articles_come_in_sorted_input_order_each_sorted_within(corpus, tmp_path):
    out = tmp_path / "g.nq"
    build_file([corpus], out)
    text = out.read_text(encoding="utf-8")
    names = graph_order(text)
    assert len(names) == len(set(names)) == len(TEXTS)  # each article's lines are together
    per_source = {}
    for path in sorted(corpus.iterdir()):
        single = tmp_path / f"{path.stem}.nq"
        build_file([path], single)
        per_source[path.name] = single.read_text(encoding="utf-8")
    assert text == "".join(per_source[name] for name in sorted(per_source))
    for block in per_source.values():
        lines = block.splitlines()
        assert lines == sorted(lines)


def test_the_output_is_written_while_articles_are_still_being_extracted(corpus, tmp_path, monkeypatch):
    seen_sizes = []
    real = parallel.process_article

    def spy(article, options):
        seen_sizes.append(sum(p.stat().st_size for p in tmp_path.glob(".g.nq.*.tmp")))
        return real(article, options)

    monkeypatch.setattr(parallel, "process_article", spy)
    build_file([corpus], tmp_path / "g.nq", workers=1, batch_size=1)
    assert seen_sizes[0] == 0 and seen_sizes[-1] > 0


class Interrupt(KeyboardInterrupt):
    pass


def interrupt_at(monkeypatch, number):
    """Make the extraction of the ``number``-th article (0-based) raise Ctrl-C."""
    real, calls = parallel.process_article, []

    def flaky(article, options):
        calls.append(article.source)
        if len(calls) > number:
            raise Interrupt()
        return real(article, options)

    monkeypatch.setattr(parallel, "process_article", flaky)


@pytest.mark.parametrize("existing", [None, b"# precious\n"])
def test_an_interrupted_build_leaves_no_partial_output(corpus, tmp_path, monkeypatch, existing):
    out = tmp_path / "g.nq"
    if existing is not None:
        out.write_bytes(existing)
    interrupt_at(monkeypatch, 3)
    with pytest.raises(Interrupt):
        build_file([corpus], out, workers=1, batch_size=1)
    assert (out.read_bytes() if out.exists() else None) == existing
    assert sorted(p.name for p in tmp_path.iterdir()) == (["g.nq"] if existing else [])


def test_an_interrupted_store_build_keeps_only_whole_articles(corpus, tmp_path, monkeypatch):
    with Store(tmp_path / "whole", create=True) as store:
        store.add_articles([corpus])
        full = {name: graph_rows(store, name) for name in store.graph_names()}
    interrupt_at(monkeypatch, 3)
    with Store(tmp_path / "cut", create=True) as store:
        with pytest.raises(Interrupt):
            store.add_articles([corpus], batch_size=1)
        names = store.graph_names()
        assert len(names) == 3
        for name in names:
            assert graph_rows(store, name) == full[name]


def graph_rows(store, name):
    rows = store.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
    return {tuple(row.values()) for row in rows}


def test_jsonl_is_read_one_line_at_a_time(tmp_path):
    feed = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": f"n{i}", "text": text}) for i, text in enumerate(TEXTS)]
    feed.write_text("\n".join(lines[:2] + ["{broken"] + lines[2:]) + "\n", encoding="utf-8")
    errors: list[str] = []
    articles = read_articles([feed], lambda err: errors.append(str(err)))
    first = next(articles)
    assert first.source == "n0" and errors == []  # line 3 not read yet
    rest = list(articles)
    assert [a.source for a in rest] == [f"n{i}" for i in range(1, len(TEXTS))]
    assert errors == ["feed.jsonl line 3: malformed JSON (Expecting property name enclosed in double quotes)"]


def test_jsonl_gz_streams_with_line_numbers_and_position(tmp_path):
    feed = tmp_path / "feed.jsonl.gz"
    body = [json.dumps({"id": f"n{i}", "text": text}) for i, text in enumerate(TEXTS)]
    with gzip.open(feed, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(body[:1] + ['{"id": "x"}'] + body[1:]) + "\n")
    errors, position = [], ReadPosition()
    sources = [a.source for a in read_articles([feed], lambda err: errors.append(str(err)), position)]
    assert sources == [f"n{i}" for i in range(len(TEXTS))]
    assert errors == ["feed.jsonl.gz line 2: missing or empty 'text'"]
    assert position.total == position.done == feed.stat().st_size


def test_an_oversized_jsonl_line_is_skipped(tmp_path, monkeypatch):
    import kg.articles as articles

    monkeypatch.setattr(articles, "MAX_ARTICLE_BYTES", 200)
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": "word " * 100}) + "\n" + json.dumps({"text": TEXTS[0]}) + "\n",
                    encoding="utf-8")
    errors = []
    assert len(list(read_articles([feed], lambda err: errors.append(str(err))))) == 1
    assert errors == ["feed.jsonl line 1: larger than 200 bytes"]


def bad_corpus(tmp_path):
    folder = write_corpus(tmp_path / "news", TEXTS[:2])
    (folder / "zz-bad.txt").write_bytes(b"caf\xe9")
    return folder


def test_strict_makes_a_bad_article_fatal(tmp_path):
    folder = bad_corpus(tmp_path)
    out = tmp_path / "g.nq"
    stats = build_file([folder], out, on_error=lambda err: None)
    assert stats.articles == 2 and len(stats.skipped) == 1
    out.unlink()
    with pytest.raises(ArticleError, match="zz-bad.txt"):
        build_file([folder], out, on_error=lambda err: None, strict=True)
    assert not out.exists()


def test_a_repeated_text_is_reported_and_skipped(tmp_path):
    folder = write_corpus(tmp_path / "news", [TEXTS[0], TEXTS[1], TEXTS[0]])
    reported = []
    stats = build_file([folder], tmp_path / "g.nq", on_error=lambda err: reported.append(str(err)))
    assert stats.articles == 2 and len(stats.skipped) == 1
    assert reported == ["a02.txt: same text as a00.txt, skipped"]


def test_an_extraction_failure_is_reported_and_skipped(corpus, tmp_path, monkeypatch):
    real = parallel.process_article

    def failing(article, options):
        if article.source == "a01.txt":
            return parallel.ArticleResult(article.source, error="a01.txt: extraction failed (boom)")
        return real(article, options)

    monkeypatch.setattr(parallel, "process_article", failing)
    reported = []
    stats = build_file([corpus], tmp_path / "g.nq", on_error=lambda err: reported.append(str(err)))
    assert stats.articles == len(TEXTS) - 1 and len(stats.errors) == 1
    assert reported == ["a01.txt: extraction failed (boom)"]


def test_a_crashing_extractor_becomes_an_error_result(monkeypatch):
    from kg.articles import make_article

    class Broken:
        def article_graph(self, article):
            raise RuntimeError("boom")

    monkeypatch.setattr(parallel, "_builder", lambda options: Broken())
    result = parallel.process_article(make_article("x.txt", TEXTS[0]), parallel.Options())
    assert result.error == "x.txt: extraction failed (RuntimeError: boom)" and result.nquads == ""


def test_the_summary_line_counts_everything():
    stats = BuildStats(articles=3, skipped=["a"], errors=["b", "c"], statements=2, operations=1,
                       designations=1, mentions=7, seconds=1.25)
    assert stats.summary() == ("3 articles, 4 facts (2 statements, 1 operations, 1 designations, "
                               "7 actor mentions), 1 skipped, 2 errors, 1.2 s")


def test_progress_shows_rate_and_eta_and_erases_itself():
    stream = io.StringIO()
    bar = Progress(ReadPosition(total=1000, done=250), enabled=True, stream=stream, interval=0)
    assert bar.line(50, bar.start + 10) == "50 articles, 5.0/s, 0:10, 25% read, ETA 0:30"
    bar.update(50)
    bar.close()
    assert stream.getvalue().startswith("\r50 articles") and stream.getvalue().endswith("\r")


def test_progress_is_silent_when_disabled():
    stream = io.StringIO()
    bar = Progress(ReadPosition(total=10, done=5), enabled=False, stream=stream, interval=0)
    bar.update(3)
    bar.close()
    assert stream.getvalue() == ""


def test_the_cli_prints_no_progress_bar_when_stderr_is_not_a_terminal(corpus, tmp_path):
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(tmp_path / "g.nq"), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "\r" not in result.stderr
    assert f"{len(TEXTS)} articles" in result.stderr and "0 skipped, 0 errors" in result.stderr


def test_the_cli_strict_flag_exits_2_on_a_bad_article(tmp_path):
    folder = bad_corpus(tmp_path)
    out = tmp_path / "g.nq"
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(out), "--strict"])
    assert result.exit_code == 2 and "zz-bad.txt" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("strict", [False, True])
def test_a_graph_that_does_not_conform_is_left_out_and_exits_1(corpus, tmp_path, monkeypatch, strict):
    real = parallel.process_article

    def invalid_second(article, options):
        if article.source == "a01.txt":
            return parallel.ArticleResult(article.source, invalid="  kgr:x  kg:speaker  needs a speaker")
        return real(article, options)

    monkeypatch.setattr(parallel, "process_article", invalid_second)
    out = tmp_path / "g.nq"
    args = ["build", str(corpus), "-o", str(out), "--workers", "1"] + (["--strict"] if strict else [])
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert "a01.txt" in result.stderr and "needs a speaker" in result.stderr
    if strict:
        assert not out.exists()
    else:
        assert len(graph_order(out.read_text(encoding="utf-8"))) == len(TEXTS) - 1


def test_kg_load_takes_a_folder_of_rdf_files(corpus, tmp_path):
    shards = tmp_path / "shards"
    shards.mkdir()
    build_file([corpus / "a00.txt", corpus / "a01.txt"], shards / "part-00000.nq")
    build_file([corpus / "a02.txt"], shards / "part-00001.nq")
    result = CliRunner().invoke(main, ["load", str(shards), "--store", str(tmp_path / "s"), "-q"])
    assert result.exit_code == 0, result.output
    with Store(tmp_path / "s") as store:
        assert len(store.graph_names()) == 3
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(main, ["load", str(empty), "--store", str(tmp_path / "s")])
    assert result.exit_code == 2 and "no RDF files" in result.stderr


def test_the_vocabulary_does_not_grow_with_the_articles_read():
    # Every article brings new names; a long run must not keep their strings (memory zone).
    from kg.articles import make_article
    from kg.builder import Builder

    builder = Builder()
    sizes = []
    names = ["Zorvath Quellin", "Mirabet Oskarine", "Tulvane Presko", "Ebrin Solt"]
    for n, name in enumerate(names):
        text = f'"We will not leave the port," {name} said on Monday in Kelvaro-{n}.'
        builder.article_graph(make_article(f"a{n}.txt", text))
        sizes.append(len(builder.nlp.vocab.strings))
    # the words the articles share stay cached from the second article on (kg.nlp.warm)
    assert sizes[1] == sizes[2] == sizes[3]
    assert not any(part in builder.nlp.vocab.strings for name in names for part in name.split())
