# ruff: noqa: RUF001, RUF002, RUF003  -- typographic quotes, apostrophes and dashes are real article text.
"""Lists of organisations that one decision names: where a list begins, its items, and how many there are.

News and official notices name many groups at once in a few shapes:

- a lead-in ending in a colon, then the items in the same sentence: "designated the following groups as
  terrorists organizations: (1) A; (2) B; ... and (16) C", "include four ideologically motivated extremist
  groups: A, the B, the C and D", "l'ajout des groupes suivants à la liste : le réseau 764, le C";
- the same lead-in ending the sentence, the items on the lines after it ("• A", "- three affiliates: B, C",
  "1. D (DD) alias E");
- a counted object whose names follow later ("has placed 13 new groups on the list." ... "They include four
  ... groups which are A, B" ... "are, the three Al Qaida affiliates C, D and E" ... "The groups are - F, G").

Every reader here is anchored at a known position and bounded (lead-ins by a character limit, lists by
:data:`MAX_LIST_ITEMS`), so a sentence costs time in proportion to its length.
"""

from __future__ import annotations

import re

from proscribe.news import jurisdictions
from proscribe.news.orgnames import ITEM_NUMBER, FoundName, enumerated_names, inside_region, plausible

# One decision rarely names more groups than this; a longer run of capitalised words is a table, not a list.
MAX_LIST_ITEMS = 40
# Lines read after a sentence that ends in a colon.
MAX_LIST_LINES = 60

COUNT_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20,
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    # news-dev8: Russian, in the cases a count of groups is told in ("пять структур", "четырех группировок").
    "два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3, "четыре": 4, "четырех": 4, "четырёх": 4,
    "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "семи": 7, "восемь": 8, "восьми": 8,
    "девять": 9, "девяти": 9, "десять": 10, "десяти": 10,
}  # fmt: skip
_COUNT_WORD = "|".join(sorted(COUNT_WORDS, key=len, reverse=True))
# The plural nouns a count of organisations is told in.
_GROUP_PLURAL = (
    r"(?:organi[sz]ations|groups|entities|outfits|affiliates|networks|movements|factions|gangs|cartels|associations"
    r"|Organisationen|Gruppen|Gruppierungen|Vereine|Vereinigungen|organizaciones|grupos|entidades|movimientos"
    r"|cárteles|carteles|disidencias|facciones|organisations|groupes|entités|mouvements|réseaux|dissidences|factions"
    r"|организаци\w*|групп\w*|структур\w*|формировани\w*|объединени\w*)"
)
# "13 new groups", "four ideologically motivated extremist groups", "the three Al Qaida affiliates", "two more outfits".
COUNTED = re.compile(
    rf"\b(?P<count>{_COUNT_WORD}|\d{{1,3}})\s+(?:[\w’'-]+\s+){{0,4}}?{_GROUP_PLURAL}\b",
    re.IGNORECASE,
)
# Before a counted object: "are, the three ...", "— two ...".
_COUNT_LEAD = re.compile(r"[ \t]*[,:\-–—]?[ \t]*(?:the[ \t]+)?")
# Where a counted object's names begin: "groups: A", "groups which are A", "affiliates the A", "outfits — A".
_AFTER_COUNT = re.compile(
    r"[ \t]*(?::|[-–—]|,?[ \t]+(?:which|that|who)[ \t]+(?:are|were|include)|,?[ \t]+(?:namely|including|incl\.)"
    r"|,)?[ \t]*(?=(?:the[ \t]+)?[A-ZÀ-Þ\"“„«(0-9])"
)
# "the following groups as terrorists organizations:", "the following as “terrorist organizations, ... groups:”",
# "des groupes suivants à la liste des entités terroristes :", "las siguientes organizaciones:", "folgende Vereine:",
# "identifiqué a los siguientes grupos del crimen organizado transnacional como organizaciones terroristas y actores
# no estatales beligerantes:" (the personal "a" of a Spanish object; a long category).
_FOLLOWING = re.compile(
    r"[ \t]*(?:(?:the[ \t]+)?following\b|(?:des|les)[ \t]+(?:[\w’'-]+[ \t]+){0,2}?suivante?s\b"
    r"|(?:a[ \t]+)?(?:los|las)[ \t]+siguientes\b|folgenden?\b)[^:.;!?]{0,160}?[ \t]*:[\"”»]?",
    re.IGNORECASE,
)
# A short cue right before a list: "are", "include", "namely", a dash or a colon, and an article.
_CUE = re.compile(
    r"[ \t]*,?[ \t]*(?:(?:are|were|include[sd]?|including|namely|sind|son|sont)\b[ \t]*)?[:,\-–—]?[ \t]*"
)
_BULLET = re.compile(r"[ \t]*(?:[-–•*·▪●][ \t]+|\(?\d{1,2}[.)][ \t]*|\([a-z]\)[ \t]*)")
_NUMBER_ONLY = re.compile(r"\(?\d{1,2}[.)]")
# An item's other names: "A alias B alias C", "A, also known as B", "A a.k.a. B".
_ITEM_ALIAS = re.compile(
    r"[ \t]+(?:alias|a\.k\.a\.|aka)[ \t]+|,?[ \t]+also[ \t]+known[ \t]+as[ \t]+|[ \t]+/[ \t]+"
)
_INNER_PARENTHESIS = re.compile(r"[ \t]*\([^()]{1,60}\)")
# Before an item of a semicolon list: "and", a number.
_ITEM_HEAD = re.compile(r"[ \t]*(?:and[ \t]+|y[ \t]+|et[ \t]+)?(?:\(\d{1,2}\)|\d{1,2}[.)])?[ \t]*")
# A semicolon list ends at the sentence's end (or a line's).
_LIST_END = re.compile(r"[.!?](?:[ \t]|$)(?![ \t]*\(?\d)|\n")
_CAPITAL_WORD = r"(?:[A-ZÀ-ÞА-ЯЁ0-9][\w’'.&-]*|(?:al|el|ad|an|ar|as|ash|at|az|ul|ut)-[\w’'-]+)"
# A whole item is a name: capitalised words with the small words names carry, "and" among them ("Islamic State of
# Iraq and Syria"), "-" or "–" between ("AL – Qaeda", "Bangsamoro Islamic Freedom Fighters-Bungos").
_WHOLE_NAME = re.compile(
    rf"(?:the[ \t]+)?{_CAPITAL_WORD}(?:[ \t]+(?:(?:of|the|in|and|for|de|del|du|des|la|al|el|wal|fil|bin|ul|&)[ \t]+)*"
    rf"{_CAPITAL_WORD}|[ \t]+[-–][ \t]+{_CAPITAL_WORD}){{0,9}}\.?"
)


