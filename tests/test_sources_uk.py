"""UK Sanctions List (Ammitto YAML): the real 2026-08-22 snapshot, read in place, and bad input."""

from __future__ import annotations

import collections
import datetime as dt
import re
from pathlib import Path

import pytest

from proscribe.errors import InputError
from proscribe.model import EntityKind, NameType
from proscribe.sources import uk
from proscribe.sources.base import ListEntry, ListName
from shared_data import need, pick

# The full UK list from ../shared/data, or its excerpt in tests/data/lists (tests/README.md).
UK = pick("uk/ammitto_uk_sanctions_list_2026-08-22.yaml")
AU_FILE = "au/ammitto_au_dfat_consolidated.yaml"  # no excerpt: the AU licence is not stated


def raw_counts(pattern: str) -> collections.Counter[str]:
    """What ``pattern``'s group matches in the file's lines, counted apart from the parser."""
    text = UK.path.read_text(encoding="utf-8")
    return collections.Counter(re.findall(pattern, text, flags=re.MULTILINE))


@pytest.fixture(scope="module")
def entries() -> dict[str, ListEntry]:
    parsed = uk.parse([UK.path])
    found: dict[str, ListEntry] = {}
    for entry in parsed.entries:
        assert entry.key not in found, f"duplicate key {entry.key}"
        found[entry.key] = entry
    return found


def test_one_entry_per_document_counted_independently(entries: dict[str, ListEntry]) -> None:
    documents = UK.path.read_text(encoding="utf-8").count("\n# source_path: ")
    assert (documents == 6349) if UK.full else (documents > 10)
    assert len(entries) == documents


def test_kinds_match_the_provenance_counts(entries: dict[str, ListEntry]) -> None:
    kinds = collections.Counter(entry.kind for entry in entries.values())
    raw = raw_counts(r"^individual_entity_ship: (\w+)$")
    assert kinds == {EntityKind.PERSON: raw["Individual"], EntityKind.ORGANISATION: raw["Entity"],
                     EntityKind.VESSEL: raw["Ship"]}  # fmt: skip
    if UK.full:
        assert kinds == {EntityKind.PERSON: 4036, EntityKind.ORGANISATION: 1647, EntityKind.VESSEL: 666}


def test_version_metadata() -> None:
    parsed = uk.parse([UK.path])
    assert parsed.jurisdiction == "GB"
    assert parsed.data_date == dt.date(2026, 8, 22)
    assert "file name" in parsed.data_date_basis
    assert len(parsed.content_hash) == 64
    assert uk.parse([UK.path], data_date=dt.date(2026, 9, 1)).data_date_basis == "--data-date"


def test_terrorism_regimes_are_lists_named_after_the_id_prefix(entries: dict[str, ListEntry]) -> None:
    lists = collections.Counter(entry.lists[0] for entry in entries.values())
    prefixes = raw_counts(r"^unique_id: ([A-Z]+)\d+$")
    for prefix in ("CTI", "CTD", "AQD", "AFG"):
        assert lists[f"gb-sanctions-{prefix.lower()}"] == prefixes[prefix] > 0
    if UK.full:
        assert (prefixes["CTI"], prefixes["CTD"], prefixes["AQD"], prefixes["AFG"]) == (63, 12, 344, 140)
    assert "gb-proscribed-organisations" not in lists
    assert all(len(entry.lists) == 1 for entry in entries.values())


def test_al_nusrah_front_carries_its_un_reference_and_arabic_names(entries: dict[str, ListEntry]) -> None:
    nusrah = entries["AQD0026"]
    assert nusrah.kind is EntityKind.ORGANISATION
    assert nusrah.references == ("QDe.137",)
    assert nusrah.lists == ("gb-sanctions-aqd",)
    assert nusrah.listed_on == "2014-05-14"
    assert nusrah.names[0] == ListName("AL-NUSRAH FRONT FOR THE PEOPLE OF THE LEVANT", NameType.PRIMARY)
    values = [name.value for name in nusrah.names]
    assert "Hayat Tahrir al-Sham" in values
    assert "هيئة تحرير الشام" in values
    assert "Ansar al-Mujahideen Network" in values  # "- sub-unit name" marker dropped
    assert {name.script for name in nusrah.names} == {"Latn", "Arab"}
    assert len(values) == len(set(values))
    assert nusrah.identifiers == (("gb-ofsi-group-id", "12981"),)
    assert nusrah.remarks is not None and "Jabhat Fath al-Sham" in nusrah.remarks


