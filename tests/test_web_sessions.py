"""Web sign-in sessions, the header-read timeout, the shared wrong-key limit and ``--rate-limit 0``.

* The browser's cookie holds a random session id, never the API key; only the id's hash is
  stored; signing out, expiry and revoking the key end a session, on every process serving the
  database (SQLite and PostgreSQL).
* A real uvicorn server closes a connection whose request headers do not arrive in time
  (slowloris), and still answers normal requests; so does ``proscribe serve --workers 2``.
* Wrong keys are counted in the database when the rate limit is shared, so that two apps (as two
  worker processes) and real ``serve --workers 2`` processes refuse the same client together.
"""

from __future__ import annotations

import datetime as dt
import http.client
import re
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx2
import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.testclient import TestClient

from proscribe import Registry
from proscribe.api.app import create_app
from proscribe.api.auth import KeyStore
from proscribe.api.guards import FailedKeys, SharedFailedKeys
from proscribe.api.limits import Limits, SharedRateLimiter
from proscribe.api.server import running
from proscribe.api.sessions import SESSION_COOKIE, WebSessions
from proscribe.errors import InputError
from proscribe.store import Database
from proscribe.store import tables as t
from test_serve_workers import PROSCRIBE, connections_on_each_worker, needs_linux_proc, serving

GENEROUS_S = 10.0  # how long a socket read may wait for the server to close: a bound, not a target


def _app(url: str, limits: Limits | None = None) -> FastAPI:
    return create_app(Registry(url), limits or Limits(rate_per_minute=100_000))


