"""`proscribe keys` and `proscribe serve` as a user runs them: a real server process on a free port."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx2

PROSCRIBE = [sys.executable, "-m", "proscribe"]


def run(*args: str, db: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*PROSCRIBE, *args, "--db", db], capture_output=True, text=True, check=check)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_keys_create_list_revoke(db_url: str) -> None:
    created = run("keys", "create", "--role", "analyst", "--name", "alice", db=db_url)
    token = created.stdout.strip().splitlines()[-1]
    assert token.startswith("psk_")
    listed = run("keys", "list", "--json", db=db_url).stdout
    assert '"alice"' in listed and '"analyst"' in listed and token not in listed
    bad = run("keys", "create", "--role", "root", "--name", "bob", db=db_url, check=False)
    assert (
        bad.returncode == 1
        and bad.stderr == "error: role: unknown role 'root' (roles: reader, analyst, admin)\n"
    )
    run("keys", "revoke", "alice", db=db_url)
    again = run("keys", "revoke", "alice", db=db_url, check=False)
    assert again.returncode == 1 and again.stderr.startswith("error: name: key 'alice' was already revoked")


def test_serve_answers_over_http(tmp_path: Path) -> None:
    db = str(tmp_path / "served.db")
    run("load", db=db)
    token = (
        run("keys", "create", "--role", "reader", "--name", "reader", db=db).stdout.strip().splitlines()[-1]
    )
    port = free_port()
    server = subprocess.Popen(
        [*PROSCRIBE, "serve", "--port", str(port), "--db", db],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        while True:
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            try:
                httpx2.get(f"{base}/api/health")
                break
            except httpx2.ConnectError:
                time.sleep(0.05)
        answer = httpx2.get(
            f"{base}/api/entities/Taliban/status",
            params={"jurisdiction": "RU", "as_of": "2025-06-01"},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert answer.status_code == 200 and answer.json()["statuses"][0]["status"] == "suspended"
        assert httpx2.get(f"{base}/docs").status_code == 200
    finally:
        server.terminate()
        server.wait()
