# ruff: noqa: RUF001, RUF003  -- Russian and German text and typographic quotes are real article text.
"""Effective dates of news events: each rule with a sentence quoted from a development article."""

from __future__ import annotations

import datetime as dt

from proscribe.news import NewsEvent, extract_events, name_index, parse_article
from proscribe.news.dates import find_dates
from proscribe.news.extract import split_sentences

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


def test_that_day_is_the_day_named_before() -> None:
    # dev6/2023-11-23_de_hamas_samidoun_raids_tagesschau: "an diesem Tag" is 2 November.
    found = events(
        "Am 2. November hatte Faeser die Betätigung der Terrororganisation Hamas und des internationalen "
        "Netzwerks Samidoun - Palestinian Solidarity Network in Deutschland verboten. Die Teilorganisation "
        "Samidoun Deutschland wurde an diesem Tag verboten und aufgelöst.",
        dt.date(2023, 11, 23),
    )
    branch = next(e for e in found if e.organisation == "Samidoun Deutschland")
    assert (branch.jurisdiction, branch.action, branch.effective_date, branch.date_basis) == (
        "DE",
        "designated",
        "2023-11-02",
        "relative",
    )
    # With no day named before, "on the same day" says nothing.
    assert dates("On the same day, the ministry banned the group.", dt.date(2023, 11, 23)) == []


def test_from_today_in_russian() -> None:
    # dev6/2016-09-20_ru_aum_terrorist_newizv: "С сегодняшнего дня" is the publication day.
    found = events(
        "Верховный суд России принял решение о запрете деятельности международного религиозного объединения "
        "«Аум Синрикё» на территории страны.\n\nРешением о запрете деятельности секты «Аум Синрикё» Верховный "
        "суд РФ удовлетворил иск Генеральной прокуратуры РФ. С сегодняшнего дня организация признана "
        "террористической.",
        dt.date(2016, 9, 20),
    )
    ruling = next(e for e in found if e.action == "designated")
    assert (ruling.jurisdiction, ruling.effective_date, ruling.date_basis) == ("RU", "2016-09-20", "relative")
    assert "С сегодняшнего дня" in ruling.evidence_quote


def test_holiday_names_are_no_weekdays() -> None:
    # dev6/2019-05-14_lk_ntj_ban_drones_news18 (published on Tuesday 14 May): the ban was on Monday, the
    # attack "on Easter Sunday" weeks before. The two sentences run together ("killed.President"); the ban's
    # day is the gazette's, told in the second.
    found = events(
        "Sri Lankan government has banned three Islamist extremist groups, including the National Thowheeth "
        "Jamaath (NTJ) that carried out the country's worst terror attack on Easter Sunday in which over 250 "
        "people were killed.President Maithripala Sirisena issued an extraordinary gazette banning a number of "
        "extremist organisations on Monday.",
        dt.date(2019, 5, 14),
    )
    ntj = next(e for e in found if e.organisation and "Thowheeth" in e.organisation)
    assert (ntj.jurisdiction, ntj.action, ntj.effective_date, ntj.date_basis) == (
        "LK",
        "designated",
        "2019-05-13",
        "weekday",
    )


def test_a_title_ending_in_today_is_no_date() -> None:
    # dev4/2022-09-28_in_pfi_indiatoday: "India Today" is the outlet; the notification is undated.
    found = events(
        "With the central government now issuing a notification to declare the Popular Front of India (PFI) as "
        'an "Unlawful Association", India Today looks at the process by which such a declaration can be made.',
        dt.date(2022, 9, 28),
    )
    pfi = next(e for e in found if e.action == "designated")
    assert (pfi.jurisdiction, pfi.effective_date, pfi.announced_date, pfi.primary) == (
        "IN",
        None,
        "2022-09-28",
        True,
    )
    assert dates("Today, the State Department designated the group.", dt.date(2022, 9, 28)) == [
        ("Today", "2022-09-28", "day")
    ]


def test_the_year_in_a_numbered_instrument_is_no_date() -> None:
    # dev6/2019-04-27_lk_ntj_jmi_banned_onlanka: "Emergency Regulations No.01 2019" is a title; the ban is
    # the day's news, undated in the text.
    found = events(
        "The National Thawheed Jamath (NTJ) and Jamathei Milathu Ibrahim (JMI) organizations have been banned "
        "in Sri Lanka under Emergency Regulations No.01 2019 by President Maithripala Sirisena.",
        dt.date(2019, 4, 27),
    )
    assert {
        (e.jurisdiction, e.organisation, e.effective_date, e.announced_date, e.primary) for e in found
    } == {
        ("LK", "National Thawheed Jamath", None, "2019-04-27", True),
        ("LK", "Jamathei Milathu Ibrahim", None, "2019-04-27", True),
    }


