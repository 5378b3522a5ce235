"""The journal: an append-only, hash-chained sequence of acts.

Nothing is updated in place. A correction is a new act that ``supersedes``
the old one; a retraction is an act with action ``retracted``. Every append
is one transaction: either all of its acts land, or none does.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson
import sqlalchemy as sa

from proscribe import ledger
from proscribe.canonical import GENESIS_HASH, act_body, chain_hash, parse_body
from proscribe.errors import InputError
from proscribe.model import Act, RecordedAct
from proscribe.store import Database
from proscribe.store import tables as t
from proscribe.store.heads import lock_chain_head

_ACTS_FOR_ENTITIES = (
    sa.select(t.acts.c.seq, t.acts.c.body, t.acts.c.prev_hash, t.acts.c.hash)
    .join(t.act_entities, t.act_entities.c.seq == t.acts.c.seq)
    .where(t.act_entities.c.entity_id.in_(sa.bindparam("ids", expanding=True)))
    .order_by(t.acts.c.seq)
    .distinct()
)

# A bulk append at least this large, that at least doubles the journal, refreshes
# PostgreSQL's planner statistics.
ANALYZE_AFTER = 10_000

# Ids looked up per query: well under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
LOOKUP_CHUNK = 10_000

# Acts are inserted in slices of this many rows so memory stays bounded on big appends.
INSERT_SLICE = 5000


@dataclass
class AppendResult:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    first_seq: int | None = None
    last_seq: int | None = None


@dataclass(frozen=True)
class BrokenLink:
    seq: int
    act_id: str
    problem: str

    def __str__(self) -> str:
        return f"act #{self.seq} ({self.act_id}): {self.problem}"


@dataclass
class VerifyReport:
    acts_checked: int
    head_hash: str
    broken: BrokenLink | None

    @property
    def ok(self) -> bool:
        return self.broken is None


def _same_content(a: Act, b: Act) -> bool:
    return a.model_copy(update={"recorded_at": None}) == b.model_copy(update={"recorded_at": None})


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Journal:
    """Append and read acts; verify the chain."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- writing -----------------------------------------------------------------

    def append(
        self,
        acts: Sequence[Act],
        *,
        recorded_at: dt.datetime | None = None,
        connection: sa.Connection | None = None,
        known_entities: Iterable[str] = (),
        check_references: bool = True,
    ) -> AppendResult:
        """Append ``acts`` in one transaction and return what was added.

        An act whose id is already recorded with the same content is skipped
        (so loading a file twice adds nothing); the same id with different
        content is an error: record a correction that supersedes it instead.
        ``known_entities`` names entities created in the same transaction.
        """
        if connection is None:
            with self.db.writing() as conn, conn.begin():
                return self.append(
                    acts,
                    recorded_at=recorded_at,
                    connection=conn,
                    known_entities=known_entities,
                    check_references=check_references,
                )
        conn = connection
        stamp = (recorded_at or utc_now()).astimezone(dt.UTC)
        result = AppendResult()
        batch_ids: set[str] = set()
        existing = self._existing_acts(conn, [act.id for act in acts])
        fresh: list[Act] = []
        for act in acts:
            if act.id in batch_ids:
                raise InputError(f"act id '{act.id}' appears twice", location=act.id)
            batch_ids.add(act.id)
            if act.id in existing:
                if _same_content(existing[act.id], act):
                    result.unchanged.append(act.id)
                    continue
                raise InputError(
                    f"act id '{act.id}' is already recorded with different content; "
                    "record a new act that supersedes it",
                    location=act.id,
                )
            fresh.append(act)
        if check_references:
            self._check_references(conn, fresh, set(known_entities))
        if not fresh:
            return result

        # Ledger head first, then the journal's: every writer that takes both (record, imports) takes
        # them in this order, so two PostgreSQL writers never wait on each other crosswise.
        ledger.lock_head(conn)
        head_seq, head_hash = lock_chain_head(conn, t.journal_head)
        chained = _Chain(fresh, head_seq, head_hash, stamp)
        _write(conn, iter(chained), chained.links)
        seq, prev = head_seq + len(fresh), chained.last_hash
        result.added.extend(act.id for act in fresh)
        conn.execute(t.journal_head.update().where(t.journal_head.c.id == 1).values(seq=seq, hash=prev))
        if conn.dialect.name == "postgresql" and len(fresh) >= max(ANALYZE_AFTER, head_seq):
            # Fresh planner statistics: without them PostgreSQL keeps planning the id look-ups
            # of the next bulk append as if the table were still empty (sequential scans).
            conn.exec_driver_sql("ANALYZE acts, act_entities")
        result.first_seq, result.last_seq = head_seq + 1, seq
        return result

    def _existing_acts(self, conn: sa.Connection, ids: list[str]) -> dict[str, Act]:
        found: dict[str, Act] = {}
        for start in range(0, len(ids), LOOKUP_CHUNK):
            chunk = ids[start : start + LOOKUP_CHUNK]
            query = sa.select(t.acts.c.act_id, t.acts.c.body).where(
                t.member_of(t.acts.c.act_id, chunk, conn.dialect.name)
            )
            for row in conn.execute(query):
                found[row.act_id] = parse_body(row.body)
        return found

    def _check_references(self, conn: sa.Connection, acts: list[Act], known_entities: set[str]) -> None:
        entity_ids = {e for act in acts for e in act.entities} - known_entities
        present = set()
        listed = sorted(entity_ids)
        for start in range(0, len(listed), LOOKUP_CHUNK):
            chunk = listed[start : start + LOOKUP_CHUNK]
            query = sa.select(t.entities.c.id).where(t.member_of(t.entities.c.id, chunk, conn.dialect.name))
            present |= {row.id for row in conn.execute(query)}
        act_ids = {ref for act in acts for ref in (*act.supersedes, *act.conflicts_with)}
        batch = {act.id for act in acts}
        known_acts = set(self._existing_acts(conn, sorted(act_ids - batch))) | batch
        for act in acts:
            for entity in act.entities:
                if entity not in present and entity not in known_entities:
                    raise InputError(f"entity '{entity}' does not exist", location=f"{act.id}.entities")
            for ref in act.supersedes:
                if ref not in known_acts:
                    raise InputError(
                        f"superseded act '{ref}' does not exist", location=f"{act.id}.supersedes"
                    )
            for ref in act.conflicts_with:
                if ref not in known_acts:
                    raise InputError(
                        f"conflicting act '{ref}' does not exist", location=f"{act.id}.conflicts_with"
                    )

    # -- reading -----------------------------------------------------------------

    @staticmethod
    def _recorded(row: Any) -> RecordedAct:
        return RecordedAct(seq=row.seq, act=parse_body(row.body), prev_hash=row.prev_hash, hash=row.hash)

    def acts_for_entities(self, entity_ids: Iterable[str]) -> list[RecordedAct]:
        ids = sorted(set(entity_ids))
        if not ids:
            return []
        with self.db.reading() as conn:
            return [self._recorded(row) for row in conn.execute(_ACTS_FOR_ENTITIES, {"ids": ids})]

    def acts_by_id(self, act_ids: Iterable[str]) -> list[RecordedAct]:
        ids = sorted(set(act_ids))
        query = (
            sa.select(t.acts.c.seq, t.acts.c.body, t.acts.c.prev_hash, t.acts.c.hash)
            .where(t.acts.c.act_id.in_(ids))
            .order_by(t.acts.c.seq)
        )
        with self.db.reading() as conn:
            return [self._recorded(row) for row in conn.execute(query)]

    def listings_by_entity(self, entity_ids: list[str]) -> dict[str, set[tuple[str, str]]]:
        """(jurisdiction, list id) pairs each entity has acts on (one query per 5,000 ids)."""
        found: dict[str, set[tuple[str, str]]] = {}
        with self.db.reading() as conn:
            for start in range(0, len(entity_ids), 5000):
                chunk = entity_ids[start : start + 5000]
                query = (
                    sa.select(t.act_entities.c.entity_id, t.acts.c.jurisdiction, t.acts.c.list_id)
                    .join(t.acts, t.acts.c.seq == t.act_entities.c.seq)
                    .where(t.member_of(t.act_entities.c.entity_id, chunk, conn.dialect.name))
                    .distinct()
                )
                for row in conn.execute(query):
                    found.setdefault(row.entity_id, set()).add((row.jurisdiction, row.list_id or ""))
        return found

    def page(self, after: int, limit: int) -> list[RecordedAct]:
        """Acts in append order after sequence number ``after``: one indexed query, not a scan."""
        query = (
            sa.select(t.acts.c.seq, t.acts.c.body, t.acts.c.prev_hash, t.acts.c.hash)
            .where(t.acts.c.seq > after)
            .order_by(t.acts.c.seq)
            .limit(limit)
        )
        with self.db.reading() as conn:
            return [self._recorded(row) for row in conn.execute(query)]

    def all_acts(self) -> Iterator[RecordedAct]:
        """Every act in journal order, streamed."""
        query = sa.select(t.acts.c.seq, t.acts.c.body, t.acts.c.prev_hash, t.acts.c.hash).order_by(
            t.acts.c.seq
        )
        # Streaming needs a transaction (a server-side cursor on PostgreSQL): its own connection.
        with self.db.engine.connect() as conn:
            for row in conn.execution_options(yield_per=5000).execute(query):
                yield self._recorded(row)

    def count(self) -> int:
        with self.db.reading() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(t.acts)).scalar_one())

    # -- verifying ---------------------------------------------------------------

    def verify(self, progress: Callable[[int, int], None] | None = None) -> VerifyReport:
        """Recompute the hash chain from the first act and report the first broken link.

        Also checks that the indexed columns agree with each act's body, that
        sequence numbers have no gaps, and that the head matches the last act.
        """
        prev = GENESIS_HASH
        checked = 0
        total = self.count() if progress else 0
        query = (
            "SELECT seq, act_id, jurisdiction, action, list_id, recorded_at, body, prev_hash, hash "
            "FROM acts ORDER BY seq"
        )
        with self.db.engine.connect() as conn:
            rows = conn.execution_options(stream_results=True, yield_per=10000).exec_driver_sql(query)
            # A second cursor on the same connection and transaction (one snapshot; :memory: works).
            index = _IndexRows(conn)
            for row in rows:
                broken = _check_row(tuple(row), checked + 1, prev, index)
                if broken:
                    rows.close()
                    return VerifyReport(checked, prev, broken)
                prev = row[8]
                checked += 1
                if progress and checked % 10_000 == 0:
                    progress(checked, total)
            stray = index.rest()
            if stray:
                return VerifyReport(checked, prev, stray)
            # Row 1 only: it is the row append reads and moves; any other is not the head.
            head = conn.execute(
                sa.select(t.journal_head.c.seq, t.journal_head.c.hash).where(t.journal_head.c.id == 1)
            ).first()
        head_seq, head_hash = (int(head.seq), str(head.hash)) if head else (0, GENESIS_HASH)
        if head_seq != checked or head_hash != prev:
            problem = f"journal head says {head_seq} acts ending in {head_hash[:12]}, chain has {checked}"
            return VerifyReport(checked, prev, BrokenLink(head_seq, "(head)", problem))
        return VerifyReport(checked, prev, None)


