# ruff: noqa: RUF001, RUF002  (Arabic, Cyrillic and Greek letters are this module's data)
"""Name normalisation for screening: one Latin, lower-case, token form per name, in any script.

Steps (all pure, no network, no model):

1. control characters dropped, length capped, Unicode NFKC and case folding;
2. homoglyphs: Cyrillic/Greek letters inside an otherwise Latin word become Latin ("НАМAS");
3. transliteration to Latin: a proscribe table for Arabic/Persian/Urdu (the article "ال" split off,
   ta marbuta as "a", hamza/ayn dropped) and Greek names of foreign origin ("Μπ" = b, "χ" = h);
   every other script (Cyrillic, Hebrew, Devanagari, Han, Kana, Hangul, Thai...) through
   ``anyascii`` (pure Python tables, measured in docs/benchmarks.md);
4. tokens split on spaces and punctuation; apostrophes inside a word are spelling
   ("Hay'at" -> "hayat"); Arabic particles ("al-", "el-", "ash-"...) dropped, "ibn" read as "bin";
5. legal forms ("Corp", "LLC", "OOO") and stop words ("the", "of") dropped, only as whole tokens.

Each token also has a *skeleton*, a consonant key that survives vowel-less scripts
(Arabic, Hebrew) and transliteration variants: "Tahrir", "تحرير" and "Takhrir" all give "trr".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

from proscribe.names.lexicon import (
    ACRONYMS,
    LEGAL_FORM_PHRASES,
    LEGAL_FORMS,
    ORG_STEMS_CYRILLIC,
    ORG_WORDS_ARABIC,
    ORG_WORDS_HEBREW,
    PARTICLES,
    SPELLING,
    STOP_WORDS,
)
from proscribe.names.text import clean

_ARABIC = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ء": "", "ؤ": "", "ئ": "", "ب": "b", "ت": "t",
    "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s",
    "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q",
    "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "a", "ي": "y", "ى": "a", "و": "w",
    "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g", "ک": "k", "ی": "y", "ہ": "h", "ھ": "h", "ۃ": "a",
    "ے": "e", "ٹ": "t", "ڈ": "d", "ڑ": "r", "ں": "n", "ـ": "", "\u200c": "", "\u200d": "",
}  # fmt: skip
# Hebrew is an abjad too: consonants only, matres lectionis (alef, ayin, vav, yod) kept as vowels.
_HEBREW = {
    "א": "", "ב": "b", "ג": "g", "ד": "d", "ה": "h", "ו": "o", "ז": "z", "ח": "h", "ט": "t", "י": "i",
    "כ": "k", "ך": "k", "ל": "l", "מ": "m", "ם": "m", "נ": "n", "ן": "n", "ס": "s", "ע": "", "פ": "p",
    "ף": "f", "צ": "ts", "ץ": "ts", "ק": "q", "ר": "r", "ש": "sh", "ת": "t", "׳": "", "״": "",
}  # fmt: skip
_HEBREW_GERESH = {
    "ג'": "j",
    "ג׳": "j",
    "צ'": "ch",
    "צ׳": "ch",
    "ז'": "zh",
    "ז׳": "zh",
    "ת'": "th",
    "ת׳": "th",
}
_HEBREW_LETTERS = re.compile(r"[\u05d0-\u05ea]")
_ARABIC_LETTERS = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_GREEK_PAIRS = {"μπ": "b", "ντ": "d", "γκ": "g", "τζ": "j", "χ": "h", "β": "v"}
# Latin look-alikes from Cyrillic and Greek, applied only inside words that mix them with Latin.
_CONFUSABLES = str.maketrans(
    "авсенкмортхуіјѕԁɡοαεικνρτυχΑΒΕΗΙΚΜΝΟΡΤΧΥΖ",
    "abcehkmopmxyijsdgoaeiknptuxabehikmnoptxyz",
)
_LATIN = re.compile(r"[a-z]")
_NON_LATIN_LETTER = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")
_MARKS = re.compile(r"['\u2018\u2019\u02bc\u02bb\u02be\u02bf`\u00b4\u201c\u201d\"]")
# "al-Sham", "ash-Shabaab", "ad-Dawla": article forms joined by a hyphen (or an apostrophe).
_ARTICLE = re.compile(r"\b(?:al|el|ul|il|ad|adh|an|ar|as|ash|at|ath|az|ud|un|ur|us)[-\u2010\u2011](?=\w)")
# Persian/Urdu ezafe and Arabic linking vowels written as hyphenated letters: "Jaish-e-Mohammed".
_EZAFE = re.compile(r"(?<=[a-z])-(?:e|i|ul|ud|ut|us|ur|un)(?:-|\s+(?=[a-z]))")
_SPLIT = re.compile(r"[^0-9a-z]+")

_PHRASES_BY_FIRST_WORD: dict[str, list[tuple[str, ...]]] = {}
for _phrase in LEGAL_FORM_PHRASES:  # in the order above: the first phrase that fits wins
    _PHRASES_BY_FIRST_WORD.setdefault(_phrase[0], []).append(_phrase)
# Number words read as digits ("Brigade Forty-Four" = "Brigade 44", "First Bank" = "1st Bank").
_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}  # fmt: skip
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10,
}  # fmt: skip
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
# Digits used as letters inside a word ("Ig0r Sech1n"): read as the letters they stand for.
_LEET = str.maketrans("013457", "oieast")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[a-z]")


_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ک": "ك", "ۀ": "ة"})
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+")


def _translate_arabic_word(word: str) -> str | None:
    word = word.translate(_ARABIC_FOLD)
    for prefix in ("", "ال", "وال", "لل", "بال", "و", "ل", "ب"):
        if word.startswith(prefix):
            rest = word[len(prefix) :]
            for candidate in (rest, rest[:-1] + "ة" if rest.endswith("ه") else rest):
                if candidate in ORG_WORDS_ARABIC:
                    return ORG_WORDS_ARABIC[candidate]
    return None


def _translate_hebrew_word(word: str) -> str | None:
    for prefix in ("", "ה", "ו", "וה", "ל", "ב", "מ"):
        if word.startswith(prefix) and word[len(prefix) :] in ORG_WORDS_HEBREW:
            return ORG_WORDS_HEBREW[word[len(prefix) :]]
    return None


def _translate_cyrillic_word(word: str) -> str | None:
    lower = word.casefold()
    for stem, english in ORG_STEMS_CYRILLIC:
        if lower.startswith(stem):
            return english
    return None


def translation(text: str) -> str | None:
    """An English reading of the organisation words of an Arabic/Persian/Cyrillic name, or None."""
    words = clean(text).split()
    out: list[str] = []
    changed = False
    for word in words:
        english = None
        if _ARABIC_LETTERS.search(word):
            english = _translate_arabic_word(word)
        elif _HEBREW_LETTERS.search(word):
            english = _translate_hebrew_word(word)
        elif _CYRILLIC_WORD.fullmatch(word.strip(",.")):
            english = _translate_cyrillic_word(word.strip(",."))
        if english is not None:
            changed = True
            out.append(english)
        else:
            out.append(word)
    return " ".join(out) if changed else None


@dataclass(frozen=True)
class Normalised:
    """A name's screening form: Latin tokens, their skeletons, and what was done to get there."""

    original: str
    tokens: tuple[str, ...]
    skeletons: tuple[str, ...]
    script: str  # "latin" or the first non-Latin script seen ("arabic", "cyrillic", ...)
    dropped: tuple[str, ...]  # particles, legal forms and stop words removed
    compact: str = ""  # the name's words without spaces, stop words kept ("van der bilt" -> "vanderbilt")
    # Tokens written only inside brackets: qualifiers ("Deutsche Bank (Schweiz) AG"), acronyms.
    bracketed: frozenset[str] = frozenset()

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    @property
    def transliterated(self) -> bool:
        return self.script != "latin"


