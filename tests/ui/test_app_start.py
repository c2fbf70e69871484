"""The app shows the desk first; the presentation's flows are loaded and checked after."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from tcdesk.services.machine_settings import MachineSettingsStore


def test_the_desk_is_built_before_the_flows_are_checked(
    qtbot: QtBot, demo_desk, tmp_path: Path
) -> None:
    from tcdesk.ui.app import Application

    app = Application(demo_desk, MachineSettingsStore(tmp_path / "machine.json"))
    qtbot.addWidget(app.main_window)
    try:
        assert app._kit is None  # the window exists; no flow has been read yet
        app.load_kit()  # what run_app schedules right after the window shows
        assert app.kit.flows and not app.kit.flow_errors
        assert app.kit is app.kit  # loaded once
    finally:
        app.room_screen.close()
