# ruff: noqa: RUF001, RUF002  -- Cyrillic letters and typographic quotes are real article text.
"""Rules written on the dev8 development set (tests/data/news/dev8; URL and retrieval date 2026-12-04 in its
index.jsonl), each tested on a sentence quoted from a dev8 article. The publication day is the article's.
"""

from __future__ import annotations

import datetime as dt

from proscribe.news import NewsEvent, extract_events, name_index, parse_article
from proscribe.news.enumerations import delimited_items

INDEX = name_index()


def events(text: str, published: dt.date) -> list[NewsEvent]:
    return extract_events(parse_article(text, "article.txt", published), INDEX)


def organisations(found: list[NewsEvent]) -> set[tuple[str | None, str | None, str]]:
    return {(e.jurisdiction, e.organisation, e.action) for e in found}


def test_colon_list_items_are_whole_names_with_lower_case_words() -> None:
    """https://www.newswire.ca/fr/news-releases/le-gouvernement-du-canada-inscrit-13-nouveaux-groupes-comme-entites-terroristes-et-effectue-l-examen-de-sept-autres-groupes-840250989.html
    (dev8): a counted object described at length before its colon ("dont quatre groupes extrémistes violents motivés
    par des raisons idéologiques :"), list lines that lost their bullets ("Trois affiliés d'Al Qaïda : ..."), items
    with lower-case words ("Front de libération du Macina", "Mouvement impérial russe") and a capitalised article
    that belongs to a name ("The Base")."""
    text = (
        "Le gouvernement du Canada a inscrit 13 nouveaux groupes sur la liste des entités terroristes du Code "
        "criminel, dont quatre groupes extrémistes violents motivés par des raisons idéologiques : Division "
        "Atomwaffen, The Base, Proud Boys et Mouvement impérial russe.\n\n"
        "De plus, le Canada a également inscrit :\n\n"
        "Trois affiliés d'Al Qaïda : Jamaat Nosrat Al-Islam Wal-Mouslimine, Front de libération du Macina et "
        "Ansar Dine\n\n"
        "Cinq affiliés Daech : État islamique en Asie de l'Est, État islamique- Bangladesh , État islamique en "
        "Libye, État islamique - Province d'Afrique occidentale et État islamique au Grand Sahara\n"
    )
    found = organisations(events(text, dt.date(2021, 2, 3)))
    expected = {
        "Division Atomwaffen",
        "The Base",
        "Proud Boys",
        "Mouvement impérial russe",
        "Jamaat Nosrat Al-Islam Wal-Mouslimine",
        "Front de libération du Macina",
        "Ansar Dine",
        "État islamique en Asie de l'Est",
        "État islamique- Bangladesh",
        "État islamique en Libye",
        "État islamique - Province d'Afrique occidentale",
        "État islamique au Grand Sahara",
    }
    assert {("CA", name, "designated") for name in expected} == found


def test_single_item_on_a_list_line() -> None:
    """https://www.newswire.ca/fr/news-releases/le-gouvernement-du-canada-inscrit-quatre-nouvelles-entites-terroristes-844386681.html
    (dev8): "; un affilié de Daesh : État islamique - République démocratique du Congo ." is one whole item."""
    text = (
        "Le gouvernement du Canada a inscrit quatre nouvelles entités terroristes à la liste du Code criminel, y "
        "compris :\n\n"
        "deux groupes extrémistes violents à caractère idéologique : Three Percenters et Aryan Strikeforce;\n\n"
        "; un affilié de Daesh : État islamique - République démocratique du Congo .\n"
    )
    found = organisations(events(text, dt.date(2021, 6, 25)))
    assert found == {
        ("CA", "Three Percenters", "designated"),
        ("CA", "Aryan Strikeforce", "designated"),
        ("CA", "État islamique - République démocratique du Congo", "designated"),
    }


