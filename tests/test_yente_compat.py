"""proscribe's yente-compatible routes against yente 5's own models and test payloads.

The payloads replay opensanctions/yente tests/test_match.py, test_search.py and test_reconcile.py
(@ 916a474c, version 5.5.0), adapted to data proscribe has: the bundled registry plus two
versions of the UN Security Council consolidated list. yente's "Alexander Vyacheslavovich
ZAKHAROV" (an OFAC entry of its zala fixture) becomes the UN's QDi.363 "MAGHOMED
MAGHOMEDZAKIROVICH ABDURAKHMANOV", also a Russian name with a patronymic. Every answer, errors
included, is validated against the yente 5 models in tests/yente_models.py.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import httpx2
import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

import yente_models as ym
from proscribe.api.app import create_app
from proscribe.api.auth import KeyStore
from proscribe.api.limits import Limits
from proscribe.lists.importer import import_list
from proscribe.registry import Registry
from proscribe.sources import un
from shared_data import pick

UN_FILES = ("consolidated_2021-01-18.xml", "consolidated_2026-02-27.xml")
ABDURAKHMANOV = "un-qdi.363"
ISO_SECONDS_NO_TZ = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")
DATASET_NAME = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")

QUERY_PERSON = {  # yente's QUERY_ZAKHAROV, adapted
    "schema": "Person",
    "properties": {
        "name": ["Magomed Magomedzakirovich ABDURAKHMANOV"],
        "birthDate": ["1974"],
        "country": "Russia",
    },
}
MANY_NAMES = {
    "properties": {
        "name": [
            "Magomed Magomedzakirovich ABDURAKHMANOV",
            "Maghomed Maghomedzakirovich Abdurakhmanov",
            "Магомед Магомедзакирович Абдурахманов",
            "Абдурахманов Магомед Магомедзакирович",
            "Abdurakhmanov Maghomed",
        ]
    },
    "schema": "Person",
}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    registry = Registry(str(tmp_path_factory.mktemp("yente") / "registry.db"))
    registry.load_bundled()
    for name in UN_FILES:
        # 2021 -> 2026 removes 91 of 1,003 entries, above the 5 % guard against truncated files
        import_list(registry, un.parse([pick(f"un_sc_consolidated/{name}").path]), allow_mass_removal=True)
    _, token = KeyStore(registry.db).create("yente-client", "reader")
    app = create_app(registry, Limits(rate_per_minute=1_000_000, max_batch=10), web=False)
    with TestClient(app, headers={"Authorization": f"ApiKey {token}"}) as http:
        yield http
    registry.db.dispose()


def valid(answer: httpx2.Response, model: type[BaseModel]) -> dict[str, Any]:
    """The answer's JSON, checked strictly against a yente model (errors: yente's error shapes)."""
    if answer.status_code == 422:
        ym.HTTPValidationError.model_validate_json(answer.content, strict=True)
    elif answer.status_code >= 400:
        ym.ErrorResponse.model_validate_json(answer.content, strict=True)
    else:
        model.model_validate_json(answer.content, strict=True)
    data: dict[str, Any] = answer.json()
    return data


def assert_entity_shape(data: dict[str, Any]) -> None:
    """yente's tests/conftest.py assert_entity_shape, less FtM's schema registry."""
    assert data["schema"] in {"Person", "Organization", "Vessel", "Airplane", "LegalEntity"}, data
    for prop, values in data["properties"].items():
        assert isinstance(values, list) and all(isinstance(v, str) for v in values), (prop, values)
    assert all(DATASET_NAME.match(name) for name in data["datasets"]), data["datasets"]
    for key in ("first_seen", "last_seen", "last_change"):
        assert data[key] is None or ISO_SECONDS_NO_TZ.match(data[key]), (key, data[key])


def match(client: TestClient, body: dict[str, Any], **params: Any) -> httpx2.Response:
    return client.post("/match/default", json=body, params=params)


def test_match_person(client: TestClient) -> None:
    query = {"queries": {"vv": QUERY_PERSON, "xx": QUERY_PERSON, "zz": QUERY_PERSON}}
    answer = match(client, query)
    data = valid(answer, ym.EntityMatchResponse)
    assert set(data["responses"]) == {"vv", "xx", "zz"} and answer.headers["x-batch-size"] == "3"
    res = data["responses"]["vv"]
    assert res["query"]["schema"] == "Person"
    assert res["query"]["properties"]["country"] == ["Russia"]  # echoed, not scored
    assert res["total"]["value"] > 0, res["total"]
    top = res["results"][0]
    assert top["id"] == ABDURAKHMANOV and top["schema"] == "Person" and top["match"] is True
    assert top["datasets"] == ["un_sc_sanctions"] and top["properties"]["topics"] == ["sanction"]
    assert top["first_seen"] == "2021-01-18T00:00:00" and top["last_seen"] == "2026-02-27T00:00:00"
    explained = top["explanations"]["proscribe_name"]
    assert explained["score"] == top["score"] and explained["detail"]
    assert explained["candidate"] and explained["query"] == "Magomed Magomedzakirovich ABDURAKHMANOV"
    assert_entity_shape(top)


def test_match_algorithms(client: TestClient) -> None:
    query = {"queries": {"vv": QUERY_PERSON}}
    refused = valid(match(client, query, algorithm="neural-net"), ym.EntityMatchResponse)
    assert "name-based" in refused["detail"] and "proscribe-name" in refused["detail"]
    data = valid(match(client, query, algorithm="name-based"), ym.EntityMatchResponse)
    top = data["responses"]["vv"]["results"][0]
    assert top["id"] == ABDURAKHMANOV and top["score"] > 0.70, top
    # logic-v1/logic-v2 weigh birth dates and countries, which proscribe does not: refused
    for name in ("logic-v1", "logic-v2", "regression-v1"):
        answer = match(client, {"queries": {"q": MANY_NAMES}}, algorithm=name)
        assert answer.status_code == 400 and valid(answer, ym.EntityMatchResponse)["detail"]
    listed = valid(client.get("/algorithms"), ym.AlgorithmResponse)
    names = [a["name"] for a in listed["algorithms"]]
    assert listed["default"] in names and listed["best"] in names and "name-based" in names
    for name in names:
        assert match(client, query, algorithm=name).status_code == 200


def test_match_no_schema(client: TestClient) -> None:
    answer = match(client, {"queries": {"fail": {"properties": {"name": "Banana"}}}})
    assert answer.status_code == 422, answer.text
    assert valid(answer, ym.EntityMatchResponse)["detail"][0]["loc"][-1] == "schema"
    batch = {
        "queries": {
            "fail": {"schema": "xxx", "properties": {"name": "Banana"}},
            "ok1": {"schema": "Person", "properties": {"name": ["Vladimir Putin"]}},
        }
    }
    answer = match(client, batch)
    assert answer.status_code == 400 and "xxx" in valid(answer, ym.EntityMatchResponse)["detail"]
    answer = match(client, {"queries": {"a": {"schema": "Address", "properties": {"full": ["x"]}}}})
    assert answer.status_code == 400, answer.text


def test_match_many_names(client: TestClient) -> None:
    data = valid(match(client, {"queries": {"q": MANY_NAMES}}, algorithm="best"), ym.EntityMatchResponse)
    results = data["responses"]["q"]["results"]
    assert results and results[0]["id"] == ABDURAKHMANOV


def test_match_datasets(client: TestClient) -> None:
    query = {"queries": {"vv": QUERY_PERSON}}

    def ids(**params: Any) -> list[str]:
        data = valid(match(client, query, algorithm="name-based", **params), ym.EntityMatchResponse)
        return [r["id"] for r in data["responses"]["vv"]["results"]]

    assert ids(exclude_dataset="un_sc_sanctions") == []
    assert ids(include_dataset=["us_fto", "gb_proscribed_organisations"]) == []
    assert ABDURAKHMANOV in ids(include_dataset=["un_sc_sanctions", "us_fto"])
    assert ids(include_dataset=["un_sc_sanctions", "us_fto"], exclude_dataset="un_sc_sanctions") == []
    on_list = client.post("/match/un_sc_sanctions", json=query).json()["responses"]["vv"]["results"]
    assert on_list[0]["id"] == ABDURAKHMANOV
    assert client.post("/match/us_fto", json=query).json()["responses"]["vv"]["results"] == []
    # a dataset proscribe does not have is refused, not read as "no match there"
    answer = match(client, query, include_dataset=["ae_local_terrorists"])
    assert (
        answer.status_code == 400 and "ae_local_terrorists" in valid(answer, ym.EntityMatchResponse)["detail"]
    )
    missing = client.post("/match/zala", json=query)
    assert (
        missing.status_code == 404 and valid(missing, ym.EntityMatchResponse)["detail"] == "No such dataset."
    )


def test_match_config_and_weights(client: TestClient) -> None:
    body = {"queries": {"vv": QUERY_PERSON}, "config": {"nm_number_mismatch": 0.4}}
    answer = match(client, body)
    assert (
        answer.status_code == 400 and "nm_number_mismatch" in valid(answer, ym.EntityMatchResponse)["detail"]
    )
    answer = match(client, {"queries": {"vv": QUERY_PERSON}, "weights": {"name_literal": 0.8}})
    assert answer.status_code == 400 and "name_literal" in valid(answer, ym.EntityMatchResponse)["detail"]
    same = match(client, {"queries": {"vv": QUERY_PERSON}, "weights": {"proscribe_name": 1.0}})
    assert valid(same, ym.EntityMatchResponse)["responses"]["vv"]["results"][0]["id"] == ABDURAKHMANOV


def test_match_topics(client: TestClient) -> None:
    query = {"queries": {"vv": QUERY_PERSON}}
    answer = match(client, query, topics="crime.cyber")
    assert answer.status_code == 400 and "crime.cyber" in valid(answer, ym.EntityMatchResponse)["detail"]
    sanction = valid(match(client, query, topics="sanction"), ym.EntityMatchResponse)
    assert sanction["responses"]["vv"]["results"][0]["id"] == ABDURAKHMANOV
    # the UN list freezes assets; it is not a terrorist proscription list
    terror = valid(match(client, query, topics="crime.terror"), ym.EntityMatchResponse)
    assert terror["responses"]["vv"]["results"] == []
    org = {"queries": {"o": {"schema": "Organization", "properties": {"name": ["Hamas"]}}}}
    hamas = valid(match(client, org, topics="crime.terror"), ym.EntityMatchResponse)["responses"]["o"]
    assert hamas["results"][0]["id"] == "hamas" and "us_fto" in hamas["results"][0]["datasets"]


def test_match_query_echo(client: TestClient) -> None:
    body = {**MANY_NAMES, "id": "abdurakhmanov"}
    res = valid(match(client, {"queries": {"no1": body}}), ym.EntityMatchResponse)["responses"]["no1"]
    assert res["query"]["schema"] == "Person" and res["query"]["id"] == "abdurakhmanov"
    numeric = {"schema": "Person", "properties": {"name": ["Abdurakhmanov"], "birthDate": [1974]}}
    res = valid(match(client, {"queries": {"q": numeric}}), ym.EntityMatchResponse)["responses"]["q"]
    assert res["query"]["properties"]["birthDate"] == ["1974"]


def test_exclude_entity_ids(client: TestClient) -> None:
    query = {"queries": {"q": QUERY_PERSON}}
    assert match(client, query).json()["responses"]["q"]["results"][0]["id"] == ABDURAKHMANOV
    excluded = match(client, query, exclude_entity_ids=[ABDURAKHMANOV])
    assert valid(excluded, ym.EntityMatchResponse)["responses"]["q"]["results"] == []
    # a referent (the UN entry's id) excludes the entity it was merged into, as in yente
    org = {"queries": {"o": {"schema": "Organization", "properties": {"name": ["Al-Qaida"]}}}}
    top = match(client, org).json()["responses"]["o"]["results"][0]
    assert top["id"] == "al-qaida" and top["referents"] == ["un-qde.004"]
    rest = valid(match(client, org, exclude_entity_ids=["un-qde.004"]), ym.EntityMatchResponse)
    assert "al-qaida" not in [r["id"] for r in rest["responses"]["o"]["results"]]


def test_threshold_cutoff_total_and_schema(client: TestClient) -> None:
    # "Taleban" is itself a listed alias now (Canadian list); "Talebaan" scores 0.95 against it
    org = {"queries": {"o": {"schema": "Organization", "properties": {"name": ["Talebaan"]}}}}
    strict = valid(match(client, org, threshold=0.97), ym.EntityMatchResponse)["responses"]["o"]
    assert all(r["score"] >= 0.97 for r in strict["results"])
    assert strict["total"]["value"] == sum(r["match"] for r in strict["results"])
    loose = valid(match(client, org, threshold=0.97, cutoff=0.5), ym.EntityMatchResponse)["responses"]["o"]
    assert loose["results"][0]["id"] == "taliban" and loose["results"][0]["match"] is False
    assert loose["total"]["value"] == strict["total"]["value"]  # total counts matches only
    as_person = {"queries": {"p": {"schema": "Person", "properties": {"name": ["Taliban"]}}}}
    people = valid(match(client, as_person, cutoff=0.5), ym.EntityMatchResponse)["responses"]["p"]["results"]
    assert all(r["schema"] == "Person" for r in people)
    excluded = valid(
        match(client, {"queries": {"q": QUERY_PERSON}}, exclude_schema="Person"), ym.EntityMatchResponse
    )
    assert excluded["responses"]["q"]["results"] == []


def test_changed_since_and_empty_queries(client: TestClient) -> None:
    query = {"queries": {"q": QUERY_PERSON}}
    future = valid(match(client, query, changed_since="2999-01-01"), ym.EntityMatchResponse)
    assert future["responses"]["q"]["results"] == []
    past = valid(match(client, query, changed_since="2000-01-01T00:00"), ym.EntityMatchResponse)
    assert past["responses"]["q"]["results"][0]["id"] == ABDURAKHMANOV
    assert match(client, query, changed_since="yesterday").status_code == 422
    empty = match(client, {"queries": {}})
    assert (
        empty.status_code == 400 and valid(empty, ym.EntityMatchResponse)["detail"] == "No queries provided."
    )
    too_many = match(client, {"queries": {str(i): QUERY_PERSON for i in range(11)}})
    assert too_many.status_code == 400 and valid(too_many, ym.EntityMatchResponse)["detail"]


def test_needs_a_key(client: TestClient) -> None:
    answer = client.post(
        "/match/default", json={"queries": {"q": QUERY_PERSON}}, headers={"Authorization": ""}
    )
    assert answer.status_code == 401 and valid(answer, ym.EntityMatchResponse)["detail"]


def test_search(client: TestClient) -> None:
    data = valid(client.get("/search/default", params={"q": "Abdurakhmanov"}), ym.SearchResponse)
    assert data["results"][0]["id"] == ABDURAKHMANOV and data["total"]["value"] >= 1
    assert {"countries", "topics", "datasets"} == set(data["facets"])
    facet = {v["name"]: v["count"] for v in data["facets"]["datasets"]["values"]}
    assert facet["un_sc_sanctions"] >= 1 and data["facets"]["countries"]["values"] == []
    everything = valid(client.get("/search/default", params={"limit": 3}), ym.SearchResponse)
    default = next(d for d in client.get("/catalog").json()["datasets"] if d["name"] == "default")
    assert len(everything["results"]) == 3 and everything["total"]["value"] == default["entity_count"]
    assert client.get("/search/default", params={"q": "x", "schema": "Banana"}).status_code == 400
    assert client.get("/search/banana", params={"q": "x"}).status_code == 404
    orgs = valid(
        client.get("/search/default", params={"q": "Hamas", "schema": "Organization"}), ym.SearchResponse
    )
    assert orgs["results"] and all(r["schema"] == "Organization" for r in orgs["results"])
    no_people = valid(
        client.get("/search/default", params={"q": "Abdurakhmanov", "exclude_schema": "Person"}),
        ym.SearchResponse,
    )
    assert ABDURAKHMANOV not in [r["id"] for r in no_people["results"]]
    refused = client.get("/search/default", params={"q": "Hamas", "countries": "ru"})
    assert refused.status_code == 400 and "countries" in valid(refused, ym.SearchResponse)["detail"]


def test_entities_catalog_health(client: TestClient) -> None:
    entity = valid(client.get(f"/entities/{ABDURAKHMANOV}"), ym.EntityResponse)
    assert entity["first_seen"] == "2021-01-18T00:00:00" and entity["schema"] == "Person"
    assert_entity_shape(entity)
    missing = client.get("/entities/no-such-entity")
    assert missing.status_code == 404 and valid(missing, ym.EntityResponse)["detail"] == "No such entity!"
    moved = client.get("/entities/un-qde.004", follow_redirects=False)
    assert moved.status_code == 308 and moved.headers["location"].endswith("/entities/al-qaida")
    catalog = valid(client.get("/catalog"), ym.DataCatalogModel)
    by_name = {d["name"]: d for d in catalog["datasets"]}
    assert by_name["un_sc_sanctions"]["version"] == "20260227000000"
    assert by_name["un_sc_sanctions"]["updated_at"] == "2026-02-27T00:00:00"
    assert set(by_name["default"]["children"]) == set(catalog["current"]) >= {"us_fto", "un_sc_sanctions"}
    assert valid(client.get("/healthz"), ym.StatusResponse) == {"status": "ok"}
    assert valid(client.get("/readyz"), ym.StatusResponse) == {"status": "ok"}


def test_reconcile(client: TestClient) -> None:
    for path in ("/reconcile", "/reconcile/default"):
        manifest = valid(client.get(path), ym.FreebaseManifest)
        assert manifest["versions"] == ["0.2"] and len(manifest["defaultTypes"]) > 3
    queries = {"mutti": {"query": "Magomed ABDURAKHMANOV"}, "org": {"query": "Hamas", "type": "Organization"}}
    answer = client.post("/reconcile/default", data={"queries": json.dumps(queries)})
    data = valid(answer, ym.FreebaseEntityResults)
    assert data["mutti"]["result"][0]["id"] == ABDURAKHMANOV and data["org"]["result"][0]["id"] == "hamas"
    extend = {"ids": [ABDURAKHMANOV], "properties": [{"id": "name"}, {"id": "topics"}]}
    rows = valid(client.post("/reconcile", data={"extend": json.dumps(extend)}), ym.FreebaseExtendResponse)
    assert [m["id"] for m in rows["meta"]] == ["name", "topics"]
    assert "ABDURAKHMANOV" in rows["rows"][ABDURAKHMANOV]["name"][0]["str"]
    invalid = client.post("/reconcile/default", data={"queries": json.dumps({"m": {"type": "Banana"}})})
    assert invalid.status_code == 400 and valid(invalid, ym.FreebaseEntityResults)["detail"]
    assert client.post("/reconcile/default", data={}).status_code == 400
    empty = valid(client.get("/reconcile/default/suggest/entity"), ym.FreebaseEntitySuggestResponse)
    assert empty["result"] == []
    found = valid(
        client.get("/reconcile/default/suggest/entity", params={"prefix": "abdurakh"}),
        ym.FreebaseEntitySuggestResponse,
    )
    assert found["result"][0]["id"] == ABDURAKHMANOV
    types = valid(
        client.get("/reconcile/default/suggest/type", params={"prefix": "per"}),
        ym.FreebaseTypeSuggestResponse,
    )
    assert [t["id"] for t in types["result"]] == ["Person"]
    props = valid(
        client.get("/reconcile/default/suggest/property", params={"prefix": "name"}),
        ym.FreebasePropertySuggestResponse,
    )
    assert [p["id"] for p in props["result"]] == ["Thing:name"]
    proposed = valid(client.get("/reconcile/default/extend/property"), ym.FreebaseExtendPropertiesResponse)
    assert "name" in [p["id"] for p in proposed["properties"]]


def test_dataset_filters_as_yente_combines_them(client: TestClient) -> None:
    org = {"queries": {"o": {"schema": "Organization", "properties": {"name": ["Hamas"]}}}}

    def top_ids(**params: Any) -> list[str]:
        data = valid(match(client, org, **params), ym.EntityMatchResponse)
        return [r["id"] for r in data["responses"]["o"]["results"]]

    # Hamas is on the US FTO list, the UK proscription list, the EU terrorist list, Canada's, Australia's and
    # New Zealand's lists, Argentina's RePET, Paraguay's decree 2307, the US/EU lists Colombia adopted, Switzerland's
    # ban, Egypt's court listing (its armed wing), Austria's ban on symbols, and under a German association ban; Ukraine's
    # draft resolutions (procedural acts, no listing) also count as a dataset of the entity
    everywhere = [
        "us_fto",
        "gb_proscribed_organisations",
        "eu_cp_2001_931",
        "ca_listed_terrorist_entities",
        "au_listed_terrorist_organisations",
        "nz_designated_terrorist_entities",
        "ar_repet",
        "py_decree_2307_terrorist_organisations",
        "co_adopted_us_eu_terrorist_lists",
        "ch_banned_organisations",
        "eg_terrorist_designations",
        "at_symbols_act",
        "ua_terrorist_organisations",
        "de_vereinsgesetz_bans",
    ]
    assert "hamas" in top_ids(exclude_dataset="us_fto")  # still on lists not excluded
    assert "hamas" in top_ids(exclude_dataset=everywhere[:-1])  # one list left is enough
    assert "hamas" not in top_ids(exclude_dataset=everywhere)
    assert "hamas" not in top_ids(include_dataset="us_fto", exclude_dataset="us_fto")
    assert "hamas" in top_ids(
        include_dataset=["us_fto", "un_sc_sanctions"], exclude_dataset="un_sc_sanctions"
    )
    both = {"q": "Hamas", "datasets": ["us_fto", "un_sc_sanctions"]}
    either = valid(client.get("/search/default", params=both), ym.SearchResponse)
    assert "hamas" in [r["id"] for r in either["results"]]
    every = valid(client.get("/search/default", params={**both, "filter_op": "AND"}), ym.SearchResponse)
    assert "hamas" not in [r["id"] for r in every["results"]]
    unknown = client.get("/search/default", params={"q": "Hamas", "datasets": "eu_fsf"})
    assert unknown.status_code == 400 and valid(unknown, ym.SearchResponse)["detail"]
