"""Lists read by their shape (proscribe.news.listshape)."""

from __future__ import annotations

from pathlib import Path

from proscribe.news import extract_events, name_index, read_article_file
from proscribe.news.listshape import list_items

# dev12, 2024-01-09_ec_22_groups_terrorist_decree_apartadomex.txt (the sentence after the decree's count).
ECUADOR_LIST = (
    "En la lista están Águilas, ÁguilasKiller, AK47, Caballeros Oscuros, ChoneKiller, Choneros, Covicheros, "
    "Cuartel de las Feas, Cubanos, Fatales, Gánster, Kater Piler, Lagartos, Latin Kings, Lobos, Los p.27, "
    "Los Tiburones, Mafia 18, Mafia Trébol, Patrones, R7 y Tiguerones."
)


def test_spanish_list_after_short_lead_in() -> None:
    items = list_items(ECUADOR_LIST)
    assert len(items) == 22
    assert items[:4] == ["Águilas", "ÁguilasKiller", "AK47", "Caballeros Oscuros"]
    assert "Cuartel de las Feas" in items
    assert items[-2:] == ["R7", "Tiguerones"]


def test_lists_that_are_not_groups() -> None:
    # dev8-style date span and a clause with a long lead-in: no list of names.
    dated = (
        "The home ministry said several activities have been noted where NSCN (K) cadres were involved "
        "between September 28, 2020 and April 30, 2025."
    )
    assert list_items(dated) == []
    seized = (
        "Die Polizei beschlagnahmte bei den Razzien unter anderem Computer, Speichermedien, Handys, "
        "Fotokameras und Propagandamaterial."
    )
    assert list_items(seized) == []
    assert list_items("Mali, Niger, Burkina Faso and Chad.") == []
    assert list_items("They are: Hamas; Hezbollah; Al-Shabaab; Boko Haram.") == [
        "Hamas",
        "Hezbollah",
        "Al-Shabaab",
        "Boko Haram",
    ]


def test_counted_step_gives_the_list_its_events() -> None:
    # "En el texto del decreto, el Gobierno califica como “terroristas y actores no estatales beligerantes” a 22
    # organizaciones." then ECUADOR_LIST: 22 names, the count's 22 groups, designated by Ecuador.
    # The article ships in the repository (tests/data/news/dev12): a missing file is a failure, not a skip.
    path = Path(__file__).parent / "data/news/dev12/2024-01-09_ec_22_groups_terrorist_decree_apartadomex.txt"
    events = extract_events(read_article_file(path), name_index())
    listed = [e for e in events if e.evidence_quote == ECUADOR_LIST]
    assert len(listed) == 22
    caballeros = next(e for e in listed if e.organisation == "Caballeros Oscuros")
    assert (caballeros.jurisdiction, caballeros.action, caballeros.announced_date) == (
        "EC",
        "designated",
        "2024-01-09",
    )
