# ruff: noqa: RUF001, RUF003  -- the lists' Russian wording is the test data.
"""Russia's FSB terrorist list and Ministry of Justice extremist list (ru-registries-mirror JSON).

The core runs on rows cut from the real files (tests/data/ru, see its README); the counts and the
import of both real FSB versions run on ../shared/data/ru when it is there.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from proscribe import Registry, Status
from proscribe.errors import InputError
from proscribe.lists.acts import VersionRef, acts_for_diff
from proscribe.lists.catalogue import ListKind, describe
from proscribe.lists.diff import EntryChange, VersionDiff, classify
from proscribe.lists.entries import entry_body, entry_from_dict
from proscribe.lists.importer import import_list
from proscribe.model import Act, Action, EntityKind, NameType
from proscribe.sources.base import EntryDecision, ListEntry, ListName
from proscribe.sources.ru_fsb import LIST_ID as FSB_LIST
from proscribe.sources.ru_fsb import parse_decisions, parse_fsb
from proscribe.sources.ru_minjust import LIST_ID as MINJUST_LIST
from proscribe.sources.ru_minjust import parse_minjust
from shared_data import need

FIXTURES = Path(__file__).resolve().parent / "data" / "ru"
FSB_CUT_1 = FIXTURES / "fsb_cut_2026-09-16.json"
FSB_CUT_2 = FIXTURES / "fsb_cut_2026-09-17.json"
MINJUST_CUT = FIXTURES / "minjust_cut_2026-09-17.json"

# the real mirror files (PROVENANCE.md §4), looked up inside each test with need()
FSB_1 = "ru/fsb_terrorist_orgs_2026-09-16_60db8d69.json"
FSB_2 = "ru/fsb_terrorist_orgs_2026-09-17_b5adfe07.json"
MINJUST = "ru/minjust_extremist_orgs_2026-09-17_b5adfe07.json"

TALIBAN_DESIGNATED = EntryDecision(
    action="designated",
    text="Верховный Суд Российской Федерации, от 14.02.2003 № ГКПИ 03-116, вступило в силу 04.03.2003",
    authority="Верховный Суд Российской Федерации",
    decided="2003-02-14",
    effective="2003-03-04",
    instrument="ГКПИ 03-116",
)
TALIBAN_SUSPENDED = EntryDecision(
    action="suspended",
    text=(
        "Запрет деятельности приостановлен. Верховный Суд Российской Федерации, "
        "от 17.04.2025 № АКПИ25-174с, вступило в силу 20.05.2025"
    ),
    authority="Верховный Суд Российской Федерации",
    decided="2025-04-17",
    effective="2025-05-20",
    instrument="АКПИ25-174с",
)


def by_key(path: Path) -> dict[str, ListEntry]:
    entries: dict[str, ListEntry] = {}
    for entry in parse_fsb([path]).entries:
        assert entry.key not in entries
        entries[entry.key] = entry
    return entries


# --- parsing, on the cut rows -------------------------------------------------------------------


def test_fsb_version_metadata_comes_from_the_mirror_file() -> None:
    parsed = parse_fsb([FSB_CUT_1])
    assert (parsed.source, parsed.jurisdiction) == ("ru-fsb", "RU")
    assert parsed.data_date == dt.date(2026, 9, 16)
    assert parsed.data_date_basis == "fetched_at 2026-09-16T13:56:19+00:00 in the mirror file"
    assert parsed.meta["source_url"] == "http://www.fsb.ru/fsb/npd/terror.htm"
    assert len(parsed.content_hash) == 64
    assert parse_fsb([FSB_CUT_1], data_date=dt.date(2026, 9, 1)).data_date_basis == "--data-date"


def test_taliban_carries_its_designation_and_its_suspension_as_printed() -> None:
    taliban = by_key(FSB_CUT_1)["11"]
    assert taliban.kind is EntityKind.ORGANISATION
    assert taliban.lists == (FSB_LIST,)
    assert taliban.caption == "Движение Талибан"
    assert taliban.decisions == (TALIBAN_DESIGNATED, TALIBAN_SUSPENDED)


def test_names_main_name_first_printed_row_and_alternatives_kept() -> None:
    entries = by_key(FSB_CUT_1)
    hts = entries["32"]
    assert hts.caption == "Хайят Тахрир аш-Шам"
    aliases = {n.value: n.type for n in hts.names[1:]}
    assert aliases["Организация освобождения Леванта"] is NameType.AKA
    assert any(v.startswith("«Хайят Тахрир аш-Шам» («Организация освобождения Леванта»") for v in aliases)
    assert hts.decisions[0].instrument == "АКПИ20-275С"
    assert (hts.decisions[0].decided, hts.decisions[0].effective) == ("2020-06-04", "2020-07-20")
    assert entries["3"].caption == "База" and "Аль-Каида" in {n.value for n in entries["3"].names}
    assert entries["23"].caption == "Джебхат ан-Нусра"
    assert entries["22"].caption == "Исламское государство"


def test_a_parent_organisation_named_in_a_description_is_only_a_weak_alias() -> None:
    subunit = by_key(FSB_CUT_1)["56"]
    assert subunit.caption.startswith("Обособленное боевое подразделение")
    types = {n.value: n.type for n in subunit.names}
    assert types["Исламское государство"] is NameType.WEAK


@pytest.mark.parametrize(
    ("text", "court", "decided", "effective", "case"),
    [  # decision cells copied from the real 2026-09-16 file (rows 21, 58, 33, 46, 39)
        (
            "Московский городской суд, от 17.12.2014 (б/н), вступил в силу 30.12.2014",
            "Московский городской суд",
            "2014-12-17",
            "2014-12-30",
            None,
        ),
        (
            "Южный окружной военный суд, от 22.10.2024, б/н, вступил в силу 21.11.2024",
            "Южный окружной военный суд",
            "2024-10-22",
            "2024-11-21",
            None,
        ),
        (
            "Дальневосточный окружной военный суд от 30.09.2019 № 1-21/2019, вступил в силу 05.07.2020",
            "Дальневосточный окружной военный суд",
            "2019-09-30",
            "2020-07-05",
            "1-21/2019",
        ),
        (
            "Южный окружной военный суд, от 28.11.2022 № 1-215/2022 вступил в силу 16.12.2022",
            "Южный окружной военный суд",
            "2022-11-28",
            "2022-12-16",
            "1-215/2022",
        ),
        (
            "Оренбургский областной суд от 04.03.2022 № 3а-206/2022 (3а-2113/2021), вступило в силу 22.04.2022",
            "Оренбургский областной суд",
            "2022-03-04",
            "2022-04-22",
            "3а-206/2022 (3а-2113/2021)",
        ),
    ],
)
def test_decision_cell_variants(
    text: str, court: str, decided: str, effective: str, case: str | None
) -> None:
    (decision,) = parse_decisions(text, "x", Path("x.json"))
    assert (decision.authority, decision.decided, decision.effective, decision.instrument) == (
        court,
        decided,
        effective,
        case,
    )


def test_unreadable_or_impossible_decisions_are_refused() -> None:
    with pytest.raises(InputError, match="cannot read the court decision"):
        parse_decisions("Верховный Суд Российской Федерации, 2003", "7", Path("x.json"))
    with pytest.raises(InputError, match="impossible date"):
        parse_decisions("Суд, от 31.02.2003 № 1, вступило в силу 04.03.2003", "7", Path("x.json"))


def _write(path: Path, data: dict[str, object]) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_an_edited_or_cut_file_is_refused(tmp_path: Path) -> None:
    data = json.loads(FSB_CUT_1.read_text(encoding="utf-8"))
    data["entries"][0]["name"] = "«Другое имя»"
    with pytest.raises(InputError, match="entries_sha256"):
        parse_fsb([_write(tmp_path / "edited.json", data)])
    data = json.loads(FSB_CUT_1.read_text(encoding="utf-8"))
    data["entries"].pop()
    with pytest.raises(InputError, match="entry_count"):
        parse_fsb([_write(tmp_path / "short.json", data)])


def test_wrong_registry_wrong_format_and_several_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="expected 'fsb_terrorist_orgs'"):
        parse_fsb([MINJUST_CUT])
    with pytest.raises(InputError, match="expected 'minjust_extremist_orgs'"):
        parse_minjust([FSB_CUT_1])
    not_json = tmp_path / "page.htm"
    not_json.write_text("<html><table></table></html>", encoding="utf-8")
    with pytest.raises(InputError, match="not a JSON file"):
        parse_fsb([not_json])
    with pytest.raises(InputError, match="one JSON file"):
        parse_fsb([FSB_CUT_1, FSB_CUT_2])


def test_minjust_rows_decisions_and_removed_rows() -> None:
    parsed = parse_minjust([MINJUST_CUT])
    entries = {e.key: e for e in parsed.entries}
    assert parsed.meta["rows"] == "6" and parsed.meta["removed_rows"] == "ext-org-30"
    assert sorted(entries, key=int) == ["1", "11", "62", "86", "97"]
    assert all(e.lists == (MINJUST_LIST,) for e in entries.values())
    first = entries["1"].decisions[0]
    assert (first.action, first.authority, first.decided, first.effective, first.published) == (
        "designated",
        "решение Московского городского суда",
        "2007-04-19",
        None,
        None,
    )
    # The decision printed inside the name is moved out of it.
    eleven = entries["11"]
    assert eleven.caption.endswith("«Русское национальное единство»")
    assert eleven.decisions[0].decided == "2008-02-12"
    assert eleven.decisions[0].authority == "заочное решение Железнодорожного районного суда г. Рязани"
    assert (entries["86"].decisions[0].decided, entries["86"].decisions[0].published) == (
        "2021-06-09",
        "2021-08-06",
    )
    # Brackets that never close around the other names still leave the ruling readable.
    assert entries["97"].decisions[0].decided == "2022-09-08"
    assert entries["62"].decisions == ()  # a heading row: its member organisations are not in the mirror


def test_the_catalogue_keeps_terrorist_and_extremist_lists_apart() -> None:
    terrorist, extremist = describe(FSB_LIST), describe(MINJUST_LIST)
    assert terrorist is not None and terrorist.kind is ListKind.TERRORIST
    assert terrorist.url == "http://www.fsb.ru/fsb/npd/terror.htm"
    assert extremist is not None and extremist.kind is ListKind.EXTREMIST
    assert extremist.url == "https://minjust.gov.ru/ru/documents/7822/"
    assert describe("us-fto") is None


# --- stored entries and acts ----------------------------------------------------------------------


def test_entries_without_decisions_are_stored_exactly_as_before() -> None:
    """Other sources' stored bodies, and so their digests and diffs, do not change."""
    plain = ListEntry("QDe.137", EntityKind.ORGANISATION, (ListName("X", NameType.PRIMARY),), ("un",))
    assert b"decisions" not in entry_body(plain)
    taliban = by_key(FSB_CUT_1)["11"]
    assert entry_from_dict(json.loads(entry_body(taliban))) == taliban


