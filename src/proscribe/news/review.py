"""The review queue: candidate events from news wait here until a person accepts, edits or rejects them.

Nothing from news enters the journal unreviewed. Accepting an event turns it into an
:class:`~proscribe.model.Act` whose source is the article (its URL when known, and always the
sha256 of the cleaned text) with the evidence quote in the source note, appended in the same
transaction that marks the event accepted.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from pydantic import ValidationError

from proscribe.canonical import canonical_json
from proscribe.dates import PartialDate
from proscribe.errors import InputError, NotFound
from proscribe.jurisdictions import jurisdiction_name, normalise_jurisdiction
from proscribe.model import Act, Action, Confidence, Source
from proscribe.news.clean import Article
from proscribe.news.extract import NewsEvent
from proscribe.records import validation_problem
from proscribe.registry import Registry
from proscribe.store import tables as t

NEWS_ACTIONS = frozenset(a.value for a in Action) - {"retracted"} | {
    "proposed_designation",
    "proposed_delisting",
}
# A government asking its legislature or court to list or delist is, in the journal, a petition.
_ACT_ACTION = {"proposed_designation": Action.PETITION_FILED, "proposed_delisting": Action.PETITION_FILED}
EDITABLE = (
    "jurisdiction",
    "organisation",
    "entity_id",
    "action",
    "effective_date",
    "announced_date",
    "list",
    "authority",
)


@dataclass(frozen=True)
class QueuedEvent:
    id: str
    article_id: str
    status: str
    event: dict[str, Any]
    reviewer: str | None = None
    reason: str | None = None
    act_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "status": self.status,
            **self.event,
            "reviewer": self.reviewer,
            "reason": self.reason,
            "act_id": self.act_id,
        }


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


class ReviewQueue:
    """News articles and their candidate events, stored beside the journal in the same database."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.db = registry.db

    def add(self, article: Article, events: list[NewsEvent]) -> list[str]:
        """Store the article and its events as ``pending``; adding the same article again adds nothing."""
        article_id = article.document_hash
        ids: list[str] = []
        with self.db.writing() as conn, conn.begin():
            exists = conn.execute(
                sa.select(t.news_articles.c.id).where(t.news_articles.c.id == article_id)
            ).first()
            if exists:
                rows = conn.execute(
                    sa.select(t.news_events.c.id).where(t.news_events.c.article_id == article_id)
                )
                return sorted(row.id for row in rows)
            conn.execute(
                t.news_articles.insert(),
                {
                    "id": article_id,
                    "url": article.url,
                    "title": article.title,
                    "published": article.published.isoformat(),
                    "language": article.language,
                    "recorded_at": _now(),
                    "text": article.text,
                },
            )
            for number, event in enumerate(events, start=1):
                event_id = f"{article_id[:12]}-{number}"
                body = event.to_json()
                conn.execute(
                    t.news_events.insert(),
                    {
                        "id": event_id,
                        "article_id": article_id,
                        "status": "pending",
                        "body": canonical_json(body),
                    },
                )
                ids.append(event_id)
        return ids

    def list(self, status: str | None = "pending") -> list[QueuedEvent]:
        query = sa.select(t.news_events).order_by(t.news_events.c.id)
        if status:
            query = query.where(t.news_events.c.status == status)
        with self.db.reading() as conn:
            return [_queued(row) for row in conn.execute(query)]

    def get(self, event_id: str) -> QueuedEvent:
        with self.db.reading() as conn:
            row = conn.execute(sa.select(t.news_events).where(t.news_events.c.id == event_id)).first()
        if row is None:
            raise NotFound(f"no news event '{event_id}' in the review queue")
        return _queued(row)

    def _pending(self, event_id: str) -> QueuedEvent:
        queued = self.get(event_id)
        if queued.status != "pending":
            raise InputError(f"event is already {queued.status}", location=event_id)
        return queued

    def edit(self, event_id: str, changes: dict[str, str]) -> QueuedEvent:
        """Correct fields of a pending event; every value is checked before anything is saved."""
        queued = self._pending(event_id)
        body = dict(queued.event)
        for key, value in changes.items():
            where = f"{event_id}.{key}"
            if key not in EDITABLE:
                raise InputError(
                    f"'{key}' cannot be edited (editable: {', '.join(EDITABLE)})", location=where
                )
            if key == "jurisdiction":
                try:
                    value = normalise_jurisdiction(value)
                except ValueError as exc:
                    raise InputError(str(exc), location=where) from None
            elif key == "action" and value not in NEWS_ACTIONS:
                raise InputError(f"unknown action '{value}'", location=where)
            elif key in ("effective_date", "announced_date"):
                try:
                    parsed = PartialDate.parse(value)
                except ValueError as exc:
                    raise InputError(str(exc), location=where) from None
                body["date_precision"] = (
                    parsed.precision if key == "effective_date" else body.get("date_precision")
                )
            elif key == "entity_id" and self.registry.entities.get(value) is None:
                raise InputError(f"no entity with id '{value}' in the registry", location=where)
            body[key] = value
        with self.db.writing() as conn, conn.begin():
            conn.execute(
                t.news_events.update().where(t.news_events.c.id == event_id).values(body=canonical_json(body))
            )
        return self.get(event_id)

    def reject(self, event_id: str, reviewer: str, reason: str) -> QueuedEvent:
        if not reason.strip():
            raise InputError("a rejection needs a reason", location=f"{event_id}.reason")
        self._pending(event_id)
        with self.db.writing() as conn, conn.begin():
            conn.execute(
                t.news_events.update()
                .where(t.news_events.c.id == event_id)
                .values(status="rejected", reviewer=reviewer, reason=reason.strip(), reviewed_at=_now())
            )
        return self.get(event_id)

    def accept(self, event_id: str, reviewer: str, retrieved: dt.date | None = None) -> Act:
        """Turn a pending event into an act citing the article and its quote; append it and mark the event."""
        queued = self._pending(event_id)
        with self.db.reading() as conn:
            article = conn.execute(
                sa.select(t.news_articles).where(t.news_articles.c.id == queued.article_id)
            ).first()
        if article is None:
            raise NotFound(f"article {queued.article_id} of event {event_id} is missing")
        act = self._act(queued, article, reviewer, retrieved or dt.date.today())
        with self.db.writing() as conn, conn.begin():
            self.registry.journal.append([act], connection=conn)
            conn.execute(
                t.news_events.update()
                .where(t.news_events.c.id == event_id)
                .values(status="accepted", reviewer=reviewer, act_id=act.id, reviewed_at=_now())
            )
        return act

    def _act(self, queued: QueuedEvent, article: sa.Row[Any], reviewer: str, retrieved: dt.date) -> Act:
        event = queued.event
        where = queued.id
        jurisdiction = event.get("jurisdiction")
        if not jurisdiction:
            raise InputError(
                "the event has no jurisdiction; set one with edit", location=f"{where}.jurisdiction"
            )
        action = str(event["action"])
        act_action = _ACT_ACTION.get(action, action)
        entity_id = event.get("entity_id")
        list_id = event.get("list")
        if act_action in ("designated", "delisted", "suspended", "reinstated", "amended", "annulled"):
            if not entity_id:
                raise InputError(
                    "link the organisation to a registry entity first (edit --set entity_id=...)",
                    location=f"{where}.entity_id",
                )
            list_id = list_id or self._list_for(str(entity_id), str(jurisdiction))
            if not list_id:
                raise InputError(
                    f"no list of {jurisdiction} is recorded for this entity; set one (edit --set list=...)",
                    location=f"{where}.list",
                )
        quote = str(event["evidence_quote"])
        source = Source(
            url=article.url,
            document_hash=article.id,
            title=article.title,
            retrieved=retrieved,
            note=f'evidence: "{quote}" (article published {article.published}; accepted by {reviewer})',
        )
        effective = event.get("effective_date")
        announced = event.get("announced_date")
        slug = re.sub(
            r"[^a-z0-9]+", "-", str(entity_id or event.get("organisation") or "general").lower()
        ).strip("-")
        day = effective or announced or article.published
        payload: dict[str, Any] = {
            "id": f"news-{str(jurisdiction).lower()}-{day}-{slug}-{action}-{queued.id}".replace("_", "-"),
            "jurisdiction": jurisdiction,
            "action": act_action,
            "entities": [entity_id] if entity_id else [],
            "list": list_id if entity_id else None,
            "effective": effective,
            "published": announced,
            "decided": None if (effective or announced) else "unknown",
            "authority": event.get("authority")
            or f"{jurisdiction_name(str(jurisdiction))} (as reported in the news)",
            "sources": [source.model_dump(mode="json", exclude_none=True)],
            "confidence": Confidence.PROBABLE.value,
            "notes": f"From news review of event {queued.id} ({action})"
            + (f"; organisation named '{event.get('organisation')}'" if event.get("organisation") else ""),
        }
        if act_action == "delisted":
            payload["reason"] = "unspecified"
        try:
            return Act.model_validate({k: v for k, v in payload.items() if v is not None})
        except ValidationError as exc:
            loc, message = validation_problem(exc)
            raise InputError(message, location=f"{where}.{'.'.join(str(p) for p in loc)}") from None

    def _list_for(self, entity_id: str, jurisdiction: str) -> str | None:
        """The list an entity's earlier acts in this jurisdiction used, else the jurisdiction's usual list."""
        acts = [
            r.act
            for r in self.registry.journal.acts_for_entities([entity_id])
            if r.act.jurisdiction == jurisdiction
        ]
        lists = [a.list_id for a in acts if a.list_id]
        if lists:
            return lists[-1]
        everything = [
            r.act.list_id
            for r in self.registry.journal.all_acts()
            if r.act.jurisdiction == jurisdiction and r.act.list_id
        ]
        return max(set(everything), key=everything.count) if everything else None


def _queued(row: sa.Row[Any]) -> QueuedEvent:
    return QueuedEvent(
        id=row.id,
        article_id=row.article_id,
        status=row.status,
        event=json.loads(row.body),
        reviewer=row.reviewer,
        reason=row.reason,
        act_id=row.act_id,
    )
