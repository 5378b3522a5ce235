"""Views as pure functions: retroactive acts, corrections, retractions, partial dates, readings."""

from __future__ import annotations

import datetime as dt

from factories import act, recorded
from proscribe.model import RecordedAct
from proscribe.views import Status, effect_window, history, status_as_of

D = dt.date


def status(acts: list[RecordedAct], day: dt.date, **kwargs: object) -> Status:
    return status_as_of(acts, "group", "RU", day, **kwargs).status  # type: ignore[arg-type]


def test_retroactive_annulment_is_right_on_both_axes() -> None:
    # Listed in 2020; in June 2022 a court annuls the listing from the start (ab initio).
    acts = recorded(
        [
            act("listed", "designated", decided="2020-01-10", effective="2020-01-10", published="2020-01-10"),
            act(
                "annulled",
                "annulled",
                effects_maintained=False,
                decided="2022-06-01",
                effective="2020-01-10",
                published="2022-06-01",
            ),
        ]
    )
    # Valid time: with everything known today, the group was never lawfully listed in 2021.
    assert status(acts, D(2021, 1, 1)) is Status.DELISTED
    # What anyone could have known in 2021: it was listed.
    assert status(acts, D(2021, 1, 1), published_by=D(2021, 12, 31)) is Status.LISTED
    # What this registry said before it recorded the annulment: listed.
    annulment_recorded = acts[1].act.recorded_at
    assert annulment_recorded is not None
    said_before = annulment_recorded - dt.timedelta(seconds=1)
    assert status(acts, D(2021, 1, 1), known_at=said_before) is Status.LISTED


def test_annulment_with_effects_maintained_keeps_the_listing() -> None:
    acts = recorded(
        [
            act("listed", "designated", decided="2010-01-01"),
            act("annulled", "annulled", effects_maintained=True, decided="2014-10-16"),
        ]
    )
    assert status(acts, D(2015, 1, 1)) is Status.LISTED


def test_correction_supersedes_only_once_it_is_known() -> None:
    acts = recorded(
        [
            act("wrong-date", "designated", decided="2020-01-01"),
            act("right-date", "designated", decided="2020-02-01", supersedes=["wrong-date"]),
        ]
    )
    assert status(acts, D(2020, 1, 15)) is Status.NEVER_LISTED
    first_day = acts[0].act.recorded_at
    assert first_day is not None
    assert status(acts, D(2020, 1, 15), known_at=first_day) is Status.LISTED


def test_retraction_withdraws_an_act() -> None:
    acts = recorded(
        [
            act("listed", "designated", decided="2020-01-01"),
            act("false-report", "delisted", decided="2024-01-01"),
            act("retract", "retracted", decided="2024-02-01", supersedes=["false-report"]),
        ]
    )
    assert status(acts, D(2025, 1, 1)) is Status.LISTED
    entries = history(acts, ["group"])
    assert [e.superseded for e in entries if e.act.id in ("false-report", "retract")] == [True, True]


def test_suspension_and_reinstatement() -> None:
    acts = recorded(
        [
            act("listed", "designated", decided="2003-02-14"),
            act("suspended", "suspended", decided="2025-04-17"),
            act("resumed", "reinstated", decided="2026-03-01"),
        ]
    )
    assert status(acts, D(2025, 5, 1)) is Status.SUSPENDED
    result = status_as_of(acts, "group", "RU", D(2026, 5, 1))
    assert result.status is Status.LISTED and result.since == "2026-03-01"


def test_delisting_without_designation_is_accepted_but_flagged() -> None:
    acts = recorded([act("gone", "delisted", decided="2024-01-01")])
    result = status_as_of(acts, "group", "RU", D(2025, 1, 1))
    assert result.status is Status.DELISTED
    assert [str(i) for i in result.inconsistencies] == [
        "delisted act gone: delisting with no designation known before it"
    ]
    # Once the missing designation is recorded, the inconsistency disappears.
    fixed = recorded(
        [act("listed", "designated", decided="2010-01-01"), act("gone", "delisted", decided="2024-01-01")]
    )
    assert status_as_of(fixed, "group", "RU", D(2025, 1, 1)).inconsistencies == []


def test_partial_dates_give_a_window_not_a_guess() -> None:
    acts = recorded([act("listed", "designated", decided="2013-05", published="2013-05-15")])
    window = effect_window(acts[0].act)
    assert (window.earliest, window.latest) == (D(2013, 5, 1), D(2013, 5, 15))
    assert status(acts, D(2013, 4, 30)) is Status.NEVER_LISTED
    assert status(acts, D(2013, 5, 14)) is Status.UNKNOWN
    assert status(acts, D(2013, 5, 15)) is Status.LISTED


def test_effective_day_wins_over_decision_day() -> None:
    acts = recorded([act("revoked", "designated", decided="2025-06-23", effective="2025-07-08")])
    assert status(acts, D(2025, 7, 1)) is Status.NEVER_LISTED
    assert status(acts, D(2025, 7, 8)) is Status.LISTED


def test_competing_readings_agree_or_become_unknown() -> None:
    acts = recorded(
        [
            act("listed", "designated", decided="2005-03-15"),
            act("reading-a", "delisted", decided="2023-12-29", confidence="disputed"),
            act(
                "reading-b",
                "delisted",
                decided="2024-06-03",
                confidence="disputed",
                conflicts_with=["reading-a"],
            ),
        ]
    )
    assert status(acts, D(2023, 6, 1)) is Status.LISTED
    between = status_as_of(acts, "group", "RU", D(2024, 3, 1))
    assert between.status is Status.UNKNOWN
    assert sorted((r.status.value, r.acts[0]) for r in between.readings) == [
        ("delisted", "reading-a"),
        ("listed", "reading-b"),
    ]
    assert status(acts, D(2025, 1, 1)) is Status.DELISTED


def test_a_disputed_act_alone_may_not_have_happened() -> None:
    acts = recorded(
        [
            act("listed", "designated", decided="2013-05-30"),
            act("claim", "delisted", decided="2025-11-06", confidence="disputed"),
        ]
    )
    result = status_as_of(acts, "group", "RU", D(2026, 1, 1))
    assert result.status is Status.UNKNOWN
    assert {r.status for r in result.readings} == {Status.LISTED, Status.DELISTED}


def test_lineage_answers_only_when_the_entity_has_no_listing_of_its_own() -> None:
    acts = recorded(
        [
            act("old-listed", "designated", entity="old-name", decided="2014-05-15"),
            act("new-listed", "designated", entity="new-name", decided="2020-06-04"),
        ]
    )
    lineage = [("old-name", "successor of")]
    via = status_as_of(acts, "new-name", "RU", D(2015, 1, 1), lineage=lineage)
    assert via.status is Status.LISTED and via.via is not None and via.via.entity == "old-name"
    own = status_as_of(acts, "new-name", "RU", D(2021, 1, 1), lineage=lineage)
    assert own.via is None and own.since == "2020-06-04"


def test_other_jurisdictions_do_not_leak() -> None:
    acts = recorded([act("us-listed", "designated", jurisdiction="US", decided="2014-05-15")])
    assert status(acts, D(2020, 1, 1)) is Status.NEVER_LISTED
