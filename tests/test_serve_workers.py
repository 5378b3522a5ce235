"""`proscribe serve --workers N`: real worker processes over one database (SQLite file and
PostgreSQL) answer requests, load the screening index the parent prepared instead of building it,
and hold one rate limit per key between them."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from proscribe import Registry
from proscribe.api.auth import KeyStore
from proscribe.api.limits import SharedRateLimiter
from proscribe.api.server import app_from_env, prepare_index, worker_refusal
from proscribe.screening.persisted import index_path
from proscribe.store import Database

PROSCRIBE = [sys.executable, "-m", "proscribe"]
# Which worker holds a connection is read from Linux's /proc (children, sockets, TCP table).
needs_linux_proc = pytest.mark.skipif(
    not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists()
    or not Path("/proc/net/tcp").exists(),
    reason="needs Linux /proc (task children and /proc/net/tcp) to tell which worker answered",
)
RATE_PER_MINUTE = 6  # one token every 10 s: refills during a test are few and bounded below


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found.update(int(child) for child in text)
    return found


def _server_side_inode(server_port: int, client_port: int) -> str | None:
    """The inode of the server's end of the loopback TCP connection from ``client_port``."""
    local = f"0100007F:{server_port:04X}"
    remote = f"0100007F:{client_port:04X}"
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[1] == local and fields[2] == remote:
            return fields[9]
    return None


def owner_of(connection: http.client.HTTPConnection, server_port: int, candidates: set[int]) -> int | None:
    """Which process (of ``candidates``) holds the accepted end of ``connection`` (read from /proc)."""
    assert connection.sock is not None
    inode = _server_side_inode(server_port, connection.sock.getsockname()[1])
    if inode is None:
        return None
    for pid in candidates:
        try:
            for fd in Path(f"/proc/{pid}/fd").iterdir():
                if os.readlink(fd) == f"socket:[{inode}]":
                    return pid
        except OSError:  # the process ended meanwhile
            continue
    return None


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    port: int
    stdout: Path
    stderr: Path

    def output(self) -> tuple[str, str]:
        return self.stdout.read_text(), self.stderr.read_text()


@contextmanager
def serving(db: str, folder: Path, *args: str) -> Iterator[Served]:
    """`proscribe serve --db DB ARGS` on a free port until it answers /api/health; stopped on exit."""
    port = free_port()
    stdout, stderr = folder / "serve.out", folder / "serve.err"
    with stdout.open("wb") as out, stderr.open("wb") as err:
        process = subprocess.Popen(
            [*PROSCRIBE, "serve", "--db", db, "--port", str(port), *args], stdout=out, stderr=err
        )
    served = Served(process, port, stdout, stderr)
    try:
        while True:
            assert process.poll() is None, served.output()
            try:
                probe = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                probe.request("GET", "/api/health")
                assert probe.getresponse().status == 200
                probe.close()
                break
            except OSError:
                time.sleep(0.1)
        yield served
    finally:
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def connections_on_each_worker(served: Served, workers: int) -> dict[int, http.client.HTTPConnection]:
    """One open keep-alive connection accepted by each worker process, keyed by its pid."""
    found: dict[int, http.client.HTTPConnection] = {}
    spare: list[http.client.HTTPConnection] = []
    for _ in range(200):
        if len(found) == workers:
            break
        connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=60)
        connection.request("GET", "/api/health")  # no key: does not touch the rate limit
        response = connection.getresponse()
        response.read()
        assert response.status == 200
        pid = owner_of(connection, served.port, _children(served.process.pid))
        if pid is not None and pid not in found:
            found[pid] = connection
        else:
            spare.append(connection)
    for connection in spare:
        connection.close()
    assert len(found) == workers, f"connections reached only the workers {sorted(found)}"
    return found


