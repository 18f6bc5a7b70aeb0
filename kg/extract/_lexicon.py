"""Loading the YAML lexicons of the fact extractors and compiling their token patterns.

Patterns are data. A pattern is either a raw spaCy ``Matcher`` pattern (a list of token dicts)
or a compact string: tokens separated by spaces, each token a ``|``-separated list of lower-case
norms (``strike|strikes``), optionally suffixed with ``?`` (optional), ``*`` or ``+``; a lone
``.`` stands for any token, ``#`` for a number-like token and ``~`` for a word inside a noun
phrase (any word but ``phrase_breakers``, prepositions and punctuation, ``clauses.yaml``). Matching is on ``NORM`` so that
contractions read as words (``'ll`` -> ``will``, ``n't`` -> ``not``, ``gon na`` -> ``going to``).
"""

from __future__ import annotations

import ast
from functools import lru_cache
from typing import Any

import yaml
from spacy.attrs import IS_ALPHA, IS_DIGIT, IS_LOWER, IS_PUNCT, IS_TITLE, IS_UPPER, LIKE_NUM, LOWER, NORM, ORTH
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from kg.errors import KgError
from kg.nlp.quotes import positions_index
from kg.resources import lexicon_path


# libyaml's safe loader when PyYAML has it: the same data, ten times faster than the pure-Python
# one (loading the lexicons was a tenth of a process's start-up).
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LexiconError(KgError):
    """A lexicon file of the fact extractors is missing or malformed."""


@lru_cache(maxsize=None)
def load_lexicon(filename: str) -> dict[str, Any]:
    """Read one YAML lexicon from ``kg/lexicons`` (cached; the files are package data)."""
    path = lexicon_path(filename)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
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


@lru_cache(maxsize=None)
def word_union(*lists: tuple[str, str]) -> frozenset[str]:
    """The union of several word lists, each (lexicon file, key), made once: rules that ask
    for the same union at every trigger spent microseconds joining sets each time."""
    return frozenset().union(*(word_set(filename, key) for filename, key in lists))


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
        elif body == "~":
            spec = {"NORM": {"NOT_IN": _phrase_breakers()}}
        else:
            spec = {"NORM": {"IN": [alt.lower() for alt in body.split("|")]}}
        if op:
            spec["OP"] = op
        tokens.append(spec)
    if not tokens:
        raise LexiconError(f"empty pattern {pattern!r}")
    return tokens


@lru_cache(maxsize=1)
def _phrase_breakers() -> list[str]:
    """The norms a ``~`` pattern token never matches: the words ending a noun phrase."""
    return sorted(word_set("clauses.yaml", "phrase_breakers") | word_set("clauses.yaml", "prepositions"))


def build_matcher(doc: Doc, entries: dict[str, list]) -> "TokenMatcher":
    """A matcher over ``doc``'s vocab with one rule per key of ``entries`` (key -> patterns).

    It is called like a spaCy ``Matcher`` (``matcher(doc)`` -> ``(match_id, start, end)``, the
    ids in ``doc.vocab.strings``) and finds the same matches, in text order; compiled once per
    set of patterns, since the lexicons are fixed."""
    for key in entries:
        doc.vocab.strings.add(key)
    # The lexicons are cached, so the same pattern objects come back for every Doc: a key of
    # their identities is found without writing out every pattern (the entry keeps them alive,
    # so no identity is reused meanwhile); anything else goes through the text of the patterns.
    values = tuple(entries.values())
    if not all(type(v) is list for v in values):
        return _compiled_matcher(repr(sorted(entries.items())), doc.vocab)
    ident = (id(doc.vocab), tuple(entries), tuple(tuple(map(id, v)) for v in values))
    found = _BY_IDENTITY.get(ident)
    if found is None:
        if len(_BY_IDENTITY) >= 64:
            _BY_IDENTITY.clear()
        matcher = _compiled_matcher(repr(sorted(entries.items())), doc.vocab)
        found = _BY_IDENTITY[ident] = (doc.vocab, tuple(map(tuple, values)), matcher)
    return found[2]


# identities of (vocab, keys, pattern objects) -> (the vocab and patterns, kept alive; matcher)
_BY_IDENTITY: dict[tuple, tuple] = {}


@lru_cache(maxsize=64)
def _compiled_matcher(entries_repr: str, vocab) -> "TokenMatcher":
    return TokenMatcher(vocab, dict(ast.literal_eval(entries_repr)))


