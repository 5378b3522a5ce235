"""What a news watch has already processed: URLs fetched once, and texts queued once whatever their URL.

Stored in ``news_seen`` (migration 0007) beside the review queue. An item is recorded only when
its page was read and handled (queued, or found to repeat a known text); failures and items
skipped by date are not, so a later run tries them again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import urllib.parse

import sqlalchemy as sa

from proscribe.store import tables as t
from proscribe.store.database import Database


def normalise_url(url: str) -> str:
    """The URL without its fragment, with scheme and host in lower case (they are case-insensitive)."""
    parts = urllib.parse.urlsplit(url.strip())
    return urllib.parse.urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, "")
    )


def url_key(url: str) -> str:
    return hashlib.sha256(normalise_url(url).encode("utf-8")).hexdigest()


class SeenLedger:
    """Look-ups and records of seen items in one database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def url_seen(self, url: str) -> bool:
        with self.db.reading() as conn:
            row = conn.execute(
                sa.select(t.news_seen.c.url_hash).where(t.news_seen.c.url_hash == url_key(url))
            )
            return row.first() is not None

    def content_of(self, url: str) -> str | None:
        """The content hash recorded for ``url`` by the last run that read it."""
        with self.db.reading() as conn:
            return conn.execute(
                sa.select(t.news_seen.c.content_hash).where(t.news_seen.c.url_hash == url_key(url))
            ).scalar()

    def content_seen(self, content_hash: str) -> bool:
        """True when a watch saw this cleaned text, or it is already in the review queue by any route."""
        with self.db.reading() as conn:
            seen = conn.execute(
                sa.select(t.news_seen.c.url_hash).where(t.news_seen.c.content_hash == content_hash).limit(1)
            ).first()
            if seen is not None:
                return True
            queued = conn.execute(
                sa.select(t.news_articles.c.id).where(t.news_articles.c.id == content_hash)
            ).first()
            return queued is not None

    def record(
        self, url: str, content_hash: str, source: str, published: dt.date | None, events: int
    ) -> None:
        """Remember ``url`` (replacing an earlier record of it: a watched page may change)."""
        key = url_key(url)
        row = {
            "url_hash": key,
            "url": normalise_url(url),
            "content_hash": content_hash,
            "source": source,
            "published": published.isoformat() if published else None,
            "seen_at": dt.datetime.now(dt.UTC).isoformat(),
            "events": events,
        }
        with self.db.writing() as conn, conn.begin():
            conn.execute(t.news_seen.delete().where(t.news_seen.c.url_hash == key))
            conn.execute(t.news_seen.insert(), row)
