"""Flat parts (:mod:`proscribe.names.flat`), as the persisted screening index lays out its columns
and maps: read back in place they equal what was written, pickle as plain lists and dicts, and a
damaged layout is refused (ValueError), not misread."""

from __future__ import annotations

import pickle

import pytest

from proscribe.names import flat

KEYS = [
    "t:hayat",
    "s:hyt",
    "p:tahr",
    "x:sham",
    "t:",
    "t:\u1e25ay\u02bcat",
    "t:талибан",
    "t:hayattahriralsham",
]


def _layout(parts: flat.Parts) -> flat.Layout:
    data = b"".join(parts.chunks)
    assert len(data) == parts.size
    return flat.Layout(memoryview(data), parts.table)


def test_columns_and_groups_read_back_as_written() -> None:
    parts = flat.Parts()
    strings = ["Hay'at Tahrir al-Sham", "", "هيئة تحرير الشام", "Талибан"]
    groups = [("hayat", "tahrir", "sham"), (), ("",), ("a", "")]
    sets = [frozenset({"hts", "~hts"}), frozenset()]
    parts.strings("text", strings)
    parts.byte_strings("bytes", [s.encode() for s in strings])
    parts.groups("tuples", groups)
    parts.groups("sets", sets)
    parts.numbers("ints", "q", [0, -1, 2**40])
    parts.numbers("floats", "d", [0.1, 1.0 / 3, 2.718281828459045])
    parts.numbers("flags", "?", [True, False, True])
    parts.number_lists("lists", "d", [[0.5, 1.25], [], [3.0]])
    layout = _layout(parts)
    assert list(layout.strings("text")) == strings
    assert list(layout.byte_strings("bytes")) == [s.encode() for s in strings]
    assert list(layout.groups("tuples", tuple)) == groups
    assert list(layout.groups("sets", frozenset)) == sets
    assert layout.numbers("ints", "q").tolist() == [0, -1, 2**40]
    assert layout.numbers("floats", "d").tolist() == [0.1, 1.0 / 3, 2.718281828459045]  # the same floats
    assert layout.numbers("flags", "?").tolist() == [True, False, True]
    text = layout.strings("text")
    assert text[-1] == "Талибан" and text[1:3] == strings[1:3]
    with pytest.raises(IndexError):
        text[len(strings)]
    lists = layout.number_lists("lists", "d")
    assert list(lists) == [[0.5, 1.25], [], [3.0]]
    assert pickle.loads(pickle.dumps(lists)) == [[0.5, 1.25], [], [3.0]]
    assert type(pickle.loads(pickle.dumps(text))) is list


def test_a_map_finds_every_key_keeps_its_order_and_pickles_as_a_dict() -> None:
    parts = flat.Parts()
    values = [[i, i + 1] for i in range(len(KEYS))]
    parts.keys("postings", KEYS)
    parts.number_lists("postings", "i", values)
    found = _layout(parts).map("postings", _layout(parts).number_lists("postings", "i"))
    assert list(found) == KEYS and len(found) == len(KEYS)
    assert [found[key] for key in KEYS] == values
    assert all(key in found for key in KEYS)
    for absent in ("t:hayat ", "t:haya", "", "t:talib", "x"):
        assert absent not in found and found.get(absent) is None
        with pytest.raises(KeyError):
            found[absent]
    assert 3 not in found  # type: ignore[comparison-overlap]
    assert dict(found.items()) == dict(zip(KEYS, values, strict=True))
    assert pickle.loads(pickle.dumps(found)) == dict(zip(KEYS, values, strict=True))


def test_a_large_map_with_colliding_slots_finds_every_key() -> None:
    keys = [f"t:{i:x}" for i in range(5000)]
    parts = flat.Parts()
    parts.keys("weights", keys)
    parts.numbers("weights", "d", [i / 7 for i in range(len(keys))])
    layout = _layout(parts)
    found = layout.map("weights", layout.numbers("weights", "d"))
    assert all(found[key] == i / 7 for i, key in enumerate(keys))
    assert "t:-1" not in found


def test_a_string_holding_the_separator_is_refused() -> None:
    with pytest.raises(ValueError, match="NUL"):
        flat.Parts().groups("tokens", [("a\x00b",)])


def test_a_damaged_layout_is_refused() -> None:
    parts = flat.Parts()
    parts.strings("text", ["abc", "de"])
    parts.groups("tokens", [("a", "b")])
    parts.numbers("floats", "d", [1.0, 2.0])
    data = memoryview(b"".join(parts.chunks))
    table = {name: list(where) for name, where in parts.table.items()}
    with pytest.raises(ValueError, match="missing"):
        flat.Layout(data, table).strings("other")
    beyond = {**table, "floats": [table["floats"][0], len(data)]}
    with pytest.raises(ValueError, match="out of bounds"):
        flat.Layout(data, beyond).numbers("floats", "d")
    partial = {**table, "floats": [table["floats"][0], 12]}
    with pytest.raises(ValueError, match="partial"):
        flat.Layout(data, partial).numbers("floats", "d")
    short_blob = {**table, "text.blob": [table["text.blob"][0], 4]}
    with pytest.raises(ValueError, match="does not match"):
        flat.Layout(data, short_blob).strings("text")
    damaged = bytearray(data)
    offset = table["tokens.joined.blob"][0]
    damaged[offset + 1] = ord(",")  # "a\x00b" -> "a,b": one string where two were counted
    with pytest.raises(ValueError, match="not 2"):
        flat.Layout(memoryview(bytes(damaged)), table).groups("tokens", tuple)[0]
