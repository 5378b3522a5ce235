"""Alembic environment: runs migrations on the connection proscribe hands it."""

from __future__ import annotations

from alembic import context

from proscribe.store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - proscribe always passes its connection
    raise RuntimeError("run migrations through proscribe.store.Database.migrate()")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
