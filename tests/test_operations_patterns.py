"""Operations: general patterns of triggers, agents, arguments and status that unseen outlets
use (datelines under a headline, pronoun subjects, participle clauses, passive custody,
projectiles that hit, mandates, talk about an operation). Sentences written for these tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from op_helpers import keys, ops  # noqa: E402


# ---------------------------------------------------------------- agents


@pytest.mark.parametrize(
    "text, expected",
    [
        # a dateline under the headline and byline still tells where the story is from
        ("Troops retake mountain town\n\nBy A. Writer\n\nLIMA, Peru (AP) — Soldiers raided a "
         "rebel camp near Pichari on Monday, the army said.", ("raid", "conducted", "peru")),
        ("Police hold suspects\n\nBy B. Writer and C. Writer\nStaff\n\nQUITO — Police detained "
         "nine men in a port town on Friday.", ("arrest", "conducted", "ecuador")),
        # "the army" after a rebel "Army" was named is still the state's army in a local story
        ("BOGOTÁ — The National Liberation Army attacked a base. The army said on Monday that "
         "it had deployed 900 more troops to Arauca.", ("deployment", "conducted", "colombia")),
    ],
)
def test_dateline_and_bare_forces(nlp, text, expected):
    assert expected in keys(ops(nlp, text))


@pytest.mark.parametrize(
    "text, expected",
    [
        # a sentence opened by a subject pronoun has the agent of the sentence before
        ("Bolivia has cooperated more than ever. It sent 12 prisoners north on March 3.",
         ("extradition", "conducted", "bolivia")),
        ("Bolivia has cooperated more than ever. It sent 12 prisoners north. It deployed 5,000 "
         "troops to the border.", ("deployment", "conducted", "bolivia")),
        ("The Pentagon said no civilians were harmed. It has conducted more than 40 airstrikes "
         "in Yemen this year.", ("strike", "conducted", "united-states")),
    ],
)
def test_pronoun_subject_takes_the_previous_subject(nlp, text, expected):
    assert expected in keys(ops(nlp, text))


def test_expletive_it_gives_no_agent(nlp):
    found = ops(nlp, "Chile spoke first. It is unclear whether strikes took place.")
    assert all(o.agent is None or o.agent.key != "chile" for o in found)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a participle clause after the main clause shares its subject
        ("Agents of Mexico's navy raided a warehouse in Manzanillo on Tuesday, seizing 900 kilograms "
         "of cocaine and arresting five people.", {("seizure", "mexico"), ("raid", "mexico")}),
        ("Colombian police raided a farm near Tumaco, confiscating rifles.", {("seizure", "colombia")}),
    ],
)
def test_participle_clause_shares_the_agent(nlp, text, expected):
    found = {(o.type, o.agent.key if o.agent else None) for o in ops(nlp, text)}
    assert expected <= found


@pytest.mark.parametrize(
    "text",
    [
        # a by-phrase naming unnamed doers: not the subject's or the reporter's operation
        "The Kenyan navy said the ferry had been seized by armed men two days earlier.",
        "Officials in Nigeria said the convoy was attacked by gunmen near Zaria.",
    ],
)
def test_unnamed_doers_are_no_agent(nlp, text):
    assert not [o for o in ops(nlp, text) if o.type in {"seizure", "strike"}]


def test_trigger_word_inside_a_name_is_no_operation(nlp):
    found = ops(nlp, "The EU Naval Force's Operation Atalanta said a frigate had boarded the dhow.")
    assert not [o for o in found if o.type == "military_action"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # an international body's mandate authorizes a deployment it is the agent of
        ("The U.N. Security Council on Monday authorized a stabilization force of up to 3,000 police "
         "officers for the island.", ("deployment", "authorized", "un-security-council")),
        ("NATO approved a new mission to patrol the Baltic.", ("deployment", "authorized", "nato")),
    ],
)
def test_mandating_body_authorizes_a_force(nlp, text, expected):
    assert expected in keys(ops(nlp, text))


def test_mandated_amount_is_no_target(nlp):
    (op,) = [o for o in ops(nlp, "NATO authorized a force of up to 4,000 soldiers.") if o.type == "deployment"]
    assert op.target_text != "up"


# ---------------------------------------------------------------- triggers


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Peruvian police recaptured the escaped gang leader in Tumbes.", ("capture", "conducted", "peru")),
        ("Brazilian soldiers stormed the Bangu prison to end a riot.", ("military_action", "conducted", "brazil")),
        ("Honduran marines secured 800 kilograms of cocaine on a beach.", ("seizure", "conducted", "honduras")),
        ("The Guatemalan army dismantled nine clandestine labs in Petén last month.",
         ("seizure", "conducted", "guatemala")),
        ("A Russian missile hit a grain freighter near Odesa.", ("strike", "conducted", "russia")),
        ("Iranian forces targeted the tanker with two drones overnight.", ("strike", "conducted", "iran")),
        ("Kenya dispatched two battalions to the northern border.", ("deployment", "conducted", "kenya")),
        ("Guatemala has sent about 300 National Guard members to the border.",
         ("deployment", "conducted", "guatemala")),
        ("American drones helped locate the fugitive in Sonora.", ("surveillance", "conducted", "united-states")),
        ("Rep. Carlos Giménez said the United States should put Marines on the ground in Haiti.",
         ("deployment", "proposed", "united-states")),
    ],
)
def test_trigger_classes(nlp, text, expected):
    assert expected in keys(ops(nlp, text))


def test_seized_goods_are_the_target(nlp):
    found = ops(nlp, "Honduran marines secured 800 kilograms of cocaine on a beach.")
    assert any(o.target_text and "cocaine" in o.target_text for o in found)


def test_passive_threat_is_the_announcers(nlp):
    found = ops(nlp, "Trump warned last week that drug labs in Venezuela could be targeted.")
    assert ("strike", "threatened", "united-states") in keys(found)
    assert "venezuela" not in {o.agent.key for o in found if o.agent}


def test_armed_drones_are_not_surveillance(nlp):
    found = ops(nlp, "Haiti's government relies on explosive-laden drones flown by a private task force.")
    assert not [o for o in found if o.type == "surveillance"]


# ---------------------------------------------------------------- passive custody


@pytest.mark.parametrize(
    "text, expected",
    [
        # a passive custody verb with no agent anywhere near: the dateline's state
        ("QUITO — The gang leader Juan Pérez was recaptured in Manta in June and extradited "
         "to the United States in July.", {("capture", "ecuador"), ("extradition", "ecuador")}),
        ("LIMA, Peru — A former mayor, Luis Rojas, was arrested in Cusco on Friday.", {("arrest", "peru")}),
    ],
)
def test_passive_custody_in_a_dateline_story(nlp, text, expected):
    found = {(o.type, o.agent.key if o.agent else None) for o in ops(nlp, text)}
    assert expected <= found


def test_passive_custody_names_the_person_taken(nlp):
    found = ops(nlp, "LIMA, Peru — A former mayor, Luis Rojas, was arrested in Cusco on Friday.")
    assert any(o.target is not None and o.target.type == "Person" for o in found)


def test_destination_is_not_the_sender(nlp):
    found = ops(nlp, "WASHINGTON — A cartel accountant was extradited to the United States on Monday.")
    assert all(o.agent is None or o.agent.key != "united-states" for o in found if o.type == "extradition")


# ---------------------------------------------------------------- arguments and merging


@pytest.mark.parametrize(
    "text, bad",
    [
        # a day after "on" is a date, not a target
        ("The U.S. military said it carried out an airstrike on Sunday against al-Shabab fighters.", "sunday"),
        # the occasion an operation was talked about is no target
        ("Sheinbaum, asked about the U.S. strike at her morning news conference, said little.", "conference"),
    ],
)
def test_not_targets(nlp, text, bad):
    assert all(bad not in (o.target_text or "") for o in ops(nlp, text))


def test_one_strike_is_not_the_counted_series(nlp):
    text = ("The U.S. military said it carried out an airstrike in Somalia on Sunday against al-Shabab "
            "fighters. Africa Command said no civilians were hurt. It has conducted more than 90 "
            "airstrikes in Somalia this year.")
    found = ops(nlp, text)
    assert {o.count for o in found if o.type == "strike"} == {None, 90}


def test_generic_describing_a_specific_operation_is_merged(nlp):
    text = ("BOGOTÁ — Colombia's armed forces bombed a rebel camp in Arauca on Sunday, in the "
            "heaviest military action against the guerrilla group since talks failed in May.")
    assert {o.type for o in ops(nlp, text)} == {"strike"}


# ---------------------------------------------------------------- status


@pytest.mark.parametrize(
    "text",
    [
        # a modal of a verb that talks about or uses the operation is not the operation's
        "The rebels are going to use the American strikes in their recruiting videos.",
        "Lawmakers will investigate the Israeli raid next week.",
    ],
)
def test_talk_about_an_operation_is_no_threat(nlp, text):
    assert all(o.status != "threatened" for o in ops(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        # what a measure is meant to prevent is no operation reported here
        "Warships were sent to the Gulf of Aden to counter pirate attacks on shipping.",
        # an operation nobody has put forward
        'Asked whether Turkish troops might cross the border, he said "nobody is talking about boots on the ground."',
    ],
)
def test_prevented_or_undiscussed_operations(nlp, text):
    assert not [o for o in ops(nlp, text) if o.type in {"strike", "deployment"} and o.status != "conducted"
                or (o.type == "strike")]


def test_a_later_report_clause_keeps_its_own_condition(nlp):
    text = ("Mexico asked Washington to share the data that led to the U.S. strike on the boat, "
            "and that it would protest if the boat had been in Mexican waters.")
    assert all(o.status == "conducted" for o in ops(nlp, text) if o.type == "strike")


@pytest.mark.parametrize(
    "text, expected",
    [
        # a noun trigger as the subject of a modal is a hypothetical
        ("A Turkish incursion into Syria would anger Washington.", "threatened"),
        ("Any American raid on Venezuelan soil could unite the opposition behind Maduro.", "threatened"),
        # a participle before the modal is a done deed ("the men arrested ... would be tried")
        ("QUITO — Ecuadorian police detained nine men on Monday. The men detained on Monday would "
         "be presented to a judge, police said.", "conducted"),
    ],
)
def test_modal_after_a_noun_trigger(nlp, text, expected):
    assert expected in {o.status for o in ops(nlp, text)}
    if expected == "conducted":
        assert all(o.status == "conducted" for o in ops(nlp, text))


@pytest.mark.parametrize(
    "text, expected",
    [
        # the formula of a threat, in a quote that opened in the sentence before
        ('A Hezbollah commander said on television: "We are ready. Israeli gunboats off our coast '
         'are legitimate targets."', ("strike", "threatened", "hezbollah")),
        ('The Iranian foreign minister said: "American bases in the region are legitimate targets."',
         ("strike", "threatened", "iran")),
    ],
)
def test_legitimate_targets_is_a_threat(nlp, text, expected):
    assert expected in keys(ops(nlp, text))


def test_sent_suspects_abroad_is_an_extradition(nlp):
    found = ops(nlp, "Guatemala sent 14 jailed drug suspects to the United States on Friday.")
    assert ("extradition", "conducted", "guatemala") in keys(found)
