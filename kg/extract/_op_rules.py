"""Operation rules that read a trigger's surroundings for its type or agent when the trigger's
own clause does not give them (used by :mod:`kg.extract.operations`).

- a trigger word inside a capitalised name ("Naval Strike Missile") is no trigger;
- the type once the target is known: a person seized is captured, a town taken is captured,
  a bare attack on a place, post or group (not a craft, with no weapon of the air in its
  sentence) is a generic use of force, a detention followed by a killing is one too;
- the subject of a passive custody verb ("a Gulf Clan commander was captured") was taken: no agent;
- agents: the state inside a contact clause ("the prisoners Mexico sent"), the owner of the
  first force of the subject ("soldiers of the Malian army and ..."), the claimant of an
  attack ("the group claimed an ambush"), a demonym owning a force or craft ("Afghan border
  forces", "a Chinese coast guard ship"), a possessive pointer opening the clause ("its
  fighters" = the subject of the sentence before), the subject of a clause told how it acted
  ("Thailand responded by deploying troops"), a coordinated verb sharing the subject of
  the first ("sent X, deployed Y"), and the dateline's state for an agency of no known state
  handing people over; a ship of a multinational mission acts for no state;
- a force sent "to the border (with X)" stands at the border: the border is its target text,
  not X its place;
- a subject pronoun after at most a short fronted adverbial ("In February it sent") stands for
  the subject of the sentence before.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.extract._agents import STRONG, AgentHit, agent_actor, announcer, subject_ref
from kg.extract._context import CLAUSES, Ref, clause_start, quote_regions, words
from kg.extract._demonyms import demonym_agent
from kg.extract._lexicon import load_lexicon, token_norms, word_set, word_union
from kg.extract._op_agentless import patient_subject
from kg.extract._op_owner import first_person_state
from kg.extract._setting import dateline_end, home_country
from kg.nlp.quotes import doc_text, token_words
from kg.records import Actor

OPS = "operations.yaml"


def _ops(key: str) -> frozenset[str]:
    return word_set(OPS, key)


def context_hit(doc: Doc, refs: list[Ref], sents: list[Span], k: int, entry: dict, span: Span,
                hit: AgentHit) -> AgentHit:
    """The agent found in the trigger's clause (``hit``) corrected or completed from its context."""
    sent, op_type = sents[k], entry["type"]
    if entry.get("inner_agent") and (found := inner_agent(doc, refs, span)) is not None:
        hit = AgentHit(found, "subject", hit.patient)  # "the 26 prisoners Mexico sent"
    if hit.how not in STRONG and (found := force_owner(doc, refs, sent, span.start)) is not None:
        hit = AgentHit(found, "subject", hit.patient)  # "soldiers of the Malian army detained"
    if (found := claimant(doc, refs, sent, span.start)) is not None:
        hit = AgentHit(found, "subject", hit.patient)  # "the group claimed an ambush"
    if hit.actor is not None and op_type in _ops("state_agent_types") and not (
            hit.actor.type == "Country" or hit.actor.government):
        # a gang extradites no one: only states hand over people (an agency of no known state
        # is the dateline's)
        hit = AgentHit(state_home(doc, hit.actor), "subject", hit.patient)
    if hit.actor is None and not entry.get("patient_before") and (found := demonym_force(doc, sent, span.start)) is not None:
        hit = AgentHit(found, "subject", hit.patient)  # "Afghan border forces attacked"
    if hit.actor is None and (found := possessive_agent(doc, refs, sents, k, span.start)) is not None:
        hit = AgentHit(found, "subject", hit.patient)  # "X stepped up ... its fighters enforced"
    if hit.how == "subject" and (found := own_force(doc, refs, sent, span.start)) is not None:
        hit = AgentHit(found, "subject", hit.patient)  # '"Our Coast Guard intercepted ...," the minister said'
    if hit.actor is None and (found := means_subject(doc, refs, sent, span.start)) is not None:
        hit = AgentHit(found, "subject", hit.patient)  # "Thailand responded by deploying troops"
    if hit.actor is None and coordinated(doc, sent, span.start):
        hit = AgentHit(None, "participle", hit.patient)  # "sent X, deployed Y": the first verb's
    if hit.actor is not None and op_type in _ops("court_free_types") and _court(hit.actor):
        hit = AgentHit(None, "", hit.patient)  # "the court found them guilty over the attack"
    if hit.how == "subject" and op_type in _ops("patient_types") and patient_subject(doc, sent, span):
        hit = AgentHit(None, "", hit.patient)  # "a Gulf Clan commander was captured": taken, not taker
    return hit


