"""Statements: quotations with their speaker, reporting verb, stance and the actors they name.

For each quotation (:mod:`kg.nlp.quotes`), the speaker comes from, in order:

1. its own sentence (:mod:`kg.nlp.attribution`: "X said", "said X", 'X said that Y "..."',
   ", stating:"); a question frame ('asked by a reporter if "..."') gives no speaker;
2. a colon introduction closing the previous paragraph ("..., stating during a briefing:");
3. the previous quotation of the same paragraph (a quote split by its attribution:
   '"A," she said. "B."');
4. the last speaker of the previous paragraph, when the quote opens its paragraph (a speaker
   going on in a new paragraph);
5. a reporting verb with a speaker in the previous sentence, which may end the previous
   paragraph ('X said the talks failed. "..."');
6. a quote left open at the end of its paragraph takes the speaker of the quote that goes on
   in the next paragraph ('"A.\n\n"B," she said.');
7. a quote that is a sentence of its own, when the next sentence points back to it and names
   the speaker ('"..." Those were the words of X', '"..." So said X'); tried before rules 3-5.
Rules 3-5 apply only to a quote that opens its sentence (or follows a bare colon introduction
naming nobody: 'Then, after a pause: "..."'), never to words quoted inside narrative; rule 5
is skipped after an unattributed quote of the same paragraph ('"A," said an official who asked
not to be named. "B."': B is the unnamed official's too).

Quotations of three words or fewer are scare quotes or terms ("enemy combatants"), not
statements, unless a direct quote of three words ('"We are ready," she said'). Quotes in
headline-case lines ('Mexico Says "No" To Troops') and title-case quotes ('an op-ed titled
"How The Cartels Won"') are titles, not statements. A nested
quotation of four words or more whose speaker is named or a pronoun subject of a reporting
verb inside the outer quote becomes its own statement, ``embedded_in`` the outer one.
Transcript turns ("MORAN: ...", :mod:`kg.nlp.transcripts`) are direct statements of their
speaker; quotes inside a turn belong to the turn. Stance: :mod:`kg.extract.stance`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from kg.extract import stance as st
from kg.extract._context import doc_turns
from kg.extract.actors import actors_in, doc_actors, span_rows
from kg.nlp.attribution import Attribution, Speakers, attribute, frames, left_frame
from kg.nlp.tables import char_offsets, is_headline, sentence_bounds, token_sentence
from kg.nlp.lexicons import addressee_verbs, gazetteer, read_yaml, reporting_verbs
from kg.nlp.paragraphs import doc_paragraphs
from kg.nlp.quotes import Quote, doc_quotes, doc_text, quoted_token_mask, token_words
from kg.records import Evidence, Statement

BARE_COLON_WORDS = 8  # a longer introduction before a colon tells its own story
MIN_WORDS = 4  # fewer words: a scare quote or a term, not a statement
FIRST_PERSON = frozenset({"i", "we"})
TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "in", "on", "and", "or", "to", "for", "at", "by"})


@dataclass
class Found:
    """A quote with its attribution while a Doc is worked through."""

    quote: Quote
    att: Attribution | None
    group: int  # quotes of one speaker that continue one another share a group
    paragraph: int


def _title_case(text: str) -> bool:
    """A quoted title or slogan ("How the Cartels Took Over"): most words capitalised."""
    words = [w for w in text.split() if w[:1].isalpha() and w.lower() not in TITLE_SMALL_WORDS]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _n_words(text: str) -> int:
    return sum(1 for w in st.words(text) if w[0].isalnum())


def _opens_paragraph(doc: Doc, q: Quote) -> bool:
    start = doc_paragraphs(doc).start(q.open_mark)
    return not doc_text(doc)[start:q.open_mark].strip()


def _colon_intro(doc: Doc, q: Quote, in_quote, speakers, verbs) -> Attribution | None:
    """Rule 2: the text before the quote's paragraph ends with a colon."""
    text = doc_text(doc)
    before = text[:q.open_mark].rstrip()
    if not before.endswith(":") or not _opens_paragraph(doc, q):
        return None
    colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    sent = token_sentence(doc, colon.start)
    left = [i for i in range(sent.start, colon.start) if not in_quote[i]]
    att = left_frame(doc, left, speakers, verbs)
    return att or None


def _previous_sentence(doc: Doc, q: Quote, in_quote, speakers, verbs) -> Attribution | None:
    """Rule 5: a speaker with a reporting verb in the sentence before the quote."""
    start = doc.char_span(q.open_mark, q.open_mark + 1, alignment_mode="expand").start
    sent = token_sentence(doc, start)
    prev = _sentence_before(doc, sent)  # may close the previous paragraph: still the speaker
    if prev is None:
        return None
    left = [i for i in range(prev.start, prev.end) if not in_quote[i]]
    att = left_frame(doc, left, speakers, verbs)
    return att or None


