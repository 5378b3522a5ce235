"""Rule files: every bundled rule validates, and every step and deadline cites its legal basis and sources."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from proscribe.dates import PartialDate
from proscribe.errors import InputError
from proscribe.procedures.diagrams import mermaid, rules_reference
from proscribe.procedures.durations import DayCount, Duration, add, due_window
from proscribe.procedures.rules import RuleBook, bundled_rule_paths, bundled_rules, read_rule_file

REQUIRED_RULES = {
    "ru-designation", "ru-suspension", "kz-listing", "un-1267-ombudsperson", "un-1988-focal-point",
    "us-fto-designation", "us-fto-revocation-petition", "us-fto-five-year-review", "us-fto-revocation",
    "gb-proscription", "gb-deproscription", "eu-cp931", "ca-listed-entities",
}  # fmt: skip


def test_every_required_procedure_has_a_rule_file() -> None:
    assert set(bundled_rules().ids()) >= REQUIRED_RULES


@pytest.mark.parametrize("path", bundled_rule_paths(), ids=lambda p: p.name)
def test_every_step_and_deadline_cites_legal_basis_and_sources(path: Path) -> None:
    rule = read_rule_file(path)
    assert rule.legal_basis and rule.sources
    cited_by = [(s.id, s.legal_basis, s.sources) for s in rule.steps] + [
        (d.id, d.legal_basis, d.sources) for d in rule.deadlines
    ]
    for ident, legal_basis, keys in cited_by:
        assert legal_basis.strip(), ident
        cited = rule.cited(keys)
        assert cited and all(s.url and s.retrieved for s in cited), ident
    assert path.name == f"{rule.id}.{rule.version}.yaml"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rule.yaml"
    path.write_text(text, encoding="utf-8")
    return path


RULE = (
    Path(__file__).parents[1] / "src/proscribe/procedures/rules/us-fto-revocation.aedpa-1996.yaml"
).read_text()


def test_a_step_without_sources_is_refused(tmp_path: Path) -> None:
    broken = RULE.replace(
        "  legal_basis: 8 U.S.C. 1189(a)(6)(A)\n  sources: [usc-1189]\n",
        "  legal_basis: 8 U.S.C. 1189(a)(6)(A)\n",
    )
    assert broken != RULE
    with pytest.raises(
        InputError, match=r"us-fto-revocation\.steps\[0\]\.sources: required field is missing"
    ):
        read_rule_file(_write(tmp_path, broken))


def test_a_step_without_legal_basis_is_refused(tmp_path: Path) -> None:
    broken = RULE.replace("  legal_basis: 8 U.S.C. 1189(a)(6)(A)\n", "", 1)
    with pytest.raises(InputError, match=r"steps\[0\]\.legal_basis: required field is missing"):
        read_rule_file(_write(tmp_path, broken))


def test_unknown_references_and_bad_durations_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="source 'nowhere' is not declared"):
        read_rule_file(_write(tmp_path, RULE.replace("sources: [usc-1189]", "sources: [nowhere]", 1)))
    with pytest.raises(InputError, match="not an ISO 8601 date duration"):
        read_rule_file(_write(tmp_path, RULE.replace("duration: unknown", "duration: 30 days", 1)))
    with pytest.raises(InputError, match="role 'pope' is not declared"):
        read_rule_file(_write(tmp_path, RULE.replace("roles: [congress]", "roles: [pope]")))
    with pytest.raises(InputError, match="aliases"):
        read_rule_file(_write(tmp_path, "a: &x 1\nb: *x\n"))


def test_duplicate_rule_versions_are_refused(tmp_path: Path) -> None:
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text(RULE)
    second.write_text(RULE)
    with pytest.raises(InputError, match="also defined"):
        RuleBook.from_paths([first, second])


def test_durations() -> None:
    assert Duration.parse("P180D") == Duration(days=180)
    assert add(dt.date(2026, 12, 1), Duration.parse("P180D"), DayCount.CALENDAR) == dt.date(2027, 5, 30)
    assert add(dt.date(2025, 8, 31), Duration.parse("P6M"), DayCount.CALENDAR) == dt.date(2026, 2, 28)
    assert add(dt.date(2024, 2, 29), Duration.parse("P1Y"), DayCount.CALENDAR) == dt.date(2025, 2, 28)
    assert add(dt.date(2025, 4, 17), Duration.parse("P5D"), DayCount.WORKING) == dt.date(2025, 4, 24)
    assert due_window((dt.date(2025, 4, 17),) * 2, Duration(days=5), DayCount.UNKNOWN) == (
        dt.date(2025, 4, 22),
        dt.date(2025, 4, 24),
    )
    for bad in ("P", "180D", "PT5H", "P-1D"):
        with pytest.raises(ValueError):
            Duration.parse(bad)


def test_unknown_deadlines_stay_unknown() -> None:
    rule = bundled_rules().get("ru-suspension", "fl-2024-12-28")
    decision = next(d for d in rule.deadlines if d.id == "decision-period")
    assert decision.duration == "unknown" and decision.length is None


def test_versions_by_date() -> None:
    book = bundled_rules()
    assert book.in_force("us-fto-designation", PartialDate.parse("2001-09-01")).version == "aedpa-1996"
    assert book.in_force("us-fto-designation", PartialDate.parse("2012-12-11")).version == "irtpa-2004"
    with pytest.raises(InputError, match="no procedure rule 'xx'"):
        book.in_force("xx", PartialDate.parse("2020"))


def test_docs_contain_the_generated_reference() -> None:
    docs = (Path(__file__).parents[1] / "docs/procedures.md").read_text(encoding="utf-8")
    assert rules_reference(bundled_rules()) in docs, (
        "run: proscribe procedure docs (and paste into docs/procedures.md)"
    )
    assert mermaid(bundled_rules().get("ru-suspension", "fl-2024-12-28")).startswith("stateDiagram-v2")


def test_every_rule_acts_on_a_list_the_registry_uses() -> None:
    # A rule that emits acts on a list id no other act uses would change no status: the
    # Canadian, Kazakh and UN 1988 rules once named lists that exist nowhere else.
    from proscribe.bundled import bundled_records

    used = {act.list_id for act in bundled_records().acts if act.list_id}
    for rule in bundled_rules().rules:
        if rule.list_id is not None:
            assert rule.list_id in used, (
                f"{rule.id} {rule.version}: list {rule.list_id!r} is on no bundled act"
            )
