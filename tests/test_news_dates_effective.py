# ruff: noqa: RUF001  -- typographic quotes and Russian, French and Spanish letters are real article text.
"""Effective or announced: each rule of news.effective with a sentence quoted from a development article."""

from __future__ import annotations

import datetime as dt

from proscribe.news import NewsEvent, extract_events, name_index, parse_article
from proscribe.news.dates import find_dates
from proscribe.news.effective import (
    decision_made_before,
    instrument_published,
    inverted_speech,
    older_step,
    other_clause,
    reported_that,
    romance_in_force,
    speech_before,
)

INDEX = name_index()


def events(text: str, published: dt.date) -> list[NewsEvent]:
    return extract_events(parse_article(text, "article.txt", published), INDEX)


def test_declared_banned_is_the_act_not_a_statement() -> None:
    # dev7/2022-09-14_ru_irpt_terrorist_asiaplus: the year beside "was declared banned" dates the ban.
    found = events(
        "The Supreme Court of Russia recognized the Islamic Renaissance Party of Tajikistan (IRPT) as a terrorist "
        "and banned its activities in the country. In Tajikistan, the party was declared banned back in 2015.",
        dt.date(2022, 9, 14),
    )
    tajik = next(e for e in found if e.jurisdiction == "TJ")
    assert (tajik.effective_date, tajik.announced_date, tajik.primary) == ("2015", None, False)
    assert not speech_before("the party was declared banned back in ")
    # A statement stays one: "the ministry declared on Monday" dates the announcement.
    assert speech_before("the ministry declared on ")


def test_gazette_published_on_a_day_dates_the_listing_it_makes() -> None:
    # dev7/2025-12-04_iq_hezbollah_houthis_gazette_error_trtworld: the gazette's day, not the earlier ruling's.
    found = events(
        "A bureaucratic blunder in Baghdad has triggered regional confusion after an official Iraqi gazette appeared "
        "to designate Lebanon’s Hezbollah and Yemen’s Houthi movement as “terrorist organisations” — only for the "
        "state news agency to later clarify that the listing was an error.\n\n"
        "The controversy began when Issue No. 4848 of Iraq’s official gazette, Al-Waqa’i al-Iraqiya, published on "
        "November 17, 2025, included both groups on the country’s national terrorism list. The decision — attributed "
        "to an October 22 ruling by Iraq’s Committee for Freezing Terrorists’ Funds — stated that Hezbollah and the "
        "Houthis were being targeted for their alleged “participation in committing a terrorist act.”",
        dt.date(2025, 12, 4),
    )
    hezbollah = next(e for e in found if e.jurisdiction == "IQ" and e.action == "designated")
    assert (hezbollah.effective_date, hezbollah.date_precision) == ("2025-11-17", "day")
    assert instrument_published("the gazette, Al-Waqa’i al-Iraqiya, published on November 17", 48)
    # A statement "published" by a ministry is still a statement.
    assert not instrument_published("according to memo published online on Monday", 38)


def test_spanish_entry_into_force_beats_the_decision_day() -> None:
    # dev8/2025-09-04_us_los_choneros_los_lobos_fto_lavoz: "entró en vigor el 5 de septiembre", not 6 August.
    found = events(
        "Estados Unidos ha designado oficialmente a las bandas de narcotraficantes ecuatorianas Los Choneros y Los "
        "Lobos como organizaciones terroristas, marcando un punto de inflexión en la lucha contra el crimen organizado "
        "transnacional. La decisión, formalizada por el Secretario de Estado Marco Rubio el 6 de agosto de 2025, fue "
        "publicada en el Registro Federal el 4 de septiembre de 2025.\n\n"
        "La medida entró en vigor el 5 de septiembre, tras su publicación en el Registro Federal, aunque fue "
        "anunciada un día antes.",
        dt.date(2025, 9, 4),
    )
    designations = [e for e in found if e.jurisdiction == "US" and e.action == "designated"]
    assert designations
    assert {(e.effective_date, e.date_basis) for e in designations} == {("2025-09-05", "rule")}
    assert romance_in_force("La mesure entre en vigueur le 20 novembre.")
    assert not romance_in_force("La medida fue anunciada un día antes.")


