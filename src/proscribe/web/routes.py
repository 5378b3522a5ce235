"""Web pages."""

from __future__ import annotations

from fastapi import FastAPI


def install_web(app: FastAPI) -> None:
    """Mount the web pages and their static files on ``app``."""
