# ruff: noqa: RUF001  (names in Arabic, Cyrillic and other scripts are the test data)
"""Name normalisation and scoring on real names: scripts, particles, legal forms, acronyms, decoys."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from proscribe.names import name_key
from proscribe.names.index import NameIndex
from proscribe.names.normalise import normalise, skeleton
from proscribe.names.score import THRESHOLD, score_names
from shared_data import pick

# From ../shared/data, or the whole copies in tests/data/lists (MIT / Apache-2.0; tests/README.md).
WATCHMAN_PAIRS = pick("name_matching/watchman_cross_script_pairs.csv")
NAME_BENCH = pick("name_matching/nomenklatura_name_bench_cases.csv")


def score(a: str, b: str) -> float:
    return score_names(normalise(a), normalise(b)).score


def test_name_key_still_exported() -> None:
    assert name_key("Hay'at Tahrir al-Sham") == name_key("HAYAT TAHRIR AL SHAM")


def test_particles_only_on_word_boundaries() -> None:
    assert normalise("Hay'at Tahrir al-Sham").tokens == ("hayat", "tahrir", "sham")
    assert normalise("Harakat ash-Shabaab al-Mujahideen").tokens == ("harakat", "shabaab", "mujahideen")
    assert normalise("Jamaat at-Tawhid").tokens == ("jamaat", "tawhid")
    assert normalise("Meet at Noon").tokens == ("meet", "at", "noon")


def test_legal_forms_dropped_as_whole_tokens_only() -> None:
    assert normalise("ACME Trading Co., Ltd.").tokens == ("acme", "trading")
    assert normalise("Coltd Industries").tokens == ("coltd", "industries")
    assert normalise("ООО Ромашка").tokens == ("romashka",)


def test_homoglyphs_and_control_characters() -> None:
    mixed = "H\u0430m\u0430s"  # Cyrillic a inside a Latin word
    assert normalise(mixed).tokens == ("hamas",)
    assert normalise("Nusrah\x00\u200b Front\x7f").tokens == ("nusrah", "front")
    assert normalise("\x01\x02").tokens == ()


def test_skeleton_bridges_abjad_and_latin() -> None:
    assert skeleton("tahrir") == skeleton("thryr") == skeleton("takhrir")


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("هيئة تحرير الشام", "Hay'at Tahrir al-Sham"),
        ("Хайят Тахрир аш-Шам", "Hayat Tahrir al-Sham"),
        ("جبهة النصرة", "Jabhat al-Nusrah"),
        ("حماس", "HAMAS"),
        ("Χαμάς", "Hamas"),
        ("ハマス", "Hamas"),
        ("塔利班", "Taliban"),
        ("طالبان", "Taliban"),
        ("חמאס", "Hamas"),
        ("तालिबान", "Taliban"),
        ("حزب الله", "Hizballah"),
        ("Al Qaeda", "Al-Qa'ida"),
    ],
)
def test_cross_script_names_of_designated_organisations_match(query: str, name: str) -> None:
    assert score(query, name) >= THRESHOLD


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Hamas Trading", "HAMAS"),
        ("Taliban Restaurant", "Taliban"),
        ("Hezbollah Pharmacy", "Hizballah"),
        ("Acme Corp", "Apple Inc"),
    ],
)
def test_decoys_score_below_threshold(query: str, name: str) -> None:
    assert score(query, name) < THRESHOLD


def test_watchman_cross_script_pairs_mostly_clear_their_minimum() -> None:
    passed = total = 0
    with WATCHMAN_PAIRS.path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    for query, expected, minimum, _ in csv.reader(lines):
        total += 1
        passed += score(query, expected) >= float(minimum)
    assert total == 22
    assert passed >= 19  # the three Han-script names read in Japanese/Korean need readings we do not have


def test_index_finds_acronyms_and_ranks_the_exact_name_first() -> None:
    index = NameIndex(
        [
            (0, "Kurdistan Workers' Party"),
            (1, "Kurdistan Democratic Party"),
            (2, "Islamic State"),
            (3, "Hamas"),
        ]
    )
    hits = index.search("PKK")
    assert hits[0].name.owner == 0 and hits[0].scored.score == 1.0
    assert index.search("Daesh")[0].name.owner == 2
    assert index.search("")[0:] == []


def test_huge_name_is_capped_not_fatal() -> None:
    form = normalise("Hamas " * 2000)
    assert len(form.text) <= 500


def test_hebrew_names_read_as_consonants() -> None:
    assert score("חמאס", "Hamas") >= THRESHOLD
    assert score("חיזבאללה", "Hizballah") >= THRESHOLD
    assert score("אל-קאעידה", "Al-Qaida") >= THRESHOLD
    assert score("דוד", "David") >= 0.85


def test_ezafe_particles_and_generic_organisation_words() -> None:
    assert normalise("Jaish-e-Mohammed").tokens == normalise("JAISH-I-MOHAMMED").tokens
    assert normalise("Tehrik-e Taliban Pakistan").tokens == ("tehrik", "taliban", "pakistan")
    assert score("Abu Sayyaf", "Abu Sayyaf Group") >= THRESHOLD
    assert score("Hamas Trading", "Hamas") < THRESHOLD  # a business word is not a generic word


def test_organisation_words_translated_as_an_extra_reading() -> None:
    index = NameIndex(
        [
            (0, "Taliban Movement"),
            (1, "Tehrik-e Taliban Pakistan"),
            (2, "Kurdistan Workers' Party"),
            (3, "Hizballah"),
        ]
    )
    assert index.search("حركة طالبان")[0].name.owner == 0
    assert index.search("Рабочая партия Курдистана")[0].name.owner == 2
    hit = index.search("حزب الله")[0]
    assert hit.name.owner == 3 and hit.scored.score >= THRESHOLD


def test_acronym_in_another_script_reads_as_what_it_stands_for() -> None:
    index = NameIndex([(0, "Islamic State"), (1, "DIS"), (2, "Dass")])
    hits = index.search("داعش", min_score=THRESHOLD)  # "Daesh" in Arabic
    assert hits[0].name.owner == 0 and hits[0].scored.score == 1.0


ORGANISATIONS = Path(__file__).resolve().parent / "data" / "screening" / "organisations.csv"


def test_organisations_labelled_set_shape() -> None:
    with ORGANISATIONS.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    variants = [r for r in rows if r["kind"] == "variant"]
    negatives = [r for r in rows if r["kind"] == "negative"]
    assert len(variants) >= 200 and len(negatives) >= 60
    assert len({r["expected_entity"] for r in variants}) >= 30
    assert len({r["script"] for r in variants}) >= 5
    assert all(r["source"] for r in rows) and all(not r["expected_entity"] for r in negatives)


# Pairs from the nomenklatura name bench (real names; labels by the OpenSanctions maintainers).
@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("OAO Gazprom", "Open Joint Stock Company Gazprom", "organisation"),
        ("Volkswagen Gesellschaft mit beschränkter Haftung", "Volkswagen GmbH", "organisation"),
        ("Siemens Aktiengesellschaft", "Siemens AG", "organisation"),
        ("Brigade Forty-Four", "Brigade 44", "organisation"),
        ("1st International Bank", "First International Bank", "organisation"),
        ("U.S. Department of State", "United States Department of State", "organisation"),
        ("V. Putin", "Vladimir Putin", "person"),
        ("J.-C. Juncker", "Jean-Claude Juncker", "person"),
        ("Ig0r Sech1n", "Igor Sechin", "person"),
        ("JANAN AGHA", "JANAN MOHAMMAD AHMED AGHA", "person"),
        ("Boris Johnson", "Alexandre Boris de Pfeffel Johnson", "person"),
        ("VladimirPutin", "Vladimir Putin", "person"),
        ("vanderbilt corp", "van der bilt corp", "organisation"),
        ("Sergejs Lavrovs", "Sergey Viktorovich LAVROV", "person"),  # Latvian nominative -s, j for y
        ("Saddam Husayn", "Saddam Hussein", "person"),  # ay / ei, a doubled letter
        ("TACTICAL MISSILES CORPORATION JOINT STOCK COMPAN", "TACTICAL MISSILES CORPORATION", "organisation"),
        ("3%ers", "Three Percenters", "organisation"),
        ("Ted Doe", "Theodore Doe", "person"),  # a nickname
        ("Ben Netanyahu", "Benjamin Netanyahu", "person"),  # "ben" is also read as the patronymic "bin"
        ("Hezbollah Brigades", "Kata'ib Hizballah", "organisation"),  # organisation words translated
        (
            "Fuerzas Armadas Revolucionarias de Colombia",
            "Revolutionary Armed Forces of Colombia",
            "organisation",
        ),
    ],
)
def test_spelling_structure_and_legal_form_variants_match(a: str, b: str, kind: str) -> None:
    assert score_names(normalise(a), normalise(b), kind=kind).score >= THRESHOLD


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("SALMAN BIN MUHAMMAD AL-RAWI", "MUHAMMAD BIN SALMAN AL-RAWI", "person"),  # father and son swapped
        ("SAIF-AL-DIN FULAYYIH HASSAN TAHA AL-MOSULI", "SAIF-AL-DIN FULAYYIH HASSAN TAHA AL-RAWI", "person"),
        ("高石早苗", "高市早苗", "person"),  # one character differs, read alike in pinyin
        ("김종은", "김정은", "person"),
        ("Deutsche Bank AG", "Deutsche Bank GmbH", "organisation"),  # two legal persons
        ("Banco Santander S.A.", "Banco Santander Chile S.A.", "organisation"),
        ("C.B.A. Company", "A.B.C. Company", "organisation"),
        ("Торговый Технопарк Плюс", "TTP", "organisation"),  # initials of a transliteration spell nothing
        ("N.N.", "Nursultan Nazarbayev", "person"),
        ("Malik Ruslanovich Barakhoev", "Malik Ruslanovich Barkhanoev", "person"),  # three edits apart
        ("Raúl Castillo", "Raúl Castro", "person"),
    ],
)
def test_different_names_with_shared_parts_do_not_match(a: str, b: str, kind: str) -> None:
    assert score_names(normalise(a), normalise(b), kind=kind).score < THRESHOLD


def test_kind_decides_whether_a_subset_is_the_same_name() -> None:
    """A person's name may omit middle names; an organisation's extra word names another one."""
    person = score_names(normalise("Fazl Rabi"), normalise("Fazl Rabi Abdul Hamid"), kind="person")
    organisation = score_names(
        normalise("Fazl Rabi"), normalise("Fazl Rabi Abdul Hamid"), kind="organisation"
    )
    assert person.score >= THRESHOLD > organisation.score


def test_nomenklatura_name_bench_f1_beats_the_brute_force_baseline() -> None:
    """The whole bench (826 labelled pairs): proscribe's F1 at its documented threshold stays at or
    above 0.90 and above rapidfuzz token_sort_ratio's best F1 over all thresholds."""
    from rapidfuzz import fuzz

    from proscribe.names.score import compare_names

    kinds = {"Person": "person", "Company": "organisation", "Organization": "organisation"}
    with NAME_BENCH.path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    truth = [row["is_match"] == "true" for row in rows]

    def f1(hits: list[bool]) -> float:
        tp = sum(1 for h, t in zip(hits, truth, strict=True) if h and t)
        fp = sum(1 for h, t in zip(hits, truth, strict=True) if h and not t)
        fn = sum(1 for h, t in zip(hits, truth, strict=True) if t and not h)
        return 2.0 * tp / max(2 * tp + fp + fn, 1)

    ours = f1(
        [compare_names(r["name1"], r["name2"], kind=kinds.get(r["schema"])).score >= THRESHOLD for r in rows]
    )
    baseline_scores = [fuzz.token_sort_ratio(r["name1"].lower(), r["name2"].lower()) / 100 for r in rows]
    baseline = max(f1([s >= t / 100 for s in baseline_scores]) for t in range(50, 100))
    assert ours >= 0.90  # the target
    assert ours > baseline


def test_compare_names_uses_readings_of_latin_acronyms_and_keeps_same_script_names_as_written() -> None:
    from proscribe.names.score import compare_names

    assert compare_names("PKK", "Kurdistan Workers' Party").score >= THRESHOLD  # acronym expansion
    assert compare_names("高石早苗", "高市早苗").score < THRESHOLD  # one character differs
