# ruff: noqa: RUF001, RUF003  -- Cyrillic letters and typographic quotes are the point of these patterns.
"""Date expressions in news sentences, resolved against the article's publication date.

"On Tuesday, December 17" in an article of 2024-12-17 is 2024-12-17; "on Friday" in a sentence
about what *will* happen is the next Friday; "earlier this year" is the publication year, known
only to the year; "late 2023" is a part of 2023 (precision ``season``), never a day. A resolved
date keeps the precision the text gives: day, month, season or year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

from proscribe.dates import PartialDate
from proscribe.news.extra_dates import ROMANCE_WORDS as _ROMANCE_WORDS
from proscribe.news.extra_dates import find_romance_dates
from proscribe.news.first_chars import first_char_gate
from proscribe.news.gates import AnchorSets, Gate, gate_for, gate_safe

Precision = Literal["day", "month", "season", "year"]
# How a date was found: written out ("17 December 2024"), a weekday ("on Friday"), relative to the
# publication ("yesterday", "last year"), the article's dateline, a legal rule ("takes effect
# immediately", "upon publication in the Federal Register"), or only the publication date.
Basis = Literal["explicit", "weekday", "relative", "dateline", "rule", "publication"]
_RELATIVE_KINDS = frozenset(
    {"rel_day", "ago", "this_year", "month_rel_year", "season_rel", "ru_season", "ru_part_rel", "week_rel"}
)


@dataclass(frozen=True)
class DateMention:
    """One date expression in a sentence: where it is, what it says, what it resolves to."""

    start: int
    end: int
    text: str
    date: PartialDate
    precision: Precision
    basis: Basis = "explicit"


_EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_DE_MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
}  # fmt: skip
# French and Spanish month names (French "hier" only after a participle or before "soir": German "hier" is "here"), with the abbreviations datelines use ("6 déc.", "3 feb.").
_FR_ES_MONTHS = {
    "janvier": 1, "janv": 1, "février": 2, "févr": 2, "fév": 2, "mars": 3, "avril": 4, "avr": 4, "mai": 5, "juin": 6,
    "juillet": 7, "juil": 7, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "déc": 12,
    "enero": 1, "ene": 1, "febrero": 2, "marzo": 3, "abril": 4, "abr": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "ago": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12, "dic": 12,
}  # fmt: skip
# Russian month names by stem: "декабря" (genitive, with a day), "декабре" (prepositional), "декабрь".
_RU_MONTH_STEMS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonntag": 6,
    "понедельник": 0, "вторник": 1, "среду": 2, "среда": 2, "четверг": 3, "пятницу": 4, "пятница": 4,
    "субботу": 5, "суббота": 5, "воскресенье": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "lunes": 0, "martes": 1, "miércoles": 2, "jueves": 3, "viernes": 4, "sábado": 5, "domingo": 6,
}  # fmt: skip
_SEASONS = {
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
    "frühjahr": (3, 5), "frühling": (3, 5), "sommer": (6, 8), "herbst": (9, 11),
    "весной": (3, 5), "летом": (6, 8), "осенью": (9, 11), "зимой": (12, 2),
}  # fmt: skip
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}

_EN_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_DE_MONTH = (
    r"(?P<month>Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)"
)
_RU_MONTH = r"(?P<month>январ[яеь]|феврал[яеь]|марта?|марте|апрел[яеь]|ма[яе]|май|июн[яеь]|июл[яеь]|августа?|августе|сентябр[яеь]|октябр[яеь]|ноябр[яеь]|декабр[яеь])"
_FR_ES_MONTH = (
    r"(?P<month>janvier|janv\.?|février|févr\.?|fév\.?|mars|avril|avr\.?|mai|juin|juillet|juil\.?|août|septembre|octobre|novembre|décembre|déc\.?"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)"
)
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)(?:morgen|abend|nachmittag|vormittag|nacht)?"
# "the attack on Easter Sunday", "Good Friday": a holiday's name, not a weekday counted from the publication.
_HOLIDAY_GUARD = "".join(
    rf"(?<!{word}\s)"
    for word in (
        "Easter",
        "Palm",
        "Good",
        "Black",
        "Bloody",
        "Holy",
        "Ash",
        "Super",
        "Cyber",
        "Maundy",
        "Пасхальное",
        "Вербное",
        "Страстную",
        "Кровавое",
    )
)
_PART = r"(?P<part>early|mid|late|the end of|end of|the beginning of|beginning of|Anfang|Mitte|Ende)"

# Ordered: longer, more specific patterns first; a span claimed by one is not matched again.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("ymd", re.compile(r"\b(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b")),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d{2})-(?P<day>\d{2})\b")),
    ("en_mdy", re.compile(rf"\b(?:{_WEEKDAY},?\s+)?{_EN_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?\b")),
    ("en_dmy", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_EN_MONTH}(?:,?\s+{_YEAR})?\b")),
    ("de_dmy", re.compile(rf"\b(?P<day>\d{{1,2}})\.\s*{_DE_MONTH}(?:\s+{_YEAR})?\b")),
    # "le 25 juin 2021", "1er mars", "el 19 de febrero de 2025", "20 de enero".
    ("fr_es_dmy", re.compile(rf"(?<!\w)(?P<day>\d{{1,2}})(?:er)?\s+(?:de\s+)?{_FR_ES_MONTH}(?:\s+(?:de\s+|del\s+)?{_YEAR})?(?!\w)", re.I)),
    ("ru_dmy", re.compile(rf"(?<!\w)(?P<day>\d{{1,2}})\s+{_RU_MONTH}(?:\s+{_YEAR})?(?:\s+(?:года|г\.))?", re.I)),
    ("part_month", re.compile(rf"\b{_PART}[\s-]+{_EN_MONTH}(?:\s+{_YEAR})?\b", re.I)),
    ("part_year", re.compile(rf"\b{_PART}[\s-]+{_YEAR}\b", re.I)),
    ("ru_part_year", re.compile(r"(?P<part>в конце|в начале|в середине)\s+(?P<year>(?:19|20)\d\d)\s+года", re.I)),
    ("ru_part_rel", re.compile(r"(?P<part>в конце|в начале|в середине)\s+(?P<rel>прошлого|этого|текущего)\s+года", re.I)),
    ("season_rel", re.compile(r"\b(?P<rel>earlier this|this|last|later this|dieses|diesen|im vergangenen|letzten)\s+(?P<season>spring|summer|autumn|fall|winter|Frühjahr|Sommer|Herbst|Winter)\b", re.I)),
    ("season_year", re.compile(rf"\b(?:in\s+(?:the\s+)?)?(?P<season>spring|summer|autumn|fall|winter|Frühjahr|Sommer|Herbst)\s+(?:of\s+)?{_YEAR}\b", re.I)),
    ("ru_season", re.compile(r"(?P<rel>этим|прошлым)\s+(?P<season>летом|весной|осенью|зимой)", re.I)),
    # "in June this year", "June last year", "в июне прошлого года", "im März letzten Jahres": a month of a year
    # counted from the publication.
    ("month_rel_year", re.compile(
        rf"\b{_EN_MONTH}\s+(?:of\s+)?(?P<rel>(?i:this|last|next))\s+year\b"
        rf"|(?<!\w)(?:[вВ]\s+)?{_RU_MONTH.replace('(?P<month>', '(?P<ru_month>')}\s+(?P<ru_rel>этого|прошлого|текущего|следующего)\s+года"
        rf"|\b{_DE_MONTH.replace('(?P<month>', '(?P<de_month>')}\s+(?P<de_rel>(?:dieses|letzten|vergangenen|nächsten)\s+Jahres|des\s+Vorjahres)\b",
    )),
    ("en_my", re.compile(rf"\b{_EN_MONTH}\s+(?:of\s+)?{_YEAR}\b")),
    ("de_my", re.compile(rf"\b{_DE_MONTH}\s+{_YEAR}\b")),
    ("fr_es_my", re.compile(rf"(?<!\w){_FR_ES_MONTH}\s+(?:de\s+|del\s+)?{_YEAR}\b", re.I)),
    ("fr_es_month", re.compile(rf"(?<!\w)(?P<rel>en|depuis|desde|début|fin|mi-|a\s+finales\s+de|a\s+principios\s+de)\s*{_FR_ES_MONTH}(?!\s+(?:de\s+)?\d)(?!\w)", re.I)),
    ("ru_my", re.compile(rf"(?<!\w)(?:в\s+)?{_RU_MONTH}\s+{_YEAR}(?:\s+года)?", re.I)),
    # The word before the month may open the sentence ("In June", "Im März"); the month keeps its capital ("may").
    ("last_month_name", re.compile(rf"\b(?P<rel>(?i:last|this|next|in|im|since|seit|early|late)|Anfang|Ende)\s+{_EN_MONTH}\b(?!\s+\d)")),
    ("de_month", re.compile(rf"\b(?P<rel>(?i:im|seit)|Anfang|Ende|Mitte)\s+{_DE_MONTH}\b(?!\s+\d)")),
    # "в январе", "на вторую половину января", "в конце января": the month.
    ("ru_month", re.compile(rf"(?<!\w)(?P<rel>в|с|на)\s+(?:(?:первую|вторую)\s+половину|конец|начало|середину|конце|начале|середине)?\s*{_RU_MONTH}(?!\s+\d)(?!\w)", re.I)),
    ("this_year", re.compile(r"\b(?P<rel>earlier this year|this year|last year|later this year|the previous year|earlier this month|this month|last month|next month|diesen Jahres|dieses Jahres|in diesem Jahr|im vergangenen Jahr|im Vorjahr|vergangenes Jahr|letztes Jahr|im nächsten Monat|nächsten Monat|im vergangenen Monat|в этом году|в прошлом году|в текущем году|ранее в этом году|в прошлом месяце|в этом месяце|в следующем месяце|cette année|l'année dernière|l’année dernière|l'an dernier|l’an dernier|este año|el año pasado|el mes pasado|le mois dernier|ce mois-ci)\b", re.I)),
    # "last week", "la semana pasada", "на прошлой неделе": the month the week fell in (no finer than the text).
    ("week_rel", re.compile(r"(?<!\w)(?P<rel>last\s+week|the\s+previous\s+week|(?:in\s+der\s+)?(?:letzten|vergangenen)\s+Woche|letzte\s+Woche|vergangene\s+Woche|на\s+прошлой\s+неделе|la\s+semana\s+pasada|la\s+semaine\s+derni[èe]re)(?!\w)", re.I)),
    ("ago", re.compile(r"\b(?P<num>\d+|a|one|two|three|four|five|six|seven|ten)\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", re.I)),
    ("rel_day", re.compile(r"(?<!\w)(?P<rel>yesterday|today|tomorrow|comes a day after|came a day after|a day earlier|the day before|the previous day|the following day|a day later|gestern|heute|morgen|am Vortag|vorgestern|вчера|сегодня|завтра|накануне|позавчера|aujourd'hui|aujourd’hui|ayer|hoy|la veille|la víspera|(?<=é\s)hier|(?<=és\s)hier|(?<=ée\s)hier|(?<=a\s)hier|(?<=it\s)hier|(?<=ont\s)hier|hier(?=\s+(?:soir|matin|après-midi))|с\s+сегодняшнего\s+дня|(?:on\s+)?(?:that\s+(?:same\s+)?|the\s+same\s+)day|an\s+diesem\s+Tag|am\s+(?:selben|gleichen)\s+Tag|в\s+(?:тот|этот)\s+же\s+день|(?:ese\s+)?mismo\s+día|le\s+même\s+jour|ce\s+jour-là)(?!\w)", re.I)),
    ("weekday", re.compile(rf"(?<!\w)(?P<prep>on|am|ab|last|next|this|(?:в\s+)?прошл(?:ую|ый|ое)|во|в|ce|le|el|este|prochain|próximo)?\s*{_HOLIDAY_GUARD}{_WEEKDAY}(?!\w)", re.I)),
    ("year", re.compile(r"(?<![\w./-])(?P<prep>in|since|from|of|im Jahr|seit|в|с|до)?\s*(?P<year>(?:19|20)\d\d)(?:\s*(?:году|года|г\.))?(?![\w/-]|\.\d)", re.I)),
]  # fmt: skip
# Most of these open with "\b", a look-behind or an optional word, which makes ``re`` try them in full at every
# position of a sentence: a look-ahead for their first characters makes a failed position one character test
# (the same matches; see proscribe.news.first_chars).
_PATTERNS = [(kind, first_char_gate(pattern)) for kind, pattern in _PATTERNS]

_FUTURE = re.compile(
    r"\b(will|would|to be|scheduled|expected|next|is due|are due|set to|plans? to|upon|wird|werde|soll|erwartet|ab\s|назначен\w*|запланирован\w*|будет|будут|рассмотрит|sera|seront|va|vont|prochain\w*|será|serán|van\s+a|próxim\w*)\b",
    re.I,
)


# Lower-case stems every date pattern without a digit contains (months, weekdays, seasons, relative words).
_DATE_WORDS = (
    *(m for m in _EN_MONTHS if len(m) > 3), "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    *_DE_MONTHS, "jänner", "март", "ма", "январ", "феврал", "апрел", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр",
    *_WEEKDAYS, "сред", "пятниц", "суббот",
    *_SEASONS, "year", "month", "jahr", "monat", "год", "месяц", "week", "day", "ago",
    "yesterday", "today", "tomorrow", "earlier", "gestern", "heute", "morgen", "vortag", "вчера", "сегодня", "завтра", "накануне",
    "позавчера", "vorgestern", "в конце", "в начале", "в середине", "tag", "день", "día", "jour",
    *_FR_ES_MONTHS, "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes", "martes", "miércoles",
    "jueves", "viernes", "sábado", "domingo", "hier", "aujourd", "ayer", "hoy", "veille", "víspera", "année", "año", "an dernier",
    "mois", "woche", "недел", "semana", "semaine",
)  # fmt: skip
_DIGIT = re.compile(r"\d")
# Digit shapes some patterns cannot match without (each is a substring of every match of those patterns): one
# fast scan each (a digit class leads them, so the regex engine skips to digits) instead of running the patterns
# themselves on every sentence with a number.
_DIGIT_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("year_digits", re.compile(r"(?:19|20)\d\d")),
    ("digit.digit", re.compile(r"\d\.\d")),
    ("digit-digit", re.compile(r"\d-\d")),
)
_SEPARATED_DIGITS = frozenset(name for name, _ in _DIGIT_SHAPES[1:])
_FAMILIES: dict[str, tuple[str, ...]] = {
    "en_month": tuple(_EN_MONTHS),
    "de_month": (*_DE_MONTHS, "jänner"),
    "fr_es_month": tuple(_FR_ES_MONTHS),
    "ru_month": ("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"),
    "weekday": (*_WEEKDAYS, "сред", "пятниц", "суббот"),
    "season": (*_SEASONS, "winter", "frühling"),
    "week": ("week", "woche", "недел", "semana", "semaine"),
    "period": ("year", "month", "jahr", "monat", "году", "года", "месяц", "année", "año", "an dernier", "mois"),
}  # fmt: skip
# The word families a pattern cannot match without (checked as plain substrings before the regex runs).
_NEEDS: dict[str, frozenset[str]] = {
    "ymd": frozenset({"digit", "year_digits", "digit.digit"}), "iso": frozenset({"digit", "year_digits", "digit-digit"}),
    "en_mdy": frozenset({"digit", "en_month"}), "en_dmy": frozenset({"digit", "en_month"}),
    "de_dmy": frozenset({"digit", "de_month"}), "ru_dmy": frozenset({"digit", "ru_month"}),
    "fr_es_dmy": frozenset({"digit", "fr_es_month"}), "fr_es_my": frozenset({"digit", "fr_es_month"}),
    "fr_es_month": frozenset({"fr_es_month"}),
    "part_month": frozenset({"en_month"}), "part_year": frozenset({"digit"}), "ru_part_year": frozenset({"digit"}),
    "season_rel": frozenset({"season"}), "season_year": frozenset({"digit", "season"}), "ru_season": frozenset({"season"}),
    "en_my": frozenset({"digit", "en_month"}), "de_my": frozenset({"digit", "de_month"}), "ru_my": frozenset({"digit", "ru_month"}),
    "last_month_name": frozenset({"en_month"}), "de_month": frozenset({"de_month"}), "ru_month": frozenset({"ru_month"}),
    "this_year": frozenset({"period"}), "month_rel_year": frozenset({"period"}), "ago": frozenset(), "week_rel": frozenset({"week"}),
    "weekday": frozenset({"weekday"}), "year": frozenset({"digit", "year_digits"}),
}  # fmt: skip
# A capitalised word right before a capitalised "Today" makes a title of it ("India Today looks at ...").
_TITLE_WORD_BEFORE = re.compile(r"(?<![.!?]\s)\b[A-ZА-ЯЁ][\w.]*\s+$")
_WORD_SETS = AnchorSets({"romance": _ROMANCE_WORDS, "date": _DATE_WORDS, **_FAMILIES}, shared=True)
_WILL = re.compile(
    r"\b(?:will|wird|werden|будет|будут)\b(?![^,;]{0,150}\b(?:said|says|sagte|заявил)\b)", re.I
)
_PAST_NEAR = re.compile(r"\b(?:came|took|was|were|went|entered|did|had)\b[^,;]{0,40}$", re.I)
_ANNOUNCED_PLAN = re.compile(
    r"\b(?:announced|unveiled|revealed|set\s+out)\s+(?:plans?|proposals?|(?:her|his|its|their|the)\s+intention)\s+to\b",
    re.I,
)
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|stated|sagte|teilte|заявил\w*|сообщил\w*)\s+(?:on\s+|am\s+)?$", re.I
)


# "on that day", "an diesem Tag", "в тот же день": the day the text named last.
_SAME_DAY = frozenset(
    {"an diesem tag", "am selben tag", "am gleichen tag", "в тот же день", "в этот же день", "mismo día",
     "ese mismo día", "le même jour", "ce jour-là"}
)  # fmt: skip


def _month_number(text: str) -> int:
    value = text.lower().rstrip(".")
    if value in _EN_MONTHS:
        return _EN_MONTHS[value]
    if value in _DE_MONTHS:
        return _DE_MONTHS[value]
    if value in _FR_ES_MONTHS:
        return _FR_ES_MONTHS[value]
    for stem, number in sorted(_RU_MONTH_STEMS.items(), key=lambda item: -len(item[0])):
        if value.startswith(stem):
            return number
    raise ValueError(text)


def _day(year: int, month: int, day: int) -> PartialDate | None:
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return PartialDate(year, month, day)


def _year_for_month(month: int, published: dt.date, future: bool) -> int:
    """A month named without a year: the latest one not after publication, unless the text speaks of the future."""
    if future:
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def _year_for_day(month: int, day: int, published: dt.date, future: bool) -> int:
    candidate = dt.date(published.year, month, min(day, 28))
    if future:
        return published.year if candidate >= published - dt.timedelta(days=2) else published.year + 1
    # Dates up to two months ahead are announcements of steps ("hearing set for April 17").
    return published.year if candidate <= published + dt.timedelta(days=62) else published.year - 1


def _shift_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _speaks_of_future(before: str) -> bool:
    """Whether the text right before a date expression puts it in the future."""
    # A past verb in the date's own clause ("after a ban ... came into force on Saturday") outweighs a "will"
    # further back; a government that "announced plans to" act did so in the past.
    past_clause = _PAST_NEAR.search(before[-45:]) is not None
    return (bool(_FUTURE.search(before[-60:])) and not _ANNOUNCED_PLAN.search(before)) or (
        bool(_WILL.search(before)) and not _SPEECH_BEFORE.search(before) and not past_clause
    )


def _resolve(
    kind: str,
    match: re.Match[str],
    published: dt.date,
    future: Callable[[], bool],
    anchor: dt.date | None,
) -> tuple[PartialDate, Precision] | None:
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if kind in ("ymd", "iso"):
        parsed = _day(int(groups["year"]), int(groups["mnum"]), int(groups["day"]))
        return (parsed, "day") if parsed else None
    if kind in ("en_mdy", "en_dmy", "de_dmy", "ru_dmy", "fr_es_dmy"):
        month, day = _month_number(groups["month"]), int(groups["day"])
        if year is None:
            year = _year_for_day(month, day, published, future())
        parsed = _day(year, month, day)
        return (parsed, "day") if parsed else None
    if kind == "month_rel_year":
        name = groups.get("month") or groups.get("ru_month") or groups.get("de_month") or ""
        rel = (groups.get("rel") or groups.get("ru_rel") or groups.get("de_rel") or "").lower()
        offset = -1 if rel.startswith(("last", "прошл", "letzt", "vergang", "des")) else 0
        offset = 1 if rel.startswith(("next", "следующ", "nächst")) else offset
        return PartialDate(published.year + offset, _month_number(name)), "month"
    if kind in ("en_my", "de_my", "ru_my", "fr_es_my"):
        assert year is not None
        return PartialDate(year, _month_number(groups["month"])), "month"
    if kind == "part_month":
        month = _month_number(groups["month"])
        return PartialDate(year or _year_for_month(month, published, future()), month), "month"
    if kind in ("part_year", "ru_part_year"):
        assert year is not None
        return PartialDate(year), "season"
    if kind == "ru_part_rel":
        rel = groups["rel"].lower()
        return PartialDate(published.year - 1 if rel == "прошлого" else published.year), "season"
    if kind in ("season_rel", "ru_season"):
        season = _SEASONS[groups["season"].lower()]
        rel = groups["rel"].lower()
        past = rel in ("last", "im vergangenen", "letzten", "прошлым")
        season_year = published.year - 1 if past else published.year
        return PartialDate(season_year), "season" if season else "year"
    if kind == "season_year":
        assert year is not None
        return PartialDate(year), "season"
    if kind in ("last_month_name", "de_month", "ru_month", "fr_es_month"):
        month = _month_number(groups["month"])
        rel = (groups.get("rel") or "").lower()
        if rel == "last":
            month_year = published.year if month < published.month else published.year - 1
        elif rel == "next":
            month_year = published.year if month > published.month else published.year + 1
        else:
            month_year = _year_for_month(month, published, future())
        return PartialDate(month_year, month), "month"
    if kind == "this_year":
        rel = groups["rel"].lower()
        if "month" in rel or "monat" in rel or "месяц" in rel or "mois" in rel or "mes " in rel:
            offset = (
                -1 if any(w in rel for w in ("last", "vergangenen", "прошлом", "dernier", "pasado")) else 0
            )
            offset = 1 if ("next" in rel or "nächsten" in rel or "следующем" in rel) else offset
            y, m = _shift_months(published, offset)
            return PartialDate(y, m), "month"
        past = any(
            word in rel
            for word in (
                "last",
                "previous",
                "vergangen",
                "vorjahr",
                "letztes",
                "прошлом",
                "dernier",
                "dernière",
                "pasado",
            )
        )
        return PartialDate(published.year - 1 if past else published.year), "year"
    if kind == "ago":
        raw = groups["num"].lower()
        number = int(raw) if raw.isdigit() else _NUMBERS.get(raw, 1)
        unit = groups["unit"].lower().rstrip("s")
        if unit == "day":
            return PartialDate.parse(published - dt.timedelta(days=number)), "day"
        if unit == "week":
            return PartialDate.parse(published - dt.timedelta(days=7 * number)), "day"
        if unit == "month":
            y, m = _shift_months(published, -number)
            return PartialDate(y, m), "month"
        return PartialDate(published.year - number), "year"
    if kind == "week_rel":
        # The calendar week before the publication's: its month when it lies in one month, else its year.
        monday = published - dt.timedelta(days=published.weekday() + 7)
        sunday = monday + dt.timedelta(days=6)
        if (monday.year, monday.month) == (sunday.year, sunday.month):
            return PartialDate(monday.year, monday.month), "month"
        return (PartialDate(monday.year), "year") if monday.year == sunday.year else None
    if kind == "rel_day":
        rel = " ".join(groups["rel"].lower().split())
        if rel in _SAME_DAY or (rel.endswith(" day") and rel.startswith(("on ", "that ", "the "))):
            # "Samidoun Deutschland wurde an diesem Tag verboten": the day last named before, if there is one.
            return (PartialDate.parse(anchor), "day") if anchor else None
        base = anchor or published
        offsets = {
            "yesterday": (-1, published), "gestern": (-1, published), "вчера": (-1, published),
            "vorgestern": (-2, published), "позавчера": (-2, published),
            "today": (0, published), "heute": (0, published), "сегодня": (0, published), "с сегодняшнего дня": (0, published),
            "tomorrow": (1, published), "morgen": (1, published), "завтра": (1, published),
            "hier": (-1, published), "ayer": (-1, published), "aujourd'hui": (0, published), "aujourd’hui": (0, published),
            "hoy": (0, published), "la veille": (-1, base), "la víspera": (-1, base),
            "comes a day after": (-1, base), "came a day after": (-1, base), "a day earlier": (-1, base), "the day before": (-1, base), "the previous day": (-1, base),
            "am vortag": (-1, base), "накануне": (-1, base),
            "the following day": (1, base), "a day later": (1, base),
        }  # fmt: skip
        offset, origin = offsets[rel]
        return PartialDate.parse(origin + dt.timedelta(days=offset)), "day"
    if kind == "weekday":
        weekday = _WEEKDAYS[groups["weekday"].lower()]
        prep = (groups.get("prep") or "").lower()
        backward = prep == "last" or "прошл" in prep
        forward = prep in ("next", "ab") or (future() and not backward)
        if forward:
            delta = (weekday - published.weekday()) % 7 or 7
            return PartialDate.parse(published + dt.timedelta(days=delta)), "day"
        if "прошл" in prep:
            # "в прошлую пятницу": that day of the previous calendar week, never of this one.
            monday = published - dt.timedelta(days=published.weekday())
            return PartialDate.parse(monday - dt.timedelta(days=7 - weekday)), "day"
        # "last Friday" said on a Friday is a week before; "on Friday" said on a Friday is that day.
        delta = (published.weekday() - weekday) % 7 or (7 if prep == "last" else 0)
        return PartialDate.parse(published - dt.timedelta(days=delta)), "day"
    if kind == "year":
        assert year is not None
        if year > published.year + 1:
            return None
        return PartialDate(year), "year"
    return None


@functools.cache
def _plan() -> list[tuple[str, re.Pattern[str], frozenset[str], Gate]]:
    """Each pattern with the word families it needs and its literal gate, looked up once: a cache keyed by a
    compiled pattern (``gate_for``) hashes the whole compiled code at every look-up, several microseconds for
    these long alternations, asked for each pattern of each sentence."""
    return [(kind, pattern, _NEEDS.get(kind, frozenset()), gate_for(pattern)) for kind, pattern in _PATTERNS]


def _gate_implied(needs: frozenset[str], gate: Gate) -> bool:
    """Whether every sentence with the word families ``needs`` passes ``gate``: some family needed has only anchors
    that each hold one of the gate's literals (the English month names and "jan" ... "dec"), so the family's presence
    already answers the gate's substring test."""
    literals = gate.literals
    if literals is None:
        return True
    return any(
        all(any(literal in anchor for literal in literals) for anchor in _FAMILIES[family])
        for family in needs
        if family in _FAMILIES
    )


