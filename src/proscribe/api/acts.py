"""Acts: read one or a page of the journal; append (analyst or admin), audited in the same transaction."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from proscribe.api.auth import ApiKey, Role
from proscribe.api.deps import SQL_INT_MAX, ApiError, json_response, keys_of, limits_of, need, registry_of
from proscribe.errors import NotFound
from proscribe.lists.links import decide_link
from proscribe.model import Act, Entity
from proscribe.records import check_act_dates
from proscribe.registry import Registry
from proscribe.serialize import to_jsonable
from proscribe.views import ActRef

router = APIRouter(tags=["acts"])
Reader = Annotated[ApiKey, Depends(need(Role.READER))]
Analyst = Annotated[ApiKey, Depends(need(Role.ANALYST))]
Reg = Annotated[Registry, Depends(registry_of)]
CandidateId = Annotated[int, Path(ge=1, le=SQL_INT_MAX)]


class RecordRequest(BaseModel):
    """Entities (new or updated) and acts to append, in one transaction; every act needs a source."""

    entities: list[Entity] = Field(default_factory=list)
    acts: list[Act] = Field(default_factory=list)


class LinkDecision(BaseModel):
    reason: str | None = None


@router.get("/acts/{act_id}", summary="One recorded act with its place in the hash chain")
def get_act(_: Reader, registry: Reg, act_id: str) -> JSONResponse:
    found = registry.journal.acts_by_id([act_id])
    if not found:
        raise NotFound(f"no act '{act_id}'")
    recorded = found[0]
    return json_response(
        {
            "seq": recorded.seq,
            "hash": recorded.hash,
            "prev_hash": recorded.prev_hash,
            "act": ActRef.of(recorded),
        }
    )


@router.get("/acts", summary="A page of the journal in append order (`after` a sequence number)")
def list_acts(
    _: Reader,
    registry: Reg,
    after: Annotated[int, Query(ge=0, le=SQL_INT_MAX, description="Sequence number to start after.")] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> JSONResponse:
    page = [{"seq": r.seq, "hash": r.hash, "act": ActRef.of(r)} for r in registry.journal.page(after, limit)]
    return json_response({"acts": page, "total": registry.journal.count()})


@router.post("/acts", status_code=201, summary="Append acts (and entities): all land, or none does")
def record_acts(key: Analyst, registry: Reg, request: Request, body: RecordRequest) -> JSONResponse:
    limit = limits_of(request).max_batch
    for field, items in (("acts", body.acts), ("entities", body.entities)):
        if len(items) > limit:
            raise ApiError(413, f"{len(items):,} {field} in one request; the limit is {limit:,}", field)
    if not body.acts and not body.entities:
        raise ApiError(400, "nothing to record: give 'acts' and/or 'entities'", "acts")
    for index, act in enumerate(body.acts):
        check_act_dates(act, f"acts[{index}]")
    keys = keys_of(request)
    with registry.db.writing() as conn, conn.begin():
        added_entities, updated_entities = registry.entities.save(list(body.entities), conn)
        result = registry.journal.append(
            list(body.acts), connection=conn, known_entities={e.id for e in body.entities}
        )
        keys.audit(
            key,
            "acts.record",
            ",".join(a.id for a in body.acts)[:2000] or ",".join(e.id for e in body.entities)[:2000],
            {
                "added": result.added,
                "unchanged": result.unchanged,
                "entities_added": added_entities,
                "entities_updated": updated_entities,
            },
            conn,
        )
    on_record = getattr(request.app.state, "on_record", None)
    if on_record is not None and result.added:
        on_record(result.added, key)
    return json_response(
        {
            "added": result.added,
            "unchanged": result.unchanged,
            "entities_added": added_entities,
            "entities_updated": updated_entities,
            "first_seq": result.first_seq,
            "last_seq": result.last_seq,
        },
        201 if result.added or added_entities or updated_entities else 200,
    )


def _decide(
    key: ApiKey, registry: Registry, request: Request, candidate_id: int, accept: bool, reason: str | None
) -> JSONResponse:
    with registry.db.writing() as conn, conn.begin():
        outcome = decide_link(registry, candidate_id, key.name, accept, reason, conn)
        keys_of(request).audit(
            key, f"links.{'accept' if accept else 'reject'}", str(candidate_id), to_jsonable(outcome), conn
        )
    return json_response(outcome)


@router.post(
    "/links/{candidate_id}/accept", summary="Accept a candidate link: the entities become one subject"
)
def accept_link(
    key: Analyst, registry: Reg, request: Request, candidate_id: CandidateId, body: LinkDecision | None = None
) -> JSONResponse:
    return _decide(key, registry, request, candidate_id, True, body.reason if body else None)


@router.post("/links/{candidate_id}/reject", summary="Reject a candidate link; the entities stay apart")
def reject_link(
    key: Analyst, registry: Reg, request: Request, candidate_id: CandidateId, body: LinkDecision | None = None
) -> JSONResponse:
    return _decide(key, registry, request, candidate_id, False, body.reason if body else None)
