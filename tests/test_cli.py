"""The real ``proscribe`` command, run as a subprocess against real database files."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from proscribe.bundled import bundled_records

PROSCRIBE = Path(sys.executable).with_name("proscribe")


def run(*args: str, db: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(PROSCRIBE), *args, "--db", str(db)],
        capture_output=True,
        text=True,
        env={"COLUMNS": "120", "PATH": "/usr/bin:/bin"},
    )
    if check and result.returncode != 0:
        raise AssertionError(f"proscribe {' '.join(args)} failed: {result.stderr}")
    return result


@pytest.fixture(scope="session")
def loaded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "registry.db"
    run("load", db=path)
    return path


@pytest.fixture
def db(loaded_file: Path, tmp_path: Path) -> Path:
    """A private copy of a database loaded once by `proscribe load`."""
    path = tmp_path / "registry.db"
    shutil.copyfile(loaded_file, path)
    return path


def status_json(db: Path, *args: str) -> dict[str, object]:
    return json.loads(run("status", *args, "--json", db=db).stdout)  # type: ignore[no-any-return]


def test_status_acceptance_taliban_russia(db: Path) -> None:
    listed = status_json(db, "Taliban", "--jurisdiction", "RU", "--as-of", "2025-01-01")
    # The ruling of 14 Feb 2003 entered into force on 4 Mar 2003 (FSB list).
    assert (listed["status"], listed["since"]) == ("listed", "2003-03-04")
    deciding = listed["deciding_acts"][0]  # type: ignore[index]
    assert deciding["id"] == "ru-2003-02-14-taliban-designated-in-force-2003-03-04"
    assert deciding["decided"] == "2003-02-14"
    assert deciding["sources"][0]["url"].startswith("https://")
    assert deciding["sources"][0]["retrieved"] == "2026-11-22"

    # Court report: in effect at once; FSB list: in force 20 May 2025. Both readings are shown.
    between = status_json(db, "Taliban", "--jurisdiction", "RU", "--as-of", "2025-05-01")
    assert between["status"] == "unknown"
    assert {r["status"] for r in between["readings"]} == {"suspended", "listed"}  # type: ignore[attr-defined]
    suspended = status_json(db, "Taliban", "--jurisdiction", "RU", "--as-of", "2025-06-01")
    assert suspended["status"] == "suspended"
    assert sorted(r["acts"][0] for r in suspended["readings"]) == [  # type: ignore[attr-defined]
        "ru-2025-04-17-taliban-ban-suspended",
        "ru-2025-04-17-taliban-ban-suspended-reading-fsb-2025-05-20",
    ]

    public = status_json(
        db, "Taliban", "--jurisdiction", "RU", "--as-of", "2025-05-01", "--published-by", "2025-03-01"
    )
    assert public["status"] == "listed"


def test_status_acceptance_hts_united_states(db: Path) -> None:
    before = status_json(db, "Hayat Tahrir al-Sham", "--jurisdiction", "US", "--as-of", "2025-07-07")
    after = status_json(db, "Hayat Tahrir al-Sham", "--jurisdiction", "US", "--as-of", "2025-07-08")
    assert (before["status"], after["status"]) == ("listed", "delisted")
    assert after["via"] == {"entity": "al-nusrah-front", "relation": "successor of"}
    nusra = status_json(db, "Jabhat al-Nusra", "--jurisdiction", "US", "--as-of", "2025-07-08")
    assert nusra["deciding_acts"] == after["deciding_acts"]


def test_status_without_jurisdiction_lists_all(db: Path) -> None:
    payload = status_json(db, "Taliban", "--as-of", "2026-01-01")
    # One status per jurisdiction where a bundled act puts the Taliban on a list, in code order.
    expected = sorted(
        {a.jurisdiction for a in bundled_records().acts if "taliban" in a.entities and a.list_id}
    )
    assert {"KZ", "RU", "UN"} <= set(expected)
    assert [s["jurisdiction"] for s in payload["statuses"]] == expected  # type: ignore[attr-defined]


def test_human_output_names_status_and_source(db: Path) -> None:
    out = run("status", "taliban", "-j", "RU", "--as-of", "2025-06-01", db=db).stdout
    assert "suspended since 2025-04-17" in out
    assert "suspended since 2025-05-20" in out
    listed = run("status", "taliban", "-j", "RU", "--as-of", "2025-01-01", db=db).stdout
    assert "Supreme Court of the Russian Federation" in listed


def test_load_twice_adds_nothing(db: Path) -> None:
    before = json.loads(run("verify", "--json", db=db).stdout)
    again = run("load", db=db)
    assert "Nothing new" in again.stdout
    assert json.loads(run("verify", "--json", db=db).stdout)["acts_checked"] == before["acts_checked"]


def test_verify_fails_naming_the_act_altered_with_sqlite3(db: Path) -> None:
    assert run("verify", db=db).returncode == 0
    subprocess.run(
        [
            "sqlite3",
            str(db),
            "UPDATE acts SET body = replace(body, '2025-04-17', '2025-04-18') "
            "WHERE act_id = 'ru-2025-04-17-taliban-ban-suspended'",
        ],
        check=True,
    )
    result = run("verify", db=db, check=False)
    assert result.returncode == 1
    assert "ru-2025-04-17-taliban-ban-suspended" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


VALID_ACT = """\
  - id: test-act
    jurisdiction: RU
    action: designated
    entities: [taliban]
    list: ru-federal-terrorist-list
    decided: '2026-01-01'
    authority: Test authority
    sources:
      - {url: 'https://example.org/x', retrieved: '2026-11-22'}
