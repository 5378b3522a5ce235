"""UK Sanctions List (FCDO/OFSI), as converted to YAML by Ammitto (ammitto/data-uk ``processed/*.yaml``).

One YAML document per entry, keyed by ``unique_id`` (``AQD0026``). Each
regime is a list of its own, named after the unique-id prefix the UK gives
the regime: ``gb-sanctions-cti`` (Counter-Terrorism (International)),
``gb-sanctions-ctd`` (Counter-Terrorism (Sanctions) (EU Exit), the UK's own
terrorist asset freezes), ``gb-sanctions-aqd`` (ISIL (Da'esh) and Al-Qaida),
``gb-sanctions-afg`` (Afghanistan) and so on. This is the *financial
sanctions* list, not the Home Office list of proscribed organisations
(``gb-proscribed-organisations``).

Names: Name 1..6 of each name record joined in order (Name 6 is the family
or entity name); "Primary Name" is the primary, "Primary Name Variation" and
"Alias" are aliases (a "Low quality a.k.a" alias is weak); non-Latin names
are kept in their script. ``references``: the UN reference number of
UN-derived entries. ``listed_on``: ``date_designated``. The data date comes
from the file name (Ammitto names the snapshot after its ``fetched_at`` date)
unless ``--data-date`` is given.
"""

from __future__ import annotations

import re

from proscribe.model import EntityKind, NameType
from proscribe.sources.base import (
    ListEntry,
    ListName,
    arrange_names,
    un_reference,
)
from proscribe.sources.yamlstream import DocumentFormat, YamlDocument, date_in_file_name, iso_date, text

KINDS = {"individual": EntityKind.PERSON, "entity": EntityKind.ORGANISATION, "ship": EntityKind.VESSEL}
NAME_PARTS = ("name1", "name2", "name3", "name4", "name5", "name6")
_SUB_UNIT = re.compile(r"\s*-\s*sub-unit name\s*$", re.IGNORECASE)
_ID_PREFIX = re.compile(r"^([A-Z]+)\d+$")


def list_id(unique_id: str) -> str:
    found = _ID_PREFIX.match(unique_id)
    regime = found.group(1) if found else re.sub(r"[^A-Za-z]+", "", unique_id) or "unknown"
    return f"gb-sanctions-{regime.lower()}"


def _records(document: YamlDocument, field: str, inner_field: str) -> list[dict[str, object]]:
    """The list under ``field: {inner_field: [...]}`` (Ammitto nests each list in a mapping)."""
    outer = document.data.get(field)
    if outer is None:
        return []
    inner = outer.get(inner_field) if isinstance(outer, dict) else None
    if not isinstance(inner, list) or not all(isinstance(item, dict) for item in inner):
        raise document.fail(f"'{field}' is not a list of mappings")
    return inner


def _name_type(record: dict[str, object]) -> NameType:
    kind = (text(record.get("name_type")) or "").lower()
    if kind == "primary name":
        return NameType.PRIMARY
    if (text(record.get("alias_strength")) or "").lower().startswith("low"):
        return NameType.WEAK
    return NameType.AKA


def _names(document: YamlDocument) -> tuple[ListName, ...]:
    names: list[ListName] = []
    for record in _records(document, "names", "names"):
        value = " ".join(part for part in (text(record.get(p)) for p in NAME_PARTS) if part)
        value = _SUB_UNIT.sub("", value)
        if value:
            names.append(ListName(value, _name_type(record)))
    for record in _records(document, "non_latin_names", "names"):
        original = text(record.get("name_non_latin_script"))
        if original:
            names.append(ListName(original, NameType.AKA))
    return arrange_names(names)


def _entry(document: YamlDocument) -> ListEntry:
    data = document.data
    if not isinstance(data, dict):
        raise document.fail("expected a mapping (not a UK Sanctions List YAML document?)")
    unique_id = text(data.get("unique_id"))
    if not unique_id:
        raise document.fail("no unique_id (not a UK Sanctions List YAML document?)")
    kind = KINDS.get((text(data.get("individual_entity_ship")) or "").lower())
    if kind is None:
        raise document.fail(f"{unique_id}: individual_entity_ship is not Individual, Entity or Ship")
    names = _names(document)
    if not names:
        raise document.fail(f"{unique_id} has no name")
    regime = text(data.get("regime_name"))
    reference = un_reference(text(data.get("un_reference_number")))
    group = text(data.get("ofsi_group_id"))
    return ListEntry(
        key=unique_id,
        kind=kind,
        names=names,
        lists=(list_id(unique_id),),
        programmes=(regime,) if regime else (),
        listed_on=iso_date(data.get("date_designated")),
        references=(reference,) if reference else (),
        identifiers=(("gb-ofsi-group-id", group),) if group else (),
        remarks=text(data.get("other_information")),
    )


parse = DocumentFormat(
    source="uk",
    jurisdiction="GB",
    format_name="a UK Sanctions List YAML",
    to_entry=_entry,
    find_date=date_in_file_name,
).parse
