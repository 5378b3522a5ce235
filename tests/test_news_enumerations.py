# ruff: noqa: RUF001, RUF002  -- typographic quotes and apostrophes are real article text.
"""Lists of organisations one decision names, on sentences quoted from the development articles.

Each text is a verbatim excerpt of the development article named beside it (tests/data/news/dev*/, whose
index.jsonl gives the source URL, publication day and retrieval date 2026-12-04).
"""

from __future__ import annotations

import datetime as dt

from proscribe.news import NewsEvent, extract_events, name_index, parse_article
from proscribe.news.enumerations import (
    continued_objects,
    continues_list,
    count_of,
    list_after,
    list_before,
    list_lines,
)

INDEX = name_index()


def events(text: str, published: str) -> list[NewsEvent]:
    return extract_events(parse_article(text, "article.txt", dt.date.fromisoformat(published)), INDEX)


def organisations(found: list[NewsEvent], jurisdiction: str, action: str = "designated") -> list[str]:
    return [e.organisation or "" for e in found if e.jurisdiction == jurisdiction and e.action == action]


# dev6/2020-12-27_ph_atc_16_groups_sovereignph.txt (https://sovereignph.com/2020/12/27/anti-terrorism-body-designates-16-more-groups-as-terrorists/)
SOVEREIGN = (
    "The Anti-Terrorism Council (ATC) has designated 16 more groups as terrorist organizations.ATC Resolution Number 13 designated the following groups as terrorists organizations: (1) Islamic State in Iraq "
    "and Syria in  South-East  Asia; (2) Dawlatul  Islamiyah  Waliyatul  Masrik; (3) Dawlatul Islamiyyah  Waliyatul  "
    "Mashriq; (4) IS East Asia Division; (5) Maute  Group; (6) Islamic State East Asia;  (7) Maute ISIS; (8) Grupong "
    "ISIS; (9) Grupo ISIS; (10) Khilafah Islamiyah; (11) KIM; (12) Ansharul  Khilafah; (13) Bangsamoro Islamic Freedom "
    "Fighters-Bungos; (14) Bangsamoro Islamic Freedom Fighters-Abubakar; (15) Jama’atu al-Muhajirin wal Ansar fil "
    "Filibin; and (16) Daulah Islamiyah.\n"
)


def test_numbered_semicolon_list_after_the_following() -> None:
    """ "the following groups as ...: (1) A; (2) B; ... and (16) C": sixteen groups, each item whole ("and" inside a
    name stays in it), no cap at twelve."""
    found = organisations(events(SOVEREIGN, "2020-12-27"), "PH")
    # "Maute ISIS", "Grupo ISIS": a registry name with other words is another group, not ISIS.
    assert len(found) == 16
    assert {"Maute ISIS", "Grupong ISIS", "Grupo ISIS"} <= set(found)
    assert found[0] == "Islamic State in Iraq and Syria in South-East Asia"
    assert {"KIM", "Maute Group", "Bangsamoro Islamic Freedom Fighters-Bungos", "Daulah Islamiyah"} <= set(
        found
    )
    assert "Jama’atu al-Muhajirin wal Ansar fil Filibin" in found


# dev5/2020-12-26_ph_atc_designations_balita.txt (https://balita.com/anti-terrorism-council-tags-cpp-npa-islamic-state-east-asia-maute-and-associated-groups-as-terrorists/)
BALITA = (
    "In 2 separate resolutions approved on December 9, the ATC designated the following as “terrorist organizations, "
    "associations, and/or groups:”\n\n"
    "  • Communist Party of the Philippines\n"
    "  • New People’s Army / Bagong Hukbong Bayan\n"
    "  • Islamic State in Iraq and Syria in South-East Asia\n"
    "  • Dawlatul Islamiyah Waliyatul Masrik\n"
    "  • Dawlatul Islamiyyah Waliyatul Mashriq\n"
    "  • IS East Asia Division\n"
    "  • Maute Group\n"
    "  • Islamic State East Asia\n"
    "  • Maute ISIS\n"
    "  • Grupong ISIS\n"
    "  • Grupo ISIS\n"
    "  • Khilafah Islamiyah\n"
    "  • KIM\n"
    "  • Ansharul Khilafah\n"
    "  • other Daesh-affiliated groups in the Philippines\n\n"
    "The copies of the ATC resolutions uploaded on the ATC website indicated the originals were signed by Executive "
    "Secretary Salvador Medialdea, the ATC chairperson.\n"
)


