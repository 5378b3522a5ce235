"""Cut the small list excerpts in tests/data/lists from the full official files in ../shared/data.

The excerpts keep a bare clone's tests running (see tests/README.md). They are whole entries
copied from the real files, never edited: UN Consolidated List entries (XML elements), OFAC SDN
records (CSV lines, the 0x1A end byte kept), OFAC history snapshots reduced to the same records,
and the rows of the derived reference files that concern the entries kept.
Run from the repository root: ``python scripts/cut_test_excerpts.py [SHARED_DATA]``.
"""

from __future__ import annotations

import csv
import io
import itertools
import lzma
import re
import sys
import tarfile
from pathlib import Path

from lxml import etree

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "lists"
UN_VERSIONS = ("2018-10-29", "2021-01-18", "2026-02-27")

# Entries the tests name (Al-Qaida and Taliban lists, the organisations of the labelled screening
# set, the FtM round trip), plus entries removed or added between the snapshots so diffs have content.
UN_KEEP = {
    "QDe.004", "QDe.007", "QDe.019", "QDe.115", "QDe.118", "QDe.132", "QDe.137", "QDe.138", "QDe.141",
    "QDe.157", "QDe.160", "QDe.161", "QDe.167", "SOe.001", "TAe.010", "TAe.012", "TAi.100", "TAi.101",
    "TAi.002", "QDi.006", "QDi.412", "TAi.004", "TAi.162", "TAi.163", "CDe.001", "CDi.001",
    "QDe.103", "QDe.071", "QDe.072", "IQe.004", "CFe.001",  # removed between 2021 and 2026
    "QDe.102", "IQe.003",  # removed between 2018 and 2021
    "YEe.001", "HTe.001",  # added after 2021
}  # fmt: skip
# Individuals removed between snapshots, taken from the derived membership file (first few of each).
UN_REMOVED_INDIVIDUALS_PER_STEP = 3

# OFAC: every FTO-tagged record, the organisations the screening tests look for, a few others.
OFAC_NAMES = re.compile(
    rb"HAMAS|TALIBAN|NUSRAH|TAHRIR AL-SHAM|AQSA MARTYRS|BOKO HARAM|SHABAAB|LASHKAR|JAISH|ASBAT|MOURABITOUN"
)
YENTE_PEOPLE = 20  # UN people whose yente spellings (with typos) the batch test screens
# Labelled name-matching sets (MIT / Apache-2.0), small enough to keep whole.
WHOLE_FILES = (
    "name_matching/watchman_cross_script_pairs.csv",
    "name_matching/nomenklatura_name_bench_cases.csv",
    "name_matching/yente_candidate_generation/positives_us_congress_untreated.csv",
)
# yente's synthetic non-listed people: the first rows only (the full files hold 50,000 each).
NEGATIVES = {"negatives_global.csv": 1000, "negatives_us.csv": 300}
OFAC_OTHERS = 12  # the first records of the file (Cuba programme), which no terror test should hit
OFAC_HISTORY_SNAPSHOTS = 12
OFAC_HISTORY_EVENTS_PER_KIND = 10  # ent_nums with change events in those snapshots, besides the kept records


def un_removed_individuals(derived: Path) -> set[str]:
    with (derived / "un_sc_membership_across_snapshots.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    chosen: set[str] = set()
    for before, after in itertools.pairwise(UN_VERSIONS):
        gone = [
            r["reference_number"]
            for r in rows
            if r["kind"] == "individual" and r[f"in_{before}"] == "1" and r[f"in_{after}"] == "0"
        ]
        chosen.update(sorted(gone)[:UN_REMOVED_INDIVIDUALS_PER_STEP])
    return chosen


def un_people(path: Path) -> dict[str, str]:
    """Reference number of each individual of a UN list file, by full name as yente writes it."""
    people: dict[str, str] = {}
    for element in etree.parse(str(path)).iter("INDIVIDUAL"):
        parts = [element.findtext(t) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")]
        name = " ".join(" ".join(p.split()) for p in parts if p and p.strip())
        people[name.upper()] = (element.findtext("REFERENCE_NUMBER") or "").strip()
    return people


def yente_people(shared: Path, people: dict[str, str]) -> dict[int, str]:
    """Row numbers of yente's UN names (untreated) that are people of the 2026 list, with their references."""
    folder = shared / "name_matching" / "yente_candidate_generation"
    with (folder / "positives_un_untreated.csv").open(encoding="utf-8") as handle:
        names = [row["full_name"].upper() for row in csv.DictReader(handle)]
    return {index: people[name] for index, name in enumerate(names) if name in people}


def cut_yente(source: Path, target: Path, rows: set[int] | range) -> None:
    with source.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        kept = [row for index, row in enumerate(reader) if index in rows]
        fields = reader.fieldnames
    assert fields is not None
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(kept)


def cut_un(source: Path, target: Path, keep: set[str]) -> int:
    tree = etree.parse(str(source), etree.XMLParser(resolve_entities=False, no_network=True))
    kept = 0
    for element in list(tree.getroot().iter("INDIVIDUAL", "ENTITY")):
        reference = element.findtext("REFERENCE_NUMBER")
        if reference is not None and reference.strip() in keep:
            kept += 1
            continue
        parent = element.getparent()
        assert parent is not None
        previous = element.getprevious()
        # Keep the indentation: the removed element's tail goes to whatever came before it.
        if previous is not None:
            previous.tail = element.tail
        else:
            parent.text = element.tail
        parent.remove(element)
    target.write_bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True))
    return kept


