"""Bare forces ("the army") that stand for the forces of the country a story is told from
(:func:`kg.extract._setting.home_country`, which reads the dateline) rather than for a group
with the word in its name."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract._context import Ref, words
from kg.extract._setting import home_country
from kg.extract._lexicon import token_norms


def state_force_refs(doc: Doc, refs: list[Ref]) -> list[Ref]:
    """Refs without a bare "the army" or "the police" resolved to a group that merely has the
    word in its name ("the army" after "National Liberation Army"): in a story told from a
    country they are its forces (see ``bare_force_refs``)."""
    if home_country(doc) is None:
        return refs
    bare, norms = words("bare_forces"), token_norms(doc)
    return [r for r in refs if not (
        r.end - r.start == 2 and norms[r.start] == "the" and norms[r.start + 1] in bare
        and r.actor.type != "Country" and not r.actor.government)]