def _script_of(text: str) -> str:
    for char in text:
        if char.isalpha() and ord(char) > 0x24F:
            name = unicodedata.name(char, "")
            return name.split(" ", 1)[0].lower() if name else "other"
    return "latin"


def _arabic_to_latin(text: str) -> str:
    words = []
    for word in text.split():
        if _ARABIC_LETTERS.search(word):
            if word.startswith("وال") and len(word) > 4:
                word = word[3:]
            elif word.startswith("ال") and len(word) > 3 and word != "الله":
                word = word[2:]
            elif word == "الله":
                word = "اللا"
            word = "".join(_ARABIC.get(ch, ch) for ch in word)
        words.append(word)
    return " ".join(words)


def _hebrew_to_latin(text: str) -> str:
    for pair, latin in _HEBREW_GERESH.items():
        text = text.replace(pair, latin)
    words = []
    for word in text.split():
        if _HEBREW_LETTERS.search(word):
            if word.startswith(("אל-", "א-")):  # the Arabic article written in Hebrew
                word = word.split("-", 1)[1]
            word = word.replace("וו", "v")
            if len(word) <= 3 and word[1:-1] == "ו":  # short words: a medial vav is a consonant (דוד)
                word = word[0] + "v" + word[2]
            word = "".join(_HEBREW.get(ch, ch) for ch in word)
        words.append(word)
    return " ".join(words)


