"""News articles and the candidate events extracted from them, with their review status.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "news_articles",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("language", sa.String(10)),
        sa.Column("recorded_at", sa.String(40), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_table(
        "news_events",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("reviewer", sa.String(200)),
        sa.Column("reason", sa.Text),
        sa.Column("act_id", sa.String(200)),
        sa.Column("reviewed_at", sa.String(40)),
    )
    op.create_index("ix_news_events_article", "news_events", ["article_id"])
    op.create_index("ix_news_events_status", "news_events", ["status"])


def downgrade() -> None:
    op.drop_index("ix_news_events_status", "news_events")
    op.drop_index("ix_news_events_article", "news_events")
    op.drop_table("news_events")
    op.drop_table("news_articles")
