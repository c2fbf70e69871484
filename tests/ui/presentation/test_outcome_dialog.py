"""Ending a consult: a start the consult isn't ready for is refused at the choice, with why."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from tcdesk.domain import ConsultStatus
from tcdesk.services.consult_outcome import OutcomeKind


def _ask(qtbot: QtBot, controller):
    dialog = controller.ask_outcome()
    qtbot.waitExposed(dialog)
    return dialog


def _click(qtbot: QtBot, dialog, kind: OutcomeKind) -> None:
    button = dialog.buttons[kind]  # on its circle: a radio's row is wider than its label
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    qtbot.waitUntil(button.isChecked)


def test_a_start_without_a_chosen_treatment_cannot_be_ended_with(
    qtbot: QtBot, controller, demo_desk
) -> None:
    dialog = _ask(qtbot, controller)
    for kind in (OutcomeKind.START_BOOKED, OutcomeKind.STARTED_TODAY):
        _click(qtbot, dialog, kind)
        assert not dialog.ok_button.isEnabled()
        assert dialog.error.isVisible()
        assert "No treatment is chosen yet" in dialog.error.text()
    dialog.try_accept()  # e.g. Enter: still refused, nothing saved
    assert dialog.isVisible()
    assert demo_desk.consults.get(controller.room.consult_id).status is ConsultStatus.SCHEDULED
    _click(qtbot, dialog, OutcomeKind.THINKING)
    assert dialog.ok_button.isEnabled() and dialog.error.text() == ""
    dialog.reject()


def test_with_the_plan_saved_started_today_ends_the_consult(
    qtbot: QtBot, controller, demo_desk
) -> None:
    controller.payment.pick("standard")
    assert controller.payment.save() is not None
    dialog = _ask(qtbot, controller)
    _click(qtbot, dialog, OutcomeKind.STARTED_TODAY)
    assert dialog.ok_button.isEnabled() and dialog.error.text() == ""
    with qtbot.waitSignal(controller.ended):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert demo_desk.consults.get(controller.room.consult_id).status is ConsultStatus.STARTED


def test_observation_takes_a_recall_date_and_referred_out_a_reason(
    qtbot: QtBot, controller, demo_desk
) -> None:
    dialog = _ask(qtbot, controller)
    _click(qtbot, dialog, OutcomeKind.OBSERVATION)
    assert dialog.recall_on.isVisible() and not dialog.follow_up_on.isVisible()
    assert dialog.ok_button.isEnabled()
    _click(qtbot, dialog, OutcomeKind.REFERRED_OUT)
    assert dialog.reason.isVisible() and dialog.reason_label.text() == "To whom, and why"
    dialog.try_accept()  # no reason: refused, said under the choices
    assert dialog.isVisible() and "to whom" in dialog.error.text()
    qtbot.keyClicks(dialog.reason, "Oral surgeon: jaw evaluation")
    with qtbot.waitSignal(controller.ended):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    stored = demo_desk.consults.get(controller.room.consult_id)
    assert stored.status is ConsultStatus.REFERRED_OUT


def test_thinking_it_over_keeps_the_warmth_chosen(qtbot: QtBot, controller, demo_desk) -> None:
    dialog = _ask(qtbot, controller)
    _click(qtbot, dialog, OutcomeKind.THINKING)
    assert dialog.warmth.isVisible()
    dialog.warmth.setCurrentIndex(dialog.warmth.findData("hot"))
    qtbot.keyClicks(dialog.reason, "Talk to dad")
    with qtbot.waitSignal(controller.ended):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    stored = demo_desk.consults.get(controller.room.consult_id)
    assert stored.status is ConsultStatus.PENDING and stored.warmth == "hot"
