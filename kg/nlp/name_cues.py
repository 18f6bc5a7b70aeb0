"""Name cues beyond plain capitalised runs (used by :mod:`kg.nlp.discovery`).

- A place glued to "-based", "-flagged" ("Athens-based X") is a place, not an actor.
- A name introduced as another name ("X, known as Y", 'known by the alias "Y Z"') marks a
  person; a quoted full name after an alias introducer with no name before it is a person.
- A nickname inside a name ('Jimmy "Barbecue" Chérizier') is part of one person's name.
- A body named after a kind noun ("a splinter group called X") or before one ("the X shipping
  association", "the X naval mission") is a body of that kind.
- A state's armed forces named by a demonym or possessive ("the Colombian army") or alone
  ("the Army") with one state in context are that state's body (the gazetteer's when listed).
- A capitalised name followed by its initials in parentheses ("the UK Maritime Trade
  Operations centre (UKMTO)") is a body, which the initials name again later.
- "the Colombian government", "Venezuelan authorities": a demonym before a state noun names
  the state itself.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from kg.nlp.candidates import DISCOVERED, Candidate
from kg.nlp.lexicons import gazetteer, given_names, org_cues, slugify
from kg.nlp.paragraphs import doc_paragraphs
from kg.nlp.quotes import doc_text, quoted_token_mask, token_lowers, token_spaces, token_words, word_positions

QUOTE_MARKS = frozenset({'"', "“", "”", "‘", "’", "'"})
POSSESSIVES = frozenset({"'s", "’s"})
CONTEXT_TOKENS = 80  # how far back in its paragraph a generic body looks for its state
MAX_NICKNAME = 3
MAIN_STATE_MENTIONS = 5  # mentions (names, demonyms, officials) that make a state the article's own
MAIN_STATE_LEAD = 1.5  # ... when it leads the next state by this factor  # words inside the quote marks of a nickname


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word.isalpha() is not False and any(c.isalpha() for c in word)


def glued_place(doc: Doc, e: int) -> bool:
    """"Athens-based", "Liberian-flagged": the word before a glued place suffix is a place."""
    text, space = token_words(doc), token_spaces(doc)
    return e + 1 < len(text) and text[e] == "-" and not space[e - 1] and not space[e] \
        and text[e + 1].lower() in org_cues()["place_suffixes"]


def _phrase_before(low: list[str], i: int, lo: int, phrases) -> int:
    """Length of the longest phrase of ``phrases`` ending right before token i (0 if none)."""
    best = 0
    for words in phrases:
        n = len(words)
        if n > best and i - n >= lo and tuple(low[i - n:i]) == tuple(words):
            best = n
    return best


def kind_introducer(doc: Doc, s: int, lo: int) -> int:
    """Tokens of "called", "known as" right before a name (0 when none)."""
    low = token_lowers(doc)
    if s - 1 < lo or low[s - 1] not in _introducer_ends():
        return 0  # the cheap test first: every introducer ends right before the name
    return _phrase_before(low, s, lo, org_cues()["kind_introducers"])


@lru_cache(maxsize=1)
def _introducer_ends() -> frozenset[str]:
    """The last words of the kind introducers."""
    return frozenset(words[-1] for words in org_cues()["kind_introducers"] if words)


STRONG_ALIAS = frozenset({("alias",), ("a.k.a.",), ("aka",), ("nicknamed",)})  # only people have these


def alias_after(doc: Doc, e: int, end: int, strong: bool = False) -> bool:
    """"Heriberto Lamas Osuna, known as El Gavilán": an alias introduced after the name; with
    ``strong`` only by a word that gives people aliases ("X Y, alias El Tejón")."""
    low, text = token_lowers(doc), token_words(doc)
    i = e + (e < end and low[e] == ",")
    cues = [w for w in org_cues()["alias_introducers"] if not strong or tuple(w) in STRONG_ALIAS]
    n = next((len(w) for w in cues if tuple(low[i:i + len(w)]) == tuple(w)), 0)
    j = i + n + (i + n < end and text[i + n] in QUOTE_MARKS)
    # the alias is a name ("El Gavilán"), not a description ("a cartel stronghold")
    return n > 0 and j < end and _capitalised(text[j]) and low[j] not in STOP_WORDS


def _quoted_name(doc: Doc, i: int, end: int) -> int | None:
    """End of 1-4 capitalised words from token i up to a closing mark (a comma may precede
    it), or None."""
    text = token_words(doc)
    j = i
    while j < end and j - i < 5 and (_capitalised(text[j]) or (j > i and text[j].lower() in ("de", "del", "al"))):
        j += 1
    k = j + (j < end and text[j] in (",", "."))
    return j if j > i and k < end and text[k] in QUOTE_MARKS else None


def alias_people(doc: Doc, sent: Span, known: dict) -> list[Candidate]:
    """'The group's commander, known by the alias "Silverio Ortega," said': a quoted full name
    after an alias introducer is a person, unless a name stands right before the introducer
    (then it is that name's alias: 'Macías, known as "Fito"')."""
    text, low = token_words(doc), token_lowers(doc)
    out = []
    for i in range(sent.start + 1, sent.end - 2):
        if text[i] not in QUOTE_MARKS:
            continue
        n = _phrase_before(low, i, sent.start, org_cues()["alias_introducers"])
        stop = _quoted_name(doc, i + 1, sent.end) if n else None
        if stop is None or stop - (i + 1) < 2 or _named_before(doc, i - n, sent.start):
            continue
        if not any(j in known and known[j].type != "Person" for j in range(i + 1, stop)):
            out.append(Candidate(i + 1, stop, "Person", DISCOVERED))
    return out


def _named_before(doc: Doc, i: int, lo: int) -> bool:
    """Is there a name right before token i (a comma aside), not a place after "in"?"""
    text, low = token_words(doc), token_lowers(doc)
    j = i - 1 - (i - 1 >= lo and text[i - 1] == ",")
    if j < lo or not _capitalised(text[j]):
        return False
    while j > lo and _capitalised(text[j - 1]):
        j -= 1
    return not (j > lo and low[j - 1] in org_cues()["locatives"])


def nickname_people(doc: Doc, sent: Span, known: dict) -> list[Candidate]:
    """'Jimmy "Barbecue" Chérizier': given name, quoted nickname, surname: one person."""
    text, low = token_words(doc), token_lowers(doc)
    out = []
    for i in range(sent.start + 1, sent.end - 3):
        if text[i] not in QUOTE_MARKS or not _capitalised(text[i - 1]) or low[i - 1] in STOP_WORDS:
            continue
        close = next((j for j in range(i + 2, min(sent.end, i + 2 + MAX_NICKNAME)) if text[j] in QUOTE_MARKS), None)
        if close is None or close + 1 >= sent.end or not _capitalised(text[close + 1]) \
                or not all(_capitalised(t) for t in text[i + 1:close]):
            continue
        end = _surname_end(text, doc, close + 1, sent.end)
        start = i - 1
        while start - 1 >= sent.start and text[start - 1] in given_names() and start > i - 3:
            start -= 1  # 'Jesús Alberto "El Chore" Quiñones': two given names
        if any(j in known for j in range(start, end)) or low[close + 1] in STOP_WORDS:
            continue
        out.append(Candidate(start, end, "Person", DISCOVERED))
    return out


def _surname_end(text: list[str], doc: Doc, i: int, end: int) -> int:
    """End of the surname at token i after a nickname: one word, a hyphenated pair
    ('"Lalo" Garza-Treviño') or two words (a second surname)."""
    space = token_spaces(doc)
    if i + 2 < end and text[i + 1] == "-" and not space[i] and not space[i + 1] and _capitalised(text[i + 2]):
        return i + 3
    return i + 2 if i + 1 < end and _capitalised(text[i + 1]) else i + 1


@lru_cache(maxsize=1)
def _named_before_index() -> dict[tuple[str, ...], str]:
    return {tuple(n.split()): kind for kind, nouns in org_cues()["named_before"].items() for n in nouns}


@lru_cache(maxsize=1)
def _named_right_before() -> dict[str, str]:
    return {n: kind for kind, nouns in org_cues().get("named_right_before", {}).items() for n in nouns}


def named_before_type(doc: Doc, s: int, e: int, end: int) -> str | None:
    """"the BIMCO shipping association", "the EU's Aspides naval mission": a name after "the"
    or a possessive, with a kind noun after it (two descriptive words may come between); one
    word must be an acronym or follow a possessive."""
    text, low = token_words(doc), token_lowers(doc)
    if e - s == 1 and not text[s].isupper() and not (s > 0 and text[s - 1] in POSSESSIVES):
        return None  # "the Houston firm": one plain word before a kind noun is likely a place
    opened = (s > 0 and (low[s - 1] == "the" or text[s - 1] in POSSESSIVES)) or \
        any(low[j] == "the" and text[j + 1][:1].isupper() and "-" in text[j + 1:s] for j in range(max(0, s - 4), s - 1))
    if not opened:
        return None
    index = _named_before_index()
    if e < end and e - s >= 2 and token_lowers(doc)[e] in _named_right_before():
        return _named_right_before()[token_lowers(doc)[e]]  # "the Hafiz Gul Bahadur group"
    for j in range(e, min(end, e + 3)):
        if not text[j].islower():
            return None
        n = 2 if j + 1 < end and (low[j], low[j + 1]) in index else 1
        kind = index.get(tuple(low[j:j + n]))
        if kind:  # "the Quito consultancy Andes Risk": a name after the noun is the body's
            return None if j + n < end and text[j + n][:1].isupper() else kind
    return None


@lru_cache(maxsize=1)
def _force_index() -> tuple[dict[tuple[str, ...], str], dict[tuple, str]]:
    """Force nouns -> kind, and (state key, noun) or (state key, kind) -> the gazetteer body
    of that state ("army" finds a state's Army before its Armed Forces)."""
    nouns = {tuple(n.split()): kind for kind, words in org_cues()["state_forces"].items() for n in words}
    known: dict[tuple, str] = {}
    for key, actor in sorted(gazetteer().actors.items()):
        if actor.type != "GovernmentBody" or not actor.government:
            continue
        for name in (actor.label, *actor.aliases):
            words = tuple(name.lower().split())
            noun = next((n for n in nouns if words[-len(n):] == n and len(words) > len(n)), None)
            if noun:
                known.setdefault((actor.government, noun), key)
                known.setdefault((actor.government, nouns[noun]), key)
    return nouns, known


@lru_cache(maxsize=1)
def _force_firsts() -> frozenset[str]:
    """The first words of the force nouns: no force noun starts at any other word."""
    return frozenset(words[0] for words in _force_index()[0] if words)


def _force_at(low: list[str], i: int) -> tuple[str | None, int]:
    nouns, _ = _force_index()
    for n in (2, 1):
        kind = nouns.get(tuple(low[i:i + n]))
        if kind:
            return kind, n
    return None, 0


@lru_cache(maxsize=256)
def known_body(state: str, name: str) -> str | None:
    """The gazetteer body of ``state`` a generic name ("Attorney General's Office") is: one
    whose name is the generic name with the state before it ("Mexico's Attorney General's
    Office", "Mexican Attorney General's Office")."""
    words = tuple(name.lower().split())
    found = {key for key, actor in gazetteer().actors.items()
             if actor.government == state and actor.type == "GovernmentBody"
             for alias in (actor.label, *actor.aliases)
             if (w := tuple(alias.lower().replace("’", "'").split()))[-len(words):] == words
             and 0 < len(w) - len(words) <= 2}
    return found.pop() if len(found) == 1 else None


def force_kind(doc: Doc, s: int, e: int) -> str | None:
    """The kind of state force the words s..e name in full ("National Guard"), or None."""
    kind, n = _force_at(token_lowers(doc), s)
    return kind if n == e - s else None


def force_candidate(state: str, kind: str, start: int, end: int, noun: tuple[str, ...] = ()) -> Candidate:
    """The body of ``state``'s forces of ``kind`` named by ``noun``: the gazetteer's (by that
    noun, else by kind), else one key per state and kind."""
    _, known = _force_index()
    key = known.get((state, noun)) or known.get((state, kind))
    if key is not None:
        actor = gazetteer().actors[key]
        return Candidate(start, end, actor.type, DISCOVERED, key=key, government=actor.government)
    label = gazetteer().actors[state].label if state in gazetteer().actors else state
    return Candidate(start, end, "GovernmentBody", DISCOVERED, key=slugify(f"{label} {kind}"), government=state)


def state_forces(doc: Doc, ctx, country_at) -> list[Candidate]:
    """"the Colombian army", "Colombia's armed forces", "the Army" (one state in context)."""
    text, low = token_words(doc), token_lowers(doc)
    firsts, size = _force_firsts(), len(text)
    out = []
    for i in range(1, size):
        if low[i] not in firsts:
            continue  # the cheap test first: most words open no force noun
        kind, n = _force_at(low, i)
        if kind is None or (i + n < size and _capitalised(text[i + n])):
            continue
        state, used = _state_before(doc, i, ctx, country_at)
        if i in ctx.known and not _other_states_force(ctx.known[i], i, n, state):
            continue
        if state is None and low[i - 1] == "the" and text[i][:1].isupper():
            state, used = context_state(doc, i, ctx), 0  # "the Army says"
        if state is not None:
            out.append(force_candidate(state, kind, i - used, i + n, tuple(low[i:i + n])))
    return out


def _other_states_force(known, i: int, n: int, state: str | None) -> bool:
    """"China Coast Guard", "Philippine Coast Guard": a gazetteer force named bare ("Coast Guard"
    is the U.S. one) after another state's name or demonym is that state's own force (a
    candidate already rehomed to that state has no key)."""
    return state is not None and (known.start, known.end) == (i, i + n) \
        and known.type == "GovernmentBody" and (known.government not in (None, state) or known.key is None)


def state_ministries(doc: Doc, ctx, country_at) -> list[Candidate]:
    """"China's foreign ministry", "the Russian defence ministry": a state's ministry in lower
    case, keyed as its capitalised form would be ("China Foreign Ministry"); the span is the
    portfolio and the noun, the state keeps its own mention."""
    low = token_lowers(doc)
    nouns, portfolios = frozenset(org_cues()["ministry_nouns"]), _portfolios()
    out = []
    for i in [i for noun in sorted(nouns) for i in word_positions(doc).get(noun, ())]:
        n = next((n for n in (2, 1) if tuple(low[i - n:i]) in portfolios), 0) if i >= 2 else 0
        if not n or low[i] not in nouns or i in ctx.known:
            continue
        state, _ = _state_before(doc, i - n, ctx, country_at)
        if state is None or state not in gazetteer().actors:
            continue
        name = " ".join(w.capitalize() for w in low[i - n:i + 1])
        key = known_body(state, name) or slugify(f"{gazetteer().actors[state].label} {name}")
        out.append(Candidate(i - n, i + 1, "GovernmentBody", DISCOVERED, key=key, government=state))
    return out


@lru_cache(maxsize=1)
def _portfolios() -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(str(p).split()) for p in org_cues()["ministry_portfolios"])


