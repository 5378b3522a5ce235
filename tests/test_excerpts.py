"""The excerpts in tests/data/lists are what their README says: whole records of the full files, unedited.

Runs where the full files are (CI); a bare clone has only the excerpts and skips these.
"""

from __future__ import annotations

import csv
import lzma
import re
import tarfile
from pathlib import Path

import pytest
from lxml import etree

from shared_data import EXCERPTS, need

UN_FILES = [
    f"un_sc_consolidated/consolidated_{day}.xml" for day in ("2018-10-29", "2021-01-18", "2026-02-27")
]
WHOLE_FILES = [
    "name_matching/watchman_cross_script_pairs.csv",
    "name_matching/nomenklatura_name_bench_cases.csv",
    "name_matching/yente_candidate_generation/positives_us_congress_untreated.csv",
]
CSV_ROWS = [
    "name_matching/yente_candidate_generation/positives_un_treated.csv",
    "name_matching/yente_candidate_generation/positives_un_untreated.csv",
    "name_matching/yente_candidate_generation/negatives_global.csv",
    "name_matching/yente_candidate_generation/negatives_us.csv",
    "derived/un_sc_membership_across_snapshots.csv",
    "derived/ofac_sdn_change_events_2021-08_2024-05.csv",
]


def _entries(path: Path) -> tuple[dict[str, bytes], dict[str, str]]:
    """Each INDIVIDUAL/ENTITY element in canonical form, by reference number; and the root attributes."""
    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    found = {}
    for element in root.iter("INDIVIDUAL", "ENTITY"):
        element.tail = None
        found[(element.findtext("REFERENCE_NUMBER") or "").strip()] = etree.tostring(element, method="c14n")
    return found, dict(root.attrib)


@pytest.mark.parametrize("relative", UN_FILES)
def test_un_excerpt_entries_are_those_of_the_full_list(relative: str) -> None:
    full, full_root = _entries(need(relative))
    excerpt, excerpt_root = _entries(EXCERPTS / relative)
    assert excerpt_root == full_root  # dateGenerated and the schema reference kept
    assert 20 < len(excerpt) < len(full)
    for reference, element in excerpt.items():
        assert element == full[reference], reference


def _ofac_records(data: bytes) -> tuple[list[bytes], bytes]:
    body, _, end = data.rpartition(b"\r\n")
    return body.split(b"\r\n"), end


def test_ofac_excerpt_records_are_lines_of_the_full_file_in_order() -> None:
    full, full_end = _ofac_records(need("ofac_sdn/sdn_2024-05-03.csv").read_bytes())
    excerpt, excerpt_end = _ofac_records((EXCERPTS / "ofac_sdn/sdn_2024-05-03.csv").read_bytes())
    assert excerpt_end == full_end == b"\x1a"
    positions = [full.index(record) for record in excerpt]
    assert positions == sorted(positions) and len(excerpt) > 50


def test_ofac_history_excerpt_snapshots_are_reduced_full_snapshots() -> None:
    excerpt = EXCERPTS / "ofac_sdn/jackdwyer_sdn_history_2021-08-18_to_2021-09-22.tar.xz"
    reduced: dict[str, bytes] = {}
    with lzma.open(excerpt) as raw, tarfile.open(fileobj=raw, mode="r|") as archive:
        for member in archive:
            content = archive.extractfile(member) if member.isfile() else None
            if content is not None:
                reduced[member.name] = content.read()
    assert len(reduced) == 12
    checked = 0
    # Streamed: the full archive holds 840 MB of snapshots; the excerpt's are its first ones.
    full = need("ofac_sdn/jackdwyer_sdn_history_2021-08-18_to_2024-05-03.tar.xz")
    with lzma.open(full) as raw, tarfile.open(fileobj=raw, mode="r|") as archive:
        for member in archive:
            content = archive.extractfile(member) if member.name in reduced else None
            if content is None:
                continue
            records = set(_ofac_records(content.read())[0])
            kept, _ = _ofac_records(reduced[member.name])
            assert kept and all(record in records for record in kept), member.name
            checked += 1
            if checked == len(reduced):
                break
    assert checked == len(reduced)


def test_uk_excerpt_documents_are_documents_of_the_full_file() -> None:
    relative = "uk/ammitto_uk_sanctions_list_2026-08-22.yaml"
    split = re.compile(r"(?m)^(?=---\n)")
    full_head, *full = split.split(need(relative).read_text(encoding="utf-8"))
    excerpt_head, *excerpt = split.split((EXCERPTS / relative).read_text(encoding="utf-8"))
    assert excerpt_head.startswith(full_head.rstrip("\n")) and "EXCERPT" in excerpt_head
    documents = set(full)
    assert len(excerpt) > 10 and all(document in documents for document in excerpt)


@pytest.mark.parametrize("relative", WHOLE_FILES)
def test_whole_copies_are_byte_for_byte(relative: str) -> None:
    assert (EXCERPTS / relative).read_bytes() == need(relative).read_bytes()


@pytest.mark.parametrize("relative", CSV_ROWS)
def test_csv_excerpt_rows_are_rows_of_the_full_file(relative: str) -> None:
    with need(relative).open(encoding="utf-8", newline="") as handle:
        full = list(csv.reader(handle))
    with (EXCERPTS / relative).open(encoding="utf-8", newline="") as handle:
        excerpt = list(csv.reader(handle))
    assert excerpt[0] == full[0]  # same header
    rows = {tuple(row) for row in full[1:]}
    assert len(excerpt) > 10 and all(tuple(row) in rows for row in excerpt[1:])
