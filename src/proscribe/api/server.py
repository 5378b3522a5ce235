"""Running the app on a real uvicorn server: in a background thread (tests, benchmarks, embedding),
or as N worker processes over one database (``proscribe serve --workers N``)."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import math
import multiprocessing
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import h11
import uvicorn
from fastapi import FastAPI
from uvicorn.config import Config
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.server import ServerState

from proscribe.api.limits import Limits
from proscribe.errors import InputError
from proscribe.registry import Registry
from proscribe.screening.persisted import index_path
from proscribe.screening.screener import load_or_build

# What `serve --workers N` hands its worker processes (uvicorn starts them from an import string).
DB_VARIABLE = "PROSCRIBE_SERVE_DB"
LIMITS_VARIABLE = "PROSCRIBE_SERVE_LIMITS"
HEADER_TIMEOUT_VARIABLE = "PROSCRIBE_SERVE_HEADER_TIMEOUT"
APP_FACTORY = "proscribe.api.server:app_from_env"
HEADER_TIMEOUT_PROTOCOL = "proscribe.api.server:HeaderTimeoutProtocol"
DEFAULT_HEADER_TIMEOUT_S = 10.0


class HeaderTimeoutProtocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, closing connections whose request headers do not arrive in time.

    uvicorn times out idle keep-alive connections but not a request that is being sent: a client
    that opens connections and sends a header byte every few seconds ("slowloris") holds each of
    them, and the server's connection limit, for ever. Here a timer of :attr:`header_timeout`
    seconds starts when a connection opens and again when a response is complete (waiting for the
    next request on a kept-alive connection); it stops once a request's headers are complete. If it
    fires first, the connection is closed without an answer. Request bodies and responses are not
    timed (a large upload on a slow link is legitimate; bodies are bounded by ``--max-body``).

    The timeout is the class attribute, or ``$PROSCRIBE_SERVE_HEADER_TIMEOUT`` in worker processes
    of ``serve --workers N`` (uvicorn starts them with the class's import path), else
    :data:`DEFAULT_HEADER_TIMEOUT_S`.
    """

    header_timeout: float | None = None

    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, object],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self.header_timeout_s = header_timeout_of(self.header_timeout)
        self.header_timer: asyncio.TimerHandle | None = None

    def _arm_header_timer(self) -> None:
        self._disarm_header_timer()
        if self.header_timeout_s > 0 and not self.transport.is_closing():
            self.header_timer = self.loop.call_later(self.header_timeout_s, self._headers_too_slow)

    def _disarm_header_timer(self) -> None:
        if self.header_timer is not None:
            self.header_timer.cancel()
            self.header_timer = None

    def _headers_too_slow(self) -> None:
        self.header_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()  # no request line and headers yet: drop the connection

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_header_timer()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:  # a request's headers are in
            self._disarm_header_timer()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if self.conn.their_state is h11.IDLE:  # waiting for the next request's headers
            self._arm_header_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_header_timer()
        super().connection_lost(exc)


def header_timeout_of(configured: float | None) -> float:
    """The header timeout in seconds: ``configured``, else ``$PROSCRIBE_SERVE_HEADER_TIMEOUT``,
    else :data:`DEFAULT_HEADER_TIMEOUT_S`; 0 turns it off."""
    if configured is not None:
        return configured
    text = os.environ.get(HEADER_TIMEOUT_VARIABLE)
    return float(text) if text else DEFAULT_HEADER_TIMEOUT_S


def check_header_timeout(seconds: float) -> float:
    """``seconds`` when it is a usable header timeout (0 = none), else a one-line InputError."""
    if not math.isfinite(seconds) or seconds < 0:
        raise InputError(f"must be 0 (no timeout) or more seconds, not {seconds}", "--header-timeout")
    return seconds


def header_timeout_protocol(seconds: float) -> type[HeaderTimeoutProtocol]:
    """:class:`HeaderTimeoutProtocol` with a timeout of ``seconds`` (for a server in this process)."""
    chosen = check_header_timeout(seconds)
    return type("HeaderTimeoutProtocol", (HeaderTimeoutProtocol,), {"header_timeout": chosen})


