"""yente-compatible routes, so clients written for OpenSanctions' yente (5.x) work unchanged:
``POST /match/{dataset}``, ``GET /search/{dataset}``, ``GET /entities/{id}``, ``/catalog``,
``/algorithms``, ``/healthz``, ``/readyz``. Request and response shapes are yente's
(yente/data/common.py); errors are yente's too: ``{"detail": message}`` (422: FastAPI's list of
validation errors). Every option is either honoured or refused with 400 — never ignored; see
docs/api.md ("yente compatibility") for what is refused and why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException

from proscribe.api.auth import ApiKey, Role
from proscribe.api.deps import ApiError, day_param, limits_of, need, registry_of
from proscribe.api.ftm import MATCHABLE, NOT_MATCHABLE, TOPICS, FtmView
from proscribe.errors import NotFound, ProscribeError
from proscribe.model import Entity
from proscribe.registry import Registry
from proscribe.screening import THRESHOLD, Match
from proscribe.screening.screener import Screener

Reader = Annotated[ApiKey, Depends(need(Role.READER))]
Reg = Annotated[Registry, Depends(registry_of)]

ALGORITHM = "proscribe-name"
# Names yente clients send that mean what proscribe's scorer does. "best" is yente's default
# name for its best algorithm; "name-based" is yente's name-only matcher (nomenklatura
# NameMatcher), which compares names and nothing else, as proscribe's scorer does. logic-v1,
# logic-v2, name-qualified, regression-v1 and ofac-249 also weigh birth dates, countries and
# identifiers, which proscribe does not: they are refused rather than silently name-matched.
ALIASES = {"best": ALGORITHM, "name-based": ALGORITHM, "proscribe": ALGORITHM, ALGORITHM: ALGORITHM}
FEATURE = "proscribe_name"
FEATURE_DOC = {
    "description": (
        "proscribe's name score (0-1): names normalised across scripts, transliterations, "
        "spelling variants and legal forms, compared token by token; explained per match."
    ),
    "coefficient": 1.0,
    "url": "https://github.com/proscribe/proscribe/blob/main/docs/screening.md",
}
ALGORITHM_DESCRIPTION = (
    "proscribe's name matcher: the best-scoring pair of the query's names (name, alias, "
    "previousName, weakAlias, firstName/middleName/lastName) and the entity's names. Other "
    "properties are echoed but not scored."
)
NAME_PROPERTIES = ("name", "alias", "previousName", "weakAlias")
NAME_PARTS = ("firstName", "secondName", "middleName", "fatherName", "lastName")
TS_PATTERN = r"^\d{4}-\d{2}-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?$"
MAX_MATCHES = 500
MATCH_PAGE = 5
SEARCH_THRESHOLD = 0.6  # looser than screening: a search lists candidates, it decides nothing
CANDIDATES = 1000  # matches screened before filters and the limit apply


def yente_error(status: int, detail: str | list[Any], headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": detail}, status, headers=headers or None)


class YenteRoute(APIRoute):
    """Answers errors as yente does (``{"detail": ...}``) instead of proscribe's ``{"error", "field"}``:
    the app's error handlers stay as they are for /api."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            try:
                return await handler(request)
            except RequestValidationError as exc:
                return yente_error(422, jsonable_encoder(exc.errors(), exclude={"ctx", "input", "url"}))
            except ApiError as exc:
                return yente_error(exc.status, exc.message, exc.headers)
            except NotFound as exc:
                return yente_error(404, str(exc))
            except ProscribeError as exc:
                return yente_error(400, str(exc))
            except HTTPException as exc:
                return yente_error(exc.status_code, str(exc.detail), getattr(exc, "headers", None))

        return route


router = APIRouter(tags=["yente"], route_class=YenteRoute)


class EntityExample(BaseModel):
    id: str | None = None
    schema_: str = Field(alias="schema")
    properties: dict[str, str | list[Any]]


class EntityMatchQuery(BaseModel):
    weights: dict[str, float] = Field(default_factory=dict)
    config: dict[str, str | int | float | bool | None] = Field(default_factory=dict)
    queries: dict[str, EntityExample]


def screener_of(request: Request) -> Screener:
    screener: Screener = request.app.state.screener
    return screener


