"""News monitor: candidate designation events from articles, reviewed before they enter the journal.

>>> from proscribe.news import name_index, extract_events, parse_article
>>> import datetime as dt
>>> article = parse_article("Canada has listed Ansarallah as a terrorist entity, the minister said on Monday.",
...                         "note.txt", published=dt.date(2024, 12, 3))
>>> [(e.jurisdiction, e.entity_id, e.action, e.announced_date) for e in extract_events(article, name_index())]
[('CA', 'ansarallah', 'designated', '2024-12-02')]
"""

from __future__ import annotations

from collections.abc import Iterable

from proscribe.bundled import bundled_records
from proscribe.model import Entity
from proscribe.news.clean import Article, article_paths, parse_article, read_article_file
from proscribe.news.conflicts import Conflict, MergedReport, find_conflicts
from proscribe.news.extract import NewsEvent, extract_events
from proscribe.news.link import NameIndex


def name_index(extra: Iterable[Entity] = ()) -> NameIndex:
    """Names of the bundled entities plus ``extra`` (a registry's own entities win on shared names)."""
    return NameIndex([*extra, *bundled_records().entities])


__all__ = [
    "Article",
    "Conflict",
    "MergedReport",
    "NameIndex",
    "NewsEvent",
    "article_paths",
    "extract_events",
    "find_conflicts",
    "name_index",
    "parse_article",
    "read_article_file",
]
