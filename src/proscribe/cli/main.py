"""The ``proscribe`` command: one Typer app with every command group registered on it.

Run ``proscribe --help`` or ``proscribe COMMAND --help``; every command takes ``--db`` (a SQLite
path or a ``postgresql://`` URL; default ``$PROSCRIBE_DB`` or ``./proscribe.db``).
"""

from __future__ import annotations

import typer

from proscribe.cli import lists, news, procedures, registry, screening, service

app = typer.Typer(
    help=(
        "A bitemporal, sourced registry of terrorist designations and delistings.\n\n"
        "Start with `proscribe load`, then `proscribe status Taliban --jurisdiction RU --as-of 2025-05-01`."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
)

registry.register(app)
app.add_typer(procedures.app, name="procedure")
lists.register(app)
app.add_typer(news.app, name="news")
service.register(app)
screening.register(app)


def main() -> None:
    app()
