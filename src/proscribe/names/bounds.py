"""Cheap upper bounds on :func:`proscribe.names.score.score_names`, to skip hopeless candidates.

A screening query only reports names scoring at or above a threshold, yet the index offers each
query a few dozen candidates, most of them far below it. :class:`QueryBound` computes, for all
the candidates of one query at once, a number that is never below the candidate's real score;
candidates whose bound is under the threshold are not scored at all, so the reported matches
are exactly those of full scoring, only sooner.

The bound relies only on these properties of the score (tests/test_screening_speed_path.py checks
bound >= score on many real pairs, so a scoring change that breaks one of them is caught):

* the score is the better of an *aligned* reading and a *joined* reading, rounded to 4 places;
* aligned: a weighted sum over paired tokens of ``similarity * (weight of the query tokens +
  weight of the name tokens)``, divided by at least the total weight of both names (unpaired
  tokens count nothing above the line and their full weight below it), each token paired once;
* a token pair's similarity is at most 1, and is 0 (unpaired) unless it is at least
  ``TOKEN_FLOOR`` by the Indel ratio of the Latin tokens, or of their consonant skeletons times
  ``SKELETON_DISCOUNT`` when either name was transliterated (equal skeletons count as 1);
  a one-letter token may pair with a token of the same initial, and a short token may pair with a
  run of tokens whose initials spell it (an acronym) — both counted here as similarity 1; the
  other pairs below the floor are listed: equal spelling keys (``spelling_key``, ``SPELLING_SIM``), a
  word and its derived form (``PREFIX_SIM``), a nickname (``NICKNAME_SIM``), an organisation
  word and its translation (``TRANSLATION_SIM``), the last word of a long name cut short
  (``TRUNCATED_SIM``);
* joined: ``JOINED_DISCOUNT`` times the Indel ratio of the two names written without spaces (the
  tokens joined, or the name's ``compact`` form), or of the joined skeletons times
  ``SKELETON_DISCOUNT`` when either name was transliterated.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from operator import itemgetter, mul
from typing import Any, TypeVar, cast

from rapidfuzz import process
from rapidfuzz.distance import Indel

from proscribe.names import flat
from proscribe.names.lexicon import ORG_WORDS_LATIN
from proscribe.names.nicknames import nicknames_of
from proscribe.names.normalise import Normalised, skeleton
from proscribe.names.score import (
    JOINED_DISCOUNT,
    NICKNAME_SIM,
    PREFIX_SIM,
    SKELETON_DISCOUNT,
    SPELLING_SIM,
    SUBSET_WEIGHT,
    TOKEN_FLOOR,
    TRANSLATION_SIM,
    TRUNCATED_SIM,
    cut_short,
    spelling_key,
    translated,
)

# Scores are rounded to 4 places: a raw score a little under the threshold can round up to it.
MARGIN = 1e-3
EPSILON = 1e-9  # rapidfuzz cut-offs: keep values equal to a floor despite rounding
ACRONYM_MAX = 6  # the longest token read as an acronym
PARTNERS_CACHED = 200_000  # query tokens whose partners are kept (NameFacts.partners)


def joined_forms(form: Normalised) -> tuple[str, ...]:
    """The strings a name's joined reading may compare: its tokens joined, its compact form."""
    joined = "".join(form.tokens)
    compact = getattr(form, "compact", "") or joined
    return (joined,) if compact == joined else (joined, compact)


_EMPTY: frozenset[str] = frozenset()
_T = TypeVar("_T")


def _gather(items: Sequence[_T], positions: Sequence[int]) -> Sequence[_T]:
    """``[items[p] for p in positions]``, gathered in one call."""
    if len(positions) == 1:
        return [items[positions[0]]]
    found: Any = itemgetter(*positions)(items)
    return found  # type: ignore[no-any-return]


def acronym_spans(form: Normalised) -> frozenset[str]:
    """What an acronym of a run of this name's tokens could be: runs of the tokens' initials."""
    heads = "".join(token[:1] for token in form.tokens)
    found = {
        heads[i:j] for i in range(len(heads)) for j in range(i + 2, min(i + ACRONYM_MAX, len(heads)) + 1)
    }
    return frozenset(found) if found else _EMPTY


def acronym_tokens(form: Normalised) -> frozenset[str]:
    """This name's tokens that could be read as an acronym of another name's tokens."""
    found = {token for token in form.tokens if 2 <= len(token) <= ACRONYM_MAX}
    return frozenset(found) if found else _EMPTY


