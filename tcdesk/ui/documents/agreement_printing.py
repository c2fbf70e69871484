"""Printing the shown agreement: the system dialog, or Quick print on a remembered printer.

Pages are drawn and jobs sent on a worker thread; each print is recorded as
an event on the exact version printed, and the PDF stays saved whatever
happens to the printer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from tcdesk.domain.agreement import Agreement
from tcdesk.services import agreements
from tcdesk.services.printing import Printer, PrintJob
from tcdesk.ui.documents.agreement_work import AgreementHost
from tcdesk.ui.documents.pdf_printing import print_pdf_bytes
from tcdesk.ui.documents.prompts import PrinterChoiceDialog


class AgreementPrinting:
    """The preview's printing; ``parent`` owns the dialogs it opens."""

    def __init__(self, host: AgreementHost, parent: QWidget) -> None:
        self._host = host
        self._parent = parent
        self._printer: QPrinter | None = None  # kept alive while a dialog print runs

    def _printable(self) -> Agreement | None:
        found = self._host.current
        if found is None:
            return None
        desk, agreement_id = self._host.desk, found.id
        return self._host.work.guard(
            lambda: agreements.check_printable(desk, agreement_id), "printing"
        )

    def print_with_dialog(self) -> None:
        """The system print dialog; the pages are then drawn off the GUI thread."""
        agreement = self._printable()
        if agreement is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(agreements.file_name(agreement))
        remembered = self._host.settings.load().printer
        if remembered:
            printer.setPrinterName(remembered)
        dialog = QPrintDialog(printer, self._parent)
        dialog.setWindowTitle(f"Print {agreement.title}")
        dialog.setMinMax(1, max(1, self._host.page_count()))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Draw the stored PDF's pages onto ``printer`` on a worker thread, then record it."""
        agreement = self._printable()
        if agreement is None:
            return
        self._printer = printer
        where = (
            f"the PDF file {printer.outputFileName()}"
            if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
            and printer.outputFileName()
            else printer.printerName() or "the printer"
        )
        pdf = agreement.pdf
        self._host.work.start(
            f"Printing on {where}…",
            lambda: print_pdf_bytes(pdf, printer),
            lambda pages: self._printed_with_dialog(agreement.id, where, pages),
            f"printing on {where}",
        )

    def _printed_with_dialog(self, agreement_id: str, where: str, pages: int) -> None:
        self._printer = None
        plural = "page" if pages == 1 else "pages"
        detail = f"Printed {pages} {plural} on {where} from the print dialog."
        host = self._host
        event = agreements.record_printed(
            host.desk, agreement_id, host.actor_id, printer=where, detail=detail
        )
        host.show_changed(event)
        host.show_info(detail)

    def quick_print(self) -> None:
        """Print on this computer's remembered printer (asks for one the first time)."""
        agreement = self._printable()
        if agreement is None:
            return
        desk = self._host.desk
        path = self._host.work.guard(
            lambda: agreements.saved_copy(desk, agreement.id), "saving the PDF"
        )
        if path is None:
            return
        printer = self._host.settings.load().printer
        if printer:
            self._quick_print_to(agreement.id, path, printer)
        else:
            self._ask_printer(path, lambda name: self._quick_print_to(agreement.id, path, name))

    def choose_quick_printer(self) -> None:
        self._ask_printer(None, lambda name: self._host.show_info(f"Quick print will use {name}."))

    def _ask_printer(self, path: Path | None, then: Callable[[str], None]) -> None:
        system = self._host.print_system  # the worker gets what it needs, never the window
        self._host.work.start(
            "Looking for printers…",
            lambda: system.printers(path),
            lambda printers: self._offer_printers(printers, path, then),
            "looking for printers",
        )

    def _offer_printers(
        self, printers: list[Printer], path: Path | None, then: Callable[[str], None]
    ) -> None:
        host = self._host
        if not printers:
            where = f" The PDF is saved at {path}." if path else ""
            host.show_error(f"No printer is set up on this computer.{where}")
            return
        dialog = PrinterChoiceDialog(printers, host.settings.load().printer, self._parent)
        host.prompt = dialog

        def chosen() -> None:
            name = dialog.chosen()
            if name:
                host.settings.update(printer=name)
                then(name)

        dialog.accepted.connect(lambda: host.work.guard(chosen, "choosing the printer"))
        dialog.open()

    def _quick_print_to(self, agreement_id: str, path: Path, printer: str) -> None:
        system = self._host.print_system
        self._host.work.start(
            f"Sending to {printer}…",
            lambda: system.print_pdf(path, printer, title=path.name),
            lambda job: self._quick_printed(agreement_id, job),
            f"printing on {printer}",
        )

    def _quick_printed(self, agreement_id: str, job: PrintJob) -> None:
        host = self._host
        event = agreements.record_printed(
            host.desk, agreement_id, host.actor_id, printer=job.printer, job_id=job.job_id
        )
        host.show_changed(event)
        host.show_info(f"{job}. The PDF is also saved at {job.path}.")
