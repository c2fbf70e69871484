"""The console's checklist: talk counts after a real look, actions when they are done."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

Key = Qt.Key


def _items(controller, step_index: int) -> set[str]:
    return {item.id for item in controller.room.session.steps[step_index].checklist}


def _labels(controller) -> dict[str, str]:
    panel = controller.checklist
    return {
        panel.item(i).data(Qt.ItemDataRole.UserRole): panel.item(i).text()
        for i in range(panel.count())
    }


def test_a_step_discussed_for_about_four_seconds_counts(qtbot: QtBot, controller) -> None:
    controller.start()
    qtbot.keyClick(controller.display, Key.Key_Right)
    talk = _items(controller, 1)
    assert talk
    qtbot.waitUntil(lambda: talk <= controller.checklist.checked_ids(), timeout=4000)


def test_the_last_slide_ticks_no_booking_and_no_agreement(qtbot: QtBot, controller) -> None:
    controller.start()
    qtbot.keyClick(controller.display, Key.Key_End)
    last = controller.room.session.steps[-1].checklist
    assert {item.id for item in last} == {"asked_decision", "booked", "take_home"}
    shown_at = controller.room.elapsed_seconds
    qtbot.waitUntil(lambda: controller.room.elapsed_seconds >= shown_at + 4, timeout=6000)
    assert not {item.id for item in last} & controller.checklist.checked_ids()
    assert "ticks when the outcome is recorded" in _labels(controller)["booked"]


def test_actions_tick_their_items_when_done(qtbot: QtBot, controller, demo_desk) -> None:
    controller.start()
    assert "asked_choice" not in controller.checklist.checked_ids()
    controller.payment.pick("standard")
    assert controller.payment.save() is not None
    assert "asked_choice" in controller.checklist.checked_ids()
    controller.request_end()  # the skipped-items warning leaves out what the outcome does
    warning = controller.panel.end_warning.text()
    assert "Not covered yet" in warning
    assert "Booked the start" not in warning and "Asked for a decision" not in warning
    assert "Gave the agreement" in warning
    from tcdesk.services.consult_outcome import Outcome, OutcomeKind

    controller.end(Outcome(OutcomeKind.STARTED_TODAY))
    saved = demo_desk.consults.saved_session(controller.room.consult_id)
    assert {"asked_choice", "asked_decision", "booked"} <= set(saved.checked)
    assert "take_home" not in saved.checked


def test_making_the_agreement_from_the_console_ticks_giving_it(
    qtbot: QtBot, demo_desk, app_controller
) -> None:
    from tcdesk.services import agreements
    from tcdesk.ui.documents.agreement_preview import AgreementPreview
    from tests.ui.presentation.conftest import TEEN_CONSULT

    controller = app_controller
    controller.start()
    controller.payment.pick("standard")
    assert controller.payment.save() is not None
    assert "take_home" not in controller.checklist.checked_ids()
    controller.panel.agreement_button.click()
    qtbot.waitUntil(lambda: agreements.latest(demo_desk, TEEN_CONSULT) is not None, timeout=15_000)
    qtbot.waitUntil(lambda: "take_home" in controller.checklist.checked_ids())
    preview = controller.console.findChild(AgreementPreview)
    qtbot.waitUntil(lambda: not preview.is_busy(), timeout=15_000)
    preview.close()
