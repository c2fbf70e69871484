"""The console's checklist: talk counts after a real look, actions when they are done."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from tcdesk.flows.model import ChecklistItem
from tcdesk.ui.presentation.checklist_panel import HINT_ROLE, ChecklistPanel

Key = Qt.Key


def _items(controller, step_index: int) -> set[str]:
    return {item.id for item in controller.room.session.steps[step_index].checklist}


def _labels(controller) -> dict[str, str]:
    panel = controller.checklist
    return {
        panel.item(i).data(Qt.ItemDataRole.UserRole): " ".join(
            filter(None, (panel.item(i).text(), panel.item(i).data(HINT_ROLE)))
        )
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


def test_the_checkbox_sits_beside_the_items_text_and_the_hint_under_it(qtbot: QtBot) -> None:
    """QA 13: the box belongs to "Save the payment plan", not to its hint line."""
    panel = ChecklistPanel(lambda _id, _on: None)
    qtbot.addWidget(panel)
    panel.resize(320, 300)
    items = [
        ChecklistItem("talk", "Explain the findings"),
        ChecklistItem("plan", "Save the payment plan", done_by=("plan_saved",)),
    ]
    panel.set_items(items, set())
    panel.show()
    qtbot.waitExposed(panel)
    row = panel.item(1)
    assert row.text() == "Save the payment plan"
    assert row.data(HINT_ROLE) == "ticks when the plan is saved"
    plain = panel.visualItemRect(panel.item(0))
    rect = panel.visualItemRect(row)
    assert rect.height() > plain.height() + 8  # room for the hint under the text
    image = panel.viewport().grab().toImage()
    background = image.pixelColor(rect.right() - 2, rect.center().y())
    box_column = range(rect.left() + 2, rect.left() + 16)  # the box, left of any text

    def inked(y: int) -> bool:
        return any(_differs(image.pixelColor(x, y), background) for x in box_column)

    ys = [y for y in range(rect.top() + 1, rect.bottom()) if inked(y)]
    assert ys, "no checkbox drawn"
    first_line_bottom = rect.top() + plain.height()
    assert max(ys) <= first_line_bottom, (min(ys), max(ys), rect, plain)


def _differs(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) > 60
