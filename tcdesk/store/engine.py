"""The one place that opens SQLite connections: plain with ``sqlite3``, encrypted with SQLCipher.

Which library opens a file is decided by the file itself (its first bytes),
so a file is never opened by both libraries in one process (their POSIX
locks would not see each other). A new file is encrypted when a passphrase
is in use (``cipher.use_passphrase``) unless the caller says otherwise.
SQLCipher's exceptions are not ``sqlite3``'s, so code that catches a
database error catches ``engine.Error`` (or ``DatabaseError``,
``OperationalError``), which are both.
"""

from __future__ import annotations

import sqlite3
import weakref
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from tcdesk.store import cipher, file_locks


def _cipher_errors(name: str) -> tuple[type[BaseException], ...]:
    try:
        from sqlcipher3 import dbapi2
    except ImportError:  # pragma: no cover - a dependency; plain files still work
        return ()
    return (getattr(dbapi2, name),)


_ERRORS = ("Error", "DatabaseError", "OperationalError", "IntegrityError")


def __getattr__(name: str) -> Any:
    """``Error`` and the others, made when first asked for (an ``except`` reached, mostly).

    Importing sqlcipher3 for its exception classes cost every plain practice
    file 5-10 ms at start-up; an encrypted one imports it to connect anyway.
    """
    if name not in _ERRORS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = (getattr(sqlite3, name), *_cipher_errors(name))
    globals()[name] = value  # the next use is a plain lookup
    return value


Connection = Any  # sqlite3.Connection or sqlcipher3's, which has the same methods


class WrongPassphrase(cipher.PassphraseProblem):
    """The passphrase in use does not open this encrypted file."""


class PassphraseNeeded(cipher.PassphraseProblem):
    """The file is encrypted and no passphrase was given."""


def _uri(path: Path, read_only: bool, immutable: bool) -> tuple[str, bool]:
    if immutable:
        return f"{path.resolve().as_uri()}?mode=ro&immutable=1", True
    if read_only:
        return f"{path.resolve().as_uri()}?mode=ro", True
    return str(path), False


def connect(
    path: Path,
    *,
    read_only: bool = False,
    immutable: bool = False,
    check_same_thread: bool = True,
    encrypt: bool | None = None,
    passphrase: str | None = None,
) -> Connection:
    """A connection to ``path``, keyed when the file is (or, new, is to be) encrypted.

    ``encrypt`` decides for a new or empty file (default: when a passphrase is in
    use); an existing file is what its first bytes say. ``passphrase`` overrides
    the process's for this one connection (converting files). A wrong or missing
    passphrase is ``WrongPassphrase`` / ``PassphraseNeeded``, with nothing written.
    """
    path = Path(path)
    secret = passphrase if passphrase is not None else cipher.passphrase()
    exists = path.exists() and path.stat().st_size > 0
    wanted = encrypt if encrypt is not None else bool(secret)
    encrypted = cipher.is_encrypted(path) if exists else wanted
    target, uri = _uri(path, read_only, immutable)
    if not encrypted:
        conn = sqlite3.connect(
            target, uri=uri, check_same_thread=check_same_thread, factory=PlainConnection
        )
        conn.track(path)
        return conn
    if not secret:
        raise PassphraseNeeded(cipher.needs_passphrase_message(path))
    if not exists:
        cipher.check_new_passphrase(secret)  # never a new file locked with "abc"
    dbapi2 = cipher.library()
    conn = dbapi2.connect(
        target, uri=uri, check_same_thread=check_same_thread, factory=_encrypted_class()
    )
    conn.track(path)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # its own stderr lines: never to the user
        conn.execute(f"PRAGMA key = {cipher.key_pragma_value(path, secret, new=not exists)}")
        conn.execute("PRAGMA temp_store = MEMORY")  # sorts and temp tables never go to disk
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except dbapi2.DatabaseError as error:
        conn.close()
        if "not a database" in str(error):
            raise WrongPassphrase(cipher.wrong_passphrase_message(path)) from None
        raise
    return conn


# A large practice (100,000 patients) is a file of a few hundred MB: reading it through
# memory mapping and a 32 MB page cache makes the queue's and the dashboard's scans, and
# the quick check on opening, a third to twice as fast as SQLite's defaults (2 MB cache,
# read() per page).
MMAP_BYTES = 256 * 1024 * 1024
CACHE_KIB = 32 * 1024


def read_fast(conn: Connection) -> None:
    conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")


def is_encrypted_connection(conn: Connection) -> bool:
    return getattr(conn, "encrypted", False) or type(conn).__module__.startswith("sqlcipher3")


class _Tracked:
    """A connection that tells tcdesk.store.file_locks when it opens and closes.

    While it is open, tcdesk's own descriptors on the file are closed only after
    it (closing one would release this connection's POSIX locks).
    """

    encrypted = False
    _closed: Callable[[], None] | None = None

    def track(self, path: Path) -> None:
        closed = file_locks.connection_opened(path)
        self._closed = closed
        weakref.finalize(self, closed)  # a connection dropped without close()

    def close(self) -> None:
        super().close()  # type: ignore[misc]
        if self._closed is not None:
            self._closed()


class PlainConnection(_Tracked, sqlite3.Connection):
    pass


@cache
def _encrypted_class() -> type:
    dbapi2 = cipher.library()
    return type("EncryptedConnection", (_Tracked, dbapi2.Connection), {"encrypted": True})
