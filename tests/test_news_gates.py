# ruff: noqa: RUF001  -- Cyrillic letters are the point of some of these sentences.
"""The speed machinery of news extraction (proscribe.news.gates) finds exactly what the plain patterns find."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from proscribe.news import dates, extra_dates, gates, lexicon, orgnames
from proscribe.news.extract import _within, split_sentences
from proscribe.news.link import EntityMention

NEWS = Path(__file__).parent / "data" / "news"


def _sentences() -> list[str]:
    texts = [
        p.read_text(encoding="utf-8") for name in ("dev", "dev6") for p in sorted((NEWS / name).glob("*.txt"))
    ]
    found = [text[a:b] for text in texts for a, b in split_sentences(text)]
    assert len(found) > 500
    return found


SENTENCES = _sentences()


def test_required_literals_are_read_off_the_pattern() -> None:
    # (The parser takes the alternatives' common "e" out: "remove" it is.)
    assert gates.required_literals(re.compile(r"\bremov(?:e|ed)\b[^.]{0,90}\bfrom\b", re.I)) == frozenset(
        {"remove"}
    )
    assert gates.required_literals(re.compile(r"(?:Designat|proscri)\w+|\bannul", re.I)) == frozenset(
        {"designat", "proscri", "annul"}
    )
    # One alternative without a literal of three letters: nothing is required.
    assert gates.required_literals(re.compile(r"banned|\d+ groups?|ab")) is None
    # A look-around consumes nothing, so the run of literals goes on across it.
    assert gates.required_literals(re.compile(r"un(?=l)lawful")) == frozenset({"unlawful"})


def test_a_gate_never_turns_away_a_sentence_its_pattern_matches() -> None:
    patterns = [p for _, p in lexicon.ACTION_PATTERNS] + [p for _, p in dates._PATTERNS]
    turned_away = 0
    for sentence in SENTENCES:
        lowered = sentence.lower()
        if not gates.gate_safe(lowered, len(sentence)):
            continue
        for pattern in patterns:
            if not gates.gate_for(pattern).may_match(lowered):
                turned_away += 1
                assert pattern.search(sentence) is None, (pattern.pattern[:60], sentence)
    assert turned_away > len(SENTENCES)  # the gates do skip most pattern runs


def test_sentences_the_lower_case_test_cannot_judge_are_not_gated() -> None:
    # "İ" lowers to two characters; the long s is an "s" to the re module; Greek has a final sigma.
    for sentence in ("İSTANBUL banned it", "the ban on the group was ſuspended", "ΟΔΟΣ was listed"):
        assert not gates.gate_safe(sentence.lower(), len(sentence))


def test_anchor_sets_find_every_group_a_substring_test_finds() -> None:
    anchors = gates.AnchorSets(lexicon.ACTION_ANCHORS)
    for sentence in SENTENCES:
        lowered = sentence.lower()
        expected = {a for a, group in lexicon.ACTION_ANCHORS.items() if lexicon.has_anchor(lowered, group)}
        assert anchors.present(lowered) == expected, sentence
    # Overlapping anchors: "delist" holds "list", "designat" starts with "design".
    groups = gates.AnchorSets({"removal": ("delist",), "listing": ("list",), "short": ("design",)})
    assert groups.present("it was delisted and designated") == {"removal", "listing", "short"}


def test_a_trie_matches_what_the_plain_alternation_matches() -> None:
    literals = ["ban", "banned", "bans", "list", "listing", "delist", "de-list", "запрет", "запрещ"]
    plain = re.compile("|".join(re.escape(w) for w in sorted(literals, key=len, reverse=True)))
    trie = re.compile(gates.trie_alternation(literals))
    for text in ("they banned it; bans, listings, de-listed", "запрещена и запретили", "no match here"):
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_cut_down_alternation_finds_the_same_matches() -> None:
    cut = 0
    for sentence in SENTENCES:
        lowered = sentence.lower()
        gated = gates.gate_safe(lowered, len(sentence))
        for _, pattern in lexicon.ACTION_PATTERNS:
            runnable = gates.alternation_for(pattern).for_sentence(lowered, gated)
            cut += runnable is not pattern
            expected = [m.span() for m in pattern.finditer(sentence)]
            assert ([] if runnable is None else [m.span() for m in runnable.finditer(sentence)]) == expected
    assert cut > len(SENTENCES)


def test_top_level_alternatives_respect_groups_and_classes() -> None:
    assert gates.top_level_alternatives(r"a|b(?:c|d)|[|)]e|\|f") == ["a", "b(?:c|d)", "[|)]e", r"\|f"]
    assert gates.top_level_alternatives(r"[]|]x|y") == ["[]|]x", "y"]
    assert gates.top_level_alternatives(r"(a|b") is None


class _CountingList(list[Any]):
    """A list that counts the elements read from it (slices count each element they copy)."""

    touched = 0

    def __getitem__(self, key: Any) -> Any:
        item = super().__getitem__(key)
        _CountingList.touched += len(item) if isinstance(key, slice) else 1
        return item


def test_mentions_per_sentence_are_found_in_linear_work() -> None:
    # 3,000 sentences with one mention each: each sentence reads its own mention (and the next one, to stop),
    # not the rest of the article's list.
    sentences = 3000
    mentions = _CountingList(EntityMention(i * 20, i * 20 + 5, "Hamas", "hamas") for i in range(sentences))
    starts = [m.start for m in mentions]
    _CountingList.touched = 0
    found = [_within(mentions, starts, i * 20, i * 20 + 20) for i in range(sentences)]
    assert all(len(f) == 1 and f[0].start == 0 for f in found)
    assert _CountingList.touched <= 2 * sentences


@pytest.mark.parametrize(
    "text", ["Russland nimmt die Taliban von der Terrorliste.", "Суд признал «Колумбайн» террористическим."]
)
def test_date_word_lists_are_found_as_substrings(text: str) -> None:
    lowered = text.lower()
    groups = {"romance": extra_dates.ROMANCE_WORDS, "date": dates._DATE_WORDS, **dates._FAMILIES}
    expected = {g for g, words in groups.items() if any(w in lowered for w in words)}
    assert dates._WORD_SETS.present(lowered) == expected


def test_cut_down_patterns_compiled_per_pattern_are_bounded() -> None:
    # A crafted text could ask for a new combination of alternatives in every sentence: past the bound the
    # whole pattern runs (as before the cut), and the matches stay the same.
    words = [f"zq{chr(97 + i)}word" for i in range(10)]
    pattern = re.compile("|".join(rf"\b{w}\b" for w in words))
    alternation = gates.Alternation(pattern)
    whole = 0
    for combination in range(1, 2 ** len(words)):
        sentence = " ".join(w for i, w in enumerate(words) if combination >> i & 1)
        runnable = alternation.for_sentence(sentence.lower(), True)
        assert runnable is not None
        whole += runnable is pattern
        assert [m.span() for m in runnable.finditer(sentence)] == [
            m.span() for m in pattern.finditer(sentence)
        ]
    assert len(alternation._compiled) == gates.MAX_CUT_PATTERNS
    assert whole == 2 ** len(words) - 1 - gates.MAX_CUT_PATTERNS  # every later combination, and all ten


def test_a_pattern_family_finds_what_each_pattern_finds() -> None:
    # One scan for all the action patterns: each runnable finds the whole pattern's matches, and None only
    # where the whole pattern finds nothing.
    patterns = [p for _, p in lexicon.ACTION_PATTERNS]
    family = gates.PatternFamily(patterns)
    skipped = 0
    for sentence in SENTENCES:
        lowered = sentence.lower()
        scanned = family.scan(lowered, gates.gate_safe(lowered, len(sentence)))
        for number, pattern in enumerate(patterns):
            runnable = family.runnable(number, scanned)
            expected = [m.span() for m in pattern.finditer(sentence)]
            if runnable is None:
                skipped += 1
                assert expected == [], (pattern.pattern[:60], sentence)
            else:
                assert [m.span() for m in runnable.finditer(sentence)] == expected
    assert skipped > len(SENTENCES)  # most patterns are never run on most sentences


def test_sentence_tests_answer_as_the_patterns_do_on_any_part_of_the_sentence() -> None:
    # The hedge test searches a window before the verb with the pattern cut down for the whole sentence.
    patterns = [lexicon.NON_EVENT, lexicon.NEGATION_AFTER, lexicon.STANDING_STATUS, lexicon.CONTINUATION]
    for sentence in SENTENCES[:400]:
        tests = gates.SentenceTests(sentence)
        for pattern in patterns:
            assert tests.search(pattern) == (pattern.search(sentence) is not None)
            runnable = tests.runnable(pattern)
            for start in range(0, len(sentence), 37):
                window = sentence[start : start + 70]
                found = runnable.search(window) if runnable is not None else None
                assert (found.span() if found else None) == (
                    m.span() if (m := pattern.search(window)) else None
                )


def test_the_last_sentence_tests_are_kept_for_an_equal_sentence_only() -> None:
    first = gates.tests_for("The group was banned on Tuesday.")
    assert gates.tests_for("The group was banned on Tuesday.") is first  # equal text: the same memo
    other = gates.tests_for("The group was not banned.")
    assert other is not first and other.sentence == "The group was not banned."


def test_acronym_names_search_only_before_brackets_and_find_what_the_pattern_finds() -> None:
    # The pattern runs only on the stretch of name characters before each acronym's bracket (see
    # orgnames._acronym_name_matches); a sanctions-list line full of brackets and commas, and names across tabs,
    # dashes and "de la", find the same matches as the pattern tried at every position.
    crafted = [
        "BANCO DE LA REPUBLICA (BR), Calle 1 (Bogota), Colombia; Front de Libération du Macina (FLM) [SDGT]",
        "the Islamic State of Iraq and Syria - Democratic Republic of the Congo (ISIS-DRC) and Ansar al-Sharia (AAS)",
        "Mara Salvatrucha (MS-13), Tren de Aragua (TdA);\tAl-Qard Al-Hassan (AQAH) (a.k.a. Al Qard) (Lebanon)",
        "Islamische Zentrum Hamburg (IZH) e.V., Nancy Faeser (SPD), Русская Община Крыма (РОК) (ЛНР)",
    ]
    texts = [*SENTENCES, *crafted, " ".join(SENTENCES[:300])]
    found = 0
    for text in texts:
        expected = [(m.span(), m.group("name")) for m in orgnames.ACRONYM_NAME.finditer(text)]
        assert [(m.span(), m.group("name")) for m in orgnames._acronym_name_matches(text)] == expected, text
        found += len(expected)
    assert found > 50


def test_sentence_tests_answer_each_pattern_object_for_itself() -> None:
    # The memos are keyed by the pattern object's id (a compiled pattern's hash reads its whole code): equal
    # patterns compiled apart, and a pattern built after another was dropped, get their own answers.
    tests = gates.SentenceTests("The group was banned on Tuesday.")
    assert tests.search(re.compile("banned on")) is True
    assert tests.search(re.compile("banned on", re.I)) is True
    assert tests.search(re.compile("was lifted")) is False
    assert tests.search(re.compile("Tuesday")) is True
    for word in ("zzq", "group", "yyq", "Tuesday"):
        pattern = re.compile(rf"\b{word}\b(?:x)?")
        assert tests.search(pattern) == (word in tests.sentence)
        assert (tests.runnable(pattern) is not None) == (word in tests.sentence)
    assert gates.gate_for(lexicon.NON_EVENT) is gates.gate_for(lexicon.NON_EVENT)


def test_a_patterns_tail_is_a_necessary_condition_of_it() -> None:
    # _unknown_orgs runs EN_SUBJECT only where its auxiliary-and-verb tail is found (news.gates.tail_from); if the
    # rule is rewritten so that the tail no longer splits off, the gate is None (the whole pattern runs) and this
    # test says so.
    tail = gates.tail_from(lexicon.EN_SUBJECT, "(?:was|were|is|are|has|have|had|will)")
    assert tail is not None
    turned_away = 0
    for sentence in [
        *SENTENCES,
        "Hizbul Mujahideen has also been listed",
        "A group called A or NS131, which was banned",
    ]:
        if tail.search(sentence) is None:
            turned_away += 1
            assert lexicon.EN_SUBJECT.search(sentence) is None, sentence
    assert turned_away > len(SENTENCES) // 2
    # The source must split into two whole parts in sequence.
    assert gates.tail_from(re.compile(r"a|b(?:was)x"), "(?:was") is None  # a top-level alternation
    assert gates.tail_from(re.compile(r"(a(?:was)x)"), "(?:was") is None  # inside a group
    assert gates.tail_from(re.compile(r"(a)(?:was)\1"), "(?:was") is None  # the tail needs the head's group
    assert gates.tail_from(re.compile(r"[(?:was]x"), "(?:was") is None  # inside a class
    split = gates.tail_from(re.compile(r"(a)\s+(?:was)x", re.I), "(?:was")
    assert split is not None and split.pattern == "(?:was)x" and split.flags & re.I
