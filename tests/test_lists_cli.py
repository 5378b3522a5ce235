"""The list commands as a person runs them: import, versions, diff, links, export (real files, real CLI)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from proscribe import Registry
from proscribe.lists.importer import import_list
from proscribe.names import name_key
from proscribe.sources import ftm
from shared_data import need, pick, required, shared

PROSCRIBE = Path(sys.executable).with_name("proscribe")
# The full lists from ../shared/data, or their excerpts in tests/data/lists (tests/README.md).
# The EU file has no excerpt (its licence is not stated), so without it the EU checks skip.
UN_2021 = pick("un_sc_consolidated/consolidated_2021-01-18.xml")
UN_2026 = pick("un_sc_consolidated/consolidated_2026-02-27.xml")
OFAC_2024 = pick("ofac_sdn/sdn_2024-05-03.csv")
EU_RELATIVE = "eu/ammitto_eu_fsf_entities.yaml"
EU = shared(EU_RELATIVE)
UK = pick("uk/ammitto_uk_sanctions_list_2026-08-22.yaml")
MEMBERSHIP = pick("derived/un_sc_membership_across_snapshots.csv")


def run(*args: str, db: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(PROSCRIBE), *args, "--db", str(db)],
        capture_output=True,
        text=True,
        env={"COLUMNS": "150", "PATH": "/usr/bin:/bin"},
    )
    if check and result.returncode != 0:
        raise AssertionError(f"proscribe {' '.join(args)} failed: {result.stderr}")
    return result


def un_entries(path: Path) -> int:
    raw = path.read_bytes()
    return raw.count(b"<INDIVIDUAL>") + raw.count(b"<ENTITY>")


@pytest.fixture(scope="module")
def four_lists(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Curated data plus UN, OFAC, EU and UK lists, imported through the CLI once."""
    db = tmp_path_factory.mktemp("four") / "registry.db"
    run("load", db=db)
    # Only the EU file can be missing (it has no excerpt); need() fails here when it is required.
    eu = [("eu", need(EU_RELATIVE))] if EU.exists() or required() else []
    for source, path in [
        ("un", UN_2021.path),
        ("un", UN_2026.path),
        ("ofac", OFAC_2024.path),
        *eu,
        ("uk", UK.path),
    ]:
        run("import", source, str(path), db=db)
    return db


@pytest.fixture
def db(four_lists: Path, tmp_path: Path) -> Path:
    path = tmp_path / "registry.db"
    shutil.copyfile(four_lists, path)
    return path


def test_import_reports_counts_and_is_idempotent(db: Path) -> None:
    again = run("import", "un", str(UN_2026.path), db=db)
    assert "Already imported" in again.stdout and "nothing to do" in again.stdout
    versions = json.loads(run("versions", "--json", db=db).stdout)
    found = [(v["source"], v["data_date"], v["entry_count"]) for v in versions]
    if UN_2026.full:
        assert found == [
            ("eu", versions[0]["data_date"], 6457),
            ("ofac", "2024-05-03", 14965),
            ("uk", "2026-08-22", 6349),
            ("un", "2021-01-18", 1003),
            ("un", "2026-02-27", 1003),
        ]
    # Entries counted in the files, apart from the parsers.
    expected = [
        ("ofac", "2024-05-03", OFAC_2024.path.read_bytes().count(b"\r\n")),
        ("uk", "2026-08-22", UK.path.read_text(encoding="utf-8").count("\n# source_path: ")),
        *[
            ("un", day, un_entries(path))
            for day, path in (("2021-01-18", UN_2021.path), ("2026-02-27", UN_2026.path))
        ],
    ]
    if EU.exists():
        expected.insert(
            0, ("eu", versions[0]["data_date"], EU.read_text(encoding="utf-8").count("# source_path: "))
        )
    assert found == expected


