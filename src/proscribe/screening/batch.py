"""Batch screening: a CSV column in, one result per row out, in input order, in constant memory."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import orjson

from proscribe.errors import InputError
from proscribe.screening.exclusions import query_key
from proscribe.screening.screen import Match, ScreeningIndex, screen

CSV_COLUMNS = [
    "row",
    "query",
    "rank",
    "entity_id",
    "caption",
    "score",
    "matched_name",
    "explanation",
    "listings",
]


@dataclass
class Row:
    number: int  # data row number (1 = first row after the header)
    query: str
    matches: list[Match]
    error: str | None = None


def _decoded_lines(path: Path) -> Iterator[str]:
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                yield raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise InputError("invalid UTF-8", f"{path}:{number}:{exc.start + 1}") from None


def read_column(path: Path, column: str) -> Iterator[tuple[int, str]]:
    """(data row number, value) for each row of ``column``; streams, any file size."""
    if not path.is_file():
        raise InputError("no such file", str(path))
    reader = csv.reader(_decoded_lines(path))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("empty file (no header row)", f"{path}:1") from None
    except csv.Error as exc:
        raise InputError(str(exc), f"{path}:1") from None
    if column not in header:
        raise InputError(f"no column '{column}' (columns: {', '.join(header)})", f"{path}:1")
    at = header.index(column)
    number = 0
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(str(exc), f"{path}:{reader.line_num}") from None
        number += 1
        yield number, fields[at] if at < len(fields) else ""


def screen_many(
    index: ScreeningIndex,
    queries: Iterable[tuple[int, str]],
    as_of: dt.date | None = None,
    jurisdictions: list[str] | None = None,
    limit: int = 10,
    exclusions: dict[str, set[str]] | None = None,
) -> Iterator[Row]:
    """Screen each (number, query) in order; an unusable name gives a row with ``error``, not a failure."""
    day = as_of or dt.date.today()
    for number, query in queries:
        excluded = exclusions.get(query_key(query), set()) if exclusions else set()
        try:
            matches = screen(index, query, day, jurisdictions, limit, excluded=excluded)
        except InputError as exc:
            yield Row(number, query, [], exc.message)
            continue
        yield Row(number, query, matches)


def write_rows(
    rows: Iterable[Row], output: IO[str], fmt: str, progress: Callable[[], None] | None = None
) -> int:
    count = 0
    writer = csv.writer(output) if fmt == "csv" else None
    if writer is not None:
        writer.writerow(CSV_COLUMNS)
    for row in rows:
        if writer is None:
            record: dict[str, object] = {"query": row.query, "matches": [m.to_json() for m in row.matches]}
            if row.error:
                record["error"] = row.error
            output.write(orjson.dumps(record).decode() + "\n")
        elif not row.matches:
            writer.writerow([row.number, row.query, "", "", "", "", "", row.error or "", ""])
        else:
            for rank, m in enumerate(row.matches, start=1):
                listings = "; ".join(
                    f"{x.jurisdiction}:{x.list}:{x.status}" + (f":{x.since}" if x.since else "")
                    for x in m.listings
                )
                writer.writerow(
                    [
                        row.number,
                        row.query,
                        rank,
                        m.entity_id,
                        m.caption,
                        m.score,
                        m.matched_name,
                        m.explanation,
                        listings,
                    ]
                )
        count += 1
        if progress is not None:
            progress()
    return count
