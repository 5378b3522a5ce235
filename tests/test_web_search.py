"""Ranking, facets and pages of the web search (no browser: the page's data)."""

from __future__ import annotations

from pathlib import Path

import pytest

from proscribe import Registry
from proscribe.entities import SearchHit, rank_key
from proscribe.errors import InputError
from proscribe.lists.importer import import_list
from proscribe.sources import ofac
from proscribe.web.pages import list_identifiers
from proscribe.web.search import search_page, search_url
from shared_data import need


def test_an_organisation_prefix_match_outranks_a_person_with_a_similar_name() -> None:
    # The store orders prefix matches by id: "ofac-..." before "taliban".
    person = SearchHit("ofac-17220", "TALIB, Ahmed Luqman", "person", "TALIB, Ahmed Luqman", "prefix")
    organisation = SearchHit("taliban", "Taliban", "organisation", "Taliban", "prefix")
    inside_a_word = SearchHit(
        "segunda-marquetalia", "Segunda Marquetalia", "organisation", "Segunda Marquetalia", "contains"
    )
    word_start = SearchHit("un-qde.098", "ANSAR AL-ISLAM", "organisation", "Kurdish Taliban", "contains")
    hits = [inside_a_word, person, word_start, organisation]
    assert [h.id for h in sorted(hits, key=lambda h: rank_key(h, "tali"))] == [
        "taliban",
        "ofac-17220",
        "un-qde.098",
        "segunda-marquetalia",
    ]


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    registry = Registry(str(tmp_path_factory.mktemp("search") / "search.db"))
    registry.load_bundled()
    return registry


def test_facets_count_every_hit_and_filters_narrow_them(registry: Registry) -> None:
    found = search_page(registry, "al", per_page=3)
    kinds = dict(found.facets["kind"])
    assert sum(kinds.values()) == found.total > 3
    assert found.pages == -(-found.total // 3)
    ru = dict(found.facets["jurisdiction"])["RU"]
    narrowed = search_page(registry, "al", jurisdiction="RU", per_page=100)
    assert narrowed.total == ru and all("RU" in row.jurisdictions for row in narrowed.results)
    assert narrowed.chosen == {"jurisdiction": "RU"}
    assert search_url(narrowed, page=2) == "/?q=al&jurisdiction=RU&page=2"
    assert search_url(narrowed, jurisdiction="") == "/?q=al"


def test_pages_do_not_overlap_and_badges_give_statuses(registry: Registry) -> None:
    first, second = (search_page(registry, "al", per_page=5, page=n) for n in (1, 2))
    assert not {r.id for r in first.results} & {r.id for r in second.results}
    taliban = search_page(registry, "tali").results[0]
    assert taliban.caption == "Taliban"
    assert {b.jurisdiction for b in taliban.badges} >= {"RU", "KZ", "UN"}
    with pytest.raises(InputError):
        search_page(registry, "al", page=0)


def test_no_store_hit_without_index_gives_an_empty_page(registry: Registry) -> None:
    found = search_page(registry, "zzzzqqq")
    assert found.total == 0 and found.results == [] and found.pages == 1


OFAC_SDN = "ofac_sdn/sdn_2024-05-03.csv"  # the full list: the excerpt lacks the TALIB entry that ranked first


def test_with_the_ofac_list_taliban_still_comes_before_talib(tmp_path: Path) -> None:
    """The case of issue 17: with OFAC's SDN list imported, "TALIB, Ahmed Luqman" came first."""
    sdn = need(OFAC_SDN)
    registry = Registry(str(tmp_path / "ofac.db"))
    registry.load_bundled()
    import_list(registry, ofac.parse([sdn]))
    assert registry.entities.search("tali", 3)[0].caption == "TALIB, Ahmed Luqman"  # the store's order
    found = search_page(registry, "tali")
    captions = [row.caption for row in found.results]
    assert captions[0] == "Taliban"
    assert captions.index("TALIB, Ahmed Luqman") > captions.index("TALIB AND SONS PTY LTD")
    taliban = registry.entities.get("taliban")
    assert taliban is not None
    assert [(i.source, i.key, i.current) for i in list_identifiers(registry, taliban)] == [
        ("ofac", "6636", True)
    ]
