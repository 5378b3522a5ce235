"""Japanese and Korean Latin readings of names written in Han characters, Kana or Hangul.

:func:`proscribe.names.normalise.to_latin` reads Han characters as Mandarin pinyin (``anyascii``),
so "山田太郎" and "金正恩" do not meet "Yamada Taro" and "Kim Jong Un". :func:`han_readings` gives
the other plausible readings, used as extra forms of a screening query (never instead of pinyin):

* Japanese (Han and/or Kana): the word segmentation and readings of MeCab with UniDic
  (``fugashi`` + ``unidic-lite``), romanised in Hepburn by ``cutlet``, long vowels folded as
  lists print them ("Tarō", "Tarou" -> "taro", "Ōno" -> "ono"; "Inoue" and "Seiko" kept). Kana
  loanwords also get their source spelling where UniDic has one ("ドナルド" -> "donald").
* Korean (Han without Kana, and Hangul): Hanja read in Sino-Korean through ``pyhanja`` (libhangul's
  dictionary), the surname 金 read 김 and the initial-sound rule (두음법칙: 李 리 -> 이) applied to the
  name's first syllable; Hangul romanised by this module's tables, syllable by syllable: the usual
  South Korean spelling of names ("park ji sung", "roh moo hyun": common surnames as passports
  write them, "sung", "hyun", "moo"), the Revised Romanization ("bak ji seong"), and a
  McCune-Reischauer-like spelling without diacritics, the one North Korean names and older lists
  use ("kim jong un", "pak pong ju", "ri su yong").

Readings are lower case, space-separated Latin tokens; text without Han, Kana or Hangul has none.
"""

from __future__ import annotations

import re
import threading
import warnings
from functools import cache, lru_cache
from typing import Any

import cutlet
import jaconv

from proscribe.names.text import clean

try:  # binary wheels up to CPython 3.11 only; without it Hanja gets no Korean reading
    with warnings.catch_warnings():  # its importlib.resources.path() call is deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        import pyhanja
except ImportError:  # pragma: no cover - depends on the interpreter
    pyhanja = None