def test_bulleted_lines_after_a_colon_inside_quotes() -> None:
    """A sentence ending in ':”' announces the bulleted lines; every line is one group (its other name after "/"
    dropped), more than six lines are read, and a lower-case line ("other Daesh-affiliated groups") is none."""
    found = events(BALITA, "2020-12-26")
    names = organisations(found, "PH")
    assert len(names) == 14
    assert {"Communist Party of the Philippines", "New People’s Army", "KIM", "Ansharul Khilafah"} <= set(
        names
    )
    assert all(e.effective_date == "2020-12-09" for e in found if e.jurisdiction == "PH")


# dev6/2021-04-14_lk_eleven_groups_gazette_adaderana.txt (http://www.adaderana.lk/news.php?nid=73037)
ADADERANA = (
    "Accordingly, the Prevention of Terrorism (Proscription of Extremist Organizations) Regulations No. 2 of 2021 "
    "specified in the gazette notification has proscribed the following extremist Islamic organizations in Sri Lanka:\n\n"
    "1. United Thawheed (Thowheedh) Jamma’ath (UTJ)\n\n"
    "2. Ceylon Thawheed (Thowheedh) Jamma’ath (CTJ)\n\n"
    "6. Dharul Adhar alias Jamiul Athar Mosque alias Dharul Athar Quran Madrasa alias Dharul Aadhaar Ath’thabawiyya\n\n"
    "8. Islamic State of Iraq and Syria (ISIS) alias Al - Dawlah al - Islamiah Dawla Islamia\n\n"
    "9. AL – Qaeda\n\n"
    "10. Save the Pearls alias Save the Pearl Society\n\n"
    "These extremist Muslim organizations were proscribed with the purpose of ensuring the continuance of peace "
    "within the country and in the interest of national security, public order, and the rule of law, the gazette "
    "notification read.\n"
)


def test_numbered_lines_with_aliases_and_registry_links() -> None:
    """ "1." lines (the splitter cuts the number off) are items: a variant spelling in brackets and the names after
    "alias" are dropped, and an item that is a registry name whole is linked to it."""
    found = [
        e for e in events(ADADERANA, "2021-04-14") if e.jurisdiction == "LK" and e.action == "designated"
    ]
    by_name = {e.organisation: e.entity_id for e in found}
    assert {
        "United Thawheed Jamma’ath",
        "Ceylon Thawheed Jamma’ath",
        "Dharul Adhar",
        "Save the Pearls",
    } <= set(by_name)
    assert by_name["Islamic State of Iraq and Syria"] == "islamic-state"
    assert by_name["AL – Qaeda"] == "al-qaida"
    assert "Jamiul Athar Mosque" not in by_name


# dev6/2021-02-03_ca_thirteen_groups_rcinet.txt (https://www.rcinet.ca/en/2021/02/03/canada-puts-13-more-groups-on-terrorist-list)
RCINET = (
    "The Canadian government has added 13 new groups as terrorist entities bringing the number of groups listed under "
    "the Criminal Code to 73.\n\n"
    "The newly listed groups include four ideologically motivated extremist groups: Atomwaffen Division, the Base, the "
    "Proud Boys and Russian Imperial Movement. The other are:\n\n"
    "  • three Al Qaida affiliates: Jama’at Nusrat Al-Islam Wal-Muslimin, Front de Libération du Macina, and Ansar Dine\n"
    "  • five Daesh affiliates: Islamic State West Africa Province, Islamic State in the Greater Sahara, Islamic State in "
    "Libya, Islamic State East Asia, and Islamic State – Bangladesh\n"
    "  • Hizbul Mujahideen\n\n"
    "Once an entity is listed, the government is required to review each entity every five years to see whether it "
    "should stay on the list.\n"
)


