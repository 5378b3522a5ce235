"""Official list versions, content-addressed entry states, list subjects and link review.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "list_versions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("jurisdiction", sa.String(2), nullable=False),
        sa.Column("data_date", sa.String(10), nullable=False),
        sa.Column("data_date_basis", sa.Text, nullable=False),
        sa.Column("imported_at", sa.String(40), nullable=False),
        sa.Column("entry_count", sa.Integer, nullable=False),
        sa.Column("files", sa.Text, nullable=False),
        sa.Column("previous", sa.String(64)),
        sa.Column("membership", sa.LargeBinary, nullable=False),
    )
    op.create_index("ix_list_versions_source_date", "list_versions", ["source", "data_date"])
    op.create_table(
        "list_entries",
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("source", "key", "digest"),
    )
    op.create_table(
        "list_subjects",
        sa.Column("source", sa.String(40), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("entity_id", sa.String(200), nullable=False),
        sa.Column("method", sa.String(40), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.PrimaryKeyConstraint("source", "key"),
    )
    op.create_index("ix_list_subjects_entity", "list_subjects", ["entity_id"])
    op.create_table(
        "link_candidates",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("entity_id", sa.String(200), nullable=False),
        sa.Column("candidate_id", sa.String(200), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("decided_by", sa.String(200)),
        sa.Column("decided_at", sa.String(40)),
        sa.UniqueConstraint("entity_id", "candidate_id", name="uq_link_candidates_pair"),
    )


def downgrade() -> None:
    op.drop_table("link_candidates")
    op.drop_index("ix_list_subjects_entity", "list_subjects")
    op.drop_table("list_subjects")
    op.drop_table("list_entries")
    op.drop_index("ix_list_versions_source_date", "list_versions")
    op.drop_table("list_versions")
