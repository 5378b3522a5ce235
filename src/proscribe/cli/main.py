"""The ``proscribe`` command: one Typer app with every command group registered on it.

Run ``proscribe --help`` or ``proscribe COMMAND --help``; every command takes ``--db`` (a SQLite
path or a ``postgresql://`` URL; default ``$PROSCRIBE_DB`` or ``./proscribe.db``).
"""

from __future__ import annotations

import importlib
import sys

import typer

from proscribe.cli import common

HELP = (
    "A bitemporal, sourced registry of terrorist designations and delistings.\n\n"
    "Start with `proscribe load`, then `proscribe status Taliban --jurisdiction RU --as-of 2025-05-01`."
)

# Command group modules in the order of `proscribe --help`, and the top-level commands each adds
# (sub-apps are registered under their own name).
GROUPS: dict[str, tuple[str, ...]] = {
    "registry": (
        "load",
        "status",
        "history",
        "record",
        "verify",
        "checkpoint",
        "export-bundle",
        "verify-bundle",
        "changes",
        "conflicts",
        "timeline",
        "demo",
    ),
    "procedures": ("procedure",),
    "lists": ("import", "versions", "diff", "export", "fetch", "links"),
    "news": ("news",),
    "service": ("serve", "keys", "watchlist", "alerts"),
    "screening": ("screen", "screen-batch", "screen-exclude", "screen-audit"),
}


def build_app(groups: tuple[str, ...] = tuple(GROUPS)) -> typer.Typer:
    """The app with the given command groups (all by default)."""
    app = typer.Typer(
        help=HELP, no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode="markdown"
    )

    @app.callback()
    def _root() -> None:
        """A bitemporal, sourced registry of terrorist designations and delistings."""

    for group in groups:
        module = importlib.import_module(f"proscribe.cli.{group}")
        if group == "procedures":
            app.add_typer(module.app, name="procedure")
        elif group == "news":
            app.add_typer(module.app, name="news")
        else:
            module.register(app)
    return app


def _groups_for(argv: list[str]) -> tuple[str, ...]:
    """Only the group that owns the command being run: a one-shot `proscribe screen NAME` does not
    pay for importing the API, the news monitor and the procedure engine (help lists them all)."""
    command = next((arg for arg in argv[1:] if not arg.startswith("-")), None)
    for group, commands in GROUPS.items():
        if command in commands and "--help" not in argv and "--install-completion" not in argv:
            return (group,)
    return tuple(GROUPS)


def main() -> None:
    common.RUNNING_AS_COMMAND = True
    build_app(_groups_for(sys.argv))()


def __getattr__(name: str) -> typer.Typer:
    if name == "app":  # the full app, for `from proscribe.cli.main import app` (docs, test runners)
        return build_app()
    raise AttributeError(name)
