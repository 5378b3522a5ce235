"""`proscribe serve` refuses a SQLite file that is not there, and says what it serves."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx2

from proscribe import Registry
from proscribe.cli.service import missing_sqlite_file, serving_summary
from proscribe.lists.importer import import_list
from proscribe.sources import ca_sor

PROSCRIBE = [sys.executable, "-m", "proscribe"]
CA_SOR = Path(__file__).parent / "data" / "ca_sor"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve_until_healthy(*args: str) -> str:
    """Start `proscribe serve ARGS`, wait until it answers, stop it; its stdout."""
    port = free_port()
    server = subprocess.Popen(
        [*PROSCRIBE, "serve", "--port", str(port), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        while True:
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            try:
                httpx2.get(f"http://127.0.0.1:{port}/api/health")
                break
            except httpx2.ConnectError:
                time.sleep(0.05)
    finally:
        server.terminate()
        out, _ = server.communicate()
    return " ".join(out.split())


def test_serve_refuses_a_missing_sqlite_file(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    result = subprocess.run(
        [*PROSCRIBE, "serve", "--db", str(missing)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert result.stderr == (
        f"error: --db: no database at {missing}; give the right --db (or $PROSCRIBE_DB), "
        "or --create to start an empty one\n"
    )
    assert not missing.exists()


def test_serve_create_starts_an_empty_database(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    out = serve_until_healthy("--create", "--db", str(db))
    assert db.exists()
    assert f"database sqlite:///{db}: 0 acts, 0 entities, 0 list versions (no list imported)" in out


def test_serve_says_what_it_serves(tmp_path: Path) -> None:
    db = tmp_path / "served.db"
    registry = Registry(str(db))
    loaded = registry.load_bundled()
    versions = ca_sor.parse_versions(sorted(CA_SOR.glob("*.xml")))
    for parsed in versions:
        import_list(registry, parsed)
    newest = max(p.data_date for p in versions if p.data_date)
    acts, entities = registry.journal.count(), registry.entities.count()
    assert acts > len(loaded.acts.added) and entities > len(loaded.entities_added)
    summary = serving_summary(registry)
    assert summary == (
        f"database sqlite:///{db}: {acts:,} acts, {entities:,} entities, 3 list versions "
        f"(newest: ca-sor {newest})"
    )
    registry.db.dispose()
    assert summary in serve_until_healthy("--db", str(db))


def test_missing_sqlite_file() -> None:
    assert missing_sqlite_file("sqlite:///:memory:") is None
    assert missing_sqlite_file("postgresql+psycopg://localhost/proscribe") is None
    assert missing_sqlite_file("sqlite:////nonexistent/dir/x.db") == Path("/nonexistent/dir/x.db")
