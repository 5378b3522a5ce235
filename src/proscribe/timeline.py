"""A cross-jurisdiction timeline: one lane per jurisdiction, status sampled over time.

Pure computation (the terminal and web renderers draw it): for each
jurisdiction, the periods during which the status stayed the same.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from proscribe import views
from proscribe.dates import EARLIEST, LATEST
from proscribe.model import RecordedAct
from proscribe.views import HistoryEntry, Status

# Years drawn before "today" at least, so a listing first seen last year still shows its context.
MIN_SPAN_YEARS = 5


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


def chart_start(
    history: Sequence[HistoryEntry], end: dt.date, default: dt.date = dt.date(1999, 1, 1)
) -> dt.date:
    """1 January of the year of the earliest *known* date in ``history`` (at least
    :data:`MIN_SPAN_YEARS` before ``end``).

    Undated acts and the open lower bound of an entry first seen in a list snapshot are not
    known dates: counting them would start the chart in year 1.
    """
    known = [e.sort_key[0] for e in history if EARLIEST < e.sort_key[0] < LATEST]
    first = min(known, default=default)
    return dt.date(min(first.year, end.year - MIN_SPAN_YEARS), 1, 1)


def _bounds(
    acts: Sequence[RecordedAct], jurisdiction: str, subjects: set[str]
) -> tuple[list[dt.date], list[dt.date]]:
    """Sorted window starts and ends of the acts that can change a status in ``jurisdiction``."""
    windows = [
        views.effect_window(r.act)
        for r in acts
        if r.act.jurisdiction == jurisdiction and r.act.list_id and subjects.intersection(r.act.entities)
    ]
    return sorted(w.earliest for w in windows), sorted(w.latest for w in windows)


def lanes(
    acts: Sequence[RecordedAct],
    entity_id: str,
    lineage_by_jurisdiction: dict[str, list[tuple[str, str]]],
    start: dt.date,
    end: dt.date,
    published_by: dt.date | None = None,
) -> list[Lane]:
    """Monthly status per jurisdiction, merged into periods of equal status.

    A status on day D depends only on which acts may have taken effect by D (window start <= D)
    and which surely had (window end <= D). Between two such bounds it cannot change, so each
    run of months between bounds is computed once: the same answer as asking every month, at
    the cost of asking once per act rather than once per month.
    """
    result = []
    samples = month_starts(start, end)
    for code, lineage in sorted(lineage_by_jurisdiction.items()):
        starts, ends = _bounds(acts, code, {entity_id, *(other for other, _ in lineage)})
        periods: list[Period] = []
        via = None
        answer: views.StatusResult | None = None
        last_key: tuple[int, int] | None = None
        for day in samples:
            key = (bisect.bisect_right(starts, day), bisect.bisect_right(ends, day))
            if answer is None or key != last_key:
                answer = views.status_as_of(acts, entity_id, code, day, None, published_by, lineage)
                last_key = key
            if answer.via:
                via = answer.via.entity
            if periods and periods[-1].status is answer.status:
                periods[-1].end = day
            else:
                periods.append(Period(day, day, answer.status))
        result.append(Lane(code, periods, via))
    return result
