"""Who said a quotation: reporting-verb frames around a quote, read on tokens.

The *right frame* of a quote is the text after its closing mark up to the end of the sentence
(outside quotation marks) or the next quote; the *left frame* runs from the start of the
sentence holding the opening mark to that mark, skipping other quotations. Rules, in order:

1. Question frame: the last reporting verb before the quote is "asked" followed by "if",
   "whether", "about" or "by" — the quote is the question, whose asker is rarely named:
   the quote gets no speaker unless "by" names an actor.
2. Right frame, speaker first: '"...," Sheinbaum said' / '"...," the U.S. president stated'.
3. Right frame, verb first: '"...," said Ana Torres' / '"...," according to the ministry' (or to
   "a statement from the ministry");
   only a title between the verb and a person ('said ISPR spokesman Maj. Gen. X'): the person.
4. Left frame, finite verb: 'Sheinbaum said that Trump "insisted..."' — the speaker is the
   nearest person (else actor) before the verb, not an actor between the verb and the quote;
   for a passive verb ('the strikes were described by X as "..."') the agent after "by".
5. Left frame, participle after a comma (", saying", ", stating:", ", noting,"): the speaker
   is the subject of the sentence, its first person (else actor) mention that owns nothing
   ("His spokesman, X, ..., saying": X, not "his").
6. Left frame ending with a colon and no reporting verb ('Hegseth: "..."', 'X opened the
   briefing: "..."'): the first person (else actor) mention of the frame.
7. Left frame with "according to X" and no reporting verb: X.

Speakers are actor mentions outside quotation marks: names (``kg_actors``), pronouns and
descriptions resolved by coreference (``kg_coref``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kg.nlp.lexicons import reporting_verbs, titles
from kg.nlp.paragraphs import doc_paragraphs, is_break
from kg.nlp.quotes import Quote, token_lowers, token_words, word_positions
from kg.nlp.tables import sentence_start, sentence_start_flags, token_sentence

GAP = 3  # words allowed between a speaker and its verb ("Mr. X also said", "X later added")
DESCRIPTION = 15  # words a description may take before the name in '"...," said the ..., X'
AUXILIARIES = frozenset({"has", "have", "had", "was", "is", "also", "later", "then", "again", "once"})
QUESTION_WORDS = frozenset({"if", "whether", "about", "by"})
BOUNDARY = frozenset({".", "!", "?", ";"})


@dataclass(frozen=True)
class Attribution:
    speaker: str  # actor key
    verb: str | None  # lemma
    rule: str  # which rule fired (for tests and debugging)


@dataclass(frozen=True)
class Frames:
    left: list[int]  # token indices, in order
    right: list[int]


class Speakers:
    """Actor mentions outside quotations, by token."""

    def __init__(self, doc: Doc, in_quote: list[bool]):
        spans = [sp for g in ("kg_actors", "kg_coref") for sp in doc.spans.get(g, [])]
        spans = [sp for sp in spans if not in_quote[sp.start]]
        spans += body_pronouns(doc, spans, in_quote)
        self.spans = sorted(spans, key=lambda s: s.start)
        self.at: dict[int, Span] = {}
        for sp in self.spans:
            for i in range(sp.start, sp.end):
                self.at.setdefault(i, sp)

    def before(self, i: int, lo: int) -> list[Span]:
        """Mentions ending at or before token i and starting at or after token lo."""
        return [sp for sp in self.spans if lo <= sp.start and sp.end <= i]


IT_LOOKBACK = 2  # sentences back "it said" may find the body it stands for
IT_FORMS = frozenset({"it"})


def body_pronouns(doc: Doc, spans: list[Span], in_quote: list[bool]) -> list[Span]:
    """'The ministry denied it. In a statement, it said "..."': "it" right before a reporting
    verb (an adverb may come between) is the body, state or group that is the subject of its
    own or a recent sentence: the first one named there that is not a possessive modifier
    ("Peru's Interior Ministry": the ministry, not Peru). People never are "it"."""
    verbs, low, out = reporting_verbs(), token_lowers(doc), []
    positions = word_positions(doc)
    bodies = None
    for i in sorted(j for form in IT_FORMS for cased in (form, form.title()) for j in positions.get(cased, ())):
        nxt = low[i + 1:i + 3]
        # "it said", "it later said"
        if in_quote[i] or not nxt or not (nxt[0] in verbs or (len(nxt) > 1 and nxt[0].endswith("ly") and nxt[1] in verbs)):
            continue
        if bodies is None:
            bodies = [sp for sp in spans if sp.label_ != "Person"
                      and not (sp.end < len(doc) and doc[sp.end].text in ("'s", "’s"))]
        body = _body_before(doc, i, bodies)
        if body is not None:
            out.append(Span(doc, i, i + 1, label=body.label_, kb_id=body.kb_id_))
    return out


def _body_before(doc: Doc, i: int, bodies: list[Span]) -> Span | None:
    """The first body of the sentence holding token i (before it), else of the closest of the
    IT_LOOKBACK sentences before that names one."""
    sent = token_sentence(doc, i)
    for _ in range(IT_LOOKBACK + 1):
        found = [sp for sp in bodies if sent.start <= sp.start and sp.end <= min(i, sent.end)]
        if found:
            return found[0]
        if sent.start == 0:
            return None
        sent = token_sentence(doc, sent.start - 1)
    return None


def _quote_tokens(doc: Doc, q: Quote) -> tuple[int, int]:
    """Token range from the opening mark to the closing mark (inclusive) of a quote."""
    last = q.close_mark + 1 if q.close_mark is not None else q.end
    span = doc.char_span(q.open_mark, last, alignment_mode="expand")
    return span.start, span.end


def frames(doc: Doc, q: Quote, in_quote: list[bool]) -> Frames:
    start, end = _quote_tokens(doc, q)
    sent_start = sentence_start(doc, start)
    wrapped = doc_paragraphs(doc).wrapped
    words, starts = token_words(doc), sentence_start_flags(doc)
    left = [i for i in range(sent_start, start) if not in_quote[i] and not words[i].isspace()]
    right = []
    for i in range(end, len(doc)):
        text = words[i]
        if i == end and starts[i]:
            break  # the quote closed its sentence: what follows is another sentence
        space = text.isspace()
        if space and not is_break(text, wrapped):
            continue
        if in_quote[i] or space or text in BOUNDARY or (starts[i] and i > end):
            break
        right.append(i)
    return Frames(left, right)


NOUN_MARKERS = frozenset({"a", "an", "the", "this", "that", "his", "her", "their", "its", "our",
                          "my", "your", "no", "any", "every"})


def _verb(doc: Doc, i: int, verbs: dict[str, str]) -> str | None:
    """The lemma of a reporting verb at token i; None for a noun use ("a warning", "her remarks")."""
    low = token_lowers(doc)
    if i > 0 and low[i - 1] in NOUN_MARKERS:
        return None
    return verbs.get(low[i])


def _by_person(spans: list[Span]) -> Span | None:
    people = [sp for sp in spans if sp.label_ == "Person"]
    return people[0] if people else (spans[0] if spans else None)


POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its"})
POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})


def _not_possessors(doc: Doc, spans: list[Span]) -> list[Span]:
    """A possessor is not the subject ("His spokesman, X, ..., saying": X, not "his";
    "Mexico's envoy, X, ..., saying": X): mentions that own the next noun are dropped, unless
    no other mention is left."""
    low = token_lowers(doc)
    kept = [sp for sp in spans if not (sp.end - sp.start == 1 and low[sp.start] in POSSESSIVE_PRONOUNS)
            and not (sp.end < len(doc) and low[sp.end] in POSSESSIVE_MARKS)]
    return kept or spans


TITLE_JOINERS = frozenset({"the", "'s", "’s", "-", "of", "for", "in"})  # "Special Agent in Charge X"


def _titled(doc: Doc, lo: int, start: int, speakers: Speakers) -> bool:
    """'said ISPR spokesman Maj. Gen. X': only a title (a body named in it, ranks, "the") stands
    between the verb and the person, so the person, not the body, speaks."""
    t, low = titles(), token_lowers(doc)
    aside = _bracketed(doc, lo, start)  # "said Col. (ret.) X": a bracketed status is part of a title
    return lo < start and all(i in speakers.at or low[i] in t.heads or low[i] in t.modifiers
                              or low[i] in TITLE_JOINERS or doc[i].text[:1].isupper() or i in aside
                              for i in range(lo, start))


BRACKET_WORDS = 3  # "(ret.)", "(R-Texas)": a short bracketed status, not an aside


def _bracketed(doc: Doc, lo: int, hi: int) -> set[int]:
    """Token indices in [lo, hi) of short bracketed parts, brackets included."""
    out: set[int] = set()
    opened = None
    for i in range(lo, hi):
        if doc[i].text == "(":
            opened = i
        elif doc[i].text == ")" and opened is not None and i - opened <= BRACKET_WORDS + 1:
            out.update(range(opened, i + 1))
            opened = None
    return out


def right_frame(doc: Doc, right: list[int], speakers: Speakers, verbs: dict[str, str]) -> Attribution | None:
    toks = [i for i in right if doc[i].text not in {",", "—", "–", "-"}]
    if not toks:
        return None
    first = toks[0]
    lemma = _verb(doc, first, verbs)
    if lemma and doc[first].lower_.endswith("ing"):
        return None  # '"...," adding that X': the participle goes on with the left frame's speaker
    if lemma:  # rule 3: '"...," said X' (the verb right after the quote), a person first
        near = [speakers.at[j] for j in toks[1:2 + GAP] if j in speakers.at]
        far = [speakers.at[j] for j in toks[1:1 + DESCRIPTION] if j in speakers.at]
        # "said Colombian President X": X, not Colombia; "said the minister of ..., X": X;
        # "said a spokesperson for the ministry, X": X, not the ministry
        named = [s for s in far if s.label_ == "Person" and s.start > 0 and doc[s.start - 1].text == ","]
        named += [s for s in far if s.label_ == "Person" and _titled(doc, toks[1], s.start, speakers)]
        people = [s for s in near if s.label_ == "Person"] or named
        sp = people[0] if people else (_by_person(near) if near else None)
        return Attribution(sp.kb_id_, lemma, "verb-speaker") if sp else None
    if doc[first].lower_ == "according" and len(toks) > 2 and doc[toks[1]].lower_ == "to":
        at = _according_source(doc, toks[2:], speakers)
        return Attribution(speakers.at[at].kb_id_, "say", "according-to") if at is not None else None
    verb_at = next((n for n, i in enumerate(toks[:GAP + 10]) if _verb(doc, i, verbs)), None)
    if verb_at is None:
        return None
    # rule 2: '"...," X said' — the first mention right before the verb, or before an aside
    # ("U.S. Defense Secretary X said", "X, speaking in Lima, said"), a person first
    # ("the Foreign Ministry spokesman, X, said": X, not the ministry)
    close = []
    for sp in dict.fromkeys(speakers.at[i] for i in toks[:verb_at] if i in speakers.at):
        between = [i for i in toks[:verb_at] if i >= sp.end]
        raw = [i for i in right if sp.end <= i < toks[verb_at]]
        aside = len(raw) > 2 and doc[raw[0]].text == "," and doc[raw[-1]].text == ","
        described = sp.label_ != "Person" and not aside and _modifies_role(doc, between, speakers)
        if (len(between) <= GAP or aside) and not described:
            close.append(sp)
    sp = _by_person(close)
    return Attribution(sp.kb_id_, _verb(doc, toks[verb_at], verbs), "speaker-verb") if sp else None


VOICES = frozenset({"spokesperson", "spokesman", "spokeswoman"})  # they speak for the body


def _modifies_role(doc: Doc, between: list[int], speakers: Speakers) -> bool:
    """'"...," a retired Mexican army general told me': a body or state right before an
    unnamed person's role noun only describes the speaker (a spokesperson speaks for it)."""
    heads = titles().heads
    return any(doc[i].is_lower and doc[i].lower_ in heads and doc[i].lower_ not in VOICES
               and i not in speakers.at for i in between)


