# ruff: noqa: RUF001, RUF002, RUF003  -- typographic apostrophes, dashes and Cyrillic acronyms are how the names are written.
"""Which of the organisations a sentence names is the one a listing step acts on.

A sentence that reports a step often names other groups too: as context ("other terrorists besides those
associated with the Taliban"), as the name of a sanctions list or committee ("removed ... from the ISIS and
al-Qaeda Sanctions List"), as a contrast ("unlike Hamas"). Those registry names are not the step's object.
Registry aliases that are common words ("The Base", al-Qaida's English name, also a neo-Nazi group's) name the
entity only where the article names it otherwise too.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence

from proscribe.news.link import EntityMention
from proscribe.news.orgnames import FoundName, last_name_before

_I = re.IGNORECASE

# Words right before a registry name that make it context for another subject or object: whom others are
# associated with, contrasted with, fought against, or attacked by.
_CONTEXT_BEFORE = re.compile(
    r"\b(?:(?:associated|affiliated|aligned|allied|connected|linked|tied|related)\s+(?:with|to)"
    r"|besides|unlike|apart\s+from|other\s+than|except(?:\s+for)?|in\s+addition\s+to"
    r"|(?:attacks?|killings?|abductions?|bombings?)\s+(?:carried\s+out\s+)?by|fall\s+of"
    r"|(?:war|fight|fighting|battle|struggle|campaign|operations?)\s+(?:against|on|with)"
    r"|loyal(?:ty)?\s+to|allegiance\s+to|(?:leaders?|members?|fighters?|militants?|supporters?)\s+of"
    # whom the listed one supports or is tied to: "citing links to activities supporting Hezbollah", "ties to Hamas"
    r"|supporting|financing|funding|support\s+(?:for|to)|(?:links?|ties|connections?)\s+(?:to|with)"
    r"|(?:committee|regime|sanctions)\s+(?:concerning|on|pursuant\s+to))"
    r"\s+(?:the\s+)?$",
    _I,
)
# After a registry name: the name of a list, committee or sanctions regime it is part of ("ISIL (Da'esh) and
# Al-Qaida Sanctions Committee", "the ISIS and al-Qaeda Sanctions List", "al-Qaeda sanctions committee").
_LIST_NAME_AFTER = re.compile(
    r"(?:\s*\([^()]{1,20}\))?(?:\s+(?:and|&)\s+(?:[\w'’()-]+\s+){1,3}?)?\s*(?:Sanctions?\s+)?"
    r"(?:sanctions\s+(?:list|committee|regime)|Sanctions\s+(?:List|Committee)|List\b|Committee\b|Monitoring\s+Team)",
)
# Two names in one coordination: "concerning ISIS, al-Qaeda and associated ...", "the Taliban and Usama bin Laden".
_COORDINATION = re.compile(r"^\s*(?:\([^()]{1,20}\)\s*)?(?:,|and|or|&|,\s*and)\s*(?:the\s+)?$", _I)
_CONTEXT_WINDOW = 60


def context_mentions(sentence: str, mentions: Sequence[EntityMention]) -> set[int]:
    """Indices of ``mentions`` (in ``sentence``, ordered by position) that name context, not the object of a step:
    after "associated with", "besides", "unlike", "attacks by", in a sanctions list's or committee's name, and
    those coordinated right after such a mention ("associated with the Taliban and Usama bin Laden")."""
    context: set[int] = set()
    for index, mention in enumerate(mentions):
        before = sentence[max(0, mention.start - _CONTEXT_WINDOW) : mention.start]
        coordinated_with_context = (
            index - 1 in context
            and mentions[index - 1].end <= mention.start
            and _COORDINATION.match(sentence[mentions[index - 1].end : mention.start]) is not None
        )
        if (
            _CONTEXT_BEFORE.search(before)
            or _LIST_NAME_AFTER.match(sentence, mention.end)
            or coordinated_with_context
        ):
            context.add(index)
    return context


# A registry alias made of a common word with its article ("The Base"): a translation of the entity's name that
# other groups carry too.
_COMMON_WORD_ALIAS = re.compile(r"(?:the|The|THE)\s+[A-Z][a-z]+")


def common_word_alias(name: str) -> bool:
    """Whether a registry name, as the article writes it, is an article and one common word ("The Base")."""
    return _COMMON_WORD_ALIAS.fullmatch(name.strip()) is not None


def keep_linked(mentions: list[EntityMention]) -> list[EntityMention]:
    """Registry mentions of a text without those made only by a common-word alias ("the Base") of an entity the text
    names no other way: such an alias names another group there (the neo-Nazi group The Base, not al-Qaida)."""
    named_otherwise = {m.entity_id for m in mentions if not common_word_alias(m.text)}
    return [m for m in mentions if m.entity_id in named_otherwise or not common_word_alias(m.text)]


# A word that describes a group and names none: "the Iranian-backed, Lebanon-based Shiite group", "the Sunni militant
# group's branches", "the Islamist militia", "the Palestinian organisation".
_DESCRIPTIVE_WORD = re.compile(
    r"[A-Z][\w'’]*-(?:backed|based|linked|affiliated|led|inspired|aligned|supported|funded|sponsored|allied)"
    r"|Sunni|Shiite|Shi['’]ite|Shia|Islamist|Jihadist|Jihadi|Salafist|Salafi|Wahhabi|Marxist|Maoist|Leninist|Neo-Nazi"
    r"|Nazi|Fascist|Anarchist|Separatist|Militant|Extremist|Radical|Right-wing|Left-wing|Far-right|Far-left"
    # news-actions: a nationality adjective ("listed the Palestinian organisation as a terrorist group").
    r"|[A-Z][a-z]+(?:ian|ese)"
)
_GROUP_NOUNS_AFTER = re.compile(
    r"\s+(?:(?:[a-z-]+\s+){0,2})(?:group|groups|gang|network|militia|militias|movement|faction|outfit|organi[sz]ation)\b"
)


_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,6}s")


def descriptive_name(name: str, after: str = "") -> bool:
    """Whether a capitalised run read as a name only describes a group: "Iranian-backed", "Lebanon-based Shiite group",
    or an adjective before a lower-case group noun ("Sunni" in "the Sunni militant group's branches")."""
    if _PLURAL_ACRONYM.fullmatch(name):
        return True  # "designated the NGOs as terrorist organizations": a kind of body, no name
    words = name.split()
    described = 0
    while described < len(words) and _DESCRIPTIVE_WORD.fullmatch(words[described]):
        described += 1
    if not described:
        return False
    rest = words[described:]
    if not rest:
        return "-" in words[0] or _GROUP_NOUNS_AFTER.match(after) is not None or not after.strip()
    # "Shiite group": adjectives and a lower-case group noun; "Sunni Islamic Front" is a name.
    return all(w.islower() for w in rest) and _GROUP_NOUNS_AFTER.match(" " + " ".join(rest)) is not None


# news-dev8: a Spanish or French object read up to a comma may be a description, not a name: an apposition ("dos de
# las principales bandas criminales de Ecuador", "considerada la mayor banda criminal de Colombia") or a group noun
# with its adjectives before the name ("bandas de narcotraficantes ecuatorianas Los Choneros").
_ROMANCE_GROUP_NOUN = re.compile(
    r"\b(?:bandas?|grupos?|organizaci[óo]n(?:es)?|c[áa]rtel(?:es)?|pandillas?|milicias?|sectas?|movimientos?|redes"
    r"|groupes?|organisations?|mouvements?|réseaux|milices?|gangs?)\b",
    _I,
)
_CAPITALISED_WORD = re.compile(r"(?<!\S)[A-ZÀ-ÞА-ЯЁ]")
# "réseau 764", "réseau Terrorgram": one group noun right before the name is the way the name is said.
_NOUN_THEN_NAME = re.compile(r"[a-zà-ÿ]+\s+[A-ZÀ-Þ0-9]")
_COMPLEMENT_BEFORE = re.compile(
    r"\b(?:de|del|d['’]|du|des|en|à|au|aux|of|in|con|avec|por|par|para|pour)\s*$", _I
)
_ROMANCE_NAME_ARTICLE = re.compile(r"(?:Los|Las|El|La|Le|Les|The)[ \t]+$")
_ROMANCE_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n«“\"(])[ \t]*$")


def romance_name(sentence: str, start: int, text: str) -> FoundName | None:
    """The name in an object a Spanish or French verb was read to act on (``text`` at ``start`` of ``sentence``):
    a description before the name dropped ("bandas de narcotraficantes ecuatorianas Los Choneros" → "Los Choneros"),
    a capitalised article inside the sentence kept ("a Los Choneros y Los Lobos" → "Los Choneros", "Los Lobos");
    None when the object is only a description ("dos de las principales bandas criminales de Ecuador")."""
    if text[:1].islower() and "-" not in text.split()[0] and not _NOUN_THEN_NAME.match(text):
        capital = _CAPITALISED_WORD.search(text)
        if capital is None or not _ROMANCE_GROUP_NOUN.search(text, 0, capital.start()):
            return None
        if _COMPLEMENT_BEFORE.search(text, 0, capital.start()):
            return None  # "bandas criminales de Ecuador": the capital word is the description's place
        start, text = start + capital.start(), text[capital.start() :]
        if not any(word[:1].isupper() for word in text.split()[:1]) or _ROMANCE_GROUP_NOUN.search(text):
            return None
    article = _ROMANCE_NAME_ARTICLE.search(sentence, max(0, start - 5), start)
    if article is not None and not _ROMANCE_SENTENCE_START.search(sentence, 0, article.start()):
        return FoundName(article.start(), start + len(text), sentence[article.start() : start + len(text)])
    return FoundName(start, start + len(text), text)


# "removed notorious Afghan warlord Gulbuddin Hekmatyar from its list": what is removed stands between the verb and
# "from"/"off".
_REMOVED = re.compile(
    r"\b(?:remov(?:e|ed|es|ing)|took|taken|take|taking|struck|delist(?:ed|s|ing)?)\s+(?P<object>[^.;]{1,90}?)\s+(?:from|off)\b",
    _I,
)


def removed_object(step: str) -> FoundName | None:
    """The name removed in a removal phrase ("removed notorious Afghan warlord Gulbuddin Hekmatyar from its list"),
    with offsets in ``step``: the last capitalised name between the verb and "from", after its descriptions."""
    match = _REMOVED.search(step)
    if match is None:
        return None
    start = match.start("object")
    # A leading space, so that a name right after the verb is not taken for a sentence's first word.
    named = last_name_before(" " + match.group("object"), len(match.group("object")) + 1)
    if named is None or named.end != len(match.group("object")) + 1:
        return None  # "the Hezb-e-Islami leader's name": the name is not what is removed
    return FoundName(start + named.start - 1, start + named.end - 1, named.text)


# "him", "her": the object is a person, the one the article is about.
PERSON_PRONOUN = re.compile(r"\s+(?:him|her)\b")
# "removed the Hezb-e-Islami leader's name from the list", "removed his name": a person's name is removed.
_PERSON_NAME_OBJECT = re.compile(
    r"(?:his|her|(?:the\s+)?(?:[\w-]+\s+){0,3}(?:leader|chief|founder|commander|cleric|warlord|head|spokesman)['’]s)\s+name",
    _I,
)


def removes_a_persons_name(step: str) -> bool:
    """Whether a removal phrase removes a person's name ("removed the Hezb-e-Islami leader's name from ...")."""
    match = _REMOVED.search(step)
    return match is not None and _PERSON_NAME_OBJECT.fullmatch(match.group("object")) is not None


