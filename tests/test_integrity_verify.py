"""verify covers every stored value an answer depends on (issue 14).

A registry with the bundled data and a small UN list import is changed one column of one row at a
time, directly in the database; after each change either ``Registry.verify`` fails or the answers
(statuses of a few entities in a few jurisdictions on a few days, screening of a few names) are
exactly what they were. Tables no answer reads are listed below with the reason.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sqlite3
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
import sqlalchemy as sa

from proscribe import Registry
from proscribe.canonical import canonical_json
from proscribe.checkpoint import make_checkpoint
from proscribe.entities import entity_name_rows
from proscribe.errors import ProscribeError
from proscribe.lists.importer import import_list
from proscribe.model import Entity
from proscribe.screening.exclusions import ExclusionStore, query_key
from proscribe.screening.screen import ScreeningIndex, screen
from proscribe.serialize import to_jsonable
from proscribe.sources import un
from proscribe.store import tables as t
from proscribe.store.database import resolve_url
from shared_data import EXCERPTS, need

UN_2026 = "un_sc_consolidated/consolidated_2026-02-27.xml"
# The excerpt whatever is in ../shared: the column sweep verifies ~100 times and needs a small registry.
EXCERPT = EXCERPTS / UN_2026

# Tables whose rows no status or screening answer reads, and why changing them cannot change one.
NOT_ANSWER_RELEVANT = {
    "procedure_cases": "procedure tracking: a completed step emits an act into the journal; statuses read only acts",
    "procedure_steps": "steps of a procedure case, as above",
    "news_articles": "news review queue: an accepted event becomes an act (journal); nothing else is read by answers",
    "news_events": "news review queue, as above",
    "news_seen": "what a news watch already fetched (it decides what is queued again, not what is answered)",
    "link_candidates": "link review queue: an accepted link is written into the entity (covered by the ledger)",
    "api_keys": "access control of the HTTP service: who may ask or write, not what is answered",
    "audit_log": "log of writes through the HTTP service (an after-the-fact record)",
    "watchlists": "per-user watchlists: their alerts are computed from screening answers, not the reverse",
    "watchlist_names": "names on a watchlist and their last hits, as above",
    "alerts": "alerts raised for watchlists, as above",
    "screening_audit": "the record of past screens, written after each answer",
    "rate_limits": "per-key request counters of the HTTP service: whether a request is answered, never what",
    "web_sessions": "web sign-in sessions: who may ask through the browser, not what is answered",
}
# Tables that do change answers but that verify does not cover yet (see docs/security.md).
NOT_COVERED_YET: dict[str, str] = {}
# Columns of covered tables that verify does not check, and why no answer can depend on them.
UNSEEN_BY_VERIFY = {
    "checkpoints": {"id"},  # the row number of a stored checkpoint; its signed payload holds the rest
}
COVERED = sorted(set(t.metadata.tables) - set(NOT_ANSWER_RELEVANT) - set(NOT_COVERED_YET))

PROBES = ["Taliban", "Hamas", "Hayat Tahrir al-Sham", "Jabhat al-Nusra", "Al-Qaida", "QDe.137", "TAi.004"]
JURISDICTIONS = ["RU", "US", "GB", "UN", "KZ"]
DAYS = ["2012-06-01", "2025-06-01", "2026-06-01"]
QUERIES = [
    "Taliban",
    "Al-Nusrah Front for the People of the Levant",
    "Al Qaida",
    "Mohammed Omar",
    "Eric Badege",
]


def test_every_table_is_classified() -> None:
    classified = set(COVERED) | set(NOT_ANSWER_RELEVANT) | set(NOT_COVERED_YET)
    assert classified == set(t.metadata.tables)
    for table in (
        "acts",
        "act_entities",
        "entities",
        "entity_names",
        "entity_links",
        "list_versions",
        "screening_exclusions",
    ):
        assert table in COVERED
    assert {"list_entries", "list_subjects", "journal_head", "ledger", "ledger_head", "checkpoints"} <= set(
        COVERED
    )


def _answers(url: str) -> dict[str, Any]:
    """Statuses and screening results the mutated database gives (errors are answers too)."""
    registry = Registry(url)
    found: dict[str, Any] = {}
    try:
        for name in PROBES:
            for code in JURISDICTIONS:
                for day in DAYS:
                    key = f"{name}|{code}|{day}"
                    try:
                        result = registry.status_as_of(name, code, dt.date.fromisoformat(day))
                        found[key] = to_jsonable(result)
                    except ProscribeError as exc:
                        found[key] = f"error: {exc}"
        try:
            index = ScreeningIndex.from_registry(registry)
            # Reviewed exclusions apply as the screener applies them (by the query's screening form).
            exclusions = ExclusionStore(registry.db).all()
            for query in QUERIES:
                excluded = exclusions.get(query_key(query), set())
                found[f"screen|{query}"] = [
                    to_jsonable(m.to_json())
                    for m in screen(index, query, dt.date.fromisoformat(DAYS[-1]), excluded=excluded)
                ]
        except (ProscribeError, ValueError, KeyError) as exc:
            found["screen"] = f"error: {exc!r}"
    finally:
        registry.db.dispose()
    return found


# Reviewed "this query is not that entity" decisions: (query, entity id). Each hides the only match
# its query has in the test registry, so an exclusion edited or removed changes a screening answer.
EXCLUSIONS = [("Taliban", "taliban"), ("Eric Badege", "un-cdi.001")]


def _build(url: str, list_file: Path = EXCERPT) -> None:
    registry = Registry(url)
    registry.load_bundled()
    import_list(registry, un.parse([list_file]))
    for query, entity_id in EXCLUSIONS:
        ExclusionStore(registry.db).add(query, entity_id, "test: reviewed, not this subject", "tester")
    make_checkpoint(registry.db)
    registry.db.dispose()


@pytest.fixture(scope="module")
def base_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled data, the UN excerpt imported, one checkpoint signed; WAL folded into the file."""
    path = tmp_path_factory.mktemp("integrity") / "base.db"
    _build(str(path))
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture(scope="module")
def baseline(base_file: Path) -> dict[str, Any]:
    return _answers(str(base_file))


