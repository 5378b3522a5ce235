"""Registry commands: load, record, status, history, timeline, verify, changes, conflicts, demo.

Each is a thin layer over :class:`proscribe.Registry`.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from proscribe import render
from proscribe.cli.common import (
    DbOption,
    JsonOption,
    console,
    day_option,
    instant_option,
    jurisdiction_option,
    print_error,
    print_json,
    reports_errors,
)
from proscribe.errors import InputError
from proscribe.lists.evidence import weigh_list_evidence
from proscribe.lists.freshness import status_with_freshness
from proscribe.registry import Registry
from proscribe.screening.resolve import Resolution, resolve_name
from proscribe.screening.screener import Screener
from proscribe.serialize import to_jsonable


def _resolve(registry: Registry, name: str, jurisdiction: str | None, quiet: bool = False) -> Resolution:
    """The entity NAME stands for (exact, else a unique strong screening match, said on stderr)."""
    resolution = resolve_name(registry, name, jurisdiction, lambda: Screener(registry).index())
    if resolution.note and not quiet:
        Console(stderr=True).print(resolution.note, style="dim", highlight=False)
    return resolution


@reports_errors
def load(db: DbOption = None) -> None:
    """Load the curated entities and legal acts shipped with proscribe.

    Idempotent: loading twice adds nothing. Example: `proscribe load --db registry.db`
    """
    registry = Registry(db)
    result = registry.load_bundled()
    if result.added == 0 and not result.entities_updated:
        console.print(f"Nothing new: all {len(result.acts.unchanged)} bundled acts are already recorded.")
        return
    console.print(
        f"Loaded {len(result.entities_added)} entities and {len(result.acts.added)} acts "
        f"({len(result.acts.unchanged)} already recorded) into {registry.db.url}."
    )


@reports_errors
def status(
    name: Annotated[str, typer.Argument(help="Entity name (any case or script) or id.")],
    jurisdiction: Annotated[
        str | None,
        typer.Option("--jurisdiction", "-j", help="ISO 3166-1 alpha-2 code, UN or EU; all if omitted."),
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Valid date YYYY-MM-DD (default: today).")
    ] = None,
    known_at: Annotated[
        str | None, typer.Option("--known-at", help="Only acts this registry had recorded by then (audit).")
    ] = None,
    published_by: Annotated[
        str | None, typer.Option("--published-by", help="Only acts published by this date.")
    ] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """What was the status of NAME, where, on which date — and what decided it.

    Examples:

        proscribe status Taliban --jurisdiction RU --as-of 2025-05-01

        proscribe status "Hayat Tahrir al-Sham" -j US --json

        proscribe status Taliban -j RU --as-of 2025-05-01 --published-by 2025-03-01
    """
    code = jurisdiction_option(jurisdiction)
    valid_at = day_option(as_of, "--as-of") or dt.date.today()
    known = instant_option(known_at, "--known-at")
    published = day_option(published_by, "--published-by")
    registry = Registry(db)
    resolution = _resolve(registry, name, code, quiet=as_json)
    entity = resolution.entity
    if code:
        results = [registry.status_as_of(entity, code, valid_at, known, published)]
    else:
        results = registry.statuses_as_of(entity, valid_at, known, published)
    results = [weigh_list_evidence(registry, result) for result in results]
    status_with_freshness(registry, results)
    related = registry.entities.get_many({r.via.entity for r in results if r.via})
    if as_json:
        names = [n.model_dump(mode="json", exclude_none=True) for n in entity.names]
        matched = (
            {
                "resolved": {
                    "query": name,
                    "how": resolution.how,
                    "score": resolution.score,
                    "note": resolution.note,
                }
            }
            if resolution.note
            else {}
        )
        payloads = [
            {
                "caption": entity.caption,
                **to_jsonable(r),
                "names": names,
                **({"via_names": [n.value for n in related[r.via.entity].names]} if r.via else {}),
                **matched,
            }
            for r in results
        ]
        print_json(
            payloads[0]
            if code
            else {
                "entity": entity.id,
                "caption": entity.caption,
                "names": names,
                "statuses": payloads,
                **matched,
            }
        )
        return
    if not results:
        console.print(f"{entity.caption}: no listing recorded in any jurisdiction.")
    header = render.names_line(entity, list(related.values()))
    if header:
        console.print(header)
    for result in results:
        console.print(render.status_panel(result, entity))


@reports_errors
def history(
    name: Annotated[str, typer.Argument(help="Entity name or id.")],
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Every act about NAME (and its predecessors, successors, aliases) across all jurisdictions.

    Example: `proscribe history "Jabhat al-Nusra"`
    """
    registry = Registry(db)
    entity = _resolve(registry, name, None, quiet=as_json).entity
    entries = registry.history(entity)
    if as_json:
        print_json({"entity": entity.id, "caption": entity.caption, "history": entries})
        return
    console.print(render.history_table(entries, f"History of {entity.caption} ({entity.id})"))


