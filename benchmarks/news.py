"""News monitor benchmark: extraction quality on the labelled development set, and throughput.

    .venv/bin/python benchmarks/news.py [--rounds 20]

Prints precision / recall / F1 per field (tests/data/news/dev/truth.jsonl, see docs/news.md for
how an event matches) and articles per second on one core, cleaning and extraction included
(files are read once; the timed loop parses, cleans and extracts from the raw text).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from proscribe.news import extract_events, name_index, parse_article, read_article_file
from proscribe.news.score import score

DEV = Path(__file__).resolve().parent.parent / "tests" / "data" / "news" / "dev"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=20, help="passes over the development set for timing")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the issue asks
    index = name_index()
    paths = sorted(p for p in DEV.iterdir() if p.suffix in (".txt", ".html"))
    truth = [
        json.loads(line) for line in (DEV / "truth.jsonl").read_text(encoding="utf-8").splitlines() if line
    ]
    predicted = []
    for path in paths:
        for event in extract_events(read_article_file(path), index):
            predicted.append({**event.to_json(), "file": path.name})
    languages = {
        row["file"]: row["language"]
        for row in map(json.loads, (DEV / "index.jsonl").read_text(encoding="utf-8").splitlines())
    }
    print(
        f"Development set: {len(paths)} articles, {len(truth)} labelled events, {len(predicted)} extracted.\n"
    )
    print("| field | precision | recall | F1 |")
    print("|---|---|---|---|")
    for item in score(predicted, truth):
        print(f"| {item.field} | {item.precision:.2f} | {item.recall:.2f} | {item.f1:.2f} |")
    print("\nEvents (jurisdiction + organisation + action) by language:\n")
    print("| language | articles | precision | recall | F1 |")
    print("|---|---|---|---|---|")
    for language in ("en", "ru", "de"):
        files = {f for f, lang in languages.items() if lang == language}
        event_score = score(
            [p for p in predicted if p["file"] in files], [t for t in truth if t["file"] in files]
        )[0]
        print(
            f"| {language} | {len(files)} | {event_score.precision:.2f} | {event_score.recall:.2f} | {event_score.f1:.2f} |"
        )

    raw = [(path.name, path.read_text(encoding="utf-8"), read_article_file(path).published) for path in paths]
    started = time.perf_counter()
    count = 0
    for _ in range(args.rounds):
        for name, text, published in raw:
            extract_events(parse_article(text, name, published), index)
            count += 1
    elapsed = time.perf_counter() - started
    print(
        f"\nThroughput (text): {count / elapsed:.0f} articles/s on one core ({count} articles in {elapsed:.2f} s)."
    )

    html_path = DEV.parent / "html" / "2025-12-05_ca_hts_removed.html"
    html = html_path.read_text(encoding="utf-8")
    rounds = args.rounds * 10
    started = time.perf_counter()
    for _ in range(rounds):
        extract_events(parse_article(html, html_path.name), index)
    elapsed = time.perf_counter() - started
    print(f"Throughput (HTML, trafilatura): {rounds / elapsed:.0f} articles/s on one core.")


if __name__ == "__main__":
    main()
