"""Integrity: the ledger of non-act records (entities, list subjects, list versions) and signed checkpoints.

The ledger is filled here with one row per record already stored, so ``verify`` passes on a database
written before this migration. Those rows vouch for the records as they are now: an edit made
before the upgrade cannot be told apart from a write through the library.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from proscribe import ledger

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ledger",
        sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("ref", sa.Text, nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_table(
        "ledger_head",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_table(
        "checkpoints",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("journal_seq", sa.BigInteger, nullable=False),
        sa.Column("journal_hash", sa.String(64), nullable=False),
        sa.Column("ledger_seq", sa.BigInteger, nullable=False),
        sa.Column("ledger_hash", sa.String(64), nullable=False),
        sa.Column("signed_at", sa.String(40), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("signature", sa.Text, nullable=False),
        sa.Column("public_key", sa.Text, nullable=False),
    )
    _backfill(op.get_bind())


def _backfill(conn: sa.Connection) -> None:
    entities = sa.table("entities", *(sa.column(c) for c in ledger.ENTITY_COLUMNS))
    subjects = sa.table("list_subjects", *(sa.column(c) for c in ledger.SUBJECT_COLUMNS))
    versions = sa.table("list_versions", *(sa.column(c) for c in (*ledger.VERSION_COLUMNS, "membership")))
    items: list[ledger.LedgerItem] = []
    for row in conn.execute(sa.select(entities).order_by(entities.c.id)).mappings():
        items.append(ledger.entity_item(row))
    for row in conn.execute(sa.select(subjects).order_by(subjects.c.source, subjects.c.key)).mappings():
        items.append(ledger.subject_item(row))
    order = (versions.c.source, versions.c.data_date, versions.c.imported_at)
    for row in conn.execute(sa.select(versions).order_by(*order)).mappings():
        items.append(ledger.version_item(row, ledger.unpack_membership(row["membership"])))
    ledger.append(conn, items)


def downgrade() -> None:
    op.drop_table("checkpoints")
    op.drop_table("ledger_head")
    op.drop_table("ledger")
