"""CLI: ``proscribe screen`` (one name or a CSV column), ``screen-exclude``, ``screen-audit``.

Registered on the main ``proscribe`` app by :func:`register`.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from proscribe.cli import DbOption, JsonOption, _day, _jurisdiction, _print_json, console, reports_errors
from proscribe.errors import InputError
from proscribe.names.score import THRESHOLD
from proscribe.registry import Registry
from proscribe.screening.audit import AuditLog, ScreenRecord
from proscribe.screening.batch import Row, default_workers, read_column, screen_many, write_rows
from proscribe.screening.exclusions import ExclusionStore
from proscribe.screening.screen import ScreeningIndex, check_query, screen

AUDIT_CHUNK = 1000


def _jurisdictions(values: list[str] | None) -> list[str]:
    return [code for code in (_jurisdiction(v) for v in values or []) if code]


def _audited(
    rows: Iterator[Row], audit: AuditLog, index: ScreeningIndex, day: dt.date, codes: list[str]
) -> Iterator[Row]:
    pending: list[ScreenRecord] = []
    for row in rows:
        if row.error is None:
            pending.append(ScreenRecord(row.query, day, codes, row.matches))
        if len(pending) >= AUDIT_CHUNK:
            audit.record(pending, index.list_versions)
            pending = []
        yield row
    audit.record(pending, index.list_versions)


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
    day = _day(as_of, "--as-of") or dt.date.today()
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

    registry = Registry(db)
    if input_file is not None:
        assert column is not None
        queries = read_column(input_file, column)
        first = next(queries, None)  # bad files fail here, before any output
        index = ScreeningIndex.from_registry(registry)
        exclusions = ExclusionStore(registry.db).all()

        def all_queries() -> Iterator[tuple[int, str]]:
            if first is not None:
                yield first
            yield from queries

        if engine == "spark":
            # The same matcher as a PySpark job (broadcast index, mapPartitions); rows in input order.
            from proscribe.service.spark import screen_on_spark

            engine_rows = screen_on_spark(index, all_queries(), day, codes or None, limit, exclusions)
        else:
            engine_rows = screen_many(
                index, all_queries(), day, codes or None, limit, exclusions, workers or default_workers()
            )
        rows = _audited(
            engine_rows,
            AuditLog(registry.db),
            index,
            day,
            codes,
        )
        progress = Progress(
            SpinnerColumn(),
            TextColumn("screened {task.completed:,} names"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
            disable=not sys.stderr.isatty(),
        )
        with progress:
            task = progress.add_task("screen")
            if output is None:
                write_rows(rows, sys.stdout, fmt, lambda: progress.advance(task))
            else:
                with output.open("w", encoding="utf-8", newline="") as handle:
                    count = write_rows(rows, handle, fmt, lambda: progress.advance(task))
                Console(stderr=True).print(f"Screened {count:,} names into {output}.")
        return
    assert name is not None
    check_query(name, "NAME")
    index = ScreeningIndex.from_registry(registry)
    excluded = ExclusionStore(registry.db).excluded(name)
    matches = screen(index, name, day, codes or None, limit, excluded=excluded)
    AuditLog(registry.db).record([ScreenRecord(name, day, codes, matches)], index.list_versions)
    if json_output:
        _print_json({"query": name, "as_of": day.isoformat(), "matches": [m.to_json() for m in matches]})
        return
    if not matches:
        console.print(f"No match for '{name}' on {day} (threshold {THRESHOLD:.2f}).")
        return
    table = Table(title=f"'{name}' screened against the lists of {day}")
    for heading in ("score", "entity", "matched name", "listings", "why"):
        table.add_column(heading)
    for m in matches:
        listings = "\n".join(
            f"{x.jurisdiction} {x.list}: {x.status}" + (f" since {x.since}" if x.since else "")
            for x in m.listings
        )
        table.add_row(
            f"{m.score:.2f}", f"{m.caption}\n({m.entity_id})", m.matched_name, listings, m.explanation
        )
    console.print(table)


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
    day = _day(since, "--since")
    log = AuditLog(Registry(db).db)
    if output is None:
        log.export(sys.stdout, day)
    else:
        with output.open("w", encoding="utf-8") as handle:
            count = log.export(handle, day)
        console.print(f"Exported {count:,} screens to {output}.")


def register(app: typer.Typer) -> None:
    app.command("screen")(reports_errors(screen_command))
    app.command("screen-exclude")(reports_errors(exclude_command))
    app.command("screen-audit")(reports_errors(audit_command))
