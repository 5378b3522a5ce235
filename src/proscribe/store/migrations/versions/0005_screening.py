"""Screening: false-positive exclusions and the audit record of each screen.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "screening_exclusions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("query_key", sa.String(500), nullable=False),
        sa.Column("entity_id", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_screening_exclusions_query", "screening_exclusions", ["query_key"])
    op.create_table(
        "screening_audit",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("screened_at", sa.String(40), nullable=False),
        sa.Column("user_name", sa.String(200), nullable=False),
        sa.Column("query", sa.Text, nullable=False),
        sa.Column("as_of", sa.String(10), nullable=False),
        sa.Column("jurisdictions", sa.Text, nullable=False),
        sa.Column("list_versions", sa.Text, nullable=False),
        sa.Column("results", sa.Text, nullable=False),
    )
    op.create_index("ix_screening_audit_at", "screening_audit", ["screened_at"])


def downgrade() -> None:
    op.drop_index("ix_screening_audit_at", "screening_audit")
    op.drop_table("screening_audit")
    op.drop_index("ix_screening_exclusions_query", "screening_exclusions")
    op.drop_table("screening_exclusions")
