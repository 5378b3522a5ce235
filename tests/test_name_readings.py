"""Japanese and Korean readings of names in Han characters, Kana and Hangul, on real names."""

from __future__ import annotations

import csv

import pytest

from proscribe.names.index import NameIndex
from proscribe.names.normalise import expansions, normalise
from proscribe.names.readings import han_readings, hanja_to_hangul
from proscribe.names.score import THRESHOLD, score_names
from proscribe.names.text import MAX_NAME_CHARS
from shared_data import pick

# From ../shared/data, or the whole copy in tests/data/lists (Apache-2.0; tests/README.md).
WATCHMAN = pick("name_matching/watchman_cross_script_pairs.csv")
needs_hanja = pytest.mark.skipif(
    hanja_to_hangul("金") is None, reason="pyhanja not installed (CPython > 3.11)"
)


def best(query: str, expected: str) -> float:
    """The best score over the query's main form and its Japanese/Korean readings."""
    forms = [normalise(query)] + [normalise(reading) for reading in han_readings(query)]
    return max(score_names(form, normalise(expected)).score for form in forms)


def watchman_minimum(query: str, expected: str) -> float:
    with WATCHMAN.path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    for row in csv.reader(lines):
        if (row[0], row[1]) == (query, expected):
            return float(row[2])
    raise AssertionError(f"{query} / {expected} is not in {WATCHMAN.path.name}")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param("金正恩", "Kim Jong Un", marks=needs_hanja),
        ("山田太郎", "Yamada Taro"),
        ("田中花子", "Tanaka Hanako"),
        ("김정은", "Kim Jong Un"),
        ("박지성", "Park Ji Sung"),
        ("이민호", "Lee Min Ho"),
        ("李明", "Li Ming"),
        ("习近平", "Xi Jinping"),
        ("王伟", "Wang Wei"),
    ],
)
def test_watchman_han_and_hangul_pairs_reach_their_minimum(query: str, expected: str) -> None:
    assert best(query, expected) >= watchman_minimum(query, expected)


def test_japanese_names_in_hepburn_with_long_vowels_folded() -> None:
    assert han_readings("山田太郎")[0] == "yamada taro"  # タロウ: Tarō / Tarou / Taro
    assert han_readings("田中花子")[0] == "tanaka hanako"
    assert han_readings("安倍晋三")[0] == "abe shinzo"
    assert han_readings("岡本公三")[0] == "okamoto kozo"  # Japanese Red Army, Lod airport attack
    assert han_readings("重信房子")[0] == "shigenobu fusako"
    assert han_readings("井上")[0] == "inoue"  # not a long vowel: kept
    assert han_readings("ヤマダタロウ")[0] == "yamada taro"  # Katakana


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("安倍晋三", "Abe Shinzo"),
        ("安倍晋三", "Shinzo Abe"),
        ("麻原彰晃", "Asahara Shoko"),  # Aum Shinrikyo
        ("重信房子", "Shigenobu Fusako"),
        ("岡本公三", "Okamoto Kozo"),
        ("ドナルド・トランプ", "Donald Trump"),  # a Katakana loan name gets its source spelling
    ],
)
def test_japanese_names_match_their_latin_spelling(query: str, expected: str) -> None:
    assert best(query, expected) >= THRESHOLD


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param("朴槿惠", "Park Geun-hye", marks=needs_hanja),
        pytest.param("文在寅", "Moon Jae-in", marks=needs_hanja),
        pytest.param("李明博", "Lee Myung-bak", marks=needs_hanja),  # 李 리 read 이 (initial-sound rule)
        pytest.param("盧武鉉", "Roh Moo-hyun", marks=needs_hanja),
        pytest.param("金日成", "Kim Il Sung", marks=needs_hanja),  # 金 read 김 as a surname
        pytest.param("潘基文", "Ban Ki-moon", marks=needs_hanja),
        ("최룡해", "Choe Ryong Hae"),  # North Korean spellings (UN 1718 list)
        ("리수용", "Ri Su Yong"),
        ("박봉주", "Pak Pong Ju"),
        ("김여정", "Kim Yo Jong"),
        ("김영철", "Kim Yong Chol"),
    ],
)
def test_korean_names_match_their_latin_spelling(query: str, expected: str) -> None:
    assert best(query, expected) >= THRESHOLD


