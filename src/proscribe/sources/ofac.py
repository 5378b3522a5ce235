"""US Treasury OFAC SDN list, legacy CSV format (sdn.csv with optional alt.csv, add.csv, sdn_comments.csv).

The files have no header row; ``-0-`` means empty; sdn.csv and alt.csv end
with a 0x1A byte (the DOS end-of-file mark; every one of the 308 snapshots of
2021-2024 in the shared archive has it), and we require it: a file cut short
(a failed download, a full disk) otherwise parses as a shorter list and every
entry it lacks would be recorded as a delisting. Programmes are joined as ``FTO] [SDGT``. Each programme is a list
of its own in proscribe: ``FTO`` is ``us-fto`` (the State Department's
Foreign Terrorist Organization designation as carried on the SDN list),
``SDGT`` is ``us-sdgt``, any other programme ``us-ofac-<programme>``.
Aliases come from alt.csv when present, and from the ``a.k.a. '...'``
clauses of the remarks otherwise (the 2024 sdn.csv has them there).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from proscribe.errors import InputError
from proscribe.model import EntityKind, NameType
from proscribe.sources.base import ListEntry, ListName, ParsedList, Progress, date_from_name

SDN_COLUMNS = 12
EMPTY = "-0-"
KINDS = {"individual": EntityKind.PERSON, "vessel": EntityKind.VESSEL, "aircraft": EntityKind.AIRCRAFT}
ALIAS_TYPES = {"aka": NameType.AKA, "fka": NameType.FKA, "nka": NameType.AKA}
_REMARK_ALIAS = re.compile(r"\b([afn])\.k\.a\.\s+'(.+?)'(?=\s*;|\s*\.\s*$|\s*\.\s|\s*$)")
FILE_ROLES = ("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv")


def list_ids(programmes: Iterable[str]) -> tuple[str, ...]:
    ids = []
    for programme in programmes:
        if programme == "FTO":
            ids.append("us-fto")
        elif programme == "SDGT":
            ids.append("us-sdgt")
        else:
            ids.append("us-ofac-" + re.sub(r"[^a-z0-9]+", "-", programme.lower()).strip("-"))
    return tuple(dict.fromkeys(ids))


def _value(cell: str) -> str | None:
    value = cell.strip()
    return None if not value or value == EMPTY else value


def _rows(text: str, path: str, columns: int) -> Iterator[tuple[int, list[str]]]:
    """CSV rows with their line numbers; a row of the wrong width is an error naming the line."""
    reader = csv.reader(io.StringIO(text.rstrip("\x1a\r\n ")))
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # NUL bytes, a bare line break in a field: not a CSV export
            raise InputError(
                f"not an OFAC legacy CSV file ({exc})", location=f"{path}:{reader.line_num}"
            ) from None
        if not row or row == [""]:
            continue
        if len(row) != columns:
            raise InputError(
                f"expected {columns} comma-separated columns, found {len(row)} (not an OFAC legacy CSV?)",
                location=f"{path}:{reader.line_num}",
            )
        yield reader.line_num, row


END_OF_FILE = "\x1a"


def require_end_mark(text: str, path: str) -> None:
    """Raise unless ``text`` ends with OFAC's end-of-file byte 0x1A (trailing whitespace allowed)."""
    if not text.rstrip("\r\n \t").endswith(END_OF_FILE):
        lines = text.count("\n") + 1
        raise InputError(
            "the file does not end with OFAC's end-of-file byte 0x1A: it is truncated or not a "
            "complete OFAC export (nothing was imported)",
            location=f"{path}:{lines}",
        )


