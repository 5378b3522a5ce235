"""Deadlines across all cases, as of a date: what is due soon, what is overdue, what has no known date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from proscribe.procedures.cases import ProcedureCases
from proscribe.procedures.durations import DayCount, Duration, add
from proscribe.procedures.engine import open_deadlines


@dataclass(frozen=True)
class DueEntry:
    status: str  # overdue, due, waiting (a not-before period still running), unknown (no period known)
    case: str
    entity: str
    rule: str
    deadline: str
    kind: str
    title: str
    clock_started: str
    due_earliest: dt.date | None
    due_latest: dt.date | None
    on_expiry: str | None
    legal_basis: str
    source_url: str | None

    @property
    def uid(self) -> str:
        return f"{self.case}.{self.deadline}.{self.clock_started}@proscribe"

    @property
    def summary(self) -> str:
        return f"{self.entity}: {self.title} ({self.case})"

    @property
    def description(self) -> str:
        span = (
            f"{self.due_earliest}"
            if self.due_earliest == self.due_latest
            else f"{self.due_earliest} to {self.due_latest}"
        )
        text = f"Due {span} ({self.kind}); clock started {self.clock_started}. Rule {self.rule}. Legal basis: {self.legal_basis}."
        if self.on_expiry:
            text += f" On expiry the law deems '{self.on_expiry}' taken."
        return text + (f" Source: {self.source_url}" if self.source_url else "")


def due_entries(cases: ProcedureCases, as_of: dt.date, within: Duration) -> list[DueEntry]:
    horizon = add(as_of, within, DayCount.CALENDAR)
    entries: list[DueEntry] = []
    for case in cases.all():
        rule = cases.rule_of(case)
        for running in open_deadlines(rule, case):
            d = running.deadline
            first, last = running.due if running.due else (None, None)
            if first is None or last is None:
                status = "unknown"
            elif d.kind == "not_before":
                if last < as_of or first > horizon:
                    continue
                status = "waiting"
            elif last < as_of:
                status = "overdue"
            elif first <= horizon:
                status = "due"
            else:
                continue
            source = rule.cited(d.sources)[0]
            entries.append(
                DueEntry(
                    status,
                    case.id,
                    case.entity,
                    rule.key,
                    d.id,
                    d.kind,
                    d.title,
                    str(running.clock_started),
                    first,
                    last,
                    d.on_expiry,
                    d.legal_basis,
                    source.url,
                )
            )
    order = {"overdue": 0, "due": 1, "waiting": 2, "unknown": 3}
    return sorted(entries, key=lambda e: (order[e.status], e.due_earliest or dt.date.max, e.case))
