"""Turning a list version's changes into acts, each citing the versions it was read from."""

from __future__ import annotations

import datetime as dt
import re
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
    "ftm": "Publisher of the imported dataset",
    "ru-fsb": "Federal Security Service of the Russian Federation (FSB), keeper of the list; courts decide",
    "ru-minjust": "Ministry of Justice of the Russian Federation, keeper of the list; courts decide",
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


def acts_for_diff(
    diff: VersionDiff,
    version: VersionRef,
    previous: VersionRef | None,
    entity_of: dict[str, str],
) -> list[Act]:
    """Designations, delistings and amendments implied by ``diff``.

    Dates: the list's own listing date where it gives one (designations);
    otherwise the observation window between the previous version's data
    date and this one's, stated as such in the act.
    """
    acts: list[Act] = []
    for change in diff.changes:
        acts.extend(_acts_for_change(change, version, previous, entity_of[change.key]))
    return acts


def _acts_for_change(
    change: EntryChange, version: VersionRef, previous: VersionRef | None, entity: str
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
        sources = cite("present", "absent" if before is None else "on other lists")
        for list_id in after.lists if before is None else change.lists_added:
            if listed:
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
            add(
                Action.DELISTED,
                list_id,
                before,
                sources,
                reason=DelistReason.UNSPECIFIED,
                **window,
                notes=f"{window_note}; absent from the later version.",
            )
    if (
        after is not None
        and before is not None
        and ("name_changed" in change.kinds or "aliases_changed" in change.kinds)
    ):
        for list_id in after.lists:
            if list_id not in change.lists_added:
                add(
                    Action.AMENDED,
                    list_id,
                    after,
                    cite("with new names", "with old names"),
                    **window,
                    notes=f"Names changed. {window_note}.",
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
