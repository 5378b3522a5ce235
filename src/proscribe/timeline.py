"""A cross-jurisdiction timeline: one lane per jurisdiction, status sampled over time.

Pure computation (the terminal and web renderers draw it): for each
jurisdiction, the periods during which the status stayed the same.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from proscribe import views
from proscribe.model import RecordedAct
from proscribe.views import Status


@dataclass
class Period:
    start: dt.date
    end: dt.date
    status: Status


@dataclass
class Lane:
    jurisdiction: str
    periods: list[Period]
    via: str | None


def month_starts(start: dt.date, end: dt.date) -> list[dt.date]:
    days = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        days.append(dt.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return days


def lanes(
    acts: Sequence[RecordedAct],
    entity_id: str,
    lineage_by_jurisdiction: dict[str, list[tuple[str, str]]],
    start: dt.date,
    end: dt.date,
    published_by: dt.date | None = None,
) -> list[Lane]:
    """Monthly status per jurisdiction, merged into periods of equal status."""
    result = []
    samples = month_starts(start, end)
    for code, lineage in sorted(lineage_by_jurisdiction.items()):
        periods: list[Period] = []
        via = None
        for day in samples:
            answer = views.status_as_of(acts, entity_id, code, day, None, published_by, lineage)
            if answer.via:
                via = answer.via.entity
            if periods and periods[-1].status is answer.status:
                periods[-1].end = day
            else:
                periods.append(Period(day, day, answer.status))
        result.append(Lane(code, periods, via))
    return result
