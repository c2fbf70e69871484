"""Restore from a backup: check it, keep the current file as a backup, swap safely.

Nothing in this process may have the store open during ``restore`` (the app
closes its Desk first). A refused backup changes nothing and says why in one
sentence. The swap writes the restored copy to a temporary file beside the
store, makes it durable, removes the old file's ``-wal``/``-shm`` only after
checkpointing them (their content belongs to the old file and would damage
the new one), then renames the copy over the store in one step.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tcdesk.errors import UserError
from tcdesk.services.backups import (
    MEDIA_FOLDER,
    BackupFailed,
    as_local,
    back_up,
    backups_folder_for,
    copy_new_media,
    media_dir_for,
)
from tcdesk.services.clock import system_clock, utc_iso
from tcdesk.services.ids import new_id
from tcdesk.store import cipher, engine, file_locks
from tcdesk.store.backup import (
    SIDE_SUFFIXES,
    Progress,
    applied_migrations,
    checkpoint_file,
    copy_file_database,
    fsync_file,
    fsync_folder,
    integrity,
    newer_changes,
    remove_with_side_files,
)
from tcdesk.store.cipher import header_is_encrypted
from tcdesk.store.connection import SQLITE_HEADER
from tcdesk.store.conversion import assert_alone, export_copy, verify_copy
from tcdesk.store.store_file import StoreFileError, StoreProblem, check_store_file

AUDIT_ACTION = "restored_from_backup"


class BackupRefused(UserError):
    """The backup cannot be restored; nothing was changed."""


@dataclass(frozen=True)
class RestoreResult:
    store: Path
    restored_from: Path
    kept_as: Path | None  # the file as it was, now a backup (None: there was none)
    pictures_restored: int


def _check_passphrase(path: Path) -> None:
    """An encrypted backup opens only with the practice's passphrase: say so if it doesn't."""
    try:
        engine.connect(path, immutable=True).close()
    except engine.PassphraseNeeded:
        raise BackupRefused(
            f"{path.name} is encrypted: give the practice's passphrase "
            "(TCDESK_PASSPHRASE or --passphrase-file) to check or restore it."
        ) from None
    except engine.WrongPassphrase:
        raise BackupRefused(
            f"The passphrase in use does not open {path.name} (it may have been made before "
            "the passphrase was changed, or it is not a tcdesk backup). Nothing was changed."
        ) from None


def check_backup(path: Path) -> None:
    """Refuse a file that is not a whole tcdesk store this tcdesk can open."""
    path = Path(path)
    if not path.is_file():
        raise BackupRefused(f"There is no backup file at {path}.")
    try:
        header = file_locks.read_head(path, len(SQLITE_HEADER))
    except OSError as error:
        raise BackupRefused(f"Cannot read {path}: {error.strerror or error}.") from None
    if header != SQLITE_HEADER and not header_is_encrypted(header):
        raise BackupRefused(f"{path.name} is not a tcdesk backup (it is not an SQLite database).")
    if header_is_encrypted(header):
        _check_passphrase(path)
    found = integrity(path)
    if found != "ok":
        raise BackupRefused(f"{path.name} is damaged ({found}); choose another backup.")
    applied = applied_migrations(path)
    if applied is None:
        raise BackupRefused(f"{path.name} is an SQLite database but not a tcdesk practice file.")
    newer = newer_changes(applied)
    if newer:
        raise BackupRefused(
            f"{path.name} was made by a newer tcdesk (unknown changes: {', '.join(newer)}); "
            "update tcdesk to restore it."
        )


def _keep_current(store: Path, folder: Path, now: datetime) -> tuple[Path | None, bool]:
    """The current file as a backup, and whether it is whole.

    A damaged file cannot be backed up through SQLite; it is set aside byte for
    byte (``<store>.damaged-<time>``) so nothing is ever thrown away.
    """
    if not store.exists() or store.stat().st_size == 0:
        return None, False
    try:
        return back_up(store, folder, "before-restore", now=now, rotate=False).path, True
    except BackupFailed:
        aside = store.with_name(f"{store.name}.damaged-{as_local(now).strftime('%Y%m%d_%H%M%S')}")
        shutil.copy2(store, aside)
        return aside, False


def restore(
    backup_file: Path,
    store: Path,
    *,
    folder: Path | None = None,
    now: datetime | None = None,
    progress: Progress | None = None,
    actor_id: str | None = None,
) -> RestoreResult:
    """Put ``backup_file`` in place of ``store`` (see the module's note for how)."""
    backup_file, store = Path(backup_file).resolve(), Path(store).resolve()
    check_backup(backup_file)
    keep_encrypted = _whole_and_alone(store)
    moment = now or system_clock()
    folder = Path(folder) if folder is not None else backups_folder_for(store)
    kept, whole = _keep_current(store, folder, moment)
    temporary = store.with_name(f".{store.name}.restoring")
    remove_with_side_files(temporary)
    try:
        copy_file_database(backup_file, temporary, progress)
        if integrity(temporary) != "ok":
            raise BackupRefused(f"{backup_file.name} could not be copied whole; nothing changed.")
        _as_encrypted_as(temporary, keep_encrypted)
        fsync_file(temporary)
        if whole:
            checkpoint_file(store)  # fold the old -wal into the old file before it goes
    except (OSError, *engine.Error) as error:
        remove_with_side_files(temporary)
        raise UserError(f"The restore could not be written ({error}); nothing changed.") from None
    except BaseException:
        remove_with_side_files(temporary)
        raise
    for suffix in SIDE_SUFFIXES:  # the old file's; the backup of it already holds their data
        store.with_name(store.name + suffix).unlink(missing_ok=True)
    os.replace(temporary, store)
    fsync_folder(store.parent)
    pictures = copy_new_media(folder / MEDIA_FOLDER, media_dir_for(store))
    if (backup_file.parent / MEDIA_FOLDER).is_dir() and backup_file.parent != folder:
        pictures += copy_new_media(backup_file.parent / MEDIA_FOLDER, media_dir_for(store))
    _audit(store, backup_file, moment, actor_id)
    return RestoreResult(store, backup_file, kept, pictures)


def _whole_and_alone(store: Path) -> bool | None:
    """Whether the practice file is encrypted (None: it is missing, or one tcdesk refuses).

    A whole practice file must not be open elsewhere: a running tcdesk would go on
    writing to the file it has open. A refused file (damaged, foreign) is never
    written to, not even to test that, and nobody can have it open.
    """
    try:
        check_store_file(store, create=False)
    except StoreFileError as refused:
        if refused.problem in (StoreProblem.NEEDS_PASSPHRASE, StoreProblem.WRONG_PASSPHRASE):
            raise BackupRefused(
                str(refused)
                if refused.problem is StoreProblem.WRONG_PASSPHRASE
                else f"{store.name} is encrypted: give its passphrase (TCDESK_PASSPHRASE or "
                "--passphrase-file) to restore into it. Nothing was changed."
            ) from None
        return None
    assert_alone(store)
    return cipher.is_encrypted(store)


def _as_encrypted_as(copy: Path, encrypted: bool | None) -> None:
    """The restored copy as encrypted as the practice file was (None: as the backup is).

    A restore never takes a practice's encryption off (an old backup made before
    it was encrypted is encrypted on the way in), nor puts one on unasked.
    """
    if encrypted is None or cipher.is_encrypted(copy) == encrypted:
        return
    key = cipher.passphrase()
    if encrypted and not key:
        raise BackupRefused(
            "The practice file is encrypted: give its passphrase to restore into it."
        )
    converted = copy.with_name(copy.name + ".keyed")
    old_key, new_key = (None, key) if encrypted else (key, None)
    try:
        export_copy(copy, converted, source_passphrase=old_key, passphrase=new_key, alone=False)
        verify_copy(copy, converted, source_passphrase=old_key, passphrase=new_key)
    except BaseException:
        remove_with_side_files(converted)
        raise
    os.replace(converted, copy)


def _audit(store: Path, backup_file: Path, moment: datetime, actor_id: str | None) -> None:
    from tcdesk.services.desk import Desk  # late: Desk.open imports this package's sibling

    desk = Desk.open(store, create=False)
    try:
        with desk.transaction():
            desk.audit.record(
                id=new_id(),
                at=utc_iso(moment),
                action=AUDIT_ACTION,
                subject_id=desk.practice().id if desk.practice() else "",
                actor_id=actor_id,
                detail=f"Restored from {backup_file.name}.",
            )
    finally:
        desk.close()
