"""The curated data shipped with proscribe: entities and legal acts with their sources."""

from __future__ import annotations

from importlib import resources

from proscribe.records import RecordFile, parse_records, parse_yaml

# acts.yaml is (re)generated from the research file by scripts/convert_legal_acts.py; acts-official.yaml
# holds designations curated from official lists and pages by hand, which the converter must never touch.
BUNDLED_FILES = ("entities.yaml", "acts.yaml", "acts-official.yaml")


def bundled_records() -> RecordFile:
    """Entities then acts, from the files in :data:`BUNDLED_FILES` under ``proscribe/data``, validated."""
    data = resources.files("proscribe") / "data"
    merged: dict[str, list[object]] = {"entities": [], "acts": []}
    for name in BUNDLED_FILES:
        text = (data / name).read_text(encoding="utf-8")
        parsed = parse_yaml(text, f"proscribe/data/{name}")
        for section in merged:
            merged[section].extend(parsed.get(section) or [])
    return parse_records(merged, "proscribe/data")
