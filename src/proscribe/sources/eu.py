"""EU Consolidated Financial Sanctions List (FSF), as converted to YAML by Ammitto (``entities/eu/*.yaml``).

One YAML document per entity. Key: the EU reference number (``EU.3802.38``),
the identifier the EU prints on the list and people quote; the FSF
database's ``logical_id`` is kept as an identifier. Each programme is a list:
``TERR`` (the autonomous terrorist list under Common Position 2001/931 and
Regulation 2580/2001) is ``eu-cp-2001-931``, any other programme
``eu-<programme>`` (``eu-taqa``, ``eu-afg``, ``eu-ham`` ...).

Names: every name alias with its language (``name_language``, lower-cased)
and script; strong aliases are aka, weak ones weak. The FSF marks no primary
name, so the first English (or language-less) alias is the primary.
``references``: the ``united_nation_id`` the entry carries (only UN-derived
entries have one; UN numbers quoted in remarks belong to *associated*
subjects and are not taken). ``listed_on``: the earliest regulation
publication date in the entry — Ammitto keeps one entity-level regulation
(often a later amendment), so the regulation summaries of the entry's
names, dates and documents count too; it is the earliest EU act we can see,
an upper bound on the listing date.

Ammitto adds documents with only ``vessel_name``, ``imo_number`` and
``date_of_application`` (vessels under EU port-access bans); the data names
no programme for them, so they form their own list, ``eu-vessels``, keyed
``vessel-<IMO number>``. The data date is the latest regulation publication
date in the file unless ``--data-date`` is given.
"""

from __future__ import annotations

import re
from typing import Any

from proscribe.model import EntityKind, NameType
from proscribe.sources.base import (
    ListEntry,
    ListName,
    arrange_names,
    un_reference,
)
from proscribe.sources.yamlstream import (
    DocumentFormat,
    YamlDocument,
    iso_date,
    latest_field,
    text,
)

TERRORIST_LIST = "eu-cp-2001-931"
VESSEL_LIST = "eu-vessels"
KINDS = {"person": EntityKind.PERSON, "enterprise": EntityKind.ORGANISATION}
# Sub-records whose regulation summaries date the entry's acts.
DATED_PARTS = ("name_aliases", "citizenships", "birthdates", "identifications", "addresses")


def list_id(programme: str) -> str:
    if programme.upper() == "TERR":
        return TERRORIST_LIST
    return "eu-" + re.sub(r"[^a-z0-9]+", "-", programme.lower()).strip("-")


def _mappings(document: YamlDocument, field: str) -> list[dict[str, Any]]:
    value = document.data.get(field)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise document.fail(f"'{field}' is not a list of mappings")
    return value


def _names(document: YamlDocument) -> tuple[ListName, ...]:
    names: list[ListName] = []
    for alias in _mappings(document, "name_aliases"):
        value = text(alias.get("whole_name"))
        if not value:
            parts = (text(alias.get(p)) for p in ("first_name", "middle_name", "last_name"))
            value = " ".join(p for p in parts if p)
        if not value:
            continue
        language = text(alias.get("name_language"))
        strong = alias.get("strong") is not False
        names.append(
            ListName(value, NameType.AKA if strong else NameType.WEAK, language.lower() if language else None)
        )
    primary = next((n for n in names if n.lang in ("en", None)), names[0] if names else None)
    if primary is not None:
        names.remove(primary)
        names.insert(0, ListName(primary.value, NameType.PRIMARY, primary.lang))
    return arrange_names(names)


def _listed_on(document: YamlDocument, regulations: list[dict[str, Any]]) -> str | None:
    dates = [iso_date(r.get("publication_date")) for r in regulations]
    for part in DATED_PARTS:
        for record in _mappings(document, part):
            summaries = record.get("regulation_summaries")
            if isinstance(summaries, list):
                dates.extend(iso_date(s.get("publication_date")) for s in summaries if isinstance(s, dict))
    known = [d for d in dates if d]
    return min(known) if known else None


def _vessel(document: YamlDocument) -> ListEntry:
    imo = text(document.data.get("imo_number"))
    name = text(document.data.get("vessel_name"))
    if not imo or not name:
        raise document.fail("vessel without imo_number and vessel_name")
    return ListEntry(
        key=f"vessel-{imo}",
        kind=EntityKind.VESSEL,
        names=(ListName(name, NameType.PRIMARY),),
        lists=(VESSEL_LIST,),
        listed_on=iso_date(document.data.get("date_of_application")),
        identifiers=(("imo", imo),),
    )


def _entry(document: YamlDocument) -> ListEntry:
    data = document.data
    if not isinstance(data, dict):
        raise document.fail("expected a mapping (not an EU FSF YAML document?)")
    if "eu_reference_number" not in data and "vessel_name" in data:
        return _vessel(document)
    reference = text(data.get("eu_reference_number"))
    if not reference:
        raise document.fail("no eu_reference_number (not an EU FSF YAML document?)")
    subject = data.get("subject_type")
    code = text(subject.get("code")) if isinstance(subject, dict) else None
    kind = KINDS.get(code or "")
    if kind is None:
        raise document.fail(f"{reference}: subject_type code is not person or enterprise")
    names = _names(document)
    if not names:
        raise document.fail(f"{reference} has no name")
    regulations = _mappings(document, "regulations")
    programmes = tuple(dict.fromkeys(p for p in (text(r.get("programme")) for r in regulations) if p))
    un_id = un_reference(text(data.get("united_nation_id")))
    logical_id = text(data.get("logical_id"))
    remarks = [text(data.get(field)) for field in ("remark", "designation_details")]
    return ListEntry(
        key=reference,
        kind=kind,
        names=names,
        lists=tuple(dict.fromkeys(list_id(p) for p in programmes)),
        programmes=programmes,
        listed_on=_listed_on(document, regulations),
        references=(un_id,) if un_id else (),
        identifiers=(("eu-logical-id", logical_id),) if logical_id else (),
        remarks=" ".join(r for r in remarks if r) or None,
    )


parse = DocumentFormat(
    source="eu",
    jurisdiction="EU",
    format_name="an EU FSF YAML",
    to_entry=_entry,
    find_date=latest_field("publication_date", "regulation publication_date"),
).parse