def count_of(text: str) -> int:
    """The number of organisations ``text`` announces ("has designated 16 more groups", "thirteen entities"), else 0."""
    match = COUNTED.search(text)
    return _number(match.group("count")) if match else 0


def _number(word: str) -> int:
    return int(word) if word.isdigit() else COUNT_WORDS.get(word.lower(), 0)


def list_start(text: str, position: int) -> int | None:
    """Where the list announced at ``position`` begins: after "the following ...:", after a counted object
    ("four ... groups:", "the three Al Qaida affiliates"), or ``None`` when no such lead-in stands there."""
    following = _FOLLOWING.match(text, position)
    if following is not None:
        return following.end()
    lead = _COUNT_LEAD.match(text, position)
    counted = COUNTED.match(text, lead.end()) if lead is not None else None
    if counted is not None:
        after = _AFTER_COUNT.match(text, counted.end()) or _DESCRIBED_COUNT.match(text, counted.end())
        if after is not None:
            return after.end()
    return None


# news-dev8: a counted object described at length before its colon: "quatre groupes extrémistes violents motivés par
# des raisons idéologiques : A, B", "two violent extremist groups of an ideological nature: A and B".
_DESCRIBED_COUNT = re.compile(r"[^:.;!?,()\n]{1,100}?[ \t]*:[ \t]*(?=(?:the[ \t]+)?[A-ZÀ-Þ\"“„«0-9])")


# news-dev8: some members of a counted object named after it ("a retiré cinq groupes de sa liste ..., dont le mouvement
# séparatiste basque dissout ETA et la secte japonaise Aum", "removed five groups, including the Basque group ETA").
_INCLUDED = re.compile(
    r"[ \t]*,[ \t]*(?:dont|including|among[ \t]+them|notamment|incluidos|incluidas|entre[ \t]+(?:ellos|ellas)|darunter"
    r"|y[ \t]+compris|parmi[ \t]+lesquels|parmi[ \t]+lesquelles)[ \t]+",
    re.IGNORECASE,
)
# An item: its description (an article and lower-case words) and the name that ends it.
_DESCRIBED_ITEM = re.compile(
    r"(?:(?i:le|la|les|l['’]|el|los|las|the|a|an|der|die|das)[ \t]*(?=[a-zà-ÿ]))?(?:[a-zà-ÿ'’-]+[ \t]+){0,6}?"
    r"(?P<name>[A-ZÀ-Þ][\w'’-]*(?:[ \t]+(?:[A-ZÀ-Þ0-9][\w'’-]*|de|du|des|del|al|el|of|the))*)"
)
_INCLUDED_SPLIT = re.compile(r"[ \t]*,[ \t]*(?:(?:et|y|and|und)[ \t]+)?|[ \t]+(?:et|y|and|und)[ \t]+")
_COUNT_TO_INCLUDED = 200


def included_after_count(text: str, position: int) -> list[FoundName]:
    """The members a sentence names of the counted object after ``position`` ("cinq groupes ..., dont le mouvement
    séparatiste basque dissout ETA et la secte japonaise Aum" gives ETA and Aum); empty when none are named."""
    counted = COUNTED.search(text, position, min(len(text), position + 80))
    if counted is None:
        return []
    included = _INCLUDED.search(text, counted.end(), min(len(text), counted.end() + _COUNT_TO_INCLUDED))
    if included is None or re.search(r"[.;:]", text[counted.end() : included.start()]):
        return []
    names: list[FoundName] = []
    at = included.end()
    while len(names) < MAX_LIST_ITEMS:
        item = _DESCRIBED_ITEM.match(text, at)
        if item is None:
            break
        name = item.group("name")
        end = item.end("name")
        if not plausible(name) or jurisdictions.is_state_name(name):
            break
        names.append(FoundName(item.start("name"), end, name))
        separator = _INCLUDED_SPLIT.match(text, end)
        if separator is None:
            break
        at = separator.end()
    return names


