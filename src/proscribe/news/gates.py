"""Cheap exact pre-checks for costly per-sentence patterns: the literal text every match must contain.

A pattern such as ``\\bremov(?:e|ed)\\b[^.]{0,90}?\\bfrom\\s+...`` cannot match a sentence that lacks
"remov"; finding that out with ``str.__contains__`` (C, a few hundred nanoseconds) costs far less than
running the pattern, whose alternatives, look-behinds and bounded gaps are tried at every position.
:func:`required_literals` reads the literals off the compiled pattern itself (its parse tree), so the
check follows the pattern whenever a rule is edited and never needs a hand-kept anchor list; it is a
necessary condition only, so a gated pattern finds exactly what it found before.

The check runs on the lower-cased sentence. Python's case-insensitive matching and ``str.lower`` agree
on every character except a few (Turkish dotted I, the Greek final sigma, characters the ``re`` module
treats as case variants such as the long s): a sentence holding one of those is never gated
(:func:`gate_safe`).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from typing import Any

# The parser the re module itself uses (private, but the only parse of a pattern there is; the public
# sre_parse alias is deprecated). Imported by name so that the type checker does not look for stubs.
_sre_parse: Any = importlib.import_module("re._parser")
_sre_constants: Any = importlib.import_module("re._constants")

_FEW_LITERALS = 4
# Shorter literals are too common to be worth a test.
MIN_LITERAL = 3
# Characters on which ``str.lower`` and the ``re`` module's case folding may disagree (see the module notes).
_UNSAFE = re.compile(
    "[\u0130\u0131\u017f\u00b5\u0345\u0390\u03b0\u0392-\u03a9\u03b2-\u03c9\u03d0-\u03f5\u1e61\u1e9b\u1fbe\u1fd3\u1fe3\ufb05\ufb06]"
)

_LITERAL = _sre_constants.LITERAL
_SUBPATTERN = _sre_constants.SUBPATTERN
_BRANCH = _sre_constants.BRANCH
_REPEATS = (
    _sre_constants.MAX_REPEAT,
    _sre_constants.MIN_REPEAT,
    getattr(_sre_constants, "POSSESSIVE_REPEAT", None),
)
_ZERO_WIDTH = (_sre_constants.AT, _sre_constants.ASSERT, _sre_constants.ASSERT_NOT)
_ATOMIC = getattr(_sre_constants, "ATOMIC_GROUP", None)

Required = frozenset[str] | None  # a match holds one of these strings; None: nothing known


def _better(one: Required, other: Required) -> Required:
    """The more selective of two requirements: longer shortest literal, then fewer literals."""
    if one is None:
        return other
    if other is None:
        return one
    rank_one = (min(len(s) for s in one), -len(one))
    rank_other = (min(len(s) for s in other), -len(other))
    return one if rank_one >= rank_other else other


def _sequence(items: Any) -> Required:
    """What a concatenation of parsed items requires: its best literal run or its best required part."""
    best: Required = None
    run = ""
    for op, argument in items:
        if op == _LITERAL:
            run += chr(argument).lower()
            continue
        if op in _ZERO_WIDTH:
            continue  # "\b", "^" and look-arounds consume nothing: the literal run goes on across them
        if run:
            best = _better(best, frozenset({run}))
        run = ""
        if op == _SUBPATTERN:
            best = _better(best, _sequence(argument[-1]))
        elif op == _ATOMIC:
            best = _better(best, _sequence(argument))
        elif op == _BRANCH:
            best = _better(best, _branch(argument[1]))
        elif op in _REPEATS and argument[0] >= 1:
            best = _better(best, _sequence(argument[2]))
    if run:
        best = _better(best, frozenset({run}))
    return best


def _branch(alternatives: Any) -> Required:
    union: set[str] = set()
    for alternative in alternatives:
        required = _sequence(alternative)
        if required is None:
            return None
        union |= required
    return frozenset(union)


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-cased strings one of which every match of ``pattern`` contains, or None when the pattern
    has no such literal of at least :data:`MIN_LITERAL` characters (or one with a character the lower-case
    test cannot judge)."""
    required = _sequence(_sre_parse.parse(pattern.pattern, pattern.flags))
    if required is None or min(len(s) for s in required) < MIN_LITERAL:
        return None
    if any(_UNSAFE.search(s) for s in required):
        return None
    # A literal that holds another one adds nothing: the shorter is found wherever the longer is.
    return frozenset(s for s in required if not any(o != s and o in s for o in required))


