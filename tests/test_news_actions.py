# ruff: noqa: RUF001  -- typographic quotes, apostrophes and Cyrillic letters are real article text.
"""The wider listing vocabulary (lexicon.ACTION_PATTERNS, marked news-actions), on sentences quoted from
development articles in tests/data/news/dev7 (URL and retrieval date 2026-12-04 in its index.jsonl). The
publication day is the article's.
"""

from __future__ import annotations

import datetime as dt

from proscribe.news import NewsEvent, extract_events, lexicon, name_index, parse_article

INDEX = name_index()


def events(text: str, published: dt.date) -> list[NewsEvent]:
    return extract_events(parse_article(text, "article.txt", published), INDEX)


def triples(found: list[NewsEvent]) -> set[tuple[str | None, str | None, str, str | None]]:
    return {(e.jurisdiction, e.organisation, e.action, e.effective_date) for e in found}


def test_listed_with_the_category_after_the_objects() -> None:
    """http://thepeninsulaqatar.com/news/qatar/275262/saudi-lists-brotherhood-as-terrorist-group: "listed A and two
    ... groups as terrorist organisations yesterday"."""
    text = (
        "RIYADH: Saudi Arabia listed the Muslim Brotherhood and two Syrian jihadist groups as terrorist organisations "
        "yesterday, and ordered citizens fighting abroad to return home within 15 days or face imprisonment.\n"
    )
    assert ("SA", "Muslim Brotherhood", "designated", "2014-03-07") in triples(
        events(text, dt.date(2014, 3, 8))
    )


def test_a_listing_of_a_group_as_a_terrorist_entity() -> None:
    """https://carters.ca/index.php?page_id=3535: "announced the official listing of the IRGC as a terrorist entity"."""
    text = (
        "On June 19, 2024, the Honourable Dominic LeBlanc, Minister of Public Safety, Democratic Institutions and "
        "Intergovernmental Affairs, announced the official listing of the Islamic Revolutionary Guard Corps (IRGC) as "
        "a terrorist entity under the Criminal Code.\n"
    )
    found = triples(events(text, dt.date(2024, 6, 27)))
    assert ("CA", "Islamic Revolutionary Guard Corps", "designated", "2024-06-19") in found


def test_a_french_annulment_of_a_decision_to_qualify_a_group_as_terrorist() -> None:
    """http://french.peopledaily.com.cn/n/2015/0608/c96852-8903451.html: "a annulé sa décision de qualifier le
    groupe palestinien du Hamas d'organisation terroriste"."""
    text = (
        "La cour d'appel du Caire des affaires urgentes a annulé sa décision de qualifier le groupe palestinien du "
        "Hamas d'organisation terroriste, a rapporté samedi le site Internet officiel Ahram Online.\n"
    )
    found = events(text, dt.date(2015, 6, 8))
    assert any(e.organisation == "Hamas" and e.action == "annulled" for e in found)
    assert not any(e.action == "designated" for e in found)


def test_identified_as_terrorist_organisations_after_a_long_category() -> None:
    """https://www.elterritorio.com.ar/noticias/2024/01/09/816896-...: "identifiqué a los siguientes grupos ... como
    organizaciones terroristas y actores no estatales beligerantes: A, B, ..." dated by the decree's day told before."""
    text = (
        "El presidente de Ecuador, Daniel Noboa, firmó este martes un decreto que declara al país en estado de "
        '"conflicto armado interno".\n\n'
        '"He firmado el decreto ejecutivo declarando Conflicto Armado Interno e identifiqué a los siguientes grupos '
        "del crimen organizado transnacional como organizaciones terroristas y actores no estatales beligerantes: "
        'Águilas, ÁguilasKiller, Ak47, Caballeros Oscuros, Latin Kings, Lobos, Tiguerones.", escribió.\n'
    )
    found = triples(events(text, dt.date(2024, 1, 9)))
    for name in ("Águilas", "Caballeros Oscuros", "Latin Kings", "Tiguerones"):
        assert ("EC", name, "designated", "2024-01-09") in found


def test_orders_laid_to_proscribe_are_a_proposal() -> None:
    """https://www.theguardian.com/uk/2002/oct/28/september11.indonesia: "Orders were laid before parliament to
    proscribe four organisations ..., including ... Jemaah Islamiyah"."""
    text = (
        "Orders were laid before parliament to proscribe four organisations believed to be linked to al-Qaida, "
        "including the militant Indonesian group Jemaah Islamiyah.\n"
    )
    found = events(text, dt.date(2002, 10, 28))
    assert ("GB", "Jemaah Islamiyah", "proposed_designation") in {
        (e.jurisdiction, e.organisation, e.action) for e in found
    }


def test_an_asset_freeze_ordered_is_a_listing() -> None:
    """The same article: "British banks were last week ordered to freeze the assets of Jemaah Islamiyah" (the state
    is the one acting in the sentence before)."""
    text = (
        "Orders were laid before parliament to proscribe four organisations believed to be linked to al-Qaida, "
        "including the militant Indonesian group Jemaah Islamiyah.\n\n"
        "British banks were last week ordered to freeze the assets of Jemaah Islamiyah while intelligence agencies "
        "attempt to establish the extent of its links with al-Qaida.\n"
    )
    found = events(text, dt.date(2002, 10, 28))
    assert ("GB", "Jemaah Islamiyah", "designated") in {
        (e.jurisdiction, e.organisation, e.action) for e in found
    }


