"""Spellings of one given name (names/data/lexicon.yaml ``given_names``) score as one name.

yente's own test query "Alexander Vyacheslavovich Zakharov" must find OFAC's "ZAKHAROV, Aleksandr
Vyacheslavovich" (0.57 before the table: "alexander" / "aleksandr" are three edits apart).
"""

from __future__ import annotations

import pytest

from proscribe.names.index import NameIndex
from proscribe.names.lexicon import GIVEN_NAMES
from proscribe.names.score import THRESHOLD, compare_names

LISTED = [
    "ZAKHAROV, Aleksandr Vyacheslavovich",
    "ZAKHAROV, Andrey Georgiyevich",
    "IVANOV, Iurii Petrovich",
    "Muhammad Omar",
    "Aleksei Ivanov",
]


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Alexander Vyacheslavovich Zakharov", "ZAKHAROV, Aleksandr Vyacheslavovich"),
        ("Oleksandr Zakharov", "Aleksandr Zakharov"),
        ("Aliaksandr Zakharov", "Александр Захаров"),
        ("Yuri Petrovich Ivanov", "IVANOV, Iurii Petrovich"),
        ("Yury Ivanov", "Юрий Иванов"),
        ("Mohammed Omar", "Muhammad Omar"),
        ("Mohamed Omar", "Mukhammad Omar"),
    ],
)
def test_spellings_of_one_given_name_match(query: str, listed: str) -> None:
    scored = compare_names(query, listed, kind="person")
    assert scored.score >= THRESHOLD, (query, listed, scored)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Alexander Ivanov", "Aleksei Ivanov"),  # Alexei is another name
        ("Yuri Ivanov", "Yegor Ivanov"),  # a form of George too, but another name
        ("Muhammad Omar", "Mahmud Omar"),  # same root, another name
        ("Alexander Zakharov", "Andrey Zakharov"),
    ],
)
def test_other_given_names_stay_apart(query: str, listed: str) -> None:
    assert compare_names(query, listed, kind="person").score < THRESHOLD


def test_the_index_finds_them_through_its_bounds() -> None:
    # NameIndex skips candidates whose bound is under the threshold: the bound must know the table
    index = NameIndex(enumerate(LISTED), kinds=["person"] * len(LISTED))
    hits = index.search("Alexander Vyacheslavovich Zakharov", min_score=THRESHOLD)
    assert [LISTED[h.name.owner] for h in hits] == ["ZAKHAROV, Aleksandr Vyacheslavovich"]
    hits = index.search("Yuri Ivanov", min_score=THRESHOLD)
    assert [LISTED[h.name.owner] for h in hits] == ["IVANOV, Iurii Petrovich"]


def test_table_spellings_are_written_as_normalise_writes_them() -> None:
    from proscribe.names.normalise import normalise

    for spelling in GIVEN_NAMES:
        assert normalise(spelling).tokens == (spelling,), spelling
