"""A solo practice consult played through the real console and family screen.

The TC pages with the real keys, ticks the checklist, answers the family's
line in the panel (Ctrl+Enter), asks about their concern, picks a plan,
asks for a start and ends with the real outcome dialog; the scorecard kept
in the training file follows what was done. Unhook the coach and no family
line ever comes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from tcdesk.services.consult_outcome import OutcomeKind
from tcdesk.services.training.history import recorded_sessions
from tcdesk.services.training.scorecard import Part
from tcdesk.ui.presentation.outcome_dialog import OutcomeDialog
from tcdesk.ui.training.solo_start import begin_solo
from tests.training_seed import JESSICA, staff_id

GOOD = (
    "I hear you, it's a real amount. Tell me more: what part of it worries you most, "
    "the total or the monthly? With the low down payment you start at $250 and spread "
    "the rest monthly."
)
POOR = "That is our fee."


def _begin(qtbot: QtBot, host, training, personas, clock, practices, key="maya_teen_cost"):
    practice = begin_solo(
        host,
        training,
        personas[key],
        staff_id(training, JESSICA),
        ("insurance_verified", "forms_checked", "doctor_briefed"),
        clock=clock,
        show_scorecard=host.show_scorecard,
    )
    practices.append(practice)
    for window in practice.controller.windows():
        qtbot.waitExposed(window)
    return practice


def _console(practice):
    controller = practice.controller
    return controller.console or controller.stage


def _tick_this_step(practice) -> None:
    """Tick the current step's items in the console's checklist, as a TC clicks them."""
    controller = practice.controller
    ids = {item.id for item in controller.room.session.step.checklist}
    panel = controller.checklist
    for row in range(panel.count()):
        item = panel.item(row)
        if item.data(Qt.ItemDataRole.UserRole) in ids:
            item.setCheckState(Qt.CheckState.Checked)


def _next(qtbot: QtBot, practice, clock, minutes: float) -> None:
    """The clicker's Right key on the console, after ``minutes`` on this step."""
    clock.minutes += minutes
    qtbot.keyClick(_console(practice), Qt.Key.Key_Right)


def _go_to(qtbot: QtBot, practice, clock, step_id: str) -> None:
    session = practice.controller.room.session
    for _ in range(len(session.steps)):
        if session.started and session.step.id == step_id:
            return
        _tick_this_step(practice) if session.started else None
        _next(qtbot, practice, clock, 2.5 if session.started else 0)
    raise AssertionError(f"no step {step_id}")


def _end_started_today(qtbot: QtBot, practice) -> None:
    controller = practice.controller
    controller.panel.end_button.click()
    dialogs = [d for d in _console(practice).findChildren(OutcomeDialog) if d.isVisible()]
    if not dialogs:
        controller.panel.end_button.click()  # past the skipped-items warning
        dialogs = [d for d in _console(practice).findChildren(OutcomeDialog) if d.isVisible()]
    dialog = dialogs[-1]
    dialog.buttons[OutcomeKind.STARTED_TODAY].setChecked(True)
    with qtbot.waitSignal(practice.finished, timeout=5000):
        dialog.try_accept()


