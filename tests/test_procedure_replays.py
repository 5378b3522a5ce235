"""Real cases replayed through the procedure engine, on both backends.

Each replay starts from the bundled journal *without* the curated acts of
the case, runs the procedure with the dates and sources those acts cite, and
checks that the emitted acts match the curated ones and that statuses then
match the registry loaded with the full curated data.
"""

from __future__ import annotations

import datetime as dt

import pytest

from proscribe import Registry
from proscribe.bundled import bundled_records
from proscribe.dates import PartialDate
from proscribe.errors import InputError
from proscribe.model import Act
from proscribe.procedures.cases import ProcedureCases
from proscribe.procedures.engine import EvidenceItem, StepRefused, StepRequest, open_deadlines

RETRIEVED = dt.date(2026, 11, 22)


def seed_without(registry: Registry, excluded: set[str]) -> dict[str, Act]:
    """Record the bundled entities and acts except ``excluded``; return the curated acts by id."""
    records = bundled_records()
    curated = {a.id: a for a in records.acts}
    assert excluded <= set(curated), excluded - set(curated)
    registry.record(records.entities, [a for a in records.acts if a.id not in excluded])
    return curated


def request(step: str, actor: str, on: str, *evidence: tuple[str, str], **dates: str) -> StepRequest:
    return StepRequest(
        step=step,
        actor=actor,
        on=PartialDate.parse(on),
        evidence=[EvidenceItem(kind=kind, url=url) for kind, url in evidence],
        retrieved=RETRIEVED,
        **{k: PartialDate.parse(v) for k, v in dates.items()},
    )


def same_legal_content(emitted: Act, curated: Act) -> None:
    assert emitted.action == curated.action
    assert emitted.entities == curated.entities
    assert emitted.list_id == curated.list_id
    assert emitted.reason == curated.reason
    assert (str(emitted.decided), str(emitted.effective), str(emitted.published)) == (
        str(curated.decided),
        str(curated.effective),
        str(curated.published),
    )


def assert_statuses_match(
    replayed: Registry,
    loaded: Registry,
    entity: str,
    code: str,
    days: list[str],
    published_by: str | None = None,
) -> None:
    for day in days:
        valid_at = dt.date.fromisoformat(day)
        limit = dt.date.fromisoformat(published_by) if published_by else None
        mine = replayed.status_as_of(entity, code, valid_at, published_by=limit)
        theirs = loaded.status_as_of(entity, code, valid_at, published_by=limit)
        assert (mine.status, mine.since) == (theirs.status, theirs.since), day


TALIBAN_CASE = {
    "ru-2025-03-taliban-suspension-petition",
    "ru-2025-03-31-taliban-hearing-scheduled",
    "ru-2025-04-17-taliban-ban-suspended",
    # The FSB list's competing entry-into-force date (20 May 2025) is not a step of the court procedure.
    "ru-2025-04-17-taliban-ban-suspended-reading-fsb-2025-05-20",
}


def test_russian_taliban_suspension_replay(registry: Registry, loaded: Registry) -> None:
    curated = seed_without(registry, TALIBAN_CASE)
    cases = ProcedureCases(registry)
    # The bill of 25 November 2024 is not yet law: no suspension procedure exists on that day.
    with pytest.raises(InputError, match="no version of the rules was in force on 2024-11-25"):
        cases.start("ru-suspension", "Taliban", PartialDate.parse("2024-11-25"))
    case = cases.start(
        "ru-suspension", "Taliban", PartialDate.parse("2025-03"), case_id="ru-taliban-suspension"
    )
    assert (case.rule_version, case.state) == ("fl-2024-12-28", "listed")

    # A ruling before the petition is refused, naming the rule and step.
    with pytest.raises(StepRefused, match=r"ru-suspension@fl-2024-12-28:steps\.decision"):
        cases.step(case.id, request("decision", "court", "2025-04-17", ("ruling", "https://news.az/x")))

    _, petition = cases.step(
        case.id,
        request(
            "application",
            "prosecutor-general",
            "2025-03",
            (
                "claim",
                "https://www.independent.co.uk/asia/south-asia/russia-taliban-terrorist-designation-afghanistan-b2725080.html",
            ),
            published="2025-03-31",
        ),
    )
    _, hearing = cases.step(
        case.id, request("hearing-scheduled", "court", "2025-03-31", effective="2025-04-17")
    )
    after, ruling = cases.step(
        case.id,
        request(
            "decision",
            "court",
            "2025-04-17",
            (
                "ruling",
                "https://www.asiaplustj.info/en/news/world/20250418/russia-removes-afghanistans-taliban-from-terror-list",
            ),
        ),
    )
    same_legal_content(petition[0], curated["ru-2025-03-taliban-suspension-petition"])
    same_legal_content(hearing[0], curated["ru-2025-03-31-taliban-hearing-scheduled"])
    same_legal_content(ruling[0], curated["ru-2025-04-17-taliban-ban-suspended"])
    assert ruling[0].procedure == "ru-taliban-suspension"
    assert {s.url for s in ruling[0].sources} >= {
        "https://www.asiaplustj.info/en/news/world/20250418/russia-removes-afghanistans-taliban-from-terror-list",
        "http://en.kremlin.ru/acts/news/76013",
    }

    # The copy to the FSB is due five days after the ruling; calendar or working days is not stated.
    (copy,) = open_deadlines(cases.rule_of(after), after)
    assert copy.deadline.id == "copy-to-fsb"
    assert copy.due == (dt.date(2025, 4, 22), dt.date(2025, 4, 24))

    days = ["2024-11-25", "2025-01-01", "2025-04-01", "2025-04-16"]
    assert_statuses_match(registry, loaded, "taliban", "RU", days)
    assert_statuses_match(registry, loaded, "taliban", "RU", ["2025-05-01"], published_by="2025-03-01")
    # The replay follows the court report ("takes effect immediately"); the curated data also keeps the
    # FSB list's 20 May 2025, so between the two dates only the replay is certain.
    assert registry.status_as_of("taliban", "RU", dt.date(2025, 5, 1)).status.value == "suspended"
    assert loaded.status_as_of("taliban", "RU", dt.date(2025, 5, 1)).status.value == "unknown"
    for day in (dt.date(2025, 5, 20), dt.date(2026, 1, 1)):
        assert registry.status_as_of("taliban", "RU", day).status.value == "suspended"
        assert loaded.status_as_of("taliban", "RU", day).status.value == "suspended"
    assert registry.verify().chain.ok


