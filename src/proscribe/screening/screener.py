"""The one way to screen: a :class:`Screener` over a registry keeps its screening index current
(rebuilt when the journal or the lists change), applies reviewed exclusions, and records every
screen in the screening audit. The CLI (`screen`, `screen --input`, `screen-batch`), the HTTP API,
the web pages and watchlists all screen through it, so every screen is audited the same way."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import sqlalchemy as sa

from proscribe.errors import InputError
from proscribe.registry import Registry
from proscribe.screening import THRESHOLD, Match, ScreeningIndex, screen
from proscribe.screening.audit import AuditLog, ScreenRecord
from proscribe.screening.batch import Row, default_workers, screen_many
from proscribe.screening.exclusions import ExclusionStore, query_key
from proscribe.screening.persisted import Key, index_path, read_index, software_key, write_index
from proscribe.store import tables as t

# Audit rows are written in transactions of this many screens during a batch.
AUDIT_CHUNK = 1000


def registry_stamp(registry: Registry) -> tuple[int, int, int, str]:
    """Counts of acts, entities and list versions and the last entity change (watchlists store it
    to tell whether their screens are current)."""
    with registry.db.reading() as conn:
        acts = conn.execute(sa.select(sa.func.count()).select_from(t.acts)).scalar_one()
        entities = conn.execute(sa.select(sa.func.count()).select_from(t.entities)).scalar_one()
        versions = conn.execute(sa.select(sa.func.count()).select_from(t.list_versions)).scalar_one()
        latest = conn.execute(sa.select(sa.func.max(t.entities.c.recorded_at))).scalar_one()
    return int(acts), int(entities), int(versions), str(latest)


def index_key(registry: Registry) -> Key:
    """What a screening index of ``registry`` is built from, read in one transaction: the journal
    head (its hash covers every act), the list versions (the index reports them), and the entities'
    count and latest change (names are edited in place, without an act); plus the software
    (:func:`proscribe.screening.persisted.software_key`)."""
    with registry.db.reading() as conn:
        head = conn.execute(sa.select(t.journal_head.c.seq, t.journal_head.c.hash)).first()
        versions = conn.execute(
            sa.select(t.list_versions.c.id, t.list_versions.c.data_date).order_by(t.list_versions.c.id)
        ).all()
        count, latest = conn.execute(
            sa.select(sa.func.count(), sa.func.max(t.entities.c.recorded_at)).select_from(t.entities)
        ).one()
    return {
        **software_key(),
        "journal": [int(head.seq), str(head.hash)] if head else [0, ""],
        "lists": [[str(row.id), str(row.data_date)] for row in versions],
        "entities": [int(count), str(latest)],
    }


def load_or_build(registry: Registry, key: Key | None = None) -> ScreeningIndex:
    """``registry``'s screening index: the persisted one when it is current (same key), else
    built and persisted (where the location can be written; else kept in memory only).

    The index is built from what the database holds while it builds: it is saved only if the key
    is the same after the build (a record landing meanwhile leaves the file to the next build).
    """
    key = key or index_key(registry)
    path = index_path(registry.db)
    if path is not None:
        loaded = read_index(path, key)
        if loaded is not None:
            return loaded
    built = ScreeningIndex.from_registry(registry)
    if path is not None and index_key(registry) == key:
        write_index(path, key, built)
    return built


@dataclass
class Screener:
    """A screening index over ``registry``, kept current: loaded from the copy persisted beside
    the database (:mod:`proscribe.screening.persisted`), or built and persisted when that copy is
    missing or stale, and cached in memory for as long as its key (journal head, list versions,
    entities) stays the same, which is checked before every screen."""

    registry: Registry
    # Load and save the persisted index (False: build in memory only, as before it existed).
    persist: bool = True

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._index: ScreeningIndex | None = None
        self._built_from: Key | None = None

    def index(self) -> ScreeningIndex:
        key = index_key(self.registry)
        with self._lock:
            if self._index is None or key != self._built_from:
                if self.persist:
                    self._index = load_or_build(self.registry, key)
                else:
                    self._index = ScreeningIndex.from_registry(self.registry)
                self._built_from = key
            return self._index

    def screen_names(
        self,
        names: Sequence[str],
        as_of: dt.date | None,
        jurisdictions: Sequence[str] | None,
        limit: int,
        user: str | None = None,
        *,
        threshold: float | None = None,
    ) -> list[Row]:
        """Screen each name (an unusable one gives a row with ``error``) and audit every screen."""
        index = self.index()
        day = as_of or dt.date.today()
        exclusions = ExclusionStore(self.registry.db).all()
        rows: list[Row] = []
        for number, name in enumerate(names, start=1):
            excluded = exclusions.get(query_key(name), set())
            try:
                matches: list[Match] = screen(
                    index,
                    name,
                    day,
                    list(jurisdictions) if jurisdictions else None,
                    limit,
                    threshold=THRESHOLD if threshold is None else threshold,
                    excluded=excluded,
                )
            except InputError as exc:
                rows.append(Row(number, name, [], exc.message))
                continue
            rows.append(Row(number, name, matches))
        AuditLog(self.registry.db).record(
            [
                ScreenRecord(r.query, day, list(jurisdictions or []), r.matches)
                for r in rows
                if r.error is None
            ],
            index.list_versions,
            user=user,
        )
        return rows

    def screen_stream(
        self,
        queries: Iterable[tuple[int, str]],
        as_of: dt.date | None,
        jurisdictions: Sequence[str] | None,
        limit: int,
        user: str | None = None,
        *,
        engine: str = "local",
        workers: int = 0,
        spark_master: str | None = "local[2]",
    ) -> Iterator[Row]:
        """Screen numbered names in input order (a batch), auditing every usable one as it goes.

        ``engine`` is ``local`` (forked worker processes sharing the index; ``workers`` 0 means one
        per core) or ``spark`` (the same matcher as a PySpark job). Rows are the same either way.
        """
        index = self.index()
        day = as_of or dt.date.today()
        codes = list(jurisdictions or [])
        exclusions = ExclusionStore(self.registry.db).all()
        if engine == "spark":
            from proscribe.screening.spark import screen_on_spark  # PySpark is optional and slow to import

            rows = screen_on_spark(index, queries, day, codes or None, limit, exclusions, master=spark_master)
        elif engine == "local":
            rows = screen_many(
                index, queries, day, codes or None, limit, exclusions, workers or default_workers()
            )
        else:
            raise InputError(f"unknown engine '{engine}' (local or spark)", "--engine")
        audit = AuditLog(self.registry.db)
        pending: list[ScreenRecord] = []
        for row in rows:
            if row.error is None:
                pending.append(ScreenRecord(row.query, day, codes, row.matches))
            if len(pending) >= AUDIT_CHUNK:
                audit.record(pending, index.list_versions, user=user)
                pending = []
            yield row
        audit.record(pending, index.list_versions, user=user)
