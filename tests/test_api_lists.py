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
from proscribe.news import extract_events, name_index, read_article_file
from proscribe.news.review import ReviewQueue
from proscribe.sources import un
from shared_data import pick

# The full UN lists from ../shared/data, or their excerpts in tests/data/lists (tests/README.md).
UN_2021 = pick("un_sc_consolidated/consolidated_2021-01-18.xml")
UN_2026 = pick("un_sc_consolidated/consolidated_2026-02-27.xml")
NEWS = Path(__file__).parent / "data" / "news" / "dev"


@pytest.fixture
def lists_client(db_url: str) -> Iterator[tuple[TestClient, dict[str, str]]]:
    registry = Registry(db_url)
    registry.load_bundled()
    import_list(registry, un.parse([UN_2021.path]))
    import_list(registry, un.parse([UN_2026.path]), allow_mass_removal=True)
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
    UN_2026.need_full()  # the excerpts leave one uncertain link, the full lists several
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


def test_news_review_queue(db_url: str) -> None:
    registry = Registry(db_url)
    registry.load_bundled()
    queue = ReviewQueue(registry)
    article = read_article_file(NEWS / "2025-12-05_ca_hts_removed_globalnews.txt")
    [event_id] = queue.add(article, extract_events(article, name_index(registry.entities.all())))
    keys = KeyStore(registry.db)
    reader = {"Authorization": f"Bearer {keys.create('reader', 'reader')[1]}"}
    analyst = {"Authorization": f"Bearer {keys.create('analyst', 'analyst')[1]}"}
    count = registry.journal.count()
    with TestClient(create_app(registry)) as client:
        [pending] = client.get("/api/news/events", headers=reader).json()["events"]
        assert pending["id"] == event_id and pending["status"] == "pending"
        assert client.post(f"/api/news/events/{event_id}/accept", headers=reader).status_code == 403
        refused = client.post(f"/api/news/events/{event_id}/reject", json={"reason": " "}, headers=analyst)
        assert refused.status_code == 400 and refused.json()["field"] == f"{event_id}.reason"
        assert registry.journal.count() == count
        accepted = client.post(
            f"/api/news/events/{event_id}/accept", json={"retrieved": "2026-11-23"}, headers=analyst
        )
        assert accepted.status_code == 200, accepted.text
        assert accepted.json()["act"]["jurisdiction"] == "CA" and registry.journal.count() == count + 1
        assert client.get("/api/news/events", headers=reader).json()["events"] == []
        done = client.get("/api/news/events", params={"status": "all"}, headers=reader).json()["events"]
        assert [(e["status"], e["reviewer"]) for e in done] == [("accepted", "analyst")]
    assert [e["action"] for e in keys.audit_log()] == ["news.accept"]
    registry.db.dispose()
