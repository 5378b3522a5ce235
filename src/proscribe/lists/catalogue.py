"""What each list is: kind (terrorist, extremist ...), title, keeper, official page.

A status "listed" means different things on different lists: on Russia's
federal list of *terrorist* organisations membership is a terrorism offence;
on the Ministry of Justice list of *extremist* organisations it is an
extremism offence. Answers about a listing show the list's kind and title
from here, so the two are never confused. Lists not described here are
shown by their id alone (``describe`` returns None).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ListKind(StrEnum):
    TERRORIST = "terrorist"
    EXTREMIST = "extremist"
    SANCTIONS = "sanctions"


@dataclass(frozen=True)
class ListInfo:
    """One list as the law and its keeper name it; ``url`` is the official page, ``retrieved`` when read."""

    id: str
    jurisdiction: str
    kind: ListKind
    title: str
    title_en: str
    keeper: str
    decided_by: str
    url: str
    source: str
    retrieved: str


LISTS: dict[str, ListInfo] = {
    info.id: info
    for info in (
        ListInfo(
            id="ru-federal-terrorist-list",
            jurisdiction="RU",
            kind=ListKind.TERRORIST,
            # Title as the mirror records the page's heading (ru-registries-mirror, fetched 2026-09-16).
            title="Единый федеральный список террористических организаций",
            title_en="Unified federal list of organisations recognised as terrorist by Russian courts",
            keeper="Federal Security Service of the Russian Federation (FSB)",
            decided_by="Russian courts (mostly the Supreme Court), on the Prosecutor General's application",
            url="http://www.fsb.ru/fsb/npd/terror.htm",
            source="ITSalt/ru-registries-mirror data/fsb_terrorist_orgs.json @ 60db8d69 (source_url, title)",
            retrieved="2026-12-04",
        ),
        ListInfo(
            id="ru-minjust-extremist-list",
            jurisdiction="RU",
            kind=ListKind.EXTREMIST,
            title="Перечень организаций, признанных экстремистскими",
            title_en=(
                "List of organisations liquidated or banned by Russian courts as extremist "
                "(Ministry of Justice)"
            ),
            keeper="Ministry of Justice of the Russian Federation",
            decided_by="Russian courts (regional courts and the Supreme Court)",
            url="https://minjust.gov.ru/ru/documents/7822/",
            source="ITSalt/ru-registries-mirror data/minjust_extremist_orgs.json @ b5adfe07 (source_url, title)",
            retrieved="2026-12-04",
        ),
    )
}


def describe(list_id: str) -> ListInfo | None:
    """What ``list_id`` is, where known."""
    return LISTS.get(list_id)
