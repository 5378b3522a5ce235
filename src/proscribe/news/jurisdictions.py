# ruff: noqa: RUF001, RUF002, RUF003  -- Cyrillic letters and typographic quotes are the point of these patterns.
"""Which state or body acts in a sentence: every UN member state, the UN and the EU, in five languages.

Countries are found by their names (pycountry's ISO 3166-1 names and their Russian, German, French and
Spanish translations), adjectives, capitals used as metonyms ("Colombo", "Canberra") and the offices
that act for them ("Anti-Terrorism Council", "RePET", "Public Safety Canada"); Russian names in every
case by their stems. The table is ``jurisdictions.yaml``; the older per-country patterns of
:data:`proscribe.news.lexicon.JURISDICTIONS` are read too, so nothing found before is lost.

Not every mention is an actor. A mention is dropped or marked *weak* by simple, general rules:

- a country word inside an organisation's name does not act ("Australian Tamil Congress", "Islamic
  Revival Party of Tajikistan"): a run of capitalised words that holds an organisation word (Congress,
  Party, Front ...) and no office word (Government, Ministry, Council ...);
- a place that describes something else does not act: "Washington-based", "US-drafted", "Iraq’s Selselat
  al Thahab Money Exchange" (a possessive before a name), "Lebanese Hezbollah", "Palestinian rights
  groups" (an adjective before a group noun or a name);
- a bare adjective ("Russian wanted list") or a place after "in"/"from" ("outlawed in Russia") is weak:
  it is used only when the sentence names no other state;
- a country with its government ("Sri Lanka's government", "the Indian government", "el Gobierno
  argentino", "Israel's defence minister") is the *actor* and beats other mentions of the sentence.

The extractor (:mod:`proscribe.news.extract`) asks :func:`find_mentions` once per article and
:func:`nearest` per listing verb; :func:`dateline_jurisdiction` names the state of a datelined story
("COLOMBO:", "THE UNITED NATIONS, July 20.", "МОСКВА, 8 дек").
"""

from __future__ import annotations

import bisect
import gettext
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, NamedTuple

import pycountry
import yaml

from proscribe.news import gates, lexicon
from proscribe.news.first_chars import first_char_gate

_TRANSLATIONS = ("ru", "de", "fr", "es")
# A token: letters/digits joined by hyphens, apostrophes or inner dots ("Шри-Ланка", "EE.UU", "Côte d'Ivoire").
_TOKEN = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")
# The same words as a capturing group: ``split`` returns them between the gaps.
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")
# Russian stems shorter than this match only exactly ("США", "РФ", "ОАЭ").
_MIN_STEM = 4
_MAX_ENDING = 4
_RU_ADJECTIVE = re.compile(r"ск(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)$")

# Kinds of mention, by how strongly they name the actor.
ACTOR, PLAIN, WEAK = 0, 1, 2


class Mention(NamedTuple):
    """A state or body named at ``start`` (offset in the text searched); ``rank`` is ACTOR, PLAIN or WEAK."""

    start: int
    code: str
    rank: int
    end: int
    kind: str = "name"  # name, adj, cap, inst (an office or body) or a demonym kind (_DEMONYM_KINDS)
    legacy: bool = False  # found by lexicon.JURISDICTIONS (the states the extractor always knew)


@dataclass(frozen=True)
class _Entry:
    tokens: tuple[str, ...]  # casefolded
    code: str
    kind: str  # name, adj, cap, inst
    capitalised: bool  # the text's first letter must be upper case


@dataclass(frozen=True)
class _Table:
    by_first: dict[str, list[_Entry]]
    ru_stems: dict[str, str]
    org_heads: frozenset[str]
    gov_heads: frozenset[str]
    dateline_places: dict[str, str]


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(m.group(0).casefold() for m in _TOKEN.finditer(text))


def _short(name: str) -> str:
    """ "Iran, Islamic Republic of" -> "Iran"; "Bolivia (Plurinational State of)" -> "Bolivia"."""
    return name.split(",")[0].split("(")[0].strip()


@lru_cache(maxsize=1)
def _table() -> _Table:
    data: dict[str, Any] = yaml.safe_load(
        resources.files("proscribe.news").joinpath("jurisdictions.yaml").read_text(encoding="utf-8")
    )
    entries: list[_Entry] = []
    ru_stems: dict[str, str] = {}
    places: dict[str, str] = {}

    def add(text: str, code: str, kind: str) -> None:
        tokens = _tokens(text)
        if tokens:
            entries.append(_Entry(tokens, code, kind, text[:1].isupper()))

    translations = {
        language: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        for language in _TRANSLATIONS
    }
    for code, extra in data["countries"].items():
        country = pycountry.countries.get(alpha_2=code)
        names: set[str] = set(extra.get("names", []))
        if country is not None:
            for attribute in ("name", "common_name", "official_name"):
                value = getattr(country, attribute, None)
                if value:
                    names.add(_short(value))
            for language, translation in translations.items():
                translated = _short(translation.gettext(country.name))
                if language == "ru" and " " not in translated:
                    stem = translated.casefold().rstrip("аяьйоеиы")
                    if len(stem) >= _MIN_STEM:
                        ru_stems.setdefault(stem, code)
                        continue
                names.add(translated)
        for name in names:
            add(name, code, "name")
            places[" ".join(_tokens(name))] = code
        for adjective in extra.get("adj", []):
            add(adjective, code, "adj")
        for capital in extra.get("cap", []):
            add(capital, code, "cap")
            places[" ".join(_tokens(capital))] = code
        for stem in extra.get("ru", []):
            if len(stem) >= _MIN_STEM:
                ru_stems[stem] = code
            else:
                entries.append(_Entry((stem,), code, "name", False))
    for text, code, kind in _demonym_forms():
        add(text, code, kind)
    for stem, code in _demonym_ru_stems():
        ru_stems.setdefault(stem, code)
    for code, institutions in data["institutions"].items():
        for institution in institutions:
            add(institution, code, "inst")
            places[" ".join(_tokens(institution))] = code
    by_first: dict[str, list[_Entry]] = {}
    for entry in entries:
        by_first.setdefault(entry.tokens[0], []).append(entry)
    for bucket in by_first.values():
        bucket.sort(key=lambda e: -len(e.tokens))
    return _Table(
        by_first,
        ru_stems,
        frozenset(w.casefold() for w in data["organisation_heads"]),
        frozenset(w.casefold() for w in data["government_heads"]),
        places,
    )


