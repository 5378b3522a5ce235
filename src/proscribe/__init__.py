"""proscribe: a bitemporal, sourced registry of terrorist designations and delistings.

The public API::

    from proscribe import Registry
    registry = Registry()                      # ./proscribe.db, or $PROSCRIBE_DB
    registry.load_bundled()
    registry.status_as_of("Taliban", "RU", date(2025, 5, 1)).status   # Status.SUSPENDED
"""

from proscribe.dates import PartialDate
from proscribe.errors import AmbiguousName, InputError, IntegrityError, NotFound, ProscribeError
from proscribe.model import Act, Action, Confidence, Entity, Name, Source
from proscribe.registry import Registry
from proscribe.views import Status, StatusResult

__all__ = [
    "Act",
    "Action",
    "AmbiguousName",
    "Confidence",
    "Entity",
    "InputError",
    "IntegrityError",
    "Name",
    "NotFound",
    "PartialDate",
    "ProscribeError",
    "Registry",
    "Source",
    "Status",
    "StatusResult",
]

__version__ = "0.1.0"
