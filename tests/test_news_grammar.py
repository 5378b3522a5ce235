# ruff: noqa: RUF001, RUF003  -- typographic quotes are real article text.
"""news-grammar: the group named BEFORE a passive or perfect listing predicate (subjects.left_subject), on sentences
quoted from development articles (tests/data/news/dev7, dev11; URL and retrieval date in their index.jsonl). The
publication day is the article's.
"""

from __future__ import annotations

import datetime as dt

from proscribe.news import NewsEvent, extract_events, name_index, parse_article
from proscribe.news.subjects import left_subject

INDEX = name_index()


def events(text: str, published: dt.date) -> list[NewsEvent]:
    return extract_events(parse_article(text, "article.txt", published), INDEX)


def test_german_object_between_auxiliary_and_participle() -> None:
    # dev7 2026-01-29_eu_irgc_terror_list_europesays_de.txt
    found = events("Die EU hat Irans Revolutionsgarde auf die Terrorliste gesetzt.", dt.date(2026, 1, 29))
    assert [(e.jurisdiction, e.organisation, e.action) for e in found] == [
        ("EU", "Revolutionsgarde", "designated")
    ]


def test_german_generic_object_is_no_group() -> None:
    sentence = "Die EU hat die Gruppe auf die Terrorliste gesetzt."
    assert left_subject(sentence, sentence.index("auf")) is None


def test_english_passive_subject_after_an_opening_clause() -> None:
    # dev11 2025-12-11_ca_four_terrorist_entities_euroscopenews.txt
    sentence = (
        "In addition to the aforementioned extremist networks, the Islamic State-Mozambique has also been included "
        "in the list of terrorist entities."
    )
    found = events(
        "Canada listed four new terrorist entities on Thursday. " + sentence, dt.date(2025, 12, 11)
    )
    assert ("CA", "Islamic State-Mozambique", "designated") in {
        (e.jurisdiction, e.organisation, e.action) for e in found
    }


def test_active_perfect_does_not_read_the_actor_as_the_subject() -> None:
    # "Canada has designated": an active perfect; the name before it acts, it is not listed.
    sentence = "Canada has designated the Zulu Liberation Front as a terrorist entity."
    assert left_subject(sentence, sentence.index("designated")) is None


def test_french_passive_subject_after_a_dateline_clause() -> None:
    # dev7: "Hier, le 17 décembre, le Hamas a été retiré de la liste des organisations terroristes de l’Union
    # Européenne" -- the subject stands after the opening time clause, whether the verb match begins at "a été"
    # or at the participle.
    sentence = "Hier, le 17 décembre, le Hamas a été retiré de la liste des organisations terroristes de l’Union Européenne"
    for verb in ("a été", "retiré"):
        found = left_subject(sentence, sentence.index(verb))
        assert found is not None and found.text == "Hamas"


def test_french_passive_subject_keeps_the_lowercase_words_of_a_name() -> None:
    # Constructed on the pattern of the brief ("X a été inscrit sur la liste des organisations terroristes"): no dev
    # article names an unknown group this way; the name's lowercase words belong to it.
    found = events(
        "Le Front de libération zoulou a été inscrit sur la liste des organisations terroristes de l'Union européenne.",
        dt.date(2025, 5, 1),
    )
    assert [(e.jurisdiction, e.organisation, e.action) for e in found] == [
        ("EU", "Front de libération zoulou", "designated")
    ]


def test_romance_body_is_no_passive_subject() -> None:
    sentence = "Le Gouvernement a été saisi de la liste des organisations terroristes."
    assert left_subject(sentence, sentence.index("a été")) is None


def test_german_passive_subject_with_the_agent_between() -> None:
    # Constructed (the passive counterpart of the dev7 sentence above).
    found = events(
        "Die Zulu-Befreiungsfront wurde von der EU auf die Terrorliste gesetzt.", dt.date(2026, 1, 29)
    )
    assert [(e.jurisdiction, e.organisation, e.action) for e in found] == [
        ("EU", "Zulu-Befreiungsfront", "designated")
    ]


def test_english_no_longer_listed_is_a_removal_of_its_subject() -> None:
    sentence = "The Zulu Liberation Front is no longer listed as a terrorist entity by Canada."
    found = left_subject(sentence, sentence.index("no longer"))
    assert found is not None and found.text == "Zulu Liberation Front"
    # "is" before anything else is a status, not a step's auxiliary.
    assert left_subject("The Zulu Liberation Front is listed", len("The Zulu Liberation Front is ")) is None


def test_english_passive_subject_with_its_head_noun() -> None:
    # dev7 2024-06-14_ru_georgian_legion_tass.txt
    found = events(
        "MOSCOW, June 14. /TASS/. The Georgian National Legion paramilitary unit has been recognized by a Russian "
        "court as a terrorist organization and included in the list of terrorist organizations, the Russian Federal "
        "Security Service said.",
        dt.date(2024, 6, 14),
    )
    assert ("RU", "Georgian National Legion", "designated") in {
        (e.jurisdiction, e.organisation, e.action) for e in found
    }


def test_english_passive_subject_across_an_acronym_apposition_and_a_time_phrase() -> None:
    # dev12 2019-07-27_ng_imn_shiites_court_vanguard.txt
    sentence = "The Indigenous People of Biafra, IPOB, were last two years declared a terrorists organization"
    found = left_subject(sentence, sentence.index("declared"))
    assert found is not None and found.text == "Indigenous People of Biafra"
    # A verb between the name and the auxiliary ends the subject: "Hamas said it was listed" is no passive of Hamas.
    said = "Hamas said it was listed as a terrorist group."
    assert left_subject(said, said.index("listed")) is None


def test_spanish_passive_entry_in_the_register_after_an_apposition() -> None:
    # dev12 reports "Desde hoy, el Tren de Aragua, una de las bandas más peligrosas de América Latina, está inscripto
    # en el Registro Público de Terroristas (RePET)" -- "está inscripto" is a standing status and stays unread; the
    # same sentence with the passive of the step ("fue inscripto") names its subject across the apposition.
    step = (
        "Desde hoy, el Tren de Aragua, una de las bandas más peligrosas de América Latina, fue inscripto en el "
        "Registro Público de Terroristas (RePET)."
    )
    found = events(step, dt.date(2025, 8, 26))
    assert [(e.jurisdiction, e.organisation, e.action) for e in found] == [
        ("AR", "Tren de Aragua", "designated")
    ]
    assert events(step.replace("fue inscripto", "está inscripto"), dt.date(2025, 8, 26)) == []


def test_spanish_quedo_inscrito_reads_an_unknown_subject() -> None:
    found = events(
        "El Frente de Liberación Zulú quedó inscrito en el Registro Público de Terroristas (RePET).",
        dt.date(2025, 5, 1),
    )
    assert [(e.jurisdiction, e.organisation, e.action) for e in found] == [
        ("AR", "Frente de Liberación Zulú", "designated")
    ]
