# ruff: noqa: RUF001, RUF002  -- typographic quotes, apostrophes and Cyrillic letters are real article text.
"""Which organisation a listing step acts on, on sentences quoted from development-set articles.

Each text is a verbatim excerpt of the article whose URL is given (the development sets' index.jsonl,
retrieved 2026-12-04); the publication day is the article's.
"""

from __future__ import annotations

import datetime as dt

from proscribe.news import NewsEvent, extract_events, name_index, parse_article
from proscribe.news.foreign_names import german_spelling, spelling_key
from proscribe.news.link import EntityMention
from proscribe.news.orgchoice import (
    acronym_expansions,
    article_person,
    body_name,
    common_word_alias,
    context_mentions,
    descriptive_name,
    english_status_aside,
    gerund_subject,
    keep_linked,
    law_acronym,
    parent_of_the_object,
    passive_of_a_thing,
    removed_object,
    spelled_out,
)

INDEX = name_index()


def events(text: str, published: dt.date) -> list[NewsEvent]:
    return extract_events(parse_article(text, "article.txt", published), INDEX)


# https://www.mofa.go.jp/announce/announce/2002/7/0705.html
JAPAN = (
    "(2) Under these circumstances, the U.S. and other G8 countries are taking measures against terrorists and the "
    "like including asset freezing, and so far, Japan also has taken measures including the freezing of assets "
    "against those associated with the Taliban and Usama bin Laden, in accordance with UNSCRs 1267, 1333 and 1390, "
    "targeting 291 individuals and entities in total designated by the UN Sanctions Committee."
)


def test_a_group_named_as_context_is_not_the_object() -> None:
    """ "those associated with the Taliban": the Taliban is context for the entities designated, not one of them."""
    found = events(JAPAN, dt.date(2002, 7, 5))
    assert not any(e.entity_id == "taliban" for e in found)
    sentence = (
        "measures against other terrorists besides those associated with the Taliban and Usama bin Laden"
    )
    mentions = INDEX.find(sentence)
    assert [m.entity_id for m in mentions] == ["taliban"]
    assert context_mentions(sentence, mentions) == {0}


# https://business-standard.com/article/pti-stories/un-removes-notorious-afghan-warlord-from-terrorists-list-117020400245_1.html
HEKMATYAR_LIST = (
    "The UN Security Council's al-Qaeda sanctions committee concerning ISIS, al-Qaeda and associated individuals, "
    "groups, undertakings and entities removed the Hezb-e-Islami leader's name from the ISIS and al-Qaeda Sanctions "
    "List here yesterday."
)
HEKMATYAR_HIM = (
    "Following the 2001 US-led invasion of Afghanistan and fall of the Taliban, the US State Department designated "
    "him a terrorist, accusing him of taking part in and supporting attacks by al-Qaeda and the Taliban."
)


def test_names_of_sanctions_lists_and_committees_are_not_the_object() -> None:
    """ISIS and al-Qaeda name the committee and the list here; the one removed is a person ("the leader's name")."""
    mentions = sorted(INDEX.find(HEKMATYAR_LIST), key=lambda m: m.start)
    assert len(mentions) == 5
    assert context_mentions(HEKMATYAR_LIST, mentions) == {0, 1, 2, 3, 4}
    assert not any(e.entity_id for e in events(HEKMATYAR_LIST, dt.date(2017, 2, 4)))


def test_groups_fought_or_attacking_are_not_the_object() -> None:
    """ "fall of the Taliban", "attacks by al-Qaeda and the Taliban": the one designated is "him"."""
    assert not any(e.entity_id for e in events(HEKMATYAR_HIM, dt.date(2017, 2, 4)))


# https://yalibnan.com/2021/11/24/australia-designated-hezbollah-and-the-base-groups-as-terrorist-organizations/
THE_BASE = (
    "Australia also designated the global neo-Nazi group The Base as a “terrorist” organisation, making it a "
    "criminal offence to be a member."
)


