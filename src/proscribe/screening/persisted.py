"""The screening index persisted beside the database, so a fresh process loads it instead of
building it (building reads and normalises every name: seconds; loading: a fraction of that).

Where (:func:`index_path`): a SQLite registry keeps it next to its file, ``<db file>.screening-index``;
any other database (PostgreSQL) in ``$PROSCRIBE_CACHE`` (default ``~/.cache/proscribe``) under a
hash of its URL. An in-memory database has none.

File format (:data:`FORMAT`)::

    b"PROSCRIBE-SCREENING-INDEX\\n"          magic
    8 bytes, big-endian: header length
    header: JSON {"format", "key", "payload_bytes", "payload_crc32"}
    payload: pickle (protocol 5) of (entity JSON, acts as stored, acts by entity, list versions, NameIndex)

The file is used only when its key equals the database's key now
(:func:`proscribe.screening.screener.index_key`: the journal head, the list versions, the entities'
count and last change, plus :func:`software_key`: the format, the package and Python versions, the
versions of the libraries that shape names and a fingerprint of the code that builds the index) and its payload has the length and CRC-32 its header states (a check against damage: truncation,
a bad block; trust is the file's owner, below); otherwise the
index is rebuilt and the file replaced. It is written to a temporary file in the same folder and
renamed over the old one, so readers see the old file or the new one, never half of one.

The payload is a pickle, and unpickling runs code: a file is loaded only when it belongs to the
user running this process (or root) and nobody else may write it, as for the database itself.
"""

from __future__ import annotations

import contextlib
import gc
import glob
import hashlib
import json
import logging
import mmap
import os
import pickle
import struct
import sys
import tempfile
import time
import zlib
from collections.abc import Iterator, Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any, overload

import orjson

import proscribe
from proscribe.canonical import act_body, parse_body
from proscribe.model import Entity, RecordedAct
from proscribe.names.index import NameIndex
from proscribe.screening.screen import ScreeningIndex
from proscribe.store.database import Database

log = logging.getLogger(__name__)

FORMAT = 1  # bump when the file layout or the payload's shape changes
MAGIC = b"PROSCRIBE-SCREENING-INDEX\n"
SUFFIX = ".screening-index"
ABANDONED_AFTER_S = 3600
# Libraries whose output is stored in the index (normalised forms, nicknames, Japanese/Korean readings).
NAME_LIBRARIES = ("anyascii", "nicknames", "cutlet", "fugashi", "unidic-lite", "pyhanja", "jaconv")
# Modules whose code decides what the index holds: a change to any of them (even without a new
# package version, as in a development checkout) makes older files stale.
INDEX_SOURCES = ("names", "screening/screen.py", "screening/persisted.py", "model.py")

Key = dict[str, Any]
# Acts by position: sequence numbers, stored bodies, previous hashes, hashes.
StoredActColumns = tuple[list[int], list[bytes], list[str], list[str]]


def index_path(db: Database) -> Path | None:
    """Where ``db``'s persisted screening index lives (``None`` for an in-memory database)."""
    url = db.engine.url
    if db.is_sqlite:
        file = url.database
        if not file or file == ":memory:" or file.startswith("file:"):
            return None
        return Path(file + SUFFIX)
    cache = Path(os.environ.get("PROSCRIBE_CACHE") or Path.home() / ".cache" / "proscribe")
    # The URL may carry a password: only its hash is written anywhere.
    digest = hashlib.sha256(url.render_as_string(hide_password=False).encode("utf-8")).hexdigest()
    return cache / f"{digest[:24]}{SUFFIX}"


def _library_versions() -> dict[str, str]:
    found: dict[str, str] = {}
    for name in NAME_LIBRARIES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "absent"
    return found


def _code_fingerprint() -> str:
    root = Path(proscribe.__file__).parent
    digest = hashlib.sha256()
    for relative in INDEX_SOURCES:
        where = root / relative
        for file in sorted(where.glob("*.py")) if where.is_dir() else [where]:
            digest.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


_SOFTWARE: Key | None = None


def software_key() -> Key:
    """What, besides the data, a stored index depends on (computed once per process): part of
    every index key."""
    global _SOFTWARE
    if _SOFTWARE is None:
        _SOFTWARE = {
            "format": FORMAT,
            "package": proscribe.__version__,
            "python": list(sys.version_info[:2]),
            "libraries": _library_versions(),
            "code": _code_fingerprint(),
        }
    return _SOFTWARE


class StoredEntities(Sequence[Entity]):
    """Entities kept as their JSON and parsed when first asked for: a screen reads only its matches'."""

    def __init__(self, bodies: list[bytes]) -> None:
        self._bodies = bodies
        self._parsed: dict[int, Entity] = {}

    def __len__(self) -> int:
        return len(self._bodies)

    @overload
    def __getitem__(self, position: int) -> Entity: ...
    @overload
    def __getitem__(self, position: slice) -> list[Entity]: ...
    def __getitem__(self, position: int | slice) -> Entity | list[Entity]:
        if isinstance(position, slice):
            return [self[i] for i in range(*position.indices(len(self)))]
        if position < 0:
            position += len(self._bodies)
        found = self._parsed.get(position)
        if found is None:
            found = self._parsed[position] = Entity.model_validate_json(self._bodies[position])
        return found

    def __iter__(self) -> Iterator[Entity]:
        return (self[i] for i in range(len(self)))


