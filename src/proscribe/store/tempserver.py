"""A throw-away PostgreSQL server in a temporary directory, for tests and benchmarks.

Uses the server binaries of Debian's ``postgresql`` package. initdb refuses
to run as root, so as root the server runs as the ``postgres`` system user
that the package creates. Listens on a free loopback port only.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path
from types import TracebackType

import psycopg


def postgres_bin() -> Path:
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    if not candidates:
        raise RuntimeError("PostgreSQL server binaries not found; install Debian's postgresql package")
    return candidates[0].parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class TemporaryPostgres:
    """``with TemporaryPostgres() as server: url = server.create_database()``"""

    def __init__(self, *, durable: bool = False, settings: dict[str, str] | None = None) -> None:
        self.bin = postgres_bin()
        self.dir = Path(tempfile.mkdtemp(prefix="proscribe-pg-"))
        self.data = self.dir / "data"
        self.port = _free_port()
        self.user = "postgres" if os.geteuid() == 0 else None
        # Tests turn fsync off for speed; benchmarks keep it on to measure real commits.
        self.durable = durable
        self.settings = settings or {}
        if self.user:
            shutil.chown(self.dir, self.user)

    def _run(self, *args: str) -> None:
        subprocess.run(args, check=True, capture_output=True, user=self.user)

    def start(self) -> TemporaryPostgres:
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-locale",
        )
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.dir} -c max_connections=60"
        if not self.durable:
            options += " -c fsync=off"
        for name, value in self.settings.items():
            options += f" -c {name}={value}"
        self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.dir / "server.log"),
            "-w",
            "start",
        )
        return self

    def stop(self) -> None:
        subprocess.run(
            [str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"],
            capture_output=True,
            user=self.user,
        )
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> TemporaryPostgres:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        """A new empty database; returns its URL."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        dsn = f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres"
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)