def test_a_ruling_added_to_an_entry_becomes_one_act() -> None:
    """The Taliban row before and after the 2025 suspension was printed next to it."""
    after = by_key(FSB_CUT_1)["11"]
    before = ListEntry(
        after.key, after.kind, after.names, after.lists, remarks=after.remarks, decisions=after.decisions[:1]
    )
    kinds = classify(before, after)
    assert kinds == ("decisions_changed",)
    version = VersionRef("b" * 64, "ru-fsb", "RU", dt.date(2026, 9, 17), dt.date(2026, 12, 4), url="http://x")
    previous = VersionRef("a" * 64, "ru-fsb", "RU", dt.date(2025, 1, 1), dt.date(2026, 12, 4))
    diff = VersionDiff([EntryChange("11", before, after, kinds)])
    acts = acts_for_diff(diff, version, previous, {"11": "taliban"})
    assert [(a.action, str(a.decided), str(a.effective), a.instrument) for a in acts] == [
        (Action.SUSPENDED, "2025-04-17", "2025-05-20", "АКПИ25-174с")
    ]


def _acts_of(registry: Registry, source: str) -> list[Act]:
    return [r.act for r in registry.journal.all_acts() if r.act.id.startswith(f"{source}-")]


def test_import_links_acts_and_next_version(registry: Registry) -> None:
    registry.load_bundled()
    first = import_list(registry, parse_fsb([FSB_CUT_1]))
    assert (first.entries, first.acts_added) == (7, 8)  # seven designations and one suspension
    acts = _acts_of(registry, "ru-fsb")
    assert all(a.observed_by is None for a in acts)  # dated by the rulings, never by the versions
    by_entity = {(a.entities[0], a.action): a for a in acts}
    designated = by_entity[("taliban", Action.DESIGNATED)]
    assert (str(designated.decided), str(designated.effective), designated.instrument) == (
        "2003-02-14",
        "2003-03-04",
        "ГКПИ 03-116",
    )
    assert designated.authority == "Верховный Суд Российской Федерации"
    assert designated.sources[0].url == "http://www.fsb.ru/fsb/npd/terror.htm"
    assert designated.sources[0].document_hash == f"sha256:{first.version_id}"
    suspended = by_entity[("taliban", Action.SUSPENDED)]
    assert (str(suspended.decided), str(suspended.effective), suspended.instrument) == (
        "2025-04-17",
        "2025-05-20",
        "АКПИ25-174с",
    )
    # rows 3 and 8 link by the Russian names the curated entities carry (Аль-Каида, Хизб ут-Тахрир)
    for entity in ("islamic-state", "al-nusrah-front", "hayat-tahrir-al-sham", "al-qaida", "hizb-ut-tahrir"):
        assert (entity, Action.DESIGNATED) in by_entity
    assert "ru-fsb-56" in {a.entities[0] for a in acts}  # an Islamic State sub-unit stays its own entity
    status = registry.status_as_of("taliban", "RU", dt.date(2026, 9, 17))
    assert status.status is Status.SUSPENDED

    second = import_list(registry, parse_fsb([FSB_CUT_2]))
    assert second.changes["added"] == 1 and second.changes["removed"] == 1
    new_acts = [a for a in _acts_of(registry, "ru-fsb") if a not in acts]
    assert sorted((a.action.value, a.entities[0]) for a in new_acts) == [
        ("delisted", "ru-fsb-56"),
        ("designated", "ru-fsb-77"),
    ]
    assert import_list(registry, parse_fsb([FSB_CUT_2])).already_imported


