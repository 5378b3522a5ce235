# ruff: noqa: RUF001  -- Cyrillic capitals and typographic quotes are how the quoted sentences are written.
"""Rules for the residual wrong-action, wrong-jurisdiction and missing-step cases of the dev sets."""

from __future__ import annotations

import datetime as dt

import pytest

from proscribe.news import extract_events, name_index, parse_article
from proscribe.news.dates import find_dates
from proscribe.news.jurisdictions import WEAK, coordinated_actors, find_mentions
from proscribe.news.link import NameIndex


@pytest.fixture(scope="module")
def index() -> NameIndex:
    return name_index()


def _events(
    text: str, published: dt.date, index: NameIndex
) -> set[tuple[str | None, str | None, str, str | None]]:
    article = parse_article(text, name="residual.txt", published=published)
    return {
        (e.jurisdiction, e.organisation, e.action, e.effective_date) for e in extract_events(article, index)
    }


def test_a_national_security_council_is_no_un_body() -> None:
    assert [m.code for m in find_mentions("the National Security Council designated FETÖ")] == []
    assert {m.code for m in find_mentions("the UN Security Council designated them")} == {"UN"}
    assert {m.code for m in find_mentions("the Security Council of the United Nations")} == {"UN"}
    assert {m.code for m in find_mentions("the Security Council listed them")} == {"UN"}


def test_an_unnamed_national_office_acts_for_the_government_named_last(index: NameIndex) -> None:
    # dev6 2017-07-20_tr_feto_us_report_yenisafak.txt: a US report on Turkey; the office is Turkey's.
    text = (
        "The first comment from the Turkish government\n\n"
        "Deputy Prime Minister Numan Kurtulmuş addressed the United States\u2019 report when he bequeathed his office.\n\n"
        "It is stated in the report that the National Security Council designated FETÖ as a terrorist "
        "organization on May 26, 2016.\n"
    )
    assert _events(text, dt.date(2017, 7, 20), index) == {("TR", "FETÖ", "designated", "2016-05-26")}


def test_where_a_group_operates_is_no_actor() -> None:
    # dev5 2022-05-20_us_five_fto_revoked_prothomalo.txt
    sentence = (
        "Removed from the FTO blacklist were Kahane Chai, a Jewish extremist group linked to late rabbi Meir "
        "Kahane; and Euskadi Ta Askatasuna, or ETA, a Basque separatist group that operated in Spain and France."
    )
    assert [m.code for m in find_mentions(sentence) if m.rank != WEAK] == []
    for sentence, actor in (
        ("France banned the group, which is active in Iraq and Syria.", "FR"),
        ("The group, banned in Russia, operates in Syria.", "RU"),
    ):
        assert [m.code for m in find_mentions(sentence) if m.rank != WEAK] == [actor]


def test_a_lapse_dates_the_designation_that_lapses(index: NameIndex) -> None:
    # dev5 2024-11-20_nz_hizbollah_eta_gazette.txt (shortened)
    text = (
        "On 14 December 2024 the terrorist designation of Euskadi Ta Askatasuna (ETA, also known as Basque "
        "Homeland and Freedom), made pursuant to section 22 of the Terrorism Suppression Act 2002 on 10 February "
        "2010, and renewed pursuant to then section 35 of the TSA on 11 February 2013 and 14 December 2021, will "
        "expire.\n"
    )
    assert _events(text, dt.date(2024, 11, 20), index) == {
        ("NZ", "Euskadi Ta Askatasuna", "delisted", "2024-12-14"),
        ("NZ", "Euskadi Ta Askatasuna", "designated", "2010-02-10"),
    }
    # dev2 2025-06-29_nz_proud_boys_lapse_herald.txt: the year before "designation", a sentence after the lapse.
    text = (
        "Members of the American far-right group the Proud Boys are no longer considered terrorists in New "
        "Zealand, as the group's terrorist designation has expired.\n\n"
        "A notice published on the New Zealand Gazette on June 19 confirmed the group's 2022 designation as a "
        "terrorist entity under the Terrorism Suppression Act had lapsed.\n"
    )
    article = parse_article(text, name="lapse.txt", published=dt.date(2025, 6, 29))
    events = extract_events(article, index)
    assert {(e.organisation, e.action, e.effective_date, e.primary) for e in events} == {
        ("Proud Boys", "delisted", None, True),
        ("Proud Boys", "designated", "2022", False),
    }


def test_the_classified_group_is_the_object_not_the_one_it_supports(index: NameIndex) -> None:
    # dev5 2021-11-24_au_hezbollah_base_yalibnan.txt: a quoted “terrorist”, a place-based descriptor, and the
    # registry group named only as whom the listed association supports.
    text = (
        "Last month, Saudi Arabia classified the Lebanon-based Al-Qard Al-Hassan association as a “terrorist” "
        "entity, citing links to activities supporting Hezbollah.\n"
    )
    assert _events(text, dt.date(2021, 11, 24), index) == {
        ("SA", "Al-Qard Al-Hassan", "designated", "2021-10")
    }


