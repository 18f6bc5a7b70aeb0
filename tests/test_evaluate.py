"""Tests of the gold scorer (kg.evaluate): matching rules, accuracies, gold loading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.evaluate import evaluate, load_gold, text_overlap

ROOT = Path(__file__).resolve().parent.parent
ACTOR = "https://w3id.org/newskg/id/actor/"

ENTITIES = [
    {"label": "Donald Trump", "type": "Person", "aliases": ["Trump", "President Trump"],
     "government": "United States"},
    {"label": "Pete Hegseth", "type": "Person", "aliases": ["Hegseth"], "government": "United States"},
    {"label": "Claudia Sheinbaum", "type": "Person", "aliases": ["Sheinbaum"], "government": "Mexico"},
    {"label": "Nicolás Maduro", "type": "Person", "aliases": ["Maduro"]},
    {"label": "Pentagon", "type": "Organization", "aliases": ["Defense Department"],
     "government": "United States"},
    {"label": "Gulf Cartel", "type": "Organization", "aliases": ["Cártel del Golfo"]},
    {"label": "United States", "type": "Country", "aliases": ["U.S.", "Washington"]},
    {"label": "Mexico", "type": "Country", "aliases": []},
    {"label": "Venezuela", "type": "Country", "aliases": []},
]


def make_gold(**families) -> dict:
    """One-article gold (file ``a.txt``); each keyword is a family's {"required", "allowed"}."""
    article = {"file": "a.txt"}
    for family in ("actors", "statements", "operations", "designations"):
        article[family] = families.get(family, {"required": [], "allowed": []})
    return {"format": "kg-gold/1", "entities": ENTITIES, "articles": [article]}


def fam(required=(), allowed=()) -> dict:
    return {"required": list(required), "allowed": list(allowed)}


def actor_row(label: str, type_: str = "Person", mentions: int = 1) -> dict:
    return {"actor": ACTOR + label.lower().replace(" ", "-"), "label": label, "type": type_,
            "mentions": mentions, "articles": 1}


def rows(**families) -> dict:
    out = {"actors": [], "statements": [], "operations": [], "designations": []}
    for family, items in families.items():
        out[family] = [dict(item, article=item.get("article", "a.txt")) for item in items]
    return out


def counts(report, family: str) -> tuple[int, int, int]:
    score = report.scores[family]
    return score.tp, score.fp, score.fn


# ------------------------------------------------------------------ text overlap

TEN = "one two three four five six seven eight nine ten"


@pytest.mark.parametrize("gold, extracted, expected", [
    (TEN, TEN, True),
    (TEN, "one two three four five six seven", True),  # 70% of the gold words: enough
    (TEN, "one two three four five six", False),  # 60%: too little of the gold text
    (TEN, TEN + " x" * 23, True),  # 10 of 33 extracted words are gold words (30.3%)
    (TEN, TEN + " x" * 24, False),  # 10 of 34 (29.4%): extracted text mostly other words
    ("We Reject Intervention", "we reject intervention", True),  # case ignored
    ("“We don’t accept it,”", "\"We don't accept it\"", True),  # curly and straight quotes
    ("Tenemos soberanía", "tenemos soberania", True),  # accents folded
    ("", "anything", False),
    ("something", "", False),
])
def test_text_overlap(gold, extracted, expected):
    assert text_overlap(gold, extracted) is expected


# ------------------------------------------------------------------ actors


@pytest.mark.parametrize("extracted, aliases, expected", [
    ([actor_row("Donald Trump")], None, (1, 0, 0)),
    ([actor_row("Trump")], None, (1, 0, 0)),  # a gold alias as label
    ([actor_row("DONALD TRUMP")], None, (1, 0, 0)),  # case ignored
    ([actor_row("D. J. Trump")], {ACTOR + "d.-j.-trump": ["President Trump"]}, (1, 0, 0)),  # extracted alias
    ([actor_row("D. J. Trump")], None, (0, 1, 1)),  # no name in common
    ([actor_row("Trump"), actor_row("Donald Trump")], None, (1, 1, 0)),  # the second is a duplicate
    ([actor_row("Donald Trump"), actor_row("Elon Musk")], None, (1, 1, 0)),  # not in the gold
    ([actor_row("Donald Trump"), actor_row("Nicolas Maduro")], None, (1, 0, 0)),  # allowed: neutral
    ([actor_row("Donald Trump"), actor_row("Sheinbaum")], None, (1, 1, 0)),  # an entity, not an actor here
    ([], None, (0, 0, 1)),
])
def test_actor_matching(extracted, aliases, expected):
    gold = make_gold(actors=fam(["Donald Trump"], ["Nicolás Maduro"]))
    report = evaluate(gold, rows(actors=extracted), aliases)
    assert counts(report, "actors") == expected


