"""Feeds and their items: RSS/Atom through feedparser, Federal Register API answers, and the sources we ship.

A feed is anything that lists items to read: an RSS or Atom document, a Federal Register API
JSON answer (``results[]`` with ``html_url`` and ``publication_date``), or a single HTML page
that is itself the item (an official list page watched for changes). ``feeds.yaml`` beside this
module names the official sources proscribe knows, each with its kind and a note.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import json
import re
import time
import urllib.parse
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from proscribe.errors import InputError
from proscribe.jurisdictions import normalise_jurisdiction


class FeedKind(StrEnum):
    RSS = "rss"
    ATOM = "atom"
    HTML = "html"
    FEDERAL_REGISTER_JSON = "federal-register-json"


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed: the page to read and what the feed says about it."""

    url: str
    title: str | None = None
    published: dt.date | None = None
    # The feed's own date when it only gives a last-updated one: never later than publication is
    # unknowable, so it filters (``--since``) but is not used as the publication date.
    updated: dt.date | None = None
    summary: str | None = None

    @property
    def newest_date(self) -> dt.date | None:
        return self.updated or self.published


@dataclass(frozen=True)
class FeedSource:
    """A source to watch: an official feed or page, as listed in ``feeds.yaml``."""

    id: str
    name: str
    url: str
    kind: FeedKind
    jurisdiction: str | None = None
    language: str | None = None
    # Keep only items whose link matches (a general press feed filtered to Security Council releases).
    link_pattern: str | None = None
    note: str = ""
    # Where the URL was checked and when (a citation, as for any fact we ship).
    verified: str = ""

    def keeps(self, item: FeedItem) -> bool:
        return self.link_pattern is None or re.search(self.link_pattern, item.url) is not None


_FEEDS_YAML = "feeds.yaml"
_SOURCE_KEYS = {"id", "name", "url", "kind", "jurisdiction", "language", "link_pattern", "note", "verified"}


def load_sources(path: Path | None = None) -> list[FeedSource]:
    """The sources of ``path`` (default: the ``feeds.yaml`` shipped with proscribe); errors name the entry."""
    location = str(path) if path else f"proscribe/news/{_FEEDS_YAML}"
    if path is None:
        text = resources.files("proscribe.news").joinpath(_FEEDS_YAML).read_text(encoding="utf-8")
    else:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot read file: {exc.strerror}", location=location) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(f"malformed YAML ({exc.__class__.__name__})", location=location) from None
    rows = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(rows, list):
        raise InputError("expected a 'sources' list", location=location)
    sources: list[FeedSource] = []
    for number, row in enumerate(rows):
        where = f"{location}:sources[{number}]"
        if not isinstance(row, dict):
            raise InputError("expected a mapping", location=where)
        unknown = set(row) - _SOURCE_KEYS
        if unknown:
            raise InputError(f"unknown keys: {', '.join(sorted(unknown))}", location=where)
        for key in ("id", "name", "url", "kind"):
            if not isinstance(row.get(key), str) or not row[key].strip():
                raise InputError(f"'{key}' is required", location=where)
        try:
            kind = FeedKind(row["kind"])
        except ValueError:
            choices = ", ".join(k.value for k in FeedKind)
            raise InputError(f"unknown kind '{row['kind']}' (one of {choices})", location=where) from None
        jurisdiction = row.get("jurisdiction")
        if jurisdiction is not None:
            try:
                jurisdiction = normalise_jurisdiction(str(jurisdiction))
            except ValueError as exc:
                raise InputError(str(exc), location=f"{where}.jurisdiction") from None
        pattern = row.get("link_pattern")
        if pattern is not None:
            try:
                re.compile(str(pattern))
            except re.error as exc:
                raise InputError(f"bad regular expression: {exc}", location=f"{where}.link_pattern") from None
        sources.append(
            FeedSource(
                id=row["id"],
                name=row["name"],
                url=row["url"],
                kind=kind,
                jurisdiction=jurisdiction,
                language=row.get("language"),
                link_pattern=None if pattern is None else str(pattern),
                note=str(row.get("note") or "").strip(),
                verified=str(row.get("verified") or "").strip(),
            )
        )
    ids = [s.id for s in sources]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise InputError(f"repeated source ids: {', '.join(repeated)}", location=location)
    return sources


