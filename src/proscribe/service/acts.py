"""A page of the journal in append order, read with one indexed query (not a scan of every act)."""

from __future__ import annotations

import sqlalchemy as sa

from proscribe.canonical import parse_body
from proscribe.model import RecordedAct
from proscribe.registry import Registry
from proscribe.store import tables as t


def acts_page(registry: Registry, after: int, limit: int) -> list[RecordedAct]:
    query = (
        sa.select(t.acts.c.seq, t.acts.c.body, t.acts.c.prev_hash, t.acts.c.hash)
        .where(t.acts.c.seq > after)
        .order_by(t.acts.c.seq)
        .limit(limit)
    )
    with registry.db.reading() as conn:
        return [
            RecordedAct(seq=row.seq, act=parse_body(row.body), prev_hash=row.prev_hash, hash=row.hash)
            for row in conn.execute(query)
        ]
