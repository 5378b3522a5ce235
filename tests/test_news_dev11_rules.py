# ruff: noqa: RUF001, RUF002  -- typographic quotes and Cyrillic letters are real article text.
"""Rules written on the dev11 development set (marked news-dev11 in the source), each on a sentence quoted
from a dev11 article (tests/data/news/dev11; URL and retrieval date 2026-12-05 in its index.jsonl). The
publication day is the article's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from proscribe.news import NewsEvent, extract_events, name_index, parse_article, read_article_file

INDEX = name_index()
DATA = Path(__file__).parent / "data" / "news"


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


def test_leaning_toward_designating_is_no_designation() -> None:
    """https://www.pri.org/stories/2012-08-31/haqqani-network-may-be-added-us-list-foreign-terrorist-organizations
    (a distractor): a leaning towards a step is not the step."""
    text = (
        'Clinton is "leaning toward designating the Haqqani network as a terrorist organization," though '
        "administration officials are still grappling with the decision, according to the Times.\n"
    )
    assert events(text, dt.date(2012, 8, 31)) == []


def test_efforts_to_push_for_a_listing_and_a_negated_status_are_no_designation() -> None:
    """https://allafrica.com/stories/201908010268.html (a distractor): an effort to push the UN towards a
    listing, and "is not recognized as a terrorist group by the UN", report no step."""
    text = (
        "The Kenya government says it will seek the United Arab Emirates support in its efforts to push the UN "
        "in designating the Somalia-based militant group Al-Shabaab as a terrorist group in order to help focus "
        "international attention towards combating their violent extremism campaign, local media reported on "
        "Thursday.\n\nAl-Shabaab, which is a local franchise of Al-Qaeda in Somalia is not recognized as a "
        "terrorist group by the UN.\n"
    )
    assert events(text, dt.date(2019, 8, 1)) == []


def test_a_committee_recommending_a_first_reading_passes_no_bill() -> None:
    """https://islam-today.ru/novosti/2024/12/06/gosduma-rassmotrit-mehanizm-otmeny-statusa-terroristiceskoj-
    organizacii1 (a distractor): a committee's recommendation to adopt a bill is not its first reading."""
    text = (
        "Комитет Госдумы по безопасности и противодействию коррупции рекомендовал депутатам принять в первом "
        "чтении законопроект о механизме временного приостановления запрета деятельности организации, "
        "включенной в список террористических организаций.\n"
    )
    assert events(text, dt.date(2024, 12, 6)) == []


def test_no_effort_to_begin_the_process_of_designating_is_no_designation() -> None:
    """https://abcnews.go.com/Blotter/haqqani-network-officially-designated-terrorists/story?id=17181785: "no
    effort to begin the process of designating Pakistan" reports that nothing was done."""
    text = (
        'It is "a consensus, unanimous view of this administration that we are making absolutely no effort to '
        'begin the process of designating Pakistan as a state sponsor of terror."\n'
    )
    assert events(text, dt.date(2012, 9, 7)) == []


def test_plans_to_name_a_group_proposes_it() -> None:
    """https://abcnews.go.com/Blotter/haqqani-network-officially-designated-terrorists/story?id=17181785: a
    stated plan "to officially name" a group a terrorist organisation proposes the designation."""
    text = (
        "Secretary of State Hillary Clinton said today she plans to officially name the Haqqani network, a "
        "violent Taliban-affiliated militant group based in Pakistan, as a terrorist organization.\n"
    )
    found = events(text, dt.date(2012, 9, 7))
    assert {(e.jurisdiction, e.entity_id, e.action) for e in found} == {
        ("US", "haqqani-network", "proposed_designation")
    }


def test_the_groups_a_sanctions_list_is_against_are_not_removed() -> None:
    """https://news.liga.net/politics/news/sovbez-oon-snyal-sanktsii-s-novogo-prezidenta-sirii-pered-ego-vizitom-k-trampu: the groups named after "списка санкций против" name the list; the
    persons removed from it are not them."""
    text = (
        "Аш-Шараа и Хаттаба исключили из списка санкций против террористических группировок Исламское "
        "государство и Аль-Каида.\n"
    )
    found = events(text, dt.date(2025, 11, 6))
    assert not [e for e in found if e.entity_id in ("islamic-state", "al-qaida")]
    assert not [
        e for e in found if e.organisation and ("Каида" in e.organisation or "государство" in e.organisation)
    ]


def test_a_state_department_is_a_body_not_a_delisted_group() -> None:
    """https://news.ru/usa/gosdep-zayavil-ob-isklyuchenii-prezidenta-sirii-ash-sharaa-iz-spiska-terroristov:
    "Государственный департамент" removes names from a list; it is none of them."""
    text = (
        "Государственный департамент Соединенных Штатов официально исключил президента Сирии Ахмеда аш-Шараа из "
        "списка террористов, говорится в сообщении ведомства.\n"
    )
    found = events(text, dt.date(2025, 11, 8))
    assert not [e for e in found if e.organisation and "департамент" in e.organisation.casefold()]


