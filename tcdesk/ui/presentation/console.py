"""The coordinator's private console: what the family sees, and everything they don't.

Built from sections (live and next thumbnails, outline, talking points,
checklist, notes, objections, payment) that are arranged either as a wide
three-column window on the TC's own monitor, or as a narrow sidebar when
there is only one screen.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tcdesk.flows.session import ConsultSession
from tcdesk.render.slide import Slide
from tcdesk.ui.presentation.checklist_panel import ChecklistPanel
from tcdesk.ui.presentation.notes_editor import NotesEditor
from tcdesk.ui.presentation.objection_panel import ObjectionPanel
from tcdesk.ui.presentation.outline_panel import OutlinePanel
from tcdesk.ui.presentation.payment_panel import PaymentPanel
from tcdesk.ui.presentation.thumbnail import Thumbnail


def _group(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(8, 8, 8, 8)
    layout.addWidget(widget)
    return box


class ConsolePanel(QWidget):
    """All console sections; ``compact`` arranges them for a sidebar."""

    def __init__(
        self,
        *,
        patient_name: str,
        priorities: list[str],
        outline: OutlinePanel,
        checklist: ChecklistPanel,
        notes: NotesEditor,
        objections: ObjectionPanel,
        payment: PaymentPanel,
        compact: bool = False,
    ) -> None:
        super().__init__()
        self.setObjectName("consolePanel")
        self.outline = outline
        self.checklist = checklist
        self.notes = notes
        self.objections = objections
        self.payment = payment
        self.live = Thumbnail()
        self.live.setObjectName("liveThumbnail")
        self.next_view = Thumbnail()
        self.next_view.setObjectName("nextThumbnail")
        self.next_view.setMaximumWidth(360 if not compact else 10_000)

        self._build_header(patient_name, priorities)
        self._build_screen_controls()
        self._build_buttons()
        self._build_guidance()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("consoleTabs")
        self._on_money = False
        if compact:
            self._arrange_compact()
        else:
            self._arrange_wide()

    def _build_header(self, patient_name: str, priorities: list[str]) -> None:
        """Who this is, what matters most to them, and how long it has been."""
        self.patient_label = QLabel(patient_name)
        self.patient_label.setTextFormat(Qt.TextFormat.PlainText)
        self.patient_label.setProperty("role", "heading")
        self.priorities_label = QLabel(
            "What matters most: " + (" · ".join(priorities) if priorities else "not recorded")
        )
        self.priorities_label.setObjectName("prioritiesLabel")
        self.priorities_label.setWordWrap(True)
        self.priorities_label.setStyleSheet(
            "background:#FFF6E0; border:1px solid #E8C770; border-radius:6px; padding:6px;"
            " font-weight:600;"
        )
        self.timer_label = QLabel("00:00")
        self.timer_label.setObjectName("consultTimer")
        self.timer_label.setStyleSheet("font-size:18pt; font-weight:700;")

    def _build_screen_controls(self) -> None:
        """Where the family's view is, and the means to move it."""
        self.screen_status = QLabel("")
        self.screen_status.setObjectName("screenStatus")
        self.screen_status.setWordWrap(True)
        self.screen_combo = QComboBox()
        self.screen_combo.setObjectName("screenCombo")
        self.screen_combo.setToolTip("The room's screen (remembered on this computer)")
        self.use_screen_button = QPushButton("")
        self.use_screen_button.setObjectName("useOfferedScreen")
        self.use_screen_button.setVisible(False)
        self.identify_button = QPushButton("Identify screens")
        self.identify_button.setObjectName("identifyScreens")

    def _build_buttons(self) -> None:
        self.start_button = QPushButton("Start presentation")
        self.start_button.setObjectName("startButton")
        self.start_button.setProperty("primary", True)
        self.black_button = QPushButton("Black (B)")
        self.black_button.setObjectName("blackButton")
        self.white_button = QPushButton("White (W)")
        self.white_button.setObjectName("whiteButton")
        # The family's screen's language; the console itself stays in the TC's.
        self.language_button = QPushButton("English (L)")
        self.language_button.setObjectName("languageButton")
        self.language_button.setToolTip(
            "The language of the family's screen: press L or click for their other "
            "language, from this slide on (the slides before keep theirs)"
        )
        self.agreement_button = QPushButton("Agreement…")
        self.agreement_button.setObjectName("agreementButton")
        self.summary_button = QPushButton("Take-home summary…")
        self.summary_button.setObjectName("summaryButton")
        self.end_button = QPushButton("End consult")
        self.end_button.setObjectName("endButton")

    def _build_guidance(self) -> None:
        """What only the TC reads: talking points, the jump being typed, notices, warnings."""
        self.notice = QLabel("")
        self.notice.setObjectName("consoleNotice")
        self.notice.setWordWrap(True)
        self.notice.setProperty("role", "muted")
        self.talking_points = QLabel("")
        self.talking_points.setObjectName("talkingPoints")
        self.talking_points.setWordWrap(True)
        self.talking_points.setTextFormat(Qt.TextFormat.RichText)
        self.talking_points.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.jump_hint = QLabel("")
        self.jump_hint.setObjectName("jumpHint")
        self.jump_hint.setProperty("role", "muted")
        self.end_warning = QLabel("")
        self.end_warning.setObjectName("endWarning")
        self.end_warning.setProperty("role", "warning")
        self.end_warning.setWordWrap(True)
        self.end_warning.setVisible(False)

    def _top_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self._top = bar  # add_banner puts a banner here, after the timer
        bar.addWidget(self.patient_label)
        bar.addWidget(self.timer_label)
        bar.addStretch(1)
        for widget in (
            self.start_button,
            self.black_button,
            self.white_button,
            self.language_button,
            self.agreement_button,
            self.summary_button,
            self.end_button,
        ):
            bar.addWidget(widget)
        return bar

    def _screen_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel("Room screen:")
        label.setBuddy(self.screen_combo)  # what a screen reader says for the choice
        row.addWidget(label)
        row.addWidget(self.screen_combo)
        row.addWidget(self.identify_button)
        row.addWidget(self.use_screen_button)
        row.addWidget(self.screen_status, 1)
        return row

    def _arrange_wide(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(_group("Consult outline", self.outline), 2)
        left_layout.addWidget(_group("Checklist", self.checklist), 3)

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        live_title = QLabel("On the patient screen now")
        live_title.setProperty("role", "subheading")
        centre_layout.addWidget(live_title)
        centre_layout.addWidget(self.live)
        below = QHBoxLayout()
        next_box = QVBoxLayout()
        next_title = QLabel("Next")
        next_title.setProperty("role", "subheading")
        next_box.addWidget(next_title)
        next_box.addWidget(self.next_view)
        next_box.addWidget(self.jump_hint)
        next_box.addStretch(1)
        below.addLayout(next_box)
        below.addWidget(_group("Talking points (only you see these)", self.talking_points), 1)
        centre_layout.addLayout(below, 1)
        centre_layout.addWidget(self.end_warning)
        centre_layout.addWidget(self.notice)
        self._sections = centre_layout  # add_section puts more here, above the warnings

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.priorities_label)
        right_layout.addWidget(_group("Private notes", self.notes), 2)
        self.tabs.addTab(self.objections, "Objections")
        self.tabs.addTab(self.payment, "Payment")
        right_layout.addWidget(self.tabs, 3)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (left, centre, right):
            splitter.addWidget(widget)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 860, 580])

        layout = QVBoxLayout(self)
        layout.addLayout(self._top_bar())
        layout.addLayout(self._screen_row())
        layout.addWidget(splitter, 1)

    def _arrange_compact(self) -> None:
        guide = QWidget()
        guide_layout = QVBoxLayout(guide)
        guide_layout.addWidget(self.outline, 2)
        guide_layout.addWidget(self.talking_points, 1)
        guide_layout.addWidget(QLabel("Checklist"))
        guide_layout.addWidget(self.checklist, 1)
        self.tabs.addTab(guide, "Guide")
        self.tabs.addTab(self.notes, "Notes")
        self.tabs.addTab(self.objections, "Objections")
        self.tabs.addTab(self.payment, "Payment")
        buttons = QHBoxLayout()
        for widget in (self.start_button, self.black_button, self.white_button):
            buttons.addWidget(widget)
        more = QHBoxLayout()
        more.addWidget(self.language_button)
        more.addWidget(self.agreement_button)
        more.addWidget(self.summary_button)
        more.addWidget(self.end_button)
        top = QHBoxLayout()
        top.addWidget(self.patient_label, 1)
        top.addWidget(self.timer_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.priorities_label)
        layout.addWidget(QLabel("Next (F9 hides this panel)"))
        layout.addWidget(self.next_view)
        layout.addWidget(self.jump_hint)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)
        self._sections = layout  # add_section puts more here, above the warnings
        layout.addLayout(more)
        layout.addWidget(self.end_warning)
        layout.addWidget(self.notice)
        layout.addWidget(self.screen_status)
        # One screen: no room screen to choose and no thumbnail of it; keep the
        # widgets parented (hidden) so they live and die with the panel.
        for unused in (self.live, self.screen_combo, self.identify_button, self.use_screen_button):
            unused.setParent(self)
            unused.setVisible(False)

    def add_banner(self, widget: QWidget) -> None:
        """A banner at the top (e.g. a practice consult's PRACTICE): in the wide console
        beside the name and the timer, costing the sections no height; in the sidebar,
        a line of its own above everything."""
        top = getattr(self, "_top", None)
        if top is not None:
            top.insertWidget(2, widget)
            return
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, widget)

    def add_section(self, widget: QWidget, stretch: int = 1) -> None:
        """One more section under what the family sees (wide) or under the tabs
        (sidebar), above the end warning: e.g. a practice consult's family lines."""
        index = self._sections.indexOf(self.end_warning)
        if index < 0:  # the sidebar: right under the tabs
            index = self._sections.indexOf(self.tabs) + 1
        self._sections.insertWidget(index, widget, stretch)

    def show_talking_points(self, points: tuple[str, ...]) -> None:
        if points:
            items = "".join(f"<li style='margin-bottom:6px'>{escape(p)}</li>" for p in points)
            self.talking_points.setText(f"<ul style='margin-left:-16px'>{items}</ul>")
        else:
            self.talking_points.setText("<i>No talking points for this step.</i>")

    def show_slides(self, live: Slide | None, blank: str, upcoming: Slide | None) -> None:
        self.live.set_slide(live)
        self.live.set_blank(blank)
        self.next_view.set_slide(upcoming)

    def show_session(
        self, session: ConsultSession, live: Slide | None, blank: str, upcoming: Slide | None
    ) -> None:
        """Catch up with the session: thumbnails, place, checklist, talking points, buttons."""
        self.show_slides(live, blank, upcoming)
        self.outline.set_current(session.position, session.started, session.screen)
        self.checklist.update_checked(session.checked)
        self.show_talking_points(session.step.talking_points)
        self.start_button.setEnabled(not session.started)
        self.black_button.setText("Unblank (B)" if session.blank == "black" else "Black (B)")
        self.white_button.setText("Unblank (W)" if session.blank == "white" else "White (W)")

    def show_language(self, showing: str, preferred: str) -> None:
        """The language on the family's screen now, and the one they prefer."""
        self.language_button.setText(f"{showing} (L)")
        self.language_button.setAccessibleName(
            f"Family's screen language: {showing}. Family prefers {preferred}."
        )
        self.patient_label.setToolTip(f"Prefers {preferred}")

    def follow_money(self, on_money: bool) -> None:
        """On the plan's figures the Payment tab comes forward; off them, Objections."""
        if on_money:
            self.payment.follow_step()
        if on_money and not self._on_money:
            self.tabs.setCurrentWidget(self.payment)
        elif not on_money and self._on_money:
            self.tabs.setCurrentWidget(self.objections)
        self._on_money = on_money
