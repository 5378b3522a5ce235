# ruff: noqa: RUF001  -- typographic quotes and apostrophes are real article text.
"""English recall: general mechanisms that read more of the groups a listing sentence names.

Each text is a short verbatim excerpt of a dev5 article (tests/data/news/dev5, whose index.jsonl gives the
URL and publication day; retrieved 2026-12-04).
"""

from __future__ import annotations

import datetime as dt

from proscribe.news import NewsEvent, extract_events, name_index, parse_article

INDEX = name_index()


def events(text: str, published: dt.date) -> list[NewsEvent]:
    return extract_events(parse_article(text, "article.txt", published), INDEX)


def organisations(found: list[NewsEvent], action: str = "designated") -> set[str | None]:
    return {e.organisation for e in found if e.action == action}


# https://balita.ph (dev5 2020-12-26_ph_atc_designations_balita.txt)
PHILIPPINES = (
    "In 2 separate resolutions approved on December 9, the ATC designated the following as “terrorist "
    "organizations, associations, and/or groups:”\n\n"
    "  • Communist Party of the Philippines\n"
    "  • New People’s Army / Bagong Hukbong Bayan\n"
    "  • Islamic State in Iraq and Syria in South-East Asia\n"
    "  • Maute Group\n"
    "  • KIM\n"
    "  • Jama’atu al-Muhajirin wal Ansar fil Filibin\n"
    "  • other Daesh-affiliated groups in the Philippines\n\n"
    "The copies of the ATC resolutions uploaded on the ATC website indicated the originals were signed.\n"
)


def test_bullets_after_a_colon_inside_a_closing_quote_one_name_per_line() -> None:
    found = events(PHILIPPINES, dt.date(2020, 12, 26))
    assert organisations(found) == {
        "Communist Party of the Philippines",
        "New People’s Army / Bagong Hukbong Bayan",
        "Islamic State in Iraq and Syria in South-East Asia",
        "Maute Group",
        "KIM",
        "Jama’atu al-Muhajirin wal Ansar fil Filibin",
    }
    assert {e.effective_date for e in found if e.action == "designated"} == {"2020-12-09"}


# dev5 2022-08-14_lk_diaspora_groups_delisted_dtnext.txt
SRI_LANKA = (
    "COLOMBO: The cash-strapped Sri Lankan government has lifted the ban on six Tamil diaspora groups and 316 "
    "individuals as it scrambles to find long-term solutions to the island nation’s unprecedented economic crisis.\n\n"
    "On Saturday, 316 persons and six diaspora groups were de-listed from the list. The groups are - Australian "
    "Tamil Congress, Global Tamil Forum, World Tamil Coordinating Committee, Tamil Eelam Peoples Assembly, Canadian "
    "Tamil Congress and British Tamil Forum.\n"
)


def test_counted_groups_named_after_are_and_a_dash() -> None:
    found = events(SRI_LANKA, dt.date(2022, 8, 14))
    assert organisations(found, "delisted") == {
        "Australian Tamil Congress",
        "Global Tamil Forum",
        "World Tamil Coordinating Committee",
        "Tamil Eelam Peoples Assembly",
        "Canadian Tamil Congress",
        "British Tamil Forum",
    }
    assert {e.jurisdiction for e in found} == {"LK"}


# dev5 2025-12-10_ca_four_groups_devdiscourse.txt
CANADA = (
    "Canada has designated four transnational extremist groups as foreign terrorist entities. These include 764, "
    "Maniac Murder Cult, Terrorgram Collective, and Islamic State-Mozambique. The government highlights their focus "
    "on ideologically motivated violence targeting youth.\n"
)


def test_a_group_named_by_a_number_inside_an_enumeration() -> None:
    found = events(CANADA, dt.date(2025, 12, 10))
    assert organisations(found) == {
        "764",
        "Maniac Murder Cult",
        "Terrorgram Collective",
        "Islamic State-Mozambique",
    }


def test_a_year_or_a_lone_number_is_no_group() -> None:
    found = events(
        "Canada has designated 2019, the year of the attacks, as a turning point.\n", dt.date(2025, 1, 1)
    )
    assert "2019" not in organisations(found)
