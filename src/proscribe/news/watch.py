"""Watching feeds: new items are fetched once, their events extracted and put in the review queue.

``watch(registry, ["https://…/feed.atom", "saved/"], since=…)`` reads every feed first (an
unreachable feed is one line in :attr:`WatchResult.feed_failures` and the others go on), then
handles each item:

1. published (or last updated, by the feed's date) before ``since`` → skipped, not fetched;
2. its URL was handled by an earlier run → skipped, not fetched;
3. fetched (http/https only, timeout, size cap); an error is reported for that item only;
4. cleaned (trafilatura) and dated: the page's own date (htmldate), else the feed's, else the
   dateline; an article dated before ``since`` is skipped;
5. its cleaned text was seen before under another URL, or is already queued → skipped;
6. otherwise its events go into the review queue (:class:`~proscribe.news.review.ReviewQueue`):
   nothing enters the journal until a person accepts them.

Handled items are remembered in ``news_seen``; failed and too-old items are not, so they are
tried again next time. A page given directly (or a source of kind ``html``) is the item itself
and is read on every run: it is queued again only when its text changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import urllib.parse
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from proscribe.download import DEFAULT_TIMEOUT_S, Fetched, FetchError, decode_body, fetch
from proscribe.errors import InputError
from proscribe.news import extract_events, name_index, parse_article, read_article_file
from proscribe.news.clean import MAX_ARTICLE_BYTES, Article
from proscribe.news.extract import NewsEvent
from proscribe.news.feeds import FeedItem, FeedKind, FeedSource, parse_items, sniff_kind
from proscribe.news.link import NameIndex
from proscribe.news.review import ReviewQueue
from proscribe.registry import Registry
from proscribe.store import tables as t
from proscribe.store.database import Database

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
FEED_SUFFIXES = (".xml", ".rss", ".atom", ".json")
# Media types that can hold an article; a PDF or an image linked from a feed is reported, not parsed.
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")

ProgressCallback = Callable[[int, int], None]
WatchInput = str | Path | FeedSource


class Outcome(StrEnum):
    QUEUED = "queued"
    ALREADY_SEEN = "seen"
    DUPLICATE = "duplicate"
    BEFORE_SINCE = "old"
    FAILED = "failed"


@dataclass(frozen=True)
class ItemReport:
    """What happened to one item. ``fetched`` is true when its page was downloaded or its file read."""

    source: str
    url: str
    outcome: Outcome
    fetched: bool = False
    title: str | None = None
    published: dt.date | None = None
    reason: str | None = None
    event_ids: tuple[str, ...] = ()
    events: tuple[NewsEvent, ...] = ()

    def line(self) -> str:
        """One human line: ``queued      2 events  2024-12-17  URL  title``, ``failed     URL: reason`` ..."""
        day = self.published.isoformat() if self.published else "????-??-??"
        if self.outcome is Outcome.QUEUED:
            count = len(self.event_ids)
            events = "no events" if count == 0 else f"{count:>2} event{'s' if count != 1 else ' '}"
            tail = f"  {self.title}" if self.title else ""
            return f"queued     {events:<9}  {day}  {self.url}{tail}"
        if self.outcome is Outcome.FAILED:
            return f"failed     {self.url}: {self.reason}"
        if self.outcome is Outcome.BEFORE_SINCE:
            return f"too old    {day}  {self.url}"
        if self.outcome is Outcome.DUPLICATE:
            return f"duplicate  {self.url} ({self.reason})"
        return f"seen       {self.url}"

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "url": self.url,
            "outcome": self.outcome.value,
            "fetched": self.fetched,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "reason": self.reason,
            "event_ids": list(self.event_ids),
        }


@dataclass(frozen=True)
class FeedFailure:
    """A feed, page or folder that could not be read at all."""

    source: str
    reason: str

    def line(self) -> str:
        return f"feed failed  {self.source}: {self.reason}"


@dataclass(frozen=True)
class WatchResult:
    items: tuple[ItemReport, ...]
    feed_failures: tuple[FeedFailure, ...]
    sources_read: int
    since: dt.date | None = None

    def _count(self, outcome: Outcome) -> int:
        return sum(1 for item in self.items if item.outcome is outcome)

    @property
    def items_seen(self) -> int:
        """Items found in the feeds (and files in folders), whatever happened to them."""
        return len(self.items)

    @property
    def skipped_seen(self) -> int:
        return self._count(Outcome.ALREADY_SEEN)

    @property
    def skipped_duplicate(self) -> int:
        return self._count(Outcome.DUPLICATE)

    @property
    def skipped_by_date(self) -> int:
        return self._count(Outcome.BEFORE_SINCE)

    @property
    def fetched(self) -> int:
        return sum(1 for item in self.items if item.fetched)

    @property
    def failed(self) -> tuple[ItemReport, ...]:
        return tuple(item for item in self.items if item.outcome is Outcome.FAILED)

    @property
    def articles_queued(self) -> int:
        return self._count(Outcome.QUEUED)

    @property
    def events_queued(self) -> int:
        return sum(len(item.event_ids) for item in self.items)

    def summary(self) -> str:
        """One line: ``54 items from 3 sources: 54 fetched, 52 queued with 78 events, ...``."""
        parts = [
            f"{self.fetched} fetched",
            f"{self.articles_queued} queued with {self.events_queued} events",
            f"{self.skipped_seen} already seen",
            f"{self.skipped_duplicate} duplicate",
        ]
        if self.since:
            parts.append(f"{self.skipped_by_date} before {self.since.isoformat()}")
        parts.append(f"{len(self.failed)} failed")
        text = f"{self.items_seen} items from {self.sources_read} sources: " + ", ".join(parts) + "."
        if self.feed_failures:
            count = len(self.feed_failures)
            text += f" {count} feed{'s' if count != 1 else ''} could not be read."
        return text

    def to_json(self) -> dict[str, Any]:
        return {
            "items_seen": self.items_seen,
            "fetched": self.fetched,
            "articles_queued": self.articles_queued,
            "events_queued": self.events_queued,
            "skipped_seen": self.skipped_seen,
            "skipped_duplicate": self.skipped_duplicate,
            "skipped_by_date": self.skipped_by_date,
            "failed": [{"url": i.url, "reason": i.reason} for i in self.failed],
            "feed_failures": [{"source": f.source, "reason": f.reason} for f in self.feed_failures],
        }

    def event_rows(self) -> list[dict[str, Any]]:
        """One JSON object per queued event: its review-queue id, the article URL and the event's fields."""
        rows: list[dict[str, Any]] = []
        for item in self.items:
            for event_id, event in zip(item.event_ids, item.events, strict=True):
                rows.append({"id": event_id, "url": item.url, "source": item.source, **event.to_json()})
        return rows


