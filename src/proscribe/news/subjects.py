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


# news-grammar: the subject of a passive or perfect listing predicate read leftwards from its auxiliary, when the
# sentence does not open with it (passive_subject reads a sentence's opening). Each pattern ends where the listing
# verb begins; its name begins after a clause boundary (the sentence's start, a comma, a conjunction), so it crosses
# neither a sentence nor a verb, and an apposition or a parenthesis between the name and the auxiliary is allowed.
# English: "In addition to the aforementioned extremist networks, the Islamic State-Mozambique has also been
# included in the list of terrorist entities"; "X is no longer listed".
_EN_LEFT_SUBJECT = re.compile(
    r"(?:^|[,;:(]\s*|\b(?:and|while|after|as|since|when|but|that)\s+)(?:the\s+|The\s+)?"
    r"(?P<name>[A-Z][\w'’-]*(?:\s+(?:[A-Z0-9][\w'’-]*|of|for|and|al|el|de|ul|the)){0,8})"
    # its head noun ("the Georgian National Legion paramilitary unit"), then an aside: a parenthesis, an acronym
    # ("The Indigenous People of Biafra, IPOB, were ...") or a description ("X, a separatist group, has been")
    r"(?:\s+(?:[a-z-]+\s+)?(?:unit|group|cult|movement|organi[sz]ation|outfit|network|faction|militia|wing|battalion"
    r"|regiment|brigade|party|front))?"
    r"(?:\s*\([^()]{1,40}\)|\s*,\s+an?\s+[^,;:()]{3,60},|\s*,\s+[A-Z][A-Z0-9-]{1,10},)?"
    r"\s+(?:(?:has|have|had)\s+(?:(?:\w+ly|also|now|since)\s+){0,2}been|was|were|(?:is|are)(?=\s+@))"
    r"\s+(?:(?:\w+ly|also|then|later|now|formally|officially|on\s+\w+day|(?:last|this|earlier)(?:\s+\w+){1,2}"
    r"|in\s+\d{4})\s+){0,2}@?$"
)
# French and Spanish: "Le Front de libération ... a été inscrit sur la liste", "El Frente ... quedó inscrito en el
# RePET": an article (and a group noun), a capitalised name with the lowercase words Romance names carry, then the
# passive's auxiliary.
_ROMANCE_LEFT_SUBJECT = re.compile(
    r"(?:^|[,;:]\s*|\b(?:et|y|mais|pero|que|quand|cuando)\s+)(?:Le|La|Les|L['’]|El|Los|Las|le|la|les|l['’]|el|los|las)\s*"
    r"(?:(?:groupe|grupo|mouvement|movimiento|organisation|organización|banda|réseau|red)\s+)?"
    r"(?P<name>[A-ZÀ-Ý][\w'’-]*(?:\s+(?:[A-ZÀ-Ý0-9][\w'’-]*|[a-zà-ÿ]{2,}|d['’]\w+|l['’]\w+)){0,7})"
    r"(?:\s*\([^()]{1,40}\)|\s*,\s+(?:una?|uno|unos|unas|un|une|des|el|la|le|los|las|les|l['’])\s*[^,;:()]{3,80},)?"
    r"\s+(?:(?:a|ont|avait|avaient)\s+(?:(?:également|aussi|officiellement|formellement)\s+)?été"
    r"|fue|fueron|quedó|quedaron|(?:ha|han|había|habían)\s+sido)"
    r"\s+(?:(?:\w+ment|\w+mente|también|également|aussi|hoy)\s+)?$"
)
# An action pattern that begins with the passive's auxiliary ("a été inscrit", "fue incluido", "has been added").
_AUXILIARY_AT_VERB = re.compile(
    r"(?:(?:a|ont|avait|avaient)\s+été|fue|fueron|quedó|quedaron|(?:ha|han)\s+sido|(?:has|have|had)\s+been|was|were"
    r"|wurde|wurden)\s+"
)
# Lowercase words a Romance name may carry but not begin its tail with: a verb or a clause word ends the subject.
_ROMANCE_VERBISH = re.compile(r"\s(?:que|qui|quien|cuyo|dont|est|es|fue|a|ha|se|ne|no|y|et|o|ou)\s")
# German perfect with the object between the auxiliary and the participle: "Die EU hat Irans Revolutionsgarde auf die
# Terrorliste gesetzt", "hat die Gruppe X als Terrororganisation eingestuft". The phrase after the auxiliary, less
# its article, adjectives and a country's genitive ("Irans"), is the object; a comma or a second verb ends it.
_DE_PERFECT_OBJECT = re.compile(
    r"\b(?:hat|haben|hatte|hatten)\s+(?:nun\s+|jetzt\s+|auch\s+|offiziell\s+|formell\s+)*"
    r"(?:(?:die|den|das|der|dessen|deren)\s+)?(?:(?-i:[a-zäöü][\w-]*)\s+){0,2}"
    r"(?:(?-i:[A-ZÄÖÜ][\w-]*s)\s+(?=(?-i:[A-ZÄÖÜ])))?"
    r"(?P<name>(?-i:[A-ZÄÖÜ\"„“«])[^,;:.()]{1,60}?)\s*$"
)
# German passive: "Die Zulu-Befreiungsfront wurde von der EU auf die Terrorliste gesetzt"; the agent may stand
# between the auxiliary and the predicate.
_DE_PASSIVE_SUBJECT = re.compile(
    r"(?:^|[,;:]\s*|\b(?:und|aber|nachdem|als)\s+)(?:Die|Der|Das|die|der|das)\s+(?:(?-i:[a-zäöü][\w-]*)\s+){0,2}"
    r"(?P<name>(?-i:[A-ZÄÖÜ])[\w-]*(?:\s+(?-i:[A-ZÄÖÜ])[\w-]*){0,3})\s+(?:wurde|wurden)\s+[^,;:.]{0,80}$"
)
# Words a German phrase opens with that name no group: pronouns, generic nouns, bodies.
_DE_NOT_A_GROUP = re.compile(
    r"^(?:Gruppe|Gruppen|Organisation|Organisationen|Vereinigung|Verein|Regierung|Liste|Terrorliste|Sie|Es|Er|Ihn"
    r"|Ihre|Seine|Mitglieder|Entscheidung|Beschluss|EU|Bundesregierung|Innenministerium|Verbot|Antrag|Klage)\b"
)
_ROMANCE_BODY = re.compile(
    r"^(?:Gouvernement|Gobierno|Minist\w+|Départe?ment|Departamento|Conseil|Consejo|Tribunal|Cour|Corte|Parlement"
    r"|Parlamento|Congr[eè]s\w*|Pr[ée]sident\w*|Secr[ée]tar\w+|Cabinet|Gabinete|Union|Unión|Estado|État|Etat)\b"
)


