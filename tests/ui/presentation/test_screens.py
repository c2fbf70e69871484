"""The patient display on the room's monitor, under Xvfb with two monitors.

These run on the real X server that pytest-xvfb starts, split into STAFF
(1920x1080 at 0,0) and PATIENT (1280x800 at 1920,0) by tests/conftest.py.
"""

from __future__ import annotations

import os
import subprocess

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import PATIENT_MONITOR


@pytest.fixture(autouse=True)
def _needs_two_x_monitors(qapp) -> None:
    """Skip unless the app really runs on the two-monitor X server.

    Asked once the app exists: before that ``platformName()`` names the
    default plugin (xcb) even when QT_QPA_PLATFORM=offscreen will be used.
    """
    if QGuiApplication.platformName() != "xcb" or not os.environ.get("DISPLAY"):
        pytest.skip(f"needs the Xvfb two-monitor X server, not {QGuiApplication.platformName()}")


def _xrandr(*args: str) -> None:
    subprocess.run(["xrandr", "-d", os.environ["DISPLAY"], *args], check=True, capture_output=True)


def _patient_screen():
    return next((s for s in QGuiApplication.screens() if s.name() == "PATIENT"), None)


def test_two_monitors_are_seen(qapp) -> None:
    names = [s.name() for s in QGuiApplication.screens()]
    assert "STAFF" in names and "PATIENT" in names
    assert QGuiApplication.primaryScreen().name() == "STAFF"


def test_display_is_full_screen_on_exactly_the_second_monitor(qtbot: QtBot, controller) -> None:
    display = controller.display
    assert display is not None
    expected = QRect(1920, 0, 1280, 800)
    qtbot.waitUntil(lambda: display.geometry() == expected, timeout=3000)
    assert display.isFullScreen()
    assert display.windowHandle().screen().name() == "PATIENT"
    assert display.frameGeometry() == expected
    console = controller.console
    assert console.windowHandle().screen().name() == "STAFF"


def test_choice_is_remembered_by_screen_name(qtbot: QtBot, controller, screens, tmp_path) -> None:
    from tcdesk.services.machine_settings import MachineSettingsStore

    controller.place_display(_patient_screen())
    saved = MachineSettingsStore(tmp_path / "machine.json").load()  # as the next run reads it
    assert saved.patient_screen == "PATIENT"
    assert saved.patient_screen_geometry == "1920,0,1280,800"
    assert screens.choose().name() == "PATIENT"


def test_identify_labels_every_screen(qtbot: QtBot, controller) -> None:
    overlays = controller.identify()
    assert len(overlays) == len(QGuiApplication.screens())
    texts = " ".join(o.findChild(type(o.children()[0])).text() for o in overlays)
    assert "STAFF" in texts and "PATIENT" in texts


def test_unplugging_the_patient_screen_mid_consult(qtbot: QtBot, controller) -> None:
    controller.start()
    controller.jump(3)
    display = controller.display
    qtbot.waitUntil(lambda: display.geometry() == QRect(1920, 0, 1280, 800), timeout=3000)
    try:
        _xrandr("--delmonitor", "PATIENT")
        qtbot.waitUntil(lambda: _patient_screen() is None, timeout=5000)
        qtbot.waitUntil(lambda: not display.isVisible(), timeout=2000)
        qtbot.waitUntil(
            lambda: "disconnected" in controller.panel.screen_status.text(), timeout=3000
        )
        assert controller.room.session.position == 3  # the consult keeps its place
    finally:
        _xrandr("--setmonitor", "PATIENT", PATIENT_MONITOR, "none")
    qtbot.waitUntil(lambda: _patient_screen() is not None, timeout=5000)
    qtbot.waitUntil(controller.panel.use_screen_button.isVisible, timeout=3000)
    assert "PATIENT" in controller.panel.use_screen_button.text()
    controller.panel.use_screen_button.click()
    qtbot.waitUntil(
        lambda: display.isVisible() and display.geometry() == QRect(1920, 0, 1280, 800),
        timeout=3000,
    )
    assert display.view.slide() is controller.room.slides[2]


def test_one_monitor_folds_the_console_into_a_sidebar(qtbot: QtBot, make_controller) -> None:
    controller = make_controller(single_screen=True)
    stage = controller.stage
    assert stage is not None and controller.display is None
    assert stage.panel.isVisible()
    qtbot.keyClick(stage, Qt.Key.Key_F9)
    assert not stage.panel.isVisible()
    shown = [w for w in stage.findChildren(QWidget) if w.isVisible()]
    assert shown == [stage.view]
    qtbot.keyClick(stage, Qt.Key.Key_F9)
    assert stage.panel.isVisible()


def test_while_unplugged_the_live_thumbnail_shows_nothing(qtbot: QtBot, controller) -> None:
    controller.start()
    qtbot.waitUntil(lambda: controller.panel.live.slide() is not None)
    try:
        _xrandr("--delmonitor", "PATIENT")
        qtbot.waitUntil(lambda: not controller.display.isVisible(), timeout=5000)
        qtbot.waitUntil(lambda: controller.panel.live.slide() is None, timeout=3000)
    finally:
        _xrandr("--setmonitor", "PATIENT", PATIENT_MONITOR, "none")
    qtbot.waitUntil(lambda: _patient_screen() is not None, timeout=5000)


def test_signing_can_open_on_the_rooms_screen_with_the_slides_blacked_out(
    qtbot: QtBot, app_controller
) -> None:
    from tcdesk.ui.documents.agreement_preview import AgreementPreview

    controller = app_controller
    qtbot.waitUntil(
        lambda: controller.display.geometry() == QRect(1920, 0, 1280, 800), timeout=3000
    )
    controller.start()
    controller.payment.pick("standard")
    assert controller.payment.save() is not None
    controller.panel.agreement_button.click()
    preview = controller.console.findChild(AgreementPreview)
    qtbot.waitUntil(
        lambda: preview.page_count() >= 2 and preview.room_sign_button.isEnabled(),
        timeout=15_000,
    )
    assert preview.room_sign_button.isVisible()
    preview.room_sign_button.click()
    dialog = preview.signing_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    assert QRect(1920, 0, 1280, 800).contains(dialog.frameGeometry().center())
    assert controller.patient_view().blank() == "black"
    dialog.reject()
    preview.close()
