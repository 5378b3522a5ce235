"""Canonical serialisation and hashing of acts: the bytes the hash chain covers.

Keys sorted, no insignificant whitespace, UTF-8 (names stay in their own
script), absent values omitted, so the same act always yields the same bytes
whatever produced it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from proscribe.model import Act

GENESIS_HASH = "0" * 64


def canonical_json(data: dict[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def act_body(act: Act, seq: int) -> str:
    """The stored, hashed form of an act at position ``seq`` of the journal."""
    data = act.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    # Fields that always matter are kept even when they equal their defaults.
    data["id"] = act.id
    data["action"] = act.action.value
    data["jurisdiction"] = act.jurisdiction
    data["confidence"] = act.confidence.value
    data["seq"] = seq
    return canonical_json(data)


def parse_body(body: str) -> Act:
    data = json.loads(body)
    data.pop("seq", None)
    return Act.model_validate(data)


def chain_hash(prev_hash: str, body: str) -> str:
    """Each act's hash covers the previous hash, so altering any act breaks every later link."""
    return hashlib.sha256(prev_hash.encode("ascii") + b"\n" + body.encode("utf-8")).hexdigest()