class TokenMatcher:
    """spaCy ``Matcher`` semantics for the patterns the lexicons use, without its cost.

    spaCy's Matcher tries every pattern at every token and runs a Python predicate for each
    ``IN`` test. Here each pattern is expanded into its fixed-length forms (every choice of its
    optional tokens) and the forms are indexed by the norms their first token may have, so only
    the few forms that can start at a token are tried there (and, of those, only the ones whose
    next norm test allows the norm found where it applies). Token specs supported: ``{}``,
    ``NORM``/``LOWER``/``ORTH`` (a string, ``IN``, ``NOT_IN``), ``LIKE_NUM``/``IS_TITLE``/
    ``IS_DIGIT``/``IS_PUNCT``/``IS_LOWER``/``IS_UPPER``/``IS_ALPHA`` (booleans), with ``OP``
    ``?`` or none. Keys with any other pattern go to a spaCy Matcher of their own."""

    def __init__(self, vocab, entries: dict[str, list]):
        self.index: dict[int, list[tuple[int, tuple]]] = {}  # first norm -> (key id, form)
        self.anywhere: list[tuple[int, tuple]] = []  # forms whose first token is no norm test
        self.headed: dict[int, list[tuple[int, tuple]]] = {}  # first norm -> (key id, whole form)
        self.attrs: set[int] = {NORM}
        fallback: dict[str, list] = {}
        for key, patterns in sorted(entries.items()):
            compiled = [compile_pattern(p) for p in patterns]
            forms = [_forms(p) for p in compiled]
            if any(f is None for f in forms):
                fallback[key] = compiled
                continue
            key_id = get_string_id(key)
            for form in sorted({f for fs in forms for f in fs}, key=repr):
                self._add(key_id, form)
        self.fallback = None
        if fallback:
            self.fallback = Matcher(vocab)
            for key, compiled in fallback.items():
                self.fallback.add(key, compiled)
        self.steps = {value: _split_forms(forms) for value, forms in self.index.items()}

    def _add(self, key_id: int, form: tuple) -> None:
        self.attrs.update(a for attr, kind, values in form
                          for a in ((t[0] for t in values) if kind == _ALL else (attr,)))
        attr, kind, values = form[0]
        head = next((t for t in values if t[0] == NORM and t[1] == _IN), None) if kind == _ALL else None
        if attr == NORM and kind == _IN:
            for value in values:  # the first token is known to match where the index points
                self.index.setdefault(value, []).append((key_id, form[1:]))
        elif head is not None:  # several tests on the first token, one of them its norm
            for value in head[2]:
                self.headed.setdefault(value, []).append((key_id, form))
        else:
            self.anywhere.append((key_id, form))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        columns = _doc_columns(doc, self.attrs)
        n = len(doc)
        found: set[tuple[int, int, int]] = set()
        # Only the tokens whose norm starts some form: looked up in the Doc's norm -> positions
        # table (built once per Doc, shared by every matcher), not token by token.
        positions = _norm_positions(doc)
        norms = columns[NORM]
        steps = self.steps
        for value in steps.keys() & positions.keys():
            singles, filtered, others = steps[value]
            for i in positions[value]:
                for key_id in singles:  # a one-token form fits where the index points
                    found.add((key_id, i, i + 1))
                # forms with a later norm test: only those allowing the norm found there
                for at, table in filtered:
                    if i + at < n:
                        for key_id, rest in table.get(norms[i + at], ()):
                            end = i + 1 + len(rest)
                            if end <= n and _fits(rest, columns, i + 1):
                                found.add((key_id, i, end))
                for key_id, rest in others:
                    end = i + 1 + len(rest)
                    if end <= n and _fits(rest, columns, i + 1):
                        found.add((key_id, i, end))
        for value in self.headed.keys() & positions.keys():  # the first token's other tests too
            for i in positions[value]:
                for key_id, form in self.headed[value]:
                    if i + len(form) <= n and _fits(form, columns, i):
                        found.add((key_id, i, i + len(form)))
        for key_id, form in self.anywhere:
            for i in range(n - len(form) + 1):
                if _fits(form, columns, i):
                    found.add((key_id, i, i + len(form)))
        if self.fallback is not None:
            found.update(self.fallback(doc))
        return sorted(found, key=lambda m: (m[1], m[2], m[0]))


_IN, _NOT_IN, _IS, _ALL = 0, 1, 2, 3  # _ALL: (NORM, _ALL, tests of one token, all to pass)
_STRING_ATTRS = {"NORM": NORM, "LOWER": LOWER, "ORTH": ORTH}
_FLAG_ATTRS = {"LIKE_NUM": LIKE_NUM, "IS_TITLE": IS_TITLE, "IS_DIGIT": IS_DIGIT, "IS_PUNCT": IS_PUNCT,
               "IS_LOWER": IS_LOWER, "IS_UPPER": IS_UPPER, "IS_ALPHA": IS_ALPHA}
MAX_OPTIONAL = 8  # more optional tokens in one pattern: spaCy's Matcher takes it


def _forms(pattern: list[dict]) -> set[tuple] | None:
    """The fixed-length forms of a pattern, each a tuple of (attribute, test, values), empty
    forms left out (spaCy never returns an empty match); None when unsupported."""
    forms: list[tuple] = [()]
    optional = 0
    for token in pattern:
        token = dict(token)
        op = token.pop("OP", None)
        test = _token_test(token) if op in (None, "?") else None
        if test is None:
            return None
        optional += op == "?"
        if optional > MAX_OPTIONAL:
            return None
        forms = [f + (test,) for f in forms] + (forms if op == "?" else [])
    return {f for f in forms if f}


