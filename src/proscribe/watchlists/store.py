"""Watchlists and alerts: stored names (customers) re-screened when the registry changes.

A watchlist keeps each name's current hits (entity, score, listings). Re-screening compares
the new hits with the stored ones and records an alert for each difference — a new hit, a hit
whose listings changed (what changed: status, since, list), or a hit that went away — with the
trigger that caused it (acts recorded, list versions imported).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import orjson
import sqlalchemy as sa

from proscribe.dates import utc_stamp
from proscribe.errors import InputError, NotFound
from proscribe.screening import Match
from proscribe.screening.screener import Screener, registry_stamp
from proscribe.store import tables as t

_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,199}$")
Hits = dict[str, dict[str, Any]]


@dataclass(frozen=True)
class WatchedName:
    ref: str
    name: str


def _hits(matches: Sequence[Match]) -> Hits:
    return {
        m.entity_id: {
            "caption": m.caption,
            "score": m.score,
            "matched_name": m.matched_name,
            "explanation": m.explanation,
            "listings": {
                f"{x.jurisdiction} {x.list}": {"status": x.status, "since": x.since} for x in m.listings
            },
        }
        for m in matches
    }


def _changes(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """What changed in one entity's listings, one sentence per list."""
    out = []
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        if old is None:
            assert new is not None
            out.append(f"{key}: now {new['status']}" + (f" since {new['since']}" if new["since"] else ""))
        elif new is None:
            out.append(f"{key}: no longer shown (was {old['status']})")
        else:
            out.append(
                f"{key}: {old['status']}" + (f" since {old['since']}" if old["since"] else "")
                + f" → {new['status']}" + (f" since {new['since']}" if new["since"] else "")
            )  # fmt: skip
    return out


def _owned(owner: str) -> sa.Select[tuple[str]]:
    """The ids of the watchlists ``owner`` created (a subquery)."""
    return sa.select(t.watchlists.c.id).where(t.watchlists.c.owner == owner)


def _stamp_text(stamp: tuple[int, int, int, str]) -> str:
    return orjson.dumps(list(stamp)).decode()


