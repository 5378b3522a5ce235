"""Exceptions with meaning: every user-facing failure is one of these.

Each error renders as one line that names the problem and where it is
(``file:field`` or the act id), so the CLI can print it and exit non-zero.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class ProscribeError(Exception):
    """Base class for all errors proscribe reports to its users."""


class InputError(ProscribeError):
    """Bad input: a malformed file, an unknown code, an impossible date.

    ``location`` says where (``acts.yaml:acts[3].effective``); the journal is
    never touched when one is raised.
    """

    def __init__(self, message: str, location: str | None = None) -> None:
        self.message = message
        self.location = location
        super().__init__(f"{location}: {message}" if location else message)


def parsed_or_refused(value: str | None, parse: Callable[[str], T], location: str) -> T | None:
    """``parse(value)``, or None for no value; a ValueError becomes an InputError naming ``location``.

    The one way options (CLI) and parameters (API) turn text into values.
    """
    if value is None:
        return None
    try:
        return parse(value)
    except ValueError as exc:
        raise InputError(str(exc), location=location) from None


class NotFound(ProscribeError):
    """A name or id that matches nothing in the registry."""


class AmbiguousName(ProscribeError):
    """A name that matches several entities; ``candidates`` lists them."""

    def __init__(self, name: str, candidates: list[tuple[str, str]]) -> None:
        self.name = name
        self.candidates = candidates
        listed = "; ".join(f"{entity_id} ({caption})" for entity_id, caption in candidates)
        super().__init__(f"'{name}' matches several entities: {listed}. Use an id.")


class IntegrityError(ProscribeError):
    """The journal's hash chain or an append-only rule is broken."""