def test_counted_list_in_the_sentence_and_the_lines_handed_on() -> None:
    """ "include four ... groups: A, the B, the C and D" keeps its own four names (the count is met), and "The other
    are:" hands the list on to the bulleted lines after it."""
    names = organisations(events(RCINET, "2021-02-03"), "CA")
    # (The registry also knows al-Qaida as "the Base", so the Base may appear twice, linked and not.)
    assert len(set(names) - {"the Base"}) == 13
    assert {"Atomwaffen Division", "Proud Boys", "Russian Imperial Movement", "Hizbul Mujahideen"} <= set(
        names
    )
    assert {"Ansar Dine", "Islamic State in Libya", "Islamic State – Bangladesh"} <= set(names)
    assert continues_list("The other are:")
    assert not continues_list("Canada has also listed the following groups in a long sentence about them:")


# dev5/2022-08-14_lk_diaspora_groups_delisted_dtnext.txt (https://www.dtnext.in/world/2022/08/14/lanka-lifts-ban-on-six-tamil-diaspora-groups)
DTNEXT = (
    "COLOMBO: The cash-strapped Sri Lankan government has lifted the ban on six Tamil diaspora groups and 316 "
    "individuals as it scrambles to find long-term solutions to the island nation’s unprecedented economic crisis.\n\n"
    "On Saturday, 316 persons and six diaspora groups were de-listed from the list. The groups are - Australian Tamil "
    "Congress, Global Tamil Forum, World Tamil Coordinating Committee, Tamil Eelam Peoples Assembly, Canadian Tamil "
    "Congress and British Tamil Forum.\n"
)


def test_counted_object_names_after_a_dash_in_a_later_sentence() -> None:
    """ "six ... groups were de-listed" then "The groups are - A, B, ...": the six names that follow the cue's dash."""
    names = organisations(events(DTNEXT, "2022-08-14"), "LK", "delisted")
    assert len(names) == 6
    assert {"Australian Tamil Congress", "British Tamil Forum", "Tamil Eelam Peoples Assembly"} <= set(names)


# dev5/2025-12-10_ca_four_groups_devdiscourse.txt (https://www.devdiscourse.com/article/law-order/3726689-canada-expands-terrorist-entity-list-with-new-additions)
DEVDISCOURSE = (
    "Canada has designated four transnational extremist groups as foreign terrorist entities. These include 764, "
    "Maniac Murder Cult, Terrorgram Collective, and Islamic State-Mozambique.\n"
)


def test_a_number_is_a_name_inside_a_list() -> None:
    """ "These include 764, Maniac Murder Cult, ...": a bare number followed by further names is a group's name."""
    names = organisations(events(DEVDISCOURSE, "2025-12-10"), "CA")
    assert set(names) == {"764", "Maniac Murder Cult", "Terrorgram Collective", "Islamic State-Mozambique"}
    # A bare number alone after a cue is a count, not a group.
    assert list_after("includes 83 organizations, including 12 that", 8) == []


# dev6/2019-05-14_lk_ntj_ban_drones_news18.txt (https://www.news18.com/news/world/sri-lanka-president-maithripala-sirisena-bans-ntj-two-other-islamist-extremist-organisations-2141203.html)
NEWS18 = (
    "Sri Lankan government has banned three Islamist extremist groups, including the National Thowheeth Jamaath (NTJ) "
    "that carried out the country's worst terror attack on Easter Sunday in which over 250 people were killed. "
    "According to the Gazette the National Thowheed Jamaath (NTJ), the Jamaathe Millaathe Ibrahim (JMI), and the "
    "Willayath As Seylani (WAS) organisations have been banned."
)


def test_subject_list_of_a_passive_step() -> None:
    """The three subjects of "... organisations have been banned", from the first name after "the Gazette"; an
    introductory phrase with a comma ("In Kazakhstan, the Taliban was recognized") is no list."""
    assert [n.text for n in list_before(NEWS18, NEWS18.index("been banned"))] == [
        "National Thowheed Jamaath",
        "Jamaathe Millaathe Ibrahim",
        "Willayath As Seylani",
    ]
    assert {"National Thowheed Jamaath", "Jamaathe Millaathe Ibrahim", "Willayath As Seylani"} <= set(
        organisations(events(NEWS18, "2019-05-14"), "LK")
    )
    # dev/2024-09-05_kg_taliban_timesca.txt
    kazakh = "In Kazakhstan, the Taliban was recognized as a terrorist organization by the Supreme Court on March 15, 2005."
    assert list_before(kazakh, kazakh.index("recognized")) == []