@dataclass(frozen=True)
class _Work:
    """An item to handle: a feed entry, a page already downloaded, or a saved article file."""

    source: str
    url: str
    item: FeedItem | None = None
    page: Fetched | None = None
    path: Path | None = None
    language: str | None = None


@dataclass
class _Plan:
    works: list[_Work] = field(default_factory=list)
    failures: list[FeedFailure] = field(default_factory=list)
    sources_read: int = 0


def _feed_works(
    body: bytes,
    kind: FeedKind,
    location: str,
    base_url: str | None,
    source: FeedSource | None,
    plan: _Plan,
    page: Fetched | None = None,
) -> None:
    """Items of one feed body (or the page itself for kind ``html``) appended to ``plan``."""
    label = source.id if source else location
    language = source.language if source else None
    if kind is FeedKind.HTML:
        if page is None:
            raise InputError("an HTML page is an article, not a feed", location=location)
        plan.works.append(_Work(source=label, url=page.url, page=page, language=language))
        plan.sources_read += 1
        return
    items = parse_items(body, kind, location, base_url)
    plan.sources_read += 1
    for item in items:
        if source is None or source.keeps(item):
            plan.works.append(_Work(source=label, url=item.url, item=item, language=language))


def _plan_url(url: str, source: FeedSource | None, plan: _Plan, timeout: float, max_bytes: int) -> None:
    label = source.id if source else url
    try:
        response = fetch(url, timeout=timeout, max_bytes=max_bytes)
    except FetchError as exc:
        plan.failures.append(FeedFailure(label, exc.reason))
        return
    kind = source.kind if source else sniff_kind(response.body, response.content_type)
    try:
        _feed_works(response.body, kind, url, response.url, source, plan, page=response)
    except InputError as exc:
        plan.failures.append(FeedFailure(label, exc.message))


def _plan_file(path: Path, plan: _Plan, max_bytes: int) -> None:
    location = str(path)
    if path.suffix.lower() in ARTICLE_SUFFIXES:
        plan.works.append(_Work(source=location, url=path.resolve().as_uri(), path=path))
        return
    try:
        if path.stat().st_size > max_bytes:
            plan.failures.append(FeedFailure(location, f"file is larger than {max_bytes:,} bytes"))
            return
        body = path.read_bytes()
    except OSError as exc:
        plan.failures.append(FeedFailure(location, f"cannot read file: {exc.strerror}"))
        return
    kind = sniff_kind(body)
    if kind is FeedKind.HTML:
        # A saved page with another suffix: an article like any .html file.
        plan.works.append(_Work(source=location, url=path.resolve().as_uri(), path=path))
        return
    try:
        _feed_works(body, kind, location, None, None, plan)
    except InputError as exc:
        plan.failures.append(FeedFailure(location, exc.message))


