"""Checks on a designation frame (:mod:`kg.extract.designations`): whether the words around the
labelling word say no designation was made ("never designated", "threatened to designate",
"Calling them terrorists is ..."), whether a category is a second label of the same designee
("an FTO and a Specially Designated Global Terrorist"), and whether a "that" opens what someone
was told rather than a relative clause ("told Congress that X ...")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.extract._context import Ref, words
from kg.extract._lexicon import token_norms, word_set

LEX = "designations.yaml"
QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "``", "''"})


def _lex(key: str) -> frozenset[str]:
    return word_set(LEX, key)


def not_made(doc: Doc, sent: Span, v: int) -> bool:
    """Whether the words before the labelling word at ``v`` say no designation was made: a
    negation or a revocation a few words before, a word of intent right before ("threatened to
    designate", "considering designating"), or a gerund that a speaker talks about ("said
    designating X would not help") or that opens its sentence ("Calling them terrorists is ...")."""
    norms = token_norms(doc)
    before = norms[max(sent.start, v - 3) : v]
    if set(before) & (_lex("negation") | _lex("revocations")):
        return True
    intent = v - 2 if before[-1:] == ["to"] else v - 1
    if intent >= sent.start and norms[intent] in _lex("unrealised"):
        return True
    # a gerund subject ("Calling them terrorists does not make them smaller") or a speaker's topic
    return norms[v].endswith("ing") and (v == sent.start or doc[v - 1].text in QUOTE_MARKS
                                         or norms[v - 1] in words("reporting_words"))


def second_label(doc: Doc, before: Span | None, span: Span) -> bool:
    """"designated a Foreign Terrorist Organization and a Specially Designated Global Terrorist":
    a category coordinated with the one before is a second label of the same designee."""
    between = token_norms(doc)[before.end:span.start] if before is not None else None
    return bool(between) and between[0] in {"and", "as"} and set(between) <= _lex("label_joiners")


def told_before(doc: Doc, refs: list[Ref], m: int) -> bool:
    """Whether the "that" at ``m`` opens what someone was told ("told Congress that X ..."): an
    informing verb and its addressee right before it, so it is no relative pronoun."""
    norms, addressee = token_norms(doc), next((r for r in refs if r.end == m), None)
    if addressee is None or addressee.start == 0:
        return False
    verb = addressee.start - 1 - (norms[addressee.start - 1] == "the")  # ("told the Senate that")
    return norms[verb] in _lex("informing_words")
