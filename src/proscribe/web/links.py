"""Which stored URLs may become links on a page.

Acts and sources come from record files, the API and news extraction: a ``url`` can hold
anything, ``javascript:alert(1)`` or ``data:text/html,...`` included. Escaping keeps such text
from breaking the markup but not from running when clicked, so only absolute http(s) URLs become
links; anything else is shown as text.
"""

from __future__ import annotations

import re

# The raw value is what lands in href, so it is checked as written: the scheme first, no leading
# space or control character (browsers strip those and would read what follows as the scheme).
_WEB_URL = re.compile(r"https?://[^\s/?#\\]", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def is_web_url(value: object) -> bool:
    """True for an absolute http:// or https:// URL with a host, and nothing else."""
    return isinstance(value, str) and bool(_WEB_URL.match(value)) and not _CONTROL.search(value)
