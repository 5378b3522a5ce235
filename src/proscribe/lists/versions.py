"""List versions and the diff between two of them, as plain data for the API and the web pages."""

from __future__ import annotations

from typing import Any

from proscribe.errors import NotFound
from proscribe.lists.diff import diff_versions
from proscribe.lists.store import ListStore, StoredVersion
from proscribe.registry import Registry


def list_versions(registry: Registry, source: str | None = None) -> list[StoredVersion]:
    return ListStore(registry.db).versions(source)


def version_diff(
    registry: Registry, source: str, from_ref: str, to_ref: str, labels: tuple[str, str] = ("from", "to")
) -> dict[str, Any]:
    """What changed between two imported versions (hash prefix or data date) of ``source``.

    ``labels`` name the two references in errors (the CLI says ``--from``/``--to``).
    """
    store = ListStore(registry.db)
    before = store.find_version(source, from_ref)
    after = store.find_version(source, to_ref)
    for ref, found, field in ((from_ref, before, labels[0]), (to_ref, after, labels[1])):
        if found is None:
            raise NotFound(f"{field}: no {source} version matches '{ref}'")
    assert before is not None and after is not None
    with store.db.reading() as conn:
        old, new = store.membership(before.id, conn), store.membership(after.id, conn)
        result = diff_versions(
            old,
            new,
            lambda keys: store.entries(source, [(k, old[k]) for k in keys], conn),
            lambda keys: store.entries(source, [(k, new[k]) for k in keys], conn),
        )
    changes = [
        {
            "key": change.key,
            "kinds": list(change.kinds),
            "caption": (change.after or change.before).caption,  # type: ignore[union-attr]
            "lists_added": list(change.lists_added),
            "lists_removed": list(change.lists_removed),
        }
        for change in result.changes
    ]
    return {"source": source, "from": before, "to": after, "summary": result.summary(), "changes": changes}