def gate_safe(lowered: str, original_length: int) -> bool:
    """Whether the lower-case test of :class:`Gate` is exact for this sentence (see the module notes)."""
    return len(lowered) == original_length and _UNSAFE.search(lowered) is None


class Gate:
    """The literal pre-check of one pattern: ``may_match(lowered)`` is False only when the pattern
    cannot match the sentence whose lower-cased text is ``lowered`` (given :func:`gate_safe`)."""

    __slots__ = ("_search", "literals")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.literals = required_literals(pattern)
        # A few literals: a substring test each; many: one search of their trie.
        self._search = (
            re.compile(trie_alternation(sorted(self.literals))).search
            if self.literals is not None and len(self.literals) > _FEW_LITERALS
            else None
        )

    def may_match(self, lowered: str) -> bool:
        if self.literals is None:
            return True
        if self._search is not None:
            return self._search(lowered) is not None
        return any(literal in lowered for literal in self.literals)


# A compiled pattern's hash and equality read its whole compiled code (tens of microseconds for a long alternation,
# every time), so the caches and memos here are keyed by the pattern object's id; each entry holds its pattern, which
# keeps the id from passing to another object.
_GATES: dict[int, tuple[re.Pattern[str], Gate]] = {}


def gate_for(pattern: re.Pattern[str]) -> Gate:
    """The (cached) :class:`Gate` of ``pattern``."""
    entry = _GATES.get(id(pattern))
    if entry is None:
        entry = _GATES[id(pattern)] = (pattern, Gate(pattern))
    return entry[1]


def trie_alternation(literals: Iterable[str]) -> str:
    """A pattern matching the same strings as ``a|b|...`` of the escaped ``literals`` sorted longest first,
    written as a trie ("ban(?:ned|s)?"): at each position the regex engine follows one branch instead of
    trying every literal, several times faster. At each start it matches the longest literal there."""
    root: dict[str, Any] = {}
    for literal in literals:
        node = root
        for char in literal:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        # Greedy "?": the longer literals below are tried before the one ending here.
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return emit(root)


class AnchorSets:
    """Which groups of plain anchors (substrings) a lower-cased text contains, found in one scan.

    Testing each group with its own search scans a sentence once per group; here one alternation of every
    anchor, longest first, is searched from each position where an anchor starts, so each start yields the
    longest anchor there, and the shorter ones at the same start are its prefixes, known in advance. The
    result is exactly the set of groups whose ``has_anchor`` test would succeed.
    """

    def __init__(self, groups: dict[str, tuple[str, ...]], *, shared: bool = False) -> None:
        anchors = sorted({a for group in groups.values() for a in group}, key=lambda a: (-len(a), a))
        self._pattern = re.compile(trie_alternation(anchors))
        self._groups_of = {
            anchor: frozenset(
                name for name, group in groups.items() if any(anchor.startswith(a) for a in group)
            )
            for anchor in anchors
        }
        self._every = frozenset(groups)
        self._last: tuple[str, frozenset[str]] = ("", frozenset())
        # ``shared``: asked about most sentences, so answered from one scan shared with the other such sets.
        self._shared = shared
        # Each anchor of the shared scan -> this set's groups with an anchor that is a prefix of it (filled when
        # the shared scan is built).
        self._groups_of_shared: dict[str, frozenset[str]] = {}
        if shared:
            _SHARED_SCAN.join(self)

    def present(self, lowered: str) -> frozenset[str]:
        """The names of the groups with an anchor in ``lowered``."""
        last = self._last  # one entry: the sentence loop asks about the same sentence twice in a row
        if last[0] is lowered or (len(last[0]) == len(lowered) and last[0] == lowered):
            return last[1]
        found: set[str] = set()
        if self._shared:
            groups_of = _SHARED_SCAN.groups_for(self)
            for anchor in _SHARED_SCAN.anchors_in(lowered):
                groups = groups_of.get(anchor)
                if groups is not None:
                    found |= groups
            shared = frozenset(found)
            self._last = (lowered, shared)
            return shared
        search = self._pattern.search
        match = search(lowered)
        while match is not None:
            found |= self._groups_of[match.group(0)]
            if len(found) == len(self._every):
                break
            match = search(lowered, match.start() + 1)
        result = frozenset(found)
        self._last = (lowered, result)
        return result


