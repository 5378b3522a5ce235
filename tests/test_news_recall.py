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


def test_declared_with_a_long_object_before_the_category() -> None:
    """dev5 2013-12-25_eg_muslim_brotherhood_alalam.txt: more than 50 characters between "declared" and "terrorist";
    the "would ban" that follows the declaration is its consequence, not a proposal."""
    text = (
        "Egypt's military-installed government has declared the Muslim Brotherhood of ousted president Mohamed Morsi "
        'a "terrorist" group, banning all its activities, including demonstrations, ministers say.\n\n'
        'Deputy prime minister Hossam Eissa said on Wednesday that the movement has been declared a "terrorist" group '
        "and social solidarity minister Ahmed al-Borei said the government would ban all its activities, including "
        '"protests," AFP reported.\n'
    )
    found = events(text, dt.date(2013, 12, 25))
    assert {(e.jurisdiction, e.organisation, e.action) for e in found} == {
        ("EG", "Muslim Brotherhood", "designated")
    }


def test_a_ban_on_a_name_in_typographic_single_quotes() -> None:
    """dev5 2023-01-05_in_trf_greaterkashmir.txt: the quoted name keeps its article."""
    text = (
        "New Delhi: The Union Home Ministry Thursday banned ‘The Resistance Front’ terror outfit, a proxy of the "
        "Lashkar-e-Taiba.\n"
    )
    found = events(text, dt.date(2023, 1, 5))
    assert organisations(found) == {"The Resistance Front"}
    assert {e.jurisdiction for e in found} == {"IN"}


def test_an_extended_ban_is_a_designation_from_its_new_start() -> None:
    """dev5 2024-07-09_in_sfj_ban_extended_lokmattimes.txt: India's UAPA bans are renewed for five years."""
    text = (
        "The Ministry of Home Affairs has extended the ban on the terrorist group Sikhs For Justice (SFJ) for another "
        "five years, declaring it an unlawful association from July 10, 2024.\n"
    )
    found = events(text, dt.date(2024, 7, 9))
    assert [(e.organisation, e.action, e.effective_date) for e in found] == [
        ("Sikhs For Justice", "designated", "2024-07-10")
    ]


def test_two_states_sharing_one_subject_each_list_the_group() -> None:
    """dev5 2021-11-24_au_hezbollah_base_yalibnan.txt: "already" marks background, not the article's news."""
    text = (
        "Australia has listed the neo-Nazi group The Base as a terrorist organisation.\n\n"
        "The United Kingdom and Canada have already added the organisation to their “terrorist” lists.\n"
    )
    found = [e for e in events(text, dt.date(2021, 11, 24)) if e.jurisdiction in ("GB", "CA")]
    assert {(e.jurisdiction, e.organisation, e.action, e.primary) for e in found} == {
        ("GB", "The Base", "designated", False),
        ("CA", "The Base", "designated", False),
    }


def test_semicolon_list_with_descriptions_and_a_place_after_the_verb() -> None:
    """dev5 2022-05-20_us_five_fto_revoked_prothomalo.txt: each item carries its own description up to the ";",
    "dropped from the ... list" is a removal, and "operated in Spain and France" does not make France the actor."""
    text = (
        'The US State Department on Friday removed its longstanding official "foreign terrorist organisation" label '
        "from Israeli, Basque, Egyptian, Palestinian and Japanese extremist groups.\n\n"
        "Removed from the FTO blacklist were Kahane Chai, a Jewish extremist group linked to late rabbi Meir Kahane; "
        "the Palestinian jihadist group Mujahidin Shura Council in the Environs of Jerusalem; and Euskadi Ta "
        "Askatasuna, or ETA, a Basque separatist group that operated in Spain and France.\n\n"
        "Japan's Aum Shinrikyo cult, which launched a deadly sarin attack in Tokyo's subway in 1995, and Gamaa "
        "Islamiya, the militant group led by the blind cleric Omar Abdel Rahman, who died in a US prison in 2017, were "
        "also dropped from the department's official list of foreign terrorist organisations.\n"
    )
    found = events(text, dt.date(2022, 5, 20))
    removed = {(e.jurisdiction, e.organisation) for e in found if e.action == "delisted"}
    assert {
        ("US", "Kahane Chai"),
        ("US", "Mujahidin Shura Council in the Environs of Jerusalem"),
        ("US", "Euskadi Ta Askatasuna"),
    } <= removed
    assert not [e for e in found if e.action == "designated" or e.jurisdiction in ("FR", "ES", "IL")]


