"""The family's take-home summary from the console: build it, keep it, print it.

The data is read on the GUI thread (fast), the PDF is built on a worker, and
the file is kept under the data folder before printing, so a printer problem
never loses it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from tcdesk.documents.files import file_slug, write_pdf_atomically
from tcdesk.documents.summary_pdf import build_summary_pdf
from tcdesk.errors import UserError
from tcdesk.paths import data_dir
from tcdesk.services.agreement_data import summary_data
from tcdesk.services.desk import Desk
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.ui.documents.background import BackgroundRunner
from tcdesk.ui.documents.pdf_printing import print_pdf_bytes


def summary_path(consult_id: str, patient: str, day: date, folder: Path | None = None) -> Path:
    slug = file_slug(patient, "patient", lower=False)
    return (folder or data_dir() / "summaries") / f"{day.isoformat()}-{slug}-{consult_id[:8]}.pdf"


class SummaryPrinter(QObject):
    """One take-home summary job; ``report`` tells the coordinator how it went."""

    def __init__(
        self,
        desk: Desk,
        consult_id: str,
        settings: MachineSettingsStore,
        parent: QWidget,
        report: Callable[[str], None],
        *,
        folder: Path | None = None,
        printer: QPrinter | None = None,
    ) -> None:
        super().__init__(parent)
        self._desk = desk
        self._consult_id = consult_id
        self._settings = settings
        self._parent = parent
        self._report = report
        self._folder = folder
        self.runner = BackgroundRunner(parent=self)
        self.path: Path | None = None
        self.dialog: QPrintDialog | None = None
        self._printer: QPrinter | None = printer

    def start(self) -> None:
        try:
            data = summary_data(self._desk, self._consult_id)
        except UserError as error:
            self._report(f"The take-home summary could not be made: {error}")
            return
        self._report("Making the take-home summary…")
        self.runner.run(
            lambda: build_summary_pdf(data),
            lambda pdf: self._built(data, pdf),
            self._failed("making the take-home summary"),
        )

    def _built(self, data, pdf: bytes) -> None:
        path = summary_path(self._consult_id, data.patient_name, data.consult_date, self._folder)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.path = write_pdf_atomically(pdf, path)
        except (OSError, UserError) as error:
            self._report(f"The take-home summary could not be saved: {error}")
            return
        self._pdf = pdf
        printer = self._printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(path.name)
        remembered = self._settings.load().printer
        if remembered and printer.outputFormat() == QPrinter.OutputFormat.NativeFormat:
            printer.setPrinterName(remembered)
        self._printer = printer
        self.dialog = QPrintDialog(printer, self._parent)
        self.dialog.setWindowTitle("Print the take-home summary")
        self.dialog.finished.connect(self._print_chosen)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.show()  # QPrintDialog.open() wants a receiver in PySide6

    def _print_chosen(self, result: int) -> None:
        if result != QDialog.DialogCode.Accepted or self._printer is None:
            self._report(f"The take-home summary is saved at {self.path}.")
            return
        printer, pdf = self._printer, self._pdf
        where = printer.outputFileName() or printer.printerName() or "the printer"
        self.runner.run(
            lambda: print_pdf_bytes(pdf, printer),
            lambda pages: self._report(
                f"Printed the take-home summary ({pages} pages) on {where}; "
                f"also saved at {self.path}."
            ),
            self._failed(f"printing on {where}"),
        )

    def _failed(self, doing: str) -> Callable[[BaseException], None]:
        def failed(error: BaseException) -> None:
            saved = f" The PDF is saved at {self.path}." if self.path else ""
            message = str(error) if isinstance(error, UserError) else "something went wrong"
            self._report(f"Problem {doing}: {message}.{saved}")

        return failed
