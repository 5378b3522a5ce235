"""Search entities by part of a name, for as-you-type look-ups (exact matches first, then prefixes)."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from proscribe.names import name_key
from proscribe.registry import Registry
from proscribe.store import tables as t


@dataclass(frozen=True)
class SearchHit:
    id: str
    caption: str
    kind: str
    matched: str
    match: str


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_entities(registry: Registry, query: str, limit: int = 20) -> list[SearchHit]:
    """Entities with a name (or id) containing ``query``, folded as exact look-up folds names."""
    key = name_key(query)
    if not key:
        return []
    names = t.entity_names
    pattern = f"%{_like_escape(key)}%"
    rank = sa.case(
        (names.c.key == key, 0), (names.c.key.like(f"{_like_escape(key)}%", escape="\\"), 1), else_=2
    )
    select = (
        sa.select(names.c.entity_id, names.c.value, names.c.type, rank.label("rank"))
        .where(names.c.key.like(pattern, escape="\\"))
        .order_by(rank, sa.func.length(names.c.key), names.c.entity_id)
        .limit(limit * 20)
    )
    with registry.db.reading() as conn:
        rows = conn.execute(select).all()
    best: dict[str, tuple[int, str, str]] = {}
    for row in rows:
        if row.entity_id not in best:
            best[row.entity_id] = (
                row.rank,
                row.value,
                "exact" if row.rank == 0 else "prefix" if row.rank == 1 else "contains",
            )
        if len(best) >= limit:
            break
    entities = registry.entities.get_many(best)
    return [
        SearchHit(entity_id, entities[entity_id].caption, entities[entity_id].kind.value, value, match)
        for entity_id, (_, value, match) in sorted(best.items(), key=lambda item: (item[1][0], item[0]))
        if entity_id in entities
    ]
