"""Where the tests find the full official lists, and the small excerpts used without them.

The full files live outside the repository, in ``../shared/data`` beside the checkout, or wherever
``$PROSCRIBE_DATA`` points. A bare clone has neither, so tests that need a full file skip with a
reason naming it; the excerpts in ``tests/data/lists`` (see its README) keep the core running.
With ``PROSCRIBE_REQUIRE_DATA=1`` (CI sets it: CI has ``../shared``) a missing file fails instead,
so the full-data tests are never skipped silently there.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXCERPTS = REPO / "tests" / "data" / "lists"
# Prefix of every skip reason for missing data: conftest counts the skips that carry it.
SKIP_PREFIX = "needs ../shared/data/"


def data_root() -> Path:
    """``$PROSCRIBE_DATA`` when set, else ``../shared/data`` beside the repository."""
    configured = os.environ.get("PROSCRIBE_DATA")
    return Path(configured) if configured else REPO.parent / "shared" / "data"


def required() -> bool:
    """True when missing data must fail the run (``PROSCRIBE_REQUIRE_DATA=1``, set by ``.ci/run``)."""
    return os.environ.get("PROSCRIBE_REQUIRE_DATA", "") not in ("", "0")


def shared(relative: str) -> Path:
    """The path of a shared file or folder, without checking that it is there (for module constants)."""
    return data_root() / relative


def need(relative: str) -> Path:
    """The shared file or folder ``relative``; skips the calling test when it is missing (fails when required)."""
    path = shared(relative)
    if not path.exists():
        missing(relative)
    return path


def missing(relative: str) -> None:
    """Skip (or, when required, fail) the current test for want of the shared ``relative``."""
    reason = f"{SKIP_PREFIX}{relative}: set PROSCRIBE_DATA (looked in {data_root()})"
    if required():
        pytest.fail(f"PROSCRIBE_REQUIRE_DATA is set but {reason}", pytrace=False)
    pytest.skip(reason)


@dataclass(frozen=True)
class ListFile:
    """A list file the tests read: the full official one when it is there, else its excerpt.

    ``full`` says which was taken, so a test can keep figures true only of the full file
    (counts, the reference diffs) behind it and check the rest on either.
    """

    location: Path
    full: bool
    relative: str  # the full file's path under the shared data folder

    @property
    def path(self) -> Path:
        """The file; a missing full file (possible only when required) fails the test that reads it."""
        if self.full and not self.location.exists():
            missing(self.relative)
        return self.location

    def need_full(self) -> None:
        """Skip (or fail, when required) a check that only holds on the full file."""
        if not self.full:
            missing(self.relative)


def pick(relative: str, excerpt: str | None = None) -> ListFile:
    """The shared file ``relative`` when present; else ``tests/data/lists/<excerpt>`` (default: the
    same relative path: the excerpts mirror the layout of the shared folder).

    When ``PROSCRIBE_REQUIRE_DATA`` is set the full file is always taken (tests needing it fail
    rather than silently run on the excerpt).
    """
    path = shared(relative)
    if path.exists() or required():
        return ListFile(path, True, relative)
    return ListFile(EXCERPTS / (excerpt or relative), False, relative)
