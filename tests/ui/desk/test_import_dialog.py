"""The import dialog driven like a coordinator would: pick, see the mapping, preview, import."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tcdesk.services.desk import Desk
from tcdesk.ui.desk.import_dialog import DONE_PAGE, FILE_PAGE, PREVIEW_PAGE, ImportDialog
from tcdesk.ui.desk.import_mapping import NOT_IN_FILE
from tcdesk.ui.main_window import MainWindow
from tests.conftest import DEMO_DAY, FIXED_NOW
from tests.services.importer.import_files import backups, csv_file, set_up

HEADER = "Chart Number,First Name,Last Name,DOB,Cell,Email,Lead Source,Parent,Relationship"
ROWS = (
    "C1,José,Peña,03/04/2012,503.555.0101,jose@example.com,Referral - Dr,María Peña,Mother",
    "C2,Ann,Lee,07/21/1990,5035550102,ann@example.com,Facebook,,",
    "C3,Kid,Alone,01/02/2015,,,,,",
    "C4,Bad,Email,01/02/1990,,bad@,,,",
)


@pytest.fixture
def desk(empty_store: Path) -> Desk:
    set_up(empty_store)
    opened = Desk.open(empty_store, clock=lambda: FIXED_NOW)
    yield opened
    opened.close()


def _dialog(qtbot: QtBot, desk: Desk) -> ImportDialog:
    dialog = ImportDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _type_path(qtbot: QtBot, dialog: ImportDialog, path: Path) -> None:
    dialog.path_edit.setFocus()
    qtbot.keyClicks(dialog.path_edit, str(path))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)


def test_pick_map_preview_and_import(qtbot: QtBot, desk: Desk, tmp_path: Path) -> None:
    path = csv_file(tmp_path, HEADER, *ROWS, encoding="cp1252")
    dialog = _dialog(qtbot, desk)
    _type_path(qtbot, dialog, path)
    assert "read as Windows-1252" in dialog.detected.text()
    assert "MM/DD/YYYY" in dialog.detected.text()
    combos = dialog.mapping.combos
    assert combos["first_name"].currentText() == "First Name"
    assert combos["birth_date"].currentText() == "DOB"
    assert combos["external_id"].currentText() == "Chart Number"
    assert combos["phone"].currentText() == "Cell"
    assert combos["guardian_name"].currentText() == "Parent"  # recognised alias
    assert combos["referrer"].currentText() == NOT_IN_FILE

    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == PREVIEW_PAGE
    preview = dialog.preview_widget
    assert preview.summary.text().startswith("2 patients will be imported")
    assert "2 rows cannot be imported" in preview.summary.text()
    table = preview.rows
    assert table.rowCount() == 4
    assert [table.item(0, c).text() for c in (0, 1, 2, 4)] == [
        "2", "Will import", "José Peña", "(503) 555-0101",
    ]  # fmt: skip
    assert table.item(0, 7).text() == "María Peña (mother)"
    assert table.item(2, 1).text() == "Not imported"
    assert "under 18" in table.item(2, 3).text() and table.columnSpan(2, 3) == 5
    problems = preview.problems
    assert [problems.item(r, 0).text() for r in range(problems.rowCount())] == ["4", "5"]
    assert "under 18" in problems.item(0, 1).text()
    assert dialog.import_button.text() == "&Import 2 patients"

    with qtbot.waitSignal(dialog.imported, timeout=10_000) as imported:
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # Import is the default button
    result = imported.args[0]
    assert (result.imported, result.duplicates, len(result.invalid)) == (2, 0, 2)
    qtbot.waitUntil(lambda: dialog.close_button.isEnabled(), timeout=5000)
    assert dialog.pages.currentIndex() == DONE_PAGE
    assert dialog.done_text.text().startswith("Imported 2 patients · 0 already on file")
    assert "2 rows not imported" in dialog.done_text.text()
    assert str(backups(desk.path)[0]) in dialog.backup_text.text()
    assert dialog.done_problems.isVisible() and dialog.done_problems.rowCount() == 2
    assert {e.patient.legal_first for e in desk.patients.list()} == {"José", "Ann"}


def test_a_column_mapped_by_hand(qtbot: QtBot, desk: Desk, tmp_path: Path) -> None:
    path = csv_file(tmp_path, "Given,Family,Born On,Guardian", "Lucía,Núñez,2013-04-05,Rosa")
    dialog = _dialog(qtbot, desk)
    dialog.set_path(path)
    assert dialog.mapping.combos["first_name"].currentText() == NOT_IN_FILE
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == FILE_PAGE  # first name, last name, birth date missing
    assert dialog.mapping._errors["first_name"].isVisible()
    assert dialog.focusWidget() is dialog.mapping.combos["first_name"]
    chosen = {"first_name": "Given", "last_name": "Family", "birth_date": "Born On"}
    for key, header in chosen.items():
        dialog.mapping.choose(key, header)
    assert "YYYY-MM-DD" in dialog.detected.text()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == PREVIEW_PAGE
    assert dialog.preview_widget.rows.item(0, 2).text() == "Lucía Núñez"
    assert dialog.preview_widget.rows.item(0, 7).text() == "Rosa (guardian)"


def test_a_file_that_is_not_csv_is_refused_at_the_field(
    qtbot: QtBot, desk: Desk, tmp_path: Path
) -> None:
    path = tmp_path / "report.csv"
    path.write_bytes(b"%PDF-1.7\n1 0 obj\n")
    dialog = _dialog(qtbot, desk)
    _type_path(qtbot, dialog, path)
    assert dialog.file_error.isVisible()
    assert "not a CSV file: it is a PDF" in dialog.file_error.text()
    assert not dialog.preview_button.isEnabled()
    assert dialog.focusWidget() is dialog.path_edit
    assert desk.patients.count() == 0


def test_a_day_first_file_is_refused_before_the_preview(
    qtbot: QtBot, desk: Desk, tmp_path: Path
) -> None:
    path = csv_file(tmp_path, "first_name,last_name,dob,guardian_name", "Mia,Chen,23/04/2012,Li")
    dialog = _dialog(qtbot, desk)
    dialog.set_path(path)
    assert "day first" in dialog.detected.text()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == FILE_PAGE
    assert "day first" in dialog.file_error.text() and dialog.file_error.isVisible()


def test_main_window_opens_the_import_and_lists_the_new_families(
    qtbot: QtBot, desk: Desk, tmp_path: Path
) -> None:
    window = MainWindow(desk, DEMO_DAY, on_present=lambda _cid: None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.model.rowCount() == 0
    window.import_action.trigger()
    dialog = window.practice_actions.import_dialog
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    dialog.set_path(csv_file(tmp_path, HEADER, *ROWS))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=5000)
    assert not window.today_button.isChecked()
    qtbot.waitUntil(lambda: dialog.close_button.isEnabled(), timeout=5000)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
