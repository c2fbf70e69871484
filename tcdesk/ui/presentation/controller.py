"""Runs one consult on two windows: the patient display and the coordinator console.

The controller owns the Qt objects and the ``ConsultRoom`` (Qt-free state and
saving). A key press changes the session, the display repaints at once, and
the console and the store catch up just after, so the family never waits.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QHBoxLayout, QMainWindow, QWidget

from tcdesk.domain import Objection
from tcdesk.flows.session import COVERED_AFTER_SECONDS
from tcdesk.formatting import local_time
from tcdesk.render.slide import SlideKind
from tcdesk.services.consult_outcome import Outcome, StartReadiness
from tcdesk.services.consult_quote import PricedPlan
from tcdesk.services.consult_room import FIGURE_DEPENDENT, ConsultRoom, PlanDeck
from tcdesk.ui.presentation.checklist_panel import ChecklistPanel
from tcdesk.ui.presentation.console import ConsolePanel
from tcdesk.ui.presentation.key_filter import PresentationKeyFilter
from tcdesk.ui.presentation.keymap import Action
from tcdesk.ui.presentation.notes_editor import NotesEditor
from tcdesk.ui.presentation.objection_panel import ObjectionHelp, ObjectionPanel
from tcdesk.ui.presentation.outcome_dialog import OutcomeDialog
from tcdesk.ui.presentation.outline_panel import OutlinePanel
from tcdesk.ui.presentation.patient_display import PatientDisplay
from tcdesk.ui.presentation.payment_panel import PaymentPanel
from tcdesk.ui.presentation.room_screen import RoomScreen
from tcdesk.ui.presentation.screens import (
    ScreenChooser,
    describe_screen,
    identify_screens,
)
from tcdesk.ui.slide_view import SlideView

SIDEBAR_WIDTH = 520


class ConsoleWindow(QMainWindow):
    """The console on the TC's own monitor (two-screen mode)."""

    def __init__(self, panel: ConsolePanel, title: str) -> None:
        super().__init__()
        self.setObjectName("consoleWindow")
        self.setWindowTitle(title)
        self.setCentralWidget(panel)
        self._closable = False
        self.on_close_request: Callable[[], None] | None = None

    def allow_close(self) -> None:
        self._closable = True

    def closeEvent(self, event) -> None:
        if self._closable:
            event.accept()
            return
        event.ignore()
        if self.on_close_request:
            self.on_close_request()


class SingleScreenStage(QWidget):
    """One monitor: the patient view fills the screen; the console is a sidebar (F9)."""

    def __init__(self, view: SlideView, panel: ConsolePanel) -> None:
        super().__init__()
        self.setObjectName("singleScreenStage")
        self.view = view
        self.panel = panel
        panel.setFixedWidth(SIDEBAR_WIDTH)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(view, 1)
        layout.addWidget(panel)
        self._closable = False

    def toggle_sidebar(self) -> None:
        self.panel.setVisible(not self.panel.isVisible())
        if not self.panel.isVisible():
            self.view.setFocus()

    def allow_close(self) -> None:
        self._closable = True

    def closeEvent(self, event) -> None:
        if self._closable:
            event.accept()
        else:
            event.ignore()


