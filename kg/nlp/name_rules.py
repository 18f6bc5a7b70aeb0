"""Name rules for bodies and people that plain capitalised runs miss (used by discovery).

- Runs split by "and", a possessive or an ordinal are one body name when the split sits inside
  it: "Peace and Reconciliation Foundation", "Val Verde County Sheriff's Office", "33rd Front".
- Body names opened by a word that names the kind of body, with no "of": "Task Force Pacífico",
  "Cártel de Santa Rosa", "La Banda de Puerto Bolívar"; gang names "Los Tiguerones".
- Transcript speaker labels ("OYELARAN:") are names: a run ending with a label's words is that
  person, whatever title precedes it ("Special Agent in Charge Marcus Oyelaran").
- A known person's name followed by one more name word, under another state's demonym, is
  someone else ("Colombian Defense Minister Pedro Sánchez Suárez" is not Spain's Pedro Sánchez).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from kg.nlp.candidates import fold_accents
from kg.nlp.lexicons import hand_places, world_places
from kg.nlp.quotes import token_lowers, token_words
from kg.nlp.tables import span_text

ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")
POSSESSIVES = frozenset({"'s", "’s"})
MAX_AND_PREFIX = 3  # words before "and" in a body name ("Financial and ...", "Baltic and ...")


_KINDS: dict[tuple[int, str], dict[str, str]] = {}  # built once per lexicon object


def cue_kinds(org_cues: dict, part: str) -> dict[str, str]:
    """Every word of one part of the org cues ("trailing", "leading") -> the first type listing it."""
    key = (id(org_cues), part)
    if key not in _KINDS:
        kinds: dict[str, str] = {}
        for kind, words in org_cues[part].items():
            for word in words:
                kinds.setdefault(word, kind)
        _KINDS[key] = kinds
    return _KINDS[key]


_APPOSITIVES: dict[int, tuple[dict[tuple[str, ...], str], int]] = {}


def appositive_index(org_cues: dict) -> tuple[dict[tuple[str, ...], str], int]:
    """Appositive cues as word tuples -> type (the first type listing a cue wins), and the
    longest cue's length."""
    if id(org_cues) not in _APPOSITIVES:
        index: dict[tuple[str, ...], str] = {}
        for kind, cues in org_cues["appositive"].items():
            for cue in cues:
                index.setdefault(tuple(cue.split()), kind)
        _APPOSITIVES[id(org_cues)] = (index, max(len(k) for k in index))
    return _APPOSITIVES[id(org_cues)]


def trailing_words(org_cues: dict) -> dict[str, str]:
    """Every word that ends a body name -> its type."""
    return cue_kinds(org_cues, "trailing")


def _cue_at_end(doc: Doc, s: int, e: int, cues: frozenset[str]) -> bool:
    """The body word ends the run or its part before "of"/"for" ("Police of Honduras")."""
    text, low = token_words(doc), token_lowers(doc)
    stop = next((i for i in range(s + 1, e) if low[i] in ("of", "for", "against")), e)
    return text[e - 1] in cues or text[stop - 1] in cues


def _and_joins(doc: Doc, prev: tuple[int, int], run: tuple[int, int], ctx) -> bool:
    """"Peace and Reconciliation Foundation", "Ideas for Peace Foundation": a short run with no
    body word of its own, "and"/"for", then a run ending with a body word; never across a known
    actor ("Mexico and ...")."""
    (ps, pe), (s, e) = prev, run
    text, low = token_words(doc), token_lowers(doc)
    # "Ana Ruiz of the Ideas for Peace Foundation": the body starts after "of (the)"
    of = next((k for k in range(pe - 2, ps - 1, -1) if low[k] == "of"), None)
    ps = ps if of is None else of + 1 + (low[of + 1] == "the")
    if pe + 1 != s or low[pe] not in ("and", "for") or pe - ps > MAX_AND_PREFIX:
        return False
    cues = trailing_words(ctx.org_cues)
    leading = cue_kinds(ctx.org_cues, "leading")
    if any(text[i] in cues or text[i] in leading for i in range(ps, pe)) or not _cue_at_end(doc, s, e, cues):
        return False
    return not any(i in ctx.known for i in range(ps, e)) and low[ps] not in ctx.titles.heads


