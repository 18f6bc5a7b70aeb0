"""Merging the mentions of one operation so an article reports it once.

Rules, in order:
0. a participle clause without agent ("raided a warehouse, seizing cocaine") takes the agent
   of the mention before it in its sentence;
1. outcome links - "strikes that led to the capture of X": the outcome names the operation;
2. generic and specific in one sentence - "a military operation that resulted in X's capture",
   also when the generic words its target or date its own way ("the heaviest military action
   against the rebel group since May");
3. the same type twice in one sentence - "surveillance ..., flying drones to ..."; a raid and
   the arrests made in it ("raided a lab and detained six") - the raid;
4. passive mentions without agent - "attacks were carried out" take the agent of the nearest
   earlier mention of the same kind (``passive_kin``: a seizure after a raid) within two
   sentences; custody (``home_agent_types``) else the dateline's state; still without agent:
   dropped (also when a by-phrase names doers that are no actor, "seized by armed men");
5. a generic mention next to a specific one (one sentence apart, three for threats; same agent
   and status) is it;
6. mentions of one type family (``merge_families`` in operations.yaml), agent and status whose
   target and location do not conflict are one operation: missing values are filled in and
   the first mention's type and details are kept, so the records come out identical; one
   operation told in the singular is not a counted series ("an airstrike" vs "90 airstrikes").
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from spacy.tokens import Doc

from kg.extract._agents import STRONG as _STRONG
from kg.extract._setting import home_country
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
    specific: bool = False  # a use of force named by its act ("destroyed three bases"): not generic

    def record(self) -> Operation:
        """The record of this mention (without the bookkeeping fields)."""
        keep = {f.name for f in fields(Operation)}
        return Operation(**{k: getattr(self, k) for k in keep})

    def agent_key(self) -> str | None:
        """The agent's key, or None."""
        return self.agent.key if self.agent else None


def _generic(c: Candidate) -> bool:
    return c.type in word_set(OPS, "generic_types") and not c.specific


def _compatible(a: Candidate, b: Candidate, loose_agent: bool = False) -> bool:
    """No conflicting agent, target or location (``loose_agent``: unless one is a mere subject)."""
    if a.agent and b.agent and a.agent.key != b.agent.key:
        if not loose_agent or (a.how in _STRONG and b.how in _STRONG):
            return False
    if _one_of_many(a, b) or _one_of_many(b, a):
        return False  # "an airstrike on Sunday" is not "more than 100 airstrikes this year"
    # another date or death toll is another event ("six killed on Oct. 14" vs "60 since September")
    for name in ("target_text", "location_text", "date", "casualties"):
        va, vb = getattr(a, name), getattr(b, name)
        if va and vb and va != vb:
            return False
    return True


def _describes(a: Candidate, b: Candidate) -> bool:
    """A generic mention that describes a specific one of its sentence, by the same agent and
    status ("bombed a rebel camp ..., the heaviest military action against the rebel group
    since January"): its own wording of the target and its own dates do not make it another."""
    one_generic = _generic(a) != _generic(b)
    return one_generic and a.status == b.status and a.agent_key() == b.agent_key() and a.agent is not None


def _one_of_many(a: Candidate, b: Candidate) -> bool:
    """Whether ``a`` is one operation told in the singular and ``b`` a counted series."""
    last = a.trigger.lower().split()[-1]
    return bool(b.count and b.count > 1 and a.count is None and not last.endswith("s")
                and last not in word_set(OPS, "series_nouns"))  # "the bombing campaign" is many


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
    paired: set[int] = set()  # raids that took their arrests already
    for cand in group:
        merged = False
        for i, prev in enumerate(out):
            if _raid_pair(prev, cand) and i not in paired:  # "raided a lab and detained six": the raid's arrests
                raid, other = (prev, cand) if prev.type == "raid" else (cand, prev)
                out[i] = _absorb(raid, other)
                paired.add(i)  # "arrested 23 in raids, and marines detained X": a second arrest is its own
                merged = True
                break
            # an outcome or a specific type may correct a mere subject agent; two mentions of
            # one type must agree on it
            if not (_compatible(prev, cand, loose_agent=True) or _describes(prev, cand)) or \
                    "unnamed" in (prev.how, cand.how):
                continue  # (an operation of unnamed doers takes no one's agent)
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


def _participles(group: list[Candidate]) -> list[Candidate]:
    """Rule 4a: "raided a warehouse, seizing cocaine": a participle clause without agent takes
    the agent of the mention before it in its sentence."""
    out: list[Candidate] = []
    for cand in group:
        before = next((o for o in reversed(out) if o.agent is not None), None)  # (past agentless mentions)
        if cand.agent is None and cand.how == "participle" and before is not None:
            cand = replace(cand, agent=before.agent, how="context")
        out.append(cand)
    return out


def _raid_pair(a: Candidate, b: Candidate) -> bool:
    """A raid and an arrest or capture of one agent and status in one sentence: one event."""
    kin = word_set(OPS, "raid_outcomes")
    types = {a.type, b.type}
    return ("raid" in types and bool(types & kin) and a.status == b.status
            and a.agent_key() == b.agent_key() and a.agent is not None)


