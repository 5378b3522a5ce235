# ruff: noqa: RUF001, RUF002, RUF003  -- Russian wording, Cyrillic letters and typographic dashes are what these lists are made of.
"""Russia's unified federal list of organisations recognised as terrorist by Russian courts (FSB).

Source page: http://www.fsb.ru/fsb/npd/terror.htm ("Единый федеральный список
организаций, в том числе иностранных и международных организаций, признанных
судами Российской Федерации террористическими"), read through the JSON of
``ITSalt/ru-registries-mirror`` (see :mod:`proscribe.sources.ru_mirror`).
One list, ``ru-federal-terrorist-list``; the key of an entry is the list's
own row number.

Every row names the court ruling that put the organisation on the list —
court, date, case number, date in force — and, since 2025, a suspension of
the ban where one was ordered ("Запрет деятельности приостановлен. Верховный
Суд ..., от 17.04.2025 № АКПИ25-174с, вступило в силу 20.05.2025"). These
become :class:`EntryDecision` records (``designated`` / ``suspended``), and
the import makes one act of each, with the list's own dates.

Names: the row's main name (the first quoted name, or the text before the
first bracket) is the primary name; the row as printed, the mirror's aliases
(minus fragments the mirror cut out of a longer word, such as "Corruption
Foundation" from "Anti-Corruption Foundation") and the Latin-script names in
brackets are aliases; a name in "(бывшее «...»)" is a former name.

Removed organisations vanish from the page (a later version lacking an entry
is the only sign of removal); an entry the mirror marks with ``excluded_at``
is therefore read as not on the list.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from proscribe.errors import InputError
from proscribe.model import EntityKind, NameType
from proscribe.sources.base import EntryDecision, ListEntry, ListName, ParsedList, Progress, arrange_names
from proscribe.sources.ru_mirror import (
    MirrorFile,
    entry_number,
    iso_from_dotted,
    mirror_version,
    outside_brackets,
    quoted_names,
    strip_quotes,
    top_level_brackets,
)

SOURCE = "ru-fsb"
LIST_ID = "ru-federal-terrorist-list"
REGISTRY = "fsb_terrorist_orgs"
ID_PREFIX = "fsb-terror-"
KINDS = {"org": EntityKind.ORGANISATION}

_SUSPENDED = re.compile(r"\s*Запрет деятельности приостановлен\.?\s*")
# "<court>[,] от DD.MM.YYYY[,] [№ <case> | (б/н) | б/н][,] вступил(о) в силу DD.MM.YYYY"
_DECISION = re.compile(
    r"^(?P<court>.+?),?\s+от\s+(?P<decided>\d{2}\.\d{2}\.\d{4})\s*,?\s*"
    r"(?:№\s*(?P<case>.+?)|\(?б/н\)?)?\s*,?\s*"
    r"вступил[оа]?\s+в\s+силу\s+(?P<effective>\d{2}\.\d{2}\.\d{4})\s*\.?$"
)
# "Украинское военизированное националистическое объединение «Азов»": the type phrase is at most this long.
MAX_TYPE_WORDS = 5
_FORMER = re.compile(r"\(\s*бывш\w*\s+«([^«»]+)»\s*\)")
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def parse_decisions(text: str, key: str, path: Path) -> tuple[EntryDecision, ...]:
    """The rulings in a row's decision cell: the designation, then any suspension."""
    parts = _SUSPENDED.split(" ".join(text.split()))
    decisions = []
    for index, part in enumerate(parts):
        found = _DECISION.match(part.strip())
        if not found:
            raise InputError(f"entry {key}: cannot read the court decision {part!r}", location=str(path))
        decided = iso_from_dotted(found.group("decided"))
        effective = iso_from_dotted(found.group("effective"))
        if decided is None or effective is None:
            raise InputError(f"entry {key}: impossible date in {part!r}", location=str(path))
        case = found.group("case")
        decisions.append(
            EntryDecision(
                action="designated" if index == 0 else "suspended",
                text=part.strip() if index == 0 else f"Запрет деятельности приостановлен. {part.strip()}",
                authority=found.group("court").strip(" ,"),
                decided=decided,
                effective=effective,
                instrument=case.strip(" ,") if case else None,
            )
        )
    return tuple(decisions)


def main_name(text: str) -> str:
    """The name a row is known by.

    A row that opens with a quoted name is known by it ("«База» («Аль-Каида»)"
    → База); a row that is a description ending in one quoted name by that name
    ("Террористическое сообщество «Сеть»" → Сеть); otherwise the row without
    its bracketed additions ("Джебхат ан-Нусра (Фронт победы) (...)"), or the
    row as printed when its quotes do not balance.
    """
    text = " ".join(text.split())
    if text.startswith("«"):
        spans = quoted_names(text)
        return strip_quotes(text[: spans[0][1]]) if spans and spans[0][0] == 0 else text
    outside = outside_brackets(text).strip(" ,;:–-")
    if not outside or outside.count("«") != outside.count("»"):
        return text
    spans = quoted_names(outside)
    if len(spans) == 1 and spans[0][1] == len(outside) and _is_type_phrase(outside[: spans[0][0]]):
        return strip_quotes(outside[spans[0][0] :])
    return outside


