"""Every reproduction of issue 14, run through the ``proscribe`` command as a person runs it.

Each must now end in a one-line refusal (exit 1, no traceback, nothing written) or, for changes
made behind the library's back, a detection by ``proscribe verify``. Some reproductions are already
run through the command in other modules; ``REPRODUCTIONS`` maps each to the tests that cover it
(checked to exist below), and this module adds the ones that were checked only through the
library, or not at all.

The issue's text, one reproduction per line:

* ``head -c 2000000 sdn.csv > sdn_2024-05-04.csv; proscribe import ofac sdn_2024-05-04.csv`` delists
* a UK YAML file cut at a document boundary delists
* verify covers only acts: changing act_entities, entity_names, entity_links, list_subjects,
  list_entries, list_versions (and, since, screening_exclusions) passes it
* bodies rewritten with hashes recomputed, or the last acts cut and the head reset, pass verify
  (must be found by ``verify --against CHECKPOINT``)
* 200,000-deep YAML segfaults ``import eu/uk/au/ca``, and raises a RecursionError in ``record``
* ``record DIR`` and random bytes as ``sdn.csv`` give tracebacks
* ``--data-date 9999-12-31`` blocks every later import of that source
* ``0001-01-01`` and ``9999-12-31`` pass as act dates
* an emptied ``journal_head`` or a damaged ``membership`` makes later writes fail with tracebacks
* ``"\\ud800"`` in ``/api/screen`` and ``/api/acts?after=`` with 23 digits give 500
"""

from __future__ import annotations

import ast
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from proscribe import Registry
from shared_data import REPO, pick
from test_checkpoints import _cut_tail, _rewrite_taliban_act

UN_2026 = pick("un_sc_consolidated/consolidated_2026-02-27.xml")  # the full list, else its excerpt
UK_2026 = pick("uk/ammitto_uk_sanctions_list_2026-08-22.yaml")

# Reproduction -> the tests that run it (module::test); those in this module are listed too.
REPRODUCTIONS: dict[str, list[str]] = {
    "truncated sdn.csv": [
        "test_integrity::test_cli_refuses_a_truncated_import_with_one_line_and_allows_a_real_removal",
        "test_integrity::test_truncated_ofac_file_is_refused_and_writes_nothing",
    ],
    "UK YAML cut at a document boundary": [
        "test_issue14_reproductions::test_uk_yaml_cut_at_a_document_boundary",
        "test_integrity::test_uk_yaml_cut_at_a_document_boundary_is_refused",
    ],
    "verify covers every answer-relevant table": [
        "test_issue14_reproductions::test_verify_detects_a_changed_table",
        "test_integrity_verify::test_changing_any_column_fails_verify_or_changes_no_answer",
        "test_integrity_verify::test_named_attacks_fail_verify",
    ],
    "rewritten or cut history against a checkpoint": [
        "test_issue14_reproductions::test_verify_against_a_checkpoint_finds_rewritten_and_cut_history",
        "test_checkpoints::test_the_commands_sign_verify_and_bundle",
    ],
    "200,000-deep YAML": [
        "test_integrity::test_deeply_nested_list_yaml_is_refused_before_parsing",
        "test_integrity::test_deeply_nested_record_file_is_refused",
    ],
    "record DIR, random bytes as sdn.csv": [
        "test_integrity::test_record_of_a_folder_is_a_one_line_error",
        "test_integrity::test_random_bytes_as_sdn_csv_on_the_command_line",
    ],
    "--data-date 9999-12-31": [
        "test_issue14_reproductions::test_a_far_future_data_date_is_refused_and_blocks_nothing",
        "test_integrity::test_list_data_dates_in_the_future_are_refused",
    ],
    "0001-01-01 and 9999-12-31 as act dates": [
        "test_issue14_reproductions::test_implausible_act_dates_are_refused_by_record",
        "test_integrity::test_implausible_act_dates_are_refused",
        "test_integrity::test_api_refuses_implausible_act_dates",
    ],
    "emptied journal_head, damaged membership": [
        "test_issue14_reproductions::test_a_damaged_chain_head_refuses_later_writes",
        "test_issue14_reproductions::test_a_damaged_membership_is_a_one_line_error",
    ],
    "unpaired surrogate and 23-digit integers over HTTP": [
        "test_integrity::test_unpaired_surrogates_in_a_json_body_are_400",
        "test_integrity::test_oversized_integers_in_parameters_are_400",
    ],
}


def test_every_reproduction_is_run_by_a_test() -> None:
    """The map above names tests that exist (a renamed or deleted test shows here)."""
    for reproduction, tests in REPRODUCTIONS.items():
        assert tests, reproduction
        for name in tests:
            module, function = name.split("::")
            tree = ast.parse((REPO / "tests" / f"{module}.py").read_text(encoding="utf-8"))
            defined = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
            assert function in defined, f"{reproduction}: {name} does not exist"


