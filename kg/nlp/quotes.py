"""Finding quotations in text: curly, straight and mis-paired double quote marks, and single
quote marks nested inside them.

Rules:
1. Quotes never cross a paragraph break (:mod:`kg.nlp.paragraphs`): a paragraph that ends
   inside an open quotation closes it there (news style re-opens the quote in the next
   paragraph when the speaker goes on).
2. “ always opens and ” closes — except a ” glued to the next word and not to the previous one
   (‘affairs.”We ...’), which opens; a straight " opens when glued to the next word only, and
   closes otherwise.
3. A second opening mark while a quote is open closes the first quote there (a writer forgot a
   closing mark).
4. Inside a quotation, ‘ or ' glued to the next word opens a nested quote and ’ or ' glued to
   the previous word (and not between two letters, like the apostrophe in "We’ll") closes it.
5. Outside double quotes, single marks paired the same way are quotations too (the British
   style: 'We will go,' he said).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.attrs import LOWER, ORTH, SPACY
from spacy.lang.lex_attrs import lower as _spacy_lower
from spacy.tokens import Doc

from kg.nlp.paragraphs import Paragraphs

OPEN_D, CLOSE_D, STRAIGHT_D = "“", "”", '"'
OPEN_S, CLOSE_S, STRAIGHT_S = "‘", "’", "'"
TERMINAL = ".!?,;:"


@dataclass(frozen=True)
class Quote:
    """A quotation: ``start``/``end`` are the offsets of the quoted words (marks excluded)."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when the paragraph ended first
    nested: tuple["Quote", ...] = field(default=())

    def text(self, doc_text: str) -> str:
        return doc_text[self.start:self.end]


def _glued_right(text: str, i: int) -> bool:
    return i + 1 < len(text) and not text[i + 1].isspace()


def _glued_left(text: str, i: int) -> bool:
    return i > 0 and not text[i - 1].isspace()


def _double_role(text: str, i: int) -> str | None:
    """"open", "close" or None for the double quote mark at i (rule 2)."""
    ch = text[i]
    right, left = _glued_right(text, i), _glued_left(text, i)
    if ch == OPEN_D:
        return "open"
    if ch == CLOSE_D:
        opens = right and text[i + 1].isalnum() and (not left or text[i - 1] in TERMINAL)
        return "open" if opens else "close"
    if ch == STRAIGHT_D:
        if right and not left:
            return "open"
        if left and not right:
            return "close"
        if left and right:  # '."We' or 'word"word': opens after terminal punctuation
            return "open" if text[i - 1] in TERMINAL and text[i + 1].isalnum() else "close"
    return None


_DOUBLE_MARKS = re.compile(f"[{OPEN_D}{CLOSE_D}{STRAIGHT_D}]")
_SINGLE_MARKS = re.compile(f"[{OPEN_S}{CLOSE_S}{STRAIGHT_S}]")


def _pair(text: str, start: int, end: int, roles, marks: re.Pattern) -> list[tuple[int, int | None]]:
    """Pair opening and closing marks in one paragraph -> (open index, close index or None);
    ``marks`` finds the only characters ``roles`` gives a role to."""
    pairs, opened = [], None
    for m in marks.finditer(text, start, end):
        i = m.start()
        role = roles(text, i)
        if role == "open":
            if opened is not None:
                pairs.append((opened, None))  # rule 3
            opened = i
        elif role == "close" and opened is not None:
            pairs.append((opened, i))
            opened = None
    if opened is not None:
        pairs.append((opened, None))
    return pairs


def _single_role(text: str, i: int) -> str | None:
    ch = text[i]
    if ch not in (OPEN_S, CLOSE_S, STRAIGHT_S):
        return None
    right, left = _glued_right(text, i), _glued_left(text, i)
    if right and left and text[i - 1].isalpha() and text[i + 1].isalpha():
        return None  # an apostrophe: We’ll, don't
    if ch in (OPEN_S, STRAIGHT_S) and right and not left and text[i + 1].isalnum():
        return "open"
    if ch in (CLOSE_S, STRAIGHT_S) and left and not (right and text[i + 1].isalnum()):
        if text[i - 1] == "s" and not right:
            return "close?"  # plural possessive (the cartels' ...) or a closing mark
        return "close"
    return None


