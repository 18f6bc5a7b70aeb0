"""Who carried out (or designated): the agent of a trigger, read from where actors stand.

Order of evidence, strongest first:
1. an actor in the trigger's own noun phrase ("U.S. strikes", "Mexico's drug seizures");
2. a by-phrase ("strikes carried out by the U.S. Navy", "the order signed by Trump"), or for
   deployments the force sent ("the deployment of American warships");
3. the one asked to act ("asked Washington to send troops");
4. the subject: the leftmost actor of the trigger's clause that is not in a prepositional
   phrase, not in the object of an earlier verb, and not separated from the trigger by a word
   of opposition or judgement ("X condemned", "X called the attack ..."); forces count as
   their state: "Colombian police", a bare "the army" in a story datelined from a country
   (:func:`kg.extract._context.bare_force_refs`), "the rebels" for the armed group named last;
5. inside a first-person quote with no actor of its own, the actor speaking outside it;
6. after a reporting verb, the reporter, when the operation is its own ("the SBU said its
   officers ...", "Hegseth said the military ...") or the reporter is a force ("the army said
   strikes killed 30"); likewise a reporter after the clause ("..., the Pentagon said",
   "according to the Pentagon") unless the operation hit it;
7. first person in a transcript turn ("HEGSETH: we struck ..."): the speaker's state.
A person the actor records give no state for speaks for the body or country of their title
("Pentagon spokesman X", "X, Peru's deputy minister"; not a name addressed in a turn, "Q: X, ...");
a transcript speaker with no title shares the one state of the other speakers.
A by-phrase after a participle inside the target ("strikes on boats operated by X") names who
runs the target, not the agent.
Actors resolve to the state they act for; private persons and media are never agents.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kg.extract._context import (
    CLAUSES,
    Ref,
    dateline_end,
    blocked,
    clause_start,
    in_pp,
    inside,
    participle_by,
    quote_regions,
    turn_person,
    turn_speaker,
    words,
)
from kg.extract._context import agent_actor as _state_agent
from kg.extract._demonyms import demonym_agent, with_forces_of
from kg.extract._lexicon import norm, token_norms, word_set, word_union
from kg.nlp.quotes import token_words
from kg.records import Actor

STRONG = ("premod", "by")
BY_WINDOW = 14  # tokens after a trigger where its by-phrase may stand (past a date and an appositive)


def agent_actor(doc: Doc, actor: Actor) -> Actor | None:
    """The state or armed group an actor stands for as an agent (see kg.extract._context), also
    an armed group typed a mere organization ("Rapid Support Forces", "Arakan Army")."""
    found = _state_agent(doc, actor)
    if found is None and actor.type == "Organization" and not actor.government:
        label = actor.label.lower().replace("-", " ").split()
        if label and label[-1] in word_set("operations.yaml", "armed_group_heads"):
            return actor
    return found


@dataclass(frozen=True)
class AgentHit:
    """The agent found for a trigger, how it was found, and a possessive patient if any."""

    actor: Actor | None = None
    how: str = ""
    patient: Ref | None = None
    by_person: bool = False  # the subject is a person ("Sheinbaum attacked ...")


def _ref_at(refs: list[Ref], i: int) -> Ref | None:
    for ref in refs:
        if ref.start <= i < ref.end:
            return ref
    return None


def premodifier(doc: Doc, refs: list[Ref], start: int, floor: int, extra: frozenset[str]) -> Ref | None:
    """The actor inside the trigger's noun phrase ("the U.S. Jan. 3 operation")."""
    skip = words("np_modifiers") | extra if extra else words("np_modifiers")
    j = start - 1
    while j >= floor:
        ref = _ref_at(refs, j)
        if ref is not None:
            return ref
        if not (token_norms(doc)[j] in skip or doc[j].like_num):
            return None
        j -= 1
    return None


