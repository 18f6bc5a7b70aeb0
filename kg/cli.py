"""The ``kg`` command line: a thin layer over the library.

Exit codes: 0 success; 1 the graph does not conform to the shapes (``validate``, ``build``);
2 an error (bad input, unknown query or parameter, unreadable file), printed as one line.
"""

from __future__ import annotations

import contextlib
import functools
import json
import signal
import sys
import threading

import click

from kg import __version__
from kg.errors import KgError, ValidationError

EXIT_VIOLATIONS = 1
EXIT_ERROR = 2
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class CliError(click.ClickException):
    """A library error shown as one line, exit code 2."""

    exit_code = EXIT_ERROR


def library_call(func):
    """Turn library errors into one-line CLI errors; a non-conforming graph exits 1."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            with _terminate_as_interrupt():
                return func(*args, **kwargs)
        except ValidationError as err:
            if err.report_text:
                click.echo(err.report_text, err=True)
            click.echo(f"Error: {err}", err=True)
            sys.exit(EXIT_VIOLATIONS)
        except KgError as err:
            raise CliError(str(err)) from None
        except KeyboardInterrupt:
            raise CliError("interrupted; no output file was written (a store keeps the whole "
                           "articles written so far)") from None

    return wrapper


@contextlib.contextmanager
def _terminate_as_interrupt():
    """SIGTERM (``kill``, a job scheduler stopping the run) cleans up like Ctrl-C: no partial
    output file, whole articles only in a store."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt


def _warn(err: Exception) -> None:
    click.echo(f"kg: skipped {err}", err=True)


def _output_formats() -> list[str]:
    from kg.output import WRITERS

    return list(WRITERS)


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="kg")
def main() -> None:
    """Build a knowledge graph of actors, statements, operations and designations from news.

    \b
    Example:
      kg build examples/articles -o graph.ttl
      kg validate graph.ttl
      kg query statements --graph graph.ttl
      kg export graph.ttl --format graphml -o graph.graphml
    """


@main.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", "output", default=None, type=click.Path(),
              help="Output file (a folder with --dask-scheduler); the format comes from its "
                   "extension unless --format is given.")
@click.option("--store", "store_dir", default=None, type=click.Path(file_okay=False), metavar="DIR",
              help="Add the articles to the store in DIR instead (created if needed); articles "
                   "already there (same text) are skipped.")
@click.option("--format", "fmt", type=click.Choice(_output_formats()), default=None,
              help="Output format (default: from the extension of OUTPUT).")
@click.option("--model", default=None, metavar="NAME",
              help="An installed trained spaCy pipeline (default: blank English plus rules).")
@click.option("--workers", default=None, type=click.IntRange(min=1), metavar="N",
              help="Worker processes (default: the number of cores); the output does not depend on it.")
@click.option("--strict", is_flag=True,
              help="Stop at the first article that cannot be read or extracted (default: skip it).")
@click.option("--dask-scheduler", "scheduler", default=None, metavar="ADDRESS",
              help="Run on a Dask cluster (tcp://host:8786); OUTPUT is a folder of N-Quads shards.")
@click.option("--partition-size", default=None, type=click.IntRange(min=1), metavar="N",
              help="Articles per Dask partition, one shard each (default: 1000).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, no summary line.")
@library_call
def build(paths, output, store_dir, fmt, model, workers, strict, scheduler, partition_size, quiet):
    """Build a validated graph from article files (.txt, .jsonl, .jsonl.gz) or folders of them.

    Each article is validated on its own; a graph that does not conform is never written: it
    is reported and left out, the others are written, and the exit code is 1 (--strict: stop).
    Quad formats (.nq, .trig, .jsonld) put each article in a named graph of its own.
    N-Quads and TriG are written article by article (any corpus size); Turtle, N-Triples and
    JSON-LD hold the whole graph in memory (small corpora). With --store DIR (instead of -o)
    the articles go straight into a store; only new or changed articles are extracted.
    Unreadable articles are reported and skipped (--strict: fatal); a progress bar shows
    on a terminal.

    \b
    Example:
      kg build examples/articles -o graph.ttl
      kg build news/ more.jsonl.gz -o graph.nq --workers 4
      kg build examples/articles --store kg-store
      kg build archive.jsonl.gz --dask-scheduler tcp://10.0.0.5:8786 -o shards/
    """
    _exactly_one(("-o", output), ("--store", store_dir))
    from kg.parallel import default_workers

    how = {"workers": workers or default_workers(), "on_error": _warn, "strict": strict,
           "progress": not quiet and sys.stderr.isatty()}
    if scheduler is not None:
        _build_on_dask(paths, output, scheduler, model, partition_size, how, quiet)
        return
    if store_dir is not None:
        _build_into_store(paths, store_dir, model, how, quiet)
        return
    from kg.builder import build_file
    from kg.output import writer_for

    writer_for(output, fmt)  # fail on an unknown format before any work
    stats = build_file(paths, output, fmt, model=model, **how)
    if not quiet:
        click.echo(f"kg: {stats.summary()} -> {output}", err=True)
    _exit_if_invalid(stats)


