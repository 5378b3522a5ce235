# ruff: noqa: RUF001, RUF002, RUF003  -- Cyrillic letters and typographic quotes are the point of this module.
"""Russian-language organisation names around a listing verb, and their registry links.

Russian names decline and are mostly written with one capital ("Русского добровольческого корпуса",
"движения «Талибан»", "организацию «Хайят Тахрир аш-Шам»"), so the capitalised-word rules that find
English and German names miss them. Here they come from three places:

- the named-entity tagger of `natasha <https://github.com/natasha/natasha>`_ (ORG spans), put back in
  the nominative by inflecting the head phrase only ("Антивоенного комитета России" → "Антивоенный
  комитет России"; the genitive complement stays);
- quoted names after a group noun (already nominative: "признал движение «Колумбайн»" → "Колумбайн");
- all-capital acronyms ("АУЕ", "РДК", "ФБК") and Latin-letter names ("Kloop, Temirov Live и AitAit Dese").

A quoted name with no group noun before it is declined inside its quotes ("о признании «Съезда народных
депутатов»") and is put in the nominative like a tagged span. Names in brackets right after a name are its
aliases, an enumeration after the verb gives one name per group, and a listing verb inside brackets
("«Талибан» (признан террористическим и запрещен в РФ)") is a status aside, not a step.

State bodies, courts, news agencies and countries the tagger also calls organisations are left out. The
tagger runs only on sentences that already contain a listing-action word, at most
:data:`MAX_TAGGED_SENTENCES` per article, so a long article costs no more than a short one; the models
ship in the natasha wheel and load once, on first use.

A name read here links to a registry entity by the registry's names (any inflection, via
:class:`~proscribe.news.link.NameIndex`) or, for names a registry keeps only in Latin letters ("ХАМАС",
"Хизб ут-Тахрир"), by a transliteration key compared with the Latin names.
"""

from __future__ import annotations

import contextvars
import functools
import os
import re
import sys
import threading
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from anyascii import anyascii

from proscribe.news import lexicon
from proscribe.news.link import NameIndex, words
from proscribe.news.orgnames import FoundName

