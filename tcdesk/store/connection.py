"""Opening the practice file safely.

Every check that can refuse a file runs before anything writes to it, so a
wrong ``--db`` leaves the file byte-for-byte as it was. Only then is the file
opened for writing, backed up if migrations are pending, and migrated.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from tcdesk.errors import UserError
from tcdesk.store.migrations import MIGRATION_SET, known_names, migrations

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
# How long a write started on the GUI thread may wait for another program's
# lock: well under the ~100 ms a person notices. The caller retries later.
GUI_BUSY_TIMEOUT_MS = 50


class StoreError(UserError):
    """The practice file cannot be used; the message says why and what to do."""


def _read_header(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER))
    except PermissionError:
        raise StoreError(f"Cannot read {path}: permission denied.") from None
    except OSError as error:
        raise StoreError(f"Cannot read {path}: {error.strerror or error}.") from None


def _applied_migrations(path: Path) -> tuple[list[str], bool]:
    """Names applied to an existing file, and whether it holds any tables at all."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as error:
        raise StoreError(f"Cannot open {path}: {error}.") from None
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if migrations.migrations_table not in tables:
            return [], bool(tables)
        rows = conn.execute(
            f"SELECT name FROM {migrations.migrations_table} WHERE migration_set = ?",
            [MIGRATION_SET],
        ).fetchall()
        return [row[0] for row in rows], True
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path} is not a tcdesk practice file ({error}).") from None
    finally:
        conn.close()


def check_store_file(path: Path) -> list[str]:
    """Refuse unusable files without touching them; return applied migration names."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder; --db needs a practice file.")
    if not path.exists() or path.stat().st_size == 0:
        return []
    if not os.access(path, os.R_OK):
        raise StoreError(f"Cannot read {path}: permission denied.")
    if _read_header(path) != SQLITE_HEADER:
        raise StoreError(f"{path} is not a tcdesk practice file (it is not an SQLite database).")
    applied, has_tables = _applied_migrations(path)
    if has_tables and not applied:
        raise StoreError(
            f"{path} is an SQLite database but not a tcdesk practice file "
            "(it has tables tcdesk did not make)."
        )
    unknown = [name for name in applied if name not in known_names()]
    if unknown:
        raise StoreError(
            f"{path} was written by a newer tcdesk (unknown changes: {', '.join(unknown)}). "
            "Update tcdesk to open it; the file was not changed."
        )
    if not os.access(path, os.W_OK):
        raise StoreError(f"Cannot write to {path}: permission denied.")
    return applied


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


@contextlib.contextmanager
def short_busy_wait(conn: sqlite3.Connection, ms: int = GUI_BUSY_TIMEOUT_MS) -> Iterator[None]:
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
    applied = check_store_file(path)
    _create_private_file(path)
    try:
        conn = sqlite3.connect(path, check_same_thread=False)
        _configure(conn)
    except sqlite3.Error as error:
        raise StoreError(f"Cannot open {path}: {error}.") from None
    db = Database(conn)
    pending = migrations.pending(db)
    if pending and applied and back_up_before_migrating is not None:
        back_up_before_migrating(path)
    elif pending and applied:
        backup_copy(conn, backup_path_for(path, now or datetime.now(UTC)))
    if pending:
        migrations.apply(db)
    return db