def test_taliban_regime_entry(entries: dict[str, ListEntry]) -> None:
    exchange = entries["AFG0001"]
    assert exchange.lists == ("gb-sanctions-afg",)
    assert exchange.references == ("TAe.010",)
    assert exchange.caption == "HAJI KHAIRULLAH HAJI SATTAR MONEY EXCHANGE"
    assert exchange.listed_on == "2012-06-29"
    assert "حاجی خيرالله و حاجی ستار صرافی" in [n.value for n in exchange.names]


def test_every_entry_starts_with_one_primary_name(entries: dict[str, ListEntry]) -> None:
    for entry in entries.values():
        assert entry.names[0].type is NameType.PRIMARY, entry.key
        assert [n.type for n in entry.names].count(NameType.PRIMARY) == 1, entry.key


def test_un_references_are_normalised(entries: dict[str, ListEntry]) -> None:
    # The file spells some as QDE.145 / IRI.038 and one as N/A.
    references = [ref for entry in entries.values() for ref in entry.references]
    assert "QDe.145" in references
    assert "IRi.038" in references
    assert all(len(ref) == 7 and ref[2] in "ei" for ref in references)
    # Every un_reference_number but the one "N/A".
    numbered = raw_counts(r"^un_reference_number: ([A-Za-z]{3}\.\d+)$")
    assert len(references) == sum(numbered.values()) == (1004 if UK.full else len(references))


def test_weak_aliases(entries: dict[str, ListEntry]) -> None:
    weak = sum(1 for entry in entries.values() for name in entry.names if name.type is NameType.WEAK)
    low_quality = raw_counts(r"alias_strength: (Low quality a\.k\.a)")["Low quality a.k.a"]
    assert (low_quality == 621) if UK.full else (low_quality > 0)
    assert 0 < weak <= low_quality  # "Low quality a.k.a" records, before de-duplication


def _first_document(tmp_path: Path) -> list[str]:
    lines = UK.path.read_text(encoding="utf-8").splitlines(keepends=True)
    end = next(i for i, line in enumerate(lines[2:], start=2) if line.startswith("---"))
    return lines[:end]


def _parse_all(path: Path) -> None:
    list(uk.parse([path], data_date=dt.date(2026, 8, 22)).entries)


def test_the_australian_file_is_refused_naming_document_and_line() -> None:
    au_file = need(AU_FILE)
    with pytest.raises(InputError) as caught:
        _parse_all(au_file)
    assert (
        str(caught.value) == f"{au_file}:2: document 1: no unique_id (not a UK Sanctions List YAML document?)"
    )


def test_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text('[{"unique_id": "AFG0001"}]\n')
    with pytest.raises(InputError, match=r"list\.json:1: document 1: expected a mapping"):
        _parse_all(path)


def test_truncated_document_is_refused(tmp_path: Path) -> None:
    lines = _first_document(tmp_path)
    cut = next(i for i, line in enumerate(lines) if line.startswith("other_information: '"))
    path = tmp_path / "truncated.yaml"
    path.write_text("".join(lines[: cut + 1]), encoding="utf-8")
    with pytest.raises(InputError, match=r"truncated\.yaml:\d+: document 1: malformed YAML"):
        _parse_all(path)


def test_non_utf8_bytes_are_refused_at_their_line(tmp_path: Path) -> None:
    lines = _first_document(tmp_path)
    data = "".join(lines).encode("utf-8").replace(b"Haji Alim Hawala", b"Haji Alim Haw\xe0la")
    path = tmp_path / "latin1.yaml"
    path.write_bytes(data + data)
    line = data[: data.index(b"\xe0")].count(b"\n") + 1
    with pytest.raises(InputError) as caught:
        _parse_all(path)
    assert str(caught.value) == f"{path}:{line}: document 1: not UTF-8 text"


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.yaml"
    levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    levels += [
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]" for i in range(8)
    ]
    path.write_text("---\nunique_id: AFG0001\n" + "\n".join(levels) + "\n")
    with pytest.raises(
        InputError, match=r"bomb\.yaml:3: document 1: YAML anchors and aliases .* are refused"
    ):
        _parse_all(path)


def test_an_empty_file_and_a_missing_file_are_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("# nothing here\n")
    with pytest.raises(InputError, match="no YAML documents"):
        _parse_all(empty)
    with pytest.raises(InputError, match="no such file"):
        _parse_all(tmp_path / "missing.yaml")


def test_no_date_anywhere_needs_data_date(tmp_path: Path) -> None:
    path = tmp_path / "uk.yaml"
    path.write_text("".join(_first_document(tmp_path)), encoding="utf-8")
    with pytest.raises(InputError, match="give --data-date"):
        uk.parse([path])
    assert [e.key for e in uk.parse([path], data_date=dt.date(2026, 8, 22)).entries] == ["AFG0001"]
