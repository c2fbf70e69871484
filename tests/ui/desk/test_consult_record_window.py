"""The consult record window, driven like a TC would: keys and clicks on the real widgets,
on a practice set up through the services (no demo)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from tcdesk.domain import ConditionCode, Severity
from tcdesk.services import agreements
from tcdesk.services import consult_record as rec
from tcdesk.services.media import media_dir_for
from tcdesk.ui.desk.consult_record import ConsultRecordWindow
from tcdesk.ui.main_window import MainWindow
from tests.services.record_seed import TODAY, open_practice, portrait_jpeg, save_plan


@pytest.fixture(scope="module")
def flows() -> dict:
    """The app's checked flows, as ``Application`` hands them to the desk."""
    from tcdesk.services.presentation_kit import PresentationKit

    return PresentationKit.load().flows


@pytest.fixture
def practice(empty_store: Path):
    desk, consult_id = open_practice(empty_store)
    yield desk, consult_id
    desk.close()


def _open_from_the_desk(
    qtbot: QtBot, desk, presented: list[str], flows: dict
) -> tuple[MainWindow, ConsultRecordWindow]:
    window = MainWindow(desk, TODAY, on_present=presented.append, flows=flows)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.panel.overview().patient.display_first == "Mia"
    assert window.panel.present_button.isEnabled()  # a booked consult presents, options or not
    qtbot.mouseClick(window.panel.record_button, Qt.MouseButton.LeftButton)
    record = window.record_window
    assert record is not None
    qtbot.waitExposed(record)
    return window, record


