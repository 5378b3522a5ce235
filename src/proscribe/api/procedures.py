"""Procedure cases: read them with their next steps and deadlines; start cases and take steps (analyst+)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from proscribe.api.auth import ApiKey, Role
from proscribe.api.deps import json_response, keys_of, need, registry_of
from proscribe.dates import PartialDate
from proscribe.errors import InputError
from proscribe.procedures.cases import ProcedureCases
from proscribe.procedures.engine import StepRequest
from proscribe.procedures.report import case_report as _case_report
from proscribe.procedures.rules import bundled_rules
from proscribe.registry import Registry

router = APIRouter(tags=["procedures"])
Reader = Annotated[ApiKey, Depends(need(Role.READER))]
Analyst = Annotated[ApiKey, Depends(need(Role.ANALYST))]
Reg = Annotated[Registry, Depends(registry_of)]


class StartCase(BaseModel):
    rule: str
    entity: str
    started_on: str
    version: str | None = None
    id: str | None = None
    state: str | None = None


@router.get("/procedures/rules", summary="Procedure rules and their periods of validity")
def rules(_: Reader) -> JSONResponse:
    return json_response({"rules": [r.summary() for r in bundled_rules().rules]})


@router.get("/procedures/cases", summary="Every case: state, next steps, open deadlines")
def list_cases(_: Reader, registry: Reg) -> JSONResponse:
    cases = ProcedureCases(registry)
    return json_response({"cases": [_case_report(cases, case) for case in cases.all()]})


@router.get("/procedures/cases/{case_id}", summary="One case with its history, next steps and deadlines")
def get_case(_: Reader, registry: Reg, case_id: str) -> JSONResponse:
    cases = ProcedureCases(registry)
    return json_response(_case_report(cases, cases.get(case_id)))


@router.post("/procedures/cases", status_code=201, summary="Open a case under the rule version in force")
def start_case(key: Analyst, registry: Reg, request: Request, body: StartCase) -> JSONResponse:
    try:
        started = PartialDate.parse(body.started_on)
    except ValueError as exc:
        raise InputError(str(exc), location="started_on") from None
    cases = ProcedureCases(registry)
    case = cases.start(
        body.rule, body.entity, started, version=body.version, case_id=body.id, state=body.state
    )
    keys_of(request).audit(key, "procedures.start", case.id, body.model_dump(exclude_none=True))
    return json_response(_case_report(cases, case), 201)


@router.post(
    "/procedures/cases/{case_id}/steps",
    status_code=201,
    summary="Record a completed step; its acts are appended",
)
def take_step(key: Analyst, registry: Reg, request: Request, case_id: str, body: StepRequest) -> JSONResponse:
    cases = ProcedureCases(registry)
    case, acts = cases.step(case_id, body)
    keys_of(request).audit(
        key,
        "procedures.step",
        case_id,
        {"step": body.step, "acts": [a.id for a in acts], "state": case.state},
    )
    on_record = getattr(request.app.state, "on_record", None)
    if on_record is not None and acts:
        on_record([a.id for a in acts], key)
    return json_response({**_case_report(cases, case), "acts": [a.id for a in acts]}, 201)
