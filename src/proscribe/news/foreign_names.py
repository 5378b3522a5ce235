# ruff: noqa: RUF001, RUF003  -- dashes and typographic quotes are how the names are written.
"""Registry names written in another language or spelling: "Islamischer Staat", "Estado Islámico", "Hezbolá".

German, Spanish and French articles name groups in translation, word for word and inflected: "des Islamischen
Staates", "l'État islamique", "la Yihad Islámica". A short glossary of the words group names are made of gives their
English form, so the translated run (in either word order: Romance adjectives follow the noun) can be looked up among
the registry's names. A one-word name may also be spelt another way in another language ("Hezbolá" for Hezbollah):
its spelling key (doubled letters single, a final "h" and the vowels after the first letter dropped) finds it when
exactly one registry name has that key.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Sequence

from proscribe.news.first_chars import first_char_gate

# Folded (lower-case, accents off) foreign words of group names and their English word.
_GLOSSARY: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), english)
    for pattern, english in (
        (r"islamisch(?:e|er|en|es|em)?|islamic[oa]s?|islamiques?", "islamic"),
        (r"staat(?:es|s)?|estado|etat", "state"),
        (r"dschihad|yihad|djihad", "jihad"),
        (r"palestin(?:ensisch(?:e|er|en|es|em)?|[oa]s?|ien(?:ne)?s?)", "palestinian"),
        (r"befreiungs?|liberacion|liberation", "liberation"),
        (r"widerstand(?:s|es)?|resistencia", "resistance"),
        (r"bewegung|movimiento|mouvement", "movement"),
        (r"partei|partido|parti", "party"),
        (r"armee|ejercito", "army"),
        (r"brigaden|brigadas", "brigades"),
        (r"front(?:e|es)?|frente", "front"),
        (
            r"revolution(?:ar(?:e|er|en|es)?|ari[oa]s?|naires?)|revolucionari[oa]s?|revolutionnaires?",
            "revolutionary",
        ),
    )
)
# Any glossary word in a folded text, English words included (checked one by one with :func:`english_word`).
_ANY_GLOSSARY_WORD = re.compile(r"\b(?:" + "|".join(f"(?:{p.pattern})" for p, _ in _GLOSSARY) + r")\b")
# Letters English does not write: a text with none has no names in another language's spelling ("Hezbolá").
_NON_ENGLISH_LETTER = re.compile(r"[áéíóúñàèìòùçâêîôûäöüßëïÁÉÍÓÚÑÀÈÇÂÊÎÔÛÄÖÜ]")
# German spellings of Arabic names start a word: "al-Scharaa", "Dschabhat".
_GERMAN_SH = re.compile(r"(?<![A-Za-z])(?:Sch|Dsch)[a-z]")
# Both open with "\b" or a look-behind, which makes ``re`` try them in full at every position of a whole text: a
# look-ahead for their first characters makes a failed position one character test (the same matches; see
# proscribe.news.first_chars).
_ANY_GLOSSARY_WORD = first_char_gate(_ANY_GLOSSARY_WORD)
_GERMAN_SH = first_char_gate(_GERMAN_SH)


def text_kinds(text: str, folded: str) -> tuple[bool, bool, bool]:
    """Whether ``text`` (and its folded form) may hold translated names, names in another spelling, and German
    spellings of Arabic names: three cheap checks that let English texts skip the per-word lookups."""
    translatable = any(english_word(m.group(0)) for m in _ANY_GLOSSARY_WORD.finditer(folded))
    return translatable, _NON_ENGLISH_LETTER.search(text) is not None, _GERMAN_SH.search(text) is not None


# A translated name that goes on into a longer one: "État islamique au Mozambique", "État islamique – province du
# Khorassan", "Estado Islámico del Gran Sahara" are other groups.
_LONGER_FOREIGN = re.compile(r"\s*[-–]\s*\w|[\s»“”\"]+(?:au|aux|du|de\s+la|del|de|en|des)\s+[A-ZÀ-ÞÉ]")
MIN_SPELLING_LETTERS = 6
MIN_SPELLING_KEY = 4


# Any glossary word as a whole (one test for the many words that are none).
_GLOSSARY_WORD = re.compile("|".join(f"(?:{p.pattern})" for p, _ in _GLOSSARY))


@functools.lru_cache(maxsize=65536)
def english_word(folded: str) -> str | None:
    """The English word for a foreign word of a group name, folded ("islamischen" -> "islamic"), or None."""
    if _GLOSSARY_WORD.fullmatch(folded) is None:
        return None  # no glossary pattern matches the whole word
    for pattern, english in _GLOSSARY:
        if pattern.fullmatch(folded):
            return None if folded == english else english
    return None


def goes_on(text: str, end: int) -> bool:
    """Whether a translated name ending at ``end`` continues into another group's name."""
    return _LONGER_FOREIGN.match(text, end) is not None


def german_spelling(folded: str) -> str:
    """A folded word spelt as English spells Arabic names, from German "dsch" and "sch" ("al-scharaa" -> "al-sharaa",
    "dschabhat" -> "jabhat")."""
    return folded.replace("dsch", "j").replace("sch", "sh")


@functools.lru_cache(maxsize=65536)
def spelling_key(folded: str) -> str:
    """ "hezbola", "hezbollah" and "hizballah" (folded) -> "hzbl": doubled letters once, a final "h" and the vowels
    after the first letter dropped."""
    folded = re.sub(r"(.)\1+", r"\1", folded).removesuffix("h")
    return folded[:1] + re.sub(r"[aeiouy]", "", folded[1:])


def translated(name: str, fold_word: Callable[[str], str]) -> bool:
    """Whether a name has a foreign word of the glossary ("Islamischen Staates"), its words folded by ``fold_word``."""
    return any(english_word(fold_word(word)) for word in re.findall(r"[^\W\d_]+", name))


def base_forms(names: Sequence[str], fold_word: Callable[[str], str]) -> dict[str, str]:
    """For each translated name among ``names`` (one entity's mentions in an article), the translated form the article
    uses most ("Islamischer Staat" for "Islamischen Staates" and "Islamischen Staat"): its base form, as a headline
    and appositions give it; ties go to the first written."""
    foreign = [name for name in names if translated(name, fold_word)]
    if not foreign:
        return {}
    counts = Counter(foreign)
    base = max(counts, key=lambda name: (counts[name], -foreign.index(name)))
    return {name: base for name in counts}
