"""Official lists: real UN and OFAC files imported on both backends, diffs checked against the
derived reference files, hostile and broken inputs refused without leaving anything behind."""

from __future__ import annotations

import csv
import datetime as dt
import io
import lzma
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from proscribe import InputError, Registry, Status
from proscribe.lists.history import Snapshot, replay, snapshots
from proscribe.lists.importer import import_list
from proscribe.lists.store import ListStore
from proscribe.sources import ofac, un
from shared_data import pick

# The full official files from ../shared/data, or their excerpts in tests/data/lists (tests/README.md).
UN_2018 = pick("un_sc_consolidated/consolidated_2018-10-29.xml")
UN_2021 = pick("un_sc_consolidated/consolidated_2021-01-18.xml")
UN_2026 = pick("un_sc_consolidated/consolidated_2026-02-27.xml")
OFAC_2024 = pick("ofac_sdn/sdn_2024-05-03.csv")
OFAC_HISTORY = pick(
    "ofac_sdn/jackdwyer_sdn_history_2021-08-18_to_2024-05-03.tar.xz",
    "ofac_sdn/jackdwyer_sdn_history_2021-08-18_to_2021-09-22.tar.xz",
)
MEMBERSHIP = pick("derived/un_sc_membership_across_snapshots.csv")
OFAC_EVENTS = pick("derived/ofac_sdn_change_events_2021-08_2024-05.csv")


def membership_reference() -> list[dict[str, str]]:
    assert MEMBERSHIP.full == UN_2026.full  # the reference must describe the files imported
    with MEMBERSHIP.path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def with_lists(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Registry]:
    """Curated data, then UN 2021 and 2026 and OFAC 2024, imported once per backend."""
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("lists") / "lists.db")
    else:
        url = request.getfixturevalue("postgres_server").create_database()
    registry = Registry(url)
    registry.load_bundled()
    import_list(registry, un.parse([UN_2021.path]))
    import_list(registry, un.parse([UN_2026.path]))
    import_list(registry, ofac.parse([OFAC_2024.path]))
    yield registry
    registry.db.dispose()


def test_un_2026_counts(with_lists: Registry) -> None:
    # Counted apart from the parser: the elements in the file.
    raw = UN_2026.path.read_bytes()
    individuals, entities = raw.count(b"<INDIVIDUAL>"), raw.count(b"<ENTITY>")
    if UN_2026.full:
        assert (individuals, entities) == (730, 273)
    version = ListStore(with_lists.db).find_version("un", "2026-02-27")
    assert version is not None and version.entry_count == individuals + entities
    kinds = {"person": 0, "organisation": 0}
    for entry in un.parse([UN_2026.path]).entries:
        kinds[entry.kind.value] += 1
    assert kinds == {"person": individuals, "organisation": entities}


def test_ofac_2024_counts(with_lists: Registry) -> None:
    # Counted apart from the parser: the CSV records, and those whose programme column names FTO.
    with OFAC_2024.path.open(encoding="utf-8", newline="") as handle:
        records = [row for row in csv.reader(handle) if len(row) == 12]
    tagged_fto = sum("FTO" in row[3].replace("]", " ").replace("[", " ").split() for row in records)
    if OFAC_2024.full:
        assert (len(records), tagged_fto) == (14965, 70)
    version = ListStore(with_lists.db).find_version("ofac", "2024-05-03")
    assert version is not None and version.entry_count == len(records)
    fto = {
        r.act.entities[0]
        for r in with_lists.journal.all_acts()
        if r.act.list_id == "us-fto"
        and r.act.action.value == "designated"
        and "ofac" in (r.act.sources[0].title or "")
    }
    assert len(fto) == tagged_fto > 0


