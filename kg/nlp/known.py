"""Corrections to gazetteer matches that the context of a Doc overrules.

- "Colombia's Congress": a known body of another state named with this state's possessive or
  demonym is this state's own body, and so is a known international body named like a state's
  ("Colombia's Security Council"); a bare "the Senate" is the known body of the state in
  context;
- "Chad Baptiste": a lone country name right before a capitalised name is a given name;
- "ISIS-Somalia": a known group glued by a hyphen to a name is another, named group;

and the candidates a trained NER (``--model``) adds.
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from kg.nlp.candidates import DISCOVERED, MODEL, Candidate
from kg.nlp.discovery import Context, classify_run, possessive_country
from kg.nlp.lexicons import gazetteer
from kg.nlp.name_cues import article_state, context_state, known_body
from kg.nlp.tables import is_headline


def rehome_bodies(doc: Doc, known: list[Candidate], ctx: Context) -> None:
    """"Colombia's Congress", "the Venezuelan Supreme Court": a known body of another state
    named with this state's demonym or possessive is that state's own body, not the known one."""
    for cand in known:
        if cand.start > 0 and _international_as_state_body(doc, cand, ctx):
            continue
        if cand.type != "GovernmentBody" or not cand.government or cand.start == 0:
            continue
        country = ctx.demonyms.get(doc[cand.start - 1].text) or possessive_country(doc, cand.start, ctx)
        if country and country != cand.government:
            cand.key, cand.government, cand.priority = None, country, DISCOVERED
        elif cand.end - cand.start == 1 and not country:
            _rehome_bare(doc, cand, ctx)
        elif cand.end - cand.start <= BARE_WORDS and not country and _bare_institution(doc, cand, ctx):
            _rehome_bare(doc, cand, ctx, discover=True)


def _international_as_state_body(doc: Doc, cand: Candidate, ctx: Context) -> bool:
    """"Colombia's Security Council", "the Chilean Security Council": a known international
    body whose name ends like a government body ("Council"), named with a state's possessive
    or demonym, is that state's own body (the UN's is named bare). True when it was rehomed."""
    if cand.type != "Organization" or cand.government or cand.key is None:
        return False
    if doc[cand.end - 1].text not in ctx.org_cues["trailing"]["GovernmentBody"]:
        return False  # "America's NATO allies": a body of its own name, no state's
    label = gazetteer().actors[cand.key].label.lower().split()
    surface = doc[cand.start:cand.end].text.lower().split()
    if len(label) <= len(surface) or label[-len(surface):] != surface:
        return False  # "Sudan's Rapid Support Forces": named in full, not by its generic part
    country = ctx.demonyms.get(doc[cand.start - 1].text) or possessive_country(doc, cand.start, ctx)
    if not country:
        return False
    cand.key, cand.type, cand.government, cand.priority = None, "GovernmentBody", country, DISCOVERED
    return True


BARE_WORDS = 3  # "the Supreme Court", "the National Guard": a bare institution's name


def _bare_institution(doc: Doc, cand: Candidate, ctx: Context) -> bool:
    """"the Supreme Court": a known body named after "the" by a name every state uses."""
    return doc[cand.start - 1].lower_ == "the" \
        and doc[cand.start:cand.end].text in ctx.org_cues.get("generic_institutions", ())


def _rehome_bare(doc: Doc, cand: Candidate, ctx: Context, discover: bool = False) -> None:
    """"the Senate" in a story about Mexico, its officials named just before: the state in
    context's own known body of that name, not the gazetteer's default one (the U.S. Senate);
    with ``discover``, "the Supreme Court" in a story about Honduras, in a paragraph naming no
    state, is Honduras's own court, known or not."""
    country = article_state(doc, cand.start, ctx) if discover else \
        context_state(doc, cand.start, ctx, owners_only=True)
    if country is None or country == cand.government:
        return
    key = known_body(country, doc[cand.start:cand.end].text)
    if key is not None:
        cand.key, cand.government = key, country
    elif discover:
        cand.key, cand.government, cand.priority = None, country, DISCOVERED


def first_name_countries(doc: Doc, known: list[Candidate], ctx: Context) -> list[Candidate]:
    """"Chad Baptiste", "Jordan Peele": a lone country name right before a capitalised name
    that is neither a title nor another actor is a given name, not the country."""
    out = []
    for c in known:
        nxt = doc[c.end] if c.end < len(doc) else None
        if c.type == "Country" and c.end - c.start == 1 and nxt is not None and nxt.is_alpha \
                and nxt.text[:1].isupper() and c.end not in ctx.known and not doc[c.start].whitespace_ == "" \
                and nxt.lower_ not in ctx.titles.heads | ctx.titles.modifiers | ctx.titles.not_names \
                and nxt.lower_ not in STOP_WORDS and not is_headline(doc[c.start].sent):
            continue
        out.append(c)
    return out


def hyphen_compounds(doc: Doc, known: list[Candidate]) -> list[Candidate]:
    """"ISIS-Somalia": a known group glued by a hyphen to a name is another, named group."""
    out = []
    for c in known:
        e = c.end
        if c.type not in ("Country", "Person") and e + 1 < len(doc) and doc[e].text == "-" \
                and not doc[e - 1].whitespace_ and not doc[e].whitespace_ and doc[e + 1].text[:1].isupper():
            out.append(Candidate(c.start, e + 2, c.type, DISCOVERED))
        else:
            out.append(c)
    return out


ENTITY_TYPES = {"PERSON": "Person", "PER": "Person", "ORG": "Organization"}


def from_entities(doc: Doc, ctx: Context) -> list[Candidate]:
    """Candidates from a trained NER (``--model``): people, organisations and countries."""
    out = []
    for ent in doc.ents:
        if ent.label_ in ENTITY_TYPES:
            cand = classify_run(doc, ent.start, ent.end, ent.sent, ctx, ENTITY_TYPES[ent.label_])
        elif ent.label_ in {"GPE", "NORP"}:
            cand = _country_entity(doc, ent, ctx)
        else:
            cand = None
        if cand is not None:
            out.append(cand)
    return out


def _country_entity(doc: Doc, ent: Span, ctx: Context) -> Candidate | None:
    """A GPE/NORP entity that names a country, by demonym; unknown places are not actors."""
    key = ctx.demonyms.get(ent.text)
    if key is None:
        return None
    return Candidate(ent.start, ent.end, "Country", MODEL, key=key)
