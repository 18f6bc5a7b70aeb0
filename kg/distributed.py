"""``kg build --dask-scheduler``: the same extraction on a Dask cluster, one N-Quads shard per
partition.

This process reads the articles (dropping duplicates, as a local build does) and sends them in
partitions to the cluster's workers, at most two partitions per worker in flight. Each worker
runs ``kg.parallel.process_batch`` (loading the spaCy pipeline once per worker thread) and
sends back the partition's N-Quads, which are written here as ``part-00000.nq``,
``part-00001.nq``... in a temporary folder beside OUT, renamed to OUT at the end. The shards
concatenated in name order are byte-identical to ``kg build -o OUT.nq``; they merge without
conflicts because IRIs depend only on content, and ``kg load OUT --store DIR`` loads them.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from kg.errors import ArticleError, InputError, OutputError

PARTITION_SIZE = 1000
SHARD = "part-{:05d}.nq"
_SHARD_NAME = re.compile(r"part-\d{5,}\.nq")


class _ClientExecutor:
    """A dask.distributed Client seen as an executor: ``submit`` with fresh keys."""

    def __init__(self, client):
        self.client = client

    def submit(self, fn, *args):
        return self.client.submit(fn, *args, pure=False)


def _client(scheduler):
    """A Client for ``scheduler`` (an address, a cluster object or a Client) and whether we own it."""
    try:
        from dask.distributed import Client
    except ImportError:
        raise InputError("--dask-scheduler needs Dask: pip install 'kg[dask]'") from None
    if isinstance(scheduler, Client):
        return scheduler, False
    try:
        return Client(scheduler, timeout="30s"), True
    except OSError as err:
        raise InputError(f"cannot reach the Dask scheduler {scheduler}: {err}") from None


def _worker_count(client) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def build_shards(
    paths: Iterable[str | Path],
    output: str | Path,
    scheduler,
    *,
    model: str | None = None,
    validate: bool = True,
    partition_size: int = PARTITION_SIZE,
    on_error: Callable[[ArticleError], None] | None = None,
    strict: bool = False,
    progress: bool = False,
):
    """Build the articles under ``paths`` on the Dask cluster ``scheduler`` into the folder
    ``output`` of N-Quads shards (replacing an earlier folder of shards). Returns BuildStats."""
    from kg.builder import BuildStats, stream_results
    from kg.parallel import Options

    target = Path(output)
    _check_target(target)
    client, owned = _client(scheduler)
    stats = BuildStats()
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        results = stream_results(paths, stats, options=Options(model, validate), workers=_worker_count(client),
                                 on_error=on_error, strict=strict, progress=progress,
                                 batch_size=partition_size, executor=_ClientExecutor(client))
        _write_shards(results, tmp)
        _replace(tmp, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if owned:
            client.close()
    return stats


def _write_shards(results, folder: Path) -> None:
    """Append each result to the shard of its partition (results come in partition order)."""
    fh, current = None, None
    try:
        for result in results:
            if result.batch != current:
                if fh is not None:
                    fh.close()
                current = result.batch
                fh = open(folder / SHARD.format(current), "w", encoding="utf-8", newline="\n")
            fh.write(result.nquads)
    except OSError as err:
        raise OutputError(f"{folder}: cannot write a shard ({err.strerror or err})") from None
    finally:
        if fh is not None:
            fh.close()


def _check_target(target: Path) -> None:
    """OUT must be a new folder or an earlier folder of shards (which is replaced)."""
    if not target.parent.is_dir():
        raise OutputError(f"{target}: the folder {target.parent} does not exist")
    if target.exists() and not _is_shard_folder(target):
        raise OutputError(f"{target}: exists and is not a folder of kg shards; not replaced")


def _is_shard_folder(path: Path) -> bool:
    return path.is_dir() and all(_SHARD_NAME.fullmatch(p.name) for p in path.iterdir())


def _replace(tmp: Path, target: Path) -> None:
    try:
        if target.exists():
            old = target.with_name(f".{target.name}.old")
            os.replace(target, old)
            os.replace(tmp, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, target)
    except OSError as err:
        raise OutputError(f"{target}: cannot be written ({err.strerror or err})") from None


def shard_files(folder: str | Path) -> list[Path]:
    """The shards of a folder written by ``build_shards``, in order."""
    return sorted(p for p in Path(folder).iterdir() if _SHARD_NAME.fullmatch(p.name))
