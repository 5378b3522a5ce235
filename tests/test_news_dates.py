# ruff: noqa: RUF001  -- Russian and German text and typographic quotes are real article text.
"""Effective dates of news events: each rule with a sentence quoted from a development article."""

from __future__ import annotations

import datetime as dt

from proscribe.news import NewsEvent, extract_events, name_index, parse_article
from proscribe.news.dates import find_dates

INDEX = name_index()


def events(text: str, published: dt.date) -> list[NewsEvent]:
    return extract_events(parse_article(text, "article.txt", published), INDEX)


def dates(sentence: str, published: dt.date) -> list[tuple[str, str, str]]:
    return [(d.text, str(d.date), d.precision) for d in find_dates(sentence, published)]


def test_month_of_this_or_last_year_keeps_the_month() -> None:
    # dev/2024-09-05_kg_taliban_timesca: "In June this year" is June, not only the year.
    found = events(
        "In June this year, Kazakhstan removed the Taliban regime from the terrorist list to develop "
        "economic interaction with Afghanistan.",
        dt.date(2024, 9, 5),
    )
    kazakhstan = next(e for e in found if e.jurisdiction == "KZ" and e.action == "delisted")
    assert (kazakhstan.effective_date, kazakhstan.date_precision, kazakhstan.primary) == (
        "2024-06",
        "month",
        False,
    )
    # A month of last year is last year's even when that month has not yet come round this year.
    assert dates("В июне прошлого года суд признал", dt.date(2024, 9, 5)) == [
        ("В июне прошлого года", "2023-06", "month")
    ]
    assert dates("im März letzten Jahres verboten", dt.date(2024, 1, 5)) == [
        ("März letzten Jahres", "2023-03", "month")
    ]


def test_month_after_a_capitalised_preposition() -> None:
    # dev/2025-04-17_de_taliban_volksstimme: "Im März" opens the sentence.
    found = events(
        "Moskau - In Russland sind die islamistischen Taliban nach ihrer Machtübernahme in Afghanistan nun legal. "
        "Im März hatte die Generalstaatsanwaltschaft in Moskau den Antrag gestellt, die Bewegung von der "
        "Schwarzen Liste der Terrororganisation zu streichen.",
        dt.date(2025, 4, 17),
    )
    petition = next(e for e in found if e.action == "petition_filed")
    assert (petition.jurisdiction, petition.entity_id, petition.effective_date, petition.date_precision) == (
        "RU",
        "taliban",
        "2025-03",
        "month",
    )
    # The month keeps its capital: the modal verb "may" is no date.
    assert dates("It may be banned in May", dt.date(2024, 9, 5)) == [("in May", "2024-05", "month")]
