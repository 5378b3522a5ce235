# ruff: noqa: RUF001, RUF003  -- Cyrillic letters and typographic quotes are the point of these patterns.
"""Organisation names read from the words around a listing verb, for groups the registry does not know.

"announces the designation of Tren de Aragua, Mara Salvatrucha (MS-13), Cártel de Sinaloa, ... and
Cárteles Unidos as FTOs" names eight organisations; "The fourth proscribed group is the Baluchistan
Liberation Army (BLA)" one; "Verboten wurden ... die Teilorganisationen „Islamische Akademie
Deutschland e.V.“, der „Verein der Förderer ...“" several. A name is a run of capitalised words (with
the small words names carry: de, del, la, al-, of, e.V.) or a quoted phrase; an enumeration is names
joined by commas, "and", "und", "sowie", "и". Every pattern here is anchored at a known position and
bounded, so reading a sentence costs time in proportion to its length.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import pycountry

_CAP = r"[A-ZÄÖÜÁÉÍÓÚÑÇÀÂÈÊÎÔÛА-ЯЁ]"
_WORD = rf"(?:{_CAP}[\w'’.&]*(?:-[\w'’]+)*|(?:al|el|ad|an|ar|as|ash|at|az|ul|ut|e|i|ad-Dawla)-[\w'’]+(?:-[\w'’]+)*|MS-13|\d+)"
# "Front de Libération du Macina", "Islamic State in the Greater Sahara" (not "... in the UK").
_SMALL = r"(?:de|del|de\s+la|du|des|da|la|los|las|al|el|ul|ut|bin|ibn|of|the|for|fi|wa|e|in\s+the(?![ \t]+(?:UK|US|USA|EU|United|European|Russian|Federal)\b))"
# Words join by spaces (with the small words between) or by a spaced dash ("Colombia - People's Army").
_NAME = re.compile(
    rf"{_WORD}(?:(?:[ \t]+(?:{_SMALL}[ \t]+)*|[ \t]+[-–][ \t]+){_WORD}){{0,7}}(?:[ \t]+e\.V\.)?"
)
_QUOTED = re.compile(r"[«„“\"]([^«»„“”\"]{2,90})[»“”\"]")
# Single curly quotes: "banned ‘The Resistance Front’ terror outfit". A ’ followed by a letter is an apostrophe
# inside the name ("‘People’s Mujahedin’"), and the closing ’ is followed by no letter ("the Front’s").
_SINGLE_QUOTED = re.compile(r"‘((?:[^‘’\n]|’(?=\w)){2,90})’(?!\w)")
# One or more asides in brackets: "Jamaat Nusrat al-Islam Wal-Muslimin (JNIM) (Nusrat al-Islam) (NIM)".
_PARENTHESIS = re.compile(r"(?:[ \t]*\([^()]{1,60}\))+")
# A numbered list's item marker: "(1) A; (2) B; and (16) C", "1. A", "2) B".
ITEM_NUMBER = re.compile(r"[ \t]*(?:\(\d{1,2}\)|\d{1,2}[.)])[ \t]+")
_AND = r"(?:and|und|sowie|и|as\s+well\s+as|et|y|ainsi\s+que|así\s+como)"
_SEPARATOR = re.compile(rf"[ \t]*(?:,[ \t]*{_AND}?|[ \t]+{_AND}|;[ \t]*{_AND}?)[ \t]+")
# "Tren de Aragua, de Venezuela, y la Mara Salvatrucha": where a listed group comes from is no further name.
_ORIGIN_ASIDE = re.compile(
    rf",[ \t]*(?:de|d['’]|du|from|originari[oa]\s+de|originaire\s+d\w*)[ \t]*{_CAP}[\w'’-]*(?:[ \t]+{_CAP}[\w'’-]*)?(?=[ \t]*,)"
)
# "Islamic State in Libya", "Al-Qaida in Iraq": a place after "in" belongs to a listed name when the list goes on
# right after it (a place where the act applies, "in Germany", ends the list instead).
_IN_PLACE = re.compile(
    rf"[ \t]+in[ \t]+(?!(?:the|UK|US|USA|EU|Britain|Canada|Germany|Russia|Australia|New|France|India|Austria)\b){_CAP}[\w'’-]+(?=[ \t]*(?:,|;|and\b|$))"
)
# An aside after a listed name, up to the next ";": "A, also known as the B or the C; D; E, including the F; and G".
_ASIDE = re.compile(
    r",?[ \t]*(?:also[ \t]+known[ \t]+as|a\.?k\.?a\.?|formerly(?:[ \t]+known[ \t]+as)?|including)[ \t]+[^;.]{1,200}?(?=;)"
    # One alias in a relative clause: "Ansar Bayt al-Maqdis, which is also known as Ansar Jerusalem, Al Murabitun and ...".
    rf"|,[ \t]*(?:which|who)[ \t]+(?:is|are|was|were)[ \t]+(?:also[ \t]+)?(?:known|referred[ \t]+to)[ \t]+as[ \t]+(?:the[ \t]+)?{_CAP}[\w'’-]*(?:[ \t]+{_CAP}[\w'’-]*){{0,4}}(?=[ \t]*,)"
)
# Before the first name: articles and adjectives ("die Teilorganisationen", "украинский батальон"),
# or a short lead-in ending in a copula ("group is the", "entities listed today are:").
_ARTICLE = re.compile(
    r"[ \t]*(?:(?:the|The|die|der|das|den|des|dem|le|la|les|el|los|las)[ \t]+(?=\S)|l['’](?=\w))?(?:[A-Z][\w]*-based[ \t]+)?"
)
# French and Spanish objects: a weekday or adverb, articles (Spanish "a" before a named object) and a group noun
# with its adjectives after it: "a retiré mardi le groupe islamiste syrien Hay'at Tahrir el-Cham", "quitó el martes a
# las Fuerzas Armadas Revolucionarias de Colombia", "fueron designadas como organizaciones terroristas el Tren de Aragua".
_ROMANCE_ARTICLE = r"(?:le|la|les|l['’]|el|los|las|a|al|à|au|aux|del|du|des)"
_ROMANCE_LEAD = re.compile(
    r"[ \t]*(?:(?:el|le|ce|este)[ \t]+)?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd['’]hui|lunes|martes"
    r"|miércoles|jueves|viernes|sábado|domingo|ayer|hoy|también|aussi|également|officiellement|oficialmente|formalmente"
    r"|formellement|ya|déjà),?[ \t]+)*"
    r"(?:(?:comme|como)[ \t]+(?:(?:une?|una?)[ \t]+)?(?:[\wà-ÿ-]+[ \t]+){1,3}?(?=(?:le|la|les|el|los|las|a|al|l['’])[ \t]|[A-ZÀ-Þ]))?"
    rf"(?:{_ROMANCE_ARTICLE}(?:[ \t]+|(?<=['’])))*"
    r"(?:(?:groupe|mouvement|organisation|réseau|grupo|organización|movimiento|red|cártel|cartel|banda|guerrilla|milicia)"
    rf"(?:[ \t]+[a-zà-ÿ-]+){{0,3}}?[ \t]+(?:{_ROMANCE_ARTICLE}[ \t]+)*)?"
    r"(?=[A-ZÀ-Þ„\"«“])"
)
# A list item's description before its name: "the Japanese cult", "the radical Jewish group".
_DESCRIBED = re.compile(
    r"(?:the|a|an)[ \t]+(?:[\w-]+[ \t]+){0,4}?(?:group|cult|sect|movement|organi[sz]ation|network|gang|militia|faction|outfit|cartel)[ \t]+"
    # French and Spanish: "le réseau 764, le Maniac Murder Cult, le réseau Terrorgram", "el grupo X".
    r"|(?:le|la|l['’]|el|los|las|les)[ \t]*(?:réseau|groupe|mouvement|organisation|grupo|red|movimiento|organización|cártel|cartel)[ \t]+"
)
_LEAD_IN = re.compile(
    r"[ \t]*(?:[a-zäöüа-яё0-9-]+[ \t]+){0,5}?(?:are|is|include[sd]?|including|sind|ist)[ \t]*:?[ \t]*"
    # news-dev8: plural group nouns too ("that US far-right groups the Proud Boys and The Base are").
    r"|[ \t]*(?:(?:the|a|an|die|der|das|den|des|dem)[ \t]+)?(?:[\w-]+[ \t]+){0,4}?(?:groups?|organi[sz]ations?|movements?|networks?|gangs?|associations?|entity|entities|cults?|sects?|militias?|factions?|outfits?"
    r"|Verein|Gruppe|Gruppierung|Vereinigung|Netzwerk|Organisation|Teilorganisation(?:en)?|движени\w*|организаци\w*|батальон|объединени\w*)[ \t]+(?:(?:the|die|der|das)[ \t]+)?"
    r"|[ \t]*(?:[\w-]+[ \t]+){0,3}?(?:groups|organi[sz]ations|entities|gangs|cartels)[ \t]*,[ \t]*"
    r"|[ \t]*[^.:;,]{0,40}?:[ \t]*"
)
# After a name: a lowercase word other than these means the capitalised word was an adjective
# ("Islamist groups", "Colombian armed group"), except a singular group noun that belongs to the name
# ("the Bishnoi gang").
_NAME_END = re.compile(
    r"[ \t]*(?:[,;:.)\]»“”\"!?—–-]|$|\(|(?:and|und|sowie|и|as|als|from|off|to|on|in|for|with|under|by|was|were|is|are|has|have|had"
    r"|will|who|which|that|based|also|been|wurde|wurden|sind|ist|seien|von|zu|за|в|из|как|terrorist|terroristisch\w*|террористическ\w*|et|y|ou|o|de|del|du|des|à|au|aux|en|par|por|pour|para|sur|sous|dans|con|avec|comme|como|qui|que|dont|est|es|fue|fueron|sont|son|ont|han|ha|a|avait|été|sera|será|se|également|también|originaire|originari[oa]|came|comes|took|takes|goes|went|lost|entered)\b)"
)
# A list item's description after its name, up to the next comma: "far-right groups active in North America".
_ITEM_DESCRIPTION = re.compile(
    r"[ \t]+(?:[a-z][\w-]*[ \t]+){0,4}(?:groups?|organi[sz]ations?|collectives?|movements?|networks?|outfits?|militias?"
    r"|gangs?|cartels?|affiliates?)\b[^,;.()]{0,60}(?=,|;)"
)
_SINGULAR_NOUN = re.compile(r"[ \t]+(gang|cartel|group|movement|network|brigade|collective)\b")
_SPEECH_AFTER = re.compile(
    r"[ \t]+(?:said|says|told|announced|stated|sagte|erklärte|teilte|заявил\w*|сообщил\w*)\b"
)
_GENERIC = re.compile(
    r"^(?:The|A|An|It|He|She|They|This|That|These|Those|Its|Their|Today|Foreign|Terrorist|Terrorism|Specially|FTOs?|SDGTs?"
    r"|Criminal\s+Code|Federal\s+Register|State\s+Department|Department|Home\s+Office|Home\s+Secretary|Secretary|Minister|President"
    r"|Government|Parliament|Council|Court|Supreme|Ministry|Mr|Mrs|Ms|Dr|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|January|February|March|April|May|June|July|August|September|October|November|December|Executive\s+Order|Immigration"
    r"|Terrorism\s+Act|Islamic\s+Emirate|Union\s+Territor(?:y|ies)|Prosecutor|Генпрокуратур\w*|Верховн\w+|ТАСС|РИА"
    r"|Ce|Cette|Département|Departamento|Registro|Secrétaire|Secretario|Gobierno|Gouvernement"
    r"|Ministère|Ministerio|Conseil|Consejo|Code\s+criminel|Código|Estados|États|Organizaciones|Organisations)\b"
    # A nationality alone, or with an office ("Russian Foreign Ministry"), is no name; "Russian Imperial
    # Movement" is one.
    r"|^(?:Canadian|American|British|Russian|German|Indian|Pakistani|Australian)(?:\s+(?:[A-Z]\w+\s+)?(?:Government|Ministry|Foreign|Authorities|Officials|Court|Federation|Embassy|Army|Forces|Parliament|Police))?$"
)
# A law's title ("Unlawful Activities Prevention Act", "Criminal Code") is no group either.
_LAW_TITLE = re.compile(r"\b(?:Act|Code|Regulations?|Ordinance)$")
_PLACE = re.compile(rf"[ \t]+(?:in|aus|from|в)[ \t]+{_CAP}[\w-]*(?:[ \t]*\([^()]{{1,20}}\))?")
# "das Islamische Zentrum Hamburg (IZH)": a capitalised phrase with its acronym is an organisation's name.
ACRONYM_NAME = re.compile(
    rf"(?P<name>{_WORD}(?:[ \t]+(?:{_SMALL}[ \t]+)*{_WORD}){{1,7}})[ \t]*\((?P<abbr>[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё0-9-]{{1,9}})\)"
)
# The end of every ACRONYM_NAME match (its "abbr" group in its parentheses).
_ACRONYM_IN_PARENTHESES = re.compile(r"\((?:[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё0-9-]{1,9})\)")
MAX_NAMES = 12


@dataclass(frozen=True)
class FoundName:
    start: int
    end: int
    text: str


def _ascii_folded(name: str) -> str:
    if name.isascii():
        return name  # nothing to decompose, no combining mark
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


@cache
def _regions() -> frozenset[str]:
    """The names of states' regions (ISO 3166-2 subdivisions: "Jammu and Kashmir", "Punjab", "Khyber Pakhtunkhwa"),
    without accents; those that are also a country's name ("Georgia") are left out, since a country after a name
    may be another item of a list."""
    countries = {_ascii_folded(c.name) for c in pycountry.countries}
    return frozenset(
        name
        for name in (_ascii_folded(s.name) for s in pycountry.subdivisions)
        if name not in countries and name[:1].isupper() and len(name) > 3
    )


@cache
def _and_regions() -> dict[str, tuple[str, ...]]:
    """Region names with "and" inside, by what comes before it: "Jammu" → ("Kashmir",)."""
    found: dict[str, list[str]] = {}
    for name in _regions():
        head, _, tail = name.partition(" and ")
        if tail:
            found.setdefault(head, []).append(tail)
    return {head: tuple(sorted(tails, key=len, reverse=True)) for head, tails in found.items()}


@cache
def _and_region_heads() -> tuple[str, ...]:
    """The first halves of the region names with "and" inside (the keys of _and_regions)."""
    return tuple(_and_regions())


@cache
def _head_and_before() -> re.Pattern[str]:
    """Any region's first half, then "and", at the end of a text: one search instead of one per region."""
    heads = "|".join(re.escape(head) for head in sorted(_and_regions(), key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?:{heads})[ \t]+and[ \t]+$")


def inside_region(text: str, position: int) -> bool:
    """Whether ``position`` starts the second half of a region's name ("Kashmir" in "Jammu and Kashmir")."""
    before = text[max(0, position - 60) : position]
    # The one search finds a match wherever one of the per-region searches below does; they then tell which.
    if "and" not in before or _head_and_before().search(before) is None:
        return False
    for head, tails in _and_regions().items():
        if re.search(rf"(?<![\w'’-]){re.escape(head)}[ \t]+and[ \t]+$", before) and any(
            text.startswith(tail, position) for tail in tails
        ):
            return True
    return False


def part_of_region(text: str, start: int, name: str) -> bool:
    """Whether ``name`` at ``start`` is half of a region's name: "Jammu" or "Kashmir" in "banned Jammu and Kashmir
    (J&K) based terrorist organisations"."""
    end = start + len(name)
    return inside_region(text, start) or _region_and_tail(text, name, end) != end


def _region_and_tail(text: str, value: str, end: int) -> int:
    """Where a name that ends in a region's first half goes on to the region's end: "Muslim Conference Jammu" +
    " and Kashmir" (the "and" inside a region's name joins no two items of a list); ``end`` when it does not."""
    if not value.endswith(_and_region_heads()):
        return end  # (one test for all the heads; most names end in none)
    for head, tails in _and_regions().items():
        if value.endswith(head) and (len(value) == len(head) or value[-len(head) - 1] in " \t"):
            for tail in tails:
                joined = re.compile(rf"[ \t]+and[ \t]+{re.escape(tail)}\b").match(text, end)
                if joined is not None:
                    return joined.end()
    return end


# A region after a comma that ends a list: "the ban on Jamaat-e-Islami, Jammu and Kashmir, for five years".
_COMMA_REGION = re.compile(rf",[ \t]*(?P<place>{_CAP}[\w'’-]*(?:[ \t]+(?:and|of|the|{_CAP}[\w'’-]*)){{0,4}})")
_REGION_END = re.compile(r"[ \t]*(?:[.;:)]|,[ \t]*[a-z]|,?[ \t]*$|[ \t]+(?!(?:and|or)\b)[a-z])")
_NAME_GOES_ON = re.compile(rf"(?:[ \t]+(?:{_SMALL}[ \t]+)*{_WORD}){{1,6}}")
# A faction named in brackets belongs to the name: "Muslim Conference Jammu and Kashmir (Sumji faction)".
_FACTION = re.compile(r"[ \t]*\([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3}[ \t]+(?:faction|wing|group)\)")


def _region_after_comma(text: str, end: int) -> int:
    """Where a region that follows a name after a comma and ends the list ends ("Jamaat-e-Islami, Jammu and
    Kashmir" is one organisation, the party's regional branch); ``end`` when no such region follows."""
    match = _COMMA_REGION.match(text, end)
    if match is None:
        return end
    words = match.group("place").split()
    for size in range(len(words), 0, -1):
        if _ascii_folded(" ".join(words[:size])) in _regions():
            stop = match.start("place") + len(" ".join(words[:size]))
            if " ".join(words[:size]) == text[match.start("place") : stop] and _REGION_END.match(text, stop):
                return stop
            return end
    return end


def _name_at(text: str, position: int, in_list: bool = False) -> tuple[FoundName, int] | None:
    """The name starting at ``position`` (after an article), and where it ends, parenthesis included (and, in a
    list, a description up to the next comma: "Aryan Strikeforce far-right groups active in North America")."""
    article = _ARTICLE.match(text, position)
    at = article.end() if article else position
    # news-dev8: a capitalised article inside a sentence is the name's own ("designated The Base", "a Los Choneros").
    named_article = (
        article is not None
        and _NAME_ARTICLE.fullmatch(
            text, article.start() + len(article.group(0)) - len(article.group(0).lstrip()), at
        )
        is not None
        and not _SENTENCE_START.search(
            text, 0, article.start() + len(article.group(0)) - len(article.group(0).lstrip())
        )
    )
    quoted = _QUOTED.match(text, at) or _SINGLE_QUOTED.match(text, at)
    if quoted and quoted.group(1).strip()[:1].isupper():
        inner = quoted.group(1).strip()
        # "banned ‘The Resistance Front’ terror outfit": the article inside the quotes is no part of the name.
        article_inside = 4 if inner.startswith("The ") and inner[4:5].isupper() else 0
        inner = inner[article_inside:]
        found = FoundName(
            quoted.start(1) + article_inside, quoted.start(1) + article_inside + len(inner), inner
        )
        end = quoted.end()
        place = _PLACE.match(
            text, end
        )  # „Zentrum der Islamischen Kultur e.V.“ in Frankfurt (Main), die „...“
        end = place.end() if place else end
    else:
        name = _NAME.match(text, at)
        if name is None:
            return None
        value = name.group(0).rstrip(".,")
        if value.endswith(" e.V"):
            value += "."
        end = name.start() + len(value)
        place_end = _region_and_tail(text, value, end)
        if place_end != end:
            # "Jammu and Kashmir Liberation Front": the name goes on after the region.
            more = _NAME_GOES_ON.match(text, place_end)
            place_end = more.end() if more is not None else place_end
        place_end = _region_after_comma(text, place_end)
        faction = _FACTION.match(text, place_end)
        if faction is not None:
            place_end = faction.end()
        if place_end != end:
            value, end = text[name.start() : place_end], place_end
        noun = _SINGULAR_NOUN.match(text, end)
        described = _ITEM_DESCRIPTION.match(text, end) if in_list else None
        if noun:
            value, end = value + noun.group(0), noun.end()
        elif described is not None:
            found = FoundName(name.start(), end, value)
            return found, described.end()
        elif not _NAME_END.match(text, end):
            return None
        if _SPEECH_AFTER.match(text, end):
            return None
        found = FoundName(name.start(), end, value)
        if named_article and article is not None and not _is_article_word(value):
            lead = article.start() + len(article.group(0)) - len(article.group(0).lstrip())
            found = FoundName(lead, end, text[lead:end])
    bracket = _PARENTHESIS.match(text, end)
    return found, (bracket.end() if bracket else end)


# news-dev8: the articles a name may begin with, capitalised ("The Base", "Los Choneros", "Las Mercedes", "El Chapo"),
# and where a sentence (or a quotation, a line) begins: a capital there says nothing.
_NAME_ARTICLE = re.compile(r"(?:The|Los|Las|El|La|Le|Les)[ \t]+")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n«“\"(]|[-–—])[ \t]*$")


