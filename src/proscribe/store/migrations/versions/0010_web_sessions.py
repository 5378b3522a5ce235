"""Web sign-in sessions: the browser's cookie holds a random session id, never the API key.

Only the SHA-256 of the id is stored (a copy of the table gives no usable cookie). A session names
its key; it ends when it expires, when its holder signs out (``revoked_at``), or when the key is
revoked (checked on every request by joining ``api_keys``).

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "web_sessions",
        sa.Column("id_hash", sa.String(64), primary_key=True),
        sa.Column("key_name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("expires_at", sa.String(40), nullable=False),
        sa.Column("revoked_at", sa.String(40)),
    )
    op.create_index("ix_web_sessions_key", "web_sessions", ["key_name"])
    op.create_index("ix_web_sessions_expires", "web_sessions", ["expires_at"])


def downgrade() -> None:
    op.drop_table("web_sessions")
