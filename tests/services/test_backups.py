"""Backups: checked copies named by local time and reason, pictures once, rotation, when due."""

from __future__ import annotations

import shutil
import stat
from datetime import timedelta
from pathlib import Path

from PIL import Image

from tcdesk.services.backups import (
    back_up,
    back_up_if_due,
    backups_folder_for,
    list_backups,
    set_backups_folder,
)
from tcdesk.services.desk import Desk
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.services.media import media_dir_for, store_image
from tcdesk.store import engine
from tcdesk.store.backup import integrity
from tcdesk.store.migrations import known_names
from tests.conftest import DEMO_DAY, FIXED_NOW, local_moment

FIXTURE_M001 = Path(__file__).resolve().parents[1] / "fixtures" / "store_m001.sqlite3"


def _picture(folder: Path, name: str, colour: tuple[int, int, int]) -> Path:
    path = folder / name
    Image.new("RGB", (40, 30), colour).save(path, "PNG")
    return path


def test_a_backup_is_a_checked_owner_only_copy_named_by_local_time_and_reason(
    demo_store: Path,
) -> None:
    made = back_up(demo_store, reason="manual", now=FIXED_NOW)
    folder = demo_store.with_name("demo-backups")
    local = FIXED_NOW.astimezone()
    assert made.path == folder / f"demo-{local:%Y-%m-%d_%H%M%S}-manual.sqlite3"
    assert made.ok and integrity(made.path) == "ok" and made.size == made.path.stat().st_size
    assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
    assert not any(p.name.endswith((".partial", "-wal", "-shm")) for p in folder.iterdir())
    conn = engine.connect(made.path)
    try:
        assert conn.execute("SELECT count(*) FROM patients").fetchone()[0] >= 40
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    finally:
        conn.close()
    assert [(b.path, b.reason) for b in list_backups(demo_store, verify=True)] == [
        (made.path, "manual")
    ]


def test_this_computer_can_keep_backups_on_another_disk(demo_store: Path, tmp_path: Path) -> None:
    settings = MachineSettingsStore(tmp_path / "machine.json")
    other = set_backups_folder(tmp_path / "usb" / "tcdesk", settings)
    assert backups_folder_for(demo_store, settings) == other
    assert MachineSettingsStore().load().backups_folder == ""  # the default store untouched
    made = back_up(demo_store, backups_folder_for(demo_store, settings), now=FIXED_NOW)
    assert made.path.parent == other
    set_backups_folder(other)  # the computer's own settings file: back_up finds it itself
    assert back_up(demo_store, now=FIXED_NOW).path.parent == other


def test_pictures_are_kept_once_in_the_shared_media_folder(
    demo_store: Path, tmp_path: Path
) -> None:
    media = media_dir_for(demo_store)
    first = store_image(media, _picture(tmp_path, "a.png", (200, 40, 40)))
    folder = tmp_path / "backups"
    back_up(demo_store, folder, now=FIXED_NOW)
    second = store_image(media, _picture(tmp_path, "b.png", (40, 200, 40)))
    before = (folder / "media" / first.relative_path).stat().st_mtime_ns
    back_up(demo_store, folder, now=FIXED_NOW + timedelta(minutes=1))
    kept = sorted(str(p.relative_to(folder / "media")) for p in (folder / "media").rglob("*.png"))
    assert kept == sorted([first.relative_path, second.relative_path])
    assert (folder / "media" / first.relative_path).stat().st_mtime_ns == before  # not copied again
    assert (folder / "media" / second.relative_path).read_bytes() == (
        media / second.relative_path
    ).read_bytes()


def test_the_launch_backup_is_made_only_when_the_newest_is_over_a_day_old(
    demo_store: Path,
) -> None:
    morning = local_moment(DEMO_DAY, 8)
    first = back_up_if_due(demo_store, now=morning)
    assert first is not None and first.reason == "daily"
    assert back_up_if_due(demo_store, now=morning + timedelta(hours=23)) is None
    later = back_up_if_due(demo_store, now=morning + timedelta(days=1))
    assert later is not None
    assert [b.path for b in list_backups(demo_store)] == [later.path, first.path]


def test_a_year_of_launches_is_rotated_as_it_goes(empty_store: Path, tmp_path: Path) -> None:
    """A backup every 6th day for a year (each prunes the folder): the rule's shape remains."""
    folder = tmp_path / "backups"
    start = local_moment(DEMO_DAY - timedelta(days=360), 8)
    made = [
        back_up(empty_store, folder, "daily", now=start + timedelta(days=day)).path
        for day in range(0, 361, 6)
    ]
    kept = list_backups(empty_store, folder)
    assert [b.path for b in kept[:7]] == made[::-1][:7]  # the 7 latest days with a backup
    months = {(b.taken_at.year, b.taken_at.month) for b in kept}
    assert len(months) == 12 and len(kept) <= 7 + 4 + 12
    assert all(b.path.exists() for b in kept) and len(list(folder.glob("*.sqlite3"))) == len(kept)


def test_a_schema_upgrade_backs_up_the_old_file_first(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURE_M001, path)
    desk = Desk.open(path, clock=lambda: FIXED_NOW)
    desk.close()
    [made] = list_backups(path)
    assert made.reason == "before-migration" and integrity(made.path) == "ok"
    conn = engine.connect(made.path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
    finally:
        conn.close()
    assert names == known_names()[:1]  # the file as it was, before the upgrade
    assert not list(tmp_path.glob("*.bak"))
