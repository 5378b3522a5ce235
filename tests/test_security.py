"""Hostile text in every kind of field is harmless: queries are parameterised, output is escaped.

Runs on SQLite and PostgreSQL, in-process and over a real uvicorn server (the ``service`` fixture).
"""

# ruff: noqa: F811 - test parameters named after the imported `service` fixture
from __future__ import annotations

from test_api import Service, act_body, service  # noqa: F401 - the `service` fixture, used by name

HOSTILE = [
    "'; DROP TABLE acts; --",
    '" OR "1"="1',
    "<script>alert('x')</script>",
    "Robert'); DELETE FROM entities WHERE ('1'='1",
    "%' UNION SELECT body FROM acts --",
]


def _acts(service: Service) -> int:
    return int(service.get("/api/health", role=None).json()["acts"])


def test_hostile_search_and_lookup_text_reads_nothing_extra_and_writes_nothing(service: Service) -> None:
    before = _acts(service)
    for text in HOSTILE:
        search = service.get("/api/entities", params={"q": text})
        assert search.status_code in (200, 400), search.text
        status = service.get(f"/api/entities/{text}/status")
        assert status.status_code in (400, 404), status.text
        assert "error" in status.json()
        screen = service.post("/api/screen", role="reader", json={"name": text})
        assert screen.status_code == 200, screen.text
    assert _acts(service) == before
    assert service.get("/api/verify").json()["ok"] is True
    assert service.get("/api/entities/taliban").status_code == 200


def test_hostile_text_in_an_act_is_stored_verbatim_and_shown_escaped(service: Service) -> None:
    body = act_body("ru-2026-06-01-hostile-text")
    body["notes"] = " | ".join(HOSTILE)
    body["authority"] = HOSTILE[2]
    body["sources"][0]["title"] = HOSTILE[0]
    before = _acts(service)
    answer = service.post("/api/acts", json={"acts": [body]})
    assert answer.status_code in (200, 201), answer.text
    assert _acts(service) == before + 1
    stored = service.get("/api/acts/ru-2026-06-01-hostile-text").json()
    text = str(stored)
    assert HOSTILE[0] in text and HOSTILE[2] in text
    assert service.get("/api/verify").json()["ok"] is True
    signed_in = service.http.post("/login", data={"token": service.tokens["reader"]}, follow_redirects=False)
    assert signed_in.status_code == 303
    page = service.http.get("/entity/taliban")
    assert page.status_code == 200
    assert "<script>alert('x')</script>" not in page.text
    assert "&lt;script&gt;" in page.text
