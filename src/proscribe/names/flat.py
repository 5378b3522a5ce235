"""Read-only sequences and maps laid out flat in one buffer (a memory-mapped file), read in place.

A persisted screening index (:mod:`proscribe.screening.persisted`) is written as named *parts*,
each a run of bytes: packed numbers (:mod:`array` type codes), or UTF-8 strings with their end
offsets. Loading makes a few objects over the mapped file, whatever its size; a string, a list of
numbers or a map entry becomes a Python object only when a query reads it (and is then kept, for
the next query). So a fresh process pays for the pages its query touches, not for the whole index.

:class:`Parts` writes the parts; :class:`Layout` reads them back from a buffer. Each container
converts back to its ordinary Python form when pickled (a loaded index shipped to Spark workers).
Strings in groups (:meth:`Parts.groups`) are joined by NUL, which normalised names never hold
(:func:`proscribe.names.text.clean` removes control characters): a group holding one is refused.
"""

from __future__ import annotations

import array
import itertools
import struct
import zlib
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any, Generic, TypeVar, cast, overload

ALIGN = 8  # every part starts at a multiple of this (the widest number), so casts need no copy
SEPARATOR = "\x00"

T = TypeVar("T")
V = TypeVar("V")
PartTable = dict[str, list[int]]  # part name -> [offset, length] in the payload


def _hash(key: bytes) -> int:
    """A hash that is the same in every process (``hash()`` of a string is not)."""
    return zlib.crc32(key)


