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
    sa.Column("acquired", sa.Boolean, nullable=False, server_default=sa.false()),
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

# Items a news watch has already processed (migration 0007): a URL is fetched once, and a page whose
# cleaned text was seen under another URL is not queued twice. ``url_hash`` is the sha256 of the URL
# so the key has a fixed length on every backend.
news_seen = sa.Table(
    "news_seen",
    metadata,
    sa.Column("url_hash", sa.String(64), primary_key=True),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("published", sa.String(10)),
    sa.Column("seen_at", sa.String(40), nullable=False),
    sa.Column("events", sa.Integer, nullable=False),
)
sa.Index("ix_news_seen_content_hash", news_seen.c.content_hash)

# --- official lists (issue "official lists"): versions, entry states, subjects, link review --------

list_versions = sa.Table(
    "list_versions",
    metadata,
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
sa.Index("ix_list_versions_source_date", list_versions.c.source, list_versions.c.data_date)

list_entries = sa.Table(
    "list_entries",
    metadata,
    sa.Column("source", sa.String(40), nullable=False),
    sa.Column("key", sa.String(200), nullable=False),
    sa.Column("digest", sa.String(64), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.PrimaryKeyConstraint("source", "key", "digest"),
)

list_subjects = sa.Table(
    "list_subjects",
    metadata,
    sa.Column("source", sa.String(40), nullable=False),
    sa.Column("key", sa.String(200), nullable=False),
    sa.Column("entity_id", sa.String(200), nullable=False),
    sa.Column("method", sa.String(40), nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.PrimaryKeyConstraint("source", "key"),
)
sa.Index("ix_list_subjects_entity", list_subjects.c.entity_id)

link_candidates = sa.Table(
    "link_candidates",
    metadata,
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

# --- service (issue "service"): API keys, the audit log of writes, watchlists and their alerts ------

api_keys = sa.Table(
    "api_keys",
    metadata,
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("key_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("revoked_at", sa.String(40)),
)

audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("key_name", sa.String(200), nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("action", sa.String(100), nullable=False),
    sa.Column("target", sa.Text, nullable=False),
    sa.Column("detail", sa.Text, nullable=False),
)
sa.Index("ix_audit_log_key", audit_log.c.key_name)

watchlists = sa.Table(
    "watchlists",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("owner", sa.String(200), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("screened_at", sa.String(40)),
    sa.Column("screened_from", sa.Text),
)

watchlist_names = sa.Table(
    "watchlist_names",
    metadata,
    sa.Column("watchlist_id", sa.String(200), nullable=False),
    sa.Column("ref", sa.String(200), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("hits", sa.Text, nullable=False),
    sa.PrimaryKeyConstraint("watchlist_id", "ref"),
)

alerts = sa.Table(
    "alerts",
    metadata,
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
sa.Index("ix_alerts_watchlist", alerts.c.watchlist_id)

# --- screening (issue "screening"): false-positive exclusions and the audit record of each screen ----

screening_exclusions = sa.Table(
    "screening_exclusions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("query_key", sa.String(500), nullable=False),
    sa.Column("entity_id", sa.String(200), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("author", sa.String(200), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
)
sa.Index("ix_screening_exclusions_query", screening_exclusions.c.query_key)

screening_audit = sa.Table(
    "screening_audit",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("screened_at", sa.String(40), nullable=False),
    sa.Column("user_name", sa.String(200), nullable=False),
    sa.Column("query", sa.Text, nullable=False),
    sa.Column("as_of", sa.String(10), nullable=False),
    sa.Column("jurisdictions", sa.Text, nullable=False),
    sa.Column("list_versions", sa.Text, nullable=False),
    sa.Column("results", sa.Text, nullable=False),
)
sa.Index("ix_screening_audit_at", screening_audit.c.screened_at)

# --- integrity (issue 14, migration 0008): the ledger of non-act records and signed checkpoints -------

# Entities, list subjects and list versions are not acts, and entities are updated in place; each
# write of one appends a row here: its kind, its key and the sha256 of the whole stored record. The
# rows are hash-chained like acts, so ``verify`` can tell a record that was written through the
# library from one edited behind its back, and a checkpoint can sign both heads.
ledger = sa.Table(
    "ledger",
    metadata,
    sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("ref", sa.Text, nullable=False),
    sa.Column("digest", sa.String(64), nullable=False),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
)

ledger_head = sa.Table(
    "ledger_head",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("seq", sa.BigInteger, nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
)

# Signed heads: ``payload`` is the canonical JSON that was signed (journal and ledger seq and hash,
# time), ``signature`` its Ed25519 signature and ``public_key`` the key that made it (both base64).
checkpoints = sa.Table(
    "checkpoints",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("journal_seq", sa.BigInteger, nullable=False),
    sa.Column("journal_hash", sa.String(64), nullable=False),
    sa.Column("ledger_seq", sa.BigInteger, nullable=False),
    sa.Column("ledger_hash", sa.String(64), nullable=False),
    sa.Column("signed_at", sa.String(40), nullable=False),
    sa.Column("payload", sa.Text, nullable=False),
    sa.Column("signature", sa.Text, nullable=False),
    sa.Column("public_key", sa.Text, nullable=False),
)

# --- serving (issue 17): per-key rate limits shared by the worker processes of one service --------

rate_limits = sa.Table(
    "rate_limits",
    metadata,
    sa.Column("key", sa.String(300), primary_key=True),
    sa.Column("tat", sa.Float, nullable=False),  # theoretical arrival time, Unix seconds
    sa.Column("allowed", sa.Boolean, nullable=False),  # whether the last request was let through
)

# Web sign-in sessions (migration 0010): the cookie holds a random id, this table its SHA-256.
web_sessions = sa.Table(
    "web_sessions",
    metadata,
    sa.Column("id_hash", sa.String(64), primary_key=True),
    sa.Column("key_name", sa.String(200), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("expires_at", sa.String(40), nullable=False),
    sa.Column("revoked_at", sa.String(40)),  # signed out
)
sa.Index("ix_web_sessions_key", web_sessions.c.key_name)
sa.Index("ix_web_sessions_expires", web_sessions.c.expires_at)
