"""The entity register: organisations and persons, their names, and their lineage."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import sqlalchemy as sa

from proscribe.canonical import canonical_json
from proscribe.errors import AmbiguousName, InputError, NotFound
from proscribe.model import Entity, LinkType
from proscribe.names import name_key
from proscribe.store import Database
from proscribe.store import tables as t


class EntityStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def save(self, entities: Sequence[Entity], connection: sa.Connection) -> tuple[list[str], list[str]]:
        """Insert new entities and update changed ones; return (added, updated) ids.

        Entities are descriptions (names, links), not legal facts: the acts
        about them are what is append-only. Links must point at entities that
        exist or arrive in the same call.
        """
        known = {e.id for e in entities} | self._existing_ids(
            connection, {link.target for e in entities for link in e.links}
        )
        for entity in entities:
            for index, link in enumerate(entity.links):
                if link.target not in known:
                    raise InputError(
                        f"linked entity '{link.target}' does not exist",
                        location=f"{entity.id}.links[{index}]",
                    )
        added: list[str] = []
        updated: list[str] = []
        stamp = dt.datetime.now(dt.UTC).isoformat()
        for entity in entities:
            body = canonical_json(entity.model_dump(mode="json", exclude_none=True))
            row = connection.execute(sa.select(t.entities.c.body).where(t.entities.c.id == entity.id)).first()
            if row is not None and row.body == body:
                continue
            values = {
                "kind": entity.kind.value,
                "caption": entity.caption,
                "body": body,
                "recorded_at": stamp,
            }
            if row is None:
                connection.execute(t.entities.insert().values(id=entity.id, **values))
                added.append(entity.id)
            else:
                connection.execute(t.entities.update().where(t.entities.c.id == entity.id).values(**values))
                connection.execute(t.entity_names.delete().where(t.entity_names.c.entity_id == entity.id))
                connection.execute(t.entity_links.delete().where(t.entity_links.c.entity_id == entity.id))
                updated.append(entity.id)
            keys: dict[str, dict[str, str]] = {}
            for name in entity.names:
                key = name_key(name.value)
                if key and key not in keys:
                    keys[key] = {
                        "entity_id": entity.id,
                        "key": key,
                        "value": name.value,
                        "type": name.type.value,
                    }
            keys.setdefault(
                name_key(entity.id),
                {"entity_id": entity.id, "key": name_key(entity.id), "value": entity.id, "type": "id"},
            )
            connection.execute(t.entity_names.insert(), list(keys.values()))
            if entity.links:
                connection.execute(
                    t.entity_links.insert(),
                    [
                        {
                            "entity_id": entity.id,
                            "target": link.target,
                            "type": link.type.value,
                            "jurisdictions": ",".join(link.jurisdictions),
                        }
                        for link in entity.links
                    ],
                )
        return added, updated

    @staticmethod
    def _existing_ids(connection: sa.Connection, ids: Iterable[str]) -> set[str]:
        wanted = sorted(set(ids))
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            query = sa.select(t.entities.c.id).where(t.entities.c.id.in_(wanted[start : start + 500]))
            found |= {row.id for row in connection.execute(query)}
        return found

    def get(self, entity_id: str) -> Entity | None:
        with self.db.engine.connect() as conn:
            row = conn.execute(sa.select(t.entities.c.body).where(t.entities.c.id == entity_id)).first()
        return Entity.model_validate_json(row.body) if row else None

    def get_many(self, entity_ids: Iterable[str]) -> dict[str, Entity]:
        wanted = sorted(set(entity_ids))
        found: dict[str, Entity] = {}
        with self.db.engine.connect() as conn:
            for start in range(0, len(wanted), 500):
                query = sa.select(t.entities.c.id, t.entities.c.body).where(
                    t.entities.c.id.in_(wanted[start : start + 500])
                )
                for row in conn.execute(query):
                    found[row.id] = Entity.model_validate_json(row.body)
        return found

    def all(self) -> list[Entity]:
        with self.db.engine.connect() as conn:
            rows = conn.execute(sa.select(t.entities.c.body).order_by(t.entities.c.id))
            return [Entity.model_validate_json(row.body) for row in rows]

    def resolve(self, name_or_id: str) -> Entity:
        """Find the one entity a name or id refers to; raise NotFound or AmbiguousName."""
        direct = self.get(name_or_id)
        if direct is not None:
            return direct
        key = name_key(name_or_id)
        with self.db.engine.connect() as conn:
            query = (
                sa.select(t.entity_names.c.entity_id, t.entities.c.caption)
                .join(t.entities, t.entities.c.id == t.entity_names.c.entity_id)
                .where(t.entity_names.c.key == key)
                .distinct()
            )
            rows = conn.execute(query).all()
        if not rows:
            raise NotFound(f"no entity is named '{name_or_id}' (exact names and aliases, any case or script)")
        if len(rows) > 1:
            raise AmbiguousName(name_or_id, sorted((row.entity_id, row.caption) for row in rows))
        entity = self.get(rows[0].entity_id)
        assert entity is not None
        return entity

    def lineage(self, entity_id: str, jurisdiction: str | None = None) -> list[tuple[str, str]]:
        """Entities related to ``entity_id`` by predecessor/successor/alias links, nearest first.

        Links are followed in both directions and transitively; a link limited
        to some jurisdictions counts only there. Returns (entity id, relation).
        """
        seen = {entity_id: "itself"}
        frontier = [entity_id]
        with self.db.engine.connect() as conn:
            while frontier:
                query = sa.select(
                    t.entity_links.c.entity_id,
                    t.entity_links.c.target,
                    t.entity_links.c.type,
                    t.entity_links.c.jurisdictions,
                ).where(
                    sa.or_(t.entity_links.c.entity_id.in_(frontier), t.entity_links.c.target.in_(frontier))
                )
                current = set(frontier)
                frontier = []
                for row in conn.execute(query):
                    scope = [code for code in row.jurisdictions.split(",") if code]
                    if jurisdiction and scope and jurisdiction not in scope:
                        continue
                    link_type = LinkType(row.type)
                    if row.entity_id in current and row.target not in seen:
                        seen[row.target] = _describe(link_type, forward=True)
                        frontier.append(row.target)
                    if row.target in current and row.entity_id not in seen:
                        seen[row.entity_id] = _describe(link_type, forward=False)
                        frontier.append(row.entity_id)
        return [(other, relation) for other, relation in seen.items() if other != entity_id]


def _describe(link_type: LinkType, *, forward: bool) -> str:
    if link_type is LinkType.ALIAS_OF:
        return "alias of" if forward else "has alias"
    if link_type is LinkType.SUCCESSOR_OF:
        return "successor of" if forward else "predecessor of"
    return "predecessor of" if forward else "successor of"
