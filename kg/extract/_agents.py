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
A by-phrase after a participle inside the target ("strikes on boats operated by X") names who
runs the target, not the agent.
Actors resolve to the state they act for; private persons and media are never agents.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from kg.extract._context import (
    Ref,
    agent_actor,
    bare_force_refs,
    dateline_end,
    descriptor_refs,
    blocked,
    clause_start,
    country_actor,
    in_pp,
    inside,
    participle_by,
    quote_regions,
    turn_speaker,
    words,
)
from kg.extract._lexicon import load_lexicon, norm
from kg.records import Actor

STRONG = ("premod", "by")


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
    skip = words("np_modifiers") | extra
    j = start - 1
    while j >= floor:
        ref = _ref_at(refs, j)
        if ref is not None:
            return ref
        if not (norm(doc[j]) in skip or doc[j].like_num):
            return None
        j -= 1
    return None


def demonym_agent(doc: Doc, start: int) -> Actor | None:
    """A demonym right before the trigger ("American strikes") as its country, if in the Doc."""
    if start == 0:
        return None
    return country_actor(doc, load_lexicon("demonyms.yaml").get(doc[start - 1].text))


def demonym_refs(doc: Doc, sent: Span, refs: list[Ref]) -> list[Ref]:
    """Demonyms before a force noun ("the Israeli air force", "Colombian police") as mentions
    of their country, where the actor recognizer found no name."""
    taken = {i for r in refs for i in range(r.start, r.end)}
    found = []
    for tok in sent[:-1]:
        nxt = tok.i + 1
        demonyms = load_lexicon("demonyms.yaml")
        if nxt + 2 < sent.end and norm(doc[nxt]) == "and" and doc[nxt + 1].text in demonyms:
            nxt += 2  # "American and British warplanes": both demonyms own the force
        if tok.i in taken or norm(doc[nxt]) not in words("force_nouns"):
            continue
        actor = country_actor(doc, load_lexicon("demonyms.yaml").get(tok.text))
        if actor is not None:
            found.append(Ref(tok.i, tok.i + 1, actor))
    return found


def by_phrase(doc: Doc, refs: list[Ref], sent: Span, start: int, end: int) -> Ref | None:
    """The actor of a "by X" right after the trigger."""
    skip = words("determiners") | words("np_modifiers")
    stop = words("opaque_boundaries")
    for k in range(end, min(sent.end - 1, end + 8)):  # "the arrest of the cartel's chief by X"
        if norm(doc[k]) in stop:
            return None
        if norm(doc[k]) == "by":
            if k - 1 > end and participle_by(doc, k - 1) and any(
                    norm(doc[m]) in words("prepositions") for m in range(end, k - 1)):
                return None  # "strikes on vessels operated by X": X runs the target
            j = k + 1
            while j < sent.end and norm(doc[j]) in skip:
                j += 1
            return _ref_at(refs, j)
    return None


def subject_ref(doc: Doc, refs: list[Ref], lo: int, start: int, exclude: list[tuple[int, int]],
                check_block: bool = True, reporting: bool = True) -> Ref | None:
    """The leftmost mention in [lo, start) that can be the clause's agent."""
    for ref in refs:
        if ref.start < lo or ref.end > start or inside(exclude, ref.start):
            continue
        if in_pp(doc, ref) or (check_block and blocked(doc, ref.end, start, reporting)):
            continue
        if _object_of_verb(doc, ref, lo):
            continue  # "detained 20 suspected Islamic State members in raids": an object
        if agent_actor(doc, ref.actor) is not None:
            return ref
    return None


def _object_of_verb(doc: Doc, ref: Ref, lo: int) -> bool:
    """Whether a mention sits in the object of a past-tense verb ("detained 20 suspected X
    members"), so that it cannot be the subject of what follows."""
    skip = words("determiners") | words("np_modifiers")
    j = ref.start - 1
    while j >= lo and (doc[j].like_num or norm(doc[j]) in skip):
        j -= 1
    if j < lo:
        return False
    low = norm(doc[j])
    return doc[j].is_lower and low.endswith("ed") and low not in words("reporting_words")


def subject(doc: Doc, refs: list[Ref], lo: int, start: int, exclude: list[tuple[int, int]],
            check_block: bool = True, reporting: bool = True) -> Actor | None:
    """The state or group of :func:`subject_ref`."""
    ref = subject_ref(doc, refs, lo, start, exclude, check_block, reporting)
    return agent_actor(doc, ref.actor) if ref is not None else None


