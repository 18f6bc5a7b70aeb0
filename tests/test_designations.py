"""Designations: each frame, designator resolution, designee, category, date, and skips
(sentences written for these tests)."""

from __future__ import annotations

import pytest

from kg.extract.designations import extract_designations
from kg.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def designations(nlp, text: str, published: str | None = None) -> list:
    doc = nlp.make_doc(text)
    doc.user_data["kg.published"] = published
    return list(extract_designations(nlp(doc)))


@pytest.mark.parametrize(
    "text, designator, designee_key, designee_text, category",
    [
        # frame 1: labelling word ... as category
        ("The State Department designated Tren de Aragua as a foreign terrorist organization.",
         "united-states", "tren-de-aragua", "tren de aragua", "foreign_terrorist_organization"),
        ("The Trump administration labelled several Mexican cartels as terrorist organizations.",
         "united-states", None, "mexican cartels", "terrorist_organization"),
        ("Washington labeled the Sinaloa Cartel and other networks as terrorist groups.",
         "united-states", "sinaloa-cartel", "sinaloa cartel", "terrorist_organization"),
        ("Canada classified the Jalisco cartel as a terrorist entity.",
         "canada", "jalisco-new-generation-cartel", "jalisco cartel", "terrorist_organization"),
        ("Rubio argued for treating cartels as armed terrorist organizations.",
         "united-states", None, "cartels", "terrorist_organization"),
        ("Rubio said the designation of Cartel de los Soles as a terrorist organization was overdue.",
         "united-states", "cartel-de-los-soles", "cartel de los soles", "terrorist_organization"),
        ("Trump's administration labeled Mexico's Sinaloa Cartel as a terrorist organization.",
         "united-states", "sinaloa-cartel", "sinaloa cartel", "terrorist_organization"),
        # frame 2: asserting that X are category
        ("Trump sent Congress a memo asserting that Latin American cartels are \u201cenemy combatants\u201d.",
         "united-states", None, "latin american cartels", "enemy_combatant"),
        # frame 3: category designation of X
        ("Trump announced the FTO designation of the Gulf Cartel.",
         "united-states", "gulf-cartel", "gulf cartel", "foreign_terrorist_organization"),
        # frame 4: direct labelling without "as"
        ("The Pentagon declared the Houthis enemy combatants.",
         "united-states", "houthis", "houthis", "enemy_combatant"),
    ],
)
def test_designation_frames(nlp, text, designator, designee_key, designee_text, category):
    found = designations(nlp, text)
    assert len(found) == 1, found
    des = found[0]
    assert des.designator.key == designator
    assert (des.designee.key if des.designee else None) == designee_key
    assert des.designee_text == designee_text
    assert des.category == category


@pytest.mark.parametrize(
    "text",
    [
        "Musk said this classification means they are eligible for drone strikes.",  # no designee
        "Trump first considered using the foreign terrorist organization designation.",  # no designee
        "The Biden administration never designated the cartels as terrorist groups.",  # negated
        "Sheinbaum criticized the designation of cartels as terrorist organizations.",  # critic, no designator
        "Treat cartels as enemy combatants",  # a headline with no designator
        "Police said the attackers were terrorists who wanted attention.",  # no labelling frame
    ],
)
def test_no_designation(nlp, text):
    assert designations(nlp, text) == []


@pytest.mark.parametrize(
    "text, published, date, date_text",
    [
        ("On October 2, Trump issued a memo asserting that the cartels are enemy combatants.", None, "--10-02", "October 2"),
        ("On October 2, Trump issued a memo asserting that the cartels are enemy combatants.", "2025-11-04", "2025-10-02", "October 2"),
        ("In February, the United States designated Tren de Aragua as a terrorist group.", None, None, "February"),
    ],
)
def test_designation_date(nlp, text, published, date, date_text):
    (des,) = designations(nlp, text, published)
    assert (des.date, des.date_text) == (date, date_text)


def test_each_named_designee_is_a_designation(nlp):
    found = designations(nlp, "The State Department designated the Gulf Cartel and a rival group, "
                              "Los Zetas, as foreign terrorist organizations.")
    assert sorted(d.designee.key for d in found) == ["gulf-cartel", "los-zetas"]
    assert {d.category for d in found} == {"foreign_terrorist_organization"}


def test_shorter_designee_takes_the_longer_wording(nlp):
    text = ("The United States classified Mexican drug cartels as terrorist organizations.\n"
            "Washington began treating cartels as terrorist organizations in March.")
    found = designations(nlp, text)
    assert {(d.designator.key, d.designee_text, d.category) for d in found} == {
        ("united-states", "mexican drug cartels", "terrorist_organization")}


@pytest.mark.parametrize(
    "text, designator, designee_text, category",
    [
        # the designee heads a relative clause
        ("Hezbollah, which Britain designates a terrorist organization, denied the report.",
         "united-kingdom", "hezbollah", "terrorist_organization"),
        # a passive: the subject is the designee, the by-phrase the designator
        ("The Houthis were designated a foreign terrorist organization by the State Department in March.",
         "united-states", "houthis", "foreign_terrorist_organization"),
        # a group put on a list of a category
        ("Canada added the Sinaloa Cartel to its list of terrorist entities.",
         "canada", "sinaloa cartel", "terrorist_organization"),
        ("Australia put the gang on its terror list.", "australia", "gang", "terrorist_organization"),
        # an apposition after a comma describes the designee, it is no second one
        ("Washington designated Katiba Sur, a JNIM faction, as a terrorist group.",
         "united-states", "katiba sur", "terrorist_organization"),
    ],
)
def test_more_designation_frames(nlp, text, designator, designee_text, category):
    found = designations(nlp, text)
    assert [(d.designator.key, d.designee_text, d.category) for d in found] == [(designator, designee_text, category)]


def test_unknown_capitalised_names_are_each_designated(nlp):
    found = designations(nlp, "The United States designated Los Pelones and Grupo Sombra as terrorist organizations.")
    assert sorted(d.designee_text for d in found) == ["grupo sombra", "los pelones"]


def test_a_longer_name_than_a_known_actor_is_kept_whole(nlp):
    found = designations(nlp, "Kataib Hezbollah, which Washington designated a terrorist organization, vowed revenge.")
    assert [(d.designee_text, d.designee) for d in found] == [("kataib hezbollah", None)]
