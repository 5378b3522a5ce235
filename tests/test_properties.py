"""Property: the order in which acts were recorded never changes what they mean.

Any permutation of recording order of the same acts, appended through the
real journal (SQLite), gives the same status for every (valid_at,
published_by) pair.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factories import act
from proscribe import Entity, Name, Registry
from proscribe.model import Act

ACTIONS = ["designated", "amended", "suspended", "reinstated", "delisted", "annulled"]
START = dt.date(2000, 1, 1)
PROBE_DAYS = [
    START + dt.timedelta(days=d) for d in (0, 20, 40, 300, 400, 401, 1000, 2000, 4100, 5000, 6000, 8000, 9000)
]
PROBE_PUBLISHED = [None, dt.date(2005, 6, 1), dt.date(2012, 1, 1), dt.date(2030, 1, 1)]


@st.composite
def partial_date(draw: st.DrawFn) -> str:
    # Few distinct days, so that same-day acts (where ordering bugs hide) are common.
    day = START + dt.timedelta(days=draw(st.sampled_from([0, 40, 400, 401, 2000, 4100, 6000, 8000])))
    precision = draw(st.sampled_from(["day", "day", "month", "year"]))
    return {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4]}[precision]


@st.composite
def act_sets(draw: st.DrawFn) -> list[Act]:
    count = draw(st.integers(1, 6))
    acts = []
    for index in range(count):
        action = draw(st.sampled_from(ACTIONS))
        fields: dict[str, Any] = {"decided": draw(partial_date())}
        if draw(st.booleans()):
            fields["effective"] = draw(partial_date())
        if draw(st.booleans()):
            fields["published"] = draw(partial_date())
        if action == "annulled":
            fields["effects_maintained"] = draw(st.booleans())
        if draw(st.integers(0, 4)) == 0:
            fields["confidence"] = "disputed"
        entity = draw(st.sampled_from(["group", "group", "predecessor"]))
        acts.append(act(f"act-{index}", action, entity=entity, **fields))
    if len(acts) >= 2 and draw(st.booleans()):
        acts[-1] = acts[-1].model_copy(update={"conflicts_with": [acts[0].id]})
    return acts


def statuses(acts: list[Act]) -> list[tuple[str, str | None]]:
    registry = Registry("sqlite://")
    entities = [
        Entity(id="predecessor", names=[Name(value="Old Front", type="primary")]),
        Entity(
            id="group",
            names=[Name(value="New Front", type="primary")],
            links=[{"type": "successor_of", "target": "predecessor"}],
        ),
    ]
    registry.record(entities, [])
    clock = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    for offset, one in enumerate(acts):
        # Act ids with conflicts must already exist; record those after their targets.
        registry.record([], [one], recorded_at=clock + dt.timedelta(hours=offset))
    answers = []
    for day, published in itertools.product(PROBE_DAYS, PROBE_PUBLISHED):
        result = registry.status_as_of("group", "RU", day, published_by=published)
        answers.append((result.status.value, result.since))
    registry.db.dispose()
    return answers


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(acts=act_sets(), order=st.randoms(use_true_random=False))
def test_recording_order_does_not_change_any_status(acts: list[Act], order: object) -> None:
    shuffled = list(acts)
    order.shuffle(shuffled)  # type: ignore[attr-defined]
    # conflicts_with must point at an already-recorded act: keep the referencing act after its target.
    referencing = [a for a in shuffled if a.conflicts_with]
    shuffled = [a for a in shuffled if not a.conflicts_with] + referencing
    assert statuses(acts) == statuses(shuffled)
