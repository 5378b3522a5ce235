"""``proscribe procedure ...``: start cases, record steps, show deadlines, simulate, export calendars."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from proscribe.cli.common import (
    DbOption,
    JsonOption,
    day_option,
    parse_option,
    print_error,
    print_json,
    reports_errors,
)
from proscribe.dates import PartialDate
from proscribe.errors import InputError
from proscribe.journal import utc_now
from proscribe.procedures import diagrams
from proscribe.procedures.calendar import CalendarEvent, to_ical
from proscribe.procedures.cases import ProcedureCases
from proscribe.procedures.durations import Duration
from proscribe.procedures.engine import EvidenceItem, StepRequest
from proscribe.procedures.reminders import DueEntry, due_entries
from proscribe.procedures.report import case_report
from proscribe.procedures.rules import bundled_rules
from proscribe.procedures.simulate import outcomes, simulate
from proscribe.registry import Registry

app: typer.Typer = typer.Typer(
    help=(
        "Legal procedures that change lists: designation, petitions, reviews, delisting.\n\n"
        "Example: `proscribe procedure simulate us-fto-revocation-petition --entity al-nusrah-front --start 2026-12-01`"
    ),
    no_args_is_help=True,
    rich_markup_mode="markdown",
)
console = Console()

# Exit codes of `due`, for cron and CI.
EXIT_NOTHING_DUE, EXIT_DUE, EXIT_OVERDUE = 0, 2, 3


def _partial(value: str, option: str) -> PartialDate:
    parsed = parse_option(value, PartialDate.parse, option)
    assert parsed is not None
    return parsed


def _optional_partial(value: str | None, option: str) -> PartialDate | None:
    return None if value is None else _partial(value, option)


def _day(value: str, option: str) -> dt.date:
    day = day_option(value, option)
    assert day is not None
    return day


_KIND = re.compile(r"^([a-z0-9][a-z0-9._-]*)=(.+)$")


def parse_evidence(text: str) -> EvidenceItem:
    """``KIND=FILE_OR_URL`` or ``FILE_OR_URL``; a file must exist and is identified by its SHA-256."""
    match = _KIND.match(text)
    kind, locator = (match[1], match[2]) if match else ("", text)
    if re.match(r"^https?://", locator):
        return EvidenceItem(kind=kind, url=locator)
    path = Path(locator)
    if not path.is_file():
        raise InputError(
            f"evidence '{locator}' is neither an http(s) URL nor a readable file", location="--evidence"
        )
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return EvidenceItem(kind=kind, path=str(path), sha256=digest)


def _cases(db: str | None) -> ProcedureCases:
    return ProcedureCases(Registry(db))


@app.command("rules")
@reports_errors
def list_rules(as_json: JsonOption = False) -> None:
    """List the procedure rules and their versions (periods of validity)."""
    book = bundled_rules()
    if as_json:
        print_json([r.summary() for r in book.rules])
        return
    table = Table("rule", "version", "in force", "title")
    for rule in book.rules:
        table.add_row(rule.id, rule.version, str(rule.in_force), rule.title)
    console.print(table)


@app.command()
@reports_errors
def start(
    rule: Annotated[
        str, typer.Argument(help="Rule id, e.g. ru-suspension (see `proscribe procedure rules`).")
    ],
    entity: Annotated[str, typer.Option("--entity", "-e", help="Entity name or id.")],
    date: Annotated[
        str, typer.Option("--date", help="Start date (YYYY-MM-DD, or YYYY-MM when only the month is known).")
    ],
    rule_version: Annotated[
        str | None, typer.Option("--rule-version", help="Rule version, when the date does not decide it.")
    ] = None,
    case_id: Annotated[str | None, typer.Option("--id", help="Case id (default: RULE-ENTITY-DATE).")] = None,
    state: Annotated[
        str | None, typer.Option("--state", help="Start in this state (an entity already listed).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Open a case under the rule version in force on --date.

    Example: `proscribe procedure start ru-suspension --entity Taliban --date 2025-03`
    """
    case = _cases(db).start(
        rule, entity, _partial(date, "--date"), version=rule_version, case_id=case_id, state=state
    )
    console.print(
        f"Started case {case.id} ({case.rule_id}@{case.rule_version}) at state '{case.state}'.",
        highlight=False,
    )


