"""The real `proscribe procedure` commands, run as subprocesses against a loaded SQLite file."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROSCRIBE = Path(sys.executable).with_name("proscribe")


def run(*args: str, db: Path | None, check: bool = True) -> subprocess.CompletedProcess[str]:
    command = [str(PROSCRIBE), *args, *(["--db", str(db)] if db else [])]
    result = subprocess.run(
        command, capture_output=True, text=True, env={"COLUMNS": "120", "PATH": "/usr/bin:/bin"}
    )
    if check and result.returncode != 0:
        raise AssertionError(f"proscribe {' '.join(args)} failed: {result.stderr}")
    return result


@pytest.fixture
def db(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    template = tmp_path_factory.getbasetemp() / "procedure-template.db"
    if not template.exists():
        run("load", db=template)
    path = tmp_path / "registry.db"
    shutil.copyfile(template, path)
    return path


def test_simulate_us_fto_revocation_petition(db: Path) -> None:
    args = (
        "procedure",
        "simulate",
        "us-fto-revocation-petition",
        "--entity",
        "al-nusrah-front",
        "--start",
        "2026-12-01",
    )
    data = json.loads(run(*args, "--json", db=db).stdout)
    outcomes = {o["outcome"]: o for o in data["outcomes"]}
    assert outcomes["revoked"]["listing"] == "delisted"
    assert outcomes["petition-denied"]["listing"] == "listed"
    assert outcomes["petition-denied"]["latest"] == "2027-05-30"
    revoked = next(t for t in data["timelines"] if t["outcome"] == "revoked")
    decision = next(s for s in revoked["steps"] if s["step"] == "determination-revoke")
    assert (decision["earliest"], decision["latest"]) == ("2026-12-01", "2027-05-30")
    text = run(*args, db=db).stdout
    assert "by 2027-05-30" in text and "listing: delisted" in text
    assert json.loads(run("procedure", "cases", "--json", db=db).stdout) == []  # nothing written


def test_step_refusal_is_one_line_naming_the_rule(db: Path) -> None:
    run(
        "procedure",
        "start",
        "ru-suspension",
        "--entity",
        "Taliban",
        "--date",
        "2025-03",
        "--id",
        "tal",
        db=db,
    )
    before = run("verify", "--json", db=db).stdout
    refused = run(
        "procedure", "step", "tal", "decision", "--actor", "court", "--date", "2025-04-17", db=db, check=False
    )
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1
    assert refused.stderr.startswith("error: ru-suspension@fl-2024-12-28:steps.decision:")
    missing = run("procedure", "step", "tal", "application", "--actor", "prosecutor-general", "--date", "2025-03",
                  "--evidence", "claim=/no/such/file", db=db, check=False)  # fmt: skip
    assert missing.returncode == 1 and "--evidence" in missing.stderr
    assert run("verify", "--json", db=db).stdout == before
    assert json.loads(run("procedure", "show", "tal", "--json", db=db).stdout)["history"] == []


def test_due_exit_codes_json_and_icalendar(db: Path, tmp_path: Path) -> None:
    evidence = tmp_path / "application.pdf"
    evidence.write_bytes(b"%PDF- deproscription application")
    run(
        "procedure",
        "start",
        "gb-deproscription",
        "--entity",
        "Hamas",
        "--date",
        "2025-01-10",
        "--id",
        "hamas-gb",
        db=db,
    )
    run("procedure", "step", "hamas-gb", "application", "--actor", "applicant", "--date", "2025-01-10",
        "--evidence", str(evidence), "--retrieved", "2025-01-10", db=db)  # fmt: skip
    shown = json.loads(run("procedure", "show", "hamas-gb", "--json", db=db).stdout)
    assert shown["deadlines"][0]["due_latest"] == "2025-04-10"
    assert shown["history"][0]["evidence"][0]["sha256"]

    quiet = run("procedure", "due", "--as-of", "2025-01-11", "--within", "P30D", "--json", db=db, check=False)
    assert quiet.returncode == 0
    soon = run("procedure", "due", "--as-of", "2025-03-20", "--within", "P30D", "--json", db=db, check=False)
    assert soon.returncode == 2
    assert [d["deadline"] for d in json.loads(soon.stdout)["deadlines"]] == ["determination-period"]
    ics = tmp_path / "deadlines.ics"
    late = run("procedure", "due", "--as-of", "2025-05-01", "--ics", str(ics), db=db, check=False)
    assert late.returncode == 3 and "overdue" in late.stdout
    calendar = ics.read_bytes().decode("utf-8")
    assert calendar.startswith("BEGIN:VCALENDAR\r\n") and calendar.endswith("END:VCALENDAR\r\n")
    assert "DTSTART;VALUE=DATE:20250410\r\n" in calendar
    assert all(len(line.encode()) <= 75 for line in calendar.split("\r\n"))
    bad = run("procedure", "due", "--within", "30 days", db=db, check=False)
    assert bad.returncode == 1 and bad.stderr.startswith("error: --within:")


def test_rules_and_diagram_commands() -> None:
    listed = json.loads(run("procedure", "rules", "--json", db=None).stdout)
    assert {
        "id": "ru-suspension",
        "version": "fl-2024-12-28",
        "in_force_from": "2024-12",
        "in_force_to": None,
    } in [{k: r[k] for k in ("id", "version", "in_force_from", "in_force_to")} for r in listed]
    diagram = run("procedure", "diagram", "ru-suspension", db=None).stdout
    assert "hearing_scheduled --> suspended : decision [court] emits suspended" in diagram
    unknown = run("procedure", "diagram", "xx", db=None, check=False)
    assert unknown.returncode == 1 and unknown.stderr.startswith("error: xx: no procedure rule 'xx'")
