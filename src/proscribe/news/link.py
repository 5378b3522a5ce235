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


def fold(word: str) -> str:
    folded = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", word).casefold())
    # The combining marks dropped in one translate over the distinct characters (C), not one test per
    # character: a whole text is folded at once, too.
    marks = {ord(ch): None for ch in set(folded) if unicodedata.combining(ch)}
    return _APOSTROPHES.sub("", folded.translate(marks) if marks else folded)


@functools.lru_cache(maxsize=65536)
def _folded(word: str) -> str:
    return fold(word)


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude, symmetric stem: inflection endings off, so name and text forms meet."""
    value = fold(word)
    if any("\u0400" <= ch <= "\u04ff" for ch in value):
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
        stems = list(map(stem, parts[1::2]))
        ends = list(itertools.accumulate(map(len, parts)))
        sizes_of = self._sizes.get
        translatable, respelt, german = foreign_names.text_kinds(text, fold(text))
        foreign_possible = translatable or respelt or german
        # The words as Word tuples, only for the foreign-name readers (the same words, starts and ends).
        tokens = (
            [Word(ends[2 * k], ends[2 * k + 1], s) for k, s in enumerate(stems)] if foreign_possible else []
        )
        found: list[EntityMention] = []
        index = 0
        while index < len(stems):
            sizes = sizes_of(stems[index])
            if sizes is None:  # most words start no name: one probe, nothing else
                # A capitalised one may start a name in translation or another spelling ("Estado Islámico", "Hezbolá").
                foreign = (
                    self._foreign_at(text, tokens, index, (translatable, respelt, german))
                    if foreign_possible and text[tokens[index].start].isupper()
                    else None
                )
                if foreign is not None:
                    found.append(foreign[0])
                index += foreign[1] if foreign is not None else 1
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
                    index += size
                    break
            else:
                foreign = (
                    self._foreign_at(text, tokens, index, (translatable, respelt, german))
                    if foreign_possible
                    else None
                )
                if foreign is not None:
                    found.append(foreign[0])
                    index += foreign[1]
                else:
                    index += 1
        return found

    def _foreign_at(
        self, text: str, tokens: list[Word], index: int, kinds: tuple[bool, bool, bool]
    ) -> tuple[EntityMention, int] | None:
        """A registry name written in translation ("Islamischen Staates", "Estado Islámico") or in another spelling
        ("Hezbolá") at token ``index``, and how many tokens it takes (see :mod:`proscribe.news.foreign_names`)."""
        # The translated words of the next three tokens, each looked up once (cached): most capitalised words are none.
        translatable, respelt, german = kinds
        ahead = tokens[index : index + 3]
        english = (
            [foreign_names.english_word(_folded(text[t.start : t.end])) for t in ahead]
            if translatable
            else []
        )
        if any(english):
            for size in (3, 2):
                run = ahead[:size]
                if len(run) < size or not any(english[:size]):
                    continue
                if any(text[a.end : b.start].strip(" \t\"'«»„“”‘’") for a, b in itertools.pairwise(run)):
                    continue
                translated = [
                    stem(word) if word else t.stem for word, t in zip(english[:size], run, strict=True)
                ]
                entity_id = self._names.get(tuple(translated)) or self._names.get(tuple(reversed(translated)))
                if entity_id is not None and not foreign_names.goes_on(text, run[-1].end):
                    start, end = run[0].start, run[-1].end
                    return EntityMention(start, end, text[start:end], entity_id), size
        # German spells Arabic names with "sch" and "dsch" ("Ahmed al-Scharaa", "Dschabhat"): English "sh" and "j".
        if german:
            first = stem(
                foreign_names.german_spelling(_folded(text[tokens[index].start : tokens[index].end]))
            )
            for size in self._sizes.get(first, ()):
                run = tokens[index : index + size]
                if len(run) < size or not any("sch" in t.stem for t in run):
                    continue
                spelt = tuple(
                    stem(foreign_names.german_spelling(_folded(text[t.start : t.end]))) for t in run
                )
                entity_id = self._names.get(spelt)
                if entity_id is not None:
                    start, end = run[0].start, run[-1].end
                    return EntityMention(start, end, text[start:end], entity_id), size
        if not respelt:
            return None
        word = tokens[index]
        written = text[word.start : word.end]
        if (
            len(written) < foreign_names.MIN_SPELLING_LETTERS
            or not written[:1].isupper()
            or not written.isalpha()
        ):
            return None
        # Only a name on its own: "Hizbul" in "Hizbul Mujahideen" is part of another group's name.
        neighbours = tokens[max(0, index - 1) : index] + tokens[index + 1 : index + 2]
        if any(text[n.start : n.start + 1].isupper() and _adjacent(text, n, word) for n in neighbours):
            return None
        folded = _folded(written)
        entity_id = self._spellings.get(foreign_names.spelling_key(folded)) if folded.isascii() else None
        if entity_id is None:
            return None
        return EntityMention(word.start, word.end, written, entity_id), 1


def _adjacent(text: str, one: Word, other: Word) -> bool:
    first, second = sorted((one, other), key=lambda w: w.start)
    return not text[first.end : second.start].strip(" \t")
