"""The country a story is told from, for the operation extractor: a dateline below the
headline, byline or a masthead ("MOGADISHU, Somalia (AP) —" on the fifth line, "SANTO
DOMINGO. —" under "DIARIO DEL CARIBE — ENGLISH EDITION"), and the bare forces ("the army")
that stand for that country's forces rather than for a group with the word in its name."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from kg.extract._context import _DATELINE, Ref, _country_named, home_country, words
from kg.extract._lexicon import load_lexicon, token_norms

OPS = "operations.yaml"
# "SANTO DOMINGO. —": a full stop after the city, blanked (same length) before the dateline is read
_CITY_STOP = re.compile(r"^(\s*[A-ZÀ-Þ][A-ZÀ-Þ .'\-]+?)\.(\s*[\u2014\u2013-]\s)")


def prime_dateline(doc: Doc) -> None:
    """A dateline below the headline and byline ("MOGADISHU, Somalia (AP) —" on the fifth
    line): the story is told from there too, as with one on the first line (the cache that
    :func:`kg.extract._context.home_country` reads is filled from it)."""
    if home_country(doc) is not None:
        return  # (a dateline of no known place, "SANTO DOMINGO. —", is read again here)
    text, offset = doc.user_data.get("kg.text") or doc.text, 0
    reach = int(load_lexicon(OPS)["dateline_lines"])
    for line in text[: int(load_lexicon(OPS)["dateline_chars"])].split("\n")[:reach]:
        m = _DATELINE.match(_CITY_STOP.sub(r"\1 \2", line))  # "SANTO DOMINGO. —" (same length)
        if m and len(m.group("city").strip()) > 2:
            home = (_country_named(m.group("country")) if m.group("country") else None) or \
                _country_named(m.group("city").title())
            end = doc.char_span(offset, offset + m.end(), alignment_mode="expand")
            if home is not None and end is not None:
                doc.user_data["kg.ops.home"], doc.user_data["kg.ops.dateline_end"] = home, end.end
                return  # (a masthead above it, "DIARIO DEL CARIBE — ENGLISH EDITION", names no place)
        offset += len(line) + 1


def state_force_refs(doc: Doc, refs: list[Ref]) -> list[Ref]:
    """Refs without a bare "the army" or "the police" resolved to a group that merely has the
    word in its name ("the army" after "National Liberation Army"): in a story told from a
    country they are its forces (see ``bare_force_refs``)."""
    if home_country(doc) is None:
        return refs
    bare, norms = words("bare_forces"), token_norms(doc)
    return [r for r in refs if not (
        r.end - r.start == 2 and norms[r.start] == "the" and norms[r.start + 1] in bare
        and r.actor.type != "Country" and not r.actor.government)]
