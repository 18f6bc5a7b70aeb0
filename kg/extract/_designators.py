"""Who gave a designation's label: the designator rules of :mod:`kg.extract.designations`
(and two designee helpers it shares: group nouns, "their members").

The agent of the labelling word resolved to its state; a passive's by-phrase or the owner of
the list ("the State Department's list"); the state right before the verb of a contact clause;
the speaker's state in a quote or transcript turn (a person titled by an agency acts for its
state); the state owning a labelling infinitive ("the U.S. decision to label"); for a passive
without agent or a subject that only points at a government, the state the article named last.
An opinion (copula, "said") of a legislator labels nobody; the designee never designates itself.
A participle clause after a comma (", branding X a ...") shares the subject before it; a document
that made the label ("the memo that declared X ...") stands for the state the article is about.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.extract._agents import by_phrase, demonym_agent, find_agent, subject
from kg.extract._designation_frames import capital_subject, category_owner, plural_group_noun, reduced_relative
from kg.extract._context import Ref, agent_actor, inside, phrase_text, quote_regions, turn_person, words
from kg.extract._lexicon import load_lexicon, norm, token_norms, word_set
from kg.extract._setting import home_country
from kg.nlp.lexicons import gazetteer
from kg.nlp.quotes import token_words
from kg.records import Actor

LEX = "designations.yaml"
Frame = tuple[int, int, int, int, int]  # labelling word start, end, designee start, end, floor
DESIGNEE_TYPES = ("CriminalOrganization", "Organization")


def _lex(key: str) -> frozenset[str]:
    return word_set(LEX, key)


def _legislator(doc: Doc, refs: list[Ref], sent: Span, i: int) -> bool:
    """Whether the one asserting at token ``i`` (the speaker of its transcript turn, else the
    first person named outside quotes) is a legislator, whose word labels nobody."""
    regions = quote_regions(sent)
    person = turn_person(doc, i) or next(
        (r.actor for r in refs if sent.start <= r.start < sent.end and r.actor.type == "Person"
         and not inside(regions, r.start)), None)
    roles = gazetteer().roles.get(person.key, ()) if person is not None else ()
    return any(word in _lex("legislative_roles") for role in roles for word in role.split())


def designator(doc: Doc, refs: list[Ref], sent: Span, frame: Frame, span: Span,
               category: str | None = None) -> Actor | None:
    """The state (or body) that gave the label: for a designee told first ("X was designated
    a terrorist group by Y") the by-phrase after the category; in a quote whose clause names no
    one ("The men were enemy combatants," the spokesman said) the speaker; else the agent; a
    capital right before the verb ("Ottawa added") stands for its state."""
    texts, norms = token_words(doc), token_norms(doc)
    v_start, v_end, d_start, d_end, floor = frame
    hit = find_agent(doc, refs, sent, v_start, v_end, reporting_blocks=False, floor=floor)
    if hit.how == "by" and v_end <= d_start and any(norm(t) == "by" for t in doc[d_start:d_end]):
        # "designated X, which it says is led by Y, as ...": the by-phrase is inside the designee
        hit = find_agent(doc, refs, doc[sent.start:d_start], v_start, v_end, reporting_blocks=False, floor=floor)
    designee = next((r.actor.key for r in refs if d_start <= r.start < d_end), None)
    named = {r.actor.key for r in refs if d_start <= r.start < d_end}  # ("X, Y and Z are designated")
    if d_end <= v_start and (hit.actor is None or hit.actor.key in named):
        # passive: "by the State Department" right after the category names the designator
        by = _agent_phrase(doc, refs, sent, v_end, span)
        if by is not None:
            return agent_actor(doc, by.actor) or _person_state(doc, refs, by.actor)
        if (own := _clause_subject(doc, refs, v_start, designee)) is not None:
            return own  # "X, a gang the U.S. has labeled a terrorist group": a contact clause
        owner = next((r for r in refs if v_end <= r.start and r.end <= span.start and (
            norms[r.end] in {"'s"} | _lex("list_nouns") or (r.end == span.start and norms[span.end - 1] in _lex(
                "list_nouns")))), None)  # ("the U.S. list", "the U.S. terror list")
        if owner is not None and agent_actor(doc, owner.actor) is not None:
            return agent_actor(doc, owner.actor)  # "was added to the State Department's list"
        passive = norms[v_start - 1] in _lex("passive_aux") - {"has", "have", "had"} or (
            texts[v_start - 1] == "," and norms[v_start].endswith("ed")) or reduced_relative(doc, v_start) \
            or norms[v_start - 1] in {"a", "an"} \
            or (v_end < len(doc) and norms[v_end] == "by")  # "X is a designated FTO", "designated by"
        if (passive or _implied(doc, frame)) and not _opinion(doc, frame):  # "X was designated an
            return _implied_designator(doc, refs, frame, category)  # FTO in 2019", "X, one of the
            # cartels the administration designated": the state the article is about
        if hit.actor is not None:
            return None  # the designee is no designator of itself
    if asserted_frame(doc, frame) and _legislator(doc, refs, sent, v_start):
        return None  # "Cartels are terrorists," a senator said: an opinion, no act of state
    if hit.actor is not None:
        return hit.actor
    if (capital := capital_subject(doc, sent, v_start)) is not None:
        return capital  # "Ottawa added X to its list": the capital stands for the state
    if inside(quote_regions(sent), v_start) is not None:
        return subject(doc, refs, sent.start, sent.end, quote_regions(sent), check_block=False)
    person = turn_person(doc, v_start)  # "LEAVITT: the cartels are unlawful combatants"
    if person is not None:  # (a speaker of no known state speaks for the state most named)
        return _person_state(doc, refs, person) or (_main_state(doc, refs) if not _opinion(doc, frame) else None)
    if _implied(doc, frame) and not _opinion(doc, frame):  # "the administration designated"
        return _implied_designator(doc, refs, frame, category)
    return (_infinitive_owner(doc, refs, v_start) or _participle_subject(doc, refs, sent, v_start)
            or (category_owner(doc, category) if category and not _opinion(doc, frame)
                and not norms[v_start].endswith("ing") else None))
    # (a category of one state's law, "foreign terrorist organization", is that state's act; not
    # a gerund: "Designating a criminal group as an FTO is a tool" speaks of no act)


def _participle_subject(doc: Doc, refs: list[Ref], sent: Span, v: int) -> Actor | None:
    """"The Treasury went further, branding X a terrorist entity": a participle clause after a
    comma shares the subject of the clause before it."""
    texts, norms = token_words(doc), token_norms(doc)
    verb = norms[v]
    if v - 1 <= sent.start or texts[v - 1] != "," or not verb.endswith("ing") or verb not in _lex("labelling_words"):
        return None  # (an act of labelling: "calling them terrorists" is only an opinion)
    dates = load_lexicon("dates.yaml")
    opener = set(dates["lead_words"]) | words("determiners")  # "In October the Treasury ..."
    for ref in (r for r in refs if sent.start <= r.start and r.end < v):
        if all(norm(t) in opener or t.text in dates["months"] or t.text in dates["weekdays"]
               or t.like_num or t.text == "," for t in doc[sent.start:ref.start]):
            return agent_actor(doc, ref.actor)
        return None
    return None


def _agent_phrase(doc: Doc, refs: list[Ref], sent: Span, v_end: int, span: Span) -> Ref | None:
    """A passive's "by Y": right after the category ("designated an FTO by Y") or right after
    the verb, before "as" ("has been listed by Y as an FTO")."""
    after = v_end if v_end < len(doc) and token_norms(doc)[v_end] == "by" else span.end
    by = by_phrase(doc, refs, sent, after, after)
    return by if by is not None and not any(t.is_punct for t in doc[after:by.start]) else None


def asserted_frame(doc: Doc, frame: Frame) -> bool:
    """Whether the frame's verb is a copula or an asserting word (an opinion may label nobody)."""
    return norm(doc[frame[0]]) in _lex("copulas") | _lex("asserting_words")


def _clause_subject(doc: Doc, refs: list[Ref], v: int, designee: str | None) -> Actor | None:
    """The state named right before the labelling verb at ``v`` (past auxiliaries): the
    subject of a contact clause ("a gang the U.S. has labeled ...")."""
    norms = token_norms(doc)
    k = v
    while k > 0 and norms[k - 1] in _lex("passive_aux") - {"was", "were", "is", "are", "be", "been", "being"}:
        k -= 1
    ref = next((r for r in refs if r.end == k and r.actor.key != designee), None)
    return agent_actor(doc, ref.actor) if ref is not None else None


def _infinitive_owner(doc: Doc, refs: list[Ref], v: int) -> Actor | None:
    """"the U.S. decision to label X ...", "Washington's move to designate X": the state named
    just before the noun or verb that the labelling infinitive completes."""
    norms = token_norms(doc)
    if v < 2 or norms[v - 1] != "to":
        return None
    if norms[v - 2] in _lex("labelling_intents") and (state := demonym_agent(doc, v - 2)) is not None:
        return state  # "the Canadian decision to list X"
    ref = next((r for r in reversed(refs) if r.end <= v - 1 and v - 1 - r.end <= 3), None)
    if ref is None or not all(norm(t) in _lex("labelling_intents") | {"'s", "has", "have", "had"}
                              for t in doc[ref.end:v - 1]):
        return None
    return agent_actor(doc, ref.actor)


def _opinion(doc: Doc, frame: Frame) -> bool:
    """Whether the frame's verb only states a view (a copula, "said", "argued"), not an act
    of labelling ("designated", "declared", "informs")."""
    verb = norm(doc[frame[0]])
    acts = _lex("labelling_words") | _lex("direct_labelling_words") | _lex("informing_words") | _lex("finding_words")
    return asserted_frame(doc, frame) and verb not in acts


def _person_state(doc: Doc, refs: list[Ref], person: Actor) -> Actor | None:
    """The state of a person, or of a person whose title names an agency the gazetteer does not
    tie to them ("Pentagon press secretary X", "X, the State Department spokesman")."""
    state = agent_actor(doc, person)
    if state is not None or person.type != "Person":
        return state
    mine = [r for r in refs if r.actor.key == person.key]
    for ref in mine[:3]:  # the titles come with the first mentions
        before = next((r for r in reversed(refs) if r.end <= ref.start), None)
        if before is not None and ref.start - before.end <= 4 and all(
                t.is_lower or norm(t) == "'s" for t in doc[before.end:ref.start]):
            if (state := agent_actor(doc, before.actor)) is not None:
                return state
        after = next((r for r in refs if r.start >= ref.end), None)
        if after is not None and after.start - ref.end <= 3 and ref.end < len(doc) and token_words(doc)[ref.end] == ",":
            if (state := agent_actor(doc, after.actor)) is not None:
                return state
    return None


def _implied(doc: Doc, frame: Frame) -> bool:
    """Whether the labelling verb's subject only points at a government ("the administration
    designated", "it regarded"): a few words before the verb, past adverbs and auxiliaries."""
    norms = token_norms(doc)
    v_start, floor = frame[0], frame[4]
    for k in range(v_start - 1, max(floor, v_start - 4) - 1, -1):
        if norms[k] in _lex("implied_designators"):
            return True
        if norms[k] not in _lex("passive_aux") | _lex("relatives"):
            return _government_of_leader(doc, k, floor)  # ("the memo that declared": past the
            # relative pronoun)
    return False


def _government_of_leader(doc: Doc, k: int, floor: int) -> bool:
    """"the government of President X formally classified": a government named by its leader,
    the leader's name ending at ``k``."""
    norms = token_norms(doc)
    m = k
    while m > floor and m > k - 8 and (doc[m].text[:1].isupper() or doc[m].is_punct and doc[m].text == "."):
        m -= 1
    return m - 1 >= floor and m < k and norms[m] == "of" and norms[m - 1] in _lex("implied_designators")


def _implied_designator(doc: Doc, refs: list[Ref], frame: Frame, category: str | None = None) -> Actor | None:
    """The state the article last named before the frame (else first after it): the government
    an unnamed subject or a passive without agent stands for; a category of one state's law
    ("foreign terrorist organization") is that state's act."""
    if category and (owner := category_owner(doc, category)) is not None:
        return owner
    v_start, _, d_start, d_end = frame[:4]
    designee = {r.actor.key for r in refs if d_start <= r.start < d_end}
    states = [(r.start, agent_actor(doc, r.actor)) for r in refs if r.actor.key not in designee]
    states = [(i, a) for i, a in states if a is not None and a.type == "Country"]
    before = [a for i, a in states if i < v_start]
    return before[-1] if before else next((a for i, a in states if i > v_start), home_country(doc))


def _main_state(doc: Doc, refs: list[Ref]) -> Actor | None:
    """The state the article names most often (itself or through its officials, agencies and
    forces), ties broken by first mention: whom a transcript speaker of no known state serves."""
    counts: dict[str, list] = {}
    for r in refs:
        state = agent_actor(doc, r.actor)
        if state is not None and state.type == "Country":
            counts.setdefault(state.key, [0, r.start, state])[0] += 1
    if not counts:
        return None
    return max(counts.values(), key=lambda c: (c[0], -c[1]))[2]


def common_head(doc: Doc, sent: Span, k: int, head: int, rel: int) -> Frame | None:
    """A relative clause after a plural group noun no name stands for ("22 gangs, which his
    decree classified as terrorist organizations"): the noun phrase is the designee."""
    norms = token_norms(doc)
    if head - 1 < sent.start or not plural_group_noun(norms[head - 1]):
        return None
    s = head - 1
    while s - 1 >= sent.start and (doc[s - 1].like_num or norms[s - 1] in words("determiners")):
        s -= 1  # "22 gangs", "the gangs"
    return (k, k + 1, s, head, rel + 1)


def member_owner(doc: Doc, refs: list[Ref], sent: Span, start: int, end: int) -> list[tuple[Ref | None, str]]:
    """"these cartels are armed groups, and their members are enemy combatants": the members
    of a group stand for the group named last before them in the sentence (a name, else a
    plural group noun)."""
    norms = token_norms(doc)
    if end - start != 2 or norms[start] not in _lex("member_pointers") or \
            norms[start + 1] not in _lex("member_nouns"):
        return []
    orgs = [r for r in refs if sent.start <= r.start and r.end <= start and r.actor.type in DESIGNEE_TYPES]
    if orgs:
        return [(orgs[-1], phrase_text(doc, orgs[-1].start, orgs[-1].end))]
    nouns = [i for i in range(sent.start, start) if doc[i].is_lower and norms[i].endswith("s")
             and norms[i][:-1] in _lex("group_nouns")]
    return [(None, norm(doc[nouns[0]]))] if nouns else []
