# ruff: noqa: RUF001  -- names as the list writes them, with typographic apostrophes.
"""Canada's Regulations Establishing a List of Entities (SOR/2002-284): Justice Canada XML versions.

The fixture (tests/data/ca_sor, three versions cut from the real files) runs everywhere; the twelve
stored versions 2021-2026 in ../shared/data/ca/sor-2002-284 are read in place when present.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from proscribe import InputError, Registry, Status
from proscribe.lists.importer import ImportResult, import_list
from proscribe.model import Act, EntityKind, NameType
from proscribe.sources import ca_sor
from proscribe.sources.base import ListEntry, ListName
from shared_data import need

FIXTURE = Path(__file__).parent / "data" / "ca_sor"


def fixture_files() -> list[Path]:
    return sorted(FIXTURE.glob("SOR-2002-284_*.xml"))


def shared_files() -> list[Path]:
    # the twelve stored SOR/2002-284 versions, PROVENANCE.md §3b
    return sorted(need("ca/sor-2002-284").glob("SOR-2002-284_*.xml"))


def entries_of(path: Path) -> dict[str, ListEntry]:
    return {entry.key: entry for entry in ca_sor.parse_ca_sor([path]).entries}


def import_all(registry: Registry, paths: list[Path]) -> list[ImportResult]:
    return [import_list(registry, parsed) for parsed in ca_sor.parse_ca_sor_versions(paths)]


def source_acts(registry: Registry) -> dict[tuple[str, str], Act]:
    """The acts the imports recorded, by (entity, action)."""
    found: dict[tuple[str, str], Act] = {}
    for recorded in registry.journal.all_acts():
        act = recorded.act
        if act.id.startswith("ca-sor-"):
            key = (act.entities[0], act.action.value)
            assert key not in found, f"two {key} acts"
            found[key] = act
    return found


# --- one version: names, keys, dates ---------------------------------------------------------------


def test_fixture_versions_and_counts() -> None:
    parsed = ca_sor.parse_ca_sor_versions(fixture_files()[::-1])  # given newest first, returned in order
    assert [p.data_date for p in parsed] == [
        dt.date(2024, 10, 11),
        dt.date(2024, 11, 28),
        dt.date(2025, 12, 8),
    ]
    assert all(p.data_date_basis == "lims:pit-date attribute" for p in parsed)
    assert [len(list(p.entries)) for p in parsed] == [7, 8, 11]
    assert parsed[2].meta["current-date"] == "2025-12-10"
    assert ("SOR/2025-250", "2025-12-04") in parsed[2].amendments
    assert parsed[2].source == "ca-sor" and parsed[2].jurisdiction == "CA"


def test_ansarallah_in_force_day_and_instrument() -> None:
    ansarallah = entries_of(fixture_files()[1])["ansarallah"]
    assert (ansarallah.in_force, ansarallah.instrument) == ("2024-11-28", "SOR/2024-236")
    assert ansarallah.listed_on is None  # an in-force day is not always a listing day (see below)
    assert ansarallah.lists == ("ca-listed-terrorist-entities",)
    assert ansarallah.names == (ListName("Ansarallah", NameType.PRIMARY),)


def test_names_acronyms_aliases_and_languages() -> None:
    entries = entries_of(fixture_files()[0])
    gamaa = entries["al-gamaa-al-islamiyya"]
    assert [n.value for n in gamaa.names] == ["Al-Gama’a al-Islamiyya", "AGAI", "Islamic Group", "IG"]
    aqim = {n.value: n for n in entries["al-qaeda-in-the-islamic-maghreb"].names}
    assert aqim["Groupe salafiste pour la prédication et le combat"].lang == "fr"
    # ", and X" ends the list: the last alias keeps its own "and".
    assert "Salafist Group for Preaching and Combat" in aqim and "Combat" not in aqim
    jem = [n.value for n in entries["jaish-e-mohammed"].names]
    # "Jaish-i-Mohammed (Mohammad, Muhammad, Muhammed)": respellings of a word, not names of their own.
    assert "Jaish-i-Mohammed" in jem and not {"Mohammad", "Muhammad", "Muhammed"} & set(jem)
    assert (
        "Army of the Prophet" in jem
        and "National Movement for the Restoration of Pakistani Sovereignty" in jem
    )
    hts = [n.value for n in entries["hayat-tahrir-al-sham"].names]
    assert hts[0] == "Hay’at Tahrir al-Sham" and "Jabhat al-Nusra" in hts and "JN" in hts


def test_kinds() -> None:
    entries = entries_of(fixture_files()[0])
    assert entries["gulbuddin-hekmatyar"].kind is EntityKind.PERSON
    assert Counter(e.kind for e in entries.values()) == {EntityKind.ORGANISATION: 6, EntityKind.PERSON: 1}


def test_keys_fold_case_accents_and_apostrophes() -> None:
    assert ca_sor.entry_key("Hay’at Tahrir al-Sham") == ca_sor.entry_key("HAYAT TAHRIR AL-SHAM")
    assert ca_sor.entry_key("Hay’at Tahrir al-Sham") == "hayat-tahrir-al-sham"
    assert ca_sor.entry_key("Cárteles Unidos") == "carteles-unidos"
    assert ca_sor.entry_key("Ansar al-islam") == ca_sor.entry_key("Ansar al-Islam")


def test_one_file_per_version(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="one XML file"):
        ca_sor.parse_ca_sor(fixture_files()[:2])


def test_other_xml_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "list.xml"
    other.write_text('<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="2026-01-01"/>', encoding="utf-8")
    with pytest.raises(InputError, match="not a Justice Canada regulation XML"):
        ca_sor.parse_ca_sor([other])
    empty = tmp_path / "empty.xml"
    empty.write_text(
        '<?xml version="1.0"?><Regulation xmlns:lims="http://justice.gc.ca/lims" lims:pit-date="2026-01-01"/>',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="no list items"):
        list(ca_sor.parse_ca_sor([empty]).entries)


def test_doctype_is_refused(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.xml"
    hostile.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<Regulation>&x;</Regulation>',
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="DOCTYPE"):
        ca_sor.parse_ca_sor([hostile])


# --- versions imported in order: acts ----------------------------------------------------------------


def test_fixture_import_gives_dated_acts(registry: Registry) -> None:
    results = import_all(registry, fixture_files())
    assert [r.entries for r in results] == [7, 8, 11]
    assert [r.changes["added"] for r in results] == [7, 1, 4]
    assert [r.changes["removed"] for r in results] == [0, 0, 1]
    acts = source_acts(registry)

    ansarallah = acts[("ca-sor-ansarallah", "designated")]
    assert (str(ansarallah.effective), ansarallah.instrument) == ("2024-11-28", "SOR/2024-236")
    assert ansarallah.observed_by is None and ansarallah.list_id == "ca-listed-terrorist-entities"
    assert ansarallah.legal_basis and "83.05" in ansarallah.legal_basis

    # HTS leaves between the versions of 2024-11-28 and 2025-12-08. Four regulations came into force
    # in between; three carry added entries, so the fourth, SOR/2025-250, is the removal.
    hts = acts[("ca-sor-hayat-tahrir-al-sham", "delisted")]
    assert (hts.observed_after, hts.observed_by) == (dt.date(2024, 11, 28), dt.date(2025, 12, 8))
    assert (str(hts.effective), hts.instrument, hts.confidence.value) == (
        "2025-12-04",
        "SOR/2025-250",
        "probable",
    )

    # In the first version an in-force day dates the wording (SOR/2020-285 renamed the HTS entry),
    # so it bounds the listing instead of dating it.
    first = acts[("ca-sor-hayat-tahrir-al-sham", "designated")]
    assert first.effective is None and first.decided is None
    assert first.observed_by == dt.date(2020, 11, 25) and "SOR/2020-285" in (first.notes or "")

    assert registry.status_as_of("Ansarallah", "CA", dt.date(2024, 11, 27)).status is Status.NEVER_LISTED
    assert registry.status_as_of("Ansarallah", "CA", dt.date(2024, 11, 28)).status is Status.LISTED
    assert registry.status_as_of("Hay’at Tahrir al-Sham", "CA", dt.date(2025, 12, 3)).status is Status.LISTED
    assert (
        registry.status_as_of("Hay’at Tahrir al-Sham", "CA", dt.date(2025, 12, 4)).status is Status.DELISTED
    )


def test_reimport_is_a_no_op(registry: Registry) -> None:
    import_all(registry, fixture_files())
    before = registry.journal.count()
    again = import_all(registry, fixture_files())
    assert all(r.already_imported for r in again)
    assert registry.journal.count() == before


# --- the twelve stored versions ----------------------------------------------------------------------

SHARED_COUNTS = [73, 77, 77, 77, 78, 79, 79, 86, 86, 87, 90, 89]


def test_shared_counts_per_version() -> None:
    files = shared_files()
    parsed = ca_sor.parse_ca_sor_versions(files)
    assert [p.data_date.isoformat() if p.data_date else None for p in parsed] == [
        "2021-02-03",
        "2021-06-25",
        "2024-06-18",
        "2024-06-21",
        "2024-10-11",
        "2024-11-28",
        "2024-11-28",
        "2025-02-19",
        "2025-02-19",
        "2025-09-28",
        "2025-12-08",
        "2026-06-09",
    ]
    assert [len(list(p.entries)) for p in parsed] == SHARED_COUNTS
    latest = entries_of(files[-1])
    assert Counter(e.kind for e in latest.values()) == {EntityKind.ORGANISATION: 87, EntityKind.PERSON: 2}
    assert {"hayat-tahrir-al-sham", "euskadi-ta-askatasuna", "armed-islamic-group"}.isdisjoint(latest)


def test_shared_versions_give_the_2021_2026_changes(tmp_path: Path) -> None:
    files = shared_files()
    registry = Registry(str(tmp_path / "ca.db"))
    results = import_all(registry, files)
    assert [r.entries for r in results] == SHARED_COUNTS
    added = [r.changes["added"] for r in results]
    removed = [r.changes["removed"] for r in results]
    assert added == [73, 4, 1, 0, 1, 1, 0, 7, 0, 1, 4, 0]
    assert removed == [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1]
    acts = source_acts(registry)

    designated = {
        entity: (str(act.effective), act.instrument)
        for (entity, action), act in acts.items()
        if action == "designated" and act.effective is not None
    }
    assert len(designated) == 4 + 1 + 1 + 1 + 7 + 1 + 4  # every addition after the first version
    assert designated["ca-sor-ansarallah"] == ("2024-11-28", "SOR/2024-236")
    assert designated["ca-sor-james-mason"] == ("2021-06-25", "SOR/2021-169")
    assert designated["ca-sor-bishnoi-gang"] == ("2025-09-28", "SOR/2025-201")
    # Two regulations came into force on 2024-06-18 and the XML dates the IRGC entry by both.
    assert designated["ca-sor-islamic-revolutionary-guard-corps"] == (
        "2024-06-18",
        "SOR/2024-139 or SOR/2024-140",
    )

    delisted = {
        entity: (act.observed_after, act.observed_by, str(act.effective), act.instrument)
        for (entity, action), act in acts.items()
        if action == "delisted"
    }
    assert delisted == {
        "ca-sor-armed-islamic-group": (
            dt.date(2021, 6, 25),
            dt.date(2024, 6, 18),
            "2024-06-18",
            "SOR/2024-139 or SOR/2024-140",
        ),
        "ca-sor-hayat-tahrir-al-sham": (
            dt.date(2025, 9, 28),
            dt.date(2025, 12, 8),
            "2025-12-04",
            "SOR/2025-250",
        ),
        "ca-sor-euskadi-ta-askatasuna": (
            dt.date(2025, 12, 8),
            dt.date(2026, 6, 9),
            "2026-06-09",
            "SOR/2026-117",
        ),
    }

    # SOR/2024-156 reworded sixteen entries (new lims:id each); the name keys keep them the same
    # subjects, and the thirteen whose names changed get an amendment dated by the XML.
    amended = [act for (_, action), act in acts.items() if action == "amended"]
    assert len(amended) == 13
    assert {(str(a.effective), a.instrument) for a in amended} == {("2024-06-21", "SOR/2024-156")}
    assert results[3].changes["details_changed"] == 16 and results[3].changes["added"] == 0

    before = registry.journal.count()
    assert all(r.already_imported for r in import_all(registry, files))
    assert registry.journal.count() == before
    registry.db.dispose()
