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
from PySide6.QtWidgets import QApplication, QWidget

from tcdesk.errors import UserError
from tcdesk.flows.session import COVERED_AFTER_SECONDS
from tcdesk.formatting import local_time
from tcdesk.render.slide import SlideKind
from tcdesk.services.consult_outcome import Outcome
from tcdesk.services.consult_quote import PricedPlan
from tcdesk.services.consult_room import FIGURE_DEPENDENT, ConsultRoom, NotSaved, PlanDeck
from tcdesk.ui.presentation.checklist_panel import ChecklistPanel
from tcdesk.ui.presentation.console import ConsolePanel
from tcdesk.ui.presentation.console_access import make_console_accessible
from tcdesk.ui.presentation.console_menus import add_quit_key, build_console_menus
from tcdesk.ui.presentation.console_window import ConsoleWindow
from tcdesk.ui.presentation.display_placement import DisplayPlacement
from tcdesk.ui.presentation.ending import ConsultEnding
from tcdesk.ui.presentation.key_filter import PresentationKeyFilter
from tcdesk.ui.presentation.keymap import Action
from tcdesk.ui.presentation.notes_editor import NotesEditor
from tcdesk.ui.presentation.objection_panel import ObjectionPanel
from tcdesk.ui.presentation.outcome_dialog import OutcomeDialog
from tcdesk.ui.presentation.outline_panel import OutlinePanel
from tcdesk.ui.presentation.patient_display import PatientDisplay
from tcdesk.ui.presentation.payment_panel import PaymentPanel
from tcdesk.ui.presentation.room_screen import RoomScreen
from tcdesk.ui.presentation.save_retry import Retry
from tcdesk.ui.presentation.screens import IdentifyOverlay, ScreenChooser
from tcdesk.ui.presentation.single_screen_stage import SingleScreenStage
from tcdesk.ui.shortcut_help import ShortcutHelpWindow, console_groups, shortcut_help_action
from tcdesk.ui.slide_view import SlideView


