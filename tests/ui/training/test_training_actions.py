"""The desk's Training menu: its items, and the training file each one opens."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from pytestqt.qtbot import QtBot

from tcdesk.services.training.file_name import training_path
from tcdesk.services.training.store import training_desk
from tests.training_seed import KELSEY, open_app, staff_id

_app = open_app


def test_the_training_menu_holds_its_four_items_between_view_and_help(
    qtbot: QtBot, practice_and_training, kit, tmp_path: Path
) -> None:
    app = _app(qtbot, practice_and_training[0], kit, tmp_path)
    try:
        bar = app.main_window.menuBar()
        titles = [action.text() for action in bar.actions()]
        assert titles.index("Tr&aining") == titles.index("&View") + 1
        assert titles.index("&Help") == titles.index("Tr&aining") + 1
        menu = app.main_window.menus["training"]
        names = [action.objectName() for action in menu.actions()]
        assert names == ["trainingSolo", "trainingPartner", "trainingDrills", "trainingProgress"]
        assert app.main_window.training.host is app
    finally:
        app.desk.close()


def test_the_partner_window_opens_on_a_training_file_with_todays_fees(
    qtbot: QtBot, practice_and_training, kit, tmp_path: Path
) -> None:
    practice, training_file = practice_and_training
    app = _app(qtbot, practice, kit, tmp_path)
    try:
        desk = app.desk
        fee = desk.practices.fee_schedule(desk.practice().id)[0]
        raised = dataclasses.replace(fee, fee_cents=fee.fee_cents + 12_500)
        desk.practices.save_fee(raised)  # the practice changed a fee this morning
        desk.signed_in_id = staff_id(desk, KELSEY)
        window = app.main_window.training.practise_with_partner()
        assert window is not None and window.isVisible()
        assert app.main_window.training.windows == [window]
        partner_desk = window._desk  # the training file it practises on
        assert Path(partner_desk.path) == training_path(practice)
        fees = partner_desk.practices.fee_schedule(partner_desk.practice().id)
        assert {item.fee_cents for item in fees if item.id == fee.id} == {raised.fee_cents}
        assert window._coordinator.id == staff_id(desk, KELSEY)  # the TC signed in
        window.close()
        qtbot.waitUntil(lambda: not app.main_window.training.windows)
        assert partner_desk.closed  # the window's training file went with it
    finally:
        app.desk.close()
    again = training_desk(practice)
    again.close()
    assert training_file.exists()


def test_progress_shows_a_tc_her_own_and_the_admin_everyone(
    qtbot: QtBot, practice_and_training, kit, tmp_path: Path
) -> None:
    app = _app(qtbot, practice_and_training[0], kit, tmp_path)
    try:
        training_menu = app.main_window.training
        assert training_menu.sees_everyone()  # nobody signed in: the practice's admin
        owner_view = training_menu.open_progress()
        assert owner_view is not None and owner_view.everyone
        owner_view.close()
        kelsey = staff_id(app.desk, KELSEY)
        app.desk.signed_in_id = kelsey
        assert not training_menu.sees_everyone()
        own = training_menu.open_progress()
        assert own is not None and not own.everyone
        assert own.chooser.currentData() == kelsey and not own.chooser.isEnabled()
        own.close()
        qtbot.waitUntil(lambda: not training_menu.windows)
    finally:
        app.desk.close()


def test_a_solo_consult_waits_for_the_one_being_presented(
    qtbot: QtBot, practice_and_training, kit, tmp_path: Path
) -> None:
    app = _app(qtbot, practice_and_training[0], kit, tmp_path)
    said: list[str] = []
    app.main_window.say = said.append
    try:
        app.presentation = object()  # a real family's consult is on the room's screen
        assert app.main_window.training.practise_solo() is None
        assert said == ["Finish the consult being presented first."]
        app.presentation = None
        dialog = app.main_window.training.practise_solo()
        assert dialog is not None and dialog.isVisible()
        qtbot.addWidget(dialog)
        dialog.reject()
    finally:
        app.desk.close()


def test_the_drills_open_for_the_tc_signed_in_and_close_their_training_file(
    qtbot: QtBot, practice_and_training, kit, tmp_path: Path
) -> None:
    app = _app(qtbot, practice_and_training[0], kit, tmp_path)
    try:
        app.desk.signed_in_id = staff_id(app.desk, KELSEY)
        window = app.main_window.training.open_drills()
        assert window is not None and window.objectName() == "drillsWindow"
        assert window._coordinator_id == staff_id(app.desk, KELSEY)
        assert window.card is not None  # a fresh deck: every card is due
        training_file = window._desk
        window.abandon()
        qtbot.waitUntil(lambda: not app.main_window.training.windows)
        assert training_file.closed
    finally:
        app.desk.close()