# The patterns that can match a sentence with the word families and digit shapes ``present`` (and whether their gate
# must still be asked), one list per set of families found: 27 subset tests per sentence become one look-up.
# A pattern whose gate must be asked is named by its kind (None: no gate to ask).
_RUNNABLE: dict[tuple[frozenset[str], bool], list[tuple[str, re.Pattern[str], str | None]]] = {}


def _runnable(present: frozenset[str], skip_years: bool) -> list[tuple[str, re.Pattern[str], str | None]]:
    key = (present, skip_years)
    runnable = _RUNNABLE.get(key)
    if runnable is None:
        runnable = _RUNNABLE[key] = [
            (kind, pattern, None if _gate_implied(needs, gate) else kind)
            for kind, pattern, needs, gate in _plan()
            if needs <= present and not (skip_years and kind == "year")
        ]
    return runnable


@functools.cache
def _gate_words() -> AnchorSets:
    """The literals of every pattern's gate as one group per pattern (its kind), answered by the shared anchor scan
    the sentence loop runs anyway: ``kind in _gate_words().present(lowered)`` is ``gate.may_match(lowered)`` (both
    are substring tests of the same literals), without a search of the sentence per pattern. A pattern without
    literals is in no group; it has no gate to ask."""
    return AnchorSets(
        {kind: tuple(sorted(gate.literals)) for kind, _, _, gate in _plan() if gate.literals is not None},
        shared=True,
    )


