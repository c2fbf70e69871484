"""Is this file a whole tcdesk practice? Checked before anything writes to it.

Every check here reads without writing: the file is opened through SQLite's
``immutable`` flag (or ``mode=ro`` when a ``-wal`` beside it holds recent
changes), so a refused file stays byte-for-byte as it was and gets no
``-wal``/``-shm`` files next to it. Each refusal names the real reason in one
sentence (damaged, another program's database, a newer tcdesk, empty,
read-only file, read-only folder), and carries a ``problem`` the app uses to
decide what to offer (the newest good backup for a damaged file).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from tcdesk.errors import UserError
from tcdesk.store import early_check, engine, file_locks
from tcdesk.store.cipher import SQLITE_HEADER, header_is_encrypted
from tcdesk.store.schema import MIGRATION_SET, MIGRATIONS_TABLE, known_names

BUSY_MESSAGE = "The practice file is busy (another tcdesk is writing to it); try again in a moment."


class StoreError(UserError):
    """The practice file cannot be used; the message says why and what to do."""


class StoreProblem(Enum):
    MISSING = "missing"
    FOLDER = "folder"
    EMPTY = "empty"
    UNREADABLE = "unreadable"
    NOT_SQLITE = "not_sqlite"
    FOREIGN = "foreign"
    DAMAGED = "damaged"
    NEWER = "newer"
    READ_ONLY_FILE = "read_only_file"
    READ_ONLY_FOLDER = "read_only_folder"
    BUSY = "busy"
    NEEDS_PASSPHRASE = "needs_passphrase"  # encrypted, and no passphrase was given
    WRONG_PASSPHRASE = "wrong_passphrase"


# A backup can stand in for these; the others are fixed where the file is.
BACKUP_HELPS = frozenset(
    {StoreProblem.DAMAGED, StoreProblem.FOREIGN, StoreProblem.NOT_SQLITE, StoreProblem.NEWER}
)


class StoreFileError(StoreError):
    """A refusal of one file, with the reason as data as well as words."""

    def __init__(self, message: str, problem: StoreProblem, path: Path) -> None:
        super().__init__(message)
        self.problem = problem
        self.path = path

    @property
    def backup_may_help(self) -> bool:
        return self.problem in BACKUP_HELPS


class StoreBusyError(StoreError):
    """Another process holds the file's write lock; trying again later works."""


@dataclass(frozen=True)
class StoreFile:
    """What the check found: a new (absent or empty) file, or a practice's applied schema."""

    path: Path
    new: bool
    applied: list[str] = field(default_factory=list)


_MAGIC = (
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or an Office document"),
    (b"GIF8", "a GIF image"),
)


def _what_it_is(header: bytes) -> str | None:
    """What a file that is not plain SQLite is; None when it may be an encrypted store."""
    for magic, name in _MAGIC:
        if header.startswith(magic):
            return name
    try:
        header.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "a text file, not an SQLite database"


def wal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def connect_read_only(path: Path, *, check_same_thread: bool = True) -> engine.Connection:
    """A connection that reads ``path`` without creating or changing any file.

    Without a ``-wal`` the file is complete and ``immutable`` needs no lock
    files; with one, ``mode=ro`` reads the changes the ``-wal`` still holds.
    An encrypted file is opened with the passphrase in use.
    """
    with_wal = wal_path(path).exists()
    return engine.connect(
        path, read_only=with_wal, immutable=not with_wal, check_same_thread=check_same_thread
    )


def _refuse(path: Path, problem: StoreProblem, message: str) -> StoreFileError:
    return StoreFileError(message, problem, path)


def _damaged(path: Path, detail: str) -> StoreFileError:
    return _refuse(
        path,
        StoreProblem.DAMAGED,
        f"{path} is damaged ({detail}); open the newest backup instead.",
    )


def _schema_number(names: list[str]) -> int | None:
    numbers = [int(m.group(1)) for n in names if (m := re.match(r"m(\d+)", n))]
    return max(numbers) if numbers else None


def _check_header(path: Path, header: bytes, size: int) -> None:
    if not header.startswith(SQLITE_HEADER):
        what = _what_it_is(header)
        if what is None and header_is_encrypted(header) and len(header) == 100:
            return  # perhaps encrypted: the passphrase decides (in _applied)
        raise _refuse(
            path,
            StoreProblem.NOT_SQLITE,
            f"{path} is not a tcdesk practice file (it is {what or 'not an SQLite database'}).",
        )
    if len(header) < 100:
        raise _damaged(path, f"it is cut short: {size} bytes, less than one page")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    change_counter, valid_for = header[24:28], header[92:96]
    pages = int.from_bytes(header[28:32], "big")
    expected = page_size * pages
    if change_counter == valid_for and not wal_path(path).exists() and size < expected:
        raise _damaged(path, f"it is cut short: {size:,} of its {expected:,} bytes are there")


