"""Benchmark: the canned queries on the embedded Oxigraph store (and on rdflib in memory).

Generates a corpus of synthetic articles (typed records mapped to RDF by kg.rdf, no NLP),
streams it to an N-Quads file, loads it into a store with ``kg.store`` and prints each canned
query's time (wall and CPU, best of --repeat) on the store; with --rdflib also on rdflib, with
a check that both give the same rows. Not a test.

    python benchmarks/store_queries.py                       # 3500 articles: ~1.8M quads
    python benchmarks/store_queries.py --articles 300 --rdflib
    python benchmarks/store_queries.py --dir /tmp/bench      # keep (and later reuse) the store
    python benchmarks/store_queries.py --store kg-store      # a store from kg load / kg build
"""

from __future__ import annotations

import argparse
import multiprocessing
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.articles import make_article  # noqa: E402
from kg.queries import list_queries, run_query  # noqa: E402
from kg.rdf import Run, article_graph, article_iri  # noqa: E402
from kg.records import Actor, Designation, Evidence, Extraction, Mention, Operation, Statement  # noqa: E402
from kg.store import Store  # noqa: E402
from kg.validate import load_rdf  # noqa: E402

SYLLABLES = "ka lo ri ma ten su var den mo li sa ro bel na gor vi".split()
STANCES = ("against_intervention", "for_intervention", "neutral")
OPERATIONS = ("strike", "raid", "deployment", "seizure", "arrest", "surveillance")
STATUSES = ("conducted", "threatened", "proposed", "authorized", "ruled_out")


def name(rng: random.Random, words: int) -> str:
    return " ".join("".join(rng.sample(SYLLABLES, 2)).capitalize() for _ in range(words))


def actor_pool(rng: random.Random) -> dict[str, list[Actor]]:
    def make(label: str, kind: str, **extra) -> Actor:
        key = label.lower().replace(" ", "-")
        return Actor(key, label, kind, (label,), known=False, **extra)

    countries = [make(name(rng, 1) + "ia", "Country") for _ in range(40)]
    return {
        "Country": countries,
        "Person": [make(name(rng, 2), "Person", government=rng.choice(countries).key) for _ in range(400)],
        "CriminalOrganization": [make(name(rng, 1) + " Cartel", "CriminalOrganization") for _ in range(60)],
        "GovernmentBody": [make("Ministry of " + name(rng, 1), "GovernmentBody") for _ in range(60)],
    }


class Writer:
    """Builds an article text sentence by sentence, keeping offsets for evidence."""

    def __init__(self) -> None:
        self.text = ""
        self.mentions: list[Mention] = []

    def sentence(self, parts: list[tuple[str, Actor | None]]) -> tuple[Evidence, dict[str, Evidence]]:
        start, spans = len(self.text), {}
        body = ""
        for piece, actor in parts:
            if actor is not None:
                spans[piece] = (start + len(body), start + len(body) + len(piece), actor)
            body += piece
        self.text += body + "\n"
        sentence = lambda s, e: Evidence(s, e, body, start)  # noqa: E731
        found = {}
        for piece, (s, e, actor) in spans.items():
            found[piece] = sentence(s, e)
            self.mentions.append(Mention(actor, sentence(s, e), piece))
        return sentence(start, start + len(body)), found


def synthetic_article(number: int, rng: random.Random, pool: dict[str, list[Actor]]):
    writer, statements, operations, designations = Writer(), [], [], []
    for _ in range(3):
        speaker, other = rng.choice(pool["Person"]), rng.choice(pool["Country"])
        quote = f"{name(rng, 3).lower()} will not {rng.choice(['stop', 'wait', 'accept this'])}"
        whole, spans = writer.sentence([(speaker.label, speaker), (' said: "', None), (quote, None),
                                        (' about ', None), (other.label, other), ('."', None)])
        evidence = Evidence(whole.start + len(speaker.label) + 8, whole.start + len(speaker.label) + 8 + len(quote),
                            whole.sentence, whole.sentence_start)
        statements.append(Statement(speaker, quote, "direct", rng.choice(STANCES), evidence, verb="say",
                                    mentions=(other,)))
    for _ in range(2):
        agent, target = rng.choice(pool["Country"]), rng.choice(pool["CriminalOrganization"])
        where = rng.choice(pool["Country"])
        date = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        whole, _ = writer.sentence([(agent.label, agent), (" forces hit ", None), (target.label, target),
                                    (" in ", None), (where.label, where), (f" on {date}.", None)])
        operations.append(Operation(rng.choice(OPERATIONS), rng.choice(STATUSES), "hit", whole, agent=agent,
                                    target=target, location=where, date=date, casualties=rng.randint(0, 30)))
    designator, designee = rng.choice(pool["Country"]), rng.choice(pool["CriminalOrganization"])
    whole, _ = writer.sentence([(designator.label, designator), (" designated ", None),
                                (designee.label, designee), (" a terrorist organization.", None)])
    designations.append(Designation(designator, designee.label, "terrorist_organization", whole, designee=designee))
    actors = {m.actor.key: m.actor for m in writer.mentions}
    extraction = Extraction(actors, writer.mentions, statements, operations, designations)
    article = make_article(f"synthetic-{number:05d}.txt", writer.text,
                           {"title": f"Report {number}", "published": "2025-12-01"})
    return article, extraction