class PresentationController(QObject):
    ended = Signal()

    # A step's talk items count once it has been up this long (see the reason there).
    CHECKLIST_DWELL_MS = int(COVERED_AFTER_SECONDS * 1000)

    def __init__(
        self,
        room: ConsultRoom,
        screens: ScreenChooser,
        today: date,
        *,
        open_agreement: Callable[[QWidget], object] | None = None,
        print_summary: Callable[[QWidget, Callable[[str], None]], object] | None = None,
        single_screen: bool | None = None,
        room_screen: RoomScreen | None = None,
    ) -> None:
        """``room_screen`` (the app's) outlives the consult and is left on the practice's
        idle screen at the end; without one the display is the consult's own and closes."""
        super().__init__()
        self.room = room
        self._room_screen = room_screen
        self.screens = screens
        self._open_agreement = open_agreement
        self._print_summary = print_summary
        self.summary_job: object | None = None
        self._ending_confirmed = False
        self._ended = False
        self._on_money = False
        self._today = today
        self._overlays: list = []
        self._offered: str = ""

        self.outline = OutlinePanel(self.jump)
        self.checklist = ChecklistPanel(self._toggle_item)
        self.notes = NotesEditor(self._save_note)
        self.objections = ObjectionPanel(self._log_objection, self.jump)
        self.payment = PaymentPanel(room, today, self._show_plan, self._plan_saved)

        target = screens.choose()
        self.single = (target is None) if single_screen is None else single_screen
        self.panel = ConsolePanel(
            patient_name=room.patient_name,
            priorities=room.priorities,
            outline=self.outline,
            checklist=self.checklist,
            notes=self.notes,
            objections=self.objections,
            payment=self.payment,
            compact=self.single,
        )
        self.display: PatientDisplay | None = None
        self.stage: SingleScreenStage | None = None
        self.console: ConsoleWindow | None = None
        if self.single:
            self.stage = SingleScreenStage(SlideView(), self.panel)
        else:
            self.display = room_screen.take() if room_screen else PatientDisplay()
            self.console = ConsoleWindow(self.panel, f"tcdesk console — {room.patient_name}")
            self.console.on_close_request = self.request_end

        self.outline.set_steps([s.title for s in room.slides])
        self.checklist.set_items(room.session.checklist(), room.session.checked)
        self.notes.set_text(room.draft_note)
        self.notes.set_earlier(
            [f"{local_time(n.created_at)} — {n.body}" for n in room.earlier_notes()]
        )
        self._connect_buttons()

        self.key_filter = PresentationKeyFilter(self.windows, self.do, self.jump)
        self._clock = QTimer(self, interval=1000)
        self._clock.timeout.connect(self._tick)
        self._save_timer = QTimer(self, singleShot=True, interval=0)
        self._save_timer.timeout.connect(self._save_state)
        self._console_timer = QTimer(self, singleShot=True, interval=0)
        self._console_timer.timeout.connect(self._refresh_console)
        # A step's checklist counts as covered once the family has seen it for a
        # while, not when the TC pages past it.
        room.session.auto_tick = False
        self._dwell = QTimer(self, singleShot=True, interval=self.CHECKLIST_DWELL_MS)
        self._dwell.timeout.connect(self._covered)
        self._dwell_on: tuple[int, str] | None = None

        screens.patient_screen_lost.connect(self._screen_lost)
        screens.screen_offered.connect(self._screen_offered)
        screens.screens_changed.connect(self._fill_screen_combo)
        QGuiApplication.instance().screenRemoved.connect(self._screen_removed_now)  # type: ignore[union-attr]
        self._patient_screen: QScreen | None = target

    # -- showing --------------------------------------------------------------------

    def windows(self) -> list[QWidget]:
        return [w for w in (self.display, self.console, self.stage) if w is not None]

    def show(self) -> None:
        app = QApplication.instance()
        app.installEventFilter(self.key_filter)  # type: ignore[union-attr]
        if self.single:
            assert self.stage is not None
            screen = QGuiApplication.primaryScreen()
            self.stage.winId()
            if self.stage.windowHandle() is not None:
                self.stage.windowHandle().setScreen(screen)
            self.stage.setGeometry(screen.geometry())
            self.stage.showFullScreen()
            self.panel.screen_status.setText(
                "One screen: the family sees the left side. F9 hides this panel."
            )
        else:
            assert self.console is not None and self.display is not None
            self._fill_screen_combo()
            if self._patient_screen is not None:
                self.place_display(self._patient_screen, remember=False)
            missing = self.screens.saved_screen_missing()
            if missing:
                self.panel.screen_status.setText(
                    f"The room screen used last time ({missing}) is not connected; "
                    "showing on the first other screen."
                )
            primary = QGuiApplication.primaryScreen()
            self.console.setGeometry(primary.availableGeometry())
            self.console.showMaximized()
            self.console.activateWindow()
        self._clock.start()
        self.refresh()

    def place_display(self, screen: QScreen, *, remember: bool = True) -> None:
        if self.display is None:
            return
        self.display.place_on(screen)
        self._patient_screen = screen
        self.screens.set_patient_screen(screen)
        if remember:
            self.screens.remember(screen)
        self.panel.screen_status.setText(f"Family sees: {describe_screen(screen)}")
        self.panel.use_screen_button.setVisible(False)
        index = self.panel.screen_combo.findData(screen.name())
        if index >= 0:
            self.panel.screen_combo.blockSignals(True)
            self.panel.screen_combo.setCurrentIndex(index)
            self.panel.screen_combo.blockSignals(False)

    def patient_view(self) -> SlideView:
        if self.display is not None:
            return self.display.view
        assert self.stage is not None
        return self.stage.view

    # -- actions --------------------------------------------------------------------

    def do(self, action: Action) -> None:
        session = self.room.session
        changed = {
            Action.NEXT: session.next,
            Action.PREVIOUS: session.previous,
            Action.FIRST: session.first,
            Action.LAST: session.last,
            Action.BLACK: session.toggle_black,
            Action.WHITE: session.toggle_white,
        }.get(action)
        if action is Action.TOGGLE_SIDEBAR:
            if self.stage is not None:
                self.stage.toggle_sidebar()
            return
        if session.blank and action in (Action.NEXT, Action.PREVIOUS):
            # A clicker's next/previous on a blank screen brings the slide back, unmoved.
            changed = session.unblank
        if changed is not None and changed():
            self.refresh()

    def jump(self, number: int) -> None:
        if self.room.session.jump(number):
            self.refresh()

    def start(self) -> None:
        if self.room.session.start():
            self.refresh()

    def refresh(self) -> None:
        """Repaint the family's view now; the console and the save follow just after."""
        session = self.room.session
        view = self.patient_view()
        if session.blank:
            view.set_blank(session.blank)
        else:
            view.set_slide(self.room.display_slide())
            view.set_blank("")
        view.repaint_now()
        self._console_timer.start()
        self._save_timer.start()
        showing = (session.index, session.screen)
        if showing != self._dwell_on:
            self._dwell_on = showing
            if session.showing_step:
                self._dwell.start()
            else:
                self._dwell.stop()

    def _covered(self) -> None:
        if self.room.session.mark_covered():
            self.checklist.update_checked(self.room.session.checked)
            self._save_timer.start()

    def _refresh_console(self) -> None:
        session = self.room.session
        family_sees = self.display is None or self.display.isVisible()
        self.panel.show_slides(
            self.room.display_slide() if family_sees else None,
            session.blank if family_sees else "",
            self.room.next_slide(),
        )
        self.outline.set_current(session.position, session.started, session.screen)
        self.checklist.update_checked(session.checked)
        self.panel.show_talking_points(session.step.talking_points)
        self.panel.start_button.setEnabled(not session.started)
        self.panel.black_button.setText("Unblank (B)" if session.blank == "black" else "Black (B)")
        self.panel.white_button.setText("Unblank (W)" if session.blank == "white" else "White (W)")
        self._show_jump_hint()
        on_money = SlideKind(session.step.kind) in FIGURE_DEPENDENT
        if on_money:
            self.payment.follow_step()
        if on_money and not self._on_money:
            self.panel.tabs.setCurrentWidget(self.payment)
        elif not on_money and self._on_money:
            self.panel.tabs.setCurrentWidget(self.objections)
        self._on_money = on_money

    def _show_jump_hint(self) -> None:
        pending = self.key_filter.pending_jump()
        self.panel.jump_hint.setText(f"Jump to step {pending}… (Enter)" if pending else "")

    def _save_state(self) -> None:
        self.room.save()

    def _tick(self) -> None:
        self.room.elapsed_seconds += 1
        minutes, seconds = divmod(self.room.elapsed_seconds, 60)
        self.panel.timer_label.setText(f"{minutes:02d}:{seconds:02d}")
        self._show_jump_hint()
        if self.room.elapsed_seconds % 15 == 0:
            self._save_timer.start()

    # -- console callbacks ------------------------------------------------------------

    def _toggle_item(self, item_id: str, checked: bool) -> None:
        session = self.room.session
        if session.tick(item_id) if checked else session.untick(item_id):
            self._save_timer.start()

    def _save_note(self, text: str) -> str:
        note = self.room.save_note(text)
        return f"Saved {local_time(note.created_at)}"

    def _log_objection(self, objection: Objection) -> ObjectionHelp:
        advice = self.room.log_objection(objection)
        return ObjectionHelp(
            advice.objection, advice.responses, advice.answer_step_number, advice.answer_step_title
        )

    def _show_plan(self, deck: PlanDeck) -> None:
        """The TC pressed Show: the figures tried privately go on the family's slides."""
        changed = self.room.show_plan(deck)
        if self.room.session.showing_step and self.room.session.index in changed:
            view = self.patient_view()
            view.set_slide(self.room.display_slide())
            view.repaint_now()
        self._console_timer.start()

    def _plan_saved(self, _priced: PricedPlan | None) -> None:
        self.happened("plan_saved")
        self.refresh()

    def happened(self, *events: str) -> None:
        """Tick the checklist items done by ``events`` (plan saved, agreement made, ...)."""
        changed = [self.room.session.happened(event) for event in events]
        if any(changed):
            self.checklist.update_checked(self.room.session.checked)
            self._save_timer.start()

    def _agreement_changed(self, _agreement_id: str = "") -> None:
        if not self._ended:
            self.happened(*self.room.agreement_events())

    def _connect_buttons(self) -> None:
        panel = self.panel
        panel.start_button.clicked.connect(self.start)
        panel.black_button.clicked.connect(lambda: self.do(Action.BLACK))
        panel.white_button.clicked.connect(lambda: self.do(Action.WHITE))
        panel.end_button.clicked.connect(self.request_end)
        panel.identify_button.clicked.connect(self.identify)
        panel.screen_combo.currentIndexChanged.connect(self._screen_chosen)
        panel.use_screen_button.clicked.connect(self._use_offered)
        panel.agreement_button.clicked.connect(self._agreement)
        panel.agreement_button.setEnabled(self._open_agreement is not None)
        panel.summary_button.clicked.connect(self._summary)
        panel.summary_button.setEnabled(self._print_summary is not None)

    def _summary(self) -> None:
        if self._print_summary is not None:
            self.notes.flush()
            self.summary_job = self._print_summary(
                self.console or self.stage, self.panel.notice.setText
            )
            given = getattr(self.summary_job, "given", None)
            if given is not None:  # printed or saved: "Gave the take-home summary" ticks
                given.connect(lambda _how: self._ended or self.happened("summary_given"))

    def screen_for_signing(self) -> QScreen | None:
        """The room's screen for the signing pads, with the presentation blacked out
        first (nothing of the consult shows behind them); None when there is none."""
        if self.display is None or self._patient_screen is None or not self.display.isVisible():
            return None
        if self.room.session.blank != "black" and self.room.session.toggle_black():
            self.refresh()
        return self._patient_screen

    def _agreement(self) -> None:
        if self._open_agreement is not None:
            self.notes.flush()
            preview = self._open_agreement(self.console or self.stage)
            changed = getattr(preview, "agreement_changed", None)
            if changed is not None:  # made, signed, voided: the checklist follows
                changed.connect(self._agreement_changed)
            self._agreement_changed()

    # -- screens --------------------------------------------------------------------

    def identify(self) -> None:
        self._overlays = identify_screens(self)

    def _fill_screen_combo(self) -> None:
        combo = self.panel.screen_combo
        combo.blockSignals(True)
        combo.clear()
        primary = QGuiApplication.primaryScreen()
        for screen in self.screens.screens():
            suffix = " (your screen)" if screen is primary else ""
            combo.addItem(describe_screen(screen) + suffix, screen.name())
        if self._patient_screen is not None:
            combo.setCurrentIndex(max(0, combo.findData(self._patient_screen.name())))
        combo.blockSignals(False)

    def _screen_chosen(self, index: int) -> None:
        name = self.panel.screen_combo.itemData(index)
        screen = self.screens.find(name) if name else None
        if screen is not None and screen is not QGuiApplication.primaryScreen():
            self.place_display(screen)
        elif screen is not None:
            self.panel.screen_status.setText(
                "That is your own screen; the family's view stays where it is."
            )

    def _screen_removed_now(self, screen: QScreen) -> None:
        """Hide at once: Qt would otherwise move the display onto the TC's screen."""
        if self.display is not None and screen is self._patient_screen:
            self.display.hide()
            self._patient_screen = None

    def _screen_lost(self, name: str) -> None:
        if self.display is not None:
            self.display.hide()
        self._console_timer.start()  # the live thumbnail shows that nothing is on
        self._patient_screen = None
        self.panel.screen_status.setText(
            f"The room screen ({name}) was disconnected. The family sees nothing now; "
            "reconnect it or choose another screen. Your place is kept."
        )
        self.panel.screen_status.setProperty("role", "warning")
        self.panel.screen_status.style().polish(self.panel.screen_status)

    def _screen_offered(self, name: str) -> None:
        if self.display is None:
            return
        self._offered = name
        self.panel.use_screen_button.setText(f"Show on {name}")
        self.panel.use_screen_button.setVisible(True)
        if self._patient_screen is None:
            self.panel.screen_status.setText(f"A screen was connected: {name}.")

    def _use_offered(self) -> None:
        screen = self.screens.find(self._offered)
        if screen is not None:
            self.place_display(screen)
            self.refresh()

    # -- ending ---------------------------------------------------------------------

    def request_end(self) -> None:
        """First press warns about what was skipped; the second ends."""
        self.notes.flush()
        # Items done by recording the outcome are about to be done, not skipped.
        skipped = self.room.session.skipped(coming=frozenset({"outcome_recorded"}))
        if skipped and not self._ending_confirmed:
            self._ending_confirmed = True
            items = "; ".join(item.label for item in skipped)
            self.panel.end_warning.setText(
                f"Not covered yet ({len(skipped)}): {items}. Press End anyway to end the consult."
            )
            self.panel.end_warning.setVisible(True)
            self.panel.end_button.setText("End anyway")
            return
        self.ask_outcome()

    def ask_outcome(self) -> OutcomeDialog:
        """How did it end? Recorded with the end; "Back to the consult" changes nothing."""
        ready = StartReadiness.of(self.room.consult_file)
        dialog = OutcomeDialog(self._today, ready, self.console or self.stage)
        dialog.accepted.connect(lambda: self.end(dialog.outcome))
        dialog.open()
        self.outcome_dialog = dialog
        return dialog

    def end(self, outcome: Outcome | None = None) -> None:
        if self._ended:
            return
        self._ended = True
        self.notes.flush()
        # Nothing may save after the consult is marked ended (it would reopen it).
        for timer in (self._clock, self._save_timer, self._console_timer, self._dwell):
            timer.stop()
        if outcome is not None:
            self.room.session.happened("outcome_recorded")
        self.room.end(outcome)
        QApplication.instance().removeEventFilter(self.key_filter)  # type: ignore[union-attr]
        QGuiApplication.instance().screenRemoved.disconnect(self._screen_removed_now)  # type: ignore[union-attr]
        for signal, slot in (
            (self.screens.patient_screen_lost, self._screen_lost),
            (self.screens.screen_offered, self._screen_offered),
            (self.screens.screens_changed, self._fill_screen_combo),
        ):
            signal.disconnect(slot)
        kept = self.display if self._room_screen is not None else None
        for window in self.windows():
            if window is not kept:
                window.allow_close()  # type: ignore[attr-defined]
                window.close()
        if self._room_screen is not None and kept is not None:
            self._room_screen.show_idle(self.room.welcome)  # never the bare desktop
        self.ended.emit()
