"""Load test of the HTTP service: concurrent clients on /api/screen and /api/entities/{id}/status.

A real ``proscribe serve`` process on a free loopback port, over a registry
with the curated data and the UN and OFAC lists, on SQLite or on a throw-away
PostgreSQL server (:class:`proscribe.store.tempserver.TemporaryPostgres`,
fsync on; its settings are printed); 32 client connections (``--clients``)
send requests for a fixed time (default 60 s) over keep-alive connections,
alternating a screen of a real list name and a status query. Bounded in
time, loopback only. Prints the machine's load, then for each worker count
(``--workers 1,2``, over the same database) errors, throughput, latency
percentiles, the CPU time of server, database and client per request, the
server's CPU and client connections per process (a worker holding most
connections is reported as unbalanced), the database's transactions and what
its sessions waited on, and the resident memory of the server's processes;
and the throughput of each count against the first. ``--rounds R`` starts all
servers at once and loads them in turn (A B B A), ``--seconds / R`` at a time,
so that other jobs on a shared machine weigh on each count alike; by default
one server runs after the other.

The client (``--client``): ``wrk`` (https://github.com/wg/wrk, Debian package
``wrk``: ``apt-get install wrk``) driven by ``benchmarks/load.lua`` beside
this file, one epoll thread in C that costs ~0.1-0.2 ms of CPU per request;
or Python threads (``python``: ``http.client``, ~0.4 ms per request, which on
a 2-core machine takes CPU from the server it measures). ``auto`` (default)
takes wrk when it is on the PATH and says how to install it when it is not.
wrk gives latency percentiles over all requests; the Python client gives them
per route.

    python benchmarks/load.py                                  # SQLite, 1 worker, 32 clients x 60 s
    python benchmarks/load.py --backend postgresql --workers 1,2 --seconds 30
    python benchmarks/load.py --backend postgresql --workers 1,2 --seconds 40 --rounds 4   # shared machine
    python benchmarks/load.py --client python --clients 8 --seconds 10
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.client
import json
import os
import random
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from proscribe import Registry
from proscribe.api.auth import KeyStore
from proscribe.lists.importer import import_list
from proscribe.sources import ofac, un
from proscribe.store.tempserver import TemporaryPostgres

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
WRK_SCRIPT = Path(__file__).with_name("load.lua")
SCREEN_BODY = {"as_of": "2026-01-01", "limit": 5}
STATUS_QUERY = "?as_of=2025-05-01"
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


def cpu_by_process(pid: int) -> dict[int, float]:
    """CPU time (user + system) used so far by ``pid`` and by each of its live descendants."""
    found: dict[int, float] = {}
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        found[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                found.update(cpu_by_process(int(child)))
    except OSError:  # ended meanwhile
        pass
    return found


def connections_by_process(pids: list[int], port: int) -> dict[int, int]:
    """Established TCP connections to local ``port`` that each of ``pids`` holds (Linux /proc)."""
    sockets: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "01":  # 01: ESTABLISHED
                sockets.add(f"socket:[{fields[9]}]")
    found: dict[int, int] = {}
    for pid in pids:
        try:
            found[pid] = sum(1 for fd in Path(f"/proc/{pid}/fd").iterdir() if os.readlink(fd) in sockets)
        except OSError:  # ended meanwhile
            found[pid] = 0
    return found


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by ``pid`` and its live descendants."""
    return sum(cpu_by_process(pid).values())


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
            body = json.dumps({"name": rng.choice(NAMES), **SCREEN_BODY})
            started = time.perf_counter()
            conn.request("POST", "/api/screen", body=body, headers=headers)
        else:
            route = "status"
            started = time.perf_counter()
            conn.request(
                "GET", f"/api/entities/{rng.choice(STATUS_REFS)}/status{STATUS_QUERY}", headers=headers
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


def weighted_percentile(points: list[tuple[float, float]], q: float) -> float:
    """The q-th quantile of (microseconds, weight) points, in milliseconds: the quantiles of one or
    more wrk runs, each weighted by its requests / the number of its quantiles."""
    total = sum(weight for _, weight in points)
    if not total:
        return 0.0
    seen = 0.0
    for value, weight in sorted(points):
        seen += weight
        if seen >= q * total - 1e-9:
            return value / 1000
    return max(value for value, _ in points) / 1000


@dataclass
class WrkSummary:
    """What ``load.lua``'s done() reports for one wrk run."""

    requests: int
    seconds: float
    error_kinds: dict[str, int]  # socket errors by kind, and responses with status >= 400
    quantiles: list[float]  # latency in microseconds at 0.5 %, 1 %, ... 100 %
    screens_sent: int
    statuses_sent: int


@dataclass
class Run:
    """One server configuration measured, in one or several slices of load: its requests, how
    long, the CPU it and the database used, and its memory."""

    workers: int
    client: str  # "wrk" or "python"
    elapsed: float = 0.0
    results: list[tuple[str, float, bool]] = field(default_factory=list)  # the Python client's requests
    wrk_requests: int = 0
    error_kinds: Counter[str] = field(default_factory=Counter)  # wrk's
    latency: list[tuple[float, float]] = field(default_factory=list)  # wrk's quantiles (us, weight)
    sent: Counter[str] = field(default_factory=Counter)  # wrk's requests sent, by route
    slices: list[float] = field(default_factory=list)  # requests/s of each slice
    memory: list[float] = field(default_factory=list)
    load_before: str = ""
    load_after: str = ""
    server_cpu: float = 0.0  # CPU seconds of the serve processes during the run
    process_cpu: dict[int, float] = field(default_factory=dict)  # the same, per process (pid)
    connections: list[dict[int, int]] = field(default_factory=list)  # per slice: pid -> client connections
    database_cpu: float = 0.0  # of the PostgreSQL server's processes (0 for SQLite)
    client_cpu: float = 0.0  # of the client: the wrk process, or this process's threads
    commits: int = 0  # transactions committed in the benchmark's database during the run (PostgreSQL)
    sessions: Counter[str] = field(default_factory=Counter)  # WaitSampler's counts, summed over slices
    session_samples: int = 0

    @property
    def requests(self) -> int:
        return self.wrk_requests if self.client == "wrk" else len(self.results)

    @property
    def throughput(self) -> float:
        return self.requests / self.elapsed if self.elapsed else 0.0

    @property
    def errors(self) -> int:
        if self.client == "wrk":
            return sum(self.error_kinds.values())
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


def wrk_requests() -> list[str]:
    """load.lua's request arguments: every screen body and status path the Python client picks from."""
    screens = [
        "screen " + json.dumps({"name": name, **SCREEN_BODY}, ensure_ascii=False, separators=(",", ":"))
        for name in NAMES
    ]
    statuses = [f"status /api/entities/{ref}/status{STATUS_QUERY}" for ref in STATUS_REFS]
    return screens + statuses


def run_wrk(wrk: str, port: int, token: str, clients: int, seconds: float) -> tuple[WrkSummary, float]:
    """One wrk run (one thread, ``clients`` connections) and the CPU seconds wrk used."""
    command = [
        wrk,
        "--threads",
        "1",  # one epoll thread keeps up with thousands of requests/s: the least CPU taken from the server
        "--connections",
        str(clients),
        "--duration",
        f"{max(1, round(seconds))}s",
        "--timeout",
        "30s",  # as the Python client's; wrk's default (2 s) would count queueing as errors
        "--script",
        str(WRK_SCRIPT),
        f"http://127.0.0.1:{port}",
        "--",
        token,
        *wrk_requests(),
    ]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    process = subprocess.run(command, capture_output=True, text=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # wrk is the only child reaped meanwhile
    lines = [line for line in process.stdout.splitlines() if line.startswith("proscribe-wrk ")]
    if process.returncode != 0 or not lines:
        raise SystemExit(f"wrk failed (exit {process.returncode}):\n{process.stdout}{process.stderr}")
    found = json.loads(lines[-1].removeprefix("proscribe-wrk "))
    summary = WrkSummary(
        requests=int(found["requests"]),
        seconds=float(found["seconds"]),
        error_kinds={
            kind: int(found["errors"][kind]) for kind in ("connect", "read", "write", "timeout", "status")
        },
        quantiles=[float(value) for value in found["quantiles_us"]],
        screens_sent=int(found["screens_sent"]),
        statuses_sent=int(found["statuses_sent"]),
    )
    return summary, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def committed(db: str) -> int:
    """Transactions committed so far in ``db`` (PostgreSQL's statistics; 0 for SQLite)."""
    if not db.startswith("postgresql"):
        return 0
    with psycopg.connect(db, autocommit=True) as conn:
        row = conn.execute(
            "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"
        ).fetchone()
    return int(row[0]) if row else 0


class WaitSampler:
    """What the benchmark database's sessions are doing, sampled every 50 ms from pg_stat_activity:
    running, waiting for the WAL to be flushed (a commit's fsync), for a lock (a row another
    commit holds), or idle (waiting for the server's next statement). Tells a commit-bound
    server from a CPU-bound one."""

    def __init__(self, db: str) -> None:
        self.db = db
        self.counts: Counter[str] = Counter()
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        query = (
            "SELECT state, wait_event_type, wait_event FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
        )
        with psycopg.connect(self.db, autocommit=True) as conn:
            while not self._stop.wait(0.05):
                self.samples += 1
                for state, kind, event in conn.execute(query).fetchall():
                    if state == "active":
                        self.counts[f"waiting {kind}:{event}" if kind else "running"] += 1
                    else:
                        self.counts[str(state)] += 1

    def __enter__(self) -> WaitSampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


class Server:
    """``proscribe serve --workers N`` over ``db`` on a free loopback port, answering once entered."""

    def __init__(self, db: str, workers: int, token: str) -> None:
        self.port = free_port()
        self.token = token
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).with_name("proscribe")),
                "serve",
                "--db",
                db,
                "--port",
                str(self.port),
                "--rate-limit",
                "10000000",
                "--workers",
                str(workers),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def __enter__(self) -> Server:
        try:
            wait_until_serving(self.port, self.token, self.process)
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=60)


