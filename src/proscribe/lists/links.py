"""Link review: the links awaiting review, and the one way to accept or reject one (CLI, API, web)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from proscribe.errors import InputError, NotFound
from proscribe.model import EntityLink, LinkType
from proscribe.registry import Registry
from proscribe.store import tables as t


def pending_links(registry: Registry, limit: int = 500) -> list[dict[str, Any]]:
    with registry.db.reading() as conn:
        query = (
            sa.select(t.link_candidates)
            .where(t.link_candidates.c.status == "pending")
            .order_by(t.link_candidates.c.score.desc(), t.link_candidates.c.id)
            .limit(limit)
        )
        return [dict(row._mapping) for row in conn.execute(query)]


@dataclass(frozen=True)
class LinkDecision:
    """What was decided about a candidate link: ``status`` is accepted or rejected."""

    id: int
    entity: str
    candidate: str
    status: str


def decide_link(
    registry: Registry, candidate_id: int, by: str, accept: bool, reason: str | None, conn: sa.Connection
) -> LinkDecision:
    """Decide a pending link inside the caller's transaction; an alias_of link when accepted."""
    row = conn.execute(sa.select(t.link_candidates).where(t.link_candidates.c.id == candidate_id)).first()
    if row is None:
        raise NotFound(f"no link candidate #{candidate_id}")
    if row.status != "pending":
        raise InputError(f"link #{candidate_id} was already {row.status}", location="id")
    if accept:
        entity = registry.entities.get(row.entity_id)
        if entity is None:
            raise NotFound(f"entity '{row.entity_id}' does not exist")
        link = EntityLink(
            type=LinkType.ALIAS_OF, target=row.candidate_id, note=f"accepted by {by}: {row.evidence}"
        )
        registry.entities.save([entity.model_copy(update={"links": [*entity.links, link]})], conn)
    status = "accepted" if accept else "rejected"
    conn.execute(
        t.link_candidates.update()
        .where(t.link_candidates.c.id == candidate_id)
        .values(
            status=status,
            decided_by=by,
            decided_at=dt.datetime.now(dt.UTC).isoformat(),
            evidence=row.evidence + (f" | rejected: {reason}" if reason else ""),
        )
    )
    return LinkDecision(candidate_id, row.entity_id, row.candidate_id, status)
