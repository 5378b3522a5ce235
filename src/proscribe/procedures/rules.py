"""Rule files: one procedure in one period of validity, validated by a pydantic schema.

A rule names its states, the steps between them (who may take each, what
evidence it needs, which acts it emits), and its deadlines (an ISO 8601
duration, how days are counted, and the event that starts the clock). Every
step and every deadline cites its legal basis and sources; a deadline whose
length no source gives is ``unknown``, never guessed.

Rules change: a case started on date D uses the version in force on D
(:func:`RuleBook.in_force`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, field_validator, model_validator

from proscribe.dates import PartialDate
from proscribe.errors import InputError
from proscribe.jurisdictions import normalise_jurisdiction
from proscribe.model import SLUG, Action, Day, DelistReason, LegalDate, Model, Source
from proscribe.procedures.durations import DayCount, Duration
from proscribe.records import parse_yaml, read_text_file, validation_problem

CASE_START = "case_start"
STATUS_ACTIONS_FOR_RULES = {
    Action.DESIGNATED,
    Action.AMENDED,
    Action.SUSPENDED,
    Action.REINSTATED,
    Action.DELISTED,
}


class ListingEffect(StrEnum):
    """What a state means for the entity's listing (``unchanged``: the procedure has not changed it)."""

    LISTED = "listed"
    SUSPENDED = "suspended"
    DELISTED = "delisted"
    NOT_LISTED = "not_listed"
    UNCHANGED = "unchanged"


def _slug(value: str) -> str:
    if not SLUG.match(value):
        raise ValueError(f"'{value}' is not a valid id (lowercase letters, digits, '.', '_', '-')")
    return value


class Role(Model):
    id: str
    title: str = Field(min_length=1)
    note: str | None = None

    _check_id = field_validator("id")(_slug)


class State(Model):
    id: str
    title: str = Field(min_length=1)
    listing: ListingEffect = ListingEffect.UNCHANGED
    terminal: bool = False

    _check_id = field_validator("id")(_slug)


class Evidence(Model):
    id: str
    description: str = Field(min_length=1)
    required: bool = True

    _check_id = field_validator("id")(_slug)


def _check_date_spec(value: str) -> str:
    if value in {"step", "given", "unknown", "none"} or value.startswith("step:"):
        return value
    raise ValueError(f"'{value}' is not a date rule (use step, step:<step id>, given, unknown or none)")


class Emission(Model):
    """An act a step emits. Dates: ``step`` (the step's date), ``step:<id>`` (an earlier step's date),
    ``given`` (supplied with the step, else unknown), ``unknown``, or ``none`` (not applicable, as for
    a petition's effective date)."""

    action: Action
    reason: DelistReason | None = None
    decided: str = "step"
    effective: str = "step"
    published: str = "given"
    note: str | None = None

    _check_dates = field_validator("decided", "effective", "published")(_check_date_spec)

    def referenced_steps(self) -> list[str]:
        return [
            spec.removeprefix("step:")
            for spec in (self.decided, self.effective, self.published)
            if spec.startswith("step:")
        ]


class Step(Model):
    id: str
    title: str = Field(min_length=1)
    from_states: list[str] = Field(alias="from", min_length=1)
    to: str
    roles: list[str] = Field(min_length=1)
    evidence: list[Evidence] = Field(default_factory=list)
    emits: list[Emission] = Field(default_factory=list)
    conditions: list[str] = Field(default_factory=list)
    legal_basis: str = Field(min_length=1)
    sources: list[str] = Field(min_length=1)

    _check_id = field_validator("id")(_slug)


class Deadline(Model):
    """A period the law sets. ``kind: by`` — one of ``steps`` must be taken by the due day;
    ``kind: not_before`` — none of ``steps`` may be taken earlier.

    The clock runs from the latest of the ``clock_starts`` events that has happened
    (``case_start`` or a step id), so a review step restarts a periodic review.
    ``on_expiry`` names a step the law deems taken when a ``by`` deadline passes.
    """

    id: str
    title: str = Field(min_length=1)
    kind: Literal["by", "not_before"] = "by"
    duration: str
    days: DayCount
    clock_starts: list[str] = Field(min_length=1)
    event: str = Field(min_length=1)
    steps: list[str] = Field(min_length=1)
    on_expiry: str | None = None
    legal_basis: str = Field(min_length=1)
    sources: list[str] = Field(min_length=1)

    _check_id = field_validator("id")(_slug)

    @field_validator("duration")
    @classmethod
    def _check_duration(cls, value: str) -> str:
        if value != "unknown":
            Duration.parse(value)
        return value

    @property
    def length(self) -> Duration | None:
        return None if self.duration == "unknown" else Duration.parse(self.duration)


