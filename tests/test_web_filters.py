"""The safe_link filter: only http(s) URLs become links, everything is escaped."""

from __future__ import annotations

from proscribe.web.filters import is_web_url, safe_link


def test_http_and_https_urls_become_links() -> None:
    assert str(safe_link("https://example.org/a?b=1&c=2", "Order")) == (
        '<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">Order</a>'
    )
    assert str(safe_link("http://example.org/")).startswith('<a href="http://example.org/"')


def test_other_schemes_stay_text() -> None:
    for url in (
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<b>x</b>",
        "//evil.example/",
        "ftp://x/",
    ):
        assert not is_web_url(url)
        assert "<a " not in str(safe_link(url, "source"))
    assert str(safe_link("data:text/html,<b>x</b>")) == "data:text/html,&lt;b&gt;x&lt;/b&gt;"


def test_label_is_escaped() -> None:
    assert str(safe_link("https://example.org/", "<i>x</i>")).endswith(">&lt;i&gt;x&lt;/i&gt;</a>")
    assert str(safe_link(None, None)) == ""
