"""``proscribe demo``: the Taliban story, told from the journal.

Every date, authority and source printed here is read from the recorded
acts; the only fixed text is the framing. If the curated data changes, the
story changes with it.
"""

from __future__ import annotations

import datetime as dt

from rich.console import Console
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from proscribe import render
from proscribe.model import Action
from proscribe.registry import Registry
from proscribe.views import ActRef, HistoryEntry

PHRASES = {
    Action.DESIGNATED.value: "designated as terrorist",
    Action.SUSPENDED.value: "ban suspended",
    Action.REINSTATED.value: "listing reinstated",
    Action.AMENDED.value: "listing amended",
    Action.DELISTED.value: "removed from the list",
    Action.PETITION_FILED.value: "petition filed",
    Action.HEARING_SCHEDULED.value: "hearing scheduled",
    Action.BILL_INTRODUCED.value: "bill introduced",
    Action.BILL_PASSED_FIRST_READING.value: "bill passed in first reading",
    Action.BILL_PASSED.value: "bill passed (second and third readings)",
    Action.BILL_APPROVED_UPPER_HOUSE.value: "approved by the upper house",
    Action.LAW_SIGNED.value: "law signed",
    Action.LAW_IN_FORCE.value: "law in force",
}


def _phrase(ref: ActRef) -> str:
    action = ref.action.split(" ")[0]
    return PHRASES.get(action, action.replace("_", " "))


def _act(console: Console, ref: ActRef, *, show_sources: int = 1) -> None:
    line = Text("  ")
    line.append(f"{ref.date:<26}", style="bold")
    line.append(_phrase(ref), style="cyan")
    line.append(f" — {ref.authority}")
    if ref.date_basis not in ("effective", "decided"):
        line.append(f"  [{ref.date_basis}]", style="dim")
    if ref.confidence != "confirmed":
        line.append(f"  [{ref.confidence}]", style="magenta")
    console.print(line, highlight=False)
    if show_sources:
        console.print(render.sources_text(ref, limit=show_sources), end="", highlight=False)


def _section(console: Console, title: str) -> None:
    console.print()
    console.print(Rule(Text(title, style="bold"), align="left"))


