"""The table of list sources, and the one library call that imports a list version by source name.

    from proscribe import Registry
    from proscribe.lists.sources import import_source

    results = import_source(Registry("registry.db"), "un", [Path("consolidated.xml")])

A source is a parser module in :mod:`proscribe.sources` with a ``parse(paths, data_date, progress,
**options)`` function returning a :class:`~proscribe.sources.base.ParsedList`. Adding a source
means writing that module and one line in :data:`SOURCES`; the CLI (`proscribe import`), the
``fetch`` command and the tests all read this table.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from proscribe.errors import InputError
from proscribe.lists.importer import ImportResult, import_list
from proscribe.registry import Registry
from proscribe.sources.base import ParsedList, Progress


@dataclass(frozen=True)
class Source:
    """One importable list format: its name on the command line, its parser module, what it is."""

    name: str
    module: str
    title: str
    # options the parser requires (ftm: whose list it is and its list id)
    requires: tuple[str, ...] = ()
    # an archive of many versions replayed in date order (one result per version)
    history: bool = False
    # several version files may be given at once; the parser's ``parse_versions`` orders them
    versions: bool = False
    # where ``proscribe fetch`` downloads the current version: file name -> official URL
    downloads: tuple[tuple[str, str], ...] = ()
    # why a source cannot be fetched from its publisher, when it cannot
    no_download: str | None = None


SOURCES: dict[str, Source] = {
    s.name: s
    for s in (
        Source(
            "un",
            "proscribe.sources.un",
            "UN Security Council Consolidated List (XML)",
            downloads=(("consolidated.xml", "https://scsanctions.un.org/resources/xml/en/consolidated.xml"),),
        ),
        Source(
            "ofac",
            "proscribe.sources.ofac",
            "US Treasury OFAC SDN list (sdn.csv, add.csv, alt.csv)",
            # the legacy CSV files carry no date: a download is dated by the day it was made
            downloads=(
                ("sdn_{day}.csv", "https://www.treasury.gov/ofac/downloads/sdn.csv"),
                ("alt.csv", "https://www.treasury.gov/ofac/downloads/alt.csv"),
                ("sdn_comments.csv", "https://www.treasury.gov/ofac/downloads/sdn_comments.csv"),
            ),
        ),
        Source(
            "eu",
            "proscribe.sources.eu",
            "EU Financial Sanctions Files (consolidated list)",
            no_download="the eu source reads the ammitto YAML transcription, not the EU's own XML",
        ),
        Source(
            "uk",
            "proscribe.sources.uk",
            "UK Sanctions List",
            no_download="the uk source reads the ammitto YAML transcription, not the UK's own XML",
        ),
        Source(
            "au",
            "proscribe.sources.au",
            "Australia DFAT Consolidated List",
            no_download="the au source reads the ammitto YAML transcription, not DFAT's spreadsheet",
        ),
        Source(
            "ca",
            "proscribe.sources.ca",
            "Canada Consolidated Autonomous Sanctions List",
            no_download="the ca source reads the ammitto YAML transcription, not Global Affairs Canada's XML",
        ),
        Source(
            "ca-sor",
            "proscribe.sources.ca_sor",
            "Canada's list of terrorist entities, Criminal Code s. 83.05 (SOR/2002-284, Justice Canada XML)",
            versions=True,
            downloads=(("SOR-2002-284.xml", "https://laws-lois.justice.gc.ca/eng/XML/SOR-2002-284.xml"),),
        ),
        Source(
            "ru-fsb",
            "proscribe.sources.ru_fsb",
            "Russia: FSB unified federal list of terrorist organisations (mirror JSON of fsb.ru/fsb/npd/terror.htm)",
            no_download="the FSB publishes an HTML page; ru-fsb reads the JSON of the ITSalt/ru-registries-mirror",
        ),
        Source(
            "ru-minjust",
            "proscribe.sources.ru_minjust",
            "Russia: Ministry of Justice list of extremist organisations (mirror JSON of minjust.gov.ru)",
            no_download="the Ministry publishes an HTML page; ru-minjust reads the JSON of the ITSalt/ru-registries-mirror",
        ),
        Source(
            "ftm",
            "proscribe.sources.ftm",
            "FollowTheMoney entities (JSON lines) of any list",
            requires=("jurisdiction", "list_id"),
            no_download="ftm is a format, not a publisher: download the FollowTheMoney file and import it",
        ),
        Source(
            "ofac-history",
            "proscribe.lists.history",
            "An archive of dated OFAC sdn.csv snapshots, replayed in date order",
            history=True,
            no_download="an archive assembled by a third party (jackdwyer/ofac-sdn-history), imported from a file",
        ),
    )
}


def source(name: str) -> Source:
    """The source called ``name``, or a one-line error listing the known ones."""
    found = SOURCES.get(name)
    if found is None:
        raise InputError(f"unknown source '{name}' (use one of: {', '.join(SOURCES)})", location="SOURCE")
    return found


def parse_source(
    name: str,
    paths: Sequence[Path],
    data_date: dt.date | None = None,
    progress: Progress | None = None,
    **options: str,
) -> ParsedList:
    """Read one version of list ``name`` from ``paths`` (nothing is written)."""
    spec = source(name)
    if spec.history:
        raise InputError(f"'{name}' is an archive of versions: use import_source", location="SOURCE")
    missing = [option for option in spec.requires if not options.get(option)]
    if missing:
        flags = " and ".join("--" + m.removesuffix("_id") for m in spec.requires)
        raise InputError(f"{name} imports need {flags}", location="--" + missing[0].removesuffix("_id"))
    module: Any = importlib.import_module(spec.module)
    extra = {option: options[option] for option in spec.requires}
    parsed: ParsedList = module.parse(list(paths), data_date, progress, **extra)
    return parsed


def import_source(
    registry: Registry,
    name: str,
    paths: Sequence[Path],
    data_date: dt.date | None = None,
    progress: Callable[[int, int | None], None] | None = None,
    *,
    allow_mass_removal: bool = False,
    **options: str,
) -> list[ImportResult]:
    """Import the version(s) of list ``name`` in ``paths``; every change becomes a sourced act.

    Returns one result per version (one for a list file, several for a history archive). Each
    version is imported in its own transaction: a bad file leaves the journal as it was. A
    version that removes more than 5 % of the previous one's entries is refused unless
    ``allow_mass_removal`` (a truncated file looks like a mass delisting).
    """
    spec = source(name)
    if spec.history:
        from proscribe.lists.history import replay

        if len(paths) != 1:
            raise InputError(f"{name} takes one .tar.xz archive", location="PATH")
        return replay(
            registry,
            Path(paths[0]),
            (lambda done, _: progress(done, None)) if progress else None,
            allow_mass_removal=allow_mass_removal,
        )
    if spec.versions and len(paths) > 1:
        if data_date is not None:
            raise InputError(
                f"--data-date applies to one version; {name} versions carry their own dates", "--data-date"
            )
        module: Any = importlib.import_module(spec.module)
        # each version in its own transaction, oldest first: a bad file stops there, earlier ones stay
        return [
            import_list(registry, parsed, allow_mass_removal=allow_mass_removal)
            for parsed in module.parse_versions(list(paths))
        ]
    parsed = parse_source(name, paths, data_date, progress, **options)
    return [import_list(registry, parsed, allow_mass_removal=allow_mass_removal)]