def own_force(doc: Doc, refs: list[Ref], sent: Span, start: int) -> Actor | None:
    """The speaker's state for a force the speaker calls "our" right before the trigger ("Our
    Coast Guard intercepted", said in Port of Spain): not the state whose body of that name
    the gazetteer knows."""
    norms = token_norms(doc)
    if not any(norms[k] == "our" for k in range(max(sent.start, start - 4), start)):
        return None
    return first_person_state(doc, refs, sent, start)


def _court(actor: Actor) -> bool:
    """Whether an actor is a court or a judge (by the last word of its name)."""
    words = actor.label.lower().split()
    return bool(words) and words[-1] in _ops("court_heads")


def means_subject(doc: Doc, refs: list[Ref], sent: Span, start: int) -> Actor | None:
    """"Thailand responded by deploying troops", "Kenya reacted to the raid by sending police":
    a gerund after "by" tells how the subject of the clause acted, so that subject is its agent."""
    norms = token_norms(doc)
    if start - 1 <= sent.start or norms[start - 1] != "by" or not norms[start].endswith("ing"):
        return None
    lo = max(clause_start(sent, start - 1), dateline_end(doc) if start >= dateline_end(doc) else sent.start)
    ref = subject_ref(doc, refs, lo, start - 1, quote_regions(sent), check_block=False)
    return agent_actor(doc, ref.actor) if ref is not None else None


def in_name(doc: Doc, sent: Span, span: Span) -> bool:
    """Whether a capitalised trigger stands inside a name ("Naval Strike Missiles", "Ship
    Interdiction System"): a capitalised word next to it, not at the start of the sentence,
    in a line that is not a title-cased headline."""
    texts = token_words(doc)
    if span.start <= sent.start or not all(texts[k][:1].isupper() for k in range(span.start, span.end)):
        return False  # ("Unit will remain in": a name before the verb of the trigger)
    before = texts[span.start - 1]
    after = texts[span.end] if span.end < sent.end else ""
    if not (before[:1].isupper() and before.isalpha() or after[:1].isupper() and after.isalpha()):
        return False
    text, at = doc_text(doc), span.start_char
    line = text[text.rfind("\n", 0, at) + 1 : (text.find("\n", at) + 1 or len(text) + 1) - 1]
    long_words = [w for w in line.split() if len(w) > 3 and w.isalpha()]
    return bool(long_words) and sum(w[0].islower() for w in long_words) * 4 >= len(long_words)


def refined_type(doc: Doc, sent: Span, span: Span, entry: dict, op_type: str, args: dict) -> str:
    """The type the target decides: a person seized is captured ("seized Maduro"), a held
    place taken is captured (``held_place``), uncrewed craft destroyed are downed weapons (as
    "shot down"), a bare attack on anything but a craft a use of force (``ground_target_type``)."""
    taken = args["target"]
    norms = token_norms(doc)
    after = set(norms[span.end : min(sent.end, span.end + 4)])
    if op_type in ("arrest", "capture") and "and" in after and after & _ops("killing_verbs"):
        return "military_action"  # "detained and later killed 31 men": an execution, not an arrest
    if op_type == "seizure" and taken is not None and taken.type == "Person":
        return "capture"  # "special forces seized the president": a person taken, not goods
    if op_type == "seizure" and args["target_text"] and args["target_text"].split()[-1] in _ops("captive_nouns"):
        return "capture"  # "troops seized the gang's leader"
    if op_type == "strike" and norms[span.start] in _ops("downing_verbs") and args["target_text"] \
            and set(args["target_text"].split()) & _ops("uncrewed_words"):
        return "military_action"  # "destroyed 13 uncrewed surface vessels": incoming weapons downed
    ground = entry.get("ground_target_type")
    if ground and op_type == entry["type"] and args["target_text"]:
        armed = set(token_norms(doc)[sent.start : sent.end]) & _ops("air_weapon_words")
        if not set(args["target_text"].split()) & _ops("craft_nouns") and not armed:
            return ground  # "attacked Pakistani posts" (not "attacked a tanker", "drones ... the attack")
    return op_type


def inner_agent(doc: Doc, refs: list[Ref], span: Span) -> Actor | None:
    """The state named inside a contact clause trigger ("prisoners Mexico sent")."""
    for ref in refs:
        if span.start < ref.start and ref.end < span.end and (ref.actor.type == "Country" or ref.actor.government):
            return agent_actor(doc, ref.actor)
    return None


