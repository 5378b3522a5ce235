"""Dates as legal sources give them: to the day, the month, the year, or unknown.

A court ruling "of 14 February 2003" is day-precise; "added to the list in
March 2003" is month-precise; "earlier this year" is year-precise; and many
publication dates are simply not found. proscribe never rounds a partial date
into a precise one: it keeps the precision and works with the earliest and
latest day the date can stand for.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Literal

Precision = Literal["day", "month", "year", "unknown"]

_PATTERN = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")

EARLIEST = dt.date.min
LATEST = dt.date.max


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the day, the month, the year, or not at all.

    >>> PartialDate.parse("2003-03").earliest, PartialDate.parse("2003-03").latest
    (datetime.date(2003, 3, 1), datetime.date(2003, 3, 31))
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str | dt.date | int) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``unknown``.

        Raises ``ValueError`` with a readable reason for impossible dates
        such as ``2025-02-30``.
        """
        if isinstance(text, dt.datetime):
            text = text.date()
        if isinstance(text, dt.date):
            return cls(text.year, text.month, text.day)
        if isinstance(text, int):
            text = str(text)
        return _parse_text(text)

    @property
    def precision(self) -> Precision:
        if self.year is None:
            return "unknown"
        if self.month is None:
            return "year"
        if self.day is None:
            return "month"
        return "day"

    @property
    def is_known(self) -> bool:
        return self.year is not None

    @property
    def is_day(self) -> bool:
        return self.day is not None

    @property
    def earliest(self) -> dt.date:
        """The first day this date can stand for."""
        if self.year is None:
            return EARLIEST
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        """The last day this date can stand for."""
        if self.year is None:
            return LATEST
        if self.month is None:
            return dt.date(self.year, 12, 31)
        if self.day is None:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, self.month, self.day)

    def __str__(self) -> str:
        return self._text

    @functools.cached_property
    def _text(self) -> str:
        # Cached: acts share parsed dates (see _parse_text), and serialising is a hot path.
        if self.year is None:
            return "unknown"
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@functools.lru_cache(maxsize=65536)
def _parse_text(text: str) -> PartialDate:
    # Cached: the same few thousand dates recur across millions of stored acts.
    value = text.strip()
    if value.lower() == "unknown":
        return PartialDate()
    match = _PATTERN.match(value)
    if not match:
        raise ValueError(f"'{text}' is not a date (use YYYY-MM-DD, YYYY-MM, YYYY or unknown)")
    year = int(match["year"])
    month = int(match["month"]) if match["month"] else None
    day = int(match["day"]) if match["day"] else None
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"'{text}' is not a date: month {month} does not exist")
    if day is not None and month is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise ValueError(f"'{text}' is not a date: {calendar.month_name[month]} {year} has {last} days")
    return PartialDate(year, month, day)


def parse_day(text: str) -> dt.date:
    """Parse a full ``YYYY-MM-DD`` date given on the command line or in a query."""
    parsed = PartialDate.parse(text)
    if not parsed.is_day:
        raise ValueError(f"'{text}' is not a full date (use YYYY-MM-DD)")
    return parsed.earliest


def parse_instant(text: str) -> dt.datetime:
    """Parse a date or ISO 8601 timestamp; a bare date means the end of that day (UTC).

    "What did the registry say on 2025-03-01" includes everything recorded
    during that day.
    """
    value = text.strip()
    if len(value) == 10:
        day = parse_day(value)
        return dt.datetime.combine(day, dt.time.max, tzinfo=dt.UTC)
    try:
        instant = dt.datetime.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"'{text}' is not a date or ISO 8601 timestamp") from exc
    return instant if instant.tzinfo else instant.replace(tzinfo=dt.UTC)


# No act of the kind this registry records predates the United Nations; 0001-01-01 is a slip.
PLAUSIBLE_FROM = dt.date(1945, 1, 1)
# Acts may be announced ahead of their effect (a delisting in force next month), not by years.
PLAUSIBLE_AHEAD = dt.timedelta(days=366)


def plausible_range(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The first and last day an act's date, or a list's data date, can plausibly be."""
    return PLAUSIBLE_FROM, (today or dt.date.today()) + PLAUSIBLE_AHEAD


def check_plausible(day: dt.date, today: dt.date | None = None) -> dt.date:
    """``day``, or a ValueError naming the range when it is before 1945 or more than a year ahead."""
    first, last = plausible_range(today)
    if not first <= day <= last:
        raise ValueError(f"{day.isoformat()} is outside the plausible range {first} … {last}")
    return day


def utc_stamp() -> str:
    """Now, in UTC, as an ISO timestamp with microseconds and a ``Z`` (sorts as text)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