def test_a_ministry_banning_a_named_association_in_russian_designates_it() -> None:
    """https://www.gazeta.ru/politics/news/2025/11/05/27110522.shtml: "запретило объединение Muslim
    Interaktiv" (a ministry, neuter) bans the association named after the noun."""
    text = (
        "«Министерство внутренних дел сегодня (5 ноября – прим.ред.) запретило объединение Muslim Interaktiv, "
        "поскольку его цели и деятельность противоречат уголовному законодательству», – говорится в сообщении.\n"
    )
    found = events(text, dt.date(2025, 11, 5))
    assert ("Muslim Interaktiv", "designated") in {(e.organisation, e.action) for e in found}


def test_a_minister_banning_an_association_in_russian_designates_it() -> None:
    """https://tmbw.ru/v-frg-zapretili-obedinenie-grazhdan-reykha-korolevstvo-germaniya: "запретил
    объединение "Королевство Германия"" names the banned association in quotes."""
    text = 'Министр внутренних дел ФРГ Александер Добриндт сегодня запретил объединение "Королевство Германия".\n'
    found = events(text, dt.date(2025, 5, 13))
    assert {(e.jurisdiction, e.organisation, e.action) for e in found} == {
        ("DE", "Королевство Германия", "designated")
    }


def test_not_banning_an_association_is_no_designation() -> None:
    """The negation of the same construction reports no step."""
    text = 'Министр внутренних дел ФРГ сегодня не запретил объединение "Королевство Германия".\n'
    assert events(text, dt.date(2025, 5, 13)) == []


def test_declared_outlawed_in_russian_designates() -> None:
    """The construction of https://bfm.ru (dev11, the HNG ban of 2011-09-21: "«Организация помощи ...» вне
    закона") with its verb: "объявило вне закона" outlaws the group named after it."""
    text = "МВД Германии объявило вне закона неонацистскую группировку «Хаммерскины Германии».\n"
    found = events(text, dt.date(2011, 9, 21))
    assert {(e.jurisdiction, e.organisation, e.action) for e in found} == {
        ("DE", "Хаммерскины Германии", "designated")
    }


def test_a_dated_russian_passive_ban_is_a_background_designation() -> None:
    """https://www.kommersant.ru/doc/7659777: "был запрещен в России 14 февраля 2003 года по решению Верховного
    суда" is the ban itself, dated; the bracketed aside before it is no step."""
    text = (
        "«Талибан» (признан в России террористическим и запрещен) был запрещен в России 14 февраля 2003 года по "
        "решению Верховного суда.\n"
    )
    found = events(text, dt.date(2025, 4, 17))
    assert [(e.jurisdiction, e.entity_id, e.action, e.effective_date, e.primary) for e in found] == [
        ("RU", "taliban", "designated", "2003-02-14", False)
    ]


def test_an_undated_russian_passive_ban_is_a_status() -> None:
    """Without a date or a ruling, "запрещен в России" is the status Russian media must note, no step."""
    text = "Лидеры движения «Талибан», которое запрещено в России, прибыли в Москву на переговоры.\n"
    assert events(text, dt.date(2025, 4, 17)) == []


def test_a_name_beside_the_groups_listed_today_is_not_listed() -> None:
    """https://minister.homeaffairs.gov.au/KarenAndrews/Pages/eight-terrorist-organisations-to-be-listed-under-
    the-criminal-code.aspx: "Hamas and the violent extremist groups listed today" names Hamas beside the listed
    groups, whose names the release gave before; Hamas is only to be listed."""
    text = (
        "“The views of Hamas and the violent extremist groups listed today are deeply disturbing, and there is "
        "no place in Australia for their hateful ideologies.\n"
    )
    assert events(text, dt.date(2022, 2, 17)) == []


def article_events(folder: str, name: str) -> list[NewsEvent]:
    """The events of a whole development article (its context decides which group a sentence speaks of)."""
    path = DATA / folder / name
    return extract_events(read_article_file(path, dt.date.fromisoformat(name[:10])), INDEX)


def test_proscribing_various_groups_names_none() -> None:
    """http://edge.ug/2018/01/31/kenya-outlaws-president-odingas-nrm-wing/ (dev7, a distractor): "Previous
    security ministers have on occasions proscribed various groups." counts no named group; the article's
    last group is not the object."""
    found = article_events("dev7", "2018-01-31_ke_nrm_organised_criminal_group_edge.txt")
    assert not [e for e in found if "various groups" in e.evidence_quote]


