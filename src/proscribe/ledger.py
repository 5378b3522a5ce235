"""The ledger: a hash chain over the records that are not acts but that answers depend on.

Acts are their own chain (:mod:`proscribe.journal`). Entities (names, links), list subjects (which
entity a list entry is), list versions (which entries a version holds) and screening exclusions
(a reviewed "this query is not that entity", which hides the entity from the query's results) are
stored as rows that the importer, ``record`` and ``screen-exclude`` write, and entities are
updated in place. Each time one is written, a
ledger row records its kind, its key and the sha256 of the whole stored record, chained to the row
before. ``verify`` then checks that every stored record has the digest of its newest ledger row,
and a checkpoint signs the ledger head beside the journal head.

List entries need no ledger row: they are content-addressed (their key in the table is the sha256
of their body), and which of them a version holds is in the version's record.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import orjson
import sqlalchemy as sa

from proscribe.canonical import GENESIS_HASH, canonical_json, chain_hash
from proscribe.errors import IntegrityError
from proscribe.store import tables as t
from proscribe.store.heads import lock_chain_head

ENTITY = "entity"
LIST_SUBJECT = "list_subject"
LIST_VERSION = "list_version"
EXCLUSION = "exclusion"

ENTITY_COLUMNS = ("id", "kind", "caption", "body", "recorded_at")
SUBJECT_COLUMNS = ("source", "key", "entity_id", "method", "score")
EXCLUSION_COLUMNS = ("id", "query_key", "entity_id", "reason", "author", "created_at")
VERSION_COLUMNS = (
    "id",
    "source",
    "jurisdiction",
    "data_date",
    "data_date_basis",
    "imported_at",
    "entry_count",
    "files",
    "previous",
)


@dataclass(frozen=True)
class LedgerItem:
    kind: str
    ref: str
    digest: str


def _digest(data: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(data).encode("utf-8")).hexdigest()


def entity_item(row: Mapping[Any, Any]) -> LedgerItem:
    """The ledger item of an ``entities`` row: every column is covered."""
    return LedgerItem(ENTITY, str(row["id"]), _digest({c: row[c] for c in ENTITY_COLUMNS}))


def subject_ref(source: str, key: str) -> str:
    return f"{source}/{key}"


def subject_item(row: Mapping[Any, Any]) -> LedgerItem:
    """The ledger item of a ``list_subjects`` row (the score as the float the database returns)."""
    data = {c: row[c] for c in SUBJECT_COLUMNS}
    data["score"] = float(data["score"])
    return LedgerItem(LIST_SUBJECT, subject_ref(str(row["source"]), str(row["key"])), _digest(data))


def exclusion_ref(query_key: str, entity_id: str) -> str:
    """The key of a screening exclusion: one decision per (query form, entity), as a JSON pair
    (either part may hold any character)."""
    return orjson.dumps([query_key, entity_id]).decode()


def exclusion_item(row: Mapping[Any, Any]) -> LedgerItem:
    """The ledger item of a ``screening_exclusions`` row: every column is covered."""
    data = {c: row[c] for c in EXCLUSION_COLUMNS}
    data["id"] = int(data["id"])
    return LedgerItem(EXCLUSION, exclusion_ref(str(row["query_key"]), str(row["entity_id"])), _digest(data))


def pack_membership(membership: dict[str, str]) -> bytes:
    """{key: digest} of a version, compressed: a 15,000-entry OFAC version takes ~600 kB."""
    return zlib.compress(orjson.dumps(membership, option=orjson.OPT_SORT_KEYS), 6)


def unpack_membership(blob: bytes, version_id: str = "") -> dict[str, str]:
    """The {key: digest} packed by :func:`pack_membership`.

    A blob that does not unpack to that shape (damaged in the database) raises
    :class:`IntegrityError` naming the version, instead of a zlib or JSON traceback in whatever
    read it (the next import, a diff, verify).
    """
    try:
        packed = zlib.decompress(blob)
    except (zlib.error, TypeError):
        raise DamagedMembership(version_id, "is not zlib-compressed data (truncated or altered)") from None
    try:
        data = orjson.loads(packed)
    except orjson.JSONDecodeError:
        raise DamagedMembership(version_id, "does not unpack to JSON (altered)") from None
    if not isinstance(data, dict) or not all(
        isinstance(key, str) and isinstance(digest, str) for key, digest in data.items()
    ):
        raise DamagedMembership(version_id, "is not a map of entry keys to digests")
    return data


class DamagedMembership(IntegrityError):
    """A version's stored membership that cannot be unpacked; ``problem`` says how."""

    def __init__(self, version_id: str, problem: str) -> None:
        self.problem = f"membership {problem}"
        super().__init__(
            f"list version {version_id[:12] or '?'}: its stored {self.problem}; the database was "
            "changed outside proscribe (run `proscribe verify`)"
        )


def membership_digest(membership: Mapping[str, str]) -> str:
    """sha256 of a version's {key: entry digest}, as sorted JSON (independent of the compression)."""
    return hashlib.sha256(orjson.dumps(dict(membership), option=orjson.OPT_SORT_KEYS)).hexdigest()


def version_item(row: Mapping[Any, Any], membership: Mapping[str, str]) -> LedgerItem:
    """The ledger item of a ``list_versions`` row, its membership taken unpacked."""
    data: dict[str, Any] = {c: row[c] for c in VERSION_COLUMNS}
    data["entry_count"] = int(data["entry_count"])
    data["membership"] = membership_digest(membership)
    return LedgerItem(LIST_VERSION, str(row["id"]), _digest(data))


def row_body(seq: int, item: LedgerItem) -> str:
    """The bytes a ledger row's hash covers (its position included, so rows cannot be reordered)."""
    return canonical_json({"seq": seq, "kind": item.kind, "ref": item.ref, "digest": item.digest})


def lock_head(conn: sa.Connection) -> tuple[int, str]:
    """The ledger head, locked for the rest of the transaction on PostgreSQL (SQLite writers are serial)."""
    return lock_chain_head(conn, t.ledger_head)


def append(conn: sa.Connection, items: Iterable[LedgerItem]) -> int:
    """Chain ``items`` onto the ledger inside the caller's transaction; return how many were added."""
    pending = list(items)
    if not pending:
        return 0
    seq, prev = lock_head(conn)
    rows: list[dict[str, object]] = []
    for item in pending:
        seq += 1
        digest = chain_hash(prev, row_body(seq, item))
        rows.append(
            {
                "seq": seq,
                "kind": item.kind,
                "ref": item.ref,
                "digest": item.digest,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    for start in range(0, len(rows), 5000):
        conn.execute(t.ledger.insert(), rows[start : start + 5000])
    conn.execute(t.ledger_head.update().where(t.ledger_head.c.id == 1).values(seq=seq, hash=prev))
    return len(rows)


def head(conn: sa.Connection) -> tuple[int, str]:
    row = conn.execute(
        sa.select(t.ledger_head.c.seq, t.ledger_head.c.hash).where(t.ledger_head.c.id == 1)
    ).first()
    return (int(row.seq), str(row.hash)) if row else (0, GENESIS_HASH)
