"""The news review queue: events extracted from articles wait here until an analyst accepts
(the event becomes an act citing the article) or rejects them, with a reason."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from proscribe.api.auth import ApiKey, Role
from proscribe.api.deps import day_param, json_response, keys_of, need, registry_of
from proscribe.news.review import ReviewQueue
from proscribe.registry import Registry

router = APIRouter(tags=["news"])
Reader = Annotated[ApiKey, Depends(need(Role.READER))]
Analyst = Annotated[ApiKey, Depends(need(Role.ANALYST))]
Reg = Annotated[Registry, Depends(registry_of)]


class Acceptance(BaseModel):
    retrieved: str | None = None


class Rejection(BaseModel):
    reason: str


@router.get("/news/events", summary="News events by review status (pending by default)")
def events(
    _: Reader,
    registry: Reg,
    status: Annotated[
        str | None, Query(description="pending, accepted, rejected; all if 'all'.")
    ] = "pending",
) -> JSONResponse:
    queue = ReviewQueue(registry)
    found = queue.list(None if status == "all" else status)
    return json_response({"events": [q.to_json() for q in found]})


@router.post(
    "/news/events/{event_id}/accept", summary="Accept an event: it becomes an act citing the article"
)
def accept(
    key: Analyst, registry: Reg, request: Request, event_id: str, body: Acceptance | None = None
) -> JSONResponse:
    retrieved = day_param(body.retrieved if body else None, "retrieved") or dt.date.today()
    act = ReviewQueue(registry).accept(event_id, key.name, retrieved)
    keys_of(request).audit(key, "news.accept", event_id, {"act": act.id})
    on_record = getattr(request.app.state, "on_record", None)
    if on_record is not None:
        on_record([act.id], key)
    return json_response({"event": event_id, "status": "accepted", "act": act})


@router.post(
    "/news/events/{event_id}/reject", summary="Reject an event, with a reason; nothing enters the journal"
)
def reject(key: Analyst, registry: Reg, request: Request, event_id: str, body: Rejection) -> JSONResponse:
    queued = ReviewQueue(registry).reject(event_id, key.name, body.reason)
    keys_of(request).audit(key, "news.reject", event_id, {"reason": body.reason})
    return json_response(queued.to_json())
