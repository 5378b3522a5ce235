"""Jurisdictions: ISO 3166-1 alpha-2 country codes, plus UN and EU.

Unknown codes are errors, not silently accepted strings: a typo such as
``RUS`` or ``XX`` would otherwise create a listing nobody can find.
"""

from __future__ import annotations

from functools import cache

import pycountry

INTERNATIONAL = {"UN": "United Nations Security Council", "EU": "European Union"}

# Codes people type that ISO 3166-1 spells differently.
ALIASES = {"UK": "GB"}


@cache
def _iso_names() -> dict[str, str]:
    return {country.alpha_2: country.name for country in pycountry.countries}


def normalise_jurisdiction(code: str) -> str:
    """Return the canonical code for ``code`` or raise ``ValueError``.

    >>> normalise_jurisdiction("uk")
    'GB'
    """
    value = code.strip().upper()
    value = ALIASES.get(value, value)
    if value in INTERNATIONAL or value in _iso_names():
        return value
    raise ValueError(f"unknown jurisdiction '{code}' (use an ISO 3166-1 alpha-2 code, UN or EU)")


def jurisdiction_name(code: str) -> str:
    return INTERNATIONAL.get(code) or _iso_names().get(code, code)
