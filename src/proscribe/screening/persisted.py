"""The screening index persisted beside the database, so a fresh process loads it instead of
building it (building reads and normalises every name: seconds; loading: a fraction of that).

Where (:func:`index_path`): a SQLite registry keeps it next to its file, ``<db file>.screening-index``;
any other database (PostgreSQL) in ``$PROSCRIBE_CACHE`` (default ``~/.cache/proscribe``) under a
hash of its URL. An in-memory database has none.

File format (:data:`FORMAT`)::

    b"PROSCRIBE-SCREENING-INDEX\\n"          magic
    8 bytes, big-endian: header length (padded with spaces so that the payload starts aligned)
    header: JSON {"format", "key", "payload_bytes", "payload_crc32", "parts", "values", "layout_crc32"}
    payload: flat parts (:mod:`proscribe.names.flat`): entity JSON, acts as stored, acts by
             entity, the NameIndex's columns, keys and facts; "parts" says where each lies

The file is memory-mapped and read in place: loading costs a few milliseconds plus the CRC-32 of
the payload, whatever the registry's size, and a screen makes Python objects only of what it reads.

The file is used only when its key equals the database's key now
(:func:`proscribe.screening.screener.index_key`: the journal head, the list versions, the entities'
count and last change, plus :func:`software_key`: the format, the package and Python versions, the
versions of the libraries that shape names, the byte order and a fingerprint of the code that builds
the index) and its payload has the length and CRC-32 its header states (a check against damage:
truncation, a bad block; trust is the file's owner, below), checked before anything is read from
it; the parts' bounds and lengths are checked too. Otherwise the index is rebuilt and the file
replaced (a damaged file with a warning in the log). It is written to a temporary file in the same folder and
renamed over the old one, so readers see the old file or the new one, never half of one.

Nothing in the file is unpickled or run, but what it holds decides which names a screen finds: a
file is read only when it belongs to the user running this process (or root) and nobody else may
write it, as for the database itself.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import json
import logging
import mmap
import os
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
from proscribe.names import flat
from proscribe.names.index import NameIndex
from proscribe.screening.screen import ScreeningIndex
from proscribe.store.database import Database

log = logging.getLogger(__name__)

FORMAT = 2  # bump when the file layout or the payload's shape changes
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
ActColumns = tuple[Sequence[int], Sequence[bytes], Sequence[str], Sequence[str]]


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
            "byteorder": sys.byteorder,  # numbers are stored in the machine's order
            "libraries": _library_versions(),
            "code": _code_fingerprint(),
        }
    return _SOFTWARE


class StoredEntities(Sequence[Entity]):
    """Entities kept as their JSON and parsed when first asked for: a screen reads only its matches'."""

    def __init__(self, bodies: Sequence[bytes]) -> None:
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

    def __init__(self, acts: ActColumns, by_entity: Mapping[str, list[int]]) -> None:
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


def _parts(index: ScreeningIndex) -> tuple[flat.Parts, dict[str, Any]]:
    """The index laid out flat, and the few values kept in the header."""
    # Entities and acts as the database stores them (UTF-8 JSON without empty fields): a screen
    # parses only its matches'.
    parts = flat.Parts()
    parts.byte_strings(
        "entities",
        (orjson.dumps(entity.model_dump(mode="json", exclude_none=True)) for entity in index.entities),
    )
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
    parts.numbers("acts.seq", "q", acts[0])
    parts.byte_strings("acts.body", acts[1])
    parts.strings("acts.prev_hash", acts[2])
    parts.strings("acts.hash", acts[3])
    owners = list(by_entity)
    parts.keys("acts.by_entity", owners)
    parts.number_lists("acts.by_entity", "q", (by_entity[owner] for owner in owners))
    names = index.names.write_parts(parts, "names.")
    return parts, {"list_versions": dict(index.list_versions), "names": names}


def write_index(path: Path, key: Key, index: ScreeningIndex) -> bool:
    """Store ``index`` at ``path`` under ``key`` (temporary file, then renamed): ``True`` if written.

    A location that cannot be written (read-only folder, full disk) is not an error: the index
    stays in memory only, and the reason is logged.
    """
    try:
        parts, values = _parts(index)
    except ValueError as exc:  # a string the flat layout cannot hold (NUL in a normalised name)
        log.warning("screening index not saved at %s: %s", path, exc)
        return False
    crc = 0
    for chunk in parts.chunks:
        crc = zlib.crc32(chunk, crc)
    header = json.dumps(
        {
            "format": FORMAT,
            "key": key,
            "payload_bytes": parts.size,
            "payload_crc32": crc,
            "parts": parts.table,
            "values": values,
            "layout_crc32": _layout_crc(parts.table, values),
        },
        sort_keys=True,
    ).encode("utf-8")
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _remove_abandoned(path)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            start = len(MAGIC) + 8 + len(header)
            # The payload starts aligned, so that its numbers can be read in place.
            pad = -start % flat.ALIGN
            out.write(MAGIC + struct.pack(">Q", len(header) + pad) + header + b" " * pad)
            out.writelines(parts.chunks)
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


