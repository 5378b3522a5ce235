"""Query -> ranked, explained matches with each entity's listings as of a date.

The public API (used by the CLI and the HTTP API)::

    index = ScreeningIndex.from_registry(registry)      # build once (seconds), reuse
    matches = screen(index, "Hay'at Tahrir al-Sham", as_of=dt.date(2025, 3, 1), jurisdictions=["US"])
    for m in matches: print(m.score, m.caption, [(l.jurisdiction, l.status, l.since) for l in m.listings])

Statuses come from the journal with the pure views (``views.own_status``), computed only for
matched entities and cached per date. A delisted organisation is reported as "formerly listed"
with the date of its delisting, never as listed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from proscribe import views
from proscribe.errors import InputError
from proscribe.lists.store import ListStore
from proscribe.model import Entity, RecordedAct
from proscribe.names.index import Hit, NameIndex
from proscribe.names.score import THRESHOLD
from proscribe.names.text import MAX_NAME_CHARS, clean
from proscribe.registry import Registry

STATUS_WORDS = {
    views.Status.LISTED: "listed",
    views.Status.SUSPENDED: "suspended",
    views.Status.DELISTED: "formerly listed",
    views.Status.UNKNOWN: "unknown",
}
MAX_QUERY_CHARS = 10_000


@dataclass(frozen=True)
class ListingView:
    jurisdiction: str
    list: str
    status: str  # "listed", "suspended", "formerly listed" (since = delisting date), "unknown"
    since: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "jurisdiction": self.jurisdiction,
            "list": self.list,
            "status": self.status,
            "since": self.since,
        }


@dataclass(frozen=True)
class Match:
    entity_id: str
    caption: str
    names: list[str]
    score: float
    matched_name: str
    explanation: str
    listings: list[ListingView] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "entity_id": self.entity_id,
            "caption": self.caption,
            "names": self.names,
            "score": self.score,
            "matched_name": self.matched_name,
            "explanation": self.explanation,
            "listings": [listing.to_json() for listing in self.listings],
        }


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The garbage collector paused while the index is built: the build allocates millions of
    long-lived objects, and the collections they trigger would walk all of them again and again
    (the build takes about half the time without them). One collection at the end moves them to
    the oldest generation at once, rather than during the first queries."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
            gc.collect()


class ScreeningIndex:
    """Every entity's names in a :class:`NameIndex`, plus its list acts for statuses on any date."""

    def __init__(
        self,
        entities: Sequence[Entity],
        acts_by_entity: dict[str, list[RecordedAct]],
        list_versions: dict[str, str] | None = None,
    ) -> None:
        self.entities: Sequence[Entity] = list(entities)
        self.acts_by_entity: Mapping[str, Sequence[RecordedAct]] = acts_by_entity
        self.list_versions = dict(list_versions or {})
        with _collector_paused():
            self.names = NameIndex(
                ((i, name.value) for i, entity in enumerate(self.entities) for name in entity.names),
                kinds=[str(entity.kind) for entity in self.entities],
            )
        self._listings: dict[tuple[str, dt.date], list[ListingView]] = {}

    @classmethod
    def assembled(
        cls,
        entities: Sequence[Entity],
        acts_by_entity: Mapping[str, Sequence[RecordedAct]],
        list_versions: dict[str, str],
        names: NameIndex,
    ) -> ScreeningIndex:
        """An index from parts built before (``names`` over ``entities``, by position), as
        :mod:`proscribe.screening.persisted` loads them: nothing is normalised again."""
        index = cls.__new__(cls)
        index.entities, index.acts_by_entity = entities, acts_by_entity
        index.list_versions, index.names = dict(list_versions), names
        index._listings = {}
        return index

    @classmethod
    def from_registry(cls, registry: Registry) -> ScreeningIndex:
        with _collector_paused():
            return cls._from_registry(registry)

    @classmethod
    def _from_registry(cls, registry: Registry) -> ScreeningIndex:
        acts: dict[str, list[RecordedAct]] = {}
        for recorded in registry.journal.all_acts():
            if recorded.act.list_id:
                for entity_id in recorded.act.entities:
                    acts.setdefault(entity_id, []).append(recorded)
        entities = [e for e in registry.entities.all() if e.id in acts]
        # by data date, so the newest version of each source wins
        stored = sorted(ListStore(registry.db).versions(), key=lambda v: v.data_date)
        versions = {v.source: f"{v.data_date} {v.id[:12]}" for v in stored}
        return cls(entities, acts, versions)

    def listings(self, entity_id: str, as_of: dt.date) -> list[ListingView]:
        """The entity's own listings on ``as_of`` (never-listed ones left out); cached per date."""
        cached = self._listings.get((entity_id, as_of))
        if cached is not None:
            return cached
        acts = self.acts_by_entity.get(entity_id, [])
        out: list[ListingView] = []
        for code in sorted({r.act.jurisdiction for r in acts}):
            result = views.own_status(acts, entity_id, code, as_of)
            for listed in result.lists:
                word = STATUS_WORDS.get(listed.status)
                if word is not None:
                    out.append(ListingView(code, listed.list_id, word, listed.since))
        if len(self._listings) > 200_000:
            self._listings.clear()
        self._listings[(entity_id, as_of)] = out
        return out


def check_query(query: str, location: str = "query") -> str:
    """A usable query or an InputError: control characters dropped, empty and huge names refused."""
    if len(query) > MAX_QUERY_CHARS:
        raise InputError(f"name is {len(query):,} characters long (at most {MAX_QUERY_CHARS:,})", location)
    cleaned = clean(query)
    if not cleaned:
        raise InputError("empty name", location)
    return cleaned[:MAX_NAME_CHARS]


def screen(
    index: ScreeningIndex | Registry,
    query: str,
    as_of: dt.date | None = None,
    jurisdictions: Iterable[str] | None = None,
    limit: int = 10,
    *,
    threshold: float = THRESHOLD,
    excluded: frozenset[str] | set[str] = frozenset(),
) -> list[Match]:
    """Entities whose names match ``query`` at or above ``threshold``, best first, with statuses.

    ``as_of`` defaults to today; ``jurisdictions`` keeps only entities with a listing there
    (and shows only those listings); ``excluded`` holds entity ids reviewed as "not this entity"
    for this query (see :mod:`proscribe.screening.exclusions`). Raises InputError for an empty
    or over-long query.
    """
    if isinstance(index, Registry):
        index = ScreeningIndex.from_registry(index)
    text = check_query(query)
    day = as_of or dt.date.today()
    wanted = {code.upper() for code in jurisdictions} if jurisdictions else None
    best: dict[int, Hit] = {}
    for hit in index.names.search(text, min_score=threshold):
        if hit.scored.score < threshold:
            break
        best.setdefault(hit.name.owner, hit)
    matches: list[Match] = []
    for owner, hit in best.items():
        entity = index.entities[owner]
        if entity.id in excluded:
            continue
        listings = index.listings(entity.id, day)
        if wanted is not None:
            listings = [listing for listing in listings if listing.jurisdiction in wanted]
        if not listings:
            continue
        matches.append(
            Match(
                entity_id=entity.id,
                caption=entity.caption,
                names=[name.value for name in entity.names],
                score=hit.scored.score,
                matched_name=hit.name.value,
                explanation=hit.scored.explain(hit.query_form, hit.name.form),
                listings=listings,
            )
        )
        if len(matches) >= limit:
            break
    return matches
