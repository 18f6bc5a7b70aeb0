"""The tokenizer's suffix and infix patterns with a lookahead for the characters a match starts with.

spaCy's suffix and infix patterns are alternations of a hundred pieces with no common start, so
Python's regular expression engine tries every piece at every position of a word (most of the
tokenizer's time on words it has not cached). Every match of such a pattern consumes a first
character from a set that can be read off the parsed pattern; ``(?=[set])(?:pattern)`` then finds
exactly the same matches, and rejects any other position with one test. When the set cannot be
read (a piece that may match the empty string, ``.``, a negated class, case-insensitive
matching, a conditional group), :func:`with_first_chars` returns the pattern as it is.
"""

from __future__ import annotations

import re
from re import _constants as sre  # the parsed form of a pattern, as re itself reads it
from re import _parser

_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
SHORT_CLASS = 4  # items of a lookbehind class worth a guard of its own (``[0-9]``: one range)


def with_first_chars(pattern: re.Pattern) -> re.Pattern:
    """``pattern`` behind a lookahead for the first character of its matches (same matches,
    same groups), or ``pattern`` itself when that character set cannot be read."""
    if not isinstance(pattern.pattern, str) or pattern.flags & (re.IGNORECASE | re.LOCALE):
        return pattern
    try:
        gate = _gate(_parser.parse(pattern.pattern, pattern.flags).data)
        return pattern if gate is None else re.compile(f"(?:{gate})(?:{pattern.pattern})", pattern.flags)
    except (re.error, ValueError, TypeError, AttributeError):  # inline global flags and the like
        return pattern


def _gate(data) -> str | None:
    """The lookahead: ``(?=[first characters])`` of the alternatives, and for those that open
    with a one-character lookbehind (a unit after a digit: ``(?<=[0-9])km``) that lookbehind
    with their own first characters; None when some alternative cannot be read."""
    whole = len(data) == 1 and data[0][0] is sre.BRANCH
    plain: list[str] = []
    guarded: dict[str, list[str]] = {}
    for items in (alternative.data for alternative in data[0][1][1]) if whole else [data]:
        found = _firsts(items)
        if found is None or found[1] or not found[0]:
            return None  # unreadable, or some match may be empty
        guard = _lookbehind(items[0])
        (plain if guard is None else guarded.setdefault(guard, [])).extend(found[0])
    terms = [f"(?=[{_joined(plain)}])"] if plain else []
    for guard, chars in guarded.items():  # characters the first lookahead takes need no guard
        rest = [c for c in chars if c not in plain]
        terms += [f"(?<={guard})(?=[{_joined(rest)}])"] if rest else []
    return "|".join(terms)


def _lookbehind(item) -> str | None:
    """``[class]`` of a lookbehind of one character from a short class (``(?<=[0-9])``),
    else None."""
    op, av = item
    if op is not sre.ASSERT or av[0] != -1 or len(av[1].data) != 1:
        return None
    inner_op, inner = av[1].data[0]
    if inner_op is sre.LITERAL:
        return f"[{_char(inner)}]"
    chars = _class(inner) if inner_op is sre.IN else None
    # a long class ("any letter") costs more to test at each position than it saves
    return None if chars is None or len(chars) > SHORT_CLASS else f"[{''.join(chars)}]"


def _joined(parts: list[str]) -> str:
    return "".join(dict.fromkeys(parts))  # each once, in order


def _firsts(items) -> tuple[list[str], bool] | None:
    """(class items for the first character a match of ``items`` consumes, whether the
    sequence may consume nothing), or None when that cannot be read."""
    parts: list[str] = []
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # ^, $, \b, lookarounds: the next item consumes the first character
        if op is sre.LITERAL:
            return parts + [_char(av)], False
        if op is sre.IN:
            chars = _class(av)
            return (None if chars is None else (parts + chars, False))
        if op is sre.SUBPATTERN or op is sre.ATOMIC_GROUP:
            if op is sre.SUBPATTERN and av[1] & (re.IGNORECASE | re.LOCALE):
                return None
            inner = _firsts(av[-1] if op is sre.SUBPATTERN else av)
        elif op is sre.BRANCH:
            inner = _branch(av[1])
        elif op in _REPEATS:
            inner = _firsts(av[2])
            inner = inner if inner is None or av[0] > 0 else (inner[0], True)
        else:
            return None  # ., negated literals, back references, conditionals
        if inner is None:
            return None
        parts += inner[0]
        if not inner[1]:
            return parts, False
    return parts, True


def _branch(alternatives) -> tuple[list[str], bool] | None:
    parts: list[str] = []
    empty = False
    for alternative in alternatives:
        inner = _firsts(alternative.data if hasattr(alternative, "data") else alternative)
        if inner is None:
            return None
        parts += inner[0]
        empty = empty or inner[1]
    return parts, empty


def _class(items) -> list[str] | None:
    out = []
    for op, av in items:
        if op is sre.LITERAL:
            out.append(_char(av))
        elif op is sre.RANGE:
            out.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is sre.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:
            return None  # a negated class, or a category this module does not write
    return out


def _char(code: int) -> str:
    return f"\\U{code:08x}"
