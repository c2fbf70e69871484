"""Restore from a backup: the list of backups to choose from (date, why, size)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tcdesk.errors import UserError
from tcdesk.services.backups import Backup, size_words, when_words


class RestoreDialog(QDialog):
    """Pick one backup; ``chosen`` is its file once accepted.

    ``change_folder(folder)``, when given, points this computer's backups at
    another folder (e.g. a USB disk) and returns the backups found there.
    """

    def __init__(
        self,
        backups: list[Backup],
        folder: Path,
        parent: QWidget | None = None,
        change_folder: Callable[[Path], list[Backup]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._change_folder = change_folder
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
        self.where = QLabel(f"Backups in {folder}")
        self.where.setProperty("role", "muted")
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_button = QPushButton("Backups fol&der…")
        self.folder_button.setObjectName("restoreBackupsFolder")
        self.folder_button.setToolTip("Keep this computer's backups in another folder or disk")
        self.folder_button.setVisible(change_folder is not None)
        self.folder_button.clicked.connect(self._pick_folder)
        self.folder_error = QLabel("")
        self.folder_error.setObjectName("restoreFolderError")
        self.folder_error.setProperty("role", "error")
        self.folder_error.setVisible(False)
        where_row = QHBoxLayout()
        where_row.addWidget(self.where, 1)
        where_row.addWidget(self.folder_button)

        self.table = QTableWidget(0, 3)
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
        self.table.doubleClicked.connect(lambda _index: self._choose_selected())
        self.empty = QLabel("")

        self.other_button = QPushButton("Choose another &file…")
        self.other_button.setObjectName("restoreOtherFile")
        self.other_button.clicked.connect(self._choose_file)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton("&Restore…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreChosen")
        self.restore_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self._choose_selected)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addLayout(where_row)
        for widget in (self.folder_error, self.table, self.empty, buttons):
            layout.addWidget(widget)
        self.show_backups(backups, folder)
        self.table.setFocus()
        self.resize(680, 440)

    def show_backups(self, backups: list[Backup], folder: Path) -> None:
        self.backups, self._folder = backups, folder
        self.where.setText(f"Backups in {folder}")
        self.table.setRowCount(len(backups))
        for row, backup in enumerate(backups):
            size = QTableWidgetItem(size_words(backup.size))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 0, QTableWidgetItem(when_words(backup.taken_at)))
            self.table.setItem(row, 1, QTableWidgetItem(backup.reason_words))
            self.table.setItem(row, 2, size)
        self.empty.setText(f"There are no backups yet in {folder}.")
        self.empty.setVisible(not backups)
        self.table.setVisible(bool(backups))
        self.restore_button.setEnabled(bool(backups))
        if backups:
            self.table.selectRow(0)

    def use_folder(self, folder: Path) -> bool:
        """Point this computer's backups at ``folder``; a refusal shows under the folder."""
        assert self._change_folder is not None
        try:
            found = self._change_folder(folder)
        except UserError as error:
            self.folder_error.setText(str(error))
            self.folder_error.setVisible(True)
            self.folder_button.setFocus()
            return False
        self.folder_error.setVisible(False)
        self.show_backups(found, folder)
        return True

    def _pick_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, "Backups folder", str(self._folder))
        if name:
            self.use_folder(Path(name))

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
