"""The Spark engine gives exactly the local engine's results: 100,000 names, Spark in local mode."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from proscribe import Registry
from proscribe.lists.importer import import_list
from proscribe.screening import ScreeningIndex
from proscribe.screening.batch import screen_many
from proscribe.screening.spark import screen_on_spark, spark_session, synthetic_names
from proscribe.sources import un
from shared_data import pick

# The full UN list from ../shared/data, or its excerpt in tests/data/lists (tests/README.md).
UN_2026 = pick("un_sc_consolidated/consolidated_2026-02-27.xml")


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    reg = Registry(str(tmp_path_factory.mktemp("spark") / "spark.db"))
    reg.load_bundled()
    import_list(reg, un.parse([UN_2026.path]))
    yield reg
    reg.db.dispose()


@pytest.fixture(scope="module")
def session() -> Iterator[Any]:
    spark = spark_session("local[2]")
    yield spark
    spark.stop()


def test_spark_and_local_agree_on_100000_names(registry: Registry, session: Any) -> None:
    index = ScreeningIndex.from_registry(registry)
    seeds = [name.value for entity in index.entities for name in entity.names]
    names = synthetic_names(seeds, 100_000)
    assert len({n for _, n in names}) == 100_000
    day = dt.date(2026, 3, 1)
    local = list(screen_many(index, names, day))
    distributed = list(screen_on_spark(index, names, day, session=session, partitions=16))
    assert [r.number for r in distributed] == list(range(1, 100_001))
    assert distributed == local
    hits = sum(1 for r in local if r.matches)
    assert 5_000 < hits < 60_000  # the comparison covers many matches, not only empty rows


def test_screen_batch_command_on_spark(registry: Registry, tmp_path: Path) -> None:
    customers = tmp_path / "customers.csv"
    customers.write_text("id,name\n1,Taleban\n2,Acme Trading Ltd\n3,\n4,Hamas\n", encoding="utf-8")
    results = {}
    for engine in ("local", "spark"):
        out = tmp_path / f"{engine}.jsonl"
        command = [sys.executable, "-m", "proscribe", "screen-batch", "--input", str(customers), "--column", "name",
                   "--engine", engine, "--as-of", "2025-05-01", "--output", str(out), "--db", registry.db.url]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        said = " ".join(done.stderr.split())  # the console wraps long lines; Spark logs come first
        assert "Screened 4 names into " in said and f"with the {engine} engine in " in said
        results[engine] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert results["spark"] == results["local"]
    assert (
        results["local"][0]["matches"][0]["entity_id"] == "taliban"
        and results["local"][2]["error"] == "empty name"
    )
    bad = subprocess.run(
        [sys.executable, "-m", "proscribe", "screen-batch", "--input", str(customers), "--column", "name",
         "--engine", "dask", "--db", registry.db.url], capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert bad.returncode == 1 and bad.stderr == "error: --engine: unknown engine 'dask' (local or spark)\n"