def test_delimited_items_refuse_a_clause() -> None:
    """A list whose middle item holds a verb is no list of whole names; the last item ends where a clause begins."""
    clause = "The groups are: Hamas, which was banned in 2001, and Hezbollah."
    assert delimited_items(clause, clause.index(":") + 2) == []
    tail = "include: Proud Boys et Mouvement impérial russe sur la liste."
    assert [n.text for n in delimited_items(tail, tail.index(":") + 2)] == [
        "Proud Boys",
        "Mouvement impérial russe",
    ]


def test_russian_count_then_quoted_names_in_the_next_sentence() -> None:
    """2022-05-22_us_five_fto_revoked_ctc_kz.txt (dev8): a Russian numeral and noun ("исключил пять структур")
    announce the names the next sentence quotes."""
    text = (
        "НУР-СУЛТАН, 22 мая. Госдепартамент США исключил пять структур из американского списка иностранных "
        "террористических организаций, но сохранил санкции против них, пишет ТАСС со ссылкой на заявление "
        "внешнеполитического ведомства США.\n\n"
        "Как следует из документа, речь идет об организации ЭТА («Страна басков и свобода»), выступающей за "
        "независимость территории басков, экстремистской секте «Аум синрикё», члены которой распылили зарин в "
        "токийском метро в 1995 году, а также о группировках «Совет шуры моджахедов», «Кахане хай» и "
        "«Аль-Гамаа аль-Исламия».\n"
    )
    found = organisations(events(text, dt.date(2022, 5, 22)))
    assert found == {
        ("US", name, "delisted")
        for name in (
            "Страна басков и свобода",
            "Аум синрикё",
            "Совет шуры моджахедов",
            "Кахане хай",
            "Аль-Гамаа аль-Исламия",
        )
    }


def test_uncounted_object_takes_the_names_quoted_next() -> None:
    """2025-09-17_us_iraqi_militias_fto_tass.txt (dev8): "внес в ... список ... ряд ближневосточных вооруженных
    формирований" names no group; the sentence after it quotes them."""
    text = (
        "ВАШИНГТОН, 17 сентября. /ТАСС/. Госдепартамент США внес в американский список террористических "
        "организаций ряд ближневосточных вооруженных формирований, которые, по данным Вашингтона, связаны с "
        "Ираном. Об этом говорится в заявлении главы американского внешнеполитического ведомства Марко Рубио.\n\n"
        'Как следует из документа, речь идет об иракском ополчении "Катаиб Сейид аль-Шухада", формировании '
        '"Катаиб имама Али", группировках "Харакат Ансар Аллах аль-Ауфия" и "Харакат Хезболлах ан-Нуджаба".\n'
    )
    found = organisations(events(text, dt.date(2025, 9, 17)))
    assert found == {
        ("US", name, "designated")
        for name in (
            "Катаиб Сейид аль-Шухада",
            "Катаиб имама Али",
            "Харакат Ансар Аллах аль-Ауфия",
            "Харакат Хезболлах ан-Нуджаба",
        )
    }


def test_uncounted_object_without_names_after_is_no_event() -> None:
    """An uncounted object whose names never follow gives no group (not the next capitalised word)."""
    text = (
        "Госдепартамент США внес в американский список террористических организаций ряд вооруженных "
        "формирований. Об этом говорится в заявлении Марко Рубио.\n"
    )
    assert [e.organisation for e in events(text, dt.date(2025, 9, 17))] == []


