"""Shared fixtures: a real PostgreSQL server started for the session, and registries on both backends.

PostgreSQL comes from Debian's ``postgresql`` package (``make test`` installs
it); see :mod:`proscribe.store.tempserver`.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from proscribe import Registry
from proscribe.store.tempserver import TemporaryPostgres
from shared_data import SKIP_PREFIX, data_root

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session", autouse=True)
def screening_index_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Persisted screening indexes of PostgreSQL test databases go to a temporary folder, not to
    ~/.cache/proscribe (SQLite ones sit beside their temporary database files)."""
    before = os.environ.get("PROSCRIBE_CACHE")
    os.environ["PROSCRIBE_CACHE"] = str(tmp_path_factory.mktemp("proscribe-cache"))
    yield
    if before is None:
        os.environ.pop("PROSCRIBE_CACHE", None)
    else:
        os.environ["PROSCRIBE_CACHE"] = before


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[TemporaryPostgres]:
    with TemporaryPostgres() as server:
        yield server


def _database_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if backend == "sqlite":
        return str(tmp_path / f"registry-{uuid.uuid4().hex[:8]}.db")
    server: TemporaryPostgres = request.getfixturevalue("postgres_server")
    return server.create_database()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database on each backend."""
    return _database_url(str(request.param), tmp_path, request)


@pytest.fixture
def registry(db_url: str) -> Iterator[Registry]:
    reg = Registry(db_url)
    yield reg
    reg.db.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
def loaded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    """A registry with the bundled data loaded once per backend; tests must not write to it."""
    url = _database_url(str(request.param), tmp_path_factory.mktemp("loaded"), request)
    reg = Registry(url)
    reg.load_bundled()
    yield reg
    reg.db.dispose()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say how many tests skipped for want of the full official lists (../shared/data)."""
    skipped = terminalreporter.stats.get("skipped", [])
    for_data = [r for r in skipped if SKIP_PREFIX in str(getattr(r, "longrepr", ""))]
    if for_data:
        terminalreporter.write_line(
            f"{len(for_data)} test{'s' if len(for_data) != 1 else ''} skipped for missing shared data ({data_root()}); "
            "set PROSCRIBE_DATA or put the lists in ../shared/data to run them",
            yellow=True,
        )
