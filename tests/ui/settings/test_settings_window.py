"""The real Settings window, driven by keyboard and mouse on a practice set up from scratch."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from tcdesk.services.desk import Desk
from tcdesk.services.practice_setup import PracticeSetup, set_up_practice
from tcdesk.services.settings import fees, money_rules, offices, staff
from tcdesk.ui.main_window import MainWindow
from tcdesk.ui.settings.settings_window import SettingsWindow
from tests.conftest import FIXED_NOW


@pytest.fixture
def desk(empty_store: Path) -> Iterator[Desk]:
    desk = Desk.open(empty_store, clock=lambda: FIXED_NOW)
    set_up_practice(
        desk, PracticeSetup("Lakeside Orthodontics", "Lakeside", "Ana Torres", "Dr. Lee")
    )
    yield desk
    desk.close()


@pytest.fixture
def window(qtbot: QtBot, desk: Desk) -> SettingsWindow:
    window = SettingsWindow(desk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def _dialog(page):
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_add_an_office_from_the_keyboard(qtbot: QtBot, window: SettingsWindow, desk: Desk) -> None:
    page = window.show_page("offices")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(page)
    _type_into(qtbot, dialog.form.inputs["name"], "Northside")
    _type_into(qtbot, dialog.form.inputs["phone"], "555 010 3000")
    qtbot.keyClick(dialog.form.inputs["phone"], Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert [o.name for o in offices.list_offices(desk)] == ["Lakeside", "Northside"]
    assert page.table.item(1, 0).text() == "Northside" and page.selected_id() == dialog.saved.id


def test_an_office_without_a_name_is_refused_at_the_field(
    qtbot: QtBot, window: SettingsWindow, desk: Desk
) -> None:
    page = window.show_page("offices")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(page)
    qtbot.keyClick(dialog.form.inputs["name"], Qt.Key.Key_Return)
    assert dialog.isVisible()
    error = dialog.form.errors["name"]
    assert error.isVisible() and error.text() == "The office's name is needed."
    qtbot.waitUntil(dialog.form.inputs["name"].hasFocus)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and len(offices.list_offices(desk)) == 1


def test_add_staff_and_deactivate(qtbot: QtBot, window: SettingsWindow, desk: Desk) -> None:
    page = window.show_page("staff")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(page)
    _type_into(qtbot, dialog.form.inputs["name"], "Sam Okafor")
    role = dialog.form.inputs["role"]
    role.setCurrentIndex(role.findData("admin"))
    _type_into(qtbot, dialog.form.inputs["email"], "sam@lakeside.example")
    qtbot.keyClick(dialog.form.inputs["email"], Qt.Key.Key_Return)
    sam = staff.find_staff(desk, "Sam Okafor")
    assert sam.role.value == "admin" and sam.email == "sam@lakeside.example"
    assert page.selected_id() == sam.id and page.remove_button.text() == "&Deactivate"
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert desk.practices.staff_member(sam.id).active is False
    assert page.remove_button.text() == "&Activate"
    assert "Inactive" in [page.table.item(r, 4).text() for r in range(page.table.rowCount())]


def test_change_a_fee(qtbot: QtBot, window: SettingsWindow, desk: Desk) -> None:
    page = window.show_page("fees")
    braces = fees.find_fee(desk, "Metal braces")
    page.select(braces.id)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(page)
    assert dialog.form.inputs["fee"].text() == "5600.00"
    _type_into(qtbot, dialog.form.inputs["fee"], "-1")
    qtbot.keyClick(dialog.form.inputs["fee"], Qt.Key.Key_Return)
    assert dialog.form.errors["fee"].text() == "The fee cannot be negative."
    assert fees.find_fee(desk, "Metal braces").fee_cents == 560_000
    _type_into(qtbot, dialog.form.inputs["fee"], "5,950")
    qtbot.keyClick(dialog.form.inputs["fee"], Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert fees.find_fee(desk, "Metal braces").fee_cents == 595_000
    row = [page.table.item(r, 0).text() for r in range(page.table.rowCount())].index("Metal braces")
    assert page.table.item(row, 2).text() == "$5,950.00"


def test_change_the_money_rules(qtbot: QtBot, window: SettingsWindow, desk: Desk) -> None:
    page = window.show_page("money")
    pif = page.form.inputs["pif_discount_pct"]
    _type_into(qtbot, pif, "150")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.form.errors["pif_discount_pct"].text() == (
        "The pay-in-full discount must be between 0% and 100%."
    )
    qtbot.waitUntil(pif.hasFocus)
    assert money_rules.current_policy(desk).pif_discount_pct == Decimal("5")
    _type_into(qtbot, pif, "3")
    _type_into(qtbot, page.form.inputs["late_fee"], "40")
    qtbot.keyClick(page.form.inputs["late_fee"], Qt.Key.Key_Return)  # Enter saves this page
    policy = money_rules.current_policy(desk)
    assert policy.pif_discount_pct == Decimal("3") and policy.late_fee_cents == 4_000
    assert not page.form.errors["pif_discount_pct"].isVisible()
    assert page.status.text() == "Saved. New quotes use these rules."


def test_edit_the_terms_see_the_preview_and_a_broken_template_refused(
    qtbot: QtBot, window: SettingsWindow, desk: Desk
) -> None:
    page = window.show_page("terms")
    assert "Terms and conditions" in page.preview.toPlainText()
    page.editor.setFocus()
    page.editor.moveCursor(QTextCursor.MoveOperation.End)
    with qtbot.waitSignal(page.previewed, timeout=3000):
        qtbot.keyClick(page.editor, Qt.Key.Key_Return)
        qtbot.keyClick(page.editor, Qt.Key.Key_Return)
        qtbot.keyClicks(page.editor, "Families of {{ practice_name }} may call us.")
    assert "Families of Lakeside Orthodontics may call us." in page.preview.toPlainText()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert desk.practice().agreement_terms.endswith("Families of {{ practice_name }} may call us.")
    saved = desk.practice().agreement_terms

    page.editor.moveCursor(QTextCursor.MoveOperation.End)
    with qtbot.waitSignal(page.previewed, timeout=3000):
        qtbot.keyClicks(page.editor, " {{ practise_name }}")
    assert (
        "does not render" in page.status.text()
        and "'practise_name' is undefined" in page.status.text()
    )
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.status.text().startswith("Not saved: Template error in the terms template, line")
    assert page.status.property("role") == "error"
    assert desk.practice().agreement_terms == saved

    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    assert desk.practice().agreement_terms == ""
    assert "Families of" not in page.editor.toPlainText()


def test_the_main_window_opens_settings_and_shows_the_new_name_and_colour(
    qtbot: QtBot, desk: Desk
) -> None:
    main = MainWindow(desk, date(2026, 11, 27), on_present=lambda _consult: None)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    qtbot.keyClick(main, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    settings = main.settings_window
    assert settings is not None and settings.isVisible()
    page = settings.show_page("practice")
    _type_into(qtbot, page.form.inputs["name"], "Lakeside Family Orthodontics")
    _type_into(qtbot, page.form.inputs["brand_color"], "#2A6F3B")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert main.windowTitle() == "tcdesk — Lakeside Family Orthodontics"
    assert "#2A6F3B" in QApplication.instance().styleSheet()
    settings.close()
    qtbot.mouseClick(main.settings_button, Qt.MouseButton.LeftButton)
    assert main.settings_window.isVisible()


def _answer_yes(qtbot: QtBot) -> None:
    """Press Yes on the question box once it is up (it is modal)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    def press() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(QMessageBox.StandardButton.Yes).click()
        else:
            QTimer.singleShot(20, press)

    QTimer.singleShot(20, press)


