"""Writing a whole store into a new file with another key (plain to encrypted and back).

SQLCipher's ``sqlcipher_export`` copies the schema, the rows, the triggers
and the full-text index into an attached database keyed differently; the
online backup API cannot change a key. The copy is then compared with the
original table by table (every row, hashed in a fixed order) before anyone
swaps it in.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from tcdesk.store import cipher, engine
from tcdesk.store.backup import fsync_file, remove_with_side_files


class ConversionFailed(cipher.PassphraseProblem):
    """The new file did not come out the same as the old one; the old one is untouched."""


class StoreInUse(cipher.PassphraseProblem):
    """Another connection (an open tcdesk, a command) has the file open; nothing was changed."""


IN_USE = (
    "{path} is in use (tcdesk is open on it, or a command is running); close tcdesk on every "
    "computer that uses this file, then try again. Nothing was changed."
)


def _key_sql(path: Path, passphrase: str | None, *, new: bool) -> str:
    return cipher.key_pragma_value(path, passphrase, new=new) if passphrase else "''"


def export_copy(
    source: Path,
    destination: Path,
    *,
    source_passphrase: str | None,
    passphrase: str | None,
    alone: bool = True,
) -> Path:
    """Write all of ``source`` into the new file ``destination`` (``passphrase`` None: plain).

    ``alone``: first make sure no other connection has ``source`` open, by taking
    it out of WAL mode (SQLite allows that only to the last connection; it also
    moves everything from the ``-wal`` into the file), and keep others from
    writing until the copy is done. Else ``StoreInUse``, with nothing changed.
    """
    source, destination = Path(source), Path(destination)
    remove_with_side_files(destination)
    fd = os.open(destination, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    dbapi2 = cipher.library()
    conn = dbapi2.connect(str(source))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        if source_passphrase:
            key = cipher.key_pragma_value(source, source_passphrase, new=False)
            conn.execute(f"PRAGMA key = {key}")
        conn.execute("PRAGMA busy_timeout = 2000")
        if alone:
            _take_out_of_wal(conn, source)
        (user_version,) = conn.execute("PRAGMA user_version").fetchone()
        target_key = _key_sql(destination, passphrase, new=True)
        conn.execute(f"ATTACH DATABASE ? AS converted KEY {target_key}", [str(destination)])
        conn.execute("BEGIN IMMEDIATE")  # nobody writes to the original while it is copied
        conn.execute("SELECT sqlcipher_export('converted')")
        conn.execute("COMMIT")
        conn.execute(f"PRAGMA converted.user_version = {int(user_version)}")
        conn.execute("DETACH DATABASE converted")
    except BaseException:
        conn.close()
        remove_with_side_files(destination)
        raise
    conn.close()
    fsync_file(destination)
    return destination


def assert_alone(path: Path, passphrase: str | None = None) -> None:
    """``StoreInUse`` unless no other program has ``path`` open (an open tcdesk, a command).

    SQLite lets only the last connection take a file out of WAL mode, so trying
    it is the test; the file is put back in WAL mode straight after.
    """
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return
    conn = engine.connect(path, passphrase=passphrase)  # None: the process's passphrase
    try:
        conn.execute("PRAGMA busy_timeout = 2000")
        _take_out_of_wal(conn, path)
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()


def _take_out_of_wal(conn: engine.Connection, path: Path) -> None:
    """``StoreInUse`` unless this is the file's only connection (only the last may leave WAL)."""
    try:
        (mode,) = conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    except engine.OperationalError:
        mode = "wal"
    if str(mode).lower() != "delete":
        raise StoreInUse(IN_USE.format(path=path))


def _tables(conn: engine.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name"
    )
    return [row[0] for row in rows]


def fingerprint(conn: engine.Connection) -> dict[str, tuple[int, str]]:
    """Each table's row count and a hash of all its rows in a fixed order."""
    found: dict[str, tuple[int, str]] = {}
    for table in _tables(conn):
        width = len(conn.execute(f"SELECT * FROM [{table}] LIMIT 0").description)
        order = ", ".join(str(i) for i in range(1, width + 1))
        digest = hashlib.sha256()
        count = 0
        for row in conn.execute(f"SELECT * FROM [{table}] ORDER BY {order}"):
            digest.update(repr(tuple(row)).encode())
            count += 1
        found[table] = (count, digest.hexdigest())
    return found


def schema(conn: engine.Connection) -> list[tuple[str, str, str]]:
    rows = conn.execute(
        "SELECT type, name, coalesce(sql, '') FROM sqlite_master "
        "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
    )
    return [tuple(row) for row in rows]


def verify_copy(
    source: Path, destination: Path, *, source_passphrase: str | None, passphrase: str | None
) -> None:
    """Refuse unless ``destination`` is whole and holds exactly what ``source`` holds."""
    old = engine.connect(Path(source), immutable=True, passphrase=source_passphrase or "")
    new = engine.connect(Path(destination), immutable=True, passphrase=passphrase or "")
    try:
        check = [row[0] for row in new.execute("PRAGMA integrity_check")]
        if check != ["ok"]:
            raise ConversionFailed(f"The new file failed its check ({'; '.join(check[:3])}).")
        if schema(old) != schema(new):
            raise ConversionFailed("The new file's tables differ from the practice file's.")
        before, after = fingerprint(old), fingerprint(new)
        if before != after:
            differ = sorted(t for t in before if before[t] != after.get(t))
            raise ConversionFailed(
                "The new file's rows differ from the practice file's in: " + ", ".join(differ)
            )
    finally:
        old.close()
        new.close()
