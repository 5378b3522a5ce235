# ruff: noqa: RUF001  -- Cyrillic letters are the point of some of these sentences.
"""The shortcuts of the per-text scans (first-character gates, one anchor scan, runs read from the word split, the
name index's candidate words, day-only dates) find exactly what the plain scans find."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

from proscribe.news import dates, extra_dates, foreign_names, jurisdictions, lexicon, link, name_index
from proscribe.news.extract import split_sentences
from proscribe.news.first_chars import first_char_gate
from proscribe.news.link import EntityMention, NameIndex

NEWS = Path(__file__).parent / "data" / "news"
TEXTS = [
    p.read_text(encoding="utf-8") for name in ("dev", "dev6") for p in sorted((NEWS / name).glob("*.txt"))
]
SENTENCES = [text[a:b] for text in TEXTS for a, b in split_sentences(text)]


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def test_a_first_character_gate_finds_the_same_matches() -> None:
    patterns = [
        *(p for _, p in lexicon.JURISDICTIONS),
        *(p for _, p in lexicon.ACTION_PATTERNS),
        *(p for _, p in extra_dates._PATTERNS),
        lexicon.DEFERENCE,
        lexicon.EN_OBJECT,
        lexicon.EN_SUBJECT,
        lexicon.ORG_NOUN,
        # a scoped case-insensitive group first, an optional word first, a look-behind first
        re.compile(r"\b(?P<rel>(?i:last|this)|Anfang)\s+(?P<m>May|June)\b"),
        re.compile(r"(?:on\s+)?(?:Monday|Friday)\b", re.I),
        re.compile(r"(?<![\w.])(?:19|20)\d\d\b"),
    ]
    gated = [(p, first_char_gate(p)) for p in patterns]
    assert sum(g is not p for p, g in gated) > 20
    for pattern, gate in gated:
        if gate is not pattern:
            assert gate.pattern.startswith("(?=")
        for sentence in SENTENCES:
            assert _matches(gate, sentence) == _matches(pattern, sentence), (pattern.pattern, sentence)


def test_a_pattern_that_may_match_nothing_or_starts_anywhere_is_left_alone() -> None:
    for source in (r"(?:ab)?", r".+x", r"[^a]b", r"\bx|\by*"):
        pattern = re.compile(source)
        assert first_char_gate(pattern) is pattern
    gated = first_char_gate(re.compile(r"\bEU\b|\bUN\b"))
    assert first_char_gate(gated) is gated  # a gated pattern is not gated again


def test_day_dates_are_the_day_precise_dates_of_find_dates() -> None:
    assert dates._PATTERNS[-1][0] == "year"  # what find_day_dates relies on
    # ... and that only "ymd" and "iso" need the year digits besides "year", each with a separated-digits shape
    needing_years = {kind for kind, needs in dates._NEEDS.items() if "year_digits" in needs}
    assert needing_years == {"ymd", "iso", "year"}
    assert all(dates._NEEDS[kind] & dates._SEPARATED_DIGITS for kind in ("ymd", "iso"))
    published = dt.date(2024, 9, 5)
    shapes = [
        "DOB 1970-01-02; 12.03.2019",
        "2019-05-03 and 03.05.2019",
        "10-12 and 1.5 in 2021",
        "no 1999 1-2",
    ]
    for sentence in [
        *SENTENCES,
        *shapes,
        "el 19 de febrero de 2025, tomorrow, July 8 2019 and 2020 and Friday",
    ]:
        for anchor in (None, dt.date(2024, 3, 5)):
            expected = [d for d in dates.find_dates(sentence, published, anchor) if d.precision == "day"]
            assert dates.find_day_dates(sentence, published, anchor) == expected, sentence


def test_one_anchor_scan_finds_every_anchor_of_every_code() -> None:
    for text in [*TEXTS, "EU-European U.S. USA US- EE. UU. Home Office UN-Sicherheitsrat Россия РФ"]:
        positions = jurisdictions._anchor_positions(text)
        for code, anchors in lexicon.JURISDICTION_ANCHORS.items():
            if anchors is None:
                continue
            expected = sorted({at for anchor in anchors for at in _occurrences(text, anchor)})
            assert positions.get(code, []) == expected, code


def _occurrences(text: str, literal: str) -> list[int]:
    found: list[int] = []
    at = text.find(literal)
    while at >= 0:
        found.append(at)
        at = text.find(literal, at + 1)
    return found


def test_runs_around_a_mention_read_from_the_words_equal_the_window_scans() -> None:
    read = 0
    for text in TEXTS:
        split = jurisdictions._split_words(text)
        spans = [
            (start, end) for start, end, *_ in jurisdictions._table_mentions(split, jurisdictions._table())
        ]
        spans += [
            (split.starts[k], split.ends[min(k + 1, len(split.ends) - 1)]) for k in range(len(split.words))
        ]
        for start, end in spans:
            bounds = jurisdictions._run_bounds_from_words(split, len(text), start, end)
            if bounds is not None:
                read += 1
                assert bounds == jurisdictions._run_bounds(text, start, end), text[start:end]
    assert read > 10_000


def _find_asking_everywhere(names: NameIndex, text: str) -> list[EntityMention]:
    """NameIndex.find as it was: every word visited, the foreign-name readers asked at every capitalised word that
    starts no name and at every word whose names do not follow."""
    parts = link._WORD_SPLIT.split(text)
    written = parts[1::2]
    stems = list(map(link.stem, written))
    ends = list(itertools.accumulate(map(len, parts)))
    kinds = foreign_names.text_kinds(text, link.fold(text))
    english = link._english_words(written) if kinds[0] else {}
    tokens = link._Tokens(parts, written, stems, ends, english) if any(kinds) else None
    found: list[EntityMention] = []
    index = 0
    while index < len(stems):
        sizes = names._sizes.get(stems[index])
        hit: tuple[EntityMention, int] | None = None
        for size in sizes or ():
            key = tuple(stems[index : index + size])
            entity_id = names._names.get(key) if index + size <= len(stems) else None
            if entity_id is not None:
                start, end = ends[2 * index], ends[2 * (index + size) - 1]
                end -= 2 if text[end - 2 : end] in ("’s", "'s") else 0
                hit = (EntityMention(start, end, text[start:end], entity_id), size)
                break
        if hit is None and tokens is not None and (sizes is not None or written[index][0].isupper()):
            hit = names._foreign_at(text, tokens, index, kinds)
        if hit is not None:
            found.append(hit[0])
        index += hit[1] if hit is not None else 1
    return found


def test_the_name_index_asks_the_foreign_readers_only_where_they_can_answer() -> None:
    index = name_index()
    # A translated name whose glossary word comes two words in ("la Al Nusra Frente"), German and respelt names.
    spanish = "Hezbolá y la Al Nusra Frente."
    german = "Die Hisbollah und der Islamische Staat; Dschabhat al-Nusra."
    for text in [*TEXTS, spanish, german]:
        for piece in [text, *(text[a:b] for a, b in split_sentences(text))]:
            assert index.find(piece) == _find_asking_everywhere(index, piece)
    assert [m.text for m in index.find(spanish)] == ["Hezbolá", "Al Nusra Frente"]


DATE_SENTENCES = [
    *SENTENCES,
    "DOB 12 Jan 1970; POB Mexico City; nationality Mexico; early 2019, mid-March 2020 and a day earlier",
    "В начале 2024 года, 5 марта, ago, la veille, hier et aujourd’hui; last week, this year, Friday",
]


def test_the_date_gates_read_from_the_shared_scan_answer_as_the_gates_do() -> None:
    words = dates._gate_words()
    asked = 0
    for sentence in DATE_SENTENCES:
        lowered = sentence.lower()
        passed = words.present(lowered)
        for kind, _, _, gate in dates._plan():
            if gate.literals is not None:
                assert (kind in passed) == gate.may_match(lowered), (kind, sentence)
                asked += 1
    assert asked > 1000


def test_a_date_gate_implied_by_its_word_families_passes_wherever_they_are() -> None:
    implied = {kind for kind, _, needs, gate in dates._plan() if dates._gate_implied(needs, gate)}
    assert {"en_dmy", "en_mdy", "en_my", "last_month_name", "de_dmy"} <= implied
    assert "rel_day" not in implied and "part_year" not in implied
    checked = 0
    for sentence in DATE_SENTENCES:
        lowered = sentence.lower()
        found = dates._WORD_SETS.present(lowered)
        for kind, _, needs, gate in dates._plan():
            families = needs - {"digit", "year_digits", "digit.digit", "digit-digit"}
            if kind in implied and gate.literals is not None and families and families <= found:
                assert gate.may_match(lowered), (kind, sentence)
                checked += 1
    assert checked > 10


def _plain_entry_at(entry: jurisdictions._Entry, word: str, parts: list[str], index: int) -> bool:
    # the test as first written: every later word by its bare form, then every gap
    if entry.capitalised and not word[:1].isupper():
        return False
    size = len(entry.tokens)
    if size == 1:
        return True
    if len(parts) < 2 * (index + size) + 1:
        return False
    if any(jurisdictions._bare(parts[2 * (index + k) + 1]) != e for k, e in enumerate(entry.tokens[1:], 1)):
        return False
    return all(parts[2 * (index + k) + 2] in (" ", "-") for k in range(size - 1))


def test_table_entries_compared_by_the_bare_words_worked_out_once_are_the_same() -> None:
    table = jurisdictions._table()
    matched = 0
    for text in [
        *TEXTS,
        "the Republic of Korea, the United Arab Emirates and the Democratic Republic of the Congo's",
    ]:
        split = jurisdictions._split_words(text)
        bare_of = {word: jurisdictions._bare(word) for word in split.words}
        for index, word in enumerate(split.words):
            for entry in table.by_first.get(jurisdictions._bare(word), ()):
                plain = _plain_entry_at(entry, word, split.parts, index)
                assert jurisdictions._entry_at(entry, word, split.parts, index, bare_of) == plain, entry
                assert jurisdictions._entry_at(entry, word, split.parts, index) == plain, entry
                matched += plain
    assert matched > 100


def _plain_stem(word: str) -> str:
    value = link.fold(word)
    if any("\u0400" <= ch <= "\u04ff" for ch in value):
        for ending in link._RU_ENDINGS:
            if value.endswith(ending) and len(value) - len(ending) >= 3:
                return value[: -len(ending)]
        return value
    if len(value) > 4 and value.endswith("s") and not value.endswith("ss"):
        return value[:-1]
    return value


def test_a_stem_read_without_the_cyrillic_test_for_ascii_words_is_the_same() -> None:
    words = {w for text in TEXTS for w in link._WORD.findall(text)} | {
        "Талибана",
        "Hezbollahs",
        "Mass",
        "ёлки",
    }
    assert any(not w.isascii() for w in words)
    for word in words:
        assert link.stem(word) == _plain_stem(word), word


def test_the_foreign_name_checks_of_a_whole_text_find_what_their_plain_patterns_find() -> None:
    glossary = re.compile(
        r"\b(?:" + "|".join(f"(?:{p.pattern})" for p, _ in foreign_names._GLOSSARY) + r")\b"
    )
    german = re.compile(r"(?<![A-Za-z])(?:Sch|Dsch)[a-z]")
    assert foreign_names._ANY_GLOSSARY_WORD is not glossary and foreign_names._GERMAN_SH.pattern.startswith(
        "(?="
    )
    found = 0
    for text in [*TEXTS, "al-Scharaa, Dschabhat, Estado Islámico, État islamique, Islamischer Staat, Schura"]:
        folded = link.fold(text)
        expected = _matches(glossary, folded)
        assert _matches(foreign_names._ANY_GLOSSARY_WORD, folded) == expected
        assert _matches(foreign_names._GERMAN_SH, text) == _matches(german, text)
        found += len(expected)
    assert found > 50


def _plain_table_mentions(text: str) -> list[tuple[int, int, str, str]]:
    # every word tried against every entry its bare form starts, as first written
    table = jurisdictions._table()
    split = jurisdictions._split_words(text)
    found: list[tuple[int, int, str, str]] = []
    next_free = 0
    for index, word in enumerate(split.words):
        if index < next_free or len(word) < 2:
            continue
        folded = jurisdictions._bare(word)
        entries = table.by_first.get(folded)
        if entries is not None:
            entry = next((e for e in entries if _plain_entry_at(e, word, split.parts, index)), None)
            if entry is not None:
                last = index + len(entry.tokens) - 1
                end = split.ends[last] - (2 if split.words[last].endswith(("'s", "’s")) else 0)
                found.append((split.starts[index], end, entry.code, entry.kind))
                next_free = last + 1
                continue
        stem_mention = jurisdictions._stem_mention(word, folded, table)
        if stem_mention is not None:
            found.append((split.starts[index], split.ends[index], *stem_mention))
    return found


def test_table_mentions_found_from_the_word_pairs_are_those_of_every_entry_tried() -> None:
    table = jurisdictions._table()
    texts = [
        *TEXTS,
        " ".join(TEXTS),
        "the Republic of Korea, the United Arab Emirates, the Democratic Republic of the",
    ]
    total = 0
    for text in texts:
        expected = _plain_table_mentions(text)
        assert jurisdictions._table_mentions(jurisdictions._split_words(text), table) == expected
        total += len(expected)
    assert total > 1000
