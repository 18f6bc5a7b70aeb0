"""Designations told with names or clauses the first frames did not read: group names with
lower-case particles ("Jaish al-Adl", "Cártel de los Soles") as coordinated designees, a group
counted "among the groups that <state> designated as ...", a group "included in" a state's list
(sentences written for these tests; "must not fire" cases too)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from extract_helpers import designation_rows as _found  # noqa: E402


@pytest.mark.parametrize(
    "text, expected",
    [
        # a name with an Arabic article is still a name: each conjunct is designated
        ("Canada designated Jaish al-Adl and Ansar al-Furqan as terrorist entities.",
         [("canada", "ansar al-furqan", "terrorist_organization"),
          ("canada", "jaish al-adl", "terrorist_organization")]),
        ("Canada listed three militias, including Liwa al-Fatah and Saraya al-Ashtar, as terrorist "
         "entities.",
         [("canada", "liwa al-fatah", "terrorist_organization"),
          ("canada", "saraya al-ashtar", "terrorist_organization")]),
        # a possessive inside a group's name ("People's") keeps it a name
        ("Canada designated the Patriotic Front and its People's Liberation Brigade as terrorist "
         "entities.",
         [("canada", "patriotic front", "terrorist_organization"),
          ("canada", "people's liberation brigade", "terrorist_organization")]),
        # a group counted among those that a state designated, with the state inside a relative
        ("Los Lobos was among the groups that Ecuador designated as terrorist organizations.",
         [("ecuador", "los lobos", "terrorist_organization")]),
        ("Tren de Aragua was among the gangs that Canada listed as terrorist entities last year.",
         [("canada", "tren de aragua", "terrorist_organization")]),
        # a group included "in" a state's list, in the passive or the active
        ("Los Lobos is included in the list of terrorist organizations of Canada.",
         [("canada", "los lobos", "terrorist_organization")]),
        ("Canada included Los Lobos in its list of terrorist entities in March.",
         [("canada", "los lobos", "terrorist_organization")]),
    ],
)
def test_designation_phrasing(nlp, text, expected):
    assert _found(nlp, text) == expected


@pytest.mark.parametrize(
    "text, absent",
    [
        # a lower-case conjunct is no name: the named group only
        ("Canada designated Jaish al-Adl and others as terrorist entities.", "others"),
        # counted among the groups, but the relative clause says they were not designated
        ("Los Lobos was among the groups that Ecuador refused to designate as terrorist "
         "organizations.", "los lobos"),
        # "in the list of" after a verb that lists nothing
        ("Los Lobos appeared in the list of terrorist organizations' suspected funders.", "los lobos"),
    ],
)
def test_designation_phrasing_limits(nlp, text, absent):
    assert absent not in [designee for _designator, designee, _category in _found(nlp, text)]
