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

from proscribe.model import Entity, NameType

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
        for entity in entities:
            self.captions[entity.id] = entity.caption
            for name in entity.names:
                if name.type is NameType.WEAK:
                    continue
                self.entries.append((name.value, entity.id))
                key = tuple(w.stem for w in words(name.value))
                if key and len(key) <= MAX_NAME_WORDS:
                    # The first entity to claim a name keeps it; shared names stay with their first owner.
                    self._names.setdefault(key, entity.id)
        for key in self._names:
            sizes = self._sizes.setdefault(key[0], [])
            if len(key) not in sizes:
                sizes.append(len(key))
        for sizes in self._sizes.values():
            sizes.sort(reverse=True)

    def find(self, text: str) -> list[EntityMention]:
        """Entity names in ``text``, longest first at each position, without overlaps."""
        # One split of the text into gaps and words (C, no match object per word): parts[2k + 1] is word k,
        # and the running sums of the part lengths give its start (ends[2k]) and end (ends[2k + 1]).
        parts = _WORD_SPLIT.split(text)
        stems = list(map(stem, parts[1::2]))
        ends = list(itertools.accumulate(map(len, parts)))
        sizes_of = self._sizes.get
        found: list[EntityMention] = []
        index = 0
        while index < len(stems):
            sizes = sizes_of(stems[index])
            if sizes is None:  # most words start no name: one probe, nothing else
                index += 1
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
                index += 1
        return found
