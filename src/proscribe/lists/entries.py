"""List entries as stored: canonical JSON and a digest that changes when the entry changes."""

from __future__ import annotations

import hashlib
from typing import Any

import orjson

from proscribe.model import EntityKind, NameType
from proscribe.sources.base import EntryDecision, ListEntry, ListName

DECISION_FIELDS = ("action", "text", "authority", "decided", "effective", "published", "instrument")


def entry_to_dict(entry: ListEntry) -> dict[str, Any]:
    data: dict[str, Any] = {
        "key": entry.key,
        "kind": entry.kind.value,
        "names": [[n.value, n.type.value, n.lang] for n in entry.names],
        "lists": list(entry.lists),
        "programmes": list(entry.programmes),
        "listed_on": entry.listed_on,
        "references": list(entry.references),
        "identifiers": [list(pair) for pair in entry.identifiers],
        "remarks": entry.remarks,
    }
    # Written only when set, so entries of lists without them keep their stored digests.
    if entry.in_force is not None:
        data["in_force"] = entry.in_force
    if entry.instrument is not None:
        data["instrument"] = entry.instrument
    # Only entries that carry decisions get the key: the stored bodies (and so the digests) of
    # every other source stay byte-for-byte what they were, and their next versions diff cleanly.
    if entry.decisions:
        data["decisions"] = [{f: getattr(d, f) for f in DECISION_FIELDS} for d in entry.decisions]
    return data


def entry_from_dict(data: dict[str, Any]) -> ListEntry:
    return ListEntry(
        key=data["key"],
        kind=EntityKind(data["kind"]),
        names=tuple(ListName(value, NameType(kind), lang) for value, kind, lang in data["names"]),
        lists=tuple(data["lists"]),
        programmes=tuple(data["programmes"]),
        listed_on=data["listed_on"],
        references=tuple(data["references"]),
        identifiers=tuple((scheme, value) for scheme, value in data["identifiers"]),
        remarks=data["remarks"],
        in_force=data.get("in_force"),
        instrument=data.get("instrument"),
        decisions=tuple(EntryDecision(**item) for item in data.get("decisions", ())),
    )


def entry_body(entry: ListEntry) -> bytes:
    return orjson.dumps(entry_to_dict(entry), option=orjson.OPT_SORT_KEYS)


def entry_digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()