def test_hts_shows_listings_in_un_us_eu_uk_and_curated_ones_with_arabic_names(db: Path) -> None:
    payload = json.loads(
        run("status", "Hayat Tahrir al-Sham", "--as-of", "2026-09-01", "--json", db=db).stdout
    )
    by_code = {s["jurisdiction"]: s for s in payload["statuses"]}
    assert {"UN", "US", "GB", "RU", "CA"} <= set(by_code)
    gb_lists = {ls["list"] for ls in by_code["GB"]["lists"]}
    assert {"gb-proscribed-organisations", "gb-sanctions-aqd"} <= gb_lists
    assert {"us-fto", "us-sdgt"} <= {ls["list"] for ls in by_code["US"]["lists"]}
    arabic = [
        name
        for s in payload["statuses"]
        for name in s.get("via_names", [])
        if "\u0600" <= name[0] <= "\u06ff"
    ]
    assert "هيئة تحرير الشام" in arabic
    human = run("status", "Hayat Tahrir al-Sham", "--as-of", "2026-09-01", db=db).stdout
    assert "هيئة تحرير الشام" in human


def test_hts_shows_its_eu_listing(db: Path) -> None:
    need(EU_RELATIVE)
    payload = json.loads(
        run("status", "Hayat Tahrir al-Sham", "--as-of", "2026-09-01", "--json", db=db).stdout
    )
    by_code = {s["jurisdiction"]: s for s in payload["statuses"]}
    assert any(ls["list"].startswith("eu-") for ls in by_code["EU"]["lists"])


def test_diff_between_un_versions(db: Path) -> None:
    payload = json.loads(
        run("diff", "un", "--from", "2021-01-18", "--to", "2026-02-27", "--json", db=db).stdout
    )
    with MEMBERSHIP.path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    added = sum(r["in_2021-01-18"] == "0" and r["in_2026-02-27"] == "1" for r in rows)
    removed = sum(r["in_2021-01-18"] == "1" and r["in_2026-02-27"] == "0" for r in rows)
    assert ((added, removed) == (91, 91)) if UN_2026.full else (min(added, removed) > 0)
    assert payload["summary"]["added"] == added and payload["summary"]["removed"] == removed
    table = run("diff", "un", "--from", "2021-01-18", "--to", "2026-02-27", "--limit", "3", db=db).stdout
    assert f"{added} added, {removed} removed" in table and "more (--limit" in table
    missing = run("diff", "un", "--from", "1999-01-01", "--to", "2026-02-27", db=db, check=False)
    assert missing.returncode == 1 and "--from: no un version matches '1999-01-01'" in missing.stderr


def test_pending_links_can_be_reviewed(db: Path) -> None:
    pending = json.loads(run("links", "--pending", "--json", db=db).stdout)
    assert pending, "uncertain name matches should wait for review"
    first, second = pending[0], pending[1]
    accepted = run("links", "accept", str(first["id"]), "--by", "analyst@example.org", db=db)
    assert "is now an alias of" in accepted.stdout
    rejected = run(
        "links",
        "reject",
        str(second["id"]),
        "--by",
        "analyst@example.org",
        "--reason",
        "different people with the same name",
        db=db,
    )
    assert "stays apart from" in rejected.stdout
    still = {row["id"] for row in json.loads(run("links", "--pending", "--json", db=db).stdout)}
    assert first["id"] not in still and second["id"] not in still
    again = run("links", "accept", str(first["id"]), "--by", "x", db=db, check=False)
    assert again.returncode == 1 and "already accepted" in again.stderr
    registry = Registry(str(db))
    linked = registry.entities.get(first["entity_id"])
    assert linked is not None and [(link.type.value, link.target) for link in linked.links][-1] == (
        "alias_of",
        first["candidate_id"],
    )


