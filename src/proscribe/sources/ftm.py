"""FollowTheMoney entities as JSON lines (OpenSanctions exports, ``entities.ftm.json``).

One JSON object per line: ``{"id", "schema", "caption", "properties":
{...}, "datasets": [...]}``. FtM data does not say reliably which
jurisdiction or list a subject belongs to (a dataset may merge several), so
the caller names both: ``parse(paths, jurisdiction="UN", list_id="un-sc-sanctions")``
(``--jurisdiction`` / ``--list`` on the command line). Key: the FtM ``id``.

Only subjects become entries: Person, Organization, Company, LegalEntity
(and the other legal-entity schemas, as organisations), Vessel and Airplane.
Other schemas — Sanction, Address, Identification, Ownership ... — are
skipped. A Sanction's ``entity`` property holds the id of the subject it
applies to, with its ``program``, ``listingDate`` and ``authorityId``; a
later pass could join those onto the entries by id (this parser streams and
keeps no index, so it does not).

Names: ``caption`` (or the first ``name``) is the primary; the other
``name`` values and ``alias`` are aka, ``weakAlias`` weak, ``previousName``
fka. ``programmes``: ``programId`` or ``program``. ``references``:
``unscId`` (a UN Security Council reference number). ``listed_on``: the
earliest ``listingDate``, else the earliest ``createdAt`` (the list's own
record date); OpenSanctions' ``first_seen`` is when the crawler first saw
the entry, not a listing date, and is not used. The data date is
``--data-date`` or a date in the file name.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from proscribe.errors import InputError
from proscribe.model import EntityKind, NameType
from proscribe.sources.base import (
    ListEntry,
    ListName,
    ParsedList,
    Progress,
    arrange_names,
    content_hash,
    date_from_name,
    require_files,
    un_reference,
)

KINDS = {
    "Person": EntityKind.PERSON,
    "Organization": EntityKind.ORGANISATION,
    "Company": EntityKind.ORGANISATION,
    "LegalEntity": EntityKind.ORGANISATION,
    "PublicBody": EntityKind.ORGANISATION,
    "Vessel": EntityKind.VESSEL,
    "Airplane": EntityKind.AIRCRAFT,
}
NAME_PROPERTIES = (
    ("name", NameType.AKA),
    ("alias", NameType.AKA),
    ("weakAlias", NameType.WEAK),
    ("previousName", NameType.FKA),
)
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")
# One entity is a few kB; a line this long is not an FtM entity.
MAX_LINE_BYTES = 16 * 1024 * 1024


def _strings(properties: dict[str, Any], name: str) -> list[str]:
    values = properties.get(name)
    if not isinstance(values, list):
        return []
    return [" ".join(v.split()) for v in values if isinstance(v, str) and v.strip()]


def _earliest_date(values: list[str]) -> str | None:
    dates = [found.group(0) for found in map(_PARTIAL_DATE.match, values) if found]
    return min(dates) if dates else None


def entry_from_object(data: Any, list_id: str, location: str) -> ListEntry | None:
    """The entry for one FtM object, or None for a schema that is not a listed subject."""
    if not isinstance(data, dict):
        raise InputError("expected a JSON object (an FtM entity)", location=location)
    key, schema = data.get("id"), data.get("schema")
    if not isinstance(key, str) or not key or not isinstance(schema, str) or not schema:
        raise InputError("FtM entity without an id and a schema", location=location)
    kind = KINDS.get(schema)
    if kind is None:
        return None
    properties = data.get("properties") or {}
    if not isinstance(properties, dict):
        raise InputError(f"{key}: properties is not an object", location=location)
    names: list[ListName] = []
    caption = data.get("caption")
    if isinstance(caption, str) and caption.strip():
        names.append(ListName(caption, NameType.PRIMARY))
    for field, name_type in NAME_PROPERTIES:
        names.extend(ListName(value, name_type) for value in _strings(properties, field))
    references = (un_reference(value) for value in _strings(properties, "unscId"))
    programmes = _strings(properties, "programId") or _strings(properties, "program")
    notes = _strings(properties, "notes")
    return ListEntry(
        key=key,
        kind=kind,
        names=arrange_names(names),
        lists=(list_id,),
        programmes=tuple(dict.fromkeys(programmes)),
        listed_on=_earliest_date(_strings(properties, "listingDate"))
        or _earliest_date(_strings(properties, "createdAt")),
        references=tuple(dict.fromkeys(r for r in references if r)),
        remarks=" ".join(notes) or None,
    )


def _entries(files: list[Path], list_id: str, progress: Progress | None) -> Iterator[ListEntry]:
    total = sum(p.stat().st_size for p in files)
    done = 0
    for path in files:
        with path.open("rb") as handle:
            for number, line in enumerate(handle, start=1):
                done += len(line)
                location = f"{path}:{number}"
                if len(line) > MAX_LINE_BYTES:
                    raise InputError("line too long for an FtM entity", location=location)
                if not line.strip():
                    continue
                try:
                    data = orjson.loads(line)
                except orjson.JSONDecodeError as exc:
                    raise InputError(f"not a JSON line: {exc.msg}", location=location) from None
                entry = entry_from_object(data, list_id, location)
                if entry is not None:
                    if not entry.names:
                        raise InputError(f"{entry.key} has no name", location=location)
                    yield entry
                if progress and number % 1000 == 0:
                    progress(done, total)
    if progress:
        progress(total, total)


def parse(
    paths: list[Path],
    data_date: dt.date | None = None,
    progress: Progress | None = None,
    *,
    jurisdiction: str,
    list_id: str,
) -> ParsedList:
    if not jurisdiction.strip() or not list_id.strip():
        raise InputError("FtM data needs a jurisdiction and a list id (--jurisdiction, --list)")
    files = require_files(paths)
    basis = "--data-date"
    if data_date is None:
        data_date = date_from_name(files[0])
        basis = f"date in the file name {files[0].name}"
        if data_date is None:
            raise InputError("FtM files carry no list date; give --data-date", location=str(files[0]))
    return ParsedList(
        source="ftm",
        jurisdiction=jurisdiction.strip().upper(),
        files=files,
        content_hash=content_hash(files),
        data_date=data_date,
        data_date_basis=basis,
        entries=_entries(files, list_id.strip(), progress),
        meta={"list": list_id.strip()},
    )
