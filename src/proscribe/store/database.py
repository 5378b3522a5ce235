"""Opening a database: URL resolution, engine settings, schema migrations."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

import sqlalchemy as sa

DEFAULT_FILE = "proscribe.db"
MIGRATIONS = Path(__file__).parent / "migrations"


def resolve_url(db: str | None = None) -> str:
    """``--db`` wins, then ``$PROSCRIBE_DB``, then ``./proscribe.db``.

    A value without ``://`` is a SQLite file path; ``postgresql://`` URLs
    use the psycopg 3 driver.
    """
    value = db or os.environ.get("PROSCRIBE_DB") or DEFAULT_FILE
    if "://" not in value:
        return f"sqlite:///{value}"
    if value.startswith("postgresql://") or value.startswith("postgres://"):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    return value


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin (see _sqlite_begin).
    dbapi_connection.isolation_level = None  # type: ignore[attr-defined]
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    # WAL lets readers work while one writer appends; NORMAL is durable at each checkpoint.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin(connection: sa.Connection) -> None:
    # Writers take the write lock up front (BEGIN IMMEDIATE) so that two appends
    # never both read the same chain head; readers use a plain deferred BEGIN.
    mode = "IMMEDIATE" if connection.get_execution_options().get("write") else "DEFERRED"
    connection.exec_driver_sql(f"BEGIN {mode}")


def head_revision() -> str:
    """The newest migration's revision, read from the file names ("0007_news_seen.py" -> "0007").

    Alembic itself is imported only to migrate: parsing its scripts on every open costs a tenth of
    a second, which a one-name ``proscribe screen`` should not pay (tests check both agree).
    """
    return max(path.name.split("_", 1)[0] for path in (MIGRATIONS / "versions").glob("[0-9]*_*.py"))


class Database:
    """An engine plus the knowledge of how to bring its schema up to date."""

    def __init__(self, url: str | None = None) -> None:
        self.url = resolve_url(url)
        self._reader: ContextVar[sa.Connection | None] = ContextVar(f"reader-{id(self)}", default=None)
        if self.url.startswith("sqlite"):
            self.engine = sa.create_engine(self.url)
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
            sa.event.listen(self.engine, "begin", _sqlite_begin)
        else:
            # No pre-ping: it costs a round trip on every checkout; connections are recycled instead.
            self.engine = sa.create_engine(self.url, pool_recycle=1800)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def current_revision(self) -> str | None:
        with self.engine.connect() as connection:
            if not sa.inspect(connection).has_table("alembic_version"):
                return None
            revision = connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
            return str(revision) if revision is not None else None

    def is_up_to_date(self) -> bool:
        return self.current_revision() == head_revision()

    def migrate(self) -> None:
        """Create or upgrade the schema to the newest migration (a no-op when current)."""
        if self.is_up_to_date():
            return
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    @contextmanager
    def reading(self) -> Iterator[sa.Connection]:
        """A read connection, shared by nested ``reading()`` blocks in the same context.

        One status query makes several small reads (entity, lineage, acts);
        sharing one connection and one transaction makes them consistent
        with each other and saves a round trip per read.
        """
        active = self._reader.get()
        if active is not None:
            yield active
            return
        with self.engine.connect() as connection:
            if not self.is_sqlite:
                # Reads of an append-only journal need no transaction: skip BEGIN/ROLLBACK round trips.
                connection = connection.execution_options(isolation_level="AUTOCOMMIT")
            token = self._reader.set(connection)
            try:
                yield connection
            finally:
                self._reader.reset(token)

    def writing(self) -> sa.Connection:
        """A connection for a write transaction: ``with db.writing() as c, c.begin(): ...``."""
        return self.engine.connect().execution_options(write=True)

    def dispose(self) -> None:
        self.engine.dispose()