def claimant(doc: Doc, refs: list[Ref], sent: Span, start: int) -> Actor | None:
    """Who claimed the attack ("the group claimed an ambush", "X claimed responsibility for
    the bombing"): the actor right before the claiming verb."""
    norms, verbs = token_norms(doc), _ops("claim_verbs")
    claim = next((k for k in range(start - 1, max(sent.start, start - 5) - 1, -1) if norms[k] in verbs), None)
    if claim is None:
        return None
    ref = next((r for r in reversed(refs) if sent.start <= r.start and claim - 4 <= r.end <= claim), None)
    if ref is not None and token_words(doc)[ref.start].islower():  # "the group": the group named before it
        named = [r for r in refs if sent.start <= r.start < ref.start and r.actor.type not in ("Country", "Person")
                 and not token_words(doc)[r.start].islower()]
        ref = named[-1] if named else ref
    return agent_actor(doc, ref.actor) if ref is not None else None


def demonym_force(doc: Doc, sent: Span, start: int) -> Actor | None:
    """"Afghan border forces attacked", "a Chinese coast guard ship rammed": a demonym, modifiers
    of a force and a force or craft noun as the subject right before the trigger."""
    norms, j = token_norms(doc), start - 1
    if j <= sent.start or norms[j] not in words("own_force_nouns") | _ops("force_craft_nouns"):
        return None
    j -= 1
    while j > sent.start and norms[j] in _ops("force_modifiers"):
        j -= 1
    return demonym_agent(doc, j + 1)


def force_owner(doc: Doc, refs: list[Ref], sent: Span, start: int) -> Actor | None:
    """"soldiers of the Malian Armed Forces and fighters of Russia's Africa Corps detained ...":
    the owner of the first force noun of the subject, a force "of" an actor right before."""
    norms, forces = token_norms(doc), word_union((OPS, "unnamed_force_nouns"), (OPS, "owned_force_nouns"))
    lo = max(sent.start, start - 20)
    openers = _ops("clause_openers")
    lo = max([k + 1 for k in range(lo, start) if norms[k] in openers], default=lo)
    for k in range(lo, min(lo + 3, start - 2)):  # the clause's subject, not an object ("arrested members of X")
        if norms[k] in forces and norms[k + 1] == "of":
            ref = next((r for r in refs if r.start in (k + 2, k + 3) and r.end <= start), None)
            if ref is not None and (found := agent_actor(doc, ref.actor)) is not None:
                return found
    return None


def possessive_agent(doc: Doc, refs: list[Ref], sents: list[Span], k: int, start: int) -> Actor | None:
    """"JNIM has stepped up operations. Since September its fighters have enforced a blockade":
    a possessive pointer and a force noun opening the clause are the forces of the subject of
    the sentence before."""
    norms, sent = token_norms(doc), sents[k]
    own = next((j for j in range(sent.start, min(start, sent.start + 6)) if norms[j] in {"its", "their"}), None)
    if own is not None and any(norms[j] in words("reporting_words") for j in range(sent.start, own)):
        return None  # "the service said its officers ...": the reporter's own (see kg.extract._agents)
    if own is None or k == 0 or own + 1 >= start or norms[own + 1] not in _ops("unnamed_force_nouns") | _ops("owned_force_nouns"):
        return None
    if any(sent.start <= r.start < own for r in refs):
        return None  # "Mexico said its soldiers ...": the owner is named in the sentence
    prev = sents[k - 1]
    ref = subject_ref(doc, refs, prev.start, prev.end, quote_regions(prev), check_block=False)
    return agent_actor(doc, ref.actor) if ref is not None else None


def coordinated(doc: Doc, sent: Span, start: int) -> bool:
    """Whether the trigger is a verb of a coordination that shares the subject of the first
    ("It has sent 55 prisoners north, deployed 10,000 troops and allowed flights"): a past
    form right after a comma or "and" (the mention before it in the sentence gives the agent,
    see kg.extract._op_merge)."""
    norms, texts = token_norms(doc), token_words(doc)
    if start - 1 <= sent.start or not (texts[start].endswith("ed") or norms[start] in _ops("past_forms")):
        return False
    return norms[start - 1] in {",", "and"}


