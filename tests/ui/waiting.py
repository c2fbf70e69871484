"""Waiting in Qt tests for a sign that queued work ran, never for a guessed time."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot


def let_queued_timers_run(qtbot: QtBot, interval_ms: int = 0) -> None:
    """Return once a timer started now with ``interval_ms`` has fired.

    Qt fires timers in the order they fall due, so by then every timer of
    ``interval_ms`` or less started before this call has had its turn: a
    test that asserts "nothing happened" has seen the moment it could have.
    """
    marker = QTimer(singleShot=True, interval=interval_ms)
    with qtbot.waitSignal(marker.timeout, timeout=interval_ms + 5000):
        marker.start()


def answer_next_question(qtbot: QtBot, button, seen: list[str]) -> None:
    """Press ``button`` on the next QMessageBox question once it is up; note its text."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