class _SharedAnchorScan:
    """One scan of a sentence for the anchors of every shared :class:`AnchorSets` (the action anchors, the date
    words, the pattern families): most sentences are asked about by several of them, and one scan of the union
    of their anchors costs about as much as the costliest one alone.

    The union is a trie alternation, searched again from the position after each match's start, so the scan
    finds, at every position where an anchor starts, the longest anchor of the union there; every anchor of one
    set that starts there is a prefix of it, so the groups of that set present in the sentence are exactly those
    found from these longest anchors.
    """

    _MAX_REMEMBERED = 32

    def __init__(self) -> None:
        self._members: list[AnchorSets] = []
        self._pattern: re.Pattern[str] | None = None
        # The anchors found in the latest sentences: the extractor asks about a sentence, then about the ones
        # after it, then about it again.
        self._remembered: dict[str, frozenset[str]] = {}

    def join(self, member: AnchorSets) -> None:
        self._members.append(member)
        self._pattern = None  # rebuilt with the new member's anchors when next asked
        self._remembered.clear()

    def _build(self) -> re.Pattern[str]:
        union = sorted({a for m in self._members for a in m._groups_of}, key=lambda a: (-len(a), a))
        for member in self._members:
            member._groups_of_shared = {}
            for anchor in union:
                groups = frozenset().union(
                    *(
                        member._groups_of[anchor[:k]]
                        for k in range(1, len(anchor) + 1)
                        if anchor[:k] in member._groups_of
                    )
                )
                if groups:
                    member._groups_of_shared[anchor] = groups
        # A plain trie, not one in a look-ahead: its search skips to the characters an anchor can start with.
        self._pattern = re.compile(trie_alternation(union))
        return self._pattern

    def groups_for(self, member: AnchorSets) -> dict[str, frozenset[str]]:
        if self._pattern is None:
            self._build()
        return member._groups_of_shared

    def anchors_in(self, lowered: str) -> frozenset[str]:
        """The longest anchor of the union at each position of ``lowered`` where one starts."""
        found = self._remembered.get(lowered)
        if found is None:
            pattern = self._pattern if self._pattern is not None else self._build()
            if len(self._remembered) >= self._MAX_REMEMBERED:
                self._remembered.clear()
            # The longest anchor at each start, the next search from the position after it (anchors overlap).
            anchors: set[str] = set()
            search = pattern.search
            match = search(lowered)
            while match is not None:
                anchors.add(match.group())
                match = search(lowered, match.start() + 1)
            found = self._remembered[lowered] = frozenset(anchors)
        return found


_SHARED_SCAN = _SharedAnchorScan()


