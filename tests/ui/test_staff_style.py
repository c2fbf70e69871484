"""The staff look is set again only when it changes (each set polishes every widget)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from tcdesk.ui.style import apply_staff_style


class _StyleChanges(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.StyleChange:
            self.count += 1
        return False


def test_the_same_colour_again_restyles_nothing_a_new_one_does(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    button = QPushButton("Save")
    qtbot.addWidget(button)
    button.show()
    apply_staff_style(app, "#1F6F8B")
    changes = _StyleChanges()
    button.installEventFilter(changes)
    apply_staff_style(app, "#1F6F8B")
    assert changes.count == 0
    apply_staff_style(app, "#8B1F4A")
    assert changes.count > 0
    assert "#8B1F4A" in app.styleSheet()
    apply_staff_style(app, "#1F6F8B")