def test_a_common_word_alias_links_only_when_the_entity_is_named_otherwise() -> None:
    """ "The Base" is an English name of al-Qaida and the name of a neo-Nazi group: in an article that never names
    al-Qaida otherwise it is the neo-Nazi group, kept as text."""
    found = events(THE_BASE, dt.date(2021, 11, 24))
    # (news-dev8: the capitalised article inside the sentence is kept as part of the name.)
    assert [(e.jurisdiction, e.organisation, e.entity_id, e.action) for e in found] == [
        ("AU", "The Base", None, "designated")
    ]
    assert common_word_alias("The Base") and common_word_alias("the Base")
    assert not common_word_alias("Taliban") and not common_word_alias("The Resistance Front")
    base = EntityMention(0, 8, "The Base", "al-qaida")
    named = EntityMention(20, 28, "Al-Qaeda", "al-qaida")
    assert keep_linked([base]) == []
    assert keep_linked([base, named]) == [base, named]


# http://demokratie-spiegel.de/wordpress/2014/09/12/ (Pressemitteilung, Bundesinnenministerium, 12.9.2014; dev6)
DE_HEADLINE = "De Maizière verbietet Betätigung der Terrororganisation „Islamischer Staat“ in Deutschland"
DE_IS = "Der Bundesinnenminister hat heute die Betätigung des „Islamischen Staates“ in Deutschland verboten."
# https://adnamerica.com/argentina/argentina-declara-hamas-como-organizacion-terrorista
AR_HEZBOLLAH = (
    "En marzo de 2019, Argentina ya había designado a Hezbolá como organización terrorista, acusándola de estar "
    "detrás de dos atentados en el país."
)
# https://www.newswire.ca/fr/news-releases/le-gouvernement-du-canada-designe-quatre-nouvelles-entites-terroristes-858726812.html
CA_MOZAMBIQUE = "le réseau 764, le Maniac Murder Cult, le réseau Terrorgram et l'État islamique au Mozambique"


def test_a_registry_name_in_translation_and_inflected_links_to_its_entity() -> None:
    """ "des Islamischen Staates" is the Islamic State, in German and in the genitive: one linked event."""
    found = events(DE_IS, dt.date(2014, 9, 12))
    assert [(e.jurisdiction, e.organisation, e.entity_id, e.action) for e in found] == [
        ("DE", "Islamischen Staates", "islamic-state", "designated")
    ]
    # Reported in the article's base form, the one its headline gives.
    found = events(DE_HEADLINE + "\n\n" + DE_IS, dt.date(2014, 9, 12))
    assert [(e.organisation, e.entity_id, e.evidence_quote) for e in found] == [
        ("Islamischer Staat", "islamic-state", DE_IS)
    ]
    assert [m.entity_id for m in INDEX.find("la Organización Estado Islámico")] == ["islamic-state"]
    # A translated name that goes on is another group's: "État islamique au Mozambique".
    assert INDEX.find(CA_MOZAMBIQUE) == []


def test_a_one_word_name_in_another_spelling_links_when_only_one_entity_has_that_spelling() -> None:
    """ "Hezbolá" (Spanish) is Hezbollah; "Hizbul" in "Hizbul Mujahideen" is part of another group's name."""
    found = events(AR_HEZBOLLAH, dt.date(2024, 7, 12))
    assert [(e.jurisdiction, e.organisation, e.entity_id, e.action, e.effective_date) for e in found] == [
        ("AR", "Hezbolá", "hizballah", "designated", "2019-03")
    ]
    assert INDEX.find("Hizbul Mujahideen has also been listed") == []
    assert spelling_key("hezbola") == spelling_key("hizballah") == "hzbl"


# https://yalibnan.com/2021/11/24/australia-designated-hezbollah-and-the-base-groups-as-terrorist-organizations/
AU_HEZBOLLAH = (
    "Australia joined other countries in designating Hezbollah, the Iranian-backed, Lebanon-based Shiite group, as a "
    "“terrorist” organization."
)
# http://www.reuters.com/article/usa-islamic-state-idUSW1N17V000
US_BRANCHES = (
    "The department also designated the Sunni militant group’s branches in Libya, Yemen and Saudi Arabia as "
    "“specially designated global terrorists.”"
)