def test_russian_and_german_annulment() -> None:
    """2014-12-17_eu_hamas_listing_annulled_apostrophe.txt, 2014-12-18_eu_hamas_listing_annulled_taz.txt,
    2006-12-13_eu_pmoi_listing_annulled_taz.txt (dev8): "отменил решение о включении ... в список", "erklärte ... für
    nichtig" annul a listing; they are no new designation."""
    ru = (
        "Европейский суд отменил решение о включении палестинской группировки ХАМАС в список террористических "
        "организаций, пишет ВВС.\n"
    )
    # The court's state comes from the article's context (here none: a Russian sentence alone reads as Russia's).
    assert {(e.organisation, e.action) for e in events(ru, dt.date(2014, 12, 17))} == {("ХАМАС", "annulled")}
    de = (
        "Die EU hatte die Hamas 2003 auf die Terrorliste gesetzt. Das zuständige EU-Gericht erklärte am Mittwoch "
        "die Beschlüsse der EU-Staaten wegen Verfahrensfehlern für nichtig.\n"
    )
    assert ("EU", "Hamas", "annulled") in organisations(events(de, dt.date(2014, 12, 18)))
    passive = "Die Richter erklärten die Aufnahme der Organisation in die allgemeine EU-Terrorliste für „nichtig“.\n"
    assert {
        e.action
        for e in events("Die Volksmudschaheddin sind in der EU gelistet. " + passive, dt.date(2006, 12, 13))
    } >= {"annulled"}


def test_a_court_that_removes_a_group_from_a_list_annuls() -> None:
    """2014-12-17_eu_hamas_listing_annulled_rapsi.txt, 2017-07-26_eu_hamas_stays_on_list_eadaily.txt (dev8): a court
    as the subject of a removal ("Суд ЕС постановил исключить", "трибунал исключил") annuls the listing; the outlet
    in the source's clause ("говорится в полученном РАПСИ ... пресс-релизе") is no group."""
    text = (
        "Суд ЕС постановил исключить движение исламского сопротивления ХАМАС из списка террористических "
        "организаций, говорится в полученном РАПСИ в среду пресс-релизе суда.\n"
    )
    assert organisations(events(text, dt.date(2014, 12, 17))) == {("EU", "ХАМАС", "annulled")}
    later = (
        "Движение ХАМАС было впервые внесено в черный список ЕС в 2003 году. В 2014 году трибунал исключил ХАМАС из "
        "европейского списка террористических группировок.\n"
    )
    assert ("EU", "ХАМАС", "annulled") in organisations(events(later, dt.date(2017, 7, 26)))
    government = "The government removed Hamas from the terror list after the court ruling.\n"
    assert {e.action for e in events(government, dt.date(2017, 7, 26))} == {"delisted"}


def test_the_state_that_asked_does_not_act_the_government_of_a_state_does() -> None:
    """2025-07-02_tt_tren_de_aragua_court_order_elclarin.txt (dev8): "El Gobierno de Trinidad y Tobago" acts; the
    state whose request it followed ("tras una solicitud formal presentada por Estados Unidos") does not."""
    text = (
        "El Gobierno de Trinidad y Tobago obtuvo una orden del Tribunal Superior que declara al Tren de Aragua como "
        "organización terrorista, tras una solicitud formal presentada por Estados Unidos.\n"
    )
    assert organisations(events(text, dt.date(2025, 7, 2))) == {("TT", "Tren de Aragua", "designated")}


def test_a_court_order_obtained_to_designate_is_the_designation() -> None:
    """2025-07-02_tt_tren_de_aragua_countries_eldiario.txt (dev8): "obtuvo una orden del Tribunal Superior de ese país
    para designar a ... como entidad terrorista" designates, in the state that obtained it."""
    text = (
        "Además de Perú, el gobierno de Trinidad y Tobago informó el 2 de julio de 2025 que obtuvo una orden del "
        "Tribunal Superior de ese país para designar a la organización criminal transnacional Tren de Aragua como "
        "entidad terrorista, tras la solicitud hecha al respecto por Estados Unidos.\n"
    )
    assert organisations(events(text, dt.date(2025, 7, 2))) == {("TT", "Tren de Aragua", "designated")}