def test_parliament_chambers_demanding_a_ban_is_no_ban() -> None:
    """https://www.radio.li/p/schweizer-parlamentskammern-fordern-verbot-der-hamas-4tln4CQpiArHaOP7CPR82g (dev7,
    a distractor): "fordern Verbot der Hamas" demands a ban."""
    assert (
        events("Schweizer Parlamentskammern fordern Verbot der Hamas\n\nText.\n", dt.date(2023, 12, 19)) == []
    )


def test_do_not_know_how_a_government_classifies_is_no_designation() -> None:
    """https://www.thesundaily.my/local/govt-urged-to-make-a-list-of-terror-groups-GC1523686 (dev8, a
    distractor): "I do not know how the Malaysian government classifies a group as a terrorist organisation"."""
    assert article_events("dev8", "2019-10-23_my_suaram_terror_list_call_thesun.txt") == []


def test_a_proscribed_terror_organisation_is_an_attribute() -> None:
    """https://www.perthnow.com.au/news/politics/federal-politics/vile-organisation-labor-mulling-terror-listing-
    for-hizb-ut-tahrir-c-20582028 (dev8, a distractor): "It is banned in a handful of countries, including Germany
    and the UK, where it is a proscribed terror organisation." describes a standing status."""
    assert article_events("dev8", "2025-11-05_au_hizb_ut_tahrir_listing_considered_perthnow.txt") == []


def test_an_eu_court_removing_a_group_annuls_its_listing() -> None:
    """https://apostrophe.ua/news/world/2014-12-17/evropeyskiy-sud-isklyuchil-hamas-iz-spiska-terroristicheskih-
    gruppirovok/10046?amp (dev8): the EU's courts annul the Council's act; "Европейский суд исключил ХАМАС из
    списка" is an annulment, not a delisting."""
    found = article_events("dev8", "2014-12-17_eu_hamas_listing_annulled_apostrophe.txt")
    assert ("EU", "hamas", "annulled") in {(e.jurisdiction, e.entity_id, e.action) for e in found}
    assert "delisted" not in {e.action for e in found if e.entity_id == "hamas"}


def test_a_court_stopping_a_ban_in_russian_suspends_it() -> None:
    """https://my.ua/news/cluster/2025-04-18-rossiia-razreshila-deiatelnost-dvizheniia-taliban-detali/1cdc2069-
    f7e1-09e6-df0c-8ed8177d0b38: "остановил запрет" is "приостановил запрет", the suspension of a ban."""
    text = (
        'Верховный суд России остановил запрет на деятельность радикального исламистского движения " Талибан “, '
        "захватившего власть в Афганистане.\n"
    )
    found = events(text, dt.date(2025, 4, 18))
    assert {(e.jurisdiction, e.entity_id, e.action) for e in found} == {("RU", "taliban", "suspended")}


def test_entered_in_a_list_of_sponsors_of_terrorism_in_russian_designates() -> None:
    """https://lechaim.ru/?p=162688: "внесла ... в список государств-спонсоров терроризма" names the list by
    "терроризм", not by the adjective "террористический"."""
    text = (
        "27 ноября 2025 года Австралия официально внесла Корпус стражей Исламской революции (КСИР) Ирана в список "
        "государств-спонсоров терроризма.\n"
    )
    found = events(text, dt.date(2025, 11, 27))
    assert [(e.jurisdiction, e.action, e.effective_date) for e in found] == [
        ("AU", "designated", "2025-11-27")
    ]


def quoted(found: list[NewsEvent], words: str) -> list[NewsEvent]:
    return [e for e in found if words in e.evidence_quote]


def test_holding_back_from_designating_is_no_designation() -> None:
    """https://csmonitor.com/layout/set/amphtml/USA/Latest-News-Wires/2012/0907/US-formally-designates-Pakistani-
    Haqqani-network-as-terrorists (dev11): "it had held back from formally designating the al-Qaida-linked network
    a terrorist group" tells what was not done."""
    found = article_events("dev11", "2012-09-07_us_haqqani_network_designated_csmonitor.txt")
    assert quoted(found, "held back from") == []
    assert ("US", "haqqani-network", "designated") in {(e.jurisdiction, e.entity_id, e.action) for e in found}


def test_a_group_wrongly_listed_is_no_designation() -> None:
    """https://www.shafaq.com/en/Iraq/Iraq-orders-penalties-over-Hezbollah-Houthis-terror-listing (dev7): "an
    official publication wrongly listed Lebanon’s Hezbollah and Yemen’s Houthis as terrorist organizations"."""
    found = article_events("dev7", "2025-12-16_iq_listing_error_penalties_shafaq.txt")
    assert quoted(found, "wrongly listed") == []


