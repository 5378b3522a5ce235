"""The name lexicons, read once from ``names/data/lexicon.yaml``: the words names are folded with.

Stop words, particles, spellings, given-name variants, the one table of legal forms (with the kind of company each
makes), acronyms and organisation words in other languages are data, not code: see the comments
at the top of the YAML file. This module turns them into the frozen sets and dicts that
:mod:`proscribe.names.normalise` and :mod:`proscribe.names.score` use.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml


def _load() -> dict[str, Any]:
    text = resources.files("proscribe.names").joinpath("data/lexicon.yaml").read_text(encoding="utf-8")
    # libyaml's safe loader when PyYAML has it: ten times faster, and every process that matches
    # a name reads this file at start-up
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, Any] = yaml.load(text, Loader=loader)
    return data


_DATA = _load()

PARTICLES: frozenset[str] = frozenset(_DATA["particles"])
STOP_WORDS: frozenset[str] = frozenset(_DATA["stop_words"])
SPELLING: dict[str, str] = dict(_DATA["spelling"])
# each spelling of a given name -> the name its group is filed under ("oleksandr" -> "alexander")
GIVEN_NAMES: dict[str, str] = {
    spelling: name for name, spellings in _DATA["given_names"].items() for spelling in spellings
}

_FORMS: list[tuple[str, str]] = [(row["form"], row["kind"]) for row in _DATA["legal_forms"]]
# one-word forms are dropped as tokens ("LLC"), phrases as token sequences in the file's order
LEGAL_FORMS: frozenset[str] = frozenset(form for form, _ in _FORMS if " " not in form)
LEGAL_FORM_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    tuple(form.split()) for form, _ in _FORMS if " " in form
)
LEGAL_FORM_KINDS: dict[str, str] = {form: kind for form, kind in _FORMS if kind != "unspecified"}

GENERIC_ORG_WORDS: frozenset[str] = frozenset(_DATA["generic_org_words"])
ACRONYMS: dict[str, tuple[str, ...]] = {key: tuple(values) for key, values in _DATA["acronyms"].items()}
ORG_WORDS_ARABIC: dict[str, str] = dict(_DATA["org_words"]["arabic"])
ORG_WORDS_HEBREW: dict[str, str] = dict(_DATA["org_words"]["hebrew"])
ORG_WORDS_LATIN: dict[str, str] = {
    word: english for english, words in _DATA["org_words"]["latin"].items() for word in words
}
ORG_STEMS_CYRILLIC: tuple[tuple[str, str], ...] = tuple(
    (stem, english) for stem, english in _DATA["org_words"]["cyrillic_stems"]
)
