"""ISO 8601 durations (``P180D``, ``P6M``, ``P2Y``) added to dates, counted in calendar or working days.

Only date durations are legal deadlines here (no hours). Months and years
clamp to the end of the month (31 August + P6M = 28 February), as calendar
arithmetic does. Working days are Monday to Friday; public holidays are not
known to proscribe, so a working-day due date is the earliest it can be.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

_DURATION = re.compile(r"^P(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?$")


class DayCount(StrEnum):
    """How a duration's days are counted; ``unknown`` when the source does not say."""

    CALENDAR = "calendar"
    WORKING = "working"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Duration:
    years: int = 0
    months: int = 0
    days: int = 0

    @classmethod
    def parse(cls, text: str) -> Duration:
        match = _DURATION.match(text.strip())
        if not match or text.strip() == "P":
            raise ValueError(f"'{text}' is not an ISO 8601 date duration (e.g. P180D, P6M, P2Y)")
        weeks = int(match["weeks"] or 0)
        return cls(int(match["years"] or 0), int(match["months"] or 0), weeks * 7 + int(match["days"] or 0))

    def __str__(self) -> str:
        parts = [f"{n}{unit}" for n, unit in ((self.years, "Y"), (self.months, "M"), (self.days, "D")) if n]
        return "P" + "".join(parts) if parts else "P0D"


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def add_working_days(day: dt.date, count: int) -> dt.date:
    current = day
    while count > 0:
        current += dt.timedelta(days=1)
        if current.weekday() < 5:
            count -= 1
    return current


def add(day: dt.date, duration: Duration, count: DayCount) -> dt.date:
    """``day`` plus ``duration``; working days apply to the day part only."""
    shifted = add_months(day, duration.years * 12 + duration.months)
    if count is DayCount.WORKING:
        return add_working_days(shifted, duration.days)
    return shifted + dt.timedelta(days=duration.days)


def due_window(
    start: tuple[dt.date, dt.date], duration: Duration, count: DayCount
) -> tuple[dt.date, dt.date]:
    """Earliest and latest due day for a clock started somewhere in ``start`` (a partial date's range).

    When the source does not say how days are counted, the calendar reading
    gives the earliest due day and the working-day reading the latest.
    """
    first, last = start
    if count is DayCount.UNKNOWN:
        return add(first, duration, DayCount.CALENDAR), add(last, duration, DayCount.WORKING)
    return add(first, duration, count), add(last, duration, count)
