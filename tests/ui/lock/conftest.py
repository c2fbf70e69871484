"""The demo practice's people with their README PINs, and a running app to lock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tcdesk.services import sign_in

ALVAREZ = "Jessica Alvarez"  # PIN 3333 (README)
BROOKS = "Tamika Brooks"  # PIN 4444


def person(desk, name: str) -> str:
    return next(p.id for p in sign_in.people(desk) if p.name == name)


@pytest.fixture(scope="session")
def kit():
    from tcdesk.services.consult_room import PresentationKit

    return PresentationKit.load()


@pytest.fixture
def signed_in_app(qtbot: QtBot, demo_desk, kit, tmp_path: Path) -> Iterator:
    """The app on the demo practice with Jessica Alvarez signed in, the desk showing."""
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.ui.app import Application

    sign_in.sign_in(demo_desk, person(demo_desk, ALVAREZ), "3333")
    app = Application(demo_desk, MachineSettingsStore(tmp_path / "machine.json"), kit)
    qtbot.addWidget(app.main_window)
    app.main_window.show()
    qtbot.waitExposed(app.main_window)
    yield app
    app.lock.stop()
    if app.lock.window is not None:
        app.lock.window.allow_close()
        app.lock.window.close()
    if app.presentation is not None:
        app.presentation.end()
    app.room_screen.close()