def acronym_keys(form: Normalised) -> frozenset[str]:
    """A name's runs of initials, and its acronym-like tokens marked "~"."""
    found = acronym_spans(form) | {"~" + token for token in acronym_tokens(form)}
    return found if found else _EMPTY


def _raise(rows: dict[str, list[float]], size: int, token: str, i: int, value: float) -> None:
    """Raise ``rows[token][i]`` (a row of ``size`` zeros when new) to ``value``."""
    row = rows.get(token)
    if row is None:
        row = rows[token] = [0.0] * size
    if value > row[i]:
        row[i] = value


def _posting(found: list[int]) -> Collection[int]:
    return frozenset(found) if len(found) > 32 else found


class NameFacts:
    """What the bounds need of each indexed name, computed once when the index is built."""

    def __init__(
        self, forms: Sequence[Normalised], weights: Sequence[list[float]], kinds: Sequence[str | None] = ()
    ) -> None:
        self.tokens: Sequence[tuple[str, ...]] = [form.tokens for form in forms]
        # A person's name may leave words out at a discount (score.SUBSET_WEIGHT): its bound is looser.
        self.persons: Sequence[bool] = [kind == "person" for kind in kinds] if kinds else [False] * len(forms)
        self.sizes: Sequence[int] = [len(form.tokens) for form in forms]
        self.transliterated: Sequence[bool] = [form.transliterated for form in forms]
        self.weights = weights
        self.totals: Sequence[float] = [sum(found) for found in weights]
        joined = [joined_forms(form) for form in forms]
        self.joined: Sequence[str] = [found[0] for found in joined]
        self.compact: Sequence[str] = [found[-1] if len(found) > 1 else "" for found in joined]
        self.joined_skeletons: Sequence[str] = ["".join(form.skeletons) for form in forms]
        self.acronym_keys: Sequence[frozenset[str]] = [acronym_keys(form) for form in forms]
        # Last words of names that may have been cut short (score.cut_short).
        self.cut_short = frozenset(filter(None, map(cut_short, forms)))
        self._partners: dict[str, tuple[tuple[str, float], ...]] = {}
        # The names by acronym key, for a query's keys to find the names they meet.
        postings: dict[str, list[int]] = {}
        for position, found in enumerate(self.acronym_keys):
            for key in found:
                postings.setdefault(key, []).append(position)
        # Large lists as sets: a query's few candidates are looked up in them, not the reverse.
        self.acronym_postings: Mapping[str, Collection[int]] = {
            key: _posting(found) for key, found in postings.items()
        }
        skeleton_of: dict[str, str] = {}
        for form in forms:
            skeleton_of.update(zip(form.tokens, form.skeletons, strict=True))
        self.skeleton_of: Mapping[str, str] = skeleton_of
        # The indexed tokens by their spelling key (score.spelling_key: "abdulah", "husain").
        by_spelling: dict[str, list[str]] = {}
        for token in self.skeleton_of:
            by_spelling.setdefault(spelling_key(token), []).append(token)
        self.by_spelling: Mapping[str, tuple[str, ...]] = {
            key: tuple(found) for key, found in by_spelling.items()
        }
        # ... and by their first four letters (a word and its derived form share them).
        by_head: dict[str, list[str]] = {}
        for token in self.skeleton_of:
            if len(token) >= 4:
                by_head.setdefault(token[:4], []).append(token)
        self.by_head: Mapping[str, tuple[str, ...]] = {key: tuple(found) for key, found in by_head.items()}
        # ... and the organisation words by the English word they translate ("kataib": brigades).
        by_meaning: dict[str, list[str]] = {}
        meanings = set(ORG_WORDS_LATIN.values())
        for token in self.skeleton_of:
            if token in ORG_WORDS_LATIN or token in meanings:
                by_meaning.setdefault(translated(token), []).append(token)
        self.by_meaning: Mapping[str, tuple[str, ...]] = {
            key: tuple(found) for key, found in by_meaning.items()
        }

    def __getstate__(self) -> dict[str, Any]:
        """Pickled as plain lists and dicts (a loaded index's flat parts are not picklable)."""
        return {key: flat.plain(value) for key, value in self.__dict__.items()}

    def write_parts(self, parts: flat.Parts, prefix: str) -> None:
        """Lay the facts out as flat parts (names starting with ``prefix``); the weights are the
        index's and are written by it."""
        parts.groups(prefix + "tokens", self.tokens)
        parts.numbers(prefix + "persons", "?", self.persons)
        parts.numbers(prefix + "sizes", "q", self.sizes)
        parts.numbers(prefix + "transliterated", "?", self.transliterated)
        parts.numbers(prefix + "totals", "d", self.totals)
        parts.strings(prefix + "joined", self.joined)
        parts.strings(prefix + "compact", self.compact)
        parts.strings(prefix + "joined_skeletons", self.joined_skeletons)
        parts.groups(prefix + "acronym_keys", self.acronym_keys)
        parts.strings(prefix + "cut_short", sorted(self.cut_short))
        acronyms = list(self.acronym_postings)
        parts.keys(prefix + "acronym_postings", acronyms)
        parts.number_lists(prefix + "acronym_postings", "q", (self.acronym_postings[k] for k in acronyms))
        for name in ("skeleton_of", "by_spelling", "by_head", "by_meaning"):
            found: Mapping[str, Any] = getattr(self, name)
            keys = list(found)
            parts.keys(prefix + name, keys)
            if name == "skeleton_of":
                parts.strings(prefix + name, (found[key] for key in keys))
            else:
                parts.groups(prefix + name, (found[key] for key in keys))

    @classmethod
    def from_parts(cls, layout: flat.Layout, prefix: str, weights: Sequence[list[float]]) -> NameFacts:
        """The facts :meth:`write_parts` laid out, read in place (``weights``: the index's)."""
        facts = cls.__new__(cls)
        facts.tokens = layout.groups(prefix + "tokens", tuple)
        facts.persons = cast(Sequence[bool], layout.numbers(prefix + "persons", "?"))
        facts.sizes = cast(Sequence[int], layout.numbers(prefix + "sizes", "q"))
        facts.transliterated = cast(Sequence[bool], layout.numbers(prefix + "transliterated", "?"))
        facts.weights = weights
        facts.totals = cast(Sequence[float], layout.numbers(prefix + "totals", "d"))
        facts.joined = layout.strings(prefix + "joined")
        facts.compact = layout.strings(prefix + "compact")
        facts.joined_skeletons = layout.strings(prefix + "joined_skeletons")
        facts.acronym_keys = layout.groups(prefix + "acronym_keys", frozenset)
        for column in (facts.persons, facts.sizes, facts.transliterated, facts.weights, facts.totals):
            if len(column) != len(facts.tokens):
                raise ValueError("name facts of different lengths")
        for text in (facts.joined, facts.compact, facts.joined_skeletons, facts.acronym_keys):
            if len(text) != len(facts.tokens):
                raise ValueError("name facts of different lengths")
        facts.cut_short = frozenset(layout.strings(prefix + "cut_short"))
        facts._partners = {}
        # As built: the larger lists as sets.
        facts.acronym_postings = layout.map(
            prefix + "acronym_postings",
            flat.Converted(layout.number_lists(prefix + "acronym_postings", "q"), _posting),
        )
        facts.skeleton_of = layout.map(prefix + "skeleton_of", layout.strings(prefix + "skeleton_of"))
        facts.by_spelling = layout.map(prefix + "by_spelling", layout.groups(prefix + "by_spelling", tuple))
        facts.by_head = layout.map(prefix + "by_head", layout.groups(prefix + "by_head", tuple))
        facts.by_meaning = layout.map(prefix + "by_meaning", layout.groups(prefix + "by_meaning", tuple))
        return facts

    def partners(self, token: str) -> tuple[tuple[str, float], ...]:
        """The indexed tokens a (query) token may pair with other than by their Indel ratio, and
        the most each pair can count: the same spelling key ("abdulah" / "abdullah"), a word
        and its derived form ("east" / "eastern"), a nickname ("ted" / "theodore"), a translated
        organisation word ("kataib" / "brigades"), the last word
        of a name cut short that begins the token (wherever that word stands in its name: a
        bound may be loose). Cached per token: query tokens repeat across a batch."""
        found = self._partners.get(token)
        if found is None:
            pairs = [(other, SPELLING_SIM) for other in self.by_spelling.get(spelling_key(token), ())]
            if len(token) >= 4:
                pairs += [
                    (other, PREFIX_SIM)
                    for other in self.by_head.get(token[:4], ())
                    if other.startswith(token) or token.startswith(other)
                ]
            pairs += [(other, NICKNAME_SIM) for other in nicknames_of(token)]
            pairs += [(other, TRANSLATION_SIM) for other in self.by_meaning.get(translated(token), ())]
            pairs += [(token[:k], TRUNCATED_SIM) for k in range(2, len(token)) if token[:k] in self.cut_short]
            if len(self._partners) > PARTNERS_CACHED:
                self._partners.clear()
            found = self._partners[token] = tuple(pairs)
        return found


