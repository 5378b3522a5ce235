# ruff: noqa: RUF001  (names in Arabic, Cyrillic and other scripts are the test data)
"""Screening against real UN and OFAC lists: statuses as of a date, exclusions, audit, CLI contract, bad input."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from proscribe import InputError, Registry
from proscribe.lists.importer import import_list
from proscribe.screening import THRESHOLD, ScreeningIndex, screen
from proscribe.screening.audit import AuditLog, ScreenRecord
from proscribe.screening.batch import read_column
from proscribe.screening.exclusions import ExclusionStore
from proscribe.sources import ofac, un
from shared_data import pick

# The full lists from ../shared/data, or their excerpts in tests/data/lists (tests/README.md).
UN_2026 = pick("un_sc_consolidated/consolidated_2026-02-27.xml")
OFAC_2024 = pick("ofac_sdn/sdn_2024-05-03.csv")
UN_TREATED = pick("name_matching/yente_candidate_generation/positives_un_treated.csv")
DAY = dt.date(2026, 3, 1)


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = str(tmp_path_factory.mktemp("screening") / "screening.db")
    registry = Registry(path)
    registry.load_bundled()
    import_list(registry, un.parse([UN_2026.path]))
    import_list(registry, ofac.parse([OFAC_2024.path]))
    registry.db.dispose()
    yield path


@pytest.fixture(scope="module")
def index(db_path: str) -> ScreeningIndex:
    registry = Registry(db_path)
    built = ScreeningIndex.from_registry(registry)
    registry.db.dispose()
    return built


def test_arabic_and_latin_names_of_al_nusrah_front_find_the_same_entity(index: ScreeningIndex) -> None:
    arabic = screen(index, "جبهة النصرة", DAY)
    latin = screen(index, "Al-Nusrah Front", DAY)
    assert arabic and latin
    assert arabic[0].entity_id == latin[0].entity_id
    assert "transliterated from arabic" in arabic[0].explanation


def test_decoys_are_not_matches(index: ScreeningIndex) -> None:
    for decoy in ["Hamas Trading", "Taliban Restaurant", "Acme Corporation", "Deutsche Bank AG"]:
        hits = screen(index, decoy, DAY)
        assert all(m.score >= THRESHOLD for m in hits)
        assert not any(m.entity_id in {"hamas", "taliban"} for m in hits), decoy


def test_delisted_organisation_is_formerly_listed_never_listed(index: ScreeningIndex) -> None:
    matches = screen(index, "Hayat Tahrir al-Sham", DAY, ["GB"])
    hts = next(m for m in matches if m.entity_id == "hayat-tahrir-al-sham")
    assert {listing.status for listing in hts.listings} == {"formerly listed"}
    assert all(listing.since for listing in hts.listings)
    before = screen(index, "Hayat Tahrir al-Sham", dt.date(2024, 1, 1), ["GB"])
    assert all(listing.jurisdiction == "GB" for m in before for listing in m.listings)


def test_jurisdiction_filter_and_limit(index: ScreeningIndex) -> None:
    matches = screen(index, "Taliban", DAY, ["RU"], limit=1)
    assert len(matches) == 1
    assert {listing.jurisdiction for listing in matches[0].listings} == {"RU"}


def test_bad_queries(index: ScreeningIndex) -> None:
    with pytest.raises(InputError, match="empty name"):
        screen(index, " \x00\t ", DAY)
    with pytest.raises(InputError, match="10,000"):
        screen(index, "x" * 10_001, DAY)
    assert isinstance(screen(index, "Hamas " * 1600, DAY), list)
    assert isinstance(screen(index, "Talibanطالبان Хамас", DAY), list)


def test_exclusions_and_audit_are_stored(registry: Registry) -> None:
    registry.load_bundled()
    index = ScreeningIndex.from_registry(registry)
    first = screen(index, "Taliban", DAY)
    assert first and first[0].entity_id == "taliban"
    store = ExclusionStore(registry.db)
    store.add("TALIBAN ", "taliban", "customer is a film title", "analyst@example.org")
    excluded = store.excluded("taliban")
    assert excluded == {"taliban"}
    assert all(m.entity_id != "taliban" for m in screen(index, "Taliban", DAY, excluded=excluded))
    with pytest.raises(InputError, match="reason"):
        store.add("Taliban", "taliban", " ", "me")
    log = AuditLog(registry.db)
    assert log.record([ScreenRecord("Taliban", DAY, ["RU"], first)], {"un": "2026-02-27"}, user="tester") == 1
    entry = next(log.entries())
    assert (
        entry["query"] == "Taliban"
        and entry["user"] == "tester"
        and entry["results"][0]["entity_id"] == "taliban"
    )


def test_read_column_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"name\nHamas\n\xff\xfeX\n")
    rows = read_column(bad, "name")
    assert next(rows) == (1, "Hamas")
    with pytest.raises(InputError, match=r"bad.csv:3:1: invalid UTF-8"):
        next(rows)
    with pytest.raises(InputError, match="no column 'nom'"):
        next(read_column(bad, "nom"))
    with pytest.raises(InputError, match="no such file"):
        next(read_column(tmp_path / "missing.csv", "name"))


def run_cli(*args: str, db: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PROSCRIBE_USER": "cli-test"}
    return subprocess.run(
        [sys.executable, "-m", "proscribe", *args, "--db", db],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_cli_single_name_json_contract(db_path: str) -> None:
    result = run_cli(
        "screen", "هيئة تحرير الشام", "--as-of", "2026-03-01", "--json", "--limit", "3", db=db_path
    )
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert body["query"] == "هيئة تحرير الشام"
    first = body["matches"][0]
    assert set(first) == {"entity_id", "caption", "names", "score", "matched_name", "explanation", "listings"}
    assert set(first["listings"][0]) == {"jurisdiction", "list", "status", "since"}
    scores = [m["score"] for m in body["matches"]]
    assert scores == sorted(scores, reverse=True) and min(scores) >= THRESHOLD


def test_cli_batch_jsonl_in_input_order_with_bad_rows(db_path: str, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text(
        'id,name\n1,Taliban\n2,""\n3,Taliban Restaurant\n4,"Al-Nusrah\nFront"\n5,حماس\n', encoding="utf-8"
    )
    out = tmp_path / "out.jsonl"
    result = run_cli(
        "screen",
        "--input",
        str(source),
        "--column",
        "name",
        "--output",
        str(out),
        "--as-of",
        "2026-03-01",
        db=db_path,
    )
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["query"] for r in rows] == ["Taliban", "", "Taliban Restaurant", "Al-Nusrah\nFront", "حماس"]
    assert rows[0]["matches"][0]["entity_id"] == "taliban"
    assert rows[1]["error"] == "empty name" and rows[2]["matches"] == []
    assert rows[3]["matches"] and rows[4]["matches"]
    csv_result = run_cli(
        "screen", "--input", str(source), "--column", "name", "--format", "csv", "--limit", "1", db=db_path
    )
    assert csv_result.stdout.splitlines()[0].startswith("row,query,rank,entity_id")
    audit = run_cli("screen-audit", db=db_path)
    assert '"user":"cli-test"' in audit.stdout


def test_screen_batch_and_screen_input_give_the_same_rows_and_both_are_audited(
    db_path: str, tmp_path: Path
) -> None:
    source = tmp_path / "customers.csv"
    source.write_text('name\nTaliban\nHamas Trading\n"Al-Nusrah Front"\n""\nحماس\n', encoding="utf-8")
    before = len(list(AuditLog(Registry(db_path).db).entries()))
    outputs = {}
    for command in (["screen"], ["screen-batch"]):
        out = tmp_path / f"{command[0]}.jsonl"
        result = run_cli(
            *command, "--input", str(source), "--column", "name", "--as-of", "2026-03-01",
            "--output", str(out), db=db_path,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        outputs[command[0]] = out.read_text(encoding="utf-8")
    assert outputs["screen"] == outputs["screen-batch"]
    rows = [json.loads(line) for line in outputs["screen"].splitlines()]
    assert rows[0]["matches"][0]["entity_id"] == "taliban" and rows[3]["error"] == "empty name"
    entries = list(AuditLog(Registry(db_path).db).entries())
    # four usable names, screened twice: every screen of both commands is in the audit
    assert len(entries) - before == 8
    assert [e["query"] for e in entries[-8:]].count("Taliban") == 2


def test_cli_bad_inputs_are_one_line_errors(db_path: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"name\nok\n\xc3\x28\n")
    cases = [
        (["screen", "--input", str(bad), "--column", "name"], "bad.csv:3:1: invalid UTF-8"),
        (["screen", "--input", str(bad), "--column", "nom"], "no column 'nom'"),
        (["screen", ""], "empty name"),
        (["screen", "Hamas", "--as-of", "2026-13-01"], "--as-of"),
        (["screen"], "give a NAME"),
        (["screen", "--input", str(bad), "--column", "name", "--format", "xml"], "unknown format"),
    ]
    for args, message in cases:
        result = run_cli(*args, db=db_path)
        assert result.returncode == 1, (args, result.stderr)
        assert result.stderr.startswith("error: ") and len(result.stderr.strip().splitlines()) == 1
        assert message in result.stderr


def test_organisation_variants_across_scripts_from_the_labelled_set(index: ScreeningIndex) -> None:
    # A sample of tests/data/screening/organisations.csv whose organisations are on the UN or OFAC lists.
    wanted = {
        "عصبة الأنصار": "ASBAT AL-ANSAR",
        "Usbat al-Ansar": "ASBAT AL-ANSAR",
        "المرابطون": "AL MOURABITOUN",
        "Lashkar e Taiba": "LASHKAR-E-TAYYIBA",
        "Jaish-e-Mohammed": "JAISH-I-MOHAMMED",
        "Boko Harram": "BOKO HARAM",
        "بوكو حرام": "BOKO HARAM",
        "Аш-Шабааб": "AL-SHABAAB",
        "Al Aqsa Martyrs Brigades": "AL-AQSA MARTYRS BRIGADE",
    }
    for query, caption in wanted.items():
        assert caption in {m.caption for m in screen(index, query, DAY)}, query
    for negative in [
        "Al Shabab Football Club",
        "Islamic Development Bank",
        "Al Quds University",
        "مطعم طالبان",
    ]:
        assert screen(index, negative, DAY) == [], negative


def test_batch_in_worker_processes_gives_the_single_process_rows(index: ScreeningIndex) -> None:
    from proscribe.screening.batch import screen_many

    # yente's UN names with typos; their excerpt keeps the rows of the people in the UN excerpt.
    assert UN_TREATED.full == UN_2026.full  # the names must be those of the list imported
    with UN_TREATED.path.open(encoding="utf-8") as handle:
        queries = [row["full_name"] for row in csv.DictReader(handle)][:400]
    queries += ["Hamas", "", "جبهة النصرة", "Hamas", "Taliban Restaurant"] * 3
    numbered = list(enumerate(queries, start=1))
    single = [
        (r.number, r.query, r.error, [m.to_json() for m in r.matches])
        for r in screen_many(index, numbered, DAY)
    ]
    forked = [
        (r.number, r.query, r.error, [m.to_json() for m in r.matches])
        for r in screen_many(index, numbered, DAY, workers=2)
    ]
    assert forked == single
    assert [number for number, *_ in forked] == list(range(1, len(queries) + 1))
    if UN_2026.full:
        assert sum(bool(matches) for *_, matches in single) > 300
    else:  # most of the yente names (all but the 15 added above) find their person
        yente = len(queries) - 15
        assert yente > 0 and sum(bool(matches) for *_, matches in single[:yente]) >= 0.75 * yente
