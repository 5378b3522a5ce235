# ruff: noqa: RUF001, RUF003  -- Cyrillic letters and typographic quotes are the point of these patterns.
"""Events from one cleaned article: who listed or delisted whom, where, when, and the sentence that says so.

The extractor reads sentence by sentence. A sentence yields an event when a listing-action phrase
(:mod:`proscribe.news.lexicon`) is not governed by a hedge ("could be removed", "позволяющий
исключить", "nicht verboten"). The acting jurisdiction is the nearest country or body mentioned
(else the one the article was last talking about); the organisation is a registry entity named in
the sentence (else a quoted or capitalised name, else the organisation the article is about);
dates are resolved against the publication date and split into the day the step takes effect and
the day it was announced. Events of the same organisation, jurisdiction and action in one article
are merged, keeping the most precise date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from proscribe.dates import PartialDate
from proscribe.news import (
    enumerations,
    foreign_names,
    gates,
    jurisdictions,
    lexicon,
    listshape,
    not_a_decision,
    orgchoice,
    romance_names,
    russian,
    subjects,
)
from proscribe.news.clean import Article
from proscribe.news.dates import DateMention, find_dateline, find_dates, find_day_dates
from proscribe.news.effective import (
    decision_made_before,
    instrument_published,
    inverted_speech,
    older_step,
    other_clause,
    reported_that,
    romance_in_force,
    speech_before,
)
from proscribe.news.link import EntityMention, NameIndex, fold, words
from proscribe.news.orgnames import (
    FoundName,
    abbreviations,
    acronym_names,
    enumerated_names,
    last_name_before,
    part_of_region,
    plausible,
    quoted_names,
    without_trailing_joiner,
)

# The stand-in organisation of a step read from a count ("a 22 organizaciones"), whose names a list gives.
_COUNTED_LIST = "\x00counted list"
_TERROR_WORD = re.compile(r"terror|террор", re.IGNORECASE)
# A carried date that dates any step (the lede's day), not only one of the same action.
_ANY_STEP = "any"
# A lede that tells of a listing step itself ("on Friday removed its ... label from ... groups"), not of an order's
# signature or a statement.
_LEDE_STEP = re.compile(
    r"\b(?:removed|revoked|delisted|designated|listed|banned|proscribed|outlawed|added)\b", re.I
)
_SPEECH_BEFORE_DAY = re.compile(r"\b(?:said|says|announced|told|stated|reported)[ \t]+(?:on[ \t]+)?$")
_PRECISION_RANK = {"day": 4, "month": 3, "season": 2, "year": 1, "unknown": 0}
# An event dated within this many days before publication is the article's news, not its history.
PRIMARY_WINDOW_DAYS = 45
RU_SUSPENSION_LAW = dt.date(2024, 12, 28)
_REQUESTS = frozenset(
    {"petition_filed", "proposed_designation", "proposed_delisting", "hearing_scheduled", "bill_introduced", "bill_passed",
     "bill_passed_first_reading", "review_due"}
)  # fmt: skip

# ("им." [news-ru]: "батальон им. Номана Челебиджихана" is one name.)
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Lt|Col|No|Nos|Art|Inc|Ltd|Co|vs|etc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|janv|févr|fév|avr|juil|déc|ene|abr|ago|dic|EE\.UU|U\.S|U\.N|U\.K|г|гг|т\.е|ст|ч|им|Nr|bzw|ca|Abs)|\b[A-ZА-Я])\.$"
)
_ORDINAL_DAY = re.compile(r"(?<!\d)\d{1,2}\.$")
_GERMAN_MONTH = re.compile(
    r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b"
)
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"”»“]?\s+(?=[\"«„“(]?[A-ZА-ЯЁÄÖÜ0-9])")
# Sentences run together with no space after the full stop ("over 250 people were killed.President Maithripala
# Sirisena issued ...", "as terrorist organizations.ATC Resolution Number 13 ..."): a lower-case word of three
# letters or more, a full stop, then a capitalised word or an acronym and a space. Domains ("News.Az",
# "Censor.NET"), paths, initials and abbreviations ("U.S.", "etc.") are left joined (see _glued_boundary).
_GLUED = re.compile(r"(?<=[a-zà-ÿа-яё]{3}\.)(?=[A-ZА-ЯЁ](?:[a-zà-ÿа-яё]+|[A-ZА-ЯЁ]+)\s)")
_LEFT_WORD = re.compile(r"[\w.@/:-]+$")


@dataclass(frozen=True)
class NewsEvent:
    """A candidate act read from an article; it enters the journal only after review."""

    file: str
    jurisdiction: str | None
    organisation: str | None
    entity_id: str | None
    action: str
    effective_date: str | None
    announced_date: str | None
    date_precision: str
    evidence_quote: str
    primary: bool
    confidence: float
    # How the effective (else announced) date was found: explicit, weekday, relative, dateline, rule,
    # publication (no date in the text: the article's own date stands in).
    date_basis: str = "publication"

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "jurisdiction": self.jurisdiction,
            "organisation": self.organisation,
            "entity_id": self.entity_id,
            "action": self.action,
            "effective_date": self.effective_date,
            "announced_date": self.announced_date,
            "date_precision": self.date_precision,
            "evidence_quote": self.evidence_quote,
            "primary": self.primary,
            "confidence": self.confidence,
            "date_basis": self.date_basis,
        }


# A "sentence" longer than this is not one (a run-on page, a table, a whole file on one line); it is cut
# at spaces so that every per-sentence step stays bounded and the whole run linear in the input.
MAX_SENTENCE_CHARS = 1200


def _add_span(spans: list[tuple[int, int]], line: str, offset: int, start: int, end: int) -> None:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = line.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        spans.append((offset + start, offset + cut))
        start = cut
        while start < end and line[start].isspace():
            start += 1
    if end > start:
        spans.append((offset + start, offset + end))


def _glued_boundary(line: str, end: int) -> bool:
    """Whether the full stop before ``end`` ends a lower-case word, not a domain, path or address."""
    left = _LEFT_WORD.search(line, max(0, end - 40), end - 1)
    return left is not None and left.group(0).isalpha() and left.group(0).islower()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans in ``text``; paragraphs (lines) never join, abbreviations never split."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        start = 0
        boundaries = sorted([*_BOUNDARY.finditer(line), *_GLUED.finditer(line)], key=lambda m: m.start())
        for match in boundaries:
            if match.start() == match.end() and not _glued_boundary(line, match.start()):
                continue
            # Only the few characters before the boundary can be an abbreviation ("Mr.", "U.S."): looking
            # at the whole pending text would make long runs of "No." quadratic.
            if _ABBREVIATIONS.search(line[max(start, match.start() - 12) : match.start()].rstrip('"”»“')):
                continue
            if _ORDINAL_DAY.search(
                line, max(start, match.start() - 4), match.start()
            ) and _GERMAN_MONTH.match(line, match.end()):
                continue  # "vom 5. Juni 2024": a German date, not a sentence end
            _add_span(spans, line, offset, start, match.start())
            start = match.end()
        _add_span(spans, line, offset, start, len(line))
        offset += len(line) + 1
    return spans


def _is_headline(sentence: str) -> bool:
    return not sentence.rstrip('"”»“)').endswith((".", "!", "?", "…", ":")) and len(sentence.split()) <= 25


@dataclass(frozen=True)
class _Org:
    text: str
    entity_id: str | None
    start: int


def _jurisdiction_mentions(sentence: str, excluded: list[tuple[int, int]]) -> list[jurisdictions.Mention]:
    """Countries and bodies named in ``sentence``, outside the ``excluded`` spans (entity names, which
    must not overlap one another: "Islamic State" is not a state)."""
    # news-jur: every UN member state, ranked (actor / plain / weak); see proscribe.news.jurisdictions.
    mentions = [
        # news-dev8: "el Gobierno de Trinidad y Tobago", "le gouvernement du Mali", "the Government of Kenya": a state
        # named as a government's owner acts, like "Kenya's government".
        m._replace(rank=jurisdictions.ACTOR)
        if m.rank == jurisdictions.WEAK
        and lexicon.GOVERNMENT_OF.search(sentence, max(0, m.start - 40), m.start)
        else m
        for m in jurisdictions.find_mentions(sentence, excluded)
    ]
    # [news-ru] "Минюст Кыргызстана", "Генпрокуратура Казахстана": a body's generic name is the named country's.
    return [
        m
        for m, after in zip(mentions, [*mentions[1:], None], strict=False)
        if not (
            after is not None
            and m.kind == "inst"
            and after.code != m.code
            and after.kind != "inst"
            and _CYRILLIC_WORD.match(sentence, m.start)
            and not sentence[m.end : after.start].strip()
        )
    ]


_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]")


def _nearest_jurisdiction(
    mentions: list[jurisdictions.Mention],
    at: int,
    sentence: str,
    outside: list[tuple[int, int]] | None = None,
) -> str | None:
    # news-jur: the actor ("Sri Lanka's government") first, else the nearest before the verb, else an agent.
    return jurisdictions.nearest(mentions, at, sentence, outside)


@functools.lru_cache(maxsize=4096)  # a pure test of the name, asked again for each repeated acronym
def _is_jurisdiction_name(name: str) -> bool:
    # news-jur: any UN member state's name, capital or office.
    return any(
        pattern.fullmatch(name) for _, pattern in lexicon.JURISDICTIONS
    ) or jurisdictions.is_state_name(name)


# The auxiliary and verb every match of EN_SUBJECT ends with ("has also been listed"): tried at every capitalised
# word, the whole pattern runs only in a sentence that has them (see news.gates.tail_from).
_SUBJECT_VERB = gates.tail_from(lexicon.EN_SUBJECT, "(?:was|were|is|are|has|have|had|will)")


def _unknown_orgs(sentence: str) -> list[_Org]:
    """Names the registry does not know in ``sentence``, in the order they were read (the caller sorts them by
    their distance from each listing verb)."""
    names: list[_Org] = []

    def keep(name: str, start: int) -> None:
        if lexicon.DESCRIPTIVE_AFTER.match(sentence, start + len(name)):
            return  # "Islamic State (IS)-affiliated groups": a description of other groups
        if lexicon.CATEGORY_BEFORE.search(sentence[max(0, start - 12) : start]):
            return  # 'declared PFI ... as an "Unlawful Association"': the category, not the group
        # "The Terrorgram collective has been proscribed": a sentence-initial article is no part of the name.
        clean = name.strip(" ,.;:*").removeprefix("the ").removeprefix("The ").strip()
        clean = without_trailing_joiner(clean)  # "the Muslim Brotherhood of ousted president Mohamed Morsi"
        if part_of_region(sentence, start, clean):
            return  # "banned Jammu and Kashmir (J&K) based terrorist organisations": a region, not two groups
        if not plausible(clean):
            return
        if not clean or lexicon.NOT_ORGS.match(clean) or len(clean) < 3 or _is_jurisdiction_name(clean):
            return
        if orgchoice.descriptive_name(clean, sentence[start + len(name) : start + len(name) + 40]):
            return  # "the Sunni militant group's branches", "the Iranian-backed, Lebanon-based Shiite group"
        if orgchoice.parent_of_the_object(sentence, start):
            return  # "американскую дочернюю структуру ФБК": the subsidiary, not FBK
        if orgchoice.law_acronym(sentence, start):
            return  # "the Terrorism Suppression Act 2002 (“TSA”)": a law's short name
        if len(clean.split()) > 6 or clean.lower() == clean:
            return
        if any(n.text == clean for n in names):
            return
        names.append(_Org(clean, None, start))

    for match in lexicon.EN_OBJECT.finditer(sentence):
        for part in re.split(r",\s+(?:the\s+)?|\s+and\s+(?:the\s+)?", match.group("names")):
            keep(part, match.start("names") + match.group("names").find(part))
    if _SUBJECT_VERB is None or _SUBJECT_VERB.search(sentence) is not None:  # (most sentences lack it)
        for match in lexicon.EN_SUBJECT.finditer(sentence):
            keep(match.group("name"), match.start("name"))
    for match in lexicon.ORG_NOUN.finditer(sentence):
        keep(match.group("name"), match.start("name"))
    for match in lexicon.RU_RECOGNISED_ACRONYM.finditer(sentence):
        keep(match.group("name"), match.start("name"))
    # Quoted statements are long and start lower-case or end with punctuation; names do not. A quoted
    # name right after "сообщает", "reports", "berichtet" is the news agency.
    for name in quoted_names(sentence):
        if russian.opens_nested_quote(sentence, name.end):
            continue  # [news-ru] '"Национально-освободительное движение "Правый сектор"': cut at the inner quote
        if not lexicon.SOURCE_BEFORE.search(sentence[max(0, name.start - 30) : name.start]):
            keep(name.text, name.start)
    for name in acronym_names(sentence):
        keep(name.text, name.start)
    # [news-ru] Declined and single-capital Russian names (tagged spans, quoted names, acronyms).
    for ru_name in russian.organisation_names(sentence):
        names[:] = [n for n in names if n.start != ru_name.start]  # its nominative reading wins
        keep(ru_name.text, ru_name.start)
    names[:] = [n for n in names if not russian.is_body(n.text)]  # "организаций ФСБ": the body, no group
    names[:] = [n for n in names if not orgchoice.body_name(n.text)]  # "Атырау қаласының соты": a court
    return names


def _entity_orgs(mentions: list[EntityMention], sentence: str, at: int, salience: Counter[str]) -> list[_Org]:
    """The entity the action is about (nearest to it) and those coordinated with it ("X and Y").

    Of two names joined by "also known as", the article's main one is kept.
    """
    ordered = sorted(mentions, key=lambda m: m.start)
    # "besides those associated with the Taliban", "the ISIS and al-Qaeda Sanctions List": context, not the object.
    context = orgchoice.context_mentions(sentence, ordered)
    ordered = [m for i, m in enumerate(ordered) if i not in context]
    if not ordered:
        return []
    nearest = min(range(len(ordered)), key=lambda i: abs(ordered[i].start - at))
    group = [ordered[nearest]]
    for step in (-1, 1):
        index = nearest
        while 0 <= index + step < len(ordered):
            left, right = (
                (ordered[index + step], ordered[index])
                if step < 0
                else (ordered[index], ordered[index + step])
            )
            between = sentence[left.end : right.start]
            if not (
                _COORDINATED.match(between) or lexicon.ALIAS_LINK.match(between) or _ALIAS.match(between)
            ):
                break
            group.append(ordered[index + step])
            index += step
    group.sort(key=lambda m: m.start)
    chosen: list[EntityMention] = []
    for mention in group:
        if chosen and chosen[-1].entity_id != mention.entity_id:
            between = sentence[chosen[-1].end : mention.start]
            if lexicon.ALIAS_LINK.match(between) or _ALIAS.match(between):
                if salience[mention.entity_id] > salience[chosen[-1].entity_id]:
                    chosen[-1] = mention
                continue
        if all(c.entity_id != mention.entity_id for c in chosen):
            chosen.append(mention)
    return [_Org(m.text, m.entity_id, m.start) for m in chosen]


_ALIAS = re.compile(
    r"^\W*(?:\([^()]{1,15}\)\W*)?(?:also\s+known\s+as|auch\s+bekannt\s+als|formerly\s+known\s+as)\W*(?:the\s+)?$",
    re.I,
)
# Words that report a claim without vouching for it: the event is less sure.
_HEARSAY = re.compile(r"\b(?:reportedly|claims?|according to|сообщает|nach Angaben)\b", re.I)
_COORDINATED = re.compile(
    r"^[\s,»«\"„“”)]*(?:and|und|sowie|и|as\s+well\s+as|,)?\s*(?:the|die|den|das|der)?\s*(?:[\w-]+\s+){0,3}?[\s»«\"„“”]*$",
    re.I,
)


def _hedged(sentence: str, start: int, end: int, proposal: bool = False) -> bool:
    clause_start = max(
        sentence.rfind(",", 0, start), sentence.rfind(";", 0, start), sentence.rfind("—", 0, start)
    )
    # The hedge may follow the phrase: "решение об исключении ... еще не принято", "would not amount".
    # A proposal's own words ("approved a proposal to list") do not hedge it; words before it still do.
    window = sentence[max(clause_start + 1, start - 70) : start if proposal else end]
    after = sentence[end : end + 90]
    # Each hedge pattern cut down to what can match in this sentence (see news.gates.SentenceTests).
    tests = gates.tests_for(sentence)
    non_event = tests.runnable(lexicon.NON_EVENT)
    negation_after = tests.runnable(lexicon.NEGATION_AFTER)
    return bool(
        (non_event is not None and non_event.search(window))
        or (negation_after is not None and negation_after.search(after))
    )


# A statement that reports a step in its object clause ("said it removed", "сообщил, что ... исключил").
_REPORTING_VERB = re.compile(
    r"\b(?:said|says|announced|stated|confirmed|reported|told\s+\w+)\s+(?:that\s+|on\s+\w+\s+)?(?:it|they|he|she)\b"
    r"|\b(?:заявил\w*|сообщил\w*|объявил\w*)\s*,\s+что\b|\b(?:teilte|sagte|erklärte)\b[^.]{0,40},\s+(?:dass|sie|er)\b"
    r"|\b(?:dijo|anunció|informó|afirmó|a\s+annoncé|a\s+indiqué)\s+que\b",
    re.I,
)
_APPOSITIVE = re.compile(r",\s+(?:(?:the|a|an)\s+\w+\s+)?(?:that|which|who|whose)\b[^,]*(?:,|$)", re.I)


def _split_dates(
    sentence: str, dates: list[DateMention], at: int, status: bool = False
) -> tuple[DateMention | None, DateMention | None]:
    """(effective, announced): a date beside a speech verb is the announcement; the nearest other one is the effect.

    Dates inside a relative clause ("HTS, the group that led a takeover last year,") describe
    something else and are ignored.
    """
    asides = [m.span() for m in _APPOSITIVE.finditer(sentence) if not (m.start() <= at < m.end())]
    effective: list[DateMention] = []
    announced: list[DateMention] = []
    for mention in dates:
        if any(s <= mention.start < e for s, e in asides):
            continue
        before = sentence[max(0, mention.start - 45) : mention.start]
        after = sentence[mention.end : mention.end + 30]
        # "said on Friday", "announced Monday", "teilte am Donnerstag mit": the verb is right before,
        # or right after ("am Donnerstag mit"); "banned it in 2010, the court said" dates the ban.
        stripped = after.lstrip(" ,)")  # "has today (15 January) laid a draft order"
        # "on Wednesday declared PFI ... an Unlawful Association": the verb after the date is the act itself.
        # (A proposal's "laid" is both: what it says is when it was announced.)
        verb_is_act = status and mention.end + len(after) - len(stripped) == at
        near_speech = (
            speech_before(before[-30:])
            or inverted_speech(before)
            or (not verb_is_act and lexicon.SPEECH.match(stripped))
        )
        near_effect = lexicon.EFFECT.search(before[-25:]) or instrument_published(sentence, mention.start)
        # "In early June, Kazakhstan said it removed the Taliban": the date opens the clause of the speech verb
        # that reports the act, so it dates the statement.
        reported = mention.end <= at and (
            _REPORTING_VERB.search(sentence, mention.end, at) is not None
            or reported_that(sentence, mention.end, at)
        )
        if (near_speech or reported) and not near_effect:
            announced.append(mention)
        else:
            effective.append(mention)
    effective = [m for m in effective if not other_clause(sentence, m.start, m.end, at)]
    nearest = min(effective, key=lambda m: abs(m.start - at), default=None)
    return nearest, (announced[0] if announced else None)


def _within(items: list[EntityMention], starts: list[int], start: int, end: int) -> list[EntityMention]:
    """Mentions inside [start, end), with offsets made relative to ``start``."""
    found: list[EntityMention] = []
    # An index walk, not ``items[first:]``: copying the rest of the list for every sentence made the whole
    # article quadratic in its number of mentions.
    for position in range(bisect.bisect_left(starts, start), len(items)):
        mention = items[position]
        if mention.start >= end:
            break
        if mention.end <= end:
            found.append(
                EntityMention(mention.start - start, mention.end - start, mention.text, mention.entity_id)
            )
    return found


def _federal_register_date(text: str, spans: list[tuple[int, int]], reference: dt.date) -> DateMention | None:
    """The day a Federal Register publication is reported for ("scheduled to be printed in the Federal
    Register on Thursday"): FTO designations and revocations take effect on it."""
    best: DateMention | None = None
    for start, end in spans:
        sentence = text[start:end]
        if "Federal Register" not in sentence or not lexicon.FEDERAL_REGISTER_PUBLICATION.search(sentence):
            continue
        for mention in find_dates(sentence, reference):
            if mention.precision == "day" and (best is None or mention.date.earliest > best.date.earliest):
                best = mention
    return best


def _days_after_laying(text: str) -> int | None:
    """ "The order comes into force 21 days after it is laid": the number of days, when the article says so."""
    match = lexicon.DAYS_AFTER_LAID.search(text)
    if match is None:
        return None
    word = match.group("days").lower()
    return int(word) if word.isdigit() else lexicon.COUNT_WORDS.get(word)


def _in_force_date(
    text: str, spans: list[tuple[int, int]], reference: dt.date
) -> tuple[int, DateMention] | None:
    """("The order will take effect on Thursday" / "The designations took effect on February 20, 2025"):
    the sentence index and the day a listing step reported elsewhere in the article comes into force."""
    for number, (start, end) in enumerate(spans):
        sentence = text[start:end]
        tests = gates.tests_for(sentence)  # most sentences lack the literals: no search at all
        if not (
            tests.search(lexicon.IN_FORCE) and tests.search(lexicon.IN_FORCE_SUBJECT)
        ) and not romance_in_force(sentence):
            continue
        days = [d for d in find_dates(sentence, reference) if d.precision == "day"]
        if days:
            return number, replace(days[-1], basis="rule")
    return None


# The legal instrument that makes a ban ("an extraordinary gazette", "the gazette notification", "the decree").
_INSTRUMENT = r"(?:gazette|notification|decree|regulations?|(?<!\bin\s)order)"
# "Relevant extraordinary gazette was published on Tuesday (April 13)", "President ... issued an extraordinary
# gazette banning a number of extremist organisations on Monday": the instrument's own day.
_INSTRUMENT_ISSUED = re.compile(
    rf"\b(?P<noun>{_INSTRUMENT})\b[^.;]{{0,80}}?\b(?:was|were|has\s+been|had\s+been)\s+(?:published|issued|signed|gazetted)\b"
    rf"|\b(?:published|issued|signed|gazetted)\s+(?:an?|the|its)\s+(?:[\w-]+\s+){{0,3}}?(?P<noun2>{_INSTRUMENT})\b"
    # news-actions: Spanish, with the day between ("firmó este martes un decreto que declara ...").
    r"|\b(?:firm|public|emiti|promulg|expidi|dict)(?:ó|aron)\s+(?:[\w-]+\s+){0,3}?(?:un|el|una|la)\s+(?P<noun3>decreto|resoluci[óo]n)\b",
    re.I,
)
# An entry put on a list by an executive body ("ФСБ включила ... в список террористических организаций", "was
# added to the list"): a court's ruling told next is the earlier step it follows, not its date.
_LIST_ENTRY = re.compile(
    r"(?:включ|внес)\w*\s+[^.]{0,120}?\bв\s+(?:\w+\s+){0,3}?(?:список|перечень|реестр)"
    r"|\b(?:added|included|placed)\b[^.]{0,80}?\b(?:to|in|on)\s+(?:the|its)\s+(?:\w+\s+){0,4}?(?:list|register)\b",
    re.I,
)
_COURT = re.compile(r"\bсуд\w*|\bcourts?\b|\bGericht\w*|\btribunal\w*", re.I)


def _decision_date(
    following: list[str], reference: dt.date, published: dt.date, dated_story: bool, list_entry: bool = False
) -> DateMention | None:
    """The day given for a ruling or ban in the sentences after the one that reports it; in a story with
    a dateline, a ruling "subject to immediate execution" takes effect on the dateline's day. For an entry
    on a list (``list_entry``), a court's ruling told next is the step before it and gives no day."""
    for sentence in following:
        # "... has banned three Islamist extremist groups, including the NTJ ... . President Maithripala Sirisena
        # issued an extraordinary gazette banning a number of extremist organisations on Monday."
        dates = find_dates(sentence, reference)
        # "документ был принят в конце апреля": the decision's own month.
        made = [d for d in dates if d.date.earliest <= published and decision_made_before(sentence, d.start)]
        if made:
            return made[0]
        if not lexicon.DECISION_REF.search(sentence) and not _INSTRUMENT_ISSUED.search(sentence):
            continue
        if list_entry and _COURT.search(sentence):
            continue
        for mention in dates:
            if mention.precision == "day" and mention.date.earliest <= published:
                return mention
        if dated_story and lexicon.IMMEDIATE_EFFECT.search(sentence):
            return DateMention(0, 0, "", PartialDate.parse(reference), "day", "rule")
    return None


# How many sentences back the instrument's day may be told.
_INSTRUMENT_SENTENCES_BACK = 3


def _instrument_date(
    sentence: str, preceding: list[str], reference: dt.date, published: dt.date
) -> DateMention | None:
    """The day an instrument was published, issued or signed, told in one of the ``preceding`` sentences, for
    a ban this ``sentence`` reads from the same instrument ("Relevant extraordinary gazette was published on
    Tuesday (April 13)" then "the Regulations ... specified in the gazette notification has proscribed the
    following ...:"; "... issued an extraordinary gazette banning a number of extremist organisations on Monday."
    then "According to the Gazette the A, the B and the C organisations have been banned.")."""
    for earlier in reversed(preceding):
        issued = _INSTRUMENT_ISSUED.search(earlier)
        if issued is None:
            continue
        noun = (issued.group("noun") or issued.group("noun2") or issued.group("noun3")).lower().rstrip("s")
        if not re.search(rf"(?<!\bin\s)\b{noun}", sentence, re.I):  # not "in order to"
            return None
        days = [
            d
            for d in find_dates(earlier, reference)
            if d.precision == "day" and d.date.earliest <= published and d.basis != "relative"
        ]
        return days[-1] if days else None
    return None


def _ruling_behind_listing(
    listing: NewsEvent, following: list[str], reference: dt.date, published: dt.date
) -> list[NewsEvent]:
    """[news-ru] The court's ruling told after a group's entry on the FSB's list ("Данное решение было принято
    Вторым Западным окружным военным судом 16 ноября"): a background step of the same group, dated by its own
    sentence (undated when it gives no date)."""
    for sentence in following:
        if not russian.court_ruling(sentence):
            continue
        day = next((d for d in find_dates(sentence, reference) if d.date.earliest <= published), None)
        return [
            replace(
                listing,
                evidence_quote=sentence,
                effective_date=str(day.date) if day else None,
                date_precision=day.precision if day else "unknown",
                date_basis=day.basis if day else "publication",
                announced_date=None,
                primary=False,
            )
        ]
    return []


def extract_events(article: Article, index: NameIndex, *, extremist_lists: bool = False) -> list[NewsEvent]:
    """Candidate events of one article, merged per (jurisdiction, organisation, action).

    Steps on extremist lists (Russia's, Belarus's, Kyrgyzstan's bans of "extremist organisations") are
    no terrorist designations and are left out, unless ``extremist_lists`` is true: then they are
    reported as ``designated`` like the rest.

    Entity names and jurisdictions are found once in the whole text and handed to each sentence, and
    sentences are bounded in length (:data:`MAX_SENTENCE_CHARS`), so the work grows linearly with the text.
    """
    text = article.text
    russian.start_article()  # [news-ru] bounds the named-entity tagger's work per article
    spans = split_sentences(text)
    all_mentions = orgchoice.keep_linked([m for m in index.find(text) if not _not_the_entity(text, m)])
    mention_starts = [m.start for m in all_mentions]
    salience: Counter[str] = Counter(m.entity_id for m in all_mentions)
    all_juris = sorted(_jurisdiction_mentions(text, [(m.start, m.end) for m in all_mentions]))
    juris_starts = [m.start for m in all_juris]
    # news-jur: weak mentions ("Russian wanted list", "in Syria") do not make a story's state; a dateline does.
    article_jurisdictions: Counter[str] = Counter(m.code for m in all_juris if m.rank != jurisdictions.WEAK)
    if not article_jurisdictions:
        article_jurisdictions.update(m.code for m in all_juris)
    dateline_state = jurisdictions.dateline_jurisdiction(text)
    # The dateline's state is the story's when the story names it too (or names no state at all): a Moscow
    # dateline over a report on Kyrgyzstan is where the reporter sits, not who acts.
    if dateline_state is not None and dateline_state not in article_jurisdictions and article_jurisdictions:
        dateline_state = None
    if dateline_state is not None:
        article_jurisdictions[dateline_state] += 1
    suspension_context = bool(lexicon.SUSPENSION_CONTEXT.search(text))
    dateline = find_dateline(text, article.published)
    # Weekdays and "today" in a dated story count from its dateline, else from the publication.
    reference = dateline.date.earliest if dateline else article.published
    register_date = _federal_register_date(text, spans, reference) if "Federal Register" in text else None
    upon_publication = register_date is None and bool(lexicon.UPON_PUBLICATION.search(text))
    in_force = _in_force_date(text, spans, reference)
    laid_after = _days_after_laying(text)
    context_org: _Org | None = None
    # Sentences whose group (``_named_group``) is the context organisation when it names one, the latest
    # first: read only when the context is needed (most are followed by a sentence that names its own).
    unread_groups: list[str] = []

    def settle_context() -> _Org | None:
        nonlocal context_org
        for earlier in reversed(unread_groups):
            named = _named_group(earlier)
            if named is not None:
                context_org = named
                break
        unread_groups.clear()
        return context_org

    context_jurisdiction: str | None = dateline_state
    anchor: dt.date | None = None
    carried: tuple[str, DateMention, int] | None = None
    last_dated: tuple[tuple[str | None, str], NewsEvent, int] | None = None
    laying: DateMention | None = None  # the day a draft order was laid, once the article says it
    previous_year: str | None = None  # the year of the last date of the sentence before, when it was read
    body_index = 0
    events: list[NewsEvent] = []
    steps_at: dict[int, list[NewsEvent]] = {}  # the events each read sentence gave, by sentence number
    headlines: list[tuple[int, int, list[EntityMention]]] = []
    for number, (start, end) in enumerate(spans):
        sentence = text[start:end]
        tests = gates.tests_for(sentence)  # memoised pattern tests (see news.gates.SentenceTests)
        mentions = _within(all_mentions, mention_starts, start, end)
        if _is_headline(sentence):
            if len(headlines) < _MAX_HEADLINES:
                headlines.append((start, end, mentions))
            if mentions and settle_context() is None:
                context_org = _Org(mentions[0].text, mentions[0].entity_id, 0)
            continue
        body_index += 1
        lowered = tests.lowered
        if not _ACTION_ANCHOR_SETS.present(lowered):
            previous_year = None
            # No listing word at all: only what later sentences need from this one is kept.
            if mentions and salience:
                main = max(mentions, key=lambda m: salience[m.entity_id])
                context_org = _Org(main.text, main.entity_id, 0)
                unread_groups.clear()
            else:
                # context_org = _named_group(sentence) or context_org, once it is read
                unread_groups.append(sentence)
            first = bisect.bisect_left(juris_starts, start)
            last = bisect.bisect_left(juris_starts, end)
            strong = [m for m in all_juris[first:last] if m.rank != jurisdictions.WEAK]
            if strong:
                context_jurisdiction = strong[-1].code
            if _DIGIT.search(sentence) or tests.search(lexicon.RELATIVE_DAY):
                day_dates = find_day_dates(sentence, reference, anchor)
                if day_dates:
                    anchor = day_dates[-1].date.earliest
                today = next((d for d in day_dates if d.basis == "relative"), None)
                if today is not None:
                    carried = ("designated", today, number)
            continue
        # "the Terrorism Act 2000 (Proscribed Organisations) (Amendment) Order 2025": a title's year is no date.
        dates = [
            d
            for d in find_dates(sentence, reference, anchor)
            if not (d.precision == "year" and _TITLE_YEAR.search(sentence[max(0, d.start - 30) : d.start]))
        ]
        if dateline is not None and start <= dateline.start < end:
            # The dateline dates the story, not the act it reports.
            dates = [d for d in dates if not (d.start <= dateline.start - start < d.end)]
        first = bisect.bisect_left(juris_starts, start)
        last = bisect.bisect_left(juris_starts, end)
        juris = [m._replace(start=m.start - start, end=m.end - start) for m in all_juris[first:last]]
        sentence_context = context_jurisdiction
        if not any(m.rank != jurisdictions.WEAK for m in juris) and lexicon.UNNAMED_NATIONAL_OFFICE.search(
            sentence
        ):
            # An office named without its state is the one of the state whose government was named last.
            governments = [m for m in all_juris[:first] if m.rank == jurisdictions.ACTOR and m.kind != "inst"]
            if governments:
                sentence_context = governments[-1].code
        # Names a counted object announces may come a few sentences later ("The groups removed from the list are ...").
        # A sentence ending in a colon announces list lines, which may be many ("1." / "United Thawheed Jamma'ath").
        # ("The newly listed groups include four ...: A, B, C and D." "The other are:" "• three ...: E, F, and G")
        lines_follow = enumerations.ends_with_colon(sentence) or (
            number + 1 < len(spans) and enumerations.continues_list(text[slice(*spans[number + 1])])
        )
        # [news-dev12] "seis cárteles ... serán incluidos en la lista. Entre estos grupos se encuentran:" — the next
        # sentence announces the lines.
        lines_follow = lines_follow or (
            number + 1 < len(spans) and enumerations.ends_with_colon(text[slice(*spans[number + 1])])
        )
        ahead = enumerations.MAX_LIST_LINES if lines_follow else _NAMES_AHEAD_SENTENCES
        following = [text[a:b] for a, b in spans[number + 1 : number + 1 + ahead]]
        sentence_events = _sentence_events(
            article, sentence, mentions, dates, juris, salience, settle_context(), sentence_context,
            article_jurisdictions, suspension_context, body_index, following, register_date, upon_publication,
            extremist_lists,
        )  # fmt: skip
        # Names read from the lines and sentences after this one carry no registry link yet.
        sentence_events = [_linked_whole(event, index) for event in sentence_events]
        laid_on = next(
            (d for d in dates if d.precision == "day" and lexicon.ORDER_LAID_ON.search(sentence[: d.start])),
            None,
        )
        if laid_on is not None:
            laying = laid_on
        if laying is not None:
            # "The group that we now propose to add ... is X" in the debate on an order laid on 19 April: proposed then.
            sentence_events = [
                replace(e, effective_date=str(laying.date), date_precision="day", date_basis="explicit")
                if e.action == "proposed_designation" and e.effective_date is None
                else e
                for e in sentence_events
            ]
        if lexicon.LAPSE.search(sentence):
            # The lapse of a designation dates the designation itself: background to the delisting.
            lapsed = [e for e in sentence_events if e.action == "delisted"]
            if not sentence_events and not mentions:
                # "the group's 2022 designation ... had lapsed": the lapse told just before.
                earlier = [
                    e
                    for e in events[-3:]
                    if e.action == "delisted" and lexicon.LAPSE.search(e.evidence_quote)
                ]
                lapsed = earlier[-1:]
            sentence_events += _lapsed_designations(sentence, dates, lapsed)
        # A date said once for a list announced over two sentences ("Today ... the designation of eight
        # organizations." "The State Department announces the designation of A, B, ...") carries over.
        if carried is not None and number - carried[2] > 3:
            carried = None
        rulings: list[NewsEvent] = []
        for position, event in enumerate(sentence_events):
            if event.effective_date is None and event.primary and event.action in lexicon.STATUS_ACTIONS:
                if russian.list_addition(event.evidence_quote):
                    # [news-ru] The FSB's list entry is not dated by the court's ruling told next: that is a step
                    # of its own, earlier (background).
                    rulings += _ruling_behind_listing(event, following[:3], reference, article.published)
                    continue
                # An annulment is not dated by the decision it quashes, told next ("contre le verdict du ... 28 février").
                dated = None if event.action == "annulled" else _decision_date(
                    following[:3], reference, article.published, dateline is not None,
                    tests.search(_LIST_ENTRY),
                )  # fmt: skip
                if dated is None:
                    dated = _instrument_date(
                        sentence, [text[a:b] for a, b in spans[max(0, number - _INSTRUMENT_SENTENCES_BACK) : number]],
                        reference, article.published,
                    )  # fmt: skip
                if dated is not None:
                    sentence_events[position] = replace(
                        event,
                        effective_date=str(dated.date),
                        date_precision=dated.precision,
                        date_basis=dated.basis,
                    )
        for position, event in enumerate(sentence_events):
            if (
                in_force is not None
                and in_force[0] != number
                and event.action in _IN_FORCE_ACTIONS
                and (event.effective_date is None or event.effective_date < str(in_force[1].date))
                and event.jurisdiction == (context_jurisdiction or event.jurisdiction)
                # The day of the decision ("on Tuesday extended the ban") gives way to the day it has effect from.
                and (event.effective_date is None or event.date_basis in ("explicit", "weekday"))
                # [news-ru] "В июне суд признал «Грузинский легион»": a step the article dates itself keeps its date
                # (the in-force sentence is about another ruling).
                and (event.effective_date is None or not russian.is_russian(sentence))
                # [news-ru] A court's ruling comes into force, not the FSB's list entry that follows it.
                and not russian.list_addition(event.evidence_quote)
                # A list entry does not come into force with the court ruling it follows.
                and not (tests.search(_LIST_ENTRY) and _COURT.search(text[slice(*spans[in_force[0]])]))
            ):
                sentence_events[position] = event = replace(
                    event,
                    effective_date=str(in_force[1].date),
                    date_precision="day",
                    date_basis="rule",
                    primary=True,
                )
            if (
                event.effective_date is None
                and last_dated is not None
                and tests.search(lexicon.CONTINUATION)  # asked only here: most sentences yield no event
                and number - last_dated[2] <= 5
                and last_dated[0] == (event.jurisdiction, event.action)
                # "A day later, it announced that ... were also declared": a sentence that dates its own statement
                # does not continue the step dated before.
                and not any(d.precision == "day" for d in dates)
            ):
                sentence_events[position] = event = replace(
                        event, effective_date=last_dated[1].effective_date, date_precision=last_dated[1].date_precision,
                        date_basis=last_dated[1].date_basis, primary=last_dated[1].primary,
                        announced_date=last_dated[1].announced_date,
                    )  # fmt: skip
            if (
                event.effective_date is None
                and dateline is not None
                and start <= dateline.start < end
                and event.action in lexicon.STATUS_ACTIONS
                and not tests.search(lexicon.FUTURE_ACT)
            ):
                # "LONDON, March 3 (Reuters) - Britain proscribed X": the lead's act is the dateline's day.
                sentence_events[position] = event = replace(
                    event, effective_date=str(dateline.date), date_precision="day", date_basis="dateline"
                )
            if (
                event.effective_date is None
                and dateline is not None
                and event.primary
                and event.action in lexicon.STATUS_ACTIONS
                and tests.search(lexicon.PRESENT_PERFECT)
            ):
                # "OTTAWA, Feb. 3, 2021 /CNW/ - ... The Government has placed 13 new groups on the list": a step
                # the story reports as just taken is dated by its dateline.
                sentence_events[position] = event = replace(
                    event, effective_date=str(dateline.date), date_precision="day", date_basis="dateline"
                )
            if event.effective_date is None and laid_after is not None and event.action in _IN_FORCE_ACTIONS:
                laid = event.announced_date if event.date_basis != "publication" else None
                if laid is not None and len(laid) == 10:
                    day = dt.date.fromisoformat(laid) + dt.timedelta(days=laid_after)
                    sentence_events[position] = event = replace(
                        event, effective_date=day.isoformat(), date_precision="day", date_basis="rule"
                    )
            if (
                event.effective_date is None
                and carried is not None
                and carried[0] in (event.action, _ANY_STEP)
            ):
                recent = carried[1].precision in ("day", "month") and carried[1].date.latest >= (
                    article.published - dt.timedelta(days=PRIMARY_WINDOW_DAYS)
                )
                sentence_events[position] = replace(
                    event, effective_date=str(carried[1].date), date_precision=carried[1].precision,
                    date_basis=carried[1].basis, primary=event.primary or recent,
                )  # fmt: skip
        for event in sentence_events:
            if event.effective_date is not None and event.date_precision == "day":
                last_dated = ((event.jurisdiction, event.action), event, number)
        today = next((d for d in dates if d.basis == "relative" and d.precision == "day"), None)
        if not sentence_events and today is not None:
            carried = ("designated", today, number)  # "Today, the State Department ..." then the act
        lede_day = next(
            (
                d
                for d in dates
                if d.basis in ("relative", "weekday")
                and d.precision == "day"
                # "ministers announced Friday": the day of the statement, not of the step.
                and not _SPEECH_BEFORE_DAY.search(sentence, max(0, d.start - 30), d.start)
            ),
            None,
        )
        if not sentence_events and body_index == 1 and lede_day is not None and _LEDE_STEP.search(sentence):
            # "The US State Department on Friday removed its ... label from Israeli, Basque ... groups": the lede's
            # day dates the steps whose groups the next sentences name.
            carried = (_ANY_STEP, lede_day, number)
        for event in sentence_events:
            if (
                event.organisation is None
                and event.effective_date is not None
                and event.date_basis != "publication"
            ):
                mention = next((d for d in dates if str(d.date) == event.effective_date), None)
                if mention is not None:
                    carried = (event.action, mention, number)
        # ("A day later, it announced that ...": a day read as a date of its own is no "shortly after".)
        if (
            previous_year is not None
            and _SHORTLY_AFTER.search(sentence)
            and not any(d.precision == "day" for d in dates)
        ):
            # "Trump listed the Houthis ... which ended in 2021." "Biden's administration reversed those designations
            # weeks after coming into office": a step weeks after the one just dated falls in its year.
            sentence_events = [
                replace(
                    e,
                    effective_date=previous_year,
                    date_precision="year",
                    date_basis="relative",
                    primary=e.primary and previous_year == str(article.published.year),
                )
                if e.effective_date is None and e.action in lexicon.STATUS_ACTIONS
                else e
                for e in sentence_events
            ]
        previous_year = str(dates[-1].date.earliest.year) if dates else None
        events.extend(sentence_events + rulings)
        steps_at[number] = sentence_events
        if sentence_events and sentence_events[0].organisation:
            context_org = _Org(sentence_events[0].organisation, sentence_events[0].entity_id, 0)
        elif mentions and salience:
            main = max(mentions, key=lambda m: salience[m.entity_id])
            context_org = _Org(main.text, main.entity_id, 0)
        else:
            # context_org = _named_group(sentence) or context_org, once it is read
            unread_groups.append(sentence)
        strong_juris = [m for m in juris if m.rank != jurisdictions.WEAK]
        if strong_juris:
            context_jurisdiction = strong_juris[-1].code
        day_dates = [d for d in dates if d.precision == "day"]
        if day_dates:
            anchor = day_dates[-1].date.earliest
    events += [_linked_whole(e, index) for e in _shaped_list_events(article, spans, steps_at)]
    # [news-ru] A Russian body that tells only history ("Напомним, ранее Казахстан также исключил ...") leaves the
    # headline's step as the news too.
    if not any(e.organisation for e in events) or (
        russian.is_russian(text) and not any(e.organisation and e.primary for e in events)
    ):
        # The body only refers back to the step ("Решение принял российский Верховный суд."): the headline
        # that names it is the report.
        for h_start, h_end, h_mentions in headlines:
            headline = text[h_start:h_end]
            if not lexicon.has_anchor(headline.lower(), lexicon.ALL_ANCHORS) or lexicon.FUTURE_ACT.search(
                headline
            ):
                continue
            found = _sentence_events(
                article, headline, h_mentions, find_dates(headline, reference), [], salience, None, None,
                article_jurisdictions, suspension_context, 1, extremist_lists=extremist_lists,
            )  # fmt: skip
            events.extend(e for e in found if e.organisation and e.action in lexicon.STATUS_ACTIONS)
    full_names = abbreviations(text)
    if full_names:
        # "ISIS-DRC" and "PFI" are the groups the article named in full once: one event each, under the full name.
        # A piece of a full name cut at its "and" ("Islamic State of Iraq" | "Syria - Mozambique") is that name too.
        events = [
            replace(e, organisation=_full_name(e.organisation, full_names)) if e.entity_id is None else e
            for e in events
        ]
    # "АКР" beside "Антивоенный комитет России": the acronym of a name given in full for the same step (same state,
    # action and news or background) is that group.
    steps: dict[tuple[str | None, str, bool], list[str]] = {}
    for e in events:
        if e.organisation and not e.entity_id:
            steps.setdefault((e.jurisdiction, e.action, e.primary), []).append(e.organisation)
    spelled = {step: orgchoice.acronym_expansions(names) for step, names in steps.items()}
    events = [
        replace(e, organisation=spelled[(e.jurisdiction, e.action, e.primary)][e.organisation])
        if not e.entity_id and e.organisation in spelled.get((e.jurisdiction, e.action, e.primary), {})
        else e
        for e in events
    ]
    if not extremist_lists and lexicon.EXTREMIST_LIST.search(text) and not lexicon.TERRORISM.search(text):
        # An article about an extremist list only: its bans are not terrorist designations.
        events = [e for e in events if e.action not in _LISTING_STEPS]
    lead = [text[a:b] for a, b in spans[: russian.LEAD_SENTENCES]]
    if russian.crime_news(lead):
        # [news-ru] A Russian report of a conviction or an arrest: an undated ban it recalls after its lead
        # ("Организация признана террористической") is the group's status, not news; a dated one is history.
        events = [
            e
            for e in events
            if e.action not in _LISTING_STEPS or e.effective_date is not None or e.evidence_quote in lead
        ]
    events = [  # [news-ru] Russian names the registry knows
        replace(event, organisation=name, entity_id=entity_id)
        for event in events
        for name, entity_id in [russian.link_cyrillic(event.organisation, event.entity_id, index)]
    ]
    # [news-ru] "В список добавили «А» и «Б»": a list entry that names no terrorist list stands only after one named.
    events = [
        e
        for e in events
        if not russian.unframed_list_entry(e.evidence_quote)
        or russian.terror_list_before(text, max(0, text.find(e.evidence_quote)))
    ]
    events = _rulings_in_relative_clauses(events, reference, article.published)
    events = _granted_on_hearing_day(events, text, spans, reference, article.published)
    events = _pending_claims(events, article.published)
    # "the People’s Mujahedin of Iran (PMOI)" then "PMOI": a linked acronym is reported as the article spells it out.
    events = [
        replace(e, organisation=orgchoice.spelled_out(e.organisation, text) or e.organisation)
        if e.entity_id and e.organisation
        else e
        for e in events
    ]
    # "des Islamischen Staates" is reported as the article's own base form, "Islamischer Staat".
    translated_forms = {
        entity_id: foreign_names.base_forms([m.text for m in all_mentions if m.entity_id == entity_id], fold)
        for entity_id in {e.entity_id for e in events if e.entity_id}
    }
    events = [
        replace(e, organisation=translated_forms[e.entity_id].get(e.organisation, e.organisation))
        if e.entity_id and e.organisation
        else e
        for e in events
    ]
    events = _earlier_procedure(events)
    shortened = russian.short_names_in_full([e.organisation for e in events if e.entity_id is None])
    if shortened:  # [news-ru] "«Съезда»" for "«Съезд народных депутатов»" named before or after
        events = [
            replace(e, organisation=shortened[e.organisation])
            if e.entity_id is None and e.organisation in shortened
            else e
            for e in events
        ]
    # news-precision: status asides, list contents, requests and gerund subjects report no decision.
    events = not_a_decision.merge_inflected_names(not_a_decision.keep_events(events), text)
    events = not_a_decision.drop_list_names(events)  # [news-dev12] "the Al Qaida sanctions regime"
    events = not_a_decision.drop_legislative_motions(events, text)  # [news-dev12] "La moción fue aprobada"
    events = not_a_decision.drop_counted_unnamed_objects(events)  # [news-dev12] "designated only one entity"
    events = not_a_decision.split_glued_lines(events)  # [news-dev12] "Cártel de Sinaloa\n- Cártel de Jalisco"
    # [news-dev12] "Commander General of the military wing of Hamas": a leader's group is no listed group.
    events = not_a_decision.drop_affiliations(events)
    return _merge(events)


def _granted_on_hearing_day(
    events: list[NewsEvent], text: str, spans: list[tuple[int, int]], reference: dt.date, published: dt.date
) -> list[NewsEvent]:
    """[news-ru] An undated ruling that grants a claim ("Исковые требования ... удовлетворены, деятельность легиона
    признана террористической") is dated by the day the article said the court heard it ("16 марта 2023 года Верховный
    Суд РФ рассмотрел административное исковое заявление ...")."""
    heard: tuple[int, DateMention] | None = None
    for start, end in spans:
        sentence = text[start:end]
        if russian.court_considered(sentence):
            days = [
                d
                for d in find_dates(sentence, reference)
                if d.precision == "day" and d.date.earliest <= published
            ]
            if days:
                heard = (start, days[0])
                break
    if heard is None:
        return events
    recent = heard[1].date.latest >= published - dt.timedelta(days=PRIMARY_WINDOW_DAYS)
    return [
        replace(
            e, effective_date=str(heard[1].date), date_precision="day", date_basis=heard[1].basis,
            primary=e.primary or recent,
        )
        if e.effective_date is None
        and e.action in lexicon.STATUS_ACTIONS
        and russian.claim_granted(e.evidence_quote)
        and text.find(e.evidence_quote) > heard[0]
        else e
        for e in events
    ]  # fmt: skip


def _rulings_in_relative_clauses(
    events: list[NewsEvent], reference: dt.date, published: dt.date
) -> list[NewsEvent]:
    """[news-ru] A list entry whose groups carry the rulings behind them in relative clauses ("добавлена организация
    «Чистопольский джамаат», которая была признана террористической ... судом в 2017 году"; see
    :func:`russian.relative_ruling`): the entry is undated news, each ruling a background step dated by its own clause."""
    result: list[NewsEvent] = []
    for event in events:
        quote = event.evidence_quote
        if event.effective_date is None or not event.organisation or not russian.list_addition(quote):
            result.append(event)
            continue
        clause = russian.relative_ruling(quote, event.organisation)
        day = None
        if clause is not None:
            day = next(
                (
                    d
                    for d in find_dates(quote[clause[0] : clause[1]], reference)
                    if d.date.earliest <= published
                ),
                None,
            )
        # The entry's own date, if the sentence gives one outside the clauses, stays.
        clause_dates = {
            str(d.date) for a, b in russian.relative_rulings(quote) for d in find_dates(quote[a:b], reference)
        }
        if day is None or event.effective_date not in clause_dates:
            result.append(event)
            continue
        result.append(
            replace(
                event, effective_date=None, date_precision="day", date_basis="publication", primary=True,
                announced_date=event.announced_date or published.isoformat(),
            )
        )  # fmt: skip
        result.append(
            replace(
                event, effective_date=str(day.date), date_precision=day.precision, date_basis=day.basis,
                primary=False, announced_date=None,
            )
        )  # fmt: skip
    return result


def _earlier_procedure(events: list[NewsEvent]) -> list[NewsEvent]:
    """A claim filed against a group whose ruling the article reports as its news is the step before the news
    (background), however recent: "Это решение ... стало результатом иска Генпрокуратуры, поданного 31 марта"."""
    ruled = {
        (e.jurisdiction, e.entity_id or (e.organisation or "").casefold())
        for e in events
        if e.primary and e.action in lexicon.STATUS_ACTIONS
    }
    return [
        replace(e, primary=False, announced_date=None)  # background: when it was made known is not the news
        if e.action == "petition_filed"
        and e.primary
        and (e.jurisdiction, e.entity_id or (e.organisation or "").casefold()) in ruled
        else e
        for e in events
    ]


def _pending_claims(events: list[NewsEvent], published: dt.date) -> list[NewsEvent]:
    """[news-ru] A hearing that names no group is set for every group of the claim reported just before it
    (a Prosecutor General's claim against three groups, then "the hearing is planned for the second half of
    January"), and an undated claim with a hearing ahead is the article's news."""
    result: list[NewsEvent] = []
    for position, event in enumerate(events):
        if event.action != "hearing_scheduled" or not russian.is_russian(event.evidence_quote):
            result.append(event)
            continue
        claims = [
            e
            for e in events[:position]
            if e.action == "petition_filed" and e.jurisdiction == event.jurisdiction and e.organisation
        ]
        last_claim = [e for e in claims if e.evidence_quote == claims[-1].evidence_quote] if claims else []
        named_here = bool(event.organisation) and (event.organisation or "") in event.evidence_quote
        if (
            len(last_claim) > 1
            and not named_here
            and event.organisation in {e.organisation for e in last_claim}
        ):
            result.extend(
                replace(event, organisation=e.organisation, entity_id=e.entity_id) for e in last_claim
            )
        else:
            result.append(event)
    # "Верховный суд рассмотрит 8 декабря иск Генпрокуратуры о признании ...": a day ahead is the hearing's, never
    # when the claim was filed.
    result = [
        replace(e, effective_date=None, date_precision="day", date_basis="publication", primary=True)
        if e.action == "petition_filed"
        and e.effective_date is not None
        and e.effective_date[:10] > published.isoformat()
        and russian.is_russian(e.evidence_quote)
        else e
        for e in result
    ]
    heard = {
        (e.jurisdiction, e.organisation) for e in result if e.action == "hearing_scheduled" and e.primary
    }
    return [
        replace(e, primary=True, announced_date=e.announced_date or published.isoformat())
        if e.action == "petition_filed"
        and e.effective_date is None
        and (e.jurisdiction, e.organisation) in heard
        else e
        for e in result
    ]


_COORDINATION_GAP = re.compile(r"[\s\"«»„“”]*(?:,|\band\b|\bи\b)[\s\"«»„“”]*$", re.I)


def _outside_list_scope(sentence: str, orgs: list[_Org]) -> list[_Org]:
    """The groups that are not the scope a sanctions list is "against" ("из списка санкций против группировок
    Исламское государство и Аль-Каида"), with those coordinated after one in the scope."""
    kept: list[_Org] = []
    scope_end = -1
    for org in sorted(orgs, key=lambda o: o.start):
        if lexicon.LIST_SCOPE_BEFORE.search(sentence[max(0, org.start - 90) : org.start]) or (
            0 <= scope_end <= org.start and _COORDINATION_GAP.match(sentence[scope_end : org.start])
        ):
            scope_end = org.start + len(org.text)
            continue
        kept.append(org)
    return kept if len(kept) < len(orgs) else orgs


def _full_name(name: str | None, full_names: dict[str, str]) -> str | None:
    if name is None:
        return None
    if name in full_names:
        return full_names[name]
    if len(name.split()) >= 2:
        return next((full for full in full_names.values() if name in full), name)
    return name


def _named_group(sentence: str) -> _Org | None:
    """The group a sentence names with a group noun or an acronym ("banned far-right group National
    Action", "National Action (NA)"): what "It was banned in December 2016" later refers to."""
    found = lexicon.ORG_NOUN.search(sentence)
    if found is not None and not lexicon.NOT_ORGS.match(found.group("name")):
        return _Org(found.group("name"), None, 0)
    # news-jur: an office named with its acronym ("The National Counter Terrorism Authority (Nacta)") acts; it is no group.
    acronym = next((a for a in acronym_names(sentence) if not _is_jurisdiction_name(a.text)), None)
    if acronym is not None:
        return _Org(acronym.text, None, 0)
    for name in quoted_names(sentence):
        # Only a quoted name a group noun introduces ("Участниками Легиона «Свобода России»"): other
        # quoted names are news agencies, titles, slogans.
        if lexicon.GROUP_NOUN_BEFORE.search(sentence[max(0, name.start - 30) : name.start]):
            return _Org(name.text, None, 0)
    return None


def _not_the_entity(text: str, mention: EntityMention) -> bool:
    """A registry name that names something else here: a description of another group ("Islamic State
    (IS)-affiliated groups", "affiliates of the Islamic State") or the start of a longer name ("Islamic
    State West Africa Province", "Islamic State - Bangladesh", "Islamic State in the Greater Sahara")."""
    if lexicon.DESCRIPTIVE_AFTER.match(text, mention.end):
        return True
    if russian.inside_longer_quoted_name(text, mention.start, mention.end):
        return True  # [news-ru] "Путеводитель в исламское государство" is another group
    if text[mention.end : mention.end + 1] == "-" and text[mention.end + 1 : mention.end + 2].isalnum():
        return (
            True  # "ISIS-DRC", "IS-Somalia", "Taliban-led": a compound that names or describes something else
        )
    if lexicon.DESCRIPTIVE_BEFORE.search(text[max(0, mention.start - 30) : mention.start]):
        return True
    longer = _LONGER_NAME.match(text, mention.end)
    return longer is not None and not _NOT_NAME_WORD.fullmatch(longer.group("word"))


# After a registry name, a capitalised word that continues it into another organisation's name.
_LONGER_NAME = re.compile(
    r"(?:[ \t]+(?:of|in)[ \t]+the[ \t]+|[ \t]+of[ \t]+|[ \t]*[-–][ \t]*|[ \t]+)(?P<word>[A-Z][\w'’]+)"
)
_NOT_NAME_WORD = re.compile(
    r"Government|Secretary|Minister|Leader|Leaders|Spokesman|Spokesperson|Chief|Commander|Fighters|Militants|Members"
    r"|Supporters|The|In|On|At|And|Or|But|As|For|From|With|By|To|Is|Was|Said|Says|Monday|Tuesday|Wednesday|Thursday"
    r"|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December"
    r"|[A-Z]{1,3}"
)


# The listing-action anchors of a sentence, found in one scan (see news.gates.AnchorSets).
_ACTION_ANCHOR_SETS = gates.AnchorSets(lexicon.ACTION_ANCHORS, shared=True)
_ACTION_FAMILY = gates.PatternFamily(pattern for _, pattern in lexicon.ACTION_PATTERNS)


def _sentence_events(
    article: Article,
    sentence: str,
    mentions: list[EntityMention],
    dates: list[DateMention],
    juris: list[jurisdictions.Mention],
    salience: Counter[str],
    context_org: _Org | None,
    context_jurisdiction: str | None,
    article_jurisdictions: Counter[str],
    suspension_context: bool,
    body_index: int,
    following: list[str] | None = None,
    register_date: DateMention | None = None,
    upon_publication: bool = False,
    extremist_lists: bool = False,
) -> list[NewsEvent]:
    found: list[NewsEvent] = []
    claimed: list[tuple[int, int]] = []
    # The sentence's unlinked names (_unknown_orgs), read when a match first needs them.
    unlinked: list[_Org] | None = None
    tests = gates.tests_for(sentence)  # memoised pattern tests (see news.gates.SentenceTests)
    lowered = tests.lowered
    anchored = _ACTION_ANCHOR_SETS.present(lowered)
    gated = tests.gated
    # Each pattern without the alternatives whose literals are absent (None: none is left, it cannot match),
    # all found in one scan: the same matches, found faster (exact, see news.gates.PatternFamily).
    scanned = _ACTION_FAMILY.scan(lowered, gated)
    for pattern_number, (action, _) in enumerate(lexicon.ACTION_PATTERNS):
        if action not in anchored:
            continue
        runnable = _ACTION_FAMILY.runnable(pattern_number, scanned)
        if runnable is None:
            continue
        # Every occurrence not already taken by another action: in "removed its designation of X, but
        # designated Y" the second "designat" is the designation; "proscribed X ... and banned Y" are two.
        for number, match in enumerate(list(runnable.finditer(sentence))[:_MAX_MATCHES_PER_ACTION]):
            if any(match.start() < e and s < match.end() for s, e in claimed):
                continue
            # A further verb of the same kind must be one: not a title ("Specially Designated Global
            # Terrorists") nor an attribute ("an alias of proscribed organisation Al-Qa'ida").
            if number and match.group(0)[:1].isupper():
                continue
            # "the list of proscribed organisations", "banned groups": an attribute, not a step.
            attribute = (
                _ATTRIBUTIVE.match(sentence, match.end()) if _PARTICIPLE.fullmatch(match.group(0)) else None
            )
            if attribute is not None and not _IDENTIFIED.match(sentence, attribute.end()):
                continue
            if action == "designated" and _ENDS_WITH_AS.search(match.group(0)) is None:
                # "FARC today is designated as a political party": a category that is no list of terrorists.
                category = lexicon.LISTING_CATEGORY.match(sentence, match.end())
                if category is not None and not lexicon.TERROR_CATEGORY.search(category.group("category")):
                    continue
            if action not in ("review_due", "hearing_scheduled") and _hedged(
                sentence, match.start(), match.end(), action.startswith("proposed_")
            ):
                continue
            if action == "petition_filed" and tests.search(lexicon.PETITION_GRANTED):
                continue
            if action == "bill_passed" and any(e.action == "bill_passed_first_reading" for e in found):
                continue
            # "asked the court to suspend the ban": the suspension is what was asked for, not what happened.
            if (
                action in lexicon.STATUS_ACTIONS
                and any(e.action in _REQUESTS for e in found)
                and claimed
                and min(start for start, _ in claimed) < match.start()
            ):
                continue
            if action in lexicon.STATUS_ACTIONS and lexicon.LEGISLATION.search(
                sentence[max(0, match.start() - 70) : match.start()]
            ):
                continue
            # "It is already proscribed under two other names", "remains listed", "по-прежнему считается
            # террористической": a standing status, not a step taken.
            if action in lexicon.STATUS_ACTIONS and (
                tests.search(lexicon.STANDING_STATUS)
                or lexicon.GERUND_SUBJECT.match(sentence)
                or orgchoice.gerund_subject(sentence)  # '“Proscribing this terrorist group will ensure ...'
            ):
                continue
            # "large-scale terror attacks organized in Turkey in 2016 were listed": things, not a group.
            if action in lexicon.STATUS_ACTIONS and orgchoice.passive_of_a_thing(
                sentence, match.start(), match.group(0)
            ):
                continue
            # "the PKK – listed as a terrorist organisation by Türkiye, the US and the EU – has been": a status aside.
            if action in lexicon.STATUS_ACTIONS and orgchoice.english_status_aside(
                sentence, match.start(), match.group(0)
            ):
                continue
            # [news-ru] "«Талибан» (признан террористическим и запрещен в РФ)": a status aside, not a step.
            if action in lexicon.STATUS_ACTIONS and russian.in_status_aside(sentence, match.start()):
                continue
            # [news-ru] Rosfinmonitoring's list of terrorists and extremists freezes assets: no designation.
            if action in _LISTING_STEPS and russian.financial_list_step(sentence, match.start(), match.end()):
                continue
            if (
                action in _LISTING_STEPS
                and tests.search(lexicon.EXTREMIST_LIST)
                and not tests.search(lexicon.TERRORISM)
                and (not extremist_lists or tests.search(lexicon.MATERIALS))
            ):
                continue
            if (
                action in lexicon.STATUS_ACTIONS
                and not _ENDS_WITH_AS.search(match.group(0))
                and lexicon.GENERIC_OBJECT.match(sentence, match.end())
            ):
                continue
            claimed.append(match.span())
            at = match.start()
            # news-dev8: a state that asked for the step ("tras la solicitud hecha ... por Estados Unidos") is no actor.
            requests = (
                [m.span() for m in lexicon.REQUEST_BY.finditer(sentence)] if tests.search(_REQUEST) else []
            )
            jurisdiction = _nearest_jurisdiction(juris, at, sentence, requests or None)
            explicit_jurisdiction = jurisdiction is not None
            if jurisdiction is None and action in ("proposed_designation", "proposed_delisting"):
                # news-verbs: the story's state first ("Les États-Unis vont retirer ..." then "X sera également enlevée
                # de cette liste"); an order laid with no state named is the UK's.
                jurisdiction = context_jurisdiction or "GB"
            if jurisdiction is None:
                jurisdiction = context_jurisdiction or (
                    article_jurisdictions.most_common(1)[0][0] if article_jurisdictions else None
                )
            if jurisdiction is None and (tests.search(lexicon.RU_BODIES) or russian.is_russian(sentence)):
                jurisdiction = "RU"
            # Since Russia's law of December 2024 its courts *suspend* bans; a reported removal there is one.
            if (
                action == "delisted"
                and jurisdiction == "RU"
                and (suspension_context or article.published >= RU_SUSPENSION_LAW)
            ):
                action = "suspended"
            if (
                action == "delisted"
                and jurisdiction is not None
                and jurisdiction not in _COURTS_LIST
                and lexicon.COURT_SUBJECT.search(sentence[max(0, at - _COURT_REACH) : at])
            ) or (
                action == "delisted" and jurisdiction == "EU" and _COURT.search(sentence, max(0, at - 80), at)
            ):
                # news-dev8: a court that takes a group off another body's list annuls the listing ("Суд ЕС
                # постановил исключить ... ХАМАС из списка", "трибунал исключил ХАМАС"); where courts keep the
                # list themselves (Russia, Kazakhstan ...), their removal is the delisting. news-dev11: the EU's
                # courts cannot delist, they annul the Council's act ("the EU court removed Hamas from the list").
                action = "annulled"
            orgs = _entity_orgs(mentions, sentence, at, salience)
            if unlinked is None:  # the same for every match of the sentence: read once
                unlinked = [
                    o for o in _unknown_orgs(sentence)
                    if not any(m.start <= o.start < m.end or o.text.casefold() in m.text.casefold() for m in mentions)
                ]  # fmt: skip
            unknown = sorted(unlinked, key=lambda o: abs(o.start - at))  # the nearest to this match first
            if orgs:
                # An unlinked name right beside the linked one ("Hamas und das Netzwerk Samidoun") is a co-subject.
                orgs += [
                    o
                    for o in unknown
                    if lexicon.ORG_NOUN.search(sentence[max(0, o.start - 40) : o.start + len(o.text)])
                ]
            else:
                orgs = unknown[:MAX_UNLINKED]
            # After "listed as"/"designated as" comes the category ("as an alias of ..."), not the listed group.
            listed = (
                []
                if _ENDS_WITH_AS.search(match.group(0))
                else _listed_orgs(sentence, match.end(), mentions, match.start())
            )
            # news-jur: the objects of a Spanish or French verb ("a inscrit les groupes A et B sur la liste").
            # Taken when it reads more names than the capitalised-name reader (orgnames), which stops at a name
            # that starts lower-case ("Jabhat al Nusra et el-Mouakine bi dima"); a country is no group here either.
            romance = [
                n
                # The verb is the match's last word ("a inscrit", "fueron designadas").
                for n in romance_names.romance_objects(
                    sentence, match.start() + match.group(0).rstrip().rfind(" ") + 1, match.end()
                )
                if not (_is_jurisdiction_name(n.text) or lexicon.COUNTRY_OBJECT.fullmatch(n.text))
            ]
            # news-dev8: descriptions dropped, a name's capitalised article kept ("a Los Choneros y Los Lobos, dos de las
            # principales bandas criminales de Ecuador, como ...").
            romance_found = [
                found
                for found in (orgchoice.romance_name(sentence, n.start, n.text) for n in romance)
                if found is not None
            ]
            if len(romance_found) > len(listed) or (
                romance_found and len(romance_found) == len(listed) and len(romance_found) < len(romance)
            ):
                listed = _dedupe([_as_org(found, mentions) for found in romance_found])
            # news-verbs: the subject a French or Spanish passive opens with ("Le Conseil de la choura ... sera
            # également enlevée de cette liste").
            subject = None if listed else romance_names.romance_subject(sentence, at)
            if subject is not None and not _is_jurisdiction_name(subject.text):
                listed = [
                    _as_org(
                        FoundName(subject.start, subject.start + len(subject.text), subject.text), mentions
                    )
                ]
            if not listed and following and enumerations.ends_with_colon(sentence):
                listed = _bulleted_names(following)
            elif listed and following and enumerations.continues_list(following[0]):
                listed = _dedupe([*listed, *_bulleted_names(following[1:])])
            # [news-ru] A Russian enumeration after the verb ("ФБК, Фонд защиты прав граждан и движение «Штабы ...»").
            ru_listed = [_as_org(n, mentions) for n in russian.listed_names(sentence, match.end())]
            listed = _dedupe(ru_listed) if ru_listed and len(ru_listed) >= len(listed) else listed
            listed = [o for o in listed if not russian.is_body(o.text)]
            # "y a dos disidencias de las antiguas FARC, que son el A (EMC) y la B": a counted object's members; the
            # name inside the counted phrase ("FARC") describes them.
            members = enumerations.counted_relative_lists(sentence, match.end())
            if members:
                counted_spans = [span for span, _ in members]
                outside_counted = [o for o in listed if not any(a <= o.start < b for a, b in counted_spans)]
                member_orgs = [_as_org(n, mentions) for _, names in members for n in names]
                listed = _dedupe([*outside_counted, *member_orgs])
                orgs = [o for o in orgs if not any(a <= o.start < b for a, b in counted_spans)]
            if listed:
                # The names enumerated after the verb are the objects; linked names elsewhere in the sentence
                # (subjects, asides) are kept only when they were coordinated with the nearest one.
                orgs = _dedupe(
                    [*listed, *(o for o in orgs if o.entity_id and o.start > at and not _covered(o, listed))]
                )
            # news-dev11: "Hamas and the violent extremist groups listed today are ...": a participle after a plural
            # group noun says which groups were listed; a name before that noun is none of them.
            if _GROUPS_PARTICIPLE.search(sentence, max(0, at - 20), match.end()) and not any(
                o.start > at for o in orgs
            ):
                continue
            branches = _branch_orgs(sentence, match.end(), context_org)
            if branches:
                orgs = branches
            from_context = False
            # "... and designate two breakaway groups": the object is counted, its names come next.
            counted = lexicon.FORWARD_COUNT.match(
                sentence, match.end() + (len(sentence[match.end() :]) - len(sentence[match.end() :].lstrip()))
            )
            if counted is not None and not listed:
                # [news-dev12] "a désigné trois groupes affiliés à Daech (A ou AA, B et C)": the names in brackets.
                listed = [
                    _as_org(n, mentions) for n in enumerations.counted_parenthesis(sentence, counted.start())
                ]
                orgs = listed or orgs
            if (
                counted is not None
                and action in ("designated", "proposed_designation")
                and len(listed) < _count(counted.group(0))
            ):
                # The names the count announces, unless the sentence lists them itself ("four groups: A, B, C and D").
                orgs = _dedupe(
                    [*listed, *_names_ahead(following or [], _count(counted.group(0)) - len(listed), listed)]
                )
            if not orgs and following and tests.search(lexicon.FORWARD_COUNT):
                # "Britain added four organisations to its list" — the names follow in the next sentences.
                orgs = _names_ahead(following, _count(sentence))
                # [news-dev12] "Les groupes sont A, B, C et D": a list sentence in another language than the cues'.
                orgs = orgs or [_Org(n.text, None, 0) for n in enumerations.listed_members(following)]
            if not orgs and following and enumerations.plural_object(sentence, match.end()):
                # [news-dev12] "extended the ban on several Meitei extremist organisations ... These organisations
                # include A, B, C": the members the next sentence lists.
                orgs = [_Org(n.text, None, 0) for n in enumerations.listed_members(following)]
            uncounted = lexicon.UNCOUNTED_OBJECT.search(sentence, match.end())
            if not orgs and following and uncounted is not None:
                # news-dev8 (when no list sentence follows): "внес в ... список ряд ... формирований", "has listed several groups": the names follow.
                orgs = _names_ahead(following, 1)
            if not orgs and (
                counted is not None or uncounted is not None or tests.search(lexicon.FORWARD_COUNT)
            ):
                continue  # "has removed five extremist groups": those groups, unnamed here, not the article's last group
            if not listed and enumerations.refers_to_list(sentence, match.start()):
                continue  # "the organisations listed below were designated": the list is elsewhere, not "TSA" beside it
            if not orgs and _PRONOUN_OBJECT.match(sentence, match.end()):
                # "A ban against Palestine Action has come into force, designating it as a terror group": the pronoun
                # is the group named before it in the sentence (not a country, not a sentence's first word).
                named = last_name_before(sentence, at)
                if (
                    named is not None
                    and not _is_jurisdiction_name(named.text)
                    and not lexicon.NOT_ORGS.match(named.text)
                ):
                    orgs = [_as_org(named, mentions)]
            if not orgs and action == "delisted":
                # "removed notorious Afghan warlord Gulbuddin Hekmatyar from its list": the name before "from".
                removed = orgchoice.removed_object(match.group(0))
                if removed is not None and not (
                    _is_jurisdiction_name(removed.text)
                    or lexicon.NOT_ORGS.match(removed.text)
                    or lexicon.COUNTRY_OBJECT.search(removed.text)
                ):
                    orgs = [_Org(removed.text, None, match.start() + removed.start)]
            if orgchoice.PERSON_PRONOUN.match(sentence, match.end()) or (
                action == "delisted" and orgchoice.removes_a_persons_name(match.group(0))
            ):
                # "designated him a terrorist", "removed the Hezb-e-Islami leader's name": a person, the one the
                # article is about, not a group it names.
                person = orgchoice.article_person(article.text)
                if person is None:
                    continue
                orgs, from_context = [_Org(person, None, match.end())], True
            # news-dev11: groups a list is "against" name the list, not what is added to or removed from it.
            orgs = _outside_list_scope(sentence, orgs)
            if not orgs:
                orgs = [_as_org(n, mentions) for n in _identified_after_clause(sentence, at, match.end())]
            if not orgs:
                if tests.search(lexicon.COUNTRY_OBJECT) and _country_as_object(sentence):
                    continue
                if lexicon.GENERIC_SUBJECT.search(sentence[max(0, at - 40) : at]):
                    continue
                # news-verbs: a passive's subject across a long relative clause ("X, which ..., was declared banned").
                lead = subjects.passive_subject(sentence, at, match.group(0))
                # news-grammar: or the name right before the auxiliary, past an opening clause or a German "hat".
                lead = lead or subjects.left_subject(sentence, at)
                if lead is not None and not _is_jurisdiction_name(lead.text):
                    orgs = [_as_org(FoundName(lead.start, lead.start + len(lead.text), lead.text), mentions)]
                elif context_org is not None:
                    orgs, from_context = [context_org], True
            # news-jur: a country word inside the organisation acted on ("Australian Tamil Congress") does not act.
            org_spans = [
                (o.start, o.start + len(o.text))
                for o in orgs
                if o.text and sentence.startswith(o.text, o.start)
            ]
            described_items = enumerations.semicolon_list_span(sentence, match.end())
            if described_items is not None:
                # "...; and C, a Basque group that operated in Spain and France": no state in an item's description acts.
                org_spans.append(described_items)
            if explicit_jurisdiction and any(s <= m.start < e for m in juris for s, e in org_spans):
                jurisdiction = (
                    _nearest_jurisdiction(juris, at, sentence, org_spans)
                    or context_jurisdiction
                    or (article_jurisdictions.most_common(1)[0][0] if article_jurisdictions else None)
                )
            effective, announced = _split_dates(sentence, dates, at, action in lexicon.STATUS_ACTIONS)
            if (
                action == "petition_filed"
                and effective is not None
                and effective.date.earliest > article.published
            ):
                # "Die am 17. April erwartete Entscheidung folgt einem Antrag": a claim reported has been filed; a
                # later day in its sentence is the hearing's or the ruling's.
                effective = None
            if (
                action.startswith("proposed_")
                and effective is not None
                and effective.basis == "relative"
                and announced is None
            ):
                # "Today, I am moving to approve the draft order": today is when it was proposed; when it
                # would take effect the sentence does not say.
                announced, effective = effective, None
            basis = effective.basis if effective else (announced.basis if announced else "publication")
            if effective is None and action in _IN_FORCE_ACTIONS and tests.search(lexicon.NOW_IN_FORCE):
                # "A ban against X has come into force": in force on the day the article reports it.
                effective, basis = (
                    DateMention(0, 0, "", PartialDate.parse(article.published), "day", "rule"),
                    "rule",
                )
            if effective is None and action in _IN_FORCE_ACTIONS and tests.search(lexicon.MIDNIGHT):
                # "X will be banned from midnight": the next day begins the ban; "came into force at midnight": today.
                ahead = 1 if tests.search(lexicon.FUTURE_ACT) else 0
                day = article.published + dt.timedelta(days=ahead)
                effective, basis = DateMention(0, 0, "", PartialDate.parse(day), "day", "rule"), "rule"
            if effective is None and tests.search(lexicon.IMMEDIATE_EFFECT):
                # "mit sofortiger Wirkung", "with immediate effect": in force the day it is announced.
                effective = announced or DateMention(
                    0, 0, "", PartialDate.parse(article.published), "day", "rule"
                )
                basis = "rule"
            if (
                effective is None
                and register_date is not None
                and jurisdiction == "US"
                and action in ("designated", "delisted")
            ):
                effective, basis = register_date, "rule"
            if (
                effective is not None
                and effective.basis == "relative"
                and upon_publication
                and action in ("designated", "delisted")
            ):
                # "Today ... designation ... FTO designations go into effect upon publication in the Federal
                # Register": today is when it was announced; the day it takes effect is not given.
                announced, effective, basis = effective, None, "rule"
            reference = effective or announced
            if reference is not None:
                # "Earlier this year" is history even in a December article; news is dated to the day or month.
                # A step told in the past perfect weeks before ("Am 2. November hatte Faeser ... verboten", "im März
                # hatte die Generalstaatsanwaltschaft ... gestellt") is what the news follows; yesterday's ("hatte das
                # Verbot am Mittwoch ... begründet") is still the news.
                primary = (
                    reference.precision in ("day", "month")
                    and reference.date.latest >= (article.published - dt.timedelta(days=PRIMARY_WINDOW_DAYS))
                    and not (
                        tests.search(_PAST_PERFECT)
                        and reference.date.latest < article.published - dt.timedelta(days=_DAYS_BEFORE_NEWS)
                    )
                )
            else:
                # Undated: the article's news when it opens the story, or when it is told in the present perfect
                # ("two dissident groups ... have been designated, he added").
                # So is an undated proposal ("The four other groups ... that also face being banned") and what the
                # article calls new ("The newly listed groups include ...").
                primary = (
                    body_index <= 3
                    or tests.search(_JUST_DONE)
                    or action.startswith("proposed_")
                    or tests.search(_NEWLY)
                ) and not tests.search(_EARLIER)
            if primary and _FOLLOWS_STEP.search(sentence, max(0, at - 60), at):
                # "The announcement comes a day after the United States designated Tren de Aragua": the step the
                # news follows is its context.
                primary = False
            if announced is not None:
                announced_date: str | None = str(announced.date)
            elif primary:
                announced_date = article.published.isoformat()
            else:
                announced_date = None
            precision: str
            if effective is not None:
                precision = effective.precision
            elif announced is not None:
                precision = announced.precision
            elif primary:
                precision = "day"
            else:
                precision = "unknown"
            # "The United Kingdom and Canada have already added the organisation to their lists": one step each.
            acting: list[str | None] = [jurisdiction]
            if explicit_jurisdiction:
                acting = list(jurisdictions.coordinated_actors(juris, at, sentence)) or acting
            # news-dev8: "declared a terrorist group in Britain, Canada and Australia": the states it is listed in.
            located = (
                _located_states(sentence, match.end(), juris) if action in lexicon.STATUS_ACTIONS else []
            )
            if located:
                acting = list(located)
            for org, state in itertools.product(orgs or [_Org("", None, 0)], acting):
                confidence = 0.4
                confidence += 0.2 if org.entity_id else (0.05 if from_context else 0.1)
                confidence += 0.15 if explicit_jurisdiction else 0.0
                confidence += 0.15 if reference is not None else 0.0
                confidence += 0.05 if primary else 0.0
                if tests.search(_HEARSAY):
                    confidence -= 0.1
                found.append(
                    NewsEvent(
                        file=article.name,
                        jurisdiction=state,
                        organisation=org.text or None,
                        entity_id=org.entity_id,
                        action=action,
                        effective_date=str(effective.date) if effective else None,
                        announced_date=announced_date,
                        date_precision=precision,
                        evidence_quote=sentence,
                        primary=primary,
                        confidence=round(min(max(confidence, 0.05), 0.99), 2),
                        date_basis=basis,
                    )
                )
    return found


MAX_UNLINKED = 12
# How far before a removal its subject, a court, is looked for.
_COURT_REACH = 60
_REQUEST = re.compile(r"solicitud|petici|pedido|demande|request|просьб|Antrag", re.I)
# States whose courts list and delist organisations themselves (on a prosecutor's claim).
_COURTS_LIST = frozenset({"RU", "KZ", "KG", "TJ", "UZ", "BY", "AZ", "TM"})
_NAMES_AHEAD_SENTENCES = 6
_JUST_DONE = re.compile(
    r"\b(?:has|have)\s+(?:\w+\s+){0,2}?(?:been\s+)?(?:designated|proscribed|listed|banned|outlawed|added|removed|delisted|revoked)\b",
    re.I,
)
_PRONOUN_OBJECT = re.compile(r"\s+(?:it|them)\b")
# "the Terrorism Act 2000", "Unlawful Activities (Prevention) Act, 1967", "Emergency Regulations No.01 2019",
# "Regulations No. 1 of 2019": the year of a law's or a numbered instrument's title.
_TITLE_YEAR = re.compile(
    r"(?:\b(?:Act|Order|Regulations?|Code|Resolution|Ordinance|Decree|Gesetz|Verordnung)|\bNo\.?\s*\d+)\s*,?\s*$"
)
_MAX_HEADLINES = 2
_MAX_MATCHES_PER_ACTION = 4
_ATTRIBUTIVE = re.compile(
    r"\s+(?:terror(?:ist)?\s+)?(?:organi[sz]ations?|groups?|entit(?:y|ies)|lists?)\b", re.I
)
# "The fourth proscribed group is the Baluchistan Liberation Army": the attribute introduces the name.
_IDENTIFIED = re.compile(r"\s+(?:is|are|was|were|include[sd]?)\b", re.I)
_GROUPS_PARTICIPLE = re.compile(
    r"\b(?:groups|organi[sz]ations|entities|outfits|associations)\s+(?:proscribed|banned|listed|designated|outlawed)$",
    re.I,
)
_PARTICIPLE = re.compile(r"(?:proscribed|banned|listed|designated|outlawed)", re.I)
_MAX_VARIANT_CHECKS = 50
_DIGIT = re.compile(r"\d")
_ENDS_WITH_AS = re.compile(r"\b(?:as|als|как)\s*$", re.I)
# "Two extremist groups - UK-based A and Nigeria-based B - are to be proscribed": names in a dashed aside.
_DASHED_ASIDE = re.compile(r"\s[-–—]\s(?=\S)")
_IN_FORCE_ACTIONS = frozenset({"designated", "delisted", "proposed_designation", "proposed_delisting"})
_LISTING_STEPS = lexicon.STATUS_ACTIONS | {"petition_filed", "proposed_designation", "proposed_delisting"}
_MAY_BE_UNNAMED = frozenset(
    {"law_signed", "bill_introduced", "bill_passed", "bill_passed_first_reading", "review_due"}
)


def _located_states(sentence: str, end: int, mentions: list[jurisdictions.Mention]) -> list[str]:
    """The states a step right before ``end`` holds in ("named a terrorist group in Canada", "declared a terrorist
    group in Britain, Canada and Australia"), in order; only states that keep lists of their own (a place where a
    group operates, "a terrorist group in Syria", is no actor)."""
    located = lexicon.IN_STATES.match(sentence, end)
    if located is None:
        return []
    codes: list[str] = []
    position = located.end()
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.start < position:
            continue
        if mention.start != position or not mention.legacy:
            break
        codes.append(mention.code)
        between = lexicon.STATES_BETWEEN.match(sentence, mention.end)
        if between is None:
            break
        position = between.end()
    return list(dict.fromkeys(codes))


def _covered(org: _Org, listed: list[_Org]) -> bool:
    return any(o.entity_id == org.entity_id or o.start <= org.start < o.start + len(o.text) for o in listed)


def _dedupe(orgs: list[_Org]) -> list[_Org]:
    kept: list[_Org] = []
    for org in orgs:
        if not any((org.entity_id and k.entity_id == org.entity_id) or k.text == org.text for k in kept):
            kept.append(org)
    return kept


def _as_org(name: FoundName, mentions: list[EntityMention]) -> _Org:
    """A listed name, linked when a registry name lies inside it ("Hayat Tahrir al-Sham (HTS)", "the Hamas
    movement"); a name that adds other words to the registry name ("Maute ISIS", "Grupo ISIS", "Islamic State in
    Iraq and Syria in South-East Asia") is another group."""
    for mention in mentions:
        if name.start <= mention.start < name.end or mention.start <= name.start < mention.end:
            extra = {w.stem for w in words(name.text)} - {w.stem for w in words(mention.text)}
            # (A phrase read as a name, "ampliación de su designación de las organizaciones Hezbollah", is the entity.)
            # [news-ru] Russian names keep their reading ("движение «Талибан»" is the Taliban).
            if extra <= _GROUP_WORD_STEMS or not name.text[:1].isupper() or russian.is_russian(name.text):
                return _Org(mention.text, mention.entity_id, mention.start)
    return _Org(name.text, None, name.start)


_LEADING_ARTICLE = frozenset(
    {"", "the", "la", "el", "le", "les", "los", "las", "die", "der", "das", "l'", "l’"}
)


# "The group that we now propose to add to the list ..., is the Atomwaffen Division": a group noun whose relative
# clause holds the step, then the name it is identified with.
_GROUP_CLAUSE_BEFORE = re.compile(
    r"\b[Tt]he\s+(?:\w+\s+)?(?P<noun>group|organi[sz]ation|entity|groups|organi[sz]ations|entities)\s+(?:that|which)\s+[^.,;]{0,40}$"
)
_IS_AFTER_CLAUSE = re.compile(r"[^.;]{0,160}?,?\s+(?:is|are)\s+(?=(?:the\s+)?[A-Z])")


def _identified_after_clause(sentence: str, at: int, end: int) -> list[FoundName]:
    """The names a step's relative clause is identified with ("The group that we propose to add ... is A"): the
    first one for a singular group noun, all for a plural one."""
    head = _GROUP_CLAUSE_BEFORE.search(sentence[max(0, at - 80) : at])
    if head is None:
        return []
    identified = _IS_AFTER_CLAUSE.match(sentence, end)
    if identified is None:
        return []
    names = [n for n in enumerated_names(sentence, identified.end()) if not _is_jurisdiction_name(n.text)]
    return names if head.group("noun").endswith("s") else names[:1]


# "designated Islamic State’s branch in Libya", "the Sunni militant group’s branches in Libya, Yemen and Saudi
# Arabia": each branch is a group of its own, named by its parent and its country ("Islamic State Libya").
_BRANCHES_AFTER = re.compile(
    r"\s+(?:the\s+)?(?P<parent>(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*|(?:[\w-]+\s+){0,3}?(?:group|organi[sz]ation|movement))"
    r"['’]s?\s+(?:branch|branches|affiliate|affiliates|province|provinces)\s+in\s+"
    r"(?P<places>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?:\s*,\s*[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)*(?:,?\s+and\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?)"
)


def _branch_orgs(sentence: str, end: int, context_org: _Org | None) -> list[_Org]:
    """The branches a step right after ``end`` acts on, one per country; a parent told by a description ("the
    Sunni militant group") is the group the article was about."""
    found = _BRANCHES_AFTER.match(sentence, end)
    if found is None:
        return []
    parent = found.group("parent")
    if re.search(r"(?:group|organi[sz]ation|movement)$", parent):
        if context_org is None or not context_org.text:
            return []
        parent = context_org.text
        words = parent.split()
        for size in (2, 1):
            if len(words) > size and _is_jurisdiction_name(" ".join(words[-size:])):
                parent = " ".join(words[:-size])  # the last branch named ("Islamic State Libya"): its parent
                break
    places = [p for p in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", found.group("places")) if p]
    if not all(_is_jurisdiction_name(p) for p in places):
        return []
    return [_Org(f"{parent} {place}", None, found.start("places")) for place in places]


_SHORTLY_AFTER = re.compile(r"\b(?:days?|weeks?|months?)\s+(?:after|later)\b", re.I)
_PLACE_BEFORE = re.compile(r"\b(?:in|into|inside|within|across|throughout|from|of)\s+(?:the\s+)?$", re.I)


def _country_as_object(sentence: str) -> bool:
    """Whether the sentence names a state that can itself be listed or delisted ("removed Cuba from the list of
    state sponsors"), other than as a place ("citing the humanitarian crisis in Yemen")."""
    return any(
        not _PLACE_BEFORE.search(sentence[max(0, m.start() - 20) : m.start()])
        for m in lexicon.COUNTRY_OBJECT.finditer(sentence)
    )


def _lapsed_designations(sentence: str, dates: list[DateMention], lapsed: list[NewsEvent]) -> list[NewsEvent]:
    """The designations whose lapse ``sentence`` reports, dated by "its 2022 designation" or "the designation
    ..., made ... on 10 February 2010": history (``primary`` false), one per organisation."""
    made = next(
        (
            d
            for d in dates
            if d.basis == "explicit"
            and (
                lexicon.DESIGNATION_AFTER_DATE.match(sentence, d.end)
                or lexicon.MADE_BEFORE_DATE.search(sentence[: d.start])
            )
        ),
        None,
    )
    if made is None:
        return []
    found: dict[str | None, NewsEvent] = {}
    for event in lapsed:
        found.setdefault(
            event.organisation,
            replace(
                event,
                action="designated",
                effective_date=str(made.date),
                announced_date=None,
                date_precision=made.precision,
                evidence_quote=sentence,
                primary=False,
                date_basis="explicit",
            ),
        )
    return list(found.values())


@functools.lru_cache(maxsize=4)
def _whole_text_mentions(text: str) -> tuple[jurisdictions.Mention, ...]:
    """Every state mention of the text, searched once per text however many counted lists it holds (a search of
    the text before each list made a crafted text with many of them quadratic)."""
    return tuple(jurisdictions.find_mentions(text))


def _counted_step(
    article: Article,
    text: str,
    spans: list[tuple[int, int]],
    number: int,
    steps_at: dict[int, list[NewsEvent]],
) -> NewsEvent | None:
    """The step a sentence that counts terrorist groups and gave no event tells for the list that follows it
    ("el Gobierno califica como “terroristas ...” a 22 organizaciones." "En la lista están A, B, ..."): the
    designation by the state named last before the list, on the day of the article; the count must match the
    list's length (checked by the caller)."""
    if number == 0 or steps_at.get(number - 1):
        return None
    before = text[slice(*spans[number - 1])]
    counted = _count(before)
    if counted < listshape.MIN_ITEMS or not _TERROR_WORD.search(before):
        return None
    # The list must have as many items as the sentence counts; checked here, before the costly search of the
    # whole text before the list for its states (done for every counting sentence, it made extraction quadratic).
    if len(listshape.list_items(text[slice(*spans[number])])) != counted:
        return None
    list_start = spans[number][0]
    mentions = [m for m in _whole_text_mentions(text) if m.end <= list_start]
    # As for the story's state: weak mentions ("la Policía de Ecuador") count when no other is made.
    states = [m for m in mentions if m.rank != jurisdictions.WEAK] or mentions
    if not states:
        return None
    return NewsEvent(
        file=article.name,
        jurisdiction=states[-1].code,
        organisation=_COUNTED_LIST,
        entity_id=None,
        action="designated",
        effective_date=None,
        announced_date=str(article.published),
        date_precision="day",
        evidence_quote=before,
        primary=True,
        confidence=0.5,
    )


def _shaped_list_events(
    article: Article, spans: list[tuple[int, int]], steps_at: dict[int, list[NewsEvent]]
) -> list[NewsEvent]:
    """Events for the items of a sentence that is only a list of names (:func:`listshape.list_items`), told
    right after a sentence that reports a listing step, or right before one that ends in a colon; each item
    takes that step's jurisdiction, action and date. Sentences that gave events of their own are left alone."""
    text = article.text
    found: list[NewsEvent] = []
    named = {e.organisation.lower() for events in steps_at.values() for e in events if e.organisation}
    for number, (start, end) in enumerate(spans):
        if steps_at.get(number):
            continue
        neighbours = [number - 1]
        if number + 1 < len(spans) and enumerations.ends_with_colon(text[slice(*spans[number + 1])]):
            neighbours.append(number + 1)
        step = next(
            (
                e
                for n in neighbours
                for e in steps_at.get(n, [])
                if e.primary and e.jurisdiction and e.action in lexicon.STATUS_ACTIONS
            ),
            None,
        )
        sentence = text[start:end]
        if step is None:
            step = _counted_step(article, text, spans, number, steps_at)
        if step is None:
            continue
        items = listshape.list_items(sentence)
        if step.organisation == _COUNTED_LIST and len(items) != _count(text[slice(*spans[number - 1])]):
            continue
        if any(item.lower() in named for item in items):
            continue  # another reader took the list already, from the sentence that announced it
        found += [replace(step, organisation=item, entity_id=None, evidence_quote=sentence) for item in items]
    return found


def _linked_whole(event: NewsEvent, index: NameIndex) -> NewsEvent:
    """An unlinked event whose organisation is, whole, a registry name ("La Segunda Marquetalia", "AL-Qaeda" read
    from a list line) is linked to that entity; a registry name inside a longer one ("Islamic State West Africa
    Province") is another group and stays unlinked."""
    name = event.organisation
    if event.entity_id or not name or orgchoice.common_word_alias(name):
        return event  # news-dev8: "The Base" read whole is the group the article names, not al-Qaida's translation
    found = index.find(name)
    if len(found) != 1:
        return event
    mention = found[0]
    if name[: mention.start].strip().lower() not in _LEADING_ARTICLE or name[mention.end :].strip(" .’'s"):
        return event
    return replace(event, entity_id=mention.entity_id)


def _listed_orgs(
    sentence: str, after: int, mentions: list[EntityMention], before: int | None = None
) -> list[_Org]:
    names = enumerated_names(sentence, after)
    # "designated the following groups as terrorists organizations: (1) A; (2) B; ...", "include four ... groups: A, B".
    announced = enumerations.list_after(sentence, after)
    if len(announced) > len(names):
        names = announced
    if not names:
        # news-dev8: "a inscrit 13 nouveaux groupes sur la liste ..., dont quatre groupes ... : A, B, C et D".
        names = enumerations.counted_list_within(sentence, after)
    if not names:
        # news-dev8: "a retiré cinq groupes de sa liste ..., dont le mouvement séparatiste basque dissout ETA et ...".
        names = enumerations.included_after_count(sentence, after)
    # "were Kahane Chai, a Jewish extremist group ...; the Palestinian jihadist group B; and C, or ETA, ...".
    delimited = enumerations.semicolon_list(sentence, after)
    if len(delimited) > len(names):
        names = delimited
    if not names:
        dashes = [m.end() for m in _DASHED_ASIDE.finditer(sentence, 0, after)]
        if len(dashes) >= 2:
            names = enumerated_names(sentence, dashes[-2], lead_in=False)
    if not names:
        # "newly designated by the United States as foreign terrorist organizations are A and B"
        cue = lexicon.NAMES_CUE.search(sentence, after, min(len(sentence), after + 120))
        if cue is not None and not lexicon.PEOPLE_BEFORE_CUE.search(
            sentence[max(0, cue.start() - 40) : cue.start()]
        ):
            names = enumerated_names(sentence, cue.end(), lead_in=False)
    if names:
        # "a Hamás y Hezbollah como organizaciones terroristas internacionales, y a ISIS y Al Qaeda como ...".
        names = [*names, *enumerations.continued_objects(sentence, names[-1].end)]
    if not names and before is not None:
        # "the A (AA), the B (BB), and the C (CC) organisations have been banned": the subjects of a passive step.
        names = enumerations.list_before(sentence, before)
    if not names and before is not None:
        # news-dev8: "Le groupe juif Kahane Chai, ..., ainsi que l'organisation ... C font partie des mouvements retirés".
        names = enumerations.members_before(sentence, before)
    if before is not None:
        # "two financial organizations-Iraq’s A and Syria’s B ... and two terror groups ... - the C and D - were added".
        counted = enumerations.counted_lists_before(sentence, before)
        names = [*counted, *(n for n in names if all(c.text != n.text for c in counted))]
    # "a retiré la Syrie de la liste des États ...": a country is no group; "the Iranian-backed, Lebanon-based
    # Shiite group" describes one.
    names = [
        n
        for n in names
        if not (_is_jurisdiction_name(n.text) or lexicon.COUNTRY_OBJECT.fullmatch(n.text))
        and not orgchoice.descriptive_name(n.text, sentence[n.end : n.end + 40])
    ]
    if len(names) == 1 and not names[0].text[:1].isalpha():
        return []
    return _dedupe([_as_org(n, mentions) for n in names])


def _bulleted_names(following: list[str]) -> list[_Org]:
    """ "Canada has also listed:" then "- three Al Qaida affiliates: A, B, and C" / "- D", or "1." / "United
    Thawheed (Thowheedh) Jamma'ath (UTJ)": the names of the list lines after a sentence ending in a colon."""
    return _dedupe([_Org(n.text, None, 0) for n in enumerations.list_lines(following)])


def _count(sentence: str) -> int:
    match = lexicon.FORWARD_COUNT.search(sentence)
    if match is None:
        return 0
    return enumerations.count_of(match.group(0))


def _names_ahead(following: list[str], count: int, known: list[_Org] | None = None) -> list[_Org]:
    """Names announced in the next sentences ("The two groups to be banned are A and B", "support for A
    and B", "six Mexico-based entities: A, B ...", "The groups are - A, B", "are, the three Al Qaida affiliates
    C, D and E", "The other are:" and bulleted lines), until as many as the sentence counted are found."""
    found: list[_Org] = []
    for number, sentence in enumerate(following[:_NAMES_AHEAD_SENTENCES]):
        for cue in lexicon.NAMES_CUE.finditer(sentence):
            if lexicon.PEOPLE_BEFORE_CUE.search(sentence[max(0, cue.start() - 40) : cue.start()]):
                continue
            names = enumerations.names_after_cue(sentence, cue.end())
            if names:
                found.extend(_Org(n.text, None, 0) for n in names)
                break
        else:
            counted = enumerations.counted_names(sentence)
            if counted:
                found.extend(_Org(n.text, None, 0) for n in counted)
            elif enumerations.ends_with_colon(sentence):
                found.extend(_Org(n.text, None, 0) for n in enumerations.list_lines(following[number + 1 :]))
            else:
                found.extend(_Org(n.text, None, 0) for n in quoted_names(sentence))
        # news-dev8: names the sentence listed already (read again from its bullet lines) are not the ones still due.
        new = [o for o in found if not any(o.text == k.text for k in known or [])]
        if new and len(new) >= count:
            break
    return _dedupe(found)


def _event_key(event: NewsEvent) -> tuple[str | None, str, str]:
    return (event.jurisdiction, event.entity_id or (event.organisation or "").casefold(), event.action)


def _merge(events: list[NewsEvent]) -> list[NewsEvent]:
    """One event per (jurisdiction, organisation, action): the first report, completed by later ones."""
    merged: dict[tuple[str | None, str, str], NewsEvent] = {}
    for event in events:
        key = _event_key(event)
        kept = merged.get(key)
        if kept is not None and (_two_steps(event, kept) or _two_steps(kept, event)):
            # [news-ru] The ruling told as background keeps its own date beside the undated news it led to.
            key = (*key[:2], key[2] + "\0background")
            kept = merged.get(key)
        if kept is None:
            merged[key] = event
            continue
        better_date = _PRECISION_RANK[event.date_precision] > _PRECISION_RANK[kept.date_precision] or (
            kept.effective_date is None and event.effective_date is not None
        )
        if better_date:
            kept = replace(
                kept,
                effective_date=event.effective_date,
                date_precision=event.date_precision,
                evidence_quote=event.evidence_quote,
            )
        if event.announced_date and (not kept.announced_date or (not kept.primary and event.primary)):
            kept = replace(kept, announced_date=event.announced_date)
        merged[key] = replace(
            kept, primary=kept.primary or event.primary, confidence=max(kept.confidence, event.confidence)
        )
    distinct = _merge_name_variants(list(merged.values()))
    # A listing step is always a step against someone: one whose organisation could not be read ("such an
    # organisation", "organisations have been so proscribed", "указанной организации") is not reported.
    # Laws and bills may be about no one group ("a law that allows bans to be suspended").
    return [e for e in distinct if e.organisation or e.action in _MAY_BE_UNNAMED]


def _background_of(event: NewsEvent, kept: NewsEvent) -> bool:
    """[news-ru] Whether ``event`` is a dated background step ("суд 14 декабря 2023 года признал ...") of an
    undated primary one already kept from a Russian sentence ("включен в перечень"): two steps, not one. A court's
    ruling told beside the FSB's list entry it led to is another step even undated ("Соответствующее решение принял
    2-й Западный окружной военный суд")."""
    if (
        kept.primary
        and not event.primary
        and russian.list_addition(kept.evidence_quote)
        and russian.court_ruling(event.evidence_quote)
    ):
        return True
    return (
        kept.primary
        and kept.effective_date is None
        and not event.primary
        and event.effective_date is not None
        and event.date_basis == "explicit"
        and russian.is_russian(event.evidence_quote)
        and russian.is_russian(kept.evidence_quote)
    )


# "Paraguay solo había clasificado como terroristas a las milicias armadas de Hamas", "had previously listed": a
# step told in the past perfect (or as earlier) happened before the article's news.
# Not an attribute ("the previously established ban") nor a relative clause about the group's past ("the movement,
# which had been included in the list").
_EARLIER = re.compile(
    r"(?<!\bthe\s)\b(?:previously|earlier)\b"
    r"|(?<!\bwhich\s)(?<!\bthat\s)(?<!\bwho\s)(?<!\bque\s)(?<!\bqui\s)(?<!\bdie\s)(?<!\bder\s)(?<!\bdas\s)"
    r"\b(?:had|hatte|hatten|había|habían|avait|avaient)\b|\b(?:ранее|прежде|до\s+этого)\b",
    re.I,
)


_NEWLY = re.compile(
    r"\bnewly\s+(?:listed|designated|banned|proscribed|added)\b|\bnew\s+(?:listings?|designations?)\b", re.I
)
# The verb of a step that the news comes after: "comes a day after the United States designated", "weeks after",
# "nachdem", "после того как" (not any "after": "After the attack Britain banned X" is the news).
_FOLLOWS_STEP = re.compile(
    r"(?:\b(?:comes?|came|coming)\s+(?:\w+\s+){0,3}?after|\b(?:days?|weeks?|months?)\s+after|\bnachdem|после\s+того\s+как"
    # a step in an "after" clause told with a pronoun is what an earlier event followed: "the EU was wrong to keep
    # the PMOI's assets frozen after it was taken off a British list"
    r"|\bafter\s+(?:it|they)\s+(?:was|were|had\s+been|had)"
    r"|después\s+de\s+que|après\s+que)\b[^,;.]{0,50}$",
    re.I,
)
# A day-after report tells its news in the past perfect too; a week before, it is context.
_DAYS_BEFORE_NEWS = 7
# "hatte ... verboten", "had designated", "había clasificado": a step before the one the article reports.
_PAST_PERFECT = re.compile(
    r"(?<!\bwhich\s)(?<!\bthat\s)(?<!\bwho\s)(?<!\bque\s)(?<!\bqui\s)(?<!\bdie\s)(?<!\bder\s)(?<!\bdas\s)"
    r"\b(?:had|hatte|hatten|había|habían|avait|avaient)\b",
    re.I,
)


def _two_steps(event: NewsEvent, kept: NewsEvent) -> bool:
    """Whether ``event`` is a step of its own beside ``kept`` (same group, state and action): a dated Russian
    background ruling beside undated news (:func:`_background_of`), or an undated earlier step (told in the past
    perfect) beside the dated news."""
    if older_step(event.effective_date, event.primary, kept.effective_date, kept.primary):
        return True
    return _background_of(event, kept) or (
        kept.primary
        and kept.effective_date is not None
        and not event.primary
        and event.effective_date is None
        and event.evidence_quote != kept.evidence_quote
        and _EARLIER.search(event.evidence_quote) is not None
    )


# Words a name may gain without naming another group: "Bishnoi" / "Bishnoi Gang", "Sinaloa" / "Cártel de Sinaloa".
_GROUP_WORD_STEMS = frozenset(
    w.stem
    for w in words(
        "gang group cartel cártel cartels network movement organisation organization brigade brigades militia army party "
        "front the of de del la el los las al"
    )
)


def _same_group(stems: frozenset[str], other: frozenset[str]) -> bool:
    """Whether two names, one's words among the other's, are one group: the shorter is a single word ("Bishnoi",
    "Hammerskins") or the longer adds only group words. "National Action" and "National Socialist Anti-Capitalist
    Action", "Islamic State" and "Islamic State in Libya" are two groups."""
    shorter, longer = sorted((stems, other), key=len)
    return len(shorter) <= 1 or longer - shorter <= _GROUP_WORD_STEMS


def _merge_name_variants(events: list[NewsEvent]) -> list[NewsEvent]:
    """ "Bishnoi" and "Bishnoi Gang" for the same step are one organisation: the longer name is kept.

    Candidates are looked up by a shared word stem, so a long article with many groups is not compared
    pair by pair.
    """
    kept: list[NewsEvent] = []
    kept_stems: list[frozenset[str]] = []
    by_stem: dict[tuple[str | None, str, str], list[int]] = {}
    by_set: dict[tuple[tuple[str | None, str], frozenset[str]], int] = {}
    for event in events:
        stems = frozenset(w.stem for w in words(event.organisation or ""))
        twin: int | None = None
        if stems and not event.entity_id:
            group = (event.jurisdiction, event.action)
            # A shorter variant (its words all among this name's): look its word set up directly, for
            # every subset of this name's few words. A longer variant: it holds every word of this name,
            # so the rarest word's bucket has it (only the first few are checked: a heuristic, bounded).
            subsets = [
                frozenset(c) for size in range(1, len(stems) + 1) for c in itertools.combinations(sorted(stems), size)
            ] if len(stems) <= 6 else [stems]  # fmt: skip
            twin = next((by_set[(group, sub)] for sub in subsets if (group, sub) in by_set), None)
            if twin is None:
                rarest = min(stems, key=lambda stem: len(by_stem.get((*group, stem), ())))
                twin = next(
                    (
                        i
                        for i in by_stem.get((*group, rarest), ())[:_MAX_VARIANT_CHECKS]
                        if stems <= kept_stems[i]
                    ),
                    None,
                )
        if twin is not None and not _same_group(stems, kept_stems[twin]):
            twin = None
        if twin is not None and (_two_steps(event, kept[twin]) or _two_steps(kept[twin], event)):
            twin = None  # [news-ru] a dated background step beside the undated news
        if twin is None:
            kept.append(event)
            kept_stems.append(stems)
            if not event.entity_id and stems:
                by_set.setdefault(((event.jurisdiction, event.action), stems), len(kept) - 1)
                for stem in stems:
                    by_stem.setdefault((event.jurisdiction, event.action, stem), []).append(len(kept) - 1)
            continue
        first = kept[twin]
        longer = (
            event.organisation
            if len(event.organisation or "") > len(first.organisation or "")
            else first.organisation
        )
        dated = first if first.effective_date or not event.effective_date else event
        kept[twin] = replace(dated, organisation=longer, primary=first.primary or event.primary)
        kept_stems[twin] = kept_stems[twin] | stems
        by_set.setdefault(((event.jurisdiction, event.action), kept_stems[twin]), twin)
        for stem in stems:
            bucket = by_stem.setdefault((event.jurisdiction, event.action, stem), [])
            if twin not in bucket:
                bucket.append(twin)
    return kept


# The rule patterns asked about (nearly) every sentence: one scan gates them all (see news.gates.SentenceTests).
gates.share_sentence_scan(
    [
        lexicon.NON_EVENT, lexicon.NEGATION_AFTER, lexicon.CONTINUATION, lexicon.RELATIVE_DAY, lexicon.STANDING_STATUS,
        lexicon.PETITION_GRANTED, lexicon.EXTREMIST_LIST, lexicon.TERRORISM, lexicon.MATERIALS, lexicon.RU_BODIES,
        lexicon.FORWARD_COUNT, lexicon.COUNTRY_OBJECT, lexicon.NOW_IN_FORCE, lexicon.MIDNIGHT, lexicon.FUTURE_ACT,
        lexicon.IMMEDIATE_EFFECT, lexicon.PRESENT_PERFECT, _PAST_PERFECT, _JUST_DONE, _NEWLY, _EARLIER, _LIST_ENTRY,
        _HEARSAY,
    ]
)  # fmt: skip