def test_a_running_total_before_the_news_is_no_step(index: NameIndex) -> None:
    # dev5 2021-11-24_au_hezbollah_base_yalibnan.txt
    text = (
        "Prior to Wednesday\u2019s announcement, Australia had classified 26 groups as “terrorist” organisations, "
        "including ISIL (ISIS), Boko Haram and Abu Sayyaf.\n"
    )
    assert _events(text, dt.date(2021, 11, 24), index) == set()


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # "в прошлую пятницу" is the Friday of the previous week, even when this week's Friday has passed.
        ("Суд в прошлую пятницу признал движение террористическим.", dt.date(2024, 12, 7), "2024-11-29"),
        ("Суд в прошлую пятницу признал движение террористическим.", dt.date(2024, 12, 2), "2024-11-29"),
        ("В прошлый понедельник суд исключил движение из списка.", dt.date(2024, 12, 6), "2024-11-25"),
        ("Суд в пятницу признал движение террористическим.", dt.date(2024, 12, 7), "2024-12-06"),
        # "last Friday" said on a Friday is a week before.
        ("The court banned the group last Friday.", dt.date(2024, 12, 6), "2024-11-29"),
        ("The court banned the group last Friday.", dt.date(2024, 12, 9), "2024-12-06"),
    ],
)
def test_last_weekday_is_of_the_previous_week(sentence: str, published: dt.date, expected: str) -> None:
    assert [str(d.date) for d in find_dates(sentence, published)] == [expected]


def test_a_passive_step_off_a_states_list_is_that_states_and_an_after_clause_is_history(
    index: NameIndex,
) -> None:
    # dev6 2009-01-26_eu_pmoi_delisted_twocircles.txt
    text = (
        "The widely expected move follows a ruling by the European Court in Luxembourg, which in December said the "
        "EU was wrong to keep the PMOI\u2019s assets frozen after it was taken off a British list of terrorist "
        "organisations.\n"
    )
    article = parse_article(text, name="pmoi.txt", published=dt.date(2009, 1, 26))
    events = extract_events(article, index)
    assert [
        (e.jurisdiction, e.action, e.effective_date, e.primary) for e in events if e.action == "delisted"
    ] == [("GB", "delisted", None, False)]
    # "a British list of terrorist organisations" names its owner; "the Russian wanted list" does not.
    assert [m.rank for m in find_mentions("a British list of terrorist organisations")] != [WEAK]
    assert [m.rank for m in find_mentions("he was put on the Russian wanted list")] == [WEAK]


def test_a_german_standing_listing_with_its_start_is_background(index: NameIndex) -> None:
    # dev 2025-03-31_de_taliban_hearing_earthpress.txt
    text = "Trotz der Einstufung der Taliban als Terrorgruppe seit 2003 hat Moskau diplomatische Kontakte gepflegt.\n"
    article = parse_article(text, name="einstufung.txt", published=dt.date(2025, 3, 31))
    events = extract_events(article, index)
    assert [(e.jurisdiction, e.organisation, e.action, e.effective_date, e.primary) for e in events] == [
        ("RU", "Taliban", "designated", "2003", False)
    ]
    # lifting it is no listing
    text = "Das Gericht hob die Einstufung der Taliban als Terrororganisation auf.\n"
    article = parse_article(text, name="aufgehoben.txt", published=dt.date(2025, 4, 17))
    assert {e.action for e in extract_events(article, index)} <= {"delisted", "suspended"}


def test_a_reversal_weeks_after_a_dated_step_falls_in_its_year(index: NameIndex) -> None:
    # dev2 2025-03-05_us_houthis_redesignated_ani.txt: "in Yemen" is a place, not a delisted state.
    text = (
        "Washington DC [US], March 5 (ANI): The US redesignated Yemen's Houthi rebels as 'foreign terrorist "
        "organisation', Al Jazeera reported.\n\n"
        'Trump listed the Houthis as a "foreign terrorist organization" during the final days of his first term, '
        "which ended in 2021.\n\n"
        "Former US President Joe Biden's administration reversed those designations weeks after coming into office, "
        "citing the humanitarian crisis in Yemen.\n"
    )
    article = parse_article(text, name="houthis.txt", published=dt.date(2025, 3, 5))
    events = extract_events(article, index)
    assert ("US", "delisted", "2021", False) in {
        (e.jurisdiction, e.action, e.effective_date, e.primary) for e in events
    }
    # A state that is itself delisted is no group's step.
    text = "The United States removed Cuba from its list of state sponsors of terrorism.\n"
    article = parse_article(text, name="cuba.txt", published=dt.date(2015, 5, 29))
    assert extract_events(article, index) == []