def by_phrase(doc: Doc, refs: list[Ref], sent: Span, start: int, end: int) -> Ref | None:
    """The actor of a "by X" right after the trigger."""
    norms, skip = token_norms(doc), word_union((CLAUSES, "determiners"), (CLAUSES, "np_modifiers"))
    stop = words("opaque_boundaries")
    # "the arrest of the cartel's chief by X", "the capture in May of X, a gang boss, by Y"
    for k in range(end, min(sent.end - 1, end + BY_WINDOW)):
        if norms[k] in stop:
            return None
        if norms[k] == "by":
            if k - 1 > end and participle_by(doc, k - 1) and any(
                    norms[m] in words("prepositions") for m in range(end, k - 1)):
                return None  # "strikes on vessels operated by X": X runs the target
            if k - 1 >= end and norms[k - 1] in word_set("operations.yaml", "other_by_verbs"):
                return None  # "flights requested by X": X asked for it, someone else flew
            if k - 2 >= end - 1 and participle_by(doc, k - 1) and norms[k - 2] in word_set("operations.yaml", "weapon_nouns"):
                return None  # "shot down 40 drones launched by X": X sent the drones
            j = k + 1
            prefixes = word_set("operations.yaml", "place_prefixes")  # "by North American forces"
            while j < sent.end and (norms[j] in skip or (norms[j] in prefixes and _ref_at(refs, j) is None)):
                j += 1
            j = _past_unit(doc, refs, sent, j)  # "by an elite unit of the Honduran National Police"
            return _owned_force(doc, refs, _ref_at(refs, j))
    return None


def _past_unit(doc: Doc, refs: list[Ref], sent: Span, j: int) -> int:
    """The token after "<unit> of (the)" at ``j`` ("a unit of", "members of", "agents of the"),
    else ``j``: a part of a force acts for the force."""
    norms, k = token_norms(doc), j
    while k < min(sent.end - 2, j + 3) and _ref_at(refs, k) is None and norms[k] not in word_set(
            "operations.yaml", "unit_nouns"):
        k += 1
    if k >= sent.end - 2 or norms[k] not in word_set("operations.yaml", "unit_nouns") or norms[k + 1] != "of":
        return j
    k += 2
    while k < sent.end - 1 and norms[k] in words("determiners"):
        k += 1
    return k if _ref_at(refs, k) is not None else j


def _owned_force(doc: Doc, refs: list[Ref], ref: Ref | None) -> Ref | None:
    """"by Sudan's paramilitary Rapid Support Forces": the force, not the country owning it."""
    if ref is None or ref.end >= len(doc) or token_norms(doc)[ref.end] != "'s":
        return ref
    owned = next((r for r in refs if ref.end < r.start <= ref.end + 4 and r.actor.type != "Person"), None)
    return owned or ref


def subject_ref(doc: Doc, refs: list[Ref], lo: int, start: int, exclude: list[tuple[int, int]],
                check_block: bool = True, reporting: bool = True) -> Ref | None:
    """The leftmost mention in [lo, start) that can be the clause's agent."""
    for ref in refs:
        if ref.start < lo or ref.end > start or inside(exclude, ref.start):
            continue
        if in_pp(doc, ref) or (check_block and blocked(doc, ref.end, start, reporting)):
            continue
        if _object_of_verb(doc, refs, ref, lo):
            continue  # "detained 20 suspected Islamic State members in raids": an object
        if agent_actor(doc, ref.actor) is not None:
            return ref
    return None


def _after_fronted_participle(doc: Doc, refs: list[Ref], lo: int, start: int) -> Ref | None:
    """"Acting on a tip passed through X, a unit of the navy, the Y brigade, raided ...": after an
    opening participle phrase the subject is the mention right before the verb (its commas aside)."""
    norms = token_norms(doc)
    if not any(norms[k].endswith("ing") and (doc[k].is_lower or k == lo) for k in range(lo, min(lo + 4, start))):
        return None
    j = start - 1 if start - 1 > lo and norms[start - 1] == "," else start
    ends = {r.end for r in refs}
    while j > lo and j not in ends and (doc[j - 1].is_lower or norms[j - 1] == "'s") and doc[j - 1].is_alpha:
        j -= 1  # "..., Colombia's anti-narcotics police, raided": the owner named before the head
    ref = next((r for r in refs if r.end == j and r.start > lo), None)
    return ref if ref is not None and agent_actor(doc, ref.actor) is not None else None


def _object_of_verb(doc: Doc, refs: list[Ref], ref: Ref, lo: int) -> bool:
    """Whether a mention sits in the object of a past-tense verb ("detained 20 suspected X
    members"), so that it cannot be the subject of what follows."""
    norms, skip = token_norms(doc), word_union((CLAUSES, "determiners"), (CLAUSES, "np_modifiers"))
    j = ref.start - 1
    while j >= lo and (doc[j].like_num or norms[j] in skip):
        j -= 1
    if j > lo and norms[j] in {"and", ",", "or"} and (doc[j - 1].is_title or _ref_at(refs, j - 1)):
        k = j - 1  # "branded X and Y terrorist groups": both objects (X named or not)
        while k >= lo and (doc[k].is_title or _ref_at(refs, k) is not None):
            k -= 1
        while k >= lo and (doc[k].like_num or norms[k] in skip):
            k -= 1
        j = k
    if j < lo:
        return False
    low = norms[j]
    return doc[j].is_lower and low.endswith("ed") and low not in words("reporting_words")