def _before_aside(doc: Doc, left: list[int], v: int, before: list[Span]) -> Span | None:
    """"X, who sat beside Y at the hearing, said": the mention right before a comma-delimited
    aside that ends at the verb is the subject; people inside the aside are not."""
    k = v - 1
    while k > 0 and v - k <= GAP and (doc[k].lower_ in AUXILIARIES or doc[k].lower_.endswith("ly")):
        k -= 1  # "X, a rival, has accused", "X, a rival, also said"
    if k <= 0 or doc[k].text != ",":
        return None
    comma = next((i for i in reversed(left) if i < k and doc[i].text == ","), None)
    if comma is None:
        return None
    t, low, j = titles(), token_lowers(doc), comma + 1
    while j < k and (low[j] in t.heads or low[j] in t.modifiers):
        j += 1  # "A spokesman for X, Col. Ana Ortiz, said": ranks before the name
    if any(sp.start == j for sp in before):
        return None  # "A spokesman for X, Brian Castellano, said": the aside is the name
    return next((sp for sp in reversed(before) if sp.end == comma), None)


def _according_source(doc: Doc, after: list[int], speakers: Speakers) -> int | None:
    """The speaker "according to" names: the first one within a few lower-case words ("the
    ministry", "two U.S. officials", "a statement from X", "a report issued by X")."""
    for i in after[:6]:
        if i in speakers.at:
            return i
        if not (doc[i].is_lower or doc[i].like_num):
            return None  # a name that is no speaker, or punctuation: no source
    return None


