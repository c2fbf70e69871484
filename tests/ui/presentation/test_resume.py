"""After a crash or kill -9 mid-consult, the next launch resumes exactly there."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from tcdesk.flows.session import COVERED_AFTER_SECONDS
from tcdesk.services.consult_room import ConsultRoom, open_sessions
from tcdesk.services.desk import Desk
from tests.ui.presentation.conftest import TEEN_CONSULT
from tests.ui.waiting import let_queued_timers_run

KILLED_MID_CONSULT = textwrap.dedent(
    """
    import os, signal, sys, time
    from datetime import date
    from pathlib import Path
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from tcdesk.services.consult_room import ConsultRoom, PresentationKit
    from tcdesk.services.desk import Desk
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.ui.presentation.controller import PresentationController
    from tcdesk.ui.presentation.keymap import Action
    from tcdesk.ui.presentation.screens import ScreenChooser

    app = QApplication([])
    desk = Desk.open(Path(sys.argv[1]))
    room = ConsultRoom(desk, sys.argv[2], PresentationKit.load())
    controller = PresentationController(
        room, ScreenChooser(MachineSettingsStore(Path(sys.argv[3]))), date.today()
    )
    controller.show()
    for _ in range(4):
        controller.do(Action.NEXT)
    last_item = room.session.steps[-1].checklist[0].id
    rows = [controller.checklist.item(i) for i in range(controller.checklist.count())]
    row = next(r for r in rows if r.data(Qt.ItemDataRole.UserRole) == last_item)
    row.setCheckState(Qt.CheckState.Checked)  # the TC ticks it by hand
    QTest.keyClicks(controller.notes.editor, "Grandma pays; wants low monthly")
    typed = "Grandma pays; wants low monthly"

    def autosaved():
        saved = desk.consults.saved_session(sys.argv[2])
        return saved is not None and saved.draft_note == typed and last_item in saved.checked

    deadline = time.monotonic() + 10
    while not autosaved():  # the note's autosave, seen in the file, not a guessed delay
        if time.monotonic() > deadline:
            sys.exit("the note and the tick were never autosaved")
        QTest.qWait(10)
    print(last_item, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_kill_minus_nine_then_resume_where_it_was(
    qtbot: QtBot, demo_store: Path, kit, tmp_path: Path
) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            KILLED_MID_CONSULT,
            str(demo_store),
            TEEN_CONSULT,
            str(tmp_path / "machine.json"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == -9, result.stderr
    hand_ticked = result.stdout.strip()

    desk = Desk.open(demo_store)
    try:
        interrupted = open_sessions(desk)
        assert [saved.consult_id for saved, _name in interrupted] == [TEEN_CONSULT]
        room = ConsultRoom(desk, TEEN_CONSULT, kit)
        assert room.resumed
        assert room.session.started and room.session.position == 4
        assert hand_ticked in room.session.checked
        assert room.draft_note == "Grandma pays; wants low monthly"
        notes = desk.consults.current_notes(TEEN_CONSULT)
        assert any(n.body == "Grandma pays; wants low monthly" for n in notes)
    finally:
        desk.close()


def _prompt(qtbot: QtBot, demo_desk, kit, tmp_path: Path):
    """A consult cut short at step 6, then the app launched again: the prompt is up."""
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.ui.app import Application
    from tcdesk.ui.presentation.launcher import offer_resume

    room = ConsultRoom(demo_desk, TEEN_CONSULT, kit)
    room.session.start()
    room.session.jump(6)
    room.save()
    app = Application(demo_desk, MachineSettingsStore(tmp_path / "machine.json"), kit)
    qtbot.addWidget(app.main_window)
    app.main_window.show()
    qtbot.waitExposed(app.main_window)
    # A prompt that ran its own blocking loop would stall here: the guard closes it.
    guard = QTimer(singleShot=True, interval=5000)
    guard.timeout.connect(lambda: _close(QApplication.activeModalWidget()))
    guard.start()
    prompt = offer_resume(app, app.main_window)
    guard.stop()
    assert prompt is not None and prompt.isModal()
    qtbot.waitExposed(prompt)
    assert "Resume" in prompt.windowTitle()
    return app, prompt


def _close(widget) -> None:
    if isinstance(widget, QDialog):
        widget.reject()


def _resumed_at_step_six(qtbot: QtBot, app) -> None:
    qtbot.waitUntil(lambda: app.presentation is not None)
    controller = app.presentation
    try:
        assert controller.room.session.position == 6
        assert controller.display.view.slide() is controller.room.slides[5]
    finally:
        controller.end()


def test_the_resume_prompt_takes_a_click(qtbot: QtBot, demo_desk, kit, tmp_path: Path) -> None:
    app, prompt = _prompt(qtbot, demo_desk, kit, tmp_path)
    qtbot.mouseClick(prompt.resume_button, Qt.MouseButton.LeftButton)
    _resumed_at_step_six(qtbot, app)


def test_the_resume_prompt_takes_a_real_pointer_click(
    qtbot: QtBot, demo_desk, kit, tmp_path: Path
) -> None:
    """Through the X server, as a mouse: the prompt is on top and answers."""
    from tests.ui.xpointer import click_at

    app, prompt = _prompt(qtbot, demo_desk, kit, tmp_path)
    button = prompt.resume_button
    click_at(button.mapToGlobal(button.rect().center()))
    _resumed_at_step_six(qtbot, app)


def test_not_now_keeps_the_consult_to_resume_later(
    qtbot: QtBot, demo_desk, kit, tmp_path: Path
) -> None:
    app, prompt = _prompt(qtbot, demo_desk, kit, tmp_path)
    qtbot.mouseClick(prompt.later_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not prompt.isVisible())
    assert app.presentation is None
    assert [saved.consult_id for saved, _name in open_sessions(demo_desk)] == [TEEN_CONSULT]


def test_an_ended_consult_stays_ended(qtbot: QtBot, make_controller, demo_desk) -> None:
    controller = make_controller()
    controller.start()
    controller.do(controller_action("next"))  # queues a save, the console refresh, the dwell
    controller.end()
    # Long enough for the queued save, the refresh and the checklist's dwell to fire.
    let_queued_timers_run(qtbot, int(COVERED_AFTER_SECONDS * 1000))
    saved = demo_desk.consults.saved_session(TEEN_CONSULT)
    assert saved is not None and saved.ended_at is not None
    assert open_sessions(demo_desk) == []


def controller_action(name: str):
    from tcdesk.ui.presentation.keymap import Action

    return Action(name)
