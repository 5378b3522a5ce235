"""Jinja filters shared by the web templates."""

from __future__ import annotations

from urllib.parse import urlsplit

from markupsafe import Markup, escape


def is_web_url(url: str | None) -> bool:
    """True for an absolute http(s) URL with a host: the only URLs the pages turn into links."""
    if not url:
        return False
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def safe_link(url: str | None, text: str | None = None) -> Markup:
    """A link to ``url`` when it is http(s); otherwise the text (or the URL) as plain, escaped text.

    Source URLs come from curated files, list files and news feeds: a ``javascript:`` or ``data:``
    URL must never become a clickable link.
    """
    label = text or url or ""
    if url is not None and is_web_url(url):
        return Markup('<a href="{}" rel="noopener noreferrer">{}</a>').format(url.strip(), label)
    return Markup("{}").format(escape(label))
