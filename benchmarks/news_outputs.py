"""Every event the news extractor reads from the development sets, as JSON lines: a guard for speed work.

    .venv/bin/python benchmarks/news_outputs.py > before.jsonl      # on the unchanged code
    .venv/bin/python benchmarks/news_outputs.py > after.jsonl       # after a change
    cmp before.jsonl after.jsonl                                     # must be identical

Covers the development sets (``DEVELOPMENT_SETS``) and tests/data/news/html, each article with and without ``extremist_lists``.
``--huge-kb N`` adds the events of the three huge single-line inputs of ``news_huge.py`` cut to N kB
(a change that only speeds extraction up must not change them either). The held-out sets (blind, dev9, dev10)
are never read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from proscribe.errors import InputError
from proscribe.news import extract_events, name_index, parse_article, read_article_file
from proscribe.news.labelled import DEVELOPMENT_SETS

sys.path.insert(0, str(Path(__file__).resolve().parent))
from news_huge import huge_input

NEWS = Path(__file__).resolve().parent.parent / "tests" / "data" / "news"
FOLDERS = (*DEVELOPMENT_SETS, "html")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--huge-kb", type=int, default=0, help="also the huge inputs cut to this many kB")
    args = parser.parse_args()
    index = name_index()
    out = sys.stdout
    for folder in FOLDERS:
        for path in sorted(p for p in (NEWS / folder).iterdir() if p.suffix in (".txt", ".html")):
            try:
                article = read_article_file(path)
            except InputError as error:  # the broken and empty pages of html/: the message is the output
                out.write(json.dumps({"set": folder, "file": path.name, "error": str(error)}) + "\n")
                continue
            for extremist in (False, True):
                for event in extract_events(article, index, extremist_lists=extremist):
                    row = {"set": folder, "extremist_lists": extremist, **event.to_json()}
                    out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    if args.huge_kb:
        for kind in ("dev", "sdn", "ru"):
            text = huge_input(kind, args.huge_kb * 1000)
            for event in extract_events(parse_article(text, f"{kind}.txt", dt.date(2025, 1, 1)), index):
                row = {"set": f"huge-{kind}", **event.to_json()}
                out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