# Nationality adjectives in Spanish, French, German and Russian (demonyms.yaml): a mention of one is a state's only
# next to a government word ("el gobierno etíope", "die äthiopische Regierung"); an ordinary one is otherwise weak
# (as an English adjective), one marked "!" in the table ("americano", "georgiano") and the EU's ("europeo") nothing.
_DEMONYM = "demonym"
_DEMONYM_WITH_GOVERNMENT = "demonym-with-government"
_EU_ADJECTIVE = "eu-adjective"
_DEMONYM_KINDS = frozenset((_DEMONYM, _DEMONYM_WITH_GOVERNMENT, _EU_ADJECTIVE))
_GERMAN_ENDINGS = ("", "e", "en", "er", "es", "em")
_RU_ADJECTIVE_ENDINGS = ("ий", "ого", "ому", "им", "ом", "ая", "ой", "ую", "ое", "ие", "их", "ими")
_UNACCENTED = str.maketrans("áéíóú", "aeiou")


class _DemonymData(NamedTuple):
    countries: dict[str, list[str | None]]  # code -> [es, fr, de, ru] as in demonyms.yaml
    eu_forms: list[str]
    government: re.Pattern[str]  # a government word, to be found before or after an adjective
    eu_bodies: re.Pattern[str]  # the EU's bodies' words (Union, Commission ...)


def _word_pattern(words: list[str]) -> re.Pattern[str]:
    """Any of ``words`` as a whole word, with a plural ending, or (Russian stems) any ending."""
    alternatives = "|".join(
        re.escape(w) + (r"\w*" if "\u0400" <= w[:1] <= "\u04ff" else "(?:s|es|n|en)?")
        for w in sorted(words, key=len, reverse=True)
    )
    return re.compile(rf"\b(?:{alternatives})\b", re.I)


@lru_cache(maxsize=1)
def _demonym_data() -> _DemonymData:
    data: dict[str, Any] = yaml.safe_load(
        resources.files("proscribe.news").joinpath("demonyms.yaml").read_text(encoding="utf-8")
    )
    government = [w for words in data["government_words"].values() for w in words]
    eu_words = [w for words in data["eu"]["with"].values() for w in words]
    return _DemonymData(
        data["countries"], data["eu"]["forms"], _word_pattern(government), _word_pattern(eu_words)
    )


def _spanish_forms(masculine: str) -> list[str]:
    """etíope -> etíopes; argentino -> argentina, argentinos, argentinas; francés -> francesa, franceses ..."""
    if masculine.endswith("o"):
        return [masculine, masculine[:-1] + "a", masculine + "s", masculine[:-1] + "as"]
    if masculine.endswith(("e", "a", "i")):
        return [masculine, masculine + "s"]
    if masculine.endswith(("í", "ú")):
        return [masculine, masculine + "es", masculine + "s"]
    stem = masculine[:-2] + masculine[-2].translate(_UNACCENTED) + masculine[-1]  # francés -> frances-
    return [masculine, stem + "a", stem + "es", stem + "as"]


def _french_forms(masculine: str) -> list[str]:
    """éthiopien -> éthiopienne, éthiopiens, éthiopiennes; russe -> russes; français -> française, françaises."""
    if masculine.endswith("e"):
        return [masculine, masculine + "s"]
    if masculine.endswith(("en", "on")):
        return [masculine, masculine + "ne", masculine + "s", masculine + "nes"]
    if masculine.endswith(("s", "x")):
        return [masculine, masculine + "e", masculine + "es"]
    return [masculine, masculine + "e", masculine + "s", masculine + "es"]


def _demonym_forms() -> list[tuple[str, str, str]]:
    """(form, code, kind) of every inflected Spanish, French and German adjective of demonyms.yaml, and the EU's."""
    demonyms = _demonym_data()
    found: list[tuple[str, str, str]] = []
    for code, row in demonyms.countries.items():
        for language, written in zip(("es", "fr", "de"), row[:3], strict=True):
            if not written:
                continue
            kind = _DEMONYM_WITH_GOVERNMENT if written.startswith("!") else _DEMONYM
            base = written.lstrip("!")
            if "/" in base:
                forms = base.split("/")
            elif language == "es":
                forms = _spanish_forms(base)
            elif language == "fr":
                forms = _french_forms(base)
            else:
                forms = [base + ending for ending in _GERMAN_ENDINGS]
            found.extend((form, code, kind) for form in forms)
    spanish, french, german, russian = demonyms.eu_forms
    for form in (
        *_spanish_forms(spanish),
        *_french_forms(french),
        *(german + ending for ending in _GERMAN_ENDINGS),
        *(russian + ending for ending in _RU_ADJECTIVE_ENDINGS),
    ):
        found.append((form, "EU", _EU_ADJECTIVE))
    return found


