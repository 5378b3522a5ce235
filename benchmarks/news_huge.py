"""News extraction on huge hostile inputs: CPU time, MB/s and peak memory of one single-line input.

    .venv/bin/python benchmarks/news_huge.py [--mb 4] [--input dev|sdn|ru|all] [--profile FILE]

Three inputs, each one line of ``--mb`` megabytes (the issue: a hostile page must not stall the monitor):

* ``dev``: the articles of tests/data/news/dev joined with spaces and repeated (as ``news.py --big-mb``);
* ``sdn``: OFAC's SDN list (``../shared/data/ofac_sdn/sdn_2024-05-03.csv``), its lines joined with spaces:
  thousands of organisation names, countries and dates, few sentence ends;
* ``ru``: the Russian articles of tests/data/news/dev6, joined and repeated.

Run on one core (affinity set as in ``news.py``); peak memory is this process's maximum resident set.
``--profile FILE`` writes a cProfile of the extraction (the name index and models load outside it).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import os
import resource
import time
from pathlib import Path

from proscribe.news import extract_events, name_index, parse_article
from proscribe.news.link import NameIndex

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT / "tests" / "data" / "news"
SDN = ROOT.parent / "shared" / "data" / "ofac_sdn" / "sdn_2024-05-03.csv"


def _articles(folder: Path, language: str | None = None) -> list[str]:
    rows = [
        json.loads(line) for line in (folder / "index.jsonl").read_text(encoding="utf-8").splitlines() if line
    ]
    names = {row["file"] for row in rows if language is None or row.get("language") == language}
    return [(folder / name).read_text(encoding="utf-8") for name in sorted(names) if name.endswith(".txt")]


def huge_input(kind: str, size: int) -> str:
    """One line of ``size`` bytes of UTF-8 built from the named source (``dev``, ``sdn`` or ``ru``)."""
    if kind == "dev":
        body = " ".join(text.replace("\n", " ") for text in _articles(NEWS / "dev"))
    elif kind == "ru":
        body = " ".join(text.replace("\n", " ") for text in _articles(NEWS / "dev6", "ru"))
    elif kind == "sdn":
        body = " ".join(SDN.read_text(encoding="utf-8", errors="replace").splitlines())
    else:
        raise ValueError(f"unknown input {kind!r}")
    encoded = body.encode("utf-8")
    return (encoded * (size // max(1, len(encoded)) + 1))[:size].decode("utf-8", errors="ignore")


def run_one(kind: str, megabytes: float, index: NameIndex, profile: str | None) -> None:
    text = huge_input(kind, int(megabytes * 1_000_000))
    article = parse_article(text, f"{kind}.txt", dt.date(2025, 1, 1))
    profiler = cProfile.Profile() if profile else None
    cpu_started = time.process_time()
    started = time.perf_counter()
    if profiler is not None:
        profiler.enable()
    events = extract_events(article, index)
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(f"{profile}.{kind}")
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    size = len(text.encode("utf-8")) / 1e6
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{kind}: one single-line input of {size:.1f} MB: {elapsed:.1f} s wall, {cpu:.1f} s CPU "
        f"({size / cpu:.2f} MB/s of CPU time, {len(events)} events); peak RSS so far {peak:.0f} MB",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mb", type=float, default=4.0, help="size of each input in megabytes")
    parser.add_argument("--input", default="all", choices=("dev", "sdn", "ru", "all"))
    parser.add_argument("--profile", default=None, help="write cProfile stats to FILE.<input>")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    index = name_index()
    # The one-off costs (the Russian tagger's models, the regex caches) are paid before the clock starts.
    extract_events(parse_article(huge_input("ru", 20_000), "warm.txt", dt.date(2025, 1, 1)), index)
    kinds = ("dev", "sdn", "ru") if args.input == "all" else (args.input,)
    for kind in kinds:
        if kind == "sdn" and not SDN.exists():
            print(f"sdn: skipped, {SDN} is absent")
            continue
        run_one(kind, args.mb, index, args.profile)


if __name__ == "__main__":
    main()
