# ruff: noqa: RUF001  -- typographic quotes and apostrophes are real article text.
"""Rules written on the dev11 development set (marked news-dev11 in the source), each on a sentence quoted
from a dev11 article (tests/data/news/dev11; URL and retrieval date 2026-12-05 in its index.jsonl). The
publication day is the article's."""

from __future__ import annotations

import datetime as dt

from proscribe.news import NewsEvent, extract_events, name_index, parse_article

INDEX = name_index()


def events(text: str, published: dt.date) -> list[NewsEvent]:
    return extract_events(parse_article(text, "article.txt", published), INDEX)


def test_a_draft_order_recommending_groups_be_added_proposes_them() -> None:
    """https://api.parliament.uk/historic-hansard/written_answers/2001/feb/28/terrorist-organisations: a draft
    order "recommending to Parliament that the following organisations be added" proposes, it does not list."""
    text = (
        "I have today laid a draft Order, under section 123(4)(a) of the Terrorism Act, recommending to "
        "Parliament that the following organisations be added to the list of proscribed organisations in "
        "Schedule 2 to the Act:\n\n  • Babbar Khalsa\n  • International Sikh Youth Federation\n"
    )
    found = events(text, dt.date(2001, 2, 28))
    assert {(e.jurisdiction, e.organisation, e.action) for e in found} == {
        ("GB", "Babbar Khalsa", "proposed_designation"),
        ("GB", "International Sikh Youth Federation", "proposed_designation"),
    }
