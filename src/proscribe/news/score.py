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

from anyascii import anyascii

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
    # Unlinked names are compared by word stems, so "Антивоенного комитета" matches "Антивоенный комитет";
    # a truth row may list other names the article uses for the same organisation ("MS-13").
    # Names are also compared in Latin letters, so a label written in transliteration ("AUE",
    # "Azov") matches the name as a Russian article writes it (in Cyrillic letters).
    # One name may hold the other ("Hamas" / "Hamas movement") but must make up at least half of its
    # words: "Jammu" is not "Jammu and Kashmir Ghaznavi Force", nor "Islamic State" "Islamic State West
    # Africa Province".
    said = str(predicted.get("organisation") or "")
    for form in (str, anyascii):
        got = _content_stems(form(said))
        if not got:
            return False
        for name in [truth["organisation"], *truth.get("organisation_aliases", [])]:
            expected = _content_stems(form(str(name)))
            smaller, larger = sorted((got, expected), key=len)
            if smaller and smaller <= larger and 2 * len(smaller) >= len(larger):
                return True
    return False


# Words that carry no part of a name's identity ("the", "of", "и"), left out when names are compared.
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "in",
        "and",
        "for",
        "a",
        "an",
        "on",
        "de",
        "del",
        "la",
        "le",
        "les",
        "des",
        "du",
        "el",
        "los",
        "las",
        "y",
        "et",
        "und",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "в",
        "и",
        "на",
    ]
)


def _content_stems(name: str) -> set[str]:
    return {w.stem for w in words(name) if w.stem.lower() not in _FUNCTION_WORDS}


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


def dates_compatible(predicted: str | None, truth: str | None) -> bool:
    """Equal dates, or a month-level date and a day inside that month (either way round)."""
    if predicted == truth:
        return True
    if not predicted or not truth:
        return False
    shorter, longer = sorted((predicted, truth), key=len)
    return len(shorter) == 7 and len(longer) == 10 and longer.startswith(shorter)


def _pairs(
    predicted: list[Mapping[str, Any]], truth: list[Mapping[str, Any]], date_mode: str
) -> list[tuple[Mapping[str, Any], Mapping[str, Any]]]:
    used: set[int] = set()
    pairs: list[tuple[Mapping[str, Any], Mapping[str, Any]]] = []
    # Truth rows are taken in order of how well the date agrees, so a strict pair is never lost to a loose one.
    for event in predicted:
        candidates = [
            i for i, expected in enumerate(truth) if i not in used and _key_matches(event, expected)
        ]
        if date_mode == "strict":
            candidates = [
                i for i in candidates if event.get("effective_date") == truth[i].get("effective_date")
            ]
        elif date_mode == "lenient":
            candidates = [
                i
                for i in candidates
                if dates_compatible(event.get("effective_date"), truth[i].get("effective_date"))
            ]
        if candidates:
            exact = [i for i in candidates if event.get("effective_date") == truth[i].get("effective_date")]
            chosen = (exact or candidates)[0]
            used.add(chosen)
            pairs.append((event, truth[chosen]))
    return pairs


@dataclass(frozen=True)
class EventReport:
    """Event-level figures for one labelled set (see :func:`event_report`)."""

    strict: FieldScore
    lenient: FieldScore
    dates_ignored: FieldScore
    unlinked_found: int
    unlinked_truth: int
    distractor_events: int
    failures: dict[str, int]

    @property
    def unlinked_recall(self) -> float:
        return self.unlinked_found / self.unlinked_truth if self.unlinked_truth else 0.0


def _failure(expected: Mapping[str, Any], predicted: list[Mapping[str, Any]]) -> str:
    """Which field kept a truth event from matching: the nearest extracted event of its file decides."""
    same_file = [p for p in predicted if p.get("file") == expected.get("file")]
    best: tuple[int, str] = (0, "missing")
    for event in same_file:
        agrees = {
            "jurisdiction": event.get("jurisdiction") == expected.get("jurisdiction"),
            "organisation": _org_matches(event, expected),
            "action": event.get("action") == expected.get("action"),
        }
        wrong = [field for field, ok in agrees.items() if not ok]
        if len(wrong) == 1 and best[0] < 2:
            best = (2, f"wrong {wrong[0]}")
        elif not wrong:
            best = (3, "wrong effective_date")
    return best[1]


def event_report(
    predicted: Iterable[Mapping[str, Any]],
    truth: Iterable[Mapping[str, Any]],
    distractor_files: Iterable[str],
) -> EventReport:
    """Event F1 strict (effective date equal), lenient (a month-level date matches a day in it) and with
    dates ignored; recall of organisations outside the registry; events from distractors; and, for each
    truth event missed with dates ignored, the field that was wrong."""
    predicted_list, truth_list = list(predicted), list(truth)
    figures = {}
    for mode in ("strict", "lenient", "ignored"):
        pairs = _pairs(predicted_list, truth_list, mode)
        figures[mode] = FieldScore(f"event ({mode})", len(pairs), len(predicted_list), len(truth_list))
    ignored_pairs = _pairs(predicted_list, truth_list, "ignored")
    matched_truth = {id(t) for _, t in ignored_pairs}
    unlinked = [t for t in truth_list if not t.get("entity_id") and t.get("organisation")]
    unlinked_found = sum(1 for t in unlinked if id(t) in matched_truth)
    lenient_truth = {id(t) for _, t in _pairs(predicted_list, truth_list, "lenient")}
    failures: dict[str, int] = {}
    for expected in truth_list:
        if id(expected) in lenient_truth:
            continue
        reason = (
            "wrong effective_date" if id(expected) in matched_truth else _failure(expected, predicted_list)
        )
        failures[reason] = failures.get(reason, 0) + 1
    matched_predicted = {id(p) for p, _ in ignored_pairs}
    failures["extra event"] = sum(1 for p in predicted_list if id(p) not in matched_predicted)
    distractors = set(distractor_files)
    return EventReport(
        strict=figures["strict"],
        lenient=figures["lenient"],
        dates_ignored=figures["ignored"],
        unlinked_found=unlinked_found,
        unlinked_truth=len(unlinked),
        distractor_events=sum(1 for p in predicted_list if p.get("file") in distractors),
        failures=failures,
    )
