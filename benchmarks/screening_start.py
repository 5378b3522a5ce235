"""Start-up cost of `proscribe screen` in a fresh process, before and after the persisted index.

    python benchmarks/screening_start.py [--db /tmp/screen-full.db] [--runs 5]

Builds the full registry first when ``--db`` does not exist (bundled acts + UN 2026 + OFAC 2024 +
EU FSF + UK + AU + CA, the registry of ``benchmarks/screening_speed.py``), then times fresh
``proscribe screen "Hayat Tahrir al-Sham" --db ...`` processes (median of ``--runs``): with no
persisted index (each run deletes it, so each run builds and writes it), and with it in place
(cached). Also prints the time to load the persisted index alone, in this process. CPU seconds
(user + system) are printed beside wall-clock ones: on a shared machine they vary less.

The package's bytecode is compiled first (as an installed package's is): with
``PYTHONDONTWRITEBYTECODE`` set and no ``__pycache__``, every fresh process would otherwise compile
the package's modules from source (~0.05 s of CPU, more under load).
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import proscribe
from proscribe import Registry
from proscribe.lists.sources import import_source
from proscribe.screening.persisted import index_path, read_index
from proscribe.screening.screener import index_key

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
# (source, files, data date) in the order the full registry was built (docs/benchmarks.md).
FULL_REGISTRY: list[tuple[str, list[Path], str | None]] = [
    ("un", [DATA / "un_sc_consolidated" / "consolidated_2026-02-27.xml"], None),
    ("ofac", [DATA / "ofac_sdn" / "sdn_2024-05-03.csv"], None),
    ("eu", [DATA / "eu" / "ammitto_eu_fsf_entities.yaml"], "2026-02-25"),
    ("uk", [DATA / "uk" / "ammitto_uk_sanctions_list_2026-08-22.yaml"], None),
    ("au", [DATA / "au" / "ammitto_au_dfat_consolidated.yaml"], None),
    ("ca", [DATA / "ca" / "ammitto_ca_sema_autonomous.yaml"], None),
]
QUERY = "Hayat Tahrir al-Sham"


def build_full_registry(db: str) -> None:
    """The bundled acts plus every list of :data:`FULL_REGISTRY`, imported into ``db``."""
    import datetime as dt

    registry = Registry(db)
    registry.load_bundled()
    for name, paths, day in FULL_REGISTRY:
        started = time.perf_counter()
        import_source(registry, name, paths, dt.date.fromisoformat(day) if day else None)
        print(f"imported {name} in {time.perf_counter() - started:.1f} s", flush=True)


def fresh_screen(db: str) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one ``proscribe screen`` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "proscribe", "screen", QUERY, "--db", db, "--as-of", "2026-03-01"],
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "COLUMNS": "200"},
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _figures(label: str, runs: list[tuple[float, float]]) -> str:
    walls, cpus = [w for w, _ in runs], [c for _, c in runs]
    return (
        f"{label}: median {statistics.median(walls):.2f} s wall, {statistics.median(cpus):.2f} s CPU"
        f" (wall {', '.join(f'{w:.2f}' for w in walls)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default="/tmp/screen-full.db")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    compileall.compile_dir(Path(proscribe.__file__).parent, quiet=1)
    if not Path(args.db).exists():
        build_full_registry(args.db)
    registry = Registry(args.db)
    cache = index_path(registry.db)
    assert cache is not None
    cold: list[tuple[float, float]] = []
    for _ in range(args.runs):
        cache.unlink(missing_ok=True)
        cold.append(fresh_screen(args.db))
    warm = [fresh_screen(args.db) for _ in range(args.runs)]
    key = index_key(registry)
    started, cpu = time.perf_counter(), time.process_time()
    index = read_index(cache, key)
    load, load_cpu = time.perf_counter() - started, time.process_time() - cpu
    assert index is not None, f"no usable persisted index at {cache}"
    size = cache.stat().st_size / 2**20
    print(f"registry {args.db}: {len(index.entities):,} entities, {len(index.names):,} names")
    print(_figures("fresh `proscribe screen`, no persisted index (builds and saves it)", cold))
    print(_figures("fresh `proscribe screen`, persisted index", warm))
    print(f"loading the persisted index alone ({size:.0f} MiB): {load:.3f} s wall, {load_cpu:.3f} s CPU")
    started, cpu = time.perf_counter(), time.process_time()
    index.names.materialise()
    print(
        f"materialising it (as a batch or a server does): {time.perf_counter() - started:.2f} s wall,"
        f" {time.process_time() - cpu:.2f} s CPU"
    )


if __name__ == "__main__":
    main()