def _ok(dialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    return box.button(QDialogButtonBox.StandardButton.Ok)


def test_fill_in_the_record_and_present_it(qtbot: QtBot, practice, flows, tmp_path: Path) -> None:
    desk, cid = practice
    presented: list[str] = []
    window, record = _open_from_the_desk(qtbot, desk, presented, flows)

    # Concern & priorities
    concern = record.concern
    qtbot.keyClicks(concern.concern, "She hides her smile in photos")
    qtbot.keyClicks(concern.priority_pick.lineEdit(), "school photos")
    qtbot.keyClick(concern.priority_pick.lineEdit(), Qt.Key.Key_Return)
    qtbot.keyClicks(concern.priority_pick.lineEdit(), "Prom in May")
    qtbot.keyClick(concern.priority_pick.lineEdit(), Qt.Key.Key_Return)
    qtbot.mouseClick(concern.save_button, Qt.MouseButton.LeftButton)
    saved = desk.consults.get(cid)
    assert saved.chief_concern == "She hides her smile in photos"
    assert saved.priorities == ("school photos", "Prom in May")

    # Findings: add one from the keyboard
    record.show_section("findings")
    qtbot.mouseClick(record.findings.add_button, Qt.MouseButton.LeftButton)
    dialog = record.findings.dialog
    qtbot.waitExposed(dialog)
    dialog.code.setFocus()
    qtbot.keyClicks(dialog.code, "Deep")
    assert dialog.code.currentData() == "deep_bite"
    qtbot.keyClicks(dialog.note, "Lower incisors touch the palate")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert [(f.code, f.severity, f.note) for f in desk.consults.findings(cid)] == [
        (ConditionCode.DEEP_BITE, Severity.MODERATE, "Lower incisors touch the palate")
    ]
    assert record.findings.table.rowCount() == 1
    assert record.findings.table.item(0, 0).text() == "Deep bite (overbite)"

    # Options: from the fee schedule, then a different fee needs a reason
    record.show_section("options")
    qtbot.mouseClick(record.options.add_button, Qt.MouseButton.LeftButton)
    dialog = record.options.dialog
    qtbot.waitExposed(dialog)
    dialog.picker.setFocus()
    qtbot.keyClicks(dialog.picker, "Metal")
    assert dialog.line().name == "Metal braces"
    assert dialog.fee.text() == "5,600" and dialog.reason.isHidden()
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    (option,) = desk.consults.options(cid)
    assert (option.fee_cents, option.recommended, option.schedule_fee_cents) == (
        560_000,
        True,
        560_000,
    )
    record.options.table.selectRow(0)
    qtbot.mouseClick(record.options.edit_button, Qt.MouseButton.LeftButton)
    dialog = record.options.dialog
    qtbot.waitExposed(dialog)
    dialog.fee.selectAll()
    qtbot.keyClicks(dialog.fee, "5200")
    assert dialog.reason.isVisible()  # appears once the fee differs
    qtbot.keyClick(dialog.fee, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.errors["fee_reason"].isVisible()
    assert "$5,600.00" in dialog.errors["fee_reason"].text()
    assert dialog.focusWidget() is dialog.reason  # the cursor is where the mistake is
    assert desk.consults.options(cid)[0].fee_cents == 560_000  # nothing saved
    qtbot.keyClicks(dialog.reason, "Sibling in treatment")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    option = desk.consults.options(cid)[0]
    assert (option.fee_cents, option.fee_reason) == (520_000, "Sibling in treatment")
    assert "schedule $5,600.00" in record.options.table.item(0, 2).text()

    # Photos: a portrait JPEG the camera stored sideways, picked in the file dialog
    picture = portrait_jpeg(tmp_path / "IMG_0042.jpg")
    record.show_section("photos")
    qtbot.mouseClick(record.photos.add_button, Qt.MouseButton.LeftButton)
    files = record.photos.file_dialog
    qtbot.waitExposed(files)
    files.setDirectory(str(tmp_path))
    name = files.findChild(QLineEdit, "fileNameEdit")
    name.setFocus()
    qtbot.keyClicks(name, picture.name)
    open_button = files.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Open)
    qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: record.photos.pictures.count() == 1, timeout=3000)
    (photo,) = desk.patients.photos("pa-mia")
    assert (photo.width, photo.height, photo.consult_id) == (480, 640, cid)
    assert (media_dir_for(desk.path) / photo.path).is_file()
    qtbot.keyClicks(record.photos.caption, "Smile, front")
    qtbot.keyClick(record.photos.caption, Qt.Key.Key_Return)
    assert desk.patients.photos("pa-mia")[0].caption == "Smile, front"

    # Flow: automatic names its pick; choose another
    record.show_section("flow")
    assert "Teen: comprehensive treatment" in record.flow.explain.text()
    record.flow.chosen.setFocus()
    qtbot.keyClick(record.flow.chosen, Qt.Key.Key_Space)
    assert desk.consults.get(cid).flow_id == "teen_comprehensive"  # chosen: the one in use
    record.flow.pick.setFocus()
    qtbot.keyClicks(record.flow.pick, "Adult")
    assert desk.consults.get(cid).flow_id == "adult_aligners"
    assert "Adult: clear aligners" in record.flow.in_use.text()

    # Back at the desk: the panel shows the new record and presents it
    qtbot.keyClick(record, Qt.Key.Key_Escape)
    assert not record.isVisible()
    assert "She hides her smile in photos" in window.panel.details.toPlainText()
    assert window.panel.present_button.isEnabled()
    qtbot.mouseClick(window.panel.present_button, Qt.MouseButton.LeftButton)
    assert presented == [cid]
    actions = {a["action"] for a in desk.audit.for_subject(cid)}
    assert {"record_concern_set", "record_finding_added", "record_option_edited"} <= actions
    assert {"record_photos_added", "record_flow_set"} <= actions


def _answer_next_question(
    qtbot: QtBot, button: QMessageBox.StandardButton, seen: list[str]
) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)