# news-dev8: a sentence that opens with the groups and says they are among those acted on ("Le groupe juif Kahane Chai,
# lié à l'ancien rabbin Meir Kahane, ainsi que l'organisation jihadiste palestinienne Conseil de la choura ... font
# partie des mouvements retirés de la liste", "A and B are among the groups removed").
_AMONG_BEFORE = re.compile(
    r"[ \t]+(?:font|fait|faisaient|sont|figurent|figuraient|are|were|is|was|forman|formaban|están|estaban|están)[ \t]+"
    r"(?:partie[ \t]+)?(?:des|parmi[ \t]+les|among[ \t]+the|de[ \t]+los|de[ \t]+las|entre[ \t]+los|entre[ \t]+las)[ \t]+"
    r"(?:[\w-]+[ \t]+){0,3}?$",
    re.IGNORECASE,
)
_SUBJECT_SPLIT = re.compile(
    r",?[ \t]+(?:ainsi[ \t]+que|as[ \t]+well[ \t]+as|así[ \t]+como|et|and|y)[ \t]+", re.IGNORECASE
)


# A name this long is no office's or body's title, even when it opens with one's word ("Conseil de la choura ...").
_LONG_NAME_WORDS = 4


def members_before(text: str, verb_start: int) -> list[FoundName]:
    """The groups a sentence opens with when it says they are among those the step at ``verb_start`` acted on (each
    item a description and the name ending it, an aside after the name left out); empty otherwise."""
    among = _AMONG_BEFORE.search(text, max(0, verb_start - 80), verb_start)
    if among is None or among.start() > _SUBJECT_REACH:
        return []
    names: list[FoundName] = []
    position = 0
    for separator in [*_SUBJECT_SPLIT.finditer(text, 0, among.start()), None]:
        end = separator.start() if separator is not None else among.start()
        aside = text.find(",", position, end)
        end = aside if aside >= 0 else end  # "Kahane Chai, lié à l'ancien rabbin Meir Kahane": an aside
        item = _DESCRIBED_ITEM.match(text, position, end)
        if item is None:
            return []
        # The name runs to the item's end, lower-case words included ("Conseil de la choura des moudjahidines").
        name = text[item.start("name") : end].strip()
        if not (plausible(name) or len(name.split()) >= _LONG_NAME_WORDS) or jurisdictions.is_state_name(
            name
        ):
            return []
        names.append(FoundName(item.start("name"), item.start("name") + len(name), name))
        if separator is not None:
            position = separator.end()
    return names


def counted_list_within(text: str, position: int) -> list[FoundName]:
    """The names of the first counted object after ``position`` that a colon lists: "a inscrit 13 nouveaux groupes sur
    la liste ..., dont quatre groupes extrémistes ... : A, B, C et D" gives A-D (a part of the 13 named here)."""
    for counted in COUNTED.finditer(text, position):
        names = list_after(text, counted.start())
        if names:
            return names
    return []


def list_after(text: str, position: int) -> list[FoundName]:
    """The names of a list announced at ``position`` ("the following ...: (1) A; (2) B; and (3) C", "four
    groups: A, B, C and D"); empty when no list lead-in stands there or no name follows it."""
    start = list_start(text, position)
    if start is None:
        return []
    return _items(text, start)


def semicolon_list(text: str, position: int) -> list[FoundName]:
    """The names of a list that semicolons delimit right after ``position``, each item with its own description:
    "Removed from the FTO blacklist were Kahane Chai, a Jewish extremist group linked to late rabbi Meir Kahane; the
    Palestinian jihadist group Mujahidin Shura Council in the Environs of Jerusalem; and Euskadi Ta Askatasuna, or
    ETA, ..." gives the three; empty when no such list stands there."""
    while position < len(text) and text[position] in " \t":
        position += 1
    return [_without_owner(n) for n in _semicolon_items(text, position)]


def semicolon_list_span(text: str, position: int) -> tuple[int, int] | None:
    """Where a list of two or more semicolon-delimited items right after ``position`` stands, descriptions included
    (a state in "Euskadi Ta Askatasuna, or ETA, a Basque separatist group that operated in Spain and France" describes
    an item and does not act); ``None`` when there is no such list."""
    names = semicolon_list(text, position)
    if len(names) < 2:
        return None
    end = _LIST_END.search(text, names[-1].end)
    return names[0].start, (end.start() if end is not None else len(text))


def names_after_cue(text: str, position: int) -> list[FoundName]:
    """Names right after a cue ("are - A, B", "are, the three Al Qaida affiliates C, D and E", "include 764, B")."""
    start = list_start(text, position)
    if start is None:
        cue = _CUE.match(text, position)
        start = cue.end() if cue is not None else position
        if start < len(text) and text[start].isdigit() and list_start(text, start) is not None:
            start = list_start(text, start) or start
    return _items(text, start)


