"""What must be covered: talk ticks when its step has been shown a while, an action
when it is done in tcdesk (plan saved, agreement made, ...); any item by hand too."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from tcdesk.flows.model import ChecklistItem


class ChecklistPanel(QListWidget):
    def __init__(self, on_toggle: Callable[[str, bool], None]) -> None:
        super().__init__()
        self.setObjectName("checklist")
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._on_toggle = on_toggle
        self._updating = False
        self.itemChanged.connect(self._changed)

    def set_items(self, items: Sequence[ChecklistItem], checked: set[str]) -> None:
        self._updating = True
        self.clear()
        for item in items:
            row = QListWidgetItem(item.label)
            if item.done_by:  # say so: it will not tick by staying on its slide
                row.setText(f"{item.label}\n    ticks {item.ticks_when}")
                row.setToolTip(f"Ticks {item.ticks_when}; you can also tick it by hand.")
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(
                Qt.CheckState.Checked if item.id in checked else Qt.CheckState.Unchecked
            )
            self.addItem(row)
        self._updating = False

    def update_checked(self, checked: set[str]) -> None:
        self._updating = True
        for index in range(self.count()):
            row = self.item(index)
            want = row.data(Qt.ItemDataRole.UserRole) in checked
            row.setCheckState(Qt.CheckState.Checked if want else Qt.CheckState.Unchecked)
        self._updating = False

    def checked_ids(self) -> set[str]:
        return {
            self.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        }

    def _changed(self, row: QListWidgetItem) -> None:
        if not self._updating:
            self._on_toggle(
                row.data(Qt.ItemDataRole.UserRole), row.checkState() == Qt.CheckState.Checked
            )
