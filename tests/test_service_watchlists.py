"""Watchlists and alerts: names re-screened when acts are recorded (through the API) or list versions
are imported, with new / changed hits as alerts saying what changed and why; the `alerts` CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from proscribe import Registry
from proscribe.api.app import create_app
from proscribe.api.auth import KeyStore
from proscribe.api.limits import Limits
from proscribe.lists.importer import import_list
from proscribe.sources import un
from shared_data import pick
from test_api import Service, act_body, make_service, serving

# The full UN lists from ../shared/data, or their excerpts in tests/data/lists (tests/README.md).
UN_2021 = pick("un_sc_consolidated/consolidated_2021-01-18.xml")
UN_2026 = pick("un_sc_consolidated/consolidated_2026-02-27.xml")
CUSTOMERS = [
    {"ref": "c1", "name": "Acme Trading Ltd"},
    {"ref": "c2", "name": "Taleban"},
    {"ref": "c3", "name": "Zorgon Liberation Front"},
]


@pytest.fixture(params=["testclient", "uvicorn"])
def service(request: pytest.FixtureRequest, db_url: str) -> Iterator[Service]:
    app, registry, tokens = make_service(db_url)
    with serving(app, str(request.param)) as http:
        yield Service(app, registry, tokens, http)
    registry.db.dispose()


def open_alerts(service: Service) -> list[dict[str, Any]]:
    return list(service.get("/api/alerts", role="analyst").json()["alerts"])


def test_acts_recorded_raise_alerts_with_what_changed_and_why(service: Service) -> None:
    created = service.post("/api/watchlists", json={"id": "customers", "names": CUSTOMERS})
    assert created.status_code == 201, created.text
    [first] = open_alerts(service)
    assert (first["ref"], first["kind"], first["entity_id"]) == ("c2", "new", "taliban")
    # Suspended on both readings of its entry into force (17 Apr or 20 May 2025): no single "since".
    assert "RU ru-federal-terrorist-list: now suspended" in first["detail"]["changes"]
    assert first["trigger"].startswith("watchlist 'customers' created by analyst")

    reinstated = act_body("ru-2026-06-01-taliban-reinstated")
    assert service.post("/api/acts", json={"acts": [reinstated]}).status_code == 201
    changed = open_alerts(service)[0]
    assert (changed["ref"], changed["kind"]) == ("c2", "changed")
    assert changed["detail"]["changes"] == [
        "RU ru-federal-terrorist-list: suspended → listed since 2026-06-01"
    ]
    assert "ru-2026-06-01-taliban-reinstated" in changed["trigger"] and "analyst" in changed["trigger"]

    zorgon = {"id": "zorgon-lf", "names": [{"value": "Zorgon Liberation Front", "type": "primary"}]}
    designation = {**act_body("gb-2026-07-01-zorgon", action="designated", decided="2026-07-01"),
                   "jurisdiction": "GB", "entities": ["zorgon-lf"], "list": "gb-proscribed-organisations",
                   "authority": "Home Secretary"}  # fmt: skip
    assert service.post("/api/acts", json={"entities": [zorgon], "acts": [designation]}).status_code == 201
    newest = open_alerts(service)[0]
    assert (newest["ref"], newest["kind"], newest["entity_id"]) == ("c3", "new", "zorgon-lf")

    assert len(open_alerts(service)) == 3
    acknowledged = service.post(f"/api/alerts/{first['id']}/acknowledge")
    assert acknowledged.status_code == 200 and acknowledged.json()["acknowledged_by"] == "analyst"
    assert len(open_alerts(service)) == 2
    assert len(service.get("/api/alerts", role="analyst", params={"all": "true"}).json()["alerts"]) == 3
    assert service.post(f"/api/alerts/{first['id']}/acknowledge").status_code == 400
    assert service.post("/api/alerts/99999/acknowledge").status_code == 404

    watched = service.get("/api/watchlists/customers", role="analyst").json()
    hits = {n["ref"]: sorted(n["hits"]) for n in watched["names"]}
    assert hits == {"c1": [], "c2": ["taliban"], "c3": ["zorgon-lf"]}
    assert service.get("/api/watchlists", role="analyst").json()["watchlists"][0]["names"] == 3
    assert service.post("/api/watchlists/refresh").json() == {"alerts": 0}  # nothing changed since


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"id": "Bad Id", "names": CUSTOMERS}, "id"),
        ({"id": "w", "names": []}, "names"),
        ({"id": "w", "names": [CUSTOMERS[0], CUSTOMERS[0]]}, "names"),
        ({"id": "w", "names": [{"ref": "x", "name": " "}]}, "names[0].name"),
        ({"id": "w"}, "names"),
    ],
)
def test_bad_watchlists_are_refused_whole(service: Service, body: dict[str, Any], field: str) -> None:
    answer = service.post("/api/watchlists", json=body)
    assert answer.status_code == 400 and answer.json()["field"] == field, answer.text
    assert service.get("/api/watchlists").json()["watchlists"] == []


def test_a_list_import_raises_alerts_at_the_next_look(tmp_path: Path) -> None:
    old_file, new_file = UN_2021.path, UN_2026.path
    kept = {e.key for e in un.parse([new_file]).entries}
    removed = next(
        e for e in un.parse([old_file]).entries if e.key not in kept and e.kind.value == "organisation"
    )
    app, registry, _ = make_service(str(tmp_path / "imports.db"))
    watched = [{"ref": "r1", "name": removed.caption}, {"ref": "r2", "name": "Acme Trading Ltd"}]
    with serving(app, "testclient") as http:
        service = Service(app, registry, _, http)
        assert service.post("/api/watchlists", json={"id": "suppliers", "names": watched}).status_code == 201
        assert open_alerts(service) == []
        import_list(registry, un.parse([old_file]))  # as `proscribe import` does, outside the server
        [new] = open_alerts(service)
        assert (new["ref"], new["kind"]) == ("r1", "new")
        assert new["trigger"].startswith("the registry changed") and "un 2021-01-18" in new["trigger"]
        import_list(registry, un.parse([new_file]))
        latest = open_alerts(service)[0]
        assert latest["ref"] == "r1" and latest["kind"] in ("changed", "removed")
        assert "un 2026-02-27" in latest["trigger"]
    registry.db.dispose()


def test_alerts_cli(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    Registry(db).load_bundled()
    csv_file = tmp_path / "customers.csv"
    csv_file.write_text("id,name\nc1,Acme Trading Ltd\nc2,Taleban\n", encoding="utf-8")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "proscribe", *args, "--db", db]
        return subprocess.run(command, capture_output=True, text=True, check=False)

    created = run(
        "watchlist", "create", "customers", "--input", str(csv_file), "--column", "name", "--ref-column", "id"
    )
    assert created.returncode == 0 and "2 names, 1 alerts" in created.stdout
    listed = json.loads(run("alerts", "--json").stdout)
    assert [(a["ref"], a["kind"], a["entity_id"]) for a in listed] == [("c2", "new", "taliban")]
    again = run("watchlist", "create", "customers", "--input", str(csv_file), "--column", "name")
    assert again.returncode == 1 and again.stderr == "error: id: watchlist 'customers' already exists\n"
    table = run("alerts", "--refresh")
    assert table.returncode == 0 and "Taliban" in table.stdout


def test_watchlists_and_alerts_belong_to_the_key_that_made_them(db_url: str, tmp_path: Path) -> None:
    app, registry, tokens = make_service(db_url)
    keys = KeyStore(registry.db)
    tokens["analyst-2"] = keys.create("analyst-2", "analyst")[1]
    with serving(app, "testclient") as http:
        service = Service(app, registry, tokens, http)
        assert service.post("/api/watchlists", json={"id": "mine", "names": CUSTOMERS}).status_code == 201
        [alert] = open_alerts(service)
        for role in ("analyst-2", "reader"):
            assert service.get("/api/watchlists", role=role).json()["watchlists"] == []
            assert service.get("/api/watchlists/mine", role=role).status_code == 404
            assert service.get("/api/alerts", role=role).json()["alerts"] == []
        refused = service.post(f"/api/alerts/{alert['id']}/acknowledge", role="analyst-2")
        assert refused.status_code == 404 and open_alerts(service)[0]["acknowledged_by"] is None
        admin = service.get("/api/watchlists", role="admin").json()["watchlists"]
        assert [w["id"] for w in admin] == ["mine"]
        assert len(service.get("/api/alerts", role="admin").json()["alerts"]) == 1
    registry.db.dispose()
    public_app = create_app(Registry(db_url), Limits(rate_per_minute=100_000, public_read=True))
    with serving(public_app, "testclient") as http:
        assert http.get("/api/entities/taliban").status_code == 200  # the registry is public
        for path in ("/api/watchlists", "/api/alerts", "/api/watchlists/mine"):
            answer = http.get(path)
            assert answer.status_code == 401, path
