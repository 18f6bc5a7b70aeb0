"""Benchmark: the canned queries on the embedded Oxigraph store and on rdflib in memory.

Generates a corpus of synthetic articles (typed records mapped to RDF by kg.rdf, no NLP) of at
least 200k triples by default, writes it as TriG, loads it into a store and into rdflib, and
prints each canned query's time on both, side by side, with the load times. Not a test.

    python benchmarks/store_queries.py                 # about 200k triples
    python benchmarks/store_queries.py --articles 2000 # bigger
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

from rdflib import Dataset  # noqa: E402

from kg.articles import make_article  # noqa: E402
from kg.output import write_graph  # noqa: E402
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


def corpus(articles: int, seed: int) -> Dataset:
    rng, run = random.Random(seed), Run("benchmark")
    pool = actor_pool(rng)
    dataset = Dataset(default_union=True)
    for number in range(articles):
        article, extraction = synthetic_article(number, rng, pool)
        named = dataset.graph(article_iri(article))
        for triple in article_graph(article, extraction, run):
            named.add(triple)
    return dataset


def timed(action):
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


_GRAPH = None  # the rdflib graph, shared with forked workers


def _rdflib_query(query, params):
    return timed(lambda: run_query(_GRAPH, query, **params))


def rdflib_timed(query, params, limit: float):
    """Rows and seconds of a query on the rdflib graph, in a forked worker stopped after
    ``limit`` seconds (rdflib can take very long); (None, None) on a timeout."""
    with multiprocessing.get_context("fork").Pool(1) as pool:
        pending = pool.apply_async(_rdflib_query, (query, params))
        try:
            return pending.get(timeout=limit)
        except multiprocessing.TimeoutError:
            pool.terminate()
            return None, None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=900, help="synthetic articles (default 900: ~200k triples)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rdflib-limit", type=float, default=300, metavar="S",
                        help="stop an rdflib query after S seconds (default 300)")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    dataset, seconds = timed(lambda: corpus(options.articles, options.seed))
    trig = folder / "corpus.trig"
    write_graph(dataset, trig)
    quads = sum(len(g) for g in dataset.graphs())
    print(f"# {platform.platform()}, Python {platform.python_version()}, {platform.processor() or platform.machine()}")
    print(f"corpus: {options.articles} articles, {quads} triples in named graphs ({seconds:.1f} s to generate)")
    store = Store(folder / "store", create=True)
    stats, store_load = timed(lambda: store.load_files([trig]))
    global _GRAPH
    _GRAPH, rdflib_load = timed(lambda: load_rdf(trig))
    print(f"{'load (parse the TriG file)':<28} {store_load:>9.2f} s {rdflib_load:>9.2f} s   store: {len(store)} quads")
    print(f"{'query':<28} {'store':>11} {'rdflib':>11} {'speed-up':>9}  rows  same", flush=True)
    speaker = store.query("statements")[0]["speaker"].split()[-1]
    for query in list_queries():
        params = {p.name: speaker for p in query.params if p.required}
        ours, store_time = timed(lambda: store.query(query, **params))
        theirs, rdflib_time = rdflib_timed(query, params, options.rdflib_limit)
        if rdflib_time is None:
            print(f"{query.name:<28} {store_time:>9.3f} s {'> ' + format(options.rdflib_limit, 'g'):>9} s "
                  f"{'':>9} {len(ours):>5}  ?", flush=True)
            continue
        speed = rdflib_time / store_time if store_time else float("inf")
        print(f"{query.name:<28} {store_time:>9.3f} s {rdflib_time:>9.3f} s {speed:>8.{0 if speed >= 10 else 2}f}x "
              f"{len(ours):>5}  "
              f"{'yes' if ours == theirs else 'NO'}", flush=True)
    store.close()


if __name__ == "__main__":
    main()
