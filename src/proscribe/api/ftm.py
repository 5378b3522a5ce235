"""proscribe's registry seen as FollowTheMoney entities and datasets, the way yente shows them.

yente (OpenSanctions' matching API) answers with FtM entities: a ``schema``, ``properties`` of
string lists, ``datasets``, ``referents``, ``target``, ``first_seen``/``last_seen``/``last_change``.
This module derives those from proscribe's own data, and nothing else:

- **datasets** are proscribe's lists (``us-fto`` → ``us_fto``: yente dataset names are slugs with
  underscores), plus the collections ``default`` and ``proscribe`` holding all of them;
- **schema** from the entity kind (person → Person, organisation → Organization, vessel → Vessel,
  aircraft → Airplane);
- **topics** from the kind of the lists the entity is listed on *today*: ``crime.terror`` for
  terrorist proscription lists, ``sanction`` for asset-freeze lists (both for the lists that are
  both); a delisted entity has neither and is not a ``target``;
- **referents** are the ids proscribe gives the list entries linked to the entity
  (``un-qde.137``): the ids a list import would have created for them;
- **first_seen**/**last_seen**: the data dates of the first and latest list versions holding one
  of the entity's entries; without list versions, first_seen is when proscribe first recorded an
  act on it and last_seen is unknown (null). **last_change** is when its latest act was recorded.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from proscribe.lists.catalogue import ListKind, describe
from proscribe.lists.linking import entity_id_for
from proscribe.lists.store import ListStore
from proscribe.model import Entity, EntityKind, NameType
from proscribe.registry import Registry
from proscribe.screening import ListingView, ScreeningIndex

SCHEMA_OF_KIND = {
    EntityKind.PERSON: "Person",
    EntityKind.ORGANISATION: "Organization",
    EntityKind.VESSEL: "Vessel",
    EntityKind.AIRCRAFT: "Airplane",
}
# FtM schemata a query may name, and the entity kinds each can match (a query for a LegalEntity
# may be a person or an organisation, as FtM's schema hierarchy has it; Thing is any of them).
MATCHABLE: dict[str, frozenset[EntityKind]] = {
    "Thing": frozenset(EntityKind),
    "LegalEntity": frozenset({EntityKind.PERSON, EntityKind.ORGANISATION}),
    "Person": frozenset({EntityKind.PERSON}),
    "Organization": frozenset({EntityKind.ORGANISATION}),
    "Company": frozenset({EntityKind.ORGANISATION}),
    "PublicBody": frozenset({EntityKind.ORGANISATION}),
    "Vessel": frozenset({EntityKind.VESSEL}),
    "Airplane": frozenset({EntityKind.AIRCRAFT}),
}
# FtM schemata that exist but name no matchable thing (yente refuses to match them as well).
NOT_MATCHABLE = frozenset(
    {"Address", "Passport", "Identification", "Sanction", "Ownership", "Directorship", "Family",
     "Associate", "Membership", "Employment", "Occupancy", "Position", "Note", "Event", "Article",
     "Document", "Payment", "Security", "BankAccount", "CryptoWallet", "Vehicle", "Asset"}
)  # fmt: skip
COLLECTIONS = ("default", "proscribe")
TERROR = "crime.terror"
SANCTION = "sanction"
TOPICS = (TERROR, SANCTION)
# The kind of each list proscribe holds that lists/catalogue.py does not describe. Sources: the
# lists' own legal bases as recorded in the bundled acts (proscription orders ban organisations
# as terrorist; UNSC, EU CP 2001/931 and the US SDGT designations freeze assets).
LIST_TOPICS: dict[str, frozenset[str]] = {
    "un-sc-sanctions": frozenset({SANCTION}),
    "us-sdgt": frozenset({SANCTION, TERROR}),
    "eu-cp-2001-931": frozenset({SANCTION, TERROR}),
    "us-fto": frozenset({TERROR}),
    "gb-proscribed-organisations": frozenset({TERROR}),
    "ca-listed-terrorist-entities": frozenset({TERROR}),
    "kz-banned-terrorist-organisations": frozenset({TERROR}),
    "kg-banned-organisations": frozenset({TERROR}),
    "ru-federal-terrorist-list": frozenset({TERROR}),
    "au-listed-terrorist-organisations": frozenset({TERROR}),
    "nz-designated-terrorist-entities": frozenset({TERROR}),
    # de-vereinsgesetz-bans (association bans, not a terrorist list) gets no topic: FtM has none for them.
    # Other jurisdictions (docs/data.md, "Additions of 2026-12-05: other jurisdictions").
    "ar-repet": frozenset({TERROR}),
    "py-decree-2307-terrorist-organisations": frozenset({TERROR}),
    "co-adopted-us-eu-terrorist-lists": frozenset({TERROR}),
    "hn-terrorism-registry": frozenset({TERROR}),
    "gt-terrorist-designations": frozenset({TERROR}),
    "lt-terrorist-designations": frozenset({TERROR}),
    "lv-terrorist-designations": frozenset({TERROR}),
    "ee-international-sanctions": frozenset({SANCTION, TERROR}),
    "si-terrorist-designations": frozenset({TERROR}),
    "ch-banned-organisations": frozenset({TERROR}),
    "ae-terrorist-organisations": frozenset({TERROR}),
    "sa-terrorist-organisations": frozenset({TERROR}),
    "bh-terrorist-organisations": frozenset({TERROR}),
    "eg-terrorist-designations": frozenset({TERROR}),
    "in-uapa-terrorist-organisations": frozenset({TERROR}),
    "tj-terrorist-extremist-organisations": frozenset({TERROR}),
    "pk-proscribed-organisations": frozenset({TERROR}),
    "tr-un-asset-freezes": frozenset({SANCTION, TERROR}),
    "ua-terrorist-organisations": frozenset({TERROR}),  # draft resolutions only so far
    # Bans that are not terrorist lists get no topic, as de-vereinsgesetz-bans: Austria's ban on symbols, India's
    # declarations of unlawful associations, Tajikistan's extremism bans.
    "at-symbols-act": frozenset(),
    "in-uapa-unlawful-associations": frozenset(),
    "tj-extremist-organisations": frozenset(),
}
ACTIVE = ("listed", "suspended")


def dataset_name(list_id: str) -> str:
    """yente's spelling of a list id: a slug with underscores (``us-fto`` → ``us_fto``)."""
    return list_id.replace("-", "_").replace(".", "_").lower()


