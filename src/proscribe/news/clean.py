"""Reading articles: plain text or HTML in, clean article text and its metadata out.

Boilerplate (navigation, "Advertisement · Scroll to continue", "READ ALSO: ...", subscription
blurbs, share bars, footnote markers of banned-organisation disclaimers) is removed line by line
for both kinds of input; HTML first goes through trafilatura's main-content extraction. Evidence
quotes are substrings of the *cleaned* text, and its sha256 identifies the article when no URL is
known.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from proscribe.dates import PartialDate
from proscribe.errors import InputError

# Articles are a few kilobytes; anything this large is not an article.
MAX_ARTICLE_BYTES = 5 * 1024 * 1024

_BOILERPLATE = re.compile(
    r"""^(?:
      advertisement.*|.*scroll\s+to\s+continue.*|read\s+(?:also|more)\b.*|related(?:\s+news|\s+to\s+the\s+topic)?:?|
      more\s+news|more\s+to\s+come.*|editors'?\s+picks|printable\s+version|select\s+page|copy\s+link|share(?:\s+this)?:?|
      \d+\s+min(?:ute)?\s+read|subscribe\b.*|join\s+us\s+today.*|and\s+you\s+get\s+a\s+free.*|sign\s+up\b.*|
      visit\s+our\b.*|follow\s+(?:us|our)\b.*|copyright\b.*|©.*|all\s+rights\s+reserved.*|download\s+our\s+app.*|
      for\s+more\s+news\s+your\s+way.*|the\s+original\s+announcement\s+can\s+be\s+found\s+here\.?|
      dmca|werbung|anzeige|lesen\s+sie\s+auch\b.*|mehr\s+zum\s+thema\b.*|jetzt\s+artikel\s+weiterlesen.*|
      wenig\s+zeit\?.*|bitte\s+warten\s+sie.*|реклама|читайте\s+также\b.*|подписывайтесь\b.*|источник(?:\s+и\s+фото)?\s*[-—:].*|
      \*.*|\d+\s*px|.*\|\|.*|topics?:.*|tags?:.*|photo:.*|foto:.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_SPACES = re.compile(r"[ \t\u00a0]+")
# Boilerplate lines are short; a long line is a paragraph (or a whole article on one line) and is kept
# even when it mentions "Advertisement" or "Subscribe" somewhere.
MAX_BOILERPLATE_LINE = 300


@dataclass(frozen=True)
class Article:
    """A cleaned article: its text, where it comes from and when it was published."""

    name: str
    text: str
    published: dt.date
    url: str | None = None
    title: str | None = None
    language: str | None = None

    @property
    def document_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def clean_text(text: str) -> str:
    """Drop boilerplate lines and repeated lines; keep paragraphs as single lines."""
    kept: list[str] = []
    seen: set[str] = set()
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _SPACES.sub(" ", raw).strip()
        if not line or (len(line) <= MAX_BOILERPLATE_LINE and _BOILERPLATE.match(line)):
            continue
        # A headline repeated in the body (common in scraped pages) is said once.
        key = line.casefold()
        if key in seen:
            continue
        seen.add(key)
        kept.append(line)
    return "\n\n".join(kept) + ("\n" if kept else "")


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith("<!doctype html") or "<html" in head or ("<body" in head) or ("<p>" in head)


def _from_html(html: str, location: str) -> tuple[str, str | None, str | None, dt.date | None]:
    import trafilatura  # type: ignore[import-untyped,unused-ignore]

    try:
        document = trafilatura.bare_extraction(
            html, output_format="python", with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura raises assorted parser errors on broken markup
        raise InputError(f"malformed HTML ({type(exc).__name__})", location=location) from None
    if document is None:
        raise InputError("malformed HTML: no article text found", location=location)
    text = getattr(document, "text", None) or ""
    if not text.strip():
        raise InputError("malformed HTML: no article text found", location=location)
    title = getattr(document, "title", None)
    url = getattr(document, "url", None)
    published: dt.date | None = None
    raw_date = getattr(document, "date", None)
    if raw_date:
        try:
            parsed = PartialDate.parse(str(raw_date)[:10])
            published = parsed.earliest if parsed.is_day else None
        except ValueError:
            published = None
    body = f"{title}\n\n{text}" if title and not text.startswith(title) else text
    return body, title, url, published


_DATELINE = re.compile(
    r"\b(?P<year>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b|\b(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>(?:19|20)\d\d)\b"
)


def _dateline(text: str) -> dt.date | None:
    """A full date in the first lines (a dateline or byline), when the page states one."""
    for line in text.split("\n")[:6]:
        match = _DATELINE.search(line)
        if match:
            try:
                if match["year"]:
                    return dt.date(int(match["year"]), int(match["m"]), int(match["d"]))
                return dt.date(int(match["y2"]), int(match["m2"]), int(match["d2"]))
            except ValueError:
                continue
    return None


def parse_article(
    raw: str,
    name: str,
    published: dt.date | None = None,
    url: str | None = None,
    language: str | None = None,
) -> Article:
    """Clean ``raw`` (text or HTML); the publication date is ``published``, the page's, or its dateline."""
    if len(raw.encode("utf-8")) > MAX_ARTICLE_BYTES:
        raise InputError(f"article is larger than {MAX_ARTICLE_BYTES:,} bytes", location=name)
    title: str | None = None
    page_date: dt.date | None = None
    if looks_like_html(raw):
        raw, title, page_url, page_date = _from_html(raw, name)
        url = url or page_url
    text = clean_text(raw)
    if not text.strip():
        raise InputError("the article has no text after boilerplate removal", location=name)
    if title is None:
        first = text.split("\n", 1)[0]
        title = first if len(first) < 160 and not first.endswith(".") else None
    when = published or page_date or _dateline(text)
    if when is None:
        raise InputError("no publication date given or found in the page; pass --published", location=name)
    return Article(name=name, text=text, published=when, url=url, title=title, language=language)


def _sidecar(path: Path) -> dict[str, object]:
    """Metadata for a file from an ``index.jsonl`` beside it (published, url, language), if any."""
    index = path.parent / "index.jsonl"
    if not index.is_file():
        return {}
    for number, line in enumerate(index.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            raise InputError("malformed JSON line", location=f"{index}:{number}") from None
        if isinstance(row, dict) and row.get("file") == path.name:
            return row
    return {}


def read_article_file(path: Path, published: dt.date | None = None) -> Article:
    """Read one article file (UTF-8 text or HTML); errors name the file."""
    location = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", location=location) from None
    if size > MAX_ARTICLE_BYTES:
        raise InputError(f"file is {size:,} bytes; the limit is {MAX_ARTICLE_BYTES:,}", location=location)
    try:
        raw = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", location=location) from None
    meta = _sidecar(path)
    when = published
    if when is None and isinstance(meta.get("published"), str):
        when = dt.date.fromisoformat(str(meta["published"]))
    url = meta.get("url") if isinstance(meta.get("url"), str) else None
    language = meta.get("language") if isinstance(meta.get("language"), str) else None
    return parse_article(raw, location, when, url, language)  # type: ignore[arg-type]


def article_paths(inputs: list[Path]) -> list[Path]:
    """Files named, plus the ``.txt``/``.html``/``.htm`` files of folders named (sorted)."""
    paths: list[Path] = []
    for item in inputs:
        if item.is_dir():
            paths.extend(sorted(p for p in item.iterdir() if p.suffix.lower() in (".txt", ".html", ".htm")))
        else:
            paths.append(item)
    return paths
