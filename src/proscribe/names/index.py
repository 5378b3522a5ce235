"""Candidate index: blocking keys so that a query is scored against a few dozen names, not all.

Keys per name token: the token itself, its consonant skeleton (cross-script and spelling
variants), its first and last four letters (typos), and the whole name without spaces (split or
joined words). A query collects the names sharing its keys, weighted by how rare each key is,
and only the best ``candidates`` names are scored with :func:`proscribe.names.score.score_names`.
"""

from __future__ import annotations

import array
import bisect
import itertools
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast, overload

from proscribe.names import flat
from proscribe.names.bounds import MARGIN, NameFacts, QueryBound
from proscribe.names.normalise import Normalised, expansions, normalise, skeleton
from proscribe.names.score import Scored, score_names, weights

MAX_POSTING = 4000  # keys shared by more names than this only count when nothing rarer matches
CANDIDATES = 25  # names scored per query (at most): the same recall as 30 on the benchmarks
READING_LIMIT = 15  # ... and per extra reading of it (acronym expansions, Japanese/Korean readings)
HEAD = 64  # names of a key's sorted list kept with their scores: a query takes CANDIDATES
# Searches after which an index read in place (:meth:`NameIndex.from_parts`) turns its columns
# into lists: a one-name screen reads a few dozen names, a batch or a server reads them all, and
# lists are read faster than flat columns (~15 % of a query's time).
MATERIALISE_AFTER = 50


@dataclass(frozen=True)
class IndexedName:
    owner: int  # position of the owning record (an entity) in the caller's list
    value: str
    form: Normalised


@dataclass
class Hit:
    name: IndexedName
    scored: Scored
    query_form: Normalised


def _first_met(positions: list[int], met_under: list[set[int]]) -> dict[int, int]:
    """Position -> the rank of the first of ``met_under`` (sets, by key rank) that holds it."""
    first: dict[int, int] = {}
    left = set(positions)
    for rank, under in enumerate(met_under):
        found = left.intersection(under)
        if found:
            first.update(dict.fromkeys(found, rank))
            left -= found
            if not left:
                break
    return first


@lru_cache(maxsize=200_000)  # query tokens repeat across a batch
def _token_keys(token: str, skel: str) -> tuple[str, ...]:
    if len(token) >= 5:
        if len(skel) > 1:
            return ("t:" + token, "s:" + skel, "p:" + token[:4], "x:" + token[-4:])
        return ("t:" + token, "p:" + token[:4], "x:" + token[-4:])
    return ("t:" + token, "s:" + skel) if len(skel) > 1 else ("t:" + token,)


def keys(form: Normalised) -> set[str]:
    out: set[str] = set()
    for token, skel in zip(form.tokens, form.skeletons, strict=True):
        # Added in the same order as one by one: the set iterates in the same order (the order
        # that breaks ties between candidates).
        out.update(_token_keys(token, skel))
    joined = "".join(form.tokens)
    if len(form.tokens) > 1 and len(joined) <= 24:
        out.add("t:" + joined)
        if form.transliterated:  # "حزب الله" -> "hzb alla" finds "Hizballah" by its skeleton
            out.add("s:" + skeleton(joined))
    return out


