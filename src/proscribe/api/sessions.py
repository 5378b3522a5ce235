"""Web sign-in sessions: what the browser's cookie holds instead of the API key.

Signing in at ``/login`` checks the key once and starts a session: a random id (256 bits) goes
into the cookie, and only its SHA-256 into the ``web_sessions`` table with the key's name and an
expiry. Every request with the cookie looks the session up together with its key, so a session
ends when it expires, when its holder signs out (:meth:`WebSessions.end`), or when its key is
revoked — on every worker process at once, since the table is in the shared database.
A stolen cookie is therefore worth at most one session, never the key itself.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

import sqlalchemy as sa

from proscribe.api.auth import ApiKey, Role
from proscribe.dates import utc_stamp
from proscribe.store import Database
from proscribe.store import tables as t

SESSION_COOKIE = "proscribe_session"
SESSION_PREFIX = "pss_"  # a session id is not a key ("psk_"): neither is accepted as the other
DEFAULT_LIFETIME = dt.timedelta(hours=8)


def _stamp(moment: dt.datetime) -> str:
    """``moment`` as :func:`proscribe.dates.utc_stamp` writes times (sorts as text)."""
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _hash(session_id: str) -> str:
    return hashlib.sha256(session_id.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class WebSession:
    """A started session: the id for the cookie (shown once) and when it expires."""

    session_id: str
    key_name: str
    expires_at: str
    lifetime_s: int


class WebSessions:
    """Sessions of the web pages, kept in one database (shared by all worker processes)."""

    def __init__(self, db: Database, lifetime: dt.timedelta = DEFAULT_LIFETIME) -> None:
        self.db = db
        self.lifetime = lifetime

    def start(self, key: ApiKey) -> WebSession:
        """A new session for ``key`` (a key already checked); forgets sessions that have expired."""
        session_id = SESSION_PREFIX + secrets.token_urlsafe(32)
        now = dt.datetime.now(dt.UTC)
        expires = _stamp(now + self.lifetime)
        with self.db.writing() as conn, conn.begin():
            conn.execute(t.web_sessions.delete().where(t.web_sessions.c.expires_at <= _stamp(now)))
            conn.execute(
                t.web_sessions.insert().values(
                    id_hash=_hash(session_id),
                    key_name=key.name,
                    created_at=_stamp(now),
                    expires_at=expires,
                )
            )
        return WebSession(session_id, key.name, expires, int(self.lifetime.total_seconds()))

    def key_of(self, session_id: str) -> ApiKey | None:
        """The key of a live session (None when it is unknown, ended, expired or its key revoked)."""
        if not session_id.startswith(SESSION_PREFIX):
            return None
        query = (
            sa.select(t.api_keys, t.web_sessions.c.expires_at, t.web_sessions.c.revoked_at.label("ended_at"))
            .join(t.web_sessions, t.web_sessions.c.key_name == t.api_keys.c.name)
            .where(t.web_sessions.c.id_hash == _hash(session_id))
        )
        with self.db.reading() as conn:
            row = conn.execute(query).first()
        if row is None or row.ended_at is not None or row.revoked_at is not None:
            return None
        if row.expires_at <= utc_stamp():
            return None
        return ApiKey(name=row.name, role=Role(row.role), created_at=row.created_at)

    def end(self, session_id: str) -> bool:
        """Sign out: the session is refused from now on. False when there was no live session."""
        with self.db.writing() as conn, conn.begin():
            ended = conn.execute(
                t.web_sessions.update()
                .where(t.web_sessions.c.id_hash == _hash(session_id), t.web_sessions.c.revoked_at.is_(None))
                .values(revoked_at=utc_stamp())
            )
        return bool(ended.rowcount)

    def end_all(self, key_name: str) -> int:
        """End every session of ``key_name`` (how many were live). Revoking the key does this in
        effect already; this also signs a key out everywhere without revoking it."""
        with self.db.writing() as conn, conn.begin():
            ended = conn.execute(
                t.web_sessions.update()
                .where(t.web_sessions.c.key_name == key_name, t.web_sessions.c.revoked_at.is_(None))
                .values(revoked_at=utc_stamp())
            )
        return int(ended.rowcount)
