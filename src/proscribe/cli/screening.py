"""CLI: ``proscribe screen`` (one name or a CSV column), ``screen-batch``, ``screen-exclude``, ``screen-audit``.

Every screen goes through :class:`proscribe.screening.screener.Screener`, so every one is audited.

Registered on the main ``proscribe`` app by :func:`register`.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from proscribe import render
from proscribe.cli import common
from proscribe.cli.common import (
    DbOption,
    JsonOption,
    console,
    day_option,
    jurisdiction_option,
    print_json,
    reports_errors,
    spinner,
)
from proscribe.errors import InputError
from proscribe.lists.freshness import ListIndex
from proscribe.names.score import THRESHOLD
from proscribe.registry import Registry
from proscribe.screening.audit import AuditLog
from proscribe.screening.batch import read_column, write_rows
from proscribe.screening.exclusions import ExclusionStore
from proscribe.screening.screen import check_query
from proscribe.screening.screener import Screener


def _exit_without_freeing_the_index() -> None:
    """End a one-name screen run as the `proscribe` command now: the answer is printed and its audit
    row committed, and freeing the tens of megabytes of the screening index object by object would
    only delay the exit (~0.1 s). Callers embedding the CLI in their own process are not exited."""
    if not common.RUNNING_AS_COMMAND:
        return
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _jurisdictions(values: list[str] | None) -> list[str]:
    return [code for code in (jurisdiction_option(v) for v in values or []) if code]


def _screen_file(
    screener: Screener,
    input_file: Path,
    column: str,
    day: dt.date,
    codes: list[str],
    limit: int,
    fmt: str,
    output: Path | None,
    engine: str,
    workers: int = 0,
    spark_master: str = "local[2]",
) -> None:
    """Screen a CSV column through the screener (audited), writing rows as they come."""
    if fmt not in ("jsonl", "csv"):
        raise InputError(f"unknown format '{fmt}' (jsonl or csv)", "--format")
    if engine not in ("local", "spark"):
        raise InputError(f"unknown engine '{engine}' (local or spark)", "--engine")
    queries = read_column(input_file, column)
    first = next(queries, None)  # bad files fail here, before any output

    def all_queries() -> Iterator[tuple[int, str]]:
        if first is not None:
            yield first
        yield from queries

    started = time.perf_counter()
    rows = screener.screen_stream(
        all_queries(), day, codes, limit, engine=engine, workers=workers, spark_master=spark_master
    )
    with spinner("screened") as progress:
        task = progress.add_task("screen")
        if output is None:
            count = write_rows(rows, sys.stdout, fmt, lambda: progress.advance(task))
        else:
            with output.open("w", encoding="utf-8", newline="") as handle:
                count = write_rows(rows, handle, fmt, lambda: progress.advance(task))
    where = f" into {output}" if output else ""
    Console(stderr=True).print(
        f"Screened {count:,} names{where} with the {engine} engine in {time.perf_counter() - started:.1f} s."
    )


def screen_command(
    name: Annotated[str | None, typer.Argument(help="The name to screen (any script).")] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Screen against the lists of this day (default today).")
    ] = None,
    jurisdiction: Annotated[
        list[str] | None,
        typer.Option("--jurisdiction", "-j", help="Only listings of this jurisdiction (repeatable)."),
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", min=1, max=1000, help="At most this many matches per name.")
    ] = 10,
    json_output: JsonOption = False,
    input_file: Annotated[
        Path | None, typer.Option("--input", help="CSV file to screen, one name per row.")
    ] = None,
    column: Annotated[str | None, typer.Option("--column", help="The CSV column holding the names.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="Batch output: jsonl or csv.")] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("--output", help="Write batch results here (default stdout).")
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", min=0, help="Batch worker processes (0 = one per core).")
    ] = 0,
    engine: Annotated[
        str, typer.Option("--engine", help="Batch engine: local (worker processes) or spark (a PySpark job).")
    ] = "local",
    db: DbOption = None,
) -> None:
    """Screen a name (or a CSV column) against every list, as of a date, with explained scores.

    Examples: `proscribe screen "Hay'at Tahrir al-Sham" --as-of 2025-03-01 -j US`;
    `proscribe screen --input customers.csv --column name --output hits.jsonl`
    """
    day = day_option(as_of, "--as-of") or dt.date.today()
    codes = _jurisdictions(jurisdiction)
    if fmt not in ("jsonl", "csv"):
        raise InputError(f"unknown format '{fmt}' (jsonl or csv)", "--format")
    if input_file is None and name is None:
        raise InputError("give a NAME or --input FILE.csv --column COL", "screen")
    if input_file is not None and name is not None:
        raise InputError("give a NAME or --input, not both", "screen")
    if input_file is not None and not column:
        raise InputError("--input needs --column", "--column")
    if engine not in ("local", "spark"):
        raise InputError(f"unknown engine '{engine}' (local or spark)", "--engine")

    screener = Screener(Registry(db))
    if input_file is not None:
        assert column is not None
        _screen_file(screener, input_file, column, day, codes, limit, fmt, output, engine, workers)
        return
    assert name is not None
    check_query(name, "NAME")
    [row] = screener.screen_names([name], day, codes, limit)
    matches = row.matches
    if json_output:
        print_json({"query": name, "as_of": day.isoformat(), "matches": [m.to_json() for m in matches]})
        _exit_without_freeing_the_index()
    if not matches:
        console.print(f"No match for '{name}' on {day} (threshold {THRESHOLD:.2f}).")
        return
    table = Table(title=f"'{name}' screened against the lists of {day}")
    for heading in ("score", "entity", "matched name", "listings", "why"):
        table.add_column(heading)
    versions = ListIndex.of(screener.registry)
    for m in matches:
        listings = "\n".join(
            f"{x.jurisdiction} {x.list}: "
            + render.since_phrase(x.status, x.since, versions.snapshot_date(x.since))
            for x in m.listings
        )
        table.add_row(
            f"{m.score:.2f}", f"{m.caption}\n({m.entity_id})", m.matched_name, listings, m.explanation
        )
    console.print(table)
    _exit_without_freeing_the_index()


def screen_batch_command(
    input_file: Annotated[Path, typer.Option("--input", help="CSV file to screen.")],
    column: Annotated[str, typer.Option("--column", help="The CSV column holding the names.")],
    engine: Annotated[str, typer.Option("--engine", help="local, or spark (a PySpark job).")] = "local",
    master: Annotated[
        str, typer.Option("--master", help="Spark master (local[N], spark://…, yarn); with --engine spark.")
    ] = "local[2]",
    as_of: Annotated[str | None, typer.Option("--as-of", help="Lists of this day (default today).")] = None,
    jurisdiction: Annotated[
        list[str] | None,
        typer.Option("--jurisdiction", "-j", help="Only listings of this jurisdiction (repeatable)."),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000, help="Matches per name.")] = 10,
    fmt: Annotated[str, typer.Option("--format", help="jsonl or csv.")] = "jsonl",
    output: Annotated[Path | None, typer.Option("--output", help="Results file (default stdout).")] = None,
    workers: Annotated[
        int, typer.Option("--workers", min=0, help="Local worker processes (0 = one per core).")
    ] = 0,
    db: DbOption = None,
) -> None:
    """Screen every name of a CSV column, locally or as a Spark job (same matcher, same rows, audited).

    The same as `proscribe screen --input FILE --column COL`, with the Spark master as an option.

    Example: `proscribe screen-batch --input customers.csv --column name --engine spark --output hits.jsonl`
    """
    day = day_option(as_of, "--as-of") or dt.date.today()
    screener = Screener(Registry(db))
    _screen_file(
        screener,
        input_file,
        column,
        day,
        _jurisdictions(jurisdiction),
        limit,
        fmt,
        output,
        engine,
        workers,
        master,
    )


def exclude_command(
    query: Annotated[str, typer.Argument(help="The screened name.")],
    entity: Annotated[str, typer.Argument(help="Entity id that is NOT this name.")],
    reason: Annotated[str, typer.Option("--reason", help="Why (e.g. 'different date of birth').")],
    author: Annotated[str, typer.Option("--author", help="Who reviewed it.")],
    db: DbOption = None,
) -> None:
    """Record a reviewed false positive: later screens of QUERY leave ENTITY out."""
    registry = Registry(db)
    if registry.entities.get(entity) is None:
        raise InputError(f"no entity '{entity}'", "ENTITY")
    excl = ExclusionStore(registry.db).add(query, entity, reason, author)
    console.print(f"Excluded {entity} for '{excl.query_key}' ({reason}, by {author}).")


def audit_command(
    output: Annotated[
        Path | None, typer.Option("--output", help="Write JSON lines here (default stdout).")
    ] = None,
    since: Annotated[str | None, typer.Option("--since", help="Only screens on or after this day.")] = None,
    db: DbOption = None,
) -> None:
    """Export the audit record of screens as JSON lines (time, user, query, date, list versions, results)."""
    day = day_option(since, "--since")
    log = AuditLog(Registry(db).db)
    if output is None:
        log.export(sys.stdout, day)
    else:
        with output.open("w", encoding="utf-8") as handle:
            count = log.export(handle, day)
        console.print(f"Exported {count:,} screens to {output}.")


def register(app: typer.Typer) -> None:
    app.command("screen")(reports_errors(screen_command))
    app.command("screen-batch")(reports_errors(screen_batch_command))
    app.command("screen-exclude")(reports_errors(exclude_command))
    app.command("screen-audit")(reports_errors(audit_command))
