# ruff: noqa: RUF001, RUF003  -- typographic dashes and quotes are real article text.
"""Sentences that name a listing word without a decision (news-precision), on dev articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from proscribe.news import extract_events, name_index, read_article_file
from proscribe.news.link import NameIndex
from proscribe.news.not_a_decision import _inflections_of_one_name, _listed_together, reports_no_decision

DATA = Path(__file__).parent / "data" / "news"


@pytest.fixture(scope="module")
def index() -> NameIndex:
    return name_index()


@pytest.mark.parametrize(
    "sentence",
    [
        # dev6/2023-09-20_tr_pkk_arrests_trtworld.txt: a status aside between dashes.
        "In its more than 35-year terror campaign against Türkiye, the PKK – listed as a terrorist organisation "
        "by Türkiye, the US and the European Union – has been responsible for the deaths of more than 40,000 "
        "people, including women, children and infants.",
        # dev6/2025-03-18_in_mha_67_list_hitavada.txt: the contents of a standing list.
        "The group of outfits designated as terrorist organisations are Babbar Khalsa International; Khalistan "
        "Commando Force; Khalistan Zindabad Force; International Sikh Youth Federation.",
        # dev5/2024-01-15_gb_hizb_ut_tahrir_order_upday.txt: a relative clause describing the group.
        "Hizb ut-Tahrir is a pan-Islamic fundamentalist group which has been banned in many Arab nations, as "
        "well as in Germany and China.",
        # the same article: a quoted gerund subject.
        "“Proscribing this terrorist group will ensure that anyone who belongs to and invites supports for "
        "them will face consequences.",
        # dev6/2009-01-26_eu_pmoi_delisted_upi.txt: a request that was denied.
        "The PMOI lobbied the U.S. State Department for delisting in 2008 but was denied in December by U.S. "
        "Secretary of State Condoleezza Rice.",
    ],
)
def test_sentences_that_report_no_decision(sentence: str) -> None:
    assert reports_no_decision(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # dev4/2018-02-28_us_is_affiliates_business_standard.txt: the past tense reports the designation.
        "The other four groups designated as SDGTs were IS-Somalia, Jund al-Khilafah-Tunisia, IS-Egypt and "
        "the Maute Group, and the individuals are Mahad Moalim and Abu Musab al-Barnawi.",
        # dev6/2019-05-14_lk_ntj_ban_drones_news18.txt: a step, no aside.
        "According to the Gazette the National Thowheed Jamaath (NTJ), the Jamaathe Millaathe Ibrahim (JMI), "
        "and the Willayath As Seylani (WAS) organisations have been banned.",
    ],
)
def test_decisions_stand(sentence: str) -> None:
    assert not reports_no_decision(sentence)


def test_a_decision_beside_a_status_aside_stands() -> None:
    # The aside's "listed" is blanked, the sentence's own "banned" is left: the ban is reported.
    assert not reports_no_decision(
        "The government banned the PKK, which is listed by the EU, on the same day."
    )


@pytest.mark.parametrize(
    "name",
    ["dev6/2023-09-20_tr_pkk_arrests_trtworld.txt", "dev6/2025-03-18_in_mha_67_list_hitavada.txt"],
)
def test_distractors_give_no_events(index: NameIndex, name: str) -> None:
    assert extract_events(read_article_file(DATA / name), index) == []


def test_denied_request_is_no_delisting_but_the_news_stands(index: NameIndex) -> None:
    events = extract_events(read_article_file(DATA / "dev6/2009-01-26_eu_pmoi_delisted_upi.txt"), index)
    steps = {(e.jurisdiction, e.action, e.effective_date) for e in events}
    assert ("US", "delisted", "2008") not in steps
    assert any(e.jurisdiction == "EU" and e.action == "delisted" for e in events)


def test_past_tense_list_of_designated_groups_stands(index: NameIndex) -> None:
    events = extract_events(
        read_article_file(DATA / "dev4/2018-02-28_us_is_affiliates_business_standard.txt"), index
    )
    designated = {e.organisation for e in events if e.jurisdiction == "US" and e.action == "designated"}
    assert {"IS-Somalia", "IS-Egypt", "Maute Group"} <= designated


def test_the_ban_a_sentence_lifts_is_no_designation() -> None:
    # dev/2025-04-17_de_taliban_tonline.txt: the lifting stands, the lifted ban is no new designation.
    sentence = (
        '"Das zuvor eingeführte Verbot der Aktivitäten der Taliban – die Teil der Liste der '
        'Terrororganisationen sind – ist aufgehoben worden", erklärte der Richter Oleg Nefedow am Donnerstag '
        "nach Angaben der Nachrichtenagentur Tass."
    )
    assert reports_no_decision(sentence, "designated")
    assert not reports_no_decision(sentence, "suspended")


def test_events_that_are_not_groups_are_not_listed(index: NameIndex) -> None:
    # dev6/2017-07-20_tr_feto_us_report_yenisafak.txt: "were listed" enumerates attacks, it lists no group.
    sentence = (
        "In the relevant chapter, Turkey was stated as continuing its battle against terror organizations, "
        "particularly PKK and Daesh, also large-scale terror attacks organized in Turkey in 2016 were listed."
    )
    assert reports_no_decision(sentence, "designated")
    events = extract_events(
        read_article_file(DATA / "dev6/2017-07-20_tr_feto_us_report_yenisafak.txt"), index
    )
    assert not [e for e in events if e.organisation in ("PKK", "Daesh")]
    assert any(e.organisation == "FETÖ" and e.effective_date == "2016-05-26" for e in events)


def test_inflected_forms_of_one_name_are_one_event(index: NameIndex) -> None:
    # dev6/2014-09-12_de_islamic_state_ban_demokratiespiegel.txt: "die Betätigung des „Islamischen Staates“ in
    # Deutschland verboten" and "Terrororganisation ‚Islamischer Staat‘" report one ban.
    events = extract_events(
        read_article_file(DATA / "dev6/2014-09-12_de_islamic_state_ban_demokratiespiegel.txt"), index
    )
    bans = [(e.jurisdiction, e.organisation, e.effective_date) for e in events if e.action == "designated"]
    assert bans == [("DE", "Islamischer Staat", "2014-09-12")]


def test_similar_names_in_a_list_stay_two_groups(index: NameIndex) -> None:
    # dev5/2020-12-26_ph_atc_designations_balita.txt lists "• Grupong ISIS" and "• Grupo ISIS" as two groups.
    events = extract_events(read_article_file(DATA / "dev5/2020-12-26_ph_atc_designations_balita.txt"), index)
    names = {e.organisation for e in events if e.jurisdiction == "PH" and e.action == "designated"}
    assert {"Grupong ISIS", "Grupo ISIS"} <= names
    assert _listed_together("  • Grupong ISIS\n  • Grupo ISIS\n", "Grupo ISIS", "Grupong ISIS")


def test_word_inflections() -> None:
    assert _inflections_of_one_name("Islamischen Staates", "Islamischer Staat")
    assert _inflections_of_one_name("Правого сектора", "Правый сектор")
    assert not _inflections_of_one_name("Islamic State", "Islamic Front")
    assert not _inflections_of_one_name("National Action", "National Action Party")


@pytest.mark.parametrize(
    "sentence",
    [
        # dev5/2021-10-24_il_six_ngos_jta.txt: an appositive status at the sentence's end.
        "Gantz called out their alleged ties to the Popular Front for the Liberation of Palestine, a group "
        "designated by the U.S. and others as a terrorist group.",
        # dev5/2021-04-21_gb_atomwaffen_order_debate_streetguide.txt: a standing status in the present simple.
        "In that spirit, 76 international terrorist organisations are currently proscribed under the Terrorism "
        "Act 2000.",
    ],
)
def test_status_in_the_present_or_in_apposition(sentence: str) -> None:
    assert reports_no_decision(sentence, "designated")


def test_status_in_the_present_tied_to_a_date_or_an_instrument_stands() -> None:
    # The present passive with a date or an order is the decision's wording, not a status.
    assert not reports_no_decision("Under the order, the Base is proscribed as a terrorist organisation.")
    assert not reports_no_decision("The Base is proscribed as a terrorist organisation from today.")


@pytest.mark.parametrize(
    "sentence",
    [
        # Constructed (no dev article has one): German relative clauses of standing status.
        "Hamas, die von der EU als Terrororganisation eingestuft wird, wies die Vorwürfe zurück.",
        "Die Hisbollah, die in Deutschland verboten ist, hat die Tat bestritten.",
    ],
)
def test_german_status_in_a_relative_clause(sentence: str) -> None:
    assert reports_no_decision(sentence, "designated")


def test_german_relative_clause_with_a_date_stands() -> None:
    assert not reports_no_decision(
        "Die Hisbollah, die seit 2020 in Deutschland verboten ist, hat bestritten."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        # Constructed (no article of dev..dev6 has one): a status held for long, other countries as a class.
        "The EU has long listed Hamas as a terrorist organisation.",
        "Several countries, including the UK and Germany, have banned Hizb ut-Tahrir.",
    ],
)
def test_long_held_status_and_other_countries_as_a_class(sentence: str) -> None:
    assert reports_no_decision(sentence, "designated")


def test_several_countries_with_a_date_stand() -> None:
    assert not reports_no_decision("Several countries have banned the group this week.", "designated")
