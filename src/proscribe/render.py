"""Terminal rendering of view results with rich: status panels, histories, timelines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from proscribe.jurisdictions import jurisdiction_name
from proscribe.model import Entity
from proscribe.timeline import Lane
from proscribe.views import ActRef, HistoryEntry, ListFreshness, Status, StatusResult

STATUS_STYLE = {
    Status.LISTED: "bold red",
    Status.SUSPENDED: "bold yellow",
    Status.DELISTED: "bold green",
    Status.NEVER_LISTED: "dim",
    Status.UNKNOWN: "bold magenta",
}
LANE_CHAR = {
    Status.LISTED: ("█", "red"),
    Status.SUSPENDED: ("▓", "yellow"),
    Status.DELISTED: ("░", "green"),
    Status.UNKNOWN: ("?", "magenta"),
    Status.NEVER_LISTED: ("·", "grey37"),
}


# No list imported here is known to be complete over all time, so the absence of acts never
# proves that an entity was never listed: it says only that none is recorded.
STATUS_LABEL = {Status.NEVER_LISTED: "no listing recorded"}
# Words the screening rows use for the same statuses.
_STATUS_WORDS = {"formerly listed": Status.DELISTED, "never listed": Status.NEVER_LISTED}


def status_label(status: Status | str) -> str:
    """The words for a status: "delisted", "no listing recorded" (not "never listed": see above)."""
    if isinstance(status, str) and not isinstance(status, Status):
        status = _STATUS_WORDS.get(status) or Status(status)
    return STATUS_LABEL.get(status, status.value)


def since_phrase(status: Status | str, since: str | None, first_seen: dt.date | None = None) -> str:
    """A status with its date, as a sentence fragment.

    >>> since_phrase(Status.LISTED, "2003-02-14")
    'listed since 2003-02-14'
    >>> since_phrase(Status.LISTED, "by 2024-05-03", dt.date(2024, 5, 3))
    'listed (first seen in the list of 2024-05-03)'
    >>> since_phrase(Status.LISTED, "by 2019-06-19")
    'listed (by 2019-06-19; start unknown)'
    >>> since_phrase("formerly listed", "2025-07-08")
    'delisted since 2025-07-08'
    >>> since_phrase(Status.DELISTED, "between 2021-01-18 and 2026-02-27")
    'delisted (between 2021-01-18 and 2026-02-27)'
    """
    words = since_words(since, first_seen)
    return f"{status_label(status)} {words}" if words else status_label(status)


def since_words(since: str | None, first_seen: dt.date | None = None) -> str:
    """The date part of :func:`since_phrase`: "since 2003-02-14", "(first seen in the list of D)"."""
    if not since:
        return ""
    if first_seen is not None and since == f"by {first_seen}":
        return f"(first seen in the list of {first_seen})"
    if since.startswith("by "):
        return f"({since}; start unknown)"
    if since.startswith("between "):
        return f"({since})"
    return f"since {since}"


def status_text(status: Status) -> Text:
    return Text(status_label(status), style=STATUS_STYLE[status])


def staleness_note(freshness: ListFreshness | None, valid_at: dt.date) -> str | None:
    """ "as of the ofac list of 2024-05-03 (the date asked is 759 days later)" when the list is stale."""
    if freshness is None or not freshness.stale:
        return None
    return (
        f"as of the list of {freshness.data_date} ({freshness.source}, the newest imported; "
        f"the date asked is {(valid_at - freshness.data_date).days} days later)"
    )


def list_basis(freshness: ListFreshness | None) -> str:
    """What a list status rests on: "curated acts", "ofac list of 2024-05-03", or, when that list is
    more than 30 days older than the date asked, "as of the ofac list of 2024-05-03"."""
    if freshness is None:
        return "curated acts"
    return ("as of the " if freshness.stale else "") + f"{freshness.source} list of {freshness.data_date}"


def act_line(ref: ActRef) -> Text:
    text = Text()
    text.append(f"{ref.date} ", style="bold")
    text.append(f"{ref.action} ", style="cyan")
    text.append(f"by {ref.authority}")
    if ref.instrument:
        text.append(f" — {ref.instrument}", style="dim")
    if ref.confidence != "confirmed":
        text.append(f" [{ref.confidence}]", style="magenta")
    return text


def sources_text(ref: ActRef, limit: int = 3) -> Text:
    text = Text()
    for source in ref.sources[:limit]:
        text.append(f"    source: {source.url or source.document_hash}", style="blue")
        text.append(f" (retrieved {source.retrieved})\n", style="dim")
    if len(ref.sources) > limit:
        more = len(ref.sources) - limit
        text.append(f"    … and {more} more source{'s' if more > 1 else ''}\n", style="dim")
    return text


def other_script_names(entity: Entity, limit: int = 8) -> list[str]:
    """The entity's names outside the Latin script (kept as the lists and acts write them)."""
    return [n.value for n in entity.names if n.script not in (None, "Latn")][:limit]


def names_line(entity: Entity, related: list[Entity]) -> Text | None:
    parts = []
    own = other_script_names(entity)
    if own:
        parts.append(", ".join(own))
    for other in related:
        names = other_script_names(other)
        if names:
            parts.append(f"{', '.join(names)} (as {other.id})")
    return (
        Text(f"{entity.caption} ({entity.id}) — also written: " + "; ".join(parts), style="dim")
        if parts
        else None
    )


