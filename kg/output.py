"""Writers: a registry of RDF output formats, all deterministic and written atomically.

The same graph gives byte-identical output: line formats are sorted, Turtle uses rdflib's sorted
serializer, TriG is assembled from per-graph Turtle in graph order, JSON-LD is re-serialized with
sorted keys and lists. Files are written to a temporary file beside the target and renamed, so a
failed write never leaves a partial file.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from kg.errors import OutputError
from kg.rdf import bind_prefixes


@dataclass(frozen=True)
class Writer:
    """One output format: its name, file extensions, and a function graph → text."""

    name: str
    extensions: tuple[str, ...]
    quads: bool
    render: Callable[[Dataset], str]


def _sorted_lines(text: str) -> str:
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return "\n".join(lines) + "\n" if lines else ""


def union(dataset: Dataset) -> Graph:
    """All triples of every graph of the dataset in one Graph, prefixes bound."""
    graph = Graph()
    bind_prefixes(graph)
    for context in dataset.graphs():
        for triple in context:
            graph.add(triple)
    return graph


def _named_graphs(dataset: Dataset) -> list[Graph]:
    graphs = [g for g in dataset.graphs() if len(g) and isinstance(g.identifier, URIRef)]
    return sorted(graphs, key=lambda g: str(g.identifier))


def render_turtle(dataset: Dataset) -> str:
    return union(dataset).serialize(format="turtle")


def render_ntriples(dataset: Dataset) -> str:
    return _sorted_lines(union(dataset).serialize(format="nt"))


def render_nquads(dataset: Dataset) -> str:
    return _sorted_lines(dataset.serialize(format="nquads"))


def trig_block(named: Graph, iri: str) -> tuple[tuple[str, ...], str]:
    """The @prefix lines and the TriG block (the graph's sorted Turtle) of one named graph."""
    graph = Graph()
    bind_prefixes(graph)
    for triple in named:
        graph.add(triple)
    prefixes: set[str] = set()
    body: list[str] = []
    for line in graph.serialize(format="turtle").splitlines():
        if line.startswith("@prefix"):
            prefixes.add(line)
        else:
            body.append(line)
    # not indented: an indent would change the text of multi-line (triple-quoted) literals
    content = "\n".join(body).strip("\n")
    return tuple(sorted(prefixes)), f"<{iri}> {{\n{content}\n}}\n"


def render_trig(dataset: Dataset) -> str:
    """TriG: one block per named graph, each block the sorted Turtle of that graph."""
    prefixes: set[str] = set()
    blocks: list[str] = []
    for named in _named_graphs(dataset):
        used, block = trig_block(named, str(named.identifier))
        prefixes.update(used)
        blocks.append(block)
    return "\n".join(sorted(prefixes)) + "\n\n" + "\n".join(blocks)


def _canonical(value):
    if isinstance(value, dict):
        return {key: _canonical(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        items = [_canonical(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return value


def render_jsonld(dataset: Dataset) -> str:
    data = json.loads(dataset.serialize(format="json-ld"))
    return json.dumps(_canonical(data), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


WRITERS: dict[str, Writer] = {
    writer.name: writer
    for writer in (
        Writer("turtle", (".ttl",), False, render_turtle),
        Writer("nt", (".nt",), False, render_ntriples),
        Writer("nquads", (".nq",), True, render_nquads),
        Writer("trig", (".trig",), True, render_trig),
        Writer("json-ld", (".jsonld", ".json"), True, render_jsonld),
    )
}


def writer_for(path: str | Path, fmt: str | None = None) -> Writer:
    """The writer named ``fmt``, else the one whose extension ``path`` has."""
    if fmt:
        if fmt not in WRITERS:
            raise OutputError(f"unknown format {fmt!r}; choose one of {', '.join(WRITERS)}")
        return WRITERS[fmt]
    suffix = Path(path).suffix.lower()
    for writer in WRITERS.values():
        if suffix in writer.extensions:
            return writer
    known = ", ".join(ext for w in WRITERS.values() for ext in w.extensions)
    raise OutputError(f"{path}: cannot tell the format from the extension (use {known} or --format)")


class StreamWriter:
    """Write articles one at a time to a temporary file beside ``path``; rename it to ``path``
    when the ``with`` block ends normally, delete it otherwise (an existing ``path`` is kept).

    N-Quads: each article's sorted lines. TriG: each article's block, preceded by the @prefix
    lines it needs that were not written yet (TriG allows directives between blocks).
    """

    def __init__(self, path: str | Path, writer: Writer):
        if writer.name not in STREAMING:
            raise OutputError(f"{writer.name} cannot be written as a stream")
        self.path, self.writer = Path(path), writer
        self.prefixes: set[str] = set()
        self.bytes = 0
        self._file = None
        self._fh = None

    def __enter__(self) -> StreamWriter:
        self._file = atomic_file(self.path)
        self._fh = self._file.__enter__()
        return self

    def write(self, result) -> None:
        """Append one ``kg.parallel.ArticleResult``."""
        if self.writer.name == "trig":
            new = [line for line in result.prefixes if line not in self.prefixes]
            self.prefixes.update(new)
            text = "".join(line + "\n" for line in new) + ("\n" if self.bytes else "") + result.trig
        else:
            text = result.nquads
        self._emit(text)

    def _emit(self, text: str) -> None:
        try:
            self._fh.write(text)
        except OSError as err:
            raise OutputError(f"{self.path}: cannot be written ({err.strerror or err})") from None
        self.bytes += len(text)

    def __exit__(self, exc_type, exc, tb) -> None:
        self._file.__exit__(exc_type, exc, tb)


STREAMING = ("nquads", "trig")


@contextmanager
def atomic_file(path: str | Path, binary: bool = False) -> Iterator:
    """Open a temporary file beside ``path`` for writing. When the block ends normally it is
    renamed to ``path``; on any error it is deleted and an existing ``path`` is kept."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{path}: the folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise OutputError(f"{path}: cannot be written ({err.strerror or err})") from None
    try:
        with os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; an output is an ordinary file
        os.replace(tmp, target)
    except OSError as err:
        raise OutputError(f"{path}: cannot be written ({err.strerror or err})") from None
    finally:
        Path(tmp).unlink(missing_ok=True)


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename."""
    with atomic_file(path) as fh:
        fh.write(text)


def write_graph(dataset: Dataset, path: str | Path, fmt: str | None = None) -> Writer:
    """Serialize ``dataset`` to ``path`` in the chosen format; return the writer used."""
    writer = writer_for(path, fmt)
    write_atomic(path, writer.render(dataset))
    return writer
