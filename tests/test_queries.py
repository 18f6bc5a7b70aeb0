"""Canned SPARQL queries on the hand-written fixture tests/data/query_graph.trig (two articles)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from kg.errors import OutputError, QueryError
from kg.queries import (
    FORMATTERS,
    CannedQuery,
    Param,
    format_rows,
    list_queries,
    load_query,
    parse_params,
    run_query,
)

FIXTURE = Path(__file__).parent / "data" / "query_graph.trig"
ID = "https://w3id.org/newskg/id/"
SHEINBAUM_QUOTE = ID + "statement/c7884eb397434cd5"
TRUMP_QUOTE = ID + "statement/3c406d56ec0d02a0"
WASHINGTON_QUOTE = ID + "statement/36dbe183927125bf"
CARIBBEAN_STRIKE = ID + "operation/efbb735feb5254c7"
PACIFIC_STRIKE = ID + "operation/8595af60f1268b4d"
RAID = ID + "operation/f0e70937a5daa7ec"
DEPLOYMENT = ID + "operation/52fb727d9d0cab88"
FTO = ID + "designation/c7f25ad276a778f3"
COMBATANTS = ID + "designation/fc7c6892a1cd03d8"
QUOTE = "Mexico will not accept any intervention"
TDA, US, STATE_DEPT = "Tren de Aragua", "United States", "US State Department"
FTO_CATEGORY = "foreign_terrorist_organization"


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    """The fixture as a Dataset that does NOT make the union its default graph."""
    ds = Dataset()
    ds.parse(FIXTURE, format="trig")
    return ds


def rows_of(columns: str, *values: tuple) -> list[dict]:
    names = columns.split()
    return [dict(zip(names, row)) for row in values]


EXPECTED = {
    "actors": rows_of(
        "actor label type mentions articles",
        (ID + "actor/claudia-sheinbaum", "Claudia Sheinbaum", "Person", "3", "2"),
        (ID + "actor/donald-trump", "Donald Trump", "Person", "3", "2"),
        (ID + "actor/mexico", "Mexico", "Country", "4", "2"),
        (ID + "actor/sinaloa-cartel", "Sinaloa Cartel", "CriminalOrganization", "1", "1"),
        (ID + "actor/tren-de-aragua", "Tren de Aragua", "CriminalOrganization", "4", "2"),
        (ID + "actor/us-state-department", "US State Department", "GovernmentBody", "1", "1"),
        (ID + "actor/united-states", "United States", "Country", "4", "2"),
    ),
    "statements": rows_of(
        "statement speaker text stance article start end",
        (SHEINBAUM_QUOTE, "Claudia Sheinbaum", QUOTE, "against_intervention", "alpha.txt", "40", "79"),
        (SHEINBAUM_QUOTE, "Claudia Sheinbaum", QUOTE, "against_intervention", "beta.txt", "1", "40"),
        (WASHINGTON_QUOTE, "Claudia Sheinbaum", "cooperating with Washington", "neutral", "beta.txt",
         "126", "153"),
        (TRUMP_QUOTE, "Donald Trump", "the cartels are running Mexico", "for_intervention", "alpha.txt",
         "133", "163"),
    ),
    "operations": rows_of(
        "operation type status agent target location date casualties article",
        (DEPLOYMENT, "deployment", "proposed", "Donald Trump", "the cartels", "Mexico", "next month", None,
         "beta.txt"),
        (RAID, "raid", "conducted", None, "Sinaloa Cartel", None, "--10-14", "dozens", "beta.txt"),
        (PACIFIC_STRIKE, "strike", "conducted", US, TDA, "the Pacific", None, None, "alpha.txt"),
        (CARIBBEAN_STRIKE, "strike", "conducted", US, TDA, "the Caribbean", "2025-09-02", "11", "alpha.txt"),
        (CARIBBEAN_STRIKE, "strike", "conducted", US, TDA, "the Caribbean", "2025-09-02", "11", "beta.txt"),
    ),
    "designations": rows_of(
        "designation designator designee category date article",
        (COMBATANTS, "Donald Trump", "the drug smugglers", "enemy_combatant", None, "beta.txt"),
        (FTO, STATE_DEPT, TDA, FTO_CATEGORY, "2025-02-20", "alpha.txt"),
    ),
    "stance-by-actor": rows_of(
        "speaker stance statements acts_for",
        ("Claudia Sheinbaum", "against_intervention", "1", "Mexico"),
        ("Claudia Sheinbaum", "neutral", "1", "Mexico"),
        ("Donald Trump", "for_intervention", "1", "United States"),
    ),
    "timeline": rows_of(
        "date kind type actor target article fact",
        ("--10-14", "operation", "raid", None, "Sinaloa Cartel", "beta.txt", RAID),
        ("2025-02-20", "designation", FTO_CATEGORY, STATE_DEPT, TDA, "alpha.txt", FTO),
        ("2025-09-02", "operation", "strike", US, TDA, "alpha.txt", CARIBBEAN_STRIKE),
        ("2025-09-02", "operation", "strike", US, TDA, "beta.txt", CARIBBEAN_STRIKE),
    ),
    "co-mentions": rows_of(
        "actor1 actor2 count",
        ("Tren de Aragua", "United States", "3"),
        ("Claudia Sheinbaum", "Mexico", "2"),
        ("Donald Trump", "Mexico", "2"),
        ("Claudia Sheinbaum", "United States", "1"),
        ("Tren de Aragua", "US State Department", "1"),
    ),
    "corroborated": rows_of(
        "fact kind articles summary",
        (CARIBBEAN_STRIKE, "operation", "2", f"strike by {US} against {TDA} in the Caribbean"),
        (SHEINBAUM_QUOTE, "statement", "2", f'Claudia Sheinbaum: "{QUOTE}"'),
    ),
    "graph-edges": rows_of(
        "source target kind label weight",
        (ID + "actor/claudia-sheinbaum", ID + "actor/mexico", "mentions", "mentions", "1"),
        (ID + "actor/claudia-sheinbaum", ID + "actor/united-states", "mentions", "mentions", "1"),
        (ID + "actor/donald-trump", ID + "actor/mexico", "mentions", "mentions", "1"),
        (ID + "actor/united-states", ID + "actor/tren-de-aragua", "strike", "strike", "2"),
        (ID + "actor/us-state-department", ID + "actor/tren-de-aragua", f"designates:{FTO_CATEGORY}",
         "designates foreign terrorist organization", "1"),
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_canned_query_rows(dataset, name):
    assert run_query(dataset, name) == EXPECTED[name]


def test_every_canned_query_is_tested_or_needs_a_param():
    names = {q.name for q in list_queries()}
    assert names == set(EXPECTED) | {"statements-by-speaker"}


@pytest.mark.parametrize("query", list_queries(), ids=lambda q: q.name)
def test_header_is_complete_and_matches_the_select(dataset, query):
    assert query.name == query.path.stem and query.purpose and query.columns
    params = {p.name: "nobody" for p in query.params if p.required}
    result = dataset.query(query.text)
    assert tuple(str(v) for v in result.vars) == query.columns
    assert "ORDER BY" in query.text and "GRAPH" not in query.text
    run_query(dataset, query, **params)  # runs with its required parameters


@pytest.mark.parametrize(
    ("name", "speaker", "expected"),
    [
        ("statements", "sheinbaum", [(SHEINBAUM_QUOTE, "alpha.txt"), (SHEINBAUM_QUOTE, "beta.txt"),
                                     (WASHINGTON_QUOTE, "beta.txt")]),
        ("statements", "DONALD TRUMP", [(TRUMP_QUOTE, "alpha.txt")]),
        ("statements", "President Sheinbaum", [(SHEINBAUM_QUOTE, "alpha.txt"), (SHEINBAUM_QUOTE, "beta.txt"),
                                               (WASHINGTON_QUOTE, "beta.txt")]),
        ("statements", ID + "actor/donald-trump", [(TRUMP_QUOTE, "alpha.txt")]),
        ("statements", "shein", []),  # a piece of a word is not a match
        ("statements", "Mexico", []),  # an actor that never speaks
        ("statements", None, [(r["statement"], r["article"]) for r in EXPECTED["statements"]]),
        ("statements-by-speaker", "trump", [(TRUMP_QUOTE, "alpha.txt")]),
        ("statements-by-speaker", "Claudia", [(SHEINBAUM_QUOTE, "alpha.txt"), (SHEINBAUM_QUOTE, "beta.txt"),
                                              (WASHINGTON_QUOTE, "beta.txt")]),
    ],
)
def test_speaker_param_filters(dataset, name, speaker, expected):
    rows = run_query(dataset, name, speaker=speaker)
    assert [(r["statement"], r["article"]) for r in rows] == expected


def test_statements_by_speaker_columns(dataset):
    rows = run_query(dataset, "statements-by-speaker", speaker="Sheinbaum")
    assert rows[-1] == {
        "statement": WASHINGTON_QUOTE, "speaker": "Claudia Sheinbaum",
        "text": "cooperating with Washington", "stance": "neutral", "kind": "partial", "verb": "add",
        "article": "beta.txt", "start": "126", "end": "153",
    }


@pytest.mark.parametrize(
    "value",
    ['x" || true || "', 'Trump") || true || ("', "Trump' } #", 'sheinbaum" } UNION { ?a ?b ?c } #', "\\"],
)
def test_param_value_cannot_inject(dataset, value):
    assert run_query(dataset, "statements", speaker=value) == []
    assert run_query(dataset, "statements-by-speaker", speaker=value) == []


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda ds: run_query(ds, "no-such-query"), ["no-such-query", "actors", "statements"]),
        (lambda ds: run_query(ds, "statements", colour="red"), ["colour", "speaker"]),
        (lambda ds: run_query(ds, "actors", speaker="x"), ["speaker", "none"]),
        (lambda ds: run_query(ds, "statements-by-speaker"), ["speaker", "needs"]),
        (lambda ds: run_query(ds, "statements-by-speaker", speaker=None), ["speaker", "needs"]),
        (lambda ds: load_query("/no/such/file.rq"), ["does not exist"]),
    ],
)
def test_query_errors_are_one_line(dataset, call, words):
    with pytest.raises(QueryError) as info:
        call(dataset)
    message = str(info.value)
    assert "\n" not in message
    for word in words:
        assert word in message


def test_unknown_query_lists_every_known_name():
    with pytest.raises(QueryError) as info:
        load_query("nope")
    for query in list_queries():
        assert query.name in str(info.value)


def test_query_file_by_path_and_plain_graph(dataset, tmp_path):
    rq = tmp_path / "speakers.rq"
    rq.write_text(
        "# purpose: speakers\n# params: who (optional, a label)\n"
        "PREFIX kg: <https://w3id.org/newskg/ontology#>\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT DISTINCT ?label WHERE { ?s kg:speaker/rdfs:label ?label "
        "FILTER(!BOUND(?who_param) || ?label = ?who_param) } ORDER BY ?label\n",
        encoding="utf-8",
    )
    query = load_query(str(rq))
    assert query.name == "speakers" and query.columns == ()
    assert query.params == (Param("who", False, "a label"),)
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    expected = [{"label": "Claudia Sheinbaum"}, {"label": "Donald Trump"}]
    assert run_query(union, rq) == expected
    assert run_query(dataset, query, who="Donald Trump") == expected[1:]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("SELECT ?x WHERE { ?x ?y }", "failed"),
        ("ASK { ?s ?p ?o }", "only SELECT"),
    ],
)
def test_bad_query_file(dataset, tmp_path, text, message):
    rq = tmp_path / "bad.rq"
    rq.write_text(text, encoding="utf-8")
    with pytest.raises(QueryError, match=message):
        run_query(dataset, rq)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("none", ()),
        ("speaker (required, who speaks; any case)", (Param("speaker", True, "who speaks; any case"),)),
        ("a (optional) b (required, x, y)", (Param("a", False, ""), Param("b", True, "x, y"))),
    ],
)
def test_parse_params(spec, expected):
    assert parse_params(spec) == expected


def test_parse_params_rejects_garbage():
    with pytest.raises(QueryError):
        parse_params("speaker maybe")


ROWS = [{"a": "x", "b": None}, {"a": 'say "hi", then go', "b": "2"}]


def test_format_json_unbound_is_null():
    assert json.loads(format_rows(ROWS, ["a", "b"], "json")) == ROWS


def test_format_csv_has_header_and_quotes():
    text = format_rows(ROWS, ["a", "b"], "csv")
    assert list(csv.reader(io.StringIO(text))) == [["a", "b"], ["x", ""], ['say "hi", then go', "2"]]


def test_format_table_is_aligned():
    lines = format_rows([{"name": "a", "n": "10"}, {"name": "longer", "n": None}], ["name", "n"], "table")
    assert lines.splitlines() == ["name    n", "------  --", "a       10", "longer"]


def test_format_registry_and_unknown_format():
    assert set(FORMATTERS) == {"table", "csv", "json"}
    with pytest.raises(OutputError, match="xml"):
        format_rows(ROWS, ["a"], "xml")


def test_format_without_columns_uses_row_keys():
    assert format_rows(ROWS, [], "csv").splitlines()[0] == "a,b"


@pytest.mark.parametrize("fmt", sorted(FORMATTERS))
def test_every_format_renders_a_canned_query(dataset, fmt):
    query = load_query("designations")
    text = format_rows(run_query(dataset, query), query.columns, fmt)
    assert "the drug smugglers" in text and "enemy_combatant" in text


def test_canned_query_is_frozen():
    query = load_query("actors")
    assert isinstance(query, CannedQuery)
    with pytest.raises(AttributeError):
        query.name = "other"  # type: ignore[misc]


def test_one_row_per_article_when_reports_disagree():
    # the mapper merges one quote from two articles into one Statement, so single-valued
    # properties such as the reporting verb can end up with two values
    ds = Dataset()
    ds.parse(FIXTURE, format="trig")
    beta = ds.graph(URIRef(ID + "article/00c4d2d407a0cdf7"))
    verb = URIRef("https://w3id.org/newskg/ontology#reportingVerb")
    beta.add((URIRef(SHEINBAUM_QUOTE), verb, Literal("repeat")))
    rows = run_query(ds, "statements-by-speaker", speaker="Claudia Sheinbaum")
    assert [(r["article"], r["verb"]) for r in rows] == [("alpha.txt", "repeat"), ("beta.txt", "repeat"),
                                                         ("beta.txt", "add")]
    assert run_query(ds, "statements") == EXPECTED["statements"]


_JOINED_SUBSELECTS = """
SELECT ?a ?x ?y WHERE {
  { SELECT DISTINCT ?a ?x WHERE { ?a <http://e/p> ?x } }
  { SELECT DISTINCT ?a ?y WHERE { ?a <http://e/q> ?y } }
} ORDER BY ?a
"""  # DISTINCT sides: a join rdflib cannot evaluate lazily (the case kg.queries hashes)


def test_hash_joins_give_rdflibs_rows_and_switch_off_afterwards():
    from rdflib.plugins.sparql import CUSTOM_EVALS

    from kg.queries import hash_joins

    graph = Graph()
    for i in range(30):
        graph.add((URIRef(f"http://e/s{i:02d}"), URIRef("http://e/p"), Literal(i)))
        if i % 3:  # a third of the subjects have no value on the right side
            graph.add((URIRef(f"http://e/s{i:02d}"), URIRef("http://e/q"), Literal(i * 2)))
    plain = [tuple(row) for row in graph.query(_JOINED_SUBSELECTS)]
    with hash_joins():
        assert CUSTOM_EVALS  # on while the context is open
        hashed = [tuple(row) for row in graph.query(_JOINED_SUBSELECTS)]
    assert hashed == plain and len(plain) == 20  # only the subjects with both values
    assert not any(key == "kg-hash-join" for key in CUSTOM_EVALS)
