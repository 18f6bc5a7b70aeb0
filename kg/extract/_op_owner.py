"""Whose is an unowned force: "The navy deployed 1,500 marines", "Police detained three",
"Federal agents seized cocaine", "Rebels ambushed a convoy", "X was extradited to the U.S.".

A news story names the state once (headline, dateline, an earlier sentence) and then says "the
navy", "police", "agents". A force noun with no owner of its own that opens the trigger's clause
acts for, in order: the state of the nearest earlier mention of a force of the same kind ("the
Mexican Navy" ... "the navy"), the dateline's country, the paragraph's one state, the state the
article names far most (:func:`leading_country`), the country whose places the article names far
most (:func:`kg.extract._setting.place_country`), the state that owns most of the article's named
forces (see :func:`force_owner`). :func:`home_state` is the story's state for operations told
with no doer at all (:mod:`kg.extract._op_agentless`). A non-state fighter noun ("rebels",
"gunmen") acts for the armed group named last before it. A passive extradition or deportation
with no doer is done by the state the person leaves ("extradited from Colombia", else the story's
state when it is not the destination).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc, Span

from kg.extract._agents import AgentHit, agent_actor, announcer
from kg.extract._context import CLAUSES, Ref, clause_start, country_actor, inside, quote_regions, turn_person, words
from kg.extract._lexicon import load_lexicon, token_norms, word_set, word_union
from kg.extract._memo import covered_tokens
from kg.extract._setting import dateline_end, home_country, place_country
from kg.nlp.quotes import doc_text, token_words
from kg.nlp.tables import char_offsets
from kg.records import Actor

OPS = "operations.yaml"


def _kinds() -> dict[str, list[str]]:
    return load_lexicon(OPS)["force_kinds"]


@lru_cache(maxsize=1)
def _force_nouns() -> frozenset[str]:
    """Every noun of every kind of force ("navy", "marines", "agents")."""
    return frozenset(n for ns in _kinds().values() for n in ns)


def _kind_of(norm: str) -> str | None:
    """The kind of force a noun names ("marines" -> navy), if it is one."""
    return next((kind for kind, nouns in _kinds().items() if norm in nouns), None)


def subject_noun(doc: Doc, refs: list[Ref], sent: Span, start: int, nouns: frozenset[str],
                  end: int | None = None) -> int | None:
    """The token of an unowned noun of ``nouns`` opening the trigger's clause ("The navy
    deployed", "Federal agents seized"): only determiners and lower-case modifiers before it,
    no mention, no possessive, not inside a prepositional phrase; up to ``end`` when the
    trigger holds the force ("Drones flew over", "Surveillance aircraft monitored"); the
    subject of a reported clause first ("the ministry says police in Sabha arrested")."""
    norms, lo = token_norms(doc), max(clause_start(sent, start), dateline_end(doc) if start >= dateline_end(doc) else 0)
    commas = [c + 1 for c in range(lo, start) if norms[c] == ","]
    if commas and (norms[lo] in words("prepositions") or (norms[lo].endswith("ly") and commas[0] == lo + 2)):
        lo = commas[0]  # "In the houses, officers seized ...", "Separately, police ...": after a fronted phrase
    joins = [c + 2 for c in range(lo, start - 1) if norms[c] == "," and norms[c + 1] in ("and", "but")]
    lo = joins[-1] if joins else lo  # "a drone struck a base, and the group bombed ...": the last clause
    said = [c for c in range(lo, start) if norms[c] in words("reporting_words") and doc[c].is_lower]
    if said and (j := _noun_from(doc, refs, said[-1] + 1 + (norms[said[-1] + 1] == "that"), start, nouns, end)):
        return j
    return _noun_from(doc, refs, lo, start, nouns, end)


def _noun_from(doc: Doc, refs: list[Ref], lo: int, start: int, nouns: frozenset[str], end: int | None) -> int | None:
    """:func:`subject_noun` from token ``lo`` on."""
    norms = token_norms(doc)
    reach = int(load_lexicon(OPS)["owner_subject_reach"])
    lead = word_union((CLAUSES, "determiners"), (OPS, "owner_lead_words"))
    covered = covered_tokens(doc, refs)
    for j in range(lo, min(end or start, lo + reach)):
        if j in covered:
            return None  # "Honduran police", "Rebels of the ELN": an owner is named
        if norms[j] in nouns:
            nxt = norms[j + 1] if j + 1 < start else ""
            if nxt in ("of", "'s") or nxt in word_set(OPS, "owner_person_heads"):
                return None  # "agents of the DEA", "police chief": owned, or a person
            if norms[j] == "armed" and nxt in word_set(OPS, "not_force_heads"):
                return None  # "armed men attacked an army post": no state's force
            return None if _victim(doc, j + 1, start) else j
        if norms[j] in words("prepositions") or norms[j] in word_set(OPS, "owner_blockers"):
            return None  # "in the army", "their officers": not the subject, or another's
        if not (norms[j] in lead or doc[j].like_num or (doc[j].is_lower and doc[j].is_alpha)):
            return None  # "Last Saturday soldiers", "Maduro's troops": a name stands before
    return None


def _victim(doc: Doc, lo: int, hi: int) -> bool:
    """Whether a force noun is the patient of a passive verb before the trigger ("soldiers
    were killed in the attack"), not its agent."""
    norms, aux, verbs = token_norms(doc), word_set(OPS, "passive_before"), word_set(OPS, "owner_victim_verbs")
    return any(norms[k] in aux and norms[k + 1] in verbs for k in range(lo, hi - 1))


def is_state(actor: Actor | None) -> bool:
    """Whether an agent is a state or a state body ("Investigations Police"), not a group."""
    return actor is not None and actor.type.lower() in word_set(OPS, "owner_state_types")


def of_owner(doc: Doc, refs: list[Ref], sent: Span, start: int) -> Actor | None:
    """"In the largest operation this year, detectives of the Investigations Police raided":
    a force noun opening the clause with "of" + a state body or state names its owner."""
    norms, lo = token_norms(doc), clause_start(sent, start)
    opens = [lo] + [c + 1 for c in range(lo, start) if norms[c] == ","]  # after a fronted phrase
    for j in opens:
        found = _of_owner_at(doc, refs, j, start)
        if found is not None:
            return found
    return None


def _of_owner_at(doc: Doc, refs: list[Ref], j: int, start: int) -> Actor | None:
    """The owner of "<force noun> of <state body>" opening at token ``j`` before ``start``."""
    norms = token_norms(doc)
    nouns = _force_nouns()
    lead = word_union((CLAUSES, "determiners"), (OPS, "owner_lead_words"))
    while j < start - 2 and (norms[j] in lead or doc[j].like_num):
        j += 1
    if j >= start - 2 or norms[j] not in nouns or norms[j + 1] != "of":
        return None
    k = j + 2
    while k < start and norms[k] in words("determiners"):
        k += 1
    ref = next((r for r in refs if r.start == k and r.end <= start), None)
    state = agent_actor(doc, ref.actor) if ref is not None else None
    return state if is_state(state) else None


def _force_ref_kind(doc: Doc, ref: Ref) -> str | None:
    """The kind of force a mention names: in its label ("Mexican Navy") or in the noun right
    after it ("Honduran police", "Colombia's army")."""
    norms = token_norms(doc)
    named = ref.actor.label.lower().replace("-", " ").split() + [norms[k] for k in range(ref.start, ref.end)]
    for word in reversed(named):  # the label, then the words of the mention ("the Navy")
        if (kind := _kind_of(word)) is not None:
            return kind
    j = ref.end + (1 if ref.end < len(doc) and norms[ref.end] == "'s" else 0)
    return _kind_of(norms[j]) if j < len(doc) else None


def _paragraph_state(doc: Doc, refs: list[Ref], sent: Span, exclude: frozenset[str] = frozenset()) -> Actor | None:
    """The one state that the mentions of the paragraph, up to the trigger's sentence, act for
    ("President X said ... the Army says it has dismantled 312 laboratories")."""
    text, idx = doc_text(doc), char_offsets(doc)  # (doc.text joins every token again)
    lo = text.rfind("\n", 0, sent.start_char) + 1
    states = {s.key: s for r in refs if lo <= idx[r.start] < sent.end_char
              for s in [agent_actor(doc, r.actor)] if is_state(s) and s.key not in exclude}
    return next(iter(states.values())) if len(states) == 1 else None


def _dominant(doc: Doc, refs: list[Ref], exclude: frozenset[str] = frozenset()) -> Actor | None:
    """The state owning most of the article's named forces (strictly more than any other)."""
    counts: Counter = Counter()
    firsts: dict[str, Actor] = {}
    for ref in refs:
        if _force_ref_kind(doc, ref) is None:
            continue
        state = agent_actor(doc, ref.actor)
        if is_state(state) and state.key not in exclude:
            counts[state.key] += 1
            firsts.setdefault(state.key, state)
    ranked = counts.most_common(2)
    least = int(load_lexicon(OPS)["dominant_owner_least"])
    if not ranked or ranked[0][1] < least or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return firsts[ranked[0][0]]


def home_state(doc: Doc, refs: list[Ref], start: int) -> Actor | None:
    """The state the story is about: the dateline's country, else the country that the
    mentions of the paragraph act for when they name one only, else the article's (None when
    unclear)."""
    return home_country(doc) or leading_country(doc, refs, start) or place_country(doc) \
        or leading_country(doc, refs, None)


def leading_country(doc: Doc, refs: list[Ref], start: int | None) -> Actor | None:
    """The country that the mentions act for (states and their bodies, officials and forces),
    in the paragraph before token ``start`` (the only one: "was extradited to the United States"
    names the receiver after it) or in the whole article (``None``: named at least
    ``home_state_margin`` times as often as any other)."""
    text, idx = doc_text(doc), char_offsets(doc)
    lo, hi = 0, len(text)
    if start is not None:
        lo, hi = text.rfind("\n", 0, idx[start]) + 1, idx[start]
    counts: Counter = Counter()
    firsts: dict[str, Actor] = {}
    for ref in refs:
        if lo <= idx[ref.start] < hi and (state := agent_actor(doc, ref.actor)) is not None \
                and state.type == "Country":
            counts[state.key] += 1
            firsts.setdefault(state.key, state)
    ranked = counts.most_common(2)
    if not ranked or (start is not None and len(ranked) > 1):
        return None
    margin = float(load_lexicon(OPS)["home_state_margin"])
    if len(ranked) > 1 and ranked[0][1] < margin * ranked[1][1]:
        return None  # two states equally plausible: no guess
    return firsts[ranked[0][0]]


def force_owner(doc: Doc, refs: list[Ref], sent: Span, start: int, end: int | None = None) -> tuple[Actor, str] | None:
    """(state, how) for an unowned force noun opening the trigger's clause (module docstring):
    how is "owner" for an earlier mention of that kind of force, else "home"."""
    j = subject_noun(doc, refs, sent, start, _force_nouns(), end)
    if j is None:
        return None
    if (state := _last_force_state(doc, refs, j, _kind_of(token_norms(doc)[j]))) is not None:
        return state, "owner"  # "the Mexican Navy" ... "the navy": the same force
    # the story's state (dateline, paragraph, the country its places name far most, the state the
    # article names far most) before the state owning most named forces: "the U.S. military"
    # named once does not own Canada's police
    home = home_country(doc) or _paragraph_state(doc, refs, sent) or place_country(doc) \
        or leading_country(doc, refs, None) or _dominant(doc, refs)
    return (home, "home") if home is not None else None


def group_owner(doc: Doc, refs: list[Ref], sent: Span, start: int) -> Actor | None:
    """"Rebels ambushed a convoy": the armed group named last before a bare fighter noun."""
    j = subject_noun(doc, refs, sent, start, word_set(OPS, "fighter_nouns"))
    if j is None:
        return None
    reach = int(load_lexicon(OPS)["group_owner_reach"])
    for ref in reversed([r for r in refs if r.end <= j and j - r.start <= reach]):
        found = agent_actor(doc, ref.actor)
        if found is not None and found.type != "Country" and not found.government:
            return found
    return None


def departure_state(doc: Doc, refs: list[Ref], sent: Span, end: int) -> Actor | None:
    """"X was extradited from Colombia": the state named after "from"; else (no "from") the
    story's state (dateline, else the owner of most named forces) unless it is the destination."""
    norms = token_norms(doc)
    after = [r for r in refs if end <= r.start < sent.end]

    def before(ref: Ref) -> str:  # the word before a mention, past a "the"
        j = ref.start - 1 - (norms[ref.start - 1] == "the")
        return norms[j] if j >= 0 else ""

    for ref in after:
        if before(ref) == "from":
            state = agent_actor(doc, ref.actor)
            return state if is_state(state) else None
    dest = frozenset(r.actor.key for r in after if before(r) == "to" and is_state(r.actor))
    home = home_country(doc) or _paragraph_state(doc, refs, sent, dest) or _dominant(doc, refs, dest)
    return home if home is not None and home.key not in dest else None  # "one to Colombia, one to Ecuador"


def first_person_state(doc: Doc, refs: list[Ref], sent: Span, start: int) -> Actor | None:
    """'"We deployed 800 more troops," Admiral X said': a first-person subject in a quote whose
    speaker has no state of their own acts for the paragraph's one state, else the story's; in
    a transcript turn ("HEGSETH: we've conducted 20 strikes") for the turn speaker's state only."""
    quote = inside(quote_regions(sent), start)
    turn = quote is None and turn_person(doc, start) is not None
    if turn:
        quote = (sent.start, sent.end)  # "ADM. X: Since May we've conducted 43 strikes": a turn is spoken
    norms, gap = token_norms(doc), word_set(OPS, "first_person_gap")
    j = start - 1
    while quote is not None and j > quote[0] and (norms[j] in gap or doc[j].like_num):
        j -= 1  # "we have already deployed", "our forces struck", "we've conducted 43 strikes"
    if quote is not None and j >= quote[0]:
        j = _own_force_owner(doc, quote[0], j)  # '"Our Coast Guard intercepted a pirogue"'
    if quote is None or j < quote[0] or norms[j] not in word_set(OPS, "first_person_subjects"):
        return None  # "any president can bomb any country if we let it": not the subject
    spoken = announcer(doc, refs, sent, start)  # the speaker's own state (or the turn's), if it is known
    if is_state(spoken) or turn:  # a turn's speaker of no known state: the story's state
        return spoken if is_state(spoken) else home_state(doc, refs, start)
    return (_last_force_state(doc, refs, j, None, countries=True) or _paragraph_state(doc, refs, sent)
            or home_country(doc) or _dominant(doc, refs))  # (forces named before "we"/"our" only)


def _own_force_owner(doc: Doc, lo: int, j: int) -> int:
    """The "our" of a force noun ending at ``j`` ("our Coast Guard", "our security forces"),
    a few words back and not before ``lo``; else ``j``."""
    norms = token_norms(doc)
    if norms[j] not in _force_nouns() and norms[j] not in word_set(OPS, "own_force_heads"):
        return j
    for k in range(j - 1, max(lo, j - 4) - 1, -1):
        if norms[k] in word_set(OPS, "first_person_owners"):
            return k
        if not doc[k].is_alpha:
            return j
    return j


def _last_force_state(doc: Doc, refs: list[Ref], before: int, kind: str | None,
                      countries: bool = False) -> Actor | None:
    """The state of the nearest mention before ``before`` of a force of ``kind`` (any kind for
    None or a general one): "the Mexican Navy" ... "the navy"; ``countries``: states only."""
    general = kind is None or kind in word_set(OPS, "general_force_kinds")
    for ref in reversed([r for r in refs if r.end <= before]):
        found = _force_ref_kind(doc, ref)
        if found is not None and (found == kind or general):
            state = agent_actor(doc, ref.actor)
            if is_state(state) and (not countries or state.type == "Country"):
                return state
    return None


def owner_hit(doc: Doc, refs: list[Ref], sent: Span, what: tuple[str, str, bool], span: Span,
              hit: AgentHit) -> AgentHit:
    """The last fallbacks of the operation extractor for a trigger with no agent; ``what``:
    (type, status, whether the trigger is a passive participle). Module docstring."""
    op_type, status, passive = what
    if passive and op_type in word_set(OPS, "departure_types"):
        found = departure_state(doc, refs, sent, span.end)  # "X was extradited to the U.S."
        return AgentHit(found, "subject", hit.patient) if found is not None else hit
    if passive and op_type not in word_set(OPS, "passive_owner_types"):
        return hit  # "soldiers were ambushed": the force was hit, it did not act
    if (owner := of_owner(doc, refs, sent, span.start)) is not None:
        return AgentHit(owner, "subject", hit.patient)  # ", detectives of the X Police raided"
    if (group := group_owner(doc, refs, sent, span.start)) is not None:
        return AgentHit(group, "subject", hit.patient)  # "the ELN ... Rebels ambushed a convoy"
    if status == "conducted" and (state := first_person_state(doc, refs, sent, span.start)) is not None:
        return AgentHit(state, "home", hit.patient)  # '"We deployed 800 troops," an admiral said'
    found = force_owner(doc, refs, sent, span.start, span.end)  # "the Mexican Navy ... The navy deployed"
    return AgentHit(*found, hit.patient) if found is not None else hit


def partner_states(doc: Doc, sent: Span, start: int, agent: Actor | None) -> list[Actor]:
    """"Rwandan and Mozambican troops launched ...": the other states of demonyms coordinated
    with the agent's before the trigger's force (each acts; the agent rule kept the last)."""
    if agent is None or agent.type != "Country":
        return []
    texts, norms, demonyms = token_words(doc), token_norms(doc), load_lexicon("demonyms.yaml")
    lo = clause_start(sent, start)
    for j in range(lo + 2, start):
        if demonyms.get(texts[j]) != agent.key or norms[j - 1] not in ("and", "&"):
            continue
        others = [country_actor(doc, demonyms.get(texts[i])) for i in range(max(lo, j - 5), j - 1)
                  if texts[i] in demonyms]  # "Rwandan, Tanzanian and Mozambican"
        return [a for a in others if a is not None and a.key != agent.key]
    return []

