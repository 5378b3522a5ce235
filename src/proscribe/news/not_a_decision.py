# ruff: noqa: RUF001, RUF002, RUF003  -- typographic dashes and quotes as news writes them.
"""Sentences that name a listing word without reporting a decision (news-precision).

News names listing words in many sentences that report no step: a status aside ("the PKK – listed as a
terrorist organisation by Türkiye, the US and the European Union – has been responsible for ..."), a
description of a group ("a fundamentalist group which has been banned in many Arab nations"), the contents
of a standing list ("The group of outfits designated as terrorist organisations are A; B; C"), a request
("lobbied the U.S. State Department for delisting in 2008 but was denied") or a gerund subject speaking of
the measure ("“Proscribing this terrorist group will ensure ...").

:func:`keep_event` blanks the listing words of such constructions in an event's sentence; the event stands
only when a listing word is left outside them (so "The UK banned A, which is listed by the EU too" keeps
its ban). A construction that carries a date ("X, banned in 2003, ...", "the entities listed today are")
is background or news, never blanked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any, ClassVar, Protocol, TypeVar

# Listing verbs and nouns of a step, in the languages the extractor reads. Only their presence outside the
# blanked constructions matters, so a wide net errs on keeping an event.
_REMOVAL = (
    r"delist\w*|remov\w*|revok\w*|revocation|lift\w*|suspend\w*|aufgehoben|aufheb\w*|исключ\w*|"
    r"приостанов\w*|retir\w*|overturn\w*"
)
_ADDITION = (
    r"designat\w*|(?:black|re)?list(?:ed|ing|s)\b|ban(?:s|ned|ning)?\b|proscri\w*|outlaw\w*|added|"
    r"declar\w*|placed|included|inscri\w*|verbiet\w*|verbot\w*|eingestuft|einstuf\w*|gelistet|признал\w*|признан\w*|внес\w*|включ\w*|"
    r"запрет\w*|incluy\w*|incluid\w*|design\w*|interdi\w*"
)
_LISTING_WORD = re.compile(rf"\b(?:{_ADDITION}|{_REMOVAL})", re.IGNORECASE)
# A designation needs a word that adds to a list: in "the previously introduced ban ... has been lifted"
# only the lifting is left once the ban that is lifted is blanked.
_ADDING_WORD = re.compile(rf"\b(?:{_ADDITION})", re.IGNORECASE)

# Words that date a clause: a dated aside is background history or the news itself, never a bare status. A
# law's year ("the Terrorism Act 2000") dates nothing.
_DATE_WORD = re.compile(
    r"\b(?:(?<!\bAct )(?<!\bAct of )(?:1[89]\d\d|20\d\d)|today|yesterday|tonight|this\s+(?:week|month|year)|last\s+(?:week|month|year)|"
    r"on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"january|february|march|april|june|july|august|september|october|november|december|"
    r"earlier|previously|recently|since|ago|now|newly|hereby|henceforth|effective|"
    r"seit|heute|gestern|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"januar|februar|märz|mai|juni|juli|oktober|dezember)\b",
    re.IGNORECASE,
)

# An instrument named with the construction ("Under the order, X is proscribed") makes it the decision's.
_INSTRUMENT_WORD = re.compile(
    r"\b(?:order|decree|gazette|notification|notice|resolution|ruling|decision|verdict|statutory|"
    r"Verordnung|Verfügung|указ\w*|решени\w*|постановлени\w*)\b",
    re.IGNORECASE,
)

_STATUS_VERB = r"(?:listed|designated|banned|proscribed|outlawed|blacklisted|recogni[sz]ed|considered)"

# Each pattern's group ``verb`` is blanked, unless its group ``clause`` (where it has one) carries a date or
# names an instrument.
_NOT_A_DECISION = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # A status aside between dashes or in brackets: "the PKK – listed as a terrorist organisation by
        # Türkiye, the US and the European Union – has been", "(both terror organizations outlawed in Russia)".
        r"(?P<clause>(?:\s[–—-]\s|[–—(])[^–—()]{0,60}?\b(?P<verb>"
        + _STATUS_VERB
        + r")\s+(?:as|in|by|under)\b"
        r"[^–—()]{0,160}?(?:\s[–—-]\s|[–—)]))",
        # A relative clause in the present: "X, which is banned in Russia", "a group which has been banned in
        # many Arab nations" (the past, "which was banned in 2017", tells a step and is left alone).
        r"(?P<clause>(?:,|\b(?:group|organi[sz]ation|movement|outfit|network|party|militia|entity))\s*"
        r"(?:which|that)\s+(?:is|are|has\s+been|have\s+been)\s+(?:also\s+|already\s+|widely\s+)?"
        r"(?P<verb>" + _STATUS_VERB + r")\b[^,;.–—]{0,120})",
        # A German relative clause in the present: "Hamas, die von der EU als Terrororganisation eingestuft
        # wird, ...", "Die Hisbollah, die in Deutschland verboten ist, ...".
        r"(?P<clause>,\s*(?:die|der|das|welche[rs]?)\s+(?:[^,;.]{0,100}?\s)?(?P<verb>eingestuft|verboten|gelistet|"
        r"aufgeführt|geführt)\s+(?:wird|werden|ist|sind)\b)",
        # A participle aside between commas: "the PKK, listed as a terrorist group by the EU, has ...".
        # "Hamas, a group designated as a terrorist organisation by Israel and the US, said"; "the Popular
        # Front for the Liberation of Palestine, a group designated by the U.S. and others as a terrorist group."
        r"(?P<clause>,\s*(?:which\s+is\s+|an?\s+(?:[\w-]+\s+){0,3}?)?(?P<verb>listed|designated|proscribed|outlawed|"
        r"banned|considered|recogni[sz]ed)\s+(?:as|by)\b"
        r"(?:[^,;.–—]|(?<=[A-Z])\.){0,120}(?:,|\.?\s*$))",
        # A standing status in the present simple: "Hezbollah is listed as a terrorist organisation by the US,
        # Canada and the EU", "The PKK is recognised as a terrorist organisation by Turkey" ("is hereby
        # designated" and "is banned from today" are steps).
        r"(?P<clause>^[^;]*?\b(?:is|are)\s+(?:also\s+|currently\s+|still\s+|widely\s+|officially\s+)?(?P<verb>listed|"
        r"designated|recogni[sz]ed|considered|banned|proscribed|outlawed|blacklisted)\s+(?:as|by|in|under)\b[^;]*)",
        # A status held for long: "The EU has long listed Hamas as a terrorist organisation".
        r"(?P<clause>\b(?:has|have|had)\s+long\s+(?:been\s+)?(?P<verb>listed|designated|banned|proscribed|outlawed|"
        r"considered|blacklisted)\b[^;]*)",
        # Other countries as a class, background to the story: "Several countries, including the UK and
        # Germany, have banned Hizb ut-Tahrir", "many Western governments have designated".
        r"(?P<clause>\b(?:several|many|some|other|numerous|various|most|a\s+number\s+of)\s+(?:other\s+)?"
        r"(?:[A-Z][a-z]+\s+)?(?:countries|states|governments|nations)\b(?:[^.;]|(?<=[A-Z])\.){0,80}?\b(?:have|has)\s+"
        r"(?:also\s+|already\s+)?(?P<verb>banned|listed|designated|proscribed|outlawed|blacklisted)\b[^;]*)",
        # news-dev11: a parliamentary motion declares nothing binding: "el Pleno del Congreso aprobó la Moción de Orden
        # del Día 16090, que declara al Tren de Aragua como organización terrorista", "a motion which declares".
        r"(?P<clause>\b(?:moci[oó]n|motion|résolution\s+non\s+contraignante)\b[^.;]{0,60}?\b(?:que|qui|which|that)\s+"
        r"(?P<verb>declara|declare|déclare|declares|designa|désigne|designates|calls\s+for)\b)",
        # news-dev11: the same class of countries in Spanish and French: "Países de América Latina que han designado
        # al Tren de Aragua como organización terrorista", "les pays qui ont désigné le Hamas".
        r"(?P<clause>\b(?:pa[ií]ses|gobiernos|naciones|pays|gouvernements)\b[^.;]{0,60}?\bque?\s+(?:ya\s+|déjà\s+)?"
        r"(?:han|habían|ont|avaient)\s+(?:ya\s+|déjà\s+)?(?P<verb>designado|declarado|incluido|prohibido|désigné|inscrit|"
        r"interdit|classé)\b[^;]*)",
        # The contents of a standing list, in the present: "The group of outfits designated as terrorist
        # organisations are A; B", "among the 67 banned organisations are" (the past, "groups designated as
        # SDGTs were A, B", reports the step).
        r"(?P<clause>\b(?:outfits|organi[sz]ations|groups|entities|associations)\s+(?P<verb>designated|listed|"
        r"banned|proscribed|declared)\s+(?:as|under|by)\s+(?:(?!were\b|was\b)[\w’'-]+\s+){0,5}?"
        r"(?:are|include|comprise)\b)",
        r"(?P<clause>\bamong\s+(?:the\s+)?(?:\d+\s+)?(?P<verb>banned|proscribed|designated|listed)\s+"
        r"(?:organi[sz]ations|groups|outfits|entities)\s+(?:are|is)\b)",
        # A request is no decision: "lobbied the U.S. State Department for delisting", "urged the government
        # to designate", "called for the group to be banned", "should be proscribed".
        r"(?P<clause>\b(?:lobbied|lobbying|lobbies|petitioned|petitioning|appealed|appealing|campaign(?:ed|ing|s)?|"
        r"press(?:ed|ing)|push(?:ed|ing)|ask(?:ed|ing|s)?|call(?:ed|ing|s)?|seek(?:s|ing)?|sought|"
        r"request(?:ed|ing|s)?|demand(?:ed|ing|s)?|argu(?:ed|ing|es))\b(?:[^.;]|(?<=[A-Z])\.){0,80}?\bfor\s+"
        r"(?:its\s+|their\s+|his\s+|her\s+|a\s+|the\s+)?(?P<verb>delisting|removal|de-?proscription|"
        r"designation|proscription|listing|ban)\b)",
        r"(?P<clause>\b(?:urg(?:ed|es|ing)|call(?:ed|s|ing)\s+on|ask(?:ed|s|ing)|press(?:ed|ing)|lobbied|"
        r"petitioned|appealed\s+to)\b(?:[^.;]|(?<=[A-Z])\.){0,80}?\bto\s+(?P<verb>designate|ban|proscribe|list|delist|outlaw|"
        r"blacklist|remove)\b)",
        r"(?P<clause>\b(?:should|must|ought\s+to)\s+(?:also\s+)?(?:be\s+)?(?P<verb>banned|proscribed|designated|"
        r"listed|delisted|outlawed|removed|ban|proscribe|designate|list|delist|outlaw|remove)\b)",
        # The ban that a sentence lifts is no designation: "Das zuvor eingeführte Verbot der Aktivitäten der
        # Taliban ... ist aufgehoben worden", "the ban on the group was lifted".
        r"(?P<clause>\b(?:das|dem|des|den)\s+(?:[\wäöüß]+\s+){0,3}?(?:eingeführte|verhängte|bestehende|"
        r"geltende)n?\s+(?P<verb>Verbot)\b)",
        r"\b(?:the|its|their)\s+(?:previous\s+|earlier\s+|existing\s+)?(?P<verb>ban)\s+on\b"
        r"(?:[^.;]|(?<=[A-Z])\.){0,80}?\b(?:was|were|has\s+been|have\s+been|is)\s+(?:lifted|revoked|overturned)",
        # A thing that is not a group "listed" (enumerated), dated or not: "large-scale terror attacks
        # organized in Turkey in 2016 were listed".
        r"\b(?:attacks|incidents|cases|examples|reasons|crimes|countries|events|achievements|threats)\b"
        r"[^,;.]{0,60}?\b(?:were|was|are|is|have\s+been|has\s+been)\s+(?P<verb>listed)\b",
        # A gerund subject, quoted or not: "“Proscribing this terrorist group will ensure ...".
        r"(?P<clause>^[\W_]{0,3}(?P<verb>proscribing|designating|banning|listing|delisting|outlawing)\b)",
    )
)


# [news-dev12] Constructions of reviews, plans and standing lists that name the measure without taking it.
_REVIEW_AND_PLAN_PATTERNS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # The contents of a standing list without a preposition: "A significant majority of the groups
        # designated are Islamist extremist organizations" (the past, "the groups designated were", is a step).
        r"(?P<clause>\b(?:outfits|organi[sz]ations|groups|entities)\s+(?P<verb>designated|listed|banned|"
        r"proscribed)\s+(?:so\s+far\s+|to\s+date\s+)?(?:are|include|comprise)\b)",
        # The designation as the thing a review weighs: "the circumstances that were the basis for the
        # designation of al-Shabaab ... have not changed in such a manner as to warrant revocation of the
        # designation" (the revocation, when it is the step, keeps its own word).
        r"(?P<clause>\b(?:basis|grounds|justification|reasons?|revocation|lifting|withdrawal)\s+(?:for|of)\s+"
        r"(?:the|its|their|this|that)\s+(?P<verb>designation|listing|proscription|ban)\b)",
        # A measure examined or weighed is no measure: "Die Bundesregierung prüft nach Medienberichten ein
        # zügiges Verbot der Terrormiliz", "the government is considering a ban on", "weighing designating".
        r"(?P<clause>\b(?:prüf(?:t|en)|erwäg(?:t|en)|considering|weighing|mulling|contemplating|studying|"
        r"examining|exploring|estudia|evalúa|analiza|étudie|envisage)\b(?:[^.;,]){0,60}?\b"
        r"(?P<verb>Verbot|ban|designation|designating|listing|proscription|proscribing|banning|prohibición|"
        r"interdiction|désignation)\b)",
        # A designation kept by a review is no new step: "the designation of the aforementioned organization,
        # pursuant to Section 219 of the INA, shall be maintained".
        r"(?P<clause>\b(?P<verb>designation|listing|proscription|ban)\b(?:[^.;]|(?<=[A-Z])\.){0,120}?\b"
        r"(?:shall|will|would|should|is\s+to|are\s+to)\s+be\s+maintained\b)",
        # The act of listing as a topic, a gerund after a preposition: "to reassess their approach to the
        # challenge of designating terrorist organizations" ("by designating X", "the reason for proscribing X" tell of a step).
        r"(?P<clause>\b(?:of|to|about|regarding)\s+(?P<verb>designating|listing|banning|proscribing|delisting|"
        r"outlawing)\b)",
        # A status told as already held, background to the story: "los gobiernos de Estados Unidos, Colombia y
        # Perú ya declararon a los cárteles ... como terroristas", "IS and ANF are already included on the
        # Security Council's Al Qaida sanctions regime" (a date in the sentence makes it dated background).
        r"(?P<clause>\b(?:already|ya|déjà|bereits|schon)\s+(?:(?:been|sido|été|han|ha|have|has|had|is|are|was|were|"
        r"est|sont|a|ont|ist|sind|wurde|wurden)\s+){0,2}(?P<verb>declar\w*|designa\w*|listed|banned|proscribed|"
        r"outlawed|blacklisted|included|incluid\w*|inclu\w*|inscri\w*|interdit\w*|verboten|eingestuft|gelistet)"
        r"[^;]*)",
    )
)


class _Event(Protocol):
    @property
    def evidence_quote(self) -> str: ...

    @property
    def action(self) -> str: ...


E = TypeVar("E", bound=_Event)


class _NamedEvent(Protocol):
    """What the name merge reads of an event (``extract.NewsEvent``; a protocol, so this module does not
    import the extractor that calls it)."""

    __dataclass_fields__: ClassVar[dict[str, Any]]

    @property
    def organisation(self) -> str | None: ...

    @property
    def entity_id(self) -> str | None: ...

    @property
    def jurisdiction(self) -> str | None: ...

    @property
    def action(self) -> str: ...

    @property
    def effective_date(self) -> str | None: ...

    @property
    def evidence_quote(self) -> str: ...


N = TypeVar("N", bound=_NamedEvent)


def blank_non_decisions(sentence: str) -> tuple[str, bool]:
    """The sentence with the listing words of undated non-decision constructions blanked, and whether any was."""
    blanked = sentence
    found = False
    for pattern in (*_NOT_A_DECISION, *_REVIEW_AND_PLAN_PATTERNS):
        for match in pattern.finditer(sentence):
            clause = match.groupdict().get("clause")
            if clause is not None and (_DATE_WORD.search(clause) or _INSTRUMENT_WORD.search(clause)):
                continue
            start, end = match.span("verb")
            blanked = blanked[:start] + " " * (end - start) + blanked[end:]
            found = True
    return blanked, found


def reports_no_decision(sentence: str, action: str | None = None) -> bool:
    """Whether every listing word of the sentence sits in a construction that reports no decision; for a
    ``designated`` action, every word that adds to a list (a lifting left beside it is no designation)."""
    blanked, found = blank_non_decisions(sentence)
    left = _ADDING_WORD if action == "designated" else _LISTING_WORD
    return found and left.search(blanked) is None


def keep_events(events: Iterable[E]) -> list[E]:
    """The events whose sentence reports a decision (see :func:`reports_no_decision`)."""
    verdicts: dict[tuple[str, bool], bool] = {}
    kept: list[E] = []
    for event in events:
        key = (event.evidence_quote, event.action == "designated")
        if key not in verdicts:
            verdicts[key] = reports_no_decision(event.evidence_quote, event.action)
        if not verdicts[key]:
            kept.append(event)
    return kept


def _inflections_of_one_word(first: str, second: str) -> bool:
    """Whether two words are one word inflected: "Islamischen"/"Islamischer", "Staates"/"Staat",
    "Правого"/"Правый" (a shared beginning of at least four letters, all but the last three of the shorter)."""
    first, second = first.casefold(), second.casefold()
    if first == second:
        return True
    shorter = min(len(first), len(second))
    if shorter < 4:
        return False
    common = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        common += 1
    return common >= max(4, shorter - 3)


def _inflections_of_one_name(first: str, second: str) -> bool:
    first_words, second_words = first.split(), second.split()
    return len(first_words) == len(second_words) and all(
        _inflections_of_one_word(a, b) for a, b in zip(first_words, second_words, strict=True)
    )


def _listed_together(text: str, first: str, second: str) -> bool:
    """Whether the two names follow each other in an enumeration: "A, B", "A; and B", or bullet lines."""
    separator = r"\s*(?:[,;]\s*(?:and\s+)?|\s+and\s+|\n\s*(?:[•·*▪-]\s*)?)"
    one, two = re.escape(first), re.escape(second)
    return (
        re.search(
            rf"{one}[\"”“«»’‘]?{separator}[\"”“«»’‘]?{two}|{two}[\"”“«»’‘]?{separator}[\"”“«»’‘]?{one}", text
        )
        is not None
    )


def merge_inflected_names(events: list[N], text: str) -> list[N]:
    """One step told under two inflections of an unlinked name ("des „Islamischen Staates“ ... verboten" and
    "Terrororganisation ‚Islamischer Staat‘") is one event: every variant takes the shortest form (the
    nominative, in German and Russian), so the merge that follows joins them. Steps of the same state and
    action whose dates differ, and two forms named in one sentence, are left apart."""
    forms: dict[tuple[str | None, str], list[str]] = {}
    for event in events:
        if event.entity_id is None and event.organisation:
            names = forms.setdefault((event.jurisdiction, event.action), [])
            if event.organisation not in names:
                names.append(event.organisation)
    quotes = {event.evidence_quote for event in events}
    renamed: dict[tuple[str | None, str, str], str] = {}
    for (jurisdiction, action), names in forms.items():
        for name in names:
            # Two forms in one sentence, or one after the other in a list, are two groups of an enumeration
            # ("• Grupong ISIS" / "• Grupo ISIS").
            variants = [
                other
                for other in names
                if _inflections_of_one_name(name, other)
                and (
                    other == name
                    or not (
                        any(name in q and other in q for q in quotes) or _listed_together(text, name, other)
                    )
                )
            ]
            shortest = min(variants, key=lambda v: (len(v), names.index(v)))
            if (
                shortest.casefold() != name.casefold()
            ):  # "Bishnoi Gang" / "Bishnoi gang": the merge joins them
                renamed[(jurisdiction, action, name)] = shortest
    if not renamed:
        return events
    dates: dict[tuple[str | None, str, str], set[str | None]] = {}
    for event in events:
        if event.organisation:
            key = (
                event.jurisdiction,
                event.action,
                renamed.get((event.jurisdiction, event.action, event.organisation), event.organisation),
            )
            dates.setdefault(key, set()).add(event.effective_date)
    merged: list[N] = []
    for event in events:
        target = renamed.get((event.jurisdiction, event.action, event.organisation or ""))
        if target is not None and len(dates[(event.jurisdiction, event.action, target)] - {None}) <= 1:
            event = replace(event, organisation=target)
        merged.append(event)
    return merged


# [news-dev12] A group's name that qualifies a list or regime: "the Security Council's Al Qaida sanctions regime",
# "the ISIL (Da'esh) and Al-Qaida Sanctions Committee".
_LIST_NAMED_AFTER = re.compile(
    r"^[\"”’']?\s*(?:\(\w+\)\s+)?(?:sanctions?\s+(?:regime|list|committee|lists)|sanctions?\s+and\s+\w+\s+list)\b",
    re.IGNORECASE,
)


def names_only_a_list(sentence: str, organisation: str) -> bool:
    """Whether every mention of the organisation in the sentence names a sanctions list or regime after it
    ("IS and ANF are already included on the Security Council's Al Qaida sanctions regime"), not a group."""
    mentions = [m.end() for m in re.finditer(re.escape(organisation), sentence, re.IGNORECASE)]
    return bool(mentions) and all(_LIST_NAMED_AFTER.match(sentence[end:].lstrip()) for end in mentions)


# The name of a designation's category read as a group's: "comme terroristes mondiaux spécialement désignés
# (Specially Designated Global Terrorist ou SDGT)", "as a Foreign Terrorist Organization".
_CATEGORY_NAME = re.compile(
    r"(?:Specially\s+Designated\s+)?(?:Global\s+Terrorists?|Foreign\s+Terrorist\s+Organi[sz]ations?|Terrorist\s+"
    r"Organi[sz]ations?|Designated\s+Terrorists?|Specified\s+Entit(?:y|ies)|Listed\s+(?:Terrorist\s+)?Entit(?:y|ies))",
    re.IGNORECASE,
)


def drop_list_names(events: Iterable[N]) -> list[N]:
    """The events whose organisation is named as a group, not only as the name of a list (see
    :func:`names_only_a_list`) or of a designation's category ("Global Terrorist")."""
    return [
        e
        for e in events
        if not (
            e.organisation
            and (
                names_only_a_list(e.evidence_quote, e.organisation)
                or _CATEGORY_NAME.fullmatch(e.organisation)
            )
        )
    ]