def _state_before(doc: Doc, i: int, ctx, country_at) -> tuple[str | None, int]:
    """A demonym ("Colombian army") or a known country's possessive ("Colombia's army")."""
    text = token_words(doc)
    for n in (1, 2):
        if i - n >= 0:
            key, used = country_at(doc, i - n, ctx)
            if key and used == n:
                return key, n
    own = i >= 3 and text[i - 1] == "own" and text[i - 2] in POSSESSIVES  # "El Salvador's own Supreme Court"
    if i >= 2 and (text[i - 1] in POSSESSIVES or own):
        cand = ctx.known.get(i - 2 - own)
        if cand is not None and cand.type == "Country":
            return cand.key, i - cand.start
    return None, 0


def context_state(doc: Doc, s: int, ctx, owners_only: bool = False) -> str | None:
    """The state a generic body name ("the Defense Ministry", "the Army") belongs to: the
    closest country, demonym or state's official named before it in its paragraph, when that
    is also the state the article names most (a Pentagon briefing's "the Navy" is not
    Colombia's because Colombia was just named). ``owners_only``: a state named as a place
    ("inside Mexico") is passed over."""
    near, same_sentence = _nearest_state(doc, s, ctx, owners_only)
    return near if near is not None and (same_sentence or near == _main_state(doc, ctx)) else None


