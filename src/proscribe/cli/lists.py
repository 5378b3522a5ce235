"""CLI commands for official lists: import, versions, diff, links, export.

Registered on the main ``proscribe`` app by :func:`register`.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TaskID, TextColumn, TransferSpeedColumn
from rich.table import Table

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
from proscribe.lists.export import write_export
from proscribe.lists.fetch import fetch_list
from proscribe.lists.importer import ImportResult
from proscribe.lists.links import decide_link
from proscribe.lists.sources import SOURCES, import_source
from proscribe.lists.sources import source as source_named
from proscribe.lists.store import ListStore
from proscribe.lists.versions import version_diff
from proscribe.registry import Registry

links_app = typer.Typer(
    help="Review links between list entries and entities that were too uncertain to merge.",
    invoke_without_command=True,
    no_args_is_help=False,
)


# The same override, with the same meaning, on `import` and `fetch`.
ALLOW_MASS_REMOVAL = typer.Option(
    "--allow-mass-removal",
    help="Accept a version that removes more than 5% of the previous version's entries "
    "(refused by default: a truncated file looks like a mass delisting).",
)


def _report(result: ImportResult) -> None:
    head = f"{result.source} list version {result.version_id[:12]} (data date {result.data_date})"
    if result.already_imported:
        console.print(f"Already imported: {head}; nothing to do.")
        return
    kinds = ", ".join(f"{n:,} {k}" for k, n in result.kinds.most_common())
    changes = ", ".join(f"{n:,} {k.replace('_', ' ')}" for k, n in result.changes.items() if n)
    console.print(f"Imported {head}: {result.entries:,} entries ({kinds}).")
    against = f"version {result.previous[:12]}" if result.previous else "nothing (first version)"
    console.print(f"  changes against {against}: {changes or 'none'}")
    console.print(
        f"  {result.acts_added:,} acts recorded; {result.entities_added:,} new entities, "
        f"{result.entities_updated:,} existing entities given new names; "
        f"{result.pending_links:,} uncertain links await review (proscribe links --pending)."
    )


def import_command(
    source: Annotated[str, typer.Argument(help=f"One of: {', '.join(SOURCES)}.")],
    paths: Annotated[list[Path], typer.Argument(help="File(s) or folder of the list version.")],
    data_date: Annotated[
        str | None, typer.Option("--data-date", help="Date of the list content (YYYY-MM-DD).")
    ] = None,
    jurisdiction: Annotated[
        str | None, typer.Option("--jurisdiction", help="For ftm: whose list it is.")
    ] = None,
    list_id: Annotated[str | None, typer.Option("--list", help="For ftm: the list id to record.")] = None,
    allow_mass_removal: Annotated[bool, ALLOW_MASS_REMOVAL] = False,
    db: DbOption = None,
) -> None:
    """Import a version of an official list; every change becomes an act citing the version.

    Examples:

        proscribe import un ../shared/data/un_sc_consolidated/consolidated_2026-02-27.xml

        proscribe import ofac ../shared/data/ofac_sdn/sdn_2024-05-03.csv

        proscribe import ofac-history ../shared/data/ofac_sdn/jackdwyer_sdn_history_*.tar.xz

        proscribe import ca-sor ../shared/data/ca/sor-2002-284/*.xml   (several versions, oldest first)

    Importing the same version twice does nothing. Versions of one source must be imported in date order.
    A version that drops more than 5% of the previous version's entries is refused unless
    --allow-mass-removal is given.
    """
    day = day_option(data_date, "--data-date")
    spec = source_named(source)
    options = {}
    if "jurisdiction" in spec.requires:
        options = {"jurisdiction": jurisdiction_option(jurisdiction) or "", "list_id": list_id or ""}
    registry = Registry(db)
    with spinner() as bar:
        task = bar.add_task(f"reading {source} entries", total=None)
        results = import_source(
            registry,
            source,
            paths,
            day,
            lambda done, _: bar.update(task, completed=done),
            allow_mass_removal=allow_mass_removal,
            **options,
        )
    if spec.history:
        _report_history(results)
        return
    if len(results) > 1:
        for result in results:
            _report(result)
        return
    [result] = results
    if day is None and not result.already_imported:
        console.print(f"(data date {result.data_date} from the {result.data_date_basis})", style="dim")
    _report(result)


def _report_history(results: list[ImportResult]) -> None:
    totals: dict[str, int] = {}
    for result in results[1:]:
        for kind, count in result.changes.items():
            totals[kind] = totals.get(kind, 0) + count
    fresh = [r for r in results if not r.already_imported]
    console.print(
        f"Replayed {len(results)} OFAC versions ({len(fresh)} new) "
        f"from {results[0].data_date} to {results[-1].data_date}."
    )
    console.print(
        "  changes between consecutive versions: "
        + ", ".join(f"{n:,} {k.replace('_', ' ')}" for k, n in totals.items())
    )
    console.print(f"  {sum(r.acts_added for r in results):,} acts recorded.")


def versions_command(
    source: Annotated[str | None, typer.Argument(help="Only this source.")] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """The list versions imported so far, oldest first."""
    store = ListStore(Registry(db).db)
    found = store.versions(source)
    if as_json:
        print_json(found)
        return
    table = Table(title="Imported list versions")
    for column in ("source", "data date", "version", "entries", "imported at", "data date from"):
        table.add_column(column)
    for version in found:
        table.add_row(
            version.source,
            str(version.data_date),
            version.id[:12],
            f"{version.entry_count:,}",
            version.imported_at[:19],
            version.data_date_basis,
        )
    console.print(table)


def diff_command(
    source: Annotated[str, typer.Argument(help="The list source (un, ofac, ...).")],
    from_version: Annotated[str, typer.Option("--from", help="Earlier version: hash prefix or data date.")],
    to_version: Annotated[str, typer.Option("--to", help="Later version: hash prefix or data date.")],
    limit: Annotated[int, typer.Option("--limit", help="Changes to print (table output).")] = 50,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """What changed between two imported versions of a list: entries added, removed, amended.

    Example: `proscribe diff un --from 2021-01-18 --to 2026-02-27`
    """
    found = version_diff(Registry(db), source, from_version, to_version, labels=("--from", "--to"))
    before, after, rows, summary = found["from"], found["to"], found["changes"], found["summary"]
    if as_json:
        print_json(found)
        return
    console.print(f"{source}: {before.data_date} ({before.id[:12]}) → {after.data_date} ({after.id[:12]})")
    console.print("  " + ", ".join(f"{n:,} {k.replace('_', ' ')}" for k, n in summary.items()))
    table = Table(show_header=True)
    for column in ("key", "change", "name", "lists added", "lists removed"):
        table.add_column(column)
    for row in rows[:limit]:
        table.add_row(
            str(row["key"]),
            ", ".join(row["kinds"]),
            str(row["caption"]),
            ", ".join(row["lists_added"]),
            ", ".join(row["lists_removed"]),
        )
    console.print(table)
    if len(rows) > limit:
        console.print(f"  … {len(rows) - limit:,} more (--limit, or --json for all)")


@links_app.callback()
def links_pending(
    ctx: typer.Context,
    pending: Annotated[bool, typer.Option("--pending", help="List links awaiting review.")] = False,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Links between entities that matched on some names but not enough to merge them automatically."""
    if ctx.invoked_subcommand is not None:
        return
    rows = ListStore(Registry(db).db).pending_candidates()
    if as_json:
        print_json([dict(row._mapping) for row in rows])
        return
    table = Table(title=f"{len(rows):,} links awaiting review")
    for column in ("id", "entity", "might be", "score", "evidence"):
        table.add_column(column)
    for row in rows[:200]:
        table.add_row(str(row.id), row.entity_id, row.candidate_id, f"{row.score:.2f}", row.evidence)
    console.print(table)


def _decide(db: str | None, candidate_id: int, by: str, accept: bool, reason: str | None) -> str:
    registry = Registry(db)
    with registry.db.writing() as conn, conn.begin():
        decided = decide_link(registry, candidate_id, by, accept, reason, conn)
    verb = "is now an alias of" if accept else "stays apart from"
    return f"{decided.entity} {verb} {decided.candidate}"


@links_app.command("accept")
@reports_errors
def links_accept(
    candidate_id: Annotated[int, typer.Argument(help="Link id from `proscribe links --pending`.")],
    by: Annotated[str, typer.Option("--by", help="Who decided (kept with the link).")],
    db: DbOption = None,
) -> None:
    """Accept a pending link: the two entities become one subject (an alias_of link)."""
    console.print(_decide(db, candidate_id, by, True, None))


@links_app.command("reject")
@reports_errors
def links_reject(
    candidate_id: Annotated[int, typer.Argument(help="Link id from `proscribe links --pending`.")],
    by: Annotated[str, typer.Option("--by", help="Who decided.")],
    reason: Annotated[str, typer.Option("--reason", help="Why they are different subjects.")],
    db: DbOption = None,
) -> None:
    """Reject a pending link, with a reason; the entities stay apart."""
    console.print(_decide(db, candidate_id, by, False, reason))


def export_command(
    fmt: Annotated[str, typer.Option("--format", help="ftm, csv or json.")] = "json",
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Statuses on this date (default today).")
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default stdout).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Export entities with their listings and statuses on a date.

    Example: `proscribe export --format ftm --as-of 2025-01-01 -o entities.ftm.json`
    """
    if fmt not in ("ftm", "csv", "json"):
        raise InputError(f"unknown format '{fmt}' (use ftm, csv or json)", location="--format")
    day = day_option(as_of, "--as-of") or dt.date.today()
    registry = Registry(db)
    if output is None:
        write_export(registry, sys.stdout, fmt, day)
        return
    with output.open("w", encoding="utf-8", newline="") as handle:
        count = write_export(registry, handle, fmt, day)
    console.print(f"Wrote {count:,} entities to {output} ({fmt}, statuses as of {day}).")


def register(app: typer.Typer) -> None:
    app.command("import")(reports_errors(import_command))
    app.command("versions")(reports_errors(versions_command))
    app.command("diff")(reports_errors(diff_command))
    app.command("export")(reports_errors(export_command))
    app.command("fetch")(reports_errors(fetch_command))
    app.add_typer(links_app, name="links")


def fetch_command(
    source_name: Annotated[str, typer.Argument(metavar="SOURCE", help="un, ofac or ca-sor.")],
    folder: Annotated[
        Path, typer.Option("--folder", help="Where downloaded versions are kept (one folder per version).")
    ] = Path("downloads"),
    mirror: Annotated[
        str | None, typer.Option("--from", help="Download from this address instead of the publisher's.")
    ] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=1, help="Seconds per file.")] = 120.0,
    allow_mass_removal: Annotated[bool, ALLOW_MASS_REMOVAL] = False,
    db: DbOption = None,
) -> None:
    """Download the current official list, keep it with its hash, and import it as a new version.

    Examples:

        proscribe fetch un

        proscribe fetch ofac --folder /srv/proscribe/downloads

        proscribe fetch ca-sor --from http://mirror.internal/justice-canada

    Sources whose publisher offers no file proscribe can read (eu, uk, au, ca, ru-fsb) say why.
    A version that drops more than 5% of the previous version's entries is refused (the download
    is kept, nothing is imported) unless --allow-mass-removal is given.
    """
    registry = Registry(db)
    progress = Progress(
        TextColumn("downloading {task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        console=Console(stderr=True),
        transient=True,
        disable=not sys.stderr.isatty(),
    )
    tasks: dict[str, TaskID] = {}

    def advance(file_name: str, done: int, total: int | None) -> None:
        if file_name not in tasks:
            tasks[file_name] = progress.add_task(file_name, total=total)
        progress.update(tasks[file_name], completed=done, total=total)

    with progress:
        fetched = fetch_list(
            registry,
            source_name,
            folder,
            mirror=mirror,
            timeout=timeout,
            progress=advance,
            allow_mass_removal=allow_mass_removal,
        )
    for path, url, digest in fetched.files:
        console.print(f"Downloaded {url} → {path} (sha256 {digest[:16]}…)", highlight=False)
    for result in fetched.results:
        _report(result)
