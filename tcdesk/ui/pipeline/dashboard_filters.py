"""The dashboard's period and filters: from, to, office, coordinator, doctor, source, flow.

Each is labelled with its own Alt+letter; "Everyone" / "All" means no filter.
The bar only says what is chosen (``filters()``); the window asks the service.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QGridLayout, QLabel, QWidget

from tcdesk.services.kpi import KpiChoices, default_period
from tcdesk.services.kpi_figures import KpiFilters

ALL = ""


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class DashboardFilters(QWidget):
    changed = Signal()

    def __init__(self, choices: KpiChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        start, end = default_period(choices.today)
        self.start = self._date_edit("fromDate", start)
        self.end = self._date_edit("toDate", end)
        self.office = self._combo("officeFilter", "All offices", [(n, n) for n in choices.offices])
        self.coordinator = self._combo(
            "coordinatorFilter", "Every coordinator", [(n, n) for n in choices.coordinators]
        )
        self.doctor = self._combo("doctorFilter", "Every doctor", [(n, n) for n in choices.doctors])
        self.source = self._combo("sourceFilter", "Every source", list(choices.sources))
        self.flow = self._combo("flowFilter", "Every flow", [(f, f) for f in choices.flows])
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        rows = (
            (("&From", self.start), ("T&o", self.end), ("Offic&e", self.office)),
            (
                ("&Coordinator", self.coordinator),
                ("&Doctor", self.doctor),
                ("&Source", self.source),
                ("Flo&w", self.flow),
            ),
        )
        for row, pairs in enumerate(rows):
            for column, (text, widget) in enumerate(pairs):
                label = QLabel(text)
                label.setBuddy(widget)
                layout.addWidget(label, row, column * 2)
                layout.addWidget(widget, row, column * 2 + 1)
        layout.setColumnStretch(8, 1)

    def _date_edit(self, name: str, day: date) -> QDateEdit:
        edit = QDateEdit(_qdate(day))
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.dateChanged.connect(lambda _d: self.changed.emit())
        return edit

    def _combo(self, name: str, everyone: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(everyone, ALL)
        for value, words in items:
            combo.addItem(words, value)
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        return combo

    def filters(self) -> KpiFilters:
        def chosen(combo: QComboBox) -> str | None:
            return combo.currentData() or None

        return KpiFilters(
            start=_day(self.start.date()),
            end=_day(self.end.date()),
            office=chosen(self.office),
            coordinator=chosen(self.coordinator),
            doctor=chosen(self.doctor),
            source=chosen(self.source),
            flow=chosen(self.flow),
        )
