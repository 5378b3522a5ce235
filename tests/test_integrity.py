"""Issue 14: attacks on the registry's integrity, each reproduced first, then refused.

Truncated list files must not become mass delistings; hostile or broken input must give one-line
errors, not tracebacks or crashes; impossible dates are refused; the web interface must not turn
hostile data into live links or accept cross-site writes.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from proscribe import InputError, Registry
from proscribe.api.app import create_app
from proscribe.api.auth import KeyStore
from proscribe.api.guards import FailedKeys, foreign_origin
from proscribe.api.limits import Limits
from proscribe.api.server import running
from proscribe.lists.importer import check_removals, import_list
from proscribe.lists.sources import import_source, parse_source
from proscribe.lists.store import ListStore
from proscribe.model import Act
from proscribe.nesting import check_json_depth, check_yaml_depth
from proscribe.records import read_record_file
from proscribe.sources import ofac, uk, un
from proscribe.web.filters import is_web_url
from shared_data import data_root, missing

DATA = data_root()
OFAC_2024 = DATA / "ofac_sdn" / "sdn_2024-05-03.csv"
UN_2026 = DATA / "un_sc_consolidated" / "consolidated_2026-02-27.xml"
UK_2026 = DATA / "uk" / "ammitto_uk_sanctions_list_2026-08-22.yaml"


def need(path: Path) -> Path:
    """A full shared file (truncation is tested on the real thing); skips, or fails when required."""
    if not path.exists():
        missing(str(path.relative_to(DATA)))
    return path


def cli(*args: str, db: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The ``proscribe`` command run as a person runs it, on this tree's code."""
    extra = ["--db", str(db)] if db else []
    return subprocess.run(
        [sys.executable, "-m", "proscribe", *args, *extra],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
        check=False,
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    """The stderr of a refused command: exit 1, exactly one line, no traceback."""
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


# --- 1. Import guards: a truncated list must not silently delist ----------------------------------


def test_truncated_ofac_file_is_refused_and_writes_nothing(tmp_path: Path, registry: Registry) -> None:
    """The reproduction of issue 14: ``head -c 2000000 sdn.csv`` imported as the next day's list
    recorded 6,679 removals (7,140 false "delisted" acts) and exited 0."""
    full = need(OFAC_2024).read_bytes()
    first = import_list(registry, ofac.parse([OFAC_2024]))
    acts_before = registry.journal.count()
    cut = tmp_path / "sdn_2024-05-04.csv"
    cut.write_bytes(full[:2_000_000])
    with pytest.raises(InputError, match="end-of-file byte 0x1A") as raised:
        import_list(registry, ofac.parse([cut]))
    assert str(cut) in str(raised.value)
    # not even allow_mass_removal lets a file without its end mark in
    with pytest.raises(InputError, match="end-of-file byte 0x1A"):
        import_list(registry, ofac.parse([cut]), allow_mass_removal=True)
    assert registry.journal.count() == acts_before
    assert [v.id for v in ListStore(registry.db).versions("ofac")] == [first.version_id]


def test_ofac_file_cut_at_a_row_and_resealed_is_stopped_by_the_removal_guard(
    tmp_path: Path, registry: Registry
) -> None:
    """A file that keeps its end mark but lacks rows (cut at a line, 0x1A added back) passes the
    format check; the share of removed entries gives it away."""
    full = need(OFAC_2024).read_bytes()
    import_list(registry, ofac.parse([OFAC_2024]))
    acts_before = registry.journal.count()
    rows = full.split(b"\r\n")[:-1]  # the last part is the 0x1A mark
    partial = tmp_path / "sdn_2024-05-04.csv"
    partial.write_bytes(b"\r\n".join(rows[: len(rows) * 9 // 10]) + b"\r\n\x1a")
    with pytest.raises(InputError) as raised:
        import_list(registry, ofac.parse([partial]))
    message = str(raised.value)
    assert "would remove 1,497 of the previous version's 14,965 entries (10.0%" in message
    assert "--allow-mass-removal" in message and "Nothing was written" in message
    assert registry.journal.count() == acts_before
    assert len(ListStore(registry.db).versions("ofac")) == 1
    # a removal the operator knows to be real goes in when asked for
    result = import_list(registry, ofac.parse([partial]), allow_mass_removal=True)
    assert result.changes["removed"] == 1497 and registry.journal.count() > acts_before


def test_small_removals_pass_the_guard(tmp_path: Path) -> None:
    """Ordinary list churn (here 2 % of the entries) is not refused."""
    registry = Registry(str(tmp_path / "r.db"))
    lines = need(OFAC_2024).read_bytes().split(b"\r\n")
    entries = len(lines) - 1  # the last "line" is the 0x1A mark
    kept = lines[: entries - entries // 50]
    smaller = tmp_path / "sdn_2024-05-04.csv"
    smaller.write_bytes(b"\r\n".join(kept) + b"\r\n\x1a")
    import_list(registry, ofac.parse([OFAC_2024]))
    result = import_list(registry, ofac.parse([smaller]))
    assert 0 < result.changes["removed"] <= 0.05 * 14965
    registry.db.dispose()


def test_un_xml_must_be_complete(tmp_path: Path) -> None:
    text = need(UN_2026).read_text(encoding="utf-8")
    # cut at an element boundary and re-closed: well-formed, but the ENTITIES section is gone
    head = text[: text.index("</INDIVIDUALS>") + len("</INDIVIDUALS>")]
    resealed = tmp_path / "consolidated_2026-02-28.xml"
    resealed.write_text(head + "\n</CONSOLIDATED_LIST>\n", encoding="utf-8")
    with pytest.raises(InputError, match="no ENTITIES element"):
        list(un.parse([resealed]).entries)
    # cut anywhere else: malformed
    cut = tmp_path / "cut.xml"
    cut.write_text(text[: text.index("</ENTITIES>")], encoding="utf-8")
    with pytest.raises(InputError, match="malformed or truncated XML"):
        list(un.parse([cut]).entries)
    # no dateGenerated: not a complete UN file, even with --data-date
    undated = tmp_path / "undated.xml"
    undated.write_text(text.replace(' dateGenerated="2026-02-27T00:00:09.554Z"', "", 1), encoding="utf-8")
    with pytest.raises(InputError, match="no dateGenerated attribute"):
        un.parse([undated])


def test_un_resealed_file_cannot_delist_the_entities(tmp_path: Path) -> None:
    """Even without the section check the removal guard would catch it (273 of 1,003 entries)."""
    text = need(UN_2026).read_text(encoding="utf-8")
    entities_start = text.index("<ENTITY>")
    entities_end = text.index("</ENTITIES>")
    # keep ENTITIES but empty it: well-formed and complete-looking, 27 % fewer entries
    emptied = tmp_path / "consolidated_2026-02-28.xml"
    emptied.write_text(text[:entities_start] + text[entities_end:], encoding="utf-8")
    registry = Registry(str(tmp_path / "r.db"))
    import_list(registry, un.parse([UN_2026]))
    acts = registry.journal.count()
    with pytest.raises(InputError, match="would remove 273 of the previous version's 1,003 entries"):
        import_list(registry, un.parse([emptied], data_date=None))
    assert registry.journal.count() == acts
    registry.db.dispose()


def _uk_documents(path: Path) -> list[bytes]:
    """The UK file split before each ``---`` line (the header comment is the first part)."""
    data = path.read_bytes()
    parts = data.split(b"\n---\n")
    return [parts[0] + b"\n", *(b"---\n" + p + b"\n" for p in parts[1:-1]), b"---\n" + parts[-1]]


def test_uk_yaml_cut_at_a_document_boundary_is_refused(tmp_path: Path) -> None:
    """The second reproduction: a UK file cut between documents parses as a shorter list (1,588
    entries recorded as removed); the removal guard refuses it and names the counts."""
    documents = _uk_documents(need(UK_2026))
    cut = tmp_path / "uk_2026-08-23.yaml"
    cut.write_bytes(b"".join(documents[: len(documents) * 3 // 4]))
    registry = Registry(str(tmp_path / "r.db"))
    first = import_list(registry, uk.parse([UK_2026]))
    acts = registry.journal.count()
    with pytest.raises(InputError, match=r"would remove 1,588 of the previous version's 6,349 entries"):
        import_list(registry, uk.parse([cut]))
    assert registry.journal.count() == acts
    assert [v.id for v in ListStore(registry.db).versions("uk")] == [first.version_id]
    registry.db.dispose()


@pytest.mark.parametrize(
    ("source", "path"),
    [
        ("au", DATA / "au" / "ammitto_au_dfat_consolidated.yaml"),
        ("ca", DATA / "ca" / "ammitto_ca_sema_autonomous.yaml"),
    ],
)
def test_other_yaml_lists_cut_at_a_document_boundary_are_refused(
    tmp_path: Path, source: str, path: Path
) -> None:
    documents = _uk_documents(need(path))  # the same concatenation: a header, then "---" documents
    kept = documents[: len(documents) * 3 // 4]
    cut = tmp_path / f"{source}_cut.yaml"
    cut.write_bytes(b"".join(kept))
    registry = Registry(str(tmp_path / "r.db"))
    [first] = import_source(registry, source, [path], dt.date(2026, 8, 1))
    acts = registry.journal.count()
    removed = first.entries - (len(kept) - 1)  # the first part is the header comment
    with pytest.raises(
        InputError, match=f"would remove {removed:,} of the previous version's {first.entries:,}"
    ):
        import_source(registry, source, [cut], dt.date(2026, 8, 2))
    assert registry.journal.count() == acts and len(ListStore(registry.db).versions(source)) == 1
    registry.db.dispose()


def test_uk_yaml_cut_mid_line_is_refused(tmp_path: Path) -> None:
    """Cut inside a plain scalar, the last document still parses (``address_country: Afgh``);
    only the missing final line break shows the cut."""
    data = need(UK_2026).read_bytes()
    second_end = data.index(b"\n---\n", data.index(b"unique_id: AFG0002"))
    cut = tmp_path / "uk_2026-08-23.yaml"
    cut.write_bytes(data[: second_end - len(b"anistan")])
    assert cut.read_bytes().endswith(b"address_country: Afgh")
    with pytest.raises(InputError, match="does not end with a line break") as raised:
        list(uk.parse([cut]).entries)
    assert str(cut) in str(raised.value)


def test_cli_refuses_a_truncated_import_with_one_line_and_allows_a_real_removal(tmp_path: Path) -> None:
    full = need(OFAC_2024).read_bytes()
    db = tmp_path / "cli.db"
    assert cli("import", "ofac", str(OFAC_2024), db=db).returncode == 0
    registry = Registry(str(db))
    written = (registry.journal.count(), len(ListStore(registry.db).versions("ofac")))
    cut = tmp_path / "sdn_2024-05-04.csv"
    cut.write_bytes(full[:2_000_000])
    assert "0x1A" in one_line_error(cli("import", "ofac", str(cut), db=db))
    rows = full.split(b"\r\n")[:-1]
    partial = tmp_path / "sdn_2024-05-05.csv"
    partial.write_bytes(b"\r\n".join(rows[: len(rows) * 9 // 10]) + b"\r\n\x1a")
    refused = one_line_error(cli("import", "ofac", str(partial), db=db))
    assert "would remove 1,497 of the previous version's 14,965 entries" in refused
    # neither refusal wrote an act or a version
    assert written[1] == 1
    assert (registry.journal.count(), len(ListStore(registry.db).versions("ofac"))) == written
    registry.db.dispose()
    accepted = cli("import", "ofac", str(partial), "--allow-mass-removal", db=db)
    assert accepted.returncode == 0 and "1,497 removed" in accepted.stdout, accepted.stderr


def test_import_source_passes_allow_mass_removal(tmp_path: Path) -> None:
    documents = _uk_documents(need(UK_2026))
    cut = tmp_path / "uk_2026-08-23.yaml"
    cut.write_bytes(b"".join(documents[: len(documents) * 3 // 4]))
    registry = Registry(str(tmp_path / "r.db"))
    import_source(registry, "uk", [UK_2026])
    with pytest.raises(InputError, match="would remove"):
        import_source(registry, "uk", [cut])
    [result] = import_source(registry, "uk", [cut], allow_mass_removal=True)
    assert result.changes["removed"] == 1588
    registry.db.dispose()


def test_removal_guard_thresholds() -> None:
    previous = {str(key): "d" for key in range(100)}
    check_removals("x", previous, {k: "d" for k in list(previous)[:95]}, "here")  # 5 %: allowed
    with pytest.raises(InputError, match=r"would remove 6 of the previous version's 100 entries \(6\.0%"):
        check_removals("x", previous, {k: "d" for k in list(previous)[:94]}, "here")
    # a single delisting on a short list is no mass removal; two of eight are
    eight = {str(key): "d" for key in range(8)}
    check_removals("x", eight, {k: "d" for k in list(eight)[:7]}, "here")
    with pytest.raises(InputError, match="would remove 2 of the previous version's 8 entries"):
        check_removals("x", eight, {k: "d" for k in list(eight)[:6]}, "here")
    check_removals("x", {}, {"a": "d"}, "here")  # a first version removes nothing


# --- 2. Bad input: one-line errors, never a crash or a traceback ----------------------------------

DEEP_FLOW = "[" * 200_000 + "]" * 200_000
DEEP_BLOCK = "- " * 200_000 + "x"


@pytest.mark.parametrize("source", ["eu", "uk", "au", "ca"])
def test_deeply_nested_list_yaml_is_refused_before_parsing(tmp_path: Path, source: str) -> None:
    """200,000 levels made libyaml's composer crash the process (exit 139, no message)."""
    flow = tmp_path / "flow.yaml"
    flow.write_text(f"---\nunique_id: AFG0001\nx: {DEEP_FLOW}\n", encoding="utf-8")
    line = one_line_error(cli("import", source, str(flow), "--data-date", "2026-01-01", db=tmp_path / "r.db"))
    assert f"{flow}:3: YAML nested more than 64 levels deep is refused" in line
    block = tmp_path / "block.yaml"
    block.write_text(f"---\nreference: '1'\nnames:\n{DEEP_BLOCK}\n", encoding="utf-8")
    with pytest.raises(InputError, match="nested more than 64 levels"):
        list(parse_source(source, [block], dt.date(2026, 1, 1)).entries)


def test_deeply_nested_record_file_is_refused(tmp_path: Path) -> None:
    """A RecursionError traceback before."""
    for name, text in (("flow.yaml", f"acts: {DEEP_FLOW}\n"), ("block.yaml", f"acts:\n{DEEP_BLOCK}\n")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert "YAML nested more than 64 levels deep is refused" in one_line_error(
            cli("record", str(path), db=tmp_path / "r.db")
        )


@pytest.mark.parametrize("source", ["ru-fsb", "ru-minjust"])
def test_deeply_nested_json_list_is_refused(tmp_path: Path, source: str) -> None:
    """A RecursionError traceback in json.loads before."""
    path = tmp_path / "mirror_2026-01-01.json"
    path.write_text('{"entries": ' + DEEP_FLOW + "}", encoding="utf-8")
    line = one_line_error(cli("import", source, str(path), db=tmp_path / "r.db"))
    assert f"{path}:1: JSON nested more than 64 levels deep is refused" in line


def test_ordinary_nesting_is_untouched() -> None:
    check_yaml_depth("a:\n  b:\n  - c: [1, [2, {d: 3}]]\n", "x")
    check_json_depth(b'{"a": [[{"b": "[[[[[[[[[[[["}]]]}', "x")
    check_yaml_depth("[" * 64 + "]" * 64, "x")
    with pytest.raises(InputError, match="nested more than 64"):
        check_yaml_depth("[" * 65 + "]" * 65, "x")
    with pytest.raises(InputError, match=r"x:2: JSON nested more than 64"):
        check_json_depth("{\n" + '"a": [' * 65 + "]" * 65 + "}", "x")


def test_record_of_a_folder_is_a_one_line_error(tmp_path: Path) -> None:
    line = one_line_error(cli("record", str(tmp_path), db=tmp_path / "r.db"))
    assert f"{tmp_path}: expected a YAML file, got a folder" in line


RANDOM = random.Random(14).randbytes(200_000)


@pytest.mark.parametrize("source", ["un", "ofac", "eu", "uk", "au", "ca", "ca-sor", "ftm"])
def test_random_bytes_are_an_input_error_for_every_source(tmp_path: Path, source: str) -> None:
    path = tmp_path / "sdn_2026-01-01.csv"
    path.write_bytes(RANDOM)
    options = {"jurisdiction": "UN", "list_id": "un-sc-sanctions"} if source == "ftm" else {}
    with pytest.raises(InputError):
        list(parse_source(source, [path], dt.date(2026, 1, 1), None, **options).entries)


def test_random_bytes_as_sdn_csv_on_the_command_line(tmp_path: Path) -> None:
    """A csv.Error traceback before ("new-line character seen in unquoted field")."""
    path = tmp_path / "sdn.csv"
    path.write_bytes(RANDOM)
    line = one_line_error(cli("import", "ofac", str(path), "--data-date", "2026-01-01", db=tmp_path / "r.db"))
    assert f"{path}:" in line and "OFAC legacy CSV" in line
    # the csv module's own error (a bare carriage return in a field) is named, not raised
    stray = tmp_path / "sdn_stray.csv"
    stray.write_bytes(b"1,A\rB,C\r\n")
    line = one_line_error(
        cli("import", "ofac", str(stray), "--data-date", "2026-01-01", db=tmp_path / "r.db")
    )
    assert f"{stray}:1: not an OFAC legacy CSV file (new-line character seen in unquoted field" in line


def test_list_data_dates_in_the_future_are_refused(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    line = one_line_error(cli("import", "un", str(need(UN_2026)), "--data-date", "9999-12-31", db=db))
    assert "data date 9999-12-31 (--data-date) is in the future" in line
    future = tmp_path / "consolidated.xml"
    future.write_text(
        UN_2026.read_text(encoding="utf-8").replace(
            'dateGenerated="2026-02-27', 'dateGenerated="2999-02-27', 1
        ),
        encoding="utf-8",
    )
    registry = Registry(str(db))
    with pytest.raises(
        InputError, match=r"data date 2999-02-27 \(dateGenerated attribute\) is in the future"
    ):
        import_list(registry, un.parse([future]))
    with pytest.raises(InputError, match="before 1945"):
        import_list(registry, un.parse([UN_2026], data_date=dt.date(1, 1, 1)))
    assert registry.journal.count() == 0
    registry.db.dispose()


def _record_text(**dates: str) -> str:
    fields = "".join(f"  {name}: '{value}'\n" for name, value in dates.items())
    return (
        "acts:\n- id: ru-test-dates\n  jurisdiction: RU\n  action: designated\n  entities: [taliban]\n"
        "  list: ru-federal-terrorist-list\n  authority: Supreme Court\n" + fields + "  sources:\n"
        "  - url: https://example.org/ruling\n    retrieved: '2026-06-02'\n"
    )


@pytest.mark.parametrize(
    ("dates", "field"),
    [
        ({"decided": "0001-01-01"}, "decided"),
        ({"effective": "9999-12-31"}, "effective"),
        ({"published": "1944"}, "published"),
        ({"decided": "2003-02-14", "observed_by": "9999-12-31"}, "observed_by"),
    ],
)
def test_implausible_act_dates_are_refused(tmp_path: Path, dates: dict[str, str], field: str) -> None:
    path = tmp_path / "acts.yaml"
    path.write_text(_record_text(**dates), encoding="utf-8")
    with pytest.raises(InputError, match="outside the plausible range 1945-01-01") as raised:
        read_record_file(path)
    assert raised.value.location == f"{path}:acts[0](ru-test-dates).{field}"


def test_plausible_act_dates_pass(tmp_path: Path) -> None:
    path = tmp_path / "acts.yaml"
    next_year = dt.date.today().year + 1
    path.write_text(_record_text(decided="1945-01-01", effective=str(next_year)), encoding="utf-8")
    assert [a.id for a in read_record_file(path).acts] == ["ru-test-dates"]
    path.write_text(_record_text(effective=str(next_year + 1)), encoding="utf-8")
    with pytest.raises(InputError, match="plausible range"):
        read_record_file(path)
    path.write_text(_record_text(decided="unknown"), encoding="utf-8")
    assert read_record_file(path).acts[0].decided is not None


# --- HTTP: bad input gives 4xx, never 500 ---------------------------------------------------------


@dataclass
class Api:
    client: TestClient
    tokens: dict[str, str]
    registry: Registry

    def auth(self, role: str = "reader") -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[role]}"}


def sign_in(api: Api, role: str) -> None:
    """Sign the test client in as a browser does: the key at /login, a session cookie back."""
    answer = api.client.post("/login", data={"token": api.tokens[role]}, follow_redirects=False)
    assert answer.status_code == 303, answer.text


@pytest.fixture
def api(tmp_path: Path) -> Iterator[Api]:
    registry = Registry(str(tmp_path / "api.db"))
    registry.load_bundled()
    keys = KeyStore(registry.db)
    tokens = {role: keys.create(role, role)[1] for role in ("reader", "analyst")}
    app = create_app(registry, Limits(rate_per_minute=100_000, failed_keys_per_minute=5))
    with TestClient(app, raise_server_exceptions=False) as client:
        yield Api(client, tokens, registry)
    registry.db.dispose()


def test_unpaired_surrogates_in_a_json_body_are_400(api: Api) -> None:
    """``"\\ud800"`` is valid JSON but no text; it reached the screener and ended in a 500."""
    for body in (b'{"name": "\\ud800"}', b'{"name": "Tali\\udc00ban"}', b'{"names": ["a", "\\ud83d"]}'):
        answer = api.client.post(
            "/api/screen", content=body, headers={**api.auth(), "content-type": "application/json"}
        )
        assert answer.status_code == 400, answer.text
        assert "unpaired surrogate" in answer.json()["error"]
    # an escaped backslash before "ud800" is plain text, and a proper pair is an emoji
    for fine in (b'{"name": "\\\\ud800"}', b'{"name": "\\ud83d\\ude00 Taliban"}'):
        answer = api.client.post(
            "/api/screen", content=fine, headers={**api.auth(), "content-type": "application/json"}
        )
        assert answer.status_code == 200, answer.text


def test_oversized_integers_in_parameters_are_400(api: Api) -> None:
    """``/api/acts?after=`` with 23 digits overflowed the database driver (500)."""
    answer = api.client.get("/api/acts", params={"after": "1" * 23}, headers=api.auth())
    assert answer.status_code == 400 and answer.json()["field"] == "after", answer.text
    assert (
        api.client.get("/api/acts", params={"after": str(2**63 - 1)}, headers=api.auth()).status_code == 200
    )
    link = api.client.post(f"/api/links/{'9' * 23}/accept", json={}, headers=api.auth("analyst"))
    assert link.status_code == 400, link.text


def test_deep_json_body_is_400(api: Api) -> None:
    body = b'{"name": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    answer = api.client.post(
        "/api/screen", content=body, headers={**api.auth(), "content-type": "application/json"}
    )
    assert answer.status_code == 400 and "nested more than 64" in answer.json()["error"]


def test_api_refuses_implausible_act_dates(api: Api) -> None:
    act = {
        "id": "ru-2026-06-01-far-future",
        "jurisdiction": "RU",
        "action": "reinstated",
        "entities": ["taliban"],
        "list": "ru-federal-terrorist-list",
        "decided": "9999-12-31",
        "authority": "Supreme Court of the Russian Federation",
        "sources": [{"url": "https://example.org/ruling", "retrieved": "2026-06-02"}],
    }
    before = api.registry.journal.count()
    answer = api.client.post("/api/acts", json={"acts": [act]}, headers=api.auth("analyst"))
    assert answer.status_code == 400 and answer.json()["field"] == "acts[0].decided", answer.text
    assert api.registry.journal.count() == before


# --- 3. Web: links, headers, cross-site writes, key guessing --------------------------------------

HOSTILE_URLS = [
    "javascript:alert(document.domain)",
    " javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "java\tscript:alert(1)",
    "//evil.example/x",
]


def test_only_http_urls_are_web_urls() -> None:
    assert is_web_url("https://www.un.org/securitycouncil/") and is_web_url("HTTP://example.org")
    for value in [*HOSTILE_URLS, "https://", "http:///x", None]:
        assert not is_web_url(value), value


def _hostile_source_act(url: str) -> dict[str, object]:
    return {
        "id": "ru-2026-06-01-hostile-url",
        "jurisdiction": "RU",
        "action": "reinstated",
        "entities": ["taliban"],
        "list": "ru-federal-terrorist-list",
        "decided": "2026-06-01",
        "authority": "Supreme Court of the Russian Federation",
        "sources": [{"url": url, "title": "the ruling", "retrieved": "2026-06-02"}],
    }


def test_a_javascript_source_url_is_shown_as_text_not_a_link(api: Api) -> None:
    url = HOSTILE_URLS[0]
    recorded = api.client.post(
        "/api/acts", json={"acts": [_hostile_source_act(url)]}, headers=api.auth("analyst")
    )
    assert recorded.status_code == 201, recorded.text
    sign_in(api, "reader")
    page = api.client.get("/entity/taliban")
    assert page.status_code == 200
    assert "the ruling" in page.text  # the source is named, as text
    assert 'href="javascript' not in page.text.lower()  # neither in the tables nor the SVG timeline
    assert page.text.count("https://") > 0  # the other sources are still links


SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
}


def test_every_response_carries_the_security_headers(api: Api) -> None:
    answers = [
        api.client.get("/api/health"),
        api.client.get("/api/entities/taliban", headers=api.auth()),
        api.client.get("/api/no-such-route"),
        api.client.get("/login"),
        api.client.get("/static/app.js"),
        api.client.post("/api/screen", json={"name": "x"}),  # 401
    ]
    for answer in answers:
        for header, value in SECURITY_HEADERS.items():
            assert answer.headers.get(header) == value, (answer.url, header)
        policy = answer.headers["content-security-policy"]
        assert "script-src 'self';" in policy and "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    docs = api.client.get("/docs")
    assert docs.status_code == 200 and "cdn.jsdelivr.net" in docs.headers["content-security-policy"]


def test_templates_need_no_inline_script_or_style() -> None:
    """What lets the policy forbid inline script and style: the templates have none."""
    templates = Path(__file__).resolve().parents[1] / "src" / "proscribe" / "web" / "templates"
    for template in templates.glob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert "<style" not in text and " style=" not in text, template.name
        for found in re.finditer(r"<script([^>]*)>", text):
            assert "src=" in found.group(1), template.name
        assert not re.search(r"\son[a-z]+=", text), template.name


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Referer": "https://evil.example/page"},
        {"Origin": "http://testserver.evil.example"},
    ],
)
def test_cross_site_writes_are_refused(api: Api, headers: dict[str, str]) -> None:
    before = api.registry.journal.count()
    act = _hostile_source_act("https://example.org/ruling")
    for path, body in (("/api/acts", {"acts": [act]}), ("/api/screen", {"name": "Taliban"})):
        answer = api.client.post(path, json=body, headers={**api.auth("analyst"), **headers})
        assert answer.status_code == 403 and answer.json()["field"] == "origin", answer.text
    login = api.client.post("/login", data={"token": api.tokens["reader"]}, headers=headers)
    assert login.status_code == 403
    assert api.registry.journal.count() == before


def test_same_site_and_headerless_writes_pass(api: Api) -> None:
    for headers in ({"Origin": "http://testserver"}, {"Referer": "http://testserver/screen"}, {}):
        answer = api.client.post("/api/screen", json={"name": "Taliban"}, headers={**api.auth(), **headers})
        assert answer.status_code == 200, (headers, answer.text)
    # reads are never refused by origin (a link from elsewhere must open)
    assert (
        api.client.get(
            "/api/entities/taliban", headers={**api.auth(), "Origin": "https://a.example"}
        ).status_code
        == 200
    )


def test_configured_cors_origins_may_write(tmp_path: Path) -> None:
    registry = Registry(str(tmp_path / "cors.db"))
    registry.load_bundled()
    token = KeyStore(registry.db).create("reader", "reader")[1]
    app = create_app(registry, Limits(cors_origins=("https://tool.example",)))
    with TestClient(app) as client:
        auth = {"Authorization": f"Bearer {token}"}
        allowed = client.post(
            "/api/screen", json={"name": "x"}, headers={**auth, "Origin": "https://tool.example"}
        )
        assert allowed.status_code == 200
        other = client.post(
            "/api/screen", json={"name": "x"}, headers={**auth, "Origin": "https://evil.example"}
        )
        assert other.status_code == 403
    registry.db.dispose()


def test_wrong_keys_are_limited_per_client(api: Api) -> None:
    """Five wrong keys a minute (this fixture's limit), then 429 even for a right key."""
    for _ in range(5):
        answer = api.client.get("/api/entities/taliban", headers={"Authorization": "Bearer psk_guess"})
        assert answer.status_code == 401
    blocked = api.client.get("/api/entities/taliban", headers=api.auth())
    assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) >= 1
    assert "5 wrong API keys" in blocked.json()["error"]
    login = api.client.post("/login", data={"token": api.tokens["reader"]})
    assert login.status_code == 429 and "wrong API keys" in login.text
    # requests without a key are not counted as guesses
    assert api.client.get("/api/health").status_code == 200


def test_failed_keys_count_per_client() -> None:
    failures = FailedKeys(per_minute=3)
    for _ in range(3):
        assert failures.wait("10.0.0.1") is None
        failures.failed("10.0.0.1")
    waited = failures.wait("10.0.0.1")
    assert waited is not None and 0 < waited <= 60
    assert failures.wait("10.0.0.2") is None


def test_foreign_origin_rules() -> None:
    def scope(**headers: str) -> dict[str, object]:
        return {"headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()]}

    assert foreign_origin(scope(Host="reg.example", Origin="https://reg.example")) is None
    assert foreign_origin(scope(Host="reg.example:8080", Origin="http://reg.example:8080")) is None
    assert (
        foreign_origin(scope(Host="reg.example", Origin="https://reg.example:444"))
        == "https://reg.example:444"
    )
    assert foreign_origin(scope(Host="reg.example")) is None
    assert foreign_origin(scope(Host="reg.example", Referer="https://reg.example/x?y")) is None
    assert foreign_origin(scope(Host="reg.example", Referer="not a url")) == "not a url"
    assert foreign_origin(scope(Origin="https://reg.example")) == "https://reg.example"  # no Host: refuse


def test_in_chromium_no_javascript_link_and_no_policy_violation(tmp_path: Path) -> None:
    """The pages under the Content-Security-Policy in a real browser: they work (search as you
    type fetches from the API) and report no violation; the hostile source is not a link."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("Debian's chromium is not installed")
    registry = Registry(str(tmp_path / "web.db"))
    registry.load_bundled()
    registry.record([], [Act.model_validate(_hostile_source_act(HOSTILE_URLS[0]))])
    token = KeyStore(registry.db).create("web-reader", "reader")[1]
    app = create_app(registry, Limits(rate_per_minute=100_000))
    violations: list[str] = []
    with running(app) as url, playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu", "--no-first-run"]
        )
        page = browser.new_page()
        page.set_default_timeout(120_000)
        page.on(
            "console",
            lambda message: violations.append(message.text) if "Content Security" in message.text else None,
        )
        page.goto(f"{url}/login")
        page.fill("input[name=token]", token)
        page.click("form.login button")
        page.locator("#search").press_sequentially("tali", delay=50)
        playwright_api.expect(page.locator("#results li a").first).to_have_text("Taliban", timeout=120_000)
        page.goto(f"{url}/entity/taliban")
        playwright_api.expect(page.locator("h1")).to_have_text("Taliban", timeout=120_000)
        assert page.locator('a[href^="javascript" i]').count() == 0
        assert page.get_by_text("the ruling").count() >= 1
        assert page.locator('a[href^="https://"]').count() > 0
        for path in ("/lists", "/screen", "/procedures", "/review/links"):
            page.goto(f"{url}{path}")
        browser.close()
    registry.db.dispose()
    assert violations == []


def test_the_screening_form_needs_its_token_when_signed_in_by_cookie(api: Api) -> None:
    sign_in(api, "reader")
    form = api.client.get("/screen")
    found = re.search(r'name="csrf" value="([0-9a-f]{64})"', form.text)
    assert found is not None
    forged = api.client.post("/screen", data={"name": "Taliban"})
    assert forged.status_code == 403 and "form token is missing or wrong" in forged.text
    wrong = api.client.post("/screen", data={"name": "Taliban", "csrf": "0" * 64})
    assert wrong.status_code == 403
    right = api.client.post("/screen", data={"name": "Taliban", "csrf": found.group(1)})
    assert right.status_code == 200 and 'class="hit"' in right.text
    # a key in a header is not a browser's ambient credential: no token needed
    api.client.cookies.clear()
    scripted = api.client.post("/screen", data={"name": "Taliban"}, headers=api.auth())
    assert scripted.status_code == 200