def screen(connection: http.client.HTTPConnection, token: str) -> int:
    connection.request(
        "POST",
        "/api/screen",
        body=json.dumps({"name": "Taliban", "as_of": "2026-01-01"}),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    response = connection.getresponse()
    response.read()
    return response.status


@needs_linux_proc
def test_two_workers_share_the_index_and_the_rate_limit(db_url: str, tmp_path: Path) -> None:
    registry = Registry(db_url)
    registry.load_bundled()
    _, token = KeyStore(registry.db).create("two-workers", "reader")
    path = index_path(registry.db)
    registry.db.dispose()
    assert path is not None and not path.exists()

    with serving(db_url, tmp_path, "--workers", "2", "--rate-limit", str(RATE_PER_MINUTE)) as served:
        by_worker = connections_on_each_worker(served, 2)
        saved = path.stat()
        pids = sorted(by_worker)
        # 2 x limit screens from one key, alternately on each worker: with a limit per process
        # each worker would let its half through (2 x limit answers 200).
        statuses: dict[int, list[int]] = {pid: [] for pid in pids}
        began = time.monotonic()
        for turn in range(2 * RATE_PER_MINUTE):
            pid = pids[turn % 2]
            statuses[pid].append(screen(by_worker[pid], token))
        elapsed = time.monotonic() - began
        for connection in by_worker.values():
            connection.close()
        after = path.stat()
    out, err = served.output()

    answers = [status for per_worker in statuses.values() for status in per_worker]
    assert set(answers) <= {200, 429}, answers
    refills = int(elapsed * RATE_PER_MINUTE / 60)  # tokens that came back while the test ran
    assert RATE_PER_MINUTE <= answers.count(200) <= RATE_PER_MINUTE + refills < 2 * RATE_PER_MINUTE
    assert all(200 in per_worker for per_worker in statuses.values()), statuses
    # The parent built the index once and saved it; each worker loaded that file, and no screen
    # rebuilt it (a rebuild renames a new file over it: another inode and time).
    assert "2 worker processes" in out
    assert f"screening index built and saved at {path}" in out
    loaded = [line for line in err.splitlines() if "screening index loaded from" in line]
    assert sorted(int(line.split()[1].rstrip(":")) for line in loaded) == pids, err
    assert "built (no current file)" not in err
    assert (saved.st_ino, saved.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)


def test_a_current_index_is_loaded_not_rebuilt(tmp_path: Path) -> None:
    registry = Registry(str(tmp_path / "prepared.db"))
    registry.load_bundled()
    assert prepare_index(registry).startswith(f"screening index built and saved at {tmp_path}")
    assert prepare_index(registry).startswith(f"screening index loaded from {tmp_path}")
    registry.db.dispose()


def test_the_shared_limit_holds_across_limiters_and_threads(db_url: str) -> None:
    """Limiters over separate connection pools (as in separate processes) taking at once from one key."""
    Registry(db_url).db.dispose()  # migrated
    per_minute = 30
    limiters = [SharedRateLimiter(per_minute, Database(db_url)) for _ in range(4)]
    waits: list[float | None] = []
    lock = threading.Lock()

    def take_many(limiter: SharedRateLimiter) -> None:
        for _ in range(per_minute // 2):
            wait = limiter.take("shared-key")
            with lock:
                waits.append(wait)

    began = time.monotonic()
    threads = [threading.Thread(target=take_many, args=(limiter,)) for limiter in limiters]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    allowed = waits.count(None)
    assert len(waits) == 2 * per_minute
    assert per_minute <= allowed <= per_minute + int(elapsed * per_minute / 60) < 2 * per_minute
    refused = [wait for wait in waits if wait is not None]
    # A wait is counted from the moment its request read the clock; a thread that then waited for
    # the database behind the others (a loaded machine) reads an older clock, so its wait may be
    # longer than one interval by at most the time the whole run took.
    assert all(0 <= wait <= 60 / per_minute + elapsed for wait in refused), refused
    # Another key has its own bucket.
    assert limiters[0].take("another-key") is None
    for limiter in limiters:
        limiter.db.dispose()


def test_workers_refuse_an_in_memory_database() -> None:
    assert worker_refusal("sqlite:///:memory:") is not None
    assert worker_refusal("sqlite:///registry.db") is None
    result = subprocess.run(
        [*PROSCRIBE, "serve", "--db", "sqlite:///:memory:", "--workers", "2"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == (
        "error: --workers: an in-memory SQLite database cannot be shared by worker processes; "
        "give a file or a server\n"
    )


@pytest.mark.parametrize("workers", ["0", "-1"])
def test_workers_must_be_at_least_one(workers: str) -> None:
    result = subprocess.run(
        [*PROSCRIBE, "serve", "--workers", workers], capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "--workers" in result.stderr


def test_the_worker_factory_reads_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "factory.db")
    registry = Registry(db)
    registry.load_bundled()
    prepare_index(registry)
    registry.db.dispose()
    monkeypatch.setenv("PROSCRIBE_SERVE_DB", db)
    monkeypatch.setenv(
        "PROSCRIBE_SERVE_LIMITS", json.dumps({"rate_per_minute": 7, "cors_origins": ["https://a.example"]})
    )
    app = app_from_env()
    assert isinstance(app.state.rate_limiter, SharedRateLimiter)  # shared unless told otherwise
    assert app.state.limits.rate_per_minute == 7
    assert app.state.limits.cors_origins == ("https://a.example",)
    assert f"screening index loaded from {db}.screening-index" in capsys.readouterr().err
    app.state.registry.db.dispose()

    monkeypatch.setenv("PROSCRIBE_SERVE_LIMITS", json.dumps({"shared_rate_limit": False}))
    app = app_from_env()
    assert not isinstance(app.state.rate_limiter, SharedRateLimiter)
    app.state.registry.db.dispose()

    monkeypatch.delenv("PROSCRIBE_SERVE_DB")
    with pytest.raises(RuntimeError, match="PROSCRIBE_SERVE_DB"):
        app_from_env()


@needs_linux_proc
def test_workers_refuse_a_port_another_server_listens_on(tmp_path: Path) -> None:
    # Each worker listens with SO_REUSEPORT; without the check, a second server on the same port
    # would silently share the connections with the first.
    registry = Registry(str(tmp_path / "busy.db"))
    registry.load_bundled()
    registry.db.dispose()
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        result = subprocess.run(
            [*PROSCRIBE, "serve", "--db", str(tmp_path / "busy.db"), "--port", str(port), "--workers", "2"],
            capture_output=True,
            text=True,
            check=False,
        )
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: --port: cannot listen on 127.0.0.1:{port}: ")
    assert len(result.stderr.splitlines()) == 1
