"""``proscribe news``: extract designation events from articles, find conflicts, review them into the journal."""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import orjson
import typer
from rich.console import Console
from rich.table import Table

from proscribe.cli.common import DbOption, console, day_option, reports_errors, spinner
from proscribe.errors import InputError
from proscribe.news import (
    Article,
    NewsEvent,
    article_paths,
    extract_events,
    find_conflicts,
    name_index,
    parse_article,
)
from proscribe.news.clean import MAX_ARTICLE_BYTES, read_article_file
from proscribe.news.feeds import FeedSource, load_sources
from proscribe.news.review import ReviewQueue
from proscribe.news.watch import watch
from proscribe.registry import Registry
from proscribe.store.database import resolve_url

app = typer.Typer(
    help=(
        "News monitor: designation events from articles, with dates resolved, sources quoted and "
        "conflicts flagged. Nothing from news enters the journal until a person accepts it "
        "(`proscribe news review`)."
    ),
    no_args_is_help=True,
    rich_markup_mode="markdown",
)
review_app = typer.Typer(
    help="The review queue: add articles, then accept, edit or reject each candidate event.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
)
app.add_typer(review_app, name="review")


class OutputFormat(StrEnum):
    JSONL = "jsonl"
    TABLE = "table"


FilesArgument = Annotated[
    list[Path],
    typer.Argument(
        help="Article files (.txt or .html), folders of them, or `-` for stdin.", show_default=False
    ),
]
PublishedOption = Annotated[
    str | None,
    typer.Option(
        "--published",
        help="Publication date YYYY-MM-DD (default: the page's date, an index.jsonl beside the file, or its dateline).",
    ),
]
FormatOption = Annotated[
    OutputFormat, typer.Option("--format", help="jsonl (one JSON object a line) or table.")
]


_errors = reports_errors


def _published(value: str | None) -> dt.date | None:
    return day_option(value, "--published")


def _read_articles(files: list[Path], published: dt.date | None) -> list[Article]:
    """Every input read and checked before anything is printed or written."""
    articles: list[Article] = []
    for path in article_paths(files):
        if str(path) == "-":
            raw = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(f"not UTF-8 text (byte {exc.start})", location="<stdin>") from None
            articles.append(parse_article(text, "<stdin>", published))
        else:
            articles.append(read_article_file(path, published))
    if not articles:
        raise InputError("no article files found (.txt, .html, .htm)", location=" ".join(map(str, files)))
    return articles


def _existing_registry(db: str | None) -> Registry | None:
    """The registry only if it already exists: reading news must not create a database."""
    url = resolve_url(db)
    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")
        if path != ":memory:" and not Path(path).is_file():
            return None
    return Registry(db)


def _events(
    articles: list[Article], registry: Registry | None, extremist_lists: bool = False
) -> list[NewsEvent]:
    index = name_index(registry.entities.all() if registry else ())
    return [
        event
        for article in articles
        for event in extract_events(article, index, extremist_lists=extremist_lists)
    ]


def _write_jsonl(rows: list[dict[str, object]]) -> None:
    out = io.BytesIO()
    for row in rows:
        out.write(orjson.dumps(row))
        out.write(b"\n")
    sys.stdout.buffer.write(out.getvalue())
    sys.stdout.flush()


