"""What every ``proscribe`` command shares: options, the console, JSON output, value parsers, errors.

This module imports no other CLI module, so every command module can import it without a loop.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer
from rich.console import Console

from proscribe.dates import parse_day, parse_instant
from proscribe.errors import ProscribeError, parsed_or_refused
from proscribe.jurisdictions import normalise_jurisdiction
from proscribe.serialize import dumps

if TYPE_CHECKING:
    from rich.progress import Progress

console = Console()
# Set by the `proscribe` entry point: a command may then end its process early (cli/screening.py).
RUNNING_AS_COMMAND = False

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="SQLite file or database URL (default: $PROSCRIBE_DB or ./proscribe.db)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def print_error(message: str) -> None:
    """One line on stderr, never wrapped, so scripts can grep it."""
    sys.stderr.write(f"error: {' '.join(message.split())}\n")


def reports_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Print a ProscribeError as one line on stderr and exit 1; nothing is written."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except ProscribeError as exc:
            print_error(str(exc))
            raise typer.Exit(1) from None

    return wrapper


def parse_option(value: str | None, parse: Callable[[str], T], option: str) -> T | None:
    """Parse an option's value; a ValueError becomes a one-line InputError naming the option."""
    return parsed_or_refused(value, parse, option)


def day_option(value: str | None, option: str) -> dt.date | None:
    """A YYYY-MM-DD option, or None when it was not given."""
    return parse_option(value, parse_day, option)


def instant_option(value: str | None, option: str) -> dt.datetime | None:
    """A date or ISO timestamp option, or None when it was not given."""
    return parse_option(value, parse_instant, option)


def jurisdiction_option(value: str | None, option: str = "--jurisdiction") -> str | None:
    """An ISO 3166-1 alpha-2 code, UN or EU (names and alpha-3 codes are accepted too)."""
    return parse_option(value, normalise_jurisdiction, option)


def print_json(value: Any) -> None:
    """One JSON document on stdout (dataclasses, pydantic models and dates are converted)."""
    sys.stdout.write(dumps(value) + "\n")


def spinner(description: str = "{task.description}") -> Progress:
    """A progress line on stderr for long work; silent when stderr is not a terminal."""
    # Imported here: most commands show no progress, and rich.progress costs ~10 ms to import.
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(
        SpinnerColumn(),
        TextColumn(description),
        TextColumn("{task.completed:,}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        disable=not sys.stderr.isatty(),
    )