# [news-dev12] A legislature's non-binding motion declares nothing: "El Congreso de la República declaró este miércoles
# como organización terrorista al cartel de los Soles" in a story that calls it "La moción"; an opposition senator's
# "punto de acuerdo" or "exhorto" urging the executive; MPs' "non-binding motion".
_NON_BINDING = re.compile(
    r"\b(?:moci[oó]n|mociones|non-?binding|no\s+vinculante|punto\s+de\s+acuerdo|exhorto|proposición\s+no\s+de\s+ley)\b",
    re.IGNORECASE,
)
_LEGISLATURE = re.compile(
    r"\b(?:Congreso|Congress|Senado|Senate|Cámara\s+de\s+Diputados|Parlamento|Parliament|Asamblea|Assembly|"
    r"legisladores|lawmakers|diputados|senadores|MPs|congresistas|parlamentarios)\b"
)


def drop_legislative_motions(events: Iterable[E], text: str) -> list[E]:
    """The events left once designations that a legislature "declares" in a story of a non-binding motion are
    dropped (see :data:`_NON_BINDING`); every event stands in a story that names no such motion."""
    events = list(events)
    if not _NON_BINDING.search(text):
        return events
    return [e for e in events if not (e.action == "designated" and _LEGISLATURE.search(e.evidence_quote))]