# Between a subject list and its passive verb: the last item's acronym, a group noun, the auxiliary.
_BEFORE_PASSIVE = re.compile(
    r"[ \t]*(?:\([^()]{1,20}\)[ \t]*)?(?:(?:organi[sz]ations|groups|outfits|entities|movements|networks)[ \t]+)?"
    r"(?:have|has|had|were|was|are|is|will)[ \t]+(?:(?:also|now|all|since|officially|been|be|formally)[ \t]+)*$"
)
# How _BEFORE_PASSIVE ends: every text it matches ends with this (no list before the verb without it).
_AUXILIARY_BEFORE_VERB = re.compile(
    r"(?:have|has|had|were|was|are|is|will)[ \t]+(?:(?:also|now|all|since|officially|been|be|formally)[ \t]+)*$"
)
# A list's first word: "the" or a capital that does not continue a capitalised word before it.
_CONJUNCTION = re.compile(r"\b(?:and|und|sowie|y|et|и|as[ \t]+well[ \t]+as)\b")
_SUBJECT_START = re.compile(r"(?:(?<=[ \t])|^)(?:the[ \t]+)?[A-ZÀ-Þ\"“„«]")
_CAPITALISED_BEFORE = re.compile(r"[A-ZÀ-Þ][\w’'.-]*[ \t]+$")
# How far before the verb a subject list may begin.
_SUBJECT_REACH = 300


def list_before(text: str, verb_start: int) -> list[FoundName]:
    """The subject list of a passive step: "the National Thowheed Jamaath (NTJ), the Jamaathe Millaathe Ibrahim
    (JMI), and the Willayath As Seylani (WAS) organisations have been banned". Two names at least, the last one
    followed only by its acronym, a group noun and the auxiliary; empty otherwise."""
    low = max(0, verb_start - _SUBJECT_REACH)
    best: list[FoundName] = []
    if _AUXILIARY_BEFORE_VERB.search(text, low, verb_start) is None:
        return best  # no auxiliary right before the verb: no list can end in one (most steps are active)
    for start in _SUBJECT_START.finditer(text, low, verb_start):
        if text[start.start()] != "t" and _CAPITALISED_BEFORE.search(
            text, max(0, start.start() - 40), start.start()
        ):
            continue  # inside a name, not at its first word
        if inside_region(text, start.start()):
            continue  # "Muslim Conference Jammu and Kashmir": "Kashmir" begins no item
        names = enumerated_names(text, start.start(), lead_in=False, limit=MAX_LIST_ITEMS)
        # The longest list, begun as late as possible: "According to the Gazette the A (AA), the B" starts at A.
        if (
            len(names) >= max(2, len(best))
            and _BEFORE_PASSIVE.match(text[names[-1].end : verb_start])
            # A list ends in a conjunction ("A, B and C"); "In Kazakhstan, the Taliban was recognized" is no list.
            and _CONJUNCTION.search(text, names[-2].end, names[-1].start)
        ):
            best = names
    return best


# "a Hamás y Hezbollah como organizaciones terroristas internacionales, y a ISIS y Al Qaeda como ...": the verb's
# second object list, after the first one's category.
_CONTINUED = re.compile(
    r"(?:[ \t]*\([^()]{1,60}\))?[ \t]+(?:como|comme)\b[^,;.()]{1,80},[ \t]*(?:y|et|e)[ \t]+"
    r"(?:(?:a|al|à|au|aux)[ \t]+)?(?=[A-ZÀ-Þ„\"«“]|(?:la|las|los|el|le|les|l['’])[ \t]*[A-ZÀ-Þ])"
)
MAX_CONTINUED_LISTS = 4


def continued_objects(text: str, end: int) -> list[FoundName]:
    """The further object lists of a Spanish or French verb whose first list ends at ``end``: "declarar a A y B
    como organizaciones terroristas internacionales, y a C y D como organizaciones terroristas globales" gives C, D."""
    found: list[FoundName] = []
    for _ in range(MAX_CONTINUED_LISTS):
        continued = _CONTINUED.match(text, end)
        if continued is None:
            break
        names = enumerated_names(text, continued.end(), lead_in=False)
        if not names:
            break
        found.extend(names)
        end = names[-1].end
    return found


def counted_names(text: str) -> list[FoundName]:
    """The names right after a counted object anywhere in ``text`` ("will designate two other groups, A and B")."""
    for counted in COUNTED.finditer(text):
        names = list_after(text, counted.start())
        if names:
            return names
    return []


def _items(text: str, start: int, single: bool = False) -> list[FoundName]:
    while start < len(text) and text[start] in " \t":
        start += 1
    names = _semicolon_items(text, start) or enumerated_names(
        text, start, lead_in=False, limit=MAX_LIST_ITEMS, in_list=True
    )
    if text[:start].rstrip().endswith(":"):
        whole = delimited_items(text, start)
        if _reads_more(whole, names, single):
            names = whole
    if not names:
        return []
    names = [_without_owner(n) for n in names]
    # A list of one bare number is a count ("include 83 organizations"), not a group.
    if len(names) == 1 and names[0].text.isdigit():
        return []
    return names