def status_panel(result: StatusResult, entity: Entity) -> Panel:

    heading = Text()
    heading.append(f"{entity.caption}", style="bold")
    heading.append(
        f" in {jurisdiction_name(result.jurisdiction)} ({result.jurisdiction}) on {result.valid_at}: "
    )
    first_seen = result.freshness.first_seen if result.freshness else None
    phrase = since_phrase(result.status, result.since, first_seen)
    heading.append(phrase, style=STATUS_STYLE[result.status])
    if (
        result.since
        and result.since_basis
        and result.since_basis not in ("effective", "observed in list versions")
    ):
        heading.append(f" ({result.since_basis})", style="dim")
    parts: list[RenderableType] = [heading]
    stale = staleness_note(result.freshness, result.valid_at)
    if stale:
        parts.append(Text(f"  {stale}", style="bold yellow"))
    filters = []
    if result.known_at:
        filters.append(f"as recorded by {result.known_at.isoformat()}")
    if result.published_by:
        filters.append(f"counting only acts published by {result.published_by}")
    if filters:
        parts.append(Text("  " + "; ".join(filters), style="italic"))
    if result.via:
        parts.append(
            Text(f"  via {result.via.entity} ({entity.id} is the {result.via.relation} it)", style="yellow")
        )
    for ref in result.deciding_acts:
        parts.append(Text("  deciding act: ").append_text(act_line(ref)))
        parts.append(sources_text(ref))
    # Every status names the list it rests on, and that list's data date when it was imported.
    for listing in result.lists:
        line = Text(f"  list {listing.list_id}: ")
        if len(result.lists) > 1:
            seen = listing.freshness.first_seen if listing.freshness else None
            line.append(since_phrase(listing.status, listing.since, seen), style=STATUS_STYLE[listing.status])
            line.append("; ")
        stale_list = listing.freshness is not None and listing.freshness.stale
        line.append(list_basis(listing.freshness), style="yellow" if stale_list else "dim")
        if listing.via:
            line.append(f"  via {listing.via.entity}", style="dim")
        parts.append(line)
    for reading in result.readings:
        line = Text("  reading: ", style="magenta")
        line.append(since_phrase(reading.status, reading.since), style=STATUS_STYLE[reading.status])
        line.append(f"  (acts: {', '.join(reading.acts) or 'the disputed act did not happen'})", style="dim")
        parts.append(line)
    for note in result.evidence:
        parts.append(Text(f"  settled by the list: {note}", style="cyan"))
    for message in result.inconsistencies:
        parts.append(Text(f"  inconsistency: {message}", style="yellow"))
    return Panel(Group(*parts), expand=False)


def history_table(entries: Sequence[HistoryEntry], title: str) -> Table:
    table = Table(title=title, show_lines=False, expand=False)
    table.add_column("date", no_wrap=True)
    table.add_column("where", no_wrap=True)
    table.add_column("about")
    table.add_column("act")
    table.add_column("by")
    table.add_column("status after", no_wrap=True)
    for entry in entries:
        ref = entry.act
        action = Text(ref.action, style="cyan strike" if entry.superseded else "cyan")
        if ref.confidence != "confirmed":
            action.append(f" [{ref.confidence}]", style="magenta")
        if entry.entity is None:
            action.append(" (general)", style="dim")
        action.append(f"\n{ref.id}", style="dim")
        table.add_row(
            f"{ref.date} (start unknown)" if entry.start_unknown else ref.date,
            ref.jurisdiction,
            entry.entity or "",
            action,
            ref.authority,
            status_text(entry.status_after) if entry.status_after else Text(""),
        )
    return table


def timeline_chart(lanes: Sequence[Lane], start: dt.date, end: dt.date, width: int = 72) -> Text:
    """One row per jurisdiction; each character is an equal slice of time."""
    span = (end - start).days
    out = Text()
    axis = Text(" " * 6)
    labelled = -10
    for column in range(width):
        day = start + dt.timedelta(days=span * column // width)
        if (
            day.year % 5 == 0
            and column - labelled > 5
            and (column == 0 or (start + dt.timedelta(days=span * (column - 1) // width)).year != day.year)
        ):
            axis.append(str(day.year), style="dim")
            labelled = column
        elif column - labelled >= 4:
            axis.append(" ")
    out.append_text(axis)
    out.append("\n")
    for lane in lanes:
        out.append(f"{lane.jurisdiction:<4}  ", style="bold")
        for column in range(width):
            day = start + dt.timedelta(days=span * column // width)
            status = Status.NEVER_LISTED
            for period in lane.periods:
                if period.start <= day:
                    status = period.status
            char, style = LANE_CHAR[status]
            out.append(char, style=style)
        if lane.via:
            out.append(f"  via {lane.via}", style="dim")
        out.append("\n")
    legend = Text("      ")
    for status, (char, style) in LANE_CHAR.items():
        legend.append(char * 2, style=style).append(f" {status_label(status)}   ")
    out.append_text(legend)
    return out
