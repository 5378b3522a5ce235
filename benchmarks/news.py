"""News monitor benchmark: extraction quality on a labelled set of articles, and throughput.

    .venv/bin/python benchmarks/news.py [--set dev|dev2|PATH] [--rounds 20] [--big-mb 4]

A set is a folder of ``.txt``/``.html`` articles with ``index.jsonl`` (file, published, url,
language, optional ``distractor``) and ``truth.jsonl`` (hand-labelled events; see docs/news.md).
``--set`` takes a folder name under tests/data/news/ or any path. Prints:

* event F1 strict (jurisdiction + organisation + action + effective date), lenient (a month-level
  date matches a day inside the month) and with dates ignored;
* recall of organisations that are not in the registry (truth ``entity_id`` null);
* events extracted from distractors (articles with no truth rows);
* a confusion of failures: for each missed truth event, the field that was wrong, and extra events;
* precision / recall / F1 per field (matched on jurisdiction + organisation + action);
* articles per second on one core (cleaning and extraction, files read once), and with
  ``--big-mb`` the time for one single-line input of that many megabytes (linear time check).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import time
from pathlib import Path

from proscribe.news import extract_events, name_index, parse_article, read_article_file
from proscribe.news.labelled import read_jsonl, run_labelled_set
from proscribe.news.score import event_report, score

NEWS = Path(__file__).resolve().parent.parent / "tests" / "data" / "news"


def _set_path(value: str) -> Path:
    path = Path(value)
    return path if path.is_dir() else NEWS / value


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--set", default="dev", help="labelled folder: a name under tests/data/news/ or a path"
    )
    parser.add_argument("--rounds", type=int, default=20, help="passes over the set for timing")
    parser.add_argument(
        "--big-mb", type=float, default=0.0, help="also time one single-line input of this size"
    )
    parser.add_argument(
        "--extremist-lists",
        action="store_true",
        help="report extremist-list bans as designations and add the set's truth_extremist.jsonl to its truth",
    )
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the issue asks
    folder = _set_path(args.set)
    index = name_index()
    run = run_labelled_set(folder, index, extremist_lists=args.extremist_lists)
    paths, truth, predicted, distractors = run.paths, run.truth, run.predicted, run.distractors
    rows = read_jsonl(folder / "index.jsonl")
    print(
        f"Set {folder.name}: {len(paths)} articles ({len(distractors)} distractors), "
        f"{len(truth)} labelled events, {len(predicted)} extracted.\n"
    )
    report = event_report(predicted, truth, distractors)
    print("| events | precision | recall | F1 |")
    print("|---|---|---|---|")
    for item in (report.strict, report.lenient, report.dates_ignored):
        print(f"| {item.field} | {item.precision:.2f} | {item.recall:.2f} | {item.f1:.2f} |")
    print(
        f"\nOrganisations not in the registry found: {report.unlinked_found}/{report.unlinked_truth} "
        f"({report.unlinked_recall:.2f}). Events from distractors: {report.distractor_events}."
    )
    print("Failures: " + ", ".join(f"{reason} {count}" for reason, count in sorted(report.failures.items())))
    print("\n| field | precision | recall | F1 |")
    print("|---|---|---|---|")
    for item in score(predicted, truth):
        print(f"| {item.field} | {item.precision:.2f} | {item.recall:.2f} | {item.f1:.2f} |")
    languages = {row["file"]: row.get("language") for row in rows}
    print("\nEvents, lenient dates, by language:\n")
    print("| language | articles | precision | recall | F1 |")
    print("|---|---|---|---|---|")
    for language in ("en", "ru", "de"):
        files = {f for f, lang in languages.items() if lang == language}
        lang_report = event_report(
            [p for p in predicted if p["file"] in files], [t for t in truth if t["file"] in files], []
        ).lenient
        print(
            f"| {language} | {len(files)} | {lang_report.precision:.2f} | {lang_report.recall:.2f} | {lang_report.f1:.2f} |"
        )

    raw = [(path.name, path.read_text(encoding="utf-8"), read_article_file(path).published) for path in paths]
    # CPU time of this process as well as wall time: on a shared machine the wall clock also counts other
    # jobs' turns on the core.
    cpu_started = time.process_time()
    started = time.perf_counter()
    count = 0
    for _ in range(args.rounds):
        for name, text, published in raw:
            extract_events(parse_article(text, name, published), index)
            count += 1
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    size = sum(len(text.encode("utf-8")) for _, text, _ in raw) * args.rounds
    print(
        f"\nThroughput (text): {count / elapsed:.0f} articles/s, {size / elapsed / 1e6:.2f} MB/s on one core "
        f"({count} articles in {elapsed:.2f} s; CPU time {cpu:.2f} s = {count / cpu:.0f} articles/s)."
    )
    html_path = NEWS / "html" / "2025-12-05_ca_hts_removed.html"
    html = html_path.read_text(encoding="utf-8")
    rounds = max(1, args.rounds * 5)
    started = time.perf_counter()
    for _ in range(rounds):
        extract_events(parse_article(html, html_path.name), index)
    elapsed = time.perf_counter() - started
    print(f"Throughput (HTML, trafilatura): {rounds / elapsed:.0f} articles/s on one core.")
    if args.big_mb > 0:
        body = " ".join(text.replace("\n", " ") for _, text, _ in raw)
        target = int(args.big_mb * 1_000_000)
        big = (body * (target // max(1, len(body)) + 1))[:target]
        cpu_started = time.process_time()
        started = time.perf_counter()
        events = extract_events(parse_article(big, "big.txt", dt.date(2025, 1, 1)), index)
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        megabytes = len(big.encode("utf-8")) / 1e6
        print(
            f"One single-line input of {megabytes:.1f} MB: {elapsed:.1f} s wall, {cpu:.1f} s CPU "
            f"({megabytes / cpu:.2f} MB/s of CPU time, {len(events)} events)."
        )


if __name__ == "__main__":
    main()
