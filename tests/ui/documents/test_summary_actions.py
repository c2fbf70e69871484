"""The take-home summary from the console, when there is nothing to summarise yet."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tcdesk.services.consult_room import PresentationKit
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.services.walk_in import on_duty, start_walk_in
from tcdesk.ui.app import Application
from tcdesk.ui.presentation.launcher import start_presentation
from tcdesk.ui.presentation.patient_display import PatientDisplay
from tests.conftest import FIXED_NOW


def test_a_walk_in_with_an_empty_record_gets_a_calm_notice_and_no_pdf(
    qtbot: QtBot, demo_desk, tmp_path: Path
) -> None:
    duty = on_duty(demo_desk)
    walk_in = start_walk_in(
        demo_desk, "Sam Quill", "(503) 555-0142", duty.office.id, duty.coordinator.id,
        duty.doctor.id, FIXED_NOW,
    )  # fmt: skip
    app = Application(
        demo_desk, MachineSettingsStore(tmp_path / "machine.json"), PresentationKit.load()
    )
    qtbot.addWidget(app.main_window)
    controller = start_presentation(app, walk_in.consult.id)
    assert controller is not None
    app.presentation = controller
    try:
        qtbot.mouseClick(controller.panel.summary_button, Qt.MouseButton.LeftButton)
        notice = controller.panel.notice.text()
        assert notice == (
            "Nothing to summarise yet: this consult's record has no findings and no "
            "treatment options; add them to the record first."
        )  # one calm sentence, not "could not be made" / "Problem"
        job = controller.summary_job
        assert job.preview is None and job.path is None
    finally:
        controller.end()
        for widget in QApplication.topLevelWidgets():  # the room screen's idle welcome
            if isinstance(widget, PatientDisplay) and widget.isVisible():
                widget.hide()
