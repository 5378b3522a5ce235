"""The news watch against a real HTTP server on 127.0.0.1, on both backends.

The site serves an RSS feed of 50 pages, an Atom feed and a Federal Register API answer, all
built from the real development articles in ``tests/data/news/dev`` (their text as the HTML
body, their publication date in a meta tag and in the feeds). Requests are counted on the
server, so "fetched once" is what the server saw, not what the code says it did.
"""

from __future__ import annotations

import datetime as dt
import html
import importlib.util
import json
import re
import shutil
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from proscribe import Registry
from proscribe.download import FetchError, fetch
from proscribe.errors import InputError
from proscribe.news.feeds import FeedKind, load_sources, parse_federal_register
from proscribe.news.review import ReviewQueue
from proscribe.news.watch import Outcome, watch

DEV = Path(__file__).parent / "data" / "news" / "dev"
INDEX = {row["file"]: row for row in map(json.loads, (DEV / "index.jsonl").read_text().splitlines()) if row}
ATOM_FILES = ("2024-12-02_ca_ansarallah_listed_newswire.txt", "2024-12-03_ca_houthis_listed_cp24.txt")
FEDERAL_REGISTER_FILES = ("2025-02-19_us_cartels_fto_vozus.txt", "2025-07-07_us_hts_revoked_upi.txt")
RSS_FILES = tuple(
    sorted(p.name for p in DEV.glob("*.txt") if p.name not in ATOM_FILES + FEDERAL_REGISTER_FILES)
)
HTS_CANADA = "2025-12-05_ca_hts_removed_globalnews.txt"

requires_feedparser = pytest.mark.skipif(
    importlib.util.find_spec("feedparser") is None,
    reason="feedparser is not installed (a runtime dependency: pip install feedparser==6.0.14)",
)


def published(name: str) -> dt.date:
    return dt.date.fromisoformat(INDEX[name]["published"])


def article_page(name: str) -> bytes:
    """The dev article as a news page: headline, paragraphs, navigation and a dated meta tag."""
    paragraphs = [p.strip() for p in (DEV / name).read_text(encoding="utf-8").split("\n\n") if p.strip()]
    headline = paragraphs[0] if len(paragraphs[0]) < 160 and not paragraphs[0].endswith(".") else None
    body = paragraphs[1:] if headline else paragraphs
    title = html.escape(headline or Path(name).stem)
    return (
        f'<!DOCTYPE html><html lang="{INDEX[name]["language"]}"><head><meta charset="utf-8">'
        f"<title>{title}</title>"
        f'<meta property="article:published_time" content="{published(name)}T09:00:00+00:00"></head>'
        f'<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>{title}</h1>'
        + "".join(f"<p>{html.escape(p)}</p>" for p in body)
        + "</article><footer>Test newsroom</footer></body></html>"
    ).encode()


def page_path(name: str) -> str:
    return f"/news/{Path(name).stem}.html"


@dataclass
class Site:
    """Pages by path, and how often each was requested."""

    base: str = ""
    pages: dict[str, tuple[int, str, bytes]] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    delays: dict[str, float] = field(default_factory=dict)  # seconds to wait before answering
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return self.base + path

    def serve(
        self, path: str, body: bytes, content_type: str = "text/html; charset=utf-8", status: int = 200
    ) -> str:
        self.pages[path] = (status, content_type, body)
        return self.url(path)

    def page_hits(self) -> int:
        return sum(n for path, n in self.hits.items() if path.startswith("/news/"))


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with state.lock:
                state.hits[self.path] += 1
            status, content_type, body = state.pages.get(self.path, (404, "text/plain", b"not found"))
            time.sleep(state.delays.get(self.path, 0.0))
            self.send_response(status)
            if status in (301, 302):
                self.send_header("Location", body.decode())
                body = b""
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # keep pytest output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()
    thread.join()


def rss(site: Site, entries: list[tuple[str, str, dt.date]]) -> bytes:
    """An RSS 2.0 document of (title, link, date) entries."""
    items = "".join(
        f"<item><title>{html.escape(title)}</title><link>{html.escape(link)}</link>"
        f"<guid>{html.escape(link)}</guid>"
        f"<pubDate>{format_datetime(dt.datetime.combine(day, dt.time(9), dt.UTC))}</pubDate></item>"
        for title, link, day in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test newsroom</title>'
        f"<link>{site.base}/</link><description>News</description>{items}</channel></rss>"
    ).encode()


