"""Designation frames the category-first reader of :mod:`kg.extract.designations` does not see
by itself, and the extra designees and designators of a frame it found.

- bare frames, no category word at the frame: a proscription verb ("Pakistan has proscribed the
  TTP", "X was proscribed in 2001") labels a terrorist organization; a listing verb with an
  anaphoric list ("added a third group, X, to the list") takes the category named last before
  it, in its sentence or the one before; an adding verb with a named group and no list ("Last
  November, it added X") adds it to the category named last before it;
- a fronted participle ("Designated a terrorist group by Y in 2019, X has ...") designates the
  subject after the comma;
- a state-hyphen-participle compound ("the U.S.-designated terrorist group X", "X, an
  EU-listed terrorist organization") names designator and designee around the category;
- an apposition before a relative clause ("X, the Colombian group that Y listed as ...") is X;
- membership ("X, which is on the State Department's list of ...", "X remains on the list");
- companions after the frame ("..., along with X and four other groups", "alongside X", "along
  with several gangs"): more designees of the same label;
- a contact clause ("the smugglers it considers enemy combatants"): the plural noun before the
  clause's subject is the designee;
- the copula frame's helpers: the asserting verb of a "that" clause (a second "and that" clause
  belongs to the first one's verb) and the short subject before the copula;
- co-designators ("listed as a terrorist group by Turkey, the United States and the EU");
- a capital as the subject of the labelling verb ("Ottawa added ...") stands for its state;
- the records of one article: a shorter designee takes the longer wording of the same act
  (:func:`unify`), and two frames reporting one act give one record (:func:`dedup`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.extract._context import Ref, agent_actor, country_actor, phrase_text, read_np, words
from kg.extract._setting import load_capitals
from kg.extract._lexicon import load_lexicon, token_norms, word_set
from kg.nlp.quotes import token_words
from kg.records import Actor, Designation

LEX = "designations.yaml"
Frame = tuple[int, int, int, int, int]
_ORG_TYPES = ("CriminalOrganization", "Organization")


def _lex(key: str) -> frozenset[str]:
    return word_set(LEX, key)


def proscriptions(doc: Doc, sent: Span) -> list[int]:
    """Token indices of proscription verbs in ``sent`` ("proscribed"): a label by law, no
    category word needed; not inside a compound ("proscribed-goods")."""
    texts, norms, verbs = token_words(doc), token_norms(doc), _lex("proscription_words")
    return [k for k in range(sent.start, sent.end) if norms[k] in verbs
            and not (k + 1 < len(doc) and texts[k + 1] == "-") and not (k > 0 and texts[k - 1] == "-")]


def anaphoric_lists(doc: Doc, sent: Span, categories: list[tuple[str, Span]]) -> list[tuple[str, Span]]:
    """List nouns that point back at a category named before ("added X to the list"): (the
    category named last before it, in its sentence or the one before, the list noun's span)."""
    norms, nouns, pointers = token_norms(doc), _lex("list_nouns"), _lex("list_pointers")
    found = []
    for k in range(sent.start + 1, sent.end):
        if norms[k] not in nouns or norms[k - 1] not in pointers:
            continue
        if k + 1 < sent.end and norms[k + 1] == "of":
            continue  # "the list of X": the list is named, not pointed at
        before = [(c, s) for c, s in categories if s.end <= k and k - s.start <= int(_raw("list_reach"))]
        if before and not any(s.start <= k < s.end for _, s in categories):
            found.append((before[-1][0], doc[k:k + 1]))
    return found


def bare_additions(doc: Doc, refs: list[Ref], sent: Span,
                   categories: list[tuple[str, Span]]) -> list[tuple[str, Span, Frame]]:
    """"Last November, it added the Cartel de los Soles.": an adding verb whose object is a
    named group, with no list and no category in its sentence, adds the group to the category
    named last before it (in reach): (category, the verb's span, the frame)."""
    norms, found, adding = token_norms(doc), [], _lex("adding_verbs")
    if any(sent.start <= s.start < sent.end for _, s in categories):
        return found  # a category of its own: the other frames read it
    for k in range(sent.start + 1, sent.end - 1):
        if norms[k] not in adding or not doc[k].is_lower:
            continue
        before = [c for c, s in categories if s.end <= k and k - s.start <= int(_raw("list_reach"))]
        m = k + 1
        while m < sent.end and (norms[m] in words("determiners") or doc[m].text in load_lexicon("demonyms.yaml")):
            m += 1  # "the Venezuelan Cartel de los Soles": the name after its determiner and demonym
        ref = next((r for r in refs if r.start == m and r.actor.type in _ORG_TYPES), None)
        if not before or ref is None or (ref.end < sent.end and norms[ref.end] in {"'s", "'", "to", "’s"}):
            continue  # no category before, no group named, or "the cartel's leader", "to the list"
        found.append((before[-1], doc[k:k + 1], (k, k + 1, ref.start, ref.end, sent.start)))
    return found


def same_act_labels(doc: Doc, sent: Span, found: list[Designation]) -> list[tuple[Designation, Span, Frame]]:
    """"The same notice designated X, Y and Z.", "The same decree named W.": an act told before
    ("the same <act noun>") labels the groups after its verb as the designation found last
    before it did (its category and designator): (that designation, verb span, frame)."""
    norms, acts, verbs = token_norms(doc), _lex("same_act_nouns"), _lex("same_act_verbs")
    end = sent.end - 1 if doc[sent.end - 1].is_punct else sent.end  # (not the full stop)
    for k in range(sent.start + 2, min(end, sent.start + 12)):
        if norms[k] in verbs and norms[k - 1] in acts and norms[k - 2] == "same":
            at, reach = doc[k].idx, int(_raw("same_act_reach"))
            before = [d for d in found if at - reach <= d.evidence.start < at]
            last = max(before, key=lambda d: d.evidence.start) if before else None
            return [(last, doc[k:k + 1], (k, k + 1, k + 1, end, sent.start))] if last else []
    return []


def prior_designator(found: list[Designation], category: str, span: Span) -> Actor | None:
    """The designator of the last designation of ``category`` told before ``span``: who keeps
    the list an anaphoric "the list" points at."""
    before = [d for d in found if d.category == category and d.evidence.start < span.start_char]
    return max(before, key=lambda d: d.evidence.start).designator if before else None


def designated_complement(doc: Doc, refs: list[Ref], sent: Span, k: int) -> Frame | None:
    """"Hamas is a designated Foreign Terrorist Organization": the labelling participle as an
    adjective after a copula (or a comma) and an article labels the name before it."""
    norms = token_norms(doc)
    if k - 2 <= sent.start or norms[k - 1] not in {"a", "an"} or norms[k - 2] not in _lex("copulas") | {","}:
        return None  # (or in apposition: "the Sinaloa Cartel, a designated Foreign Terrorist Organization,")
    subj = next((r for r in refs if r.end == k - 2 and r.actor.type in _ORG_TYPES), None)
    return (k, k + 1, subj.start, subj.end, sent.start) if subj is not None else None


def _raw(key: str):
    return load_lexicon(LEX)[key]


def fronted_participle(doc: Doc, refs: list[Ref], sent: Span, k: int, span: Span) -> Frame | None:
    """"Designated a terrorist organization by Y in 2019, X has ...": a labelling participle
    opening the sentence designates the subject after the first comma past the category."""
    texts, norms = token_words(doc), token_norms(doc)
    if any(norms[m] not in _lex("passive_aux") and texts[m] not in {'"', "\u201c"} for m in range(sent.start, k)):
        return None
    comma = next((m for m in range(span.end, min(sent.end, span.end + 12)) if texts[m] == ","), None)
    if comma is None:
        return None
    ref = next((r for r in refs if comma < r.start <= comma + 3 and r.actor.type in _ORG_TYPES), None)
    if ref is not None:
        return (k, k + 1, ref.start, ref.end, sent.start)
    s = comma + 1 + (norms[comma + 1] in {"the"} if comma + 1 < sent.end else 0)
    e = s
    while e < sent.end and texts[e][:1].isupper():
        e += 1
    return (k, k + 1, s, e, sent.start) if e > s else None


def subject_start(doc: Doc, lo: int, j: int) -> int | None:
    """Start of the short subject right before the copula at ``j`` ("..., and the cartels
    are"), not past punctuation or a conjunction; None when it runs longer than a phrase."""
    norms = token_norms(doc)
    stops = {"and", "or", "but"} | words("opaque_boundaries") | words("transparent_boundaries")
    k = j
    while k > lo and not doc[k - 1].is_punct and norms[k - 1] not in stops:
        k -= 1
    if k > lo and norms[k - 1] in _lex("relatives"):
        return None  # "those who attack us are terrorists": a relative clause, no group named
    return k if 0 < j - k <= 6 else None


def asserting_verb(doc: Doc, sent: Span, k: int) -> int | None:
    """The verb stating a copula's label: the asserting word at ``k`` or right before its
    "that", or an informing verb with its addressee before the "that" ("informs Congress that")."""
    norms = token_norms(doc)
    if norms[k] != "that":
        return k if norms[k] in _lex("asserting_words") else None
    if k - 1 >= sent.start and norms[k - 1] in _lex("asserting_words"):
        return k - 1
    if k - 1 > sent.start and norms[k - 1] in {"and", "or"}:  # "found that A, and that B": the verb
        first = next((m for m in range(k - 2, sent.start, -1) if norms[m] == "that"), None)  # of A's "that"
        return asserting_verb(doc, sent, first) if first is not None else None
    for m in range(k - 2, max(sent.start, k - 6) - 1, -1):  # "notified lawmakers that"
        if norms[m] in _lex("informing_words"):
            return m
        if doc[m].is_punct:
            break
    return None


def zero_relative(doc: Doc, refs: list[Ref], sent: Span, k: int) -> Frame | None:
    """"the smugglers it considers enemy combatants", "gangs the government deems terrorist
    groups": a relative clause with no pronoun; its subject (a pronoun, a state or a body)
    stands right before the labelling word at ``k``, the plural noun it labels before that."""
    norms = token_norms(doc)
    v = k
    while v - 1 > sent.start and norms[v - 1] in _lex("passive_aux"):
        v -= 1  # "cartels it has declared enemy combatants": past the auxiliaries
    subject = next((r for r in refs if r.end == v and r.start > sent.start), None)
    s = subject.start if subject is not None else v - 1
    if subject is None and norms[s] not in {"it", "they", "we"} | _lex("implied_designators"):
        return None
    s -= 1 if s - 1 > sent.start and norms[s - 1] == "the" else 0  # "the government"
    if (app := apposition_head(doc, refs, s)) is not None:
        return (k, k + 1, app.start, app.end, s)  # "X, a group Sri Lanka gazetted as ...": X
    head = s - 1
    if head <= sent.start or not (doc[head].is_lower and doc[head].is_alpha and norms[head].endswith("s")) \
            or norms[head] in words("np_stop_words") | words("prepositions"):
        return None  # "what it considers terrorism": no plural noun labelled
    start = _modifiers_start(doc, sent, head)
    if norms[start] == "whose" and start - 2 > sent.start and norms[start - 1] == "," \
            and norms[start - 2].endswith("s") and doc[start - 2].is_lower:
        head = start - 2  # "drug cartels, whose members it regards as ...": the members' group
        start = _modifiers_start(doc, sent, head)
    if any(t.is_lower and t.norm_.endswith(("ed", "ing")) for t in doc[start:head]):
        return None  # "that attacked cartels it ...": a verb before, no noun phrase
    return (k, k + 1, start, head + 1, s)


def _modifiers_start(doc: Doc, sent: Span, head: int) -> int:
    """The first of the words that modify the noun at ``head`` ("the armed smugglers",
    "Mexican cartels"), back to a preposition, a determiner or a stop word."""
    norms, start = token_norms(doc), head
    while start - 1 > sent.start and doc[start - 1].is_alpha and norms[start - 1] not in (
            words("prepositions") | words("determiners") | words("np_stop_words")):
        start -= 1
    return start


def compound_frame(doc: Doc, refs: list[Ref], sent: Span, span: Span) -> tuple[Frame, Actor] | None:
    """"the U.S.-designated terrorist group X", "X, an EU-listed terrorist organization": the
    state before the hyphen labels the name after the category, else the name in apposition
    before it. Returns the frame and the designator."""
    texts, norms = token_words(doc), token_norms(doc)
    v = span.start - 1
    if v < sent.start + 2 or norms[v] not in _lex("labelling_words") or texts[v - 1] != "-":
        return None
    owner = next((r for r in refs if r.end == v - 1), None)
    state = agent_actor(doc, owner.actor) if owner is not None else None
    if state is None:
        return None
    after = next((r for r in refs if r.start == span.end and r.actor.type in _ORG_TYPES), None)
    if after is not None:
        return (v, v + 1, after.start, after.end, sent.start), state
    m = owner.start - 1
    while m >= sent.start and norms[m] in {"a", "an", "the"}:
        m -= 1
    before = next((r for r in refs if r.end == m and texts[m] == "," and r.actor.type in _ORG_TYPES), None)
    if before is None and m >= sent.start and texts[m] == ",":
        before = next((r for r in refs if r.end == m and r.actor.type in _ORG_TYPES), None)
    return ((v, v + 1, before.start, before.end, sent.start), state) if before is not None else None


def apposition_head(doc: Doc, refs: list[Ref], head: int) -> Ref | None:
    """"X, the Colombian trafficking group that ...", "X, a militia which ...": the name before a
    descriptive noun phrase that a relative clause follows."""
    texts, norms = token_words(doc), token_norms(doc)
    for r in reversed(refs):
        if r.end >= head - 1 or head - r.end > 9:
            continue
        if texts[r.end] != "," or norms[r.end + 1] not in {"the", "a", "an"}:
            return None
        inner = doc[r.end + 1:head]
        if any(t.is_punct for t in inner) or norms[head - 1].rstrip("s") not in _lex("group_nouns"):
            return None
        return r if r.actor.type in _ORG_TYPES else None
    return None


def membership(doc: Doc, refs: list[Ref], sent: Span, j: int) -> Frame | None:
    """"X, which is on the State Department's list of ...", "X remains on the U.S. list": the
    group found on a list is designated (the list's owner is the designator)."""
    norms = token_norms(doc)
    c = j - 1
    while c > sent.start and norms[c] in {"already", "still", "also", "now", "long"}:
        c -= 1
    if c <= sent.start or norms[c] not in _lex("membership_verbs"):
        return None
    s = c
    while s > sent.start and norms[s - 1] in {"has", "have", "had", "already", "long"}:
        s -= 1  # "X has been on the list"
    subj = next((r for r in refs if r.end == s and r.actor.type in _ORG_TYPES), None) \
        or _before_aside(doc, refs, sent, s)
    if subj is not None:  # "X and Y are on that list": both
        first = coordinated_start(doc, [r for r in refs if r.actor.type in _ORG_TYPES], s)
        return (c, c + 1, first if first is not None else subj.start, subj.end, sent.start)
    rel = c - 1
    if norms[rel] not in _lex("relatives") or rel - 1 <= sent.start:
        return None
    head = rel - 1 if token_words(doc)[rel - 1] == "," else rel
    ref = next((r for r in refs if r.end == head and r.actor.type in _ORG_TYPES), None)
    return (c, c + 1, ref.start, ref.end, rel + 1) if ref is not None else None


def _before_aside(doc: Doc, refs: list[Ref], sent: Span, s: int) -> Ref | None:
    """"X, long responsible for most kidnappings, has been on ...": the group named before an
    aside set off by commas that ends at ``s``."""
    texts = token_words(doc)
    if s - 1 <= sent.start or texts[s - 1] != ",":
        return None
    comma = next((m for m in range(s - 2, max(sent.start, s - 16), -1) if texts[m] == ","), None)
    return next((r for r in refs if r.end == comma and r.actor.type in _ORG_TYPES), None) if comma else None


def coordinated_start(doc: Doc, orgs: list[Ref], end: int) -> int | None:
    """Start of a coordination of named groups ending at ``end`` ("Tren de Aragua and the
    Cartel de los Soles have been designated"); None when no group ends there."""
    norms = token_norms(doc)
    last = next((r for r in reversed(orgs) if r.end == end), None)
    if last is None:
        return None
    s = last.start
    while True:
        i = s - 1
        while i >= 0 and norms[i] in {"the", "both"}:
            i -= 1
        if i < 1 or norms[i] not in {"and", "or", ","}:
            return s
        before = next((r for r in orgs if r.end == i), None)
        if before is None:
            return s
        s = before.start


def companions(doc: Doc, sent: Span, after: int) -> tuple[int, int] | None:
    """Tokens [start, end) of the groups a companion phrase adds after the frame (", along
    with X and four other groups", "alongside X"), to the end of the clause."""
    texts, norms = token_words(doc), token_norms(doc)
    stops = words("opaque_boundaries") | {".", ";"}
    for k in range(after, sent.end):
        if norms[k] in stops or texts[k] in stops:
            return None
        for phrase in _raw("companion_phrases"):
            toks = phrase.split()
            if [norms[m] for m in range(k, min(sent.end, k + len(toks)))] == toks:
                start = k + len(toks)
                end = next((m for m in range(start, sent.end) if texts[m] in {".", ";", ")", "\u2014"}
                            or norms[m] in stops), sent.end)
                return (start, end) if end > start else None
    return None


def plural_group_noun(norm: str) -> bool:
    """Whether a word is the plural of a group noun ("gangs", "cartels", "militias")."""
    return norm.endswith("s") and norm[:-1] in _lex("group_nouns")


def group_class(doc: Doc, start: int, end: int) -> list[tuple[None, str]]:
    """A companion that names no group but a class of them ("along with several Mexican
    cartels"): its text, when it ends on a plural group noun, else nothing."""
    norms = token_norms(doc)
    last = end - 1
    while last > start and doc[last].is_punct:
        last -= 1
    if last < start or not (plural_group_noun(norms[last]) and doc[last].is_lower):
        return []  # "along with sanctions", "together with its leader": no class of groups
    return [(None, phrase_text(doc, start, last + 1))]


def co_designators(doc: Doc, refs: list[Ref], sent: Span, first: Actor, v: int, after: int) -> list[Actor]:
    """The states coordinated with the designator: in a by-phrase after the category ("listed
    as a terrorist group by Turkey, the United States and the EU") or as the subject before the
    labelling verb at ``v`` ("Paraguay and Argentina have designated", "Several countries,
    including Ecuador and Peru, have designated")."""
    norms = token_norms(doc)
    mine = [r for r in refs if sent.start <= r.start < sent.end and agent_actor(doc, r.actor) == first]
    lead = next((r for r in mine if r.start >= after), None)
    if lead is not None and lead.start > 0 and norms[lead.start - 1 - (norms[lead.start - 1] == "the")] == "by":
        members = _coordinated(doc, refs, sent, lead)
    else:
        lead = next((r for r in reversed(mine) if r.end <= v), None)
        members = _coordinated(doc, refs, sent, lead) if lead is not None else []
        last = max([r.end for r, _ in members] + [lead.end if lead else v])
        if lead is None or any(norms[m] not in _lex("passive_aux") | {"both", "all", "each", ","} for m in range(last, v)):
            return []  # (a subject right before the verb, past auxiliaries)
    return sorted({s.key: s for _, s in members if s.key != first.key}.values(), key=lambda s: s.key)


def _coordinated(doc: Doc, refs: list[Ref], sent: Span, lead: Ref) -> list[tuple[Ref, Actor]]:
    """The mentions of states joined to ``lead`` by commas and "and" on either side ("X, Y and
    Z"), with their states."""
    norms, joins = token_norms(doc), {",", "and", "the", "as", "well", "or", "including"}
    found = []
    for side in (reversed([r for r in refs if sent.start <= r.start and r.end <= lead.start]),
                 (r for r in refs if lead.end <= r.start < sent.end)):
        edge = lead
        for r in side:
            gap = [norms[m] for m in (range(r.end, edge.start) if r.end <= edge.start else range(edge.end, r.start))]
            state = agent_actor(doc, r.actor)
            if not gap or any(w not in joins for w in gap) or state is None:
                break
            found.append((r, state))
            edge = r
    return found


def capital_subject(doc: Doc, sent: Span, v: int) -> Actor | None:
    """A capital named right before the labelling verb ("Ottawa added", "Islamabad has
    proscribed") stands for its state."""
    texts, norms = token_words(doc), token_norms(doc)
    k = v - 1
    while k > sent.start and norms[k] in _lex("passive_aux") - {"was", "were", "is", "are", "be", "been", "being"}:
        k -= 1
    if k < sent.start or not texts[k][:1].isupper():
        return None
    key = load_capitals().get(norms[k])
    return country_actor(doc, key) if key else None


def category_owner(doc: Doc, category: str) -> Actor | None:
    """The state whose law a category belongs to ("foreign terrorist organization" is a U.S.
    listing): the designator of a passive with no agent."""
    key = (_raw("category_owners") or {}).get(category)
    return country_actor(doc, key) if key else None


def among_head(doc: Doc, refs: list[Ref], sent: Span, k: int) -> Frame | None:
    """"X was among five groups designated as ...", "X, one of the cartels (the administration)
    listed as ...": a reduced relative or contact clause after a group noun that the subject is
    counted among."""
    texts, norms = token_words(doc), token_norms(doc)
    reach = int(load_lexicon(LEX)["among_reach"])  # "among the groups that the X government designated"
    noun = next((m for m in range(k - 1, max(sent.start, k - reach), -1) if norms[m].endswith("s")
                 and norms[m].rstrip("s") in _lex("group_nouns")), None)
    if noun is None or noun - 1 <= sent.start or not norms[k].endswith("ed") or any(
            t.is_punct for t in doc[noun + 1:k]):
        return None
    m = noun - 1
    while m > sent.start and (doc[m].like_num or doc[m].is_lower and norms[m] not in {"among", "of"}) and noun - m < 5:
        m -= 1
    if norms[m] == "of" and norms[m - 1] == "one":
        m -= 1
    elif norms[m] != "among":
        return None
    m -= 1
    while m > sent.start and (norms[m] in _lex("passive_aux") or texts[m] == ","):
        m -= 1
    ref = next((r for r in refs if r.end == m + 1 and r.actor.type in _ORG_TYPES), None)
    return (k, k + 1, ref.start, ref.end, sent.start) if ref is not None else None


def reduced_relative(doc: Doc, v: int) -> bool:
    """Whether the labelling participle at ``v`` follows a counted plural group noun ("among
    five groups designated as", "one of the cartels listed as"): a passive with no agent (but
    "the gang designated X": a subject)."""
    norms = token_norms(doc)
    return (v > 1 and norms[v].endswith("ed") and norms[v - 1].endswith("s")
            and norms[v - 1].rstrip("s") in _lex("group_nouns")
            and any(norms[m] in {"among", "of"} for m in range(max(0, v - 6), v - 1)))


def unify(found: list[Designation]) -> list[Designation]:
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


def object_frame(doc: Doc, sent: Span, k: int) -> Frame | None:
    """The object noun phrase of a bare labelling verb ("has proscribed the TTP since 2008"):
    a name or a determiner right after it (else the verb is passive: "was proscribed in")."""
    if k + 1 >= sent.end or not (doc[k + 1].text[:1].isupper() or token_norms(doc)[k + 1] in {"the", "a", "an"}):
        return None
    s, e = read_np(doc, k + 1, sent.end)
    return (k, k + 1, s, e, sent.start) if e > s else None


def dedup(found: list[Designation]) -> list[Designation]:
    """One record per designator, category and designee (two frames may report one act)."""
    seen, out = set(), []
    for des in found:
        key = (des.designator.key, des.category, des.designee.key if des.designee else des.designee_text)
        if key not in seen:
            seen.add(key)
            out.append(des)
    return out
