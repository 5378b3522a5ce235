"""A later official list version is evidence: it settles a disputed delisting claim.

A news report says the UN removed an entry on 6 November 2025; the UN's own list of 27 February
2026 still carries it. The claim stays in the journal (it is a source), but the answer rests on
the list: the reading "delisted" is contradicted by a version published after the claimed date,
so the status is the other reading, and the answer names the version that settles it.

(The other direction needs nothing here: when a later version *lacks* an entry, importing it
records the removal as an act dated between the two versions, see :mod:`proscribe.lists.acts`.)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from proscribe import views
from proscribe.lists.store import ListStore
from proscribe.registry import Registry


@dataclass(frozen=True)
class ListEvidence:
    """An imported list version, dated ``data_date``, that carries the entity's entry ``key``."""

    source: str
    version_id: str
    data_date: dt.date
    key: str

    def __str__(self) -> str:
        return f"the {self.source} list of {self.data_date} (version {self.version_id[:12]}) still carries {self.key}"


def versions_carrying(
    registry: Registry, entity_id: str, list_id: str, after: dt.date, until: dt.date
) -> list[ListEvidence]:
    """Imported versions dated after ``after`` and by ``until`` whose entry for the entity is on ``list_id``."""
    store = ListStore(registry.db)
    found: list[ListEvidence] = []
    keys_by_source: dict[str, list[str]] = {}
    for source, key in store.listings_of([entity_id]).get(entity_id, []):
        keys_by_source.setdefault(source, []).append(key)
    with registry.db.reading() as conn:
        for source, keys in sorted(keys_by_source.items()):
            for version in store.versions(source):
                if not after < version.data_date <= until:
                    continue
                members = store.membership(version.id, conn)
                present = [(key, members[key]) for key in keys if key in members]
                entries = store.entries(source, present, conn)
                for key, entry in sorted(entries.items()):
                    if list_id in entry.lists:
                        found.append(ListEvidence(source, version.id, version.data_date, key))
    return found


def weigh_list_evidence(registry: Registry, result: views.StatusResult) -> views.StatusResult:
    """``result`` with each disputed "delisted" reading checked against later imported list versions.

    A reading that a later version contradicts is dropped; when one reading is left, the listing's
    status is that reading's, and ``evidence`` says which version settled it.
    """
    changed = False
    lists: list[views.ListStatus] = []
    for listing in result.lists:
        if not listing.readings:
            lists.append(listing)
            continue
        kept, notes = [], list(listing.evidence)
        for reading in listing.readings:
            since = _reading_start(registry, reading)
            if reading.status is views.Status.DELISTED and since is not None:
                carried = versions_carrying(registry, result.entity, listing.list_id, since, result.valid_at)
                if carried:
                    notes.append(f"{carried[-1]}: the delisting of {reading.since} did not take effect")
                    continue
            kept.append(reading)
        if len(kept) == len(listing.readings) or not kept:
            lists.append(listing)
            continue
        changed = True
        settled = kept[0] if len(kept) == 1 else None
        lists.append(
            dataclasses.replace(
                listing,
                status=settled.status if settled else listing.status,
                since=settled.since if settled else listing.since,
                readings=[] if settled else kept,
                evidence=notes,
            )
        )
    if not changed:
        return result
    return views.combine_lists(result, lists)


def _reading_start(registry: Registry, reading: views.Reading) -> dt.date | None:
    """The earliest day the reading's own acts take effect (None when it rests on no act)."""
    if not reading.acts:
        return None
    acts = registry.journal.acts_by_id(reading.acts)
    return min((views.effect_window(r.act).earliest for r in acts), default=None)