class NameIndex:
    """Names of many owners, searchable by blocking keys; immutable once built."""

    # Searches left before the columns of an index read in place become lists (None: lists already).
    _searches_left: int | None = None

    def __init__(self, names: Iterable[tuple[int, str]], kinds: Sequence[str | None] = ()) -> None:
        """``names``: (owner, name) pairs; ``kinds``: by owner, whose names they are ("person",
        "organisation"...), which :func:`proscribe.names.score.score_names` takes into account."""
        names_built: list[IndexedName] = []
        self.names: Sequence[IndexedName] = names_built
        key_counts: list[int] = []
        self._key_counts: Sequence[int] = key_counts
        postings: dict[str, list[int]] = {}
        token_df: Counter[str] = Counter()
        seen: set[tuple[int, str]] = set()
        for owner, value in names:
            form = normalise(value)
            if not form.tokens or (owner, form.text) in seen:
                continue
            seen.add((owner, form.text))
            position = len(names_built)
            names_built.append(IndexedName(owner, value, form))
            name_keys = keys(form)
            key_counts.append(len(name_keys))
            for key in name_keys:
                postings.setdefault(key, []).append(position)
            token_df.update(set(form.tokens))
        self.postings: Mapping[str, list[int]] = postings
        total = max(len(self.names), 1)
        self._idf: dict[str, float] = {
            key: math.log(1 + total / len(found)) for key, found in postings.items()
        }
        self._weights: Mapping[str, float] = {
            tok: 1.0 + min(math.log(1 + total / df), 12.0) / 4 for tok, df in token_df.items()
        }
        self._default_weight = 1.0 + min(math.log(1 + total), 12.0) / 4
        self._name_weights: Sequence[list[float]] = [weights(name.form, self.weight) for name in self.names]
        self._kinds: Sequence[str | None] = [
            kinds[name.owner] if name.owner < len(kinds) else None for name in self.names
        ]
        self._facts = NameFacts([name.form for name in self.names], self._name_weights, self._kinds)
        self._norm: Sequence[float] = [1.0 / math.sqrt(count) for count in self._key_counts]
        self._ranked_cache: dict[str, list[int]] = {}
        self._set_cache: dict[str, frozenset[int]] = {}
        self._head_cache: dict[str, tuple[list[int], list[float]]] = {}
        for key, positions in postings.items():  # built now, shared by forked batch workers
            if len(positions) > 60:
                self._set(key, positions)
                self._head(key)

    def __len__(self) -> int:
        return len(self.names)

    def __getstate__(self) -> dict[str, Any]:
        """Pickled lean (a persisted index is loaded in every fresh process): the names as columns
        (their tokens are those of the bound's facts), rebuilt one by one when a query meets them,
        each key's names as packed integers, unpacked when a query meets the key, and what is
        derived from the postings (weights, sorted lists, sets) left out, recomputed when first
        used: the same floats, lists and sets, so the same candidates in the same order."""
        state = {key: flat.plain(value) for key, value in self.__dict__.items()}
        for derived in ("_idf", "_ranked_cache", "_set_cache", "_head_cache", "_searches_left"):
            state.pop(derived, None)
        state["names"] = _name_columns(state["names"])
        state["postings"] = {key: array.array("i", found).tobytes() for key, found in self.postings.items()}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.names = _StoredNames(state["names"], self._facts.tokens)
        self.postings = _StoredPostings(state["postings"])
        self._idf = _KeyWeights(self.postings, max(len(self.names), 1))
        # Caches of the postings, filled again as queries need them (the same sets, lists, scores).
        self._ranked_cache, self._set_cache, self._head_cache = {}, {}, {}

    def write_parts(self, parts: flat.Parts, prefix: str) -> dict[str, Any]:
        """Lay the index out as flat parts (names starting with ``prefix``) for
        :meth:`from_parts`; returns the few values kept beside them (JSON)."""
        names = self.names
        parts.numbers(prefix + "owner", "q", (name.owner for name in names))
        parts.strings(prefix + "value", (name.value for name in names))
        parts.strings(prefix + "original", (name.form.original for name in names))
        parts.groups(prefix + "skeletons", (name.form.skeletons for name in names))
        parts.strings(prefix + "script", (name.form.script for name in names))
        parts.groups(prefix + "dropped", (name.form.dropped for name in names))
        parts.strings(prefix + "compact", (name.form.compact for name in names))
        parts.groups(prefix + "bracketed", (name.form.bracketed for name in names))
        parts.numbers(prefix + "key_counts", "q", self._key_counts)
        postings = list(self.postings)
        parts.keys(prefix + "postings", postings)
        parts.number_lists(prefix + "postings", "i", (self.postings[key] for key in postings))
        tokens = list(self._weights)
        parts.keys(prefix + "weights", tokens)
        parts.numbers(prefix + "weights", "d", (self._weights[token] for token in tokens))
        parts.number_lists(prefix + "name_weights", "d", self._name_weights)
        parts.groups(prefix + "kinds", ((kind,) if kind is not None else () for kind in self._kinds))
        parts.numbers(prefix + "norm", "d", self._norm)
        self._facts.write_parts(parts, prefix + "facts.")
        return {"default_weight": self._default_weight}

    @classmethod
    def from_parts(cls, layout: flat.Layout, prefix: str, values: Mapping[str, Any]) -> NameIndex:
        """The index :meth:`write_parts` laid out, read in place: the same names, keys, weights
        and facts, so the same candidates and hits in the same order."""
        index = cls.__new__(cls)
        name_weights = layout.number_lists(prefix + "name_weights", "d")
        facts = NameFacts.from_parts(layout, prefix + "facts.", name_weights)
        columns: NameColumns = (
            cast(Sequence[int], layout.numbers(prefix + "owner", "q")),
            layout.strings(prefix + "value"),
            layout.strings(prefix + "original"),
            layout.groups(prefix + "skeletons", tuple),
            layout.strings(prefix + "script"),
            layout.groups(prefix + "dropped", tuple),
            layout.strings(prefix + "compact"),
            layout.groups(prefix + "bracketed", frozenset),
        )
        if any(len(column) != len(facts.tokens) for column in columns):
            raise ValueError("name columns of different lengths")
        index.names = _StoredNames(columns, facts.tokens)
        index._key_counts = cast(Sequence[int], layout.numbers(prefix + "key_counts", "q"))
        index.postings = layout.map(prefix + "postings", layout.number_lists(prefix + "postings", "i"))
        index._weights = layout.map(
            prefix + "weights", cast(Sequence[float], layout.numbers(prefix + "weights", "d"))
        )
        default_weight = values["default_weight"]
        if not isinstance(default_weight, float):
            raise ValueError("default weight is not a number")
        index._default_weight = default_weight
        index._name_weights = name_weights
        index._kinds = layout.groups(prefix + "kinds", _only_kind)
        index._facts = facts
        index._norm = cast(Sequence[float], layout.numbers(prefix + "norm", "d"))
        for column in (index._key_counts, index._name_weights, index._kinds, index._norm):
            if len(column) != len(facts.tokens):
                raise ValueError("name columns of different lengths")
        index._idf = _KeyWeights(index.postings, max(len(index.names), 1))
        index._ranked_cache, index._set_cache, index._head_cache = {}, {}, {}
        index._searches_left = MATERIALISE_AFTER
        return index

    def materialise(self) -> None:
        """The columns that every query reads made lists, if read in place (:meth:`from_parts`),
        for many queries (a batch before its workers fork, a server): the same values, so the
        same results (~0.2 s on the full registry). Nothing to do for an index built or unpickled."""
        self._searches_left = None
        facts = self._facts
        self._name_weights = facts.weights = flat.materialised(self._name_weights)
        self._kinds = flat.materialised(self._kinds)
        for name in ("tokens", "joined", "compact", "joined_skeletons"):
            setattr(facts, name, flat.materialised(getattr(facts, name)))
        if isinstance(self.names, _StoredNames):
            self.names.materialise(facts.tokens)
        maps = (self.postings, self._weights, facts.skeleton_of, facts.by_spelling, facts.by_head)
        for found in (*maps, facts.acronym_postings):
            if isinstance(found, flat.FlatMap):
                found.read_keys()

    def weight(self, token: str) -> float:
        """Rarer tokens weigh more (1 to 4); unknown tokens weigh as the rarest."""
        return self._weights.get(token, self._default_weight)

    def candidates(self, form: Normalised, limit: int = CANDIDATES) -> list[int]:
        """Positions of the (at most ``limit``) names sharing the most, and rarest, keys with ``form``.

        Names sharing more (and rarer) keys come first; among equals, names with fewer other
        keys, then names met first (the keys in the order :func:`keys` gives them), then index
        order. Only names met under two or more keys are tallied one by one: the others rank by
        their single key, in lists sorted once per key (:meth:`_ranked`).
        """
        postings = self.postings
        found = [(key, postings[key]) for key in keys(form) if key in postings]
        if not found:
            return []
        small = [(k, p) for k, p in found if len(p) <= MAX_POSTING]
        use = small or sorted(found, key=lambda kp: len(kp[1]))[:1]
        if len(use) == 1:
            key, positions = use[0]
            return list(positions) if len(positions) <= limit else self._ranked(key)[:limit]
        if max([len(p) for _, p in use]) <= limit:
            union: set[int] = set().union(*[self._set(key, p) for key, p in use])
            if len(union) <= limit:
                return list(union)
        # Names met under two or more keys. Only the two largest keys need sets (cached for the
        # larger keys): the others are read once, as lists.
        *rest, second, largest = sorted(use, key=lambda kp: len(kp[1]))
        met: set[int] = set()
        multi: set[int] = set()
        for _, present in rest:
            multi.update(met.intersection(present))
            met.update(present)
        second_set, largest_set = self._set(*second), self._set(*largest)
        multi.update(met.intersection(second_set), met.intersection(largest_set))
        multi.update(second_set.intersection(largest_set))
        norm = self._norm
        idf = self._idf
        weights = [idf[key] for key, _ in use]
        # Each name ranks by (score, first key met, position), its score -(tally * norm). The
        # entries come in runs of (scores, first key, positions, scores ascending): the names of
        # ``multi``, and each key's own names (its best ``limit`` not in ``multi``).
        runs: list[tuple[list[float], int, list[int], bool]] = []
        met_under: list[set[int]] = []  # by key rank: the names of ``multi`` under that key
        cutoff = math.inf  # no name scoring above this (worse) can be among the best ``limit``
        if multi:
            # Tallied in key order: the same float sums as tallying every name one by one.
            tally: dict[int, float] = {}
            get = tally.get
            for rank, (key, positions) in enumerate(use):
                weight = weights[rank]
                # (a short list is read as it is: making it a set first costs more)
                under = multi.intersection(positions if len(positions) < 64 else self._set(key, positions))
                met_under.append(under)
                for pos in under:
                    tally[pos] = get(pos, 0.0) + weight
            members = list(tally)
            scores = [-(value * norm[pos]) for pos, value in tally.items()]
            runs.append((scores, -1, members, False))
            if len(scores) >= limit:  # names met under one key are mostly below these
                cutoff = sorted(scores)[limit - 1]
        for rank, (key, positions) in enumerate(use):
            weight = weights[rank]
            if len(positions) <= limit:
                if -(weight * max(map(norm.__getitem__, positions))) > cutoff:
                    continue  # its best name is out
                top = [pos for pos in positions if pos not in multi] if multi else positions
                runs.append(([-(weight * norm[pos]) for pos in top], rank, top, False))
                continue
            head, scores = self._head(key)
            end = bisect.bisect_right(scores, cutoff)  # the head's names not out
            if end < len(head) or len(head) >= limit:
                if not multi or multi.isdisjoint(head[: min(end, limit)]):
                    end = min(end, limit)
                    runs.append((scores[:end], rank, head[:end], True))
                    continue
                picked = [i for i in range(end) if head[i] not in multi][:limit]
                if len(picked) == limit or end < len(head) or len(head) == len(positions):
                    runs.append(([scores[i] for i in picked], rank, [head[i] for i in picked], True))
                    continue
            # The head is too short for this query: the key's whole sorted list.
            top = list(itertools.islice(itertools.filterfalse(multi.__contains__, self._ranked(key)), limit))
            runs.append(([-(weight * norm[pos]) for pos in top], rank, top, True))
        # Only the entries scoring at least the ``limit``-th best score can be kept: the ranked
        # tuples are made for those only (floats sort much faster than tuples).
        every = [score for scores, _, _, _ in runs for score in scores]
        if len(every) > limit:
            every.sort()
            cutoff = every[limit - 1]
        ranked: list[tuple[float, int, int]] = []
        for scores, rank, positions, ascending in runs:
            if ascending:
                end = bisect.bisect_right(scores, cutoff)
                ranked.extend(zip(scores[:end], itertools.repeat(rank), positions[:end]))
            elif rank < 0:  # ties broken by the first key each name was met under
                chosen = [(s, p) for s, p in zip(scores, positions, strict=True) if s <= cutoff]
                first = _first_met([p for _, p in chosen], met_under)
                ranked.extend([(s, first[p], p) for s, p in chosen])
            else:
                ranked.extend([(s, rank, p) for s, p in zip(scores, positions, strict=True) if s <= cutoff])
        ranked.sort()
        return [pos for _, _, pos in ranked[:limit]]

    def _ranked(self, key: str) -> list[int]:
        """The names under ``key``, fewest keys first (then in index order); cached."""
        found = self._ranked_cache.get(key)
        if found is None:
            counts = self._key_counts
            found = self._ranked_cache[key] = sorted(self.postings[key], key=lambda pos: (counts[pos], pos))
        return found

    def _head(self, key: str) -> tuple[list[int], list[float]]:
        """The first :data:`HEAD` names of :meth:`_ranked`, and their scores under ``key`` alone
        (``-(idf * norm)``, ascending); cached."""
        found = self._head_cache.get(key)
        if found is None:
            head = self._ranked(key)[:HEAD]
            weight, norm = self._idf[key], self._norm
            found = self._head_cache[key] = (head, [-(weight * norm[pos]) for pos in head])
        return found

    def _set(self, key: str, positions: list[int]) -> set[int] | frozenset[int]:
        """The names under ``key`` (``positions``) as a set; cached for the larger keys."""
        if len(positions) < 64:
            return set(positions)
        found = self._set_cache.get(key)
        if found is None:
            found = self._set_cache[key] = frozenset(positions)
        return found

    def search(self, query: str, limit: int = CANDIDATES, min_score: float | None = None) -> list[Hit]:
        """Scored names for ``query`` (best first), acronym expansions included.

        With ``min_score``, only the names scoring at least that are returned, and candidates
        that cannot reach it (:mod:`proscribe.names.bounds`) are not scored: the hits returned
        are exactly those of full scoring at or above ``min_score``.
        """
        if self._searches_left is not None:
            self._searches_left -= 1
            if self._searches_left <= 0:
                self.materialise()
        form = normalise(query)
        if not form.tokens:
            return []
        forms = [form] + [normalise(text) for text in expansions(form)]
        best: dict[int, Hit] = {}
        memo: dict[tuple[str, str, bool], tuple[float, str]] = {}
        for number, variant in enumerate(forms):
            query_weights = weights(variant, self.weight)
            positions = self.candidates(variant, limit if number == 0 else READING_LIMIT)
            if min_score is not None and min_score > MARGIN and positions:
                positions = QueryBound(variant, query_weights, min_score).keep(positions, self._facts)
            for position in positions:
                name = self.names[position]
                scored = score_names(
                    variant,
                    name.form,
                    kind=self._kinds[position],
                    query_weights=query_weights,
                    name_weights=self._name_weights[position],
                    memo=memo,
                )
                current = best.get(position)
                if current is None or scored.score > current.scored.score:
                    best[position] = Hit(name, scored, variant)
        hits = list(best.values())
        if min_score is not None:
            hits = [hit for hit in hits if hit.scored.score >= min_score]
        return sorted(hits, key=lambda h: (-h.scored.score, h.name.owner, h.name.value))