def list_topics(list_id: str) -> frozenset[str]:
    if list_id in LIST_TOPICS:
        return LIST_TOPICS[list_id]
    info = describe(list_id)
    if info is None:
        return frozenset()
    return {
        ListKind.TERRORIST: frozenset({TERROR}),
        ListKind.SANCTIONS: frozenset({SANCTION}),
        ListKind.EXTREMIST: frozenset(),  # FtM has no topic for extremism bans
    }[info.kind]


def iso_seconds(value: dt.date | dt.datetime | None) -> str | None:
    """yente's timestamps: ISO 8601 to the second, without a time zone (UTC)."""
    if value is None:
        return None
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    elif value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value.replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class DatasetInfo:
    name: str
    title: str
    list_id: str | None
    entity_count: int
    version: str | None  # the latest list version's data date, or the latest act's record time
    updated_at: str | None
    children: tuple[str, ...] = ()


@dataclass
class EntityFacts:
    datasets: list[str] = field(default_factory=list)
    referents: list[str] = field(default_factory=list)
    first_seen: str | None = None
    last_seen: str | None = None
    last_change: str | None = None


class FtmView:
    """The FtM facts of every screened entity, built once per screening index."""

    def __init__(self, registry: Registry, index: ScreeningIndex) -> None:
        self.index = index
        self.by_id: dict[str, Entity] = {e.id: e for e in index.entities}
        self.facts: dict[str, EntityFacts] = {}
        members: dict[str, set[str]] = {}
        act_times: dict[str, list[dt.datetime]] = {}
        for entity_id, acts in index.acts_by_entity.items():
            facts = self.facts.setdefault(entity_id, EntityFacts())
            lists = sorted({r.act.list_id for r in acts if r.act.list_id})
            facts.datasets = [dataset_name(x) for x in lists]
            for list_id in lists:
                members.setdefault(list_id, set()).add(entity_id)
            act_times[entity_id] = [r.act.recorded_at for r in acts if r.act.recorded_at]
        seen = self._seen_in_versions(registry, set(self.facts))
        for entity_id, facts in self.facts.items():
            times = act_times.get(entity_id, [])
            first, last, refs = seen.get(entity_id, (None, None, []))
            facts.referents = sorted(r for r in refs if r != entity_id)
            facts.first_seen = iso_seconds(first or (min(times) if times else None))
            facts.last_seen = iso_seconds(last)
            facts.last_change = iso_seconds(max(times) if times else None)
        self.datasets = self._datasets(registry, members, act_times)
        self.referent_of = {ref: eid for eid, f in self.facts.items() for ref in f.referents}

    @staticmethod
    def _seen_in_versions(
        registry: Registry, entity_ids: set[str]
    ) -> dict[str, tuple[dt.date | None, dt.date | None, list[str]]]:
        store = ListStore(registry.db)
        entries = store.listings_of(entity_ids)
        by_entry = {pair: eid for eid, pairs in entries.items() for pair in pairs}
        first: dict[str, dt.date] = {}
        last: dict[str, dt.date] = {}
        for version in store.versions():  # by source, then data date
            for key in store.membership(version.id):
                owner = by_entry.get((version.source, key))
                if owner is not None:
                    first.setdefault(owner, version.data_date)
                    last[owner] = max(last.get(owner, version.data_date), version.data_date)
        return {
            eid: (first.get(eid), last.get(eid), [entity_id_for(s, k) for s, k in pairs])
            for eid, pairs in entries.items()
        }

    def _datasets(
        self, registry: Registry, members: dict[str, set[str]], act_times: dict[str, list[dt.datetime]]
    ) -> list[DatasetInfo]:
        latest_version: dict[str, dt.date] = {}
        for stored in ListStore(registry.db).versions():
            latest_version[stored.id] = stored.data_date
        found: list[DatasetInfo] = []
        for list_id, entity_ids in sorted(members.items()):
            hashes = {
                (s.document_hash or "").removeprefix("sha256:")
                for eid in entity_ids
                for r in self.index.acts_by_entity.get(eid, [])
                if r.act.list_id == list_id
                for s in r.act.sources
            }
            version_dates = [d for h, d in latest_version.items() if h in hashes]
            recorded = [t for eid in entity_ids for t in act_times.get(eid, [])]
            # The latest list version's data date where the list is imported; otherwise when
            # proscribe last recorded an act on it (curated lists have no versions).
            updated: dt.date | dt.datetime | None = max(recorded) if recorded else None
            if version_dates:
                updated = max(version_dates)
            stamp = iso_seconds(updated)
            version = re.sub(r"\D", "", stamp) if stamp else None
            info = describe(list_id)
            title = info.title_en if info else list_id
            found.append(
                DatasetInfo(
                    dataset_name(list_id), title, list_id, len(entity_ids), version, iso_seconds(updated)
                )
            )
        children = tuple(d.name for d in found)
        everything = len(self.facts)
        newest = max((d.updated_at for d in found if d.updated_at), default=None)
        version = max((d.version for d in found if d.version), default=None)
        for name in COLLECTIONS:
            found.append(
                DatasetInfo(
                    name, f"proscribe: all lists ({name})", None, everything, version, newest, children
                )
            )
        return found

    def dataset(self, name: str) -> DatasetInfo | None:
        return next((d for d in self.datasets if d.name == name), None)

    def topics(self, listings: Iterable[ListingView]) -> list[str]:
        found: set[str] = set()
        for listing in listings:
            if listing.status in ACTIVE:
                found |= list_topics(listing.list)
        return sorted(found)

    def entity_json(self, entity: Entity, listings: list[ListingView]) -> dict[str, Any]:
        """yente's EntityResponse for ``entity`` with its listings on the day asked."""
        facts = self.facts.get(entity.id, EntityFacts())
        primary = entity.caption
        by_type: dict[str, list[str]] = {"alias": [], "weakAlias": [], "previousName": []}
        prop_of = {NameType.PRIMARY: "alias", NameType.AKA: "alias", NameType.WEAK: "weakAlias",
                   NameType.FKA: "previousName"}  # fmt: skip
        for name in entity.names:
            if name.value != primary:
                by_type[prop_of[name.type]].append(name.value)
        properties: dict[str, list[str]] = {"name": [primary]}
        properties.update({k: list(dict.fromkeys(v)) for k, v in by_type.items() if v})
        topics = self.topics(listings)
        if topics:
            properties["topics"] = topics
        notes = [
            f"{x.jurisdiction} {x.list}: {x.status}" + (f" since {x.since}" if x.since else "")
            for x in listings
        ]
        if notes:
            properties["notes"] = notes
        if entity.notes:
            properties.setdefault("notes", []).append(entity.notes)
        return {
            "id": entity.id,
            "caption": primary,
            "schema": SCHEMA_OF_KIND.get(entity.kind, "LegalEntity"),
            "properties": properties,
            "datasets": facts.datasets,
            "referents": facts.referents,
            "target": bool(topics) or any(x.status in ACTIVE for x in listings),
            "first_seen": facts.first_seen,
            "last_seen": facts.last_seen,
            "last_change": facts.last_change,
        }

    def leaves(self, names: Iterable[str]) -> frozenset[str]:
        """The list datasets behind ``names`` (a collection stands for all its lists)."""
        found: set[str] = set()
        for name in names:
            info = self.dataset(name)
            if info is not None:
                found |= set(info.children) if info.children else {info.name}
        return frozenset(found)
