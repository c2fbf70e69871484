"""Backups of the practice file: made through SQLite's backup API, checked, rotated.

A backup is ``<store>-<local date>_<time>-<reason>.sqlite3`` in the backups
folder: beside the store (``<store>-backups``) unless this computer points it
elsewhere (machine setting ``backups_folder``, e.g. another disk). A copy
counts only once ``PRAGMA integrity_check`` says "ok" on it. Pictures are
content-addressed and never change, so the folder keeps one shared
``media`` folder and each backup adds only the pictures not already there.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from tcdesk.errors import UserError
from tcdesk.formatting import slot_when
from tcdesk.services.backup_rotation import Dated, backups_to_keep
from tcdesk.services.clock import Clock, system_clock
from tcdesk.services.machine_settings import MachineSettingsStore
from tcdesk.store import cipher, engine
from tcdesk.store.backup import (
    BackupCancelled,
    Progress,
    copy_file_database,
    fsync_folder,
    integrity,
    remove_with_side_files,
)

REASONS = ("daily", "manual", "before-migration", "before-restore", "before-import")
REASON_WORDS = {
    "daily": "Daily",
    "manual": "Backed up by hand",
    "before-migration": "Before an update",
    "before-restore": "Before a restore",
    "before-import": "Before an import",
}
DUE_AFTER = timedelta(days=1)
MEDIA_FOLDER = "media"
STAMP = "%Y-%m-%d_%H%M%S"
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{4}-\d{2}-\d{2}_\d{6})-(?P<reason>"
    + "|".join(re.escape(r) for r in REASONS)
    + r")(?:-(?P<number>\d+))?\.sqlite3$"
)

__all__ = ["Backup", "BackupCancelled", "BackupFailed", "back_up", "list_backups"]


class BackupFailed(UserError):
    """No backup was kept; the message says why."""


@dataclass(frozen=True)
class Backup:
    """One backup file, as a list shows it."""

    path: Path
    taken_at: datetime  # local time, naive (as in the name)
    reason: str
    size: int  # bytes
    ok: bool | None = None  # integrity checked: True/False; None = not checked now

    @property
    def reason_words(self) -> str:
        return REASON_WORDS.get(self.reason, self.reason)

    @property
    def encrypted(self) -> bool:
        return cipher.is_encrypted(self.path)

    def as_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "taken_at": self.taken_at.isoformat(timespec="seconds"),
            "reason": self.reason,
            "size": self.size,
            "ok": self.ok,
            "encrypted": self.encrypted,
        }


def media_dir_for(store_path: Path) -> Path:
    """The store's pictures folder (as tcdesk.services.media names it, without PIL)."""
    return store_path.with_name(f"{store_path.stem}-media")


def default_folder(store_path: Path) -> Path:
    return Path(store_path).with_name(f"{Path(store_path).stem}-backups")


def backups_folder_for(store_path: Path, settings: MachineSettingsStore | None = None) -> Path:
    """Where this computer keeps the store's backups: its setting, else beside the store."""
    chosen = (settings or MachineSettingsStore()).load().backups_folder
    return Path(chosen).expanduser() if chosen else default_folder(Path(store_path))


def set_backups_folder(folder: Path, settings: MachineSettingsStore | None = None) -> Path:
    """Point this computer's backups at ``folder`` (made if missing, must be writable)."""
    folder = Path(folder).expanduser().resolve()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise UserError(f"Cannot use {folder} for backups: {error.strerror or error}.") from None
    if not os.access(folder, os.W_OK):
        raise UserError(f"Cannot use {folder} for backups: it is not writable.")
    (settings or MachineSettingsStore()).update(backups_folder=str(folder))
    return folder


def as_local(moment: datetime) -> datetime:
    """This computer's wall-clock time, naive, as backup names carry it."""
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment


def _free_name(folder: Path, stem: str, when: datetime, reason: str) -> Path:
    base = f"{stem}-{when.strftime(STAMP)}-{reason}"
    candidate, number = folder / f"{base}.sqlite3", 2
    while candidate.exists():
        candidate, number = folder / f"{base}-{number}.sqlite3", number + 1
    return candidate


def _source_path(source: Any) -> tuple[Path, Clock]:
    """A Desk (its file and clock) or a path to a store."""
    path = getattr(source, "path", source)
    if path is None:
        raise BackupFailed("This practice is not kept in a file, so there is nothing to back up.")
    return Path(path), getattr(source, "clock", system_clock)


