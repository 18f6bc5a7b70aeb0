"""Demonyms as mentions of their country ("American strikes", "the Israeli air force", "if
the Americans want to bomb"), for the agents of :mod:`kg.extract._agents`; the demonyms of a
sentence are found once per Doc (:mod:`kg.extract._memo`)."""

from __future__ import annotations

from operator import attrgetter

from spacy.tokens import Doc, Span

from kg.extract._context import CLAUSES, Ref, bare_force_refs, country_actor, descriptor_refs, words
from kg.extract._lexicon import load_lexicon, token_norms
from kg.extract._memo import sentence_memo
from kg.nlp.lexicons import hand_places, world_places
from kg.nlp.quotes import token_words
from kg.records import Actor


def demonym_agent(doc: Doc, start: int) -> Actor | None:
    """A demonym right before the trigger ("American strikes") as its country, if in the Doc."""
    if start == 0:
        return None
    return country_actor(doc, load_lexicon("demonyms.yaml").get(token_words(doc)[start - 1]))


def demonym_refs(doc: Doc, sent: Span, refs: list[Ref]) -> list[Ref]:
    """Demonyms before a force noun ("the Israeli air force", "Colombian police") as mentions
    of their country, where the actor recognizer found no name; and a plural demonym after
    "the" ("if the Americans want to bomb"), the nation."""
    found = []
    for i, key in sentence_memo(doc, "demonyms", sent, _demonym_slots):
        if any(r.start <= i < r.end for r in refs):
            continue  # the recognizer named it
        if (actor := country_actor(doc, key)) is not None:
            found.append(Ref(i, i + 1, actor))
    return found


def with_forces_of(doc: Doc, sent: Span, refs: list[Ref]) -> list[Ref]:
    """``refs`` plus the sentence's demonyms, bare forces and descriptors as mentions, in order
    (the agents' candidates): once per sentence for the same ``refs`` (kept, so its id is not
    reused), since every trigger of the sentence asks; read only."""
    found = (memo := doc.user_data.setdefault("kg.memo.with_forces", {})).get((sent.start, sent.end))
    if found is None or found[0] is not refs or found[1] != len(refs):
        with_forces = sorted(refs + demonym_refs(doc, sent, refs), key=_START)
        more = bare_force_refs(doc, sent, with_forces) + descriptor_refs(doc, sent, refs)
        if more:  # (none mostly: the list is in order already)
            with_forces = sorted(with_forces + more, key=_START)
        found = memo[(sent.start, sent.end)] = (refs, len(refs), with_forces)
    return found[2]


_START = attrgetter("start")  # the sort key of refs, read in C


def _demonym_slots(doc: Doc, sent: Span) -> list[tuple[int, str | None]]:
    """(token, country key) of each demonym of a sentence that :func:`demonym_refs` reads as
    its country (once per sentence, whatever the mentions)."""
    texts, norms = token_words(doc), token_norms(doc)
    demonyms, forces = load_lexicon("demonyms.yaml"), words("force_nouns")
    found = []
    for i in range(sent.start, sent.end - 1):
        text = texts[i]
        if not text[:1].isupper():
            continue
        if text.endswith("s") and text[:-1] in demonyms and i > sent.start and norms[i - 1] == "the":
            found.append((i, demonyms.get(text[:-1])))
            continue
        if text not in demonyms:
            if (key := _city_owner(doc, i, sent.end)) is not None:
                found.append((i, key))  # "Antwerp police", "Ciudad Juárez authorities"
            continue
        nxt = i + 1
        if nxt + 2 < sent.end and norms[nxt] == "and" and texts[nxt + 1] in demonyms:
            nxt += 2  # "American and British warplanes": both demonyms own the force
        if norms[_past_modifiers(doc, nxt, sent.end)] in forces:
            found.append((i, demonyms.get(text)))
    return found


def _city_owner(doc: Doc, i: int, end: int) -> str | None:
    """The country of a city or region that ends at token ``i`` (one or two words) right
    before a local force or office ("Antwerp police", "Ciudad Juárez authorities")."""
    if i + 1 >= end or token_norms(doc)[i + 1] not in words("local_force_nouns"):
        return None
    texts = token_words(doc)
    names = [texts[i].lower()] + ([f"{texts[i - 1]} {texts[i]}".lower()] if i > 0 and texts[i - 1][:1].isupper() else [])
    return next((places[n] for n in reversed(names) for places in (hand_places(), world_places()) if n in places), None)


def _past_modifiers(doc: Doc, j: int, end: int) -> int:
    """The token after up to ``demonym_modifiers`` lower-case words that qualify a force
    ("Belgian [customs] officers", "Brazilian [border] police"), unless one gives the force
    another owner ("Mexican cartel fighters")."""
    norms, owners = token_norms(doc), words("not_bare_before")
    for _ in range(int(load_lexicon(CLAUSES)["demonym_modifiers"])):
        while j + 2 < end and norms[j + 1] == "-" and doc[j + 2].is_lower:
            j += 2  # "anti-narcotics": one word
        if j + 1 >= end or not doc[j].is_lower or norms[j] in owners or norms[j] in words("force_nouns"):
            break
        j += 1
    return j
