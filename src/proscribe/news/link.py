# ruff: noqa: RUF001, RUF003  -- Cyrillic letters and typographic quotes are the point of these patterns.
"""Linking organisation mentions to registry entities by their names in any script.

Exact names, folded the way :func:`proscribe.names.name_key` folds them, plus light inflection
handling so that Russian "Талибана"/"«Движения Талибан»" and German genitives still match:
both the stored names and the article's words are reduced to stems before comparison. This is
not fuzzy matching (that is screening's job): every word of a name must be present, in order.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from proscribe.model import Entity, EntityKind, NameType
from proscribe.news import foreign_names

_WORD = re.compile(r"[^\W_]+(?:['\u2019\u02bc\u02bb`][^\W_]+)*")
# The same words as a capturing group: ``split`` returns them between the gaps.
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")
_APOSTROPHES = re.compile(r"['\u2019\u02bc\u02bb`]")
# Russian case endings, longest first; stems keep at least three letters.
_RU_ENDINGS = (
    "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ом", "ем", "ам", "ям", "ах", "ях",
    "ов", "ев", "ую", "юю", "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий",
    # Folding takes the breve off "й": "антивоенный" is "антивоенныи" by then.
    "ыи", "ии", "ои", "еи",
    "а", "я", "у", "ю", "ы", "и", "е", "о",
)  # fmt: skip
MAX_NAME_WORDS = 8
_FEW_MARKS = 8


def fold(word: str) -> str:
    if word.isascii():
        # ASCII is its own NFKC and NFD form, has no combining marks, and case-folds as lower() does.
        return word.lower().replace("'", "").replace("`", "")
    folded = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", word).casefold())
    # The combining marks found among the distinct characters (C), not one test per character: a whole text
    # is folded at once, too. A few marks are dropped by one ``replace`` each (C, a fast scan), many by one
    # ``translate`` (which costs a dictionary look-up per character of the text).
    marks = [ch for ch in set(folded) if unicodedata.combining(ch)]
    if len(marks) <= _FEW_MARKS:
        for mark in marks:
            folded = folded.replace(mark, "")
    else:
        folded = folded.translate(dict.fromkeys(map(ord, marks)))
    return _APOSTROPHES.sub("", folded)


@functools.lru_cache(maxsize=65536)
def _folded(word: str) -> str:
    return fold(word)


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude, symmetric stem: inflection endings off, so name and text forms meet."""
    value = _folded(word)
    if not value.isascii() and any("\u0400" <= ch <= "\u04ff" for ch in value):
        for ending in _RU_ENDINGS:
            if value.endswith(ending) and len(value) - len(ending) >= 3:
                return value[: -len(ending)]
        return value
    if len(value) > 4 and value.endswith("s") and not value.endswith("ss"):
        return value[:-1]
    return value


class Word(NamedTuple):
    """A word of a text: where it is and its stem. (A named tuple: a long text has hundreds of thousands
    of words, and a frozen dataclass costs several times as much to build.)"""

    start: int
    end: int
    stem: str


def words(text: str) -> list[Word]:
    return [Word(m.start(), m.end(), stem(m.group(0))) for m in _WORD.finditer(text)]


@dataclass(frozen=True)
class EntityMention:
    start: int
    end: int
    text: str
    entity_id: str


