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


def test_menus_list_the_desk_actions_with_their_keys(qtbot: QtBot, practice_desk) -> None:
    from tcdesk.ui.main_window import MainWindow

    window = MainWindow(practice_desk, date(2026, 11, 27), on_present=lambda _id: None)
    qtbot.addWidget(window)
    assert [a.text() for a in window.menuBar().actions()][:3] == ["&File", "&Edit", "&Consult"]
    file_entries = _entries(_menu(window, "&File"))
    assert file_entries["&New family"] == "Ctrl+N"
    assert file_entries["&Walk-in"] == "F2"
    assert file_entries["&Import patients…"] == "Ctrl+I"
    assert file_entries["&Quit"] == "Ctrl+Q"
    edit = _entries(_menu(window, "&Edit"))
    assert edit["&Find patient"] == "Ctrl+F"
    assert edit["Se&ttings…"] == "Ctrl+,"
    consult = _entries(_menu(window, "&Consult"))
    assert consult["&Book consult…"] == "Ctrl+B"
    assert consult["&Edit consult record"] == "Ctrl+E"
    assert consult["&Present this consult"] == "Ctrl+Return"
    assert _entries(_menu(window, "&View"))["&Schedule"] == "Ctrl+D"


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