class PresentationController(QObject):
    """``ended`` fires once the consult's windows are down: ended, or left open for later."""

    ended = Signal()
    quit_requested = Signal()  # Ctrl+Q on a consult window: the app asks what to do first
    # For observers (a practice consult's coach): what happened, read from ``room``.
    family_screen_changed = Signal()  # the family's screen shows something new
    checklist_changed = Signal()  # an item ticked or unticked, by hand or by an event
    note_saved = Signal(str)  # the private note's text, once stored

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

        self._build_sections(room, today)
        target = screens.choose()
        self.single = (target is None) if single_screen is None else single_screen
        self.panel = self._build_panel(room)
        make_console_accessible(self.panel)
        self._build_windows(room, room_screen)
        self.placement = DisplayPlacement(
            self.display,
            self.panel,
            screens,
            target,
            refresh=self.refresh,
            console_changed=lambda: self._console_timer.start(),
            parent=self,
        )
        self.ending = ConsultEnding(
            room,
            self.notes,
            self.panel,
            today,
            parent=lambda: self.console or self.stage,
            take_down=self._take_down,
        )
        self._fill_sections(room)
        self._connect_buttons()
        self._build_menus()
        self.key_filter = PresentationKeyFilter(self.windows, self.do, self.jump)
        self._build_timers()
        # A step's checklist counts as covered once the family has seen it for a
        # while, not when the TC pages past it.
        room.session.auto_tick = False
        self.placement.follow()

    # -- building -------------------------------------------------------------------

    def _build_sections(self, room: ConsultRoom, today: date) -> None:
        self.outline = OutlinePanel(self.jump)
        self.checklist = ChecklistPanel(self._toggle_item)
        self.notes = NotesEditor(self._save_note)
        self.objections = ObjectionPanel(room.log_objection, self.jump)
        self.payment = PaymentPanel(room, today, self._show_plan, self._plan_saved)

    def _build_panel(self, room: ConsultRoom) -> ConsolePanel:
        return ConsolePanel(
            patient_name=room.patient_name,
            priorities=room.priorities,
            outline=self.outline,
            checklist=self.checklist,
            notes=self.notes,
            objections=self.objections,
            payment=self.payment,
            compact=self.single,
        )

    def _build_windows(self, room: ConsultRoom, room_screen: RoomScreen | None) -> None:
        self.display: PatientDisplay | None = None
        self.stage: SingleScreenStage | None = None
        self.console: ConsoleWindow | None = None
        if self.single:
            self.stage = SingleScreenStage(SlideView(), self.panel)
            self.stage.on_close_request = self._close_requested
        else:
            self.display = room_screen.take() if room_screen else PatientDisplay()
            self.console = ConsoleWindow(self.panel, f"tcdesk console — {room.patient_name}")
            self.console.on_close_request = self._close_requested
        own = self.console or self.stage
        assert own is not None
        self.help_action = shortcut_help_action(own, console_groups)  # F1

    def _fill_sections(self, room: ConsultRoom) -> None:
        self.outline.set_steps(room.outline_titles)
        self.checklist.set_items(room.session.checklist(), room.session.checked)
        self.notes.set_text(room.draft_note)
        self.notes.set_earlier(
            [f"{local_time(n.created_at)} — {n.body}" for n in room.earlier_notes()]
        )

    def _build_timers(self) -> None:
        self._clock = QTimer(self, interval=1000)
        self._clock.timeout.connect(self._tick)
        self._save_timer = QTimer(self, singleShot=True, interval=0)
        self._save_timer.timeout.connect(self._save_state)
        self._state_retry = Retry(self._save_state_once, self)
        self._console_timer = QTimer(self, singleShot=True, interval=0)
        self._console_timer.timeout.connect(self._refresh_console)
        self._dwell = QTimer(self, singleShot=True, interval=self.CHECKLIST_DWELL_MS)
        self._dwell.timeout.connect(self._covered)
        self._dwell_on: tuple[int, str] | None = None

    def _connect_buttons(self) -> None:
        panel = self.panel
        panel.start_button.clicked.connect(self.start)
        panel.black_button.clicked.connect(lambda: self.do(Action.BLACK))
        panel.white_button.clicked.connect(lambda: self.do(Action.WHITE))
        panel.language_button.clicked.connect(lambda: self.do(Action.LANGUAGE))
        panel.end_button.clicked.connect(self.request_end)
        panel.agreement_button.clicked.connect(self._agreement)
        panel.agreement_button.setEnabled(self._open_agreement is not None)
        panel.summary_button.clicked.connect(self._summary)
        panel.summary_button.setEnabled(self._print_summary is not None)

    def _build_menus(self) -> None:
        """Two screens: the console's menu bar. One screen: only the Quit key (no bar
        over the family's view; see console_menus)."""
        self.console_menus = {}
        if self.console is not None:
            self.console_menus = build_console_menus(self.console, self)
        elif self.stage is not None:
            add_quit_key(self.stage, self.quit_requested.emit)

    # -- showing --------------------------------------------------------------------

    def windows(self) -> list[QWidget]:
        return [w for w in (self.display, self.console, self.stage) if w is not None]

    def show(self) -> None:
        QApplication.instance().installEventFilter(self.key_filter)  # type: ignore[union-attr]
        if self.single:
            self._show_single()
        else:
            assert self.console is not None and self.display is not None
            self.placement.show_display()
            primary = QGuiApplication.primaryScreen()
            self.console.setGeometry(primary.availableGeometry())
            self.console.showMaximized()
            self.console.activateWindow()
        self._clock.start()
        self.refresh()

    def _show_single(self) -> None:
        assert self.stage is not None
        self.stage.show_full_screen_on(QGuiApplication.primaryScreen())
        self.panel.screen_status.setText(
            "One screen: the family sees the left side. F9 hides this panel."
        )

    def place_display(self, screen: QScreen, *, remember: bool = True) -> None:
        self.placement.place(screen, remember=remember)

    def identify(self) -> list[IdentifyOverlay]:
        """Label every monitor for a moment (the labels shown)."""
        return self.placement.identify()

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
        if action is Action.SHORTCUTS:
            self.show_shortcuts()
            return
        if action is Action.LANGUAGE:
            self.switch_language()
            return
        if action is Action.TOGGLE_SIDEBAR:
            if self.stage is not None:
                self.stage.toggle_sidebar()
            return
        if session.blank and action in (Action.NEXT, Action.PREVIOUS):
            # A clicker's next/previous on a blank screen brings the slide back, unmoved.
            changed = session.unblank
        if changed is not None and changed():
            self.refresh()

    def show_shortcuts(self) -> ShortcutHelpWindow:
        """The keys ("?" or F1), over the TC's window: never on the family's screen."""
        return self.help_action.open_help()

    def switch_language(self, code: str | None = None) -> None:
        """The family's screen in ``code`` (default: their other language) from this
        step on, painted at once; the console follows just after."""
        if self.room.switch_language(code):
            self.refresh()
        else:
            self._console_timer.start()
        self.payment.language_changed()

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
        self.family_screen_changed.emit()
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
            self.checklist_changed.emit()

    def _refresh_console(self) -> None:
        session = self.room.session
        family_sees = self.display is None or self.display.isVisible()
        self.panel.show_session(
            session,
            self.room.display_slide() if family_sees else None,
            session.blank if family_sees else "",
            self.room.next_slide(),
        )
        self._show_jump_hint()
        room = self.room
        self.panel.show_language(room.language_label(), room.language_label(room.family_language))
        self.panel.follow_money(SlideKind(session.step.kind) in FIGURE_DEPENDENT)

    def _show_jump_hint(self) -> None:
        pending = self.key_filter.pending_jump()
        self.panel.jump_hint.setText(f"Jump to step {pending}… (Enter)" if pending else "")

    def _save_state(self) -> None:
        """Save the step, ticks and time; while a failed save waits to retry, it saves them."""
        if not self._state_retry.pending:
            self._state_retry.run()

    def _save_state_once(self) -> bool:
        try:
            saved = self.room.save()
        except NotSaved as problem:  # said at the notes box, tried again by the retry
            self.notes.show_problem("state", str(problem))
            return False
        if self._state_retry.failing:
            self.notes.show_saved("state", f"Saved {local_time(saved.updated_at)}")
        return True

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
            self.checklist_changed.emit()

    def _save_note(self, text: str) -> str:
        note = self.room.save_note(text)
        self.note_saved.emit(text)
        return f"Saved {local_time(note.created_at)}"

    def _show_plan(self, deck: PlanDeck) -> None:
        """The TC pressed Show: the figures tried privately go on the family's slides."""
        changed = self.room.show_plan(deck)
        if self.room.session.showing_step and self.room.session.index in changed:
            view = self.patient_view()
            view.set_slide(self.room.display_slide())
            view.repaint_now()
        self._console_timer.start()
        self.family_screen_changed.emit()

    def _plan_saved(self, _priced: PricedPlan | None) -> None:
        self.happened("plan_saved")
        self.refresh()

    def happened(self, *events: str) -> None:
        """Tick the checklist items done by ``events`` (plan saved, agreement made, ...)."""
        changed = [self.room.session.happened(event) for event in events]
        if any(changed):
            self.checklist.update_checked(self.room.session.checked)
            self._save_timer.start()
            self.checklist_changed.emit()

    def _agreement_changed(self, _agreement_id: str = "") -> None:
        if not self.ending.done:
            self.happened(*self.room.agreement_events())

    def _summary(self) -> None:
        if self._print_summary is not None:
            self.notes.flush()
            self.summary_job = self._print_summary(
                self.console or self.stage, self.panel.notice.setText
            )
            given = getattr(self.summary_job, "given", None)
            if given is not None:  # printed or saved: "Gave the take-home summary" ticks
                given.connect(lambda _how: self.ending.done or self.happened("summary_given"))

    def screen_for_signing(self) -> QScreen | None:
        """The room's screen for the signing pads, with the presentation blacked out
        first (nothing of the consult shows behind them); None when there is none."""
        screen = self.placement.patient_screen
        if self.display is None or screen is None or not self.display.isVisible():
            return None
        if self.room.session.blank != "black" and self.room.session.toggle_black():
            self.refresh()
        return screen

    def _agreement(self) -> None:
        if self._open_agreement is not None:
            self.notes.flush()
            preview = self._open_agreement(self.console or self.stage)
            changed = getattr(preview, "agreement_changed", None)
            if changed is not None:  # made, signed, voided: the checklist follows
                changed.connect(self._agreement_changed)
            self._agreement_changed()

    # -- ending ---------------------------------------------------------------------

    @property
    def outcome_dialog(self) -> OutcomeDialog | None:
        return self.ending.outcome_dialog

    def request_end(self) -> None:
        """First press warns about what was skipped; the second ends."""
        self.ending.request()

    def ask_outcome(self) -> OutcomeDialog:
        """How did it end? Recorded with the end; "Back to the consult" changes nothing."""
        return self.ending.ask_outcome()

    def end(self, outcome: Outcome | None = None) -> bool:
        """End the consult and take its windows down; True once it has ended.

        When saving the end fails, the consult stays open as it was and the
        console says why: End tries again; closing the console leaves it to resume.
        """
        return self.ending.end(outcome)

    def bring_forward(self) -> None:
        """The console (or the one-screen stage) to the front, e.g. from the desk's menu."""
        window = self.console or self.stage
        if window is not None:
            window.show()
            window.raise_()
            window.activateWindow()

    def leave_for_later(self) -> bool:
        """Save everything and take the windows down unended: the next launch offers to
        resume here. False (and why, on the console) if the save failed: still open."""
        if self.ending.done:
            return True
        try:
            self.notes.flush()
            self.room.save()
        except (UserError, OSError) as error:
            self.panel.end_warning.setText(f"The consult could not be saved: {error}")
            self.panel.end_warning.setVisible(True)
            return False
        self.ending.leave()
        return True

    def _close_requested(self) -> None:
        """A window's close button: End with two screens; after a failed end, leave."""
        if self.ending.failed:
            self.ending.leave()
        elif self.console is not None:
            self.request_end()

    def _take_down(self) -> None:
        # Nothing may save after the consult is marked ended (it would reopen it).
        for timer in (self._clock, self._save_timer, self._console_timer, self._dwell):
            timer.stop()
        self._state_retry.stop()
        self.notes.stop()
        QApplication.instance().removeEventFilter(self.key_filter)  # type: ignore[union-attr]
        self.placement.stop_following()
        kept = self.display if self._room_screen is not None else None
        for window in self.windows():
            if window is not kept:
                window.allow_close()  # type: ignore[attr-defined]
                window.close()
        if self._room_screen is not None and kept is not None:
            # never the bare desktop; in English: the next family is not this one
            self._room_screen.show_idle(self.room.idle_welcome)
        self.ended.emit()
