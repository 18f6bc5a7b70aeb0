"""``--model``: a trained spaCy pipeline's entities become actor candidates.

The test trains a tiny NER in a few seconds, saves it, and loads it through kg.
"""

from __future__ import annotations

import random

import pytest
import spacy
from spacy.training import Example

from kg.errors import ModelError
from kg.extract.actors import doc_actors
from kg.nlp import load_pipeline

# Made-up names the gazetteer cannot know, in sentences without any discovery cue.
TRAIN = [
    ("Zorvan Kellerby visited the port yesterday.", [(0, 15, "PERSON")]),
    ("Crowds cheered when Zorvan Kellerby arrived.", [(20, 35, "PERSON")]),
    ("Quentaro Holdings bought the harbour.", [(0, 17, "ORG")]),
    ("Investors fled Quentaro Holdings last week.", [(15, 32, "ORG")]),
    ("Zorvan Kellerby and Quentaro Holdings met.", [(0, 15, "PERSON"), (20, 37, "ORG")]),
    ("The weather was mild all week.", []),
]
PROBE = "Zorvan Kellerby visited the port yesterday. Investors fled Quentaro Holdings last week."


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    random.seed(0)
    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("en")
    nlp.add_pipe("ner")
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": e}) for t, e in TRAIN]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(30):
        random.shuffle(examples)
        nlp.update(examples, sgd=optimizer, drop=0.0)
    path = tmp_path_factory.mktemp("tiny_ner")
    nlp.to_disk(path)
    return path


def test_trained_entities_become_actors(model_dir):
    nlp = load_pipeline(str(model_dir))
    assert "ner" in nlp.pipe_names and nlp.pipe_names[0] == "kg_sentences"
    actors = doc_actors(nlp(PROBE))
    assert actors["zorvan-kellerby"].type == "Person"
    assert actors["zorvan-kellerby"].known is False
    assert actors["quentaro-holdings"].type in {"Organization", "GovernmentBody", "MediaOrganization"}


def test_without_model_the_names_are_not_actors():
    actors = doc_actors(load_pipeline()(PROBE))
    assert "zorvan-kellerby" not in actors and "quentaro-holdings" not in actors


def test_gazetteer_still_wins_with_a_model(model_dir):
    doc = load_pipeline(str(model_dir))("Claudia Sheinbaum met Zorvan Kellerby.")
    assert "claudia-sheinbaum" in doc_actors(doc)


@pytest.mark.parametrize("name", ["no_such_model_xyz", "/nonexistent/path/to/model"])
def test_bad_model_raises_model_error(name):
    with pytest.raises(ModelError) as err:
        load_pipeline(name)
    assert "\n" not in str(err.value) and name in str(err.value)


def test_folder_that_is_not_a_pipeline(tmp_path):
    (tmp_path / "readme.txt").write_text("not a pipeline", encoding="utf-8")
    with pytest.raises(ModelError):
        load_pipeline(str(tmp_path))
