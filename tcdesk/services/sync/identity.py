"""Who this install is: its id, the office it is at, the practice's sync key.

Kept in the store (``sync_install``, one row); made at the first sync of the
install that starts the practice's sync, or copied from a join file.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from typing import Any

KEY_BYTES = 32


@dataclass(frozen=True)
class Install:
    install_id: str
    practice_id: str
    office_id: str | None
    sync_key: bytes
    last_sent_seq: int
    last_sync_at: str | None
    folder: str
    joined_from: str


_COLUMNS = (
    "install_id, practice_id, office_id, sync_key, last_sent_seq, last_sync_at, folder, joined_from"
)


def current(conn: Any) -> Install | None:
    rows = conn.execute(f"SELECT {_COLUMNS} FROM sync_install").fetchall()
    if not rows:
        return None
    r = rows[0]
    return Install(r[0], r[1], r[2], bytes(r[3]), int(r[4]), r[5], r[6], r[7])


def _practice_and_main_office(conn: Any) -> tuple[str, str | None]:
    practice = conn.execute(
        "SELECT id FROM practices WHERE deleted_at IS NULL ORDER BY id LIMIT 1"
    ).fetchall()
    if not practice:
        from tcdesk.services.sync.store_apsw import SyncStoreError

        raise SyncStoreError("This file has no practice set up yet: nothing to sync.")
    office = conn.execute(
        "SELECT id FROM offices WHERE practice_id = ? AND deleted_at IS NULL "
        "ORDER BY kind != 'main', name LIMIT 1",
        (practice[0][0],),
    ).fetchall()
    return practice[0][0], office[0][0] if office else None


def start(conn: Any, now: str) -> Install:
    """This install starts the practice's sync: a new install id and a new sync key."""
    practice_id, office_id = _practice_and_main_office(conn)
    conn.execute(
        "INSERT INTO sync_install (install_id, practice_id, office_id, sync_key, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (str(uuid.uuid4()), practice_id, office_id, os.urandom(KEY_BYTES), now),
    )
    found = current(conn)
    assert found is not None
    return found


def become_new_install(conn: Any, office_id: str | None, now: str) -> Install:
    """A joined copy takes its own install id (same practice, same key)."""
    joined = current(conn)
    if joined is None:
        from tcdesk.services.sync.store_apsw import SyncStoreError

        raise SyncStoreError("The join file has no sync identity: make it with sync make-join.")
    conn.execute("DELETE FROM sync_install")
    conn.execute(
        "INSERT INTO sync_install (install_id, practice_id, office_id, sync_key, created_at, "
        "joined_from) VALUES (?, ?, ?, ?, ?, ?)",
        (
            str(uuid.uuid4()),
            joined.practice_id,
            office_id or joined.office_id,
            joined.sync_key,
            now,
            joined.install_id,
        ),
    )
    found = current(conn)
    assert found is not None
    return found


def record_sent(conn: Any, seq: int) -> None:
    conn.execute("UPDATE sync_install SET last_sent_seq = ?", (seq,))


def record_synced(conn: Any, folder: str, now: str) -> None:
    conn.execute("UPDATE sync_install SET last_sync_at = ?, folder = ?", (now, folder))
