"""File > Sync conflicts: the phone both offices changed, beside the one kept; admins only."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from tcdesk.services import sign_in
from tcdesk.services.desk import Desk
from tests.sync_installs import Installs, phone_conflict

WAIT_MS = 60_000
COORDINATOR = "83fd0d37-5cb3-5c89-9e38-b727b7f589fc"  # Jessica Alvarez, not an admin
ADMIN = "74051006-9f74-5904-9bac-8d7aaa2df3eb"  # Linda Carver, the practice's admin


@pytest.fixture
def main_desk(installs: Installs) -> Iterator[Desk]:
    desk = Desk.open(installs.main, create=False)
    yield desk
    desk.close()


def _window(qtbot: QtBot, desk: Desk, installs: Installs):
    from tcdesk.ui.main_window import MainWindow

    window = MainWindow(
        desk, date(2026, 11, 27), on_present=lambda _id: None, settings=installs.settings_for("m")
    )
    qtbot.addWidget(window)
    return window


def _signed_in(desk: Desk, staff_id: str) -> None:
    sign_in.set_pin(desk, staff_id, "4821")
    sign_in.sign_in(desk, staff_id, "4821")


def test_the_conflicts_window_shows_the_phone_both_offices_changed(
    qtbot: QtBot, installs: Installs
) -> None:
    name, overwritten = phone_conflict(installs)
    desk = Desk.open(installs.main, create=False)
    try:
        _signed_in(desk, ADMIN)
        window = _window(qtbot, desk, installs)
        shown = window.sync.open_conflicts()
        assert shown is not None
        qtbot.waitUntil(lambda: shown.review is not None, timeout=WAIT_MS)
        rows = shown.row_texts()
        phones = [r for r in rows if r.field == "phone"]
        assert len(phones) == 1, rows
        phone = phones[0]
        assert phone.record == f"{name} (patient)"
        assert "555-0002" in phone.kept and overwritten in phone.overwritten
        assert phone.overwritten_by.endswith("(this computer)")  # the main office's edit lost
        # The laptop joined without --office, so it is at the main office's too; its
        # files say so, and the other computer is named by its office and its id.
        office = phone.overwritten_by.removesuffix(" (this computer)")
        assert phone.kept_by.startswith(f"{office} (") and phone.kept_by != phone.overwritten_by
        table = shown.table
        headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        cells = {headers[c]: table.item(0, c).text() for c in range(table.columnCount())}
        assert cells["Record"] == f"{name} (patient)" and cells["Field"] == "phone"
        assert "1 overwritten value." in shown.message.text()
        # The father's row was saved on both sides with nothing different: counted, not listed.
        assert shown.review.unchanged == 1
        shown.close()
    finally:
        desk.close()


def test_a_coordinator_is_refused_in_words(qtbot: QtBot, installs: Installs) -> None:
    phone_conflict(installs)
    desk = Desk.open(installs.main, create=False)
    try:
        _signed_in(desk, COORDINATOR)
        window = _window(qtbot, desk, installs)
        assert window.sync.open_conflicts() is None
        refusal = window.sync.refusal
        assert refusal is not None and refusal.isVisible()
        assert refusal.text() == "Only an admin can review the edits the office sync overwrote."
        assert window.sync.conflicts_window is None
        refusal.close()
    finally:
        desk.close()


def test_no_conflicts_is_said(qtbot: QtBot, installs: Installs, main_desk: Desk) -> None:
    window = _window(qtbot, main_desk, installs)
    shown = window.sync.open_conflicts()
    qtbot.waitUntil(lambda: shown.review is not None, timeout=WAIT_MS)
    assert shown.table.rowCount() == 0
    assert shown.message.text().startswith("No edit has been overwritten")
    shown.close()
