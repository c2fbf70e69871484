"""The take-home summary on screen before it goes anywhere: look, then print or save a copy.

Like the agreement preview it shows the exact bytes that are kept, printed and
saved. Printing runs on a worker; every outcome is a sentence in the dialog
(and for the console's notice line), and the kept file is never touched.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tcdesk.errors import UserError
from tcdesk.services import summaries
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.ui.documents.background import BackgroundRunner
from tcdesk.ui.documents.pdf_pages import PdfPages
from tcdesk.ui.documents.pdf_printing import print_pdf_bytes
from tcdesk.ui.window_memory import remember


class SummaryPreview(QDialog):
    """One built summary: ``pdf`` is what was kept at ``kept_at``."""

    given = Signal(str)  # "printed" or "saved": the family has (or will get) their copy

    def __init__(
        self,
        pdf: bytes,
        kept_at: Path,
        patient_name: str,
        settings: MachineSettingsStore,
        report: Callable[[str], None],
        *,
        printer: QPrinter | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("summaryPreview")
        self.setWindowTitle(f"Take-home summary — {patient_name}")
        self.pdf = pdf
        self.kept_at = kept_at
        self._settings = settings
        self._report = report
        self._printer = printer
        self.print_dialog: QPrintDialog | None = None
        self.runner = BackgroundRunner(parent=self)
        self._closing = False
        heading = QLabel(f"Take-home summary for {patient_name}")
        heading.setProperty("role", "heading")
        self.message = QLabel(
            "Check it, then print it or save a copy. tcdesk keeps this copy in its "
            f"summaries folder ({kept_at.name})."
        )
        self.message.setToolTip(str(kept_at))
        self.message.setObjectName("summaryMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pages = PdfPages(self)
        self.print_button = QPushButton("Print…")
        self.print_button.setObjectName("summaryPrintButton")
        self.print_button.setProperty("primary", True)
        self.print_button.clicked.connect(self.print_with_dialog)
        self.save_button = QPushButton("Save a copy…")
        self.save_button.setObjectName("summarySaveButton")
        self.save_button.setToolTip("Save this exact PDF somewhere else, e.g. to e-mail it")
        self.save_button.clicked.connect(self.save_a_copy)
        close = QPushButton("Close")
        close.setObjectName("summaryCloseButton")
        close.clicked.connect(self.reject)
        actions = QHBoxLayout()
        actions.addWidget(self.print_button)
        actions.addWidget(self.save_button)
        actions.addStretch(1)
        actions.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.message)
        layout.addWidget(self.pages, 1)
        layout.addLayout(actions)
        self.resize(900, 1000)
        remember(self)  # size, place and the rest as the TC left them on this computer
        if not self.pages.load(pdf):
            self._say(
                f"The summary could not be shown ({self.pages.error()}); it is kept at "
                f"{kept_at}: Print… and Save a copy… still use it."
            )

    def page_count(self) -> int:
        return self.pages.page_count()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self._report(text)

    # -- printing -------------------------------------------------------------------

    def print_with_dialog(self) -> None:
        """The system print dialog; printing starts when the TC presses Print there."""
        printer = self._printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.kept_at.name)
        remembered = self._settings.load().printer
        if remembered and printer.outputFormat() == QPrinter.OutputFormat.NativeFormat:
            printer.setPrinterName(remembered)
        self._printer = printer
        self.print_dialog = QPrintDialog(printer, self)
        self.print_dialog.setWindowTitle("Print the take-home summary")
        self.print_dialog.accepted.connect(self.print_now)
        self.print_dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.print_dialog.show()  # QPrintDialog.open() wants a receiver in PySide6

    def print_now(self) -> None:
        """Print on the printer chosen (or given); the result is reported when done."""
        printer = self._printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        self._printer = printer
        pdf = self.pdf
        where = printer.outputFileName() or printer.printerName() or "the printer"
        self.print_button.setEnabled(False)
        self.message.setText(f"Printing on {where}…")
        self.runner.run(
            lambda: print_pdf_bytes(pdf, printer),
            lambda pages: self._printed(pages, where),
            self._print_failed(where),
        )

    def _printed(self, pages: int, where: str) -> None:
        self.print_button.setEnabled(True)
        self._say(
            f"Printed the take-home summary ({pages} pages) on {where}; "
            f"also kept at {self.kept_at}."
        )
        self.given.emit("printed")

    def _print_failed(self, where: str) -> Callable[[BaseException], None]:
        def failed(error: BaseException) -> None:
            self.print_button.setEnabled(True)
            reason = str(error) if isinstance(error, UserError) else "something went wrong"
            self._say(f"Problem printing on {where}: {reason}. The PDF is kept at {self.kept_at}.")

        return failed

    # -- saving a copy ----------------------------------------------------------------

    def save_a_copy(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, "Save a copy of the take-home summary", str(self.kept_at.name), "PDF (*.pdf)"
        )
        if chosen:
            self.save_copy_to(Path(chosen))

    def save_copy_to(self, path: Path) -> Path | None:
        """Write the exact PDF to ``path`` (``.pdf`` added if missing); None if it failed."""
        try:
            written = summaries.save_copy(self.pdf, path)
        except (OSError, UserError) as error:  # UserError already names the file
            self._say(f"{error} The summary is still kept at {self.kept_at}.")
            return None
        self._say(f"Saved a copy at {written}.")
        self.given.emit("saved")
        return written

    def done(self, result: int) -> None:
        """Closing waits for a print that is running, so its result is never lost."""
        if self.runner.is_busy():
            if not self._closing:
                self._closing = True
                self.message.setText("Still printing; the preview closes when this is done.")
                self.runner.busy_changed.connect(lambda busy: busy or QDialog.done(self, result))
            return
        super().done(result)