def test_last_week_is_the_month_the_week_fell_in() -> None:
    # dev8/2014-11-20_ae_groups_may_appeal_reuters: "last week" in a story of Thursday 20 November is November.
    found = events(
        "The Gulf Arab state last week designated the Muslim Brotherhood and its local affiliates, as well as "
        "Syria-based Nusra Front and the Islamic State, and Shi’ite militant groups such as the Houthi movement in "
        "Yemen as terrorist organizations.",
        dt.date(2014, 11, 20),
    )
    brotherhood = next(e for e in found if e.organisation == "Muslim Brotherhood")
    assert (brotherhood.effective_date, brotherhood.date_precision, brotherhood.date_basis) == (
        "2014-11",
        "month",
        "relative",
    )
    # A week across two months is only its year, never a day (a date does not gain precision).
    assert [
        (d.text, str(d.date), d.precision) for d in find_dates("на прошлой неделе", dt.date(2014, 12, 3))
    ] == [("на прошлой неделе", "2014-11", "month")]
    assert [(str(d.date), d.precision) for d in find_dates("la semana pasada", dt.date(2025, 10, 6))] == [
        ("2025", "year")
    ]


def test_a_date_opening_a_that_clause_of_a_speech_verb_dates_the_statement() -> None:
    # dev6/2024-03-10_in_jk_groups_states_newindianexpress: "A day later, it announced that ... were also declared":
    # announced 28 February, effective unknown; neither the 27th of the step before ("also") nor the year of it.
    found = events(
        "On February 27, the home ministry extended the ban on Jamaat-e-Islami, Jammu and Kashmir, for five years for "
        "continuing activities against the security, integrity and sovereignty of the nation. A day later, it "
        "announced that the Muslim Conference Jammu and Kashmir (Sumji faction) and the Muslim Conference Jammu and "
        "Kashmir (Bhat faction) were also declared as banned groups for their anti-India and pro-Pakistan propaganda.",
        dt.date(2024, 3, 10),
    )
    factions = [e for e in found if e.organisation and "Muslim Conference" in e.organisation]
    assert len(factions) == 2
    assert {(e.effective_date, e.announced_date) for e in factions} == {(None, "2024-02-28")}
    jamaat = next(e for e in found if e.organisation and "Jamaat" in e.organisation)
    assert jamaat.effective_date == "2024-02-27"
    assert reported_that("Le ministère a annoncé que le groupe", 0, 36)


def test_a_step_since_an_event_is_dated_by_the_window_not_the_event() -> None:
    # dev8/2025-12-16_us_clan_del_golfo_fto_radiosantafe: the designations came after Trump's return in January.
    sentence = (
        "Desde el regreso al poder en enero pasado del presidente Donald Trump, Washington ha designado como "
        "terroristas a los seis principales carteles mexicanos: Cartel de Sinaloa, Cartel Jalisco Nueva Generación "
        "(CJNG), Cartel del Noreste, Cartel del Golfo, Carteles Unidos y Nueva Familia Mexicana."
    )
    assert [(str(d.date), d.precision) for d in find_dates(sentence, dt.date(2025, 12, 16))] == [
        ("2025", "year")
    ]
    cartels = [e for e in events(sentence, dt.date(2025, 12, 16)) if e.jurisdiction == "US"]
    assert cartels
    assert {(e.effective_date, e.date_precision) for e in cartels} == {("2025", "year")}
    # A window reaching back into another year dates nothing.
    assert (
        find_dates("since the group seized control of Afghanistan in 2021, Russia has", dt.date(2024, 9, 5))
        == []
    )
    # "since" right before the date names the date itself.
    assert [
        (str(d.date), d.precision) for d in find_dates("has been outlawed since 2001", dt.date(2025, 1, 5))
    ] == [("2001", "year")]
    assert [
        (str(d.date), d.precision) for d in find_dates("desde principios de 2024", dt.date(2024, 9, 5))
    ] == [("2024", "year")]


def test_a_date_in_one_contrasted_clause_does_not_date_the_other() -> None:
    # dev8/2022-07-02_nz_proud_boys_the_base_i24news: "last year" is the Proud Boys' Canadian listing; The Base's
    # earlier listings ("previously") stay undated.
    sentence = (
        "But last year the Proud Boys group was given the designation in Canada, while The Base was previously "
        "declared a terrorist group in the United Kingdom, Canada, and Australia."
    )
    found = events(sentence, dt.date(2022, 7, 2))
    base = [e for e in found if e.organisation and "Base" in e.organisation]
    assert base
    assert {e.effective_date for e in base} == {None}
    at = sentence.index("declared")
    assert other_clause(sentence, 4, 13, at)
    assert not other_clause("Britain on Friday banned the group, officials said.", 8, 17, 18)