def _greek_to_latin(text: str) -> str:
    for pair, latin in _GREEK_PAIRS.items():
        text = text.replace(pair, latin)
    return text


def _fix_homoglyphs(word: str) -> str:
    if _LATIN.search(word) and _NON_LATIN_LETTER.search(word):
        return word.translate(_CONFUSABLES)
    return word


def han_spaced(text: str) -> str:
    # Keep one token per Han syllable so "习近平" gives "xi jin ping", compared joined as well.
    return "".join(
        f" {ch} " if "\u3400" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7a3" else ch for ch in text
    )


def to_latin(text: str) -> str:
    """Transliterate any script to lower-case Latin (no normalisation of tokens)."""
    text = unicodedata.normalize("NFKC", clean(text)).casefold()
    text = " ".join(_fix_homoglyphs(word) for word in text.split())
    if _ARABIC_LETTERS.search(text):
        text = _arabic_to_latin(text)
    if _HEBREW_LETTERS.search(text):
        text = _hebrew_to_latin(text)
    if any("\u0370" <= ch <= "\u03ff" for ch in text):
        text = _greek_to_latin(unicodedata.normalize("NFD", text))
    text = han_spaced(text)
    return anyascii(text).lower()


@lru_cache(maxsize=200_000)  # tokens repeat across names and queries
def skeleton(token: str) -> str:
    """Consonant key: "hayat" / "hy'a" -> "h", "tahrir" / "takhrir" -> "trr", "mohammed" -> "mhmd"."""
    s = token
    if len(s) > 4 and s[-2:] in ("at", "ah", "et", "eh"):
        s = s[:-2]
    for old, new in (("kh", "h"), ("gh", "g"), ("sh", "s"), ("ch", "s"), ("ph", "f"), ("dh", "d"), ("zh", "j"), ("ck", "k")):  # fmt: skip
        s = s.replace(old, new)
    s = s.translate(_SKELETON)
    out: list[str] = []
    for ch in s:
        if not out or out[-1] != ch:
            out.append(ch)
    key = "".join(out)
    if len(key) > 1 and key.endswith("h"):
        key = key[:-1]
    return key or token[:1]


_SKELETON = str.maketrans({"q": "k", "c": "k", "x": "k", "p": "b", "l": "r", "z": "s", "j": "g", "v": "f", "a": None, "e": None, "i": None, "o": None, "u": None, "y": None, "w": None})  # fmt: skip


def _join_initials(raw: list[str]) -> list[str]:
    """Runs of single letters become one token: "U.S." -> "us", "J.-C." -> "jc", "A.B.C." -> "abc"."""
    out: list[str] = []
    run: list[str] = []
    for tok in [*raw, ""]:
        if len(tok) == 1 and tok.isalpha():
            run.append(tok)
            continue
        if run:
            out.extend(["".join(run)] if len(run) > 1 else run)
            run = []
        if tok:
            out.append(tok)
    return out


def _read_numbers(raw: list[str]) -> list[str]:
    """Number words and ordinals as digits ("forty four" / "forty 4" -> "44", "1st" -> "1"), and digits
    inside words as the letters they imitate ("sech1n" -> "sechin")."""
    out: list[str] = []
    i = 0
    while i < len(raw):
        tok = raw[i]
        ordinal = _ORDINAL_DIGITS.match(tok)
        if tok in _TENS:
            value = _TENS[tok]
            following = raw[i + 1] if i + 1 < len(raw) else ""
            if following in _UNITS and 0 < _UNITS[following] < 10:
                value, i = value + _UNITS[following], i + 1
            elif following.isdigit() and len(following) == 1 and following != "0":
                value, i = value + int(following), i + 1
            out.append(str(value))
        elif tok in _UNITS:
            out.append(str(_UNITS[tok]))
        elif tok in _ORDINALS:
            out.append(str(_ORDINALS[tok]))
        elif ordinal:
            out.append(ordinal.group(1))
        elif _DIGIT.search(tok) and _LETTER.search(tok):
            out.append(tok.translate(_LEET))
        else:
            out.append(tok)
        i += 1
    return out


