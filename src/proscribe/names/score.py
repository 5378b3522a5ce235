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

from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz.distance import Indel

from proscribe.names.normalise import Normalised

THRESHOLD = 0.80
TOKEN_FLOOR = 0.70  # token pairs less similar than this count as unpaired
SKELETON_DISCOUNT = 0.95
JOINED_DISCOUNT = 0.97

Weight = Callable[[str], float]

# Words that say what kind of organisation a name is, not which one: they weigh little, so
# "Abu Sayyaf" finds "Abu Sayyaf Group" (but "Hamas Trading" still does not find "Hamas").
GENERIC_ORG_WORDS = frozenset(
    {"group", "movement", "organization", "organisation", "network", "brigade", "brigades", "gruppe", "groupe", "grupo"}
)  # fmt: skip
GENERIC_DISCOUNT = 0.3


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
    best, how = 0.0, "fuzzy"
    if min(len(a), len(b)) > 2:
        best = Indel.normalized_similarity(a, b)
        if min(len(a), len(b)) <= 3 and best < 0.85:
            best = 0.0
    if cross and (len(sa) > 1 or len(sb) > 1 or a[:1] == b[:1]):
        skel = 1.0 if sa == sb else Indel.normalized_similarity(sa, sb) if min(len(sa), len(sb)) > 2 else 0.0
        skel *= SKELETON_DISCOUNT
        if skel > best:
            best, how = skel, "skeleton"
    return (best, how) if best >= TOKEN_FLOOR else (0.0, how)


def weights(tokens: tuple[str, ...], weight: Weight) -> list[float]:
    """Token weights for scoring (generic organisation words discounted)."""
    return [weight(t) * (GENERIC_DISCOUNT if t in GENERIC_ORG_WORDS else 1.0) for t in tokens]


def score_names(
    query: Normalised,
    name: Normalised,
    weight: Weight = uniform,
    *,
    query_weights: list[float] | None = None,
    name_weights: list[float] | None = None,
    memo: dict[tuple[str, str, bool], tuple[float, str]] | None = None,
) -> Scored:
    """Score one name against a query; both already normalised.

    ``query_weights``/``name_weights`` (as :func:`weights` gives them) and ``memo`` (token-pair
    similarities) only save work when one query is scored against many names; results are equal.
    """
    if not query.tokens or not name.tokens:
        return Scored(0.0)
    cross = query.transliterated or name.transliterated
    wq = query_weights if query_weights is not None else weights(query.tokens, weight)
    wn = name_weights if name_weights is not None else weights(name.tokens, weight)
    candidates = []
    for i, (a, sa) in enumerate(zip(query.tokens, query.skeletons, strict=True)):
        for j, (b, sb) in enumerate(zip(name.tokens, name.skeletons, strict=True)):
            if memo is None:
                sim, how = token_similarity(a, b, sa, sb, cross)
            else:
                found = memo.get((a, b, cross))
                if found is None:
                    found = memo[(a, b, cross)] = token_similarity(a, b, sa, sb, cross)
                sim, how = found
            if sim > 0:
                candidates.append((sim, i, j, how))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_q: set[int] = set()
    used_n: set[int] = set()
    pairs: list[TokenMatch] = []
    total = 0.0
    for sim, i, j, how in candidates:
        if i in used_q or j in used_n:
            continue
        used_q.add(i)
        used_n.add(j)
        total += sim * (wq[i] + wn[j])
        pairs.append(TokenMatch(query.tokens[i], name.tokens[j], sim, how))
    aligned = total / (sum(wq) + sum(wn))
    joined_q, joined_n = "".join(query.tokens), "".join(name.tokens)
    joined = Indel.normalized_similarity(joined_q, joined_n)
    if cross:
        joined = max(
            joined,
            SKELETON_DISCOUNT
            * Indel.normalized_similarity("".join(query.skeletons), "".join(name.skeletons)),
        )
    joined *= JOINED_DISCOUNT
    if joined > aligned and (len(query.tokens) != len(name.tokens) or cross):
        return Scored(round(joined, 4), pairs, [], [], joined=True)
    return Scored(
        round(aligned, 4),
        pairs,
        [t for i, t in enumerate(query.tokens) if i not in used_q],
        [t for j, t in enumerate(name.tokens) if j not in used_n],
    )