def left_subject(sentence: str, verb_start: int) -> LeadSubject | None:
    """The group named right before a passive or perfect listing predicate at ``verb_start`` when the sentence
    does not open with it: the name before "has been" / "was", "a été" / "fue" / "quedó", "wurde", or the German
    object between "hat" and the participle ("hat X auf die Terrorliste gesetzt"). None when no name-like phrase
    stands there, or when the phrase names a body or a generic noun."""
    before = sentence[:verb_start]
    if sentence.startswith("no longer", verb_start):
        before += "@"  # "X is no longer listed": "is" is a step's auxiliary only before "no longer"
    auxiliary = _AUXILIARY_AT_VERB.match(sentence, verb_start)
    if auxiliary is not None:
        before = sentence[
            : auxiliary.end()
        ]  # the match began with the auxiliary: "a été inscrit", "fue incluido"
    english = _EN_LEFT_SUBJECT.search(before)
    if english is not None:
        name = english.group("name")
        if _NOT_A_GROUP.match(name) or len(name) < 3:
            return None
        return LeadSubject(english.start("name"), name)
    romance = _ROMANCE_LEFT_SUBJECT.search(before)
    if romance is not None:
        name = romance.group("name")
        lowercase = [w for w in name.split() if w[:1].islower()]
        if _ROMANCE_BODY.match(name) or _ROMANCE_VERBISH.search(f" {name} ") or len(lowercase) > 3:
            return None
        return LeadSubject(romance.start("name"), name)
    german = _DE_PERFECT_OBJECT.search(before) or _DE_PASSIVE_SUBJECT.search(before)
    if german is not None:
        name = german.group("name").strip('"„“« ')
        single = " " not in name and len(name) >= 3 and not _DE_NOT_A_GROUP.match(name)
        if single or _multiword_name(name):
            return LeadSubject(sentence.find(name, german.start("name")), name)
    return None


def _multiword_name(name: str) -> bool:
    """A German name of several words keeps its own capitals ("Hammerskins Deutschland", "Muslim Interaktiv")."""
    words = name.split()
    return len(words) > 1 and all(w[:1].isupper() for w in words) and not _DE_NOT_A_GROUP.match(name)
