# ruff: noqa: RUF001, RUF002  -- Russian wording, Cyrillic letters and typographic dashes are what these lists are made of.
"""Russia's Ministry of Justice list of extremist organisations (liquidated or banned by a court).

Source page: https://minjust.gov.ru/ru/documents/7822/ ("Перечень
некоммерческих организаций, в отношении которых судом принято вступившее в
законную силу решение о ликвидации или запрете деятельности по основаниям,
предусмотренным Федеральным законом «О противодействии экстремистской
деятельности»"), read through the JSON of ``ITSalt/ru-registries-mirror``.
One list, ``ru-minjust-extremist-list`` — an *extremist* list, not a
terrorist one (see :mod:`proscribe.lists.catalogue`). The key of an entry is
the list's own row number.

Each row cites the court decision(s) in words, often inside the name
("... (решение Московского городского суда от 09.06.2021) (дата размещения
сведений: 06.08.2021);"). We keep the decision text as printed and read from
it the first decision's court and date (``decided``) and the date the
Ministry posted the entry (``published``). The list gives no case numbers and
no date of entry into force (appeal rulings are printed, but the in-force
date is not stated), so ``effective`` stays unknown rather than guessed.

Rows that only say an organisation was removed ("Организация исключена в
связи с ...") name no organisation: they are counted in ``meta`` and skipped.
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
    strip_quotes,
    top_level_brackets,
)

SOURCE = "ru-minjust"
LIST_ID = "ru-minjust-extremist-list"
REGISTRY = "minjust_extremist_orgs"
ID_PREFIX = "ext-org-"
KINDS = {"org": EntityKind.ORGANISATION}

_REMOVED_ROW = re.compile(r"^\s*Организация исключена", re.IGNORECASE)
# A bracket group that cites a ruling rather than a name.
_DECISION_GROUP = re.compile(
    r"^\(\s*(?:заочное\s+|дополнительное\s+)?(?:решени|приговор|апелляционн|определени|кассационн)",
    re.IGNORECASE,
)
_POSTED = re.compile(r"^\(\s*дата размещения сведений:?\s*(\d{2}\.\d{2}\.\d{4})\s*\)$", re.IGNORECASE)
# The same, found anywhere: rows whose name brackets never close hide them from the group scan.
_RULING_ANYWHERE = re.compile(
    r"\(\s*((?:заочное\s+|дополнительное\s+)?(?:решени|приговор|апелляционн)[^()]*)\)", re.IGNORECASE
)
_POSTED_ANYWHERE = re.compile(r"\(\s*дата размещения сведений:?\s*(\d{2}\.\d{2}\.\d{4})\s*\)", re.IGNORECASE)
_FIRST_RULING = re.compile(r"^(?P<authority>.+?)\s+от\s+(?P<date>\d{2}\.\d{2}\.\d{4})")


def split_row(text: str) -> tuple[str, list[str], str | None]:
    """A row's name, the rulings cited in brackets after it, and the posting date (ISO)."""
    rulings: list[str] = []
    posted: str | None = None
    cut = len(text)
    for start, end in top_level_brackets(text):
        group = text[start:end]
        found = _POSTED.match(group)
        if found:
            posted = posted or iso_from_dotted(found.group(1))
            cut = min(cut, start)
        elif _DECISION_GROUP.match(group):
            rulings.append(" ".join(group.strip("()").split()))
            cut = min(cut, start)
    if not rulings:
        for found in _RULING_ANYWHERE.finditer(text):
            rulings.append(" ".join(found.group(1).split()))
            cut = min(cut, found.start())
    if posted is None:
        posted_found = _POSTED_ANYWHERE.search(text)
        if posted_found:
            posted = iso_from_dotted(posted_found.group(1))
            cut = min(cut, posted_found.start())
    name = text[:cut].strip(" ;:–-\u2012")
    return " ".join(name.split()), rulings, posted


def decision_from(text: str, posted: str | None) -> EntryDecision:
    """The designation an entry's ruling text records (court and date of the first ruling)."""
    found = _FIRST_RULING.match(text)
    return EntryDecision(
        action="designated",
        text=text,
        authority=found.group("authority").strip(" ,") if found else None,
        decided=iso_from_dotted(found.group("date")) if found else None,
        published=posted,
        instrument=text,
    )


def _entry(raw: dict[str, Any], path: Path) -> ListEntry:
    key = entry_number(raw, ID_PREFIX, path)
    kind = KINDS.get(str(raw.get("kind")))
    if kind is None:
        raise InputError(f"entry {key}: kind {raw.get('kind')!r} is not an organisation", location=str(path))
    printed = " ".join(str(raw.get("name") or "").split())
    name, rulings, posted = split_row(printed)
    if not name:
        raise InputError(f"entry {key} has no name", location=str(path))
    decision_text = " ".join(str(raw.get("decision") or "").split()) or "; ".join(rulings)
    names = [ListName(strip_quotes(name), NameType.PRIMARY, "ru")]
    names += [
        ListName(strip_quotes(str(a)), NameType.AKA) for a in raw.get("aliases") or [] if str(a).strip()
    ]
    return ListEntry(
        key=key,
        kind=kind,
        names=arrange_names(names),
        lists=(LIST_ID,),
        remarks=printed if printed != name else None,
        decisions=(decision_from(decision_text, posted),) if decision_text else (),
    )


def _entries(mirror: MirrorFile, skipped: list[str]) -> Iterator[ListEntry]:
    for raw in mirror.entries:
        if raw.get("excluded_at") or _REMOVED_ROW.match(str(raw.get("name") or "")):
            skipped.append(str(raw.get("id")))
            continue
        yield _entry(raw, mirror.path)


def removed_rows(mirror: MirrorFile) -> list[str]:
    """Ids of rows that record a removal instead of naming an organisation."""
    return [
        str(raw.get("id"))
        for raw in mirror.entries
        if raw.get("excluded_at") or _REMOVED_ROW.match(str(raw.get("name") or ""))
    ]


def parse_minjust(
    paths: list[Path], data_date: dt.date | None = None, progress: Progress | None = None
) -> ParsedList:
    """Read one mirror file ``minjust_extremist_orgs*.json`` as a version of ``ru-minjust-extremist-list``.

    ``meta`` carries the official page URL (``source_url``), the mirror's
    ``fetched_at``, the number of rows in the file (``rows``) and the ids of
    rows skipped because they record a removal (``removed_rows``).
    """

    def counts(mirror: MirrorFile) -> dict[str, str]:
        return {"rows": str(len(mirror.entries)), "removed_rows": ",".join(removed_rows(mirror))}

    return mirror_version(
        SOURCE, paths, data_date, progress, REGISTRY, lambda mirror: _entries(mirror, []), counts
    )


parse = parse_minjust