# --- the real files ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [FSB_1, FSB_2], ids=["2026-09-16", "2026-09-17"])
def test_each_real_fsb_version_has_77_organisations_all_with_rulings(path: str) -> None:
    entries = by_key(need(path))
    assert len(entries) == 77
    assert sorted(entries, key=int) == [str(n) for n in range(1, 78)]
    assert all(e.kind is EntityKind.ORGANISATION for e in entries.values())
    assert all(e.decisions[0].action == "designated" and e.decisions[0].effective for e in entries.values())
    suspended = [k for k, e in entries.items() if any(d.action == "suspended" for d in e.decisions)]
    assert suspended == ["11"]
    assert entries["11"].decisions == (TALIBAN_DESIGNATED, TALIBAN_SUSPENDED)
    without_number = sorted((k for k, e in entries.items() if e.decisions[0].instrument is None), key=int)
    assert without_number == ["21", "51", "52", "53", "54", "58", "59", "61", "63"]  # printed "б/н"


def test_real_minjust_list_is_an_extremist_list_of_152_rows() -> None:
    parsed = parse_minjust([need(MINJUST)])
    entries = list(parsed.entries)
    assert parsed.meta["rows"] == "152"
    assert parsed.meta["removed_rows"] == "ext-org-30"
    assert len(entries) == 151
    assert {e.lists for e in entries} == {(MINJUST_LIST,)}
    undated = sorted((e.key for e in entries if not e.decisions or not e.decisions[0].decided), key=int)
    assert undated == ["62", "109", "140"]  # heading rows whose member organisations follow on the page