def _is_article_word(name: str) -> bool:
    return name.split()[0] in ("The", "Los", "Las", "El", "La", "Le", "Les") if name else False


def without_name_article(name: str) -> str:
    """ "The Base" → "Base": a name's capitalised article left out, for tests of what the rest of the name is."""
    match = _NAME_ARTICLE.match(name)
    return (
        name[match.end() :] if match is not None and name[match.end() : match.end() + 1].isupper() else name
    )


def last_name_before(text: str, end: int) -> FoundName | None:
    """The last capitalised name that ends before ``end`` (within one sentence): what a pronoun object refers to
    ("A ban against Palestine Action has come into force, designating it as a terror group")."""
    found: FoundName | None = None
    position = 0
    while position < end:
        match = _NAME.search(text, position, end)
        if match is None:
            break
        value = match.group(0).rstrip(".,")
        if (
            match.start() > 0
            and plausible(value)
            and _NAME_END.match(text, match.start() + len(value))
            and not _SPEECH_AFTER.match(text, match.start() + len(value))
        ):
            found = FoundName(match.start(), match.start() + len(value), value)
        position = match.end()
    return found


# "Hezbollah, the Iranian-backed, Lebanon-based Shiite group": a compound adjective alone describes a group.
_COMPOUND_ADJECTIVE = re.compile(
    r"[\w’']+-(?:backed|based|linked|affiliated|aligned|led|inspired|funded|sponsored|supported|run|owned)"
)


