"""Settings > Targets, driven from the keyboard: saved, refused at the field, admins only."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from tcdesk.services.desk import Desk
from tcdesk.services.sign_in import is_admin
from tcdesk.ui.settings.settings_window import SettingsWindow
from tests.intake_practice import practice


@pytest.fixture
def desk(empty_store: Path) -> Iterator[Desk]:
    desk = practice(empty_store)
    yield desk
    desk.close()


def _page(qtbot: QtBot, desk: Desk):
    window = SettingsWindow(desk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window, window.show_page("targets")


def _type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def test_change_the_targets_and_press_enter(qtbot: QtBot, desk: Desk) -> None:
    _window, page = _page(qtbot, desk)
    _type_into(qtbot, page.form.inputs["target_acceptance_pct"], "78")
    _type_into(qtbot, page.form.inputs["target_follow_up_business_days"], "1")
    qtbot.keyClick(page.form.inputs["target_follow_up_business_days"], Qt.Key.Key_Return)
    assert desk.practice().target_acceptance_pct == Decimal("78")
    assert desk.practice().target_follow_up_business_days == 1
    assert page.status.text().startswith("Saved.")


def test_a_wrong_value_is_shown_under_its_field(qtbot: QtBot, desk: Desk) -> None:
    _window, page = _page(qtbot, desk)
    field = page.form.inputs["target_same_day_pct"]
    _type_into(qtbot, field, "120")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    error = page.form.errors["target_same_day_pct"]
    assert error.isVisible() and error.text() == "The same-day target must be between 0% and 100%."
    qtbot.waitUntil(field.hasFocus)
    assert desk.practice().target_same_day_pct == Decimal("35")


def test_someone_not_an_admin_sees_but_cannot_change(qtbot: QtBot, desk: Desk) -> None:
    staff = desk.practices.staff(desk.practice().id)
    desk.signed_in_id = next(s for s in staff if not is_admin(s)).id
    _window, page = _page(qtbot, desk)
    assert page.form.inputs["target_acceptance_pct"].text() == "75"
    assert not page.form.inputs["target_acceptance_pct"].isEnabled()
    assert not page.save_button.isEnabled()
    assert page.status.text() == "Only an admin can change the targets."