def top_level_alternatives(source: str) -> list[str] | None:
    """The top-level alternatives of a pattern's source (``a|b(?:c|d)|e`` gives ``a``, ``b(?:c|d)``, ``e``),
    or None when it cannot be split safely (an unbalanced or conditional construct)."""
    parts: list[str] = []
    depth, start, index, in_class = 0, 0, 0, False
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            if char == "]":
                in_class = False
        elif char == "[":
            in_class = True
            # "[]...]" and "[^]...]": a "]" right after the opening is a member, not the end
            index += 2 if source[index + 1 : index + 2] == "^" else 1
            if source[index : index + 1] == "]":
                index += 1
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return None
        elif char == "|" and depth == 0:
            parts.append(source[start:index])
            start = index + 1
        index += 1
    if depth != 0 or in_class:
        return None
    parts.append(source[start:])
    return parts


def tail_from(pattern: re.Pattern[str], marker: str) -> re.Pattern[str] | None:
    """The last part of ``pattern``, from the last ``marker`` in its source on, as a pattern of its own: a
    necessary condition (every match of ``pattern`` holds a match of it) that a search can test before the whole
    pattern runs. None when the source does not split there into two whole parts in sequence (no ``marker``, a
    top-level alternation, a split inside a group, a class or an escape, a tail that needs the head's groups)."""
    source = pattern.pattern
    split = source.rfind(marker)
    if split <= 0:
        return None
    head, tail = source[:split], source[split:]
    whole = top_level_alternatives(source)
    parts = top_level_alternatives(head)
    if whole is None or len(whole) != 1 or parts is None or len(parts) != 1:
        return None
    if (len(head) - len(head.rstrip("\\"))) % 2 == 1:
        return None  # the marker's first character is escaped
    try:
        return re.compile(tail, pattern.flags)
    except re.error:
        return None


# Cut-down patterns compiled and kept per pattern (news and the development sets need a few dozen).
MAX_CUT_PATTERNS = 128


class Alternation:
    """A pattern without capturing groups, cut down for one sentence to the alternatives that can match it.

    An alternative whose required literals (:func:`required_literals`) are absent from the sentence fails
    at every position, so the regex engine's choice at each position, and so every match, is the same
    without it; a long alternation ("designated": almost two hundred phrasings in several languages) has
    only a handful of alternatives left for any one sentence and runs many times faster. The literals of
    every alternative are found in one trie scan (:class:`AnchorSets`). Only the whole match (``group(0)``,
    ``span``) is promised, so patterns with capturing groups are not cut.
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._alternatives: list[str] = []
        self._always: tuple[int, ...] = ()
        self._anchors: AnchorSets | None = None
        self._compiled: dict[tuple[int, ...], re.Pattern[str]] = {}
        self.literals: dict[str, tuple[str, ...]] = {}
        parts = top_level_alternatives(pattern.pattern) if pattern.groups == 0 else None
        if parts is None or len(parts) < 2 or "(?(" in pattern.pattern:
            return
        literals: dict[str, tuple[str, ...]] = {}
        always: list[int] = []
        for number, part in enumerate(parts):
            try:
                compiled = re.compile(part, pattern.flags)
            except re.error:
                return  # a part that only makes sense with the others (a global inline flag): never cut
            required = required_literals(compiled)
            if required is None:
                always.append(number)
            else:
                literals[str(number)] = tuple(required)
        if not literals:
            return
        self._alternatives = parts
        self._always = tuple(always)
        self._anchors = AnchorSets(literals)
        self.literals = literals  # alternative number (as a string) -> the literals one of which it needs

    def for_sentence(self, lowered: str, gated: bool) -> re.Pattern[str] | None:
        """The pattern to run on the sentence whose lower-cased text is ``lowered`` (None: no alternative can
        match); ``gated`` is :func:`gate_safe` of the sentence (when False, the whole pattern)."""
        if self._anchors is None or not gated:
            return self.pattern
        return self.cut(self._anchors.present(lowered))

    def cut(self, present: Iterable[str]) -> re.Pattern[str] | None:
        """The pattern for a sentence in which the alternatives named ``present`` (their numbers, as strings)
        have their literals: those and the ones that need none (None: no alternative can match)."""
        return self.cut_numbers([int(name) for name in present])

    def cut_numbers(self, present: Iterable[int]) -> re.Pattern[str] | None:
        """:meth:`cut` for the alternatives' numbers as numbers."""
        kept = tuple(sorted((*self._always, *present)))
        if not kept:
            return None
        if len(kept) == len(self._alternatives):
            return self.pattern
        compiled = self._compiled.get(kept)
        if compiled is None:
            if len(self._compiled) >= MAX_CUT_PATTERNS:
                # A text that keeps asking for new combinations (a crafted one) gets the whole pattern: its
                # cost stays what it was, and compiling stays bounded per process.
                return self.pattern
            compiled = re.compile("|".join(self._alternatives[i] for i in kept), self.pattern.flags)
            self._compiled[kept] = compiled
        return compiled


