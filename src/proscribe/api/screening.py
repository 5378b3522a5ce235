"""Screening routes: ``/api/screen`` (one name), ``/api/screen/batch`` (many). yente's
``POST /match/{dataset}`` and its other routes are in :mod:`proscribe.api.yente`.

Every screen is recorded in the screening audit under the API key's name.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from proscribe.api.auth import ApiKey, Role
from proscribe.api.deps import (
    ApiError,
    day_param,
    json_response,
    jurisdiction_param,
    limits_of,
    need,
    registry_of,
)
from proscribe.registry import Registry
from proscribe.screening.audit import AuditLog
from proscribe.screening.batch import Row
from proscribe.screening.screener import Screener

router = APIRouter(tags=["screening"])
Reader = Annotated[ApiKey, Depends(need(Role.READER))]
Admin = Annotated[ApiKey, Depends(need(Role.ADMIN))]
Reg = Annotated[Registry, Depends(registry_of)]


def screener_of(request: Request) -> Screener:
    screener: Screener = request.app.state.screener
    return screener


class ScreenRequest(BaseModel):
    name: str = Field(description="The name to screen, in any script.")
    as_of: str | None = Field(None, description="Screen against the lists of this day (default today).")
    jurisdictions: list[str] = Field(
        default_factory=list, description="Only listings of these jurisdictions."
    )
    limit: int = Field(10, ge=1, le=100)


class BatchRequest(BaseModel):
    names: list[str] = Field(description="Names to screen, answered in the same order.")
    as_of: str | None = None
    jurisdictions: list[str] = Field(default_factory=list)
    limit: int = Field(10, ge=1, le=100)


def _codes(values: list[str]) -> list[str]:
    return [code for i, v in enumerate(values) if (code := jurisdiction_param(v, f"jurisdictions[{i}]"))]


def row_json(row: Row) -> dict[str, Any]:
    out: dict[str, Any] = {"query": row.query, "matches": [m.to_json() for m in row.matches]}
    if row.error:
        out["error"] = row.error
    return out


@router.post("/screen", summary="Screen one name: ranked, explained matches with listings as of a date")
def screen_one(key: Reader, request: Request, body: ScreenRequest) -> JSONResponse:
    day = day_param(body.as_of, "as_of") or dt.date.today()
    codes = _codes(body.jurisdictions)
    [row] = screener_of(request).screen_names([body.name], day, codes, body.limit, key.name)
    if row.error:
        raise ApiError(400, f"name: {row.error}", "name")
    return json_response({"as_of": day.isoformat(), **row_json(row)})


@router.post("/screen/batch", summary="Screen many names in one request (at most the batch limit)")
def screen_batch(key: Reader, request: Request, body: BatchRequest) -> JSONResponse:
    limit = limits_of(request).max_batch
    if len(body.names) > limit:
        raise ApiError(413, f"{len(body.names):,} names in one request; the limit is {limit:,}", "names")
    day = day_param(body.as_of, "as_of") or dt.date.today()
    rows = screener_of(request).screen_names(
        body.names, day, _codes(body.jurisdictions), body.limit, key.name
    )
    return json_response({"as_of": day.isoformat(), "results": [row_json(r) for r in rows]})


@router.get("/screen/audit", summary="The screening audit: who screened what, when, against which lists")
def screen_audit(
    _: Admin, registry: Reg, since: Annotated[str | None, Query(description="YYYY-MM-DD")] = None
) -> JSONResponse:
    return json_response({"entries": list(AuditLog(registry.db).entries(day_param(since, "since")))})
