"""Web pages: search, entity (statuses, SVG timeline, history), list versions and diffs,
procedure cases with deadlines, link review. Server-rendered (Jinja2); JS only for search-as-you-type
and review buttons. Pages read with the same keys as the API or, with ``--public-read``, without
one. A browser signs in at /login with a key and gets a session cookie (a random id, never the
key: :mod:`proscribe.api.sessions`); /logout ends the session.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import io
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from proscribe import render
from proscribe.api.auth import ApiKey, Role
from proscribe.api.deps import (
    ApiError,
    checked_key,
    day_param,
    json_response,
    jurisdiction_param,
    limits_of,
    need,
    registry_of,
    session_of,
    sessions_of,
    token_of,
)
from proscribe.api.sessions import SESSION_COOKIE, WebSession
from proscribe.api.watchlists import owner_filter
from proscribe.errors import InputError, NotFound, ProscribeError
from proscribe.lists.evidence import weigh_list_evidence
from proscribe.lists.freshness import status_with_freshness
from proscribe.lists.versions import list_versions, version_diff
from proscribe.news.review import ReviewQueue
from proscribe.procedures.cases import ProcedureCases
from proscribe.procedures.report import case_report, case_reports
from proscribe.screening.batch import read_column, write_rows
from proscribe.screening.screener import Screener
from proscribe.timeline import chart_start
from proscribe.watchlists import Watchlists
from proscribe.web.filters import safe_link
from proscribe.web.pages import export_text, list_identifiers, recorded_act, review_links, version_page
from proscribe.web.search import search_page, search_url
from proscribe.web.svg import timeline_svg

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
# The same words as the terminal: "no listing recorded", "first seen in the list of D", "as of the list of D".
templates.env.globals.update(
    status_label=render.status_label,
    since_words=render.since_words,
    list_basis=render.list_basis,
    staleness_note=render.staleness_note,
)
templates.env.filters["safe_link"] = safe_link
templates.env.globals["search_url"] = search_url
EXPORTS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "ftm": "application/x-ndjson",  # FollowTheMoney entities, one JSON object a line
}
COOKIE = SESSION_COOKIE


class LoginNeeded(Exception):
    def __init__(self, path: str, stale_cookie: bool) -> None:
        self.path = path
        self.stale_cookie = stale_cookie


def _reader(request: Request) -> ApiKey:
    try:
        return need(Role.READER)(request)
    except ApiError as exc:
        if exc.status == 401:
            raise LoginNeeded(request.url.path, session_of(request) is not None) from None
        raise


def csrf_token(request: Request) -> str | None:
    """The form token for a browser signed in with the session cookie (None without one).

    Derived from the session id, which a page on another site can neither read (HttpOnly) nor
    guess, so a form it submits cannot carry the right token.
    """
    session = session_of(request)
    if session is None:
        return None
    return hashlib.sha256(b"proscribe-form\0" + session.encode("utf-8", "surrogatepass")).hexdigest()


def check_csrf(request: Request, sent: str) -> None:
    """Refuse a form post authenticated by the cookie that lacks the cookie's form token."""
    if token_of(request) is not None:
        return  # a key in a header is sent by a script that holds it, not forged by a page
    expected = csrf_token(request)
    if expected is not None and not hmac.compare_digest(expected, sent):
        raise ApiError(403, "the form token is missing or wrong; reload the page and submit again", "csrf")


def _set_session_cookie(request: Request, response: Response, session: WebSession) -> None:
    """The cookie of ``session``: HttpOnly (no script reads it), SameSite=Strict (no other site's
    page sends it), Secure when the page was served over TLS (uvicorn's scheme, which follows
    ``X-Forwarded-Proto`` from a trusted proxy), and expiring with the session."""
    response.set_cookie(
        COOKIE,
        session.session_id,
        max_age=session.lifetime_s,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )


# Before sessions the cookie held the API key itself; a browser signed in then still sends it.
KEY_COOKIE_BEFORE_SESSIONS = "proscribe_key"


def _clear_session_cookie(request: Request, response: Response) -> None:
    response.delete_cookie(COOKIE, httponly=True, samesite="strict", secure=request.url.scheme == "https")


def _clear_key_cookie(request: Request, response: Response) -> None:
    """Drop a cookie that holds a key (set before sessions), so that the browser forgets the key."""
    if KEY_COOKIE_BEFORE_SESSIONS in request.cookies:
        response.delete_cookie(KEY_COOKIE_BEFORE_SESSIONS, httponly=True, samesite="strict")


def _page(
    request: Request, template: str, key: ApiKey, status_code: int = 200, **context: Any
) -> HTMLResponse:
    extras = getattr(request.app.state, "web_sections", {})
    return templates.TemplateResponse(
        request,
        template,
        {"key": key, "csrf": csrf_token(request), **extras, **context},
        status_code=status_code,
    )


