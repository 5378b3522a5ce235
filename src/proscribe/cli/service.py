"""``proscribe serve`` and ``proscribe keys ...``: run the HTTP API and manage its API keys."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from proscribe.api.auth import KeyStore, parse_role
from proscribe.cli.common import (
    DbOption,
    JsonOption,
    console,
    print_json,
    reports_errors,
)
from proscribe.errors import InputError
from proscribe.lists.store import ListStore
from proscribe.registry import Registry
from proscribe.screening.audit import current_user
from proscribe.screening.batch import read_column
from proscribe.screening.screener import Screener
from proscribe.store.database import resolve_url
from proscribe.watchlists import WatchedName, Watchlists

keys_app = typer.Typer(
    help="API keys for `proscribe serve` (roles: reader, analyst, admin).", no_args_is_help=True
)


@reports_errors
def serve(
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.")] = 8000,
    public_read: Annotated[
        bool, typer.Option("--public-read", help="Let requests without a key read (never write).")
    ] = False,
    cors_origin: Annotated[
        list[str] | None,
        typer.Option("--cors-origin", help="Allow browsers on this origin (off by default)."),
    ] = None,
    rate_limit: Annotated[
        int, typer.Option("--rate-limit", help="Requests a minute per key (0: no limit).")
    ] = 600,
    max_body: Annotated[int, typer.Option("--max-body", help="Largest request body, in bytes.")] = 1_000_000,
    max_batch: Annotated[int, typer.Option("--max-batch", help="Most items in one batch request.")] = 1000,
    header_timeout: Annotated[
        float,
        typer.Option(
            "--header-timeout",
            help="Seconds a client has to send a request's headers before its connection is closed (0: none).",
        ),
    ] = 10.0,
    create: Annotated[
        bool, typer.Option("--create", help="Create the SQLite database if it does not exist (empty).")
    ] = False,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=1,
            help="Worker processes (production: about one per core; the rate limit then holds across them).",
        ),
    ] = 1,
    db: DbOption = None,
) -> None:
    """Run the HTTP API and web interface (OpenAPI docs at /docs).

    Refuses a SQLite file that does not exist (a mistyped --db would serve an empty registry)
    unless --create is given. Prints what it serves: database, acts, entities, list versions.

    With --workers N (N > 1) the screening index is loaded or built once, saved beside the
    database, and each worker process loads that file; rate limits are counted in the database.

    Example: `proscribe keys create --role admin --name me && proscribe serve --port 8000`
    """
    from proscribe.api.app import create_app
    from proscribe.api.limits import Limits
    from proscribe.api.server import check_header_timeout

    url = resolve_url(db)
    missing = missing_sqlite_file(url)
    if missing is not None and not create:
        raise InputError(
            f"no database at {missing}; give the right --db (or $PROSCRIBE_DB), "
            "or --create to start an empty one",
            location="--db",
        )

    check_header_timeout(header_timeout)
    limits = Limits(
        max_body_bytes=max_body,
        max_batch=max_batch,
        rate_per_minute=rate_limit,
        cors_origins=tuple(cors_origin or ()),
        public_read=public_read,
    )
    if workers > 1:
        from proscribe.api.server import prepare_index, serve_workers, worker_refusal

        refusal = worker_refusal(url)
        if refusal is not None:
            raise InputError(refusal, "--workers")
        registry = Registry(url)
        summary = serving_summary(registry)
        prepared = prepare_index(registry)
        registry.db.dispose()
        console.print(
            f"proscribe API on http://{host}:{port}/ (docs at /docs), {workers} worker processes\n"
            f"{summary}\n{prepared}",
            highlight=False,
            soft_wrap=True,
        )
        console.file.flush()  # before the workers start writing to the same streams
        serve_workers(url, limits, host, port, workers, header_timeout)
        return
    app = create_app(db, limits)
    console.print(
        f"proscribe API on http://{host}:{port}/ (docs at /docs)\n" + serving_summary(app.state.registry),
        highlight=False,
        soft_wrap=True,  # one unbroken line per fact, for logs and scripts
    )
    from proscribe.api.server import serve as serve_app

    serve_app(app, host, port, header_timeout)


def missing_sqlite_file(url: str) -> Path | None:
    """The file a ``sqlite:///`` URL names when it does not exist (None for in-memory or servers)."""
    if not url.startswith("sqlite:///"):
        return None
    path = url.removeprefix("sqlite:///")
    if not path or path == ":memory:" or path.startswith("file:"):
        return None
    return None if Path(path).exists() else Path(path)


