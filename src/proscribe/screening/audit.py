"""Audit record of each screen: when, who, the query, the date screened for, list versions, results.

Records are appended (never changed) and exported as JSON lines.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

import orjson
import sqlalchemy as sa

from proscribe.screening.screen import Match
from proscribe.store import Database
from proscribe.store import tables as t


def current_user() -> str:
    try:
        return os.environ.get("PROSCRIBE_USER") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


@dataclass(frozen=True)
class ScreenRecord:
    query: str
    as_of: dt.date
    jurisdictions: list[str]
    matches: list[Match]


class AuditLog:
    def __init__(self, db: Database) -> None:
        self.db = db

    def record(
        self, records: Iterable[ScreenRecord], list_versions: dict[str, str], user: str | None = None
    ) -> int:
        """Append one row per screen, in one transaction; returns how many."""
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
        who = user or current_user()
        versions = orjson.dumps(list_versions, option=orjson.OPT_SORT_KEYS).decode()
        rows = [
            {
                "screened_at": stamp,
                "user_name": who,
                "query": r.query,
                "as_of": r.as_of.isoformat(),
                "jurisdictions": ",".join(r.jurisdictions),
                "list_versions": versions,
                "results": orjson.dumps([m.to_json() for m in r.matches]).decode(),
            }
            for r in records
        ]
        if rows:
            with self.db.writing() as conn, conn.begin():
                conn.execute(sa.insert(t.screening_audit), rows)
        return len(rows)

    def entries(self, since: dt.date | None = None) -> Iterator[dict[str, Any]]:
        query = sa.select(t.screening_audit).order_by(t.screening_audit.c.id)
        if since is not None:
            query = query.where(t.screening_audit.c.screened_at >= since.isoformat())
        with self.db.reading() as conn:
            for row in conn.execute(query):
                yield {
                    "id": row.id,
                    "screened_at": row.screened_at,
                    "user": row.user_name,
                    "query": row.query,
                    "as_of": row.as_of,
                    "jurisdictions": [j for j in row.jurisdictions.split(",") if j],
                    "list_versions": orjson.loads(row.list_versions),
                    "results": orjson.loads(row.results),
                }

    def export(self, output: IO[str], since: dt.date | None = None) -> int:
        count = 0
        for entry in self.entries(since):
            output.write(orjson.dumps(entry).decode() + "\n")
            count += 1
        return count