def test_us_hts_revocation_replay_signed_effective_published(registry: Registry, loaded: Registry) -> None:
    curated = seed_without(registry, {"us-2025-07-08-nusrah-hts-revoked"})
    cases = ProcedureCases(registry)
    case = cases.start("us-fto-revocation", "al-nusrah-front", PartialDate.parse("2025-06-23"))
    cases.step(case.id, request("signature", "secretary-of-state", "2025-06-23"))
    with pytest.raises(StepRefused, match="before step 'signature'"):
        cases.step(
            case.id,
            request("publication", "secretary-of-state", "2025-06-01", ("notice", "https://x.example/fr")),
        )
    with pytest.raises(StepRefused, match="rule sets the published date"):
        cases.step(
            case.id,
            request(
                "publication",
                "secretary-of-state",
                "2025-07-08",
                ("notice", "https://x.example/fr"),
                published="2025-07-09",
            ),
        )
    _, acts = cases.step(
        case.id,
        request(
            "publication",
            "secretary-of-state",
            "2025-07-08",
            (
                "notice",
                "https://app.justthenews.com/government/security/us-revoke-terror-designation-syrian-group-overthrew-assad",
            ),
        ),
    )
    (revoked,) = acts
    same_legal_content(revoked, curated["us-2025-07-08-nusrah-hts-revoked"])
    assert (str(revoked.decided), str(revoked.effective), str(revoked.published)) == (
        "2025-06-23",
        "2025-07-08",
        "2025-07-08",
    )
    days = ["2025-06-01", "2025-06-23", "2025-07-07", "2025-07-08", "2026-06-01"]
    assert_statuses_match(registry, loaded, "hayat-tahrir-al-sham", "US", days)
    assert_statuses_match(
        registry, loaded, "hayat-tahrir-al-sham", "US", ["2025-07-10"], published_by="2025-07-01"
    )


def test_uk_hts_deproscription_replay(registry: Registry, loaded: Registry) -> None:
    curated = seed_without(registry, {"uk-2025-hts-alias-revoked"})
    cases = ProcedureCases(registry)
    case = cases.start("gb-name-order", "Hayat Tahrir al-Sham", PartialDate.parse("2025-10-20"))
    with pytest.raises(StepRefused, match="missing evidence: order"):
        cases.step(case.id, request("revocation-order-laid", "home-secretary", "2025-10-20"))
    with pytest.raises(StepRefused, match="role 'applicant'"):
        cases.step(case.id, request("revocation-order-laid", "applicant", "2025-10-20"))
    _, acts = cases.step(
        case.id,
        request(
            "revocation-order-laid",
            "home-secretary",
            "2025-10-20",
            (
                "order",
                "https://www.legislationtracker.co.uk/article/proscribed-organisations-name-change-revocation-order-2025-20-10-25",
            ),
            decided="2025-10",
            effective="2025-11-10",
        ),
    )
    same_legal_content(acts[0], curated["uk-2025-hts-alias-revoked"])
    days = ["2025-10-01", "2025-10-25", "2025-11-09", "2025-11-10", "2026-06-01"]
    assert_statuses_match(registry, loaded, "hayat-tahrir-al-sham", "GB", days)


