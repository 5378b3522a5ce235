"""Disagreements between news reports, and between news and the registry.

Reports about the same organisation, jurisdiction and action *agree* when their dates can stand
for the same day (the intervals of "2024-06" and "2024" overlap) and are merged into one; they
*conflict* when no day fits both ("late 2023" and "earlier this year" in a 2024 article). A
registry act of the same action whose date fits no report is a conflict too. Two different
status outcomes reported for the same time (delisted vs suspended) conflict on ``action``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from proscribe.dates import PartialDate
from proscribe.model import RecordedAct
from proscribe.news.extract import NewsEvent
from proscribe.views import visible_acts


@dataclass(frozen=True)
class Conflict:
    organisation: str
    jurisdiction: str | None
    field: str
    values: list[str]
    files: list[str]

    def to_json(self) -> dict[str, Any]:
        return {
            "organisation": self.organisation,
            "jurisdiction": self.jurisdiction,
            "field": self.field,
            "values": self.values,
            "files": self.files,
        }


@dataclass
class MergedReport:
    """Reports that agree: one event, the files that carry it, the most precise date among them."""

    organisation: str
    entity_id: str | None
    jurisdiction: str | None
    action: str
    effective_date: str | None
    date_precision: str
    files: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "organisation": self.organisation,
            "entity_id": self.entity_id,
            "jurisdiction": self.jurisdiction,
            "action": self.action,
            "effective_date": self.effective_date,
            "date_precision": self.date_precision,
            "files": self.files,
        }


def _interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    if not value:
        return None
    parsed = PartialDate.parse(value)
    return (parsed.earliest, parsed.latest) if parsed.is_known else None


def _overlap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _subject(event: NewsEvent) -> str:
    return event.entity_id or (event.organisation or "").casefold()


def _label(events: Sequence[NewsEvent]) -> str:
    return next((e.entity_id for e in events if e.entity_id), None) or (events[0].organisation or "")


def find_conflicts(
    events: Iterable[NewsEvent], registry_acts: Sequence[RecordedAct] = ()
) -> tuple[list[Conflict], list[MergedReport]]:
    """Conflicts between reports (and with ``registry_acts``), and the merged reports that agree."""
    groups: dict[tuple[str, str | None, str], list[NewsEvent]] = defaultdict(list)
    for event in events:
        if _subject(event):
            groups[(_subject(event), event.jurisdiction, event.action)].append(event)
    conflicts: list[Conflict] = []
    merged: list[MergedReport] = []
    for (subject, jurisdiction, action), members in groups.items():
        dated = [(e, _interval(e.effective_date)) for e in members]
        clusters: list[list[tuple[NewsEvent, tuple[dt.date, dt.date]]]] = []
        for event, span in dated:
            if span is None:
                continue
            home = next((c for c in clusters if all(_overlap(span, s) for _, s in c)), None)
            if home is None:
                clusters.append([(event, span)])
            else:
                home.append((event, span))
        if len(clusters) > 1:
            files = list(dict.fromkeys(e.file for c in clusters for e, _ in c))
            values = list(dict.fromkeys(str(e.effective_date) for c in clusters for e, _ in c))
            conflicts.append(Conflict(_label(members), jurisdiction, "effective_date", values, files))
        registry_conflict = _against_registry(subject, jurisdiction, action, dated, registry_acts, members)
        if registry_conflict is not None:
            conflicts.append(registry_conflict)
        for cluster in clusters or [[]]:
            chosen = [e for e, _ in cluster] or members
            best = max(chosen, key=lambda e: (e.effective_date is not None, len(e.effective_date or "")))
            merged.append(
                MergedReport(
                    organisation=_label(members),
                    entity_id=best.entity_id,
                    jurisdiction=jurisdiction,
                    action=action,
                    effective_date=best.effective_date,
                    date_precision=best.date_precision,
                    files=list(dict.fromkeys(e.file for e in chosen)),
                    evidence=list(dict.fromkeys(e.evidence_quote for e in chosen)),
                )
            )
    conflicts.extend(_outcome_conflicts(merged))
    return conflicts, merged


def _against_registry(
    subject: str,
    jurisdiction: str | None,
    action: str,
    dated: list[tuple[NewsEvent, tuple[dt.date, dt.date] | None]],
    acts: Sequence[RecordedAct],
    members: list[NewsEvent],
) -> Conflict | None:
    # Corrected (superseded) and retracted acts are not what the registry says now.
    recorded = [
        r.act
        for r in visible_acts(acts)
        if subject in r.act.entities and r.act.jurisdiction == jurisdiction and r.act.action == action
    ]
    spans = [(e, s) for e, s in dated if s is not None]
    if not recorded or not spans:
        return None
    act_spans: list[tuple[str, tuple[dt.date, dt.date]]] = []
    for act in recorded:
        when = act.effective if act.effective is not None and act.effective.is_known else act.decided
        if when is not None and when.is_known:
            act_spans.append((f"registry:{act.id}={when}", (when.earliest, when.latest)))
    unmatched = [(e, s) for e, s in spans if not any(_overlap(s, a) for _, a in act_spans)]
    if not act_spans or not unmatched:
        return None
    values = list(
        dict.fromkeys(
            [
                *(str(e.effective_date) for e, _ in unmatched),
                *(label.split("=", 1)[1] for label, _ in act_spans),
            ]
        )
    )
    files = list(
        dict.fromkeys([*(e.file for e, _ in unmatched), *(label.split("=", 1)[0] for label, _ in act_spans)])
    )
    return Conflict(_label(members), jurisdiction, "effective_date", values, files)


def _outcome_conflicts(merged: list[MergedReport]) -> list[Conflict]:
    """Different status outcomes reported for overlapping times (one says delisted, another suspended)."""
    conflicts: list[Conflict] = []
    by_subject: dict[tuple[str, str | None], list[MergedReport]] = defaultdict(list)
    for report in merged:
        if report.action in ("delisted", "suspended"):
            by_subject[(report.entity_id or report.organisation.casefold(), report.jurisdiction)].append(
                report
            )
    for (_, jurisdiction), reports in by_subject.items():
        actions = {r.action for r in reports}
        if len(actions) < 2:
            continue
        spans = [_interval(r.effective_date) for r in reports]
        known = [s for s in spans if s is not None]
        if known and not all(_overlap(a, b) for a in known for b in known):
            continue
        files = list(dict.fromkeys(f for r in reports for f in r.files))
        conflicts.append(Conflict(reports[0].organisation, jurisdiction, "action", sorted(actions), files))
    return conflicts
