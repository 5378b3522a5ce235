"""Screening routes: ``/api/screen`` (one name), ``/api/screen/batch`` (many), and a
yente-compatible ``POST /match/{dataset}`` so clients written for yente work unchanged.

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
from proscribe.screening import THRESHOLD, Match
from proscribe.screening.audit import AuditLog
from proscribe.screening.batch import Row
from proscribe.screening.screener import Screener

router = APIRouter(tags=["screening"])
match_router = APIRouter(tags=["screening"])
Reader = Annotated[ApiKey, Depends(need(Role.READER))]
Admin = Annotated[ApiKey, Depends(need(Role.ADMIN))]
Reg = Annotated[Registry, Depends(registry_of)]
DATASETS = ("default", "proscribe")


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


# -- yente compatibility ------------------------------------------------------------------------------


class EntityExample(BaseModel):
    id: str | None = None
    schema_: str = Field("LegalEntity", alias="schema")
    properties: dict[str, str | list[Any]] = Field(default_factory=dict)


class EntityMatchQuery(BaseModel):
    weights: dict[str, float] = Field(default_factory=dict)
    queries: dict[str, EntityExample]


NAME_PROPERTIES = ("name", "alias", "previousName", "weakAlias")
MATCHER = {
    "proscribe_name": {
        "description": "proscribe's name score (0-1): normalised names across scripts, explained per match.",
        "coefficient": 1.0,
        "url": "https://github.com/proscribe/proscribe/blob/main/docs/screening.md",
    }
}


def _as_list(value: str | list[Any]) -> list[str]:
    return [value] if isinstance(value, str) else [str(v) for v in value]


def _names(example: EntityExample) -> list[str]:
    names: list[str] = []
    for prop in NAME_PROPERTIES:
        value = example.properties.get(prop, [])
        names += [value] if isinstance(value, str) else [str(v) for v in value]
    first = example.properties.get("firstName", [])
    last = example.properties.get("lastName", [])
    if first or last:
        names.append(" ".join([*_as_list(first), *_as_list(last)]))
    return [n for n in dict.fromkeys(n.strip() for n in names) if n]


def _scored(match: Match, dataset: str, threshold: float) -> dict[str, Any]:
    listed = [x for x in match.listings if x.status in ("listed", "suspended")]
    return {
        "id": match.entity_id,
        "caption": match.caption,
        "schema": "Organization",
        "properties": {
            "name": [match.caption],
            "alias": [n for n in match.names if n != match.caption],
            "topics": ["sanction"] if listed else [],
            "notes": [
                f"{x.jurisdiction} {x.list}: {x.status}" + (f" since {x.since}" if x.since else "")
                for x in match.listings
            ],
        },
        "datasets": [dataset],
        "referents": [],
        "target": bool(listed),
        "first_seen": None,
        "last_seen": None,
        "last_change": None,
        "score": match.score,
        "features": {"proscribe_name": match.score},
        "match": match.score >= threshold,
        "explanation": match.explanation,
    }


@match_router.post(
    "/match/{dataset}", summary="yente-compatible matching: the request and response shapes of yente"
)
def match(
    key: Reader,
    request: Request,
    dataset: str,
    body: EntityMatchQuery,
    limit: Annotated[int, Query(ge=1, le=100)] = 5,
    threshold: Annotated[float, Query(ge=0.0, le=1.0)] = THRESHOLD,
    cutoff: Annotated[float, Query(ge=0.0, le=1.0)] = 0.0,
    algorithm: Annotated[str, Query()] = "proscribe",
    as_of: Annotated[str | None, Query(description="proscribe extension: lists of this day.")] = None,
) -> JSONResponse:
    if dataset not in DATASETS:
        raise ApiError(
            404, f"dataset '{dataset}' does not exist (use one of: {', '.join(DATASETS)})", "dataset"
        )
    if len(body.queries) > limits_of(request).max_batch:
        raise ApiError(
            413, f"{len(body.queries):,} queries; the limit is {limits_of(request).max_batch:,}", "queries"
        )
    day = day_param(as_of, "as_of") or dt.date.today()
    screener = screener_of(request)
    responses: dict[str, Any] = {}
    for name, example in body.queries.items():
        names = _names(example)
        if not names:
            raise ApiError(
                400,
                f"queries.{name}.properties: no name given (name, alias, firstName/lastName)",
                f"queries.{name}.properties",
            )
        best: dict[str, Match] = {}
        for row in screener.screen_names(names, day, None, limit, key.name, threshold=cutoff):
            for m in row.matches:
                if m.entity_id not in best or m.score > best[m.entity_id].score:
                    best[m.entity_id] = m
        ranked = sorted(best.values(), key=lambda m: (-m.score, m.entity_id))[:limit]
        responses[name] = {
            "status": 200,
            "results": [_scored(m, dataset, threshold) for m in ranked],
            "total": {"value": len(ranked), "relation": "eq"},
            "query": {"id": example.id, "schema": example.schema_, "properties": example.properties},
        }
    return json_response({"responses": responses, "matcher": MATCHER, "limit": limit})