class Period(Model):
    """When a rule version applies; ``unknown`` bounds are kept as unknown."""

    start: LegalDate = Field(alias="from")
    end: LegalDate | None = Field(default=None, alias="to")
    # A sourced bound on an unknown start: the amending bill was still being debated on that day.
    not_before: Day | None = None
    note: str | None = None

    def certainly_covers(self, day: PartialDate) -> bool:
        if not self.start.is_known:
            return False
        after_start = self.start.latest <= day.earliest
        before_end = self.end is None or (self.end.is_known and day.latest < self.end.earliest)
        return after_start and before_end

    def possibly_covers(self, day: PartialDate) -> bool:
        if self.start.is_known:
            after_start = self.start.earliest <= day.latest
        else:
            after_start = self.not_before is None or self.not_before <= day.latest
        before_end = self.end is None or not self.end.is_known or day.earliest < self.end.latest
        return after_start and before_end

    def __str__(self) -> str:
        return f"{self.start} to {self.end if self.end is not None else 'now'}"


class Rule(Model):
    id: str
    version: str
    title: str = Field(min_length=1)
    jurisdiction: str
    list_id: str | None = Field(default=None, alias="list")
    legal_basis: str = Field(min_length=1)
    in_force: Period
    sources: dict[str, Source] = Field(min_length=1)
    roles: list[Role] = Field(min_length=1)
    states: list[State] = Field(min_length=2)
    initial: str
    steps: list[Step] = Field(min_length=1)
    deadlines: list[Deadline] = Field(default_factory=list)
    notes: str | None = None

    _check_id = field_validator("id", "version")(_slug)

    def summary(self) -> dict[str, str | None]:
        """The rule version in one line of JSON (``procedure rules --json``, ``GET /api/procedures/rules``)."""
        return {
            "id": self.id,
            "version": self.version,
            "title": self.title,
            "jurisdiction": self.jurisdiction,
            "in_force_from": str(self.in_force.start),
            "in_force_to": str(self.in_force.end) if self.in_force.end else None,
        }

    @field_validator("jurisdiction")
    @classmethod
    def _check_jurisdiction(cls, value: str) -> str:
        return normalise_jurisdiction(value)

    @model_validator(mode="after")
    def _check_references(self) -> Rule:
        states = _unique([s.id for s in self.states], "states")
        roles = _unique([r.id for r in self.roles], "roles")
        steps = _unique([s.id for s in self.steps], "steps")
        _unique([d.id for d in self.deadlines], "deadlines")
        if self.initial not in states:
            raise ValueError(f"initial state '{self.initial}' is not declared in states")
        for step in self.steps:
            where = f"step '{step.id}'"
            for state in [*step.from_states, step.to]:
                if state not in states:
                    raise ValueError(f"{where}: state '{state}' is not declared in states")
            for role in step.roles:
                if role not in roles:
                    raise ValueError(f"{where}: role '{role}' is not declared in roles")
            self._check_sources(step.sources, where)
            for emission in step.emits:
                if emission.action in STATUS_ACTIONS_FOR_RULES and not self.list_id:
                    raise ValueError(f"{where}: emits '{emission.action.value}' but the rule names no list")
                for ref in emission.referenced_steps():
                    if ref not in steps:
                        raise ValueError(f"{where}: date rule refers to unknown step '{ref}'")
            _unique([e.id for e in step.evidence], f"{where} evidence")
        for deadline in self.deadlines:
            where = f"deadline '{deadline.id}'"
            for ref in [*deadline.steps, *([deadline.on_expiry] if deadline.on_expiry else [])]:
                if ref not in steps:
                    raise ValueError(f"{where}: unknown step '{ref}'")
            for ref in deadline.clock_starts:
                if ref != CASE_START and ref not in steps:
                    raise ValueError(f"{where}: clock starts at unknown step '{ref}' (or use case_start)")
            self._check_sources(deadline.sources, where)
        return self

    def _check_sources(self, keys: list[str], where: str) -> None:
        for key in keys:
            if key not in self.sources:
                raise ValueError(f"{where}: source '{key}' is not declared in sources")

    @property
    def key(self) -> str:
        return f"{self.id}@{self.version}"

    def state(self, state_id: str) -> State:
        return next(s for s in self.states if s.id == state_id)

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def role(self, role_id: str) -> Role | None:
        return next((r for r in self.roles if r.id == role_id), None)

    def steps_from(self, state_id: str) -> list[Step]:
        return [s for s in self.steps if state_id in s.from_states]

    def cited(self, keys: list[str]) -> list[Source]:
        return [self.sources[key] for key in keys]


