"""Australia DFAT Consolidated List (Ammitto YAML), read in place, and bad input."""

from __future__ import annotations

import collections
import datetime as dt
from pathlib import Path

import pytest

from proscribe.errors import InputError
from proscribe.model import EntityKind, NameType
from proscribe.sources import au
from proscribe.sources.base import ListEntry, ListName
from shared_data import need

# Full files only, from ../shared/data: no excerpt (their licences are not stated; tests/README.md).
AU = "au/ammitto_au_dfat_consolidated.yaml"
CA = "ca/ammitto_ca_sema_autonomous.yaml"


@pytest.fixture(scope="module")
def entries() -> dict[str, ListEntry]:
    found: dict[str, ListEntry] = {}
    for entry in au.parse([need(AU)]).entries:
        assert entry.key not in found, f"duplicate key {entry.key}"
        found[entry.key] = entry
    return found


def test_one_entry_per_reference_counted_independently(entries: dict[str, ListEntry]) -> None:
    with need(AU).open(encoding="utf-8") as handle:
        references = {line.split("'")[1] for line in handle if line.startswith("reference: '")}
    assert len(references) == 3811
    assert set(entries) == references


def test_version_metadata() -> None:
    parsed = au.parse([need(AU)])
    assert parsed.jurisdiction == "AU"
    assert parsed.data_date == dt.date(2026, 2, 24)  # PROVENANCE.md: control_date max 2026-02-24
    assert parsed.data_date_basis == "latest control_date in the file"


def test_lists_by_committee(entries: dict[str, ListEntry]) -> None:
    lists = collections.Counter(entry.lists[0] for entry in entries.values())
    # PROVENANCE.md: 1373 (2001) 94, 1267 341, 1988 141.
    assert lists["au-dfat-1373"] == 94
    assert lists["au-dfat-1267"] == 341
    assert lists["au-dfat-1988"] == 141
    assert lists["au-dfat-autonomous-russia"] == 972
    assert sum(lists.values()) == 3811


def test_al_nusrah_front_under_1267_and_hts_under_1373(entries: dict[str, ListEntry]) -> None:
    nusrah = entries["2672"]
    assert nusrah.lists == ("au-dfat-1267",)
    assert nusrah.references == ("QDe.137",)
    assert nusrah.kind is EntityKind.ORGANISATION
    assert nusrah.listed_on == "2014-05-14"
    values = [n.value for n in nusrah.names]
    assert "هيئة تحرير الشام" in values
    assert "Ansar al-Mujahideen Network" in values  # split out of its original-script name
    hts = entries["6715"]
    assert hts.lists == ("au-dfat-1373",)
    assert hts.names[0] == ListName("Hay\u2019at Tahrir al-Sham", NameType.PRIMARY)
    assert hts.references == ()


def test_taliban_regime_entry(entries: dict[str, ListEntry]) -> None:
    governor = entries["100"]
    assert governor.lists == ("au-dfat-1988",)
    assert governor.programmes == ("1988 (Taliban)",)
    assert governor.references == ("TAi.100",)
    assert governor.kind is EntityKind.PERSON
    assert governor.listed_on == "2001-02-23"
    assert governor.names == (
        ListName("Nazir Mohammad Abdul Basir", NameType.PRIMARY),
        ListName("Nazar Mohammad", NameType.AKA),
        ListName("نظر محمد", NameType.AKA),
    )


def test_only_leading_un_numbers_are_references(entries: dict[str, ListEntry]) -> None:
    # 1058's remarks mention the Rajah Solaiman Movement (QDe.128), which is not itself.
    assert entries["1058"].references == ()
    assert "QDe.128" in (entries["1058"].remarks or "")


def test_listing_dates(entries: dict[str, ListEntry]) -> None:
    assert au.listed_on("Listed on: 5 Oct. 2018\nLast listed on 19 Sep 2024") == "2018-10-05"
    assert (
        au.listed_on("Designated under the Autonomous Sanctions Regulations 2011 on 2 March 2012.")
        == "2012-03-02"
    )
    assert au.listed_on("Autonomous Sanctions (Russia and Ukraine) Amendment (No. 1) Instrument 2025") is None
    assert au.listed_on("Listed in June 2014") == "2014-06"
    dated = [e.listed_on for e in entries.values() if e.listed_on]
    assert len(dated) == 1400
    assert all(dt.date.fromisoformat(d) for d in dated)


def test_vessels_and_kinds(entries: dict[str, ListEntry]) -> None:
    kinds = collections.Counter(entry.kind for entry in entries.values())
    assert kinds[EntityKind.VESSEL] == 262  # 261 with an IMO number, plus the vessel regime
    for entry in entries.values():
        assert entry.names[0].type is NameType.PRIMARY, entry.key
        if entry.references:
            assert entry.kind is (
                EntityKind.PERSON if entry.references[0][2] == "i" else EntityKind.ORGANISATION
            )


def _parse_all(path: Path) -> None:
    list(au.parse([path], data_date=dt.date(2026, 2, 24)).entries)


def _first_document() -> str:
    with need(AU).open(encoding="utf-8") as handle:
        lines = [next(handle) for _ in range(60)]
    end = next(i for i, line in enumerate(lines[2:], start=2) if line.startswith("---"))
    return "".join(lines[:end])


def test_the_canadian_file_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        _parse_all(need(CA))
    assert str(caught.value).startswith(f"{need(CA)}:2: document 1: no reference, names and sanction")


def test_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "au.json"
    path.write_text('"just a string"')
    with pytest.raises(InputError, match=r"au\.json:1: document 1: expected a mapping"):
        _parse_all(path)


def test_truncated_document_is_refused(tmp_path: Path) -> None:
    text = _first_document()
    path = tmp_path / "truncated.yaml"
    path.write_text(text[: text.index("Province under the Taliban")], encoding="utf-8")
    with pytest.raises(InputError, match=r"truncated\.yaml:\d+: document 1: malformed YAML"):
        _parse_all(path)


def test_non_utf8_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "bytes.yaml"
    data = _first_document().encode("utf-8")
    path.write_bytes(data.replace("نظر محمد".encode(), b"\xff\xfe"))
    line = data[: data.index("نظر محمد".encode())].count(b"\n") + 1
    with pytest.raises(InputError) as caught:
        _parse_all(path)
    assert str(caught.value) == f"{path}:{line}: document 1: not UTF-8 text"


def test_aliases_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "alias.yaml"
    path.write_text(_first_document().replace("additional_info:", "additional_info: &info"), encoding="utf-8")
    with pytest.raises(InputError, match="YAML anchors and aliases"):
        _parse_all(path)
