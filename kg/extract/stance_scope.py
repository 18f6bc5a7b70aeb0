"""Stance scope (rule S): what a statement is about decides whether stance applies at all.

The gold format's stance is towards US military action in Mexico or the region (Latin America
and the Caribbean). Before any cue decides a direction, the rules ask which force and which
place the statement is about, from the quote, then its article:

S1. the quote's force belongs to a state other than the United States ("the Yemeni armed
    forces"; a state of the region acting on another: "Dominican soldiers ... in Haiti") and the
    quote names no US or foreign force -> neutral;
S2. the quote names the region (a state of the Americas other than the United States, a place
    or group of the region: "the Caribbean", "the eastern Pacific", "cartels") -> in scope;
S3. the quote names only places, states or groups outside the region ("Yemen", "the Red Sea",
    "Houthis", "Sudanese", "Afghanistan's airspace") -> neutral; a name recalled as an analogy
    ("another Iraq", "like we hunted ISIS") names no place of action;
S4. (needs the article: :func:`scope_statements`) the article is about a theater outside the
    region (it names more states outside the Americas than states of the region) and the quote
    names no place of the region -> neutral.
Otherwise the direction rules of :mod:`kg.extract.stance` decide.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from kg.nlp.lexicons import demonyms, gazetteer, read_yaml

IN, OUT = "in", "out"
_US = "united-states"


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    """Scope lexicons from stance.yaml: marker phrase (a tuple of cue words) -> (IN or OUT, the
    state's key, None for a place that is no state)."""
    from kg.extract.stance import cue_words

    data = read_yaml("stance.yaml")
    region = frozenset(data["region_states"])
    markers: dict[tuple[str, ...], tuple[str, str | None]] = {}
    for actor in gazetteer().actors.values():
        if actor.type == "Country" and actor.key != _US:
            for name in (actor.label, *actor.aliases):
                markers[cue_words(name)] = (IN if actor.key in region else OUT, actor.key)
    for demonym, key in demonyms().items():
        if key != _US:
            markers[cue_words(demonym)] = (IN if key in region else OUT, key)
    markers.update({cue_words(p): (OUT, None) for p in data["outside_places"]})
    markers.update({cue_words(p): (IN, None) for p in data["region_places"]})
    markers = {k: v for k, v in markers.items() if k}
    us = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in data["us_markers"]) + r")(?![\w-])")
    by_first: dict[str, list[int]] = {}
    for phrase in markers:  # the lengths of the phrases opening with each word, longest first
        by_first.setdefault(phrase[0], []).append(len(phrase))
    by_first = {w: sorted(set(ns), reverse=True) for w, ns in by_first.items()}
    return {"markers": markers, "by_first": by_first, "us": us, "region": region,
            "analogy": frozenset(data["analogy_words"]), "force_heads": frozenset(data["owned_force_heads"])}


def _places(ws: tuple[str, ...]) -> list[tuple[int, int, str, str | None]]:
    """(start, end, IN/OUT, state key) of every region or outside marker in the words, longest
    first."""
    lex = _lexicon()
    markers, by_first, found, i = lex["markers"], lex["by_first"], [], 0
    while i < len(ws):
        for n in by_first.get(ws[i], ()):  # a dict lookup per word: most words open no marker
            side = markers.get(ws[i:i + n])
            if side is not None:
                found.append((i, i + n, *side))
                i += n - 1
                break
        i += 1
    return found


@lru_cache(maxsize=4096)
def quote_scope(text: str) -> str | None:
    """Rules S1-S3 on a quote: IN, OUT or None (the quote alone does not say)."""
    from kg.extract.stance import cue_words

    ws = tuple(w[:-2] if w.endswith("'s") else w.rstrip("'") for w in cue_words(text))  # "Yemen's"
    lex = _lexicon()
    found, places, recalled = _places(ws), [], False
    for n, place in enumerate(found):  # an analogy word covers the next place only
        since = max(found[n - 1][1] if n else 0, place[0] - 3)
        if not lex["analogy"] & set(ws[since:place[0]]):
            places.append(place)
        else:
            recalled = recalled or place[2] == OUT
    if recalled:  # a lesson from elsewhere ("twenty years in Afghanistan, and the Taliban came
        places = [p for p in places if p[2] == IN]  # back"): no outside place of action
    if _foreign_owned(ws, places) and not lex["us"].search(text):
        return OUT  # S1: a force of another state ("Dominican soldiers will not set foot"), and
        # no US or foreign force named ("our soldiers, not American troops")
    if any(p[2] == IN for p in places):
        return IN
    return OUT if places else None  # S3: only places outside the region ("Yemen's sovereignty")


def _foreign_owned(ws: tuple[str, ...], places: list) -> bool:
    """S1: a state's force named (a state or demonym before a force noun) that is not the force
    a state of the region uses at home: a state outside the region ("the Yemeni armed forces"),
    or a state of the region with another state of the region named ("Dominican soldiers will
    not set foot in Haiti"; but "Mexican soldiers can do this job" is self-reliance, in scope)."""
    owners = [p for p in places if p[1] < len(ws) and ws[p[1]] in _lexicon()["force_heads"] and p[3]]
    return any(o[2] == OUT or any(p[2] == IN and p[3] and p[3] != o[3] for p in places) for o in owners)


def article_outside(countries: dict[str, int]) -> bool:
    """S4: whether an article's theater is outside the region: it names (counting mentions)
    more states outside the Americas than states of the region."""
    region = _lexicon()["region"]
    inside = sum(n for key, n in countries.items() if key in region)
    outside = sum(n for key, n in countries.items() if key not in region and key != _US)
    return outside > inside


def scope_statements(doc, statements: list) -> list:
    """Rule S4 over an article's statements: in an article about a theater outside the region,
    a statement whose quote names no place of the region is neutral."""
    from kg.extract._context import actor_refs, agent_actor
    from kg.extract.stance import NEUTRAL

    if all(s.stance == NEUTRAL for s in statements):
        return statements  # nothing to scope
    countries: dict[str, int] = {}
    for ref in actor_refs(doc):
        state = ref.actor if ref.actor.type == "Country" else agent_actor(doc, ref.actor)
        if state is not None and state.type == "Country":
            countries[state.key] = countries.get(state.key, 0) + 1
    if not article_outside(countries):
        return statements
    return [s if s.stance == NEUTRAL or quote_scope(s.text) == IN else replace(s, stance=NEUTRAL)
            for s in statements]