def _demonym_ru_stems() -> list[tuple[str, str]]:
    """(stem, code) of the Russian adjectives of demonyms.yaml, read as the table's Russian stems."""
    return [(row[3], code) for code, row in _demonym_data().countries.items() if row[3]]


# A government word at most two words before the adjective ("el gobierno etíope", "le ministre éthiopien des Affaires
# étrangères" aside, "el presidente argentino", "las autoridades judiciales paraguayas") or in the two words after it
# ("die äthiopische Regierung", "эфиопское правительство", "die äthiopische neue Regierung").
_WORDS_BETWEEN_BEFORE = re.compile(r"(?:\s+[^\W\d_]+){0,2}\s+")
_TWO_WORDS_AFTER = re.compile(r"\s+([^\W\d_]+)(?:\s+([^\W\d_]+))?")


def _next_to_government(text: str, start: int, end: int, words: re.Pattern[str]) -> bool:
    """Whether a word of ``words`` stands right before or after the adjective at [start, end)."""
    before = text[max(0, start - 60) : start]
    if any(_WORDS_BETWEEN_BEFORE.fullmatch(before, match.end()) for match in words.finditer(before)):
        return True
    after = _TWO_WORDS_AFTER.match(text, end, min(len(text), end + 60))
    return after is not None and any(
        word is not None and words.fullmatch(word) is not None for word in after.groups()
    )


def _older_romance_adjective(first: str) -> bool:
    """Whether an "adj" mention that starts with ``first`` is a lower-case Latin-script adjective of the older table
    ("argentino", "canadien"): English adjectives ("Russian") and Russian stems keep their own government rules."""
    return first.islower() and not "\u0400" <= first <= "\u04ff"


# A Spanish or French government word and "of" right before a country's name: "el presidente de Paraguay", "le
# gouvernement de l'Éthiopie", "el Gobierno de los Estados Unidos".
_OF_BEFORE_NAME = re.compile(r"\s+(?:del?|du|des|d['’])\s*(?:la\s+|l['’]\s*|los\s+|las\s+|le\s+|les\s+)?")


def _government_of(text: str, start: int) -> bool:
    """Whether a Spanish or French government word and "de" stand right before the name at ``start``."""
    before = text[max(0, start - 50) : start]
    return any(
        _OF_BEFORE_NAME.fullmatch(before, match.end()) is not None
        for match in _demonym_data().government.finditer(before)
    )


def _demonym_rank(text: str, start: int, end: int, kind: str) -> int | None:
    """ACTOR next to a government word (the EU's adjective: next to the name of one of its bodies); otherwise WEAK for
    an ordinary adjective, as an English one, and nothing for an ambiguous one or the EU's."""
    if kind != _EU_ADJECTIVE and text[start].isupper():
        return (
            None  # a capitalised form is a people ("les Syriens") or a German genitive ("Syriens HTS-Miliz")
        )
    demonyms = _demonym_data()
    words = demonyms.eu_bodies if kind == _EU_ADJECTIVE else demonyms.government
    if _next_to_government(text, start, end, words):
        return ACTOR
    return WEAK if kind == _DEMONYM and _DEMONYM_ALONE_IS_WEAK else None


_DEMONYM_ALONE_IS_WEAK = True

