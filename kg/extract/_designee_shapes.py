"""The shapes of a designee phrase (:mod:`kg.extract.designations`): a capitalised name, a
name with a group noun after it ("the Klansman gang"), coordinated names, a nation's class of
groups ("several Mexican cartels"), demonyms sharing a noun ("Mexican and South American
cartels"), a post-modifier ("the ring based in X") and a word opening a list of examples."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract._context import Ref, words
from kg.extract._lexicon import load_lexicon, norm, token_norms, word_set
from kg.nlp.lexicons import titles
from kg.nlp.quotes import token_words

LEX = "designations.yaml"
DASHES = frozenset({"\u2014", "\u2013", "--"})  # set off a list ("four militias — A, B and C —")


def _lex(key: str) -> frozenset[str]:
    return word_set(LEX, key)


def skip_introducer(doc: Doc, start: int, cut: int) -> int:
    """Past a word opening a list of examples ("including", "among them") at ``start``."""
    for phrase in load_lexicon(LEX)["list_introducers"]:
        toks = phrase.split()  # the tokens' ``norm``s read from the table, no Span or Token built
        if start + len(toks) < cut and token_norms(doc)[start:start + len(toks)] == toks:
            return start + len(toks)
    return start


def proper(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens [start, end) past determiners are a capitalised name."""
    toks = [t for t in doc[start:end] if norm(t) not in words("determiners")]
    return bool(toks) and all(t.text[:1].isupper() or norm(t) in _lex("name_particles")  # "al-Nujaba"
                              for t in toks) and toks[0].text[:1].isupper() and toks[-1].text[:1].isupper()


def named(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens [start, end) are a name, maybe with a group noun after it ("the Klansman
    gang", "the Blue Hole Crew")."""
    return proper(doc, start, end) or (end - start > 1 and token_norms(doc)[end - 1] in _lex("group_nouns")
                                         and doc[end - 1].is_lower and proper(doc, start, end - 1))


def names(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens [start, end) are names joined by "and" or commas ("the Blue Hole Crew and
    the Klansman gang")."""
    cuts = [start - 1, *(m for m in range(start, end) if token_norms(doc)[m] in {"and", ","}), end]
    return all(named(doc, a + 1, b) for a, b in zip(cuts, cuts[1:]))


def national_class(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens [start, end) are groups of a nation ("several Mexican cartels"): a plural
    group noun after a demonym, a designee as much as the names coordinated with it."""
    texts, norms = token_words(doc), token_norms(doc)
    last = norms[end - 1] if end > start else ""
    if {"other", "more"} & set(norms[start:end]) or skip_introducer(doc, end + 1, len(doc)) > end + 1 \
            or (end < len(doc) and texts[end] in DASHES):
        return False  # "four other Mexican groups", "four Iraqi militias, including X", "four
        # more Iraqi militias — X, Y": the names
    return (last.endswith("s") and last[:-1] in _lex("group_nouns") and end - start <= 4
            and any(texts[m] in load_lexicon("demonyms.yaml") for m in range(start, end - 1)))


def adjectival(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens [start, end) are only demonyms and region words ("Mexican", "South
    American"): adjectives sharing the noun of the next conjunct."""
    demonyms = load_lexicon("demonyms.yaml")
    toks = [t for t in doc[start:end] if norm(t) not in words("determiners")]
    return bool(toks) and toks[-1].text in demonyms and all(
        t.text in demonyms or norm(t) in _lex("region_words") for t in toks)


def in_modifier(doc: Doc, start: int, k: int) -> bool:
    """Whether [start, k) ends inside a post-modifier: a participle or a locating adjective
    after the head noun, then a preposition ("the ring based in X", "a gang operating from X")."""
    norms = token_norms(doc)
    return any(doc[m].is_lower and (norms[m].endswith(("ing", "ed")) or norms[m] in _lex("modifier_words"))
               and norms[m + 1] in words("prepositions") for m in range(start + 1, k - 1))


def past_address(doc: Doc, start: int, end: int) -> int:
    """The start of the names in tokens [start, end) past a first comma-separated part that is
    an address by title ("Deputy Commissioner, the X Crew and the Y gang were listed") or a
    fronted place ("In Kingston, the X Crew was listed")."""
    texts, norms = token_words(doc), token_norms(doc)
    comma = next((m for m in range(start, end) if texts[m] == ","), None)
    if comma is None or comma == start:
        return start
    t = titles()
    address_words = t.heads | t.modifiers | words("determiners")
    address = all(norms[m] in address_words for m in range(start, comma))
    return comma + 1 if address or norms[start] in words("prepositions") else start


def companion_inside(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """"listed them, together with X and Y, as ...": a companion phrase inside the designee
    tokens [start, end): (where the phrase begins, where its groups begin)."""
    norms, phrases = token_norms(doc), [p.split() for p in load_lexicon(LEX)["companion_phrases"]]
    for k in range(start + 1, end):
        for toks in phrases:
            if norms[k:k + len(toks)] == toks and k + len(toks) < end:
                return k, k + len(toks)
    return None


def listed_before(doc: Doc, orgs: list[Ref], end: int) -> Ref | None:
    """"Los Lobos, Los Choneros and the other groups we are fighting are designated": the first
    of the named groups that open a comma list ending at ``end`` with a common noun phrase."""
    texts = token_words(doc)
    first = None
    for ref in reversed([r for r in orgs if r.end < end]):
        joint = texts[ref.end] if ref.end < len(doc) else ""
        if joint not in {",", "and"} or any(t in {".", ";", ":"} for t in texts[ref.end:end]):
            break
        first = ref
    return first