@app.command()
def extract(
    files: FilesArgument,
    published: PublishedOption = None,
    output: FormatOption = OutputFormat.JSONL,
    extremist_lists: Annotated[
        bool,
        typer.Option(
            "--extremist-lists",
            help="Also report bans under extremism laws (Russia's Ministry of Justice list) as designations.",
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """Candidate events in articles: jurisdiction, organisation, action, dates, verbatim evidence.

    Organisations are linked to registry entities by their names in any script (the bundled
    entities, plus those of `--db` if it exists). Relative dates ("on Friday", "late 2023") are
    resolved against the publication date and keep their precision.

    Examples:

        proscribe news extract article.txt --published 2024-12-17

        proscribe news extract articles/ --format table

        curl -s https://example.org/news.html | proscribe news extract - --published 2025-04-17
    """
    _errors(_extract)(files, published, output, db, extremist_lists)


def _extract(
    files: list[Path],
    published: str | None,
    output: OutputFormat,
    db: str | None,
    extremist_lists: bool = False,
) -> None:
    articles = _read_articles(files, _published(published))
    events = _events(articles, _existing_registry(db), extremist_lists)
    if output is OutputFormat.JSONL:
        _write_jsonl([e.to_json() for e in events])
        return
    table = Table(
        "file",
        "jur.",
        "organisation",
        "action",
        "effective",
        "basis",
        "announced",
        "prec.",
        "primary",
        "conf.",
    )
    for e in events:
        table.add_row(
            Path(e.file).name, e.jurisdiction or "?", e.entity_id or e.organisation or "?", e.action,
            e.effective_date or "", e.date_basis or "", e.announced_date or "", e.date_precision,
            "yes" if e.primary else "", f"{e.confidence:.2f}",
        )  # fmt: skip
    console.print(table)


@app.command()
def conflicts(
    files: FilesArgument,
    published: PublishedOption = None,
    output: FormatOption = OutputFormat.JSONL,
    merged: Annotated[
        bool, typer.Option("--merged", help="Also print the merged reports that agree.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Disagreements between articles, and with the registry, about the same organisation and step.

    Reports of the same organisation, jurisdiction and action whose dates cannot stand for the
    same day conflict ("late 2023" vs "earlier this year" in 2024); reports that agree are merged.

    Example: `proscribe news conflicts a.txt b.txt --published 2024-12-17`
    """
    _errors(_conflicts)(files, published, output, merged, db)


def _conflicts(
    files: list[Path], published: str | None, output: OutputFormat, merged: bool, db: str | None
) -> None:
    articles = _read_articles(files, _published(published))
    registry = _existing_registry(db)
    events = _events(articles, registry)
    acts = list(registry.journal.all_acts()) if registry else []
    found, agreed = find_conflicts(events, acts)
    if output is OutputFormat.JSONL:
        rows = [c.to_json() for c in found]
        if merged:
            rows += [{"merged": True, **m.to_json()} for m in agreed]
        _write_jsonl(rows)
        return
    for conflict in found:
        console.print(
            f"[magenta]Conflict[/magenta] {conflict.organisation} {conflict.jurisdiction} {conflict.field}: "
            + " vs ".join(conflict.values),
            highlight=False,
        )
        console.print("  " + ", ".join(conflict.files), highlight=False)
    if merged:
        for report in agreed:
            console.print(
                f"agree: {report.organisation} {report.jurisdiction} {report.action} "
                f"{report.effective_date or '?'} ({len(report.files)} file(s))",
                highlight=False,
            )


@app.command("watch")
def watch_command(
    feeds: Annotated[
        list[str] | None,
        typer.Argument(
            help="Feed or page URLs, feed files, or folders of saved articles.", show_default=False
        ),
    ] = None,
    sources: Annotated[
        bool, typer.Option("--sources", help="Also watch the official sources in feeds.yaml (shipped).")
    ] = False,
    sources_file: Annotated[
        Path | None, typer.Option("--sources-file", help="A feeds.yaml of your own (with --sources).")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Skip items published before this day (YYYY-MM-DD).")
    ] = None,
    output: Annotated[
        str,
        typer.Option(
            "--format", help="text (a line per item and a summary) or jsonl (one queued event a line)."
        ),
    ] = "text",
    timeout: Annotated[float, typer.Option("--timeout", min=1, help="Seconds per request.")] = 20.0,
    db: DbOption = None,
) -> None:
    """Read feeds and pages, skip what was seen before, queue the events of new articles for review.

    Nothing enters the journal until `proscribe news review accept`. Each item is fetched once
    across runs (by URL, and by content hash for the same page at two addresses).

    Examples:

        proscribe news watch --sources --since 2026-11-01

        proscribe news watch https://www.gov.uk/search/news-and-communications.atom?keywords=proscribed

        proscribe news watch saved-articles/ --format jsonl
    """
    _errors(_watch)(feeds or [], sources, sources_file, since, output, timeout, db)


def _watch(
    feeds: list[str],
    sources: bool,
    sources_file: Path | None,
    since: str | None,
    output: str,
    timeout: float,
    db: str | None,
) -> None:
    if output not in ("text", "jsonl"):
        raise InputError(f"unknown format '{output}' (text or jsonl)", "--format")
    day = day_option(since, "--since")
    inputs: list[str | Path | FeedSource] = [*(load_sources(sources_file) if sources else [])]
    for feed in feeds:
        inputs.append(feed if "://" in feed else Path(feed))
    if not inputs:
        raise InputError("give a feed, page or folder, or --sources for the official sources", "FEED_OR_DIR")
    with spinner("watched") as bar:
        task = bar.add_task("watch", total=None)
        result = watch(
            Registry(db),
            inputs,
            since=day,
            timeout=timeout,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )
    err = Console(stderr=True)
    if output == "jsonl":
        _write_jsonl(result.event_rows())
        err.print(result.summary(), highlight=False)
    else:
        for item in result.items:
            console.print(item.line(), highlight=False, markup=False)
        for failure in result.feed_failures:
            err.print(failure.line(), highlight=False, markup=False)
        console.print(result.summary(), highlight=False)
    if result.feed_failures:
        raise typer.Exit(1)


@review_app.command("add")
def review_add(files: FilesArgument, published: PublishedOption = None, db: DbOption = None) -> None:
    """Extract events from articles and queue them as pending (nothing enters the journal yet).

    Example: `proscribe news review add articles/ --db registry.db`
    """
    _errors(_review_add)(files, published, db)


def _review_add(files: list[Path], published: str | None, db: str | None) -> None:
    articles = _read_articles(files, _published(published))
    registry = Registry(db)
    queue = ReviewQueue(registry)
    index = name_index(registry.entities.all())
    total = 0
    for article in articles:
        total += len(queue.add(article, extract_events(article, index)))
    console.print(f"{total} events from {len(articles)} articles are in the review queue.")


@review_app.command("list")
def review_list(
    status: Annotated[str, typer.Option("--status", help="pending, accepted, rejected or all.")] = "pending",
    output: FormatOption = OutputFormat.TABLE,
    db: DbOption = None,
) -> None:
    """Events in the review queue (pending by default)."""
    _errors(_review_list)(status, output, db)


def _review_list(status: str, output: OutputFormat, db: str | None) -> None:
    if status not in ("pending", "accepted", "rejected", "all"):
        raise InputError(f"unknown status '{status}'", location="--status")
    items = ReviewQueue(Registry(db)).list(None if status == "all" else status)
    if output is OutputFormat.JSONL:
        _write_jsonl([i.to_json() for i in items])
        return
    table = Table("id", "status", "jur.", "organisation", "action", "effective", "evidence")
    for item in items:
        e = item.event
        table.add_row(
            item.id, item.status, str(e.get("jurisdiction") or "?"), str(e.get("entity_id") or e.get("organisation") or "?"),
            str(e["action"]), str(e.get("effective_date") or ""), str(e["evidence_quote"])[:80],
        )  # fmt: skip
    console.print(table)


def _reviewer(value: str | None) -> str:
    return value or os.environ.get("USER") or "reviewer"


@review_app.command("accept")
def review_accept(
    event_id: Annotated[str, typer.Argument(help="Event id from `proscribe news review list`.")],
    reviewer: Annotated[str | None, typer.Option("--reviewer", help="Who accepts (default: $USER).")] = None,
    db: DbOption = None,
) -> None:
    """Accept an event: it becomes an act citing the article (URL and hash) and the quote.

    Example: `proscribe news review accept 3f2a9c1b2d4e-1 --reviewer alice`
    """
    _errors(_review_accept)(event_id, reviewer, db)


def _review_accept(event_id: str, reviewer: str | None, db: str | None) -> None:
    act = ReviewQueue(Registry(db)).accept(event_id, _reviewer(reviewer))
    console.print(f"Recorded act {act.id}.", highlight=False)


@review_app.command("edit")
def review_edit(
    event_id: Annotated[str, typer.Argument(help="Event id.")],
    changes: Annotated[
        list[str],
        typer.Option(
            "--set",
            help="FIELD=VALUE; fields: jurisdiction, organisation, entity_id, action, "
            "effective_date, announced_date, list, authority. Repeatable.",
        ),
    ],
    db: DbOption = None,
) -> None:
    """Correct a pending event before accepting it.

    Example: `proscribe news review edit 3f2a9c1b2d4e-2 --set effective_date=2023-12 --set entity_id=taliban`
    """
    _errors(_review_edit)(event_id, changes, db)


def _review_edit(event_id: str, changes: list[str], db: str | None) -> None:
    parsed: dict[str, str] = {}
    for change in changes:
        key, sep, value = change.partition("=")
        if not sep or not key.strip():
            raise InputError(f"expected FIELD=VALUE, got '{change}'", location="--set")
        parsed[key.strip()] = value.strip()
    item = ReviewQueue(Registry(db)).edit(event_id, parsed)
    console.print(f"Updated {item.id}.", highlight=False)


@review_app.command("reject")
def review_reject(
    event_id: Annotated[str, typer.Argument(help="Event id.")],
    reason: Annotated[str, typer.Option("--reason", help="Why the event is wrong (required).")],
    reviewer: Annotated[str | None, typer.Option("--reviewer", help="Who rejects (default: $USER).")] = None,
    db: DbOption = None,
) -> None:
    """Reject an event with a reason; it stays in the queue's history, never in the journal."""
    _errors(_review_reject)(event_id, reason, reviewer, db)


def _review_reject(event_id: str, reason: str, reviewer: str | None, db: str | None) -> None:
    ReviewQueue(Registry(db)).reject(event_id, _reviewer(reviewer), reason)
    console.print(f"Rejected {event_id}.", highlight=False)
