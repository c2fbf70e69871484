"""After a consult the room's monitor shows the practice's idle screen, not the desktop.

Under Xvfb with two monitors (tests/conftest.py): STAFF at 0,0 and PATIENT
(1280x800) at 1920,0. Runs through the app as a TC uses it: present from the
desk, end the consult, close the room screen from the desk.
"""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from tcdesk.render.slide import SlideKind
from tests.ui.presentation.conftest import TEEN_CONSULT

pytestmark = pytest.mark.skipif(
    QGuiApplication.platformName() not in ("", "xcb") or not os.environ.get("DISPLAY"),
    reason="needs the Xvfb two-monitor X server",
)

PATIENT_GEOMETRY = QRect(1920, 0, 1280, 800)
MING = "43a1ffcf-1ca7-520f-8480-b47bb4c1d0d1"
JOSE_LUIS = "c43928c2-3306-5520-a2fe-9532c46c9ae6"  # the family speaks Spanish


@pytest.fixture
def app(qtbot: QtBot, demo_desk, kit, tmp_path):
    from tcdesk.services.machine_settings import MachineSettingsStore
    from tcdesk.ui.app import Application

    application = Application(demo_desk, MachineSettingsStore(tmp_path / "machine.json"), kit)
    qtbot.addWidget(application.main_window)
    yield application
    if application.presentation is not None:
        application.presentation.end()
    application.room_screen.close()
    application.room_screen.display.deleteLater()


def _present(qtbot: QtBot, app, consult_id: str):
    app.present(consult_id)
    controller = app.presentation
    assert controller is not None
    qtbot.waitUntil(lambda: controller.display.geometry() == PATIENT_GEOMETRY, timeout=3000)
    controller.start()
    controller.jump(2)
    return controller


def _on_patient_screen(display) -> bool:
    handle = display.windowHandle()
    return (
        display.isVisible()
        and display.isFullScreen()
        and display.geometry() == PATIENT_GEOMETRY
        and handle is not None
        and handle.screen().name() == "PATIENT"
    )


def test_after_the_consult_the_room_screen_shows_the_practice(qtbot: QtBot, app) -> None:
    controller = _present(qtbot, app, TEEN_CONSULT)
    display = controller.display
    patient = controller.room.context["patient"]
    assert patient["full_name"] in display.view.slide().texts()  # a consult slide was up
    controller.end()
    assert app.presentation is None and not controller.console.isVisible()
    qtbot.waitUntil(lambda: _on_patient_screen(display), timeout=3000)
    slide = display.view.slide()
    assert slide is not None and slide.kind is SlideKind.WELCOME and display.view.blank() == ""
    texts = "\n".join(slide.texts())
    assert "Bright Smiles Orthodontics" in texts
    for name in (patient["full_name"], patient["first_name"], patient["last_name"]):
        assert name not in texts
    assert app.room_screen.is_idle()
    button = app.main_window.close_room_screen_button
    qtbot.waitUntil(lambda: app.main_window.isVisible() and button.isVisible())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not display.isVisible())
    assert not button.isVisible() and not app.room_screen.is_idle()


def test_after_a_spanish_consult_the_idle_screen_is_english(qtbot: QtBot, app) -> None:
    controller = _present(qtbot, app, JOSE_LUIS)
    display = controller.display
    assert controller.room.family_language == "es"
    assert controller.room.welcome.subtitle == "¡Qué gusto tenerlos aquí!"
    controller.end()
    qtbot.waitUntil(app.room_screen.is_idle)
    slide = display.view.slide()
    assert slide.kind is SlideKind.WELCOME
    assert slide.subtitle == "We're so glad you're here."


def test_the_next_consult_reuses_the_room_screen(qtbot: QtBot, app) -> None:
    first = _present(qtbot, app, TEEN_CONSULT)
    display = first.display
    first.end()
    qtbot.waitUntil(app.room_screen.is_idle)
    second = _present(qtbot, app, MING)
    assert second.display is display and not app.room_screen.is_idle()
    assert not app.main_window.close_room_screen_button.isVisible()
    assert second.room.patient_name in display.view.slide().texts()
    second.end()
    qtbot.waitUntil(lambda: _on_patient_screen(display))
    assert display.view.slide().kind is SlideKind.WELCOME


def test_blanked_at_the_end_the_idle_screen_still_comes_up(qtbot: QtBot, app) -> None:
    controller = _present(qtbot, app, TEEN_CONSULT)
    controller.room.session.toggle_black()
    controller.refresh()
    controller.end()
    qtbot.waitUntil(app.room_screen.is_idle)
    assert controller.display.view.blank() == ""
    assert controller.display.view.slide().kind is SlideKind.WELCOME


def test_closing_the_desk_closes_the_room_screen(qtbot: QtBot, app) -> None:
    controller = _present(qtbot, app, TEEN_CONSULT)
    display = controller.display
    controller.end()
    qtbot.waitUntil(lambda: _on_patient_screen(display))
    assert not display.testAttribute(Qt.WidgetAttribute.WA_QuitOnClose)
    app.main_window.close()
    qtbot.waitUntil(lambda: not display.isVisible())
    assert not app.room_screen.is_idle()


def test_without_the_app_the_consults_own_display_closes_with_it(
    qtbot: QtBot, make_controller
) -> None:
    controller = make_controller()
    display = controller.display
    controller.end()
    qtbot.waitUntil(lambda: not display.isVisible())
