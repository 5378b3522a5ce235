"""Small builders for acts used in tests (real model objects, no mocks)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from proscribe.model import Act, RecordedAct

SOURCE = {"url": "https://example.org/gazette/1", "retrieved": "2026-11-22"}


def act(act_id: str, action: str, *, entity: str = "group", jurisdiction: str = "RU", **fields: Any) -> Act:
    data: dict[str, Any] = {
        "id": act_id,
        "action": action,
        "jurisdiction": jurisdiction,
        "entities": [entity],
        "list": "test-list",
        "authority": "Test Court",
        "sources": [SOURCE],
    }
    data.update(fields)
    return Act.model_validate(data)


def recorded(acts: list[Act], start: dt.datetime | None = None) -> list[RecordedAct]:
    """Acts as if recorded one per day from ``start`` (hashes are not checked by views)."""
    base = start or dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    return [
        RecordedAct(
            seq=i + 1,
            act=a.model_copy(update={"recorded_at": base + dt.timedelta(days=i)}),
            prev_hash="0" * 64,
            hash="0" * 64,
        )
        for i, a in enumerate(acts)
    ]
