"""A labelled set of news articles on disk (``tests/data/news/<set>/``), read and run through the extractor.

A set is a folder of ``.txt``/``.html`` articles with ``index.jsonl`` (file, published, url, language,
optional ``distractor``) and ``truth.jsonl`` (hand-labelled events; see docs/news.md). The benchmarks
(``benchmarks/news.py``, ``news_sets.py``, ``news_stages.py``) score sets through this one reader.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from proscribe.news.clean import read_article_file
from proscribe.news.extract import extract_events
from proscribe.news.link import NameIndex

ARTICLE_SUFFIXES = (".txt", ".html")

# The sets rules may be written on, and the ones they may not (docs/news.md, "Evaluation"): a held-out set is
# scored, never read while tuning; a set moves to development only after its one unseen score is recorded.
DEVELOPMENT_SETS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev11", "dev12")
HELD_OUT_SETS = ("blind", "dev9", "dev10")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSON-lines file, blank lines skipped."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass(frozen=True)
class LabelledRun:
    """One extractor run over a set: truth rows, extracted events (as ``NewsEvent.to_json()`` plus ``file``),
    the articles with no truth row (distractors) and the cleaned text of each article."""

    paths: list[Path]
    truth: list[dict[str, Any]]
    predicted: list[dict[str, Any]]
    distractors: list[str]
    texts: dict[str, str]


def run_labelled_set(
    folder: Path, index: NameIndex, *, extremist_lists: bool = False, prefix: str = ""
) -> LabelledRun:
    """Extract every article of ``folder`` and read its truth. With ``extremist_lists`` the extractor reports
    extremist-list bans and the set's ``truth_extremist.jsonl`` (if any) joins the truth. ``prefix`` is put
    before every file name (``"dev5/"``), so runs over several sets can be pooled."""
    paths = sorted(p for p in folder.iterdir() if p.suffix in ARTICLE_SUFFIXES)
    truth_files = [folder / "truth.jsonl"]
    if extremist_lists and (folder / "truth_extremist.jsonl").exists():
        truth_files.append(folder / "truth_extremist.jsonl")
    truth = [{**row, "file": prefix + row["file"]} for path in truth_files for row in read_jsonl(path)]
    predicted: list[dict[str, Any]] = []
    texts: dict[str, str] = {}
    for path in paths:
        article = read_article_file(path)
        texts[prefix + path.name] = article.text
        predicted += [
            {**event.to_json(), "file": prefix + path.name}
            for event in extract_events(article, index, extremist_lists=extremist_lists)
        ]
    labelled = {row["file"] for row in truth}
    distractors = [prefix + p.name for p in paths if prefix + p.name not in labelled]
    return LabelledRun(paths, truth, predicted, distractors, texts)
