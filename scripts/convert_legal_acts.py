"""Convert ../shared/data/legal/acts.yaml into proscribe's own format (src/proscribe/data/acts.yaml).

Run once when the curated research data changes; the output is committed and
shipped with the package. Every decision the conversion makes (which list an
act belongs to, what "revoked" means in each jurisdiction, which readings
compete) is stated here, in one place, with its reason.

    python scripts/convert_legal_acts.py ../shared/data/legal/acts.yaml src/proscribe/data/acts.yaml
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any

import yaml

LISTS = {
    "RU": "ru-federal-terrorist-list",
    "KZ": "kz-banned-terrorist-organisations",
    "KG": "kg-banned-organisations",
    "UN": "un-sc-sanctions",
    "US": "us-fto",
    "GB": "gb-proscribed-organisations",
    "EU": "eu-cp-2001-931",
    "CA": "ca-listed-terrorist-entities",
}
# Acts on another list than their jurisdiction's default (the legal basis says so).
LIST_OVERRIDES = {"us-2024-02-16-ansarallah-sdgt-designated": "us-sdgt"}

# "revoked" in the research file means two different things (see its README):
# an executive revocation (a real delisting) and a court annulment in the EU
# whose effects were maintained (the organisation stayed listed).
ANNULMENTS_EFFECTS_MAINTAINED = {
    "eu-2014-10-16-ltte-listing-annulled",
    "eu-2017-07-26-ltte-annulment-upheld",
    "eu-2014-12-17-hamas-listing-annulled",
    "eu-2018-11-15-pkk-listing-annulled",
}
REVOCATION_REASON = {
    "uk-2025-hts-alias-revoked": "revoked",
    "uk-2017-12-22-hig-deproscribed": "revoked",
    "uk-2008-06-pmoi-deproscribed": "revoked",
}

# Competing readings of one event that the research file records as separate acts.
CONFLICTS = {
    "kz-2024-06-taliban-delisted-reading-2024": ["kz-2023-12-29-taliban-delisted-reading-2023"],
}

# Readings described only in an act's notes, made into acts of their own so that
# the conflict is visible in the data, each with the source that supports it.
EXTRA_READINGS: list[dict[str, Any]] = [
    {
        "base": "ru-2024-11-25-delisting-bill-introduced",
        "id": "ru-2024-11-26-delisting-bill-introduced-reading-b",
        "decided": "2024-11-26",
        "published": "2024-11-26",
        "source_urls": ["https://tvrain.tv/amp/559999"],
        "notes": "Reading B of the introduction date: TV Rain reports 26 November 2024. "
        "Reading A (25 Nov, Duma website, Novaya Gazeta) is ru-2024-11-25-delisting-bill-introduced.",
    },
]


class _NoAliasDumper(yaml.SafeDumper):
    """Write repeated values out in full: proscribe refuses YAML aliases in record files."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _date(value: Any) -> str | None:
    if value is None:
        return None
    return str(value)


def convert_act(raw: dict[str, Any]) -> dict[str, Any]:
    act_id = raw["id"]
    entity = raw.get("entity")
    entities = [] if entity is None else ([entity] if isinstance(entity, str) else list(entity))
    action = raw["action"]
    out: dict[str, Any] = {"id": act_id, "jurisdiction": raw["jurisdiction"]}
    if action == "revoked" and act_id in ANNULMENTS_EFFECTS_MAINTAINED:
        out["action"] = "annulled"
        out["effects_maintained"] = True
    elif action == "revoked":
        out["action"] = "delisted"
        out["reason"] = "revoked"
    elif action == "delisted":
        out["action"] = "delisted"
        out["reason"] = REVOCATION_REASON.get(act_id, "unspecified")
    else:
        out["action"] = action
    if entities:
        out["entities"] = entities
    if entities and out["action"] in {
        "designated",
        "amended",
        "suspended",
        "reinstated",
        "delisted",
        "annulled",
    }:
        out["list"] = LIST_OVERRIDES.get(act_id, LISTS[raw["jurisdiction"]])
    for ours, theirs in (
        ("decided", "decided_date"),
        ("effective", "effective_date"),
        ("published", "published_date"),
    ):
        value = _date(raw.get(theirs))
        if value is not None:
            out[ours] = value
    out["authority"] = raw["authority"]
    for key in ("legal_basis", "instrument"):
        if raw.get(key):
            out[key] = raw[key]
    if raw.get("aliases_in_act"):
        out["names"] = list(raw["aliases_in_act"])
    out["sources"] = [
        {"url": s["url"], "title": s.get("title"), "retrieved": str(s["accessed"])} for s in raw["sources"]
    ]
    out["confidence"] = raw["confidence"]
    if act_id in CONFLICTS:
        out["conflicts_with"] = CONFLICTS[act_id]
    notes = raw.get("notes")
    out["notes"] = (
        f"{notes} [subject as named in the research file: {raw['organisation']}]"
        if notes
        else (f"[subject as named in the research file: {raw['organisation']}]")
    )
    return out


def convert(source: Path) -> list[dict[str, Any]]:
    raw_acts = yaml.safe_load(source.read_text(encoding="utf-8"))
    converted = [convert_act(raw) for raw in raw_acts]
    by_id = {act["id"]: act for act in converted}
    for extra in EXTRA_READINGS:
        base = by_id[extra["base"]]
        reading = {"id": extra["id"]}
        reading.update(
            {k: v for k, v in base.items() if k not in {"id", "decided", "published", "sources", "notes"}}
        )
        reading["decided"] = extra["decided"]
        reading["published"] = extra["published"]
        reading["sources"] = [s for s in base["sources"] if s["url"] in extra["source_urls"]]
        reading["conflicts_with"] = [base["id"]]
        reading["notes"] = extra["notes"]
        converted.append(reading)
    return converted


# Acts curated by hand after the conversion follow this line in the target file; a new conversion
# keeps them (they continue the same `acts:` list).
HAND_CURATED_MARKER = "# --- Hand-curated acts below this line"


def hand_curated_tail(target: Path) -> str:
    """The hand-curated part of an existing target file, from its marker line to the end ('' if none)."""
    if not target.exists():
        return ""
    text = target.read_text(encoding="utf-8")
    start = text.find(HAND_CURATED_MARKER)
    return text[start:] if start >= 0 else ""


def main() -> None:
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    tail = hand_curated_tail(target)
    acts = convert(source)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    header = (
        "# Curated legal acts shipped with proscribe, converted by scripts/convert_legal_acts.py from the\n"
        "# project's research file legal/acts.yaml (retrieved 2026-11-22, sha256 " + digest + ").\n"
        "# Every act cites its sources; dates keep the precision the sources give (YYYY, YYYY-MM, unknown).\n"
    )
    body = yaml.dump({"acts": acts}, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False, width=120)
    target.write_text(header + body + tail, encoding="utf-8")
    print(f"{len(acts)} acts written to {target}" + (" (hand-curated acts kept)" if tail else ""))


if __name__ == "__main__":
    main()
