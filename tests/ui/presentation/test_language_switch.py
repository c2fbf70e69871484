"""The TC switches the family's screen to Spanish and back, live, with L or the
console's button: the screen follows at once, per step, and the console stays English."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

Key = Qt.Key


def _shown_title(controller) -> str:
    slide = controller.patient_view().slide()
    return slide.title if slide else ""


def test_l_switches_a_live_consult_to_spanish_and_back(qtbot: QtBot, controller) -> None:
    room = controller.room
    english, spanish = room.deck_in("en"), room.deck_in("es")
    assert room.family_language == "en" and room.slides == english
    controller.start()
    qtbot.keyClick(controller.display, Key.Key_Right)  # "What you told us"
    assert _shown_title(controller) == english[1].title == "What you told us"

    qtbot.keyClick(controller.console, Key.Key_L)
    assert _shown_title(controller) == spanish[1].title == "Lo que nos contó"  # at once
    qtbot.waitUntil(lambda: "Español" in controller.panel.language_button.text())
    assert controller.panel.start_button.text() == "Start presentation"  # the TC's words
    qtbot.keyClick(controller.display, Key.Key_Right)
    assert _shown_title(controller) == spanish[2].title  # the steps after follow
    qtbot.keyClick(controller.display, Key.Key_Home)
    assert _shown_title(controller) == english[0].title  # the one before keeps English

    qtbot.keyClick(controller.display, Key.Key_End)
    controller.panel.language_button.click()  # the console's toggle: back to English
    assert _shown_title(controller) == english[-1].title
    qtbot.waitUntil(lambda: "English" in controller.panel.language_button.text())
    qtbot.keyClick(controller.display, Key.Key_Home)
    qtbot.keyClick(controller.display, Key.Key_Right)
    assert _shown_title(controller) == spanish[1].title  # still its own language


def test_the_money_part_in_spanish_while_the_teen_slides_stay_english(
    qtbot: QtBot, controller
) -> None:
    room = controller.room
    kinds = [s.kind.value for s in room.slides]
    investment = kinds.index("investment")
    controller.start()
    controller.jump(investment + 1)
    qtbot.keyClick(controller.console, Key.Key_L)
    assert room.step_languages[:investment] == ["en"] * investment
    assert set(room.step_languages[investment:]) == {"es"}
    assert _shown_title(controller) == "Su inversión"
    assert room.slides[kinds.index("options")].title == "Your choices"


def test_the_consoles_private_preview_follows_the_familys_language(
    qtbot: QtBot, controller
) -> None:
    room = controller.room
    controller.start()
    controller.jump([s.kind.value for s in room.slides].index("payment") + 1)
    preview = controller.payment.preview
    qtbot.waitUntil(lambda: preview.slide() is not None and preview.slide().title == "Ways to pay")
    qtbot.keyClick(controller.console, Key.Key_L)
    qtbot.waitUntil(lambda: preview.slide().title == "Formas de pagar")
    assert controller.patient_view().slide().title == "Formas de pagar"
