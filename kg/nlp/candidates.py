"""Actor candidates: what the gazetteer, the discovery rules and a trained NER propose.

A candidate is a token range with what is known about it; :mod:`kg.nlp.resolve` turns the
candidates of a Doc into actor keys and :class:`kg.records.Actor` records.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from kg.nlp.lexicons import Gazetteer
from kg.nlp.quotes import doc_text

# Priorities: a known actor beats a name found by a title or cue, which beats a bare NER guess.
GAZETTEER, DISCOVERED, MODEL = 3, 2, 1


@dataclass
class Candidate:
    start: int  # token offsets of the name itself (titles excluded)
    end: int
    type: str
    priority: int
    key: str | None = None  # set for gazetteer matches
    government: str | None = None  # a country key read from the context
    role: str | None = None  # a title seen with the name ("secretary of state")
    gender: str | None = None  # from an honorific ("Mr.", "Ms.")

    def name(self, doc: Doc) -> str:
        return doc[self.start:self.end].text


def fold_accents(text: str) -> str:
    """Letters without their accents, one character for one ("Cártel" -> "Cartel")."""
    return text if text.isascii() else _NON_ASCII.sub(lambda m: _fold_char(m.group()), text)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0]
    return base if base.isalpha() == ch.isalpha() else ch


class GazetteerMatcher:
    """Finds alias mentions of known actors: exact case for single words and acronyms, any case
    for multi-word aliases ("Sinaloa cartel"), and never inside a stop phrase ("Mexico City")."""

    def __init__(self, nlp, gaz: Gazetteer, stop_phrases: tuple[str, ...]):
        self.gaz = gaz
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.stops = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.make_doc = nlp.make_doc
        for alias, key in gaz.aliases():
            if alias.startswith("the "):  # the article is not part of the name
                continue
            pattern = nlp.make_doc(fold_accents(alias))
            self.exact.add(key, [pattern])
            if len(pattern) > 1 and not alias.isupper():
                self.folded.add(key, [pattern])
        self.stops.add("STOP", [nlp.make_doc(p) for p in stop_phrases])

    def __call__(self, doc: Doc) -> list[Candidate]:
        vocab = doc.vocab.strings
        # match on an accent-folded copy of the text ("Cártel" finds "Cartel"), same offsets;
        # text without accents is matched on the Doc itself (tokenizing it again cost as much
        # as the first time)
        text = doc_text(doc)
        folded_text = fold_accents(text)
        plain = doc if folded_text == text else self.make_doc(folded_text)
        spans = []
        # a name written all in lower case ("the coast guard") is a description, not that name
        folded = [(m, s, e) for m, s, e in self.folded(plain) if not plain[s:e].text.islower()]
        for m, s, e in self.exact(plain) + folded:
            span = doc.char_span(plain[s:e].start_char, plain[s:e].end_char, label=vocab[m])
            if span is not None:
                spans.append(span)
        stops = [(s, e) for _, s, e in self.stops(doc)]
        kept = [
            sp for sp in spans
            if not any(s <= sp.start and sp.end <= e and (e - s) > len(sp) for s, e in stops)
        ]
        out = []
        for span in filter_spans(kept):
            actor = self.gaz.actors[span.label_]
            out.append(Candidate(span.start, span.end, actor.type, GAZETTEER, key=actor.key,
                                 government=actor.government, gender=self.gaz.genders.get(actor.key)))
        return out

    def stop_spans(self, doc: Doc) -> list[tuple[int, int]]:
        return [(s, e) for _, s, e in self.stops(doc)]
