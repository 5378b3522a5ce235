"""Screening speed over a registry with the imported lists (pass its --db; default /tmp/screen-full.db).

Prints index build time, single-query p50/p95 on one core, batch names/s, peak memory, and the
ratio to a rapidfuzz brute-force scan over every name measured in the same run.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import resource
import statistics
import time
from pathlib import Path

from rapidfuzz import fuzz, process

from proscribe import Registry
from proscribe.screening import ScreeningIndex, screen
from proscribe.screening.batch import default_workers, screen_many

DATA = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "name_matching" / "yente_candidate_generation"
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default="/tmp/screen-full.db")
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=20000)
    args = parser.parse_args()
    registry = Registry(args.db)
    start = time.perf_counter()
    index = ScreeningIndex.from_registry(registry)
    build = time.perf_counter() - start
    with (DATA / "negatives_global.csv").open(encoding="utf-8") as handle:
        queries = [row["full_name"] for row in csv.DictReader(handle)][: args.queries]
    with (DATA / "positives_un_treated.csv").open(encoding="utf-8") as handle:
        queries += [row["full_name"] for row in csv.DictReader(handle)][: args.queries // 4]
    day = dt.date(2026, 3, 1)
    times = []
    for query in queries:
        t0 = time.perf_counter()
        screen(index, query, day)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p50, p95 = statistics.median(times), times[int(len(times) * 0.95)]
    rate = len(queries) / (sum(times) / 1000)
    all_names = [n.form.text for n in index.names.names]
    t0 = time.perf_counter()
    for query in queries[:50]:
        process.extract(query.lower(), all_names, scorer=fuzz.token_sort_ratio, limit=10)
    brute = (time.perf_counter() - t0) * 1000 / 50
    with (DATA / "negatives_us.csv").open(encoding="utf-8") as handle:
        batch = [row["full_name"] for row in csv.DictReader(handle)][: args.batch]
    workers = default_workers()
    t0 = time.perf_counter()
    count = sum(1 for _ in screen_many(index, enumerate(batch), day, workers=workers))
    batch_rate = count / (time.perf_counter() - t0)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"index: {len(index.entities):,} entities, {len(index.names):,} names, built in {build:.1f} s")
    print(
        f"single query ({len(queries):,} queries, one core): p50 {p50:.2f} ms, p95 {p95:.2f} ms; {rate:,.0f} names/s"
    )
    print(f"brute-force rapidfuzz over all names: {brute:.1f} ms/query ({brute / p50:.0f}x slower than p50)")
    print(f"batch ({count:,} distinct names, {workers} worker processes): {batch_rate:,.0f} names/s")
    print(f"peak memory {rss:,.0f} MiB")


if __name__ == "__main__":
    main()
