"""Options: the treatments offered side by side, from the fee schedule, one recommended."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tcdesk.formatting import money_from_cents
from tcdesk.services import consult_record as rec
from tcdesk.services.desk import Desk
from tcdesk.ui.desk.record_common import (
    FieldMessages,
    RecordHost,
    TableKeys,
    error_label,
    record_table,
)
from tcdesk.ui.desk.record_option_dialog import OptionDialog


class OptionsSection(QWidget):
    HEADERS = ("Recommended", "Option", "Fee", "Months", "Why the fee differs")

    def __init__(self, desk: Desk, host: RecordHost) -> None:
        super().__init__()
        self._desk = desk
        self._host = host
        self._shown: rec.ConsultRecord | None = None
        self.dialog: OptionDialog | None = None
        self.table = record_table("optionsTable", self.HEADERS, fitted=4)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self._keys = TableKeys(self.table, edit=self.edit, remove=self.remove)
        self.recommended = QButtonGroup(self)
        self.recommended.setExclusive(True)
        self.recommended.idClicked.connect(self._recommend)
        self.empty_label = QLabel("No options yet. Add them from the practice's fee schedule.")
        self.empty_label.setProperty("role", "muted")
        self.add_button = QPushButton("&Add from fee schedule…")
        self.add_button.setObjectName("addOption")
        self.add_button.setProperty("primary", True)
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton("&Edit fee or months…")
        self.edit_button.setObjectName("editOption")
        self.edit_button.clicked.connect(self.edit)
        self.remove_button = QPushButton("&Remove")
        self.remove_button.setObjectName("removeOption")
        self.remove_button.clicked.connect(self.remove)
        self.up_button = QPushButton("Move &up")
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button = QPushButton("Move do&wn")
        self.down_button.clicked.connect(lambda: self.move(1))
        self.note = QLabel("")
        self.note.setProperty("role", "muted")
        self.error = error_label("optionsError")
        self.messages = FieldMessages(self.error)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def show_record(self, shown: rec.ConsultRecord) -> None:
        self._shown = shown
        row = self.table.currentRow()
        for button in self.recommended.buttons():
            self.recommended.removeButton(button)
        self.table.setRowCount(len(shown.options))
        for r, entry in enumerate(shown.options):
            option = entry.option
            radio = QRadioButton()
            radio.setObjectName(f"recommend_{r}")
            radio.setAccessibleName(f"Recommend {option.title}")
            radio.setChecked(option.recommended)
            self.recommended.addButton(radio, r)
            holder = QWidget()
            box = QHBoxLayout(holder)
            box.setContentsMargins(12, 0, 0, 0)
            box.addWidget(radio)
            self.table.setCellWidget(r, 0, holder)
            fee = money_from_cents(option.fee_cents)
            if entry.fee_differs:
                fee += f" (schedule {money_from_cents(option.schedule_fee_cents or 0)})"
            texts = ("", option.title, fee, str(option.estimated_months), option.fee_reason)
            for c, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, option.id)
                self.table.setItem(r, c, item)
        self.empty_label.setVisible(not shown.options)
        if shown.options:
            self.table.selectRow(min(max(row, 0), len(shown.options) - 1))
        for button in (self.edit_button, self.remove_button, self.up_button, self.down_button):
            button.setEnabled(bool(shown.options))
        self.add_button.setEnabled(bool(shown.fee_lines))
        if not shown.fee_lines:
            self.note.setText("The practice has no fee schedule yet; add fees in Settings.")

    def selected(self):
        row = self.table.currentRow()
        if self._shown is None or not 0 <= row < len(self._shown.options):
            return None
        return self._shown.options[row].option

    def add(self) -> None:
        assert self._shown is not None
        cid = self._shown.consult.id

        def save(line_id, fee, reason, months, recommended):
            return rec.add_option(
                self._desk,
                cid,
                line_id,
                fee=fee,
                reason=reason,
                months=months,
                recommended=recommended,
            )

        self._open(OptionDialog(self, self._host, save, lines=self._shown.fee_lines))

    def edit(self) -> None:
        option = self.selected()
        if option is None:
            return

        def save(_line_id, fee, reason, months, recommended):
            return rec.edit_option(
                self._desk,
                option.id,
                fee=fee,
                reason=reason,
                months=months,
                recommended=True if recommended else None,
            )

        self._open(OptionDialog(self, self._host, save, option=option))

    def _open(self, dialog: OptionDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        dialog.open()

    def _recommend(self, row: int) -> None:
        if self._shown is None or not 0 <= row < len(self._shown.options):
            return
        option = self._shown.options[row].option
        if option.recommended:
            return
        done = self._host.apply(
            self.messages, lambda: rec.edit_option(self._desk, option.id, recommended=True)
        )
        if done is None and self._shown is not None:
            self.show_record(self._shown)  # put the radio back

    def remove(self) -> None:
        option = self.selected()
        if option is None:
            return
        done = self._host.apply(self.messages, lambda: rec.remove_option(self._desk, option.id))
        if done is not None:
            self.note.setText(done.note)

    def move(self, step: int) -> None:
        option = self.selected()
        if option is None or self._shown is None:
            return
        ids = [o.option.id for o in self._shown.options]
        row = ids.index(option.id)
        target = row + step
        if not 0 <= target < len(ids):
            return
        ids.insert(target, ids.pop(row))
        cid = self._shown.consult.id
        if self._host.apply(self.messages, lambda: rec.reorder_options(self._desk, cid, ids)):
            self.table.selectRow(target)
