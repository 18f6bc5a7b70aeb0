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
from collections.abc import Callable
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


def render_trig(dataset: Dataset) -> str:
    """TriG: one block per named graph, each block the sorted Turtle of that graph."""
    prefixes: set[str] = set()
    blocks: list[str] = []
    for named in _named_graphs(dataset):
        graph = Graph()
        bind_prefixes(graph)
        for triple in named:
            graph.add(triple)
        body: list[str] = []
        for line in graph.serialize(format="turtle").splitlines():
            if line.startswith("@prefix"):
                prefixes.add(line)
            else:
                body.append(line)
        content = "\n".join("    " + line if line else "" for line in body).strip("\n")
        blocks.append(f"<{named.identifier}> {{\n{content}\n}}\n")
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


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{path}: the folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException as err:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise OutputError(f"{path}: cannot be written ({err.strerror or err})") from None
        raise


def write_graph(dataset: Dataset, path: str | Path, fmt: str | None = None) -> Writer:
    """Serialize ``dataset`` to ``path`` in the chosen format; return the writer used."""
    writer = writer_for(path, fmt)
    write_atomic(path, writer.render(dataset))
    return writer
