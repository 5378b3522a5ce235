# ruff: noqa: RUF001, RUF002  -- typographic apostrophes, quotes and dashes are how the list writes names.
"""Canada, Regulations Establishing a List of Entities (SOR/2002-284), Justice Canada XML.

The Criminal Code s.83.05 list of terrorist entities, list id
``ca-listed-terrorist-entities``, as consolidated by Justice Canada in
``justicecanada/laws-lois-xml`` (``eng/regulations/SOR-2002-284.xml``). One
file is one point-in-time version: its root attribute ``lims:pit-date`` is the
data date. This is *not* the autonomous sanctions list read by :mod:`ca`.

Each ``Item`` of the List in section 1 is one listed entity. Its text packs
the names: ``Al-Gama’a al-Islamiyya (AGAI) (also known as Islamic Group
(IG))`` is the primary name, bracketed acronyms or translations, and an
"also known (among other names) as" list of aliases separated by commas and a
final "and". Names the XML marks with ``<Language xml:lang="fr">`` keep that
language. The English file holds the French names only in that way; the French
consolidation (``fra/reglements``) is not read.

Keys: the item number and the item's ``lims:id`` both change between
versions (amending an entry's wording gives it a new ``lims:id``; SOR/2024-156
re-enacted 16 entries so), so the key is the primary English name, folded
(see :func:`entry_key`): ``Hay’at Tahrir al-Sham`` is ``hayat-tahrir-al-sham``.
It is a function of one file only, so importing one version alone or a run of
versions gives the same keys. An entry whose *primary* name is changed
therefore shows as a removal and an addition; bracketed acronyms and aliases
can change freely.

Dates and instruments: every item carries ``lims:inforce-start-date``, the
day its present wording came into force, and, when a numbered amending
regulation gave it, ``lims:enacted-date``. The regulation's historical note
lists the amending regulations (``SOR/2024-236, s. 1``) with the same two
dates, so an item is matched to the one note with its dates. That date is the
listing date only for an entry that appears between two versions; for an
entry present in the first version read it is the date of its present wording
(2018-05-23 for the entries re-enacted together then, some listed in 2002), so
it is given as ``in_force``, not ``listed_on`` (which acts read as the listing
date), and :mod:`proscribe.lists.acts` decides which it is by comparing it
with the versions' dates. The notes themselves (``amendments``) let a removal
be attributed to the amending regulation no added or reworded entry accounts
for.

Kind: the list does not mark persons. The two individuals it names are
recorded as persons from :data:`PERSONS` (sources there); every other entry is
an organisation.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from proscribe.errors import InputError
from proscribe.model import EntityKind, NameType
from proscribe.sources.base import (
    ListEntry,
    ListName,
    ParsedList,
    Progress,
    arrange_names,
    content_hash,
    require_files,
)
from proscribe.sources.xmlsafe import iter_elements, root_attributes

LIST_ID = "ca-listed-terrorist-entities"
SOURCE = "ca-sor"
INSTRUMENT = "SOR/2002-284"
LIMS = "{http://justice.gc.ca/lims}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# The regulation lists two individuals; nothing in the XML says which entries are people. Sources
# (retrieved 2026-12-04): Public Safety Canada's release of 2005-05-24 listing "Gulbuddin Hekmatyar,
# leader of the group Hezb-e Islami Gulbuddin" (reposted at http://irandidban.com/en/news/13084-MKO-in-Canadian-Blacklist);
# Toronto Sun / Canadian Press, 2021-06-25, "A 69-year-old white supremacist named James Mason ... has
# also been placed on the list" (https://torontosun.com/news/national/u-s-right-wing-three-percenters-militia-group-on-canadian-terror-list);
# i24 via Algemeiner, 2021-06-26: Mason "is only the second individual to appear" on the list, after
# Hekmatyar (https://www.algemeiner.com/2021/06/26/canada-adds-three-groups-and-neo-nazi-to-its-terror-blacklist/).
# A person listed later is read as an organisation until added here. Keys as :func:`entry_key` gives them.
PERSONS = frozenset({"gulbuddin-hekmatyar", "james-mason"})

_ALSO_KNOWN = re.compile(r"^\s*also\s+known\s+(?:among\s+other\s+names\s+)?as\s*:?\s*", re.IGNORECASE)
_CITATION = re.compile(r"^\s*(SOR/\d{4}-\d+)\s*,\s*s{1,2}\.\s*[^;]*$")
_QUOTES = '"“”«»'
_APOSTROPHES = re.compile(r"['’‘`´ʼ]")


@dataclass(frozen=True)
class Amendment:
    """One amending regulation named in the historical note, with its lims dates."""

    instrument: str
    in_force: str
    enacted: str | None


def entry_key(primary_name: str) -> str:
    """The stable key of an entry: its primary English name folded to ``a-z0-9`` words and hyphens.

    Accents and case are folded and apostrophes dropped (``Hay’at`` and ``Hayat`` are one key),
    so a change of typography in a later consolidation keeps the key.
    """
    decomposed = unicodedata.normalize("NFKD", primary_name.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = _APOSTROPHES.sub("", plain)
    return re.sub(r"[\W_]+", "-", plain).strip("-")


def _top_level(text: str) -> tuple[str, list[str]]:
    """Text outside top-level brackets, and each top-level bracket group's contents."""
    outside: list[str] = []
    groups: list[str] = []
    current: list[str] = []
    depth = 0
    for char in text:
        if char == "(":
            if depth:
                current.append(char)
            else:
                current = []
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            if depth:
                current.append(char)
            else:
                groups.append("".join(current))
        elif depth:
            current.append(char)
        else:
            outside.append(char)
    if depth:  # unbalanced: the rest is plain text
        outside.append("(" + "".join(current))
    return " ".join("".join(outside).split()), groups