def test_duplicates_listed_and_most_mentioned_kept():
    gold = make_gold(actors=fam(["Donald Trump"]))
    extracted = [actor_row("Trump", mentions=1), actor_row("Donald Trump", mentions=5)]
    report = evaluate(gold, rows(actors=extracted))
    assert report.duplicates == [("Trump", "Donald Trump")]


@pytest.mark.parametrize("label, extracted_type, gold_ok", [
    ("Pentagon", "GovernmentBody", True),  # subclasses of Organization count as Organization
    ("Gulf Cartel", "CriminalOrganization", True),
    ("Gulf Cartel", "https://w3id.org/newskg/ontology#CriminalOrganization", True),  # class IRI
    ("Pentagon", "Person", False),
    ("Mexico", "Country", True),
    ("Mexico", "Organization", False),
])
def test_actor_type_accuracy(label, extracted_type, gold_ok):
    gold = make_gold(actors=fam([label]))
    report = evaluate(gold, rows(actors=[actor_row(label, extracted_type)]))
    types = report.accuracies["actor type"]
    assert (types.correct, types.total) == (int(gold_ok), 1)


# ------------------------------------------------------------------ statements

QUOTE = "We will never accept foreign troops on our territory"


@pytest.mark.parametrize("speaker, text, expected", [
    ("Claudia Sheinbaum", QUOTE, (1, 0, 0)),
    ("Sheinbaum", "“" + QUOTE.upper() + ",”", (1, 0, 0)),  # alias, quote marks, case
    (ACTOR + "claudia-sheinbaum", QUOTE, (1, 0, 0)),  # speaker given as the actor IRI
    ("Donald Trump", QUOTE, (0, 1, 1)),  # wrong speaker
    ("Claudia Sheinbaum", "We will never accept", (0, 1, 1)),  # too little of the gold text
    ("Claudia Sheinbaum", "troops", (0, 0, 1)),  # matches the allowed fragment only: neutral
])
def test_statement_matching(speaker, text, expected):
    gold = make_gold(statements=fam(
        [{"speaker": "Claudia Sheinbaum", "text": QUOTE, "stance": "against_intervention"}],
        [{"speaker": "Claudia Sheinbaum", "text": "troops"}]))
    extracted = [{"speaker": speaker, "text": text, "stance": "against_intervention"}]
    report = evaluate(gold, rows(actors=[actor_row("Claudia Sheinbaum")], statements=extracted))
    assert counts(report, "statements") == expected


def test_statement_one_to_one():
    gold = make_gold(statements=fam([{"speaker": "Claudia Sheinbaum", "text": QUOTE, "stance": "neutral"}]))
    twice = [{"speaker": "Sheinbaum", "text": QUOTE, "stance": "neutral"}] * 2
    assert counts(evaluate(gold, rows(statements=twice)), "statements") == (1, 1, 0)


@pytest.mark.parametrize("speaker, stance, attribution, stance_acc", [
    ("Sheinbaum", "against_intervention", (1, 1), (1, 1)),
    ("Sheinbaum", "neutral", (1, 1), (0, 1)),
    ("Trump", "against_intervention", (0, 1), (0, 0)),  # text matched, speaker wrong
])
def test_attribution_and_stance_accuracy(speaker, stance, attribution, stance_acc):
    gold = make_gold(statements=fam([{"speaker": "Claudia Sheinbaum", "text": QUOTE,
                                      "stance": "against_intervention"}]))
    report = evaluate(gold, rows(statements=[{"speaker": speaker, "text": QUOTE, "stance": stance}]))
    acc = report.accuracies
    assert (acc["attribution"].correct, acc["attribution"].total) == attribution
    assert (acc["stance"].correct, acc["stance"].total) == stance_acc


# ------------------------------------------------------------------ operations


def op(type_="strike", agent="United States", location=None, status="conducted", **extra) -> dict:
    return dict({"type": type_, "agent": agent, "location": location, "status": status}, **extra)


