# ruff: noqa: RUF001  -- typographic apostrophes are the point of these patterns.
"""Spanish, French and Kazakh date expressions, for :func:`proscribe.news.dates.find_dates`.

"el 20 de febrero de 2025", "Julio 12, 2024", "en marzo de 2019", "este viernes", "hoy"; "le 8 novembre,
2013", "30 mai 2018", "en janvier 2015", "aujourd'hui", "vendredi dernier"; Kazakh "қарашаның 25-індегі", "2011 жылғы 25 қарашада". A weekday is the latest such
day on or before the reference day (the story's day), unless the text says it is the next one
("el próximo lunes", "lundi prochain"). Kept apart from the English, German and Russian patterns so
that the lead can merge it beside them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import NamedTuple

from proscribe.dates import PartialDate

_MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
}  # fmt: skip
_WEEKDAYS = {
    "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4, "sábado": 5, "sabado": 5,
    "domingo": 6, "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}  # fmt: skip
# Kazakh months (stems: the genitive "қарашаның" and locative "қарашада" follow them).
_KK_MONTHS = {
    "қаңтар": 1, "ақпан": 2, "наурыз": 3, "сәуір": 4, "мамыр": 5, "маусым": 6, "шілде": 7, "тамыз": 8,
    "қыркүйек": 9, "қазан": 10, "қараша": 11, "желтоқсан": 12,
}  # fmt: skip
_KK_MONTH = r"(?P<month>" + "|".join(_KK_MONTHS) + r")\w*"
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")"
_WEEKDAY = r"(?P<weekday>" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_I = re.IGNORECASE

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "20 de febrero de 2025", "8 novembre, 2013", "1er mai 2018", "30 mai 2018"
    ("dmy", re.compile(rf"\b(?P<day>\d{{1,2}})(?:er|º|°)?\s+(?:de\s+)?{_MONTH}(?:,?\s+(?:de\s+|del\s+)?{_YEAR})?\b", _I)),
    # "Julio 12, 2024"
    ("mdy", re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+{_YEAR}\b", _I)),
    # "en marzo de 2019", "en janvier 2015", "marzo de 2019"
    ("my", re.compile(rf"\b{_MONTH}\s+(?:de\s+|del\s+)?{_YEAR}\b", _I)),
    # "este viernes", "el pasado lunes", "el viernes", "vendredi dernier", "ce vendredi", "el próximo lunes"
    ("weekday", re.compile(
        rf"\b(?:(?P<next_before>próximo|proximo)\s+|(?:este|el|ce|le|pasado|el\s+pasado)\s+)?{_WEEKDAY}(?:\s+(?P<next_after>prochain|próximo)|\s+(?:dernier|pasado))?\b",
        _I)),
    # Kazakh: "қарашаның 25-індегі" (of November 25th), "2011 жылғы 25 қарашада"
    ("kk_md", re.compile(rf"(?<!\w){_KK_MONTH}\s+(?P<day>\d{{1,2}})(?:-\w+)?", _I)),
    ("kk_dm", re.compile(rf"(?<!\w)(?:(?P<year>(?:19|20)\d\d)\s+жыл\w*\s+)?(?P<day>\d{{1,2}})\s+{_KK_MONTH}", _I)),
    ("today", re.compile(r"\b(?:hoy|aujourd['’]hui)\b", _I)),
    ("yesterday", re.compile(r"\b(?:ayer|hier)\b", _I)),
]  # fmt: skip
# Lower-case words one of which a sentence must hold for these patterns to be tried.
ROMANCE_WORDS = (*_MONTHS, *_WEEKDAYS, *_KK_MONTHS, "hoy", "aujourd", "ayer", "hier")


class RomanceDate(NamedTuple):
    """A date expression found: where, its date, precision and basis (explicit, weekday, relative)."""

    start: int
    end: int
    date: PartialDate
    precision: str
    basis: str


def _day(year: int, month: int, day: int) -> PartialDate | None:
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return PartialDate(year, month, day)


def find_romance_dates(sentence: str, reference: dt.date, taken: list[tuple[int, int]]) -> list[RomanceDate]:
    """Spanish and French dates in ``sentence`` resolved against ``reference`` (the story's day), outside
    the ``taken`` spans (dates the other patterns already read)."""
    lowered = sentence.lower()
    if not any(word in lowered for word in ROMANCE_WORDS):
        return []
    spans = list(taken)
    found: list[RomanceDate] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(sentence):
            start, end = match.span()
            if any(start < e and s < end for s, e in spans):
                continue
            resolved = _resolve(kind, match, reference)
            if resolved is None:
                continue
            spans.append((start, end))
            found.append(RomanceDate(start, end, *resolved))
    return found


def _resolve(kind: str, match: re.Match[str], reference: dt.date) -> tuple[PartialDate, str, str] | None:
    groups = match.groupdict()
    if kind in ("dmy", "mdy", "kk_md", "kk_dm"):
        months = _KK_MONTHS if kind.startswith("kk") else _MONTHS
        month, day = months[groups["month"].lower()], int(groups["day"])
        if groups.get("year"):
            year = int(groups["year"])
        else:
            # A day named without a year: this year's, unless that lies more than two months ahead.
            year = reference.year
            if dt.date(year, month, min(day, 28)) > reference + dt.timedelta(days=62):
                year -= 1
        parsed = _day(year, month, day)
        return (parsed, "day", "explicit") if parsed else None
    if kind == "my":
        return PartialDate(int(groups["year"]), _MONTHS[groups["month"].lower()]), "month", "explicit"
    if kind == "weekday":
        weekday = _WEEKDAYS[groups["weekday"].lower()]
        if groups.get("next_before") or groups.get("next_after"):
            ahead = (weekday - reference.weekday()) % 7 or 7
            when = reference + dt.timedelta(days=ahead)
        else:
            when = reference - dt.timedelta(days=(reference.weekday() - weekday) % 7)
        return PartialDate.parse(when), "day", "weekday"
    if kind == "today":
        return PartialDate.parse(reference), "day", "relative"
    if kind == "yesterday":
        return PartialDate.parse(reference - dt.timedelta(days=1)), "day", "relative"
    return None
