"""Procedure cases and their steps.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "procedure_cases",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("rule_id", sa.String(200), nullable=False),
        sa.Column("rule_version", sa.String(200), nullable=False),
        sa.Column("entity_id", sa.String(200)),
        sa.Column("jurisdiction", sa.String(2), nullable=False),
        sa.Column("started_on", sa.String(10), nullable=False),
        sa.Column("state", sa.String(100), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
    )
    op.create_table(
        "procedure_steps",
        sa.Column("case_id", sa.String(200), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("step", sa.String(100), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("on_date", sa.String(10), nullable=False),
        sa.Column("recorded_at", sa.String(40), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("case_id", "seq"),
    )


def downgrade() -> None:
    op.drop_table("procedure_steps")
    op.drop_table("procedure_cases")