# [news-dev12] A listing step whose object is a count of unnamed entities or people: "the United Nations committees
# have designated only one entity and one individual this year" speaks of none of the story's groups.
_COUNTED_UNNAMED_OBJECT = re.compile(
    r"\b(?:designat\w*|list(?:ed|s)|added|banned|proscribed|sanctioned|delisted|removed)\s+(?:only\s+|just\s+|a\s+further\s+)?"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,4})\s+(?:(?!organi[sz]ations?\b|groups?\b)[\w-]+\s+){0,2}"
    r"(?:entity|entities|individuals?|persons?|people)\b(?![^.;]*:)",
    re.IGNORECASE,
)


def drop_counted_unnamed_objects(events: Iterable[N]) -> list[N]:
    """The events left once those whose group is not named in their sentence, and whose sentence's listing step
    has a count of unnamed entities or people as its object, are dropped: the group came from the story's
    context, and the step is about others."""
    return [
        e
        for e in events
        if not (
            e.organisation
            and e.organisation.casefold() not in e.evidence_quote.casefold()
            and _COUNTED_UNNAMED_OBJECT.search(e.evidence_quote)
        )
    ]


# [news-dev12] A group named as the one a designated person leads or belongs to: "Mohammed Deif, Commander General
# of the military wing of Hamas", "12 dirigeants de groupes désignés précédemment, y compris le Hezbollah, le Hamas".
_ROLE_OF = re.compile(
    r"\b(?:leaders?|dirigeants?|commanders?|chiefs?|heads?|founders?|deputy|spokes(?:man|woman|person)|"
    r"financiers?|líderes?|jefes?|cabecillas?|responsables?|Anführer)\s+(?:General\s+|général\s+)?"
    r"(?:of|de|des|du|del|der)\b",
    re.IGNORECASE,
)
# How far after a role its group may be named: "12 dirigeants de groupes désignés précédemment, y compris le Hamas".
_ROLE_REACH = 80


