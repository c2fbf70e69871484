"""The console's window (two screens) keeps the TC's splitter and tab between consults."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter
from pytestqt.qtbot import QtBot

from tcdesk.ui.window_memory import default_path


def _splitters(controller) -> list[QSplitter]:
    return controller.console.findChildren(QSplitter)


def test_the_console_reopens_with_the_splitter_and_tab_the_tc_left(
    qtbot: QtBot, make_controller
) -> None:
    first = make_controller(single_screen=False)
    assert first.console is not None
    primary = QGuiApplication.primaryScreen().availableGeometry()
    qtbot.waitUntil(lambda: first.console.geometry() == primary)
    splitter = _splitters(first)[0]
    default = splitter.sizes()
    wanted = [default[0] + 200, default[1] - 200, default[2]]
    splitter.setSizes(wanted)
    qtbot.waitUntil(lambda: splitter.sizes() == wanted)
    first.panel.tabs.setCurrentIndex(1)  # Payment
    first.end()
    qtbot.waitUntil(lambda: not first.console.isVisible())
    assert "consoleWindow" in default_path().read_text()

    second = make_controller(single_screen=False)
    qtbot.waitUntil(lambda: second.console.geometry() == primary)  # always the TC's screen
    qtbot.waitUntil(lambda: _splitters(second)[0].sizes() == wanted)
    assert second.panel.tabs.currentIndex() == 1