MAX_READINGS = 5

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_KANA = re.compile(r"[\u3041-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_NOT_LATIN = re.compile(r"[^0-9a-z]+")
_HANGUL_OR_LATIN_WORD = re.compile(r"[\uac00-\ud7a3]+|[0-9a-z]+")  # mixed input: "kim 정은"

# MeCab character types (unidic char.def): unknown kana words are still read, unknown kanji are not.
_CHAR_HIRAGANA = 6
_CHAR_KATAKANA = 7
_ASCII_LEMMA = re.compile(r"[A-Za-z][A-Za-z .'-]*")

# Hangul syllables are arithmetic: 0xAC00 + (initial * 21 + medial) * 28 + final.
# Revised Romanization (2000) and a McCune-Reischauer-like spelling (no breves or apostrophes,
# word-initial consonants, "j" for ㅈ as in "Kim Jong Un"). Order: ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ.
_RR_INITIAL = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h")  # fmt: skip
_MR_INITIAL = ("k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h")  # fmt: skip
# ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ
_RR_MEDIAL = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i")  # fmt: skip
_MR_MEDIAL = ("a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i")  # fmt: skip
# (none)ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ: one spelling in both systems
_FINAL = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t")  # fmt: skip
# Common surnames as Koreans write them in passports and the press ("Park", not "Bak").
_SURNAMES = {
    "김": "kim", "이": "lee", "박": "park", "최": "choi", "정": "jung", "강": "kang", "조": "cho",
    "윤": "yoon", "장": "jang", "임": "lim", "오": "oh", "신": "shin", "권": "kwon", "안": "ahn",
    "유": "yoo", "류": "ryu", "전": "jeon", "고": "ko", "문": "moon", "손": "son", "노": "roh",
    "곽": "kwak", "성": "sung", "주": "joo", "우": "woo", "구": "koo", "엄": "um", "천": "chun",
    "공": "kong", "현": "hyun", "변": "byun", "추": "choo", "석": "seok", "선": "sun", "육": "yook",
    "금": "keum", "기": "ki", "명": "myung", "국": "kook", "경": "kyung", "편": "pyun",
}  # fmt: skip
_HANGUL_BASE = 0xAC00


def _jamo(syllable: str) -> tuple[int, int, int]:
    index = ord(syllable) - _HANGUL_BASE
    return index // 588, (index // 28) % 21, index % 28


def _syllable(initial: int, medial: int, final: int) -> str:
    return chr(_HANGUL_BASE + (initial * 21 + medial) * 28 + final)


def _initial_sound_rule(syllable: str) -> str:
    """두음법칙, as South Korea reads a name's first Hanja: 리 -> 이, 류 -> 유, 로 -> 노, 녀 -> 여."""
    initial, medial, final = _jamo(syllable)
    if initial == 5:  # ㄹ: before i/y -> silent ㅇ, otherwise -> ㄴ
        initial = 11 if medial in (2, 6, 7, 12, 17, 20) else 2
    elif initial == 2 and medial in (6, 12, 17, 20):  # ㄴ before i/y -> ㅇ
        initial = 11
    return _syllable(initial, medial, final)


def _romanize_syllable(syllable: str, mr: bool) -> str:
    initial, medial, final = _jamo(syllable)
    if mr:
        onset = "sh" if initial == 9 and medial in (16, 20) else _MR_INITIAL[initial]  # 시 shi, 신 shin
        return onset + _MR_MEDIAL[medial] + _FINAL[final]
    return _RR_INITIAL[initial] + _RR_MEDIAL[medial] + _FINAL[final]


def _popular_syllable(syllable: str) -> str:
    """The spelling most South Korean passports and newspapers give a name syllable: Revised
    Romanization but "Sung", "Hyun", "Young", "Moo", "Moon", "Hee", "Kyung", "Kwang", "Ki"."""
    if syllable == "희":
        return "hee"
    initial, medial, final = _jamo(syllable)
    onset = _RR_INITIAL[initial]
    if initial == 0 and medial in (2, 3, 6, 7, 9, 10, 12, 14, 15, 17, 20):  # ㄱ before y, w, i
        onset = "k"
    elif initial == 9 and medial in (16, 20):  # 신 "Shin"
        onset = "sh"
    vowel = _RR_MEDIAL[medial]
    if medial == 4 and final in (1, 4, 8, 16, 21):  # ㅓ closed by ㄱㄴㄹㅁㅇ: 성 "sung", 석 "suk"
        vowel = "u"
    elif medial == 6 and final in (1, 4, 21):  # ㅕ closed by ㄱㄴㅇ: 현 "hyun", 영 "young"
        vowel = "you" if initial == 11 and final == 21 else "yu"
    elif medial == 13 and final in (0, 4):  # ㅜ open or closed by ㄴ: 무 "moo", 문 "moon"
        vowel = "oo"
    elif medial == 17 and initial == 11 and final in (0, 4):  # 유 "yoo", 윤 "yoon"
        vowel = "yoo"
    return onset + vowel + _FINAL[final]


def hangul_readings(text: str) -> list[str]:
    """Readings of Hangul, one token per syllable: the usual South Korean spelling of names,
    Revised Romanization, McCune-Reischauer-like, and RR with the usual surname spelling
    ("김정은" -> "kim jung eun", "gim jeong eun", "kim jong un", "kim jeong eun")."""
    words = _HANGUL_OR_LATIN_WORD.findall(text.lower())
    if not any(_HANGUL.search(w) for w in words):
        return []
    popular: list[str] = []
    rr: list[str] = []
    mr: list[str] = []
    for word in words:
        if _HANGUL.fullmatch(word[0]):
            popular.extend(_popular_syllable(ch) for ch in word)
            rr.extend(_romanize_syllable(ch, mr=False) for ch in word)
            mr.extend(_romanize_syllable(ch, mr=True) for ch in word)
        else:
            popular.append(word)
            rr.append(word)
            mr.append(word)
    readings = [" ".join(popular), " ".join(rr), " ".join(mr)]
    first = words[0]
    surname = _SURNAMES.get(first[0])
    if surname is not None and (len(first) > 1 or len(words) > 1):  # a whole name, surname first
        readings[0] = " ".join([surname, *popular[1:]])
        readings.append(" ".join([surname, *rr[1:]]))
    return _unique(readings)


@cache
def _hanja_dictionary() -> Any:
    return pyhanja.default_dict() if pyhanja is not None else None


def hanja_to_hangul(text: str) -> str | None:
    """The Sino-Korean (Hangul) reading of a name in Hanja, or None when a character has none."""
    dictionary = _hanja_dictionary()
    if dictionary is None:
        return None
    out: list[str] = []
    first = True
    for ch in text:
        if _HAN.match(ch):
            if first and ch == "金":  # 금 ("gold") as a word, 김 as a surname
                reading = "김"
            else:
                try:
                    reading = dictionary.query(ch).value
                except IndexError:  # not in the dictionary
                    return None
                if not isinstance(reading, str) or not _HANGUL.fullmatch(reading):
                    return None
                if first:
                    reading = _initial_sound_rule(reading)
            out.append(reading)
            first = False
        elif _KANA.match(ch):
            return None
        else:
            out.append(ch)
            first = first and not _HANGUL.match(ch)
    return "".join(out)


_TAGGER_LOCK = threading.Lock()  # a MeCab tagger is not safe to share between threads


@cache
def _cutlet() -> Any:
    return cutlet.Cutlet()


def load_dictionaries() -> None:
    """Load the Japanese and Korean dictionaries now (about half a second) rather than at the
    first Han or Hangul name: called before batch workers fork, so that they share one copy."""
    _hanja_dictionary()
    _cutlet()


def _fold_long_vowels(kana: str, pron: str | None) -> str:
    """Drop the kana that only lengthens a vowel, as UniDic's pronunciation marks it with "ー"
    (タロウ/タロー -> タロ, オオノ/オーノ -> オノ, but セイ/セー kept: "Seiko", and イノウエ kept)."""
    if pron and len(pron) == len(kana):
        return "".join(k for k, p in zip(kana, pron, strict=True) if not (p == "ー" and k in "ウオーうお"))
    return kana.replace("ー", "")


def _fold_romaji(roman: str) -> str:
    return roman.replace("ou", "o").replace("oo", "o").replace("uu", "u")


def japanese_readings(text: str) -> list[str]:
    """Hepburn readings of a Japanese name (long vowels folded), one token per word:
    "山田太郎" -> "yamada taro"; a second reading with loanwords' source spelling if any."""
    katsu = _cutlet()
    with _TAGGER_LOCK:
        words = [
            (
                w.surface,
                w.is_unk,
                w.char_type,
                w.feature.pos1,
                w.feature.kana,
                w.feature.pron,
                w.feature.lemma,
            )
            for w in katsu.tagger(cutlet.normalize_text(text))
        ]
    plain: list[str] = []
    foreign: list[str] = []
    for surface, unknown, char_type, pos1, kana, pron, lemma in words:
        if unknown and _HAN.search(surface):
            return []  # a kanji MeCab cannot read (rare, or a simplified Chinese form): no guess
        if pos1 == "補助記号" or not surface.strip():
            continue
        if surface.isascii():
            token = surface.lower()
            plain.append(token)
            foreign.append(token)
            continue
        if unknown:
            if char_type not in (_CHAR_HIRAGANA, _CHAR_KATAKANA):
                return []  # some other script MeCab cannot read
            roman = _fold_romaji(katsu.map_kana(jaconv.kata2hira(surface.replace("ー", ""))))
        elif kana:
            roman = katsu.map_kana(jaconv.kata2hira(_fold_long_vowels(kana, pron)))
        else:
            return []
        plain.append(roman)
        source = lemma.split("-", 1)[1] if lemma and "-" in lemma else ""
        foreign.append(source.lower() if _ASCII_LEMMA.fullmatch(source) else roman)
    return _unique([" ".join(plain), " ".join(foreign)])


def _unique(readings: list[str]) -> list[str]:
    out: list[str] = []
    for reading in readings:
        tokens = [t for t in _NOT_LATIN.split(reading.lower()) if t]
        text = " ".join(tokens)
        if text and text not in out:
            out.append(text)
    return out


@lru_cache(maxsize=50_000)
def _han_readings(text: str) -> tuple[str, ...]:
    has_han = bool(_HAN.search(text))
    has_kana = bool(_KANA.search(text))
    has_hangul = bool(_HANGUL.search(text))
    if not (has_han or has_kana or has_hangul):
        return ()
    readings: list[str] = []
    if has_han or has_kana:
        readings += japanese_readings(text)
    if has_han and not has_kana:
        hangul = hanja_to_hangul(text)
        if hangul is not None:
            readings += hangul_readings(hangul)
    elif has_hangul:
        readings += hangul_readings(text)
    return tuple(_unique(readings)[:MAX_READINGS])


def han_readings(text: str) -> list[str]:
    """Extra Latin readings of a name containing Han characters, Kana or Hangul (Japanese Hepburn;
    Korean usual spelling, Revised Romanization, McCune-Reischauer-like), at most
    :data:`MAX_READINGS`, cached; [] for any other text.

    >>> han_readings("山田太郎")[0]
    'yamada taro'
    >>> han_readings("김정은")
    ['kim jung eun', 'gim jeong eun', 'kim jong un', 'kim jeong eun']
    """
    return list(_han_readings(clean(text)))  # control characters out, length capped at MAX_NAME_CHARS
