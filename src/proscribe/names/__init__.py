"""Exact-name keys: how a typed name is compared with stored names and aliases.

Lookup by name is case- and script-insensitive on *exact* names: "taliban",
"TALIBAN" and "Taliban" find the same entity, "Хайят Тахрир аш-Шам" finds
HTS by its Russian name, and "Hay'at Tahrir al-Sham" equals "Hayat Tahrir
al-Sham" (apostrophes and hyphens are spelling, not meaning). Fuzzy matching
is screening's job, not this module's.
"""

from __future__ import annotations

import re
import unicodedata

# Apostrophes, ayn/hamza marks and quotes that transliterations use interchangeably.
_MARKS = re.compile(r"[\u0027\u2018\u2019\u02bc\u02bb\u02be\u02bf\u0060\u00b4\u201c\u201d\"]")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_.,;:/()\[\]]+")


def name_key(text: str) -> str:
    """Fold a name to the key used for exact lookup.

    >>> name_key("Hay'at Tahrir al-Sham") == name_key("HAYAT TAHRIR AL SHAM")
    True
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    decomposed = unicodedata.normalize("NFD", folded)
    # Drop combining marks (diacritics, Arabic short vowels) but keep base letters of every script.
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = _MARKS.sub("", stripped)
    return _SEPARATORS.sub(" ", stripped).strip()