@pytest.mark.parametrize("gold_op, row, matches", [
    (op(), op(agent="United States"), True),
    (op(), op(agent="Washington"), True),  # an alias of the country
    (op(), op(agent="Pete Hegseth"), True),  # an official acts for his government
    (op(), op(agent="Pentagon"), True),  # an agency too
    (op(), op(agent=ACTOR + "pentagon"), True),  # given as IRI
    (op(agent="Pentagon"), op(agent="United States"), True),  # the country itself
    (op(agent="Pentagon"), op(agent="Donald Trump"), True),  # both act for the same state
    (op(), op(agent="Mexico"), False),
    (op(), op(agent="Claudia Sheinbaum"), False),  # acts for another state
    (op(), op(agent=None), False),  # no agent extracted
    (op(), op(agent="Department of War"), False),  # unknown, no government given
    (op(), op("military_action"), False),  # strike is its own family
    (op("capture"), op("raid"), True),  # custody family
    (op("capture"), op("arrest"), True),
    (op("military_action"), op("military_intervention"), True),
    (op("deployment"), op("seizure"), False),
    (op(location="Mexico"), op(location=None), True),  # location only when both give one
    (op(location=None), op(location="Venezuela"), True),
    (op(location="Mexico"), op(location="Venezuela"), False),
    (op(location="Mexico"), op(location=ACTOR + "mexico"), True),
    (op(location="Caribbean"), op(location="the Caribbean Sea"), True),  # generic words dropped
    (op(location="eastern Pacific"), op(location="Pacific Ocean"), True),
    (op(location="Mexico"), op(location="Gulf of Mexico"), False),
    # a compound direction is a side of the place as "eastern" is ("northeastern Syria")
    (op(location="northeastern Syria"), op(location=ACTOR + "syria"), True),
    (op(location="northeastern Syria"), op(location="Iraq"), False),
    # a gold place listing several places agrees with any one of them, not with another place
    (op(location="Caribbean and eastern Pacific"), op(location="the Caribbean"), True),
    (op(location="eastern Pacific, 200 km off Manta"), op(location="Pacific"), True),
    (op(location="Nogales, Santa Cruz County, Arizona"), op(location="Arizona"), True),
    (op(location="Caribbean and eastern Pacific"), op(location="Gulf of Mexico"), False),
    (op(location="Nogales, Arizona"), op(location="Sonora"), False),
    (op(location="Sinaloa / Sonora"), op(location="Chihuahua"), False),
    (op(location="Caribbean"), op(location="the region"), True),  # only generic words: no location
    # a place whose words name an actor ("Mexico") still agrees with the same words
    (op(location="Sonora desert / Mexico border"), op(location="Sonora desert / Mexico border"), True),
])
def test_operation_matching(gold_op, row, matches):
    gold = make_gold(operations=fam([gold_op]))
    report = evaluate(gold, rows(operations=[row]))
    assert counts(report, "operations") == ((1, 0, 0) if matches else (0, 1, 1))


def test_operation_agent_through_governments_mapping():
    gold = make_gold(operations=fam([op()]))
    extracted = rows(operations=[op(agent=ACTOR + "department-of-war")])
    report = evaluate(gold, extracted, governments={ACTOR + "department-of-war": ACTOR + "united-states"})
    assert counts(report, "operations") == (1, 0, 0)


@pytest.mark.parametrize("status, date, status_acc, date_acc", [
    ("conducted", "2025-09-02", (1, 1), (1, 1)),
    ("threatened", "--09-02", (0, 1), (1, 1)),
    ("https://w3id.org/newskg/vocab/operation-status/conducted", None, (1, 1), (0, 1)),
])
def test_status_and_date_accuracy(status, date, status_acc, date_acc):
    gold = make_gold(operations=fam([op(date="--09-02")]))
    report = evaluate(gold, rows(operations=[op(status=status, date=date)]))
    acc = report.accuracies
    assert (acc["operation status"].correct, acc["operation status"].total) == status_acc
    assert (acc["operation date"].correct, acc["operation date"].total) == date_acc


def test_allowed_operation_is_neutral_and_closest_pair_kept():
    gold = make_gold(operations=fam([op(location="Caribbean"), op(status="threatened")],
                                    [op("deployment")]))
    extracted = [op(status="threatened"), op(location="Caribbean"), op("deployment")]
    report = evaluate(gold, rows(operations=extracted))
    assert counts(report, "operations") == (2, 0, 0)
    assert report.accuracies["operation status"].correct == 2  # no swapped pairs