_PERSON = re.compile(
    r"\b(?P<given>[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)?\s+(?P<surname>[A-Z][a-z]{2,}(?:-[A-Z]?[a-z]+)*)\b"
)
MIN_SURNAME_MENTIONS = 2
# A capitalised word not right after another word: a surname used alone ("Hekmatyar, who heads").
_ALONE = re.compile(r"(?<![A-Za-z]\s)\b[A-Z][a-z]{2,}(?:-[A-Z]?[a-z]+)*\b")


@functools.lru_cache(maxsize=8)
def article_person(text: str) -> str | None:
    """The person an article is about: a full name whose surname the article then uses alone, most often ("Gulbuddin
    Hekmatyar" ... "Hekmatyar, who heads ..."). None when no name is used that way. Linear in the text: the words
    used alone are counted once."""
    alone = Counter(m.group(0) for m in _ALONE.finditer(text))
    best: tuple[int, str] | None = None
    for match in _PERSON.finditer(text):
        count = alone[match.group("surname")]
        if count >= MIN_SURNAME_MENTIONS and (best is None or count > best[0]):
            best = (count, match.group(0))
    return best[1] if best else None


# A passive step whose subject is a thing, not a group: "large-scale terror attacks organized in Turkey in 2016 were
# listed", "their flags and symbols were banned".
_PASSIVE = re.compile(r"(?:was|were|been|be|is|are)\s", _I)
_THINGS = re.compile(
    r"\b(?:attacks?|incidents?|bombings?|killings?|crimes?|activities|symbols?|flags?|emblems?|logos?|rallies|rally"
    r"|demonstrations?|protests?|marches|websites?|accounts?|books?|publications?|materials?|songs?|videos?|slogans?"
    r"|events?|meetings?|gatherings?|fundraisers?|donations?|measures?|drones?|weapons?|substances?)\b",
    _I,
)
_GROUP_NOUN = re.compile(
    r"\b(?:groups?|organi[sz]ations?|entit(?:y|ies)|movements?|part(?:y|ies)|networks?|fronts?|wings?|brigades?"
    r"|militias?|factions?|outfits?|associations?|gangs?|cartels?|individuals?|persons?|people|who|which|that|it|they)\b",
    _I,
)
_CLAUSE_START = re.compile(r".*(?:[,;:(—–]|\band\b|\bbut\b)", re.S)


