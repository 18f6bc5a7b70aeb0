"""Arguments of an operation besides its agent: target, location, casualties and count.

Cue words live in ``kg/lexicons/operations.yaml``; noun phrases are read with
:func:`kg.extract._context.read_np` and normalised with :func:`phrase_text`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from kg.extract._context import Ref, country_actor, phrase_text, read_np, words
from kg.extract._setting import home_country
from kg.extract._lexicon import load_lexicon, token_norms, word_set
from kg.extract._memo import sentence_memo
from kg.nlp.quotes import doc_text, token_words
from kg.records import Actor

OPS = "operations.yaml"


def _ops(key: str) -> frozenset[str]:
    return word_set(OPS, key)


def _refs_in(refs: list[Ref], start: int, end: int) -> list[Ref]:
    return [r for r in refs if start <= r.start and r.end <= end]


def _np_value(doc: Doc, refs: list[Ref], start: int, limit: int) -> tuple[Actor | None, str | None, int]:
    """(actor named in the phrase, phrase text, phrase end) of the noun phrase at ``start``."""
    s, e = read_np(doc, start, limit, max_len=8)
    if e <= s:
        return None, None, s
    for ref in refs:  # a name cut by the phrase limit is read whole ("the Clan del Golfo")
        if s <= ref.start < e < ref.end:
            e = ref.end
    # "members of the Sinaloa Cartel": the last actor; "El Chapo's son": not the possessor
    inner = [r for r in _refs_in(refs, s, e) if not (r.end < e and token_norms(doc)[r.end] == "'s")]
    actor = inner[-1].actor if inner else None
    text = phrase_text(doc, s, e)
    if text.startswith(("'s ", "s ", "of ")):
        text = text.split(" ", 1)[1]  # ("arrested some of its own fighters": a quantifier dropped)
    if text in _ops("pointer_targets"):
        return None, None, e  # "strike them": named elsewhere
    return actor, text or None, e


def clause_end(sent: Span, end: int, span: int = 14, stop: int | None = None) -> int:
    """Where the arguments of a trigger stop: a clause boundary, the next trigger (``stop``)
    or ``span`` tokens on."""
    stops = _clause_stops()
    norms, texts = token_norms(sent.doc), token_words(sent.doc)  # per-Doc tables, no Token objects
    last = min(sent.end, end + span, stop if stop is not None else sent.end)
    for k in range(end, last):
        if norms[k] in stops or texts[k] in _END_MARKS:
            return k
        if texts[k] == "," and k + 1 < sent.end and norms[k + 1].endswith("ing"):
            return k  # ", sparking ...": a participle clause about something else
    return last


_CLAUSE_STOPS = frozenset({"that", "which", "who", "while", "killing"})


@lru_cache(maxsize=1)
def _clause_stops() -> frozenset[str]:
    """The words that end a trigger's arguments: clause boundaries and ``_CLAUSE_STOPS``."""
    return words("opaque_boundaries") | _CLAUSE_STOPS
_END_MARKS = frozenset({";", ".", "?", "!"})


def target_of(doc: Doc, refs: list[Ref], sent: Span, start: int, end: int, op_type: str,
              verbal: bool, stop: int | None = None) -> tuple[Actor | None, str | None]:
    """The target: a phrase after "on/against", "of" (patients), a purpose verb or the object."""
    texts, norms = token_words(doc), token_norms(doc)
    limit = clause_end(sent, end, stop=stop)
    extended = _extension(doc, refs, sent, start, end, limit)
    if extended is not None:
        return extended
    while end < limit and norms[end] in _ops("passive_words"):
        end += 1  # "attacks were carried out on boats": the target follows the passive verb
    first = norms[end] if end < limit else ""
    if first == "on" and end + 1 < limit and _day_word(texts[end + 1]):
        first = ""  # "an airstrike on Sunday against X": a day, the target comes later
    if first == "at" and end + 1 < limit and norms[end + 1] in {"least", "most"}:
        return None, None  # "the attack was at least the 12th strike": a count, no target
    patient = op_type in _ops("patient_types")
    if first == "on" and _territory_follows(doc, end, limit):
        return None, None  # "on Mexican soil" is a place
    of_target = patient or op_type in _ops("of_target_types")  # "deployment of 25,000 troops"
    if first in _ops("target_preps") or (of_target and first == "of"):
        j = end + 1
        while j < limit - 1 and norms[j] in _ops("object_lead_words") | {"to"}:
            j += 1  # "a force of up to 5,000 personnel": the amount's words are not the target
        actor, text, _ = _np_value(doc, refs, j, limit)
        if text in _ops("territory_nouns"):
            return None, None  # "strikes on land": where, not what
        if text and set(text.split()) & _ops("occasion_nouns"):
            return None, None  # "asked about the strike at her news conference": when it was told
        return actor, text
    if (verbal and op_type in _ops("object_target_types") and end < limit and not doc[end].is_punct
            and first not in words("prepositions")):
        actor, text, _ = _np_value(doc, refs, end, limit)  # direct object ("arrested members of X")
        if text:
            return actor, text
    for k in range(end, limit - 1):
        if norms[k] in {"to", "against"} and norms[k + 1] in _ops("purpose_verbs"):
            j = k + 2 + (norms[k + 2] == "out" if k + 2 < limit else 0)
            actor, text, _ = _np_value(doc, refs, j, limit)
            return actor, text
        if norms[k] in {"against", "targeting"}:
            actor, text, _ = _np_value(doc, refs, k + 1, limit)
            return actor, text
        if not verbal and norms[k] in _ops("hit_verbs") and k + 1 < limit:
            actor, text, _ = _np_value(doc, refs, k + 1, limit)  # "a strike in October targeted a vehicle"
            return actor, text
    return None, None