def test_un_2021_to_2026_diff_matches_the_reference(with_lists: Registry) -> None:
    store = ListStore(with_lists.db)
    old = store.membership(store.find_version("un", "2021-01-18").id)  # type: ignore[union-attr]
    new = store.membership(store.find_version("un", "2026-02-27").id)  # type: ignore[union-attr]
    rows = membership_reference()
    removed = {r["reference_number"] for r in rows if r["in_2021-01-18"] == "1" and r["in_2026-02-27"] == "0"}
    added = {r["reference_number"] for r in rows if r["in_2021-01-18"] == "0" and r["in_2026-02-27"] == "1"}
    assert set(old) - set(new) == removed
    assert set(new) - set(old) == added
    # Each removal became a delisting act citing both versions.
    cited = {f"sha256:{store.find_version('un', d).id}" for d in ("2021-01-18", "2026-02-27")}  # type: ignore[union-attr]
    delisted = [
        r.act
        for r in with_lists.journal.all_acts()
        if r.act.action.value == "delisted" and {s.document_hash for s in r.act.sources} == cited
    ]
    assert len(delisted) == len(removed) == (91 if UN_2026.full else len(removed)) > 0
    assert delisted[0].observed_after == dt.date(2021, 1, 18)
    assert delisted[0].observed_by == dt.date(2026, 2, 27)


def test_un_listing_dates_come_from_the_list(with_lists: Registry) -> None:
    # ADF (CDe.001): "LISTED_ON 2014-06-30" in the list itself.
    result = with_lists.status_as_of("CDe.001", "UN", dt.date(2020, 1, 1))
    assert (result.status, result.since) == (Status.LISTED, "2014-06-30")
    assert result.deciding_acts[0].decided == "2014-06-30"
    assert with_lists.status_as_of("CDe.001", "UN", dt.date(2014, 6, 29)).status is Status.NEVER_LISTED
    # QDe.137 is the curated Al-Nusrah Front, listed earlier as an alias of Al-Qaida in Iraq.
    assert with_lists.resolve("QDe.137").id == "al-nusrah-front"


def test_hts_is_one_subject_across_lists_with_arabic_names(with_lists: Registry) -> None:
    statuses = {
        r.jurisdiction: r for r in with_lists.statuses_as_of("Hayat Tahrir al-Sham", dt.date(2025, 1, 1))
    }
    assert {"UN", "US", "RU", "CA", "GB"} <= set(statuses)
    assert statuses["US"].via is not None and statuses["US"].via.entity == "al-nusrah-front"
    lists = {ls.list_id for ls in statuses["US"].lists}
    assert {"us-fto", "us-sdgt"} <= lists
    nusrah = with_lists.resolve("al-nusrah-front")
    arabic = {n.value for n in nusrah.names if n.script == "Arab"}
    assert "هيئة تحرير الشام" in arabic and "جبهة النصرة لأهل الشام" in arabic
    # The HTS name acquired from the UN entry does not make "HTS" ambiguous: HTS owns it.
    assert with_lists.resolve("HTS").id == "hayat-tahrir-al-sham"


def test_same_version_twice_is_a_no_op(with_lists: Registry) -> None:
    before = with_lists.journal.count()
    result = import_list(with_lists, un.parse([UN_2026.path]))
    assert result.already_imported and with_lists.journal.count() == before


def test_versions_must_come_in_date_order(with_lists: Registry) -> None:
    before = with_lists.journal.verify().head_hash
    with pytest.raises(InputError, match="newer un version"):
        import_list(with_lists, un.parse([UN_2018.path]))
    assert with_lists.journal.verify().head_hash == before


def test_three_un_snapshots_give_the_delistings_between_them(registry: Registry) -> None:
    results = [import_list(registry, un.parse([file.path])) for file in (UN_2018, UN_2021, UN_2026)]
    rows = membership_reference()
    expected = [
        sum(r["in_2018-10-29"] == "1" and r["in_2021-01-18"] == "0" for r in rows),
        sum(r["in_2021-01-18"] == "1" and r["in_2026-02-27"] == "0" for r in rows),
    ]
    assert [r.changes["removed"] for r in results[1:]] == expected
    assert (expected == [118, 91]) if UN_2026.full else (min(expected) > 0)


