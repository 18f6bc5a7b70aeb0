"""Designations: a government labelling a group (terrorist organization, enemy combatants).

A category phrase (``kg/lexicons/designations.yaml``) is a designation only inside a frame:
1. "<labelling word> X as <category>"  ("classified cartels as terrorist organizations",
   "the designation of cartels as ...", "treating cartels as armed terrorist organizations");
2. "<asserting word> (that) X are <category>"  ("asserting that cartels are enemy combatants");
3. "<category> designation of/for X"  ("the FTO designation of the cartel");
4. "<direct labelling word> X (a) <category>"  ("designated the cartel a terrorist group");
5. the designee before the labelling word: a passive ("the Houthis were designated a terrorist
   group by X") or a relative clause ("Hezbollah, which Washington designates a ...");
6. "<listing verb> X to <list> of <category>"  ("added the gang to its list of terrorist
   organizations", "adds gang to terror list");
7. a copula in an official's quote or transcript turn ("The crews were enemy combatants," a
   Pentagon spokesman said): the speaker's state labels the short subject; a legislator's
   assertion labels nobody.
A list of examples ("eight groups, among them X and Y, as ...") designates each named group;
a passive's by-phrase after the category ("X was designated an FTO by Y") or a reduced
relative ("X, designated a terrorist group by Y,") names the designator; the designee never
designates itself.
Every capitalised conjunct of a designee is designated, known or not ("Viv Ansanm and Gran
Grif"); an indefinite apposition ("X, a JNIM faction, as ...") only describes it.
The designator is the agent of the labelling word (:mod:`kg.extract._agents`), resolved to the
state; without designator or designee ("this classification") nothing is emitted.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

from kg.extract._agents import by_phrase, find_agent, subject
from kg.extract._context import (
    Ref,
    actor_refs,
    agent_actor,
    clause_start,
    inside,
    phrase_text,
    quote_regions,
    read_np,
    sentences,
    turn_person,
    turn_speaker,
    words,
)
from kg.extract._lexicon import build_matcher, load_lexicon, longest_matches, norm, word_set
from kg.extract.dates import find_date
from kg.nlp.lexicons import gazetteer
from kg.records import Actor, Designation, Evidence

LEX = "designations.yaml"
_QUOTES = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "``", "''"})
_DESIGNEE_TYPES = ("CriminalOrganization", "Organization")


def _lex(key: str) -> frozenset[str]:
    return word_set(LEX, key)


def _skip_left(doc: Doc, j: int, floor: int) -> int:
    """Step left over quote marks and articles."""
    while j >= floor and (doc[j].text in _QUOTES or norm(doc[j]) in {"a", "an"}):
        j -= 1
    return j


def _find_left(doc: Doc, sent: Span, j: int, vocab: frozenset[str]) -> int | None:
    """The nearest token left of ``j`` in ``vocab``, within the window and the clause."""
    stop = words("opaque_boundaries") | {"as"}
    floor = max(sent.start, j - int(load_lexicon(LEX)["window"]))
    for k in range(j, floor - 1, -1):
        if norm(doc[k]) in vocab:
            return k
        if norm(doc[k]) in stop and not (k > 0 and norm(doc[k - 1]) in _lex("naming_participles")):
            return None  # (but "the group, known as X, as ...": a name, no frame)
    return None


Frame = tuple[int, int, int, int, int]  # labelling word start, end, designee start, end, floor


def _left_designee(doc: Doc, refs: list[Ref], sent: Span, k: int) -> Frame | None:
    """A designee named before the labelling word at ``k``: the subject of a passive ("the
    Houthis ... were designated a terrorist group by X") or the head of a relative clause
    ("Hezbollah, which Washington designates a terrorist organization")."""
    j = k - 1
    while j > sent.start and norm(doc[j]) in _lex("passive_aux"):
        j -= 1
    orgs = [r for r in refs if sent.start <= r.start and r.end <= k and r.actor.type in _DESIGNEE_TYPES]
    if j < k - 1 and norm(doc[k - 1]) in _lex("passive_aux") and orgs:
        return (k, k + 1, orgs[0].start, orgs[0].end, sent.start)  # passive: the subject
    named = next((r for r in orgs if r.end == k - 1), None)
    if named is not None and doc[k - 1].text == "," and norm(doc[k]).endswith("ed"):
        return (k, k + 1, named.start, named.end, k + 1)  # "X, designated a ... by Y,": X
    owner = next((r for r in orgs if r.end == k - 1), None)
    if owner is not None and norm(doc[k - 1]) in {"'s", "'"} and norm(doc[k]) in _lex("labelling_nouns"):
        return (k, k + 1, owner.start, owner.end, k + 1)  # "Tren de Aragua's designation as"
    rel = next((i for i in range(k - 1, max(sent.start, k - 8), -1)
                if norm(doc[i]) in _lex("relatives")), None)
    if rel is None:
        return None
    head = rel - 1 if doc[rel - 1].text == "," else rel
    ref = next((r for r in refs if r.end == head or (r.end < head and norm(doc[r.end]) in _lex("group_nouns")
                                                      and r.end + 1 == head)), None)
    if ref is None:
        return None
    s = ref.start
    demonyms = load_lexicon("demonyms.yaml")
    while (s - 1 >= sent.start and doc[s - 1].text[:1].isupper() and doc[s - 1].is_alpha
           and norm(doc[s - 1]) not in words("determiners") and doc[s - 1].text not in demonyms):
        s -= 1  # "Kataib Hezbollah, which ...": the whole capitalised name (not "The", "Lebanese")
    return (k, k + 1, s, head, rel + 1)


def _list_frame(doc: Doc, sent: Span, span: Span, j: int) -> Frame | None:
    """"added the gang to its list of terrorist organizations", "adds gang to terror list"."""
    if span[-1].norm_.lower() not in _lex("list_nouns"):
        if j - 1 < sent.start or norm(doc[j]) != "of" or norm(doc[j - 1]) not in _lex("list_nouns"):
            return None
        j -= 2
    dets = words("determiners") | {"its", "their", "his", "her", "the", "a"}
    while j >= sent.start and norm(doc[j]) in dets:
        j -= 1
    if j < sent.start or norm(doc[j]) not in {"to", "on", "onto"}:
        return None
    k = _find_left(doc, sent, j - 1, _lex("listing_verbs"))
    return (k, k + 1, k + 1, j, sent.start) if k is not None and k + 1 < j else None


def _subject_start(doc: Doc, lo: int, j: int) -> int | None:
    """Start of the short subject right before the copula at ``j`` ("..., and the cartels
    are"), not past punctuation or a conjunction; None when it runs longer than a phrase."""
    stops = {"and", "or", "but"} | words("opaque_boundaries") | words("transparent_boundaries")
    k = j
    while k > lo and not doc[k - 1].is_punct and norm(doc[k - 1]) not in stops:
        k -= 1
    if k > lo and norm(doc[k - 1]) in _lex("relatives"):
        return None  # "those who attack us are terrorists": a relative clause, no group named
    return k if 0 < j - k <= 6 else None


def _object_after(doc: Doc, sent: Span, k: int, span: Span) -> Frame | None:
    """"designated as FTOs several cartels, including X": the object after the category, to
    the end of the clause."""
    i = span.end
    if i >= sent.end or doc[i].is_punct or norm(doc[i]) in words("prepositions") | _lex("copulas"):
        return None
    end = next((m for m in range(i, min(sent.end, i + 14))
                if doc[m].text in {".", ";"} or norm(doc[m]) in words("opaque_boundaries")),
               min(sent.end, i + 14))
    return (k, k + 1, i, end, sent.start)


def _frame(doc: Doc, refs: list[Ref], sent: Span, span: Span) -> Frame | None:
    """(labelling word start, end, designee start, end, designator floor) of the frame around
    a category."""
    j = _skip_left(doc, span.start - 1, sent.start)
    if (listed := _list_frame(doc, sent, span, j)) is not None:
        return listed
    if j >= sent.start and norm(doc[j]) == "as":  # frame 1: "... X as <category>"
        k = _find_left(doc, sent, j - 1, _lex("labelling_words"))
        if k is None:
            return None
        if k + 1 == j:  # "were designated as ...": the designee stands before, or after
            return _left_designee(doc, refs, sent, k) or _object_after(doc, sent, k, span)
        noun_of = norm(doc[k]) in _lex("labelling_nouns") and k + 1 < j and norm(doc[k + 1]) == "of"
        start = k + 2 if noun_of else k + 1  # "the designation of X as"
        return (k, k + 1, start, j, sent.start)
    if j >= sent.start and norm(doc[j]) in _lex("copulas"):  # frame 2: "asserting that X are ..."
        k = _find_left(doc, sent, j - 1, _lex("asserting_words") | {"that"})
        quote = inside(quote_regions(sent), j) or ((sent.start, sent.end) if turn_speaker(doc, j) else None)
        if k is None and quote is not None:  # "The men were enemy combatants," an official said
            s = _subject_start(doc, max(quote[0], clause_start(sent, j, quote[0])), j)
            return (j, j + 1, s, j, quote[0]) if s is not None else None
        if k is None:
            return None
        verb = k - 1 if norm(doc[k]) == "that" else k
        if verb < sent.start or norm(doc[verb]) not in _lex("asserting_words"):
            return None
        to_be = norm(doc[j]) == "be" and norm(doc[j - 1]) == "to"  # "declared X to be ..."
        return (verb, verb + 1, k + 1, j - 1 if to_be else j, sent.start)
    after = span.end + (1 if span.end < sent.end and doc[span.end].text in _QUOTES else 0)
    if (after + 1 < sent.end and norm(doc[after]) in _lex("designation_heads")
            and norm(doc[after + 1]) in _lex("designee_preps")):
        s, e = read_np(doc, after + 2, sent.end)  # frame 3: "the FTO designation of X"
        return (span.start, after + 1, s, e, sent.start) if e > s else None
    k = _find_left(doc, sent, j, _lex("direct_labelling_words"))  # frame 4: "designated X a ..."
    if k is not None and k == j:  # "which X designates a ...", "were designated a ..."
        return _left_designee(doc, refs, sent, k)
    if k is not None and k + 1 <= j:
        if doc[k + 1].is_lower and norm(doc[k + 1]).endswith("ing"):
            return None  # "considered using the FTO designation": an action, no designee
        return (k, k + 1, k + 1, j + 1, sent.start)
    return None


def _skip_introducer(doc: Doc, start: int, cut: int) -> int:
    """Past a word opening a list of examples ("including", "among them") at ``start``."""
    for phrase in load_lexicon(LEX)["list_introducers"]:
        toks = phrase.split()
        if start + len(toks) < cut and [norm(t) for t in doc[start:start + len(toks)]] == toks:
            return start + len(toks)
    return start


def _conjunct(doc: Doc, refs: list[Ref], start: int, cut: int) -> tuple[Ref | None, str | None]:
    """One conjunct of a designee: the organization named in it and its text, no possessor."""
    start = _skip_introducer(doc, start, cut)  # "among them the X Cartel": the named group
    inner = [r for r in refs if start <= r.start and r.end <= cut]
    for ref in inner:  # "Mexico's Sinaloa Cartel": the possessor is not designated
        if ref.start == start and ref.end < cut and norm(doc[ref.end]) == "'s":
            start = ref.end + 1
    text = phrase_text(doc, start, cut)
    if not text or text in _lex("pointer_designees"):
        return None, None
    org = next((r for r in inner if r.start >= start and r.actor.type in _DESIGNEE_TYPES), None)
    if org is not None and org.start > start and doc[org.start - 1].text[:1].isupper():
        org = None  # "Kataib Hezbollah": a longer name than the known actor inside it
    return org, text


def _proper(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens [start, end) past determiners are a capitalised name."""
    toks = [t for t in doc[start:end] if norm(t) not in words("determiners")]
    return bool(toks) and all(t.text[:1].isupper() or norm(t) in {"de", "del", "la", "los", "el"}
                              for t in toks) and toks[0].text[:1].isupper()


def _designees(doc: Doc, refs: list[Ref], start: int, end: int) -> list[tuple[Ref | None, str]]:
    """Every named organization of a coordinated designee ("the CDN and Los Viagras"), else
    the first conjunct as text ("cartels and other networks" -> "cartels")."""
    conjuncts, s, apposition = [], start, False
    for k in range(start, end + 1):
        if k == end or norm(doc[k]) in {"and", "or", ","}:
            org, text = _conjunct(doc, refs, s, k)
            if text and not apposition:  # "Viv Ansanm and Gran Grif": a capitalised name is named
                conjuncts.append((org, text, _proper(doc, _skip_introducer(doc, s, k), k)))
            # "Katiba Macina, a JNIM affiliate, as ...": an indefinite after a comma describes
            apposition = k < end and doc[k].text == "," and k + 1 < end and norm(doc[k + 1]) in {"a", "an"}
            s = k + 1
    named = [(org, text) for org, text, proper in conjuncts if org is not None or proper]
    return named or [c[:2] for c in conjuncts[:1]]


def _designations(doc: Doc, refs: list[Ref], sent: Span, category: str, span: Span) -> list[Designation]:
    """The designations a category phrase stands for (one per named designee)."""
    frame = _frame(doc, refs, sent, span)
    if frame is None:
        return []
    v_start, v_end, d_start, d_end, floor = frame
    if any(norm(doc[k]) in _lex("negation") for k in range(max(sent.start, v_start - 3), v_start)):
        return []  # "never designated the cartels": no designation was made
    designees = _designees(doc, refs, d_start, d_end)
    designator = _designator(doc, refs, sent, frame, span)
    if designator is None or not designees:
        return []  # "this classification", "labelled them", a designation by nobody named
    date = find_date(doc, sent, v_start, skip_saying=False)  # announcing a designation makes it
    start_char = min(doc[v_start].idx, span.start_char)
    evidence = Evidence(start_char, max(span.end_char, start_char + 1), sent.text, sent.start_char)
    return [Designation(designator=designator, designee_text=text, category=category, evidence=evidence,
                        designee=org.actor if org else None,
                        date=date[0] if date else None, date_text=date[1] if date else None)
            for org, text in designees if org is None or org.actor.key != designator.key]


def _legislator(doc: Doc, refs: list[Ref], sent: Span, i: int) -> bool:
    """Whether the one asserting at token ``i`` (the speaker of its transcript turn, else the
    first person named outside quotes) is a legislator, whose word labels nobody."""
    regions = quote_regions(sent)
    person = turn_person(doc, i) or next(
        (r.actor for r in refs if sent.start <= r.start < sent.end and r.actor.type == "Person"
         and not inside(regions, r.start)), None)
    roles = gazetteer().roles.get(person.key, ()) if person is not None else ()
    return any(word in _lex("legislative_roles") for role in roles for word in role.split())


def _designator(doc: Doc, refs: list[Ref], sent: Span, frame: Frame, span: Span) -> Actor | None:
    """The state (or body) that gave the label: for a designee told first ("X was designated
    a terrorist group by Y") the by-phrase after the category; in a quote whose clause names no
    one ("The men were enemy combatants," the spokesman said) the speaker; else the agent."""
    v_start, v_end, d_start, d_end, floor = frame
    hit = find_agent(doc, refs, sent, v_start, v_end, reporting_blocks=False, floor=floor)
    designee = next((r.actor.key for r in refs if d_start <= r.start < d_end), None)
    if d_end <= v_start and (hit.actor is None or hit.actor.key == designee):
        # passive: "by the State Department" right after the category names the designator
        by = by_phrase(doc, refs, sent, span.end, span.end)
        if by is not None and not any(t.is_punct for t in doc[span.end:by.start]):
            return agent_actor(doc, by.actor)
        if hit.actor is not None:
            return None  # the designee is no designator of itself
    asserted = norm(doc[v_start]) in _lex("copulas") | _lex("asserting_words")
    if asserted and _legislator(doc, refs, sent, v_start):
        return None  # "Cartels are terrorists," a senator said: an opinion, no act of state
    if hit.actor is not None:
        return hit.actor
    if inside(quote_regions(sent), v_start) is not None:
        return subject(doc, refs, sent.start, sent.end, quote_regions(sent), check_block=False)
    return turn_speaker(doc, v_start)  # "LEAVITT: the cartels are unlawful combatants"


def _unify(found: list[Designation]) -> list[Designation]:
    """One designation reported with a shorter designee ("cartels" after "drug cartels") takes
    the longer wording of the same designator and category, so the records come out identical."""
    out = []
    for des in found:
        for other in found:
            if (other.designator.key == des.designator.key and other.category == des.category
                    and des.designee is None and other.designee is None
                    and other.designee_text.endswith(" " + des.designee_text)):
                des = Designation(des.designator, other.designee_text, des.category, des.evidence,
                                  None, des.date, des.date_text)
                break
        out.append(des)
    return out


def extract_designations(doc: Doc) -> Iterator[Designation]:
    """Every designation reported in ``doc``, in text order."""
    refs = actor_refs(doc)
    sents = sentences(doc)
    matcher = build_matcher(doc, load_lexicon(LEX)["categories"])
    found = []
    for category, span in longest_matches(doc, matcher):
        sent = next((s for s in sents if s.start <= span.start < s.end), None)
        if sent is not None:
            found.extend(_designations(doc, refs, sent, category, span))
    yield from _unify(found)
