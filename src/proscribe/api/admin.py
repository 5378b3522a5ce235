"""Admin routes: API keys (create, list, revoke) and the audit log."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from proscribe.api.auth import ApiKey, Role
from proscribe.api.deps import json_response, keys_of, need

router = APIRouter(tags=["admin"])
Admin = Annotated[ApiKey, Depends(need(Role.ADMIN))]


class NewKey(BaseModel):
    name: str
    role: str = "reader"


@router.post("/keys", status_code=201, summary="Create an API key; the token is shown only in this answer")
def create_key(key: Admin, request: Request, body: NewKey) -> JSONResponse:
    keys = keys_of(request)
    created, token = keys.create(body.name, body.role)
    keys.audit(key, "keys.create", created.name, {"role": created.role.value})
    return json_response(
        {"name": created.name, "role": created.role, "created_at": created.created_at, "token": token}, 201
    )


@router.get("/keys", summary="API keys (names and roles; never tokens)")
def list_keys(_: Admin, request: Request) -> JSONResponse:
    return json_response({"keys": keys_of(request).all()})


@router.delete("/keys/{name}", summary="Revoke an API key")
def revoke_key(key: Admin, request: Request, name: str) -> JSONResponse:
    keys = keys_of(request)
    revoked = keys.revoke(name)
    keys.audit(key, "keys.revoke", name, {})
    return json_response(revoked)


@router.get("/audit", summary="The audit log of writes and screenings, newest first")
def audit(
    _: Admin,
    request: Request,
    key: Annotated[str | None, Query(description="Only this key's entries.")] = None,
    action: Annotated[str | None, Query(description="Only this action, e.g. acts.record.")] = None,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 100,
) -> JSONResponse:
    return json_response({"entries": keys_of(request).audit_log(key, action, limit)})