class Parts:
    """Named parts written one after another (each aligned to :data:`ALIGN`)."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.table: PartTable = {}
        self.size = 0

    def raw(self, name: str, data: bytes) -> None:
        if name in self.table:
            raise ValueError(f"part {name} written twice")
        pad = -self.size % ALIGN
        if pad:
            self.chunks.append(b"\0" * pad)
            self.size += pad
        self.table[name] = [self.size, len(data)]
        self.chunks.append(data)
        self.size += len(data)

    def numbers(self, name: str, code: str, values: Iterable[Any]) -> None:
        """Numbers packed with an :mod:`array` type code ("q" integers, "d" floats, "?" booleans)."""
        if code == "?":
            self.raw(name, bytes(bytearray(1 if value else 0 for value in values)))
        else:
            self.raw(name, array.array(code, values).tobytes())

    def strings(self, name: str, values: Iterable[str]) -> None:
        self.byte_strings(name, (value.encode("utf-8") for value in values))

    def byte_strings(self, name: str, values: Iterable[bytes]) -> None:
        ends = array.array("q", [0])
        blob = bytearray()
        for value in values:
            blob += value
            ends.append(len(blob))
        self.raw(name + ".ends", ends.tobytes())
        self.raw(name + ".blob", bytes(blob))

    def groups(self, name: str, values: Iterable[Collection[str]]) -> None:
        """Tuples or sets of strings (in their iteration order)."""
        counts = array.array("q")
        joined: list[str] = []
        for value in values:
            items = list(value)
            if any(SEPARATOR in item for item in items):
                raise ValueError(f"a string of part {name} holds NUL")
            counts.append(len(items))
            joined.append(SEPARATOR.join(items))
        self.raw(name + ".counts", counts.tobytes())
        self.strings(name + ".joined", joined)

    def number_lists(self, name: str, code: str, values: Iterable[Iterable[Any]]) -> None:
        ends = array.array("q", [0])
        flat = array.array(code)
        for value in values:
            flat.extend(value)
            ends.append(len(flat))
        self.raw(name + ".ends", ends.tobytes())
        self.raw(name + ".flat", flat.tobytes())

    def keys(self, name: str, keys: Sequence[str]) -> None:
        """The keys of a map (in its order) and an open-addressing table to find them."""
        encoded = [key.encode("utf-8") for key in keys]
        self.byte_strings(name + ".keys", encoded)
        size = 1
        while size < 2 * len(encoded) + 1:
            size *= 2
        slots = array.array("q", bytes(8 * size))  # position + 1; 0 = empty
        for position, key in enumerate(encoded):
            slot = _hash(key) & (size - 1)
            while slots[slot]:
                slot = (slot + 1) & (size - 1)
            slots[slot] = position + 1
        self.raw(name + ".slots", slots.tobytes())


class Layout:
    """The parts of a payload (``data``: the buffer, ``table``: where each part lies in it)."""

    def __init__(self, data: memoryview, table: PartTable) -> None:
        self._data = data
        self._table = table

    def raw(self, name: str) -> memoryview:
        try:
            offset, length = self._table[name]
        except (KeyError, TypeError, ValueError):
            raise ValueError(f"part {name} missing") from None
        if offset < 0 or length < 0 or offset + length > len(self._data) or offset % ALIGN:
            raise ValueError(f"part {name} out of bounds")
        return self._data[offset : offset + length]

    def numbers(self, name: str, code: str) -> memoryview[Any]:
        """A part of packed numbers as a memoryview (indexing gives Python ints, floats, bools)."""
        part = self.raw(name)
        if len(part) % struct.calcsize(code):
            raise ValueError(f"part {name} has a partial item")
        return part.cast(code)  # type: ignore[call-overload,no-any-return]

    def _ends(self, name: str, size: int) -> memoryview:
        ends = self.numbers(name, "q")
        if not len(ends) or ends[0] != 0 or ends[-1] != size:
            raise ValueError(f"part {name} does not match its data")
        return ends

    def byte_strings(self, name: str) -> ByteStrings:
        blob = self.raw(name + ".blob")
        return ByteStrings(self._ends(name + ".ends", len(blob)), blob)

    def strings(self, name: str) -> Strings:
        found = self.byte_strings(name)
        return Strings(found.ends, found.blob)

    def groups(self, name: str, make: Callable[[list[str]], T]) -> Groups[T]:
        counts = self.numbers(name + ".counts", "q")
        joined = self.strings(name + ".joined")
        if len(counts) != len(joined):
            raise ValueError(f"part {name} does not match its data")
        return Groups(counts, joined, make)

    def number_lists(self, name: str, code: str) -> NumberLists:
        flat = self.numbers(name + ".flat", code)
        return NumberLists(self._ends(name + ".ends", len(flat)), flat)

    def map(self, name: str, values: Sequence[V]) -> FlatMap[V]:
        keys = self.byte_strings(name + ".keys")
        slots = self.numbers(name + ".slots", "q")
        if len(keys) != len(values) or len(slots) <= len(keys) or len(slots) & (len(slots) - 1):
            raise ValueError(f"map {name} does not match its data")
        return FlatMap(keys, slots, values)


def materialised(value: Any) -> Any:
    """A flat sequence as a list (read at C speed by the many queries of a batch or a server); a
    memoryview (already read at C speed) or a map (each value kept once read) as it is."""
    return value.tolist() if isinstance(value, _Flat) else value


def plain(value: Any) -> Any:
    """A memoryview or a flat container as its ordinary Python form (list, dict); else ``value``."""
    if isinstance(value, memoryview):
        return value.tolist()
    if isinstance(value, _Flat):
        return value.tolist()
    if isinstance(value, FlatMap):
        return dict(value.items())
    return value


class _Flat(Sequence[T]):
    """A read-only sequence over a buffer: items made on access; pickled as a plain list."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (list, (self.tolist(),))

    def tolist(self) -> list[T]:
        """Every item, as a list."""
        return list(self)

    @overload
    def __getitem__(self, position: int) -> T: ...
    @overload
    def __getitem__(self, position: slice) -> list[T]: ...
    def __getitem__(self, position: int | slice) -> T | list[T]:
        if isinstance(position, slice):
            return [self.item(i) for i in range(*position.indices(len(self)))]
        if position < 0:
            position += len(self)
        if not 0 <= position < len(self):
            raise IndexError(position)
        return self.item(position)

    def __iter__(self) -> Iterator[T]:
        return (self.item(i) for i in range(len(self)))

    def item(self, position: int) -> T:
        raise NotImplementedError


class _Blob:
    """Strings as one blob and the offsets where each ends (``ends[0]`` is 0)."""

    def __init__(self, ends: memoryview, blob: memoryview) -> None:
        self.ends, self.blob = ends, blob

    def __len__(self) -> int:
        return len(self.ends) - 1

    def encoded(self, position: int) -> bytes:
        ends = self.ends
        return bytes(self.blob[ends[position] : ends[position + 1]])

    def equals(self, position: int, value: bytes) -> bool:
        ends = self.ends
        return self.blob[ends[position] : ends[position + 1]] == value


class ByteStrings(_Blob, _Flat[bytes]):
    def item(self, position: int) -> bytes:
        return self.encoded(position)

    def tolist(self) -> list[bytes]:
        data, ends = bytes(self.blob), self.ends.tolist()
        return [data[start:end] for start, end in itertools.pairwise(ends)]


class Strings(_Blob, _Flat[str]):
    def item(self, position: int) -> str:
        ends = self.ends
        return str(self.blob[ends[position] : ends[position + 1]], "utf-8")

    def tolist(self) -> list[str]:
        data, ends = bytes(self.blob), self.ends.tolist()
        return [str(data[start:end], "utf-8") for start, end in itertools.pairwise(ends)]