def serving_summary(registry: Registry) -> str:
    """What a server serves: its database, and how many acts, entities and list versions it holds."""
    versions = ListStore(registry.db).versions()
    newest: dict[str, str] = {}
    for version in versions:
        newest[version.source] = max(newest.get(version.source, ""), version.data_date.isoformat())
    lists = ", ".join(f"{source} {day}" for source, day in sorted(newest.items()))
    return (
        f"database {registry.db.url}: {registry.journal.count():,} acts, {registry.entities.count():,} entities, "
        f"{len(versions):,} list versions" + (f" (newest: {lists})" if lists else " (no list imported)")
    )


@keys_app.command("create")
@reports_errors
def create(
    role: Annotated[str, typer.Option("--role", help="reader, analyst or admin.")],
    name: Annotated[str, typer.Option("--name", help="Who uses the key (kept in the audit log).")],
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Create an API key and print its token — the only time it is shown (only its hash is stored)."""
    key, token = KeyStore(Registry(db).db).create(name, parse_role(role))
    if as_json:
        print_json({"name": key.name, "role": key.role, "token": token})
        return
    console.print(f"Created {key.role.value} key '{key.name}'. Token (shown once):", highlight=False)
    print(token)


@keys_app.command("list")
@reports_errors
def list_keys(as_json: JsonOption = False, db: DbOption = None) -> None:
    """API keys: names, roles, when created and revoked (never tokens)."""
    keys = KeyStore(Registry(db).db).all()
    if as_json:
        print_json(keys)
        return
    table = Table("name", "role", "created", "revoked")
    for key in keys:
        table.add_row(key.name, key.role.value, key.created_at[:19], (key.revoked_at or "")[:19])
    console.print(table)


@keys_app.command("revoke")
@reports_errors
def revoke(
    name: Annotated[str, typer.Argument(help="Key name.")],
    db: DbOption = None,
) -> None:
    """Revoke an API key: it is refused from the next request on."""
    key = KeyStore(Registry(db).db).revoke(name)
    console.print(f"Revoked key '{key.name}' ({key.role.value}).", highlight=False)


watchlist_app = typer.Typer(
    help="Watchlists: names re-screened whenever the registry changes.", no_args_is_help=True
)


def _watchlists(db: str | None) -> Watchlists:
    return Watchlists(Screener(Registry(db)))


@watchlist_app.command("create")
@reports_errors
def watchlist_create(
    watchlist_id: Annotated[str, typer.Argument(help="Watchlist id, e.g. customers.")],
    input_file: Annotated[Path, typer.Option("--input", help="CSV file with the names.")],
    column: Annotated[str, typer.Option("--column", help="The column holding the names.")],
    ref_column: Annotated[
        str | None,
        typer.Option("--ref-column", help="The column holding your reference (default: row number)."),
    ] = None,
    owner: Annotated[
        str | None, typer.Option("--owner", help="Who owns it (default: $PROSCRIBE_USER or login).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Store the names of a CSV column as a watchlist and screen them now (each hit is an alert)."""
    names = [WatchedName(str(number), name) for number, name in read_column(input_file, column)]
    if ref_column:
        refs = [ref for _, ref in read_column(input_file, ref_column)]
        names = [WatchedName(ref, n.name) for ref, n in zip(refs, names, strict=True)]
    created = _watchlists(db).create(watchlist_id, owner or current_user(), names)
    console.print(
        f"Watchlist '{watchlist_id}': {created['names']:,} names, {created['alerts']:,} alerts.",
        highlight=False,
    )


@reports_errors
def alerts_command(
    watchlist: Annotated[str | None, typer.Option("--watchlist", "-w", help="Only this watchlist.")] = None,
    include_acknowledged: Annotated[bool, typer.Option("--all", help="Also acknowledged alerts.")] = False,
    refresh: Annotated[bool, typer.Option("--refresh", help="Re-screen every watchlist first.")] = False,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Alerts on watched names: new, changed or vanished hits, with what changed and why.

    Watchlists are re-screened when the registry changed since their last screen (after
    `proscribe import` or `proscribe record`), or always with --refresh.
    Example: `proscribe alerts --watchlist customers --json`
    """
    store = _watchlists(db)
    if refresh:
        store.rescreen(f"re-screen asked by {current_user()}", current_user())
    else:
        store.refresh_if_stale(current_user())
    found = store.alerts(watchlist, not include_acknowledged)
    if as_json:
        print_json(found)
        return
    table = Table("#", "watchlist", "name", "alert", "what changed", "why", title=f"{len(found):,} alerts")
    for alert in found:
        table.add_row(
            str(alert["id"]),
            alert["watchlist_id"],
            f"{alert['name']} ({alert['ref']})",
            f"{alert['kind']}: {alert['detail']['caption']} ({alert['entity_id']})",
            "\n".join(alert["detail"]["changes"]),
            alert["trigger"],
        )
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.add_typer(keys_app, name="keys")
    app.add_typer(watchlist_app, name="watchlist")
    app.command("alerts")(alerts_command)
