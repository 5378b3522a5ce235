"""Russian lists as published by the mirror ``ITSalt/ru-registries-mirror`` (JSON, schema_version 1).

Russia's lists are web pages without a machine-readable form (the FSB page
answers only over http; Ministry of Justice hosts answer only from Russian
addresses). The mirror fetches each page from the official site and writes
one JSON file per list: ``source_url``, ``source_sha256`` of the bytes it
fetched, ``fetched_at``, and ``entries`` (``id``, ``name``, ``aliases``,
``decision``, ``kind`` ...) with ``entries_sha256`` over them. We check that
sum before reading, so a file cut short or edited by hand is refused.

The data date of a version is the ``fetched_at`` date: the page does not
carry a date of its own.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from proscribe.errors import InputError
from proscribe.nesting import check_json_depth
from proscribe.sources.base import ListEntry, ParsedList, Progress, content_hash, require_files

SCHEMA_VERSION = 1
# The mirror's files are a few hundred kilobytes; anything far larger is not one of them.
SIZE_LIMIT = 64 << 20
_DOTTED_DATE = re.compile(r"\b(\d{2})\.(\d{2})\.(\d{4})\b")


@dataclass(frozen=True)
class MirrorFile:
    """One mirror JSON file, checked: its header and its entries as dicts."""

    path: Path
    registry: str
    title: str
    source_url: str
    fetched_at: dt.datetime
    entries: list[dict[str, Any]]
    meta: dict[str, str]


def entries_sha256(entries: list[dict[str, Any]]) -> str:
    """The mirror's ``entries_sha256``: each entry as sorted-key JSON, one per line."""
    blob = "\n".join(json.dumps(e, ensure_ascii=False, sort_keys=True) for e in entries)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def read_mirror(path: Path, registry: str) -> MirrorFile:
    """Read and check one mirror file of ``registry`` (``fsb_terrorist_orgs``, ``minjust_extremist_orgs``)."""
    if path.stat().st_size > SIZE_LIMIT:
        raise InputError(
            f"file larger than {SIZE_LIMIT >> 20} MiB: not a mirror list file", location=str(path)
        )
    raw = path.read_bytes()
    check_json_depth(raw, str(path))  # json.loads recurses per level: a deep file was a RecursionError
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"not a JSON file: {exc}", location=str(path)) from None
    if not isinstance(data, dict) or "entries" not in data:
        raise InputError("not a ru-registries-mirror file (no 'entries')", location=str(path))
    if data.get("registry") != registry:
        raise InputError(
            f"this file holds registry {data.get('registry')!r}, expected {registry!r}", location=str(path)
        )
    if data.get("schema_version") != SCHEMA_VERSION:
        raise InputError(
            f"schema_version {data.get('schema_version')!r} is not supported (expected {SCHEMA_VERSION})",
            location=str(path),
        )
    entries = data["entries"]
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise InputError("'entries' is not a list of objects", location=str(path))
    if data.get("entry_count") != len(entries):
        raise InputError(
            f"entry_count says {data.get('entry_count')!r} but the file has {len(entries)} entries",
            location=str(path),
        )
    stated = data.get("entries_sha256")
    if stated != entries_sha256(entries):
        raise InputError(
            "the entries do not match the file's entries_sha256 (file altered or cut short)",
            location=str(path),
        )
    try:
        fetched_at = dt.datetime.fromisoformat(str(data.get("fetched_at")))
    except ValueError:
        raise InputError(
            f"fetched_at {data.get('fetched_at')!r} is not a date and time", location=str(path)
        ) from None
    source_url = data.get("source_url")
    if not isinstance(source_url, str) or not source_url:
        raise InputError("no source_url", location=str(path))
    meta = {
        key: str(data[key])
        for key in ("source_url", "source_sha256", "fetched_at", "generator", "title", "entries_sha256")
        if data.get(key) is not None
    }
    return MirrorFile(path, registry, str(data.get("title") or ""), source_url, fetched_at, entries, meta)


def one_file(paths: list[Path], progress: Progress | None) -> tuple[Path, str]:
    """The single file of a version and its content hash (one mirror file is one list version)."""
    files = require_files(paths)
    if len(files) != 1:
        raise InputError(f"a mirror list version is one JSON file; got {len(files)} files")
    return files[0], content_hash(files, progress)