_ALTERNATIONS: dict[int, tuple[re.Pattern[str], Alternation]] = {}


def alternation_for(pattern: re.Pattern[str]) -> Alternation:
    """The (cached) :class:`Alternation` of ``pattern``."""
    entry = _ALTERNATIONS.get(id(pattern))
    if entry is None:
        entry = _ALTERNATIONS[id(pattern)] = (pattern, Alternation(pattern))
    return entry[1]


class SentenceTests:
    """Pattern tests on one sentence, each found at most once and skipped when the pattern cannot match.

    After an action phrase matches, a score of rule patterns (hedges, standing status, legislation, counts)
    ask about the same sentence, once per match; here each whole-sentence search runs once per sentence
    (memoised), only when the pattern's literals occur in it (:class:`Gate`), and a search of part of the
    sentence (a window before a verb) runs the pattern cut down to the alternatives whose literals occur
    in the sentence (:class:`Alternation`), which finds the same matches in any part of it.
    """

    __slots__ = ("_found", "_runnable", "_shared_scan", "gated", "lowered", "sentence")

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self.lowered = sentence.lower()
        self.gated = gate_safe(self.lowered, len(sentence))
        # By the pattern's id (see _GATES), with the pattern itself: only that same object is answered from them.
        self._found: dict[int, tuple[re.Pattern[str], bool]] = {}
        self._runnable: dict[int, tuple[re.Pattern[str], re.Pattern[str] | None]] = {}
        self._shared_scan: dict[int, list[int]] | None = None

    def search(self, pattern: re.Pattern[str]) -> bool:
        """Whether ``pattern.search(sentence)`` finds a match."""
        known = self._found.get(id(pattern))
        if known is not None and known[0] is pattern:
            return known[1]
        runnable = self.runnable(pattern)
        found = runnable is not None and runnable.search(self.sentence) is not None
        self._found[id(pattern)] = (pattern, found)
        return found

    def runnable(self, pattern: re.Pattern[str]) -> re.Pattern[str] | None:
        """A pattern that finds the same matches as ``pattern`` anywhere in the sentence (any slice of it,
        any ``pos``/``endpos``), or None when ``pattern`` cannot match in it at all."""
        known = self._runnable.get(id(pattern))
        if known is not None and known[0] is pattern:
            return known[1]
        number = _shared[0].number_of(pattern) if self.gated and _shared else None
        if number is not None:
            # One scan of the sentence serves every pattern declared with share_sentence_scan.
            if self._shared_scan is None:
                self._shared_scan = _shared[0].scan(self.lowered, True)
            shared = _shared[0].runnable(number, self._shared_scan)
            self._runnable[id(pattern)] = (pattern, shared)
            return shared
        runnable: re.Pattern[str] | None = pattern
        if self.gated:
            if not gate_for(pattern).may_match(self.lowered):
                runnable = None
            else:
                runnable = alternation_for(pattern).for_sentence(self.lowered, True)
        self._runnable[id(pattern)] = (pattern, runnable)
        return runnable


_last_tests: list[SentenceTests] = []
_shared: list[PatternFamily] = []  # at most one: the patterns share_sentence_scan declared