def test_a_designation_reviewed_and_maintained_is_no_new_one() -> None:
    """https://www.wionews.com/world/us-designates-trf-involved-in-pahalgam-attack-as-terrorist-group-proxy-of-
    pak-based-let-1752784652326 (dev7): "reviewed and maintained the FTO designation of LeT"."""
    found = article_events("dev7", "2025-07-18_us_trf_fto_wionews.txt")
    assert quoted(found, "maintained the FTO designation") == []


def test_a_designation_amended_with_new_aliases_is_no_new_one() -> None:
    """https://www.telegraphindia.com/india/united-states-global-terror-tag-on-the-resistance-front-decision-linked-
    to-pahalgam-attack-prnt/cid/2113953 (dev7): "I hereby amend the designation of Lashkar-e-Tayyiba ... to include
    the following new aliases" adds names to a standing designation."""
    found = article_events("dev7", "2025-07-19_us_trf_fto_telegraphindia.txt")
    assert quoted(found, "amend the designation") == []


def test_kept_on_the_terror_list_is_a_standing_status() -> None:
    """http://derstandard.at/2000044779199/Europaeischer-Gerichtshof-fordert-Streichung-der-Hamas-von-Terrorliste
    (dev8): "dass sie auf der Terrorliste belassen wurden" (kept on the list) is no designation."""
    found = article_events("dev8", "2016-09-22_eu_hamas_ltte_advocate_general_derstandard.txt")
    assert [e for e in quoted(found, "belassen") if e.action == "designated"] == []


def test_a_russian_count_announces_the_names_of_the_next_sentences() -> None:
    """https://report.az/ru/drugie-strany/ssha-vklyuchili-v-spisok-terroristicheskih-organizacij-chetyre-
    gruppirovki-svyazannye-s-iranom (dev8): "о внесении в список ... четырех иракских военизированных
    формирований" counts the groups that "Это группировки "A", "B", "C" и "D"." names two sentences later."""
    found = article_events("dev8", "2025-09-17_us_iraqi_militias_fto_report_az.txt")
    assert {(e.jurisdiction, e.organisation, e.action) for e in found} == {
        ("US", "Харакат ан-Нуджаба", "designated"),
        ("US", "Катаиб Сайид аль-Шухада", "designated"),
        ("US", "Харакат Ансар Аллах аль-Ауфия", "designated"),
        ("US", "Катаиб аль-Имам Али", "designated"),
    }


def test_five_structures_counted_in_russian_are_named_in_the_next_sentence() -> None:
    """https://ctc-rk.kz (dev8, 2022-05-22; URL in dev8/index.jsonl): "исключил пять структур из американского
    списка" counts the groups the next sentence names in quotes ("речь идет об организации ЭТА («Страна басков и
    свобода») ... «Аум синрикё» ... «Совет шуры моджахедов», «Кахане хай» и «Аль-Гамаа аль-Исламия»")."""
    found = article_events("dev8", "2022-05-22_us_five_fto_revoked_ctc_kz.txt")
    assert {e.organisation for e in found if (e.jurisdiction, e.action) == ("US", "delisted")} >= {
        "Аум синрикё",
        "Совет шуры моджахедов",
        "Кахане хай",
        "Аль-Гамаа аль-Исламия",
    }


def test_countries_that_have_designated_in_spanish_is_background() -> None:
    """https://eldiario.com/2025/07/02/paises-tren-de-aragua-organizacion-terrorista/ (dev8): "Países de América
    Latina que han designado al Tren de Aragua como organización terrorista" heads a survey, no step."""
    text = "Países de América Latina que han designado al Tren de Aragua como organización terrorista\n\nTexto.\n"
    assert events(text, dt.date(2025, 7, 2)) == []


def test_a_parliamentary_motion_that_declares_is_no_designation() -> None:
    """https://trujillolimpio.com/2025/03/13/congreso-declara-al-tren-de-aragua-como-organizacion-terrorista/
    (dev8, a distractor): "aprobó la
    Moción de Orden del Día 16090, que declara al Tren de Aragua como organización terrorista" binds no one."""
    text = (
        "Con 77 votos a favor, 10 en contra y tres abstenciones, el Pleno del Congreso aprobó la Moción de Orden del "
        "Día 16090, que declara al Tren de Aragua como organización terrorista.\n"
    )
    assert events(text, dt.date(2025, 3, 13)) == []


def test_a_ban_in_efforts_to_curb_violence_is_still_a_ban() -> None:
    """The hedge "efforts to" is an effort towards the listing itself ("efforts to push the UN in designating"),
    not any purpose the step serves: "In its efforts to curb violence the government banned X" bans X."""
    text = "In its efforts to curb violence the government of Kenya today banned the Mungiki sect.\n"
    found = events(text, dt.date(2002, 3, 5))
    assert ("KE", "designated") in {(e.jurisdiction, e.action) for e in found}