def _verify_ok(url: str) -> bool:
    registry = Registry(url)
    try:
        return registry.verify().ok
    finally:
        registry.db.dispose()


def _other_values(conn: sqlite3.Connection, table: str, column: str, current: object) -> list[object]:
    rows = conn.execute(f'SELECT DISTINCT "{column}" FROM "{table}" LIMIT 50').fetchall()
    return [row[0] for row in rows if row[0] != current and row[0] is not None]


def _changed(table: str, column: str, value: object, others: list[object]) -> list[object]:
    """Candidate new values, most realistic first: another row's value, then a small edit."""
    kind = t.metadata.tables[table].c[column].type
    if isinstance(kind, sa.Boolean):
        return [0 if value else 1]
    if isinstance(value, bytes):
        membership = orjson.loads(zlib.decompress(value))
        first = sorted(membership)[0]
        membership.pop(first)
        return [zlib.compress(orjson.dumps(membership, option=orjson.OPT_SORT_KEYS)), value[:-1] + b"\x00"]
    if isinstance(value, bool):
        return [not value]
    if isinstance(value, int):
        return [value + 1, value + 1_000_000]
    if isinstance(value, float):
        return [value + 0.25]
    candidates: list[object] = list(others[:1])
    if value is None:
        return [*candidates, "x"]
    text = str(value)
    if len(text) == 64 and all(c in "0123456789abcdef" for c in text):
        candidates.append(text[:-1] + ("0" if text[-1] != "0" else "1"))
    candidates.append(text + "x")
    return candidates


def _rows_to_mutate(conn: sqlite3.Connection, table: str) -> list[int]:
    """The first row, and the first row that mentions one of the probed entities."""
    rows = conn.execute(f'SELECT rowid, * FROM "{table}" ORDER BY rowid').fetchall()
    chosen = [rows[0][0]] if rows else []
    for needle in ("taliban", "al-nusrah-front", "QDe.137", "hamas"):
        for row in rows:
            if any(needle in str(v) for v in row[1:]) and row[0] not in chosen:
                chosen.append(row[0])
                break
    return chosen[:3]


