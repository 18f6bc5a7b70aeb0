"""Merging the mentions of one operation so an article reports it once.

Rules, in order:
1. outcome links - "strikes that led to the capture of X": the outcome names the operation;
2. generic and specific in one sentence - "a military operation that resulted in X's capture";
3. the same type twice in one sentence - "surveillance ..., flying drones to ..."; a raid and
   the arrests made in it ("raided a lab and detained six") - the raid;
4. passive mentions without agent - "attacks were carried out" take the agent of the nearest
   earlier mention of the same kind (``passive_kin``: a seizure after a raid) within two
   sentences; still without agent: dropped;
5. a generic mention next to a specific one (one sentence apart, three for threats; same agent
   and status) is it;
6. mentions of one type family (``merge_families`` in operations.yaml), agent and status whose
   target and location do not conflict are one operation: missing values are filled in and
   the first mention's type and details are kept, so the records come out identical.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from spacy.tokens import Doc

from kg.extract._agents import STRONG as _STRONG
from kg.extract._lexicon import build_matcher, load_lexicon, word_set
from kg.records import Actor, Evidence, Operation

OPS = "operations.yaml"
_ARGS = ("target", "target_text", "location", "location_text")
_DETAILS = ("date", "date_text", "casualties", "casualties_text", "count")


@dataclass(frozen=True)
class Candidate:
    """An operation mention before merging."""

    type: str
    status: str
    trigger: str
    start: int
    end: int
    sent: int
    evidence: Evidence
    agent: Actor | None = None
    how: str = ""
    passive: bool = False
    target: Actor | None = None
    target_text: str | None = None
    location: Actor | None = None
    location_text: str | None = None
    date: str | None = None
    date_text: str | None = None
    casualties: int | None = None
    casualties_text: str | None = None
    count: int | None = None

    def record(self) -> Operation:
        """The record of this mention (without the bookkeeping fields)."""
        keep = {f.name for f in fields(Operation)}
        return Operation(**{k: getattr(self, k) for k in keep})

    def agent_key(self) -> str | None:
        """The agent's key, or None."""
        return self.agent.key if self.agent else None


def _generic(c: Candidate) -> bool:
    return c.type in word_set(OPS, "generic_types")


def _compatible(a: Candidate, b: Candidate, loose_agent: bool = False) -> bool:
    """No conflicting agent, target or location (``loose_agent``: unless one is a mere subject)."""
    if a.agent and b.agent and a.agent.key != b.agent.key:
        if not loose_agent or (a.how in _STRONG and b.how in _STRONG):
            return False
    # another date or death toll is another event ("six killed on Oct. 14" vs "60 since September")
    for name in ("target_text", "location_text", "date", "casualties"):
        va, vb = getattr(a, name), getattr(b, name)
        if va and vb and va != vb:
            return False
    return True


def _absorb(keep: Candidate, other: Candidate) -> Candidate:
    """``keep`` with its missing agent, arguments and details taken from ``other``."""
    changes = {}
    if keep.agent is None or (other.how in _STRONG and keep.how not in _STRONG and other.agent):
        if other.agent is not None:
            changes.update(agent=other.agent, how=other.how)
    for name in _ARGS + _DETAILS:
        if getattr(keep, name) is None and getattr(other, name) is not None:
            changes[name] = getattr(other, name)
    return replace(keep, **changes)


