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

# French reported speech after the report, subject inverted: "..., a déclaré un responsable dimanche", ", a rapporté
# samedi le site": the date belongs to the statement.
_INVERTED_SPEECH = re.compile(
    r",\s+(?:a|ont|avait|avaient)\s+(?:déclaré|indiqué|annoncé|affirmé|précisé|rapporté|expliqué|souligné)\b[^,.;]{0,40}$",
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


def inverted_speech(before: str) -> bool:
    """Whether ``before`` ends in a French inverted speech clause (", a déclaré un responsable ") the date after it
    belongs to."""
    return _INVERTED_SPEECH.search(before) is not None


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


# Entry into force in Spanish and French ("La medida entró en vigor el 5 de septiembre", "entre en vigueur le",
# "prend effet"), for the words of the shared list (``lexicon.IN_FORCE`` / ``IN_FORCE_SUBJECT``) in English,
# German and Russian.
_IN_FORCE_ROMANCE = re.compile(
    r"\bentr(?:ó|a|ará|aron|an|arán)\s+en\s+vigor\b|\bentr(?:e|era|ent|eront|ée?s?)\s+en\s+vigueur\b"
    r"|\bprend(?:ra|ront|nent)?\s+effet\b|\bsurt(?:ira)?\s+effet\b|\bsurtir[áa]?\s+efecto\b",
    _I,
)
_IN_FORCE_ROMANCE_SUBJECT = re.compile(
    r"\b(?:medida|designaci[óo]n|decisi[óo]n|resoluci[óo]n|decreto|inclusi[óo]n|mesure|désignation|décision"
    r"|inscription|arrêté|décret)s?\b",
    _I,
)


def romance_in_force(sentence: str) -> bool:
    """Whether a Spanish or French sentence says a designation or decision comes into force."""
    lowered = sentence.lower()
    if (
        "vigor" not in lowered
        and "vigueur" not in lowered
        and "effet" not in lowered
        and "efecto" not in lowered
    ):
        return False  # most sentences: no search at all
    return bool(_IN_FORCE_ROMANCE.search(sentence) and _IN_FORCE_ROMANCE_SUBJECT.search(sentence))


# "A day later, it announced that the Muslim Conference ... were also declared as banned groups": a date that opens
# the clause of a speech verb whose object clause ("that ...") reports the act dates the statement (the shared test
# in extract.py asks for a pronoun after the verb: "said it removed").
_REPORTING_THAT = re.compile(
    r"\b(?:said|says|announced|announces|stated|confirmed|reported)\s+that\b"
    r"|\b(?:erklärte|teilte\s+mit|gab\s+bekannt),?\s+dass\b|\b(?:anunció|informó|afirmó|dijo)\s+que\b"
    r"|\b(?:a|ont)\s+(?:annoncé|indiqué|déclaré|affirmé)\s+que\b|\b(?:заявил\w*|сообщил\w*|объявил\w*),?\s+что\b",
    _I,
)


def reported_that(sentence: str, start: int, end: int) -> bool:
    """Whether a speech verb with a "that" clause stands between ``start`` (a date's end) and ``end`` (the act)."""
    return _REPORTING_THAT.search(sentence, start, end) is not None


# "But last year the Proud Boys group was given the designation in Canada, while The Base was previously declared a
# terrorist group in the United Kingdom, Canada, and Australia": a date in one of two contrasted clauses does not
# date the act of the other.
_CONTRAST = re.compile(
    r",\s+(?:while|whereas|although|während|wohingegen|mientras\s+que|mientras|tandis\s+que|alors\s+que"
    r"|в\s+то\s+время\s+как|тогда\s+как)\b|;\s",
    _I,
)


def other_clause(sentence: str, date_start: int, date_end: int, at: int) -> bool:
    """Whether a contrastive clause boundary (", while", ", whereas", "; ") stands between a date and the act at
    ``at``."""
    low, high = (date_end, at) if date_end <= at else (at, date_start)
    return _CONTRAST.search(sentence, low, high) is not None


# "указав, что документ был принят в конце апреля", "the decision was taken in March": the decision reported just
# before was made then. The passive verb stands right before the date, so the date is the decision's own (also when
# only its month is told).
_DECISION_MADE = re.compile(
    r"\b(?:документ|решение|постановление|приговор)\w*\s+(?:был[аио]?\s+)?(?:принят|вынесен|подписан)\w*\s+$"
    r"|\b(?:document|decision|ruling|order|decree)\s+(?:was|had\s+been)\s+(?:adopted|taken|made|issued|signed)\s+(?:on\s+|in\s+)?$",
    _I,
)


def decision_made_before(sentence: str, date_start: int) -> bool:
    """Whether the date at ``date_start`` follows "the decision was taken" / "документ был принят" directly."""
    return _DECISION_MADE.search(sentence, max(0, date_start - 60), date_start) is not None


def older_step(
    event_date: str | None, event_primary: bool, kept_date: str | None, kept_primary: bool
) -> bool:
    """Whether an event told as background (not primary), dated ``event_date`` to the month or day, beside the news
    dated ``kept_date`` (same group, state and action) is a step of its own: it lies before the news and in no period
    that holds the news' date ("initially banned in July 2019" beside "declaring it an unlawful association from July
    10, 2024"; "hatte die Vereinigung im Dezember 2001 verboten" beside the 2002 ruling). A year alone is often a law's
    ("Anti-Terrorism Act- 2009") and does not part the two.
    """
    if event_primary or not kept_primary or not event_date or not kept_date or len(event_date) < 7:
        return False
    return event_date < kept_date and not kept_date.startswith(event_date)
