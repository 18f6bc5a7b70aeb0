"""Speakers found by the role a description gave them ("The prosecutor in charge of the case,
X, said ..." then, sentences later, '"...," the prosecutor said'), by a field title after an
agency ("said FBI Special Agent X", "Special Agent in Charge X"), by an abbreviated rank taken
up in full ("Vice Adm. X" ... "the vice admiral said"), and quotations framed by a
verb of praise ('hailed the raid as proof that "..."'). Sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.statements import extract_statements


def speakers(nlp, text: str) -> dict[str, str | None]:
    """Quoted words -> the speaker's label."""
    return {s.text: (s.speaker.label if s.speaker else None) for s in extract_statements(nlp(text))}


@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        # a role given by a description before the name, taken up two sentences later
        ('The prosecutor in charge of the case, Lucía Benalcázar Ortiz, said the raids found cash. '
         'The nine detainees face charges of trafficking, a crime punishable by 16 years.\n\n'
         '"Whoever opens the door is as guilty as whoever fills the box," the prosecutor said.',
         "Whoever opens the door is as guilty as whoever fills the box", "Lucía Benalcázar Ortiz"),
        ('The commander of the northern sector, Petr Halik, spoke first. Two villages were '
         'empty. Roads were closed.\n\n"We hold the line," the commander said.',
         "We hold the line", "Petr Halik"),
        # the right holder when two descriptions give two roles
        ('The prosecutor in the case, Ana Ruiz Paredes, spoke first. The judge, Luis Mora Benítez, '
         'spoke next.\n\n"The hearing is over," the judge said.', "The hearing is over", "Luis Mora Benítez"),
        # an abbreviated rank before the name, its full word in the description later
        ('Officers will be vetted, said Vice Adm. Tomás Rivadeneira Soto, who leads the operation.\n\n'
         '"Nobody here should pay to open a shop," the vice admiral said.',
         "Nobody here should pay to open a shop", "Tomás Rivadeneira Soto"),
        ('The roads are open, said Gen. Pablo Ruiz Soto on Monday.\n\n"We will stay," the general said.',
         "We will stay", "Pablo Ruiz Soto"),
        # a field title after an agency, with "Special" and "in Charge" in it: the person speaks
        ('"The border is no shield," said FBI Special Agent Rosa Maldonado.', "The border is no shield",
         "Rosa Maldonado"),
        ('"This cell was the last link," said DEA Houston Special Agent in Charge Elena Whitcombe.',
         "This cell was the last link", "Elena Whitcombe"),
        # a verb of praise framing a quoted judgement
        ('Prime Minister Kamal Haddad hailed the raid as proof that "our forces can do it alone."',
         "our forces can do it alone.", "Kamal Haddad"),
    ],
)
def test_speaker_found(nlp, text, quote, speaker):
    assert speakers(nlp, text).get(quote) == speaker