def article_state(doc: Doc, s: int, ctx) -> str | None:
    """As :func:`context_state` (states named as places passed over), else, when the paragraph
    names no state at all, the state the article names most."""
    state = context_state(doc, s, ctx, owners_only=True)
    if state is None and _nearest_state(doc, s, ctx)[0] is None:
        return _main_state(doc, ctx)
    return state


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    return frozenset(org_cues()["place_words"])


def _state_of(doc: Doc, i: int, ctx) -> str | None:
    cand = ctx.known.get(i)
    if cand is not None and (cand.type == "Country" or cand.government):
        return cand.key if cand.type == "Country" else cand.government
    return ctx.demonyms.get(token_words(doc)[i])


def _nearest_state(doc: Doc, s: int, ctx, owners_only: bool = False) -> tuple[str | None, bool]:
    """The closest state named before token s in its paragraph, and whether in its sentence."""
    para_start = doc_paragraphs(doc).start(doc[s].idx)
    sent_start = doc[s].sent.start
    places = _place_words() if owners_only else frozenset()
    lowers, quoted = token_lowers(doc), quoted_token_mask(doc)
    for i in range(s - 1, max(-1, s - CONTEXT_TOKENS), -1):
        if doc[i].idx < para_start:
            break
        if quoted[i] and not quoted[s]:
            continue  # '"Somalia is the template," said X, who left the Air Force': a quote's state
        state = _state_of(doc, i, ctx)
        if state is not None and not (i and lowers[i - 1] in places):
            return state, i >= sent_start
    return None, False


