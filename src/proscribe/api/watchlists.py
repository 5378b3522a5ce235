"""Watchlists (stored names, re-screened when the registry changes) and their alerts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from proscribe.api.auth import ApiKey, Role
from proscribe.api.deps import ApiError, json_response, keys_of, limits_of, need
from proscribe.watchlists import WatchedName, Watchlists

router = APIRouter(tags=["watchlists"])
Reader = Annotated[ApiKey, Depends(need(Role.READER))]
Analyst = Annotated[ApiKey, Depends(need(Role.ANALYST))]


class NameIn(BaseModel):
    ref: str = Field(min_length=1, max_length=200, description="Your reference, e.g. a customer number.")
    name: str


class NewWatchlist(BaseModel):
    id: str
    names: list[NameIn]


def watchlists_of(request: Request) -> Watchlists:
    watchlists: Watchlists = request.app.state.watchlists
    return watchlists


@router.post(
    "/watchlists", status_code=201, summary="Store names to watch; they are screened now and on every change"
)
def create(key: Analyst, request: Request, body: NewWatchlist) -> JSONResponse:
    limit = limits_of(request).max_batch
    if len(body.names) > limit:
        raise ApiError(413, f"{len(body.names):,} names in one request; the limit is {limit:,}", "names")
    created = watchlists_of(request).create(
        body.id, key.name, [WatchedName(n.ref, n.name) for n in body.names]
    )
    keys_of(request).audit(
        key, "watchlists.create", body.id, {"names": len(body.names), "alerts": created["alerts"]}
    )
    return json_response(created, 201)


@router.get("/watchlists", summary="Watchlists: owner, size, when last screened")
def list_watchlists(_: Reader, request: Request) -> JSONResponse:
    return json_response({"watchlists": watchlists_of(request).all()})


@router.get("/watchlists/{watchlist_id}", summary="One watchlist's names with their current hits")
def get_watchlist(_: Reader, request: Request, watchlist_id: str) -> JSONResponse:
    return json_response(watchlists_of(request).get(watchlist_id))


@router.post("/watchlists/refresh", summary="Re-screen every watchlist now (after a list import, say)")
def refresh(key: Analyst, request: Request) -> JSONResponse:
    count = watchlists_of(request).rescreen(f"re-screen asked by {key.name}", key.name)
    keys_of(request).audit(key, "watchlists.refresh", "*", {"alerts": count})
    return json_response({"alerts": count})


@router.get("/alerts", summary="Alerts: new, changed or vanished hits, with what changed and why")
def alerts(
    key: Reader,
    request: Request,
    watchlist: Annotated[str | None, Query(description="Only this watchlist.")] = None,
    include_acknowledged: Annotated[bool, Query(alias="all")] = False,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
) -> JSONResponse:
    store = watchlists_of(request)
    store.refresh_if_stale(key.name)
    return json_response({"alerts": store.alerts(watchlist, not include_acknowledged, limit)})


@router.post("/alerts/{alert_id}/acknowledge", summary="Mark an alert as dealt with")
def acknowledge(key: Analyst, request: Request, alert_id: int) -> JSONResponse:
    done = watchlists_of(request).acknowledge(alert_id, key.name)
    keys_of(request).audit(key, "alerts.acknowledge", str(alert_id), {})
    return json_response(done)