def _layout_crc(table: Mapping[str, Any], values: Mapping[str, Any]) -> int:
    """CRC-32 of where the parts lie and of the values kept in the header: a damaged offset would
    otherwise read the wrong bytes of a whole payload."""
    return zlib.crc32(json.dumps([table, values], sort_keys=True).encode("utf-8"))


def _remove_abandoned(path: Path) -> None:
    """Temporary files of writers killed before their rename (an hour old: no writer takes that long)."""
    for leftover in path.parent.glob(glob.escape(path.name) + ".*.tmp"):
        with contextlib.suppress(OSError):
            if time.time() - leftover.stat().st_mtime > ABANDONED_AFTER_S:
                leftover.unlink()


def _trusted(path: Path) -> bool:
    """Only a file of this user (or root) that no one else may write is read: another user could
    otherwise make screens miss a listed name."""
    info = path.stat()
    return info.st_uid in (os.geteuid(), 0) and not info.st_mode & 0o022


def read_index(path: Path, key: Key) -> ScreeningIndex | None:
    """The index stored at ``path`` if it is whole and was built under ``key``, else ``None``
    (missing, stale, truncated, corrupted, not ours: the caller rebuilds it). A damaged file (as
    opposed to a missing or stale one) is logged as a warning.

    The file stays mapped for as long as the index is used: the index reads it in place.
    """
    try:
        if not _trusted(path):
            log.warning("screening index %s ignored: writable by others or not owned by this user", path)
            return None
        with path.open("rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # missing, a folder, empty (mmap refuses those)
        return None
    try:
        return _parse(memoryview(mapped), key)
    except (ValueError, KeyError, TypeError, IndexError, OverflowError) as exc:
        log.warning("screening index %s damaged (%s): rebuilding it", path, exc)
        return None


def _parse(data: memoryview, key: Key) -> ScreeningIndex | None:
    """The index in ``data`` (a mapped file) if built under ``key`` (``None`` if it was not);
    raises ValueError (or another lookup error) if the file is damaged.

    The whole payload's CRC-32 is checked before anything is read from it (~0.05 s for the full
    registry's 106 MiB, the pages then in memory for the queries), so that a damaged byte anywhere
    is found here, not as a wrong screen later; the layout's bounds are checked as well.
    """
    start = len(MAGIC) + 8
    if len(data) < start or data[: len(MAGIC)] != MAGIC:
        raise ValueError("not a screening index")
    (length,) = struct.unpack(">Q", data[len(MAGIC) : start])
    header = json.loads(bytes(data[start : start + length]))
    if not isinstance(header, dict):
        raise ValueError("header is not an object")
    if header.get("format") != FORMAT or header.get("key") != key:
        return None  # stale (another version of the data or of the software): not damage
    payload = data[start + length :]
    if len(payload) != header.get("payload_bytes"):
        raise ValueError(f"payload is {len(payload)} bytes, not {header.get('payload_bytes')}")
    if zlib.crc32(payload) != header.get("payload_crc32"):
        raise ValueError("payload checksum differs")
    table, values = header.get("parts"), header.get("values")
    if not isinstance(table, dict) or not isinstance(values, dict):
        raise ValueError("no layout in the header")
    if _layout_crc(table, values) != header.get("layout_crc32"):
        raise ValueError("layout checksum differs")
    layout = flat.Layout(payload, table)
    entities = layout.byte_strings("entities")
    acts = (
        flat.Column[int](layout.numbers("acts.seq", "q")),
        layout.byte_strings("acts.body"),
        layout.strings("acts.prev_hash"),
        layout.strings("acts.hash"),
    )
    if len({len(column) for column in acts}) != 1:
        raise ValueError("act columns of different lengths")
    by_entity = layout.map("acts.by_entity", layout.number_lists("acts.by_entity", "q"))
    names = NameIndex.from_parts(layout, "names.", values["names"])
    list_versions = values["list_versions"]
    if not isinstance(list_versions, dict):
        raise ValueError("list versions are not an object")
    return ScreeningIndex.assembled(
        StoredEntities(entities), StoredActs(acts, by_entity), list_versions, names
    )
