"""False-positive exclusions: a reviewed "this query is not that entity" decision, with reason and author.

An exclusion is keyed by the query's screening form (so "ACME Trading LLC" and "acme trading" share
one decision) and the entity id; later screens of that query leave the entity out. Each decision is
chained in the :mod:`ledger <proscribe.ledger>`, so ``proscribe verify`` covers this table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from proscribe import ledger
from proscribe.errors import InputError
from proscribe.names.normalise import normalise
from proscribe.store import Database
from proscribe.store import tables as t


@dataclass(frozen=True)
class Exclusion:
    query_key: str
    entity_id: str
    reason: str
    author: str
    created_at: str


def query_key(query: str) -> str:
    """The form under which a decision is stored: the normalised tokens, or the folded text."""
    form = normalise(query)
    return form.text or " ".join(query.casefold().split())


class ExclusionStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, query: str, entity_id: str, reason: str, author: str) -> Exclusion:
        if not reason.strip():
            raise InputError("an exclusion needs a reason", "--reason")
        if not author.strip():
            raise InputError("an exclusion needs an author", "--author")
        key = query_key(query)
        if not key:
            raise InputError("empty name", "query")
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.db.writing() as conn, conn.begin():
            conn.execute(
                sa.delete(t.screening_exclusions).where(
                    t.screening_exclusions.c.query_key == key, t.screening_exclusions.c.entity_id == entity_id
                )
            )
            values = {
                "query_key": key,
                "entity_id": entity_id,
                "reason": reason,
                "author": author,
                "created_at": stamp,
            }
            inserted = conn.execute(sa.insert(t.screening_exclusions).values(**values))
            primary_key = inserted.inserted_primary_key
            assert primary_key is not None  # an INSERT of one row always has one
            row_id = int(primary_key[0])
            # The decision changes screening answers, so it is chained like the records answers
            # read (proscribe.ledger): verify finds one edited, deleted or added behind our back.
            ledger.append(conn, [ledger.exclusion_item({"id": row_id, **values})])
        return Exclusion(key, entity_id, reason, author, stamp)

    def excluded(self, query: str) -> set[str]:
        """Entity ids excluded for ``query``."""
        with self.db.reading() as conn:
            rows = conn.execute(
                sa.select(t.screening_exclusions.c.entity_id).where(
                    t.screening_exclusions.c.query_key == query_key(query)
                )
            )
            return {row.entity_id for row in rows}

    def all(self) -> dict[str, set[str]]:
        """Every decision, by query key (for batch screens)."""
        out: dict[str, set[str]] = {}
        with self.db.reading() as conn:
            for row in conn.execute(
                sa.select(t.screening_exclusions.c.query_key, t.screening_exclusions.c.entity_id)
            ):
                out.setdefault(row.query_key, set()).add(row.entity_id)
        return out

    def list(self) -> list[Exclusion]:
        with self.db.reading() as conn:
            rows = conn.execute(sa.select(t.screening_exclusions).order_by(t.screening_exclusions.c.id))
            return [Exclusion(r.query_key, r.entity_id, r.reason, r.author, r.created_at) for r in rows]
