"""API keys and roles: reader < analyst < admin.

A key is a random token shown once at creation; only its SHA-256 is stored.
Every write is recorded in the audit log with the key's name.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import orjson
import sqlalchemy as sa

from proscribe.dates import utc_stamp
from proscribe.errors import InputError, NotFound
from proscribe.store import Database
from proscribe.store import tables as t

TOKEN_PREFIX = "psk_"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,199}$")


class Role(StrEnum):
    READER = "reader"
    ANALYST = "analyst"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    def allows(self, needed: Role) -> bool:
        return self.rank >= needed.rank


@dataclass(frozen=True)
class ApiKey:
    name: str
    role: Role
    created_at: str
    revoked_at: str | None = None


def parse_role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        raise InputError(
            f"unknown role '{value}' (roles: {', '.join(r.value for r in Role)})", location="role"
        ) from None


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class KeyStore:
    """API keys and the audit log in one database."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def create(self, name: str, role: Role | str) -> tuple[ApiKey, str]:
        """A new key; returns it and its token (the only time the token exists in clear)."""
        chosen = role if isinstance(role, Role) else parse_role(role)
        if not _NAME.match(name):
            raise InputError(
                f"'{name}' is not a valid key name (letters, digits, '.', '_', '@', '-')", location="name"
            )
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        key = ApiKey(name=name, role=chosen, created_at=utc_stamp())
        with self.db.writing() as conn, conn.begin():
            if conn.execute(sa.select(t.api_keys.c.name).where(t.api_keys.c.name == name)).first():
                raise InputError(f"a key named '{name}' already exists", location="name")
            conn.execute(
                t.api_keys.insert().values(
                    name=name, role=chosen.value, key_hash=hash_token(token), created_at=key.created_at
                )
            )
        return key, token

    def authenticate(self, token: str) -> ApiKey | None:
        with self.db.reading() as conn:
            row = conn.execute(
                sa.select(t.api_keys).where(t.api_keys.c.key_hash == hash_token(token))
            ).first()
        if row is None or row.revoked_at is not None:
            return None
        return ApiKey(name=row.name, role=Role(row.role), created_at=row.created_at)

    def all(self) -> list[ApiKey]:
        with self.db.reading() as conn:
            rows = conn.execute(sa.select(t.api_keys).order_by(t.api_keys.c.name)).all()
        return [ApiKey(r.name, Role(r.role), r.created_at, r.revoked_at) for r in rows]

    def revoke(self, name: str) -> ApiKey:
        with self.db.writing() as conn, conn.begin():
            row = conn.execute(sa.select(t.api_keys).where(t.api_keys.c.name == name)).first()
            if row is None:
                raise NotFound(f"no API key named '{name}'")
            if row.revoked_at is not None:
                raise InputError(f"key '{name}' was already revoked on {row.revoked_at}", location="name")
            stamp = utc_stamp()
            conn.execute(t.api_keys.update().where(t.api_keys.c.name == name).values(revoked_at=stamp))
        return ApiKey(row.name, Role(row.role), row.created_at, stamp)

    # -- audit -------------------------------------------------------------------

    def audit(
        self,
        key: ApiKey,
        action: str,
        target: str,
        detail: dict[str, Any] | None = None,
        conn: sa.Connection | None = None,
    ) -> None:
        values = {
            "at": utc_stamp(),
            "key_name": key.name,
            "role": key.role.value,
            "action": action,
            "target": target,
            "detail": orjson.dumps(detail or {}).decode(),
        }
        if conn is not None:
            conn.execute(t.audit_log.insert().values(**values))
            return
        with self.db.writing() as own, own.begin():
            own.execute(t.audit_log.insert().values(**values))

    def audit_log(
        self, key_name: str | None = None, action: str | None = None, limit: int = 100
    ) -> list[dict[str, Any]]:
        query = sa.select(t.audit_log).order_by(t.audit_log.c.id.desc()).limit(limit)
        if key_name:
            query = query.where(t.audit_log.c.key_name == key_name)
        if action:
            query = query.where(t.audit_log.c.action == action)
        with self.db.reading() as conn:
            rows = conn.execute(query).all()
        return [{**row._asdict(), "detail": orjson.loads(row.detail)} for row in rows]
