"""Loading the YAML lexicons of the fact extractors and compiling their token patterns.

Patterns are data. A pattern is either a raw spaCy ``Matcher`` pattern (a list of token dicts)
or a compact string: tokens separated by spaces, each token a ``|``-separated list of lower-case
norms (``strike|strikes``), optionally suffixed with ``?`` (optional), ``*`` or ``+``; a lone
``.`` stands for any token and ``#`` for a number-like token. Matching is on ``NORM`` so that
contractions read as words (``'ll`` -> ``will``, ``n't`` -> ``not``, ``gon na`` -> ``going to``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from kg.errors import KgError
from kg.resources import lexicon_path


class LexiconError(KgError):
    """A lexicon file of the fact extractors is missing or malformed."""


@lru_cache(maxsize=None)
def load_lexicon(filename: str) -> dict[str, Any]:
    """Read one YAML lexicon from ``kg/lexicons`` (cached; the files are package data)."""
    path = lexicon_path(filename)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"cannot read lexicon {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise LexiconError(f"lexicon {path} must be a mapping")
    return data


@lru_cache(maxsize=None)
def word_set(filename: str, key: str) -> frozenset[str]:
    """A lexicon list as a set of lower-case words."""
    values = load_lexicon(filename).get(key, ())
    if any(not isinstance(w, str) for w in values):  # YAML reads a bare on/off/no as a boolean
        raise LexiconError(f"lexicon {filename} list {key!r} must hold quoted strings only")
    return frozenset(w.lower() for w in values)


def compile_pattern(pattern: str | list) -> list[dict]:
    """Turn a compact pattern string (or a raw Matcher pattern) into a Matcher pattern."""
    if isinstance(pattern, list):
        return pattern
    tokens: list[dict] = []
    for item in str(pattern).split():
        op = item[-1] if item[-1] in "?*+" and len(item) > 1 else ""
        body = item[:-1] if op else item
        if body == ".":
            spec: dict = {}
        elif body == "#":
            spec = {"LIKE_NUM": True}
        else:
            spec = {"NORM": {"IN": [alt.lower() for alt in body.split("|")]}}
        if op:
            spec["OP"] = op
        tokens.append(spec)
    if not tokens:
        raise LexiconError(f"empty pattern {pattern!r}")
    return tokens


def build_matcher(doc: Doc, entries: dict[str, list]) -> Matcher:
    """A Matcher over ``doc``'s vocab with one rule per key of ``entries`` (key -> patterns)."""
    matcher = Matcher(doc.vocab)
    for key, patterns in sorted(entries.items()):
        matcher.add(key, [compile_pattern(p) for p in patterns])
    return matcher


def longest_matches(doc: Doc, matcher: Matcher) -> list[tuple[str, Span]]:
    """Matches as (rule key, span), longest first on overlap, then in text order."""
    found = [(doc.vocab.strings[mid], doc[s:e]) for mid, s, e in matcher(doc)]
    found.sort(key=lambda item: (-(item[1].end - item[1].start), item[1].start, item[0]))
    taken: set[int] = set()
    kept: list[tuple[str, Span]] = []
    for key, span in found:
        if taken.intersection(range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        kept.append((key, span))
    return sorted(kept, key=lambda item: (item[1].start, item[0]))


def norm(token) -> str:
    """The lower-case norm of a token (straight apostrophes)."""
    return token.norm_.lower().replace("\u2019", "'")