def test_a_date_that_opens_a_statement_dates_the_statement() -> None:
    # dev/2024-09-06_kg_taliban_rferl: the statement is dated, the removal it reports is not.
    found = events(
        "In early June, Kazakhstan said it removed the Taliban from its terrorist list.", dt.date(2024, 9, 6)
    )
    removal = next(e for e in found if e.action == "delisted")
    assert (removal.jurisdiction, removal.entity_id, removal.effective_date, removal.announced_date) == (
        "KZ",
        "taliban",
        None,
        "2024-06",
    )
    # The date of the act itself stays the act's: "In June this year, Kazakhstan removed ..." (see above).


def test_a_bracketed_day_before_laid_dates_the_laying() -> None:
    # dev/2024-01-15_gb_hizb_ut_tahrir_order: an order laid is proposed; the day it was laid is announced.
    found = events(
        "Home Secretary, James Cleverly, has today (15 January) laid a draft order before Parliament to proscribe "
        "the international Sunni Islamist political organisation Hizb ut-Tahrir under the Terrorism Act.",
        dt.date(2024, 1, 15),
    )
    order = next(e for e in found if e.action == "proposed_designation")
    assert (order.jurisdiction, order.entity_id, order.effective_date, order.announced_date) == (
        "GB",
        "hizb-ut-tahrir",
        None,
        "2024-01-15",
    )


def test_a_claim_is_never_dated_after_publication() -> None:
    # dev/2025-03-31_de_taliban_hearing_earthpress: 17 April is the expected ruling, not the prosecutor's claim.
    found = events(
        "Russlands Oberster Gerichtshof entscheidet im nächsten Monat über die Entfernung der Taliban von seiner "
        "Liste verbotener Terrororganisationen, berichteten staatliche Nachrichtenagenturen am Montag.\n\n"
        "Die am 17. April erwartete Entscheidung folgt einem Antrag des Generalstaatsanwalts.",
        dt.date(2025, 3, 31),
    )
    claim = next(e for e in found if e.action == "petition_filed")
    assert (claim.jurisdiction, claim.entity_id, claim.effective_date) == ("RU", "taliban", None)


def test_further_steps_of_one_decision_take_its_date() -> None:
    # dev6/2025-04-24_py_hezbollah_hamas_irgc_infobae (a Thursday): "y, además, hemos designado" is the
    # decision reported just before, "este jueves".
    found = events(
        "El Gobierno de Paraguay declaró este jueves la ampliación de su designación de las organizaciones "
        "Hezbollah y Hamas como grupos terroristas, extendiéndola a todos sus componentes estructurales.\n"
        "El mandatario escribió: “¡El Paraguay reafirma su compromiso con la lucha global contra el terrorismo! "
        "Hemos ampliado la designación de Hezbollah y Hamas como organizaciones terroristas, alcanzando ahora a "
        "todos sus componentes; y, además, hemos designado como organización terrorista al Cuerpo de Guardianes "
        "de la Revolución Islámica, en ambos casos por sus sistemáticas violaciones a la paz, los derechos "
        "humanos y la seguridad de la comunidad internacional”.",
        dt.date(2025, 4, 24),
    )
    guards = next(e for e in found if e.organisation and "Guardianes" in e.organisation)
    assert (guards.jurisdiction, guards.action, guards.effective_date, guards.primary) == (
        "PY",
        "designated",
        "2025-04-24",
        True,
    )


def test_a_resolution_adopted_on_a_day_dates_its_listings() -> None:
    # dev5/2017-07-21_un_isil_aq_eight_listed_tass: "adopted ... on Thursday" dates the resolution's listings,
    # and "Besides, ... were added to the list" continues them.
    found = events(
        "THE UNITED NATIONS, July 20. /TASS/. The United Nations Security Council has extended sanctions against "
        "the Islamic State (IS) and Al-Qaeda (both terror organizations outlawed in Russia) by blacklisting eight "
        "individuals and companies. A US-drafted resolution was adopted unanimously on Thursday.\n\n"
        "Besides, two financial organizations-Iraq’s Selselat al Thahab Money Exchange and Syria’s Hanifa Money "
        "Exchange Office that cooperated with the IS and two terror groups currently operating in Syria - the "
        "Khalid ibn al-Walid Army and Jund al-Aqsa - were added to the list.",
        dt.date(2017, 7, 21),
    )
    added = {e.organisation: e.effective_date for e in found if e.jurisdiction == "UN"}
    assert added.get("Khalid ibn al-Walid Army") == "2017-07-20"
    assert added.get("Jund al-Aqsa") == "2017-07-20"


