"""The OpenRefine reconciliation service (Reconciliation Service API 0.2), shaped as yente's
``/reconcile/{dataset}`` (yente/routers/reconcile.py): the service manifest on GET; on POST a
form field ``queries`` (JSON: ``{key: {query, type, limit, properties}}``) answered with
scored candidates, or a form field ``extend`` (data extension: property values of given ids).
``/reconcile`` alone is the ``default`` dataset. Names are scored by proscribe's matcher.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, RootModel, ValidationError

from proscribe.api.deps import ApiError, limits_of
from proscribe.api.ftm import MATCHABLE, NOT_MATCHABLE, FtmView
from proscribe.api.yente import (
    ALIASES,
    Reader,
    View,
    YenteRoute,
    algorithm_named,
    filters_for,
    screener_of,
)
from proscribe.screening import THRESHOLD

router = APIRouter(tags=["reconciliation"], route_class=YenteRoute)
RECONCILE_FLOOR = 0.5  # candidates for a person to review in OpenRefine; "match" is at THRESHOLD
NAME_PIDS = {"name", "alias", "weakAlias", "previousName"}
TYPES = {
    "Thing": ("Things", "Any entity proscribe holds"),
    "LegalEntity": ("Legal entities", "A person or an organisation"),
    "Person": ("People", "A natural person"),
    "Organization": ("Organizations", "An organisation, group or movement"),
    "Vessel": ("Vessels", "A ship"),
    "Airplane": ("Airplanes", "An aircraft"),
}
PROPERTIES = {
    "name": "Name",
    "alias": "Other name",
    "weakAlias": "Weak alias",
    "previousName": "Previous name",
    "topics": "Topics",
    "notes": "Notes",
}


class ReconQuery(BaseModel):
    query: str | None = None
    type: str | list[str] | None = None
    limit: int = Field(5, ge=1, le=100)
    properties: list[dict[str, Any]] = Field(default_factory=list)


ReconBatch = RootModel[dict[str, ReconQuery]]


def _type(schema: str) -> dict[str, str]:
    name, description = TYPES.get(schema, (schema, schema))
    return {"id": schema, "name": name, "description": description}


def _dataset(view: FtmView, dataset: str) -> str:
    if view.dataset(dataset) is None:
        raise ApiError(404, "No such dataset.")
    return dataset


def _manifest(request: Request, view: FtmView, dataset: str) -> dict[str, Any]:
    _dataset(view, dataset)
    root = str(request.base_url).rstrip("/")
    base = f"{root}/reconcile/{dataset}"
    query = f"?{request.url.query}" if request.url.query else ""
    # people click through to the web page of the entity where the web interface is served
    web = any(getattr(route, "path", "") == "/entity/{ref}" for route in request.app.routes)
    page = "/entity/{{id}}" if web else "/entities/{{id}}"
    return {
        "versions": ["0.2"],
        "name": f"proscribe ({dataset})",
        "identifierSpace": f"{root}/entities/",
        "schemaSpace": "https://followthemoney.tech/explorer/schemata/",
        "documentation": "https://github.com/proscribe/proscribe/blob/main/docs/api.md",
        "batchSize": min(limits_of(request).max_batch, 100),
        "view": {"url": f"{root}{page}"},
        "preview": {"url": f"{root}{page}", "width": 430, "height": 600},
        "suggest": {
            kind: {"service_url": base, "service_path": f"/suggest/{kind}{query}"}
            for kind in ("entity", "type", "property")
        },
        "extend": {
            "propose_properties": {"service_url": base, "service_path": f"/extend/property{query}"},
            "propose_settings": [
                {
                    "name": "limit",
                    "label": "Limit",
                    "type": "number",
                    "default": 0,
                    "help_text": "Maximum number of values to return per row (0 for no limit).",
                    "choices": [],
                },
            ],
        },
        "defaultTypes": [_type(s) for s in TYPES],
    }


@router.get("/reconcile", summary="OpenRefine reconciliation: service manifest (default dataset)")
def manifest_default(_: Reader, request: Request, view: View) -> JSONResponse:
    return JSONResponse(_manifest(request, view, "default"))


@router.get("/reconcile/{dataset}", summary="OpenRefine reconciliation: service manifest")
def manifest(_: Reader, request: Request, view: View, dataset: str) -> JSONResponse:
    return JSONResponse(_manifest(request, view, dataset))


def _reconcile(
    key_name: str, request: Request, view: FtmView, dataset: str, data: str, algorithm: str
) -> dict[str, Any]:
    algorithm_named(algorithm)
    try:
        batch = ReconBatch.model_validate_json(data)
    except ValidationError as exc:
        raise ApiError(400, f"queries: {exc.errors()[0]['msg']}") from exc
    if len(batch.root) > limits_of(request).max_batch:
        raise ApiError(400, f"Too many queries in one batch (limit: {limits_of(request).max_batch})")
    filters = filters_for(view, dataset)
    out: dict[str, Any] = {}
    for label, query in batch.root.items():
        schema = query.type if isinstance(query.type, str) else (query.type or ["Thing"])[0]
        if schema not in MATCHABLE:
            raise ApiError(400, f"{label}: invalid type: {schema} (use one of: {', '.join(TYPES)})")
        names = [query.query] if query.query else []
        for prop in query.properties:
            pid = str(prop.get("pid", "")).split(":")[-1]
            values = prop.get("v")
            if pid in NAME_PIDS:
                names += [str(v) for v in (values if isinstance(values, list) else [values]) if v]
        if not names:
            raise ApiError(400, f"{label}: no query text and no name property")
        best: dict[str, float] = {}
        rows = screener_of(request).screen_names(
            names, dt.date.today(), None, 1000, key_name, threshold=RECONCILE_FLOOR
        )
        for row in rows:
            if row.error:
                raise ApiError(400, f"{label}: {row.error}")
            for m in row.matches:
                best[m.entity_id] = max(best.get(m.entity_id, 0.0), m.score)
        results = []
        for entity_id, score in sorted(best.items(), key=lambda kv: (-kv[1], kv[0])):
            entity = view.by_id.get(entity_id)
            if entity is None or entity.kind not in MATCHABLE[schema]:
                continue
            shaped = view.entity_json(entity, view.index.listings(entity_id, dt.date.today()))
            if not filters.keeps(view, shaped):
                continue
            results.append(
                {"id": entity_id, "name": shaped["caption"], "description": shaped["schema"],
                 "type": [_type(shaped["schema"])], "score": score, "match": score >= THRESHOLD}
            )  # fmt: skip
        out[label] = {"result": results[: query.limit]}
    return out


def _extend(view: FtmView, data: str, request: Request) -> dict[str, Any]:
    try:
        query = json.loads(data)
        ids = [str(i) for i in query["ids"]]
        wanted = [(str(p["id"]), int(p.get("settings", {}).get("limit", 0))) for p in query["properties"]]
    except (TypeError, ValueError, KeyError) as exc:
        raise ApiError(400, "Cannot decode extension request") from exc
    if len(ids) > limits_of(request).max_batch:
        raise ApiError(400, f"Too many queries in one batch (limit: {limits_of(request).max_batch})")
    meta = [{"id": pid, "name": PROPERTIES[pid]} for pid, _ in wanted if pid in PROPERTIES]
    rows: dict[str, Any] = {}
    for entity_id in ids:
        row: dict[str, Any] = {}
        entity = view.by_id.get(entity_id)
        if entity is not None:
            shaped = view.entity_json(entity, view.index.listings(entity_id, dt.date.today()))
            for pid, limit in wanted:
                if pid in PROPERTIES:
                    values = shaped["properties"].get(pid, [])
                    row[pid] = [{"str": v} for v in (values[:limit] if limit > 0 else values)]
        rows[entity_id] = row
    return {"meta": meta, "rows": rows}


def _post(
    key_name: str, request: Request, response: Response, view: FtmView, dataset: str,
    queries: str | None, extend: str | None, algorithm: str,
) -> JSONResponse:  # fmt: skip
    _dataset(view, dataset)
    if extend is not None and extend.strip():
        answer = _extend(view, extend, request)
        return JSONResponse(answer, headers={"x-batch-size": str(len(answer["rows"]))})
    if queries is None:
        raise ApiError(400, "No queries or extend request provided.")
    found = _reconcile(key_name, request, view, dataset, queries, algorithm)
    return JSONResponse(found, headers={"x-batch-size": str(len(found))})


Queries = Annotated[str | None, Form(description="JSON-encoded reconciliation queries")]
Extend = Annotated[str | None, Form(description="JSON-encoded data extension request")]
Algorithm = Annotated[str, Query(description=f"one of {', '.join(sorted(ALIASES))}")]


@router.post("/reconcile", summary="OpenRefine reconciliation queries (default dataset)")
def reconcile_default(
    key: Reader, request: Request, response: Response, view: View,
    queries: Queries = None, extend: Extend = None, algorithm: Algorithm = "best",
) -> JSONResponse:  # fmt: skip
    return _post(key.name, request, response, view, "default", queries, extend, algorithm)


@router.post("/reconcile/{dataset}", summary="OpenRefine reconciliation queries")
def reconcile_post(
    key: Reader, request: Request, response: Response, view: View, dataset: str,
    queries: Queries = None, extend: Extend = None, algorithm: Algorithm = "best",
) -> JSONResponse:  # fmt: skip
    return _post(key.name, request, response, view, dataset, queries, extend, algorithm)


def _matches_prefix(prefix: str, *texts: str) -> bool:
    wanted = prefix.strip().lower()
    return bool(wanted) and any(t.lower().startswith(wanted) for t in texts)


@router.get("/reconcile/{dataset}/suggest/entity", summary="OpenRefine: suggest an entity")
def suggest_entity(
    key: Reader, request: Request, view: View, dataset: str, prefix: str = "", limit: int = 10
) -> JSONResponse:
    _dataset(view, dataset)
    results: list[dict[str, Any]] = []
    if prefix.strip():
        hits = screener_of(request).registry.entities.search(prefix, limit=max(limit, 1))
        for hit in hits:
            entity = view.by_id.get(hit.id)
            if entity is not None:
                shaped = view.entity_json(entity, [])
                results.append({"id": hit.id, "name": hit.caption, "description": shaped["schema"],
                                "type": [_type(shaped["schema"])]})  # fmt: skip
    return JSONResponse({"code": "/api/status/ok", "status": "200 OK", "prefix": prefix, "result": results})


@router.get("/reconcile/{dataset}/suggest/type", summary="OpenRefine: suggest a type")
def suggest_type(_: Reader, view: View, dataset: str, prefix: str = "") -> JSONResponse:
    _dataset(view, dataset)
    found = [_type(s) for s, (plural, _d) in TYPES.items() if _matches_prefix(prefix, s, plural)]
    return JSONResponse({"code": "/api/status/ok", "status": "200 OK", "prefix": prefix, "result": found})


@router.get("/reconcile/{dataset}/suggest/property", summary="OpenRefine: suggest a property")
def suggest_property(_: Reader, view: View, dataset: str, prefix: str = "") -> JSONResponse:
    _dataset(view, dataset)
    found = [
        {"id": f"Thing:{pid}", "name": label, "description": None}
        for pid, label in PROPERTIES.items()
        if _matches_prefix(prefix, pid, label)
    ]
    return JSONResponse({"code": "/api/status/ok", "status": "200 OK", "prefix": prefix, "result": found})


@router.get("/reconcile/{dataset}/extend/property", summary="OpenRefine: properties for data extension")
def extend_properties(
    _: Reader, view: View, dataset: str, type: str = "Thing", limit: int = 0
) -> JSONResponse:
    _dataset(view, dataset)
    if type not in MATCHABLE and type not in NOT_MATCHABLE:
        raise ApiError(400, f"Invalid type: {type}")
    properties = [{"id": pid, "name": label} for pid, label in PROPERTIES.items()]
    if limit > 0:
        properties = properties[:limit]
    return JSONResponse(
        {"limit": limit, "type": type, "properties": sorted(properties, key=lambda p: p["name"])}
    )
