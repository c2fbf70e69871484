"""Opening the practice file safely.

Every check that can refuse a file runs before anything writes to it, so a
wrong ``--db`` leaves the file byte-for-byte as it was. Only then is the file
opened for writing, backed up if migrations are pending, and migrated.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from tcdesk.store import cipher, engine
from tcdesk.store.database import Database
from tcdesk.store.schema import known_names
from tcdesk.store.store_file import (
    SQLITE_HEADER,
    StoreError,
    busy_error,
    check_store_file,
    connect_read_only,
)

__all__ = [
    "SQLITE_HEADER",
    "StoreError",
    "check_store_file",
    "open_another",
    "open_store",
    "open_store_read_only",
]

BUSY_TIMEOUT_MS = 5000
# How long a write started on the GUI thread may wait for another program's
# lock: well under the ~100 ms a person notices. The caller retries later.
GUI_BUSY_TIMEOUT_MS = 50


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


def backup_copy(conn: engine.Connection, destination: Path) -> Path:
    """A consistent copy through the backup API: owner-only, encrypted when the original is."""
    fd = os.open(destination, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    os.close(fd)
    target = engine.connect(destination, encrypt=engine.is_encrypted_connection(conn))
    try:
        conn.backup(target)
    finally:
        target.close()
    return destination


def _configure(conn: engine.Connection) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    engine.read_fast(conn)


@contextlib.contextmanager
def short_busy_wait(conn: engine.Connection, ms: int = GUI_BUSY_TIMEOUT_MS) -> Iterator[None]:
    """Writes inside wait at most ``ms`` for a lock held elsewhere, then fail "locked".

    For writes made on the GUI thread that are retried by a timer (the console's
    autosave): a lock held by another program then costs one short wait and a
    clear message, not a frozen window. The connection's usual timeout
    (``BUSY_TIMEOUT_MS``, what CLI commands use) is put back afterwards.
    """
    previous = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute(f"PRAGMA busy_timeout = {int(ms)}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(previous)}")


def open_store(
    path: Path,
    *,
    create: bool = True,
    now: datetime | None = None,
    back_up_before_migrating: Callable[[Path], object] | None = None,
) -> Database:
    """Open (creating or upgrading as needed) the practice file at ``path``.

    ``back_up_before_migrating(path)`` makes the copy taken before an existing
    file's schema is upgraded (services.backups); without it, a copy beside the file.
    """
    path = Path(path)
    if not create and not path.exists():
        raise StoreError(f"No practice file at {path}; open tcdesk to set up your practice.")
    found = check_store_file(path, create=create)
    applied = found.applied
    if found.new and cipher.passphrase():  # a new file is encrypted with it: a fit one
        cipher.check_new_passphrase(cipher.passphrase() or "")
    _create_private_file(path)
    try:
        conn = engine.connect(path, check_same_thread=False)
        _configure(conn)
    except engine.Error as error:
        raise busy_error(error) or StoreError(f"Cannot open {path}: {error}.") from None
    db = Database(conn)
    pending = [name for name in known_names() if name not in applied]
    if pending and applied and back_up_before_migrating is not None:
        back_up_before_migrating(path)
    elif pending and applied:
        backup_copy(conn, backup_path_for(path, now or datetime.now(UTC)))
    if pending:
        from tcdesk.store.migrations import migrations  # sqlite-utils: only to build the schema

        migrations.apply(db.migrations_database())
    return db


def open_another(path: Path) -> Database:
    """One more connection to a store this process has already opened (checked, migrated).

    For a pool thread's own reads and small writes (the dashboard keeps its month
    counts): the file was checked when it was first opened, so it is not again.
    """
    try:
        conn = engine.connect(path, check_same_thread=False)
        _configure(conn)
    except engine.Error as error:
        raise busy_error(error) or StoreError(f"Cannot open {path}: {error}.") from None
    return Database(conn)


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
        conn = connect_read_only(path, check_same_thread=False)
        conn.execute("PRAGMA query_only = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        engine.read_fast(conn)
    except engine.Error as error:
        raise StoreError(f"Cannot open {path}: {error}.") from None
    return Database(conn)
