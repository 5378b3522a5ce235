"""Signed checkpoints (issue 14): rewritten and cut history is found against them; bundles check offline."""

from __future__ import annotations

import base64
import gzip
import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest
import sqlalchemy as sa

from factories import act
from proscribe import InputError, Registry
from proscribe.canonical import chain_hash
from proscribe.checkpoint import (
    Checkpoint,
    export_bundle,
    key_path,
    make_checkpoint,
    public_key_pem,
    read_public_key,
    stored_checkpoints,
    verify_against,
    verify_bundle,
)
from proscribe.store import tables as t


@pytest.fixture
def keyed(registry: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Registry:
    """A bundled registry on each backend, its signing key in a private folder."""
    monkeypatch.setenv("PROSCRIBE_KEY_DIR", str(tmp_path / "keys"))
    registry.load_bundled()
    return registry


def _rechain_from(conn: sa.Connection, first: int) -> None:
    """What an attacker with write access does: recompute every hash from ``first`` and move the head."""
    rows = conn.execute(
        sa.select(t.acts.c.seq, t.acts.c.body, t.acts.c.prev_hash)
        .where(t.acts.c.seq >= first)
        .order_by(t.acts.c.seq)
    ).all()
    prev = rows[0].prev_hash
    for row in rows:
        digest = chain_hash(prev, row.body)
        conn.execute(t.acts.update().where(t.acts.c.seq == row.seq).values(prev_hash=prev, hash=digest))
        prev = digest
    conn.execute(t.journal_head.update().values(hash=prev))


def _rewrite_taliban_act(registry: Registry) -> None:
    """Move the effective date of the first Taliban act and recompute the chain after it."""
    with registry.db.engine.begin() as conn:
        seq = conn.execute(
            sa.select(sa.func.min(t.act_entities.c.seq)).where(t.act_entities.c.entity_id == "taliban")
        ).scalar_one()
        body = conn.execute(sa.select(t.acts.c.body).where(t.acts.c.seq == seq)).scalar_one()
        data = orjson.loads(body)
        data["effective"] = "1990-01-01"
        conn.execute(
            t.acts.update()
            .where(t.acts.c.seq == seq)
            .values(body=orjson.dumps(data, option=orjson.OPT_SORT_KEYS).decode())
        )
        _rechain_from(conn, seq)


def _cut_tail(registry: Registry, count: int) -> None:
    """Delete the last ``count`` acts and their index rows, and set the head to the act before them."""
    with registry.db.engine.begin() as conn:
        last = conn.execute(sa.select(sa.func.max(t.acts.c.seq))).scalar_one()
        keep = last - count
        conn.execute(t.act_entities.delete().where(t.act_entities.c.seq > keep))
        conn.execute(t.acts.delete().where(t.acts.c.seq > keep))
        head = conn.execute(sa.select(t.acts.c.hash).where(t.acts.c.seq == keep)).scalar_one()
        conn.execute(t.journal_head.update().values(seq=keep, hash=head))


def test_a_checkpoint_signs_both_heads_and_verifies_against_the_database(keyed: Registry) -> None:
    signed = make_checkpoint(keyed.db)
    assert signed.journal_seq == keyed.journal.count() > 0
    assert signed.ledger_seq == len(keyed.entities.all())
    assert signed.signature_problem(None) is None
    assert [c.payload for c in stored_checkpoints(keyed.db)] == [signed.payload]
    report = verify_against(keyed.db, signed)
    assert report.ok, report.problems
    assert report.key_checked == "this install's key"
    assert (report.acts_since, report.ledger_since) == (0, {})


def test_the_key_is_made_once_readable_by_its_owner_only(keyed: Registry) -> None:
    pem = public_key_pem(keyed.db)
    path = key_path(keyed.db)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert public_key_pem(keyed.db) == pem
    signed = make_checkpoint(keyed.db)
    assert base64.b64decode(signed.public_key) == read_public_key(pem)


def test_a_key_others_can_read_is_refused(keyed: Registry) -> None:
    public_key_pem(keyed.db)
    os.chmod(key_path(keyed.db), 0o644)
    with pytest.raises(InputError, match="chmod 600"):
        make_checkpoint(keyed.db)


def test_the_key_lives_beside_a_sqlite_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROSCRIBE_KEY_DIR", raising=False)
    registry = Registry(str(tmp_path / "r.db"))
    assert key_path(registry.db) == (tmp_path / "r.db.signing-key.pem").resolve()
    registry.db.dispose()


def test_acts_added_after_a_checkpoint_are_reported_not_refused(keyed: Registry) -> None:
    signed = make_checkpoint(keyed.db)
    later = act("test-after-checkpoint", "designated", entity="hamas", effective="2026-01-01")
    keyed.record(acts=[later])
    report = verify_against(keyed.db, signed)
    assert report.ok, report.problems
    assert report.acts_since == 1


def test_a_rewritten_chain_passes_plain_verify_but_not_the_checkpoint(keyed: Registry) -> None:
    signed = make_checkpoint(keyed.db)
    _rewrite_taliban_act(keyed)
    assert keyed.journal.verify().ok  # the hashes were recomputed: the chain alone cannot tell
    report = verify_against(keyed.db, signed)
    assert not report.ok
    assert any("history was rewritten" in p for p in report.problems), report.problems
    # The stored copy of the checkpoint notices too (a weak check: it lives in the same database).
    assert not keyed.verify().ok


def test_a_cut_tail_passes_plain_verify_but_not_the_checkpoint(keyed: Registry) -> None:
    signed = make_checkpoint(keyed.db)
    _cut_tail(keyed, 3)
    assert keyed.journal.verify().ok
    report = verify_against(keyed.db, signed)
    assert not report.ok
    assert any("its tail was cut" in p for p in report.problems), report.problems


def test_a_rewritten_ledger_is_found_against_the_checkpoint(keyed: Registry) -> None:
    """An entity changed and its ledger row and chain recomputed: verify passes, the checkpoint does not."""
    from proscribe import ledger

    signed = make_checkpoint(keyed.db)
    with keyed.db.engine.begin() as conn:
        conn.execute(
            t.entities.update().where(t.entities.c.id == "hamas").values(recorded_at="2000-01-01T00:00:00")
        )
        row = conn.execute(sa.select(t.entities).where(t.entities.c.id == "hamas")).mappings().one()
        digest = ledger.entity_item(row).digest
        conn.execute(t.ledger.update().where(t.ledger.c.ref == "hamas").values(digest=digest))
        rows = conn.execute(sa.select(t.ledger).order_by(t.ledger.c.seq)).mappings().all()
        prev = rows[0]["prev_hash"]
        for entry in rows:
            item = ledger.LedgerItem(entry["kind"], entry["ref"], entry["digest"])
            new = chain_hash(prev, ledger.row_body(entry["seq"], item))
            conn.execute(
                t.ledger.update().where(t.ledger.c.seq == entry["seq"]).values(prev_hash=prev, hash=new)
            )
            prev = new
        conn.execute(t.ledger_head.update().values(hash=prev))
        conn.execute(t.checkpoints.delete())  # a careful attacker removes the stored copy too
    assert keyed.verify().ok
    report = verify_against(keyed.db, signed)
    assert any("the ledger row" in p and "rewritten" in p for p in report.problems), report.problems


def test_a_checkpoint_signed_by_another_key_is_refused_when_the_key_is_pinned(
    keyed: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = read_public_key(public_key_pem(keyed.db))
    monkeypatch.setenv("PROSCRIBE_KEY_DIR", str(tmp_path / "other-keys"))
    forged = make_checkpoint(keyed.db)
    report = verify_against(keyed.db, forged, mine)
    assert any("not by the expected key" in p for p in report.problems)


def test_an_edited_checkpoint_file_fails_its_signature(keyed: Registry, tmp_path: Path) -> None:
    signed = make_checkpoint(keyed.db)
    path = tmp_path / "cp.json"
    signed.write(path)
    data = json.loads(path.read_text())
    data["payload"] = data["payload"].replace(
        f'"seq":{signed.journal_seq}', f'"seq":{signed.journal_seq - 5}'
    )
    path.write_text(json.dumps(data))
    edited = Checkpoint.read(path)
    assert edited.journal_seq == signed.journal_seq - 5
    assert "signature does not match" in str(edited.signature_problem(None))


def test_a_tampered_database_is_not_signed(keyed: Registry) -> None:
    with keyed.db.engine.begin() as conn:
        conn.execute(
            t.entity_names.update().where(t.entity_names.c.key == "taliban").values(entity_id="hamas")
        )
    with pytest.raises(InputError, match="refusing to sign"):
        make_checkpoint(keyed.db)


# -- bundles --------------------------------------------------------------------------------------


def test_a_bundle_verifies_offline_with_the_pinned_key(keyed: Registry, tmp_path: Path) -> None:
    pinned = read_public_key(public_key_pem(keyed.db))
    summary = export_bundle(keyed.db, tmp_path / "bundle.jsonl.gz")
    assert summary.acts == keyed.journal.count()
    with gzip.open(summary.path, "rt") as handle:
        assert sum(1 for _ in handle) == 1 + summary.acts + summary.ledger_rows
    report = verify_bundle(summary.path, pinned)
    assert report.ok, report.problems
    assert (report.acts, report.key_checked) == (summary.acts, "pinned")


def _bundle_lines(path: Path) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def _write_lines(path: Path, lines: list[dict[str, Any]]) -> None:
    path.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))


