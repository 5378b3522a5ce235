"""Request dependencies: the registry, the caller's key and role, the rate limit, query parsing."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from proscribe.api.auth import ApiKey, KeyStore, Role
from proscribe.api.guards import FailedKeys
from proscribe.api.limits import Limits, RateLimiter
from proscribe.api.sessions import SESSION_COOKIE, WebSessions
from proscribe.dates import parse_day, parse_instant
from proscribe.errors import parsed_or_refused
from proscribe.jurisdictions import normalise_jurisdiction
from proscribe.registry import Registry
from proscribe.serialize import to_jsonable

ANONYMOUS = ApiKey(name="anonymous", role=Role.READER, created_at="")
# The largest integer SQLite and PostgreSQL (BIGINT) store: a larger id or sequence number in a
# query would fail in the database driver (a 500); bounding the parameter makes it a 400.
SQL_INT_MAX = 2**63 - 1


class ApiError(Exception):
    """An error answered as JSON: ``{"error": message, "field": field}`` with an HTTP status."""

    def __init__(
        self, status: int, message: str, field: str | None = None, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.field = field
        self.headers = headers or {}


def registry_of(request: Request) -> Registry:
    registry: Registry = request.app.state.registry
    return registry


def keys_of(request: Request) -> KeyStore:
    keys: KeyStore = request.app.state.keys
    return keys


def limits_of(request: Request) -> Limits:
    limits: Limits = request.app.state.limits
    return limits


def sessions_of(request: Request) -> WebSessions:
    sessions: WebSessions = request.app.state.sessions
    return sessions


def token_of(request: Request) -> str | None:
    """The API key sent in a header (``Authorization: Bearer KEY``, ``ApiKey KEY`` or
    ``X-API-Key``). Browsers send a session cookie instead, never the key (:func:`session_of`)."""
    header = request.headers.get("authorization", "")
    for scheme in ("bearer ", "apikey "):  # "ApiKey KEY" is what yente clients send
        if header.lower().startswith(scheme):
            return header[len(scheme) :].strip() or None
    return request.headers.get("x-api-key") or None


def session_of(request: Request) -> str | None:
    """The web session id of the request's cookie (None without one)."""
    return request.cookies.get(SESSION_COOKIE) or None


def caller(request: Request) -> ApiKey | None:
    """The key presented with the request (None when none was): a key in a header, checked (401
    for a bad key), or else the key of the web session in the cookie (401 once it has ended)."""
    token = token_of(request)
    if token is not None:
        return checked_key(request, token)
    session = session_of(request)
    if session is None:
        return None
    key = sessions_of(request).key_of(session)
    if key is None:
        # Not counted as a guess: a session id is 256 random bits, and a browser whose session
        # expired or was signed out elsewhere sends its stale cookie with every page.
        raise ApiError(
            401, "the web session has ended (signed out, expired or key revoked); sign in again", "session"
        )
    return key


def client_of(request: Request) -> str:
    """The client's address (the proxy's, behind one: then all clients share one limit)."""
    return request.client.host if request.client else "unknown"


def retry_seconds(wait: float) -> int:
    """A ``Retry-After`` value: whole seconds, at least 1, at most a day (an endless wait, which
    a limiter must not answer, would otherwise fail to convert)."""
    return max(1, math.ceil(min(wait, 86_400.0)))


def checked_key(request: Request, token: str) -> ApiKey:
    """The key ``token`` names; 401 when wrong, 429 once a client has sent too many wrong keys."""
    failures: FailedKeys | None = getattr(request.app.state, "failed_keys", None)
    client = client_of(request)
    wait = failures.wait(client) if failures else None
    if wait is not None and failures is not None:
        seconds = retry_seconds(wait)
        raise ApiError(
            429,
            f"{failures.per_minute} wrong API keys from {client} within a minute; retry in {seconds} s",
            "authorization",
            {"Retry-After": str(seconds)},
        )
    key = keys_of(request).authenticate(token)
    if key is None:
        if failures is not None:
            failures.failed(client)
        raise ApiError(401, "the API key is unknown or revoked", "authorization")
    return key


def _rate_limit(request: Request, who: str) -> None:
    limiter: RateLimiter = request.app.state.rate_limiter
    wait = limiter.take(who)
    if wait is not None:
        seconds = retry_seconds(wait)
        raise ApiError(
            429,
            f"rate limit of {limiter.per_minute} requests a minute exceeded for '{who}'; retry in {seconds} s",
            "authorization",
            {"Retry-After": str(seconds)},
        )


def need(role: Role) -> Callable[[Request], ApiKey]:
    """A dependency: the caller's key, which must hold ``role`` or higher (401/403 otherwise)."""

    def dependency(request: Request) -> ApiKey:
        key = caller(request)
        if key is None:
            if role is Role.READER and limits_of(request).public_read:
                client = request.client.host if request.client else "unknown"
                _rate_limit(request, f"anonymous@{client}")
                return ANONYMOUS
            raise ApiError(
                401, "an API key is required (header 'Authorization: Bearer KEY')", "authorization"
            )
        _rate_limit(request, key.name)
        if not key.role.allows(role):
            raise ApiError(
                403, f"key '{key.name}' has role {key.role.value}; this needs {role.value} or higher", "role"
            )
        request.state.key = key
        return key

    dependency.__name__ = f"need_{role.value}"
    return dependency


def day_param(value: str | None, field: str) -> dt.date | None:
    return parsed_or_refused(value or None, parse_day, field)  # an empty parameter is no parameter


def instant_param(value: str | None, field: str) -> dt.datetime | None:
    return parsed_or_refused(value or None, parse_instant, field)  # an empty parameter is no parameter


def jurisdiction_param(value: str | None, field: str = "jurisdiction") -> str | None:
    return parsed_or_refused(
        value or None, normalise_jurisdiction, field
    )  # an empty parameter is no parameter


def json_response(value: Any, status: int = 200) -> JSONResponse:
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json", by_alias=True, exclude_none=True)
    return JSONResponse(to_jsonable(value), status_code=status)