@contextmanager
def running(
    app: FastAPI, host: str = "127.0.0.1", header_timeout: float = DEFAULT_HEADER_TIMEOUT_S
) -> Iterator[str]:
    """Serve ``app`` on a free port of ``host``; yields the base URL, stops the server on exit."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        app,
        log_level="warning",
        lifespan="off",
        limit_concurrency=200,
        http=header_timeout_protocol(header_timeout),
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, daemon=True, name=f"uvicorn-{port}"
    )
    thread.start()
    while not server.started:
        if not thread.is_alive():
            sock.close()
            raise RuntimeError("the server stopped before it started")
        time.sleep(0.01)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join()
        sock.close()


def _file_state(path: Path | None) -> tuple[int, int] | None:
    """The inode and modification time of ``path`` (None if absent): a rename over it changes them."""
    try:
        info = path.stat() if path is not None else None
    except OSError:
        return None
    return (info.st_ino, info.st_mtime_ns) if info is not None else None


def prepare_index(registry: Registry) -> str:
    """Load ``registry``'s persisted screening index, or build and save it when it is missing or
    stale: done once before the workers start, so that each of them loads the file instead of
    building the index. Says what it did, where, and how long it took."""
    path = index_path(registry.db)
    before = _file_state(path)
    started = time.perf_counter()
    load_or_build(registry)
    seconds = time.perf_counter() - started
    if path is None:
        return f"screening index built in memory in {seconds:.1f} s (an in-memory database has no index file)"
    after = _file_state(path)
    if after is None:
        return f"screening index built in {seconds:.1f} s but not saved at {path} (see the log)"
    verb = "loaded from" if before == after else "built and saved at"
    return f"screening index {verb} {path} in {seconds:.1f} s"


def worker_refusal(url: str) -> str | None:
    """Why ``url`` cannot be served by several processes (None when it can)."""
    if url.startswith("sqlite") and (
        url in ("sqlite://", "sqlite:///") or ":memory:" in url or url.startswith("sqlite:///file:")
    ):
        return "an in-memory SQLite database cannot be shared by worker processes; give a file or a server"
    return None


def serve(app: FastAPI, host: str, port: int, header_timeout: float = DEFAULT_HEADER_TIMEOUT_S) -> None:
    """Serve ``app`` in this process on ``host:port`` until stopped (``proscribe serve``)."""
    uvicorn.run(app, host=host, port=port, log_level="warning", http=header_timeout_protocol(header_timeout))


def serve_workers(
    url: str,
    limits: Limits,
    host: str,
    port: int,
    workers: int,
    header_timeout: float = DEFAULT_HEADER_TIMEOUT_S,
) -> None:
    """Serve the database at ``url`` with ``workers`` uvicorn worker processes on ``host:port``.

    The screening index is prepared (:func:`prepare_index`) by the caller beforehand. The rate
    limit and the wrong-key limit are counted in the database so that they hold across the
    workers. Each worker builds its app with :func:`app_from_env` from the environment set here,
    and times out slow request headers after ``header_timeout`` seconds
    (:class:`HeaderTimeoutProtocol`). Returns when the server stops.
    """
    refusal = worker_refusal(url)
    if refusal is not None:
        raise InputError(refusal, "--workers")
    shared = dataclasses.replace(limits, shared_rate_limit=True)
    os.environ[DB_VARIABLE] = url
    os.environ[LIMITS_VARIABLE] = json.dumps(dataclasses.asdict(shared))
    os.environ[HEADER_TIMEOUT_VARIABLE] = str(check_header_timeout(header_timeout))
    if not hasattr(socket, "SO_REUSEPORT"):  # not on this platform: uvicorn's shared socket
        uvicorn.run(
            APP_FACTORY,
            factory=True,
            workers=workers,
            host=host,
            port=port,
            log_level="warning",
            http=HEADER_TIMEOUT_PROTOCOL,
        )
        return
    _supervise(host, port, workers)


# A worker that dies this soon after starting failed to start: restarting it would only loop.
_START_GRACE_S = 10.0


def _listening_socket(host: str, port: int, reuse_port: bool) -> socket.socket:
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if reuse_port:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(address)
    return sock


def _run_worker(host: str, port: int) -> None:
    """One worker process: its own listening socket on the shared port, and the app from the environment."""
    sock = _listening_socket(host, port, reuse_port=True)
    config = uvicorn.Config(APP_FACTORY, factory=True, log_level="warning", http=HEADER_TIMEOUT_PROTOCOL)
    uvicorn.Server(config).run(sockets=[sock])


def _supervise(host: str, port: int, workers: int) -> None:
    """Run ``workers`` processes, each listening on ``host:port`` with ``SO_REUSEPORT``.

    uvicorn's own workers share one listening socket, and the first worker to wake accepts a whole
    burst of connections; kept alive, they stay on it (benchmarks/load.py measured 32 of 32 client
    connections on one of two workers). With one socket per worker the kernel spreads new
    connections over them. A worker that dies is replaced; one that dies while starting stops the
    server. SIGTERM or SIGINT stops every worker.
    """
    try:  # the port must be free: SO_REUSEPORT would otherwise share it with another server
        _listening_socket(host, port, reuse_port=False).close()
    except OSError as exc:
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror}", "--port") from None
    context = multiprocessing.get_context("spawn")
    stopping = threading.Event()

    def start() -> tuple[multiprocessing.process.BaseProcess, float]:
        process = context.Process(target=_run_worker, args=(host, port), name="proscribe-worker")
        process.start()
        return process, time.monotonic()

    def stop(signum: int, frame: object) -> None:
        stopping.set()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    children = [start() for _ in range(workers)]
    failure: str | None = None
    try:
        while not stopping.wait(0.5):
            for number, (process, started) in enumerate(children):
                if process.is_alive():
                    continue
                if time.monotonic() - started < _START_GRACE_S:
                    failure = f"worker {process.pid} stopped while starting (exit code {process.exitcode})"
                    stopping.set()
                    break
                print(f"worker {process.pid} exited ({process.exitcode}); starting another", file=sys.stderr)
                children[number] = start()
    finally:
        for process, _ in children:
            process.terminate()  # SIGTERM: uvicorn finishes the requests in flight
        for process, _ in children:
            process.join(30)
            if process.is_alive():
                process.kill()
                process.join()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if failure:
        raise InputError(failure + "; see the messages above", "--workers")


def app_from_env() -> FastAPI:
    """The app of one worker process of ``proscribe serve --workers N`` (an import string for
    uvicorn: ``proscribe.api.server:app_from_env`` with ``factory=True``).

    Reads the database URL from ``$PROSCRIBE_SERVE_DB`` and the limits (JSON of
    :class:`proscribe.api.limits.Limits`; the rate limit is shared through the database unless it
    says ``"shared_rate_limit": false``) from ``$PROSCRIBE_SERVE_LIMITS``. Loads the screening
    index before answering (from the file the parent prepared, memory-mapped while it is read) and
    says on stderr whether it loaded or had to build it.
    """
    from proscribe.api.app import create_app  # the app imports this module's neighbours

    url = os.environ.get(DB_VARIABLE)
    if not url:
        raise RuntimeError(f"${DB_VARIABLE} is not set: start workers with `proscribe serve --workers N`")
    settings = json.loads(os.environ.get(LIMITS_VARIABLE) or "{}")
    settings["cors_origins"] = tuple(settings.get("cors_origins", ()))
    settings.setdefault("shared_rate_limit", True)  # this factory serves one of several processes
    app = create_app(url, Limits(**settings))
    path = index_path(app.state.registry.db)
    before = _file_state(path)
    started = time.perf_counter()
    app.state.screener.index()
    seconds = time.perf_counter() - started
    verb = (
        "loaded from" if before is not None and before == _file_state(path) else "built (no current file) at"
    )
    print(
        f"worker {os.getpid()}: screening index {verb} {path} in {seconds:.1f} s", file=sys.stderr, flush=True
    )
    return app
