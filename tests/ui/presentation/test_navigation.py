"""Moving through a consult with keys and clickers, from either window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

Key = Qt.Key


def _shown_title(controller) -> str:
    slide = controller.patient_view().slide()
    return slide.title if slide else ""


def test_display_opens_on_the_practice_welcome_until_started(qtbot: QtBot, controller) -> None:
    session = controller.room.session
    assert session.screen == "welcome"
    assert _shown_title(controller) == controller.room.welcome.title == "Bright Smiles Orthodontics"
    qtbot.keyClick(controller.display, Key.Key_Right)
    assert session.started and session.position == 1
    assert _shown_title(controller) == controller.room.slides[0].title


@pytest.mark.parametrize("key", [Key.Key_Right, Key.Key_Down, Key.Key_PageDown, Key.Key_Space])
def test_every_next_key_advances(qtbot: QtBot, controller, key) -> None:
    controller.start()
    qtbot.keyClick(controller.display, key)
    assert controller.room.session.position == 2
    assert _shown_title(controller) == controller.room.slides[1].title


@pytest.mark.parametrize("key", [Key.Key_Left, Key.Key_Up, Key.Key_PageUp])
def test_every_previous_key_goes_back(qtbot: QtBot, controller, key) -> None:
    controller.start()
    controller.jump(3)
    qtbot.keyClick(controller.console, key)
    assert controller.room.session.position == 2


def test_home_end_and_number_enter_jump(qtbot: QtBot, controller) -> None:
    controller.start()
    qtbot.keyClick(controller.display, Key.Key_End)
    assert controller.room.session.is_last
    qtbot.keyClick(controller.display, Key.Key_Home)
    assert controller.room.session.position == 1
    qtbot.keyClick(controller.console, Key.Key_5)
    qtbot.keyClick(controller.console, Key.Key_Return)
    assert controller.room.session.position == 5
    assert _shown_title(controller) == controller.room.slides[4].title
    qtbot.keyClick(controller.console, Key.Key_9)
    qtbot.keyClick(controller.console, Key.Key_9)
    qtbot.keyClick(controller.console, Key.Key_Enter)
    assert controller.room.session.position == 5  # out of range: nothing moves


@pytest.mark.parametrize("key", [Key.Key_B, Key.Key_Period])
def test_black_blanks_and_unblanks(qtbot: QtBot, controller, key) -> None:
    controller.start()
    qtbot.keyClick(controller.display, key)
    view = controller.patient_view()
    assert view.blank() == "black"
    image = view.grab().toImage()
    assert image.pixelColor(image.width() // 2, image.height() // 2).name() == "#000000"
    qtbot.keyClick(controller.console, key)
    assert view.blank() == ""


def test_white_blanks_to_white_and_next_brings_the_same_slide_back(
    qtbot: QtBot, controller
) -> None:
    controller.start()
    qtbot.keyClick(controller.console, Key.Key_W)
    view = controller.patient_view()
    assert view.blank() == "white"
    image = view.grab().toImage()
    assert image.pixelColor(10, 10).name() == "#ffffff"
    qtbot.keyClick(controller.console, Key.Key_Right)  # a clicker's "next" on a blank screen
    assert controller.room.session.position == 1 and view.blank() == ""
    assert view.slide() is controller.room.slides[0]


def test_arrow_keys_on_a_focused_slider_do_not_move_the_slides(qtbot: QtBot, controller) -> None:
    controller.start()
    slider = controller.payment.months_slider
    before = slider.value()
    slider.setFocus()
    qtbot.keyClick(slider, Key.Key_Left)
    assert controller.room.session.position == 1
    assert slider.value() == before - 1


def test_typing_a_note_types_but_the_clicker_still_moves(qtbot: QtBot, controller) -> None:
    controller.start()
    editor = controller.notes.editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClicks(editor, "b w 3 ")
    qtbot.keyClick(editor, Key.Key_Right)
    assert editor.toPlainText() == "b w 3 "
    assert controller.room.session.position == 1
    assert controller.patient_view().blank() == ""
    qtbot.keyClick(editor, Key.Key_PageDown)
    assert controller.room.session.position == 2


def test_keys_work_with_focus_on_either_window(qtbot: QtBot, controller) -> None:
    controller.start()
    controller.display.activateWindow()
    controller.display.setFocus()
    qtbot.keyClick(controller.display.view, Key.Key_Space)
    assert controller.room.session.position == 2
    controller.console.activateWindow()
    qtbot.keyClick(controller.panel.outline.list, Key.Key_PageDown)
    assert controller.room.session.position == 3


def _still_open(controller) -> bool:
    """Not ended, as the TC and the store see it: the console up, the session open."""
    saved = controller.room.desk.consults.saved_session(controller.room.consult_id)
    return controller.console.isVisible() and saved.ended_at is None


def test_checklist_ticks_when_shown_a_while_and_end_warns_about_skipped(
    qtbot: QtBot, make_controller, monkeypatch
) -> None:
    from tcdesk.ui.presentation.controller import PresentationController

    monkeypatch.setattr(PresentationController, "CHECKLIST_DWELL_MS", 300)  # 3 s in use
    controller = make_controller()
    controller.start()
    qtbot.keyClick(controller.display, Key.Key_Right)  # paged past step 1 at once
    assert controller.room.session.position == 2
    qtbot.keyClick(controller.display, Key.Key_Left)
    first_items = {item.id for item in controller.room.session.steps[1].checklist}
    assert first_items
    assert not first_items & controller.checklist.checked_ids()
    first_items = {item.id for item in controller.room.session.step.checklist}
    qtbot.waitUntil(lambda: first_items <= controller.checklist.checked_ids())
    assert first_items <= controller.room.session.checked
    later = controller.room.session.steps[-1].checklist[0]
    assert later.id not in controller.checklist.checked_ids()
    controller.request_end()
    assert controller.panel.end_warning.isVisible()
    assert "Not covered yet" in controller.panel.end_warning.text()
    assert controller.panel.end_button.text() == "End anyway"
    assert _still_open(controller)


def test_console_thumbnail_shows_exactly_what_the_family_sees(qtbot: QtBot, controller) -> None:
    controller.start()
    qtbot.keyClick(controller.display, Key.Key_Right)
    qtbot.waitUntil(lambda: controller.panel.live.slide() is controller.patient_view().slide())
    assert controller.panel.next_view.slide() is controller.room.slides[2]


def test_ending_asks_how_it_ended_and_records_it(qtbot: QtBot, controller, demo_desk) -> None:
    from tcdesk.domain import ConsultStatus
    from tcdesk.services.consult_outcome import OutcomeKind

    controller.start()
    controller.request_end()  # first press: the skipped-items warning
    controller.request_end()
    dialog = controller.outcome_dialog
    assert dialog.isVisible() and _still_open(controller)
    dialog.buttons[OutcomeKind.DECLINED].setChecked(True)
    dialog.try_accept()
    assert "why they declined" in dialog.error.text() and _still_open(controller)
    dialog.reason.setText("Wants a second opinion first")
    with qtbot.waitSignal(controller.ended):
        dialog.try_accept()
    assert not controller.console.isVisible()
    consult = demo_desk.consults.get(controller.room.consult_id)
    assert consult.status is ConsultStatus.DECLINED
    assert consult.outcome_reason == "Wants a second opinion first"


def test_back_to_the_consult_changes_nothing(qtbot: QtBot, controller, demo_desk) -> None:
    dialog = controller.ask_outcome()
    dialog.reject()
    assert _still_open(controller)
    from tcdesk.domain import ConsultStatus

    assert demo_desk.consults.get(controller.room.consult_id).status is ConsultStatus.SCHEDULED
    assert demo_desk.consults.saved_session(controller.room.consult_id).ended_at is None


def test_every_console_part_lives_in_the_console_window(qtbot: QtBot, make_controller) -> None:
    """No orphan widgets: each belongs to the window it serves (and dies with it)."""
    from PySide6.QtWidgets import QWidget

    for single in (False, True):
        controller = make_controller(single_screen=single)
        home = controller.stage if single else controller.console
        parts = {n: w for n, w in vars(controller.panel).items() if isinstance(w, QWidget)}
        assert len(parts) > 15
        for name, widget in parts.items():
            assert widget.window() is home, name
        for button in ("agreement_button", "summary_button", "end_button", "start_button"):
            assert parts[button].isVisible(), button