def sniff_kind(body: bytes, content_type: str = "") -> FeedKind:
    """What a response is, from its media type and first bytes: a feed, Federal Register JSON, or a page."""
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if "json" in content_type or head.startswith((b"{", b"[")):
        return FeedKind.FEDERAL_REGISTER_JSON
    if b"<feed" in head:
        return FeedKind.ATOM
    if b"<rss" in head or b"<rdf:rdf" in head or "rss" in content_type or "atom" in content_type:
        return FeedKind.RSS
    return FeedKind.HTML


def _date_of(value: Any) -> dt.date | None:
    if isinstance(value, time.struct_time):
        # feedparser normalises feed dates to UTC struct_time
        return dt.datetime.fromtimestamp(calendar.timegm(value), tz=dt.UTC).date()
    return None


def parse_feed(body: bytes, location: str, base_url: str | None = None) -> list[FeedItem]:
    """Items of an RSS or Atom document (relative links resolved against ``base_url``)."""
    try:
        import feedparser  # type: ignore[import-untyped,unused-ignore]
    except ImportError:  # a declared dependency; a broken install gets a one-line answer
        raise InputError("reading RSS/Atom needs the feedparser package", location=location) from None

    headers = {"content-location": base_url} if base_url else {}
    # A file-like object: given bytes or str, feedparser may treat them as a URL or a file name.
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    entries = parsed.get("entries") or []
    if parsed.get("bozo") and not entries and not parsed.get("feed"):
        problem = parsed.get("bozo_exception")
        raise InputError(f"not an RSS or Atom feed ({type(problem).__name__}: {problem})", location=location)
    version = parsed.get("version") or ""
    if not version and not entries:
        raise InputError("not an RSS or Atom feed", location=location)
    items: list[FeedItem] = []
    for entry in entries:
        link = entry.get("link") or ""
        if not link and str(entry.get("id", "")).startswith(("http://", "https://")):
            link = entry["id"]
        if not link:
            continue
        if base_url:
            link = urllib.parse.urljoin(base_url, link)
        summary = entry.get("summary")
        items.append(
            FeedItem(
                url=link,
                title=entry.get("title"),
                # dict.get: FeedParserDict.get maps a missing key to the other date, with a warning.
                published=_date_of(dict.get(entry, "published_parsed")),
                updated=_date_of(dict.get(entry, "updated_parsed")),
                summary=summary if isinstance(summary, str) else None,
            )
        )
    return items


def parse_federal_register(body: bytes, location: str) -> list[FeedItem]:
    """Items of a Federal Register API answer (``/api/v1/documents.json?...``): one per document."""
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"malformed JSON ({exc})", location=location) from None
    results = data.get("results") if isinstance(data, dict) else None
    if not isinstance(results, list):
        # The API answers a query with no documents as {"count": 0, "description": ...} with no results.
        if isinstance(data, dict) and data.get("count") == 0:
            return []
        raise InputError("not a Federal Register API answer: no 'results' list", location=location)
    items: list[FeedItem] = []
    for number, document in enumerate(results):
        if not isinstance(document, dict):
            raise InputError("expected an object", location=f"{location}:results[{number}]")
        link = document.get("html_url") or document.get("body_html_url")
        if not isinstance(link, str) or not link:
            continue
        published: dt.date | None = None
        raw_date = document.get("publication_date")
        if isinstance(raw_date, str):
            try:
                published = dt.date.fromisoformat(raw_date[:10])
            except ValueError:
                raise InputError(
                    f"'{raw_date}' is not a date", location=f"{location}:results[{number}].publication_date"
                ) from None
        abstract = document.get("abstract")
        items.append(
            FeedItem(
                url=link,
                title=document.get("title") if isinstance(document.get("title"), str) else None,
                published=published,
                summary=abstract if isinstance(abstract, str) else None,
            )
        )
    return items


def parse_items(body: bytes, kind: FeedKind, location: str, base_url: str | None = None) -> list[FeedItem]:
    """Items of a feed of ``kind``; an HTML page is not a list of items and is handled by the caller."""
    if kind is FeedKind.FEDERAL_REGISTER_JSON:
        return parse_federal_register(body, location)
    if kind in (FeedKind.RSS, FeedKind.ATOM):
        return parse_feed(body, location, base_url)
    raise ValueError(f"{kind} is a page, not a feed")
