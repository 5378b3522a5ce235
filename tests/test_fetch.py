"""``proscribe fetch``: official list files downloaded from a real HTTP server on 127.0.0.1, kept, imported."""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from proscribe import Registry
from proscribe.errors import InputError
from proscribe.lists.fetch import fetch_list
from proscribe.lists.store import ListStore
from shared_data import pick

CA_SOR = Path(__file__).parent / "data" / "ca_sor"
UN_2026 = pick("un_sc_consolidated/consolidated_2026-02-27.xml")  # the full list, else its excerpt


class _Files(http.server.BaseHTTPRequestHandler):
    files: ClassVar[dict[str, bytes]] = {}
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).requests.append(self.path)
        body = type(self).files.get(self.path.lstrip("/"))
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[tuple[str, type[_Files]]]:
    handler = type("Files", (_Files,), {"files": {}, "requests": []})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/lists", handler
    httpd.shutdown()
    httpd.server_close()


def _serve(handler: type[_Files], name: str, body: bytes) -> None:
    handler.files[f"lists/{name}"] = body


def test_fetch_downloads_keeps_and_imports_a_version_once(
    server: tuple[str, type[_Files]], tmp_path: Path
) -> None:
    mirror, handler = server
    older, newer = sorted(CA_SOR.glob("*.xml"))[-2:]  # pit-dates 2024-11-28 and 2025-12-08
    _serve(handler, "SOR-2002-284.xml", older.read_bytes())
    registry = Registry(str(tmp_path / "r.db"))
    registry.load_bundled()
    fetched = fetch_list(registry, "ca-sor", tmp_path / "downloads", mirror=mirror)
    [(path, url, digest)] = fetched.files
    assert path.read_bytes() == older.read_bytes() and url == f"{mirror}/SOR-2002-284.xml"
    assert path.parent.parent == tmp_path / "downloads" / "ca-sor" and digest[:12] in path.parent.name
    [result] = fetched.results
    assert not result.already_imported and result.entries == 8 and result.acts_added > 0
    assert fetch_list(registry, "ca-sor", tmp_path / "downloads", mirror=mirror).results[0].already_imported
    # the publisher's file changes: the next fetch is a new version, and its removals become acts
    _serve(handler, "SOR-2002-284.xml", newer.read_bytes())
    [later] = fetch_list(registry, "ca-sor", tmp_path / "downloads", mirror=mirror).results
    assert later.previous == result.version_id and later.changes["removed"] == 1
    assert registry.status_as_of("hayat-tahrir-al-sham", "CA").status.value == "delisted"
    assert handler.requests == ["/lists/SOR-2002-284.xml"] * 3


def test_a_failed_download_writes_and_imports_nothing(
    server: tuple[str, type[_Files]], tmp_path: Path
) -> None:
    mirror, handler = server
    registry = Registry(str(tmp_path / "r.db"))
    registry.load_bundled()
    acts = registry.journal.count()
    with pytest.raises(InputError, match="cannot download ca-sor: HTTP 404"):
        fetch_list(registry, "ca-sor", tmp_path / "downloads", mirror=mirror)
    _serve(handler, "SOR-2002-284.xml", b"   ")
    with pytest.raises(InputError, match="empty file"):
        fetch_list(registry, "ca-sor", tmp_path / "downloads", mirror=mirror)
    assert registry.journal.count() == acts and not (tmp_path / "downloads").exists()
    with pytest.raises(InputError, match="cannot connect"):
        fetch_list(registry, "un", tmp_path / "downloads", mirror="http://127.0.0.1:9")
    with pytest.raises(InputError, match="uk cannot be fetched: the uk source reads the ammitto YAML"):
        fetch_list(registry, "uk", tmp_path / "downloads")


