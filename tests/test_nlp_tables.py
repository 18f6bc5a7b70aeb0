"""The per-Doc tables of kg.nlp.tables agree with what spaCy's Token and Span objects say."""

import pytest

from kg.nlp import load_pipeline
from kg.nlp.tables import capitalised_flags, is_headline, sentence_bounds, sentence_start_flags, span_text

TEXTS = [
    "The harbor board met on Tuesday. Its chair, Odile Marchetti, said the pier stays shut.",
    "Flood Waters Reach Old Mill Town\n\nResidents of Brackwater left at dawn. \"We had no choice,\" one said.",
    "U.S. officials spoke.  Then   the  envoy left - quietly (again).",
    "A single line without a final period",
]


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.mark.parametrize("text", TEXTS)
def test_tables_match_tokens(nlp, text):
    doc = nlp(text)
    assert capitalised_flags(doc) == [t.text[:1].isupper() and any(c.isalpha() for c in t.text) for t in doc]
    assert sentence_start_flags(doc) == [bool(t.is_sent_start) for t in doc]
    firsts, ends = sentence_bounds(doc)
    assert firsts == [t.sent.start for t in doc]
    assert ends == [t.sent.end for t in doc]


@pytest.mark.parametrize("text", TEXTS)
def test_span_text_matches_span(nlp, text):
    doc = nlp(text)
    for start in range(len(doc)):
        for end in range(start, min(len(doc), start + 6) + 1):
            assert span_text(doc, start, end) == doc[start:end].text


@pytest.mark.parametrize("text, headlines", [
    ("Flood Waters Reach Old Mill Town\n\nResidents left at dawn.", [True, False]),
    ("Mayor Says Bridge Will Open Soon.", [False]),  # a period: a sentence, not a headline
    ("Storm Hits Coast", [False]),  # too few words to tell
])
def test_is_headline(nlp, text, headlines):
    doc = nlp(text)
    sents = [s for s in doc.sents if not s.text.isspace()]
    assert [is_headline(s) for s in sents] == headlines
    assert [is_headline(s) for s in sents] == headlines  # the second answer comes from the cache