def find_dates(sentence: str, published: dt.date, anchor: dt.date | None = None) -> list[DateMention]:
    """All date expressions in ``sentence``, left to right, resolved against ``published``.

    ``anchor`` is the last day-precise date mentioned before this sentence, for "a day earlier".
    """
    return _find_dates(sentence, published, anchor, days_only=False)


def find_day_dates(sentence: str, published: dt.date, anchor: dt.date | None = None) -> list[DateMention]:
    """The day-precise mentions of :func:`find_dates`, in order (``[d for d in find_dates(...) if d.precision ==
    "day"]``), found without reading bare years: the ``year`` pattern is the last, so its matches claim no span
    from another pattern, a year between two days keeps them apart as its digits do, and the "since" step reads each
    mention on its own. (A Spanish or French date inside a year's span would be dropped, so a sentence with one of
    their words is read in full.)"""
    return [d for d in _find_dates(sentence, published, anchor, days_only=True) if d.precision == "day"]


def _find_dates(
    sentence: str, published: dt.date, anchor: dt.date | None, *, days_only: bool
) -> list[DateMention]:
    lowered = sentence.lower()
    has_digit = _DIGIT.search(sentence) is not None
    # news-jur: Spanish and French dates ("este viernes", "le 8 novembre, 2013"), read after the others.
    # One scan for every word list below (the same answers as a substring test per word).
    words_found = _WORD_SETS.present(lowered)
    romance = has_digit or "romance" in words_found
    if not has_digit and not romance and "date" not in words_found:
        return []  # no number and no month, weekday, season or relative word: no date (the common case)
    # Which families of words the sentence has decides which patterns can match at all.
    present = {family for family in _FAMILIES if family in words_found}
    skip_years = days_only and "romance" not in words_found
    if has_digit:
        present.add("digit")
        if skip_years:
            # Without the bare-year pattern, only "ymd" (year digits and "d.d") and "iso" (year digits and "d-d")
            # need the year digits: they are looked for only when one of the other two shapes is there.
            present.update(name for name, shape in _DIGIT_SHAPES[1:] if shape.search(sentence))
            if not _SEPARATED_DIGITS.isdisjoint(present) and _DIGIT_SHAPES[0][1].search(sentence):
                present.add(_DIGIT_SHAPES[0][0])
        else:
            present.update(name for name, shape in _DIGIT_SHAPES if shape.search(sentence))
    taken: list[tuple[int, int]] = []
    mentions: list[DateMention] = []
    gated = gate_safe(lowered, len(sentence))
    gate_passed = _gate_words().present(lowered) if gated else None
    for kind, pattern, gate in _runnable(frozenset(present), skip_years):
        if gate_passed is not None and gate is not None and gate not in gate_passed:
            continue  # the pattern's own literals are absent: it cannot match (exact, see news.gates)
        for match in pattern.finditer(sentence):
            start, end = match.span()
            text = match.group(0)
            stripped = text.lstrip()
            start += len(text) - len(stripped)
            if start >= end or any(start < e and s < end for s, e in taken):
                continue
            if kind == "rel_day" and _TITLE_WORD_BEFORE.search(sentence, 0, start) and stripped[:1].isupper():
                continue  # "India Today", "USA Today": a title, not a day
            # Tense is read near the expression: "passed a bill Tuesday, a move that will..." is past; "will
            # revoke its designation of [a long name] as a foreign terrorist organization on Tuesday" is not,
            # unless a speech verb stands right before ("an official said on Friday").
            # Read only when the expression needs it (a month or day without a year, a weekday): most dates
            # in a long list ("DOB 1970", "2019-05-03") do not, and reading it takes five searches.
            future = functools.partial(_speaks_of_future, sentence[max(0, start - 160) : start])
            try:
                resolved = _resolve(kind, match, published, future, anchor)
            except (ValueError, KeyError):
                resolved = None
            if resolved is None:
                continue
            taken.append((start, end))
            basis: Basis = (
                "weekday" if kind == "weekday" else "relative" if kind in _RELATIVE_KINDS else "explicit"
            )
            if kind == "last_month_name" and (match.group("rel") or "").lower() in ("last", "this", "next"):
                basis = "relative"
            mentions.append(DateMention(start, end, sentence[start:end], resolved[0], resolved[1], basis))
    # news-jur: a Spanish/French date replaces a shorter one inside it ("2019" of "marzo de 2019").
    # Only a sentence with a Spanish, French or Kazakh date word can hold one (find_romance_dates's own test,
    # answered by the scan above).
    if "romance" in words_found:
        for found in find_romance_dates(sentence, published, []):
            if any(m.start <= found.start and found.end <= m.end for m in mentions):
                continue
            if sentence[found.start : found.end].lower() == "hier":
                continue  # German "hier" is "here"; French "hier" is read above, where a participle shows it
            mentions = [m for m in mentions if not (found.start <= m.start and m.end <= found.end)]
            mentions.append(
                DateMention(found.start, found.end, sentence[found.start : found.end], found.date,
                            found.precision, found.basis)  # type: ignore[arg-type]
            )  # fmt: skip
    mentions.sort(key=lambda m: m.start)
    # "tomorrow, July 8": the explicit date says the same thing more reliably.
    mentions = [
        m
        for i, m in enumerate(mentions)
        if not (
            i + 1 < len(mentions)
            and m.precision == "day"
            and mentions[i + 1].precision == "day"
            and re.fullmatch(r"\W{0,3}", sentence[m.end : mentions[i + 1].start])
        )
    ]
    if "since" in lowered or "desde" in lowered or "depuis" in lowered or "seit" in lowered:
        mentions = [w for m in mentions for w in _since_event(sentence, m, published)]
    return mentions


