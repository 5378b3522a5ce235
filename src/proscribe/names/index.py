"""Candidate index: blocking keys so that a query is scored against a few dozen names, not all.

Keys per name token: the token itself, its consonant skeleton (cross-script and spelling
variants), its first and last four letters (typos), and the whole name without spaces (split or
joined words). A query collects the names sharing its keys, weighted by how rare each key is,
and only the best ``candidates`` names are scored with :func:`proscribe.names.score.score_names`.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from proscribe.names.normalise import Normalised, expansions, normalise, skeleton
from proscribe.names.score import Scored, score_names, weights

MAX_POSTING = 4000  # keys shared by more names than this only count when nothing rarer matches


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


def keys(form: Normalised) -> set[str]:
    out: set[str] = set()
    for token, skel in zip(form.tokens, form.skeletons, strict=True):
        out.add("t:" + token)
        if len(skel) > 1:
            out.add("s:" + skel)
        if len(token) >= 5:
            out.add("p:" + token[:4])
            out.add("x:" + token[-4:])
    joined = "".join(form.tokens)
    if len(form.tokens) > 1 and len(joined) <= 24:
        out.add("t:" + joined)
        if form.transliterated:  # "حزب الله" -> "hzb alla" finds "Hizballah" by its skeleton
            out.add("s:" + skeleton(joined))
    return out


def _first(item: tuple[float, int]) -> float:
    return item[0]


class NameIndex:
    """Names of many owners, searchable by blocking keys; immutable once built."""

    def __init__(self, names: Iterable[tuple[int, str]]) -> None:
        self.names: list[IndexedName] = []
        self._key_counts: list[int] = []
        postings: dict[str, list[int]] = {}
        token_df: Counter[str] = Counter()
        seen: set[tuple[int, str]] = set()
        for owner, value in names:
            form = normalise(value)
            if not form.tokens or (owner, form.text) in seen:
                continue
            seen.add((owner, form.text))
            position = len(self.names)
            self.names.append(IndexedName(owner, value, form))
            name_keys = keys(form)
            self._key_counts.append(len(name_keys))
            for key in name_keys:
                postings.setdefault(key, []).append(position)
            token_df.update(set(form.tokens))
        self.postings = postings
        total = max(len(self.names), 1)
        self._idf = {key: math.log(1 + total / len(found)) for key, found in postings.items()}
        self._weights = {tok: 1.0 + min(math.log(1 + total / df), 12.0) / 4 for tok, df in token_df.items()}
        self._default_weight = 1.0 + min(math.log(1 + total), 12.0) / 4
        self._name_weights = [weights(name.form.tokens, self.weight) for name in self.names]
        self._norm = [1.0 / math.sqrt(count) for count in self._key_counts]

    def __len__(self) -> int:
        return len(self.names)

    def weight(self, token: str) -> float:
        """Rarer tokens weigh more (1 to 4); unknown tokens weigh as the rarest."""
        return self._weights.get(token, self._default_weight)

    def candidates(self, form: Normalised, limit: int = 60) -> list[int]:
        found = [(key, self.postings[key]) for key in keys(form) if key in self.postings]
        if not found:
            return []
        small = [(k, p) for k, p in found if len(p) <= MAX_POSTING]
        use = small or sorted(found, key=lambda kp: len(kp[1]))[:1]
        tally: dict[int, float] = {}
        for key, positions in use:
            weight = self._idf[key]
            for position in positions:
                tally[position] = tally.get(position, 0.0) + weight
        if len(tally) <= limit:
            return list(tally)
        norm = self._norm
        # Names sharing more (and rarer) keys first; among equals, names with fewer other keys.
        ranked = [(value * norm[pos], pos) for pos, value in tally.items()]
        return [pos for _, pos in heapq.nlargest(limit, ranked, key=_first)]

    def search(self, query: str, limit: int = 60) -> list[Hit]:
        """Scored names for ``query`` (best first), acronym expansions included."""
        form = normalise(query)
        if not form.tokens:
            return []
        forms = [form] + [normalise(text) for text in expansions(form)]
        best: dict[int, Hit] = {}
        memo: dict[tuple[str, str, bool], tuple[float, str]] = {}
        for variant in forms:
            query_weights = weights(variant.tokens, self.weight)
            for position in self.candidates(variant, limit):
                name = self.names[position]
                scored = score_names(
                    variant,
                    name.form,
                    query_weights=query_weights,
                    name_weights=self._name_weights[position],
                    memo=memo,
                )
                current = best.get(position)
                if current is None or scored.score > current.scored.score:
                    best[position] = Hit(name, scored, variant)
        return sorted(best.values(), key=lambda h: (-h.scored.score, h.name.owner, h.name.value))