def _day_word(text: str) -> bool:
    """Whether a word names a weekday or a month ("Sunday", "Nov."): a date, not a target."""
    dates = load_lexicon("dates.yaml")
    return text.rstrip(".") in dates["weekdays"] or text.rstrip(".") in dates["months"]


def _extension(doc: Doc, refs: list[Ref], sent: Span, start: int, end: int,
               limit: int) -> tuple[Actor | None, str | None] | None:
    """"extend the strikes to targets on land": the new target after "to (include)"."""
    norms = token_norms(doc)
    verb = any(norms[k] in _ops("extension_verbs") for k in range(max(sent.start, start - 3), start))
    if not verb or end >= limit or norms[end] != "to":
        return None
    j = end + 2 if end + 1 < limit and norms[end + 1] == "include" else end + 1
    actor, text, _ = _np_value(doc, refs, j, limit)
    return (actor, text) if text else None


def _place_in(doc: Doc, refs: list[Ref], s: int, limit: int,
              proper_ok: bool = True, at_once: bool = False) -> tuple[Actor | None, str | None]:
    """A place at token ``s``: a country mention, a demonym + territory noun, or (``proper_ok``)
    a proper name that is no known actor; ``at_once``: the country must open the phrase."""
    texts, norms = token_words(doc), token_norms(doc)
    dets, prefixes = words("determiners"), _ops("place_prefixes")
    while s < limit and (norms[s] in dets or (doc[s].is_lower and norms[s] in prefixes)):
        s += 1  # "the eastern Pacific" is named by "Pacific" (but "the West Bank" by both words)
    if s >= limit:
        return None, None
    actor, text, e = _np_value(doc, refs, s, limit)
    opens = any(r.start == s for r in refs)
    if actor is not None and actor.type == "Country" and not opens and (named := _inside_name(doc, refs, s, e)):
        return None, phrase_text(doc, s, named)  # "in Lake Chad": another place named after the country
    if actor is not None and actor.type == "Country" and (opens or not at_once):
        return actor, actor.label.lower()
    if actor is not None and actor.known:
        return None, None  # "in Congress", "with the Pentagon": a known actor, not a place
    actor = None  # a name found in the text only ("the West Bank") is kept as text
    country = load_lexicon("demonyms.yaml").get(texts[s])
    if country and s + 1 < limit and norms[s + 1] in _ops("territory_nouns"):
        found = country_actor(doc, country)
        return found, (found.label.lower() if found else country.replace("-", " "))
    proper = doc[s].is_title and norms[s] not in _ops("not_places") and not _headline(doc, s)
    if proper_ok and text and proper:
        k = s  # the capitalised run only: "the West Bank overnight" -> "west bank"
        while k < e and (doc[k].is_title or doc[k].is_upper or norms[k] in {"of", "the", "-"}):
            k += 1
        while k > s and norms[k - 1] in {"of", "the", "-"}:
            k -= 1
        return _region_or_country(doc, refs, phrase_text(doc, s, k), k, limit)
    return None, None


def _inside_name(doc: Doc, refs: list[Ref], s: int, e: int) -> int:
    """The end of a longer capitalised name opening at ``s`` that the last country named in
    [s, e) ends ("Lake Chad", "Gulf of Mexico"; not "northern Mexico"), else 0."""
    ref = next((r for r in reversed(_refs_in(refs, s, e)) if r.actor.type == "Country"), None)
    if ref is None or ref.start <= s or not doc[s].is_title:
        return 0
    named = all(doc[j].is_title or token_norms(doc)[j] in {"of", "the"} for j in range(s, ref.start))
    return ref.end if named else 0


