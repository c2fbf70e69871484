"""Restore from a backup: the list of backups to choose from (date, why, size)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tcdesk.services.backups import Backup, size_words, when_words


class RestoreDialog(QDialog):
    """Pick one backup; ``chosen`` is its file once accepted."""

    def __init__(self, backups: list[Backup], folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle("Restore from a backup")
        self.backups = backups
        self.chosen: Path | None = None
        self._folder = folder

        heading = QLabel("Choose the backup to put in place of the practice file.")
        heading.setProperty("role", "heading")
        note = QLabel(
            "The practice as it is now is kept as a backup first, so a restore can be undone."
        )
        note.setWordWrap(True)
        where = QLabel(f"Backups in {folder}")
        where.setProperty("role", "muted")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.table = QTableWidget(len(backups), 3)
        self.table.setObjectName("restoreBackups")
        self.table.setAccessibleName("Backups")
        self.table.setAccessibleDescription("The practice file's backups, newest first")
        self.table.setHorizontalHeaderLabels(["Taken", "Why", "Size"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        for row, backup in enumerate(backups):
            size = QTableWidgetItem(size_words(backup.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, QTableWidgetItem(when_words(backup.taken_at)))
            self.table.setItem(row, 1, QTableWidgetItem(backup.reason_words))
            self.table.setItem(row, 2, size)
        self.table.doubleClicked.connect(lambda _index: self._choose_selected())
        self.empty = QLabel(f"There are no backups yet in {folder}.")
        self.empty.setVisible(not backups)
        self.table.setVisible(bool(backups))

        self.other_button = QPushButton("Choose another &file…")
        self.other_button.setObjectName("restoreOtherFile")
        self.other_button.clicked.connect(self._choose_file)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton("&Restore…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreChosen")
        self.restore_button.setEnabled(bool(backups))
        self.restore_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self._choose_selected)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        for widget in (heading, note, where, self.table, self.empty, buttons):
            layout.addWidget(widget)
        if backups:
            self.table.selectRow(0)
        self.table.setFocus()
        self.resize(640, 420)

    def _choose_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        self.chosen = self.backups[rows[0].row()].path
        self.accept()

    def _choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, "Restore from a backup", str(self._folder), "tcdesk backups (*.sqlite3)"
        )
        if name:
            self.chosen = Path(name)
            self.accept()
