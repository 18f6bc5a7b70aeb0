"""Actor candidates: what the gazetteer, the discovery rules and a trained NER propose.

A candidate is a token range with what is known about it; :mod:`kg.nlp.resolve` turns the
candidates of a Doc into actor keys and :class:`kg.records.Actor` records.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import ORTH, SPACY
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.nlp.lexicons import Gazetteer
from kg.nlp.quotes import doc_text, token_words
from kg.nlp.tables import char_offsets, span_text

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


def _changed_chunks(text: str, folded_text: str) -> list[tuple[int, int]] | None:
    """The (start, end) of the whitespace-delimited chunks of ``text`` where ``folded_text``
    differs, in order; None when folding changed a whitespace character (or made one)."""
    chunks: list[tuple[int, int]] = []
    for match in _NON_ASCII.finditer(text):
        at = match.start()
        if folded_text[at] == text[at]:
            continue
        if text[at].isspace() or folded_text[at].isspace():
            return None
        if chunks and at < chunks[-1][1]:  # in the chunk just found
            continue
        start, end = at, at + 1
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        chunks.append((start, end))
    return chunks


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
        self.tokenizer = nlp.tokenizer
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
        plain = doc if folded_text == text else self.folded_doc(doc, text, folded_text)
        spans = []
        # a name written all in lower case ("the coast guard") is a description, not that name
        text_of = (lambda s, e: span_text(doc, s, e)) if plain is doc else (lambda s, e: plain[s:e].text)
        folded = [(m, s, e) for m, s, e in self.folded(plain) if not text_of(s, e).islower()]
        for m, s, e in self.exact(plain) + folded:
            if plain is doc:  # doc.char_span of the match's own characters, without the Spans
                spans.append(Span(doc, s, e, label=vocab[m]))
                continue
            found = plain[s:e]
            span = doc.char_span(found.start_char, found.end_char, label=vocab[m])
            if span is not None:
                spans.append(span)
        stops = self.stop_spans(doc)
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

    def folded_doc(self, doc: Doc, text: str, folded_text: str) -> Doc:
        """``make_doc(folded_text)``, tokenizing again only the whitespace-delimited chunks that
        folding changed: spaCy tokenizes each chunk on its own, so every other chunk keeps the
        tokens it has in ``doc`` (a whole tokenization cost more than the matching, for a few
        accented names)."""
        chunks = _changed_chunks(text, folded_text)
        if not chunks:  # None: folding changed whitespace, the chunks are not the same
            return self.make_doc(folded_text)
        # the unchanged tokens by their ORTH ids: Doc() then finds each lexeme by id, without
        # hashing its text again (five times faster inside a memory zone)
        # (space flags as 0/1: Doc() reads them as booleans; offsets from the Doc's shared table)
        token_words(doc)  # (reads the ORTH ids and space flags of the Doc once, kept with it)
        ids = doc.user_data.get("kg.orths_spaced")
        words, spaces = (list(ids[0]), list(ids[1])) if ids else doc.to_array([ORTH, SPACY]).T.tolist()
        starts = char_offsets(doc)
        # the changed chunks, tokenized in one call: joined by spaces, each on its own still
        redone = self.tokenizer(" ".join(folded_text[start:end] for start, end in chunks))
        pieces: list[list[str]] = [[] for _ in chunks]
        chunk, offset = 0, 0
        for token in redone:
            while token.idx >= offset + chunks[chunk][1] - chunks[chunk][0] + 1:
                offset += chunks[chunk][1] - chunks[chunk][0] + 1
                chunk += 1
            pieces[chunk].append(token.text)
        for (start, end), new in zip(reversed(chunks), reversed(pieces)):
            first, last = bisect_left(starts, start), bisect_left(starts, end)
            if first == last or starts[first] != start:  # not whole tokens: cannot happen in spaCy
                return self.make_doc(folded_text)
            words[first:last] = new
            spaces[first:last] = [False] * (len(new) - 1) + [spaces[last - 1]]
        return Doc(doc.vocab, words=words, spaces=spaces)

    def stop_spans(self, doc: Doc) -> list[tuple[int, int]]:
        """The (start, end) of the stop phrases of ``doc``, found once per Doc (the recognizer
        asks again after matching)."""
        found = doc.user_data.get("kg.stop_spans")
        if found is None or found[0] != id(self):
            found = doc.user_data["kg.stop_spans"] = (id(self), [(s, e) for _, s, e in self.stops(doc)])
        return list(found[1])
