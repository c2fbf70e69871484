"""Ending a consult when the end cannot be saved: it says so, stays open, and can be retried.

Bug 2 of issue 17: the controller marked itself ended before the store had
recorded the end, so one failure left windows that could never close, the
keys still captured, and an End button that did nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tcdesk.domain import ConsultStatus
from tcdesk.services.consult_outcome import OutcomeKind
from tcdesk.ui.presentation.outcome_dialog import OutcomeDialog

DISK_FULL = OSError(28, "No space left on device")


def _open_outcome_dialog(controller) -> OutcomeDialog | None:
    found = [d for d in controller.console.findChildren(OutcomeDialog) if d.isVisible()]
    return found[-1] if found else None


def _end_with_declined(qtbot: QtBot, controller) -> None:
    """Press End until the outcome dialog asks, then answer "Declined" with a reason."""
    controller.panel.end_button.click()
    if _open_outcome_dialog(controller) is None:
        controller.panel.end_button.click()  # past the skipped-items warning
    dialog = _open_outcome_dialog(controller)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.buttons[OutcomeKind.DECLINED].setChecked(True)
    dialog.reason.setText("Wants a second opinion first")
    dialog.try_accept()


def _failing_end(_outcome=None):
    raise DISK_FULL


def test_a_failed_end_says_why_keeps_the_consult_and_end_tries_again(
    qtbot: QtBot, controller, demo_desk, monkeypatch
) -> None:
    controller.start()
    ended: list[bool] = []
    controller.ended.connect(lambda: ended.append(True))
    monkeypatch.setattr(controller.room, "end", _failing_end)
    _end_with_declined(qtbot, controller)
    warning = controller.panel.end_warning
    assert warning.isVisible()
    assert "could not be ended. Not saved: the disk is full." in warning.text()
    assert "Traceback" not in warning.text()
    assert not ended and controller.console.isVisible() and controller.display.isVisible()
    qtbot.keyClick(controller.display, Qt.Key.Key_Right)  # the keys still drive the consult
    assert controller.room.session.position == 2
    monkeypatch.undo()  # the disk has room again
    with qtbot.waitSignal(controller.ended):
        _end_with_declined(qtbot, controller)
    assert ended == [True]
    assert not controller.console.isVisible()
    assert demo_desk.consults.get(controller.room.consult_id).status is ConsultStatus.DECLINED


def test_a_read_only_practice_file_is_said_plainly_and_nothing_is_recorded(
    qtbot: QtBot, controller, demo_desk
) -> None:
    controller.start()
    demo_desk.db.conn.execute("PRAGMA query_only = ON")
    try:
        _end_with_declined(qtbot, controller)
    finally:
        demo_desk.db.conn.execute("PRAGMA query_only = OFF")
    assert "the practice file can't be written" in controller.panel.end_warning.text()
    assert controller.console.isVisible()
    consult_id = controller.room.consult_id
    assert demo_desk.consults.get(consult_id).status is ConsultStatus.SCHEDULED
    assert demo_desk.consults.saved_session(consult_id).ended_at is None


def test_after_a_failed_end_closing_the_console_leaves_it_to_resume(
    qtbot: QtBot, controller, demo_desk, monkeypatch
) -> None:
    from tcdesk.services.consult_room import open_sessions

    controller.start()
    monkeypatch.setattr(controller.room, "end", _failing_end)
    _end_with_declined(qtbot, controller)
    with qtbot.waitSignal(controller.ended):
        controller.console.close()  # on purpose: the TC gives up for now
    assert not controller.console.isVisible() and not controller.display.isVisible()
    consult_id = controller.room.consult_id
    assert [saved.consult_id for saved, _name in open_sessions(demo_desk)] == [consult_id]
    assert demo_desk.consults.get(consult_id).status is ConsultStatus.SCHEDULED


def test_one_screen_closes_only_after_a_failed_end_and_then_leaves_it_open(
    qtbot: QtBot, make_controller, demo_desk, monkeypatch
) -> None:
    controller = make_controller(single_screen=True)
    controller.start()
    controller.stage.close()  # by accident: the family's full screen stays up
    assert controller.stage.isVisible()
    monkeypatch.setattr(controller.room, "end", _failing_end)
    controller.panel.end_button.click()
    controller.panel.end_button.click()
    dialog = controller.outcome_dialog
    dialog.buttons[OutcomeKind.DECLINED].setChecked(True)
    dialog.reason.setText("Wants a second opinion first")
    dialog.try_accept()
    assert "could not be ended" in controller.panel.end_warning.text()
    with qtbot.waitSignal(controller.ended):
        controller.stage.close()
    assert not controller.stage.isVisible()
    saved = demo_desk.consults.saved_session(controller.room.consult_id)
    assert saved.ended_at is None