def _drop_legal_phrases(raw: list[str], dropped: list[str]) -> list[str]:
    """Remove multi-word legal forms ("limited liability company"), keeping at least one token."""
    out: list[str] = []
    i = 0
    while i < len(raw):
        for phrase in _PHRASES_BY_FIRST_WORD.get(raw[i], ()):
            end = i + len(phrase)
            if (tuple(raw[i:end]) == phrase or _truncated(raw[i:], phrase)) and len(raw[end:]) + i >= 1:
                dropped.append(" ".join(phrase))
                i = end
                break
        else:
            out.append(raw[i])
            i += 1
    return out or raw


def _truncated(tail: list[str], phrase: tuple[str, ...]) -> bool:
    """Whether the name's last words are the start of a legal form cut short, as fixed-width fields
    of payment messages cut names ("... Joint Stock Compan")."""
    if not 2 <= len(tail) <= len(phrase):
        return False
    *whole, last = tail
    return list(phrase[: len(whole)]) == whole and phrase[len(whole)].startswith(last)


@lru_cache(maxsize=200_000)
def normalise(name: str) -> Normalised:
    """The screening form of one name (cached: lists repeat names and queries repeat too)."""
    script = _script_of(name)
    latin = to_latin(name)
    latin = _MARKS.sub("", latin).replace("%", " percent")  # "3%ers" = "Three Percenters"
    latin = _EZAFE.sub(" ", latin)
    dropped: list[str] = []
    for found in _ARTICLE.findall(latin):
        dropped.append(found.rstrip("-\u2010\u2011"))
    latin = _ARTICLE.sub(" ", latin)
    tokens: list[str] = []
    raw = _drop_legal_phrases(
        _read_numbers(_join_initials([tok for tok in _SPLIT.split(latin) if tok])), dropped
    )
    for i, tok in enumerate(raw):
        tok = SPELLING.get(tok, tok)
        if (
            (tok in PARTICLES and i < len(raw) - 1)
            or tok in STOP_WORDS
            or (tok in LEGAL_FORMS and len(raw) > 1)
        ):
            dropped.append(tok)
            continue
        tokens.append(tok)
    if not tokens:  # a name made only of stop words ("The Company") keeps its words
        tokens = [SPELLING.get(tok, tok) for tok in raw]
    return Normalised(
        original=name,
        bracketed=_bracketed(latin, tokens),
        tokens=tuple(tokens),
        skeletons=tuple(skeleton(tok) for tok in tokens),
        script=script,
        dropped=tuple(dropped),
        compact="".join(
            SPELLING.get(tok, tok) for tok in raw if tok not in PARTICLES and tok not in LEGAL_FORMS
        )
        or "".join(tokens),
    )


_BRACKETS = re.compile(r"\(([^()]*)\)")


def _bracketed(latin: str, tokens: list[str]) -> frozenset[str]:
    """The name's tokens that appear only between brackets."""
    if "(" not in latin:
        return frozenset()

    def words(text: str) -> set[str]:
        return {SPELLING.get(tok, tok) for tok in _join_initials([tok for tok in _SPLIT.split(text) if tok])}

    inside = set().union(*map(words, _BRACKETS.findall(latin)))
    outside = words(_BRACKETS.sub(" ", latin))
    found = frozenset(tok for tok in tokens if tok in inside and tok not in outside)
    # A name written wholly in brackets has no qualifier.
    return found if len(found) < len(tokens) else frozenset()


def expansions(query: Normalised) -> list[str]:
    """Other readings of a query: acronym expansions ("PKK" -> "kurdistan workers party") and
    the English translation of organisation words in Arabic, Persian or Russian ("حزب" -> party)."""
    if len(query.tokens) == 1 and query.tokens[0] in ACRONYMS:
        return list(ACRONYMS[query.tokens[0]])
    if query.script in ("cjk", "hiragana", "katakana", "katakana-hiragana", "hangul"):
        from proscribe.names.readings import han_readings  # loads the MeCab dictionaries: only when needed

        return han_readings(query.original)  # Japanese and Korean readings (pinyin is the main form)
    if query.script != "latin":
        translated = translation(query.original)
        if translated is not None:
            # An acronym written in another script ("داعش" = Daesh) reads as what it stands for too.
            return [translated, *ACRONYMS.get(translated, ())]
    return []
