"""Australia DFAT Consolidated List, as converted to YAML by Ammitto (``entities/au/*.yaml``).

One YAML document per DFAT *reference*, and one entry per reference, keyed
by the reference number. DFAT gives one subject several references when it
is listed under several regimes (a UN committee and an autonomous one); the
data holds nothing that says two references are one subject (45 primary
names recur, and a shared name is not proof), so they are not merged here —
cross-list linking can join them by name and UN reference.

Lists follow the committee or regime: ``1373 (2001)`` (Australia's own
counter-terrorism listings) is ``au-dfat-1373``, ``1267 Committee (ISIL &
Al-Qaida)`` is ``au-dfat-1267``, ``1988 (Taliban)`` ``au-dfat-1988``, other
UN committees ``au-dfat-<resolution>``, autonomous regimes
``au-dfat-autonomous-<regime>``. This is not the Criminal Code list of
terrorist organisations.

Names: the primary name, aliases (strong: aka, weak: weak), original-script
names and a vessel's previous names (fka). The data has no subject type:
vessels are known by an IMO number or the vessel regime, UN-derived entries
by their reference (``QDe`` entity, ``QDi`` individual), others are persons
when they have a date or place of birth or a citizenship and organisations
otherwise. ``references``: the UN reference number that DFAT puts at the very
start of ``additional_info`` (numbers later in the text are associates').
``listed_on``: the first date written in ``listing_information`` ("Listed
on 19 Jun. 2014 (re-listed ...)"), at the precision given; none when it
names only an instrument. The data date is the latest ``control_date``
unless ``--data-date`` is given.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from proscribe.model import EntityKind, NameType
from proscribe.sources.base import (
    ListEntry,
    ListName,
    arrange_names,
    split_alias,
    un_reference,
)
from proscribe.sources.yamlstream import DocumentFormat, YamlDocument, latest_field, text

NAME_TYPES = {"primary name": NameType.PRIMARY, "original script": NameType.AKA}
_LEADING_UN_REFERENCE = re.compile(r"^\s*([A-Za-z]{2}[EeIi]\.\s?\d{1,3})\b")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})\s+)?(?P<month>{_MONTH})\.?,?\s+(?P<year>(?:19|20)\d\d)\b|\b(?P<iso>\d{{4}}-\d\d-\d\d)\b",
    re.IGNORECASE,
)


def list_id(committee: str) -> str:
    number = re.match(r"\s*(\d{3,4})\b", committee)
    if number:
        return f"au-dfat-{number.group(1)}"
    return "au-dfat-" + (re.sub(r"[^a-z0-9]+", "-", committee.lower()).strip("-") or "unknown")


def listed_on(listing_information: str | None) -> str | None:
    """The first date in the listing text: YYYY-MM-DD, or YYYY-MM where no day is written."""
    if not listing_information:
        return None
    for found in _DATE.finditer(listing_information):
        if found.group("iso"):
            try:
                return dt.date.fromisoformat(found.group("iso")).isoformat()
            except ValueError:
                continue
        year, month = int(found.group("year")), _MONTHS[found.group("month").lower()]
        if found.group("day") is None:
            return f"{year:04d}-{month:02d}"
        try:
            return dt.date(year, month, int(found.group("day"))).isoformat()
        except ValueError:
            continue
    return None


def _names(document: YamlDocument) -> tuple[ListName, ...]:
    records = document.data.get("names")
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise document.fail("'names' is not a list of mappings")
    names: list[ListName] = []
    for record in records:
        value = text(record.get("text"))
        if not value:
            continue
        kind = NAME_TYPES.get((text(record.get("name_type")) or "").lower(), NameType.AKA)
        if (text(record.get("alias_strength")) or "").lower() == "weak":
            kind = NameType.WEAK
        # Original-script names carry their Latin reading in brackets: "شبكة ... (Ansar ... - sub-unit name)".
        for part in [value] if kind is NameType.PRIMARY else split_alias(value):
            names.append(ListName(part, kind))
    previous = document.data.get("previous_names")
    for value in previous if isinstance(previous, list) else []:
        if text(value):
            names.append(ListName(str(text(value)), NameType.FKA))
    return arrange_names(names)


def _kind(data: dict[str, Any], committee: str, reference: str | None) -> EntityKind:
    if data.get("imo_number") or "vessel" in committee.lower():
        return EntityKind.VESSEL
    if reference:
        return EntityKind.PERSON if reference[2] == "i" else EntityKind.ORGANISATION
    if any(data.get(field) for field in ("dates_of_birth", "places_of_birth", "citizenships")):
        return EntityKind.PERSON
    return EntityKind.ORGANISATION


def _entry(document: YamlDocument) -> ListEntry:
    data = document.data
    if not isinstance(data, dict):
        raise document.fail("expected a mapping (not a DFAT Consolidated List YAML document?)")
    key = text(data.get("reference"))
    sanction = data.get("sanction")
    if not key or not isinstance(sanction, dict) or "names" not in data:
        raise document.fail("no reference, names and sanction (not a DFAT Consolidated List YAML document?)")
    committee = text(sanction.get("committees"))
    if not committee:
        raise document.fail(f"reference {key}: sanction has no committees")
    names = _names(document)
    if not names:
        raise document.fail(f"reference {key} has no name")
    info = text(data.get("additional_info"))
    leading = _LEADING_UN_REFERENCE.match(info or "")
    reference = un_reference(leading.group(1)) if leading else None
    imo = text(data.get("imo_number"))
    identifiers = [("imo", imo)] if imo else []
    instrument = text(sanction.get("instrument"))
    if instrument:
        identifiers.append(("au-instrument", instrument))
    return ListEntry(
        key=key,
        kind=_kind(data, committee, reference),
        names=names,
        lists=(list_id(committee),),
        programmes=(committee,),
        listed_on=listed_on(text(sanction.get("listing_information"))),
        references=(reference,) if reference else (),
        identifiers=tuple(identifiers),
        remarks=info,
    )


parse = DocumentFormat(
    source="au",
    jurisdiction="AU",
    format_name="a DFAT Consolidated List YAML",
    to_entry=_entry,
    find_date=latest_field("control_date"),
).parse