def test_names_with_a_shared_plural_description_and_a_person() -> None:
    """dev5 2021-06-25_ca_three_percenters_urdupoint.txt."""
    text = (
        "The Canadian government has designated three groups and an individual as terrorist entities among which are "
        "two far-right collectives and an Islamic State terror group (banned in Russia) offshoot in Africa, Public "
        "Safety Minister Bill Blair said on Friday.\n\n"
        "The list includes the Three Percenters and Aryan Strikeforce far-right groups active in North America, the "
        "Islamic State in the Democratic Republic of Congo and James Mason, a US neo-Nazi.\n"
    )
    found = events(text, dt.date(2021, 6, 25))
    assert organisations(found) == {
        "Three Percenters",
        "Aryan Strikeforce",
        "Islamic State in the Democratic Republic of Congo",
        "James Mason",
    }
    assert {e.jurisdiction for e in found} == {"CA"}


def test_a_list_approved_by_a_cabinet_names_its_groups_in_the_sentence() -> None:
    """dev5 2014-11-20_ae_uae_terrorist_list_defensenews.txt: the count ("83 organizations") does not send the
    reader to the next sentences when the names follow it; a nationality may describe a name with no article."""
    text = (
        "The list approved by the UAE Cabinet on Nov. 15 includes 83 organizations, including the Washington-based "
        "Center for American-Islamic Relations (CAIR), Serbian non profit group CANVAS and the Houthi movement in "
        "Yemen. The list, however, excludes Lebanese Hezbollah and Gaza- based Hamas.\n"
    )
    found = events(text, dt.date(2014, 11, 20))
    assert {(e.jurisdiction, e.organisation, e.effective_date) for e in found if e.entity_id is None} == {
        ("AE", "Center for American-Islamic Relations", "2014-11-15"),
        ("AE", "CANVAS", "2014-11-15"),
    }
    assert "ansarallah" in {e.entity_id for e in found}
    assert "hizballah" not in {e.entity_id for e in found}  # "excludes Lebanese Hezbollah"


def test_a_proposal_continued_along_with_the_first_keeps_its_day() -> None:
    """dev2 2021-11-27_us_farc_revoke_reuters.txt."""
    text = (
        "The United States will revoke its designation of the Colombian armed group the Revolutionary Armed Forces "
        "of Colombia (FARC) as a foreign terrorist organization on Tuesday and designate two breakaway groups, a "
        "senior State Department official said on Friday.\n\n"
        "Along with the removal, the State Department will designate two other groups, La Segunda Marquetalia and "
        "FARC-EP, as foreign terrorist organizations, the official said.\n"
    )
    found = events(text, dt.date(2021, 11, 27))
    proposed = {(e.organisation, e.effective_date) for e in found if e.action == "proposed_designation"}
    assert proposed == {("Segunda Marquetalia", "2021-11-30"), ("FARC-EP", "2021-11-30")}


def test_un_committee_blacklisting_people_and_firms_dated_by_the_resolution() -> None:
    """dev5 2017-07-21_un_isil_aq_eight_listed_tass.txt: "eight individuals and companies" are named in the next
    sentences; "A US-drafted resolution was adopted unanimously on Thursday" dates the step; "Besides, ..." continues it.
    The groups the sanctions are against (the Islamic State, Al-Qaeda) are not what was listed."""
    text = (
        "UN Security Council slaps sanctions on Islamic State\n\n"
        "THE UNITED NATIONS, July 20. /TASS/. The United Nations Security Council has extended sanctions against the "
        "Islamic State (IS) and Al-Qaeda (both terror organizations outlawed in Russia) by blacklisting eight "
        "individuals and companies. A US-drafted resolution was adopted unanimously on Thursday.\n\n"
        "Four more names will be added the ISIL & Al-Qaida Sanctions List, that includes over 250 individuals, groups "
        "and organizations linked to the IS and Al-Qaeda. These are Malik Barkhanoev and Murad Margoshvili who are on "
        "the Russian wanted list and are taking part in fights in Iraq and Syria within terror groups.\n\n"
        "Besides, two financial organizations-Iraq’s Selselat al Thahab Money Exchange and Syria’s Hanifa Money "
        "Exchange Office that cooperated with the IS and two terror groups currently operating in Syria - the Khalid "
        "ibn al-Walid Army and Jund al-Aqsa - were added to the list.\n"
    )
    found = events(text, dt.date(2017, 7, 21))
    listed = {(e.jurisdiction, e.organisation, e.effective_date) for e in found if e.action == "designated"}
    assert {
        ("UN", "Malik Barkhanoev", "2017-07-20"),
        ("UN", "Murad Margoshvili", "2017-07-20"),
        ("UN", "Khalid ibn al-Walid Army", "2017-07-20"),
        ("UN", "Jund al-Aqsa", "2017-07-20"),
    } <= listed
    assert not {e.entity_id for e in found} & {"al-qaida", "islamic-state"}


