"""The agreement preview: shows the stored PDF, prints, signs, voids, never shows a traceback."""

from __future__ import annotations

import gc
import io
import threading
from pathlib import Path

import pytest
import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from tcdesk.domain import ConsultStatus
from tcdesk.domain.agreement import AgreementEventKind, AgreementStatus
from tcdesk.errors import UserError
from tcdesk.services import agreements
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.services.printing import Printer, PrintError, PrintJob
from tcdesk.ui.documents.agreement_controls import BUSY_DELAY_MS
from tcdesk.ui.documents.agreement_preview import AgreementPreview
from tcdesk.ui.documents.prompts import PrinterChoiceDialog, VoidDialog
from tcdesk.ui.documents.signing_dialog import SigningDialog
from tests.ui.documents.drawing import sign

WAIT_MS = 15_000


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


class FakePrintSystem:
    """The print system's answers without CUPS (the real queue is tested in services)."""

    def __init__(self, printers: list[Printer] | None = None, error: Exception | None = None):
        self._printers = printers if printers is not None else [Printer("Front", is_default=True)]
        self.error = error
        self.jobs: list[tuple[Path, str]] = []

    def printers(self, path: Path | None = None) -> list[Printer]:
        return list(self._printers)

    def print_pdf(self, path, printer=None, *, title=None) -> PrintJob:
        if self.error is not None:
            raise self.error
        self.jobs.append((Path(path), printer))
        return PrintJob(printer=printer, job_id=f"{printer}-{len(self.jobs)}", path=Path(path))


@pytest.fixture
def consult_id(demo_desk) -> str:
    return next(
        c.id
        for c in demo_desk.consults.all()
        if c.status is ConsultStatus.ACCEPTED and demo_desk.consults.latest_plan(c.id)
    )


@pytest.fixture
def settings(tmp_path: Path) -> MachineSettingsStore:
    return MachineSettingsStore(tmp_path / "machine.json")


@pytest.fixture
def open_preview(qtbot, demo_desk, consult_id, settings):
    def opener(**kwargs) -> AgreementPreview:
        kwargs.setdefault("settings", settings)
        kwargs.setdefault("print_system", FakePrintSystem())
        preview = AgreementPreview(demo_desk, consult_id, **kwargs)
        qtbot.addWidget(preview)
        preview.show()
        qtbot.waitUntil(
            lambda: preview.current is not None and not preview.is_busy(), timeout=WAIT_MS
        )
        return preview

    return opener


def test_opening_makes_version_1_off_the_gui_thread_and_shows_its_pages(
    open_preview, demo_desk, consult_id, qtbot
) -> None:
    preview = open_preview()
    stored = agreements.latest(demo_desk, consult_id).agreement
    assert preview.current.id == stored.id and stored.version == 1
    count = len(PdfReader(io.BytesIO(stored.pdf)).pages)
    assert preview.page_count() == count
    assert preview.page_label.text() == f"Page 1 of {count}"
    status = preview.status.text()
    assert "Version 1" in status and "Not signed yet" in status
    assert f"SHA-256 {stored.sha256[:12]}" in status and "verified" in status
    assert preview.message.text() == "Version 1 made."
    if count > 1:
        preview.next_button.click()
        qtbot.waitUntil(lambda: preview.page_label.text() == f"Page 2 of {count}")


def test_a_stored_version_opens_without_building_again(open_preview, demo_desk, consult_id) -> None:
    first = agreements.generate(demo_desk, consult_id)
    second = agreements.generate(demo_desk, consult_id)
    preview = open_preview()
    assert preview.current.id == second.id
    assert preview.versions.count() == 2
    preview.versions.setCurrentIndex(preview.versions.findData(first.id))
    assert preview.current.id == first.id
    assert len(agreements.history(demo_desk, consult_id)) == 2


