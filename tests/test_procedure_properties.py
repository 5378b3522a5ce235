"""Property tests: allowed steps keep a case valid; refused steps change neither the case nor the journal."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proscribe import Registry
from proscribe.bundled import bundled_records
from proscribe.dates import PartialDate
from proscribe.errors import InputError
from proscribe.procedures.cases import ProcedureCases
from proscribe.procedures.engine import EvidenceItem, StepRequest
from proscribe.procedures.rules import bundled_rules

RULES = [(r.id, r.version) for r in bundled_rules().rules]
ROLES = sorted({role.id for r in bundled_rules().rules for role in r.roles})
STEPS = sorted({s.id for r in bundled_rules().rules for s in r.steps})
ENTITY = {"UN": "al-qaida"}
counter = itertools.count()

attempt = st.tuples(
    st.sampled_from(STEPS),
    st.sampled_from(ROLES),
    st.integers(min_value=-30, max_value=400),  # days after the previous step
    st.booleans(),  # supply every evidence kind the step declares
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rule=st.sampled_from(RULES), attempts=st.lists(attempt, min_size=1, max_size=12))
def test_steps_keep_cases_valid_and_refusals_change_nothing(
    registry: Registry, rule: tuple[str, str], attempts: list[tuple[str, str, int, bool]]
) -> None:
    if not registry.entities.get("taliban"):
        records = bundled_records()
        registry.record(records.entities, records.acts)
    cases = ProcedureCases(registry)
    definition = bundled_rules().get(*rule)
    period = definition.in_force
    start = (
        period.start.latest if period.start.is_known else period.not_before or dt.date(2025, 1, 1)
    ) + dt.timedelta(days=1)
    case = cases.start(
        rule[0], ENTITY.get(definition.jurisdiction, "taliban"), PartialDate.parse(start), version=rule[1],
        case_id=f"prop-{next(counter)}",
    )  # fmt: skip
    day = start
    for step_id, role, offset, with_evidence in attempts:
        # Half the time, pick a step and role the rule allows now, so runs get deep into the procedure.
        possible = definition.steps_from(case.state)
        if possible and offset % 2 == 0:
            chosen = possible[offset % len(possible)]
            step_id, role = chosen.id, chosen.roles[offset % len(chosen.roles)]
        step = definition.step(step_id)
        evidence = (
            [EvidenceItem(kind=e.id, url=f"https://example.org/{e.id}") for e in step.evidence]
            if step and with_evidence
            else []
        )
        on = day + dt.timedelta(days=offset)
        before = (registry.journal.count(), registry.journal.verify().head_hash, cases.get(case.id))
        request = StepRequest(
            step=step_id, actor=role, on=PartialDate.parse(on), evidence=evidence, retrieved=start
        )
        try:
            case, acts = cases.step(case.id, request)
        except InputError as exc:
            assert exc.location and exc.location.startswith(definition.key)
            assert (
                registry.journal.count(),
                registry.journal.verify().head_hash,
                cases.get(case.id),
            ) == before
            continue
        day = on
        stored = cases.get(case.id)
        assert stored == case
        assert stored.state in {s.id for s in definition.states}
        assert all(
            a.earliest <= b.latest
            for a, b in zip((s.on for s in stored.steps), (s.on for s in stored.steps[1:]), strict=False)
        )
        assert registry.journal.count() == before[0] + len(acts)
        assert all(a.procedure == case.id and a.sources for a in acts)
    assert registry.verify().chain.ok
