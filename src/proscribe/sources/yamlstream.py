"""Reading large multi-document YAML files one document at a time, safely.

The Ammitto conversions of the EU, UK, Australian and Canadian lists are
streams of thousands of small YAML documents (tens of MB in all). We split
the stream at its ``---`` markers ourselves and parse each document on its
own, so memory stays bounded by the largest document, every error can name
the document and its line, and a bad byte is reported where it is.

Splitting at lines that start with ``---`` (or ``...``) is exact: YAML
treats such a line at column 0 as a document boundary even inside a scalar.

Anchors and aliases are refused, like record files do
(:class:`proscribe.records._NoAliasLoader`): no list needs them and aliases
let a few bytes expand into billions of nodes. That loader hooks the pure
Python composer; these files need libyaml's speed (about ten times faster),
whose composer cannot be hooked, so a document that contains ``&`` or ``*``
at all is first checked event by event, and only then constructed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

import yaml

from proscribe.errors import InputError
from proscribe.nesting import check_yaml_depth
from proscribe.records import _NoAliasLoader
from proscribe.sources.base import (
    ListEntry,
    ParsedList,
    Progress,
    content_hash,
    date_from_name,
    require_files,
)

# One list entry is a few kB; a "document" this large means the file is not what we expect.
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024

_Loader: type[Any] = getattr(yaml, "CSafeLoader", _NoAliasLoader)


@dataclass(frozen=True)
class YamlDocument:
    """One parsed document: its mapping, its number in the file (from 1), and where it starts."""

    path: Path
    number: int
    line: int
    data: Any

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}"

    def fail(self, message: str) -> InputError:
        return InputError(f"document {self.number}: {message}", location=self.location)


def _is_boundary(line: bytes) -> bool:
    """A ``---`` (document start) or ``...`` (document end) marker line."""
    return line[:3] in (b"---", b"...") and (len(line) == 3 or line[3:4] in (b" ", b"\t", b"\r", b"\n"))


def _refuse_anchors(text: str, path: Path, first_line: int, number: int) -> None:
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                line = first_line + (event.start_mark.line if event.start_mark else 0)
                raise InputError(
                    f"document {number}: YAML anchors and aliases (&name, *name) are refused",
                    location=f"{path}:{line}",
                )
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, path, first_line, number) from None


def _yaml_error(exc: yaml.MarkedYAMLError, path: Path, first_line: int, number: int) -> InputError:
    mark = exc.problem_mark or exc.context_mark
    line = first_line + mark.line if mark else first_line
    problem = " ".join(str(exc.problem or exc.context or "syntax error").split())
    if "alias" in problem.lower():  # the pure-Python fallback loader's refusal
        problem = "YAML anchors and aliases (&name, *name) are refused"
    return InputError(f"document {number}: malformed YAML: {problem}", location=f"{path}:{line}")


def _parse_chunk(chunk: bytes, path: Path, first_line: int, number: int) -> list[Any]:
    try:
        text = chunk.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = first_line + chunk.count(b"\n", 0, exc.start)
        raise InputError(f"document {number}: not UTF-8 text", location=f"{path}:{line}") from None
    check_yaml_depth(text, f"{path}", first_line)
    if "&" in text or "*" in text:
        _refuse_anchors(text, path, first_line, number)
    loader = _Loader(text)
    try:
        documents = []
        while loader.check_data():
            documents.append(loader.get_data())
        return documents
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, path, first_line, number) from None
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        # SafeConstructor raises ValueError for impossible dates and the like.
        message = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise InputError(
            f"document {number}: malformed YAML: {message}", location=f"{path}:{first_line}"
        ) from None
    finally:
        loader.dispose()


def _chunks(path: Path) -> Iterator[tuple[int, bytes, int]]:
    """(first line, bytes, bytes read so far) of each ``---``-separated part of the file."""
    lines: list[bytes] = []
    size = 0
    first_line = 1
    done = 0
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", location=str(path)) from None
    with handle:
        for number, line in enumerate(handle, start=1):
            done += len(line)
            if number == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            boundary = _is_boundary(line)
            if boundary and line.startswith(b"---") and lines:
                yield first_line, b"".join(lines), done - len(line)
                lines, size, first_line = [], 0, number
            if not lines:
                first_line = number
            lines.append(line)
            size += len(line)
            if boundary and line.startswith(b"..."):  # a document end marker closes its document
                yield first_line, b"".join(lines), done
                lines, size = [], 0
            if size > MAX_DOCUMENT_BYTES:
                raise InputError(
                    f"a YAML document larger than {MAX_DOCUMENT_BYTES:,} bytes (not a list of entries?)",
                    location=f"{path}:{first_line}",
                )
    if lines:
        yield first_line, b"".join(lines), done
        # Checked once the last document has been read, so a file of the wrong format is
        # reported by its content first. A file cut short mid-line can still parse (a scalar
        # cut in two is a shorter scalar); every complete list file ends with a line break.
        if not lines[-1].endswith(b"\n"):
            raise InputError(
                "the file does not end with a line break: it is truncated (nothing was imported)",
                location=f"{path}:{first_line + len(lines) - 1}",
            )


def iter_documents(paths: Iterable[Path], progress: Progress | None = None) -> Iterator[YamlDocument]:
    """Each non-empty document of each file, in order; comment-only parts are skipped."""
    files = list(paths)
    total = sum(p.stat().st_size for p in files if p.exists())
    offset = 0
    for path in files:
        number = 0
        for first_line, chunk, done in _chunks(path):
            for data in _parse_chunk(chunk, path, first_line, number + 1):
                if data is None:
                    continue
                number += 1
                yield YamlDocument(path, number, first_line, data)
                if progress and number % 500 == 0:
                    progress(offset + done, total)
        offset += path.stat().st_size
    if progress:
        progress(total, total)


def latest_date(paths: Iterable[Path], key: str) -> dt.date | None:
    """The latest ``key: YYYY-MM-DD`` value in the files, read as text (a quick pass before parsing).

    Used to date a list version by its newest record before the entries are
    read one by one; the values are plain fields, so a line scan finds them all.
    """
    pattern = re.compile(
        rb"^\s*(?:- )?" + re.escape(key.encode()) + rb":\s*'?(\d{4}-\d{2}-\d{2})'?\s*$", re.MULTILINE
    )
    latest: dt.date | None = None
    for path in paths:
        with path.open("rb") as handle:
            for line in handle:
                found = pattern.match(line)
                if not found:
                    continue
                try:
                    value = dt.date.fromisoformat(found.group(1).decode())
                except ValueError:
                    continue
                if latest is None or value > latest:
                    latest = value
    return latest


def text(value: Any) -> str | None:
    """A scalar as clean one-line text (whitespace runs collapsed), or None when empty."""
    if value is None or isinstance(value, dict | list):
        return None
    cleaned = " ".join(str(value).split())
    return cleaned or None


def iso_date(value: Any) -> str | None:
    """A YYYY-MM-DD date given as a string or a YAML date, or None."""
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    cleaned = text(value)
    if cleaned and re.fullmatch(r"\d{4}-\d{2}-\d{2}", cleaned):
        try:
            return dt.date.fromisoformat(cleaned).isoformat()
        except ValueError:
            return None
    return None


# (date, how it was found) or (None, what is missing) for a list version's files.
DateFinder = Callable[[list[Path]], tuple[dt.date | None, str]]


def date_in_file_name(files: list[Path]) -> tuple[dt.date | None, str]:
    """The date written in the first file's (or its folder's) name."""
    found = date_from_name(files[0])
    return (found, f"date in the file name {files[0].name}") if found else (None, "no date in the file name")


def latest_field(key: str, label: str | None = None, note: str = "") -> DateFinder:
    """A finder for the latest ``key`` date in the files; ``label`` names it in messages."""
    named = label or key

    def find(files: list[Path]) -> tuple[dt.date | None, str]:
        found = latest_date(files, key)
        return (found, f"latest {named} in the file{note}") if found else (None, f"no {named} in the file")

    return find


def first_found(*finders: DateFinder) -> DateFinder:
    """The first finder that finds a date; when none does, the last one's message."""

    def find(files: list[Path]) -> tuple[dt.date | None, str]:
        missing = "no date found"
        for finder in finders:
            found, how = finder(files)
            if found:
                return found, how
            missing = how
        return None, missing

    return find


