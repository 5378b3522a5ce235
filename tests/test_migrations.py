"""The alembic migrations build exactly the schema the code declares, on both backends."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from proscribe import Registry
from proscribe.store import Database
from proscribe.store.tables import metadata


def test_migrated_schema_matches_the_declared_tables(db_url: str) -> None:
    Registry(db_url).db.dispose()
    db = Database(db_url)
    with db.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
    db.dispose()
    assert differences == []


def test_migrating_twice_is_a_no_op(db_url: str) -> None:
    db = Database(db_url)
    db.migrate()
    revision = db.current_revision()
    db.migrate()
    assert revision == db.current_revision()
    assert revision is not None
    db.dispose()


def test_the_head_read_from_file_names_is_alembics_head() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from proscribe.store.database import MIGRATIONS, head_revision

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert head_revision() == ScriptDirectory.from_config(config).get_current_head()