def _possessive_joins(doc: Doc, prev: tuple[int, int], run: tuple[int, int], ctx) -> bool:
    """"Sheriff's Office", "Ombudsman's Office": a possessive inside a body name."""
    (_, pe), (s, e) = prev, run
    if pe + 1 != s:
        return False
    text = token_words(doc)
    head = text[pe] in POSSESSIVES and text[pe - 1] in ctx.org_cues["possessive_heads"]
    plural = text[pe] in ("'", "’") and text[pe - 1].endswith("s")  # "Prisoners' Society"
    return pe + 1 == s and (head or plural) and _cue_at_end(doc, s, e, trailing_words(ctx.org_cues))


def merge_runs(doc: Doc, runs: list[tuple[int, int]], ctx) -> list[tuple[int, int]]:
    """Join runs that one body name was split into; let an ordinal open an armed unit."""
    units = ctx.org_cues["ordinal_units"]
    text = token_words(doc)
    out: list[tuple[int, int]] = []
    for s, e in runs:
        if s > 0 and text[s] in units and ORDINAL.match(text[s - 1]):
            s -= 1  # "33rd Front", "4th Infantry Division": the ordinal is part of the name
        if e < len(text) and text[e].isdigit() and text[e - 1] in ctx.org_cues["numbered_units"]:
            e += 1  # "Combined Task Force 151": the number is part of the name
        if out and (_and_joins(doc, out[-1], (s, e), ctx) or _possessive_joins(doc, out[-1], (s, e), ctx)):
            out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
    return out


_OPENERS: dict[int, dict[str, list[tuple[tuple[str, ...], str]]]] = {}  # built once per lexicon


def _openers(org_cues: dict) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """`named_after` phrases by their first word: word -> [(phrase words, type)]."""
    if id(org_cues) not in _OPENERS:
        table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for kind, phrases in org_cues["named_after"].items():
            for phrase in phrases:
                words = tuple(phrase.split())
                table.setdefault(words[0], []).append((words, kind))
        _OPENERS[id(org_cues)] = table
    return _OPENERS[id(org_cues)]


def _phrase_at(text: list[str], j: int, e: int, table, multi_only: bool) -> str | None:
    """The type of a `named_after` phrase starting at token j with a name after it."""
    for words, kind in table.get(text[j], ()):
        n = len(words)
        if (n > 1 or not multi_only) and j + n < e and tuple(text[j:j + n]) == words:
            return kind
    return None


def named_body_type(doc: Doc, s: int, e: int, org_cues: dict) -> str | None:
    """"Task Force Pacífico", "La Banda de Puerto Bolívar", "Los Tiguerones": the type a body
    word or a Spanish plural article opening the run names."""
    text = token_words(doc)
    i = s + 1 if text[s] in org_cues["spanish_articles"] and e - s > 2 else s
    table = _openers(org_cues)
    kind = _phrase_at(text, i, e, table, multi_only=False)
    # a phrase may sit inside an all-capitalised name ("Joint Interagency Task Force South")
    if kind is None and e - i > 2 and not any(text[k].islower() for k in range(i, e)):
        kind = next((k for j in range(i + 1, e - 1) if (k := _phrase_at(text, j, e, table, True))), None)
    if kind:
        return kind
    plural = text[e - 1].endswith("s") and text[e - 1].isalpha()
    place = s > 0 and token_lowers(doc)[s - 1] in org_cues["locatives"]  # "in Las Cuevas"
    if text[s] in org_cues["gang_articles"] and e - s == 2 and plural and not place:
        return "CriminalOrganization"
    return None


def folded_words(words) -> tuple[str, ...]:
    """Words for comparing names: accents folded, lower case."""
    return tuple(_folded(w) for w in words)


