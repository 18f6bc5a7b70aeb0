"""Operations (strikes, raids, deployments, seizures, arrests, ...) from trigger patterns.

Triggers, exclusions and argument cues are data (``kg/lexicons/operations.yaml``), status cues
too (``kg/lexicons/modality.yaml``). Each trigger becomes a candidate with its status, agent
(:mod:`kg.extract._agents`), target, location, date, casualties and count; candidates that are
negated, generic or without an agent are dropped (a threatened or proposed operation without
one is the announcing official's state's, and so is one the official points to as a record or
one done by craft, ``speaker_agent``; what a bill would authorize is proposed by the state whose
legislature has the bill); mentions of one event are then merged
(:mod:`kg.extract._op_merge`) so that an article reports each operation once.

Fallback agents, in order, when the trigger's clause names none: a mandating body or the one who
gives an order ("ordered the military to ..."), an earlier-named force of the kind a bare noun
stands for ("an army strike"), the runner named in a relative clause ("aircraft that the agency
has flown"), and for an unnamed force opening the clause ("State troopers seized ...") the agency
that tells of it in the next sentence, else the dateline's country; last, the owners that
:mod:`kg.extract._op_owner` reads from the article (an unowned "the navy", "police", "rebels" or
a quote's "we" for the state or group named before, a passive extradition for the state left
behind). A seizure of a held place is
a military action; a trigger compared with another event ("like the boat strikes") is none.
Agents read from the context (a force's owner, a claimant, "its fighters", a coordinated verb)
and types decided by the target are in :mod:`kg.extract._op_rules`; the dateline in
:func:`kg.extract._setting.home_country`.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from kg.extract._agents import STRONG, AgentHit, agent_actor, announcer, demonym_agent, find_agent, subject_ref
from kg.extract._context import (
    Ref,
    actor_refs,
    dateline_end,
    in_pp,
    home_country,
    phrase_text,
    quote_regions,
    sentences,
    words,
)
from kg.extract._lexicon import build_matcher, load_lexicon, longest_matches, token_norms, word_set
from kg.extract._modality import NEGATED, cue_matcher, cue_spans, legislative, status_of
from kg.extract._op_agentless import agentless_hit, passive_subject
from kg.extract._op_args import casualties_of, count_of, location_of, target_of
from kg.extract._op_home import state_force_refs
from kg.extract._op_merge import Candidate, merge_candidates
from kg.extract._op_owner import force_owner, owner_hit, partner_states
from kg.extract._op_rules import (
    border_destination, context_hit, for_mission, in_name, pronoun_agent, refined_type, urged_by_other,
)
from kg.extract._setting import place_country
from kg.extract.dates import find_date
from kg.nlp.quotes import doc_quotes, token_words
from kg.nlp.tables import span_text
from kg.records import Actor, Evidence, Operation

OPS = "operations.yaml"


def _ops(key: str) -> frozenset[str]:
    return word_set(OPS, key)


def _vetoed(span: Span, vetoes: list[Span]) -> bool:
    """An excluded phrase ("a general strike") cancels a trigger it overlaps, unless the
    trigger is a longer phrase that contains it."""
    for v in vetoes:
        contains = span.start <= v.start and v.end <= span.end and len(span) > len(v)
        if v.start < span.end and span.start < v.end and not contains:
            return True
    return False


def _trigger_matches(doc: Doc) -> list[tuple[dict, Span]]:
    """Trigger matches (entry, span), longest first on overlap, minus excluded phrases."""
    lex = load_lexicon(OPS)
    entries = lex["triggers"]
    matcher = build_matcher(doc, {f"t{i:03d}": e["patterns"] for i, e in enumerate(entries)})
    vetoes = [doc[s:e] for _k, s, e in build_matcher(doc, {"x": lex["exclusions"]})(doc)]
    found = [(entries[int(key[1:])], span) for key, span in longest_matches(doc, matcher) if not _vetoed(span, vetoes)]
    # ("seized bombs", "had killed 25 insurgents": an after_subject word with no subject before
    # it is no trigger, and does not end the clause of the trigger before it)
    return [(entry, span) for entry, span in found if not entry.get("after_subject") or _after_subject(doc, span)]


def _verbal(doc: Doc, span: Span) -> bool:
    """Whether the trigger is used as a verb (so the next phrase is its object)."""
    before = token_norms(doc)[span.start - 1] if span.start > 0 else ""
    if before in words("determiners"):
        return False  # "the bombed vessel": a participle used as an adjective
    last = token_norms(doc)[span.end - 1]  # "struck", "hit", "sank": irregular past forms are verbs too
    first = token_norms(doc)[span.start]  # "The army sent 500 soldiers": a verb opens the trigger
    verb_first = len(span) > 1 and (first in _ops("past_forms") or first.endswith("ed") and first not in words("np_modifiers"))
    return (last.endswith(("ed", "ing")) or last in _ops("past_forms") or before in _ops("verb_markers") or verb_first
            or (len(span) > 1 and token_norms(doc)[span.start] in _ops("verb_markers")))  # "can bomb X"


def _definite(doc: Doc, span: Span) -> bool:
    """Whether the trigger is a definite noun phrase ("the strikes", "these operations")."""
    norms, j = token_norms(doc), span.start - 1
    while j >= 0 and norms[j] in words("np_modifiers"):
        j -= 1
    return j >= 0 and norms[j] in _ops("definite_markers")


def _passive(doc: Doc, sent: Span, span: Span) -> bool:
    """Whether the trigger is told in the passive voice ("attacks were carried out")."""
    after = " ".join(token_norms(doc)[span.end : min(sent.end, span.end + 3)]) + " "
    return _passive_verb(doc, sent, span.start) or any(after.startswith(w + " ")
                                                       for w in _ops("passive_after"))


def _passive_verb(doc: Doc, sent: Span, start: int) -> bool:
    """Whether the trigger is a passive participle ("was recaptured"), also the second of two
    ("was recaptured in June and extradited in July")."""
    norms, aux = token_norms(doc), _ops("passive_before")
    before = norms[start - 1] if start > sent.start else ""
    if before == "and" and token_words(doc)[start].endswith("ed"):
        return any(norms[k] in aux for k in range(max(sent.start, start - 10), start - 1))
    return before in aux


def _arguments(doc: Doc, refs: list[Ref], sent: Span, span: Span, op_type: str,
               hit: AgentHit, stop: int, whole: bool = False) -> tuple[dict, bool]:
    """Target, location, casualties and count of a trigger (see kg.extract._op_args), and
    whether the target was a country (``whole``: the trigger ends with its object)."""
    norms = token_norms(doc)
    whole = whole or (len(span) > 1 and norms[span.end - 1] in _ops("object_nouns"))
    if hit.patient is not None:  # "Maduro's capture": the possessor was taken
        target, target_text = hit.patient.actor, None
    elif whole:
        target, target_text = None, None  # "secured 800 kilograms of cocaine": read from the trigger
    else:
        verbal = _verbal(doc, span)
        # "launched an operation against X": the trigger's own last word introduces the target
        end = span.end - 1 if norms[span.end - 1] in _ops("target_preps") else span.end
        target, target_text = target_of(doc, refs, sent, span.start, end, op_type, verbal, stop)
    if op_type == "deployment" and target is not None and hit.actor is not None and target.key == hit.actor.key:
        target, target_text = None, None  # "the deployment of 10,000 Mexican troops": whose, not where
    if target is None and target_text is None and op_type in _ops("patient_types"):
        target = _passive_patient(doc, refs, sent, span)  # "X was recaptured in June"
        target_text = None if target else passive_subject(doc, refs, sent, span)  # "a sub-leader was captured"
    if target_text is None and whole:
        j, e = span.start + 1, span.end - (norms[span.end - 1] in words("prepositions"))  # "kept X in"
        while j < e - 1 and norms[j] in _ops("object_lead_words"):
            j += 1  # "transfer of 55 prisoners", "blew up at least 14 boats"
        target_text = phrase_text(doc, j, e) or None  # "destroyed a speedboat"
    before = norms[span.start - 1] if span.start > 0 else ""
    if target_text is None and op_type == "seizure" and before in _ops("seized_goods"):
        target_text = before  # "drug seizures": what was seized
    location, location_text = location_of(doc, refs, sent, span.start, span.end, op_type, stop)
    if op_type == "deployment" and (border := border_destination(doc, sent, span.end)) is not None:
        location, location_text, target_text = None, None, target_text or border  # "to the border with Haiti"
    country_target = target is not None and target.type == "Country"
    if country_target:  # "strikes on Venezuela": a place
        location, location_text = location or target, location_text or target.label.lower()
        target, target_text = None, None
    casualties, casualties_text = casualties_of(sent, op_type)
    args = {"target": target, "target_text": target.label.lower() if target else target_text,
            "location": location, "location_text": location_text, "casualties": casualties,
            "casualties_text": casualties_text, "count": count_of(doc, refs, sent, span.start)}
    return args, country_target


def _passive_patient(doc: Doc, refs: list[Ref], sent: Span, span: Span) -> Actor | None:
    """The person or group a passive custody verb was done to: the first one named in its
    clause, not inside a prepositional phrase ("X, a gang leader, was extradited in May")."""
    if span.start <= sent.start or not _passive_verb(doc, sent, span.start):
        return None
    lo = max(sent.start, dateline_end(doc))
    for ref in refs:
        if lo <= ref.start and ref.end < span.start and ref.actor.type != "Country" and not in_pp(doc, ref):
            return ref.actor
    return None


def _after_subject(doc: Doc, span: Span) -> bool:
    """Whether the trigger follows a name or a force noun, as a verb does ("Russia bombs")."""
    if span.start == 0:
        return False
    before = doc[span.start - 1]
    return before.is_title or token_norms(doc)[span.start - 1] in words("own_force_nouns")


def _cited(doc: Doc, sent: Span, start: int) -> bool:
    """Whether the trigger is what a speaker points to ("he said, citing the arrest of X")."""
    norms, reporting = token_norms(doc), words("reporting_words")
    said = [k for k in range(sent.start, start) if norms[k] in reporting]
    return bool(said) and any(norms[k] in _ops("citing_words") for k in range(said[-1] + 1, start))


def _sponsor(doc: Doc, refs: list[Ref], sents: list[Span], k: int, start: int) -> Actor | None:
    """The state of the first state actor of the sentence before the trigger, else of the one
    before it: who brings a bill ("a bill in the Senate", "Rep. X filed the bill")."""
    ranges = [(sents[k].start, start)] + ([(sents[k - 1].start, sents[k - 1].end)] if k > 0 else [])
    for lo, hi in ranges:
        for ref in refs:
            if lo <= ref.start and ref.end <= hi and (ref.actor.type == "Country" or ref.actor.government):
                return agent_actor(doc, ref.actor)
    return None


def _unnamed_by(doc: Doc, refs: list[Ref], sent: Span, end: int) -> bool:
    """Whether a by-phrase right after the trigger names doers that are no actor ("seized by
    armed men", "attacked by gunmen"): the operation is theirs, not the clause subject's."""
    norms = token_norms(doc)
    by = next((k for k in range(end, min(sent.end, end + 2)) if norms[k] == "by"), None)
    if by is None:
        return False
    phrase = range(by + 1, min(sent.end, by + 5))
    if any(r.start in phrase for r in refs):
        return False
    return any(norms[k] in _ops("unnamed_doers") for k in phrase)


def _participle(doc: Doc, sent: Span, start: int) -> bool:
    """Whether the trigger opens a participle clause after the main clause (", seizing 2.3
    tonnes of cocaine (and arresting seven)"), whose agent is the main clause's subject (the
    agent of the operation told before it in the sentence, see kg.extract._op_merge)."""
    norms = token_norms(doc)
    if not norms[start].endswith("ing") or start - 1 <= sent.start:
        return False
    if norms[start - 1] == "and":  # "seizing X and arresting Y": the first participle's comma
        return any(norms[j] == "," and norms[j + 1].endswith("ing")
                   for j in range(max(sent.start, start - 12), start - 1))
    return norms[start - 1] == ","


def _quote_opener(doc: Doc, refs: list[Ref], sents: list[Span], k: int, span: Span) -> Actor | None:
    """For a trigger in a quote that opened in an earlier sentence ('X said: "... . Their ships
    are legitimate targets."'): who announces it there."""
    at = span.start_char
    quote = next((q for q in doc_quotes(doc) if q.start <= at < q.end and q.open_mark < sents[k].start_char), None)
    if quote is None:
        return None
    j = next((n for n in range(k - 1, -1, -1) if sents[n].start_char <= quote.open_mark), None)
    if j is None or k - j > 3:
        return None
    first = next((t.i for t in sents[j] if t.idx > quote.open_mark), None)
    return announcer(doc, refs, sents[j], first) if first is not None else None


def _weapon_owner(doc: Doc, refs: list[Ref], start: int) -> Actor | None:
    """The owner named before the weapon that is the trigger's subject ("a Russian missile hit",
    "a Houthi drone struck"): a demonym or a state or armed group."""
    norms, j = token_norms(doc), start - 1
    if j < 0 or norms[j] not in _ops("weapon_nouns"):
        return None
    while j >= 0 and (norms[j] in _ops("weapon_nouns") or norms[j] in words("np_modifiers")
                      or norms[j] in _ops("weapon_modifiers")  # "Ukrainian sea drones hit"
                      or (doc[j].is_lower and norms[j].endswith("ed"))):  # "Russian guided bombs"
        j -= 1
    ref = next((r for r in refs if r.end == j + 1), None)
    if ref is not None:
        return agent_actor(doc, ref.actor)
    return demonym_agent(doc, j + 1)


def _held_place(doc: Doc, sent: Span, end: int) -> bool:
    """Whether a seizure's object is a place held by force: a place noun heads it ("seized the
    town") or names it in an appositive ("seized El Fasher, the last army stronghold")."""
    norms, j = token_norms(doc), end
    while j < sent.end and norms[j] in words("determiners"):
        j += 1
    if j >= sent.end or norms[j] in _ops("held_places"):
        return j < sent.end
    if not doc[j].is_title:
        return False
    comma = next((m for m in range(j, min(sent.end, j + 4)) if token_words(doc)[m] == ","), None)
    reach = min(sent.end, end + int(load_lexicon(OPS)["held_place_reach"]))
    return comma is not None and any(norms[m] in _ops("held_places") for m in range(comma, reach))


def _compared(doc: Doc, sent: Span, start: int) -> bool:
    """Whether the trigger is what something is compared with ("like the boat strikes")."""
    norms, j, determiners, modifiers = token_norms(doc), start - 1, words("determiners"), words("np_modifiers")
    while j > sent.start and (norms[j] in determiners or norms[j] in modifiers
                              or (doc[j].is_lower and j == start - 1)):
        j -= 1
    return j >= sent.start and norms[j] in _ops("comparison_words")


def _named_force(doc: Doc, refs: list[Ref], start: int) -> Actor | None:
    """"an army strike": the force of that kind named last before it ("the Sudanese Armed Forces")."""
    names = load_lexicon(OPS)["bare_force_names"].get(token_norms(doc)[start - 1] if start else "")
    if not names:
        return None
    for ref in reversed([r for r in refs if r.end <= start - 1]):
        label = ref.actor.label.lower()
        if any(n in label for n in names) and (found := agent_actor(doc, ref.actor)) is not None:
            return found
    return None


def _relative_agent(doc: Doc, refs: list[Ref], sent: Span, end: int) -> Actor | None:
    """The runner named in a relative clause right after the trigger ("surveillance aircraft
    that the agency has flown over ..."): "that|which" + actor + (auxiliary) + a verb of use."""
    norms = token_norms(doc)
    if end >= sent.end - 2 or norms[end] not in {"that", "which"}:
        return None
    ref = next((r for r in refs if r.start in (end + 1, end + 2) and r.end < sent.end), None)
    if ref is None:
        return None
    j = ref.end + 1 if norms[ref.end] in {"has", "have", "had", "is", "are", "was", "were"} else ref.end
    return agent_actor(doc, ref.actor) if j < sent.end and norms[j] in _ops("relative_agent_verbs") else None


def _unnamed_force(doc: Doc, refs: list[Ref], sents: list[Span], k: int, start: int) -> tuple[Actor, str] | None:
    """"State troopers and county deputies seized ... The drugs were hidden ..., according to
    the Department of Public Safety": an unnamed force opening the sentence is the agency that
    tells of it in the next sentence (its own report); else, in a story datelined from a
    country ("QUITO — When soldiers stormed the prison"), that country's (how: "home")."""
    sent, norms = sents[k], token_norms(doc)
    nouns = _ops("unnamed_force_nouns")
    head = [j for j in range(sent.start, min(start, sent.start + 8)) if norms[j] in nouns]
    if not head or any(r.start < start and r.end > sent.start for r in refs if sent.start <= r.start):
        return None
    for nxt in sents[k + 1 : k + 2]:
        said = next((j for j in range(nxt.start, nxt.end - 2) if norms[j] == "according" and norms[j + 1] == "to"), None)
        if said is None:
            continue
        ref = next((r for r in refs if said + 2 <= r.start <= said + 3), None)
        if ref is not None and ref.actor.type not in ("Person", "Country", "MediaOrganization"):
            found = agent_actor(doc, ref.actor)
            return (found, "speaker") if found is not None else None
    home = home_country(doc) or place_country(doc)  # else the force's state (kg.extract._op_owner), else the setting's
    return force_owner(doc, refs, sent, start) or ((home, "home") if home is not None else None)


def _agent(doc: Doc, refs: list[Ref], sents: list[Span], k: int, entry: dict, span: Span,
           status: str, bill: bool) -> AgentHit:
    """The agent of a trigger (kg.extract._agents) with the fallbacks that depend on status."""
    sent, op_type = sents[k], entry["type"]
    goods = _ops("seized_goods") if op_type == "seizure" else frozenset()
    end = span.start + int(entry["head_only"]) if entry.get("head_only") else span.end
    hit = AgentHit() if entry.get("patient_before") else find_agent(
        doc, refs, sent, span.start, end, op_type in _ops("patient_types"), goods,
        force_after=op_type == "deployment")
    if hit.how not in STRONG and _unnamed_by(doc, refs, sent, span.end):
        return AgentHit(None, "unnamed", hit.patient)  # "seized by armed men": not the subject's
    hit = context_hit(doc, refs, sents, k, entry, span, hit)  # (kg.extract._op_rules)
    if hit.actor is None and _participle(doc, sent, span.start):
        hit = AgentHit(None, "participle", hit.patient)  # "X raided a warehouse, seizing cocaine"
    if hit.actor is None and (found := _weapon_owner(doc, refs, span.start)) is not None:
        hit = AgentHit(found, "premod", hit.patient)  # "a Russian missile hit a freighter"
    if hit.actor is None and (found := pronoun_agent(doc, refs, sents, k, span.start)) is not None:
        hit = AgentHit(found, "subject", hit.patient)  # "Mexico ... It sent 29 prisoners north"
    if hit.actor is None and status == "authorized":  # "the U.N. Security Council authorized a force"
        hit = AgentHit(next((r.actor for r in refs if sent.start <= r.start and r.end <= span.start
                             and r.actor.key in _ops("mandating_bodies")), None), "subject", hit.patient)
    if hit.actor is None and status == "authorized" and entry.get("status") == "authorized":
        # "Noboa declared a conflict and ordered the military to ...": who gives the order
        ref = subject_ref(doc, refs, sent.start, span.start, quote_regions(sent), check_block=False)
        hit = AgentHit(agent_actor(doc, ref.actor) if ref else None, "subject", hit.patient)
    if hit.actor is None and (found := _named_force(doc, refs, span.start)) is not None:
        hit = AgentHit(found, "premod", hit.patient)  # "an army strike" after "the Sudanese Armed Forces"
    if hit.actor is None and (found := _relative_agent(doc, refs, sent, span.end)) is not None:
        hit = AgentHit(found, "by", hit.patient)  # "aircraft that the agency has flown"
    if hit.actor is None and status == "conducted" and (found := _unnamed_force(doc, refs, sents, k, span.start)):
        hit = AgentHit(*found, hit.patient)  # "State troopers seized ... according to X"
    if hit.actor is None and bill:  # "a bill in the Senate would allow raids abroad"
        hit = AgentHit(_sponsor(doc, refs, sents, k, span.start), "sponsor", hit.patient)
    if hit.actor is None and (status in ("threatened", "proposed") or entry.get("speaker_agent")
                              or _cited(doc, sent, span.start)):
        # an official announcing an operation to come (or telling of one done by craft, or
        # pointing to one as a record) speaks for the state that acts
        found = announcer(doc, refs, sent, span.start) or _quote_opener(doc, refs, sents, k, span)
        hit = AgentHit(found, "speaker", hit.patient)
    if hit.actor is None:
        hit = owner_hit(doc, refs, sent, (entry["type"], status, _passive_verb(doc, sent, span.start)), span, hit)
    hit = agentless_hit(doc, refs, sent, (entry["type"], status), span, hit)  # "X was captured": the story's state's
    norms = token_norms(doc)
    near = [norms[span.start - 1] if span.start > 0 else ""]
    near += norms[span.end : span.end + 2] if norms[span.end : span.end + 1] == ["of"] else []
    if status != "conducted" and hit.how in ("speaker", "home", "subject") and set(near) & _ops("foreign_words"):
        return AgentHit(None, "foreign", hit.patient)  # '"Peru needs no foreign troops," he said': not Peru's
    return hit


def _entry_status(entry: dict, status: str) -> str:
    """The status a trigger's own entry gives over the cues' one."""
    if status == "conducted" and entry.get("status"):
        status = entry["status"]  # "every option is on the table": an idiom of threat
    if status == "threatened" and entry.get("ongoing"):
        status = "conducted"  # "will stay in Syria": forces kept where they are
    if status == "threatened" and entry["type"] in _ops("benign_types"):
        status = "proposed"  # "he will be repatriated": a plan for a transfer, no threat to anyone
    return status


def _final_type(doc: Doc, refs: list[Ref], sent: Span, span: Span, entry: dict, args: dict,
                country_target: bool) -> str:
    """The type once the arguments are known (and the place a threat's condition names)."""
    op_type = entry["type"]
    if country_target:  # "attacking Mexico" is a use of force against the country
        op_type = entry.get("country_target_type", op_type)
    taken = args["target"]
    if op_type == "seizure" and (taken is None or taken.type != "Person") and _held_place(doc, sent, span.end):
        op_type = "military_action"  # "the militia seized the town": territory taken by force
    op_type = refined_type(doc, sent, span, entry, op_type, args)
    if entry.get("condition_place"):  # "if Mexico can't stop them, we will": there, not by Mexico
        args.update(_condition_place(refs, span))
    return op_type


def _candidate(doc: Doc, refs: list[Ref], sents: list[Span], k: int, entry: dict, span: Span,
               cues: list, stop: int) -> Candidate | None:
    """One trigger as a candidate operation, or None when it is negated or too vague."""
    norms, sent = token_norms(doc), sents[k]
    if span[0].is_title and any(r.start <= span.start and span.end <= r.end for r in refs) or in_name(doc, sent, span):
        return None  # "Operation Atalanta said", "Naval Strike Missile": the word is part of a name
    if entry.get("held_place") and not _held_place(doc, sent, span.end):
        return None  # "took the town", not "took office"
    if (text := span_text(doc, sent.start, sent.end)).rstrip().rstrip('"\u201d\'').endswith("?"):
        return None  # "Has the department carried out strikes on land?": asked, not reported
    if _compared(doc, sent, span.start):
        return None  # "a prelude to strikes, like the boat strikes in the Caribbean": another event
    status = status_of(sent, span.start, span.end, cues)
    if status == NEGATED:  # "did not deploy", "a history of military intervention"
        return None
    if entry["type"] == "surveillance" and span.start > 0 and norms[span.start - 1] in _ops("armed_craft_words"):
        return None  # "explosive-laden drones flown by a task force": weapons, not watchers
    status = _entry_status(entry, status)
    bill = status in ("threatened", "authorized") and legislative(sents[k - 1] if k else None, sent, span.start)
    if bill:
        status = "proposed"  # "the bill would authorize strikes": a proposal until it passes
    op_type = entry["type"]
    hit = _agent(doc, refs, sents, k, entry, span, status, bill)
    if status == "threatened" and urged_by_other(doc, refs, sent, span, hit.actor):
        status = "proposed"  # "they can bomb the gang's headquarters," a Haitian senator said
    if entry.get("mission_defers") and for_mission(refs, sent, hit.actor):
        return None  # "the EU mission says the Italian frigate escorted ...": not Italy's
    if entry.get("needs_premod") and hit.how != "premod":
        return None  # "operation" alone is any operation; "the U.S. operation" is military
    if entry.get("no_person_subject") and hit.by_person:
        return None  # "Sheinbaum attacked the tariffs": a politician's attack is words
    args, country_target = _arguments(doc, refs, sent, span, op_type, hit, stop, bool(entry.get("object_in_span")))
    if hit.how in ("home", "owner") and args["location"] is not None and args["location"].type == "Country" \
            and args["location"].key != hit.actor.key and op_type not in _ops("handover_types"):
        return None  # "Soldiers detained 11 in Colombia" told from Quito: not Ecuador's
    op_type = _final_type(doc, refs, sent, span, entry, args, country_target)
    concrete = any(args[n] is not None for n in ("target_text", "location_text", "casualties",
                                                 "casualties_text", "count"))
    if entry.get("weak") and hit.how not in STRONG and not concrete and not bill:
        return None  # a generic mention ("military action", "an attack") with nothing concrete
    if (_definite(doc, span) and status == "conducted" and hit.how not in STRONG and not concrete
            and not _verbal(doc, span)):
        return None  # "the strikes": refers back to an operation reported elsewhere
    # a done deed's day is not the day it was told; a threat's day is the day it was made
    date = find_date(doc, sent, span.start, skip_saying=status == "conducted")
    return Candidate(
        type=op_type, status=status, trigger=span_text(doc, span.start, span.end), start=span.start, end=span.end, sent=k,
        evidence=Evidence(span.start_char, span.end_char, text, sent.start_char),
        agent=hit.actor, how=hit.how, passive=_passive(doc, sent, span), specific=bool(entry.get("specific")),
        date=date[0] if date else None, date_text=date[1] if date else None, **args,
    )


def _condition_place(refs: list[Ref], span: Span) -> dict:
    """The first country named inside the trigger as the operation's location, if any."""
    ref = next((r for r in refs if span.start <= r.start and r.end <= span.end and r.actor.type == "Country"), None)
    return {"location": ref.actor, "location_text": ref.actor.label.lower()} if ref else {}


def extract_operations(doc: Doc) -> Iterator[Operation]:
    """Every operation reported in ``doc``, one record per mention, merged mentions identical."""
    refs = state_force_refs(doc, actor_refs(doc))
    sents = sentences(doc)
    cues = cue_spans(doc, cue_matcher(doc))
    candidates = []
    triggers = _trigger_matches(doc)
    for n, (entry, span) in enumerate(triggers):
        k = bisect_right(sents, span.start, key=lambda s: s.start) - 1  # the sentence holding it, if any
        stop = triggers[n + 1][1].start if n + 1 < len(triggers) else len(doc)  # next trigger's own
        cand = (_candidate(doc, refs, sents, k, entry, span, cues, stop)
                if k >= 0 and span.start < sents[k].end else None)
        if cand is not None:
            candidates.append(cand)  # and one for each partner ("Kenyan and Somali forces attacked")
            candidates += [replace(cand, agent=a) for a in partner_states(doc, sents[k], cand.start, cand.agent)]
    for cand in merge_candidates(doc, candidates):
        yield cand.record()
