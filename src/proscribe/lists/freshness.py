"""How old is the list a status rests on? Staleness of answers drawn from imported list versions.

An act read from a list import cites the version it was seen in (``sha256:<version id>``). A
status decided by such an act is only as good as the newest imported version of that list: asked
about 2026-06-01 with only the OFAC list of 2024-05-03 imported, "listed" means "listed in the
list of 2024-05-03", and the answer must say so. Curated acts (gazettes, court rulings, news)
cite no list version and are never stale.

    >>> index = ListIndex.of(registry)                 # doctest: +SKIP
    >>> annotate(index, registry.statuses_as_of("HTS", date(2026, 6, 1)))  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from proscribe.lists.store import ListStore, StoredVersion
from proscribe.registry import Registry
from proscribe.views import STALE_AFTER_DAYS, ActRef, ListFreshness, ListStatus, StatusResult

HASH_PREFIX = "sha256:"


@dataclass(frozen=True)
class ListIndex:
    """The imported list versions, by id, and the newest data date of each source."""

    versions: dict[str, StoredVersion]
    newest: dict[str, dt.date]

    @classmethod
    def of(cls, registry: Registry) -> ListIndex:
        return cls.from_versions(ListStore(registry.db).versions())

    @classmethod
    def from_versions(cls, versions: Iterable[StoredVersion]) -> ListIndex:
        by_id: dict[str, StoredVersion] = {}
        newest: dict[str, dt.date] = {}
        for version in versions:
            by_id[version.id] = version
            if version.data_date > newest.get(version.source, dt.date.min):
                newest[version.source] = version.data_date
        return cls(by_id, newest)

    def cited_versions(self, ref: ActRef) -> list[StoredVersion]:
        """The imported list versions an act cites (an act read from a list import cites one or two)."""
        found = []
        for source in ref.sources:
            if source.document_hash and source.document_hash.startswith(HASH_PREFIX):
                version = self.versions.get(source.document_hash.removeprefix(HASH_PREFIX))
                if version is not None:
                    found.append(version)
        return found

    def snapshot_date(self, since: str | None, source: str | None = None) -> dt.date | None:
        """D when ``since`` is "by D" and D is the data date of an imported version (of ``source``).

        For callers that hold only a status's ``since`` text (screening rows): the argument for
        ``render.since_phrase(status, since, first_seen)`` that reads "first seen in the list of D".
        """
        if not since or not since.startswith("by "):
            return None
        try:
            day = dt.date.fromisoformat(since.removeprefix("by "))
        except ValueError:
            return None
        dates = {v.data_date for v in self.versions.values() if source is None or v.source == source}
        return day if day in dates else None

    def freshness(self, ref: ActRef | None, valid_at: dt.date, start_unknown: bool) -> ListFreshness | None:
        """The list behind a status decided by ``ref``, or None when the act is curated."""
        if ref is None:
            return None
        cited = self.cited_versions(ref)
        if not cited:
            return None
        source = cited[0].source
        data_date = self.newest[source]
        first_seen = None
        if start_unknown:
            # "by D" where D is the data date of a version it cites: first seen in that version.
            # (An entry dated by its wording's in-force day has an earlier D, and no such claim.)
            first_seen = next((v.data_date for v in cited if ref.date == f"by {v.data_date}"), None)
        return ListFreshness(
            source=source,
            data_date=data_date,
            stale=(valid_at - data_date).days > STALE_AFTER_DAYS,
            first_seen=first_seen,
        )


def annotate_list(index: ListIndex, listing: ListStatus, valid_at: dt.date) -> ListStatus:
    listing.freshness = index.freshness(listing.deciding, valid_at, listing.start_unknown)
    return listing


def annotate(index: ListIndex, results: Sequence[StatusResult]) -> Sequence[StatusResult]:
    """Set ``freshness`` on each result and each of its lists (in place; returns ``results``).

    A result's own freshness is that of the list that decides it (the first of ``lists``).
    """
    for result in results:
        for listing in result.lists:
            annotate_list(index, listing, result.valid_at)
        result.freshness = result.lists[0].freshness if result.lists else None
    return results


def status_with_freshness(registry: Registry, results: Sequence[StatusResult]) -> Sequence[StatusResult]:
    """:func:`annotate` with the registry's own list versions: the one call CLI, API and web make."""
    return annotate(ListIndex.of(registry), results)