def subject(doc: Doc, refs: list[Ref], lo: int, start: int, exclude: list[tuple[int, int]],
            check_block: bool = True, reporting: bool = True) -> Actor | None:
    """The state or group of :func:`subject_ref`."""
    ref = subject_ref(doc, refs, lo, start, exclude, check_block, reporting)
    return agent_actor(doc, ref.actor) if ref is not None else None


def of_phrase(doc: Doc, refs: list[Ref], sent: Span, end: int) -> Actor | None:
    """The force named after the trigger ("the deployment of American warships")."""
    norms = token_norms(doc)
    if end + 1 >= sent.end or norms[end] != "of":
        return None
    j = end + 1
    while j < sent.end - 1 and (norms[j] in words("determiners") or doc[j].like_num
                                or norms[j] in word_set("operations.yaml", "count_qualifiers")):
        j += 1  # "the deployment of 10,000 Mexican troops", "of more than 500 U.S. marines"
    ref = _ref_at(refs, j)
    if ref is not None:
        return agent_actor(doc, ref.actor)
    return demonym_agent(doc, j + 1)


def own_forces_speaker(doc: Doc, refs: list[Ref], sent: Span, lo: int, start: int) -> Actor | None:
    """"Hegseth said the military conducted 14 strikes", "the SBU said its officers detained":
    a bare force or a pronoun after a reporting verb is the speaker's own; and a force that
    reports an operation with no agent of its own ("the army said strikes killed 30") made it."""
    norms, reporting_words = token_norms(doc), words("reporting_words")
    reporting = [k for k in range(lo, start) if norms[k] in reporting_words]
    if not reporting:
        return None
    said = reporting[-1]
    forces = words("own_force_nouns")
    named = {i for r in refs for i in range(r.start, r.end)}
    preps = words("prepositions")
    own = any(norms[k] in forces and k not in named and norms[k - 1] not in preps
              for k in range(said + 1, start))
    # "the SBU said its officers ...", "the ministry said it had arrested": the reporter itself
    # (not "said it had verified three strikes": the pronoun's verb is another)
    pronouns = words("reporter_pronouns")
    gap = word_union(("operations.yaml", "pronoun_gap_words"), (CLAUSES, "determiners"))
    coordinated = norms[start - 1] == "and"  # "said it had enrolled volunteers and sent troops"
    own = own or any(norms[k] in pronouns and (coordinated or all(
        norms[m] in gap or doc[m].like_num or not doc[m].is_lower
        for m in range(k + 1, start))) for k in range(said + 1, min(start, said + 4)))
    reporter = subject_ref(doc, refs, lo, said, quote_regions(sent))
    if reporter is None or not (own or _is_force(doc, reporter)):
        return None
    return agent_actor(doc, reporter.actor)


def trailing_reporter(doc: Doc, refs: list[Ref], sent: Span, end: int) -> Actor | None:
    """"The military struck a boat, the Pentagon said": a force (or one whose own forces act)
    reporting after the clause an operation with no agent of its own made it."""
    texts, norms = token_words(doc), token_norms(doc)
    reporting = words("reporting_words")
    said = next((k for k in range(end, sent.end) if norms[k] in reporting
                 or (norms[k] == "according" and k + 1 < sent.end and norms[k + 1] == "to")), None)
    commas = [m for m in range(end, said or end) if texts[m] == ","]
    if said is None or not commas:
        return None
    after = norms[said] == "according"  # ", according to the Pentagon": the reporter follows
    reporter = next((r for r in refs if (said + 1 < r.start <= said + 3 if after
                                         else commas[-1] < r.start and r.end <= said)), None)
    if reporter is None or any(r.actor.key == reporter.actor.key for r in refs
                               if sent.start <= r.start < commas[-1]):
        return None  # "detained X members in raids, the group said": the reporter was hit
    bare = word_union((CLAUSES, "determiners"), (CLAUSES, "reporter_pronouns"))  # "the military", "our forces"
    forces = words("own_force_nouns")
    own = any(norms[k] in forces and (k == sent.start or norms[k - 1] in bare)
              for k in range(sent.start, end))
    return agent_actor(doc, reporter.actor) if own or _is_force(doc, reporter) else None