def _error_page(request: Request, key: ApiKey, exc: ProscribeError) -> HTMLResponse:
    found = not isinstance(exc, NotFound)
    status = 400 if found else 404
    return _page(
        request, "error.html", key, status, status="Bad request" if found else "Not found", message=str(exc)
    )


def _uploaded_names(upload: UploadFile, column: str) -> list[str]:
    """The names in ``column`` of an uploaded CSV (read as the CLI reads ``--input``)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload.csv"
        path.write_bytes(upload.file.read())
        try:
            return [name for _, name in read_column(path, column)]
        except InputError as exc:
            raise InputError(exc.message, location="file") from None


def install_web(app: FastAPI) -> None:
    """Mount the web pages and their static files on ``app``."""
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.exception_handler(LoginNeeded)
    async def login_needed(request: Request, exc: LoginNeeded) -> Response:
        response = RedirectResponse(f"/login?next={quote(exc.path)}", status_code=303)
        if exc.stale_cookie:  # the session ended: the browser can forget its id
            _clear_session_cookie(request, response)
        _clear_key_cookie(request, response)
        return response

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_form(request: Request, next: str = "/") -> HTMLResponse:
        return templates.TemplateResponse(request, "login.html", {"key": None, "next": next, "error": None})

    @app.post("/login", include_in_schema=False)
    def login(request: Request, token: str = Form(...), next: str = Form("/")) -> Response:
        try:
            key = checked_key(request, token)
        except ApiError as exc:
            error = "That key is unknown or revoked." if exc.status == 401 else exc.message
            return templates.TemplateResponse(
                request,
                "login.html",
                {"key": None, "next": next, "error": error},
                status_code=exc.status,
                headers=exc.headers,
            )
        target = next if next.startswith("/") and not next.startswith("//") else "/"
        response = RedirectResponse(target, status_code=303)
        previous = session_of(request)
        if previous is not None:  # signing in again replaces the session the browser held
            sessions_of(request).end(previous)
        _set_session_cookie(request, response, sessions_of(request).start(key))
        _clear_key_cookie(request, response)
        return response

    @app.post("/logout", include_in_schema=False)
    def logout(request: Request, csrf: str = Form("")) -> Response:
        """End the browser's session on the server (its id is refused from now on, on every
        worker) and drop the cookie. Needs the form token, so that no other site's page can sign
        a user out."""
        session = session_of(request)
        if session is not None:
            if sessions_of(request).key_of(session) is not None:
                check_csrf(request, csrf)  # a live session: only its own pages may end it
            sessions_of(request).end(session)
        response = RedirectResponse("/login", status_code=303)
        _clear_session_cookie(request, response)
        return response

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(
        request: Request, q: str = "", kind: str = "", jurisdiction: str = "", list: str = "", page: str = "1"
    ) -> HTMLResponse:
        key = _reader(request)
        screener: Screener = request.app.state.screener
        try:
            number = int(page) if page.isdigit() else 0
            found = search_page(
                registry_of(request),
                q,
                kind=kind,
                jurisdiction=jurisdiction.upper(),
                list_id=list,
                page=number,
                index=screener.index,
            )
        except ProscribeError as exc:
            return _error_page(request, key, exc)
        return _page(request, "search.html", key, q=q, found=found, results=found.results)

    @app.get("/search.json", include_in_schema=False)
    def search_as_you_type(request: Request, q: str = "") -> Response:
        """The first page of the search page's hits, ranked the same way, for search as you type."""
        _reader(request)
        screener: Screener = request.app.state.screener
        found = search_page(registry_of(request), q[:200], per_page=15, index=screener.index)
        return json_response({"query": q, "total": found.total, "results": found.results})

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
        statuses = status_with_freshness(
            registry,
            [
                weigh_list_evidence(registry, r)
                for r in registry.statuses_as_of(subject, day, None, published)
            ],
        )
        history = registry.history(subject, with_general=False)
        identifiers = list_identifiers(registry, subject)
        end = dt.date.today()
        start = chart_start(history, end)
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
            identifiers=identifiers,
        )

    @app.get("/entity/{ref}/export.{fmt}", include_in_schema=False)
    def entity_export(request: Request, ref: str, fmt: str, as_of: str | None = None) -> Response:
        key = _reader(request)
        registry = registry_of(request)
        try:
            subject = registry.resolve(ref)
            day = day_param(as_of, "as_of") or dt.date.today()
            if fmt not in EXPORTS:
                raise NotFound(f"no export format '{fmt}' (csv, json or ftm)")
            body = export_text(registry, subject, fmt, day)
        except ProscribeError as exc:
            return _error_page(request, key, exc)
        suffix = "ftm.json" if fmt == "ftm" else fmt
        return Response(
            body,
            media_type=EXPORTS[fmt],
            headers={
                "Content-Disposition": f'attachment; filename="{subject.id}-{day.isoformat()}.{suffix}"'
            },
        )

    @app.get("/act/{act_id}", response_class=HTMLResponse, include_in_schema=False)
    def act_page(request: Request, act_id: str) -> HTMLResponse:
        key = _reader(request)
        registry = registry_of(request)
        try:
            recorded = recorded_act(registry, act_id)
        except ProscribeError as exc:
            return _error_page(request, key, exc)
        entities = registry.entities.get_many(recorded.act.entities)
        return _page(request, "act.html", key, recorded=recorded, act=recorded.act, entities=entities)

    @app.get("/list/{source}/{version}", response_class=HTMLResponse, include_in_schema=False)
    def version_view(request: Request, source: str, version: str) -> HTMLResponse:
        key = _reader(request)
        try:
            context = version_page(registry_of(request), source, version)
        except ProscribeError as exc:
            return _error_page(request, key, exc)
        return _page(request, "version.html", key, **context)

    @app.get("/procedure/{case_id}", response_class=HTMLResponse, include_in_schema=False)
    def case_page(request: Request, case_id: str) -> HTMLResponse:
        key = _reader(request)
        cases = ProcedureCases(registry_of(request))
        try:
            report = case_report(cases, cases.get(case_id))
        except ProscribeError as exc:
            return _error_page(request, key, exc)
        return _page(request, "case.html", key, case=report)

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

    @app.get("/screen", response_class=HTMLResponse, include_in_schema=False)
    def screen_form(request: Request) -> HTMLResponse:
        key = _reader(request)
        return _page(request, "screen.html", key, rows=None, as_of=dt.date.today().isoformat())

    @app.post("/screen", include_in_schema=False)
    def screen_page(
        request: Request,
        name: str = Form(""),
        column: str = Form("name"),
        as_of: str = Form(""),
        jurisdiction: str = Form(""),
        output: str = Form("html"),
        file: UploadFile | None = None,
        csrf: str = Form(""),
    ) -> Response:
        key = _reader(request)
        try:
            check_csrf(request, csrf)
        except ApiError as exc:
            today = dt.date.today().isoformat()
            return _page(request, "screen.html", key, exc.status, error=exc.message, rows=None, as_of=today)
        context: dict[str, Any] = {"name": name, "column": column, "jurisdiction": jurisdiction, "rows": None}
        try:
            day = day_param(as_of, "as_of") or dt.date.today()
            context["as_of"] = day.isoformat()
            code = jurisdiction_param(jurisdiction)
            names = _uploaded_names(file, column) if file is not None and file.filename else []
            if name.strip():
                names.insert(0, name)
            if not names:
                raise InputError("give a name or a CSV file", location="name")
            limit = limits_of(request).max_batch
            if len(names) > limit:
                raise InputError(f"{len(names):,} names; the limit is {limit:,} per screen", location="file")
        except ProscribeError as exc:
            context.setdefault("as_of", dt.date.today().isoformat())
            return _page(request, "screen.html", key, 400, error=str(exc), **context)
        screener: Screener = request.app.state.screener
        rows = screener.screen_names(names, day, [code] if code else None, 10, key.name)
        if output == "csv":
            buffer = io.StringIO()
            write_rows(rows, buffer, "csv")
            return Response(
                buffer.getvalue(),
                media_type="text/csv; charset=utf-8",
                headers={"Content-Disposition": f'attachment; filename="screening-{day.isoformat()}.csv"'},
            )
        return _page(request, "screen.html", key, **{**context, "rows": rows})

    @app.get("/alerts", response_class=HTMLResponse, include_in_schema=False)
    def alerts_page(request: Request, watchlist: str | None = None) -> HTMLResponse:
        key = _reader(request)
        owner = owner_filter(key)
        store: Watchlists = request.app.state.watchlists
        if key.role.allows(Role.ANALYST):  # a reader's look never writes alerts
            store.refresh_if_stale(key.name, owner)
        return _page(request, "alerts.html", key, alerts=store.alerts(watchlist, owner=owner))

    @app.get("/review/news", response_class=HTMLResponse, include_in_schema=False)
    def news_page(request: Request) -> HTMLResponse:
        key = _reader(request)
        events = ReviewQueue(registry_of(request)).list("pending")
        return _page(request, "news.html", key, events=events, can_decide=key.role.allows(Role.ANALYST))

    @app.get("/review/links", response_class=HTMLResponse, include_in_schema=False)
    def links_page(request: Request) -> HTMLResponse:
        key = _reader(request)
        links = review_links(registry_of(request), 500)
        return _page(request, "links.html", key, links=links, can_decide=key.role.allows(Role.ANALYST))