def test_descriptions_in_apposition_are_no_groups() -> None:
    """ "the Iranian-backed, Lebanon-based Shiite group" describes Hezbollah; "the Sunni militant group's branches"
    names no branch."""
    found = events(AU_HEZBOLLAH, dt.date(2021, 11, 24))
    assert [(e.jurisdiction, e.organisation, e.entity_id) for e in found] == [
        ("AU", "Hezbollah", "hizballah")
    ]
    assert not any(e.organisation == "Sunni" for e in events(US_BRANCHES, dt.date(2016, 5, 19)))
    assert descriptive_name("Sunni", " militant group’s branches")
    assert not descriptive_name("Sunni Islamic Front") and not descriptive_name("Bishnoi gang")


HEKMATYAR = "\n".join(
    [
        "The UN has removed notorious Afghan warlord Gulbuddin Hekmatyar from its list of designated terrorists, "
        "dropping the assets freeze and travel ban against the former anti-India insurgent leader, infamous as "
        '"butcher of Kabul", who has signed a peace pact with the government.',
        HEKMATYAR_LIST,
        "Hekmatyar, who heads the now largely dormant Hezb-i-Islami militant group, had last year in September signed "
        "a landmark peace agreement with Kabul after months of negotiations.",
        "Hekmatyar, who has been in hiding since 1997, is widely believed to be living in Pakistan.",
        HEKMATYAR_HIM,
    ]
)


def test_a_person_removed_or_designated_is_reported_by_name() -> None:
    """ "removed notorious Afghan warlord Gulbuddin Hekmatyar from its list", "removed the Hezb-e-Islami leader's
    name" (dated "yesterday") and "designated him a terrorist" are steps on the person the article is about."""
    found = events(HEKMATYAR, dt.date(2017, 2, 4))
    assert {(e.jurisdiction, e.organisation, e.entity_id, e.action) for e in found} == {
        ("UN", "Gulbuddin Hekmatyar", None, "delisted"),
        ("US", "Gulbuddin Hekmatyar", None, "designated"),
    }
    removal = next(e for e in found if e.action == "delisted")
    assert removal.effective_date == "2017-02-03"
    assert all(e.evidence_quote in HEKMATYAR for e in found)
    assert article_person(HEKMATYAR) == "Gulbuddin Hekmatyar"
    removed = removed_object("removed Kahane Chai from its list")
    assert removed is not None and removed.text == "Kahane Chai"


# http://www.yenisafak.com/en/news/feto-included-in-us-terror-report-2759594
TR_REPORT = (
    "In the relevant chapter, Turkey was stated as continuing its battle against terror organizations, particularly "
    "PKK and Daesh, also large-scale terror attacks organized in Turkey in 2016 were listed."
)


def test_a_passive_step_on_things_is_no_listing_of_a_group() -> None:
    """ "terror attacks organized in Turkey in 2016 were listed": attacks are listed in a report, no group is."""
    assert events(TR_REPORT, dt.date(2017, 7, 20)) == []
    at = TR_REPORT.index("were listed")
    assert passive_of_a_thing(TR_REPORT, at, "were listed")
    assert not passive_of_a_thing("Two groups were listed.", 11, "were listed")


# https://ria.ru/20260302/komitet-2077874849.html
RIA_AKR = "\n".join(
    [
        "МОСКВА, 2 мар - РИА Новости. Верховный суд России удовлетворил иск Генпрокуратуры о признании "
        '"Антивоенного комитета России"* террористическим и запрете его деятельности, сообщили РИА Новости в '
        "пресс-службе суда.",
        '"Судебная коллегия по административным делам признала АКР* террористической организацией и запретила ее '
        "деятельность и деятельность ее структурных подразделений на территории Российской Федерации. Решение "
        'подлежит немедленному исполнению", - сказали в суде.',
    ]
)


