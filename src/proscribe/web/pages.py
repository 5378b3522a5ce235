"""Plain data for the analyst pages: an entity's list identifiers and exports, one act, one list
version with its changes, and the link review queue with both sides named.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

import orjson

from proscribe import views
from proscribe.errors import InputError, NotFound
from proscribe.lists.export import CSV_COLUMNS, ExportedEntity, ExportedListing, _ftm_records
from proscribe.lists.links import pending_links
from proscribe.lists.store import ListStore, StoredVersion
from proscribe.lists.versions import version_diff
from proscribe.model import Entity, RecordedAct
from proscribe.names import name_key
from proscribe.registry import Registry

# How many older versions are searched for an identifier the newest version no longer carries.
_VERSIONS_LOOKED_BACK = 12


@dataclass(frozen=True)
class ListIdentifier:
    """An entity's entry on an official list: the list's own key (UN QDe.004, OFAC ent_num)."""

    source: str
    key: str
    version: StoredVersion | None  # the newest imported version carrying the entry
    current: bool  # the newest imported version of the source carries it


def list_identifiers(registry: Registry, entity: Entity) -> list[ListIdentifier]:
    """The list entries behind ``entity`` and the newest list version that has each one.

    Identifiers are the lists' own: no URL is made up from them, since the lists publish no
    stable per-entry address that could be cited.
    """
    store = ListStore(registry.db)
    found: list[ListIdentifier] = []
    for source, key in sorted(store.listings_of([entity.id]).get(entity.id, [])):
        versions = list(reversed(store.versions(source)))[:_VERSIONS_LOOKED_BACK]
        holding = next((v for v in versions if key in store.membership(v.id)), None)
        found.append(ListIdentifier(source, key, holding, bool(versions) and holding is versions[0]))
    return found


def exported_entity(registry: Registry, entity: Entity, as_of: dt.date) -> ExportedEntity:
    """``entity`` with each of its own listings' status on ``as_of``, as ``proscribe export`` gives it."""
    acts: list[RecordedAct] = [
        r
        for r in registry.journal.acts_for_entities([entity.id])
        if r.act.list_id and entity.id in r.act.entities
    ]
    listings = []
    for code in sorted({r.act.jurisdiction for r in acts}):
        result = views.own_status(acts, entity.id, code, as_of)
        for listed in result.lists:
            listings.append(
                ExportedListing(code, listed.list_id, listed.status, listed.since, listed.deciding)
            )
    return ExportedEntity(entity, listings)


def export_text(registry: Registry, entity: Entity, fmt: str, as_of: dt.date) -> str:
    """One entity in the export formats of ``proscribe export``: ``csv``, ``json`` or ``ftm`` (JSON lines)."""
    item = exported_entity(registry, entity, as_of)
    if fmt == "ftm":
        return "".join(orjson.dumps(record).decode() + "\n" for record in _ftm_records(item, as_of))
    if fmt == "json":
        record = {
            "id": entity.id,
            "caption": entity.caption,
            "kind": entity.kind.value,
            "as_of": as_of.isoformat(),
            "names": [n.model_dump(mode="json", exclude_none=True) for n in entity.names],
            "listings": [
                {
                    "jurisdiction": listing.jurisdiction,
                    "list": listing.list_id,
                    "status": listing.status.value,
                    "since": listing.since,
                    "deciding_act": listing.deciding.id if listing.deciding else None,
                }
                for listing in item.listings
            ],
        }
        return orjson.dumps(record, option=orjson.OPT_INDENT_2).decode() + "\n"
    if fmt != "csv":
        raise InputError(f"unknown export format '{fmt}' (csv, json or ftm)", location="format")
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    names = "; ".join(n.value for n in entity.names)
    for listing in item.listings:
        source = ""
        if listing.deciding and listing.deciding.sources:
            first = listing.deciding.sources[0]
            source = first.url or first.document_hash or ""
        deciding = listing.deciding.id if listing.deciding else ""
        writer.writerow(
            [
                entity.id,
                entity.caption,
                entity.kind.value,
                listing.jurisdiction,
                listing.list_id,
                listing.status.value,
                listing.since or "",
                deciding,
                source,
                names,
            ]
        )
    return buffer.getvalue()


def recorded_act(registry: Registry, act_id: str) -> RecordedAct:
    found = registry.journal.acts_by_id([act_id])
    if not found:
        raise NotFound(f"act '{act_id}' does not exist")
    return found[0]


def version_page(registry: Registry, source: str, ref: str, limit: int = 500) -> dict[str, Any]:
    """A list version (hash prefix or data date) and what changed against the version before it."""
    store = ListStore(registry.db)
    version = store.find_version(source, ref)
    if version is None:
        raise NotFound(f"no {source} version matches '{ref}'")
    diff = version_diff(registry, source, version.previous, version.id) if version.previous else None
    return {"version": version, "diff": diff, "limit": limit}


def review_links(registry: Registry, limit: int = 500) -> list[dict[str, Any]]:
    """Pending links with both entities (caption, kind, names, list identifiers) for side-by-side review."""
    links = pending_links(registry, limit)
    ids = {link["entity_id"] for link in links} | {link["candidate_id"] for link in links}
    entities = registry.entities.get_many(ids)
    keys = ListStore(registry.db).listings_of(ids)
    for link in links:
        sides = [entities.get(link["entity_id"]), entities.get(link["candidate_id"])]
        folded = [{name_key(n.value) for n in e.names} if e else set() for e in sides]
        shared = folded[0] & folded[1]
        for side, entity in zip(("entity", "candidate"), sides, strict=True):
            entity_id = link[f"{side}_id"]
            link[side] = entity
            link[f"{side}_keys"] = [f"{source} {key}" for source, key in sorted(keys.get(entity_id, []))]
            # The names both sides carry (folded alike) are marked: they are why the link was proposed.
            link[f"{side}_names"] = [(n, name_key(n.value) in shared) for n in entity.names] if entity else []
    return links