def tell_taliban_story(registry: Registry, console: Console, db_option: str = "proscribe-demo.db") -> None:
    taliban = registry.resolve("Taliban")
    entries = registry.history(taliban)
    chain = registry.journal.verify()
    console.print(
        Text("proscribe demo — how Russia suspended its terrorist ban on the Taliban", style="bold")
    )
    console.print(
        f"Loaded {chain.acts_checked} sourced legal acts into {registry.db.url}; "
        f"hash chain verified (head {chain.head_hash[:12]}…)."
    )

    def russian(actions: set[str], general: bool | None = None) -> list[HistoryEntry]:
        return [
            e
            for e in entries
            if e.jurisdiction == "RU"
            and e.act.action.split(" ")[0] in actions
            and (general is None or (e.entity is None) == general)
        ]

    _section(console, "1. Russia bans the Taliban")
    for entry in russian({"designated"}):
        _act(console, entry.act, show_sources=2)

    _section(console, "2. December 2024: a law to lift bans on groups that 'ceased terrorist activity'")
    for entry in russian({a.value for a in Action}, general=True):
        _act(console, entry.act)
    conflicts = [g for g in registry.conflicts() if all(ref.jurisdiction == "RU" for ref in g)]
    for group in conflicts:
        dates = " vs ".join(f"{ref.date} ({ref.sources[0].title or ref.sources[0].url})" for ref in group)
        console.print(Text(f"  sources disagree: {dates}", style="magenta"), highlight=False)

    _section(console, "3. The Prosecutor General petitions, the Supreme Court rules")
    for entry in russian({"petition_filed", "hearing_scheduled", "suspended", "reinstated", "delisted"}):
        _act(console, entry.act, show_sources=1)

    _section(console, "4. So what was the Taliban's status in Russia?")
    table = Table(show_header=True, expand=False)
    table.add_column("question")
    table.add_column("answer")
    table.add_column("deciding act")
    questions = [
        ("on 2025-01-01", dict(valid_at=dt.date(2025, 1, 1))),
        ("on 2025-05-01", dict(valid_at=dt.date(2025, 5, 1))),
        ("on 2025-06-01", dict(valid_at=dt.date(2025, 6, 1))),
        (
            "on 2025-05-01, knowing only what was published by 2025-03-01",
            dict(valid_at=dt.date(2025, 5, 1), published_by=dt.date(2025, 3, 1)),
        ),
    ]
    for label, kwargs in questions:
        result = registry.status_as_of(taliban, "RU", **kwargs)  # type: ignore[arg-type]
        answer = render.status_text(result.status)
        if result.since:
            answer.append(f" {render.since_words(result.since)}")
        elif result.readings:
            # The court report and the FSB list disagree on when the suspension took effect.
            answer.append(
                " (" + "; ".join(render.since_phrase(r.status, r.since) for r in result.readings) + ")"
            )
        deciding = result.deciding_acts[0].id if result.deciding_acts else ""
        table.add_row(label, answer, deciding)
    console.print(table)
    console.print(
        "  Try: proscribe status Taliban --jurisdiction RU --as-of 2025-05-01 --published-by 2025-03-01",
        style="dim",
        highlight=False,
    )

    _section(console, "5. Central Asia: Kazakhstan and Kyrgyzstan remove the Taliban")
    for entry in entries:
        if entry.jurisdiction in ("KZ", "KG"):
            _act(console, entry.act, show_sources=1)
    for code in ("KZ", "KG"):
        for day in (dt.date(2024, 3, 1), dt.date.today()):
            result = registry.status_as_of(taliban, code, day)
            line = Text(f"  {code} on {day}: ").append_text(render.status_text(result.status))
            if result.since:
                line.append(f" {render.since_words(result.since)}")
            for reading in result.readings:
                line.append(
                    f"\n      one reading: {reading.status.value}"
                    f"{' ' + render.since_words(reading.since) if reading.since else ''} ({', '.join(reading.acts)})",
                    style="magenta",
                )
            console.print(line, highlight=False)

    _section(console, "6. Everywhere at once")
    today = dt.date.today()
    start = dt.date(1999, 1, 1)
    console.print(render.timeline_chart(registry.timeline(taliban, start, today), start, today))
    table = Table(title=f"Taliban today ({today})", expand=False)
    for column in ("where", "status", "since", "deciding act"):
        table.add_column(column)
    for result in registry.statuses_as_of(taliban, today):
        since = result.since or ("disputed" if result.readings else "")
        table.add_row(
            result.jurisdiction,
            render.status_text(result.status),
            since,
            result.deciding_acts[0].id if result.deciding_acts else "",
        )
    console.print(table)

    _section(console, "7. Next: Hayat Tahrir al-Sham, and its predecessor Jabhat al-Nusra")
    hts = registry.resolve("Hayat Tahrir al-Sham")
    for result in registry.statuses_as_of(hts, today):
        line = Text(f"  {result.jurisdiction:<3} ").append_text(render.status_text(result.status))
        if result.since:
            line.append(f" {render.since_words(result.since)}")
        if result.via:
            line.append(f"  (via the {result.via.entity} listing)", style="dim")
        if result.readings:
            line.append("  sources disagree", style="magenta")
        console.print(line, highlight=False)

    _section(console, "Try it yourself")
    for command in (
        f"proscribe history Taliban --db {db_option}",
        f"proscribe status 'Jabhat al-Nusra' --jurisdiction US --as-of 2025-07-08 --db {db_option}",
        f"proscribe conflicts --db {db_option}",
        f"proscribe verify --db {db_option}",
    ):
        console.print(f"  {command}", style="green", highlight=False)
    console.print("  Browse it (read-only, no key needed) at http://127.0.0.1:8000 after:", highlight=False)
    console.print(f"  proscribe serve --db {db_option} --public-read", style="green", highlight=False)
