"""Watchlists (stored names, re-screened when the registry changes) and their alerts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from proscribe.api.auth import ApiKey, Role
from proscribe.api.deps import ANONYMOUS, ApiError, json_response, keys_of, limits_of, need
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


def owner_filter(key: ApiKey) -> str | None:
    """Whose watchlists a key sees: its own (admins: all). Anonymous readers see none."""
    if key is ANONYMOUS:
        raise ApiError(
            401,
            "watchlists and alerts need an API key (public reading covers the registry only)",
            "authorization",
        )
    return None if key.role is Role.ADMIN else key.name


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
def list_watchlists(key: Reader, request: Request) -> JSONResponse:
    return json_response({"watchlists": watchlists_of(request).all(owner_filter(key))})


@router.get("/watchlists/{watchlist_id}", summary="One watchlist's names with their current hits")
def get_watchlist(key: Reader, request: Request, watchlist_id: str) -> JSONResponse:
    return json_response(watchlists_of(request).get(watchlist_id, owner_filter(key)))


@router.post("/watchlists/refresh", summary="Re-screen every watchlist now (after a list import, say)")
def refresh(key: Analyst, request: Request) -> JSONResponse:
    owner = owner_filter(key)
    store = watchlists_of(request)
    only = None if owner is None else [w["id"] for w in store.all(owner)]
    count = store.rescreen(f"re-screen asked by {key.name}", key.name, only) if only != [] else 0
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
    owner = owner_filter(key)
    store = watchlists_of(request)
    if key.role.allows(Role.ANALYST):  # a reader's look never writes alerts
        store.refresh_if_stale(key.name, owner)
    return json_response({"alerts": store.alerts(watchlist, not include_acknowledged, limit, owner)})


@router.post("/alerts/{alert_id}/acknowledge", summary="Mark an alert as dealt with")
def acknowledge(key: Analyst, request: Request, alert_id: int) -> JSONResponse:
    done = watchlists_of(request).acknowledge(alert_id, key.name, owner_filter(key))
    keys_of(request).audit(key, "alerts.acknowledge", str(alert_id), {})
    return json_response(done)
