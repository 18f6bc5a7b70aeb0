"""Shared helpers of the operations tests: run the extractor on a sentence with a date."""

from __future__ import annotations

from kg.extract.operations import extract_operations


def ops(nlp, text: str, published: str | None = None) -> list:
    doc = nlp.make_doc(text)
    doc.user_data["kg.published"] = published
    return list(extract_operations(nlp(doc)))


def one(nlp, text: str, published: str | None = None):
    found = ops(nlp, text, published)
    assert len({(o.type, o.status, o.agent, o.target, o.target_text, o.location, o.location_text) for o in found}) == 1, found
    return found[0]


def keys(found) -> set[tuple]:
    """(type, status, agent key) of each operation found."""
    return {(o.type, o.status, o.agent.key if o.agent else None) for o in found}