def of_phrase(doc: Doc, refs: list[Ref], sent: Span, end: int) -> Actor | None:
    """The force named after the trigger ("the deployment of American warships")."""
    if end + 1 >= sent.end or norm(doc[end]) != "of":
        return None
    j = end + 1
    while j < sent.end - 1 and norm(doc[j]) in words("determiners"):
        j += 1
    ref = _ref_at(refs, j)
    if ref is not None:
        return agent_actor(doc, ref.actor)
    return demonym_agent(doc, j + 1)


def own_forces_speaker(doc: Doc, refs: list[Ref], sent: Span, lo: int, start: int) -> Actor | None:
    """"Hegseth said the military conducted 14 strikes", "the SBU said its officers detained":
    a bare force or a pronoun after a reporting verb is the speaker's own; and a force that
    reports an operation with no agent of its own ("the army said strikes killed 30") made it."""
    reporting = [k for k in range(lo, start) if norm(doc[k]) in words("reporting_words")]
    if not reporting:
        return None
    said = reporting[-1]
    forces = words("own_force_nouns")
    named = {i for r in refs for i in range(r.start, r.end)}
    preps = words("prepositions")
    own = any(norm(doc[k]) in forces and k not in named and norm(doc[k - 1]) not in preps
              for k in range(said + 1, start))
    # "the SBU said its officers ...", "the ministry said it had arrested": the reporter itself
    pronouns = words("reporter_pronouns")
    own = own or any(norm(doc[k]) in pronouns for k in range(said + 1, min(start, said + 4)))
    reporter = subject_ref(doc, refs, lo, said, quote_regions(sent))
    if reporter is None or not (own or _is_force(doc, reporter)):
        return None
    return agent_actor(doc, reporter.actor)


def trailing_reporter(doc: Doc, refs: list[Ref], sent: Span, end: int) -> Actor | None:
    """"The military struck a boat, the Pentagon said": a force (or one whose own forces act)
    reporting after the clause an operation with no agent of its own made it."""
    said = next((k for k in range(end, sent.end) if norm(doc[k]) in words("reporting_words")
                 or (norm(doc[k]) == "according" and k + 1 < sent.end and norm(doc[k + 1]) == "to")), None)
    commas = [m for m in range(end, said or end) if doc[m].text == ","]
    if said is None or not commas:
        return None
    after = norm(doc[said]) == "according"  # ", according to the Pentagon": the reporter follows
    reporter = next((r for r in refs if (said + 1 < r.start <= said + 3 if after
                                         else commas[-1] < r.start and r.end <= said)), None)
    if reporter is None or any(r.actor.key == reporter.actor.key for r in refs if r.start < commas[-1]):
        return None  # "detained X members in raids, the group said": the reporter was hit
    bare = words("determiners") | words("reporter_pronouns")  # "the military", "our forces"
    own = any(norm(doc[k]) in words("own_force_nouns") and (k == sent.start or norm(doc[k - 1]) in bare)
              for k in range(sent.start, end))
    return agent_actor(doc, reporter.actor) if own or _is_force(doc, reporter) else None


def _is_force(doc: Doc, ref: Ref) -> bool:
    """Whether a mention names an armed force or security agency ("Malian armed forces",
    "the army", "U.S. Africa Command"), whose reports of operations are of its own."""
    heads = words("force_heads")
    last = norm(doc[ref.end - 1])
    j = ref.end + 1 if ref.end < len(doc) and norm(doc[ref.end]) == "'s" else ref.end
    after = norm(doc[j]) if j < len(doc) else ""  # "Niger's military government said"
    label = ref.actor.label.lower().split()
    return last in heads or after in heads or bool(label and label[-1] in heads and ref.actor.government)


def requested_ref(doc: Doc, refs: list[Ref], sent: Span, start: int) -> Ref | None:
    """"asked Washington to send troops": the one asked to act is the agent."""
    j = start - 1
    while j > sent.start and norm(doc[j]) in words("verb_adverbs"):
        j -= 1
    if j <= sent.start or norm(doc[j]) != "to":
        return None
    ref = _ref_at(refs, j - 1)
    if ref is None or ref.start - 1 < sent.start:
        return None
    k = ref.start - 1
    skip = words("determiners") | {"on", "upon", "from", "by"}
    while k > sent.start and norm(doc[k]) in skip:
        k -= 1  # "called on Washington to send", "a request from Washington to extradite"
    return ref if norm(doc[k]) in words("request_verbs") else None