def test_a_bundle_with_a_rewritten_chain_fails(keyed: Registry, tmp_path: Path) -> None:
    path = export_bundle(keyed.db, tmp_path / "bundle.jsonl").path
    lines = _bundle_lines(path)
    acts = [line for line in lines if "act" in line]
    prev: str | None = None
    for number, line in enumerate(acts):
        seq, body, prev_hash, _ = line["act"]
        if number == 3:
            data = orjson.loads(body)
            data["effective"] = "1990-01-01"
            body = orjson.dumps(data, option=orjson.OPT_SORT_KEYS).decode()
        prev_hash = prev if prev is not None else prev_hash
        digest = chain_hash(str(prev_hash), str(body))
        line["act"] = [seq, body, prev_hash, digest]
        prev = digest
    _write_lines(path, lines)
    report = verify_bundle(path)
    assert not report.ok
    assert any("the checkpoint signed" in p for p in report.problems), report.problems


def test_a_bundle_with_a_cut_tail_fails(keyed: Registry, tmp_path: Path) -> None:
    path = export_bundle(keyed.db, tmp_path / "bundle.jsonl").path
    lines = _bundle_lines(path)
    last_act = max(i for i, line in enumerate(lines) if "act" in line)
    _write_lines(path, lines[: last_act - 1] + lines[last_act + 1 :])
    report = verify_bundle(path)
    assert not report.ok
    assert any("journal has" in p for p in report.problems), report.problems


