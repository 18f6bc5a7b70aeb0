"""The kg spaCy pipeline: components, tokenizer, sentence segmentation and quote finding."""

from __future__ import annotations

import pytest

from kg.articles import blank_furniture
from kg.nlp.quotes import find_quotes


def test_components_in_order(nlp):
    assert nlp.pipe_names == ["kg_sentences", "kg_actors", "kg_coref"]


def test_doc_conventions(nlp):
    doc = nlp("Colombian President Gustavo Petro spoke. He said little.")
    assert {"kg_actors", "kg_coref"} <= set(doc.spans)
    assert "gustavo-petro" in doc.user_data["kg.actors"]
    span = next(sp for sp in doc.spans["kg_actors"] if sp.kb_id_ == "gustavo-petro")
    assert span.label_ == "Person"


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("the talks.”We will", ["talks", ".", "”", "We"]),  # mis-paired mark glued to both words
        ('he said."They', ["said", ".", '"', "They"]),
        ("a U.S.-led raid", ["U.S.", "-", "led"]),
    ],
)
def test_tokenizer_splits_glued_marks(nlp, text, tokens):
    words = [t.text for t in nlp.make_doc(text)]
    assert all(t in words for t in tokens), words


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("The U.S. envoy met Mr. Ortiz on Jan. 3 in Lima. They talked.",
         ["The U.S. envoy met Mr. Ortiz on Jan. 3 in Lima.", "They talked."]),
        ("Troops left the U.S. The base closed.", ["Troops left the U.S.", "The base closed."]),
        ("“We will stay,” she said. “Nobody leaves.”", ["“We will stay,” she said.", "“Nobody leaves.”"]),
        ('"It is over." Then he left.', ['"It is over."', "Then he left."]),
        ("A headline without a period\nThe body starts here.",
         ["A headline without a period", "The body starts here."]),
        ("First paragraph ends\n\nsecond one starts lower case.",
         ["First paragraph ends", "second one starts lower case."]),
        ("Prices rose 3.5 percent. Dr. Li agreed.", ["Prices rose 3.5 percent.", "Dr. Li agreed."]),
        ("Lt. Col. Ruiz landed at 3 p.m. Then he left.", ["Lt. Col. Ruiz landed at 3 p.m.", "Then he left."]),
    ],
)
def test_sentences(nlp, text, sentences):
    got = [s.text.strip() for s in nlp(text).sents if s.text.strip()]
    assert got == sentences


@pytest.mark.parametrize(
    "text, quoted",
    [
        ("She said “we stay” today.", ["we stay"]),
        ('She said "we stay" today.', ["we stay"]),
        ("the plan.”We reject it,” he said.", ["We reject it,"]),  # opens with a closing mark
        ("“A,” she said. “B and C.”", ["A,", "B and C."]),
        ("“He told me, ‘We’ll go in,’ and left,” she said.", ["He told me, ‘We’ll go in,’ and left,"]),
        ("“Unclosed at the end of the paragraph\nNext line", ["Unclosed at the end of the paragraph"]),
        # rule 3: a second opening mark ends the quote left open there (quotes never overlap)
        ('"We stop here. "Then we go on," he said.', ["We stop here.", "Then we go on,"]),
        ("“First words. “Second words” and more.", ["First words.", "Second words"]),
        ("The cartels’ leaders don’t talk.", []),  # apostrophes are not quotes
    ],
)
def test_find_quotes(text, quoted):
    assert [text[q.start:q.end] for q in find_quotes(text)] == quoted


