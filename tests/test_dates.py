"""Date normalisation and finding dates in sentences (expressions written for these tests)."""

from __future__ import annotations

import pytest
import spacy

from kg.extract.dates import find_date, normalize_date


@pytest.mark.parametrize(
    "expression, published, date, text",
    [
        ("September 2nd", None, "--09-02", "September 2nd"),
        ("Jan. 3", None, "--01-03", "Jan. 3"),
        ("on October 2", None, "--10-02", "October 2"),
        ("3 March", None, "--03-03", "3 March"),
        ("January 20, 2025", None, "2025-01-20", "January 20, 2025"),
        ("12 May 2024", None, "2024-05-12", "12 May 2024"),
        ("2025-09-02", None, "2025-09-02", "2025-09-02"),
        ("October 2", "2025-11-04", "2025-10-02", "October 2"),  # year from the publication date
        ("December 20", "2026-01-05", "2025-12-20", "December 20"),  # well after publication: last year
        ("November 10", "2025-11-04", "2025-11-10", "November 10"),  # shortly after: same year
        ("on Monday", "2025-11-05", "2025-11-03", "Monday"),  # latest Monday on/before a Wednesday
        ("on Wednesday", "2025-11-05", "2025-11-05", "Wednesday"),  # the publication day itself
        ("on Monday", None, None, "Monday"),
        ("yesterday", "2025-11-05", "2025-11-04", "yesterday"),
        ("in August", None, None, "August"),
        ("in August", "2025-11-04", None, "August"),  # a month alone is no xsd:date
        ("in 2023", None, None, "2023"),
        ("February 30", None, None, "February 30"),  # impossible day
        ("the next round of talks", None, None, "the next round of talks"),
    ],
)
def test_normalize_date(expression, published, date, text):
    assert normalize_date(expression, published) == (date, text)


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.mark.parametrize(
    "sentence, anchor_word, published, expected",
    [
        ("The strikes began on September 2nd and paused in October.", "strikes", None, ("--09-02", "September 2nd")),
        ("In August the order was signed, and on October 2 the memo followed.", "memo", None, ("--10-02", "October 2")),
        ("In August the order was signed, and on October 2 the memo followed.", "order", None, (None, "August")),
        ("Troops arrived on Friday.", "Troops", "2025-11-05", ("2025-10-31", "Friday")),
        ("Officials may announce more strikes.", "strikes", None, None),  # the modal "may" is no month
        ("Nothing happened here.", "Nothing", None, None),
        # the day something was said is not the day of the event
        ("Police said on Friday that the raid took place.", "raid", "2025-11-05", None),
        ("Police said on Friday that the raid took place on Monday.", "raid", "2025-11-05", ("2025-11-03", "Monday")),
        ("Last night the navy struck a boat.", "struck", "2025-11-05", ("2025-11-04", "Last night")),
    ],
)
def test_find_date(blank, sentence, anchor_word, published, expected):
    doc = blank(sentence)
    doc.user_data["kg.published"] = published
    anchor = next(t.i for t in doc if t.text == anchor_word)
    assert find_date(doc, doc[:], anchor) == expected
