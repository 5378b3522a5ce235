"""Storage of list versions, entry states, list subjects and link candidates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import orjson
import sqlalchemy as sa

from proscribe.ledger import unpack_membership
from proscribe.lists.entries import entry_from_dict
from proscribe.sources.base import ListEntry
from proscribe.store import Database
from proscribe.store import tables as t

CHUNK = 5000


@dataclass(frozen=True)
class StoredVersion:
    id: str
    source: str
    jurisdiction: str
    data_date: dt.date
    data_date_basis: str
    imported_at: str
    entry_count: int
    files: list[str]
    previous: str | None

    @classmethod
    def from_row(cls, row: sa.Row[tuple[object, ...]]) -> StoredVersion:
        return cls(
            id=str(row.id),
            source=str(row.source),
            jurisdiction=str(row.jurisdiction),
            data_date=dt.date.fromisoformat(str(row.data_date)),
            data_date_basis=str(row.data_date_basis),
            imported_at=str(row.imported_at),
            entry_count=int(str(row.entry_count)),
            files=orjson.loads(str(row.files)),
            previous=str(row.previous) if row.previous else None,
        )


_VERSION_COLUMNS = [c for c in t.list_versions.c if c.name != "membership"]


class ListStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def version(self, version_id: str) -> StoredVersion | None:
        with self.db.reading() as conn:
            row = conn.execute(sa.select(*_VERSION_COLUMNS).where(t.list_versions.c.id == version_id)).first()
        return StoredVersion.from_row(row) if row else None

    def find_version(self, source: str, ref: str) -> StoredVersion | None:
        """A version by hash (or unique hash prefix) or by data date (the latest import of that day)."""
        query = sa.select(*_VERSION_COLUMNS).where(t.list_versions.c.source == source)
        with self.db.reading() as conn:
            rows = conn.execute(
                query.where(
                    sa.or_(t.list_versions.c.id.startswith(ref), t.list_versions.c.data_date == ref)
                ).order_by(t.list_versions.c.data_date, t.list_versions.c.imported_at)
            ).all()
        return StoredVersion.from_row(rows[-1]) if rows else None

    def versions(self, source: str | None = None) -> list[StoredVersion]:
        query = sa.select(*_VERSION_COLUMNS).order_by(
            t.list_versions.c.source, t.list_versions.c.data_date, t.list_versions.c.imported_at
        )
        if source:
            query = query.where(t.list_versions.c.source == source)
        with self.db.reading() as conn:
            return [StoredVersion.from_row(row) for row in conn.execute(query)]

    def latest(self, source: str, conn: sa.Connection) -> StoredVersion | None:
        row = conn.execute(
            sa.select(*_VERSION_COLUMNS)
            .where(t.list_versions.c.source == source)
            .order_by(t.list_versions.c.data_date.desc(), t.list_versions.c.imported_at.desc())
            .limit(1)
        ).first()
        return StoredVersion.from_row(row) if row else None

    def membership(self, version_id: str, conn: sa.Connection | None = None) -> dict[str, str]:
        query = sa.select(t.list_versions.c.membership).where(t.list_versions.c.id == version_id)
        if conn is not None:
            return unpack_membership(conn.execute(query).scalar_one(), version_id)
        with self.db.reading() as reader:
            return unpack_membership(reader.execute(query).scalar_one(), version_id)

    def entries(
        self, source: str, pairs: Iterable[tuple[str, str]], conn: sa.Connection
    ) -> dict[str, ListEntry]:
        """Entry states by (key, digest)."""
        wanted = list(pairs)
        found: dict[str, ListEntry] = {}
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            digests = [digest for _, digest in chunk]
            query = sa.select(t.list_entries.c.key, t.list_entries.c.digest, t.list_entries.c.body).where(
                t.list_entries.c.source == source,
                t.member_of(t.list_entries.c.digest, digests, conn.dialect.name),
            )
            keyed = dict(chunk)
            for row in conn.execute(query):
                if keyed.get(row.key) == row.digest:
                    found[row.key] = entry_from_dict(orjson.loads(row.body))
        return found

    def existing_digests(self, source: str, digests: list[str], conn: sa.Connection) -> set[str]:
        present: set[str] = set()
        for start in range(0, len(digests), CHUNK):
            query = sa.select(t.list_entries.c.digest).where(
                t.list_entries.c.source == source,
                t.member_of(t.list_entries.c.digest, digests[start : start + CHUNK], conn.dialect.name),
            )
            present |= {row.digest for row in conn.execute(query)}
        return present

    def subjects(self, source: str, keys: list[str], conn: sa.Connection) -> dict[str, str]:
        found: dict[str, str] = {}
        for start in range(0, len(keys), CHUNK):
            query = sa.select(t.list_subjects.c.key, t.list_subjects.c.entity_id).where(
                t.list_subjects.c.source == source,
                t.member_of(t.list_subjects.c.key, keys[start : start + CHUNK], conn.dialect.name),
            )
            found.update({row.key: row.entity_id for row in conn.execute(query)})
        return found

    def entities_with_source(self, source: str, conn: sa.Connection) -> set[str]:
        query = sa.select(t.list_subjects.c.entity_id).where(t.list_subjects.c.source == source).distinct()
        return {row.entity_id for row in conn.execute(query)}

    def listings_of(self, entity_ids: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
        """(source, key) list entries behind each entity."""
        ids = sorted(set(entity_ids))
        found: dict[str, list[tuple[str, str]]] = {}
        with self.db.reading() as conn:
            for start in range(0, len(ids), CHUNK):
                query = sa.select(t.list_subjects).where(
                    t.member_of(t.list_subjects.c.entity_id, ids[start : start + CHUNK], conn.dialect.name)
                )
                for row in conn.execute(query):
                    found.setdefault(row.entity_id, []).append((row.source, row.key))
        return found

    def pending_candidates(self) -> list[sa.Row[tuple[object, ...]]]:
        with self.db.reading() as conn:
            query = sa.select(t.link_candidates).where(t.link_candidates.c.status == "pending")
            return list(
                conn.execute(query.order_by(t.link_candidates.c.score.desc(), t.link_candidates.c.id))
            )
