"""The HTTP API, on SQLite and a real PostgreSQL, through FastAPI's TestClient and a real uvicorn server.

Every test that takes ``client`` runs four times: {sqlite, postgresql} x {in-process, real HTTP}.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx2
import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from proscribe import Registry
from proscribe.api.app import create_app
from proscribe.api.auth import KeyStore
from proscribe.api.limits import Limits
from proscribe.api.server import running
from proscribe.bundled import bundled_records
from proscribe.store import tables as t

ROLES = ("reader", "analyst", "admin")
# The journal a service starts with: the bundled acts, loaded once.
BUNDLED_ACTS = len(bundled_records().acts)


@dataclass
class Service:
    app: FastAPI
    registry: Registry
    tokens: dict[str, str]
    http: httpx2.Client

    def get(self, path: str, role: str | None = "reader", **kwargs: Any) -> httpx2.Response:
        return self.http.get(path, headers=self.auth(role), **kwargs)

    def post(self, path: str, role: str | None = "analyst", **kwargs: Any) -> httpx2.Response:
        return self.http.post(path, headers=self.auth(role), **kwargs)

    def auth(self, role: str | None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[role]}"} if role else {}

    def audit_count(self) -> int:
        with self.registry.db.reading() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(t.audit_log)).scalar_one())


def make_service(db_url: str, limits: Limits | None = None) -> tuple[FastAPI, Registry, dict[str, str]]:
    registry = Registry(db_url)
    registry.load_bundled()
    keys = KeyStore(registry.db)
    tokens = {role: keys.create(role, role)[1] for role in ROLES}
    return create_app(registry, limits or Limits(rate_per_minute=100_000)), registry, tokens


@contextmanager
def serving(app: FastAPI, transport: str) -> Iterator[httpx2.Client]:
    """An HTTP client for ``app``: in-process (TestClient) or over TCP to a real uvicorn server."""
    if transport == "testclient":
        with TestClient(app) as client:
            yield client
        return
    with running(app) as base_url, httpx2.Client(base_url=base_url, timeout=None) as client:
        yield client


@pytest.fixture(params=["testclient", "uvicorn"])
def service(request: pytest.FixtureRequest, db_url: str) -> Iterator[Service]:
    app, registry, tokens = make_service(db_url)
    with serving(app, str(request.param)) as http:
        yield Service(app, registry, tokens, http)
    registry.db.dispose()


def act_body(act_id: str, action: str = "reinstated", decided: str = "2026-06-01") -> dict[str, Any]:
    return {
        "id": act_id,
        "jurisdiction": "RU",
        "action": action,
        "entities": ["taliban"],
        "list": "ru-federal-terrorist-list",
        "decided": decided,
        "authority": "Supreme Court of the Russian Federation",
        "sources": [{"url": "https://example.org/ruling", "retrieved": "2026-06-02"}],
    }


# -- reading ---------------------------------------------------------------------------------------


def test_health_needs_no_key(service: Service) -> None:
    answer = service.get("/api/health", role=None)
    assert answer.status_code == 200
    assert answer.json()["ok"] is True and answer.json()["acts"] > 60


def test_status_on_both_time_axes(service: Service) -> None:
    params = {"jurisdiction": "RU", "as_of": "2025-06-01"}
    now = service.get("/api/entities/Taliban/status", params=params).json()
    assert now["entity"] == "taliban"
    [ru] = now["statuses"]
    # Suspended on both readings (court report: 17 Apr 2025; FSB list: in force 20 May 2025).
    assert ru["status"] == "suspended" and ru["since"] is None
    assert sorted(r["since"] for r in ru["readings"]) == ["2025-04-17", "2025-05-20"]
    listed = service.get("/api/entities/Taliban/status", params={**params, "as_of": "2025-01-01"}).json()
    assert listed["statuses"][0]["deciding_acts"][0]["sources"][0]["url"].startswith("https://")
    then = service.get("/api/entities/Taliban/status", params={**params, "published_by": "2025-03-01"}).json()
    assert then["statuses"][0]["status"] == "listed" and then["published_by"] == "2025-03-01"
    before_loading = service.get("/api/entities/Taliban/status", params={**params, "known_at": "2000-01-01"})
    assert before_loading.json()["statuses"][0]["status"] == "never listed"


def test_status_everywhere_follows_lineage(service: Service) -> None:
    answer = service.get("/api/entities/HTS/status", params={"as_of": "2026-06-01"}).json()
    by_code = {s["jurisdiction"]: s for s in answer["statuses"]}
    assert by_code["US"]["status"] == "delisted" and by_code["US"]["since"] == "2025-07-08"
    assert by_code["US"]["via"]["entity"] == "al-nusrah-front"
    assert by_code["RU"]["status"] == "listed"


def test_names_in_other_scripts_resolve(service: Service) -> None:
    answer = service.get("/api/entities/Хайят Тахрир аш-Шам")
    assert answer.status_code == 200
    assert answer.json()["id"] == "hayat-tahrir-al-sham"


def test_search_as_you_type(service: Service) -> None:
    results = service.get("/api/entities", params={"q": "tali"}).json()["results"]
    assert results[0]["id"] == "taliban" and results[0]["match"] == "prefix"
    assert service.get("/api/entities", params={"q": "%"}).json()["results"] == []


def test_history_and_its_knowledge_filters(service: Service) -> None:
    full = service.get("/api/entities/Taliban/history").json()["history"]
    ids = [entry["act"]["id"] for entry in full]
    assert "ru-2003-02-14-taliban-designated" in ids
    early = service.get("/api/entities/Taliban/history", params={"published_by": "2010-01-01"}).json()
    assert 0 < len(early["history"]) < len(full)
    assert (
        service.get("/api/entities/Taliban/history", params={"known_at": "2000-01-01"}).json()["history"]
        == []
    )


def test_timeline_lanes(service: Service) -> None:
    lanes = service.get("/api/entities/Taliban/timeline", params={"from": 2020}).json()["lanes"]
    ru = next(lane for lane in lanes if lane["jurisdiction"] == "RU")
    assert [p["status"] for p in ru["periods"]][-1] == "suspended"


def test_acts_conflicts_changes_verify(service: Service) -> None:
    act = service.get("/api/acts/ru-2003-02-14-taliban-designated").json()
    assert act["seq"] >= 1 and len(act["hash"]) == 64 and act["act"]["jurisdiction"] == "RU"
    page = service.get("/api/acts", params={"after": 0, "limit": 5}).json()
    assert [a["seq"] for a in page["acts"]] == [1, 2, 3, 4, 5] and page["total"] > 60
    conflicts = service.get("/api/conflicts").json()["conflicts"]
    assert any(ref["jurisdiction"] == "KZ" for group in conflicts for ref in group)
    changes = service.get("/api/changes", params={"since": "2000-01-01"}).json()
    assert len(changes["added"]) == page["total"]
    verified = service.get("/api/verify").json()
    assert verified["ok"] is True and verified["acts_checked"] == page["total"]


def test_openapi_docs(service: Service) -> None:
    assert service.get("/docs", role=None).status_code == 200
    spec = service.get("/openapi.json", role=None).json()
    assert "/api/entities/{ref}/status" in spec["paths"] and "/api/acts" in spec["paths"]


# -- errors ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "params", "status", "field"),
    [
        ("/api/entities/Taliban/status", {"as_of": "2025-13-01"}, 400, "as_of"),
        ("/api/entities/Taliban/status", {"jurisdiction": "XX"}, 400, "jurisdiction"),
        ("/api/entities/Taliban/status", {"known_at": "yesterday"}, 400, "known_at"),
        ("/api/entities/Taliban/history", {"published_by": "2025"}, 400, "published_by"),
        ("/api/entities", {"limit": 5}, 400, "q"),
        ("/api/entities/No Such Group/status", {}, 404, None),
        ("/api/acts/no-such-act", {}, 404, None),
        ("/api/no/such/route", {}, 404, None),
    ],
)
def test_errors_are_one_line_json_naming_the_field(
    service: Service, path: str, params: dict[str, Any], status: int, field: str | None
) -> None:
    answer = service.get(path, params=params)
    assert answer.status_code == status
    body = answer.json()
    assert body["field"] == field
    assert "\n" not in body["error"] and body["error"]
    if field:
        assert field in body["error"]


def test_keys_are_required_and_checked(service: Service) -> None:
    missing = service.get("/api/entities/Taliban", role=None)
    assert missing.status_code == 401 and missing.json()["field"] == "authorization"
    wrong = service.http.get("/api/entities/Taliban", headers={"Authorization": "Bearer psk_wrong"})
    assert wrong.status_code == 401
    by_header = service.http.get("/api/entities/Taliban", headers={"X-API-Key": service.tokens["reader"]})
    assert by_header.status_code == 200


# -- writing ---------------------------------------------------------------------------------------


def test_analyst_appends_acts_and_the_write_is_audited(service: Service) -> None:
    answer = service.post("/api/acts", json={"acts": [act_body("ru-2026-06-01-taliban-reinstated")]})
    assert answer.status_code == 201, answer.text
    assert answer.json()["added"] == ["ru-2026-06-01-taliban-reinstated"]
    status = service.get("/api/entities/Taliban/status", params={"jurisdiction": "RU", "as_of": "2026-07-01"})
    assert status.json()["statuses"][0]["status"] == "listed"
    again = service.post("/api/acts", json={"acts": [act_body("ru-2026-06-01-taliban-reinstated")]})
    assert again.status_code == 200 and again.json()["unchanged"] == ["ru-2026-06-01-taliban-reinstated"]
    log = service.get("/api/audit", role="admin", params={"action": "acts.record"}).json()["entries"]
    assert [entry["key_name"] for entry in log] == ["analyst", "analyst"]
    assert log[-1]["detail"]["added"] == ["ru-2026-06-01-taliban-reinstated"]
    assert service.get("/api/verify").json()["ok"] is True


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"acts": [{**act_body("a-1"), "sources": []}]}, "acts[0].sources"),
        ({"acts": [{**act_body("a-1"), "decided": "2026-02-30"}]}, "acts[0].decided"),
        ({"acts": [act_body("a-1"), {**act_body("a-2"), "entities": ["nobody-at-all"]}]}, "a-2.entities"),
        ({"acts": []}, "acts"),
    ],
)
def test_bad_acts_are_refused_and_nothing_is_written(
    service: Service, body: dict[str, Any], field: str
) -> None:
    count, audited = service.registry.journal.count(), service.audit_count()
    answer = service.post("/api/acts", json=body)
    assert answer.status_code == 400, answer.text
    assert answer.json()["field"].startswith(field), answer.json()
    assert service.registry.journal.count() == count and service.audit_count() == audited


WRITE_ROUTES = [
    ("POST", "/api/acts", {"acts": [act_body("reader-act")]}),
    ("POST", "/api/links/1/accept", {}),
    ("POST", "/api/links/1/reject", {"reason": "different groups"}),
    (
        "POST",
        "/api/procedures/cases",
        {"rule": "ru-suspension", "entity": "Taliban", "started_on": "2025-03"},
    ),
    (
        "POST",
        "/api/procedures/cases/tal/steps",
        {"step": "application", "actor": "prosecutor-general", "on": "2025-03", "retrieved": "2025-03-02"},
    ),
    ("POST", "/api/keys", {"name": "mallory", "role": "admin"}),
    ("DELETE", "/api/keys/admin", None),
    ("POST", "/api/watchlists", {"id": "w", "names": [{"ref": "1", "name": "Taliban"}]}),
    ("POST", "/api/watchlists/refresh", None),
    ("POST", "/api/alerts/1/acknowledge", None),
    ("POST", "/api/news/events/e-1/accept", {}),
    ("POST", "/api/news/events/e-1/reject", {"reason": "wrong"}),
]


@pytest.mark.parametrize(
    ("method", "path", "body"), WRITE_ROUTES, ids=[f"{m} {p}" for m, p, _ in WRITE_ROUTES]
)
def test_a_reader_can_never_write(
    service: Service, method: str, path: str, body: dict[str, Any] | None
) -> None:
    count, audited = service.registry.journal.count(), service.audit_count()
    keys_before = KeyStore(service.registry.db).all()
    answer = service.http.request(method, path, json=body, headers=service.auth("reader"))
    assert answer.status_code == 403 and answer.json()["field"] == "role", answer.text
    anonymous = service.http.request(method, path, json=body)
    assert anonymous.status_code == 401
    assert service.registry.journal.count() == count and service.audit_count() == audited
    assert KeyStore(service.registry.db).all() == keys_before


def test_every_write_route_is_covered_by_the_reader_test(service: Service) -> None:
    writes = {
        (method, route.path)
        for route in service.app.routes
        if isinstance(route, APIRoute)
        for method in route.methods or set()
        if method in {"POST", "PUT", "PATCH", "DELETE"} and route.path.startswith("/api/")
    }
    covered = {
        (
            m,
            p.replace("/1/", "/{candidate_id}/")
            .replace("/tal/", "/{case_id}/")
            .replace("/keys/admin", "/keys/{name}")
            .replace("/alerts/1/", "/alerts/{alert_id}/")
            .replace("/events/e-1/", "/events/{event_id}/"),
        )
        for m, p, _ in WRITE_ROUTES
    }
    assert writes <= covered, writes - covered


def test_admin_routes_refuse_analysts(service: Service) -> None:
    assert service.get("/api/audit", role="analyst").status_code == 403
    assert service.post("/api/keys", json={"name": "x", "role": "reader"}).status_code == 403


def test_keys_are_hashed_at_rest_created_and_revoked_by_admins(service: Service) -> None:
    created = service.post("/api/keys", role="admin", json={"name": "ci-bot", "role": "analyst"})
    assert created.status_code == 201
    token = created.json()["token"]
    with service.registry.db.reading() as conn:
        stored = conn.execute(
            sa.select(t.api_keys.c.key_hash).where(t.api_keys.c.name == "ci-bot")
        ).scalar_one()
        dumped = " ".join(str(v) for row in conn.execute(sa.select(t.api_keys)) for v in row)
    assert stored == hashlib.sha256(token.encode()).hexdigest() and token not in dumped
    headers = {"Authorization": f"Bearer {token}"}
    assert service.http.get("/api/entities/Taliban", headers=headers).status_code == 200
    duplicate = service.post("/api/keys", role="admin", json={"name": "ci-bot", "role": "reader"})
    assert duplicate.status_code == 400 and duplicate.json()["field"] == "name"
    bad_role = service.post("/api/keys", role="admin", json={"name": "x", "role": "root"})
    assert bad_role.status_code == 400 and bad_role.json()["field"] == "role"
    assert service.http.delete("/api/keys/ci-bot", headers=service.auth("admin")).status_code == 200
    assert service.http.get("/api/entities/Taliban", headers=headers).status_code == 401
    actions = [e["action"] for e in service.get("/api/audit", role="admin").json()["entries"]]
    assert actions[:2] == ["keys.revoke", "keys.create"]


def test_procedure_cases_through_the_api(service: Service) -> None:
    started = service.post(
        "/api/procedures/cases",
        json={"rule": "ru-suspension", "entity": "Taliban", "started_on": "2025-03", "id": "tal"},
    )
    assert started.status_code == 201, started.text
    assert "application" in [s["step"] for s in started.json()["next_steps"]]
    refused = service.post(
        "/api/procedures/cases/tal/steps",
        json={"step": "decision", "actor": "court", "on": "2025-04-17", "retrieved": "2025-04-18"},
    )
    assert refused.status_code == 400 and refused.json()["field"].startswith("ru-suspension@")
    listed = service.get("/api/procedures/cases").json()["cases"]
    assert [c["id"] for c in listed] == ["tal"] and listed[0]["history"] == []
    assert service.get("/api/procedures/cases/nope").status_code == 404
    assert any(r["id"] == "ru-suspension" for r in service.get("/api/procedures/rules").json()["rules"])
    log = service.get("/api/audit", role="admin").json()["entries"]
    assert [(e["action"], e["key_name"], e["target"]) for e in log] == [
        ("procedures.start", "analyst", "tal")
    ]


# -- limits ----------------------------------------------------------------------------------------


@pytest.fixture(params=["testclient", "uvicorn"])
def strict(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[Service]:
    limits = Limits(max_body_bytes=20_000, max_batch=2, rate_per_minute=5)
    app, registry, tokens = make_service(str(tmp_path / "strict.db"), limits)
    with serving(app, str(request.param)) as http:
        yield Service(app, registry, tokens, http)
    registry.db.dispose()


def test_body_size_limit(strict: Service) -> None:
    big = {"acts": [act_body("big", decided="2026-06-01") | {"notes": "x" * 30_000}]}
    answer = strict.post("/api/acts", json=big)
    assert answer.status_code == 413 and answer.json()["field"] == "body"
    assert strict.registry.journal.count() == BUNDLED_ACTS


def test_body_size_limit_holds_for_chunked_bodies(strict: Service) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"acts": [], "pad": "'
        for _ in range(30):
            yield b"x" * 1000
        yield b'"}'

    headers = {**strict.auth("analyst"), "Content-Type": "application/json"}
    answer = strict.http.post("/api/acts", content=chunks(), headers=headers)
    assert answer.status_code == 413 and answer.json()["field"] == "body"
    assert strict.registry.journal.count() == BUNDLED_ACTS


def test_batch_size_limit(strict: Service) -> None:
    acts = [act_body(f"batch-{i}", decided=f"2026-06-0{i + 1}") for i in range(3)]
    answer = strict.post("/api/acts", json={"acts": acts})
    assert answer.status_code == 413 and answer.json()["field"] == "acts"
    assert "limit is 2" in answer.json()["error"]
    assert strict.registry.journal.count() == BUNDLED_ACTS


def test_rate_limit_per_key(strict: Service) -> None:
    codes = [strict.get("/api/entities/Taliban").status_code for _ in range(6)]
    assert codes == [200] * 5 + [429]
    refused = strict.get("/api/entities/Taliban")
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
    assert (
        strict.get("/api/entities/Taliban", role="analyst").status_code == 200
    )  # another key, another bucket


def test_cors_is_off_by_default(service: Service) -> None:
    origin = {"Origin": "https://evil.example"}
    answer = service.http.get("/api/entities/Taliban", headers={**origin, **service.auth("reader")})
    assert "access-control-allow-origin" not in answer.headers
    preflight = service.http.options("/api/acts", headers={**origin, "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers


# -- concurrency -------------------------------------------------------------------------------------


def test_eight_writers_at_once_lose_and_duplicate_nothing(db_url: str) -> None:
    app, registry, tokens = make_service(db_url)
    writers, per_writer = 8, 6
    failures: list[str] = []
    start = threading.Barrier(writers)

    def write(base_url: str, n: int) -> None:
        with httpx2.Client(base_url=base_url, timeout=None) as client:
            start.wait()
            for i in range(per_writer):
                body = {
                    "acts": [act_body(f"w{n}-{i}", action="amended", decided=f"2026-0{1 + i % 9}-{10 + n}")]
                }
                answer = client.post(
                    "/api/acts", json=body, headers={"Authorization": f"Bearer {tokens['analyst']}"}
                )
                if answer.status_code != 201:
                    failures.append(f"{n}/{i}: {answer.status_code} {answer.text}")

    with running(app) as base_url:
        threads = [threading.Thread(target=write, args=(base_url, n)) for n in range(writers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        verified = httpx2.get(
            f"{base_url}/api/verify", headers={"Authorization": f"Bearer {tokens['reader']}"}
        ).json()
    assert failures == []
    assert verified["ok"] is True and verified["acts_checked"] == BUNDLED_ACTS + writers * per_writer
    ids = [r.act.id for r in registry.journal.all_acts()]
    assert len(ids) == len(set(ids))
    assert {f"w{n}-{i}" for n in range(writers) for i in range(per_writer)} <= set(ids)
    with registry.db.reading() as conn:
        audited = (
            conn.execute(sa.select(t.audit_log.c.target).where(t.audit_log.c.action == "acts.record"))
            .scalars()
            .all()
        )
    assert sorted(audited) == sorted(f"w{n}-{i}" for n in range(writers) for i in range(per_writer))
    registry.db.dispose()