def test_a_court_disbanding_a_named_group() -> None:
    """https://www.aljazeera.com/news/2018/7/31/indonesian-court-bans-isil-linked-group-behind-deadly-attacks."""
    text = (
        "An Indonesian court has disbanded Jamaah Ansharut Daulah (JAD), the country’s largest ISIL-linked group for "
        "“conducting terrorism” and affiliating itself with the foreign organisation.\n"
    )
    found = events(text, dt.date(2018, 7, 31))
    assert ("ID", "Jamaah Ansharut Daulah", "designated") in {
        (e.jurisdiction, e.organisation, e.action) for e in found
    }
    # A group that disbands itself is no step of a state.
    assert (
        events(
            "The Jamaah Ansharut Daulah disbanded in 2019 after its leaders were jailed.\n",
            dt.date(2020, 1, 1),
        )
        == []
    )


def test_a_ban_introduced_and_a_ban_not_introduced() -> None:
    """https://oko-planet.su/politik/politiklist/print:page,1,297893-...: "Кыргызстан и Таджикистан ввели запрет на
    группу" is a ban; "власти до сих пор не ввели запрет на группировку" is none."""
    text = (
        "В Казахстане продолжается борьба против «Исламского государства Ирака и Леванта» (ИГИЛ), однако власти до "
        "сих пор не ввели запрет на группировку. Кыргызстан и Таджикистан ввели запрет на «Исламское государство» "
        "в этом году.\n"
    )
    found = events(text, dt.date(2015, 10, 29))
    # Two states named together as the subject ("Кыргызстан и Таджикистан"): one step each.
    assert {e.jurisdiction for e in found if e.action == "designated"} == {"KG", "TJ"}


def test_a_bill_registered_in_the_verkhovna_rada() -> None:
    """https://tj.sputniknews.ru/20150114/1013931444.html."""
    text = (
        "В конце прошлого года в Верховной раде был зарегистрирован законопроект о признании ДНР и ЛНР "
        "террористическими организациями, но его не приняли.\n"
    )
    found = events(text, dt.date(2015, 1, 14))
    assert {(e.jurisdiction, e.organisation, e.action) for e in found} == {
        ("UA", "ДНР", "bill_introduced"),
        ("UA", "ЛНР", "bill_introduced"),
    }


def test_a_proscribed_status_removed() -> None:
    """https://www.brecorder.com/news/40131791/notification-issued-govt-revokes-tlps-proscribed-status (dev7): the
    removal is the step, not the "proscribed" it names."""
    text = "ISLAMABAD: Federal government on Saturday removed the proscribed status of Tehreek-e-Labbaik Pakistan (TLP).\n"
    found = triples(events(text, dt.date(2021, 11, 7)))
    assert found == {("PK", "Tehreek-e-Labbaik Pakistan", "delisted", "2021-11-06")}


def test_a_court_finding_that_named_gangs_are_terrorists() -> None:
    """https://www.noticiascaracol.com/mundo/corte-suprema-salvadorena-declara-grupo-terrorista-a-la-mara-salvatrucha
    (dev7): «son terroristas las pandillas denominadas Mara Salvatrucha o MS-13 ...»."""
    text = (
        "La Corte Suprema de Justicia de El Salvador declaró el lunes grupos terroristas a las pandillas y a quienes "
        "las apoyen o financien, por atentar contra la vida, seguridad e integridad de la población y de las "
        "autoridades civiles y militares.\n"
        "En la sentencia suscrita por los cinco magistrados de la Sala, se concluye que «son terroristas las pandillas "
        "denominadas Mara Salvatrucha o MS-13 y la pandilla 18 o mara 18, y cualquier otra pandilla u organización "
        "criminales que busque arrogarse el ejercicio de las potestades».\n"
    )
    found = {(e.organisation, e.action) for e in events(text, dt.date(2015, 8, 24))}
    assert ("Mara Salvatrucha", "designated") in found


def test_a_nationality_adjective_before_a_group_noun_names_no_group() -> None:
    """https://www.aljazeera.com/news/2015/06/egypt-court-annuls-ruling-hamas-terrorist-group-150606095255691.html (dev7):
    "listed the Palestinian organisation as a terrorist group" describes the group (Hamas), it does not name one."""
    text = (
        "Ruling comes less than four months after lower court initially listed the Palestinian organisation as a "
        "terrorist group.\n"
    )
    assert not any(e.organisation == "Palestinian" for e in events(text, dt.date(2015, 6, 6)))


def _actions_matching(sentence: str) -> set[tuple[str, str]]:
    return {
        (action, match.group(0))
        for action, pattern in lexicon.ACTION_PATTERNS
        for match in [pattern.search(sentence)]
        if match
    }


def test_the_vocabulary_reaches_listing_verbs_whose_objects_are_read_elsewhere() -> None:
    """Constructions the action patterns now find though no whole event is read from them yet (dev7): a declaration
    with "unlawful organization" after a long object (the object, "the northern branch of the Islamic Movement in
    Israel", starts lower-case), and "included both groups on ... terrorism list" (the object is an anaphor)."""
    declared = (
        "(JNi.media) Israel’s security cabinet, headed by Prime Minister Benjamin Netanyahu, on Monday decided to "
        "declare the northern branch of the Islamic Movement in Israel an unlawful organization."
    )
    assert ("designated", "declare") in _actions_matching(declared)
    included = (
        "The controversy began when Issue No. 4848 of Iraq’s official gazette, Al-Waqa’i al-Iraqiya, published on "
        "November 17, 2025, included both groups on the country’s national terrorism list."
    )
    assert ("designated", "included") in _actions_matching(included)
    # A minister's speech ("erklärte der Minister", dev4) is no declaration of a terrorist organisation.
    speech = (
        "\"Mit dem sogenannten 'Königreich Deutschland' wurde die größte Vereinigung dieser seit Jahren wachsenden "
        'Szene verboten", erklärte der Minister.'
    )
    assert not any(match.startswith("erklär") for _, match in _actions_matching(speech))
