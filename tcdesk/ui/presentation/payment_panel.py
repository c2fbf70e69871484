"""The Payment tab: try figures privately, then show them to the family on purpose.

Every change in the form (plan_controls.py) reprices the plan and renders, for
the console only, the slide it would give: a preview drawn by the display's
own widget. Nothing reaches the room's screen until the TC presses "Show on
screen" (or Ctrl+Enter) or saves the plan. A half-typed figure, a plan the
policy forbids, or one beyond the policy without a reason cannot be shown,
and the reason says so next to the button. Policy warnings and reasons stay
on the console: they are never part of a slide.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tcdesk.domain import PaymentPlan
from tcdesk.errors import UserError
from tcdesk.formatting import money_from_dollars, rate_percent
from tcdesk.money import MoneyInputError
from tcdesk.services.consult_quote import PricedPlan
from tcdesk.services.consult_room import ConsultRoom, PlanDeck
from tcdesk.ui.presentation.keymap import SHOW_PLAN_KEYS
from tcdesk.ui.presentation.plan_controls import PlanControls, first_due_on
from tcdesk.ui.presentation.thumbnail import Thumbnail

__all__ = ["PaymentPanel", "first_due_on"]

PREVIEW_DELAY_MS = 0  # the preview follows at once; coalesces a burst of slider moves
PREVIEW_WIDTH = 260
PREVIEW_CAPTION = "Preview, not on the family's screen"


def _label(name: str, role: str = "") -> QLabel:
    label = QLabel("")
    label.setObjectName(name)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


def _set_role(label: QLabel, role: str) -> None:
    if label.property("role") != role:
        label.setProperty("role", role)
        label.style().polish(label)


class PaymentPanel(QWidget):
    def __init__(
        self,
        room: ConsultRoom,
        today: date,
        on_show: Callable[[PlanDeck], None],
        on_saved: Callable[[PricedPlan | None], None],
    ) -> None:
        super().__init__()
        self.setObjectName("paymentPanel")
        self._room = room
        self._on_show = on_show
        self._on_saved = on_saved
        self._deck: PlanDeck | None = None  # the figures rendered privately now
        self._priced: PricedPlan | None = None
        self._blocked = ""  # why the figures cannot be shown, before any policy check
        self._on_screen = False  # the previewed figures are what the family sees
        self._refresh_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._refresh_timer.timeout.connect(self._refresh)

        self.controls = PlanControls(room, today)
        self._alias_controls()
        self._build()
        self._arrange()
        self.controls.changed.connect(self._form_changed)
        self.controls.picked.connect(self.reason.clear)
        self.reason.textChanged.connect(lambda _t: self._update_actions())
        self.show_button.clicked.connect(self.show_on_screen)
        self.use_button.clicked.connect(self.save)
        for keys in SHOW_PLAN_KEYS:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.show_on_screen)
        self.reason.setText(room.plan.over_limit_reason if room.plan else "")
        self._refresh()

    def _alias_controls(self) -> None:
        """The form's fields, reachable from the panel (the controller and tests use them)."""
        controls = self.controls
        self.option_combo = controls.option_combo
        self.down_slider, self.down_spin = controls.down_slider, controls.down_spin
        self.months_slider, self.months_spin = controls.months_slider, controls.months_spin
        self.due_combo = controls.due_combo
        self.pick = controls.pick

    def _build(self) -> None:
        self.summary = _label("planSummary")
        self.error = _label("planError", "error")
        self.reason = QLineEdit()
        self.reason.setObjectName("overLimitReason")
        self.reason.setPlaceholderText("Reason for going beyond the practice's policy")
        self.reason.setVisible(False)
        self.preview = Thumbnail()
        self.preview.setObjectName("planPreview")
        self.preview.setMinimumWidth(PREVIEW_WIDTH * 4 // 5)
        self.preview.setMaximumWidth(PREVIEW_WIDTH)
        self.preview_caption = QLabel(PREVIEW_CAPTION)
        self.preview_caption.setObjectName("planPreviewCaption")
        self.preview_caption.setProperty("role", "subheading")
        self.preview_caption.setWordWrap(True)
        self.show_button = QPushButton("Show on screen")
        self.show_button.setObjectName("showPlan")
        self.show_button.setToolTip("Put these figures on the family's screen (Ctrl+Enter)")
        self.show_status = _label("showStatus", "muted")
        self.use_button = QPushButton("Use this plan")
        self.use_button.setObjectName("usePlan")
        self.use_button.setProperty("primary", True)
        self.use_button.setToolTip("Save the plan the family chose; it is shown on their screen")
        self.saved_label = _label("planSaved", "muted")

    def _arrange(self) -> None:
        frame = QFrame()
        frame.setObjectName("planPreviewFrame")
        frame.setStyleSheet(
            "#planPreviewFrame { border: 1px dashed #B8BEC4; border-radius: 6px;"
            " background: #F6F7F8; }"
        )
        inner = QHBoxLayout(frame)
        inner.setContentsMargins(8, 8, 8, 8)
        inner.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        side = QVBoxLayout()
        side.addWidget(self.preview_caption)
        side.addWidget(self.summary)
        side.addStretch(1)
        side.addWidget(self.show_button)
        side.addWidget(self.show_status)
        inner.addLayout(side, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.saved_label, 1)
        actions.addWidget(self.use_button)
        # In a short sidebar (one screen) the tab scrolls rather than squash the form.
        content = QWidget()
        scroll = QScrollArea()
        scroll.setObjectName("paymentScroll")
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.controls)
        layout.addWidget(self.error)
        layout.addWidget(self.reason)
        layout.addWidget(frame)
        layout.addLayout(actions)
        layout.addStretch(1)

    # -- the private preview ----------------------------------------------------------

    def option(self):
        return self.controls.option()

    @property
    def _current(self) -> PaymentPlan | None:
        """The plan the form describes (with the reason typed for it)."""
        plan = self.controls.current()
        return replace(plan, over_limit_reason=self.reason.text().strip()) if plan else None

    def _form_changed(self) -> None:
        self.saved_label.setText("")
        self._on_screen = False
        self._refresh_timer.start()

    def _refresh(self) -> None:
        """Price what the form says and render it for the console only."""
        self._deck, self._priced, self._blocked = None, None, ""
        self.controls.clear_marks()
        self._set_message("")
        plan = self._current
        self._blocked = self._why_not_a_plan(plan)
        if plan is not None and not self._blocked:
            try:
                self._priced = self._room.price(plan)
            except MoneyInputError as error:
                self.controls.mark_invalid(error.field)
                self._set_message(str(error))
                self._blocked = "Fix the figure first."
        if self._priced is not None and plan is not None:
            self._deck = self._room.render_plan(plan)
            self.preview.set_slide(self._room.preview_slide(self._deck))
            self.preview.repaint_now()
        self._show_figures()
        self._update_actions()

    def language_changed(self) -> None:
        """The family's screen changed language: preview the figures in it."""
        if self._deck is not None:
            self._refresh_timer.start()

    def follow_step(self) -> None:
        """The slides moved: preview the one the figures change on this step, if another."""
        if self._deck is not None:
            slide = self._room.preview_slide(self._deck)
            if slide is not self.preview.slide():
                self.preview.set_slide(slide)

    def _why_not_a_plan(self, plan: PaymentPlan | None) -> str:
        if self.controls.no_fee:
            return "Nothing to pay: “Record this choice” shows it."
        if self.controls.load_error:
            self._set_message(self.controls.load_error)
            return "These figures cannot be priced."
        incomplete = self.controls.incomplete()
        if incomplete:
            return incomplete
        return "" if plan is not None else "Choose how the family will pay."

    def _show_figures(self) -> None:
        if self.controls.no_fee:
            self.summary.setText("<b>No charge for this option.</b> Nothing to pay.")
            return
        if self._priced is None:
            self.summary.setText("")
            return
        quote = self._priced.quote
        til = quote.truth_in_lending
        if quote.months:
            text = (
                f"<b>{money_from_dollars(quote.monthly_payment)} a month</b> × {quote.months} "
                f"after {money_from_dollars(quote.down_payment)} down · "
                f"total {money_from_dollars(quote.total_paid)}"
            )
            if til.required:
                text += (
                    f"<br>APR {rate_percent(til.apr)} · "
                    f"finance charge {money_from_dollars(til.finance_charge)}"
                )
        else:
            text = f"<b>Pay in full: {money_from_dollars(quote.total_paid)}</b>"
        self.summary.setText(text)
        forbidden, over = self._priced.forbidden, self._priced.violations
        if forbidden:
            self.controls.mark_invalid(forbidden[0].field)
            self._set_message(" ".join(v.message for v in forbidden))
        elif over:
            text = " ".join(v.message for v in over) + " A reason is needed to show or use it."
            self._set_message(text, role="warning")
        self.reason.setVisible(bool(over) and not forbidden)

    def _set_message(self, text: str, role: str = "error") -> None:
        _set_role(self.error, role)
        self.error.setText(text)
        if text and role == "error":
            self.reason.setVisible(False)

    # -- showing and saving -----------------------------------------------------------

    def why_not_shown(self) -> str:
        """Why Show is off ("" when the figures can go on the family's screen)."""
        if self._blocked:
            return self._blocked
        priced = self._priced
        if priced is None:
            return "Nothing to show yet."
        if priced.forbidden:
            return "Not allowed by the practice's policy."
        if priced.violations and not self.reason.text().strip():
            return "Beyond the practice's policy: give a reason first."
        return ""

    def _update_actions(self) -> None:
        why = self.why_not_shown()
        self.show_button.setEnabled(not why and not self._on_screen and self._deck is not None)
        self.use_button.setEnabled(not why or self.controls.no_fee)
        self.use_button.setText("Record this choice" if self.controls.no_fee else "Use this plan")
        if why:
            self.show_status.setText(why)
        elif self._on_screen:
            self.show_status.setText("On the family's screen.")
        else:
            self.show_status.setText("Only you see this. Ctrl+Enter shows it.")
        _set_role(self.show_status, "warning" if why and not self.controls.no_fee else "muted")

    def show_on_screen(self) -> bool:
        """Put the previewed figures on the family's slides; False when they can't go."""
        if self._refresh_timer.isActive():
            self._refresh_timer.stop()
            self._refresh()
        if self.why_not_shown() or self._deck is None:
            return False
        self._on_show(self._deck)
        self._on_screen = True
        self._update_actions()
        return True

    def save(self) -> PricedPlan | None:
        """Save the plan on the consult and show it; errors stay at the field."""
        if self._refresh_timer.isActive():
            self._refresh_timer.stop()
            self._refresh()
        if self.controls.no_fee:
            try:
                self._room.choose_option(self.option().id)
            except UserError as error:  # e.g. "Not saved: the disk is full"
                self._set_message(str(error))
                return None
            self.saved_label.setText(f"Saved: {self.option().title} (no charge)")
            self._on_saved(None)
            return None
        plan = self._current
        if plan is None:
            return None
        try:
            priced = self._room.choose_plan(plan)
        except UserError as error:
            self._set_message(str(error))
            self.use_button.setEnabled(False)
            return None
        self.saved_label.setText(
            f"Saved: {priced.plan.choice_key.replace('_', ' ')} plan for {self.option().title}"
        )
        self._on_screen = True
        self._update_actions()
        self._on_saved(priced)
        return priced
