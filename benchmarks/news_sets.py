"""Event F1 of the news extractor on several labelled sets, one line each, and their pooled total.

    .venv/bin/python benchmarks/news_sets.py                 # every development set
    .venv/bin/python benchmarks/news_sets.py dev5 dev6       # named sets

The default is the development sets only (dev ... dev8, dev11, dev12; dev9 and dev10 are held out): the held-out set (blind) is
scored by ``benchmarks/news.py --set blind`` once, at the end of a round, never while rules are tuned.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from proscribe.news import name_index
from proscribe.news.labelled import DEVELOPMENT_SETS, run_labelled_set
from proscribe.news.score import event_report

NEWS = Path(__file__).resolve().parent.parent / "tests" / "data" / "news"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "sets", nargs="*", default=list(DEVELOPMENT_SETS), help="set names under tests/data/news/"
    )
    args = parser.parse_args()
    index = name_index()
    pooled_predicted: list[dict[str, Any]] = []
    pooled_truth: list[dict[str, Any]] = []
    pooled_distractors: list[str] = []
    print(
        "| set | articles | events | lenient F1 | dates ignored F1 | P | R | not in registry | distractor events |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name in args.sets:
        run = run_labelled_set(NEWS / name, index, prefix=f"{name}/")
        paths, truth, predicted, distractors = run.paths, run.truth, run.predicted, run.distractors
        report = event_report(predicted, truth, distractors)
        print(
            f"| {name} | {len(paths)} | {len(truth)} | {report.lenient.f1:.2f} | {report.dates_ignored.f1:.2f} "
            f"| {report.lenient.precision:.2f} | {report.lenient.recall:.2f} "
            f"| {report.unlinked_found}/{report.unlinked_truth} | {report.distractor_events} |"
        )
        pooled_predicted += predicted
        pooled_truth += truth
        pooled_distractors += distractors
    report = event_report(pooled_predicted, pooled_truth, pooled_distractors)
    print(
        f"| **all** | | {len(pooled_truth)} | **{report.lenient.f1:.3f}** | {report.dates_ignored.f1:.3f} "
        f"| {report.lenient.precision:.2f} | {report.lenient.recall:.2f} "
        f"| {report.unlinked_found}/{report.unlinked_truth} | {report.distractor_events} |"
    )
    print("Failures: " + ", ".join(f"{reason} {count}" for reason, count in sorted(report.failures.items())))


if __name__ == "__main__":
    main()
