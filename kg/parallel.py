"""Extraction of articles in batches, in this process or in a pool of worker processes.

Every article becomes an ``ArticleResult``: its named graph as sorted N-Quads lines (and, when
asked, a TriG block), the counts for the summary line, or why it failed. Results are plain data,
so they travel between processes (and Dask workers) and come back in input order: the output of
``--workers N`` is byte-identical to ``--workers 1``. Each worker process (or thread) loads the
spaCy pipeline once.
"""

from __future__ import annotations

import gc
import os
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import chain, islice

from kg.articles import Article
from kg.errors import KgError, ValidationError

BATCH_SIZE = 16
GC_YOUNG = 20_000  # allocations between two collections of the youngest generation
_LOCAL = threading.local()


@dataclass(frozen=True)
class Options:
    """What every worker needs to know to process articles the same way."""

    model: str | None = None
    validate: bool = True
    trig: bool = False  # also render each article's graph as a TriG block


@dataclass
class ArticleResult:
    """One article processed: its graph as text, its counts, or the reason it failed."""

    source: str
    iri: str = ""
    nquads: str = ""  # sorted N-Quads lines of the article's named graph
    trig: str = ""  # its TriG block, when Options.trig
    prefixes: tuple[str, ...] = ()  # the @prefix lines the TriG block uses
    counts: tuple[int, int, int, int] = (0, 0, 0, 0)  # statements, operations, designations, mentions
    batch: int = 0  # the index of the batch (Dask partition) it was processed in
    error: str | None = None  # the article could not be processed (skipped unless --strict)
    invalid: str | None = None  # the SHACL report: the graph does not conform (always fatal)

    def raise_invalid(self) -> None:
        if self.invalid is not None:
            raise ValidationError(f"{self.source}: the extracted graph does not conform to the shapes",
                                  self.invalid)


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _builder(options: Options):
    """The Builder of this thread (a worker process has one thread doing the work)."""
    from kg.builder import Builder

    cache = getattr(_LOCAL, "builders", None)
    if cache is None:
        cache = _LOCAL.builders = {}
    key = (options.model, options.validate)
    if key not in cache:
        cache[key] = Builder(options.model, options.validate)
        # The pipeline, lexicons and shapes live as long as the process: freezing them keeps
        # the cyclic garbage collector from scanning them again for every article (~10% faster).
        gc.freeze()
        # An article allocates some 10^5 containers, nearly all freed by reference counting:
        # collecting the youngest generation every 700 of them (the default) cost 7-10% of the
        # CPU; every GC_YOUNG still bounds the cyclic garbage to a few thousand objects.
        young, *older = gc.get_threshold()
        if 0 < young < GC_YOUNG:
            gc.set_threshold(GC_YOUNG, *older)
    return cache[key]


def process_article(article: Article, options: Options) -> ArticleResult:
    """Extract, map and validate one article; failures become part of the result."""
    from kg.rdf import article_iri, nquad_lines

    iri = str(article_iri(article))
    try:
        triples, extraction = _builder(options).article_graph(article)
    except ValidationError as err:
        return ArticleResult(article.source, iri, invalid=err.report_text or str(err))
    except KgError as err:
        return ArticleResult(article.source, iri, error=str(err))
    except Exception as err:  # an extractor bug on one article must not end a long run
        return ArticleResult(article.source, iri, error=f"{article.source}: extraction failed "
                                                        f"({type(err).__name__}: {err})")
    result = ArticleResult(article.source, iri, nquad_lines(triples, iri), counts=(
        len(extraction.statements), len(extraction.operations),
        len(extraction.designations), len(extraction.mentions)))
    if options.trig:
        from kg.output import trig_block

        result.prefixes, result.trig = trig_block(triples, iri)
    return result


def process_batch(articles: list[Article], options: Options, index: int = 0) -> list[ArticleResult]:
    """The results of one batch, each marked with the batch index."""
    results = [process_article(article, options) for article in articles]
    for result in results:
        result.batch = index
    _settle(options)
    return results


def _settle(options: Options) -> None:
    """After a Builder's first batch: what its articles loaded on first use (extractor modules,
    lexicons, compiled matchers and queries) lives as long as the process too, so it is frozen
    like the pipeline, once the batch's own garbage is collected. Left to the collector, those
    ~100,000 objects were scanned again at every full collection (~1% of the CPU)."""
    settled = getattr(_LOCAL, "settled", None)
    if settled is None:
        settled = _LOCAL.settled = set()
    key = (options.model, options.validate)
    if key not in settled:
        settled.add(key)
        gc.collect()
        gc.freeze()


def batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def process(
    articles: Iterable[Article],
    options: Options,
    *,
    workers: int = 1,
    batch_size: int = BATCH_SIZE,
    executor=None,
) -> Iterator[ArticleResult]:
    """Results of ``articles`` in their order, computed by ``workers`` processes.

    At most two batches per worker are in flight, so memory does not grow with the input. A
    run of a single batch stays in this process (no pool to start). ``executor``: anything
    with ``submit(fn, *args)`` returning a future (a Dask client adapter), used instead of a
    process pool (and even for one batch).
    """
    batches = enumerate(batched(articles, batch_size))
    if executor is not None:
        yield from _submitted(batches, options, executor, 2 * workers)
        return
    head = list(islice(batches, 2))
    if workers <= 1 or len(head) < 2:
        for index, batch in chain(head, batches):
            yield from process_batch(batch, options, index)
        return
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_leave_signals_to_the_parent)
    try:
        yield from _submitted(chain(head, batches), options, pool, 2 * workers)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _leave_signals_to_the_parent() -> None:
    """Workers ignore Ctrl-C and SIGTERM (a terminal sends them to the whole process group):
    the parent stops the pool and cleans up; a worker interrupted mid-batch would instead
    report its articles as failed."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


def _submitted(batches: Iterable[tuple[int, list]], options: Options, executor, window: int) -> Iterator[ArticleResult]:
    """Submit batches to ``executor``, ``window`` at most in flight; yield results in order."""
    pending: deque = deque()
    for index, batch in batches:
        while len(pending) >= window:
            yield from pending.popleft().result()
        pending.append(executor.submit(process_batch, batch, options, index))
    while pending:
        yield from pending.popleft().result()
