"""Screening through the API: /api/screen, /api/screen/batch and yente's POST /match/{dataset},
on SQLite and PostgreSQL, in-process and over real HTTP; every screen audited under the key's name."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from proscribe.api.limits import Limits
from test_api import Service, make_service, serving


@pytest.fixture(params=["testclient", "uvicorn"])
def service(request: pytest.FixtureRequest, db_url: str) -> Iterator[Service]:
    app, registry, tokens = make_service(db_url, Limits(rate_per_minute=100_000, max_batch=3))
    with serving(app, str(request.param)) as http:
        yield Service(app, registry, tokens, http)
    registry.db.dispose()


def audit(service: Service) -> list[dict[str, object]]:
    return list(service.get("/api/screen/audit", role="admin").json()["entries"])


def test_screen_one_name_with_listings_as_of_a_date(service: Service) -> None:
    # "Taleban" is itself a listed alias (Canadian list); "Talebaan" is a variant that matches it.
    answer = service.post("/api/screen", role="reader", json={"name": "Talebaan", "as_of": "2025-06-01"})
    assert answer.status_code == 200, answer.text
    top = answer.json()["matches"][0]
    assert top["entity_id"] == "taliban" and 0 < top["score"] < 1 and top["explanation"]
    ru = next(x for x in top["listings"] if x["jurisdiction"] == "RU")
    # Suspended on both readings (court report: 17 Apr 2025; FSB list: 20 May 2025), which disagree on the day.
    assert ru["status"] == "suspended" and ru["since"] is None
    only_un = service.post(
        "/api/screen", role="reader", json={"name": "Taliban", "jurisdictions": ["UN"]}
    ).json()
    assert {x["jurisdiction"] for x in only_un["matches"][0]["listings"]} == {"UN"}
    [entry] = [e for e in audit(service) if e["query"] == "Talebaan"]
    assert entry["user"] == "reader" and entry["as_of"] == "2025-06-01"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "Taliban", "as_of": "2025-02-30"}, "as_of"),
        ({"name": "Taliban", "jurisdictions": ["XX"]}, "jurisdictions[0]"),
        ({"name": "Taliban", "limit": 0}, "limit"),
        ({}, "name"),
    ],
)
def test_bad_screens_name_the_field(service: Service, body: dict[str, object], field: str) -> None:
    answer = service.post("/api/screen", role="reader", json=body)
    assert answer.status_code == 400 and answer.json()["field"] == field, answer.text


def test_batch_keeps_order_reports_bad_rows_and_has_a_limit(service: Service) -> None:
    answer = service.post(
        "/api/screen/batch", role="reader", json={"names": ["Acme Trading Ltd", "", "Hamas"]}
    )
    results = answer.json()["results"]
    assert [r["query"] for r in results] == ["Acme Trading Ltd", "", "Hamas"]
    assert results[0]["matches"] == [] and results[1]["error"] == "empty name"
    assert results[2]["matches"][0]["entity_id"] == "hamas"
    assert len(audit(service)) == 2  # the unusable name is not a screen
    too_many = service.post("/api/screen/batch", role="reader", json={"names": ["a", "b", "c", "d"]})
    assert too_many.status_code == 413 and too_many.json()["field"] == "names"


def test_screening_needs_a_key(service: Service) -> None:
    assert service.post("/api/screen", role=None, json={"name": "Taliban"}).status_code == 401
    assert service.post("/match/default", role=None, json={"queries": {}}).status_code == 401


def test_yente_match_request_and_response_shape(service: Service) -> None:
    # The full yente 5 model checks are in test_yente_compat.py; this one runs on both backends
    # and over real HTTP, with the "ApiKey KEY" header yente clients send.
    query = {
        "queries": {
            "q1": {"schema": "Organization", "properties": {"name": ["Talebaan"]}},
            "q2": {"schema": "Person", "properties": {"firstName": ["Jane"], "lastName": ["Nobody-Known"]}},
        }
    }
    answer = service.http.post(
        "/match/default?limit=3&threshold=0.97&cutoff=0.5",
        json=query,
        headers={"Authorization": f"ApiKey {service.tokens['reader']}"},
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert set(body) == {"responses", "limit"} and body["limit"] == 3
    q1 = body["responses"]["q1"]
    assert q1["status"] == 200 and q1["query"]["schema"] == "Organization"
    top = q1["results"][0]
    assert top["id"] == "taliban" and top["schema"] == "Organization" and top["target"] is True
    assert "un_sc_sanctions" in top["datasets"] and top["properties"]["topics"] == [
        "crime.terror",
        "sanction",
    ]
    assert top["match"] is False  # 0.95: returned above the cutoff, but below the threshold asked for
    assert q1["total"] == {"value": 0, "relation": "eq"}  # total counts matches only, as yente's does
    assert top["explanations"]["proscribe_name"]["score"] == top["score"]
    assert body["responses"]["q2"]["results"] == []
    other = service.post("/match/other-dataset", role="reader", json=query)
    assert other.status_code == 404 and other.json() == {"detail": "No such dataset."}
    empty = service.post(
        "/match/default", role="reader", json={"queries": {"x": {"schema": "Thing", "properties": {}}}}
    )
    assert empty.status_code == 400 and "queries.x" in empty.json()["detail"]
    assert {e["query"] for e in audit(service)} >= {"Talebaan", "Jane Nobody-Known"}


def test_the_index_follows_new_acts(service: Service) -> None:
    before = service.post("/api/screen", role="reader", json={"name": "Zorgon Liberation Front"}).json()
    assert before["matches"] == []
    entity = {"id": "zorgon-lf", "names": [{"value": "Zorgon Liberation Front", "type": "primary"}]}
    act = {
        "id": "gb-2026-01-01-zorgon", "jurisdiction": "GB", "action": "designated", "entities": ["zorgon-lf"],
        "list": "gb-proscribed-organisations", "decided": "2026-01-01", "authority": "Home Secretary",
        "sources": [{"url": "https://example.org/order", "retrieved": "2026-01-02"}],
    }  # fmt: skip
    assert service.post("/api/acts", json={"entities": [entity], "acts": [act]}).status_code == 201
    after = service.post("/api/screen", role="reader", json={"name": "Zorgon Liberation Front"}).json()
    assert after["matches"][0]["entity_id"] == "zorgon-lf"