def _region_or_country(doc: Doc, refs: list[Ref], name: str, after: int,
                       limit: int) -> tuple[Actor | None, str | None]:
    """A named region ("the Caribbean") as text; a city or state ("Culiacán") only through
    the country written right after it ("in Culiacán, Mexico"), else no place."""
    texts, norms = token_words(doc), token_norms(doc)
    bare = " ".join(w for w in name.split() if w not in _ops("place_prefixes")) or name
    # "the Eastern Pacific": a region however its side is written
    if _names_region(name) or _names_region(bare):
        if after < limit and norms[after] in _ops("region_modified_nouns"):
            return None, None  # "the Pacific port of Buenaventura": a city, named elsewhere
        inside = load_lexicon(OPS)["region_countries"].get(name)  # "in Darfur": in Sudan
        country = country_actor(doc, inside) if inside else None
        return (country, country.label.lower()) if country else (None, name)
    j = after + 1 if after < limit and texts[after] == "," else after
    country = next((r.actor for r in refs if r.start == j and r.actor.type == "Country"), None)
    if name.split()[-1] in _ops("feature_nouns") and len(name.split()) > 1:
        # "the Litani River": a named feature, in the country written after it or the dateline's
        country = country or home_country(doc)
        return (country, name) if country else (None, None)
    return (country, country.label.lower()) if country else (None, None)


def _names_region(name: str) -> bool:
    """Whether a name is a region of the lexicon or starts with one and a space (a set lookup
    of each such prefix, not a scan of the regions)."""
    regions = _ops("regions")
    return name in regions or any(name[:p] in regions for p, c in enumerate(name) if c == " ")


