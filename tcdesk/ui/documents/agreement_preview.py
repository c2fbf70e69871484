"""The agreement as the family will get it: look, print, sign, void, save.

The preview shows the stored bytes of one version (never a re-rendering), so
what is printed, signed and saved is exactly what is on screen. Building a
PDF and printing run on a worker thread with a busy indicator; every failure
is a sentence in the dialog, and the PDF stays saved.

It paints from one answer, ``agreements.state``, and after each operation
from ``agreements.after`` of what the operation returned. Printing and
signing live in their own helpers (``agreement_printing``,
``agreement_signing``); the header and the buttons in ``agreement_controls``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThreadPool, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QVBoxLayout, QWidget

from tcdesk.domain.agreement import Agreement, AgreementEvent, AgreementRecord
from tcdesk.services import agreements
from tcdesk.services.agreements import AgreementAction, AgreementState
from tcdesk.services.desk import Desk
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.services.printing import PrintSystem
from tcdesk.ui.documents.agreement_controls import AgreementActionBar, AgreementHeader
from tcdesk.ui.documents.agreement_printing import AgreementPrinting
from tcdesk.ui.documents.agreement_signing import AgreementSigning, ScreenPicker
from tcdesk.ui.documents.agreement_work import PreviewWork, ask
from tcdesk.ui.documents.background import BackgroundRunner
from tcdesk.ui.documents.pdf_pages import PdfPages
from tcdesk.ui.documents.prompts import VoidDialog
from tcdesk.ui.documents.signing_dialog import SigningDialog
from tcdesk.ui.window_memory import remember

__all__ = ["AgreementPreview", "ScreenPicker"]


class AgreementPreview(QDialog):
    """One consult's financial agreement: its versions, and what can be done with each.

    ``agreement_id`` opens that version; otherwise the newest version opens,
    and when the consult has none yet a first version is made straight away
    (only when reading said so: a failed read says what failed and writes
    nothing). ``signing_screen`` (optional) returns the screen the signing
    dialog should open on, e.g. the patient display after the caller blanked
    the presentation; None keeps it on the coordinator's screen.
    """

    agreement_changed = Signal(str)  # the id of the version shown after any change
    said = Signal(str)  # each result the preview reports (printed, saved, signed...)

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
        self.state: AgreementState | None = None
        self.prompt: QDialog | None = None  # the void / paper / printer question, when open
        self._closing = False
        self.runner = BackgroundRunner(pool, self)
        self._build(signing_screen)
        first = self.work.guard(lambda: agreements.state(desk, consult_id, agreement_id), "opening")
        name = first.patient_name if first is not None else "this consult"
        self.header.heading.setText(f"Financial agreement for {name}")
        self.setWindowTitle(f"Financial agreement — {name}")
        self.resize(1000, 900)
        remember(self)  # size, place and the rest as the TC left them on this computer
        if first is not None:
            self._paint(first)
            if first.current is None:
                self.generate_new_version()
        self._repaint_actions()

    def _build(self, signing_screen: ScreenPicker | None) -> None:
        self.header = AgreementHeader("this consult", self)
        self.pages = PdfPages(self)
        self.bar = AgreementActionBar(signing_screen is not None, self)
        self.work = PreviewWork(self.runner, self.header)
        self.printing = AgreementPrinting(self, self)
        self.signing = AgreementSigning(self, self, signing_screen)
        self.runner.busy_changed.connect(self._busy_changed)
        self.header.cancel_button.clicked.connect(self.cancel_work)
        self.header.versions.currentIndexChanged.connect(self._version_picked)
        # The parts tests and callers use, under their old names.
        self.versions, self.status = self.header.versions, self.header.status
        self.message, self.busy = self.header.message, self.header.busy
        self.busy_label = self.header.busy_label
        self.view, self.document = self.pages.view, self.pages.document
        self.prev_button, self.next_button = self.pages.prev_button, self.pages.next_button
        self.page_label = self.pages.page_label
        bar = self.bar
        self.new_version_button, self.print_button = bar.new_version_button, bar.print_button
        self.english_copy_button = bar.english_copy_button
        self.quick_print_button = bar.quick_print_button
        self.choose_printer_button = bar.choose_printer_button
        self.sign_button, self.room_sign_button = bar.sign_button, bar.room_sign_button
        self.paper_button, self.void_button = bar.paper_button, bar.void_button
        self.save_button, self.close_button = bar.save_button, bar.close_button
        bar.wire(
            {
                bar.new_version_button: self.generate_new_version,
                bar.english_copy_button: self.make_english_copy,
                bar.print_button: self.print_with_dialog,
                bar.quick_print_button: self.quick_print,
                bar.choose_printer_button: self.choose_quick_printer,
                bar.sign_button: self.sign_on_screen,
                bar.room_sign_button: lambda: self.sign_on_screen(on_room_screen=True),
                bar.paper_button: self.mark_signed_on_paper,
                bar.void_button: self.void,
                bar.save_button: self.save_as,
                bar.close_button: self.reject,
            }
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.bar)

    # ------------------------------------------------------------------ showing

    @property
    def current(self) -> AgreementRecord | None:
        """The version shown (None before version 1, or when it could not be read)."""
        return self.state.current if self.state is not None else None

    @property
    def signing_dialog(self) -> SigningDialog | None:
        return self.signing.dialog

    def show_agreement(self, agreement_id: str) -> None:
        """Show one version: its stored bytes, the history, what can be done with it."""
        desk, consult_id = self.desk, self.consult_id
        found = self.work.guard(lambda: agreements.state(desk, consult_id, agreement_id), "opening")
        if found is not None:
            self._paint(found)

    def show_changed(self, changed: Agreement | AgreementEvent) -> None:
        """Paint again from what an operation returned (the page shown stays)."""
        self._paint(agreements.after(self.desk, changed))

    def _paint(self, state: AgreementState) -> None:
        shown = self.current
        self.state = state
        found = state.current
        is_new = found is not None and (shown is None or shown.id != found.id)
        if is_new and not self.pages.load(found.agreement.pdf):
            self.show_error(
                f"This PDF could not be shown ({self.pages.error()}). It is still "
                "stored unchanged; use Save as… to open it in another program."
            )
        self.header.paint(state, self.runner.is_busy())
        if found is not None and not state.intact:
            self.show_error(state.why_not[AgreementAction.SAVE])
        self._repaint_actions()

    def _repaint_actions(self) -> None:
        self.bar.paint(self.state, self.runner.is_busy())

    def page_count(self) -> int:
        return self.pages.page_count()

    def current_page(self) -> int:
        return self.pages.current_page()

    def go_to_page(self, page: int) -> None:
        self.pages.go_to_page(page)

    def _version_picked(self, index: int) -> None:
        agreement_id = self.versions.itemData(index)
        if agreement_id and (self.current is None or agreement_id != self.current.id):
            self.clear_message()
            self.show_agreement(agreement_id)

    # ------------------------------------------------------------------ messages and work

    def show_error(self, text: str) -> None:
        self.header.show_error(text)

    def show_info(self, text: str) -> None:
        self.header.show_info(text)
        self.said.emit(text)

    def clear_message(self) -> None:
        self.header.clear_message()

    def _busy_changed(self, busy: bool) -> None:
        self.header.set_busy(busy)
        self._repaint_actions()

    def is_busy(self) -> bool:
        return self.runner.is_busy()

    # ------------------------------------------------------------------ generating

    def make_english_copy(self) -> None:
        """The agreement shown, in English: its own version under the same number."""
        self.generate_new_version(language="en")

    def generate_new_version(self, language: str | None = None) -> None:
        """Make a new version from the consult as it is now (built off the GUI thread);
        ``language`` (a code) instead of the family's."""
        desk, consult_id = self.desk, self.consult_id
        pending = self.work.guard(
            lambda: agreements.prepare_generation(desk, consult_id, language),
            "preparing the agreement",
        )
        if pending is None:
            self._repaint_actions()
            return
        self.work.start(
            f"Making version {pending.version} of the agreement…",
            lambda: agreements.build_pdf(pending),
            lambda pdf: self._store_generated(pending, pdf),
            "making the agreement PDF",
            cancellable=True,
        )

    def cancel_work(self) -> None:
        """Cancel: stop making the PDF; nothing was stored, the shown version stays."""
        if self.work.cancel():
            self.show_info("Stopped making the agreement; nothing was stored.")

    def _store_generated(self, pending: agreements.PendingAgreement, pdf: bytes) -> None:
        agreement = agreements.store_generated(self.desk, pending, pdf, self.actor_id)
        self.show_changed(agreement)
        if self.current is not None:
            self.show_info(agreements.generated_detail(self.current))
        self.agreement_changed.emit(agreement.id)

    # ------------------------------------------------------------------ printing and signing

    def print_with_dialog(self) -> None:
        self.printing.print_with_dialog()

    def print_to(self, printer: QPrinter) -> None:
        self.printing.print_to(printer)

    def quick_print(self) -> None:
        self.printing.quick_print()

    def choose_quick_printer(self) -> None:
        self.printing.choose_quick_printer()

    def sign_on_screen(self, *, on_room_screen: bool = False) -> None:
        self.signing.sign_on_screen(on_room_screen=on_room_screen)

    def mark_signed_on_paper(self) -> None:
        self.signing.mark_signed_on_paper()

    # ------------------------------------------------------------------ voiding and saving

    def void(self) -> None:
        ask(self, self, VoidDialog, self._voided, "voiding")

    def void_with_reason(self, reason: str) -> bool:
        """Void the shown version (the dialog's OK does this); False if it was refused."""
        if self.current is None:
            return False
        agreement_id = self.current.id

        def work() -> bool:
            self._voided(agreement_id, reason)
            return True

        return bool(self.work.guard(work, "voiding"))

    def _voided(self, agreement_id: str, reason: str) -> None:
        event = agreements.void(self.desk, agreement_id, reason, self.actor_id)
        self.show_changed(event)
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
        desk, agreement_id, actor = self.desk, self.current.id, self.actor_id
        written = self.work.guard(
            lambda: agreements.export(desk, agreement_id, path, actor), "saving"
        )
        if written is not None:
            self.show_info(f"Saved to {written}.")
        return written

    # ------------------------------------------------------------------ closing

    def done(self, result: int) -> None:
        """Closing waits for a print or a signature being stored, so its result is never
        dropped half-way; a PDF still being made is simply not kept (nothing was stored)."""
        self.work.cancel()
        if self.runner.is_busy():
            if not self._closing:
                self._closing = True
                self.show_error("Still working; the preview closes when this is done.")
                self.runner.busy_changed.connect(lambda busy: busy or QDialog.done(self, result))
            return
        super().done(result)
