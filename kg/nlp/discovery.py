"""Discovery of actors the gazetteer does not know, from titles and cues around capitalised names.

A *run* is a stretch of capitalised words in one sentence ("Communications Minister Freddy
Ñáñez"), joined by name particles ("de", "la") and "of" (:mod:`kg.nlp.runs`). A run becomes an
actor only with a cue:

- a title or honorific at its start ("Defense Secretary X", "Mr. X") -> Person;
- a lower-case role noun right before it ("tech billionaire X") -> Person;
- a reporting verb right after or before it ("X said", "said X") -> Person (two words or more);
- a common given name as its first word ("Ana Torres was arrested") -> Person;
- its last word recurring alone in the article ("Ana Ruiz-Toledo ...", later "Ruiz-Toledo
  said") -> Person (:mod:`kg.nlp.recurrence`);
- an appositive after it (", a Venezuela-based gang" / ", a spokeswoman") -> that type;
- an organisation word ending or starting it ("Jalisco Cartel", "Ministry of Energy");
- a kind noun before it, "called" aside ("a splinter group called X"), or after it ("the X
  shipping association"); its initials in parentheses after it ("X (XYZ)");
- an alias after it ("X, known as Y") -> Person; see :mod:`kg.nlp.name_cues` for quoted
  aliases and nicknames and for state forces ("the Colombian army");
- a trained NER entity (``--model``) over it.

A generic body name ("the Defense Ministry", "the National Guard") belongs to the state named
closest before it in its sentence, or in its paragraph when that is the article's main state.

Never from headline-case sentences, and never a lone sentence-initial word without a cue. The
country a person or agency acts for comes from a demonym, a "Country's" possessive or an
"of Country" after the name.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from kg.nlp.candidates import DISCOVERED, GAZETTEER, MODEL, Candidate
from kg.nlp.descriptions import appositive_type, described_before, kind_noun_before, role_before, who_after
from kg.nlp.lexicons import Titles, addressee_verbs, clause_verbs, slugify
from kg.nlp.name_cues import (
    acronym_bodies,
    acronym_forces,
    alias_after,
    alias_people,
    article_state,
    context_state,
    force_candidate,
    force_kind,
    glued_place,
    kind_introducer,
    known_body,
    named_before_type,
    nickname_people,
    state_adjectives,
    state_forces,
    state_ministries,
)
from kg.nlp.name_rules import (
    RELATIVES,
    after_clause,
    cue_kinds,
    labelled_start,
    merge_runs,
    named_place,
    named_body_type,
    place_before_title,
    place_head_after,
    place_name,
    role_at,
    title_head_ahead,
    trailing_words,
)
from kg.nlp.quotes import token_lowers, token_words
from kg.nlp.recurrence import surname_recurs
from kg.nlp.runs import PARTICLES, date_word, in_work_title, name_runs
from kg.nlp.tables import is_headline, is_initial, sentence_start_flags

POSSESSIVES = frozenset({"'s", "’s"})
DEFINED = GAZETTEER + 1  # initials spelled out in parentheses by the article itself


@dataclass(frozen=True)
class Context:
    """What the discovery rules consult: lexicons and the gazetteer hits of this Doc."""

    titles: Titles
    demonyms: dict[str, str]
    org_cues: dict
    verbs: dict[str, str]
    given_names: dict[str, str | None]  # given name -> gender
    openers: frozenset[str]  # lower-cased words that open sentences ("later", "meanwhile")
    known: dict[int, Candidate]  # token index -> gazetteer candidate covering it
    labels: frozenset[tuple[str, ...]] = frozenset()  # transcript speaker labels, folded words


def _country_at(doc: Doc, i: int, ctx: Context) -> tuple[str | None, int]:
    """A country named at token i by a demonym or a gazetteer Country: (key, tokens used)."""
    text = token_words(doc)
    if text[i] in ctx.demonyms:
        return ctx.demonyms[text[i]], 1
    two = i + 1 < len(text) and text[i + 1][:1].isupper() and f"{text[i]} {text[i + 1]}"
    if two and two in ctx.demonyms:  # "Costa Rican"
        return ctx.demonyms[two], 2
    cand = ctx.known.get(i)
    if cand is not None and cand.type == "Country" and cand.start == i:
        return cand.key, cand.end - cand.start
    return None, 0


def _strip_title(doc: Doc, s: int, e: int, ctx: Context) -> tuple[int, str | None, str | None, bool]:
    """Skip a country, affiliation and title at the start of a run.

    Returns (first name token, country, title text, saw_head)."""
    text, lows = token_words(doc), token_lowers(doc)
    if s >= 2 and lows[s - 1] == "for" and lows[s - 2] in ctx.titles.heads:
        given = _given_after(doc, s - 1, e, ctx)  # "Undersecretary for Energy Marta Ruiz"
        if given is not None:
            return given, None, " ".join(lows[s - 2:given]), True
    country, used = _country_at(doc, s, ctx)
    i = s + used
    cand = ctx.known.get(i)
    affiliated = False
    if used == 0 and cand is not None and cand.start == i and cand.type != "Person":
        i = cand.end  # an affiliation such as "FIFA" or "White House" before a title
        country, affiliated = cand.government, cand.government is None
    t = ctx.titles
    if not affiliated and cand is None:  # "Uruapan Mayor X", "U.S. District Judge X":
        i = place_before_title(doc, i, e, ctx)  # a place before the title
    first, saw_head = i, False
    while i < e:
        low = lows[i]
        if low in t.heads or low in t.modifiers or low in t.office_modifiers or text[i] == "-":
            saw_head = saw_head or low in t.heads
            i += 1
        elif low == "to" and saw_head and _country_at(doc, i + 1, ctx)[1]:
            i += 1 + _country_at(doc, i + 1, ctx)[1]  # the posting, not the government
        elif low == "for" and saw_head and _given_after(doc, i + 1, e, ctx) is not None:
            i = _given_after(doc, i + 1, e, ctx)  # "Undersecretary for Intelligence Ana Ruiz"
            break
        elif saw_head and (ahead := title_head_ahead(doc, i, e, ctx)) is not None:
            i = ahead  # "Chief Patrol Agent X": a capitalised word inside a title
        elif low == "of" and saw_head and i + 1 < e and lows[i + 1] in t.complements:
            i += 2
            while i < e and lows[i] in t.complements:
                i += 1
        else:
            break
    if not saw_head:
        return s + used if country else s, country, None, False
    # a role held in an organisation ("FIFA President") is not a state role for coreference
    title = None if affiliated else " ".join(lows[k] for k in range(first, i) if text[k] != "-")
    return i, country, title, True


def _given_after(doc: Doc, i: int, e: int, ctx: Context) -> int | None:
    """The first given name after a title's "for" portfolio, with a surname after it."""
    text = token_words(doc)
    return next((j for j in range(i + 1, e - 1) if text[j] in ctx.given_names), None)