def _links(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of outcome phrases ("led to", "resulted in")."""
    matcher = build_matcher(doc, {"link": load_lexicon(OPS)["outcome_links"]})
    return [(s, e) for _k, s, e in matcher(doc)]


def _linked(links: list[tuple[int, int]], a: Candidate, b: Candidate) -> bool:
    """Whether an outcome phrase stands between two mentions."""
    return any(a.end <= s and e <= b.start for s, e in links)


def _merge_sentence(links: list[tuple[int, int]], group: list[Candidate]) -> list[Candidate]:
    """Rules 1-3 within one sentence."""
    out: list[Candidate] = []
    for cand in group:
        merged = False
        for i, prev in enumerate(out):
            if _raid_pair(prev, cand):  # "raided a lab and detained six": the raid's arrests
                raid, other = (prev, cand) if prev.type == "raid" else (cand, prev)
                out[i] = _absorb(raid, other)
                merged = True
                break
            # an outcome or a specific type may correct a mere subject agent; two mentions of
            # one type must agree on it
            if not _compatible(prev, cand, loose_agent=True):
                continue
            if _linked(links, prev, cand) or (_generic(prev) and not _generic(cand)):
                out[i] = _absorb(cand, prev)  # the outcome / the specific type names the event
            elif _generic(cand) and not _generic(prev):
                out[i] = _absorb(prev, cand)
            elif prev.type == cand.type and prev.status == cand.status and _compatible(prev, cand):
                out[i] = _absorb(prev, cand)  # (a deed done and one threatened are two)
            else:
                continue
            merged = True
            break
        if not merged:
            out.append(cand)
    return out


def _raid_pair(a: Candidate, b: Candidate) -> bool:
    """A raid and an arrest or capture of one agent and status in one sentence: one event."""
    kin = word_set(OPS, "raid_outcomes")
    types = {a.type, b.type}
    return ("raid" in types and bool(types & kin) and a.status == b.status
            and a.agent_key() == b.agent_key() and a.agent is not None)


def _inherit_agents(cands: list[Candidate]) -> list[Candidate]:
    """Rule 4: passive mentions without agent take the nearest earlier agent of their kind."""
    out: list[Candidate] = []
    for cand in cands:
        if cand.agent is None and cand.passive:
            for prev in reversed(out):
                kin = word_set(OPS, "passive_kin")  # "a lab was raided ... drugs were seized"
                same_kind = prev.type == cand.type or (prev.type in kin and cand.type in kin)
                if prev.agent is not None and cand.sent - prev.sent <= 2 and same_kind:
                    cand = replace(cand, agent=prev.agent, how="context")
                    break
        if cand.agent is not None:
            out.append(cand)
    return out


def _generic_to_specific(cands: list[Candidate]) -> list[Candidate]:
    """Rule 5: a generic mention one sentence away from a specific one of the same agent."""
    out = list(cands)
    for i, cand in enumerate(out):
        if not _generic(cand):
            continue
        # a threat is talked about over several sentences ("strikes on land are coming" ... "every
        # option is on the table"); a deed is told next to its generic mention
        reach = load_lexicon(OPS)["generic_merge_sentences"].get(cand.status, 1)
        near = [o for o in out if not _generic(o) and abs(o.sent - cand.sent) <= reach
                and o.status == cand.status and o.agent_key() == cand.agent_key()
                and _compatible(o, cand)]
        if near:
            spec = min(near, key=lambda o: abs(o.start - cand.start))
            out[i] = replace(_absorb(cand, spec), type=spec.type, target=spec.target,
                             target_text=spec.target_text)
    return out


def _family(op_type: str) -> str:
    for name, members in load_lexicon(OPS)["merge_families"].items():
        if op_type in members:
            return name
    return op_type


def _same_event(a: Candidate, b: Candidate) -> bool:
    return (_family(a.type) == _family(b.type) and a.status == b.status
            and a.agent_key() == b.agent_key() and _compatible(a, b))


def _key(c: Candidate) -> tuple:
    return (_family(c.type), c.status, c.agent_key(), c.target_text, c.location_text)


def _unify(cands: list[Candidate]) -> list[Candidate]:
    """Rule 6: fill each mention from the compatible mentions of the same operation."""
    out = list(cands)
    for i, cand in enumerate(out):
        peers = [o for o in out if o is not cand and _same_event(o, cand)]
        peers.sort(key=lambda o: (-sum(getattr(o, n) is not None for n in _ARGS),
                                  abs(o.start - cand.start)))
        for peer in peers:
            if _compatible(out[i], peer):
                out[i] = _absorb(out[i], peer)
    result = []
    for cand in out:  # type and details (date, counts) of one operation come from its first report
        first = next(o for o in out if _key(o) == _key(cand) and (o is cand or _compatible(o, cand)))
        detail = {n: getattr(first, n) if getattr(first, n) is not None else getattr(cand, n)
                  for n in _DETAILS}
        result.append(replace(cand, type=first.type, **detail))
    return result


def merge_candidates(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Apply the merge rules of the module docstring; sorted by position."""
    by_sent: dict[int, list[Candidate]] = {}
    for cand in sorted(cands, key=lambda c: c.start):
        by_sent.setdefault(cand.sent, []).append(cand)
    links = _links(doc)
    merged = [c for k in sorted(by_sent) for c in _merge_sentence(links, by_sent[k])]
    merged = _inherit_agents(merged)
    merged = _generic_to_specific(merged)
    return sorted(_unify(merged), key=lambda c: c.start)
