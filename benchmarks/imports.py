"""Import benchmark: real official lists into a fresh SQLite registry.

Targets (issue "official lists"): UN consolidated XML <= 3 s; OFAC SDN 2024
with aliases <= 5 s; the full 308-version OFAC history <= 5 min with peak
memory <= 1 GiB. Each measurement runs in a fresh child process, so its peak
memory (ru_maxrss) is its own.

    python benchmarks/imports.py                 # all three
    python benchmarks/imports.py --only un
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import platform
import resource
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
UN = DATA / "un_sc_consolidated" / "consolidated_2026-02-27.xml"
OFAC = DATA / "ofac_sdn" / "sdn_2024-05-03.csv"
HISTORY = DATA / "ofac_sdn" / "jackdwyer_sdn_history_2021-08-18_to_2024-05-03.tar.xz"
TARGETS = {"un": (3.0, None), "ofac": (5.0, None), "ofac-history": (300.0, 1024.0)}


def _measure(job: str, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    from proscribe import Registry
    from proscribe.lists.history import replay
    from proscribe.lists.importer import import_list
    from proscribe.sources import ofac, un

    with tempfile.TemporaryDirectory() as folder:
        registry = Registry(str(Path(folder) / "bench.db"))
        registry.load_bundled()
        started = time.perf_counter()
        if job == "un":
            result = import_list(registry, un.parse([UN]))
            detail = f"{result.entries:,} entries, {result.acts_added:,} acts"
        elif job == "ofac":
            result = import_list(registry, ofac.parse([OFAC]))
            detail = f"{result.entries:,} entries, {result.acts_added:,} acts"
        else:
            results = replay(registry, HISTORY)
            totals: dict[str, int] = {}
            for one in results[1:]:
                for kind, count in one.changes.items():
                    totals[kind] = totals.get(kind, 0) + count
            detail = f"{len(results)} versions, " + ", ".join(f"{v:,} {k}" for k, v in totals.items() if v)
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put({"job": job, "seconds": seconds, "peak_mib": peak, "detail": detail})


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--only", choices=sorted(TARGETS))
    args = parser.parse_args()
    print(
        f"proscribe import benchmark — {time.strftime('%Y-%m-%d %H:%M')} UTC, {platform.machine()}, "
        f"Python {platform.python_version()}, SQLite file"
    )
    context = multiprocessing.get_context("spawn")
    for job in [args.only] if args.only else list(TARGETS):
        queue: multiprocessing.Queue = context.Queue()  # type: ignore[type-arg]
        child = context.Process(target=_measure, args=(job, queue))
        child.start()
        figures = queue.get()
        child.join()
        limit_s, limit_mib = TARGETS[job]
        verdict = (
            "met"
            if figures["seconds"] <= limit_s and (limit_mib is None or figures["peak_mib"] <= limit_mib)
            else "NOT MET"
        )
        target = f"<= {limit_s:g} s" + (f", <= {limit_mib:g} MiB" if limit_mib else "")
        print(
            f"{job:<13} {figures['seconds']:7.2f} s  peak {figures['peak_mib']:6.0f} MiB  "
            f"(target {target}: {verdict})  {figures['detail']}",
            flush=True,
        )
        print(json.dumps(figures), flush=True)


if __name__ == "__main__":
    main()