# Small words that join a name's words and never end one: "the Muslim Brotherhood of ousted president Mohamed Morsi".
_TRAILING_JOINER = re.compile(r"(?:[ \t]+(?:of|de|del|al|the|and|for|in))+$")


def without_trailing_joiner(name: str) -> str:
    """ "Muslim Brotherhood of" → "Muslim Brotherhood": a joining word at the end belongs to the words after it."""
    return _TRAILING_JOINER.sub("", name)


def plausible(name: str) -> bool:
    """A run of words that can be an organisation's name, not a title, a month, a list's own name or an adjective."""
    if len(name) < 2 or len(name.split()) > 10 or _GENERIC.match(name) or _LAW_TITLE.search(name):
        return False
    if _COMPOUND_ADJECTIVE.fullmatch(name) or _ascii_folded(name) in _regions():
        return False  # "Jammu and Kashmir (J&K) based terrorist organisations": a region is no group
    return not name.isdigit()


def enumerated_names(
    text: str, position: int, lead_in: bool = True, limit: int = MAX_NAMES, in_list: bool = False
) -> list[FoundName]:
    """Names listed from ``position`` on: "A, B (b) and the C", stopping at the first non-name.

    With ``in_list`` (a list announced as one: "the following", "four groups:", list lines), items may carry a
    list number ("(1) A; (2) B; and (3) C"), a bare number is a name when another item follows it ("764, Maniac
    Murder Cult"), and an item may carry a description up to the next comma ("the Three Percenters and Aryan
    Strikeforce far-right groups active in North America, the C"); at most ``limit`` names are read.
    """
    names: list[FoundName] = []
    at = position
    if lead_in:
        lead = _LEAD_IN.match(text, at)
        if lead and lead.end() - at <= 60 and _name_at(text, lead.end()) is not None:
            at = lead.end()
        elif _name_at(text, at) is None:
            romance = _ROMANCE_LEAD.match(text, at)
            if romance and romance.end() - at <= 80 and _name_at(text, romance.end()) is not None:
                at = romance.end()
    while len(names) < limit:
        if in_list:
            number = ITEM_NUMBER.match(text, at)
            at = number.end() if number else at
        # An item with its own description: "the Basque separatist group ETA, the Japanese cult Aum Shinrikyo, the
        # radical Jewish group Kahane Kach" (in a list, before a description after the name is looked for).
        described = _DESCRIBED.match(text, at)
        found = _name_at(text, described.end()) if described else None
        if found is None:
            found = _name_at(text, at, in_list)
        if found is None:
            break
        name, end = found
        if not plausible(without_name_article(name.text)) and not (
            in_list and _numeric_item(text, name, end)
        ):
            break
        in_place = _IN_PLACE.match(text, end)
        if in_place is not None and (names or _SEPARATOR.match(text, in_place.end())):
            name = FoundName(name.start, in_place.end(), text[name.start : in_place.end()])
            end = in_place.end()
        names.append(name)
        aside = _ASIDE.match(text, end) or _ORIGIN_ASIDE.match(text, end)
        if aside is not None:
            end = aside.end()
        separator = _SEPARATOR.match(text, end)
        if separator is None:
            break
        at = separator.end()
    return names