# news-dev8: a list after a colon is delimited by commas and its last "et"/"y"/"and": each item is one name, lower-case
# words included ("Trois affiliés d'Al Qaïda : Jamaat Nosrat Al-Islam Wal-Mouslimine, Front de libération du Macina et
# Ansar Dine", "Mouvement impérial russe", "État islamique en Libye"). An item is a name when it starts with a capital
# (after an article) and holds no word that only a clause holds (a verb, a relative pronoun, a preposition that
# introduces the list's category); the last item ends where such a word begins ("C sur la liste").
_ITEM_SPLIT = re.compile(r"[ \t]*,[ \t]*(?:(?:et|y|e|and|und)[ \t]+)?|[ \t]+(?:et|y|and|und)[ \t]+")
_ITEM_ARTICLE = re.compile(r"(?i:(?:le|la|les|el|los|las|the|die|der|das)[ \t]+|l['’])(?=[A-ZÀ-ÞА-ЯЁ0-9])")
_CLAUSE_WORD = re.compile(
    r"[ \t](?:was|were|is|are|has|have|had|will|would|which|who|that|as|by|with|to|from|on|said|says|est|sont|ont|qui"
    r"|que|dont|été|sera|seront|par|pour|avec|sur|selon|comme|es|son|fue|fueron|quien|por|para|con|según|como|ha|han"
    r"|ist|sind|wurde|wurden|als|wegen)\b.*$",
    re.DOTALL,
)
_DELIMITED_END = re.compile(r"[;\n]|[.!?](?:[ \t]|$)")
_MAX_ITEM_WORDS = 9


def delimited_items(text: str, start: int) -> list[FoundName]:
    """The items of a list from ``start`` to the sentence's end (or a ";"), cut at commas and the last "et"/"y"/"and",
    each item whole; empty when an item is no name (it starts lower-case, is long, or holds a clause's word before
    the last item)."""
    end_match = _DELIMITED_END.search(text, start)
    stop = end_match.start() if end_match is not None else len(text)
    pieces: list[tuple[int, str]] = []
    position = start
    for separator in [*_ITEM_SPLIT.finditer(text, start, stop), None]:
        piece_end = separator.start() if separator is not None else stop
        pieces.append((position, text[position:piece_end]))
        if separator is not None:
            position = separator.end()
    names: list[FoundName] = []
    for number, (at, piece) in enumerate(pieces):
        cleaned = _INNER_PARENTHESIS.sub("", piece)
        clause = _CLAUSE_WORD.search(cleaned)
        if clause is not None:
            if number < len(pieces) - 1:
                return []
            cleaned = cleaned[: clause.start()]
        cleaned = cleaned.strip(" \t.")
        # A lower-case article is the sentence's ("les groupes ... : le réseau 764"); a capitalised one inside a list
        # is the name's ("Division Atomwaffen, The Base, Proud Boys").
        article = _ITEM_ARTICLE.match(cleaned)
        if article is not None and article.group(0)[:1].islower():
            cleaned = cleaned[article.end() :]
        core = cleaned[article.end() :] if article is not None and cleaned[:1].isupper() else cleaned
        if not core or not (core[:1].isupper() or core[:1].isdigit()):
            return []
        if len(cleaned.split()) > _MAX_ITEM_WORDS or not plausible(core):
            return []
        offset = at + piece.find(cleaned) if cleaned in piece else at
        names.append(FoundName(offset, offset + len(cleaned), cleaned))
    return names


def _reads_more(whole: list[FoundName], names: list[FoundName], single: bool = False) -> bool:
    """Whether the whole-item reading of a list is the better one: more items, or the same first items read longer
    (one item only on a list line: "; un affilié de Daesh : État islamique - République démocratique du Congo .")."""
    if len(whole) < (1 if single else 2) or len(whole) < len(names):
        return False
    if len(whole) > len(names):
        return True
    return sum(len(n.text) for n in whole) > sum(len(n.text) for n in names)


_OWNER = re.compile(r"(?P<state>[A-ZÀ-Þ][\w-]*(?:[ \t]+[A-ZÀ-Þ][\w-]*)?)[’']s[ \t]+(?=[A-ZÀ-Þ])")


def _without_owner(name: FoundName) -> FoundName:
    """ "Iraq’s Selselat al Thahab Money Exchange": where a listed company or group is based is no part of its name."""
    owner = _OWNER.match(name.text)
    if owner is None or not jurisdictions.is_state_name(owner.group("state")):
        return name
    return FoundName(name.start + owner.end(), name.end, name.text[owner.end() :])


# A counted object's complement and the relative clause that names its members: "dos disidencias de las antiguas
# FARC, que son el A (EMC) y la B", "two splinter factions of the group, which are A and B".
_COUNT_COMPLEMENT = re.compile(
    r"[ \t]+(?:of|de|des|del|de[ \t]+la|de[ \t]+las|de[ \t]+los|d['’])[ \t]*[^,;:.()]{1,50}?(?=,)"
)
_RELATIVE_NAMING = re.compile(
    r",[ \t]*(?:(?:which|that)[ \t]+(?:are|were)|(?:que|qui)[ \t]+(?:son|sont|eran|étaient|fueron)|namely|a[ \t]+saber"
    r"|à[ \t]+savoir)[ \t]+"
)