class StoredActs(Mapping[str, list[RecordedAct]]):
    """Each entity's list acts, kept in the journal's stored form (:func:`proscribe.canonical.act_body`)
    and parsed as the journal parses them when the entity's statuses are first needed."""

    def __init__(self, acts: StoredActColumns, by_entity: dict[str, list[int]]) -> None:
        self._acts = acts
        self._by_entity = by_entity
        self._parsed: dict[int, RecordedAct] = {}  # an act naming several entities is parsed once

    def __getitem__(self, entity_id: str) -> list[RecordedAct]:
        out: list[RecordedAct] = []
        seqs, bodies, previous, hashes = self._acts
        for position in self._by_entity[entity_id]:
            found = self._parsed.get(position)
            if found is None:
                found = self._parsed[position] = RecordedAct(
                    seq=seqs[position],
                    act=parse_body(bodies[position].decode("utf-8")),
                    prev_hash=previous[position],
                    hash=hashes[position],
                )
            out.append(found)
        return out

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_entity)

    def __len__(self) -> int:
        return len(self._by_entity)


def _payload(index: ScreeningIndex) -> bytes:
    # Entities and acts as the database stores them (UTF-8 JSON without empty fields): loading
    # them is a copy of some 45 MB, not a parse.
    entities = [orjson.dumps(entity.model_dump(mode="json", exclude_none=True)) for entity in index.entities]
    positions: dict[str, int] = {}  # act id -> position in ``acts``
    acts: StoredActColumns = ([], [], [], [])
    by_entity: dict[str, list[int]] = {}
    for entity_id, recorded in index.acts_by_entity.items():
        mine = by_entity[entity_id] = []
        for act in recorded:
            position = positions.get(act.act.id)
            if position is None:
                position = positions[act.act.id] = len(acts[0])
                acts[0].append(act.seq)
                acts[1].append(act_body(act.act, act.seq).encode("utf-8"))
                acts[2].append(act.prev_hash)
                acts[3].append(act.hash)
            mine.append(position)
    state = (entities, acts, by_entity, dict(index.list_versions), index.names)
    return pickle.dumps(state, protocol=5)


def write_index(path: Path, key: Key, index: ScreeningIndex) -> bool:
    """Store ``index`` at ``path`` under ``key`` (temporary file, then renamed): ``True`` if written.

    A location that cannot be written (read-only folder, full disk) is not an error: the index
    stays in memory only, and the reason is logged.
    """
    payload = _payload(index)
    header = json.dumps(
        {
            "format": FORMAT,
            "key": key,
            "payload_bytes": len(payload),
            "payload_crc32": zlib.crc32(payload),
        },
        sort_keys=True,
    ).encode("utf-8")
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_abandoned(path)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(MAGIC + struct.pack(">Q", len(header)) + header)
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
        temporary = None
    except OSError as exc:
        log.info("screening index not saved at %s: %s", path, exc)
        return False
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    return True


def _remove_abandoned(path: Path) -> None:
    """Temporary files of writers killed before their rename (an hour old: no writer takes that long)."""
    for leftover in path.parent.glob(glob.escape(path.name) + ".*.tmp"):
        with contextlib.suppress(OSError):
            if time.time() - leftover.stat().st_mtime > ABANDONED_AFTER_S:
                leftover.unlink()


def _trusted(path: Path) -> bool:
    """Only a file of this user (or root) that no one else may write is unpickled."""
    info = path.stat()
    return info.st_uid in (os.geteuid(), 0) and not info.st_mode & 0o022


def read_index(path: Path, key: Key) -> ScreeningIndex | None:
    """The index stored at ``path`` if it is whole and was built under ``key``, else ``None``
    (missing, stale, truncated, corrupted, not ours: the caller rebuilds it)."""
    try:
        if not _trusted(path):
            log.warning("screening index %s ignored: writable by others or not owned by this user", path)
            return None
        with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            return _parse(memoryview(mapped), key)
    except (OSError, ValueError):  # missing, a folder, empty (mmap refuses those)
        return None


def _parse(data: memoryview, key: Key) -> ScreeningIndex | None:
    """The index in ``data`` (a mapped file; nothing refers to it afterwards) if whole and built under ``key``."""
    try:
        start = len(MAGIC) + 8
        if len(data) < start or data[: len(MAGIC)] != MAGIC:
            return None
        (length,) = struct.unpack(">Q", data[len(MAGIC) : start])
        try:
            header = json.loads(bytes(data[start : start + length]))
        except ValueError:
            return None
        if not isinstance(header, dict) or header.get("format") != FORMAT or header.get("key") != key:
            return None
        payload = data[start + length :]
        if len(payload) != header.get("payload_bytes") or zlib.crc32(payload) != header.get("payload_crc32"):
            return None
        with _collector_paused():
            entities, acts, by_entity, list_versions, names = pickle.loads(payload)
            del payload
    finally:
        data.release()
    if not isinstance(names, NameIndex):
        return None
    return ScreeningIndex.assembled(
        StoredEntities(entities), StoredActs(acts, by_entity), list_versions, names
    )


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    # Unpickling allocates the index's million objects: collections meanwhile would walk them again
    # and again. They are moved out of the collector's sight afterwards (as a server's index would
    # end up in the oldest generation), so later collections do not walk them either.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
