# ruff: noqa: RUF001  -- Russian, Spanish, French and German text and typographic quotes are real article text.
"""Nationality adjectives in Spanish, French, German and Russian (proscribe/news/demonyms.yaml) name the acting state
next to a government word; sentences from the development articles (tests/data/news/<set>/<file>) where they exist."""

from __future__ import annotations

from pathlib import Path

import pycountry
import pytest
import yaml

from proscribe.news.jurisdictions import ACTOR, WEAK, find_mentions, nearest

NEWS = Path(__file__).parent / "data" / "news"
DEMONYMS = Path(__file__).parent.parent / "src" / "proscribe" / "news" / "demonyms.yaml"


def _mentions(sentence: str) -> list[tuple[str, str, int]]:
    return [(sentence[m.start : m.end], m.code, m.rank) for m in find_mentions(sentence)]


def _from_article(folder: str, name: str, sentence: str) -> str:
    """``sentence`` as quoted here, checked to be in the development article (when the data is there)."""
    path = NEWS / folder / name
    if path.exists():
        assert sentence in path.read_text(encoding="utf-8")
    return sentence


def test_every_un_member_has_a_row_and_the_spanish_french_german_forms_of_most() -> None:
    table = yaml.safe_load(DEMONYMS.read_text(encoding="utf-8"))["countries"]
    assert len(table) == 193
    assert all(pycountry.countries.get(alpha_2=code) is not None for code in table)
    for language in range(3):
        assert sum(1 for row in table.values() if row[language]) >= 188


@pytest.mark.parametrize(
    ("folder", "name", "sentence", "adjective", "code"),
    [
        # es: masculine singular, after "presidente"/"canciller"; feminine after "justicia"
        (
            "dev12",
            "2025-08-27_ar_cartel_de_los_soles_informador.txt",
            "El Ejecutivo del presidente argentino Javier Milei declaró este martes al Cártel de los Soles, grupo"
            " vinculado por Estados Unidos con el Gobierno de Venezuela, como una organización terrorista.",
            "argentino",
            "AR",
        ),
        (
            "dev8",
            "2025-09-04_us_los_choneros_los_lobos_fto_cuartopoder.txt",
            "La medida fue celebrada por el presidente ecuatoriano, Daniel Noboa, quien destacó que esta designación"
            " permitirá reforzar la lucha contra estos grupos.",
            "ecuatoriano",
            "EC",
        ),
        (
            "dev12",
            "2025-08-27_ar_cartel_de_los_soles_repet_ellitoral.txt",
            "La Resolución Conjunta 4/2025 publicada este miércoles en el Boletín Oficial de Nación cuenta con las"
            " firmas de Patricia Bullrich, ministra de Seguridad, y Gerardo Werthein, canciller argentino.",
            "argentino",
            "AR",
        ),
        (
            "dev11",
            "2019-07-17_ar_repet_register_created_ellitoral.txt",
            "Si bien la resolución no menciona a la organización libanesa Hezbollah -sindicada por la justicia"
            " argentina de ser partícipe del ataque a la AMIA",
            "argentina",
            "AR",
        ),
        # fr: masculine singular after "parlement" and "gouvernement"; feminine and masculine plural after "autorités"
        (
            "dev12",
            "2021-05-07_et_tplf_shene_chambre_sahelintelligence.txt",
            "La Chambre basse du parlement éthiopien (Chambre des Représentants du peuple), a approuvé jeudi",
            "éthiopien",
            "ET",
        ),
        (
            "dev12",
            "2021-05-07_et_tplf_shene_chambre_sahelintelligence.txt",
            "Samedi, le gouvernement éthiopien avait désigné le Front de libération du peuple du Tigray et le groupe"
            " armé Shene, comme organisations terroristes.",
            "éthiopien",
            "ET",
        ),
        (
            "dev7",
            "2015-06-08_eg_hamas_ruling_annulled_peopledaily_fr.txt",
            "Après la destitution du président islamiste Mohammed Morsi en juillet 2013, les autorités égyptiennes ont"
            " réprimé des groupes islamistes basés dans la péninsule du Sinaï",
            "égyptiennes",
            "EG",
        ),
        (
            "dev7",
            "2024-09-04_ch_hamas_ban_bill_message_admin.txt",
            "Les autorités suisses auront ainsi les instruments nécessaires pour contrer d'éventuelles activités du"
            " Hamas et empêcher qu'on le soutienne en Suisse.",
            "suisses",
            "CH",
        ),
    ],
)
def test_an_adjective_next_to_a_government_word_in_a_dev_article_is_the_actor(
    folder: str, name: str, sentence: str, adjective: str, code: str
) -> None:
    text = _from_article(folder, name, sentence)
    assert (adjective, code, ACTOR) in _mentions(text)


