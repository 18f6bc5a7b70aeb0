"""Turning a Doc's actor candidates into actor keys and :class:`kg.records.Actor` records.

One actor per entity: a known alias gives the gazetteer key; a discovered person is keyed by
the slug of the fullest name in the article that ends with the same words ("Torres" and
"Ana Torres" -> ``ana-torres``); a lone surname that a known person in the same article carries
goes to that person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from kg.nlp.candidates import DISCOVERED, Candidate
from kg.nlp.lexicons import Gazetteer, demonyms, gazetteer, given_names, org_cues, slugify
from kg.nlp.name_cues import known_body
from kg.nlp.name_rules import folded_words
from kg.nlp.quotes import token_spaces, token_words, word_positions
from kg.nlp.tables import is_initial, span_text
from kg.records import Actor


@dataclass(frozen=True)
class Resolved:
    mentions: list[tuple[int, int, str]]  # (start token, end token, actor key), sorted
    actors: dict[str, Actor]
    roles: dict[str, list[tuple[str, str | None]]]  # key -> [(title, country key)]
    genders: dict[str, str]


def select(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: longer first ("Federal Police of Honduras" over
    "Honduras"), then higher priority, then earlier."""
    taken: set[int] = set()
    out = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.priority, c.start)):
        if not taken.intersection(range(c.start, c.end)):
            out.append(c)
            taken.update(range(c.start, c.end))
    return sorted(out, key=lambda c: c.start)


