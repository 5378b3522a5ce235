"""Downloading politely: http(s) only, a timeout, a size cap and a User-Agent naming proscribe.

Used by the news monitor (feeds and pages) and by ``proscribe fetch`` (official list files).

The standard library's ``urllib.request`` is enough here and keeps the HTTP client out of the
runtime dependencies. Every failure becomes a :class:`FetchError` with a one-line reason
("HTTP 404 Not Found", "timed out after 20 s"): one bad item never stops a watch run, and an
offline machine gets a clear error, not a traceback.
"""

from __future__ import annotations

import http.client
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

from proscribe import __version__

USER_AGENT = f"proscribe/{__version__} (designation registry; Python urllib)"
# News pages and feeds are small; official list files are larger and pass their own limit.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_TIMEOUT_S = 20.0
ALLOWED_SCHEMES = ("http", "https")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


class FetchError(Exception):
    """A page or feed that could not be fetched; ``reason`` is one line for the user."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = reason
        super().__init__(f"{url}: {reason}")


@dataclass(frozen=True)
class Fetched:
    """A response body with where it finally came from (after redirects) and its media type."""

    url: str
    body: bytes
    content_type: str
    charset: str | None = None


def decode_body(body: bytes, charset: str | None = None) -> str:
    candidates = [charset] if charset else []
    meta = _META_CHARSET.search(body[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii", "replace"))
    for candidate in [*candidates, "utf-8"]:
        try:
            return body.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    # Latin-1 decodes every byte: a mis-declared page still yields text rather than an error.
    return body.decode("latin-1")


def check_url(url: str) -> str:
    """``url`` if it is an absolute http(s) URL; otherwise a :class:`FetchError` naming the problem."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise FetchError(url, f"only http and https URLs are fetched, not '{parts.scheme or 'no scheme'}'")
    if not parts.hostname:
        raise FetchError(url, "the URL names no host")
    return url


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s): urllib would otherwise follow one to ftp://."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        check_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_HttpOnlyRedirects())


_CHUNK = 64 * 1024


def _read_body(
    response: IO[bytes],
    url: str,
    timeout: float,
    max_bytes: int,
    progress: Callable[[int, int | None], None] | None = None,
    total: int | None = None,
) -> bytes:
    """The body in chunks, within ``timeout`` seconds in all: the socket timeout alone bounds each
    read, so a server trickling a byte at a time could otherwise hold a run for hours."""
    deadline = time.monotonic() + timeout
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(url, f"the response is larger than {max_bytes:,} bytes")
        if time.monotonic() > deadline:
            raise FetchError(url, f"timed out after {timeout:g} s")
        chunks.append(chunk)
        if progress:
            progress(size, total)
    return b"".join(chunks)


def fetch(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT_S,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[int, int | None], None] | None = None,
) -> Fetched:
    """GET ``url``; raise :class:`FetchError` for a bad scheme, an HTTP error, a timeout or a body over ``max_bytes``.

    ``progress(bytes read, total or None)`` is called after each chunk.
    """
    check_url(url)
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "application/atom+xml, application/rss+xml, application/json, text/html;q=0.9, */*;q=0.5",
        },
    )
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(url, f"the response is {int(declared):,} bytes; the limit is {max_bytes:,}")
            total = int(declared) if declared and declared.isdigit() else None
            body = _read_body(response, url, timeout, max_bytes, progress, total)
            return Fetched(
                url=response.geturl() or url,
                body=body,
                content_type=response.headers.get_content_type(),
                charset=response.headers.get_content_charset(),
            )
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        raise FetchError(url, f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise FetchError(url, f"timed out after {timeout:g} s") from None
        text = reason.strerror if isinstance(reason, OSError) and reason.strerror else str(reason)
        raise FetchError(url, f"cannot connect: {text}") from None
    except TimeoutError:
        raise FetchError(url, f"timed out after {timeout:g} s") from None
    except (http.client.HTTPException, OSError) as exc:
        raise FetchError(url, f"connection failed: {type(exc).__name__} {exc}".strip()) from None