def _named_after(doc: Doc, q: Quote, in_quote, speakers: Speakers) -> Attribution | None:
    """Rule 7: '"..." Those were the words of X': a quote that is a sentence of its own, then a
    sentence of its paragraph opening with a word that points back to it ("that", "those",
    "so") and naming a person (else an actor) outside quotes: that one is the speaker."""
    if q.close_mark is None:
        return None
    end = doc.char_span(q.close_mark, q.close_mark + 1, alignment_mode="expand").end
    words = token_words(doc)
    while end < len(doc) and (words[end].isspace() and "\n" not in words[end] or words[end] in ".!?"):
        end += 1
    if end >= len(doc) or not doc[end].is_sent_start or words[end].lower() not in _back_references():
        return None
    sent = doc[end].sent
    verbs, told = reporting_verbs(), addressee_verbs()
    # "That is what residents told X": the one spoken to is no speaker
    cut = next((i for i in range(sent.start, sent.end) if verbs.get(words[i].lower()) in told), sent.end)
    named = [sp for sp in speakers.spans if sent.start <= sp.start < cut and not in_quote[sp.start]]
    people = [sp for sp in named if sp.label_ == "Person"] or named
    return Attribution(people[0].kb_id_, None, "named-after") if people else None


@lru_cache(maxsize=1)
def _back_references() -> frozenset[str]:
    return frozenset(read_yaml("reporting_verbs.yaml").get("back_references", []))


def attribute_all(doc: Doc) -> list[Found]:
    """Attribute every quotation of the Doc (rules 1-5 of the module docstring)."""
    in_quote = quoted_token_mask(doc)
    speakers, verbs = Speakers(doc, in_quote), reporting_verbs()
    found: list[Found] = []
    for q in doc_quotes(doc):
        para = doc_paragraphs(doc).index(q.open_mark)
        mark = doc.char_span(q.open_mark, q.open_mark + 1, alignment_mode="expand")
        if is_headline(token_sentence(doc, mark.start)):  # ``mark.sent``: its first token's
            continue  # a headline quoting someone is not where the statement is made
        prev = found[-1] if found else None
        att = attribute(doc, q, in_quote, speakers, verbs)
        group = len(found)
        if att is False:  # a question: not a statement, and it ends any run of one speaker
            found.append(Found(q, None, group, para))
            continue
        if att is None:
            att = _colon_intro(doc, q, in_quote, speakers, verbs)
        opens = _opens_sentence(doc, q) or _bare_colon(doc, q, in_quote, speakers, verbs)
        if att is None and opens:
            att = _named_after(doc, q, in_quote, speakers)
        if att is None and opens and prev is not None and prev.att is not None and (
            prev.paragraph == para or (_opens_paragraph(doc, q) and prev.paragraph == para - 1)
        ):
            att = Attribution(prev.att.speaker, None, "continuation")
        # '"A," said a senior official who asked not to be named. "B."': B goes on from a quote
        # whose speaker is unnamed, so the previous sentence's other people did not say it
        unnamed_before = prev is not None and prev.att is None and prev.paragraph == para \
            and prev.quote.close_mark is not None
        if att is None and opens and not unnamed_before:
            att = _previous_sentence(doc, q, in_quote, speakers, verbs)
        if att is not None and prev is not None and prev.att is not None and prev.att.speaker == att.speaker \
                and (prev.paragraph == para or att.rule == "continuation"):
            group = prev.group  # one speaker going on: a split quote or a continuing paragraph
        found.append(Found(q, att, group, para))
    _carry_back(doc, found)
    return found


def _carry_back(doc: Doc, found: list[Found]) -> None:
    """Rule 6: a quote left open at the end of its paragraph, with no speaker, goes on in the
    next paragraph: it is the speaker of the quote that goes on ('"A.\n\n"B," she said.')."""
    for f, nxt in zip(found, found[1:]):
        if f.att is None and f.quote.close_mark is None and nxt.att is not None \
                and nxt.paragraph == f.paragraph + 1 and _opens_paragraph(doc, nxt.quote):
            f.att, f.group = Attribution(nxt.att.speaker, None, "continued"), nxt.group


def _bare_colon(doc: Doc, q: Quote, in_quote, speakers: Speakers, verbs) -> bool:
    """'Then, after a pause: "..."', 'Her verdict: "..."': a colon introduction naming nobody and
    with no reporting verb goes on like a quote opening its sentence."""
    left = frames(doc, q, in_quote).left
    words = token_words(doc)
    if not left or words[left[-1]] != ":" or len(left) > BARE_COLON_WORDS:
        return False
    return not any(i in speakers.at or words[i].lower() in verbs for i in left)


