"""Mermaid state diagrams and Markdown summaries generated from the rule files (for docs/procedures.md)."""

from __future__ import annotations

from proscribe.procedures.rules import Rule, RuleBook


def _node(state_id: str) -> str:
    return state_id.replace("-", "_")


def mermaid(rule: Rule) -> str:
    lines = ["stateDiagram-v2", f"    [*] --> {_node(rule.initial)}"]
    for state in rule.states:
        lines.append(f"    {_node(state.id)} : {state.title} ({state.listing.value})")
    for step in rule.steps:
        roles = "/".join(step.roles)
        emitted = ", ".join(e.action.value for e in step.emits)
        label = f"{step.id} [{roles}]" + (f" emits {emitted}" if emitted else "")
        for origin in step.from_states:
            lines.append(f"    {_node(origin)} --> {_node(step.to)} : {label}")
    for state in rule.states:
        if state.terminal:
            lines.append(f"    {_node(state.id)} --> [*]")
    return "\n".join(lines)


def deadline_table(rule: Rule) -> str:
    rows = [
        "| deadline | kind | length | days | clock starts | steps | legal basis |",
        "|---|---|---|---|---|---|---|",
    ]
    for d in rule.deadlines:
        expiry = f" (on expiry: {d.on_expiry})" if d.on_expiry else ""
        rows.append(
            f"| {d.title} | {d.kind} | {d.duration} | {d.days.value} | {d.event} | "
            f"{', '.join(d.steps)}{expiry} | {d.legal_basis} |"
        )
    return "\n".join(rows)


def rule_section(rule: Rule) -> str:
    end = f" to {rule.in_force.end}" if rule.in_force.end is not None else ""
    sources = "\n".join(
        f"- [{s.title or key}]({s.url}) (retrieved {s.retrieved})" for key, s in rule.sources.items()
    )
    parts = [
        f"### `{rule.id}` version `{rule.version}` — {rule.title}",
        f"*Jurisdiction* {rule.jurisdiction}; *list* `{rule.list_id}`; *in force* from {rule.in_force.start}{end}."
        + (f" {rule.in_force.note}" if rule.in_force.note else ""),
        f"*Legal basis*: {rule.legal_basis}",
        "```mermaid\n" + mermaid(rule) + "\n```",
        deadline_table(rule) if rule.deadlines else "No deadlines.",
        "Sources:\n" + sources,
    ]
    if rule.notes:
        parts.insert(3, f"*Notes*: {rule.notes}")
    return "\n\n".join(parts)


GENERATED_START = (
    "<!-- generated from src/proscribe/procedures/rules by `proscribe procedure docs`; do not edit below -->"
)


def rules_reference(book: RuleBook) -> str:
    return GENERATED_START + "\n\n" + "\n\n".join(rule_section(rule) for rule in book.rules) + "\n"
