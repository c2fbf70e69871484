"""Starting a solo practice consult from the app: the training file, the dialog, the consult."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tcdesk.services.training.file_name import training_path
from tcdesk.ui.training.solo_start import SoloStartDialog, coordinators, start_solo, who
from tests.training_seed import DOCTOR, JESSICA, KELSEY, open_app, staff_id


def test_the_dialog_offers_each_family_and_the_signed_in_coordinator(
    qtbot: QtBot, training, personas
) -> None:
    kelsey = staff_id(training, KELSEY)
    dialog = SoloStartDialog(list(personas.values()), coordinators(training), kelsey)
    qtbot.addWidget(dialog)
    assert dialog.personas.count() == len(personas)
    assert dialog.coordinator.currentData() == kelsey
    names = [dialog.coordinator.itemText(i) for i in range(dialog.coordinator.count())]
    assert DOCTOR not in names and JESSICA in names
    dialog.choose("ethan_parents_disagree")
    dialog.prepared["doctor_briefed"].setChecked(True)
    with qtbot.waitSignal(dialog.chosen) as chosen:
        dialog.try_accept()
    persona, staff, prepared = chosen.args
    assert (persona.key, staff, prepared) == ("ethan_parents_disagree", kelsey, ("doctor_briefed",))
    assert who(persona) == (
        "Ethan (patient), Karen (mother), Mike (father): Karen and Mike decide, Mike pays"
    )


_app = open_app


def test_without_a_training_file_it_offers_to_make_one_then_starts(
    qtbot: QtBot, practice_and_training, kit, tmp_path: Path, monkeypatch
) -> None:
    practice, training_file = practice_and_training
    training_file.unlink()
    app = _app(qtbot, practice, kit, tmp_path)
    consults_before = len(app.desk.consults.all())
    asked: list[str] = []

    def yes(_parent, title, _text, *args, **kwargs):
        asked.append(title)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    dialog = start_solo(app.main_window, app.desk, app)
    assert dialog is not None and asked == ["Make the training file?"]
    assert training_path(practice).exists()
    qtbot.addWidget(dialog)
    dialog.choose("maya_teen_cost")
    dialog.try_accept()
    practice_run = dialog.practice
    assert practice_run is not None
    try:
        assert app.presentation is practice_run.controller
        assert not app.main_window.isVisible()
        assert practice_run.controller.room.desk.path == training_path(practice)
        assert len(app.desk.consults.all()) == consults_before  # the practice's: untouched
    finally:
        practice_run.controller.leave_for_later()
    assert app.presentation is None
    app.desk.close()


def test_declining_to_make_the_training_file_changes_nothing(
    qtbot: QtBot, practice_and_training, kit, tmp_path: Path, monkeypatch
) -> None:
    practice, training_file = practice_and_training
    training_file.unlink()
    app = _app(qtbot, practice, kit, tmp_path)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert start_solo(app.main_window, app.desk, app) is None
    assert not training_file.exists()
    app.desk.close()


def test_a_dialog_with_no_family_chosen_says_so(qtbot: QtBot, training) -> None:
    dialog = SoloStartDialog([], coordinators(training), None)
    qtbot.addWidget(dialog)
    dialog.try_accept()
    assert dialog.error.text() == "Choose the family to practise with."
    assert dialog.isVisible() or not dialog.result()  # not accepted
