"""Read routes for official lists: imported versions, version diffs, links awaiting review."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse

from proscribe.api.auth import ApiKey, Role
from proscribe.api.deps import json_response, need, registry_of
from proscribe.lists.links import pending_links
from proscribe.lists.versions import list_versions, version_diff
from proscribe.registry import Registry

router = APIRouter(tags=["lists"])
Reader = Annotated[ApiKey, Depends(need(Role.READER))]
Reg = Annotated[Registry, Depends(registry_of)]


@router.get("/lists/versions", summary="Imported list versions, oldest first")
def versions(
    _: Reader, registry: Reg, source: Annotated[str | None, Query(description="Only this source.")] = None
) -> JSONResponse:
    return json_response({"versions": list_versions(registry, source)})


@router.get("/lists/{source}/diff", summary="Entries added, removed or amended between two versions")
def diff(
    _: Reader,
    registry: Reg,
    source: str,
    from_version: Annotated[str, Query(alias="from", description="Hash prefix or data date.")],
    to_version: Annotated[str, Query(alias="to", description="Hash prefix or data date.")],
    limit: Annotated[int, Query(ge=1, le=100_000)] = 1000,
) -> JSONResponse:
    result = version_diff(registry, source, from_version, to_version)
    result["truncated"] = len(result["changes"]) > limit
    result["changes"] = result["changes"][:limit]
    return json_response(result)


@router.get("/links/pending", summary="Candidate links between entities awaiting review")
def links(_: Reader, registry: Reg, limit: Annotated[int, Query(ge=1, le=5000)] = 500) -> JSONResponse:
    return json_response({"pending": pending_links(registry, limit)})
