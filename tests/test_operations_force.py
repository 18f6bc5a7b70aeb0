"""Uses of force and seizures told with other words: fire opened on someone, a bomb set off or
detonated, a number of drugs found, arms recovered after a long model name, a nationality
before a unit or battalion; and an unnamed force in a story with no dateline, set among one
country's places while another country is named more often. Sentences written for these
tests; the "must not" table holds other senses of the same words."""

from __future__ import annotations

import pytest

from tests.op_helpers import keys, ops


# (text, (type, status, agent key) that must be among the operations found)
FOUND = [
    # fire opened on someone, by a nationality's units
    ("Azerbaijani units opened fire on Armenian positions overnight.",
     ("military_action", "conducted", "azerbaijan")),
    ("Officials said Indian troops had opened fire at a group crossing the Line of Control.",
     ("military_action", "conducted", "india")),
    # a bomb set off or detonated by a group
    ("The ELN set off a car bomb outside the battalion's base in 2022.",
     ("military_action", "conducted", "eln")),
    ("Al-Shabaab detonated two explosive devices near the convoy on Tuesday.",
     ("military_action", "conducted", "al-shabaab")),
    # a number of drugs found, with a measure or a package between
    ("Spanish police found 1,200 kilograms of cocaine in a container at Algeciras.",
     ("seizure", "conducted", "spain")),
    ("Dutch customs officers found 78 bags of cocaine in a shipment of bananas.",
     ("seizure", "conducted", "netherlands")),
    # arms recovered after a model name of several tokens
    ("Nigerian troops recovered 22 AK-47 rifles and two gun trucks after the battle.",
     ("seizure", "conducted", "nigeria")),
    # a force of a story set in one country's places, while another country is named more
    ("Drones over Sinaloa\n\nIn Culiacán the markets close early. In Mazatlán the hotels are "
     "empty. In Los Mochis the buses stopped.\n\nUS lawmakers want action. Washington "
     "has pressed hard. The United States says the cartels are terrorists.\n\nIn June, the "
     "Defense Ministry sent 1,200 soldiers to the region.", ("deployment", "conducted", "mexico")),
]


@pytest.mark.parametrize("text,expected", FOUND)
def test_use_of_force_is_found(nlp, text, expected):
    assert expected in keys(ops(nlp, text))


# (text, type that must not be found)
NOT_FOUND = [
    ("Investigators found that drugs had been smuggled through the port.", "seizure"),
    ("A survey found 40 percent used cocaine at least once.", "seizure"),
    ("The company set off a debate with its new bomb-proof doors.", "military_action"),
    ("Fans opened the stadium gates after the fire.", "military_action"),
]


@pytest.mark.parametrize("text,unwanted", NOT_FOUND)
def test_no_operation_from_other_senses(nlp, text, unwanted):
    assert all(o.type != unwanted for o in ops(nlp, text))
