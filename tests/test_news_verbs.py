# ruff: noqa: RUF001  -- typographic quotes and apostrophes are real article text.
"""Listing constructions beyond the plain verbs (lexicon.ACTION_PATTERNS, marked news-verbs), on sentences
quoted from development articles (tests/data/news/dev5, dev6; URL and retrieval date 2026-12-04 in their
index.jsonl). The publication day is the article's.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from proscribe.news import NewsEvent, extract_events, name_index, parse_article, read_article_file

INDEX = name_index()


def events(text: str, published: dt.date) -> list[NewsEvent]:
    return extract_events(parse_article(text, "article.txt", published), INDEX)


def triples(found: list[NewsEvent]) -> set[tuple[str | None, str | None, str, str | None]]:
    return {(e.jurisdiction, e.organisation, e.action, e.effective_date) for e in found}


def test_declared_with_a_predicate_names_the_objects_between() -> None:
    """http://www.adaderana.lk/news/55114/gazette-issued-banning-three-groups-including-ntj (dev6): "declared
    the organizations A and B banned" lists A and B, dated by its own day."""
    text = (
        "On April 27th, using the powers vested with him under regulation 75(1) of the Emergency (Miscellaneous "
        "Provisions and Powers) Regulations No. 1 of 2019, the President declared the organizations National "
        "Thowheed Jamath (NTJ) and Jammiyathul Millathu Ibrahim (JMI) banned in Sri Lanka.\n"
    )
    found = events(text, dt.date(2019, 5, 14))
    assert triples(found) == {
        ("LK", "National Thowheed Jamath", "designated", "2019-04-27"),
        ("LK", "Jammiyathul Millathu Ibrahim", "designated", "2019-04-27"),
    }
    assert all(e.evidence_quote in text for e in found)


def test_declared_a_banned_organisation_in_the_passive_is_a_step() -> None:
    """https://www.dawn.com/news/1501110/nacta-slaps-ban-on-two-more-organisations (dev5): the subject of "was
    declared proscribed organisation in March" is the group, a background step with its month."""
    text = "Jamaatul Dawa was declared proscribed organisation in March, along with its several affiliates.\n"
    found = events(text, dt.date(2019, 8, 23))
    [event] = [e for e in found if e.organisation == "Jamaatul Dawa"]
    assert (event.action, event.effective_date, event.primary) == ("designated", "2019-03", False)


def test_declared_that_is_speech_not_a_listing() -> None:
    """A declaration that introduces speech ("declared that ...") lists nothing, even with "banned" after it."""
    text = "The minister declared that the protest near the banned venue would go ahead on Friday.\n"
    assert events(text, dt.date(2024, 1, 1)) == []


def test_extended_ban_is_a_designation() -> None:
    """https://www.lokmattimes.com/national/home-ministry-extends-ban-on-sikhs-for-justice-for-five-years-starting-july-10-a505/
    (dev5): "has extended the ban on the terrorist group SFJ ... from July 10, 2024" designates it again."""
    path = Path(__file__).parent / "data" / "news" / "dev5" / "2024-07-09_in_sfj_ban_extended_lokmattimes.txt"
    found = extract_events(read_article_file(path), INDEX)
    [event] = [e for e in found if e.organisation == "Sikhs For Justice"]
    assert (event.jurisdiction, event.action, event.effective_date) == ("IN", "designated", "2024-07-10")
    assert event.evidence_quote.startswith(
        "The Ministry of Home Affairs has extended the ban on the terrorist group"
    )


def test_on_the_list_since_a_year_is_background() -> None:
    """https://yalibnan.com/2021/11/24/australia-designated-hezbollah-and-the-base-groups-as-terrorist-organizations/
    (dev5): "has been on the list since 2003" is the listing of 2003, background."""
    text = "Australian Hezbollah’s military wing has been on the list since 2003.\n"
    [event] = events(text, dt.date(2021, 11, 24))
    assert (event.jurisdiction, event.action, event.effective_date, event.primary) == (
        "AU",
        "designated",
        "2003",
        False,
    )