def test_exports_in_three_formats(db: Path, tmp_path: Path) -> None:
    rows = list(
        csv.DictReader(io.StringIO(run("export", "--format", "csv", "--as-of", "2026-09-01", db=db).stdout))
    )
    taliban_ru = [r for r in rows if r["entity_id"] == "taliban" and r["jurisdiction"] == "RU"]
    # Suspended on both readings of its entry into force (17 Apr or 20 May 2025): no single "since".
    assert [(r["status"], r["since"]) for r in taliban_ru] == [("suspended", "")]
    nusrah_fto = [r for r in rows if r["entity_id"] == "al-nusrah-front" and r["list"] == "us-fto"]
    assert nusrah_fto[0]["status"] == "delisted"
    document = json.loads(run("export", "--format", "json", "--as-of", "2026-09-01", db=db).stdout)
    assert {item["id"] for item in document} >= {"taliban", "al-nusrah-front", "un-cde.001"}
    target = tmp_path / "export.ftm.json"
    run("export", "--format", "ftm", "--as-of", "2026-09-01", "--output", str(target), db=db)
    records = [orjson.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    sanctions = [r for r in records if r["schema"] == "Sanction"]
    assert any(
        r["properties"]["entity"] == ["taliban"] and r["properties"]["status"] == ["suspended"]
        for r in sanctions
    )


def test_ftm_export_imports_back_with_its_names(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "export.ftm.json"
    run("export", "--format", "ftm", "--output", str(target), db=db)
    fresh = Registry(str(tmp_path / "fresh.db"))
    parsed = ftm.parse([target], dt.date(2026, 9, 1), None, jurisdiction="UN", list_id="round-trip")
    result = import_list(fresh, parsed)

    exported = {
        r["id"]: r
        for r in map(orjson.loads, target.read_text(encoding="utf-8").splitlines())
        if r["schema"] != "Sanction"
    }
    assert result.entries == len(exported)
    back = fresh.resolve("ftm-al-nusrah-front")
    # Names come back (spellings that fold to the same lookup key are kept once).
    assert {name_key(n.value) for n in back.names} == {
        name_key(value)
        for prop in ("name", "alias", "previousName", "weakAlias")
        for value in exported["al-nusrah-front"]["properties"].get(prop, [])
    }


def test_bad_source_and_missing_file(db: Path, tmp_path: Path) -> None:
    unknown = run("import", "xx", str(UN_2026.path), db=db, check=False)
    assert unknown.returncode == 1 and "unknown source 'xx'" in unknown.stderr
    missing = run("import", "un", str(tmp_path / "nope.xml"), db=db, check=False)
    assert missing.returncode == 1 and "nope.xml: no such file" in missing.stderr
    wrong = run("import", "uk", str(OFAC_2024.path), db=db, check=False)
    assert wrong.returncode == 1 and str(OFAC_2024.path) in wrong.stderr
    assert len(wrong.stderr.strip().splitlines()) == 1


def test_import_several_ca_sor_versions_in_one_call(tmp_path: Path) -> None:
    """Canada's point-in-time XML versions (fixtures cut from Justice Canada's files) in any order."""
    fixtures = sorted((Path(__file__).parent / "data" / "ca_sor").glob("*.xml"), reverse=True)
    db = tmp_path / "ca.db"
    run("load", db=db)
    result = run("import", "ca-sor", *map(str, fixtures), db=db)
    assert result.stdout.count("Imported ca-sor list version") == len(fixtures) == 3
    status = run("status", "Hayat Tahrir al-Sham", "-j", "CA", "--as-of", "2026-06-01", "--json", db=db)
    body = json.loads(status.stdout)
    assert body["status"] == "delisted"
    assert any("SOR/2025-250" in (act.get("instrument") or "") for act in body["deciding_acts"])
    again = run("import", "ca-sor", *map(str, fixtures), db=db)
    assert again.stdout.count("Already imported") == 3
    dated = run("import", "ca-sor", *map(str, fixtures), "--data-date", "2026-01-01", db=db, check=False)
    assert dated.returncode == 1 and "--data-date applies to one version" in dated.stderr
