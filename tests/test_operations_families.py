"""Operations: families of wording added so that extraction generalizes (deportations and
expulsions, mass prisoner transfers, armed actions on the ground, coercion at sea, threats and
offensives announced, forces kept or sent, craft flown) and the agents read from the context
(a force's owner, a claimant, a possessive pointer, a coordinated verb, a dateline below a
masthead). Sentences written for these tests; as many that must not fire as that must."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from op_helpers import ops  # noqa: E402


def _found(nlp, text: str) -> set[tuple]:
    return {(o.type, o.status, o.agent.key if o.agent else None) for o in ops(nlp, text)}


def _types(nlp, text: str) -> set[str]:
    return {o.type for o in ops(nlp, text)}


# ---------------------------------------------------------------- families that fire


@pytest.mark.parametrize(
    "text, expected",
    [
        # deportations and expulsions of people are repatriations
        ("Turkey deported 4,000 Syrians last month, the interior ministry said.", ("repatriation", "conducted", "turkey")),
        ("Iran expelled more than 500,000 Afghans in June.", ("repatriation", "conducted", "iran")),
        ("Germany has expelled 300 migrants since the spring.", ("repatriation", "conducted", "germany")),
        # a contact clause names the state that handed prisoners over
        ("She was among 40 inmates Colombia sent to the United States in March.", ("extradition", "conducted", "colombia")),
        ("Ecuador said it would speed up prisoner transfers to Colombia.", ("extradition", "proposed", "ecuador")),
        # armed action on the ground named by its kind
        ("Nigerian troops ambushed a convoy of insurgents near Maiduguri.", ("military_action", "conducted", "nigeria")),
        ("Israel imposed a blockade on Gaza in 2007.", ("military_action", "conducted", "israel")),
        ("Russian forces attacked Ukrainian positions near Pokrovsk overnight.", ("military_action", "conducted", "russia")),
        # force used at sea short of arms
        ("Chinese coast guard vessels fired water cannon at a Philippine supply boat.", ("military_action", "conducted", "china")),
        ("A Chinese ship rammed a Vietnamese fishing boat on Tuesday.", ("military_action", "conducted", "china")),
        # an offensive prepared, a war announced
        ("Sudan's army is preparing for a major offensive against the rebels, a spokesman said.",
         ("military_action", "threatened", "sudan")),
        ("Pakistan's defence minister Khawaja Asif warned that there will be all-out war if the attacks continue.",
         ("military_action", "threatened", "pakistan")),
        # a threat told by who will treat others as targets
        ("Iran said it would treat foreign tankers in the Gulf as legitimate targets.", ("strike", "threatened", "iran")),
        # forces or weapons kept at a place, ships sent in the passive or escorting
        ("The U.S. Army has kept its Patriot missile batteries in Poland since 2022.", ("deployment", "conducted", "united-states")),
        ("Japan will keep its destroyers near the Senkaku Islands.", ("deployment", "conducted", "japan")),
        ("The French navy escorted two tankers through the strait.", ("deployment", "conducted", "france")),
        # a named model of drone flown
        ("Officials said the CIA had been flying MQ-9 Reaper drones over Sinaloa.", ("surveillance", "conducted", "united-states")),
        # threats held out by armed groups, the modal inside the trigger
        ("The Houthis threatened to target any American ship in the Red Sea.", ("strike", "threatened", "houthis")),
        ("ELN commanders said the ELN would bomb oil pipelines unless talks resumed.", ("strike", "threatened", "eln")),
        # a force mandated in a reduced relative
        ("Ministers welcomed the new Gang Suppression Force approved by the United Nations Security Council.",
         ("deployment", "authorized", "gang-suppression-force")),
        # craft watching a place, spy balloons, intelligence flights
        ("Turkish drones monitored the border for weeks.", ("surveillance", "conducted", "turkey")),
        ("Chinese spy balloons flew over Taiwan's airspace, Taipei said.", ("surveillance", "conducted", "china")),
        ("Mexico authorized U.S. drones to patrol its northern border.", ("surveillance", "authorized", "united-states")),
        ("The Pentagon has stepped up intelligence-gathering flights near the coast.",
         ("surveillance", "conducted", "united-states")),
        # a person seized is captured; a held town taken is captured
        ("U.S. special forces seized Nicolás Maduro in Caracas.", ("capture", "conducted", "united-states")),
        ("After a long siege, the Rapid Support Forces took El Fasher, the army's last stronghold in Darfur.",
         ("capture", "conducted", "rapid-support-forces")),
    ],
)
def test_families_fire(nlp, text, expected):
    assert expected in _found(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # diplomats, party members and courts: no one driven out of a country
        "Algeria expelled 12 French diplomats on Monday.",
        "The party expelled three lawmakers from its ranks.",
        "The court blocked the deportation of the activist.",
        # figures of speech and other words
        "The ruling party launched a charm offensive in the capital.",
        "The senator's assault on the bill drew applause.",
        "The film's offensive content was criticised.",
        "A bus rammed a car in Lagos.",
        "Critics argue that Washington can bomb its way out of the crisis.",
        "He treated the criticism as fair comment.",
        # taking office or a party, keeping promises and assets
        "The new mayor took office in January.",
        "The governor kept his promise on the border wall.",
        "Lawyers said the bank kept its assets in Switzerland.",
        "Venezuela has kept its Sukhoi jets on alert.",
        # a trigger word inside a name
        "The Naval Strike Missile is made in Norway.",
        "The company sells the Joint Strike Fighter to allies.",
        "Engineers tested the Ship Interdiction System in Hawaii.",
        # money and the dead brought home
        "Apple repatriated $250 billion in overseas cash.",
        "The United States repatriated the remains of the soldiers.",
        "The new program will target young voters in the cities.",
        # a ship of a multinational mission acts for the mission, not for its flag
        "The EU's naval mission Aspides said the Greek frigate Hydra had escorted two tankers through the strait.",
        # craft of companies and weather services
        "The company's drones watched the wedding from above.",
        "Weather satellites tracked the hurricane across the Gulf.",
        # civilians sent somewhere
        "The bank sent 200 staff to the border office.",
        "The frigate escorted the royal yacht during the festival.",
    ],
)
def test_families_do_not_fire(nlp, text):
    assert ops(nlp, text) == []


# ---------------------------------------------------------------- types


@pytest.mark.parametrize(
    "text, op_type",
    [
        ("Congolese troops attacked a rebel base near Goma.", "military_action"),  # a ground target
        ("Houthi fighters attacked a tanker off Yemen.", "strike"),  # a craft
        ("Russian drones hit the depot on Monday, the first attack on the city, Ukraine said.", "strike"),  # weapons of the air
        ("Soldiers detained and later executed 12 men near the village, Burkina Faso's army said.", "military_action"),
        ("Mexican marines seized the cartel's leader in Culiacán.", "capture"),
        ("Mexican marines seized 300 kilograms of cocaine in Culiacán.", "seizure"),
    ],
)
def test_type_follows_the_target(nlp, text, op_type):
    assert op_type in _types(nlp, text)


def test_a_force_sent_to_a_border_is_at_the_border(nlp):
    found = [o for o in ops(nlp, "Ukraine sent two battalions to the border with Belarus.") if o.type == "deployment"]
    assert found and found[0].location is None and found[0].target_text == "border with belarus"


def test_a_force_sent_to_a_country_is_there(nlp):
    found = [o for o in ops(nlp, "Ukraine sent two battalions to Belarus.") if o.type == "deployment"]
    assert found and found[0].location is not None and found[0].location.key == "belarus"


def test_a_strike_that_targeted_something_has_that_target(nlp):
    found = ops(nlp, "Pakistan's army said a strike in October targeted a truck carrying the commander.")
    assert any(o.target_text and o.target_text.startswith("truck") for o in found)


def test_a_title_cased_headline_keeps_its_trigger(nlp):
    assert "strike" in _types(nlp, "Houthi Missile Strike Hits Tanker Off Yemen")


# ---------------------------------------------------------------- agents from the context


@pytest.mark.parametrize(
    "text, agent",
    [
        # the owner of the first force of the subject
        ("Near the town, soldiers of the Nigerian army and members of a local militia detained 12 men.", "nigeria"),
        # a demonym with modifiers before the force
        ("On Friday, Afghan border forces attacked Pakistani posts near Torkham.", "afghanistan"),
        # the claimant of an attack, a pointer standing for the group named before it
        ("The army listed the Arakan Army as a terrorist group after the group claimed an ambush that killed 14 soldiers.",
         "arakan-army"),
        # a possessive pointer opening the clause: the subject of the sentence before
        ("Al-Shabaab has stepped up its operations. Since March its fighters have imposed a blockade on the town of Baidoa.",
         "al-shabaab"),
        # a coordinated verb shares the subject of the first
        ("Guatemala has extradited 12 traffickers, deployed 3,000 soldiers to the border and closed two crossings.",
         "guatemala"),
        # an agency of no known state handing people over: the dateline's state
        ("SANTO DOMINGO. — The General Directorate of Migration said it had repatriated 2,400 Haitians.",
         "dominican-republic"),
    ],
)
def test_agent_from_context(nlp, text, agent):
    assert agent in {o.agent.key for o in ops(nlp, text) if o.agent}


@pytest.mark.parametrize(
    "text, agent",
    [
        # members of a gang as the object are no agent of the seizure after it
        ("Prosecutors said soldiers had arrested 14 members of the Jalisco cartel and seized a tonne of meth.",
         "jalisco-new-generation-cartel"),
        # a reporter saying "its officers" owns the operation, not the subject of the sentence before
        ("Russian drones hit the port overnight. The SBU said its officers had detained a man in Odesa.", "russia"),
    ],
)
def test_agent_not_from_context(nlp, text, agent):
    found = [o for o in ops(nlp, text) if o.type in ("seizure", "arrest")]
    assert all(o.agent is None or o.agent.key != agent for o in found)


def test_a_headline_above_a_dateline_keeps_its_agent(nlp):
    text = ("PORT NEWS — WEEKEND EDITION\n\nGuatemala sends 900 more troops to Mexico border\n\n"
            "GUATEMALA CITY. — The government on Monday ordered 900 soldiers to the border.")
    assert ("deployment", "conducted", "guatemala") in _found(nlp, text)


@pytest.mark.parametrize(
    "text, status",
    [
        # what someone of another state says a state can do is a proposal
        ("Haiti's prime minister said the Americans can bomb the gang's headquarters.", "proposed"),
        # what a state's own official says it can do is a threat
        ("Hegseth said the United States can bomb the gang's headquarters.", "threatened"),
        # an offensive prepared, a war foretold
        ("Sudan's army said it was preparing for a wide offensive in Kordofan.", "threatened"),
    ],
)
def test_status_of_new_families(nlp, text, status):
    assert status in {o.status for o in ops(nlp, text) if o.agent is not None}