def test_a_list_that_does_not_include_the_group_is_its_removal() -> None:
    """https://www.upi.com/Top_News/Special/2009/01/26/EU-removes-PMOI-from-terrorist-list/44751232989491/
    (dev6): "agreed on a terrorism list that does not include X" removes X; "European foreign ministers" act
    for the EU."""
    text = (
        "BRUSSELS, Jan. 26 (UPI) -- European foreign ministers in Brussels Monday agreed on a terrorism list that "
        "does not include the People's Mujahedin of Iran based in Paris.\n"
    )
    found = events(text, dt.date(2009, 1, 26))
    assert triples(found) == {("EU", "People's Mujahedin of Iran", "delisted", "2009-01-26")}


def test_inverted_removal_reads_the_names_after_were() -> None:
    """https://en.prothomalo.com/international/americas/us-drops-foreign-terrorist-designation-from-israeli-basque-egyptian-groups
    (dev5): "Removed from the FTO blacklist were A, ..." removes A
    (the inversion is no designation, though "blacklist" is in it)."""
    text = (
        "Removed from the FTO blacklist were Kahane Chai, a Jewish extremist group linked to late rabbi Meir "
        "Kahane.\n"
    )
    found = events(text, dt.date(2022, 5, 20))
    assert [(e.organisation, e.action) for e in found] == [("Kahane Chai", "delisted")]


def test_spanish_decree_declaring_groups_terrorist() -> None:
    """https://publinews.gt/gt/noticias/2019/08/19/paraguay-declara-organizaciones-terroristas-hamas-hezbollah.html
    (dev6): "firmó un decreto para declarar oficialmente a Hamás y Hezbollah como organizaciones terroristas"."""
    text = (
        "El presidente de Paraguay, Mario Abdo Benítez, firmó un decreto para declarar oficialmente a Hamás y "
        "Hezbollah como organizaciones terroristas internacionales, y a ISIS y Al Qaeda como organizaciones "
        "terroristas globales.\n"
    )
    found = events(text, dt.date(2019, 8, 19))
    organisations = {e.organisation for e in found if e.jurisdiction == "PY" and e.action == "designated"}
    # the second object, with its own category ("y a ISIS y Al Qaeda como ..."), is listed too
    assert organisations == {"Hamás", "Hezbollah", "ISIS", "Al Qaeda"}


def test_french_addition_of_the_following_groups_reads_the_names_after_the_colon() -> None:
    """https://www.newswire.ca/fr/news-releases/le-gouvernement-du-canada-designe-quatre-nouvelles-entites-terroristes-858726812.html
    (dev6): "a annoncé l'ajout des groupes suivants à la
    liste des entités terroristes : A, B, C et D, un groupe affilié à ..." lists A to D; the apposition is no name,
    and a country inside a name ("au Mozambique") does not act."""
    path = Path(__file__).parent / "data" / "news" / "dev6" / "2025-12-10_ca_764_mmc_terrorgram_newswire.txt"
    found = [
        e for e in extract_events(read_article_file(path), INDEX) if "l'ajout des groupes" in e.evidence_quote
    ]
    assert triples(found) == {
        ("CA", "réseau 764", "designated", "2025-12-10"),
        ("CA", "Maniac Murder Cult", "designated", "2025-12-10"),
        ("CA", "réseau Terrorgram", "designated", "2025-12-10"),
        ("CA", "État islamique au Mozambique", "designated", "2025-12-10"),
    }


def test_spanish_future_declaration_with_the_category_first_is_a_proposal() -> None:
    """https://www.swissinfo.ch/spa/petro-declarar%C3%A1-como-organizaciones-terroristas-a-disidencias-de-las-farc-y-clan-del-golfo/89875168
    (dev6): "su Gobierno declarará como organizaciones
    «terroristas» al Clan del Golfo, que es ..." proposes to list the Clan del Golfo (the relative clause is no
    name)."""
    text = (
        "Bogotá, 21 ago (EFE).- El presidente colombiano, Gustavo Petro, afirmó este jueves que su Gobierno "
        "declarará como organizaciones «terroristas» al Clan del Golfo, que es la principal banda criminal del país, "
        "y a dos disidencias de las antiguas FARC, que son el Estado Mayor Central (EMC) y la Segunda Marquetalia.\n"
    )
    found = events(text, dt.date(2025, 8, 21))
    assert ("CO", "Clan del Golfo", "proposed_designation", None) in triples(found)
    assert all(e.action == "proposed_designation" for e in found)
    assert not any("principal banda" in (e.organisation or "") for e in found)