def counted_relative_lists(text: str, position: int) -> list[tuple[tuple[int, int], list[FoundName]]]:
    """Counted objects after ``position`` whose members a relative clause names, each with the span of the counted
    phrase (a name inside it describes the members and is not one): "y a dos disidencias de las antiguas FARC, que
    son el Estado Mayor Central (EMC) y la Segunda Marquetalia" gives the span of "dos disidencias de las antiguas
    FARC" and the two names."""
    found: list[tuple[tuple[int, int], list[FoundName]]] = []
    for counted in COUNTED.finditer(text, position):
        end = counted.end()
        complement = _COUNT_COMPLEMENT.match(text, end)
        end = complement.end() if complement is not None else end
        naming = _RELATIVE_NAMING.match(text, end)
        if naming is None:
            continue
        names = enumerated_names(text, naming.end(), lead_in=False)
        if len(names) == _number(counted.group("count")):
            found.append(((counted.start(), end), names))
    return found


def counted_lists_before(text: str, verb_start: int) -> list[FoundName]:
    """The lists counted objects name before a passive verb: "two financial organizations-Iraq’s A and Syria’s B
    that cooperated with the IS and two terror groups currently operating in Syria - the C and D - were added"."""
    if not _PASSIVE_AUXILIARY.search(text, max(0, verb_start - 12), verb_start):
        return []
    found: list[FoundName] = []
    for counted in COUNTED.finditer(text, max(0, verb_start - _SUBJECT_REACH), verb_start):
        found.extend(n for n in list_after(text, counted.start()) if n.end <= verb_start)
    return found


_PASSIVE_AUXILIARY = re.compile(r"\b(?:were|was|been|are|is)[ \t]+$")


def _semicolon_items(text: str, start: int) -> list[FoundName]:
    """ "(1) Islamic State in Iraq and Syria in South-East Asia; (2) B; ... and (16) C": items that semicolons
    delimit are whole names, "and" included; empty when the list is not one of numbered or semicolon items."""
    first = ITEM_NUMBER.match(text, start)
    end = _LIST_END.search(text, start)
    stop = end.start() if end is not None else len(text)
    if first is None and text.count(";", start, stop) < 2:
        return []
    names: list[FoundName] = []
    position = start
    for chunk in text[start:stop].split(";"):
        offset = position
        position += len(chunk) + 1
        item = _ITEM_HEAD.match(chunk)
        head = item.end() if item else 0
        body = _INNER_PARENTHESIS.sub("", chunk[head:]).strip()
        whole = _WHOLE_NAME.fullmatch(body)
        if whole is not None and plausible(body):
            at = offset + head + len(chunk[head:]) - len(chunk[head:].lstrip())
            names.append(FoundName(at, at + len(body), body))
            continue
        found = enumerated_names(chunk, head, lead_in=False, limit=MAX_LIST_ITEMS, in_list=True)
        if not found:
            break
        names.extend(FoundName(offset + n.start, offset + n.end, n.text) for n in found)
        if len(names) >= MAX_LIST_ITEMS:
            break
    return names


def ends_with_colon(sentence: str) -> bool:
    """Whether a sentence announces lines that follow: "Canada has also listed:", "... groups:”", "entries—"."""
    return sentence.rstrip().rstrip('"”»').rstrip().endswith((":", "—"))


_CONTINUATION = re.compile(
    r"(?:the[ \t]+)?(?:others?|rest|remaining(?:[ \t]+\w+)?|they|these|those|also)\b[^.:;]{0,40}:$",
    re.IGNORECASE,
)


# The groups are named elsewhere: "the organisations listed below", "the following groups", "as follows".
_LIST_ELSEWHERE = re.compile(
    r"\b(?:organi[sz]ations|groups|entities|outfits)\s+(?:listed|named|set\s+out|mentioned)\s+below\b"
    r"|\b(?:listed|named|set\s+out)\s+below\b|\bas\s+follows\b|\bthe\s+following\s+(?:organi[sz]ations|groups|entities)\b",
    re.IGNORECASE,
)


def refers_to_list(sentence: str, verb_start: int) -> bool:
    """Whether the step at ``verb_start`` names its groups in a list given elsewhere ("the organisations listed
    below were designated"): when no list was read, no name in the sentence is one of them."""
    return (
        _LIST_ELSEWHERE.search(sentence, max(0, verb_start - 80), min(len(sentence), verb_start + 120))
        is not None
    )


def continues_list(sentence: str) -> bool:
    """ "The other are:", "The others are:", "They are:": a short sentence that hands a list on to the lines after it."""
    stripped = sentence.strip().rstrip('"”»').rstrip()
    return len(stripped.split()) <= 8 and _CONTINUATION.fullmatch(stripped) is not None


# news-dev8: a list line that lost its bullet still opens with a count and a colon ("Trois affiliés d'Al Qaïda : A, B
# et C", "; un affilié de Daesh : D").
_COUNTED_HEADING = re.compile(
    rf"[ \t;]*(?:{_COUNT_WORD}|one|un|une|uno|una|ein|eine|\d{{1,3}})\b[^:\n.!?]{{1,200}}:", re.IGNORECASE
)


