"""Runs of capitalised words in a sentence: the raw material of actor discovery.

A *run* is a stretch of capitalised words in one sentence ("Communications Minister Freddy
Ñáñez"), joined by name particles ("de", "la"), "of", in-word hyphens, "&", and the "for"/"on"/"in"
of body names ("Center for Security", "Office on Drugs", "Mission in Mali"). Runs inside a work's
quoted title ('a report titled "..."') name no actor.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.nlp.lexicons import titles
from kg.nlp.quotes import quoted_token_mask, token_lowers, token_spaces, token_words
from kg.nlp.tables import capitalised_flags

PARTICLES = frozenset({"de", "del", "la", "las", "los", "da", "do", "dos", "das", "van", "von",
                       "der", "den", "bin", "ibn", "al", "el", "y", "di", "du", "le", "of",
                       "para", "por", "contra", "e",  # "Fundación Ideas para la Paz"
                       "ul", "ud", "ur",  # "Anwar ul-Haq Kakar", "Salah ud-Din"
                       "bint", "binti", "binte"})  # "Siti binti Aziz"
POSTED_TO = frozenset({"ambassador", "envoy", "representative"})
FOR_BODIES = frozenset({"Center", "Centre", "Centers", "Institute", "Council", "Committee", "Office",
                        "Coalition", "Alliance", "Foundation", "Fund", "Commission", "Network",
                        "Movement", "Association", "Organization", "Agency", "Bureau", "Observatory",
                        "Society", "Campaign", "Initiative", "Project", "Union", "Federation",
                        "Directorate", "Secretariat",
                        "Mission"})  # "the UN Assistance Mission for Iraq"
# forces, services and platforms named for their purpose ("Corps for Land Border Security"),
# joined by "for" only ("Command on Andean security" is a topic, not a name)
PURPOSE_BODIES = FOR_BODIES | frozenset({"Corps", "Service", "Platform", "Front", "Force", "Forces",
                                         "Command", "Party", "League", "Forum", "Trust", "Partnership",
                                         "Collective", "Tribunal",
                                         "Court"})  # "District Court for the District of X"
# bodies named with their seat: "the UN Stabilization Mission in Haiti", "the U.S. Embassy in X"
IN_BODIES = frozenset({"Mission", "Missions", "Embassy", "Consulate"})
POSSESSIVES = frozenset({"'s", "’s"})
OWN_OFFICES = frozenset({"Office", "Bureau"})  # an officer's office is a body: "Prosecutor's Office"


def _body_so_far(doc: Doc, start: int, i: int) -> bool:
    """The run so far is a body name with "for"/"of" ("Center for Economic Research")."""
    words = token_words(doc)[start:i]
    return any(w in FOR_BODIES for w in words) and any(w in ("for", "of", "on") for w in words) \
        and "and" not in words


def date_word(low: str) -> bool:
    """A weekday or month ("the Office on Monday" ends the name before "on")."""
    return low in titles().not_names or low in titles().time_words


def _particle_chain(caps: list[bool], low: list[str], i: int, end: int) -> bool:
    """Two particles before a capitalised word ("Salinas de la Garza", "Comandos de la Frontera")."""
    return i + 2 < end and low[i] in PARTICLES and low[i + 1] in PARTICLES \
        and low[i] != "of" and caps[i + 2]


def _hyphen_particle(text: list[str], low: list[str], space: list, caps: list[bool], i: int, end: int) -> bool:
    """A hyphen, a particle, a hyphen and a capitalised word, all glued ("Anwar-ul-Haq",
    "Jaish-e-Mohammed"): the name goes on."""
    return i + 3 < end and text[i] == "-" and low[i + 1] in PARTICLES and text[i + 2] == "-" \
        and caps[i + 3] and not (space[i] or space[i + 1] or space[i + 2])


def name_runs(sent: Span) -> list[tuple[int, int]]:
    """Token ranges of capitalised words, joined by particles and in-word hyphens."""
    runs, start = [], None
    doc, end = sent.doc, sent.end
    text, low, space, caps = token_words(doc), token_lowers(doc), token_spaces(doc), capitalised_flags(doc)
    for i in range(sent.start, end):
        if start is None and not text[i][:1].isupper():
            continue  # only a capitalised word starts a run (a joiner needs a run before it)
        # "of the"/"for the" + a capital ("Court for the Southern District") joins like "of"
        nxt = i + 2 if low[i] in ("of", "for") and i + 2 < end and low[i + 1] == "the" else None
        glued = i + 2 < end and text[i + 1] == "-" and not space[i] \
            and not space[i + 1] and caps[i + 2]
        joiner = start is not None and i + 1 < end and (
            caps[i + 1] or (nxt is not None and caps[nxt])
            or (glued and low[i] in PARTICLES)
            or _hyphen_particle(text, low, space, caps, i, end)  # "Anwar-ul-Haq"
            or _particle_chain(caps, low, i, end)) and (  # "Basim al-Jabouri"
            low[i] in PARTICLES
            or (text[i] == "-" and not space[i - 1] and not space[i])
            or text[i] == "&"  # "Control & Risk Partners"
            or (low[i] == "to" and low[i - 1] in POSTED_TO)  # "Ambassador to Mexico X"
            or (low[i] == "for" and text[i - 1] in PURPOSE_BODIES)  # "Center for Security"
            or (low[i] == "in" and text[i - 1] in IN_BODIES and caps[i + 1])  # "Mission in Mali"
            or (low[i] == "on" and text[i - 1] in FOR_BODIES and not date_word(low[i + 1]))  # "Office on Drugs"
            or (low[i] == "against" and text[i - 1] in FOR_BODIES and caps[i + 1])  # "Office against Organized Crime"
            or (low[i] == "the" and low[i - 1] == "of")  # "University of the West Indies"
            or (low[i] == "the" and low[i - 1] == "for" and text[i - 2] in PURPOSE_BODIES)
            or (low[i] == "and" and _body_so_far(doc, start, i))  # "Center for Research and Teaching"
            or (text[i] in POSSESSIVES and text[i + 1] in OWN_OFFICES  # "U.S. Attorney's Office for X"
                and low[i - 1] in titles().heads)
        )
        if caps[i] and text[i] not in POSSESSIVES or joiner:
            start = i if start is None else start
            continue
        if start is not None:
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, end))
    return [part for s, e in runs if low[e - 1] not in PARTICLES for part in _body_then_title(low, s, e)]


def _body_then_title(low: list[str], s: int, e: int) -> list[tuple[int, int]]:
    """"Armed Forces of Colombia Chief of Staff Gen. X", "University of Texas Professor X": a
    body named with "of" and then a title and a name are two runs, the body's and the person's
    (a run opening with a title, "Secretary of State X", stays whole)."""
    heads = titles().heads
    if low[s] in heads or low[s].removesuffix("s") in heads or low[s] in titles().modifiers:
        return [(s, e)]  # "Deputies of the X Sheriff's Office": people of a body, one run
    of = next((i for i in range(s + 1, e) if low[i] == "of"), None)
    split = next((j for j in range(of + 2, e - 2) if low[j] in heads), None) if of is not None else None
    if split is None or low[split + 1] in POSSESSIVES:
        return [(s, e)]  # "X County Sheriff's Office": the officer's office is the body
    return [(s, split), (split, e)]


TITLE_INTRODUCERS = frozenset({"titled", "entitled", "headlined", "subtitled"})


def in_work_title(doc: Doc, s: int) -> bool:
    """Token s lies in a quotation that a title introducer opens ('a report titled "..."')."""
    mask = quoted_token_mask(doc)
    if not mask[s]:
        return False
    i = s
    while i > 0 and mask[i - 1]:
        i -= 1  # back to the opening mark
    low = token_lowers(doc)
    before = low[i - 2] if i >= 2 and low[i - 1] == "," else (low[i - 1] if i >= 1 else "")
    return before in TITLE_INTRODUCERS  # 'titled "..."', 'entitled, "..."'