FAQIH_CASE = {
    "un-2012-07-02-faqih-delisted",
    "un-2012-07-01-faqih-delisted-reading-5-30-pm",
    "un-2012-07-02-mira-delisted",
}
GULF_NEWS = "https://m.gulfnews.com/news/gulf/un-confirms-saudi-dissident-off-al-qaida-list-1.1043869"
REUTERS = "https://www.chicagotribune.com/news/ct-xpm-2012-07-02-sns-rt-us-saudi-dissident-unbre8610st-20120702-story.html"


def test_un_ombudsperson_replay_faqih_and_mira(registry: Registry, loaded: Registry) -> None:
    """The first removal in which the Committee found no consensus to override the Ombudsperson (2 July 2012).

    The sources give no date for the request, information gathering, dialogue, report or the end of the
    Committee's consideration, so the case starts where they first attest it: on 29 June 2012 the
    Ombudsperson's recommendation to delist was before the Committee (Inner City Press). The 60-day
    clock therefore has no known start and the engine computes no due date.
    """
    curated = seed_without(registry, FAQIH_CASE)
    cases = ProcedureCases(registry)
    # The res. 2083 procedure only began on 17 Dec 2012: the case ran under res. 1989 (2011).
    with pytest.raises(InputError, match="in force 2012-12-17 to now, not on 2012-06-29"):
        cases.start("un-1267-ombudsperson", "mira", PartialDate.parse("2012-06-29"), version="res-2083-2012")
    emitted = {}
    for entity in ("saad-al-faqih", "mira"):
        case = cases.start(
            "un-1267-ombudsperson", entity, PartialDate.parse("2012-06-29"), state="delisting-recommended"
        )
        assert case.rule_version == "res-1989-2011"
        assert open_deadlines(cases.rule_of(case), case) == []  # consideration date unknown: no clock
        with pytest.raises(StepRefused, match="role 'ombudsperson' may not take this step"):
            cases.step(case.id, request("automatic-delisting", "ombudsperson", "2012-07-02"))
        with pytest.raises(StepRefused, match="before the case start"):
            cases.step(case.id, request("automatic-delisting", "committee", "2012-06-28"))
        final, (act,) = cases.step(
            case.id,
            request(
                "automatic-delisting",
                "committee",
                "2012-07-02",
                ("statement", GULF_NEWS),
                ("report", REUTERS),
                published="2012-07-02",
            ),
        )
        assert final.state == "delisted"
        emitted[entity] = act
    same_legal_content(emitted["saad-al-faqih"], curated["un-2012-07-02-faqih-delisted"])
    same_legal_content(emitted["mira"], curated["un-2012-07-02-mira-delisted"])
    assert {s.url for s in emitted["mira"].sources} >= {GULF_NEWS, REUTERS}

    # Where the readings agree, the replay and the curated data give the same statuses.
    assert_statuses_match(
        registry, loaded, "mira", "UN", ["2012-06-01", "2012-07-01", "2012-07-02", "2013-01-01"]
    )
    assert_statuses_match(registry, loaded, "saad-al-faqih", "UN", ["2004-11-30", "2005-06-01", "2012-06-30"])
    assert registry.status_as_of("mira", "UN", dt.date(2012, 7, 2)).status.value == "delisted"
    for day in (dt.date(2012, 7, 2), dt.date(2013, 1, 1)):
        mine, theirs = (r.status_as_of("saad-al-faqih", "UN", day) for r in (registry, loaded))
        assert mine.status.value == theirs.status.value == "delisted"
        assert (mine.since, theirs.since) == ("2012-07-02", None)  # the curated readings disagree on the day
    # The diplomat's earlier "5:30 p.m." forecast (1 July) stays a second reading in the curated data only.
    forecast_day = loaded.status_as_of("saad-al-faqih", "UN", dt.date(2012, 7, 1))
    assert forecast_day.status.value == "unknown"
    assert {r.status.value for r in forecast_day.readings} == {"listed", "delisted"}
    assert registry.status_as_of("saad-al-faqih", "UN", dt.date(2012, 7, 1)).status.value == "listed"
    assert registry.verify().chain.ok


def test_rules_in_force_follow_the_start_date(registry: Registry) -> None:
    seed_without(registry, set())
    cases = ProcedureCases(registry)
    assert (
        cases.start("gb-deproscription", "Hamas", PartialDate.parse("2003-05-01")).rule_version == "regs-2001"
    )
    recent = cases.start("gb-deproscription", "Hamas", PartialDate.parse("2025-01-10"))
    assert recent.rule_version == "regs-2006"
    filed, _ = cases.step(
        recent.id, request("application", "applicant", "2025-01-10", ("application", "https://example.org/a"))
    )
    (determination,) = open_deadlines(cases.rule_of(filed), filed)
    assert determination.due == (dt.date(2025, 4, 10), dt.date(2025, 4, 10))
    with pytest.raises(InputError, match="uncertain"):
        cases.start("ca-listed-entities", "Taliban", PartialDate.parse("2025-01-01"))
    assert (
        cases.start("ca-listed-entities", "Taliban", PartialDate.parse("2010-01-01")).rule_version
        == "original-2002"
    )