def _play(qtbot: QtBot, practice, clock, answer: str) -> None:
    panel = practice.panel
    console = _console(practice)
    _go_to(qtbot, practice, clock, "concerns")
    qtbot.keyClicks(panel.question, "What worries you most about starting treatment?")
    qtbot.keyClick(panel.question, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "hours got cut" in panel.transcript_text())
    notes = practice.controller.notes  # what the TC writes down, in the private notes
    qtbot.keyClicks(notes.editor, "Laura's work hours were cut; a big down payment is hard.")
    assert notes.flush()
    _go_to(qtbot, practice, clock, "investment")
    # the family's line, on the console as it is said
    qtbot.waitUntil(lambda: "more than I expected" in panel.transcript_text())
    assert panel.send_button.isEnabled()
    _tick_this_step(practice)
    payment = practice.controller.payment
    qtbot.mouseClick(payment.findChild(QPushButton, "choice_low_down"), Qt.MouseButton.LeftButton)
    panel.answer_box.setFocus()
    qtbot.keyClicks(panel.answer_box, answer)
    qtbot.keyClick(panel.answer_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert panel.answer_box.toPlainText() == ""
    assert f"You: {answer}" in panel.transcript_text()
    payment.use_button.click()  # the family's plan, saved and on their screen
    _go_to(qtbot, practice, clock, "payment")
    _tick_this_step(practice)
    _go_to(qtbot, practice, clock, "next_steps")
    clock.minutes += 2
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    assert "get started today" in panel.transcript_text()
    assert console.isVisible()


def test_a_solo_session_runs_through_the_real_windows_and_is_scored(
    qtbot: QtBot, host, training, personas, clock, practices
) -> None:
    practice = _begin(qtbot, host, training, personas, clock, practices)
    assert practice.banner.isVisible() and "PRACTICE" in practice.banner.text()
    _play(qtbot, practice, clock, GOOD)
    assert "that we can do" in practice.panel.transcript_text()  # settled by the answer
    _end_started_today(qtbot, practice)
    card, persona = host.cards[-1]
    assert persona.key == "maya_teen_cost"
    assert card.part(Part.OBJECTIONS).points >= 12
    assert card.part(Part.DISCOVERY).points >= 12  # asked, revealed, written down
    assert card.part(Part.PREPARATION).points == 10
    assert card.part(Part.SAME_DAY_ASK).points == 10
    kept = recorded_sessions(training, staff_id(training, JESSICA))
    assert [s.scorecard for s in kept] == [card]
    assert kept[0].mode.value == "solo"


def test_a_poor_answer_scores_lower_in_objections_than_a_good_one(
    qtbot: QtBot, host, training, personas, clock, practices
) -> None:
    scores = {}
    for name, answer in (("good", GOOD), ("poor", POOR)):
        practice = _begin(qtbot, host, training, personas, clock, practices)
        _play(qtbot, practice, clock, answer)
        _end_started_today(qtbot, practice)
        scores[name] = host.cards[-1][0]
        clock.minutes += 60
    good, poor = scores["good"], scores["poor"]
    assert good.part(Part.OBJECTIONS).points > poor.part(Part.OBJECTIONS).points + 5
    assert any("did not" in text for text in poor.part(Part.OBJECTIONS).to_improve)


def test_a_line_due_after_minutes_comes_on_the_timer(
    qtbot: QtBot, host, training, personas, clock, practices
) -> None:
    """Marcus says his piece after some minutes, whatever the TC is doing."""
    persona = personas["marcus_spouse_absent"]
    timed = [o for o in persona.objections if o.when.kind == "minutes"]
    if not timed:
        persona = next(
            p for p in personas.values() if any(o.when.kind == "minutes" for o in p.objections)
        )
        timed = [o for o in persona.objections if o.when.kind == "minutes"]
    practice = _begin(qtbot, host, training, personas, clock, practices, persona.key)
    practice.POLL_MS = 50
    qtbot.keyClick(_console(practice), Qt.Key.Key_Right)  # start
    assert timed[0].line not in practice.panel.transcript_text()
    clock.minutes += timed[0].when.minutes + 0.5
    qtbot.waitUntil(lambda: timed[0].line in practice.panel.transcript_text(), timeout=3000)


def test_leaving_a_practice_for_later_records_no_score(
    qtbot: QtBot, host, training, personas, clock, practices
) -> None:
    practice = _begin(qtbot, host, training, personas, clock, practices)
    qtbot.keyClick(_console(practice), Qt.Key.Key_Right)
    clock.minutes += 5
    assert practice.controller.leave_for_later()
    assert host.cards == [] and practice.result is None
    assert recorded_sessions(training) == []


def test_without_a_scorecard_window_the_score_is_shown_in_a_message(
    qtbot: QtBot, host, training, personas, clock, practices
) -> None:
    from PySide6.QtWidgets import QMessageBox

    practice = begin_solo(
        host, training, personas["maya_teen_cost"], staff_id(training, JESSICA), clock=clock
    )
    practices.append(practice)
    qtbot.keyClick(_console(practice), Qt.Key.Key_Right)
    clock.minutes += 4
    controller = practice.controller
    controller.panel.end_button.click()
    controller.panel.end_button.click()
    dialog = [d for d in _console(practice).findChildren(OutcomeDialog) if d.isVisible()][-1]
    dialog.buttons[OutcomeKind.DECLINED].setChecked(True)
    dialog.reason.setText("Too expensive for us")
    with qtbot.waitSignal(practice.finished, timeout=5000):
        dialog.try_accept()
    box = practice.scorecard_view
    assert isinstance(box, QMessageBox)
    assert f"Score: {practice.result.card.total:g}/100" in box.text()
    assert "Preparation: 0/10" in box.text()
    box.close()


def test_on_one_screen_the_practice_rides_in_the_sidebar(
    qtbot: QtBot, host, training, personas, clock, practices
) -> None:
    practice = begin_solo(
        host,
        training,
        personas["maya_teen_cost"],
        staff_id(training, JESSICA),
        clock=clock,
        single_screen=True,
    )
    practices.append(practice)
    stage = practice.controller.stage
    assert stage is not None
    qtbot.waitExposed(stage)
    assert practice.panel.window() is stage and practice.banner.isVisible()
    _go_to(qtbot, practice, clock, "investment")
    qtbot.waitUntil(lambda: "more than I expected" in practice.panel.transcript_text())
