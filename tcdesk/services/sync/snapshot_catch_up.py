"""The snapshot brought level with the store after a sync died between their two commits.

A sync writes the store and its snapshot (``base``) in one transaction, but both
are WAL files, and SQLite commits a transaction over two WAL files one file at a
time (the store first): a kill between the two leaves the store synced and the
snapshot as it was. The next diff would then send the rows that came in from
other offices back out as this install's edits (and the rows already sent again).

So the snapshot keeps its own copy of the store's sync bookkeeping
(``sync_install`` and ``sync_applied``, which are never synced and otherwise
unused in it), updated in the same transaction. When the copy lags the store's,
the snapshot missed the last commit: it takes the rows of the files that commit
sent (this install's own, in the folder) and applied (others', by the ledger's
order), which are the rows it would have taken then. Run inside the sync's
transaction, before the diff.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tcdesk.services.sync import changeset_file, identity, snapshot, tables
from tcdesk.services.sync.changeset_file import BadFile, WrongSyncKey
from tcdesk.services.sync.store_apsw import apsw


def _missed_files(conn: Any, folder: Path, install: identity.Install) -> list[Path]:
    rows = conn.execute("SELECT last_sent_seq FROM base.sync_install").fetchall()
    sent_before = int(rows[0][0]) if rows else 0
    own = changeset_file.numbered_files(folder / install.install_id)
    missed = [own[s] for s in range(sent_before + 1, install.last_sent_seq + 1) if s in own]
    applied = conn.execute(
        "SELECT install_id, seq FROM main.sync_applied AS m WHERE NOT EXISTS (SELECT 1 FROM "
        "base.sync_applied AS b WHERE b.install_id = m.install_id AND b.seq = m.seq) "
        "ORDER BY m.rowid"
    ).fetchall()
    for writer, seq in applied:
        path = folder / writer / changeset_file.file_name(int(seq))
        if path.is_file():
            missed.append(path)
    return missed


def _take_rows(conn: Any, changeset: bytes) -> int:
    """The snapshot takes each whole row of ``changeset`` where it differs from the store.

    Where the snapshot already equals the store the row is left: an incoming row
    this install's newer edit beat (the snapshot has that edit, already sent).
    History rows go in only if new.
    """
    module = apsw()
    statements: dict[str, tuple[str, str, str]] = {}
    taken = 0
    for change in module.Changeset.iter(changeset) if changeset else ():
        table, row = change.name, tuple(change.new)
        if table not in statements:
            names = snapshot.columns(conn, table, "base")[: len(row)]
            pk = snapshot.primary_key(conn, table)
            listed = ", ".join(f"[{c}]" for c in names)
            sets = ", ".join(f"[{c}] = excluded.[{c}]" for c in names if c != pk)
            action = "NOTHING" if tables.is_append_only(table) else f"UPDATE SET {sets}"
            statements[table] = (
                f"INSERT INTO base.[{table}] ({listed}) VALUES ({', '.join('?' * len(row))}) "
                f"ON CONFLICT([{pk}]) DO {action}",
                f"SELECT * FROM main.[{table}] WHERE [{pk}] = ?",
                f"SELECT * FROM base.[{table}] WHERE [{pk}] = ?",
            )
        upsert, here, before = statements[table]
        (pk_index,) = tuple(change.pk_columns)
        key = (row[pk_index],)
        if conn.execute(here, key).fetchall() == conn.execute(before, key).fetchall():
            continue
        try:
            conn.execute(upsert, row)
            taken += 1
        except module.ConstraintError:
            pass  # a row the store left out too (a uniqueness rule): the diff sends nothing
    return taken


def catch_up(conn: Any, folder: Path, install: identity.Install) -> int:
    """Rows the snapshot took from the files of a commit it missed (0 when it was level)."""
    taken = 0
    for path in _missed_files(conn, folder, install):
        try:
            _header, payload = changeset_file.read(path, install.sync_key)
        except (BadFile, WrongSyncKey):
            continue  # it was read whole when it was sent or applied; nothing better to do
        taken += _take_rows(conn, payload.changeset)
    return taken


def record(conn: Any) -> None:
    """The snapshot's copy of the bookkeeping, as the store's is at this commit."""
    conn.execute("DELETE FROM base.sync_install")
    conn.execute("INSERT INTO base.sync_install SELECT * FROM main.sync_install")
    conn.execute("INSERT OR IGNORE INTO base.sync_applied SELECT * FROM main.sync_applied")