def test_the_decision_was_taken_in_a_month_dates_the_ban_reported_before() -> None:
    # dev8/2015-05-28_tj_islamic_state_supreme_court_rambler: "документ был принят в конце апреля" → April 2015.
    found = events(
        'В Таджикистане "Исламское государство" признано террористической организацией, а ее деятельность запрещена '
        "на территории республики. Такое решение принято Верховным судом республики по представлению генеральной "
        "прокуратуры. Об этом сообщили в четверг корр. ТАСС в главном надзорном ведомстве страны, указав, что "
        'документ был принят в конце апреля и носил "служебный характер".',
        dt.date(2015, 5, 28),
    )
    tajik = next(e for e in found if e.jurisdiction == "TJ" and e.action == "designated")
    assert (tajik.effective_date, tajik.date_precision) == ("2015-04", "month")
    assert decision_made_before("the decision was taken on ", 26)
    assert not decision_made_before("the decision was criticised on ", 31)


def test_french_inverted_speech_clause_dates_the_statement() -> None:
    # dev6/2022-05-16_us_kahane_chai_msc_to_be_revoked_lalibre: "..., a déclaré un responsable dimanche" dates the
    # statement; the removal to come has no day of effect.
    found = events(
        "Les États-Unis vont retirer un groupe extrémiste juif lié à l'ancien rabbin Meir Kahane et un groupe militant "
        "palestinien de la liste noire des organisations terroristes après des années sans violence, a déclaré un "
        "responsable dimanche.Le département d'État a informé le Congrès qu'il allait cesser d'utiliser la "
        'qualification de "terroriste" pour désigner ce groupe, car Kahane Chai "n\'a pas été lié à une attaque '
        'terroriste depuis 2005", a annoné un responsable. Cette qualification avait été contestée en justice par le '
        "groupe. Le Conseil de la choura des moudjahidines des environs de Jérusalem sera également enlevée de cette "
        "liste, a indiqué la même source.",
        dt.date(2022, 5, 16),
    )
    council = next(e for e in found if e.organisation and e.organisation.startswith("Conseil de la choura"))
    assert (council.action, council.effective_date) == ("proposed_delisting", None)
    assert inverted_speech("sans violence, a déclaré un responsable ")
    assert not inverted_speech("Le Conseil des ministres de l'UE a ajouté, ")


def test_an_annulment_is_not_dated_by_the_verdict_it_quashes() -> None:
    # dev7/2015-06-08_eg_hamas_ruling_annulled_peopledaily_fr: the 28 February verdict is the designation (background);
    # the annulment is reported on Saturday ("a rapporté samedi") and has no day of its own in the text.
    found = events(
        "La cour d'appel du Caire des affaires urgentes a annulé sa décision de qualifier le groupe palestinien du "
        "Hamas d'organisation terroriste, a rapporté samedi le site Internet officiel Ahram Online.\n"
        "La cour a accepté un procès intenté par l'autorité du procès nationale, qui représente le gouvernement "
        "égyptien, contre le verdict du tribunal du Caire des affaires urgentes prononcé le 28 février qualifiant le "
        "mouvement islamiste Hamas d'organisation terroriste.",
        dt.date(2015, 6, 8),
    )
    annulment = next(e for e in found if e.action == "annulled")
    assert annulment.effective_date is None
    designation = next(e for e in found if e.action == "designated")
    assert designation.effective_date == "2015-02-28"


def test_a_background_step_with_an_earlier_month_stays_beside_the_news() -> None:
    # dev5/2024-07-09_in_sfj_ban_extended_lokmattimes: the first ban (July 2019) is an event of its own beside the
    # extension of July 2024, not merged into it.
    found = events(
        "The Ministry of Home Affairs has extended the ban on the terrorist group Sikhs For Justice (SFJ) for another "
        "five years, declaring it an unlawful association from July 10, 2024. The US-based group Sikhs for Justice "
        "(SFJ) was initially banned in July 2019.",
        dt.date(2024, 7, 9),
    )
    steps = {
        (e.effective_date, e.primary)
        for e in found
        if (e.organisation or "").casefold() == "sikhs for justice"
    }
    assert ("2019-07", False) in steps
    assert any(date is not None and date.startswith("2024-07") and primary for date, primary in steps)
    # A year alone (often a law's: "Anti-Terrorism Act- 2009") does not part two reports.
    assert not older_step("2009", False, "2024-08-28", True)
    assert older_step("2001-12", False, "2002-11-27", True)
    assert not older_step("2002-11", False, "2002-11-27", True)
