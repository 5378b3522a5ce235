"""Reading untrusted XML: no DTDs, no entities, no network, bounded memory.

Official lists are large XML files from outside; a hostile one could declare
entities that expand to gigabytes ("billion laughs") or fetch external
resources. We refuse any DOCTYPE outright (no official list needs one) and
parse with lxml's safe settings as a second line of defence.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from proscribe.errors import InputError

# The prolog (before the root element) is small; a DOCTYPE can only appear there.
PROLOG_LIMIT = 1 << 16


def refuse_doctype(path: Path) -> None:
    """Raise if the document declares a DTD (the door to entity expansion and external fetches)."""
    with path.open("rb") as handle:
        head = handle.read(PROLOG_LIMIT)
    position = 0
    while True:
        start = head.find(b"<", position)
        if start < 0 or start + 1 >= len(head):
            return
        following = head[start + 1 : start + 2]
        if head.startswith(b"<!DOCTYPE", start) or head.startswith(b"<!ENTITY", start):
            line = head.count(b"\n", 0, start) + 1
            raise InputError(
                "XML with a DOCTYPE/ENTITY declaration is refused (entity expansion, external fetches)",
                location=f"{path}:{line}",
            )
        if head.startswith(b"<!--", start):
            end = head.find(b"-->", start)
            position = end + 3 if end >= 0 else len(head)
        elif following in (b"?", b"!"):
            position = start + 2
        else:
            return  # the root element: the prolog is over


def iter_elements(path: Path, tags: set[str]) -> Iterator[etree._Element]:
    """Yield each completed element named in ``tags``, then free it (constant memory).

    Syntax errors (a truncated file, a wrong format) become one InputError
    naming the file, line and column.
    """
    refuse_doctype(path)
    context = etree.iterparse(
        str(path),
        events=("end",),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
    )
    try:
        for _, element in context:
            if element.tag in tags:
                yield element
                element.clear(keep_tail=False)
                parent = element.getparent()
                while parent is not None and element.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (0, 0)
        raise InputError(
            f"malformed or truncated XML: {exc.msg}", location=f"{path}:{line}:{column}"
        ) from None


def root_attributes(path: Path) -> dict[str, str]:
    """The root element's attributes, read from the start of the file only."""
    refuse_doctype(path)
    try:
        for _, element in etree.iterparse(
            str(path), events=("start",), resolve_entities=False, no_network=True, load_dtd=False
        ):
            return {str(k): str(v) for k, v in element.attrib.items()}
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (0, 0)
        raise InputError(f"malformed XML: {exc.msg}", location=f"{path}:{line}:{column}") from None
    raise InputError("empty XML document", location=str(path))