def _main_state(doc: Doc, ctx) -> str | None:
    """The state named most often (by name, demonym or its officials), if one leads."""
    counts: dict[str, int] = {}
    seen: set[int] = set()
    for i, cand in ctx.known.items():
        if id(cand) not in seen:
            seen.add(id(cand))
            state = _state_of(doc, i, ctx)
            if state:
                counts[state] = counts.get(state, 0) + 1
    for i, word in enumerate(token_words(doc)):
        if word in ctx.demonyms and i not in ctx.known:
            counts[ctx.demonyms[word]] = counts.get(ctx.demonyms[word], 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1]) + [(None, 0), (None, 0)]
    (first, most), (_, second) = ranked[0], ranked[1]
    return first if most >= MAIN_STATE_MENTIONS and most >= MAIN_STATE_LEAD * second else None


def state_adjectives(doc: Doc, ctx, country_at) -> list[Candidate]:
    """"the Mexican government", "Venezuelan authorities": the demonym names the state."""
    nouns = set(ctx.org_cues["state_nouns"])
    text, low = token_words(doc), token_lowers(doc)
    out = []
    for i in range(len(doc) - 1):
        if i in ctx.known or not text[i][:1].isupper():
            continue  # a demonym or a country name is capitalised
        key, used = country_at(doc, i, ctx)
        j = i + used
        # "Costa Rican security"; "a Kenyan-led mission", "Iran-backed militias": the state acts
        acting = j + 1 < len(doc) and text[j] == "-" and low[j + 1] in ctx.org_cues.get("state_suffixes", ())
        if key and j < len(doc) and (low[j] in nouns or acting):
            out.append(Candidate(i, j, "Country", DISCOVERED, key=key))
    return out