def left_frame(doc: Doc, left: list[int], speakers: Speakers,
               verbs: dict[str, str]) -> Attribution | None | bool:
    """Rules 1 and 4-7; ``False`` when the quote is a question (rule 1)."""
    verb_at = [i for i in left if _verb(doc, i, verbs)]
    if not verb_at:
        for n, i in enumerate(left[:-2]):  # rule 7: 'According to X, the boat carried "..."'
            if doc[i].lower_ == "according" and doc[left[n + 1]].lower_ == "to":
                at = _according_source(doc, left[n + 2:], speakers)
                if at is not None:
                    return Attribution(speakers.at[at].kb_id_, "say", "according-to")
        if left and doc[left[-1]].text == ":":  # rule 6: a colon introduction without a verb
            sp = _by_person(speakers.before(left[-1], left[0]))
            return Attribution(sp.kb_id_, None, "colon") if sp else None
        return None
    v = verb_at[-1]
    lemma = _verb(doc, v, verbs)
    after = [i for i in left if i > v]
    if lemma == "ask" and any(doc[i].lower_ in QUESTION_WORDS for i in after[:2]):
        by = after[1:3] if doc[after[0]].lower_ == "by" else []  # "asked by Senator X if"
        agent = [speakers.at[i] for i in by if i in speakers.at and doc[i].is_title]
        return Attribution(agent[0].kb_id_, lemma, "question") if agent else False
    if after and doc[after[0]].lower_ == "by":  # passive: 'as described by X, "..."'
        agent = [speakers.at[i] for i in after[1:4] if i in speakers.at]
        if agent:
            return Attribution(agent[0].kb_id_, lemma, "passive")
    lo = left[0]
    participle = doc[v].lower_.endswith("ing") and v > 0 and doc[v - 1].text in {",", "—", "–"}
    if participle:  # rule 5
        sp = _by_person(_not_possessors(doc, speakers.before(v, lo)))
        return Attribution(sp.kb_id_, lemma, "participle") if sp else None
    before = speakers.before(v, lo)  # rule 4: nearest person before the verb
    people = [sp for sp in before if sp.label_ == "Person"]
    sp = _before_aside(doc, left, v, before) or _subject_of(doc, v, before) \
        or (people[-1] if people else (before[-1] if before else None))
    return Attribution(sp.kb_id_, lemma, "left-verb") if sp else None


