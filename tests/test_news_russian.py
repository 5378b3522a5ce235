# ruff: noqa: RUF001, RUF003  -- Russian text and typographic quotes are real article text.
"""Russian-language extraction on real sentences of the development articles (tests/data/news/dev*).

Names come in oblique cases and in quotes, single-capitalised or in Latin letters; they are read in the
nominative, linked to the registry where it knows them, and a hedge or a refusal gives no event.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from proscribe.news import NewsEvent, extract_events, name_index, parse_article, read_article_file, russian
from proscribe.news.dates import find_dateline

DATA = Path(__file__).parent / "data" / "news"
INDEX = name_index()


def _events(relative: str, *, extremist_lists: bool = False) -> list[NewsEvent]:
    return extract_events(read_article_file(DATA / relative), INDEX, extremist_lists=extremist_lists)


def _sentence_events(sentence: str, published: dt.date, *, extremist_lists: bool = False) -> list[NewsEvent]:
    article = parse_article(sentence + "\n", "ru.txt", published=published, language="ru")
    return extract_events(article, INDEX, extremist_lists=extremist_lists)


def test_declined_quoted_name_reads_in_the_nominative() -> None:
    # dev3, RIA Novosti via mail.ru: the name is in the genitive inside its quotes.
    sentence = (
        "Решение о признании «Съезда народных депутатов»* террористической организацией и её запрете в РФ "
        "подлежит немедленному исполнению, добавили в суде."
    )
    assert [n.text for n in russian.organisation_names(sentence)] == ["Съезд народных депутатов"]
    events = _events("dev3/2025-12-08_ru_sezd_mailru.txt")
    assert [(e.jurisdiction, e.organisation, e.action) for e in events] == [
        ("RU", "Съезд народных депутатов", "designated")
    ]


def test_quoted_name_after_a_verb_without_group_noun_reads_in_the_nominative() -> None:
    # dev2, Rossiyskaya Gazeta: "включило "Свидетелей Иеговы"" is the accusative plural.
    sentence = 'Министерство юстиции России включило "Свидетелей Иеговы" в списки запрещенных организаций.'
    assert [n.text for n in russian.organisation_names(sentence)] == ["Свидетели Иеговы"]


def test_group_noun_keeps_the_quoted_name_as_written() -> None:
    # dev, ria24: "признал движение «Колумбайн»*" — the noun takes the case, the name stays nominative.
    events = _events("dev/2022-02-02_ru_columbine_ria24.txt")
    assert ("RU", "Колумбайн", "designated") in [(e.jurisdiction, e.organisation, e.action) for e in events]


def test_registry_names_coordinated_across_an_acronym_in_brackets() -> None:
    # dev, vott.ru: "признал "Исламское государство Ирака и Леванта" (ИГИЛ) и "Джебхат-ан-Нусра" ...".
    events = _events("dev/2014-12-29_ru_isil_nusra_vott.txt")
    assert {(e.entity_id, e.action) for e in events} == {
        ("islamic-state", "designated"),
        ("al-nusrah-front", "designated"),
    }


def test_enumeration_after_the_verb_gives_one_event_per_group() -> None:
    # dev4, lenta.ru: an extremist-list ruling, so reported only with extremist_lists=True. "признав законным
    # решение" is no law being passed ("законным" used to read as legislation and hide the step).
    events = _events("dev4/2021-08-04_ru_fbk_appeal_lenta.txt", extremist_lists=True)
    assert {(e.jurisdiction, e.organisation, e.action) for e in events} == {
        ("RU", "ФБК", "designated"),
        ("RU", "Фонд защиты прав граждан", "designated"),
        ("RU", "Штабы Навального", "designated"),
    }
    assert _events("dev4/2021-08-04_ru_fbk_appeal_lenta.txt") == []


def test_latin_names_in_a_russian_sentence_and_the_news_agency() -> None:
    # dev4, minval.az: "... три ведущих независимых СМИ — Kloop, Temirov Live и AitAit Dese, сообщает Reuters."
    # The ruling is dated by the next sentence ("Постановление, вынесенное в понедельник").
    events = _events("dev4/2025-10-28_kg_kloop_minval.txt", extremist_lists=True)
    assert {(e.jurisdiction, e.organisation, e.effective_date) for e in events} == {
        ("KG", "Kloop", "2025-10-27"),
        ("KG", "Temirov Live", "2025-10-27"),
        ("KG", "AitAit Dese", "2025-10-27"),
    }


def test_bracketed_latin_aliases_are_not_other_groups() -> None:
    # dev3, RTVI: "«Съезд народных депутатов»* (Kongres Deputowanych Ludowych*, KDL*)".
    events = _events("dev3/2025-12-08_ru_sezd_rtvi.txt")
    assert [e.organisation for e in events] == ["Съезд народных депутатов"]


def test_hedges_give_no_event() -> None:
    # dev, szaomos: "решение об исключении "Талибана" ... еще не принято"; dev, ria24: "Путин намекнул ООН, что
    # стоит исключить "Талибан" из списка террористов".
    for relative in ("dev/2024-11-26_ru_peskov_bill_szaomos.txt", "dev/2023-10-05_ru_putin_valdai_ria24.txt"):
        assert not [e for e in _events(relative) if e.action in ("delisted", "suspended")], relative
    refusal = "Верховный суд отказался признать организацию «Меджлис» террористической."
    assert _sentence_events(refusal, dt.date(2025, 5, 5)) == []


def test_evidence_is_a_verbatim_substring_of_the_cleaned_article() -> None:
    paths = [
        path
        for folder in ("dev", "dev2", "dev3")
        for path in sorted((DATA / folder).glob("*.txt"))
        if "_ru_" in path.name or "_kg_" in path.name or "_kz_" in path.name
    ]
    assert len(paths) >= 15
    for path in paths:
        article = read_article_file(path)
        for event in extract_events(article, INDEX, extremist_lists=True):
            assert event.evidence_quote in article.text, path.name


def test_tagged_name_in_an_oblique_case_is_put_in_the_nominative() -> None:
    # dev, mgorod.kz: "об исключении из него «Движения Талибан»"; the registry links it either way.
    sentence = (
        "В рамках указанного процесса было принято решение об исключении из него «Движения Талибан» в "
        "соответствии с практикой ООН, — сказал Смадияров."
    )
    assert [n.text for n in russian.organisation_names(sentence)] == ["Движение Талибан"]
    assert russian.link_name("Движение Талибан", INDEX) == "taliban"


@pytest.mark.parametrize(
    ("name", "entity_id"),
    [
        ("ХАМАС", "hamas"),
        ("Хизб ут-Тахрир", "hizb-ut-tahrir"),
        ("Хезболла", "hizballah"),
        ("Хезболлы", "hizballah"),
    ],
)
def test_transliterated_names_link_to_latin_registry_names(name: str, entity_id: str | None) -> None:
    # The registry keeps Hamas, Hizb ut-Tahrir (without "аль-Ислами") and Hizballah in Latin letters only.
    # A final vowel run is one "a" in the key, so the genitive "Хезболлы" meets "Hizballah" too.
    assert russian.link_name(name, INDEX) == entity_id


def test_short_transliteration_keys_do_not_link() -> None:
    assert len(russian.translit_key("ИГ")) < russian.MIN_KEY_CHARS
    assert russian.link_name("Азов", INDEX) is None


def test_state_bodies_and_adjectives_are_not_groups() -> None:
    sentence = "Украинский батальон «Азов» признан в России террористической организацией, сообщает ТАСС."
    assert [n.text for n in russian.organisation_names(sentence)] == ["Азов"]
    assert russian.organisation_names("Верховный суд РФ и Генпрокуратура России.") == ()


def test_latin_sentences_are_not_tagged() -> None:
    assert russian.organisation_names("The Supreme Court banned the Taliban.") == ()
    assert not russian.is_russian("The Supreme Court banned the Taliban.")
    assert russian.is_russian("Верховный суд признал ФБК террористической организацией.")


def test_status_aside_in_brackets_is_no_step() -> None:
    # dev4, lenta.ru: "... решения о признании экстремистской организацией ФБК (включен Минюстом в реестр
    # организаций, выполняющих функции иностранного агента, и признан экстремистской организацией)": the ruling
    # is the step; the bracketed "включен ... и признан" describes the standing status.
    sentence = (
        "Суд заявил о вступлении в законную силу решения о признании экстремистской организацией ФБК (включен "
        "Минюстом в реестр организаций, выполняющих функции иностранного агента, и признан экстремистской "
        "организацией)."
    )
    assert not russian.in_status_aside(sentence, sentence.index("признании"))
    assert russian.in_status_aside(sentence, sentence.index("включен"))
    assert russian.in_status_aside(sentence, sentence.index("признан экстремистской"))
    events = _sentence_events(sentence, dt.date(2021, 8, 4), extremist_lists=True)
    assert [(e.organisation, e.action) for e in events] == [("ФБК", "designated")]


def test_declined_quoted_name_without_tagger_span_reads_in_the_nominative() -> None:
    # dev, riamo.ru: "запретил деятельность «Антивоенного комитета России»*" (the tagger splits off "России").
    events = _events("dev/2026-03-02_ru_antiwar_committee_riamo.txt")
    assert ("RU", "Антивоенный комитет России", "designated") in [
        (e.jurisdiction, e.organisation, e.action) for e in events
    ]


def test_a_conviction_is_no_designation() -> None:
    # Constructed in the words of the dev sentencing reports (dev/2023-12-19_ru_hizb_sentence_interfax.txt):
    # "признал виновным ... в участии в террористической организации" convicts a person, lists no group.
    sentence = "Суд признал жителя Уфы виновным в участии в террористической организации «Хизб ут-Тахрир»."
    assert _sentence_events(sentence, dt.date(2023, 12, 19)) == []


def test_bodies_that_list_are_not_listed_groups() -> None:
    assert russian.is_body("ФСБ")
    assert russian.is_body("Верховный суд")
    assert not russian.is_body("Антивоенный комитет России")
    assert not russian.is_body("Русский добровольческий корпус")
    # Constructed: the list's keeper after "организаций" is no group; the subject is.
    sentence = "Организация «Сеть» попала в список террористических организаций ФСБ."
    assert [(e.organisation, e.action) for e in _sentence_events(sentence, dt.date(2019, 2, 12))] == [
        ("Сеть", "designated")
    ]


def test_tagging_budget_counts_sentences_not_calls() -> None:
    sentences = [f"Суд признал «Группу {number}» террористической организацией." for number in range(3)]
    russian.start_article()
    for _ in range(5):
        for sentence in sentences:
            russian.organisation_names(sentence)
    budget = russian._BUDGET.get()
    assert budget.left == russian.MAX_TAGGED_SENTENCES - len(sentences)


def _steps(events: list[NewsEvent]) -> list[tuple[str | None, str | None, str, str | None, bool]]:
    return [(e.jurisdiction, e.organisation, e.action, e.effective_date, e.primary) for e in events]


def test_rosfinmonitoring_list_is_no_designation() -> None:
    # dev5, m24.ru: Rosfinmonitoring's list of terrorists and extremists freezes assets; it designates no one.
    sentence = (
        "До этого Росфинмониторинг внес в перечень экстремистских и террористических организаций литовский "
        '"Форум свободной России".'
    )
    assert _sentence_events(sentence, dt.date(2025, 12, 8)) == []
    organisations = {e.organisation for e in _events("dev5/2025-12-08_ru_congress_deputies_m24.txt")}
    assert organisations == {"Съезд народных депутатов"}


def test_person_on_the_financial_list_in_brackets_leaves_the_ruling() -> None:
    # dev4, mk.ru: the leader's status in brackets names Rosfinmonitoring's list; the court's ruling stands.
    events = _events("dev4/2023-12-30_ru_rdk_mk.txt")
    assert ("RU", "Русский добровольческий корпус", "designated", False) in [
        (e.jurisdiction, e.organisation, e.action, e.primary) for e in events
    ]


def test_an_international_structures_list_is_no_states_designation() -> None:
    # dev5, khovar.tj: the SCO's regional anti-terrorist structure keeps a list; Tajikistan did not act here.
    events = _events("dev5/2022-09-14_ru_irpt_terrorist_khovar.txt")
    assert not any("ШОС" in e.evidence_quote or "ОДКБ" in e.evidence_quote for e in events)
    assert ("RU", "Партия исламского возрождения Таджикистана", "designated", "2022-09-14", True) in _steps(
        events
    )


def test_description_before_a_quoted_name_is_not_a_group() -> None:
    # dev5, profile.ru: "Украинский батальон "Днепр-1"" — the tagger's span is the description of the quoted name.
    sentence = (
        'Украинский батальон "Днепр-1" включен в перечень террористических организаций, что означает запрет его '
        "на территории России, сообщает Федеральная служба безопасности."
    )
    assert [n.text for n in russian.organisation_names(sentence)] == ["Днепр-1"]
    organisations = {e.organisation for e in _events("dev5/2024-09-04_ru_dnipro1_fsb_list_profile.txt")}
    assert organisations == {"Днепр-1", "Грузинский легион"}


def test_background_ruling_keeps_its_own_month() -> None:
    # dev5, profile.ru: "В июне российский суд признал ..." is dated by its own month, not by the day another
    # ruling came into force ("решение вступило в силу 25 июня 2024 года").
    events = _events("dev5/2024-09-04_ru_dnipro1_fsb_list_profile.txt")
    assert ("RU", "Грузинский легион", "designated", "2024-06", False) in _steps(events)


def test_registry_name_inside_a_longer_quoted_name_is_another_group() -> None:
    # dev5, life.ru: "Путеводитель в исламское государство" is a group of its own, not Islamic State.
    events = _events("dev5/2019-02-12_ru_fsb_list_chistopol_life.txt")
    assert "islamic-state" not in {e.entity_id for e in events}
    assert {"Чистопольский джамаат", "Путеводитель в исламское государство"} <= {
        e.organisation for e in events
    }


def test_starred_name_and_genitive_country_read_as_one_group() -> None:
    # dev5, khovar.tj: "Партию исламского возрождения Таджикистана*" (the star marks a banned group) and, in a
    # quoted statement, "Партии исламского возрождения Таджикистана" (the tagger calls the country a place).
    sentence = (
        "«Суд удовлетворил иск генеральной прокуратуры РФ о признании террористической Партии исламского "
        "возрождения Таджикистана и запрете ее деятельности на территории РФ»,— рассказал «Интерфаксу» представитель."
    )
    assert "Партия исламского возрождения Таджикистана" in [
        n.text for n in russian.organisation_names(sentence)
    ]


def test_relative_clause_with_a_bare_passive_is_a_status() -> None:
    # In the words of the dev sentencing reports (dev/2023-12-19_ru_hizb_sentence_interfax.txt): the relative
    # clause says what the group is; "которая была признана ... судом в 2017 году" (dev5, life.ru) tells a step.
    sentence = (
        "Житель Уфы признан виновным в участии в деятельности организации «Хизб ут-Тахрир», которая признана "
        "в России террористической."
    )
    assert russian.in_status_aside(sentence, sentence.index("признана"))
    assert _sentence_events(sentence, dt.date(2023, 12, 19)) == []
    told = "В список добавлена организация «Чистопольский джамаат», которая была признана террористической судом."
    assert not russian.in_status_aside(told, told.index("признана"))


def test_conviction_report_recalls_a_ban_without_reporting_one() -> None:
    # A conviction report in the words of dev5's TASS sentencing reports: the undated mention of the ban is the
    # group's status. A ban it dates (dev5, eadaily: "26 сентября 2016 года решением Верховного суда
    # Узбекистана признана террористической") stays as background.
    text = (
        "Суд в Уфе приговорил пятерых членов ячейки «Хизб ут-Тахрир»\n\n"
        "Приволжский окружной военный суд приговорил пятерых жителей Башкирии к срокам от 12 до 19 лет лишения "
        "свободы за участие в деятельности террористической организации «Хизб ут-Тахрир».\n\n"
        "Организация «Хизб ут-Тахрир» признана террористической, ее деятельность на территории РФ запрещена.\n"
    )
    article = parse_article(text, "ru.txt", published=dt.date(2023, 12, 19), language="ru")
    assert extract_events(article, INDEX) == []
    assert ("UZ", "designated", "2016-09-26", False) in [
        (e.jurisdiction, e.action, e.effective_date, e.primary)
        for e in _events("dev5/2022-01-27_uz_ktj_arrests_eadaily.txt")
    ]


def test_prosecutor_general_claims_and_hearings() -> None:
    # dev5, rg.ru: a demand, a claim with nested straight quotes, and a hearing "на вторую половину января".
    steps = {
        (e.organisation, e.action, e.effective_date)
        for e in _events("dev5/2024-12-27_ru_right_sector_petition_rg.txt")
    }
    assert {
        ("Правый сектор", "petition_filed", None),
        ("Добровольческий украинский корпус", "petition_filed", None),
        ("Правая молодежь", "petition_filed", None),
        ("Правый сектор", "hearing_scheduled", "2025-01"),
    } <= steps
    assert not any((name or "").startswith("Национально-освободительное движение") for name, _, _ in steps)
    # dev5, ria.ru: "направил в Верховный суд иск", "назначено к судебному разбирательству на 8 декабря".
    steps = {
        (e.organisation, e.action, e.effective_date)
        for e in _events("dev5/2025-11-21_ru_congress_deputies_petition_ria.txt")
    }
    assert steps == {
        ("Съезд народных депутатов", "petition_filed", None),
        ("Съезд народных депутатов", "hearing_scheduled", "2025-12-08"),
    }


def test_ruling_on_the_prosecutors_claim_is_no_petition() -> None:
    # dev, theins.ru: "по иску генпрокурора" names the claim the court ruled on; the ruling is the step.
    events = _events("dev/2020-06-05_ru_hts_designated_theins.txt")
    assert [(e.entity_id, e.action) for e in events] == [("hayat-tahrir-al-sham", "designated")]


def test_unit_named_after_a_person_is_read_whole() -> None:
    # dev5, lenta.ru and sevastopol.su: the tagger tags the adjectives (and "им") as the organisation and the person
    # apart; "им." ends no sentence.
    for relative, name in [
        (
            "dev5/2022-06-01_ru_chelebicihan_battalion_lenta.txt",
            "Крымско-татарский добровольческий батальон имени Номана Челебиджихана",
        ),
        (
            "dev5/2022-06-01_ru_chelebicihan_battalion_sevastopolnews.txt",
            "Крымско-татарский добровольческий батальон им. Номана Челебиджихана",
        ),
    ]:
        assert [(e.organisation, e.action) for e in _events(relative)] == [(name, "designated")]


def test_list_named_before_its_passive_and_a_claim_received_from_the_prosecutors() -> None:
    # dev5, life.ru: "В список добавлена организация «Чистопольский джамаат», которая была признана террористической ...".
    sentence = (
        'В список добавлена организация "Чистопольский джамаат", которая была признана террористической '
        "Приволжским окружным военным судом."
    )
    assert [(e.organisation, e.action) for e in _sentence_events(sentence, dt.date(2019, 2, 12))] == [
        ("Чистопольский джамаат", "designated")
    ]
    # dev5, m24.ru: "Иск о признании «Съезда» ... поступил в суд от Генпрокуратуры": the short name is the group
    # the article names in full.
    steps = {(e.organisation, e.action) for e in _events("dev5/2025-12-08_ru_congress_deputies_m24.txt")}
    assert steps == {
        ("Съезд народных депутатов", "designated"),
        ("Съезд народных депутатов", "petition_filed"),
    }


@pytest.mark.parametrize(
    ("sentence", "jurisdiction"),
    [
        # In the words of dev5's Central Asian reports (eadaily.com, tengrinews.kz): the court's or body's country acts.
        ("Специализированный межрайонный суд Астаны признал террористической организацию «Аль-Каида».", "KZ"),
        ("Суд в Алматы признал террористической организацию «Хизб ут-Тахрир».", "KZ"),
        ("Минюст Кыргызстана исключил движение «Талибан» из списка запрещенных организаций.", "KG"),
        ("Верховный суд Узбекистана признал террористической организацию «Катиба Имам аль-Бухари».", "UZ"),
    ],
)
def test_central_asian_courts_and_bodies_act_for_their_country(sentence: str, jurisdiction: str) -> None:
    assert [e.jurisdiction for e in _sentence_events(sentence, dt.date(2024, 9, 6))] == [jurisdiction]


def test_headline_is_the_news_when_the_body_tells_only_history() -> None:
    # dev5, tengrinews.kz via profile: the body's only step is "Напомним, ранее Казахстан также исключил ...".
    steps = {
        (e.jurisdiction, e.action, e.primary)
        for e in _events("dev5/2024-09-06_kg_taliban_delisted_tengrinews.txt")
    }
    assert steps == {("KG", "delisted", True), ("KZ", "delisted", False)}


def test_a_hearing_is_set_for_every_group_of_the_claim() -> None:
    # dev5, rg.ru: "иск ... о запрете ... «Правый сектор», «Добровольческий украинский корпус» и «Правая молодежь»"
    # then "Рассмотрение запланировано на вторую половину января": three hearings, three pending claims.
    events = _events("dev5/2024-12-27_ru_right_sector_petition_rg.txt")
    groups = {"Правый сектор", "Добровольческий украинский корпус", "Правая молодежь"}
    hearings = {(e.organisation, e.effective_date) for e in events if e.action == "hearing_scheduled"}
    assert hearings == {(group, "2025-01") for group in groups}
    claims = [e for e in events if e.action == "petition_filed"]
    assert {e.organisation for e in claims} == groups
    assert all(e.primary and e.announced_date == "2024-12-27" for e in claims)


def test_dated_background_ruling_is_not_merged_into_the_undated_news() -> None:
    # In the words of dev5's profile.ru report: the FSB's list step is the news; the ruling it recalls keeps its day.
    text = (
        "Батальон «Днепр-1» включен в перечень террористических организаций, сообщает ФСБ.\n\n"
        "Южный окружной военный суд 14 декабря 2023 года признал террористическим сообщество «Днепр-1».\n"
    )
    article = parse_article(text, "ru.txt", published=dt.date(2024, 9, 4), language="ru")
    assert sorted(_steps(extract_events(article, INDEX)), key=str) == sorted(
        [("RU", "Днепр-1", "designated", None, True), ("RU", "Днепр-1", "designated", "2023-12-14", False)],
        key=str,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        # In the words of the dev sentencing and FSB reports (dev/2023-12-19_ru_hizb_sentence_interfax.txt,
        # dev5/2024-11-07_uz_kokand_cell_vzglyad.txt): guilt admitted, a participle, a status in brackets.
        "Фигурант дела признал вину в участии в деятельности террористической организации «Катиба Таухид валь-Джихад».",
        "Пятерых участников «Хизб ут-Тахрир», признанной Верховным судом РФ террористической, осудили в Уфе.",
        "Суд в Москве приговорил сторонника «Исламского государства» (организация признана террористической и "
        "запрещена в РФ) к 18 годам.",
        "Росфинмониторинг внес «Хизб ут-Тахрир» в перечень террористов и экстремистов.",
    ],
)
def test_conviction_and_fsb_wordings_give_no_step(sentence: str) -> None:
    assert _sentence_events(sentence, dt.date(2025, 10, 1)) == []


def test_prosecutors_demand_as_a_gerund_and_the_hearing_after_it() -> None:
    # dev6, life.ru: "инициировала процедуру ..., требуя признать" is the claim; the hearing that follows is set for it.
    steps = {
        (e.jurisdiction, e.organisation, e.action, e.effective_date)
        for e in _events("dev6/2025-10-22_ru_fbk_petition_life.txt")
    }
    assert steps == {
        ("RU", "Фонд борьбы с коррупцией", "petition_filed", None),
        ("RU", "Фонд борьбы с коррупцией", "hearing_scheduled", "2025-11-27"),
    }


def test_prosecutors_request_told_after_its_object() -> None:
    # dev6, kasparov.ru: "Признать "Азов" террористической организацией попросила 17 мая Генпрокуратура РФ."
    sentence = 'Признать "Азов" террористической организацией попросила 17 мая Генпрокуратура РФ.'
    assert _steps(_sentence_events(sentence, dt.date(2022, 8, 2))) == [
        ("RU", "Азов", "petition_filed", "2022-05-17", False)
    ]


def test_ruling_in_accordance_with_the_claim_is_the_ruling() -> None:
    # dev6, tvzvezda.ru: "В соответствии с иском ..." names the claim the court ruled on; "признав его
    # террористическим" is the designation.
    sentence = (
        "В соответствии с иском Генеральной прокуратуры России Верховный суд запретил на территории страны "
        "движение «Колумбайн», признав его террористическим."
    )
    assert [(e.organisation, e.action) for e in _sentence_events(sentence, dt.date(2022, 2, 2))] == [
        ("Колумбайн", "designated")
    ]


def test_ceased_to_be_banned_is_a_removal() -> None:
    # dev6, vremyapress.ru: "перестало быть запрещенным" after Russia's law of December 2024 is a suspension.
    events = _events("dev6/2025-04-18_ru_taliban_suspended_vremyapress.txt")
    assert [(e.jurisdiction, e.entity_id, e.action) for e in events] == [("RU", "taliban", "suspended")]
    # In the same article's words: "больше не является террористической" tells the same removal.
    sentence = "Также по решению суда организация «Талибан» больше не является террористической."
    assert [(e.entity_id, e.action) for e in _sentence_events(sentence, dt.date(2025, 4, 18))] == [
        ("taliban", "suspended")
    ]


def test_a_cell_put_on_the_list_is_no_crime_report() -> None:
    # dev6, 1tv.ru: "Российскую ячейку ... «Аум Синрике» ... внесли в федеральный перечень": a "cell" in the headline
    # is the group listed, not an arrest; the list addition is the news.
    lead = ["Российскую ячейку «Аум Синрике»* внесли в список террористических организаций"]
    assert not russian.crime_news(lead)
    steps = _steps(_events("dev6/2024-12-18_ru_aum_cell_fsb_list_1tv.txt"))
    assert ("RU", "Аум Синрике", "designated", None, True) in steps


def test_acronym_of_a_name_given_in_full_is_that_group() -> None:
    # dev6, ria.ru: "Антивоенного комитета России"* then "признала АКР* террористической организацией": one group.
    events = _events("dev6/2026-03-02_ru_anti_war_committee_ria.txt")
    assert {e.organisation for e in events} == {"Антивоенный комитет России"}
    assert russian.short_names_in_full(["Фонд борьбы с коррупцией", "ФБК", "ФСБ"]) == {
        "ФБК": "Фонд борьбы с коррупцией"
    }


def test_list_entry_and_the_court_ruling_behind_it_are_two_steps() -> None:
    # dev6, smartnews: "ФСБ России включила "Русский добровольческий корпус" (РДК) в список ..." then "Данное решение
    # было принято Вторым Западным окружным военным судом 16 ноября и вступило в законную силу 2 декабря.": the
    # list entry is the news, the ruling a dated background step.
    steps = _steps(_events("dev6/2023-12-30_ru_rdk_fsb_list_smartnews.txt"))
    assert sorted(steps, key=str) == sorted(
        [
            ("RU", "Русский добровольческий корпус", "designated", None, True),
            ("RU", "Русский добровольческий корпус", "designated", "2023-11-16", False),
        ],
        key=str,
    )
    # dev5, profile.ru: the ruling's day (14 December 2023) and its entry into force (25 June 2024) do not date
    # the list entry.
    steps = _steps(_events("dev5/2024-09-04_ru_dnipro1_fsb_list_profile.txt"))
    assert ("RU", "Днепр-1", "designated", None, True) in steps
    assert ("RU", "Днепр-1", "designated", "2023-12-14", False) in steps
    # dev6, 1tv.ru: "Соответствующее решение принял 2-й Западный окружной военный суд." — undated, still its own step.
    steps = _steps(_events("dev6/2024-12-18_ru_aum_cell_fsb_list_1tv.txt"))
    assert [s[3:] for s in steps] == [(None, True), (None, False)]


def test_a_list_of_terrorist_and_extremist_organisations_is_the_financial_list() -> None:
    # dev6, gazeta.ru (a distractor): only Rosfinmonitoring's list holds groups "террористических и экстремистских"
    # at once; the FSB's list is of terrorist organisations only.
    sentence = (
        "3 марта преступная группировка «Махонинские» была добавлена в список террористических и экстремистских "
        "организаций."
    )
    assert _sentence_events(sentence, dt.date(2026, 3, 3)) == []
    assert _events("dev6/2026-03-03_ru_vykhod_extremist_gazeta.txt") == []


def test_earlier_claim_in_the_imperfective_and_a_ban_told_as_recognised_banned() -> None:
    # dev5, khovar.tj: "обращалась Генеральная прокуратура" is the earlier claim; "была признана запрещенной еще в
    # сентябре 2015 года" is Tajikistan's own ban, background.
    steps = _steps(_events("dev5/2022-09-14_ru_irpt_terrorist_khovar.txt"))
    name = "Партия исламского возрождения Таджикистана"
    assert steps == [
        ("RU", name, "designated", "2022-09-14", True),
        ("RU", name, "petition_filed", None, False),
        ("TJ", name, "designated", "2015-09", False),
    ]


def test_a_ruling_told_in_the_imperfective_is_a_background_step() -> None:
    # dev6, 78.ru: "Верховный Суд России признавал другое отделение организации ... террористическим в сентябре 2016
    # года." (the article's own news is Rosfinmonitoring's list, no designation).
    steps = _steps(_events("dev6/2024-12-18_ru_aum_cell_rosfinmonitoring_78ru.txt"))
    assert steps == [("RU", "АУМ Синрике", "designated", "2016-09", False)]


def test_rulings_in_relative_clauses_behind_a_list_entry() -> None:
    # dev5, life.ru: "В список добавлена организация "Чистопольский джамаат", которая была признана террористической
    # Приволжским окружным военным судом в 2017 году, а также организация "Путеводитель в исламское государство",
    # которую признали террористической в Московском окружном военном суде в 2018 году.": the entries are the news,
    # each ruling a background step with its own year.
    steps = set(_steps(_events("dev5/2019-02-12_ru_fsb_list_chistopol_life.txt")))
    assert steps == {
        ("RU", "Чистопольский джамаат", "designated", None, True),
        ("RU", "Чистопольский джамаат", "designated", "2017", False),
        ("RU", "Путеводитель в исламское государство", "designated", None, True),
        ("RU", "Путеводитель в исламское государство", "designated", "2018", False),
    }


def test_a_dated_list_entry_keeps_its_own_date_beside_the_ruling() -> None:
    # In the words of dev5's life.ru report, with the entry dated by the sentence itself.
    sentence = (
        '12 февраля в список добавлена организация "Чистопольский джамаат", которая была признана '
        "террористической Приволжским окружным военным судом в 2017 году."
    )
    clauses = russian.relative_rulings(sentence)
    assert [sentence[a:b] for a, b in clauses] == [
        '", которая была признана террористической Приволжским окружным военным судом в 2017 году'
    ]
    steps = {(e.effective_date, e.primary) for e in _sentence_events(sentence, dt.date(2019, 2, 12))}
    assert ("2019-02-12", True) in steps


def test_a_court_that_will_consider_a_claim_sets_a_hearing() -> None:
    # In the words of dev5's rg.ru report ("Верховный суд РФ рассмотрит иск генерального прокурора России ...") with the
    # day ahead given as ria.ru gives it: the day is the hearing's; the claim itself is undated news.
    sentence = (
        "Верховный суд РФ рассмотрит 8 декабря иск генерального прокурора России о признании террористической "
        "организации «Съезд народных депутатов»."
    )
    steps = set(_steps(_sentence_events(sentence, dt.date(2025, 11, 21))))
    assert steps == {
        ("RU", "Съезд народных депутатов", "hearing_scheduled", "2025-12-08", True),
        ("RU", "Съезд народных депутатов", "petition_filed", None, True),
    }
    # The Federation Council's review of a bill is no court hearing.
    review = _sentence_events("Закон рассмотрит Совет Федерации.", dt.date(2024, 12, 17))
    assert [e.action for e in review] == ["review_due"]


@pytest.mark.parametrize("name", ["Ансар аш-Шариа", "Джамаат Абу Хамид"])
def test_a_body_abbreviation_inside_a_word_is_no_body(name: str) -> None:
    # In the words of dev5's Kazakh court report (tengrinews.kz): "аш-Шариа" holds "риа" (РИА Новости) and
    # "Хамид" holds "мид" (МИД); only whole words name the news agency or the ministry.
    sentence = f"Специализированный межрайонный суд Астаны признал террористической организацию «{name}»."
    assert [(e.jurisdiction, e.organisation) for e in _sentence_events(sentence, dt.date(2024, 9, 6))] == [
        ("KZ", name)
    ]
    assert russian.is_body("РИА Новости") and russian.is_body("МИД России")


def test_an_appeal_panel_is_no_group() -> None:
    # An appeal upholding a ruling (dev4, lenta.ru, labelled as the ban taking effect) reports the group, never the
    # court's panel ("Апелляционная коллегия", "Судебная коллегия по административным делам", dev6 ria.ru).
    upheld = "Апелляционная коллегия Верховного суда оставила в силе решение о признании «Колумбайна» террористическим."
    assert [e.organisation for e in _sentence_events(upheld, dt.date(2022, 4, 5))] == ["Колумбайн"]


def test_a_court_granting_a_request_to_remove_a_group_removes_it() -> None:
    # In the words of dev5's Kazakh reports (tengrinews.kz): the court grants the Prosecutor General's request.
    sentence = (
        "Верховный суд Казахстана удовлетворил заявление генпрокурора об исключении движения «Талибан» из перечня "
        "запрещенных организаций."
    )
    assert [
        (e.jurisdiction, e.entity_id, e.action) for e in _sentence_events(sentence, dt.date(2023, 12, 29))
    ] == [("KZ", "taliban", "delisted")]
    # Kyrgyzstan's list holds terrorist and extremist organisations at once: no Rosfinmonitoring list there.
    kyrgyz = "Минюст Кыргызстана исключил движение «Талибан» из списка террористических и экстремистских организаций."
    assert [(e.jurisdiction, e.action) for e in _sentence_events(kyrgyz, dt.date(2024, 9, 5))] == [
        ("KG", "delisted")
    ]


def test_a_hearing_that_will_take_place_on_a_day() -> None:
    # In the words of dev6's life.ru report: "Слушание состоится в закрытом формате." sets no day; a day does.
    sentence = "Заседание по делу о признании ФБК террористической организацией состоится 27 ноября."
    assert _steps(_sentence_events(sentence, dt.date(2025, 10, 22))) == [
        ("RU", "ФБК", "hearing_scheduled", "2025-11-27", True)
    ]
    assert _sentence_events("Слушание состоится в закрытом формате.", dt.date(2025, 10, 22)) == []


def test_a_unit_named_after_its_noun_without_quotes() -> None:
    # A constructed sentence: dev6's kasparov.ru names units with their noun ("полк "Азов"", "батальон "Азов""); written
    # unquoted, the noun stays in the name, put in the nominative ("Калиновского" alone is a person).
    sentence = "Суд признал террористическим и запретил деятельность полка Калиновского."
    assert [n.text for n in russian.unit_names(sentence)] == ["полк Калиновского"]
    assert [e.organisation for e in _sentence_events(sentence, dt.date(2023, 3, 1))] == ["полк Калиновского"]
    assert russian.unit_names("Штаб полка находится в Киеве.") == []


def test_an_unquoted_subject_of_a_bare_passive_is_the_group() -> None:
    # dev6, kommersant.ru's headline "«Антивоенный комитет России»* признан террористической организацией", written
    # without the quotes (the tagger sees no organisation opening a sentence), and dev5's lenta.ru battalion as the
    # subject.
    for sentence, name in [
        ("Антивоенный комитет России признан террористической организацией.", "Антивоенный комитет России"),
        (
            "Крымско-татарский добровольческий батальон имени Номана Челебиджихана признан террористическим.",
            "Крымско-татарский добровольческий батальон имени Номана Челебиджихана",
        ),
    ]:
        assert [e.organisation for e in _sentence_events(sentence, dt.date(2026, 3, 2))] == [name]
    # A person found guilty, a generic noun: no group.
    assert _sentence_events("Организация признана террористической.", dt.date(2026, 3, 2)) == []
    assert (
        _sentence_events(
            "Житель Уфы признан виновным в участии в деятельности организации «Хизб ут-Тахрир».",
            dt.date(2023, 12, 19),
        )
        == []
    )


def test_the_operative_part_quoted_from_the_bench_and_a_subsidiary() -> None:
    # dev6, rambler.ru: "признал американскую дочернюю структуру ФБК*" names the parent of the group banned; the judge's
    # quoted operative part names the group ("Anti-Corruption Foundation, Inc").
    events = _events("dev6/2025-11-27_ru_acf_inc_terrorist_rambler.txt")
    assert [(e.jurisdiction, e.organisation, e.action) for e in events] == [
        ("RU", "Anti-Corruption Foundation, Inc", "designated")
    ]
    # A claim's words quoted are no ruling.
    claim = "«Признать движение «Колумбайн» террористическим», — говорится в иске Генпрокуратуры."
    assert "designated" not in {e.action for e in _sentence_events(claim, dt.date(2022, 1, 20))}


def test_from_today_dates_the_ban_to_the_publication_day() -> None:
    # dev6, newizv.ru: "С сегодняшнего дня организация признана террористической."
    steps = _steps(_events("dev6/2016-09-20_ru_aum_terrorist_newizv.txt"))
    assert steps == [("RU", "Аум Синрикё", "designated", "2016-09-20", True)]


def test_a_granted_claim_is_dated_by_the_day_the_court_heard_it() -> None:
    # dev4, procrf.ru: "16 марта 2023 года Верховный Суд РФ рассмотрел административное исковое заявление
    # Генерального прокурора РФ ..." and, at the end, "Исковые требования Генерального прокурора РФ полностью
    # удовлетворены, деятельность легиона признана террористической и запрещена на территории РФ."
    steps = _steps(_events("dev4/2023-03-16_ru_legion_procrf.txt"))
    assert steps == [("RU", "Свобода России", "designated", "2023-03-16", True)]
    assert russian.court_considered(
        "Верховный Суд РФ рассмотрел административное исковое заявление прокурора."
    )
    assert not russian.court_considered("Верховный суд рассмотрит иск 27 ноября.")


@pytest.mark.parametrize(
    "sentence",
    [
        "Верховный суд снял с «Талибана» статус террористической организации.",
        "Верховный суд России снял запрет на деятельность движения «Талибан».",
        "Верховный суд отменил запрет на деятельность движения «Талибан».",
    ],
)
def test_a_ban_lifted_is_a_removal(sentence: str) -> None:
    # Constructed in the words of dev6's vremyapress.ru report of the Taliban's suspension (April 2025): a status taken
    # off ("снял с «Талибана» статус") or a ban lifted ("снял/отменил запрет на деятельность"); in Russia after the law
    # of December 2024 a suspension.
    assert [
        (e.jurisdiction, e.entity_id, e.action) for e in _sentence_events(sentence, dt.date(2025, 4, 18))
    ] == [("RU", "taliban", "suspended")]


def test_a_lifted_ban_on_something_else_is_no_removal() -> None:
    assert (
        _sentence_events("Правительство отменило запрет на ввоз зерна из Казахстана.", dt.date(2025, 4, 18))
        == []
    )


def test_a_list_entry_under_a_headline_that_names_the_terrorist_list() -> None:
    # dev5, life.ru: the headline "ФСБ расширила реестр террористических организаций" names the list, then "В список
    # добавили "Чистопольский джамаат" и "Путеводитель в исламское государство"." enters both groups.
    events = _events("dev5/2019-02-12_ru_fsb_list_chistopol_life.txt")
    entry = 'В список добавили "Чистопольский джамаат" и "Путеводитель в исламское государство".'
    assert {e.organisation for e in events if e.evidence_quote == entry} == {
        "Чистопольский джамаат",
        "Путеводитель в исламское государство",
    }
    # Without a terrorist list named before it, the same entry reports nothing; dev5's tengrinews.kz "В него вошли
    # "Аль-Каида", ИГИЛ, Церковь Муна и другие" tells what a list holds.
    assert _sentence_events(entry, dt.date(2019, 2, 12)) == []
    holds = 'Перечень террористических организаций утвержден. В него вошли "Аль-Каида", ИГИЛ, Церковь Муна и другие.'
    assert _sentence_events(holds, dt.date(2024, 9, 6)) == []


@pytest.mark.parametrize(
    ("sentence", "jurisdiction"),
    [
        # dev6, uz.sputniknews.ru: "КР признала террористическим движение ...", "Решением Ошского городского суда ...".
        ("Верховный суд КР признал террористической организацию «Хизб ут-Тахрир».", "KG"),
        ("Ошский городской суд признал террористической организацию «Джамаат ат-Таухид валь-Джихад».", "KG"),
        # A capital's court acts for its state: "Суд Астаны" (dev5) and, so, "Суд Минска".
        ("Суд Минска признал террористической организацией «Полк Калиновского».", "BY"),
    ],
)
def test_a_republic_by_its_initials_and_a_court_by_its_city(sentence: str, jurisdiction: str) -> None:
    assert [e.jurisdiction for e in _sentence_events(sentence, dt.date(2024, 9, 6))] == [jurisdiction]


def test_a_linked_name_is_given_as_the_registry_writes_it() -> None:
    # In the words of dev5's profile.ru report ("движение "Талибан"") and of reports of Russia's 2003 list: a registry
    # name in an oblique case or after a description comes out as the registry's own form.
    assert russian.link_cyrillic("Талибана", None, INDEX) == ("Талибан", "taliban")
    assert russian.link_cyrillic("Аль-Каиду", None, INDEX) == ("Аль-Каида", "al-qaida")
    assert russian.link_cyrillic("организация «Хайят Тахрир аш-Шам", None, INDEX) == (
        "Хайят Тахрир аш-Шам",
        "hayat-tahrir-al-sham",
    )
    # Unlinked names keep their words.
    assert russian.link_cyrillic("Колумбайн", None, INDEX) == ("Колумбайн", None)


def test_a_tass_dateline_dates_the_story() -> None:
    # TASS writes its Russian dateline "МОСКВА, 14 февраля. /ТАСС/." (its English one in dev: "MOSCOW, March 12.
    # /TASS/."): a weekday in the story counts from it, not from a later publication.

    text = "Заголовок\n\nМОСКВА, 14 февраля. /ТАСС/. Верховный суд во вторник признал «Колумбайн» террористическим."
    dateline = find_dateline(text, dt.date(2025, 3, 25))
    assert dateline is not None and str(dateline.date) == "2025-02-14"
    events = extract_events(
        parse_article(text, "ru.txt", published=dt.date(2025, 3, 25), language="ru"), INDEX
    )
    assert [(e.organisation, e.effective_date) for e in events] == [("Колумбайн", "2025-02-11")]
