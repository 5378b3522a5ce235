"""The screening fast path gives exactly the matches of full scoring, on real names.

``NameIndex.search(query, min_score=...)`` skips candidates whose upper bound
(:mod:`proscribe.names.bounds`) is below ``min_score``, and ``NameIndex.candidates`` ranks names
without tallying each one: both must change nothing at or above the threshold. Checked here on
real queries (yente UN names, US negatives, cross-script organisation names, the index's own
names) against an index of real listed names plus decoys.
"""

from __future__ import annotations

import csv
import heapq
import itertools
from pathlib import Path

import pytest

from proscribe.names.bounds import QueryBound
from proscribe.names.index import MAX_POSTING, Hit, NameIndex, keys
from proscribe.names.normalise import Normalised, expansions, normalise
from proscribe.names.score import THRESHOLD, score_names, weights
from shared_data import pick

YENTE = "name_matching/yente_candidate_generation/"
# The excerpts hold fewer rows than the full files: the volume checks below scale with them.
FULL = pick(YENTE + "negatives_us.csv").full
ORGANISATIONS = Path(__file__).resolve().parent / "data" / "screening" / "organisations.csv"


def _column(name: str, count: int | None = None) -> list[str]:
    # From ../shared/data, or the excerpts in tests/data/lists (fewer rows; MIT; tests/README.md).
    with pick(YENTE + name).path.open(encoding="utf-8") as handle:
        return [row["full_name"] for row in itertools.islice(csv.DictReader(handle), count)]


@pytest.fixture(scope="module")
def organisations() -> list[dict[str, str]]:
    with ORGANISATIONS.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def index(organisations: list[dict[str, str]]) -> NameIndex:
    people = _column("positives_un_untreated.csv") + _column("positives_us_congress_untreated.csv")
    groups = [name for row in organisations for name in row["expected_entity"].split("|") if name]
    decoys = _column("negatives_global.csv", 3000)  # decoys: many candidates per query
    # Whose names they are, as screening knows it from the lists: persons are scored (and bounded)
    # with the discount for left-out middle names, organisations with their own rules.
    kinds = ["person"] * len(people) + ["organisation"] * len(groups) + ["person"] * len(decoys)
    return NameIndex(enumerate(people + groups + decoys), kinds=kinds)


@pytest.fixture(scope="module")
def queries(index: NameIndex, organisations: list[dict[str, str]]) -> list[str]:
    found = _column("positives_un_treated.csv") + _column("negatives_us.csv", 900)
    found += [row["query"] for row in organisations]
    found += [name.value for name in index.names[::25]]  # the index's own names: exact matches
    return found


def _seen(hits: list[Hit]) -> list[tuple[int, str, float, str, str]]:
    return [
        (
            h.name.owner,
            h.name.value,
            h.scored.score,
            h.query_form.text,
            h.scored.explain(h.query_form, h.name.form),
        )
        for h in hits
    ]


@pytest.mark.parametrize("min_score", [THRESHOLD, 0.6])
def test_fast_path_matches_full_scoring(index: NameIndex, queries: list[str], min_score: float) -> None:
    # Enough real queries to mean something.
    assert len(queries) >= (2000 if FULL else 700)
    reported = 0
    for query in queries:
        full = [hit for hit in index.search(query) if hit.scored.score >= min_score]
        fast = index.search(query, min_score=min_score)
        assert _seen(fast) == _seen(full), query
        reported += len(full)
    assert reported > 1000  # the sample has many matches, not only misses


def _variants(query: str) -> list[Normalised]:
    form = normalise(query)
    return [form] + [normalise(text) for text in expansions(form)] if form.tokens else []


def test_bound_never_below_the_real_score(index: NameIndex, queries: list[str]) -> None:
    """For every candidate of every query: a threshold equal to its real score keeps it."""
    pairs = 0
    for query in queries:
        for variant in _variants(query):
            query_weights = weights(variant, index.weight)
            for position in index.candidates(variant):
                name = index.names[position]
                real = score_names(
                    variant,
                    name.form,
                    kind=index._kinds[position],
                    query_weights=query_weights,
                    name_weights=index._name_weights[position],
                ).score
                if real <= 0:
                    continue
                kept = QueryBound(variant, query_weights, real).keep([position], index._facts)
                assert kept == [position], (variant.text, name.form.text, real)
                pairs += 1
    assert pairs > (20_000 if FULL else 5_000)


def _reference_candidates(index: NameIndex, form: Normalised, limit: int) -> tuple[list[int], int]:
    """Candidate generation as it was first written: every name tallied, then the best kept
    (and how many names were tallied)."""
    found = [(key, index.postings[key]) for key in keys(form) if key in index.postings]
    if not found:
        return [], 0
    small = [(k, p) for k, p in found if len(p) <= MAX_POSTING]
    use = small or sorted(found, key=lambda kp: len(kp[1]))[:1]
    tally: dict[int, float] = {}
    for key, positions in use:
        for position in positions:
            tally[position] = tally.get(position, 0.0) + index._idf[key]
    if len(tally) <= limit:
        return list(tally), len(tally)
    ranked = [(value * index._norm[pos], pos) for pos, value in tally.items()]
    return [pos for _, pos in heapq.nlargest(limit, ranked, key=lambda item: item[0])], len(tally)


@pytest.mark.parametrize("limit", [100, 60, 10])  # 100: beyond the cached head of a key (index.HEAD)
def test_candidates_as_tallied_one_by_one(index: NameIndex, queries: list[str], limit: int) -> None:
    truncated = 0
    for query in queries:
        for variant in _variants(query):
            expected, tallied = _reference_candidates(index, variant, limit)
            got = index.candidates(variant, limit)
            if tallied > limit:
                assert got == expected, variant.text  # same names, same order
                truncated += 1
            else:
                assert sorted(got) == sorted(expected), variant.text
    assert truncated > (500 if FULL else 50)
