"""The trainer's sheet: items that add up to DOMAIN.md's weights, and the scorecard ticks give."""

from __future__ import annotations

import pytest

from tcdesk.services.training.history import TrainingMode, record_session, recorded_sessions
from tcdesk.services.training.partner_sheet import (
    SheetMarks,
    points_of,
    scorecard_from_marks,
    sheet_items,
    sheet_parts,
)
from tcdesk.services.training.progress import progress
from tcdesk.services.training.scorecard import WEIGHTS, Part
from tests.conftest import FIXED_NOW
from tests.training_seed import JESSICA, staff_id


def test_each_part_of_the_sheet_is_worth_its_weight() -> None:
    parts = sheet_parts()
    assert [p.part for p in parts] == list(WEIGHTS)
    for sheet in parts:
        assert sum(i.points for i in sheet.items) == WEIGHTS[sheet.part] == sheet.out_of
        assert len(sheet.items) >= 2
    keys = [i.key for i in sheet_items()]
    assert len(keys) == len(set(keys))
    assert points_of(parts, keys) == WEIGHTS
    assert sum(points_of(parts, ()).values()) == 0


def test_ticks_become_the_parts_points_with_what_was_done_and_missed(personas) -> None:
    ticked = {"insurance_verified", "forms_checked", "asked_concerns", "hidden_revealed"}
    ticked |= {"listened", "acknowledged", "explored", "responded", "asked_for_start"}
    marks = SheetMarks(
        frozenset(ticked),
        decision="think_it_over",
        reason="cost",
        minutes=32.44,
        notes={Part.MONEY: "  showed the low down plan late ", Part.RAPPORT: " "},
    )
    card = scorecard_from_marks(personas["maya_teen_cost"], marks)
    assert card.persona == "maya_teen_cost" and card.minutes == 32.4
    assert card.part(Part.PREPARATION).points == 7  # insurance 4 + forms 3, not the doctor 3
    assert card.part(Part.PREPARATION).to_improve == ("brief the doctor before the exam",)
    assert card.part(Part.DISCOVERY).points == 8
    assert card.part(Part.OBJECTIONS).points == 13  # all but "every objection settled"
    assert card.part(Part.SAME_DAY_ASK).points == 7
    assert card.part(Part.MONEY).points == 0 and len(card.part(Part.MONEY).to_improve) == 5
    assert card.part(Part.NEXT_STEP).points == 0
    assert card.total == 35
    assert card.decision == "think_it_over" and card.decision_reason == "cost"
    assert card.notes[0] == "Money: showed the low down plan late"  # the trainer's words first
    assert not any(n.startswith("Rapport:") for n in card.notes)  # a blank note is no note


def test_a_started_family_keeps_no_hold_back_reason(personas) -> None:
    marks = SheetMarks(frozenset(), decision="start_today", reason="cost")
    assert scorecard_from_marks("maya_teen_cost", marks).decision_reason == ""


@pytest.mark.parametrize(
    ("marks", "message"),
    [
        (SheetMarks(frozenset({"charm"})), "no item charm"),
        (SheetMarks(frozenset(), decision="maybe"), "not a decision"),
        (SheetMarks(frozenset(), decision="decline"), "needs one of"),
        (SheetMarks(frozenset(), decision="think_it_over", reason="vibes"), "needs one of"),
    ],
)
def test_a_sheet_that_does_not_make_sense_is_refused(marks, message) -> None:
    with pytest.raises(ValueError, match=message):
        scorecard_from_marks("maya_teen_cost", marks)


def test_a_ticked_sheet_is_kept_as_a_partner_session_and_counts_in_progress(training) -> None:
    tc = staff_id(training, JESSICA)
    everything = frozenset(i.key for i in sheet_items()) - {"money_at_midpoint"}
    card = scorecard_from_marks("maya_teen_cost", SheetMarks(everything, "book", minutes=30))
    assert card.total == 98
    record_session(training, tc, card, TrainingMode.PARTNER, FIXED_NOW)
    (kept,) = recorded_sessions(training, tc)
    assert kept.mode is TrainingMode.PARTNER and kept.scorecard == card
    report = progress(training, tc)
    (mine,) = report.rows
    assert [(s.mode, s.total) for s in mine.sessions] == [("partner", 98)]