def test_states_named_together_as_subject_each_take_the_step(index: NameIndex) -> None:
    # dev5 2021-11-24_au_hezbollah_base_yalibnan.txt (a quoted “terrorist” inside the list's name too)
    text = (
        "Australia also designated the global neo-Nazi group The Base as a terrorist organisation.\n\n"
        "The United Kingdom and Canada have already added the organisation to their \u201cterrorist\u201d lists.\n"
    )
    article = parse_article(text, name="base.txt", published=dt.date(2021, 11, 24))
    events = extract_events(article, index)
    assert {(e.jurisdiction, e.action) for e in events if "Base" in (e.organisation or "")} == {
        ("AU", "designated"),
        ("GB", "designated"),
        ("CA", "designated"),
    }
    # One state as subject, another as a place: one step.
    sentence = "Canada, after talks in Washington, added the group to its list of terrorist entities."
    assert coordinated_actors(find_mentions(sentence), sentence.index("added"), sentence) == []
    sentence = "Britain and Canada have banned the group."
    assert coordinated_actors(find_mentions(sentence), sentence.index("banned"), sentence) == ["GB", "CA"]


def test_the_group_a_proposal_clause_is_identified_with_dated_by_the_laying(index: NameIndex) -> None:
    # dev5 2021-04-21_gb_atomwaffen_order_debate_streetguide.txt (a Commons debate)
    text = (
        "That the draft Terrorism Act 2000 (Proscribed Organisations) (Amendment) Order 2021, which was laid before "
        "this House on 19 April, be approved.\n"
        "The group that we now propose to add to the list of terrorist organisations, by amending schedule 2 of the "
        "Terrorism Act 2000, is the Atomwaffen Division, or AWD, and its alias, the National Socialist Order, or NSO.\n"
    )
    assert _events(text, dt.date(2021, 4, 21), index) == {
        ("GB", "Atomwaffen Division", "proposed_designation", "2021-04-19")
    }


def test_the_month_may_in_a_dateline_is_no_hedge(index: NameIndex) -> None:
    text = "WASHINGTON, May 19 - The United States designated Hamas as a terrorist group.\n"
    assert _events(text, dt.date(2016, 5, 19), index) == {("US", "Hamas", "designated", "2016-05-19")}
    text = "The United States may designate Hamas as a terrorist group.\n"
    assert _events(text, dt.date(2016, 5, 19), index) == set()


def test_branches_in_countries_are_groups_of_their_own(index: NameIndex) -> None:
    # dev4 2016-05-19_us_is_libya_reuters.txt
    text = (
        "WASHINGTON, May 19 (Reuters) - The U.S. State Department said on Thursday it had designated Islamic "
        "State\u2019s branch in Libya as a \u201cforeign terrorist organization.\u201d\n\n"
        "The department also designated the Sunni militant group\u2019s branches in Libya, Yemen and Saudi Arabia as "
        "\u201cspecially designated global terrorists.\u201d\n"
    )
    assert _events(text, dt.date(2016, 5, 19), index) == {
        ("US", "Islamic State Libya", "designated", "2016-05-19"),
        ("US", "Islamic State Yemen", "designated", "2016-05-19"),
        ("US", "Islamic State Saudi Arabia", "designated", "2016-05-19"),
    }


def test_a_proscription_case_filed_before_a_court_is_a_petition(index: NameIndex) -> None:
    # dev5 2020-12-26_ph_atc_designations_balita.txt
    text = (
        "The Anti-Terrorism Council designated the Communist Party of the Philippines (CPP) as a terrorist "
        "organisation.\n\n"
        "ATC Resolution No. 12 for the CPP-NPA cited as basis for the designation the proscription case which the "
        "Department of Justice (DOJ), under then Secretary Vitaliano Aguirre II, filed before a Manila court in "
        "February 2018, listing 649 individuals as members.\n"
    )
    article = parse_article(text, name="ph.txt", published=dt.date(2020, 12, 26))
    petitions = [e for e in extract_events(article, index) if e.action == "petition_filed"]
    assert [(e.jurisdiction, e.organisation, e.effective_date, e.primary) for e in petitions] == [
        ("PH", "Communist Party of the Philippines", "2018-02", False)
    ]


def test_a_court_finding_the_listing_wrong_annuls_it(index: NameIndex) -> None:
    # dev6 2009-01-26_eu_pmoi_delisted_twocircles.txt
    text = (
        "Brussels : European Union (EU) foreign ministers Monday removed the People\u2019s Mujahedin of Iran (PMOI) "
        "from their list of terrorist organisations.\n\n"
        "The widely expected move follows a ruling by the European Court in Luxembourg, which in December said the "
        "EU was wrong to keep the PMOI\u2019s assets frozen after it was taken off a British list of terrorist "
        "organisations.\n"
    )
    assert _events(text, dt.date(2009, 1, 26), index) == {
        ("EU", "People\u2019s Mujahedin of Iran", "delisted", "2009-01-26"),
        ("EU", "People\u2019s Mujahedin of Iran", "annulled", "2008-12"),
        ("GB", "People\u2019s Mujahedin of Iran", "delisted", None),
    }
