"""What changed between two versions of a list, entry by entry (pure functions).

Categories mirror how lists change in law: an entry appears (designation),
disappears (delisting), moves on or off a programme (designation or
delisting on that programme's list), or has its names or details amended.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from proscribe.sources.base import ListEntry


@dataclass(frozen=True)
class EntryChange:
    key: str
    before: ListEntry | None
    after: ListEntry | None
    kinds: tuple[str, ...]

    @property
    def lists_added(self) -> tuple[str, ...]:
        before = set(self.before.lists) if self.before else set()
        return tuple(lid for lid in (self.after.lists if self.after else ()) if lid not in before)

    @property
    def lists_removed(self) -> tuple[str, ...]:
        after = set(self.after.lists) if self.after else set()
        return tuple(lid for lid in (self.before.lists if self.before else ()) if lid not in after)


@dataclass
class VersionDiff:
    changes: list[EntryChange] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(kind in change.kinds for change in self.changes)

    def summary(self) -> dict[str, int]:
        kinds = (
            "added",
            "removed",
            "programmes_changed",
            "name_changed",
            "aliases_changed",
            "details_changed",
        )
        summary = {kind: self.count(kind) for kind in kinds}
        # Only lists that print rulings (Russia's) can have this kind; other sources' summaries,
        # and the CLI and API output made from them, stay as they were.
        if decisions := self.count("decisions_changed"):
            summary["decisions_changed"] = decisions
        return summary


def classify(before: ListEntry, after: ListEntry) -> tuple[str, ...]:
    """How an entry present in both versions changed (empty when only remarks or order differ)."""
    kinds = []
    if set(before.programmes) != set(after.programmes) or set(before.lists) != set(after.lists):
        kinds.append("programmes_changed")
    if before.caption != after.caption:
        kinds.append("name_changed")
    if {n.value for n in before.names[1:]} != {n.value for n in after.names[1:]}:
        kinds.append("aliases_changed")
    details = ("kind", "listed_on", "references", "identifiers", "remarks", "in_force", "instrument")
    if any(getattr(before, name) != getattr(after, name) for name in details):
        kinds.append("details_changed")
    if before.decisions != after.decisions:
        # A ruling printed next to an existing entry (Russia's suspension of the Taliban ban):
        # its own acts are made from it, so it is a change of its own, not a detail.
        kinds.append("decisions_changed")
    return tuple(kinds)


def diff_versions(
    before: dict[str, str],
    after: dict[str, str],
    load_before: Callable[[Iterable[str]], dict[str, ListEntry]],
    load_after: Callable[[Iterable[str]], dict[str, ListEntry]],
) -> VersionDiff:
    """Diff two versions given as {key: digest} maps; entries are loaded only where they differ."""
    added = sorted(k for k in after if k not in before)
    removed = sorted(k for k in before if k not in after)
    changed = sorted(k for k in after if k in before and before[k] != after[k])
    old = load_before([*removed, *changed])
    new = load_after([*added, *changed])
    result = VersionDiff()
    for key in added:
        result.changes.append(EntryChange(key, None, new[key], ("added",)))
    for key in removed:
        result.changes.append(EntryChange(key, old[key], None, ("removed",)))
    for key in changed:
        kinds = classify(old[key], new[key])
        if kinds:
            result.changes.append(EntryChange(key, old[key], new[key], kinds))
    return result
