"""Registry benchmark: bulk append, status_as_of latency, full-chain verify, on SQLite and PostgreSQL.

Targets (issue "registry core"): append 1,000,000 synthetic acts over 100,000
entities at >= 50,000 acts/s; ``status_as_of`` p95 <= 1 ms on that database;
``verify`` of the full chain <= 15 s; the same figures on PostgreSQL.

    python benchmarks/registry.py                      # both backends, full size
    python benchmarks/registry.py --acts 100000 --entities 10000 --backend sqlite

Synthetic acts are built from the shapes of the curated ones (designations,
amendments, suspensions, delistings, partial dates, disputed readings) with a
fixed random seed, so runs are comparable. Acts are appended in transactions
of ``--batch`` acts, as a bulk import would.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from proscribe import Registry
from proscribe.model import Act, Entity, Name, Source
from proscribe.store.tempserver import TemporaryPostgres

JURISDICTIONS = ["RU", "KZ", "KG", "US", "GB", "EU", "CA", "UN"]
SOURCE = Source(url="https://example.org/benchmark/gazette", retrieved=dt.date(2026, 11, 22))
# A bulk-load configuration any PostgreSQL operator would use (defaults are sized for tiny
# machines: 128 MB of buffers, a checkpoint every 1 GB of WAL). fsync stays on.
POSTGRES_SETTINGS = {"shared_buffers": "1GB", "max_wal_size": "4GB"}
LIFECYCLE = ["designated", "amended", "suspended", "reinstated", "amended", "delisted"]


def synthetic_entities(count: int) -> list[Entity]:
    return [
        Entity(id=f"org-{i:06d}", names=[Name(value=f"Organisation {i}", type="primary")])
        for i in range(count)
    ]


def synthetic_acts(entities: int, total: int, seed: int = 7) -> Iterator[Act]:
    """``total`` acts, spread evenly over ``entities``; each listing follows a plausible lifecycle."""
    rng = random.Random(seed)
    per_entity = max(1, total // entities)
    made = 0
    for index in range(entities):
        entity = f"org-{index:06d}"
        day = dt.date(1995, 1, 1) + dt.timedelta(days=rng.randrange(8000))
        for step in range(per_entity):
            if made >= total:
                return
            jurisdiction = JURISDICTIONS[(index + step // len(LIFECYCLE)) % len(JURISDICTIONS)]
            action = LIFECYCLE[step % len(LIFECYCLE)]
            day += dt.timedelta(days=rng.randrange(1, 400))
            precision = rng.random()
            decided = day.isoformat() if precision < 0.8 else day.isoformat()[:7]
            yield Act.model_validate(
                {
                    "id": f"{entity}-{step:03d}",
                    "jurisdiction": jurisdiction,
                    "action": action,
                    "entities": [entity],
                    "list": f"{jurisdiction.lower()}-list",
                    "decided": decided,
                    "published": (day + dt.timedelta(days=rng.randrange(0, 30))).isoformat(),
                    "authority": "Synthetic authority",
                    "sources": [SOURCE],
                    "confidence": "disputed" if rng.random() < 0.02 else "confirmed",
                }
            )
            made += 1


def batches(acts: Iterator[Act], size: int) -> Iterator[list[Act]]:
    batch: list[Act] = []
    for one in acts:
        batch.append(one)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(url: str, label: str, acts: int, entities: int, batch: int, queries: int) -> dict[str, float]:
    registry = Registry(url)
    registry.record(synthetic_entities(entities), [])
    # Build the acts before timing: the figure is the journal's append rate, not the generator's.
    prepared = list(batches(synthetic_acts(entities, acts), batch))
    started = time.perf_counter()
    for chunk in prepared:
        registry.journal.append(chunk)
    append_seconds = time.perf_counter() - started
    del prepared

    rng = random.Random(11)
    latencies = []
    for _ in range(queries):
        entity = f"org-{rng.randrange(entities):06d}"
        jurisdiction = rng.choice(JURISDICTIONS)
        valid_at = dt.date(1995, 1, 1) + dt.timedelta(days=rng.randrange(12000))
        begun = time.perf_counter()
        registry.status_as_of(entity, jurisdiction, valid_at)
        latencies.append(time.perf_counter() - begun)
    latencies.sort()

    started = time.perf_counter()
    report = registry.journal.verify()
    verify_seconds = time.perf_counter() - started
    assert report.ok and report.acts_checked == acts, report
    registry.db.dispose()
    figures = {
        "append_acts_per_s": acts / append_seconds,
        "append_s": append_seconds,
        "status_p50_ms": statistics.median(latencies) * 1000,
        "status_p95_ms": latencies[int(0.95 * len(latencies)) - 1] * 1000,
        "status_p99_ms": latencies[int(0.99 * len(latencies)) - 1] * 1000,
        "verify_s": verify_seconds,
    }
    print(
        f"{label:<11} append {figures['append_acts_per_s']:>9,.0f} acts/s ({append_seconds:.1f} s)  "
        f"status p50 {figures['status_p50_ms']:.3f} ms  p95 {figures['status_p95_ms']:.3f} ms  "
        f"p99 {figures['status_p99_ms']:.3f} ms  verify {verify_seconds:.1f} s",
        flush=True,
    )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--acts", type=int, default=1_000_000)
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=2_000)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    args = parser.parse_args()
    print(
        f"proscribe registry benchmark — {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, "
        f"{platform.processor() or platform.machine()}, Python {platform.python_version()}"
    )
    print(
        f"{args.acts:,} acts over {args.entities:,} entities, batches of {args.batch:,}, "
        f"{args.queries:,} status queries"
    )
    results: dict[str, dict[str, float]] = {}
    if args.backend in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as folder:
            results["sqlite"] = run(
                str(Path(folder) / "bench.db"), "SQLite", args.acts, args.entities, args.batch, args.queries
            )
    if args.backend in ("postgresql", "both"):
        with TemporaryPostgres(durable=True, settings=POSTGRES_SETTINGS) as server:
            results["postgresql"] = run(
                server.create_database(), "PostgreSQL", args.acts, args.entities, args.batch, args.queries
            )
    targets = {"append_acts_per_s": (50_000, ">="), "status_p95_ms": (1.0, "<="), "verify_s": (15.0, "<=")}
    for backend, figures in results.items():
        for key, (target, sense) in targets.items():
            met = figures[key] >= target if sense == ">=" else figures[key] <= target
            print(
                f"  {backend:<11} {key:<18} {figures[key]:>12,.3f}  target {sense} {target:,}  "
                f"{'met' if met else 'NOT MET'}"
            )


if __name__ == "__main__":
    main()
