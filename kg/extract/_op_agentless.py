"""Operations told without a doer: "a sub-leader was captured in a joint operation", "Captured
alive was X", "Recovered from the site were four rifles", "surveillance from the Air Force".

News rarely names who makes an arrest, a capture, a seizure, a raid or a deployment when it is
told in the passive: the authorities of the state the story is about did. Such a trigger (of
``agentless_home_types``, conducted) with no agent found by the other rules is given the story's
state (:func:`kg.extract._op_owner.home_state`), and so is such a noun followed by "of" and a
count ("led to the arrest of 37 people"): the dateline's country, else the one country the paragraph's mentions act for, else the
country the article's mentions act for far more often than any other; none when these
are missing or unclear (no guess). The operations extractor still drops it when its place is another
country. A nominal trigger followed by "from" and a state's force ("surveillance from the
Philippine Air Force", ``from_owner_types``) is that state's, and so is one whose subject is
an unowned government ("the federal government has sent 11,000 soldiers", ``government_nouns``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.extract._agents import AgentHit, agent_actor
from kg.extract._context import Ref, clause_start, country_actor, phrase_text, words
from kg.extract._lexicon import load_lexicon, token_norms, word_set
from kg.extract._op_owner import home_state, is_state, subject_noun
from kg.extract._setting import dateline_end
from kg.nlp.quotes import token_words
from kg.records import Actor

OPS = "operations.yaml"


def passive_form(doc: Doc, sent: Span, span: Span) -> bool:
    """Whether the trigger is a passive participle ("was captured", "have been deployed" inside
    the trigger) or opens an inverted passive ("Captured alive was X")."""
    norms, aux = token_norms(doc), word_set(OPS, "agentless_aux")
    if norms[span.start].endswith("ing"):
        return False  # "is deporting", "were raiding": the progressive is active
    if span.start > sent.start and norms[span.start - 1] in aux:
        return True  # "X was captured"
    if any(norms[k] in aux for k in range(span.start, span.end - 1)):
        return True  # "troops ... have been deployed": the auxiliary is inside the trigger
    return inverted(doc, sent, span) or gapped(doc, sent, span)


def gapped(doc: Doc, sent: Span, span: Span) -> bool:
    """"31 fighters were arrested and a weapons depot seized": a participle after "and" and its
    own subject shares the auxiliary of the passive before the "and"."""
    norms = token_norms(doc)
    if len(span) != 1 or not norms[span.start].endswith("ed") or not doc[span.start].is_lower:
        return False
    reach, aux = int(load_lexicon(OPS)["gapped_reach"]), word_set(OPS, "agentless_aux")
    joint = next((k for k in range(span.start - 2, max(sent.start, span.start - reach) - 1, -1)
                  if norms[k] == "and"), None)
    if joint is None:
        return False
    blockers = aux | word_set(OPS, "gap_blockers")
    if any(doc[k].is_punct or norms[k] in blockers for k in range(joint + 1, span.start)):
        return False  # "and the men who fled seized ...": a clause of its own
    after = norms[span.end] if span.end < sent.end else ""
    if after in words("determiners") or (span.end < sent.end and doc[span.end].like_num):
        return False  # "... and gunmen seized a car": an active verb with its object
    return any(norms[k] in aux and norms[k + 1].endswith("ed") and doc[k + 1].is_lower
               for k in range(max(sent.start, joint - reach), joint - 1))


def patient_subject(doc: Doc, sent: Span, span: Span) -> bool:
    """Whether the subject before the trigger is what the trigger was done to: a passive
    participle right after its auxiliary ("X was arrested", "X have been detained")."""
    norms = token_norms(doc)
    return span.start > sent.start and norms[span.start - 1] in word_set(OPS, "agentless_aux") \
        and token_words(doc)[span.start].islower() and not norms[span.start].endswith("ing")  # "is deporting": active


def inverted(doc: Doc, sent: Span, span: Span) -> bool:
    """"Captured alive was X", "Recovered from the site were rifles": a capitalised participle
    opening its sentence whose subject follows a "was"/"were" a few words on (no comma between)."""
    lo = dateline_end(doc) if sent.start < dateline_end(doc) <= span.start else sent.start  # "QUITO — Captured ..."
    first = next((k for k in range(lo, span.start + 1) if doc[k].is_alpha), None)
    if first != span.start or not doc[span.start].is_title or not token_norms(doc)[span.start].endswith("ed"):
        return False
    norms, reach = token_norms(doc), int(load_lexicon(OPS)["inverted_reach"])
    for k in range(span.end, min(sent.end, span.end + reach)):
        if norms[k] in (",", ";", ":"):
            return False
        if norms[k] in ("was", "were"):
            return True
    return False


def from_owner(doc: Doc, refs: list[Ref], sent: Span, span: Span) -> Actor | None:
    """"surveillance from the Philippine Air Force": a state's force (or a state) named right
    after "from" that follows the trigger."""
    norms, j = token_norms(doc), span.end
    if j >= sent.end or norms[j] != "from":
        return None
    j += 1
    while j < sent.end and norms[j] in words("determiners"):
        j += 1
    ref = next((r for r in refs if r.start == j), None)
    state = agent_actor(doc, ref.actor) if ref is not None else None
    return state if is_state(state) else None


def agentless_hit(doc: Doc, refs: list[Ref], sent: Span, what: tuple[str, str], span: Span,
                  hit: AgentHit) -> AgentHit:
    """The last fallback for a trigger with no agent; ``what``: (type, status). Module docstring."""
    op_type, status = what
    if hit.actor is None and subject_noun(doc, refs, sent, span.start, word_set(OPS, "government_nouns")) is not None:
        home = home_state(doc, refs, span.start)  # "the federal government has sent 11,000 soldiers"
        return AgentHit(home, "home", hit.patient) if home is not None else hit
    if hit.actor is not None or (status != "conducted" and op_type not in word_set(OPS, "agentless_planned_types")):
        return hit  # "the town could be raided": a threat to come is not the story's state's
    if op_type in word_set(OPS, "from_owner_types") and (owner := from_owner(doc, refs, sent, span)) is not None:
        return AgentHit(owner, "subject", hit.patient)  # "surveillance from the Air Force"
    if op_type not in word_set(OPS, "agentless_home_types") or not (
            passive_form(doc, sent, span) or (status == "conducted" and _nominal_of(doc, sent, span))):
        return hit
    named = _subject_states(doc, refs, sent, span)
    if op_type == "deployment" and len(named) == 1 and (own := country_actor(doc, next(iter(named)))) is not None:
        return AgentHit(own, "subject", hit.patient)  # "Peruvian soldiers were deployed": Peru's
    home = home_state(doc, refs, span.start)
    if home is None or named - {home.key}:
        return hit  # "Peruvian soldiers were deployed" in a story from Quito: not Ecuador's
    return AgentHit(home, "home", hit.patient)


def _nominal_of(doc: Doc, sent: Span, span: Span) -> bool:
    """Whether the trigger is a noun of ``agentless_nouns`` followed by "of" and a count ("led
    to the arrest of 37 people", "the seizure of more than two tonnes"): the operation told with
    no doer, as in the passive (not "the arrest of X is a blow": a name points back)."""
    norms = token_norms(doc)
    if len(span) != 1 or span.end >= sent.end or norms[span.start] not in word_set(OPS, "agentless_nouns") \
            or norms[span.end] != "of":
        return False
    j = span.end + 1
    while j < sent.end and norms[j] in word_set(OPS, "count_qualifiers"):
        j += 1  # "of at least 37", "of more than two tonnes"
    return j < sent.end and doc[j].like_num


def _subject_range(doc: Doc, sent: Span, span: Span) -> tuple[int, int] | None:
    """[lo, end) of the subject of a passive trigger: the words of its clause before the
    auxiliary ("three were killed and [a sub-leader of the group] was captured")."""
    norms, aux = token_norms(doc), word_set(OPS, "agentless_aux")
    end = next((k for k in range(span.start, span.end) if norms[k] in aux), None)
    if end is None:
        if span.start <= sent.start or norms[span.start - 1] not in aux:
            return None
        end = span.start - 1
    while end > sent.start and norms[end - 1] in aux:
        end -= 1  # "had been"
    lo = max(clause_start(sent, end), dateline_end(doc) if dateline_end(doc) <= end else 0)
    joins = [k for k in range(lo, end) if norms[k] in ("and", "but", ",", ";")]
    if joins and joins[-1] == end - 1 and norms[end - 1] == ",":
        return (lo, joins[0]) if joins[0] > lo else None  # "X, first from A and now B, are deployed": X
    lo = joins[-1] + 1 if joins else lo  # "three were killed and a sub-leader was captured"
    return (lo, end) if end > lo else None


def _subject_states(doc: Doc, refs: list[Ref], sent: Span, span: Span) -> set[str]:
    """The states (keys) that the subject of a passive trigger names by a nationality or a
    mention ("Peruvian soldiers were deployed", "U.S. troops have been sent")."""
    found = _subject_range(doc, sent, span)
    if found is None:
        return set()
    lo, end = found
    demonyms, texts = load_lexicon("demonyms.yaml"), token_words(doc)
    keys = {str(demonyms[texts[k]]) for k in range(lo, end) if texts[k] in demonyms}
    for ref in refs:
        if lo <= ref.start < end and (state := agent_actor(doc, ref.actor)) is not None and state.type == "Country":
            keys.add(state.key)
    return keys


def passive_subject(doc: Doc, refs: list[Ref], sent: Span, span: Span) -> str | None:
    """The words of a passive trigger's subject when it names no actor ("a sub-leader of the
    group was captured": "sub-leader of the group"), as the operation's target text."""
    norms = token_norms(doc)
    if span.start <= sent.start or norms[span.start - 1] not in word_set(OPS, "agentless_aux"):
        return None
    found = _subject_range(doc, sent, span)
    if found is None or found[1] - found[0] > int(load_lexicon(OPS)["passive_subject_reach"]):
        return None
    lo, end = found
    if norms[lo] in word_set(OPS, "passive_subject_skips"):
        return None  # "he was captured", "they were detained": no words to keep
    return phrase_text(doc, lo, end) or None