def test_a_list_entry_is_not_dated_by_the_court_ruling_it_follows() -> None:
    # dev6/2023-12-30_ru_rdk_fsb_list_smartnews: the FSB's list entry is the news (undated); the ruling of
    # 16 November is the step before it.
    found = events(
        'Федеральная служба безопасности (ФСБ) России включила "Русский добровольческий корпус" (РДК) в список '
        "террористических организаций. Данное решение было принято Вторым Западным окружным военным судом 16 "
        "ноября и вступило в законную силу 2 декабря.",
        dt.date(2023, 12, 30),
    )
    entry = next(e for e in found if e.action == "designated")
    assert (entry.jurisdiction, entry.effective_date, entry.announced_date, entry.primary) == (
        "RU",
        None,
        "2023-12-30",
        True,
    )
    # dev5/2024-09-04_ru_dnipro1_fsb_list_profile: the list entry (news) and the dated ruling (history) are
    # two steps; the ruling's entry into force is not the list entry's.
    found = events(
        'Украинский батальон "Днепр-1" включен в перечень террористических организаций, что означает запрет его '
        "на территории России, сообщает Федеральная служба безопасности.\n\nУточнятся, что Южный окружной военный "
        'суд 14 декабря 2023 года признал террористическим и запретил сообщество "Днепр-1", решение вступило в '
        "силу 25 июня 2024 года.",
        dt.date(2024, 9, 4),
    )
    assert sorted((e.effective_date or "", e.primary) for e in found if e.action == "designated") == [
        ("", True),
        ("2023-12-14", False),
    ]


def test_an_earlier_undated_step_stays_beside_the_dated_news() -> None:
    # dev6/2025-04-24_py_hezbollah_hamas_irgc_infobae: "había clasificado" is an earlier designation of the
    # same groups, undated history beside the news of "este jueves".
    found = events(
        "El Gobierno de Paraguay declaró este jueves la ampliación de su designación de las organizaciones "
        "Hezbollah y Hamas como grupos terroristas, extendiéndola a todos sus componentes estructurales.\n"
        "En el texto se explica que, hasta ahora, Paraguay solo había clasificado como terroristas a las milicias "
        "armadas de Hamas y Hezbollah.",
        dt.date(2025, 4, 24),
    )
    steps = sorted(
        (e.entity_id or "", e.effective_date or "", e.primary) for e in found if e.action == "designated"
    )
    assert steps == [
        ("hamas", "", False),
        ("hamas", "2025-04-24", True),
        ("hizballah", "", False),
        ("hizballah", "2025-04-24", True),
    ]


def test_a_relative_clause_about_the_past_is_the_same_step() -> None:
    # dev/2025-04-18_ru_taliban_suspended_asiaplus: "the previously established ban ..., which had been
    # included" tells the group's past inside the quote that repeats the news: one suspension.
    found = events(
        "Russia’s Supreme Court has removed Afghanistan's Taliban movement from its list of banned terrorist "
        "groups, Russian state media say.\n\nTASS reports that in its ruling on April 17, the Supreme Court sided "
        "with a petition from the Prosecutor-General's Office.\n\n\"The decision of the Supreme Court of the "
        "Russian Federation has suspended the previously established ban on the activities of the 'Taliban' "
        'movement, which had been included in the unified federal list of organizations recognized as terrorist," '
        "announced Judge Oleg Nefyodov.",
        dt.date(2025, 4, 18),
    )
    assert [(e.action, e.effective_date) for e in found if e.action == "suspended"] == [
        ("suspended", "2025-04-17")
    ]


def test_a_step_told_in_the_past_perfect_weeks_before_is_background() -> None:
    # dev6/2023-11-23_de_hamas_samidoun_raids_tagesschau: the ban of 2 November is what raids three weeks later
    # follow.
    found = events(
        "Am 2. November hatte Faeser die Betätigung der Terrororganisation Hamas und des internationalen "
        "Netzwerks Samidoun - Palestinian Solidarity Network in Deutschland verboten.",
        dt.date(2023, 11, 23),
    )
    hamas = next(e for e in found if e.entity_id == "hamas")
    assert (hamas.effective_date, hamas.primary) == ("2023-11-02", False)
    # dev2/2024-07-25_de_izh_abendblatt: a day-after report tells yesterday's ban in the past perfect too.
    found = events(
        "Das Innenministerium hatte das Verbot des IZH am Mittwoch mit grundgesetzwidrigen und "
        "verfassungsfeindlichen Aktivitäten begründet.\n\nVerboten wurden gleichzeitig auch die Teilorganisationen "
        "„Islamische Akademie Deutschland e.V.“ und das „Zentrum der Islamischen Kultur e.V.“ in Frankfurt (Main).",
        dt.date(2024, 7, 25),
    )
    assert {(e.effective_date, e.primary) for e in found if e.action == "designated"} == {
        ("2024-07-24", True)
    }


