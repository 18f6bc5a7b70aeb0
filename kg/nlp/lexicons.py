"""Loading the data files under ``kg/lexicons`` that the pipeline components use.

Everything the rules know about the world (actors, demonyms, titles, reporting verbs) lives in
data files; this module only parses them into plain Python structures, once per process.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import yaml
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF, SKOS

from kg.errors import KgError
from kg.records import ACTOR_TYPES, Actor
from kg.resources import lexicon_path

KG = Namespace("https://w3id.org/newskg/ontology#")
SCHEMA = Namespace("http://schema.org/")
ACTOR_BASE = "https://w3id.org/newskg/id/actor/"
WIKIDATA_BASE = "http://www.wikidata.org/entity/"


def slugify(label: str) -> str:
    """ASCII-folded, lower-case, hyphen-separated slug of a label.

    ``Nicolás Maduro`` -> ``nicolas-maduro``; ``U.S. Coast Guard`` -> ``us-coast-guard``."""
    folded = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii")
    out, dash = [], False
    for ch in folded.lower():
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif ch in "'’.":  # "U.S." -> "us", "Prosecutor's" -> "prosecutors"
            continue
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


@dataclass(frozen=True)
class Gazetteer:
    """Known actors from ``actors.ttl`` with the extra facts coreference needs."""

    actors: dict[str, Actor]
    genders: dict[str, str] = field(default_factory=dict)
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def aliases(self) -> list[tuple[str, str]]:
        """Every (surface form, actor key) pair, label included, sorted."""
        pairs = {(a.label, k) for k, a in self.actors.items()}
        pairs |= {(alias, k) for k, a in self.actors.items() for alias in a.aliases}
        return sorted(pairs)


@dataclass(frozen=True)
class Titles:
    heads: frozenset[str]
    multiword_heads: tuple[tuple[str, ...], ...]
    modifiers: frozenset[str]
    complements: frozenset[str]
    honorifics: dict[str, str | None]
    not_names: frozenset[str]
    time_words: frozenset[str]
    party_tags: frozenset[str] = frozenset()  # "D", "R": "Rep. X, D-N.M.," tags party and state
    office_modifiers: frozenset[str] = frozenset()  # "cabinet", "shadow": in titles, not in body names


# libyaml's loader when PyYAML was built with it: the same objects, read several times faster
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(filename: str) -> dict:
    path = lexicon_path(filename)
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise KgError(f"cannot read lexicon {path}: {exc}") from exc


def _key(iri: URIRef) -> str:
    return str(iri)[len(ACTOR_BASE):]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Parse ``actors.ttl`` into :class:`Actor` records keyed by slug."""
    path = lexicon_path("actors.ttl")
    try:
        graph = Graph().parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many parser exception types
        raise KgError(f"cannot parse gazetteer {path}: {exc}") from exc
    actors, genders, roles = {}, {}, {}
    for iri, _, cls in sorted(graph.triples((None, RDF.type, None))):
        kind = str(cls).rsplit("#", 1)[-1]
        if kind not in ACTOR_TYPES or not str(iri).startswith(ACTOR_BASE):
            continue
        key = _key(iri)
        label = str(graph.value(iri, SKOS.prefLabel))
        aliases = tuple(sorted(str(o) for o in graph.objects(iri, SKOS.altLabel)))
        gov = graph.value(iri, KG.actsFor)
        match = graph.value(iri, SKOS.exactMatch)
        qid = str(match)[len(WIKIDATA_BASE):] if match is not None else None
        actors[key] = Actor(key, label, kind, aliases, qid, _key(gov) if gov else None, True)
        gender = graph.value(iri, SCHEMA.gender)
        if gender is not None:
            genders[key] = str(gender)
        jobs = tuple(sorted(str(o).lower() for o in graph.objects(iri, SCHEMA.jobTitle)))
        if jobs:
            roles[key] = jobs
    return Gazetteer(actors, genders, roles)


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym or adjectival form (as written) -> country key."""
    return {str(k): str(v) for k, v in read_yaml("demonyms.yaml").items()}


@lru_cache(maxsize=1)
def titles() -> Titles:
    data = read_yaml("titles.yaml")
    heads = [h.lower() for h in data["heads"]]
    return Titles(
        heads=frozenset(h for h in heads if " " not in h),
        multiword_heads=tuple(sorted({tuple(h.split()) for h in heads if " " in h}, key=len, reverse=True)),
        modifiers=frozenset(m.lower() for m in data["modifiers"]),
        complements=frozenset(c.lower() for c in data["complements"]),
        honorifics={str(k).lower(): v for k, v in data["honorifics"].items()},
        not_names=frozenset(str(w).lower() for w in data["not_names"]),
        time_words=frozenset(str(w).lower() for w in data.get("time_words", [])),
        party_tags=frozenset(str(w) for w in data.get("party_tags", [])),
        office_modifiers=frozenset(str(w).lower() for w in data.get("office_modifiers", [])),
    )


@lru_cache(maxsize=1)
def stop_phrases() -> tuple[str, ...]:
    return tuple(read_yaml("actor_stoplist.yaml")["phrases"])


@lru_cache(maxsize=1)
def org_cues() -> dict:
    return read_yaml("org_cues.yaml")


@lru_cache(maxsize=1)
def reporting_verbs() -> dict[str, str]:
    """Inflected form (lower case) -> lemma."""
    data = read_yaml("reporting_verbs.yaml")
    return {form.lower(): lemma for lemma, forms in data["verbs"].items() for form in forms}


@lru_cache(maxsize=1)
def addressee_verbs() -> frozenset[str]:
    """Lemmas of reporting verbs whose object is the addressee ("told reporters")."""
    return frozenset(read_yaml("reporting_verbs.yaml").get("addressee_verbs", []))


@lru_cache(maxsize=1)
def clause_verbs() -> frozenset[str]:
    """Finite verbs that open a reported clause ("said X had ...": X is not the speaker)."""
    return frozenset(read_yaml("reporting_verbs.yaml").get("clause_verbs", []))


@lru_cache(maxsize=1)
def reporting_nouns() -> frozenset[str]:
    return frozenset(n.lower() for n in read_yaml("reporting_verbs.yaml").get("nouns", []))


@lru_cache(maxsize=1)
def given_names() -> dict[str, str | None]:
    """Given name -> "female", "male" or None (used for both, or not known): the census names
    of ``given_names_census.txt`` carry no gender; the hand list of ``given_names.yaml`` gives it."""
    lines = lexicon_path("given_names_census.txt").read_text(encoding="utf-8").splitlines()
    out: dict[str, str | None] = {name: None for name in lines if name and not name.startswith("#")}
    data = read_yaml("given_names.yaml")
    out.update({str(n): None for n in data.get("either", [])})
    out.update({str(n): "female" for n in data.get("female", [])})
    out.update({str(n): "male" for n in data.get("male", [])})
    return out


@lru_cache(maxsize=1)
def sentence_openers() -> frozenset[str]:
    """Lower-cased words that often open a sentence ("later", "meanwhile"): not names."""
    return frozenset(str(w).lower() for w in read_yaml("segmenter.yaml")["sentence_openers"])


@lru_cache(maxsize=1)
def capital_cities() -> frozenset[str]:
    """Capitals listed as aliases of their country, named as places after a preposition."""
    return frozenset(read_yaml("actor_stoplist.yaml").get("capital_cities", []))


@lru_cache(maxsize=1)
def world_places() -> dict[str, str]:
    """Lower-case place name -> country key, from ``world_places.tsv`` (regions and cities of
    GeoNames and ISO 3166-2 that name one country; ``tools/build_world_places.py``)."""
    found: dict[str, str] = {}
    for line in lexicon_path("world_places.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, key = line.split("\t", 2)[:2]
            found[name.lower()] = key
    return found


@lru_cache(maxsize=1)
def hand_places() -> dict[str, str]:
    """Lower-case place name -> country key, from the hand-made ``places.yaml``."""
    return {str(place).lower(): str(key) for key, names in read_yaml("places.yaml")["places"].items()
            for place in names}
