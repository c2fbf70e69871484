"""A practice's first morning, on the real windows, from an empty file to an agreement.

One path, in order, as a new office lives it: "Set up my practice"; Settings
(a satellite office, a third person, a fee changed and one added, the money
rules); a new family with a guardian and insurance; a consult booked for this
afternoon; the record (concern, priorities, two findings, a photo, two options);
presenting it on the room's screen; a plan tried and shown; the agreement made
and read back. No demo data anywhere: every record is typed into a window.

With ``TCDESK_SCREENSHOTS=DIR`` set, each screen of the path is also saved as
``DIR/first-morning-NN-<what>.png`` (``make screenshots`` writes them into
docs/screenshots). Without it nothing is written outside tmp_path.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

from PIL import Image, ImageDraw
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tcdesk.domain import ConditionCode, ConsultStatus, InsuranceRank, Relationship, Severity
from tcdesk.formatting import brief_money_from_dollars, money_from_dollars, rate_percent
from tcdesk.money import InsurancePlan, PlanKind, QuoteRequest, build_quote
from tcdesk.render.slide import ChoicesBlock, FiguresBlock, FindingBlock, ImageBlock, SlideKind
from tcdesk.services import agreements
from tcdesk.services.consult_outcome import OutcomeKind
from tcdesk.services.desk import Desk
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.services.media import media_dir_for
from tcdesk.services.settings import fees, money_rules, offices, staff
from tests.conftest import FIXED_NOW

WAIT_MS = 15_000
TODAY = FIXED_NOW.astimezone().date()  # the suite's clock: 27 Nov 2026, 15:00 local
BORN = date(2013, 5, 14)  # 13 on the day of the consult

Action = Callable[[QWidget], None]


# -- seeing the screens ----------------------------------------------------------------


class Camera:
    """Saves each screen of the path when ``TCDESK_SCREENSHOTS`` names a folder."""

    def __init__(self) -> None:
        folder = os.environ.get("TCDESK_SCREENSHOTS", "")
        self.folder = Path(folder) if folder else None
        self.count = 0
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True)

    def shoot(self, widget: QWidget, what: str) -> None:
        self.count += 1
        if self.folder is None:
            return
        settle(widget)
        path = self.folder / f"first-morning-{self.count:02d}-{what}.png"
        assert widget.grab().save(str(path)), path

    def pdf_page(self, pdf: bytes, page: int, what: str, tmp_path: Path) -> None:
        """Page ``page`` of the PDF as the paper shows it (pdftoppm, poppler-utils)."""
        self.count += 1
        if self.folder is None or shutil.which("pdftoppm") is None:
            return
        source = tmp_path / "agreement.pdf"
        source.write_bytes(pdf)
        stem = self.folder / f"first-morning-{self.count:02d}-{what}"
        pages = ["-f", str(page), "-l", str(page)]
        subprocess.run(
            ["pdftoppm", "-png", "-r", "80", *pages, "-singlefile", source, stem], check=True
        )


def settle(widget: QWidget) -> None:
    """Let every layout inside ``widget`` catch up with the keys just typed.

    Typing sends events at once, but each layout request is posted and one
    may post the next (a field, its card, the scroll area, the form), so a
    grab taken straight away would show the form half laid out.
    """
    for _ in range(6):
        QApplication.processEvents()
        for child in (widget, *widget.findChildren(QWidget)):
            if child.layout() is not None:
                child.layout().activate()
    QApplication.processEvents()


# -- driving the windows ---------------------------------------------------------------


def when_modal(kind: type, act: Action) -> None:
    """Act on the next modal dialog of ``kind`` once it is up (it may run its own loop)."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            act(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def type_over(qtbot: QtBot, edit, text: str) -> None:
    """Select what the field holds and type over it, a key at a time."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def pick(qtbot: QtBot, combo, words: str) -> None:
    """Choose a list entry by typing its first word, then arrowing down to it.

    (Space in a closed combo box opens its list, so only the first word is typed.)
    """
    combo.setFocus()
    qtbot.keyClicks(combo, words.split(" ")[0])
    for _ in range(combo.count()):
        if combo.currentText().startswith(words):
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText().startswith(words), (combo.currentText(), words)


def click(qtbot: QtBot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def front(qtbot: QtBot, window: QWidget) -> None:
    window.raise_()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def portrait_photo(path: Path) -> Path:
    """A real camera-sized JPEG: a face-like drawing, not a flat colour."""
    image = Image.new("RGB", (1600, 1200), (212, 196, 178))
    draw = ImageDraw.Draw(image)
    draw.ellipse((420, 160, 1180, 1100), fill=(233, 200, 170))
    draw.chord((600, 640, 1000, 940), 0, 180, fill=(150, 40, 50))
    for i in range(8):  # crooked front teeth
        x = 640 + i * 42
        draw.rectangle((x, 790 + (i % 3) * 10, x + 36, 850 + (i % 2) * 14), fill=(250, 248, 240))
    draw.ellipse((610, 420, 700, 480), fill=(60, 40, 30))
    draw.ellipse((900, 420, 990, 480), fill=(60, 40, 30))
    image.save(path, "JPEG", quality=90)
    return path


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


# -- the path --------------------------------------------------------------------------


def set_up_the_practice(qtbot: QtBot, desk: Desk, camera: Camera) -> Desk:
    from tcdesk.ui.app import first_run
    from tcdesk.ui.first_run import FirstRunDialog, PracticeSetupDialog

    def choose_set_up(dialog: FirstRunDialog) -> None:
        button = dialog.findChild(QWidget, "setUpPractice")
        assert button is not None and button.text() == "Set up my practice"
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def fill_the_form(form: PracticeSetupDialog) -> None:
        for key, text in (
            ("practice_name", "Lakeside Orthodontics"),
            ("office_name", "Lakeside"),
            ("phone", "(555) 010-2000"),
            ("address", "18 Shore Road, Lakeside, MN 55401"),
            ("coordinator_name", "Ana Torres"),
            ("doctor_name", "Dr. Priya Lee"),
            ("pin", "2468"),  # Ana is the practice's admin and signs in with it
        ):
            edit = form.findChild(QLineEdit, key)
            assert edit is not None, key
            type_over(qtbot, edit, text)
        camera.shoot(form, "set-up-form")
        qtbot.keyClick(form.findChild(QLineEdit, "doctor_name"), Qt.Key.Key_Return)

    when_modal(FirstRunDialog, choose_set_up)
    when_modal(PracticeSetupDialog, fill_the_form)
    chosen = first_run(desk)
    assert chosen is desk and not desk.is_empty()
    practice = desk.practice()
    assert practice.name == "Lakeside Orthodontics" and practice.phone == "(555) 010-2000"
    return desk


def record_dialog(qtbot: QtBot, page):
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def settle_settings(qtbot: QtBot, main, desk: Desk, camera: Camera) -> None:
    click(qtbot, main.settings_button)
    settings = main.settings_window
    assert settings is not None
    qtbot.waitExposed(settings)
    front(qtbot, settings)

    # A second office: the satellite.
    page = settings.show_page("offices")
    click(qtbot, page.add_button)
    dialog = record_dialog(qtbot, page)
    assert dialog.form.inputs["kind"].currentText() == "Satellite"
    type_over(qtbot, dialog.form.inputs["name"], "Northside")
    type_over(qtbot, dialog.form.inputs["phone"], "(555) 010-3000")
    type_over(qtbot, dialog.form.inputs["address"], "4 Pine Street, Northside, MN 55412")
    qtbot.keyClick(dialog.form.inputs["address"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert [(o.name, o.kind.value) for o in offices.list_offices(desk)] == [
        ("Lakeside", "main"),
        ("Northside", "satellite"),
    ]
    camera.shoot(settings, "settings-offices")

    # A third person: the office manager.
    page = settings.show_page("staff")
    click(qtbot, page.add_button)
    dialog = record_dialog(qtbot, page)
    type_over(qtbot, dialog.form.inputs["name"], "Sam Okafor")
    pick(qtbot, dialog.form.inputs["role"], "Admin")
    type_over(qtbot, dialog.form.inputs["title"], "Office manager")
    type_over(qtbot, dialog.form.inputs["email"], "sam@lakeside-ortho.example")
    pick(qtbot, dialog.form.inputs["office"], "Northside")
    qtbot.keyClick(dialog.form.inputs["email"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    people = {m.name: (m.role.value, m.active) for m in staff.list_staff(desk)}
    assert people == {
        "Ana Torres": ("coordinator", True),
        "Dr. Priya Lee": ("doctor", True),
        "Sam Okafor": ("admin", True),
    }
    assert page.table.rowCount() == 3
    camera.shoot(settings, "settings-staff")

    # The fee schedule: braces cost more here, and the practice adds a teen aligner line.
    page = settings.show_page("fees")
    page.select(fees.find_fee(desk, "Metal braces").id)
    click(qtbot, page.edit_button)
    dialog = record_dialog(qtbot, page)
    type_over(qtbot, dialog.form.inputs["fee"], "5,800")
    qtbot.keyClick(dialog.form.inputs["fee"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    click(qtbot, page.add_button)
    dialog = record_dialog(qtbot, page)
    pick(qtbot, dialog.form.inputs["treatment_type"], "Clear aligners")
    type_over(qtbot, dialog.form.inputs["name"], "Clear aligners, teen")
    type_over(qtbot, dialog.form.inputs["fee"], "6,200")
    type_over(qtbot, dialog.form.inputs["months"], "20")
    type_over(qtbot, dialog.form.inputs["visit_weeks"], "8")
    description = dialog.form.inputs["description"]
    description.setFocus()
    qtbot.keyClicks(description, "Nearly invisible trays, a new set every week or two.")
    qtbot.keyClick(dialog.form.inputs["visit_weeks"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert fees.find_fee(desk, "Metal braces").fee_cents == 580_000
    teen = fees.find_fee(desk, "Clear aligners, teen")
    assert (teen.fee_cents, teen.typical_months, teen.visit_interval_weeks) == (620_000, 20, 8)
    camera.shoot(settings, "settings-fees")

    # The money rules: a smaller pay-in-full discount, and interest on plans.
    page = settings.show_page("money")
    type_over(qtbot, page.form.inputs["pif_discount_pct"], "4")
    type_over(qtbot, page.form.inputs["apr_pct"], "3.9")
    qtbot.keyClick(page.form.inputs["apr_pct"], Qt.Key.Key_Return)  # Enter saves the page
    policy = money_rules.current_policy(desk)
    assert (policy.pif_discount_pct, policy.apr_pct) == (Decimal("4"), Decimal("3.9"))
    assert page.status.text() == "Saved. New quotes use these rules."
    camera.shoot(settings, "settings-money-rules")
    north = next(o for o in offices.list_offices(desk) if o.name == "Northside")
    sam = staff.find_staff(desk, "Sam Okafor")
    braces = fees.find_fee(desk, "Metal braces")
    for subject, wanted in (
        (north.id, "Northside"),
        (sam.id, "Sam Okafor"),
        (braces.id, "5800"),
        (desk.practice().id, "apr_pct"),
    ):  # every change went to the audit log
        details = " ".join(row["detail"] for row in desk.audit.for_subject(subject))
        assert wanted in details.replace(",", "").replace("$", ""), (wanted, details)
    qtbot.keyClick(settings, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not settings.isVisible())
    board_offices = main.today_board.office
    assert [board_offices.itemText(i) for i in range(board_offices.count())] == [
        "Lakeside",
        "Northside",
    ]  # the desk's today board offers the new office
    assert board_offices.isVisible()


def add_the_family(qtbot: QtBot, main, desk: Desk, camera: Camera):
    front(qtbot, main)
    qtbot.keyClick(main, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: main.intake.form is not None and main.intake.form.isVisible())
    form = main.intake.form
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    fields = form.patient
    assert QApplication.focusWidget() is fields.first
    qtbot.keyClicks(fields.first, "Maya")
    qtbot.keyClick(fields.first, Qt.Key.Key_Tab)
    qtbot.keyClicks(fields.last, "Okonkwo")
    type_over(qtbot, fields.birth, f"{BORN:%m/%d/%Y}")
    type_over(qtbot, fields.phone, "(612) 555-0147")
    type_over(qtbot, fields.email, "okonkwo.family@example.com")
    pick(qtbot, fields.source, "Doctor")
    type_over(qtbot, fields.referrer, "Dr. Hannah Berg, Lakeside Family Dental")
    click(qtbot, form.add_party_button)
    party = form.parties[0]
    assert QApplication.focusWidget() is party.name
    qtbot.keyClicks(party.name, "Grace Okonkwo")
    assert party.relationship.currentText() == "Mother" and party.pays.isChecked()
    type_over(qtbot, party.phone, "(612) 555-0148")
    type_over(qtbot, party.email, "grace.okonkwo@example.com")
    type_over(qtbot, party.address, "27 Birch Lane, Lakeside, MN 55401")
    form.primary.setFocus()  # the plan's check box, in its title: Space ticks it
    qtbot.keyClick(form.primary, Qt.Key.Key_Space)
    qtbot.waitUntil(form.primary.isChecked)
    plan = form.primary
    type_over(qtbot, plan.carrier, "Delta Dental")
    type_over(qtbot, plan.member_id, "DD-448120")
    type_over(qtbot, plan.coverage, "50")
    type_over(qtbot, plan.maximum, "2,000")
    type_over(qtbot, plan.subscriber, "Grace Okonkwo")
    settle(form)
    # On the 1080-pixel desk monitor the whole family reads without scrolling.
    assert form.scroll.widget().height() <= form.scroll.viewport().height()
    camera.shoot(form, "family-form")
    qtbot.keyClick(plan.subscriber, Qt.Key.Key_Return)  # Enter saves the family
    qtbot.waitUntil(lambda: not form.isVisible())
    saved = form.result_saved
    assert saved is not None and saved.created
    patient = saved.patient
    assert (patient.legal_first, patient.legal_last, patient.birth_date) == (
        "Maya",
        "Okonkwo",
        BORN,
    )
    assert [(p.name, p.relationship, p.pays) for p in saved.parties] == [
        ("Grace Okonkwo", Relationship.MOTHER, True)
    ]
    (insurance,) = saved.insurance
    assert (insurance.rank, insurance.carrier, insurance.coverage_pct) == (
        InsuranceRank.PRIMARY,
        "Delta Dental",
        Decimal("50"),
    )
    assert insurance.lifetime_max_cents == 200_000
    assert main.selected_patient_id() == patient.id
    assert main.model.row_of(patient.id) >= 0  # in the patient list, and selected
    assert "Maya Okonkwo" in main.panel.name_label.text()
    return patient


def book_the_consult(qtbot: QtBot, main, desk: Desk, patient, camera: Camera):
    front(qtbot, main)
    click(qtbot, main.book_button)
    schedule = main.schedule_window
    qtbot.waitUntil(lambda: schedule.dialog is not None and schedule.dialog.isVisible())
    dialog = schedule.dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    type_over(qtbot, dialog.patient_search, "Okonkwo")
    qtbot.waitUntil(lambda: dialog.patient_id() == patient.id)
    assert dialog.date_edit.date().toPython() == TODAY
    pick(qtbot, dialog.office, "Lakeside")
    pick(qtbot, dialog.coordinator, "Ana Torres")
    pick(qtbot, dialog.doctor, "Dr. Priya Lee")
    dialog.time_edit.setFocus()
    dialog.time_edit.selectAll()
    qtbot.keyClicks(dialog.time_edit, "1630")  # the clock reads 15:00: later today
    assert dialog.time_edit.text() == "16:30"
    camera.shoot(dialog, "booking")
    qtbot.keyClick(dialog.time_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    consult = dialog.saved
    assert consult is not None and consult.patient_id == patient.id
    assert consult.consult_date == TODAY and consult.status is ConsultStatus.SCHEDULED
    names = {m.id: m.name for m in desk.practices.staff(desk.practice().id)}
    assert (names[consult.coordinator_id], names[consult.doctor_id]) == (
        "Ana Torres",
        "Dr. Priya Lee",
    )
    assert schedule.grid.selected_id == consult.id  # in its slot on the schedule
    schedule.close()
    board = main.today_board
    to_come = board.lists["to_come"]
    qtbot.waitUntil(lambda: to_come.count() == 1)
    assert "Maya" in to_come.item(0).text() and "4:30\u202fPM" in to_come.item(0).text()
    assert main.today_button.text() == "Show today's consults (1)"
    main.select_patient(patient.id)
    qtbot.waitUntil(lambda: main.panel.selected_consult_id() == consult.id)
    camera.shoot(main, "today-board")
    return consult


def ok_button(dialog):
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def add_finding(qtbot: QtBot, record, condition: str, severity: str, note: str) -> None:
    click(qtbot, record.findings.add_button)
    dialog = record.findings.dialog
    qtbot.waitUntil(lambda: dialog.isVisible())
    pick(qtbot, dialog.code, condition)
    pick(qtbot, dialog.severity, severity)
    dialog.note.setFocus()
    qtbot.keyClicks(dialog.note, note)
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def add_option(qtbot: QtBot, record, line: str, *, recommended: bool) -> None:
    click(qtbot, record.options.add_button)
    dialog = record.options.dialog
    qtbot.waitUntil(lambda: dialog.isVisible())
    dialog.picker.setFocus()
    qtbot.keyClicks(dialog.picker, line)
    assert dialog.line() is not None and dialog.line().name.startswith(line)
    if dialog.recommended.isChecked() != recommended:
        click(qtbot, dialog.recommended)
    click(qtbot, ok_button(dialog))
    qtbot.waitUntil(lambda: not dialog.isVisible())


def fill_the_record(qtbot: QtBot, main, desk: Desk, consult, tmp_path: Path, camera: Camera):
    click(qtbot, main.panel.record_button)
    record = main.record_window
    assert record is not None
    qtbot.waitExposed(record)
    front(qtbot, record)
    cid = consult.id

    concern = record.concern
    concern.concern.setFocus()
    qtbot.keyClicks(concern.concern, "My front teeth are crooked and I hide my smile in photos.")
    for priority in ("Looks good for school photos", "Can keep playing the trumpet"):
        qtbot.keyClicks(concern.priority_pick.lineEdit(), priority)
        qtbot.keyClick(concern.priority_pick.lineEdit(), Qt.Key.Key_Return)
    click(qtbot, concern.save_button)
    saved = desk.consults.get(cid)
    assert saved.chief_concern.startswith("My front teeth are crooked")
    assert saved.priorities == ("Looks good for school photos", "Can keep playing the trumpet")

    record.show_section("findings")
    add_finding(qtbot, record, "Crowding", "Moderate", "Upper canines blocked out, 5 mm short")
    add_finding(qtbot, record, "Deep bite", "Mild", "Lower incisors touch the palate")
    assert [(f.code, f.severity) for f in desk.consults.findings(cid)] == [
        (ConditionCode.CROWDING, Severity.MODERATE),
        (ConditionCode.DEEP_BITE, Severity.MILD),
    ]

    picture = portrait_photo(tmp_path / "IMG_2041.jpg")
    record.show_section("photos")
    click(qtbot, record.photos.add_button)
    files = record.photos.file_dialog
    qtbot.waitExposed(files)
    files.setDirectory(str(tmp_path))
    name = files.findChild(QLineEdit, "fileNameEdit")
    name.setFocus()
    qtbot.keyClicks(name, picture.name)
    open_button = files.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Open)
    click(qtbot, open_button)
    qtbot.waitUntil(lambda: record.photos.pictures.count() == 1, timeout=WAIT_MS)
    qtbot.keyClicks(record.photos.caption, "Her smile, front")
    qtbot.keyClick(record.photos.caption, Qt.Key.Key_Return)
    (photo,) = desk.patients.photos(consult.patient_id)
    media = media_dir_for(desk.path).resolve()
    assert photo.consult_id == cid and photo.caption == "Her smile, front"
    assert (media / photo.path).is_file() and photo.sha256
    camera.shoot(record, "record-photos")
    record.show_section("findings")
    camera.shoot(record, "record-findings")

    record.show_section("options")
    add_option(qtbot, record, "Metal braces", recommended=True)
    add_option(qtbot, record, "Clear aligners, teen", recommended=False)
    options = desk.consults.options(cid)
    assert [(o.title, o.fee_cents, o.recommended) for o in options] == [
        ("Metal braces", 580_000, True),  # the fee as changed in Settings
        ("Clear aligners, teen", 620_000, False),
    ]
    camera.shoot(record, "record-options")
    click(qtbot, record.findChild(QWidget, "closeRecord"))
    qtbot.waitUntil(lambda: not record.isVisible())
    assert "My front teeth are crooked" in main.panel.details.toPlainText()
    return media


def expected_quote(down: int, months: int):
    """The same family and plan, priced by the money layer from the figures typed above."""
    return build_quote(
        QuoteRequest(
            total_fee=Decimal("5800"),
            agreement_date=TODAY,
            plan=PlanKind.INSTALLMENTS,
            down_payment=Decimal(down),
            months=months,
            first_due=date(2027, 1, 1),  # "1st of the month", three weeks or more away
            apr_percent=Decimal("3.9"),
            pif_discount_percent=Decimal("4"),
            pif_discount_is_finance_charge=True,
            primary_insurance=InsurancePlan(
                coverage_percent=Decimal("50"), lifetime_max=Decimal("2000")
            ),
            patient_birth_date=BORN,
            treatment_months=24,
        )
    )


def slide_texts(slide) -> str:
    return "\n".join(slide.texts())


def step_to(qtbot: QtBot, controller, kind: str) -> None:
    """Page Down (a clicker's key) until the family's screen shows a ``kind`` step."""
    for _ in range(20):
        if controller.room.session.step.kind == kind and controller.room.session.showing_step:
            break
        qtbot.keyClick(controller.display, Qt.Key.Key_PageDown)
    assert controller.room.session.step.kind == kind
    qtbot.waitUntil(lambda: controller.patient_view().slide().kind is SlideKind(kind))


def present_and_quote(qtbot: QtBot, app, patient, consult, media: Path, camera: Camera):
    main = app.main_window
    front(qtbot, main)
    assert main.panel.selected_consult_id() == consult.id
    qtbot.keyClick(main, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: app.presentation is not None, timeout=WAIT_MS)
    controller = app.presentation
    assert controller.room.consult_id == consult.id
    assert controller.display is not None, "the family's display is on the second screen"
    for window in controller.windows():
        qtbot.waitExposed(window)
    patient_screen = controller.display.screen()
    assert patient_screen is not controller.console.screen()
    click(qtbot, controller.panel.start_button)

    step_to(qtbot, controller, "problem")
    slide = controller.patient_view().slide()
    images = [b for b in slide.blocks if isinstance(b, ImageBlock)]
    assert images, "the family's own photo is on the findings slide"
    assert Path(images[0].path).resolve().is_relative_to(media)
    assert Path(images[0].path).is_file() and images[0].caption == "Her smile, front"
    camera.shoot(controller.display, "family-findings")
    findings = []  # beside a photo the findings run over as many slides as they need
    while controller.room.session.step.kind == "problem":
        slide = controller.patient_view().slide()
        findings += [(b.title, b.severity) for b in slide.blocks if isinstance(b, FindingBlock)]
        qtbot.keyClick(controller.display, Qt.Key.Key_PageDown)
        qtbot.waitUntil(lambda shown=slide: controller.patient_view().slide() is not shown)
    assert findings == [("Crowding", "Moderate"), ("Deep bite", "Mild")], findings

    step_to(qtbot, controller, "options")
    texts = slide_texts(controller.patient_view().slide())
    assert "Metal braces" in texts and "$5,800" in texts

    # The quote: on the console's Payment tab, the braces, the standard plan, then
    # $1,000 down over 18 months, tried privately and shown on purpose.
    panel = controller.payment
    controls = panel.controls
    step_to(qtbot, controller, "investment")
    combo = controls.option_combo
    assert "Metal braces" in combo.currentText() and combo.currentText().startswith("★")
    click(qtbot, panel.findChild(QWidget, "choice_standard"))
    for spin, figure in ((controls.down_spin, "1000"), (controls.months_spin, "18")):
        spin.setFocus()
        qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(spin, figure)
    qtbot.waitUntil(lambda: panel.show_button.isEnabled(), timeout=WAIT_MS)
    expected = expected_quote(1000, 18)
    monthly = money_from_dollars(expected.monthly_payment)
    qtbot.waitUntil(lambda: f"{monthly} a month" in panel.summary.text())
    click(qtbot, panel.show_button)
    qtbot.waitUntil(lambda: panel.show_status.text() == "On the family's screen.")
    camera.shoot(controller.console, "console-presenting")

    investment = controller.patient_view().slide()
    assert investment.kind is SlideKind.INVESTMENT
    figures = {
        f.label: f.value
        for b in investment.blocks
        if isinstance(b, FiguresBlock)
        for f in b.figures
    }
    assert expected.insurance_estimate == Decimal("2000.00")  # 50% of $5,800, capped at $2,000
    assert figures == {
        "Treatment fee": brief_money_from_dollars(expected.total_fee),
        "Insurance estimate": "-" + brief_money_from_dollars(expected.insurance_estimate),
        "Your portion": brief_money_from_dollars(expected.patient_portion),
    }, figures
    camera.shoot(controller.display, "family-investment")

    # The next slide puts the family's plan beside the other ways to pay.
    step_to(qtbot, controller, "payment")
    cards = next(b for b in controller.patient_view().slide().blocks if isinstance(b, ChoicesBlock))
    (mine,) = [c for c in cards.choices if c.selected]
    assert brief_money_from_dollars(expected.monthly_payment) in mine.headline, mine
    assert any(brief_money_from_dollars(expected.down_payment) in line for line in mine.lines)
    assert any("18" in line for line in mine.lines), mine.lines
    camera.shoot(controller.display, "family-payment")

    click(qtbot, panel.use_button)  # the family chose it: saved on the consult
    qtbot.waitUntil(lambda: panel.saved_label.text().startswith("Saved"))
    plan = app.desk.consults.latest_plan(consult.id)
    assert (plan.down_cents, plan.months, plan.apr_pct) == (100_000, 18, Decimal("3.9"))
    return controller, expected


def build_the_agreement(qtbot: QtBot, app, controller, patient, consult, expected, camera, tmp):
    from tcdesk.ui.documents.agreement_preview import AgreementPreview

    click(qtbot, controller.panel.agreement_button)
    qtbot.waitUntil(lambda: controller.console.findChild(AgreementPreview) is not None)
    preview = controller.console.findChild(AgreementPreview)
    qtbot.waitUntil(lambda: preview.current is not None and not preview.is_busy(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: preview.page_count() >= 1, timeout=WAIT_MS)
    record = agreements.latest(app.desk, consult.id)
    assert record is not None and record.agreement.verify()
    camera.shoot(preview, "agreement-preview")
    pdf = record.agreement.pdf
    camera.pdf_page(pdf, 1, "agreement-page-1", tmp)
    til_page = next(
        n
        for n, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, 1)
        if "FINANCE CHARGE" in (page.extract_text() or "").upper()
    )
    camera.pdf_page(pdf, til_page, "agreement-truth-in-lending", tmp)
    text = " ".join(pdf_text(pdf).split())
    til = expected.truth_in_lending
    assert til.required
    for words in (
        "Maya Okonkwo",
        "Grace Okonkwo",
        "Lakeside Orthodontics",
        money_from_dollars(expected.total_fee),
        money_from_dollars(expected.down_payment),
        money_from_dollars(expected.monthly_payment),
        rate_percent(til.apr),
        money_from_dollars(til.amount_financed),
        money_from_dollars(til.finance_charge),
        money_from_dollars(til.total_of_payments),
    ):
        assert words in text, (words, text[:3000])
    qtbot.keyClick(preview, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not preview.isVisible())

    # The end: "Started today" is recorded and the desk comes back.
    click(qtbot, controller.panel.end_button)
    if controller.outcome_dialog is None:
        click(qtbot, controller.panel.end_button)  # past the skipped-items warning
    dialog = controller.outcome_dialog
    qtbot.waitExposed(dialog)
    dialog.buttons[OutcomeKind.STARTED_TODAY].setFocus()
    qtbot.keyClick(dialog.buttons[OutcomeKind.STARTED_TODAY], Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled())
    with qtbot.waitSignal(controller.ended, timeout=WAIT_MS):
        click(qtbot, dialog.ok_button)
    assert app.desk.consults.get(consult.id).status is ConsultStatus.STARTED
    qtbot.waitUntil(lambda: app.main_window.isVisible())


def test_a_practice_first_morning_from_an_empty_file(
    qtbot: QtBot, empty_store: Path, tmp_path: Path
) -> None:
    from tcdesk.services.consult_room import PresentationKit
    from tcdesk.ui.app import Application
    from tcdesk.ui.presentation.patient_display import PatientDisplay

    camera = Camera()
    desk = Desk.open(empty_store, clock=lambda: FIXED_NOW)
    assert desk.is_empty()
    app = None
    try:
        set_up_the_practice(qtbot, desk, camera)
        app = Application(
            desk, MachineSettingsStore(tmp_path / "machine.json"), PresentationKit.load()
        )
        qtbot.addWidget(app.main_window)
        app.main_window.show()
        qtbot.waitExposed(app.main_window)
        main = app.main_window
        assert main.model.rowCount() == 0  # an empty patient list to start
        settle_settings(qtbot, main, desk, camera)
        patient = add_the_family(qtbot, main, desk, camera)
        consult = book_the_consult(qtbot, main, desk, patient, camera)
        photos = tmp_path / "camera"
        photos.mkdir()
        media = fill_the_record(qtbot, main, desk, consult, photos, camera)
        controller, expected = present_and_quote(qtbot, app, patient, consult, media, camera)
        build_the_agreement(qtbot, app, controller, patient, consult, expected, camera, tmp_path)
    finally:
        if app is not None and app.presentation is not None:
            app.presentation.end()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, PatientDisplay) and widget.isVisible():
                widget.hide()
        desk.close()