def _is_rowid(table: str, column: str) -> bool:
    key = list(t.metadata.tables[table].primary_key.columns)
    return len(key) == 1 and key[0].name == column and type(key[0].type) is sa.Integer


@pytest.mark.parametrize("table", COVERED)
def test_changing_any_column_fails_verify_or_changes_no_answer(
    table: str, base_file: Path, baseline: dict[str, Any], tmp_path: Path
) -> None:
    path = tmp_path / "mutated.db"
    shutil.copyfile(base_file, path)
    columns = list(t.metadata.tables[table].c.keys())
    survivors: list[str] = []
    unseen: set[str] = set()
    tried = 0
    with sqlite3.connect(path, isolation_level=None) as conn:
        rowids = _rows_to_mutate(conn, table)
        assert rowids, f"{table} is empty in the test registry: the test would check nothing"
        for rowid in rowids:
            for column in columns:
                (value,) = conn.execute(
                    f'SELECT "{column}" FROM "{table}" WHERE rowid = ?', (rowid,)
                ).fetchone()
                others = _other_values(conn, table, column, value)
                for new in _changed(table, column, value, others):
                    try:
                        conn.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?', (new, rowid))
                    except sqlite3.IntegrityError:
                        continue  # the schema itself refuses this value; try the next one
                    tried += 1
                    # An INTEGER PRIMARY KEY is SQLite's rowid itself: changing it moves the row.
                    moved_to = new if _is_rowid(table, column) else rowid
                    try:
                        if _verify_ok(str(path)):
                            unseen.add(column)
                            if _answers(str(path)) != baseline:
                                survivors.append(
                                    f"{table}.{column} row {rowid}: {value!r:.60} -> {new!r:.60}"
                                )
                    finally:
                        conn.execute(
                            f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?', (value, moved_to)
                        )
                    break
    assert tried >= len(columns), f"only {tried} changes could be made to {table}"
    assert not survivors, "verify passed and answers changed after:\n" + "\n".join(survivors)
    # What verify lets through must be known and harmless, not found by luck of the answers probed.
    assert unseen == UNSEEN_BY_VERIFY.get(table, set())
    assert _verify_ok(str(path)), "restoring every value must give back a database that verifies"


# -- the attacks the issue names, made consistently, on both backends -------------------------------


def _exec(url: str, *statements: tuple[str, dict[str, Any]]) -> None:
    engine = sa.create_engine(resolve_url(url))
    with engine.begin() as conn:
        for sql, params in statements:
            conn.execute(sa.text(sql), params)
    engine.dispose()


def _scalar(url: str, sql: str, params: dict[str, Any]) -> Any:
    engine = sa.create_engine(resolve_url(url))
    with engine.connect() as conn:
        value = conn.execute(sa.text(sql), params).scalar_one()
    engine.dispose()
    return value


def _repoint_taliban_name(url: str) -> None:
    """ "Taliban" now answers with Hamas's statuses."""
    _exec(url, ("UPDATE entity_names SET entity_id = 'hamas' WHERE key = 'taliban'", {}))


def _repoint_act(url: str) -> None:
    """A Russian Taliban act now indexed under Hamas."""
    seq = _scalar(url, "SELECT min(seq) FROM act_entities WHERE entity_id = 'taliban'", {})
    _exec(
        url,
        ("UPDATE act_entities SET entity_id = 'hamas' WHERE entity_id = 'taliban' AND seq = :s", {"s": seq}),
    )


def _drop_link(url: str) -> None:
    """HTS no longer successor of al-Nusrah: its older listings stop reaching it."""
    _exec(url, ("DELETE FROM entity_links WHERE entity_id = 'al-nusrah-front'", {}))