def passive_of_a_thing(sentence: str, step_start: int, step: str) -> bool:
    """Whether a passive step ("were listed") has things for its subject ("terror attacks organized in Turkey in
    2016 were listed"): its clause names attacks, symbols, rallies or the like and no group, person or pronoun."""
    if not _PASSIVE.match(step):
        return False
    before = sentence[:step_start]
    clause_start = _CLAUSE_START.match(before)
    clause = before[clause_start.end() if clause_start else 0 :]
    return _THINGS.search(clause) is not None and _GROUP_NOUN.search(clause) is None


_SMALL_WORDS = frozenset(
    {"of", "the", "and", "for", "in", "de", "del", "la", "des", "du", "und", "der", "и", "в"}
)
_ACRONYM = re.compile(r"[A-ZА-ЯЁ]{2,8}")
_NAME_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def acronym_expansions(names: Sequence[str]) -> dict[str, str]:
    """Acronyms among ``names`` and the name among them each stands for, by the initials of its words ("АКР" for
    "Антивоенный комитет России", "NTJ" for "National Thowheeth Jamaath"): one group, reported under its full name."""
    found: dict[str, str] = {}
    for acronym in names:
        if not _ACRONYM.fullmatch(acronym):
            continue
        for name in names:
            words = [w for w in _NAME_WORD.findall(name) if w.casefold() not in _SMALL_WORDS]
            if len(words) >= 2 and "".join(w[0] for w in words).upper() == acronym:
                found[acronym] = name
                break
    return found