_STATUS_ASIDE = re.compile(
    r"\([^()]*\b(?:banned|outlawed|prohibited|proscribed|запрещен\w*|verboten)\b[^()]*$", re.I
)
_ASIDE_END = re.compile(r"[^()]{0,20}\)")
_SMALL = frozenset({"of", "the", "for", "in", "and", "de", "del", "la", "des", "du", "al", "el", "y", "et"})
_DESCRIBING_SUFFIX = re.compile(
    r"[-–](?:based|born|backed|linked|affiliated|drafted|registered|headquartered|sponsored|led|funded|inspired|aligned|style)\b",
    re.I,
)
# A government noun after the country ("Sri Lanka's government", "the Indian government", "Gobierno
# argentino" is found before it): the state acting.
_GOVERNMENT_AFTER = re.compile(
    r"(?:['’]s?)?\s+(?:[a-z][a-z-]+\s+){0,2}?(?:government|authorities|cabinet|ministry|minister|ministers|officials|court|courts|parliament|president|prime\s+minister|defen[cs]e\s+minister|interior\s+minister|home\s+minister|foreign\s+minister|police|regime|правительств\w*|власт\w*|суд\w*|министерств\w*|МИД|МВД|gouvernement|gobierno|Regierung|Behörden"
    r"|Government|Ministry|Minister|Cabinet|Parliament|President|Prime\s+Minister|Defen[cs]e\s+Minister|Interior\s+Ministry|Home\s+Ministry|Supreme\s+Court|Court)\b"
)
_GOVERNMENT_BEFORE = re.compile(
    r"(?:gobierno|gouvernement|régimen|justicia|ministerio|ministère|cancillería|autoridades|autorités|Regierung|Behörden|правительств\w*|власт\w*|суд\w*|министерств\w*)\s+$",
    re.I,
)
# An adjective before a group noun describes the group ("Palestinian rights organizations", "Lebanese
# Hezbollah", "Serbian non profit group").
_GROUP_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:groups?|organi[sz]ations?|movements?|militants?|militias?|NGOs?|charit\w+|rights|citizens?|nationals?|jails?|prisons?|diaspora|settlers?|fighters?|jihadists?|terrorists?|extremists?|Islamists?"
    r"|groupes?|organisations?|organizaciones?|grupos?|movimientos?|Gruppen?|Organisationen?|групп\w*|организаци\w*|движени\w*|легион\w*|батальон\w*)\b",
    re.I,
)
# Where a group operates is no actor, a country that always acted included: "a Basque separatist group that
# operated in Spain and France", "active in Iraq and Syria", "opérait en Espagne et en France".
_OPERATES_IN = re.compile(
    r"\b(?:operat(?:es|ed|ing|e)|active|based|fight(?:s|ing)?|fought|attacks|insurgency|opér\w*|actif|active|operab\w*|operan?|activ[oa]s?)"
    r"\s+(?:\w+ly\s+)?(?:in|across|throughout|en|dans|au|aux)\s+(?:the\s+|la\s+|le\s+)?"
    r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*(?:,|\band\b|\bor\b|\bet\b|\by\b)\s*(?:the\s+|en\s+)?)*$"
)
# A terrorist list after a state's adjective is that state's ("a British list of terrorist organisations", "the
# Canadian terror list"); other lists are not ("the Russian wanted list").
_TERROR_LIST_AFTER = re.compile(
    r"\s+(?:(?:terror|terrorist|proscription)\s+)?(?:list|blacklist)\s+of\s+(?:[\w-]+\s+)?(?:terror\w*|proscribed|banned)\b"
    r"|\s+terror(?:ist)?\s+(?:list|blacklist)\b",
    re.I,
)
_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|from|across|throughout|inside|within|into|near|to|en|dans|desde|im|aus|nach)\s+(?:the\s+)?|(?<!\w)(?:в|во|из|на)\s+)$",
    re.I,
)
# The patterns searched in the window before each mention (thousands of windows in a long text) start with "\b" or
# ignore case, so ``re`` tries them at every position: a look-ahead for their first characters makes that one
# character test (the same matches; see proscribe.news.first_chars).
_OPERATES_IN = first_char_gate(_OPERATES_IN)
_GOVERNMENT_BEFORE = first_char_gate(_GOVERNMENT_BEFORE)
_LOCATIVE_BEFORE = first_char_gate(_LOCATIVE_BEFORE)
_DEFERENCE = first_char_gate(lexicon.DEFERENCE)
# A state as the subject of a verb ("Sri Lanka lifts", "Egypt declared", "Argentina incluyó", "Israël a
# inscrit", "Египет признал", "Colombo's decision"), or a dateline ("COLOMBO:").
_SUBJECT_AFTER = re.compile(
    r"(?:['’]s\s+(?:\w+\s+)?(?:decision|move|list|designation|ban|announcement|order|gazette|step)\b|\s*:|\s*,\s+(?:[A-Z][a-z]+\.?\s+\d|\d)"
    r"|\s+(?:has|have|had|will|would|is|was|on|also|formally|officially|now|today|yesterday|said|says|announced|lifts?|bans?|lists?|designates?|declares?|adds?|removes?|outlaws?|proscribes?|\w+ed)\b"
    r"|\s+(?:a|ha|hat|hatte|también|ya)\b|\s+\w+(?:ó|ió)\b|\s+(?:\w+\s+)?(?:inscrit|déclaré|désigné|retiré|interdit)|\s+\w+(?:ил|ила|или|ал|ала|али|ел|ела|ели)\b)"
)


class _Words(NamedTuple):
    """A text split once into its words (``_TOKEN``): ``parts`` alternates gaps and words (``parts[2k + 1]`` is word k,
    ``parts[2k]`` the gap before it), and word k spans ``starts[k]:ends[k]``."""

    parts: list[str]
    words: list[str]
    starts: list[int]
    ends: list[int]


def _split_words(text: str) -> _Words:
    # One split (C, no match object per word); the running sums of the part lengths give the positions.
    parts = _TOKEN_SPLIT.split(text)
    bounds = list(itertools.accumulate(map(len, parts)))
    return _Words(parts, parts[1::2], bounds[0:-1:2], bounds[1::2])


def _run_bounds_from_words(
    split: _Words, length: int, start: int, end: int
) -> tuple[list[str], list[str]] | None:
    """What :func:`_run_bounds` answers, read from the text's words (no scan of the windows), or None when a run may
    reach a word the windows cut or the mention does not start and end with words (ask :func:`_run_bounds`)."""
    parts, words, starts, ends = split
    count = len(words)
    first = bisect.bisect_left(starts, start)
    last = bisect.bisect_left(ends, end)
    if first >= count or starts[first] != start or last >= count or ends[last] != end:
        return None
    low = max(0, start - 80)
    before: list[str] = []
    index = first - 1
    while index >= 0 and ends[index] > low:  # a word ending before the window is not in it
        if starts[index] < low:
            return None  # the window cuts this word: the scan sees only its tail
        word = words[index]
        if parts[2 * index + 2].strip(" ") not in ("", "-") or not (
            word[:1].isupper() or word.casefold() in _SMALL
        ):
            break
        before.append(word)
        index -= 1
    high = min(length, end + 120)
    after: list[str] = []
    index = last + 1
    while index < count and starts[index] < high:
        if ends[index] > high:
            return None
        word = words[index]
        if parts[2 * index].strip(" ") not in ("", "-", "'s", "’s") or not (
            word[:1].isupper() or word.casefold() in _SMALL
        ):
            break
        after.append(word)
        index += 1
    while before and before[-1].casefold() in _SMALL:
        before.pop()
    while after and after[-1].casefold() in _SMALL:
        after.pop()
    return before, after


