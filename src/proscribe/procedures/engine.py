"""The procedure state machine, as pure functions: a case and a step request in, a new case and acts out.

Nothing here touches the database. A step that the rule does not allow
raises :class:`StepRefused`, an :class:`~proscribe.errors.InputError` whose
location names the rule version and step that forbid it, and the case is
returned unchanged (it is immutable).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pydantic import Field

from proscribe.dates import PartialDate
from proscribe.errors import InputError
from proscribe.model import STATUS_ACTIONS, Act, Day, LegalDate, Model, Source
from proscribe.procedures.durations import due_window
from proscribe.procedures.rules import CASE_START, Deadline, Emission, Evidence, Rule, Step


class StepRefused(InputError):
    """A step the rule forbids; ``location`` is ``rule@version:step``."""


class EvidenceItem(Model):
    """A document or page supporting a step: a URL, or a file identified by its SHA-256."""

    kind: str
    url: str | None = None
    path: str | None = None
    sha256: str | None = None

    def source(self, retrieved: dt.date) -> Source:
        if self.url:
            return Source(url=self.url, retrieved=retrieved, note=f"evidence: {self.kind}")
        return Source(
            document_hash=f"sha256:{self.sha256}",
            title=self.path,
            retrieved=retrieved,
            note=f"evidence: {self.kind}",
        )


class StepRequest(Model):
    """What someone asks to record: step STEP taken by ROLE on a date, with evidence.

    ``decided``/``effective``/``published`` fill the emitted acts' dates that
    the rule leaves to be ``given``; ``retrieved`` is when the evidence was read.
    """

    step: str
    actor: str
    on: LegalDate
    evidence: list[EvidenceItem] = Field(default_factory=list)
    decided: LegalDate | None = None
    effective: LegalDate | None = None
    published: LegalDate | None = None
    authority: str | None = None
    instrument: str | None = None
    retrieved: Day


class StepTaken(Model):
    seq: int
    step: str
    actor: str
    on: LegalDate
    state_before: str
    state_after: str
    evidence: list[EvidenceItem] = Field(default_factory=list)
    acts: list[str] = Field(default_factory=list)
    recorded_at: dt.datetime | None = None


class Case(Model):
    id: str
    rule_id: str
    rule_version: str
    entity: str
    jurisdiction: str
    started_on: LegalDate
    initial_state: str
    steps: list[StepTaken] = Field(default_factory=list)

    @property
    def state(self) -> str:
        return self.steps[-1].state_after if self.steps else self.initial_state

    def last(self, step_id: str) -> StepTaken | None:
        return next((s for s in reversed(self.steps) if s.step == step_id), None)


def start_case(
    rule: Rule, case_id: str, entity: str, started_on: PartialDate, state: str | None = None
) -> Case:
    where = f"{rule.key}:states"
    chosen = state or rule.initial
    if chosen not in {s.id for s in rule.states}:
        raise StepRefused(
            f"state '{chosen}' does not exist (states: {', '.join(s.id for s in rule.states)})", where
        )
    if rule.state(chosen).terminal:
        raise StepRefused(f"state '{chosen}' ends the procedure; a case cannot start there", where)
    return Case(
        id=case_id,
        rule_id=rule.id,
        rule_version=rule.version,
        entity=entity,
        jurisdiction=rule.jurisdiction,
        started_on=started_on,
        initial_state=chosen,
    )


# -- deadlines -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OpenDeadline:
    """A deadline whose clock is running in a case. ``due`` is None when its length is unknown."""

    deadline: Deadline
    clock_started: PartialDate
    started_by: str
    due: tuple[dt.date, dt.date] | None

    @property
    def kind(self) -> str:
        return self.deadline.kind


def _clock_start(deadline: Deadline, case: Case) -> tuple[PartialDate, str, int] | None:
    """The latest clock-starting event that has happened: (date, event, position in the case)."""
    best: tuple[PartialDate, str, int] | None = None
    if CASE_START in deadline.clock_starts:
        best = (case.started_on, CASE_START, -1)
    for index, taken in enumerate(case.steps):
        if taken.step in deadline.clock_starts:
            best = (taken.on, taken.step, index)
    return best


def reachable_steps(rule: Rule, state: str) -> set[str]:
    """Steps that can still be taken, now or later, from ``state``."""
    seen_states, steps, frontier = {state}, set(), [state]
    while frontier:
        for step in rule.steps_from(frontier.pop()):
            steps.add(step.id)
            if step.to not in seen_states:
                seen_states.add(step.to)
                frontier.append(step.to)
    return steps


def open_deadlines(rule: Rule, case: Case) -> list[OpenDeadline]:
    """Deadlines started and not yet met, for steps that can still be taken from the current state."""
    available = reachable_steps(rule, case.state)
    result: list[OpenDeadline] = []
    for deadline in rule.deadlines:
        start = _clock_start(deadline, case)
        if start is None or not available & set(deadline.steps):
            continue
        on, event, index = start
        if any(taken.step in deadline.steps for taken in case.steps[index + 1 :]):
            continue
        length = deadline.length
        due = due_window((on.earliest, on.latest), length, deadline.days) if length and on.is_known else None
        result.append(OpenDeadline(deadline, on, event, due))
    return result


# -- taking a step -------------------------------------------------------------------------------------


def available_steps(rule: Rule, case: Case) -> list[Step]:
    return rule.steps_from(case.state)


def _refuse(rule: Rule, step: str, message: str) -> StepRefused:
    return StepRefused(message, location=f"{rule.key}:steps.{step}")


def _match_evidence(rule: Rule, step: Step, items: list[EvidenceItem]) -> list[EvidenceItem]:
    """Give each item a kind the step declares; bare items fill the single kind still missing."""
    declared = {e.id for e in step.evidence}
    named = {item.kind for item in items if item.kind}
    matched: list[EvidenceItem] = []
    for item in items:
        if item.kind:
            if declared and item.kind not in declared:
                raise _refuse(
                    rule,
                    step.id,
                    f"evidence kind '{item.kind}' is not one this step takes ({', '.join(sorted(declared))})",
                )
            matched.append(item)
            continue
        open_kinds = [e.id for e in step.evidence if e.id not in named]
        if not declared:
            matched.append(item.model_copy(update={"kind": "supporting"}))
        elif len(open_kinds) == 1:
            named.add(open_kinds[0])
            matched.append(item.model_copy(update={"kind": open_kinds[0]}))
        else:
            raise _refuse(
                rule,
                step.id,
                f"say which evidence '{item.url or item.path}' is: KIND=FILE_OR_URL with KIND one of "
                f"{', '.join(e.id for e in step.evidence)}",
            )
    return matched


def missing_evidence(step: Step, items: list[EvidenceItem]) -> list[Evidence]:
    supplied = {item.kind for item in items}
    return [e for e in step.evidence if e.required and e.id not in supplied]


def _resolve_date(
    spec: str, given: PartialDate | None, request: StepRequest, case: Case
) -> PartialDate | None:
    if spec == "none":
        return None
    if spec == "step":
        return request.on
    if spec == "given":
        return given if given is not None else PartialDate()
    if spec.startswith("step:"):
        earlier = case.last(spec.removeprefix("step:"))
        return earlier.on if earlier else PartialDate()
    return PartialDate()


def _emitted_act(
    rule: Rule,
    case: Case,
    step: Step,
    emission: Emission,
    request: StepRequest,
    act_id: str,
    evidence: list[EvidenceItem],
) -> Act:
    role = rule.role(request.actor)
    sources = [item.source(request.retrieved) for item in evidence] + rule.cited(step.sources)
    note = f"Emitted by procedure case {case.id} (rule {rule.key}), step '{step.id}': {step.title}."
    if emission.note:
        note += f" {emission.note[0].upper()}{emission.note[1:]}."
    return Act(
        id=act_id,
        jurisdiction=rule.jurisdiction,
        action=emission.action,
        entities=[case.entity],
        list_id=rule.list_id if emission.action in STATUS_ACTIONS else None,
        reason=emission.reason,
        decided=_resolve_date(emission.decided, request.decided, request, case),
        effective=_resolve_date(emission.effective, request.effective, request, case),
        published=_resolve_date(emission.published, request.published, request, case),
        authority=request.authority or (role.title if role else request.actor),
        legal_basis=step.legal_basis,
        instrument=request.instrument,
        sources=sources,
        procedure=case.id,
        notes=note,
    )


def take_step(rule: Rule, case: Case, request: StepRequest) -> tuple[Case, list[Act]]:
    """Check ``request`` against the rule and return the case after it and the acts it emits.

    Refused (with the rule and step named): a step the rule does not have, a
    step not allowed from the current state, an actor whose role may not take
    it, a date certainly before the previous step (or the case start) or
    before a waiting period ends, missing required evidence, and dates the
    rule sets itself.
    """
    if (rule.id, rule.version) != (case.rule_id, case.rule_version):
        raise _refuse(rule, request.step, f"case {case.id} follows {case.rule_id}@{case.rule_version}")
    step = rule.step(request.step)
    if step is None:
        raise _refuse(
            rule, request.step, f"no step '{request.step}' (steps: {', '.join(s.id for s in rule.steps)})"
        )
    if case.state not in step.from_states:
        possible = ", ".join(s.id for s in rule.steps_from(case.state)) or "none"
        raise _refuse(
            rule,
            step.id,
            f"'{step.id}' may be taken only from {', '.join(step.from_states)}; case {case.id} is at "
            f"'{case.state}' (possible steps: {possible})",
        )
    if request.actor not in step.roles:
        raise _refuse(
            rule, step.id, f"role '{request.actor}' may not take this step (allowed: {', '.join(step.roles)})"
        )
    if not request.on.is_known:
        raise _refuse(rule, step.id, "the step needs a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    previous = case.steps[-1].on if case.steps else case.started_on
    previous_name = f"step '{case.steps[-1].step}'" if case.steps else "the case start"
    if previous.is_known and request.on.latest < previous.earliest:
        raise _refuse(rule, step.id, f"date {request.on} is before {previous_name} ({previous})")
    for waiting in open_deadlines(rule, case):
        waits = waiting.kind == "not_before" and step.id in waiting.deadline.steps
        if waits and waiting.due and request.on.latest < waiting.due[0]:
            raise StepRefused(
                f"'{step.id}' may not be taken before {waiting.due[0]} ({waiting.deadline.duration} after "
                f"{waiting.deadline.event}; {waiting.deadline.legal_basis})",
                location=f"{rule.key}:deadlines.{waiting.deadline.id}",
            )
    for field in ("decided", "effective", "published"):
        if getattr(request, field) is not None and all(getattr(e, field) != "given" for e in step.emits):
            raise _refuse(
                rule,
                step.id,
                f"the rule sets the {field} date of this step's acts; --{field} is not accepted",
            )
    evidence = _match_evidence(rule, step, request.evidence)
    missing = missing_evidence(step, evidence)
    if missing:
        raise _refuse(
            rule,
            step.id,
            "missing evidence: " + "; ".join(f"{e.id} ({e.description})" for e in missing),
        )
    seq = len(case.steps) + 1
    base = f"{case.id}-s{seq}-{step.id}"
    acts = [
        _emitted_act(
            rule, case, step, emission, request, base if len(step.emits) == 1 else f"{base}-{i + 1}", evidence
        )
        for i, emission in enumerate(step.emits)
    ]
    taken = StepTaken(
        seq=seq,
        step=step.id,
        actor=request.actor,
        on=request.on,
        state_before=case.state,
        state_after=step.to,
        evidence=evidence,
        acts=[a.id for a in acts],
    )
    return case.model_copy(update={"steps": [*case.steps, taken]}), acts