# "the PKK – listed as a terrorist organisation by Türkiye, the US and the European Union – has been responsible":
# a bare participle opening a dashed or bracketed aside after a name describes the group's standing.
_ASIDE_OPENING = re.compile(r"[\w'’)\"”»]\s*(?:[–—(]|\s-)\s*$")
_BARE_PARTICIPLE = re.compile(r"(?:listed|designated|banned|proscribed|outlawed|blacklisted)\b", _I)


def english_status_aside(sentence: str, step_start: int, step: str) -> bool:
    """Whether a listing participle opens a dashed or bracketed aside right after a name ("the PKK – listed as a
    terrorist organisation by Türkiye, the US and the European Union –"): a standing status, not a step."""
    return (
        _BARE_PARTICIPLE.match(step) is not None and _ASIDE_OPENING.search(sentence[:step_start]) is not None
    )


# A court or office acts; it is no group: "Атырау қаласының соты" (the Atyrau city court, Kazakh), "Supreme Court",
# "Oberlandesgericht", "Tribunal Supremo".
_BODY_NAME = re.compile(
    r"(?:^|\s)(?:court|tribunal|соты|сотының|сот|суд|суда)$|(?:gericht|gerichtshof)$|^(?:tribunal|cour|corte)\b",
    _I,
)


