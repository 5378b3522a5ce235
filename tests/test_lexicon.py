"""The name lexicons are data (names/data/lexicon.yaml): one table of legal forms, read as the code needs."""

from __future__ import annotations

from proscribe.names import lexicon
from proscribe.names.normalise import normalise
from proscribe.names.score import compare_names


def test_one_legal_forms_table_gives_tokens_phrases_and_kinds() -> None:
    rows = lexicon._DATA["legal_forms"]
    forms = [row["form"] for row in rows]
    assert len(forms) == len(set(forms)), "a legal form is listed twice"
    assert {row["kind"] for row in rows} <= {"limited liability", "stock", "partnership", "unspecified"}
    assert "llc" in lexicon.LEGAL_FORMS and ("limited", "liability", "company") in lexicon.LEGAL_FORM_PHRASES
    assert lexicon.LEGAL_FORM_KINDS["gmbh"] == lexicon.LEGAL_FORM_KINDS["limited liability company"]
    assert "company" not in lexicon.LEGAL_FORM_KINDS  # says nothing of the kind of company


def test_lexicon_entries_are_in_normalised_form() -> None:
    for acronym, expansions in lexicon.ACRONYMS.items():
        assert normalise(acronym).tokens == (acronym,)
        for expansion in expansions:
            assert " ".join(normalise(expansion).tokens) or expansion  # every expansion folds to words
            assert expansion == expansion.lower()
    assert all(word == word.lower() for word in lexicon.ORG_WORDS_LATIN)


def test_the_lexicon_shapes_scores() -> None:
    # legal forms of different kinds make two legal persons; a dropped stop word changes nothing
    same_kind = compare_names(
        "Deutsche Bank AG", "Deutsche Bank Aktiengesellschaft", kind="organisation"
    ).score
    other_kind = compare_names("Deutsche Bank AG", "Deutsche Bank GmbH", kind="organisation").score
    assert same_kind > other_kind
    assert normalise("The Base").tokens == normalise("Base").tokens