def cli(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    """``proscribe ARGS --db DB`` on this tree's code (PYTHONPATH passed through)."""
    return subprocess.run(
        [sys.executable, "-m", "proscribe", *args, "--db", str(db)],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
        check=False,
    )


def refused(result: subprocess.CompletedProcess[str]) -> str:
    """The one line of a refused command: exit 1, no traceback, exactly one line on stderr."""
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, (result.stdout, result.stderr)
    return result.stdout


def state(db: Path) -> tuple[int, list[str]]:
    """What a refused command must leave as it was: the number of acts, the list versions."""
    with sqlite3.connect(db) as conn:
        acts = conn.execute("SELECT count(*) FROM acts").fetchone()[0]
        versions = [row[0] for row in conn.execute("SELECT id FROM list_versions ORDER BY id")]
    return int(acts), versions


def change(db: Path, *statements: str) -> None:
    """What someone with write access to the database does, behind the library's back."""
    with sqlite3.connect(db) as conn:
        for statement in statements:
            conn.execute(statement)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with ``base.db`` (bundled acts, a UN list version, a reviewed exclusion and a signed
    checkpoint, all written through the CLI), the checkpoint ``cp.json`` and ``public.pem``."""
    folder = tmp_path_factory.mktemp("issue14")
    db = folder / "base.db"
    ok(cli("load", db=db))
    ok(cli("import", "un", str(UN_2026.path), db=db))
    ok(cli("screen-exclude", "Taliban", "taliban", "--reason", "reviewed", "--author", "tester", db=db))
    ok(cli("checkpoint", "--out", str(folder / "cp.json"), db=db))
    (folder / "public.pem").write_text(ok(cli("checkpoint", "--public-key", db=db)), encoding="utf-8")
    assert "Tables intact" in ok(cli("verify", db=db))
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # one file to copy
    return folder


@pytest.fixture
def db(base: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "r.db"
    shutil.copyfile(base / "base.db", copy)
    return copy


def _next_day_un(folder: Path) -> Path:
    """The same UN list dated a day later: a new version to import (the same bytes are a no-op)."""
    path = folder / "consolidated_2026-02-28.xml"
    text = UN_2026.path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('dateGenerated="2026-02-27', 'dateGenerated="2026-02-28', 1), encoding="utf-8"
    )
    return path


def _uk_documents(path: Path) -> list[bytes]:
    """The UK file split before each ``---`` line (the header comment is the first part)."""
    parts = path.read_bytes().split(b"\n---\n")
    return [parts[0] + b"\n", *(b"---\n" + p + b"\n" for p in parts[1:-1]), b"---\n" + parts[-1]]


def test_uk_yaml_cut_at_a_document_boundary(tmp_path: Path) -> None:
    """Cut between documents, the file is well-formed and ends with a line break: only the share
    of entries it drops gives it away. Refused, nothing written; accepted when said to be real."""
    documents = _uk_documents(UK_2026.path)
    kept = documents[: len(documents) * 3 // 4]
    cut = tmp_path / "uk_2026-08-23.yaml"
    cut.write_bytes(b"".join(kept))
    db = tmp_path / "uk.db"
    ok(cli("import", "uk", str(UK_2026.path), db=db))
    before = state(db)
    entries = len(documents) - 1  # the first part is the header comment
    removed = entries - (len(kept) - 1)
    line = refused(cli("import", "uk", str(cut), db=db))
    assert f"would remove {removed:,} of the previous version's {entries:,} entries" in line
    assert state(db) == before
    accepted = ok(cli("import", "uk", str(cut), "--allow-mass-removal", db=db))
    assert f"{removed:,} removed" in accepted


# A realistic change to each table an answer reads, and the table verify must name.
TABLE_CHANGES = {
    "act_entities": (
        "UPDATE act_entities SET entity_id = 'hamas' WHERE entity_id = 'taliban' "
        "AND seq = (SELECT min(seq) FROM act_entities WHERE entity_id = 'taliban')",
        "act_entities",
    ),
    "entity_names": ("UPDATE entity_names SET entity_id = 'hamas' WHERE key = 'taliban'", "entity_names"),
    "entity_links": ("DELETE FROM entity_links WHERE entity_id = 'al-nusrah-front'", "entity_links"),
    "list_subjects": (
        "UPDATE list_subjects SET entity_id = 'hamas' WHERE source = 'un' AND key = 'QDe.137'",
        "list_subjects",
    ),
    "list_entries": ("DELETE FROM list_entries WHERE key = 'QDe.137'", "list_entries"),
    "list_versions": ("UPDATE list_versions SET entry_count = entry_count - 1", "list_versions"),
    "screening_exclusions": (
        "UPDATE screening_exclusions SET entity_id = 'hamas' WHERE entity_id = 'taliban'",
        "screening_exclusions",
    ),
}


@pytest.mark.parametrize("table", list(TABLE_CHANGES))
def test_verify_detects_a_changed_table(db: Path, table: str) -> None:
    statement, named = TABLE_CHANGES[table]
    change(db, statement)
    result = cli("verify", db=db)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert named in result.stderr, result.stderr


def test_verify_against_a_checkpoint_finds_rewritten_and_cut_history(base: Path, db: Path) -> None:
    """Done thoroughly (hashes recomputed, the head moved, the stored checkpoints deleted), neither
    change is visible to plain verify; the checkpoint kept elsewhere finds both."""
    checkpoint, key = str(base / "cp.json"), str(base / "public.pem")
    for attack, expected in ((_rewrite_taliban_act, "rewritten"), (lambda r: _cut_tail(r, 2), "cut")):
        shutil.copyfile(base / "base.db", db)
        registry = Registry(str(db))
        attack(registry)
        registry.db.dispose()
        change(db, "DELETE FROM checkpoints")
        ok(cli("verify", db=db))
        result = cli("verify", "--against", checkpoint, "--public-key", key, db=db)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert expected in result.stderr, result.stderr


def test_a_far_future_data_date_is_refused_and_blocks_nothing(tmp_path: Path) -> None:
    """A version dated 9999-12-31 stayed "the latest" and refused every later import as older."""
    db = tmp_path / "r.db"
    line = refused(cli("import", "un", str(UN_2026.path), "--data-date", "9999-12-31", db=db))
    assert "data date 9999-12-31 (--data-date) is in the future" in line
    ok(cli("import", "un", str(UN_2026.path), db=db))
    assert "Imported un list version" in ok(cli("import", "un", str(_next_day_un(tmp_path)), db=db))
    assert len(state(db)[1]) == 2


def _act_file(folder: Path, decided: str) -> Path:
    path = folder / f"act-{decided}.yaml"
    path.write_text(
        "acts:\n- id: ru-test-dates\n  jurisdiction: RU\n  action: designated\n  entities: [taliban]\n"
        f"  list: ru-federal-terrorist-list\n  authority: Supreme Court\n  decided: '{decided}'\n"
        "  sources:\n  - url: https://example.org/ruling\n    retrieved: '2026-06-02'\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_implausible_act_dates_are_refused_by_record(db: Path, tmp_path: Path, day: str) -> None:
    before = state(db)
    line = refused(cli("record", str(_act_file(tmp_path, day)), db=db))
    assert f"decided: {day} is outside the plausible range 1945-01-01" in line
    assert state(db) == before


@pytest.mark.parametrize(
    ("statement", "command"),
    [
        ("DELETE FROM journal_head", "record"),
        ("UPDATE journal_head SET seq = seq - 1", "record"),
        ("DELETE FROM ledger_head", "record"),
        ("DELETE FROM ledger_head", "import"),
        ("DELETE FROM ledger_head", "screen-exclude"),
    ],
)
def test_a_damaged_chain_head_refuses_later_writes(
    db: Path, tmp_path: Path, statement: str, command: str
) -> None:
    """An emptied or reset head made the next append collide with a stored row (a traceback)."""
    change(db, statement)
    before = state(db)
    args = {
        "record": ["record", str(_act_file(tmp_path, "2003-02-14"))],
        "import": ["import", "un", str(_next_day_un(tmp_path))],
        "screen-exclude": ["screen-exclude", "Al Qaida", "al-qaida", "--reason", "r", "--author", "a"],
    }[command]
    line = refused(cli(*args, db=db))
    head = statement.split()[-1] if statement.startswith("DELETE") else "journal_head"
    assert f"error: {head} " in line and "changed outside proscribe; nothing was written" in line
    assert state(db) == before


def test_a_damaged_membership_is_a_one_line_error(db: Path, tmp_path: Path) -> None:
    """The next import, a diff and verify read a version's membership; a damaged one was a zlib
    traceback in each."""
    change(db, "UPDATE list_versions SET membership = substr(membership, 1, 20)")
    before = state(db)
    line = refused(cli("import", "un", str(_next_day_un(tmp_path)), db=db))
    assert "its stored membership is not zlib-compressed data" in line
    assert state(db) == before
    line = refused(cli("diff", "un", "--from", "2026-02-27", "--to", "2026-02-27", db=db))
    assert "its stored membership" in line
    found = cli("verify", db=db)
    assert found.returncode == 1 and "Traceback" not in found.stderr
    assert "list_versions" in found.stderr and "membership is not zlib-compressed data" in found.stderr