def test_real_versions_imported_in_order_add_only_differences(tmp_path: Path) -> None:
    registry = Registry(str(tmp_path / "ru.db"))
    try:
        registry.load_bundled()
        first = import_list(registry, parse_fsb([need(FSB_1)]))
        assert (first.entries, first.acts_added) == (77, 78)
        second = import_list(registry, parse_fsb([need(FSB_2)]))
        assert not second.already_imported
        assert second.entries == 77 and second.acts_added == 0
        assert set(second.changes.values()) == {0}  # same page bytes, fetched a day later
        assert registry.status_as_of("taliban", "RU", dt.date(2026, 9, 17)).status is Status.SUSPENDED
        minjust = import_list(registry, parse_minjust([need(MINJUST)]))
        assert minjust.entries == 151 and minjust.acts_added == 151
    finally:
        registry.db.dispose()


def test_status_of_the_taliban_in_russia_keeps_both_readings_of_the_suspension(tmp_path: Path) -> None:
    """The court report says "takes effect immediately" (17 Apr 2025, curated act); the FSB list says in
    force 20 May 2025. One decision, two effective dates: both readings, both dates, one status after."""
    registry = Registry(str(tmp_path / "r.db"))
    registry.load_bundled()
    import_list(registry, parse_fsb([FSB_CUT_1]))
    after = registry.status_as_of("taliban", "RU", dt.date(2025, 6, 1))
    assert after.status is Status.SUSPENDED
    assert sorted((r.status.value, r.since) for r in after.readings) == [
        ("suspended", "2025-04-17"),
        ("suspended", "2025-05-20"),
    ]
    between = registry.status_as_of("taliban", "RU", dt.date(2025, 5, 1))
    assert between.status is Status.UNKNOWN
    assert {r.status for r in between.readings} == {Status.SUSPENDED, Status.LISTED}
    # the 2003 designation recorded by both sources (March 2003 / 4 March 2003) is one act, not a dispute
    before = registry.status_as_of("taliban", "RU", dt.date(2024, 1, 1))
    assert before.status is Status.LISTED and before.readings == [] and before.since == "2003-03-04"