def test_french_passive_future_removal_reads_the_subject() -> None:
    """https://www.lalibre.be/dernieres-depeches/belga/2022/05/16/les-usa-retirent-des-groupes-juif-et-palestinien-de-la-liste-des-organisations-terroristes-LNHX55CU5ZH7BFVK6IWB4DA72M/
    (dev6): "Le Conseil de la choura ... sera également enlevée de cette liste" proposes to remove the group the
    sentence opens with (not the group of the sentence before)."""
    text = (
        "Les États-Unis vont retirer un groupe extrémiste juif lié à l'ancien rabbin Meir Kahane et un groupe militant "
        "palestinien de la liste noire des organisations terroristes après des années sans violence, a déclaré un "
        "responsable dimanche.\n\n"
        "Le Conseil de la choura des moudjahidines des environs de Jérusalem sera également enlevée de cette liste, a "
        "indiqué la même source.\n"
    )
    found = [e for e in events(text, dt.date(2022, 5, 16)) if "sera également" in e.evidence_quote]
    # the story's state (the State Department's), not the UK default of an order laid with no state named
    assert [(e.jurisdiction, e.organisation) for e in found] == [
        ("US", "Conseil de la choura des moudjahidines des environs de Jérusalem")
    ]


def test_french_subject_of_a_copula_with_a_participle_of_listing() -> None:
    """https://www.thedailyreports.com/fr/2022/05/20/les-etats-unis-retirent-5-groupes-de-la-liste-des-organisations-terroristes-etrangeres/
    (dev6): "Le Conseil ... est un groupe djihadiste palestinien ajouté à la liste noire du terrorisme en 2014" is
    the group's listing of 2014 (background)."""
    text = (
        "Le Conseil de la choura des moudjahidines dans les environs de Jérusalem est un groupe djihadiste "
        "palestinien ajouté à la liste noire du terrorisme en 2014.\n"
    )
    headline = "Les États-Unis retirent 5 groupes de la liste des organisations terroristes étrangères\n\n"
    found = events(headline + text, dt.date(2022, 5, 20))
    [event] = [e for e in found if e.evidence_quote == text.strip()]
    assert (event.organisation, event.action, event.effective_date, event.primary) == (
        "Conseil de la choura des moudjahidines dans les environs de Jérusalem",
        "designated",
        "2014",
        False,
    )


def test_a_body_opening_a_sentence_is_no_subject_group() -> None:
    """The government a sentence opens with acts; it is not the group listed."""
    from proscribe.news.romance_names import romance_subject

    sentence = "El Gobierno de Paraguay fue el primero en incluir a Hamás en la lista."
    assert romance_subject(sentence, sentence.index("incluir")) is None


def test_a_designation_revoked_or_expiring_after_a_long_aside_is_a_removal() -> None:
    """https://gazette.govt.nz/notice/id/2024-go5987
    (dev5): "the designation as a terrorist entity of the organisation known as Islamic Resistance (IR, also known
    as ...) was revoked" and "the terrorist designation of Euskadi Ta Askatasuna (ETA, ...), made ... on 10
    February 2010, and renewed ..., will expire" end the designations (the step is far from its noun)."""
    path = Path(__file__).parent / "data" / "news" / "dev5" / "2024-11-20_nz_hizbollah_eta_gazette.txt"
    found = extract_events(read_article_file(path), INDEX)
    removals = {(e.jurisdiction, e.action, e.effective_date) for e in found if e.action == "delisted"}
    assert removals == {("NZ", "delisted", "2024-11-20"), ("NZ", "delisted", "2024-12-14")}
    assert ("NZ", "Euskadi Ta Askatasuna", "delisted", "2024-12-14") in triples(found)
    assert ("NZ", "Euskadi Ta Askatasuna", "designated", "2024-12-14") not in triples(found)


