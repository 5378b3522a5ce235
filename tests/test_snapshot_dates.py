"""Acts known only to hold on a list's date ("listed by 2024-05-03"), and answers drawn from old lists.

On the real lists: the UN consolidated list of 2026-02-27 and the OFAC SDN list of 2024-05-03 on top
of the bundled acts (the registry of issue 17). Their entries carry no listing date, so each is
known only to hold by its version's data date; asked about 2026, the OFAC answer is two years old.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from rich.console import Console

from proscribe import Registry, render
from proscribe.api.app import create_app
from proscribe.api.limits import Limits
from proscribe.dates import EARLIEST
from proscribe.lists.freshness import ListIndex, status_with_freshness
from proscribe.lists.sources import import_source
from proscribe.model import Entity, Name, NameType
from proscribe.timeline import Lane, Period, chart_start, month_starts
from proscribe.views import Status, status_as_of
from proscribe.web.svg import timeline_svg, year_step
from shared_data import need

# the full lists: the figures below (OFAC's SDGT snapshot of HTS, label counts) hold for them
UN_2026 = "un_sc_consolidated/consolidated_2026-02-27.xml"
OFAC_2024 = "ofac_sdn/sdn_2024-05-03.csv"
YEAR_LABEL = re.compile(r'<text class="year"[^>]*>(\d+)</text>')


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    un_file, ofac_file = need(UN_2026), need(OFAC_2024)
    registry = Registry(str(tmp_path_factory.mktemp("snapshots") / "registry.db"))
    registry.load_bundled()
    import_source(registry, "un", [un_file])
    import_source(registry, "ofac", [ofac_file])
    yield registry
    registry.db.dispose()


def panel_text(registry: Registry, name: str, code: str, day: dt.date) -> str:
    entity = registry.resolve(name)
    result = status_with_freshness(registry, [registry.status_as_of(entity, code, day)])[0]
    console = Console(width=400, record=True, color_system=None)
    console.print(render.status_panel(result, entity))
    return " ".join(console.export_text().split())


# -- wording (no data needed) ---------------------------------------------------------------


def test_wording_of_statuses() -> None:
    assert render.since_phrase(Status.LISTED, "by 2024-05-03", dt.date(2024, 5, 3)) == (
        "listed (first seen in the list of 2024-05-03)"
    )
    # A "by" date that is not a list's data date (an entry dated by its wording) claims no first sighting.
    assert render.since_phrase(Status.LISTED, "by 2019-06-19", dt.date(2024, 11, 1)) == (
        "listed (by 2019-06-19; start unknown)"
    )
    assert render.since_phrase("formerly listed", "2025-07-08") == "delisted since 2025-07-08"
    assert render.since_phrase(Status.LISTED, "2003-02-14") == "listed since 2003-02-14"
    assert render.status_label(Status.NEVER_LISTED) == "no listing recorded"
    assert render.status_label("never listed") == "no listing recorded"


def test_one_more_source_is_singular() -> None:
    bundled = Registry("sqlite:///:memory:")
    bundled.load_bundled()
    history = bundled.history("Taliban")
    four = next(e.act for e in history if len(e.act.sources) == 4)
    text = render.sources_text(four, limit=3).plain
    assert "… and 1 more source\n" in text and "more sources" not in text


def test_year_labels_stay_few_even_from_year_one() -> None:
    # The chart of issue 17 ran from year 1 (a snapshot act's open lower bound): ~400 labels.
    start, end = EARLIEST, dt.date(2026, 12, 4)
    lane = Lane("US", [Period(start, end, Status.UNKNOWN)], None)
    labels = YEAR_LABEL.findall(timeline_svg([lane], [], start, end))
    assert 1 <= len(labels) <= 12
    assert year_step(dt.date(1999, 1, 1), end) == 5  # the usual chart keeps its five-year grid
    assert year_step(dt.date(2021, 1, 1), end) == 1


# -- snapshot-dated acts on the real lists --------------------------------------------------


def test_snapshot_acts_sort_at_their_list_date_and_say_their_start_is_unknown(registry: Registry) -> None:
    history = registry.history("Taliban", with_general=False)
    ofac = [e for e in history if e.act.id.startswith("ofac-")]
    assert ofac and all(e.start_unknown and e.date == "by 2024-05-03" for e in ofac)
    assert all(e.sort_key[0] == dt.date(2024, 5, 3) for e in ofac)
    # Sorted among the dated acts (after the 1999 UN sanctions), not at the head of the history.
    assert history[0].act.id.startswith("un-1999")
    days = [e.sort_key[0] for e in history]
    assert days == sorted(days)


def test_timeline_starts_at_the_earliest_known_date(registry: Registry) -> None:
    end = dt.date(2026, 12, 4)
    taliban = registry.history("Taliban", with_general=False)
    assert chart_start(taliban, end) == dt.date(1999, 1, 1)
    # An entity known only from the two snapshots: the chart starts five years before the end.
    snapshot_only = next(
        history
        for hit in registry.entities.search("Islamic State", 50)
        if (history := registry.history(hit.id, with_general=False))
        and all(entry.start_unknown for entry in history)
    )
    assert chart_start(snapshot_only, end) == dt.date(2021, 1, 1)


def test_lanes_equal_asking_every_month(registry: Registry) -> None:
    """The fast timeline gives exactly what a status query for every month gives."""
    start, end = dt.date(1999, 1, 1), dt.date(2026, 12, 1)
    for name in ("Taliban", "Hayat Tahrir al-Sham"):
        entity = registry.resolve(name)
        lanes = registry.timeline(entity, start, end)
        acts, _ = registry._acts_with_lineage(entity, None)
        for lane in lanes:
            lineage = registry.entities.lineage(entity.id, lane.jurisdiction)
            expected = [
                status_as_of(acts, entity.id, lane.jurisdiction, day, None, None, lineage).status
                for day in month_starts(start, end)
            ]
            drawn = [
                period.status
                for day in month_starts(start, end)
                for period in lane.periods
                if period.start <= day <= period.end
            ]
            assert drawn == expected, (name, lane.jurisdiction)


def test_unknown_start_is_drawn_as_such(registry: Registry) -> None:
    end = dt.date(2026, 12, 1)
    entity = registry.resolve("Taliban")
    history = registry.history(entity, with_general=False)
    start = chart_start(history, end)
    svg = timeline_svg(registry.timeline(entity, start, end), history, start, end)
    labels = YEAR_LABEL.findall(svg)
    assert 3 <= len(labels) <= 30
    # US: nothing recorded before the OFAC list of 2024-05-03, where the Taliban is on it.
    us = svg[svg.index('data-jurisdiction="US"') :].split("</g>")[0]
    assert 'class="period unknown open-start"' in us and "start unknown" in us


# -- staleness ------------------------------------------------------------------------------


def test_hts_in_the_us_in_2026_is_as_of_the_2024_list(registry: Registry) -> None:
    result = status_with_freshness(registry, [registry.status_as_of("HTS", "US", dt.date(2026, 6, 1))])[0]
    assert result.status is Status.LISTED
    assert result.freshness is not None
    assert (result.freshness.source, result.freshness.data_date) == ("ofac", dt.date(2024, 5, 3))
    assert result.freshness.stale and result.freshness.first_seen == dt.date(2024, 5, 3)
    text = panel_text(registry, "HTS", "US", dt.date(2026, 6, 1))
    assert "listed (first seen in the list of 2024-05-03)" in text
    assert "as of the list of 2024-05-03" in text
    assert "list us-fto: delisted since 2025-07-08; curated acts" in text


def test_within_thirty_days_of_the_list_the_answer_is_not_stale(registry: Registry) -> None:
    result = status_with_freshness(registry, [registry.status_as_of("HTS", "US", dt.date(2024, 6, 2))])[0]
    sdgt = next(ls for ls in result.lists if ls.list_id == "us-sdgt")
    assert sdgt.freshness is not None and not sdgt.freshness.stale
    assert "as of the list of" not in panel_text(registry, "HTS", "US", dt.date(2024, 6, 2))


def test_curated_statuses_are_never_stale(registry: Registry) -> None:
    result = status_with_freshness(registry, [registry.status_as_of("Taliban", "RU", dt.date(2026, 6, 1))])[0]
    assert result.freshness is None
    text = panel_text(registry, "Taliban", "RU", dt.date(2026, 6, 1))
    assert "list ru-federal-terrorist-list: curated acts" in text and "as of the list" not in text


def test_the_newest_version_of_a_source_sets_its_data_date(registry: Registry) -> None:
    index = ListIndex.of(registry)
    assert index.newest == {"un": dt.date(2026, 2, 27), "ofac": dt.date(2024, 5, 3)}
    assert index.snapshot_date("by 2024-05-03") == dt.date(2024, 5, 3)
    assert index.snapshot_date("by 2024-05-03", "un") is None
    assert index.snapshot_date("by 2019-06-19") is None and index.snapshot_date("2024-05-03") is None


def test_no_listing_recorded_before_the_first_act(registry: Registry) -> None:
    text = panel_text(registry, "Taliban", "RU", dt.date(1990, 1, 1))
    assert "no listing recorded" in text and "never listed" not in text


# -- the web page ---------------------------------------------------------------------------


def test_entity_pages_warn_and_keep_a_sane_chart(registry: Registry) -> None:
    client = TestClient(create_app(registry, Limits(rate_per_minute=100_000, public_read=True)))
    for ref in ("taliban", "hayat-tahrir-al-sham"):
        page = client.get(f"/entity/{ref}?as_of=2026-06-01")
        assert page.status_code == 200
        assert 3 <= len(YEAR_LABEL.findall(page.text)) <= 30
        assert "as of the list of 2024-05-03" in page.text
        assert "first seen in the list of 2024-05-03" in page.text
    fresh = client.get("/entity/hayat-tahrir-al-sham?as_of=2024-05-10")
    assert 'class="warning stale"' not in fresh.text


def test_the_api_gives_the_list_and_its_data_date(registry: Registry) -> None:
    client = TestClient(create_app(registry, Limits(rate_per_minute=100_000, public_read=True)))
    answer = client.get("/api/entities/HTS/status", params={"jurisdiction": "US", "as_of": "2026-06-01"})
    assert answer.status_code == 200
    status = answer.json()["statuses"][0]
    assert status["freshness"] == {
        "source": "ofac",
        "data_date": "2024-05-03",
        "stale": True,
        "first_seen": "2024-05-03",
    }
    assert status["start_unknown"] is True
    by_list = {ls["list"]: ls["freshness"] for ls in status["lists"]}
    assert by_list["us-fto"] is None and by_list["us-sdgt"]["source"] == "ofac"


def test_an_entity_id_wins_over_the_same_name_on_another_entity() -> None:
    """After the Australian list, "The Taliban" (au-6257) also folds to "taliban": /entity/taliban
    must still open the Taliban, not fail as ambiguous."""
    registry = Registry("sqlite:///:memory:")
    registry.load_bundled()
    other = Entity(id="au-6257", names=[Name(value="Taliban", type=NameType.AKA)])
    registry.record([other])
    assert registry.resolve("taliban").id == "taliban"
    assert registry.resolve("au-6257").id == "au-6257"