def _sign_in(client: TestClient, token: str) -> httpx2.Response:
    answer = client.post("/login", data={"token": token, "next": "/lists"}, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    return answer


@dataclass
class Pair:
    """Two apps over one database, each with its own connection pool: two worker processes."""

    one: TestClient
    other: TestClient
    tokens: dict[str, str]
    db: Database


@pytest.fixture
def pair(db_url: str) -> Iterator[Pair]:
    registry = Registry(db_url)
    keys = KeyStore(registry.db)
    tokens = {role: keys.create(f"web-{role}", role)[1] for role in ("reader", "analyst")}
    first, second = _app(db_url), _app(db_url)
    with TestClient(first) as one, TestClient(second) as other:
        yield Pair(one, other, tokens, registry.db)
    for db in (first.state.registry.db, second.state.registry.db, registry.db):
        db.dispose()


# --- sessions ------------------------------------------------------------------------------------


def test_the_cookie_holds_a_session_id_not_the_key(pair: Pair) -> None:
    client, tokens = pair.one, pair.tokens
    answer = _sign_in(client, tokens["reader"])
    assert answer.headers["location"] == "/lists"
    set_cookie = answer.headers["set-cookie"]
    session = client.cookies[SESSION_COOKIE]
    assert set_cookie.startswith(f"{SESSION_COOKIE}={session};")
    assert tokens["reader"] not in set_cookie and session != tokens["reader"]
    assert session.startswith("pss_") and len(session) > 40
    attributes = {part.strip().split("=")[0].lower() for part in set_cookie.split(";")}
    assert {"httponly", "max-age", "path"} <= attributes and "secure" not in attributes
    assert "samesite=strict" in set_cookie.lower()
    # only the session id's hash is stored, beside the key's name
    with pair.db.reading() as conn:
        rows = conn.execute(sa.select(t.web_sessions)).all()
    assert len(rows) == 1 and rows[0].key_name == "web-reader" and rows[0].revoked_at is None
    assert session not in str(tuple(rows[0])) and tokens["reader"] not in str(tuple(rows[0]))
    # the cookie signs in pages and the API (the review buttons post with it)
    assert client.get("/lists", follow_redirects=False).status_code == 200
    assert client.get("/api/lists/versions").status_code == 200


def test_a_cookie_holding_a_key_is_not_a_session(pair: Pair) -> None:
    client, tokens = pair.one, pair.tokens
    for name in ("proscribe_key", SESSION_COOKIE):  # the old cookie, and a key in the new one
        client.cookies.clear()
        client.cookies.set(name, tokens["reader"])
        page = client.get("/lists", follow_redirects=False)
        assert page.status_code == 303 and page.headers["location"] == "/login?next=/lists"
        assert f"{name}=" in page.headers["set-cookie"] and "max-age=0" in page.headers["set-cookie"].lower()
        client.cookies.set(name, tokens["reader"])
        assert client.get("/api/lists/versions").status_code == 401
    # signing in makes the browser forget a key kept in a cookie before sessions
    client.cookies.clear()
    client.cookies.set("proscribe_key", tokens["reader"])
    answer = _sign_in(client, tokens["reader"])
    dropped = [h for h in answer.headers.get_list("set-cookie") if h.startswith("proscribe_key=")]
    assert len(dropped) == 1 and 'proscribe_key=""' in dropped[0] and "max-age=0" in dropped[0].lower()


def test_the_session_cookie_is_secure_over_tls(tmp_path: Path) -> None:
    url = str(tmp_path / "tls.db")
    token = KeyStore(Registry(url).db).create("tls-reader", "reader")[1]
    app = _app(url)
    with TestClient(app, base_url="https://registry.example") as client:
        answer = client.post("/login", data={"token": token}, follow_redirects=False)
        assert answer.status_code == 303
        assert "secure" in {part.strip().lower() for part in answer.headers["set-cookie"].split(";")}
    app.state.registry.db.dispose()


def test_signing_out_ends_the_session_on_every_process(
    pair: Pair,
) -> None:
    one, other, tokens = pair.one, pair.other, pair.tokens
    _sign_in(one, tokens["analyst"])
    session = one.cookies[SESSION_COOKIE]
    other.cookies.set(SESSION_COOKIE, session)  # the same browser, answered by another worker
    page = other.get("/lists")
    assert page.status_code == 200 and "web-analyst (analyst)" in page.text
    form_token = re.search(r'action="/logout".*?name="csrf" value="([0-9a-f]{64})"', page.text, re.S)
    assert form_token is not None
    # another site's page cannot sign the user out: the form token is needed
    refused = one.post("/logout", data={"csrf": "0" * 64}, follow_redirects=False)
    assert refused.status_code == 403
    assert one.get("/api/lists/versions").status_code == 200
    ended = other.post("/logout", data={"csrf": form_token.group(1)}, follow_redirects=False)
    assert ended.status_code == 303 and ended.headers["location"] == "/login"
    assert (
        f'{SESSION_COOKIE}=""' in ended.headers["set-cookie"] and "Max-Age=0" in ended.headers["set-cookie"]
    )
    # the id the first process still holds is refused there too
    assert one.cookies[SESSION_COOKIE] == session
    assert one.get("/api/lists/versions").status_code == 401
    redirected = one.get("/lists", follow_redirects=False)
    assert redirected.status_code == 303 and redirected.headers["location"] == "/login?next=/lists"
    assert "max-age=0" in redirected.headers["set-cookie"].lower()  # the stale cookie is dropped


def test_revoking_the_key_ends_its_sessions(pair: Pair) -> None:
    one, other, tokens = pair.one, pair.other, pair.tokens
    _sign_in(one, tokens["reader"])
    _sign_in(other, tokens["analyst"])
    KeyStore(pair.db).revoke("web-reader")
    assert one.get("/api/lists/versions").status_code == 401
    assert one.get("/lists", follow_redirects=False).status_code == 303
    assert other.get("/api/lists/versions").status_code == 200  # another key's session lives on
    # and the revoked key cannot start a new one
    again = one.post("/login", data={"token": tokens["reader"]}, follow_redirects=False)
    assert again.status_code == 401 and SESSION_COOKIE not in again.headers.get("set-cookie", "")


def test_signing_in_again_replaces_the_session(pair: Pair) -> None:
    one, other, tokens = pair.one, pair.other, pair.tokens
    _sign_in(one, tokens["reader"])
    first = one.cookies[SESSION_COOKIE]
    _sign_in(one, tokens["analyst"])
    assert one.cookies[SESSION_COOKIE] != first
    other.cookies.set(SESSION_COOKIE, first)
    assert other.get("/api/lists/versions").status_code == 401
    assert "web-analyst (analyst)" in one.get("/lists").text


def test_sessions_expire_and_expired_rows_are_forgotten(tmp_path: Path) -> None:
    registry = Registry(str(tmp_path / "expiry.db"))
    keys = KeyStore(registry.db)
    key, token = keys.create("expiring", "reader")
    short = WebSessions(registry.db, lifetime=dt.timedelta(0))
    expired = short.start(key)
    assert short.key_of(expired.session_id) is None
    sessions = WebSessions(registry.db)
    live = sessions.start(key)  # starting a session deletes the expired one
    assert sessions.key_of(live.session_id) == key
    assert sessions.key_of(token) is None  # a key is not a session id
    assert sessions.key_of(live.session_id[:-1]) is None
    with registry.db.reading() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(t.web_sessions)).scalar_one() == 1
    assert sessions.end_all("expiring") == 1 and sessions.key_of(live.session_id) is None
    assert sessions.end(live.session_id) is False  # already ended
    registry.db.dispose()


