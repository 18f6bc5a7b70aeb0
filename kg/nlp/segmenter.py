"""A rule-based sentence segmenter for news text.

Rules (in order, per token):
1. The first token of the Doc starts a sentence.
2. Paragraph breaks end a sentence: a paragraph (or a single-line headline) never runs on.
   A paragraph break is a line break, or a blank line in hard-wrapped text
   (:mod:`kg.nlp.paragraphs`).
3. Terminal punctuation (. ! ? …), plus any closing quote marks or brackets after it, ends a
   sentence when the next word starts with a capital, a digit or an opening quote mark.
4. A token that keeps its period ("Mr.", "Jan.", "U.S.") does not end a sentence, except for
   the abbreviations listed in ``segmenter.yaml`` as able to end one ("U.S.", "Inc.") when the
   next word is a usual sentence opener ("The", "He", "But"), and a single capital with its
   period ("X.", "B.") when the next word is a subject pronoun ("wrote on X. He said").
5. A comma before a closing quote ('..., " she said') never ends a sentence.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.nlp.lexicons import read_yaml
from kg.nlp.paragraphs import is_break, is_hard_wrapped
from kg.nlp.quotes import doc_text, token_lowers, token_spaces, token_words
from kg.nlp.tables import is_initial

TERMINALS = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
CLOSERS = frozenset({"”", "’", '"', "'", ")", "]", "»"})
OPENERS = frozenset({"“", "‘", '"', "'", "(", "[", "«"})


def is_opening_quote(token: Token) -> bool:
    """A quote mark that opens a quotation: curly open, or a straight/mis-paired mark glued to
    the following word and not to the preceding one."""
    if token.text in {"“", "‘", "«"}:
        return True
    if token.text not in {'"', "”", "'", "’"}:
        return False
    glued_right = not token.whitespace_ and token.i + 1 < len(token.doc) and token.nbor(1).is_alpha
    prev = token.nbor(-1) if token.i > 0 else None
    glued_left = prev is not None and not prev.whitespace_ and prev.text not in TERMINALS
    return glued_right and not glued_left


def _opening_quote_at(words: list[str], spaces: list[str], i: int) -> bool:
    """:func:`is_opening_quote` of token i, read from the per-Doc word and space tables."""
    text = words[i]
    if text in {"“", "‘", "«"}:
        return True
    if text not in {'"', "”", "'", "’"}:
        return False
    glued_right = not spaces[i] and i + 1 < len(words) and words[i + 1].isalpha()
    glued_left = i > 0 and not spaces[i - 1] and words[i - 1] not in TERMINALS
    return glued_right and not glued_left


class NewsSentenceSegmenter:
    """Sets ``is_sent_start`` on every token (see the module docstring for the rules)."""

    def __init__(self, abbreviations_ending: list[str], sentence_openers: list[str],
                 initial_enders: list[str] = ()):
        self.can_end = frozenset(abbreviations_ending)
        self.openers = frozenset(w.lower() for w in sentence_openers)
        self.initial_enders = frozenset(initial_enders)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        starts = [False] * len(doc)
        starts[0] = True
        wrapped = is_hard_wrapped(doc_text(doc))
        words, size = token_words(doc), len(doc)
        i = 0
        while i < size:
            if not (words[i][-1:] == "." or words[i] in TERMINALS or words[i].isspace()):
                i += 1  # only spaces, terminals and words with a period can end a sentence
                continue
            nxt = self._boundary_after(doc, i, wrapped)
            if nxt is not None and nxt < size:
                starts[nxt] = True
                i = nxt
            else:
                i += 1
        # one array write: setting token.is_sent_start one by one rescans the Doc each time
        values = numpy.array([1 if start else -1 for start in starts], dtype="int32")
        doc.from_array([SENT_START], values.astype("uint64").reshape(-1, 1))
        return doc

    def _boundary_after(self, doc: Doc, i: int, wrapped: bool) -> int | None:
        words, spaces, size = token_words(doc), token_spaces(doc), len(doc)
        text = words[i]
        if text.isspace() and is_break(text, wrapped):  # rule 2: paragraph breaks end sentences
            j = i + 1
            while j < size and words[j].isspace():  # blank space stays with this sentence
                j += 1
            return j
        if text in TERMINALS:  # rule 3
            j = i + 1
            while j < size and words[j] in CLOSERS and not _opening_quote_at(words, spaces, j):
                j += 1
            while j < size and words[j].isspace() and not is_break(words[j], wrapped):
                j += 1
            if j < size and words[j].isspace():  # a paragraph break follows: rule 2 places it
                return None
            return j if j < size and self._starts_sentence(words, spaces, j) else None
        if text.endswith(".") and len(text) > 1 and text in self.can_end:  # rule 4
            j = i + 1
            # capitalised: "in the U.S. Officials said" ends one, "U.S. officials told" does not
            if j < size and words[j][:1].isupper() and token_lowers(doc)[j] in self.openers:
                return j
        if is_initial(text) and i + 1 < size and words[i + 1] in self.initial_enders:
            return i + 1  # "wrote on X. He said": a letter ends the sentence, "A. He" is no name
        return None

    @staticmethod
    def _starts_sentence(words: list[str], spaces: list[str], j: int) -> bool:
        first = words[j][:1]
        return first.isupper() or first.isdigit() or _opening_quote_at(words, spaces, j)


@Language.factory("kg_sentences")
def make_segmenter(nlp: Language, name: str) -> NewsSentenceSegmenter:
    data = read_yaml("segmenter.yaml")
    return NewsSentenceSegmenter(data["abbreviations_ending"], data["sentence_openers"], data["initial_enders"])
