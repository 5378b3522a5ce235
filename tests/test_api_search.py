"""``GET /api/entities?q=`` ranks as the web search page does (proscribe.entities.rank_key).

On the full OFAC SDN list the store's own order puts "TALIB, Ahmed Luqman" before the Taliban
(prefix matches by id); the API must not.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from proscribe import Registry
from proscribe.api.app import create_app
from proscribe.api.auth import KeyStore
from proscribe.api.limits import Limits
from proscribe.lists.importer import import_list
from proscribe.names import name_key
from proscribe.sources import ofac
from proscribe.web.search import search_page
from shared_data import need

OFAC_SDN = "ofac_sdn/sdn_2024-05-03.csv"  # the full list: its TALIB entries are what the store puts first


@contextmanager
def _client(registry: Registry) -> Iterator[tuple[TestClient, dict[str, str]]]:
    _, token = KeyStore(registry.db).create("search", "reader")
    with TestClient(create_app(registry, Limits(rate_per_minute=100_000))) as client:
        yield client, {"Authorization": f"Bearer {token}"}
    registry.db.dispose()


@pytest.fixture(scope="module")
def with_ofac(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, dict[str, str]]]:
    sdn = need(OFAC_SDN)
    registry = Registry(str(tmp_path_factory.mktemp("api-search") / "ofac.db"))
    registry.load_bundled()
    import_list(registry, ofac.parse([sdn]))
    with _client(registry) as service:
        yield service


def search(service: tuple[TestClient, dict[str, str]], q: str, limit: int = 20) -> list[dict[str, str]]:
    client, headers = service
    answer = client.get("/api/entities", params={"q": q, "limit": limit}, headers=headers)
    assert answer.status_code == 200, answer.text
    results: list[dict[str, str]] = answer.json()["results"]
    return results


def test_taliban_the_organisation_comes_first_with_the_ofac_list(
    with_ofac: tuple[TestClient, dict[str, str]],
) -> None:
    first = search(with_ofac, "Taliban")[0]
    assert (first["id"], first["kind"], first["match"]) == ("taliban", "organisation", "exact")
    # Typed as far as "tali": the store's first hit is a person (see test_web_search); the API's is not.
    captions = [hit["caption"] for hit in search(with_ofac, "tali", limit=5)]
    assert captions[0] == "Taliban"
    assert captions.index("TALIB AND SONS PTY LTD") < captions.index("TALIB, Ahmed Luqman")


def test_a_word_start_match_outranks_one_inside_a_word(with_ofac: tuple[TestClient, dict[str, str]]) -> None:
    # "KURDISH TALIBAN" (an alias of ANSAR AL-ISLAM) before "STALINGRAD" (store order: by length, id).
    hits = search(with_ofac, "tali", limit=100)
    contains = [(i, f" {name_key(h['matched'])}") for i, h in enumerate(hits) if h["match"] == "contains"]
    starts = [i for i, folded in contains if " tali" in folded]
    inside = [i for i, folded in contains if " tali" not in folded]
    assert "KURDISH TALIBAN" in {hits[i]["matched"] for i in starts}
    assert "STALINGRAD" in {hits[i]["matched"] for i in inside}
    assert inside and max(starts) < min(inside)


@pytest.mark.parametrize("q", ["tali", "Taliban", "al", "hamas", "Хайят"])
def test_the_api_and_the_web_page_give_the_same_order(
    with_ofac: tuple[TestClient, dict[str, str]], q: str
) -> None:
    app = with_ofac[0].app
    assert isinstance(app, FastAPI)
    page = search_page(app.state.registry, q, per_page=20)
    assert [hit["id"] for hit in search(with_ofac, q)] == [row.id for row in page.results]


def test_bundled_data_alone_ranks_the_taliban_first(tmp_path: Path) -> None:
    """Runs on a bare clone (no shared data): the curated entities only."""
    registry = Registry(str(tmp_path / "bundled.db"))
    registry.load_bundled()
    with _client(registry) as service:
        for q in ("Taliban", "tali"):
            assert search(service, q)[0]["id"] == "taliban"
