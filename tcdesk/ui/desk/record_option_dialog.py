"""Adding an option from the fee schedule, or changing one: fee (a reason when it differs
from the schedule's), months, the recommendation."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tcdesk.domain import FeeScheduleItem, TreatmentOption
from tcdesk.formatting import money_from_cents
from tcdesk.services.consult_options import MAX_MONTHS
from tcdesk.ui.desk.record_common import FieldMessages, RecordHost, error_label


def _dollars(cents: int) -> str:
    return f"{Decimal(cents) / 100:,.2f}".removesuffix(".00")


def typed_cents(text: str) -> int | None:
    try:
        return int(Decimal(text.strip().replace("$", "").replace(",", "") or "x") * 100)
    except InvalidOperation:
        return None


class OptionDialog(QDialog):
    """``save(line_id, fee, reason, months, recommended)`` does the change; it may refuse."""

    def __init__(
        self,
        parent: QWidget,
        host: RecordHost,
        save,
        *,
        lines: tuple[FeeScheduleItem, ...] = (),
        option: TreatmentOption | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("optionDialog")
        self._host = host
        self._save = save
        self._option = option
        self._lines = {line.id: line for line in lines}
        self.setWindowTitle(f"Change {option.title}" if option else "Add an option")
        self.picker = QListWidget()
        self.picker.setObjectName("feeLinePicker")
        for line in lines:
            text = (
                f"{line.name}  —  {money_from_cents(line.fee_cents)}, "
                f"about {line.typical_months} months"
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, line.id)
            self.picker.addItem(item)
        self.picker.currentRowChanged.connect(self._line_picked)
        self.picker.setVisible(option is None)
        self.fee = QLineEdit()
        self.fee.setObjectName("optionFee")
        self.fee.textChanged.connect(self._fee_changed)
        self.schedule_note = QLabel("")
        self.schedule_note.setProperty("role", "muted")
        self.reason = QLineEdit()
        self.reason.setObjectName("feeReason")
        self.reason.setPlaceholderText("e.g. courtesy for a sibling, extra appliance")
        self.reason_label = QLabel("&Why the fee differs")
        self.reason_label.setBuddy(self.reason)
        self.months = QSpinBox()
        self.months.setObjectName("optionMonths")
        self.months.setRange(0, MAX_MONTHS)
        self.months.setSuffix(" months")
        self.recommended = QCheckBox("The doctor's &recommendation")
        self.recommended.setObjectName("optionRecommended")
        errors = {name: error_label(f"option{name.title()}Error") for name in _FIELDS}
        self.errors = errors
        self.other_error = error_label("optionOtherError")
        self.messages = FieldMessages(self.other_error)
        for name, widget in (
            ("fee_line", self.picker),
            ("fee", self.fee),
            ("fee_reason", self.reason),
            ("months", self.months),
            ("recommended", self.recommended),
        ):
            self.messages.add(name, errors[name], widget)
        self._arrange()
        if option is not None:
            self.fee.setText(_dollars(option.fee_cents))
            self.reason.setText(option.fee_reason)
            self.months.setValue(option.estimated_months)
            self.recommended.setChecked(option.recommended)
        elif lines:
            self.picker.setCurrentRow(0)
        self._fee_changed()

    def _arrange(self) -> None:
        picker_label = QLabel("From the &fee schedule")
        picker_label.setBuddy(self.picker)
        picker_label.setVisible(self._option is None)
        form = QFormLayout()
        fee_label = QLabel("F&ee ($)")
        fee_label.setBuddy(self.fee)
        months_label = QLabel("&Months")
        months_label.setBuddy(self.months)
        form.addRow(fee_label, self._stack(self.fee, self.schedule_note, self.errors["fee"]))
        form.addRow(self.reason_label, self._stack(self.reason, self.errors["fee_reason"]))
        form.addRow(months_label, self._stack(self.months, self.errors["months"]))
        form.addRow("", self._stack(self.recommended, self.errors["recommended"]))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            "Save option" if self._option else "Add option"
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(picker_label)
        layout.addWidget(self.picker)
        layout.addWidget(self.errors["fee_line"])
        layout.addLayout(form)
        layout.addWidget(self.other_error)
        layout.addWidget(buttons)
        self.resize(560, 520 if self._option is None else 300)

    @staticmethod
    def _stack(*widgets: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for widget in widgets:
            layout.addWidget(widget)
        return box

    def line(self) -> FeeScheduleItem | None:
        item = self.picker.currentItem()
        return self._lines.get(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def schedule_fee(self) -> int | None:
        if self._option is not None:
            return self._option.schedule_fee_cents
        line = self.line()
        return line.fee_cents if line else None

    def _line_picked(self, _row: int) -> None:
        line = self.line()
        if line is None:
            return
        self.fee.setText(_dollars(line.fee_cents))
        self.months.setValue(line.typical_months)

    def _fee_changed(self, _text: str = "") -> None:
        """The reason field appears only when the fee is not the schedule's."""
        schedule = self.schedule_fee()
        typed = typed_cents(self.fee.text())
        differs = schedule is not None and typed is not None and typed != schedule
        self.reason.setVisible(differs)
        self.reason_label.setVisible(differs)
        if not differs:
            self.errors["fee_reason"].setVisible(False)
        self.schedule_note.setText(
            f"The fee schedule says {money_from_cents(schedule)}." if schedule is not None else ""
        )

    def _accept(self) -> None:
        line = self.line()
        line_id = line.id if line else ""
        fee = self.fee.text()
        reason = "" if self.reason.isHidden() else self.reason.text()
        months = self.months.value()
        recommended = self.recommended.isChecked()
        done = self._host.apply(
            self.messages, lambda: self._save(line_id, fee, reason, months, recommended)
        )
        if done is not None:
            self.accept()


_FIELDS = ("fee_line", "fee", "fee_reason", "months", "recommended")
