"""kg build --dask-scheduler: a LocalCluster of 2 workers writes N-Quads shards that, in order,
are the bytes of the single-process N-Quads, and that kg load puts into a store."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.distributed import shard_files
from kg.errors import OutputError

distributed = pytest.importorskip("dask.distributed")

TEXTS = [
    "Colonel {name} said on Monday that the army had arrested {n} suspects in Quito.",
    '"We will protect our coast," Admiral {name} told reporters in Valletta on Sunday.',
    "Police in Lagos seized {n} kilograms of cocaine on Tuesday, {name} said.",
]
NAMES = ["Maria Vega", "John Carter", "Ana Ruiz", "Omar Haddad", "Li Wei"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("news")
    for number in range(7):
        text = TEXTS[number % 3].format(name=NAMES[number % 5], n=number + 3)
        (folder / f"d{number}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as local:
        yield local


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_shards_concatenate_to_the_single_process_output(corpus, cluster, tmp_path):
    single = tmp_path / "single.nq"
    assert run("build", corpus, "-o", single, "--workers", "1", "-q").exit_code == 0
    shards = tmp_path / "shards"
    result = run("build", corpus, "-o", shards, "--dask-scheduler", cluster.scheduler_address,
                 "--partition-size", 3)
    assert result.exit_code == 0, result.output
    assert "7 articles" in result.stderr
    files = shard_files(shards)
    assert [f.name for f in files] == ["part-00000.nq", "part-00001.nq", "part-00002.nq"]
    assert b"".join(f.read_bytes() for f in files) == single.read_bytes()
    again = run("build", corpus, "-o", shards, "--dask-scheduler", cluster.scheduler_address,
                "--partition-size", 7, "-q")
    assert again.exit_code == 0, again.output
    assert [f.name for f in shard_files(shards)] == ["part-00000.nq"]
    assert shard_files(shards)[0].read_bytes() == single.read_bytes()


def test_kg_load_bulk_loads_a_folder_of_shards(corpus, cluster, tmp_path):
    shards, single = tmp_path / "shards", tmp_path / "single.nq"
    assert run("build", corpus, "-o", shards, "--dask-scheduler", cluster.scheduler_address,
               "--partition-size", 2, "-q").exit_code == 0
    assert run("build", corpus, "-o", single, "--workers", "1", "-q").exit_code == 0
    stats = []
    for source, store in ((shards, tmp_path / "a"), (single, tmp_path / "b")):
        result = run("load", source, "--store", store, "-q")
        assert result.exit_code == 0, result.output
        stats.append(run("stats", "--store", store, "--format", "json").output)
    assert stats[0] == stats[1] and json.loads(stats[0])["articles"] == 7


def test_a_folder_that_is_not_shards_is_not_replaced(corpus, cluster, tmp_path):
    from kg.distributed import build_shards

    target = tmp_path / "mine"
    target.mkdir()
    (target / "notes.txt").write_text("keep\n", encoding="utf-8")
    with pytest.raises(OutputError, match="not a folder of kg shards"):
        build_shards([corpus], target, cluster.scheduler_address)
    assert (target / "notes.txt").read_text(encoding="utf-8") == "keep\n"