def _not_a_name_word(low: str, sent_start: bool, ctx: Context) -> bool:
    """A function word or a sentence opener ("Later", "Separately") capitalised by position
    (``low``: the word in lower case; ``sent_start``: it opens its sentence)."""
    if low in PARTICLES:
        return False
    opener = sent_start and (low in ctx.openers or (low.endswith("ly") and len(low) > 4)
                                    or low in ctx.org_cues["locatives"])  # "Outside Tula, ..."
    return low in STOP_WORDS or opener


def _honorific(doc: Doc, i: int, ctx: Context) -> tuple[bool, str | None]:
    low = token_lowers(doc)[i]
    if low in ctx.titles.honorifics:
        return True, ctx.titles.honorifics[low]
    return False, None


def _org_type(doc: Doc, s: int, e: int, ctx: Context) -> str | None:
    """Organisation type from a word ending or starting the name."""
    text, low = token_words(doc), token_lowers(doc)
    first = text[s]
    # "Police of Honduras", "Embassy in Bogotá": the body word before its complement or seat
    stop = next((i for i in range(s + 1, e) if low[i] in ("of", "for", "on", "in", "against")), e)
    last = text[stop - 1]
    trailing = trailing_words(ctx.org_cues)  # word -> type
    if last in trailing and stop - s > 1:
        return trailing[last]
    # "Gulf of Guinea Interregional Coordination Centre": the body word ends the whole run
    split_by_of = stop < e and low[stop] == "of"  # "Director of X" is a title, "Justice for X" a name
    if text[e - 1] in trailing and stop == s + 1 < e and low[stop + 1] != "the" \
            and not (split_by_of and first.lower() in ctx.titles.heads):
        return trailing[text[e - 1]]
    named = named_body_type(doc, s, e, ctx.org_cues)  # "Task Force X", "Cártel de X", "Los X"
    if named:
        return named
    leading = cue_kinds(ctx.org_cues, "leading")
    if first in leading and e - s > 2 and low[s + 1] in ("of", "for"):
        return leading[first]
    return None