def serve_dev_site(site: Site) -> tuple[str, str, str]:
    """The three feeds over the 54 dev articles: RSS (50), Atom (2), Federal Register JSON (2)."""
    for name in [*RSS_FILES, *ATOM_FILES, *FEDERAL_REGISTER_FILES]:
        site.serve(page_path(name), article_page(name))
    assert len(RSS_FILES) == 50
    rss_url = site.serve(
        "/feeds/news.rss",
        rss(site, [(Path(n).stem, site.url(page_path(n)), published(n)) for n in RSS_FILES]),
        "application/rss+xml",
    )
    entries = "".join(
        f"<entry><title>{Path(n).stem}</title><id>urn:test:{Path(n).stem}</id>"
        f'<link rel="alternate" href="{page_path(n)}"/>'
        f"<published>{published(n)}T09:00:00Z</published><updated>{published(n)}T09:00:00Z</updated></entry>"
        for n in ATOM_FILES
    )
    atom_url = site.serve(
        "/feeds/canada.atom",
        (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Canada</title><id>urn:test:canada</id><updated>2024-12-03T09:00:00Z</updated>"
            f'<link rel="self" href="{site.base}/feeds/canada.atom"/>{entries}</feed>'
        ).encode(),
        "application/atom+xml",
    )
    documents = [
        {
            "document_number": f"2025-{number:05d}",
            "title": Path(n).stem,
            "type": "Notice",
            "abstract": None,
            "publication_date": published(n).isoformat(),
            "html_url": site.url(page_path(n)),
        }
        for number, n in enumerate(FEDERAL_REGISTER_FILES, start=1)
    ]
    federal_url = site.serve(
        "/api/v1/documents.json?conditions%5Bagencies%5D%5B%5D=state-department",
        json.dumps({"count": len(documents), "total_pages": 1, "results": documents}).encode(),
        "application/json; charset=utf-8",
    )
    return rss_url, atom_url, federal_url


def journal_size(registry: Registry) -> int:
    return registry.verify().chain.acts_checked


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@requires_feedparser
def test_each_item_is_fetched_once_and_queued_for_review_only(registry: Registry, site: Site) -> None:
    registry.load_bundled()
    before = journal_size(registry)
    feeds = serve_dev_site(site)
    calls: list[tuple[int, int]] = []

    first = watch(registry, feeds, progress=lambda done, total: calls.append((done, total)))

    assert first.feed_failures == ()
    assert (first.sources_read, first.items_seen, first.fetched) == (3, 54, 54)
    assert all(n == 1 for path, n in site.hits.items() if path.startswith("/news/"))
    assert site.page_hits() == 54
    assert first.failed == () and first.skipped_seen == 0
    assert calls[0] == (0, 54) and calls[-1] == (54, 54) and len(calls) == 55
    # The feeds' pages carry the dev texts, so the extractor finds the dev events in them.
    queue = ReviewQueue(registry)
    pending = queue.list()
    assert first.events_queued == len(pending) >= 60
    assert first.articles_queued + first.skipped_duplicate == 54
    assert journal_size(registry) == before, "nothing enters the journal before review"

    hts = next(i for i in first.items if i.url == site.url(page_path(HTS_CANADA)))
    assert (hts.outcome, hts.published) == (Outcome.QUEUED, dt.date(2025, 12, 5))
    (event_id,) = hts.event_ids
    act = queue.accept(event_id, reviewer="alice", retrieved=dt.date(2026, 12, 4))
    assert (act.jurisdiction, act.action.value, act.entities) == ("CA", "delisted", ["hayat-tahrir-al-sham"])
    assert act.sources[0].url == site.url(page_path(HTS_CANADA))
    assert journal_size(registry) == before + 1

    rows = first.event_rows()
    assert len(rows) == first.events_queued
    assert {row["url"] for row in rows} <= {site.url(page_path(n)) for n in INDEX}
    assert all(re.fullmatch(r"[0-9a-f]{12}-\d+", row["id"]) and row["evidence_quote"] for row in rows)

    second = watch(registry, feeds)
    assert site.page_hits() == 54, "no page is fetched again"
    assert (second.items_seen, second.skipped_seen, second.fetched, second.events_queued) == (54, 54, 0, 0)
    assert len(queue.list()) == len(pending) - 1
    assert "54 items from 3 sources: 0 fetched, 0 queued with 0 events, 54 already seen" in second.summary()


