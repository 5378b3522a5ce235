"""The ``proscribe`` command line: ``common`` (shared options and helpers), one module per command
group (``registry``, ``lists``, ``screening``, ``news``, ``procedures``, ``service``), and ``main``
which registers them. Feature packages hold no CLI code; nothing below imports from here."""

from __future__ import annotations

from typing import Any


def main() -> None:
    """Entry point of the ``proscribe`` script (imports the command groups only when run)."""
    from proscribe.cli.main import main as run

    run()


def __getattr__(name: str) -> Any:
    if name == "app":  # `from proscribe.cli import app` for typer's test runner and docs tools
        from proscribe.cli.main import app

        return app
    raise AttributeError(name)
