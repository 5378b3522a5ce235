"""Per-article listing of a labelled news set: truth rows (T) beside extracted events (E).

PYTHONPATH=src .venv/bin/python benchmarks/dev5diag.py tests/data/news/dev5
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from proscribe.news import extract_events, name_index, read_article_file


def main(folder: Path) -> None:
    truth = [json.loads(line) for line in (folder / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
    index = name_index()
    for path in sorted(folder.glob("*.txt")):
        events = extract_events(read_article_file(path), index)
        rows = [t for t in truth if t["file"] == path.name]
        print(f"== {path.name}: truth {len(rows)} extracted {len(events)}")
        for row in rows:
            print(
                "   T",
                row["jurisdiction"],
                row["organisation"],
                row["action"],
                row["effective_date"],
                row["primary"],
            )
        for event in events:
            print(
                "   E",
                event.jurisdiction,
                event.organisation,
                event.action,
                event.effective_date,
                event.primary,
            )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
