"""Operations told as a fight a force is in ("soldiers clashed with armed men", "troops killed
nine suspected gunmen"), bases destroyed, positions overrun, craft a reporter calls its own,
forces reinforced, a force named with the place it serves ("police in Kufra"), an extradition
asked for to another country, and a
word that is a trigger only after its subject ("had killed 25 insurgents" is no trigger, and
does not cut the clause of the one before it). Sentences written for these tests; each table
has "must not" cases too."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from op_helpers import keys, ops  # noqa: E402


@pytest.mark.parametrize(
    "text, expected",
    [
        # a force in a fight, right before the verb
        ("QUITO — Near Muisne, soldiers clashed with a band of armed men on Tuesday.",
         ("military_action", "conducted", "ecuador")),
        ("Colombian troops clashed with dissident fighters in the Micay canyon.",
         ("military_action", "conducted", "colombia")),
        # fighters killed by a force named before the verb
        ("Nigerian soldiers killed 14 suspected bandits in a forest near Gusau.",
         ("military_action", "conducted", "nigeria")),
        ("Peruvian police killed two suspected kidnappers during a rescue in Pataz.",
         ("military_action", "conducted", "peru")),
        # posts and positions overrun
        ("ISWAP fighters overran three army positions near Marte on Sunday.",
         ("military_action", "conducted", "iswap")),
        # what an armed group holds, wrecked by a force
        ("Honduran troops have destroyed 12 clandestine airstrips this year, the army said.",
         ("military_action", "conducted", "honduras")),
        # the reporter's own craft ("its aircraft") carried out the strike
        ("Nigeria says its aircraft carried out air strikes on two bandit camps in Zamfara.",
         ("strike", "conducted", "nigeria")),
        # more forces where they already stand
        ("Chad said it has reinforced its troops along the northern border.", ("deployment", "conducted", "chad")),
        # a force named with the place it serves is that place's country's, dateline or not
        ("BOGOTA - Police in Guayaquil arrested nine suspected extortionists on Monday.",
         ("arrest", "conducted", "ecuador")),
        ("The rebels fell back overnight.\n\nThe ministry in the capital says police in Sabha arrested six "
         "people smugglers.", ("arrest", "conducted", "libya")),
        # the subject of a reported clause, after a fronted adverb and the reporting verb
        ("The rebels fell back overnight.\n\nSeparately, the ministry says soldiers in Agadez detained 14 "
         "migrants' smugglers.", ("arrest", "conducted", "niger")),
        # more patrols out on a beat are forces deployed
        ("MANAUS - The Navy has increased river patrols near the border with Colombia.",
         ("deployment", "conducted", "brazil")),
        ("The Sri Lanka Navy said it had stepped up night patrols off the northern coast.",
         ("deployment", "conducted", "sri-lanka")),
        # an extradition asked for to another country is a proposal of the state that asks
        ("QUITO — The government has asked to extradite to Spain a gang leader captured last year.",
         ("extradition", "proposed", "ecuador")),
    ],
)
def test_fights_and_requests(nlp, text, expected):
    assert expected in keys(ops(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        # a politician's row, a clash of officials: no armed action
        "Governor Maru Campos, whose administration has clashed with federal officials, spoke.",
        "Petro clashed with Trump over the strikes.",
        # victims who are no fighters
        "Mexican soldiers killed two civilians at a checkpoint, the commission said.",
        # gunmen killing soldiers are no force of a state
        "Gunmen killed three soldiers near Culiacán.",
        # armed men are no state's force, whoever the soldiers named before serve
        "Nine Togolese soldiers were killed when armed men attacked an army post near Dapaong.",
        # patrols asked about are no patrols stepped up
        "Residents asked whether the police patrols would return to the village.",
        # a storm destroys camps without anyone's force
        "The storm destroyed two camps near the river.",
    ],
)
def test_fights_limits(nlp, text):
    assert not any(o.type == "military_action" and o.agent is not None and o.agent.type == "Country"
                   for o in ops(nlp, text))


def test_a_use_of_force_named_by_its_act_is_not_merged_into_a_seizure(nlp):
    # "destroyed three bases and seized cannabis": two operations, not one seizure described twice
    found = keys(ops(nlp, "Senegalese troops destroyed three rebel bases and seized two tonnes of cannabis."))
    assert found == {("military_action", "conducted", "senegal"), ("seizure", "conducted", "senegal")}


def test_word_after_no_subject_leaves_the_clause_whole(nlp):
    # "had killed 25 insurgents" is no trigger: the strike keeps its place "near Lake Chad"
    found = ops(nlp, "Chadian armed forces said that air strikes had killed 25 insurgents near Lake Chad.")
    assert [(o.type, o.agent.key, o.location_text) for o in found] == [("strike", "chad", "lake chad")]
