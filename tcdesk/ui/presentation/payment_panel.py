"""Payment choices, adjusted live while the family watches.

The TC picks a treatment option and a payment choice, then moves the down
payment and the months with a slider or a spin box. Inside the policy the
patient display follows at once; beyond it the plan needs a reason, which is
logged. Bad figures are shown at the field and never reach an agreement.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tcdesk.domain import PaymentPlan, RemainderPlacement, TreatmentOption
from tcdesk.errors import UserError
from tcdesk.formatting import money, money_from_cents
from tcdesk.money import MAX_MONTHS, MoneyInputError, PaymentChoice
from tcdesk.services.consult_quote import PricedPlan
from tcdesk.services.consult_room import ConsultRoom
from tcdesk.services.presentation import choice_label

PREVIEW_DELAY_MS = 0  # the display follows at once; coalesces a burst of slider moves
DUE_DAYS = (("1st of the month", 1), ("15th of the month", 15), ("Same day as today", 0))


def _dollars_up(amount: Decimal) -> int:
    return int(amount.to_integral_value(rounding=ROUND_CEILING))


def _dollars_down(amount: Decimal) -> int:
    return int(amount.to_integral_value(rounding=ROUND_FLOOR))


def first_due_on(day_of_month: int, agreement: date) -> date | None:
    """The first payment on the chosen day, about a month after the agreement."""
    if day_of_month == 0:
        return None
    probe = agreement + timedelta(days=21)
    while probe.day != day_of_month:
        probe += timedelta(days=1)
    return probe


class PaymentPanel(QWidget):
    def __init__(
        self,
        room: ConsultRoom,
        today: date,
        on_preview: Callable[[PaymentPlan], None],
        on_saved: Callable[[PricedPlan | None], None],
    ) -> None:
        super().__init__()
        self.setObjectName("paymentPanel")
        self._room = room
        self._today = today
        self._on_preview = on_preview
        self._on_saved = on_saved
        self._choices: dict[str, PaymentChoice] = {}
        self._current: PaymentPlan | None = None
        self._updating = False
        # The family's screen shows a plan only once the TC picks or moves something:
        # opening a consult must not look as if a choice was already made.
        self._live = False
        self._violations: tuple = ()
        self._no_fee = False
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._preview)

        self.option_combo = QComboBox()
        self.option_combo.setObjectName("optionCombo")
        for option in room.consult_file.options:
            star = "★ " if option.recommended else ""
            self.option_combo.addItem(
                f"{star}{option.title} — {money_from_cents(option.fee_cents, cents=False)}",
                option.id,
            )
        self.choice_row = QGridLayout()
        self.choice_row.setSpacing(4)
        self.choice_group = QButtonGroup(self)
        self.choice_group.setExclusive(False)  # a custom plan has no choice checked

        self.down_slider = QSlider(Qt.Orientation.Horizontal)
        self.down_slider.setObjectName("downSlider")
        self.down_spin = QSpinBox()
        self.down_spin.setObjectName("downSpin")
        self.down_spin.setPrefix("$")
        self.down_spin.setSingleStep(50)
        self.down_slider.setSingleStep(50)
        self.down_slider.setPageStep(250)
        self.months_slider = QSlider(Qt.Orientation.Horizontal)
        self.months_slider.setObjectName("monthsSlider")
        self.months_spin = QSpinBox()
        self.months_spin.setObjectName("monthsSpin")
        self.months_spin.setSuffix(" months")
        self.due_combo = QComboBox()
        self.due_combo.setObjectName("dueCombo")
        for label, day in DUE_DAYS:
            self.due_combo.addItem(label, day)

        self.summary = QLabel("")
        self.summary.setObjectName("planSummary")
        self.summary.setWordWrap(True)
        self.error = QLabel("")
        self.error.setObjectName("planError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("overLimitReason")
        self.reason.setPlaceholderText("Reason for going beyond the practice's policy")
        self.reason.setVisible(False)
        self.use_button = QPushButton("Use this plan")
        self.use_button.setObjectName("usePlan")
        self.use_button.setProperty("primary", True)
        self.saved_label = QLabel("")
        self.saved_label.setObjectName("planSaved")
        self.saved_label.setProperty("role", "muted")

        form = QFormLayout()
        form.addRow("Treatment", self.option_combo)
        form.addRow("Choice", self.choice_row)
        down_row = QHBoxLayout()
        down_row.addWidget(self.down_slider, 1)
        down_row.addWidget(self.down_spin)
        form.addRow("Down payment", down_row)
        months_row = QHBoxLayout()
        months_row.addWidget(self.months_slider, 1)
        months_row.addWidget(self.months_spin)
        form.addRow("Monthly payments", months_row)
        form.addRow("Payments due", self.due_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.reason)
        actions = QHBoxLayout()
        actions.addWidget(self.saved_label, 1)
        actions.addWidget(self.use_button)
        layout.addLayout(actions)
        layout.addStretch(1)

        self.option_combo.currentIndexChanged.connect(self._option_changed)
        self.down_slider.valueChanged.connect(self.down_spin.setValue)
        self.down_spin.valueChanged.connect(self._down_changed)
        self.months_slider.valueChanged.connect(self.months_spin.setValue)
        self.months_spin.valueChanged.connect(self._months_changed)
        self.due_combo.currentIndexChanged.connect(lambda _i: self._changed())
        self.reason.textChanged.connect(lambda _t: self._update_use_button())
        self.use_button.clicked.connect(self.save)

        self._start_from(room.plan)

    # -- set-up ---------------------------------------------------------------------

    def _start_from(self, plan: PaymentPlan | None) -> None:
        options = self._room.consult_file.options
        chosen = plan.option_id if plan else self._room.consult_file.consult.chosen_option_id
        wanted = chosen or next((o.id for o in options if o.recommended), None)
        index = max(0, self.option_combo.findData(wanted))
        self.option_combo.blockSignals(True)
        self.option_combo.setCurrentIndex(index)
        self.option_combo.blockSignals(False)
        self._load_choices(select=plan.choice_key if plan else "standard", plan=plan)

    def option(self) -> TreatmentOption:
        return self._room.pricing.option(self.option_combo.currentData())

    def _load_choices(self, select: str, plan: PaymentPlan | None = None) -> None:
        for button in self.choice_group.buttons():
            self.choice_group.removeButton(button)
            button.deleteLater()
        self._no_fee = self.option().fee_cents == 0
        choices: tuple[PaymentChoice, ...] = ()
        if self._no_fee:
            self._clear_error()
            self.summary.setText("<b>No charge for this option.</b> Nothing to pay.")
            self.use_button.setEnabled(True)
        else:
            try:
                choices = self._room.pricing.choices(self.option(), self._today)
            except UserError as error:
                self._show_error(str(error))
        self._choices = {c.key: c for c in choices}
        for index, choice in enumerate(choices):
            button = QPushButton(choice_label(self._room.kit.content, choice.key, choice.label))
            button.setObjectName(f"choice_{choice.key}")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, key=choice.key: self.pick(key, announce=True))
            self.choice_group.addButton(button)
            self.choice_row.addWidget(button, index // 2, index % 2)
        self._set_ranges()
        for widget in (
            self.down_slider,
            self.down_spin,
            self.months_slider,
            self.months_spin,
            self.due_combo,
        ):
            widget.setEnabled(not self._no_fee)
        self.use_button.setText("Record this choice" if self._no_fee else "Use this plan")
        if self._no_fee:
            self._current = None
            return
        if plan is not None:
            self._apply_plan(plan)
        elif select in self._choices:
            self.pick(select, announce=False)
        elif self._choices:
            self.pick(next(iter(self._choices)), announce=False)

    def _set_ranges(self) -> None:
        pif = self._choices.get("pay_in_full")
        portion = pif.quote.patient_portion if pif else Decimal(0)
        limits = self._room.pricing.limits
        self._updating = True
        # A down payment at the pay-in-full price is paying in full: stop a dollar short.
        top = max(0, _dollars_down(pif.total_paid if pif else portion) - 1)
        self.down_slider.setRange(0, top)
        self.months_slider.setRange(1, limits.longest_months)
        # Typed figures are not clamped (a silent 48 -> 4 would mislead): anything
        # beyond the sliders is checked and explained at the field instead.
        self.down_spin.setRange(0, 9_999_999)
        self.months_spin.setRange(0, MAX_MONTHS * 10)
        minimum, _reason = limits.minimum_down_payment(portion) if portion else (Decimal(0), "")
        self.down_slider.setToolTip(
            f"Policy: at least {money(minimum)} down; up to {limits.longest_months} months"
        )
        self._updating = False

    # -- choices and adjustments ------------------------------------------------------

    def pick(self, key: str, *, announce: bool = True) -> None:
        """Select a payment choice; ``announce`` shows it on the family's screen."""
        choice = self._choices.get(key)
        if choice is None:
            return
        if announce:
            self._live = True
        self.reason.clear()
        for button in self.choice_group.buttons():
            button.setChecked(button.objectName() == f"choice_{key}")
        pay_in_full = choice.months == 0
        self._updating = True
        if not pay_in_full:
            self.down_spin.setValue(_dollars_up(choice.down_payment))
            self.down_slider.setValue(_dollars_up(choice.down_payment))
            self.months_spin.setValue(choice.months)
            self.months_slider.setValue(choice.months)
        self._updating = False
        for widget in (
            self.down_slider,
            self.down_spin,
            self.months_slider,
            self.months_spin,
            self.due_combo,
        ):
            widget.setEnabled(not pay_in_full)
        self._changed(choice_key=key)

    def _apply_plan(self, plan: PaymentPlan) -> None:
        self._updating = True
        self.down_spin.setValue(plan.down_cents // 100)
        self.down_slider.setValue(plan.down_cents // 100)
        if plan.months:
            self.months_spin.setValue(plan.months)
            self.months_slider.setValue(plan.months)
        self._updating = False
        for button in self.choice_group.buttons():
            button.setChecked(button.objectName() == f"choice_{plan.choice_key}")
        self.reason.setText(plan.over_limit_reason)
        self._changed(choice_key=plan.choice_key if plan.choice_key in self._choices else "custom")

    def _option_changed(self, _index: int) -> None:
        self._live = True
        current = self._current.choice_key if self._current else "standard"
        self._load_choices(select=current if current != "custom" else "standard")

    def _down_changed(self, value: int) -> None:
        self._adjusted(self.down_slider, value)

    def _months_changed(self, value: int) -> None:
        self._adjusted(self.months_slider, value)

    def _adjusted(self, slider: QSlider, value: int) -> None:
        """A spin box moved (typed, or following its slider): a custom plan, shown live."""
        if slider.value() != value:
            slider.blockSignals(True)
            slider.setValue(value)
            slider.blockSignals(False)
        if not self._updating:
            self._live = True
            self._changed(choice_key="custom")

    def plan(self, choice_key: str | None = None) -> PaymentPlan:
        """The plan the controls describe now."""
        key = choice_key or (self._current.choice_key if self._current else "standard")
        option = self.option()
        pif = key == "pay_in_full"
        months = 0 if pif else self.months_spin.value()
        apr = self._room.pricing.limits.apr_for(months) if months else Decimal(0)
        if pif:
            portion = (
                self._choices["pay_in_full"].total_paid if "pay_in_full" in self._choices else 0
            )
            down_cents = int(Decimal(portion) * 100)
        else:
            down_cents = self.down_spin.value() * 100
        return PaymentPlan(
            id="",
            consult_id=self._room.consult_id,
            option_id=option.id,
            choice_key=key,
            down_cents=down_cents,
            months=months,
            apr_pct=apr,
            agreement_date=self._today,
            first_due=None if pif else first_due_on(self.due_combo.currentData(), self._today),
            remainder=RemainderPlacement(self._room.pricing.limits.remainder.value),
            over_limit_reason=self.reason.text().strip(),
        )

    def _changed(self, choice_key: str | None = None) -> None:
        self.saved_label.setText("")
        if choice_key == "custom":
            for button in self.choice_group.buttons():
                button.setChecked(False)
        self._current = self.plan(choice_key)
        self._preview_timer.start()

    def _preview(self) -> None:
        plan = self._current
        if plan is None:
            return
        self._clear_error()
        try:
            priced = self._room.price(plan)
        except MoneyInputError as error:
            self._show_error(str(error), field=error.field)
            return
        if self._live and not priced.forbidden:
            self._on_preview(plan)  # the family's screen first; the console's figures after
        self._show_priced(priced)

    def _show_priced(self, priced: PricedPlan) -> None:
        quote = priced.quote
        til = quote.truth_in_lending
        if quote.months:
            text = (
                f"<b>{money(quote.monthly_payment)} a month</b> × {quote.months} after "
                f"{money(quote.down_payment)} down · total {money(quote.total_paid)}"
            )
            if til.required:
                text += f"<br>APR {til.apr}% · finance charge {money(til.finance_charge)}"
        else:
            text = f"<b>Pay in full: {money(quote.total_paid)}</b>"
        self.summary.setText(text)
        self._violations = priced.violations
        if priced.forbidden:
            self.reason.setVisible(False)
            self._show_error(
                " ".join(v.message for v in priced.forbidden), field=priced.forbidden[0].field
            )
            return
        over = bool(priced.violations)
        self.reason.setVisible(over)
        if over:
            self.error.setProperty("role", "warning")
            self.error.style().polish(self.error)
            self.error.setText(
                " ".join(v.message for v in priced.violations) + " A reason is needed to use it."
            )
        self._update_use_button()

    def _update_use_button(self) -> None:
        over = bool(self._violations)
        self.use_button.setEnabled(not over or bool(self.reason.text().strip()))

    def _show_error(self, message: str, field: str = "") -> None:
        self.error.setProperty("role", "error")
        self.error.style().polish(self.error)
        self.error.setText(message)
        self.summary.setText("")
        self.use_button.setEnabled(False)
        target = {"down_payment": self.down_spin, "months": self.months_spin}.get(field)
        if target is not None:
            target.setProperty("invalid", True)
            target.style().polish(target)

    def _clear_error(self) -> None:
        self.error.setText("")
        for widget in (self.down_spin, self.months_spin):
            widget.setProperty("invalid", False)
            widget.style().polish(widget)

    def save(self) -> PricedPlan | None:
        """Save the plan on the consult; errors stay at the field, nothing is saved."""
        self._preview_timer.stop()
        if self._no_fee:
            self._room.choose_option(self.option().id)
            self.saved_label.setText(f"Saved: {self.option().title} (no charge)")
            self._on_saved(None)
            return None
        plan = self._current
        if plan is None:
            return None
        try:
            priced = self._room.choose_plan(replace(plan, over_limit_reason=self.reason.text()))
        except UserError as error:
            self._show_error(str(error), field=getattr(error, "field", ""))
            return None
        self.saved_label.setText(
            f"Saved: {priced.plan.choice_key.replace('_', ' ')} plan for {self.option().title}"
        )
        self.reason.clear()
        self._on_saved(priced)
        return priced
