"""Rate limits shared by every worker process of ``proscribe serve --workers N``: one row per key.

``tat`` is the key's "theoretical arrival time" of the generic cell rate algorithm (a token bucket
kept as one number, see :class:`proscribe.api.limits.SharedRateLimiter`), in Unix seconds.
On PostgreSQL the table is UNLOGGED: counters need no crash safety, and skipping the write-ahead
log keeps the per-request update cheap.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rate_limits",
        sa.Column("key", sa.String(300), primary_key=True),
        sa.Column("tat", sa.Float, nullable=False),
        sa.Column("allowed", sa.Boolean, nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE rate_limits SET UNLOGGED")


def downgrade() -> None:
    op.drop_table("rate_limits")