def test_the_claim_behind_a_reported_ruling_is_background() -> None:
    # dev/2025-04-17_ru_taliban_suspended_vedomostiural: the claim of 31 March led to the suspension reported.
    found = events(
        "Верховный суд России временно отменил запрет на деятельность движения «Талибан», исключив его из списка "
        "террористических организаций. Это решение было озвучено 17 апреля в ходе судебного заседания и стало "
        "результатом инициативы Генеральной прокуратуры, которая обратилась с заявлением в суд 31 марта.",
        dt.date(2025, 4, 17),
    )
    steps = {
        (e.action, e.effective_date, e.announced_date, e.primary) for e in found if e.entity_id == "taliban"
    }
    assert ("suspended", "2025-04-17", "2025-04-17", True) in steps
    assert ("petition_filed", "2025-03-31", None, False) in steps


def test_the_step_a_news_comes_after_is_background() -> None:
    # dev2/2025-02-21_ca_cartels_hindustantimes: Canada's listing is the news; the US designation the day
    # before is its context.
    found = events(
        "Canada has listed seven transnational criminal organizations as terrorist entities and announced a new "
        "partnership with banks to combat money laundering, the government said on Thursday.\n\n"
        "The announcement comes a day after the United States designated Tren de Aragua, the Sinaloa Cartel and "
        "other drug cartels as global terrorist organizations.",
        dt.date(2025, 2, 21),
    )
    united_states = [e for e in found if e.jurisdiction == "US"]
    assert united_states
    assert all(not e.primary for e in united_states)


def test_what_the_article_calls_new_and_undated_proposals_are_the_news() -> None:
    # dev6/2021-02-03_ca_thirteen_groups_rcinet: "The newly listed groups include ..." late in the story.
    opening = (
        "The Canadian government has added 13 new groups as terrorist entities. Canadian law mandates severe "
        "penalties. Once an entity is on the list, banks freeze its assets. It becomes a crime to deal with these "
        "assets.\n\n"
    )
    found = events(
        opening + "The newly listed groups include four ideologically motivated extremist groups: Atomwaffen "
        "Division, the Base, the Proud Boys and Russian Imperial Movement.",
        dt.date(2021, 2, 3),
    )
    listed = [e for e in found if e.organisation == "Atomwaffen Division"]
    assert [(e.jurisdiction, e.action, e.primary) for e in listed] == [("CA", "designated", True)]
    # dev4/2014-06-16_gb_isis_guardian: groups that "also face being banned" are the proposal reported.
    found = events(
        "The home secretary is to lay an order which, if approved by Parliament, will ban Isis. Parliament will "
        "debate it. Members will vote. Peers will vote too.\n\nThe four other groups linked with Syria that also "
        "face being banned in the UK are Türkiye Halk Kurtulus Partisi-Cephesi, also known as the Turkish "
        "People's Liberation Party or the Hasty Ones; Kateeba al-Kawthar; Abdallah Azzam Brigades, including the "
        "Ziyad al-Jarrah Battalions; and the Popular Front for the Liberation of Palestine – General Command.",
        dt.date(2014, 6, 16),
    )
    kawthar = [e for e in found if e.organisation == "Kateeba al-Kawthar"]
    assert [(e.jurisdiction, e.action, e.primary) for e in kawthar] == [("GB", "proposed_designation", True)]


def test_the_day_a_notification_has_effect_from_beats_the_decision_day() -> None:
    # dev5/2024-07-11_in_sfj_ban_extended_deccanchronicle: extended "on Tuesday" (9 July), in effect "from
    # July 10, 2024".
    found = events(
        "Hyderabad: The Ministry of Home Affairs on Tuesday extended the ban imposed on Pro-Khalistani group Sikhs "
        "for Justice (SFJ) founded by designated Terrorist Gurpatwant Singh Pannun, for five years due to its "
        'anti-India activities.\n\n"In exercise of powers conferred by sub-section (1) and (3) of section 3 of '
        "Unlawful Activities (Prevention) Act, 1967 (37 of 1967), the Central Government extends declaration of "
        "SFJ as an unlawful association and directs this notification shall… have effect for a further period "
        'of five years from July 10, 2024," the ministry added.',
        dt.date(2024, 7, 11),
    )
    ban = next(e for e in found if e.organisation == "Sikhs for Justice")
    assert (ban.jurisdiction, ban.action, ban.effective_date, ban.date_basis, ban.primary) == (
        "IN",
        "designated",
        "2024-07-10",
        "rule",
        True,
    )