def speaker(doc: Doc, refs: list[Ref], sent: Span, quote: tuple[int, int], start: int) -> Actor | None:
    """For a trigger in a first-person quote: the agent-capable actor outside the quotes."""
    first = words("first_person")
    if not any(norm(doc[k]) in first for k in range(quote[0], start)):
        return None
    regions = quote_regions(sent)
    return subject(doc, refs, sent.start, sent.end, regions, check_block=False)


def announcer(doc: Doc, refs: list[Ref], sent: Span, start: int) -> Actor | None:
    """Who announces the operation at ``start``: the speaker of its quote or transcript turn,
    else the reporter before it ("Trump said every option is on the table")."""
    regions = quote_regions(sent)
    if any(norm(doc[k]) in words("first_person_objects") for k in range(start, min(sent.end, start + 6))):
        return None  # "attacks on our country could come": the speaker's side would be hit
    if inside(regions, start) is not None:
        return subject(doc, refs, sent.start, sent.end, regions, check_block=False)
    if (turn := turn_speaker(doc, start)) is not None:
        return turn
    said = [k for k in range(sent.start, start) if norm(doc[k]) in words("reporting_words")]
    return subject(doc, refs, sent.start, said[-1], regions, check_block=False) if said else None


def find_agent(
    doc: Doc, refs: list[Ref], sent: Span, start: int, end: int,
    patient_possessive: bool = False, extra: frozenset[str] = frozenset(), reporting_blocks: bool = True,
    force_after: bool = False, floor: int | None = None,
) -> AgentHit:
    """The agent of the trigger at tokens [start, end) of ``sent`` (see module docstring);
    ``floor``: the clause may not start before it ("which Washington designates")."""
    regions = quote_regions(sent)
    quote = inside(regions, start)
    floor = quote[0] if quote else max(sent.start if floor is None else floor, dateline_end(doc))
    inner = [r for r in refs if start <= r.start and r.end <= end
             and (r.actor.type == "Country" or r.actor.government)]
    if inner and (agent := agent_actor(doc, inner[0].actor)) is not None:
        return AgentHit(agent, "premod")  # "send U.S. troops": the state is named in the trigger
    pre = premodifier(doc, refs, start, floor, extra)
    patient = None
    if pre is not None and norm(doc[start]).endswith("ed") and pre.end == start:
        # "Sheinbaum attacked ...", "the Mexican Army arrested ...": a subject, not a modifier
        agent = agent_actor(doc, pre.actor)
        if agent is not None:
            return AgentHit(agent, "subject", None, pre.actor.type == "Person")
    elif pre is not None:
        possessive = pre.end < len(doc) and norm(doc[pre.end]) == "'s"
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
    with_forces = sorted(refs + demonym_refs(doc, sent, refs), key=lambda r: r.start)
    with_forces = sorted(with_forces + bare_force_refs(doc, sent, with_forces)
                         + descriptor_refs(doc, sent, refs), key=lambda r: r.start)
    by = by_phrase(doc, with_forces, sent, start, end)
    if by is not None and (agent := agent_actor(doc, by.actor)) is not None:
        return AgentHit(agent, "by", patient)
    if (asked := requested_ref(doc, refs, sent, start)) is not None:
        if (agent := agent_actor(doc, asked.actor)) is not None:
            return AgentHit(agent, "subject", patient)  # "asked Washington to send troops"
    lo = clause_start(sent, start, floor)
    exclude = [] if quote else regions
    ref = subject_ref(doc, with_forces, lo, start, exclude, reporting=reporting_blocks)
    if ref is not None:
        return AgentHit(agent_actor(doc, ref.actor), "subject", patient, ref.actor.type == "Person")
    if quote is not None and (found := speaker(doc, refs, sent, quote, start)) is not None:
        return AgentHit(found, "speaker", patient)
    if quote is None and (found := own_forces_speaker(doc, with_forces, sent, lo, start)) is not None:
        return AgentHit(found, "speaker", patient)
    if quote is None and (found := trailing_reporter(doc, refs, sent, end)) is not None:
        return AgentHit(found, "speaker", patient)
    if any(norm(doc[k]) in words("first_person") for k in range(lo, start)) and (
            found := turn_speaker(doc, start)) is not None:
        return AgentHit(found, "speaker", patient)  # "HEGSETH: We struck ...": the speaker's state
    return AgentHit(None, "", patient)
