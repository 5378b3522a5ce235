"""The cross-jurisdiction timeline as an SVG chart, drawn on the server from ``Registry.timeline()``.

One lane per jurisdiction; a bar per period (listed, suspended, delisted, unknown); each act
about the entity is a mark on its jurisdiction's lane, linking to its first source.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape

from proscribe.render import status_label
from proscribe.timeline import Lane
from proscribe.views import HistoryEntry, Status
from proscribe.web.filters import is_web_url

COLOURS = {
    Status.LISTED: "#c0392b",
    Status.SUSPENDED: "#e67e22",
    Status.DELISTED: "#27ae60",
    Status.UNKNOWN: "#95a5a6",
    Status.NEVER_LISTED: "#f4f4f4",
}
LABEL = 60
LANE = 34
BAR = 18
TOP = 28
# Years between labelled grid lines: the first step that keeps at most MAX_YEAR_LABELS labels.
YEAR_STEPS = (1, 2, 5, 10, 25, 50, 100, 250, 500, 1000)
MAX_YEAR_LABELS = 12


def year_step(start: dt.date, end: dt.date) -> int:
    """Years between labels: 5 for 1999-2026, 1 for a five-year chart, never more than 12 labels."""
    span = end.year - start.year + 1
    return next((step for step in YEAR_STEPS if span / step <= MAX_YEAR_LABELS), YEAR_STEPS[-1])


def _x(day: dt.date, start: dt.date, end: dt.date, width: int) -> float:
    span = max((end - start).days, 1)
    return LABEL + (min(max(day, start), end) - start).days / span * (width - LABEL - 10)


def timeline_svg(
    lanes: Sequence[Lane],
    history: Sequence[HistoryEntry],
    start: dt.date,
    end: dt.date,
    width: int = 960,
) -> str:
    height = TOP + LANE * len(lanes) + 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
        "<title>Status by jurisdiction over time</title>",
    ]
    step = year_step(start, end)
    first_label = -(-start.year // step) * step  # the first multiple of step on or after the start year
    for year in range(max(first_label, 1), end.year + 1, step):
        x = _x(dt.date(year, 1, 1), start, end, width)
        parts.append(f'<line x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" y2="{height - 36}" stroke="#ddd"/>')
        parts.append(
            f'<text class="year" x="{x:.1f}" y="{TOP - 10}" text-anchor="middle" fill="#555">{year}</text>'
        )
    row_of = {lane.jurisdiction: i for i, lane in enumerate(lanes)}
    for i, lane in enumerate(lanes):
        y = float(TOP + i * LANE)
        parts.append(
            f'<g class="lane" data-jurisdiction="{escape(lane.jurisdiction)}">'
            f'<text x="4" y="{y + BAR - 4}" font-weight="bold">{escape(lane.jurisdiction)}</text>'
        )
        for index, period in enumerate(lane.periods):
            x1 = _x(period.start, start, end, width)
            last = period.end.replace(day=28) + dt.timedelta(days=4)
            x2 = _x(last.replace(day=1), start, end, width)
            label = f"{lane.jurisdiction}: {status_label(period.status)} {period.start:%Y-%m} to {period.end:%Y-%m}"
            classes = f"period {period.status.name.lower()}"
            following = lane.periods[index + 1] if index + 1 < len(lane.periods) else None
            # Unknown from the chart's start up to a status: a listing first seen in a list
            # snapshot, whose start no source gives. Said so, rather than drawn as a fact.
            open_start = index == 0 and period.status is Status.UNKNOWN and following is not None
            if open_start and following is not None:
                classes += " open-start"
                label = (
                    f"{lane.jurisdiction}: {status_label(following.status)} by {following.start:%Y-%m}; "
                    "start unknown (not given by the sources)"
                )
            parts.append(
                f'<rect class="{classes}" x="{x1:.1f}" y="{y}" width="{max(x2 - x1, 1):.1f}" '
                f'height="{BAR}" fill="{COLOURS[period.status]}"><title>{escape(label)}</title></rect>'
            )
            if open_start and x2 - x1 > 90:
                parts.append(
                    f'<text class="open-start-label" x="{x2 - 4:.1f}" y="{y + BAR - 5}" '
                    f'text-anchor="end" fill="#333" font-size="11">start unknown</text>'
                )
        parts.append("</g>")
    for entry in history:
        row = row_of.get(entry.jurisdiction)
        if row is None:
            continue
        x = _x(entry.sort_key[0], start, end, width)
        y = TOP + row * LANE + BAR / 2
        ref = entry.act
        url = next((s.url for s in ref.sources if is_web_url(s.url)), None)  # never a javascript: link
        tip = f"{ref.date} {ref.action} — {ref.authority}" + (f" ({url})" if url else "")
        mark = (
            f'<circle class="act" data-act="{escape(ref.id)}" cx="{x:.1f}" cy="{y:.1f}" r="5" fill="#fff" '
            f'stroke="#222" stroke-width="2"><title>{escape(tip)}</title></circle>'
        )
        parts.append(f'<a href="{escape(url)}" target="_blank" rel="noopener">{mark}</a>' if url else mark)
    legend_y = height - 18
    x = LABEL
    for status in (Status.LISTED, Status.SUSPENDED, Status.DELISTED, Status.UNKNOWN):
        parts.append(f'<rect x="{x}" y="{legend_y - 10}" width="14" height="12" fill="{COLOURS[status]}"/>')
        parts.append(f'<text x="{x + 18}" y="{legend_y}">{status.value}</text>')
        x += 110
    parts.append(
        f'<circle cx="{x + 6}" cy="{legend_y - 4}" r="5" fill="#fff" stroke="#222" stroke-width="2"/>'
    )
    parts.append(f'<text x="{x + 16}" y="{legend_y}">act (links to its source)</text>')
    parts.append("</svg>")
    return "\n".join(parts)