@dataclass(frozen=True)
class DocumentFormat:
    """A list published as multi-document YAML: what it is called and how to read one entry."""

    source: str
    jurisdiction: str
    format_name: str
    to_entry: Callable[[YamlDocument], ListEntry]
    find_date: DateFinder

    def parse(
        self, paths: list[Path], data_date: dt.date | None = None, progress: Progress | None = None
    ) -> ParsedList:
        """A list version from multi-document YAML files, one entry per document, read lazily.

        The first document is converted at once, so a file of the wrong format fails before
        anything is used; the data date is ``data_date`` or what ``find_date`` finds in the files.
        """
        files = require_files(paths)
        documents = iter_documents(files, progress)
        first = next(documents, None)
        if first is None:
            raise InputError(f"no YAML documents (not {self.format_name}?)", location=str(files[0]))
        first_entry = self.to_entry(first)
        basis = "--data-date"
        if data_date is None:
            data_date, basis = self.find_date(files)
            if data_date is None:
                raise InputError(f"{basis}; give --data-date", location=str(files[0]))

        def entries() -> Iterator[ListEntry]:
            yield from chain([first_entry], (self.to_entry(document) for document in documents))

        return ParsedList(
            source=self.source,
            jurisdiction=self.jurisdiction,
            files=files,
            content_hash=content_hash(files),
            data_date=data_date,
            data_date_basis=basis,
            entries=entries(),
        )
