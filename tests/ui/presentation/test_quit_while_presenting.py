"""Quit (Ctrl+Q) with a consult open asks first, and the note typed is never lost.

Driven on the running app's real windows: the consult presented from the
desk, a note typed on the console, Ctrl+Q pressed, each answer chosen.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tcdesk.domain import ConsultStatus
from tcdesk.services.consult_outcome import OutcomeKind
from tcdesk.services.consult_room import open_sessions
from tests.ui.presentation.conftest import TEEN_CONSULT

NOTE = "Mum asks about the low monthly plan"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def running(qtbot: QtBot, demo_desk, kit, tmp_path: Path) -> Iterator:
    """The app with the teen consult presented on two screens, as the desk's Present does."""
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.ui.app import Application

    app = Application(demo_desk, MachineSettingsStore(tmp_path / "machine.json"), kit)
    qtbot.addWidget(app.main_window)
    app.main_window.show()
    qtbot.waitExposed(app.main_window)
    app.present(TEEN_CONSULT)
    controller = app.presentation
    assert controller is not None and controller.console is not None
    qtbot.waitExposed(controller.console)
    controller.start()
    yield app
    if app.presentation is not None:
        app.presentation.end()


def _type_note(qtbot: QtBot, controller) -> None:
    controller.notes.editor.setFocus()
    qtbot.keyClicks(controller.notes.editor, NOTE)
    assert controller.notes.dirty()  # typed, not yet autosaved: the case that loses notes


def _note_in_store(desk) -> bool:
    return any(n.body == NOTE for n in desk.consults.current_notes(TEEN_CONSULT))


def _ctrl_q_on_console(qtbot: QtBot, app):
    controller = app.presentation
    controller.console.activateWindow()
    qtbot.waitUntil(controller.console.isActiveWindow)
    qtbot.keyClick(controller.console, Qt.Key.Key_Q, CTRL)
    question = app.open_consult.question
    assert question is not None
    qtbot.waitExposed(question)
    return question


def test_ctrl_q_asks_and_the_note_is_saved_before_the_question(
    qtbot: QtBot, running, demo_desk
) -> None:
    controller = running.presentation
    _type_note(qtbot, controller)
    question = _ctrl_q_on_console(qtbot, running)
    assert question.heading.text() == f"A consult with {controller.room.patient_name} is open"
    assert _note_in_store(demo_desk)
    assert question.keep_button.isDefault()
    qtbot.keyClick(question, Qt.Key.Key_Return)  # a stray Enter keeps working
    qtbot.waitUntil(lambda: not question.isVisible())
    assert running.presentation is controller and controller.console.isVisible()


def test_keep_working_with_esc_changes_nothing(qtbot: QtBot, running, demo_desk) -> None:
    controller = running.presentation
    _type_note(qtbot, controller)
    question = _ctrl_q_on_console(qtbot, running)
    qtbot.keyClick(question, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not question.isVisible())
    assert running.presentation is controller and controller.console.isVisible()
    assert _note_in_store(demo_desk)
    qtbot.keyClick(controller.console, Qt.Key.Key_Right)  # still presenting, keys still work
    assert controller.room.session.position == 2


def test_quit_and_resume_later_leaves_the_consult_resumable(
    qtbot: QtBot, running, demo_desk
) -> None:
    from tcdesk.ui.presentation.launcher import offer_resume

    controller = running.presentation
    controller.do(controller_action("next"))
    controller.do(controller_action("next"))
    _type_note(qtbot, controller)
    question = _ctrl_q_on_console(qtbot, running)
    with qtbot.waitSignal(running.main_window.closing):
        qtbot.mouseClick(question.later_button, Qt.MouseButton.LeftButton)
    assert running.presentation is None and not controller.console.isVisible()
    assert not running.main_window.isVisible()
    assert _note_in_store(demo_desk)
    assert [s.consult_id for s, _name in open_sessions(demo_desk)] == [TEEN_CONSULT]
    saved = demo_desk.consults.saved_session(TEEN_CONSULT)
    assert saved.ended_at is None and saved.step_index == 2 and saved.draft_note == NOTE
    # The next launch offers to resume it.
    running.main_window.show()
    prompt = offer_resume(running, running.main_window)
    assert prompt is not None
    prompt.reject()


def test_end_the_consult_asks_the_outcome_then_quits(qtbot: QtBot, running, demo_desk) -> None:
    controller = running.presentation
    _type_note(qtbot, controller)
    question = _ctrl_q_on_console(qtbot, running)
    qtbot.mouseClick(question.end_button, Qt.MouseButton.LeftButton)
    dialog = controller.outcome_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.buttons[OutcomeKind.DECLINED].setChecked(True)
    dialog.reason.setText("Wants a second opinion first")
    with qtbot.waitSignal(running.main_window.closing):
        dialog.try_accept()
    assert running.presentation is None and not running.main_window.isVisible()
    assert _note_in_store(demo_desk)
    assert demo_desk.consults.get(TEEN_CONSULT).status is ConsultStatus.DECLINED
    assert open_sessions(demo_desk) == []


def test_back_to_the_consult_from_the_outcome_cancels_the_quit(
    qtbot: QtBot, running, demo_desk
) -> None:
    controller = running.presentation
    _type_note(qtbot, controller)
    question = _ctrl_q_on_console(qtbot, running)
    qtbot.mouseClick(question.end_button, Qt.MouseButton.LeftButton)
    dialog = controller.outcome_dialog
    qtbot.waitExposed(dialog)
    dialog.reject()
    assert running.presentation is controller and controller.console.isVisible()
    assert _note_in_store(demo_desk)
    # Ending later, the normal way, does not quit the app.
    controller.end()
    assert running.presentation is None
    assert running.main_window.isVisible()


