"""Batch screening at scale on Apache Spark: the same matcher as the local engine, as a PySpark job.

The screening index is built once on the driver and broadcast to the executors; each partition
of names is screened with :func:`proscribe.screening.batch.screen_many` (``mapPartitions``), so
results are identical to the local engine, row for row, in input order.

Local mode needs only ``pip install pyspark`` and a Java 17+ runtime; on a cluster, ship the
package to the executors (see docs/api.md, "Batch screening on Spark").
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from proscribe.screening import ScreeningIndex
from proscribe.screening.batch import Row, screen_many


def spark_session(master: str | None = "local[2]", app_name: str = "proscribe-screen") -> Any:
    """A Spark session; the executors run this interpreter (and so this installation of proscribe).

    ``master=None`` takes the master given to ``spark-submit``.
    """
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder if master is None else SparkSession.builder.master(master)
    return (
        builder.appName(app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "2g")
        .config("spark.python.worker.reuse", "true")
        .getOrCreate()
    )


def screen_on_spark(
    index: ScreeningIndex,
    queries: Iterable[tuple[int, str]],
    as_of: dt.date | None = None,
    jurisdictions: list[str] | None = None,
    limit: int = 10,
    exclusions: dict[str, set[str]] | None = None,
    *,
    session: Any = None,
    master: str | None = "local[2]",
    partitions: int | None = None,
) -> Iterator[Row]:
    """Screen (number, name) pairs on Spark; rows come back in input order, as ``screen_many`` gives them."""
    spark = session or spark_session(master)
    context = spark.sparkContext
    day = as_of or dt.date.today()
    shared = context.broadcast(index)
    names = list(queries)
    slices = partitions or max(1, min(len(names) // 2000 + 1, context.defaultParallelism * 8))

    def run(part: Iterator[tuple[int, str]]) -> Iterator[Row]:
        yield from screen_many(shared.value, part, day, jurisdictions, limit, exclusions)

    rdd = context.parallelize(names, slices).mapPartitions(run)
    # Run partitions a wave at a time (all cores busy), yielding each wave's rows in input order:
    # parallel like collect(), bounded memory like toLocalIterator() (which runs one partition at a time).
    wave = max(1, context.defaultParallelism * 2)
    try:
        for start in range(0, slices, wave):
            yield from context.runJob(rdd, list, list(range(start, min(start + wave, slices))))
    finally:
        shared.unpersist()


def synthetic_names(seed_names: list[str], count: int, seed: int = 7) -> list[tuple[int, str]]:
    """``count`` distinct, reproducible customer-like names: list names with typos, word drops and
    reordering, mixed with invented company and person names (most of which match nothing)."""
    import random

    rng = random.Random(seed)
    firsts = [
        "Anna",
        "Omar",
        "Li",
        "Maria",
        "Ivan",
        "Fatima",
        "John",
        "Aisha",
        "Pedro",
        "Yuki",
        "Ahmed",
        "Olga",
    ]
    lasts = ["Smith", "Haddad", "Chen", "Garcia", "Petrov", "Khan", "Nakamura", "Okafor", "Rossi", "Novak"]
    words = ["Trading", "Holdings", "Logistics", "Foods", "Capital", "Textiles", "Energy", "Imports", "Media"]
    forms = ["Ltd", "LLC", "GmbH", "SA", "FZCO", "Co", "Group", "Inc"]
    out: list[tuple[int, str]] = []
    seen: set[str] = set()
    while len(out) < count:
        kind = rng.random()
        if kind < 0.3 and seed_names:
            tokens = rng.choice(seed_names).split()
            if len(tokens) > 2 and rng.random() < 0.3:
                tokens.pop(rng.randrange(len(tokens)))
            if tokens and rng.random() < 0.5:
                i = rng.randrange(len(tokens))
                word = tokens[i]
                if len(word) > 3:
                    j = rng.randrange(len(word))
                    tokens[i] = word[:j] + rng.choice("aeiouxyz") + word[j + 1 :]
            name = " ".join(tokens)
        elif kind < 0.65:
            name = f"{rng.choice(firsts)} {rng.choice(lasts)}"
        else:
            name = f"{rng.choice(lasts)} {rng.choice(words)} {rng.choice(forms)}"
        name = f"{name} {len(out)}" if name in seen else name
        seen.add(name)
        out.append((len(out) + 1, name))
    return out


def main(argv: list[str] | None = None) -> None:
    """Entry point for ``spark-submit``: screen a CSV column into a JSON-lines or CSV file."""
    import argparse

    from proscribe.registry import Registry
    from proscribe.screening.batch import read_column, write_rows
    from proscribe.screening.exclusions import ExclusionStore

    parser = argparse.ArgumentParser(description="proscribe batch screening on Spark")
    parser.add_argument("--db", required=True, help="Registry database URL (reachable from the driver).")
    parser.add_argument("--input", required=True, type=Path)
    parser.add_argument("--column", required=True)
    parser.add_argument("--output", required=True, type=Path)
    parser.add_argument("--format", default="jsonl", choices=["jsonl", "csv"])
    parser.add_argument("--as-of", default=None, help="YYYY-MM-DD (default today)")
    args = parser.parse_args(argv)
    registry = Registry(args.db)
    index = ScreeningIndex.from_registry(registry)
    day = dt.date.fromisoformat(args.as_of) if args.as_of else None
    rows = screen_on_spark(
        index,
        read_column(args.input, args.column),
        day,
        None,
        10,
        ExclusionStore(registry.db).all(),
        master=None,
    )
    with args.output.open("w", encoding="utf-8", newline="") as handle:
        count = write_rows(rows, handle, args.format)
    print(f"Screened {count:,} names into {args.output}.")


if __name__ == "__main__":
    main()