def test_remove_a_satellite_but_not_the_main_office(
    qtbot: QtBot, window: SettingsWindow, desk: Desk
) -> None:
    north = offices.add_office(desk, {"name": "Northside"})
    page = window.show_page("offices")
    page.refresh(select=north.id)
    _answer_yes(qtbot)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert [o.name for o in offices.list_offices(desk)] == ["Lakeside"]
    assert page.table.rowCount() == 1
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)  # the main office
    assert page.problem.isVisible()
    assert page.problem.text() == (
        "Lakeside is the main office; make another office the main one first."
    )
    assert len(offices.list_offices(desk)) == 1


def test_import_a_logo_and_refuse_a_file_that_is_not_a_picture(
    qtbot: QtBot, window: SettingsWindow, desk: Desk, tmp_path: Path
) -> None:
    from PIL import Image

    page = window.show_page("practice")
    assert page.logo.text() == "No logo"
    fake = tmp_path / "logo.png"
    fake.write_text("not a picture", encoding="utf-8")
    assert page.import_logo(fake) is False
    assert page.status.property("role") == "error" and "logo.png" in page.status.text()
    assert desk.practice().logo_path == ""
    real = tmp_path / "real.png"
    Image.new("RGB", (300, 100), (31, 111, 139)).save(real)
    assert page.import_logo(real) is True
    assert desk.practice().logo_path.startswith("media:")
    assert page.logo.pixmap() is not None and not page.logo.pixmap().isNull()


