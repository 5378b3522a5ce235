"""Load test of the HTTP service: concurrent clients on /api/screen and /api/entities/{id}/status.

A real ``proscribe serve`` process on a free loopback port, over a registry
with the curated data and the UN and OFAC lists, on SQLite or on a throw-away
PostgreSQL server (:class:`proscribe.store.tempserver.TemporaryPostgres`,
fsync on); N client threads (default 32) send requests for a fixed time
(default 60 s) over keep-alive connections, alternating a screen of a real
list name and a status query. Bounded in time, loopback only. Prints the
machine's load, then for each worker count (``--workers 1,2``: one server
after the other, over the same database) errors, throughput, latency
percentiles per route, and the resident memory of the server's processes at
the start and the end; and the throughput of each count against the first.

    python benchmarks/load.py                                  # SQLite, 1 worker, 32 clients x 60 s
    python benchmarks/load.py --backend postgresql --workers 1,2 --seconds 30
    python benchmarks/load.py --clients 8 --seconds 10
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from proscribe import Registry
from proscribe.api.auth import KeyStore
from proscribe.lists.importer import import_list
from proscribe.sources import ofac, un
from proscribe.store.tempserver import TemporaryPostgres

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
NAMES = [
    "Taliban",
    "Hayat Tahrir al-Sham",
    "جبهة النصرة",
    "Al-Qaida",
    "Hamas",
    "Hizballah",
    "Kurdistan Workers Party",
    "Islamic State",
    "Jabhat al-Nusra",
    "Haqqani Network",
    "Acme Trading Ltd",
    "Maria Gonzalez",
]
STATUS_REFS = [
    "taliban",
    "hayat-tahrir-al-sham",
    "al-nusrah-front",
    "hamas",
    "hizballah",
    "pkk",
    "un-qde.004",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rss_mib(pid: int) -> float:
    """Resident memory of ``pid`` and its descendants (the workers of ``serve --workers N``)."""
    total = 0.0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) / 1024
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                total += rss_mib(int(child))
    except OSError:  # ended meanwhile
        pass
    return total


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by ``pid`` and its live descendants."""
    total = 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                total += cpu_seconds(int(child))
    except OSError:  # ended meanwhile
        pass
    return total


def machine_load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{os.cpu_count()} cores, load average {one:.2f} {five:.2f} {fifteen:.2f} (1/5/15 min)"


def client(port: int, token: str, until: float, seed: int, results: list[tuple[str, float, bool]]) -> None:
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    turn = seed
    while time.monotonic() < until:
        turn += 1
        if turn % 2:
            route = "screen"
            body = json.dumps({"name": rng.choice(NAMES), "as_of": "2026-01-01", "limit": 5})
            started = time.perf_counter()
            conn.request("POST", "/api/screen", body=body, headers=headers)
        else:
            route = "status"
            started = time.perf_counter()
            conn.request(
                "GET", f"/api/entities/{rng.choice(STATUS_REFS)}/status?as_of=2025-05-01", headers=headers
            )
        try:
            response = conn.getresponse()
            response.read()
            ok = response.status == 200
        except (OSError, http.client.HTTPException):
            ok = False
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        results.append((route, time.perf_counter() - started, ok))
    conn.close()


def percentile(ordered: list[float], q: float) -> float:
    """The q-th quantile of sorted seconds, in milliseconds."""
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


@dataclass
class Run:
    """One server configuration measured: its requests, how long, and its memory."""

    workers: int
    elapsed: float = 0.0
    results: list[tuple[str, float, bool]] = field(default_factory=list)
    memory: list[float] = field(default_factory=list)
    load_before: str = ""
    load_after: str = ""
    server_cpu: float = 0.0  # CPU seconds of the serve processes during the run
    database_cpu: float = 0.0  # of the PostgreSQL server's processes (0 for SQLite)
    client_cpu: float = 0.0  # of this process (the client threads)

    @property
    def throughput(self) -> float:
        return len(self.results) / self.elapsed if self.elapsed else 0.0

    @property
    def errors(self) -> int:
        return sum(1 for _, _, ok in self.results if not ok)