def test_a_consult_with_an_agreement_asks_first(qtbot: QtBot, practice, flows) -> None:
    desk, cid = practice
    option = rec.add_option(desk, cid, "metal_braces").changed
    save_plan(desk, cid, option.id)
    number = agreements.generate(desk, cid).number
    record = ConsultRecordWindow(desk, cid, flows=flows)
    qtbot.addWidget(record)
    record.show()
    assert f"No. {number}, version 1" in record.agreement_note.text()
    seen: list[str] = []
    record.show_section("options")
    _answer_next_question(qtbot, QMessageBox.StandardButton.No, seen)
    qtbot.mouseClick(record.options.remove_button, Qt.MouseButton.LeftButton)
    assert "a new agreement version will be needed" in seen[0]
    assert len(desk.consults.options(cid)) == 1  # said no: nothing changed
    _answer_next_question(qtbot, QMessageBox.StandardButton.Yes, seen)
    record.concern.concern.setPlainText("Crooked teeth")
    qtbot.mouseClick(record.concern.save_button, Qt.MouseButton.LeftButton)
    assert desk.consults.get(cid).chief_concern == "Crooked teeth"
    record.concern.concern.setPlainText("Crooked front teeth")  # asked once per window
    qtbot.mouseClick(record.concern.save_button, Qt.MouseButton.LeftButton)
    assert desk.consults.get(cid).chief_concern == "Crooked front teeth" and len(seen) == 2


def test_an_unreadable_picture_is_refused_at_the_import(
    qtbot: QtBot, practice, flows, tmp_path
) -> None:
    desk, cid = practice
    record = ConsultRecordWindow(desk, cid, flows=flows)
    qtbot.addWidget(record)
    record.show()
    bad = tmp_path / "scan.png"
    bad.write_bytes(b"\x89PNG not really")
    record.show_section("photos")
    record.photos.import_files([str(bad)])
    qtbot.waitUntil(record.photos.import_error.isVisible, timeout=3000)
    assert "scan.png is not a readable picture" in record.photos.import_error.text()
    assert desk.patients.photos("pa-mia") == []


def test_findings_from_the_keyboard_enter_edits_delete_removes(
    qtbot: QtBot, practice, flows
) -> None:
    desk, cid = practice
    rec.add_finding(desk, cid, "spacing", "mild")
    record = ConsultRecordWindow(desk, cid, flows=flows)
    qtbot.addWidget(record)
    record.show()
    record.show_section("findings")
    table = record.findings.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = record.findings.dialog
    assert dialog is not None and dialog.code.currentData() == "spacing"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert desk.consults.findings(cid)[0].severity is Severity.MILD  # Esc: nothing changed
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert desk.consults.findings(cid) == []
    assert record.findings.empty_label.isVisible()


def test_the_flow_tab_offers_the_apps_checked_flows_only(
    qtbot: QtBot, practice, flows, tmp_path: Path
) -> None:
    """A flow the kit left out (broken for this practice) is not offered in the record."""
    from dataclasses import replace

    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.services.presentation_kit import PresentationKit
    from tcdesk.ui.app import Application

    desk, cid = practice
    assert "adult_aligners" in flows
    checked = {k: v for k, v in flows.items() if k != "adult_aligners"}
    kit = replace(PresentationKit.load(), flows=checked)
    app = Application(desk, MachineSettingsStore(tmp_path / "machine.json"), kit)
    qtbot.addWidget(app.main_window)
    record = app.main_window.open_record(cid)
    qtbot.addWidget(record)
    offered = {record.flow.pick.itemData(i) for i in range(record.flow.pick.count())}
    assert offered == set(checked)


def test_the_flow_tab_says_what_automatic_picks_and_why(qtbot: QtBot, practice, flows) -> None:
    desk, cid = practice
    record = ConsultRecordWindow(desk, cid, flows=flows)
    qtbot.addWidget(record)
    record.show()
    record.show_section("flow")
    explain = record.flow.explain
    assert (
        explain.text() == "Automatic: Teen: comprehensive treatment (age 14: the flow for a teen)"
    )
    rec.add_option(desk, cid, "phase_one")
    record.refresh()
    assert explain.text() == (
        "Automatic: Child: Phase I (early treatment) (age 14, only Phase I options)"
    )
    assert record.flow.in_use.text() == "The family will see: Child: Phase I (early treatment)"
    rec.add_option(desk, cid, "metal_braces")
    record.refresh()
    assert (
        explain.text() == "Automatic: Teen: comprehensive treatment (age 14: the flow for a teen)"
    )