def _token_test(token: dict) -> tuple | None:
    """(attribute, test, values) of a token spec; ``{}`` is NOT_IN nothing; a spec of several
    attributes is (NORM, _ALL, their tests)."""
    if not token:
        return (NORM, _NOT_IN, frozenset())
    if len(token) > 1:
        tests = tuple(_token_test({name: value}) for name, value in sorted(token.items()))
        return None if None in tests else (NORM, _ALL, tests)
    (name, value), = token.items()
    if name in _STRING_ATTRS:
        if isinstance(value, str):
            return (_STRING_ATTRS[name], _IN, frozenset({get_string_id(value)}))
        if isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"}:
            (how, words), = value.items()
            if all(isinstance(w, str) for w in words):
                return (_STRING_ATTRS[name], _IN if how == "IN" else _NOT_IN,
                        frozenset(get_string_id(w) for w in words))
        return None
    if name in _FLAG_ATTRS and isinstance(value, bool):
        return (_FLAG_ATTRS[name], _IS, int(value))
    return None


def _doc_columns(doc: Doc, attrs: set[int]) -> dict[int, list[int]]:
    """Token attribute values (string ids, flags) by attribute, read once per Doc."""
    columns = doc.user_data.setdefault("kg.token_attrs", {})
    missing = sorted(a for a in attrs if a not in columns)
    if missing:
        values = doc.to_array(missing).reshape(len(doc), len(missing)).T.tolist() if len(doc) else \
            [[] for _ in missing]
        columns.update(zip(missing, values))
    return columns


def _norm_positions(doc: Doc) -> dict[int, list[int]]:
    """NORM id -> the indices of the tokens with that norm, ascending (once per Doc)."""
    positions = doc.user_data.get("kg.norm_positions")
    if positions is None:
        positions = doc.user_data["kg.norm_positions"] = positions_index(_doc_columns(doc, {NORM})[NORM])
    return positions


def _split_forms(forms: list[tuple[int, tuple]]) -> tuple[tuple, tuple, tuple]:
    """The forms of one first norm, split for ``TokenMatcher.__call__``: the key ids of
    one-token forms; the forms with a norm test after the first token, by that test's offset
    from the first token and then by the norms it allows (a form is tried only where one of
    them stands, then tested whole); the other forms."""
    singles: list[int] = []
    filtered: dict[int, dict[int, list[tuple[int, tuple]]]] = {}
    others: list[tuple[int, tuple]] = []
    for key_id, rest in forms:
        at = next((k for k, (attr, kind, _values) in enumerate(rest) if attr == NORM and kind == _IN), None)
        if not rest:
            singles.append(key_id)
        elif at is None:
            others.append((key_id, rest))
        else:
            table = filtered.setdefault(at + 1, {})
            for value in rest[at][2]:
                table.setdefault(value, []).append((key_id, rest))
    return tuple(singles), tuple(sorted(filtered.items())), tuple(others)


def _fits(form: tuple, columns: dict[int, list[int]], i: int) -> bool:
    """Whether the tokens from ``i`` on pass every test of ``form``."""
    for k, (attr, kind, values) in enumerate(form):
        value = columns[attr][i + k]
        if kind == _IN:
            if value not in values:
                return False
        elif kind == _NOT_IN:
            if value in values:
                return False
        elif kind == _IS:
            if value != values:
                return False
        elif not all(_fits((test,), columns, i + k) for test in values):
            return False
    return True


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


def token_norms(doc: Doc) -> list[str]:
    """``norm(token)`` of every token of ``doc``, read once per Doc."""
    norms = doc.user_data.get("kg.norms")
    if norms is None:
        strings, texts = doc.vocab.strings, _NORM_TEXTS  # the NORM ids the matchers read: no Token built
        norms = doc.user_data["kg.norms"] = [texts.get(h) or _norm_text(h, strings)
                                             for h in _doc_columns(doc, {NORM})[NORM]]
    return norms


# NORM id -> its lower-case text with straight apostrophes: a norm id always names the same
# string, so the table stays right across Docs; it is emptied when it grows past the limit.
_NORM_TEXTS: dict[int, str] = {}
_NORM_TEXTS_LIMIT = 200_000


def _norm_text(norm_id: int, strings) -> str:
    """The text of a NORM id as ``norm`` gives it, remembered in ``_NORM_TEXTS``."""
    if len(_NORM_TEXTS) >= _NORM_TEXTS_LIMIT:
        _NORM_TEXTS.clear()
    text = _NORM_TEXTS[norm_id] = strings[norm_id].lower().replace("\u2019", "'")
    return text


def norm(token) -> str:
    """The lower-case norm of a token (straight apostrophes)."""
    norm_id = token.norm
    try:  # called for thousands of tokens per article: a subscript, not a method call
        return _NORM_TEXTS[norm_id]
    except KeyError:
        return _norm_text(norm_id, token.vocab.strings)