# ------------------------------------------------------------------ designations


def designation(designee="Gulf Cartel", category="foreign_terrorist_organization") -> dict:
    return {"designator": "United States", "designee": designee, "category": category}


@pytest.mark.parametrize("row, matches", [
    (designation(), True),
    (designation("Cártel del Golfo"), True),  # an entity alias
    (designation("the drug cartels"), True),  # a designee alias inside the extracted text
    (designation(category="terrorist_organization"), True),  # category family
    (designation(category="enemy_combatant"), False),
    (designation("Sinaloa Cartel"), False),
    (designation(None), False),
])
def test_designation_matching(row, matches):
    gold_item = dict(designation(), designee_aliases=["cartels", "drug cartels"])
    report = evaluate(make_gold(designations=fam([gold_item])), rows(designations=[row]))
    assert counts(report, "designations") == ((1, 0, 0) if matches else (0, 1, 1))


# ------------------------------------------------------------------ articles and report


ARTICLE_IRI = "https://w3id.org/newskg/id/article/0123456789abcdef"


@pytest.mark.parametrize("article, sources, scored", [
    ("a.txt", None, True),
    ("/data/articles/a.txt", None, True),  # a path: its last part
    (ARTICLE_IRI, {ARTICLE_IRI: "a.txt"}, True),  # an IRI through the sources mapping
    ("b.txt", None, False),  # not annotated: not scored at all
])
def test_article_of_rows(article, sources, scored):
    gold = make_gold(designations=fam([designation()]))
    report = evaluate(gold, rows(designations=[dict(designation(), article=article)]), sources=sources)
    assert counts(report, "designations") == ((1, 0, 0) if scored else (0, 0, 1))
    assert report.unscored_rows == (0 if scored else 1)


def test_report_renders():
    gold = make_gold(statements=fam([{"speaker": "Claudia Sheinbaum", "text": QUOTE, "stance": "neutral"}]))
    report = evaluate(gold, rows(statements=[{"speaker": "Trump", "text": "Something else entirely"}]))
    data = json.loads(json.dumps(report.to_dict()))
    assert data["families"]["statements"]["fn"] == 1
    assert data["families"]["statements"]["fp"] == 1
    assert QUOTE not in report.to_text()
    assert QUOTE in report.to_text(verbose=True)
    assert "Something else entirely" in report.to_text(verbose=True)


# ------------------------------------------------------------------ load_gold

GOOD = {"format": "kg-gold/1", "entities": ENTITIES, "articles": [{"file": "a.txt"}]}


def with_article(**part) -> dict:
    return dict(GOOD, articles=[dict({"file": "a.txt"}, **part)])


@pytest.mark.parametrize("content, message", [
    ("{not json", "not JSON"),
    (json.dumps(dict(GOOD, format="kg-gold/2")), "kg-gold/1"),
    (json.dumps([1, 2]), "kg-gold/1"),
    (json.dumps(dict(GOOD, entities={})), "entities"),
    (json.dumps(dict(GOOD, entities=[{"label": "X", "type": "Animal"}])), "type must be"),
    (json.dumps(dict(GOOD, articles=[{"file": "a.txt"}, {"file": "a.txt"}])), "twice"),
    (json.dumps(dict(GOOD, articles=[{"title": "no file"}])), "'file'"),
    (json.dumps(with_article(statements={"required": [{"speaker": "X", "text": "t", "stance": "angry"}]})),
     "unknown stance"),
    (json.dumps(with_article(statements={"required": [{"speaker": "X", "text": "t"}]})), "'stance'"),
    (json.dumps(with_article(operations={"required": [{"type": "bombing", "agent": "X",
                                                       "status": "conducted"}]})),
     "unknown type"),
    (json.dumps(with_article(designations={"allowed": [{"designee": "X", "category": "villain"}]})),
     "unknown category"),
    (json.dumps(with_article(actors={"required": "Trump"})), "expected a list"),
])
def test_load_gold_rejects(tmp_path, content, message):
    path = tmp_path / "gold.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_gold(path)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_load_gold_missing_file(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        load_gold(tmp_path / "absent.json")


def test_load_gold_fills_missing_families(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(GOOD), encoding="utf-8")
    article = load_gold(path)["articles"][0]
    assert article["operations"] == {"required": [], "allowed": []}


# ------------------------------------------------------------------ the shipped gold files