def wait_until_serving(port: int, token: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 300
    while True:
        if server.poll() is not None:
            raise SystemExit("the server stopped before it answered")
        try:
            probe = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            probe.request(
                "POST",
                "/api/screen",
                body=json.dumps({"name": "Taliban"}),
                headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
            )
            probe.getresponse().read()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise SystemExit("the server did not start") from None
            time.sleep(0.2)


def measure(db: str, token: str, workers: int, clients: int, seconds: float, database_pid: int = 0) -> Run:
    """Start `proscribe serve --workers N` over ``db``, load it with ``clients`` for ``seconds``
    (``database_pid``: the PostgreSQL server's, to count its CPU time)."""
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("proscribe")),
            "serve",
            "--db",
            db,
            "--port",
            str(port),
            "--rate-limit",
            "10000000",
            "--workers",
            str(workers),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    run = Run(workers)
    try:
        wait_until_serving(port, token, server)
        run.load_before = machine_load()
        until = time.monotonic() + seconds
        threads = [
            threading.Thread(target=client, args=(port, token, until, i, run.results)) for i in range(clients)
        ]

        def sample_memory() -> None:
            # Resident memory every 5 s: stable means it levels off once the screening index is loaded.
            while time.monotonic() < until:
                run.memory.append(rss_mib(server.pid))
                time.sleep(5)

        sampler = threading.Thread(target=sample_memory)
        cpu_before = (
            cpu_seconds(server.pid),
            cpu_seconds(database_pid) if database_pid else 0.0,
            time.process_time(),
        )
        began = time.monotonic()
        sampler.start()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        sampler.join()
        run.elapsed = time.monotonic() - began
        run.server_cpu = cpu_seconds(server.pid) - cpu_before[0]
        run.database_cpu = (cpu_seconds(database_pid) if database_pid else 0.0) - cpu_before[1]
        run.client_cpu = time.process_time() - cpu_before[2]
        run.memory.append(rss_mib(server.pid))
        run.load_after = machine_load()
    finally:
        server.terminate()
        server.wait(timeout=60)
    return run


def report(run: Run) -> None:
    print(
        f"{run.workers} worker(s): requests {len(run.results):,}  errors {run.errors}  "
        f"throughput {run.throughput:,.1f} req/s"
    )
    for route in ("screen", "status"):
        times = sorted(t for r, t, _ in run.results if r == route)
        if times:
            print(
                f"  {route:<7} {len(times):>7,} req  p50 {statistics.median(times) * 1000:7.1f} ms  "
                f"p95 {percentile(times, 0.95):7.1f} ms  p99 {percentile(times, 0.99):7.1f} ms"
            )
    print(
        f"  server memory (all processes): {run.memory[0]:.0f} MiB at start, {run.memory[-1]:.0f} MiB at end; "
        "every 5 s: " + " ".join(f"{m:.0f}" for m in run.memory)
    )
    requests = max(1, len(run.results))
    print(
        f"  CPU per request: server {run.server_cpu / requests * 1000:.1f} ms, database "
        f"{run.database_cpu / requests * 1000:.1f} ms, clients {run.client_cpu / requests * 1000:.1f} ms; "
        f"CPU used in all: {(run.server_cpu + run.database_cpu + run.client_cpu) / run.elapsed:.2f} cores "
        f"of {os.cpu_count()}"
    )
    print(f"  machine before: {run.load_before}; after: {run.load_after}")


def load_registry(db: str) -> str:
    """Fill ``db`` with the curated data and the UN and OFAC lists; a reader key's token."""
    registry = Registry(db)
    registry.load_bundled()
    import_list(registry, un.parse([DATA / "un_sc_consolidated" / "consolidated_2026-02-27.xml"]))
    import_list(registry, ofac.parse([DATA / "ofac_sdn" / "sdn_2024-05-03.csv"]))
    _, token = KeyStore(registry.db).create("load-test", "reader")
    registry.db.dispose()
    return token


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument(
        "--no-fsync", action="store_true", help="PostgreSQL without fsync (to see what commits cost)."
    )
    parser.add_argument(
        "--workers", default="1", help="Worker counts to measure one after the other, e.g. 1,2 (default 1)."
    )
    args = parser.parse_args()
    counts = [int(n) for n in args.workers.split(",")]
    print(
        f"proscribe load test — {time.strftime('%Y-%m-%d %H:%M')} UTC, {args.clients} clients x {args.seconds:g} s "
        f"per worker count, loopback, `proscribe serve --workers N` for N in {counts}, {args.backend}"
        f"{' (fsync off)' if args.no_fsync and args.backend == 'postgresql' else ''}, "
        "curated + UN + OFAC"
    )
    print(f"machine: {machine_load()}")
    runs: list[Run] = []
    with tempfile.TemporaryDirectory() as folder:
        # PostgreSQL's screening index file goes to the cache folder: keep it in the temporary one.
        os.environ["PROSCRIBE_CACHE"] = folder
        if args.backend == "postgresql":
            with TemporaryPostgres(durable=not args.no_fsync) as postgres:
                db = postgres.create_database()
                token = load_registry(db)
                postmaster = int((postgres.data / "postmaster.pid").read_text().split()[0])
                for workers in counts:
                    runs.append(measure(db, token, workers, args.clients, args.seconds, postmaster))
                    report(runs[-1])
        else:
            db = str(Path(folder) / "load.db")
            token = load_registry(db)
            for workers in counts:
                runs.append(measure(db, token, workers, args.clients, args.seconds))
                report(runs[-1])
    base = runs[0]
    for run in runs[1:]:
        ratio = run.throughput / base.throughput if base.throughput else float("nan")
        print(
            f"ratio: {run.workers} workers / {base.workers} worker(s) = "
            f"{run.throughput:,.1f} / {base.throughput:,.1f} req/s = {ratio:.2f}x"
        )


if __name__ == "__main__":
    main()
