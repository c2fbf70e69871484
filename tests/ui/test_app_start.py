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


def test_the_room_screen_and_the_flows_come_after_the_first_paint(
    qtbot: QtBot, demo_desk, tmp_path: Path
) -> None:
    from tcdesk.ui.app import Application

    app = Application(demo_desk, MachineSettingsStore(tmp_path / "machine.json"))
    qtbot.addWidget(app.main_window)
    try:
        after = app.after_desk_shown()
        assert app._room_screen is None and app._kit is None  # built, not yet painted
        app.main_window.show()
        qtbot.waitUntil(lambda: after.done, timeout=10000)
        assert app._room_screen is not None and app._kit is not None
        assert app.resume_prompt is None  # nothing was cut short in the demo
        assert app.main_window.backups.job is not None  # the daily backup was started
        assert not app.main_window.sync.process.running()  # the demo never joined a sync
        qtbot.waitUntil(lambda: app.main_window.backups.job.isFinished(), timeout=10000)
    finally:
        app.room_screen.close()
