"""Effective or announced: each rule of news.effective with a sentence quoted from a development article."""

from __future__ import annotations

import datetime as dt

from proscribe.news import NewsEvent, extract_events, name_index, parse_article
from proscribe.news.effective import speech_before

INDEX = name_index()


def events(text: str, published: dt.date) -> list[NewsEvent]:
    return extract_events(parse_article(text, "article.txt", published), INDEX)


def test_declared_banned_is_the_act_not_a_statement() -> None:
    # dev7/2022-09-14_ru_irpt_terrorist_asiaplus: the year beside "was declared banned" dates the ban.
    found = events(
        "The Supreme Court of Russia recognized the Islamic Renaissance Party of Tajikistan (IRPT) as a terrorist "
        "and banned its activities in the country. In Tajikistan, the party was declared banned back in 2015.",
        dt.date(2022, 9, 14),
    )
    tajik = next(e for e in found if e.jurisdiction == "TJ")
    assert (tajik.effective_date, tajik.announced_date, tajik.primary) == ("2015", None, False)
    assert not speech_before("the party was declared banned back in ")
    # A statement stays one: "the ministry declared on Monday" dates the announcement.
    assert speech_before("the ministry declared on ")
