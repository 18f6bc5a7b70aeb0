"""Operations whose doer is told only by the setting or a plain word: a nationality before a
qualified force ("Belgian customs officers"), an unnamed force in a story set in one country
with no dateline, the "we" of a transcript speaker nobody identified, a raid and its two
separate arrests, and triggers told with other verbs ("moved troops", "reinforced X with",
"dropped bombs on", "launched an operation in"). Sentences written for these tests; each
table has "must not fire" rows."""

from __future__ import annotations

import pytest

from kg.nlp import load_pipeline
from tests.op_helpers import keys, ops


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


# (text, (type, status, agent key) that must be among the operations found)
FOUND = [
    # a nationality before a force noun, over one or two words qualifying the force
    ("Belgian customs officers seized 12 tonnes of cocaine in the port last year.",
     ("seizure", "conducted", "belgium")),
    ("Brazilian border police detained nine smugglers near the river.",
     ("arrest", "conducted", "brazil")),
    ("Colombian anti-narcotics police seized a tonne of cocaine on Friday.",
     ("seizure", "conducted", "colombia")),
    # a city's police or authorities are its country's
    ("Antwerp police began flying drones over the container terminals this year.",
     ("surveillance", "conducted", "belgium")),
    ("Tijuana police arrested three suspects in the attack.", ("arrest", "conducted", "mexico")),
    # an unnamed force in a story with no dateline, set among one country's places
    ("The Road North\n\nIn Culiacán the markets close early. In Mazatlán the hotels are empty. "
     "In Los Mochis the buses stopped running.\n\nIn the weeks since, soldiers arrested 23 people "
     "in the hills.", ("arrest", "conducted", "mexico")),
    # the "we" of a transcript speaker whose state is not known: the story's state
    ("Transcript: Peru's navy on river patrols\n\nThe following is a transcript of a briefing by "
     "Peru's navy.\n\nCAPT. RENATO QUISPE-ALVA (river command): We detained 14 people and seized "
     "two boats this week.\n\nREPORTER: Will Peru send more ships?\n\nQUISPE-ALVA: Peru has "
     "enough ships.", ("arrest", "conducted", "peru")),
    # forces moved, sent in as "elements", ordered into a place, or reinforcing one
    ("Ethiopia has moved troops and heavy equipment towards the border.",
     ("deployment", "conducted", "ethiopia")),
    ("Mexico sent 600 elements of the National Guard to Ensenada.",
     ("deployment", "conducted", "mexico")),
    ("Sheinbaum ordered about 10,000 soldiers and National Guard troops into Michoacán.",
     ("deployment", "conducted", "mexico")),
    ("Panama has reinforced the Caribbean coast with three patrol boats and 200 officers.",
     ("deployment", "conducted", "panama")),
    # bombs dropped on a place, explosives dropped from drones: air attacks
    ("Russian forces dropped at least three guided aerial bombs on the city overnight.",
     ("strike", "conducted", "russia")),
    ("The CJNG has dropped improvised explosives from drones on three villages.",
     ("strike", "conducted", "jalisco-new-generation-cartel")),
    # an operation launched somewhere
    ("Israel launched a large-scale operation in the Jenin refugee camp in January.",
     ("military_action", "conducted", "israel")),
]


@pytest.mark.parametrize("text,expected", FOUND)
def test_operation_is_found_with_its_doer(nlp, text, expected):
    assert expected in keys(ops(nlp, text))


# (text, type that must not be found, or a (type, status, agent) that must not be found)
NOT_FOUND = [
    # a cartel between the nationality and the noun gives the fighters another owner
    ("Mexican cartel fighters seized the town square on Sunday.", ("military_action", "conducted", "mexico")),
    ("Mexican cartel fighters seized the town square on Sunday.", ("seizure", "conducted", "mexico")),
    # words that move, reinforce or drop no force
    ("The council moved the meeting to Thursday.", "deployment"),
    ("She reinforced the message with three new charts.", "deployment"),
    ("Prosecutors dropped the charges against the two men.", "strike"),
    ("The company launched a new operation in Lagos.", "military_action"),
]


@pytest.mark.parametrize("text,unwanted", NOT_FOUND)
def test_no_operation_from_other_senses(nlp, text, unwanted):
    found = ops(nlp, text)
    if isinstance(unwanted, tuple):
        assert unwanted not in keys(found), found
    else:
        assert all(o.type != unwanted for o in found), found


def test_a_raid_takes_one_arrest_and_a_second_arrest_stays_its_own(nlp):
    text = ("In the weeks since, Mexican soldiers have arrested 23 people in raids in Ciudad Victoria, "
            "and marines of the Mexican Navy detained a man identified as Efrén Quintanilla in a house "
            "in Matamoros.")
    custody = [o for o in ops(nlp, text) if o.type in ("raid", "arrest", "capture")]
    assert len(custody) == 2, custody
    assert {o.agent.key for o in custody} == {"mexico"}


# (text, (type, status, agent key)): a subject pronoun after a short fronted adverbial, or
# after ", and", stands for the subject of the sentence before
PRONOUNS = [
    ("Guatemala has become a source of defendants. This year it extradited at least 30 people "
     "to the United States.", ("extradition", "conducted", "guatemala")),
    ("Mexico has sought to show results. In February it sent 29 jailed cartel figures to the "
     "United States, and it has deployed 10,000 troops to its northern border.",
     ("deployment", "conducted", "mexico")),
    # an unnamed force told as "law enforcement", in a story from a dateline
    ("HOUSTON — Law enforcement seized 410,000 counterfeit pills during the operation.",
     ("seizure", "conducted", "united-states")),
    # counted operations with a hyphenated modifier
    ("RAWALPINDI — Security forces conducted three intelligence-based operations in the "
     "districts of Kech and Kalat.", ("military_action", "conducted", "pakistan")),
]


@pytest.mark.parametrize("text,expected", PRONOUNS)
def test_pronoun_and_plain_doers(nlp, text, expected):
    assert expected in keys(ops(nlp, text))


# (text, agent key that must not be given): a condition, or a name in the sentence before the
# pronoun, is no report by the previous sentence's subject
PRONOUN_NOT = [
    ("The United States has struck boats. \"If they can hit them the way they hit the boats, "
     "fine,\" the sheriff said.", "united-states"),
    ("Mexico rejected the plan. Last week Honduran officials said it seized two tonnes.", "mexico"),
]


@pytest.mark.parametrize("text,wrong", PRONOUN_NOT)
def test_pronoun_does_not_reach_back(nlp, text, wrong):
    told = [o for o in ops(nlp, text) if "If" not in text or o.status != "conducted"]  # (not the first sentence's)
    assert all(o.agent is None or o.agent.key != wrong for o in told), told


# (text, location text): a country that ends a longer name is not the place ("Lake Chad")
PLACES = [
    ("Chadian troops attacked Boko Haram fighters on islands in Lake Chad.", "lake chad"),
    ("The Mexican navy seized a boat in the Gulf of Mexico.", "gulf of mexico"),
    ("Chadian troops attacked Boko Haram fighters in Chad.", "chad"),
    ("Mexican troops attacked the gang in northern Mexico.", "mexico"),
]


@pytest.mark.parametrize("text,place", PLACES)
def test_a_country_inside_a_longer_name_is_not_the_place(nlp, text, place):
    assert [o.location_text for o in ops(nlp, text)] == [place]