class QueryBound:
    """Upper bounds on the scores of one (normalised) query against many indexed names."""

    def __init__(self, query: Normalised, query_weights: Sequence[float], threshold: float) -> None:
        self.query = query
        self.weights = list(query_weights)
        self.total = sum(self.weights)
        self.cutoff = threshold - MARGIN
        self.joined = joined_forms(query)
        self.joined_skeleton = "".join(query.skeletons)
        # An acronym token of one name meets a run of the other's initials: as in acronym_keys,
        # the two sides swapped.
        self.acronym_keys = frozenset(acronym_tokens(query)) | {"~" + span for span in acronym_spans(query)}

    def _rows(self, vocabulary: set[str], facts: NameFacts) -> dict[str, list[float]]:
        """Token -> the most each query token could be similar to it, as written (Latin forms).

        Tokens no query token can pair with are left out."""
        size = len(self.query.tokens)
        rows: dict[str, list[float]] = {}

        def note(token: str, i: int, value: float) -> None:
            _raise(rows, size, token, i, value)

        choices = list(vocabulary)
        for i, a in enumerate(self.query.tokens):
            for token, value, _ in process.extract(
                a,
                choices,
                scorer=Indel.normalized_similarity,
                score_cutoff=TOKEN_FLOOR - EPSILON,
                limit=None,
            ):
                note(token, i, value)
            # Pairs that Indel alone would leave below the floor (facts.partners).
            for token, value in facts.partners(a):
                if token in vocabulary:
                    note(token, i, value)
            # An initial pairs with any token of that initial.
            if len(a) == 1:
                for token in choices:
                    if token[:1] == a:
                        note(token, i, 1.0)
            elif a[:1] in vocabulary:
                note(a[:1], i, 1.0)
        # The query's own last word cut short, pairing with any token it begins.
        last = cut_short(self.query)
        if last is not None:
            for token in choices:
                if len(token) > len(last) and token.startswith(last):
                    note(token, size - 1, TRUNCATED_SIM)
        return rows

    def _cross_rows(
        self, written: dict[str, list[float]], vocabulary: set[str], facts: NameFacts
    ) -> dict[str, list[float]]:
        """:meth:`_rows` for these tokens (``written``: the rows of a larger vocabulary), raised by
        their consonant skeletons' similarity, for names where either side was transliterated."""
        size = len(self.query.tokens)
        rows = {token: list(row) for token, row in written.items() if token in vocabulary}

        def note(token: str, i: int, value: float) -> None:
            _raise(rows, size, token, i, value)

        skeleton_of = facts.skeleton_of
        by_skeleton: dict[str, list[str]] = {}
        for token in vocabulary:
            by_skeleton.setdefault(skeleton_of.get(token) or skeleton(token), []).append(token)
        skeleton_list = list(by_skeleton)
        floor = TOKEN_FLOOR / SKELETON_DISCOUNT - EPSILON
        for i, sa in enumerate(self.query.skeletons):
            for token in by_skeleton.get(sa, ()):
                note(token, i, SKELETON_DISCOUNT)
            for skel, value, _ in process.extract(
                sa, skeleton_list, scorer=Indel.normalized_similarity, score_cutoff=floor, limit=None
            ):
                for token in by_skeleton[skel]:
                    note(token, i, SKELETON_DISCOUNT * value)
        return rows

    def _table(self, rows: dict[str, list[float]]) -> dict[str, tuple[float, list[float], float]]:
        """Token -> (the most any query token could be similar to it, the most each could be,
        those times the query tokens' weights, summed)."""
        wq = self.weights
        return {token: (max(row), row, sum(map(mul, wq, row))) for token, row in rows.items()}

    def keep(self, positions: Sequence[int], facts: NameFacts) -> list[int]:
        """The positions (indexed names) that could score at least the threshold, in order.

        A position is left out only when its bound is below the threshold."""
        query = self.query
        if not query.tokens or not positions:
            return []
        kept: set[int] = set()
        cutoff = self.cutoff
        # Joined reading: vectorised passes over the candidates' joined strings.
        need = max(cutoff / JOINED_DISCOUNT - EPSILON, 0.0)
        strings = _gather(facts.joined, positions)
        compacts = _gather(facts.compact, positions)
        for found in ((strings, compacts) if any(compacts) else (strings,)) if need <= 1.0 else ():
            for text in self.joined:
                for _, _, at in process.extract(
                    text, found, scorer=Indel.normalized_similarity, score_cutoff=need, limit=None
                ):
                    kept.add(positions[at])
        transliterated = facts.transliterated
        q_cross = query.transliterated
        cross_any = q_cross or any(_gather(transliterated, positions))
        if cross_any and cutoff <= JOINED_DISCOUNT * SKELETON_DISCOUNT:
            skeletons = _gather(facts.joined_skeletons, positions)
            need = max(cutoff / (JOINED_DISCOUNT * SKELETON_DISCOUNT) - EPSILON, 0.0)
            for _, _, at in process.extract(
                self.joined_skeleton,
                skeletons,
                scorer=Indel.normalized_similarity,
                score_cutoff=need,
                limit=None,
            ):
                if q_cross or transliterated[positions[at]]:
                    kept.add(positions[at])
        # Acronyms: a short token for a run of the other name's tokens (names of different lengths).
        size_q = len(query.tokens)
        sizes, acronym_postings = facts.sizes, facts.acronym_postings
        met = [listed for listed in map(acronym_postings.get, self.acronym_keys) if listed]
        if met:
            among = set(positions)
            for listed in met:
                kept.update([p for p in among.intersection(listed) if sizes[p] != size_q])
        # Aligned reading.
        pending = [p for p in positions if p not in kept]
        if pending:
            tokens_of = facts.tokens
            vocabulary: set[str] = set().union(*[tokens_of[p] for p in pending])
            written = self._rows(vocabulary, facts)
            plain: dict[str, tuple[float, list[float], float]] = {}
            if q_cross:
                across = pending
            else:
                plain = self._table(written)
                across = [p for p in pending if transliterated[p]] if cross_any else []
                vocabulary = set().union(*[tokens_of[p] for p in across]) if across else set()
            cross = self._table(self._cross_rows(written, vocabulary, facts)) if across else {}
            wq = self.weights
            total_q = self.total
            name_weights, totals, persons = facts.weights, facts.totals, facts.persons
            # With the person discount the score is at most A / (l*T + (1-l)*A) for a numerator
            # bound A and total weight T (paired weight >= matched): it reaches c when A >= share*T.
            person_share = cutoff * SUBSET_WEIGHT / (1 - cutoff * (1 - SUBSET_WEIGHT))
            # The most the query side can add, whatever the name: each query token's best partner.
            most = {
                id(table): sum(map(mul, wq, map(max, *[entry[1] for entry in table.values()])))
                if len(table) > 1
                else sum(entry[2] for entry in table.values())
                for table in (plain, cross)
            }
            # A name can reach the threshold only if its total weight T leaves room for it:
            # A <= T + most, so T + most >= share * (total_q + T).
            for p in pending:
                table = cross if q_cross or transliterated[p] else plain
                total = totals[p]
                need = (person_share if persons[p] else cutoff) * (total_q + total)
                if total + most[id(table)] + EPSILON < need:
                    continue
                # A = the name side (each token times its best similarity) + the query side (each
                # query token times its best similarity to one of the name's tokens); the query
                # side is first bounded by the sum over the name's tokens (exact for one token).
                above = query_side = 0.0
                hits = 0
                for token, weight in zip(tokens_of[p], name_weights[p], strict=True):
                    entry = table.get(token)
                    if entry is not None:
                        above += weight * entry[0]
                        query_side += entry[2]
                        hits += 1
                if not hits:
                    continue
                if hits == 1:
                    if above + query_side >= need:
                        kept.add(p)
                    continue
                if above + min(query_side, most[id(table)]) + EPSILON < need:
                    continue
                best: list[float] | None = None
                for token in tokens_of[p]:
                    entry = table.get(token)
                    if entry is not None:
                        best = entry[1] if best is None else list(map(max, best, entry[1]))
                if best is not None and above + sum(map(mul, wq, best)) >= need:
                    kept.add(p)
        return [p for p in positions if p in kept]
