"""Wrong effective dates on the development sets: every truth event whose jurisdiction, organisation and
action were found but whose effective date was not (lenient), with both sides' dates and a class.

    PYTHONPATH=src .venv/bin/python benchmarks/news_dates_diag.py            # dev .. dev8, list + counts
    PYTHONPATH=src .venv/bin/python benchmarks/news_dates_diag.py dev8 --counts

Classes: ``filled where null`` (the label has no effective date, the extractor gave one), ``missed`` (the
label has one, the extractor none), ``month vs day`` / ``day vs month`` (label precision vs extracted),
``year vs month`` and the like, ``different day`` (both days, within 31 days), ``different date`` (the rest: other
month or year, background), and ``event matched to another row`` (the only extracted event of that key already
matches another truth row: a missing or merged event, not a date error).
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from proscribe.news import name_index
from proscribe.news.labelled import DEVELOPMENT_SETS, run_labelled_set
from proscribe.news.score import _key_matches, _pairs

NEWS = Path(__file__).resolve().parent.parent / "tests" / "data" / "news"


def date_class(truth: str | None, extracted: str | None) -> str:
    """How an extracted effective date differs from the labelled one."""
    if not truth:
        return "filled where null"
    if not extracted:
        return "missed"
    if len(truth) != len(extracted):
        names = {4: "year", 7: "month", 10: "day"}
        return f"{names.get(len(truth), '?')} vs {names.get(len(extracted), '?')}"
    if len(truth) == 10 and truth[:4] == extracted[:4]:
        gap = abs((date.fromisoformat(truth) - date.fromisoformat(extracted)).days)
        if gap <= 31:
            return "different day"
    return "different date"


def wrong_date_pairs(
    predicted: list[Mapping[str, Any]], truth: list[Mapping[str, Any]]
) -> list[tuple[Mapping[str, Any], Mapping[str, Any]]]:
    """(truth, extracted) for every truth event missed leniently whose key some extracted event has."""
    lenient = {id(t) for _, t in _pairs(predicted, truth, "lenient")}
    lenient_predicted = {id(p) for p, _ in _pairs(predicted, truth, "lenient")}
    ignored = {id(t): p for p, t in _pairs(predicted, truth, "ignored")}
    out: list[tuple[Mapping[str, Any], Mapping[str, Any]]] = []
    for row in truth:
        if id(row) in lenient:
            continue
        event = ignored.get(id(row))
        if event is None:
            same = [p for p in predicted if _key_matches(p, row) and id(p) not in lenient_predicted]
            same = same or [p for p in predicted if _key_matches(p, row)]
            if not same:
                continue
            event = same[0]
        out.append((row, event))
    return out


def taken_elsewhere(
    event: Mapping[str, Any], predicted: list[Mapping[str, Any]], truth: list[Mapping[str, Any]]
) -> bool:
    """Whether ``event`` is already the lenient match of another truth row (so the row lacks an event of its own,
    which is no date error: two rows share one group's key, or the extractor merged two steps)."""
    return any(p is event for p, _ in _pairs(predicted, truth, "lenient"))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("sets", nargs="*", default=list(DEVELOPMENT_SETS))
    parser.add_argument("--counts", action="store_true", help="only the class counts")
    args = parser.parse_args()
    for name in args.sets:
        if name not in DEVELOPMENT_SETS:
            parser.error(f"{name} is not a development set")
    index = name_index()
    counts: Counter[str] = Counter()
    per_set: Counter[str] = Counter()
    for name in args.sets:
        run = run_labelled_set(NEWS / name, index, prefix=f"{name}/")
        predicted: list[Mapping[str, Any]] = list(run.predicted)
        truth: list[Mapping[str, Any]] = list(run.truth)
        for row, event in wrong_date_pairs(predicted, truth):
            kind = date_class(row.get("effective_date"), event.get("effective_date"))
            if taken_elsewhere(event, predicted, truth):
                kind = "event matched to another row"
            counts[kind] += 1
            per_set[name] += 1
            if args.counts:
                continue
            print(f"== {row['file']} | {row['jurisdiction']} {row['organisation']} {row['action']} [{kind}]")
            print(
                f"   T eff={row.get('effective_date')} ann={row.get('announced_date')} "
                f"basis={row.get('date_basis')} primary={row.get('primary')}"
            )
            print(
                f"   E eff={event.get('effective_date')} ann={event.get('announced_date')} "
                f"basis={event.get('date_basis')} primary={event.get('primary')}"
            )
            print(f"   T evidence: {row.get('evidence')}")
            print(f"   E evidence: {event.get('evidence_quote')}")
    print("per set: " + ", ".join(f"{k} {v}" for k, v in per_set.items()))
    print(
        "classes: "
        + ", ".join(f"{k} {v}" for k, v in counts.most_common())
        + f" (total {sum(counts.values())})"
    )


if __name__ == "__main__":
    main()
