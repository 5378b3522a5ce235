# ruff: noqa: RUF001, RUF002  -- typographic quotes and apostrophes are real article text.
"""Organisation names the extractor reads around a listing verb, on sentences quoted from the development articles.

Each text is a verbatim excerpt of the development article named beside it (tests/data/news/dev*/, whose
index.jsonl gives the source URL, publication day and retrieval date 2026-12-04).
"""

from __future__ import annotations

import datetime as dt

from proscribe.news import NewsEvent, extract_events, name_index, parse_article
from proscribe.news.enumerations import counted_relative_lists
from proscribe.news.orgnames import enumerated_names, plausible, quoted_names

INDEX = name_index()


def events(text: str, published: str) -> list[NewsEvent]:
    return extract_events(parse_article(text, "article.txt", dt.date.fromisoformat(published)), INDEX)


def organisations(found: list[NewsEvent], jurisdiction: str, action: str = "designated") -> list[str]:
    return [e.organisation or "" for e in found if e.jurisdiction == jurisdiction and e.action == action]


# dev5/2023-01-05_in_trf_greaterkashmir.txt (https://www.greaterkashmir.com/todays-paper/front-page/pak-created-lets-offshoot-trf-responsible-for-brutal-killings-of-innocents-banned-by-mha-under-uapa)
TRF = "New Delhi: The Union Home Ministry Thursday banned ‘The Resistance Front’ terror outfit, a proxy of the Lashkar-e-Taiba.\n"


def test_a_name_in_single_curly_quotes_is_the_banned_group() -> None:
    """ "banned ‘The Resistance Front’ terror outfit": single curly quotes mark a name as double ones do; the
    article inside them is no part of it."""
    found = events(TRF, "2023-01-05")
    assert [(e.jurisdiction, e.organisation, e.action, e.effective_date) for e in found] == [
        ("IN", "Resistance Front", "designated", "2023-01-05")
    ]


def test_an_apostrophe_does_not_close_a_single_quoted_name() -> None:
    """A ’ followed by a letter is an apostrophe inside the name; the closing one is followed by no letter."""
    text = "the ministry banned ‘People’s Mujahedin’ and the Front’s wing"
    assert [n.text for n in quoted_names(text)] == ["People’s Mujahedin"]


# dev5/2013-12-25_eg_muslim_brotherhood_alalam.txt (http://en.alalam.ir/news/1548218/egypt-declares-muslim-brotherhood-a-terrorist-group)
BROTHERHOOD = (
    "Egypt's military-installed government has declared the Muslim Brotherhood of ousted president Mohamed Morsi a "
    '"terrorist" group, banning all its activities, including demonstrations, ministers say.\n'
)


def test_a_joining_word_does_not_end_a_name() -> None:
    """ "the Muslim Brotherhood of ousted president Mohamed Morsi": "of" joins a name only to a capitalised word."""
    assert organisations(events(BROTHERHOOD, "2013-12-25"), "EG") == ["Muslim Brotherhood"]


# dev6/2024-03-10_in_jk_groups_states_newindianexpress.txt (https://www.newindianexpress.com/cities/delhi/2024/Mar/10/states-uts-told-to-take-action-against-3-banned-jk-based-terror-outfits)
JK_LIST = (
    "The organisations, which have been recently declared unlawful under the UAPA provisions, include the Muslim "
    "Conference Jammu and Kashmir (Sumji faction), Muslim Conference Jammu and Kashmir (Bhat faction) and "
    "Jamaat-e-Islami, Jammu and Kashmir."
)
JK_EXTENDED = (
    "On February 27, the home ministry extended the ban on Jamaat-e-Islami, Jammu and Kashmir, for five years for "
    "continuing activities against the security, integrity and sovereignty of the nation.\n"
)
JK_SUBJECTS = (
    "A day later, it announced that the Muslim Conference Jammu and Kashmir (Sumji faction) and the Muslim "
    "Conference Jammu and Kashmir (Bhat faction) were also declared as banned groups for their anti-India and "
    "pro-Pakistan propaganda.\n"
)


def test_a_region_with_and_inside_a_list_item_joins_no_two_items() -> None:
    """ "Muslim Conference Jammu and Kashmir (Sumji faction), ...": the "and" of a region's name is no separator, a
    faction in brackets stays in the name, and a region after a comma that ends the list is the name's branch."""
    start = JK_LIST.index("include") + len("include ")
    assert [n.text for n in enumerated_names(JK_LIST, start)] == [
        "Muslim Conference Jammu and Kashmir (Sumji faction)",
        "Muslim Conference Jammu and Kashmir (Bhat faction)",
        "Jamaat-e-Islami, Jammu and Kashmir",
    ]


def test_a_region_after_a_comma_belongs_to_the_name() -> None:
    """ "the ban on Jamaat-e-Islami, Jammu and Kashmir, for five years": one group, not three."""
    # The sentence alone names no state (the article's dateline does): only the names are asserted here.
    found = events(JK_EXTENDED, "2024-03-10")
    assert [(e.organisation, e.action) for e in found] == [
        ("Jamaat-e-Islami, Jammu and Kashmir", "designated")
    ]


