"""What every list parser produces: list entries in one shape, whatever the source format.

A parser reads the files of one list version and yields :class:`ListEntry`
objects, streaming (never the whole list in memory at once when the format
allows it). Everything downstream — versions, diffs, acts, linking, exports —
works on entries only, so adding a source means writing one parser.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from proscribe.errors import InputError
from proscribe.model import EntityKind, NameType, detect_script

# Called with (units done, units total or None) while parsing; units are bytes or entries.
Progress = Callable[[int, int | None], None]


@dataclass(frozen=True)
class ListName:
    """A name as the list gives it, in its own script."""

    value: str
    type: NameType = NameType.AKA
    lang: str | None = None

    @property
    def script(self) -> str | None:
        return detect_script(self.value)


@dataclass(frozen=True)
class EntryDecision:
    """A legal decision a list prints next to its entry (Russia's lists cite the court ruling).

    ``action`` is what the decision did to the listing (``designated`` or
    ``suspended``); dates are ISO strings exactly as the list gives them
    (``decided``: the ruling's date; ``effective``: its entry into force;
    ``published``: the date the list says it posted the entry), None where it
    gives none; ``instrument`` is the case number as printed (``ГКПИ 03-116``),
    ``authority`` the court as named, ``text`` the list's own wording.
    """

    action: str
    text: str
    authority: str | None = None
    decided: str | None = None
    effective: str | None = None
    published: str | None = None
    instrument: str | None = None


@dataclass(frozen=True)
class ListEntry:
    """One subject on one version of an official list.

    ``key`` is the list's own stable identifier (UN reference number, OFAC
    ent_num, UK unique id); ``lists`` are the proscribe list ids the entry is
    on (one per programme where a source has several, e.g. ``us-fto`` and
    ``us-sdgt``); ``references`` are identifiers the entry carries that
    belong to *other* lists (an EU or UK entry's UN reference number), used
    to recognise the same subject across lists.

    ``in_force`` and ``instrument``, for lists that state them per entry
    (Canada's SOR/2002-284): the day the entry in its present wording came
    into force and the instrument that made it so. Unlike ``listed_on`` this
    is not necessarily the listing date (an old entry may have been
    reworded); :mod:`proscribe.lists.acts` uses it as the listing date only
    when it falls between the version where the entry first appears and the
    one before.

    ``decisions`` are the legal
    decisions the list itself prints for the entry (court, case number,
    dates); when present, acts are made from them instead of from the
    version dates (see :mod:`proscribe.lists.acts`).
    """

    key: str
    kind: EntityKind
    names: tuple[ListName, ...]
    lists: tuple[str, ...]
    programmes: tuple[str, ...] = ()
    listed_on: str | None = None
    references: tuple[str, ...] = ()
    identifiers: tuple[tuple[str, str], ...] = ()
    remarks: str | None = None
    in_force: str | None = None
    instrument: str | None = None
    decisions: tuple[EntryDecision, ...] = ()

    @property
    def caption(self) -> str:
        for name in self.names:
            if name.type is NameType.PRIMARY:
                return name.value
        return self.names[0].value if self.names else self.key


@dataclass
class ParsedList:
    """A list version being read: where it is from, what it is, and its entries (an iterator)."""

    source: str
    jurisdiction: str
    files: list[Path]
    content_hash: str
    data_date: dt.date | None
    data_date_basis: str
    entries: Iterator[ListEntry]
    meta: dict[str, str] = field(default_factory=dict)
    # (instrument, in-force day) of each amending instrument the version names, when the list
    # records them (SOR/2002-284): a removal between two versions is attributed to the one
    # in force between them that no added or reworded entry accounts for.
    amendments: tuple[tuple[str, str], ...] = ()


def content_hash(paths: Iterable[Path], progress: Progress | None = None) -> str:
    """sha256 over the files' bytes, in name order, each preceded by its name and size.

    Identifies a list version: the same files give the same hash wherever they are.
    """
    digest = hashlib.sha256()
    ordered = sorted(paths, key=lambda p: p.name)
    total = sum(p.stat().st_size for p in ordered)
    done = 0
    for path in ordered:
        digest.update(f"{path.name}\0{path.stat().st_size}\0".encode())
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
                done += len(chunk)
                if progress:
                    progress(done, total)
    return digest.hexdigest()


_DATE_IN_NAME = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")


def date_from_name(path: Path) -> dt.date | None:
    """A YYYY-MM-DD (or YYYYMMDD) date in a file or folder name, if there is exactly one."""
    for candidate in (path.name, path.parent.name):
        found = _DATE_IN_NAME.findall(candidate)
        if len(found) == 1:
            year, month, day = (int(part) for part in found[0])
            try:
                return dt.date(year, month, day)
            except ValueError:
                return None
    return None


def require_files(paths: Iterable[Path]) -> list[Path]:
    files = []
    for path in paths:
        if not path.exists():
            raise InputError("no such file or folder", location=str(path))
        if path.is_dir():
            raise InputError("expected a file, got a folder", location=str(path))
        files.append(path)
    if not files:
        raise InputError("no input files given")
    return files


_MARKERS = re.compile(r"\s*(\(original script\)|-\s*sub-unit name|\boriginal script\b)\s*", re.IGNORECASE)


def _top_level_groups(value: str) -> tuple[str, list[str]]:
    """Text outside top-level brackets, and the contents of each top-level bracket group."""
    outside: list[str] = []
    groups: list[str] = []
    current: list[str] = []
    depth = 0
    for char in value:
        if char == "(":
            if depth == 0:
                current = []
            else:
                current.append(char)
            depth += 1
        elif char == ")" and depth > 0:
            depth -= 1
            if depth == 0:
                groups.append("".join(current))
            else:
                current.append(char)
        elif depth > 0:
            current.append(char)
        else:
            outside.append(char)
    if depth > 0:  # unbalanced: treat the rest as plain text
        outside.append("(" + "".join(current))
    return " ".join("".join(outside).split()), groups


def split_alias(value: str) -> list[str]:
    """Split a list's alias field into the separate names it packs together.

    UN entries write "Hay'at Tahrir al-Sham (HTS) (هيئة تحرير الشام (original
    script); Hay'et Tahrir al-Sham; ...)": one name outside the brackets, an
    acronym, and a semicolon-separated list with original-script forms. Each
    becomes its own name; markers such as "(original script)" are dropped.
    """
    base, groups = _top_level_groups(value)
    names = [base] if base else []
    for group in groups:
        for item in group.split(";"):
            cleaned = " ".join(_MARKERS.sub(" ", item).split())
            if not cleaned:
                continue
            inner_base, inner_groups = _top_level_groups(cleaned)
            names.extend(split_alias(cleaned) if inner_groups else [inner_base])
    return [n for n in dict.fromkeys(n.strip(" ,") for n in names) if n]


_UN_REFERENCE = re.compile(r"^\s*([A-Za-z]{2})([EeIi])\.\s?0*(\d{1,3})\s*$")


def un_reference(value: str | None) -> str | None:
    """A UN permanent reference number in the UN's own spelling (``QDe.137``), or None.

    Other lists copy UN numbers with variations (``QDE.145``, ``QDi.43``);
    writing them as the UN does lets an EU or UK entry be matched to the UN
    entry by key. Zero (``HTi.00``, a truncated number) is no reference.
    """
    if not value:
        return None
    found = _UN_REFERENCE.match(value)
    if not found or int(found.group(3)) == 0:
        return None
    return f"{found.group(1).upper()}{found.group(2).lower()}.{int(found.group(3)):03d}"


def arrange_names(names: Iterable[ListName]) -> tuple[ListName, ...]:
    """Names de-duplicated by value (first wins), the primary name first.

    Where a source marks no primary name, its first name becomes the primary:
    every entry needs one caption, and the list's own first name is the one
    it shows first.
    """
    unique: dict[str, ListName] = {}
    for name in names:
        value = " ".join(name.value.split())
        if value and value not in unique:
            unique[value] = ListName(value, name.type, name.lang) if value != name.value else name
    ordered = list(unique.values())
    primary = next((n for n in ordered if n.type is NameType.PRIMARY), None)
    if primary is None:
        if not ordered:
            return ()
        primary = ListName(ordered[0].value, NameType.PRIMARY, ordered[0].lang)
        ordered[0] = primary
    rest = [
        n if n.type is not NameType.PRIMARY else ListName(n.value, NameType.AKA, n.lang)
        for n in ordered
        if n is not primary
    ]
    return (primary, *rest)