def _inherit_agents(cands: list[Candidate], home: Actor | None = None) -> list[Candidate]:
    """Rule 4: passive mentions without agent take the nearest earlier agent of their kind,
    else (custody, ``home_agent_types``) the state of the dateline, unless it is where the
    person was sent ("was extradited to the United States" in a story from Quito: Ecuador)."""
    out: list[Candidate] = []
    for cand in cands:
        if cand.agent is None and cand.passive and cand.how != "unnamed":  # not "by armed men"
            for prev in reversed(out):
                kin = word_set(OPS, "passive_kin")  # "a lab was raided ... drugs were seized"
                same_kind = prev.type == cand.type or (prev.type in kin and cand.type in kin)
                if prev.agent is not None and cand.sent - prev.sent <= 2 and same_kind:
                    cand = replace(cand, agent=prev.agent, how="context")
                    break
        if cand.agent is None and cand.passive and cand.how != "unnamed" and home is not None and (
                cand.type in word_set(OPS, "home_agent_types")
                and (cand.location is None or cand.location.key != home.key)):
            cand = replace(cand, agent=home, how="home")
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
        near = [o for o in out if not _generic(o) and o.type not in word_set(OPS, "unforceful_types")
                and o.status == cand.status and o.agent_key() == cand.agent_key() and (
                    (abs(o.sent - cand.sent) <= reach and _compatible(o, cand) and not _own_target(cand, o))
                    or _same_scene(o, cand))]
        if near:
            spec = min(near, key=lambda o: abs(o.start - cand.start))
            out[i] = replace(_absorb(cand, spec), type=spec.type, target=spec.target,
                             target_text=spec.target_text)
    return out


def _own_target(generic: Candidate, spec: Candidate) -> bool:
    """A generic mention in another sentence that names a target the specific one lacks
    ("threatened military action against the cartels" ... "drone strikes"): its own threat."""
    return generic.sent != spec.sent and generic.target_text is not None and spec.target_text is None


def _head(text: str | None) -> str | None:
    return text.split()[-1] if text else None


def _same_scene(spec: Candidate, generic: Candidate) -> bool:
    """A generic mention anywhere in the article with the specific one's place and the same
    head noun of target ("the military campaign against suspected smuggling vessels in the
    Caribbean" ... "24 strikes against vessels ... in the Caribbean"): one campaign."""
    return (generic.location_text is not None and generic.location_text == spec.location_text
            and _head(generic.target_text) is not None and _head(generic.target_text) == _head(spec.target_text))


def _family(op_type: str) -> str:
    for name, members in load_lexicon(OPS)["merge_families"].items():
        if op_type in members:
            return name
    return op_type


def _same_event(a: Candidate, b: Candidate) -> bool:
    return (_family(a.type) == _family(b.type) and a.status == b.status
            and a.agent_key() == b.agent_key() and _compatible(a, b))


def _complementary(a: Candidate, b: Candidate) -> bool:
    """Two mentions that each name a target or place and share none ("airstrikes against
    al-Shabaab" and "strikes in the Eastern Pacific"): nothing says they are one operation."""
    named = [{n for n in ("target_text", "location_text") if getattr(c, n) is not None} for c in (a, b)]
    return bool(named[0]) and bool(named[1]) and not named[0] & named[1]


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
            if _compatible(out[i], peer) and not _complementary(out[i], peer):
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
    merged = [c for k in sorted(by_sent) for c in _merge_sentence(links, _participles(by_sent[k]))]
    merged = _inherit_agents(merged, home_country(doc))
    merged = _generic_to_specific(merged)
    return sorted(_unify(_back_references(_bare_talk(merged))), key=lambda c: c.start)


def _bare_talk(cands: list[Candidate]) -> list[Candidate]:
    """Rule 8: a mention still to come that names no target and no place ("allowed American
    bombs to fall") is the talk of a placed one of its family and agent not yet conducted
    ("authorized strikes on labs in X"): it is that one, told again, and is dropped."""
    talk = [c for c in cands if c.status != "conducted" and c.agent is not None]
    placed = [c for c in talk if any(getattr(c, n) is not None for n in _ARGS)]
    return [c for c in cands if c not in talk or c in placed or not any(
        _family(p.type) == _family(c.type) and p.agent_key() == c.agent_key() for p in placed)]


def _back_references(cands: list[Candidate]) -> list[Candidate]:
    """Rule 7: a mention whose agent is only its teller ("the navy spokesman said the strike on
    Odesa was revenge") and whose target's head names what an earlier conducted mention of
    the family hit or where it struck ("a drone attack on the Odesa region") is that
    operation: it takes that mention's agent."""
    out = list(cands)
    for i, cand in enumerate(out):
        head = _head(cand.target_text) or _head(cand.location_text)
        if cand.how not in word_set(OPS, "teller_hows") or cand.status != "conducted" or head is None:
            continue
        for prev in reversed(out[:i]):
            named = " ".join(t for t in (prev.target_text, prev.location_text) if t).split()
            if (prev.sent < cand.sent and prev.status == "conducted" and prev.agent is not None
                    and prev.how not in word_set(OPS, "teller_hows") and head in named
                    and _family(prev.type) == _family(cand.type)):
                out[i] = replace(cand, agent=prev.agent, how=prev.how)
                break
    return out