def test_form_tokens_belong_to_the_session(pair: Pair) -> None:
    one, other, tokens = pair.one, pair.other, pair.tokens
    found: list[str] = []
    for client in (one, other):  # one key, two sessions (two browsers)
        _sign_in(client, tokens["reader"])
        form = re.search(r'name="csrf" value="([0-9a-f]{64})"', client.get("/screen").text)
        assert form is not None
        found.append(form.group(1))
    assert found[0] != found[1]
    # the first browser's token does not pass in the second one's session
    crossed = other.post("/screen", data={"name": "Taliban", "csrf": found[0]})
    assert crossed.status_code == 403
    assert other.post("/screen", data={"name": "Taliban", "csrf": found[1]}).status_code == 200


# --- wrong keys, counted in the database ---------------------------------------------------------


def test_wrong_keys_are_limited_across_processes(db_url: str) -> None:
    """Two apps sharing the database's limits (two workers): wrong keys sent to either count once."""
    keys = KeyStore(Registry(db_url).db)
    token = keys.create("right", "reader")[1]
    keys.db.dispose()
    # 2 a minute: a token comes back 30 s after the first guess, far beyond this test's few requests
    limits = Limits(rate_per_minute=100_000, failed_keys_per_minute=2, shared_rate_limit=True)
    apps = [_app(db_url, limits), _app(db_url, limits)]
    assert all(isinstance(app.state.failed_keys, SharedFailedKeys) for app in apps)
    with TestClient(apps[0]) as one, TestClient(apps[1]) as other:
        wrong = {"Authorization": "Bearer psk_guess"}
        # counted per process, each app would answer 401 twice
        codes = [
            (one, other)[turn % 2].get("/api/lists/versions", headers=wrong).status_code for turn in range(4)
        ]
        assert codes == [401, 401, 429, 429], codes
        for client in (one, other):  # both refuse the client now, even with a right key
            blocked = client.get("/api/lists/versions", headers={"Authorization": f"Bearer {token}"})
            assert blocked.status_code == 429 and 1 <= int(blocked.headers["retry-after"]) <= 30
            assert "2 wrong API keys from testclient" in blocked.json()["error"]
        login = other.post("/login", data={"token": token}, follow_redirects=False)
        assert login.status_code == 429 and "wrong API keys" in login.text
        assert one.get("/api/health").status_code == 200  # no key, no guess
    for app in apps:
        app.state.registry.db.dispose()


def test_shared_failed_keys_per_client(db_url: str) -> None:
    Registry(db_url).db.dispose()  # migrated
    limiter_db = Registry(db_url).db
    failures = SharedFailedKeys(3, limiter_db)
    for _ in range(3):
        assert failures.wait("10.0.0.1") is None
        failures.failed("10.0.0.1")
    waited = failures.wait("10.0.0.1")
    assert waited is not None and 0 < waited <= 60 / 3
    assert failures.wait("10.0.0.2") is None
    # the wrong-key bucket is not any key's request bucket (':' is in no key name)
    assert SharedRateLimiter(3, limiter_db).take("10.0.0.1") is None
    limiter_db.dispose()


@needs_linux_proc
def test_real_workers_share_the_wrong_key_limit(tmp_path: Path) -> None:
    """`proscribe serve --workers 2`: 10 wrong keys a minute (the default) for the two together."""
    db = str(tmp_path / "workers.db")
    registry = Registry(db)
    registry.load_bundled()
    token = KeyStore(registry.db).create("right", "reader")[1]
    registry.db.dispose()
    with serving(db, tmp_path, "--workers", "2") as served:
        by_worker = connections_on_each_worker(served, 2)
        pids = sorted(by_worker)
        answers: list[tuple[int, int]] = []  # (worker, status) in the order sent
        began = time.monotonic()
        for turn in range(14):
            pid = pids[turn % 2]
            by_worker[pid].request(
                "GET", "/api/lists/versions", headers={"Authorization": "Bearer psk_guess"}
            )
            answer = by_worker[pid].getresponse()
            answer.read()
            answers.append((pid, answer.status))
        by_worker[pids[0]].request("GET", "/api/lists/versions", headers={"Authorization": f"Bearer {token}"})
        right = by_worker[pids[0]].getresponse()
        right.read()
        # A token comes back every 6 s after the first guess; on a slow machine some may have.
        refills = int((time.monotonic() - began) * 10 / 60)
        for connection in by_worker.values():
            connection.close()
    codes = [status for _, status in answers]
    # counted per process, each worker would have answered 7 x 401
    let_through = codes.count(401) + (right.status == 200)
    assert 10 <= let_through <= 10 + refills < 14, (answers, right.status)
    assert codes[:10] == [401] * 10 and set(codes) == {401, 429}, answers
    # turns alternate workers: once the client is refused, both refuse it (unless a token came back)
    refused_by = {pid for pid, status in answers if status == 429}
    assert refused_by == set(pids) or refills > 0, answers
    assert right.status in (200, 429) and (right.status == 429 or refills > 0)