def _rewrite_entity_consistently(url: str) -> None:
    """Taliban's body, caption and name rows all say "Harakat", the rows derived as the library
    derives them: only the ledger knows better."""
    body = _scalar(url, "SELECT body FROM entities WHERE id = 'taliban'", {})
    data = orjson.loads(body)
    data["names"] = [{"value": "Harakat", "type": "primary"}]
    entity = Entity.model_validate(data)
    statements: list[tuple[str, dict[str, Any]]] = [
        (
            "UPDATE entities SET body = :b, caption = :c WHERE id = 'taliban'",
            {"b": canonical_json(entity.model_dump(mode="json", exclude_none=True)), "c": entity.caption},
        ),
        ("DELETE FROM entity_names WHERE entity_id = 'taliban'", {}),
    ]
    statements += [
        (
            "INSERT INTO entity_names (entity_id, key, value, type, acquired) "
            "VALUES (:entity_id, :key, :value, :type, :acquired)",
            row,
        )
        for row in entity_name_rows(entity)
    ]
    _exec(url, *statements)


def _repoint_subject(url: str) -> None:
    """The UN entry QDe.137 now said to be Hamas (the next import would link it there)."""
    _exec(url, ("UPDATE list_subjects SET entity_id = 'hamas' WHERE source = 'un' AND key = 'QDe.137'", {}))


def _rehash_entry(url: str) -> None:
    """A UN entry's names changed and its digest recomputed to match."""
    row = _scalar(url, "SELECT body FROM list_entries WHERE key = 'QDe.137'", {})
    data = orjson.loads(row)
    data["names"] = [["HARAKAT", "primary", None]]
    body = orjson.dumps(data, option=orjson.OPT_SORT_KEYS).decode()
    digest = hashlib.sha256(body.encode()).hexdigest()
    _exec(
        url,
        ("UPDATE list_entries SET body = :b, digest = :d WHERE key = 'QDe.137'", {"b": body, "d": digest}),
    )


def _shrink_version(url: str) -> None:
    """A version's membership without one entry, its entry count adjusted."""
    engine = sa.create_engine(resolve_url(url))
    with engine.begin() as conn:
        row = conn.execute(sa.select(t.list_versions.c.id, t.list_versions.c.membership)).first()
        assert row is not None
        membership = orjson.loads(zlib.decompress(row.membership))
        membership.pop("QDe.137")
        blob = zlib.compress(orjson.dumps(membership, option=orjson.OPT_SORT_KEYS))
        conn.execute(
            t.list_versions.update()
            .where(t.list_versions.c.id == row.id)
            .values(membership=blob, entry_count=len(membership))
        )
        conn.execute(t.list_entries.delete().where(t.list_entries.c.key == "QDe.137"))
    engine.dispose()


def _delete_exclusion(url: str) -> None:
    """The reviewed "Taliban is not taliban" decision removed: the entity is back in that screen."""
    _exec(url, ("DELETE FROM screening_exclusions WHERE entity_id = 'taliban'", {}))


def _insert_exclusion(url: str) -> None:
    """A decision nobody reviewed through the library: Al-Qaida hidden from "Al Qaida"."""
    _exec(
        url,
        (
            "INSERT INTO screening_exclusions (query_key, entity_id, reason, author, created_at) "
            "VALUES (:q, 'al-qaida', 'reviewed', 'tester', '2026-01-01T00:00:00+00:00')",
            {"q": query_key("Al Qaida")},
        ),
    )


def _repoint_exclusion(url: str) -> None:
    """The decision about "Eric Badege" now hides Al-Qaida from "Al Qaida" instead."""
    _exec(
        url,
        (
            "UPDATE screening_exclusions SET query_key = :q, entity_id = 'al-qaida' "
            "WHERE entity_id = 'un-cdi.001'",
            {"q": query_key("Al Qaida")},
        ),
    )


