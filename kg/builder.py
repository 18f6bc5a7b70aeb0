"""Build: articles → extraction → per-article RDF graph → SHACL validation → output.

Each article is extracted, mapped and validated on its own and lands in a named graph of its
own (its article IRI); merging across articles relies only on content-derived IRIs. Articles
stream through one at a time (``stream_results``), in this process or a pool of workers
(``kg.parallel``), so memory does not grow with the input when the output is a stream too
(N-Quads, TriG, a store).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from kg import __version__
from kg.articles import Article, ReadPosition, read_articles
from kg.errors import ArticleError, InputError, ValidationError
from kg.parallel import BATCH_SIZE, ArticleResult, Options, process
from kg.progress import Progress
from kg.rdf import Run, article_triples, bind_prefixes


@dataclass
class BuildStats:
    """What a build did, for the summary line."""

    articles: int = 0
    skipped: list[str] = field(default_factory=list)  # unreadable or duplicate articles
    errors: list[str] = field(default_factory=list)  # articles whose extraction failed
    invalid: list[str] = field(default_factory=list)  # articles left out: graph does not conform
    statements: int = 0
    operations: int = 0
    designations: int = 0
    mentions: int = 0
    unchanged: int = 0  # already in the store
    seconds: float = 0.0

    @property
    def facts(self) -> int:
        return self.statements + self.operations + self.designations

    def add(self, result: ArticleResult) -> None:
        self.articles += 1
        statements, operations, designations, mentions = result.counts
        self.statements += statements
        self.operations += operations
        self.designations += designations
        self.mentions += mentions

    def summary(self) -> str:
        return (
            f"{self.articles} articles, {self.facts} facts ({self.statements} statements, "
            f"{self.operations} operations, {self.designations} designations, "
            f"{self.mentions} actor mentions), {len(self.skipped)} skipped, "
            f"{len(self.errors) + len(self.invalid)} errors, {self.seconds:.1f} s"
        )


class Builder:
    """Holds the spaCy pipeline and the run description; turns articles into graphs."""

    def __init__(self, model: str | None = None, validate: bool = True):
        from kg.nlp import load_pipeline
        from kg.nlp.warm import WarmVocabulary

        self.nlp = load_pipeline(model)
        self.warm = WarmVocabulary(self.nlp)
        self.run = Run(__version__, model or "blank:en")
        self.validate = validate

    def article_graph(self, article: Article):
        """Extract one article and return its validated graph, as a list of triples (no rdflib
        Graph: ``kg.rdf.article_graph`` builds one), and its extraction."""
        from kg.extract import extract

        # Strings the article adds to the vocabulary are freed when it is done, so a long run's
        # memory does not grow with every new name it reads (records hold plain str only); its
        # common words stay cached, up to a bound (kg.nlp.warm).
        self.warm.observe(article.clean_text)
        with self.nlp.memory_zone():
            extraction = extract(self.nlp, article)
        triples = article_triples(article, extraction, self.run)
        if self.validate:
            _check(triples, article.source)
        return triples, extraction


def _check(triples, source: str) -> None:
    from kg.shacl_engine import validate_compiled

    result = validate_compiled(triples)
    if not result.conforms:
        raise ValidationError(
            f"{source}: the extracted graph does not conform to the shapes", result.text
        )


def stream_results(
    paths: Iterable[str | Path],
    stats: BuildStats,
    *,
    options: Options | None = None,
    workers: int = 1,
    on_error: Callable[[ArticleError], None] | None = None,
    strict: bool = False,
    known: set[str] | None = None,
    progress: bool = False,
    batch_size: int = BATCH_SIZE,
    executor=None,
) -> Iterator[ArticleResult]:
    """The results of the articles under ``paths`` that were processed, in input order.

    Unreadable, duplicate and failed articles, and graphs that do not conform, go to ``on_error``
    and are left out (raised when ``strict`` or without ``on_error``; a graph that does not
    conform raises ValidationError); articles whose content hash is in ``known`` are counted as
    unchanged. No article at all raises InputError (ValidationError if some did not conform). ``stats`` is filled in as results arrive. ``executor``: see ``kg.parallel.process``.
    """
    started, position = time.perf_counter(), ReadPosition()
    bar = Progress(position, enabled=progress)

    def skip(err: ArticleError, into: list[str]) -> None:
        into.append(str(err))
        if on_error is None or strict:
            raise err
        on_error(err)

    articles = _unique(read_articles(paths, lambda err: skip(err, stats.skipped), position),
                       stats, known or set(), skip)
    try:
        for result in process(articles, options or Options(), workers=workers, batch_size=batch_size,
                              executor=executor):
            if result.invalid is not None:
                _left_out(result, stats, on_error if not strict else None)
                continue
            if result.error is not None:
                skip(ArticleError(result.error), stats.errors)
                continue
            stats.add(result)
            bar.update(stats.articles)
            yield result
    finally:
        bar.close()
        stats.seconds = time.perf_counter() - started
    if stats.articles == 0 and stats.unchanged == 0:
        if stats.invalid:
            raise ValidationError("no article gave a graph that conforms to the shapes")
        raise InputError("no article could be read")


def _left_out(result: ArticleResult, stats: BuildStats, on_error) -> None:
    """A graph that does not conform is never written: fatal without ``on_error`` (or with
    ``strict``), else reported with its violations and left out (the CLI then exits 1)."""
    if on_error is None:
        result.raise_invalid()
    stats.invalid.append(result.source)
    on_error(ArticleError(f"{result.source}: the extracted graph does not conform to the shapes, "
                          f"left out\n{result.invalid}"))


def _unique(articles: Iterable[Article], stats: BuildStats, known: set[str], skip) -> Iterator[Article]:
    """Drop articles whose text came earlier in the input (reported) or is already known."""
    # The one index that grows with the input: 16 raw bytes of the digest per article read
    # (about 150 bytes with the source; a 64-character hex key would cost 60 more).
    seen: dict[bytes, str] = {}
    for article in articles:
        digest = article.content_hash
        key = bytes.fromhex(digest[:32])
        if digest in known:
            stats.unchanged += 1
        elif key in seen:
            skip(ArticleError(f"{article.source}: same text as {seen[key]}, skipped"), stats.skipped)
        else:
            seen[key] = article.source
            yield article


def dataset_of(results: Iterable[ArticleResult]) -> Dataset:
    """One Dataset holding the named graph of every result (for whole-graph formats)."""
    import warnings

    dataset = bind_prefixes(Dataset(default_union=True))
    for result in results:
        if result.nquads:
            with warnings.catch_warnings():  # rdflib's N-Quads parser uses its own deprecated API
                warnings.simplefilter("ignore", DeprecationWarning)
                dataset.parse(data=result.nquads, format="nquads")
    return dataset


def build_dataset(
    paths: Iterable[str | Path],
    *,
    model: str | None = None,
    validate: bool = True,
    on_error: Callable[[ArticleError], None] | None = None,
    workers: int = 1,
) -> tuple[Dataset, BuildStats]:
    """Build the graph of every article under ``paths``; one named graph per article.

    Unreadable articles go to ``on_error`` (default: raise) and are skipped. Raises InputError
    when no article at all could be read, ValidationError when a graph does not conform.
    """
    stats = BuildStats()
    results = stream_results(paths, stats, options=Options(model, validate), workers=workers,
                             on_error=on_error)
    return dataset_of(results), stats


def build_file(
    paths: Iterable[str | Path],
    output: str | Path,
    fmt: str | None = None,
    *,
    model: str | None = None,
    validate: bool = True,
    **how,
) -> BuildStats:
    """Build the articles under ``paths`` into the file ``output``, streaming for N-Quads and
    TriG (article by article, bounded memory), in memory for the other formats.

    ``how``: ``workers``, ``on_error``, ``strict``, ``progress``, ``batch_size`` as in
    ``stream_results``. Nothing is written at ``output`` unless the whole build succeeds.
    """
    from kg.output import STREAMING, StreamWriter, write_graph, writer_for

    writer, stats = writer_for(output, fmt), BuildStats()
    options = Options(model, validate, trig=writer.name == "trig")
    results = stream_results(paths, stats, options=options, **how)
    if writer.name not in STREAMING:
        write_graph(dataset_of(results), output, writer.name)
        return stats
    with StreamWriter(output, writer) as out:
        for result in results:
            out.write(result)
    return stats


def build(paths: str | Path | Iterable[str | Path], *, model: str | None = None) -> Dataset:
    """Build and return the knowledge graph of the articles under ``paths`` (notebook API).

    Articles that cannot be read are skipped with a warning.
    """
    import warnings

    if isinstance(paths, (str, Path)):
        paths = [paths]
    dataset, _ = build_dataset(paths, model=model, on_error=lambda err: warnings.warn(str(err)))
    return dataset
