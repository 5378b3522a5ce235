# ruff: noqa: RUF001  -- Cyrillic letters are the point of these patterns.
"""Which date of a sentence is the day a listing step took effect, and which the day it was told.

Small tests the extractor's date choice (``extract._split_dates``, ``extract._in_force_date``) asks on top of
the speech-verb and entry-into-force words of :mod:`proscribe.news.lexicon`; see docs/news.md, "Effective or
announced: the conventions".
"""

from __future__ import annotations

import re

from proscribe.news import lexicon

_I = re.IGNORECASE

# "declared" is the act, not a statement about it, when it is passive or has a status for its object
# ("the party was declared banned back in 2015", "declared the group a terrorist organisation"): then
# the date beside it dates the step.
_DECLARED_ACT = re.compile(
    r"\b(?:was|were|been|be|being)\s+declared\b"
    r"|\bdeclared\s+(?:[\w\"“”'’-]+\s+){0,6}?(?:banned|unlawful|illegal|outlawed|proscribed|terrorists?|extremists?|as)\b",
    _I,
)


def speech_before(before: str) -> bool:
    """Whether ``before`` (the text just before a date) ends in a speech verb that the date belongs to
    ("said on", "announced", "a rapporté"), rather than in the act itself ("was declared banned back in")."""
    for match in lexicon.SPEECH.finditer(before):
        if match.group(0).lower() == "declared" and _DECLARED_ACT.search(before, max(0, match.start() - 12)):
            continue
        return True
    return False


# "Issue No. 4848 of Iraq's official gazette, Al-Waqa'i al-Iraqiya, published on November 17, 2025, included both
# groups on the country's national terrorism list": the day the instrument itself was published is the step's day
# (docs/news.md, "The instrument's day"), not the day of a statement.
_INSTRUMENT_PUBLISHED = re.compile(
    r"\b(?:gazette|Official\s+Journal|Amtsblatt|Bundesanzeiger|Journal\s+officiel|Bolet[íi]n\s+Oficial|Diario\s+Oficial"
    r"|Gaceta\s+Oficial)\b[^.;]{0,60}\b(?:published|publié\w*|publicad\w*|veröffentlicht)[ \t]+(?:on[ \t]+|le[ \t]+|el[ \t]+|am[ \t]+)?$",
    _I,
)


def instrument_published(sentence: str, at: int) -> bool:
    """Whether the date at ``at`` is the day a gazette or official journal named just before was published."""
    return _INSTRUMENT_PUBLISHED.search(sentence, max(0, at - 120), at) is not None