class _Chain:
    """Acts turned into journal rows, each hashed with the one before (computed as consumed).

    ``links`` collects the (entity, seq) index rows of the acts consumed so far.
    """

    def __init__(self, acts: list[Act], head_seq: int, head_hash: str, stamp: dt.datetime) -> None:
        self.acts, self.seq, self.last_hash = acts, head_seq, head_hash
        self.links: list[tuple[str, int]] = []
        # The same text pydantic writes for a UTC datetime, so bodies round-trip exactly.
        self.stamp = stamp.isoformat().replace("+00:00", "Z")

    def __iter__(self) -> Iterator[tuple[object, ...]]:
        for act in self.acts:
            self.seq += 1
            body = act_body(act, self.seq, self.stamp)
            digest = chain_hash(self.last_hash, body)
            # Acts naming no entity (a law, a rule) are indexed under their jurisdiction ("*RU").
            self.links.extend((entity, self.seq) for entity in act.entities or [f"*{act.jurisdiction}"])
            yield (
                self.seq,
                act.id,
                act.jurisdiction,
                act.action.value,
                act.list_id,
                self.stamp,
                body,
                self.last_hash,
                digest,
            )
            self.last_hash = digest


ACT_COLUMNS = "seq, act_id, jurisdiction, action, list_id, recorded_at, body, prev_hash, hash"