@pytest.mark.parametrize(
    ("sentence", "adjective", "code"),
    [
        ("El gobierno etíope declaró terrorista al TPLF.", "etíope", "ET"),
        ("Las autoridades etíopes prohibieron el grupo.", "etíopes", "ET"),
        ("El Gobierno dominicano incluyó al Cartel de los Soles en su lista.", "dominicano", "DO"),
        ("La justicia paraguaya declaró terroristas a los grupos.", "paraguaya", "PY"),
        ("Los tribunales paraguayos declararon terroristas a los grupos.", "paraguayos", "PY"),
        ("El ministerio francés prohibió el grupo.", "francés", "FR"),
        ("La cancillería francesa prohibió el grupo.", "francesa", "FR"),
        ("El gobierno iraní condenó la medida.", "iraní", "IR"),
        ("Le gouvernement éthiopien a désigné le TPLF.", "éthiopien", "ET"),
        ("La justice éthiopienne a condamné le groupe.", "éthiopienne", "ET"),
        ("Le Parlement éthiopien a désigné le TPLF comme organisation terroriste.", "éthiopien", "ET"),
        ("La justice marocaine a interdit le mouvement.", "marocaine", "MA"),
        ("Die äthiopische Regierung hat die TPLF als Terrororganisation eingestuft.", "äthiopische", "ET"),
        ("Nach Angaben der äthiopischen Regierung wurde die TPLF verboten.", "äthiopischen", "ET"),
        ("Ein äthiopisches Gericht verbot die Gruppe.", "äthiopisches", "ET"),
        ("Эфиопское правительство признало НФОТ террористической организацией.", "Эфиопское", "ET"),
        ("Парламент признал решение эфиопского правительства.", "эфиопского", "ET"),
    ],
)
def test_every_inflected_form_next_to_a_government_word_is_the_actor(
    sentence: str, adjective: str, code: str
) -> None:
    assert (adjective, code, ACTOR) in _mentions(sentence)


def test_the_state_acts_in_el_presidente_de_paraguay() -> None:
    # The Israeli foreign minister congratulates in a later sentence; the decree is Paraguay's.
    sentence = _from_article(
        "dev6",
        "2019-08-19_py_hamas_hezbollah_decree_publinews.txt",
        "El presidente de Paraguay, Mario Abdo Benítez, firmó un decreto para declarar oficialmente a Hamás y"
        " Hezbollah como organizaciones terroristas internacionales",
    )
    assert ("Paraguay", "PY", ACTOR) in _mentions(sentence)
    assert nearest(find_mentions(sentence), sentence.index("declarar"), sentence) == "PY"


def test_an_adjective_without_a_government_word_is_weak_as_an_english_one() -> None:
    assert _mentions("Los militantes sirios atacaron la ciudad.") == [("sirios", "SY", WEAK)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Es el grupo criminal más grande del continente americano.",  # americano: the continent
        "El vino georgiano es famoso.",  # georgiano: the US state or the country
        "Los pueblos indios de la Amazonía.",  # indio: indigenous
        "El mercado europeo de armas creció.",  # europeo alone is no EU
        "Die europäische Wirtschaft wächst.",
    ],
)
def test_an_ambiguous_adjective_or_the_eus_names_nothing_alone(sentence: str) -> None:
    assert _mentions(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "adjective", "code"),
    [
        ("El gobierno americano designó al cartel.", "americano", "US"),
        ("La Comisión Europea incluyó al grupo en su lista.", "Europea", "EU"),
        ("Die Europäische Kommission hat die Gruppe gelistet.", "Europäische", "EU"),
        ("Le Conseil européen a inscrit le groupe.", "européen", "EU"),
    ],
)
def test_an_ambiguous_adjective_or_the_eus_names_the_state_with_its_government_word(
    sentence: str, adjective: str, code: str
) -> None:
    assert (adjective, code, ACTOR) in _mentions(sentence)


def test_the_eus_adjective_in_russian_with_union() -> None:
    sentence = _from_article(
        "dev11",
        "2023-12-08_eu_deif_issa_listed_interfax.txt",
        "Это решение является частью реакции Европейского союза на угрозу, исходящую от ХАМАС",
    )
    assert ("Европейского", "EU", ACTOR) in _mentions(sentence)


def test_a_capitalised_form_is_no_adjective() -> None:
    # German genitive of "Syrien", not the French plural "syriens": the US acts.
    sentence = _from_article(
        "dev", "2025-07-07_de_hts_oe24.txt", "US-Regierung streicht Syriens HTS-Miliz von Terrorliste"
    )
    assert all(code != "SY" for _, code, _ in _mentions(sentence))
