"""Where a story is set: its dateline ("ADEN, Yemen —", "SANTO DOMINGO. —", one below a
masthead), else the first listed city of its lead, and the country whose places it names far
most. A bare "the army" or "police" in local reporting is that country's.

Places come from three data files: the capitals (``clauses.yaml``, ``dateline_cities``), the
hand-made ``places.yaml``, and ``world_places.tsv`` (regions and cities of GeoNames and ISO
3166-2, built by ``tools/build_world_places.py``). A world place is read only as a whole
capitalised run ("Pedro Juan Caballero"), never as a word inside one; it is counted for the
setting only after a locative word ("in Bamenda", not "Kennedy said") and not when the article
uses the name as a person's surname.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Doc

from kg.extract._lexicon import load_lexicon, word_set
from kg.nlp.lexicons import gazetteer, hand_places, world_places
from kg.nlp.quotes import doc_text
from kg.records import Actor

CLAUSES = "clauses.yaml"


# "SANTO DOMINGO. —": a full stop after the city, blanked (same length) before a dateline is read
_CITY_STOP = re.compile(r"^(\s*[A-ZÀ-Þ][A-ZÀ-Þ .'\-]+?)\.(\s*[\u2014\u2013-]\s)")
_DATELINE = re.compile(r"^\s*(?P<city>[A-ZÀ-Þ][A-ZÀ-Þ .'\-]+?)(?:/[A-ZÀ-Þ .'\-]+)?"
                       r"(?:,\s*(?P<country>[A-Z][A-Za-zÀ-ÿ .'\-]+?))?(?:,\s*[A-Z][a-z]{2,4}\.? \d{1,2})?"
                       r"\s*(?:\([^)\n]{1,60}\)\s*)?[\u2014\u2013-]\s")


def _country_named(name: str) -> Actor | None:
    """The Country a name or alias stands for in the gazetteer, or via the capitals and places."""
    folded = name.strip().lower()
    place = _places().get(folded) or world_places().get(folded)
    if place:
        return gazetteer().actors.get(place)
    return _country_aliases().get(folded)


@lru_cache(maxsize=1)
def _country_aliases() -> dict[str, Actor]:
    """Lower-cased alias -> Country (the first in alias order when two share one)."""
    index: dict[str, Actor] = {}
    for alias, key in gazetteer().aliases():
        actor = gazetteer().actors[key]
        if actor.type == "Country":
            index.setdefault(alias.lower(), actor)
    return index


@lru_cache(maxsize=1)
def _alias_words() -> frozenset[str]:
    """Every gazetteer alias, lower case."""
    return frozenset(a.lower() for a, _k in gazetteer().aliases())


def load_capitals() -> dict[str, str]:
    """Dateline cities (lower case) -> country key, from clauses.yaml."""
    return dict(_capitals())


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    return {str(k).lower(): str(v) for k, v in (load_lexicon(CLAUSES).get("dateline_cities") or {}).items()}


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    """Capitals (``dateline_cities``) and places inside a country (``places.yaml``), lower case
    -> the country's key: where a dateline or a lead's first city sets the story."""
    return {**hand_places(), **_capitals()}


def dateline_end(doc: Doc) -> int:
    """Token index after the dateline ("ADEN, Yemen —"), 0 when there is none: a place or agency
    named there is no subject of the first sentence."""
    home_country(doc)
    return doc.user_data.get("kg.ops.dateline_end", 0)


def home_country(doc: Doc) -> Actor | None:
    """The country of the article's dateline ("BOGOTÁ —", "ADEN, Yemen —"): in local reporting a
    bare "the army" or "police" are that country's (cached on the Doc)."""
    if "kg.ops.home" in doc.user_data:
        return doc.user_data["kg.ops.home"]
    text = doc_text(doc)
    offset = next((m.start() for m in re.finditer(r"[^\n]*\S[^\n]*", text)), 0)
    line = text[offset:].split("\n", 1)[0]
    m = _DATELINE.match(line)
    home, doc.user_data["kg.ops.dateline_end"] = None, 0
    if m and len(m.group("city").strip()) > 2:
        end = doc.char_span(offset, offset + m.end(), alignment_mode="expand")
        doc.user_data["kg.ops.dateline_end"] = end.end if end is not None else 0
        home = (_country_named(m.group("country")) if m.group("country") else None) or \
            _country_named(m.group("city").title())
    doc.user_data["kg.ops.home"] = home if m else _lead_city_country(doc, offset)
    if doc.user_data["kg.ops.home"] is None and (below := _dateline_below(doc)) is not None:
        doc.user_data["kg.ops.home"], doc.user_data["kg.ops.dateline_end"] = below
    return doc.user_data["kg.ops.home"]


