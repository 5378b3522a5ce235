# ruff: noqa: RUF001, RUF002  -- typographic quotes and apostrophes are real article text.
"""Organisation names the extractor reads around a listing verb, on sentences quoted from the development articles.

Each text is a verbatim excerpt of the development article named beside it (tests/data/news/dev*/, whose
index.jsonl gives the source URL, publication day and retrieval date 2026-12-04).
"""

from __future__ import annotations

import datetime as dt

from proscribe.news import NewsEvent, extract_events, name_index, parse_article
from proscribe.news.orgnames import quoted_names

INDEX = name_index()


def events(text: str, published: str) -> list[NewsEvent]:
    return extract_events(parse_article(text, "article.txt", dt.date.fromisoformat(published)), INDEX)


def organisations(found: list[NewsEvent], jurisdiction: str, action: str = "designated") -> list[str]:
    return [e.organisation or "" for e in found if e.jurisdiction == jurisdiction and e.action == action]


# dev5/2023-01-05_in_trf_greaterkashmir.txt (https://www.greaterkashmir.com/todays-paper/front-page/pak-created-lets-offshoot-trf-responsible-for-brutal-killings-of-innocents-banned-by-mha-under-uapa)
TRF = "New Delhi: The Union Home Ministry Thursday banned ‘The Resistance Front’ terror outfit, a proxy of the Lashkar-e-Taiba.\n"


def test_a_name_in_single_curly_quotes_is_the_banned_group() -> None:
    """ "banned ‘The Resistance Front’ terror outfit": single curly quotes mark a name as double ones do; the
    article inside them is no part of it."""
    found = events(TRF, "2023-01-05")
    assert [(e.jurisdiction, e.organisation, e.action, e.effective_date) for e in found] == [
        ("IN", "Resistance Front", "designated", "2023-01-05")
    ]


def test_an_apostrophe_does_not_close_a_single_quoted_name() -> None:
    """A ’ followed by a letter is an apostrophe inside the name; the closing one is followed by no letter."""
    text = "the ministry banned ‘People’s Mujahedin’ and the Front’s wing"
    assert [n.text for n in quoted_names(text)] == ["People’s Mujahedin"]


# dev5/2013-12-25_eg_muslim_brotherhood_alalam.txt (http://en.alalam.ir/news/1548218/egypt-declares-muslim-brotherhood-a-terrorist-group)
BROTHERHOOD = (
    "Egypt's military-installed government has declared the Muslim Brotherhood of ousted president Mohamed Morsi a "
    '"terrorist" group, banning all its activities, including demonstrations, ministers say.\n'
)


def test_a_joining_word_does_not_end_a_name() -> None:
    """ "the Muslim Brotherhood of ousted president Mohamed Morsi": "of" joins a name only to a capitalised word."""
    assert organisations(events(BROTHERHOOD, "2013-12-25"), "EG") == ["Muslim Brotherhood"]