def test_a_capitalised_article_inside_a_sentence_belongs_to_the_name() -> None:
    """2022-07-01_nz_proud_boys_the_base_taipeitimes.txt (dev8) names "The Base"; a capitalised "The" inside a
    sentence is the name's own, one that opens the sentence may be the sentence's."""
    text = "Canada designated The Base and the Proud Boys as terrorist entities on Wednesday.\n"
    assert organisations(events(text, dt.date(2021, 2, 3))) == {
        ("CA", "The Base", "designated"),
        ("CA", "Proud Boys", "designated"),
    }


def test_spanish_descriptions_are_no_names_and_los_is_part_of_one() -> None:
    """https://www.cuartopoder.mx (2025-09-04_us_los_choneros_los_lobos_fto_cuartopoder.txt, dev8): "designó a Los
    Choneros y Los Lobos, dos de las principales bandas criminales de Ecuador, como ..." names two groups, "Los"
    included; the apposition describes them. 2025-09-04_us_los_choneros_los_lobos_fto_lavoz.txt: "a las bandas de
    narcotraficantes ecuatorianas Los Choneros y Los Lobos" — the group noun and its adjectives are no name."""
    text = (
        "El Departamento de Estado de Estados Unidos designó a Los Choneros y Los Lobos, dos de las principales "
        "bandas criminales de Ecuador, como organizaciones terroristas extranjeras por su participación en "
        "narcotráfico, asesinatos y otros delitos graves.\n"
    )
    expected = {("US", "Los Choneros", "designated"), ("US", "Los Lobos", "designated")}
    assert organisations(events(text, dt.date(2025, 9, 4))) == expected
    described = (
        "Estados Unidos ha designado oficialmente a las bandas de narcotraficantes ecuatorianas Los Choneros y Los "
        "Lobos como organizaciones terroristas, marcando un punto de inflexión en la lucha contra el crimen "
        "organizado transnacional.\n"
    )
    assert organisations(events(described, dt.date(2025, 9, 4))) == expected


def test_a_participle_apposition_is_no_name() -> None:
    """2025-12-16_us_clan_del_golfo_fto_radiosantafe.txt (dev8): "designó al clan del golfo, considerada la mayor
    banda criminal de Colombia, como ..." — the apposition is no organisation, nor is the country in it."""
    text = (
        "El Gobierno de Estados Unidos designó al clan del golfo, considerada la mayor banda criminal de Colombia, "
        "como una organización terrorista extranjera, informó este martes el secretario de Estado, Marco Rubio.\n"
    )
    names = {e.organisation for e in events(text, dt.date(2025, 12, 16))}
    assert not names & {"considerada la mayor banda criminal de Colombia", "Colombia"}


def test_a_declaration_whose_clause_says_the_groups_are_terrorist() -> None:
    """2022-07-01_nz_proud_boys_the_base_taipeitimes.txt (dev8): "has declared that US far-right groups the Proud
    Boys and The Base are terrorist organizations" designates both; a declaration of anything else does not."""
    text = (
        "New Zealand’s government has declared that US far-right groups the Proud Boys and The Base are terrorist "
        "organizations.\n"
    )
    assert organisations(events(text, dt.date(2022, 7, 1))) == {
        ("NZ", "Proud Boys", "designated"),
        ("NZ", "The Base", "designated"),
    }
    other = "The minister declared that the Proud Boys rally would go ahead on Friday.\n"
    assert events(other, dt.date(2022, 7, 1)) == []


def test_the_states_a_listing_holds_in_act() -> None:
    """2022-07-01_nz_proud_boys_the_base_taipeitimes.txt (dev8): "The Base had previously been declared a terrorist
    group in Britain, Canada and Australia" is a listing by each of the three, not by the US named earlier."""
    text = (
        "The US Department of State only lists foreign groups as terrorist entities, but the Proud Boys were last "
        "year named a terrorist group in Canada, while The Base had previously been declared a terrorist group in "
        "Britain, Canada and Australia.\n"
    )
    found = {
        (e.jurisdiction, e.action) for e in events(text, dt.date(2022, 7, 1)) if e.organisation == "Base"
    }
    assert found == {("GB", "designated"), ("CA", "designated"), ("AU", "designated")}