def body_name(name: str) -> bool:
    """Whether a name read as a group names a court ("Атырау қаласының соты", "Supreme Court")."""
    return _BODY_NAME.search(name.strip()) is not None


# A law's short name: "the Terrorism Suppression Act 2002 (“TSA”)", "Unlawful Activities (Prevention) Act (UAPA)".
_LAW_BEFORE = re.compile(
    r"\b(?:Act|Code|Law|Order|Ordinance|Regulations?|Gesetz|Ley|Loi)(?:\s+(?:of\s+)?\d{4})?\s*\(\s*[\"“«„]?$"
)


def law_acronym(sentence: str, start: int) -> bool:
    """Whether the name at ``start`` is a law's short name given after its title ("Act 2002 (“TSA”)")."""
    return _LAW_BEFORE.search(sentence[max(0, start - 40) : start]) is not None


# '“Proscribing this terrorist group will ensure ...': a gerund subject, after an opening quote too, speaks of the
# measure, not of a step taken.
_GERUND_SUBJECT = re.compile(
    r"[\s\"“„«‘']*(?:Proscribing|Banning|Designating|Outlawing|Listing|Delisting)\s+(?:this|that|them|it|these|those|such|the)\b"
)


def gerund_subject(sentence: str) -> bool:
    """Whether the sentence's subject is a listing gerund ("Proscribing this terrorist group will ensure ...")."""
    return _GERUND_SUBJECT.match(sentence) is not None


# A part of a group named by its parent: "the American subsidiary of FBK" ("американскую дочернюю структуру ФБК"), "a
# branch of X": the part is what the step is about, not the parent.
_PART_OF_BEFORE = re.compile(
    r"(?:\b(?:subsidiary|subsidiaries|branch|branches|wing|affiliate|offshoot|chapter|front)\s+of\s+(?:the\s+)?"
    r"|дочерн\w+\s+(?:структур|компани|организаци)\w*\s+|филиал\w*\s+|подразделени\w*\s+)[«\"„“]?$",
    _I,
)


def parent_of_the_object(sentence: str, start: int) -> bool:
    """Whether the name at ``start`` names the parent of the part a step is about ("дочернюю структуру ФБК")."""
    return _PART_OF_BEFORE.search(sentence[max(0, start - 40) : start]) is not None


_SMALL_NAME_WORDS = frozenset({"of", "the", "and", "for", "in", "de", "del", "la", "al", "el"})


def spelled_out(acronym: str, text: str) -> str | None:
    """The name an article spells an acronym out as, right before it in brackets: "the People’s Mujahedin of Iran
    (PMOI)" for PMOI. The name's initials must run in the acronym's order and miss at most one of its letters (the
    "Organisation" a translation leaves out), so "Nancy Faeser (SPD)" spells nothing."""
    if not _ACRONYM.fullmatch(acronym):
        return None
    at = text.find(f"({acronym})")
    if at <= 0:
        return None
    before = text[max(0, at - 120) : at].rstrip()
    named = last_name_before(" " + before, len(before) + 1)
    if named is None or named.end != len(before) + 1:
        return None
    initials = [w[0].upper() for w in named.text.split() if w.casefold() not in _SMALL_NAME_WORDS]
    letters = iter(acronym)
    in_order = all(any(letter == initial for letter in letters) for initial in initials)
    if initials[:1] != [acronym[0]] or not in_order or len(initials) < max(2, len(acronym) - 1):
        return None
    return named.text