def test_korean_romanizations_side_by_side() -> None:
    assert han_readings("김정은") == ["kim jung eun", "gim jeong eun", "kim jong un", "kim jeong eun"]
    assert "park ji sung" in han_readings("박지성")
    assert "bak ji seong" in han_readings("박지성")  # Revised Romanization
    assert "pak ji song" in han_readings("박지성")  # McCune-Reischauer-like
    assert han_readings("이민호")[0] == "lee min ho"


@needs_hanja
def test_hanja_read_in_korean_with_the_surname_rules() -> None:
    assert hanja_to_hangul("金正恩") == "김정은"
    assert hanja_to_hangul("李明博") == "이명박"
    assert hanja_to_hangul("柳寬順") == "유관순"
    assert "kim jong un" in han_readings("金正恩")


@pytest.mark.parametrize(
    ("query", "other"),
    [
        ("山田太郎", "Tanaka Hanako"),
        ("山田太郎", "Yamada Hanako"),
        ("安倍晋三", "Asahara Shoko"),
        ("田中花子", "Kim Jong Un"),
        ("金正恩", "Kim Jong Il"),
        ("김정은", "Kim Il Sung"),
        ("朴槿惠", "Moon Jae-in"),
    ],
)
def test_other_people_stay_below_the_threshold(query: str, other: str) -> None:
    assert best(query, other) < THRESHOLD


def test_screening_queries_get_the_readings_as_expansions() -> None:
    assert "yamada taro" in expansions(normalise("山田太郎"))
    assert "kim jong un" in expansions(normalise("김정은"))
    assert "yamada taro" in expansions(normalise("ヤマダ タロウ"))
    assert expansions(normalise("Yamada Taro")) == []


def test_readings_are_few_lower_case_latin_tokens() -> None:
    for name in ("山田太郎", "金正恩", "김정은", "ドナルド・トランプ", "李明博", "やまだ たろう"):
        readings = han_readings(name)
        assert len(readings) in range(1, 6)
        for reading in readings:
            assert reading == reading.lower()
            assert all(token.isascii() and token.isalnum() for token in reading.split())


def test_bad_input() -> None:
    assert han_readings("") == []
    assert han_readings("   ") == []
    assert han_readings("Kim Jong Un") == []
    assert han_readings("محمد علي") == []
    assert han_readings("\x00\u200b山田\x07太郎")[0] == "yamada taro"
    assert han_readings("𠮷田") == []  # a kanji neither dictionary knows: no guess
    readings = han_readings("金正恩")
    readings.append("mutated")
    assert "mutated" not in han_readings("金正恩")  # the cache hands out copies


def test_long_input_is_capped() -> None:
    """10,000 characters are read as at most MAX_NAME_CHARS of them (no wall-clock limit here:
    the cap is what keeps the time bounded)."""
    for text in ("山" * 10_000, "김" * 10_000, "ア" * 10_000, "金正恩 " * 3_000):
        readings = han_readings(text)
        assert all(len(reading.split()) <= MAX_NAME_CHARS for reading in readings)


def test_screening_index_finds_them_through_the_expansions() -> None:
    listed = ["Yamada Taro", "Kim Jong Un", "Tanaka Hanako", "Pak Pong Ju", "Asahara Shoko", "Park Ji Sung"]
    index = NameIndex(enumerate(listed))
    for query, owner in (
        ("山田太郎", 0),
        ("田中花子", 2),
        ("박봉주", 3),
        ("麻原彰晃", 4),
        ("박지성", 5),
        ("김정은", 1),
    ):
        hits = index.search(query)
        assert hits and hits[0].name.owner == owner and hits[0].scored.score >= THRESHOLD, query