def _write(conn: sa.Connection, rows: Iterator[tuple[object, ...]], links: list[tuple[str, int]]) -> None:
    """Insert act rows as they are produced, then their entity index rows.

    PostgreSQL gets one COPY stream, so the server stores rows while the next
    ones are hashed; SQLite gets plain DB-API executemany in slices
    (SQLAlchemy's per-row parameter handling would cost more than hashing).
    ``links`` fills up while ``rows`` is consumed.
    """
    if conn.dialect.name == "postgresql":
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        with cursor.copy(f"COPY acts ({ACT_COLUMNS}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        with cursor.copy("COPY act_entities (entity_id, seq) FROM STDIN") as copy:
            for link in links:
                copy.write_row(link)
        return
    insert_act = f"INSERT INTO acts ({ACT_COLUMNS}) VALUES ({', '.join(['?'] * 9)})"
    while True:
        batch = list(itertools.islice(rows, INSERT_SLICE))
        if not batch:
            break
        conn.exec_driver_sql(insert_act, batch)
    if links:
        conn.exec_driver_sql("INSERT INTO act_entities (entity_id, seq) VALUES (?, ?)", links)


class _IndexRows:
    """The ``act_entities`` rows, streamed in act order beside the acts, compared act by act with
    what each body names (one pass, memory independent of the journal's size)."""

    def __init__(self, conn: sa.Connection) -> None:
        query = "SELECT seq, entity_id FROM act_entities ORDER BY seq, entity_id"
        rows = conn.execution_options(stream_results=True, yield_per=10000).exec_driver_sql(query)
        self.groups = (
            (int(seq), [str(r[1]) for r in group])
            for seq, group in itertools.groupby(rows, key=lambda r: r[0])
        )
        self.pending = next(self.groups, None)

    def check(self, seq: int, act_id: str, data: dict[str, Any]) -> BrokenLink | None:
        if self.pending is not None and self.pending[0] < seq:
            return BrokenLink(
                self.pending[0],
                "(act_entities)",
                f"index rows {self.pending[1]} name an act that does not exist",
            )
        stored: list[str] = []
        if self.pending is not None and self.pending[0] == seq:
            stored = sorted(self.pending[1])
            self.pending = next(self.groups, None)
        # The rule _Chain indexes by: an act naming no entity goes under "*<jurisdiction>".
        named = sorted(set(data.get("entities") or [f"*{data.get('jurisdiction')}"]))
        if stored != named:
            return BrokenLink(seq, act_id, f"act_entities index it under {stored}, the act names {named}")
        return None

    def rest(self) -> BrokenLink | None:
        if self.pending is None:
            return None
        return BrokenLink(
            self.pending[0], "(act_entities)", f"index rows {self.pending[1]} name an act that does not exist"
        )


def _check_row(
    row: tuple[Any, ...], expected_seq: int, prev: str, index: _IndexRows | None = None
) -> BrokenLink | None:
    """The first problem of one act row: its link, its hash, its index columns, its index rows."""
    seq, act_id, jurisdiction, action, list_id, recorded_at, body, prev_hash, digest = row
    seq = int(seq)
    if seq != expected_seq:
        return BrokenLink(seq, act_id, f"sequence gap: expected #{expected_seq}")
    if prev_hash != prev:
        return BrokenLink(seq, act_id, "previous-hash link does not match the act before it")
    if chain_hash(prev, body) != digest:
        return BrokenLink(seq, act_id, "content does not match its hash (the act was altered)")
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError:
        return BrokenLink(seq, act_id, "body is not valid JSON")
    stored = (data.get("seq"), act_id, jurisdiction, action, list_id, recorded_at)
    expected = (
        seq,
        data.get("id"),
        data.get("jurisdiction"),
        data.get("action"),
        data.get("list"),
        data.get("recorded_at"),
    )
    if stored == expected:
        return index.check(seq, act_id, data) if index is not None else None
    names = ("seq", "act_id", "jurisdiction", "action", "list_id", "recorded_at")
    for column, have, want in zip(names, stored, expected, strict=True):
        if column == "recorded_at" and _iso(have) == _iso(want):
            continue
        if have != want:
            return BrokenLink(seq, act_id, f"column '{column}' was altered: {have!r} != {want!r}")
    return index.check(seq, act_id, data) if index is not None else None


def _iso(value: object) -> str | None:
    if value is None:
        return None
    return dt.datetime.fromisoformat(str(value)).isoformat()
