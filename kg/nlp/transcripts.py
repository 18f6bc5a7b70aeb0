"""Transcript turns: "MORAN: Good afternoon, everybody." is Moran speaking.

A turn is a line that starts with a speaker label and a colon: upper case ("MORAN:"), or in
an interview the answerer's name in title case ("Hadebe-Mensah:"). The label names a
person of the article when, titles aside ("PRESIDENT TRUMP", "SEN. KAINE"), it is the person's
name or surname. Labels that name nobody ("Q", "REPORTER", "EDITOR'S NOTE", a dateline) are
not turns of a known speaker and are skipped. In an interview printed as "Q: ..." / "A: ...",
the answers are turns of the one person its introduction names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from kg.nlp.candidates import fold_accents
from kg.nlp.lexicons import titles
from kg.nlp.quotes import doc_text
from kg.records import Actor

# The label may carry a party and state in brackets and a role after a comma, as congressional
# transcripts write them ("SEN. JANE ROE (D-Ore.), RANKING MEMBER:"), or a body and a post in
# brackets ("ADM. X (Navy Secretariat, regional commander):"); group 1 is the name part.
_CAPS_LABEL = r"[A-ZÀ-Þ][A-ZÀ-Þ.'’\- ]{0,40}[A-ZÀ-Þ.]"
# Interviews print the answerer's surname in title case ("Hadebe-Mensah: We do."): such a label
# only counts when it ends a person's name (``_speaker``), so "Update:" or "Note:" name nobody.
_TITLE_LABEL = r"[A-ZÀ-Þ][\w.'’\-]+(?:[ \t][A-ZÀ-Þ][\w.'’\-]+){0,3}"
_REST = (r"(?:[ \t]*\([^()\n]{1,80}\))?(?:,[ \t]*[A-ZÀ-Þ][A-ZÀ-Þ' \-]{1,30})?"
         r":[ \t]+(\S.*?)[ \t]*$")
_TURN = re.compile(rf"^[ \t]*({_CAPS_LABEL}){_REST}", re.M)
_ANY_TURN = re.compile(rf"^[ \t]*({_CAPS_LABEL}|{_TITLE_LABEL}){_REST}", re.M)


@dataclass(frozen=True)
class Turn:
    speaker: Actor
    start: int  # offsets of the words spoken
    end: int


def _label_words(label: str) -> list[str]:
    """The name part of a label: title words ("PRESIDENT", "SEN.") and abbreviated titles the
    lexicon lacks ("ASST. COMMR.", not an initial "J.") dropped, folded, lower case."""
    t = titles()
    words = [w for w in fold_accents(label).lower().replace("’", "'").split()]
    return [w for w in words if w not in t.heads and w not in t.modifiers and w not in t.honorifics
            and not (w.endswith(".") and len(w) > 2)]


def _speaker(label: str, people: list[Actor]) -> Actor | None:
    """The one person of the article whose name ends with the label's name words (else whose
    name has them before its last word, a Spanish first surname)."""
    name = _label_words(label)
    if not name:
        return None
    found = {a.key: a for a in people
             for form in (a.label, *a.aliases)
             if fold_accents(form).lower().split()[-len(name):] == name}
    if not found:  # "ARREOLA:" for "Lucía Arreola Quintana": a first surname
        found = {a.key: a for a in people for form in (a.label, *a.aliases)
                 if len(words := fold_accents(form).lower().split()) >= len(name) + 2
                 and words[-len(name) - 1:-1] == name}
    return next(iter(found.values())) if len(found) == 1 else None


def label_names(doc: Doc) -> frozenset[tuple[str, ...]]:
    """The name words of every speaker label of the Doc ("ADM. HOLLOWAY:" -> ("holloway",)),
    for discovery: a name ending with them is that speaker's."""
    t = titles()
    return frozenset(_as_tokens(words) for m in _TURN.finditer(doc_text(doc))
                     if (words := tuple(_label_words(m.group(1)))) and not set(words) & t.not_names)


def _as_tokens(words: tuple[str, ...]) -> tuple[str, ...]:
    """Label words as the tokenizer splits them: "estrella-voss" is "estrella", "-", "voss"."""
    return tuple(part for word in words for part in _HYPHEN.split(word) if part)


_HYPHEN = re.compile(r"(?<=\w)(-)(?=\w)")
_QUOTE_MARKS = "\"“”„«»'‘’"


# An interview printed as questions and answers ("Q: ..." / "A: ..."): the answers are the
# interviewee's, the one person the introduction before the first question names.
_QA = re.compile(r"^[ \t]*(Q|A)[:.][ \t]+(\S.*?)[ \t]*$", re.M)


def interview_turns(doc: Doc, actors: dict[str, Actor]) -> list[Turn]:
    """The answers of a Q/A interview, as turns of its interviewee (none when the introduction
    names no person or several)."""
    found = list(_QA.finditer(doc_text(doc)))
    if not any(m.group(1) == "Q" for m in found) or not any(m.group(1) == "A" for m in found):
        return []
    intro = found[0].start()
    named = {sp.kb_id_ for sp in doc.spans.get("kg_actors", [])
             if sp.label_ == "Person" and sp.end_char <= intro and sp.kb_id_ in actors}
    if len(named) != 1:
        return []
    speaker = actors[named.pop()]
    return [Turn(speaker, m.start(2), m.end(2)) for m in found if m.group(1) == "A"]


def transcript_turns(doc: Doc, actors: dict[str, Actor]) -> list[Turn]:
    """Turns of known people, in text order (labelled turns, then interview answers)."""
    people = [a for a in actors.values() if a.type == "Person"]
    out = interview_turns(doc, actors)
    for m in _ANY_TURN.finditer(doc_text(doc)):
        if m.group(2)[0] in _QUOTE_MARKS:
            continue  # 'Hegseth: "We are ready."': a quotation, which the quote reader takes
        speaker = _speaker(m.group(1), people)
        if speaker is not None:
            out.append(Turn(speaker, m.start(2), m.end(2)))
    return sorted(out, key=lambda t: t.start)
