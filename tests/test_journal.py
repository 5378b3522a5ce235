"""The journal on SQLite and PostgreSQL: hash chain, idempotency, transactions, tamper detection."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from factories import act
from proscribe import Entity, InputError, Name, Registry
from proscribe.canonical import GENESIS_HASH, chain_hash
from proscribe.store import tables as t


def group(entity_id: str = "group") -> Entity:
    return Entity(id=entity_id, names=[Name(value=entity_id.title(), type="primary")])


def snapshot(registry: Registry) -> tuple[int, str]:
    report = registry.journal.verify()
    return report.acts_checked, report.head_hash


def test_append_chains_each_act_to_the_previous(registry: Registry) -> None:
    registry.record(
        [group()],
        [act("a1", "designated", decided="2020-01-01"), act("a2", "delisted", decided="2024-01-01")],
    )
    stored = list(registry.journal.all_acts())
    assert [r.seq for r in stored] == [1, 2]
    assert stored[0].prev_hash == GENESIS_HASH
    assert stored[1].prev_hash == stored[0].hash
    report = registry.journal.verify()
    assert report.ok and report.acts_checked == 2 and report.head_hash == stored[1].hash


def test_recording_the_same_acts_twice_adds_nothing(registry: Registry) -> None:
    acts = [act("a1", "designated", decided="2020-01-01")]
    first = registry.record([group()], acts)
    second = registry.record([group()], acts)
    assert first.acts.added == ["a1"]
    assert second.acts.added == [] and second.acts.unchanged == ["a1"]
    assert registry.journal.count() == 1


def test_same_id_with_other_content_is_refused(registry: Registry) -> None:
    registry.record([group()], [act("a1", "designated", decided="2020-01-01")])
    before = snapshot(registry)
    with pytest.raises(InputError, match="already recorded with different content"):
        registry.record([], [act("a1", "designated", decided="2020-01-02")])
    assert snapshot(registry) == before


def test_a_bad_act_anywhere_leaves_the_journal_unchanged(registry: Registry) -> None:
    registry.record([group()], [act("a1", "designated", decided="2020-01-01")])
    before = snapshot(registry)
    batch = [
        act("a2", "suspended", decided="2025-01-01"),
        act("a3", "delisted", entity="no-such-entity", decided="2025-02-01"),
    ]
    with pytest.raises(InputError, match="entity 'no-such-entity' does not exist"):
        registry.record([group("newcomer")], batch)
    assert snapshot(registry) == before
    assert registry.entities.get("newcomer") is None  # entities roll back with the acts


def test_supersedes_must_name_a_recorded_act(registry: Registry) -> None:
    with pytest.raises(InputError, match="superseded act 'ghost' does not exist"):
        registry.record([group()], [act("fix", "designated", decided="2020-01-01", supersedes=["ghost"])])
    assert registry.journal.count() == 0


def test_recorded_at_is_set_by_the_journal(registry: Registry) -> None:
    stamp = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
    registry.record([group()], [act("a1", "designated", decided="2020-01-01")], recorded_at=stamp)
    (stored,) = registry.journal.all_acts()
    assert stored.act.recorded_at == stamp


def _tamper(registry: Registry, statement: str) -> None:
    with registry.db.engine.begin() as conn:
        conn.execute(sa.text(statement))


def _three_acts(registry: Registry) -> None:
    registry.record(
        [group()],
        [
            act("a1", "designated", decided="2020-01-01"),
            act("a2", "suspended", decided="2024-01-01"),
            act("a3", "reinstated", decided="2025-01-01"),
        ],
    )


def test_verify_names_an_act_whose_content_was_altered(registry: Registry) -> None:
    _three_acts(registry)
    _tamper(registry, "UPDATE acts SET body = replace(body, '2024-01-01', '2023-01-01') WHERE act_id = 'a2'")
    report = registry.journal.verify()
    assert not report.ok and report.broken is not None
    assert (report.broken.seq, report.broken.act_id) == (2, "a2")
    assert "altered" in report.broken.problem


def test_verify_names_an_altered_index_column(registry: Registry) -> None:
    _three_acts(registry)
    _tamper(registry, "UPDATE acts SET action = 'delisted' WHERE act_id = 'a3'")
    report = registry.journal.verify()
    assert report.broken is not None and report.broken.act_id == "a3"
    assert "column 'action'" in report.broken.problem


def test_verify_detects_a_deleted_act(registry: Registry) -> None:
    _three_acts(registry)
    _tamper(registry, "DELETE FROM acts WHERE act_id = 'a2'")
    report = registry.journal.verify()
    assert report.broken is not None and report.broken.act_id == "a3"


def test_verify_detects_a_rewritten_chain_that_skips_the_head(registry: Registry) -> None:
    _three_acts(registry)
    # Recompute a consistent hash for a forged last act: the chain looks fine, the head does not.
    with registry.db.engine.begin() as conn:
        row = conn.execute(sa.select(t.acts).where(t.acts.c.act_id == "a3")).one()
        forged = row.body.replace("2025-01-01", "2025-06-01")
        conn.execute(
            t.acts.update()
            .where(t.acts.c.act_id == "a3")
            .values(body=forged, hash=chain_hash(row.prev_hash, forged))
        )
    report = registry.journal.verify()
    assert report.broken is not None and report.broken.act_id == "(head)"


def test_acts_naming_no_entity_are_kept_as_general_context(registry: Registry) -> None:
    registry.record(
        [group()],
        [
            act("listed", "designated", decided="2003-02-14"),
            act("law", "law_signed", entities=[], list=None, decided="2024-12-28"),
        ],
    )
    ids = [e.act.id for e in registry.history("group")]
    assert ids == ["listed", "law"]
