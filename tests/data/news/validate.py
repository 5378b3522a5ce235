"""Check a labelled news set: files, fields, dates, verbatim evidence, no URL shared with another set.

Run from anywhere: ``python tests/data/news/validate.py dev5 dev6`` (set folders under this one).
Exits 1 and prints every problem found. It reads only the JSON lines of the other sets (their
``url`` fields), never their articles, so running it does not look at blind texts. It runs no
extractor. ``tests/test_news.py`` runs it on the sets labelled in this format (dev5, dev6).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

NEWS = Path(__file__).resolve().parent
TRUTH_FIELDS = [
    "file",
    "jurisdiction",
    "organisation",
    "entity_id",
    "action",
    "effective_date",
    "announced_date",
    "date_precision",
    "primary",
    "date_basis",
    "organisation_aliases",
    "evidence",
]
ACTIONS = {
    "designated",
    "delisted",
    "suspended",
    "reinstated",
    "annulled",
    "petition_filed",
    "hearing_scheduled",
    "review_due",
    "bill_introduced",
    "bill_passed_first_reading",
    "bill_passed",
    "law_signed",
    "proposed_designation",
    "proposed_delisting",
}
# The shape an effective_date must have for each precision ("season" shows the year only).
PRECISION_SHAPE = {
    "day": r"\d{4}-\d\d-\d\d",
    "month": r"\d{4}-\d\d",
    "season": r"\d{4}",
    "year": r"\d{4}",
}
ANY_DATE = r"\d{4}(-\d\d(-\d\d)?)?"
BASES = {"explicit", "weekday", "relative", "dateline", "rule", "publication", None}


def read_jsonl(path: Path) -> list[dict[str, object]]:
    """Read one JSON object per non-blank line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def problems(name: str) -> list[str]:
    """Every problem found in the set ``name`` (a folder beside this file), as one line each."""
    folder = NEWS / name
    found: list[str] = []
    index = read_jsonl(folder / "index.jsonl")
    truth = read_jsonl(folder / "truth.jsonl")
    used_urls: set[object] = set()
    for other_set in sorted(p for p in NEWS.iterdir() if p.is_dir() and p.name != name):
        for other in sorted(other_set.glob("index*.jsonl")):
            used_urls |= {row.get("url") for row in read_jsonl(other)}
    files = {str(row["file"]) for row in index}
    distractors = {str(row["file"]) for row in index if row.get("distractor")}
    on_disk = {path.name for path in folder.glob("*.txt")}
    if len(files) != len(index):
        found.append("index.jsonl: a file is listed twice")
    if len({row["url"] for row in index}) != len(index):
        found.append("index.jsonl: a URL is listed twice")
    for name in sorted(on_disk ^ files):
        found.append(f"{name}: on disk but not in index.jsonl, or the reverse")
    for row in index:
        where = f"index.jsonl {row['file']}"
        if row["url"] in used_urls:
            found.append(f"{where}: URL already in another set")
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", str(row["published"])):
            found.append(f"{where}: published is not an ISO day")
        if not str(row["file"]).startswith(str(row["published"])):
            found.append(f"{where}: file name does not start with the publication day")
        for key in ("language", "url", "retrieved", "outlet"):
            if not row.get(key):
                found.append(f"{where}: {key} missing")
    for number, event in enumerate(truth, start=1):
        where = f"truth.jsonl line {number}"
        if list(event) != TRUTH_FIELDS:
            found.append(f"{where}: fields are {list(event)}")
            continue
        name = str(event["file"])
        if name not in files:
            found.append(f"{where}: {name} not in index.jsonl")
            continue
        if name in distractors:
            found.append(f"{where}: event in distractor {name}")
        if event["action"] not in ACTIONS:
            found.append(f"{where}: unknown action {event['action']}")
        if event["date_basis"] not in BASES:
            found.append(f"{where}: unknown date_basis {event['date_basis']}")
        precision = str(event["date_precision"])
        effective, announced = event["effective_date"], event["announced_date"]
        if precision == "unknown":
            if effective is not None:
                found.append(f"{where}: precision unknown but effective_date set")
        elif precision not in PRECISION_SHAPE:
            found.append(f"{where}: unknown precision {precision}")
        elif effective is None and announced is None:
            found.append(f"{where}: precision {precision} but no date")
        elif effective is not None and not re.fullmatch(PRECISION_SHAPE[precision], str(effective)):
            found.append(f"{where}: effective_date {effective} does not match precision {precision}")
        if announced is not None and not re.fullmatch(ANY_DATE, str(announced)):
            found.append(f"{where}: announced_date {announced} is not ISO")
        text = (folder / name).read_text(encoding="utf-8")
        if str(event["evidence"]) not in text:
            found.append(f"{where}: evidence is not a verbatim substring of {name}")
    return found


if __name__ == "__main__":
    listed = [f"{name}: {line}" for name in sys.argv[1:] for line in problems(name)]
    for line in listed:
        print(line)
    print(f"{len(listed)} problems")
    sys.exit(1 if listed else 0)
