# ruff: noqa: RUF001  -- typographic apostrophes are the point of these patterns.
"""The organisations a Spanish or French listing verb acts on, read from the words after it.

"a inscrit les groupes Jabhat al Nusra et el-Mouakine bi dima sur la liste" -> "Jabhat al Nusra",
"el-Mouakine bi dima"; "dispuso la inscripción de la Hermandad Musulmana de Medio Oriente en el
Registro" -> "Hermandad Musulmana de Medio Oriente"; "incluyó este viernes a Hamás en el RePET" ->
"Hamás". The object runs from the verb to where the list, the category or an aside begins ("sur la
liste", "en el Registro", "como organización", "("); articles, group nouns and time words before the
names are dropped, and the rest is cut at commas and "et"/"y".
"""

from __future__ import annotations

import re
from typing import NamedTuple

# A verb of the Spanish/French action patterns (see lexicon.ACTION_PATTERNS, marked news-jur).
ROMANCE_VERB = re.compile(
    r"declar(?:ó|a|aron|ado|ada|ados|adas)|design(?:ó|a|aron|ado|ada|ados|adas)|désign(?:é|ée|és|ées|e|ent)|déclar(?:é|ée|és|ées)"
    r"|inclu(?:yó|ye|yeron|ido|ida|idos|idas)|inscri(?:t|te|ts|tes|vent|vait)|l['’]inscription\s+d[eu]|(?:la\s+)?inscripci[óo]n\s+de|declaratoria\s+de"
    r"|(?:retir|elimin|sac)(?:ó|aron|ado|ada|ados|adas)|exclu(?:yó|yeron|ido|ida)|dio\s+de\s+baja|(?:retir|radi|supprim)(?:é|ée|és|ées|e|ent)"
    # news-verbs: infinitives after a decree ("un decreto para declarar"), the future of a proposal ("declarará"),
    # and the French noun of an addition ("l'ajout des groupes suivants à la liste : A, B").
    r"|declarar(?:á|án)?|designar(?:á|án)?|incluir(?:á|án)?|l['’]ajout",
    re.IGNORECASE,
)
_STOP = re.compile(
    r"\s(?:sur|à|en|como|comme|dans|de\s+la\s+liste|del?\s+(?:la\s+)?(?:Registro|RePET|lista|listado)|por|par|tras|après|a\s+partir|pour|para)\s|[(;:«“\"]",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"^(?:\s*(?:,|a|al|de|del|la|las|los|el|le|les|un|una|une|este|esta|ce|cette|hoy|aujourd['’]hui|oficialmente|officiellement|formalmente"
    r"|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|grupos?|groupes?|organizaci[óo]n(?:es)?|organisations?|entidad(?:es)?|entités?|movimientos?|mouvements?"
    r"|terroristas?|terroristes?|palestinos?|islamistas?|islamistes?|criminales|criminels)(?=\s|$|,)\s*|\s*(?:d['’]|l['’]))+",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*,\s*(?:et\s+|y\s+)?|\s+(?:et|y|e)\s+")
_MAX_WORDS = 9


class RomanceName(NamedTuple):
    """An organisation named after a Spanish or French verb: its text and offset in the sentence."""

    start: int
    text: str


# news-verbs: the category before the object ("declarará como organizaciones «terroristas» al Clan del Golfo").
_CATEGORY_FIRST = re.compile(
    r"\s+como\s+(?:una?\s+)?(?:organizaci[óo]n|grupo|entidad)(?:es)?\s+[«“\"]?terroristas?[»”\"]?\s+(?=al?\s)",
    re.IGNORECASE,
)
# news-verbs: names announced by "suivants"/"siguientes" come after the colon ("l'ajout des groupes suivants à la
# liste des entités terroristes : le réseau 764, le Maniac Murder Cult").
_FOLLOWING = re.compile(
    r"\s*(?:les\s+|los\s+|las\s+|des\s+|de\s+los\s+|de\s+las\s+)?(?:groupes|entités|organisations|grupos|entidades|organizaciones)\s+(?:suivant|siguiente)[^:.;]{0,120}:",
    re.IGNORECASE,
)
# An apposition or relative clause after a name describes it: ", que es la principal banda", ", un groupe affilié".
_APPOSITION = re.compile(r"\s*,\s+(?:que|qui|un|une|una|aussi|también)\s", re.IGNORECASE)


def romance_objects(sentence: str, verb_start: int, verb_end: int) -> list[RomanceName]:
    """The organisations named right after the Spanish or French verb at [verb_start, verb_end) of
    ``sentence``; empty when the verb is not one or no name follows it."""
    if not ROMANCE_VERB.fullmatch(sentence, verb_start, verb_end):
        return []
    following = _FOLLOWING.match(sentence, verb_end)
    if following is not None:
        return _names_after_colon(sentence, following.end())
    category = _CATEGORY_FIRST.match(sentence, verb_end)
    if category is not None:
        verb_end = category.end()
    stop = _STOP.search(sentence, verb_end)
    end = stop.start() if stop else len(sentence)
    apposition = _APPOSITION.search(sentence, verb_end, end)
    end = apposition.start() if apposition else end
    chunk = sentence[verb_end:end]
    lead = _LEAD.match(chunk)
    names = _names_between(sentence, verb_end + (lead.end() if lead else 0), end)
    # news-verbs: a second object with its own category ("declarar a Hamás y Hezbollah como organizaciones
    # terroristas internacionales, y a ISIS y Al Qaeda como organizaciones terroristas globales").
    second = _SECOND_OBJECT.match(sentence, end) if stop is not None and not apposition else None
    if names and second is not None:
        more = _STOP.search(sentence, second.end())
        names += _names_between(sentence, second.end(), more.start() if more else len(sentence))
    return names


_SECOND_OBJECT = re.compile(r"\s+como\s+[^.;:()]{1,80}?,?\s+y\s+(?:a\s+|al\s+)", re.IGNORECASE)


def _names_between(sentence: str, start: int, end: int, *, numbers: bool = False) -> list[RomanceName]:
    """The names in ``sentence[start:end]``, cut at commas and "et"/"y"/"e", articles and group nouns dropped;
    a name has a capital letter ("el-Mouakine bi dima" has one after its article), or a digit with ``numbers``."""
    rest = sentence[start:end]
    names: list[RomanceName] = []
    position = 0
    for piece in _SPLIT.split(rest):
        at = rest.find(piece, position)
        position = at + len(piece)
        cleaned = _LEAD.sub("", piece).strip(" .,")
        if not cleaned or len(cleaned.split()) > _MAX_WORDS:
            continue
        if not any(char.isupper() or (numbers and char.isdigit()) for char in cleaned):
            continue
        names.append(RomanceName(start + at + piece.find(cleaned), cleaned))
    return names


def _names_after_colon(sentence: str, start: int) -> list[RomanceName]:
    """The names enumerated from ``start`` (after a colon) to an aside, an apposition or the sentence's end;
    a name may be a number ("le réseau 764")."""
    stop = re.compile(r"[(;]|\.\s*$").search(sentence, start)
    end = stop.start() if stop else len(sentence)
    apposition = _APPOSITION.search(sentence, start, end)
    end = apposition.start() if apposition else end
    return _names_between(sentence, start, end, numbers=True)


# news-verbs: the subject of a French or Spanish passive or copula ("Le Conseil de la choura des moudjahidines des
# environs de Jérusalem sera également enlevée de cette liste", "... est un groupe djihadiste palestinien ajouté à
# la liste noire du terrorisme en 2014"): an article, then a capitalised name with its small words, then the verb.
_SUBJECT = re.compile(
    r"(?:Le|La|Les|L['’]|El|Los|Las)\s*(?P<name>[A-ZÀ-Ý][\w'’-]*(?:\s+(?:[A-ZÀ-Ý0-9][\w'’-]*|de|del|des|du|dans|au|aux|en|la|las|los|le|les|al|el|wal|fil|d['’]\w+|l['’]\w+|[a-zà-ÿ]+(?=\s+(?:de|des|du|del|dans|en|au|aux)\s))){0,11})"
    r"\s+(?:est|sont|sera|seront|a\s+été|ont\s+été|avait\s+été|fue|fueron|será|serán|ha\s+sido|han\s+sido|es|son)\s"
)
# Bodies that act, not groups: "Le Gouvernement ... a été", "El Ministerio ... fue".
_BODY = re.compile(
    r"^(?:Gouvernement|Gobierno|Minist\w+|Départe?ment|Departamento|Conseil\s+de\s+sécurité|Consejo\s+de\s+Seguridad"
    r"|Tribunal|Cour|Corte|Parlement|Parlamento|Congr[eè]s\w*|Pr[ée]sident\w*|Secr[ée]tar\w+|Cabinet|Gabinete)\b",
    re.IGNORECASE,
)


def romance_subject(sentence: str, verb_start: int) -> RomanceName | None:
    """The group a French or Spanish sentence opens with when the verb at ``verb_start`` is in its first clause
    (a passive or a copula: "X sera retiré de la liste", "X est un groupe ... ajouté à la liste"); None when the
    sentence opens otherwise or with a body that acts."""
    match = _SUBJECT.match(sentence)
    if match is None or match.end("name") > verb_start:
        return None
    if any(mark in sentence[match.end("name") : verb_start] for mark in ",;:("):
        return None
    name = match.group("name")
    if _BODY.match(name):
        return None
    return RomanceName(match.start("name"), name)