NOT_SUBJECT_AFTER = frozenset({"of", "from", "in", "at", "for", "with", "to", "by", "and", "or", "against"})


def _subject_of(doc: Doc, v: int, before: list[Span]) -> Span | None:
    """'in an operation that X's ministry described as "..."': a body right before the verb
    (auxiliaries and adverbs aside) is its subject, even with a person named earlier; not a
    body that completes another phrase ("X of Venezuela said") or owns a noun."""
    k = v
    while k > 0 and v - k < GAP and (doc[k - 1].lower_ in AUXILIARIES or doc[k - 1].lower_.endswith("ly")):
        k -= 1
    sp = next((sp for sp in before if sp.end == k), None)
    if sp is None or sp.label_ == "Person" or sp.start == 0:
        return None
    j = sp.start - 1
    j -= 1 if j > 0 and doc[j].lower_ in {"the", "a", "an"} else 0  # "X of the Ghana Armed Forces said"
    return None if doc[j].lower_ in NOT_SUBJECT_AFTER else sp


def attribute(doc: Doc, q: Quote, in_quote: list[bool], speakers: Speakers,
              verbs: dict[str, str]) -> Attribution | None | bool:
    """The attribution of a quote from its own sentence; ``False`` for a question frame."""
    fr = frames(doc, q, in_quote)
    left = left_frame(doc, fr.left, speakers, verbs)
    if left is False or (left is not None and left.rule == "question"):
        return left
    return right_frame(doc, fr.right, speakers, verbs) or left