def _is_force(doc: Doc, ref: Ref) -> bool:
    """Whether a mention names an armed force or security agency ("Malian armed forces",
    "the army", "U.S. Africa Command"), whose reports of operations are of its own."""
    norms, heads = token_norms(doc), words("force_heads")
    last = norms[ref.end - 1]
    j = ref.end + 1 if ref.end < len(doc) and norms[ref.end] == "'s" else ref.end
    after = norms[j] if j < len(doc) else ""  # "Niger's military government said"
    label = ref.actor.label.lower().split()
    # "the Peruvian defence ministry said": a demonym before the ministry of the forces
    ministry = after in word_set("operations.yaml", "force_ministries") and j + 1 < len(doc) and norm(
        doc[j + 1]) in {"ministry", "ministries", "department", "secretariat"}
    # "the Armada of Colombia", "the Guardia Estatal": a force named head first
    first = bool(label) and label[0] in heads | word_set("operations.yaml", "extra_force_heads")
    extra = bool(label) and label[-1] in word_set("operations.yaml", "extra_force_heads")
    state_body = ref.actor.type.lower() in words("agent_types") and ref.actor.type != "Country"
    return last in heads or after in heads or ministry or bool(label and label[-1] in heads and ref.actor.government) or (
        state_body and (first or extra))


def requested_ref(doc: Doc, refs: list[Ref], sent: Span, start: int) -> Ref | None:
    """"asked Washington to send troops": the one asked to act is the agent."""
    norms, j = token_norms(doc), start - 1
    while j > sent.start and norms[j] in words("verb_adverbs"):
        j -= 1
    if j <= sent.start or norms[j] != "to":
        return None
    ref = _ref_at(refs, j - 1)
    if ref is None or ref.start - 1 < sent.start:
        return None
    k = ref.start - 1
    skip = words("determiners") | {"on", "upon", "from", "by"}
    while k > sent.start and norms[k] in skip:
        k -= 1  # "called on Washington to send", "a request from Washington to extradite"
    return ref if norms[k] in words("request_verbs") else None


def speaker(doc: Doc, refs: list[Ref], sent: Span, quote: tuple[int, int], start: int) -> Actor | None:
    """For a trigger in a first-person quote: the agent-capable actor outside the quotes."""
    first = words("first_person")
    if not any(token_norms(doc)[k] in first for k in range(quote[0], start)):
        return None
    regions = quote_regions(sent)
    return subject(doc, refs, sent.start, sent.end, regions, check_block=False)


def _owner_before(doc: Doc, refs: list[Ref], ref: Ref) -> Actor | None:
    """"Pentagon press secretary Jane Roe": the body or country of a title before a name."""
    j = ref.start - 1
    if j > 0 and token_words(doc)[j] == "," and doc[j - 1].is_lower:
        j -= 1  # "a White House spokesman, Jane Roe": the title before an appositive name
    while j >= 0 and ref.start - j <= 5 and doc[j].is_lower and doc[j].is_alpha:
        j -= 1
    owner = _ref_at(refs, j) if j < ref.start - 1 else None
    return agent_actor(doc, owner.actor) if owner is not None and owner.end == j + 1 else None


def _owner_after(doc: Doc, refs: list[Ref], ref: Ref) -> Actor | None:
    """"X, Peru's deputy minister", "X, a spokesman for the Israeli army": the body or country
    of an appositive title after a name."""
    texts, norms = token_words(doc), token_norms(doc)
    if ref.end + 1 >= len(doc) or texts[ref.end] != "," or _vocative(doc, ref):
        return None
    first = _ref_at(refs, ref.end + 1)  # ", Peru's deputy minister"
    if first is not None and first.end < len(doc) and norms[first.end] == "'s":
        return agent_actor(doc, first.actor) if first.actor.type != "Person" else None
    if norms[ref.end + 1] not in {"a", "an", "the"}:
        return None  # "Mr. X, has the government of Peru ...": a question, no appositive
    for k in range(ref.end + 2, min(len(doc), ref.end + 9)):
        owner = _ref_at(refs, k)
        if owner is not None:  # ", a spokesman for the Israeli army"
            return agent_actor(doc, owner.actor) if owner.actor.type != "Person" else None
        if not doc[k].is_lower:
            return None
    return None


