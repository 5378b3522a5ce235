"""A later official list version settles a disputed delisting claim (and says so)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from proscribe import Registry
from proscribe.lists.evidence import versions_carrying, weigh_list_evidence
from proscribe.lists.importer import import_list
from proscribe.sources import un
from proscribe.views import Status
from shared_data import pick

UN_2026 = pick("un_sc_consolidated/consolidated_2026-02-27.xml").path  # the excerpt keeps QDe.137
CLAIM = "un-2025-11-06-hts-entity-delisting-claim"


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    reg = Registry(str(tmp_path_factory.mktemp("evidence") / "r.db"))
    reg.load_bundled()
    yield reg
    reg.db.dispose()


def test_the_un_list_of_2026_settles_the_claimed_removal_of_the_nusrah_entry(registry: Registry) -> None:
    """A blog claimed the entry went on 6 Nov 2025; the UN removed it on 27 Feb 2026, after that day's
    file was generated. The file of 27 Feb 2026 still carries it: the earlier claim did not happen."""
    day = dt.date(2026, 6, 1)
    before_import = weigh_list_evidence(registry, registry.status_as_of("al-nusrah-front", "UN", day))
    # only the acts: delisted either way, since two different days, nothing settles which
    assert before_import.status is Status.DELISTED and before_import.evidence == []
    assert sorted(r.since or "" for r in before_import.readings) == ["2025-11-06", "2026-02-27"]

    import_list(registry, un.parse([UN_2026]))
    raw = registry.status_as_of("al-nusrah-front", "UN", day)
    assert len(raw.readings) == 2  # the journal alone still holds both readings
    settled = weigh_list_evidence(registry, raw)
    assert settled.status is Status.DELISTED and settled.since == "2026-02-27" and settled.readings == []
    [note] = settled.evidence
    assert (
        "the un list of 2026-02-27" in note and "QDe.137" in note and "2025-11-06 did not take effect" in note
    )
    # before the version was published, the list says nothing yet about the claim
    earlier = weigh_list_evidence(
        registry, registry.status_as_of("al-nusrah-front", "UN", dt.date(2026, 1, 1))
    )
    assert earlier.status is Status.UNKNOWN and earlier.evidence == []


def test_versions_carrying_needs_the_entry_on_the_same_list(tmp_path: Path) -> None:
    registry = Registry(str(tmp_path / "r.db"))
    registry.load_bundled()
    import_list(registry, un.parse([UN_2026]))
    after, until = dt.date(2025, 11, 6), dt.date(2026, 6, 1)
    [found] = versions_carrying(registry, "al-nusrah-front", "un-sc-sanctions", after, until)
    assert found.source == "un" and found.data_date == dt.date(2026, 2, 27) and found.key == "QDe.137"
    assert versions_carrying(registry, "al-nusrah-front", "us-fto", after, until) == []
    assert (
        versions_carrying(registry, "al-nusrah-front", "un-sc-sanctions", dt.date(2026, 2, 27), until) == []
    )