def _is_type_phrase(text: str) -> bool:
    """A short phrase saying what kind of body follows ("Террористическое сообщество").

    Longer wording ("Террористическое сообщество, созданное ... из числа
    участников ... «Артподготовка»") describes the subject by another body's
    name, which is then not the subject's own name.
    """
    words = text.replace("–", " ").split()
    return len(words) <= MAX_TYPE_WORDS and "," not in text


def in_row_text(alias: str, text: str) -> bool:
    """True when ``alias`` is part of the row's own wording (outside any bracket), not an alternative name."""
    return alias in outside_brackets(text)


def is_fragment(alias: str, text: str) -> bool:
    """True when ``alias`` occurs in ``text`` only inside a longer word (a cut the mirror made)."""
    start = text.find(alias)
    if start < 0:
        return False
    while start >= 0:
        before = text[start - 1] if start > 0 else " "
        end = start + len(alias)
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before == "-") and not (after.isalnum() or after == "-"):
            return False
        start = text.find(alias, start + 1)
    return True


def latin_bracket_names(text: str) -> list[str]:
    """Latin-script names given in brackets: "(AumShinrikyo, AUM, Aleph)"."""
    names: list[str] = []
    for start, end in top_level_brackets(text):
        inner = text[start + 1 : end - 1] if text[end - 1] == ")" else text[start + 1 : end]
        if _LATIN.search(inner) and not _CYRILLIC.search(inner) and "(" not in inner:
            names.extend(part.strip(' «»"') for part in inner.split(","))
    return [n for n in names if n]


def entry_names(text: str, aliases: list[str]) -> tuple[ListName, ...]:
    """Primary: the main name; then the row as printed; the mirror's aliases; Latin names in brackets.

    An alias that is only part of the row's descriptive wording — the parent
    organisation in "подразделение ... «Исламское государство» ... «Исламская
    баккия»", the battalion in "... батальон «Донбасс» Вооруженных сил Украины,
    созданное ..." — is kept as a weak alias: it names the subject only in
    context, and must not make the row one with the organisation it mentions.
    """
    printed = " ".join(text.split())
    primary = main_name(printed)
    former = {strip_quotes(m) for m in _FORMER.findall(printed)}
    # A row known by a quoted name gives its other names as alternatives; a row that is a
    # description ("Террористическое сообщество ... «Донбасс» ...") mentions names in context.
    described = not any(strip_quotes(printed[a:b]) == primary for a, b in quoted_names(printed))
    names: list[ListName] = [ListName(primary, NameType.PRIMARY, "ru"), ListName(printed, NameType.AKA, "ru")]
    for alias in aliases:
        value = strip_quotes(alias)
        if not value or is_fragment(value, printed):
            continue
        if value in former:
            kind = NameType.FKA
        elif described and value != primary and in_row_text(value, printed):
            kind = NameType.WEAK
        else:
            kind = NameType.AKA
        names.append(ListName(value, kind))
    names.extend(ListName(value, NameType.AKA) for value in latin_bracket_names(printed))
    return arrange_names(names)


def _entry(raw: dict[str, Any], path: Path) -> ListEntry:
    key = entry_number(raw, ID_PREFIX, path)
    kind = KINDS.get(str(raw.get("kind")))
    if kind is None:
        raise InputError(f"entry {key}: kind {raw.get('kind')!r} is not an organisation", location=str(path))
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise InputError(f"entry {key} has no name", location=str(path))
    aliases = raw.get("aliases") or []
    decision = raw.get("decision")
    if not isinstance(decision, str) or not decision.strip():
        raise InputError(f"entry {key} has no court decision", location=str(path))
    return ListEntry(
        key=key,
        kind=kind,
        names=entry_names(name, [str(a) for a in aliases]),
        lists=(LIST_ID,),
        remarks=" ".join(decision.split()),
        decisions=parse_decisions(decision, key, path),
    )


def _entries(mirror: MirrorFile) -> Iterator[ListEntry]:
    for raw in mirror.entries:
        if raw.get("excluded_at"):
            continue  # marked as excluded by the mirror: not on this version of the list
        yield _entry(raw, mirror.path)


def parse_fsb(
    paths: list[Path], data_date: dt.date | None = None, progress: Progress | None = None
) -> ParsedList:
    """Read one mirror file ``fsb_terrorist_orgs*.json`` as a version of ``ru-federal-terrorist-list``.

    The data date is the mirror's ``fetched_at`` date unless ``data_date`` is
    given. ``meta`` carries the official page URL (``source_url``), the
    sha256 of the page bytes the mirror fetched, and ``fetched_at``.
    """
    return mirror_version(SOURCE, paths, data_date, progress, REGISTRY, _entries)


parse = parse_fsb