def _affiliation_only(sentence: str, organisation: str) -> bool:
    """Whether every mention of the organisation in the sentence follows a person's role closely ("the deputy
    Commander of the military wing of Hamas"), so that it names whom the person belongs to, not a listed group."""
    roles = [m.end() for m in _ROLE_OF.finditer(sentence)]
    if not roles:
        return False
    mentions = [m.start() for m in re.finditer(re.escape(organisation), sentence, re.IGNORECASE)]
    return bool(mentions) and all(any(0 <= at - end <= _ROLE_REACH for end in roles) for at in mentions)


def drop_affiliations(events: Iterable[N]) -> list[N]:
    """The events left once those whose group is named only as a person's affiliation are dropped."""
    return [e for e in events if not (e.organisation and _affiliation_only(e.evidence_quote, e.organisation))]


# [news-dev12] Two list lines read as one name: "Cártel de Sinaloa\n\n- Cártel de Jalisco Nueva Generación".
_LINE_BREAK_IN_NAME = re.compile(r"[ \t]*\n[\s]*(?:[-–•*·▪●][ \t]+|\(?\d{1,2}[.)][ \t]*)?")


def split_glued_lines(events: Iterable[N]) -> list[N]:
    """The events with a name that spans list lines split into one event per line's name."""
    split: list[N] = []
    for event in events:
        name = event.organisation
        if name is None or "\n" not in name:
            split.append(event)
            continue
        parts = [part.strip() for part in _LINE_BREAK_IN_NAME.split(name) if part.strip()]
        split.extend(replace(event, organisation=part, entity_id=None) for part in parts)
    return split
