"""Web pages: search, entity (statuses, SVG timeline, history), list versions and diffs,
procedure cases with deadlines, link review. Server-rendered (Jinja2); JS only for search-as-you-type
and review buttons. Pages read with the same keys as the API (a cookie set at /login) or, with
``--public-read``, without one.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from proscribe.api.auth import ApiKey, Role
from proscribe.api.deps import ApiError, day_param, keys_of, need, registry_of
from proscribe.errors import NotFound, ProscribeError
from proscribe.procedures.cases import ProcedureCases
from proscribe.service.links import pending_links
from proscribe.service.lists import list_versions, version_diff
from proscribe.service.procedures import case_reports
from proscribe.service.search import search_entities
from proscribe.web.svg import timeline_svg

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
COOKIE = "proscribe_key"


class LoginNeeded(Exception):
    def __init__(self, path: str) -> None:
        self.path = path


def _reader(request: Request) -> ApiKey:
    try:
        return need(Role.READER)(request)
    except ApiError as exc:
        if exc.status == 401:
            raise LoginNeeded(request.url.path) from None
        raise


def _page(request: Request, name: str, key: ApiKey, status_code: int = 200, **context: Any) -> HTMLResponse:
    extras = getattr(request.app.state, "web_sections", {})
    return templates.TemplateResponse(
        request, name, {"key": key, **extras, **context}, status_code=status_code
    )


def _error_page(request: Request, key: ApiKey, exc: ProscribeError) -> HTMLResponse:
    found = not isinstance(exc, NotFound)
    status = 400 if found else 404
    return _page(
        request, "error.html", key, status, status="Bad request" if found else "Not found", message=str(exc)
    )


def install_web(app: FastAPI) -> None:
    """Mount the web pages and their static files on ``app``."""
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.exception_handler(LoginNeeded)
    async def login_needed(_: Request, exc: LoginNeeded) -> Response:
        return RedirectResponse(f"/login?next={quote(exc.path)}", status_code=303)

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_form(request: Request, next: str = "/") -> HTMLResponse:
        return templates.TemplateResponse(request, "login.html", {"key": None, "next": next, "error": None})

    @app.post("/login", include_in_schema=False)
    def login(request: Request, token: str = Form(...), next: str = Form("/")) -> Response:
        key = keys_of(request).authenticate(token)
        if key is None:
            return templates.TemplateResponse(
                request,
                "login.html",
                {"key": None, "next": next, "error": "That key is unknown or revoked."},
                status_code=401,
            )
        target = next if next.startswith("/") and not next.startswith("//") else "/"
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(COOKIE, token, httponly=True, samesite="strict", max_age=8 * 3600)
        return response

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, q: str = "") -> HTMLResponse:
        key = _reader(request)
        results = search_entities(registry_of(request), q, 20) if q.strip() else []
        return _page(request, "search.html", key, q=q, results=results)

    @app.get("/entity/{ref}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(
        request: Request, ref: str, as_of: str | None = None, published_by: str | None = None
    ) -> HTMLResponse:
        key = _reader(request)
        registry = registry_of(request)
        try:
            subject = registry.resolve(ref)
            day = day_param(as_of, "as_of") or dt.date.today()
            published = day_param(published_by, "published_by")
        except ProscribeError as exc:
            return _error_page(request, key, exc)
        statuses = registry.statuses_as_of(subject, day, None, published)
        history = registry.history(subject, with_general=False)
        first = min((e.sort_key[0] for e in history), default=dt.date(1999, 1, 1))
        start = dt.date(min(first.year, 1999), 1, 1)
        end = dt.date.today()
        lanes = registry.timeline(subject, start, end, published)
        svg = timeline_svg(lanes, history, start, end)
        return _page(
            request,
            "entity.html",
            key,
            entity=subject,
            statuses=statuses,
            history=history,
            svg=svg,
            as_of=day.isoformat(),
            published_by=published.isoformat() if published else None,
        )

    @app.get("/lists", response_class=HTMLResponse, include_in_schema=False)
    def lists_page(request: Request) -> HTMLResponse:
        key = _reader(request)
        by_source: dict[str, list[Any]] = {}
        for version in list_versions(registry_of(request)):
            by_source.setdefault(version.source, []).append(version)
        return _page(request, "lists.html", key, by_source=by_source)

    @app.get("/lists/{source}/diff", response_class=HTMLResponse, include_in_schema=False)
    def diff_page(request: Request, source: str) -> HTMLResponse:
        key = _reader(request)
        params = request.query_params
        try:
            diff = version_diff(registry_of(request), source, params.get("from", ""), params.get("to", ""))
        except ProscribeError as exc:
            return _error_page(request, key, exc)
        return _page(request, "diff.html", key, diff=diff, limit=500)

    @app.get("/procedures", response_class=HTMLResponse, include_in_schema=False)
    def procedures_page(request: Request) -> HTMLResponse:
        key = _reader(request)
        cases = case_reports(ProcedureCases(registry_of(request)))
        cases.sort(key=lambda c: (c["finished"], c["next_deadline"] or "9999", c["id"]))
        return _page(request, "procedures.html", key, cases=cases)

    @app.get("/review/links", response_class=HTMLResponse, include_in_schema=False)
    def links_page(request: Request) -> HTMLResponse:
        key = _reader(request)
        links = pending_links(registry_of(request), 500)
        return _page(request, "links.html", key, links=links, can_decide=key.role.allows(Role.ANALYST))