def test_a_place_where_a_group_operates_does_not_act() -> None:
    """Only states that keep lists act from "in X": "a terrorist group in Syria" names where it operates."""
    text = "The United States designated Hayat Tahrir al-Sham a terrorist group in Syria in 2018.\n"
    assert {e.jurisdiction for e in events(text, dt.date(2018, 6, 1))} <= {"US"}


def test_russian_designated_in_the_capacity_of_a_terrorist_organisation() -> None:
    """2011-05-26_us_caucasus_emirate_designated_interfax.txt (dev8): "определила ... в качестве террористической
    организации" is the Russian of "designated as a terrorist organization"."""
    text = (
        'Госсекретарь США определила "Кавказский эмират", находящийся на Северном Кавказе России, в качестве '
        "террористической организации, говорится в сообщении пресс-службы Госдепа, распространенном в четверг.\n"
    )
    assert organisations(events(text, dt.date(2011, 5, 26))) == {("US", "Кавказский эмират", "designated")}
    other = "Суд определил дату заседания по делу.\n"
    assert events(other, dt.date(2011, 5, 26)) == []


def test_members_named_after_a_counted_object() -> None:
    """https://www.i24news.tv (2022-05-20_us_five_fto_revoked_i24news_fr.txt, dev8): "ont retiré vendredi cinq groupes
    de sa liste noire ..., dont le mouvement séparatiste basque dissout ETA et la secte japonaise Aum" names two of
    the five; each item's description is no part of its name."""
    text = (
        'Les Etats-Unis ont retiré vendredi cinq groupes de sa liste noire des "organisations terroristes '
        'étrangères", dont le mouvement séparatiste basque dissout ETA et la secte japonaise Aum, après des années '
        "sans violence.\n"
    )
    assert organisations(events(text, dt.date(2022, 5, 20))) == {
        ("US", "ETA", "delisted"),
        ("US", "Aum", "delisted"),
    }


def test_groups_said_to_be_among_those_removed() -> None:
    """2022-05-20_us_five_fto_revoked_i24news_fr.txt (dev8): a sentence that opens with the groups and says they "font
    partie des mouvements retirés de la liste" removes them; an aside after a name ("lié à l'ancien rabbin Meir
    Kahane") is no group."""
    text = (
        "Les Etats-Unis ont retiré vendredi des groupes de leur liste.\n"
        "Le groupe juif Kahane Chai, lié à l'ancien rabbin Meir Kahane, ainsi que l'organisation jihadiste "
        "palestinienne Conseil de la choura des moudjahidines des environs de Jérusalem font partie des mouvements "
        "retirés de la liste, comme l'avait déjà fait savoir le département d'Etat.\n"
    )
    found = {(e.organisation, e.action) for e in events(text, dt.date(2022, 5, 20))}
    assert {
        ("Kahane Chai", "delisted"),
        ("Conseil de la choura des moudjahidines des environs de Jérusalem", "delisted"),
    } <= found
    assert not any(name and "Meir" in name for name, _ in found)


def test_the_russian_decision_noun_to_list_is_a_designation() -> None:
    """2014-12-17_eu_hamas_listing_annulled_apostrophe.txt (dev8): "Решение о включении ХАМАС в список
    террористических организаций было принято 27 декабря 2001 года" is the listing of that day; a decision annulled
    later in its sentence is none."""
    text = (
        "Решение о включении ХАМАС в список террористических организаций было принято 27 декабря 2001 года.\n"
    )
    [event] = events(text, dt.date(2014, 12, 17))
    assert (event.organisation, event.action, event.effective_date) == ("ХАМАС", "designated", "2001-12-27")
    annulled = "Решение о включении ХАМАС в список террористических организаций было отменено судом.\n"
    assert "designated" not in {e.action for e in events(annulled, dt.date(2014, 12, 17))}