@pytest.mark.parametrize(
    "text, nested",
    [
        ("“He said, ‘We’ll provide everything you need,’ twice,” she said.",
         ["We’ll provide everything you need,"]),
        ("\"We always said 'No' to them,\" she said.", ["No"]),
        ("“The cartels’ money and the gangs’ guns,” he said.", []),
    ],
)
def test_nested_quotes(text, nested):
    (outer,) = find_quotes(text)
    assert [text[n.start:n.end] for n in outer.nested] == nested


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n  ", '"', "“", "”We", '"""', "“ ”", "Mr.", "President", "The Minister of",
     "“We will go there,” said", "said “we will go there now”", "Ana Torres, a", "A “b” c “d"],
)
def test_odd_inputs_do_not_break_the_pipeline(nlp, text):
    from kg.extract.actors import extract_mentions
    from kg.extract.statements import extract_statements

    doc = nlp(text)
    assert list(extract_statements(doc)) == []
    assert all(m.evidence.end <= len(text) for m in extract_mentions(doc))


def test_hard_wrapped_paragraphs(nlp):
    text = ("The minister said the ships would\nstay in the region for months. Nobody\nknew why "
            "they had come.\n\nA second\nparagraph starts here and goes\non for a while.")
    sents = [s.text.replace("\n", " ").strip() for s in nlp(text).sents]
    assert sents == ["The minister said the ships would stay in the region for months.",
                     "Nobody knew why they had come.",
                     "A second paragraph starts here and goes on for a while."]


# The lexicon matcher must find exactly what spaCy's Matcher finds for the same patterns.
MATCHER_CASES = [
    # (patterns by key, text)
    ({"strike": ["strike|strikes|struck", "air|drone strike|strikes"]},
     "The drone strikes hit two boats; a second strike struck the port."),
    ({"deploy": ["deploy|deployed .? troops|soldiers", "send|sent .? .? troops"]},
     "They deployed troops, then deployed 300 soldiers and later sent more troops north."),
    ({"count": ["# boats|vessels", "at least # boats?"]},
     "At least 14 boats and 3 vessels were hit, then at least 2 more."),
    ({"modal": ["could|might|may", "will|'ll not? rule out"], "neg": ["not|never"]},
     "We'll not rule out anything, and they won't, but it might change."),
    ({"raw": [[{"NORM": {"IN": ["order", "ordered"]}}, {"OP": "?"},
               {"NORM": {"NOT_IN": ["aid", "food"]}, "OP": "?"}, {"IS_TITLE": True}]]},
     "She ordered the Navy out and ordered aid Convoys, then ordered New units."),
    ({"plus": ["very+ large", "the .* end"]},  # operators the lexicons do not use: spaCy's Matcher
     "A very very large ship sailed to the far end of the bay."),
    # a later word test after an optional token, a form cut off by the end of the text
    ({"fire": ["open|opened fire on|at", "opened . fire", "opened"]},
     "Troops opened fire at dawn; later they opened heavy fire. Police opened"),
]


@pytest.mark.parametrize("entries, text", MATCHER_CASES, ids=[c[1][:24] for c in MATCHER_CASES])
def test_lexicon_matcher_matches_spacy(nlp, entries, text):
    from spacy.matcher import Matcher

    from kg.extract._lexicon import build_matcher, compile_pattern

    doc = nlp(text)
    reference = Matcher(doc.vocab)
    for key, patterns in entries.items():
        reference.add(key, [compile_pattern(p) for p in patterns])
    found = build_matcher(doc, entries)(doc)
    assert sorted(found) == sorted(reference(doc)) and found
    assert found == sorted(found, key=lambda m: (m[1], m[2], m[0]))  # text order
    assert len(set(found)) == len(found)


@pytest.mark.parametrize(
    "text, sentences",
    [
        # "U.S." before a lower-case word goes on ("officials" is no "Officials" opener)
        ("U.S. officials told the paper of a plan. It was dropped.", 2),
        # a capitalised opener after "U.S." starts a sentence
        ("The plan came from the U.S. Officials denied it on Monday.", 2),
        # a bracketed "(ret.)" after a rank keeps the name in the sentence
        ('"It failed," said Col. (ret.) Ana Lindqvist-Paz, who planned it.', 1),
    ],
)
def test_sentence_ends_after_abbreviations(nlp, text, sentences):
    assert len(list(nlp(text).sents)) == sentences, [s.text for s in nlp(text).sents]


def test_press_release_contact_line_is_furniture():
    text = ("The cutter returned to port on Friday.\n\n"
            "For more information, contact the Harbor District Public Affairs Office at 555-0100.\n")
    clean, _ = blank_furniture(text)
    assert "Public Affairs" not in clean and "cutter returned" in clean
