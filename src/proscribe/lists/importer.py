"""Importing one version of an official list, in one transaction.

parse (streaming) → entry states stored by digest → diff against the
previous version of the same source → entities resolved (reference numbers,
names, or new) → acts appended to the journal → the version recorded. If
anything fails, nothing of the version remains.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

import orjson
import sqlalchemy as sa

from proscribe import ledger
from proscribe.errors import InputError
from proscribe.ledger import pack_membership
from proscribe.lists.acts import VersionRef, acts_for_diff
from proscribe.lists.diff import VersionDiff, diff_versions
from proscribe.lists.entries import entry_body, entry_digest
from proscribe.lists.linking import LinkPlan, plan_links
from proscribe.lists.store import ListStore
from proscribe.model import Entity, Identifier, Name, NameType, Source
from proscribe.names import name_key
from proscribe.registry import Registry
from proscribe.sources.base import ListEntry, ParsedList
from proscribe.store import tables as t


@dataclass
class ImportResult:
    source: str
    version_id: str
    data_date: dt.date
    data_date_basis: str = ""
    already_imported: bool = False
    entries: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    changes: dict[str, int] = field(default_factory=dict)
    acts_added: int = 0
    entities_added: int = 0
    entities_updated: int = 0
    pending_links: int = 0
    previous: str | None = None


def _entity_from_entry(entity_id: str, source: str, entry: ListEntry, citation: Source) -> Entity:
    names, seen = [], set()
    for name in entry.names:
        key = name_key(name.value)
        if key and key not in seen:
            seen.add(key)
            names.append(Name(value=name.value, type=name.type, lang=name.lang))
    if not names:
        # Some list rows carry no name at all (1,906 in Canada's SEMA list); the subject is then
        # known only by its list reference, which is what we call it rather than invent a name.
        names.append(Name(value=f"{source} {entry.key}", type=NameType.PRIMARY))

    return Entity(
        id=entity_id,
        kind=entry.kind,
        names=names,
        identifiers=_identifiers(source, entry),
        sources=[citation],
    )


def _identifiers(source: str, entry: ListEntry) -> list[Identifier]:
    found = [Identifier(scheme=source, value=entry.key)]
    found += [Identifier(scheme="un", value=ref) for ref in entry.references]
    found += [Identifier(scheme=scheme, value=value) for scheme, value in entry.identifiers]
    return list(dict.fromkeys(found))


def _merge_names(entity: Entity, entry: ListEntry, citation: Source, origin: str) -> Entity | None:
    """The entity with the entry's names and identifiers it lacks added (None when nothing is new)."""
    source = origin.split(" ", 1)[0]
    identifiers = list(dict.fromkeys([*entity.identifiers, *_identifiers(source, entry)]))
    seen = {name_key(n.value) for n in entity.names}
    extra = []
    for name in entry.names:
        key = name_key(name.value)
        if key and key not in seen:
            seen.add(key)
            kind = name.type if name.type is not NameType.PRIMARY else NameType.AKA
            extra.append(Name(value=name.value, type=kind, lang=name.lang, acquired_from=origin))
    if not extra and identifiers == entity.identifiers:
        return None
    sources = list(entity.sources)
    if citation.document_hash not in {s.document_hash for s in sources}:
        sources.append(citation)
    return entity.model_copy(
        update={"names": [*entity.names, *extra], "identifiers": identifiers, "sources": sources}
    )


def import_list(registry: Registry, parsed: ParsedList) -> ImportResult:
    """Import ``parsed`` as a new version of its source (a no-op when that version is already in)."""
    store = ListStore(registry.db)
    if parsed.data_date is None:
        raise InputError("the list version has no data date; give --data-date", location=str(parsed.files[0]))
    result = ImportResult(parsed.source, parsed.content_hash, parsed.data_date, parsed.data_date_basis)
    imported_on = dt.date.today()
    with registry.db.writing() as conn, conn.begin():
        if store.version(parsed.content_hash) is not None:
            result.already_imported = True
            return result
        latest = store.latest(parsed.source, conn)
        if latest and latest.data_date > parsed.data_date:
            raise InputError(
                f"a newer {parsed.source} version ({latest.data_date}) is already imported; "
                "import versions in date order",
                location=str(parsed.files[0]),
            )
        previous_members = store.membership(latest.id, conn) if latest else {}
        membership, changed, bodies = _read_entries(parsed, previous_members, result)
        stored = store.existing_digests(parsed.source, list(bodies), conn)
        rows = [
            {"source": parsed.source, "key": key, "digest": d, "body": body.decode()}
            for d, (key, body) in bodies.items()
            if d not in stored
        ]
        for start in range(0, len(rows), 5000):
            conn.execute(t.list_entries.insert(), rows[start : start + 5000])

        diff = diff_versions(
            previous_members,
            membership,
            lambda keys: store.entries(parsed.source, [(k, previous_members[k]) for k in keys], conn),
            lambda keys: {k: changed[k] for k in keys},
        )
        result.changes = diff.summary()
        version = VersionRef(
            parsed.content_hash,
            parsed.source,
            parsed.jurisdiction,
            parsed.data_date,
            imported_on,
            url=parsed.meta.get("source_url"),
        )
        prior = (
            VersionRef(latest.id, latest.source, latest.jurisdiction, latest.data_date, imported_on)
            if latest
            else None
        )
        entity_of = _link(registry, store, parsed.source, diff, version, result, conn)
        acts = acts_for_diff(diff, version, prior, entity_of, parsed.amendments)
        appended = registry.journal.append(acts, connection=conn, check_references=False)
        result.acts_added = len(appended.added)
        version_row = {
            "id": parsed.content_hash,
            "source": parsed.source,
            "jurisdiction": parsed.jurisdiction,
            "data_date": parsed.data_date.isoformat(),
            "data_date_basis": parsed.data_date_basis,
            "imported_at": dt.datetime.now(dt.UTC).isoformat(),
            "entry_count": len(membership),
            "files": orjson.dumps([str(p) for p in parsed.files]).decode(),
            "previous": latest.id if latest else None,
        }
        conn.execute(t.list_versions.insert().values(**version_row, membership=pack_membership(membership)))
        ledger.append(conn, [ledger.version_item(version_row, membership)])
        result.previous = latest.id if latest else None
    return result


