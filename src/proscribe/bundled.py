"""The curated data shipped with proscribe: entities and legal acts with their sources."""

from __future__ import annotations

from importlib import resources

from proscribe.records import RecordFile, parse_records, parse_yaml


def bundled_records() -> RecordFile:
    """Entities then acts, from ``proscribe/data/*.yaml``, validated."""
    data = resources.files("proscribe") / "data"
    merged: dict[str, list[object]] = {"entities": [], "acts": []}
    for name in ("entities.yaml", "acts.yaml"):
        text = (data / name).read_text(encoding="utf-8")
        parsed = parse_yaml(text, f"proscribe/data/{name}")
        for section in merged:
            merged[section].extend(parsed.get(section) or [])
    return parse_records(merged, "proscribe/data")