def state_home(doc: Doc, actor: Actor | None) -> Actor | None:
    """For an operation only a state carries out, done by an agency the records give no state
    for ("the General Directorate of Migration said it had repatriated ..."): the state the
    story is datelined from."""
    if actor is None or actor.type != "GovernmentBody" or actor.government:
        return None
    return home_country(doc)


def border_destination(doc: Doc, sent: Span, end: int) -> str | None:
    """"ordered 1,200 soldiers to the frontier with Haiti", "troops to the border": a force
    sent to a border, whose place is the border, not the neighbour it faces (the text)."""
    norms, texts = token_norms(doc), token_words(doc)
    reach = min(sent.end, end + int(load_lexicon(OPS)["border_reach"]))
    to = next((k for k in range(end, reach) if norms[k] == "to"), None)
    if to is None or to + 1 >= sent.end:
        return None
    j = to + 2 if norms[to + 1] in words("determiners") | {"its", "their"} else to + 1
    if j == to + 1 and not texts[j][:1].isupper():
        return None  # "to Haiti border" (a headline), "to the border"; not "to help"
    j0 = j
    while j < min(sent.end, to + 7) and norms[j] not in _ops("border_nouns") and (texts[j].isalpha() or texts[j] == "-"):
        j += 1
    if j >= sent.end or norms[j] not in _ops("border_nouns"):
        return None
    e = j + 1
    if e + 1 < sent.end and norms[e] == "with" and texts[e + 1][:1].isupper():
        e += 2
    return doc_text(doc)[doc[j0].idx : doc[e - 1].idx + len(texts[e - 1])].lower()


def for_mission(refs: list[Ref], sent: Span, agent: Actor | None) -> bool:
    """Whether a multinational mission (``mandating_bodies``) is named in the sentence of a
    ship's operation told of someone else ("the EU's naval mission said the Italian frigate
    had been sent"): the ship acts for the mission, not for its flag state."""
    bodies = _ops("mandating_bodies")
    return any(sent.start <= r.start < sent.end and r.actor.key in bodies for r in refs) and (
        agent is None or agent.key not in bodies)


def urged_by_other(doc: Doc, refs: list[Ref], sent: Span, span: Span, agent: Actor | None) -> bool:
    """Whether a threat is someone else's suggestion ("if the Americans can bomb boats, they can
    bomb the gang's headquarters", a Haitian politician said): a modal of ability or advice
    before the verb and an announcer of another state than the agent's (a proposal)."""
    norms = token_norms(doc)
    modal = any(norms[j] in _ops("suggestion_modals") for j in range(max(sent.start, span.start - 2), span.start + 1))
    if agent is None or not modal:
        return False
    speaker = announcer(doc, refs, sent, span.start)
    return speaker is not None and speaker.type == "Country" and speaker.key != agent.key


def pronoun_agent(doc: Doc, refs: list[Ref], sents: list[Span], k: int, start: int) -> Actor | None:
    """"It deployed 10,000 troops", "In February it sent 29 prisoners ..., and it has deployed":
    a subject pronoun of the trigger, the sentence's first after at most a short fronted
    adverbial and no name, stands for the subject of the sentence before (through more such
    pronouns)."""
    norms, sent = token_norms(doc), sents[k]
    gap = word_union((OPS, "pronoun_gap_words"), (CLAUSES, "determiners"))  # "it has since sent"
    blockers = word_union((OPS, "pronoun_lead_blockers"), (CLAUSES, "reporting_words"))
    p = start - 1
    while p > sent.start and (norms[p] in gap or doc[p].like_num):
        p -= 1
    if p < sent.start or norms[p] not in _ops("subject_pronouns"):
        return None
    first = next(q for q in range(sent.start, p + 1) if norms[q] == norms[p])
    if first - sent.start > int(load_lexicon(OPS)["pronoun_lead_reach"]) or any(
            sent.start <= r.start < first for r in refs):
        return None  # "the army said it ...": a name of the sentence is the antecedent
    if any(norms[j] in blockers for j in range(sent.start, first)):
        return None  # '"If they can hit them ...', "The army said it ...": not the deed's doer
    for j in range(k - 1, max(-1, k - 4), -1):
        prev = sents[j]
        if norms[prev.start] in _ops("subject_pronouns"):
            continue  # "It sent ... It deployed ...": the same antecedent
        ref = subject_ref(doc, refs, prev.start, prev.end, quote_regions(prev), check_block=False)
        return agent_actor(doc, ref.actor) if ref is not None else None
    return None