def version_date(mirror: MirrorFile, data_date: dt.date | None) -> tuple[dt.date, str]:
    if data_date is not None:
        return data_date, "--data-date"
    return mirror.fetched_at.date(), f"fetched_at {mirror.fetched_at.isoformat()} in the mirror file"


def iso_from_dotted(value: str) -> str | None:
    """``14.02.2003`` → ``2003-02-14`` (None when it is not a real calendar date)."""
    found = _DOTTED_DATE.fullmatch(value.strip())
    if not found:
        return None
    day, month, year = (int(part) for part in found.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def entry_number(entry: dict[str, Any], prefix: str, path: Path) -> str:
    """The list's own number of an entry: ``fsb-terror-11`` → ``11``."""
    raw = str(entry.get("id") or "")
    if not raw.startswith(prefix) or not raw[len(prefix) :].isdigit():
        raise InputError(f"entry id {raw!r} is not of the form {prefix}<number>", location=str(path))
    return raw[len(prefix) :]


def strip_quotes(value: str) -> str:
    """A name without the guillemets or straight quotes that wrap it (folding keeps them otherwise)."""
    text = " ".join(value.split())
    while len(text) > 1 and text[0] in '«"“' and text[-1] in '»"”' and _balanced(text[1:-1]):
        text = text[1:-1].strip()
    return text


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        if char == "«":
            depth += 1
        elif char == "»":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _outermost(text: str, opening: str, closing: str, keep_unclosed: bool) -> list[tuple[int, int]]:
    """(start, end) of each outermost ``opening ... closing`` group, end exclusive."""
    spans: list[tuple[int, int]] = []
    depth, start = 0, 0
    for index, char in enumerate(text):
        if char == opening:
            if depth == 0:
                start = index
            depth += 1
        elif char == closing and depth > 0:
            depth -= 1
            if depth == 0:
                spans.append((start, index + 1))
    if depth > 0 and keep_unclosed:
        spans.append((start, len(text)))
    return spans


def top_level_brackets(text: str) -> list[tuple[int, int]]:
    """(start, end) of each top-level ``( ... )`` group, end exclusive; an unclosed group runs to the end."""
    return _outermost(text, "(", ")", keep_unclosed=True)


def quote_depths(text: str) -> list[int]:
    """Guillemet depth at each character (a character inside «...» has depth >= 1)."""
    depths, depth = [], 0
    for char in text:
        if char == "«":
            depth += 1
        depths.append(depth)
        if char == "»" and depth > 0:
            depth -= 1
    return depths


def outside_brackets(text: str) -> str:
    """``text`` without its bracket groups, keeping brackets that sit inside a quoted name."""
    depths = quote_depths(text)
    kept: list[str] = []
    level = 0
    for index, char in enumerate(text):
        if char == "(" and (level > 0 or depths[index] == 0):
            level += 1
            continue
        if char == ")" and level > 0:
            level -= 1
            continue
        if level == 0:
            kept.append(char)
    return " ".join("".join(kept).split())


def quoted_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of each outermost «...» name, end exclusive; unclosed ones are left out."""
    return _outermost(text, "«", "»", keep_unclosed=False)


def mirror_version(
    source: str,
    paths: list[Path],
    data_date: dt.date | None,
    progress: Progress | None,
    registry: str,
    entries: Callable[[MirrorFile], Iterator[ListEntry]],
    extra_meta: Callable[[MirrorFile], dict[str, str]] | None = None,
) -> ParsedList:
    """One mirror file as a version of a Russian list: its entries, date and the mirror's metadata."""
    path, digest = one_file(paths, progress)
    mirror = read_mirror(path, registry)
    date, basis = version_date(mirror, data_date)
    meta = dict(mirror.meta)
    if extra_meta:
        meta.update(extra_meta(mirror))
    return ParsedList(
        source=source,
        jurisdiction="RU",
        files=[path],
        content_hash=digest,
        data_date=date,
        data_date_basis=basis,
        entries=entries(mirror),
        meta=meta,
    )
