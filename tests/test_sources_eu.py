"""EU Consolidated Financial Sanctions List (Ammitto YAML), read in place, and bad input.

Only the Ammitto FSF file is used; the CC BY-NC Official Journal transcriptions are not.
"""

from __future__ import annotations

import collections
import datetime as dt
import re
from pathlib import Path

import pytest

from proscribe.errors import InputError
from proscribe.model import EntityKind, NameType
from proscribe.sources import eu
from proscribe.sources.base import ListEntry, ListName
from shared_data import need, pick

# Full files only, from ../shared/data: no excerpt (their licences are not stated; tests/README.md).
EU = "eu/ammitto_eu_fsf_entities.yaml"
# The UK excerpt will do for the refusal check: only its first document is read.
UK_FILE = pick("uk/ammitto_uk_sanctions_list_2026-08-22.yaml")


@pytest.fixture(scope="module")
def entries() -> dict[str, ListEntry]:
    found: dict[str, ListEntry] = {}
    for entry in eu.parse([need(EU)]).entries:
        assert entry.key not in found, f"duplicate key {entry.key}"
        found[entry.key] = entry
    return found


def test_one_entry_per_document_counted_independently(entries: dict[str, ListEntry]) -> None:
    with need(EU).open(encoding="utf-8") as handle:
        documents = sum(1 for line in handle if line.startswith("# source_path: "))
    assert documents == 6457
    assert len(entries) == documents


def test_kinds_and_programmes(entries: dict[str, ListEntry]) -> None:
    kinds = collections.Counter(entry.kind for entry in entries.values())
    assert kinds == {EntityKind.PERSON: 4341, EntityKind.ORGANISATION: 1519, EntityKind.VESSEL: 597}
    lists = collections.Counter(list_id for entry in entries.values() for list_id in entry.lists)
    # PROVENANCE.md: TERR 35, TAQA 344, EUAQ 23, HAM 15, AFG 140.
    assert lists["eu-cp-2001-931"] == 35
    assert lists["eu-taqa"] == 344
    assert lists["eu-euaq"] == 23
    assert lists["eu-ham"] == 15
    assert lists["eu-afg"] == 140
    assert "eu-terr" not in lists


def test_version_metadata() -> None:
    parsed = eu.parse([need(EU)])
    assert parsed.jurisdiction == "EU"
    assert parsed.data_date == dt.date(2025, 12, 15)  # PROVENANCE.md: latest publication date inside
    assert parsed.data_date_basis == "latest regulation publication_date in the file"


def test_al_nusrah_front(entries: dict[str, ListEntry]) -> None:
    nusrah = entries["EU.3802.38"]
    assert nusrah.lists == ("eu-taqa",)
    assert nusrah.programmes == ("TAQA",)
    assert nusrah.caption == "Al-Nusrah Front for the People of the Levant"
    assert "Hay'at Tahrir al-Sham (HTS)" in [n.value for n in nusrah.names]
    # The EU entry has no united_nation_id in this conversion, and no Arabic-script names;
    # UN numbers in other entries' remarks (QDe.137 as an associate) must not become references.
    assert nusrah.references == ()
    assert nusrah.listed_on == "2014-05-29"  # earliest regulation summary among its names
    assert nusrah.identifiers == (("eu-logical-id", "7351"),)
    assert not any("QDe.137" in entry.references for entry in entries.values())


def test_un_references_come_from_united_nation_id(entries: dict[str, ListEntry]) -> None:
    assert entries["EU.4383.8"].references == ("QDe.157",)  # Al-Kawthar Money Exchange
    references = [ref for entry in entries.values() for ref in entry.references]
    text = need(EU).read_text(encoding="utf-8")
    raw = re.findall(r"^united_nation_id: '?([^'\n]*)'?$", text, flags=re.MULTILINE)
    assert len(raw) == 88
    assert "HTi.00" in raw  # truncated in the source: no reference
    assert "QDi.43" in raw and "QDi.043" in references  # written the UN's way
    assert len(references) == 87


