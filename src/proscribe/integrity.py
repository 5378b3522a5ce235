"""Verify every stored row that an answer depends on, beyond the acts' own hash chain.

Three kinds of rows, three kinds of check:

* **derived rows** are recomputed from the bodies they come from and compared as sets:
  ``entity_names`` and ``entity_links`` from entity bodies, the (source, key, digest) rows of
  ``list_entries`` from the memberships of the list versions (``act_entities`` is checked against
  the act bodies by :meth:`Journal.verify <proscribe.journal.Journal.verify>`, in its one pass);
* **content-addressed rows** are re-hashed: a ``list_entries`` body must hash to its digest;
* **written records** (``entities``, ``list_subjects``, ``list_versions``, ``screening_exclusions``)
  must carry the digest of their newest row in the hash-chained :mod:`ledger <proscribe.ledger>`,
  which is recomputed too; a ledger record whose row is gone is reported as deleted.

A record edited in place and its ledger row rewritten to match breaks the ledger chain; the chain
recomputed end to end is caught only against a signed checkpoint (:mod:`proscribe.checkpoint`).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson
import sqlalchemy as sa

from proscribe import ledger
from proscribe.canonical import GENESIS_HASH, canonical_json, chain_hash
from proscribe.entities import entity_link_rows, entity_name_rows
from proscribe.model import Entity
from proscribe.store import Database
from proscribe.store import tables as t

# Problems reported per check; past that, one line says how many more there are.
PROBLEMS_PER_CHECK = 20
# The table whose rows each kind of ledger record vouches for.
TABLE_OF_KIND = {
    ledger.ENTITY: "entities",
    ledger.LIST_SUBJECT: "list_subjects",
    ledger.LIST_VERSION: "list_versions",
    ledger.EXCLUSION: "screening_exclusions",
}


@dataclass(frozen=True)
class StorageProblem:
    table: str
    ref: str
    problem: str

    def __str__(self) -> str:
        return f"{self.table} {self.ref}: {self.problem}"


@dataclass
class StorageReport:
    """What :func:`verify_storage` checked and what it found wrong."""

    ledger_rows: int = 0
    ledger_head: str = GENESIS_HASH
    rows_checked: dict[str, int] = field(default_factory=dict)
    problems: list[StorageProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "ledger_rows": self.ledger_rows,
            "ledger_head": self.ledger_head,
            "rows_checked": dict(self.rows_checked),
            "problems": [str(p) for p in self.problems],
        }


class _Problems:
    """Collects problems of one check, keeping the first few and counting the rest."""

    def __init__(self, report: StorageReport, table: str) -> None:
        self.report, self.table, self.extra = report, table, 0
        self.kept = 0

    def add(self, ref: str, problem: str) -> None:
        if self.kept < PROBLEMS_PER_CHECK:
            self.report.problems.append(StorageProblem(self.table, ref, problem))
            self.kept += 1
        else:
            self.extra += 1

    def close(self) -> None:
        if self.extra:
            self.report.problems.append(StorageProblem(self.table, "…", f"and {self.extra} more problems"))


def verify_storage(db: Database) -> StorageReport:
    """Check the ledger chain and every answer-relevant table against what it must be.

    Reads every row once (acts are :meth:`Journal.verify`'s); memory grows with the number of
    entities, names and list entries, not with the number of acts or versions.
    """
    report = StorageReport()
    with db.engine.connect() as conn:
        latest = _verify_ledger(conn, report)
        _verify_entities(conn, report, latest)
        subjects = t.list_subjects
        _verify_rows(
            conn,
            report,
            latest,
            sa.select(subjects).order_by(subjects.c.source, subjects.c.key),
            "list_subjects",
            ledger.subject_item,
            "re-pointed or altered",
        )
        _verify_lists(conn, report, latest)
        _verify_rows(
            conn,
            report,
            latest,
            sa.select(t.screening_exclusions).order_by(t.screening_exclusions.c.id),
            "screening_exclusions",
            ledger.exclusion_item,
            "reason, author, entity or query altered",
        )
        # What is left was recorded but has no row: deleted (or its key columns altered).
        for table in sorted(set(TABLE_OF_KIND.values())):
            orphans = _Problems(report, table)
            for (kind, ref), _ in sorted(latest.items()):
                if TABLE_OF_KIND.get(kind) == table:
                    orphans.add(ref, "recorded in the ledger but missing from the table (deleted?)")
            orphans.close()
        unknown = _Problems(report, "ledger")
        for kind, ref in sorted(k for k in latest if k[0] not in TABLE_OF_KIND):
            unknown.add(f"{kind} {ref}", "a ledger row of a kind no table holds")
        unknown.close()
    return report


def _stream(conn: sa.Connection, query: sa.Select[Any]) -> Iterator[sa.RowMapping]:
    yield from conn.execution_options(stream_results=True, yield_per=10_000).execute(query).mappings()


def _verify_ledger(conn: sa.Connection, report: StorageReport) -> dict[tuple[str, str], str]:
    """Recompute the ledger chain; return the newest digest of each (kind, ref)."""
    problems = _Problems(report, "ledger")
    latest: dict[tuple[str, str], str] = {}
    prev, count = GENESIS_HASH, 0
    for row in _stream(conn, sa.select(t.ledger).order_by(t.ledger.c.seq)):
        count += 1
        item = ledger.LedgerItem(str(row["kind"]), str(row["ref"]), str(row["digest"]))
        seq = int(row["seq"])
        if seq != count:
            problems.add(f"#{seq}", f"sequence gap: expected #{count}")
        elif row["prev_hash"] != prev:
            problems.add(f"#{seq}", "previous-hash link does not match the row before it")
        elif chain_hash(prev, ledger.row_body(seq, item)) != row["hash"]:
            problems.add(f"#{seq}", "content does not match its hash (the row was altered)")
        if problems.kept:
            break  # past the first broken link every later row is suspect
        latest[(item.kind, item.ref)] = item.digest
        prev = str(row["hash"])
    head_seq, head_hash = ledger.head(conn)
    if not problems.kept and (head_seq != count or head_hash != prev):
        problems.add(
            "(head)", f"ledger head says {head_seq} rows ending in {head_hash[:12]}, chain has {count}"
        )
    problems.close()
    report.ledger_rows, report.ledger_head = count, prev
    return latest


def _compare(
    problems: _Problems, stored: Counter[tuple[Any, ...]], derived: Counter[tuple[Any, ...]]
) -> None:
    for row in sorted(stored - derived, key=repr):
        problems.add(repr(row), "stored but not implied by the bodies it is derived from (altered or added)")
    for row in sorted(derived - stored, key=repr):
        problems.add(repr(row), "implied by the bodies but missing (altered or deleted)")
    problems.close()


def _verify_entities(conn: sa.Connection, report: StorageReport, latest: dict[tuple[str, str], str]) -> None:
    problems = _Problems(report, "entities")
    names: Counter[tuple[Any, ...]] = Counter()
    links: Counter[tuple[Any, ...]] = Counter()
    count = 0
    for row in _stream(conn, sa.select(t.entities).order_by(t.entities.c.id)):
        count += 1
        entity_id = str(row["id"])
        item = ledger.entity_item(row)
        recorded = latest.pop((ledger.ENTITY, entity_id), None)
        if recorded is None:
            problems.add(entity_id, "not in the ledger (written behind the library's back)")
        elif recorded != item.digest:
            problems.add(entity_id, "differs from its ledger record (altered in place)")
        try:
            entity = Entity.model_validate_json(row["body"])
        except ValueError:
            problems.add(entity_id, "body is not a valid entity")
            continue
        canonical = canonical_json(entity.model_dump(mode="json", exclude_none=True))
        if (entity.id, entity.kind.value, entity.caption, canonical) != (
            entity_id,
            row["kind"],
            row["caption"],
            row["body"],
        ):
            problems.add(entity_id, "id, kind or caption columns disagree with the body")
        names.update(_name_tuple(r) for r in entity_name_rows(entity))
        links.update(
            tuple(r[c] for c in ("entity_id", "target", "type", "jurisdictions"))
            for r in entity_link_rows(entity)
        )
    problems.close()
    report.rows_checked["entities"] = count
    stored_names = Counter(_name_tuple(r) for r in _stream(conn, sa.select(t.entity_names)))
    stored_links = Counter(
        tuple(r[c] for c in ("entity_id", "target", "type", "jurisdictions"))
        for r in _stream(conn, sa.select(t.entity_links))
    )
    report.rows_checked["entity_names"] = sum(stored_names.values())
    report.rows_checked["entity_links"] = sum(stored_links.values())
    _compare(_Problems(report, "entity_names"), stored_names, names)
    _compare(_Problems(report, "entity_links"), stored_links, links)


def _name_tuple(row: Any) -> tuple[Any, ...]:
    return (row["entity_id"], row["key"], row["value"], row["type"], bool(row["acquired"]))


def _verify_rows(
    conn: sa.Connection,
    report: StorageReport,
    latest: dict[tuple[str, str], str],
    query: sa.Select[Any],
    table: str,
    to_item: Callable[[Mapping[Any, Any]], ledger.LedgerItem],
    altered: str,
) -> None:
    """Each row of ``query`` against its ledger record (``to_item`` gives the record it must match)."""
    problems = _Problems(report, table)
    count = 0
    for row in _stream(conn, query):
        count += 1
        item = to_item(row)
        # Popped, so a second row for the same record (one inserted directly) is "not in the ledger".
        recorded = latest.pop((item.kind, item.ref), None)
        if recorded is None:
            problems.add(item.ref, "not in the ledger (written behind the library's back)")
        elif recorded != item.digest:
            problems.add(item.ref, f"differs from its ledger record ({altered})")
    problems.close()
    report.rows_checked[table] = count


def _verify_lists(conn: sa.Connection, report: StorageReport, latest: dict[tuple[str, str], str]) -> None:
    problems = _Problems(report, "list_versions")
    held: set[tuple[str, str, str]] = set()
    sources: dict[str, str] = {}
    previous: dict[str, str | None] = {}
    count = 0
    for row in _stream(conn, sa.select(t.list_versions).order_by(t.list_versions.c.id)):
        count += 1
        version_id, source = str(row["id"]), str(row["source"])
        try:
            membership = ledger.unpack_membership(row["membership"], version_id)
        except ledger.DamagedMembership as exc:
            latest.pop((ledger.LIST_VERSION, version_id), None)  # reported here, not as deleted
            problems.add(version_id, exc.problem)
            continue
        item = ledger.version_item(row, membership)
        recorded = latest.pop((ledger.LIST_VERSION, version_id), None)
        if recorded is None:
            problems.add(version_id, "not in the ledger (written behind the library's back)")
        elif recorded != item.digest:
            problems.add(version_id, "differs from its ledger record (membership or columns altered)")
        if int(row["entry_count"]) != len(membership):
            problems.add(version_id, f"entry_count {row['entry_count']} but {len(membership)} entries held")
        sources[version_id], previous[version_id] = source, row["previous"]
        held.update((source, key, digest) for key, digest in membership.items())
    for version_id, before in previous.items():
        if before is not None and sources.get(before) != sources[version_id]:
            problems.add(
                version_id, f"previous version {before[:12]} is not a stored version of the same list"
            )
    problems.close()
    report.rows_checked["list_versions"] = count
    _verify_entries(conn, report, held)


def _verify_entries(conn: sa.Connection, report: StorageReport, held: set[tuple[str, str, str]]) -> None:
    problems = _Problems(report, "list_entries")
    stored: set[tuple[str, str, str]] = set()
    count = 0
    for row in _stream(conn, sa.select(t.list_entries)):
        count += 1
        ref = (str(row["source"]), str(row["key"]), str(row["digest"]))
        stored.add(ref)
        body = str(row["body"])
        label = f"{ref[0]} {ref[1]} {ref[2][:12]}"
        if hashlib.sha256(body.encode("utf-8")).hexdigest() != ref[2]:
            problems.add(label, "body does not hash to its digest (altered)")
            continue
        try:
            key = orjson.loads(body).get("key")
        except orjson.JSONDecodeError:
            key = None
        if key != ref[1]:
            problems.add(label, f"key column {ref[1]!r} but the body is entry {key!r}")
        if ref not in held:
            problems.add(label, "held by no stored list version (source, key or digest altered)")
    for source, key, digest in sorted(held - stored):
        problems.add(f"{source} {key} {digest[:12]}", "a stored list version holds it but it is missing")
    problems.close()
    report.rows_checked["list_entries"] = count


def ledger_rows(db: Database, after: int = 0) -> Iterable[tuple[int, str, str, str, str, str]]:
    """Ledger rows (seq, kind, ref, digest, prev_hash, hash) after ``after``, in order (for bundles)."""
    query = (
        sa.select(
            t.ledger.c.seq,
            t.ledger.c.kind,
            t.ledger.c.ref,
            t.ledger.c.digest,
            t.ledger.c.prev_hash,
            t.ledger.c.hash,
        )
        .where(t.ledger.c.seq > after)
        .order_by(t.ledger.c.seq)
    )
    with db.engine.connect() as conn:
        for row in conn.execution_options(stream_results=True, yield_per=10_000).execute(query):
            yield (
                int(row.seq),
                str(row.kind),
                str(row.ref),
                str(row.digest),
                str(row.prev_hash),
                str(row.hash),
            )
