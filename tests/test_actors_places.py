"""Actors and places: a name followed by a lower-case place noun is a place ("Ben Gurion
airport"), two given names before a quoted nickname stay in the name, a territory of a state
is a place, not a country of its own, and a name with an age or "who" after it is a person.
Sentences written for these tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kg.extract.operations import extract_operations

sys.path.insert(0, str(Path(__file__).parent))
from extract_helpers import actor_labels as labels  # noqa: E402


@pytest.mark.parametrize(
    "text, absent",
    [
        # a lower-case place noun after a name makes it the place's name
        ("The rebels fired a missile at Ben Gurion airport on Sunday.", "Ben Gurion"),
        ("Planes landing at Philip Goldson airport were searched.", "Philip Goldson"),
        ("Fighters crossed at the Qara Qozak bridge overnight.", "Qara Qozak"),
        ("Police set up roadblocks in Salvador Escalante municipality.", "Salvador Escalante"),
        # a territory of a state is no country of its own
        ("The cocaine was bound for Puerto Rico, officials said.", "Puerto Rico"),
        # "who" after a name inside a longer phrase points at the phrase's head
        ("A woman from Tinzaouaten, who gave only her first name, said families had fled.", "Tinzaouaten"),
        ("said Sen. Carla Whitmore, an Arizona Republican, who backs the bill.", "Arizona Republican"),
    ],
)
def test_places_are_no_actors(nlp, text, absent):
    assert absent not in labels(nlp(text))


@pytest.mark.parametrize(
    "text, name",
    [
        # the same names as people, with no place noun after them
        ("Ben Gurion declared independence in 1948.", "Ben Gurion"),
        ("Philip Goldson led the opposition for years.", "Philip Goldson"),
        # two given names, a quoted nickname and a surname: one person
        ('Police arrested a man identified as Jesús Alberto "El Chore" Quiñones on Monday.',
         "Jesús Alberto Quiñones"),
        ('The commander, Gen. Mohamud Cabdulle "Gaagaab" Siciid, announced a new phase.',
         "Mohamud Cabdulle Siciid"),
        # an age or "who" after a name no list knows makes it a person
        ("Luz Dary Ipia-Tombé, 34, coordinates one of the guard's posts.", "Luz Dary Ipia-Tombé"),
        ("Ronna Delacroix-Haines, who teaches law in Austin, disagreed.", "Ronna Delacroix-Haines"),
        # one given name as before, and no title joins the name
        ('Commander Jimmy "Barbecue" Chérizier said the gangs would fight.', "Jimmy Chérizier"),
    ],
)
def test_people_keep_their_whole_names(nlp, text, name):
    assert labels(nlp(text)).get(name) == "Person"


def test_a_territory_is_a_place_of_a_deployment(nlp):
    found = list(extract_operations(nlp("The United States moved a squadron of F-35 jets to Puerto Rico.")))
    assert [(o.type, o.agent.key, o.location_text) for o in found] == [("deployment", "united-states", "puerto rico")]
