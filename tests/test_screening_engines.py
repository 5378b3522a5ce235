"""`proscribe screen --input ... --engine spark` gives the same rows as the local engine (Spark in local mode)."""

# ruff: noqa: RUF001 - the Cyrillic name is the point of the test
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from proscribe import Registry


def test_screen_command_spark_engine_matches_local(registry: Registry, tmp_path: Path) -> None:
    registry.load_bundled()
    customers = tmp_path / "customers.csv"
    customers.write_text(
        "id,name\n1,Taleban\n2,Acme Trading Ltd\n3,Hamas\n4,Джебхат ан-Нусра\n", encoding="utf-8"
    )
    results = {}
    for engine in ("local", "spark"):
        out = tmp_path / f"{engine}.jsonl"
        command = [sys.executable, "-m", "proscribe", "screen", "--input", str(customers), "--column", "name",
                   "--engine", engine, "--as-of", "2025-05-01", "--output", str(out), "--db", registry.db.url]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        results[engine] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert results["spark"] == results["local"]
    assert [row["query"] for row in results["local"]] == [
        "Taleban",
        "Acme Trading Ltd",
        "Hamas",
        "Джебхат ан-Нусра",
    ]
    assert results["local"][0]["matches"][0]["entity_id"] == "taliban"
    bad = subprocess.run(
        [sys.executable, "-m", "proscribe", "screen", "--input", str(customers), "--column", "name",
         "--engine", "dask", "--db", registry.db.url], capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert bad.returncode == 1 and "--engine: unknown engine 'dask' (local or spark)" in bad.stderr
