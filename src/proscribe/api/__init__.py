"""The HTTP API: a FastAPI app over :class:`proscribe.Registry` (``proscribe serve``).

:func:`proscribe.api.app.create_app` builds the app; routes live in one module
per area, authentication and roles in :mod:`proscribe.api.auth`, request
limits in :mod:`proscribe.api.limits`. See docs/api.md.
"""