def _nested(text: str, start: int, end: int) -> tuple[Quote, ...]:
    def roles(t: str, i: int) -> str | None:
        role = _single_role(t, i)
        return "close" if role == "close?" else role

    out = []
    for o, c in _pair(text, start, end, roles, _SINGLE_MARKS):
        if c is None or c - o < 2:
            continue  # rule 4 needs both marks: a lone ' is an apostrophe
        out.append(Quote(o + 1, c, o, c))
    return tuple(out)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def find_quotes(text: str) -> list[Quote]:
    """Every top-level quotation of ``text`` with its nested quotes, in text order."""
    out = []
    for p_start, p_end in Paragraphs.of(text).spans:
        pos = p_start
        pairs = _pair(text, p_start, p_end, _double_role, _DOUBLE_MARKS)
        for n, (o, c) in enumerate(pairs):
            out.extend(_nested(text, pos, o))  # rule 5: single marks outside double quotes
            # no closing mark: the next opening mark ends the quote (rule 3), else the paragraph
            # end (rule 1); quotes never overlap, so a nested quote has one outer quote
            bound = c if c is not None else pairs[n + 1][0] if n + 1 < len(pairs) else p_end
            s, e = _trim(text, o + 1, bound)
            if e > s:
                out.append(Quote(s, e, o, c, _nested(text, s, e)))
            pos = bound + 1
        out.extend(_nested(text, pos, p_end))
    return sorted(out, key=lambda q: q.open_mark)


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once (spaCy joins every token on each access)."""
    if "kg.text" not in doc.user_data:
        doc.user_data["kg.text"] = doc.text
    return doc.user_data["kg.text"]


def token_words(doc: Doc) -> list[str]:
    """The text of every token, read once per Doc (``doc[i].text`` builds a Token each time)."""
    try:  # called for nearly every token: the table is almost always there
        return doc.user_data["kg.words"]
    except KeyError:
        _read_tokens(doc)
        return doc.user_data["kg.words"]


def token_lowers(doc: Doc) -> list[str]:
    """The lower-case text of every token, read once per Doc."""
    try:
        return doc.user_data["kg.lowers"]
    except KeyError:
        _read_tokens(doc)
        return doc.user_data["kg.lowers"]


def token_spaces(doc: Doc) -> list[str]:
    """The whitespace after every token (``whitespace_``), read once per Doc."""
    try:
        return doc.user_data["kg.spaces"]
    except KeyError:
        _read_tokens(doc)
        return doc.user_data["kg.spaces"]


def _read_tokens(doc: Doc) -> None:
    """The three tables from one array of token attributes (string ids and space flags): no
    Token object is built. Each text is looked up once per process (``_TEXTS``); the lower
    case is ``str.lower`` of the text when that is how the vocabulary computes ``LOWER``."""
    words: list[str] = []
    lowers: list[str] = []
    spaces: list[str] = []
    if len(doc):
        strings = doc.vocab.strings
        if len(_TEXTS) > _TEXTS_LIMIT:
            _TEXTS.clear()
        texts, known = _TEXTS.setdefault, _TEXTS.get
        if doc.vocab.lex_attr_getters.get(LOWER) is _spacy_lower:
            orths, flags = doc.to_array([ORTH, SPACY]).T.tolist()
            words = [known(h) or texts(h, strings[h]) for h in orths]
            lowers = list(map(str.lower, words))
        else:
            orths, lower_ids, flags = doc.to_array([ORTH, LOWER, SPACY]).T.tolist()
            words, lowers = list(map(strings.__getitem__, orths)), list(map(strings.__getitem__, lower_ids))
        spaces = [" " if flag else "" for flag in flags]
        doc.user_data["kg.orths_spaced"] = (orths, flags)  # the ids too (kg.nlp.candidates)
    doc.user_data.update({"kg.words": words, "kg.lowers": lowers, "kg.spaces": spaces})


# string id -> its text: an id always names the same string, so the table stays right across
# Docs (and memory zones); it is emptied when it grows past the limit.
_TEXTS: dict[int, str] = {}
_TEXTS_LIMIT = 50_000


def positions_index(values: list) -> dict:
    """Value -> the indices where it stands in ``values``, ascending."""
    index: dict = {}
    for i, value in enumerate(values):
        found = index.get(value)
        if found is None:
            index[value] = [i]
        else:
            found.append(i)
    return index


def word_positions(doc: Doc) -> dict[str, list[int]]:
    """Token text -> the indices of the tokens with that text, ascending (once per Doc)."""
    index = doc.user_data.get("kg.word_positions")
    if index is None:
        index = doc.user_data["kg.word_positions"] = positions_index(token_words(doc))
    return index


def doc_quotes(doc: Doc) -> list[Quote]:
    """Quotes of a Doc, computed once and kept in ``doc.user_data["kg.quotes"]``."""
    if "kg.quotes" not in doc.user_data:
        doc.user_data["kg.quotes"] = find_quotes(doc_text(doc))
    return doc.user_data["kg.quotes"]


def quoted_token_mask(doc: Doc) -> list[bool]:
    """For each token: is it inside a quotation (marks included)? Computed once per Doc."""
    if "kg.quote_mask" not in doc.user_data:
        doc.user_data["kg.quote_mask"] = _mask(doc)
    return doc.user_data["kg.quote_mask"]


def _mask(doc: Doc) -> list[bool]:
    mask = [False] * len(doc)
    for q in doc_quotes(doc):
        last = q.close_mark if q.close_mark is not None else q.end - 1
        span = doc.char_span(q.open_mark, last + 1, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                mask[i] = True
    return mask