def _numeric_item(text: str, name: FoundName, end: int) -> bool:
    """ "764, Maniac Murder Cult, ...": a bare number is a group's name when another name follows it in the list."""
    if not name.text.isdigit():
        return False
    separator = _SEPARATOR.match(text, end)
    return separator is not None and _name_at(text, separator.end()) is not None


def quoted_names(text: str) -> list[FoundName]:
    """Quoted phrases that look like names: short, capitalised, not a sentence (German e.V. names may be long)."""
    found: list[FoundName] = []
    if not any(mark in text for mark in '«„“"‘'):
        return found
    for match in [*_QUOTED.finditer(text), *_SINGLE_QUOTED.finditer(text)]:
        inner = match.group(1).strip()
        long_ok = inner.endswith("e.V.") and len(inner.split()) <= 12
        if not inner[:1].isupper() or not (long_ok or len(inner.split()) <= 5):
            continue
        if not long_ok and inner.rstrip().endswith((".", ",", "!", "?")):
            continue
        # "‘The Resistance Front’": a name may begin with its article; what follows it must be a name.
        body = inner[4:] if inner.startswith("The ") else inner
        if body[:1].isupper() and plausible(body):
            found.append(FoundName(match.start(1), match.start(1) + len(inner), inner))
    return found


# What a match of ACRONYM_NAME holds before its bracket: word characters, apostrophes, dots, "&", dashes, spaces.
_BEFORE_ACRONYM_RUN = re.compile(r"[\w'’.&\s-]*")


