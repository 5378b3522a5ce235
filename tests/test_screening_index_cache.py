"""The persisted screening index (:mod:`proscribe.screening.persisted`): a loaded index screens
exactly as a freshly built one, and a file that is stale, damaged, another database's or cannot be
written is never used (the index is rebuilt, or kept in memory, without an error)."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import pickle
import shutil
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from factories import act
from proscribe import Registry
from proscribe.lists.importer import import_list
from proscribe.model import Entity, Name
from proscribe.names import flat
from proscribe.names.index import MATERIALISE_AFTER, NameIndex
from proscribe.names.normalise import normalise
from proscribe.screening import ScreeningIndex, screen
from proscribe.screening.persisted import MAGIC, SUFFIX, index_path, read_index
from proscribe.screening.screener import Screener, index_key
from proscribe.sources import un
from proscribe.store.database import Database
from proscribe.store.tempserver import TemporaryPostgres
from shared_data import pick

UN_FILE = pick("un_sc_consolidated/consolidated_2026-02-27.xml")  # the full list, else its excerpt
UN_2026 = UN_FILE.path
DAYS = [dt.date(2012, 1, 1), dt.date(2025, 3, 1), dt.date(2026, 3, 1)]
# Cross-script and misspelt forms of listed names, and names nobody lists.
VARIANTS = [
    "Hayat Tahrir al-Sham",
    "هيئة تحرير الشام",
    "Хайят Тахрир аш-Шам",
    "Talibaan",
    "Движение Талибан",
    "جبهة النصرة",
    "Al Qaeda in the Arabian Peninsula",
    "ISIL",
    "Hizballah",
    "Acme Corporation",
    "Ivan Petrov",
]
NEWCOMER = Entity.model_validate(
    {"id": "zz-vexillum-brigade", "names": [{"value": "Vexillum Quarzite Brigade", "type": "primary"}]}
)


def _results(index: ScreeningIndex, queries: list[str]) -> list[list[dict[str, Any]]]:
    return [[m.to_json() for m in screen(index, query, day)] for query in queries for day in DAYS]


def _queries(index: ScreeningIndex, every: int) -> list[str]:
    """Every ``every``-th indexed name (exact matches) plus the variants."""
    return [name.value for name in index.names.names[::every]] + VARIANTS


def _saved(registry: Registry) -> Path:
    """The index of ``registry`` built and persisted through the Screener; its file."""
    Screener(registry).index()
    path = index_path(registry.db)
    assert path is not None and path.is_file()
    return path


def _loaded(registry: Registry) -> ScreeningIndex:
    path = index_path(registry.db)
    assert path is not None
    loaded = read_index(path, index_key(registry))
    assert loaded is not None, "the persisted index was not used"
    return loaded


def _assert_same(built: ScreeningIndex, loaded: ScreeningIndex, queries: list[str]) -> None:
    assert list(loaded.entities) == list(built.entities)
    assert {e: list(a) for e, a in loaded.acts_by_entity.items()} == {
        e: list(a) for e, a in built.acts_by_entity.items()
    }
    assert loaded.list_versions == built.list_versions
    assert [(n.owner, n.value, n.form) for n in loaded.names.names] == [
        (n.owner, n.value, n.form) for n in built.names.names
    ]
    found = _results(loaded, queries)
    assert found == _results(built, queries)
    assert sum(map(bool, found)) > len(queries)  # most queries match on some day: a real comparison


@pytest.fixture
def bundled(tmp_path: Path) -> Iterator[Registry]:
    registry = Registry(str(tmp_path / "bundled.db"))
    registry.load_bundled()
    yield registry
    registry.db.dispose()


@pytest.fixture(scope="module")
def with_un(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    registry = Registry(str(tmp_path_factory.mktemp("un") / "un.db"))
    registry.load_bundled()
    import_list(registry, un.parse([UN_2026]))
    yield registry
    registry.db.dispose()


def test_loaded_index_screens_as_the_built_one_on_the_bundled_registry(bundled: Registry) -> None:
    path = _saved(bundled)
    assert path == Path(str(bundled.db.engine.url.database) + SUFFIX)
    built = ScreeningIndex.from_registry(bundled)
    loaded = _loaded(bundled)
    _assert_same(built, loaded, _queries(built, 1))
    shipped = pickle.loads(pickle.dumps(loaded, protocol=5))  # as Spark ships a loaded index
    _assert_same(built, shipped, _queries(built, 1))


def test_loaded_index_screens_as_the_built_one_on_the_un_list(with_un: Registry) -> None:
    _saved(with_un)
    built = ScreeningIndex.from_registry(with_un)
    assert len(built.entities) > (1000 if UN_FILE.full else 60)  # 1,003 entries, or the excerpt's 47
    _assert_same(built, _loaded(with_un), _queries(built, 7))


def test_the_screener_uses_the_persisted_index(bundled: Registry) -> None:
    path = _saved(bundled)
    written = path.stat().st_mtime_ns
    screener = Screener(bundled)  # as a fresh process would: nothing in memory
    [row] = screener.screen_names(["Hayat Tahrir al-Sham"], dt.date(2026, 3, 1), None, 10)
    assert row.matches and row.matches[0].caption
    assert path.stat().st_mtime_ns == written  # loaded, not rebuilt
    assert screener.index() is screener.index()  # then kept in memory while the key holds


def test_record_makes_the_index_stale_and_the_new_entity_is_found(bundled: Registry) -> None:
    path = _saved(bundled)
    old_key = index_key(bundled)
    assert not screen(_loaded(bundled), NEWCOMER.names[0].value, dt.date(2026, 3, 1))
    bundled.record(
        [NEWCOMER],
        [act("ru-zz-vexillum-designated", "designated", entity=NEWCOMER.id, effective="2026-01-15")],
    )
    assert read_index(path, index_key(bundled)) is None  # stale: its key is the old one
    assert read_index(path, old_key) is not None
    matches = screen(Screener(bundled).index(), "Vexillum Quarzite Brigade", dt.date(2026, 3, 1))
    assert [m.entity_id for m in matches] == [NEWCOMER.id]
    assert screen(_loaded(bundled), "Vexillum Quarzite Brigade", dt.date(2026, 3, 1))  # rewritten


def test_an_entity_edited_without_an_act_makes_the_index_stale(bundled: Registry) -> None:
    path = _saved(bundled)
    taliban = bundled.entities.get("taliban")
    assert taliban is not None
    alias = Name.model_validate({"value": "Vexillum Quarzite Brigade", "type": "aka"})
    renamed = taliban.model_copy(update={"names": [*taliban.names, alias]})
    bundled.record([renamed])
    assert read_index(path, index_key(bundled)) is None
    matches = screen(Screener(bundled).index(), "Vexillum Quarzite Brigade", dt.date(2026, 3, 1))
    assert [m.entity_id for m in matches] == ["taliban"]


def test_import_makes_the_index_stale_and_the_new_entities_are_found(bundled: Registry) -> None:
    path = _saved(bundled)
    before = ScreeningIndex.from_registry(bundled)
    import_list(bundled, un.parse([UN_2026]))
    assert read_index(path, index_key(bundled)) is None
    index = Screener(bundled).index()
    known = {entity.id for entity in before.entities}
    newcomers = [entity for entity in index.entities if entity.id not in known]
    assert len(newcomers) > (500 if UN_FILE.full else 30)
    for entity in newcomers[::100]:
        assert not any(m.entity_id == entity.id for m in screen(before, entity.caption, dt.date(2026, 3, 1)))
        assert any(m.entity_id == entity.id for m in screen(index, entity.caption, dt.date(2026, 3, 1)))
    assert _loaded(bundled).list_versions == index.list_versions  # rewritten under the new key


def _moved_part(data: bytes) -> bytes:
    """``data`` with one part's offset in the header moved by 8 bytes (a damaged layout: the
    payload and its CRC are intact)."""
    start = len(MAGIC) + 8
    (length,) = struct.unpack(">Q", data[len(MAGIC) : start])
    header = json.loads(data[start : start + length])
    header["parts"]["names.norm"][0] += 8
    text = json.dumps(header, sort_keys=True).encode("utf-8")
    text += b" " * (length - len(text))
    assert len(text) == length
    return bytes(data[:start] + text + data[start + length :])


DAMAGES = ["truncated", "flipped byte", "flipped byte mid-file", "zeroed page", "moved part", "empty"]


@pytest.mark.parametrize("damage", [*DAMAGES, "not ours"])
def test_a_damaged_file_is_rebuilt_not_trusted(
    bundled: Registry, damage: str, caplog: pytest.LogCaptureFixture
) -> None:
    path = _saved(bundled)
    data = path.read_bytes()
    middle = len(data) // 2
    if damage == "truncated":
        path.write_bytes(data[:middle])
    elif damage == "flipped byte":
        path.write_bytes(data[:-1000] + bytes([data[-1000] ^ 0x01]) + data[-999:])
    elif damage == "flipped byte mid-file":
        path.write_bytes(data[:middle] + bytes([data[middle] ^ 0x80]) + data[middle + 1 :])
    elif damage == "zeroed page":
        path.write_bytes(data[:middle] + bytes(4096) + data[middle + 4096 :])
    elif damage == "moved part":
        path.write_bytes(_moved_part(data))
    elif damage == "empty":
        path.write_bytes(b"")
    else:  # a file others may write could have been replaced by anyone: not read
        path.chmod(0o666)
    with caplog.at_level(logging.WARNING, logger="proscribe.screening.persisted"):
        assert read_index(path, index_key(bundled)) is None
    if damage not in ("empty", "not ours"):  # (an empty file is not mapped: no warning)
        assert "screening index" in caplog.text, "damage not reported"
    index = Screener(bundled).index()
    assert screen(index, "Hayat Tahrir al-Sham", dt.date(2026, 3, 1))
    assert path.read_bytes() == data  # rebuilt and rewritten: the same bytes as before
    assert read_index(path, index_key(bundled)) is not None


def test_a_file_of_another_database_is_not_used(bundled: Registry, tmp_path: Path) -> None:
    other = Registry(str(tmp_path / "other.db"))
    other.load_bundled()
    other.record(
        [NEWCOMER],
        [act("ru-zz-vexillum-designated", "designated", entity=NEWCOMER.id, effective="2026-01-15")],
    )
    mine, theirs = _saved(bundled), index_path(other.db)
    assert theirs is not None
    shutil.copyfile(mine, theirs)
    os.chmod(theirs, 0o600)
    assert read_index(theirs, index_key(other)) is None
    matches = screen(Screener(other).index(), "Vexillum Quarzite Brigade", dt.date(2026, 3, 1))
    assert [m.entity_id for m in matches] == [NEWCOMER.id]


def test_no_file_where_it_cannot_be_written_and_no_error(bundled: Registry) -> None:
    path = index_path(bundled.db)
    assert path is not None
    path.mkdir()  # something that is not a file holds its place: it cannot be read nor replaced
    index = Screener(bundled).index()
    assert path.is_dir() and not list(path.parent.glob("*.tmp"))
    built = ScreeningIndex.from_registry(bundled)
    assert _results(index, VARIANTS) == _results(built, VARIANTS)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders: see the test above")
def test_no_file_in_a_read_only_folder_and_no_error(tmp_path: Path) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    registry = Registry(str(folder / "registry.db"))
    registry.load_bundled()
    folder.chmod(0o555)
    try:
        index = Screener(registry).index()
        assert screen(index, "Hayat Tahrir al-Sham", dt.date(2026, 3, 1))
        assert not [p for p in folder.iterdir() if p.name.endswith((SUFFIX, ".tmp"))]
    finally:
        folder.chmod(0o755)
        registry.db.dispose()


def test_where_the_index_lives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROSCRIBE_CACHE", str(tmp_path / "cache"))
    assert index_path(Database(str(tmp_path / "x.db"))) == tmp_path / ("x.db" + SUFFIX)
    assert index_path(Database("sqlite://")) is None  # in memory: nothing to keep it beside
    first = index_path(Database("postgresql://proscribe:s3cret@db.example/registry"))
    second = index_path(Database("postgresql://proscribe:s3cret@db.example/other"))
    assert first is not None and second is not None and first != second
    assert first.parent == tmp_path / "cache" and "s3cret" not in str(first)


def test_on_postgresql_the_index_lives_in_the_cache_folder(
    postgres_server: TemporaryPostgres, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROSCRIBE_CACHE", str(tmp_path / "cache"))
    registry = Registry(postgres_server.create_database())
    try:
        registry.load_bundled()
        path = _saved(registry)
        assert path.parent == tmp_path / "cache"
        built = ScreeningIndex.from_registry(registry)
        _assert_same(built, _loaded(registry), _queries(built, 1))
    finally:
        registry.db.dispose()


def test_a_fresh_cli_process_prints_the_same_with_the_persisted_index(bundled: Registry) -> None:
    db = str(bundled.db.engine.url.database)
    command = [sys.executable, "-m", "proscribe", "screen", "هيئة تحرير الشام", "--db", db]
    command += ["--as-of", "2026-03-01", "--json"]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}

    def run() -> Any:
        return json.loads(subprocess.run(command, capture_output=True, check=True, env=env, text=True).stdout)

    path = index_path(bundled.db)
    assert path is not None and not path.exists()
    first = run()  # builds and saves it
    written = path.stat().st_mtime_ns
    assert run() == first and first["matches"]
    assert path.stat().st_mtime_ns == written


@pytest.mark.parametrize("source", ["bundled", "with_un"])
def test_an_unpickled_name_index_gives_the_same_candidates_and_hits(
    source: str, request: pytest.FixtureRequest
) -> None:
    registry: Registry = request.getfixturevalue(source)
    built = ScreeningIndex.from_registry(registry).names
    loaded = pickle.loads(pickle.dumps(built, protocol=5))
    again = pickle.loads(pickle.dumps(loaded, protocol=5))  # a loaded index pickles again (Spark)
    queries = [name.value for name in built.names[::3]] + VARIANTS
    for query in queries:
        form = normalise(query)
        expected = built.candidates(form)
        assert loaded.candidates(form) == expected and again.candidates(form) == expected, query
        seen = [
            (h.name.owner, h.name.value, h.scored.score, h.scored.explain(h.query_form, h.name.form))
            for h in built.search(query)
        ]
        assert [
            (h.name.owner, h.name.value, h.scored.score, h.scored.explain(h.query_form, h.name.form))
            for h in loaded.search(query)
        ] == seen, query
    assert list(loaded.postings.items()) == list(built.postings.items())


@pytest.mark.parametrize("source", ["bundled", "with_un"])
def test_an_index_read_in_place_gives_the_same_candidates_and_hits_before_and_after_materialising(
    source: str, request: pytest.FixtureRequest
) -> None:
    """A loaded index reads its columns in place until it has served MATERIALISE_AFTER searches
    (or a batch asks), then as lists: the same candidates and scores either way."""
    registry: Registry = request.getfixturevalue(source)
    _saved(registry)
    built = ScreeningIndex.from_registry(registry).names
    loaded = _loaded(registry).names
    queries = [name.value for name in built.names[:: 1 if source == "bundled" else 5]] + VARIANTS
    assert len(queries) > MATERIALISE_AFTER  # the loaded index materialises itself midway
    assert isinstance(loaded._facts.joined, flat.Strings)

    def found(index: NameIndex, query: str) -> list[tuple[int, str, float, str]]:
        return [
            (h.name.owner, h.name.value, h.scored.score, h.scored.explain(h.query_form, h.name.form))
            for h in index.search(query, min_score=0.5)
        ]

    for query in queries:
        form = normalise(query)
        assert loaded.candidates(form) == built.candidates(form), query
        assert found(loaded, query) == found(built, query), query
    assert isinstance(loaded._facts.joined, list)  # materialised by the searches
    assert loaded._facts.joined == list(built._facts.joined)
    assert loaded._name_weights == list(built._name_weights)
    assert list(loaded.postings.items()) == list(built.postings.items())


def test_a_temporary_file_left_by_a_killed_writer_is_removed(bundled: Registry) -> None:
    path = index_path(bundled.db)
    assert path is not None
    old, recent = Path(f"{path}.abandoned.tmp"), Path(f"{path}.writing.tmp")
    for leftover in (old, recent):
        leftover.write_bytes(b"half an index")
    os.utime(old, (1_000_000_000, 1_000_000_000))
    _saved(bundled)
    assert not old.exists() and recent.exists()  # another writer may still be writing that one