def test_counts_and_list_lines() -> None:
    """Counts in words and digits; a list line that is a sentence ends the list."""
    assert (
        count_of("The Anti-Terrorism Council (ATC) has designated 16 more groups as terrorist organizations.")
        == 16
    )
    assert count_of("taking the asset freezing measures against the thirteen entities listed") == 13
    assert count_of("Canada has placed new groups on the list") == 0
    lines = [
        "• Hizbul Mujahideen",
        "Once an entity is listed, the government is required to review each entity.",
    ]
    assert [n.text for n in list_lines(lines)] == ["Hizbul Mujahideen"]


# dev5/2021-06-25_ca_three_percenters_urdupoint.txt (https://www.urdupoint.com/en/world/canada-designates-2-far-right-groups-is-offs-1287225.html)
URDUPOINT = (
    "WASHINGTON (UrduPoint News / Sputnik - 25th June, 2021) The Canadian government has designated three groups and "
    "an individual as terrorist entities among which are two far-right collectives and an Islamic State terror group "
    "(banned in Russia) offshoot in Africa, Public Safety Minister Bill Blair said on Friday.\n\n"
    "The list includes the Three Percenters and Aryan Strikeforce far-right groups active in North America, the "
    "Islamic State in the Democratic Republic of Congo and James Mason, a US neo-Nazi.\n"
)


def test_list_item_with_its_description_up_to_the_comma() -> None:
    """In a list the counted object announces, "Aryan Strikeforce far-right groups active in North America," is the
    name with its description; the list goes on after the comma."""
    names = set(organisations(events(URDUPOINT, "2021-06-25"), "CA"))
    assert {
        "Three Percenters",
        "Aryan Strikeforce",
        "Islamic State in the Democratic Republic of Congo",
    } <= names


# dev6/2002-07-05_jp_asset_freeze_thirteen_mofa.txt (https://www.mofa.go.jp/announce/announce/2002/7/0705.html)
MOFA = (
    "In addition, as regards the asset freezing measures against other terrorists besides those associated with the "
    "Taliban, in accordance with UNSCR 1373, Japan has implemented measures targeting twelve individuals and entities "
    "including Hamas-Izz al-Din al-Qassem (the military wing of Hamas), Palestinian Islamic Jihad (PIJ) and Lashkar "
    "e-Tayyiba (LET; Muslim separatist radicals headquartered in Pakistan)."
)


def test_including_a_list_with_bracketed_asides() -> None:
    """ "including A (the military wing of Hamas), B (PIJ) and C (LET; ...)": an aside in brackets, a semicolon
    inside it included, is skipped, and "e-" joins an Urdu name ("Lashkar e-Tayyiba")."""
    names = list_after(MOFA, MOFA.index("twelve"))
    assert [n.text for n in names] == [
        "Hamas-Izz al-Din al-Qassem",
        "Palestinian Islamic Jihad",
        "Lashkar e-Tayyiba",
    ]


# dev5/2017-07-21_un_isil_aq_eight_listed_tass.txt (https://tass.com/world/957157/amp)
TASS = (
    "THE UNITED NATIONS, July 20. /TASS/. The United Nations Security Council has extended sanctions against the "
    "Islamic State (IS) and Al-Qaeda (both terror organizations outlawed in Russia) by blacklisting eight individuals "
    "and companies.\n\n"
    "Besides, two financial organizations-Iraq’s Selselat al Thahab Money Exchange and Syria’s Hanifa Money Exchange "
    "Office that cooperated with the IS and two terror groups currently operating in Syria - the Khalid ibn al-Walid "
    "Army and Jund al-Aqsa - were added to the list.\n"
)


def test_counted_subject_lists_before_a_passive_verb() -> None:
    """Both counted subject lists of "were added" are read, and the state that owns a company ("Iraq’s") is no part
    of its name."""
    names = set(organisations(events(TASS, "2017-07-21"), "UN"))
    assert {
        "Selselat al Thahab Money Exchange",
        "Hanifa Money Exchange Office",
        "Khalid ibn al-Walid Army",
        "Jund al-Aqsa",
    } <= names