class Groups(_Flat[T]):
    """Tuples (or sets) of strings: ``make`` turns each group's list of strings into one."""

    def __init__(self, counts: memoryview, joined: Strings, make: Callable[[list[str]], T]) -> None:
        self._counts, self._joined, self._make = counts, joined, make

    def __len__(self) -> int:
        return len(self._counts)

    def item(self, position: int) -> T:
        count = self._counts[position]
        items = self._joined.item(position).split(SEPARATOR) if count else []
        if len(items) != count:
            raise ValueError(f"group {position} has {len(items)} strings, not {count}")
        return self._make(items)

    def tolist(self) -> list[T]:
        make, out = self._make, []
        for count, text in zip(self._counts.tolist(), self._joined.tolist(), strict=True):
            items = text.split(SEPARATOR) if count else []
            if len(items) != count:
                raise ValueError(f"a group has {len(items)} strings, not {count}")
            out.append(make(items))
        return out


class NumberLists(_Flat[list[Any]]):
    def __init__(self, ends: memoryview, flat: memoryview) -> None:
        self._ends, self._flat = ends, flat

    def __len__(self) -> int:
        return len(self._ends) - 1

    def item(self, position: int) -> list[Any]:
        ends = self._ends
        return cast(list[Any], self._flat[ends[position] : ends[position + 1]].tolist())

    def tolist(self) -> list[list[Any]]:
        flat, ends = self._flat.tolist(), self._ends.tolist()
        return [flat[start:end] for start, end in itertools.pairwise(ends)]


class Column(_Flat[T]):
    """A memoryview of numbers as a sequence that pickles (a memoryview does not)."""

    def __init__(self, values: memoryview) -> None:
        self._values = values

    def __len__(self) -> int:
        return len(self._values)

    def item(self, position: int) -> T:
        return cast(T, self._values[position])


class Converted(_Flat[T]):
    """``values`` each passed through ``convert`` when read."""

    def __init__(self, values: Sequence[Any], convert: Callable[[Any], T]) -> None:
        self._values, self._convert = values, convert

    def __len__(self) -> int:
        return len(self._values)

    def item(self, position: int) -> T:
        return self._convert(self._values[position])


class FlatMap(Mapping[str, V], Generic[V]):
    """A map from strings, in the order it was written; each value made (once) when first read.
    Pickled as a plain dict."""

    def __init__(self, keys: ByteStrings, slots: memoryview, values: Sequence[V]) -> None:
        self._keys, self._slots, self._values = keys, slots, values
        self._found: dict[str, V] = {}
        self._absent: set[str] = set()
        self._where: dict[str, int] | None = (
            None  # key -> position, once every key is read (:meth:`read_keys`)
        )

    def read_keys(self) -> None:
        """Every key read into a dict (for many lookups: a batch, a server); values are still made
        when first read."""
        if self._where is None:
            keys = Strings(self._keys.ends, self._keys.blob).tolist()
            self._where = dict(zip(keys, range(len(keys)), strict=True))

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (dict(self.items()),))

    def _position(self, key: str) -> int:
        """Where ``key`` is among the keys, or -1."""
        if self._where is not None:
            return self._where.get(key, -1)
        encoded = key.encode("utf-8")
        slots, keys = self._slots, self._keys
        mask = len(slots) - 1
        slot = _hash(encoded) & mask
        for _ in range(len(slots)):
            found = slots[slot]
            if not found:
                return -1
            if not 0 < found <= len(keys):
                raise ValueError(f"map slot {slot} out of bounds")
            if keys.equals(found - 1, encoded):
                return int(found) - 1
            slot = (slot + 1) & mask
        return -1

    def __getitem__(self, key: str) -> V:
        found = self._found.get(key)
        if found is None:
            if key in self._absent or not isinstance(key, str):
                raise KeyError(key)
            position = self._position(key)
            if position < 0:
                if len(self._absent) < 100_000:  # query tokens repeat across a batch
                    self._absent.add(key)
                raise KeyError(key)
            found = self._found[key] = self._values[position]
        return found

    def get(self, key: str, default: Any = None) -> Any:
        found = self._found.get(key)  # the common cases first: a key read before, or missed before
        if found is not None:
            return found
        if key in self._absent:
            return default
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        try:
            self[key]
        except KeyError:
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        keys = self._keys
        return (str(keys.encoded(i), "utf-8") for i in range(len(keys)))

    def __len__(self) -> int:
        return len(self._keys)
