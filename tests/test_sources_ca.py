"""Canada Consolidated Autonomous Sanctions List (Ammitto YAML), read in place, and bad input."""

from __future__ import annotations

import collections
import datetime as dt
from pathlib import Path

import pytest

from proscribe.errors import InputError
from proscribe.model import EntityKind, NameType
from proscribe.sources import ca
from proscribe.sources.base import ListEntry, ListName
from shared_data import need

# Full files only, from ../shared/data: no excerpt (their licences are not stated; tests/README.md).
CA = "ca/ammitto_ca_sema_autonomous.yaml"
EU = "eu/ammitto_eu_fsf_entities.yaml"


@pytest.fixture(scope="module")
def entries() -> dict[str, ListEntry]:
    found: dict[str, ListEntry] = {}
    for entry in ca.parse([need(CA)]).entries:
        assert entry.key not in found, f"duplicate key {entry.key}"
        found[entry.key] = entry
    return found


def test_one_entry_per_row_counted_independently(entries: dict[str, ListEntry]) -> None:
    with need(CA).open(encoding="utf-8") as handle:
        rows = sum(1 for line in handle if line.startswith("date_of_listing: "))
    assert rows == 5379
    assert len(entries) == rows


def test_version_metadata() -> None:
    parsed = ca.parse([need(CA)])
    assert parsed.jurisdiction == "CA"
    assert parsed.data_date == dt.date(2026, 2, 19)  # PROVENANCE.md: date_of_listing max 2026-02-19
    assert "lower bound" in parsed.data_date_basis


def test_lists_by_regime(entries: dict[str, ListEntry]) -> None:
    lists = collections.Counter(entry.lists[0] for entry in entries.values())
    assert lists["ca-sema-russia"] == 3035
    assert lists["ca-sema-hamas-terrorist-attacks"] == 39
    assert lists["ca-sema-jvcfor"] == 80
    assert lists["ca-sema-moldova"] == 41  # "Moldova" and "Moldova " are one regime
    assert "ca-listed-terrorist-entities" not in lists


def test_hamas_regime_entry(entries: dict[str, ListEntry]) -> None:
    sinwar = entries["hamas-terrorist-attacks/Part 1/1"]
    assert sinwar.kind is EntityKind.PERSON
    assert sinwar.names == (ListName("Yahya Sinwar", NameType.PRIMARY),)
    assert sinwar.listed_on == "2024-02-02"
    assert sinwar.programmes == ("Hamas Terrorist Attacks / Attaques terroristes du Hamas",)


def test_rows_without_names(entries: dict[str, ListEntry]) -> None:
    # Ammitto kept no entity or ship names: those rows have no name fields at all.
    nameless = [entry for entry in entries.values() if not entry.names]
    assert len(nameless) == 1906
    assert all(entry.kind is EntityKind.ORGANISATION for entry in nameless)
    belarus = entries["belarus/1, Part 2/1"]
    assert belarus.caption == "belarus/1, Part 2/1"
    assert belarus.listed_on == "2021-06-17"
    named = entries["belarus/1, Part 1.1/1"]
    assert named.caption == "Inna Vladimirovna OLEKSINA"  # the tab before the given name is dropped


def test_slugs() -> None:
    assert ca.regime_slug("Myanmar (Burma) / Myanmar (Birmanie)") == "myanmar-burma"
    assert ca.regime_slug("Venezuela ") == "venezuela"


def _parse_all(path: Path) -> None:
    list(ca.parse([path], data_date=dt.date(2026, 2, 19)).entries)


def test_the_eu_file_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        _parse_all(need(EU))
    assert str(caught.value).startswith(f"{need(EU)}:2: document 1: no country, item and date_of_listing")


def test_bad_files(tmp_path: Path) -> None:
    with need(CA).open(encoding="utf-8") as handle:
        head = "".join(next(handle) for _ in range(18))
    truncated = tmp_path / "truncated.yaml"
    truncated.write_text(head + "given_name: 'Ekaterina", encoding="utf-8")
    with pytest.raises(InputError, match=r"truncated\.yaml:19: document 3: malformed YAML"):
        _parse_all(truncated)
    latin1 = tmp_path / "latin1.yaml"
    latin1.write_bytes(head.encode("utf-8").replace("Bélarus".encode(), "Bélarus".encode("latin-1"), 1))
    with pytest.raises(InputError, match=r"latin1\.yaml:4: document 1: not UTF-8 text"):
        _parse_all(latin1)
    json_file = tmp_path / "ca.json"
    json_file.write_text('{"country": "Belarus", "item": "1"}')
    with pytest.raises(InputError, match=r"ca\.json:1: document 1: no country, item and date_of_listing"):
        _parse_all(json_file)
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(head + "---\ncountry: &c Belarus\nitem: *c\ndate_of_listing: '2022-03-08'\n")
    with pytest.raises(InputError, match=r"bomb\.yaml:20: document 3: YAML anchors and aliases"):
        _parse_all(bomb)
