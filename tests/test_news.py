# ruff: noqa: RUF001  -- Russian text and typographic quotes are real article text.
"""News monitor on real articles: the issue's acceptance examples, the labelled development set, dates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from proscribe.errors import InputError
from proscribe.news import (
    NewsEvent,
    extract_events,
    find_conflicts,
    name_index,
    parse_article,
    read_article_file,
)
from proscribe.news.clean import clean_text
from proscribe.news.dates import find_dates
from proscribe.news.score import score

DATA = Path(__file__).parent / "data" / "news"
DEV = DATA / "dev"
EXAMPLE_A = DEV / "2024-12-17_ru_duma_taliban_bill_a.txt"
EXAMPLE_B = DEV / "2024-12-17_ru_duma_taliban_bill_b.txt"
BOILERPLATE = (
    "Advertisement",
    "Scroll to continue",
    "READ ALSO",
    "Subscribe",
    "Copyright",
    "WhatsApp",
    "Copy link",
)
INDEX = name_index()


def events_of(path: Path) -> list[NewsEvent]:
    return extract_events(read_article_file(path), INDEX)


def find(events: list[NewsEvent], jurisdiction: str, action: str) -> NewsEvent:
    matches = [e for e in events if e.jurisdiction == jurisdiction and e.action == action]
    assert len(matches) == 1, (jurisdiction, action, [e.to_json() for e in events])
    return matches[0]


def test_acceptance_duma_bill_article_a() -> None:
    events = events_of(EXAMPLE_A)
    bill = find(events, "RU", "bill_passed")
    assert (bill.effective_date, bill.date_precision, bill.primary, bill.entity_id) == (
        "2024-12-17",
        "day",
        True,
        "taliban",
    )
    assert "State Duma passed a bill" in bill.evidence_quote
    review = find(events, "RU", "review_due")
    assert review.effective_date == "2024-12-20"  # "on Friday", after a Tuesday publication
    assert "Federation Council on Friday" in review.evidence_quote
    kazakhstan = find(events, "KZ", "delisted")
    assert (kazakhstan.effective_date, kazakhstan.date_precision, kazakhstan.primary) == (
        "2024",
        "year",
        False,
    )


def test_acceptance_duma_bill_article_b() -> None:
    events = events_of(EXAMPLE_B)
    assert find(events, "RU", "bill_passed").effective_date == "2024-12-17"
    designation = find(events, "RU", "designated")
    assert (designation.entity_id, designation.effective_date, designation.primary) == (
        "taliban",
        "2003",
        False,
    )
    kazakhstan = find(events, "KZ", "delisted")
    assert (kazakhstan.effective_date, kazakhstan.date_precision) == (
        "2023",
        "season",
    )  # "late 2023", not a day


def test_acceptance_kazakhstan_readings_conflict() -> None:
    conflicts, merged = find_conflicts([*events_of(EXAMPLE_A), *events_of(EXAMPLE_B)])
    kazakhstan = [c for c in conflicts if c.jurisdiction == "KZ"]
    assert len(kazakhstan) == 1
    assert kazakhstan[0].to_json() == {
        "organisation": "taliban",
        "jurisdiction": "KZ",
        "field": "effective_date",
        "values": ["2024", "2023"],
        "files": [str(EXAMPLE_A), str(EXAMPLE_B)],
    }
    # The two reports of the Duma vote agree and are merged into one.
    bills = [m for m in merged if m.action == "bill_passed"]
    assert len(bills) == 1 and len(bills[0].files) == 2


def dev_articles() -> list[Path]:
    return sorted(DEV.glob("*.txt"))


@pytest.mark.parametrize("path", dev_articles(), ids=lambda p: p.stem)
def test_evidence_is_verbatim_and_never_boilerplate(path: Path) -> None:
    article = read_article_file(path)
    for event in extract_events(article, INDEX):
        assert event.evidence_quote in article.text
        assert not any(marker in event.evidence_quote for marker in BOILERPLATE)


def test_development_set_is_large_enough_and_labelled() -> None:
    index_rows = [json.loads(line) for line in (DEV / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(index_rows) >= 40
    assert {row["language"] for row in index_rows} == {"en", "ru", "de"}
    assert all(row["url"] or "shared/examples" in row.get("source", "") for row in index_rows)
    truth = [json.loads(line) for line in (DEV / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
    labelled = {row["file"] for row in truth}
    assert len({row["file"] for row in index_rows} - labelled) >= 5  # distractors: no designation change


def test_development_set_quality_floor() -> None:
    """A regression guard, not a target: figures are in docs/benchmarks.md."""
    truth = [json.loads(line) for line in (DEV / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
    predicted = [{**e.to_json(), "file": p.name} for p in dev_articles() for e in events_of(p)]
    scores = {s.field: s for s in score(predicted, truth)}
    assert scores["event"].f1 >= 0.85
    assert scores["effective_date"].f1 >= 0.6


def test_distractors_yield_no_events() -> None:
    truth_files = {
        json.loads(line)["file"] for line in (DEV / "truth.jsonl").read_text(encoding="utf-8").splitlines()
    }
    distractors = [p for p in dev_articles() if p.name not in truth_files]
    noisy = {p.name: [e.action for e in events_of(p)] for p in distractors}
    assert sum(1 for actions in noisy.values() if actions) <= 1, noisy


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("On Tuesday, December 17, the State Duma passed a bill", "2024-12-17", [("2024-12-17", "day")]),
        ("It will be reviewed by the Federation Council on Friday.", "2024-12-17", [("2024-12-20", "day")]),
        ("Kazakhstan removed the group earlier this year.", "2024-12-17", [("2024", "year")]),
        ("Kazakhstan removed the Taliban in late 2023.", "2024-12-17", [("2023", "season")]),
        ("It happened last December.", "2024-06-03", [("2023-12", "month")]),
        ("It was announced two days ago.", "2024-06-03", [("2024-06-01", "day")]),
        ("Russia banned the Taliban in 2003.", "2025-04-18", [("2003", "year")]),
        ("In early June, Kazakhstan said", "2024-09-06", [("2024-06", "month")]),
        ("earlier this summer", "2024-09-06", [("2024", "season")]),
        ("This revocation will be effective tomorrow, July 8.", "2025-07-08", [("2025-07-08", "day")]),
        ("Административное дело было рассмотрено 4 июня.", "2020-06-05", [("2020-06-04", "day")]),
        (
            "в конце прошлого года, в декабре, Путин подписал закон",
            "2025-03-31",
            [("2024", "season"), ("2024-12", "month")],
        ),
        ("Die HTS werde ab Dienstag gestrichen.", "2025-07-07", [("2025-07-08", "day")]),
        ("Bereits am Vortag hatte der Sicherheitsrat", "2025-11-08", [("2025-11-07", "day")]),
        ("Am 6. November 2025 hat der UN-Sicherheitsrat", "2025-11-07", [("2025-11-06", "day")]),
    ],
)
def test_relative_dates_resolve_with_their_precision(
    sentence: str, published: str, expected: list[tuple[str, str]]
) -> None:
    found = find_dates(sentence, dt.date.fromisoformat(published))
    assert [(str(m.date), m.precision) for m in found] == expected
    assert all(sentence[m.start : m.end] == m.text for m in found)


def test_opinions_proposals_and_negations_are_not_events() -> None:
    article = parse_article(
        "Putin said the UN should remove the Taliban from its list of terrorist organizations.\n"
        "Russian ministries said the Taliban could be removed from the list of banned organisations.\n"
        "In Deutschland sind die Taliban zwar auch nicht verboten.\n"
        'Песков заявил, что решение об исключении "Талибана" из списка запрещенных организаций еще не принято.\n',
        "opinions.txt",
        published=dt.date(2024, 5, 27),
    )
    assert extract_events(article, INDEX) == []


def test_russian_inflected_names_link_to_entities() -> None:
    article = parse_article(
        "Верховный суд РФ признал террористической организацию «Хайят Тахрир аш-Шам» 4 июня.\n"
        "Генпрокуратура обратилась в суд с заявлением о приостановлении запрета «Движения Талибан».\n",
        "ru.txt",
        published=dt.date(2020, 6, 5),
    )
    events = extract_events(article, INDEX)
    assert [(e.jurisdiction, e.entity_id, e.action) for e in events] == [
        ("RU", "hayat-tahrir-al-sham", "designated"),
        ("RU", "taliban", "petition_filed"),
    ]
    assert events[0].effective_date == "2020-06-04"


def test_unknown_organisations_are_kept_as_text() -> None:
    article = parse_article(
        "The State Department designated Tren de Aragua, the Sinaloa Cartel and others as global terrorist organizations.\n",
        "cartels.txt",
        published=dt.date(2025, 2, 19),
    )
    events = extract_events(article, INDEX)
    assert [(e.jurisdiction, e.organisation, e.entity_id) for e in events] == [
        ("US", "Tren de Aragua", None),
        ("US", "Sinaloa Cartel", None),
    ]


def test_boilerplate_lines_are_removed_from_text() -> None:
    cleaned = clean_text(
        "Headline\n\nAdvertisement · Scroll to continue\n\nBody sentence.\n\nREAD ALSO: Other story\n\n"
        "Subscribe today and get more.\n\nBody sentence.\n"
    )
    assert cleaned == "Headline\n\nBody sentence.\n"


def test_html_article_main_text_date_and_url_come_from_the_page() -> None:
    article = read_article_file(DATA / "html" / "2025-12-05_ca_hts_removed.html")
    assert article.published == dt.date(2025, 12, 5)
    assert article.url == "https://globalnews.ca/news/11564294/canada-syria-terrorism-sponsor-list-hts/"
    for marker in (*BOILERPLATE, "Privacy", "Politics"):
        assert marker not in article.text
    events = extract_events(article, INDEX)
    assert [(e.jurisdiction, e.entity_id, e.action, e.announced_date) for e in events] == [
        ("CA", "hayat-tahrir-al-sham", "delisted", "2025-12-05")
    ]


def test_bad_articles_raise_one_line_errors_naming_the_file(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Bundesinnenministerin verbietet Verein am Donnerstag. Gr\xfc\xdfe".encode("latin-1"))
    with pytest.raises(InputError, match=r"latin1\.txt: not UTF-8 text \(byte \d+\)"):
        read_article_file(latin1, dt.date(2024, 1, 1))
    huge = tmp_path / "huge.txt"
    huge.write_text("a" * (5 * 1024 * 1024 + 1), encoding="utf-8")
    with pytest.raises(InputError, match=r"huge\.txt: file is 5,242,881 bytes"):
        read_article_file(huge, dt.date(2024, 1, 1))
    with pytest.raises(InputError, match=r"empty\.html: malformed HTML: no article text found"):
        read_article_file(DATA / "html" / "empty.html", dt.date(2024, 1, 1))
    undated = tmp_path / "undated.txt"
    undated.write_text("Canada has listed Ansarallah as a terrorist entity.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"undated\.txt: no publication date"):
        read_article_file(undated)


def test_unclosed_html_is_read_leniently() -> None:
    article = read_article_file(DATA / "html" / "broken.html", dt.date(2024, 1, 1))
    assert article.text == "Broken markup\n"
    assert extract_events(article, INDEX) == []