# --- --rate-limit 0 --------------------------------------------------------------------------------


@pytest.mark.parametrize("shared", [False, True])
def test_a_rate_limit_of_zero_is_no_limit(tmp_path: Path, shared: bool) -> None:
    """``--rate-limit 0`` ended every request in a 500 (an endless wait has no Retry-After)."""
    url = str(tmp_path / "unlimited.db")
    token = KeyStore(Registry(url).db).create("busy", "reader")[1]
    app = _app(url, Limits(rate_per_minute=0, shared_rate_limit=shared))
    with TestClient(app, raise_server_exceptions=False) as client:
        codes = {
            client.get("/api/lists/versions", headers={"Authorization": f"Bearer {token}"}).status_code
            for _ in range(30)
        }
    assert codes == {200}
    app.state.registry.db.dispose()


def test_negative_limits_are_refused() -> None:
    with pytest.raises(InputError, match=r"^--rate-limit: must be 0 or more, not -1$"):
        Limits(rate_per_minute=-1)
    with pytest.raises(InputError, match="--max-body"):
        Limits(max_body_bytes=-5)
    assert FailedKeys(per_minute=0).wait("10.0.0.1") is None  # 0: no limit, as for requests


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--rate-limit", "-1", "error: --rate-limit: must be 0 or more, not -1\n"),
        (
            "--header-timeout",
            "-1",
            "error: --header-timeout: must be 0 (no timeout) or more seconds, not -1.0\n",
        ),
    ],
)
def test_serve_refuses_negative_limits_in_one_line(
    tmp_path: Path, option: str, value: str, message: str
) -> None:
    result = subprocess.run(
        [*PROSCRIBE, "serve", "--db", str(tmp_path / "new.db"), "--create", option, value],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (1, message)


# --- slow request headers ------------------------------------------------------------------------


def _closed_by_server(sock: socket.socket) -> bool:
    """Whether the server closes ``sock`` (reads b'' or is reset) within :data:`GENEROUS_S`."""
    sock.settimeout(GENEROUS_S)
    try:
        while True:
            data = sock.recv(4096)
            if not data:
                return True
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False


def _partial_request(port: int) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=GENEROUS_S)
    sock.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
    return sock


def _health(port: int) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", "/api/health")
    status = connection.getresponse().status
    connection.close()
    return status


@contextmanager
def _server(tmp_path: Path, header_timeout: float) -> Iterator[int]:
    app = _app(str(tmp_path / "slow.db"))
    with running(app, header_timeout=header_timeout) as url:
        yield int(url.rsplit(":", 1)[1])
    app.state.registry.db.dispose()


def test_unfinished_request_headers_are_timed_out(tmp_path: Path) -> None:
    with _server(tmp_path, header_timeout=1.0) as port:
        assert _health(port) == 200
        with _partial_request(port) as slow:
            assert _closed_by_server(slow)
        with socket.create_connection(("127.0.0.1", port), timeout=GENEROUS_S) as silent:
            assert _closed_by_server(silent)  # a connection that never sends a byte
        # on a kept-alive connection: a full request is answered, a half next one timed out
        with socket.create_connection(("127.0.0.1", port), timeout=GENEROUS_S) as kept:
            kept.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            assert kept.recv(4096).startswith(b"HTTP/1.1 200 ")
            kept.sendall(b"GET /api/health HTTP/1.1\r\nHo")
            assert _closed_by_server(kept)
        assert _health(port) == 200  # the server still answers


def test_without_the_timeout_a_partial_request_stays_open(tmp_path: Path) -> None:
    """What the timeout changes: with 0 (none), uvicorn keeps waiting for the headers."""
    with _server(tmp_path, header_timeout=0) as port, _partial_request(port) as slow:
        slow.settimeout(3.0)
        with pytest.raises(TimeoutError):
            slow.recv(4096)


@needs_linux_proc
def test_serve_with_workers_times_out_unfinished_headers(tmp_path: Path) -> None:
    db = str(tmp_path / "served.db")
    Registry(db).db.dispose()
    with serving(db, tmp_path, "--workers", "2", "--header-timeout", "1") as served:
        slow = [_partial_request(served.port) for _ in range(4)]  # spread over both workers
        assert all(_closed_by_server(sock) for sock in slow)
        for sock in slow:
            sock.close()
        assert _health(served.port) == 200


def test_serve_times_out_unfinished_headers(tmp_path: Path) -> None:
    db = str(tmp_path / "served.db")
    Registry(db).db.dispose()
    with serving(db, tmp_path, "--header-timeout", "1") as served:
        with _partial_request(served.port) as slow:
            assert _closed_by_server(slow)
        assert _health(served.port) == 200
