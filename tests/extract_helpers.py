"""Shared helpers of the actor and designation tests: run one extractor on a sentence and
read its records in the form the tables compare."""

from __future__ import annotations

from kg.extract.actors import doc_actors
from kg.extract.designations import extract_designations


def actor_labels(doc) -> dict[str, str]:
    """Label -> type of every actor of a processed Doc."""
    return {a.label: a.type for a in doc_actors(doc).values()}


def designation_rows(nlp, text: str) -> list[tuple]:
    """(designator key, designee text, category) of each designation of ``text``, sorted."""
    doc = nlp(nlp.make_doc(text))
    return sorted((d.designator.key, d.designee_text, d.category) for d in extract_designations(doc))
