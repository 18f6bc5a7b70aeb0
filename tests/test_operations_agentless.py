"""Operations told without a doer (passives, inverted passives, "from" owners), downed craft and
projectiles, first-person counts, forces kept on station or arriving. Sentences written for
these tests; each table has at least as many "must not fire" cases as positive ones."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from op_helpers import keys, ops  # noqa: E402


# ---------------------------------------------------------------- agentless passives


@pytest.mark.parametrize(
    "text, expected",
    [
        # a dateline gives the story's state to an arrest told without a doer
        ("QUITO — A suspected gang leader was arrested in Guayaquil on Monday.",
         ("arrest", "conducted", "ecuador")),
        ("QUITO — Three alleged hitmen were detained after a shootout in Manta, police said.",
         ("arrest", "conducted", "ecuador")),
        ("QUITO — A shipment of 2 tonnes of cocaine was seized at the port of Guayaquil.",
         ("seizure", "conducted", "ecuador")),
        # inverted passive: the participle opens the sentence, its subject follows "was"
        ("QUITO — Captured alive was the group's second-in-command, the army said.",
         ("capture", "conducted", "ecuador")),
        ("MANILA — Recovered from the hideout were two pistols and a hand grenade, the police said.",
         ("seizure", "conducted", "philippines")),
        # no dateline: the one country the paragraph's mentions act for
        ("The Colombian army said its units were active in the region. Two rebel commanders were "
         "captured in a night operation near the river.",
         ("capture", "conducted", "colombia")),
        # forces named by the nationality of the deployed are deployed by that state
        ("QUITO — Peruvian soldiers have been deployed to the border after the attack.",
         ("deployment", "conducted", "peru")),
    ],
)
def test_agentless_passive_gets_story_state(nlp, text, expected):
    assert expected in keys(ops(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        # no dateline and no state named: no guess
        "A man was arrested after the shooting.",
        "The reporter was detained for six hours.",
        # two states equally named: no guess
        "Peru and Chile signed a border accord. A suspect was arrested near the crossing.",
        # the place is another country than the dateline's
        "QUITO — He was arrested in Lima, Peru, on Tuesday.",
        # a doer named by an unnamed by-phrase is no state's
        "QUITO — The suspect was detained by unidentified gunmen.",
        # victims taken by an armed group, not by the story's state
        "QUITO — Two soldiers were captured by the rebels on Sunday.",
        # recovered bodies, a recovered economy: no seizure
        "LAGOS — Rescuers recovered the bodies of 12 fishermen from the river.",
        "LAGOS — Recovered from the wreckage were the bodies of three crew members.",
        "BOGOTÁ — The economy recovered from the drought faster than expected.",
        # a strike told in the passive is not given to the story's state
        "BOGOTÁ — A police station was attacked with explosives on Sunday.",
    ],
)
def test_agentless_passive_does_not_guess(nlp, text):
    found = [o for o in ops(nlp, text) if o.agent is not None]
    assert not found, found


def test_passive_subject_is_target_text(nlp):
    found = ops(nlp, "QUITO — Three gunmen were killed and a gang commander was captured in a raid on a farm.")
    assert any(o.type == "capture" and o.target_text and "commander" in o.target_text for o in found), found


# ---------------------------------------------------------------- "from" owners


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The raid was backed by surveillance from the Colombian Air Force.",
         ("surveillance", "conducted", "colombia")),
        ("The offensive had surveillance from the Peruvian Navy for a week.",
         ("surveillance", "conducted", "peru")),
    ],
)
def test_from_owner(nlp, text, expected):
    assert expected in keys(ops(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        # "from" a place or a group is no owner
        "Surveillance from the hills showed the convoy moving at night.",
        "The group said surveillance from its own scouts warned of the raid.",
        # a seizure "from" someone names who lost the goods
        "BOGOTÁ — Cocaine seized from the Gulf Clan was burned on Friday.",
    ],
)
def test_from_owner_not(nlp, text):
    found = ops(nlp, text)
    assert not [o for o in found if o.type == "surveillance" and o.agent is not None], found
    assert not [o for o in found if o.agent is not None and o.agent.key == "gulf-clan"], found


# ---------------------------------------------------------------- downed craft and projectiles


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Romanian fighter jets shot down two drones over the Danube delta on Sunday.",
         ("military_action", "conducted", "romania")),
        ("The Israeli military said its air defenses intercepted 30 rockets fired from Gaza.",
         ("military_action", "conducted", "israel")),
        ("Lithuanian air defenses intercepted five Shahed-type attack drones near Vilnius.",
         ("military_action", "conducted", "lithuania")),
    ],
)
def test_shoot_down(nlp, text, expected):
    assert expected in keys(ops(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Shooting down a cheap drone with an expensive missile is a losing trade, the analyst said.",
        "Police intercepted a phone call between the two suspects.",
        "The goalkeeper shot down the idea of a transfer.",
        "The minister shot down reports of a cabinet reshuffle.",
    ],
)
def test_shoot_down_not(nlp, text):
    assert not [o for o in ops(nlp, text) if o.type == "military_action"]


# ---------------------------------------------------------------- relative clauses, first person, station, arrival


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He was one of 40 inmates whom the Colombian government extradited to Spain last month.",
         ("extradition", "conducted", "colombia")),
        ('"Since January we have carried out 25 raids on gang hideouts," the police chief of Lima said.',
         ("raid", "conducted", "peru")),
        ('"We\'ve conducted more than 30 strikes this year," a Peruvian air force general said.',
         ("strike", "conducted", "peru")),
        ("The carrier group remains on station in the eastern Mediterranean, the French navy said.",
         ("deployment", "conducted", "france")),
        ("About 400 Kenyan troops arrived in Port-au-Prince on Tuesday.",
         ("deployment", "conducted", "kenya")),
    ],
)
def test_other_forms(nlp, text, expected):
    assert expected in keys(ops(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "The prisoners that escaped were sent to a new jail.",
        "They were among the detainees whom the judge released on bail.",
        '"We saw 30 strikes near our village," a farmer said.',
        '"We condemn the 30 strikes on civilians," the minister of Peru said.',
        "The company's ships remain on station near the rig.",
        "Tourists arrived in Cancún on Friday.",
    ],
)
def test_other_forms_not(nlp, text):
    assert not [o for o in ops(nlp, text) if o.agent is not None]


# ---------------------------------------------------------------- who acts, not who is hit or sent


@pytest.mark.parametrize(
    "text, agent",
    [
        # the subject of "are legitimate targets" is what would be hit; the announcer threatens
        ('"Israeli ships are legitimate targets," the Houthi spokesman said.', "houthis"),
        ('"Israeli ships are now legitimate targets," the Houthi spokesman said.', "houthis"),
        # a by-phrase on the downed weapons names who sent them
        ("Ukraine's air force said it had shot down 48 of the 61 drones launched by Russia.", "ukraine"),
        ("MOSCOW — Russian air defences shot down 12 drones launched by Ukraine overnight.", "russia"),
        # an unowned government opening the clause is the story's state
        ("LIMA — The government deployed 2,000 police officers to the northern border on Monday.", "peru"),
        # a verb opening a trigger after "The army" is no definite noun phrase
        ("MAZATLÁN, Mexico — The army sent 500 soldiers to Sinaloa on Monday.", "mexico"),
    ],
)
def test_agent_is_the_doer(nlp, text, agent):
    keys = {o.agent.key for o in ops(nlp, text) if o.agent}
    assert agent in keys, keys


@pytest.mark.parametrize(
    "text, wrong",
    [
        ('"Israeli ships are legitimate targets," the Houthi spokesman said.', "israel"),
        ("MOSCOW — Russian air defences shot down 12 drones launched by Ukraine overnight.", "ukraine"),
        ("KYIV — Air defences shot down 40 drones launched by Russia overnight.", "russia"),
        # no dateline: an unowned government is nobody's
        ("The government deployed 2,000 police officers to the northern border on Monday.", "peru"),
        # a government named by its own state is that state's, not the dateline's
        ("LIMA — The Chilean government has sent 300 troops to the border.", "peru"),
        ("The journalist asked whether civilians are ever legitimate targets.", "israel"),
    ],
)
def test_agent_is_not_the_patient(nlp, text, wrong):
    keys = {o.agent.key for o in ops(nlp, text) if o.agent}
    assert wrong not in keys, keys


# ---------------------------------------------------------------- scrambled aircraft


@pytest.mark.parametrize(
    "text, agent",
    [
        ("Poland scrambled fighter jets as Russia launched a missile barrage on western Ukraine.", "poland"),
        ("WARSAW — Polish jets were scrambled on Sunday morning, the operational command said.", "poland"),
    ],
)
def test_scrambled(nlp, text, agent):
    assert ("deployment", "conducted", agent) in keys(ops(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "WARSAW — The eggs were scrambled and served with toast.",
        "WARSAW — Investors scrambled to sell their shares after the announcement.",
        "WARSAW — The pilots scrambled to their aircraft when the alarm sounded.",
    ],
)
def test_scrambled_not(nlp, text):
    assert not [o for o in ops(nlp, text) if o.type == "deployment"]


# ---------------------------------------------------------------- a possible act judged is no threat


@pytest.mark.parametrize(
    "text",
    [
        "The Colombian president said a U.S. raid on Colombian soil would be an act of war.",
        "Brazil's foreign minister said such strikes would be unacceptable.",
        "Venezuela said that any deployment of foreign troops would be a violation of its sovereignty.",
    ],
)
def test_judged_act_is_no_threat(nlp, text):
    assert not [o for o in ops(nlp, text) if o.status in ("threatened", "proposed")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Trump said strikes on the cartels would begin very soon.", ("strike", "threatened", "united-states")),
        ("The Pentagon said strikes on the cartels could be carried out within days.",
         ("strike", "threatened", "united-states")),
        # a done deed judged by another is still done
        ("Israel's strikes on Iran, which Tehran called illegal, hit nuclear sites.", ("strike", "conducted", "israel")),
    ],
)
def test_judgement_leaves_threats_and_deeds(nlp, text, expected):
    assert expected in keys(ops(nlp, text))


# ---------------------------------------------------------------- the subject of a passive custody verb was taken


@pytest.mark.parametrize(
    "text, group",
    [
        ("Members of the Gulf Clan were arrested in Medellín on Friday.", "clan-del-golfo"),
        ("A senior Sinaloa Cartel leader was arrested in Culiacán on Friday.", "sinaloa-cartel"),
        ("A Gulf Clan commander was captured in Antioquia.", "clan-del-golfo"),
    ],
)
def test_passive_subject_is_not_agent(nlp, text, group):
    assert group not in {o.agent.key for o in ops(nlp, text) if o.agent}


@pytest.mark.parametrize(
    "text, agent",
    [
        # active voice: the subject acts
        ("The Gulf Clan captured two soldiers in Antioquia on Friday.", "clan-del-golfo"),
        ("Colombian police arrested members of the Gulf Clan in Medellín.", "colombia"),
        # a by-phrase names the doer of a passive
        ("Two soldiers were captured by the Gulf Clan in Antioquia.", "clan-del-golfo"),
    ],
)
def test_active_subject_and_by_phrase_still_act(nlp, text, agent):
    assert agent in {o.agent.key for o in ops(nlp, text) if o.agent}


def test_progressive_is_active(nlp):
    found = ops(nlp, "Across the border, Guatemala has posted 3,000 soldiers on its frontier and is deporting Hondurans by the hundreds.")
    assert ("repatriation", "conducted", "guatemala") in keys(found)


# ---------------------------------------------------------------- "we" in a transcript turn


def test_transcript_turn_first_person(nlp):
    text = ("Defense Secretary Pete Hegseth took questions.\n\n"
            "HEGSETH: Since September, we've conducted 20 strikes in the Caribbean.\n\nQ: Will there be more?")
    assert ("strike", "conducted", "united-states") in keys(ops(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        # a reporter's question is no turn of a known speaker
        "Defense Secretary Pete Hegseth took questions.\n\nQ: Since September, we've conducted 20 strikes, haven't we?",
        # a speaker of no known state: no guess
        "Reporters met a farmer.\n\nQ: What happened?\n\nFARMER: We counted 20 strikes in the valley this year.",
    ],
)
def test_transcript_turn_first_person_not(nlp, text):
    assert not [o for o in ops(nlp, text) if o.agent is not None]


# ---------------------------------------------------------------- uncrewed craft destroyed are downed weapons


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Russia's Defence Ministry said its forces destroyed 20 Ukrainian uncrewed boats in the Black Sea.",
         ("military_action", "conducted", "russia")),
        ("The Israeli navy said it sank two Houthi drone boats near Eilat.", ("military_action", "conducted", "israel")),
        # a crewed craft destroyed, or a ship hit by drones, is a strike
        ("U.S. forces destroyed a vessel carrying cocaine in the Caribbean, killing three.",
         ("strike", "conducted", "united-states")),
        ("Ukrainian sea drones destroyed a Russian landing ship near Crimea.", ("strike", "conducted", "ukraine")),
    ],
)
def test_uncrewed_craft_destroyed(nlp, text, expected):
    assert expected in keys(ops(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "U.S. forces destroyed a vessel carrying cocaine in the Caribbean, killing three.",
        "Ukrainian sea drones destroyed a Russian landing ship near Crimea.",
    ],
)
def test_crewed_craft_destroyed_is_no_military_action(nlp, text):
    assert not [o for o in ops(nlp, text) if o.type == "military_action"]


# ---------------------------------------------------------------- pursuit threats, monitoring tasks, counted operations


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"We will hunt them down wherever they hide," the Colombian defense minister said of the rebels.',
         ("military_action", "threatened", "colombia")),
        ("Detection and monitoring of the boats was provided by the Colombian Navy.",
         ("surveillance", "conducted", "colombia")),
        ("Soldiers of the Peruvian army carried out 14 operations in the Vraem valley last month.",
         ("military_action", "conducted", "peru")),
    ],
)
def test_pursuit_monitoring_counted(nlp, text, expected):
    assert expected in keys(ops(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        '"We will hunt for bargains this weekend," the shopper said.',
        "Monitoring of the elections was provided by the European Union.",
        "The hospital carried out 300 operations in March.",
        "Health Minister Ana Ruiz of Peru said surgeons carried out 300 operations in March.",
        "LIMA — Firefighters carried out 12 rescue operations in the flooded districts, the Peruvian government said.",
    ],
)
def test_pursuit_monitoring_counted_not(nlp, text):
    assert not ops(nlp, text)


# ---------------------------------------------------------------- more forces moved in


def test_more_forces_moved(nlp):
    found = ops(nlp, "The French army moved extra troops, tanks and artillery toward the border on Monday.")
    assert ("deployment", "conducted", "france") in keys(found)


@pytest.mark.parametrize(
    "text",
    [
        "The company moved additional staff to its Lisbon office.",
        "Shoppers moved more goods online this year.",
    ],
)
def test_more_forces_moved_not(nlp, text):
    assert not ops(nlp, text)
