"""Sane limits: request body size (an ASGI middleware) and a per-key rate limit (token buckets):
in the process (:class:`RateLimiter`), or in the database, shared by the worker processes of
``proscribe serve --workers N`` (:class:`SharedRateLimiter`)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import orjson
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from proscribe.errors import InputError
from proscribe.store import tables as t
from proscribe.store.database import Database


@dataclass(frozen=True)
class Limits:
    """``max_body_bytes`` per request, ``max_batch`` items per batch, ``rate_per_minute`` per key.

    ``cors_origins`` is empty by default: no cross-origin browser access.
    ``public_read`` lets requests without a key read (never write).
    ``failed_keys_per_minute`` wrong keys from one client address block it for the rest of the
    minute (429).
    A ``rate_per_minute`` or ``failed_keys_per_minute`` of 0 means no limit; negative numbers are
    refused (:class:`proscribe.errors.InputError`).
    ``shared_rate_limit`` counts requests in the database, so that the limit holds across the
    worker processes (and hosts) serving one database; otherwise each process counts its own.
    """

    max_body_bytes: int = 1_000_000
    max_batch: int = 1000
    rate_per_minute: int = 600
    failed_keys_per_minute: int = 10
    cors_origins: tuple[str, ...] = ()
    public_read: bool = False
    shared_rate_limit: bool = False

    def __post_init__(self) -> None:
        for name, option in (
            ("max_body_bytes", "--max-body"),
            ("max_batch", "--max-batch"),
            ("rate_per_minute", "--rate-limit"),
            ("failed_keys_per_minute", "failed_keys_per_minute"),
        ):
            if getattr(self, name) < 0:
                raise InputError(f"must be 0 or more, not {getattr(self, name)}", location=option)


async def reply_error(
    send: Send, status: int, message: str, field: str | None, headers: list[tuple[bytes, bytes]]
) -> None:
    """Answer an ASGI request from middleware with ``{"error", "field"}`` JSON and extra ``headers``."""
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
                await reply_error(send, 413, message, "body", [(b"connection", b"close")])
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
                await reply_error(send, 413, message, "body", [(b"connection", b"close")])
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
        """Take one token for ``key``; None when allowed, else seconds until the next token.

        A ``per_minute`` of 0 (or less) means no limit: every request is allowed."""
        if self.per_minute <= 0:
            return None
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
            return (1.0 - bucket.tokens) / rate


class SharedRateLimiter(RateLimiter):
    """The same token bucket per key, kept in the database table ``rate_limits`` so that every
    process serving the database draws from one bucket per key.

    The bucket is stored as one number, the generic cell rate algorithm's "theoretical arrival
    time" ``tat``: each request moves it ``60 / per_minute`` seconds forward from
    ``max(tat, now)``, and is let through when that leaves it at most 60 s ahead of now (a burst of
    ``per_minute``, refilled at ``per_minute`` a minute). One atomic upsert per request decides
    and records it (``INSERT ... ON CONFLICT DO UPDATE ... RETURNING``, on PostgreSQL and SQLite):
    concurrent requests of one key serialise on its row, so no two take the same token.
    The time is this host's clock: hosts sharing a database must keep their clocks in sync (NTP).
    """

    def __init__(self, per_minute: int, db: Database) -> None:
        super().__init__(per_minute)
        self.db = db

    def take(self, key: str) -> float | None:
        if self.per_minute <= 0:
            return None  # no limit
        now = time.time()
        interval = 60.0 / self.per_minute
        table = t.rate_limits
        start = sa.case((table.c.tat > now, table.c.tat), else_=sa.literal(now, sa.Float))
        fits = start <= now + 60.0 - interval
        insert = (postgresql.insert if not self.db.is_sqlite else sqlite.insert)(table).values(
            key=key, tat=now + interval, allowed=True
        )
        upsert = insert.on_conflict_do_update(
            index_elements=[table.c.key],
            set_={"allowed": fits, "tat": sa.case((fits, start + interval), else_=table.c.tat)},
        ).returning(table.c.tat, table.c.allowed)
        if self.db.is_sqlite:
            with self.db.writing() as connection, connection.begin():
                tat, allowed = connection.execute(upsert).one()
        else:
            # One statement is atomic on its own: no BEGIN/COMMIT round trips.
            with self.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                tat, allowed = connection.execute(upsert).one()
        if allowed:
            return None
        return max(0.0, float(tat) + interval - now - 60.0)

    def peek(self, key: str) -> float | None:
        """Whether :meth:`take` would now allow ``key`` (None), or the seconds until it would;
        reads the bucket and changes nothing."""
        if self.per_minute <= 0:
            return None
        with self.db.reading() as connection:
            tat = connection.execute(
                sa.select(t.rate_limits.c.tat).where(t.rate_limits.c.key == key)
            ).scalar_one_or_none()
        if tat is None:
            return None
        now = time.time()
        interval = 60.0 / self.per_minute
        if max(float(tat), now) <= now + 60.0 - interval:
            return None
        return max(0.0, float(tat) + interval - now - 60.0)


def rate_limiter_for(limits: Limits, db: Database) -> RateLimiter:
    """The rate limiter ``limits`` ask for: shared through ``db``, or this process's own."""
    if limits.shared_rate_limit:
        return SharedRateLimiter(limits.rate_per_minute, db)
    return RateLimiter(limits.rate_per_minute)
