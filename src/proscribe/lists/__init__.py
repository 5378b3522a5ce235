"""Official lists in the registry: versions, differences between them, the acts they imply, and
the linking of list entries to entities.

Parsers live in :mod:`proscribe.sources` (one per format); this package is
format-agnostic and works on :class:`proscribe.sources.base.ListEntry`.
"""
