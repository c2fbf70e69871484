"""Restore: a round trip, the current file kept first, refusals that change nothing."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import Image

from tcdesk.services.backups import back_up, list_backups
from tcdesk.services.desk import Desk
from tcdesk.services.media import media_dir_for, store_image
from tcdesk.services.restore import AUDIT_ACTION, BackupRefused, restore
from tcdesk.store import engine
from tcdesk.store.backup import integrity
from tests.conftest import FIXED_NOW

LATER = FIXED_NOW + timedelta(hours=2)


def _name(path: Path) -> str:
    conn = engine.connect(path)
    try:
        return conn.execute("SELECT name FROM practices").fetchone()[0]
    finally:
        conn.close()


def _rename_practice(path: Path, name: str) -> None:
    desk = Desk.open(path, clock=lambda: FIXED_NOW)
    desk.db.execute("UPDATE practices SET name = ?", [name])
    desk.db.conn.commit()
    desk.close()


def _state(path: Path) -> dict[str, str]:
    """The bytes of the store and every side file beside it."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(path.parent.iterdir())
        if p.is_file() and p.name.startswith(path.name)
    }


def test_restore_round_trip_keeps_the_changed_file_as_a_backup(demo_store: Path) -> None:
    original = _name(demo_store)
    made = back_up(demo_store, now=FIXED_NOW)
    _rename_practice(demo_store, "Changed Since")
    result = restore(made.path, demo_store, now=LATER)
    assert _name(demo_store) == original and integrity(demo_store) == "ok"
    assert result.kept_as is not None and result.kept_as.name.endswith("-before-restore.sqlite3")
    assert _name(result.kept_as) == "Changed Since"
    assert {b.reason for b in list_backups(demo_store)} == {"manual", "before-restore"}
    desk = Desk.open(demo_store, create=False)
    try:
        audit = list(desk.db["audit_log"].rows_where("action = ?", [AUDIT_ACTION]))
    finally:
        desk.close()
    assert [a["detail"] for a in audit] == [f"Restored from {made.path.name}."]


KILLED_WRITER = """
import os, sys
from tcdesk.store import cipher, engine
cipher.use_passphrase(os.environ.get("TCDESK_PASSPHRASE"))
conn = engine.connect(sys.argv[1])
conn.execute("UPDATE practices SET name = 'Only In The WAL'")
conn.commit()
os._exit(0)
"""


def test_a_store_with_a_live_wal_is_kept_whole_and_its_wal_does_not_leak(
    demo_store: Path,
) -> None:
    made = back_up(demo_store, now=FIXED_NOW)
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(demo_store)], check=True)
    assert demo_store.with_name(demo_store.name + "-wal").stat().st_size > 0
    result = restore(made.path, demo_store, now=LATER)
    assert result.kept_as is not None and _name(result.kept_as) == "Only In The WAL"
    assert _name(demo_store) != "Only In The WAL" and integrity(demo_store) == "ok"


def _damaged(source: Path, destination: Path) -> Path:
    data = bytearray(source.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096
    data[middle : middle + 4096] = b"\xa5" * 4096
    destination.write_bytes(bytes(data))
    return destination


def _foreign(path: Path) -> Path:
    conn = engine.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    return path


def _newer(source: Path, destination: Path) -> Path:
    shutil.copyfile(source, destination)
    conn = engine.connect(destination)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('tcdesk', 'm999_from_the_future', '2027-01-01')"
    )
    conn.commit()
    conn.close()
    return destination


@pytest.mark.parametrize(
    ("kind", "says"),
    [
        ("damaged", "is damaged"),
        ("foreign", "not a tcdesk practice file"),
        ("newer", "made by a newer tcdesk (unknown changes: m999_from_the_future)"),
        ("text", "not an SQLite database"),
        ("missing", "There is no backup file"),
    ],
)
def test_a_refused_backup_changes_nothing_and_says_why(
    demo_store: Path, tmp_path: Path, kind: str, says: str
) -> None:
    good = back_up(demo_store, now=FIXED_NOW).path
    candidate = {
        "damaged": lambda: _damaged(good, tmp_path / "damaged.sqlite3"),
        "foreign": lambda: _foreign(tmp_path / "recipes.sqlite3"),
        "newer": lambda: _newer(good, tmp_path / "newer.sqlite3"),
        "text": lambda: (
            (tmp_path / "notes.sqlite3").write_text("hello") and tmp_path / "notes.sqlite3"
        ),
        "missing": lambda: tmp_path / "nothing.sqlite3",
    }[kind]()
    before = _state(demo_store)
    backups_before = sorted(p.name for p in good.parent.iterdir())
    with pytest.raises(BackupRefused) as refused:
        restore(candidate, demo_store, now=LATER)
    message = str(refused.value)
    assert says in message and "\n" not in message and message.endswith(".")
    assert _state(demo_store) == before  # byte-identical, no side files appeared
    assert sorted(p.name for p in good.parent.iterdir()) == backups_before


def test_missing_pictures_come_back_with_the_restore(demo_store: Path, tmp_path: Path) -> None:
    media = media_dir_for(demo_store)
    picture = tmp_path / "photo.png"
    Image.new("RGB", (30, 20), (10, 120, 200)).save(picture, "PNG")
    stored = store_image(media, picture)
    made = back_up(demo_store, now=FIXED_NOW)
    shutil.rmtree(media)  # a lost folder, as after a disk swap
    result = restore(made.path, demo_store, now=LATER)
    assert result.pictures_restored == 1
    assert (media / stored.relative_path).read_bytes() == picture.read_bytes()


def test_a_damaged_current_file_is_set_aside_byte_for_byte(
    demo_store: Path, tmp_path: Path
) -> None:
    made = back_up(demo_store, now=FIXED_NOW)
    _damaged(demo_store, demo_store)
    damaged_bytes = demo_store.read_bytes()
    result = restore(made.path, demo_store, now=LATER)
    assert result.kept_as is not None and result.kept_as.read_bytes() == damaged_bytes
    assert integrity(demo_store) == "ok"