def _vocative(doc: Doc, ref: Ref) -> bool:
    """Whether a name opens a transcript turn and is followed by a comma ("Q: Senator, the
    president said ..."): someone addressed, not someone speaking."""
    texts, j = token_words(doc), ref.start - 1
    while j >= 0 and (doc[j].is_space or texts[j] in {"Mr.", "Ms.", "Mrs.", "Dr."}):
        j -= 1  # "Mr. X, ...": the courtesy title opens the address
    return j >= 0 and texts[j] == ":" and ref.end < len(doc) and texts[ref.end] == ","


def official_state(doc: Doc, refs: list[Ref], person: Actor) -> Actor | None:
    """The state a person speaks for when the actor records none, from a title at one of their
    mentions (see :func:`_owner_before`, :func:`_owner_after`)."""
    for ref in refs:
        if ref.actor.key == person.key and ref.actor.type == "Person":
            found = _owner_before(doc, refs, ref) or _owner_after(doc, refs, ref)
            if found is not None:
                return found
    return None


def _person_state(doc: Doc, refs: list[Ref], lo: int, hi: int, regions: list[tuple[int, int]]) -> Actor | None:
    """The state of the first person named in [lo, hi) outside quotes, through their title."""
    person = next((r.actor for r in refs if lo <= r.start and r.end <= hi and r.actor.type == "Person"
                   and inside(regions, r.start) is None and not r.actor.government
                   and not _vocative(doc, r)), None)
    return official_state(doc, refs, person) if person is not None else None


def announcer(doc: Doc, refs: list[Ref], sent: Span, start: int) -> Actor | None:
    """Who announces the operation at ``start``: the speaker of its quote or transcript turn,
    else the reporter before it ("Trump said every option is on the table")."""
    norms, regions = token_norms(doc), quote_regions(sent)
    if any(norms[k] in words("first_person_objects") for k in range(start, min(sent.end, start + 6))):
        return None  # "attacks on our country could come": the speaker's side would be hit
    if inside(regions, start) is not None:
        return (subject(doc, refs, sent.start, sent.end, regions, check_block=False)
                or _person_state(doc, refs, sent.start, sent.end, regions))
    if (turn := _turn_state(doc, refs, start)) is not None:  # "ROE: ...", a body's press secretary
        return turn
    # "Trump warned that the labs could be targeted": a threat's verb announces it as well
    telling = words("reporting_words") | word_set("operations.yaml", "announcing_verbs")
    said = [k for k in range(sent.start, start) if norms[k] in telling]
    if not said:
        return None
    return (subject(doc, refs, sent.start, said[-1], regions, check_block=False)
            or _person_state(doc, refs, sent.start, said[-1], regions))


def _turn_state(doc: Doc, refs: list[Ref], start: int) -> Actor | None:
    """The state of the transcript turn's speaker: from the actor, from their title, else the
    one state all the other speakers share (a briefing is given from one government's podium)."""
    if (found := turn_speaker(doc, start)) is not None:
        return found
    person = turn_person(doc, start)
    if person is None:
        return None
    if (found := official_state(doc, refs, person)) is not None:
        return found
    speakers = {t.speaker.key: t.speaker for t in doc.user_data.get("kg.turns") or ()}
    states = {s.key: s for p in speakers.values() if p.key != person.key
              for s in [agent_actor(doc, p) or official_state(doc, refs, p)] if s is not None}
    return next(iter(states.values())) if len(states) == 1 else None