def settle(pid: int, limit: float = 30.0) -> None:
    """Wait until the server ``pid`` is idle: the requests a client left in flight when it stopped are
    still being answered, and would otherwise weigh on the next slice (another server's)."""
    deadline = time.monotonic() + limit
    before = cpu_seconds(pid)
    while time.monotonic() < deadline:
        time.sleep(0.25)
        now = cpu_seconds(pid)
        if now - before < 0.01:  # under 4 % of a core: nothing left to answer
            return
        before = now


def measure_slice(
    run: Run, server: Server, db: str, clients: int, seconds: float, wrk: str | None, database_pid: int
) -> None:
    """Load ``server`` with ``clients`` connections for ``seconds``, from wrk (``wrk``: its path) or
    from Python threads (``wrk`` None), and add what was measured to ``run``; ``database_pid``: the
    PostgreSQL server's (0 for SQLite), to count its CPU time."""
    pid = server.process.pid
    if not run.load_before:
        run.load_before = machine_load()
    until = time.monotonic() + seconds

    def sample_memory() -> None:
        # Resident memory every 5 s: stable means it levels off once the screening index is loaded.
        while time.monotonic() < until:
            run.memory.append(rss_mib(pid))
            time.sleep(5)

    def count_connections() -> None:
        # Once the client has opened its connections: which server process holds how many.
        run.connections.append(connections_by_process(sorted(cpu_by_process(pid)), server.port))

    counter = threading.Timer(min(2.0, seconds / 2), count_connections)
    sampler = threading.Thread(target=sample_memory)
    commits_before = committed(db)
    processes_before = cpu_by_process(pid)
    database_before = cpu_seconds(database_pid) if database_pid else 0.0
    client_before = time.process_time()
    began = time.monotonic()
    requests_before = run.requests
    sampler.start()
    counter.start()
    with WaitSampler(db) if database_pid else contextlib.nullcontext() as waits:
        if wrk:
            summary, wrk_cpu = run_wrk(wrk, server.port, server.token, clients, seconds)
        else:
            seed = len(run.slices) * clients
            threads = [
                threading.Thread(
                    target=client, args=(server.port, server.token, until, seed + i, run.results)
                )
                for i in range(clients)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
    sampler.join()
    counter.join()
    elapsed = summary.seconds if wrk else time.monotonic() - began
    processes_after = cpu_by_process(pid)
    for process, seconds_used in processes_after.items():
        run.process_cpu[process] = (
            run.process_cpu.get(process, 0.0) + seconds_used - processes_before.get(process, 0.0)
        )
    run.server_cpu += sum(processes_after.values()) - sum(processes_before.values())
    run.database_cpu += (cpu_seconds(database_pid) if database_pid else 0.0) - database_before
    if wrk:
        run.client_cpu += wrk_cpu
        run.wrk_requests += summary.requests
        run.error_kinds.update(summary.error_kinds)
        weight = summary.requests / max(1, len(summary.quantiles))
        run.latency.extend((value, weight) for value in summary.quantiles)
        run.sent.update({"screen": summary.screens_sent, "status": summary.statuses_sent})
    else:
        run.client_cpu += time.process_time() - client_before
    run.elapsed += elapsed
    run.slices.append((run.requests - requests_before) / elapsed if elapsed else 0.0)
    run.memory.append(rss_mib(pid))
    run.load_after = machine_load()
    settle(pid)
    if waits:
        run.sessions.update(waits.counts)
        run.session_samples += waits.samples
        time.sleep(1)  # PostgreSQL publishes a backend's statistics at most once a second
    run.commits += committed(db) - commits_before


def measure_all(
    db: str,
    token: str,
    counts: list[int],
    clients: int,
    seconds: float,
    rounds: int,
    wrk: str | None,
    database_pid: int = 0,
) -> list[Run]:
    """Each worker count for ``seconds`` of load. One round: one server after the other (each started,
    loaded, stopped). Several: every server started at once and loaded in turn, ``seconds / rounds``
    at a time, in A B B A order, so that other jobs on the machine weigh on every count alike."""
    runs = {workers: Run(workers, "wrk" if wrk else "python") for workers in counts}
    if rounds <= 1:
        for workers in counts:
            with Server(db, workers, token) as server:
                measure_slice(runs[workers], server, db, clients, seconds, wrk, database_pid)
            report(runs[workers])
        return list(runs.values())
    with contextlib.ExitStack() as stack:
        servers = {workers: stack.enter_context(Server(db, workers, token)) for workers in counts}
        for number in range(rounds):
            for workers in counts if number % 2 == 0 else list(reversed(counts)):
                measure_slice(
                    runs[workers], servers[workers], db, clients, seconds / rounds, wrk, database_pid
                )
    for run in runs.values():
        report(run)
    return list(runs.values())


def report(run: Run) -> None:
    print(
        f"{run.workers} worker(s), {run.client} client: requests {run.requests:,}  errors {run.errors}  "
        f"throughput {run.throughput:,.1f} req/s"
        + (f"  (slices: {' '.join(f'{rate:.1f}' for rate in run.slices)})" if len(run.slices) > 1 else "")
    )
    if run.client == "wrk":
        quantile = functools.partial(weighted_percentile, run.latency)
        print(
            f"  all     {run.requests:>7,} req  p50 {quantile(0.5):7.1f} ms  p95 {quantile(0.95):7.1f} ms  "
            f"p99 {quantile(0.99):7.1f} ms  max {quantile(1.0):7.1f} ms  (sent: {run.sent['screen']:,} "
            f"screens, {run.sent['status']:,} status queries)"
        )
        if run.errors:
            print("  errors: " + ", ".join(f"{kind} {n}" for kind, n in run.error_kinds.items() if n))
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
    requests = max(1, run.requests)
    print(
        f"  CPU per request: server {run.server_cpu / requests * 1000:.1f} ms, database "
        f"{run.database_cpu / requests * 1000:.1f} ms, client {run.client_cpu / requests * 1000:.2f} ms; "
        f"CPU used in all: {(run.server_cpu + run.database_cpu + run.client_cpu) / run.elapsed:.2f} cores "
        f"of {os.cpu_count()} (server {run.server_cpu / run.elapsed:.2f})"
    )
    if len(run.process_cpu) > 1:
        # serve --workers N: the supervisor, then each worker. A worker far busier than the others
        # holds more of the clients' keep-alive connections (each stays with the worker that accepted it).
        print(
            "  server CPU by process (cores): "
            + " ".join(f"{used / run.elapsed:.2f}" for _, used in sorted(run.process_cpu.items()))
        )
        print(
            "  client connections by process, each slice: "
            + "; ".join(" ".join(str(n) for _, n in sorted(held.items())) for held in run.connections)
        )
        # The workers are the busiest processes (the supervisor and multiprocessing's helper idle).
        busiest = sorted(run.process_cpu.values(), reverse=True)[: run.workers]
        if run.workers > 1 and len(busiest) == run.workers and busiest[-1] * 1.5 < busiest[0]:
            print(
                f"  unbalanced: the busiest worker used {busiest[0] / max(busiest[-1], 1e-9):.1f}x the CPU of "
                "the idlest (a keep-alive connection stays with the worker that accepted it)"
            )
    if run.commits:
        print(
            f"  database: {run.commits:,} transactions ({run.commits / run.elapsed:,.1f}/s, "
            f"{run.commits / requests:.1f} per request; each autocommit read counts as one)"
        )
    if run.session_samples:
        shares = ", ".join(
            f"{label} {n / run.session_samples:.2f}" for label, n in run.sessions.most_common()
        )
        print(f"  database sessions, mean per 50 ms sample: {shares}")
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


def choose_client(choice: str) -> str | None:
    """wrk's path, or None for the Python client; says why when wrk was wanted and is missing."""
    if choice == "python":
        return None
    found = shutil.which("wrk")
    if found is None:
        advice = (
            "wrk not found on the PATH: install it (Debian/Ubuntu: `apt-get install wrk`; "
            "https://github.com/wg/wrk) for a client that takes little CPU from the server"
        )
        if choice == "wrk":
            raise SystemExit(advice)
        print(f"{advice}; using the Python client threads instead (~0.4 ms of CPU per request)")
    return found


def postgres_settings(db: str) -> str:
    """The settings of the benchmark's PostgreSQL server that decide what a commit costs."""
    names = (
        "fsync",
        "synchronous_commit",
        "wal_sync_method",
        "commit_delay",
        "shared_buffers",
        "max_connections",
    )
    with psycopg.connect(db, autocommit=True) as conn:
        values = [str(row[0]) if (row := conn.execute(f"SHOW {name}").fetchone()) else "?" for name in names]
    return " ".join(f"{name}={value}" for name, value in zip(names, values, strict=True))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=32, help="Connections (default 32).")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument(
        "--client",
        choices=("auto", "wrk", "python"),
        default="auto",
        help="Load generator: wrk with load.lua, Python threads, or wrk when installed (default).",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="Split each count's --seconds into this many slices, all servers up at once, loaded in "
        "turn A B B A (fairer on a shared machine; default 1: one server after the other).",
    )
    parser.add_argument(
        "--no-fsync", action="store_true", help="PostgreSQL without fsync (to see what commits cost)."
    )
    parser.add_argument(
        "--workers", default="1", help="Worker counts to measure one after the other, e.g. 1,2 (default 1)."
    )
    args = parser.parse_args()
    counts = [int(n) for n in args.workers.split(",")]
    wrk = choose_client(args.client)
    print(
        f"proscribe load test — {time.strftime('%Y-%m-%d %H:%M')} UTC, {args.clients} "
        f"{'wrk connections' if wrk else 'client threads'} x {args.seconds:g} s "
        f"per worker count, loopback, `proscribe serve --workers N` for N in {counts}, {args.backend}"
        f"{' (fsync off)' if args.no_fsync and args.backend == 'postgresql' else ''}, "
        "curated + UN + OFAC"
    )
    print(f"machine: {machine_load()}")
    if wrk:
        version = subprocess.run([wrk, "--version"], capture_output=True, text=True, check=False)
        print(
            f"client: {(version.stdout or version.stderr).splitlines()[0]}, 1 thread, script {WRK_SCRIPT.name}"
        )
    runs: list[Run] = []
    with tempfile.TemporaryDirectory() as folder:
        # PostgreSQL's screening index file goes to the cache folder: keep it in the temporary one.
        os.environ["PROSCRIBE_CACHE"] = folder
        if args.backend == "postgresql":
            with TemporaryPostgres(durable=not args.no_fsync) as postgres:
                db = postgres.create_database()
                print(f"PostgreSQL (throw-away server of this run): {postgres_settings(db)}")
                token = load_registry(db)
                postmaster = int((postgres.data / "postmaster.pid").read_text().split()[0])
                runs = measure_all(
                    db, token, counts, args.clients, args.seconds, args.rounds, wrk, postmaster
                )
        else:
            db = str(Path(folder) / "load.db")
            token = load_registry(db)
            runs = measure_all(db, token, counts, args.clients, args.seconds, args.rounds, wrk)
    base = runs[0]
    for run in runs[1:]:
        ratio = run.throughput / base.throughput if base.throughput else float("nan")
        print(
            f"ratio: {run.workers} workers / {base.workers} worker(s) = "
            f"{run.throughput:,.1f} / {base.throughput:,.1f} req/s = {ratio:.2f}x"
        )


if __name__ == "__main__":
    main()