def test_an_acronym_of_a_name_given_in_full_for_the_same_step_is_that_group() -> None:
    """ "признала АКР* террористической организацией" after "признании «Антивоенного комитета России»": one group,
    one event, under its full name."""
    found = events(RIA_AKR, dt.date(2026, 3, 2))
    assert [(e.jurisdiction, e.action) for e in found] == [("RU", "designated")]
    assert found[0].organisation is not None and found[0].organisation != "АКР"
    assert acronym_expansions(["АКР", "Антивоенный комитет России"]) == {"АКР": "Антивоенный комитет России"}
    assert acronym_expansions(["NTJ", "National Thowheeth Jamaath"]) == {"NTJ": "National Thowheeth Jamaath"}
    assert acronym_expansions(["PKK", "Hamas"]) == {}


# https://www.trtworld.com/article/15046461 (a dev6 distractor: an arrest report)
TRT_PKK = (
    "In its more than 35-year terror campaign against Türkiye, the PKK – listed as a terrorist organisation by "
    "Türkiye, the US and the European Union – has been responsible for the deaths of more than 40,000 people, "
    "including women, children and infants."
)


def test_a_dashed_status_aside_is_no_step() -> None:
    """ "the PKK – listed as a terrorist organisation by Türkiye, the US and the European Union –" says what the PKK
    is, as news reports do when they name it; nothing was listed."""
    assert events(TRT_PKK, dt.date(2023, 9, 20)) == []
    at = TRT_PKK.index("listed")
    assert english_status_aside(TRT_PKK, at, "listed as")
    assert not english_status_aside("Britain listed the PKK in 2001.", 8, "listed")


# https://www.trtworld.com/article/d68f44fb967a
TRT_KHATTAB = (
    "The UN Security Council has adopted a draft resolution to remove Syrian President Ahmed al-Sharaa and Interior "
    "Minister Anas Khattab from the Daesh and Al-Qaeda sanctions list."
)


def test_a_person_named_without_the_middle_name_links_to_the_registry_person() -> None:
    """ "Interior Minister Anas Khattab" is the registry's Anas Hasan Khattab: both people removed are reported."""
    found = events(TRT_KHATTAB, dt.date(2025, 11, 6))
    assert {(e.jurisdiction, e.organisation, e.entity_id, e.action) for e in found} == {
        ("UN", "Ahmed al-Sharaa", "ahmed-al-sharaa", "delisted"),
        ("UN", "Anas Khattab", "anas-hasan-khattab", "delisted"),
    }


# dev/2025-11-08_de_alsharaa_stern.txt (stern.de; URL as recorded in tests/data/news/dev/index.jsonl:
# https://www.stern.de/politik/deutschland/vorwurf--muetzenich--ukraine-hat-mich-auf--terrorliste--gesetzt-32883690.html)
STERN = "\n\n".join(
    [
        "Wenige Tage vor dem Besuch des syrischen Übergangspräsidenten Ahmed al-Scharaa haben die USA den früheren "
        "Dschihadisten von ihrer Terrorliste gestrichen.",
        "Bereits am Vortag hatte der Sicherheitsrat der Vereinten Nationen die UN-Sanktionen gegen al-Scharaa "
        "aufgehoben.",
    ]
)


def test_a_name_in_german_spelling_links_to_the_registry() -> None:
    """ "Ahmed al-Scharaa" is how German writes Ahmed al-Sharaa ("sch" for "sh"): the US and UN removals are his."""
    found = events(STERN, dt.date(2025, 11, 8))
    assert {(e.jurisdiction, e.entity_id, e.action) for e in found} == {
        ("US", "ahmed-al-sharaa", "delisted"),
        ("UN", "ahmed-al-sharaa", "delisted"),
    }
    assert german_spelling("dschabhat") == "jabhat"


# http://www.azattyq.org/archive/news/20111130/330/330.html?id=24406482
AZATTYQ = (
    "«Атырау қаласының соты «Халифат сарбаздары» («Джунд әл-Халифат») исламшыл тобын террористік ұйым деп танып, "
    "оның Қазақстан аумағында әрекет етуіне тыйым салды» деп хабарлады бас прокуратураның ресми өкілі Нұрдәулет "
    "Сүйіндіков сәрсенбіде өткен брифингте."
)


