"""The web interface in a real browser: Debian's Chromium driven by Playwright, against a real uvicorn server.

Screenshots go to test-artifacts/web/ (the Taliban timeline among them).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi import FastAPI
from playwright.sync_api import Browser, Page, expect, sync_playwright

from proscribe import Registry
from proscribe.api.app import create_app
from proscribe.api.auth import KeyStore
from proscribe.api.limits import Limits
from proscribe.api.server import running
from proscribe.dates import PartialDate
from proscribe.lists.importer import import_list
from proscribe.model import Act
from proscribe.news import extract_events, name_index, read_article_file
from proscribe.news.review import ReviewQueue
from proscribe.procedures.cases import ProcedureCases
from proscribe.procedures.engine import EvidenceItem, StepRequest
from proscribe.screening.audit import AuditLog
from proscribe.sources import un
from proscribe.watchlists import WatchedName, Watchlists
from shared_data import pick

# The full UN lists from ../shared/data, or their excerpts in tests/data/lists (tests/README.md).
UN_2021 = pick("un_sc_consolidated/consolidated_2021-01-18.xml")
UN_2026 = pick("un_sc_consolidated/consolidated_2026-02-27.xml")
NEWS = Path(__file__).parent / "data" / "news" / "dev"
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "web"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


# Slow machines: wait for pages as long as they need rather than fail on a timer.
expect.set_options(timeout=120_000)


@dataclass
class Site:
    url: str
    app: FastAPI
    registry: Registry
    tokens: dict[str, str]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    registry = Registry(str(tmp_path_factory.mktemp("web") / "web.db"))
    registry.load_bundled()
    import_list(registry, un.parse([UN_2021.path]))
    import_list(registry, un.parse([UN_2026.path]), allow_mass_removal=True)
    cases = ProcedureCases(registry)
    cases.start("gb-deproscription", "Hamas", PartialDate.parse("2025-01-10"), case_id="hamas-gb")
    cases.step(
        "hamas-gb",
        StepRequest(
            step="application",
            actor="applicant",
            on=PartialDate.parse("2025-01-10"),
            evidence=[EvidenceItem(kind="application", url="https://example.org/application.pdf")],
            retrieved=PartialDate.parse("2025-01-10").earliest,
        ),
    )
    article = read_article_file(NEWS / "2025-12-05_ca_hts_removed_globalnews.txt")
    ReviewQueue(registry).add(article, extract_events(article, name_index(registry.entities.all())))
    keys = KeyStore(registry.db)
    tokens = {role: keys.create(f"web-{role}", role)[1] for role in ("reader", "analyst")}
    app = create_app(registry, Limits(rate_per_minute=100_000))
    with running(app) as url:
        yield Site(url, app, registry, tokens)
    registry.db.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def new_page(browser: Browser, width: int = 1200) -> Page:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.set_default_timeout(120_000)
    return page


def signed_in(browser: Browser, site: Site, role: str = "reader", width: int = 1200) -> Page:
    page = new_page(browser, width)
    page.goto(f"{site.url}/")
    expect(page).to_have_url(f"{site.url}/login?next=/")
    page.fill("input[name=token]", site.tokens[role])
    page.click("form.login button")
    expect(page).to_have_url(f"{site.url}/")
    return page


def shot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 1000
    return path


def test_a_wrong_key_is_refused_at_sign_in(browser: Browser, site: Site) -> None:
    page = new_page(browser)
    page.goto(f"{site.url}/entity/Taliban")
    page.fill("input[name=token]", "psk_not-a-key")
    page.click("form.login button")
    expect(page.locator(".error")).to_have_text("That key is unknown or revoked.")
    page.close()


def test_the_browser_holds_a_session_not_the_key_and_signs_out(browser: Browser, site: Site) -> None:
    page = signed_in(browser, site, "analyst")
    cookies = {c["name"]: c for c in page.context.cookies()}
    session = cookies["proscribe_session"]
    assert session["value"] != site.tokens["analyst"] and site.tokens["analyst"] not in session["value"]
    assert session["httpOnly"] and session["sameSite"] == "Strict"
    assert page.evaluate("document.cookie") == ""  # no script on the page can read it
    expect(page.locator("header .who")).to_contain_text("web-analyst (analyst)")
    page.click("form.logout button")
    expect(page).to_have_url(f"{site.url}/login")
    assert "proscribe_session" not in {c["name"] for c in page.context.cookies()}
    # the id the browser held is refused even when sent again (the server ended the session)
    page.context.add_cookies(
        [
            {
                "name": session["name"],
                "value": session["value"],
                "domain": session["domain"],
                "path": session["path"],
            }
        ]
    )
    page.goto(f"{site.url}/lists")
    expect(page).to_have_url(f"{site.url}/login?next=/lists")
    page.close()


def test_search_as_you_type_then_the_taliban_timeline(browser: Browser, site: Site) -> None:
    page = signed_in(browser, site)
    page.locator("#search").press_sequentially("tali", delay=50)
    first = page.locator("#results li a").first
    expect(first).to_have_text("Taliban")
    expect(page.locator("#results")).to_have_attribute("data-query", "tali")
    shot(page, "search-as-you-type.png")
    first.click()
    expect(page).to_have_url(f"{site.url}/entity/taliban")
    expect(page.locator("h1")).to_have_text("Taliban")
    lanes = page.locator("svg.timeline g.lane")
    codes = [lanes.nth(i).get_attribute("data-jurisdiction") for i in range(lanes.count())]
    assert {"CA", "KG", "KZ", "RU", "UN"} <= set(codes)
    ru = page.locator('svg.timeline g.lane[data-jurisdiction="RU"]')
    assert ru.locator("rect.listed").count() >= 1 and ru.locator("rect.suspended").count() == 1
    kz = page.locator('svg.timeline g.lane[data-jurisdiction="KZ"]')
    assert kz.locator("rect.delisted").count() >= 1
    marks = page.locator("svg.timeline a circle.act")
    assert marks.count() >= 10
    suspension = page.locator('svg.timeline circle.act[data-act^="ru-2025-04-17"]')
    assert suspension.count() >= 1
    href = page.locator('svg.timeline a:has(circle.act[data-act^="ru-2025-04-17"])').first.get_attribute(
        "href"
    )
    assert href is not None and href.startswith("https://")
    expect(page.locator("table.statuses")).to_contain_text("suspended")
    shot(page, "taliban-timeline.png")
    page.locator("div.chart").screenshot(path=str(ARTIFACTS / "taliban-timeline-chart.png"))
    page.close()


def test_what_was_known_then(browser: Browser, site: Site) -> None:
    page = signed_in(browser, site)
    page.goto(f"{site.url}/entity/Taliban?as_of=2025-05-01&published_by=2025-03-01")
    row = page.locator("table.statuses tr", has_text="RU")
    expect(row.locator("strong")).to_have_text("listed")
    page.close()


def test_list_version_diff(browser: Browser, site: Site) -> None:
    page = signed_in(browser, site)
    page.click("nav >> text=Lists")
    expect(page.locator("h2")).to_have_text("un")
    page.click("form.diff-form button")
    expect(page.locator("h1")).to_have_text("un: 2021-01-18 → 2026-02-27")
    expect(page.locator(".summary .count.removed")).to_contain_text("removed")
    assert page.locator("table.changes tbody tr").count() > 10
    shot(page, "list-diff.png")
    page.close()


def test_procedure_cases_with_next_deadlines(browser: Browser, site: Site) -> None:
    page = signed_in(browser, site)
    page.click("nav >> text=Procedures")
    row = page.locator('tr[data-case="hamas-gb"]')
    expect(row.locator(".deadline")).to_contain_text("2025-04-10")
    shot(page, "procedure-cases.png")
    page.close()


def test_link_review_queue(browser: Browser, site: Site) -> None:
    reader = signed_in(browser, site, "reader")
    reader.click("nav >> text=Review")
    assert reader.locator("tr[data-link]").count() >= 1
    # Both sides by caption, kind and names, not as bare ids.
    first = reader.locator("tr[data-link]").first
    for side in ("entity", "candidate"):
        cell = first.locator(f"td.side.{side}")
        caption = cell.locator("a.caption")
        expect(caption).not_to_be_empty()
        assert caption.get_attribute("href") == f"/entity/{cell.locator('code').first.inner_text()}"
        assert cell.locator(".badge.kind").count() == 1 and cell.locator("li.name").count() >= 1
        assert cell.locator("li.name.shared").count() >= 1  # the names behind the proposal, marked
    assert reader.locator("button[data-decide]").count() == 0  # readers see the queue, cannot decide
    reader.close()
    analyst = signed_in(browser, site, "analyst")
    analyst.click("nav >> text=Review")
    row = analyst.locator("tr[data-link]").first
    link_id = row.get_attribute("data-link")
    shot(analyst, "link-review.png")
    row.locator("button[data-decide=reject]").click()
    expect(row.locator("td.decision")).to_have_text("rejected")
    analyst.reload()
    assert analyst.locator(f'tr[data-link="{link_id}"]').count() == 0
    analyst.close()
    entries = KeyStore(site.registry.db).audit_log(action="links.reject")
    assert [(e["key_name"], e["target"]) for e in entries] == [("web-analyst", link_id)]


def test_screening_page_csv_upload_and_download(browser: Browser, site: Site, tmp_path: Path) -> None:
    customers = tmp_path / "customers.csv"
    customers.write_text("id,name\n1,Acme Trading Ltd\n2,Taleban\n3,Хамас\n", encoding="utf-8")
    page = signed_in(browser, site)
    page.click("nav >> text=Screening")
    page.set_input_files("input[name=file]", str(customers))
    page.fill("input[name=as_of]", "2025-05-01")
    page.click("button[value=html]")
    expect(page.locator("h2")).to_have_text("3 names screened against the lists of 2025-05-01")
    hits = page.locator("tr.hit")
    expect(hits.first).to_contain_text("Taliban")
    expect(page.locator("tr.clear")).to_contain_text("Acme Trading Ltd")
    # On 2025-05-01 the court report (suspended from 17 Apr) and the FSB list (in force 20 May) disagree.
    assert "RU unknown" in hits.first.inner_text()
    shot(page, "screening.png")
    page.set_input_files("input[name=file]", str(customers))
    with page.expect_download() as download:
        page.click("button[value=csv]")
    saved = tmp_path / "results.csv"
    download.value.save_as(saved)
    assert download.value.suggested_filename == "screening-2025-05-01.csv"
    lines = saved.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "row,query,rank,entity_id,caption,score,matched_name,explanation,listings"
    assert any(line.startswith("2,Taleban,1,taliban,Taliban,") for line in lines)
    assert lines[1].startswith("1,Acme Trading Ltd,,")
    page.set_input_files("input[name=file]", [])
    page.click("button[value=html]")
    expect(page.locator(".error")).to_have_text("name: give a name or a CSV file")
    page.close()
    entries = list(AuditLog(site.registry.db).entries())
    assert {e["user"] for e in entries} == {"web-reader"} and len(entries) == 6


def test_alerts_page(browser: Browser, site: Site) -> None:
    watchlists: Watchlists = site.app.state.watchlists
    watchlists.create("web-customers", "web-analyst", [WatchedName("c-7", "Taleban")])
    other = signed_in(browser, site)  # a reader's key owns no watchlist: another key's alerts stay hidden
    other.click("nav >> text=Alerts")
    expect(other.locator("tr.alert")).to_have_count(0)
    other.close()
    page = signed_in(browser, site, "analyst")
    page.click("nav >> text=Alerts")
    row = page.locator("tr.alert", has_text="c-7")
    expect(row).to_contain_text("new hit: Taliban")
    # Suspended on both readings; they disagree on the day (17 Apr or 20 May 2025), so no "since".
    expect(row).to_contain_text("RU ru-federal-terrorist-list: now suspended")
    expect(row).to_contain_text("watchlist 'web-customers' created by web-analyst")
    shot(page, "alerts.png")
    page.close()


def test_news_review_queue(browser: Browser, site: Site) -> None:
    page = signed_in(browser, site, "analyst")
    page.click("nav >> text=News")
    row = page.locator("tr[data-event]").first
    expect(row).to_contain_text("Hayat Tahrir al-Sham")
    shot(page, "news-review.png")
    row.locator("button[data-news=accept]").click()
    expect(row.locator("td.decision")).to_contain_text("accepted as ")
    page.reload()
    expect(page.locator("table.news")).to_contain_text("Nothing to review.")
    page.close()


def test_search_ranks_organisations_first_with_badges_facets_and_pages(browser: Browser, site: Site) -> None:
    UN_2026.need_full()  # the counts and the first hits below are those of the full 2026 list
    page = signed_in(browser, site)
    # The store ranks prefix matches by id: a person ("Abu Mohammad al-Jolani", an alias of Ahmed
    # al-Sharaa) came first. Organisations whose names start so come before persons now.
    page.goto(f"{site.url}/?q=abu")
    hits = page.locator("#results li.hit")
    expect(hits.first.locator("a")).to_have_text("ABU SAYYAF GROUP")
    kinds = [hits.nth(i).locator(".badge.kind").inner_text() for i in range(hits.count())]
    assert kinds[:2] == ["organisation", "organisation"] and kinds[2] == "person"
    expect(hits.first.locator(".badge.status")).to_contain_text("UN listed")
    expect(page.locator("#count")).to_contain_text("154 entities · page 1 of 8")
    person = page.locator('section[data-facet="kind"] a[data-value="person"]')
    facet_count = int(person.locator("xpath=..").locator(".muted").first.inner_text().replace(",", ""))
    person.click()
    expect(page).to_have_url(f"{site.url}/?q=abu&kind=person")
    expect(page.locator("#count")).to_contain_text(f"{facet_count} entities")
    assert set(page.locator("#results .badge.kind").all_inner_texts()) == {"person"}
    page.locator('section[data-facet="jurisdiction"] a[data-value="UN"]').click()
    expect(page).to_have_url(f"{site.url}/?q=abu&kind=person&jurisdiction=UN")
    first_on_page_1 = hits.first.locator("a").inner_text()
    page.click(".pager a[rel=next]")
    expect(page.locator(".pager")).to_contain_text("page 2 of")
    assert "kind=person" in page.url and "jurisdiction=UN" in page.url
    assert hits.first.locator("a").inner_text() != first_on_page_1
    # No name contains a misspelling: the screening resolver reads it.
    page.goto(f"{site.url}/?q=Talibann")
    expect(hits.first.locator("a")).to_have_text("Taliban")
    expect(page.locator("#count")).to_contain_text("matched 'Talibann' as Taliban")
    page.close()


def test_entity_identifiers_exports_and_permalink(browser: Browser, site: Site) -> None:
    page = signed_in(browser, site)
    page.goto(f"{site.url}/entity/al-qaida?as_of=2025-05-01")
    row = page.locator('table.identifiers tr[data-source="un"]')
    expect(row.locator("code.identifier")).to_have_text("QDe.004")
    expect(row).to_contain_text("in the list of 2026-02-27")
    permalink = page.locator("a.permalink")
    assert permalink.get_attribute("href") == "/entity/al-qaida?as_of=2025-05-01"
    exports = {}
    for fmt in ("csv", "json", "ftm"):
        href = page.locator(f'a[data-export="{fmt}"]').get_attribute("href")
        assert href == f"/entity/al-qaida/export.{fmt}?as_of=2025-05-01"
        answer = page.request.get(f"{site.url}{href}")  # the page's cookie signs the request in
        assert answer.ok, answer.text()
        exports[fmt] = answer.text()
    lines = exports["csv"].splitlines()
    assert lines[0] == "entity_id,caption,kind,jurisdiction,list,status,since,deciding_act,source,names"
    assert any(
        line.startswith("al-qaida,Al-Qa'ida,organisation,UN,un-sc-sanctions,listed,") for line in lines
    )
    record = json.loads(exports["json"])
    assert record["as_of"] == "2025-05-01" and {"UN", "GB"} <= {x["jurisdiction"] for x in record["listings"]}
    ftm = [json.loads(line) for line in exports["ftm"].splitlines()]
    assert ftm[0]["schema"] == "Organization" and ftm[0]["id"] == "al-qaida"
    assert {r["schema"] for r in ftm[1:]} == {"Sanction"}
    row.locator("a").click()
    expect(page.locator("h1")).to_have_text("un list of 2026-02-27")
    page.close()


def test_act_page_shows_every_field_and_links_only_web_sources(browser: Browser, site: Site) -> None:
    page = signed_in(browser, site)
    page.goto(f"{site.url}/entity/taliban")
    link = page.locator('table.history a[href^="/act/ru-2025-04-17"]').first
    act_id = link.inner_text()
    link.click()
    expect(page.locator("h1")).to_have_text(f"Act {act_id}")
    fields = page.locator("table.act-fields")
    expect(fields).to_contain_text("suspended")
    expect(fields.locator("tr", has_text="Entities")).to_contain_text("Taliban")
    expect(fields.locator("tr", has_text="Hash")).to_contain_text("after")
    sources = page.locator("table.sources a")
    assert sources.count() >= 1
    assert all(
        h.startswith(("http://", "https://")) for h in sources.evaluate_all("els => els.map(e => e.href)")
    )
    shot(page, "act.png")
    page.goto(f"{site.url}/act/no-such-act")
    expect(page.locator(".error")).to_have_text("act 'no-such-act' does not exist")
    page.close()


def test_list_version_page_with_changes_against_the_previous(browser: Browser, site: Site) -> None:
    UN_2026.need_full()  # the version hash and counts below are those of the full 2026 list
    page = signed_in(browser, site)
    page.click("nav >> text=Lists")
    page.locator("table a", has_text="6ca37ed79326").click()
    expect(page.locator("h1")).to_have_text("un list of 2026-02-27")
    expect(page.locator("td.entry-count")).to_have_text("1,003")
    expect(page.locator("td.data-date")).to_contain_text("2026-02-27")
    expect(page.locator("code.hash")).to_have_text(re.compile("^6ca37ed79326[0-9a-f]{52}$"))
    expect(page.locator("h2")).to_have_text("Changes since the list of 2021-01-18")
    expect(page.locator(".summary .count.removed")).to_have_text("91 removed")
    assert page.locator("table.changes tbody tr").count() > 10
    shot(page, "list-version.png")
    page.click("text=bb28fd16808e")
    expect(page.locator("h1")).to_have_text("un list of 2021-01-18")
    expect(page.locator("main")).to_contain_text("nothing to compare with")
    page.close()


def test_procedure_case_page(browser: Browser, site: Site) -> None:
    page = signed_in(browser, site)
    page.click("nav >> text=Procedures")
    page.click('tr[data-case="hamas-gb"] a[href="/procedure/hamas-gb"]')
    expect(page.locator("h1")).to_have_text("Case hamas-gb")
    expect(page.locator("tr.deadline").first).to_contain_text("2025-04-10")
    step = page.locator("table.case-history tr.step").first
    expect(step).to_contain_text("application")
    assert step.locator("a[rel~=noopener]").get_attribute("href") == "https://example.org/application.pdf"
    step.locator('a[href^="/act/"]').click()  # the act the step recorded
    expect(page.locator('table.act-fields a[href="/procedure/hamas-gb"]')).to_have_count(1)
    shot(page, "procedure-case.png")
    page.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_entity_and_search_pages_fit_the_width(browser: Browser, site: Site, width: int) -> None:
    page = signed_in(browser, site, width=width)
    for name, path in (("search", "/?q=tali"), ("entity", "/entity/taliban"), ("links", "/review/links")):
        page.goto(f"{site.url}{path}")
        expect(page.locator("h1")).to_be_visible()
        scroll, viewport = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll <= viewport == width, f"{path} is {scroll} px wide at {width} px"
        if name != "links":
            shot(page, f"{name}-{width}.png")
            page.screenshot(path=str(ARTIFACTS / f"{name}-{width}-top.png"))  # the first screen only
    page.close()


def test_only_web_urls_of_an_act_become_links(browser: Browser, site: Site) -> None:
    """Runs last: it records an act (a procedural step, which changes no status)."""
    hostile = "javascript:alert(document.cookie)"
    act = Act.model_validate(
        {
            "id": "gb-2026-01-15-hamas-hearing-web-test",
            "jurisdiction": "GB",
            "action": "hearing",
            "entities": ["hamas"],
            "decided": "2026-01-15",
            "authority": "Proscribed Organisations Appeal Commission",
            "sources": [
                {"url": hostile, "title": "hostile", "retrieved": "2026-01-16"},
                {"url": "https://example.org/hearing", "title": "hearing notice", "retrieved": "2026-01-16"},
            ],
        }
    )
    site.registry.record(acts=[act])
    page = signed_in(browser, site)
    page.goto(f"{site.url}/act/{act.id}")
    sources = page.locator("table.sources tr.source")
    expect(sources).to_have_count(2)
    expect(sources.nth(0)).to_contain_text("hostile")
    assert sources.nth(0).locator("a").count() == 0
    assert sources.nth(1).locator("a").get_attribute("href") == "https://example.org/hearing"
    page.goto(f"{site.url}/entity/hamas")
    history = page.locator("table.history tr", has_text=act.id)
    expect(history).to_contain_text("hostile")
    assert history.locator(f'a[href="{hostile}"]').count() == 0
    assert history.locator('a[href="https://example.org/hearing"]').count() == 1
    # The timeline mark links to the first web source, not to the first source.
    mark = page.locator(f'svg.timeline a:has(circle.act[data-act="{act.id}"])')
    assert mark.get_attribute("href") == "https://example.org/hearing"
    page.close()
