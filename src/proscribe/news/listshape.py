# ruff: noqa: RUF001  -- typographic quotes are real article text.
"""Lists told by their shape alone, next to the sentence that reports the listing step.

A report often names the step in one sentence and the groups in the next, with no cue a reader of
:mod:`proscribe.news.enumerations` keys on: "En la lista están Águilas, ÁguilasKiller, AK47, Caballeros
Oscuros ...", "Les groupes sont A, B, C et D", "They are: A; B; C; D". What marks such a sentence is its
body: three or more name-like items (capitalised or quoted phrases, perhaps with a bracketed acronym)
joined by commas, semicolons or the word "and" of the article's language. :func:`list_items` reads
that shape; the extractor gives each item the neighbouring sentence's step.
"""

from __future__ import annotations

import re

from proscribe.news import jurisdictions

# Fewer items than this are a sentence that happens to name two things, not a list.
MIN_ITEMS = 3
# A list longer than this is a table or an index, not one decision's groups.
MAX_ITEMS = 40
# A lead-in longer than this ("Die Polizei beschlagnahmte bei den Razzien unter anderem Computer, ...") tells a
# clause of its own; a list's lead-in is short ("En la lista están", "They are:", "Les groupes sont").
MAX_LEAD_WORDS = 6
# An item longer than this (in words, brackets left out) is a clause, not a name.
MAX_ITEM_WORDS = 9

# Separators of items: commas, semicolons, line breaks and the conjunctions of the languages read.
_SEPARATOR = re.compile(r"\s*(?:[,;\n•]|\s(?:and|y|e|et|und|и|ou|or|o)\s)\s*", re.IGNORECASE)
_BRACKETS = re.compile(r"\s*[(\[][^()\[\]]{0,80}[)\]]")
# Small words a name may hold ("Frente de Liberación", "Army of the Righteous", "Brigades al-Quds").
_CONNECTORS = frozenset(
    [
        "of",
        "the",
        "for",
        "de",
        "del",
        "la",
        "las",
        "los",
        "el",
        "al",
        "y",
        "da",
        "do",
        "dos",
        "das",
        "du",
        "des",
        "le",
        "les",
        "et",
        "und",
        "der",
        "die",
        "das",
        "von",
        "van",
        "of-the",
        "in",
        "en",
        "al-",
        "ul",
        "bin",
        "ibn",
        "и",
    ]
)
_QUOTED = re.compile(r"^[\"“«„'‘][^\"”»“'’]{1,80}[\"”»“'’]$")
_LEAD_QUOTES = "\"“«„'‘"
_TRAIL = " .:!?\"”»’'"
# A number standing alone makes an item a date or a count ("April 30", "2025"), not a name ("AK47", "Mafia 18"
# are glued or follow a name: only a number that starts the item is refused).
_NUMBER = re.compile(
    r"^\W*\d|\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre"
    r"|diciembre|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre"
    r"|décembre)\b",
    re.IGNORECASE,
)


def _name_like(item: str) -> bool:
    """Whether ``item`` reads as one name: a quoted phrase, or capitalised words and small connectors."""
    item = item.strip(" .:")
    if not item:
        return False
    if _QUOTED.match(item):
        return True
    words = _BRACKETS.sub("", item).split()
    if not words or len(words) > MAX_ITEM_WORDS:
        return False
    first = words[0].lstrip(_LEAD_QUOTES)
    if not first or not (first[0].isupper() or first[0].isdigit()):
        return False
    return all(
        w.lstrip(_LEAD_QUOTES)[:1].isupper() or any(c.isdigit() for c in w) or w.lower() in _CONNECTORS
        for w in words
        if w.lstrip(_LEAD_QUOTES)
    )


def _first_item(chunk: str) -> str:
    """The name that ends the list's first chunk, its lead-in dropped ("They are: A" -> "A", "En la lista
    están Águilas" -> "Águilas")."""
    if ":" in chunk:
        return chunk.rsplit(":", 1)[1].strip()
    words = chunk.split()
    start = len(words)
    while start > 0:
        word = words[start - 1].lstrip(_LEAD_QUOTES)
        if (
            word[:1].isupper()
            or any(c.isdigit() for c in word)
            or (word.lower() in _CONNECTORS and start < len(words))
        ):
            start -= 1
        else:
            break
    # A name does not begin with a connector ("de Caballeros" -> "Caballeros").
    while start < len(words) and words[start].lower() in _CONNECTORS:
        start += 1
    return " ".join(words[start:])


def _is_place(item: str) -> bool:
    """Whether ``item`` is, whole, a state or place the jurisdiction table knows ("Colombia", "Mali")."""
    bare = _BRACKETS.sub("", item).strip(_TRAIL)
    return any(m.start == 0 and m.end >= len(bare) - 1 for m in jurisdictions.find_mentions(bare))


def list_items(sentence: str) -> list[str]:
    """The items of ``sentence`` when its body is a list of names, else an empty list.

    The first chunk may carry a short lead-in ("Les groupes sont", "They are:"); every other chunk must be a
    name, whole. Lists whose items are mostly states or places are no lists of groups.
    """
    body = sentence.strip().rstrip(_TRAIL)
    if "\n" not in body and body.count(",") + body.count(";") < MIN_ITEMS - 2:
        return []
    chunks = [c.strip() for c in _SEPARATOR.split(body) if c and c.strip(" .")]
    if not MIN_ITEMS <= len(chunks) <= MAX_ITEMS:
        return []
    first = _first_item(chunks[0])
    if len(chunks[0].split()) - len(first.split()) > MAX_LEAD_WORDS:
        return []
    items = [first, *chunks[1:]]
    # The last chunk may end the sentence with a short tail ("... y Los Pachenca, entre otros"): not a name.
    if not all(_name_like(item) and not _NUMBER.search(_BRACKETS.sub("", item)) for item in items):
        return []
    cleaned = [item.strip(_TRAIL).strip() for item in items]
    places = sum(1 for item in cleaned if _is_place(item))
    if places * 2 >= len(cleaned):
        return []
    kept = [item for item in cleaned if not _is_place(item)]
    return kept if len(kept) >= MIN_ITEMS else []
