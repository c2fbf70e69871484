"""The desk's sync: Sync now runs ``tcdesk sync`` in a child process and shows what came in."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tcdesk.services.desk import Desk
from tcdesk.services.machine_settings import MachineSettingsStore
from tests.sync_installs import Installs, add_new_family

WAIT_MS = 60_000  # a child process starting Python and tcdesk: well under this


@pytest.fixture
def open_desks() -> Iterator[list[Desk]]:
    desks: list[Desk] = []
    yield desks
    for desk in desks:
        desk.close()


def _window(qtbot: QtBot, store: Path, settings: MachineSettingsStore, desks: list[Desk]):
    from tcdesk.ui.main_window import MainWindow

    desk = Desk.open(store, create=False)
    desks.append(desk)
    window = MainWindow(desk, date(2026, 11, 27), on_present=lambda _id: None, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _started(qtbot: QtBot, window) -> None:
    """Start-up: the status is read, then (joined) a first sync runs and is read back."""
    window.sync.start()
    sync = window.sync
    qtbot.waitUntil(
        lambda: (
            (sync.last_run is not None and not sync.process.running()) or sync.failure is not None
        ),
        timeout=WAIT_MS,
    )
    qtbot.waitUntil(lambda: not window.sync.process.running(), timeout=WAIT_MS)


def test_sync_now_brings_the_other_installs_new_family_into_the_list(
    qtbot: QtBot, installs: Installs, open_desks: list[Desk]
) -> None:
    window = _window(qtbot, installs.main, installs.settings_for("main"), open_desks)
    _started(qtbot, window)
    assert window.sync.item.isVisible()
    assert window.sync.item.text().startswith("Synced ")
    assert window.sync.sync_now_action.isVisible()
    new_id = add_new_family(installs.laptop, "Ben", "North")
    installs.sync(installs.laptop)  # the laptop sends it to the folder
    window.show_everyone()  # every patient listed, not only today's
    assert window.listing.loaded_row_of(new_id) < 0  # not here yet
    with qtbot.waitSignal(window.sync.updated, timeout=WAIT_MS):
        window.sync.item.click()  # the status item's click is Sync now
        assert window.sync.item.text() == "Syncing…"
    qtbot.waitUntil(lambda: window.sync.last_run is not None, timeout=WAIT_MS)
    assert window.sync.last_run.rows_in >= 1
    text = window.sync.item.text()
    assert text.startswith("Synced ") and f"{window.sync.last_run.rows_in} changes came in" in text
    assert window.listing.loaded_row_of(new_id) >= 0  # the desk was refreshed: Ben is listed
    assert not window.problems


def test_a_wrong_folder_is_said_in_words_and_clears_when_the_folder_is_back(
    qtbot: QtBot, installs: Installs, open_desks: list[Desk], tmp_path: Path
) -> None:
    settings = installs.settings_for("main")
    window = _window(qtbot, installs.main, settings, open_desks)
    _started(qtbot, window)
    settings.update(sync_folder=str(tmp_path / "unplugged-drive"))
    with qtbot.waitSignal(window.sync.updated, timeout=WAIT_MS):
        assert window.sync.sync_now(asked=True)
    assert window.sync.item.text() == "Sync folder not reachable"
    assert "No sync folder at" in window.sync.item.toolTip()
    assert window.problems == [
        "Office sync: the sync folder is not reachable (plug in the drive or connect the share)."
    ]
    assert "unplugged-drive" in window.sync.item.toolTip()
    assert window.status_line.problem_label.isVisible()
    settings.update(sync_folder=str(installs.folder))  # plugged in again
    window.sync.sync_now(asked=True)
    qtbot.waitUntil(lambda: window.sync.failure is None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.sync.process.running(), timeout=WAIT_MS)
    assert window.sync.item.text().startswith("Synced ")
    assert not window.problems and not window.status_line.problem_label.isVisible()


def test_files_waiting_in_the_folder_are_counted(
    qtbot: QtBot, installs: Installs, open_desks: list[Desk]
) -> None:
    window = _window(qtbot, installs.main, installs.settings_for("main"), open_desks)
    _started(qtbot, window)
    add_new_family(installs.laptop, "Cy", "South")
    installs.sync(installs.laptop)
    with qtbot.waitSignal(window.sync.updated, timeout=WAIT_MS):
        window.sync._read_status()  # what the status says before this desk syncs again
    assert window.sync.item.text().endswith("· 1 file waiting")


def test_a_desk_that_never_joined_shows_no_sync_at_all(
    qtbot: QtBot, demo_store: Path, open_desks: list[Desk], tmp_path: Path
) -> None:
    settings = MachineSettingsStore(tmp_path / "machine.json")
    (tmp_path / "share").mkdir()
    settings.update(sync_folder=str(tmp_path / "share"))  # even with a folder at hand
    window = _window(qtbot, demo_store, settings, open_desks)
    with qtbot.waitSignal(window.sync.updated, timeout=WAIT_MS):
        window.sync.start()
    assert not window.sync.process.running()  # no child: the file said it never joined
    assert window.sync.status is None and not window.sync.joined()
    assert not window.sync.item.isVisible()
    assert not window.sync.sync_now_action.isVisible()
    assert not window.sync.sync_now(asked=True)  # a lone desk never starts a practice's sync
    assert not (demo_store.with_name(demo_store.name + ".sync-base")).exists()
    assert not window.sync.timer.isActive()


def test_rows_that_come_in_during_a_presentation_wait_for_its_end(
    qtbot: QtBot, installs: Installs, open_desks: list[Desk]
) -> None:
    window = _window(qtbot, installs.main, installs.settings_for("main"), open_desks)
    _started(qtbot, window)

    class Presenting:
        presentation = object()

    window.sync.host = Presenting()
    refreshed: list[bool] = []
    window.refresh_desk = lambda: refreshed.append(True)  # counted, not run
    new_id = add_new_family(installs.laptop, "Dee", "Later")
    installs.sync(installs.laptop)
    window.sync.sync_now(asked=False)
    qtbot.waitUntil(lambda: window.sync.refresh_pending, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.sync.process.running(), timeout=WAIT_MS)
    assert not refreshed and window.sync.refresh_pending
    window.sync.host = None  # the consult ended
    with qtbot.waitSignal(window.sync.updated, timeout=WAIT_MS):
        window.sync._read_status()
    assert refreshed == [True] and not window.sync.refresh_pending
    assert new_id


def test_the_app_starts_the_sync_after_the_first_paint_only_when_joined(
    qtbot: QtBot, installs: Installs, open_desks: list[Desk]
) -> None:
    from tcdesk.ui.app import Application

    desk = Desk.open(installs.main, create=False)
    open_desks.append(desk)
    app = Application(desk, installs.settings_for("main"))
    qtbot.addWidget(app.main_window)
    try:
        assert app.main_window.sync.host is app
        after = app.after_desk_shown()
        assert app.main_window.sync.status is None  # nothing before the desk is painted
        app.main_window.show()
        qtbot.waitUntil(lambda: after.done, timeout=WAIT_MS)
        sync = app.main_window.sync
        qtbot.waitUntil(
            lambda: sync.last_run is not None or sync.failure is not None, timeout=WAIT_MS
        )
        assert sync.failure is None and sync.joined() and sync.timer.isActive()
        qtbot.waitUntil(lambda: not sync.process.running(), timeout=WAIT_MS)
        if app.main_window.backups.job is not None:
            qtbot.waitUntil(lambda: app.main_window.backups.job.isFinished(), timeout=WAIT_MS)
    finally:
        app.main_window.sync.stop()
        app.room_screen.close()