# Every gold set the project ships: the examples and each annotated folder under tests/.
GOLD_SETS = [("examples/gold.json", "examples/articles")] + [
    (f"tests/{path.parent.name}/gold.json", f"tests/{path.parent.name}")
    for path in sorted((ROOT / "tests").glob("*/gold.json"))
]


def _sources(folder: Path) -> set[str]:
    """File names of the .txt articles and ids of the JSONL articles in ``folder``."""
    names = {p.name for p in folder.glob("*.txt")}
    for jsonl in folder.glob("*.jsonl"):
        lines = jsonl.read_text(encoding="utf-8").splitlines()
        names.update(json.loads(line)["id"] for line in lines if line.strip())
    return names


@pytest.mark.parametrize("gold_path, folder", GOLD_SETS)
def test_shipped_gold_loads_and_names_existing_articles(gold_path, folder):
    gold = load_gold(ROOT / gold_path)
    sources = _sources(ROOT / folder)
    files = [article["file"] for article in gold["articles"]]
    assert files and set(files) <= sources
    assert set(files) == sources  # every article is annotated


@pytest.mark.parametrize("gold_path", [gold for gold, _ in GOLD_SETS])
def test_shipped_gold_scores_itself_perfectly(gold_path):
    gold = load_gold(ROOT / gold_path)
    types = {e["label"]: e["type"] for e in gold["entities"]}
    labels = sorted({label for a in gold["articles"] for label in a["actors"]["required"]})
    extracted = {"actors": [actor_row(label, types[label]) for label in labels]}
    for family in ("statements", "operations", "designations"):
        extracted[family] = [dict(item, article=a["file"]) for a in gold["articles"]
                             for item in a[family]["required"]]
    report = evaluate(gold, extracted)
    for family, score in report.scores.items():
        assert (score.fp, score.fn) == (0, 0), family
    assert all(r.correct == r.total for r in report.accuracies.values())


def _article_texts(folder: Path) -> dict[str, str]:
    """Source name -> raw text of every article in ``folder`` (front matter included)."""
    texts = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.txt")}
    for jsonl in folder.glob("*.jsonl"):
        for line in jsonl.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                texts[record["id"]] = record["text"]
    return texts


@pytest.mark.parametrize("gold_path, folder", GOLD_SETS)
def test_shipped_gold_is_grounded_in_its_articles(gold_path, folder):
    """Every statement's words and a name of every required actor occur in the article."""
    from kg.evaluate_text import fold, words

    gold = load_gold(ROOT / gold_path)
    names = {e["label"]: [e["label"], *e.get("aliases", [])] for e in gold["entities"]}
    texts = _article_texts(ROOT / folder)
    for article in gold["articles"]:
        text = texts[article["file"]]
        vocabulary = set(words(text))
        for part in ("required", "allowed"):
            for statement in article["statements"][part]:
                assert set(words(statement["text"])) <= vocabulary, statement["text"]
        for label in article["actors"]["required"]:
            assert any(fold(name) in fold(text) for name in names[label]), label


@pytest.mark.parametrize("gold, extracted, same", [
    ("2025-09-02", "2025-09-02", True),
    ("2025-09-02", "2024-09-02", False),  # a wrong year is wrong when both give one
    ("--09-02", "2025-09-02", True),
    ("2025-09-02", "--09-02", True),
    ("--09-02", "--09-03", False),
    ("--09-02", "", False),
])
def test_dates_compare_whole_when_both_have_a_year(gold, extracted, same):
    from kg.evaluate_text import same_date

    assert same_date(gold, extracted) is same


def test_matching_keeps_the_closest_pairs_on_a_tie():
    from kg.evaluate import match_one_to_one

    # gold 0 agrees best with row 0; gold 1 agrees equally with both: each keeps its own
    golds, rows = ["dated", "plain"], ["dated", "plain"]
    prefer = {("dated", "dated"): 2, ("dated", "plain"): 1, ("plain", "dated"): 1, ("plain", "plain"): 1}
    found = match_one_to_one(golds, rows, lambda g, r: True, lambda g, r: prefer[(g, r)])
    assert found == {0: 0, 1: 1}
    # the matching stays maximum: a gold that agrees with one row only still gets it
    found = match_one_to_one(["any", "only-b"], ["a", "b"], lambda g, r: g == "any" or r == "b")
    assert found == {0: 0, 1: 1}