@lru_cache(maxsize=8192)
def _folded(word: str) -> str:
    return fold_accents(word).lower()


def labelled_start(doc: Doc, start: int, stop: int, labels: frozenset[tuple[str, ...]]) -> int | None:
    """Where a transcript speaker's name starts in the run ``start``..``stop``: the label's
    words end the run (or come right before its last word, a second surname); one capitalised
    word before them is the given name, a label of two words or more is a name by itself.
    None otherwise."""
    text = token_words(doc)
    names = folded_words(text[start:stop])
    for label in _longest_first(doc, labels):
        n = len(label)
        # "Lucía Arreola Quintana" labelled "ARREOLA:": the label may be the first surname
        second = n and len(names) > n + 1 and names[-n - 1:-1] == label and text[stop - 1][:1].isupper()
        if n and (names[-n:] == label or second) and stop - n - start >= 0:
            first = stop - n - bool(second)
            if first - 1 >= start and text[first - 1].isalpha() and text[first - 1][:1].isupper():
                return first - 1
            if n > 1:  # "SEN. JANE ROE:": a label of two words or more is a whole name
                return first
            return None  # the label alone ("WASHINGTON:", a dateline) names nobody
    return None


def _longest_first(doc: Doc, labels: frozenset[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The labels, longest first (then in order: stable), sorted once per Doc and label set."""
    kept = doc.user_data.get("kg.labels_longest_first")
    if kept is None or kept[0] is not labels:
        ordered = sorted(labels, key=lambda words: (-len(words), words))
        kept = doc.user_data["kg.labels_longest_first"] = (labels, ordered)
    return kept[1]


def extended_known_person(doc: Doc, cand, ctx) -> bool:
    """A known person's name followed by another name word under a demonym of a state the
    known person does not act for is a longer unknown name ("Colombian ... Pedro Sánchez Suárez")."""
    if cand.type != "Person" or cand.end >= len(doc):
        return False
    nxt = doc[cand.end]
    t = ctx.titles
    if not (nxt.is_alpha and nxt.text[:1].isupper() and nxt.lower_ not in t.heads | t.not_names) \
            or cand.end in ctx.known:
        return False
    lo = max(0, cand.start - 5)
    states = {ctx.demonyms.get(doc[i].text) for i in range(lo, cand.start)} - {None}
    return bool(states) and cand.government not in states


def namesake_state(doc: Doc, cand, ctx) -> str | None:
    """"Colombian Defense Minister Pedro Sánchez" is not Spain's prime minister: a known person
    whose title right before the name belongs to another state (a demonym or a country's
    possessive opening the title) is a namesake; returns that state, else None."""
    if cand.type != "Person" or not cand.government or cand.start < 2:
        return None
    text, low, t = token_words(doc), token_lowers(doc), ctx.titles
    i = cand.start - 1 - (text[cand.start - 1] == ",")  # "Colombia's defense minister, Pedro Sánchez,"
    if low[i] not in t.heads:
        return None
    while i > max(0, cand.start - 6) and (low[i - 1] in t.heads or low[i - 1] in t.modifiers or text[i - 1] == "-"):
        i -= 1
    state = ctx.demonyms.get(text[i - 1]) if i >= 1 else None
    if state is None and i >= 2 and text[i - 1] in ("'s", "’s"):
        owner = ctx.known.get(i - 2)
        state = owner.key if owner is not None and owner.type == "Country" else None
    return state if state is not None and state != cand.government else None


def extended_known_body(doc: Doc, cand, ctx) -> bool:
    """"the Atlantic Council", "Reuters Institute": a known body or outlet followed by a
    capitalised body word is another body, named by the longer name."""
    if cand.type in ("Country", "Person") or cand.end >= len(doc) or cand.end in ctx.known:
        return False
    return token_words(doc)[cand.end] in trailing_words(ctx.org_cues)


def capital_as_place(doc: Doc, cand, capitals: frozenset[str], locatives: frozenset[str]) -> bool:
    """"insurers in London", "a Pretoria-based institute": a capital after a preposition of
    place or before "-based" is the city, not its state acting ("London said" still is)."""
    if cand.type != "Country" or span_text(doc, cand.start, cand.end) not in capitals:
        return False
    text, low = token_words(doc), token_lowers(doc)
    before = low[cand.start - 1] if cand.start > 0 else ""
    based = cand.end + 1 < len(text) and text[cand.end] == "-" and low[cand.end + 1] == "based"
    return before in locatives or based


RELATIVES = frozenset({"who", "whose"})
CLAUSE = 25  # tokens a relative clause may take before the comma that closes it


def after_clause(doc: Doc, comma: int, end: int) -> str:
    """The word after a relative clause opened at ``comma`` (", who met Y on Monday, said"
    -> "said"); "" when the clause does not close within the sentence."""
    text = token_words(doc)
    for i in range(comma + 2, min(end - 1, comma + CLAUSE)):
        if text[i] == ",":
            return token_lowers(doc)[i + 1]
    return ""


def role_at(doc: Doc, s: int, sent_start: int, heads: frozenset[str]) -> str | None:
    """"a shipping analyst at Clearwater Marine Intelligence", "a fellow with the Atlantic
    Council": the name after a person's role and "at"/"with" is where they work."""
    low = token_lowers(doc)
    i = s - 1 - (s - 1 > sent_start and low[s - 1] == "the")
    if i - 1 < sent_start or low[i] not in ("at", "with"):
        return None
    role = token_words(doc)[i - 1]
    return "Organization" if role.islower() and low[i - 1] in heads else None


def named_place(doc: Doc, s: int, e: int, org_cues: dict) -> bool:
    """"the neighborhood of Las Palmas", "the X Detention Center", "Avenida Hidalgo": a place
    named after a place noun and "of", opened by a street word or ending with a facility phrase,
    is no actor."""
    text, low = token_words(doc), token_lowers(doc)
    if s >= 2 and low[s - 1] == "of" and low[s - 2] in org_cues.get("place_nouns", ()):
        return True
    if e - s >= 2 and text[s] in org_cues["street_prefixes"]:
        return True  # "on Avenida Hidalgo", "Calle Morelos": a street named after someone
    return e - s >= 3 and f"{text[e - 2]} {text[e - 1]}" in org_cues.get("place_phrases", ())


def place_head_after(low: list[str], e: int, end: int, cues: dict) -> bool:
    """A lower-case place noun right after a name, or after one modifier ("naval base")."""
    if e < end and low[e] in cues["place_head_modifiers"]:
        e += 1
    return e < end and low[e] in cues["place_heads"]


def place_name(low: list[str], start: int, stop: int) -> bool:
    """Whether the words [start, stop) are a place of the place tables, whole."""
    name = " ".join(low[start:stop])
    return name in world_places() or name in hand_places()


def place_before_title(doc: Doc, i: int, e: int, ctx) -> int:
    """Skip one to three unknown capitalised words before a title head ("Uruapan Mayor",
    "El Paso County Sheriff")."""
    text, low = token_words(doc), token_lowers(doc)
    for j in (i + 1, i + 2, i + 3):
        if j < e and low[j] in ctx.titles.heads and text[j][:1].isupper():
            words = low[i:j]
            # "Costa Rican Security Minister": modifiers may follow the place, never open it
            if words[0] not in ctx.titles.modifiers and all(w not in STOP_WORDS for w in words) \
                    and not any(k in ctx.known for k in range(i, j)):
                return j
    return i


def title_head_ahead(doc: Doc, i: int, e: int, ctx) -> int | None:
    """The title head one or two unknown capitalised words after i, with a name after it."""
    text, low = token_words(doc), token_lowers(doc)
    for j in (i + 1, i + 2):
        if j + 1 < e and low[j] in ctx.titles.heads and text[j][:1].isupper() \
                and all(text[k][:1].isupper() and text[k] not in ctx.given_names and k not in ctx.known
                        for k in range(i, j)):
            return j
    return None
