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

* **own name** (only for lists that name each organisation once, in one
  language, with no reference numbers — Russia's lists, see
  ``LINK_BY_OWN_NAME``) — an organisation one of whose own names (not a
  weak alias) equals an own name (not weak, not acquired from a list) of
  exactly one organisation entity, and no name of it points to another, is
  that entity: "Движение Талибан" is the curated
  ``taliban``. Other sources never use this rule, so their links do not change;

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
from proscribe.model import EntityKind, NameType
from proscribe.names import name_key
from proscribe.sources.base import ListEntry

# Keys this short are acronyms ("HTS", "IS"): evidence too weak to count.
MIN_KEY_LENGTH = 5

# Sources whose entries give one organisation's names in Russian only, without reference numbers
# or a second spelling to vote with: one own name equal to one entity's name is the evidence there is.
LINK_BY_OWN_NAME = frozenset({"ru-fsb", "ru-minjust"})


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
    own_index = (
        EntityStore.own_ids_by_name_key(conn, {k for e in fresh for k in own_keys(e)})
        if source in LINK_BY_OWN_NAME
        else {}
    )
    for entry in fresh:
        resolution = _by_reference(entry, un_subjects, plan)
        if resolution is None and source in LINK_BY_OWN_NAME:
            resolution = _by_own_name(source, entry, own_index, kinds, same_source_entities)
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


def own_keys(entry: ListEntry) -> set[str]:
    """Folded names an entry gives as the subject's own (weak aliases, which name it only in context, left out)."""
    keys = (name_key(n.value) for n in entry.names if n.type is not NameType.WEAK)
    return {k for k in keys if len(k) >= MIN_KEY_LENGTH}


def _by_own_name(
    source: str,
    entry: ListEntry,
    index: dict[str, set[str]],
    kinds: dict[str, tuple[str, str]],
    same_source_entities: set[str],
) -> Resolution | None:
    if entry.kind is EntityKind.PERSON:
        return None
    own_id = entity_id_for(source, entry.key)
    matched: set[str] = set()
    for key in own_keys(entry):
        for entity_id in index.get(key, ()):
            if entity_id != own_id and kinds.get(entity_id, ("", ""))[0] == entry.kind.value:
                matched.add(entity_id)
    if len(matched) != 1:
        return None  # none, or names of several entities: left to the rules below and to review
    (target,) = matched
    if target in same_source_entities:
        return None
    # The method column holds 40 characters: the matching name is found again from the two entities' names.
    return Resolution(target, "names: own name", 0.85, False)


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
