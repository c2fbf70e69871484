"""Start-up's deferred work runs only once the window is painted, a step per turn."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tcdesk.ui.first_paint import AfterFirstPaint


def test_the_steps_wait_for_the_first_paint_and_run_in_order(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    painted: list[bool] = []
    ran: list[tuple[str, bool]] = []
    window.paintEvent = lambda _event: painted.append(True)  # type: ignore[method-assign]
    after = AfterFirstPaint(
        window, [lambda name=name: ran.append((name, bool(painted))) for name in "abc"]
    )
    for _ in range(5):
        QCoreApplication.processEvents()
    assert ran == [] and not after.done  # not shown, never painted: nothing yet
    window.show()
    qtbot.waitUntil(lambda: after.done, timeout=3000)
    assert ran == [("a", True), ("b", True), ("c", True)]


def test_what_comes_in_during_a_step_is_handled_before_the_next(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    ran: list[str] = []

    def first() -> None:
        ran.append("a")
        QTimer.singleShot(0, lambda: ran.append("queued during a"))  # as a key press would be

    after = AfterFirstPaint(window, [first, lambda: ran.append("b")])
    window.show()
    qtbot.waitUntil(lambda: after.done, timeout=3000)
    assert ran == ["a", "queued during a", "b"]
