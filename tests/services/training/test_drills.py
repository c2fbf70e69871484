"""The drill deck in the training file: spacing by the answers kept, the weak and due first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tcdesk.errors import UserError
from tcdesk.services.training.drill_schedule import SLOW_SECONDS
from tcdesk.services.training.drills import (
    PersonaLine,
    builtin_cards,
    card_states,
    cards_from,
    deck,
    next_cards,
    next_due_at,
    persona_lines,
    review,
)
from tcdesk.services.training.objections import PATTERNS, TrainingObjection
from tests.training_seed import DOCTOR, JESSICA, KELSEY, staff_id

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
COST, WAIT, SCHEDULE = (
    TrainingObjection.COST,
    TrainingObjection.WAIT,
    TrainingObjection.SCHEDULE,
)


def _card(objection: TrainingObjection):
    return next(c for c in builtin_cards() if c.objection is objection)


def test_the_built_in_deck_is_the_ten_objections_with_their_patterns() -> None:
    cards = builtin_cards()
    assert [c.objection for c in cards] == list(PATTERNS)
    assert len({c.key for c in cards}) == 10
    cost = _card(COST)
    assert (cost.line, cost.model_answer) == (PATTERNS[COST].label, PATTERNS[COST].what_works)


def test_personas_add_one_card_per_objection_they_raise() -> None:
    lines = [
        PersonaLine("maya_teen", "cost", "$6,000? For teeth?", "Tie it to her goal..."),
        PersonaLine("maya_teen", COST, "Still too much.", "ignored: the same card"),
        PersonaLine("maya_teen", "wait", "Can't we wait a year?", "Growth window..."),
        PersonaLine("ortiz_adult", "cost", "Es mucho dinero.", "La mensualidad..."),
    ]
    cards = cards_from(lines)
    assert [(c.persona, c.objection, c.line) for c in cards] == [
        ("maya_teen", COST, "$6,000? For teeth?"),
        ("maya_teen", WAIT, "Can't we wait a year?"),
        ("ortiz_adult", COST, "Es mucho dinero."),
    ]
    assert len(deck(lines)) == 13
    with pytest.raises(ValueError):
        cards_from([PersonaLine("x", "too_pricey", "?", "?")])
    with pytest.raises(ValueError):
        cards_from([PersonaLine("", "cost", "?", "?")])


def test_a_card_answered_wrong_comes_back_before_one_answered_right(training) -> None:
    tc = staff_id(training, JESSICA)
    cards = [_card(COST), _card(WAIT)]
    review(training, tc, cards[0], 1, 8, T0)  # wrong
    review(training, tc, cards[1], 5, 8, T0)  # right
    soon = next_cards(training, tc, T0 + timedelta(minutes=11), cards=cards)
    assert [d.card.objection for d in soon] == [COST]
    later = next_cards(training, tc, T0 + timedelta(days=2), cards=cards)
    assert [d.card.objection for d in later] == [COST, WAIT]


def test_slow_answers_come_back_before_quick_ones(training) -> None:
    tc = staff_id(training, JESSICA)
    cards = [_card(COST), _card(WAIT)]
    review(training, tc, cards[0], 5, SLOW_SECONDS + 20, T0)  # right, too slow
    review(training, tc, cards[1], 5, 10, T0)
    states = {d.card.objection: d.state for d in card_states(training, tc, cards)}
    assert states[COST].due_at < states[WAIT].due_at
    assert [
        d.card.objection for d in next_cards(training, tc, T0 + timedelta(hours=1), cards=cards)
    ] == [COST]


def test_intervals_grow_with_each_right_answer(training) -> None:
    tc = staff_id(training, JESSICA)
    card, at, gaps = _card(COST), T0, []
    for _ in range(4):
        state = review(training, tc, card, 5, 5, at).state
        gaps.append(state.due_at - at)
        at = state.due_at
    assert gaps == [timedelta(days=1), timedelta(days=3), timedelta(days=7), timedelta(days=16)]
    (kept,) = card_states(training, tc, [card])  # read back from the file: the same
    assert kept.state == state


def test_due_cards_come_weakest_first_and_new_ones_after_overdue_mistakes(training) -> None:
    tc = staff_id(training, JESSICA)
    cards = [_card(SCHEDULE), _card(COST), _card(WAIT), _card(TrainingObjection.INSURANCE)]
    review(training, tc, cards[1], 5, 5, T0)  # box 2, due T0 + 1 day
    review(training, tc, cards[2], 0, 5, T0)  # wrong: box 1, due T0 + 10 min
    review(training, tc, cards[2], 0, 5, T0 + timedelta(minutes=10))  # wrong again
    review(training, tc, cards[3], 0, 5, T0 + timedelta(minutes=5))  # wrong once
    now = T0 + timedelta(days=3)
    order = [d.card.objection for d in next_cards(training, tc, now, cards=cards)]
    # box 1 first (two mistakes before one, then the new card), then box 2
    assert order == [WAIT, TrainingObjection.INSURANCE, SCHEDULE, COST]
    assert len(next_cards(training, tc, now, n=2, cards=cards)) == 2


def test_each_coordinator_has_their_own_spacing(training) -> None:
    jessica, kelsey = staff_id(training, JESSICA), staff_id(training, KELSEY)
    review(training, jessica, _card(COST), 5, 5, T0)
    assert _card(COST) in [d.card for d in next_cards(training, kelsey, T0)]
    assert _card(COST) not in [d.card for d in next_cards(training, jessica, T0)]
    assert len(next_cards(training, jessica, T0, n=20)) == 9


def test_the_next_due_time_once_every_card_has_been_answered(training) -> None:
    tc = staff_id(training, JESSICA)
    cards = [_card(COST), _card(WAIT)]
    assert next_due_at(training, tc, cards) is None  # new cards are due now
    review(training, tc, cards[0], 5, 5, T0)
    review(training, tc, cards[1], 1, 5, T0)
    assert next_due_at(training, tc, cards) == T0 + timedelta(minutes=10)


def test_a_bad_answer_or_a_doctor_keeps_nothing(training) -> None:
    tc = staff_id(training, JESSICA)
    with pytest.raises(ValueError):
        review(training, tc, _card(COST), 6, 5, T0)
    with pytest.raises(ValueError):
        review(training, tc, _card(COST), 4, -1, T0)
    with pytest.raises(UserError, match="doctor"):
        review(training, staff_id(training, DOCTOR), _card(COST), 4, 5, T0)
    assert all(d.state.new for d in card_states(training, tc, builtin_cards()))


def test_a_personas_objections_become_its_lines() -> None:
    from types import SimpleNamespace as Like

    maya = Like(
        key="maya_teen",
        objections=(
            Like(kind=COST, line="$6,000?", model_answer="Tie it to her goal"),
            Like(kind=WAIT, line="Next year?", model_answer="The growth window"),
        ),
    )
    assert persona_lines([maya]) == [
        PersonaLine("maya_teen", COST, "$6,000?", "Tie it to her goal"),
        PersonaLine("maya_teen", WAIT, "Next year?", "The growth window"),
    ]
