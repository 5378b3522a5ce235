"""Given names and their nicknames: "Ted" is "Theodore", "Ben" is "Benjamin".

The pairs come from the hand-curated English table of the ``nicknames`` package (Apache-2.0,
github.com/carltonnorthern/nicknames), read once and folded like name tokens.
"""

from __future__ import annotations

from nicknames import NickNamer

from proscribe.names.lexicon import SPELLING

# "Al", "Ab", "Ed": nicknames this short read as initials or the Arabic article instead.
SHORTEST_NICKNAME = 3


def _nickname_table() -> dict[str, frozenset[str]]:
    partners: dict[str, set[str]] = {}
    for name, nicknames in NickNamer().nickname_lookup.items():
        for nickname in nicknames:
            if len(nickname) < SHORTEST_NICKNAME or not (name.isalpha() and nickname.isalpha()):
                continue
            # The tokens as normalise() writes them ("ben" is read as the patronymic "bin").
            first, second = SPELLING.get(name, name), SPELLING.get(nickname, nickname)
            if first != second:
                partners.setdefault(first, set()).add(second)
                partners.setdefault(second, set()).add(first)
    return {name: frozenset(found) for name, found in partners.items()}


NICKNAMES: dict[str, frozenset[str]] = _nickname_table()


def nicknames_of(token: str) -> frozenset[str]:
    """The names ``token`` is a nickname of, and its nicknames (normalised tokens)."""
    return NICKNAMES.get(token, frozenset())