INITIALS_SKIP = frozenset({"of", "and", "for", "the", "de", "del", "la", "on", "against", "&"})


def _initials(words: list[str]) -> str:
    """"UK Maritime Trade Operations" -> "UKMTO" (all-capital words count whole)."""
    return "".join(w if w.isupper() else w[0] for w in words if w.lower() not in INITIALS_SKIP and w[:1].isalpha())


def acronym_bodies(doc: Doc, sent: Span, known: dict) -> list[tuple[int, int, list[int]]]:
    """"the UK Maritime Trade Operations centre (UKMTO)": a name its initials follow in
    parentheses is a body (one lower-case kind word may come between); later uses of the
    initials name it too. Returns (name start, name end, positions of the initials)."""
    text = token_words(doc)
    out = []
    for i in range(sent.start + 2, sent.end - 2):
        acro = text[i + 1]
        if text[i] != "(" or text[i + 2] != ")" or not (acro.isalpha() and acro.isupper() and len(acro) >= 3):
            continue
        end = i if _capitalised(text[i - 1]) else i - 1
        start = next((k for k in range(end - 1, max(sent.start, end - len(acro) - 4) - 1, -1)
                      if _capitalised(text[k]) and _initials(text[k:end]) == acro), None)
        if start is None or end - start < 2 or (i + 1 in known and not _redefined(known[i + 1], text[start:end])) \
                or any(j in known and known[j].type != "Country" for j in range(start, end)):
            continue
        out.append((start, end, [j for j in word_positions(doc).get(acro, ())
                                 if j not in known or _redefined(known[j], text[start:end])]))
    return out