def _opens_sentence(doc: Doc, q: Quote) -> bool:
    """Does the quote open its sentence (rather than sit inside narrative)?"""
    tok = doc.char_span(q.open_mark, q.open_mark + 1, alignment_mode="expand")[0]
    texts = token_words(doc)  # a space token's text is all white space (``is_space``)
    return tok.is_sent_start or all(texts[k].isspace() for k in range(tok.sent.start, tok.i))


def _evidence(doc: Doc, start: int, end: int) -> Evidence:
    """The quoted words and the sentence(s) holding them (a quote may span sentences)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    bounds = sentence_bounds(doc)  # ``.sent`` of the first and last token, without the Spans
    if bounds is None:
        first, last = doc[span.start].sent, doc[span.end - 1].sent
        first_char, last_char = first.start_char, last.end_char
    else:
        offsets, stop = char_offsets(doc), bounds[1][span.end - 1] - 1
        first_char, last_char = offsets[bounds[0][span.start]], offsets[stop] + len(token_words(doc)[stop])
    text = doc_text(doc)[first_char:last_char].rstrip()
    return Evidence(start, end, text, first_char)


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,")


def _strip_nested(doc: Doc, q: Quote) -> str:
    """The quote's text with nested quotations of MIN_WORDS or more blanked (rule 0)."""
    full = doc_text(doc)
    text = full[q.start:q.end]
    for n in q.nested:
        if _n_words(full[n.start:n.end]) >= MIN_WORDS:
            text = text[:n.start - q.start] + " " * (n.end - n.start) + text[n.end - q.start:]
    return text


def _kind(doc: Doc, q: Quote) -> str:
    """direct: a quote that opens with a capital after a sentence start, comma or colon."""
    text = doc_text(doc)
    before = text[max(0, q.open_mark - 80):q.open_mark].rstrip()
    opener = not before or before[-1] in ".,:!?\n" or _opens_paragraph(doc, q)
    return "direct" if opener and text[q.start:q.start + 1].isupper() else "partial"


def _nested_statements(doc: Doc, q: Quote, outer: Statement, before: list) -> Iterator[Statement]:
    """Nested quotes of MIN_WORDS or more whose speaker the outer quote names."""
    verbs = reporting_verbs()
    for n in q.nested:
        text = _clean(doc_text(doc)[n.start:n.end])
        if _n_words(text) < MIN_WORDS:
            continue
        speaker = _inner_speaker(doc, q, n, outer, before, verbs)
        if speaker is None:
            continue
        yield Statement(speaker, text, "direct", st.stance(text), Evidence(
            n.start, n.end, outer.evidence.sentence, outer.evidence.sentence_start),
            None, tuple(actors_in(doc, n.start, n.end)), outer.text)


def _inner_speaker(doc: Doc, q: Quote, n: Quote, outer: Statement, before: list, verbs):
    """The subject of the last reporting verb before a nested quote, inside the outer quote:
    a name, "I"/"we" (the outer speaker) or "he"/"she" (the most salient other person)."""
    span = doc.char_span(q.start, n.open_mark, alignment_mode="contract")
    if span is None:
        return None
    verb_at = [t.i for t in span if t.lower_ in verbs]
    if not verb_at:
        return None
    for tok in reversed(span[: verb_at[-1] - span.start]):
        if tok.lower_ in FIRST_PERSON:
            return outer.speaker
        named = [sp for sp in doc.spans.get("kg_actors", []) if sp.start <= tok.i < sp.end]
        if named:
            return doc_actors(doc).get(named[0].kb_id_)
        if tok.lower_ in {"he", "she"}:
            return _salient_other(doc, tok.lower_, outer.speaker.key, before)
    return None


def _salient_other(doc: Doc, pronoun: str, speaker: str, before: list):
    """First compatible person of the closest earlier sentence, other than the speaker."""
    gender = "male" if pronoun == "he" else "female"
    genders = {**doc.user_data.get("kg.genders", {}), **gazetteer().genders}
    ok = [sp for sp in before if sp.label_ == "Person" and sp.kb_id_ != speaker
          and genders.get(sp.kb_id_) in (None, gender)]
    if not ok:
        return None
    last_sent = ok[-1].sent.start
    first = next(sp for sp in ok if sp.sent.start == last_sent)
    return doc_actors(doc).get(first.kb_id_)


def _sentence_before(doc: Doc, sent: Span) -> Span | None:
    """The closest earlier sentence that is not blank (furniture leaves blank lines)."""
    text = doc_text(doc)
    while sent.start > 0:
        sent = token_sentence(doc, sent.start - 1)
        if text[sent.start_char:sent.end_char].strip():
            return sent
    return None


