"""Screening quality on the public name-matching benchmarks (prints figures for docs/benchmarks.md).

proscribe's scorer is compared in the same run with a rapidfuzz brute-force baseline
(token_sort_ratio / 100) and, when installed (``pip install -e '.[bench]'``), nomenklatura.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz, process

from proscribe.names.index import NameIndex
from proscribe.names.normalise import normalise
from proscribe.names.score import THRESHOLD, compare_names

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "name_matching"
ORGANISATIONS = Path(__file__).resolve().parents[1] / "tests" / "data" / "screening" / "organisations.csv"
Scorer = Callable[[str, str, str | None], float]


def ours(a: str, b: str, kind: str | None = None) -> float:
    return compare_names(a, b, kind=kind).score


def baseline(a: str, b: str, kind: str | None = None) -> float:
    return fuzz.token_sort_ratio(a.lower(), b.lower()) / 100


# The bench's FtM schema says whose name it is, as the listed entity's kind does when screening
# (nomenklatura's harness uses it too).
KINDS = {"Person": "person", "Company": "organisation", "Organization": "organisation"}


def f1(scorer: Scorer, threshold: float) -> tuple[float, float, float]:
    tp = fp = fn = 0
    with (DATA / "nomenklatura_name_bench_cases.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            hit = scorer(row["name1"], row["name2"], KINDS.get(row["schema"])) >= threshold
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
        passed = [r for r in rows if scorer(r[0], r[1], None) >= float(r[2])]
        print(f"watchman cross-script pairs above minimum, {label}: {len(passed)}/{len(rows)}")
    for r in rows:
        if ours(r[0], r[1]) < float(r[2]):
            print(f"  below: {r[0]} / {r[1]}: {ours(r[0], r[1]):.2f} < {r[2]}")


NK_VENV = Path(__file__).resolve().parent / ".venv-nk"
NK_VERSION = "4.17.4"


def nomenklatura_f1(install: bool) -> None:
    """nomenklatura's logic-v2 on the same cases, in its own venv (its dependencies are not ours)."""
    python = NK_VENV / "bin" / "python"
    if not python.exists() and install:
        subprocess.run([sys.executable, "-m", "venv", str(NK_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", f"nomenklatura=={NK_VERSION}"], check=True)
    if not python.exists():
        print("nomenklatura: not installed (run with --install-nomenklatura to create benchmarks/.venv-nk)")
        return
    cases = DATA / "nomenklatura_name_bench_cases.csv"
    out = subprocess.run(
        [str(python), str(Path(__file__).resolve().parent / "nomenklatura_name_bench.py"), str(cases)],
        check=True,
        capture_output=True,
        text=True,
    )
    scores = iter(float(line) for line in out.stdout.split())
    with cases.open(encoding="utf-8") as handle:
        table = {(row["name1"], row["name2"]): next(scores) for row in csv.DictReader(handle)}

    def nk(a: str, b: str, kind: str | None = None) -> float:
        return table[(a, b)]

    best = max((f1(nk, t / 100)[0], t / 100) for t in range(50, 100))
    score, precision, recall = f1(nk, 0.7)
    print(
        f"nomenklatura name bench, nomenklatura {NK_VERSION} logic-v2: F1 {score:.3f} (P {precision:.3f} R {recall:.3f}) at 0.7; best F1 {best[0]:.3f} at {best[1]}"
    )


def _org_key(name: str) -> str:
    return normalise(re.sub(r"\(.*?\)", " ", name)).text


def organisations(db: str) -> None:
    """Organisations across scripts (tests/data/screening/organisations.csv) screened with ``screen``
    against the full index: a variant is found when a match above the threshold carries the
    expected name (alternatives split by "|"); a negative is a false positive when anything matches."""
    from proscribe import Registry
    from proscribe.screening import ScreeningIndex, screen

    if not Path(db).is_file():
        print(
            f"organisations: no registry at {db} (import UN, OFAC, EU, UK, AU, CA first; see docs/benchmarks.md)"
        )
        return
    index = ScreeningIndex.from_registry(Registry(db))
    with ORGANISATIONS.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn by script
    misses: list[str] = []
    for row in rows:
        matches = screen(index, row["query"], dt.date(2026, 3, 1))
        tally = counts[row["script"]]
        if row["kind"] == "variant":
            wanted = {_org_key(name) for name in row["expected_entity"].split("|")}
            if any(_org_key(name) in wanted for m in matches for name in m.names):
                tally[0] += 1
            else:
                tally[2] += 1
                misses.append(f"  missed: {row['query']} (expected {row['expected_entity']})")
        elif matches:
            tally[1] += 1
            misses.append(
                f"  false positive: {row['query']} -> {matches[0].matched_name} {matches[0].score:.2f}"
            )

    def line(label: str, tp: int, fp: int, fn: int) -> str:
        precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        f = 2 * precision * recall / max(precision + recall, 1e-9)
        return f"  {label:<9} P {precision:.3f} R {recall:.3f} F1 {f:.3f} (tp {tp}, fp {fp}, fn {fn})"

    variants = sum(r["kind"] == "variant" for r in rows)
    print(
        f"organisations across scripts: {variants} variants, {len(rows) - variants} negatives at {THRESHOLD}"
    )
    print(line("all", *(sum(c[i] for c in counts.values()) for i in range(3))))
    for script, (tp, fp, fn) in sorted(counts.items()):
        print(line(script, tp, fp, fn))
    print("\n".join(misses))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default="/tmp/screen-full.db", help="registry with the imported lists")
    parser.add_argument("--install-nomenklatura", action="store_true", help=f"create {NK_VENV.name}")
    args = parser.parse_args()
    print(f"proscribe screening quality — threshold {THRESHOLD}")
    for label, scorer in (("proscribe", ours), ("baseline rapidfuzz token_sort_ratio", baseline)):
        best = max((f1(scorer, t / 100)[0], t / 100) for t in range(50, 100))
        score, precision, recall = f1(scorer, THRESHOLD)
        print(
            f"nomenklatura name bench, {label}: F1 {score:.3f} (P {precision:.3f} R {recall:.3f}) at {THRESHOLD}; best F1 {best[0]:.3f} at {best[1]}"
        )
    nomenklatura_f1(args.install_nomenklatura)
    watchman()
    yente()
    organisations(args.db)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
