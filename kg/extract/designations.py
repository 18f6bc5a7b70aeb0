"""Designations: a government labelling a group (terrorist organization, enemy combatants).

A category phrase (``kg/lexicons/designations.yaml``) is a designation only inside a frame:
1. "<labelling word> X as <category>" ("classified cartels as ...", "the designation of X as");
2. "<asserting word> (that) X are <category>" ("asserting that cartels are enemy combatants");
3. "<category> designation of/for X" ("the FTO designation of the cartel");
4. "<direct labelling word> X (a) <category>" ("designated the cartel a terrorist group");
5. the designee before the labelling word: a passive ("X were designated a ... by Y"), a
   relative clause ("Hezbollah, which Washington designates a ..."), a reduced relative;
6. "<listing verb> X to <list> of <category>" ("added the gang to its list of ...");
7. a copula in an official's quote or transcript turn: the speaker's state labels the short
   subject; a legislator's assertion labels nobody;
8. an informing verb and its addressee before "that" ("informs Congress that X are ...");
9. a passive's by-phrase before "as" ("X has been listed by Y as an FTO");
10. "<transforming verb> X into <category>" ("turned the cartels into terrorist organizations");
11. (:mod:`kg.extract._designation_frames`) bare frames (a proscription verb, an anaphoric
   list), fronted participles, state-hyphen compounds ("a U.S.-designated terrorist group"),
   appositions before a relative clause, counted subjects ("among five groups designated as"),
   membership ("which is on the State Department's list of"), companions ("along with X", "along
   with several gangs"), contact clauses ("the smugglers it considers enemy combatants"),
   co-designators ("by Turkey and the United States") and capitals as subjects ("Ottawa").
A second "that" clause of a finding ("found that A, and that B are ...") is the finding's too.
Designees: every named organization or capitalised conjunct ("Viv Ansanm and Gran Grif"), the
examples of a count ("eight groups, among them X and Y"; ", including X and Y" after the
category), a pointer ("the group", "them") for the organization(s) named last before it, "their
members" for the group named before them; an apposition ("X, a JNIM faction,"), a naming
participle ("a faction called X": X), an "and" inside a post-modifier ("operating from X and
Y") and demonyms sharing one noun ("Mexican and South American cartels") add no designee.
The designator (:mod:`kg.extract._designators`) is the agent of the labelling word resolved to
its state; a passive with no agent, or a subject that only points at a government ("the
administration"), has the state the article named last (a category of one state's law, "foreign
terrorist organization", that state); the designee never designates itself; without designator
or designee nothing is emitted. No designation is reported when it was revoked, negated, only
intended ("threatened to designate") or talked about ("said designating X would ..."); a
capitalised or hyphenated word ("the United States", "non-state") is no labelling verb.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from kg.extract import _designation_checks as checks
from kg.extract import _designation_frames as extra
from kg.extract import _designee_shapes as shapes
from kg.extract._designators import DESIGNEE_TYPES, Frame, common_head, member_owner
from kg.extract._designators import designator as find_designator
from kg.extract._context import (
    Ref,
    actor_refs,
    clause_start,
    inside,
    phrase_text,
    quote_regions,
    read_np,
    sentences,
    turn_person,
    words,
)
from kg.extract._lexicon import build_matcher, load_lexicon, longest_matches, norm, token_norms, word_set
from kg.extract._setting import dateline_end
from kg.extract.dates import find_date
from kg.nlp.quotes import token_words
from kg.nlp.tables import sentence_start
from kg.records import Actor, Designation, Evidence

LEX = "designations.yaml"
_QUOTES = checks.QUOTE_MARKS
_DESIGNEE_TYPES = DESIGNEE_TYPES
_PAREN = re.compile(r"\s*\([^)]*\)")  # "clan del golfo (egc)": the acronym aside is no part of the name


def _lex(key: str) -> frozenset[str]:
    return word_set(LEX, key)


def _skip_left(doc: Doc, j: int, floor: int) -> int:
    """Step left over quote marks and articles."""
    texts, norms = token_words(doc), token_norms(doc)
    while j >= floor and (texts[j] in _QUOTES or norms[j] in {"a", "an"}):
        j -= 1
    return j


def _find_left(doc: Doc, sent: Span, j: int, vocab: frozenset[str]) -> int | None:
    """The nearest token left of ``j`` in ``vocab``, within the window and the clause."""
    norms, stop = token_norms(doc), words("opaque_boundaries") | {"as"}
    floor = max(sent.start, j - int(load_lexicon(LEX)["window"]))
    k = j + 1
    while k > floor:
        k -= 1
        if norms[k] == ")" and (o := next((m for m in range(k - 1, max(floor, k - 8), -1) if norms[m] == "("), None)):
            k = o  # "classified the Azawad Liberation Front (FLA), ... as": an aside in the name
            continue
        if norms[k] in vocab and not _noun_of(doc, k, floor) and not _name_part(doc, sent, k):
            return k
        if norms[k] in stop and not (k > 0 and norms[k - 1] in _lex("naming_participles")):
            return None  # (but "the group, known as X, as ...": a name, no frame)
    return None


def _name_part(doc: Doc, sent: Span, k: int) -> bool:
    """Whether the word at ``k`` is part of a name or a compound, no verb: capitalised after a
    capitalised word inside a sentence not in title case ("the United States"), or hyphenated
    ("non-state armed groups")."""
    texts, norms = token_words(doc), token_norms(doc)
    after_hyphen = k > sent.start + 1 and texts[k - 1] == "-" and norms[k - 2] not in _lex("verb_prefixes")
    before_hyphen = k + 1 < len(doc) and texts[k + 1] == "-"
    in_name = k > sent.start and texts[k][:1].isupper() and texts[k - 1][:1].isupper() and not _title_case(sent)
    return in_name or after_hyphen or before_hyphen


def _title_case(sent: Span) -> bool:
    """A headline in title case ("Trump Designates Cartels As ..."): its capitals are no names."""
    alpha = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(alpha) >= 3 and sum(t.text[:1].isupper() for t in alpha) > 0.6 * len(alpha)


def _noun_of(doc: Doc, k: int, floor: int) -> bool:
    """"designated a list of cartels as ...": a labelling word used as the noun of the designee
    (after an article, before "of") labels nothing; "the designation of X as" still does."""
    norms = token_norms(doc)
    return (k > floor and k + 1 < len(doc) and norms[k + 1] == "of"
            and norms[k - 1] in _lex("noun_determiners") and norms[k] not in _lex("labelling_nouns"))


def _left_designee(doc: Doc, refs: list[Ref], sent: Span, k: int) -> Frame | None:
    """A designee named before the labelling word at ``k``: the subject of a passive ("the
    Houthis ... were designated a terrorist group by X") or the head of a relative clause
    ("Hezbollah, which Washington designates a terrorist organization")."""
    texts, norms = token_words(doc), token_norms(doc)
    j = k - 1
    while j > sent.start and norms[j] in _lex("passive_aux"):
        j -= 1
    orgs = [r for r in refs if sent.start <= r.start and r.end <= k and r.actor.type in _DESIGNEE_TYPES
            and not (texts[r.end] == "-" and doc[r.end + 1].is_lower)]  # ("the al-Qaeda-linked X": a modifier)
    lo = after if sent.start < (after := dateline_end(doc)) <= j else sent.start  # past a dateline
    lo = shapes.past_address(doc, lo, j + 1)  # ("Commissioner, the X Crew ... were listed": the names)
    that = next((m for m in range(j, lo - 1, -1) if norms[m] == "that" and checks.told_before(doc, refs, m)), None)
    orgs, lo = ([r for r in orgs if r.start > that], that + 1) if that else (orgs, lo)  # ("told Congress that X")
    if j < k - 1 and norms[k - 1] in _lex("passive_aux") and orgs:
        end = j if texts[j] == "," else j + 1  # ("the two groups, X and Y, are listed": past the comma)
        s = extra.coordinated_start(doc, orgs, end)  # "X and Y have been designated": both
        if s is None and shapes.names(doc, lo, end):
            s = lo  # "the X Crew, the Y gang and Z were listed": names, not all of them known
        if s is None and (listed := shapes.listed_before(doc, orgs, end)):
            s = listed.start  # "X, Y and the other groups we fight are designated": the named ones
        return (k, k + 1, s, end, sent.start) if s is not None else (k, k + 1, orgs[0].start, orgs[0].end, sent.start)
    if j < k - 1 and norms[k - 1] in _lex("passive_aux") and shapes.names(doc, lo, j + 1):
        return (k, k + 1, lo, j + 1, sent.start)  # "Grupo X was designated": a name not
        # known as an actor, the whole subject
    named = next((r for r in orgs if r.end == k - 1), None)
    if named is not None and texts[k - 1] == "," and norms[k].endswith("ed"):
        return (k, k + 1, named.start, named.end, k + 1)  # "X, designated a ... by Y,": X
    owner = next((r for r in orgs if r.end == k - 1), None)
    if owner is not None and norms[k - 1] in {"'s", "'"} and norms[k] in _lex("labelling_nouns"):
        return (k, k + 1, owner.start, owner.end, k + 1)  # "Tren de Aragua's designation as"
    rel = next((i for i in range(k - 1, max(sent.start, k - 12), -1)
                if norms[i] in _lex("relatives") and (that is None or i > that)), None)
    if rel is None and norms[k].endswith("ed") and (app := extra.apposition_head(doc, refs, k)) is not None:
        return (k, k + 1, app.start, app.end, k + 1)  # "X, a criminal organization designated by Y as"
    if rel is None:
        return None
    head = rel - 1 if texts[rel - 1] == "," else rel
    if texts[head - 1] == ")":  # "the Jalisco New Generation Cartel (CJNG), which ...": the name
        head = next((i for i in range(head - 2, max(sent.start, head - 5) - 1, -1) if texts[i] == "("), head)
    ref = next((r for r in refs if r.end == head or (r.end < head and norms[r.end] in _lex("group_nouns")
                                                      and r.end + 1 == head)), None)
    if ref is None and (ref := extra.apposition_head(doc, refs, head)) is not None:
        return (k, k + 1, ref.start, ref.end, rel + 1)  # "X, the group that Y listed as"
    if ref is None and (named := _name_before(doc, sent, head)) is not None:
        return (k, k + 1, named, head, rel + 1)  # "the Azov brigade, which Russia designated"
    if ref is None:
        return common_head(doc, sent, k, head, rel)
    orgs = [r for r in refs if sent.start <= r.start and r.end <= ref.end and r.actor.type in _DESIGNEE_TYPES]
    s = extra.coordinated_start(doc, orgs, ref.end) or ref.start  # "X and Y, which Z designated": both
    demonyms = load_lexicon("demonyms.yaml")
    while (s - 1 >= sent.start and texts[s - 1][:1].isupper() and doc[s - 1].is_alpha
           and norms[s - 1] not in words("determiners") and texts[s - 1] not in demonyms):
        s -= 1  # "Kataib Hezbollah, which ...": the whole capitalised name (not "The", "Lebanese")
    return (k, k + 1, s, head, rel + 1)


def _name_before(doc: Doc, sent: Span, head: int) -> int | None:
    """The start of a name no list knows that ends right before ``head``, maybe with a group
    noun after it ("the Azov brigade", "Foxtrot"), else None."""
    j = head - 1
    if j > sent.start and doc[j].is_lower and token_norms(doc)[j] in _lex("group_nouns"):
        j -= 1
    while j >= sent.start and not doc[j].is_sent_start and (doc[j].is_title or doc[j].is_upper or (
            doc[j].text == "-" and j - 1 >= sent.start and not doc[j - 1].whitespace_)):
        j -= 1  # ("NSCN-K": a hyphen inside the name)
    return j + 1 if j + 1 < head and shapes.named(doc, j + 1, head) else None


def _list_frame(doc: Doc, refs: list[Ref], sent: Span, span: Span, j: int) -> Frame | None:
    """"added the gang to its list of terrorist organizations", "adds gang to terror list";
    passive: "the gang was added to the State Department's list of ..."."""
    norms = token_norms(doc)
    if span[-1].norm_.lower() not in _lex("list_nouns"):
        if j - 1 < sent.start or norms[j] != "of" or norms[j - 1] not in _lex("list_nouns"):
            return None
        j -= 2
    dets = words("determiners") | {"its", "their", "his", "her", "the", "a", "same"}  # ("on the same list")
    while j >= sent.start and norms[j] in dets:
        j -= 1
    owner = next((r for r in refs if (r.end == j and norms[j] == "'s") or r.end == j + 1), None)
    if owner is not None:  # "to the State Department's list", "on the U.S. list": past the owner
        j = _skip_left(doc, owner.start - 1, sent.start)
        j -= 1 if j >= sent.start and norms[j] == "the" else 0
    if j < sent.start or norms[j] not in {"to", "on", "onto", "in"}:
        return None
    if norms[j] == "on" and (member := extra.membership(doc, refs, sent, j)) is not None:
        return member  # "X, which is on the State Department's list of ..."
    k = _find_left(doc, sent, j - 1, _lex("listing_verbs"))
    if norms[j] == "in" and (k is None or norms[k] not in _lex("in_list_verbs")):
        return None  # "included X in the list of ...", not "in the list of demands"
    if k is not None and k + 1 == j and k > sent.start and norms[k - 1] in _lex("passive_aux"):
        subj = next((r for r in refs if sent.start <= r.start and r.end < k
                     and r.actor.type in _DESIGNEE_TYPES), None)  # "X was added to the list"
        return (k, k + 1, subj.start, subj.end, sent.start) if subj is not None else None
    return (k, k + 1, k + 1, j, sent.start) if k is not None and k + 1 < j else None


def _object_after(doc: Doc, sent: Span, k: int, span: Span) -> Frame | None:
    """"designated as FTOs several cartels, including X": the object after the category, to
    the end of the clause."""
    texts, norms = token_words(doc), token_norms(doc)
    i = span.end
    if i >= sent.end or doc[i].is_punct or norms[i] in words("prepositions") | _lex("copulas") | frozenset(
            load_lexicon("dates.yaml")["lead_words"]):
        return None  # ("designated as FTOs last year": a date, no object)
    end = next((m for m in range(i, min(sent.end, i + 14))
                if texts[m] in {".", ";"} or norms[m] in words("opaque_boundaries")),
               min(sent.end, i + 14))
    return (k, k + 1, i, end, sent.start)


def _frame(doc: Doc, refs: list[Ref], sent: Span, span: Span) -> Frame | None:
    """(labelling word start, end, designee start, end, designator floor) of the frame around
    a category."""
    texts, norms = token_words(doc), token_norms(doc)
    j = _skip_left(doc, span.start - 1, sent.start)
    if (listed := _list_frame(doc, refs, sent, span, j)) is not None:
        return listed
    if j >= sent.start and norms[j] == "into":  # frame 1b: "turned X into <category>"
        k = _find_left(doc, sent, j - 1, _lex("transforming_words"))
        return (k, k + 1, k + 1, j, sent.start) if k is not None and k + 1 < j else None
    if j >= sent.start and norms[j] == "as":  # frame 1: "... X as <category>"
        k = _find_left(doc, sent, j - 1, _lex("labelling_words"))
        if k is None:
            return None
        if k + 1 == j or _adverbial(doc, k + 1, j):  # "were designated (in 2019) as ...": the
            # designee stands before, or after
            return (extra.among_head(doc, refs, sent, k) or _left_designee(doc, refs, sent, k)
                    or extra.zero_relative(doc, refs, sent, k)  # "cartels it regards as"
                    or _object_after(doc, sent, k, span) or extra.fronted_participle(doc, refs, sent, k, span))
        if norms[k + 1] == "by":  # "X has been listed by Y as ...": the agent before "as"
            return _left_designee(doc, refs, sent, k)
        noun_of = norms[k] in _lex("labelling_nouns") and k + 1 < j and norms[k + 1] == "of"
        start = k + 2 if noun_of else k + 1  # "the designation of X as"
        return (k, k + 1, start, j, sent.start)
    if j >= sent.start and norms[j] in _lex("copulas"):  # frame 2: "asserting that X are ..."
        k = _find_left(doc, sent, j - 1, _lex("asserting_words") | {"that"})
        quote = inside(quote_regions(sent), j) or ((sent.start, sent.end) if turn_person(doc, j) else None)
        if k is None and quote is not None:  # "The men were enemy combatants," an official said
            s = extra.subject_start(doc, max(quote[0], clause_start(sent, j, quote[0])), j)
            return (j, j + 1, s, j, quote[0]) if s is not None else None
        if k is None:
            return None
        verb = extra.asserting_verb(doc, sent, k)
        if verb is None:
            return None
        to_be = norms[j] == "be" and norms[j - 1] == "to"  # "declared X to be ..."
        sub = extra.subject_start(doc, k + 1, j)  # "that X are ..., and Y are <category>": Y
        if sub is not None and any(norm(t) in _lex("copulas") for t in doc[k + 1:sub]):
            return (verb, verb + 1, sub, j, sent.start)
        return (verb, verb + 1, k + 1, j - 1 if to_be else j, sent.start)
    after = span.end + (1 if span.end < sent.end and texts[span.end] in _QUOTES else 0)
    if len(span) > 1 and norm(span[-1]) in _lex("designation_heads"):
        after = span.end - 1  # "the terrorist designation of X": the head is in the category
    if (after + 1 < sent.end and norms[after] in _lex("designation_heads")
            and norms[after + 1] in _lex("designee_preps")):
        s, e = read_np(doc, after + 2, sent.end)  # frame 3: "the FTO designation of X"
        named = next((r for r in refs if s <= r.start < e and not any(
            norm(t) not in words("determiners") for t in doc[s:r.start])), None)
        e = min(e, named.end) if named is not None else e  # "of X took effect": X, not the verb
        return (span.start, after + 1, s, e, sent.start) if e > s else None
    k = _find_left(doc, sent, j, _lex("direct_labelling_words"))  # frame 4: "designated X a ..."
    if k is not None and _names_only(doc, sent.start, k):  # "branded a faction called X a ...": the
        k = _find_left(doc, sent, k - 1, _lex("direct_labelling_words")) or k  # verb before the name
    if k is not None and k == j:  # "which X designates a ...", "were designated a ...", "Designated a ... by Y, X"
        return (extra.among_head(doc, refs, sent, k) or _left_designee(doc, refs, sent, k)  # "X was one of
                or extra.fronted_participle(doc, refs, sent, k, span)  # the groups Y declared ..."
                or extra.zero_relative(doc, refs, sent, k)  # "the gangs it considers ..."
                or extra.designated_complement(doc, refs, sent, k))  # "X is a designated FTO"
    if k is not None and k + 1 <= j:
        if doc[k + 1].is_lower and norms[k + 1].endswith("ing"):
            return None  # "considered using the FTO designation": an action, no designee
        cut = next((m for m in range(k + 2, j + 1) if norms[m] in {"a", "an"}), j + 1)
        return (k, k + 1, k + 1, cut, sent.start)  # ("designated X a <adjective> <category>": X)
    return None


def _adverbial(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens [start, end) between a labelling verb and "as" are only an adverbial
    ("which Washington classified in December as ..."): a preposition, then no name."""
    dates, norms = load_lexicon("dates.yaml"), token_norms(doc)
    if end - start == 2 and norms[start] in {"last", "this", "next"} and norms[start + 1] in _lex("date_units"):
        return True  # "were listed last month as ..."
    return (norms[start] in words("prepositions") - {"of"} and not any(
        t.text[:1].isupper() and t.text not in dates["months"] and t.text not in dates["weekdays"]
        for t in doc[start + 1:end]))


def _names_only(doc: Doc, lo: int, k: int) -> bool:
    """Whether the labelling word at ``k`` only names the noun before it ("a faction called
    X"): a naming participle right after a lower-case noun, not after a subject or auxiliary."""
    prev = doc[k - 1] if k > lo else None
    return (token_norms(doc)[k] in _lex("naming_verbs") and prev is not None and prev.is_alpha and prev.is_lower
            and not norm(prev).endswith("ly")  # "has repeatedly called": an adverb, no noun
            and norm(prev) not in _lex("passive_aux") | words("np_stop_words") | _lex("relatives")
            | _lex("implied_designators"))


def _named_part(doc: Doc, start: int, cut: int) -> int:
    """Past "a faction called" to the name it gives ("a faction called (the) X" -> X)."""
    texts, norms = token_words(doc), token_norms(doc)
    for m in range(start + 1, cut - 1):
        if _names_only(doc, start, m):
            name = m + 2 if norms[m + 1] in words("determiners") else m + 1
            return name if name < cut and texts[name][:1].isupper() else start
    return start


def _conjunct(doc: Doc, refs: list[Ref], start: int, cut: int) -> tuple[Ref | None, str | None]:
    """One conjunct of a designee: the organization named in it and its text, no possessor."""
    texts, norms = token_words(doc), token_norms(doc)
    start = shapes.skip_introducer(doc, start, cut)  # "among them the X Cartel": the named group
    start = _named_part(doc, start, cut)  # "a faction called X": the name
    start = next((m + 1 for m in range(cut - 2, start - 1, -1) if doc[m].is_lower and norms[m] in
                  _lex("group_nouns") and texts[m + 1][:1].isupper()), start)  # "the FARC dissident group X": X
    inner = [r for r in refs if start <= r.start and r.end <= cut]
    lead = start + (norms[start] in words("determiners"))  # (past "the")
    for ref in inner:  # "Mexico's Sinaloa Cartel", "the CDN's armed wing": the possessor is not designated
        if ref.start in (start, lead) and ref.end < cut and norms[ref.end] == "'s":
            start = ref.end + 1
    text = phrase_text(doc, start, cut)
    if not text or text in _lex("pointer_designees"):
        return None, None
    org = next((r for r in inner if r.start >= start and r.actor.type in _DESIGNEE_TYPES), None)
    if org is None and text.split()[0] in _lex("relatives"):
        return None, None  # "call those who fought there terrorists": people, not a group
    if org is not None and org.start > start and texts[org.start - 1][:1].isupper():
        org = None  # "Kataib Hezbollah": a longer name than the known actor inside it
    return org, text


def _designees(doc: Doc, refs: list[Ref], start: int, end: int,
               named_only: bool = False) -> list[tuple[Ref | None, str]]:
    """Every named organization of a coordinated designee ("the CDN and Los Viagras"), else
    the first conjunct as text ("cartels and other networks" -> "cartels"; none if ``named_only``)."""
    texts, norms = token_words(doc), token_norms(doc)
    conjuncts, s, apposition = [], start, False
    for k in range(start, end + 1):
        if k < end and norms[k] in {"and", "or", ","} and shapes.adjectival(doc, shapes.skip_introducer(doc, s, k), k):
            continue  # "Mexican and South American cartels": one designee with a shared noun
        if k + 1 < end and norms[k] in {"and", "or"} and shapes.in_modifier(doc, s, k) and norm(
                doc[k + 1]) not in words("determiners") and not any(r.start == k + 1 for r in refs):
            continue  # "the network operating from X and Y": one designee, two places
        # (a list may be set off by dashes: "four militias — A, B and C —")
        if k == end or norms[k] in {"and", "or", ","} or texts[k] in shapes.DASHES:
            org, text = _conjunct(doc, refs, s, k)
            if text and not apposition:  # "Viv Ansanm and Gran Grif": a capitalised name is named
                head = shapes.skip_introducer(doc, s, k)  # (so is a class of a nation: "six Mexican cartels")
                conjuncts.append((org, text, shapes.named(doc, head, k) or shapes.national_class(doc, head, k)))
            # "Katiba Macina, a JNIM affiliate, as ...": an indefinite after a comma describes;
            # so does a definite common noun after a name ("X, the coalition Y leads, and Z")
            apposition = k < end and texts[k] == "," and k + 2 < end and (norms[k + 1] in {"a", "an"} or (
                norms[k + 1] == "the" and doc[k + 2].is_lower and bool(conjuncts) and conjuncts[-1][2]))
            s = k + 1
    named = [(org, text) for org, text, proper in conjuncts if org is not None or proper]
    return named or ([] if named_only else [c[:2] for c in conjuncts[:1]])


def _antecedents(doc: Doc, refs: list[Ref], start: int, end: int) -> list[tuple[Ref, str]]:
    """A pointer designee ("branded the group ...", "called them terrorists") stands for the
    organization named last before it, or for all of those named in that sentence (plural)."""
    text, norms = phrase_text(doc, start, end), token_norms(doc)[start:end]
    lead = norms[1:] if norms[:1] == ["the"] else norms  # "both cartels", "the two gangs"
    plural = text in _lex("plural_pointers") or " ".join(norms) in _lex("plural_pointers") or (
        len(lead) == 2 and lead[0] in _lex("plural_quantifiers") and extra.plural_group_noun(lead[1]))
    if not plural and text not in _lex("singular_pointers"):
        return []
    orgs = [r for r in refs if r.end <= start and start - r.start <= int(load_lexicon(LEX)["pointer_reach"])
            and r.actor.type in _DESIGNEE_TYPES]
    if not orgs:
        return []
    last = sentence_start(doc, orgs[-1].start)
    chosen = [r for r in orgs if sentence_start(doc, r.start) == last] if plural else orgs[-1:]
    unique = {r.actor.key: r for r in reversed(chosen)}  # first mention of each in the sentence
    return [(r, phrase_text(doc, r.start, r.end)) for r in sorted(unique.values(), key=lambda r: r.start)]


def _examples_after(doc: Doc, refs: list[Ref], sent: Span, span: Span, d_end: int) -> list[tuple[Ref | None, str]]:
    """"designated eight groups as FTOs, including X and Y": the groups named after the category
    are the designees (only when the designee before it is a count or a class, no name)."""
    texts, norms = token_words(doc), token_norms(doc)
    i = span.end + (1 if span.end < sent.end and texts[span.end] == "," else 0)
    comma = next((m for m in range(i, min(sent.end, i + 5)) if texts[m] == ","), None)
    if comma is not None and shapes.skip_introducer(doc, comma + 1, sent.end) > comma + 1:
        i = comma + 1  # "as FTOs in February, including X and Y": past a short adverbial
    if d_end > span.start or i >= sent.end or shapes.skip_introducer(doc, i, sent.end) == i:
        return []
    stops = {".", ";", ")", "\u2014", "--"}
    end = next((m for m in range(i, sent.end) if texts[m] in stops
                or norms[m] in words("opaque_boundaries")), sent.end)
    return _designees(doc, refs, i, end, named_only=True)


def _designations(doc: Doc, refs: list[Ref], sent: Span, category: str, span: Span,
                  frame: Frame | None = None, designator: Actor | None = None) -> list[Designation]:
    """The designations a category phrase (or a bare frame's verb or list noun, ``frame``
    given: named designees only) stands for (one per named designee and designator)."""
    named_only = frame is not None  # "proscribed the sale of ivory": no group named
    compound = None if frame else extra.compound_frame(doc, refs, sent, span)  # "U.S.-designated"
    frame = frame or (compound[0] if compound else _frame(doc, refs, sent, span))
    if frame is None:
        return []
    v_start, v_end, d_start, d_end, floor = frame
    if len(span) == 1 and norm(span[0]) in _lex("as_only_categories") and token_norms(doc)[
            _skip_left(doc, span.start - 1, sent.start)] != "as":
        return []  # "killed 12 combatants": a bare "combatants" labels only after "as"
    if checks.not_made(doc, sent, v_start):
        return []  # "never designated", "revoked the designation", "threatened to designate"
    inner = shapes.companion_inside(doc, d_start, d_end)  # "them, together with X and Y,": both parts
    cut = inner[0] - (token_words(doc)[inner[0] - 1] == ",") if inner else d_end
    designees = (member_owner(doc, refs, sent, d_start, cut) or _antecedents(doc, refs, d_start, cut)
                 or _designees(doc, refs, d_start, cut, named_only))
    designees += _designees(doc, refs, inner[1], d_end - (token_words(doc)[d_end - 1] == ","), True) if inner else []
    if all(org is None for org, _ in designees):  # "eight groups as FTOs, including X and Y"
        designees = _examples_after(doc, refs, sent, span, d_end) or designees
    if (more := extra.companions(doc, sent, max(span.end, d_end))) is not None:
        designees = designees + (_designees(doc, refs, *more, named_only=True)  # "along with X"
                                 or extra.group_class(doc, *more))  # "along with several gangs"
    designator = designator or (compound[1] if compound else find_designator(doc, refs, sent, frame, span, category))
    if designator is None or not designees:
        return []  # "this classification", "labelled them", a designation by nobody named
    states = [designator, *extra.co_designators(doc, refs, sent, designator, v_start, span.end)]
    date = find_date(doc, sent, v_start, skip_saying=False)  # announcing a designation makes it
    start_char = min(doc[v_start].idx, span.start_char)
    evidence = Evidence(start_char, max(span.end_char, start_char + 1), sent.text, sent.start_char)
    return [Designation(designator=state, designee_text=_PAREN.sub("", text), category=category, evidence=evidence,
                        designee=org.actor if org else None,
                        date=date[0] if date else None, date_text=date[1] if date else None)
            for state in states for org, text in designees if org is None or org.actor.key != state.key]


def extract_designations(doc: Doc) -> Iterator[Designation]:
    """Every designation reported in ``doc``, in text order."""
    refs = actor_refs(doc)
    sents = sentences(doc)
    matcher = build_matcher(doc, load_lexicon(LEX)["categories"])
    found, categories = [], longest_matches(doc, matcher)
    for n, (category, span) in enumerate(categories):
        sent = next((s for s in sents if s.start <= span.start < s.end), None)
        if sent is not None and not checks.second_label(doc, categories[n - 1][1] if n else None, span):
            found.extend(_designations(doc, refs, sent, category, span))
    for sent in sents:  # bare frames: "has proscribed X", "added X to the list"
        for category, span in extra.anaphoric_lists(doc, sent, categories):
            if (frame := _list_frame(doc, refs, sent, span, _skip_left(doc, span.start - 1, sent.start))):
                on_list = norm(doc[frame[0]]) in _lex("membership_verbs")  # "X has been on the list": the
                prior = extra.prior_designator(found, category, span) if on_list else None  # list of the
                found.extend(_designations(doc, refs, sent, category, span, frame, prior))  # designation before
        for prior, span, frame in extra.same_act_labels(doc, sent, found):  # "the same decree named X"
            found.extend(_designations(doc, refs, sent, prior.category, span, frame, prior.designator))
        for category, span, frame in extra.bare_additions(doc, refs, sent, categories):  # "it added X"
            found.extend(_designations(doc, refs, sent, category, span, frame))
        for k in extra.proscriptions(doc, sent):
            frame = extra.object_frame(doc, sent, k) or _left_designee(doc, refs, sent, k)
            if frame and not any(k < s.start <= max(k, frame[3]) + 3 for _, s in categories):  # ("as <category>")
                found.extend(_designations(doc, refs, sent, "terrorist_organization", doc[k:k + 1], frame))
    yield from extra.dedup(extra.unify(found))