def _dateline_below(doc: Doc) -> tuple[Actor, int] | None:
    """(country, token after the dateline) of a dateline below the headline, byline or a
    masthead ("MOGADISHU, Somalia (AP) —" on the fifth line, "SANTO DOMINGO. —" under "DIARIO
    DEL CARIBE — ENGLISH EDITION"): the story is told from there too."""
    text, offset, lex = doc_text(doc), 0, load_lexicon("operations.yaml")
    for line in text[: int(lex["dateline_chars"])].split("\n")[: int(lex["dateline_lines"])]:
        m = _DATELINE.match(_CITY_STOP.sub(r"\1 \2", line))  # "SANTO DOMINGO. —" (same length)
        if m and len(m.group("city").strip()) > 2:
            home = (_country_named(m.group("country")) if m.group("country") else None) or \
                _country_named(m.group("city").title())
            end = doc.char_span(offset, offset + m.end(), alignment_mode="expand")
            if home is not None and end is not None:
                return home, end.end  # (a masthead above it names no place)
        offset += len(line) + 1
    return None


def _lead_city_country(doc: Doc, offset: int) -> Actor | None:
    """Without a dateline, the country of the first listed city in the lead sentence ("for
    control of Culiacán"): a local story is told from there. Cities that name a government
    in the gazetteer ("Washington") are actors, not settings. A town of the world table sets
    the story only after "in" ("killed five in Pedro Juan Caballero", not "near Aruba")."""
    lead = re.split(r"(?<=[.!?])\s", doc_text(doc)[offset:].split("\n", 1)[0], maxsplit=1)[0]
    aliases, settings = _alias_words(), word_set("operations.yaml", "lead_place_before")
    for match in _NAME_RUN.finditer(lead):
        run = match.group(0).lower()
        for name in (run, *run.split(" ")):
            key = _places().get(name)
            if key is None and name == run and _word_before(lead, match.start()) in settings:
                key = world_places().get(name)
            if key and name not in aliases:
                return gazetteer().actors.get(key)
    return None


def country_of_place(name: str) -> Actor | None:
    """The country of a named place ("Sabha", "Ciudad Juárez", "Quito"): the hand places and
    capitals, else the world table."""
    low = name.lower()
    key = _places().get(low) or world_places().get(low)
    return gazetteer().actors.get(key) if key else None


def place_country(doc: Doc) -> Actor | None:
    """The country whose places the article names far most (at least ``place_vote_least``
    times and ``place_vote_margin`` times as often as any other): in a feature with no dateline
    ("in the hills above Apatzingán ... in Uruapan") the events happen there (cached on the Doc)."""
    if "kg.ops.place_country" in doc.user_data:
        return doc.user_data["kg.ops.place_country"]
    people = [a.label.lower().split() for a in doc.user_data.get("kg.actors", {}).values() if a.type == "Person"]
    surnames = {words[-1] for words in people if len(words) > 1}  # "Herrera said": a person, no place
    counts: Counter = Counter()
    aliases, places, world = _alias_words(), _places(), world_places()
    text, before = doc_text(doc), _locatives()
    for low, word_before in _name_runs(text, before):
        key = next((places[n] for n in (low, *low.split(" ")) if n in places and n not in aliases), None)
        if key is None and low not in surnames and word_before in before:
            key = world.get(low)  # a world place only as a whole run after "in", "near" ...
        counts.update([key] if key else [])
    ranked, lex = counts.most_common(2), load_lexicon("operations.yaml")
    found = None
    if ranked and ranked[0][1] >= int(lex["place_vote_least"]) and \
            (len(ranked) == 1 or ranked[0][1] >= float(lex["place_vote_margin"]) * ranked[1][1]):
        found = gazetteer().actors.get(ranked[0][0])
    doc.user_data["kg.ops.place_country"] = found
    return found


def _name_runs(text: str, locatives: frozenset[str]) -> Iterator[tuple[str, str]]:
    """(lower-case run of capitalised words, lower-case word before it) of a text; a locative
    opening a sentence is the word before the run, not part of it ("In Culiacán the ...")."""
    for match in _NAME_RUN.finditer(text):
        run, at = match.group(0), match.start()
        first, _, rest = run.partition(" ")
        if rest and first.lower() in locatives:
            yield rest.lower(), first.lower()
        else:
            yield run.lower(), _word_before(text, at)


def _word_before(text: str, at: int) -> str:
    """The lower-case word right before offset ``at`` ("in" of "in Bamenda")."""
    head = text[max(0, at - 20):at].split()
    return head[-1].lower() if head else ""


@lru_cache(maxsize=1)
def _locatives() -> frozenset[str]:
    return frozenset(str(w) for w in load_lexicon("operations.yaml")["place_vote_before"])


# a run of capitalised words ("Vizcatán del Ene" is read as "Vizcatán", then "Ene")
_NAME_RUN = re.compile(r"[A-ZÀ-Þ][\w'\-]*(?: [A-ZÀ-Þ][\w'\-]*)*")
