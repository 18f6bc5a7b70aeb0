"""Operation status from modality cues around a trigger (rules in kg/lexicons/modality.yaml).

The rule order is documented in the lexicon: ruled_out, authorized, proposed, threatened;
then a plain negation drops the mention; conducted is the default.
"""

from __future__ import annotations

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from kg.extract._context import quote_regions, words
from kg.extract._lexicon import build_matcher, load_lexicon, token_norms, word_set
from kg.nlp.quotes import token_spaces, token_words

MODALITY = "modality.yaml"
NEGATED = "negated"
GENERIC = "generic"


def cue_matcher(doc: Doc) -> Matcher:
    """One Matcher for every status cue; keys are ``status|side``."""
    entries: dict[str, list] = {}
    for status, sides in load_lexicon(MODALITY)["statuses"].items():
        for side in ("near", "left", "right", "next", "noun_next"):
            if sides.get(side):
                entries[f"{status}|{side}"] = list(sides[side])
    return build_matcher(doc, entries)


def cue_spans(doc: Doc, matcher: Matcher) -> list[tuple[str, str, int, int]]:
    """All cue matches as (status, side, start, end)."""
    found = []
    for mid, start, end in matcher(doc):
        if _month_name(doc, start):
            continue  # "since May": the month, not the modal
        status, side = doc.vocab.strings[mid].split("|")
        found.append((status, side, start, end))
    return sorted(found)


