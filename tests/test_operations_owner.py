"""Owners of unowned forces (kg.extract._op_owner): "the navy", "police", "agents", "rebels",
a passive extradition, a first-person quote, and a demonym before a kind of weapon."""

from __future__ import annotations

import pytest

from kg.nlp import load_pipeline
from tests.op_helpers import ops


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _found(nlp, text: str, op_type: str) -> list:
    return [o for o in ops(nlp, text) if o.type == op_type]


# (text, type, expected agent key): the unowned force acts for the state it belongs to
POSITIVE = [
    # the nearest earlier force of the same kind names the owner
    ("The Peruvian Navy patrols the Amazon. Days later the navy deployed 900 marines to the river port.",
     "deployment", "peru"),
    ("Colombian police have led the campaign. Police in the capital detained four suspected smugglers.",
     "arrest", "colombia"),
    ("Guatemala's army has grown. Soldiers dismantled two drug laboratories in the hills on Monday.",
     "seizure", "guatemala"),
    # the dateline names it when no force of that kind was named
    ("MANAGUA, Nicaragua (AP) — Federal agents seized 300 kilograms of cocaine at the port on Sunday.",
     "seizure", "nicaragua"),
    ("MANAGUA, Nicaragua (AP) — In the warehouse, officers confiscated 30 rifles and two grenades.",
     "seizure", "nicaragua"),
    # a dateline city that is no capital names its country (places.yaml)
    ("REYNOSA, Tamaulipas — Federal agents seized 300 kilograms of cocaine at the bridge on Sunday.",
     "seizure", "mexico"),
    ("ODESA (Reuters) — Police detained two men who filmed the air defences.", "arrest", "ukraine"),
    ("Lead with no dateline: in Cusco, police detained four men on Monday.", "arrest", "peru"),
    # the force inside the trigger ("Drones flew over", "Surveillance aircraft monitored")
    ("QUITO, Ecuador (AP) — Drones flew over the camps for a week to gather intelligence.",
     "surveillance", "ecuador"),
    # else the paragraph's one state
    ("President Lula spoke on Monday about Brazil. The army said it had seized 40 tonnes of cocaine in the reserve.",
     "seizure", "brazil"),
    # "<force> of <state body>" opening the clause after a fronted phrase
    ("In a dawn operation, detectives of the Investigations Police raided 12 homes in the port city.",
     "raid", None),
    # a part of a force in a by-phrase acts for the force
    ("The suspect was captured in a raid on a farm by a special unit of the Colombian National Police.",
     "raid", "colombia"),
    # a passive extradition is done by the state the person leaves
    ("Peru has cooperated with Washington. The former governor was extradited from Peru to the United States.",
     "extradition", "peru"),
    ("LIMA, Peru (AP) — The former governor was extradited to the United States on Friday.",
     "extradition", "peru"),
    # a first-person quote of a spokesman with no state of his own: the last state force named
    ("The Chilean Army moved north in May. \"We deployed 500 more soldiers to the border last week,\" "
     "a spokesman told reporters.", "deployment", "chile"),
    # a demonym before a kind of weapon
    ("Ukrainian sea drones hit a Russian patrol ship near the strait.", "strike", "ukraine"),
    # the deployment of a counted force names it after "of"
    ("Officials praised the deployment of 3,000 Ecuadorian troops to the coast.", "deployment", "ecuador"),
]


@pytest.mark.parametrize("text,op_type,agent", POSITIVE)
def test_unowned_force_takes_its_state(nlp, text, op_type, agent):
    found = _found(nlp, text, op_type)
    assert found, ops(nlp, text)
    if agent is None:  # a state body acts for itself
        assert found[0].agent.type == "GovernmentBody"
    else:
        assert found[0].agent.key == agent


def test_rebels_act_for_the_group_named_before(nlp):
    text = ("The ELN has regrouped in the valley. Rebels ambushed an army convoy near the "
            "river on Tuesday.")
    found = [o for o in ops(nlp, text) if o.agent is not None]
    assert found and found[0].agent.key == "eln", ops(nlp, text)


