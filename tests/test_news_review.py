"""The review queue on both backends: nothing from news enters the journal unreviewed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from proscribe import Registry
from proscribe.errors import InputError
from proscribe.news import extract_events, name_index, read_article_file
from proscribe.news.review import ReviewQueue

DEV = Path(__file__).parent / "data" / "news" / "dev"


def queue_article(registry: Registry, name: str) -> tuple[ReviewQueue, list[str]]:
    registry.load_bundled()
    queue = ReviewQueue(registry)
    article = read_article_file(DEV / name)
    return queue, queue.add(article, extract_events(article, name_index(registry.entities.all())))


def test_queued_events_stay_out_of_the_journal_until_accepted(registry: Registry) -> None:
    registry.load_bundled()
    before = registry.verify().chain.acts_checked
    queue, ids = queue_article(registry, "2025-12-05_ca_hts_removed_globalnews.txt")
    assert len(ids) == 1
    assert registry.verify().chain.acts_checked == before
    assert [q.status for q in queue.list()] == ["pending"]
    # Adding the same article again adds nothing.
    article = read_article_file(DEV / "2025-12-05_ca_hts_removed_globalnews.txt")
    assert queue.add(article, extract_events(article, name_index())) == ids

    act = queue.accept(ids[0], reviewer="alice", retrieved=dt.date(2026, 11, 23))
    assert (act.jurisdiction, act.action.value, act.entities, act.list_id) == (
        "CA",
        "delisted",
        ["hayat-tahrir-al-sham"],
        "ca-listed-terrorist-entities",
    )
    source = act.sources[0]
    assert source.url == "https://globalnews.ca/news/11564294/canada-syria-terrorism-sponsor-list-hts/"
    assert source.document_hash == article.document_hash
    assert source.note is not None and "Ottawa has also removed Hayat Tahrir al-Sham" in source.note
    assert act.confidence.value == "probable"
    report = registry.verify()
    assert report.chain.ok and report.chain.acts_checked == before + 1
    accepted = queue.get(ids[0])
    assert (accepted.status, accepted.reviewer, accepted.act_id) == ("accepted", "alice", act.id)
    with pytest.raises(InputError, match="already accepted"):
        queue.accept(ids[0], reviewer="bob")


def test_edit_checks_every_value_and_reject_needs_a_reason(registry: Registry) -> None:
    queue, ids = queue_article(registry, "2024-12-17_ru_duma_taliban_bill_b.txt")
    kazakhstan = next(i for i in ids if queue.get(i).event["jurisdiction"] == "KZ")
    with pytest.raises(InputError, match=r"-\d+\.jurisdiction: unknown jurisdiction 'XX'"):
        queue.edit(kazakhstan, {"jurisdiction": "XX"})
    with pytest.raises(InputError, match=r"effective_date: '2023-13' is not a date"):
        queue.edit(kazakhstan, {"effective_date": "2023-13"})
    with pytest.raises(InputError, match="no entity with id 'nobody'"):
        queue.edit(kazakhstan, {"entity_id": "nobody"})
    assert queue.get(kazakhstan).event["effective_date"] == "2023"  # nothing was saved

    edited = queue.edit(kazakhstan, {"effective_date": "2023-12"})
    assert (edited.event["effective_date"], edited.event["date_precision"]) == ("2023-12", "month")
    with pytest.raises(InputError, match="needs a reason"):
        queue.reject(kazakhstan, reviewer="bob", reason="  ")
    rejected = queue.reject(kazakhstan, reviewer="bob", reason="background, already recorded")
    assert (rejected.status, rejected.reason) == ("rejected", "background, already recorded")
    assert queue.get(kazakhstan).act_id is None


def test_unlinked_organisation_must_be_linked_before_acceptance(registry: Registry) -> None:
    queue, ids = queue_article(registry, "2025-07-05_gb_palestine_action_particle.txt")
    assert queue.get(ids[0]).event["entity_id"] is None
    with pytest.raises(InputError, match=r"entity_id: link the organisation to a registry entity first"):
        queue.accept(ids[0], reviewer="alice")
    assert queue.get(ids[0]).status == "pending"