def test_subjects_of_a_passive_step_do_not_start_inside_a_region() -> None:
    """ "the Muslim Conference Jammu and Kashmir (Sumji faction) and the ... (Bhat faction) were also declared as
    banned": two factions, neither cut at "Kashmir"."""
    found = [e.organisation for e in events(JK_SUBJECTS, "2024-03-10") if e.action == "designated"]
    assert found == [
        "Muslim Conference Jammu and Kashmir (Sumji faction)",
        "Muslim Conference Jammu and Kashmir (Bhat faction)",
    ]


def test_a_region_is_no_group_and_a_country_after_a_comma_is_another_item() -> None:
    """A region alone names no group; only a region (not a country, not one followed by "and") joins the name."""
    assert not plausible("Jammu and Kashmir")
    text = "the ministry banned Hamas, Punjab and Sindh."
    assert [n.text for n in enumerated_names(text, text.index("Hamas"))] == ["Hamas"]


# dev6/2025-08-21_co_petro_clan_del_golfo_swissinfo.txt (https://www.swissinfo.ch/spa/petro-declarar%C3%A1-como-organizaciones-terroristas-a-disidencias-de-las-farc-y-clan-del-golfo/89875168)
PETRO = (
    "Bogotá, 21 ago (EFE).- El presidente colombiano, Gustavo Petro, afirmó este jueves que su Gobierno declarará "
    "como organizaciones «terroristas» al Clan del Golfo, que es la principal banda criminal del país, y a dos "
    "disidencias de las antiguas FARC, que son el Estado Mayor Central (EMC) y la Segunda Marquetalia.\n"
)


def test_a_relative_clause_names_a_counted_objects_members() -> None:
    """ "y a dos disidencias de las antiguas FARC, que son el A (EMC) y la B": the two members are the objects; the
    FARC they split from is not."""
    found = organisations(events(PETRO, "2025-08-21"), "CO", "proposed_designation")
    assert found == ["Clan del Golfo", "Estado Mayor Central", "Segunda Marquetalia"]


def test_a_counted_objects_members_must_match_its_count() -> None:
    """Three names after "two factions of the party, which are" are no such list: nothing is read."""
    text = "It will ban two factions of the party, which are Alpha, Beta and Gamma."
    assert counted_relative_lists(text, 0) == []
    text = "It will ban two factions of the party, which are Alpha and Beta."
    assert [[n.text for n in names] for _, names in counted_relative_lists(text, 0)] == [["Alpha", "Beta"]]


# dev5/2022-05-20_us_five_fto_revoked_prothomalo.txt (https://en.prothomalo.com/international/americas/us-drops-foreign-terrorist-designation-from-israeli-basque-egyptian-groups)
FTO_REVOKED = (
    'The US State Department on Friday removed its longstanding official "foreign terrorist organisation" label from '
    "Israeli, Basque, Egyptian, Palestinian and Japanese extremist groups, but all will remain under a separate, "
    "broader terror designation.\n\n"
    "Removed from the FTO blacklist were Kahane Chai, a Jewish extremist group linked to late rabbi Meir Kahane; the "
    "Palestinian jihadist group Mujahidin Shura Council in the Environs of Jerusalem; and Euskadi Ta Askatasuna, or "
    "ETA, a Basque separatist group that operated in Spain and France.\n"
)


def test_a_semicolon_list_after_the_verb_with_described_items() -> None:
    """ "were A, a Jewish extremist group ...; the ... group B; and C, or ETA, a Basque separatist group that operated
    in Spain and France": three groups; the states in an item's description do not act, and the lede's "on Friday"
    dates the step whose groups the next sentence names."""
    found = events(FTO_REVOKED, "2022-05-20")
    assert [(e.jurisdiction, e.organisation, e.action, e.effective_date) for e in found] == [
        ("US", "Kahane Chai", "delisted", "2022-05-20"),
        ("US", "Mujahidin Shura Council in the Environs of Jerusalem", "delisted", "2022-05-20"),
        ("US", "Euskadi Ta Askatasuna", "delisted", "2022-05-20"),
    ]


# dev/2025-12-05_ca_hts_removed_globalnews.txt (https://globalnews.ca/news/11564294/canada-syria-terrorism-sponsor-list-hts/)
HTS_ANNOUNCED = (
    "Canada has removed Syria from its list of foreign state sponsors of terrorism, federal ministers announced "
    "Friday.\n\n"
    "Ottawa has also removed Hayat Tahrir al-Sham (HTS), the group that led a rebel takeover last year, from its list "
    "of terrorist entities under the Criminal Code, according to a joint statement from Foreign Affairs Minister "
    "Anita Anand and Public Safety Minister Gary Anandasangaree.\n"
)


def test_the_day_of_a_statement_in_the_lede_dates_no_step() -> None:
    """ "federal ministers announced Friday": the day the statement was made, not the removal's, is not carried."""
    found = [e for e in events(HTS_ANNOUNCED, "2025-12-05") if e.organisation]
    assert [(e.jurisdiction, e.action, e.effective_date) for e in found] == [("CA", "delisted", None)]
