"""Browser-facing defences: security headers, a same-origin rule for writes, bad-body checks, and a
limit on wrong API keys.

* Every response carries ``X-Content-Type-Options: nosniff``, ``X-Frame-Options: DENY``,
  ``Referrer-Policy: same-origin`` and a Content-Security-Policy. The pages use no inline script or
  style (``/static/app.js`` and ``/static/style.css`` only), so the policy allows scripts, styles
  and connections from this origin alone. The OpenAPI pages (``/docs``, ``/redoc``) are FastAPI's:
  they load Swagger/ReDoc from cdn.jsdelivr.net with an inline start-up script, and get a policy
  that allows exactly that.
* A state-changing request (POST, PUT, PATCH, DELETE) whose ``Origin`` (or, without one, whose
  ``Referer``) names another site is refused with 403: the login cookie is SameSite=Strict already,
  this is the second wall (old browsers, a cookie set another way). Requests without either header
  (scripts, curl, API clients) are not browsers' cross-site requests and pass. Origins listed in
  ``Limits.cors_origins`` are allowed.
* A JSON body with an unpaired surrogate escape (``"\\ud800"``, which no UTF-8 text can hold) or
  nested deeper than :data:`proscribe.nesting.MAX_DEPTH` is refused with 400 before any handler
  runs; both used to end in a 500.
* :class:`FailedKeys` counts wrong API keys per client address: after ``per_minute`` of them the
  client is answered 429 for the rest of the minute, even with a right key, so keys cannot be
  guessed at the rate the server answers. :class:`SharedFailedKeys` keeps the count in the
  database, so that the limit holds across the worker processes of ``serve --workers N``.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from proscribe.api.limits import SharedRateLimiter, reply_error
from proscribe.errors import InputError
from proscribe.nesting import check_json_depth
from proscribe.store.database import Database

STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
DOCS_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: https:; "
    "worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs", "/redoc")
HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]


def content_security_policy(path: str) -> str:
    """The policy for a response to ``path``: strict for pages and the API, looser for /docs."""
    return DOCS_POLICY if path.startswith(DOCS_PATHS) else PAGE_POLICY


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return None


def foreign_origin(scope: Scope, allowed: tuple[str, ...] = ()) -> str | None:
    """The other site a request comes from, by its Origin or Referer header; None when same-site.

    "Same site" is the host (and port) the request was sent to, as its Host header says; the
    scheme is not compared, so a TLS-terminating proxy in front does not break it.
    """
    claimed = _header(scope, b"origin")
    if claimed is None:
        referer = _header(scope, b"referer")
        if referer is None:
            return None
        parts = urlsplit(referer)
        claimed = f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else referer
    if claimed.rstrip("/") in {o.rstrip("/") for o in allowed}:
        return None
    host = (_header(scope, b"host") or "").lower()
    netloc = urlsplit(claimed).netloc.lower() if claimed != "null" else ""
    if host and netloc == host:
        return None
    return claimed


def body_problem(body: bytes) -> str | None:
    """Why a JSON request body is refused before parsing (None when it may be parsed)."""
    try:
        check_json_depth(body, "body")
    except InputError as exc:
        return exc.message
    try:
        orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        if "surrogate" in str(exc):
            return "the request body holds an unpaired surrogate escape (\\ud800-\\udfff), which is no text"
    return None


async def _reply(send: Send, status: int, message: str, field: str) -> None:
    await reply_error(
        send, status, message, field, [*HEADERS, (b"content-security-policy", PAGE_POLICY.encode())]
    )


class SecurityGuards:
    """ASGI middleware: security headers on every response; cross-site writes and bad JSON refused."""

    def __init__(self, app: ASGIApp, allowed_origins: tuple[str, ...] = ()) -> None:
        self.app = app
        self.allowed_origins = allowed_origins

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = content_security_policy(str(scope.get("path", ""))).encode()

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in HEADERS if n not in present]
                if b"content-security-policy" not in present:
                    extra.append((b"content-security-policy", policy))
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        if scope.get("method") in STATE_CHANGING:
            other = foreign_origin(scope, self.allowed_origins)
            if other is not None:
                await _reply(send, 403, f"cross-site request refused: it comes from {other[:100]}", "origin")
                return
            content_type = (_header(scope, b"content-type") or "").lower()
            if "json" in content_type:
                body, receive = await _buffered(receive)
                problem = body_problem(body) if body else None
                if problem:
                    await _reply(send, 400, problem, "body")
                    return
        await self.app(scope, receive, with_headers)


async def _buffered(receive: Receive) -> tuple[bytes, Receive]:
    """The whole request body, and a ``receive`` that hands it on again (bodies are size-limited
    by :class:`proscribe.api.limits.BodySizeLimit`, which runs first)."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    body = b"".join(chunks)
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return body, replay


@dataclass
class FailedKeys:
    """Wrong API keys per client address in a sliding minute; ``per_minute`` of them block it."""

    per_minute: int = 10
    window_s: float = 60.0
    _failures: dict[str, deque[float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _recent(self, client: str, now: float) -> deque[float]:
        stamps = self._failures.setdefault(client, deque())
        while stamps and stamps[0] <= now - self.window_s:
            stamps.popleft()
        return stamps

    def wait(self, client: str) -> float | None:
        """Seconds ``client`` must wait before its next key is checked, or None when it may try."""
        if self.per_minute <= 0:
            return None  # no limit
        now = time.monotonic()
        with self._lock:
            stamps = self._recent(client, now)
            if len(stamps) < self.per_minute:
                if not stamps:
                    self._failures.pop(client, None)
                return None
            return stamps[0] + self.window_s - now

    def failed(self, client: str) -> None:
        """Count one wrong key from ``client``."""
        if self.per_minute <= 0:
            return  # no limit: nothing to count (a deque per client would only grow)
        now = time.monotonic()
        with self._lock:
            self._recent(client, now).append(now)
            if len(self._failures) > 10_000:  # many addresses: forget those with nothing recent
                for stale in [c for c, s in self._failures.items() if s[-1] <= now - self.window_s]:
                    del self._failures[stale]


# Bucket names of wrong keys in the shared ``rate_limits`` table: ':' is in no key name
# (:data:`proscribe.api.auth._NAME`), so no key's own request bucket can be drawn from.
WRONG_KEY_BUCKET = "wrong-key:"


class SharedFailedKeys(FailedKeys):
    """Wrong API keys per client address counted in the database (the ``rate_limits`` table of
    :class:`proscribe.api.limits.SharedRateLimiter`), so that every worker process serving one
    database sees the same count.

    Each wrong key takes a token from the client's bucket of ``per_minute``; a client whose
    bucket is empty is refused (429) until a token comes back, one every ``60 / per_minute``
    seconds. So a guesser gets ``per_minute`` guesses at once, then one per ``60 / per_minute``
    seconds — the same ``per_minute`` a minute as :class:`FailedKeys`, refilled gradually rather
    than all at once. Checking costs one read per request with a key; a wrong key one upsert.
    """

    def __init__(self, per_minute: int, db: Database) -> None:
        super().__init__(per_minute)
        self.bucket = SharedRateLimiter(per_minute, db)

    def wait(self, client: str) -> float | None:
        return self.bucket.peek(WRONG_KEY_BUCKET + client)

    def failed(self, client: str) -> None:
        self.bucket.take(WRONG_KEY_BUCKET + client)


def failed_keys_for(per_minute: int, db: Database, shared: bool) -> FailedKeys:
    """The wrong-key counter: in the database when ``shared`` (several workers), else in memory."""
    return SharedFailedKeys(per_minute, db) if shared else FailedKeys(per_minute)
