"""``python -m proscribe`` runs the command-line interface."""

from proscribe.cli import main

main()