def test_declared_x_a_terrorist_group_far_from_the_verb() -> None:
    """http://en.alalam.ir/news/1548218/egypt-declares-muslim-brotherhood-a-terrorist-group (dev5): "has declared
    the Muslim Brotherhood of ousted president Mohamed Morsi a "terrorist" group" (the category 60 characters
    after the verb)."""
    text = (
        "Egypt declares Muslim Brotherhood a terrorist group\n\n"
        "Egypt's military-installed government has declared the Muslim Brotherhood of ousted president Mohamed Morsi "
        'a "terrorist" group, banning all its activities, including demonstrations, ministers say.\n'
    )
    found = [e for e in events(text, dt.date(2013, 12, 25)) if "military-installed" in e.evidence_quote]
    assert [(e.jurisdiction, e.action) for e in found] == [("EG", "designated")]
    assert (found[0].organisation or "").startswith("Muslim Brotherhood")


def test_a_minister_moving_to_proscribe_is_a_proposal() -> None:
    """https://www.upday.com/uk/cleverly-moves-to-ban-islamist-group-hizb-ut-tahrir-as-terror-organisation (dev5):
    "has moved to proscribe the group by putting an order before parliament" proposes the ban."""
    path = Path(__file__).parent / "data" / "news" / "dev5" / "2024-01-15_gb_hizb_ut_tahrir_order_upday.txt"
    found = [
        e for e in extract_events(read_article_file(path), INDEX) if "moved to proscribe" in e.evidence_quote
    ]
    assert [(e.jurisdiction, e.organisation, e.action) for e in found] == [
        ("GB", "Hizb ut-Tahrir", "proposed_designation")
    ]


def test_passive_subject_across_a_relative_clause() -> None:
    """https://www.deccanherald.com/india/modi-govt-declares-muslim-league-jammu-kashmir-masarat-alam-faction-unlawful-under-uapa-2826468
    (dev6): the group the sentence opens with
    is what "was on Wednesday declared a banned organisation", across the relative clause; the weekday dates it."""
    text = (
        "New Delhi: The Muslim League Jammu Kashmir (Masarat Alam faction) (MLJK-MA), which the Home Ministry alleged "
        '"has been involved in anti-national and secessionist activities in Jammu and Kashmir" and "supporting '
        'terrorist activities", was on Wednesday declared a banned organisation.\n'
    )
    found = events(text, dt.date(2023, 12, 27))
    assert triples(found) == {
        ("IN", "Muslim League Jammu Kashmir (Masarat Alam faction)", "designated", "2023-12-27")
    }


def test_passive_subject_after_a_possessive() -> None:
    """https://en.prothomalo.com/international/americas/us-drops-foreign-terrorist-designation-from-israeli-basque-egyptian-groups
    (dev5): "Japan's Aum Shinrikyo cult, which ..., and Gamaa Islamiya, ..., were also dropped from the
    department's official list of foreign terrorist organisations" removes Aum Shinrikyo (not Japan)."""
    text = (
        'The US State Department on Friday removed its longstanding official "foreign terrorist organisation" label '
        "from Israeli, Basque, Egyptian, Palestinian and Japanese extremist groups, but all will remain under a "
        "separate, broader terror designation.\n\n"
        "Japan's Aum Shinrikyo cult, which launched a deadly sarin attack in Tokyo's subway in 1995, and Gamaa "
        "Islamiya, the militant group led by the blind cleric Omar Abdel Rahman, who died in a US prison in 2017, were "
        "also dropped from the department's official list of foreign terrorist organisations.\n"
    )
    found = [e for e in events(text, dt.date(2022, 5, 20)) if "dropped" in e.evidence_quote]
    assert [(e.organisation, e.action) for e in found] == [("Aum Shinrikyo", "delisted")]


def test_no_passive_subject_for_an_active_verb_or_a_body() -> None:
    from proscribe.news.subjects import passive_subject

    active = "The Home Ministry, which met on Monday, declared the group banned."
    assert passive_subject(active, active.index("declared"), "declared") is None
    body = "The Government, which has faced criticism, was also dropped from the talks list."
    assert passive_subject(body, body.index("dropped"), "dropped from the talks list") is None
