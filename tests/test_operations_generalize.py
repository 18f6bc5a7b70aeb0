"""Operations: rules added so that extraction generalizes to unseen outlets (quotes, bills,
transcripts, places, judgements). Sentences written for these tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from op_helpers import keys, one, ops  # noqa: E402


# ---------------------------------------------------------------- not operations


@pytest.mark.parametrize(
    "text",
    [
        # an act judged, not one done or threatened
        "Venezuela's foreign ministry said it would regard any U.S. strike as an act of war.",
        "Colombia said it would consider any unilateral raid a breach of its sovereignty.",
        # a past act tied to someone, not an operation reported here
        "Brazil listed the militia, citing its ties to the 2019 bombing of a police station.",
        # a plot alleged to justify a strike
        "The Israeli army said it killed a militant who was planning an attack on Israeli civilians.",
    ],
)
def test_judgements_weapons_and_plots_are_no_operations(nlp, text):
    assert ops(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        # bombs as weapons, not the verb
        "Hamas fighters were armed with bombs and rifles, the Israeli army said.",
        "Colombian police seized bombs from a rebel camp in Cauca.",
    ],
)
def test_bombs_as_weapons_are_no_strike(nlp, text):
    assert "strike" not in {o.type for o in ops(nlp, text)}


def test_a_year_before_a_trigger_is_no_count(nlp):
    found = ops(nlp, "Ecuador said the 2023 bombing was carried out by Los Lobos.")
    assert all(o.count is None for o in found)


# ---------------------------------------------------------------- status


@pytest.mark.parametrize(
    "text, status",
    [
        # a bill's authorization is a proposal until it passes
        ("A bill now in the U.S. Senate would authorize strikes on cartel camps in Venezuela.", "proposed"),
        ("Mexican senators filed a resolution on Tuesday. It would allow Mexican troops to be deployed abroad.",
         "proposed"),
        # plans put to those who decide
        ("U.S. commanders have drawn up options for strikes on smuggling routes in Honduras.", "proposed"),
        # a transfer told in the future threatens no one
        ("Colombia will extradite the guerrilla commander to the United States next month.", "proposed"),
        # forces kept where they are, whatever the modal
        ("U.S. troops will remain in Syria through the end of the year, the Pentagon said.", "conducted"),
        # the words of a threat, quoted
        ('Rubio said U.S. strikes on land are "coming soon."', "threatened"),
        # another voice's modal does not reach the narration after its quote
        ('"We can do it," she said, citing the arrest of 40 gang members by Ecuadorean police.', "conducted"),
    ],
)
def test_status_of_new_constructions(nlp, text, status):
    assert status in {o.status for o in ops(nlp, text)}


# ---------------------------------------------------------------- triggers


@pytest.mark.parametrize(
    "text, op_type, status, agent",
    [
        # a speaker's own threat in a first-person quote
        ('"We will hit them wherever they hide," Colombian Defense Minister Iván Cárdenas said.',
         "strike", "threatened", "colombia"),
        # air units moved to a place
        ("The Pentagon moved a squadron of F-16 jets to Poland on Friday.", "deployment", "conducted", "united-states"),
        # a mission of monitors sent
        ("Brazil has proposed sending a peacekeeping mission to Haiti.", "deployment", "proposed", "brazil"),
        # forces stationed in units
        ("Brazil plans to station two battalions along its border with Venezuela.", "deployment", "proposed", "brazil"),
        # a barrage told with a new verb
        ("Russian artillery pounded Ukrainian positions near Bakhmut overnight.", "strike", "conducted", "russia"),
        # an idiom of threat
        ('"Every option remains open," Israeli Prime Minister Benjamin Netanyahu said.',
         "military_action", "threatened", "israel"),
    ],
)
def test_new_triggers(nlp, text, op_type, status, agent):
    assert (op_type, status, agent) in keys(ops(nlp, text))


# ---------------------------------------------------------------- agents


@pytest.mark.parametrize(
    "text, op_type, agent",
    [
        # a craft watching a target, told by an official: the official's state flew it
        ("A Colombian navy officer said the vessel had been tracked for two days by a patrol aircraft.",
         "surveillance", "colombia"),
        # a by-phrase after a date and an appositive
        ("Officials cited the capture in May of Juan Ortega, a senior Gulf Clan figure, by Colombian "
         "police in Medellín.", "capture", "colombia"),
        # a raid after which the reporter's own troops acted
        ("The Colombian army said its soldiers freed six hostages after a raid on a rebel camp.",
         "raid", "colombia"),
        # a bill's sponsor is its state (named in the sentence before "It would ...")
        ("Senator Ruiz filed a bill in the U.S. Senate on Monday. It would authorize military action "
         "against cartels in Mexico.", "military_action", "united-states"),
    ],
)
def test_agents_of_new_constructions(nlp, text, op_type, agent):
    assert (op_type, agent) in {(t, a) for t, _s, a in keys(ops(nlp, text))}


def test_only_states_extradite(nlp):
    found = ops(nlp, "Members of the Sinaloa Cartel handed over 12 prisoners to the United States.")
    assert [o for o in found if o.type == "extradition" and o.agent and o.agent.type != "Country"] == []


def test_an_official_speaks_for_the_body_in_their_title(nlp):
    text = ("State Department spokeswoman Joan Pruett spoke on Monday. "
            '"We will strike them wherever they are," Pruett said.')
    assert ("strike", "threatened", "united-states") in keys(ops(nlp, text))


def test_an_appositive_title_names_the_speakers_state(nlp):
    text = ("Laura Benítez, Mexico's deputy minister of security, spoke in Tijuana. "
            '"We are going to hit them hard," Benítez said.')
    assert ("strike", "threatened", "mexico") in keys(ops(nlp, text))


def test_a_briefing_speaker_without_title_shares_the_podium_state(nlp):
    text = ("Pentagon spokesman Carl Dorsey and Gen. Anne Voss briefed reporters.\n\n"
            "DORSEY: Good morning.\n\n"
            "VOSS: We moved two destroyers to the Caribbean last week.\n")
    assert ("deployment", "conducted", "united-states") in keys(ops(nlp, text))


# ---------------------------------------------------------------- places


@pytest.mark.parametrize(
    "text, location_text",
    [
        # "the region" points back to the place named just before
        ("Is the carrier staying in the Mediterranean? The U.S. carrier will remain in the region.",
         "mediterranean"),
        # a country singled out within a region
        ("The order allows U.S. strikes on cartels anywhere in Latin America, including inside Mexico.", "mexico"),
    ],
)
def test_places_resolved_from_context(nlp, text, location_text):
    assert location_text in {o.location_text for o in ops(nlp, text)}


def test_threat_talk_over_several_sentences_is_one_threat(nlp):
    text = ("Trump said U.S. strikes on land are coming soon. Reporters asked about Mexico. "
            "He declined to answer. Trump said every option is on the table.")
    threats = {(o.type, o.status) for o in ops(nlp, text) if o.status == "threatened"}
    assert threats == {("strike", "threatened")}


def test_subdivision_is_the_place(nlp):
    op = one(nlp, "The U.S. military struck a boat off the Venezuelan state of Sucre on Monday.")
    assert (op.location, op.location_text) == (None, "sucre")


@pytest.mark.parametrize(
    "turn, agent",
    [
        # the official speaks: their title names the state
        ("Medina, a veteran of the agency, said they will attack the convoy on Friday.", "united-states"),
        # the official is addressed, someone else speaks: no agent, no operation
        ("Q: Medina, the rebels said they will attack the convoy on Friday.", None),
    ],
)
def test_an_addressed_official_is_not_the_speaker(nlp, turn, agent):
    text = f"State Department spokesman Luis Medina briefed reporters.\n\n{turn}\n"
    assert {o.agent.key if o.agent else None for o in ops(nlp, text)} <= {agent}
    assert bool(ops(nlp, text)) == (agent is not None)