@app.command()
@reports_errors
def step(
    case_id: Annotated[str, typer.Argument(help="Case id.")],
    step_id: Annotated[str, typer.Argument(help="Step id (see `proscribe procedure show ID`).")],
    actor: Annotated[str, typer.Option("--actor", help="Role taking the step, e.g. prosecutor-general.")],
    date: Annotated[str, typer.Option("--date", help="Date of the step (YYYY-MM-DD, YYYY-MM or YYYY).")],
    evidence: Annotated[
        list[str] | None, typer.Option("--evidence", help="KIND=FILE_OR_URL, or FILE_OR_URL; repeatable.")
    ] = None,
    decided: Annotated[
        str | None,
        typer.Option(
            "--decided", help="Decision date of the emitted act, where the rule leaves it to be given."
        ),
    ] = None,
    effective: Annotated[
        str | None,
        typer.Option(
            "--effective", help="Effective date of the emitted act (e.g. hearing day, entry into force)."
        ),
    ] = None,
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date of the emitted act.")
    ] = None,
    authority: Annotated[
        str | None,
        typer.Option("--authority", help="Authority named in the act (default: the role's title)."),
    ] = None,
    instrument: Annotated[
        str | None, typer.Option("--instrument", help="Case number, order or gazette reference.")
    ] = None,
    retrieved: Annotated[
        str | None, typer.Option("--retrieved", help="When the evidence was retrieved (default: today).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Record a completed step; its acts are appended to the journal in the same transaction.

    A step the rule forbids (wrong state, wrong role, date before the previous
    step, missing evidence) is refused with the rule and step that forbid it.

    Example: `proscribe procedure step ru-suspension-taliban-2025-03 decision --actor court --date 2025-04-17 --evidence ruling=https://news.az/...`
    """
    request = StepRequest(
        step=step_id,
        actor=actor,
        on=_partial(date, "--date"),
        evidence=[parse_evidence(item) for item in evidence or []],
        decided=_optional_partial(decided, "--decided"),
        effective=_optional_partial(effective, "--effective"),
        published=_optional_partial(published, "--published"),
        authority=authority,
        instrument=instrument,
        retrieved=_day(retrieved, "--retrieved") if retrieved else dt.date.today(),
    )
    case, acts = _cases(db).step(case_id, request)
    console.print(f"Case {case.id}: '{step_id}' recorded; now at '{case.state}'.", highlight=False)
    for act in acts:
        console.print(f"  appended act {act.id} ({act.action.value})", highlight=False)


@app.command()
@reports_errors
def show(
    case_id: Annotated[str, typer.Argument(help="Case id.")], as_json: JsonOption = False, db: DbOption = None
) -> None:
    """State, history, missing evidence and next deadlines of a case."""
    cases = _cases(db)
    report = case_report(cases, cases.get(case_id))
    if as_json:
        print_json(report)
        return
    console.print(f"[bold]{report['id']}[/bold] — {report['title']} ({report['rule']})", highlight=False)
    console.print(
        f"entity {report['entity']}; state [cyan]{report['state']}[/cyan]: {report['state_title']} (listing: {report['listing']})",
        highlight=False,
    )
    for taken in report["history"]:
        acts = ", ".join(taken.get("acts", [])) or "no acts"
        console.print(
            f"  {taken['seq']}. {taken['on']} {taken['step']} by {taken['actor']} → {taken['state_after']} ({acts})",
            highlight=False,
        )
    for nxt in report["next_steps"]:
        needs = "; ".join(f"{e['kind']}: {e['description']}" for e in nxt["evidence_needed"]) or "no evidence"
        console.print(
            escape(f"  next: {nxt['step']} [{', '.join(nxt['roles'])}] — needs {needs}"), highlight=False
        )
    for d in report["deadlines"]:
        due = (
            f"due {d['due_earliest']}"
            + (f" to {d['due_latest']}" if d["due_latest"] != d["due_earliest"] else "")
            if d["due_earliest"]
            else "due date unknown (no period in the sources)"
        )
        console.print(
            f"  deadline {d['deadline']} ({d['kind']}, {d['duration']} {d['days']} days from {d['clock_started']}): {due}",
            highlight=False,
        )


@app.command("cases")
@reports_errors
def list_cases(as_json: JsonOption = False, db: DbOption = None) -> None:
    """List all procedure cases and their states."""
    cases = _cases(db)
    rows = [(c.id, f"{c.rule_id}@{c.rule_version}", c.entity, c.state) for c in cases.all()]
    if as_json:
        print_json([{"id": i, "rule": r, "entity": e, "state": s} for i, r, e, s in rows])
        return
    table = Table("case", "rule", "entity", "state")
    for row in rows:
        table.add_row(*row)
    console.print(table)


@app.command()
@reports_errors
def due(
    as_of: Annotated[str | None, typer.Option("--as-of", help="Reference date (default: today).")] = None,
    within: Annotated[str, typer.Option("--within", help="ISO 8601 window ahead, e.g. P30D.")] = "P30D",
    ics: Annotated[
        Path | None, typer.Option("--ics", help="Also write the deadlines as an iCalendar file.")
    ] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Deadlines across all cases that fall due within --within of --as-of, or are overdue.

    Exit code (for cron and CI): 0 nothing due, 2 something due in the window,
    3 something overdue, 1 an error. Deadlines of unknown length are listed too.

    Example: `proscribe procedure due --as-of 2027-05-01 --within P30D --json --ics deadlines.ics`
    """
    day = _day(as_of, "--as-of") if as_of else dt.date.today()
    try:
        window = Duration.parse(within)
    except ValueError as exc:
        raise InputError(str(exc), location="--within") from None
    cases = _cases(db)
    entries = due_entries(cases, day, window)
    if ics is not None:
        events = [
            CalendarEvent(
                uid=e.uid, day=e.due_earliest, summary=e.summary, description=e.description, url=e.source_url
            )
            for e in entries
            if e.due_earliest is not None
        ]
        try:
            ics.write_text(to_ical(events, utc_now()), encoding="utf-8", newline="")
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror}", location=str(ics)) from None
    if as_json:
        print_json({"as_of": day.isoformat(), "within": within, "deadlines": entries})
    else:
        _print_due(entries)
    if any(e.status == "overdue" for e in entries):
        raise typer.Exit(EXIT_OVERDUE)
    if any(e.status == "due" for e in entries):
        raise typer.Exit(EXIT_DUE)


def _print_due(entries: list[DueEntry]) -> None:
    if not entries:
        console.print("Nothing due.")
        return
    table = Table("status", "due", "case", "deadline", "legal basis")
    for e in entries:
        when = (
            "unknown"
            if e.due_earliest is None
            else (
                str(e.due_earliest)
                if e.due_earliest == e.due_latest
                else f"{e.due_earliest} to {e.due_latest}"
            )
        )
        table.add_row(e.status, when, e.case, e.title, e.legal_basis)
    console.print(table)


@app.command("simulate")
@reports_errors
def simulate_command(
    rule: Annotated[str, typer.Argument(help="Rule id.")],
    entity: Annotated[
        str, typer.Option("--entity", "-e", help="Entity name or id (checked; nothing is written).")
    ],
    start_date: Annotated[str, typer.Option("--start", help="Day the first step is taken (YYYY-MM-DD).")],
    rule_version: Annotated[str | None, typer.Option("--rule-version", help="Rule version.")] = None,
    state: Annotated[str | None, typer.Option("--state", help="Start from this state.")] = None,
    as_json: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Earliest and latest timeline to each possible outcome, without writing anything.

    Example: `proscribe procedure simulate us-fto-revocation-petition --entity al-nusrah-front --start 2026-12-01`
    """
    day = _day(start_date, "--start")
    chosen = bundled_rules().in_force(rule, PartialDate.parse(day), rule_version)
    subject = Registry(db).resolve(entity)
    timelines = simulate(chosen, day, state)
    summary = outcomes(timelines)
    if as_json:
        print_json(
            {
                "rule": chosen.key,
                "entity": subject.id,
                "start": day.isoformat(),
                "outcomes": summary,
                "timelines": timelines,
            }
        )
        return
    console.print(f"{chosen.title} ({chosen.key}) for {subject.caption}, starting {day}:", highlight=False)
    for outcome in summary:
        latest = outcome.latest.isoformat() if outcome.latest else "unknown"
        console.print(
            f"[bold]{outcome.outcome}[/bold] — {outcome.title}; listing: {outcome.listing.value}; "
            f"earliest {outcome.earliest}, latest {latest}",
            highlight=False,
        )
        for timeline in timelines:
            if timeline.outcome != outcome.outcome:
                continue
            for s in timeline.steps:
                late = s.latest.isoformat() if s.latest else "unknown"
                bind = f" ({'; '.join(s.binding)})" if s.binding else ""
                acts = f" emits {', '.join(a.value for a in s.emits)}" if s.emits else ""
                console.print(f"    {s.step}: {s.earliest} .. {late}{bind}{acts}", highlight=False)


@app.command()
@reports_errors
def diagram(
    rule: Annotated[str, typer.Argument(help="Rule id.")],
    rule_version: Annotated[str | None, typer.Option("--rule-version")] = None,
) -> None:
    """Print the rule as a Mermaid state diagram (the newest version unless --rule-version)."""
    versions = bundled_rules().versions(rule)
    chosen = bundled_rules().get(rule, rule_version) if rule_version else versions[-1]
    sys.stdout.write(diagrams.mermaid(chosen) + "\n")


@app.command()
@reports_errors
def docs() -> None:
    """Print the generated rule reference (diagrams, deadlines, sources) used in docs/procedures.md."""
    sys.stdout.write(diagrams.rules_reference(bundled_rules()))


__all__ = ["app", "print_error"]
