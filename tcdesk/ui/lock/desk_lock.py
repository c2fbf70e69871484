"""Auto-lock: after the practice's idle minutes, or Ctrl+L, the desk and the console lock.

Idle means no key, click, wheel or mouse move in any tcdesk window (one
application event filter). Locking saves the note being typed, puts the
practice's welcome on the family's screen, hides the desk and the console
under the lock window, and lets no input reach them. A PIN brings everything
back as it was: the same windows, the same step, the same note; the family's
screen shows the slide again. Only a practice where someone is signed in
locks (one without PINs yet works as before). Every lock and unlock, and each
patient the desk shows (once per sign-in), goes to the audit log.
"""

from __future__ import annotations

from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QWindow
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget

from tcdesk.services import audit_trail, sign_in
from tcdesk.services.desk import Desk
from tcdesk.ui.lock.lock_window import LockWindow

NO_PINS_YET = "Set a PIN for each person in Settings > Staff to turn on signing in and the lock."

_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.ShortcutOverride,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class LockHost(Protocol):
    """What the lock needs from the app (``tcdesk.ui.app.Application``)."""

    desk: Desk
    main_window: Any
    presentation: Any  # the PresentationController while a consult is presented
    room_screen: Any


class DeskLock(QObject):
    def __init__(self, host: LockHost, *, idle_ms: int | None = None) -> None:
        super().__init__(host.main_window)  # goes (and its filter with it) when the desk does
        self.host = host
        self.desk = host.desk
        practice = self.desk.practice()
        minutes = practice.lock_after_minutes if practice else 5
        self.minutes = minutes
        self.timer = QTimer(self, singleShot=True, interval=idle_ms or minutes * 60_000)
        self.timer.timeout.connect(lambda: self.lock(idle=True))
        self.window: LockWindow | None = None
        self._hidden: list[tuple[QWidget, Qt.WindowState]] = []
        self._active: QWidget | None = None
        self._shown_patients: set[str] = set()
        self._shown_for: str | None = None  # whose sign-in the set above belongs to
        self._build_action(host.main_window)
        self.who = QLabel("")
        self.who.setObjectName("signedInAs")
        self.who.setProperty("role", "muted")
        host.main_window.statusBar().addPermanentWidget(self.who)
        # What the panel shows is what was seen: the first match while typing is not
        # shown (the panel waits for a pause), so it is not an opened record.
        panel = getattr(host.main_window, "panel", None)
        if panel is not None:
            panel.patient_shown.connect(self._patient_shown)
        closing = getattr(host.main_window, "closing", None)
        if closing is not None:
            closing.connect(self.stop)
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
        self.signed_in_changed()

    def stop(self) -> None:
        """The desk is closing: no more idle counting, no filter on the application."""
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def _build_action(self, window: Any) -> None:
        self.action = QAction("&Lock", window)
        self.action.setObjectName("lockAction")
        self.action.setShortcut(QKeySequence("Ctrl+L"))
        self.action.setToolTip("Lock tcdesk now; your PIN unlocks it where you were")
        self.action.triggered.connect(lambda: self.lock(idle=False))
        menu = getattr(window, "menus", {}).get("file")
        if menu is not None:
            actions = menu.actions()
            before = actions[-1] if actions else None  # above Quit, the last one
            menu.insertAction(before, self.action)
            menu.insertSeparator(before)
        else:
            window.addAction(self.action)

    # -- state ----------------------------------------------------------------------------

    def active(self) -> bool:
        """The lock works once someone is signed in."""
        return self.desk.signed_in_id is not None

    def is_locked(self) -> bool:
        return self.window is not None

    def set_idle_ms(self, ms: int) -> None:
        self.timer.setInterval(ms)
        if self.active() and not self.is_locked():
            self.timer.start()

    def signed_in_changed(self) -> None:
        """Someone signed in (or nobody has a PIN): say who, and start counting idle time."""
        member = sign_in.signed_in(self.desk)
        self.action.setEnabled(member is not None)
        if member is None:
            self.who.setText("")
            self.timer.stop()
            if not sign_in.sign_in_needed(self.desk):
                self.host.main_window.statusBar().showMessage(NO_PINS_YET)
            return
        self.who.setText(f"Signed in: {member.name} · Ctrl+L locks")
        if self._shown_for != member.id:
            self._shown_for, self._shown_patients = member.id, set()
            self._patient_shown()  # the patient on the desk right now counts for them
        self.timer.start()

    # -- the audit of patients shown -------------------------------------------------------

    def _patient_shown(self, patient_id: str | None = None) -> None:
        if not self.active() or self.is_locked():
            return
        if patient_id is None:  # on signing in: whoever the panel shows now
            panel = getattr(self.host.main_window, "panel", None)
            shown = panel.overview() if panel is not None else None
            patient_id = shown.patient.id if shown is not None else None
        if patient_id and patient_id not in self._shown_patients:
            self._shown_patients.add(patient_id)
            audit_trail.record(self.desk, "patient_opened", patient_id)

    # -- locking ----------------------------------------------------------------------------

    def lock(self, *, idle: bool) -> bool:
        """Lock now; False when there is nothing to lock (nobody signed in, or locked)."""
        if self.is_locked() or not self.active():
            return False
        self.timer.stop()
        presenting = self.host.presentation
        if presenting is not None:
            presenting.notes.flush()  # nothing typed waits behind the lock
            if presenting.display is not None:  # the family sees the practice's welcome
                presenting.display.set_blank("")
                presenting.display.show_slide(presenting.room.welcome)
        family = self._family_screen()
        self._active = QApplication.activeWindow()
        self._hidden = []
        for widget in QApplication.topLevelWidgets():
            if widget is family or not widget.isVisible() or isinstance(widget, QDialog):
                continue  # a dialog stays (hiding would cancel it); the lock covers it
            if widget.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
                widget.hide()
                continue
            self._hidden.append((widget, widget.windowState()))
            widget.hide()
        reason = (
            f"Locked after {self.minutes} idle minute{'s' if self.minutes != 1 else ''}."
            if idle
            else "Locked."
        )
        sign_in.record_lock(self.desk, locked=True, why="idle" if idle else "asked")
        self.window = LockWindow(
            self.desk, self._check, chosen=self.desk.signed_in_id, reason=reason
        )
        self.window.form.accepted.connect(self._unlocked)
        self.window.show_on_primary()
        app = QApplication.instance()
        app.removeEventFilter(self)  # type: ignore[union-attr]
        app.installEventFilter(self)  # type: ignore[union-attr]  # first in line while locked
        return True

    def _family_screen(self) -> QWidget | None:
        presenting = self.host.presentation
        if presenting is not None and presenting.display is not None:
            return presenting.display
        room = getattr(self.host, "room_screen", None)
        return room.display if room is not None else None

    def _check(self, staff_id: str, pin: str) -> None:
        """The PIN of whoever unlocks; someone else's PIN signs them in instead."""
        if staff_id == self.desk.signed_in_id:
            sign_in.verify(self.desk, staff_id, pin)
        else:
            sign_in.sign_in(self.desk, staff_id, pin)

    def _unlocked(self, _staff_id: str) -> None:
        sign_in.record_lock(self.desk, locked=False)
        window, self.window = self.window, None
        if window is not None:
            window.allow_close()
            window.close()
            window.deleteLater()
        for widget, state in self._hidden:
            if shiboken6.isValid(widget):  # a window closed for good meanwhile stays closed
                widget.setWindowState(state)
                widget.show()
        self._hidden = []
        active = self._active
        if active is not None and shiboken6.isValid(active) and active.isVisible():
            active.raise_()
            active.activateWindow()
        presenting = self.host.presentation
        if presenting is not None:
            presenting.refresh()  # the family's slide comes back, the same step
        self.signed_in_changed()

    # -- input --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _INPUT:
            return False
        if self.window is not None:
            return not self._for_lock_window(watched)  # nothing reaches the desk or console
        if not self.active():
            return False
        if (
            kind == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_L
            and event.modifiers() == Qt.KeyboardModifier.ControlModifier
        ):
            self.lock(idle=False)  # from the console too, where the desk's menu is not
            return True
        self.timer.start()
        return False

    def _for_lock_window(self, watched: QObject) -> bool:
        window = self.window
        if window is None:
            return True
        if isinstance(watched, QWidget):
            return watched.window() is window
        if isinstance(watched, QWindow):
            return watched is window.windowHandle()
        return False
