"""Import patients from a practice-management export: pick, map, preview, import.

Three pages: the file (its encoding and date form shown as soon as it is
picked) with the column mapping; the preview (the first rows as they will be
imported, and every row that cannot be, with why); then the import itself,
run off the GUI thread with progress, ending with the counts.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tcdesk.services.desk import Desk
from tcdesk.services.importer import (
    ImportPreview,
    ImportRefused,
    ImportResult,
    open_export,
    preview,
)
from tcdesk.services.importer import columns as import_columns
from tcdesk.services.importer import dates as import_dates
from tcdesk.services.importer.reading import CsvFile
from tcdesk.ui.desk.import_mapping import ColumnMappingWidget
from tcdesk.ui.desk.import_preview import ImportPreviewWidget, fill_problems, problem_table
from tcdesk.ui.desk.import_worker import ImportWorker
from tcdesk.ui.style import restyle
from tcdesk.ui.window_memory import remember

FILE_PAGE, PREVIEW_PAGE, DONE_PAGE = range(3)


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "heading")
    return label


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportResult, once the rows are in the store

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle("Import patients")
        self._desk = desk
        self._file: CsvFile | None = None
        self._loaded_path = ""
        self._preview: ImportPreview | None = None
        self._worker: ImportWorker | None = None
        self._running = False
        self.result: ImportResult | None = None
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_file_page())
        self.pages.addWidget(self._build_preview_page())
        self.pages.addWidget(self._build_done_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.resize(1100, 720)
        self._show_page(FILE_PAGE)
        remember(self)  # size, place and the rest as the TC left them on this computer

    # -- pages ---------------------------------------------------------------------

    def _build_file_page(self) -> QWidget:
        page = QWidget()
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.path_edit.setPlaceholderText("The CSV file your practice-management software exported")
        self.path_edit.editingFinished.connect(self._path_edited)
        path_label = QLabel("&File:")
        path_label.setBuddy(self.path_edit)
        self.choose_button = QPushButton("&Choose…")
        self.choose_button.clicked.connect(self._choose_file)
        self.file_error = QLabel("")
        self.file_error.setObjectName("importFileError")
        self.file_error.setProperty("role", "error")
        self.file_error.setWordWrap(True)
        self.file_error.hide()
        self.detected = QLabel("")
        self.detected.setObjectName("importDetected")
        self.detected.setProperty("role", "muted")
        self.detected.setWordWrap(True)
        self.mapping = ColumnMappingWidget()
        self.mapping.changed.connect(self._mapping_changed)
        self.mapping_heading = QLabel(
            "Which column holds what (picked from the file's headers; * is needed):"
        )
        self.mapping_heading.setProperty("role", "subheading")
        self.preview_button = QPushButton("&Preview")
        self.preview_button.setObjectName("importPreviewButton")
        self.preview_button.setProperty("primary", True)
        self.preview_button.clicked.connect(self.show_preview)
        cancel = QPushButton("Cancel")
        cancel.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(path_label)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.preview_button)
        layout = QVBoxLayout(page)
        layout.addWidget(_heading("Import patients"))
        intro = QLabel(
            "Pick the patient export (CSV) from your practice-management software. "
            "Nothing is imported until you have seen the preview."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.file_error)
        layout.addWidget(self.detected)
        layout.addSpacing(8)
        layout.addWidget(self.mapping_heading)
        layout.addWidget(self.mapping)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _build_preview_page(self) -> QWidget:
        page = QWidget()
        self.preview_widget = ImportPreviewWidget()
        self.back_button = QPushButton("&Back")
        self.back_button.clicked.connect(lambda: self._show_page(FILE_PAGE))
        self.import_button = QPushButton("&Import")
        self.import_button.setObjectName("importButton")
        self.import_button.setProperty("primary", True)
        self.import_button.clicked.connect(self.start_import)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(page)
        layout.addWidget(_heading("Check before importing"))
        layout.addWidget(self.preview_widget, 1)
        layout.addLayout(buttons)
        return page

    def _build_done_page(self) -> QWidget:
        page = QWidget()
        self.done_heading = _heading("Importing…")
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.done_text = QLabel("")
        self.done_text.setObjectName("importDone")
        self.done_text.setProperty("role", "subheading")
        self.done_text.setWordWrap(True)
        self.backup_text = QLabel("")
        self.backup_text.setProperty("role", "muted")
        self.backup_text.setWordWrap(True)
        self.backup_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.done_problems_label = QLabel(
            "Not imported (row = line in the file). Fix these rows in the file and import it "
            "again: the patients just imported will be skipped as already on file."
        )
        self.done_problems_label.setProperty("role", "warning")
        self.done_problems_label.setWordWrap(True)
        self.done_problems = problem_table("importDoneProblems")
        self.close_button = QPushButton("&Close")
        self.close_button.setObjectName("importClose")
        self.close_button.setProperty("primary", True)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_heading)
        layout.addWidget(self.progress)
        layout.addWidget(self.done_text)
        layout.addWidget(self.backup_text)
        layout.addWidget(self.done_problems_label)
        layout.addWidget(self.done_problems, 1)
        self.done_stretch = QWidget()
        layout.addWidget(self.done_stretch, 1)
        layout.addLayout(buttons)
        self._show_done_problems(False)
        return page

    def _show_done_problems(self, shown: bool) -> None:
        self.done_problems_label.setVisible(shown)
        self.done_problems.setVisible(shown)
        self.done_stretch.setVisible(not shown)

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        default = {
            FILE_PAGE: self.preview_button,
            PREVIEW_PAGE: self.import_button,
            DONE_PAGE: self.close_button,
        }[index]
        for button in (self.preview_button, self.import_button, self.close_button):
            button.setDefault(button is default)
        self.preview_button.setEnabled(self._file is not None)
        if index == PREVIEW_PAGE:
            self.import_button.setFocus()

    # -- step 1: the file and its columns ------------------------------------------

    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, "Pick the patient export", "", "CSV files (*.csv *.txt);;All files (*)"
        )
        if path:
            self.set_path(path)

    def set_path(self, path: str | Path) -> None:
        self.path_edit.setText(str(path))
        self.load_file()

    def _path_edited(self) -> None:
        """Typing a path and pressing Enter or Tab reads it (once per path)."""
        if self.path_edit.text().strip() != self._loaded_path:
            self.load_file()

    def load_file(self) -> None:
        """Read the picked file: refused at the field, or its headers offered for mapping."""
        text = self.path_edit.text().strip()
        self._loaded_path = text
        self._file = None
        if not text:
            self._file_problem("Pick the CSV file to import.")
            return
        try:
            self._file = open_export(Path(text).expanduser())
        except ImportRefused as error:
            self._file_problem(str(error))
            return
        self.file_error.hide()
        restyle(self.path_edit, "invalid", False)
        self.mapping.set_headers(self._file.headers)
        self._show_page(FILE_PAGE)

    def _file_problem(self, message: str) -> None:
        self.file_error.setText(message)
        self.file_error.show()
        self.detected.setText("")
        restyle(self.path_edit, "invalid", True)
        self.path_edit.setFocus()
        self._show_page(FILE_PAGE)

    def _mapping_changed(self) -> None:
        """Say at once how the file reads: its encoding, and the date form of the chosen column."""
        if self._file is None:
            return
        parts = [f"{self._file.name}: {len(self._file.rows)} rows, read as {self._file.encoding}"]
        header = self.mapping.mapping().get("birth_date")
        if header:
            index = self._file.headers.index(header)
            try:
                form = import_dates.choose((r.line, r.fields[index]) for r in self._file.rows)
                parts.append(f"dates {form.note}")
            except ImportRefused as error:
                parts.append(str(error))
        self.detected.setText("; ".join(parts) + ".")

    # -- step 2: the preview -------------------------------------------------------

    def show_preview(self) -> None:
        if self._file is None:
            self.load_file()
            if self._file is None:
                return
        chosen = self.mapping.mapping()
        missing = [f.key for f in import_columns.REQUIRED if not chosen.get(f.key)]
        if missing:
            self.mapping.show_missing(missing)
            self._file_problem_keep_file("Some needed fields have no column: pick them below.")
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # 10,000 rows: ~0.4 s
        try:
            self._preview = preview(self._desk, self._file, chosen)
        except ImportRefused as error:
            self._file_problem_keep_file(str(error))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.mapping.clear_errors()
        self.file_error.hide()
        self.preview_widget.show_preview(self._preview)
        count = len(self._preview.new_rows)
        self.import_button.setText(f"&Import {count} patient{'s' if count != 1 else ''}")
        self.import_button.setEnabled(count > 0)
        self._show_page(PREVIEW_PAGE)

    def _file_problem_keep_file(self, message: str) -> None:
        self.file_error.setText(message)
        self.file_error.show()

    # -- step 3: the import --------------------------------------------------------

    def start_import(self) -> None:
        if self._preview is None or self.is_importing():
            return
        self._show_page(DONE_PAGE)
        self.done_heading.setText("Importing…")
        self.done_text.setText("A backup copy of the practice file is taken first.")
        self.backup_text.setText("")
        self.progress.show()
        self._show_done_problems(False)
        self.progress.setRange(0, max(len(self._preview.new_rows), 1))
        self.progress.setValue(0)
        self.close_button.setEnabled(False)
        self._running = True
        self._worker = ImportWorker(self._desk, self._preview)  # kept: Qt owns the thread
        self._worker.progressed.connect(lambda done, _total: self.progress.setValue(done))
        self._worker.succeeded.connect(self._finished)
        self._worker.failed.connect(self._failed)
        self._worker.finished.connect(self._worker_done)
        self._worker.start()

    def _finished(self, result: ImportResult) -> None:
        self.result = result
        self.progress.setValue(self.progress.maximum())
        self.progress.hide()
        self.done_heading.setText("Import finished")
        invalid = len(result.invalid)
        self.done_text.setText(
            f"Imported {result.imported} patient{'s' if result.imported != 1 else ''} · "
            f"{result.duplicates} already on file, skipped · "
            f"{invalid} row{'s' if invalid != 1 else ''} not imported"
        )
        if result.backup:
            self.backup_text.setText(
                f"A copy of the practice file as it was before the import: {result.backup}"
            )
        fill_problems(self.done_problems, list(result.invalid))
        self._show_done_problems(bool(invalid))
        self.imported.emit(result)

    def _failed(self, message: str) -> None:
        self.done_heading.setText("Nothing was imported")
        self.done_text.setText(message)

    def _worker_done(self) -> None:
        if self._worker is not None:
            self._worker.wait()  # the thread has returned; its object lives on with the dialog
        self._running = False
        self.close_button.setEnabled(True)
        self.close_button.setFocus()

    def is_importing(self) -> bool:
        return self._running

    def reject(self) -> None:
        if not self.is_importing():  # Esc cannot walk away from a half-finished import
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_importing():
            event.ignore()
            return
        super().closeEvent(event)