def _run_bounds(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """The capitalised words (with the small words names carry) right before and right after [start, end)."""
    before: list[str] = []
    edge = start
    for match in reversed(list(_TOKEN.finditer(text, max(0, start - 80), start))):
        gap = text[match.end() : edge]
        word = match.group(0)
        if gap.strip(" ") not in ("", "-") or not (word[:1].isupper() or word.casefold() in _SMALL):
            break
        before.append(word)
        edge = match.start()
    after: list[str] = []
    edge = end
    for match in _TOKEN.finditer(text, end, min(len(text), end + 120)):
        gap = text[edge : match.start()]
        word = match.group(0)
        if gap.strip(" ") not in ("", "-", "'s", "’s") or not (
            word[:1].isupper() or word.casefold() in _SMALL
        ):
            break
        after.append(word)
        edge = match.end()
    # Small words only count between capitalised ones.
    while before and before[-1].casefold() in _SMALL:
        before.pop()
    while after and after[-1].casefold() in _SMALL:
        after.pop()
    return before, after


def _in_organisation_name(
    text: str, start: int, end: int, table: _Table, split: _Words | None = None
) -> bool:
    bounds = _run_bounds_from_words(split, len(text), start, end) if split is not None else None
    before, after = bounds if bounds is not None else _run_bounds(text, start, end)
    # Each word without a final possessive "'s", case-folded (``_bare``: what ``re.sub(r"['’]s$", "", w).casefold()``
    # gives, a word of ``_TOKEN`` holding no newline).
    around = [_bare(w) for w in (*before, *after)]
    if not around:
        return False
    if any(w in table.gov_heads for w in around):
        return False
    if "islamic" in around and "state" in around:
        return True  # "Islamic State of Iraq and Syria - Mozambique"
    return any(w in table.org_heads for w in around)


def _classify(
    text: str, start: int, end: int, kind: str, table: _Table, legacy: bool, split: _Words | None = None
) -> int | None:
    """ACTOR, PLAIN or WEAK for the mention at [start, end); None when it names no actor at all.

    ``legacy`` mentions (the states the extractor always knew: Russia, the US, the UK ...) stay plain unless
    they describe something else; the other states are mostly where groups operate ("militants in Syria",
    "the Taliban took Afghanistan") and act only as a government or a sentence's subject.
    """
    if _DESCRIBING_SUFFIX.match(text, end):
        return None  # "Washington-based", "US-drafted", "Iranian-backed"
    if (start == 0 or text[start - 1] == "\n") and text[start:end].isupper() and end - start > 3:
        return None  # a dateline's place ("МОСКВА, 6 сен —"): see dateline_jurisdiction
    if _STATUS_ASIDE.search(text[max(0, start - 80) : start]) and _ASIDE_END.match(text, end):
        return None  # "(both terror organizations outlawed in Russia)": a Russian outlet's standard aside
    if _in_organisation_name(text, start, end, table, split):
        return None
    if _OPERATES_IN.search(text[max(0, start - 80) : start]):
        return WEAK  # only a place, even for a state that usually acts
    if kind == "inst":
        return ACTOR
    after = text[end : end + 60]
    if _GOVERNMENT_AFTER.match(after) or _GOVERNMENT_BEFORE.search(text[max(0, start - 30) : start]):
        return ACTOR
    if kind in _DEMONYM_KINDS:
        return _demonym_rank(text, start, end, kind)
    if (
        kind == "adj"
        and _older_romance_adjective(text[start])
        and _next_to_government(text, start, end, _demonym_data().government)
    ):
        return ACTOR  # "el presidente argentino" (the table's older adjectives; Russian ones keep _GOVERNMENT_AFTER)
    if kind == "name" and _government_of(text, start):
        return ACTOR  # "El presidente de Paraguay", "le gouvernement de l'Éthiopie"
    if after.startswith(("'s", "’s")):
        following = _TOKEN.search(after, 2)
        if (
            following is not None
            and following.group(0)[:1].isupper()
            and following.group(0).casefold() not in table.gov_heads
        ):
            return None  # "Iraq’s Selselat al Thahab Money Exchange", "Syria’s Hanifa Money Exchange Office"
    if kind == "adj":
        if _TERROR_LIST_AFTER.match(after):
            return PLAIN  # "taken off a British list of terrorist organisations": the list's owner
        if _GROUP_AFTER.match(after):
            return None  # "Palestinian rights organizations"
        following = _TOKEN.match(after.lstrip(" "))
        if following is not None and following.group(0)[:1].isupper() and not legacy:
            return None  # "Lebanese Hezbollah"
        return WEAK
    if legacy:
        return PLAIN
    if _SUBJECT_AFTER.match(after) and not _LOCATIVE_BEFORE.search(text[max(0, start - 20) : start]):
        return PLAIN
    return WEAK


def _bare(word: str) -> str:
    """The casefolded word without a possessive "'s"."""
    return (word[:-2] if word.endswith(("'s", "’s")) else word).casefold()


# What a stem may be followed by: Russian case endings are made of these letters (after an
# adjective's "ск"/"цк"); Kazakh ones are listed. "Колумбайн" (a group) is not "Колумбия" + an ending, "Колумбии" is.
_RU_ENDING_LETTERS = frozenset("аеёийоуыэюямхгв")
_KK_ENDINGS = frozenset(
    (
        "ның",
        "нің",
        "ны",
        "ні",
        "да",
        "де",
        "та",
        "те",
        "ға",
        "ге",
        "қа",
        "ке",
        "дан",
        "ден",
        "тан",
        "тен",
        "нан",
        "нен",
    )
)


def _is_inflection(ending: str) -> bool:
    # an adjective's suffix ("колумбийск-ий", "российск-ого") may come before the case ending
    rest = ending[2:] if ending.startswith(("ск", "цк")) else ending
    return set(rest) <= _RU_ENDING_LETTERS or ending in _KK_ENDINGS


def _table_mentions(split: _Words, table: _Table) -> list[tuple[int, int, str, str]]:
    """(start, end, code, kind) of every table entry in the text ``split`` into words: the longest entry at each
    word, Russian and Kazakh words by their longest known stem."""
    found: list[tuple[int, int, str, str]] = []
    parts, words, starts, ends = split
    by_first = table.by_first
    # What a word can start (table entries) or be (a Russian stem's form) depends on the word alone: it is
    # worked out once per distinct word, and only the words that can be something are visited.
    known: dict[str, tuple[list[_Entry] | None, tuple[str, str] | None]] = {}
    # Every distinct word's bare form, worked out once: the later words of a multi-word entry are compared by it.
    bare_of: dict[str, str] = {}
    for word in set(words):
        folded = bare_of[word] = _bare(word)
        if len(word) < 2:
            continue
        looked_up = (by_first.get(folded), _stem_mention(word, folded, table))
        if looked_up != (None, None):
            known[word] = looked_up
    if not known:
        return found
    # The entries that may be written at a word, given the bare form of the word after it (None: no word after it),
    # in their order: an entry of two words or more whose second word is another cannot be ("the" starts many).
    # Worked out once per pair of words.
    possible: dict[tuple[str, str | None], list[_Entry]] = {}
    count = len(words)
    next_free = 0  # the words of an entry already found are no start of another
    for index in [i for i, word in enumerate(words) if word in known]:
        if index < next_free:
            continue
        word = words[index]
        entries, stem_mention = known[word]
        start = starts[index]
        if entries is not None:
            second = bare_of[words[index + 1]] if index + 1 < count else None
            here = possible.get((word, second))
            if here is None:
                here = possible[(word, second)] = [
                    e for e in entries if len(e.tokens) == 1 or (second is not None and e.tokens[1] == second)
                ]
            entry = next((e for e in here if _entry_at(e, word, parts, index, bare_of)), None)
            if entry is not None:
                last = index + len(entry.tokens) - 1
                end = ends[last] - (2 if words[last].endswith(("'s", "’s")) else 0)
                found.append((start, end, entry.code, entry.kind))
                next_free = last + 1
                continue
        if stem_mention is not None:
            found.append((start, ends[index], *stem_mention))
    return found


def _stem_mention(word: str, folded: str, table: _Table) -> tuple[str, str] | None:
    """(code, kind) of a Russian or Kazakh word that is a known stem plus an inflection, else None."""
    if "\u0400" <= word[:1] <= "\u04ff" and len(folded) >= _MIN_STEM:
        for cut in range(min(_MAX_ENDING, len(folded) - _MIN_STEM) + 1):
            code = table.ru_stems.get(folded[: len(folded) - cut])
            if code is not None and _is_inflection(folded[len(folded) - cut :]):
                return code, ("adj" if _RU_ADJECTIVE.search(folded) else "name")
    return None


def _entry_at(
    entry: _Entry, word: str, parts: list[str], index: int, bare_of: dict[str, str] | None = None
) -> bool:
    """Whether ``entry`` is written at word ``index`` (``word``) of the text split into ``parts`` (gaps and
    words, as in :func:`_table_mentions`): capitalised as it must be, every word of it there, separated by a
    space or a hyphen. ``bare_of`` maps words to :func:`_bare`'s answer (worked out once per distinct word)."""
    if entry.capitalised and not word[:1].isupper():
        return False
    tokens = entry.tokens
    size = len(tokens)
    if size == 1:
        return True
    if len(parts) < 2 * (index + size) + 1:
        return False
    # Word by word, the gap before it and the word itself (the first that differs ends the test).
    for k in range(1, size):
        at = 2 * (index + k)
        if parts[at] not in (" ", "-"):
            return False
        later = parts[at + 1]
        if (bare_of[later] if bare_of is not None else _bare(later)) != tokens[k]:
            return False
    return True


_OFFICE_WORDS = frozenset(
    {
        "register",
        "secretary",
        "duma",
        "kremlin",
        "bundesregierung",
        "bundesamt",
        "госдума",
        "госдумы",
        "кремль",
    }
)


def find_mentions(text: str, excluded: list[tuple[int, int]] | None = None) -> list[Mention]:
    """States and bodies named in ``text`` that may act, sorted by position; ``excluded`` spans (the
    registry's organisation names: "Islamic State" is no state) are skipped. Mentions that describe
    something else are left out; see the module's notes for the ranks."""
    table = _table()
    spans = sorted(excluded or [])
    span_starts = [start for start, _ in spans]

    def inside_excluded(at: int) -> bool:
        where = bisect.bisect_right(span_starts, at) - 1
        return where >= 0 and at < spans[where][1]

    raw: list[tuple[int, int, str, str, bool]] = []
    anchored_at = _anchor_positions(text)
    for code, pattern in lexicon.JURISDICTIONS:
        positions = anchored_at.get(code, []) if code in _ANCHORED_CODES else None
        for match in _anchored(text, pattern, positions):
            word = match.group(0)
            kind = (
                "adj"
                if word[:1].isupper() and word.endswith(("ian", "ish", "ese", "isch", "ische"))
                else "name"
            )
            if code in ("UN", "EU") or any(t in table.gov_heads or t in _OFFICE_WORDS for t in _tokens(word)):
                kind = "inst"  # "State Department", "Home Office", "Bundesinnenministerium", "Госдума"
            raw.append((match.start(), match.end(), code, kind, True))
    taken = sorted((s, e) for s, e, _, _, _ in raw)
    split = _split_words(text)
    for start, end, code, kind in _table_mentions(split, table):
        at = bisect.bisect_right(taken, (start, 10**9)) - 1
        if at >= 0 and start < taken[at][1]:
            continue
        if at + 1 < len(taken) and taken[at + 1][0] < end:
            continue
        raw.append((start, end, code, kind, False))
    found: list[Mention] = []
    for start, end, code, kind, legacy in sorted(raw):
        if inside_excluded(start):
            continue
        if _DEFERENCE.search(text[max(0, start - 40) : start]):
            continue
        rank = _classify(text, start, end, kind, table, legacy, split)
        if rank is not None:
            found.append(Mention(start, code, rank, end, kind, legacy))
    return found


# The codes whose pattern's every alternative starts with a literal anchor (lexicon.JURISDICTION_ANCHORS).
_ANCHORED_CODES = frozenset(
    code for code, anchors in lexicon.JURISDICTION_ANCHORS.items() if anchors is not None
)


@lru_cache(maxsize=1)
def _anchor_scan() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """One scan for the anchors of every anchored code, and the codes each anchor found stands for.

    At each position where an anchor starts, the scan gives the longest anchor there (a trie, tried only where
    the character is one an anchor starts with); the anchors of a code that start there are exactly its anchors
    that are prefixes of that one. One scan instead of one ``str.find`` pass over the text per anchor (~150).
    """
    by_code = {code: anchors for code, anchors in lexicon.JURISDICTION_ANCHORS.items() if anchors is not None}
    anchors = sorted({anchor for group in by_code.values() for anchor in group})
    # A plain trie (no look-ahead): its search skips to the characters an anchor can start with.
    scan = re.compile(gates.trie_alternation(anchors))
    codes_of = {
        anchor: tuple(code for code, group in by_code.items() if any(anchor.startswith(a) for a in group))
        for anchor in anchors
    }
    return scan, codes_of


def _anchor_positions(text: str) -> dict[str, list[int]]:
    """For each anchored code, the positions (ascending) where one of its anchors starts in ``text``."""
    scan, codes_of = _anchor_scan()
    positions: dict[str, list[int]] = {}
    # The longest anchor at each start, the next search from the position after it (anchors overlap).
    search = scan.search
    match = search(text)
    while match is not None:
        at = match.start()
        for code in codes_of[match.group()]:
            positions.setdefault(code, []).append(at)
        match = search(text, at + 1)
    return positions


def _anchored(text: str, pattern: re.Pattern[str], positions: list[int] | None) -> list[re.Match[str]]:
    """The matches ``pattern.finditer`` finds in ``text``, tried only at ``positions`` (ascending; every match
    starts at one of them) when given."""
    if positions is None:
        return list(first_char_gate(pattern).finditer(text))
    found: list[re.Match[str]] = []
    last_end = -1
    for at in positions:
        if at < last_end:
            continue
        match = pattern.match(text, at)
        if match is not None and match.end() > match.start():
            found.append(match)
            last_end = match.end()
    return found


def nearest(
    mentions: list[Mention], at: int, sentence: str, outside: list[tuple[int, int]] | None = None
) -> str | None:
    """The state acting at offset ``at`` of a sentence, or None (the caller falls back on the story's state).

    An actor mention ("Sri Lanka's government") before the verb wins; else the nearest mention before it;
    after the verb only an agent ("designated by the United States"), an office, or a list's owner
    ("from Canada's list") acts, since other states there are objects and places ("closer engagement with
    the new Syrian government"). Weak mentions never act, nor do mentions inside ``outside`` spans (the
    organisations the verb acts on).
    """
    usable = [
        m
        for m in _agents(sentence, mentions, at)
        if m.rank != WEAK and not any(s <= m.start < e for s, e in outside or [])
    ]
    if _PASSIVE_BEFORE.search(sentence[max(0, at - 30) : at]):
        # "the EU was wrong to keep ... after it was taken off a British list": a passive step is the list owner's.
        owners = [m for m in usable if at < m.start <= at + 60 and _LIST_AFTER.match(sentence, m.end)]
        if owners:
            return owners[0].code
    before = [m for m in usable if m.start <= at]
    actors = [m for m in before if m.rank == ACTOR]
    if actors:
        return max(actors, key=lambda m: m.start).code
    if before:
        return max(before, key=lambda m: m.start).code
    return min(usable, key=lambda m: m.start).code if usable else None


# "and" in the languages read: "Кыргызстан и Таджикистан ввели запрет", "Francia y España", "l'Allemagne et la France".
_AND_BETWEEN = re.compile(r"^\s*(?:,|and|,\s*and|&|и|y|et|und)\s*(?:the\s+|la\s+|le\s+|l['’]\s*)?$", re.I)
_SUBJECT_TO_VERB = re.compile(
    r"^(?:['’]s\s+governments?)?\s+(?:have|had|both|also|each|jointly|already|\w+ly|\s)*$", re.I
)


def coordinated_actors(mentions: list[Mention], at: int, sentence: str) -> list[str]:
    """The states named together as the subject of the verb at offset ``at`` ("The United Kingdom and Canada have
    already added the organisation to their lists"), in order; empty unless two or more are, right before it."""
    before = sorted((m for m in mentions if m.end <= at and m.rank != WEAK), key=lambda m: m.start)
    if len(before) < 2 or not _SUBJECT_TO_VERB.match(sentence[before[-1].end : at]):
        return []
    chain = [before[-1]]
    for mention in reversed(before[:-1]):
        if not _AND_BETWEEN.match(sentence[mention.end : chain[-1].start]):
            break
        chain.append(mention)
    codes = list(dict.fromkeys(m.code for m in reversed(chain)))
    return codes if len(codes) > 1 else []


def _agents(sentence: str, mentions: list[Mention], at: int) -> list[Mention]:
    """``mentions`` with those after offset ``at`` kept only when they are agents or list owners."""
    kept: list[Mention] = []
    for mention in mentions:
        if mention.start > at and mention.kind != "inst" and not mention.legacy:
            before = sentence[max(at, mention.start - 12) : mention.start]
            after = sentence[mention.end : mention.end + 40]
            if not (_AGENT_BEFORE.search(before) or _LIST_AFTER.match(after)):
                continue
        if mention.start > at and _describing_agent(sentence[max(at, mention.start - 40) : mention.start]):
            continue
        if mention.start > at and _SUBORDINATE_CLAUSE.search(sentence, at, mention.start):
            continue  # [news-dev12] "was declared ... after the extremists ... published in France": another event
        kept.append(mention)
    return kept


_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+|also\s+)?$", re.I)
_AGENT_BEFORE = re.compile(
    r"(?:\b(?:by|par|por|durch|von)|(?<!\w)(?:от|со\s+стороны))\s+(?:the\s+|la\s+|le\s+|el\s+|l['’])?$", re.I
)
_LIST_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:\w+\s+){0,3})?(?:list|register|registry|liste|lista|списк\w*|перечень|перечн\w*|реестр\w*)\b",
    re.I,
)