class Watchlists:
    def __init__(self, screener: Screener) -> None:
        self.screener = screener
        self.db = screener.registry.db

    # -- writing -----------------------------------------------------------------

    def create(self, watchlist_id: str, owner: str, names: Sequence[WatchedName]) -> dict[str, Any]:
        """Store a watchlist and screen its names now; each hit is a 'new' alert."""
        if not _ID.match(watchlist_id):
            raise InputError(f"'{watchlist_id}' is not a valid watchlist id (a-z, 0-9, '.', '_', '-')", "id")
        if not names:
            raise InputError("a watchlist needs at least one name", "names")
        refs = [n.ref for n in names]
        duplicate = next((r for r in refs if refs.count(r) > 1), None)
        if duplicate is not None:
            raise InputError(f"ref '{duplicate}' appears twice", "names")
        for i, n in enumerate(names):
            if not n.name.strip():
                raise InputError("empty name", f"names[{i}].name")
        with self.db.writing() as conn, conn.begin():
            if conn.execute(sa.select(t.watchlists.c.id).where(t.watchlists.c.id == watchlist_id)).first():
                raise InputError(f"watchlist '{watchlist_id}' already exists", "id")
            conn.execute(t.watchlists.insert().values(id=watchlist_id, owner=owner, created_at=utc_stamp()))
            conn.execute(
                sa.insert(t.watchlist_names),
                [{"watchlist_id": watchlist_id, "ref": n.ref, "name": n.name, "hits": "{}"} for n in names],
            )
        alerts = self.rescreen(f"watchlist '{watchlist_id}' created by {owner}", owner, [watchlist_id])
        return {"id": watchlist_id, "owner": owner, "names": len(names), "alerts": alerts}

    def rescreen(self, trigger: str, user: str, only: Sequence[str] | None = None) -> int:
        """Screen every name again; record an alert per new, changed or vanished hit. Returns the count."""
        stamp = registry_stamp(self.screener.registry)
        with self.db.reading() as conn:
            query = sa.select(t.watchlist_names)
            if only is not None:
                query = query.where(t.watchlist_names.c.watchlist_id.in_(list(only)))
            rows = conn.execute(
                query.order_by(t.watchlist_names.c.watchlist_id, t.watchlist_names.c.ref)
            ).all()
            lists = [r.id for r in conn.execute(sa.select(t.watchlists.c.id))] if only is None else list(only)
        if not rows:
            self._mark(lists, stamp)
            return 0
        screened = self.screener.screen_names([r.name for r in rows], None, None, 10, user)
        versions = self.screener.index().list_versions
        why = trigger + (
            f"; lists: {', '.join(f'{k} {v}' for k, v in sorted(versions.items()))}" if versions else ""
        )
        stamp_now = utc_stamp()
        alerts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for row, result in zip(rows, screened, strict=True):
            before: Hits = orjson.loads(row.hits)
            after = _hits(result.matches)
            base = {
                "watchlist_id": row.watchlist_id,
                "ref": row.ref,
                "name": row.name,
                "trigger": why,
                "created_at": stamp_now,
            }
            for entity_id in sorted(set(before) | set(after)):
                old, new = before.get(entity_id), after.get(entity_id)
                if old is None and new is not None:
                    detail = {"caption": new["caption"], "score": new["score"], "why": new["explanation"],
                              "changes": _changes({}, new["listings"])}  # fmt: skip
                    alerts.append({**base, "kind": "new", "entity_id": entity_id, "detail": detail})
                elif new is None and old is not None:
                    detail = {"caption": old["caption"], "changes": ["no longer matches or no longer listed"]}
                    alerts.append({**base, "kind": "removed", "entity_id": entity_id, "detail": detail})
                elif old is not None and new is not None and old["listings"] != new["listings"]:
                    detail = {"caption": new["caption"], "score": new["score"], "why": new["explanation"],
                              "changes": _changes(old["listings"], new["listings"])}  # fmt: skip
                    alerts.append({**base, "kind": "changed", "entity_id": entity_id, "detail": detail})
            if before != after:
                updates.append({"w": row.watchlist_id, "r": row.ref, "hits": orjson.dumps(after).decode()})
        with self.db.writing() as conn, conn.begin():
            if alerts:
                conn.execute(
                    sa.insert(t.alerts), [{**a, "detail": orjson.dumps(a["detail"]).decode()} for a in alerts]
                )
            for update in updates:
                conn.execute(
                    t.watchlist_names.update()
                    .where(
                        t.watchlist_names.c.watchlist_id == update["w"],
                        t.watchlist_names.c.ref == update["r"],
                    )
                    .values(hits=update["hits"])
                )
            self._mark(lists, stamp, conn)
        return len(alerts)

    def _mark(
        self, ids: Sequence[str], stamp: tuple[int, int, int, str], conn: sa.Connection | None = None
    ) -> None:
        if not ids:
            return
        values = {"screened_at": utc_stamp(), "screened_from": _stamp_text(stamp)}
        statement = t.watchlists.update().where(t.watchlists.c.id.in_(list(ids))).values(**values)
        if conn is not None:
            conn.execute(statement)
            return
        with self.db.writing() as own, own.begin():
            own.execute(statement)

    def refresh_if_stale(self, user: str, owner: str | None = None) -> int:
        """Re-screen when the registry changed since the last screen (e.g. a list imported by the CLI).

        ``owner`` limits it to that key's watchlists (None: all, for admins and the CLI).
        """
        current = _stamp_text(registry_stamp(self.screener.registry))
        query = sa.select(t.watchlists.c.id, t.watchlists.c.screened_from)
        if owner is not None:
            query = query.where(t.watchlists.c.owner == owner)
        with self.db.reading() as conn:
            stale = [r.id for r in conn.execute(query) if r.screened_from != current]
        if not stale:
            return 0
        return self.rescreen("the registry changed (acts recorded or list versions imported)", user, stale)

    def acknowledge(self, alert_id: int, by: str, owner: str | None = None) -> dict[str, Any]:
        """Mark an alert as dealt with; with ``owner``, only an alert of that key's watchlists."""
        query = sa.select(t.alerts).where(t.alerts.c.id == alert_id)
        if owner is not None:
            query = query.where(t.alerts.c.watchlist_id.in_(_owned(owner)))
        with self.db.writing() as conn, conn.begin():
            row = conn.execute(query).first()
            if row is None:  # another key's alert is answered as if it did not exist
                raise NotFound(f"no alert #{alert_id}")
            if row.acknowledged_by is not None:
                raise InputError(f"alert #{alert_id} was already acknowledged by {row.acknowledged_by}", "id")
            conn.execute(t.alerts.update().where(t.alerts.c.id == alert_id).values(acknowledged_by=by))
        return {"id": alert_id, "acknowledged_by": by}

    # -- reading -----------------------------------------------------------------

    def all(self, owner: str | None = None) -> list[dict[str, Any]]:
        """Every watchlist (``owner``: only that key's)."""
        with self.db.reading() as conn:
            counts: dict[str, int] = dict(
                conn.execute(
                    sa.select(t.watchlist_names.c.watchlist_id, sa.func.count()).group_by(
                        t.watchlist_names.c.watchlist_id
                    )
                ).all()
            )
            query = sa.select(t.watchlists).order_by(t.watchlists.c.id)
            if owner is not None:
                query = query.where(t.watchlists.c.owner == owner)
            rows = conn.execute(query).all()
        return [
            {
                "id": r.id,
                "owner": r.owner,
                "created_at": r.created_at,
                "screened_at": r.screened_at,
                "names": counts.get(r.id, 0),
            }
            for r in rows
        ]

    def get(self, watchlist_id: str, owner: str | None = None) -> dict[str, Any]:
        """One watchlist with its names and hits; another key's is answered as if it did not exist."""
        with self.db.reading() as conn:
            head = conn.execute(sa.select(t.watchlists).where(t.watchlists.c.id == watchlist_id)).first()
            if head is None or (owner is not None and head.owner != owner):
                raise NotFound(f"no watchlist '{watchlist_id}'")
            names = conn.execute(
                sa.select(t.watchlist_names)
                .where(t.watchlist_names.c.watchlist_id == watchlist_id)
                .order_by(t.watchlist_names.c.ref)
            ).all()
        return {
            "id": head.id,
            "owner": head.owner,
            "created_at": head.created_at,
            "screened_at": head.screened_at,
            "names": [{"ref": n.ref, "name": n.name, "hits": orjson.loads(n.hits)} for n in names],
        }

    def alerts(
        self,
        watchlist_id: str | None = None,
        open_only: bool = True,
        limit: int = 1000,
        owner: str | None = None,
    ) -> list[dict[str, Any]]:
        """Alerts, newest first (``owner``: only those of that key's watchlists)."""
        query = sa.select(t.alerts).order_by(t.alerts.c.id.desc()).limit(limit)
        if owner is not None:
            query = query.where(t.alerts.c.watchlist_id.in_(_owned(owner)))
        if watchlist_id:
            query = query.where(t.alerts.c.watchlist_id == watchlist_id)
        if open_only:
            query = query.where(t.alerts.c.acknowledged_by.is_(None))
        with self.db.reading() as conn:
            rows = conn.execute(query).all()
        return [{**r._asdict(), "detail": orjson.loads(r.detail)} for r in rows]
