"""A pattern that starts with a look-around or an optional part, given a test of its first character.

Python's ``re`` skips quickly to where a match can start only when the pattern opens with a literal or a
character class. A pattern opening with ``\\b``, a look-behind (``(?<!\\w)``) or an optional group
(``(?:on\\s+)?Monday``) is instead tried in full at every position of the text: for a long alternation
of month or weekday names that is most of the time :mod:`proscribe.news.dates` and
:mod:`proscribe.news.jurisdictions` spend searching. :func:`first_char_gate` reads, from the pattern's
parse tree, the set of characters every match must start with and puts a look-ahead for that set in
front: the same matches (same spans, same groups), found several times faster, since a failed position
now costs one character test.
"""

from __future__ import annotations

import functools
import importlib
import re
from typing import Any

# The parser the re module itself uses (private, as in proscribe.news.gates: the only parse of a pattern there is).
_sre_parse: Any = importlib.import_module("re._parser")
_sre: Any = importlib.import_module("re._constants")

_CATEGORIES = {
    _sre.CATEGORY_DIGIT: r"\d",
    _sre.CATEGORY_NOT_DIGIT: r"\D",
    _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_NOT_SPACE: r"\S",
    _sre.CATEGORY_WORD: r"\w",
    _sre.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = tuple(
    op
    for op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None))
    if op is not None
)
_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)
_ATOMIC = getattr(_sre, "ATOMIC_GROUP", None)
# Flags a scoped group may change that the look-ahead must follow: only case (the others do not change what one
# character of a class matches).
_CASE = re.IGNORECASE
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


class _Unknown(Exception):
    """An item whose first character this module does not work out (``.``, a negated class, a back-reference)."""


# First characters by the case flag they are matched under (a scoped "(?i:...)" group differs from its pattern).
_Firsts = dict[int, set[str]]


def _member(code: int) -> str:
    return "\\" + chr(code) if chr(code) in "-]\\^[" else re.escape(chr(code))


def _sequence(items: Any, flags: int, firsts: _Firsts) -> bool:
    """Add the first characters of a concatenation to ``firsts``; True when it can match the empty string."""
    for op, argument in items:
        if op in _ZERO_WIDTH:
            continue  # "\b" and look-arounds consume nothing: the next item gives the first character
        if not _item(op, argument, flags, firsts):
            return False
    return True


def _item(op: Any, argument: Any, flags: int, firsts: _Firsts) -> bool:
    """Add the first characters of one parsed item to ``firsts``; True when it can match the empty string."""
    if op == _sre.LITERAL:
        firsts.setdefault(flags, set()).add(_member(argument))
        return False
    if op == _sre.IN:
        members: set[str] = set()
        for kind, value in argument:
            if kind == _sre.LITERAL:
                members.add(_member(value))
            elif kind == _sre.RANGE:
                members.add(f"{_member(value[0])}-{_member(value[1])}")
            elif kind == _sre.CATEGORY and value in _CATEGORIES:
                members.add(_CATEGORIES[value])
            else:
                raise _Unknown(kind)  # a negated class or a category without an escape
        firsts.setdefault(flags, set()).update(members)
        return False
    if op == _sre.SUBPATTERN:
        _, added, removed, body = argument
        if (added | removed) & ~_CASE:
            raise _Unknown(op)
        return _sequence(body, (flags | added) & ~removed, firsts)
    if op == _sre.BRANCH:
        empty = False
        for alternative in argument[1]:
            empty = _sequence(alternative, flags, firsts) or empty
        return empty
    if op in _REPEATS:
        least, _, body = argument
        return _sequence(body, flags, firsts) or least == 0
    if _ATOMIC is not None and op == _ATOMIC:
        return _sequence(argument, flags, firsts)
    raise _Unknown(op)


def _needs_gate(items: Any) -> bool:
    """Whether ``re`` itself finds no quick start for the pattern: its first item, or the first item of one of its
    alternatives, is zero-width or optional."""
    if not items:
        return False
    op, argument = items[0]
    if op in _ZERO_WIDTH or (op in _REPEATS and argument[0] == 0):
        return True
    if op == _sre.SUBPATTERN:
        return bool(argument[1] | argument[2]) or _needs_gate(argument[3])
    if op == _sre.BRANCH:
        return any(_needs_gate(alternative) for alternative in argument[1])
    return False


_GATED: set[re.Pattern[str]] = set()


@functools.lru_cache(maxsize=512)  # asked again per text for a pattern kept elsewhere
def first_char_gate(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with a look-ahead for the characters its matches start with in front, or ``pattern`` itself
    when ``re`` already skips to where a match can start, when a match can be empty, or when the first character
    is not worked out here. The result finds exactly the same matches, groups and all."""
    source = pattern.pattern
    if pattern in _GATED or pattern.flags & re.VERBOSE or _GLOBAL_FLAGS.match(source):
        return pattern
    base = pattern.flags & _CASE
    parsed = _sre_parse.parse(source, pattern.flags)
    firsts: _Firsts = {}
    try:
        if _sequence(parsed, base, firsts):
            return pattern  # a match may be empty: it may start anywhere
    except _Unknown:
        return pattern
    # Ignoring case, ``re`` skips ahead only to a literal or class without letters; else only when the pattern
    # opens with one.
    cased = any(member.lower() != member.upper() for members in firsts.values() for member in members)
    if not (_needs_gate(parsed) or (base and cased)):
        return pattern
    tests: list[str] = []
    for flags, members in sorted(firsts.items()):
        char_class = "[" + "".join(sorted(members)) + "]"
        if flags == base:
            tests.append(char_class)
        else:
            tests.append(f"(?i:{char_class})" if flags & _CASE else f"(?-i:{char_class})")
    # A non-capturing group around the pattern: its groups keep their numbers and names.
    gated = re.compile(f"(?={'|'.join(tests)})(?:{source})", pattern.flags)
    _GATED.add(gated)
    return gated
