"""News watch: the feed items already seen, by URL and by content hash, so a watch run fetches each once.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "news_seen",
        sa.Column("url_hash", sa.String(64), primary_key=True),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("published", sa.String(10)),
        sa.Column("seen_at", sa.String(40), nullable=False),
        sa.Column("events", sa.Integer, nullable=False),
    )
    op.create_index("ix_news_seen_content_hash", "news_seen", ["content_hash"])


def downgrade() -> None:
    op.drop_index("ix_news_seen_content_hash", "news_seen")
    op.drop_table("news_seen")
