"""The agreement as the family will get it: look, print, sign, void, save.

The preview shows the stored bytes of one version (never a re-rendering), so
what is printed, signed and saved is exactly what is on screen. Building a
PDF and printing run on a worker thread with a busy indicator; every failure
is a sentence in the dialog, and the PDF stays saved.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtGui import QScreen
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tcdesk import crash_log
from tcdesk.domain.agreement import AgreementRecord, AgreementStatus
from tcdesk.errors import UserError
from tcdesk.services import agreements
from tcdesk.services.desk import Desk
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.services.printing import Printer, PrintJob, PrintSystem
from tcdesk.ui.documents.background import BackgroundRunner
from tcdesk.ui.documents.pdf_pages import PdfPages
from tcdesk.ui.documents.pdf_printing import print_pdf_bytes
from tcdesk.ui.documents.prompts import PaperSignedDialog, PrinterChoiceDialog, VoidDialog
from tcdesk.ui.documents.signing_dialog import SigningDialog

ScreenPicker = Callable[[], QScreen | None]


class AgreementPreview(QDialog):
    """One consult's financial agreement: its versions, and what can be done with each.

    ``agreement_id`` opens that version; otherwise the newest version opens,
    and when the consult has none yet a first version is made straight away.
    ``signing_screen`` (optional) returns the screen the signing dialog should
    open on, e.g. the patient display after the caller blanked the
    presentation; None keeps it on the coordinator's screen.
    """

    agreement_changed = Signal(str)  # the id of the version shown after any change

    def __init__(
        self,
        desk: Desk,
        consult_id: str,
        *,
        settings: MachineSettingsStore,
        actor_id: str | None = None,
        agreement_id: str | None = None,
        print_system: PrintSystem | None = None,
        pool: QThreadPool | None = None,
        signing_screen: ScreenPicker | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agreementPreview")
        self.desk = desk
        self.consult_id = consult_id
        self.settings = settings
        self.actor_id = actor_id
        self.print_system = print_system or PrintSystem()
        self._signing_screen = signing_screen
        self.runner = BackgroundRunner(pool, self)
        self.runner.busy_changed.connect(self._busy_changed)
        self.current: AgreementRecord | None = None
        self.signing_dialog: SigningDialog | None = None
        self.prompt: QDialog | None = None  # the void / paper / printer question, when open
        self._printer: QPrinter | None = None  # kept alive while a dialog print runs
        self._closing = False
        self._build()
        self.setWindowTitle(f"Financial agreement — {self._patient_name()}")
        self.resize(1000, 900)
        if agreement_id is not None:
            self.show_agreement(agreement_id)
        else:
            latest = self._guard(lambda: agreements.latest(desk, consult_id), "opening")
            if latest is not None:
                self.show_agreement(latest.id)
            else:
                self.generate_new_version()
        self._update_buttons()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        heading = QLabel(f"Financial agreement for {self._patient_name()}")
        heading.setProperty("role", "heading")
        self.versions = QComboBox()
        self.versions.setObjectName("versionCombo")
        self.versions.setMinimumWidth(260)
        self.versions.currentIndexChanged.connect(self._version_picked)
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.versions)

        self.status = QLabel("")
        self.status.setObjectName("agreementStatus")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = QLabel("")
        self.message.setObjectName("agreementMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.busy = QProgressBar()
        self.busy.setObjectName("busyIndicator")
        self.busy.setRange(0, 0)  # indeterminate
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.busy_label = QLabel("")
        self.busy_label.setProperty("role", "muted")
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.busy_label)
        busy_row.addWidget(self.busy, 1)
        self.busy.hide()
        self.busy_label.hide()

        self.pages = PdfPages(self)
        # The parts tests and callers use, under their old names.
        self.view, self.document = self.pages.view, self.pages.document
        self.prev_button, self.next_button = self.pages.prev_button, self.pages.next_button
        self.page_label = self.pages.page_label

        def button(text: str, name: str, slot: Callable[[], Any], tip: str) -> QPushButton:
            made = QPushButton(text)
            made.setObjectName(name)
            made.setToolTip(tip)
            made.clicked.connect(slot)
            return made

        self.new_version_button = button(
            "New version",
            "newVersionButton",
            self.generate_new_version,
            "Make the agreement again from the consult as it is now (earlier versions are kept)",
        )
        self.print_button = button(
            "Print…", "printButton", self.print_with_dialog, "Choose a printer and print"
        )
        self.quick_print_button = button(
            "Quick print", "quickPrintButton", self.quick_print, "Print on this computer's printer"
        )
        self.choose_printer_button = button(
            "Printer…",
            "choosePrinterButton",
            self.choose_quick_printer,
            "Choose the printer Quick print uses on this computer",
        )
        self.sign_button = button(
            "Sign on screen…", "signButton", self.sign_on_screen, "Both sides sign on this screen"
        )
        self.room_sign_button = button(
            "Sign on the room's screen…",
            "roomSignButton",
            lambda: self.sign_on_screen(on_room_screen=True),
            "The presentation goes black and the signing pads open on the family's screen",
        )
        self.room_sign_button.setVisible(self._signing_screen is not None)
        self.paper_button = button(
            "Mark signed on paper…",
            "paperSignedButton",
            self.mark_signed_on_paper,
            "Both sides signed the printed copy",
        )
        self.void_button = button(
            "Void…", "voidButton", self.void, "Mark this version void, with the reason"
        )
        self.save_button = button(
            "Save as…", "saveAsButton", self.save_as, "Save this exact PDF to a file"
        )
        self.close_button = button("Close", "closeButton", self.reject, "Close the preview")
        self.sign_button.setProperty("primary", True)
        actions = QHBoxLayout()
        for widget in (
            self.new_version_button,
            self.print_button,
            self.quick_print_button,
            self.choose_printer_button,
            self.sign_button,
            self.room_sign_button,
            self.paper_button,
            self.void_button,
            self.save_button,
        ):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.message)
        layout.addLayout(busy_row)
        layout.addWidget(self.pages, 1)
        layout.addLayout(actions)

    def _patient_name(self) -> str:
        consult = self.desk.consults.get(self.consult_id)
        patient = self.desk.patients.get(consult.patient_id) if consult else None
        return patient.display_name if patient else "this consult"

    # ------------------------------------------------------------------ showing

    def show_agreement(self, agreement_id: str) -> None:
        """Load one version's stored bytes into the viewer."""
        found = self._guard(lambda: agreements.record(self.desk, agreement_id), "opening")
        if found is None:
            return
        loaded = self.pages.load(found.agreement.pdf)
        self.current = found
        if not loaded:
            self.show_error(
                f"This PDF could not be shown ({self.pages.error()}). It is still "
                "stored unchanged; use Save as… to open it in another program."
            )
        self._fill_versions()
        self._update_status()
        self._update_buttons()

    def page_count(self) -> int:
        return self.pages.page_count()

    def current_page(self) -> int:
        return self.pages.current_page()

    def go_to_page(self, page: int) -> None:
        self.pages.go_to_page(page)

    def _fill_versions(self) -> None:
        found = self._guard(lambda: agreements.history(self.desk, self.consult_id), "opening")
        self.versions.blockSignals(True)
        self.versions.clear()
        for item in found or []:
            self.versions.addItem(
                f"Version {item.agreement.version} · {item.status.label}", item.agreement.id
            )
        if self.current is not None:
            self.versions.setCurrentIndex(self.versions.findData(self.current.id))
        self.versions.blockSignals(False)

    def _version_picked(self, index: int) -> None:
        agreement_id = self.versions.itemData(index)
        if agreement_id and (self.current is None or agreement_id != self.current.id):
            self.clear_message()
            self.show_agreement(agreement_id)

    def _update_status(self) -> None:
        found = self.current
        if found is None:
            self.status.setText("")
            return
        agreement = found.agreement
        parts = [agreement.number, f"Version {agreement.version}", found.status.label]
        if found.signs:
            original = agreements.get(self.desk, found.signs)
            parts[-1] += f" (signed copy of version {original.version})"
        elif found.signed_copy:
            copy = agreements.get(self.desk, found.signed_copy)
            parts[-1] += f" (the signed copy is version {copy.version})"
        elif found.signed_on_paper:
            parts[-1] += " (on paper)"
        if found.status is AgreementStatus.PARTLY_SIGNED:
            parts.append(f"not yet signed by {', '.join(found.not_yet_signed)}")
        if agreement.verify():
            parts.append(f"SHA-256 {agreement.short_sha}… verified")
        else:
            parts.append(f"SHA-256 {agreement.short_sha}… DOES NOT MATCH the stored PDF")
            self.show_error(
                "The stored PDF does not match its fingerprint (SHA-256): it may be damaged. "
                "It will not be printed or signed; contact support."
            )
        self.status.setText(" · ".join(parts))

    def _update_buttons(self) -> None:
        busy = self.runner.is_busy()
        found = self.current
        status = found.status if found else None
        intact = found is not None and found.agreement.verify()
        ready = not busy and intact
        self.new_version_button.setEnabled(not busy)
        self.versions.setEnabled(not busy)
        for widget in (self.print_button, self.quick_print_button):
            widget.setEnabled(ready and status is not AgreementStatus.VOID)
        self.choose_printer_button.setEnabled(not busy)
        signable = status in (AgreementStatus.GENERATED, AgreementStatus.PARTLY_SIGNED)
        for widget in (self.sign_button, self.room_sign_button, self.paper_button):
            widget.setEnabled(ready and signable)
        self.void_button.setEnabled(
            not busy
            and found is not None
            and status is not None
            and status is not AgreementStatus.VOID
        )
        self.save_button.setEnabled(ready)

    # ------------------------------------------------------------------ messages

    def show_error(self, text: str) -> None:
        self._message(text, "error")

    def show_info(self, text: str) -> None:
        self._message(text, "muted")

    def clear_message(self) -> None:
        self.message.setText("")
        self.message.hide()

    def _message(self, text: str, role: str) -> None:
        self.message.setProperty("role", role)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.show()

    def _report(self, error: BaseException, doing: str) -> None:
        if isinstance(error, UserError):
            self.show_error(str(error))
            return
        log = crash_log.write_crash_report(error)
        self.show_error(
            f"Something went wrong inside tcdesk while {doing}. Nothing stored was changed. "
            f"Details were saved in {log}."
        )

    def _guard(self, work: Callable[[], Any], doing: str) -> Any:
        try:
            return work()
        except Exception as error:  # shown as a sentence, never a traceback
            self._report(error, doing)
            return None

    def _failed(self, doing: str) -> Callable[[BaseException], None]:
        return lambda error: self._report(error, doing)

    def _busy_changed(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.busy_label.setVisible(busy)
        if not busy:
            self.busy_label.setText("")
        self._update_buttons()

    def _start(self, text: str, work: Callable[[], Any], done: Callable[[Any], None], doing: str):
        self.clear_message()
        self.busy_label.setText(text)
        self.runner.run(
            work, lambda result: self._guard(lambda: done(result), doing), self._failed(doing)
        )

    def is_busy(self) -> bool:
        return self.runner.is_busy()

    # ------------------------------------------------------------------ generating

    def generate_new_version(self) -> None:
        """Make a new version from the consult as it is now (built off the GUI thread)."""
        pending = self._guard(
            lambda: agreements.prepare_generation(self.desk, self.consult_id),
            "preparing the agreement",
        )
        if pending is None:
            self._update_buttons()
            return
        self._start(
            "Making the agreement PDF…",
            lambda: agreements.build_pdf(pending),
            lambda pdf: self._store_generated(pending, pdf),
            "making the agreement PDF",
        )

    def _store_generated(self, pending: agreements.PendingAgreement, pdf: bytes) -> None:
        agreement = agreements.store_generated(self.desk, pending, pdf, self.actor_id)
        self.show_agreement(agreement.id)
        if self.current is not None:
            self.show_info(agreements.generated_detail(self.current))
        self.agreement_changed.emit(agreement.id)

    # ------------------------------------------------------------------ printing

    def _printable(self) -> Any:
        if self.current is None:
            return None
        agreement_id = self.current.id
        return self._guard(lambda: agreements.check_printable(self.desk, agreement_id), "printing")

    def print_with_dialog(self) -> None:
        """The system print dialog; the pages are then drawn off the GUI thread."""
        agreement = self._printable()
        if agreement is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(agreements.file_name(agreement))
        remembered = self.settings.load().printer
        if remembered:
            printer.setPrinterName(remembered)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(f"Print {agreement.title}")
        dialog.setMinMax(1, max(1, self.page_count()))
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
        self._start(
            f"Printing on {where}…",
            lambda: print_pdf_bytes(pdf, printer),
            lambda pages: self._printed_with_dialog(agreement.id, where, pages),
            f"printing on {where}",
        )

    def _printed_with_dialog(self, agreement_id: str, where: str, pages: int) -> None:
        self._printer = None
        plural = "page" if pages == 1 else "pages"
        detail = f"Printed {pages} {plural} on {where} from the print dialog."
        agreements.record_printed(
            self.desk, agreement_id, self.actor_id, printer=where, detail=detail
        )
        self._refresh()
        self.show_info(detail)

    def quick_print(self) -> None:
        """Print on this computer's remembered printer (asks for one the first time)."""
        agreement = self._printable()
        if agreement is None:
            return
        path = self._guard(lambda: agreements.saved_copy(self.desk, agreement.id), "saving the PDF")
        if path is None:
            return
        printer = self.settings.load().printer
        if printer:
            self._quick_print_to(agreement.id, path, printer)
        else:
            self._ask_printer(path, lambda name: self._quick_print_to(agreement.id, path, name))

    def choose_quick_printer(self) -> None:
        self._ask_printer(None, lambda name: self.show_info(f"Quick print will use {name}."))

    def _ask_printer(self, path: Path | None, then: Callable[[str], None]) -> None:
        system = self.print_system  # the worker gets what it needs, never the window
        self._start(
            "Looking for printers…",
            lambda: system.printers(path),
            lambda printers: self._offer_printers(printers, path, then),
            "looking for printers",
        )

    def _offer_printers(
        self, printers: list[Printer], path: Path | None, then: Callable[[str], None]
    ) -> None:
        if not printers:
            where = f" The PDF is saved at {path}." if path else ""
            self.show_error(f"No printer is set up on this computer.{where}")
            return
        dialog = PrinterChoiceDialog(printers, self.settings.load().printer, self)
        self.prompt = dialog

        def chosen() -> None:
            name = dialog.chosen()
            if name:
                self.settings.update(printer=name)
                then(name)

        dialog.accepted.connect(lambda: self._guard(chosen, "choosing the printer"))
        dialog.open()

    def _quick_print_to(self, agreement_id: str, path: Path, printer: str) -> None:
        system = self.print_system
        self._start(
            f"Sending to {printer}…",
            lambda: system.print_pdf(path, printer, title=path.name),
            lambda job: self._quick_printed(agreement_id, job),
            f"printing on {printer}",
        )

    def _quick_printed(self, agreement_id: str, job: PrintJob) -> None:
        agreements.record_printed(
            self.desk, agreement_id, self.actor_id, printer=job.printer, job_id=job.job_id
        )
        self._refresh()
        self.show_info(f"{job}. The PDF is also saved at {job.path}.")

    # ------------------------------------------------------------------ signing

    def sign_on_screen(self, *, on_room_screen: bool = False) -> None:
        """Open the signing dialog on this screen, or on the room's (a deliberate choice)."""
        found = self.current
        if found is None:
            return
        if found.status not in (AgreementStatus.GENERATED, AgreementStatus.PARTLY_SIGNED):
            self.show_error(
                f"Version {found.agreement.version} is {found.status.label.lower()}; "
                "it cannot be signed."
            )
            return
        agreement_id = found.id
        sheet = self._guard(lambda: agreements.signing_sheet(self.desk, agreement_id), "signing")
        if sheet is None or not sheet.to_sign:
            return
        dialog = SigningDialog(
            sheet.to_sign,
            sheet=sheet,
            clock=self.desk.clock,
            title=f"Sign {found.agreement.title}",
            parent=self,
        )
        self.signing_dialog = dialog
        if on_room_screen and self._signing_screen is not None:
            screen = self._signing_screen()
            if screen is None:
                self.show_error("The room's screen is not connected; sign on this screen.")
                return
            dialog.place_on_screen(screen)
        dialog.accepted.connect(lambda: self._signatures_given(agreement_id, dialog))
        dialog.open()

    def _signatures_given(self, agreement_id: str, dialog: SigningDialog) -> None:
        marks, absent = dialog.marks(), dialog.absent()
        pending = self._guard(
            lambda: agreements.prepare_signing(self.desk, agreement_id, marks, absent=absent),
            "signing",
        )
        if pending is None:
            return
        self._start(
            "Saving the signed agreement…",
            lambda: agreements.build_pdf(pending),
            lambda pdf: self._store_signed(pending, pdf),
            "saving the signed agreement",
        )

    def _store_signed(self, pending: agreements.PendingAgreement, pdf: bytes) -> None:
        agreement = agreements.store_signed(self.desk, pending, pdf, self.actor_id)
        self.show_agreement(agreement.id)
        later = pending.not_yet_signed
        if later:
            self.show_info(
                f"Signed by those here and saved as version {agreement.version}; not yet signed "
                f"by {', '.join(later)}, who can sign this version later (Sign on screen)."
            )
        else:
            self.show_info(
                f"Signed and saved as version {agreement.version}. Print or save it for the "
                "family."
            )
        self.agreement_changed.emit(agreement.id)

    def mark_signed_on_paper(self) -> None:
        self._ask(PaperSignedDialog, self._paper_signed, "signing")

    def _ask(
        self,
        make: Callable[[str, QWidget], Any],
        then: Callable[[str, str], None],
        doing: str,
    ) -> None:
        """Ask about the shown version (a reason, a detail); on OK, ``then(id, text)``."""
        found = self.current
        if found is None:
            return
        dialog = make(found.agreement.title, self)
        self.prompt = dialog
        agreement_id = found.id
        dialog.accepted.connect(
            lambda: self._guard(lambda: then(agreement_id, dialog.text()), doing)
        )
        dialog.open()

    def _paper_signed(self, agreement_id: str, detail: str) -> None:
        agreements.mark_signed_on_paper(self.desk, agreement_id, self.actor_id, detail)
        self._refresh()
        self.show_info("Recorded as signed on paper.")
        self.agreement_changed.emit(agreement_id)

    # ------------------------------------------------------------------ voiding and saving

    def void(self) -> None:
        self._ask(VoidDialog, self._voided, "voiding")

    def void_with_reason(self, reason: str) -> bool:
        """Void the shown version (the dialog's OK does this); False if it was refused."""
        if self.current is None:
            return False
        agreement_id = self.current.id

        def work() -> bool:
            self._voided(agreement_id, reason)
            return True

        return bool(self._guard(work, "voiding"))

    def _voided(self, agreement_id: str, reason: str) -> None:
        agreements.void(self.desk, agreement_id, reason, self.actor_id)
        self._refresh()
        self.show_info(f"Marked void: {reason.strip()}")
        self.agreement_changed.emit(agreement_id)

    def save_as(self) -> None:
        if self.current is None:
            return
        suggested = str(Path.home() / agreements.file_name(self.current.agreement))
        path, _filter = QFileDialog.getSaveFileName(
            self, "Save the agreement as PDF", suggested, "PDF files (*.pdf)"
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> Path | None:
        if self.current is None:
            return None
        agreement_id = self.current.id
        written = self._guard(
            lambda: agreements.export(self.desk, agreement_id, path, self.actor_id), "saving"
        )
        if written is not None:
            self.show_info(f"Saved to {written}.")
        return written

    # ------------------------------------------------------------------ closing

    def _refresh(self) -> None:
        if self.current is not None:
            page = self.current_page()
            self.show_agreement(self.current.id)
            self.go_to_page(page)

    def done(self, result: int) -> None:
        """Closing waits for running work, so its result is never dropped half-way."""
        if self.runner.is_busy():
            if not self._closing:
                self._closing = True
                self.show_error("Still working; the preview closes when this is done.")
                self.runner.busy_changed.connect(lambda busy: busy or QDialog.done(self, result))
            return
        super().done(result)