"""

BAD_FILES = {
    "unknown-jurisdiction": (
        VALID_ACT.replace("jurisdiction: RU", "jurisdiction: XX"),
        "acts[0](test-act).jurisdiction",
        "unknown jurisdiction 'XX'",
    ),
    "unknown-action": (
        VALID_ACT.replace("action: designated", "action: banished"),
        "acts[0](test-act).action",
        "'banished' is not allowed",
    ),
    "missing-entity": (
        VALID_ACT.replace("[taliban]", "[no-such-group]"),
        "test-act.entities",
        "entity 'no-such-group' does not exist",
    ),
    "missing-source": (
        VALID_ACT.split("    sources:")[0] + "    sources: []\n",
        "acts[0](test-act).sources",
        "at least one source is required",
    ),
    "source-without-locator": (
        VALID_ACT.replace("url: 'https://example.org/x', ", ""),
        "acts[0](test-act).sources[0]",
        "a source needs a url or a document_hash",
    ),
    "impossible-date": (
        VALID_ACT.replace("'2026-01-01'", "'2025-02-30'"),
        "acts[0](test-act).decided",
        "February 2025 has 28 days",
    ),
    "malformed-yaml": (
        VALID_ACT.replace("entities: [taliban]", "entities: [taliban"),
        ".yaml:",
        "malformed YAML",
    ),
    "recorded-at-forged": (
        VALID_ACT + "    recorded_at: '2020-01-01T00:00:00Z'\n",
        "acts[0].recorded_at",
        "set by the journal",
    ),
    "billion-laughs": (
        "acts:\n  - &a [x, x, x, x, x, x, x, x, x]\n  - &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
        "  - &c [*b, *b, *b, *b, *b, *b, *b, *b]\n  - [*c, *c, *c, *c, *c, *c, *c, *c]\n",
        ".yaml:",
        "aliases",
    ),
    "python-tag": (
        "acts:\n  - !!python/object/apply:os.system ['touch /tmp/pwned']\n",
        ".yaml:",
        "malformed YAML",
    ),
    "not-a-mapping": ("just a string\n", ".yaml", "expected a mapping"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_record_file_gives_one_line_and_changes_nothing(db: Path, tmp_path: Path, case: str) -> None:
    body, where, message = BAD_FILES[case]
    text = body if body.startswith("acts:") or body.startswith("just") else "acts:\n" + body
    path = tmp_path / f"{case}.yaml"
    path.write_text(text, encoding="utf-8")
    before = run("verify", "--json", db=db).stdout
    result = run("record", str(path), db=db, check=False)
    assert result.returncode == 1, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0] and where in lines[0] and message in lines[0], lines[0]
    assert run("verify", "--json", db=db).stdout == before


def test_non_utf8_and_oversized_files_are_refused(db: Path, tmp_path: Path) -> None:
    binary = tmp_path / "latin1.yaml"
    binary.write_bytes("acts:\n  - id: caf\xe9\n".encode("latin-1"))
    result = run("record", str(binary), db=db, check=False)
    assert result.returncode == 1 and "not UTF-8" in result.stderr and str(binary) in result.stderr
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    result = run("record", str(huge), db=db, check=False)
    assert result.returncode == 1 and "limit" in result.stderr and str(huge) in result.stderr


def test_record_appends_and_status_follows(db: Path, tmp_path: Path) -> None:
    path = tmp_path / "reinstate.yaml"
    path.write_text(
        textwrap.dedent("""\
        acts:
          - id: ru-test-taliban-reinstated
            jurisdiction: RU
            action: reinstated
            entities: [taliban]
            list: ru-federal-terrorist-list
            decided: '2026-06-01'
            authority: Supreme Court of the Russian Federation (hypothetical test ruling)
            sources:
              - {url: 'https://example.org/ruling', retrieved: '2026-11-22'}
        """),
        encoding="utf-8",
    )
    assert "Recorded 1 acts" in run("record", str(path), db=db).stdout
    assert status_json(db, "Taliban", "-j", "RU", "--as-of", "2026-07-01")["status"] == "listed"
    assert status_json(db, "Taliban", "-j", "RU", "--as-of", "2026-05-01")["status"] == "suspended"
    assert run("verify", db=db).returncode == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("status", "Taliban", "--jurisdiction", "XX"), "--jurisdiction: unknown jurisdiction 'XX'"),
        (("status", "Taliban", "--as-of", "2025-02-30"), "--as-of: '2025-02-30' is not a date"),
        (("status", "No Such Group"), "no entity is named 'No Such Group'"),
        (("record", "/nonexistent/file.yaml"), "/nonexistent/file.yaml: cannot read file"),
    ],
)
def test_bad_arguments_give_one_line(db: Path, args: tuple[str, ...], message: str) -> None:
    result = run(*args, db=db, check=False)
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: ") and message in line


def test_changes_lists_acts_recorded_since(db: Path) -> None:
    payload = json.loads(run("changes", "--since", "2000-01-01", "--json", db=db).stdout)
    assert len(payload["added"]) == json.loads(run("verify", "--json", db=db).stdout)["acts_checked"]
    nothing = json.loads(run("changes", "--since", "2999-01-01T00:00:00+00:00", "--json", db=db).stdout)
    assert nothing["added"] == []


def test_conflicts_lists_the_kazakh_readings(db: Path) -> None:
    groups = json.loads(run("conflicts", "--json", db=db).stdout)
    ids = [[ref["id"] for ref in group] for group in groups]
    assert ["kz-2023-12-29-taliban-delisted-reading-2023", "kz-2024-06-taliban-delisted-reading-2024"] in [
        sorted(g) for g in ids
    ]


def test_demo_tells_the_story_from_the_data(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    out = run("demo", db=db).stdout
    for fact in (
        "2003-02-14",
        "2024-12-17",
        "2024-12-28",
        "2025-04-17",
        "suspended since 2025-04-17",
        "sources disagree",
        "KZ",
        "via the al-nusrah-front listing",
    ):
        assert fact in out, fact
    # The demo database is a real one: verify passes on it.
    assert run("verify", db=db).returncode == 0
