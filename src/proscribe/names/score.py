"""Name-to-name score in [0, 1] with its explanation.

The score is a weighted fuzzy Dice coefficient over tokens: each query token is paired with at
most one name token (best pairs first); a pair counts with its similarity (rapidfuzz Indel ratio of
the Latin forms, or of the consonant skeletons when either name was transliterated from another
script, slightly discounted) times the two tokens' weights (rarer tokens weigh more). Tokens left
unpaired on *either* side lower the score, so "Hamas Trading" does not equal "Hamas". The whole
names joined without spaces are compared too ("alqaida" = "al qaida", "xi jin ping" = "xi jinping")
and the better of the two readings is kept.

:data:`THRESHOLD` is the documented cut-off: a score at or above it is reported as a match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import Indel, Levenshtein

from proscribe.names.lexicon import GENERIC_ORG_WORDS, GIVEN_NAMES, LEGAL_FORM_KINDS, ORG_WORDS_LATIN
from proscribe.names.nicknames import nicknames_of
from proscribe.names.normalise import Normalised, expansions, han_spaced, normalise

THRESHOLD = 0.80
TOKEN_FLOOR = 0.75  # token pairs less similar than this count as unpaired
SKELETON_DISCOUNT = 0.95
JOINED_DISCOUNT = 0.97
JOINED_FLOOR = 0.85  # the joined reading is for split or merged words, not for a missing word
SPELLING_SIM = 0.95  # the same spelling key (spelling_key): "Abdulah" ~ "Abdullah", "Husayn" ~ "Hussein"
PREFIX_SIM = 0.8
EDITS_APART = 3  # token pairs this many edits apart are two names
SHORT_SKELETON_DISCOUNT = 0.8
INITIAL_SIM = 0.8  # "V." ~ "Vladimir"
NICKNAME_SIM = 0.85  # "Ted" ~ "Theodore"
TRANSLATION_SIM = 0.9  # "Kata'ib" ~ "Brigades" (normalise.ORG_WORDS_LATIN)
TRUNCATED_SIM = 0.8  # the last word of a long name cut short ("... Belkassem Dr")
TRUNCATED_NAME_MIN = 30  # characters: shorter names are not cut by message formats
ACRONYM_SIM = 0.9  # "PLA" ~ "People's Liberation Army"
SUBSTITUTION_PENALTY = 1.0
SUBSET_WEIGHT = 0.5
REVERSAL_DISCOUNT = 0.75
ORGANISATION_EXTRA_WEIGHT = 1.2
LEGAL_FORM_DISCOUNT = 0.75
SAME_LETTERS = 0.97
SKELETON_SCRIPTS = frozenset({"arabic", "hebrew", "syriac", "thaana", "cyrillic", "greek", "thai", "lao"})
JOINED_SKELETON_FLOOR = 0.9
ABJADS = frozenset({"arabic", "hebrew", "syriac", "thaana"})  # scripts that do not write most vowels


Weight = Callable[[str], float]

GENERIC_DISCOUNT = 0.3
# Serial numbers of funds, trusts and vessels ("Fund IV", "Victory 3") say which one of a family.
SERIAL = re.compile(r"\d+|[ivx]{1,5}")


def uniform(_: str) -> float:
    return 1.0


@dataclass
class TokenMatch:
    query: str
    name: str
    similarity: float
    how: str  # "exact", "fuzzy", "skeleton"


@dataclass
class Scored:
    score: float
    pairs: list[TokenMatch] = field(default_factory=list)
    unmatched_query: list[str] = field(default_factory=list)
    unmatched_name: list[str] = field(default_factory=list)
    joined: bool = False

    def explain(self, query: Normalised, name: Normalised) -> str:
        parts = []
        if self.joined:
            parts.append(f"'{query.text}' ~ '{name.text}' read without spaces")
        else:
            for pair in self.pairs:
                if pair.how == "exact":
                    parts.append(f"{pair.query}={pair.name}")
                else:
                    parts.append(f"{pair.query}~{pair.name} ({pair.how} {pair.similarity:.2f})")
        if self.unmatched_query:
            parts.append("query only: " + " ".join(self.unmatched_query))
        if self.unmatched_name:
            parts.append("name only: " + " ".join(self.unmatched_name))
        for side, norm in (("query", query), ("name", name)):
            if norm.transliterated:
                parts.append(f"{side} transliterated from {norm.script}: '{norm.original}' -> '{norm.text}'")
        dropped = sorted(set(query.dropped) | set(name.dropped))
        if dropped:
            parts.append("ignored: " + " ".join(dropped))
        return "; ".join(parts)


def token_similarity(a: str, b: str, sa: str, sb: str, cross: bool) -> tuple[float, str]:
    if a == b:
        return 1.0, "exact"
    if b in nicknames_of(a):  # "Ted" / "Theodore"
        return NICKNAME_SIM, "nickname"
    if (len(a) == 1) != (len(b) == 1):  # an initial: "V." for "Vladimir"
        return (INITIAL_SIM, "initial") if a[0] == b[0] and a.isalpha() and b.isalpha() else (0.0, "initial")
    if spelling_key(a) == spelling_key(b):  # "Jong-uun" / "Jong-un", "Husayn" / "Hussein"
        return SPELLING_SIM, "spelling"
    best, how = 0.0, "fuzzy"
    if min(len(a), len(b)) > 2:
        best = Indel.normalized_similarity(a, b)
        if min(len(a), len(b)) <= 3 and best < 0.85:
            best = 0.0
        elif min(len(a), len(b)) >= 4 and abs(len(a) - len(b)) <= 3 and (a.startswith(b) or b.startswith(a)):
            best = max(best, PREFIX_SIM)  # a word and its derived form: "East" / "Eastern"
        elif best >= TOKEN_FLOOR and Levenshtein.distance(a, b, score_cutoff=EDITS_APART) >= EDITS_APART:
            # Three edits or more make another name, not a misspelling ("Barakhoev" / "Barkhanoev").
            best = 0.0
    if cross and (len(sa) > 1 or len(sb) > 1 or a[:1] == b[:1]):
        skel = 1.0 if sa == sb else Indel.normalized_similarity(sa, sb) if min(len(sa), len(sb)) > 2 else 0.0
        skel *= SKELETON_DISCOUNT
        if min(len(sa), len(sb)) < 3 and a[:1] != b[:1]:
            # Two consonants and different first letters ("dash" ~ "adisa"): weak evidence.
            skel *= SHORT_SKELETON_DISCOUNT
        if skel > best:
            best, how = skel, "skeleton"
    if best < TRANSLATION_SIM and translated(a) == translated(b):  # "Kata'ib" / "Brigades"
        return TRANSLATION_SIM, "translation"
    return (best, how) if best >= TOKEN_FLOOR else (0.0, how)


# Spellings that transliteration systems disagree on, folded in this order.
_VARIANT_SPELLINGS = (
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ph", "f"),
    ("q", "k"),
    ("ey", "ai"),
    ("ei", "ai"),
    ("ay", "ai"),
)
_BALTIC = re.compile(r"(?<=[^aeiouys])s$")
_FINAL_J = re.compile(r"(?<=[aeiou])j$")


def translated(token: str) -> str:
    """The English word an organisation word translates (normalise.ORG_WORDS_LATIN), or the token."""
    return ORG_WORDS_LATIN.get(token, token)


@lru_cache(maxsize=200_000)  # called for every token pair scored, and for the whole index
def spelling_key(token: str) -> str:
    """The token as spelt whatever the transliteration: doubled letters written once ("abdullah"
    -> "abdulah"), and in tokens of five letters or more the Latvian/Lithuanian nominative -s after
    a consonant dropped, a final j after a vowel read as y, and the spellings of
    ``_VARIANT_SPELLINGS`` folded ("husayn", "hussein" -> "husain"; "sergejs" -> "sergai"). The
    spellings of one given name (lexicon ``given_names``: "aleksandr", "oleksandr") share one key."""
    token = GIVEN_NAMES.get(token, token)
    if len(token) >= 5:
        token = _BALTIC.sub("", token)
        token = _FINAL_J.sub("y", token)
        for old, new in _VARIANT_SPELLINGS:
            token = token.replace(old, new)
    return "".join(ch for i, ch in enumerate(token) if i == 0 or token[i - 1] != ch)


def weights(form: Normalised, weight: Weight) -> list[float]:
    """The weights of a name's tokens for scoring: generic organisation words, serial numbers and
    words written only in brackets (qualifiers such as "(Schweiz)") are discounted."""
    bracketed = form.bracketed
    return [weight(t) * (GENERIC_DISCOUNT if _secondary(t) or t in bracketed else 1.0) for t in form.tokens]


def _secondary(token: str) -> bool:
    return token in GENERIC_ORG_WORDS or SERIAL.fullmatch(token) is not None


def _acronym_runs(short: tuple[str, ...], long: tuple[str, ...]) -> list[tuple[int, int, int]]:
    """(i, j, k): token ``short[i]`` spells the initials of ``long[j:k]`` ("pla" = people's liberation army)."""
    found = []
    for i, token in enumerate(short):
        size = len(token)
        if not 2 <= size <= 6 or not token.isalpha():
            continue
        for j in range(len(long) - size + 1):
            if all(long[j + n][:1] == token[n] for n in range(size)):
                found.append((i, j, j + size))
    return found


def _bracket_discount(form: Normalised, form_weights: list[float], used: set[int]) -> float:
    """The weight that :func:`weights` took off this name's unpaired bracketed tokens."""
    if not form.bracketed:
        return 0.0
    return sum(
        w * (1 / GENERIC_DISCOUNT - 1)
        for i, (token, w) in enumerate(zip(form.tokens, form_weights, strict=True))
        if i not in used and token in form.bracketed and not _secondary(token)
    )


def truncated_pairs(query: Normalised, name: Normalised) -> list[tuple[int, int]]:
    """(i, j): the last word of a long name cut short and a word of the other name it begins
    ("NOUREDDINE BEN ALI BEN BELKASSEM DR" for "... Drissi": payment messages cut names to fixed
    widths, often 35 characters)."""
    found: list[tuple[int, int]] = []
    for cut, other, flip in ((query, name, False), (name, query, True)):
        last = cut_short(cut)
        if last is None:
            continue
        i = len(cut.tokens) - 1
        for j, token in enumerate(other.tokens):
            if len(token) > len(last) and token.startswith(last):
                found.append((j, i) if flip else (i, j))
    return found


def cut_short(form: Normalised) -> str | None:
    """The last word of the name when the name may have been cut short inside it: a name of
    :data:`TRUNCATED_NAME_MIN` characters or more that ends with a letter or digit (not with a
    closing quote, bracket or full stop)."""
    written = form.original.rstrip()
    if len(written) < TRUNCATED_NAME_MIN or not written[-1:].isalnum() or not form.tokens:
        return None
    last = form.tokens[-1]
    return last if len(last) >= 2 else None


def _legal_forms_differ(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    kinds_a = {LEGAL_FORM_KINDS[form] for form in a if form in LEGAL_FORM_KINDS}
    kinds_b = {LEGAL_FORM_KINDS[form] for form in b if form in LEGAL_FORM_KINDS}
    return bool(kinds_a) and bool(kinds_b) and not kinds_a & kinds_b


def _patronymic_reversed(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """ "Salman bin Muhammad" is not "Muhammad bin Salman": the son and the father swapped."""
    if "bin" not in a[1:-1] or "bin" not in b[1:-1]:
        return False
    i, j = a.index("bin"), b.index("bin")
    return a[i - 1] != b[j - 1] and a[i - 1] == b[j + 1] and a[i + 1] == b[j - 1]


def score_names(
    query: Normalised,
    name: Normalised,
    weight: Weight = uniform,
    *,
    kind: str | None = None,
    query_weights: list[float] | None = None,
    name_weights: list[float] | None = None,
    memo: dict[tuple[str, str, bool], tuple[float, str]] | None = None,
) -> Scored:
    """Score one name against a query; both already normalised.

    ``kind`` is what the name belongs to, when known: ``"person"`` (a person's name may leave out
    middle names and patronymics, so a query that is a subset of the name loses less) or
    ``"organisation"``. ``query_weights``/``name_weights`` (as :func:`weights` gives them) and
    ``memo`` (token-pair similarities) only save work when one query is scored against many
    names; results are equal.
    """
    scored = _score_forms(query, name, weight, kind, query_weights, name_weights, memo)
    if query.script == name.script and query.transliterated and scored.score >= 0.5:
        # Both in the same non-Latin script: compare the letters as written too, so that two
        # different characters read alike in transliteration (高石 / 高市) still differ.
        native = _score_forms(native_form(query), native_form(name), uniform, kind, None, None, None)
        if native.score < scored.score:
            return Scored(
                native.score, scored.pairs, scored.unmatched_query, scored.unmatched_name, scored.joined
            )
    return scored


def _score_forms(
    query: Normalised,
    name: Normalised,
    weight: Weight,
    kind: str | None,
    query_weights: list[float] | None,
    name_weights: list[float] | None,
    memo: dict[tuple[str, str, bool], tuple[float, str]] | None,
) -> Scored:
    if not query.tokens or not name.tokens:
        return Scored(0.0)
    cross = query.transliterated or name.transliterated
    # Consonant skeletons stand in for the vowels that abjads (Arabic, Hebrew) do not write and for
    # the many spellings of Cyrillic and Greek sounds; scripts written with their vowels (Han,
    # Hangul, Kana, Devanagari...) are compared by their transliteration alone.
    skel = query.script in SKELETON_SCRIPTS or name.script in SKELETON_SCRIPTS
    wq = query_weights if query_weights is not None else weights(query, weight)
    wn = name_weights if name_weights is not None else weights(name, weight)
    candidates: list[tuple[float, tuple[int, ...], tuple[int, ...], str]] = []
    for i, (a, sa) in enumerate(zip(query.tokens, query.skeletons, strict=True)):
        for j, (b, sb) in enumerate(zip(name.tokens, name.skeletons, strict=True)):
            if memo is None:
                sim, how = token_similarity(a, b, sa, sb, skel)
            else:
                found = memo.get((a, b, skel))
                if found is None:
                    found = memo[(a, b, skel)] = token_similarity(a, b, sa, sb, skel)
                sim, how = found
            if sim > 0:
                candidates.append((sim, (i,), (j,), how))
    # Acronyms: initials spell a word only within one script (the initials of a transliterated
    # Hebrew or Arabic name spell nothing: "טבע תעשיות פרמצבטיות" is not "TTP").
    if (
        len(query.tokens) != len(name.tokens)
        and query.script == name.script
        and (kind != "person" or min(len(query.tokens), len(name.tokens)) > 1)
    ):
        for i, j, k in _acronym_runs(query.tokens, name.tokens):
            candidates.append((ACRONYM_SIM, (i,), tuple(range(j, k)), "acronym"))
        for i, j, k in _acronym_runs(name.tokens, query.tokens):
            candidates.append((ACRONYM_SIM, tuple(range(j, k)), (i,), "acronym"))
    for i, j in truncated_pairs(query, name):
        candidates.append((TRUNCATED_SIM, (i,), (j,), "cut short"))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_q: set[int] = set()
    used_n: set[int] = set()
    pairs: list[TokenMatch] = []
    matched = paired = 0.0
    weak = 0  # pairs that rest on a consonant skeleton of under three letters ("dby" ~ "adib")
    for sim, qs, ns, how in candidates:
        if used_q.intersection(qs) or used_n.intersection(ns):
            continue
        used_q.update(qs)
        used_n.update(ns)
        if how == "skeleton" and min(len(query.skeletons[qs[0]]), len(name.skeletons[ns[0]])) < 3:
            weak += 1
        pair_weight = sum(wq[i] for i in qs) + sum(wn[j] for j in ns)
        matched += sim * pair_weight
        paired += pair_weight
        pairs.append(
            TokenMatch(" ".join(query.tokens[i] for i in qs), " ".join(name.tokens[j] for j in ns), sim, how)
        )
    left_q = sum(w for i, w in enumerate(wq) if i not in used_q)
    left_n = sum(w for j, w in enumerate(wn) if j not in used_n)
    if left_q and left_n:
        # Tokens unpaired on both sides: a different name in that place, not an omitted one. A
        # bracketed qualifier weighs in full here: "(France)" / "(Germany)" are two companies.
        left_q += _bracket_discount(query, wq, used_q)
        left_n += _bracket_discount(name, wn, used_n)
        unpaired = left_q + left_n + SUBSTITUTION_PENALTY * min(left_q, left_n)
    elif kind == "person" and len(pairs) - weak >= 2:
        # A person's name with middle names or patronymics left out.
        unpaired = SUBSET_WEIGHT * (left_q + left_n)
    elif kind == "organisation":
        # An organisation's extra word names another organisation ("Banco Santander Chile").
        unpaired = ORGANISATION_EXTRA_WEIGHT * (left_q + left_n)
    else:
        unpaired = left_q + left_n
    # Evidence against the whole name, whichever reading wins: a swapped patronymic, another kind
    # of company.
    factor = 1.0
    if kind != "organisation" and _patronymic_reversed(query.tokens, name.tokens):
        factor *= REVERSAL_DISCOUNT
    if kind == "organisation" and _legal_forms_differ(query.dropped, name.dropped):
        factor *= LEGAL_FORM_DISCOUNT
    aligned = factor * matched / (paired + unpaired)
    joined = compact = Indel.normalized_similarity(query.compact, name.compact)
    if query.script in ABJADS or name.script in ABJADS:
        # Skeletons are short, so only a (nearly) equal pair of joined skeletons is evidence.
        joined_skeleton = Indel.normalized_similarity("".join(query.skeletons), "".join(name.skeletons))
        if joined_skeleton >= JOINED_SKELETON_FLOOR:
            joined = max(joined, SKELETON_DISCOUNT * joined_skeleton)
    joined *= JOINED_DISCOUNT * factor
    # Words split or merged ("Al Qaida" / "Alqaida") leave unpaired tokens on both sides, or give
    # the same letters once the spaces are gone ("VladimirPutin").
    split = len(query.tokens) != len(name.tokens) and ((left_q > 0 and left_n > 0) or compact >= SAME_LETTERS)
    if joined > aligned and (cross or (split and joined >= JOINED_FLOOR * factor)):
        return Scored(round(joined, 4), pairs, [], [], joined=True)
    return Scored(
        round(aligned, 4),
        pairs,
        [t for i, t in enumerate(query.tokens) if i not in used_q],
        [t for j, t in enumerate(name.tokens) if j not in used_n],
    )


_NATIVE_SPLIT = re.compile(r"[\W_]+")


def native_form(form: Normalised) -> Normalised:
    """A name's tokens as written (case-folded, Han and Hangul one token per character)."""
    text = han_spaced(unicodedata.normalize("NFKC", form.original).casefold())
    tokens = tuple(tok for tok in _NATIVE_SPLIT.split(text) if tok)
    return Normalised(form.original, tokens, tokens, "latin", (), "".join(tokens))


def compare_names(a: str, b: str, *, kind: str | None = None) -> Scored:
    """The best score of two raw names over their readings (acronym expansions, translations of
    organisation words, Japanese and Korean readings of Han and Hangul): what screening does for
    a query, done for both sides.

    >>> compare_names("PKK", "Kurdistan Workers' Party").score >= THRESHOLD
    True
    """
    first, second = normalise(a), normalise(b)
    if first.script == second.script and first.transliterated:
        # Both in one non-Latin script: compared as written; readings would blur the letters.
        return score_names(first, second, kind=kind)
    forms_a = [first] + [normalise(text) for text in expansions(first)]
    forms_b = [second] + [normalise(text) for text in expansions(second)]
    return max(
        (score_names(x, y, kind=kind) for x in forms_a for y in forms_b),
        key=lambda scored: scored.score,
    )
