"""Which monitor is the room's: choosing it, remembering it, noticing hot-plugs.

The choice is remembered per machine by the screen's name (plus geometry to
tell twins apart), never by index, since indexes change when cables move.
Hot-plug signals come in bursts, so they are settled for a moment first.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QLabel, QWidget

from tcdesk.services.machine_settings import MachineSettingsStore

SETTLE_MS = 350
IDENTIFY_MS = 3000


def geometry_text(rect: QRect) -> str:
    return f"{rect.x()},{rect.y()},{rect.width()},{rect.height()}"


def describe_screen(screen: QScreen) -> str:
    size = screen.geometry()
    return f"{screen.name()} ({size.width()}×{size.height()})"


class ScreenChooser(QObject):
    """Knows the screens; says when the patient's one leaves or a new one arrives."""

    patient_screen_lost = Signal(str)
    screen_offered = Signal(str)
    screens_changed = Signal()

    def __init__(self, settings: MachineSettingsStore) -> None:
        super().__init__()
        self._settings = settings
        self._known = self._names()
        self._patient_name: str | None = None
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._settled)
        app = QGuiApplication.instance()
        app.screenAdded.connect(self._changed)  # type: ignore[union-attr]
        app.screenRemoved.connect(self._changed)  # type: ignore[union-attr]

    @staticmethod
    def screens() -> list[QScreen]:
        return list(QGuiApplication.screens())

    @staticmethod
    def primary() -> QScreen:
        return QGuiApplication.primaryScreen()

    def _names(self) -> list[str]:
        return [s.name() for s in self.screens()]

    def find(self, name: str) -> QScreen | None:
        matches = [s for s in self.screens() if s.name() == name]
        if len(matches) > 1:
            saved = self._settings.load().patient_screen_geometry
            for screen in matches:
                if geometry_text(screen.geometry()) == saved:
                    return screen
        return matches[0] if matches else None

    def choose(self) -> QScreen | None:
        """The remembered room screen if present, else the first non-primary; None = one screen."""
        saved = self._settings.load().patient_screen
        if saved:
            screen = self.find(saved)
            if screen is not None and screen is not self.primary():
                return screen
        others = [s for s in self.screens() if s is not self.primary()]
        return others[0] if others else None

    def saved_screen_missing(self) -> str:
        """The remembered screen's name when it is not connected now (to warn), else ''."""
        saved = self._settings.load().patient_screen
        return saved if saved and self.find(saved) is None else ""

    def remember(self, screen: QScreen) -> None:
        self._settings.update(
            patient_screen=screen.name(), patient_screen_geometry=geometry_text(screen.geometry())
        )

    def set_patient_screen(self, screen: QScreen | None) -> None:
        self._patient_name = screen.name() if screen else None

    def _changed(self, *_args: object) -> None:
        self._settle.start()

    def _settled(self) -> None:
        now = self._names()
        added = [n for n in now if n not in self._known]
        self._known = now
        self.screens_changed.emit()
        if self._patient_name and self._patient_name not in now:
            lost, self._patient_name = self._patient_name, None
            self.patient_screen_lost.emit(lost)
        for name in added:
            self.screen_offered.emit(name)


class IdentifyOverlay(QWidget):
    """A big label on one screen for a moment: "Screen 2 — HDMI-1"."""

    def __init__(self, screen: QScreen, text: str) -> None:
        flags = (
            Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.Tool
        )
        super().__init__(None, flags)
        self.setObjectName("identifyOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        label = QLabel(text, self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setStyleSheet(
            "background: #1F6F8B; color: white; font-size: 48pt; font-weight: 700;"
            " border-radius: 16px; padding: 24px;"
        )
        label.adjustSize()
        self.resize(label.size())
        area = screen.geometry()
        self.move(area.center().x() - self.width() // 2, area.center().y() - self.height() // 2)


def identify_screens(parent: QObject) -> list[IdentifyOverlay]:
    """Label every screen for a few seconds; returns the overlays (closed by a timer)."""
    overlays = []
    for number, screen in enumerate(QGuiApplication.screens(), start=1):
        primary = " (main screen)" if screen is QGuiApplication.primaryScreen() else ""
        overlay = IdentifyOverlay(screen, f"Screen {number}: {describe_screen(screen)}{primary}")
        overlay.show()
        overlays.append(overlay)
        QTimer.singleShot(IDENTIFY_MS, overlay.close)
    return overlays
