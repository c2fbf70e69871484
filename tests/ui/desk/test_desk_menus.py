"""The desk's menus hold every desk action, with the key that works shown beside it."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from tests import intake_practice

practice_desk = intake_practice.practice_desk  # the fixture


def _menu(window, title: str):
    for action in window.menuBar().actions():
        if action.text() == title:
            return action.menu()
    raise AssertionError(f"no {title} menu")


def _entries(menu) -> dict[str, str]:
    return {
        a.text(): a.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        for a in menu.actions()
        if not a.isSeparator()
    }


def test_file_and_consults_menus_list_the_desk_actions(qtbot: QtBot, practice_desk) -> None:
    from tcdesk.ui.main_window import MainWindow

    window = MainWindow(practice_desk, date(2026, 11, 27), on_present=lambda _id: None)
    qtbot.addWidget(window)
    assert _entries(_menu(window, "&File")) == {
        "&New family": "Ctrl+N",
        "&Walk-in": "F2",
        "&Import patients…": "Ctrl+I",
        "Se&ttings…": "Ctrl+,",
        "&Quit": "Ctrl+Q",
    }
    assert _entries(_menu(window, "&Consults")) == {
        "&Find patient": "Ctrl+F",
        "&Book consult…": "Ctrl+B",
        "&Schedule": "Ctrl+D",
        "&Edit consult record": "Ctrl+E",
        "Present this consult": "Ctrl+Return",
    }


def test_menu_actions_open_their_windows(qtbot: QtBot, practice_desk) -> None:
    from tcdesk.ui.main_window import MainWindow

    window = MainWindow(practice_desk, date(2026, 11, 27), on_present=lambda _id: None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.scheduling.schedule_action.trigger()
    qtbot.waitUntil(
        lambda: window.schedule_window is not None and window.schedule_window.isVisible()
    )
    window.settings_action.trigger()
    qtbot.waitUntil(
        lambda: window.settings_window is not None and window.settings_window.isVisible()
    )
    window.schedule_window.close()
    window.settings_window.close()
