"""Scoring extracted events against a hand-labelled truth file (precision, recall, F1 per field).

An extracted event *matches* a truth event of the same file when jurisdiction, action and
organisation agree (the organisation by entity id when the truth has one, else by folded name,
and either way when the truth names none). Per field, a matched pair counts as correct when the
field agrees: precision = correct / extracted, recall = correct / truth.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from proscribe.news.link import words

FIELDS = (
    "event",
    "jurisdiction",
    "organisation",
    "action",
    "effective_date",
    "announced_date",
    "date_precision",
    "primary",
)


@dataclass(frozen=True)
class FieldScore:
    field: str
    correct: int
    extracted: int
    truth: int

    @property
    def precision(self) -> float:
        return self.correct / self.extracted if self.extracted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.truth if self.truth else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _org_matches(predicted: Mapping[str, Any], truth: Mapping[str, Any]) -> bool:
    if truth.get("entity_id"):
        return bool(predicted.get("entity_id") == truth["entity_id"])
    if not truth.get("organisation"):
        return True
    # Unlinked names are compared by word stems, so "Антивоенного комитета" matches "Антивоенный комитет".
    expected = {w.stem for w in words(str(truth["organisation"]))}
    got = {w.stem for w in words(str(predicted.get("organisation") or ""))}
    return bool(got) and (got <= expected or expected <= got)


def _key_matches(predicted: Mapping[str, Any], truth: Mapping[str, Any]) -> bool:
    return (
        predicted.get("file") == truth.get("file")
        and predicted.get("jurisdiction") == truth.get("jurisdiction")
        and predicted.get("action") == truth.get("action")
        and _org_matches(predicted, truth)
    )


def match_events(
    predicted: list[Mapping[str, Any]], truth: list[Mapping[str, Any]]
) -> list[tuple[Mapping[str, Any], Mapping[str, Any]]]:
    """Greedy one-to-one pairs of extracted and truth events with the same key."""
    used: set[int] = set()
    pairs: list[tuple[Mapping[str, Any], Mapping[str, Any]]] = []
    for event in predicted:
        for index, expected in enumerate(truth):
            if index not in used and _key_matches(event, expected):
                used.add(index)
                pairs.append((event, expected))
                break
    return pairs


def score(predicted: Iterable[Mapping[str, Any]], truth: Iterable[Mapping[str, Any]]) -> list[FieldScore]:
    predicted_list, truth_list = list(predicted), list(truth)
    pairs = match_events(predicted_list, truth_list)
    scores = []
    for field in FIELDS:
        if field in ("event", "jurisdiction", "organisation", "action"):
            correct = len(pairs)
        elif field == "primary":
            correct = sum(1 for p, t in pairs if bool(p.get("primary")) == bool(t.get("primary")))
        else:
            correct = sum(1 for p, t in pairs if p.get(field) == t.get(field))
        scores.append(FieldScore(field, correct, len(predicted_list), len(truth_list)))
    # Jurisdiction, organisation and action are also scored on their own, matching on the other two.
    for field in ("jurisdiction", "organisation", "action"):
        loose = _loose_correct(predicted_list, truth_list, field)
        scores[FIELDS.index(field)] = FieldScore(field, loose, len(predicted_list), len(truth_list))
    return scores


def _loose_correct(predicted: list[Mapping[str, Any]], truth: list[Mapping[str, Any]], field: str) -> int:
    """Pairs that agree on file and on the key fields other than ``field``, counted where ``field`` agrees too."""
    others = [f for f in ("jurisdiction", "organisation", "action") if f != field]
    used: set[int] = set()
    correct = 0
    for event in predicted:
        for index, expected in enumerate(truth):
            if index in used or event.get("file") != expected.get("file"):
                continue
            same = all(
                _org_matches(event, expected) if f == "organisation" else event.get(f) == expected.get(f)
                for f in others
            )
            if not same:
                continue
            used.add(index)
            field_ok = (
                _org_matches(event, expected)
                if field == "organisation"
                else event.get(field) == expected.get(field)
            )
            correct += int(field_ok)
            break
    return correct
