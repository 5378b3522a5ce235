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
from proscribe.views import ActRef, HistoryEntry, Status, StatusResult

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


def status_text(status: Status) -> Text:
    return Text(status.value, style=STATUS_STYLE[status])


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
        text.append(f"    … and {len(ref.sources) - limit} more sources\n", style="dim")
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
    heading.append_text(status_text(result.status))
    if result.since:
        # Windows read as "listed (between 2021-01-18 and 2026-02-27)", days as "listed since 2003-02-14".
        window = result.since.startswith(("by ", "between "))
        heading.append(f" ({result.since})" if window else f" since {result.since}")
        if result.since_basis and result.since_basis not in ("effective", "observed in list versions"):
            heading.append(f" ({result.since_basis})", style="dim")
    parts: list[RenderableType] = [heading]
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
    if len(result.lists) > 1:
        for listing in result.lists:
            line = Text(f"  list {listing.list_id}: ").append_text(status_text(listing.status))
            if listing.since:
                window = listing.since.startswith(("by ", "between "))
                line.append(f" ({listing.since})" if window else f" since {listing.since}")
            if listing.via:
                line.append(f"  via {listing.via.entity}", style="dim")

            parts.append(line)
    for reading in result.readings:
        line = Text("  reading: ", style="magenta").append_text(status_text(reading.status))
        if reading.since:
            line.append(f" since {reading.since}")
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
            ref.date,
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
        legend.append(char * 2, style=style).append(f" {status.value}   ")
    out.append_text(legend)
    return out