def view_of(request: Request) -> FtmView:
    """The FtM view of the current screening index (rebuilt with it)."""
    index = screener_of(request).index()
    cached: FtmView | None = getattr(request.app.state, "ftm_view", None)
    if cached is None or cached.index is not index:
        cached = FtmView(registry_of(request), index)
        request.app.state.ftm_view = cached
    return cached


View = Annotated[FtmView, Depends(view_of)]


YENTE_ONLY = ("logic-v1", "logic-v2", "name-qualified", "regression-v1", "ofac-249")


def algorithm_named(name: str) -> str:
    found = ALIASES.get(name.strip().lower())
    if found is None:
        known = ", ".join(sorted(ALIASES))
        why = ""
        if name.strip().lower() in YENTE_ONLY:
            why = "; it weighs birth dates, countries and identifiers, which proscribe does not score"
        raise ApiError(400, f"Invalid algorithm: {name} (known: {known}; see /algorithms){why}")
    return found


def _as_list(value: str | list[Any]) -> list[str]:
    values = [value] if isinstance(value, str) else value
    return [str(v).strip() for v in values if v is not None and str(v).strip()]


def query_names(properties: dict[str, list[str]]) -> list[str]:
    names = [n for prop in NAME_PROPERTIES for n in properties.get(prop, [])]
    parts = [" ".join(properties[p]) for p in NAME_PARTS if properties.get(p)]
    if parts:
        names.append(" ".join(parts))
    return list(dict.fromkeys(names))


def check_schema(schema: str, where: str) -> None:
    if schema in MATCHABLE:
        return
    if schema in NOT_MATCHABLE:
        raise ApiError(
            400, f"{where}: schema {schema} cannot be matched (use one of: {', '.join(MATCHABLE)})"
        )
    raise ApiError(400, f"{where}: invalid schema: {schema} (use one of: {', '.join(MATCHABLE)})")


@dataclass(frozen=True)
class Filters:
    """The options that narrow which entities can be returned, checked once per request."""

    # The list datasets an entity must be in (one of them), as yente computes them: the scope's
    # lists, narrowed to include_dataset, less exclude_dataset (an entity also on a list not
    # excluded stays, so "all lists but Z" screens Z's entities that are listed elsewhere).
    allowed: frozenset[str]
    exclude_schema: frozenset[str]
    topics: frozenset[str]
    changed_since: str | None
    excluded_ids: frozenset[str]
    require_all: frozenset[str] = frozenset()  # search's `datasets` filter with filter_op=AND
    require_any: frozenset[str] = frozenset()  # search's `datasets` filter with filter_op=OR

    def keeps(self, view: FtmView, entity: dict[str, Any]) -> bool:
        datasets = set(entity["datasets"])
        if not datasets & self.allowed:
            return False
        if self.require_all and not self.require_all <= datasets:
            return False
        if self.require_any and not self.require_any & datasets:
            return False
        if entity["schema"] in self.exclude_schema:
            return False
        if self.topics and not set(entity["properties"].get("topics", [])) & self.topics:
            return False
        if self.changed_since and (entity["last_change"] or "") <= self.changed_since:  # yente: "gt"
            return False
        return not ({entity["id"], *entity["referents"]} & self.excluded_ids)


def filters_for(
    view: FtmView,
    dataset: str,
    include_dataset: Sequence[str] = (),
    exclude_dataset: Sequence[str] = (),
    exclude_schema: Sequence[str] = (),
    topics: Sequence[str] = (),
    changed_since: str | None = None,
    exclude_entity_ids: Sequence[str] = (),
    require_all: Sequence[str] = (),
    require_any: Sequence[str] = (),
) -> Filters:
    info = view.dataset(dataset)
    if info is None:
        raise ApiError(404, "No such dataset.")
    known = {d.name for d in view.datasets}
    named = (("include_dataset", include_dataset), ("exclude_dataset", exclude_dataset),
             ("datasets", (*require_all, *require_any)))  # fmt: skip
    for field, names in named:
        unknown = sorted(set(names) - known)
        if unknown:
            raise ApiError(400, f"{field}: no such dataset: {', '.join(unknown)} (see /catalog)")
    for schema in exclude_schema:
        if schema not in MATCHABLE and schema not in NOT_MATCHABLE:
            raise ApiError(400, f"exclude_schema: invalid schema: {schema}")
    unknown_topics = sorted(set(topics) - set(TOPICS))
    if unknown_topics:
        raise ApiError(
            400,
            f"topics: proscribe does not record the topic(s) {', '.join(unknown_topics)} "
            f"(it records: {', '.join(TOPICS)})",
        )
    allowed = view.leaves([dataset])
    if include_dataset:
        allowed &= view.leaves(include_dataset)
    return Filters(
        allowed=allowed - view.leaves(exclude_dataset),
        exclude_schema=frozenset(exclude_schema),
        topics=frozenset(topics),
        changed_since=changed_since,
        excluded_ids=frozenset(exclude_entity_ids),
        require_all=frozenset(require_all),
        require_any=frozenset(require_any),
    )