# "Desde el regreso al poder en enero pasado del presidente Donald Trump, Washington ha designado ...", "since the
# group seized control of Afghanistan in 2021": the date of the event a "since" names opens a window up to the
# publication; a step told in it is dated only by that window (its year when the window lies in one year), never by
# the event's day or month. "since 2001", "seit März", "desde principios de 2024" name the date itself and are kept.
_SINCE_EVENT = re.compile(
    r"\b(?:since|desde|depuis|seit)\s+(?:the|el|la|los|las|le|les|l['’]|der|die|das|dem|den|its|his|her|their|su|sa|son|ses)\b"
    r"(?![^,.;]*\b(?:decades?|década|décennie|years?|años|années|Jahren|beginning|early|late|end|principios|finales|début|fin|Anfang|Ende)\b)"
    r"[^,.;]{3,80}$",
    re.I,
)


def _since_event(sentence: str, mention: DateMention, published: dt.date) -> list[DateMention]:
    if _SINCE_EVENT.search(sentence, max(0, mention.start - 90), mention.start) is None:
        return [mention]
    year = mention.date.earliest.year
    if year != published.year:
        return []
    return [replace(mention, date=PartialDate(year), precision="year", basis="relative")]


# "LONDON, July 17 (Reuters) -", "MOSCOW, Dec 17 -", "Ottawa, September 29:", "Washington DC [US], March 5
# (ANI):", "OTTAWA, ON, Feb. 20, 2025 /CNW/ -": a place in capitals or title case, a date, then a dash or colon.
_DATELINE = re.compile(
    rf"^(?:(?P<place>[A-ZÄÖÜА-ЯЁ][\w .'’-]{{1,40}}?(?:,\s*[A-Z]{{2}})?(?:\s*\[[A-Z]{{2,3}}\])?),\s+)?"
    rf"(?P<when>{_EN_MONTH}\s+(?P<day>\d{{1,2}})(?:,\s+{_YEAR})?)\s*(?P<agency>\([A-Za-z]+\)|/[A-Z]+/)?\s*[-–—:]"
)

