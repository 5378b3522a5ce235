"""Exports of entities with their listings and statuses on a date: FollowTheMoney, CSV, JSON.

Statuses are computed from the journal (each entity's own listings, as of
the date) with the same pure views as ``proscribe status``.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

import orjson

from proscribe import views
from proscribe.model import Entity, EntityKind, NameType, RecordedAct
from proscribe.registry import Registry

FTM_SCHEMAS = {
    EntityKind.ORGANISATION: "Organization",
    EntityKind.PERSON: "Person",
    EntityKind.VESSEL: "Vessel",
    EntityKind.AIRCRAFT: "Airplane",
}
FTM_NAME_PROPERTIES = {
    NameType.PRIMARY: "name",
    NameType.AKA: "alias",
    NameType.FKA: "previousName",
    NameType.WEAK: "weakAlias",
}
CSV_COLUMNS = [
    "entity_id",
    "caption",
    "kind",
    "jurisdiction",
    "list",
    "status",
    "since",
    "deciding_act",
    "source",
    "names",
]


@dataclass
class ExportedListing:
    jurisdiction: str
    list_id: str
    status: views.Status
    since: str | None
    deciding: views.ActRef | None


@dataclass
class ExportedEntity:
    entity: Entity
    listings: list[ExportedListing]


def exported_entities(registry: Registry, as_of: dt.date) -> Iterator[ExportedEntity]:
    """Every entity that has a listing, with each listing's status on ``as_of``."""
    by_entity: dict[str, list[RecordedAct]] = {}
    for recorded in registry.journal.all_acts():
        if recorded.act.list_id:
            for entity_id in recorded.act.entities:
                by_entity.setdefault(entity_id, []).append(recorded)
    ids = sorted(by_entity)
    for start in range(0, len(ids), 2000):
        chunk = ids[start : start + 2000]
        entities = registry.entities.get_many(chunk)
        for entity_id in chunk:
            acts = by_entity[entity_id]
            listings = []
            for code in sorted({r.act.jurisdiction for r in acts}):
                result = views.own_status(acts, entity_id, code, as_of)
                for listed in result.lists:
                    listings.append(
                        ExportedListing(code, listed.list_id, listed.status, listed.since, listed.deciding)
                    )
            if entity_id in entities:
                yield ExportedEntity(entities[entity_id], listings)


def _ftm_records(item: ExportedEntity, as_of: dt.date) -> Iterator[dict[str, Any]]:
    entity = item.entity
    properties: dict[str, list[str]] = {}
    for name in entity.names:
        properties.setdefault(FTM_NAME_PROPERTIES[name.type], []).append(name.value)
    if "name" not in properties:
        properties["name"] = [entity.caption]
    if any(listing.status is views.Status.LISTED for listing in item.listings):
        properties["topics"] = ["sanction"]
    yield {
        "id": entity.id,
        "schema": FTM_SCHEMAS[entity.kind],
        "caption": entity.caption,
        "properties": properties,
    }
    for listing in item.listings:
        sanction: dict[str, list[str]] = {
            "entity": [entity.id],
            "country": [listing.jurisdiction.lower()],
            "program": [listing.list_id],
            "status": [listing.status.value],
            "date": [as_of.isoformat()],
        }
        if listing.since:
            sanction["startDate" if listing.status is views.Status.LISTED else "endDate"] = [listing.since]
        if listing.deciding:
            sanction["authority"] = [listing.deciding.authority]
            sanction["sourceUrl"] = [s.url for s in listing.deciding.sources if s.url] or []
        yield {
            "id": f"{entity.id}--{listing.jurisdiction.lower()}--{listing.list_id}",
            "schema": "Sanction",
            "properties": {k: v for k, v in sanction.items() if v},
        }


def write_export(registry: Registry, output: IO[str], fmt: str, as_of: dt.date) -> int:
    """Write the export; returns the number of entities written."""
    count = 0
    if fmt == "csv":
        writer = csv.writer(output)
        writer.writerow(CSV_COLUMNS)
    elif fmt == "json":
        output.write("[\n")
    for item in exported_entities(registry, as_of):
        if fmt == "ftm":
            for record in _ftm_records(item, as_of):
                output.write(orjson.dumps(record).decode() + "\n")
        elif fmt == "csv":
            names = "; ".join(n.value for n in item.entity.names)
            for listing in item.listings:
                source = ""
                if listing.deciding and listing.deciding.sources:
                    first = listing.deciding.sources[0]
                    source = first.url or first.document_hash or ""
                writer.writerow(
                    [
                        item.entity.id,
                        item.entity.caption,
                        item.entity.kind.value,
                        listing.jurisdiction,
                        listing.list_id,
                        listing.status.value,
                        listing.since or "",
                        listing.deciding.id if listing.deciding else "",
                        source,
                        names,
                    ]
                )
        else:
            record = {
                "id": item.entity.id,
                "caption": item.entity.caption,
                "kind": item.entity.kind.value,
                "names": [n.model_dump(mode="json", exclude_none=True) for n in item.entity.names],
                "listings": [
                    {
                        "jurisdiction": lst.jurisdiction,
                        "list": lst.list_id,
                        "status": lst.status.value,
                        "since": lst.since,
                        "deciding_act": lst.deciding.id if lst.deciding else None,
                    }
                    for lst in item.listings
                ],
            }
            output.write(("" if count == 0 else ",\n") + orjson.dumps(record).decode())
        count += 1
    if fmt == "json":
        output.write("\n]\n")
    return count