def _headline(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is in a title-cased line, where capitals do not mark names."""
    text, at = doc_text(doc), doc[i].idx
    line = text[text.rfind("\n", 0, at) + 1 : (text.find("\n", at) + 1 or len(text) + 1) - 1]
    long_words = [w for w in re.findall(r"[^\W\d_]+", line) if len(w) > 3]
    return len(long_words) >= 3 and all(w[0].isupper() for w in long_words)


def location_of(doc: Doc, refs: list[Ref], sent: Span, start: int, end: int,
                op_type: str, stop: int | None = None) -> tuple[Actor | None, str | None]:
    """The first place after a location preposition within the trigger's clause."""
    norms = token_norms(doc)
    limit = clause_end(sent, end, stop=stop)
    preps = _ops("location_preps") | {"on", "over"}
    if op_type in _ops("destination_types"):
        preps |= _ops("destination_preps")
    if op_type in _ops("of_place_types"):
        preps |= {"of"}
    first = end - 1 if norms[end - 1] in preps else end  # "moved ships into": the trigger's own
    prefixes = _ops("place_prefixes")
    for k in range(first, limit):
        low = norms[k]
        if low in prefixes and k + 1 < limit and norms[k + 1] == "of":
            low, k = "near", k + 1  # "south of the Litani River": a place beside another
        elif low not in preps:
            continue
        if (found := _subdivision(doc, refs, k + 1, limit)) is not None:
            return found
        if k + 2 < limit and norms[k + 1] in {"the", "this", "that"} and norms[k + 2] in _ops("pointer_places"):
            return _antecedent_place(doc, refs, sent.start)  # "stay in the region": named before
        if low == "on" and op_type != "deployment" and not _territory_follows(doc, k, limit):
            continue  # "strikes on X" names a target; "on Mexican soil" a place
        if low == "to" and k > 0 and norms[k - 1] in _ops("not_destination_after"):
            continue  # "in response to the U.S. buildup" names no destination
        # "over"/"to"/"of" give a place only when a country follows at once ("flights over
        # Mexico", "troops to the US border", "the invasion of Ukraine"; not "over fears")
        actor, text = _place_in(doc, refs, k + 1, limit, proper_ok=low not in {"over", "of"},
                                at_once=low in {"over", "to", "of"})
        if actor is None and text:  # "anywhere in South America, including inside Peru"
            return _narrowed(doc, refs, sent, k + 1) or (None, text)
        if actor is not None or text:
            return actor, text
    return _where_place(doc, refs, sent, start)


def _where_place(doc: Doc, refs: list[Ref], sent: Span, start: int) -> tuple[Actor | None, str | None]:
    """"the Caribbean, where U.S. forces have been striking boats": a trigger in a relative
    clause opened by "where" happens at the place the clause hangs on."""
    norms = token_norms(doc)
    k = next((k for k in range(start - 1, sent.start + 1, -1) if norms[k] == "where"), None)
    if k is None or norms[k - 1] != "," or any(norms[j] in {",", ";"} for j in range(k + 1, start)):
        return None, None
    s = k - 1
    while s > sent.start and (doc[s - 1].is_title or norms[s - 1] in {"the", "of", "-"}):
        s -= 1  # back over the place's name ("the Gulf of Mexico")
    while s < k - 1 and norms[s] in {"of", "-"}:
        s += 1
    return _place_in(doc, refs, s, k - 1) if s < k - 1 else (None, None)


def _narrowed(doc: Doc, refs: list[Ref], sent: Span, k: int) -> tuple[Actor, str] | None:
    """A country singled out within a region just named ("..., including inside Peru")."""
    norms = token_norms(doc)
    lead = _ops("narrowing_words")
    for j in range(k, min(sent.end - 1, k + 8)):
        if norms[j] in lead:
            m = j + 1 + (norms[j + 1] in _ops("location_preps"))
            country = next((r.actor for r in refs if r.start == m and r.actor.type == "Country"), None)
            return (country, country.label.lower()) if country else None
    return None


def _antecedent_place(doc: Doc, refs: list[Ref], before: int) -> tuple[Actor | None, str | None]:
    """The last place named after a location preposition in the text just before ``before``
    ("the fleet is in the Baltic ... it will stay in the region")."""
    norms = token_norms(doc)
    preps = _ops("location_preps") | {"to"}
    for k in range(before - 1, max(0, before - int(load_lexicon(OPS)["antecedent_reach"])), -1):
        if norms[k] in preps:
            actor, text = _place_in(doc, refs, k + 1, min(len(doc), k + 8), at_once=norms[k] == "to")
            if actor is not None or text:
                return actor, text
    return None, None


def _subdivision(doc: Doc, refs: list[Ref], k: int, limit: int) -> tuple[Actor | None, str] | None:
    """"(the coast of) the Mexican state of Oaxaca": the subdivision's name, the most precise
    place the text gives (readers name the state or city, not the country it is in)."""
    texts, norms = token_words(doc), token_norms(doc)
    demonyms = load_lexicon("demonyms.yaml")
    for j in range(k, min(limit - 3, k + 5)):
        if (texts[j] in demonyms and norms[j + 1] in _ops("subdivision_nouns")
                and norms[j + 2] == "of" and doc[j + 3].is_title):
            e = j + 3
            while e < limit and doc[e].is_title:
                e += 1
            return None, phrase_text(doc, j + 3, e)
    return None


def _territory_follows(doc: Doc, k: int, limit: int) -> bool:
    """Whether "<demonym> <territory noun>" follows token ``k`` ("on Mexican soil")."""
    texts, norms = token_words(doc), token_norms(doc)
    demonyms = load_lexicon("demonyms.yaml")
    return any(texts[j] in demonyms and norms[j + 1] in _ops("territory_nouns")
               for j in range(k + 1, min(limit - 1, k + 3)))


def _amount(word: str) -> tuple[int | None, str | None]:
    lex = load_lexicon(OPS)
    word = word.lower().replace(",", "")
    if word.isdigit():
        return int(word), None
    if word in lex["number_words"]:
        return int(lex["number_words"][word]), None
    if word in lex["vague_amounts"]:
        return None, word
    return None, None


def casualties_of(sent: Span, op_type: str) -> tuple[int | None, str | None]:
    """Casualties stated after the trigger ("killing 83 people" -> 83, "dozens" -> text)."""
    if op_type not in _ops("casualty_types"):
        return None, None
    return sentence_memo(sent.doc, "casualties", sent, _sentence_casualties)


def _sentence_casualties(doc: Doc, sent: Span) -> tuple[int | None, str | None]:
    """The first casualty figure the lexicon's patterns read in a sentence (once per sentence)."""
    text = doc_text(doc)[sent.start_char : sent.end_char]  # "killed six people in a strike"
    for pattern in load_lexicon(OPS)["casualties"]:
        m = re.search(pattern, text, flags=re.IGNORECASE)
        if m:
            number, vague = _amount(m.group("n"))
            if number is not None or vague is not None:
                return number, vague
    return None, None


@lru_cache(maxsize=1)
def _count_skips() -> frozenset[str]:
    """The modifiers between a count and its trigger: the noun phrase modifiers but the
    abbreviated months ("Jan. 3 operation" is a date)."""
    return words("np_modifiers") - {"jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.",
                                    "sept.", "oct.", "nov.", "dec."}


def count_of(doc: Doc, refs: list[Ref], sent: Span, start: int) -> int | None:
    """A count of operations before the trigger ("at least 21 U.S. missile strikes" -> 21)."""
    texts, norms = token_words(doc), token_norms(doc)
    skip = _count_skips()
    j = start - 1
    while j >= sent.start and (norms[j] in skip or any(r.start <= j < r.end for r in refs)):
        j -= 1
    if j < sent.start or not doc[j].like_num:
        return None
    if j > sent.start and (doc[j - 1].is_title or norms[j - 1] in {"$", "%"}):
        return None  # "Jan. 3 operation", "$5 strikes": a date or money, not a count
    number, _ = _amount(texts[j])
    if number and len(texts[j]) == 4 and 1900 <= number <= 2100:
        return None  # "the 2019 bombing": a year, not a count
    return number if number and number > 0 else None
