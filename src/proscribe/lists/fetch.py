"""Download the current version of an official list from its publisher, keep it, and import it.

    from proscribe.lists.fetch import fetch_list

    fetched = fetch_list(registry, "un", folder=Path("downloads"))
    fetched.results[0].version_id   # the sha256 of what was downloaded: the version's citation

The files are written to ``folder/<source>/<day>_<sha12>/`` under the names the parser expects,
before anything is imported, so every act cites a version whose bytes are on disk and whose
hash is in the journal. A failed download writes nothing and imports nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from proscribe.download import FetchError, fetch
from proscribe.errors import InputError
from proscribe.lists.importer import ImportResult
from proscribe.lists.sources import import_source, source
from proscribe.registry import Registry

# Official list files are a few MB (OFAC's sdn.csv ~4 MB, the UN XML ~2 MB); this allows growth.
MAX_LIST_BYTES = 200 * 1024 * 1024
TIMEOUT_S = 120.0


@dataclass(frozen=True)
class FetchedList:
    """What was downloaded (files with their URLs and hashes) and what importing it did."""

    source: str
    files: list[tuple[Path, str, str]]  # (path, URL, sha256)
    results: list[ImportResult]


def fetch_list(
    registry: Registry,
    name: str,
    folder: Path,
    *,
    mirror: str | None = None,
    today: dt.date | None = None,
    timeout: float = TIMEOUT_S,
    progress: Callable[[str, int, int | None], None] | None = None,
    allow_mass_removal: bool = False,
) -> FetchedList:
    """Download every file of source ``name``, store them under ``folder`` and import them as a new
    version (a no-op if that version is already imported).

    ``mirror`` replaces the publisher's address up to the file name (``http://host/dir`` serves
    ``http://host/dir/consolidated.xml``): a copy inside a closed network, or a test server.

    ``progress(file name, bytes read, total or None)`` is called while downloading.

    As with ``proscribe import``, a version that removes more than 5 % of the previous version's
    entries is refused (an :class:`InputError` naming the counts; the downloaded files are kept,
    nothing is imported) unless ``allow_mass_removal``: a publisher's file cut short in transit or
    at the source looks like a mass delisting.
    """
    spec = source(name)
    if not spec.downloads:
        raise InputError(
            f"{name} cannot be fetched: {spec.no_download or 'no official download is known'}",
            location="SOURCE",
        )
    day = today or dt.date.today()
    bodies: list[tuple[str, str, bytes]] = []
    for template, official in spec.downloads:
        file_name = template.format(day=day.isoformat())
        url = f"{mirror.rstrip('/')}/{official.rsplit('/', 1)[1]}" if mirror else official

        def report(done: int, total: int | None, file_name: str = file_name) -> None:
            if progress:
                progress(file_name, done, total)

        try:
            got = fetch(url, timeout=timeout, max_bytes=MAX_LIST_BYTES, progress=report)
        except FetchError as exc:
            raise InputError(f"cannot download {name}: {exc.reason}", location=exc.url) from None
        if not got.body.strip():
            raise InputError(f"cannot download {name}: the server sent an empty file", location=url)
        bodies.append((file_name, got.url, got.body))
    digest = hashlib.sha256(b"".join(body for _, _, body in bodies)).hexdigest()
    target = folder / name / f"{day.isoformat()}_{digest[:12]}"
    target.mkdir(parents=True, exist_ok=True)
    files: list[tuple[Path, str, str]] = []
    for file_name, url, body in bodies:
        path = target / file_name
        _write_atomically(path, body)
        files.append((path, url, hashlib.sha256(body).hexdigest()))
    results = import_source(
        registry, name, [path for path, _, _ in files], allow_mass_removal=allow_mass_removal
    )
    return FetchedList(name, files, results)


def _write_atomically(path: Path, body: bytes) -> None:
    """Write ``body`` to ``path`` whole or not at all (a crash leaves no half file under that name)."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(body)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