def list_lines(following: list[str]) -> list[FoundName]:
    """The names of the list lines after a sentence that ends in a colon: bulleted ("• A", "- three affiliates:
    B, C, and D") or numbered ("1. A (AA) alias B", "(2) C"); a bare number that the sentence splitter cut
    off ("1.") joins the line after it. Reading stops at the first line that is no list item."""
    found: list[FoundName] = []
    pending_number = False
    for line in following[:MAX_LIST_LINES]:
        stripped = line.strip()
        if _NUMBER_ONLY.fullmatch(stripped):
            pending_number = True
            continue
        marker = _BULLET.match(line)
        if marker is None and not pending_number and not _COUNTED_HEADING.match(line):
            break
        pending_number = False
        body = line[marker.end() :] if marker is not None else line
        names = _line_names(body)
        if not names and body[:1].isupper():
            break  # a sentence, not an item: the list is over
        found.extend(names)
        if len(found) >= MAX_LIST_ITEMS:
            break
    return found


def _line_names(body: str) -> list[FoundName]:
    """Names in one list line: "three Al Qaida affiliates: A, B, and C", "A (AA) alias B", "C (Thowheedh) D (CD)"."""
    colon = body.find(":")
    if 0 <= colon < 80:
        return _items(body, colon + 1 + len(body[colon + 1 :]) - len(body[colon + 1 :].lstrip()), single=True)
    alias = _ITEM_ALIAS.search(body)
    head = body[: alias.start()] if alias else body
    # "United Thawheed (Thowheedh) Jamma’ath (UTJ)": a variant spelling in brackets inside the name.
    cleaned = _INNER_PARENTHESIS.sub("", head).strip()
    if _WHOLE_NAME.fullmatch(cleaned) and plausible(cleaned.rstrip(".")):
        return [FoundName(0, len(cleaned.rstrip(".")), cleaned.rstrip("."))]
    names = enumerated_names(cleaned, 0, lead_in=False, limit=MAX_LIST_ITEMS, in_list=True)
    # One item per line: the rest of the line must be asides ("(UTJ)", "also ..."), not a sentence going on.
    if len(names) == 1 and len(names[0].text) < len(cleaned.rstrip(". ")) - 2:
        rest = cleaned[names[0].end :].strip(" .,;")
        if rest and rest[:1].islower() and not rest.startswith(("and ", "or ")):
            return []
    return [n for n in names if plausible(n.text)]


# [news-dev12] A plural object that names no group, whose members the next sentence lists: "extended the ban on
# several Meitei extremist organisations", "declared the outfits as", "a désigné les groupes suivants".
_PLURAL_OBJECT = re.compile(
    rf"[ \t]+(?:on[ \t]+|against[ \t]+|a[ \t]+)?(?:the|these|those|several|various|some|all|les|ces|plusieurs|"
    rf"los|las|estos|estas|varios|varias|die|diese|mehrere)[ \t]+(?:[\w’'-]+[ \t]+){{0,3}}?{_GROUP_PLURAL}\b",
    re.IGNORECASE,
)
# A sentence that lists a plural object's members: "These organisations include A, B", "They are: A; B",
# "Les groupes sont A, B", "En la lista están A, B", "Those listed include; A, B".
_LIST_SENTENCE = re.compile(
    rf"^[ \t]*(?:(?:They|These|Those|Ils|Elles|Ellos|Ellas|Sie)|(?:The|These|Those|Les|Ces|Los|Las|Estos|Estas|Die|"
    rf"Diese)[ \t]+(?:[\w’'-]+[ \t]+){{0,2}}?{_GROUP_PLURAL}|Those[ \t]+listed(?:[ \t]+\w+)?|En[ \t]+la[ \t]+lista"
    rf"|Dans[ \t]+la[ \t]+liste|Entre[ \t]+ell[oa]s)[ \t]+(?:are|were|include[sd]?|sont|comprennent|incluent|"
    rf"están|son|figuran|incluyen|sind)\b[ \t]*[:;,\-–—]?",
    re.IGNORECASE,
)
# A list that a plural object announces has at least this many names (two are told in the sentence itself).
_MIN_ANNOUNCED_ITEMS = 3


def plural_object(sentence: str, position: int) -> bool:
    """Whether a plural object that names no group follows ``position`` (the end of a listing verb)."""
    return _PLURAL_OBJECT.match(sentence, position) is not None


def listed_members(following: list[str]) -> list[FoundName]:
    """The members a plural object announced, from the first of the next two sentences that opens as a list of
    them ("These organisations include Peoples’ Liberation Army and its political wing, Revolutionary Peoples’
    Front, ..."); empty when neither does, or it names fewer than :data:`_MIN_ANNOUNCED_ITEMS`."""
    for sentence in following[:2]:
        opening = _LIST_SENTENCE.match(sentence)
        if opening is None:
            continue
        names = _items(sentence, opening.end())
        if len(names) < _MIN_ANNOUNCED_ITEMS:
            names = _described_items(sentence, opening.end())
        return names if len(names) >= _MIN_ANNOUNCED_ITEMS else []
    return []


