"""Canada Consolidated Autonomous Sanctions List (SEMA / JVCFOA), as converted to YAML by Ammitto.

One YAML document per list row. This is *not* the Criminal Code list of
terrorist entities (``ca-listed-terrorist-entities``). Each country or
regime is a list, ``ca-sema-<slug>`` from the English half of the
bilingual name (``Russia / Russie`` is ``ca-sema-russia``; a regime with an
acronym in brackets uses it, ``ca-sema-jvcfor``). Canada numbers rows by
schedule and item within a regime, so the key is
``<slug>/<schedule>/<item>`` (``belarus/1, Part 1.1/1``).

Names: given name and last name joined. Ammitto's conversion keeps names
for individuals only: rows for entities and ships (about a third) carry no
name at all, so their entries have no names (``caption`` falls back to the
key) and are recorded as organisations, the data not telling entities from
ships. ``listed_on``: ``date_of_listing``. The data date is the date in the
file name, or else the latest ``date_of_listing`` (a lower bound), unless
``--data-date`` is given.
"""

from __future__ import annotations

import re

from proscribe.model import EntityKind, NameType
from proscribe.sources.base import (
    ListEntry,
    ListName,
)
from proscribe.sources.yamlstream import (
    DocumentFormat,
    YamlDocument,
    date_in_file_name,
    first_found,
    iso_date,
    latest_field,
    text,
)

_ACRONYM = re.compile(r"\(([A-Z]{3,})\)\s*$")


def regime_slug(country: str) -> str:
    english = country.split(" / ")[0].strip()
    acronym = _ACRONYM.search(english)
    if acronym:
        return acronym.group(1).lower()
    return re.sub(r"[^a-z0-9]+", "-", english.lower()).strip("-") or "unknown"


def _entry(document: YamlDocument) -> ListEntry:
    data = document.data
    if not isinstance(data, dict):
        raise document.fail("expected a mapping (not a Canada SEMA YAML document?)")
    country = text(data.get("country"))
    item = text(data.get("item"))
    if not country or not item or "date_of_listing" not in data:
        raise document.fail("no country, item and date_of_listing (not a Canada SEMA YAML document?)")
    slug = regime_slug(country)
    schedule = text(data.get("schedule")) or "-"
    name = " ".join(p for p in (text(data.get("given_name")), text(data.get("last_name"))) if p)
    return ListEntry(
        key=f"{slug}/{schedule}/{item}",
        kind=EntityKind.PERSON if name else EntityKind.ORGANISATION,
        names=(ListName(name, NameType.PRIMARY),) if name else (),
        lists=(f"ca-sema-{slug}",),
        programmes=(country,),
        listed_on=iso_date(data.get("date_of_listing")),
    )


parse = DocumentFormat(
    source="ca",
    jurisdiction="CA",
    format_name="a Canada SEMA YAML",
    to_entry=_entry,
    find_date=first_found(date_in_file_name, latest_field("date_of_listing", note=" (a lower bound)")),
).parse
