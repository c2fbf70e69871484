"""The room's screen between consults: the practice's idle screen, never the bare desktop.

Made once at start-up and handed to each presentation. A consult presents on
its display; when the consult ends the display shows the practice's welcome
(name and logo, no patient) full screen where it was, until the TC closes it
on purpose ("Close the room screen" on the desk) or the app closes. The next
consult presents on the same window.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QScreen

from tcdesk.render.slide import Slide
from tcdesk.ui.presentation.patient_display import PatientDisplay


class RoomScreen(QObject):
    changed = Signal()  # the idle screen came up or went away

    def __init__(self) -> None:
        super().__init__()
        self.display = PatientDisplay()
        # Left on its idle screen, it must not keep the app running once the desk closes.
        self.display.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self._idle = False
        QGuiApplication.instance().screenRemoved.connect(self._screen_removed)  # type: ignore[union-attr]

    def is_idle(self) -> bool:
        """The practice's idle screen is up on the room's monitor."""
        return self._idle and self.display.isVisible()

    def take(self) -> PatientDisplay:
        """A consult presents on the display from now on."""
        self._set_idle(False)
        return self.display

    def show_idle(self, slide: Slide) -> None:
        """The consult ended: ``slide`` (the practice's welcome) stays up, full screen."""
        if not self.display.isVisible():  # unplugged or never placed: nothing to keep
            self._set_idle(False)
            return
        self.display.set_blank("")
        self.display.show_slide(slide)
        self._set_idle(True)

    def close(self) -> None:
        """Take the room's screen down (the TC asked, or the app is closing)."""
        self.display.hide()
        self._set_idle(False)

    def _screen_removed(self, screen: QScreen) -> None:
        # Qt would move the window onto the TC's own screen: hide it instead.
        if self._idle and screen is self.display.placed_screen():
            self.close()

    def _set_idle(self, idle: bool) -> None:
        if idle != self._idle:
            self._idle = idle
            self.changed.emit()