# Sentences tagged per article at most: the rest fall back to the rules (quotes, acronyms).
MAX_TAGGED_SENTENCES = 40
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_QUOTED = re.compile(r"[«„“\"]([^«»„“”\"]{2,90})[»“”\"]")
_LATIN_NAME = re.compile(r"(?<![\w-])[A-Z][\w'’&-]*(?:[ \t]+(?:[A-Z][\w'’&-]*|of|the|de|al))*(?![\w-])")
_ACRONYM = re.compile(r"(?<![\w-])[А-ЯЁ]{2,6}(?![\w-])")
# What the tagger calls an organisation but is no group that gets listed: courts, prosecutors, ministries,
# security services, parliaments, governments, news agencies and papers, international bodies.
_NOT_GROUP = re.compile(
    r"суд\b|суда\b|суде\b|судом\b|прокурат|прокурор|министерств|минюст|минобороны|\bмвд\b|\bмид\b|\bфсб\b|\bфсин|\bфсо\b|\bсвр\b|\bгру\b|\bкгб\b"
    r"|служб|следственн|коллеги[яию]\b|госдум|дума\b|думы\b|думе\b|думой\b|совет\w*\s+федерации|совфед|парламент|правительств"
    r"|администраци|кремл|президент|росфинмониторинг|роскомнадзор|\bмин\w+\b|управлени|ведомств|полици|гвардия\b|росгвард"
    r"|\bтасс|\bриа\b|интерфакс|коммерсант|ведомости|известия|газет|агентств|телеканал|радио|\bрбк\b|\bлента\b|медуза|meduza"
    r"|\bоон\b|\bснг\b|\bодкб\b|\bшос\b|\bнато\b|евросоюз|\bес\b|брикс|совбез|совет\w*\s+безопасности|конституционн|госдеп|департамент|казначейств|белый\s+дом|пентагон"
    # A law's title: «О противодействии экстремистской деятельности».
    r"|^(?:о|об)\s"
    r"|^(?:рф|сша|фрг|ес|оон|вс|ск|ук|ук\s+рф|кс|нак|ндс|ндфл|сми|снг|ии|ип|ооо|зао|оао|пао|нко|ссср|кпрф|лдпр|ер)$",
    re.IGNORECASE,
)
# A quoted name right after a span: "Украинский батальон "Днепр-1"" (the span describes what the quotes name).
_QUOTE_NEXT = re.compile(r"\s*[«„“\"]")
_GROUP_NOUN = re.compile(
    r"(?:организаци|движени|объединени|группировк|групп|сообществ|формировани|легион|батальон|корпус|фонд|парти|союз|сет[ьи]|центр)\w*\s*[«„“\"]?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class RussianName:
    """An organisation named in a Russian sentence: ``text`` in the nominative, ``start``/``end`` the
    span in the sentence as written."""

    text: str
    start: int
    end: int
    source: str  # "tagger", "quoted", "subject", "unit", "acronym" or "latin"


def is_russian(text: str) -> bool:
    """Whether ``text`` is mostly Cyrillic letters (a Russian-language sentence or article)."""
    letters = sum(1 for ch in text[:2000] if ch.isalpha())
    return letters > 0 and len(_CYRILLIC.findall(text[:2000])) * 2 > letters


class _Models:
    """natasha's segmenter, morphology and named-entity tagger, loaded once per process."""

    def __init__(self) -> None:
        if "numpy" not in sys.modules:
            # The taggers multiply small matrices, one sentence at a time: BLAS threads buy nothing there and,
            # on a busy machine, cost twenty times the single-threaded time. News extraction runs on one core
            # (docs/news.md). Only set when unset and before numpy loads, so an explicit setting wins.
            for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
                os.environ.setdefault(variable, "1")
        from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

        embedding = NewsEmbedding()
        self.segmenter = Segmenter()
        self.morph = NewsMorphTagger(embedding)
        self.ner = NewsNERTagger(embedding)
        self.vocab = MorphVocab()


_LOCK = threading.Lock()
_LOADED: list[_Models] = []  # the one instance, once loaded


def _models() -> _Models:
    # The lock is taken before looking, so two threads starting together load the models once.
    with _LOCK:
        if not _LOADED:
            _LOADED.append(_Models())
        return _LOADED[0]


def _nominative(models: _Models, tokens: Sequence[Any]) -> str:
    """The span with its head phrase (leading adjectives and the first noun) put in the nominative; what
    follows the head (a genitive complement, a name in apposition) is kept as written."""
    from natasha.norm import inflect_word, recover_shapes, recover_spaces

    head = next((i for i, t in enumerate(tokens) if t.pos in ("NOUN", "PROPN")), len(tokens) - 1)
    inflected = [
        inflect_word(models.vocab, token)
        if index <= head and token.pos in ("NOUN", "PROPN", "ADJ")
        else token.text
        for index, token in enumerate(tokens)
    ]
    return str(recover_spaces(list(recover_shapes(inflected, tokens)), tokens))


def is_body(name: str) -> bool:
    """Whether a name read from a Russian sentence is a court, ministry, service or other state body, a news
    outlet or an international body ("ФСБ", "Верховный суд", "ТАСС"), which lists groups but is none."""
    return bool(_CYRILLIC.search(name)) and bool(_NOT_GROUP.search(name.strip(' ,.;:«»"„“”')))


def _is_group_name(name: str) -> bool:
    clean = name.strip(' ,.;:«»"„“”')
    if len(clean) < 2 or not clean[:1].isupper() or len(clean.split()) > 10:
        return False
    return not _NOT_GROUP.search(clean)


def _tag(sentence: str) -> Any:
    """natasha's Doc of ``sentence`` with tokens, morphology and named-entity spans."""
    models = _models()  # first: it limits BLAS threads before natasha loads numpy
    from natasha import Doc

    doc = Doc(sentence)
    doc.segment(models.segmenter)
    doc.tag_morph(models.morph)
    doc.tag_ner(models.ner)
    return doc


def tagged_names(sentence: str, doc: Any = None) -> list[RussianName]:
    """ORG spans of the named-entity tagger in ``sentence``, in the nominative, bodies left out."""
    models = _models()
    doc = doc if doc is not None else _tag(sentence)
    found: list[RussianName] = []
    spans = list(doc.spans)
    for number, span in enumerate(spans):
        if span.type != "ORG":
            continue
        tokens = [t for t in span.tokens if t.text not in '«»"„“”']
        following = spans[number + 1] if number + 1 < len(spans) else None
        if (
            following is not None
            and following.type == "LOC"
            and not sentence[span.stop : following.start].strip()
            and all(t.feats.get("Case") == "Gen" for t in following.tokens)
        ):
            # "Партии исламского возрождения Таджикистана": a country in the genitive completes the name.
            tokens += list(following.tokens)
        if not tokens:
            continue
        tokens = _named_after(doc, tokens)
        # "международное движение АУЕ": lower-case words describe, the name starts at the capital.
        while tokens and not tokens[0].text[:1].isupper():
            tokens.pop(0)
        # "Украинский батальон «Азов»": an adjective alone is the group's description, not its name.
        if not tokens or all(t.pos == "ADJ" for t in tokens):
            continue
        # "Фонд защиты прав граждан (ФЗПГ)": the acronym in brackets is an alias, the name ends before it.
        bracket = next((i for i, t in enumerate(tokens) if t.text == "("), None)
        tokens = tokens[:bracket] if bracket else tokens
        if not tokens:
            continue
        start, end = tokens[0].start, tokens[-1].stop
        if any(mark in sentence[start:end] for mark in '«»"„“”'):
            continue  # a name cut by its quotes: the quoted reading below has it whole
        if _GROUP_NOUN.search(sentence[start:end]) and _QUOTE_NEXT.match(sentence, end):
            continue  # "Украинский батальон "Днепр-1"": a description; the quoted name after it is the name
        text = (
            _nominative(models, tokens)
            if len(tokens) > 1 or tokens[0].text.lower() != tokens[0].text
            else sentence[start:end]
        )
        if len(tokens) == 1 and tokens[0].text.isupper():
            text = tokens[0].text
        if _is_group_name(text) and _is_group_name(sentence[start:end]):
            found.append(RussianName(text, start, end, "tagger"))
    return found


# A unit's noun after an adjectival span, and whom it is named after: "Крымско-татарский добровольческий
# батальон имени Номана Челебиджихана" (the tagger tags the adjectives as the organisation, the person apart).
_UNIT_NOUN = re.compile(
    r"(?:батальон|полк|легион|корпус|бригад|отряд|дивизи|рот[аыу]|бат[ао]льон)\w*", re.IGNORECASE
)


def _named_after(doc: Any, span_tokens: list[Any]) -> list[Any]:
    """A span's tokens completed by the unit's noun after its adjectives and "имени"/"им." with the person's name."""
    tokens = list(span_tokens)
    if not tokens:
        return tokens
    following = [t for t in doc.tokens if t.start >= tokens[-1].stop][:8]
    added: list[Any] = []
    rest = following
    if (
        tokens[-1].text.lower() in ("им", "имени")
        and len(tokens) > 1
        and _UNIT_NOUN.fullmatch(tokens[-2].text)
    ):
        rest = [tokens[-1], *following]  # the tagger took "им" and left the person out
        tokens.pop()
    elif _UNIT_NOUN.fullmatch(tokens[-1].text):
        pass  # "Крымско-татарского добровольческого батальона" then "им. Номана Челебиджихана"
    elif following and _UNIT_NOUN.fullmatch(following[0].text) and all(t.pos == "ADJ" for t in tokens):
        added, rest = [following[0]], following[1:]
    else:
        return tokens
    if rest and rest[0].text.lower() in ("имени", "им"):
        person = [t for t in rest[1:] if t.text != "."]
        person_spans = [s for s in doc.spans if s.type == "PER" and person and s.start == person[0].start]
        if person_spans:
            added += [t for t in rest if t.stop <= person_spans[0].stop]
    return tokens + added


def _quoted_nominative(doc: Any, name: RussianName) -> RussianName:
    tokens = [t for t in doc.tokens if name.start <= t.start and t.stop <= name.end]
    if not tokens or any(t.text in '«»"„“”()' for t in tokens):
        return name
    return replace(name, text=_nominative(_models(), tokens))


def quoted_group_names(sentence: str) -> list[RussianName]:
    """Quoted names that a group noun introduces ("движение «Колумбайн»", "организацию «Съезд народных
    депутатов»") or that the tagger would not see; the quotes keep them in the nominative."""
    found: list[RussianName] = []
    position = 0
    while (match := _QUOTED.search(sentence, position)) is not None:
        position = match.end()
        if match.group(1)[-1:].isspace() and sentence[match.end() : match.end() + 1].isalpha():
            # '"Национально-освободительное движение "Правый сектор", ...': straight quotes nested; the quote
            # read as closing opens the inner name, and pairing starts again there.
            position = match.end(1)
            continue
        inner = match.group(1).strip()
        if not inner[:1].isupper() or len(inner.split()) > 8 or inner.endswith((".", ",", "!", "?")):
            continue
        if not _is_group_name(inner):
            continue
        found.append(RussianName(inner, match.start(1), match.start(1) + len(inner), "quoted"))
    return found


# A unit named after its noun without quotes: "КГБ внес полк Калиновского в перечень", "батальона Айдар". The noun is
# part of the name (a name in the genitive, "Калиновского", names a person on its own).
_UNIT_NAME = re.compile(
    r"(?<![\w-])(?P<noun>полк|батальон|бригад|легион|дивизи|отряд)[а-яё]*\s+"
    r"(?P<name>[А-ЯЁ][а-яё-]+(?:\s+[А-ЯЁ][а-яё-]+){0,2})(?![\w-])"
)
# The nouns in the nominative (the tagger's lemmas mistake "полка" for a shelf).
_UNIT_NOMINATIVE = {
    "полк": "полк",
    "батальон": "батальон",
    "бригад": "бригада",
    "легион": "легион",
    "дивизи": "дивизия",
    "отряд": "отряд",
}


def unit_names(sentence: str) -> list[RussianName]:
    """Military units named right after their noun, unquoted, the noun in the nominative ("полка Калиновского" →
    "полк Калиновского")."""
    found: list[RussianName] = []
    for match in _UNIT_NAME.finditer(sentence):
        name = match.group("name")
        if not _is_group_name(name):
            continue
        text = f"{_UNIT_NOMINATIVE[match.group('noun')]} {name}"
        found.append(RussianName(text, match.start(), match.end(), "unit"))
    return found


_SUBJECT_POS = frozenset({"ADJ", "NOUN", "PROPN"})


def subject_names(sentence: str, doc: Any) -> list[RussianName]:
    """The subject that opens a sentence told with a bare passive, when the tagger saw no organisation in it:
    "Антивоенный комитет России признан террористической организацией", "Крымско-татарский добровольческий батальон
    имени Номана Челебиджихана признан террористическим". Only a phrase of adjectives and nouns whose head is in the
    nominative and that holds a proper name ("России", "Челебиджихана"): "Украинский батальон признан ..." names none."""
    tokens = list(doc.tokens)
    verb = next((i for i, t in enumerate(tokens) if t.pos in ("VERB", "AUX")), None)
    if verb is None or verb < 2 or not _BARE_PASSIVE.fullmatch(tokens[verb].text):
        return []
    subject = tokens[:verb]
    if not subject[0].text[:1].isupper() or any(t.pos not in _SUBJECT_POS for t in subject):
        return []
    head = next((t for t in subject if t.pos in ("NOUN", "PROPN")), None)
    if head is None or head.feats.get("Case") != "Nom":
        return []
    if not any(t.pos == "PROPN" or t.text[:1].isupper() for t in subject[1:]):
        return []
    start, end = subject[0].start, subject[-1].stop
    text = sentence[start:end]
    return [RussianName(text, start, end, "subject")] if _is_group_name(text) else []


def latin_names(sentence: str) -> list[RussianName]:
    """Runs of capitalised Latin-letter words in a Russian sentence ("Kloop, Temirov Live и AitAit Dese"):
    a Russian text writes foreign organisations' and outlets' names so."""
    return [
        RussianName(m.group(0), m.start(), m.end(), "latin")
        for m in _LATIN_NAME.finditer(sentence)
        if _is_group_name(m.group(0))
    ]


def acronyms(sentence: str) -> list[RussianName]:
    """All-capital Cyrillic acronyms that are no state body or country ("АУЕ", "РДК", "ФБК")."""
    return [
        RussianName(m.group(0), m.start(), m.end(), "acronym")
        for m in _ACRONYM.finditer(sentence)
        if _is_group_name(m.group(0))
    ]


@dataclass
class _Budget:
    left: int
    tagged: set[str]


_BUDGET: contextvars.ContextVar[_Budget] = contextvars.ContextVar("russian_tagging_budget")


def start_article() -> None:
    """A new article: the tagger may read :data:`MAX_TAGGED_SENTENCES` more sentences (the rest of a very
    long article falls back to quotes, acronyms and Latin names, so its cost stays linear)."""
    _BUDGET.set(_Budget(MAX_TAGGED_SENTENCES, set()))


def _may_tag(sentence: str) -> bool:
    budget = _BUDGET.get(None)
    if budget is None or sentence in budget.tagged:
        return True
    if budget.left <= 0:
        return False
    budget.left -= 1
    budget.tagged.add(sentence)
    return True


def organisation_names(sentence: str) -> tuple[RussianName, ...]:
    """Organisations named in a Russian ``sentence``: quoted names, tagger spans, acronyms and Latin-letter
    names, one per place in the sentence, the quoted reading first. Empty for a sentence without Cyrillic
    letters. Past the article's tagging budget (:func:`start_article`) the tagger is not run."""
    if not _CYRILLIC.search(sentence):
        return ()
    return _organisation_names(sentence, _may_tag(sentence))


# The extractor asks again for each listing verb of a sentence; the answer depends on the sentence alone.
@functools.lru_cache(maxsize=512)
def _organisation_names(sentence: str, tag: bool) -> tuple[RussianName, ...]:
    doc = _tag(sentence) if tag else None
    tagged = tagged_names(sentence, doc) if doc is not None else []
    quoted = quoted_group_names(sentence)
    if doc is not None:
        # «Съезда народных депутатов» without a group noun before it is declined inside its quotes: its head
        # phrase is put back in the nominative. After a group noun ("движения «Талибан»") it is as written.
        quoted = [
            name if group_noun_before(sentence, name.start - 1) else _quoted_nominative(doc, name)
            for name in quoted
        ]
    kept: list[RussianName] = []
    subjects = subject_names(sentence, doc) if doc is not None and not tagged else []
    for name in [
        *quoted,
        *tagged,
        *subjects,
        *unit_names(sentence),
        *acronyms(sentence),
        *latin_names(sentence),
    ]:
        name = _with_corporate_suffix(sentence, name)
        if any(k.start < name.end and name.start < k.end for k in kept):
            continue
        if lexicon.SOURCE_BEFORE.search(sentence[max(0, name.start - 30) : name.start]):
            continue  # "..., сообщает Reuters": the news agency
        if _SUBSIDIARY_OF.search(sentence[max(0, name.start - 50) : name.start]):
            continue  # "американскую дочернюю структуру ФБК": the subsidiary is the group acted on, not its parent
        kept.append(name)
    return tuple(_without_bracketed_aliases(sentence, sorted(kept, key=lambda n: n.start)))


# "дочернюю структуру ФБК", "дочерней компании «X»": what follows is the parent of the group named.
_SUBSIDIARY_OF = re.compile(
    r"дочерн\w+\s+(?:[а-яё-]+\s+)?(?:структур|организаци|компани|фирм)\w*\s+(?:[а-яё-]+\s+){0,2}[«„“\"]?$",
    re.IGNORECASE,
)
# A company's legal form after its name: "Anti-Corruption Foundation, Inc", "X Ltd." (part of the name, no other group).
_CORPORATE_SUFFIX = re.compile(r",?\s+(?:Inc|Ltd|LLC|Corp|GmbH|Limited)\b\.?")


def _with_corporate_suffix(sentence: str, name: RussianName) -> RussianName:
    suffix = _CORPORATE_SUFFIX.match(sentence, name.end)
    # Only a name that ends as written (not put in the nominative) takes the suffix after it.
    if suffix is None or not name.text.endswith(sentence[name.start : name.end][-3:]):
        return name
    return replace(name, text=name.text + suffix.group(0).rstrip("."), end=suffix.end())


_BEFORE_BRACKET = re.compile(r"^[\s»“”\"*]*\($")


def _without_bracketed_aliases(sentence: str, names: list[RussianName]) -> list[RussianName]:
    """Names in brackets right after another name are its aliases ("«Съезд народных депутатов»
    (Kongres Deputowanych Ludowych, KDL)", "Фонд защиты прав граждан (ФЗПГ)"), not other groups."""
    kept: list[RussianName] = []
    alias_until = -1
    for name in names:
        if name.start < alias_until:
            continue
        if kept and _BEFORE_BRACKET.match(sentence[kept[-1].end : name.start]):
            close = sentence.find(")", name.start)
            alias_until = close if close >= 0 else len(sentence)
            continue
        kept.append(name)
    return kept


# Between two names of one enumeration: a comma, "и", "а также", an acronym in brackets, and lower-case
# words that describe the next group ("и общественное движение «Штабы Навального»", "и Легион «Свобода России»").
_COORDINATION = re.compile(
    r"^[\s»“”\"*]*(?:\([^()]{1,60}\)\s*)?(?:,\s*(?:а\s+также\s+|и\s+)?|и\s+|а\s+также\s+|—\s*)(?:[а-яё-]+\s+){0,3}?(?:[А-ЯЁ][а-яё]+\s+)?[«„“\"]?$"
)
# Between the verb and the first name: a few words of one clause ("признал экстремистскими организациями ",
# "признал «экстремистск|ими организациями» три ведущих независимых СМИ — "; the verb's match may end
# inside a word), not a new clause ("..., который ...", "..., а ...").
_LEAD = re.compile(r"^\w*[^;]{0,130}$")
# news-dev8: a source's clause after the step ("..., говорится в полученном РАПСИ пресс-релизе", "..., сообщает ТАСС")
# holds the outlet, not a further group.
_LEAD_CLAUSE = re.compile(
    r",\s*(?:котор|что\b|где\b|когда\b|чтобы\b|а\b|но\b|говорится\b|сообща\w+|пишет\b|переда[её]т\b|отмечается\b"
    r"|указывается\b|заявил\w*|по\s+данным\b|со\s+ссылкой\b)"
)


def listed_names(sentence: str, after: int) -> list[FoundName]:
    """The names enumerated after a listing verb that ends at ``after``: "признал экстремистскими
    организациями ФБК, Фонд защиты прав граждан (ФЗПГ) и общественное движение «Штабы Навального»"
    gives three. Empty when no name follows the verb directly."""
    names = [n for n in organisation_names(sentence) if n.start >= after]
    if not names:
        return []
    lead = sentence[after : names[0].start]
    if not _LEAD.match(lead) or _LEAD_CLAUSE.search(lead):
        return []
    found = [names[0]]
    end = names[0].end
    for name in names[1:]:
        gap = sentence[end : name.start]
        if not _COORDINATION.match(gap):
            break
        found.append(name)
        end = name.end
    return [FoundName(n.start, n.end, n.text) for n in found]


def in_status_aside(sentence: str, position: int) -> bool:
    """Whether ``position`` lies inside a bracketed aside of a Russian sentence: "«Талибан» (признано
    террористическим и запрещено в РФ)", "Илья Пономарев (внесен в перечень террористов ...)" describe a
    standing status, as Russian media must when they name a banned group; they report no step."""
    if not _CYRILLIC.search(sentence):
        return False
    opened = sentence.rfind("(", 0, position)
    if opened >= 0 and sentence.rfind(")", opened, position) < 0:
        return True
    # "«Хизб ут-Тахрир», которая признана в России террористической": a relative clause with a bare passive
    # (no "была", no agent) describes the group's standing, as conviction and FSB reports do; "которая была
    # признана ... судом в 2017 году" and "которую суд признал" tell a step.
    return bool(_RELATIVE_STATUS.search(sentence[max(0, position - 60) : position])) and bool(
        _BARE_PASSIVE.match(sentence, position)
    )


_RELATIVE_STATUS = re.compile(
    r",\s*(?:[а-яё]+\s+)?котор(?:ая|ое|ый|ые|ой|ых|ого|ую)\s+(?:(?!был|ранее|\d)[а-яё]+\s+){0,2}$",
    re.IGNORECASE,
)
_BARE_PASSIVE = re.compile(
    r"(?:признан|внесен|внесён|включен|включён|запрещен|запрещён)[аоы]?\b", re.IGNORECASE
)


# The news of a court's sentence or of the security services' arrests: a trial, a detention, a charge.
_CRIME_NEWS = re.compile(
    r"приговор\w*|осужд\w*|осуж[дж]ен\w*|виновн\w*|задержа\w*|обвин\w*|уголовн\w+\s+дел\w*|лишени\w+\s+свободы"
    r"|колони\w*\s+(?:строгого|общего|особого)|арестова\w*|теракт\w*|вербов\w*|ликвидирова\w*|пресек\w*",
    re.IGNORECASE,
)
# Sentences of an article's opening that tell its news: the headline and the first sentence.
LEAD_SENTENCES = 2


def crime_news(lead: Sequence[str]) -> bool:
    """Whether the opening sentences of a Russian article (headline and lead) report a sentence, an arrest or a
    charge: such a report names the banned group it convicts for, and its undated mentions of the ban
    ("организация признана террористической и запрещена в России") are the group's status, no listing step."""
    opening = " ".join(lead[:LEAD_SENTENCES])
    return bool(_CYRILLIC.search(opening)) and is_russian(opening) and bool(_CRIME_NEWS.search(opening))


# Transliteration keys: a name in Cyrillic and its Latin spelling in a registry ("ХАМАС" / "Hamas",
# "Хизб ут-Тахрир" / "Hizb ut-Tahrir", "Хезболла" / "Hizballah") meet when both are reduced to Latin
# consonants with each run of vowels as one "a", doubled letters single, "kh"/"q"/"j" spelt one way.
_TRANSLIT = str.maketrans(
    {
        "х": "h",
        "ж": "zh",
        "й": "i",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "sh",
        "ъ": "",
        "ь": "",
        "э": "e",
        "ё": "e",
        "ю": "u",
        "я": "a",
    }
)
_UNPAIRED_QUOTE = re.compile(r"[«»„“”\"]")
_VOWELS = re.compile(r"[aeiouy]+")
_DOUBLE = re.compile(r"(.)\1+")
# Keys shorter than this match too much by chance; such names link only by their registry spelling.
MIN_KEY_CHARS = 5


def translit_key(name: str) -> str:
    """A spelling-independent key of ``name`` (Cyrillic or Latin) for comparing transliterations."""
    latin = anyascii(name.lower().translate(_TRANSLIT)).lower()
    latin = (
        latin.replace("kh", "h").replace("q", "k").replace("dzh", "j").replace("w", "v").replace("ph", "f")
    )
    latin = re.sub(r"[^a-z]", "", latin)
    latin = _VOWELS.sub("a", latin)
    latin = _DOUBLE.sub(r"\1", latin)
    return latin.rstrip("h") if len(latin) > MIN_KEY_CHARS else latin


_KEYS: weakref.WeakKeyDictionary[NameIndex, dict[str, str | None]] = weakref.WeakKeyDictionary()


def _translit_keys(index: NameIndex) -> dict[str, str | None]:
    keys = _KEYS.get(index)
    if keys is None:
        keys = {}
        for value, entity_id in index.entries:
            key = translit_key(value)
            if len(key) >= MIN_KEY_CHARS:
                # A key two entities share links to neither.
                keys[key] = entity_id if keys.get(key, entity_id) == entity_id else None
        _KEYS[index] = keys
    return keys


def link_name(name: str, index: NameIndex) -> str | None:
    """The registry entity a Russian organisation name stands for, else None: the whole name must be one of
    the entity's names (inflected or not), or equal one of its Latin names by transliteration key."""
    mentions = index.find(name)
    if len(mentions) == 1 and {w.stem for w in words(mentions[0].text)} == {w.stem for w in words(name)}:
        return mentions[0].entity_id
    key = translit_key(name)
    if len(key) < MIN_KEY_CHARS:
        return None
    return _translit_keys(index).get(key)


_REGISTRY_FORMS: weakref.WeakKeyDictionary[NameIndex, dict[tuple[str | None, frozenset[str]], str]] = (
    weakref.WeakKeyDictionary()
)
# A description before a registry name: "движение «Талибан»" is the registry's "Талибан".
_LEADING_GROUP_NOUN = re.compile(
    r"^(?:движени|организаци|группировк|объединени|сообществ|парти|сет[ьи])\w*\s+(?=[«„“\"]?[А-ЯЁA-Z])",
    re.IGNORECASE,
)


def _registry_forms(index: NameIndex) -> dict[tuple[str | None, frozenset[str]], str]:
    forms = _REGISTRY_FORMS.get(index)
    if forms is None:
        forms = {}
        for value, entity_id in index.entries:
            if _CYRILLIC.search(value):
                forms.setdefault((entity_id, frozenset(w.stem for w in words(value))), value)
        _REGISTRY_FORMS[index] = forms
    return forms


def link_cyrillic(name: str | None, entity_id: str | None, index: NameIndex) -> tuple[str | None, str | None]:
    """An event's organisation name and entity id, with a Cyrillic name linked when the registry knows it
    and stripped of quotes it was read across ("движение «Талибан", "движение \"Талибан"). A linked name is given
    as the registry writes it, in the nominative ("Талибана", "движения «Талибан»" → "Талибан"; "Аль-Каиду" →
    "Аль-Каида")."""
    if not name or not _CYRILLIC.search(name):
        return name, entity_id
    # "Партию исламского возрождения Таджикистана*": Russian media star a group banned in Russia; no part of its name.
    clean = _UNPAIRED_QUOTE.sub("", name).strip().rstrip("*").strip()
    if entity_id is None:
        entity_id = link_name(name, index)
        described = _LEADING_GROUP_NOUN.sub("", clean)
        if entity_id is None and described != clean:
            entity_id = link_name(described, index)
    if entity_id is not None:
        forms = _registry_forms(index)
        for candidate in (clean, _LEADING_GROUP_NOUN.sub("", clean)):
            registry_form = forms.get((entity_id, frozenset(w.stem for w in words(candidate))))
            if registry_form is not None:
                return registry_form, entity_id
    return clean, entity_id


# Rosfinmonitoring's list ("перечень организаций и физических лиц, в отношении которых имеются сведения об их
# причастности к экстремистской деятельности или терроризму") freezes assets; it is no designation: groups
# reach it from court rulings and from other lists, and a name is added to it with no listing step of its own.
# The regional anti-terrorist structure of the SCO and the CIS keep lists too; they are no state's designation.
_FINANCIAL_LIST = re.compile(
    r"(?:перечень|перечне|перечня|список|списке|списка)\s+[^.]{0,80}?\b(?:ШОС|СНГ|ОДКБ)\b|росфинмониторинг|причастност\w*\s+к\s+экстремистск|(?:перечень|перечне|список|списке|реестр\w*)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:экстремистов|террористов)\b",
    re.IGNORECASE,
)
# Groups "террористических и экстремистских" at once: in Russia only Rosfinmonitoring's list holds both kinds (the
# FSB's list is of terrorist organisations, the Ministry of Justice's of extremist ones); Kazakhstan's and
# Kyrgyzstan's lists of banned organisations hold both, so a sentence naming a Central Asian state keeps its step.
_COMBINED_LIST = re.compile(
    r"(?:перечень|перечн\w+|список|списк\w+|реестр\w*)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:террористическ\w+\s+и\s+экстремистск|экстремистск\w+\s+и\s+террористическ)",
    re.IGNORECASE,
)
_CENTRAL_ASIAN = re.compile(
    r"Казахстан|Кыргыз|Киргиз|Узбекистан|Таджикистан|Туркмен|Беларус|Белорус|\bКР\b|\bРК\b|\bРУз\b|\bРТ\b"
)


_ASIDE = re.compile(r"\([^()]*\)")


def financial_list_step(sentence: str, start: int, end: int) -> bool:
    """Whether a Russian sentence reports an addition to Rosfinmonitoring's list of terrorists and extremists
    ("Росфинмониторинг внес в перечень экстремистских и террористических организаций литовский «Форум
    свободной России»") or to an international structure's list ("в перечень ... структуры ШОС"), which is
    no state's designation. Only the words around the listing verb at ``start``-``end`` count: a person's
    status in brackets ("(внесен в список террористов и экстремистов)") beside a court's ruling does not."""
    if not _CYRILLIC.search(sentence):
        return False
    around = _ASIDE.sub(" ", sentence[max(0, start - 60) : end + 120])
    if _COMBINED_LIST.search(around) and not _CENTRAL_ASIAN.search(sentence):
        return True
    return bool(_FINANCIAL_LIST.search(around))


# Small words an acronym leaves out: "Фонд борьбы с коррупцией" is "ФБК".
_ACRONYM_SKIPS = frozenset(
    {"и", "с", "в", "во", "на", "по", "за", "для", "от", "до", "о", "об", "к", "им", "имени"}
)


def _initials(name: str) -> str:
    return "".join(
        word[0] for word in re.findall(r"[\w-]+", name) if word.lower() not in _ACRONYM_SKIPS
    ).upper()


def short_names_in_full(names: Sequence[str | None]) -> dict[str, str]:
    """Short Russian names an article uses for a group it named in full elsewhere: "«Съезда»" after
    "«Съезд народных депутатов»" (one Cyrillic word that begins exactly one longer name) → the full name, and an
    acronym of exactly one longer name's initials ("АКР" for "Антивоенный комитет России") → that name."""
    # Looked up by first word and by initials, so a long article with many names is not compared pair by pair.
    by_first: dict[str, set[str]] = {}
    by_initials: dict[str, set[str]] = {}
    for full in {n for n in names if n and _CYRILLIC.search(n) and " " in n}:
        by_first.setdefault(full.split()[0], set()).add(full)
        by_initials.setdefault(_initials(full), set()).add(full)
    short: dict[str, str] = {}
    for name in set(names):
        if not name or " " in name or not _CYRILLIC.search(name):
            continue
        longer = (
            by_initials.get(name, set()) if name.isupper() and len(name) >= 2 else by_first.get(name, set())
        )
        if len(longer) == 1:
            short[name] = next(iter(longer))
    return short


_LINE_WINDOW = 1500


def inside_longer_quoted_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (a registry name) is a part of a longer quoted Russian name: "организация
    "Путеводитель в исламское государство"" names another group than "исламское государство"."""
    if not _CYRILLIC.search(text[start:end]):
        return False
    # Quotes pair up within the paragraph (a long one-line input: a window around the name).
    line_start = text.rfind("\n", max(0, start - _LINE_WINDOW), start) + 1 or max(0, start - _LINE_WINDOW)
    line_end = text.find("\n", end, end + _LINE_WINDOW)
    line_end = line_end if line_end >= 0 else min(len(text), end + _LINE_WINDOW)
    for match in _QUOTED.finditer(text, line_start, line_end):
        inner = match.group(1).strip()
        if match.start(1) > start:
            break
        if (
            match.end(1) < end
            or not inner[:1].isupper()
            or len(inner.split()) > 8
            or inner.endswith((".", ",", "!", "?"))
        ):
            continue
        return len(words(inner)) > len(words(text[start:end]))
    return False


_NESTED_OPENER = re.compile(r"\s+[«„“\"]\w")


def opens_nested_quote(sentence: str, end: int) -> bool:
    """Whether a quoted name read up to ``end`` was cut at a nested straight quote ('"Национально-освободительное
    движение "Правый сектор"'): the quote after it opens the inner name, it closes nothing."""
    return bool(_CYRILLIC.search(sentence)) and bool(_NESTED_OPENER.match(sentence, end))


def group_noun_before(sentence: str, start: int) -> bool:
    """Whether a group noun ("движение", "организацию", "группировку") stands right before ``start``."""
    return bool(_GROUP_NOUN.search(sentence[max(0, start - 30) : start]))


# An entry on a list ("ФСБ включила «РДК» в список террористических организаций", "внесли в федеральный перечень",
# "В список добавлена организация ..."): the FSB publishes its list of groups courts have banned, so the entry
# follows a court's ruling and is a step of its own.
_LIST_ADDITION = re.compile(
    r"(?:включ|внес|внёс|добав|вошл|вош[её]л|попал)\w*\b[^.]{0,120}?\bв\s+(?:[\w-]+\s+){0,3}?"
    r"(?:перечень|перечн\w+|список|списк\w+|реестр\w*|число)\b"
    r"|\bв\s+(?:[\w-]+\s+){0,3}?(?:перечень|список|реестр)\s+(?:[\w«»\"-]+\s+){0,3}?"
    r"(?:добавлен|включен|включён|внесен|внесён|добавили|включили|внесли)\w*",
    re.IGNORECASE,
)
_COURT = re.compile(r"(?<!\w)суд(?:ом|а|у|е|ы)?(?!\w)", re.IGNORECASE)
_RULING = re.compile(r"решени\w*|призна\w*|запрети\w*", re.IGNORECASE)


def list_addition(sentence: str) -> bool:
    """Whether a Russian sentence reports a group's entry on a list (the FSB's federal list of terrorist
    organisations): "Федеральная служба безопасности ... включила «Русский добровольческий корпус» в список"."""
    # A person's status in brackets ("(внесен в список террористов и экстремистов)") is no entry reported.
    return bool(_CYRILLIC.search(sentence)) and bool(_LIST_ADDITION.search(_ASIDE.sub(" ", sentence)))


def court_ruling(sentence: str) -> bool:
    """Whether a Russian sentence tells a court's ruling and no list entry: "Данное решение было принято Вторым
    Западным окружным военным судом 16 ноября", "Соответствующее решение принял 2-й Западный окружной военный суд"."""
    return (
        bool(_CYRILLIC.search(sentence))
        and bool(_COURT.search(sentence))
        and bool(_RULING.search(sentence))
        and not _LIST_ADDITION.search(_ASIDE.sub(" ", sentence))
    )


# After a listed group's name: "..., которая была признана террористической Приволжским окружным военным судом в 2017
# году", "..., которую признали террористической в Московском окружном военном суде в 2018 году" — the court's ruling
# behind the list entry, up to the next group (", а также ...") or the sentence's end.
_RELATIVE_RULING = re.compile(
    r"[»“”\"*\s]*,\s*котор(?:ая|ое|ый|ые|ую|ого|ых)\s+(?:был[аоиы]?\s+|ранее\s+)*(?:призна|запрещ)\w*[^;]*?"
    r"(?=,\s*(?:а\s+также|и)\s|;|\.\s|\.?$)",
    re.IGNORECASE,
)


def relative_ruling(sentence: str, name: str) -> tuple[int, int] | None:
    """The span of the relative clause that tells the court's ruling on ``name`` right after it in a Russian
    sentence reporting a list entry ("В список добавлена организация «Чистопольский джамаат», которая была признана
    террористической ... судом в 2017 году"), else None."""
    at = sentence.find(name)
    if at < 0 or not _CYRILLIC.search(name):
        return None
    match = _RELATIVE_RULING.match(sentence, at + len(name))
    return match.span() if match else None


def relative_rulings(sentence: str) -> list[tuple[int, int]]:
    """Spans of every relative clause telling a ruling in a Russian sentence (see :func:`relative_ruling`)."""
    if not _CYRILLIC.search(sentence):
        return []
    return [m.span() for m in _RELATIVE_RULING.finditer(sentence)]


# "16 марта 2023 года Верховный Суд РФ рассмотрел административное исковое заявление Генерального прокурора ...": the
# day a court heard a claim; a ruling that grants it later in the report ("Исковые требования ... удовлетворены,
# деятельность легиона признана террористической") was given that day (a claim is decided at its hearing).
_CONSIDERED = re.compile(
    r"\bрассмотрел[аио]?\s+(?:[\w-]+\s+){0,3}?(?:исков\w+\s+заявлени\w*|иск\w*|дело|требовани\w*)",
    re.IGNORECASE,
)
_GRANTED = re.compile(r"удовлетвор(?:ил|ила|или|ен|ена|ены|ено)\b", re.IGNORECASE)


def court_considered(sentence: str) -> bool:
    """Whether a Russian sentence tells that a court heard a claim ("рассмотрел административное исковое заявление")."""
    return bool(_CYRILLIC.search(sentence)) and bool(_CONSIDERED.search(sentence))


def claim_granted(sentence: str) -> bool:
    """Whether a Russian sentence tells that a claim was granted ("требования ... удовлетворены")."""
    return bool(_CYRILLIC.search(sentence)) and bool(_GRANTED.search(sentence))


# A list named a sentence or two before: "ФСБ расширила реестр террористических организаций" then "В список добавили
# «Чистопольский джамаат» и ...". ("В него вошли «Аль-Каида», ИГИЛ ..." tells what a list holds, no entry.)
_TERROR_LIST_BEFORE = re.compile(
    r"(?:перечень|перечн\w+|список|списк\w+|реестр\w*)\s+(?:[\w-]+\s+){0,4}?(?:признанн\w+\s+)?террористическ"
    r"|террористическ\w*\s+(?:организаций|объединений)\b[^.]{0,40}(?:перечень|перечн\w+|список|списк\w+|реестр\w*)",
    re.IGNORECASE,
)
_BARE_ENTRY = re.compile(
    r"(?<!из\s)\bв\s+(?:[\w-]+\s+){0,2}?(?:перечень|список|реестр)\s+(?:также\s+)?"
    r"(?:добавлен[аоы]?|включен[аоы]?|внесен[аоы]?|добавили|включили|внесли)\b",
    re.IGNORECASE,
)
_BEFORE_WINDOW = 400


def unframed_list_entry(sentence: str) -> bool:
    """Whether a Russian sentence enters groups on a list it does not call terrorist ("В список добавили
    «Чистопольский джамаат» и ...")."""
    return (
        bool(_CYRILLIC.search(sentence))
        and bool(_BARE_ENTRY.search(sentence))
        and not re.search(r"террористическ", sentence, re.IGNORECASE)
    )


def terror_list_before(text: str, position: int) -> bool:
    """Whether the text just before ``position`` (the headline, the sentence before) names a list of terrorist
    organisations and no financial or extremist list ("ФСБ расширила реестр террористических организаций")."""
    before = text[max(0, position - _BEFORE_WINDOW) : position]
    return bool(_TERROR_LIST_BEFORE.search(before)) and not _FINANCIAL_LIST.search(before)
