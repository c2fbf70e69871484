"""The figures a TC tries for the family's plan: treatment, choice, down payment, months.

Only the form: it describes a ``PaymentPlan`` and says when that changed.
What the figures cost, what the policy says of them and when the family sees
them belong to the payment panel around it (payment_panel.py).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QWidget,
)

from tcdesk.domain import PaymentPlan, RemainderPlacement, TreatmentOption
from tcdesk.errors import UserError
from tcdesk.formatting import money_from_dollars, whole_money_from_cents
from tcdesk.money import MAX_MONTHS, PaymentChoice
from tcdesk.services.consult_room import ConsultRoom
from tcdesk.services.plan_choice import first_due_on
from tcdesk.services.presentation import choice_label

DUE_DAYS = (("1st of the month", 1), ("15th of the month", 15), ("Same day as today", 0))


def _dollars_up(amount: Decimal) -> int:
    return int(amount.to_integral_value(rounding=ROUND_CEILING))


def _dollars_down(amount: Decimal) -> int:
    return int(amount.to_integral_value(rounding=ROUND_FLOOR))


class PlanControls(QWidget):
    """Treatment, payment choice, down payment, months and due day, as one form."""

    changed = Signal()  # the plan the form describes changed (picked, typed or dragged)
    picked = Signal()  # a payment choice was picked: a fresh plan (no reason carried over)

    def __init__(self, room: ConsultRoom, today: date) -> None:
        super().__init__()
        self.setObjectName("planControls")
        self._room = room
        self._today = today
        self._choices: dict[str, PaymentChoice] = {}
        self._current: PaymentPlan | None = None
        self._updating = False
        self.no_fee = False
        self.load_error = ""  # the option's choices could not be priced (shown by the panel)
        self._build()
        self._arrange()
        self._connect()
        self._start_from(room.plan)

    def _build(self) -> None:
        self.option_combo = QComboBox()
        self.option_combo.setObjectName("optionCombo")
        for option in self._room.consult_file.options:
            star = "★ " if option.recommended else ""
            fee = whole_money_from_cents(option.fee_cents)
            self.option_combo.addItem(f"{star}{option.title} — {fee}", option.id)
        self.choice_row = QGridLayout()
        self.choice_row.setSpacing(4)
        self.choice_group = QButtonGroup(self)
        self.choice_group.setExclusive(False)  # a custom plan has no choice checked
        self.down_slider = QSlider(Qt.Orientation.Horizontal)
        self.down_slider.setObjectName("downSlider")
        self.down_slider.setSingleStep(50)
        self.down_slider.setPageStep(250)
        self.down_spin = QSpinBox()
        self.down_spin.setObjectName("downSpin")
        self.down_spin.setPrefix("$")
        self.down_spin.setSingleStep(50)
        self.months_slider = QSlider(Qt.Orientation.Horizontal)
        self.months_slider.setObjectName("monthsSlider")
        self.months_spin = QSpinBox()
        self.months_spin.setObjectName("monthsSpin")
        self.months_spin.setSuffix(" months")
        self.due_combo = QComboBox()
        self.due_combo.setObjectName("dueCombo")
        for label, day in DUE_DAYS:
            self.due_combo.addItem(label, day)

    def _arrange(self) -> None:
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Treatment", self.option_combo)
        form.addRow("Choice", self.choice_row)
        for label, slider, spin in (
            ("Down payment", self.down_slider, self.down_spin),
            ("Monthly payments", self.months_slider, self.months_spin),
        ):
            row = QHBoxLayout()
            row.addWidget(slider, 1)
            row.addWidget(spin)
            form.addRow(label, row)
        form.addRow("Payments due", self.due_combo)

    def _connect(self) -> None:
        self.option_combo.currentIndexChanged.connect(self._option_changed)
        for slider, spin in (
            (self.down_slider, self.down_spin),
            (self.months_slider, self.months_spin),
        ):
            slider.valueChanged.connect(spin.setValue)
            spin.valueChanged.connect(lambda value, s=slider: self._adjusted(s, value))
            # A half-typed figure ("$" alone) has no value yet: say so at once.
            # (the spin box's own textChanged waits for a value; its line edit does not).
            editor = spin.findChild(QLineEdit)
            editor.textChanged.connect(lambda _t, s=spin: self._typing(s))
        self.due_combo.currentIndexChanged.connect(lambda _i: self._changed())

    # -- set-up ---------------------------------------------------------------------

    def _start_from(self, plan: PaymentPlan | None) -> None:
        options = self._room.consult_file.options
        chosen = plan.option_id if plan else self._room.consult_file.consult.chosen_option_id
        wanted = chosen or next((o.id for o in options if o.recommended), None)
        self.option_combo.blockSignals(True)
        self.option_combo.setCurrentIndex(max(0, self.option_combo.findData(wanted)))
        self.option_combo.blockSignals(False)
        self._load_choices(select=plan.choice_key if plan else "standard", plan=plan)

    def option(self) -> TreatmentOption:
        return self._room.pricing.option(self.option_combo.currentData())

    def _load_choices(self, select: str, plan: PaymentPlan | None = None) -> None:
        # No option yet (a walk-in's quick consult): nothing to price, like a $0 option.
        self.no_fee = self.option_combo.count() == 0 or self.option().fee_cents == 0
        self.load_error = ""
        choices: tuple[PaymentChoice, ...] = ()
        if not self.no_fee:
            try:
                choices = self._room.pricing.choices(self.option(), self._today)
            except UserError as error:
                self.load_error = str(error)
        self._choices = {c.key: c for c in choices}
        self._make_choice_buttons(choices)
        self._set_ranges()
        self._enable_figures(not self.no_fee)
        if self.no_fee:
            self._current = None
            self.changed.emit()
        elif plan is not None:
            self._apply_plan(plan)
        elif select in self._choices:
            self.pick(select)
        elif self._choices:
            self.pick(next(iter(self._choices)))
        else:
            self.changed.emit()

    def _make_choice_buttons(self, choices: tuple[PaymentChoice, ...]) -> None:
        for button in self.choice_group.buttons():
            self.choice_group.removeButton(button)
            button.deleteLater()
        for index, choice in enumerate(choices):
            button = QPushButton(choice_label(self._room.kit.content, choice.key, choice.label))
            button.setObjectName(f"choice_{choice.key}")
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, key=choice.key: self.pick(key))
            self.choice_group.addButton(button)
            self.choice_row.addWidget(button, index // 2, index % 2)

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
            f"Policy: at least {money_from_dollars(minimum)} down; "
            f"up to {limits.longest_months} months"
        )
        self._updating = False

    def _enable_figures(self, enabled: bool) -> None:
        for widget in (
            self.down_slider,
            self.down_spin,
            self.months_slider,
            self.months_spin,
            self.due_combo,
        ):
            widget.setEnabled(enabled)

    # -- choices and adjustments ------------------------------------------------------

    def pick(self, key: str) -> None:
        """Select a payment choice: its policy figures fill the form."""
        choice = self._choices.get(key)
        if choice is None:
            return
        for button in self.choice_group.buttons():
            button.setChecked(button.objectName() == f"choice_{key}")
        self.picked.emit()
        pay_in_full = choice.months == 0
        if not pay_in_full:
            self._set_figures(_dollars_up(choice.down_payment), choice.months)
        self._enable_figures(not pay_in_full)
        self._changed(choice_key=key)

    def _set_figures(self, down: int, months: int) -> None:
        self._updating = True
        self.down_spin.setValue(down)
        self.down_slider.setValue(down)
        if months:
            self.months_spin.setValue(months)
            self.months_slider.setValue(months)
        self._updating = False

    def _apply_plan(self, plan: PaymentPlan) -> None:
        self._set_figures(plan.down_cents // 100, plan.months)
        for button in self.choice_group.buttons():
            button.setChecked(button.objectName() == f"choice_{plan.choice_key}")
        self._changed(choice_key=plan.choice_key if plan.choice_key in self._choices else "custom")

    def _option_changed(self, _index: int) -> None:
        current = self._current.choice_key if self._current else "standard"
        self._load_choices(select=current if current != "custom" else "standard")

    def _adjusted(self, slider: QSlider, value: int) -> None:
        """A spin box moved (typed, or following its slider): a custom plan."""
        if slider.value() != value:
            slider.blockSignals(True)
            slider.setValue(value)
            slider.blockSignals(False)
        if not self._updating:
            self._changed(choice_key="custom")

    def _typing(self, spin: QSpinBox) -> None:
        """Say when a figure becomes half-typed, or whole again (even at the same value)."""
        acceptable = spin.hasAcceptableInput()
        if acceptable != spin.property("acceptable"):
            spin.setProperty("acceptable", acceptable)
            self.changed.emit()

    def _changed(self, choice_key: str | None = None) -> None:
        if choice_key == "custom":
            for button in self.choice_group.buttons():
                button.setChecked(False)
        self._current = self.plan(choice_key)
        self.changed.emit()

    # -- what the form says ---------------------------------------------------------

    def current(self) -> PaymentPlan | None:
        """The plan last described (None for an option with nothing to pay)."""
        return self._current

    def incomplete(self) -> str:
        """Why the typed figures are not a plan yet ("" when they are)."""
        for spin, name in ((self.down_spin, "down payment"), (self.months_spin, "months")):
            if spin.isEnabled() and not spin.hasAcceptableInput():
                return f"Finish typing the {name}."
        return ""

    def plan(self, choice_key: str | None = None) -> PaymentPlan:
        """The plan the controls describe now."""
        key = choice_key or (self._current.choice_key if self._current else "standard")
        pif = key == "pay_in_full"
        months = 0 if pif else self.months_spin.value()
        limits = self._room.pricing.limits
        if pif:
            total = self._choices["pay_in_full"].total_paid if "pay_in_full" in self._choices else 0
            down_cents = int(Decimal(total) * 100)
        else:
            down_cents = self.down_spin.value() * 100
        return PaymentPlan(
            id="",
            consult_id=self._room.consult_id,
            option_id=self.option().id,
            choice_key=key,
            down_cents=down_cents,
            months=months,
            apr_pct=limits.apr_for(months) if months else Decimal(0),
            agreement_date=self._today,
            first_due=None if pif else first_due_on(self.due_combo.currentData(), self._today),
            remainder=RemainderPlacement(limits.remainder.value),
        )

    def mark_invalid(self, field: str) -> None:
        target = {"down_payment": self.down_spin, "months": self.months_spin}.get(field)
        if target is not None:
            target.setProperty("invalid", True)
            target.style().polish(target)

    def clear_marks(self) -> None:
        for widget in (self.down_spin, self.months_spin):
            widget.setProperty("invalid", False)
            widget.style().polish(widget)