def test_the_cli_fetches_the_un_list(server: tuple[str, type[_Files]], tmp_path: Path) -> None:
    mirror, handler = server
    _serve(handler, "consolidated.xml", UN_2026.path.read_bytes())
    db = str(tmp_path / "r.db")
    command = [sys.executable, "-m", "proscribe"]
    result = subprocess.run(
        [*command, "fetch", "un", "--from", mirror, "--folder", str(tmp_path / "dl"), "--db", db],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200"},  # PYTHONPATH kept: the command runs this tree's code
    )
    assert result.returncode == 0, result.stderr
    assert f"Downloaded {mirror}/consolidated.xml" in result.stdout
    assert "Imported un list version" in result.stdout and "(data date 2026-02-27)" in result.stdout
    versions = subprocess.run(
        [*command, "versions", "un", "--json", "--db", db], capture_output=True, text=True
    )
    assert [v["data_date"] for v in json.loads(versions.stdout)] == ["2026-02-27"]
    offline = subprocess.run(
        [*command, "fetch", "un", "--from", "http://127.0.0.1:9", "--db", db], capture_output=True, text=True
    )
    assert offline.returncode == 1 and offline.stderr.count("\n") == 1 and "cannot connect" in offline.stderr


def _un_without_entities(text: str, day: str) -> bytes:
    """The UN list of another day with its ENTITIES section emptied: well-formed, complete-looking,
    every entity gone (what a publisher's partial export would look like)."""
    start, end = text.index("<ENTITY>"), text.index("</ENTITIES>")
    dated = text.replace('dateGenerated="2026-02-27', f'dateGenerated="{day}', 1)
    shift = len(dated) - len(text)
    return (dated[: start + shift] + dated[end + shift :]).encode("utf-8")


FETCH_UN = [sys.executable, "-m", "proscribe", "fetch", "un", "--from"]


def test_fetch_refuses_a_mass_removal_unless_allowed(
    server: tuple[str, type[_Files]], tmp_path: Path
) -> None:
    """The removal guard of ``import`` holds for ``fetch`` too, with the same override."""
    mirror, handler = server
    text = UN_2026.path.read_text(encoding="utf-8")
    entities = text.count("<ENTITY>")
    entries = entities + text.count("<INDIVIDUAL>")
    db = str(tmp_path / "r.db")
    folder = tmp_path / "dl"

    def fetch_un(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*FETCH_UN, mirror, "--folder", str(folder), *extra, "--db", db],
            capture_output=True,
            text=True,
            env={**os.environ, "COLUMNS": "200"},
        )

    _serve(handler, "consolidated.xml", text.encode("utf-8"))
    assert fetch_un().returncode == 0
    registry = Registry(db)
    acts = registry.journal.count()
    _serve(handler, "consolidated.xml", _un_without_entities(text, "2026-02-28"))
    refused = fetch_un()
    assert refused.returncode == 1 and "Traceback" not in refused.stderr, refused.stderr
    [line] = refused.stderr.strip().splitlines()
    share = f"{entities / entries:.1%}"
    assert f"would remove {entities:,} of the previous version's {entries:,} entries ({share}" in line
    assert "--allow-mass-removal" in line
    # nothing imported; the download is kept (its path is named) for a later import or review
    assert registry.journal.count() == acts
    assert [v.data_date.isoformat() for v in ListStore(registry.db).versions("un")] == ["2026-02-27"]
    [kept] = [
        path
        for path in (folder / "un").glob("*/consolidated.xml")
        if b'dateGenerated="2026-02-28' in path.read_bytes()[:1000]
    ]
    assert str(kept) in line
    allowed = fetch_un("--allow-mass-removal")
    assert allowed.returncode == 0, allowed.stderr
    assert f"{entities:,} removed" in allowed.stdout
    assert [v.data_date.isoformat() for v in ListStore(registry.db).versions("un")] == [
        "2026-02-27",
        "2026-02-28",
    ]
    registry.db.dispose()


def test_fetch_list_passes_allow_mass_removal(server: tuple[str, type[_Files]], tmp_path: Path) -> None:
    mirror, handler = server
    text = UN_2026.path.read_text(encoding="utf-8")
    registry = Registry(str(tmp_path / "r.db"))
    _serve(handler, "consolidated.xml", text.encode("utf-8"))
    fetch_list(registry, "un", tmp_path / "dl", mirror=mirror)
    _serve(handler, "consolidated.xml", _un_without_entities(text, "2026-02-28"))
    with pytest.raises(InputError, match="would remove"):
        fetch_list(registry, "un", tmp_path / "dl", mirror=mirror)
    [result] = fetch_list(registry, "un", tmp_path / "dl", mirror=mirror, allow_mass_removal=True).results
    assert result.changes["removed"] == text.count("<ENTITY>")
    registry.db.dispose()
