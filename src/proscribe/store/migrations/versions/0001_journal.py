"""The journal of acts, its hash-chain head, and entities with their names.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "journal_head",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_table(
        "acts",
        sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("act_id", sa.String(200), nullable=False, unique=True),
        sa.Column("jurisdiction", sa.String(2), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("list_id", sa.String(200)),
        sa.Column("recorded_at", sa.String(40), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_table(
        "act_entities",
        sa.Column("entity_id", sa.String(200), nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("entity_id", "seq"),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("caption", sa.Text, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("recorded_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "entity_names",
        sa.Column("entity_id", sa.String(200), nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("acquired", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.PrimaryKeyConstraint("entity_id", "key"),
    )
    op.create_index("ix_entity_names_key", "entity_names", ["key"])
    op.create_table(
        "entity_links",
        sa.Column("entity_id", sa.String(200), nullable=False),
        sa.Column("target", sa.String(200), nullable=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("jurisdictions", sa.Text, nullable=False),
    )
    op.create_index("ix_entity_links_target", "entity_links", ["target"])
    op.create_index("ix_entity_links_entity", "entity_links", ["entity_id"])


def downgrade() -> None:
    op.drop_index("ix_entity_names_key", "entity_names")
    for table in ("entity_links", "entity_names", "entities", "act_entities", "acts", "journal_head"):
        op.drop_table(table)