def _changed_since(value: str | None) -> str | None:
    """``YYYY-MM-DD[THH[:MM[:SS]]]`` as a full ISO timestamp, comparable with ``last_change``."""
    if not value:
        return None
    day, _, time = value.partition("T")
    parts = [*time.split(":"), "00", "00", "00"][:3] if time else ["00", "00", "00"]
    try:
        return dt.datetime.fromisoformat(f"{day}T{':'.join(parts)}").isoformat()
    except ValueError as exc:
        raise ApiError(400, f"changed_since: {exc}") from exc


def _scored(
    view: FtmView, match: Match, query: str, entity: Entity, day: dt.date, threshold: float
) -> dict[str, Any]:
    out = view.entity_json(entity, match.listings)
    out["score"] = match.score
    out["explanations"] = {
        FEATURE: {
            "detail": match.explanation,
            "score": match.score,
            "query": query,
            "candidate": match.matched_name,
        }
    }
    out["match"] = match.score >= threshold
    return out


@router.post("/match/{dataset}", summary="yente's query-by-example matcher (names scored by proscribe)")
def match(
    key: Reader,
    request: Request,
    view: View,
    body: EntityMatchQuery,
    dataset: Annotated[str, Path(description="A dataset of /catalog: default, or one list")],
    limit: Annotated[int, Query(ge=1, le=MAX_MATCHES)] = MATCH_PAGE,
    threshold: Annotated[float, Query(ge=0.0, le=1.0)] = THRESHOLD,
    cutoff: Annotated[float | None, Query(ge=0.0, le=1.0, deprecated=True)] = None,
    algorithm: str = "best",
    include_dataset: Annotated[tuple[str, ...], Query()] = (),
    exclude_schema: Annotated[tuple[str, ...], Query()] = (),
    exclude_dataset: Annotated[tuple[str, ...], Query()] = (),
    topics: Annotated[tuple[str, ...], Query()] = (),
    changed_since: Annotated[str | None, Query(pattern=TS_PATTERN)] = None,
    exclude_entity_ids: Annotated[tuple[str, ...], Query(max_length=50)] = (),
    as_of: Annotated[str | None, Query(description="proscribe extension: listings of this day.")] = None,
) -> JSONResponse:
    name = algorithm_named(algorithm)
    for config_key in body.config:
        raise ApiError(400, f"Invalid configuration parameter: {config_key} for algorithm {name}")
    for weight in body.weights:
        if weight != FEATURE:
            raise ApiError(400, f"Invalid weight: {weight} (algorithm {name} has one feature: {FEATURE})")
    if not body.queries:
        raise ApiError(400, "No queries provided.")
    if len(body.queries) > limits_of(request).max_batch:
        raise ApiError(400, f"Too many queries in one batch (limit: {limits_of(request).max_batch})")
    filters = filters_for(
        view, dataset, include_dataset, exclude_dataset, exclude_schema, topics,
        _changed_since(changed_since), exclude_entity_ids,
    )  # fmt: skip
    floor = min(threshold if cutoff is None else cutoff, threshold)
    day = day_param(as_of, "as_of") or dt.date.today()
    examples: dict[str, tuple[EntityExample, dict[str, list[str]], list[str]]] = {}
    for label, example in body.queries.items():
        check_schema(example.schema_, f"queries.{label}.schema")
        properties = {k: _as_list(v) for k, v in example.properties.items()}
        properties = {k: v for k, v in properties.items() if v}
        names = query_names(properties)
        if not names:
            raise ApiError(400, f"queries.{label}: no name given (name, alias, firstName/lastName)")
        examples[label] = (example, properties, names)
    screener = screener_of(request)
    responses: dict[str, Any] = {}
    for label, (example, properties, names) in examples.items():
        kinds = MATCHABLE[example.schema_]
        best: dict[str, tuple[Match, str]] = {}
        rows = screener.screen_names(names, day, None, CANDIDATES, key.name, threshold=floor)
        for row in rows:
            if row.error:
                raise ApiError(400, f"queries.{label}: {row.error}: {row.query!r}")
            for m in row.matches:
                if m.entity_id not in best or m.score > best[m.entity_id][0].score:
                    best[m.entity_id] = (m, row.query)
        results = []
        for m, query in sorted(best.values(), key=lambda p: (-p[0].score, p[0].entity_id)):
            entity = view.by_id.get(m.entity_id)
            if entity is None or entity.kind not in kinds:
                continue
            scored = _scored(view, m, query, entity, day, threshold)
            if filters.keeps(view, scored):
                results.append(scored)
        responses[label] = {
            "status": 200,
            "results": results[:limit],
            "total": {"value": sum(1 for r in results if r["match"]), "relation": "eq"},
            "query": {"id": example.id, "schema": example.schema_, "properties": properties},
        }
    return JSONResponse(
        jsonable_encoder({"responses": responses, "limit": limit}),
        headers={"x-batch-size": str(len(responses))},
    )


