"""Service: API keys, the audit log of writes, watchlists and their alerts.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "api_keys",
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("revoked_at", sa.String(40)),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("key_name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("action", sa.String(100), nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_index("ix_audit_log_key", "audit_log", ["key_name"])
    op.create_table(
        "watchlists",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("screened_at", sa.String(40)),
        sa.Column("screened_from", sa.Text),
    )
    op.create_table(
        "watchlist_names",
        sa.Column("watchlist_id", sa.String(200), nullable=False),
        sa.Column("ref", sa.String(200), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("hits", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("watchlist_id", "ref"),
    )
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("watchlist_id", sa.String(200), nullable=False),
        sa.Column("ref", sa.String(200), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("entity_id", sa.String(200), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("trigger", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("acknowledged_by", sa.String(200)),
    )
    op.create_index("ix_alerts_watchlist", "alerts", ["watchlist_id"])


def downgrade() -> None:
    op.drop_index("ix_alerts_watchlist", "alerts")
    op.drop_table("alerts")
    op.drop_table("watchlist_names")
    op.drop_table("watchlists")
    op.drop_index("ix_audit_log_key", "audit_log")
    op.drop_table("audit_log")
    op.drop_table("api_keys")
