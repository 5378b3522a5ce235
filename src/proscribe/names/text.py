"""Raw name text made safe before anything else reads it: no control characters, bounded length."""

from __future__ import annotations

import re

# Longer inputs are cut: no real name is this long, and scoring cost grows with length.
MAX_NAME_CHARS = 500

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def clean(text: str) -> str:
    """Control characters out, whitespace collapsed, length capped: safe for any input."""
    text = _CONTROL.sub(" ", text)
    return " ".join(text.split())[:MAX_NAME_CHARS]
