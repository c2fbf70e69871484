"""One insurance plan in the family form: carrier, coverage, maximum, how it pays."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from tcdesk.domain import PayoutFrequency
from tcdesk.services.intake import InsuranceInput
from tcdesk.ui.desk.field_marks import TOP, FieldMarks, error_label, field_label

PAYOUT_LABELS = {
    PayoutFrequency.MONTHLY: "Monthly",
    PayoutFrequency.QUARTERLY: "Quarterly",
}


class InsuranceEditor(QGroupBox):
    """A checkable group: unchecked means no such plan. Fields: ``insurance.<rank>.*``."""

    def __init__(self, rank: str, title: str, plan: InsuranceInput | None = None) -> None:
        super().__init__(title)
        self.rank = rank
        self.setObjectName(f"insurance_{rank}")
        self.setCheckable(True)
        self.setChecked(plan is not None)
        plan_or_default = plan or InsuranceInput(carrier="")
        self.marks = FieldMarks()
        self.carrier = QLineEdit(plan_or_default.carrier)
        self.carrier.setPlaceholderText("e.g. Delta Dental")
        self.coverage = QLineEdit(plan_or_default.coverage_pct)
        self.maximum = QLineEdit(plan_or_default.lifetime_max)
        self.used = QLineEdit(plan_or_default.used)
        self.age_limit = QLineEdit(plan_or_default.age_limit)
        self.age_limit.setPlaceholderText("none")
        self.payout = QComboBox()
        for frequency, label in PAYOUT_LABELS.items():
            self.payout.addItem(label, frequency.value)
        self.payout.setCurrentIndex(max(0, self.payout.findData(plan_or_default.payout)))
        self.initial = QLineEdit(plan_or_default.initial_pct)
        self.subscriber = QLineEdit(plan_or_default.subscriber)
        self.subscriber.setPlaceholderText("who holds the plan")
        self.member_id = QLineEdit(plan_or_default.member_id)
        self.message = error_label()  # e.g. a secondary plan without a primary
        self.message.setObjectName(f"error:insurance.{rank}")
        self.marks.add_message("", self.message, self)

        self.none_note = QLabel("None on file. Tick the box to add this plan.")
        self.none_note.setProperty("role", "muted")
        self.body = QWidget()
        outer = QVBoxLayout(self)
        outer.addWidget(self.message)
        outer.addWidget(self.none_note)
        outer.addWidget(self.body)
        grid = QGridLayout(self.body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        rows = (
            (
                "Insurance company",
                "carrier",
                self.carrier,
                "Member ID",
                "member_id",
                self.member_id,
            ),
            (
                "Coverage %",
                "coverage_pct",
                self.coverage,
                "Lifetime maximum $",
                "lifetime_max",
                self.maximum,
            ),
            ("Already used $", "used", self.used, "Age limit", "age_limit", self.age_limit),
            ("Pays out", "payout", self.payout, "Paid at start %", "initial_pct", self.initial),
            ("Subscriber", "subscriber", self.subscriber, None, None, None),
        )
        for row, (left, left_key, left_widget, right, right_key, right_widget) in enumerate(
            rows, 1
        ):
            self._field(grid, row, 0, left, left_key, left_widget)
            if right:
                self._field(grid, row, 2, right, right_key, right_widget)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.toggled.connect(self._show_body)
        self._show_body(self.isChecked())

    def _show_body(self, on: bool) -> None:
        """An unticked plan shows one quiet line, not a page of empty fields."""
        self.body.setVisible(on)
        self.none_note.setVisible(not on)
        if on:
            self.carrier.setFocus()

    def _field(self, grid: QGridLayout, row: int, column: int, text: str, key, widget) -> None:
        grid.addWidget(field_label(text, widget), row, column)
        grid.addWidget(self.marks.add(key, widget), row, column + 1, TOP)

    def value(self) -> InsuranceInput | None:
        if not self.isChecked():
            return None
        return InsuranceInput(
            carrier=self.carrier.text(),
            coverage_pct=self.coverage.text(),
            lifetime_max=self.maximum.text(),
            used=self.used.text(),
            age_limit=self.age_limit.text(),
            payout=str(self.payout.currentData()),
            initial_pct=self.initial.text(),
            subscriber=self.subscriber.text(),
            member_id=self.member_id.text(),
        )

    def show_errors(self, errors: dict[str, str]) -> QWidget | None:
        prefix = f"insurance.{self.rank}"
        first = self.marks.show(
            {
                k.removeprefix(prefix + "."): v
                for k, v in errors.items()
                if k.startswith(prefix + ".")
            }
            | ({"": errors[prefix]} if prefix in errors else {})
        )
        if first is self:
            return self.carrier if self.isChecked() else self
        return first

    def focus_widgets(self) -> list[QWidget]:
        return [
            self.carrier, self.member_id, self.coverage, self.maximum, self.used,
            self.age_limit, self.payout, self.initial, self.subscriber,
        ]  # fmt: skip
