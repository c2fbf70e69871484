"""Copying a practice file through SQLite's online backup API, and checking copies.

A plain file copy of a live store misses whatever sits in the ``-wal`` file
and can catch a page half written; the backup API copies what a reader sees,
pages included from the WAL, as one consistent snapshot. The copy is left in
rollback-journal mode so that it is one self-contained file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from tcdesk.store import engine
from tcdesk.store.schema import MIGRATION_SET, MIGRATIONS_TABLE, known_names

PAGES_PER_STEP = 256  # about 1 MB a step with 4 KiB pages: progress without slowing down
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")

Progress = Callable[[int, int], None]  # (pages copied, pages in all)


class BackupCancelled(Exception):
    """The person asked to stop; the partial copy was removed."""


def _read_only(path: Path) -> engine.Connection:
    """Open a file to look at it without writing anything, not even a -shm beside it."""
    return engine.connect(Path(path), immutable=True)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename durable (a no-op where folders cannot be opened, e.g. Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some file systems cannot sync a folder; the rename still happened
        return
    finally:
        os.close(fd)


def copy_database(
    source: engine.Connection,
    destination: Path,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Copy ``source`` into a new owner-only file at ``destination``, encrypted if it is.

    The source's read transaction is held open for the whole copy, so writes
    by other connections meanwhile neither restart it nor tear it. Cancelling
    (``cancelled()`` turning true) removes the partial file.
    """
    destination = Path(destination)
    fd = os.open(destination, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
    os.close(fd)

    def step(_status: int, remaining: int, total: int) -> None:
        if progress is not None:
            progress(total - remaining, total)
        if cancelled is not None and cancelled():
            raise BackupCancelled

    try:
        target = engine.connect(destination, encrypt=engine.is_encrypted_connection(source))
    except BaseException:
        remove_with_side_files(destination)
        raise
    began = source.in_transaction
    try:
        if not began:
            source.execute("BEGIN")
            source.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot
        source.backup(target, pages=PAGES_PER_STEP, progress=step)
        target.execute("PRAGMA journal_mode = DELETE")  # one file, no -wal beside the copy
        target.close()
        fsync_file(destination)
    except BaseException:
        target.close()
        remove_with_side_files(destination)
        raise
    finally:
        if not began and source.in_transaction:
            source.execute("COMMIT")
    return destination


def copy_file_database(
    source: Path,
    destination: Path,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Copy the store at ``source`` (its -wal included) through a connection of its own."""
    conn = engine.connect(source, check_same_thread=False)
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        return copy_database(conn, destination, progress, cancelled)
    finally:
        conn.close()


def remove_with_side_files(path: Path) -> None:
    for candidate in (path, *(path.with_name(path.name + s) for s in SIDE_SUFFIXES)):
        candidate.unlink(missing_ok=True)


def integrity(path: Path) -> str:
    """``"ok"``, or what SQLite found wrong with the file (one line)."""
    try:
        conn = _read_only(path)
    except engine.Error as error:
        return str(error)
    except engine.PassphraseNeeded:
        return "it is encrypted and no passphrase was given"
    except engine.WrongPassphrase:
        return "the passphrase in use does not open it"
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except engine.DatabaseError as error:
        return str(error)
    finally:
        conn.close()
    found = [str(row[0]) for row in rows]
    if found == ["ok"]:
        return "ok"
    # A row may hold several lines ("*** in database main ***" and then the pages):
    # the message is one line, the first three problems.
    lines = [
        line.strip()
        for row in found
        for line in row.splitlines()
        if line.strip() and not line.strip().startswith("***")
    ]
    return "; ".join(lines[:3]) or "the database disk image is malformed"


def applied_migrations(path: Path) -> list[str] | None:
    """The tcdesk schema changes a file holds; None when it is not a tcdesk store."""
    try:
        conn = _read_only(path)
        try:
            tables = {
                row[0]
                for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if MIGRATIONS_TABLE not in tables:
                return None
            rows = conn.execute(
                f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?",
                [MIGRATION_SET],
            ).fetchall()
        finally:
            conn.close()
    except (*engine.Error, engine.PassphraseNeeded, engine.WrongPassphrase):
        return None
    return [row[0] for row in rows] or None


def newer_changes(applied: list[str]) -> list[str]:
    """Schema changes in a file that this tcdesk does not know (a newer tcdesk made them)."""
    known = set(known_names())
    return [name for name in applied if name not in known]


CHECKPOINT_WAIT_MS = 200  # a reader elsewhere must not freeze the window for long


def checkpoint(conn: engine.Connection) -> bool:
    """Move everything from the -wal into the file itself and empty the -wal.

    True when the whole WAL was moved; False when another connection kept it
    busy (then it waited at most ``CHECKPOINT_WAIT_MS``, and the next
    checkpoint or close moves it).
    """
    try:
        (previous,) = conn.execute("PRAGMA busy_timeout").fetchone()
        conn.execute(f"PRAGMA busy_timeout = {CHECKPOINT_WAIT_MS}")
        try:
            busy, _log, _moved = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            conn.execute(f"PRAGMA busy_timeout = {int(previous)}")
    except engine.Error:
        return False
    return busy == 0


def checkpoint_file(path: Path) -> None:
    """Checkpoint a store nobody in this process has open, so its -wal can go."""
    conn = engine.connect(path)
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        checkpoint(conn)
    finally:
        conn.close()