def _exit_if_invalid(stats) -> None:
    """Articles left out because their graphs do not conform: exit 1 after writing the rest."""
    if stats.invalid:
        click.echo(f"Error: {len(stats.invalid)} articles left out, their graphs do not conform "
                   f"to the shapes: {', '.join(stats.invalid[:5])}"
                   + (" ..." if len(stats.invalid) > 5 else ""), err=True)
        sys.exit(EXIT_VIOLATIONS)


def _build_on_dask(paths, output, scheduler, model, partition_size, how, quiet) -> None:
    from kg.distributed import PARTITION_SIZE, build_shards

    if output is None:
        raise CliError("--dask-scheduler writes N-Quads shards: give the folder with -o")
    stats = build_shards(paths, output, scheduler, model=model, partition_size=partition_size or PARTITION_SIZE,
                         on_error=how["on_error"], strict=how["strict"], progress=how["progress"])
    if not quiet:
        click.echo(f"kg: {stats.summary()} -> {output}", err=True)
    _exit_if_invalid(stats)


def _build_into_store(paths, store_dir, model, how, quiet) -> None:
    from kg.store import Store

    with Store(store_dir, create=True) as store:
        load_stats, stats = store.add_articles(paths, model=model, **how)
    if not quiet:
        click.echo(f"kg: {load_stats.unchanged} unchanged articles skipped; extracted {stats.summary()}; "
                   f"{len(load_stats.superseded)} older versions replaced -> {store_dir}", err=True)
    _exit_if_invalid(stats)


def _exactly_one(*options: tuple[str, object]) -> None:
    given = [name for name, value in options if value is not None]
    if len(given) != 1:
        names = ", ".join(name for name, _ in options)
        raise CliError(f"give exactly one of {names}" + (f" (got {', '.join(given)})" if given else ""))


@main.command(context_settings=CONTEXT)
@click.argument("file", required=False, type=click.Path())
@click.option("--store", "store_dir", default=None, type=click.Path(file_okay=False), metavar="DIR",
              help="Validate the articles of the store in DIR instead of a file.")
@library_call
def validate(file, store_dir):
    """Validate an RDF file (or a store's articles) against kg's SHACL shapes.

    Exit 0 when it conforms, 1 when it has violations (listed), 2 when it cannot be read.

    \b
    Example:
      kg validate graph.ttl
      kg validate --store kg-store
    """
    from kg.validate import load_rdf, report_summary
    from kg.validate import validate as run_validation

    _exactly_one(("FILE", file), ("--store", store_dir))
    if store_dir is not None:
        from kg.store import Store

        with Store(store_dir) as store:
            result = store.validate()
    else:
        result = run_validation(load_rdf(file))
    if result.conforms:
        click.echo(f"{file or store_dir}: conforms")
        return
    click.echo(report_summary(result))
    sys.exit(EXIT_VIOLATIONS)


def _parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise CliError(f"--param {pair!r}: expected name=value")
        params[name] = value
    return params


def _query_formats() -> list[str]:
    from kg.queries import FORMATTERS

    return list(FORMATTERS)


def _auth_options(func):
    """--auth-env and --timeout, for the commands that talk to an endpoint."""
    func = click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1),
                        metavar="S", help="Seconds to wait for each HTTP answer.")(func)
    return click.option("--auth-env", default=None, metavar="VAR",
                        help="Environment variable holding user:password for the endpoint "
                             "(default: ~/.netrc, else none).")(func)


@main.command(context_settings=CONTEXT)
@click.argument("name")
@click.option("--graph", "graph_file", default=None, type=click.Path(), help="RDF file to query.")
@click.option("--store", "store_dir", default=None, type=click.Path(file_okay=False), metavar="DIR",
              help="Store to query.")
@click.option("--endpoint", default=None, metavar="URL", help="SPARQL 1.1 Protocol query endpoint.")
@_auth_options
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A query parameter, bound as an RDF term (repeatable).")
@click.option("--format", "fmt", type=click.Choice(_query_formats()), default="table",
              show_default=True)
@library_call
def query(name, graph_file, store_dir, endpoint, auth_env, timeout, params, fmt):
    """Run a canned query (see list-queries) or a .rq file on a graph, a store or an endpoint.

    \b
    Example:
      kg query statements --graph graph.ttl
      kg query statements-by-speaker --graph graph.ttl --param speaker=Sheinbaum --format json
      kg query actors --store kg-store
      kg query actors --endpoint http://localhost:8890/sparql
    """
    from kg.queries import format_rows, load_query, run_query

    _exactly_one(("--graph", graph_file), ("--store", store_dir), ("--endpoint", endpoint))
    canned = load_query(name)
    bound = _parse_params(params)
    if store_dir is not None:
        from kg.store import Store

        with Store(store_dir) as store:
            rows = store.query(canned, **bound)
    elif endpoint is not None:
        from kg.remote import Endpoint

        rows = Endpoint(endpoint, auth_env=auth_env, timeout=timeout).query(canned, **bound)
    else:
        from kg.validate import load_rdf

        rows = run_query(load_rdf(graph_file), canned, **bound)
    click.echo(format_rows(rows, canned.columns, fmt), nl=False)


