"""The head row of a hash chain (the act journal, the ledger): read it, locked, for one append."""

from __future__ import annotations

import sqlalchemy as sa

from proscribe.canonical import GENESIS_HASH


def lock_chain_head(conn: sa.Connection, head: sa.Table) -> tuple[int, str]:
    """(seq, hash) of the chain whose head row is in ``head``, created at the genesis hash on first
    use; locked for the rest of the transaction on PostgreSQL (SQLite writers are serial)."""
    query = sa.select(head.c.seq, head.c.hash).where(head.c.id == 1)
    if conn.dialect.name != "sqlite":
        query = query.with_for_update()
    row = conn.execute(query).first()
    if row is None:
        conn.execute(head.insert().values(id=1, seq=0, hash=GENESIS_HASH))
        if conn.dialect.name != "sqlite":
            row = conn.execute(query).first()
            assert row is not None
            return int(row.seq), str(row.hash)
        return 0, GENESIS_HASH
    return int(row.seq), str(row.hash)
