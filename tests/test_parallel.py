"""--workers N: a process pool over batches of articles gives the bytes --workers 1 gives."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import kg.parallel as parallel
from kg.builder import build_file
from kg.cli import main
from kg.store import Store

NAMES = ["Maria Vega", "John Carter", "Ana Ruiz", "Omar Haddad", "Li Wei", "Sara Nilsson"]
PLACES = ["Quito", "Valletta", "Lagos", "Port Ellis", "Tromso", "Cusco"]
TEMPLATES = [
    "General {name} said on Monday that soldiers arrested {n} suspects near {place}.",
    '"We will not negotiate with smugglers," {name} told reporters in {place} on Friday.',
    "The navy seized {n} tonnes of cocaine off {place} on Sunday, {name} said.",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("news")
    for number in range(12):
        lines = [TEMPLATES[(number + k) % 3].format(name=NAMES[(number + k) % 6], place=PLACES[(number * k) % 6],
                                                    n=number + 2 * k) for k in range(3)]
        (folder / f"n{number:02d}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def pools(monkeypatch):
    """Count the process pools started."""
    started = []

    class Counting(parallel.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            started.append(kwargs.get("max_workers"))
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Counting)
    return started


@pytest.mark.parametrize("ext", [".nq", ".trig", ".ttl"])
def test_two_workers_write_the_bytes_one_worker_writes(corpus, tmp_path, pools, ext):
    one, two = tmp_path / f"one{ext}", tmp_path / f"two{ext}"
    build_file([corpus], one, workers=1, batch_size=2)
    assert pools == []
    build_file([corpus], two, workers=2, batch_size=2)
    assert pools == [2]
    assert one.read_bytes() == two.read_bytes() and one.stat().st_size > 0


def test_results_come_back_in_input_order_with_batch_numbers(corpus, pools):
    from kg.articles import read_articles

    articles = list(read_articles([corpus], lambda err: None))
    results = list(parallel.process(articles, parallel.Options(), workers=2, batch_size=5))
    assert [r.source for r in results] == [a.source for a in articles]
    assert [r.batch for r in results] == [i // 5 for i in range(len(articles))]
    assert pools == [2]


def test_a_single_batch_stays_in_this_process(corpus, pools):
    from kg.articles import read_articles

    articles = list(read_articles([corpus], lambda err: None))[:3]
    assert len(list(parallel.process(articles, parallel.Options(), workers=4, batch_size=16))) == 3
    assert pools == []


def test_a_store_built_by_two_workers_equals_one_built_by_one(corpus, tmp_path):
    contents = []
    for workers in (1, 2):
        with Store(tmp_path / f"s{workers}", create=True) as store:
            store.add_articles([corpus], workers=workers, batch_size=3)
            rows = store.select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
            contents.append(sorted(tuple(sorted(r.items())) for r in rows))
    assert contents[0] == contents[1] and len(contents[0]) > 0


def test_the_cli_workers_option(corpus, tmp_path):
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"g{workers}.nq"
        result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(out), "--workers", workers, "-q"])
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_default_workers_is_at_least_one():
    assert parallel.default_workers() >= 1