def _unique(ids: list[str], what: str) -> set[str]:
    seen: set[str] = set()
    for ident in ids:
        if ident in seen:
            raise ValueError(f"{what}: '{ident}' is declared twice")
        seen.add(ident)
    return seen


def _location(prefix: str, loc: tuple[int | str, ...]) -> str:
    text = prefix
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def parse_rule(data: Any, path: str) -> Rule:
    if not isinstance(data, dict):
        raise InputError("expected a mapping (a rule)", location=path)
    try:
        return Rule.model_validate(data)
    except ValidationError as exc:
        loc, message = validation_problem(exc)
        label = f"{path}:" + (str(data.get("id")) if isinstance(data.get("id"), str) else "rule")
        raise InputError(message, location=_location(label, loc)) from None


def read_rule_file(path: Path) -> Rule:
    return parse_rule(parse_yaml(read_text_file(path), str(path)), str(path))


@dataclass(frozen=True)
class RuleBook:
    """All rule versions, by id and version."""

    rules: tuple[Rule, ...]

    @classmethod
    def from_paths(cls, paths: list[Path]) -> RuleBook:
        rules = [read_rule_file(path) for path in sorted(paths)]
        seen: dict[str, Path] = {}
        for rule, path in zip(rules, sorted(paths), strict=True):
            if rule.key in seen:
                raise InputError(f"rule {rule.key} is also defined in {seen[rule.key]}", location=str(path))
            seen[rule.key] = path
        return cls(tuple(rules))

    def ids(self) -> list[str]:
        return sorted({r.id for r in self.rules})

    def versions(self, rule_id: str) -> list[Rule]:
        found = [r for r in self.rules if r.id == rule_id]
        if not found:
            raise InputError(
                f"no procedure rule '{rule_id}' (known: {', '.join(self.ids())})", location=rule_id
            )
        return sorted(found, key=lambda r: r.in_force.start.earliest)

    def get(self, rule_id: str, version: str) -> Rule:
        for rule in self.versions(rule_id):
            if rule.version == version:
                return rule
        known = ", ".join(r.version for r in self.versions(rule_id))
        raise InputError(f"rule '{rule_id}' has no version '{version}' (known: {known})", location=rule_id)

    def in_force(self, rule_id: str, day: PartialDate, version: str | None = None) -> Rule:
        """The version of ``rule_id`` in force on ``day``.

        A version whose period certainly covers the day wins; failing that, a
        single version that possibly covers it (its bounds are unknown). Two
        possible versions is an error that asks for ``version``.
        """
        if version is not None:
            rule = self.get(rule_id, version)
            if not rule.in_force.possibly_covers(day):
                raise InputError(
                    f"version '{version}' is in force {rule.in_force}, not on {day}", location=rule.key
                )
            return rule
        versions = self.versions(rule_id)
        certain = [r for r in versions if r.in_force.certainly_covers(day)]
        if len(certain) == 1:
            return certain[0]
        possible = [r for r in versions if r.in_force.possibly_covers(day)]
        if len(possible) == 1:
            return possible[0]
        periods = "; ".join(f"{r.version}: {r.in_force}" for r in versions)
        if not possible:
            raise InputError(f"no version of the rules was in force on {day} ({periods})", location=rule_id)
        raise InputError(
            f"the rules in force on {day} are uncertain ({periods}); choose one with --rule-version",
            location=rule_id,
        )


RULES_PACKAGE = "proscribe.procedures"


def bundled_rule_paths() -> list[Path]:
    folder = resources.files(RULES_PACKAGE).joinpath("rules")
    return sorted(Path(str(item)) for item in folder.iterdir() if item.name.endswith(".yaml"))


@functools.cache
def bundled_rules() -> RuleBook:
    return RuleBook.from_paths(bundled_rule_paths())
