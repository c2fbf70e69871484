"""Routes presentation keys to the controller from either window.

Installed on the application while a consult is presented. It acts only on
the presentation's own windows, never on a dialog, and lets text boxes keep
ordinary typing (except clicker keys, which always navigate).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from tcdesk.ui.presentation.keymap import (
    ACTION_FOR_KEY,
    ALWAYS_ACTIVE,
    DIGITS,
    ENTER_KEYS,
    Action,
)

# Widgets that use the arrows, Space or digits themselves while they have focus.
TEXT_INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox, QAbstractSlider)


class PresentationKeyFilter(QObject):
    def __init__(
        self,
        windows: Callable[[], list[QWidget]],
        on_action: Callable[[Action], None],
        on_jump: Callable[[int], None],
    ) -> None:
        super().__init__()
        self._windows = windows
        self._on_action = on_action
        self._on_jump = on_jump
        self._digits = ""

    def pending_jump(self) -> str:
        """Digits typed so far for a jump (shown on the console)."""
        return self._digits

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if watched.window() not in self._windows():
            return False
        assert isinstance(event, QKeyEvent)
        return self.handle_key(event, watched)

    def handle_key(self, event: QKeyEvent, target: QWidget | None) -> bool:
        """``target`` is the widget the key was sent to (the focus widget, for a keyboard)."""
        if event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            return False
        key = Qt.Key(event.key())
        typing = isinstance(target, TEXT_INPUTS)
        if typing and key not in ALWAYS_ACTIVE:
            return False
        if key in DIGITS and not event.isAutoRepeat():
            self._digits = (self._digits + str(DIGITS[key]))[-3:]
            return True
        if key in ENTER_KEYS and self._digits:
            number, self._digits = int(self._digits), ""
            self._on_jump(number)
            return True
        action = ACTION_FOR_KEY.get(key)
        if action is None:
            if key == Qt.Key.Key_Escape:
                self._digits = ""
            return False
        self._digits = ""
        self._on_action(action)
        return True
