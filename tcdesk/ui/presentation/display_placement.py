"""Which monitor the family's view is on during a consult, and what the console says of it.

Screens come and go mid-consult (a cable, a projector): the display hides at
once when its screen goes, a new screen is offered rather than taken, and the
TC's choice is remembered by the screen's name.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtGui import QGuiApplication, QScreen

from tcdesk.ui.presentation.console import ConsolePanel
from tcdesk.ui.presentation.patient_display import PatientDisplay
from tcdesk.ui.presentation.screens import (
    IdentifyOverlay,
    ScreenChooser,
    describe_screen,
    identify_screens,
)


class DisplayPlacement(QObject):
    """Puts ``display`` (None with one screen) on the room's monitor and follows hot-plugs.

    ``refresh`` repaints the family's view; ``console_changed`` asks the console
    to catch up (its live thumbnail shows when nothing is on).
    """

    def __init__(
        self,
        display: PatientDisplay | None,
        panel: ConsolePanel,
        screens: ScreenChooser,
        target: QScreen | None,
        *,
        refresh: Callable[[], None],
        console_changed: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._display = display
        self._panel = panel
        self._screens = screens
        self._refresh = refresh
        self._console_changed = console_changed
        self.patient_screen: QScreen | None = target
        self._offered = ""
        self._overlays: list[IdentifyOverlay] = []
        panel.identify_button.clicked.connect(self.identify)
        panel.screen_combo.currentIndexChanged.connect(self._chosen)
        panel.use_screen_button.clicked.connect(self._use_offered)

    def _hot_plug(self) -> tuple[tuple[SignalInstance, Callable[..., None]], ...]:
        return (
            (self._screens.patient_screen_lost, self._lost),
            (self._screens.screen_offered, self._offered_screen),
            (self._screens.screens_changed, self._fill_combo),
            (QGuiApplication.instance().screenRemoved, self._removed_now),  # type: ignore[union-attr]
        )

    def follow(self) -> None:
        """Start following screens being plugged in and out."""
        for signal, slot in self._hot_plug():
            signal.connect(slot)

    def stop_following(self) -> None:
        for signal, slot in self._hot_plug():
            signal.disconnect(slot)

    def show_display(self) -> None:
        """Two screens: the display on the chosen screen, and say when last time's is gone."""
        self._fill_combo()
        if self.patient_screen is not None:
            self.place(self.patient_screen, remember=False)
        missing = self._screens.saved_screen_missing()
        if missing:
            self._panel.screen_status.setText(
                f"The room screen used last time ({missing}) is not connected; "
                "showing on the first other screen."
            )

    def place(self, screen: QScreen, *, remember: bool = True) -> None:
        if self._display is None:
            return
        self._display.place_on(screen)
        self.patient_screen = screen
        self._screens.set_patient_screen(screen)
        if remember:
            self._screens.remember(screen)
        panel = self._panel
        panel.screen_status.setText(f"Family sees: {describe_screen(screen)}")
        panel.use_screen_button.setVisible(False)
        index = panel.screen_combo.findData(screen.name())
        if index >= 0:
            panel.screen_combo.blockSignals(True)
            panel.screen_combo.setCurrentIndex(index)
            panel.screen_combo.blockSignals(False)

    def identify(self) -> list[IdentifyOverlay]:
        """Label every monitor for a moment; the labels shown."""
        self._overlays = identify_screens(self)
        return self._overlays

    def _fill_combo(self) -> None:
        combo = self._panel.screen_combo
        combo.blockSignals(True)
        combo.clear()
        primary = QGuiApplication.primaryScreen()
        for screen in self._screens.screens():
            suffix = " (your screen)" if screen is primary else ""
            combo.addItem(describe_screen(screen) + suffix, screen.name())
        if self.patient_screen is not None:
            combo.setCurrentIndex(max(0, combo.findData(self.patient_screen.name())))
        combo.blockSignals(False)

    def _chosen(self, index: int) -> None:
        name = self._panel.screen_combo.itemData(index)
        screen = self._screens.find(name) if name else None
        if screen is not None and screen is not QGuiApplication.primaryScreen():
            self.place(screen)
        elif screen is not None:
            self._panel.screen_status.setText(
                "That is your own screen; the family's view stays where it is."
            )

    def _removed_now(self, screen: QScreen) -> None:
        """Hide at once: Qt would otherwise move the display onto the TC's screen."""
        if self._display is not None and screen is self.patient_screen:
            self._display.hide()
            self.patient_screen = None

    def _lost(self, name: str) -> None:
        if self._display is not None:
            self._display.hide()
        self._console_changed()  # the live thumbnail shows that nothing is on
        self.patient_screen = None
        status = self._panel.screen_status
        status.setText(
            f"The room screen ({name}) was disconnected. The family sees nothing now; "
            "reconnect it or choose another screen. Your place is kept."
        )
        status.setProperty("role", "warning")
        status.style().polish(status)

    def _offered_screen(self, name: str) -> None:
        if self._display is None:
            return
        self._offered = name
        self._panel.use_screen_button.setText(f"Show on {name}")
        self._panel.use_screen_button.setVisible(True)
        if self.patient_screen is None:
            self._panel.screen_status.setText(f"A screen was connected: {name}.")

    def _use_offered(self) -> None:
        screen = self._screens.find(self._offered)
        if screen is not None:
            self.place(screen)
            self._refresh()