@main.command(context_settings=CONTEXT)
@click.argument("graphs", nargs=-1, required=True, type=click.Path(), metavar="GRAPH...")
@click.option("--store", "store_dir", default=None, type=click.Path(file_okay=False), metavar="DIR",
              help="Load into the store in DIR (created if needed).")
@click.option("--endpoint", default=None, metavar="URL",
              help="Load into a SPARQL 1.1 Graph Store HTTP Protocol endpoint (PUT per graph).")
@_auth_options
@click.option("-q", "--quiet", is_flag=True, help="Do not print the summary line.")
@library_call
def load(graphs, store_dir, endpoint, auth_env, timeout, quiet):
    """Load RDF files into a store or a remote triple store, one named graph per article.

    A graph already there is replaced, so loading the same files twice changes nothing.
    Every file is parsed before anything is written. Credentials for an endpoint come from
    --auth-env VAR (a variable holding user:password) or ~/.netrc, never from the command line.

    \b
    Example:
      kg load graph.trig --store kg-store
      kg load graph.trig --endpoint http://localhost:8890/sparql-graph-crud-auth --auth-env KG_AUTH
    """
    _exactly_one(("--store", store_dir), ("--endpoint", endpoint))
    if store_dir is not None:
        from kg.store import Store

        with Store(store_dir, create=True) as store:
            stats = store.load_files(graphs)
        summary, target = stats.summary(), store_dir
    else:
        from kg.remote import load as remote_load

        summary = remote_load(endpoint, graphs, auth_env=auth_env, timeout=timeout).summary()
        target = endpoint
    if not quiet:
        click.echo(f"kg: loaded {summary} -> {target}", err=True)


@main.command(context_settings=CONTEXT)
@click.option("--graph", "graph_file", default=None, type=click.Path(), help="RDF file.")
@click.option("--store", "store_dir", default=None, type=click.Path(file_okay=False), metavar="DIR",
              help="Store.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@library_call
def stats(graph_file, store_dir, fmt):
    """Count articles, actors by type, statements, operations, designations and triples.

    \b
    Example:
      kg stats --graph graph.trig
      kg stats --store kg-store --format json
    """
    from kg.stats import graph_stats, store_stats

    _exactly_one(("--graph", graph_file), ("--store", store_dir))
    if store_dir is not None:
        from kg.store import Store

        with Store(store_dir) as store:
            result = store_stats(store)
    else:
        from kg.validate import load_rdf

        result = graph_stats(load_rdf(graph_file))
    click.echo(result.to_json() if fmt == "json" else result.to_table(), nl=False)


@main.command("list-queries", context_settings=CONTEXT)
def list_queries():
    """List the canned queries with their parameters and columns.

    \b
    Example:
      kg list-queries
    """
    from kg.queries import list_queries as all_queries

    for canned in all_queries():
        params = ", ".join(p.name + ("" if p.required else "?") for p in canned.params) or "-"
        click.echo(f"{canned.name}\n    {canned.purpose}\n    params: {params}\n"
                   f"    columns: {', '.join(canned.columns)}")


@main.command(context_settings=CONTEXT)
@click.argument("graph_file", metavar="GRAPH", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["graphml"]), default="graphml", show_default=True)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
@library_call
def export(graph_file, fmt, output):
    """Export the actor network of a graph for Gephi or Cytoscape.

    \b
    Example:
      kg export graph.ttl --format graphml -o graph.graphml
    """
    from kg.export import EXPORTERS
    from kg.validate import load_rdf

    network = EXPORTERS[fmt](load_rdf(graph_file), output)
    click.echo(f"kg: {network} -> {output}", err=True)


@main.command("eval", context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--gold", required=True, type=click.Path(), help="Gold annotations (kg-gold/1 JSON).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("-v", "--verbose", is_flag=True, help="List misses and false positives.")
@click.option("--model", default=None, metavar="NAME", help="A trained spaCy pipeline to use.")
@library_call
def evaluate(paths, gold, fmt, verbose, model):
    """Build the graph of articles and score it against gold annotations.

    \b
    Example:
      kg eval --gold examples/gold.json examples/articles
    """
    from kg.builder import build_dataset
    from kg.evaluate import evaluate_graph, load_gold

    gold_data = load_gold(gold)
    dataset, _ = build_dataset(paths, model=model, on_error=_warn)
    report = evaluate_graph(gold_data, dataset)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), indent=2, sort_keys=True))
    else:
        click.echo(report.to_text(verbose=verbose))
