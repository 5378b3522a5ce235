"""Dates, jurisdictions and model validation."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from factories import act
from proscribe.dates import PartialDate, parse_instant
from proscribe.jurisdictions import normalise_jurisdiction
from proscribe.model import Entity, Name, detect_script
from proscribe.names import name_key


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest"),
    [
        ("2003-02-14", "day", dt.date(2003, 2, 14), dt.date(2003, 2, 14)),
        ("2003-03", "month", dt.date(2003, 3, 1), dt.date(2003, 3, 31)),
        ("2024-02", "month", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2024", "year", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ("unknown", "unknown", dt.date.min, dt.date.max),
    ],
)
def test_partial_dates_keep_their_precision(
    text: str, precision: str, earliest: dt.date, latest: dt.date
) -> None:
    value = PartialDate.parse(text)
    assert (value.precision, value.earliest, value.latest, str(value)) == (precision, earliest, latest, text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2025-02-30", "February 2025 has 28 days"),
        ("2025-13", "month 13 does not exist"),
        ("14 Feb 2003", "is not a date"),
        ("2025-2-1", "is not a date"),
    ],
)
def test_impossible_dates_are_refused_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        PartialDate.parse(text)


def test_a_bare_date_as_knowledge_time_means_the_end_of_that_day() -> None:
    assert parse_instant("2025-03-01") == dt.datetime(2025, 3, 1, 23, 59, 59, 999999, tzinfo=dt.UTC)


@pytest.mark.parametrize(("code", "expected"), [("ru", "RU"), ("UK", "GB"), ("un", "UN"), ("EU", "EU")])
def test_jurisdictions_normalise(code: str, expected: str) -> None:
    assert normalise_jurisdiction(code) == expected


@pytest.mark.parametrize("code", ["XX", "RUS", "", "U N"])
def test_unknown_jurisdictions_are_errors(code: str) -> None:
    with pytest.raises(ValueError, match="unknown jurisdiction"):
        normalise_jurisdiction(code)


def test_status_acts_need_a_list_and_reasons_only_on_delistings() -> None:
    with pytest.raises(ValidationError, match="must name its list"):
        act("x", "designated", list=None)
    with pytest.raises(ValidationError, match="'reason' applies only"):
        act("x", "designated", reason="revoked")
    with pytest.raises(ValidationError, match="at least one of decided, effective, published"):
        act("x", "designated")


def test_names_record_their_script() -> None:
    entity = Entity(
        id="hts",
        names=[
            Name(value="Хайят Тахрир аш-Шам"),
            Name(value="هيئة تحرير الشام"),
            Name(value="Hayat Tahrir al-Sham", type="primary"),
        ],
    )
    assert [n.script for n in entity.names] == ["Cyrl", "Arab", "Latn"]
    assert entity.caption == "Hayat Tahrir al-Sham"
    assert detect_script("123") is None


def test_name_keys_ignore_case_marks_and_separators_but_not_letters() -> None:
    assert name_key("Hay'at Tahrir al-Sham") == name_key("HAYAT TAHRIR AL SHAM") == "hayat tahrir al sham"
    assert name_key("Движение  Талибан") == "движение талибан"
    assert name_key("Hamas") != name_key("Hamas Trading")


def test_a_name_source_must_be_one_of_the_entity_sources() -> None:
    cited = {"url": "https://www.fsb.ru/fsb/npd/terror.htm", "retrieved": "2026-12-04"}
    entity = Entity.model_validate(
        {
            "id": "taliban",
            "names": [{"value": "Движение Талибан", "source": "https://www.fsb.ru/fsb/npd/terror.htm"}],
            "sources": [cited],
        }
    )
    assert entity.names[0].source == "https://www.fsb.ru/fsb/npd/terror.htm"
    with pytest.raises(ValidationError, match=r"names\[0\]\.source 'https://example.org/x' is not"):
        Entity.model_validate(
            {
                "id": "taliban",
                "names": [{"value": "Talibans", "source": "https://example.org/x"}],
                "sources": [cited],
            }
        )


def test_every_bundled_name_with_a_source_cites_its_entity() -> None:
    from proscribe.bundled import bundled_records

    entities = bundled_records().entities
    sourced = [(e.id, n) for e in entities for n in e.names if n.source]
    assert len(sourced) >= 90  # the multilingual names added from official lists and encyclopaedias
    scripts = {n.script for _, n in sourced}
    assert {"Arab", "Cyrl", "Hebr", "Hani", "Taml", "Latn"} <= scripts
