"""Designees told as groups: coordinated subjects of a passive with "both" ("X and Y are both
designated ... by Z"), a name after a describing noun ("the FARC dissident group X"), a
nation's class of groups coordinated with names ("X and several Mexican cartels"), names not
in the gazetteer with a group noun ("the Klansman gang"), the dateline's state for a
passive with no agent, a name with its acronym before ", which", and a second category
coordinated with the first. Sentences written for these tests; "must not" rows included."""

from __future__ import annotations

import pytest

from kg.extract.designations import extract_designations


def found(nlp, text: str) -> set[tuple]:
    """(designator key, designee text, category) of each designation."""
    return {(d.designator.key, d.designee_text, d.category) for d in extract_designations(nlp(text))}


FOUND = [
    # "both", "all" between the auxiliary and the passive labelling verb
    ("Hamas and Palestinian Islamic Jihad are both designated as foreign terrorist organisations "
     "by the United States.", ("united-states", "palestinian islamic jihad", "foreign_terrorist_organization")),
    ("Hamas and Palestinian Islamic Jihad are both designated as foreign terrorist organisations "
     "by the United States.", ("united-states", "hamas", "foreign_terrorist_organization")),
    # the name after a describing noun is the designee, not a group named inside the description
    ("In 2021 the State Department added the FARC dissident group Segunda Marquetalia to the list "
     "of foreign terrorist organizations.", ("united-states", "segunda marquetalia", "foreign_terrorist_organization")),
    # a nation's class of groups coordinated with a name is designated too
    ("Washington has designated the Tren de Aragua and several Mexican cartels as foreign terrorist "
     "organizations.", ("united-states", "mexican cartels", "foreign_terrorist_organization")),
    ("In February the United States designated MS-13 as a foreign terrorist organization, along with "
     "Tren de Aragua and six Mexican cartels.", ("united-states", "mexican cartels", "foreign_terrorist_organization")),
    # names no gazetteer lists, one with a group noun after it, in a passive with no agent: the
    # dateline's state
    ("KINGSTON — The Blue Hole Crew and the Klansman gang were listed last month as terrorist "
     "organizations.", ("jamaica", "klansman gang", "terrorist_organization")),
    ("KINGSTON — The Blue Hole Crew and the Klansman gang were listed last month as terrorist "
     "organizations.", ("jamaica", "blue hole crew", "terrorist_organization")),
    ("KINGSTON — The Sinaloa Cartel was listed as a terrorist organization last month.",
     ("jamaica", "sinaloa cartel", "terrorist_organization")),
    # a name no list knows before ", which <designator> designated"
    ("Police arrested members of Foxtrot, which Sweden designated a terrorist organisation.",
     ("sweden", "foxtrot", "terrorist_organization")),
    ("A court sentenced a commander of the Azov brigade, which Russia designated a terrorist "
     "organisation in 2022.", ("russia", "azov brigade", "terrorist_organization")),
    # a known group's acronym in parentheses between its name and ", which <designator> designated"
    ("Agents seized cash from the Gulf Clan (EGC), which Washington designated a foreign terrorist "
     "organization in 2025.", ("united-states", "gulf clan", "foreign_terrorist_organization")),
    ("The drugs came from the Sinaloa Cartel (CDS), which the State Department designated a foreign "
     "terrorist organization in February along with Tren de Aragua.",
     ("united-states", "tren de aragua", "foreign_terrorist_organization")),
    # a relative clause with no pronoun, auxiliaries between its subject and the verb
    ("The United States struck a boat. It is in a conflict with cartels it has declared enemy "
     "combatants.", ("united-states", "cartels", "enemy_combatant")),
    # "whose members it regards as": the group the members belong to
    ("The United States struck a boat. It is in a conflict with drug cartels, whose members it "
     "regards as unlawful combatants.", ("united-states", "drug cartels", "enemy_combatant")),
    # ", and also X" after the category adds X
    ("Washington has designated the Gulf Clan a foreign terrorist organization, and also the "
     "Cartel de los Soles.", ("united-states", "cartel de los soles", "foreign_terrorist_organization")),
    # an affiliate, offshoot or branch named before its name describes it
    ("The State Department has blacklisted the al-Qaeda affiliate JNIM as a foreign terrorist "
     "organization.", ("united-states", "jnim", "foreign_terrorist_organization")),
    # a reduced relative after an appositive: "X, a <group noun> designated by Y as"
    ("Agents detained members of Tren de Aragua, a transnational gang designated by the Secretary "
     "of State as a Foreign Terrorist Organization.",
     ("united-states", "tren de aragua", "foreign_terrorist_organization")),
]


@pytest.mark.parametrize("text,expected", FOUND)
def test_group_designee_is_found(nlp, text, expected):
    assert expected in found(nlp, text)


NOT_FOUND = [
    # a class of "other" groups, or one whose examples follow, is told by its names
    ("The administration has designated the Gulf Cartel and four other Mexican organizations as "
     "foreign terrorist organizations.", "four other mexican organizations"),
    ("The State Department designated four Iraqi militias, including Harakat al-Nujaba, as foreign "
     "terrorist organizations.", "four iraqi militias"),
    # the group inside a description is not designated
    ("In 2021 the State Department added the FARC dissident group Segunda Marquetalia to the list "
     "of foreign terrorist organizations.", "farc dissident group segunda marquetalia"),
    # people told of in the passive are no named group
    ("KINGSTON — Residents and shopkeepers were described as terrorists.", "residents"),
    # a second category coordinated with the first labels the same group, and names no group
    ("The Gulf Cartel was designated a Foreign Terrorist Organization and a Specially Designated "
     "Global Terrorist by the Department of State.", "foreign terrorist organization"),
    ("Washington designated the Houthis a foreign terrorist organization and a specially designated "
     "global terrorist group.", "foreign terrorist organization"),
    # a war declared on a plural noun labels nothing
    ("The United States struck a boat. It has declared war on cartels.", "cartels"),
    # a description with no label after it is no designation
    ("Police arrested members of Los Lobos, a gang based in Manabí and designated by nobody.", "los lobos"),
]


@pytest.mark.parametrize("text,designee", NOT_FOUND)
def test_no_designee_from_a_class_or_description(nlp, text, designee):
    assert designee not in {d for _, d, _ in found(nlp, text)}
