"""Per-Doc tables the name rules consult for nearly every token, built once per Doc.

Like :func:`kg.nlp.quotes.token_words`, each table lives in ``doc.user_data`` (so it goes away
with its Doc) and is read with no spaCy ``Token`` object built:

- :func:`capitalised_flags`: is each token's text capitalised (upper-case first character and
  a letter somewhere: "Mexico", "U.S.", not "-" or "42");
- :func:`sentence_start_flags`: does each token start a sentence (``token.is_sent_start``);
  read only after the sentence boundaries are final (the recognizer and later components);
- :func:`is_headline`: is a sentence in headline case, decided once per sentence.
"""

from __future__ import annotations

from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc, Span

from kg.nlp.quotes import doc_text, token_lowers, token_words

HEADLINE_MIN_WORDS = 4
HEADLINE_CAPITAL_SHARE = 0.7
SMALL_WORDS = frozenset({"of", "the", "a", "an", "to", "in", "on", "for", "and", "at", "by", "with",
                         "as", "or", "from", "vs", "vs."})
HEADLINE_ENDS = frozenset({".", "!", "?", "”", '"'})


def is_capitalised(text: str) -> bool:
    return text[:1].isupper() and (text.isalpha() or any(ch.isalpha() for ch in text))


def is_initial(text: str) -> bool:
    """Whether a token is one capital with its period, an initial ("A.", "X.")."""
    return len(text) == 2 and text[1] == "." and text[0].isupper()


def capitalised_flags(doc: Doc) -> list[bool]:
    """For each token: :func:`is_capitalised` of its text."""
    try:
        return doc.user_data["kg.capitalised"]
    except KeyError:
        flags = doc.user_data["kg.capitalised"] = [is_capitalised(word) for word in token_words(doc)]
        return flags


def sentence_start_flags(doc: Doc) -> list[bool]:
    """For each token: does it start a sentence (``is_sent_start`` is True)?"""
    try:
        return doc.user_data["kg.sent_start_flags"]
    except KeyError:
        values = doc.to_array(SENT_START).tolist() if len(doc) else []
        flags = doc.user_data["kg.sent_start_flags"] = [value == 1 for value in values]
        return flags


def is_headline(sent: Span) -> bool:
    """Headline case: most content words capitalised ("Mexico Rejects US Offer Over Cartels");
    decided once per sentence (kept in ``doc.user_data``)."""
    doc = sent.doc
    known = doc.user_data.setdefault("kg.headlines", {})
    key = (sent.start, sent.end)
    found = known.get(key)
    if found is None:
        found = known[key] = _headline(doc, sent.start, sent.end)
    return found


def _content_flags(doc: Doc) -> tuple[list[int], list[int]]:
    """For each token: 1 when it is a content word (letters only, not a small word), and 1
    when it is a capitalised content word."""
    try:
        return doc.user_data["kg.content_words"]
    except KeyError:
        texts, lowers = token_words(doc), token_lowers(doc)
        content = [1 if t.isalpha() and low not in SMALL_WORDS else 0 for t, low in zip(texts, lowers)]
        capital = [1 if c and t[:1].isupper() else 0 for c, t in zip(content, texts)]
        doc.user_data["kg.content_words"] = (content, capital)
        return content, capital


def _headline(doc: Doc, start: int, end: int) -> bool:
    content, capital = _content_flags(doc)
    words = sum(content[start:end])
    if words < HEADLINE_MIN_WORDS:
        return False
    share = sum(capital[start:end]) / words
    texts, ends = token_words(doc), []
    for i in range(end - 1, start - 1, -1):  # the last two tokens that are not spaces
        if not texts[i].isspace():
            ends.append(texts[i])
            if len(ends) == 2:
                break
    punctuated = any(t in HEADLINE_ENDS for t in ends)  # headlines have no period
    return share >= HEADLINE_CAPITAL_SHARE and not punctuated


def sentence_bounds(doc: Doc) -> tuple[list[int], list[int]] | None:
    """For each token: the first token of its sentence and the end of its sentence
    (``doc[i].sent.start``, ``doc[i].sent.end``); None when sentence hooks or a missing
    segmentation make spaCy decide otherwise (ask ``.sent`` then)."""
    try:
        return doc.user_data["kg.sentence_bounds"]
    except KeyError:
        hooked = "sent" in doc.user_token_hooks or "sent" in doc.user_span_hooks or "sents" in doc.user_hooks
        bounds = None
        if not hooked and doc.has_annotation("SENT_START"):
            flags, size = sentence_start_flags(doc), len(doc)
            firsts, first = [], 0
            for i, start in enumerate(flags):
                first = i if start else first
                firsts.append(first)
            ends, end = [size] * size, size
            for i in range(size - 1, -1, -1):
                ends[i] = end
                end = i if flags[i] else end
            bounds = (firsts, ends)
        doc.user_data["kg.sentence_bounds"] = bounds
        return bounds


def token_sentence(doc: Doc, i: int) -> Span:
    """``doc[i].sent``, from :func:`sentence_bounds` when it can (spaCy walks the Doc and
    slices it twice for each ``.sent``)."""
    bounds = sentence_bounds(doc)
    return doc[i].sent if bounds is None else Span(doc, bounds[0][i], bounds[1][i])


def sentence_start(doc: Doc, i: int) -> int:
    """``doc[i].sent.start``, without the Span."""
    bounds = sentence_bounds(doc)
    return doc[i].sent.start if bounds is None else bounds[0][i]


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` (0 <= start, end <= len(doc)), sliced from the Doc's text with
    no Span or Token built."""
    if end <= start:
        return ""
    offsets = char_offsets(doc)
    return doc_text(doc)[offsets[start]:offsets[end - 1] + len(token_words(doc)[end - 1])]


def char_offsets(doc: Doc) -> list[int]:
    """For each token: its character offset in the Doc's text (``token.idx``)."""
    try:
        return doc.user_data["kg.idx"]
    except KeyError:
        offsets = doc.user_data["kg.idx"] = doc.to_array(IDX).tolist() if len(doc) else []
        return offsets


def lexeme_flags(doc: Doc, attr: int) -> list[bool]:
    """For each token: a boolean lexical attribute such as ``IS_PUNCT`` or ``LIKE_NUM``
    (``token.is_punct``, ``token.like_num``), read in one array."""
    key = f"kg.flags.{attr}"
    try:
        return doc.user_data[key]
    except KeyError:
        flags = doc.user_data[key] = [bool(value) for value in doc.to_array(attr).tolist()] if len(doc) else []
        return flags
