"""Precision of the operations extractor: words that are no operation (a power "deployed", a
condition "if X cannot raid"), a court that clears one, and a coordinated clause with its own
subject (", and the group bombed", ", and we dismantled") that takes no name of the clause before."""

from __future__ import annotations

import pytest

from kg.nlp import load_pipeline
from tests.op_helpers import ops


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _of_type(nlp, text: str, op_type: str) -> list:
    return [o for o in ops(nlp, text) if o.type == op_type]


# (text, type): must not fire
NOT_OPERATIONS = [
    # a power, a tactic or money "deployed" is no force sent anywhere
    ("The ruling lets the army deploy emergency powers against the gangs in the north.", "deployment"),
    ("The ministry deployed new surveillance technology at the airports of Lima.", "deployment"),
    ("Lawyers for the company deployed every legal argument to stop the sale.", "deployment"),
    ("Brazil deployed sanctions against the mining firms in the reserve.", "deployment"),
    # the negated verb of an if-clause is a condition, not an act
    ("A senator said that if Peru could not arrest the traffickers, Washington should act.", "arrest"),
    ("If Honduras does not extradite the mayor, the aid will stop, the envoy warned.", "extradition"),
    ("Unless the police never raid the port, the cartel keeps its routes, the governor said.", "raid"),
]


@pytest.mark.parametrize("text,op_type", NOT_OPERATIONS)
def test_not_an_operation(nlp, text, op_type):
    assert _of_type(nlp, text, op_type) == []


# (text, type, status): still operations
STILL_OPERATIONS = [
    ("Peru's army deployed 2,000 soldiers to the northern border on Friday.", "deployment", "conducted"),
    ("Peru said it would arrest the traffickers if they entered its territory.", "arrest", "threatened"),
    ("If talks fail, Guatemala will deploy troops to the border, the minister said.", "deployment", "threatened"),
    # "clears" an operation: a ruling that lets it go ahead
    ("Peru's Supreme Court clears extradition of drug lord to the United States.", "extradition", "authorized"),
    ("The Senate cleared the deployment of 500 troops to Haiti on Tuesday.", "deployment", "authorized"),
]


@pytest.mark.parametrize("text,op_type,status", STILL_OPERATIONS)
def test_still_an_operation(nlp, text, op_type, status):
    found = _of_type(nlp, text, op_type)
    assert found and {o.status for o in found} == {status}, found


# (text, type, expected agent key): a coordinated clause with its own subject
CONJUNCTS = [
    # "the group" after ", and" is the armed group named before, not the dateline state's "army"
    ("BOGOTÁ, Colombia (AP) — The ELN rebels have attacked a police post. In May, a bomb hit an army "
     "post in Tame, killing a soldier, and the group has repeatedly bombed the oil pipeline.", "strike", "eln"),
    # "we" after ", and" is the speaker's side, not the gang named in the first clause
    ("\"We arrested 12 people, among them two leaders of the criminal group known as Los Zetas, and we "
     "dismantled three drug laboratories,\" Mexican navy chief Raúl Ortega said.", "seizure", "mexico"),
]


@pytest.mark.parametrize("text,op_type,agent", CONJUNCTS)
def test_own_conjunct_subject(nlp, text, op_type, agent):
    found = _of_type(nlp, text, op_type)
    assert found and {o.agent.key if o.agent else None for o in found} == {agent}, found


# a conjunct without a subject of its own keeps the first clause's agent
def test_conjunct_without_subject_keeps_agent(nlp):
    found = _of_type(nlp, "The Colombian army raided a camp, and then seized 40 rifles in the hills.", "seizure")
    assert found and found[0].agent.key == "colombia", found


# a force called foreign is not the speaker's or the subject's own, when only talked about
@pytest.mark.parametrize("text", [
    "\"Peru can handle its own security and does not need foreign boots on the ground,\" the minister said.",
    "Bolivia said it would never accept the deployment of foreign troops on its soil.",
])
def test_foreign_force_not_own(nlp, text):
    assert [o for o in ops(nlp, text) if o.agent is not None and o.agent.key in ("peru", "bolivia")] == []


# a later threat that names no target or place is the placed threat of that agent told again
def test_bare_threat_is_the_placed_one(nlp):
    text = ("President Trump said he had authorized strikes on cocaine laboratories in Venezuela. "
            "Officials in Caracas said no leader could let American bombs fall on the country.")
    found = [o for o in ops(nlp, text) if o.type == "strike"]
    assert len(found) == 1 and found[0].target_text is not None, found


# coordinated demonyms before one force: each state acts
@pytest.mark.parametrize("text,op_type,agents", [
    ("Kenyan and Somali forces attacked al-Shabaab positions near Kismayo on Monday.",
     "military_action", {"kenya", "somalia"}),
    ("Rwandan and Mozambican troops launched an offensive against the insurgents near Pemba.",
     "military_action", {"rwanda", "mozambique"}),
    # one demonym: one state
    ("Rwandan troops launched an offensive against the insurgents near Pemba.", "military_action", {"rwanda"}),
])
def test_coordinated_demonyms(nlp, text, op_type, agents):
    assert {o.agent.key for o in ops(nlp, text) if o.type == op_type and o.agent} == agents


# forces sent to strengthen a post ("reinforce") are a deployment; said of the future, a threat
@pytest.mark.parametrize("text,status", [
    ("Peru's defence minister said 300 more troops would reinforce the border post at Tumbes.", "threatened"),
    ("Ecuador's army said 500 soldiers reinforced the prison in Guayaquil on Sunday.", "conducted"),
])
def test_reinforcing_forces(nlp, text, status):
    assert {o.status for o in ops(nlp, text) if o.type == "deployment"} == {status}


# a pronoun after ", and" is the first clause's subject: the agent stays
def test_conjunct_pronoun_keeps_agent(nlp):
    found = _of_type(nlp, "Colombia's army bombed the camp, and it also arrested three rebels.", "arrest")
    assert found and found[0].agent.key == "colombia", found