def test_a_bundle_re_signed_by_another_key_passes_only_unpinned(
    keyed: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = read_public_key(public_key_pem(keyed.db))
    monkeypatch.setenv("PROSCRIBE_KEY_DIR", str(tmp_path / "attacker-keys"))
    path = export_bundle(keyed.db, tmp_path / "bundle.jsonl").path
    unpinned = verify_bundle(path)
    assert unpinned.ok and unpinned.key_checked == "the key in the bundle only"
    assert not verify_bundle(path, mine).ok


# -- the commands ---------------------------------------------------------------------------------


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "proscribe", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "COLUMNS": "200"},
    )


def test_the_commands_sign_verify_and_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROSCRIBE_KEY_DIR", raising=False)
    db = str(tmp_path / "r.db")
    assert _cli("load", "--db", db, cwd=tmp_path).returncode == 0
    signed = _cli("checkpoint", "--db", db, "--out", "cp.json", cwd=tmp_path)
    assert signed.returncode == 0, signed.stderr
    assert "Signed checkpoint" in signed.stderr
    public = _cli("checkpoint", "--db", db, "--public-key", cwd=tmp_path)
    assert public.stdout.startswith("-----BEGIN PUBLIC KEY-----")
    (tmp_path / "r.pub").write_text(public.stdout)
    intact = _cli("verify", "--db", db, "--against", "cp.json", cwd=tmp_path)
    assert intact.returncode == 0, intact.stderr
    assert "Intact since the checkpoint" in intact.stdout
    bundle = _cli("export-bundle", "b.jsonl.gz", "--db", db, cwd=tmp_path)
    assert bundle.returncode == 0, bundle.stderr
    offline = _cli("verify-bundle", "b.jsonl.gz", "--public-key", "r.pub", "--json", cwd=tmp_path)
    assert offline.returncode == 0, offline.stderr
    assert json.loads(offline.stdout)["ok"] is True

    registry = Registry(db)
    _cut_tail(registry, 2)
    registry.db.dispose()
    cut = _cli("verify", "--db", db, "--against", "cp.json", cwd=tmp_path)
    assert cut.returncode == 1
    assert "its tail was cut" in cut.stderr
    plain = _cli("verify", "--db", db, cwd=tmp_path)
    assert plain.returncode == 1  # the stored checkpoint no longer holds
    assert "checkpoints" in plain.stderr