@router.get("/search/{dataset}", summary="yente's simple entity search (names, any script)")
def search(
    key: Reader,
    request: Request,
    view: View,
    dataset: str,
    q: str = "",
    schema: str = "Thing",
    include_dataset: Annotated[tuple[str, ...], Query()] = (),
    exclude_dataset: Annotated[tuple[str, ...], Query()] = (),
    exclude_schema: Annotated[tuple[str, ...], Query()] = (),
    changed_since: Annotated[str | None, Query(pattern=TS_PATTERN)] = None,
    countries: Annotated[tuple[str, ...], Query()] = (),
    topics: Annotated[tuple[str, ...], Query()] = (),
    datasets: Annotated[tuple[str, ...], Query()] = (),
    filter: Annotated[tuple[str, ...], Query()] = (),
    limit: Annotated[int, Query(ge=0, le=500)] = 10,
    offset: Annotated[int, Query(ge=0, le=9500)] = 0,
    sort: Annotated[tuple[str, ...], Query()] = (),
    target: bool | None = None,
    fuzzy: bool = False,
    simple: bool = False,
    facets: Annotated[tuple[str, ...], Query()] = ("countries", "topics", "datasets"),
    filter_op: str = "OR",
    as_of: Annotated[str | None, Query(description="proscribe extension: listings of this day.")] = None,
) -> JSONResponse:
    refused = {"countries": countries, "filter": filter, "sort": sort}
    for option, values in refused.items():
        if values:
            raise ApiError(400, f"{option}: not supported by proscribe (it records no {option} per entity)")
    if schema not in MATCHABLE and schema not in NOT_MATCHABLE:
        raise ApiError(400, "Invalid schema")
    if filter_op.upper() not in ("AND", "OR"):
        raise ApiError(400, f"filter_op: {filter_op} (AND or OR)")
    unknown_facets = sorted(
        set(facets) - {"countries", "topics", "datasets", "schema", "identifiers", "genders"}
    )
    if unknown_facets:
        raise ApiError(400, f"facets: unknown facet(s) {', '.join(unknown_facets)}")
    every = filter_op.upper() == "AND"
    filters = filters_for(
        view, dataset, include_dataset, exclude_dataset, exclude_schema, topics, _changed_since(changed_since),
        (), datasets if every else (), () if every else datasets,
    )  # fmt: skip
    day = day_param(as_of, "as_of") or dt.date.today()
    kinds = MATCHABLE.get(schema, frozenset())
    found: list[dict[str, Any]] = []
    if q.strip():
        [row] = screener_of(request).screen_names(
            [q], day, None, CANDIDATES, key.name, threshold=SEARCH_THRESHOLD
        )
        if row.error:
            raise ApiError(400, f"q: {row.error}")
        # names containing the text (a surname alone), then names scoring near it (other scripts)
        contained = registry_of(request).entities.search(q, limit=CANDIDATES)
        ids = list(dict.fromkeys([*(hit.id for hit in contained), *(m.entity_id for m in row.matches)]))
        pairs = [(view.by_id.get(i), view.index.listings(i, day)) for i in ids]
    else:
        index = view.index
        pairs = [(e, index.listings(e.id, day)) for e in sorted(index.entities, key=lambda e: e.id)]
    for entity, listings in pairs:
        if entity is None or entity.kind not in kinds:
            continue
        shaped = view.entity_json(entity, listings)
        if target is not None and shaped["target"] is not target:
            continue
        if filters.keeps(view, shaped):
            found.append(shaped)
    facet_json = _facets(found, facets)
    return JSONResponse(
        jsonable_encoder(
            {
                "limit": limit,
                "offset": offset,
                "total": {"value": len(found), "relation": "eq"},
                "results": found[offset : offset + limit],
                "facets": facet_json,
            }
        )
    )


