"""A small copy of the room's screen on the console, drawn by the display's own widget."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QSizePolicy

from tcdesk.ui.slide_view import SlideView


class Thumbnail(SlideView):
    """The same widget as the patient display, kept at the room screen's shape.

    With nothing to show (after the last step) it is light grey, not black, so
    it never suggests that the next key will blank the room's screen.
    """

    def __init__(self, aspect: float = 16 / 9) -> None:
        super().__init__(empty_colour=QColor("#E3E6E9"))
        self._aspect = aspect
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumSize(160, 90)

    def set_aspect(self, aspect: float) -> None:
        self._aspect = aspect
        self.updateGeometry()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return int(width / self._aspect)

    def sizeHint(self) -> QSize:
        return QSize(640, int(640 / self._aspect))
