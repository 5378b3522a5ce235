"""Finding the entity a user means: exact names first, then the screening index, then suggestions.

``status``, ``history``, ``timeline``, the API and the web search answer for a name the way
screening finds it. An exact name or id wins. Otherwise a *unique strong* screening match answers,
and the answer says how the name was read ("matched 'Hamas Movement' as HAMAS (0.93)"). Anything
weaker is refused with up to five suggestions, each with its id, score and lists, so the user can
ask again with an id. A name several entities share is answered for the one that has acts in the
asked jurisdiction when exactly one does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from proscribe.errors import AmbiguousName, InputError, NotFound
from proscribe.model import Entity
from proscribe.registry import Registry
from proscribe.screening.screen import Match, ScreeningIndex, screen

# A fuzzy match answers on its own only at this score or above, and only when the next entity
# scores clearly lower: "Hamas Movement" may stand for HAMAS, "Talib" may not stand for anything.
STRONG = 0.85
CLEAR_LEAD = 0.05
# Suggestions go down to this score (below the screening threshold: a typo deserves a hint).
SUGGEST = 0.70
MAX_SUGGESTIONS = 5


@dataclass(frozen=True)
class Suggestion:
    id: str
    caption: str
    score: float
    lists: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        where = f"; {', '.join(self.lists[:4])}" if self.lists else ""
        return f"{self.id} ({self.caption}, {self.score:.2f}{where})"


@dataclass(frozen=True)
class Resolution:
    """The entity a query stands for, and how it was found (``note`` is None for an exact name)."""

    entity: Entity
    query: str
    how: str  # "exact", "caption", "screening" or "jurisdiction"
    score: float | None = None
    matched_name: str | None = None
    note: str | None = None


class NoSuchName(NotFound):
    """Nothing matches strongly enough; ``suggestions`` are the nearest entities."""

    def __init__(self, query: str, suggestions: list[Suggestion]) -> None:
        self.query = query
        self.suggestions = suggestions
        hint = f" Did you mean: {'; '.join(map(str, suggestions))}?" if suggestions else ""
        super().__init__(f"no entity is named '{query}'.{hint}")


def _suggestion(match: Match) -> Suggestion:
    lists = sorted({f"{x.jurisdiction} {x.list}" for x in match.listings})
    return Suggestion(match.entity_id, match.caption, round(match.score, 3), lists)


def _entity(registry: Registry, entity_id: str) -> Entity:
    entity = registry.entities.get(entity_id)
    if entity is None:  # the index was built from this registry: only a concurrent rewrite gets here
        raise NotFound(f"entity '{entity_id}' does not exist")
    return entity


def _only_one_with_acts_in(
    registry: Registry, exc: AmbiguousName, query: str, jurisdiction: str | None
) -> Resolution | None:
    """The one candidate with acts in ``jurisdiction``, when exactly one has any."""
    if jurisdiction is None:
        return None
    with_acts = [
        entity_id
        for entity_id, _ in exc.candidates
        if any(r.act.jurisdiction == jurisdiction for r in registry.journal.acts_for_entities([entity_id]))
    ]
    if len(with_acts) != 1:
        return None
    entity = _entity(registry, with_acts[0])
    others = ", ".join(i for i, _ in exc.candidates if i != entity.id)
    note = (
        f"'{query}' also names {others}; answered for {entity.caption}, the one with acts in {jurisdiction}"
    )
    return Resolution(entity, query, "jurisdiction", note=note)


def _only_one_named(registry: Registry, exc: AmbiguousName, query: str) -> Resolution | None:
    """The one candidate whose primary name the query is, when exactly one.

    "Taliban" is the curated group's own name and only an alias of an EU-listed person: the
    entity whose primary name it is answers, and the note names the others.
    """
    named = [i for i, caption in exc.candidates if caption.casefold() == query.strip().casefold()]
    if len(named) != 1:
        return None
    entity = _entity(registry, named[0])
    others = ", ".join(f"{i} ({c})" for i, c in exc.candidates if i != entity.id)
    note = f"'{query}' also names {others}; answered for {entity.caption}, whose primary name it is"
    return Resolution(entity, query, "caption", note=note)


def resolve_name(
    registry: Registry,
    query: str,
    jurisdiction: str | None = None,
    index: ScreeningIndex | Callable[[], ScreeningIndex] | None = None,
) -> Resolution:
    """The entity ``query`` stands for; raise :class:`NoSuchName` (with suggestions) or AmbiguousName.

    ``index`` is a screening index or a function building one (called only when the exact
    look-up fails, so exact names never pay for building it).
    """
    try:
        return Resolution(registry.resolve(query), query, "exact")
    except AmbiguousName as exc:
        by_jurisdiction = _only_one_with_acts_in(registry, exc, query, jurisdiction)
        if by_jurisdiction is not None:
            return by_jurisdiction
        by_caption = _only_one_named(registry, exc, query)
        if by_caption is not None:
            return by_caption
        raise
    except NotFound:
        pass
    built = index() if callable(index) else index or ScreeningIndex.from_registry(registry)
    try:
        matches = screen(built, query, dt.date.today(), None, MAX_SUGGESTIONS + 1, threshold=SUGGEST)
    except InputError:
        raise NoSuchName(query, []) from None
    if jurisdiction is not None:
        # an entity with a listing in the asked jurisdiction is the better reading of the name
        matches.sort(key=lambda m: (not any(x.jurisdiction == jurisdiction for x in m.listings), -m.score))
    if matches:
        best = matches[0]

        def rival(match: Match) -> bool:  # another entity that could be meant as much as the best one
            return jurisdiction is None or any(x.jurisdiction == jurisdiction for x in match.listings)

        runner_up = max((m.score for m in matches[1:] if rival(m)), default=0.0)
        if best.score >= STRONG and best.score - runner_up >= CLEAR_LEAD:
            entity = _entity(registry, best.entity_id)
            note = f"matched '{query}' as {entity.caption} ({best.score:.2f}, name '{best.matched_name}')"
            return Resolution(entity, query, "screening", best.score, best.matched_name, note)
    raise NoSuchName(query, [_suggestion(m) for m in matches[:MAX_SUGGESTIONS]])