def test_said_on_a_day_it_has_designated_dates_the_step() -> None:
    """dev4 2018-02-28_us_is_affiliates_business_standard.txt: the announcement's day is the only day given for a step
    reported as done; the next sentence's "were also designated" continues it."""
    text = (
        "The US State Department on Tuesday said it has designated seven Islamic State (IS)-affiliated groups and two "
        "leaders as Specially Designated Global Terrorists (SDGTs).\n"
        "Three of the seven groups, namely the IS-West Africa, IS-Philippines and IS-Bangladesh, were also designated "
        "as Foreign Terrorist Organizations (FTOs), reports Xinhua.\n"
    )
    found = events(text, dt.date(2018, 2, 28))
    assert {(e.organisation, e.effective_date) for e in found if e.action == "designated"} >= {
        ("IS-West Africa", "2018-02-27"),
        ("IS-Philippines", "2018-02-27"),
        ("IS-Bangladesh", "2018-02-27"),
    }


def test_declared_proscribed_organisations_with_names_in_a_dashed_aside() -> None:
    """dev5 2019-08-23_pk_hizbul_ahrar_bras_dawn.txt: Pakistan's "declared ... proscribed organisations"; the passive
    "X was declared proscribed organisation in March" names its own subject."""
    text = (
        "RAWALPINDI: The National Counter Terrorism Authority (Nacta) has declared two more outfits — Hizbul Ahrar and "
        "Balochistan Raaji Ajoi-R-Sangar (BRAS) — proscribed organisations under Section 11-B of the Anti-Terrorism "
        "Act, putting their members and activities under surveillance.\n"
        "Jamaatul Dawa was declared proscribed organisation in March, along with its several affiliates.\n"
    )
    found = events(text, dt.date(2019, 8, 23))
    assert {(e.organisation, e.effective_date) for e in found if e.action == "designated"} == {
        ("Hizbul Ahrar", None),
        ("Balochistan Raaji Ajoi-R-Sangar", None),
        ("Jamaatul Dawa", "2019-03"),
    }


def test_gazette_expiry_and_revocation_with_long_aliases() -> None:
    """dev5 2024-11-20_nz_hizbollah_eta_gazette.txt (New Zealand Gazette notice 2024-go5987): a designation that
    "will expire" on a day, and one that "was revoked", each after a long parenthesis of aliases."""
    text = (
        "On 14 December 2024 the terrorist designation of Euskadi Ta Askatasuna (ETA, also known as Euzkadi Ta "
        "Azkatasuna, Euzkadi Ta Askatasuna, Basque Fatherland and Liberty, Basque Nation and Liberty, and Basque "
        "Homeland and Freedom), made pursuant to section 22 of the Terrorism Suppression Act 2002 (“TSA”) on 10 "
        "February 2010, and renewed pursuant to then section 35 of the TSA on 11 February 2013, 2 February 2016, 30 "
        "January 2019, and 14 December 2021, will expire.\n"
        "On 20 November 2024, pursuant to section 29C of the Terrorism Suppression Act 2002 (“TSA”), the designation "
        "as a terrorist entity of the organisation known as Islamic Resistance (IR, also known as Al-Muqawama "
        "al-Islamiyya, Military Wing of Lebanese Hizballah, Military Wing of Hezbollah, Military Wing of Hizbullah) "
        "was revoked.\n"
    )
    found = events(text, dt.date(2024, 11, 20))
    removed = {(e.organisation, e.entity_id, e.effective_date) for e in found if e.action == "delisted"}
    assert ("Euskadi Ta Askatasuna", None, "2024-12-14") in removed or any(
        entity == "eta" and day == "2024-12-14" for _, entity, day in removed
    )
    assert any(entity == "hizballah" and day == "2024-11-20" for _, entity, day in removed)
    assert not [e for e in found if e.action == "designated"]


def test_a_statement_declared_that_is_no_declaration() -> None:
    """The long "declared ... a terrorist group" reading is not a speech verb's clause."""
    text = (
        "The minister declared that the bombing in the capital last week was carried out by a terrorist group linked "
        "to Al-Shabaab.\n"
    )
    assert events(text, dt.date(2020, 1, 1)) == []
