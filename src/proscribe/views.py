"""Views: status, history and diff, as pure functions of acts.

Two time axes (bitemporal):

* **valid time** — when an act has legal effect (``valid_at``): its
  effective date, or, when that is not known to the day, its decision date;
  partial dates ("2003-03") give a window inside which the status is
  ``unknown`` rather than a guess.
* **knowledge time** — ``known_at`` keeps only acts this registry had
  recorded by then (audit: "what did we say on K?"); ``published_by`` keeps
  only acts published by then ("what could anyone have known on P?"), so a
  court ruling published late, or a retroactive annulment, is judged right on
  both axes.

Nothing here touches the database: callers pass the acts in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from proscribe.dates import EARLIEST, LATEST, PartialDate
from proscribe.model import STATUS_ACTIONS, Act, Action, Confidence, RecordedAct, Source

# More than this many combinations of disputed readings is reported, not enumerated.
MAX_READINGS = 64


class Status(StrEnum):
    LISTED = "listed"
    SUSPENDED = "suspended"
    DELISTED = "delisted"
    NEVER_LISTED = "never listed"
    UNKNOWN = "unknown"


# When several lists of one jurisdiction disagree, the most restrictive status wins.
_PRIORITY = [Status.LISTED, Status.SUSPENDED, Status.UNKNOWN, Status.DELISTED, Status.NEVER_LISTED]

_ACTION_ORDER = {
    Action.DESIGNATED: 0,
    Action.REINSTATED: 1,
    Action.AMENDED: 2,
    Action.SUSPENDED: 3,
    Action.ANNULLED: 4,
    Action.DELISTED: 5,
}


@dataclass(frozen=True)
class Window:
    """When an act took effect: certainly not before ``earliest``, certainly by ``latest``."""

    earliest: dt.date
    latest: dt.date
    basis: str
    text: str

    @property
    def exact(self) -> bool:
        return self.earliest == self.latest

    @property
    def open_start(self) -> bool:
        """Known to hold by ``latest`` with no lower bound: an entry first seen in a list snapshot."""
        return self.earliest == EARLIEST and self.latest != LATEST

    @property
    def sort_day(self) -> dt.date:
        """The day the act is placed at in time order: its first possible day, or, when that is
        unbounded, the day it is known to hold by (a year-1 bound would sort it before everything
        and stretch timelines over two millennia)."""
        return self.latest if self.open_start else self.earliest


def _day_or_none(value: PartialDate | None) -> PartialDate | None:
    return value if value is not None and value.is_known else None


def effect_window(act: Act) -> Window:
    """The valid-time window of an act.

    The effective date wins when known to the day. Otherwise the decision
    date is used when known to the day (courts and ministers date their acts
    by decision; the effective month, if any, is kept in the note). Otherwise
    the partial date gives a window, closed early by the publication date
    when that is known (an act cannot be decided after it is published).
    """
    effective, decided, published = (_day_or_none(d) for d in (act.effective, act.decided, act.published))
    if effective and effective.is_day:
        return Window(effective.earliest, effective.earliest, "effective", str(effective))
    if decided and decided.is_day:
        basis = "decided" if not effective else f"decided; effective {effective}"
        return Window(decided.earliest, decided.earliest, basis, str(decided))
    partial = effective or decided
    if partial:
        latest = partial.latest
        if published and published.latest < latest and partial is decided:
            latest = published.latest
        kind = "effective" if partial is effective else "decided"
        text = str(partial) if latest == partial.latest else f"{partial} (by {latest})"
        return Window(partial.earliest, latest, f"{kind}, {partial.precision} only", text)
    if act.observed_by:
        # Seen only as a difference between two list versions: after one, by the next.
        after = act.observed_after + dt.timedelta(days=1) if act.observed_after else EARLIEST
        text = (
            f"by {act.observed_by}"
            if not act.observed_after
            else f"between {act.observed_after} and {act.observed_by}"
        )
        return Window(after, act.observed_by, "observed in list versions", text)
    if published:
        return Window(published.earliest, published.latest, "published", str(published))
    return Window(EARLIEST, LATEST, "undated", "date unknown")


def publication_day(recorded: RecordedAct) -> dt.date:
    """The last day by which an act was public.

    Falls back to the decision, then effective date when the publication date
    was not found (an act cannot be public before it is decided), then to the
    day the registry recorded it.
    """
    act = recorded.act
    for value in (act.published, act.decided, act.effective):
        if value is not None and value.is_known:
            return value.latest
    if act.observed_by:
        return act.observed_by
    assert act.recorded_at is not None
    return act.recorded_at.date()


def visible_acts(
    acts: Iterable[RecordedAct],
    known_at: dt.datetime | None = None,
    published_by: dt.date | None = None,
) -> list[RecordedAct]:
    """The acts that count under the knowledge filters, with corrections and retractions applied.

    A superseding act only replaces the old one if it is itself visible: a
    correction recorded after ``known_at`` does not rewrite what the registry
    said before it.
    """
    kept = []
    for recorded in acts:
        recorded_at = recorded.act.recorded_at
        if known_at is not None and recorded_at is not None and recorded_at > known_at:
            continue
        if published_by is not None and publication_day(recorded) > published_by:
            continue
        kept.append(recorded)
    superseded = {ref for r in kept for ref in r.act.supersedes}
    return [r for r in kept if r.act.id not in superseded and r.act.action is not Action.RETRACTED]


def _order_key(recorded: RecordedAct) -> tuple[dt.date, dt.date, int, str]:
    window = effect_window(recorded.act)
    # Procedural steps sort before status changes of the same day (the hearing, then the ruling).
    return (window.sort_day, window.latest, _ACTION_ORDER.get(recorded.act.action, -1), recorded.act.id)


@dataclass
class ActRef:
    """An act as cited in a result: enough to read it and to check its sources."""

    id: str
    action: str
    jurisdiction: str
    list_id: str | None = field(metadata={"json": "list"})
    date: str
    date_basis: str
    decided: str | None
    effective: str | None
    published: str | None
    authority: str
    instrument: str | None
    legal_basis: str | None
    confidence: str
    sources: list[Source]
    recorded_at: str | None
    notes: str | None = None

    @classmethod
    def of(cls, recorded: RecordedAct) -> ActRef:
        act = recorded.act
        window = effect_window(act)
        return cls(
            id=act.id,
            action=act.action.value + (f" ({act.reason.value})" if act.reason else ""),
            jurisdiction=act.jurisdiction,
            list_id=act.list_id,
            date=window.text,
            date_basis=window.basis,
            decided=str(act.decided) if act.decided else None,
            effective=str(act.effective) if act.effective else None,
            published=str(act.published) if act.published else None,
            authority=act.authority,
            instrument=act.instrument,
            legal_basis=act.legal_basis,
            confidence=act.confidence.value,
            sources=list(act.sources),
            recorded_at=act.recorded_at.isoformat() if act.recorded_at else None,
            notes=act.notes,
        )


@dataclass(frozen=True, order=True)
class Inconsistency:
    """An act that does not make sense after the acts before it (e.g. a delisting with no designation).

    ``entity`` and ``jurisdiction`` say which listing it was found on (empty inside one listing's replay).
    """

    act_id: str
    action: str
    problem: str
    entity: str = ""
    jurisdiction: str = ""

    def __str__(self) -> str:
        return f"{self.action} act {self.act_id}: {self.problem}"

    def on(self, entity: str, jurisdiction: str) -> Inconsistency:
        return dataclasses.replace(self, entity=entity, jurisdiction=jurisdiction)

    def to_json(self) -> dict[str, str]:
        return {
            "entity": self.entity,
            "jurisdiction": self.jurisdiction,
            "act": self.act_id,
            "message": str(self),
        }


@dataclass
class ListingState:
    """The outcome of replaying one listing's acts up to a date."""

    status: Status = Status.NEVER_LISTED
    since: Window | None = None
    deciding: RecordedAct | None = None
    inconsistencies: list[Inconsistency] = field(default_factory=list)


def _apply(state: ListingState, recorded: RecordedAct) -> None:
    act = recorded.act
    window = effect_window(act)
    before = state.status

    def flag(problem: str) -> None:
        state.inconsistencies.append(Inconsistency(act.id, act.action.value, problem))

    def move(status: Status) -> None:
        state.status, state.since, state.deciding = status, window, recorded

    match act.action:
        case Action.DESIGNATED:
            if before is not Status.LISTED:
                move(Status.LISTED)
        case Action.AMENDED:
            if before is Status.NEVER_LISTED:
                move(Status.LISTED)
                state.since = Window(
                    window.earliest, window.latest, "inferred from an amendment", window.text
                )
                flag("amends a listing whose designation is not recorded; listing inferred")
        case Action.SUSPENDED:
            if before is not Status.LISTED:
                flag(f"suspends a listing that was {before.value}")
            move(Status.SUSPENDED)
        case Action.REINSTATED:
            if before is Status.NEVER_LISTED:
                flag("reinstates a listing that was never recorded")
            if before is not Status.LISTED:
                move(Status.LISTED)
        case Action.DELISTED:
            if before is Status.NEVER_LISTED:
                flag("delisting with no designation known before it")
            elif before is Status.DELISTED:
                flag("delists a listing already delisted")
                return
            move(Status.DELISTED)
        case Action.ANNULLED:
            if not act.effects_maintained and before is not Status.DELISTED:
                move(Status.DELISTED)
        case _:
            pass


def _replay(acts: Sequence[RecordedAct]) -> ListingState:
    state = ListingState()
    for recorded in acts:
        _apply(state, recorded)
    return state


def _conflict_options(acts: Sequence[RecordedAct]) -> tuple[list[RecordedAct], list[list[list[RecordedAct]]]]:
    """Split acts into undisputed ones and groups of competing readings.

    Acts joined by ``conflicts_with`` are alternatives (exactly one of them
    happened). A disputed act with no recorded alternative may or may not
    have happened.
    """
    by_id = {r.act.id: r for r in acts}
    parent = {i: i for i in by_id}

    def find(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for recorded in acts:
        for other in recorded.act.conflicts_with:
            if other in by_id:
                parent[find(other)] = find(recorded.act.id)
    # One decision recorded twice (a court report and the official list both record the ruling of
    # 17 April 2025) is one step: with the same effect it is counted once; with different effective
    # dates ("takes effect immediately" vs "in force 20.05.2025") the two are competing readings.
    same_decision: dict[tuple[str, str], list[RecordedAct]] = {}
    for recorded in acts:
        decided = recorded.act.decided
        if (
            decided is not None
            and len(str(decided)) == 10
            and recorded.act.confidence is not Confidence.DISPUTED
        ):
            same_decision.setdefault((recorded.act.action.value, str(decided)), []).append(recorded)
    repeated: set[str] = set()
    for members in same_decision.values():
        if len(members) < 2:
            continue

        def stated(recorded: RecordedAct) -> str:  # the effective date as precise as stated, "" if none
            effective = recorded.act.effective
            return str(effective) if effective is not None and str(effective)[:1].isdigit() else ""

        precise = max(members, key=lambda m: len(stated(m)))
        if all(stated(precise).startswith(stated(m)) for m in members):
            # "March 2003" and "4 March 2003" agree: the more precise record speaks for both
            repeated.update(m.act.id for m in members if m is not precise)
        else:
            for alternative in members:
                if alternative is not precise:
                    parent[find(alternative.act.id)] = find(precise.act.id)
    acts = [r for r in acts if r.act.id not in repeated]
    groups: dict[str, list[RecordedAct]] = {}
    for recorded in acts:
        groups.setdefault(find(recorded.act.id), []).append(recorded)
    base: list[RecordedAct] = []
    options: list[list[list[RecordedAct]]] = []
    for members in groups.values():
        if len(members) > 1:
            options.append([[m] for m in members])
        elif members[0].act.confidence is Confidence.DISPUTED:
            options.append([[members[0]], []])
        else:
            base.append(members[0])
    return base, options


@dataclass
class Reading:
    """One consistent reading of disputed sources and the status it gives."""

    status: Status
    since: str | None
    acts: list[str]


@dataclass
class ListStatus:
    list_id: str = field(metadata={"json": "list"})
    status: Status
    since: str | None
    since_date: dt.date | None
    since_basis: str | None
    deciding: ActRef | None
    readings: list[Reading]
    inconsistencies: list[Inconsistency]
    timing_uncertain: bool = False
    via: Via | None = None
    # what settled a dispute outside the acts (a later list version that still carries the entry)
    evidence: list[str] = field(default_factory=list)
    # True when the listing is known to hold by ``since`` but not since when (a list snapshot).
    start_unknown: bool = False
    freshness: ListFreshness | None = None


@dataclass
class ListFreshness:
    """Which imported list a status rests on, and how old that list's data is for the date asked.

    ``stale`` is set when the date asked is more than :data:`STALE_AFTER_DAYS` past the data date
    of the newest imported version of the source: the answer is then only "as of the list of
    ``data_date``". ``first_seen`` is the data date of the version an entry was first seen in, when
    its listing date is unknown. Curated acts rest on no imported list and get no freshness.
    """

    source: str
    data_date: dt.date
    stale: bool
    first_seen: dt.date | None = None


STALE_AFTER_DAYS = 30


def list_status(acts: Sequence[RecordedAct], list_id: str, valid_at: dt.date) -> ListStatus:
    """Status of one listing at ``valid_at`` from its (already filtered) acts."""
    relevant = sorted((r for r in acts if r.act.action in STATUS_ACTIONS), key=_order_key)
    base, options = _conflict_options(relevant)
    combos = list(itertools.islice(itertools.product(*options), MAX_READINGS)) if options else [()]
    outcomes: list[tuple[ListingState, list[RecordedAct], bool]] = []
    for combo in combos:
        chosen = sorted(base + [r for part in combo for r in part], key=_order_key)
        certain = [r for r in chosen if effect_window(r.act).latest <= valid_at]
        possible = [r for r in chosen if effect_window(r.act).earliest <= valid_at]
        state_possible = _replay(possible)
        uncertain = _replay(certain).status is not state_possible.status
        outcomes.append((state_possible, [r for part in combo for r in part], uncertain))

    def reading_status(state: ListingState, uncertain: bool) -> Status:
        return Status.UNKNOWN if uncertain else state.status

    statuses = {reading_status(s, u) for s, _, u in outcomes}
    first_state, _, first_uncertain = outcomes[0]
    status = statuses.pop() if len(statuses) == 1 else Status.UNKNOWN
    readings = []
    if len(outcomes) > 1:
        readings = [
            Reading(reading_status(s, u), s.since.text if s.since else None, [r.act.id for r in chosen])
            for s, chosen, u in outcomes
        ]
        # readings that give the same answer are one reading (the acts of each listed together),
        # and when all agree on this day there is no dispute worth showing
        merged: dict[tuple[Status, str | None], Reading] = {}
        for reading in readings:
            same = merged.get((reading.status, reading.since))
            if same is None:
                merged[(reading.status, reading.since)] = reading
            else:
                same.acts.extend(a for a in reading.acts if a not in same.acts)
        readings = list(merged.values()) if len(merged) > 1 else []
    since_texts = {s.since.text if s.since else None for s, _, _ in outcomes}
    since = first_state.since if len(since_texts) == 1 else None
    inconsistencies = sorted({i for s, _, _ in outcomes for i in s.inconsistencies})
    # The deciding act is named only when every reading agrees on it.
    deciding = first_state.deciding if len({id(s.deciding) for s, _, _ in outcomes}) == 1 else None

    return ListStatus(
        list_id=list_id,
        status=status,
        since=since.text if since else None,
        since_date=since.earliest if since and not since.open_start else None,
        since_basis=since.basis if since else None,
        deciding=ActRef.of(deciding) if deciding and status is not Status.NEVER_LISTED else None,
        readings=readings,
        inconsistencies=inconsistencies,
        timing_uncertain=first_uncertain and len(outcomes) == 1,
        start_unknown=bool(since and since.open_start),
    )


@dataclass(frozen=True)
class Via:
    """The related entity whose listing answers for this one, and how they are related."""

    entity: str
    relation: str


@dataclass
class StatusResult:
    """The answer to "what was the status of E in J on D, as known at K / published by P"."""

    entity: str
    jurisdiction: str
    valid_at: dt.date
    known_at: dt.datetime | None
    published_by: dt.date | None
    status: Status
    since: str | None
    since_basis: str | None
    deciding_acts: list[ActRef]
    lists: list[ListStatus]
    via: Via | None = None
    readings: list[Reading] = field(default_factory=list)
    inconsistencies: list[Inconsistency] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    start_unknown: bool = False
    freshness: ListFreshness | None = None


def _combine(entity_id: str, jurisdiction: str, as_of: AsOf, lists: list[ListStatus]) -> StatusResult:
    valid_at, known_at, published_by = as_of.valid_at, as_of.known_at, as_of.published_by
    if not lists:
        return StatusResult(
            entity_id, jurisdiction, valid_at, known_at, published_by, Status.NEVER_LISTED, None, None, [], []
        )
    ranked = sorted(lists, key=lambda ls: (_PRIORITY.index(ls.status), ls.list_id))
    top = ranked[0]
    return StatusResult(
        entity=entity_id,
        jurisdiction=jurisdiction,
        valid_at=valid_at,
        known_at=known_at,
        published_by=published_by,
        status=top.status,
        since=top.since,
        since_basis=top.since_basis,
        deciding_acts=[top.deciding] if top.deciding else [],
        lists=ranked,
        readings=top.readings,
        inconsistencies=[i.on(entity_id, jurisdiction) for ls in ranked for i in ls.inconsistencies],
        evidence=[note for ls in ranked for note in ls.evidence],
        via=top.via,
        start_unknown=top.start_unknown,
        freshness=top.freshness,
    )


@dataclass(frozen=True)
class AsOf:
    """The three time axes of a question, travelling together.

    ``valid_at``: the day the status is asked for (valid time). ``known_at``: count only acts this
    registry had recorded by then (transaction time, for audits). ``published_by``: count only acts
    published by that day (what anyone could have known).
    """

    valid_at: dt.date
    known_at: dt.datetime | None = None
    published_by: dt.date | None = None

    def on(self, day: dt.date) -> AsOf:
        """The same knowledge, asked for another day."""
        return AsOf(day, self.known_at, self.published_by)

    def visible(self, acts: Iterable[RecordedAct]) -> list[RecordedAct]:
        return visible_acts(acts, self.known_at, self.published_by)


def combine_lists(result: StatusResult, lists: list[ListStatus]) -> StatusResult:
    """``result`` answered again from changed per-list statuses (same question, same inconsistencies)."""
    combined = _combine(
        result.entity, result.jurisdiction, AsOf(result.valid_at, result.known_at, result.published_by), lists
    )
    combined.inconsistencies = result.inconsistencies
    return combined


def own_status(
    acts: Iterable[RecordedAct], entity_id: str, jurisdiction: str, as_of: AsOf | dt.date
) -> StatusResult:
    """Status of an entity's own listings in one jurisdiction (no lineage); a bare date asks with all knowledge."""
    when = as_of if isinstance(as_of, AsOf) else AsOf(as_of)
    visible = when.visible(acts)
    by_list: dict[str, list[RecordedAct]] = {}
    for recorded in visible:
        act = recorded.act
        if act.jurisdiction == jurisdiction and entity_id in act.entities and act.list_id:
            by_list.setdefault(act.list_id, []).append(recorded)
    lists = [list_status(group, list_id, when.valid_at) for list_id, group in sorted(by_list.items())]
    return _combine(entity_id, jurisdiction, when, lists)


def status_as_of(
    acts: Iterable[RecordedAct],
    entity_id: str,
    jurisdiction: str,
    valid_at: dt.date,
    known_at: dt.datetime | None = None,
    published_by: dt.date | None = None,
    lineage: Sequence[tuple[str, str]] = (),
) -> StatusResult:
    """Status of ``entity_id`` in ``jurisdiction`` on ``valid_at``.

    ``acts`` must include the acts of the entity and of every entity in
    ``lineage`` ((id, relation) pairs, nearest first). Each list of the
    jurisdiction answers from the entity's own listing on it when it has one
    in force (or ended), otherwise from the nearest related entity's, and
    ``via`` says so: in the US, HTS was an alias on the Al-Nusrah Front
    designation, never designated under its own name; in the UK it was
    deproscribed under its own name while the Al-Nusrah Front entry stayed on
    the financial sanctions list.
    """
    materialised = list(acts)
    when = AsOf(valid_at, known_at, published_by)
    own = own_status(materialised, entity_id, jurisdiction, when)
    if not lineage:
        return own
    own_inconsistencies = (
        _explained_by_lineage(own, materialised, jurisdiction, when, lineage) if own.inconsistencies else []
    )
    lists = [ls for ls in own.lists if ls.status is not Status.NEVER_LISTED]
    covered = {ls.list_id for ls in lists}
    for other, relation in lineage:
        related = own_status(materialised, other, jurisdiction, when)
        for listed in related.lists:
            if listed.list_id not in covered and listed.status is not Status.NEVER_LISTED:
                listed.via = Via(other, relation)
                lists.append(listed)
                covered.add(listed.list_id)
    lists += [ls for ls in own.lists if ls.list_id not in covered]
    result = _combine(entity_id, jurisdiction, when, lists)
    own_lists = {ls.list_id for ls in own.lists}
    result.inconsistencies = own_inconsistencies + [
        found.on(entity_id, jurisdiction)
        for ls in result.lists
        if ls.via is not None and ls.list_id not in own_lists
        for found in ls.inconsistencies
    ]
    return result


def _explained_by_lineage(
    own: StatusResult,
    acts: list[RecordedAct],
    jurisdiction: str,
    as_of: AsOf,
    lineage: Sequence[tuple[str, str]],
) -> list[Inconsistency]:
    """Drop "delisting with no designation" when a related entity was listed just before.

    (The UK removed HTS as a name of Al-Qa'ida: the HTS entity has no
    designation of its own, and needs none.)
    """
    by_id = {r.act.id: r for r in acts}
    kept = []
    for found in own.inconsistencies:
        recorded = by_id.get(found.act_id)
        explained = False
        if recorded is not None and found.problem.startswith("delisting with no designation"):
            day_before = effect_window(recorded.act).earliest - dt.timedelta(days=1)
            for other, _ in lineage:
                related = own_status(acts, other, jurisdiction, as_of.on(day_before))
                if related.status is Status.LISTED:
                    explained = True
                    break
        if not explained:
            kept.append(found)
    return kept


def jurisdictions_of(acts: Iterable[RecordedAct]) -> list[str]:
    return sorted({r.act.jurisdiction for r in acts if r.act.list_id})


@dataclass
class HistoryEntry:
    date: str
    sort_key: tuple[dt.date, dt.date, int, str]
    jurisdiction: str
    entity: str | None
    act: ActRef
    status_after: Status | None
    superseded: bool
    start_unknown: bool = False


def history(acts: Iterable[RecordedAct], entity_ids: Sequence[str]) -> list[HistoryEntry]:
    """Every act about the entities (and general acts passed in), in valid-time order.

    Superseded and retracted acts are kept and marked, since a history must
    show what was once said.
    """
    materialised = list(acts)
    superseded = {ref for r in materialised for ref in r.act.supersedes}
    visible = visible_acts(materialised)
    visible_seqs = {r.seq for r in visible}
    entries = []
    for recorded in sorted(materialised, key=_order_key):
        act = recorded.act
        subject = next((e for e in entity_ids if e in act.entities), None)
        window = effect_window(act)
        status_after = None
        if act.list_id and subject and recorded.seq in visible_seqs:
            day = window.latest if window.latest != LATEST else window.earliest
            status_after = own_status(visible, subject, act.jurisdiction, day).status
        entries.append(
            HistoryEntry(
                date=window.text,
                sort_key=_order_key(recorded),
                jurisdiction=act.jurisdiction,
                entity=subject,
                act=ActRef.of(recorded),
                status_after=status_after,
                superseded=act.id in superseded or act.action is Action.RETRACTED,
                start_unknown=window.open_start,
            )
        )
    return entries


@dataclass
class StatusChange:
    entity: str
    jurisdiction: str
    before: Status
    after: Status


@dataclass
class Diff:
    known_at_1: dt.datetime
    known_at_2: dt.datetime
    added: list[ActRef]
    superseded: list[str]
    changes: list[StatusChange]


def diff(
    acts: Iterable[RecordedAct],
    known_at_1: dt.datetime,
    known_at_2: dt.datetime,
    valid_at: dt.date,
) -> Diff:
    """What the registry said differently at ``known_at_2`` compared with ``known_at_1``.

    Lists the acts recorded in between, the acts they superseded, and each
    (entity, jurisdiction) whose status on ``valid_at`` changed as a result.
    """
    materialised = list(acts)
    added = [
        r
        for r in materialised
        if r.act.recorded_at is not None and known_at_1 < r.act.recorded_at <= known_at_2
    ]
    touched = sorted({(e, r.act.jurisdiction) for r in added if r.act.list_id for e in r.act.entities})
    changes = []
    for entity_id, jurisdiction in touched:
        before = own_status(materialised, entity_id, jurisdiction, AsOf(valid_at, known_at_1)).status
        after = own_status(materialised, entity_id, jurisdiction, AsOf(valid_at, known_at_2)).status
        if before is not after:
            changes.append(StatusChange(entity_id, jurisdiction, before, after))
    return Diff(
        known_at_1=known_at_1,
        known_at_2=known_at_2,
        added=[ActRef.of(r) for r in sorted(added, key=lambda r: r.seq)],
        superseded=sorted({ref for r in added for ref in r.act.supersedes}),
        changes=changes,
    )


def inconsistencies(acts: Iterable[RecordedAct], valid_at: dt.date) -> list[Inconsistency]:
    """Every act that does not make sense in order on its listing, with the listing named."""
    by_listing: dict[tuple[str, str], list[RecordedAct]] = {}
    visible = visible_acts(acts)
    for recorded in visible:
        if recorded.act.list_id:
            for entity in recorded.act.entities:
                by_listing.setdefault((entity, recorded.act.jurisdiction), []).append(recorded)
    found: list[Inconsistency] = []
    for (entity, jurisdiction), group in sorted(by_listing.items()):
        result = own_status(group, entity, jurisdiction, valid_at)
        found.extend(result.inconsistencies)
    return found