def _split_top_level(text: str, separator: str) -> list[str]:
    """``text`` split on ``separator`` where it is outside brackets."""
    parts: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        elif char == separator and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


_ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z0-9&%\-–. ]*[a-z]?[A-Z0-9&%\-–. ]*$")


def _is_name(group: str) -> bool:
    """Whether a bracket group inside a name is another name (``AJ``, ``The Jerusalem Brigades``).

    One-word groups that are not acronyms qualify or respell the name they follow: ``Jaish-i-Mohammed
    (Mohammad, Muhammad, Muhammed)``, ``katiba (brigade)``, ``(Canada)``; alone they would be aliases
    such as "Canada" or "Muhammad" that match innocent names when screening.
    """
    return len(group.split()) > 1 or bool(_ACRONYM.match(group))


def _last_and(text: str) -> int:
    """Where the " and " joining the last two aliases is, or -1.

    With one " and " outside brackets it is that one. With several, the list's wording does not say
    which joins two aliases ("Basque Fatherland and Liberty and Basque Homeland and Freedom"), so the
    middle one is taken: it splits two names that each keep their inner "and".
    """
    depth, found = 0, []
    for index, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        if depth == 0 and text.startswith(" and ", index):
            found.append(index)
    return found[len(found) // 2] if found else -1


def _aliases(listing: str) -> list[str]:
    """The aliases in an "also known as" list: ``A, B (X), C and D`` (or ``C, and D``)."""
    parts = [p.strip() for p in _split_top_level(listing, ",") if p.strip()]
    if parts:
        last = parts[-1]
        if re.match(r"and\s", last) and len(parts) > 1:
            parts[-1] = last[4:].strip()  # ", and D": the comma already separated the last alias
        else:
            split_at = _last_and(last)
            parts[-1:] = [last[:split_at], last[split_at + 5 :]] if split_at > 0 else [last]
    names: list[str] = []
    for part in parts:
        base, groups = _top_level(part)
        names.append(base)
        for group in groups:
            # "(ISCAP or ISCA)", "(JAS, People of the Tradition ...)": several names in one bracket.
            for piece in re.split(r"\s+or\s+|,\s*", group):
                if _is_name(piece.strip()):
                    names.append(piece.strip())
    return [n.strip(" ,;" + _QUOTES) for n in names if n.strip(" ,;" + _QUOTES)]


def item_names(text: str, languages: dict[str, str]) -> list[ListName]:
    """The names in one item's text: the primary name first, then acronyms, translations, aliases.

    ``languages`` maps a name to the ``xml:lang`` the XML marks it with.
    """
    primary, groups = _top_level(text)
    primary = primary.strip(" ," + _QUOTES)
    values = [primary]
    for group in groups:
        listing = _ALSO_KNOWN.match(group)
        if listing:
            values.extend(_aliases(group[listing.end() :]))
        else:
            values.extend(piece for piece in _aliases(group) if _is_name(piece))
    names = [ListName(primary, NameType.PRIMARY, languages.get(primary))]
    names += [ListName(v, NameType.AKA, languages.get(v)) for v in values[1:]]
    return list(arrange_names(names))


def _plain_text(node: etree._Element) -> str:
    """The text of ``node`` and its children, footnote markers left out (they are not part of a name)."""
    parts = [node.text or ""]
    for child in node:
        if child.tag not in ("FootnoteRef", "Footnote"):
            parts.append(_plain_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _text_and_languages(item: etree._Element) -> tuple[str, dict[str, str]]:
    text_element = item.find("Text")
    source = text_element if text_element is not None else item
    languages: dict[str, str] = {}
    for marked in source.iter("Language"):
        lang = marked.get(XML_LANG)
        value = " ".join(_plain_text(marked).split())
        if lang and value:
            languages[value] = lang
    return " ".join(_plain_text(source).split()), languages


@dataclass(frozen=True)
class _Item:
    text: str
    languages: dict[str, str]
    in_force: str | None
    enacted: str | None
    line: int


def _read(path: Path) -> tuple[list[_Item], list[Amendment]]:
    items: list[_Item] = []
    notes: list[Amendment] = []
    for element in iter_elements(path, {"Item", "HistoricalNoteSubItem"}):
        in_force = element.get(f"{LIMS}inforce-start-date")
        enacted = element.get(f"{LIMS}enacted-date")
        if element.tag == "Item":
            text, languages = _text_and_languages(element)
            line = element.sourceline if isinstance(element.sourceline, int) else 0
            items.append(_Item(text, languages, in_force, enacted, line))
            continue
        note = " ".join(_plain_text(element).split())
        citation = _CITATION.match(note)
        # The first note packs the thirty regulations consolidated on 2018-05-23 together:
        # it names no single instrument for an item.
        if citation and in_force:
            notes.append(Amendment(citation.group(1), in_force, enacted))
    return items, notes


def _instrument(item: _Item, notes: Iterable[Amendment]) -> str | None:
    """The amending regulation whose dates are the item's; two on one day are both named."""
    if item.enacted is None:
        return None
    matching = [n.instrument for n in notes if (n.in_force, n.enacted) == (item.in_force, item.enacted)]
    return " or ".join(matching) or None


def _check_root(path: Path, attributes: dict[str, str]) -> None:
    if f"{LIMS}pit-date" not in attributes and "regulation-type" not in attributes:
        raise InputError("not a Justice Canada regulation XML (no lims:pit-date)", location=str(path))


def _entries(path: Path, progress: Progress | None) -> Iterator[ListEntry]:
    items, notes = _read(path)
    if not items:
        raise InputError("no list items (not SOR/2002-284?)", location=str(path))
    seen: dict[str, int] = {}
    for count, item in enumerate(items, start=1):
        names = item_names(item.text, item.languages)
        if not names or not names[0].value:
            raise InputError("list item without a name", location=f"{path}:{item.line}")
        key = entry_key(names[0].value)
        if key in seen:
            raise InputError(
                f"two items have the primary name key {key} (lines {seen[key]} and {item.line})",
                location=f"{path}:{item.line}",
            )
        seen[key] = item.line
        yield ListEntry(
            key=key,
            kind=EntityKind.PERSON if key in PERSONS else EntityKind.ORGANISATION,
            names=tuple(names),
            lists=(LIST_ID,),
            programmes=(INSTRUMENT,),
            in_force=item.in_force,
            instrument=_instrument(item, notes),
        )
        if progress:
            progress(count, len(items))


def amendments(path: Path) -> tuple[Amendment, ...]:
    """The amending regulations the version's historical note names one by one, in file order."""
    return tuple(_read(path)[1])


def parse_ca_sor(
    paths: list[Path], data_date: dt.date | None = None, progress: Progress | None = None
) -> ParsedList:
    """One version of SOR/2002-284 (one XML file); the data date is its ``lims:pit-date``."""
    if len(paths) != 1:
        raise InputError(
            "one SOR/2002-284 version is one XML file (use parse_ca_sor_versions for several)",
            location=", ".join(map(str, paths)),
        )
    (path,) = require_files(paths)
    attributes = root_attributes(path)
    _check_root(path, attributes)
    basis = "--data-date"
    if data_date is None:
        pit = attributes.get(f"{LIMS}pit-date")
        if not pit:
            raise InputError("no lims:pit-date attribute; give --data-date", location=str(path))
        try:
            data_date = dt.date.fromisoformat(pit)
        except ValueError:
            raise InputError(f"lims:pit-date '{pit}' is not a date", location=str(path)) from None
        basis = "lims:pit-date attribute"
    meta = {
        key: attributes[f"{LIMS}{key}"]
        for key in ("pit-date", "current-date", "lastAmendedDate")
        if f"{LIMS}{key}" in attributes
    }
    return ParsedList(
        source=SOURCE,
        jurisdiction="CA",
        files=[path],
        content_hash=content_hash([path]),
        data_date=data_date,
        data_date_basis=basis,
        entries=_entries(path, progress),
        meta=meta,
        amendments=tuple((a.instrument, a.in_force) for a in amendments(path)),
    )


def parse_ca_sor_versions(paths: list[Path]) -> list[ParsedList]:
    """Several versions, oldest first (by ``lims:pit-date``, then ``lims:current-date``), ready to import in turn."""
    parsed = [parse_ca_sor([path]) for path in require_files(paths)]
    return sorted(parsed, key=lambda p: (p.data_date or dt.date.min, p.meta.get("current-date", "")))


parse = parse_ca_sor
# Hook for a source table entry that takes several dated versions in one call (see the report/docs).
parse_versions = parse_ca_sor_versions
