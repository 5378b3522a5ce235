"""The FastAPI application: JSON API under /api, OpenAPI docs at /docs, web pages at /."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

import proscribe
from proscribe.api import acts, admin, entities, lists, news, procedures, screening, watchlists
from proscribe.api.auth import KeyStore
from proscribe.api.deps import ApiError
from proscribe.api.guards import SecurityGuards, failed_keys_for
from proscribe.api.limits import BodySizeLimit, Limits, rate_limiter_for
from proscribe.api.reconcile import router as reconcile_router
from proscribe.api.sessions import WebSessions
from proscribe.api.yente import router as yente_router
from proscribe.errors import AmbiguousName, InputError, NotFound, ProscribeError
from proscribe.registry import Registry
from proscribe.screening.screener import Screener
from proscribe.watchlists import Watchlists


def _error(status: int, message: str, field: str | None, **extra: Any) -> JSONResponse:
    headers = extra.pop("headers", None)
    return JSONResponse(
        {"error": " ".join(message.split()), "field": field, **extra}, status, headers=headers
    )


def _location(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [p for p in loc if p not in ("body", "query", "path", "header")]
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "body"


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.message, exc.field, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0]
        field = _location(first.get("loc", ()))
        message = str(first.get("msg", "invalid value"))
        if first.get("type") == "json_invalid":
            message = "the request body is not valid JSON"
        return _error(400, f"{field}: {message}", field)

    @app.exception_handler(InputError)
    async def input_error(_: Request, exc: InputError) -> JSONResponse:
        return _error(400, str(exc), exc.location)

    @app.exception_handler(AmbiguousName)
    async def ambiguous(_: Request, exc: AmbiguousName) -> JSONResponse:
        return _error(400, str(exc), "name", candidates=[{"id": i, "caption": c} for i, c in exc.candidates])

    @app.exception_handler(NotFound)
    async def not_found(_: Request, exc: NotFound) -> JSONResponse:
        return _error(404, str(exc), None)

    @app.exception_handler(ProscribeError)
    async def other(_: Request, exc: ProscribeError) -> JSONResponse:
        return _error(400, str(exc), None)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        if exc.status_code == 404 and message == "Not Found":
            message = "no such route"
        return _error(exc.status_code, message, None, headers=getattr(exc, "headers", None))


def create_app(
    db: str | Registry | None = None, limits: Limits | None = None, *, web: bool = True
) -> FastAPI:
    """The app over one registry (a database URL, a path, or a Registry already opened)."""
    registry = db if isinstance(db, Registry) else Registry(db)
    chosen = limits or Limits()
    app = FastAPI(
        title="proscribe",
        version=proscribe.__version__,
        description=(
            "A bitemporal, sourced registry of terrorist designations and delistings. "
            "Send an API key as `Authorization: Bearer KEY`; roles: reader < analyst < admin. "
            'Errors are JSON: `{"error": message, "field": field}`.'
        ),
    )
    app.state.registry = registry
    app.state.keys = KeyStore(registry.db)
    app.state.limits = chosen
    app.state.rate_limiter = rate_limiter_for(chosen, registry.db)
    app.state.failed_keys = failed_keys_for(
        chosen.failed_keys_per_minute, registry.db, shared=chosen.shared_rate_limit
    )
    app.state.sessions = WebSessions(registry.db)
    _install_error_handlers(app)
    app.state.screener = Screener(registry)
    app.state.watchlists = Watchlists(app.state.screener)
    app.state.on_record = lambda act_ids, key: app.state.watchlists.rescreen(
        f"{len(act_ids)} act(s) recorded by {key.name}: {', '.join(act_ids[:5])}", key.name
    )
    app.state.web_sections = {"screening": True, "alerts": True}
    for module in (entities, acts, lists, procedures, news, screening, watchlists, admin):
        app.include_router(module.router, prefix="/api")
    for yente_compatible in (yente_router, reconcile_router):  # at the root, as yente serves them
        app.include_router(yente_compatible)

    @app.get(
        "/api/health", tags=["service"], summary="Liveness: the service answers and its database is reachable"
    )
    def health() -> dict[str, Any]:
        return {"ok": True, "version": proscribe.__version__, "acts": registry.journal.count()}

    if web:
        from proscribe.web.routes import install_web

        install_web(app)
    if chosen.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(chosen.cors_origins),
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "X-API-Key"],
        )
    # added before BodySizeLimit, so it runs inside it and reads only size-checked bodies
    app.add_middleware(SecurityGuards, allowed_origins=tuple(chosen.cors_origins))
    app.add_middleware(BodySizeLimit, limit=chosen.max_body_bytes)
    return app
