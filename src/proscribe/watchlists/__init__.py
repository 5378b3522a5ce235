"""Watchlists: a customer's names screened again whenever the registry changes, with alerts on new matches."""

from proscribe.watchlists.store import WatchedName, Watchlists

__all__ = ["WatchedName", "Watchlists"]
