"""The head row of a hash chain (the act journal, the ledger): read it, locked, for one append."""

from __future__ import annotations

import sqlalchemy as sa

from proscribe.canonical import GENESIS_HASH
from proscribe.errors import IntegrityError
from proscribe.store import tables as t

# The rows each head names the end of (both tables have ``seq`` and ``hash`` columns).
CHAINS: dict[str, sa.Table] = {t.journal_head.name: t.acts, t.ledger_head.name: t.ledger}


def lock_chain_head(conn: sa.Connection, head: sa.Table) -> tuple[int, str]:
    """(seq, hash) of the chain whose head row is in ``head``, created at the genesis hash on first
    use; locked for the rest of the transaction on PostgreSQL (SQLite writers are serial).

    Raises :class:`IntegrityError` when the head does not name the chain's last row (the head row
    deleted or reset, rows added or cut behind the library's back): appending there would either
    collide with a stored row or chain onto a hash that is not the end, so nothing is written.
    """
    query = sa.select(head.c.seq, head.c.hash).where(head.c.id == 1)
    if conn.dialect.name != "sqlite":
        query = query.with_for_update()
    row = conn.execute(query).first()
    if row is None:
        _check_matches_chain(conn, head, 0, GENESIS_HASH, missing=True)
        conn.execute(head.insert().values(id=1, seq=0, hash=GENESIS_HASH))
        if conn.dialect.name != "sqlite":
            row = conn.execute(query).first()
            assert row is not None
            return int(row.seq), str(row.hash)
        return 0, GENESIS_HASH
    seq, digest = int(row.seq), str(row.hash)
    _check_matches_chain(conn, head, seq, digest, missing=False)
    return seq, digest


def _check_matches_chain(
    conn: sa.Connection, head: sa.Table, seq: int, digest: str, *, missing: bool
) -> None:
    """One indexed look-up: the chain's last row must be the one the head names."""
    chain = CHAINS[head.name]
    last = conn.execute(sa.select(chain.c.seq, chain.c.hash).order_by(chain.c.seq.desc()).limit(1)).first()
    last_seq, last_hash = (int(last.seq), str(last.hash)) if last else (0, GENESIS_HASH)
    if (last_seq, last_hash) == (seq, digest):
        return
    said = "is missing" if missing else f"says {seq} rows ending in {digest[:12]}"
    raise IntegrityError(
        f"{head.name} {said} but {chain.name} has {last_seq} rows ending in {last_hash[:12]}: the database "
        "was changed outside proscribe; nothing was written (run `proscribe verify`)"
    )