def test_ctrl_q_on_the_desk_asks_the_same_question(qtbot: QtBot, running, demo_desk) -> None:
    """The desk is hidden while presenting; brought back (as a window manager can), its
    Ctrl+Q asks too, and its Consult menu brings the console forward."""
    controller = running.presentation
    _type_note(qtbot, controller)
    desk = running.main_window
    assert desk.menu_actions.console_action.isEnabled()
    desk.show()
    desk.activateWindow()
    qtbot.waitUntil(desk.isActiveWindow)
    qtbot.keyClick(desk, Qt.Key.Key_Q, CTRL)
    question = running.open_consult.question
    assert question is not None
    qtbot.waitExposed(question)
    assert _note_in_store(demo_desk)
    question.reject()
    assert desk.isVisible() and running.presentation is controller
    desk.menu_actions.console_action.trigger()
    qtbot.waitUntil(controller.console.isActiveWindow)


def test_the_system_closing_the_desk_asks_too(qtbot: QtBot, running, demo_desk) -> None:
    """A close from the window system (log-out, the title bar), not from tcdesk's code."""
    controller = running.presentation
    _type_note(qtbot, controller)
    desk = running.main_window
    desk.show()
    qtbot.waitExposed(desk)
    from tests.ui.xclose import close_like_the_window_manager

    close_like_the_window_manager(desk)
    qtbot.waitUntil(lambda: running.open_consult.question is not None)
    assert desk.isVisible() and running.presentation is controller
    assert _note_in_store(demo_desk)
    running.open_consult.question.reject()


def test_ctrl_q_with_nothing_open_just_quits(qtbot: QtBot, demo_desk, kit, tmp_path) -> None:
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.ui.app import Application

    app = Application(demo_desk, MachineSettingsStore(tmp_path / "machine.json"), kit)
    qtbot.addWidget(app.main_window)
    app.main_window.show()
    app.main_window.activateWindow()
    qtbot.waitUntil(app.main_window.isActiveWindow)
    with qtbot.waitSignal(app.main_window.closing):
        qtbot.keyClick(app.main_window, Qt.Key.Key_Q, CTRL)
    assert not app.main_window.isVisible()
    assert app.open_consult.question is None


def controller_action(name: str):
    from tcdesk.ui.presentation.keymap import Action

    return Action(name)


QUIT_FOR_LATER = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from tcdesk.services.desk import Desk
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.ui.app import Application, shutdown

    qt = QApplication([])
    desk = Desk.open(Path(sys.argv[1]))
    app = Application(desk, MachineSettingsStore(Path(sys.argv[3])))
    app.main_window.show()

    def present():
        app.present(sys.argv[2])
        QTest.keyClicks(app.presentation.notes.editor, "Dad pays; call after 6")
        app.presentation.quit_requested.emit()  # what the console's Ctrl+Q does
        app.open_consult.question.later_button.click()

    QTimer.singleShot(0, present)
    QTimer.singleShot(20_000, lambda: sys.exit("the app did not quit"))
    code = qt.exec()
    shutdown(qt)
    desk.close()
    print("exited", code, flush=True)
    """
)


def test_resume_later_really_ends_the_event_loop(demo_store: Path, tmp_path: Path) -> None:
    """In a real run (app.exec), "Quit and resume later" quits; the next start resumes."""
    _run_then_resumable(demo_store, "Dad pays; call after 6", QUIT_FOR_LATER, str(tmp_path / "m"))


def _run_then_resumable(demo_store: Path, typed: str, script: str, *args: str) -> None:
    """Run ``script`` as a real app process; it must exit 0, the consult open to resume
    with ``typed`` in its note."""
    from tcdesk.services.desk import Desk

    result = subprocess.run(
        [sys.executable, "-c", script, str(demo_store), TEEN_CONSULT, *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("exited 0")
    desk = Desk.open(demo_store)
    try:
        assert [s.consult_id for s, _name in open_sessions(desk)] == [TEEN_CONSULT]
        notes = desk.consults.current_notes(TEEN_CONSULT)
        assert any(n.body == typed for n in notes)
    finally:
        desk.close()


STOPPED_BY_THE_SYSTEM = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from tcdesk.services.desk import Desk
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.ui.app import Application, shutdown
    from tcdesk.ui.stop_signals import stop_on_signals

    qt = QApplication([])
    desk = Desk.open(Path(sys.argv[1]))
    desk.signed_in_id = desk.practices.staff(desk.practice().id)[0].id
    app = Application(desk, MachineSettingsStore(Path(sys.argv[3]) / "m"))
    stop_on_signals(qt, app.stop_now)  # as run_app does
    app.main_window.show()

    def present():
        app.present(sys.argv[2])
        QTest.keyClicks(app.presentation.notes.editor, "Stopped mid-sentence")
        if sys.argv[4] == "locked":
            app.lock.lock(idle=False)
        os.kill(os.getpid(), signal.SIGTERM)  # a log-out, or Ctrl+C at a terminal

    QTimer.singleShot(0, present)
    QTimer.singleShot(20_000, lambda: sys.exit("the app did not stop"))
    code = qt.exec()
    shutdown(qt)
    desk.close()
    print("exited", code, flush=True)
    """
)


@pytest.mark.parametrize("state", ["presenting", "locked"])
def test_a_stop_from_the_system_saves_the_note_and_quits(
    demo_store: Path, tmp_path: Path, state: str
) -> None:
    """SIGTERM with a consult open (or the desk locked over it) ends the app, never hangs."""
    _run_then_resumable(
        demo_store, "Stopped mid-sentence", STOPPED_BY_THE_SYSTEM, str(tmp_path), state
    )
