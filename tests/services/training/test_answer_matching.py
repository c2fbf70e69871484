"""Phrase matching: what counts as saying an idea, predictable for persona authors."""

from __future__ import annotations

import pytest

from tcdesk.services.training.matching import first_match, fold, matches, stem, words


def test_accents_case_and_apostrophes_are_folded() -> None:
    assert fold("¿Cuánto le quedaría CÓMODO?") == "¿cuanto le quedaria comodo?"
    assert words("I don't") == words("i dont")


@pytest.mark.parametrize("form", ["worries", "worried", "worry", "Worrying"])
def test_word_forms_meet_at_one_stem(form: str) -> None:
    assert stem(fold(form)) == "worry"


@pytest.mark.parametrize(
    ("answer", "found"),
    [
        ("What part of it worries you most?", True),  # a gap of two words
        ("what part concerns you", True),  # a synonym from the phrase
        ("What part bothers you?", True),
        ("What worries you? Which part?", False),  # out of order
        ("what part of the whole big total amount worries you", False),  # too far apart
        ("", False),
    ],
)
def test_a_phrase_is_its_words_in_order_with_small_gaps(answer: str, found: bool) -> None:
    assert matches("what part worry/concern/bother you", words(answer)) is found


def test_spanish_stems_match_across_endings() -> None:
    phrase = "cuanto le quedaria/seria comodo"
    assert first_match([phrase], "¿Cuánto le quedaría cómoda para empezar?", "es") == phrase
    assert first_match([phrase], "¿Le queda bien?", "es") is None