def cut_membership(derived: Path, target: Path, keep: set[str]) -> None:
    with (derived / "un_sc_membership_across_snapshots.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = [r for r in reader if r["reference_number"] in keep]
        fields = reader.fieldnames
    assert fields is not None
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def ofac_records(data: bytes) -> tuple[list[bytes], bytes]:
    """The CRLF-separated records of an sdn.csv, and what ends the file (the 0x1A byte)."""
    body, _, end = data.rpartition(b"\r\n")
    return body.split(b"\r\n"), end


def ent_num(record: bytes) -> str:
    return record.split(b",", 1)[0].decode("ascii")


def name(record: bytes) -> bytes:
    return next(csv.reader([record.decode("utf-8", "replace")]))[1].encode()


def program(record: bytes) -> bytes:
    return next(csv.reader([record.decode("utf-8", "replace")]))[3].encode()


def cut_ofac(source: Path, target: Path) -> set[str]:
    records, end = ofac_records(source.read_bytes())
    kept = [
        r
        for index, r in enumerate(records)
        if index < OFAC_OTHERS or re.search(rb"\bFTO\b", program(r)) or OFAC_NAMES.search(name(r))
    ]
    target.write_bytes(b"\r\n".join(kept) + b"\r\n" + end)
    return {ent_num(r) for r in kept}


def cut_ofac_history(source: Path, derived: Path, target: Path, events_target: Path, keep: set[str]) -> None:
    snapshots: list[tuple[str, bytes]] = []
    with lzma.open(source) as raw, tarfile.open(fileobj=raw, mode="r|") as archive:
        for member in archive:
            if not member.isfile():
                continue
            content = archive.extractfile(member)
            assert content is not None
            snapshots.append((member.name, content.read()))
            if len(snapshots) == OFAC_HISTORY_SNAPSHOTS:
                break
    last = snapshots[-1][0].split("_")[-2]  # sdn_<YYYYmmddTHHMMSSZ>_<commit>.csv
    last_day = f"{last[:4]}-{last[4:6]}-{last[6:8]}"
    with (derived / "ofac_sdn_change_events_2021-08_2024-05.csv").open(
        encoding="utf-8", newline=""
    ) as handle:
        reader = csv.DictReader(handle)
        fields = reader.fieldnames
        events = [r for r in reader if r["observed_between_to"][:10] <= last_day]
    assert fields is not None
    chosen = set(keep)
    by_kind: dict[str, int] = {}
    by_window: dict[str, int] = {}
    for row in events:
        # A few events of every kind, so each kind of change is replayed, and of every window
        # between snapshots, so no reduced snapshot equals the one before it (that would be a no-op).
        kind, window = row["event"], row["observed_between_to"]
        if by_kind.get(kind, 0) < OFAC_HISTORY_EVENTS_PER_KIND or by_window.get(window, 0) < 2:
            by_kind[kind] = by_kind.get(kind, 0) + 1
            by_window[window] = by_window.get(window, 0) + 1
            chosen.add(row["ent_num"])
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w") as archive:
        for name, data in snapshots:
            records, end = ofac_records(data)
            reduced = b"\r\n".join(r for r in records if ent_num(r) in chosen) + b"\r\n" + end
            info = tarfile.TarInfo(name)
            info.size = len(reduced)
            info.mtime = 0
            archive.addfile(info, io.BytesIO(reduced))
    target.write_bytes(lzma.compress(out.getvalue()))
    with events_target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(r for r in events if r["ent_num"] in chosen)


def yaml_documents(path: Path) -> tuple[str, list[str]]:
    """The lines before the first document, and each ``---`` document of a concatenated Ammitto YAML."""
    text = path.read_text(encoding="utf-8")
    head, *documents = re.split(r"(?m)^(?=---\n)", text)
    return head, documents


def cut_yaml(
    source: Path, target: Path, named: re.Pattern[str], sampled: re.Pattern[str], per_kind: int
) -> int:
    """Keep the documents ``named`` matches, and up to ``per_kind`` per distinct match of ``sampled``."""
    head, documents = yaml_documents(source)
    seen: dict[str, int] = {}
    kept = []
    for document in documents:
        sample = sampled.search(document)
        if named.search(document):
            kept.append(document)
        elif sample is not None and seen.get(sample.group(0), 0) < per_kind:
            seen[sample.group(0)] = seen.get(sample.group(0), 0) + 1
            kept.append(document)
    # Said on the first line, so the documents keep their line numbers relative to it.
    note = f" EXCERPT: {len(kept)} of {len(documents)} documents, cut by scripts/cut_test_excerpts.py."
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(head.rstrip("\n") + note + "\n" + "".join(kept), encoding="utf-8")
    return len(kept)


# UK: entries the tests name, spellings the parser normalises, and a few of each terrorism regime and kind.
UK_NAMED = re.compile(r"(?m)^unique_id: (AFG0001|AQD0026)$|^un_reference_number: (QDE\.145|IRI\.038)$")
UK_SAMPLED = re.compile(
    r"(?m)^unique_id: (CTI|CTD|AQD|AFG)|^individual_entity_ship: Ship$|alias_strength: Low quality a\.k\.a"
)


def main(shared: Path) -> None:
    (OUT / "un_sc_consolidated").mkdir(parents=True, exist_ok=True)
    (OUT / "ofac_sdn").mkdir(parents=True, exist_ok=True)
    (OUT / "derived").mkdir(parents=True, exist_ok=True)
    derived = shared / "derived"
    people = un_people(shared / "un_sc_consolidated" / "consolidated_2026-02-27.xml")
    matched = yente_people(shared, people)  # in row order
    yente_keep = {row for row in list(matched)[:YENTE_PEOPLE]} | {
        row for row, reference in matched.items() if reference in UN_KEEP
    }
    keep = UN_KEEP | un_removed_individuals(derived) | {matched[row] for row in yente_keep}
    yente = "name_matching/yente_candidate_generation/"
    for name in ("positives_un_treated.csv", "positives_un_untreated.csv"):  # the same rows of both
        cut_yente(shared / yente / name, OUT / yente / name, yente_keep)
    for name, count in NEGATIVES.items():
        cut_yente(shared / yente / name, OUT / yente / name, range(count))
    for name in WHOLE_FILES:
        (OUT / name).parent.mkdir(parents=True, exist_ok=True)
        (OUT / name).write_bytes((shared / name).read_bytes())
    for version in UN_VERSIONS:
        name = f"consolidated_{version}.xml"
        count = cut_un(shared / "un_sc_consolidated" / name, OUT / "un_sc_consolidated" / name, keep)
        print(f"un {version}: {count} entries")
    uk = "uk/ammitto_uk_sanctions_list_2026-08-22.yaml"
    print(f"uk: {cut_yaml(shared / uk, OUT / uk, UK_NAMED, UK_SAMPLED, 3)} documents")
    cut_membership(derived, OUT / "derived" / "un_sc_membership_across_snapshots.csv", keep)
    ofac_kept = cut_ofac(shared / "ofac_sdn" / "sdn_2024-05-03.csv", OUT / "ofac_sdn" / "sdn_2024-05-03.csv")
    print(f"ofac 2024-05-03: {len(ofac_kept)} records")
    cut_ofac_history(
        shared / "ofac_sdn" / "jackdwyer_sdn_history_2021-08-18_to_2024-05-03.tar.xz",
        derived,
        OUT / "ofac_sdn" / "jackdwyer_sdn_history_2021-08-18_to_2021-09-22.tar.xz",
        OUT / "derived" / "ofac_sdn_change_events_2021-08_2024-05.csv",
        ofac_kept,
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "data")