def corpus(articles: int, seed: int):
    """(article IRI, rdflib Graph) of each synthetic article, one at a time."""
    rng, run = random.Random(seed), Run("benchmark")
    pool = actor_pool(rng)
    for number in range(articles):
        article, extraction = synthetic_article(number, rng, pool)
        yield str(article_iri(article)), article_graph(article, extraction, run)


def write_nquads(articles: int, seed: int, path: Path) -> int:
    """Write the synthetic corpus as N-Quads, one named graph per article, streaming (the
    corpus is never held in memory); the number of quads written."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for iri, graph in corpus(articles, seed):
            lines = graph.serialize(format="nt").splitlines()
            out.writelines(f"{line[:-1].rstrip()} <{iri}> .\n" for line in lines if line.strip())
            count += len(lines)
    return count


def timed(action):
    """Result, wall seconds and CPU seconds (this process) of ``action()``."""
    start, cpu = time.perf_counter(), time.process_time()
    result = action()
    return result, time.perf_counter() - start, time.process_time() - cpu


_GRAPH = None  # the rdflib graph, shared with forked workers


def _rdflib_query(query, params):
    return timed(lambda: run_query(_GRAPH, query, **params))


def rdflib_timed(query, params, limit: float):
    """Rows, wall and CPU seconds of a query on the rdflib graph, in a forked worker stopped
    after ``limit`` seconds (rdflib can take very long); (None, None, None) on a timeout."""
    with multiprocessing.get_context("fork").Pool(1) as pool:
        pending = pool.apply_async(_rdflib_query, (query, params))
        try:
            return pending.get(timeout=limit)
        except multiprocessing.TimeoutError:
            pool.terminate()
            return None, None, None


def open_store(folder: Path, options) -> Store:
    """The store in ``folder``, generated and loaded unless it is there already."""
    data = folder / "corpus.nq"
    if (folder / "store" / "CURRENT").is_file() and data.is_file():
        print(f"reusing {folder / 'store'}")
        return Store(folder / "store")
    quads, seconds, _ = timed(lambda: write_nquads(options.articles, options.seed, data))
    size = data.stat().st_size / 2**20
    print(f"corpus: {options.articles} articles, {quads} triples in named graphs, {size:.0f} MiB "
          f"of N-Quads ({seconds:.1f} s to generate)")
    with Store(folder / "store", create=True) as store:
        _, seconds, cpu = timed(lambda: store.load_files([data]))
    print(f"load: {seconds:.2f} s ({cpu:.2f} s CPU)")
    return Store(folder / "store")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3500,
                        help="synthetic articles (default 3500: ~0.9M article triples, ~1.8M quads in the store)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", type=Path, default=None,
                        help="keep the corpus and the store in DIR; a store already there is reused")
    parser.add_argument("--store", type=Path, default=None, metavar="DIR",
                        help="time the queries on an existing store instead (e.g. one from kg load)")
    parser.add_argument("--rdflib", action="store_true", help="also run each query on rdflib and compare rows")
    parser.add_argument("--rdflib-limit", type=float, default=300, metavar="S",
                        help="stop an rdflib query after S seconds (default 300)")
    parser.add_argument("--repeat", type=int, default=3, help="run each store query N times, keep the best")
    options = parser.parse_args()
    print(f"# {platform.platform()}, Python {platform.python_version()}, {platform.processor() or platform.machine()}")
    if options.store and options.rdflib:
        parser.error("--rdflib needs the generated corpus (not --store)")
    if options.store:
        store = Store(options.store)
    else:
        folder = options.dir or Path(tempfile.mkdtemp(prefix="kg-bench-"))
        folder.mkdir(parents=True, exist_ok=True)
        store = open_store(folder, options)
    print(f"store: {len(store)} quads, {len(store.graph_names())} article graphs")
    if options.rdflib:
        global _GRAPH
        _GRAPH, seconds, _ = timed(lambda: load_rdf(folder / "corpus.nq"))
        print(f"rdflib: parsed in {seconds:.2f} s")
    time_queries(store, options)
    store.close()


def time_queries(store: Store, options) -> None:
    """Print each canned query's best wall and CPU time on the store (and on rdflib)."""
    print(f"{'query':<24} {'store':>9} {'CPU':>9}  {'rows':>6}" + ("   rdflib  same" if options.rdflib else ""))
    rows = store.query("statements")
    speaker = rows[0]["speaker"].split()[-1] if rows else "Nobody"
    for query in list_queries():
        params = {p.name: speaker for p in query.params if p.required}
        runs = [timed(lambda: store.query(query, **params)) for _ in range(max(1, options.repeat))]
        ours, wall, cpu = min(runs, key=lambda r: r[2])
        line = f"{query.name:<24} {wall:>7.3f} s {cpu:>7.3f} s  {len(ours):>6}"
        if options.rdflib:
            theirs, seconds, _ = rdflib_timed(query, params, options.rdflib_limit)
            line += (f"  > {options.rdflib_limit:g} s  ?" if seconds is None
                     else f"  {seconds:>7.3f} s  {'yes' if ours == theirs else 'NO'}")
        print(line, flush=True)


if __name__ == "__main__":
    main()
