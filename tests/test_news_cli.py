# ruff: noqa: RUF001  -- Russian text and typographic quotes are real article text.
"""`proscribe news` as a subprocess: the JSON-lines contract, conflicts, review, and one-line errors."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

PROSCRIBE = Path(sys.executable).with_name("proscribe")
DEV = Path(__file__).parent / "data" / "news" / "dev"
SHARED_A = DEV / "2024-12-17_ru_duma_taliban_bill_a.txt"
SHARED_B = DEV / "2024-12-17_ru_duma_taliban_bill_b.txt"
FIELDS = [
    "file", "jurisdiction", "organisation", "entity_id", "action", "effective_date", "announced_date",
    "date_precision", "evidence_quote", "primary", "confidence", "date_basis",
]  # fmt: skip


def run(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [str(PROSCRIBE), *args],
        input=stdin,
        capture_output=True,
        env={"COLUMNS": "120", "PATH": "/usr/bin:/bin"},
        cwd=cwd,
    )


def jsonl(result: subprocess.CompletedProcess[bytes]) -> list[dict[str, object]]:
    assert result.returncode == 0, result.stderr.decode()
    return [json.loads(line) for line in result.stdout.decode().splitlines()]


def test_extract_prints_the_contract_fields(tmp_path: Path) -> None:
    rows = jsonl(
        run("news", "extract", str(SHARED_A), str(SHARED_B), "--published", "2024-12-17", cwd=tmp_path)
    )
    assert all(list(row) == FIELDS for row in rows)
    bill = [r for r in rows if r["action"] == "bill_passed" and r["file"] == str(SHARED_A)]
    assert bill[0]["effective_date"] == "2024-12-17" and bill[0]["primary"] is True
    review = [r for r in rows if r["action"] == "review_due"]
    assert review[0]["effective_date"] == "2024-12-20"
    assert not (tmp_path / "proscribe.db").exists()  # reading news writes nothing


def test_extract_reads_folders_and_stdin(tmp_path: Path) -> None:
    folder = jsonl(run("news", "extract", str(DEV), cwd=tmp_path))
    assert len({row["file"] for row in folder}) >= 35
    piped = jsonl(
        run("news", "extract", "-", "--published", "2024-12-17", stdin=SHARED_B.read_bytes(), cwd=tmp_path)
    )
    assert {(r["jurisdiction"], r["action"]) for r in piped} >= {("RU", "bill_passed"), ("KZ", "delisted")}
    assert all(r["file"] == "<stdin>" for r in piped)


def test_conflicts_report_the_kazakhstan_readings(tmp_path: Path) -> None:
    rows = jsonl(
        run("news", "conflicts", str(SHARED_A), str(SHARED_B), "--published", "2024-12-17", cwd=tmp_path)
    )
    assert rows == [
        {
            "organisation": "taliban",
            "jurisdiction": "KZ",
            "field": "effective_date",
            "values": ["2024", "2023"],
            "files": [str(SHARED_A), str(SHARED_B)],
        }
    ]


def test_conflicts_with_the_registry(tmp_path: Path) -> None:
    db = tmp_path / "registry.db"
    assert run("load", "--db", str(db)).returncode == 0
    article = tmp_path / "claim.txt"
    article.write_text(
        "Russia’s Supreme Court banned the Taliban in 2010, the court said.\n", encoding="utf-8"
    )
    rows = jsonl(run("news", "conflicts", str(article), "--published", "2024-01-10", "--db", str(db)))
    assert rows == [
        {
            "organisation": "taliban",
            "jurisdiction": "RU",
            "field": "effective_date",
            # The FSB list's in-force date corrects the earlier "March 2003" record, which no longer counts.
            "values": ["2010", "2003-03-04"],
            "files": [str(article), "registry:ru-2003-02-14-taliban-designated-in-force-2003-03-04"],
        }
    ]


def test_review_flow_through_the_cli(tmp_path: Path) -> None:
    db = tmp_path / "registry.db"
    assert run("load", "--db", str(db)).returncode == 0
    added = run(
        "news", "review", "add", str(DEV / "2025-12-05_ca_hts_removed_globalnews.txt"), "--db", str(db)
    )
    assert added.returncode == 0, added.stderr.decode()
    pending = jsonl(run("news", "review", "list", "--format", "jsonl", "--db", str(db)))
    assert len(pending) == 1 and pending[0]["status"] == "pending"
    event_id = str(pending[0]["id"])

    bad = run("news", "review", "edit", event_id, "--set", "jurisdiction=XX", "--db", str(db))
    assert bad.returncode == 1
    assert (
        bad.stderr.decode()
        == f"error: {event_id}.jurisdiction: unknown jurisdiction 'XX' (use an ISO 3166-1 alpha-2 code, UN or EU)\n"
    )
    accepted = run("news", "review", "accept", event_id, "--reviewer", "alice", "--db", str(db))
    assert accepted.returncode == 0, accepted.stderr.decode()
    with sqlite3.connect(db) as conn:
        (body,) = conn.execute("select body from acts where act_id like 'news-%'").fetchone()
    act = json.loads(body)
    assert act["sources"][0]["url"].startswith("https://globalnews.ca/")
    assert "Ottawa has also removed Hayat Tahrir al-Sham" in act["sources"][0]["note"]
    assert run("verify", "--db", str(db)).returncode == 0


def test_bad_input_gives_one_line_errors_and_writes_nothing(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes(b"Das Ministerium hat den Verein am Mittwoch verboten. Gr\xfc\xdfe\n")
    result = run("news", "extract", str(latin1), "--published", "2025-11-05", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, b"")
    assert result.stderr.decode() == f"error: {latin1}: not UTF-8 text (byte 55)\n"

    empty = Path(__file__).parent / "data" / "news" / "html" / "empty.html"
    result = run("news", "extract", str(SHARED_A), str(empty), "--published", "2024-12-17", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (1, b"")  # nothing printed for the good file either
    assert result.stderr.decode() == f"error: {empty}: malformed HTML: no article text found\n"

    result = run("news", "extract", str(SHARED_A), "--published", "2024-13-01", cwd=tmp_path)
    assert result.returncode == 1 and result.stderr.decode().startswith("error: --published: ")

    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"x" * (5 * 1024 * 1024 + 10))
    result = run(
        "news", "review", "add", str(huge), "--published", "2024-01-01", "--db", str(tmp_path / "r.db")
    )
    assert result.returncode == 1 and "huge.txt: file is 5,242,890 bytes" in result.stderr.decode()
    assert not (tmp_path / "r.db").exists()
    assert not (tmp_path / "proscribe.db").exists()


def test_watch_a_folder_twice_queues_each_article_once(tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    for name in ("2025-12-05_ca_hts_removed_globalnews.txt", "2024-09-06_kg_taliban_kun.txt"):
        (folder / name).write_bytes((DEV / name).read_bytes())
    (folder / "index.jsonl").write_bytes((DEV / "index.jsonl").read_bytes())
    db = str(tmp_path / "watch.db")
    first = run("news", "watch", str(folder), "--format", "jsonl", "--db", db)
    assert first.returncode == 0, first.stderr
    rows = [json.loads(line) for line in first.stdout.splitlines()]
    assert "CA" in {row["jurisdiction"] for row in rows} and all(row["url"] for row in rows)
    second = run("news", "watch", str(folder), "--db", db)
    out = second.stdout.decode()
    assert second.returncode == 0 and "0 queued" in out and "2 already seen" in out
    acts = run("changes", "--since", "2000-01-01", "--db", db)
    assert acts.stdout.decode().startswith("0 acts recorded")  # queued for review, nothing in the journal
    missing = run("news", "watch", "--db", db)
    assert missing.returncode == 1 and missing.stderr.decode().startswith("error: FEED_OR_DIR: give a feed")
