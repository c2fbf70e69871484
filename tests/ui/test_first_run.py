"""An empty practice file offers the demo or setting up the practice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from tcdesk.ui.first_run import FirstRunChoice, FirstRunDialog, PracticeSetupDialog


def test_first_run_offers_demo_and_set_up(qtbot: QtBot) -> None:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    assert dialog.demo_button.text() == "Open the demo practice"
    assert dialog.setup_button.text() == "Set up my practice"
    dialog.demo_button.click()
    assert dialog.choice is FirstRunChoice.DEMO


def _create_practice(form: PracticeSetupDialog) -> None:
    """Press "Create practice", as the practice does."""
    buttons = form.findChild(QDialogButtonBox)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Create practice"
    ok.click()


def test_setup_form_shows_the_problem_at_the_field(qtbot: QtBot) -> None:
    form = PracticeSetupDialog()
    qtbot.addWidget(form)
    form.edits["practice_name"].setText("Lakeside Orthodontics")
    _create_practice(form)
    assert form.setup is None and form.result() != QDialog.DialogCode.Accepted
    assert form.edits["office_name"].property("invalid") is True
    assert "main office" in form.error_label.text()
    for key, value in (
        ("office_name", "Lakeside"),
        ("coordinator_name", "Ana"),
        ("doctor_name", "Dr. Lee"),
    ):
        form.edits[key].setText(value)
    _create_practice(form)
    assert form.setup is None and form.edits["pin"].property("invalid") is True
    assert "Choose a PIN" in form.error_label.text()
    form.edits["pin"].setText("24")
    _create_practice(form)
    assert form.setup is None and "this one has 2" in form.error_label.text()
    form.edits["pin"].setText("2468")
    _create_practice(form)
    assert form.setup is not None and form.setup.pin == "2468"
    assert form.setup is not None and form.setup.practice_name == "Lakeside Orthodontics"
    assert form.result() == QDialog.DialogCode.Accepted


def test_opening_the_demo_builds_it_in_its_own_file(qtbot: QtBot, tmp_path: Path) -> None:
    from tcdesk.ui.app import demo_store_path, open_demo

    desk = open_demo()
    try:
        assert desk.path == demo_store_path()
        assert desk.practice().name == "Bright Smiles Orthodontics"
        assert desk.patients.count() >= 40
    finally:
        desk.close()