def _context(doc: Doc, q: Quote, speaker: str) -> tuple[str, str]:
    """Speaker context for stance rule 8: the frame sentence outside quotes (with the sentence
    before it when that one names the speaker: "X rejected the threat. '...,' X said."), and
    the sentence before the quote's sentence."""
    in_quote = quoted_token_mask(doc)
    fr = frames(doc, q, in_quote)
    # the quote stays in place: "a motion rejecting 'any foreign military presence'"
    quoted = _strip_nested(doc, q)
    texts = token_words(doc)
    frame = " ".join([*(texts[i] for i in fr.left), f'"{quoted}"', *(texts[i] for i in fr.right)])
    start = doc.char_span(q.open_mark, q.open_mark + 1, alignment_mode="expand").start
    prev = _sentence_before(doc, token_sentence(doc, start))
    if prev is None:
        return frame, ""
    outside = " ".join(texts[i] for i in range(prev.start, prev.end) if not in_quote[i])
    if _names(doc, prev, speaker):
        frame = outside + " . " + frame
    return frame, doc_text(doc)[prev.start_char : prev.end_char]


def _names(doc: Doc, sent: Span, key: str) -> bool:
    """Is the actor ``key`` named, or referred to, in the sentence outside quotes?"""
    in_quote = quoted_token_mask(doc)
    return any(sp.kb_id_ == key and sent.start <= sp.start < sent.end and not in_quote[sp.start]
               for g in ("kg_actors", "kg_coref") for sp in span_rows(doc, g))


def _own_cues(doc: Doc, found: list[Found]) -> dict[int, str | None]:
    """Stance rules 1-6 on each quote; a bare force term (rule 6) is no cue from a speaker who
    is against intervention in another quote of the article (speaker context, weak)."""
    rules = {id(f): st.cue_rule(_strip_nested(doc, f.quote)) for f in found}
    against = {f.att.speaker for f in found if rules[id(f)][0] == st.AGAINST}
    return {id(f): None if rules[id(f)][1] == st.BARE_FORCE and f.att.speaker in against
            else rules[id(f)][0] for f in found}


def extract_statements(doc: Doc) -> Iterator[Statement]:
    """Statements of a Doc in text order (see the module docstring)."""
    turns = doc_turns(doc)
    # a turn holds its quotes, unless one is someone else's words, reported in its own
    # sentence ("He said, and I quote, '...'" in a reporter's question)
    found = [s for s in _quote_statements(doc) if all(
        not t.start <= s.evidence.start < t.end or (s.verb and s.speaker.key != t.speaker.key) for t in turns)]
    found += [_turn_statement(doc, t) for t in turns
              if _n_words(doc_text(doc)[t.start:t.end]) >= MIN_WORDS - 1]
    yield from sorted(found, key=lambda s: (s.evidence.start, s.embedded_in is not None))


def _turn_statement(doc: Doc, turn) -> Statement:
    """A transcript turn ("MORAN: ...") as a direct statement of its speaker."""
    text = _clean(doc_text(doc)[turn.start:turn.end])
    return Statement(turn.speaker, text, "direct", st.stance(text), _evidence(doc, turn.start, turn.end),
                     None, tuple(actors_in(doc, turn.start, turn.end)))


def _quote_statements(doc: Doc) -> Iterator[Statement]:
    """Statements from quotation marks."""
    actors = doc_actors(doc)
    found = [f for f in attribute_all(doc) if f.att is not None and f.att.speaker in actors]
    own = _own_cues(doc, found)
    group_cue: dict[int, str] = {}
    for f in found:  # stance rule 7: a group takes the stance of its first member with a cue
        if own[id(f)] and f.group not in group_cue:
            group_cue[f.group] = own[id(f)]
    for f in found:  # ... else the context stance of its first member (a split quote's frame)
        if f.group not in group_cue:
            frame, prev = _context(doc, f.quote, f.att.speaker)
            group_cue[f.group] = st.from_context(_strip_nested(doc, f.quote), frame, prev)
    seen: set[tuple[str, str]] = set()
    for f in found:
        text = _clean(f.quote.text(doc_text(doc)))
        speaker = actors[f.att.speaker]
        kind = _kind(doc, f.quote)
        short = _n_words(text) < (MIN_WORDS - 1 if kind == "direct" else MIN_WORDS)
        if short or _title_case(text) or (speaker.key, text.lower()) in seen:
            continue
        seen.add((speaker.key, text.lower()))
        stance = own[id(f)] or group_cue[f.group]
        outer = Statement(speaker, text, kind, stance,
                          _evidence(doc, f.quote.start, f.quote.end), f.att.verb,
                          tuple(actors_in(doc, f.quote.start, f.quote.end)))
        yield outer
        if not f.quote.nested:
            continue  # no nested quote: no inner speaker to look for
        before = [sp for g in ("kg_actors", "kg_coref") for sp in doc.spans.get(g, [])
                  if sp.end_char <= f.quote.open_mark]
        yield from _nested_statements(doc, f.quote, outer, sorted(before, key=lambda s: s.start))
