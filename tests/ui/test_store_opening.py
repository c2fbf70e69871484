"""The app's open path on the bad-store corpus: the window explains, nothing is written.

``open_for_gui`` is the function ``run_app`` calls. Here the question the
window asks is answered by a recorder (the window itself is driven by keys
in tests/ui/test_store_problem.py); the claim on the file is the real
``SingleInstance`` in a private lock folder.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tcdesk.services.desk import Desk
from tcdesk.services.practice_file import StoreFileError, StoreProblem
from tcdesk.ui.single_instance import claim_or_hand_over
from tcdesk.ui.store_opening import open_for_gui
from tcdesk.ui.store_problem import BackupOffer, StoreChoice
from tests.store.store_corpus import REFUSED, BadFile, snapshot


class Asked:
    """Answers the window's question and remembers what it was shown."""

    def __init__(self, *answers: StoreChoice) -> None:
        self.answers = list(answers)
        self.shown: list[tuple[StoreFileError, BackupOffer | None]] = []

    def __call__(self, error: StoreFileError, offer: BackupOffer | None) -> StoreChoice:
        self.shown.append((error, offer))
        return self.answers.pop(0)


def _never_first_run(desk: Desk) -> Desk | None:
    raise AssertionError("a refused file never reaches the first-run screen")


@pytest.mark.parametrize("bad", REFUSED, ids=lambda b: b.name)
def test_a_bad_file_is_explained_and_left_untouched(
    bad: BadFile, qtbot: QtBot, demo_store: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "store"
    folder.mkdir()
    path = bad.make(folder, demo_store)
    before = snapshot(folder)
    asked = Asked(StoreChoice.QUIT)
    opened = open_for_gui(
        path,
        _never_first_run,
        claim=lambda p: claim_or_hand_over(p, lock_folder=tmp_path / "locks"),
        ask=asked,
    )
    assert opened.desk is None and opened.code == 2
    [(error, offer)] = asked.shown
    assert re.search(bad.says, str(error)), str(error)
    assert error.backup_may_help and offer is None
    assert snapshot(folder) == before
    assert list((tmp_path / "locks").iterdir()) == []  # the claim was given back


def test_the_offered_backup_is_opened_instead(
    qtbot: QtBot, demo_store: Path, tmp_path: Path
) -> None:
    """The backups service's offer: choosing it opens the file its ``use`` returns."""
    folder = tmp_path / "store"
    folder.mkdir()
    damaged = REFUSED[1].make(folder, demo_store)
    used: list[Path] = []

    def use() -> Path:
        used.append(demo_store)
        return demo_store

    offer = BackupOffer("from Friday 27 November 2026 at 08:00 (0.5 MB)", use)
    asked = Asked(StoreChoice.BACKUP)
    opened = open_for_gui(
        damaged,
        _never_first_run,
        claim=lambda p: claim_or_hand_over(p, lock_folder=tmp_path / "locks"),
        find_backup=lambda p: offer if p == damaged else None,
        ask=asked,
    )
    try:
        assert opened.desk is not None and opened.desk.path == demo_store
        assert used == [demo_store]
        assert asked.shown[0][0].problem is StoreProblem.DAMAGED
    finally:
        opened.release()
        if opened.desk is not None:
            opened.desk.close()


def test_another_file_can_be_chosen(qtbot: QtBot, demo_store: Path, tmp_path: Path) -> None:
    folder = tmp_path / "store"
    folder.mkdir()
    foreign = REFUSED[2].make(folder, demo_store)
    opened = open_for_gui(
        foreign,
        _never_first_run,
        claim=lambda p: claim_or_hand_over(p, lock_folder=tmp_path / "locks"),
        ask=Asked(StoreChoice.OTHER_FILE),
        choose_file=lambda: demo_store,
    )
    try:
        assert opened.desk is not None and opened.desk.practice() is not None
    finally:
        opened.release()
        if opened.desk is not None:
            opened.desk.close()


def test_an_empty_file_is_the_first_run(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "practice.sqlite3"
    path.write_bytes(b"")
    seen: list[bool] = []

    def first_run(desk: Desk) -> Desk | None:
        seen.append(desk.is_empty())
        return None

    opened = open_for_gui(
        path, first_run, claim=lambda p: claim_or_hand_over(p, lock_folder=tmp_path / "locks")
    )
    assert opened.desk is None and opened.code == 0
    assert seen == [True]


def test_a_damaged_file_is_offered_its_newest_good_backup_and_it_is_restored(
    qtbot: QtBot, demo_store: Path, tmp_path: Path
) -> None:
    """The real offer (services.backups): restored in place, the damaged file kept aside."""
    from tcdesk.services.backups import back_up, list_backups

    folder = tmp_path / "store"
    folder.mkdir()
    store = folder / "practice.sqlite3"
    store.write_bytes(demo_store.read_bytes())
    desk = Desk.open(store)
    patients = len(desk.patients.list(""))
    desk.close()
    back_up(store, reason="manual")
    data = bytearray(store.read_bytes())  # one page in the middle turned to junk
    page = int.from_bytes(data[16:18], "big")
    middle = (len(data) // page // 2) * page
    data[middle : middle + page] = bytes((i * 37 + 11) % 256 for i in range(page))
    store.write_bytes(bytes(data))
    asked = Asked(StoreChoice.BACKUP)
    opened = open_for_gui(
        store,
        _never_first_run,
        claim=lambda p: claim_or_hand_over(p, lock_folder=tmp_path / "locks"),
        ask=asked,
    )
    try:
        [(error, offer)] = asked.shown
        assert error.problem is StoreProblem.DAMAGED
        assert offer is not None and offer.description.startswith("from ")
        assert opened.desk is not None and opened.desk.path == store
        assert len(opened.desk.patients.list("")) == patients
        assert opened.notice.startswith(f"Opened the backup {offer.description}")
        aside = list(folder.glob("practice.sqlite3.damaged-*"))
        assert len(aside) == 1 and aside[0].read_bytes() == bytes(data)  # nothing thrown away
        assert [b.reason for b in list_backups(store)] == ["manual"]
    finally:
        opened.release()
        if opened.desk is not None:
            opened.desk.close()
