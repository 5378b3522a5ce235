"""Integrity: screening exclusions join the ledger (no schema change).

A reviewed exclusion hides an entity from a query's screening results, so from this revision on
each one written appends a ledger row and ``verify`` checks the table. This fills the ledger with
one row per exclusion already stored, so ``verify`` passes on a database written before; like
0008's, those rows vouch for the exclusions as they are at the upgrade.

Nothing to undo on downgrade: ledger rows are part of a hash chain and stay (a later upgrade
appends the same digests again, which verify accepts: the newest row of each key counts).

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from proscribe import ledger

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    exclusions = sa.table("screening_exclusions", *(sa.column(c) for c in ledger.EXCLUSION_COLUMNS))
    rows = conn.execute(sa.select(exclusions).order_by(exclusions.c.id)).mappings()
    ledger.append(conn, [ledger.exclusion_item(row) for row in rows])


def downgrade() -> None:
    pass