def surname_groups(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """"Ortega Lugo" after "Cecilia Ortega Lugo": the last two or more words of a discovered
    name of three words or more (a double surname) are that person, even where a known person
    carries one of the words ("Ortega"); a longer candidate wins the selection."""
    texts = token_words(doc)
    names = {words for c in cands if c.type == "Person" and c.key is None
             and len(words := _words(doc, c)) >= 3 and c.end - c.start == len(words)}
    out = []
    for name in sorted(names):
        for k in range(2, len(name)):
            tail = name[-k:]
            for i in word_positions(doc).get(tail[0], ()):
                if i + k <= len(texts) and tuple(texts[i:i + k]) == tail \
                        and (i == 0 or texts[i - 1] != name[-k - 1]):
                    out.append(Candidate(i, i + k, "Person", DISCOVERED))
    return out


QUOTE_MARKS = frozenset({'"', "“", "”", "‘", "’"})


def _words(doc: Doc, c: Candidate) -> tuple[str, ...]:
    """The words of a name, without hyphens or a quoted nickname ('Jimmy "Barbecue" X')."""
    words, quoted = [], False
    for t in token_words(doc)[c.start:c.end]:
        if t in QUOTE_MARKS:
            quoted = not quoted
        elif t != "-" and not quoted:
            words.append(t)
    return tuple(words)


def _surface(doc: Doc, c: Candidate) -> str:
    """A name as written, spaces collapsed: "Okonjo-Salas" keeps its hyphen."""
    return " ".join(span_text(doc, c.start, c.end).split())


def _alias_index(gaz: Gazetteer) -> dict[str, str]:
    if gaz is gazetteer():  # the one gazetteer of the process: its index is built once
        return _gazetteer_alias_index()
    return {alias: key for alias, key in gaz.aliases()}


@lru_cache(maxsize=1)
def _gazetteer_alias_index() -> dict[str, str]:
    return {alias: key for alias, key in gazetteer().aliases()}


@lru_cache(maxsize=4096)
def _core(words: tuple[str, ...]) -> tuple[str, ...]:
    """A name without middle initials ("John A. Smith" -> "John Smith"), accents and case
    folded ("DELGADO TREVIÑO" in a transcript label is "Delgado Treviño")."""
    return folded_words(w for w in words if not is_initial(w))


def _fullest(words: tuple[str, ...], names: list[tuple[tuple[str, ...], str]]) -> str | None:
    """Key of the longest in-article name ending with ``words`` (a surname or a shorter name),
    middle initials aside."""
    paternal = not any(w in given_names() for w in words)
    words, best = _core(words), None
    for other, key in names:
        core = _core(other)
        # "Zamora" or "Sánchez Suárez" of "Mario Zamora Cordero": a Spanish first surname counts
        first_surname = paternal and len(core) >= len(words) + 2 and core[-len(words) - 1:-1] == words
        if len(other) > len(words) and (core[-len(words):] == words or first_surname) \
                and (len(words) > 1 or core != words):
            if best is None or len(other) > best[0]:
                best = (len(other), key)
    return best[1] if best else None


def _one_fuller(words: tuple[str, ...], names: list[tuple[tuple[str, ...], str]]) -> str | None:
    """Key of the one body of the article whose longer name ends with the word ``words``."""
    keys = {key for other, key in names if len(other) > len(words) and _core(other)[-1:] == _core(words)}
    return keys.pop() if len(keys) == 1 else None


CUT_AT = frozenset({"for", "of", "on", "in", "de", "del"})  # "Los X" after "Los X de Y"


def _cut_body(words: tuple[str, ...], names: list[tuple[tuple[str, ...], str]]) -> str | None:
    """Key of the one body whose name is ``words`` and its "for/of ..." part ("Halden Centre"
    after "Halden Centre for Security Analysis"); two words at least."""
    n = len(words)
    keys = {key for other, key in names
            if n >= 2 and len(other) > n + 1 and other[:n] == words and other[n].lower() in CUT_AT}
    return keys.pop() if len(keys) == 1 else None


def _same_body(words: tuple[str, ...], c: Candidate, bodies: list[tuple[tuple[str, ...], str]],
               states: list[str | None], forces: list[tuple[tuple[str, ...], str]] = (),
               force_states: list[str] = ()) -> str | None:
    """Key of the one body of the article, named with its state ("Colombia's Supreme Court",
    "Russia's Black Sea Fleet"), whose name is these words, for a mention of them with no state
    or a known body of another state: a short form of the body the article is about."""
    core = _core(words)
    keys = {key for (other, key), gov in zip(bodies, states)
            if gov and gov != c.government and _core(other) == core}
    if c.government is None and not c.key and len(core) >= 2:  # "the Air Force" after "Nigeria's air force"
        keys |= {key for (other, key), gov in zip(forces, force_states) if _core(other)[-len(core):] == core}
    if c.government is None or c.key:
        return keys.pop() if len(keys) == 1 else None
    return None


def _given_name(words: tuple[str, ...], names: list[tuple[tuple[str, ...], str]],
                compound: bool = False) -> str | None:
    """Key of the one person of the article whose given name a lone word is ("Kingsley" after
    "Kingsley Moran": reporters in a briefing address officials by their given name); a
    hyphenated given name ("Jean-Paul" of "Jean-Paul Roy", ``compound``) counts as one word."""
    if len(words) != 1 and not compound:
        return None
    n, core = len(words), _core(words)
    keys = {key for other, key in names if len(_core(other)) > n and _core(other)[:n] == core}
    return keys.pop() if len(keys) == 1 else None


def _qualified(doc: Doc, c: Candidate, gaz: Gazetteer) -> str:
    """A discovered body's name with its country when the name lacks one ("Defense Ministry"
    of Colombia -> "Colombia Defense Ministry"), so two countries' ministries stay apart."""
    text = span_text(doc, c.start, c.end)
    country = gaz.actors.get(c.government) if c.government else None
    if country is None or c.type == "Person" or country.label in text or text.isupper():
        return text  # (initials, "SENAN", name one body already)
    names = {country.label, *country.aliases}
    dem = demonyms()
    if any(word in names or dem.get(word) == c.government for word in token_words(doc)[c.start:c.end]):
        return text
    return f"{country.label} {text}"


def assign_keys(doc: Doc, cands: list[Candidate], gaz: Gazetteer) -> list[tuple[Candidate, str]]:
    """Give every candidate an actor key (see the module docstring)."""
    aliases = _alias_index(gaz)
    people = [(_words(doc, c), c.key) for c in cands if c.type == "Person" and c.key]
    people += [(_words(doc, c), slugify(" ".join(_words(doc, c)))) for c in cands
               if c.type == "Person" and not c.key and " ".join(_words(doc, c)) not in aliases]
    # a body named in full once ("U.S. Central Command") and shortly later ("Central Command")
    owned = [c for c in cands if c.type != "Person" and not c.key and c.type != "Country"]
    bodies = [(_words(doc, c), slugify(_qualified(doc, c, gaz))) for c in owned]
    states = [c.government for c in owned]
    named = [(_words(doc, c), c.key) for c in cands if c.key and c.type not in ("Person", "Country")] + bodies
    # a state's keyed bodies ("Nigeria's air force"): a bare mention of their name is theirs
    known_forces = [c for c in cands if c.key and c.government and c.type == "GovernmentBody"]
    forces = [(_words(doc, c), c.key) for c in known_forces]
    out = []
    for c in cands:
        words = _words(doc, c)
        text = " ".join(words)
        local = _same_body(words, c, bodies, states, forces, [f.government for f in known_forces]) \
            if c.type not in ("Person", "Country") else None
        if c.key and c.type not in ("Person", "Country") and len(words) == 1 and _one_fuller(words, named):
            key = _one_fuller(words, named)  # "the Senate" after "the Mexican Senate": that one
        elif local:
            key = local  # "the Supreme Court" after "Colombia's Supreme Court": that one
        elif c.key and not (c.type == "Person" and len(words) == 1):
            key = c.key
        elif c.type == "Person":
            # a lone surname or short name goes to the fullest name in this article, if any
            key = (_fullest(words, people) or c.key or aliases.get(text)
                   or _given_name(words, people, _hyphenated(doc, c)) or slugify(text))
        else:  # a body: its name with its country when the name lacks one
            qualified = _qualified(doc, c, gaz)
            # "Vietnam's Foreign Ministry" is not the "Chinese Foreign Ministry" named before it
            mine = [b for b, gov in zip(bodies, states) if not c.government or gov in (None, c.government)]
            plain = aliases.get(text) or aliases.get(span_text(doc, c.start, c.end))
            key = (aliases.get(qualified) or (plain if qualified == text else None) or _of_country(text, gaz, aliases)
                   or _ministry_key(text, c, gaz, aliases)
                   or ((_fullest(words, mine) or _cut_body(words, mine)) if not c.key else None)
                   or slugify(qualified))
        out.append((c, key))
    return out


_OF_COUNTRY = re.compile(r"^(?P<body>.+?) of (?:the )?(?P<country>[A-Z][\w.]*(?: [A-Z][\w.]*)*)$")


def _of_country(text: str, gaz: Gazetteer, aliases: dict[str, str]) -> str | None:
    """"Southern Command of the United States", "Department of the Treasury of the United
    States": a known body of that country named with its country after "of" (a translation's
    word order) is that body; its "Government" is the country itself."""
    m = _OF_COUNTRY.match(text)
    country = aliases.get(m.group("country")) if m else None
    if country is None or gaz.actors[country].type != "Country":
        return None
    body = m.group("body")
    if body.split()[-1] == "Government":
        return country  # "the Federal Government of Somalia" is the state itself
    names = [body, f"{gaz.actors[country].label} {body}"]
    names += [f"{word} {body}" for word, state in demonyms().items() if state == country]  # "Mexican Navy"
    key = next((aliases[n] for n in names if n in aliases), None)
    return key if key is not None and gaz.actors[key].government == country else None


_MINISTRY_OF = re.compile(r"^(?:(?P<state>[A-Z][\w.]*) )?Ministry of (?:the )?(?P<portfolio>[A-Z][a-z]+(?: Affairs)?)"
                          r"(?: of (?:the )?(?P<country>[A-Z][\w.]*(?: [A-Z][\w.]*)*))?$")


def _ministry_key(text: str, c: Candidate, gaz: Gazetteer, aliases: dict[str, str]) -> str | None:
    """"Ministry of Defence of Peru", "Peru's Ministry of Defence", "Peruvian Ministry of
    Defence": the key of "Peru's defence ministry" (:func:`kg.nlp.name_cues.state_ministries`),
    so the two word orders of one ministry are one actor."""
    m = _MINISTRY_OF.match(text)
    if m is None or m.group("portfolio").lower() not in org_cues()["ministry_portfolios"]:
        return None
    named = m.group("country") or m.group("state")
    country = (aliases.get(named) or demonyms().get(named)) if named else c.government
    if country is None or country not in gaz.actors or gaz.actors[country].type != "Country":
        return None
    name = f"{m.group('portfolio').title()} Ministry"
    return known_body(country, name) or slugify(f"{gaz.actors[country].label} {name}")


def _hyphenated(doc: Doc, c: Candidate) -> bool:
    """Whether a name is one hyphenated word ("Jean-Paul"), not two words."""
    text = token_words(doc)[c.start:c.end]
    return len(text) == 3 and text[1] == "-" and not any(token_spaces(doc)[c.start:c.start + 2])


def _first_surname(word: str) -> bool:
    """A word before the last of a name that may be a first surname (not "Luis" of "José Luis
    Pérez", not a particle)."""
    return word[:1].isupper() and word not in given_names()


def _surname_mentions(doc: Doc, keyed: list[tuple[Candidate, str]]) -> list[tuple[int, int, str]]:
    """Bare surnames of people named in full in this article ("Torres" after "Ana Torres"). When
    two people share a surname ("Rhea Baptiste", "Chad Baptiste"), the one named first: a story
    introduces its protagonist first and names a relative in full or by the given name."""
    surnames: dict[str, list[tuple[int, str]]] = {}
    for c, key in keyed:
        words = _words(doc, c)
        if c.type == "Person" and len(words) >= 2:  # known people too: not every alias is listed
            surnames.setdefault(words[-1], []).append((c.start, key))
        if c.type == "Person" and c.key is None and len(words) >= 3 and _first_surname(words[-2]):
            surnames.setdefault(words[-2], []).append((c.start, key))  # "Zamora" of "Mario Zamora Cordero"
    taken = {i for c, _ in keyed for i in range(c.start, c.end)}
    texts = token_words(doc)
    out = []
    for i, text in enumerate(texts):
        named = surnames.get(text)  # the cheap test first: most words are no surname
        if named and i not in taken and (i + 1 >= len(texts) or texts[i + 1] != "-"):
            out.append((i, i + 1, min(named)[1]))
    return out


def _given_name_mentions(doc: Doc, keyed: list[tuple[Candidate, str]], taken: set[int]) -> list[tuple[int, int, str]]:
    """"Maribel said" after "Maribel Cortés Luna": a lone given name of exactly one person of the
    article named in full (and found by discovery) is that person, where no name follows it."""
    owners: dict[str, set[str]] = {}
    for c, key in keyed:
        words = _words(doc, c)
        if c.type == "Person" and len(words) >= 2:
            owners.setdefault(words[0], set()).add(key if c.key is None else "")
    texts, positions = token_words(doc), word_positions(doc)
    out = []
    for word, keys in sorted(owners.items()):
        if len(keys) != 1 or "" in keys or word.islower() or word.lower() in STOP_WORDS:
            continue
        for i in positions.get(word, ()):
            if i in taken:
                continue
            if i + 1 < len(texts) and texts[i + 1][:1].isupper():
                continue  # "Maribel Ortiz": another full name
            out.append((i, i + 1, next(iter(keys))))
    return out


def _repeats(doc: Doc, keyed: list[tuple[Candidate, str]]) -> list[tuple[Candidate, str]]:
    """Other occurrences of a discovered full name, where no cue made it a candidate
    ("The last time Rhea Baptiste spoke" before "Rhea Baptiste says")."""
    taken = {i for c, _ in keyed for i in range(c.start, c.end)}
    names = {words: (c, k) for c, k in keyed
             if c.type == "Person" and c.key is None and len(words := _words(doc, c)) >= 2}
    out = []
    for words, (cand, key) in sorted(names.items()):
        n = cand.end - cand.start
        for i in word_positions(doc).get(words[0], ()):
            if i + n <= len(doc) and _words(doc, Candidate(i, i + n, "Person", 0)) == words \
                    and not taken.intersection(range(i, i + n)):
                out.append((Candidate(i, i + n, "Person", cand.priority), key))
                taken.update(range(i, i + n))
    return out


def build(doc: Doc, cands: list[Candidate], gaz: Gazetteer) -> Resolved:
    """Keys, actor records, observed roles and genders for the selected candidates."""
    keyed = assign_keys(doc, cands, gaz)
    keyed += _repeats(doc, keyed)
    mentions = [(c.start, c.end, k) for c, k in keyed] + _surname_mentions(doc, keyed)
    mentions = sorted(mentions + _given_name_mentions(doc, keyed, {i for s, e, _ in mentions for i in range(s, e)}))
    actors: dict[str, Actor] = {}
    roles: dict[str, list[tuple[str, str | None]]] = {}
    genders: dict[str, str] = {}
    for c, key in keyed:
        if c.role:
            roles.setdefault(key, []).append((c.role, c.government))
        if c.gender:
            genders.setdefault(key, c.gender)
    for key in sorted({k for _, k in keyed}):
        if key in gaz.actors:
            actors[key] = gaz.actors[key]
        else:
            actors[key] = _discovered_actor(doc, key, [c for c, k in keyed if k == key], gaz)
    return Resolved(mentions, actors, roles, genders)


def _cased(forms: list[str]) -> str:
    """The longest form, in mixed case: a transcript label ("SEN. JANE ROE:") shouts the name,
    so an all-caps form gives way to a mixed-case form as long, else is title-cased."""
    best = forms[0]
    if not best.isupper():
        return best
    same = [f for f in forms if len(f.split()) == len(best.split()) and not f.isupper()]
    return same[0] if same else best.title()


def _plain(name: str) -> str:
    """A name without its quoted nickname ('Jimmy "Barbecue" X' -> "Jimmy X")."""
    return " ".join(_NICKNAME.sub(" ", name).split())


_NICKNAME = re.compile(r"[\"“‘][^\"”’“‘]*[\"”’]")


def _discovered_actor(doc: Doc, key: str, cands: list[Candidate], gaz: Gazetteer) -> Actor:
    forms = sorted({_surface(doc, c) for c in cands}, key=lambda f: (-len(f.split()), f))
    best = max(cands, key=lambda c: (c.priority, c.end - c.start))
    kind = best.type
    label = _plain(_cased(forms)) if kind == "Person" else _qualified(doc, best, gaz)
    forms = [f for f in forms if f != label] + ([forms[0]] if forms[0] != label else [])
    gov = next((c.government for c in cands if c.government), None)
    if kind != "Person" and label != span_text(doc, best.start, best.end):
        forms += _owned_forms(span_text(doc, best.start, best.end), best.government, gaz)
    aliases = tuple(sorted(set(f for f in forms if f != label)))
    return Actor(key, label, kind, aliases, None, gov, False)


def _owned_forms(text: str, state: str | None, gaz: Gazetteer) -> list[str]:
    """"Defense Ministry" of Russia is also "Russia's Defense Ministry" and "Russian Defense
    Ministry": the ways news name a state's body, so that any of them finds it."""
    country = gaz.actors.get(state) if state else None
    if country is None:
        return []
    words = {word for word, key in demonyms().items() if key == state and word[:1].isupper()}
    words -= {word for word in words if word[:-1] in words}  # "Russians": a plural, not an adjective
    return [f"{country.label}'s {text}"] + sorted(f"{word} {text}" for word in words)