@reports_errors
def record(
    files: Annotated[list[Path], typer.Argument(help="YAML files with `entities:` and/or `acts:`.")],
    db: DbOption = None,
) -> None:
    """Append acts (and new entities) from YAML files. Every act needs a source.

    All files are checked first and written in one transaction: a bad act
    anywhere leaves the journal unchanged. See docs/recording.md for the format.
    """
    from proscribe.records import read_record_file

    registry = Registry(db)
    parsed = [read_record_file(path) for path in files]
    entities = [e for p in parsed for e in p.entities]
    acts = [a for p in parsed for a in p.acts]
    try:
        result = registry.record(entities, acts)
    except InputError as exc:
        origin = next(
            (
                str(p.path)
                for p in parsed
                for a in p.acts
                if exc.location and exc.location.split(".")[0] == a.id
            ),
            str(files[0]),
        )
        raise InputError(exc.message, location=f"{origin}:{exc.location}") from None
    console.print(
        f"Recorded {len(result.acts.added)} acts, {len(result.entities_added)} new entities"
        + (f"; {len(result.acts.unchanged)} acts were already recorded" if result.acts.unchanged else "")
        + "."
    )


@reports_errors
def verify(
    strict: Annotated[bool, typer.Option("--strict", help="Also fail on inconsistent acts.")] = False,
    against: Annotated[
        Path | None,
        typer.Option("--against", help="A checkpoint file: fail if history up to it was rewritten or cut."),
    ] = None,
    public_key: Annotated[
        str | None,
        typer.Option(
            "--public-key", help="With --against: the key it must be signed by (PEM file or base64)."
        ),
    ] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Recompute the hash chains and check every table an answer depends on; report what is broken.

    Checks the acts' hash chain, the ledger of entities, list records and screening exclusions, the
    index tables derived from them (act_entities, entity_names, entity_links) and the list tables.
    With --against, also that the history a signed checkpoint covers is still there, unchanged.

    Exit code 0 when all is intact (inconsistent acts are warnings unless --strict), 1 otherwise.
    """
    registry = Registry(db)
    if against is not None:
        _verify_against(registry, against, public_key, as_json)
        return
    with Progress(
        TextColumn("verifying hash chain"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
        disable=not sys.stderr.isatty(),
    ) as bar:
        task = bar.add_task("verify", total=None)
        result = registry.verify(progress=lambda done, total: bar.update(task, completed=done, total=total))
    storage_problems = result.storage.problems if result.storage else []
    if as_json:
        print_json(result.to_json())
    elif result.chain.ok:
        console.print(
            f"[green]Chain intact[/green]: {result.chain.acts_checked} acts, head {result.chain.head_hash[:16]}…"
        )
        if result.inconsistencies:
            console.print(
                f"{len(result.inconsistencies)} acts do not make sense in order "
                "(accepted; a missing act may be recorded later):"
            )
            for found in result.inconsistencies:
                console.print(
                    f"  [yellow]{found.entity} {found.jurisdiction}[/yellow]: {found}", highlight=False
                )
    else:
        print_error(f"chain broken at {result.chain.broken}")
    if not as_json and result.storage is not None:
        if storage_problems:
            for problem in storage_problems:
                print_error(f"{problem}")
        elif result.chain.ok:
            checked = ", ".join(f"{n} {table}" for table, n in result.storage.rows_checked.items())
            console.print(
                f"[green]Tables intact[/green]: ledger {result.storage.ledger_rows} rows; {checked}.",
                highlight=False,
            )
    if not result.ok or (strict and result.inconsistencies):
        raise typer.Exit(1)


def _verify_against(registry: Registry, path: Path, public_key: str | None, as_json: bool) -> None:
    from proscribe.checkpoint import Checkpoint, read_public_key, verify_against

    pinned = read_public_key(public_key) if public_key else None
    report = verify_against(registry.db, Checkpoint.read(path), pinned)
    if as_json:
        print_json(report.to_json())
    elif report.ok:
        cp = report.checkpoint
        since = ", ".join(f"{n} {kind} records" for kind, n in sorted(report.ledger_since.items()))
        console.print(
            f"[green]Intact since the checkpoint[/green] of {cp.signed_at} "
            f"(act #{cp.journal_seq}, signature checked against {report.key_checked}); "
            f"{report.acts_since} acts added since" + (f", {since}" if since else "") + ".",
            highlight=False,
        )
    else:
        for problem in report.problems:
            print_error(problem)
    if not report.ok:
        raise typer.Exit(1)


@reports_errors
def checkpoint(
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the signed checkpoint to this file (else stdout).")
    ] = None,
    public_key: Annotated[
        bool, typer.Option("--public-key", help="Print this install's public key (PEM) and sign nothing.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Sign the journal and ledger heads (Ed25519) and store the signed checkpoint.

    Keep the file somewhere the database's writers cannot change; `proscribe verify --against FILE`
    then detects history rewritten or cut since. The key is made on first use, beside the SQLite
    file or in $PROSCRIBE_KEY_DIR, readable by its owner only.

    Examples: `proscribe checkpoint --out cp-2026-12-04.json` · `proscribe checkpoint --public-key > registry.pub`
    """
    from proscribe.checkpoint import make_checkpoint, public_key_pem

    registry = Registry(db)
    if public_key:
        sys.stdout.write(public_key_pem(registry.db))
        return
    signed = make_checkpoint(registry.db)
    if out is None:
        print_json(signed.to_json())
    else:
        signed.write(out)
    Console(stderr=True).print(
        f"Signed checkpoint: {signed.journal_seq} acts (head {signed.journal_hash[:16]}…), "
        f"{signed.ledger_seq} ledger rows, {signed.signed_at}" + (f" → {out}" if out else ""),
        highlight=False,
    )


@reports_errors
def export_bundle(
    file: Annotated[Path, typer.Argument(help="Bundle to write (JSON lines; gzipped if it ends in .gz).")],
    db: DbOption = None,
) -> None:
    """Write every act and ledger row with a fresh signed checkpoint and its public key.

    Another install checks it offline with `proscribe verify-bundle FILE --public-key KEY`.
    """
    from proscribe.checkpoint import export_bundle as write_bundle

    summary = write_bundle(Registry(db).db, file)
    console.print(
        f"Wrote {summary.acts} acts and {summary.ledger_rows} ledger rows, signed {summary.checkpoint.signed_at}, "
        f"to {summary.path}.",
        highlight=False,
    )


@reports_errors
def verify_bundle(
    file: Annotated[Path, typer.Argument(help="A bundle written by `proscribe export-bundle`.")],
    public_key: Annotated[
        str | None,
        typer.Option(
            "--public-key", help="The key it must be signed by (PEM file or base64); else the bundle's own."
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Check a bundle offline: the signature and both hash chains up to the signed heads. Needs no database."""
    from proscribe.checkpoint import read_public_key
    from proscribe.checkpoint import verify_bundle as check_bundle

    report = check_bundle(file, read_public_key(public_key) if public_key else None)
    if as_json:
        print_json(report.to_json())
    elif report.ok:
        console.print(
            f"[green]Bundle intact[/green]: {report.acts} acts, {report.ledger_rows} ledger rows, "
            f"head {report.head_hash[:16]}…, signed {report.checkpoint.signed_at if report.checkpoint else '?'} "
            f"(signature checked against {report.key_checked}).",
            highlight=False,
        )
    else:
        for problem in report.problems:
            print_error(problem)
    if not report.ok:
        raise typer.Exit(1)


@reports_errors
def changes(
    since: Annotated[str, typer.Option("--since", help="Earlier knowledge time (date or ISO timestamp).")],
    until: Annotated[str | None, typer.Option("--until", help="Later knowledge time (default: now).")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Valid date for status changes.")] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """What the registry says differently now than it did at --since: acts added, statuses changed.

    Example: `proscribe changes --since 2026-01-01`
    """
    start = instant_option(since, "--since")
    assert start is not None
    end = instant_option(until, "--until") or dt.datetime.now(dt.UTC)
    registry = Registry(db)
    result = registry.diff(start, end, day_option(as_of, "--as-of"))
    if as_json:
        print_json(result)
        return
    console.print(f"{len(result.added)} acts recorded between {start.isoformat()} and {end.isoformat()}.")
    for ref in result.added:
        console.print(render.act_line(ref))
    for change in result.changes:
        console.print(
            f"  {change.entity} {change.jurisdiction}: {change.before.value} → {change.after.value}"
        )
    if result.superseded:
        console.print(f"Superseded: {', '.join(result.superseded)}")


@reports_errors
def conflicts(as_json: JsonOption = False, db: DbOption = None) -> None:
    """Acts that sources disagree on, side by side (e.g. when Kazakhstan removed the Taliban)."""
    registry = Registry(db)
    groups = registry.conflicts()
    if as_json:
        print_json(groups)
        return
    for group in groups:
        console.print(f"[magenta]Conflict[/magenta] ({len(group)} readings):")
        for ref in group:
            console.print(render.act_line(ref).append(f"  {ref.id}", style="dim"))
            console.print(render.sources_text(ref, limit=2), end="")


@reports_errors
def timeline(
    name: Annotated[str, typer.Argument(help="Entity name or id.")],
    start: Annotated[int, typer.Option("--from", help="First year.")] = 1999,
    end: Annotated[int | None, typer.Option("--to", help="Last year (default: this year).")] = None,
    db: DbOption = None,
) -> None:
    """A lane per jurisdiction showing when NAME was listed, suspended or delisted."""
    registry = Registry(db)
    entity = _resolve(registry, name, None).entity
    first, last = dt.date(start, 1, 1), dt.date(end or dt.date.today().year, 12, 31)
    lanes = registry.timeline(entity, first, min(last, dt.date.today()))
    console.print(render.timeline_chart(lanes, first, min(last, dt.date.today())))


@reports_errors
def demo(
    db: Annotated[str, typer.Option("--db", help="Fresh SQLite file to create.")] = "proscribe-demo.db",
) -> None:
    """Load the bundled data into a fresh SQLite file and tell the Taliban story."""
    from proscribe.story import tell_taliban_story

    path = Path(db)
    if "://" not in db:
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    registry = Registry(db)
    registry.load_bundled()
    tell_taliban_story(registry, console, db)


def register(app: typer.Typer) -> None:
    app.command()(load)
    app.command()(status)
    app.command()(history)
    app.command()(record)
    app.command()(verify)
    app.command()(checkpoint)
    app.command("export-bundle")(export_bundle)
    app.command("verify-bundle")(verify_bundle)
    app.command()(changes)
    app.command()(conflicts)
    app.command()(timeline)
    app.command()(demo)
