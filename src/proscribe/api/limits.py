"""Sane limits: request body size (an ASGI middleware) and a per-key rate limit (token buckets)."""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass, field

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send


@dataclass(frozen=True)
class Limits:
    """``max_body_bytes`` per request, ``max_batch`` items per batch, ``rate_per_minute`` per key.

    ``cors_origins`` is empty by default: no cross-origin browser access.
    ``public_read`` lets requests without a key read (never write).
    ``failed_keys_per_minute`` wrong keys from one client address block it for the rest of the
    minute (429).
    """

    max_body_bytes: int = 1_000_000
    max_batch: int = 1000
    rate_per_minute: int = 600
    failed_keys_per_minute: int = 10
    cors_origins: tuple[str, ...] = ()
    public_read: bool = False


async def _reply(
    send: Send, status: int, message: str, field: str | None, headers: list[tuple[bytes, bytes]]
) -> None:
    body = orjson.dumps({"error": message, "field": field})
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodySizeLimit:
    """Refuse bodies over ``limit`` bytes with 413, by Content-Length or while streaming."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        message = f"request body is larger than the limit of {self.limit:,} bytes"
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.limit:
                await _reply(send, 413, message, "body", [(b"connection", b"close")])
                return
        # Read the whole body first (it is small by construction), so that an oversized chunked
        # body is refused with 413 before the app sees any of it.
        chunks: list[bytes] = []
        seen = 0
        while True:
            message_in = await receive()
            if message_in["type"] != "http.request":
                break
            chunk = message_in.get("body", b"")
            seen += len(chunk)
            if seen > self.limit:
                await _reply(send, 413, message, "body", [(b"connection", b"close")])
                return
            chunks.append(chunk)
            if not message_in.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


@dataclass
class _Bucket:
    tokens: float
    stamp: float


@dataclass
class RateLimiter:
    """A token bucket per key: ``per_minute`` requests a minute, bursts up to the same number."""

    per_minute: int
    _buckets: dict[str, _Bucket] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, key: str) -> float | None:
        """Take one token for ``key``; None when allowed, else seconds until the next token."""
        now = time.monotonic()
        rate = self.per_minute / 60.0
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                bucket = self._buckets[key] = _Bucket(float(self.per_minute), now)
            bucket.tokens = min(float(self.per_minute), bucket.tokens + (now - bucket.stamp) * rate)
            bucket.stamp = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return None
            return (1.0 - bucket.tokens) / rate if rate > 0 else math.inf
