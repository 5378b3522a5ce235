"""Nesting depth limits for YAML and JSON, checked before the text is built into objects.

YAML and JSON builders recurse once per nesting level: libyaml's C composer crashes the process
(a segmentation fault, no error, no exit code a script can read) on a document nested 200,000
deep, the pure-Python one raises RecursionError, and so does the standard ``json`` module. No
list, record file or request needs more than a handful of levels, so we refuse anything nested
deeper than :data:`MAX_DEPTH`.

The checks are cheap where the text cannot be deep (a bound computed from counts of brackets
and leading indentation, in C) and exact otherwise: YAML is then read event by event with the
parser, which keeps its own stack and does not recurse, and stops at the first level too many;
JSON is scanned for brackets outside strings.
"""

from __future__ import annotations

import re

import yaml

from proscribe.errors import InputError

# Lists and record files nest 4-6 levels; requests fewer. 64 leaves room and stays far from any
# recursion limit (Python's default is 1,000; each YAML level costs the composer several frames).
MAX_DEPTH = 64

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPENS = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSES = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
# A line's block nesting is bounded by its indentation and the "- " / "? " indicators before its
# content (a sequence may share its parent mapping's indentation, hence two levels a column).
_DEEP_BLOCK = re.compile(rf"^[ \t?-]{{{MAX_DEPTH // 4}}}", re.MULTILINE)
_JSON_TOKENS = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _may_be_deep(text: str, limit: int) -> bool:
    """False when ``text`` cannot nest deeper than ``limit`` (a quick bound, true when unsure)."""
    flow = text.count("[") + text.count("{")
    return flow > limit // 2 or _DEEP_BLOCK.search(text) is not None or limit < MAX_DEPTH


def check_yaml_depth(text: str, location: str, first_line: int = 1, limit: int = MAX_DEPTH) -> None:
    """Raise a one-line InputError if the YAML ``text`` nests more than ``limit`` levels.

    ``location`` names the file; ``first_line`` is the line ``text`` starts at in it. Syntax
    errors are left to the real parse, which reports them with its own message.
    """
    if not _may_be_deep(text, limit):
        return
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, _OPENS):
                depth += 1
                if depth > limit:
                    line = first_line + (event.start_mark.line if event.start_mark else 0)
                    raise InputError(
                        f"YAML nested more than {limit} levels deep is refused", location=f"{location}:{line}"
                    )
            elif isinstance(event, _CLOSES):
                depth -= 1
    except yaml.YAMLError:
        return  # malformed: the parse that follows reports it


def check_json_depth(data: bytes | str, location: str, limit: int = MAX_DEPTH) -> None:
    """Raise a one-line InputError if the JSON ``data`` nests more than ``limit`` levels."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if raw.count(b"[") + raw.count(b"{") <= limit:
        return
    depth = 0
    for token in _JSON_TOKENS.finditer(raw):
        mark = token.group(0)
        if mark in (b"[", b"{"):
            depth += 1
            if depth > limit:
                line = raw.count(b"\n", 0, token.start()) + 1
                raise InputError(
                    f"JSON nested more than {limit} levels deep is refused", location=f"{location}:{line}"
                )
        elif mark in (b"]", b"}"):
            depth -= 1