class NameIndex:
    """Stemmed word sequences of every entity name, for longest-match lookup in sentences."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._names: dict[tuple[str, ...], str] = {}
        # First stem of a name -> the word counts of names starting with it, longest first: most words
        # start no name, so the lookup stays one dict probe per word.
        self._sizes: dict[str, list[int]] = {}
        self.captions: dict[str, str] = {}
        # Every (name, entity id) as written: other matchers (transliteration keys) start from them.
        self.entries: list[tuple[str, str]] = []
        entities_list = list(entities)
        for entity in entities_list:
            self.captions[entity.id] = entity.caption
            for name in entity.names:
                if name.type is NameType.WEAK:
                    continue
                self.entries.append((name.value, entity.id))
                key = tuple(w.stem for w in words(name.value))
                if key and len(key) <= MAX_NAME_WORDS:
                    # The first entity to claim a name keeps it; shared names stay with their first owner.
                    self._names.setdefault(key, entity.id)
        # A person is named by given name and surname without the middle name ("Anas Khattab" for Anas Hasan
        # Khattab) when no other name or person has that pair.
        short: dict[tuple[str, str], set[str]] = {}
        for entity in entities_list:
            if entity.kind is not EntityKind.PERSON:
                continue
            for name in entity.names:
                parts = name.value.split()
                if name.type is not NameType.WEAK and len(parts) == 3 and all(p[:1].isupper() for p in parts):
                    short.setdefault((stem(parts[0]), stem(parts[2])), set()).add(entity.id)
        for pair, ids in short.items():
            if len(ids) == 1 and pair not in self._names:
                self._names[pair] = next(iter(ids))
        for key in self._names:
            sizes = self._sizes.setdefault(key[0], [])
            if len(key) not in sizes:
                sizes.append(len(key))
        for sizes in self._sizes.values():
            sizes.sort(reverse=True)
        # One-word names by their spelling key ("hzbl"), for names spelt another way in another language.
        spellings: dict[str, set[str]] = {}
        for key, entity_id in self._names.items():
            folded = key[0]
            if (
                len(key) == 1
                and len(folded) >= foreign_names.MIN_SPELLING_LETTERS
                and folded.isascii()
                and folded.isalpha()
            ):
                spellings.setdefault(foreign_names.spelling_key(folded), set()).add(entity_id)
        self._spellings = {
            key: next(iter(ids))
            for key, ids in spellings.items()
            if len(ids) == 1 and len(key) >= foreign_names.MIN_SPELLING_KEY
        }

    def find(self, text: str) -> list[EntityMention]:
        """Entity names in ``text``, longest first at each position, without overlaps."""
        # One split of the text into gaps and words (C, no match object per word): parts[2k + 1] is word k,
        # and the running sums of the part lengths give its start (ends[2k]) and end (ends[2k + 1]).
        parts = _WORD_SPLIT.split(text)
        written = parts[1::2]
        stems = list(map(stem, written))
        ends = list(itertools.accumulate(map(len, parts)))
        sizes_of = self._sizes.get
        translatable, respelt, german = foreign_names.text_kinds(text, fold(text))
        foreign_possible = translatable or respelt or german
        # The foreign-name readers look at the words through arrays (no tuple per word); the English words of
        # the glossary's words are looked up once per distinct word.
        tokens = (
            _Tokens(parts, written, stems, ends, _english_words(written) if translatable else {})
            if foreign_possible
            else None
        )
        kinds = (translatable, respelt, german)
        # Where the foreign-name readers can find anything at all, worked out once per text: within two words
        # before a glossary word (a translated run), or at a word that may start a German or respelt name (once per
        # distinct word). Elsewhere they find nothing, so they are not asked.
        near_glossary: set[int] = set()
        foreign_starts: frozenset[str] = frozenset()
        if tokens is not None:
            if tokens.english:
                glossary_at = [i for i, word in enumerate(written) if word in tokens.english]
                near_glossary = {i - back for i in glossary_at for back in (0, 1, 2)}
            foreign_starts = self._foreign_starts(set(written), respelt, german)
        # Only the words that can start something are visited: a registry name's first stem (one probe per distinct
        # stem) or a foreign-name start; the words of a name found are no start of another.
        name_starts = {word_stem for word_stem in set(stems) if word_stem in self._sizes}
        candidates = [i for i, word_stem in enumerate(stems) if word_stem in name_starts]
        if near_glossary or foreign_starts:
            candidates = sorted(
                {*candidates, *(i for i in near_glossary if i >= 0)}.union(
                    i for i, word in enumerate(written) if word in foreign_starts
                )
            )
        found: list[EntityMention] = []
        next_free = 0
        for index in candidates:
            if index < next_free:
                continue
            sizes = sizes_of(stems[index])
            if sizes is None:
                # A capitalised word may start a name in translation or another spelling ("Estado Islámico", "Hezbolá").
                foreign = (
                    self._foreign_at(text, tokens, index, kinds)
                    if tokens is not None and written[index][0].isupper()
                    else None
                )
                if foreign is not None:
                    found.append(foreign[0])
                    next_free = index + foreign[1]
                continue
            for size in sizes:
                if index + size > len(stems):
                    continue
                key = tuple(stems[index : index + size])
                entity_id = self._names.get(key)
                if entity_id is not None:
                    start, end = ends[2 * index], ends[2 * (index + size) - 1]
                    # "Taliban’s status": the possessive is not part of the name.
                    if text[end - 2 : end] in ("’s", "'s"):
                        end -= 2
                    found.append(EntityMention(start, end, text[start:end], entity_id))
                    next_free = index + size
                    break
            else:
                foreign = (
                    self._foreign_at(text, tokens, index, kinds)
                    if tokens is not None and (index in near_glossary or written[index] in foreign_starts)
                    else None
                )
                if foreign is not None:
                    found.append(foreign[0])
                    next_free = index + foreign[1]
        return found

    def _foreign_starts(self, distinct: set[str], respelt: bool, german: bool) -> frozenset[str]:
        """The words among ``distinct`` at which :meth:`_foreign_at` may find a German-spelt name (its first word
        respelt starts a registry name) or a respelt one-word name (its spelling key is a registry name's)."""
        starts: set[str] = set()
        for word in distinct:
            german_start = german and stem(foreign_names.german_spelling(_folded(word))) in self._sizes
            respelt_start = (
                respelt
                and len(word) >= foreign_names.MIN_SPELLING_LETTERS
                and word[:1].isupper()
                and word.isalpha()
                and _folded(word).isascii()
                and foreign_names.spelling_key(_folded(word)) in self._spellings
            )
            if german_start or respelt_start:
                starts.add(word)
        return frozenset(starts)

    def _foreign_at(
        self, text: str, tokens: _Tokens, index: int, kinds: tuple[bool, bool, bool]
    ) -> tuple[EntityMention, int] | None:
        """A registry name written in translation ("Islamischen Staates", "Estado Islámico") or in another spelling
        ("Hezbolá") at token ``index``, and how many tokens it takes (see :mod:`proscribe.news.foreign_names`)."""
        # The translated words of the next three tokens (looked up once per distinct word): most capitalised words
        # are none.
        translatable, respelt, german = kinds
        written, stems, ends = tokens.written, tokens.stems, tokens.ends
        count = len(written)
        if translatable:
            english_of = tokens.english.get
            english = [english_of(word) for word in written[index : index + 3]]
            if any(english):
                for size in (3, 2):
                    if index + size > count or not any(english[:size]):
                        continue
                    # The gaps between the run's words: parts[2k] lies before word k.
                    gaps = tokens.parts[2 * index + 2 : 2 * (index + size) : 2]
                    if any(gap.strip(" \t\"'«»„“”‘’") for gap in gaps):
                        continue
                    translated = [
                        stem(word) if word else stems[index + k] for k, word in enumerate(english[:size])
                    ]
                    entity_id = self._names.get(tuple(translated)) or self._names.get(
                        tuple(reversed(translated))
                    )
                    end = ends[2 * (index + size) - 1]
                    if entity_id is not None and not foreign_names.goes_on(text, end):
                        start = ends[2 * index]
                        return EntityMention(start, end, text[start:end], entity_id), size
        # German spells Arabic names with "sch" and "dsch" ("Ahmed al-Scharaa", "Dschabhat"): English "sh" and "j".
        if german:
            first = stem(foreign_names.german_spelling(_folded(written[index])))
            for size in self._sizes.get(first, ()):
                if index + size > count or not any("sch" in s for s in stems[index : index + size]):
                    continue
                spelt = tuple(
                    stem(foreign_names.german_spelling(_folded(word)))
                    for word in written[index : index + size]
                )
                entity_id = self._names.get(spelt)
                if entity_id is not None:
                    start, end = ends[2 * index], ends[2 * (index + size) - 1]
                    return EntityMention(start, end, text[start:end], entity_id), size
        if not respelt:
            return None
        word = written[index]
        if len(word) < foreign_names.MIN_SPELLING_LETTERS or not word[:1].isupper() or not word.isalpha():
            return None
        # Only a name on its own: "Hizbul" in "Hizbul Mujahideen" is part of another group's name (a capitalised
        # neighbour with nothing but spaces and tabs between).
        if index > 0 and written[index - 1][:1].isupper() and not tokens.parts[2 * index].strip(" \t"):
            return None
        if (
            index + 1 < count
            and written[index + 1][:1].isupper()
            and not tokens.parts[2 * index + 2].strip(" \t")
        ):
            return None
        folded = _folded(word)
        entity_id = self._spellings.get(foreign_names.spelling_key(folded)) if folded.isascii() else None
        if entity_id is None:
            return None
        return EntityMention(ends[2 * index], ends[2 * index + 1], word, entity_id), 1


class _Tokens(NamedTuple):
    """The words of a text for :meth:`NameIndex._foreign_at`: ``parts`` as ``_WORD_SPLIT`` splits the text (gap,
    word, gap, ...), the words as written and their stems, the running ends of the parts (word k spans
    ``ends[2k]:ends[2k + 1]``), and the English word of each written word that has one in the glossary."""

    parts: list[str]
    written: list[str]
    stems: list[str]
    ends: list[int]
    english: dict[str, str]


def _english_words(written: list[str]) -> dict[str, str]:
    """The English word of each distinct written word that is a foreign word of the glossary."""
    english: dict[str, str] = {}
    for word in set(written):
        translation = foreign_names.english_word(_folded(word))
        if translation is not None:
            english[word] = translation
    return english
