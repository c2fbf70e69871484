"""Opening the practice file safely.

Every check that can refuse a file runs before anything writes to it, so a
wrong ``--db`` leaves the file byte-for-byte as it was. Only then is the file
opened for writing, backed up if migrations are pending, and migrated.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from tcdesk.store.migrations import known_names, migrations
from tcdesk.store.store_file import (
    SQLITE_HEADER,
    StoreError,
    busy_error,
    check_store_file,
    read_only_uri,
)

__all__ = [
    "SQLITE_HEADER",
    "StoreError",
    "check_store_file",
    "open_store",
    "open_store_read_only",
]

BUSY_TIMEOUT_MS = 5000


def _create_private_file(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    except OSError as error:
        raise StoreError(f"Cannot create {path}: {error.strerror or error}.") from None
    os.close(fd)


def backup_path_for(path: Path, when: datetime) -> Path:
    stamp = when.strftime("%Y%m%dT%H%M%SZ")
    return path.with_name(f"{path.name}.pre-migration-{stamp}.bak")


def backup_copy(conn: sqlite3.Connection, destination: Path) -> Path:
    """A consistent copy through SQLite's backup API, owner-only like the original."""
    fd = os.open(destination, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    os.close(fd)
    target = sqlite3.connect(destination)
    try:
        conn.backup(target)
    finally:
        target.close()
    return destination


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")


def open_store(path: Path, *, create: bool = True, now: datetime | None = None) -> Database:
    """Open (creating or upgrading as needed) the practice file at ``path``."""
    path = Path(path)
    if not create and not path.exists():
        raise StoreError(f"No practice file at {path}; open tcdesk to set up your practice.")
    applied = check_store_file(path, create=create).applied
    _create_private_file(path)
    try:
        conn = sqlite3.connect(path, check_same_thread=False)
        _configure(conn)
    except sqlite3.Error as error:
        raise busy_error(error) or StoreError(f"Cannot open {path}: {error}.") from None
    db = Database(conn)
    pending = migrations.pending(db)
    if pending and applied:
        backup_copy(conn, backup_path_for(path, now or datetime.now(UTC)))
    if pending:
        migrations.apply(db)
    return db


def open_store_read_only(path: Path) -> Database | None:
    """The practice file opened so that nothing can write to it (read-only commands).

    None when the file still needs this tcdesk's schema changes: those are
    applied by opening it for writing (with the backup before migrations).
    """
    path = Path(path)
    found = check_store_file(path, create=False, write=False)
    if set(known_names()) - set(found.applied):
        return None
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True, check_same_thread=False)
        conn.execute("PRAGMA query_only = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    except sqlite3.Error as error:
        raise StoreError(f"Cannot open {path}: {error}.") from None
    return Database(conn)
