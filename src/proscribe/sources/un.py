"""UN Security Council Consolidated List (XML, schema sc-sanctions.xsd).

One list, ``un-sc-sanctions``, whatever the regime (Al-Qaida, Taliban,
DRC, DPRK ...); the regime is kept as the entry's programme. Names: the
first..fourth name parts, the original-script name, and every alias with its
quality (a.k.a. "Good"/"Low" map to aka/weak, f.k.a. to fka).

Completeness: the file must be a ``CONSOLIDATED_LIST`` with a
``dateGenerated`` attribute (every UN file since 2018 has one) holding an
``INDIVIDUALS`` and an ``ENTITIES`` section, read to the closing tag of the
root. A file cut short fails as malformed XML; one that lacks a section would
otherwise delist every entry of that section.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from proscribe.errors import InputError
from proscribe.model import EntityKind, NameType
from proscribe.sources.base import (
    ListEntry,
    ListName,
    ParsedList,
    Progress,
    content_hash,
    require_files,
    split_alias,
)
from proscribe.sources.xmlsafe import iter_elements, root_attributes

LIST_ID = "un-sc-sanctions"
ROOT = "CONSOLIDATED_LIST"
SECTIONS = ("INDIVIDUALS", "ENTITIES")
SUBJECTS = ("INDIVIDUAL", "ENTITY")
QUALITY = {"a.k.a.": NameType.AKA, "good": NameType.AKA, "f.k.a.": NameType.FKA, "low": NameType.WEAK}


def _text(element: etree._Element, tag: str) -> str | None:
    child = element.find(tag)
    if child is None or child.text is None:
        return None
    value = " ".join(child.text.split())
    return value or None


def _entry(element: etree._Element, path: Path) -> ListEntry:
    is_person = element.tag == "INDIVIDUAL"
    reference = _text(element, "REFERENCE_NUMBER")
    if not reference:
        line = element.sourceline or 0
        raise InputError(f"{element.tag} without REFERENCE_NUMBER", location=f"{path}:{line}")
    parts = [_text(element, tag) for tag in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
    primary = " ".join(p for p in parts if p)
    names: list[ListName] = []
    if primary:
        names.append(ListName(primary, NameType.PRIMARY))
    original = _text(element, "NAME_ORIGINAL_SCRIPT")
    if original:
        names.append(ListName(original, NameType.AKA))
    alias_tag = "INDIVIDUAL_ALIAS" if is_person else "ENTITY_ALIAS"
    for alias in element.iterfind(alias_tag):
        value = _text(alias, "ALIAS_NAME")
        if not value:
            continue
        quality = (_text(alias, "QUALITY") or "a.k.a.").lower()
        for part in split_alias(value):
            names.append(ListName(part, QUALITY.get(quality, NameType.AKA)))
    if not names:
        raise InputError(f"{reference} has no name", location=f"{path}:{element.sourceline or 0}")
    programme = _text(element, "UN_LIST_TYPE")
    identifiers = tuple(("un-dataid", v) for v in [_text(element, "DATAID")] if v)
    return ListEntry(
        key=reference,
        kind=EntityKind.PERSON if is_person else EntityKind.ORGANISATION,
        names=tuple(dict.fromkeys(names)),
        lists=(LIST_ID,),
        programmes=(programme,) if programme else (),
        listed_on=_text(element, "LISTED_ON"),
        identifiers=identifiers,
        remarks=_text(element, "COMMENTS1"),
    )


def parse(
    paths: list[Path], data_date: dt.date | None = None, progress: Progress | None = None
) -> ParsedList:
    if len(paths) != 1:
        raise InputError("the UN list is one XML file", location=", ".join(map(str, paths)))
    (path,) = require_files(paths)
    attributes = root_attributes(path)
    generated = attributes.get("dateGenerated")
    if not generated:
        raise InputError(
            "no dateGenerated attribute on the root element (not a complete UN Consolidated List?)",
            location=str(path),
        )
    try:
        generated_on = dt.datetime.fromisoformat(generated.replace("Z", "+00:00")).date()
    except ValueError:
        raise InputError(f"dateGenerated '{generated[:40]}' is not a timestamp", location=str(path)) from None
    basis = "--data-date"
    if data_date is None:
        data_date = generated_on
        basis = "dateGenerated attribute"

    def entries() -> Iterator[ListEntry]:
        count = 0
        closed: set[str] = set()
        for element in iter_elements(path, {*SUBJECTS, *SECTIONS, ROOT}):
            if element.tag not in SUBJECTS:
                closed.add(str(element.tag))
                continue
            count += 1
            yield _entry(element, path)
            if progress and count % 100 == 0:
                progress(count, None)
        missing = [tag for tag in (*SECTIONS, ROOT) if tag not in closed]
        if missing:
            raise InputError(
                f"no {' or '.join(missing)} element (not a complete UN Consolidated List)", location=str(path)
            )

    return ParsedList(
        source="un",
        jurisdiction="UN",
        files=[path],
        content_hash=content_hash([path]),
        data_date=data_date,
        data_date_basis=basis,
        entries=entries(),
    )