def test_sentences_run_together_without_a_space_are_split() -> None:
    # dev6/2019-05-14_lk_ntj_ban_drones_news18 and dev6/2020-12-27_ph_atc_16_groups_sovereignph: no space after
    # the full stop. Domains, initials and abbreviations stay joined.
    text = (
        "in which over 250 people were killed.President Maithripala Sirisena issued an extraordinary gazette "
        "banning a number of extremist organisations on Monday. The Anti-Terrorism Council (ATC) has designated "
        "16 more groups as terrorist organizations.ATC Resolution Number 13 designated the following"
    )
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "in which over 250 people were killed.",
        "President Maithripala Sirisena issued an extraordinary gazette banning a number of extremist "
        "organisations on Monday.",
        "The Anti-Terrorism Council (ATC) has designated 16 more groups as terrorist organizations.",
        "ATC Resolution Number 13 designated the following",
    ]
    for joined in (
        'This is reported by Censor.NET with reference to the Russian "Interfax".',
        "the judge announced, News.Az reports, citing TASS.",
        "the U.S.Treasury said, see www.gov.Uk now, etc.The end",
    ):
        assert len(split_sentences(joined)) == 1, joined


def test_a_ban_read_from_an_instrument_takes_the_day_it_was_published() -> None:
    # dev6/2021-04-14_lk_eleven_groups_gazette_adaderana: the gazette's day, told before the list it proscribes.
    found = events(
        "Relevant extraordinary gazette was published on Tuesday (April 13), as per section 27 of the Prevention "
        "of Terrorism (Temporary Provisions) Act, No. 48 of 1979.\n\n"
        "Accordingly, the Prevention of Terrorism (Proscription of Extremist Organizations) Regulations No. 2 of "
        "2021 specified in the gazette notification has proscribed the following extremist Islamic organizations "
        "in Sri Lanka:\n\n1. United Thawheed (Thowheedh) Jamma’ath (UTJ)\n\n9. AL – Qaeda\n",
        dt.date(2021, 4, 14),
    )
    listed = {e.organisation: e for e in found if e.action == "designated"}
    assert {name: (e.jurisdiction, e.effective_date, e.primary) for name, e in listed.items()} == {
        "United Thawheed Jamma’ath": ("LK", "2021-04-13", True),
        "AL – Qaeda": ("LK", "2021-04-13", True),
    }
    # dev6/2019-05-14_lk_ntj_ban_drones_news18: "issued an extraordinary gazette ... on Monday", then the groups
    # "According to the Gazette".
    found = events(
        "President Maithripala Sirisena issued an extraordinary gazette banning a number of extremist "
        "organisations on Monday.He also prohibited the use of drones in the country till further notice."
        "According to the Gazette the National Thowheed Jamaath (NTJ), the Jamaathe Millaathe Ibrahim (JMI), and "
        "the Willayath As Seylani (WAS) organisations have been banned.",
        dt.date(2019, 5, 14),
    )
    assert {e.organisation: e.effective_date for e in found if e.action == "designated"} == {
        "National Thowheed Jamaath": "2019-05-13",
        "Jamaathe Millaathe Ibrahim": "2019-05-13",
        "Willayath As Seylani": "2019-05-13",
    }
    # A ban that does not read from the instrument keeps no day of it (the same text, the ban told on its own).
    found = events(
        "Relevant extraordinary gazette was published on Tuesday (April 13).\n\n"
        "Sri Lanka has banned the National Thowheed Jamaath (NTJ).",
        dt.date(2021, 4, 14),
    )
    assert [(e.organisation, e.effective_date) for e in found] == [("National Thowheed Jamaath", None)]
    # "Under the order" reads from the order signed before; "In order to" names no instrument.
    signed = "The order was signed on Monday by the minister.\n\n"
    ban = "Sri Lanka has banned the National Thowheed Jamaath (NTJ)."
    assert [e.effective_date for e in events(signed + "Under the order, " + ban, dt.date(2019, 5, 14))] == [
        "2019-05-13"
    ]
    assert [
        e.effective_date
        for e in events(signed + "In order to protect the public, " + ban, dt.date(2019, 5, 14))
    ] == [None]
