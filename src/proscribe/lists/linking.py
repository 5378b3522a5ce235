"""Recognising the same subject across lists: by reference numbers first, then by names.

* **reference** — an EU, UK or Australian entry carrying UN reference
  ``QDe.137`` is the same subject as the UN entry ``QDe.137``;
* **names** — an entry whose primary name and at least one more name (two
  more for persons, whose names collide more often) equal the names of an
  entity of the same kind, after folding case, script marks and
  punctuation, is that entity; so is an organisation whose primary name is
  exactly the primary name of one, and only one, other organisation. This
  is how list entries reach the curated entities (Al-Nusrah Front, the
  Taliban, Hamas ...);

* anything weaker becomes a **pending** candidate for a person to review
  (``proscribe links --pending``); it is never merged silently.

An entity never receives two entries from the same source automatically:
two OFAC entries with the same name are two subjects until a person says
otherwise.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlalchemy as sa

from proscribe.entities import EntityStore
from proscribe.model import EntityKind
from proscribe.names import name_key
from proscribe.sources.base import ListEntry

# Keys this short are acronyms ("HTS", "IS"): evidence too weak to count.
MIN_KEY_LENGTH = 5


@dataclass(frozen=True)
class Resolution:
    entity_id: str
    method: str
    score: float
    is_new: bool


@dataclass(frozen=True)
class Candidate:
    entity_id: str
    candidate_id: str
    score: float
    evidence: str


@dataclass
class LinkPlan:
    resolutions: dict[str, Resolution] = field(default_factory=dict)
    forward_references: dict[str, str] = field(default_factory=dict)
    candidates: list[Candidate] = field(default_factory=list)


def entity_id_for(source: str, key: str) -> str:
    return f"{source}-" + (re.sub(r"[^a-z0-9._-]+", "-", key.lower()).strip("-.") or "x")


def strong_keys(entry: ListEntry) -> set[str]:
    return {k for k in (name_key(n.value) for n in entry.names) if len(k) >= MIN_KEY_LENGTH}


def plan_links(
    source: str,
    entries: Iterable[ListEntry],
    known: dict[str, str],
    un_subjects: dict[str, str],
    same_source_entities: set[str],
    conn: sa.Connection,
) -> LinkPlan:
    """Decide the entity of each entry not yet known for this source.

    ``known`` maps already-linked keys of this source to entities;
    ``un_subjects`` maps UN reference numbers to entities.
    """
    plan = LinkPlan()
    fresh = [e for e in entries if e.key not in known]
    for key, entity_id in known.items():
        plan.resolutions[key] = Resolution(entity_id, "known", 1.0, False)
    index = EntityStore.ids_by_name_key(conn, {k for e in fresh for k in strong_keys(e)})
    kinds = EntityStore.kinds_and_keys(conn, {i for ids in index.values() for i in ids})
    for entry in fresh:
        resolution = _by_reference(entry, un_subjects, plan)
        if resolution is None:
            resolution = _by_names(source, entry, index, kinds, same_source_entities, plan)
        plan.resolutions[entry.key] = resolution
        for reference in entry.references:
            if reference not in un_subjects and reference not in plan.forward_references:
                plan.forward_references[reference] = resolution.entity_id
    return plan


def _by_reference(entry: ListEntry, un_subjects: dict[str, str], plan: LinkPlan) -> Resolution | None:
    for reference in entry.references:
        target = un_subjects.get(reference) or plan.forward_references.get(reference)
        if target:
            return Resolution(target, f"reference {reference}", 1.0, False)
    if entry.references:
        # The UN entry is not imported yet: use the id it will resolve to, so both meet.
        return Resolution(
            entity_id_for("un", entry.references[0]), f"reference {entry.references[0]}", 1.0, True
        )
    return None


def _by_names(
    source: str,
    entry: ListEntry,
    index: dict[str, set[str]],
    kinds: dict[str, tuple[str, str]],
    same_source_entities: set[str],
    plan: LinkPlan,
) -> Resolution:
    own_id = entity_id_for(source, entry.key)
    keys = strong_keys(entry)
    primary = name_key(entry.caption)
    votes: Counter[str] = Counter()
    for key in keys:
        for entity_id in index.get(key, ()):
            if kinds.get(entity_id, ("", ""))[0] == entry.kind.value and entity_id != own_id:
                votes[entity_id] += 1
    if not votes:
        return Resolution(own_id, "new", 1.0, True)
    best, matched = votes.most_common(1)[0]
    needed = 3 if entry.kind is EntityKind.PERSON else 2
    primary_matches = primary in keys and best in index.get(primary, set())
    overlap = matched / max(1, len(keys))
    if primary_matches and matched >= needed and best not in same_source_entities:
        return Resolution(best, "names", round(0.9 + 0.1 * overlap, 3), False)
    # An organisation whose primary name is exactly one other organisation's primary name
    # ("TALIBAN" on OFAC, "Taliban" curated) is that organisation, when no other entity shares it.
    same_primary = [e for e in votes if kinds[e][1] == primary]
    if (
        entry.kind is not EntityKind.PERSON
        and len(same_primary) == 1
        and len(index.get(primary, set())) == 1
        and same_primary[0] not in same_source_entities
    ):
        return Resolution(same_primary[0], "names: same primary name", 0.9, False)

    for entity_id, count in votes.most_common(3):
        plan.candidates.append(
            Candidate(
                own_id,
                entity_id,
                round(0.4 + 0.5 * count / max(1, len(keys)), 3),
                f"{count} of {len(keys)} names of {source} entry {entry.key} equal names of {entity_id}",
            )
        )
    return Resolution(own_id, "new", 1.0, True)
