"""FollowTheMoney JSON lines: a fixture converted from real UN list entries, and bad lines.

The fixture is written by :func:`_un_to_ftm` from the real UN Consolidated
List XML (read in place), the way OpenSanctions maps it: one subject per
entry plus the Sanction and Address objects that FtM keeps beside it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import orjson
import pytest
from lxml import etree

from proscribe.errors import InputError
from proscribe.model import EntityKind, NameType
from proscribe.sources import ftm, un
from proscribe.sources.base import ListEntry
from shared_data import pick

# The full UN list from ../shared/data, or its excerpt in tests/data/lists (which holds every WANTED entry).
UN_FILE = pick("un_sc_consolidated/consolidated_2026-02-27.xml")
WANTED = {
    "QDe.137", "QDe.004", "QDe.115", "QDe.157", "TAe.010", "TAe.012", "TAi.100", "TAi.101", "TAi.002",
    "QDi.006", "QDi.412", "TAi.004", "TAi.162", "TAi.163", "QDe.132", "QDe.160",
}  # fmt: skip


def _text(element: etree._Element, tag: str) -> str | None:
    child = element.find(tag)
    return " ".join(child.text.split()) if child is not None and child.text else None


def _un_to_ftm(path: Path) -> list[dict[str, Any]]:
    lines: list[dict[str, Any]] = []
    for element in etree.parse(str(path)).iter("INDIVIDUAL", "ENTITY"):
        reference = _text(element, "REFERENCE_NUMBER")
        if reference not in WANTED:
            continue
        person = element.tag == "INDIVIDUAL"
        parts = [_text(element, t) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
        caption = " ".join(p for p in parts if p)
        aliases: dict[str, list[str]] = {"alias": [], "weakAlias": []}
        for alias in element.iterfind("INDIVIDUAL_ALIAS" if person else "ENTITY_ALIAS"):
            value = _text(alias, "ALIAS_NAME")
            if value:
                aliases["weakAlias" if _text(alias, "QUALITY") == "Low" else "alias"].append(value)
        entity_id = f"un-sc-{reference.lower().replace('.', '-')}"
        names = [caption] + [n for n in [_text(element, "NAME_ORIGINAL_SCRIPT")] if n]
        properties = {
            "name": names,
            "unscId": [reference],
            "programId": [_text(element, "UN_LIST_TYPE")],
            **aliases,
        }
        lines.append({"id": entity_id, "schema": "Person" if person else "Organization", "caption": caption,
                      "properties": properties, "datasets": ["un_sc_sanctions"]})  # fmt: skip
        sanction = {
            "entity": [entity_id],
            "listingDate": [_text(element, "LISTED_ON")],
            "authorityId": [reference],
        }
        lines.append({"id": f"{entity_id}-sanction", "schema": "Sanction", "properties": sanction})
        lines.append({"id": f"{entity_id}-address", "schema": "Address", "properties": {"full": ["(none)"]}})
    return lines


@pytest.fixture(scope="module")
def fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ftm") / "un_sc_sanctions_2026-02-27.ftm.json"
    path.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in _un_to_ftm(UN_FILE.path)))
    return path


@pytest.fixture(scope="module")
def entries(fixture: Path) -> dict[str, ListEntry]:
    parsed = ftm.parse([fixture], jurisdiction="UN", list_id="un-sc-sanctions")
    return {entry.key: entry for entry in parsed.entries}


def test_only_subjects_become_entries(fixture: Path, entries: dict[str, ListEntry]) -> None:
    lines = fixture.read_bytes().splitlines()
    assert len(lines) == 3 * len(WANTED)
    assert len(entries) == len(WANTED)
    assert not any(key.endswith(("-sanction", "-address")) for key in entries)


def test_version_metadata(fixture: Path) -> None:
    parsed = ftm.parse([fixture], jurisdiction="un", list_id="un-sc-sanctions")
    assert parsed.jurisdiction == "UN"
    assert parsed.data_date == dt.date(2026, 2, 27)
    assert parsed.meta == {"list": "un-sc-sanctions"}


def test_entries_agree_with_the_un_parser(entries: dict[str, ListEntry]) -> None:
    by_reference = {entry.references[0]: entry for entry in entries.values()}
    assert set(by_reference) == WANTED
    for original in un.parse([UN_FILE.path]).entries:
        if original.key not in WANTED:
            continue
        converted = by_reference[original.key]
        assert converted.caption == original.caption
        assert converted.kind is original.kind
        assert converted.programmes == original.programmes
        assert converted.lists == ("un-sc-sanctions",)
        assert {n.value for n in converted.names} <= {n.value for n in original.names} | {
            a for a in _raw_aliases(original.key)
        }


def _raw_aliases(reference: str) -> set[str]:
    for line in _un_to_ftm(UN_FILE.path):
        if line["properties"].get("unscId") == [reference]:
            return set(line["properties"]["alias"]) | set(line["properties"]["weakAlias"])
    return set()


def test_al_nusrah_front(entries: dict[str, ListEntry]) -> None:
    nusrah = entries["un-sc-qde-137"]
    assert nusrah.kind is EntityKind.ORGANISATION
    assert nusrah.references == ("QDe.137",)
    assert nusrah.names[0].type is NameType.PRIMARY
    assert nusrah.names[0].value.startswith("AL-NUSRAH FRONT FOR THE PEOPLE OF THE LEVANT")
    assert any(n.script == "Arab" for n in nusrah.names)
    # The listing date is on the Sanction object, which this parser does not join.
    assert nusrah.listed_on is None


def test_taliban_entry(entries: dict[str, ListEntry]) -> None:
    governor = entries["un-sc-tai-100"]
    assert governor.kind is EntityKind.PERSON
    assert governor.programmes == ("Taliban",)
    assert governor.caption == "NAZIR MOHAMMAD ABDUL BASIR"
    assert [n.script for n in governor.names] == ["Latn", "Arab", "Latn"]


def test_listing_date_property(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    line = {"id": "x", "schema": "Company", "caption": "HAJI KHAIRULLAH HAJI SATTAR MONEY EXCHANGE",
            "properties": {"createdAt": ["2012-06-29T00:00:00"], "weakAlias": ["Haji Alim Hawala"]}}  # fmt: skip
    path.write_bytes(orjson.dumps(line))
    (entry,) = ftm.parse([path], dt.date(2026, 2, 27), jurisdiction="UN", list_id="x").entries
    assert entry.listed_on == "2012-06-29"
    assert entry.names[1].type is NameType.WEAK


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"id": "a", "schema": "Person", "caption": "A"}\n{"id": "b", "sch', "2: not a JSON line"),
        (
            b'{"id": "a", "schema": "Person", "caption": "A"}\n\n{"schema": "Person"}\n',
            "3: FtM entity without an id",
        ),
        (b'{"id": "a"}\n', "1: FtM entity without an id and a schema"),
        (b"[1, 2]\n", "1: expected a JSON object"),
        (b'{"id": "a", "schema": "Person", "caption": "Ab\xe9"}\n', "1: not a JSON line"),
        (b'{"id": "a", "schema": "Person", "properties": {}}\n', "1: a has no name"),
        (b"---\nreference: '100'\n", "1: not a JSON line"),
    ],
)
def test_bad_lines_name_file_and_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        list(ftm.parse([path], dt.date(2026, 2, 27), jurisdiction="UN", list_id="x").entries)
    assert str(caught.value).startswith(f"{path}:{message}")


def test_jurisdiction_list_and_date_are_required(fixture: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="jurisdiction and a list id"):
        ftm.parse([fixture], jurisdiction=" ", list_id="x")
    undated = tmp_path / "entities.ftm.json"
    undated.write_bytes(fixture.read_bytes())
    with pytest.raises(InputError, match="give --data-date"):
        ftm.parse([undated], jurisdiction="UN", list_id="x")
