"""The lock: idle minutes (short here) or Ctrl+L; the family's screen shows the welcome;
the PIN brings the console back at the same step with the note."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tcdesk.services import sign_in
from tcdesk.ui.lock.desk_lock import NO_PINS_YET
from tcdesk.ui.presentation.keymap import Action
from tests import intake_practice
from tests.ui.lock.conftest import ALVAREZ, BROOKS, person

practice_desk = intake_practice.practice_desk  # the fixture: a practice without PINs

TEEN_CONSULT = "3bf25559-c9cf-559c-9639-5da37ae56471"
NOTE = "Mom asks about Saturday visits"


def _present(qtbot: QtBot, app):
    from tcdesk.ui.presentation.launcher import start_presentation

    controller = start_presentation(app, TEEN_CONSULT)
    assert controller is not None and not controller.single  # two screens: the family's own
    app.presentation = controller
    for window in controller.windows():
        qtbot.waitExposed(window)
    controller.start()
    for _ in range(2):
        controller.do(Action.NEXT)
    return controller


def _unlock(qtbot: QtBot, app, pin: str) -> None:
    form = app.lock.window.form
    qtbot.waitUntil(lambda: form.pin.hasFocus())
    qtbot.keyClicks(form.pin, pin)
    qtbot.keyClick(form.pin, Qt.Key.Key_Return)


def _actions(desk, action: str) -> list[dict]:
    return [e for e in desk.audit.entries() if e["action"] == action]


def test_idle_time_locks_the_console_and_the_pin_resumes_the_consult(
    qtbot: QtBot, signed_in_app
) -> None:
    app = signed_in_app
    desk = app.desk
    controller = _present(qtbot, app)
    step = controller.room.session.index
    slide = controller.patient_view().slide()
    assert slide is not None and slide != controller.room.welcome
    controller.notes.editor.setFocus()
    qtbot.keyClicks(controller.notes.editor, NOTE)

    app.lock.set_idle_ms(300)  # the practice's minutes, made short
    qtbot.waitUntil(app.lock.is_locked, timeout=5000)
    assert not controller.console.isVisible() and not app.main_window.isVisible()
    assert app.lock.window.isVisible() and "idle" in app.lock.window.reason.text()
    family = controller.display
    assert family.isVisible() and family.view.slide() == controller.room.welcome
    assert family.view.blank() == ""
    saved = desk.consults.notes(TEEN_CONSULT)
    assert any(NOTE in n.body for n in saved) or NOTE in _draft(desk)

    qtbot.keyClick(family, Qt.Key.Key_Right)  # a clicker on the family's screen while locked
    assert controller.room.session.index == step  # reached nothing

    _unlock(qtbot, app, "1234")
    assert app.lock.is_locked()
    assert app.lock.window.form.error.text() == "Wrong PIN. Try again."
    _unlock(qtbot, app, "3333")
    assert not app.lock.is_locked()
    qtbot.waitUntil(controller.console.isVisible)
    assert controller.room.session.index == step
    assert controller.notes.text() == NOTE
    assert family.view.slide() == controller.room.display_slide() != controller.room.welcome
    alvarez = person(desk, ALVAREZ)
    (locked,) = _actions(desk, "locked")
    (unlocked,) = _actions(desk, "unlocked")
    assert locked["actor_id"] == unlocked["actor_id"] == alvarez and locked["detail"] == "idle"
    assert _actions(desk, "pin_wrong")[-1]["subject_id"] == alvarez


def _draft(desk) -> str:
    row = desk.db.execute(
        "SELECT draft_note FROM consult_sessions WHERE consult_id = ?", [TEEN_CONSULT]
    ).fetchone()
    return row[0] if row else ""


def test_ctrl_l_locks_from_the_console_and_someone_else_can_take_over(
    qtbot: QtBot, signed_in_app
) -> None:
    app = signed_in_app
    controller = _present(qtbot, app)
    controller.console.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is controller.console)
    qtbot.keyClick(controller.console, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert app.lock.is_locked() and app.lock.window.reason.text().startswith("Locked.")
    form = app.lock.window.form
    form.person.setCurrentIndex(form.person.findData(person(app.desk, BROOKS)))
    _unlock(qtbot, app, "4444")
    assert not app.lock.is_locked()
    assert app.desk.signed_in_id == person(app.desk, BROOKS)
    assert app.lock.who.text().startswith("Signed in: Tamika Brooks")


def test_the_file_menu_locks_the_desk(qtbot: QtBot, signed_in_app) -> None:
    app = signed_in_app
    menu = app.main_window.menus["file"]
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert "&Lock" in texts and texts.index("&Lock") == len(texts) - 2  # just above Quit
    assert app.lock.action.shortcut().toString() == "Ctrl+L"
    app.lock.action.trigger()
    assert app.lock.is_locked() and not app.main_window.isVisible()
    _unlock(qtbot, app, "3333")
    qtbot.waitUntil(app.main_window.isVisible)


def test_a_patient_shown_is_audited_once_per_sign_in(qtbot: QtBot, signed_in_app) -> None:
    app = signed_in_app
    main = app.main_window
    main.today_button.setChecked(False)
    main.table.setFocus()
    first = main.selected_patient_id()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Up):
        qtbot.keyClick(main.table, key)
    assert main.selected_patient_id() == first
    opened = _actions(app.desk, "patient_opened")
    assert len(opened) == 3  # three different patients, each once
    assert len({e["subject_id"] for e in opened}) == 3
    assert all(e["detail"] == "" for e in opened)  # an id, no name


def test_a_practice_without_pins_opens_as_before_and_says_how_to_turn_it_on(
    qtbot: QtBot, practice_desk, kit, tmp_path
) -> None:
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.ui.app import Application

    assert not sign_in.sign_in_needed(practice_desk)
    app = Application(practice_desk, MachineSettingsStore(tmp_path / "machine.json"), kit)
    qtbot.addWidget(app.main_window)
    app.main_window.show()
    assert app.main_window.statusBar().currentMessage() == NO_PINS_YET
    assert not app.lock.action.isEnabled() and app.lock.lock(idle=False) is False


def test_typing_a_name_audits_only_the_patient_the_panel_shows(qtbot: QtBot, signed_in_app) -> None:
    """Each key selects the first match, but only the one shown after the pause was seen."""
    app = signed_in_app
    main = app.main_window
    main.today_button.setChecked(False)
    before = {e["subject_id"] for e in _actions(app.desk, "patient_opened")}
    for text in ("s", "sm", "smi"):  # the first match changes; the timer's run after each key
        main.search.setText(text)
        main._search_timer.stop()
        main._search_typed()
    qtbot.waitUntil(lambda: main.panel.overview() is not None, timeout=3000)
    qtbot.waitUntil(lambda: not main._follow.timer.isActive(), timeout=3000)
    shown = main.panel.overview().patient.id
    assert shown == main.selected_patient_id()
    opened = [e for e in _actions(app.desk, "patient_opened") if e["subject_id"] not in before]
    assert [e["subject_id"] for e in opened] in ([shown], [])  # [] when seen before
    assert shown in before | {e["subject_id"] for e in opened}