def _applied(path: Path, known: list[str]) -> list[str]:
    """The tcdesk changes applied to the file, after SQLite's quick check passed."""
    try:
        conn = connect_read_only(path)
    except engine.PassphraseNeeded as error:
        raise _refuse(path, StoreProblem.NEEDS_PASSPHRASE, str(error)) from None
    except engine.WrongPassphrase as error:
        raise _refuse(path, StoreProblem.WRONG_PASSPHRASE, str(error)) from None
    except engine.Error as error:
        raise _refuse(path, StoreProblem.UNREADABLE, f"Cannot open {path}: {error}.") from None
    try:
        try:
            engine.read_fast(conn)
            result = early_check.result_for(path) or [
                row[0] for row in conn.execute("PRAGMA quick_check").fetchall()
            ]
        except engine.DatabaseError as error:
            if "not a database" in str(error):
                raise _refuse(
                    path,
                    StoreProblem.NOT_SQLITE,
                    f"{path} is not a tcdesk practice file (it is not an SQLite database).",
                ) from None
            raise _damaged(path, str(error)) from None
        if result != ["ok"]:
            raise _damaged(path, "the database disk image is malformed")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return []
        applied: list[str] = []
        if MIGRATIONS_TABLE in tables:
            applied = [
                row[0]
                for row in conn.execute(
                    f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?",
                    [MIGRATION_SET],
                )
            ]
        if not applied:
            raise _refuse(
                path,
                StoreProblem.FOREIGN,
                f"{path} is not a tcdesk practice file "
                "(it is an SQLite database of another program).",
            )
    except engine.DatabaseError as error:
        raise _damaged(path, str(error)) from None
    finally:
        conn.close()
    unknown = [name for name in applied if name not in known]
    if unknown:
        theirs, ours = _schema_number(applied), _schema_number(known)
        schema = (
            f"schema {theirs}, this tcdesk knows {ours}"
            if theirs and ours
            else "unknown changes: " + ", ".join(unknown)
        )
        raise _refuse(
            path,
            StoreProblem.NEWER,
            f"{path} was made by a newer tcdesk ({schema}); update tcdesk to open it. "
            "The file was not changed.",
        )
    return applied


def _check_writable(path: Path, *, exists: bool) -> None:
    folder = path.parent
    if exists and not os.access(path, os.W_OK):
        raise _refuse(
            path,
            StoreProblem.READ_ONLY_FILE,
            f"{path} is read-only (its permissions do not allow changes); "
            "ask whoever manages this computer to make it writable.",
        )
    if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
        verb = "can't be written" if exists else "can't be created"
        raise _refuse(
            path,
            StoreProblem.READ_ONLY_FOLDER,
            f"{path} {verb}: the folder {folder} is read-only "
            "(SQLite keeps its -wal and -shm files next to the practice file).",
        )


def check_store_file(
    path: Path, *, create: bool, write: bool = True, known: list[str] | None = None
) -> StoreFile:
    """Refuse an unusable file without touching it, naming the real reason.

    ``create``: an absent or empty file may become a new store (only the demo,
    the app's first run and practice set-up pass it). ``write=False`` is for
    read-only commands: a read-only file is fine for them. ``known`` is the
    schema this tcdesk knows (the migration names, in order).
    """
    path = Path(path)
    if known is None:
        known = known_names()
    if path.is_dir():
        raise _refuse(path, StoreProblem.FOLDER, f"{path} is a folder; --db needs a practice file.")
    if not path.exists():
        if not create:
            raise _refuse(path, StoreProblem.MISSING, f"{path} does not exist.")
        _check_writable(path, exists=False)
        return StoreFile(path, new=True)
    if not os.access(path, os.R_OK):
        raise _refuse(path, StoreProblem.UNREADABLE, f"Cannot read {path}: permission denied.")
    try:
        size = path.stat().st_size
        header = file_locks.read_head(path, 100)
    except OSError as error:
        raise _refuse(
            path, StoreProblem.UNREADABLE, f"Cannot read {path}: {error.strerror or error}."
        ) from None
    if size == 0:
        if not create:
            raise _refuse(
                path,
                StoreProblem.EMPTY,
                f"{path} is empty (0 bytes) and holds no practice; open tcdesk on it to set up "
                f"a practice, or build the demo there with 'tcdesk demo --db {path}'.",
            )
        _check_writable(path, exists=True)
        return StoreFile(path, new=True)
    _check_header(path, header, size)
    applied = _applied(path, known)
    if not applied and not create:
        raise _refuse(
            path,
            StoreProblem.EMPTY,
            f"{path} is an empty database and holds no practice; open tcdesk on it to set up "
            "a practice.",
        )
    if write:
        _check_writable(path, exists=True)
    return StoreFile(path, new=not applied, applied=applied)


def busy_error(error: BaseException) -> StoreBusyError | None:
    """SQLite's "database is locked"/"busy" as the one-line "busy, try again" refusal."""
    if isinstance(error, engine.OperationalError):
        text = str(error).lower()
        if "database is locked" in text or "database is busy" in text or "locked" in text:
            return StoreBusyError(BUSY_MESSAGE)
    return None


@contextmanager
def writing_alone(path: Path) -> Iterator[None]:
    """Hold the file's writer lock while a command builds or fills a store.

    Four ``tcdesk demo`` at once on one file: one gets the lock and builds, the
    others are told the file is busy. The lock is ``flock`` on the file itself,
    which SQLite's own (POSIX) locks never see; it is released when the
    command ends, or when its process dies. Where ``flock`` does not exist
    (Windows) the command runs without it and SQLite's locks still hold.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    path = Path(path)
    made = not path.exists()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDONLY | os.O_CREAT, 0o600)
    except OSError:  # the check that follows says why the file can't be used
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreBusyError(
                f"{path} is busy (another tcdesk is building or changing it right now); "
                "try again in a moment."
            ) from None
        try:
            yield
        except BaseException:
            # Refused before anything was written (the lock is ours, so nobody else is
            # building in it): leave no empty file behind.
            if made and path.exists() and path.stat().st_size == 0:
                path.unlink()
            raise
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)  # ours now; the close may wait (file_locks)
        file_locks.close(fd)