# (text, type): no agent may be read from an unowned force here
NEGATIVE = [
    # no state anywhere in the text: nothing to stand for
    ("Police detained three suspected members of the gang.", "arrest"),
    ("The navy deployed 1,500 marines to the coast on Tuesday.", "deployment"),
    # the force is the victim of a passive verb, not the agent
    ("BOGOTÁ, Colombia (AP) — Two soldiers were killed in an attack on a checkpoint.", "strike"),
    ("BOGOTÁ, Colombia (AP) — Soldiers were ambushed near the river on Monday.", "military_action"),
    # another owner stands before the force noun
    ("BOGOTÁ, Colombia (AP) — Their officers seized the shipment at dawn.", "seizure"),
    ("BOGOTÁ, Colombia (AP) — Rebel troops seized the town at dawn.", "seizure"),
    # a person or a thing, not the force: "police chief", "army base"
    ("BOGOTÁ, Colombia (AP) — Police chiefs said dozens were arrested by gunmen.", "arrest"),
    # a force noun inside a prepositional phrase is no subject
    ("BOGOTÁ, Colombia (AP) — Gunmen in police uniforms raided the farm.", "raid"),
    # a craft owned by a gang is not the dateline state's
    ("BOGOTÁ, Colombia (AP) — Cartel drones flew over the prison for a week to gather intelligence.",
     "surveillance"),
    # a bare fighter noun with no group named before it has no agent
    ("Rebels ambushed an army convoy near the town.", "military_action"),
    # "we" that is not the trigger's subject
    ("\"If we let it stand, any president can bomb any country,\" she said.", "strike"),
]


@pytest.mark.parametrize("text,op_type", NEGATIVE)
def test_no_owner_is_invented(nlp, text, op_type):
    found = _found(nlp, text, op_type)
    assert not found or all(o.agent is None or o.agent.key != "colombia" for o in found), found
    if "BOGOTÁ" not in text:
        assert not found, found


# (text, type, agent key that must NOT be taken)
WRONG_OWNER = [
    # a force of another kind named earlier does not own "the navy"
    ("LIMA, Peru (AP) — The Brazilian Army patrols the border. Police detained 12 suspects at the "
     "port.", "arrest", "brazil"),
    # the destination of a passive extradition is not who extradites
    ("The former governor was extradited to the United States on Friday.", "extradition", "united-states"),
    # a group's force is no state's: the quote's "we" is the state named before it
    ("The Israeli military said it hit depots of the group's Radwan Force. \"We struck only military "
     "targets,\" a spokeswoman said.", "strike", "radwan-force"),
    # a person's name that is also a city names no country
    ("Rosario Gómez sells tamales by the river. Police detained three men near her stall.", "arrest", "argentina"),
    # two states in the paragraph and no dateline: no paragraph state
    ("Chile and Peru met on Monday. The army said it had seized 40 tonnes of cocaine.", "seizure", "chile"),
    ("Chile and Peru met on Monday. The army said it had seized 40 tonnes of cocaine.", "seizure", "peru"),
    # a foreign force named once does not own the police of a story about another state
    ("Canada said the lab was the largest found. Canada's minister thanked Ottawa's partners, and "
     "Canada will not yield.\n\nA reporter asked about the U.S. military.\n\nOfficers seized 48 "
     "kilograms of fentanyl.", "seizure", "united-states"),
]


@pytest.mark.parametrize("text,op_type,wrong", WRONG_OWNER)
def test_owner_is_not_the_wrong_state(nlp, text, op_type, wrong):
    for op in _found(nlp, text, op_type):
        assert op.agent is None or op.agent.key != wrong, op


# (text, type, agent key of the told mention): a teller's "the strike on X" is the earlier one on X
BACK_REFERENCES = [
    ("Russia launched a missile attack on the Kharkiv region overnight. A Ukrainian army spokesman "
     "told reporters that the strike on Kharkiv was aimed at civilians.", "strike", "russia"),
]


@pytest.mark.parametrize("text,op_type,agent", BACK_REFERENCES)
def test_told_strike_is_the_earlier_one(nlp, text, op_type, agent):
    found = _found(nlp, text, op_type)
    assert found and all(o.agent is not None and o.agent.key == agent for o in found), found


def test_teller_keeps_a_strike_on_another_target(nlp):
    text = ("Russia launched a missile attack on the Kharkiv region overnight. A Ukrainian army "
            "spokesman said the strike on Belgorod had hit a depot.")
    told = [o for o in _found(nlp, text, "strike") if o.target_text and "belgorod" in o.target_text]
    assert all(o.agent is None or o.agent.key != "russia" for o in told), told


def test_deployed_force_of_a_demonym_is_no_target(nlp):
    text = "Officials praised the deployment of 3,000 Ecuadorian troops to the northern border."
    found = _found(nlp, text, "deployment")
    assert found and found[0].location is None and found[0].target is None, found


# (text, type or None): trigger shapes of forces moved somewhere
MOVES = [
    ("Washington surged 2,000 troops and four cutters to the region last month.", "deployment"),
    ("Honduras will send 600 more police officers to the province.", "deployment"),
    ("Violence surged to record levels in the province last month.", None),
    ("Exports surged to the United States after the tariff cut.", None),
    ("Police sent officers to the scene after the shooting.", None),
]


@pytest.mark.parametrize("text,op_type", MOVES)
def test_forces_moved(nlp, text, op_type):
    found = [o.type for o in ops(nlp, text)]
    assert (op_type in found) if op_type else not found, found