@requires_feedparser
def test_since_skips_older_items_without_fetching_them(registry: Registry, site: Site) -> None:
    rss_url, atom_url, federal_url = serve_dev_site(site)
    since = dt.date(2025, 1, 1)
    older = {n for n in INDEX if published(n) < since}

    result = watch(registry, [rss_url, atom_url, federal_url], since=since)

    assert result.skipped_by_date == len(older) > 0
    assert {i.url for i in result.items if i.outcome is Outcome.BEFORE_SINCE} == {
        site.url(page_path(n)) for n in older
    }
    assert not any(site.hits[page_path(n)] for n in older), "items before --since are not fetched"
    assert result.fetched == 54 - len(older)
    assert f"{len(older)} before 2025-01-01" in result.summary()

    # Without --since the older items are new: they were not remembered as seen.
    later = watch(registry, [rss_url, atom_url, federal_url])
    assert later.fetched == len(older) and later.skipped_seen == 54 - len(older)


@requires_feedparser
def test_a_missing_page_and_an_unreachable_feed_do_not_stop_the_run(registry: Registry, site: Site) -> None:
    good = site.serve(page_path(HTS_CANADA), article_page(HTS_CANADA))
    feed = site.serve(
        "/feeds/mixed.rss",
        rss(
            site,
            [
                ("gone", site.url("/news/removed-story.html"), dt.date(2025, 12, 4)),
                ("redirected to ftp", site.url("/news/moved.html"), dt.date(2025, 12, 4)),
                ("HTS", good, published(HTS_CANADA)),
            ],
        ),
        "application/rss+xml",
    )
    site.serve("/news/moved.html", b"ftp://example.org/story.html", status=302)
    unreachable = f"http://127.0.0.1:{closed_port()}/feed.xml"

    result = watch(registry, [unreachable, feed, "ftp://example.org/feed.xml", "/no/such/folder"])

    reasons = {f.source: f.reason for f in result.feed_failures}
    assert reasons[unreachable].startswith("cannot connect")
    assert reasons["ftp://example.org/feed.xml"] == "only http and https URLs are fetched, not 'ftp'"
    assert reasons["/no/such/folder"] == "no such file or folder"
    failed = {i.url: i.reason for i in result.failed}
    assert failed[site.url("/news/removed-story.html")] == "HTTP 404 Not Found"
    assert "only http and https" in str(failed[site.url("/news/moved.html")])
    assert [i.outcome for i in result.items if i.url == good] == [Outcome.QUEUED]
    assert "1 queued with 1 events" in result.summary() and "3 feeds could not be read" in result.summary()
    lines = [i.line() for i in result.items] + [f.line() for f in result.feed_failures]
    assert f"failed     {site.url('/news/removed-story.html')}: HTTP 404 Not Found" in lines
    assert any(line.startswith(f"feed failed  {unreachable}: cannot connect") for line in lines)
    assert any(line.startswith(f"queued      1 event   2025-12-05  {good}") for line in lines)

    # Failures are tried again next time; the queued item is not fetched again.
    again = watch(registry, [feed])
    assert site.hits["/news/removed-story.html"] == 2 and site.hits[page_path(HTS_CANADA)] == 1
    assert len(again.failed) == 2 and again.skipped_seen == 1


@requires_feedparser
def test_the_same_text_at_two_urls_is_queued_once(registry: Registry, site: Site) -> None:
    page = article_page(HTS_CANADA)
    first_url = site.serve("/news/hts.html", page)
    copy_url = site.serve("/news/syndicated/hts-copy.html?utm_source=feed", page)
    day = published(HTS_CANADA)
    feed = site.serve(
        "/feeds/dup.rss", rss(site, [("a", first_url, day), ("b", copy_url, day)]), "application/rss+xml"
    )

    result = watch(registry, [feed])

    assert [i.outcome for i in result.items] == [Outcome.QUEUED, Outcome.DUPLICATE]
    assert result.items[1].reason == "same text as an item seen before"
    assert result.events_queued == 1 and len(ReviewQueue(registry).list()) == 1
    assert site.hits["/news/hts.html"] == site.hits["/news/syndicated/hts-copy.html?utm_source=feed"] == 1
    again = watch(registry, [feed])
    assert again.skipped_seen == 2 and site.page_hits() == 2


