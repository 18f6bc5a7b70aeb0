"""Build: articles → extraction → per-article RDF graph → SHACL validation → one Dataset.

Each article is extracted, mapped and validated on its own and lands in a named graph of its
own (its article IRI); merging across articles relies only on content-derived IRIs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from kg import __version__
from kg.articles import Article, read_articles
from kg.errors import ArticleError, InputError, ValidationError
from kg.rdf import Run, article_graph, article_iri, bind_prefixes


@dataclass
class BuildStats:
    """What a build did, for the summary line."""

    articles: int = 0
    skipped: list[str] = field(default_factory=list)
    statements: int = 0
    operations: int = 0
    designations: int = 0
    mentions: int = 0

    def summary(self) -> str:
        return (
            f"{self.articles} articles ({len(self.skipped)} skipped): {self.statements} statements, "
            f"{self.operations} operations, {self.designations} designations, "
            f"{self.mentions} actor mentions"
        )


class Builder:
    """Holds the spaCy pipeline and the run description; turns articles into graphs."""

    def __init__(self, model: str | None = None, validate: bool = True):
        from kg.nlp import load_pipeline

        self.nlp = load_pipeline(model)
        self.run = Run(__version__, model or "blank:en")
        self.validate = validate

    def article_graph(self, article: Article):
        """Extract one article and return its validated graph and its extraction."""
        from kg.extract import extract

        extraction = extract(self.nlp, article)
        graph = article_graph(article, extraction, self.run)
        if self.validate:
            _check(graph, article.source)
        return graph, extraction


def _check(graph, source: str) -> None:
    from kg.validate import report_summary, validate

    result = validate(graph)
    if not result.conforms:
        raise ValidationError(
            f"{source}: the extracted graph does not conform to the shapes", report_summary(result)
        )


def build_dataset(
    paths: Iterable[str | Path],
    *,
    model: str | None = None,
    validate: bool = True,
    on_error: Callable[[ArticleError], None] | None = None,
) -> tuple[Dataset, BuildStats]:
    """Build the graph of every article under ``paths``; one named graph per article.

    Unreadable articles go to ``on_error`` (default: raise) and are skipped. Raises InputError
    when no article at all could be read, ValidationError when a graph does not conform.
    """
    stats = BuildStats()

    def skip(err: ArticleError) -> None:
        stats.skipped.append(str(err))
        if on_error is None:
            raise err
        on_error(err)

    builder = Builder(model, validate)
    dataset = bind_prefixes(Dataset(default_union=True))
    seen: dict[str, str] = {}
    for article in read_articles(paths, skip):
        if article.content_hash in seen:
            skip(ArticleError(f"{article.source}: same text as {seen[article.content_hash]}, skipped"))
            continue
        seen[article.content_hash] = article.source
        graph, extraction = builder.article_graph(article)
        named = dataset.graph(article_iri(article))
        for triple in graph:
            named.add(triple)
        stats.articles += 1
        stats.statements += len(extraction.statements)
        stats.operations += len(extraction.operations)
        stats.designations += len(extraction.designations)
        stats.mentions += len(extraction.mentions)
    if stats.articles == 0:
        raise InputError("no article could be read")
    return dataset, stats


def build(paths: str | Path | Iterable[str | Path], *, model: str | None = None) -> Dataset:
    """Build and return the knowledge graph of the articles under ``paths`` (notebook API).

    Articles that cannot be read are skipped with a warning.
    """
    import warnings

    if isinstance(paths, (str, Path)):
        paths = [paths]
    dataset, _ = build_dataset(paths, model=model, on_error=lambda err: warnings.warn(str(err)))
    return dataset