def test_terrorist_list_names_keep_language_and_script(entries: dict[str, ListEntry]) -> None:
    hizballah = entries["EU.3071.69"]
    assert hizballah.lists == ("eu-cp-2001-931",)
    assert hizballah.names[0] == ListName("Hizballah Military Wing", NameType.PRIMARY)
    bulgarian = next(n for n in hizballah.names if n.lang == "bg")
    assert bulgarian.script == "Cyrl"
    assert hizballah.listed_on == "2013-07-26"
    hamas = entries["EU.3524.75"]
    assert hamas.caption == "Hamas"
    assert hamas.lists == ("eu-cp-2001-931",)


def test_taliban_regime_entry_and_arabic_names(entries: dict[str, ListEntry]) -> None:
    haqqani = entries["EU.3613.74"]
    assert haqqani.lists == ("eu-afg",)
    assert haqqani.caption == "Haqqani Network"
    assert haqqani.names[1] == ListName("Síť Haqqani", NameType.AKA, "cs")
    arabic = [n for entry in entries.values() for n in entry.names if n.script == "Arab"]
    assert len(arabic) > 500
    assert collections.Counter(n.lang for n in arabic)["ar"] > 300


def test_every_entry_starts_with_one_primary_name(entries: dict[str, ListEntry]) -> None:
    for entry in entries.values():
        assert entry.names[0].type is NameType.PRIMARY, entry.key
        values = [n.value for n in entry.names]
        assert len(values) == len(set(values)), entry.key


def test_vessels(entries: dict[str, ListEntry]) -> None:
    ocean = entries["vessel-1021570"]
    assert ocean.kind is EntityKind.VESSEL
    assert ocean.caption == "Ocean 28"
    assert ocean.lists == ("eu-vessels",)
    assert ocean.listed_on == "2025-05-21"
    assert ocean.identifiers == (("imo", "1021570"),)


def _parse_all(path: Path) -> None:
    list(eu.parse([path], data_date=dt.date(2025, 12, 15)).entries)


def _first_document() -> str:
    with need(EU).open(encoding="utf-8") as handle:
        lines = [next(handle) for _ in range(200)]
    end = next(i for i, line in enumerate(lines[2:], start=2) if line.startswith("---"))
    return "".join(lines[:end])


def test_the_uk_file_is_refused_naming_document_and_line() -> None:
    with pytest.raises(InputError) as caught:
        _parse_all(UK_FILE.path)
    assert (
        str(caught.value)
        == f"{UK_FILE.path}:2: document 1: no eu_reference_number (not an EU FSF YAML document?)"
    )


def test_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "eu.json"
    path.write_text('{"entities": [{"eu_reference_number": "EU.1001.60"}]}')
    with pytest.raises(InputError, match=r"eu\.json:1: document 1: no eu_reference_number"):
        _parse_all(path)


def test_truncated_document_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "truncated.yaml"
    cut = _first_document().index("number_title: 2019/555") + len("number_title: 2019/")
    path.write_text(_first_document()[:cut] + "\n  programme: 'TA", encoding="utf-8")
    with pytest.raises(InputError, match=r"truncated\.yaml:\d+: document 1: malformed YAML"):
        _parse_all(path)


def test_non_utf8_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.yaml"
    data = _first_document().encode("utf-8")
    path.write_bytes(data + data.replace(b"Salim Yasin", b"Salim Yas\xeen"))
    line = data.count(b"\n") + data[: data.index(b"Salim Yasin")].count(b"\n") + 1
    with pytest.raises(InputError) as caught:
        _parse_all(path)
    assert str(caught.value) == f"{path}:{line}: document 2: not UTF-8 text"


def test_anchors_and_aliases_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "anchors.yaml"
    bomb = "---\neu_reference_number: EU.1.1\nx: &x [1, 2]\ny: [*x, *x]\n"
    path.write_text(_first_document() + bomb, encoding="utf-8")
    first_lines = _first_document().count("\n")
    with pytest.raises(InputError) as caught:
        _parse_all(path)
    assert str(caught.value).startswith(f"{path}:{first_lines + 3}: document 2: YAML anchors and aliases")


def test_the_data_date_needs_publication_dates(tmp_path: Path) -> None:
    path = tmp_path / "vessel.yaml"
    path.write_text("---\nvessel_name: Ocean 28\nimo_number: '1021570'\ndate_of_application: '2025-05-21'\n")
    with pytest.raises(InputError, match="give --data-date"):
        eu.parse([path])
