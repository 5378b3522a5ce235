"""Entity page benchmark: /entity/taliban and /entity/hayat-tahrir-al-sham over real imported lists.

Target (issue 17): p95 < 300 ms per page on a registry with the bundled acts, the UN consolidated
list of 2026-02-27 and the OFAC SDN list of 2024-05-03 (``--all-lists`` adds the UK, Australian,
Canadian and EU lists of ../shared/data, about 2.5 more minutes of imports). Pages are asked
through the ASGI app in process (FastAPI's TestClient), so the figure is the server's work:
statuses, freshness, history, timeline and SVG, and the template.

    python benchmarks/entity_page.py                     # build a registry in a temp dir, 20 runs
    python benchmarks/entity_page.py --db /tmp/bench.db  # build once, reuse on later runs
    python benchmarks/entity_page.py --all-lists --runs 50
"""

from __future__ import annotations

import argparse
import platform
import statistics
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
LISTS = [
    ("un", DATA / "un_sc_consolidated" / "consolidated_2026-02-27.xml"),
    ("ofac", DATA / "ofac_sdn" / "sdn_2024-05-03.csv"),
]
OTHER_LISTS = [
    ("uk", DATA / "uk" / "ammitto_uk_sanctions_list_2026-08-22.yaml"),
    ("au", DATA / "au" / "ammitto_au_dfat_consolidated.yaml"),
    ("ca", DATA / "ca" / "ammitto_ca_sema_autonomous.yaml"),
    ("eu", DATA / "eu" / "ammitto_eu_fsf_entities.yaml"),
]
PAGES = ["/entity/taliban", "/entity/hayat-tahrir-al-sham"]
TARGET_P95_MS = 300.0


def build(path: Path, all_lists: bool) -> None:
    from proscribe import Registry
    from proscribe.lists.sources import import_source

    registry = Registry(str(path))
    registry.load_bundled()
    for source, file in LISTS + (OTHER_LISTS if all_lists else []):
        started = time.perf_counter()
        import_source(registry, source, [file])
        print(f"  imported {source} {file.name} in {time.perf_counter() - started:.1f} s")
    registry.db.dispose()


def measure(path: Path, runs: int) -> dict[str, list[float]]:
    from fastapi.testclient import TestClient

    from proscribe import Registry
    from proscribe.api.app import create_app
    from proscribe.api.limits import Limits

    client = TestClient(create_app(Registry(str(path)), Limits(rate_per_minute=10**9, public_read=True)))
    timings: dict[str, list[float]] = {page: [] for page in PAGES}
    for page in PAGES:
        client.get(page)  # warm caches and the template
        for _ in range(runs):
            started = time.perf_counter()
            answer = client.get(page)
            timings[page].append((time.perf_counter() - started) * 1000)
            assert answer.status_code == 200, answer.text[:200]
    return timings


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, help="SQLite file to build (if absent) and measure")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--all-lists", action="store_true", help="also import the UK, AU, CA and EU lists")
    args = parser.parse_args()
    missing = [str(f) for _, f in LISTS + (OTHER_LISTS if args.all_lists else []) if not f.exists()]
    if missing:
        raise SystemExit(f"list files not found (../shared/data is needed): {', '.join(missing)}")
    print(f"{platform.python_implementation()} {platform.python_version()} on {platform.machine()}")
    with tempfile.TemporaryDirectory() as folder:
        path = args.db or Path(folder) / "bench.db"
        if not path.exists():
            print(f"building {path}")
            build(path, args.all_lists)
        timings = measure(path, args.runs)
    worst = 0.0
    for page, values in timings.items():
        worst = max(worst, p95(values))
        print(
            f"{page}: p50 {statistics.median(values):.0f} ms, p95 {p95(values):.0f} ms, "
            f"max {max(values):.0f} ms ({len(values)} runs)"
        )
    print(f"target p95 < {TARGET_P95_MS:.0f} ms: {'met' if worst < TARGET_P95_MS else 'NOT met'}")


if __name__ == "__main__":
    main()
