"""Canonical serialisation and hashing of acts: the bytes the hash chain covers.

Keys sorted, no insignificant whitespace, UTF-8 (names stay in their own
script), absent values omitted, so the same act always yields the same bytes
whatever produced it.
"""

from __future__ import annotations

import hashlib
from typing import Any

import orjson

from proscribe.model import Act

GENESIS_HASH = "0" * 64


def canonical_json(data: dict[str, Any]) -> str:
    """Sorted keys, no whitespace, UTF-8 (orjson's compact output; the same bytes as
    ``json.dumps(sort_keys=True, separators=(",", ":"), ensure_ascii=False)`` for this data)."""
    return orjson.dumps(data, option=orjson.OPT_SORT_KEYS).decode("utf-8")


def act_body(act: Act, seq: int, recorded_at: str | None = None) -> str:
    """The stored, hashed form of an act at position ``seq`` of the journal.

    ``recorded_at`` (ISO 8601) stamps the act as the journal records it.
    """
    data = act.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    if recorded_at is not None:
        data["recorded_at"] = recorded_at
    # Fields that always matter are kept even when they equal their defaults.
    data["id"] = act.id
    data["action"] = act.action.value
    data["jurisdiction"] = act.jurisdiction
    data["confidence"] = act.confidence.value
    data["seq"] = seq
    return canonical_json(data)


def parse_body(body: str) -> Act:
    data = orjson.loads(body)
    data.pop("seq", None)
    return Act.model_validate(data)


def chain_hash(prev_hash: str, body: str) -> str:
    """Each act's hash covers the previous hash, so altering any act breaks every later link."""
    return hashlib.sha256(prev_hash.encode("ascii") + b"\n" + body.encode("utf-8")).hexdigest()