def _read_entries(
    parsed: ParsedList, previous: dict[str, str], result: ImportResult
) -> tuple[dict[str, str], dict[str, ListEntry], dict[str, tuple[str, bytes]]]:
    """Consume the parser: membership of every entry; full entries only where they differ."""
    membership: dict[str, str] = {}
    changed: dict[str, ListEntry] = {}
    bodies: dict[str, tuple[str, bytes]] = {}
    for entry in parsed.entries:
        if entry.key in membership:
            raise InputError(
                f"entry key {entry.key} appears twice in one version", location=str(parsed.files[0])
            )
        body = entry_body(entry)
        digest = entry_digest(body)
        membership[entry.key] = digest
        result.kinds[entry.kind.value] += 1
        if previous.get(entry.key) != digest:
            changed[entry.key] = entry
            bodies[digest] = (entry.key, body)
    result.entries = len(membership)
    if not membership:
        raise InputError("the list has no entries (wrong file or format?)", location=str(parsed.files[0]))
    return membership, changed, bodies


def _link(
    registry: Registry,
    store: ListStore,
    source: str,
    diff: VersionDiff,
    version: VersionRef,
    result: ImportResult,
    conn: sa.Connection,
) -> dict[str, str]:
    """Entity ids for every changed entry; creates and updates entities and subject rows."""
    keys = [c.key for c in diff.changes]
    known = store.subjects(source, keys, conn)
    incoming = [c.after for c in diff.changes if c.after is not None]
    references = sorted({r for e in incoming for r in e.references})
    un_subjects = store.subjects("un", references, conn) if references else {}
    plan: LinkPlan = plan_links(
        source, incoming, known, un_subjects, store.entities_with_source(source, conn), conn
    )
    citation = version.cite("list entry")
    by_key = {e.key: e for e in incoming}
    new_entities: dict[str, Entity] = {}
    existing_ids = {r.entity_id for r in plan.resolutions.values() if not r.is_new}
    existing = registry.entities.get_many(existing_ids) if existing_ids else {}
    updated: dict[str, Entity] = {}
    subject_rows = []
    for key, resolution in plan.resolutions.items():
        entry = by_key.get(key)
        if entry is None:
            continue
        if key not in known:
            subject_rows.append(
                {
                    "source": source,
                    "key": key,
                    "entity_id": resolution.entity_id,
                    "method": resolution.method,
                    "score": resolution.score,
                }
            )
        target = (
            updated.get(resolution.entity_id)
            or existing.get(resolution.entity_id)
            or new_entities.get(resolution.entity_id)
        )
        if target is None:
            new_entities[resolution.entity_id] = _entity_from_entry(
                resolution.entity_id, source, entry, citation
            )
            continue
        merged = _merge_names(target, entry, citation, f"{source} {key}")
        if merged is not None:
            if resolution.entity_id in new_entities:
                new_entities[resolution.entity_id] = merged
            else:
                updated[resolution.entity_id] = merged
    for reference, entity_id in plan.forward_references.items():
        subject_rows.append(
            {
                "source": "un",
                "key": reference,
                "entity_id": entity_id,
                "method": f"reference from {source}",
                "score": 1.0,
            }
        )
    added, changed_ids = registry.entities.save([*new_entities.values(), *updated.values()], conn)
    result.entities_added, result.entities_updated = len(added), len(changed_ids)
    for start in range(0, len(subject_rows), 5000):
        conn.execute(t.list_subjects.insert(), subject_rows[start : start + 5000])
    ledger.append(conn, (ledger.subject_item(row) for row in subject_rows))
    for candidate in plan.candidates:
        exists = conn.execute(
            sa.select(t.link_candidates.c.id).where(
                t.link_candidates.c.entity_id == candidate.entity_id,
                t.link_candidates.c.candidate_id == candidate.candidate_id,
            )
        ).first()
        if exists is None:
            conn.execute(
                t.link_candidates.insert().values(
                    entity_id=candidate.entity_id,
                    candidate_id=candidate.candidate_id,
                    score=candidate.score,
                    evidence=candidate.evidence,
                    status="pending",
                )
            )
            result.pending_links += 1
    entity_of = {key: r.entity_id for key, r in plan.resolutions.items()}
    for change in diff.changes:
        if change.key not in entity_of:
            raise InputError(f"entry {change.key} left the list but was never linked to an entity")
    return entity_of
