"""Designations whose designee or category is given by the context of the frame: "the same
decree named X", a pointer with a count ("both gangs"), a list set off by dashes, a companion
inside the designee ("them, together with X,"), an apposition or aside around the group, a
group counted "one of the groups Y declared", an office named by its function ("the Interior
Ministry gazetted"), a category of one state's law with no agent named (sentences written for
these tests; "must not" cases too)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from extract_helpers import designation_rows as _found  # noqa: E402


@pytest.mark.parametrize(
    "text, expected",
    [
        # an act told before labels more groups: its category and designator carry over
        ("Peru designated Los Pulpos as a terrorist organization in May. The same decree named "
         "Los Injertos and La Jauría.",
         [("peru", "la jauría", "terrorist_organization"), ("peru", "los injertos", "terrorist_organization"),
          ("peru", "los pulpos", "terrorist_organization")]),
        # a pointer with a count stands for the groups named just before
        ("Los Pulpos and Los Injertos fought for the port. Canada listed both gangs as terrorist "
         "entities in June.",
         [("canada", "los injertos", "terrorist_organization"), ("canada", "los pulpos", "terrorist_organization")]),
        # a list set off by dashes: the names, not the class that announces them
        ("Canada added three more Haitian gangs — Viv Ansanm, Gran Grif and Kraze Baryè — to its "
         "list of terrorist entities.",
         [("canada", "gran grif", "terrorist_organization"), ("canada", "kraze baryè", "terrorist_organization"),
          ("canada", "viv ansanm", "terrorist_organization")]),
        # a companion phrase inside the designee: the pointer and the companions
        ("Los Pulpos grew fast. Canada then listed them, together with Gran Grif, as terrorist "
         "entities.",
         [("canada", "gran grif", "terrorist_organization"), ("canada", "los pulpos", "terrorist_organization")]),
        # an apposition with a participle used as an adjective
        ("He sold rifles to Los Pulpos, a designated terrorist organization in Peru.",
         [("peru", "los pulpos", "terrorist_organization")]),
        # a contact clause after an apposition with a singular group noun
        ("The men worked for Los Pulpos, a gang Peru declared a terrorist organization last year.",
         [("peru", "los pulpos", "terrorist_organization")]),
        # a subject set off by an aside still sits on the list
        ("Hamas, long based in Gaza, has been on the State Department's list of foreign terrorist "
         "organizations since 1997.",
         [("united-states", "hamas", "foreign_terrorist_organization")]),
        # a class named first, then its members between commas, then a passive
        ("Two armed groups, the Iran-backed Kataib Hezbollah and the Houthis, are also listed by "
         "Canada as terrorist entities.",
         [("canada", "houthis", "terrorist_organization"), ("canada", "kataib hezbollah", "terrorist_organization")]),
        # counted among the groups that a state declared, with no "as"
        ("Los Pulpos was one of the 12 groups that Peru declared terrorist organizations in 2024.",
         [("peru", "los pulpos", "terrorist_organization")]),
        # an office named by its function acts for the state the article names
        ("Sri Lanka has tightened its laws. The Defence Ministry gazetted the Tamil Revival Front as a "
         "terrorist organisation.",
         [("sri-lanka", "tamil revival front", "terrorist_organization")]),
        # a category of one state's law, told with a subject that names no state
        ("The agency designated Los Pulpos a foreign terrorist organization in March.",
         [("united-states", "los pulpos", "foreign_terrorist_organization")]),
        # a terrorist cell, in quotes, is a label like a terrorist group
        ('Syria labelled Liwa al-Karama "a terrorist cell outside the law" on Monday.',
         [("syria", "liwa al-karama", "terrorist_organization")]),
        # a possessor inside an apposition is not designated
        ("Canada declared the Tropa del Infierno, the Cartel del Noreste's armed wing, a terrorist "
         "organization.",
         [("canada", "tropa del infierno", "terrorist_organization")]),
        # a government restating its label
        ("Kenya reiterated that al-Shabaab and the Mombasa Republican Council are terrorist organisations.",
         [("kenya", "al-shabaab", "terrorist_organization"),
          ("kenya", "mombasa republican council", "terrorist_organization")]),
        # an address before the subject of a passive is no designee
        ("Jamaica passed the law in May. Commissioner, the Tivoli Crew and the Spanglers gang were listed "
         "last month as terrorist entities.",
         [("jamaica", "spanglers gang", "terrorist_organization"), ("jamaica", "tivoli crew", "terrorist_organization")]),
        # a passive subject of names, one known and the others not: all of them
        ("Jamaica passed the law in May. Al-Shabaab, the Tivoli Crew and the Spanglers gang were listed "
         "as terrorist entities.",
         [("jamaica", "al-shabaab", "terrorist_organization"), ("jamaica", "spanglers gang", "terrorist_organization"),
          ("jamaica", "tivoli crew", "terrorist_organization")]),
        # a group kept "on the same list" as the one named before
        ("Canada listed Hamas as a terrorist entity in 2002 and kept the Houthis on the same list in 2024.",
         [("canada", "hamas", "terrorist_organization"), ("canada", "houthis", "terrorist_organization")]),
        # the examples of a class, after a date that follows the category
        ("Peru fights the gangs that Canada designated as terrorist entities in May, including Los Pulpos "
         "and Los Injertos.",
         [("canada", "los injertos", "terrorist_organization"), ("canada", "los pulpos", "terrorist_organization")]),
        # a relative clause whose subject names several states
        ("Turkey fights the PKK, which Ankara, Canada, Australia and Japan list as a terrorist organization.",
         [("australia", "pkk", "terrorist_organization"), ("canada", "pkk", "terrorist_organization"),
          ("japan", "pkk", "terrorist_organization"), ("turkey", "pkk", "terrorist_organization")]),
        # named groups listed before a common noun phrase in a passive subject
        ("Peru fights gangs. Under the decree, Los Pulpos, Los Injertos and the other gangs we fight are "
         "designated terrorist organizations.",
         [("peru", "los injertos", "terrorist_organization"), ("peru", "los pulpos", "terrorist_organization")]),
        # a court's ruling that groups are terrorist groups is a finding of its state
        ("In 2015 Honduras' Supreme Court ruled that Los Pulpos and Los Injertos were terrorist groups.",
         [("honduras", "los injertos", "terrorist_organization"), ("honduras", "los pulpos", "terrorist_organization")]),
    ],
)
def test_designation_from_context(nlp, text, expected):
    assert _found(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the addressee of what was told is not the subject of the passive after "that"
        "The United States went to war. The White House told Congress that cartel members should be treated "
        "as unlawful combatants.",
        # a ruling that says no
        "A judge in Texas ruled that Los Pulpos are not terrorist organizations.",
        # people described by a relative clause are no group
        "Azerbaijan passed the law. The authorities in Baku call those who fought in Karabakh \"terrorists.\"",
        # a gerund that opens its sentence speaks of labelling, it reports none
        "Los Pulpos extort shops. Calling them terrorists does not make them smaller.",
        "Designating a criminal group as a foreign terrorist organization is a tool for freezing assets.",
        # "the same" with no designation before it points at nothing
        "The same decree named Los Injertos and La Jauría.",
        # a count with no groups named before it stays a common noun, never a name
        "Canada listed both gangs as terrorist entities.",
        # a group named inside a hyphenated modifier is not the one listed
        "Two armed groups, the al-Qaeda-linked Katiba Macina and Ansaroul Islam, are also listed by Canada "
        "as terrorist entities.",
    ],
)
def test_designation_from_context_limits(nlp, text):
    assert [row for row in _found(nlp, text) if row[1] not in {"gangs"}] == []