def test_a_watched_page_is_queued_again_only_when_its_text_changes(registry: Registry, site: Site) -> None:
    url = site.serve("/news/list.html", article_page(HTS_CANADA))
    first = watch(registry, [url])
    assert [i.outcome for i in first.items] == [Outcome.QUEUED]
    unchanged = watch(registry, [url])
    assert [(i.outcome, i.reason) for i in unchanged.items] == [
        (Outcome.DUPLICATE, "unchanged since the last run")
    ]
    site.serve("/news/list.html", article_page("2025-12-06_ca_hts_removed_anews.txt"))
    changed = watch(registry, [url])
    assert [i.outcome for i in changed.items] == [Outcome.QUEUED]
    assert site.hits["/news/list.html"] == 3


def test_federal_register_answer_is_a_feed(registry: Registry, site: Site) -> None:
    _, _, federal_url = serve_dev_site(site)
    result = watch(registry, [federal_url])
    assert [(i.outcome, i.published) for i in result.items] == [
        (Outcome.QUEUED, published(n)) for n in FEDERAL_REGISTER_FILES
    ]
    assert result.events_queued >= 2
    assert parse_federal_register(b'{"count": 0, "description": "none"}', "fr.json") == []
    with pytest.raises(InputError, match="not a Federal Register API answer"):
        parse_federal_register(b'{"errors": ["bad"]}', "fr.json")
    with pytest.raises(InputError, match=r"results\[0\].publication_date: '2025-13-01' is not a date"):
        parse_federal_register(
            b'{"results": [{"html_url": "https://x.example/a", "publication_date": "2025-13-01"}]}', "fr.json"
        )


def test_folders_of_saved_articles(registry: Registry, tmp_path: Path) -> None:
    names = [HTS_CANADA, "2024-12-17_ru_duma_taliban_bill_a.txt", "2010-02-08_ru_imarat_kavkaz_trud.txt"]
    for name in names:
        shutil.copy(DEV / name, tmp_path / name)
    (tmp_path / "index.jsonl").write_text("\n".join(json.dumps(INDEX[n]) for n in names) + "\n")

    result = watch(registry, [tmp_path], since=dt.date(2011, 1, 1))

    assert result.sources_read == 1
    outcomes = {Path(i.url).name: i.outcome for i in result.items}
    assert outcomes == {
        HTS_CANADA: Outcome.QUEUED,
        "2024-12-17_ru_duma_taliban_bill_a.txt": Outcome.QUEUED,
        "2010-02-08_ru_imarat_kavkaz_trud.txt": Outcome.BEFORE_SINCE,
    }
    queued = ReviewQueue(registry).list()
    assert {q.event["file"] for q in queued} == {str(tmp_path / n) for n in names[:2]}
    again = watch(registry, [tmp_path])
    assert [i.outcome for i in again.items].count(Outcome.ALREADY_SEEN) == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    assert watch(registry, [empty]).feed_failures[0].reason.startswith("no articles")


def test_a_slow_server_times_out_as_one_failed_item(registry: Registry, site: Site) -> None:
    site.serve("/news/slow.html", article_page(HTS_CANADA))
    site.delays["/news/slow.html"] = 2.0
    result = watch(registry, [site.url("/news/slow.html")], timeout=0.3)
    assert [(f.source, f.reason) for f in result.feed_failures] == [
        (site.url("/news/slow.html"), "timed out after 0.3 s")
    ]


def test_fetch_is_limited_to_http_with_a_size_cap(site: Site) -> None:
    url = site.serve("/big.html", b"<html><body>" + b"x" * 5000 + b"</body></html>")
    assert fetch(url).body.endswith(b"</html>")
    with pytest.raises(FetchError, match=r"the response is [\d,]+ bytes; the limit is 1,000$"):
        fetch(url, max_bytes=1000)
    with pytest.raises(FetchError, match="only http and https URLs are fetched, not 'file'"):
        fetch("file:///etc/passwd")


def test_shipped_sources_are_well_formed(tmp_path: Path) -> None:
    sources = load_sources()
    assert {s.kind for s in sources} == set(FeedKind)
    assert {s.jurisdiction for s in sources} >= {"GB", "US", "UN", "CA", "RU"}
    for source in sources:
        assert source.url.startswith(("https://", "http://")), source.id
        assert source.note and source.verified, source.id
    un = next(s for s in sources if s.id == "un-press-security-council")
    assert un.link_pattern is not None
    bad = tmp_path / "feeds.yaml"
    bad.write_text("sources:\n  - {id: x, name: X, url: 'https://x.example', kind: podcast}\n")
    with pytest.raises(InputError, match=r"sources\[0\]: unknown kind 'podcast'"):
        load_sources(bad)