# [news-dev12] The agent of a participle that describes the group is no actor: "al Cártel de los Soles, grupo
# vinculado por Estados Unidos con el Gobierno de Venezuela", "a militia backed by Iran", "a group founded by".
_PARTICIPLE_AGENT = re.compile(
    r"\b(?P<word>\w+(?:ed|ado|ada|ados|adas|ido|ida|idos|idas|é|ée|és|ées|t))\s+(?:by|par|por|durch|von)\s+"
    r"(?:the\s+|la\s+|le\s+|el\s+|l['’])?$",
    re.I,
)
_LISTING_PARTICIPLE = re.compile(
    r"^(?:designat|list|ban|proscri|declar|recogni|consider|classif|label|brand|outlaw|inscri|includ|inclu|design|"
    r"calific|tagg|blacklist|sanction|deem|nam|add|ajout|agreg|añad|remov|delist|retir|lift|revok|revoc|suspend|"
    r"approv|aprob|adopt|announc|anunci|annonc|publi|sign|firm|notif|gazett|verbot|eingestuft|gelistet|interdi|prohib|"
    r"outlaw|freez|froz|block|bloqu|gel|congel|reconoc|reconn|qualifi|calific|tild|cataloga|señala)",
    re.I,
)


# A clause of time or cause after the verb tells another event, whose places do not act in this one.
_SUBORDINATE_CLAUSE = re.compile(
    r"\b(?:after|because|while|whereas|although|amid|following|después\s+de|tras|porque|mientras|après|parce\s+que|"
    r"tandis\s+que|nachdem|weil|während)\b",
    re.I,
)


