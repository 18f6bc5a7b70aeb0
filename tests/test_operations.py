"""Operations: trigger families, status rules, arguments, merging and noise (sentences written
for these tests)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest


sys.path.insert(0, str(Path(__file__).parent))
from op_helpers import one, ops  # noqa: E402

from kg.extract.operations import extract_operations  # noqa: E402


# ---------------------------------------------------------------- trigger families


@pytest.mark.parametrize(
    "text, op_type",
    [
        ("The Israeli air force carried out airstrikes on Gaza overnight.", "strike"),
        ("The U.S. military conducted a strike on a speedboat in the Caribbean.", "strike"),
        ("Russian bombing of Kharkiv continued for a third day.", "strike"),
        ("The Houthis launched missile attacks on ships in the Red Sea.", "strike"),
        ("Washington is going to start hitting land targets, the Pentagon said.", "strike"),
        ("American drone strikes killed four fighters in Somalia.", "strike"),
        ("Russia fired dozens of missiles at Ukrainian cities.", "strike"),
        ("Houthi fighters attacked a tanker off Yemen.", "strike"),
        ("The U.S. military destroyed another vessel in the Caribbean.", "strike"),
        ("U.S. forces captured the rebel commander in Venezuela.", "capture"),
        ("Colombian police raided a cocaine lab in Nariño.", "raid"),
        ("The Pentagon deployed two destroyers to the Caribbean.", "deployment"),
        ("Mexico sent 10,000 troops to the northern border.", "deployment"),
        ("Trump offered to put American forces on the ground in Haiti.", "deployment"),
        ("Mexico increased troop deployments along the border.", "deployment"),
        ("Ecuador's navy seized four tons of cocaine.", "seizure"),
        ("Mexico reported record fentanyl seizures this year.", "seizure"),
        ("Mexican soldiers arrested a cartel financier in Culiacán.", "arrest"),
        ("The CIA has been flying drones over Mexico to locate drug labs.", "surveillance"),
        ("The U.S. Navy expanded surveillance flights over the Caribbean.", "surveillance"),
        ("Mexico extradited a cartel leader to the United States.", "extradition"),
        ("Mexico transferred 26 jailed cartel bosses to the United States.", "extradition"),
        ("Colombia repatriated the survivors of the attack.", "repatriation"),
        ("The Kremlin ordered military action against the rebels in Syria.", "military_action"),
        ("Venezuela warned of a U.S. military intervention in Venezuela.", "military_intervention"),
        ("Russia's invasion of Ukraine began in 2022.", "military_intervention"),
    ],
)
def test_trigger_families(nlp, text, op_type):
    assert op_type in {o.type for o in ops(nlp, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Auto workers went on strike in Detroit.",
        "The United States struck a deal with Mexico on tariffs.",
        "The speech captured the attention of Congress.",
        "Mexico seized the opportunity to renegotiate.",
        "Military action under international law needs a legal basis.",
        "Critics said the strikes violated international law.",
        "The United States did not carry out any strikes in Mexico last year.",
        "The United States has a long history of military intervention in Latin America.",
        "A heart attack killed the former minister.",
        "Officials said there will be no invasion.",
        "The minister denied that Mexican forces had carried out the raid.",
    ],
)
def test_noise_gives_no_operation(nlp, text):
    assert ops(nlp, text) == []


# ---------------------------------------------------------------- status rules


@pytest.mark.parametrize(
    "text, status",
    [
        ("The United States carried out strikes on boats in the Pacific.", "conducted"),
        ("The Pentagon has conducted 14 strikes against drug boats.", "conducted"),
        ("Israel bombed targets in Lebanon on Sunday.", "conducted"),
        ("Trump said: \"We are going to start hitting land targets.\"", "threatened"),
        ("The United States would deploy troops to Mexico if asked, Trump said.", "threatened"),
        ("Trump said his campaign could eventually include strikes against targets in Mexico.", "threatened"),
        ("Trump threatened to send troops to Chicago.", "threatened"),
        ("Trump floated the idea of military action inside Mexico.", "threatened"),
        ("The Pentagon is drawing up plans for strikes inside Venezuela.", "proposed"),
        ("Trump said he could authorize strikes on land targets in Venezuela.", "threatened"),
        ("The White House has not ruled out sending troops into Mexico.", "threatened"),
        ("Trump offered to send U.S. troops to Mexico.", "proposed"),
        ("The United States renewed requests for U.S. drone flights over Mexico.", "proposed"),
        ("Rubio proposed joint raids against the cartels in Mexico.", "proposed"),
        ("Trump signed a directive authorizing military action against the cartels.", "authorized"),
        ("Congress authorized the deployment of U.S. troops to Poland.", "authorized"),
        ("Trump signed an order that will authorize strikes on cartel camps in Mexico.", "authorized"),
        ("Sheinbaum said U.S. military action in Mexico is ruled out.", "ruled_out"),
        ("Petro rejected any U.S. military intervention in Colombia.", "ruled_out"),
        ("Sheinbaum said there will be no U.S. invasion of Mexico.", "ruled_out"),
        ("The United States will not send troops to Mexico, Rubio said.", "ruled_out"),
    ],
)
def test_status_rules(nlp, text, status):
    assert {o.status for o in ops(nlp, text)} == {status}


# ---------------------------------------------------------------- arguments


@pytest.mark.parametrize(
    "text, agent",
    [
        ("U.S. strikes hit three boats near Venezuela.", "united-states"),  # premodifier
        ("Mexico's drug seizures rose sharply in March.", "mexico"),  # possessive
        ("Strikes carried out by the Pentagon killed eleven people.", "united-states"),  # by-phrase
        ("Marco Rubio announced new strikes on cartel boats.", "united-states"),  # official -> state
        ("The Houthis attacked a cargo ship in the Red Sea.", "houthis"),  # armed group
        ("Sheinbaum condemned the U.S. strikes on boats in the Pacific.", "united-states"),  # not the critic
        ("Venezuela denounced the deployment of American warships to the Caribbean.", "united-states"),
        ("Sheinbaum said Mexico had sent 5,000 troops to the border.", "mexico"),  # not the speaker
        ("Rubio said the military conducted 14 strikes on drug boats.", "united-states"),  # own forces
        ('Rubio told Fox News: "We will strike the cartels on land."', "united-states"),  # first-person quote
    ],
)
def test_agent(nlp, text, agent):
    assert {o.agent.key for o in ops(nlp, text)} == {agent}


def test_next_trigger_bounds_the_arguments(nlp):
    found = ops(nlp, "Venezuela mobilized troops in response to the U.S. naval buildup in the Caribbean.")
    places = {o.agent.key: o.location_text for o in found}
    assert places == {"venezuela": None, "united-states": "caribbean"}


def test_threat_to_extend_operations_names_the_new_target(nlp):
    op = one(nlp, "Trump has threatened to extend the strikes to targets on land.")
    assert (op.type, op.status, op.agent.key, op.target_text) == ("strike", "threatened", "united-states", "targets")


def test_critic_alone_is_not_an_agent(nlp):
    assert ops(nlp, "Sheinbaum condemned the strikes on boats in the Pacific.") == []


@pytest.mark.parametrize(
    "text, target_text, target_key",
    [
        ("The United States launched strikes on suspected drug vessels in the Caribbean.", "suspected drug vessels", None),
        ("Trump threatened military action against the cartels in Mexico.", "cartels", None),
        ("The CIA has been flying drones over Mexico to locate fentanyl labs.", "fentanyl labs", None),
        ("Mexican marines arrested members of the Sinaloa Cartel in Culiacán.", "sinaloa cartel", "sinaloa-cartel"),
        ("The United States captured Nicolás Maduro in Caracas.", "nicolás maduro", "nicolas-maduro"),
        ("The United States launched strikes on land targets in Venezuela.", "land targets", None),
    ],
)
def test_target(nlp, text, target_text, target_key):
    op = one(nlp, text)
    assert op.target_text == target_text
    assert (op.target.key if op.target else None) == target_key


@pytest.mark.parametrize(
    "text, location_key, location_text",
    [
        ("Trump floated military action inside Mexico against the cartels.", "mexico", "mexico"),
        ("The U.S. Navy conducted strikes in the Caribbean and the eastern Pacific.", None, "caribbean"),
        ("Venezuela rejected U.S. military intervention on Venezuelan soil.", "venezuela", "venezuela"),
        ("The Pentagon launched military operations against the cartels in Latin America.", None, "latin america"),
        ("Colombian police raided a cocaine lab in Tumaco, Colombia.", "colombia", "colombia"),  # city + country
        ("Colombian police raided a cocaine lab in Tumaco.", None, None),  # a city alone is no place
        # a force sent to a border stands at the border, not in the neighbour it faces
        ("Mexico increased troop deployments to the US border.", None, None),
        ("Mexico sent 26 prisoners to the United States.", "united-states", "united states"),
    ],
)
def test_location(nlp, text, location_key, location_text):
    op = one(nlp, text)
    assert (op.location.key if op.location else None) == location_key
    assert op.location_text == location_text


@pytest.mark.parametrize(
    "text, casualties, casualties_text, count",
    [
        ("At least 21 U.S. missile strikes hit boats in the Caribbean, killing 83 people.", 83, None, 21),
        ("The Pentagon conducted strikes on boats, killing dozens of people.", None, "dozens", None),
        ("The U.S. military killed six people in a strike on a boat.", 6, None, None),
        ("The United States conducted 14 strikes against drug boats.", None, None, 14),
        ("The U.S. Jan. 3 operation in Venezuela was a success.", None, None, None),
    ],
)
def test_casualties_and_counts(nlp, text, casualties, casualties_text, count):
    op = one(nlp, text)
    assert (op.casualties, op.casualties_text, op.count) == (casualties, casualties_text, count)


@pytest.mark.parametrize(
    "text, published, date, date_text",
    [
        ("The U.S. bombing campaign began on September 2nd.", None, "--09-02", "September 2nd"),
        ("The U.S. bombing campaign began on September 2nd.", "2025-11-04", "2025-09-02", "September 2nd"),
        ("Israel struck Gaza on Monday.", "2025-11-05", "2025-11-03", "Monday"),
        ("Israel struck Gaza on Monday.", None, None, "Monday"),
    ],
)
def test_operation_date(nlp, text, published, date, date_text):
    op = one(nlp, text, published)
    assert (op.date, op.date_text) == (date, date_text)


# ---------------------------------------------------------------- merging


def test_repeated_operation_gives_identical_records(nlp):
    text = ("The U.S. bombing campaign began on September 2nd.\n"
            "At least 21 missile attacks were carried out on drug boats in the Caribbean.\n"
            "Sheinbaum spoke to reporters.\n"
            "The U.S. strikes continued in the Caribbean.")
    found = ops(nlp, text)
    assert len(found) == 3
    keys = {(o.type, o.status, o.agent.key, o.target_text, o.location_text, o.date, o.count) for o in found}
    assert keys == {("strike", "conducted", "united-states", "drug boats", "caribbean", "--09-02", 21)}


def test_outcome_link_keeps_the_outcome(nlp):
    found = ops(nlp, "U.S. strikes on Caracas led to the capture of Nicolás Maduro.")
    assert {(o.type, o.agent.key, o.target.key) for o in found} == {("capture", "united-states", "nicolas-maduro")}


def test_generic_operation_next_to_a_specific_one_is_the_same_event(nlp):
    text = ("U.S. forces captured Nicolás Maduro.\n"
            "The U.S. Jan. 3 operation in Venezuela surprised the region.")
    found = ops(nlp, text)
    assert {(o.type, o.location.key, o.date) for o in found} == {("capture", "venezuela", "--01-03")}


def test_passive_without_agent_takes_the_previous_mention(nlp):
    text = "The U.S. bombing campaign began in September. Six strikes were carried out on boats."
    assert {o.agent.key for o in ops(nlp, text)} == {"united-states"}


def test_passive_without_any_earlier_agent_is_dropped(nlp):
    assert ops(nlp, "Six strikes were carried out on boats in the Caribbean.") == []


# ---------------------------------------------------------------- agents told indirectly


@pytest.mark.parametrize(
    "text, agent",
    [
        # a pronoun after the reporting verb is the reporter's own
        ("Peru's interior ministry said its officers had arrested three smugglers.", "peru"),
        # a force reporting an operation without an agent of its own carried it out
        ("Chadian armed forces said that air strikes had killed 25 insurgents near Lake Chad.", "chad"),
        # a bare force in a story datelined from a capital is that country's
        ("LIMA — Police arrested a guerrilla commander in the Vraem valley on Sunday.", "peru"),
        # a fronted "In <Country>," owns the bare force of its sentence
        ("LIMA — In Kenya, the police said they had arrested two suspects.", "kenya"),
        # the one asked to act is the agent
        ("Ecuador's president asked Washington to send special forces.", "united-states"),
        # a claim of responsibility is no report: the claimant did it
        ("The Houthis claimed responsibility for the attack on a Greek tanker.", "houthis"),
        # "the rebels" stand for the armed group named just before
        ("The Houthis have threatened shipping for months. On Sunday the rebels hit a cargo ship off Yemen.",
         "houthis"),
        # coordinated demonyms before a force: the first one leads
        ("French and British jets struck an arms depot in Syria.", "france"),
        # the dateline's country is no subject of the first sentence
        ("ADEN, Yemen — American warplanes struck radar sites near Hodeidah.", "united-states"),
    ],
)
def test_agent_told_indirectly(nlp, text, agent):
    assert {o.agent.key for o in ops(nlp, text)} == {agent}


@pytest.mark.parametrize(
    "text, op_type, status, target_text",
    [
        ("Ecuador's president asked Washington to send special forces.", "deployment", "proposed", None),
        ("An Israeli drone struck a car in Tyre.", "strike", "conducted", "car"),  # irregular past: object
        ("Guatemala has 3,000 soldiers along its northern border.", "deployment", "conducted", None),
        ("Guyana ordered the deployment of 500 soldiers to the border.", "deployment", "conducted", "soldiers"),
        ("Houthi fighters hit an oil tanker in the Gulf of Aden.", "strike", "conducted", "oil tanker"),  # in the trigger
    ],
)
def test_indirect_patterns(nlp, text, op_type, status, target_text):
    op = one(nlp, text)
    assert (op.type, op.status, op.target_text) == (op_type, status, target_text)


@pytest.mark.parametrize(
    "text",
    [
        "Caracas called the strike on the fishing boat an act of war.",  # a judgement, not the agent
        "The U.S. ambassador praised the raid on the lab.",  # praise is no deed
    ],
)
def test_commenters_are_not_agents(nlp, text):
    assert ops(nlp, text) == []


def test_a_charge_is_no_operation(nlp):
    assert {o.type for o in ops(nlp, "Polish police arrested a man suspected of spying for Russia.")} == {"arrest"}


def test_a_region_before_a_port_is_no_location(nlp):
    op = one(nlp, "The Colombian navy seized cocaine in the Caribbean port of Cartagena.")
    assert (op.agent.key, op.location_text) == ("colombia", None)


@pytest.mark.parametrize(
    "text, published, date",
    [
        ("BEIRUT, Nov 20 (Agency) - Israeli jets struck a village on Tuesday.", "2025-11-20", "2025-11-18"),
        ("The army said on Friday that U.S. strikes killed 9 fighters on Wednesday.", "2025-09-05", "2025-09-03"),
        ("Last night the U.S. military struck a boat in the Pacific.", "2025-11-12", "2025-11-11"),
    ],
)
def test_event_date_not_filing_or_saying_date(nlp, text, published, date):
    assert {o.date for o in ops(nlp, text, published)} == {date}


def test_other_death_toll_is_another_strike(nlp):
    text = ("A U.S. strike in the Caribbean killed four people. "
            "Since May, U.S. strikes in the Caribbean have killed 40 people.")
    assert sorted((o.status, o.casualties) for o in ops(nlp, text)) == [("conducted", 4), ("conducted", 40)]


def test_arrests_in_a_raid_are_the_raid(nlp):
    found = ops(nlp, "Peruvian police raided a warehouse in Callao and arrested five men.")
    assert {(o.type, o.agent.key, o.target_text) for o in found} == {("raid", "peru", "warehouse")}


def test_passive_seizure_after_a_raid_takes_its_agent(nlp):
    text = "Colombian soldiers raided a camp in Cauca. Two tons of cocaine were seized."
    assert {(o.type, o.agent.key) for o in ops(nlp, text)} == {("raid", "colombia"), ("seizure", "colombia")}


@pytest.mark.parametrize(
    "text, expected",
    [
        # forces ordered to a place are deployed there; ordered to act, they are not
        ("Honduras ordered 800 soldiers to the Nicaraguan border.", {("deployment", "honduras", "conducted")}),
        ("Honduras ordered the soldiers to stop the smugglers.", set()),
        # forces kept in place are deployed now, whatever the modal
        ("Peru's army said it would keep 900 troops deployed in the Vraem.", {("deployment", "peru", "conducted")}),
        # a name in the object of an earlier verb is no subject of a later trigger
        ("QUITO — Unnamed forces detained 12 suspected Los Lobos members in raids.", set()),
        # an owner named before modifiers: "Kurdish-led security forces" are not the home country's
        ("BAGHDAD — Kurdish-led security forces detained 12 men in raids.", set()),
        # "police" before a person noun is no force
        ("LIMA — The former police officer threatened to attack the palace.", set()),
        # without a dateline, the city of the lead gives the setting
        ("Soldiers captured a gang leader near Guayaquil on Monday.", {("capture", "ecuador", "conducted")}),
    ],
)
def test_more_operation_rules(nlp, text, expected):
    assert {(o.type, o.agent.key, o.status) for o in ops(nlp, text)} == expected


def test_a_pronoun_ends_the_target_phrase(nlp):
    op = one(nlp, "The U.S. military carried out a strike on a fishing vessel it said carried drugs.")
    assert op.target_text == "fishing vessel"


# ---------------------------------------------------------------- the Doc contract alone


def test_hand_built_doc_without_sentences_or_pipeline():
    """The extractor needs only the Doc contract: actor spans and actors, no sentence marks."""
    import spacy
    from spacy.tokens import Span

    from kg.records import Actor

    doc = spacy.blank("en")("Sheinbaum spoke on Monday. The Freedonian navy bombed smuggling boats in the Caribbean.")
    freedonia = Actor("freedonia", "Freedonia", "Country")
    navy = Actor("freedonian-navy", "Freedonian Navy", "GovernmentBody", government="freedonia")
    doc.user_data["kg.actors"] = {"freedonia": freedonia, "freedonian-navy": navy}
    doc.user_data["kg.published"] = None
    doc.spans["kg_actors"] = [Span(doc, 6, 8, label="GovernmentBody", kb_id="freedonian-navy")]
    (op,) = extract_operations(doc)
    assert (op.type, op.status, op.agent.key, op.target_text, op.location_text) == (
        "strike", "conducted", "freedonia", "smuggling boats", "caribbean")
    assert op.evidence.sentence.startswith("The Freedonian navy")