def _acronym_name_matches(text: str) -> list[re.Match[str]]:
    """What ``ACRONYM_NAME.finditer(text)`` finds, searched only where a match can stand.

    A match ends at the first bracket after its start, a parenthesised acronym, and holds nothing but the
    characters of _BEFORE_ACRONYM_RUN before it; so it starts within the run of those characters right before
    an acronym's bracket, and the pattern is run on that stretch alone (not tried at every word of a long
    text full of brackets, such as a sanctions list)."""
    matches: list[re.Match[str]] = []
    reverse = text[::-1]  # the run before a bracket, read backwards from it
    position = 0
    for bracket in _ACRONYM_IN_PARENTHESES.finditer(text):
        if bracket.start() < position:
            continue
        run = _BEFORE_ACRONYM_RUN.match(reverse, len(text) - bracket.start())
        run_length = run.end() - run.start() if run is not None else 0
        match = ACRONYM_NAME.search(text, max(position, bracket.start() - run_length), bracket.end())
        if match is not None:
            matches.append(match)
            position = match.end()
    return matches


def acronym_names(text: str) -> list[FoundName]:
    """ "Mara Salvatrucha (MS-13)", "Islamische Zentrum Hamburg (IZH)": names whose acronym follows them.

    The acronym's capitals must be initials of the name's words, so "Nancy Faeser (SPD)" is not one.
    """
    found: list[FoundName] = []
    # Every match ends with a parenthesised acronym: without one the pattern, tried at every word, finds nothing.
    if "(" not in text:
        return found
    for match in _acronym_name_matches(text):
        name = match.group("name")
        words = name.split()
        # Drop leading words that the acronym does not start with ("Betreiber Islamische Zentrum Hamburg").
        initials = [w[:1].casefold() for w in words]
        capitals = [c.casefold() for c in match.group("abbr") if c.isupper()]
        if not capitals or any(c not in initials for c in capitals):
            continue
        first = initials.index(capitals[0])
        value = " ".join(words[first:])
        start = match.start("name") + name.index(words[first])
        if plausible(value):
            found.append(FoundName(start, start + len(value), value))
    return found


