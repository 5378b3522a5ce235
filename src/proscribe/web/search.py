"""The web search page as plain data: ranked hits with badges, counts, facets and pages.

Hits come from :meth:`EntityStore.search` (names containing the query, any script). The store
ranks exact, then prefix, then other matches and, within a rank, by entity id; the page ranks them
with :func:`proscribe.entities.rank_key`, as ``GET /api/entities?q=`` does: an exact or prefix match
of an organisation comes first, so "tali" finds the Taliban before a person named "TALIB, ...". When no name contains the query, the screening resolver answers (a typo or
a transliteration) with its reading or its suggestions.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from proscribe.entities import RANKED_SEARCH_POOL, SearchHit, rank_hits
from proscribe.errors import AmbiguousName, InputError
from proscribe.registry import Registry
from proscribe.render import status_label
from proscribe.screening.resolve import NoSuchName, Suggestion, resolve_name
from proscribe.screening.screen import ScreeningIndex

# How many hits the store is asked for: enough to count and facet a common word ("al").
MAX_HITS = RANKED_SEARCH_POOL
PER_PAGE = 20


@dataclass(frozen=True)
class Badge:
    jurisdiction: str
    status: str  # the status label as the terminal words it ("listed", "delisted", ...)
    css: str  # listed / suspended / delisted / unknown


@dataclass
class ResultRow:
    id: str
    caption: str
    kind: str
    matched: str
    match: str
    jurisdictions: list[str] = field(default_factory=list)
    lists: list[str] = field(default_factory=list)
    badges: list[Badge] = field(default_factory=list)


@dataclass
class SearchPage:
    query: str
    total: int  # hits after the facet filters
    results: list[ResultRow]
    page: int
    pages: int
    facets: dict[str, list[tuple[str, int]]]  # facet -> [(value, hits)], over all hits before filtering
    chosen: dict[str, str]  # facet -> the value filtered on
    truncated: bool  # the store gave MAX_HITS: there may be more
    note: str | None = None  # how the screening resolver read the query
    suggestions: list[Suggestion] = field(default_factory=list)


def listings_by_entity(registry: Registry, entity_ids: list[str]) -> dict[str, set[tuple[str, str]]]:
    """(jurisdiction, list id) pairs each entity has acts on."""
    return registry.journal.listings_by_entity(entity_ids)


def _badges(registry: Registry, entity_id: str, day: dt.date) -> list[Badge]:
    badges = []
    for result in registry.statuses_as_of(entity_id, day):
        label = status_label(result.status)
        badges.append(Badge(result.jurisdiction, label, result.status.name.lower()))
    return badges


def search_page(
    registry: Registry,
    query: str,
    *,
    kind: str = "",
    jurisdiction: str = "",
    list_id: str = "",
    page: int = 1,
    per_page: int = PER_PAGE,
    day: dt.date | None = None,
    index: Callable[[], ScreeningIndex] | None = None,
) -> SearchPage:
    """One page of hits for ``query``, filtered by kind / jurisdiction / list, with statuses on ``day``."""
    if page < 1:
        raise InputError("page must be 1 or more", location="page")
    day = day or dt.date.today()
    raw = registry.entities.search(query, MAX_HITS) if query.strip() else []
    hits = rank_hits(raw, query)
    note = None
    suggestions: list[Suggestion] = []
    if query.strip() and not hits and index is not None:
        try:
            found = resolve_name(registry, query, index=index)
            entity = found.entity
            hits = [
                SearchHit(
                    entity.id, entity.caption, entity.kind.value, found.matched_name or query, "screening"
                )
            ]
            note = found.note
        except NoSuchName as exc:
            suggestions = exc.suggestions
        except AmbiguousName:
            pass
    where = listings_by_entity(registry, [h.id for h in hits])
    facets: dict[str, Counter[str]] = {"kind": Counter(), "jurisdiction": Counter(), "list": Counter()}
    for hit in hits:
        facets["kind"][hit.kind] += 1
        pairs = where.get(hit.id, set())
        facets["jurisdiction"].update({code for code, _ in pairs})
        facets["list"].update({name for _, name in pairs if name})
    chosen = {
        name: value
        for name, value in (("kind", kind), ("jurisdiction", jurisdiction), ("list", list_id))
        if value
    }

    def keep(hit: SearchHit) -> bool:
        pairs = where.get(hit.id, set())
        return (
            (not kind or hit.kind == kind)
            and (not jurisdiction or any(code == jurisdiction for code, _ in pairs))
            and (not list_id or any(name == list_id for _, name in pairs))
        )

    kept = [hit for hit in hits if keep(hit)]
    pages = max(1, -(-len(kept) // per_page))
    shown = kept[(page - 1) * per_page : page * per_page]
    rows = []
    for hit in shown:
        pairs = where.get(hit.id, set())
        rows.append(
            ResultRow(
                hit.id,
                hit.caption,
                hit.kind,
                hit.matched,
                hit.match,
                sorted({code for code, _ in pairs}),
                sorted({name for _, name in pairs if name}),
                _badges(registry, hit.id, day),
            )
        )
    return SearchPage(
        query=query,
        total=len(kept),
        results=rows,
        page=page,
        pages=pages,
        facets={
            name: sorted(counts.items(), key=lambda item: (-item[1], item[0]))
            for name, counts in facets.items()
        },
        chosen=chosen,
        truncated=len(raw) >= MAX_HITS,
        note=note,
        suggestions=suggestions,
    )


def search_url(found: SearchPage, **changes: str | int) -> str:
    """The search page URL for ``found`` with some parameters changed ("" drops a filter).

    A changed filter goes back to page 1: the old page number may not exist any more.
    """
    params: dict[str, str | int] = {"q": found.query, **found.chosen}
    if "page" not in changes:
        changes = {**changes, "page": 1}
    params.update(changes)
    kept = {k: v for k, v in params.items() if v not in ("", None) and not (k == "page" and v == 1)}
    return "/?" + urlencode(kept)
