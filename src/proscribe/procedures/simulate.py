"""Simulated timelines: every way a procedure can reach an outcome, with the earliest and latest dates.

The first step is taken on the start date; each later step can come at the
earliest on the day of the step before it (or when a waiting period ends) and
at the latest on the last day of the deadline that binds it. Where no
deadline binds a step, its latest date is unknown, and so is every later one
that depends on it: the simulation never invents a period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from proscribe.model import Action
from proscribe.procedures.durations import due_window
from proscribe.procedures.rules import CASE_START, Deadline, ListingEffect, Rule, Step

MAX_PATHS = 500


@dataclass(frozen=True)
class SimulatedStep:
    step: str
    title: str
    earliest: dt.date
    latest: dt.date | None
    emits: list[Action]
    binding: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Timeline:
    outcome: str
    outcome_title: str
    listing: ListingEffect
    steps: list[SimulatedStep]

    @property
    def earliest(self) -> dt.date:
        return self.steps[-1].earliest

    @property
    def latest(self) -> dt.date | None:
        return self.steps[-1].latest


@dataclass(frozen=True)
class OutcomeSummary:
    outcome: str
    title: str
    listing: ListingEffect
    earliest: dt.date
    latest: dt.date | None
    paths: int


def _clock(
    deadline: Deadline, start: dt.date, taken: list[SimulatedStep]
) -> tuple[dt.date, dt.date | None] | None:
    found: tuple[dt.date, dt.date | None] | None = (
        (start, start) if CASE_START in deadline.clock_starts else None
    )
    for done in taken:
        if done.step in deadline.clock_starts:
            found = (done.earliest, done.latest)
    return found


def _window(rule: Rule, step: Step, start: dt.date, taken: list[SimulatedStep]) -> SimulatedStep:
    emits = [e.action for e in step.emits]
    if not taken:
        return SimulatedStep(step.id, step.title, start, start, emits, ["start date"])
    earliest, latest = taken[-1].earliest, taken[-1].latest
    bound: dt.date | None = None
    binding: list[str] = []
    for deadline in rule.deadlines:
        if step.id not in deadline.steps or deadline.length is None:
            continue
        clock = _clock(deadline, start, taken)
        if clock is None:
            continue
        first, last = clock
        due_first, due_last = due_window((first, last or first), deadline.length, deadline.days)
        if deadline.kind == "not_before":
            if due_first > earliest:
                earliest = due_first
                binding.append(f"{deadline.id}: not before {due_first}")
        elif last is not None:
            bound = due_last if bound is None else min(bound, due_last)
            binding.append(f"{deadline.id}: by {due_last}")
    # A step bound by a deadline is due by then even when the step before it had no known latest date.
    latest = bound if bound is not None else None
    if latest is not None and latest < earliest:
        latest = earliest
    return SimulatedStep(step.id, step.title, earliest, latest, emits, binding)


def simulate(rule: Rule, start: dt.date, state: str | None = None) -> list[Timeline]:
    """Every simple path (no step twice, no step that returns to its own state) to a terminal state."""
    timelines: list[Timeline] = []

    def walk(current: str, taken: list[SimulatedStep]) -> None:
        if len(timelines) >= MAX_PATHS:
            return
        if rule.state(current).terminal and taken:
            target = rule.state(current)
            timelines.append(Timeline(target.id, target.title, target.listing, list(taken)))
            return
        used = {s.step for s in taken}
        for step in rule.steps_from(current):
            if step.id in used or step.to == current:
                continue
            walk(step.to, [*taken, _window(rule, step, start, taken)])

    walk(state or rule.initial, [])
    return timelines


def outcomes(timelines: list[Timeline]) -> list[OutcomeSummary]:
    """Earliest and latest date of each outcome over all paths (latest unknown if any path's is)."""
    grouped: dict[str, list[Timeline]] = {}
    for timeline in timelines:
        grouped.setdefault(timeline.outcome, []).append(timeline)
    result: list[OutcomeSummary] = []
    for outcome, group in grouped.items():
        latest_dates = [t.latest for t in group]
        result.append(
            OutcomeSummary(
                outcome,
                group[0].outcome_title,
                group[0].listing,
                min(t.earliest for t in group),
                None
                if any(d is None for d in latest_dates)
                else max(d for d in latest_dates if d is not None),
                len(group),
            )
        )
    return result