# "OTTAWA, ON, le 25 juin 2021 /CNW/ -", "Ottawa, 6 déc. (LaPresse) –", "MADRID, 3 feb (EFE) -": day before month.
_DMY_DATELINE = re.compile(
    rf"^(?P<place>[A-ZÄÖÜÉ][\w .'’-]{{1,40}}?(?:,\s*[A-Z]{{2}})?),\s+"
    rf"(?P<when>(?:le\s+)?(?P<day>\d{{1,2}})(?:er)?\s+(?:de\s+)?{_FR_ES_MONTH}(?:\s+(?:de\s+)?{_YEAR})?)\s*"
    rf"(?P<agency>\([\w ]+\)|/[A-Z]+/)?\s*[-–—:]",
    re.I,
)

# "МОСКВА, 8 дек — РИА Новости.", "БИШКЕК, 6 сентября —", "МОСКВА, 14 февраля. /ТАСС/.": Russian agency datelines.
_RU_DATELINE = re.compile(
    r"^(?P<place>[А-ЯЁ][А-ЯЁа-яё -]{1,30}),\s+(?P<when>(?P<day>\d{1,2})\s+(?P<month>янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)[а-яё]*\.?)\s*(?:[—–-]|/[А-ЯЁA-Z-]{2,12}/)"
)
# "WASHINGTON (UrduPoint News / Sputnik - 30th November, 2021) The United States ...".
_PAREN_DATELINE = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ .'-]{1,40}\s*\((?P<inside>[^()]{1,80})\)")
_RU_ABBREVIATED = {
    "янв": 1,
    "фев": 2,
    "мар": 3,
    "апр": 4,
    "май": 5,
    "мая": 5,
    "июн": 6,
    "июл": 7,
    "авг": 8,
    "сен": 9,
    "окт": 10,
    "ноя": 11,
    "дек": 12,
}