_ABBREVIATION = re.compile(r"\((?P<abbr>[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)\)")
_NAME_TOKEN = re.compile(
    r"(?:al|el|ad|an|ar|as|ash|at|az|ul|ut)-[\w'’]+(?:-[\w'’]+)*|[A-ZÄÖÜÁÉÍÓÚ][\w'’]*(?:-[\w'’]+)*|of|the|and|de|del|al|for|in|[-–]"
)
_JOINERS = frozenset({"of", "the", "and", "de", "del", "al", "for", "in", "-", "–"})
MAX_ALIAS_WORDS = 14


def abbreviations(text: str) -> dict[str, str]:
    """Acronyms and the full names they stand for in ``text``: "the Islamic State of Iraq and Syria -
    Democratic Republic of the Congo (ISIS-DRC)" gives ISIS-DRC; "Popular Front of India (PFI)" gives PFI.

    The name runs back from the bracket over capitalised words and the small words, "and" and dashes
    between them, and starts at the word whose initial is the acronym's first letter; every capital of
    the acronym must be an initial of the name's words, so "Nancy Faeser (SPD)" gives nothing.
    """
    found: dict[str, str] = {}
    if "(" not in text:
        return found
    for match in _ABBREVIATION.finditer(text):
        abbr = match.group("abbr")
        capitals = [c.casefold() for c in abbr if c.isupper()]
        if len(capitals) < 2 or abbr in found:
            continue
        before = text[max(0, match.start() - 160) : match.start()]
        tokens = list(_NAME_TOKEN.finditer(before))
        # Only the tokens that run up to the bracket with nothing but spaces between them.
        run: list[re.Match[str]] = []
        edge = len(before.rstrip())
        for token in reversed(tokens):
            if before[token.end() : edge].strip() or len(run) >= MAX_ALIAS_WORDS:
                break
            run.insert(0, token)
            edge = token.start()
        while run and (run[0].group(0) in _JOINERS or run[0].group(0)[:1].casefold() != capitals[0]):
            run.pop(0)
        while run and run[-1].group(0) in _JOINERS:
            run.pop()
        # "al-Sham" gives both its initials: the article's and the name's ("HTS").
        initials = {t.group(0)[:1].casefold() for t in run if t.group(0) not in _JOINERS} | {
            t.group(0).split("-", 1)[1][:1].casefold() for t in run if "-" in t.group(0)[1:]
        }
        if len(run) < 2 or any(c not in initials for c in capitals):
            continue
        found[abbr] = before[run[0].start() : run[-1].end()]
    return found
