"""Every step in Spanish, for every sample family and the demo's consults: no English
word of the template text is left on a slide, and the figures are the English ones."""

from __future__ import annotations

import pytest
from babel import Locale

from tcdesk.flows import facts_from_context
from tcdesk.paths import flows_dir
from tcdesk.render import sample_contexts
from tcdesk.render.slide import SlideKind
from tcdesk.services.consult_room import ConsultRoom, PresentationKit
from tcdesk.services.demo_data import OPTION_TEXT
from tests.render.english_words import (
    english_template_words,
    family_words,
    language_words,
    strings_words,
)

ZOE = "3bf25559-c9cf-559c-9639-5da37ae56471"  # insured teen
MING = "43a1ffcf-1ca7-520f-8480-b47bb4c1d0d1"  # 8, no insurance


@pytest.fixture(scope="module")
def kit() -> PresentationKit:
    return PresentationKit.load()


@pytest.fixture(scope="module")
def english_only(kit: PresentationKit) -> set[str]:
    options = [text for pair in OPTION_TEXT.values() for text in pair]
    english = english_template_words(kit.flows.values(), options)
    # babel's Spanish month names ("may 2027" is Spanish too)
    months = {
        name.casefold()
        for width in ("abbreviated", "wide")
        for name in Locale.parse("es_US").months["format"][width].values()
    }
    return english - language_words(flows_dir() / "lang" / "es") - months


def test_the_word_list_catches_english(kit, english_only) -> None:
    """The check can fail: the English deck is full of these words."""
    context = sample_contexts(kit.content)["teen"]
    flow = kit.flows["teen_comprehensive"]
    deck = kit.renderer.render_deck(flow.applicable_steps(facts_from_context(context)), context)
    left = strings_words(deck) - family_words(context)
    assert len(left & english_only) > 60


@pytest.mark.parametrize("sample", ["teen", "adult", "child", "bare"])
def test_every_spanish_step_has_no_english_word_left(kit, english_only, sample) -> None:
    spanish = kit.language("es")
    context = spanish.localize(sample_contexts(kit.content)[sample])
    renderer = kit.renderer_for("es")
    for flow in kit.flows_in("es").values():
        steps = flow.applicable_steps(facts_from_context(context))
        for step, slide in zip(steps, renderer.render_deck(steps, context), strict=True):
            left = (strings_words(slide) - family_words(context)) & english_only
            assert not left, f"{flow.id} {step.id} ({sample}): {sorted(left)}"


@pytest.mark.parametrize("consult", [ZOE, MING])
def test_a_demo_consult_in_spanish_has_no_english_word_and_the_same_figures(
    demo_desk, kit, english_only, consult
) -> None:
    room = ConsultRoom(demo_desk, consult, kit, record=False, language="es")
    for slide in [*room.slides, room.welcome]:
        left = (strings_words(slide) - family_words(room.context)) & english_only
        assert not left, f"{slide.title}: {sorted(left)}"
    english = room.deck_in("en")
    for mine, theirs in zip(room.slides, english, strict=True):
        if mine.kind in (SlideKind.INVESTMENT, SlideKind.PAYMENT):
            assert _figures(mine) == _figures(theirs)


def _figures(slide) -> list[str]:
    """The dollar amounts on a slide, in order."""
    import re

    return re.findall(r"\$[\d,]+(?:\.\d\d)?", repr(slide))