def find_dateline(text: str, published: dt.date) -> DateMention | None:
    """The dateline of the first paragraph that has one, resolved against ``published``.

    Only the first few paragraphs are read (a dateline opens the story), each only at its start, so
    the cost does not grow with the article.
    """
    offset = 0
    for paragraph in text.split("\n", 8)[:8]:
        russian = _RU_DATELINE.match(paragraph[:80])
        if russian:
            month, day = _RU_ABBREVIATED[russian.group("month")], int(russian.group("day"))
            parsed = _day(_year_for_day(month, day, published, False), month, day)
            if parsed is not None:
                start = offset + russian.start("when")
                return DateMention(
                    start, offset + russian.end("when"), russian.group("when"), parsed, "day", "dateline"
                )
        bracketed = _PAREN_DATELINE.match(paragraph[:160])
        if bracketed:
            inside = [d for d in find_dates(bracketed.group("inside"), published) if d.precision == "day"]
            if inside:
                start = offset + bracketed.start("inside") + inside[0].start
                return DateMention(
                    start, start + len(inside[0].text), inside[0].text, inside[0].date, "day", "dateline"
                )
        match = _DATELINE.match(paragraph[:160]) or _DMY_DATELINE.match(paragraph[:160])
        # Without a place the agency must be named ("July 7 (UPI) --"), or any "March 3: ..." would count.
        if match and (match.group("place") or match.group("agency")):
            month, day = _month_number(match.group("month")), int(match.group("day"))
            year = (
                int(match.group("year"))
                if match.group("year")
                else _year_for_day(month, day, published, False)
            )
            parsed = _day(year, month, day)
            if parsed is not None:
                start = offset + match.start("when")
                return DateMention(
                    start, offset + match.end("when"), match.group("when"), parsed, "day", "dateline"
                )
        offset += len(paragraph) + 1
    return None
