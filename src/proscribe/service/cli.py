"""``proscribe screen-batch``: screen a CSV column with the local engine or on Apache Spark."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from proscribe.cli import DbOption, _day, reports_errors
from proscribe.errors import InputError
from proscribe.registry import Registry
from proscribe.screening import ScreeningIndex
from proscribe.screening.batch import read_column, screen_many, write_rows
from proscribe.screening.exclusions import ExclusionStore


@reports_errors
def screen_batch(
    input_file: Annotated[Path, typer.Option("--input", help="CSV file to screen.")],
    column: Annotated[str, typer.Option("--column", help="The CSV column holding the names.")],
    engine: Annotated[str, typer.Option("--engine", help="local, or spark (a PySpark job).")] = "local",
    master: Annotated[
        str, typer.Option("--master", help="Spark master (local[N], spark://…, yarn); with --engine spark.")
    ] = "local[2]",
    as_of: Annotated[str | None, typer.Option("--as-of", help="Lists of this day (default today).")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000, help="Matches per name.")] = 10,
    fmt: Annotated[str, typer.Option("--format", help="jsonl or csv.")] = "jsonl",
    output: Annotated[Path | None, typer.Option("--output", help="Results file (default stdout).")] = None,
    db: DbOption = None,
) -> None:
    """Screen every name of a CSV column, locally or as a Spark job (same matcher, same results).

    Example: `proscribe screen-batch --input customers.csv --column name --engine spark --output hits.jsonl`
    """
    if engine not in ("local", "spark"):
        raise InputError(f"unknown engine '{engine}' (local or spark)", "--engine")
    if fmt not in ("jsonl", "csv"):
        raise InputError(f"unknown format '{fmt}' (jsonl or csv)", "--format")
    day = _day(as_of, "--as-of")
    registry = Registry(db)
    names = list(read_column(input_file, column))
    index = ScreeningIndex.from_registry(registry)
    exclusions = ExclusionStore(registry.db).all()
    started = time.perf_counter()
    if engine == "spark":
        from proscribe.service.spark import screen_on_spark

        rows = screen_on_spark(index, names, day, None, limit, exclusions, master=master)
    else:
        rows = screen_many(index, names, day, None, limit, exclusions)
    if output is None:
        count = write_rows(rows, sys.stdout, fmt)
    else:
        with output.open("w", encoding="utf-8", newline="") as handle:
            count = write_rows(rows, handle, fmt)
    elapsed = time.perf_counter() - started
    Console(stderr=True).print(f"Screened {count:,} names with the {engine} engine in {elapsed:.1f} s.")