def test_a_compound_adjective_is_no_listed_name() -> None:
    """dev5/2021-11-24_au_hezbollah_base_yalibnan.txt: "designating Hezbollah, the Iranian-backed, Lebanon-based
    Shiite group, as": the description after the comma ends the list."""
    text = (
        "Australia joined other countries in designating Hezbollah, the Iranian-backed, Lebanon-based Shiite group, "
        "as a “terrorist” organization."
    )
    found = [e for e in events(text, "2021-11-24") if e.jurisdiction == "AU"]
    assert [(e.organisation, e.entity_id) for e in found] == [("Hezbollah", "hizballah")]


# dev6/2019-08-19_py_hamas_hezbollah_decree_publinews.txt (https://publinews.gt/gt/noticias/2019/08/19/paraguay-declara-organizaciones-terroristas-hamas-hezbollah.html)
PUBLINEWS = (
    "El presidente de Paraguay, Mario Abdo Benítez, firmó un decreto para declarar oficialmente a Hamás y Hezbollah como "
    "organizaciones terroristas internacionales, y a ISIS y Al Qaeda como organizaciones terroristas globales."
)
# dev6/2025-12-10_ca_764_mmc_terrorgram_newswire.txt (https://www.newswire.ca/fr/news-releases/le-gouvernement-du-canada-designe-quatre-nouvelles-entites-terroristes-858726812.html)
NEWSWIRE = (
    "Ottawa, ON, le 10 déc. 2025 /CNW/ - Le gouvernement du Canada prend des mesures pour lutter contre le terrorisme.\n\n"
    "Aujourd'hui, l'honorable Gary Anandasangaree, ministre de la Sécurité publique, a annoncé l'ajout des groupes "
    "suivants à la liste des entités terroristes : le réseau 764, le Maniac Murder Cult, le réseau Terrorgram et l'État "
    "islamique au Mozambique, un groupe affilié à l'État islamique en Irak et en Syrie (EIIS), aussi appelé Daech.\n"
)


def test_second_object_list_after_the_first_ones_category() -> None:
    """ "a A y B como organizaciones terroristas internacionales, y a C y D como ...": C and D are objects too."""
    end = PUBLINEWS.index("Hezbollah") + len("Hezbollah")
    assert [n.text for n in continued_objects(PUBLINEWS, end)] == ["ISIS", "Al Qaeda"]


def test_french_following_list_with_group_nouns() -> None:
    """ "des groupes suivants à la liste ... : le réseau 764, le Maniac Murder Cult, le réseau Terrorgram et ...": the
    group noun before each name is dropped; "l'État islamique au Mozambique" (lower-case words inside) is not read."""
    start = NEWSWIRE.index("l'ajout") + len("l'ajout")
    assert [n.text for n in list_after(NEWSWIRE, start)] == ["764", "Maniac Murder Cult", "Terrorgram"]


def test_decree_purpose_and_announced_addition_are_listings() -> None:
    """ "firmó un decreto para declarar ... a A y B como organizaciones terroristas ..., y a C y D como ..." lists all
    four; "a annoncé l'ajout des groupes suivants à la liste des entités terroristes : ..." lists the groups, dated
    by the dateline."""
    spanish = {(e.jurisdiction, e.organisation, e.action) for e in events(PUBLINEWS, "2019-08-19")}
    assert spanish == {("PY", name, "designated") for name in ("Hamás", "Hezbollah", "ISIS", "Al Qaeda")}
    french = [e for e in events(NEWSWIRE, "2025-12-10") if e.action == "designated"]
    # news-verbs: romance_names reads the list after "suivants ... :" whole, as dev6's truth.jsonl names it (the
    # group noun kept, "l'État islamique au Mozambique" included, the apposition "un groupe affilié à ..." left out).
    assert {(e.jurisdiction, e.organisation, e.effective_date) for e in french} == {
        ("CA", name, "2025-12-10")
        for name in ("réseau 764", "Maniac Murder Cult", "réseau Terrorgram", "État islamique au Mozambique")
    }


def test_a_list_given_elsewhere_names_no_group_beside_it() -> None:
    """dev5/2024-11-20_nz_hizbollah_eta_gazette.txt (https://gazette.govt.nz/notice/id/2024-go5987): "the
    organisations listed below were designated" with no list read names no group; the Act's acronym ("TSA") is none."""
    text = (
        "On 20 November 2024 pursuant to section 22 of the Terrorism Suppression Act 2002 (“TSA”), the organisations "
        "listed below were designated as terrorist entities in New Zealand."
    )
    assert events(text, "2024-11-20") == []
