"""The journal: an append-only, hash-chained sequence of acts.

Nothing is updated in place. A correction is a new act that ``supersedes``
the old one; a retraction is an act with action ``retracted``. Every append
is one transaction: either all of its acts land, or none does.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from proscribe.canonical import GENESIS_HASH, act_body, chain_hash, parse_body
from proscribe.errors import InputError
from proscribe.model import Act, RecordedAct
from proscribe.store import Database
from proscribe.store import tables as t

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

        head_seq, head_hash = self._lock_head(conn)
        seq, prev = head_seq, head_hash
        rows: list[dict[str, object]] = []
        links: list[dict[str, object]] = []
        stamp_text = stamp.isoformat()
        for act in fresh:
            seq += 1
            stamped = act.model_copy(update={"recorded_at": stamp})
            body = act_body(stamped, seq)
            digest = chain_hash(prev, body)
            rows.append(
                {
                    "seq": seq,
                    "act_id": act.id,
                    "jurisdiction": act.jurisdiction,
                    "action": act.action.value,
                    "list_id": act.list_id,
                    "recorded_at": stamp_text,
                    "body": body,
                    "prev_hash": prev,
                    "hash": digest,
                }
            )
            # Acts naming no entity (a law, a rule) are indexed under their jurisdiction ("*RU").
            subjects = act.entities or [f"*{act.jurisdiction}"]
            links.extend({"entity_id": entity, "seq": seq} for entity in subjects)
            prev = digest
            result.added.append(act.id)
            if len(rows) >= INSERT_SLICE:
                self._insert(conn, rows, links)
                rows, links = [], []
        self._insert(conn, rows, links)
        conn.execute(t.journal_head.update().where(t.journal_head.c.id == 1).values(seq=seq, hash=prev))
        result.first_seq, result.last_seq = head_seq + 1, seq
        return result

    @staticmethod
    def _insert(conn: sa.Connection, rows: list[dict[str, object]], links: list[dict[str, object]]) -> None:
        if rows:
            conn.execute(t.acts.insert(), rows)
        if links:
            conn.execute(t.act_entities.insert(), links)

    @staticmethod
    def _lock_head(conn: sa.Connection) -> tuple[int, str]:
        query = sa.select(t.journal_head.c.seq, t.journal_head.c.hash).where(t.journal_head.c.id == 1)
        if conn.dialect.name != "sqlite":
            query = query.with_for_update()
        row = conn.execute(query).first()
        if row is None:
            conn.execute(t.journal_head.insert().values(id=1, seq=0, hash=GENESIS_HASH))
            if conn.dialect.name != "sqlite":
                row = conn.execute(query).first()
                assert row is not None
                return int(row.seq), str(row.hash)
            return 0, GENESIS_HASH
        return int(row.seq), str(row.hash)

    def _existing_acts(self, conn: sa.Connection, ids: list[str]) -> dict[str, Act]:
        found: dict[str, Act] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            query = sa.select(t.acts.c.act_id, t.acts.c.body).where(t.acts.c.act_id.in_(chunk))
            for row in conn.execute(query):
                found[row.act_id] = parse_body(row.body)
        return found

    def _check_references(self, conn: sa.Connection, acts: list[Act], known_entities: set[str]) -> None:
        entity_ids = {e for act in acts for e in act.entities} - known_entities
        present = set()
        listed = sorted(entity_ids)
        for start in range(0, len(listed), 500):
            chunk = listed[start : start + 500]
            query = sa.select(t.entities.c.id).where(t.entities.c.id.in_(chunk))
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
        query = (
            sa.select(t.acts.c.seq, t.acts.c.body, t.acts.c.prev_hash, t.acts.c.hash)
            .join(t.act_entities, t.act_entities.c.seq == t.acts.c.seq)
            .where(t.act_entities.c.entity_id.in_(ids))
            .order_by(t.acts.c.seq)
            .distinct()
        )
        with self.db.engine.connect() as conn:
            return [self._recorded(row) for row in conn.execute(query)]

    def acts_by_id(self, act_ids: Iterable[str]) -> list[RecordedAct]:
        ids = sorted(set(act_ids))
        query = (
            sa.select(t.acts.c.seq, t.acts.c.body, t.acts.c.prev_hash, t.acts.c.hash)
            .where(t.acts.c.act_id.in_(ids))
            .order_by(t.acts.c.seq)
        )
        with self.db.engine.connect() as conn:
            return [self._recorded(row) for row in conn.execute(query)]

    def all_acts(self) -> Iterator[RecordedAct]:
        """Every act in journal order, streamed."""
        query = sa.select(t.acts.c.seq, t.acts.c.body, t.acts.c.prev_hash, t.acts.c.hash).order_by(
            t.acts.c.seq
        )
        with self.db.engine.connect() as conn:
            for row in conn.execution_options(yield_per=5000).execute(query):
                yield self._recorded(row)

    def count(self) -> int:
        with self.db.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(t.acts)).scalar_one())

    # -- verifying ---------------------------------------------------------------

    def verify(self) -> VerifyReport:
        """Recompute the hash chain from the first act and report the first broken link.

        Also checks that the indexed columns agree with each act's body, that
        sequence numbers have no gaps, and that the head matches the last act.
        """
        prev = GENESIS_HASH
        expected_seq = 1
        checked = 0
        columns = (
            t.acts.c.seq,
            t.acts.c.act_id,
            t.acts.c.jurisdiction,
            t.acts.c.action,
            t.acts.c.list_id,
            t.acts.c.recorded_at,
            t.acts.c.body,
            t.acts.c.prev_hash,
            t.acts.c.hash,
        )
        query = sa.select(*columns).order_by(t.acts.c.seq)
        with self.db.engine.connect() as conn:
            for row in conn.execution_options(yield_per=10000).execute(query):
                broken = self._check_row(row, expected_seq, prev)
                if broken:
                    return VerifyReport(checked, prev, broken)
                prev = row.hash
                expected_seq += 1
                checked += 1
            head = conn.execute(sa.select(t.journal_head.c.seq, t.journal_head.c.hash)).first()
        head_seq, head_hash = (int(head.seq), str(head.hash)) if head else (0, GENESIS_HASH)
        if head_seq != checked or head_hash != prev:
            problem = f"journal head says {head_seq} acts ending in {head_hash[:12]}, chain has {checked}"
            return VerifyReport(checked, prev, BrokenLink(head_seq, "(head)", problem))
        return VerifyReport(checked, prev, None)

    @staticmethod
    def _check_row(row: Any, expected_seq: int, prev: str) -> BrokenLink | None:
        seq, act_id = int(row.seq), str(row.act_id)
        if seq != expected_seq:
            return BrokenLink(seq, act_id, f"sequence gap: expected #{expected_seq}")
        if row.prev_hash != prev:
            return BrokenLink(seq, act_id, "previous-hash link does not match the act before it")
        if chain_hash(prev, row.body) != row.hash:
            return BrokenLink(seq, act_id, "content does not match its hash (the act was altered)")
        try:
            data = json.loads(row.body)
        except ValueError:
            return BrokenLink(seq, act_id, "body is not valid JSON")
        expected = {
            "seq": seq,
            "act_id": data.get("id"),
            "jurisdiction": data.get("jurisdiction"),
            "action": data.get("action"),
            "list_id": data.get("list"),
            "recorded_at": data.get("recorded_at"),
        }
        stored = {
            "seq": data.get("seq"),
            "act_id": act_id,
            "jurisdiction": row.jurisdiction,
            "action": row.action,
            "list_id": row.list_id,
            "recorded_at": _iso(row.recorded_at),
        }
        expected["recorded_at"] = _iso(expected["recorded_at"])
        for column, value in expected.items():
            if stored[column] != value:
                return BrokenLink(
                    seq, act_id, f"column '{column}' was altered: {stored[column]!r} != {value!r}"
                )
        return None


def _iso(value: object) -> str | None:
    if value is None:
        return None
    return dt.datetime.fromisoformat(str(value)).isoformat()