# Between the items of a list sentence: a comma or semicolon (and a conjunction), or a conjunction alone.
_ITEM_SEPARATOR = re.compile(r"[ \t]*[,;][ \t]*(?:(?:and|y|et|und|e)[ \t]+)?|[ \t]+(?:and|y|et|und|e)[ \t]+")
_LEADING_ARTICLE = re.compile(r"^(?:(?:the|la|le|les|los|las|el|die|der|das)[ \t]+|l[’'])", re.IGNORECASE)
# A name's words: capitalised (or a number), or the short words names join them with.
_NAME_WORD = re.compile(
    r"^(?:[A-ZÀ-Þ0-9][\w’'.&-]*|of|for|the|and|de|del|la|las|los|el|des|du|en|in|al|d[’'][\w’'-]+|"
    r"(?:al|el|ad|an|ar|as|ash|at|az|ul|ut)-[\w’'-]+)$"
)
# A common noun a name may open with: "le groupe Maute", "el cártel de Sinaloa".
_NAME_HEAD = re.compile(
    r"^(?:group|groupe|grupo|gruppe|movement|mouvement|movimiento|front|frente|brigades?|brigadas?|network|réseau|red|"
    r"cartel|cártel|clan|banda|gang|organi[sz]ation|organización)$",
    re.IGNORECASE,
)
# The name a described piece ends with: "its armed wing the Manipur Peoples’ Army", "les dirigeants sont Mahad Moalim".
_CAPITALISED_TAIL = re.compile(r"\b(?:the|are|were|sont|son|sind)[ \t]+((?:[A-ZÀ-Þ][\w’'.&-]*[ \t]*){1,8})$")


def _described_items(sentence: str, start: int) -> list[FoundName]:
    """The names of a list sentence whose items carry descriptions ("Peoples’ Liberation Army and its political
    wing, Revolutionary Peoples’ Front, United National Liberation Front and its armed wing the Manipur Peoples’
    Army, ..."): each piece between separators is a name when its words are a name's, or gives the name after
    its last "the"; a description ("its political wing") gives none."""
    end = _LIST_END.search(sentence, start)
    body = sentence[start : end.start() if end is not None else len(sentence)]
    names: list[FoundName] = []
    position = 0
    for separator in [*_ITEM_SEPARATOR.finditer(body), None]:
        piece_end = separator.start() if separator is not None else len(body)
        piece = body[position:piece_end].strip(' \t"“”«»')
        offset = start + body.find(piece, position) if piece else start
        position = separator.end() if separator is not None else len(body)
        article = _LEADING_ARTICLE.match(piece)
        name = piece[article.end() :] if article is not None else piece
        words = name.split()
        if len(words) > 1 and _NAME_HEAD.match(words[0]) and all(_NAME_WORD.match(w) for w in words[1:]):
            pass  # "le groupe Maute": a common noun and the name
        elif not (words and words[0][0].isupper() and all(_NAME_WORD.match(w) for w in words)):
            tail = _CAPITALISED_TAIL.search(piece)
            if tail is None:
                continue
            name = tail.group(1).strip()
        if plausible(name) and len(names) < MAX_LIST_ITEMS:
            at = sentence.find(name, offset)
            names.append(FoundName(at, at + len(name), name))
    return names


# [news-dev12] A counted object's names in brackets after it: "trois groupes affiliés à Daech (l’État islamique en
# Afrique de l’Ouest ou EIAO, Daech-Philippines et Daech-Bangladesh)".
_BRACKETED_AFTER_COUNT = re.compile(r"[^().;:]{0,60}?\((?P<inside>[^()]{3,400})\)")
# An item's short name or alias inside the brackets: "A ou EIAO", "A or AA", "A o AA".
_ITEM_OR = re.compile(r"[ \t]+(?:ou|or|o)[ \t]+\S.*$")


def counted_parenthesis(sentence: str, count_start: int) -> list[FoundName]:
    """The names of the counted object at ``count_start`` given in brackets right after it, when there are as many
    as it counts; empty otherwise."""
    counted = COUNTED.match(sentence, count_start)
    if counted is None:
        return []
    bracket = _BRACKETED_AFTER_COUNT.match(sentence, counted.end())
    if bracket is None:
        return []
    inside, offset = bracket.group("inside"), bracket.start("inside")
    names: list[FoundName] = []
    position = 0
    for separator in [*_ITEM_SEPARATOR.finditer(inside), None]:
        piece_end = separator.start() if separator is not None else len(inside)
        piece = inside[position:piece_end]
        at = offset + position
        position = separator.end() if separator is not None else len(inside)
        article = _LEADING_ARTICLE.match(piece)
        if article is not None:
            piece, at = piece[article.end() :], at + article.end()
        name = _ITEM_OR.sub("", piece).strip()
        if not (name and name[0].isupper() and plausible(name)):
            return []  # brackets that hold no list of names ("(ATC)", "(the group's own words)")
        names.append(FoundName(at, at + len(name), name))
    return names if len(names) == _number(counted.group("count")) else []