def back_up(
    source: Any,
    folder: Path | None = None,
    reason: str = "manual",
    *,
    now: datetime | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    rotate: bool = True,
) -> Backup:
    """A checked copy of the store (a Desk or a path) in ``folder``; then rotate the folder.

    Safe to call from a worker thread: it reads the file through a connection
    of its own. Raises ``BackupFailed`` (nothing kept) or ``BackupCancelled``.
    """
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    store, clock = _source_path(source)
    if not store.exists() or store.stat().st_size == 0:
        raise BackupFailed(f"There is no practice file at {store} to back up.")
    folder = Path(folder) if folder is not None else backups_folder_for(store)
    when = as_local(now or clock())
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        final = _free_name(folder, store.stem, when, reason)
        partial = final.with_name(final.name + ".partial")
        copy_file_database(store, partial, progress, cancelled)
    except BackupCancelled:
        raise
    except (OSError, *engine.Error) as error:
        raise BackupFailed(f"Could not back up to {folder}: {_why(error)}.") from None
    found = integrity(partial)
    if found != "ok":
        remove_with_side_files(partial)
        raise BackupFailed(f"The backup copy failed its check ({found}), so it was not kept.")
    os.replace(partial, final)
    fsync_folder(folder)
    try:
        copy_new_media(media_dir_for(store), folder / MEDIA_FOLDER)
    except OSError as error:
        raise BackupFailed(
            f"The practice file was backed up to {final}, but its pictures could not be "
            f"copied: {_why(error)}."
        ) from None
    if rotate:
        prune(store, folder, now=when)
    return Backup(final, when.replace(microsecond=0), reason, final.stat().st_size, True)


def _why(error: BaseException) -> str:
    text = getattr(error, "strerror", None) or str(error)
    if "full" in text.lower() or getattr(error, "errno", None) == 28:
        return "the disk is full"
    return text[:1].lower() + text[1:] if text else "it could not be written"


def copy_new_media(source: Path, destination: Path) -> int:
    """Copy pictures missing from ``destination`` (same relative path = same content)."""
    if not source.is_dir():
        return 0
    copied = 0
    for picture in sorted(source.rglob("*")):
        if not picture.is_file() or picture.name.endswith(".partial"):
            continue
        target = destination / picture.relative_to(source)
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial = target.with_name(target.name + ".partial")
        shutil.copyfile(picture, partial)
        os.chmod(partial, 0o600)
        os.replace(partial, target)
        copied += 1
    return copied


def list_backups(store: Path, folder: Path | None = None, *, verify: bool = False) -> list[Backup]:
    """The store's backups in ``folder``, newest first (``verify``: check each one now)."""
    store = Path(store)
    folder = Path(folder) if folder is not None else backups_folder_for(store)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match is None or match["stem"] != store.stem or not path.is_file():
            continue
        taken = datetime.strptime(match["stamp"], STAMP)
        ok = integrity(path) == "ok" if verify else None
        found.append(Backup(path, taken, match["reason"], path.stat().st_size, ok))
    return sorted(found, key=lambda b: (b.taken_at, _number(b.path.name)), reverse=True)


def _number(name: str) -> int:
    """The same-second counter in a backup's name (1 when there is none)."""
    match = _NAME.match(name)
    return int(match["number"]) if match and match["number"] else 1


def newest_backup(store: Path, folder: Path | None = None) -> Backup | None:
    found = list_backups(store, folder)
    return found[0] if found else None


def is_due(store: Path, now: datetime, folder: Path | None = None) -> bool:
    """True when the newest backup is more than a day old (or there is none)."""
    newest = newest_backup(store, folder)
    return newest is None or as_local(now) - newest.taken_at >= DUE_AFTER


def back_up_if_due(
    source: Any, folder: Path | None = None, *, now: datetime | None = None
) -> Backup | None:
    """The launch's daily backup: made only when the newest is older than a day."""
    store, clock = _source_path(source)
    moment = now or clock()
    if not store.exists() or store.stat().st_size == 0 or not is_due(store, moment, folder):
        return None
    return back_up(store, folder, "daily", now=moment)


def prune(store: Path, folder: Path | None = None, *, now: datetime) -> list[Path]:
    """Delete the backups the rotation rule does not keep; returns what was deleted."""
    found = list_backups(store, folder)
    keep = backups_to_keep([Dated(b.taken_at, b.reason) for b in found], as_local(now))
    deleted = []
    for index, backup in enumerate(found):
        if index not in keep:
            backup.path.unlink(missing_ok=True)
            deleted.append(backup.path)
    return deleted


def backup_before_migration(store: Path) -> Path:
    """Called by the store before it upgrades an existing file's schema."""
    return back_up(store, reason="before-migration", rotate=False).path


def size_words(size: int) -> str:
    """A file size as people read it: "820 KB", "3.4 MB"."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    if size < 1_000_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{size / 1_000_000_000:.1f} GB"


def when_words(taken_at: datetime) -> str:
    """When a backup was taken, in the local time its name carries: "Tue, Dec 1, 2026 11:56 PM"
    (the desk's way of writing a day and a time)."""
    return slot_when(taken_at)