def _plan(inputs: Iterable[WatchInput], timeout: float, max_bytes: int) -> _Plan:
    plan = _Plan()
    for value in inputs:
        if isinstance(value, FeedSource):
            _plan_url(value.url, value, plan, timeout, max_bytes)
            continue
        text = str(value)
        if isinstance(value, str) and "://" in text:
            _plan_url(text, None, plan, timeout, max_bytes)
            continue
        path = Path(text)
        if path.is_dir():
            files = sorted(
                p
                for p in path.iterdir()
                if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES + FEED_SUFFIXES
            )
            if not files:
                plan.failures.append(
                    FeedFailure(text, "no articles (.txt, .html) or feeds (.xml, .json) in folder")
                )
                continue
            plan.sources_read += 1
            for file in files:
                _plan_file(file, plan, max_bytes)
        elif path.is_file():
            if path.suffix.lower() in ARTICLE_SUFFIXES:
                plan.sources_read += 1
            _plan_file(path, plan, max_bytes)
        else:
            plan.failures.append(FeedFailure(text, "no such file or folder"))
    return plan


def page_date(html: str, url: str | None = None) -> dt.date | None:
    """The page's own publication date found by htmldate (metadata and markup only, no guessing from text)."""
    from htmldate import find_date

    try:
        found = find_date(html, url=url, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except (ValueError, TypeError):
        return None
    if not found:
        return None
    try:
        return dt.date.fromisoformat(found)
    except ValueError:
        return None


# --- what earlier runs handled (table news_seen, migration 0007) ------------------------------------
# An item is recorded only when its page was read and handled (queued, or found to repeat a known
# text); failures and items skipped by date are not, so a later run tries them again.


def normalise_url(url: str) -> str:
    """The URL without its fragment, with scheme and host in lower case (they are case-insensitive)."""
    parts = urllib.parse.urlsplit(url.strip())
    return urllib.parse.urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, "")
    )


def url_key(url: str) -> str:
    return hashlib.sha256(normalise_url(url).encode("utf-8")).hexdigest()


