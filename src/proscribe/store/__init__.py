"""Storage: SQLAlchemy Core tables, migrations, and the database connection.

SQLite by default (a single file), PostgreSQL by URL. Nothing outside this
package and :mod:`proscribe.journal` touches tables directly.
"""

from proscribe.store.database import Database, resolve_url

__all__ = ["Database", "resolve_url"]
