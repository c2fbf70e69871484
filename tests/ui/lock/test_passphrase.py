"""An encrypted practice from the set-up form to the next launch's passphrase window.

Real windows driven by keys: the set-up form with "Encrypt" ticked, then
``open_for_gui`` (what ``run_app`` calls) asking for the passphrase, refusing
a wrong one in place and opening with the right one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from tcdesk.services.desk import Desk
from tcdesk.services.practice_file import is_encrypted, use_passphrase
from tcdesk.ui.first_run import FirstRunDialog, PracticeSetupDialog
from tcdesk.ui.lock.passphrase_dialog import WRONG, PassphraseDialog
from tcdesk.ui.single_instance import claim_or_hand_over
from tcdesk.ui.store_opening import open_for_gui
from tests.ui.test_first_morning import type_over, when_modal

PASSPHRASE = "lakeside blue harbour"


def _fill_set_up(qtbot: QtBot, form: PracticeSetupDialog, passphrase: str, again: str) -> None:
    for key, text in (
        ("practice_name", "Lakeside Orthodontics"),
        ("office_name", "Lakeside"),
        ("coordinator_name", "Ana Torres"),
        ("doctor_name", "Dr. Priya Lee"),
        ("pin", "2468"),
    ):
        type_over(qtbot, form.findChild(QLineEdit, key), text)
    box = form.findChild(QCheckBox, "encrypt")
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked()
    type_over(qtbot, form.findChild(QLineEdit, "passphrase"), passphrase)
    type_over(qtbot, form.findChild(QLineEdit, "passphraseAgain"), again)
    qtbot.keyClick(form.findChild(QLineEdit, "passphraseAgain"), Qt.Key.Key_Return)


def test_the_set_up_form_checks_the_passphrase_at_the_field(qtbot: QtBot) -> None:
    form = PracticeSetupDialog()
    qtbot.addWidget(form)
    form.show()  # Enter presses the default button of a dialog on screen
    _fill_set_up(qtbot, form, "short", "short")
    assert form.setup is None and "too short" in form.error_label.text()
    assert form.findChild(QLineEdit, "passphrase").property("invalid") is True
    type_over(qtbot, form.findChild(QLineEdit, "passphrase"), PASSPHRASE)
    type_over(qtbot, form.findChild(QLineEdit, "passphraseAgain"), PASSPHRASE + "x")
    qtbot.keyClick(form.findChild(QLineEdit, "passphraseAgain"), Qt.Key.Key_Return)
    assert form.setup is None and "not the same" in form.error_label.text()
    assert form.findChild(QLineEdit, "passphraseAgain").property("invalid") is True
    type_over(qtbot, form.findChild(QLineEdit, "passphraseAgain"), PASSPHRASE)
    qtbot.keyClick(form.findChild(QLineEdit, "passphraseAgain"), Qt.Key.Key_Return)
    assert form.setup is not None and form.passphrase == PASSPHRASE


def test_a_practice_set_up_encrypted_asks_for_its_passphrase_next_time(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tcdesk.ui.app import first_run

    monkeypatch.delenv("TCDESK_PASSPHRASE", raising=False)
    use_passphrase(None)
    path = tmp_path / "lakeside.sqlite3"
    claim = lambda p: claim_or_hand_over(p, lock_folder=tmp_path / "locks")  # noqa: E731

    def choose_set_up(dialog: FirstRunDialog) -> None:
        dialog.setup_button.click()

    when_modal(FirstRunDialog, choose_set_up)
    when_modal(PracticeSetupDialog, lambda form: _fill_set_up(qtbot, form, *[PASSPHRASE] * 2))
    opened = open_for_gui(path, first_run, claim=claim)
    assert opened.desk is not None and opened.desk.practice().name == "Lakeside Orthodontics"
    opened.release()
    opened.desk.close()
    assert is_encrypted(path) and b"Lakeside" not in path.read_bytes()

    use_passphrase(None)  # the next launch: the app knows nothing yet
    before = path.read_bytes()
    asked: list[bool] = []

    def type_passphrase(text: str):
        def act(dialog: PassphraseDialog) -> None:
            asked.append(dialog.error_label.text() == WRONG)
            if text == "not it at all":  # the next window comes up after this one closes
                when_modal(PassphraseDialog, type_passphrase(PASSPHRASE))
            type_over(qtbot, dialog.edit, text)
            qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)

        return act

    when_modal(PassphraseDialog, type_passphrase("not it at all"))
    opened = open_for_gui(path, lambda desk: None, claim=claim)
    try:
        assert asked == [False, True]  # asked, then told it was wrong and asked again
        assert opened.desk is not None and opened.desk.practice().name == "Lakeside Orthodontics"
    finally:
        opened.release()
        if opened.desk is not None:
            opened.desk.close()
    assert before[:16] == path.read_bytes()[:16]  # the same file (its salt), opened in place


def test_quitting_at_the_passphrase_opens_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TCDESK_PASSPHRASE", raising=False)
    use_passphrase(PASSPHRASE)
    path = tmp_path / "laptop.sqlite3"
    Desk.open(path).close()
    use_passphrase(None)
    before = path.read_bytes()

    def quit_(dialog: PassphraseDialog) -> None:
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Escape)

    when_modal(PassphraseDialog, quit_)
    opened = open_for_gui(
        path,
        lambda desk: None,
        claim=lambda p: claim_or_hand_over(p, lock_folder=tmp_path / "locks"),
    )
    assert opened.desk is None and opened.code == 0
    assert path.read_bytes() == before
    assert not path.with_name(path.name + "-wal").exists()
    assert list((tmp_path / "locks").iterdir()) == []


def test_the_passphrase_window_reads_and_refuses_an_empty_entry(qtbot: QtBot) -> None:
    dialog = PassphraseDialog(Path("practice.sqlite3"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Type the passphrase" in dialog.error_label.text()
    assert dialog.edit.echoMode() is QLineEdit.EchoMode.Password
