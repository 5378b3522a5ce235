"""List versions, version diffs and link review through the API, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from proscribe import Registry
from proscribe.api.app import create_app
from proscribe.api.auth import KeyStore
from proscribe.lists.importer import import_list
from proscribe.sources import un

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "un_sc_consolidated"


@pytest.fixture
def lists_client(db_url: str) -> Iterator[tuple[TestClient, dict[str, str]]]:
    registry = Registry(db_url)
    registry.load_bundled()
    import_list(registry, un.parse([DATA / "consolidated_2021-01-18.xml"]))
    import_list(registry, un.parse([DATA / "consolidated_2026-02-27.xml"]))
    keys = KeyStore(registry.db)
    tokens = {role: f"Bearer {keys.create(role, role)[1]}" for role in ("reader", "analyst")}
    with TestClient(create_app(registry)) as client:
        yield client, tokens
    registry.db.dispose()


def test_versions_and_diff(lists_client: tuple[TestClient, dict[str, str]]) -> None:
    client, tokens = lists_client
    reader = {"Authorization": tokens["reader"]}
    versions = client.get("/api/lists/versions", params={"source": "un"}, headers=reader).json()["versions"]
    assert [v["data_date"] for v in versions] == ["2021-01-18", "2026-02-27"]
    diff = client.get(
        "/api/lists/un/diff", params={"from": "2021-01-18", "to": versions[1]["id"][:10]}, headers=reader
    ).json()
    assert diff["from"]["id"] == versions[0]["id"] and diff["summary"]["removed"] > 0
    assert len(diff["changes"]) == sum(1 for _ in diff["changes"]) and diff["truncated"] is False
    short = client.get(
        "/api/lists/un/diff", params={"from": "2021-01-18", "to": "2026-02-27", "limit": 3}, headers=reader
    ).json()
    assert len(short["changes"]) == 3 and short["truncated"] is True
    missing = client.get(
        "/api/lists/un/diff", params={"from": "1999-01-01", "to": "2026-02-27"}, headers=reader
    )
    assert missing.status_code == 404 and "from" in missing.json()["error"]


def test_link_review(lists_client: tuple[TestClient, dict[str, str]]) -> None:
    client, tokens = lists_client
    pending = client.get("/api/links/pending", headers={"Authorization": tokens["reader"]}).json()["pending"]
    assert len(pending) >= 2
    analyst = {"Authorization": tokens["analyst"]}
    first, second = pending[0]["id"], pending[1]["id"]
    accepted = client.post(f"/api/links/{first}/accept", headers=analyst)
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"
    rejected = client.post(
        f"/api/links/{second}/reject", json={"reason": "different people"}, headers=analyst
    )
    assert rejected.json()["status"] == "rejected"
    again = client.post(f"/api/links/{first}/reject", headers=analyst)
    assert again.status_code == 400 and "already accepted" in again.json()["error"]
    assert client.post("/api/links/999999/accept", headers=analyst).status_code == 404
    left = client.get("/api/links/pending", headers=analyst).json()["pending"]
    assert {p["id"] for p in left}.isdisjoint({first, second})