def _redefined(cand, words: list[str]) -> bool:
    """"the Armed Forces of the Philippines (AFP)": initials the article spells out as another
    body than the gazetteer's (Agence France-Presse) are that body in this article."""
    if cand.end - cand.start != 1 or cand.key is None or cand.key not in gazetteer().actors:
        return False
    actor = gazetteer().actors[cand.key]
    name = " ".join(words).lower()
    return all(name != alias.lower() for alias in (actor.label, *actor.aliases))


def _trailing_kind(word: str) -> str:
    """The type a body word ending a name gives ("Police" -> GovernmentBody), else Organization."""
    for kind, words in org_cues()["trailing"].items():
        if word in words:
            return kind
    return "Organization"


def acronym_forces(doc: Doc, ctx) -> list[Candidate]:
    """"SENAN units intercepted", "SBU officers detained": unknown initials right before a noun
    for a force's members (``member_nouns``) name a state body, of the state in context
    (:func:`context_state`, else the state the article names most)."""
    text, low = token_words(doc), token_lowers(doc)
    members, units = frozenset(org_cues()["member_nouns"]), frozenset(org_cues()["unit_initials"])
    out = []
    for i in range(len(text) - 1):
        word = text[i]
        if low[i + 1] not in members or i in ctx.known or not (word.isalpha() and word.isupper()) or word in units:
            continue
        if not 3 <= len(word) <= 10 or (i > 0 and text[i - 1].isupper() and text[i - 1].isalpha()):
            continue  # "AP", or a line in capitals ("POLICE SAY ARMY UNITS ...")
        if f"({word})" in doc_text(doc):
            continue  # "the National Aeronaval Service (SENAN)": the full name's initials (acronym_bodies)
        state = context_state(doc, i, ctx) or _main_state(doc, ctx)
        out.append(Candidate(i, i + 1, "GovernmentBody", DISCOVERED, key=slugify(word), government=state))
    return out