# Each attack, and where verify must find it: the tables its storage check names, or "journal" for
# the act chain's own pass. Before issue 14 the act chain's pass saw none of them.
ATTACKS: dict[str, tuple[Callable[[str], None], set[str]]] = {
    "entity_names re-pointed": (_repoint_taliban_name, {"entity_names"}),
    # The act index is checked in the journal's own pass over the acts.
    "act_entities re-pointed": (_repoint_act, {"journal"}),
    "entity_links deleted": (_drop_link, {"entity_links"}),
    "entity rewritten with its names": (_rewrite_entity_consistently, {"entities"}),
    "list_subjects re-pointed": (_repoint_subject, {"list_subjects"}),
    "list entry rewritten and re-hashed": (_rehash_entry, {"list_entries"}),
    "version membership shrunk": (_shrink_version, {"list_versions"}),
    "screening exclusion deleted": (_delete_exclusion, {"screening_exclusions"}),
    "screening exclusion inserted": (_insert_exclusion, {"screening_exclusions"}),
    "screening exclusion re-pointed": (_repoint_exclusion, {"screening_exclusions"}),
}


@pytest.fixture
def built(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    # A PostgreSQL database has no folder of its own for the checkpoint key.
    monkeypatch.setenv("PROSCRIBE_KEY_DIR", str(tmp_path / "keys"))
    _build(db_url)
    return db_url


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_named_attacks_fail_verify(attack: str, built: str) -> None:
    change, tables = ATTACKS[attack]
    change(built)
    registry = Registry(built)
    try:
        chain = registry.journal.verify()
        result = registry.verify()
        assert not result.ok
        assert result.to_json()["ok"] is False
        assert result.storage is not None
        found = {p.table for p in result.storage.problems} | (set() if chain.ok else {"journal"})
        assert found == tables, (chain.broken, result.storage.problems)
    finally:
        registry.db.dispose()


def test_a_re_pointed_name_changes_the_answer_so_the_check_matters(built: str) -> None:
    before = Registry(built)
    listed = before.status_as_of("Taliban", "RU", dt.date.fromisoformat("2020-01-01"))
    before.db.dispose()
    _repoint_taliban_name(built)
    after = Registry(built)
    moved = after.status_as_of("Taliban", "RU", dt.date.fromisoformat("2020-01-01"))
    after.db.dispose()
    assert (listed.entity, moved.entity) == ("taliban", "hamas")


@pytest.mark.parametrize("attack", ["screening exclusion deleted", "screening exclusion inserted"])
def test_a_changed_exclusion_changes_a_screening_answer_so_the_check_matters(
    attack: str, base_file: Path, baseline: dict[str, Any], tmp_path: Path
) -> None:
    path = tmp_path / "changed.db"
    shutil.copyfile(base_file, path)
    ATTACKS[attack][0](str(path))
    changed = {key for key, value in _answers(str(path)).items() if baseline.get(key) != value}
    assert changed == {"screen|Al Qaida" if "inserted" in attack else "screen|Taliban"}


@pytest.fixture(scope="module")
def full_un(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    full = need(UN_2026)  # skips without ../shared/data; the excerpt tests above make the same checks
    path = tmp_path_factory.mktemp("integrity-full") / "full.db"
    _build(str(path), full)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    yield str(path)


def test_the_full_un_list_verifies_and_its_tampering_is_found(full_un: str, tmp_path: Path) -> None:
    assert _verify_ok(full_un)
    for attack, _ in ATTACKS.values():
        copy = tmp_path / f"{attack.__name__}.db"
        shutil.copyfile(full_un, copy)
        attack(str(copy))
        assert not _verify_ok(str(copy)), attack.__doc__


def test_upgrading_a_database_written_before_the_ledger_backfills_it(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    from proscribe.store import Database
    from proscribe.store.database import MIGRATIONS

    path = tmp_path / "old.db"
    _build(str(path))
    db = Database(str(path))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0007")
    assert db.current_revision() == "0007"
    with db.engine.connect() as conn:
        records = sum(
            conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in ("entities", "list_subjects", "list_versions", "screening_exclusions")
        )
    db.dispose()
    registry = Registry(str(path))
    try:
        result = registry.verify()
        assert result.ok, result.storage.problems if result.storage else result.chain.broken
        assert result.storage is not None and result.storage.ledger_rows == records > 0
    finally:
        registry.db.dispose()
