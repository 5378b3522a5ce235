"""Names resolve as screening finds them: exact first, then a unique strong match, else suggestions."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from proscribe import Entity, Name, Registry
from proscribe.errors import AmbiguousName
from proscribe.lists.importer import import_list
from proscribe.screening.resolve import NoSuchName, resolve_name
from proscribe.sources import un
from shared_data import need

UN_2026 = "un_sc_consolidated/consolidated_2026-02-27.xml"  # the full list: FDLR is not in the excerpt


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    registry = Registry(str(tmp_path_factory.mktemp("resolve") / "bundled.db"))
    registry.load_bundled()
    yield registry
    registry.db.dispose()


@pytest.fixture(scope="module")
def with_un(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    path = need(UN_2026)
    registry = Registry(str(tmp_path_factory.mktemp("resolve") / "un.db"))
    registry.load_bundled()
    import_list(registry, un.parse([path]))
    yield registry
    registry.db.dispose()


def test_an_exact_name_answers_without_a_note(bundled: Registry) -> None:
    found = resolve_name(bundled, "Hayat Tahrir al-Sham")
    assert found.entity.id == "hayat-tahrir-al-sham" and found.how == "exact" and found.note is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Talebaan", "taliban"),  # a transliteration variant
        ("Hayat Tahrir al Sham", "hayat-tahrir-al-sham"),
        ("Хамас", "hamas"),  # another script
    ],
)
def test_a_unique_strong_match_answers_and_says_how(bundled: Registry, query: str, expected: str) -> None:
    found = resolve_name(bundled, query)
    assert found.entity.id == expected
    if found.how == "screening":
        assert found.note is not None and f"matched '{query}' as {found.entity.caption}" in found.note
        assert found.score is not None and found.score >= 0.85


def test_a_typo_too_far_gets_suggestions_with_ids_and_lists(bundled: Registry) -> None:
    with pytest.raises(NoSuchName) as raised:
        resolve_name(bundled, "Talib")
    suggestions = raised.value.suggestions
    assert [s.id for s in suggestions][:1] == ["taliban"]
    assert any(lst.startswith("RU ") for lst in suggestions[0].lists)
    assert "Did you mean: taliban (Taliban" in str(raised.value)


def test_a_name_nothing_resembles_has_no_suggestions(bundled: Registry) -> None:
    with pytest.raises(NoSuchName) as raised:
        resolve_name(bundled, "Acme Widget Corporation")
    assert raised.value.suggestions == []


def test_a_bracketed_acronym_name_is_found_without_its_acronym(with_un: Registry) -> None:
    found = resolve_name(with_un, "Forces Democratiques de Liberation du Rwanda")
    assert found.entity.caption == "FORCES DEMOCRATIQUES DE LIBERATION DU RWANDA (FDLR)"
    assert found.how == "screening"
    assert resolve_name(with_un, "FDLR").entity.id == found.entity.id


def test_an_ambiguous_name_is_answered_for_the_one_entity_with_acts_in_the_jurisdiction(
    with_un: Registry,
) -> None:
    found = resolve_name(with_un, "Ansarallah", "US")
    assert found.entity.id == "ansarallah" and found.how == "jurisdiction"
    assert found.note is not None and "the one with acts in US" in found.note
    # in the UN only the UN entry has acts: the same name answers for it there
    assert resolve_name(with_un, "Ansarallah", "UN").entity.id != "ansarallah"


def test_the_cli_says_how_it_read_the_name(bundled: Registry) -> None:
    url = str(bundled.db.url)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "proscribe",
            "status",
            "Talebaan",
            "-j",
            "RU",
            "--as-of",
            "2026-01-01",
            "--db",
            url,
        ],
        capture_output=True,
        text=True,
        env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert "matched 'Talebaan' as Taliban" in result.stderr
    assert "Taliban in Russian Federation (RU) on 2026-01-01: suspended" in result.stdout
    as_json = subprocess.run(
        [sys.executable, "-m", "proscribe", "status", "Talebaan", "-j", "RU", "--json", "--db", url],
        capture_output=True,
        text=True,
    )
    body = json.loads(as_json.stdout)
    assert body["entity"] == "taliban" and body["resolved"]["how"] == "screening"
    typo = subprocess.run(
        [sys.executable, "-m", "proscribe", "history", "Talib", "--db", url], capture_output=True, text=True
    )
    assert typo.returncode == 1 and typo.stderr.count("\n") == 1 and "Did you mean: taliban" in typo.stderr


def test_a_shared_name_answers_for_the_entity_whose_primary_name_it_is(with_un: Registry) -> None:
    # "Ansarallah" is the curated group's primary name and an alias of the UN's "THE HOUTHIS"
    found = resolve_name(with_un, "Ansarallah")
    assert found.entity.id == "ansarallah" and found.how == "caption"
    assert found.note is not None and "un-yee.001 (THE HOUTHIS)" in found.note


def test_a_name_that_is_nobodys_primary_name_stays_ambiguous(tmp_path: Path) -> None:
    registry = Registry(str(tmp_path / "fronts.db"))
    registry.record(
        entities=[
            Entity(
                id="front-a",
                names=[Name(value="Front A", type="primary"), Name(value="The Front", type="aka")],
            ),
            Entity(
                id="front-b",
                names=[Name(value="Front B", type="primary"), Name(value="The Front", type="aka")],
            ),
        ]
    )
    with pytest.raises(AmbiguousName):
        resolve_name(registry, "The Front")
    registry.db.dispose()
