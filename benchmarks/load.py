"""Load test of the HTTP service: concurrent clients on /api/screen and /api/entities/{id}/status.

A real ``proscribe serve`` process on a free loopback port, over a registry
with the curated data and the UN and OFAC lists; N client threads (default
32) send requests for a fixed time (default 60 s) over keep-alive
connections, alternating a screen of a real list name and a status query.
Bounded in time, loopback only. Prints errors, throughput, latency
percentiles per route, and the server's resident memory at the start and the
end (to see that it stays stable).

    python benchmarks/load.py                     # 32 clients x 60 s
    python benchmarks/load.py --clients 8 --seconds 10
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from proscribe import Registry
from proscribe.api.auth import KeyStore
from proscribe.lists.importer import import_list
from proscribe.sources import ofac, un

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
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


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


def main() -> None:

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "load.db")
        registry = Registry(db)
        registry.load_bundled()
        import_list(registry, un.parse([DATA / "un_sc_consolidated" / "consolidated_2026-02-27.xml"]))
        import_list(registry, ofac.parse([DATA / "ofac_sdn" / "sdn_2024-05-03.csv"]))
        _, token = KeyStore(registry.db).create("load-test", "reader")
        registry.db.dispose()
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
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    probe = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                    probe.request(
                        "GET", "/api/entities/taliban/status", headers={"Authorization": f"Bearer {token}"}
                    )
                    probe.getresponse().read()
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise SystemExit("the server did not start") from None
                    time.sleep(0.2)
            memory_start = rss_mib(server.pid)
            results: list[tuple[str, float, bool]] = []
            until = time.monotonic() + args.seconds
            threads = [
                threading.Thread(target=client, args=(port, token, until, i, results))
                for i in range(args.clients)
            ]
            samples: list[float] = []

            def sample_memory() -> None:
                # Resident memory every 5 s: stable means it levels off once the screening index is built.
                while time.monotonic() < until:
                    samples.append(rss_mib(server.pid))
                    time.sleep(5)

            sampler = threading.Thread(target=sample_memory)
            began = time.monotonic()
            sampler.start()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            sampler.join()

            elapsed = time.monotonic() - began
            memory_end = rss_mib(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)
    errors = sum(1 for _, _, ok in results if not ok)
    print(
        f"proscribe load test — {time.strftime('%Y-%m-%d %H:%M')} UTC, {args.clients} clients x {args.seconds:g} s, "
        "loopback, one `proscribe serve` process, SQLite, curated + UN + OFAC"
    )
    print(f"requests {len(results):,}  errors {errors}  throughput {len(results) / elapsed:,.0f} req/s")
    for route in ("screen", "status"):
        times = sorted(t for r, t, _ in results if r == route)
        if times:
            print(
                f"  {route:<7} {len(times):>7,} req  p50 {statistics.median(times) * 1000:7.1f} ms  "
                f"p95 {percentile(times, 0.95):7.1f} ms  p99 {percentile(times, 0.99):7.1f} ms"
            )

    print(
        f"server memory: {memory_start:.0f} MiB at start, {memory_end:.0f} MiB at end; every 5 s: "
        + " ".join(f"{m:.0f}" for m in samples)
    )


if __name__ == "__main__":
    main()