class SeenLedger:
    """Look-ups and records of seen items in one database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def url_seen(self, url: str) -> bool:
        with self.db.reading() as conn:
            row = conn.execute(
                sa.select(t.news_seen.c.url_hash).where(t.news_seen.c.url_hash == url_key(url))
            )
            return row.first() is not None

    def content_of(self, url: str) -> str | None:
        """The content hash recorded for ``url`` by the last run that read it."""
        with self.db.reading() as conn:
            return conn.execute(
                sa.select(t.news_seen.c.content_hash).where(t.news_seen.c.url_hash == url_key(url))
            ).scalar()

    def content_seen(self, content_hash: str) -> bool:
        """True when a watch saw this cleaned text, or it is already in the review queue by any route."""
        with self.db.reading() as conn:
            seen = conn.execute(
                sa.select(t.news_seen.c.url_hash).where(t.news_seen.c.content_hash == content_hash).limit(1)
            ).first()
            if seen is not None:
                return True
            queued = conn.execute(
                sa.select(t.news_articles.c.id).where(t.news_articles.c.id == content_hash)
            ).first()
            return queued is not None

    def record(
        self, url: str, content_hash: str, source: str, published: dt.date | None, events: int
    ) -> None:
        """Remember ``url`` (replacing an earlier record of it: a watched page may change)."""
        key = url_key(url)
        row = {
            "url_hash": key,
            "url": normalise_url(url),
            "content_hash": content_hash,
            "source": source,
            "published": published.isoformat() if published else None,
            "seen_at": dt.datetime.now(dt.UTC).isoformat(),
            "events": events,
        }
        with self.db.writing() as conn, conn.begin():
            conn.execute(t.news_seen.delete().where(t.news_seen.c.url_hash == key))
            conn.execute(t.news_seen.insert(), row)


class _Watcher:
    def __init__(
        self, registry: Registry, index: NameIndex, since: dt.date | None, timeout: float, max_bytes: int
    ):
        self.queue = ReviewQueue(registry)
        self.ledger = SeenLedger(registry.db)
        self.index = index
        self.since = since
        self.timeout = timeout
        self.max_bytes = max_bytes

    def _too_old(self, day: dt.date | None) -> bool:
        return self.since is not None and day is not None and day < self.since

    def handle(self, work: _Work) -> ItemReport:
        if work.path is not None:
            return self._file(work)
        return self._page(work)

    def _file(self, work: _Work) -> ItemReport:
        assert work.path is not None
        if self.ledger.url_seen(work.url):
            return ItemReport(work.source, work.url, Outcome.ALREADY_SEEN)
        try:
            article = read_article_file(work.path)
        except InputError as exc:
            return ItemReport(work.source, work.url, Outcome.FAILED, fetched=True, reason=exc.message)
        return self._queue(work, article)

    def _page(self, work: _Work) -> ItemReport:
        item = work.item
        title = item.title if item else None
        if item is not None:
            if self._too_old(item.newest_date):
                return ItemReport(
                    work.source, work.url, Outcome.BEFORE_SINCE, title=title, published=item.newest_date
                )
            if self.ledger.url_seen(work.url):
                return ItemReport(work.source, work.url, Outcome.ALREADY_SEEN, title=title)
        try:
            page = work.page or fetch(work.url, timeout=self.timeout, max_bytes=self.max_bytes)
        except FetchError as exc:
            return ItemReport(work.source, work.url, Outcome.FAILED, title=title, reason=exc.reason)
        if page.content_type not in _PAGE_TYPES:
            return ItemReport(
                work.source, work.url, Outcome.FAILED, fetched=True, title=title,
                reason=f"not an HTML or text page ({page.content_type})",
            )  # fmt: skip
        raw = decode_body(page.body, page.charset)
        own_date = page_date(raw, page.url) if page.content_type != "text/plain" else None
        published = own_date or (item.published if item else None)
        try:
            article = parse_article(raw, work.url, published=published, url=work.url, language=work.language)
        except InputError as exc:
            return ItemReport(
                work.source, work.url, Outcome.FAILED, fetched=True, title=title, reason=exc.message
            )
        return self._queue(work, article)

    def _queue(self, work: _Work, article: Article) -> ItemReport:
        title = article.title or (work.item.title if work.item else None)
        if self._too_old(article.published):
            return ItemReport(
                work.source,
                work.url,
                Outcome.BEFORE_SINCE,
                fetched=True,
                title=title,
                published=article.published,
            )
        content_hash = article.document_hash
        if self.ledger.content_seen(content_hash):
            unchanged = self.ledger.content_of(work.url) == content_hash
            self.ledger.record(work.url, content_hash, work.source, article.published, 0)
            reason = "unchanged since the last run" if unchanged else "same text as an item seen before"
            return ItemReport(
                work.source, work.url, Outcome.DUPLICATE, fetched=True, title=title,
                published=article.published, reason=reason,
            )  # fmt: skip
        events = extract_events(article, self.index)
        ids = self.queue.add(article, events)
        self.ledger.record(work.url, content_hash, work.source, article.published, len(ids))
        return ItemReport(
            work.source, work.url, Outcome.QUEUED, fetched=True, title=title, published=article.published,
            event_ids=tuple(ids), events=tuple(events),
        )  # fmt: skip


def watch(
    registry: Registry,
    inputs: Sequence[WatchInput],
    *,
    since: dt.date | None = None,
    progress: ProgressCallback | None = None,
    timeout: float = DEFAULT_TIMEOUT_S,
    max_bytes: int = MAX_ARTICLE_BYTES,
) -> WatchResult:
    """Read feeds, pages and folders; queue the events of new items for review; report every item.

    ``inputs``: feed or page URLs (RSS, Atom, Federal Register API JSON, or an HTML page that is
    itself the item), files or folders of saved articles (``.txt``/``.html``, with an optional
    ``index.jsonl``) and saved feeds (``.xml``/``.rss``/``.atom``/``.json``), or
    :class:`FeedSource` entries (:func:`proscribe.news.feeds.load_sources`).
    ``progress(done, total)`` is called once before the first item and after each.
    Network and parsing problems are reported in the result, never raised.
    """
    plan = _plan(inputs, timeout, max_bytes)
    watcher = _Watcher(registry, name_index(registry.entities.all()), since, timeout, max_bytes)
    total = len(plan.works)
    if progress:
        progress(0, total)
    reports: list[ItemReport] = []
    for done, work in enumerate(plan.works, start=1):
        reports.append(watcher.handle(work))
        if progress:
            progress(done, total)
    return WatchResult(tuple(reports), tuple(plan.failures), plan.sources_read, since)
