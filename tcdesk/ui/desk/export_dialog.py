"""File > Export patients: the same CSV as ``tcdesk export``, chosen and written from the desk.

The rows are read and written on a worker thread with its own connection to
the practice file (as the import does), so a large practice never freezes
the desk. The file is written whole or not at all, readable by its owner only
(the service writes through a private temporary file).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QThread, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from tcdesk import crash_log
from tcdesk.errors import UserError
from tcdesk.services.desk import Desk
from tcdesk.services.importer.exporting import export_consults, export_patients
from tcdesk.ui.desk.field_marks import error_label
from tcdesk.ui.style import restyle

EXPORTS = {"patients": export_patients, "consults": export_consults}


@dataclass(frozen=True)
class ExportDone:
    what: str  # "patients" or "consults"
    count: int
    path: Path

    def sentence(self) -> str:
        noun = self.what if self.count != 1 else self.what[:-1]
        return f"Exported {self.count} {noun} to {self.path} (only you can open the file)."


class ExportWorker(QThread):
    succeeded = Signal(object)  # ExportDone
    failed = Signal(str)  # a sentence for the coordinator

    def __init__(self, desk: Desk, what: str, path: Path, *, replace: bool) -> None:
        super().__init__()
        self._path = desk.path
        self._clock = desk.clock
        self._shared = desk if desk.path is None else None
        self._what, self._out, self._replace = what, path, replace

    def run(self) -> None:
        try:
            desk = self._shared or Desk.open(self._path, self._clock, create=False)
            try:
                count = EXPORTS[self._what](desk, self._out, force=self._replace)
            finally:
                if self._shared is None:
                    desk.close()
        except UserError as error:
            self.failed.emit(str(error))
        except OSError as error:
            self.failed.emit(f"The file could not be written: {error.strerror or error}.")
        except Exception:  # a bug: the details go to the crash log, the TC gets a sentence
            log = crash_log.write_crash_report()
            self.failed.emit(f"Something went wrong inside tcdesk; nothing was written. ({log})")
        else:
            self.succeeded.emit(ExportDone(self._what, count, self._out))


class ExportDialog(QDialog):
    exported = Signal(object)  # ExportDone

    def __init__(self, desk: Desk, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export patients")
        self._desk = desk
        self._today = today
        self._replace_ok: Path | None = None  # the file the TC agreed to replace
        self.worker: ExportWorker | None = None
        self.done_export: ExportDone | None = None
        self._build()
        self.setMinimumWidth(640)

    def _build(self) -> None:
        heading = QLabel("Export patients")
        heading.setProperty("role", "heading")
        intro = QLabel(
            "A CSV file with the columns tcdesk's import reads, for a spreadsheet or "
            "another program. It holds patients' details: keep it somewhere private."
        )
        intro.setWordWrap(True)
        self.patients_choice = QRadioButton("&Patients, with who is responsible")
        self.patients_choice.setObjectName("exportPatients")
        self.patients_choice.setChecked(True)
        self.consults_choice = QRadioButton("C&onsults, with their time, office and status")
        self.consults_choice.setObjectName("exportConsults")
        self.choices = QButtonGroup(self)
        for button in (self.patients_choice, self.consults_choice):
            self.choices.addButton(button)
            button.toggled.connect(self._suggest)
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("exportPath")
        self.path_edit.setAccessibleName("File to write")
        self.path_edit.textEdited.connect(lambda _t: self._clear_error())
        path_label = QLabel("&File:")
        path_label.setBuddy(self.path_edit)
        self.choose_button = QPushButton("C&hoose…")
        self.choose_button.clicked.connect(self.choose_file)
        self.path_error = error_label()
        self.path_error.setObjectName("exportPathError")
        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setRange(0, 0)  # busy: the service writes in one go
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.reject)
        self.export_button = QPushButton("&Export")
        self.export_button.setObjectName("exportButton")
        self.export_button.setProperty("primary", True)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)

        row = QHBoxLayout()
        row.addWidget(path_label)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.patients_choice)
        layout.addWidget(self.consults_choice)
        layout.addSpacing(6)
        layout.addLayout(row)
        layout.addWidget(self.path_error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._suggest()

    def what(self) -> str:
        return "consults" if self.consults_choice.isChecked() else "patients"

    def _suggest(self, _checked: bool = True) -> None:
        """A dated file name in the same folder, following the choice of what to export."""
        current = self.path_edit.text().strip()
        if current and not Path(current).name.startswith("tcdesk-"):
            return  # a name the TC gave stays
        folder = Path(current).expanduser().parent if current else Path.home()
        self.path_edit.setText(str(folder / f"tcdesk-{self.what()}-{self._today.isoformat()}.csv"))
        self._clear_error()

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, "Export to", self.path_edit.text(), "CSV files (*.csv)"
        )
        if path:
            self.path_edit.setText(path)
            self._replace_ok = Path(path)  # the file dialog asked before replacing
            self._clear_error()

    def export(self) -> None:
        if self.worker is not None:
            return
        text = self.path_edit.text().strip()
        if not text:
            self._error("Give the file a name, for example patients.csv.")
            return
        path = Path(text).expanduser()
        if not path.parent.is_dir():
            self._error(f"The folder {path.parent} does not exist.")
            return
        if path.is_dir():
            self._error(f"{path} is a folder; give a file name such as patients.csv.")
            return
        if path.exists() and self._replace_ok != path:
            self._replace_ok = path
            self._error(f"{path.name} is already there. Press Export again to replace it.")
            return
        self._clear_error()
        self._busy(True)
        worker = ExportWorker(self._desk, self.what(), path, replace=self._replace_ok == path)
        worker.succeeded.connect(self._done)
        worker.failed.connect(self._failed)
        self.worker = worker
        worker.start()

    def _done(self, done: ExportDone) -> None:
        self._finish_worker()
        self.done_export = done
        self.exported.emit(done)
        self.accept()

    def _failed(self, message: str) -> None:
        self._finish_worker()
        self._busy(False)
        self._error(message)

    def _finish_worker(self) -> None:
        if self.worker is not None:
            self.worker.wait()
            self.worker = None

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        for widget in (self.export_button, self.cancel_button, self.choose_button):
            widget.setEnabled(not busy)
        self.path_edit.setReadOnly(busy)

    def _error(self, message: str) -> None:
        self.path_error.setText(message)
        self.path_error.show()
        restyle(self.path_edit, "invalid", True)
        self.path_edit.setFocus()

    def _clear_error(self) -> None:
        self.path_error.hide()
        restyle(self.path_edit, "invalid", False)

    def reject(self) -> None:
        if self.worker is None:  # a file half-way is never left: wait for the worker
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.worker is not None:
            event.ignore()
        else:
            super().closeEvent(event)
