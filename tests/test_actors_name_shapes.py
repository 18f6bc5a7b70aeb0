"""Name shapes of people that no list knows: Malay patronymics ("binti"), several initials
before a long hyphenated surname, abbreviated police and lower ranks kept out of the name and
a single capital with a period before a pronoun ("wrote on X. He said") that ends a sentence
rather than opening a name; bodies named "Rifles", "Patrol" or "Mission for <country>". Sentences written for these tests; "must not" rows too."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from extract_helpers import actor_labels as labels  # noqa: E402


@pytest.mark.parametrize(
    "text, name",
    [
        # a Malay patronymic joins the given name to the father's
        ('"The boats have gone," said Siti binti Rahmat, a trader in Semporna.', "Siti binti Rahmat"),
        ("Aminah binte Salleh, a fisherwoman, said the patrols had stopped.", "Aminah binte Salleh"),
        # initials do not count towards the words of a name
        ("High Court Judge A. R. P. Gunawardena-Silva read the verdict on Monday.", "A. R. P. Gunawardena-Silva"),
        # an abbreviated rank is a title, not part of the name, and the short form is the same man
        ('Provincial commander Supt. Kalo Wambi said the road was open. "We hold it," Supt. Wambi said.',
         "Kalo Wambi"),
        ("Cpl. Renaldo Fuentes said the patrol was ambushed near the river.", "Renaldo Fuentes"),
    ],
)
def test_name_shapes(nlp, text, name):
    assert labels(nlp(text)).get(name) == "Person"


@pytest.mark.parametrize(
    "text, name",
    [
        # paramilitary rifles and state patrols are forces of a government
        ("Troopers of the Kachin Rifles patrolled the road to Myitkyina.", "Kachin Rifles"),
        ("The Oklahoma Highway Patrol stopped the truck near Tulsa.", "Oklahoma Highway Patrol"),
        # "<Country>'s own <force>": the country's force, as without "own"
        ("Mexico's own Navy arrested him in Sinaloa.", "Mexican Navy"),
        # a mission joined to the country it serves by "for"
        ("The UN Assistance Mission for Somalia urged calm.", "UN Assistance Mission for Somalia"),
    ],
)
def test_body_shapes(nlp, text, name):
    assert name in labels(nlp(text))


@pytest.mark.parametrize(
    "text, absent",
    [
        # a letter that ends a sentence before a pronoun opens no name with it
        ("The governor wrote on X. He said the soldiers would stay.", "X. He"),
        ("The plan was called Plan B. It failed within a week.", "B. It"),
        # the rank is never kept with the name
        ('Provincial commander Supt. Kalo Wambi said the road was open. "We hold it," Supt. Wambi said.',
         "Supt. Wambi"),
    ],
)
def test_name_shapes_limits(nlp, text, absent):
    assert absent not in labels(nlp(text))


def test_a_letter_before_a_pronoun_ends_the_sentence(nlp):
    doc = nlp("The governor wrote on X. He said the soldiers would stay. Juan A. Reyes agreed.")
    assert [s.text for s in doc.sents] == ["The governor wrote on X.", "He said the soldiers would stay.",
                                           "Juan A. Reyes agreed."]