def _verb_next_to(doc: Doc, s: int, e: int, sent: Span, ctx: Context) -> bool:
    text, low, lo, hi = token_words(doc), token_lowers(doc), sent.start, sent.end
    after = low[e] if e < hi else ""
    if after == "," and e + 1 < hi and s > lo and text[s - 1] == ",":
        after = low[e + 1]  # "..., Laura Jiménez, said": a name set off by commas
    elif after == "," and e + 1 < hi and low[e + 1] in RELATIVES:
        after = after_clause(doc, e, hi)  # "X, who met Y on Monday, said"
    before = low[s - 1] if s > lo else ""
    speaker_before = before in ctx.verbs and ctx.verbs[before] not in addressee_verbs() \
        and after not in clause_verbs()  # not "told X", nor "said X had": X is a clause's subject
    return after in ctx.verbs or speaker_before or (before == "to" and s - 2 >= lo
                                                         and low[s - 2] == "according")


def _name_end(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """End of the name part: stop at "of" (and return where a trailing "of Country" starts)."""
    low = token_lowers(doc)
    for i in range(s, e):
        if low[i] == "of":
            return i, i + 1
    return e, e


def possessive_country(doc: Doc, s: int, ctx: Context) -> str | None:
    """"Venezuela's Defense Ministry": the country before a possessive right before the run."""
    if s >= 2 and token_words(doc)[s - 1] in POSSESSIVES:
        cand = ctx.known.get(s - 2)
        if cand is not None and cand.type == "Country":
            return cand.key
    return None


def _org_country(doc: Doc, s: int, e: int, ctx: Context, kind: str) -> str | None:
    """"Colombian Navy", "Colombia's Defense Ministry", "Federal Police of Honduras"."""
    if kind != "GovernmentBody":
        return None  # only agencies and forces act for a state
    country, _ = _country_at(doc, s, ctx)
    country = country or possessive_country(doc, s, ctx)
    low = token_lowers(doc)
    for i in range(s + 1, e - 1):
        if country is None and low[i] == "of":  # "Armed Forces of the Philippines"
            country = _country_at(doc, i + 1 + (low[i + 1] == "the" and i + 2 < e), ctx)[0]
    return country


def _person_cue(doc: Doc, s: int, name_len: int, sent: Span, ctx: Context) -> bool:
    """A lower-case role noun before the name, or a reporting verb next to a full name."""
    text = token_words(doc)
    if s > sent.start and text[s - 1].islower() and token_lowers(doc)[s - 1] in ctx.titles.heads:
        return True
    if 2 <= name_len <= 5 and text[s] in ctx.given_names:  # "Ana Torres was arrested"
        return True
    end = s + name_len  # "a faction led by X Y, ...": a leader set off by punctuation is a person
    if 2 <= name_len <= 4 and end < sent.end and text[end] in (",", ".", ";", ")") \
            and not set(token_lowers(doc)[s:end]) & set(ctx.org_cues["state_nouns"]) \
            and _after_phrase(doc, s, sent.start, ctx.org_cues.get("person_after", ())):
        return True
    if 2 <= name_len <= 4 and alias_after(doc, s + name_len, sent.end, strong=name_len == 2):
        return True  # "X Y Z, known as W", "X Y, alias W"
    if 2 <= name_len <= 6 and surname_recurs(doc, s, s + name_len, ctx.org_cues["locatives"],
                                             ctx.org_cues["place_prefixes"]):
        return True  # "Ana Ruiz-Toledo has spent ...", later "Ruiz-Toledo said": a profile's subject
    return name_len >= 2 and _verb_next_to(doc, s, s + name_len, sent, ctx)


def _after_phrase(doc: Doc, s: int, lo: int, phrases) -> bool:
    """One of ``phrases`` (lists of lower-case words) ends right before token s."""
    low = token_lowers(doc)
    return any(s - len(p) >= lo and low[s - len(p):s] == list(p) for p in phrases)


def _valid_name(doc: Doc, s: int, e: int, ctx: Context) -> bool:
    if s >= e:
        return False
    text, low = token_words(doc), token_lowers(doc)
    first = low[s]
    # "Al-Fateh Qurashi": a capitalised particle glued to a given name opens a name of two words
    glued_given = text[s][:1].isupper() and e - s >= 4 and text[s + 1] == "-"
    if first in STOP_WORDS or first in ctx.titles.not_names or (first in PARTICLES and not glued_given):
        return False
    if text[s] in ctx.titles.party_tags and s + 1 < e and text[s + 1] == "-":
        return False  # "D-N.M.", "R-Texas": a lawmaker's party and state
    # four name words at most, particles and initials aside ("Rebeca Salinas de la Garza", "S. M.
    # K. Wickramaratne-Perera"); five after a known given name ("Ahmed Yasin Sheikh Ali Ayanle")
    most = 5 if text[s] in ctx.given_names else 4
    if e - s > 9 or sum(low[i] not in PARTICLES and text[i] != "-" and not is_initial(text[i])
                        for i in range(s, e)) > most:
        return False
    if any(low[i] in ctx.titles.heads for i in range(s, e)):
        return False
    return not any(ctx.demonyms.get(text[i]) for i in range(s, e))


def _known_name(doc: Doc, s: int, e: int, ctx: Context, title: str | None) -> bool:
    """The name part is a gazetteer actor: record the title as its role and report it."""
    cand = ctx.known.get(s)
    if cand is None:
        # a known surname inside a longer unknown name ("Laura Harris") is not that person,
        # nor a known group glued to a particle ("al-Houthi")
        text = token_words(doc)
        inner = {id(c): c for i in range(s, e) if (c := ctx.known.get(i)) is not None
                 and not (c.start >= s + 2 and text[c.start - 1] == "-")}.values()
        return any(not (c.type == "Person" and c.end - c.start == 1) for c in inner)
    if cand.type == "Person" and title and not cand.role:
        cand.role = title
    return True


def _body_candidate(doc: Doc, s: int, e: int, ctx: Context, org: str | None, forced: str | None,
                    kind_before: str | None) -> Candidate | None:
    """The body a run typed ``org`` (or ``forced``) names, with the state it acts for."""
    text, low = token_words(doc), token_lowers(doc)
    _, lead = _country_at(doc, s, ctx)  # "U.S. Department of the Treasury" is the known body
    known = ctx.known.get(s + lead) if s + lead < e else None
    if (known is not None and known.start == s + lead and known.end >= e) or low[s] in STOP_WORDS:
        return None
    owner = ctx.known.get(s - 2) if s >= 2 and text[s - 1] in POSSESSIVES else None
    if owner is not None and owner.type in ("CriminalOrganization", "Organization") and forced is None \
            and org != "MediaOrganization":  # "Islamic State's Amaq news agency" is an outlet
        org = owner.type  # "Hezbollah's Radwan Force": a unit of a group is of its kind
    gov = _org_country(doc, s, e, ctx, org or forced)
    generic = all(low[i] in ctx.titles.modifiers or low[i] in ctx.titles.heads or text[i] in POSSESSIVES
                  for i in range(s, e - 1))  # "Foreign Ministry", "Attorney General's Office"
    # one word named by a kind noun or an acronym is a name: "shipping giant Maersk", ", SEBIN,"
    generic = generic and not (e - s == 1 and (kind_before or text[s].isupper()))
    if generic and gov is None and forced is None:
        return _generic_body(doc, s, e, ctx, org)
    return Candidate(s, e, org or forced, MODEL if forced else DISCOVERED, government=gov)


def _generic_body(doc: Doc, s: int, e: int, ctx: Context, kind: str) -> Candidate | None:
    """"the Defense Ministry said" after "Colombia's": a generic name is its context state's
    body (that state's force, or the gazetteer's body of that name); an office in a paragraph
    that names no state is the article's main state's; None with no such state."""
    force = force_kind(doc, s, e)  # a force of the paragraph's state; an office of the article's
    gov = context_state(doc, s, ctx) if force else article_state(doc, s, ctx)
    if gov is None:
        return None  # "Foreign Ministry" of no named state: which one is unknown
    if force:  # "National Guard": that state's own force
        return force_candidate(gov, force, s, e, tuple(token_lowers(doc)[s:e]))
    key = known_body(gov, doc[s:e].text.replace("’", "'"))  # the gazetteer's own
    return Candidate(s, e, kind, DISCOVERED, key=key, government=gov)


def classify_run(doc: Doc, s: int, e: int, sent: Span, ctx: Context, forced: str | None = None):
    """The actor candidate a run of capitalised words stands for, or None."""
    text, low, starts = token_words(doc), token_lowers(doc), sentence_start_flags(doc)
    while s < e - 1 and _not_a_name_word(low[s], starts[s], ctx):
        s += 1  # a sentence-initial "But", "The" or "Later" is not part of a name
    if e - s == 1 and (_not_a_name_word(low[s], starts[s], ctx) or date_word(low[s])):
        # "on Sunday, the Health Ministry said": a weekday or month is no actor, whatever follows
        return None  # "Separately, a regional commander ...": an opener, even with an appositive
    if s + 2 < e and low[s] in ctx.titles.time_words and low[s + 1] == "of":
        s += 2  # "(the capture in) April of Rigoberto Salas": the name starts after "of"
    # "Joint Task Force-Southern Border" ends with a place word but is a unit
    unit = text[s] not in ctx.org_cues["spanish_articles"] and named_body_type(doc, s, e, ctx.org_cues)
    place_word = text[e - 1] in ctx.org_cues["places"] and not unit
    if place_word or glued_place(doc, e) or named_place(doc, s, e, ctx.org_cues):
        e = _before_of(low, s, e) if place_word else None  # "Cmdr. X of the Naval Zone": X may act
        if e is None:
            return None  # "John F. Kennedy Airport", "Culiacán Prison", "Athens-based": places
    if s > sent.start and text[s - 1] in ctx.org_cues["named_things"]:
        return None  # "the tanker Marisol Star", "Hurricane season": a named thing, no actor
    if place_head_after(low, e, sent.end, ctx.org_cues):
        return None  # "at Ben Gurion airport", "on the Euphrates river": a place named for someone
    org = _org_type(doc, s, e, ctx) if forced in (None, "Organization") else None
    role = role_at(doc, s, sent.start, ctx.titles.heads)  # "an analyst at X": X is a body
    appositive = appositive_type(doc, e, sent.end, ctx) or described_before(doc, s, sent, ctx) or role \
        or who_after(doc, s, e, sent, ctx)
    located = s > sent.start and low[s - 1] in ctx.org_cues["locatives"] and not role  # "in Khan Younis, the agency"
    if appositive not in (None, "Person") and forced is None and not located:
        org = appositive
    if located and appositive == "Person" and not role:
        appositive = None  # "near Villanueva, a farmer said": the farmer is the next clause's subject
    # "security firm Ambrey", "a splinter group called X", "the X shipping association"
    kind_before = kind_noun_before(doc, s - kind_introducer(doc, s, sent.start), sent, ctx) \
        if forced is None and not org else None
    kind_before = kind_before or (named_before_type(doc, s, e, sent.end) if forced is None and not org else None)
    org = org or kind_before
    if org or forced == "Organization":  # a description's kind names a one-word body too
        named = kind_before or (appositive if appositive == org and _set_off(doc, s, e, sent, ctx) else None)
        owner = s >= 2 and text[s - 1] in POSSESSIVES and text[s - 2][:1].isupper() and s - 2 not in ctx.known
        if named and owner:
            s -= 2  # "Lloyd's List, the shipping newspaper": an unknown owner's possessive is in the name
        return _body_candidate(doc, s, e, ctx, org, forced, named)
    honorific, gender = _honorific(doc, s, ctx)
    honorific = honorific and not located  # "in Sheikh Jarrah": a place named after a person
    if honorific:
        start, country, title, saw_head = s + 1, None, None, False
    else:
        start, country, title, saw_head = _strip_title(doc, s, e, ctx)
    stop, after_of = _name_end(doc, start, e)
    if not _valid_name(doc, start, stop, ctx) or _known_name(doc, start, stop, ctx, title):
        return None
    country = country or possessive_country(doc, s, ctx)
    if after_of < e:
        country = country or _country_at(doc, after_of, ctx)[0]
    cue = honorific or saw_head or appositive == "Person" or _person_cue(doc, start, stop - start, sent, ctx) \
        or _after_phrase(doc, start, sent.start, ctx.org_cues["name_only_introducers"])  # "gave her name only as X"
    labelled = labelled_start(doc, start, stop, ctx.labels) if ctx.labels and not cue else None
    if labelled is not None:  # a transcript speaker ("OYELARAN:") named after any title
        start, cue = labelled, True
    if not (cue or forced == "Person"):
        return None
    title = title or (role_before(doc, s, sent, ctx) if appositive == "Person" else None)  # "The prosecutor ..., X,"
    if not (honorific or saw_head or title) and stop - start > 1 and place_name(low, start, stop):
        return None  # "Pedro Juan Caballero", "Rio de Janeiro": a city named like a man
    if text[start] in ctx.org_cues["named_missions"] and stop - start > 1:
        return Candidate(start, stop, "Organization", DISCOVERED)  # "Operation Aspides says": a mission speaks
    priority = DISCOVERED if cue else MODEL
    gender = gender or ctx.given_names.get(text[start])  # "Ana Torres" is a she
    return Candidate(start, stop, "Person", priority, government=country, role=title, gender=gender)


def _before_of(low: list[str], s: int, e: int) -> int | None:
    """Where the part of a run before its first "of" ends, None when the run has no "of"."""
    return next((i for i in range(s + 1, e) if low[i] == "of"), None)


def _set_off(doc: Doc, s: int, e: int, sent: Span, ctx: Context) -> bool:
    """", a German arms maker," after a name, not "Monday, the group said": the description is
    an aside (no reporting verb before its closing punctuation), the name no date word."""
    low = token_lowers(doc)
    if e - s == 1 and (low[s] in ctx.titles.not_names or date_word(low[s])):
        return False
    for k in range(e + 1, sent.end):
        if not low[k][:1].isalnum():
            return True
        if low[k] in ctx.verbs:
            return False
    return True


def discover(doc: Doc, ctx: Context) -> list[Candidate]:
    """Candidates from capitalised runs with cues, outside headline-case sentences."""
    out = state_adjectives(doc, ctx, _country_at) + state_forces(doc, ctx, _country_at) \
        + state_ministries(doc, ctx, _country_at) + acronym_forces(doc, ctx)
    for sent in doc.sents:
        if is_headline(sent):
            continue
        out += alias_people(doc, sent, ctx.known) + nickname_people(doc, sent, ctx.known)
        out += _acronym_candidates(doc, sent, ctx)
        for s, e in merge_runs(doc, name_runs(sent), ctx):
            if in_work_title(doc, s):
                continue  # 'a study titled "Mercenaries and Militias in Mali"': a title, no actor
            cand = classify_run(doc, s, e, sent, ctx)
            if cand is not None:
                out.append(cand)
            of = _of_after(doc, cand, s, e)
            if of is not None:  # "X of Homeland Security Investigations", "Deputies of the X Office"
                body = _body_after(doc, of + 1, e, sent, ctx)
                out += [body] if body is not None else []
    return out


def _acronym_candidates(doc: Doc, sent: Span, ctx: Context) -> list[Candidate]:
    """A body named with its initials in parentheses, typed by the body rules, and the
    initials wherever they recur, under one key."""
    out = []
    for s, e, initials in acronym_bodies(doc, sent, ctx.known):
        cand = classify_run(doc, s, e, sent, ctx, "Organization")
        if cand is None or cand.type == "Person" or (cand.start, cand.end) != (s, e):
            continue
        # initials the article spells out outrank the gazetteer's reading of them ("AFP")
        redefined = any(j in ctx.known for j in initials)
        cand.key, cand.priority = slugify(doc[s:e].text), DEFINED if redefined else DISCOVERED
        out += [cand] + [Candidate(j, j + 1, cand.type, cand.priority, key=cand.key, government=cand.government)
                         for j in initials]
    return out


def _of_after(doc: Doc, cand: Candidate | None, s: int, e: int) -> int | None:
    """Where "of" splits a run that gave a person or nothing: the body may come after it."""
    if cand is not None and cand.type != "Person":
        return None
    lo = cand.end if cand is not None else s
    low = token_lowers(doc)
    return next((i for i in range(lo, e - 1) if low[i] == "of"), None)


def _body_after(doc: Doc, s: int, e: int, sent: Span, ctx: Context) -> Candidate | None:
    """The body a person is "of" ("Ana Ruiz of the Peace Foundation"), when it names one."""
    s += token_lowers(doc)[s] == "the"
    cand = classify_run(doc, s, e, sent, ctx) if s < e else None
    return cand if cand is not None and cand.type != "Person" else None
