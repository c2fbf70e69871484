"""The scorecard window at the end of a practice consult, on sessions kept in a real
training file: the numbers, the decision, each part's bar and lines, Next time, closing."""

from __future__ import annotations

from datetime import timedelta
from html import escape

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tcdesk.services.consult_outcome import OutcomeKind
from tcdesk.services.training.history import record_session, recorded_sessions
from tcdesk.services.training.partner_sheet import SheetMarks, scorecard_from_marks, sheet_items
from tcdesk.services.training.scorecard import Part
from tcdesk.ui.presentation.outcome_dialog import OutcomeDialog
from tcdesk.ui.training.scorecard_window import ScorecardWindow, show_scorecard_window
from tcdesk.ui.training.solo_start import begin_solo
from tests.conftest import FIXED_NOW
from tests.training_seed import JESSICA, staff_id

# Every item ticked but these: preparation loses 3 (doctor), money 3+2, same-day ask 7.
MISSED = ("doctor_briefed", "insurance_math", "money_at_midpoint", "asked_for_start")


def _kept(training) -> object:
    """A trainer's sheet kept for Jessica and read back from the file, as the window gets it."""
    ticked = frozenset(i.key for i in sheet_items()) - set(MISSED)
    marks = SheetMarks(ticked, decision="think_it_over", reason="cost", minutes=27.5)
    card = scorecard_from_marks("maya_teen_cost", marks)
    record_session(training, staff_id(training, JESSICA), card, "partner", FIXED_NOW)
    [session] = recorded_sessions(training)
    return session.scorecard


def test_the_window_shows_the_kept_sessions_numbers_and_decision(
    qtbot: QtBot, training, personas
) -> None:
    card = _kept(training)
    persona = personas["maya_teen_cost"]
    window = show_scorecard_window(card, persona, None, "We need to think about the monthly.")
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    assert window.objectName() == "scorecardWindow"
    assert window.title.text() == persona.title
    assert window.score.text() == "85 / 100 · 27.5 minutes"  # 100 - 3 - 3 - 2 - 7
    assert window.decision.text().endswith("Will think it over (the cost)")
    assert window.family_says.isVisible()
    assert "Laura: “We need to think about the monthly.”" in window.family_says.text()
    points = {row.score.part: row.points.text() for row in window.rows}
    assert points[Part.PREPARATION] == "<b>7</b> / 10"
    assert points[Part.MONEY] == "<b>10</b> / 15"
    assert points[Part.SAME_DAY_ASK] == "<b>3</b> / 10"
    assert points[Part.RAPPORT] == "<b>10</b> / 10"
    assert [row.score.part for row in window.rows] == list(Part)
    assert window.row(Part.PREPARATION).bar.fraction == 0.7
    assert window.row(Part.RAPPORT).bar.fraction == 1.0


def test_each_part_says_what_was_good_and_what_was_missed(qtbot: QtBot, training, personas) -> None:
    card = _kept(training)
    window = ScorecardWindow(card, personas["maya_teen_cost"])
    qtbot.addWidget(window)
    window.show()
    prep = window.row(Part.PREPARATION)
    assert prep.lines() == [
        "You verified the insurance before the consult",
        "The forms were checked",
        "Brief the doctor before the exam",
    ]
    assert "Brief the doctor before the exam" in prep.explanation.text()
    assert prep.explanation.text().count("→") == 1 and prep.explanation.text().count("✓") == 2
    ask = window.row(Part.SAME_DAY_ASK)
    assert any("same-day start" in line for line in ask.lines())
    notes = [label.text() for label in window.note_labels]
    assert notes and len(notes) == len(card.notes)
    assert all(label.isVisible() for label in window.note_labels)
    assert not window.family_says.isVisible()  # nothing said: no empty quote


def test_close_and_escape_close_it(qtbot: QtBot, training, personas) -> None:
    card = _kept(training)
    window = show_scorecard_window(card, personas["maya_teen_cost"])
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    window.activateWindow()  # a window of an earlier test may still be the active one
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()
    again = show_scorecard_window(card, personas["maya_teen_cost"])
    qtbot.addWidget(again)
    qtbot.waitExposed(again)
    again.close_button.click()
    assert not again.isVisible()


def test_it_is_the_scorecard_a_solo_consult_shows(
    qtbot: QtBot, host, training, personas, clock, practices
) -> None:
    """Wired in as ``show_scorecard``, it is called as solo practice calls it."""
    practice = begin_solo(
        host,
        training,
        personas["maya_teen_cost"],
        staff_id(training, JESSICA),
        clock=clock,
        show_scorecard=show_scorecard_window,
    )
    practices.append(practice)
    console = practice.controller.console or practice.controller.stage
    qtbot.keyClick(console, Qt.Key.Key_Right)
    clock.minutes += 4
    practice.controller.panel.end_button.click()
    practice.controller.panel.end_button.click()
    dialog = [d for d in console.findChildren(OutcomeDialog) if d.isVisible()][-1]
    dialog.buttons[OutcomeKind.DECLINED].setChecked(True)
    dialog.reason.setText("Too expensive for us")
    with qtbot.waitSignal(practice.finished, timeout=5000):
        dialog.try_accept()
    window = practice.scorecard_view
    assert isinstance(window, ScorecardWindow)
    qtbot.addWidget(window)
    [kept] = recorded_sessions(training)
    assert window.card == kept.scorecard
    assert window.score.text().startswith(f"{kept.total:g} / 100")
    assert window.row(Part.PREPARATION).points.text() == "<b>0</b> / 10"
    assert kept.started_at - FIXED_NOW < timedelta(hours=1)
    line = practice.result.decision.line  # the family's closing words, in their voice
    assert line and not window.family_says.isHidden()
    assert escape(line) in window.family_says.text()
    window.close()
