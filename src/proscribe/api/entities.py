"""Read routes: entity search and details, status, history, timeline, changes, conflicts, verify."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from proscribe import views
from proscribe.api.auth import ApiKey, Role
from proscribe.api.deps import day_param, instant_param, json_response, jurisdiction_param, need, registry_of
from proscribe.lists.evidence import weigh_list_evidence
from proscribe.lists.freshness import status_with_freshness
from proscribe.registry import Registry
from proscribe.serialize import to_jsonable

router = APIRouter(tags=["entities"])
Reader = Annotated[ApiKey, Depends(need(Role.READER))]
Reg = Annotated[Registry, Depends(registry_of)]

AsOf = Annotated[str | None, Query(description="Valid date YYYY-MM-DD (default: today).")]
KnownAt = Annotated[
    str | None, Query(description="Only acts this registry had recorded by then (date or ISO timestamp).")
]
PublishedBy = Annotated[str | None, Query(description="Only acts published by this date (YYYY-MM-DD).")]


@router.get(
    "/entities",
    summary="Search entities by part of a name (any case or script), ranked as the web search ranks them",
)
def search(
    _: Reader,
    registry: Reg,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Part of a name.")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> JSONResponse:
    # Exact and prefix matches of organisations first, as on the web search page (Taliban before
    # "TALIB, Ahmed Luqman"): proscribe.entities.rank_key.
    return json_response({"query": q, "results": registry.entities.ranked_search(q, limit)})


@router.get("/entities/{ref}", summary="One entity: names, identifiers, links, sources")
def entity(_: Reader, registry: Reg, ref: str) -> JSONResponse:
    found = registry.resolve(ref)
    return json_response(found)


def _status_payload(
    registry: Registry,
    ref: str,
    code: str | None,
    day: dt.date,
    known: dt.datetime | None,
    published: dt.date | None,
) -> dict[str, Any]:
    subject = registry.resolve(ref)
    results = [
        weigh_list_evidence(registry, result)
        for result in (
            [registry.status_as_of(subject, code, day, known, published)]
            if code
            else registry.statuses_as_of(subject, day, known, published)
        )
    ]
    status_with_freshness(registry, results)
    return {
        "entity": subject.id,
        "caption": subject.caption,
        "valid_at": day.isoformat(),
        "known_at": known.isoformat() if known else None,
        "published_by": published.isoformat() if published else None,
        "statuses": to_jsonable(results),
    }


@router.get("/entities/{ref}/status", summary="Status in one or every jurisdiction, as of a date")
def status(
    _: Reader,
    registry: Reg,
    ref: str,
    jurisdiction: Annotated[
        str | None, Query(description="ISO 3166-1 alpha-2, UN or EU; all if omitted.")
    ] = None,
    as_of: AsOf = None,
    known_at: KnownAt = None,
    published_by: PublishedBy = None,
) -> JSONResponse:
    code = jurisdiction_param(jurisdiction)
    day = day_param(as_of, "as_of") or dt.date.today()
    payload = _status_payload(
        registry, ref, code, day, instant_param(known_at, "known_at"), day_param(published_by, "published_by")
    )
    return json_response(payload)


@router.get("/entities/{ref}/history", summary="Every act about the entity and its lineage")
def history(
    _: Reader,
    registry: Reg,
    ref: str,
    known_at: KnownAt = None,
    published_by: PublishedBy = None,
) -> JSONResponse:
    subject = registry.resolve(ref)
    entries = registry.history(subject)
    known = instant_param(known_at, "known_at")
    published = day_param(published_by, "published_by")
    if known is not None or published is not None:
        recorded = registry.journal.acts_by_id([e.act.id for e in entries])
        seen = {
            r.act.id
            for r in recorded
            if (known is None or r.act.recorded_at is None or r.act.recorded_at <= known)
            and (published is None or views.publication_day(r) <= published)
        }
        entries = [e for e in entries if e.act.id in seen]
    return json_response({"entity": subject.id, "caption": subject.caption, "history": entries})


@router.get("/entities/{ref}/timeline", summary="Status periods per jurisdiction (monthly)")
def timeline(
    _: Reader,
    registry: Reg,
    ref: str,
    start: Annotated[int, Query(alias="from", ge=1900, le=2100)] = 1999,
    end: Annotated[int | None, Query(alias="to", ge=1900, le=2100)] = None,
    published_by: PublishedBy = None,
) -> JSONResponse:
    subject = registry.resolve(ref)
    first = dt.date(start, 1, 1)
    last = min(dt.date(end or dt.date.today().year, 12, 31), dt.date.today())
    lanes = registry.timeline(subject, first, last, day_param(published_by, "published_by"))
    return json_response({"entity": subject.id, "caption": subject.caption, "lanes": lanes})


@router.get("/changes", summary="What the registry says differently now than it did at `since`")
def changes(
    _: Reader,
    registry: Reg,
    since: Annotated[str, Query(description="Earlier knowledge time (date or ISO timestamp).")],
    until: Annotated[str | None, Query(description="Later knowledge time (default: now).")] = None,
    as_of: AsOf = None,
) -> JSONResponse:
    start = instant_param(since, "since")
    assert start is not None
    end = instant_param(until, "until") or dt.datetime.now(dt.UTC)
    return json_response(registry.diff(start, end, day_param(as_of, "as_of")))


@router.get("/conflicts", summary="Acts that sources disagree on, side by side")
def conflicts(_: Reader, registry: Reg) -> JSONResponse:
    return json_response({"conflicts": registry.conflicts()})


@router.get("/verify", summary="Recompute the hash chain; report inconsistent acts")
def verify(_: Reader, registry: Reg) -> JSONResponse:
    result = registry.verify()
    return json_response(result.to_json())
