"""Turning a list version's changes into acts, each citing the versions it was read from."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from proscribe.dates import PartialDate
from proscribe.lists.diff import EntryChange, VersionDiff
from proscribe.model import Act, Action, DelistReason, Source
from proscribe.sources.base import EntryDecision, ListEntry

AUTHORITIES = {
    "un": "UN Security Council sanctions committees",
    "ofac": "US Department of the Treasury, Office of Foreign Assets Control",
    "eu": "Council of the European Union",
    "uk": "UK Foreign, Commonwealth and Development Office / HM Treasury (OFSI)",
    "au": "Australian Department of Foreign Affairs and Trade",
    "ca": "Global Affairs Canada",
    "ca-sor": "Governor in Council (Canada), on the recommendation of the Minister of Public Safety",
    "ftm": "Publisher of the imported dataset",
    "ru-fsb": "Federal Security Service of the Russian Federation (FSB), keeper of the list; courts decide",
    "ru-minjust": "Ministry of Justice of the Russian Federation, keeper of the list; courts decide",
}
LEGAL_BASES = {
    "ca-sor": "Criminal Code s.83.05; Regulations Establishing a List of Entities (SOR/2002-284)",
}


@dataclass(frozen=True)
class VersionRef:
    """A list version as acts cite it."""

    id: str
    source: str
    jurisdiction: str
    data_date: dt.date
    imported_on: dt.date
    # The page the version was taken from, where the source names one (the Russian lists).
    url: str | None = None

    def cite(self, note: str) -> Source:
        return Source(
            url=self.url,
            document_hash=f"sha256:{self.id}",
            title=f"{self.source} list version of {self.data_date} (sha256 {self.id[:12]})",
            retrieved=self.imported_on,
            note=note,
        )


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9._-]+", "-", value.lower()).strip("-.") or "x"


def _listing_date(entry: ListEntry) -> PartialDate | None:
    if not entry.listed_on:
        return None
    try:
        parsed = PartialDate.parse(entry.listed_on)
    except ValueError:
        return None  # a free-text date the list gives is kept in the entry, not guessed into the act
    return parsed if parsed.is_known else None


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _in_window(value: str | None, version: VersionRef, previous: VersionRef | None) -> dt.date | None:
    """An entry's in-force day when it lies after the previous version's data date and by this one's.

    Only then is it the day of the change seen between the two versions; an older day is that of
    the entry's wording, which may postdate its listing.
    """
    day = _day(value)
    if day is None or previous is None:
        return None
    return day if previous.data_date < day <= version.data_date else None


@dataclass(frozen=True)
class Removal:
    """The instrument(s) a list names between two versions that no added or reworded entry carries."""

    instruments: tuple[str, ...]
    days: tuple[dt.date, ...]

    @property
    def effective(self) -> dt.date | None:
        return self.days[0] if len(set(self.days)) == 1 else None

    @property
    def instrument(self) -> str:
        return " or ".join(self.instruments)


def removal_instruments(
    diff: VersionDiff,
    amendments: Sequence[tuple[str, str]],
    version: VersionRef,
    previous: VersionRef | None,
) -> Removal | None:
    """The amending instruments in force between the versions that no entry of this one accounts for."""
    accounted = {
        change.after.instrument
        for change in diff.changes
        if change.after is not None
        and change.after.instrument
        and " or " not in change.after.instrument
        and _in_window(change.after.in_force, version, previous)
    }
    found = [
        (instrument, day)
        for instrument, value in amendments
        if (day := _in_window(value, version, previous)) and instrument not in accounted
    ]
    if not found:
        return None
    return Removal(tuple(i for i, _ in found), tuple(d for _, d in found))


def acts_for_diff(
    diff: VersionDiff,
    version: VersionRef,
    previous: VersionRef | None,
    entity_of: dict[str, str],
    amendments: Sequence[tuple[str, str]] = (),
) -> list[Act]:
    """Designations, delistings and amendments implied by ``diff``.

    Dates: the day the list says an entry came into force, when it lies
    between the two versions (with the instrument it names); else the list's
    own listing date where it gives one (designations); otherwise the
    observation window between the previous version's data date and this
    one's, stated as such in the act. ``amendments`` — (instrument, in-force
    day) pairs the version lists — date a removal when exactly the
    instruments no added or reworded entry carries fall between the versions.
    """
    removal = removal_instruments(diff, amendments, version, previous) if amendments else None
    acts: list[Act] = []
    for change in diff.changes:
        acts.extend(_acts_for_change(change, version, previous, entity_of[change.key], removal))
    return acts


def _acts_for_change(
    change: EntryChange,
    version: VersionRef,
    previous: VersionRef | None,
    entity: str,
    removal: Removal | None = None,
) -> list[Act]:
    def cite(now: str, then: str) -> list[Source]:
        return [version.cite(f"entry {change.key} {now}")] + (
            [previous.cite(f"entry {change.key} {then}")] if previous else []
        )

    window = {"observed_after": previous.data_date if previous else None, "observed_by": version.data_date}
    window_note = (
        f"Seen as a change between the {version.source} list of {previous.data_date} and that of {version.data_date}"
        if previous
        else f"Present in the {version.source} list of {version.data_date} (first version imported)"
    )
    acts: list[Act] = []

    def add(action: Action, list_id: str, entry: ListEntry, sources: list[Source], **fields: object) -> None:
        acts.append(
            Act.model_validate(
                {
                    "id": f"{version.source}-{version.id[:10]}-{_slug(change.key)}-{action.value}-{_slug(list_id)}",
                    "jurisdiction": version.jurisdiction,
                    "action": action,
                    "entities": [entity],
                    "list": list_id,
                    "authority": AUTHORITIES.get(version.source, version.source),
                    "legal_basis": LEGAL_BASES.get(version.source),
                    "names": [n.value for n in entry.names][:50],
                    "sources": sources,
                    "confidence": "confirmed",
                    **fields,
                }
            )
        )

    after, before = change.after, change.before
    if after is not None and after.decisions:
        # The list prints the rulings themselves: the acts are those rulings, with the court,
        # case number and dates the list gives, instead of acts dated by the versions. A ruling
        # already printed in the previous version is not new (a later version adds only changes).
        printed_before = set(before.decisions) if before is not None else set()
        for list_id in after.lists:
            newly_on_list = before is None or list_id in change.lists_added
            for number, decision in enumerate(after.decisions, start=1):
                if newly_on_list or decision not in printed_before:
                    acts.append(_decision_act(change.key, number, decision, after, list_id, version, entity))
    if after is not None and not after.decisions:
        listed = _listing_date(after) if before is None else None
        in_force = _in_window(after.in_force, version, previous)
        sources = cite("present", "absent" if before is None else "on other lists")
        for list_id in after.lists if before is None else change.lists_added:
            if in_force:
                add(
                    Action.DESIGNATED,
                    list_id,
                    after,
                    sources,
                    effective=in_force.isoformat(),
                    instrument=after.instrument,
                    notes="In force on the day the list gives for the entry"
                    + (f", by {after.instrument}" if after.instrument else "")
                    + f". {window_note}.",
                )
            elif before is None and previous is None and (worded := _day(after.in_force)):
                # In force in its present wording since then: the listing may be older (a rewording
                # or a consolidation re-enacts an entry), so the day bounds it and does not date it.
                add(
                    Action.DESIGNATED,
                    list_id,
                    after,
                    sources,
                    observed_by=min(worded, version.data_date),
                    notes=f"In force in its present wording since {worded}"
                    + (f" ({after.instrument})" if after.instrument else "")
                    + f"; the listing may be older. {window_note}.",
                )
            elif listed:
                add(
                    Action.DESIGNATED,
                    list_id,
                    after,
                    sources,
                    decided=str(listed),
                    notes=f"Listing date as given by the list. {window_note}.",
                )
            else:
                add(
                    Action.DESIGNATED,
                    list_id,
                    after,
                    sources,
                    **window,
                    notes=f"{window_note}; the list gives no date.",
                )
    if before is not None:
        sources = cite("absent" if after is None else "off this list", "present")
        for list_id in before.lists if after is None else change.lists_removed:
            attributed: dict[str, object] = {}
            note = f"{window_note}; absent from the later version."
            if removal is not None and after is None:
                # Inferred, not stated: the list names its amending instruments but not what each did.
                attributed = {"instrument": removal.instrument, "confidence": "probable"}
                if removal.effective:
                    attributed["effective"] = removal.effective.isoformat()
                note += (
                    f" The list names {removal.instrument} (in force "
                    + ", ".join(str(d) for d in sorted(set(removal.days)))
                    + ") between the two versions, and no added or reworded entry carries it: "
                    "taken as the removing instrument."
                )
            add(
                Action.DELISTED,
                list_id,
                before,
                sources,
                reason=DelistReason.UNSPECIFIED,
                **window,
                **attributed,
                notes=note,
            )
    if (
        after is not None
        and before is not None
        and ("name_changed" in change.kinds or "aliases_changed" in change.kinds)
    ):
        reworded = _in_window(after.in_force, version, previous)
        dated: dict[str, object] = (
            {"effective": reworded.isoformat(), "instrument": after.instrument} if reworded else {}
        )
        for list_id in after.lists:
            if list_id not in change.lists_added:
                add(
                    Action.AMENDED,
                    list_id,
                    after,
                    cite("with new names", "with old names"),
                    **window,
                    **dated,
                    notes="Names changed"
                    + (f", in force {reworded}" if reworded else "")
                    + (f" by {after.instrument}" if reworded and after.instrument else "")
                    + f". {window_note}.",
                )
    return acts


_DECISION_ACTIONS = {"designated": Action.DESIGNATED, "suspended": Action.SUSPENDED}


def _decision_act(
    key: str,
    number: int,
    decision: EntryDecision,
    entry: ListEntry,
    list_id: str,
    version: VersionRef,
    entity: str,
) -> Act:
    """One ruling printed on the list, as an act citing the list version that prints it."""
    action = _DECISION_ACTIONS.get(decision.action)
    if action is None:
        raise ValueError(f"entry {key}: unknown decision action {decision.action!r}")
    dates = {
        "decided": decision.decided or "unknown",
        "effective": decision.effective or "unknown",
        "published": decision.published or "unknown",
    }
    return Act.model_validate(
        {
            "id": f"{version.source}-{version.id[:10]}-{_slug(key)}-{action.value}-{number}-{_slug(list_id)}",
            "jurisdiction": version.jurisdiction,
            "action": action,
            "entities": [entity],
            "list": list_id,
            "authority": decision.authority or AUTHORITIES.get(version.source, version.source),
            "instrument": decision.instrument,
            "names": [n.value for n in entry.names][:50],
            "sources": [version.cite(f"entry {key}: {decision.text}")],
            "confidence": "confirmed",
            **dates,
            "notes": f"Decision as printed on the {version.source} list of {version.data_date}.",
        }
    )
