"""A consult presented on real windows: the demo's 09:00 teen consult."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import DEMO_DAY

TEEN_CONSULT = "3bf25559-c9cf-559c-9639-5da37ae56471"


@pytest.fixture(scope="session")
def kit():
    from tcdesk.services.consult_room import PresentationKit

    return PresentationKit.load()


@pytest.fixture
def screens(tmp_path: Path):
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.ui.presentation.screens import ScreenChooser

    return ScreenChooser(MachineSettingsStore(tmp_path / "machine.json"))


@pytest.fixture
def make_controller(qtbot: QtBot, demo_desk, kit, screens):
    from tcdesk.services.consult_room import ConsultRoom
    from tcdesk.ui.presentation.controller import PresentationController

    made = []

    def make(consult_id: str = TEEN_CONSULT, *, single_screen: bool | None = None):
        room = ConsultRoom(demo_desk, consult_id, kit)
        controller = PresentationController(room, screens, DEMO_DAY, single_screen=single_screen)
        controller.show()
        for window in controller.windows():
            qtbot.waitExposed(window)
        made.append(controller)
        return controller

    yield make
    for controller in made:
        controller.end()


@pytest.fixture
def controller(make_controller) -> Iterator:
    yield make_controller()


@pytest.fixture
def app_controller(qtbot: QtBot, demo_desk, kit, tmp_path: Path) -> Iterator:
    """The teen consult presented from a running app, wired as the desk wires it
    (agreement, take-home summary, room screen), as the desk's Present button does."""
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.ui.app import Application
    from tcdesk.ui.presentation.launcher import start_presentation

    app = Application(demo_desk, MachineSettingsStore(tmp_path / "machine.json"), kit)
    qtbot.addWidget(app.main_window)
    controller = start_presentation(app, TEEN_CONSULT)
    assert controller is not None
    app.presentation = controller
    yield controller
    controller.end()


@pytest.fixture(autouse=True)
def _no_room_screen_left_up() -> Iterator[None]:
    """An app's room screen stays up on its idle welcome after a consult; take it down
    after each test so that it cannot stand in front of the next test's windows."""
    yield
    from PySide6.QtWidgets import QApplication

    from tcdesk.ui.presentation.patient_display import PatientDisplay

    if QApplication.instance() is None:
        return
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, PatientDisplay) and widget.isVisible():
            widget.hide()
