"""The entity register: organisations and persons, their names, and their lineage."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import sqlalchemy as sa

from proscribe import ledger
from proscribe.canonical import canonical_json
from proscribe.errors import AmbiguousName, InputError, NotFound
from proscribe.model import Entity, LinkType, NameType
from proscribe.names import name_key
from proscribe.store import Database
from proscribe.store import tables as t

_LINKS_TOUCHING = sa.select(
    t.entity_links.c.entity_id, t.entity_links.c.target, t.entity_links.c.type, t.entity_links.c.jurisdictions
).where(
    sa.or_(
        t.entity_links.c.entity_id.in_(sa.bindparam("ids", expanding=True)),
        t.entity_links.c.target.in_(sa.bindparam("ids", expanding=True)),
    )
)
_LINK_FROM = t.entity_links.alias("link")
_NAME_WITH_LINKS = (
    sa.select(
        t.entity_names.c.entity_id,
        t.entity_names.c.type,
        t.entity_names.c.value,
        t.entity_names.c.acquired,
        _LINK_FROM.c.entity_id.label("link_from"),
        _LINK_FROM.c.target.label("link_to"),
        _LINK_FROM.c.type.label("link_type"),
        _LINK_FROM.c.jurisdictions.label("link_scope"),
    )
    .select_from(
        t.entity_names.outerjoin(
            _LINK_FROM,
            sa.or_(
                _LINK_FROM.c.entity_id == t.entity_names.c.entity_id,
                _LINK_FROM.c.target == t.entity_names.c.entity_id,
            ),
        )
    )
    .where(t.entity_names.c.key == sa.bindparam("key"))
)
_ENTITY_BODY = sa.select(t.entities.c.body).where(t.entities.c.id == sa.bindparam("id"))


@dataclass(frozen=True)
class SearchHit:
    id: str
    caption: str
    kind: str
    matched: str
    match: str


# Matches the store finds by the whole name or its start, in the order they rank.
_CLOSE_MATCHES = {"exact": 0, "prefix": 1}
# How many store hits a ranked search reads before it ranks them: the store orders "contains" hits
# by name length and id, so a match at the start of a word ("Kurdish Taliban") can lie far down.
RANKED_SEARCH_POOL = 500


def rank_key(hit: SearchHit, key: str = "") -> tuple[int, int, int, int, int, int, str]:
    """Exact and prefix matches first, organisations before persons among them, then a match on the
    caption before one on an alias, then shorter names. ``key`` (the folded query) ranks a match at
    the start of a word ("Kurdish Taliban") above one inside a word ("Marquetalia").

    The one ranking of name searches, for the web search page and ``GET /api/entities?q=``.
    """
    close = hit.match in _CLOSE_MATCHES
    word_start = close or not key or f" {key}" in f" {name_key(hit.matched)}"
    return (
        0 if close else 1,
        0 if word_start else 1,
        0 if hit.kind == "organisation" else 1,
        _CLOSE_MATCHES.get(hit.match, 2),
        0 if hit.matched == hit.caption else 1,
        len(hit.matched),
        hit.caption.casefold(),
    )


def rank_hits(hits: Iterable[SearchHit], query: str) -> list[SearchHit]:
    """``hits`` of a search for ``query`` in :func:`rank_key` order (Taliban before "TALIB, Ahmed")."""
    key = name_key(query)
    return sorted(hits, key=lambda hit: rank_key(hit, key))


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class LinkRow(NamedTuple):
    entity_id: str
    target: str
    type: str
    jurisdictions: str


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
        current = self._existing_bodies(connection, [e.id for e in entities])
        entity_rows: list[dict[str, str]] = []
        name_rows: list[dict[str, object]] = []
        link_rows: list[dict[str, str]] = []
        changed_rows: list[dict[str, str]] = []
        for entity in entities:
            body = canonical_json(entity.model_dump(mode="json", exclude_none=True))
            if current.get(entity.id) == body:
                continue
            row = {
                "id": entity.id,
                "kind": entity.kind.value,
                "caption": entity.caption,
                "body": body,
                "recorded_at": stamp,
            }
            changed_rows.append(row)
            if entity.id in current:
                connection.execute(t.entities.update().where(t.entities.c.id == entity.id).values(**row))
                connection.execute(t.entity_names.delete().where(t.entity_names.c.entity_id == entity.id))
                connection.execute(t.entity_links.delete().where(t.entity_links.c.entity_id == entity.id))
                updated.append(entity.id)
            else:
                entity_rows.append(row)
                added.append(entity.id)
            name_rows.extend(entity_name_rows(entity))
            link_rows.extend(entity_link_rows(entity))
        # Every entity written gets a ledger row, so verify can tell these writes from edits made
        # behind the library's back.
        ledger.append(connection, (ledger.entity_item(row) for row in changed_rows))
        for table, rows in (
            (t.entities, entity_rows),
            (t.entity_names, name_rows),
            (t.entity_links, link_rows),
        ):
            for start in range(0, len(rows), 5000):
                connection.execute(table.insert(), rows[start : start + 5000])
        return added, updated

    @staticmethod
    def _existing_bodies(connection: sa.Connection, ids: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for start in range(0, len(ids), 500):
            query = sa.select(t.entities.c.id, t.entities.c.body).where(
                t.entities.c.id.in_(ids[start : start + 500])
            )
            found.update({row.id: row.body for row in connection.execute(query)})
        return found

    @staticmethod
    def _existing_ids(connection: sa.Connection, ids: Iterable[str]) -> set[str]:
        wanted = sorted(set(ids))
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            query = sa.select(t.entities.c.id).where(t.entities.c.id.in_(wanted[start : start + 500]))
            found |= {row.id for row in connection.execute(query)}
        return found

    def get(self, entity_id: str) -> Entity | None:
        with self.db.reading() as conn:
            row = conn.execute(_ENTITY_BODY, {"id": entity_id}).first()
        return Entity.model_validate_json(row.body) if row else None

    def get_many(self, entity_ids: Iterable[str]) -> dict[str, Entity]:
        wanted = sorted(set(entity_ids))
        found: dict[str, Entity] = {}
        with self.db.reading() as conn:
            for start in range(0, len(wanted), 500):
                query = sa.select(t.entities.c.id, t.entities.c.body).where(
                    t.entities.c.id.in_(wanted[start : start + 500])
                )
                for row in conn.execute(query):
                    found[row.id] = Entity.model_validate_json(row.body)
        return found

    def count(self) -> int:
        with self.db.reading() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(t.entities)).scalar_one())

    def all(self) -> list[Entity]:
        with self.db.reading() as conn:
            rows = conn.execute(sa.select(t.entities.c.body).order_by(t.entities.c.id))
            return [Entity.model_validate_json(row.body) for row in rows]

    def resolve(self, name_or_id: str) -> Entity:
        """Find the one entity a name or id refers to; raise NotFound or AmbiguousName."""
        entity_id, _ = self.resolve_id(name_or_id)
        entity = self.get(entity_id)
        assert entity is not None
        return entity

    def resolve_id(self, name_or_id: str) -> tuple[str, list[LinkRow]]:
        """The id a name or id refers to, with the links touching it (one query for both).

        An exact id wins over a name that folds to the same key.
        """
        with self.db.reading() as conn:
            rows = conn.execute(_NAME_WITH_LINKS, {"key": name_key(name_or_id)}).all()
        if not rows:
            raise NotFound(f"no entity is named '{name_or_id}' (exact names and aliases, any case or script)")
        # The id row is not stored when a name folds to the same key ("Taliban" / taliban): any
        # row of the entity whose id is the query makes it the exact match.
        exact = [row.entity_id for row in rows if row.entity_id == name_or_id]
        ids = sorted({row.entity_id for row in rows}) if not exact else exact[:1]
        if len(ids) > 1:
            # A name an entity has of its own beats the same name acquired from a list entry.
            own = sorted({row.entity_id for row in rows if not row.acquired})
            if len(own) == 1:
                ids = own
        if len(ids) > 1:
            captions = {e.id: e.caption for e in self.get_many(ids).values()}
            raise AmbiguousName(name_or_id, [(i, captions.get(i, i)) for i in ids])
        chosen = ids[0]
        links = {
            (row.link_from, row.link_to, row.link_type, row.link_scope)
            for row in rows
            if row.entity_id == chosen and row.link_from is not None
        }
        return chosen, [LinkRow(*link) for link in sorted(links)]

    def lineage(
        self, entity_id: str, jurisdiction: str | None = None, first_hop: list[LinkRow] | None = None
    ) -> list[tuple[str, str]]:
        """Entities related to ``entity_id`` by predecessor/successor/alias links, nearest first.

        Links are followed in both directions and transitively; a link limited
        to some jurisdictions counts only there. Returns (entity id, relation).
        ``first_hop`` passes the links of ``entity_id`` when already fetched.
        """
        seen = {entity_id: "itself"}
        frontier = [entity_id]
        with self.db.reading() as conn:
            while frontier:
                current = set(frontier)
                if first_hop is not None:
                    rows, first_hop = first_hop, None
                else:
                    rows = [LinkRow(*row) for row in conn.execute(_LINKS_TOUCHING, {"ids": sorted(current)})]
                frontier = []
                for row in rows:
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

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
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
        with self.db.reading() as conn:
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
        entities = self.get_many(best)
        return [
            SearchHit(entity_id, entities[entity_id].caption, entities[entity_id].kind.value, value, match)
            for entity_id, (_, value, match) in sorted(best.items(), key=lambda item: (item[1][0], item[0]))
            if entity_id in entities
        ]

    def ranked_search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """The best ``limit`` entities for ``query`` by :func:`rank_key`, ranked among the store's
        first :data:`RANKED_SEARCH_POOL` hits (the store's own order puts "TALIB, Ahmed Luqman"
        before the Taliban: it orders matches of one kind by id)."""
        return rank_hits(self.search(query, max(limit, RANKED_SEARCH_POOL)), query)[:limit]

    @staticmethod
    def ids_by_name_key(conn: sa.Connection, keys: set[str]) -> dict[str, set[str]]:
        """The entities carrying each folded name key (chunked: keys can number in the tens of thousands)."""
        index: dict[str, set[str]] = {}
        ordered = sorted(keys)
        for start in range(0, len(ordered), 5000):
            chunk = ordered[start : start + 5000]
            query = sa.select(t.entity_names.c.key, t.entity_names.c.entity_id).where(
                t.member_of(t.entity_names.c.key, chunk, conn.dialect.name)
            )
            for row in conn.execute(query):
                index.setdefault(row.key, set()).add(row.entity_id)
        return index

    @staticmethod
    def own_ids_by_name_key(conn: sa.Connection, keys: set[str]) -> dict[str, set[str]]:
        """Like :meth:`ids_by_name_key`, but only names an entity holds as its own (not weak, not from a list)."""
        index: dict[str, set[str]] = {}
        ordered = sorted(keys)
        names = t.entity_names
        for start in range(0, len(ordered), 5000):
            query = sa.select(names.c.key, names.c.entity_id).where(
                t.member_of(names.c.key, ordered[start : start + 5000], conn.dialect.name),
                names.c.type != NameType.WEAK.value,
                names.c.acquired == sa.false(),
            )
            for row in conn.execute(query):
                index.setdefault(row.key, set()).add(row.entity_id)
        return index

    @staticmethod
    def kinds_and_keys(conn: sa.Connection, ids: set[str]) -> dict[str, tuple[str, str]]:
        """(kind, folded primary name) of each entity."""
        ordered = sorted(ids)
        kinds: dict[str, tuple[str, str]] = {}
        for start in range(0, len(ordered), 5000):
            query = sa.select(t.entities.c.id, t.entities.c.kind, t.entities.c.caption).where(
                t.member_of(t.entities.c.id, ordered[start : start + 5000], conn.dialect.name)
            )
            kinds.update({row.id: (row.kind, name_key(row.caption)) for row in conn.execute(query)})
        return kinds


def entity_link_rows(entity: Entity) -> list[dict[str, str]]:
    """The ``entity_links`` rows of an entity: derived from its body, so verify can recompute them."""
    return [
        {
            "entity_id": entity.id,
            "target": link.target,
            "type": link.type.value,
            "jurisdictions": ",".join(link.jurisdictions),
        }
        for link in entity.links
    ]


def entity_name_rows(entity: Entity) -> list[dict[str, object]]:
    """The ``entity_names`` rows of an entity: one lookup key per distinct folded name, plus the id itself.

    Derived from the body alone, so verify can recompute them.
    """
    keys: dict[str, dict[str, object]] = {}
    for name in entity.names:
        key = name_key(name.value)
        if key and key not in keys:
            keys[key] = {
                "entity_id": entity.id,
                "key": key,
                "value": name.value,
                "type": name.type.value,
                "acquired": name.acquired_from is not None,
            }
    id_key = name_key(entity.id)
    keys.setdefault(
        id_key, {"entity_id": entity.id, "key": id_key, "value": entity.id, "type": "id", "acquired": False}
    )
    for identifier in entity.identifiers:
        # "ofac 16937" always; a bare UN reference ("QDe.137") too, since it is unique worldwide.
        spellings = [f"{identifier.scheme} {identifier.value}"]
        if identifier.scheme == "un":
            spellings.append(identifier.value)
        for spelling in spellings:
            key = name_key(spelling)
            keys.setdefault(
                key, {"entity_id": entity.id, "key": key, "value": spelling, "type": "ref", "acquired": False}
            )

    return list(keys.values())


def _describe(link_type: LinkType, *, forward: bool) -> str:
    if link_type is LinkType.ALIAS_OF:
        return "alias of" if forward else "has alias"
    if link_type is LinkType.SUCCESSOR_OF:
        return "successor of" if forward else "predecessor of"
    return "predecessor of" if forward else "successor of"