@pytest.fixture
def held_pool():
    """A real one-thread pool kept busy until ``release`` is set: a slow computer's build."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    release = threading.Event()
    pool.start(lambda: release.wait(20))
    yield pool, release
    release.set()
    pool.waitForDone(20_000)


def test_a_slow_build_shows_what_is_being_made_and_the_window_stays_responsive(
    qtbot, demo_desk, consult_id, settings, held_pool
) -> None:
    pool, release = held_pool
    preview = AgreementPreview(
        demo_desk, consult_id, settings=settings, print_system=FakePrintSystem(), pool=pool
    )
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    assert preview.is_busy() and not preview.new_version_button.isEnabled()
    assert preview.busy.isHidden()  # a build done in a blink shows no bar at all
    qtbot.waitUntil(lambda: not preview.busy.isHidden(), timeout=BUSY_DELAY_MS * 4)
    assert preview.busy.maximum() == 0  # the busy (indeterminate) kind
    assert preview.busy_label.text() == "Making version 1 of the agreement…"
    assert preview.header.cancel_button.isVisible()
    assert preview.close_button.isEnabled()
    preview.resize(preview.width() - 40, preview.height() - 40)  # it still answers
    qtbot.waitUntil(lambda: preview.grab().width() == preview.width())
    release.set()
    qtbot.waitUntil(lambda: not preview.is_busy(), timeout=WAIT_MS)
    assert preview.busy.isHidden() and preview.header.cancel_button.isHidden()
    assert preview.new_version_button.isEnabled() and preview.current is not None


def test_cancel_stops_a_build_and_stores_nothing(
    qtbot, demo_desk, consult_id, settings, held_pool
) -> None:
    pool, release = held_pool
    preview = AgreementPreview(
        demo_desk, consult_id, settings=settings, print_system=FakePrintSystem(), pool=pool
    )
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitUntil(lambda: preview.header.cancel_button.isVisible(), timeout=WAIT_MS)
    qtbot.mouseClick(preview.header.cancel_button, Qt.MouseButton.LeftButton)
    assert not preview.is_busy() and preview.busy.isHidden()
    assert preview.message.text() == "Stopped making the agreement; nothing was stored."
    assert preview.new_version_button.isEnabled()
    release.set()
    pool.waitForDone(WAIT_MS)
    qtbot.waitUntil(gc.isenabled, timeout=WAIT_MS)
    assert agreements.history(demo_desk, consult_id) == []
    assert preview.current is None  # the dropped build did not sneak in later


def test_closing_the_preview_mid_build_is_clean(
    qtbot, demo_desk, consult_id, settings, held_pool, tmp_path
) -> None:
    from tcdesk.paths import data_dir

    pool, release = held_pool
    before = set(tmp_path.rglob("*"))
    preview = AgreementPreview(
        demo_desk, consult_id, settings=settings, print_system=FakePrintSystem(), pool=pool
    )
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)  # as open_agreement does
    preview.show()
    qtbot.waitExposed(preview)
    qtbot.keyClick(preview, Qt.Key.Key_Escape)  # Esc = Close: it goes at once
    qtbot.waitUntil(lambda: not shiboken6.isValid(preview) or not preview.isVisible())
    release.set()
    assert pool.waitForDone(WAIT_MS)  # the build finished on its thread, its result dropped
    qtbot.waitUntil(gc.isenabled, timeout=WAIT_MS)
    QApplication.processEvents()
    assert agreements.history(demo_desk, consult_id) == []
    new_files = set(tmp_path.rglob("*")) - before
    assert all(p.name.startswith("demo.sqlite3") for p in new_files), new_files  # -wal, -shm
    assert not list(data_dir().rglob("*.part"))


def test_signing_through_the_dialog_stores_a_signed_version(
    open_preview, demo_desk, consult_id, qtbot
) -> None:
    preview = open_preview()
    draft = preview.current.agreement
    preview.sign_button.click()
    dialog = preview.signing_dialog
    assert isinstance(dialog, SigningDialog)
    qtbot.waitExposed(dialog)
    names = [box.name.text() for box in dialog.boxes]
    assert names == [s.name for s in agreements.signers(demo_desk, consult_id)]
    assert not dialog.save_button.isEnabled()
    for pad in dialog.pads():
        sign(pad)
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(preview.agreement_changed, timeout=WAIT_MS):
        dialog.save_button.click()
    assert all(box.signed.text().startswith("Signed ") for box in dialog.boxes)

    signed = preview.current.agreement
    assert signed.version == 2 and signed.number == draft.number
    assert "Signed" in pdf_text(signed.pdf)
    assert preview.current.status is AgreementStatus.SIGNED
    assert preview.current.signs == draft.id
    assert "signed copy of version 1" in preview.status.text()
    assert not preview.sign_button.isEnabled()
    (event,) = [e for e in preview.current.events if e.kind is AgreementEventKind.SIGNED]
    assert len(agreements.signatures(event)) == len(dialog.boxes)

    # Making the agreement again after signing: a new version, and it says so.
    preview.new_version_button.click()
    qtbot.waitUntil(lambda: preview.current.agreement.version == 3, timeout=WAIT_MS)
    assert "Signed version 2 stays exactly as signed" in preview.message.text()
    assert agreements.get(demo_desk, signed.id).pdf == signed.pdf


def test_void_needs_a_reason(open_preview, qtbot) -> None:
    preview = open_preview()
    preview.void_button.click()
    dialog = preview.prompt
    assert isinstance(dialog, VoidDialog)
    assert not dialog.ok_button.isEnabled()
    dialog.reason.setPlainText("   ")
    assert not dialog.ok_button.isEnabled()
    dialog.accept()  # refused without a reason
    assert dialog.isVisible()
    assert not preview.void_with_reason("  ")
    assert "Say why" in preview.message.text()
    assert preview.current.status is AgreementStatus.GENERATED

    dialog.reason.setPlainText("Typed the wrong down payment")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(preview.agreement_changed):
        dialog.ok_button.click()
    assert preview.current.status is AgreementStatus.VOID
    assert "Void" in preview.status.text()


def test_a_voided_agreement_refuses_signing_and_printing(open_preview, demo_desk) -> None:
    preview = open_preview()
    assert preview.void_with_reason("Wrong patient")
    assert not preview.sign_button.isEnabled()
    assert not preview.paper_button.isEnabled()
    assert not preview.print_button.isEnabled()
    assert not preview.quick_print_button.isEnabled()
    preview.sign_on_screen()
    assert preview.signing_dialog is None
    assert "cannot be signed" in preview.message.text()
    preview.quick_print()
    assert "void and cannot be printed" in preview.message.text()
    with pytest.raises(UserError, match="void"):
        agreements.mark_signed_on_paper(demo_desk, preview.current.id, None, "x")


def test_mark_signed_on_paper(open_preview, qtbot) -> None:
    preview = open_preview()
    preview.paper_button.click()
    dialog = preview.prompt
    dialog.detail.setText("Signed by Mom at the front desk")
    with qtbot.waitSignal(preview.agreement_changed):
        dialog.ok_button.click()
    assert preview.current.status is AgreementStatus.SIGNED
    assert preview.current.signed_on_paper
    assert "(on paper)" in preview.status.text()


def test_print_dialog_path_renders_every_page(open_preview, demo_desk, tmp_path, qtbot) -> None:
    preview = open_preview()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(150)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    preview.print_to(printer)
    qtbot.waitUntil(lambda: not preview.is_busy(), timeout=WAIT_MS)
    assert preview.message.text().startswith(f"Printed {preview.page_count()} page")
    assert len(PdfReader(out).pages) == preview.page_count()
    kinds = [e.kind for e in agreements.record(demo_desk, preview.current.id).events]
    assert kinds[-1] is AgreementEventKind.PRINTED


def test_print_to_a_folder_that_does_not_exist_is_a_clear_message(
    open_preview, tmp_path, qtbot
) -> None:
    preview = open_preview()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "missing" / "folder" / "x.pdf"))
    preview.print_to(printer)
    qtbot.waitUntil(lambda: not preview.is_busy(), timeout=WAIT_MS)
    assert "Printing could not start" in preview.message.text()
    assert "Traceback" not in preview.message.text()


def test_quick_print_asks_once_then_remembers(open_preview, settings, demo_desk, qtbot) -> None:
    system = FakePrintSystem([Printer("Front", is_default=True), Printer("Back")])
    preview = open_preview(print_system=system)
    preview.quick_print_button.click()
    qtbot.waitUntil(lambda: isinstance(preview.prompt, PrinterChoiceDialog), timeout=WAIT_MS)
    dialog = preview.prompt
    assert dialog.chosen() == "Front"
    dialog.combo.setCurrentIndex(dialog.combo.findData("Back"))
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: bool(system.jobs) and not preview.is_busy(), timeout=WAIT_MS)
    assert settings.load().printer == "Back"
    path, printer = system.jobs[0]
    assert printer == "Back" and path.read_bytes() == preview.current.agreement.pdf
    assert preview.message.text().startswith("Sent to Back (job Back-1).")
    assert str(path) in preview.message.text()
    events = agreements.record(demo_desk, preview.current.id).events
    assert events[-1].kind is AgreementEventKind.PRINTED and "Back-1" in events[-1].detail

    preview.prompt = None
    preview.quick_print_button.click()  # remembered: no question this time
    qtbot.waitUntil(lambda: len(system.jobs) == 2 and not preview.is_busy(), timeout=WAIT_MS)
    assert preview.prompt is None


def test_quick_print_failures_are_messages_and_the_pdf_stays_saved(
    open_preview, settings, qtbot
) -> None:
    preview = open_preview(print_system=FakePrintSystem(printers=[]))
    preview.quick_print_button.click()
    qtbot.waitUntil(lambda: not preview.is_busy() and bool(preview.message.text()), timeout=WAIT_MS)
    message = preview.message.text()
    assert message.startswith("No printer is set up on this computer. The PDF is saved at ")
    assert Path(message.rsplit(" at ", 1)[1].rstrip(".")).read_bytes() == (
        preview.current.agreement.pdf
    )

    settings.update(printer="Front")
    failing = FakePrintSystem(error=PrintError('The printer "Front" is switched off.', Path("x")))
    preview.print_system = failing
    preview.quick_print_button.click()
    qtbot.waitUntil(lambda: not preview.is_busy() and "switched off" in preview.message.text())
    assert "The PDF is saved at" in preview.message.text()


def test_an_unexpected_error_is_a_sentence_not_a_traceback(
    open_preview, settings, qtbot, monkeypatch
) -> None:
    preview = open_preview()
    settings.update(printer="Front")
    preview.print_system = FakePrintSystem(error=RuntimeError("boom"))
    preview.quick_print_button.click()
    qtbot.waitUntil(lambda: not preview.is_busy() and bool(preview.message.text()), timeout=WAIT_MS)
    text = preview.message.text()
    assert text.startswith("Something went wrong inside tcdesk while printing on Front.")
    assert "Details were saved in" in text and "Traceback" not in text


def test_save_as_writes_the_exact_bytes(open_preview, tmp_path) -> None:
    preview = open_preview()
    written = preview.save_to(tmp_path / "copy.pdf")
    assert written.read_bytes() == preview.current.agreement.pdf
    assert preview.message.text() == f"Saved to {written}."


def test_a_consult_without_a_plan_shows_why(qtbot, demo_desk, settings) -> None:
    consult = next(c for c in demo_desk.consults.all() if not demo_desk.consults.latest_plan(c.id))
    preview = AgreementPreview(demo_desk, consult.id, settings=settings)
    qtbot.addWidget(preview)
    assert preview.current is None
    assert "no payment plan" in preview.message.text()
    assert not preview.sign_button.isEnabled() and not preview.print_button.isEnabled()


def test_signing_dialog_can_be_placed_on_another_screen(qtbot) -> None:
    from tcdesk.domain.agreement import Signer, SignerRole

    dialog = SigningDialog(
        [Signer("Ana Diaz", SignerRole.RESPONSIBLE), Signer("Kim Lee", SignerRole.PRACTICE)]
    )
    qtbot.addWidget(dialog)
    screen = QApplication.screens()[-1]
    dialog.place_on_screen(screen)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert screen.geometry().contains(dialog.geometry().center())
    assert dialog.screen() is screen


def test_a_failed_read_stops_says_so_and_writes_nothing(
    qtbot, demo_desk, consult_id, settings, monkeypatch
) -> None:
    """Bug: a failing read looked like "no agreement yet", so a new version was written."""
    from tcdesk.store.agreement_repo import AgreementRepository

    agreements.generate(demo_desk, consult_id)
    real = AgreementRepository.for_consult
    calls = []

    def fails_once(self, consult: str):
        calls.append(consult)
        if len(calls) == 1:
            raise RuntimeError("disk I/O error")
        return real(self, consult)

    monkeypatch.setattr(AgreementRepository, "for_consult", fails_once)
    preview = AgreementPreview(
        demo_desk, consult_id, settings=settings, print_system=FakePrintSystem()
    )
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitUntil(lambda: not preview.is_busy(), timeout=WAIT_MS)
    assert preview.message.text().startswith("Something went wrong inside tcdesk while opening")
    assert preview.current is None
    monkeypatch.setattr(AgreementRepository, "for_consult", real)
    versions = [r.agreement.version for r in agreements.history(demo_desk, consult_id)]
    assert versions == [1]
    assert not preview.sign_button.isEnabled() and not preview.void_button.isEnabled()


def test_the_room_screen_missing_leaves_no_hidden_signing_dialog(open_preview) -> None:
    """Bug: the signing dialog was made and kept before the room's screen was checked."""
    preview = open_preview(signing_screen=lambda: None)
    preview.room_sign_button.click()
    assert "room's screen is not connected" in preview.message.text()
    assert preview.signing_dialog is None
    assert preview.findChildren(SigningDialog) == []


def test_one_question_paints_the_preview_and_disabled_buttons_say_why(
    open_preview, demo_desk, consult_id, monkeypatch
) -> None:
    agreements.generate(demo_desk, consult_id)
    asked = []
    for name in ("state", "after", "record", "history", "latest", "get"):
        real = getattr(agreements, name)
        monkeypatch.setattr(
            agreements,
            name,
            lambda *a, _real=real, _name=name, **k: asked.append(_name) or _real(*a, **k),
        )
    preview = open_preview()
    assert asked == ["state"]
    assert preview.void_with_reason("Wrong patient")
    assert asked == ["state", "after"]
    assert preview.print_button.toolTip() == "Version 1 is void and cannot be printed."
    assert preview.sign_button.toolTip() == "Version 1 is void; it cannot be signed."
    assert preview.save_button.toolTip() == "Save this exact PDF to a file"
