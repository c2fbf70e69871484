"""The practice file opened with APSW (SQLite3 Multiple Ciphers): the sync process only.

A plain file opens as it is; an encrypted one (SQLCipher 4, as tcdesk writes
it) with ``cipher='sqlcipher'``, ``legacy=4`` and the practice's passphrase.
The sync snapshot beside it is attached as ``base``, encrypted the same way.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

from tcdesk.errors import UserError
from tcdesk.store import cipher

BUSY_TIMEOUT_MS = 5000


class SyncStoreError(UserError):
    """The practice file or its snapshot cannot be opened for sync; nothing was changed."""


def apsw() -> Any:
    import apsw as module  # only here: the GUI process never imports it

    return module


@cache
def _connection_class() -> type:
    """APSW's connection, able to remember whether (and with what) it was keyed."""
    return type("SyncConnection", (apsw().Connection,), {"encrypted": False, "passphrase": None})


def base_path_for(path: Path) -> Path:
    """The snapshot taken at the last sync, beside the store."""
    return path.with_name(f"{path.name}.sync-base")


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _key(conn: Any, passphrase: str | None, path: Path) -> None:
    if not passphrase:
        raise SyncStoreError(cipher.needs_passphrase_message(path))
    conn.execute("PRAGMA cipher = 'sqlcipher'")
    conn.execute("PRAGMA legacy = 4")
    conn.execute(f"PRAGMA key = {_quoted(passphrase)}")


def connect(path: Path, passphrase: str | None) -> Any:
    """An APSW connection to the practice file, keyed when it is encrypted."""
    path = Path(path)
    if not path.is_file():
        raise SyncStoreError(f"No practice file at {path}.")
    module = apsw()
    encrypted = cipher.is_encrypted(path)
    conn = _connection_class()(str(path))
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if encrypted:
            _key(conn, passphrase, path)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA recursive_triggers = ON")  # as the app's connections have it
    except module.NotADBError:
        conn.close()
        raise SyncStoreError(cipher.wrong_passphrase_message(path)) from None
    except SyncStoreError:
        conn.close()
        raise
    conn.encrypted = encrypted
    conn.passphrase = passphrase if encrypted else None
    return conn


def make_private_empty(path: Path) -> None:
    """An empty owner-only file for VACUUM INTO to fill (it keeps the file's mode)."""
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def vacuum_into(conn: Any, target: Path, schema: str = "main") -> None:
    """A consistent, compact copy (encrypted with the same key when the store is).

    Made under a dot-name and renamed once whole: a sync stopped while it copies
    leaves no half snapshot for the next one to take as whole.
    """
    partial = target.with_name(f".{target.name}.partial")
    for leftover in ("-journal", "-wal", "-shm"):  # of a copy that was stopped
        partial.with_name(partial.name + leftover).unlink(missing_ok=True)
    make_private_empty(partial)
    try:
        conn.execute(f"VACUUM {schema} INTO ?", (str(partial),))
        fd = os.open(partial, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def match_encryption(store: Path, base: Path, passphrase: str | None) -> None:
    """The snapshot encrypted exactly when the store is (after ``tcdesk encrypt``/``decrypt``).

    ``PRAGMA rekey`` rewrites it in place: it never holds a family's data in the clear
    beside an encrypted store, nor needs a passphrase the store no longer has.
    """
    if not base.exists() or cipher.is_encrypted(base) == cipher.is_encrypted(store):
        return
    if cipher.is_encrypted(base) and not passphrase:
        raise SyncStoreError(
            f"The sync snapshot {base.name} is still encrypted (the practice file was "
            f"decrypted since): give the passphrase once more in {cipher.ENVIRONMENT} or "
            "with --passphrase-file FILE, and this sync decrypts it too."
        )
    conn = connect(base, passphrase)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        if conn.encrypted:
            conn.execute("PRAGMA rekey = ''")
        else:
            if not passphrase:
                raise SyncStoreError(cipher.needs_passphrase_message(store))
            conn.execute("PRAGMA cipher = 'sqlcipher'")
            conn.execute("PRAGMA legacy = 4")
            conn.execute(f"PRAGMA rekey = {_quoted(passphrase)}")
    finally:
        conn.close()


def attach_base(conn: Any, base: Path) -> None:
    if getattr(conn, "encrypted", False):
        conn.execute("ATTACH ? AS base KEY ?", (str(base), conn.passphrase))
    else:
        conn.execute("ATTACH ? AS base", (str(base),))
    conn.execute("SELECT count(*) FROM base.sqlite_master").fetchall()


def applied_migrations(conn: Any, schema: str = "main") -> int:
    row = conn.execute(
        f"SELECT count(*) FROM {schema}._sqlite_migrations WHERE migration_set = 'tcdesk'"
    ).fetchone()
    return int(row[0])
