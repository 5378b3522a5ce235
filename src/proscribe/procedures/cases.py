"""Storing procedure cases and their steps; a completed step appends its acts in the same transaction.

Either the step row, the case's new state and every emitted act land
together, or nothing does: a refused step leaves case and journal unchanged.
"""

from __future__ import annotations

import datetime as dt
import re

import orjson
import sqlalchemy as sa

from proscribe.dates import PartialDate
from proscribe.errors import InputError, NotFound
from proscribe.journal import utc_now
from proscribe.model import Act
from proscribe.procedures.engine import Case, StepRequest, StepTaken, start_case, take_step
from proscribe.procedures.rules import Rule, RuleBook, bundled_rules
from proscribe.registry import Registry
from proscribe.store import tables as t


def _json(model: Case | StepTaken) -> str:
    return orjson.dumps(model.model_dump(mode="json", by_alias=True, exclude_none=True)).decode()


def _stamp(instant: dt.datetime) -> str:
    return instant.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


class ProcedureCases:
    """Procedure cases in a registry's database, checked against a rule book (the bundled rules by default)."""

    def __init__(self, registry: Registry, rules: RuleBook | None = None) -> None:
        self.registry = registry
        self.rules = rules or bundled_rules()

    def rule_of(self, case: Case) -> Rule:
        return self.rules.get(case.rule_id, case.rule_version)

    # -- writing -----------------------------------------------------------------

    def start(
        self,
        rule_id: str,
        entity: str,
        started_on: PartialDate,
        *,
        version: str | None = None,
        case_id: str | None = None,
        state: str | None = None,
    ) -> Case:
        """Open a case under the rule version in force on ``started_on``."""
        if not started_on.is_known:
            raise InputError("a case needs a start date", location="--date")
        rule = self.rules.in_force(rule_id, started_on, version)
        subject = self.registry.resolve(entity)
        ident = case_id or self._new_id(rule.id, subject.id, started_on)
        if not re.match(r"^[a-z0-9][a-z0-9._-]*$", ident):
            raise InputError(
                f"'{ident}' is not a valid case id (lowercase letters, digits, '.', '_', '-')", "--id"
            )
        case = start_case(rule, ident, subject.id, started_on, state)
        with self.registry.db.writing() as conn, conn.begin():
            if conn.execute(sa.select(t.procedure_cases.c.id).where(t.procedure_cases.c.id == ident)).first():
                raise InputError(f"case '{ident}' already exists", location="--id")
            conn.execute(
                t.procedure_cases.insert().values(
                    id=case.id,
                    rule_id=case.rule_id,
                    rule_version=case.rule_version,
                    entity_id=case.entity,
                    jurisdiction=case.jurisdiction,
                    started_on=str(case.started_on),
                    state=case.state,
                    created_at=_stamp(utc_now()),
                    body=_json(case),
                )
            )
        return case

    def _new_id(self, rule_id: str, entity: str, started_on: PartialDate) -> str:
        base = f"{rule_id}-{entity}-{started_on}"
        with self.registry.db.reading() as conn:
            taken = {
                row.id
                for row in conn.execute(
                    sa.select(t.procedure_cases.c.id).where(t.procedure_cases.c.id.like(f"{base}%"))
                )
            }
        ident, n = base, 1
        while ident in taken:
            n += 1
            ident = f"{base}-{n}"
        return ident

    def step(
        self, case_id: str, request: StepRequest, *, recorded_at: dt.datetime | None = None
    ) -> tuple[Case, list[Act]]:
        """Take a step: check it against the rule, then store it and append its acts in one transaction."""
        case = self.get(case_id)
        rule = self.rule_of(case)
        after, acts = take_step(rule, case, request)
        stamp = recorded_at or utc_now()
        taken = after.steps[-1].model_copy(update={"recorded_at": stamp})
        with self.registry.db.writing() as conn, conn.begin():
            self.registry.journal.append(acts, recorded_at=stamp, connection=conn)
            conn.execute(
                t.procedure_steps.insert().values(
                    case_id=case.id,
                    seq=taken.seq,
                    step=taken.step,
                    actor=taken.actor,
                    on_date=str(taken.on),
                    recorded_at=_stamp(stamp),
                    body=_json(taken),
                )
            )
            updated = conn.execute(
                t.procedure_cases.update()
                .where(t.procedure_cases.c.id == case.id, t.procedure_cases.c.state == case.state)
                .values(state=after.state)
            )
            if updated.rowcount != 1:
                raise InputError(f"case '{case.id}' changed while this step was checked; try again", case.id)
        return after.model_copy(update={"steps": [*case.steps, taken]}), acts

    # -- reading -----------------------------------------------------------------

    def get(self, case_id: str) -> Case:
        with self.registry.db.reading() as conn:
            row = conn.execute(
                sa.select(t.procedure_cases.c.body).where(t.procedure_cases.c.id == case_id)
            ).first()
            if row is None:
                raise NotFound(f"no procedure case '{case_id}' (see `proscribe procedure list`)")
            steps = [
                StepTaken.model_validate_json(r.body)
                for r in conn.execute(
                    sa.select(t.procedure_steps.c.body)
                    .where(t.procedure_steps.c.case_id == case_id)
                    .order_by(t.procedure_steps.c.seq)
                )
            ]
        header = Case.model_validate_json(row.body)
        return header.model_copy(update={"steps": steps})

    def all(self) -> list[Case]:
        with self.registry.db.reading() as conn:
            ids = [
                r.id for r in conn.execute(sa.select(t.procedure_cases.c.id).order_by(t.procedure_cases.c.id))
            ]
        return [self.get(ident) for ident in ids]