def test_a_court_is_no_group() -> None:
    """ "Атырау қаласының соты" (the Atyrau city court) recognised the group as terrorist; it is not one itself."""
    found = events(AZATTYQ, dt.date(2011, 11, 30))
    assert found and all(e.organisation != "Атырау қаласының соты" for e in found)
    assert body_name("Атырау қаласының соты") and body_name("Supreme Court")
    assert not body_name("Courtney Foundation") and not body_name("Jund al-Khilafah")


# https://themedialine.org/headlines/idf-designates-6-palestinian-ngos-as-terrorist-groups/
NGOS = (
    "The announcement on Sunday that the IDF Central Command outlawed the groups comes after Israel’s Defense "
    "Minister Benny Gantz last month designated the NGOs as terrorist organizations."
)


def test_a_plural_acronym_is_a_kind_of_body_not_a_name() -> None:
    """ "designated the NGOs as terrorist organizations": which NGOs the article says elsewhere; "NGOs" names none."""
    assert not any(e.organisation == "NGOs" for e in events(NGOS, dt.date(2021, 11, 7)))
    assert descriptive_name("NGOs") and not descriptive_name("NGO Monitor")


# https://gazette.govt.nz/notice/id/2024-go5987
NZ_TSA = (
    "On 20 November 2024 pursuant to section 22 of the Terrorism Suppression Act 2002 (“TSA”), the organisations "
    "listed below were designated as terrorist entities in New Zealand."
)
# https://www.upday.com/uk/cleverly-moves-to-ban-islamist-group-hizb-ut-tahrir-as-terror-organisation
UPDAY = (
    "Hizb ut-Tahrir has been described as an antisemitic organisation.\n\n"
    "“Proscribing this terrorist group will ensure that anyone who belongs to and invites supports for them will face "
    "consequences."
)


def test_a_laws_short_name_and_a_gerund_subject_name_no_step() -> None:
    """ "the Terrorism Suppression Act 2002 (“TSA”)" is a law, not a group designated; '“Proscribing this terrorist
    group will ensure ...' speaks of the measure."""
    assert not any(e.organisation == "TSA" for e in events(NZ_TSA, dt.date(2024, 11, 20)))
    assert law_acronym(NZ_TSA, NZ_TSA.index("TSA"))
    assert events(UPDAY, dt.date(2024, 1, 15)) == []
    assert gerund_subject("“Proscribing this terrorist group will ensure")


# https://news.rambler.ru/incidents/55666138-verhovnyy-sud-rossii-priznal-fbk-terroristicheskoy-organizatsiey/
RAMBLER = (
    "Верховный суд России признал американскую дочернюю структуру ФБК* террористической организацией в рамках иска, "
    "поданного Генеральной прокуратурой."
)


def test_the_parent_of_the_part_listed_is_not_the_object() -> None:
    """ "признал американскую дочернюю структуру ФБК* террористической": the American subsidiary was recognised,
    not FBK itself."""
    assert not any(e.organisation == "ФБК" for e in events(RAMBLER, dt.date(2025, 11, 27)))
    assert parent_of_the_object(RAMBLER, RAMBLER.index("ФБК"))
    branch = "the designation of a branch of Hamas"
    assert parent_of_the_object(branch, branch.index("Hamas"))


# https://twocircles.net/2009jan26/eu_takes_iranian_group_list_terror_outfits.html
TWOCIRCLES = (
    "Brussels : European Union (EU) foreign ministers Monday removed the People’s Mujahedin of Iran (PMOI) from their "
    "list of terrorist organisations, despite public protests in Tehran."
)


def test_a_linked_acronym_is_reported_as_the_article_spells_it_out() -> None:
    """ "the People’s Mujahedin of Iran (PMOI)": linked by its acronym, reported under the name the article gives
    (its "Organisation" left out, as translations do)."""
    found = events(TWOCIRCLES, dt.date(2009, 1, 26))
    assert [(e.jurisdiction, e.organisation, e.entity_id, e.action) for e in found] == [
        ("EU", "People’s Mujahedin of Iran", "mujahedin-e-khalq", "delisted")
    ]
    assert spelled_out("SPD", "said Nancy Faeser (SPD) on Monday") is None
