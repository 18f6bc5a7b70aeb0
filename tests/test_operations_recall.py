"""Operations: recall rules for unseen outlets (verb families, argument structures, agents given
through agencies and units, threat formulas, merging). Sentences written for these tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from op_helpers import keys, ops  # noqa: E402


def _types(found) -> set[str]:
    return {o.type for o in found}


# ---------------------------------------------------------------- new trigger families


@pytest.mark.parametrize(
    "text, expected",
    [
        # a counted object five words long after the verb of sinking
        ("Peruvian forces have sunk more than two dozen speedboats on the Amazon since May.",
         ("strike", "conducted", "peru")),
        # waging war on someone: "take the fight to"
        ("Peru's defense minister said the army was ready to take the fight to the rebel columns.",
         ("military_action", "threatened", "peru")),
        # forces ordered against a target: a mandate
        ("Peru ordered its army to crush the rebel columns in the valley.",
         ("military_action", "authorized", "peru")),
        # a naval group ordered to go somewhere is deployed, and a "strike group" is no strike
        ("The Pentagon ordered the USS Nimitz carrier strike group to sail to the Arabian Sea.",
         ("deployment", "conducted", "united-states")),
        # forces kept at a place, told in the passive
        ("About 500 Guatemalan soldiers are now stationed along the border with Mexico.",
         ("deployment", "conducted", "guatemala")),
        # a named force mandated
        ("The Security Council authorized what is being called the Caribbean Stabilization Force.",
         ("deployment", "authorized", "un-security-council")),
    ],
)
def test_trigger_families(nlp, text, expected):
    assert expected in keys(ops(nlp, text))


def test_strike_group_is_no_strike(nlp):
    found = ops(nlp, "The Pentagon ordered the USS Nimitz carrier strike group to sail to the Arabian Sea.")
    assert "strike" not in _types(found)


@pytest.mark.parametrize(
    "text, place",
    [
        ('"If Honduras will not stop the smugglers, we will," the U.S. ambassador said.', "honduras"),
        ('The U.S. envoy said: "If Guatemala cannot stop these gangs, we will."', "guatemala"),
    ],
)
def test_threat_to_act_in_anothers_place(nlp, text, place):
    found = [o for o in ops(nlp, text) if o.type == "military_action"]
    assert found and found[0].status == "threatened"
    assert found[0].agent is not None and found[0].agent.key == "united-states"  # not the country named
    assert found[0].location_text == place


# ---------------------------------------------------------------- status


@pytest.mark.parametrize(
    "text, expected",
    [
        # plans and options drawn up are a proposal
        ("The White House reviewed options for missile strikes on cartel camps in Mexico.",
         ("strike", "proposed", "united-states")),
        # ", and" opens another clause: the plan does not reach the flights
        ("The cabinet has discussed plans for air strikes on the camps, and Brazilian "
         "surveillance aircraft already fly over the border.", ("surveillance", "conducted", "brazil")),
    ],
)
def test_status_cues(nlp, text, expected):
    assert expected in keys(ops(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        # the way it was not done
        "The handover was done by decree rather than through formal extradition proceedings.",
        # a routine carried on, with nothing concrete, is no threat
        '"The coast guard will continue to seize and to detain, as it always has," the minister said.',
        # what something is compared with is another event
        "Analysts said the label could lead to raids, like the boat strikes in the Pacific.",
    ],
)
def test_no_operation_told(nlp, text):
    found = ops(nlp, text)
    assert not [o for o in found if o.type in ("extradition", "seizure") or o.location_text == "pacific"], found


# ---------------------------------------------------------------- agents


@pytest.mark.parametrize(
    "text, agent",
    [
        # a by-phrase with a possessive: the force, not the country owning it
        ("A shelling by Sudan's Rapid Support Forces hit a hospital in El Obeid.", "rapid-support-forces"),
        # a compass word before a demonym in a by-phrase
        ("The raid by North American forces on the camp killed two.", "united-states"),
        # the runner of a craft named in a relative clause
        ("It was one of the reconnaissance aircraft that the Pentagon has flown over Venezuela since May.",
         "united-states"),
        # an unnamed force, and the agency that tells of it in the next sentence
        ("State troopers seized 40 kilograms of cocaine near Laredo on Friday. The drugs were hidden "
         "in a tire, according to the Texas Department of Public Safety.", "texas-department-of-public-safety"),
        # a pronoun subject of two coordinated verbs after a reporting verb
        ("Venezuela's government said it had enrolled volunteers and sent troops to the border.", "venezuela"),
        # the orderer, not a group in the object of another verb of the clause
        ("Peru's president branded Sendero Luminoso and Los Pulpos terrorist groups and ordered the "
         "army to crush them.", "peru"),
        # "an army strike" in a story that named the armed forces before
        ("The Sudanese Armed Forces denied the reports. An army strike on a depot in Nyala killed nine.",
         "sudan"),
        # a plural demonym as the subject
        ("He said that if the Americans want to bomb the camps, they should ask for permission.",
         "united-states"),
    ],
)
def test_agents_through_units_and_agencies(nlp, text, agent):
    keys = {o.agent.key for o in ops(nlp, text) if o.agent}
    assert agent in keys or any(agent in k for k in keys), keys


@pytest.mark.parametrize(
    "text, not_agent",
    [
        # a by-phrase of another participle names who asked for it
        ("Every surveillance flight was requested by the Peruvian government.", "peru"),
        # a monitor that verified strikes did not carry them out
        ("The UN human rights office said it had verified three drone strikes on markets.", "un-human-rights-office"),
        # the country in a threat's condition is where, not who
        ('"If Honduras will not stop the smugglers, we will," the U.S. ambassador said.', "honduras"),
    ],
)
def test_no_agent_from_other_roles(nlp, text, not_agent):
    assert not_agent not in {o.agent.key for o in ops(nlp, text) if o.agent}


def test_seizing_a_held_place_is_military_action(nlp):
    found = ops(nlp, "The Rapid Support Forces seized Babanusa, the army's last base in West Kordofan.")
    assert ("military_action", "conducted", "rapid-support-forces") in keys(found)
    assert "seizure" not in _types(found)


def test_seizing_goods_stays_a_seizure(nlp):
    found = ops(nlp, "Colombian police seized 300 kilograms of cocaine in Cali.")
    assert "seizure" in _types(found)


# ---------------------------------------------------------------- places and merging


def test_region_with_a_side_before_off_country(nlp):
    found = ops(nlp, "U.S. forces carried out a strike on a boat in the Western Caribbean off Honduras.")
    assert [o.location_text for o in found if o.type == "strike"] == ["western caribbean"]


def test_mentions_with_different_arguments_stay_apart(nlp):
    text = ("U.S. forces conducted two airstrikes against al-Shabaab on Monday. Officials gave no "
            "details. Analysts were not surprised. Separately, U.S. forces conducted three strikes in "
            "the Caribbean.")
    strikes = [o for o in ops(nlp, text) if o.type == "strike"]
    assert {(o.target_text, o.location_text) for o in strikes} >= {("al-shabaab", None), (None, "caribbean")}


def test_generic_threat_with_own_target_is_kept(nlp):
    text = ("Trump has threatened military action against the cartels in Mexico. Officials in Mexico City "
            "feared the designation would be used to justify U.S. drone strikes.")
    assert ("military_action", "threatened", "united-states") in keys(ops(nlp, text))


def test_campaign_with_the_strikes_place_and_target_is_one(nlp):
    text = ("The Senate held a hearing on the U.S. military campaign against smuggling boats in the Caribbean. "
            "Senators asked questions. Witnesses answered. Since May, U.S. forces have conducted 20 strikes "
            "against boats in the Caribbean.")
    assert _types(ops(nlp, text)) == {"strike"}


# ---------------------------------------------------------------- second round


@pytest.mark.parametrize(
    "text, expected",
    [
        # a briefer telling of forces ordered somewhere speaks for the state
        ('"The Secretary has ordered the amphibious ready group to head to the Gulf of Guinea," '
         "a Pentagon spokesman said.", ("deployment", "united-states")),
        # a state's force told by its size, in a hypothetical
        ("If Washington wanted to help, a modest contingent of U.S. paratroopers could secure the airport.",
         ("deployment", "united-states")),
    ],
)
def test_forces_ordered_or_counted(nlp, text, expected):
    found = [o for o in ops(nlp, text) if o.type == expected[0]]
    assert found
    if expected[1]:
        assert found[0].agent is not None and found[0].agent.key == expected[1]


def test_region_inside_one_country_is_that_country(nlp):
    found = ops(nlp, "The Rapid Support Forces shelled the town of Tawila in Darfur on Sunday, killing 12 people.")
    assert "sudan" in {o.location.key for o in found if o.location}


def test_a_power_granted_is_no_operation(nlp):
    text = "The army declared a buffer zone along the river where soldiers can detain anyone crossing."
    assert "arrest" not in _types(ops(nlp, text))


def test_operations_that_would_stop_are_going_on(nlp):
    text = '"If the rocket fire ends, our airstrikes stop," the Israeli military spokesman said.'
    assert [o.status for o in ops(nlp, text) if o.type == "strike"] == ["conducted"]


# ---------------------------------------------------------------- third round: verb families


@pytest.mark.parametrize(
    "text, expected",
    [
        # a hyphenated craft is three tokens ("semi - submersible")
        ("The Peruvian Navy intercepted a semi-submersible loaded with cocaine off Piura.",
         ("seizure", "conducted", "peru")),
        # a hyphenated weapon between the verb and "missiles"
        ("Israeli jets fired two anti-tank missiles at a depot in Syria.", ("strike", "conducted", "israel")),
        # boarding a craft at sea
        ("The French navy boarded a fishing boat carrying 800 kilograms of cocaine near Martinique.",
         ("seizure", "conducted", "france")),
        # an armed operation launched against a target
        ("Honduras's army launched a major operation against the gangs in San Pedro Sula.",
         ("military_action", "conducted", "honduras")),
        # a held place taken by force
        ("Ecuador's armed forces took control of the Turi prison in a dawn operation.",
         ("military_action", "conducted", "ecuador")),
        # deaths on a craft are a strike on it
        ("Panama said U.S. forces had killed four men aboard a speedboat in the Caribbean.",
         ("strike", "conducted", "united-states")),
        # a prisoner given to another state's authorities: the giver acts, not the receiver
        ("Guatemala handed over the alleged trafficker to U.S. authorities on Friday.",
         ("extradition", "conducted", "guatemala")),
        # armed groups hit where they are
        ("Hegseth said the United States would start hitting the cartels inside Venezuela.",
         ("strike", "threatened", "united-states")),
    ],
)
def test_verb_families(nlp, text, expected):
    assert expected in keys(ops(nlp, text))


def test_aboard_is_no_boarding(nlp):
    assert "seizure" not in _types(ops(nlp, "Nobody knows who was on board the bombed vessel."))


def test_target_after_the_triggers_own_preposition(nlp):
    found = [o for o in ops(nlp, "Honduras's army launched a major operation against the MS-13 gang.")
             if o.type == "military_action"]
    assert found and found[0].target_text


def test_subject_after_a_fronted_participle(nlp):
    text = ("Acting on a tip passed through a joint cell known as the Border Task Group, a unit of "
            "the Guatemalan army, raided a ranch in Petén.")
    assert ("raid", "conducted", "guatemala") in keys(ops(nlp, text))


@pytest.mark.parametrize(
    "text, expected",
    [
        # an unnamed force in a story datelined from a country is that country's
        ("LIMA — When soldiers raided the Ancón warehouse on Friday, the smugglers had already fled.",
         ("raid", "conducted", "peru")),
        ("TEGUCIGALPA — Police arrested nine suspected gang members in a dawn operation on Monday.",
         ("arrest", "conducted", "honduras")),
    ],
)
def test_unnamed_force_of_the_dateline_country(nlp, text, expected):
    assert expected in keys(ops(nlp, text))


def test_unnamed_force_abroad_is_not_the_dateline_country(nlp):
    text = "LIMA — When soldiers raided a warehouse in Colombia on Friday, the smugglers had already fled."
    assert ("raid", "conducted", "peru") not in keys(ops(nlp, text))


def test_craft_used_to_find_a_target_asked_for(nlp):
    text = "Texas Gov. Greg Abbott asked Washington to authorize the use of drones over the river to track smugglers."
    found = [o for o in ops(nlp, text) if o.type == "surveillance"]
    assert [(o.status, o.agent.key if o.agent else None) for o in found] == [("proposed", "united-states")]
