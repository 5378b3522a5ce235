# ruff: noqa: RUF001  -- Cyrillic letters and typographic quotes are the point of these sentences.
"""Names of the bundled entities in Russian, German, French and Spanish, linked in the sentences that attest them.

Each sentence is quoted from the source the name cites in ``src/proscribe/data/entities.yaml`` (its ``note``
holds the same quote), so a name that stops linking, or links to another entity, fails here.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from proscribe.bundled import bundled_records
from proscribe.news import name_index
from proscribe.news.link import words

INDEX = name_index()

# (sentence from the cited source, the name as it is written there, the entity it must link to)
ATTESTED = [
    # Qué!, 15 Aug 2024, and La Nación (agency copy), 30 Jul 2024
    (
        "Tres años después de que los Talibanes recuperaran el poder en Afganistán, el Gobierno español mantiene "
        "cerrada su Embajada en Kabul",
        "Talibanes",
        "taliban",
    ),
    (
        "estas Embajadas emitían pasaportes y visados en nombre del nuevo gobierno talibán, llamado ahora Emirato "
        "Islámico de Afganistán",
        "Emirato Islámico de Afganistán",
        "taliban",
    ),
    # ru.wikipedia.org, "Рабочая партия Курдистана"
    (
        "Рабочая партия Курдистана (РПК; курд. Partiya Karkerên Kurdistanê — PKK) — курдская военно-политическая организация",
        "Рабочая партия Курдистана",
        "pkk",
    ),
    # Руниверсалис, "Рабочая партия Курдистана"
    (
        "Рабочая партия Курдистана (РПК, также Курдская рабочая партия; курдск. Partiya Karkerên Kurdistan - PKK",
        "Курдская рабочая партия",
        "pkk",
    ),
    # Deutscher Bundestag, hib 2002/175
    (
        'Die "Arbeiterpartei Kurdistans" (PKK) ist in die Liste terroristischer Personen und Organisationen '
        "der Europäischen Union entsprechend dem Gemeinsamen Standpunkt des Rates der EU vom 27. Dezember 2001 "
        "aufgenommen worden",
        "Arbeiterpartei Kurdistans",
        "pkk",
    ),
    # ICRC, IHL in Action (fr)
    (
        "Depuis les années 1980, le Parti des travailleurs du Kurdistan (PKK), un groupe armé non étatique, "
        "lutte contre le gouvernement turc",
        "Parti des travailleurs du Kurdistan",
        "pkk",
    ),
    # RIA Novosti / Radio Sputnik, 25 Jan 2024, quoting the Russian MFA
    (
        '"Богданов принял делегацию йеменского движения "Ансар Алла" во главе с Мухаммедом Абдельсалямом"',
        "Ансар Алла",
        "ansarallah",
    ),
    (
        'провел переговоры с делегацией йеменского шиитского движения "Ансар Алла" (хуситы), сообщили в МИД РФ',
        "хуситы",
        "ansarallah",
    ),
    # News.ru, 28 Feb 2026
    (
        "Лидер движения «Ансар Аллах» Абдель Малик аль-Хуси заявил о полной поддержке Тегерана",
        "Ансар Аллах",
        "ansarallah",
    ),
    # Huellas, 4 Mar 2025
    (
        "El Departamento de Estado de Estados Unidos anunció hoy la designación de Ansarallah, comúnmente "
        "conocidos como los hutíes, como una Organización Terrorista Extranjera",
        "hutíes",
        "ansarallah",
    ),
    # Azattyk (RFE/RL), 29 Mar 2024
    ('США внесли лидера "Сети Хаккани" в список террористов', "Сети Хаккани", "haqqani-network"),
    (
        "«Сеть Хаккани», базирующаяся в Пакистане, тесно связана с экстремистской организацией «Аль-Каида»",
        "Сеть Хаккани",
        "haqqani-network",
    ),
    # Rewards for Justice (US Department of State), German and French pages
    (
        "Das Haqqani-Netzwerk (Haqqani Network – HQN) ist eine in Afghanistan und Pakistan aktive militante Organisation",
        "Haqqani-Netzwerk",
        "haqqani-network",
    ),
    (
        "Am 19. September 2012 klassifizierte das US-Außenministerium HQN als Ausländische Terroristische Organisation",
        "HQN",
        "haqqani-network",
    ),
    (
        "Le réseau Haqqani (HQN) est une organisation militante formée à la fin des années 1980",
        "réseau Haqqani",
        "haqqani-network",
    ),
    # El Diario NY / EFE, 7 Sep 2012
    (
        "la prohibición de proporcionar deliberadamente apoyo material o recursos a la Red Haqqani",
        "Red Haqqani",
        "haqqani-network",
    ),
    # DStGB, quoting the Federal Interior Ministry's ban order of 12 Sep 2014
    (
        "1. Die Tätigkeit der Vereinigung „Islamischer Staat“, alias „Islamischer Staat im Irak“, alias "
        "„Islamischer Staat im Irak und in Groß-Syrien“ - im weiteren Tenor alle als „Islamischer Staat“ bezeichnet",
        "Islamischer Staat im Irak und in Groß-Syrien",
        "islamic-state",
    ),
    (
        "alias „Islamischer Staat im Irak“, alias",
        "Islamischer Staat im Irak",
        "islamic-state",
    ),
    # El Correo, 18 Nov 2014
    (
        "ha pedido a los expertos y los medios de comunicación que se refieran a la organización terrorista "
        "Estado Islámico (IS) como Daesh",
        "Estado Islámico",
        "islamic-state",
    ),
    # IFM Noticias and Atalayar
    (
        "se otorgará una recompensa de hasta 10 millones de dólares por información que permita desarticular "
        "los mecanismos financieros de la organización terrorista Hezbolá.",
        "Hezbolá",
        "hizballah",
    ),
    ("Miembros del movimiento chií libanés Hizbulá con los puños cerrados", "Hizbulá", "hizballah"),
    # Лехаим, 4 Nov 2024, quoting the MFA spokeswoman
    ("«Мы находимся в контактах и с представителями «Хезболлы»", "Хезболлы", "hizballah"),
    # Radio Svoboda (RFE/RL), Oct 2023
    (
        "МИД России подтвердил в четверг, что в Москве с визитом находится делегация радикальной палестинской "
        "группировки ХАМАС.",
        "ХАМАС",
        "hamas",
    ),
    # Europa Press, 16 Jan 2026
    (
        "un paquete de sanciones impuestas en 2024 contra el Movimiento de Resistencia Islámica (Hamás)",
        "Movimiento de Resistencia Islámica",
        "hamas",
    ),
    # Zeit Online / AFP, 7 Sep 2012
    (
        "unter anderem um so die Finanzierung des Al-Kaida nahestehenden Netzwerks aus Saudi-Arabien ... erschweren",
        "Al-Kaida",
        "al-qaida",
    ),
    # RBC, 19 May 2009, on the Russian MFA statement
    (
        'о завершении властями Шри-Ланки операции против экстремистской организации "Тигры освобождения Тамил '
        'Илама" (ТОТИ)',
        "Тигры освобождения Тамил Илама",
        "ltte",
    ),
    # Gazeta.ru, 17 May 2009
    ("«Тамильские тигры» на Шри-Ланке прекратили сопротивление", "Тамильские тигры", "ltte"),
    # Der Standard / APA, May 2006
    (
        "Brüssel - Die EU hat die Befreiungstiger von Tamil Eelam (LTTE) in Sri Lanka auf ihre Terrorliste gesetzt.",
        "Befreiungstiger von Tamil Eelam",
        "ltte",
    ),
    # fr-academic (Wikipédia): list of the US State Department's FTOs
    ("- Tigres de libération de l'Eelam tamoul", "Tigres de libération de l'Eelam tamoul", "ltte"),
    # 20 minutes, Oct 2014
    ("Les Tigres tamouls retirés de la liste de l'UE", "Tigres tamouls", "ltte"),
    # FAN, 24 Nov 2021
    (
        "Власти США планируют исключить группировку «Революционные вооруженные силы Колумбии» (FARC) из списка "
        "иностранных террористических организаций.",
        "Революционные вооруженные силы Колумбии",
        "farc",
    ),
    # Fraternité Matin / AFP, 30 Nov 2021
    (
        "Les Etats-Unis ont annoncé, mardi 30 novembre, avoir retiré les ex-rebelles des Forces armées "
        "révolutionnaires de Colombie (Farc) de leur liste noire",
        "Forces armées révolutionnaires de Colombie",
        "farc",
    ),
    # Der Bund / sda, ap, 3 May 2002
    (
        "Von einer Aufnahme der Revolutionären Streitkräfte Kolumbiens (Farc) und der Volksfront zur Befreiung "
        "Palästinas (PFLP) sei jedoch abgesehen worden",
        "Revolutionären Streitkräfte Kolumbiens",
        "farc",
    ),
    # REGNUM, Apr 2013
    (
        "Антииранская террористическая организация Моджахэддин-е Хальк (Организация моджахедов иранского народа, "
        "сокращенно ОМИН или МЕК)",
        "Организация моджахедов иранского народа",
        "mujahedin-e-khalq",
    ),
    # RIA Novosti, 23 Jan 2009
    (
        'об исключении из списка террористических организаций иранского оппозиционного движения "Моджахеды народа"',
        "Моджахеды народа",
        "mujahedin-e-khalq",
    ),
    # El País, 26 Jan 2009
    (
        "La UE ha decidido hoy sacar de su lista de organizaciones terroristas a los Muyahidines del Pueblo de Irán",
        "Muyahidines del Pueblo de Irán",
        "mujahedin-e-khalq",
    ),
    ("Los Muyahidines del Pueblo, apoyados por Irak", "Muyahidines del Pueblo", "mujahedin-e-khalq"),
    # CRIF, Jan 2009
    (
        "l'Union européenne devrait rayer lundi 26 janvier 2009 les Moudjahidine du Peuple",
        "Moudjahidine du Peuple",
        "mujahedin-e-khalq",
    ),
    # n-tv, 29 Jun 2007
    (
        "Die Europäische Union betrachtet die palästinensische Hamas-Bewegung und die iranischen "
        "Volksmudschaheddin weiterhin als Terrororganisationen.",
        "Volksmudschaheddin",
        "mujahedin-e-khalq",
    ),
]


@pytest.mark.parametrize(("sentence", "written", "entity_id"), ATTESTED, ids=[row[1] for row in ATTESTED])
def test_a_name_links_in_the_sentence_that_attests_it(sentence: str, written: str, entity_id: str) -> None:
    found = {(mention.text, mention.entity_id) for mention in INDEX.find(sentence)}
    assert (written, entity_id) in found


# Written in the sentence in an oblique case; the stored name is the nominative ("Хезболла").
INFLECTED = {"Хезболлы"}


def test_every_attested_name_is_a_bundled_name_with_its_language_and_source() -> None:
    by_value = {
        name.value: (entity.id, name) for entity in bundled_records().entities for name in entity.names
    }
    for _, written, entity_id in ATTESTED:
        if written in INFLECTED:
            continue
        owner, name = by_value[written]
        assert owner == entity_id
        assert name.lang in {"ru", "de", "fr", "es", "en"}
        assert name.source, f"{written} cites no source"


def test_no_two_bundled_entities_share_a_name_key() -> None:
    # The linker gives a shared name to whichever entity comes first, silently: a new name in another
    # language must not be the key of another entity's name ("Талиб" is a given name; "База" is not only al-Qaida's).
    owners: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for entity in bundled_records().entities:
        for name in entity.names:
            owners[tuple(word.stem for word in words(name.value))].add(entity.id)
    shared = {key: ids for key, ids in owners.items() if len(ids) > 1}
    assert shared == {}


@pytest.mark.parametrize(
    "text",
    [
        # Ministry of Justice list of extremist organisations (ext-org-84): another "РПК".
        "Региональное общественное объединение «Русский Патриотический клуб-Новокузнецк/РПК»",
        # OMPI is also the Spanish and French abbreviation of the World Intellectual Property Organization.
        "la Organización Mundial de la Propiedad Intelectual (OMPI)",
        # "ТОТИ" (LTTE) reduces to the stem of the pronoun "тот": dev5/2021-08-06_ru_fbk_extremist_register_tass.txt.
        "несмотря на то, что было обжаловано и на тот момент не вступило в силу",
    ],
)
def test_abbreviations_other_bodies_use_are_not_names(text: str) -> None:
    assert INDEX.find(text) == []
