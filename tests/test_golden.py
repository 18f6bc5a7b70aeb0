"""Golden graph: one example article built end to end, compared by graph isomorphism.

After an intended change to extraction or mapping, regenerate with
``KG_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py`` and review the diff in git.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, to_isomorphic

from kg.builder import build_dataset
from kg.output import union

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden"
CASES = sorted((ROOT / "examples" / "articles").glob("*.txt"))[:1]


def readable_diff(expected: Graph, actual: Graph, limit: int = 40) -> str:
    _, missing, extra = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
    lines = [f"- {' '.join(t.n3() for t in triple)}" for triple in sorted(missing)][:limit]
    lines += [f"+ {' '.join(t.n3() for t in triple)}" for triple in sorted(extra)][:limit]
    return f"{len(missing)} triples missing (-), {len(extra)} unexpected (+):\n" + "\n".join(lines)


@pytest.mark.parametrize("article", CASES, ids=lambda p: p.name)
def test_example_article_matches_its_golden_graph(article):
    dataset, _ = build_dataset([article])
    actual = union(dataset)
    golden = GOLDEN / (article.stem + ".ttl")
    if os.environ.get("KG_UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(actual.serialize(format="turtle"), encoding="utf-8")
    assert golden.exists(), f"no golden graph {golden.name}; create it with KG_UPDATE_GOLDEN=1"
    expected = Graph().parse(golden, format="turtle")
    assert to_isomorphic(expected) == to_isomorphic(actual), readable_diff(expected, actual)


def test_readable_diff_names_the_changed_triple():
    expected = Graph().parse(data="<http://e/a> <http://e/p> 'x' .", format="turtle")
    actual = Graph().parse(data="<http://e/a> <http://e/p> 'y' .", format="turtle")
    text = readable_diff(expected, actual)
    assert '- <http://e/a> <http://e/p> "x"' in text and '+ <http://e/a> <http://e/p> "y"' in text