def _month_name(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a capitalised month name ("May") inside a sentence."""
    months = load_lexicon("dates.yaml")["months"]
    texts = token_words(doc)
    return (texts[i] in months and i > 0 and texts[i - 1] not in {".", "!", "?", '"', "\u201c"}
            and "\n" not in texts[i - 1] and "\n" not in token_spaces(doc)[i - 1])


def _scope(sent: Span, start: int, end: int) -> tuple[int, int]:
    """Token range around a trigger where cues count: the window, cut at scope breaks."""
    lex = load_lexicon(MODALITY)
    breaks = word_set(MODALITY, "scope_breaks")
    lo = max(sent.start, start - int(lex["window"]))
    doc = sent.doc
    norms, texts = token_norms(doc), token_words(doc)  # per-Doc tables, no Token objects
    joiners = word_set(MODALITY, "clause_joiners")
    for j in range(start - 1, lo - 1, -1):
        if norms[j] in breaks:
            lo = j + 1
            break
        if norms[j] in joiners and j > lo and texts[j - 1] == "," and norms[j + 1] != "to":
            lo = j + 1  # "reviewed plans for strikes, and spy planes already fly": another clause
            break
        if norms[j] in {"that", "which"} and j + 1 < start and texts[j + 1].islower() and (
                norms[j + 1].endswith("ed") or norms[j + 1] in _PAST):
            lo = j + 1  # "asked for the data that led to the strike": a fact, not what was asked
            break
    reporting = words("reporting_words")
    for q_start, q_end in quote_regions(sent):
        told = any(norms[j] in reporting for j in range(q_end, start))
        if lo < q_end <= start and told and not q_start <= start < q_end:
            lo = q_end  # '"We can do it," he said, citing the arrest': the quote's own modal
    hi = min(sent.end, end + int(lex["window"]))
    for j in range(end, hi):
        if norms[j] in breaks or texts[j] in {".", "?", "!"}:
            hi = j
            break
        if norms[j] == "that" and norms[j - 1] in {"and", ","}:
            hi = j  # "... led to the strike, and that it would protest if ...": another report
            break
    return lo, hi


def status_of(sent: Span, start: int, end: int, cues: list[tuple[str, str, int, int]]) -> str:
    """The status of the trigger at [start, end) in ``sent``; ``NEGATED`` when it did not happen
    or is no operation at all (generic)."""
    lex = load_lexicon(MODALITY)
    lo, hi = _scope(sent, start, end)
    norms = token_norms(sent.doc)
    present = set()
    negators = set(lex["negation"]) | {"n't"}
    if _failed_condition(norms, sent.doc, lo, start, negators):
        return NEGATED  # "if Mexico cannot dismantle the labs, we will": a condition, not an act
    for status, side, c_start, c_end in cues:
        near = side == "near" and start - int(lex["near_gap"]) <= c_end <= start and lo <= c_start
        left = side == "left" and lo <= c_start and c_end <= start
        # `next` cues start right after the trigger's phrase ("strikes on land could come")
        noun = side == "noun_next" and not norms[end - 1].endswith(("ed", "ing"))
        after = (side == "next" or noun) and end <= c_start <= end + int(lex["next_gap"]) and c_end <= hi and not any(
            sent.doc[j].is_punct or norms[j] in _RELATIVE for j in range(end, c_start))
        if (left or near) and status in _TALK_STATUSES and _talked_about(sent.doc, c_end, start):
            continue  # "the group is going to use the strikes as propaganda": the modal is the use's
        if near or left or after or (side == "right" and end <= c_start and c_end <= hi):
            before = norms[c_start - 1] if c_start > 0 else ""
            # "has not ruled out X": a negated refusal leaves X on the table; "could
            # authorize X": an authorization still to come
            flipped = (status == "ruled_out" and before in negators and side != "near") or (
                status == "authorized" and before in set(lex["modals"]))
            if status == "authorized" and before == "to" and any(
                    norms[j] in word_set(MODALITY, "asking_verbs") for j in range(max(lo, c_start - 6), c_start)):
                present.add("proposed")  # "asked the president to authorize drones": a mandate sought
                continue
            present.add("threatened" if flipped else status)
    for status in lex["order"]:  # first listed status wins (see modality.yaml)
        if status in present:
            return NEGATED if status == GENERIC else status
    n_lo = max(lo, start - int(lex["negation_window"]))
    if any(norms[j] in negators for j in range(n_lo, start)):
        return NEGATED
    return "conducted"


def _failed_condition(norms: list[str], doc: Doc, lo: int, start: int, negators: set[str]) -> bool:
    """Whether the trigger is the negated verb of an if/unless clause ("if the army does not
    clear the town"): an operation said not to happen, told as a condition."""
    negated = False
    for j in range(start - 1, lo - 1, -1):
        if doc[j].is_punct:
            return False
        negated = negated or norms[j] in negators
        if norms[j] in ("if", "unless"):
            return negated
    return False


_TALK_STATUSES = ("threatened", "proposed")
_RELATIVE = frozenset({"that", "which", "who", "whom", "whose"})  # a `next` cue past them is another verb's
_PAST = frozenset({"led", "saw", "left", "took", "hit", "struck", "killed", "began", "came", "sent", "brought"})


def _talked_about(doc: Doc, lo: int, hi: int) -> bool:
    """Whether a verb that only talks about or uses an operation stands between a modal cue and
    the trigger ("will investigate the raid", "is going to cite the strikes")."""
    verbs, definite = word_set(MODALITY, "reference_verbs"), word_set(MODALITY, "definite_objects")
    norms = token_norms(doc)
    for j in range(lo, hi):
        between = norms[j + 1 : hi]
        # the trigger heads the verb's object, which points to known events ("the strikes")
        if norms[j] in verbs and 0 < len(between) <= 4 and between[0] in definite and not (
                {"to", "and", "or"} & set(between)):
            return True
    return False


def legislative(prev: Span | None, sent: Span, start: int) -> bool:
    """Whether the trigger is what a bill would allow ("a bill in the Senate would authorize
    raids abroad"; "It would allow strikes" after a sentence about the bill)."""
    lex, norms = load_lexicon(MODALITY), token_norms(sent.doc)
    nouns, verbs, modals = (set(lex[key]) for key in ("proposal_nouns", "enabling_verbs", "modals"))
    enabling = [k for k in range(max(sent.start + 1, start - int(lex["window"])), start)
                if norms[k] in verbs and norms[k - 1] in modals]
    if not enabling:
        return False
    if any(norms[k] in nouns for k in range(sent.start, enabling[0])):
        return True
    opener = norms[sent.start] in set(lex["bill_pointers"])  # "It would ...": the bill just named
    return opener and prev is not None and any(n in nouns for n in norms[prev.start : prev.end])
