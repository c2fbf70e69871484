"""Encrypting a practice file, taking the encryption off, changing its passphrase.

Each is done the safe way: the whole store is written into a new file with
the new key, the new file is compared with the old one row by row, then the
two are swapped; the old file is kept until the swapped-in file has opened
and passed its check, and only then removed. The practice's backups are
converted the same way, so a backup is never less protected than the store.
A failure at any point leaves the practice file as it was.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from tcdesk.errors import UserError
from tcdesk.services.backups import as_local, backups_folder_for, list_backups
from tcdesk.services.clock import system_clock, utc_iso
from tcdesk.services.ids import new_id
from tcdesk.services.training.file_name import training_path
from tcdesk.store import cipher
from tcdesk.store.backup import fsync_folder, remove_with_side_files
from tcdesk.store.conversion import assert_alone, export_copy, verify_copy
from tcdesk.store.store_file import check_store_file, writing_alone

if TYPE_CHECKING:
    from tcdesk.services.desk import Desk

AUDIT_ACTION = "store_converted"


class Change(StrEnum):
    ENCRYPT = "encrypt"
    DECRYPT = "decrypt"
    NEW_PASSPHRASE = "new_passphrase"


DONE_WORDS = {
    Change.ENCRYPT: "{name} is now encrypted",
    Change.DECRYPT: "{name} is no longer encrypted",
    Change.NEW_PASSPHRASE: "{name} now opens with the new passphrase only",
}


@dataclass(frozen=True)
class Converted:
    """What changed: the practice file, each backup converted or left as it was, and the
    practice's training file."""

    store: Path
    change: Change
    backups: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # (backup or training, why)
    training_converted: bool = False


Progress = Callable[[str], None]  # one line a step, for a terminal or a status line


def _quiet(_line: str) -> None:
    return None


def _stamp(now: datetime) -> str:
    return as_local(now).strftime("%Y%m%d_%H%M%S")


def _replace_with(path: Path, new: Path, *, new_key: str | None, now: datetime) -> None:
    """Swap ``new`` in for ``path``, keeping ``path`` aside until the swapped file checks out."""
    kept = path.with_name(f".{path.name}.before-{_stamp(now)}")
    remove_with_side_files(kept)
    os.replace(path, kept)
    os.replace(new, path)
    fsync_folder(path.parent)
    try:
        with cipher.passphrase_in_use(new_key):
            check_store_file(path, create=False)
    except BaseException:
        os.replace(kept, path)  # the old file back where it was, untouched
        fsync_folder(path.parent)
        raise
    remove_with_side_files(kept)


def convert_file(
    path: Path, *, old_key: str | None, new_key: str | None, now: datetime, alone: bool = True
) -> None:
    """One file written anew with ``new_key`` (None: plain), verified, and swapped in."""
    path = Path(path)
    new = path.with_name(f".{path.name}.converting")
    try:
        export_copy(path, new, source_passphrase=old_key, passphrase=new_key, alone=alone)
        verify_copy(path, new, source_passphrase=old_key, passphrase=new_key)
    except BaseException:
        remove_with_side_files(new)
        raise
    _replace_with(path, new, new_key=new_key, now=now)


def _check_start(path: Path, change: Change, old_key: str | None) -> None:
    encrypted = cipher.is_encrypted(path)
    if change is Change.ENCRYPT and encrypted:
        raise UserError(
            f"{path} is already encrypted; to change its passphrase: tcdesk passphrase --db {path}"
        )
    if change is not Change.ENCRYPT and not encrypted:
        raise UserError(
            f"{path} is not encrypted, so there is no passphrase to change or take off."
        )
    with cipher.passphrase_in_use(old_key):
        check_store_file(path, create=False)  # whole, ours, writable, and the passphrase opens it


def change_encryption(
    path: Path,
    change: Change,
    *,
    old_key: str | None = None,
    new_key: str | None = None,
    now: datetime | None = None,
    actor_id: str | None = None,
    progress: Progress = _quiet,
) -> Converted:
    """Encrypt (``new_key``), decrypt (``old_key``) or re-key (both) the store and its backups."""
    path = Path(path).resolve()
    if change is not Change.DECRYPT:
        cipher.check_new_passphrase(new_key or "")
    if change is Change.ENCRYPT:
        old_key = None
    if change is Change.DECRYPT:
        new_key = None
    moment = now or system_clock()
    with writing_alone(path):
        _check_start(path, change, old_key)
        assert_alone(path, old_key or "")  # said before anything is written, not after
        progress(f"Writing {path.name} anew and checking every row…")
        convert_file(path, old_key=old_key, new_key=new_key, now=moment)
        done, skipped = _convert_copies(path, change, old_key, new_key, moment, progress)
    training = training_path(path)
    backups = [p for p in done if p != training]
    _audit(path, change, new_key, moment, actor_id, len(backups))
    return Converted(path, change, backups, skipped, training_converted=training in done)


def _convert_copies(
    store: Path,
    change: Change,
    old_key: str | None,
    new_key: str | None,
    now: datetime,
    progress: Progress,
) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Each backup converted like the store, and the practice's training file (practice
    consults, ``services.training.store``); one that can't be is kept as it is, and named."""
    done: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    backups = list_backups(store, backups_folder_for(store))
    files = [
        (b.path, f"Backup {n} of {len(backups)}: {b.path.name}") for n, b in enumerate(backups, 1)
    ]
    training = training_path(store)
    if training.exists():
        files.append((training, f"The training file: {training.name}"))
    for path, saying in files:
        encrypted = cipher.is_encrypted(path)
        if (encrypted and change is Change.ENCRYPT) or (not encrypted and new_key is None):
            continue  # already as wanted
        progress(saying)
        try:
            source_key = old_key if encrypted else None
            convert_file(path, old_key=source_key, new_key=new_key, now=now, alone=False)
        except (UserError, OSError) as error:
            skipped.append((path, str(error)))
            continue
        except Exception as error:  # a damaged old backup: kept as it is, and said
            skipped.append((path, f"it could not be read ({type(error).__name__})"))
            continue
        done.append(path)
    return done, skipped


def _audit(
    path: Path, change: Change, key: str | None, now: datetime, actor_id: str | None, backups: int
) -> None:
    from tcdesk.services.desk import Desk  # late: Desk imports the store this module converts

    previous = cipher.passphrase()
    cipher.use_passphrase(key)
    desk = Desk.open(path, create=False)
    try:
        with desk.transaction():
            practice = desk.practice()
            desk.audit.record(
                id=new_id(),
                at=utc_iso(now),
                action=AUDIT_ACTION,
                subject_id=practice.id if practice else "",
                actor_id=actor_id,
                detail=f"{change.value}; {backups} backup{'' if backups == 1 else 's'} converted",
            )
    finally:
        desk.close()
        cipher.use_passphrase(key or previous)  # the store's passphrase from now on


def start_encrypted(desk: Desk, new_key: str) -> Desk:
    """The empty store behind ``desk`` made again, encrypted, before anything is typed into it.

    For the app's set-up: the file was just created empty, so nothing is lost
    and no practice data is ever written unencrypted. Returns the new Desk.
    """
    from tcdesk.services.desk import Desk  # late, as in _audit

    cipher.check_new_passphrase(new_key)
    if not desk.is_empty():
        raise UserError(
            "Only an empty practice file can be encrypted this way; use tcdesk encrypt."
        )
    path, clock = Path(desk.path), desk.clock
    desk.close()
    remove_with_side_files(path)
    cipher.use_passphrase(new_key)
    return Desk.open(path, clock=clock)
