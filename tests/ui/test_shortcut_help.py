"""The "Keyboard shortcuts" window lists the keys that work, made from the keys themselves.

On a practice set up by hand (not the demo): every desk key the window shows
is pressed and fires its action; every key of the presentation's key map is
listed; F1 and "?" open it from the console, and "?" typed in a note is a "?".
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tcdesk.services.walk_in import on_duty, start_walk_in
from tests import intake_practice
from tests.conftest import FIXED_NOW

practice_desk = intake_practice.practice_desk  # the fixture
DAY = date(2026, 11, 27)
NATIVE = QKeySequence.SequenceFormat.NativeText


@pytest.fixture
def desk_window(qtbot: QtBot, practice_desk):
    from tcdesk.ui.main_window import MainWindow

    window = MainWindow(practice_desk, DAY, on_present=lambda _id: None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _help_window(parent):
    from tcdesk.ui.shortcut_help import ShortcutHelpWindow

    return parent.findChild(ShortcutHelpWindow, "shortcutHelp")


def _press(qtbot: QtBot, sequence: QKeySequence) -> None:
    combination = sequence[0]
    target = QApplication.focusWidget() or QApplication.activeWindow()
    qtbot.keyClick(target, combination.key(), combination.keyboardModifiers())


def test_f1_on_the_desk_lists_every_desk_key_and_every_presentation_key(
    qtbot: QtBot, desk_window
) -> None:
    from tcdesk.ui.presentation.keymap import KEY_NAMES, KEYMAP
    from tcdesk.ui.shortcut_table import shown_sequences, window_actions

    help_entry = [
        a for a in desk_window.menus["help"].actions() if a.text() == "&Keyboard shortcuts"
    ]
    assert help_entry and help_entry[0].shortcut().toString(NATIVE) == "F1"
    qtbot.keyClick(desk_window.search, Qt.Key.Key_F1)
    shown = _help_window(desk_window)
    qtbot.waitUntil(lambda: shown is not None and shown.isVisible())
    rows = shown.rows()
    does = {what: keys for keys, what in rows}
    actions = window_actions(desk_window)
    assert len(actions) >= 10  # new family, walk-in, import, quit, find, settings, ...
    for action in actions:
        name = action.text().replace("&", "").removesuffix("…")
        assert name in does, f"{name} is not in the list"
        for sequence in shown_sequences(action):
            assert sequence.toString(NATIVE) in does[name]
    assert does["Find patient"] == "Ctrl+F" and does["Quit"] == "Ctrl+Q"  # no "Find", "Exit"
    listed = " ".join(keys for keys, _what in rows)
    for keys in KEYMAP.values():
        for key in keys:
            assert KEY_NAMES[key] in listed
    titles = [g.title for g in shown.groups]
    assert titles[:3] == ["File", "Edit", "Consult"]
    assert any(t.startswith("Presentation") for t in titles)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is shown.tree)
    qtbot.keyClick(shown.tree, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shown.isVisible())
    desk_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk_window)
    qtbot.keyClick(desk_window.search, Qt.Key.Key_F1)  # the same window, again
    assert _help_window(desk_window) is shown and shown.isVisible()
    shown.close()


def test_every_desk_key_the_list_shows_fires_its_action(qtbot: QtBot, desk_window) -> None:
    from tcdesk.ui.shortcut_help import desk_groups
    from tcdesk.ui.shortcut_table import shown_sequences, window_actions

    actions = {a.text().replace("&", "").removesuffix("…"): a for a in window_actions(desk_window)}
    shown_rows = [row for group in desk_groups(desk_window) for row in group.rows]
    pressed = 0
    for row in shown_rows:
        action = actions.get(row.does)
        if action is None:
            continue  # a presentation key or a Qt convention (tested elsewhere)
        if not action.isEnabled():
            continue  # e.g. Print agreement with no consult chosen: its key rightly does nothing
        action.triggered.disconnect()  # only whether the key reaches it: open nothing
        for sequence in shown_sequences(action):
            assert sequence.toString(NATIVE) in row.keys
            desk_window.search.setFocus()
            with qtbot.waitSignal(action.triggered, timeout=1000, raising=False) as fired:
                _press(qtbot, sequence)
            assert fired.signal_triggered, f"{sequence.toString(NATIVE)} did not {row.does}"
            pressed += 1
    assert set(actions) <= {row.does for row in shown_rows}
    assert pressed >= len([a for a in actions.values() if a.isEnabled()]) >= 10


@pytest.fixture
def console(qtbot: QtBot, practice_desk, tmp_path: Path):
    """A walk-in's consult presented on two screens, from a practice set up by hand."""
    from tcdesk.services.consult_room import ConsultRoom, PresentationKit
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.ui.presentation.controller import PresentationController
    from tcdesk.ui.presentation.screens import ScreenChooser

    duty = on_duty(practice_desk)
    started = start_walk_in(
        practice_desk,
        "Sam Okafor",
        "503 555 0142",
        duty.office.id,
        duty.coordinator.id,
        duty.doctor.id,
        FIXED_NOW,
    )
    room = ConsultRoom(practice_desk, started.consult.id, PresentationKit.load())
    screens = ScreenChooser(MachineSettingsStore(tmp_path / "machine.json"))
    controller = PresentationController(room, screens, DAY, single_screen=False)
    controller.show()
    for window in controller.windows():
        qtbot.waitExposed(window)
    controller.console.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is controller.console)
    yield controller
    controller.end()
    for widget in QApplication.topLevelWidgets():
        if widget is controller.display and widget.isVisible():
            widget.hide()


def test_question_mark_and_f1_on_the_console_show_the_presentation_keys(
    qtbot: QtBot, console
) -> None:
    from tcdesk.ui.presentation.keymap import DOES, KEYMAP, describe

    at = console.room.session.position
    console.notes.editor.setFocus()
    qtbot.keyClicks(console.notes.editor, "Asked about cost?")
    assert console.notes.text() == "Asked about cost?"  # typed, not a key of the presentation
    assert _help_window(console.console) is None

    console.panel.black_button.setFocus()
    qtbot.keyClick(console.panel.black_button, "?")
    shown = _help_window(console.console)
    qtbot.waitUntil(lambda: shown is not None and shown.isVisible())
    assert shown.parent() is console.console  # the TC's screen, never the family's
    rows = shown.rows()
    for action in KEYMAP:
        assert (describe(action), DOES[action]) in rows
    assert shown.groups[0].title.startswith("Presentation")
    assert ("F1", "Keyboard shortcuts") in rows  # the console's own F1
    qtbot.keyClick(shown.tree, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not shown.isVisible())
    assert console.room.session.position == at  # typing, ? and Esc moved no slide

    console.console.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is console.console)
    console.panel.black_button.setFocus()
    qtbot.keyClick(console.panel.black_button, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: shown.isVisible())
    shown.close()