FACET_LABELS = {"topics": "Topics", "datasets": "Data sources", "schema": "Entity types",
                "countries": "Countries", "identifiers": "Identifiers", "genders": "Genders"}  # fmt: skip


def _facets(found: list[dict[str, Any]], facets: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for facet in facets:
        counts: dict[str, int] = {}
        for entity in found:
            if facet == "topics":
                values = entity["properties"].get("topics", [])
            elif facet == "datasets":
                values = entity["datasets"]
            elif facet == "schema":
                values = [entity["schema"]]
            else:
                values = []  # countries, identifiers, genders: proscribe records none
            for value in values:
                counts[value] = counts.get(value, 0) + 1
        items = [
            {"name": k, "label": k, "count": v}
            for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        out[facet] = {"label": FACET_LABELS[facet], "values": items}
    return out


@router.get("/entities/{entity_id}", summary="One entity, FollowTheMoney-shaped (yente's /entities)")
def fetch_entity(
    _: Reader,
    request: Request,
    view: View,
    entity_id: str,
    nested: bool = True,
    as_of: Annotated[str | None, Query(description="proscribe extension: listings of this day.")] = None,
) -> Response:
    day = day_param(as_of, "as_of") or dt.date.today()
    entity = view.by_id.get(entity_id)
    if entity is None:
        canonical = view.referent_of.get(entity_id)
        if canonical is not None:
            return RedirectResponse(
                str(request.url_for("fetch_entity", entity_id=canonical)), status_code=308
            )
        stored = registry_of(request).entities.get(entity_id)
        if stored is None:
            raise ApiError(404, "No such entity!")
        entity = stored
    return JSONResponse(jsonable_encoder(view.entity_json(entity, view.index.listings(entity.id, day))))


@router.get("/catalog", summary="yente's data catalog: proscribe's lists as datasets")
def catalog(_: Reader, view: View) -> JSONResponse:
    datasets = []
    for info in view.datasets:
        item: dict[str, Any] = {
            "name": info.name,
            "title": info.title,
            "summary": f"proscribe list {info.list_id}" if info.list_id else "every list proscribe holds",
            "entity_count": info.entity_count,
            "version": info.version,
            "updated_at": info.updated_at,
            "last_export": info.updated_at,
            "children": list(info.children),
            "tags": [] if info.list_id is None else [f"list.{info.list_id}"],
            "load": info.list_id is not None,
            "index_version": info.version,
            "index_current": True,
        }
        datasets.append({k: v for k, v in item.items() if v is not None})
    current = [d.name for d in view.datasets if d.list_id is not None]
    return JSONResponse({"datasets": datasets, "current": current, "outdated": [], "index_stale": False})


@router.get("/algorithms", summary="The scoring algorithms /match accepts (yente's /algorithms)")
def algorithms(_: Reader) -> JSONResponse:
    docs = {
        "name": ALGORITHM,
        "description": ALGORITHM_DESCRIPTION,
        "config": {},
        "features": {FEATURE: FEATURE_DOC},
    }
    listed = [
        {
            "name": ALGORITHM,
            "description": ALGORITHM_DESCRIPTION,
            "features": {FEATURE: FEATURE_DOC},
            "docs": docs,
        }
    ]
    for alias in ("name-based",):
        text = f"Alias of {ALGORITHM}: like yente's name-based matcher, it scores names only."
        listed.append(
            {
                "name": alias,
                "description": text,
                "features": {FEATURE: FEATURE_DOC},
                "docs": {**docs, "name": alias, "description": text},
            }
        )
    return JSONResponse({"algorithms": listed, "default": ALGORITHM, "best": ALGORITHM})


@router.get("/healthz", summary="Liveness: the service answers")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="Readiness: the screening index is built")
def readyz(request: Request) -> JSONResponse:
    try:
        screener_of(request).index()
    except Exception:
        return yente_error(503, "Index not ready.")
    return JSONResponse({"status": "ok"})
