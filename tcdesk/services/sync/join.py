"""Joining: a new install starts from a join file an admin made.

The join file is a copy of the admin install's sync snapshot (the store as of
its last sync, which its ledger accounts for exactly), with the admin's sync
identity and ledger in it and the admin's own sent files counted as applied. So
the new install holds what the snapshot holds, and gets everything after it
from the folder. It carries the practice's data and sync key: keep it like a
backup, and delete it once the laptop has joined. Both files are made under a
dot-name and take their own name only once whole, so a stopped command leaves
nothing a satellite could start from half-made.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tcdesk.services.sync import identity, store_apsw, sync_lock, sync_run
from tcdesk.store import cipher


@dataclass(frozen=True)
class Joined:
    install_id: str
    practice_id: str
    office_id: str | None
    path: Path


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def make_join(path: Path, out: Path, passphrase: str | None) -> Path:
    """Write the join file ``out`` from this install (which must have synced once)."""
    path, out = Path(path), Path(out)
    if out.exists():
        raise store_apsw.SyncStoreError(f"{out} already exists; choose a new name.")
    sync_run.prepare(path)
    base = store_apsw.base_path_for(path)
    partial = _partial(out)
    with sync_lock.held(path):
        conn = store_apsw.connect(path, passphrase)
        try:
            install = identity.current(conn)
            if install is None or not base.exists():
                raise store_apsw.SyncStoreError(
                    "This install has not synced yet: run tcdesk sync --folder DIR first."
                )
            store_apsw.attach_base(conn, base)
            store_apsw.vacuum_into(conn, partial, "base")
        finally:
            conn.close()
        copy = store_apsw.connect(partial, passphrase)
        try:
            copy.execute(
                "ATTACH ? AS live" + (" KEY ?" if copy.encrypted else ""), _live(path, copy)
            )
            with copy:
                for table in ("sync_install", "sync_applied", "sync_row_writers"):
                    copy.execute(f"DELETE FROM main.{table}")
                    copy.execute(f"INSERT INTO main.{table} SELECT * FROM live.{table}")
                copy.execute("DELETE FROM main.sync_conflicts")
                copy.execute("DELETE FROM main.kpi_month_counts")  # derived: counted again
                if install.last_sent_seq:
                    copy.execute(
                        "INSERT OR IGNORE INTO sync_applied VALUES (?, ?, ?, 0)",
                        (install.install_id, install.last_sent_seq, _now()),
                    )
        finally:
            copy.close()
        _publish(partial, out)
    return out


def _partial(final: Path) -> Path:
    """Where a join file or a joined practice file is made before it has its name."""
    return final.with_name(f".{final.name}.partial")


def _publish(partial: Path, final: Path) -> None:
    """``partial`` takes its name once whole: a stopped make-join or join leaves no file
    under the name that looks whole and is not (a satellite would start from it)."""
    fd = os.open(partial, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(partial, final)  # never over a file made meanwhile
    except FileExistsError:
        raise store_apsw.SyncStoreError(f"{final} already exists; choose a new name.") from None
    finally:
        partial.unlink(missing_ok=True)
    folder = os.open(final.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def _live(path: Path, copy: object) -> tuple[str, ...]:
    if getattr(copy, "encrypted", False):
        return (str(path), getattr(copy, "passphrase", ""))
    return (str(path),)


def join(join_file: Path, new_path: Path, passphrase: str | None, office: str | None) -> Joined:
    """Make this computer's practice file at ``new_path`` from ``join_file``."""
    join_file, new_path = Path(join_file), Path(new_path)
    if not join_file.is_file():
        raise store_apsw.SyncStoreError(f"No join file at {join_file}.")
    if new_path.exists():
        raise store_apsw.SyncStoreError(
            f"{new_path} already exists: join into a new file (a practice file is never "
            "overwritten)."
        )
    if cipher.is_encrypted(join_file) and not passphrase:
        raise store_apsw.SyncStoreError(cipher.needs_passphrase_message(join_file))
    partial = _partial(new_path)
    store_apsw.make_private_empty(partial)  # a stopped join's leftover goes
    try:
        with join_file.open("rb") as source, partial.open("r+b") as target:
            shutil.copyfileobj(source, target)
        conn = store_apsw.connect(partial, passphrase)
        try:
            with conn:
                office_id = _office(conn, office)
                install = identity.become_new_install(conn, office_id, _now())
            store_apsw.vacuum_into(conn, store_apsw.base_path_for(new_path))
        finally:
            conn.close()
        _publish(partial, new_path)
    except BaseException:
        partial.unlink(missing_ok=True)
        store_apsw.base_path_for(new_path).unlink(missing_ok=True)
        raise
    return Joined(install.install_id, install.practice_id, install.office_id, new_path)


def _office(conn: object, office: str | None) -> str | None:
    if office is None:
        return None
    rows = conn.execute(  # type: ignore[attr-defined]
        "SELECT id FROM offices WHERE deleted_at IS NULL AND (id = ? OR name = ? COLLATE NOCASE)",
        (office, office),
    ).fetchall()
    if len(rows) != 1:
        names = [r[0] for r in conn.execute("SELECT name FROM offices WHERE deleted_at IS NULL")]  # type: ignore[attr-defined]
        raise store_apsw.SyncStoreError(
            f"No office {office!r} in this practice; its offices are: {', '.join(names)}."
        )
    return rows[0][0]