def share_sentence_scan(patterns: Iterable[re.Pattern[str]]) -> None:
    """Declare the patterns :class:`SentenceTests` is asked about for most sentences: the first question
    about one of them finds the gates and cut-downs of all of them in one scan (:class:`PatternFamily`)."""
    _shared[:] = [PatternFamily(patterns)]


def tests_for(sentence: str) -> SentenceTests:
    """The :class:`SentenceTests` of ``sentence``: the last one asked for is kept, since the extractor asks
    about one sentence many times in a row (its loop, the sentence's analysis, the hedge of each match)."""
    if _last_tests:
        last = _last_tests[0]
        if last.sentence is sentence or last.sentence == sentence:
            return last
        _last_tests[0] = tests = SentenceTests(sentence)
        return tests
    tests = SentenceTests(sentence)
    _last_tests.append(tests)
    return tests


# In a family's scan, the mark of a pattern whose own gate's literals occur (its alternatives are numbered from 0).
_OWN_GATE = -1


class PatternFamily:
    """The gates and cut-down patterns (:class:`Gate`, :class:`Alternation`) of many patterns, found for a
    sentence in one scan of every literal they need instead of one or two scans per pattern.

    ``runnable(number, scan(lowered, gated))`` gives what ``gate_for(p).may_match`` and
    ``alternation_for(p).for_sentence`` give together for the pattern ``p`` at ``number``: None when it
    cannot match the sentence, else the pattern to run (the same matches). Only the patterns asked about
    are cut down.
    """

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        self.patterns = list(patterns)
        # Each pattern's number (the first, for one given twice), by the pattern's id (see _GATES): the patterns
        # are held in ``patterns``.
        self._numbers = {id(pattern): number for number, pattern in reversed(list(enumerate(self.patterns)))}
        groups: dict[str, tuple[str, ...]] = {}
        # group name -> (pattern number, alternative number, or _OWN_GATE for the pattern's own gate)
        self._group_of: dict[str, tuple[int, int]] = {}
        for number, pattern in enumerate(self.patterns):
            literals = gate_for(pattern).literals
            if literals is not None:
                groups[f"{number}"] = tuple(literals)
                self._group_of[f"{number}"] = (number, _OWN_GATE)
            for alternative, needed in alternation_for(pattern).literals.items():
                groups[f"{number}.{alternative}"] = needed
                self._group_of[f"{number}.{alternative}"] = (number, int(alternative))
        self._sets = AnchorSets(groups, shared=True) if groups else None
        self._has_gate = [gate_for(p).literals is not None for p in self.patterns]
        self._alternations = [alternation_for(p) for p in self.patterns]

    def number_of(self, pattern: re.Pattern[str]) -> int | None:
        """The number of ``pattern`` (this very object) in the family, None when it is not one of them."""
        return self._numbers.get(id(pattern))

    def scan(self, lowered: str, gated: bool) -> dict[int, list[int]] | None:
        """What ``lowered`` holds, for :meth:`runnable`: per pattern number, its present alternatives' numbers
        (and _OWN_GATE when its own gate's literals occur). None when the sentence is not gated (:func:`gate_safe`)."""
        if not gated or self._sets is None:
            return None
        found: dict[int, list[int]] = {}
        group_of = self._group_of
        for name in self._sets.present(lowered):
            number, alternative = group_of[name]
            found.setdefault(number, []).append(alternative)
        return found

    def runnable(self, number: int, found: dict[int, list[int]] | None) -> re.Pattern[str] | None:
        """The pattern to run for the pattern at ``number`` on the sentence ``found`` describes (None: it
        cannot match)."""
        if found is None:
            return self.patterns[number]
        present = found.get(number)
        if present is None:
            if self._has_gate[number]:
                return None  # the pattern's own literals are absent
            present = []
        elif self._has_gate[number] and _OWN_GATE not in present:
            return None
        alternation = self._alternations[number]
        if not alternation.literals:
            return self.patterns[number]
        return alternation.cut_numbers([a for a in present if a != _OWN_GATE])
