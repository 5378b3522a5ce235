"""Names/s of batch screening: local engine (one process) vs Spark local[2], on generated names.

Usage: python benchmarks/service_spark.py [--names 1000000] [--db /tmp/spark-bench.db]
The registry holds the bundled acts and UN 2026 (built on first use). Both engines screen the
same names; the script checks that their rows are identical.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

from proscribe import Registry
from proscribe.lists.importer import import_list
from proscribe.screening import ScreeningIndex
from proscribe.screening.batch import screen_many
from proscribe.screening.spark import screen_on_spark, spark_session, synthetic_names
from proscribe.sources import un

UN_2026 = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "data"
    / "un_sc_consolidated"
    / "consolidated_2026-02-27.xml"
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--names", type=int, default=1_000_000)
    parser.add_argument("--db", default="/tmp/spark-bench.db")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--engines", default="local,spark", help="Which to run (both: rows compared).")
    args = parser.parse_args()
    fresh = not Path(args.db).exists()
    registry = Registry(args.db)
    if fresh:
        registry.load_bundled()
        import_list(registry, un.parse([UN_2026]))
    index = ScreeningIndex.from_registry(registry)
    seeds = [name.value for entity in index.entities for name in entity.names]
    names = synthetic_names(seeds, args.names)
    day = dt.date(2026, 3, 1)
    print(f"{len(names):,} names; index of {len(index.entities):,} entities")

    engines = set(args.engines.split(","))
    local = None
    if "local" in engines:
        started = time.perf_counter()
        local = list(screen_many(index, names, day))
        local_s = time.perf_counter() - started
        print(f"local engine, 1 process: {local_s:.1f} s, {len(names) / local_s:,.0f} names/s")
        print(f"names with a hit: {sum(1 for r in local if r.matches):,}")
    if "spark" not in engines:
        return

    session = spark_session(args.master)
    session.sparkContext.parallelize([1, 2]).count()  # start the JVM and workers before timing
    started = time.perf_counter()
    distributed = list(screen_on_spark(index, names, day, session=session))
    spark_s = time.perf_counter() - started
    session.stop()
    print(f"Spark {args.master}: {spark_s:.1f} s, {len(names) / spark_s:,.0f} names/s")
    if local is not None:
        print(f"identical rows: {distributed == local}")


if __name__ == "__main__":
    main()