def _describing_agent(before: str) -> bool:
    """Whether ``before`` ends with a participle that is no listing step and its "by" ("vinculado por", "backed by")."""
    match = _PARTICIPLE_AGENT.search(before)
    return match is not None and _LISTING_PARTICIPLE.match(match.group("word")) is None


_DATELINE_PLACE = re.compile(
    r"^\s*(?P<place>(?:THE\s+)?[A-ZА-ЯЁ][A-ZА-ЯЁ'’.-]+(?:\s+[A-ZА-ЯЁ][A-ZА-ЯЁ'’.-]+){0,3})\s*(?:,|:|\s[-–—]|\s\()"
)


def dateline_jurisdiction(text: str) -> str | None:
    """The state of a datelined story's place ("COLOMBO:", "THE UNITED NATIONS, July 20.", "МОСКВА, 8
    дек"), from its first few paragraphs; None when there is no dateline or the place is unknown."""
    table = _table()
    for paragraph in text.split("\n", 6)[:6]:
        match = _DATELINE_PLACE.match(paragraph[:80])
        if match is None:
            continue
        tokens = _tokens(match.group("place"))
        for size in (len(tokens), len(tokens) - 1):
            if size <= 0:
                continue
            key = " ".join(tokens[len(tokens) - size :])
            code = table.dateline_places.get(key)
            if code is None and "\u0400" <= key[:1] <= "\u04ff":
                code = next(
                    (
                        table.ru_stems[key[:n]]
                        for n in range(len(key), _MIN_STEM - 1, -1)
                        if key[:n] in table.ru_stems
                    ),
                    None,
                )
            if code is not None:
                return code
    return None


def is_state_name(name: str) -> bool:
    """Whether ``name`` is, as a whole, a state's name, capital or office ("Sri Lanka", "Colombo",
    "Anti-Terrorism Council"): no organisation to list."""
    tokens = _tokens(name.strip())
    if not tokens:
        return False
    return any(
        entry.tokens == tokens and entry.kind in ("name", "cap", "inst")
        for entry in _table().by_first.get(tokens[0], ())
    )
