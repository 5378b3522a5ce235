"""The library's front door: a registry bound to one database.

    >>> from proscribe import Registry
    >>> registry = Registry("sqlite:///:memory:")
    >>> registry.load_bundled().added > 0
    True
    >>> registry.status_as_of("Taliban", "RU", date(2025, 1, 1)).status
    <Status.LISTED: 'listed'>

The CLI and (later) the HTTP API are thin layers over these methods.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from proscribe import views
from proscribe.bundled import bundled_records
from proscribe.checkpoint import stored_checkpoint_problems
from proscribe.entities import EntityStore
from proscribe.errors import InputError
from proscribe.integrity import StorageProblem, StorageReport, verify_storage
from proscribe.journal import AppendResult, Journal, VerifyReport
from proscribe.jurisdictions import normalise_jurisdiction
from proscribe.model import Act, Entity, RecordedAct
from proscribe.records import RecordFile, read_record_file
from proscribe.store import Database
from proscribe.timeline import Lane, lanes


@dataclass
class RecordResult:
    entities_added: list[str] = field(default_factory=list)
    entities_updated: list[str] = field(default_factory=list)
    acts: AppendResult = field(default_factory=AppendResult)

    @property
    def added(self) -> int:
        return len(self.acts.added) + len(self.entities_added)


@dataclass
class VerifyResult:
    chain: VerifyReport
    inconsistencies: list[views.Inconsistency]
    # Every other answer-relevant table (entities, names, links, act index, lists); None when not run.
    storage: StorageReport | None = None

    @property
    def ok(self) -> bool:
        """The act chain is intact and every checked table agrees with what it must be."""
        return self.chain.ok and (self.storage is None or self.storage.ok)

    def to_json(self) -> dict[str, Any]:
        """The JSON form used by `proscribe verify --json` and `GET /api/verify`."""
        return {
            "ok": self.ok,
            "acts_checked": self.chain.acts_checked,
            "head_hash": self.chain.head_hash,
            "broken": str(self.chain.broken) if self.chain.broken else None,
            "inconsistencies": [found.to_json() for found in self.inconsistencies],
            **({"storage": self.storage.to_json()} if self.storage is not None else {}),
        }


def general_key(jurisdiction: str) -> str:
    """Index key for acts that name no entity (a law, a procedure rule) in a jurisdiction."""
    return f"*{jurisdiction}"


class Registry:
    """Journal + entities + views over one database (SQLite file by default)."""

    def __init__(self, db: str | Database | None = None, *, migrate: bool = True) -> None:
        self.db = db if isinstance(db, Database) else Database(db)
        if migrate:
            self.db.migrate()
        self.journal = Journal(self.db)
        self.entities = EntityStore(self.db)

    # -- writing -----------------------------------------------------------------

    def record(
        self,
        entities: Sequence[Entity] = (),
        acts: Sequence[Act] = (),
        *,
        recorded_at: dt.datetime | None = None,
    ) -> RecordResult:
        """Save entities and append acts in one transaction: all land, or nothing does."""
        result = RecordResult()
        with self.db.writing() as conn, conn.begin():
            result.entities_added, result.entities_updated = self.entities.save(list(entities), conn)
            result.acts = self.journal.append(
                list(acts), recorded_at=recorded_at, connection=conn, known_entities={e.id for e in entities}
            )
        return result

    def record_file(self, path: Path, *, recorded_at: dt.datetime | None = None) -> RecordResult:
        records = read_record_file(path)
        return self._record_checked(records, recorded_at)

    def load_bundled(self) -> RecordResult:
        """Load the curated entities and acts shipped with proscribe (idempotent)."""
        return self._record_checked(bundled_records(), None)

    def _record_checked(self, records: RecordFile, recorded_at: dt.datetime | None) -> RecordResult:
        try:
            return self.record(records.entities, records.acts, recorded_at=recorded_at)
        except InputError as exc:
            location = f"{records.path}:{exc.location}" if exc.location else records.path
            raise InputError(exc.message, location=location) from None

    # -- reading -----------------------------------------------------------------

    def resolve(self, name_or_id: str) -> Entity:
        return self.entities.resolve(name_or_id)

    def _acts_with_lineage(
        self, entity: Entity, jurisdiction: str | None
    ) -> tuple[list[RecordedAct], list[tuple[str, str]]]:
        lineage = self.entities.lineage(entity.id, jurisdiction)
        acts = self.journal.acts_for_entities([entity.id, *(other for other, _ in lineage)])
        return acts, lineage

    def _listing_jurisdictions(self, entity: Entity, acts: list[RecordedAct]) -> list[str]:
        """The jurisdictions where the entity, or an entity linked to it *there*, has a listing act.

        A link limited to some jurisdictions (HTS is an alias of al-Qaida only in GB) must not bring the
        linked entity's other jurisdictions into the entity's answers.
        """
        codes = []
        for code in views.jurisdictions_of(acts):
            ids = {entity.id, *(other for other, _ in self.entities.lineage(entity.id, code))}
            if any(r.act.jurisdiction == code and r.act.list_id and ids & set(r.act.entities) for r in acts):
                codes.append(code)
        return codes

    def status_as_of(
        self,
        entity: str | Entity,
        jurisdiction: str,
        valid_at: dt.date | None = None,
        known_at: dt.datetime | None = None,
        published_by: dt.date | None = None,
    ) -> views.StatusResult:
        """Status of an entity (name, id or Entity) in one jurisdiction on ``valid_at`` (default: today)."""
        code = normalise_jurisdiction(jurisdiction)
        with self.db.reading():
            if isinstance(entity, Entity):
                subject_id, lineage = entity.id, self.entities.lineage(entity.id, code)
            else:
                subject_id, links = self.entities.resolve_id(entity)
                lineage = self.entities.lineage(subject_id, code, first_hop=links)
            acts = self.journal.acts_for_entities([subject_id, *(other for other, _ in lineage)])
        return views.status_as_of(
            acts, subject_id, code, valid_at or dt.date.today(), known_at, published_by, lineage
        )

    def statuses_as_of(
        self,
        entity: str | Entity,
        valid_at: dt.date | None = None,
        known_at: dt.datetime | None = None,
        published_by: dt.date | None = None,
    ) -> list[views.StatusResult]:
        """Status in every jurisdiction where the entity or its lineage has a listing."""
        subject = entity if isinstance(entity, Entity) else self.resolve(entity)
        acts, _ = self._acts_with_lineage(subject, None)
        return [
            self.status_as_of(subject, code, valid_at, known_at, published_by)
            for code in self._listing_jurisdictions(subject, acts)
        ]

    def history(self, entity: str | Entity, *, with_general: bool = True) -> list[views.HistoryEntry]:
        """All acts about the entity and its lineage, across jurisdictions, in valid-time order.

        ``with_general`` adds acts that name no entity (laws, procedure rules)
        in the jurisdictions where the entity has listings, as context.
        """
        subject = entity if isinstance(entity, Entity) else self.resolve(entity)
        acts, lineage = self._acts_with_lineage(subject, None)
        if with_general:
            keys = [general_key(code) for code in views.jurisdictions_of(acts)]
            acts = sorted(
                {r.seq: r for r in [*acts, *self.journal.acts_for_entities(keys)]}.values(),
                key=lambda r: r.seq,
            )
        return views.history(acts, [subject.id, *(other for other, _ in lineage)])

    def timeline(
        self, entity: str | Entity, start: dt.date, end: dt.date, published_by: dt.date | None = None
    ) -> list[Lane]:
        """Monthly status lanes, one per jurisdiction where the entity or its lineage is listed."""
        subject = entity if isinstance(entity, Entity) else self.resolve(entity)
        acts, _ = self._acts_with_lineage(subject, None)
        by_code = {
            code: self.entities.lineage(subject.id, code)
            for code in self._listing_jurisdictions(subject, acts)
        }
        return lanes(acts, subject.id, by_code, start, end, published_by)

    def diff(
        self, known_at_1: dt.datetime, known_at_2: dt.datetime, valid_at: dt.date | None = None
    ) -> views.Diff:
        acts = list(self.journal.all_acts())
        return views.diff(acts, known_at_1, known_at_2, valid_at or dt.date.today())

    def verify(
        self,
        valid_at: dt.date | None = None,
        progress: Callable[[int, int], None] | None = None,
        *,
        storage: bool = True,
    ) -> VerifyResult:
        """Check the hash chain and every table an answer depends on, then report acts that do not
        make sense in order.

        ``storage`` (default) also checks the ledger, entities, their names and links, the act
        index and the list tables (:func:`proscribe.integrity.verify_storage`).
        ``progress(checked, total)`` is called every 10,000 acts.
        """
        chain = self.journal.verify(progress)
        stored = verify_storage(self.db) if storage else None
        if stored is not None:
            stored.problems.extend(
                StorageProblem("checkpoints", "", problem) for problem in stored_checkpoint_problems(self.db)
            )
        if not chain.ok:
            return VerifyResult(chain, [], stored)
        day = valid_at or dt.date.today()
        flagged = views.inconsistencies(self.journal.all_acts(), day)
        # Re-check flagged listings with their lineage: a related entity may explain them.
        kept: list[views.Inconsistency] = []
        checked: dict[tuple[str, str], list[views.Inconsistency]] = {}
        for found in flagged:
            key = (found.entity, found.jurisdiction)
            if key not in checked:
                entity = self.entities.get(found.entity)
                checked[key] = (
                    self.status_as_of(entity, found.jurisdiction, day).inconsistencies if entity else [found]
                )
            if found in checked[key]:
                kept.append(found)
        return VerifyResult(chain, kept, stored)

    def conflicts(self) -> list[list[views.ActRef]]:
        """Groups of acts that sources disagree on: competing readings, or one disputed act."""
        acts = list(self.journal.all_acts())
        by_id = {r.act.id: r for r in acts}
        groups: list[list[views.ActRef]] = []
        seen: set[str] = set()
        for recorded in acts:
            act = recorded.act
            if act.id in seen or not (act.conflicts_with or act.confidence.value == "disputed"):
                continue
            members = [act.id, *act.conflicts_with]
            members += [r.act.id for r in acts if act.id in r.act.conflicts_with]
            unique = [m for m in dict.fromkeys(members) if m in by_id]
            seen.update(unique)
            groups.append([views.ActRef.of(by_id[m]) for m in unique])
        return groups
