"""The tables. Acts are stored once, as canonical JSON, plus a few indexed columns for lookup.

The JSON body is what the hash chain covers and what views read; the
columns beside it exist only to find acts fast, and ``verify`` checks that
they agree with the body.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY

metadata = sa.MetaData()

journal_head = sa.Table(
    "journal_head",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("seq", sa.BigInteger, nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
)

acts = sa.Table(
    "acts",
    metadata,
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

act_entities = sa.Table(
    "act_entities",
    metadata,
    sa.Column("entity_id", sa.String(200), nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
    sa.PrimaryKeyConstraint("entity_id", "seq"),
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("caption", sa.Text, nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("recorded_at", sa.String(40), nullable=False),
)

entity_names = sa.Table(
    "entity_names",
    metadata,
    sa.Column("entity_id", sa.String(200), nullable=False),
    sa.Column("key", sa.Text, nullable=False),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("type", sa.String(20), nullable=False),
    sa.PrimaryKeyConstraint("entity_id", "key"),
)
sa.Index("ix_entity_names_key", entity_names.c.key)

entity_links = sa.Table(
    "entity_links",
    metadata,
    sa.Column("entity_id", sa.String(200), nullable=False),
    sa.Column("target", sa.String(200), nullable=False),
    sa.Column("type", sa.String(20), nullable=False),
    sa.Column("jurisdictions", sa.Text, nullable=False),
)
sa.Index("ix_entity_links_target", entity_links.c.target)
sa.Index("ix_entity_links_entity", entity_links.c.entity_id)


def member_of(column: sa.ColumnElement[str], ids: list[str], dialect: str) -> sa.ColumnElement[bool]:
    """``column IN ids``, as one array parameter on PostgreSQL.

    Thousands of ``IN`` placeholders cost more to build and parse than the
    look-up itself; PostgreSQL takes the whole list as one ``text[]`` value.
    """
    if dialect == "postgresql":
        return column == sa.any_(sa.literal(ids, type_=ARRAY(sa.String)))
    return column.in_(ids)


# --- procedures (issue "procedures"): cases of legal procedures and their steps -------------------

procedure_cases = sa.Table(
    "procedure_cases",
    metadata,
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

procedure_steps = sa.Table(
    "procedure_steps",
    metadata,
    sa.Column("case_id", sa.String(200), nullable=False),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("step", sa.String(100), nullable=False),
    sa.Column("actor", sa.String(200), nullable=False),
    sa.Column("on_date", sa.String(10), nullable=False),
    sa.Column("recorded_at", sa.String(40), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.PrimaryKeyConstraint("case_id", "seq"),
)

# --- news (issue "news monitor"): articles and the candidate events extracted from them -----------

news_articles = sa.Table(
    "news_articles",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(10)),
    sa.Column("language", sa.String(10)),
    sa.Column("recorded_at", sa.String(40), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
)

news_events = sa.Table(
    "news_events",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("article_id", sa.String(64), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("reviewer", sa.String(200)),
    sa.Column("reason", sa.Text),
    sa.Column("act_id", sa.String(200)),
    sa.Column("reviewed_at", sa.String(40)),
)
sa.Index("ix_news_events_article", news_events.c.article_id)
sa.Index("ix_news_events_status", news_events.c.status)
