"""A procedure case as plain data: state, history, next steps and open deadlines.

One report for `proscribe procedure show --json`, the API and the web pages.
"""

from __future__ import annotations

from typing import Any

from proscribe.procedures.cases import ProcedureCases
from proscribe.procedures.engine import Case, available_steps, open_deadlines


def case_report(cases: ProcedureCases, case: Case) -> dict[str, Any]:
    rule = cases.rule_of(case)
    state = rule.state(case.state)
    deadlines = [
        {
            "deadline": d.deadline.id,
            "title": d.deadline.title,
            "kind": d.kind,
            "duration": d.deadline.duration,
            "days": d.deadline.days.value,
            "clock_started": str(d.clock_started),
            "started_by": d.started_by,
            "due_earliest": d.due[0].isoformat() if d.due else None,
            "due_latest": d.due[1].isoformat() if d.due else None,
            "on_expiry": d.deadline.on_expiry,
            "legal_basis": d.deadline.legal_basis,
        }
        for d in open_deadlines(rule, case)
    ]
    due = sorted(d["due_earliest"] for d in deadlines if d["due_earliest"])
    return {
        "id": case.id,
        "rule": rule.key,
        "title": rule.title,
        "entity": case.entity,
        "jurisdiction": case.jurisdiction,
        "started_on": str(case.started_on),
        "state": case.state,
        "state_title": state.title,
        "listing": state.listing.value,
        "finished": state.terminal,
        "history": [s.model_dump(mode="json", exclude_none=True) for s in case.steps],
        "next_steps": [
            {
                "step": s.id,
                "title": s.title,
                "roles": s.roles,
                "evidence_needed": [
                    {"kind": e.id, "description": e.description} for e in s.evidence if e.required
                ],
                "conditions": s.conditions,
            }
            for s in available_steps(rule, case)
        ],
        "deadlines": deadlines,
        "next_deadline": due[0] if due else None,
    }


def case_reports(cases: ProcedureCases) -> list[dict[str, Any]]:
    return [case_report(cases, case) for case in cases.all()]