def find_agent(
    doc: Doc, refs: list[Ref], sent: Span, start: int, end: int,
    patient_possessive: bool = False, extra: frozenset[str] = frozenset(), reporting_blocks: bool = True,
    force_after: bool = False, floor: int | None = None,
) -> AgentHit:
    """The agent of the trigger at tokens [start, end) of ``sent`` (see module docstring);
    ``floor``: the clause may not start before it ("which Washington designates")."""
    regions = quote_regions(sent)
    quote = inside(regions, start)
    base, dateline = sent.start if floor is None else floor, dateline_end(doc)
    # (a headline above the dateline is read on its own: "X sends troops" / "CITY — ...")
    floor = quote[0] if quote else (max(base, dateline) if start >= dateline else base)
    inner = [r for r in refs if start <= r.start and r.end <= end
             and (r.actor.type == "Country" or r.actor.government)]
    if inner and (agent := agent_actor(doc, inner[0].actor)) is not None:
        return AgentHit(agent, "premod")  # "send U.S. troops": the state is named in the trigger
    pre = premodifier(doc, refs, start, floor, extra)
    patient = None
    if pre is not None and token_norms(doc)[start].endswith("ed") and pre.end == start:
        # "Sheinbaum attacked ...", "the Mexican Army arrested ...": a subject, not a modifier
        agent = agent_actor(doc, pre.actor)
        if agent is not None:
            return AgentHit(agent, "subject", None, pre.actor.type == "Person")
    elif pre is not None:
        possessive = pre.end < len(doc) and token_norms(doc)[pre.end] == "'s"
        # the person before a capture or arrest is who was taken ("Maduro's capture", "the
        # Maduro capture"); a possessive non-state actor too
        state_like = pre.actor.type.lower() in words("agent_types")
        if patient_possessive and (pre.actor.type == "Person" or possessive) and not state_like:
            patient = pre
        elif (agent := agent_actor(doc, pre.actor)) is not None:
            return AgentHit(agent, "premod")
    if (demonym := demonym_agent(doc, start)) is not None:
        return AgentHit(demonym, "premod", patient)
    if force_after and (force := of_phrase(doc, refs, sent, end)) is not None:
        return AgentHit(force, "premod", patient)
    with_forces = with_forces_of(doc, sent, refs)
    by = by_phrase(doc, with_forces, sent, start, end)
    if by is not None and (agent := agent_actor(doc, by.actor)) is not None:
        return AgentHit(agent, "by", patient)
    if (asked := requested_ref(doc, refs, sent, start)) is not None:
        if (agent := agent_actor(doc, asked.actor)) is not None:
            return AgentHit(agent, "subject", patient)  # "asked Washington to send troops"
    lo = _own_conjunct(doc, clause_start(sent, start, floor), start)
    exclude = [] if quote else regions
    ref = _after_fronted_participle(doc, with_forces, lo, start) or subject_ref(
        doc, with_forces, lo, start, exclude, reporting=reporting_blocks)
    if ref is not None:
        return AgentHit(agent_actor(doc, ref.actor), "subject", patient, ref.actor.type == "Person")
    found = _speaker_agent(doc, refs, with_forces, sent, quote, (floor, lo, start, end))
    return AgentHit(found, "speaker" if found is not None else "", patient)


def _own_conjunct(doc: Doc, lo: int, start: int) -> int:
    """Where the trigger's clause starts when it is a coordinated clause with its own subject
    (", and the group has bombed", ", but we dismantled"): the earlier clause's names are not its."""
    norms, gap = token_norms(doc), word_set("operations.yaml", "pronoun_gap_words")
    for c in range(start - 3, lo - 1, -1):
        if norms[c] != "," or norms[c + 1] not in ("and", "but"):
            continue
        k = c + 3 if norms[c + 2] in words("determiners") and doc[c + 3].is_lower else c + 2
        own = k > c + 2 or norms[k] in words("first_person")  # ("and it also arrested": the first subject)
        if own and k < start and all(norms[j] in gap or norms[j].endswith("ly") for j in range(k + 1, start)):
            return c + 2
        return lo
    return lo


def _speaker_agent(doc: Doc, refs: list[Ref], with_forces: list[Ref], sent: Span,
                   quote: tuple[int, int] | None, bounds: tuple[int, int, int, int]) -> Actor | None:
    """Rules 5-7 of the module docstring: the agent a speaker, reporter or turn gives a trigger
    with no subject; ``bounds``: (sentence floor, clause start, trigger start, trigger end)."""
    norms = token_norms(doc)
    floor, lo, start, end = bounds
    if quote is not None:
        return speaker(doc, refs, sent, quote, start)
    if (found := own_forces_speaker(doc, with_forces, sent, lo, start)) is not None:
        return found
    if lo > floor and norms[lo - 1] in word_set("operations.yaml", "temporal_openers") and (
            found := own_forces_speaker(doc, with_forces, sent, floor, start)) is not None:
        return found  # "the army said its soldiers freed hostages after a raid": the troops' raid
    if (found := trailing_reporter(doc, refs, sent, end)) is not None:
        return found
    first_person = words("first_person")
    if any(norms[k] in first_person for k in range(lo, start)):
        return _turn_state(doc, refs, start)  # "HEGSETH: We struck ...": the speaker's state
    return None