def test_the_only_doctor_is_not_deactivated(
    qtbot: QtBot, window: SettingsWindow, desk: Desk
) -> None:
    page = window.show_page("staff")
    lee = staff.find_staff(desk, "Dr. Lee")
    page.select(lee.id)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert page.problem.isVisible()
    assert page.problem.text() == (
        "Dr. Lee is the only active doctor; add another doctor before deactivating them."
    )
    assert desk.practices.staff_member(lee.id).active is True


def test_the_only_doctors_role_is_refused_at_the_role_field(
    qtbot: QtBot, window: SettingsWindow, desk: Desk
) -> None:
    page = window.show_page("staff")
    lee = staff.find_staff(desk, "Dr. Lee")
    page.select(lee.id)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(page)
    role = dialog.form.inputs["role"]
    role.setCurrentIndex(role.findData("admin"))
    qtbot.keyClick(dialog.form.inputs["name"], Qt.Key.Key_Return)
    assert "only active doctor" in dialog.form.errors["role"].text()
    assert staff.find_staff(desk, "Dr. Lee").role.value == "doctor"


def test_the_terms_figures_are_money_rules_the_terms_page_shows(
    qtbot: QtBot, window: SettingsWindow, desk: Desk
) -> None:
    terms_page = window.show_page("terms")
    help_text = terms_page.help.text()
    assert "{{" in help_text and "fill in each family's own figures" in help_text
    assert "Money rules" in help_text and "assets" not in help_text
    shown = terms_page.findChildren(QLabel)
    assert not any("assets/" in label.text() for label in shown if label.isVisible())
    assert "{% set" not in terms_page.editor.toPlainText()
    assert "$150.00 for each extra month" in terms_page.preview.toPlainText()

    money = window.show_page("money")
    _type_into(qtbot, money.form.inputs["extra_month_fee"], "175")
    _type_into(qtbot, money.form.inputs["default_after_days"], "0")
    qtbot.mouseClick(money.save_button, Qt.MouseButton.LeftButton)
    assert money.form.errors["default_after_days"].text().startswith("The in default after")
    assert money_rules.current_policy(desk).extra_month_fee_cents == 15_000  # all or nothing
    _type_into(qtbot, money.form.inputs["default_after_days"], "90")
    qtbot.keyClick(money.form.inputs["default_after_days"], Qt.Key.Key_Return)
    policy = money_rules.current_policy(desk)
    assert (policy.extra_month_fee_cents, policy.default_after_days) == (17_500, 90)

    terms_page = window.show_page("terms")
    preview = terms_page.preview.toPlainText()
    assert "$175.00 for each extra month" in preview and "more than 90 days past due" in preview


def test_keep_original_photos_is_a_switch_on_the_practice_page(
    qtbot: QtBot, window: SettingsWindow, desk: Desk
) -> None:
    page = window.show_page("practice")
    box = page.form.inputs["keep_original_photos"]
    assert isinstance(box, QCheckBox) and not box.isChecked()
    assert "4K" in box.toolTip()  # what "off" means, where the TC sees the switch
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == "Saved."
    assert desk.practice().keep_original_photos is True
    page.load()
    assert box.isChecked()
