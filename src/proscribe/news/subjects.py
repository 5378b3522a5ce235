# ruff: noqa: RUF001  -- typographic apostrophes are the point of these patterns.
"""The group an English sentence opens with, when the listing verb is a passive of its main clause.

"New Delhi: The Muslim League Jammu Kashmir (Masarat Alam faction) (MLJK-MA), which the Home Ministry alleged
..., was on Wednesday declared a banned organisation" -> "Muslim League Jammu Kashmir (Masarat Alam faction)";
"Japan's Aum Shinrikyo cult, which launched ..., and Gamaa Islamiya, ..., were also dropped from the department's
official list" -> "Aum Shinrikyo". Read only when no name was found near the verb: the subject and its verb may be
separated by a long relative clause, which the readers around the verb (lexicon.EN_SUBJECT) do not cross.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# An optional dateline ("New Delhi:"), an article or a country's possessive, then a capitalised name with the small
# words names carry and one parenthesised qualifier ("(Masarat Alam faction)"); then an aside or the auxiliary.
_LEAD_SUBJECT = re.compile(
    r"(?:[A-Z][\w .'-]{1,30}:\s+)?(?:The\s+|the\s+)?(?:[A-Z][\w-]*['’]s\s+)?"
    r"(?P<name>[A-Z][\w'’-]*(?:\s+(?:[A-Z0-9][\w'’-]*|of|for|and|al|el|de|ul|ut|the)){0,8}(?:\s+\([^()]{2,40}\))?)"
    r"(?:\s+(?:cult|group|movement|organi[sz]ation|outfit|network|faction))?"
    r"(?=\s*(?:\([^()]{1,20}\))?\s*,\s+(?:which|who|that|the|a|an|and)\b|\s+(?:was|were|has\s+been|have\s+been)\b)"
)
# The verb is a passive: "was on Wednesday declared", "were also dropped", "has been banned".
_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|is|are|been)\s+(?:(?:\w+ly|also|then|later|now|formally|officially|on\s+\w+day)\s+){0,2}$"
)
_PASSIVE_MATCH = re.compile(r"(?:was|were|is|are|been)\b")
# Words that open a sentence without naming a group.
_NOT_A_GROUP = re.compile(
    r"^(?:It|They|This|That|These|Those|He|She|We|Government|Ministry|Home|State|Department|Council|Court|President"
    r"|Minister|Secretary|Parliament|Cabinet|Police|Officials?|Authorities|Today|Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November"
    r"|December|In|On|At|After|Before|Since|Under|According|However|Meanwhile)\b"
)


class LeadSubject(NamedTuple):
    """The group a sentence opens with: its text and offset in the sentence."""

    start: int
    text: str


def passive_subject(sentence: str, verb_start: int, verb_text: str) -> LeadSubject | None:
    """The group ``sentence`` opens with when the listing verb ``verb_text`` at ``verb_start`` is a passive of
    the main clause; None otherwise (an active verb, or a sentence that opens with no group)."""
    if not (_PASSIVE_MATCH.match(verb_text) or _PASSIVE_BEFORE.search(sentence, 0, verb_start)):
        return None
    match = _LEAD_SUBJECT.match(sentence)
    if match is None or match.end() > verb_start:
        return None
    name = match.group("name")
    if _NOT_A_GROUP.match(name) or len(name) < 3:
        return None
    return LeadSubject(match.start("name"), name)
