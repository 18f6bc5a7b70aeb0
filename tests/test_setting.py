"""Where a story is set (kg/extract/_setting.py): datelines, the lead's first place, the country
whose places the article names most, and the world places table behind them. Texts written
for these tests."""

from __future__ import annotations

import pytest

from kg.extract._lexicon import load_lexicon
from kg.extract._setting import home_country, place_country
from kg.nlp.lexicons import gazetteer, world_places
from kg.resources import lexicon_path


def _doc(nlp, text: str):
    return nlp(nlp.make_doc(text))


def _key(actor) -> str | None:
    return actor.key if actor is not None else None


@pytest.mark.parametrize(
    "text, expected",
    [
        # a dateline city of the world table (no country after it) names the country
        ("BAMENDA — Soldiers raided a separatist camp on Sunday.", "cameroon"),
        ("ORANGE WALK — Police found a plane on a cane field road.", "belize"),
        ("PEDRO JUAN CABALLERO — Gunmen attacked a bus on Friday night.", "paraguay"),
        # a town of the world table opening the lead sets the story only after "in": "near
        # Aruba" is where it happened, not whose story it is
        ("The navy sank a speedboat near Aruba on Friday.", None),
        ("Gunmen attacked a bus near Pedro Juan Caballero on Friday night.", None),
        ("Gunmen killed five people in Pedro Juan Caballero on Friday night.", "paraguay"),
        # no dateline and no place: no setting
        ("Gunmen attacked a bus on Friday night, officials said.", None),
        # a natural feature named like a region is no setting ("Red Sea" is also a state of Sudan)
        ("A missile struck a bulk carrier in the Red Sea on Tuesday.", None),
        # a name two countries' towns share is no setting
        ("NOGALES — Agents seized 40 pounds of fentanyl at the port of entry.", None),
    ],
)
def test_home_country(nlp, text, expected):
    assert _key(home_country(_doc(nlp, text))) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the country whose places the article names far most
        ("Farmers left the hills. Troops moved into Amambay and Caaguazú. In Ciudad del Este the "
         "market shut, and near Coronel Oviedo the bridge closed.", "paraguay"),
        # two countries' places named as often: no setting
        ("Troops moved into Amambay and Caaguazú. Police in Quillacollo and Sacaba were on alert.",
         None),
        # a place named without a locative word before it is not counted ("Kennedy" is also a
        # part of Bogotá)
        ("Kennedy said the plan was sound. Kennedy wrote to Bello. Kennedy and Bello met twice.",
         None),
    ],
)
def test_place_country(nlp, text, expected):
    assert _key(place_country(_doc(nlp, text))) == expected


def test_a_surname_of_the_article_is_no_place(nlp):
    # "Mosquera" is a Colombian town; here it is only Ana Mosquera's surname
    text = ("Ana Mosquera runs the clinic in Cali. The road to Mosquera was shut, said a driver "
            "from Mosquera. A nurse in Mosquera agreed.")
    doc = _doc(nlp, text)
    assert world_places()["mosquera"] == "colombia"
    assert place_country(doc) is None
    other = _doc(nlp, text.replace("Ana Mosquera", "Ana Ruiz"))
    assert _key(place_country(other)) == "colombia"


def test_world_places_table_is_consistent():
    countries = {k for k, a in gazetteer().actors.items() if a.type == "Country"}
    aliases = {alias.lower() for alias, _key in gazetteer().aliases()}
    ruled_out = {str(p).lower() for p in load_lexicon("places.yaml")["not_places"]}
    rows = [line.split("\t") for line in lexicon_path("world_places.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    assert len(rows) > 10_000
    assert all(len(row) == 4 and row[1] in countries and row[2] in ("city", "region") for row in rows)
    names = {row[0].lower() for row in rows}
    assert not names & aliases  # a gazetteer name is an actor, never a mere place
    assert not names & ruled_out


def _builder():
    """tools/build_world_places.py as a module (its choices are pure; its sources need packages
    kg does not install)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "tools" / "build_world_places.py"
    spec = importlib.util.spec_from_file_location("build_world_places", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "name, by_country, kept",
    [
        # one country's city of 100,000 or more: kept
        ("bamenda", {"cameroon": (420_000, "city", "Bamenda")}, ("Bamenda", "cameroon", "city", 420_000)),
        # a one-word city under 100,000: left out
        ("djibo", {"burkina-faso": (60_000, "city", "Djibo")}, None),
        # two countries' places of a size: left out; one ten times the other's: kept
        ("santa rita", {"brazil": (120_000, "city", "Santa Rita"), "paraguay": (30_000, "city", "Santa Rita")}, None),
        ("guadalajara", {"mexico": (1_500_000, "city", "Guadalajara"), "spain": (84_000, "city", "Guadalajara")},
         ("Guadalajara", "mexico", "city", 1_500_000)),
        # a region named by a natural feature, a lower-case English word, a country the gazetteer lacks
        ("red sea", {"sudan": (1_000_000, "region", "Red Sea")}, None),
        ("mobile", {"united-states": (190_000, "city", "Mobile")}, None),
        ("atlantis", {"?XX": (500_000, "city", "Atlantis")}, None),
    ],
)
def test_world_places_build_rules(name, by_country, kept):
    rows = _builder().choose({name: by_country}, frozenset(), frozenset({"mobile"}))
    assert rows == ([kept] if kept else [])
