"""Running the app on a real uvicorn server: in a background thread (tests, benchmarks, embedding),
or as N worker processes over one database (``proscribe serve --workers N``)."""

from __future__ import annotations

import dataclasses
import json
import os
import socket
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from fastapi import FastAPI

from proscribe.api.limits import Limits
from proscribe.errors import InputError
from proscribe.registry import Registry
from proscribe.screening.persisted import index_path
from proscribe.screening.screener import load_or_build

# What `serve --workers N` hands its worker processes (uvicorn starts them from an import string).
DB_VARIABLE = "PROSCRIBE_SERVE_DB"
LIMITS_VARIABLE = "PROSCRIBE_SERVE_LIMITS"
APP_FACTORY = "proscribe.api.server:app_from_env"


@contextmanager
def running(app: FastAPI, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve ``app`` on a free port of ``host``; yields the base URL, stops the server on exit."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off", limit_concurrency=200))
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


def serve_workers(url: str, limits: Limits, host: str, port: int, workers: int) -> None:
    """Serve the database at ``url`` with ``workers`` uvicorn worker processes on ``host:port``.

    The screening index is prepared (:func:`prepare_index`) by the caller beforehand. The rate
    limit is counted in the database so that it holds across the workers. Each worker builds its
    app with :func:`app_from_env` from the environment set here. Returns when the server stops.
    """
    refusal = worker_refusal(url)
    if refusal is not None:
        raise InputError(refusal, "--workers")
    shared = dataclasses.replace(limits, shared_rate_limit=True)
    os.environ[DB_VARIABLE] = url
    os.environ[LIMITS_VARIABLE] = json.dumps(dataclasses.asdict(shared))
    uvicorn.run(APP_FACTORY, factory=True, workers=workers, host=host, port=port, log_level="warning")


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
