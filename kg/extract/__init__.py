"""Extractors: small pure functions over a spaCy Doc that yield ``kg.records`` objects.

``extract`` runs the pipeline on one article and collects every extractor's records.
The extractor modules are imported when first used, so ``import kg`` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.records import Extraction

if TYPE_CHECKING:
    from spacy.language import Language

    from kg.articles import Article


def extract(nlp: "Language", article: "Article") -> Extraction:
    """Run ``nlp`` over the article's clean text and every extractor over the Doc."""
    from kg.extract.actors import doc_actors, extract_mentions
    from kg.extract.designations import extract_designations
    from kg.extract.operations import extract_operations
    from kg.extract.stance_scope import scope_statements
    from kg.extract.statements import extract_statements

    doc = nlp.make_doc(article.clean_text)
    doc.user_data["kg.published"] = article.published
    doc.user_data["kg.source"] = article.source
    doc.user_data["kg.outlet"] = article.outlet  # the publisher is not an actor of its own story
    doc.user_data["kg.text"] = article.clean_text  # what doc.text would join from the tokens
    doc = nlp(doc)
    result = Extraction()
    result.mentions = list(extract_mentions(doc))
    result.statements = scope_statements(doc, list(extract_statements(doc)))  # stance rule S4
    result.operations = list(extract_operations(doc))
    result.designations = list(extract_designations(doc))
    result.actors = with_governments(doc_actors(doc))
    return result


def with_governments(actors: dict) -> dict:
    """The actors and the states they act for (from the gazetteer), sorted by key: an official's
    ``kg:actsFor`` must point to a described Country even when the article never names it."""
    from kg.nlp.lexicons import gazetteer

    known = gazetteer().actors
    closed = dict(actors)
    for actor in actors.values():
        if actor.government and actor.government not in closed and actor.government in known:
            closed[actor.government] = known[actor.government]
    return dict(sorted(closed.items()))
