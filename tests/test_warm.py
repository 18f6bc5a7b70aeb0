"""The bounded warm vocabulary (kg.nlp.warm): common words outlive memory zones, names do not,
and neither the memory it holds nor the tokens it gives depend on how long the run is."""

from __future__ import annotations

import spacy

from kg.articles import make_article
from kg.builder import Builder
from kg.nlp.warm import WarmVocabulary


def _zone_tokens(nlp, text):
    with nlp.memory_zone():
        return [(t.text, t.whitespace_, t.is_punct, t.like_num, t.shape_) for t in nlp(text)]


def test_lowercase_words_are_kept_at_once_and_survive_a_memory_zone():
    nlp = spacy.blank("en")
    warm = WarmVocabulary(nlp)
    warm.observe("Officials said the convoy, escorted by marines, crossed the river.")
    _zone_tokens(nlp, "The convoy crossed again.")
    assert {"said", "convoy,", "marines,", "river."} <= warm.kept
    assert "convoy" in nlp.vocab.strings  # its lexeme was made outside the zone


def test_a_name_is_kept_only_when_a_second_article_uses_it():
    nlp = spacy.blank("en")
    warm = WarmVocabulary(nlp)
    warm.observe("Brig. Ovantu Relsker spoke in Durmapol.")
    assert "Relsker" not in warm.kept and "Relsker" not in nlp.vocab.strings
    warm.observe("Relsker denied it.")
    assert "Relsker" in warm.kept and "Durmapol." not in warm.kept


def test_the_kept_words_and_the_vocabulary_stop_growing_at_the_capacity():
    nlp = spacy.blank("en")
    warm = WarmVocabulary(nlp, capacity=50)
    words = [f"word{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(300)]  # no digits
    words = ["".join(c for c in w if not c.isdigit()) for w in words]
    warm.observe(" ".join(words[:100]))
    size = len(nlp.vocab.strings)
    warm.observe(" ".join(words[100:]))
    assert len(warm.kept) == 50 and warm.full
    assert len(nlp.vocab.strings) == size


def test_tokens_are_the_same_with_and_without_the_warm_vocabulary():
    text = ('Gen. Maro Quist said: “We struck 14 boats,” adding the U.S.-led force '
            '"will not stop." Officials in Tapachula, Mexico, were not told.')
    cold = spacy.blank("en")
    warmed = spacy.blank("en")
    warm = WarmVocabulary(warmed)
    warm.observe(text)
    warm.observe(text)  # everything kept now, names included
    assert _zone_tokens(warmed, text) == _zone_tokens(cold, text)


def test_the_builder_graph_does_not_depend_on_what_was_read_before():
    article = make_article(
        "a.txt", '"We will not leave the port," Minister Ilsa Varnok said on Monday in Kelvaro.'
    )
    first = Builder()
    triples_fresh, _ = first.article_graph(article)
    second = Builder()
    for n in range(3):
        second.article_graph(make_article(f"b{n}.txt", article.clean_text.replace("port", f"dock{n}")))
    triples_after, _ = second.article_graph(article)
    assert sorted(map(str, triples_fresh)) == sorted(map(str, triples_after))
    assert "will" in second.warm.kept