def _decode(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Older OFAC files are Windows-1252.
        return data.decode("cp1252", errors="replace")


def _aliases(text: str | None, path: str) -> dict[str, list[ListName]]:
    found: dict[str, list[ListName]] = {}
    if text is None:
        return found
    require_end_mark(text, path)
    for _, row in _rows(text, path, 5):
        ent_num, _, alt_type, alt_name = (_value(c) for c in row[:4])
        if ent_num and alt_name:
            kind = ALIAS_TYPES.get((alt_type or "aka").lower().replace(".", ""), NameType.AKA)
            found.setdefault(ent_num, []).append(ListName(alt_name, kind))
    return found


def _comments(text: str | None, path: str) -> dict[str, str]:
    found: dict[str, str] = {}
    if text is None:
        return found
    for _, row in _rows(text, path, 2):
        ent_num, remark = _value(row[0]), _value(row[1])
        if ent_num and remark:
            found[ent_num] = found.get(ent_num, "") + remark
    return found


def parse_entries(
    sdn_text: str,
    sdn_path: str,
    alt_text: str | None = None,
    comments_text: str | None = None,
    alt_path: str = "alt.csv",
    comments_path: str = "sdn_comments.csv",
    progress: Progress | None = None,
) -> Iterator[ListEntry]:
    aliases = _aliases(alt_text, alt_path)
    comments = _comments(comments_text, comments_path)
    for count, (line, row) in enumerate(_rows(sdn_text, sdn_path, SDN_COLUMNS), start=1):
        ent_num = _value(row[0])
        name = _value(row[1])
        if not ent_num or not ent_num.isdigit() or not name:
            raise InputError("record without a numeric ent_num and a name", location=f"{sdn_path}:{line}")
        programmes = tuple(p.strip() for p in (_value(row[3]) or "").split("] [") if p.strip())
        remarks = _value(row[11])
        if ent_num in comments:
            remarks = (remarks or "") + comments[ent_num]
        names = [ListName(name, NameType.PRIMARY)]
        names.extend(aliases.get(ent_num, []))
        if remarks:
            for letter, alias in _REMARK_ALIAS.findall(remarks):
                names.append(ListName(alias, NameType.FKA if letter == "f" else NameType.AKA))
        yield ListEntry(
            key=ent_num,
            kind=KINDS.get((_value(row[2]) or "").lower(), EntityKind.ORGANISATION),
            names=tuple(dict.fromkeys(names)),
            lists=list_ids(programmes),
            programmes=programmes,
            remarks=remarks,
        )
        if progress and count % 1000 == 0:
            progress(count, None)
    # Checked after the rows, so a file of the wrong format is reported by its first bad row.
    require_end_mark(sdn_text, sdn_path)


def hash_files(parts: list[tuple[str, bytes]]) -> str:
    """Version hash over the files by their role (sdn.csv, alt.csv ...), not their names on disk."""
    digest = hashlib.sha256()
    for role, data in sorted(parts):
        digest.update(f"{role}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def _find_files(paths: list[Path]) -> dict[str, Path]:
    """sdn.csv and its companions: a folder, or files named like sdn*.csv / alt.csv / ..."""
    found: dict[str, Path] = {}
    candidates: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError("no such file or folder", location=str(path))
        candidates.extend(sorted(path.glob("*.csv")) if path.is_dir() else [path])
        if not path.is_dir():
            candidates.extend(path.parent / role for role in FILE_ROLES[1:] if (path.parent / role).exists())
    for candidate in candidates:
        name = candidate.name.lower()
        role = next((r for r in FILE_ROLES[1:] if name == r), None)
        if role is None and name.startswith("sdn") and name.endswith(".csv") and "comments" not in name:
            role = "sdn.csv"
        if role and role not in found:
            found[role] = candidate
    if "sdn.csv" not in found:
        raise InputError(
            "no sdn.csv found (give sdn.csv or a folder holding it)", location=", ".join(map(str, paths))
        )
    return found


def parse(
    paths: list[Path], data_date: dt.date | None = None, progress: Progress | None = None
) -> ParsedList:
    files = _find_files(paths)
    data = {role: path.read_bytes() for role, path in files.items() if role != "add.csv"}
    basis = "--data-date"
    if data_date is None:
        data_date = date_from_name(files["sdn.csv"])
        basis = f"date in the file name {files['sdn.csv'].name}"
        if data_date is None:
            raise InputError(
                "the legacy CSV files carry no date; give --data-date", location=str(files["sdn.csv"])
            )
    entries = parse_entries(
        _decode(data["sdn.csv"], str(files["sdn.csv"])),
        str(files["sdn.csv"]),
        _decode(data["alt.csv"], str(files["alt.csv"])) if "alt.csv" in data else None,
        _decode(data["sdn_comments.csv"], str(files["sdn_comments.csv"]))
        if "sdn_comments.csv" in data
        else None,
        alt_path=str(files.get("alt.csv", "alt.csv")),
        comments_path=str(files.get("sdn_comments.csv", "sdn_comments.csv")),
        progress=progress,
    )
    return ParsedList(
        source="ofac",
        jurisdiction="US",
        files=list(files.values()),
        content_hash=hash_files(list(data.items())),
        data_date=data_date,
        data_date_basis=basis,
        entries=entries,
    )
