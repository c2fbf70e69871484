"""The flow's steps with the current one marked; double-click jumps."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget


class OutlinePanel(QWidget):
    def __init__(self, on_jump: Callable[[int], None]) -> None:
        super().__init__()
        self._on_jump = on_jump
        self.progress = QLabel("")
        self.progress.setObjectName("progressLabel")
        self.progress.setProperty("role", "subheading")
        self.list = QListWidget()
        self.list.setObjectName("outline")
        self.list.itemDoubleClicked.connect(
            lambda item: self._on_jump(item.data(Qt.ItemDataRole.UserRole))
        )
        self.list.setToolTip("Double-click a step to show it")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress)
        layout.addWidget(self.list, 1)

    def set_steps(self, titles: Sequence[str]) -> None:
        self.list.clear()
        for number, title in enumerate(titles, start=1):
            item = QListWidgetItem(f"{number}. {title}")
            item.setData(Qt.ItemDataRole.UserRole, number)
            self.list.addItem(item)

    def set_current(self, number: int, started: bool, screen: str) -> None:
        count = self.list.count()
        state = {"welcome": " · welcome showing", "black": " · BLACK", "white": " · WHITE"}
        self.progress.setText(f"Step {number} of {count}{state.get(screen, '')}")
        for index in range(count):
            item = self.list.item(index)
            current = index == number - 1
            font = QFont(item.font())
            font.setBold(current)
            item.setFont(font)
            item.setForeground(QBrush(QColor("#1F6F8B" if current else "#1B1B1B")))
            if index < number - 1 and started:
                item.setForeground(QBrush(QColor("#6B7378")))
        self.list.setCurrentRow(number - 1)
