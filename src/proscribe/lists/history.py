"""Replaying an archive of successive OFAC sdn.csv snapshots as list versions, in order.

The archive (``jackdwyer_sdn_history_*.tar.xz``) holds one full sdn.csv per
scrape, named ``sdn_<UTC time>_<commit>.csv``. It is read as a stream, one
member at a time, so memory stays bounded however many versions it holds.
"""

from __future__ import annotations

import datetime as dt
import re
import tarfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from proscribe.errors import InputError
from proscribe.lists.importer import ImportResult, import_list
from proscribe.registry import Registry
from proscribe.sources.base import ParsedList
from proscribe.sources.ofac import hash_files, parse_entries

_MEMBER = re.compile(r"sdn_(\d{8})T(\d{6})Z_([0-9a-f]+)\.csv$")


@dataclass(frozen=True)
class Snapshot:
    name: str
    taken_at: dt.datetime
    data: bytes


def snapshots(archive: Path) -> Iterator[Snapshot]:
    """Snapshots in archive order (the archive is written oldest first); names are checked."""
    try:
        with tarfile.open(archive, mode="r|xz") as stream:
            for member in stream:
                if not member.isfile():
                    continue
                match = _MEMBER.search(member.name)
                if not match:
                    raise InputError(
                        "unexpected member (expected sdn_<YYYYMMDD>T<HHMMSS>Z_<commit>.csv)",
                        location=f"{archive}:{member.name}",
                    )
                handle = stream.extractfile(member)
                if handle is None:
                    continue
                taken = dt.datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S").replace(
                    tzinfo=dt.UTC
                )
                yield Snapshot(member.name, taken, handle.read())
    except (tarfile.TarError, EOFError, OSError) as exc:
        raise InputError(f"not a readable .tar.xz archive: {exc}", location=str(archive)) from None


def parsed_snapshot(archive: Path, snapshot: Snapshot) -> ParsedList:
    text = snapshot.data.decode("utf-8", errors="replace")
    where = f"{archive}:{snapshot.name}"
    return ParsedList(
        source="ofac",
        jurisdiction="US",
        files=[Path(where)],
        content_hash=hash_files([("sdn.csv", snapshot.data)]),
        data_date=snapshot.taken_at.date(),
        data_date_basis=f"scrape time {snapshot.taken_at.isoformat()} in the archive member name",
        entries=parse_entries(text, where),
    )


def replay(
    registry: Registry,
    archive: Path,
    progress: Callable[[int, ImportResult], None] | None = None,
    *,
    allow_mass_removal: bool = False,
) -> list[ImportResult]:
    """Import every snapshot as a version of the ``ofac`` source; each in its own transaction."""
    results = []
    for index, snapshot in enumerate(snapshots(archive), start=1):
        parsed = parsed_snapshot(archive, snapshot)
        result = import_list(registry, parsed, allow_mass_removal=allow_mass_removal)
        results.append(result)
        if progress:
            progress(index, result)
    if not results:
        raise InputError("the archive holds no sdn.csv snapshots", location=str(archive))
    return results
