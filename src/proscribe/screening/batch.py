"""Batch screening: a CSV column in, one result per row out, in input order, in constant memory."""

from __future__ import annotations

import csv
import datetime as dt
import gc
import itertools
import multiprocessing
import os
from collections import deque
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


CHUNK = 100  # names per task sent to a worker process


@dataclass
class _Job:
    index: ScreeningIndex
    day: dt.date
    jurisdictions: list[str] | None
    limit: int
    exclusions: dict[str, set[str]] | None


_JOB: _Job | None = None  # set in the parent before forking: workers inherit the built index

# Screening a name makes thousands of short-lived objects, nearly none in reference cycles: with
# the default threshold (700) a worker stops for a collection every few names. Collected 50
# times less often, the cycles that do form are still freed, with a few MiB of delay.
WORKER_GC_THRESHOLD = 35_000


def _start_worker() -> None:
    gc.set_threshold(WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])


def _screen_one(job: _Job, number: int, query: str, cache: dict[str, Row]) -> Row:
    excluded = job.exclusions.get(query_key(query), set()) if job.exclusions else set()
    if not excluded:
        cached = cache.get(query)
        if cached is not None:  # lists of customers repeat names: screen each once per chunk
            return Row(number, query, cached.matches, cached.error)
    try:
        matches = screen(job.index, query, job.day, job.jurisdictions, job.limit, excluded=excluded)
        row = Row(number, query, matches)
    except InputError as exc:
        row = Row(number, query, [], exc.message)
    if not excluded:
        cache[query] = row
    return row


def _screen_chunk(chunk: list[tuple[int, str]]) -> list[tuple[int, list[Match], str | None]]:
    """The chunk's rows that have matches or an error, by their place in the chunk: most rows of
    a real batch have neither, and are not sent back (the parent has their number and query)."""
    assert _JOB is not None
    cache: dict[str, Row] = {}
    found = []
    for at, (number, query) in enumerate(chunk):
        row = _screen_one(_JOB, number, query, cache)
        if row.matches or row.error is not None:
            found.append((at, row.matches, row.error))
    return found


def _chunks(queries: Iterable[tuple[int, str]]) -> Iterator[list[tuple[int, str]]]:
    iterator = iter(queries)
    while chunk := list(itertools.islice(iterator, CHUNK)):
        yield chunk


def default_workers() -> int:
    """One worker per core this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def screen_many(
    index: ScreeningIndex,
    queries: Iterable[tuple[int, str]],
    as_of: dt.date | None = None,
    jurisdictions: list[str] | None = None,
    limit: int = 10,
    exclusions: dict[str, set[str]] | None = None,
    workers: int = 1,
) -> Iterator[Row]:
    """Screen each (number, query) in order; an unusable name gives a row with ``error``, not a failure.

    With ``workers`` > 1 the names are screened in that many forked processes that share the
    built index (copy-on-write), in chunks of :data:`CHUNK`, streamed back in input order: the
    rows are the same as with one process, only faster. Falls back to one process where fork
    is not available.
    """
    global _JOB
    index.names.materialise()  # many queries: columns read in place become lists (before any fork)
    job = _Job(index, as_of or dt.date.today(), jurisdictions, limit, exclusions)
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        cache: dict[str, Row] = {}
        for number, query in queries:
            if len(cache) > 10_000:
                cache.clear()
            yield _screen_one(job, number, query, cache)
        return
    _JOB = job
    # Imported here, not at the top: a one-name `proscribe screen` imports this module but reads
    # no Japanese or Korean name (the module costs ~10 ms to import).
    from proscribe.names.readings import load_dictionaries

    load_dictionaries()  # loaded once here, shared by the forked workers
    context = multiprocessing.get_context("fork")
    # The index's objects move out of the collector's sight before forking: collections in the
    # workers (and in this process while it gathers rows) no longer walk the whole index, nor
    # write to its pages, which would copy them into each worker.
    gc.freeze()
    sent: deque[list[tuple[int, str]]] = deque()  # chunks handed to the pool, in order

    def feed() -> Iterator[list[tuple[int, str]]]:
        for chunk in _chunks(queries):
            sent.append(chunk)
            yield chunk

    try:
        with context.Pool(workers, initializer=_start_worker) as pool:
            for found in pool.imap(_screen_chunk, feed()):
                chunk = sent.popleft()
                by_place = {at: (matches, error) for at, matches, error in found}
                for at, (number, query) in enumerate(chunk):
                    screened = by_place.get(at)
                    yield Row(number, query, []) if screened is None else Row(number, query, *screened)
    finally:
        gc.unfreeze()
        _JOB = None


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