HOSTILE = {
    "billion-laughs": '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
    "\n<CONSOLIDATED_LIST>&lol2;</CONSOLIDATED_LIST>\n",
    "external-entity": '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    "\n<CONSOLIDATED_LIST>&xxe;</CONSOLIDATED_LIST>\n",
    "dtd-fetch": '<?xml version="1.0"?>\n<!-- a comment first -->\n'
    '<!DOCTYPE CONSOLIDATED_LIST SYSTEM "http://example.org/evil.dtd">\n<CONSOLIDATED_LIST/>\n',
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_xml_is_refused_before_parsing(tmp_path: Path, registry: Registry, case: str) -> None:
    path = tmp_path / f"{case}.xml"
    path.write_text(HOSTILE[case], encoding="utf-8")
    with pytest.raises(InputError, match="DOCTYPE/ENTITY declaration is refused") as raised:
        import_list(registry, un.parse([path]))
    assert raised.value.location == f"{path}:2" or raised.value.location == f"{path}:3"
    assert registry.journal.count() == 0


def test_truncated_xml_leaves_no_partial_version(tmp_path: Path, registry: Registry) -> None:
    data = UN_2026.path.read_bytes()
    cut = tmp_path / "truncated.xml"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="malformed or truncated XML") as raised:
        import_list(registry, un.parse([cut]))
    assert str(cut) in str(raised.value)
    assert registry.journal.count() == 0
    assert ListStore(registry.db).versions() == []


def test_wrong_format_files_name_the_problem(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="malformed XML"):
        un.parse([OFAC_2024.path])
    broken = tmp_path / "sdn.csv"
    broken.write_text('36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA"\n', encoding="utf-8")
    with pytest.raises(InputError, match="expected 12 comma-separated columns, found 4") as raised:
        list(ofac.parse([broken], dt.date(2024, 1, 1)).entries)
    assert raised.value.location == f"{broken}:1"
    with pytest.raises(InputError, match="give --data-date"):
        ofac.parse([broken])


def _small_history(tmp_path: Path, count: int) -> Path:
    archive = tmp_path / "history.tar.xz"
    with lzma.open(archive, "wb") as raw, tarfile.open(fileobj=raw, mode="w") as out:
        for snapshot in list(_first(snapshots(OFAC_HISTORY.path), count)):
            info = tarfile.TarInfo(f"jackdwyer_sdn_history/{snapshot.name}")
            info.size = len(snapshot.data)
            out.addfile(info, io.BytesIO(snapshot.data))
    return archive


def _first(items: Iterator[Snapshot], count: int) -> Iterator[Snapshot]:

    for index, item in enumerate(items):
        if index == count:
            return
        yield item


def test_ofac_history_counts_agree_with_the_derived_events(tmp_path: Path, registry: Registry) -> None:
    results = replay(registry, _small_history(tmp_path, 12))
    last = results[-1].data_date
    assert OFAC_EVENTS.full == OFAC_HISTORY.full  # the reference must describe the history replayed
    with OFAC_EVENTS.path.open(encoding="utf-8") as handle:
        events = [
            row for row in csv.DictReader(handle) if row["observed_between_to"][:10] <= last.isoformat()
        ]
    expected: dict[str, int] = {}
    for row in events:
        expected[row["event"]] = expected.get(row["event"], 0) + 1
    ours = {"added": 0, "removed": 0, "programs_changed": 0, "name_changed": 0}
    for result in results[1:]:
        ours["added"] += result.changes["added"]
        ours["removed"] += result.changes["removed"]
        ours["programs_changed"] += result.changes["programmes_changed"]
        ours["name_changed"] += result.changes["name_changed"]
    assert expected and {k: v for k, v in ours.items() if v} == expected
    assert len(results) == 12 and registry.journal.verify().ok