NameColumns = tuple[
    Sequence[int],
    Sequence[str],
    Sequence[str],
    Sequence[tuple[str, ...]],
    Sequence[str],
    Sequence[tuple[str, ...]],
    Sequence[str],
    Sequence[frozenset[str]],
]


def _only_kind(found: list[str]) -> str | None:
    return found[0] if found else None


def _name_columns(names: Sequence[IndexedName]) -> NameColumns:
    """The names' fields by column (owner, value, and their forms' fields but the tokens)."""
    forms = [name.form for name in names]
    return (
        [name.owner for name in names],
        [name.value for name in names],
        [form.original for form in forms],
        [form.skeletons for form in forms],
        [form.script for form in forms],
        [form.dropped for form in forms],
        [form.compact for form in forms],
        [form.bracketed for form in forms],
    )


class _StoredNames(Sequence[IndexedName]):
    """The indexed names of an unpickled index, each made (once) when first read: a query reads
    a few dozen of the tens of thousands."""

    def __init__(self, columns: NameColumns, tokens: Sequence[tuple[str, ...]]) -> None:
        self._columns = columns
        self._tokens = tokens
        self._made: dict[int, IndexedName] = {}

    def __len__(self) -> int:
        return len(self._tokens)

    def materialise(self, tokens: Sequence[tuple[str, ...]]) -> None:
        """The tokens as the facts' list (:meth:`NameIndex.materialise`); each name is still
        made when first read, and kept."""
        self._tokens = tokens

    @overload
    def __getitem__(self, position: int) -> IndexedName: ...
    @overload
    def __getitem__(self, position: slice) -> list[IndexedName]: ...
    def __getitem__(self, position: int | slice) -> IndexedName | list[IndexedName]:
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        if position < 0:
            position += len(self._tokens)
        found = self._made.get(position)
        if found is None:
            owners, values, originals, skeletons, scripts, dropped, compact, bracketed = self._columns
            form = Normalised(
                originals[position],
                self._tokens[position],
                skeletons[position],
                scripts[position],
                dropped[position],
                compact[position],
                bracketed[position],
            )
            found = self._made[position] = IndexedName(owners[position], values[position], form)
        return found

    def __iter__(self) -> Iterator[IndexedName]:
        return (self[i] for i in range(len(self)))


class _KeyWeights(dict[str, float]):
    """Each key's weight (idf), computed when first asked for, as :class:`NameIndex` computes it."""

    def __init__(self, postings: Mapping[str, list[int]], total: int) -> None:
        super().__init__()
        self._postings = postings
        self._total = total

    def __missing__(self, key: str) -> float:
        value = self[key] = math.log(1 + self._total / len(self._postings[key]))
        return value


class _StoredPostings(Mapping[str, list[int]]):
    """Each key's names (positions), kept packed until a query meets the key."""

    def __init__(self, packed: dict[str, bytes]) -> None:
        self._packed = packed
        self._unpacked: dict[str, list[int]] = {}

    def __getitem__(self, key: str) -> list[int]:
        found = self._unpacked.get(key)
        if found is None:
            found = self._unpacked[key] = array.array("i", self._packed[key]).tolist()
        return found

    def __contains__(self, key: object) -> bool:
        return key in self._packed

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)
