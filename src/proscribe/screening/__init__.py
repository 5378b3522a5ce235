"""Screening: names -> ranked, explained matches with listings as of a date.

See docs/screening.md. Public API: :func:`screen`, :func:`screen_many`, :class:`ScreeningIndex`,
:class:`Match`, :data:`THRESHOLD`.
"""

from proscribe.names.score import THRESHOLD
from proscribe.screening.screen import ListingView, Match, ScreeningIndex, screen

__all__ = ["THRESHOLD", "ListingView", "Match", "ScreeningIndex", "screen"]
