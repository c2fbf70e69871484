"""What this install changed since its last sync: the session extension's diff.

``Session.diff`` against the snapshot (``base``, attached) finds every row that
differs, whichever code wrote it. Its UPDATE records carry only the columns that
changed, and a row-level rule (the newer ``updated_at`` wins) needs the whole
row, so the rows found are written as INSERTs of the full row (a changeset made
on an in-memory copy of the tables), with each updated row's previous
``updated_at`` beside it (``bases``: the version it was edited from, which tells
a real conflict from a plain update). Then the snapshot takes those rows, so it
equals the store again: the next diff holds only edits made after this one.
Hard deletions are not carried (tcdesk deletes softly); they are counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from tcdesk.services.sync import tables
from tcdesk.services.sync.store_apsw import apsw

CHUNK = 500


@dataclass
class LocalChanges:
    changeset: bytes = b""
    bases: dict[str, dict[str, str | None]] = field(default_factory=dict)
    keys: dict[str, list[str]] = field(default_factory=dict)
    hard_deletes: int = 0

    @property
    def rows(self) -> int:
        return sum(len(k) for k in self.keys.values())


def columns(conn: Any, table: str, schema: str = "main") -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA {schema}.table_info([{table}])")]


def primary_key(conn: Any, table: str) -> str:
    keys = [r[1] for r in conn.execute(f"PRAGMA main.table_info([{table}])") if r[5]]
    if len(keys) != 1:  # pragma: no cover - every synced table has one text key
        raise ValueError(f"{table} needs a one-column primary key to sync")
    return keys[0]


def synced_tables(conn: Any) -> list[str]:
    present = {r[0] for r in conn.execute("SELECT name FROM main.sqlite_master")}
    return [t for t in tables.SYNCED if t in present]


def _diff(conn: Any, names: Iterable[str]) -> bytes:
    session = apsw().Session(conn, "main")
    try:
        for table in names:
            session.attach(table)
            session.diff("base", table)
        return session.changeset()
    finally:
        session.close()


def _chunks(keys: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(keys), CHUNK):
        yield keys[start : start + CHUNK]


def full_rows_changeset(conn: Any, keys: dict[str, list[str]]) -> bytes:
    """INSERTs of the whole current rows of ``keys``, as a session changeset."""
    module = apsw()
    scratch = module.Connection(":memory:")
    try:
        for table in keys:
            names = columns(conn, table)
            pk = primary_key(conn, table)
            listed = ", ".join(f"[{c}]" for c in names)
            scratch.execute(f"CREATE TABLE [{table}] ({listed}, PRIMARY KEY ([{pk}]))")
        session = module.Session(scratch, "main")
        for table, wanted in keys.items():
            session.attach(table)
            marks_for = len(columns(conn, table))
            insert = f"INSERT INTO [{table}] VALUES ({', '.join('?' * marks_for)})"
            pk = primary_key(conn, table)
            for chunk in _chunks(wanted):
                marks = ", ".join("?" * len(chunk))
                found = conn.execute(
                    f"SELECT * FROM main.[{table}] WHERE [{pk}] IN ({marks})", chunk
                ).fetchall()
                scratch.executemany(insert, found)
        made = session.changeset()
        session.close()
        return made
    finally:
        scratch.close()


def refresh_base(conn: Any, keys: dict[str, list[str]]) -> None:
    """The snapshot takes the store's current rows of ``keys`` (or drops ones gone)."""
    for table, wanted in keys.items():
        names = columns(conn, table)
        pk = primary_key(conn, table)
        listed = ", ".join(f"[{c}]" for c in names)
        sets = ", ".join(f"[{c}] = excluded.[{c}]" for c in names if c != pk)
        for chunk in _chunks(wanted):
            marks = ", ".join("?" * len(chunk))
            conn.execute(
                f"INSERT INTO base.[{table}] ({listed}) SELECT {listed} FROM main.[{table}] "
                f"WHERE [{pk}] IN ({marks}) ON CONFLICT([{pk}]) DO UPDATE SET {sets}",
                chunk,
            )
            if tables.is_append_only(table):
                continue  # history is never removed (its triggers refuse it)
            conn.execute(
                f"DELETE FROM base.[{table}] WHERE [{pk}] IN ({marks}) AND [{pk}] NOT IN "
                f"(SELECT [{pk}] FROM main.[{table}] WHERE [{pk}] IN ({marks}))",
                chunk + chunk,
            )


def local_changes(conn: Any) -> LocalChanges:
    """This install's edits since the snapshot, as full rows; the snapshot then has them."""
    module = apsw()
    found = LocalChanges()
    names = synced_tables(conn)
    updated_at: dict[str, int | None] = {}
    for table in names:
        cols = columns(conn, table)
        updated_at[table] = cols.index("updated_at") if "updated_at" in cols else None
    dropped: dict[str, list[str]] = {}
    for change in module.Changeset.iter(_diff(conn, names)):
        table = change.name
        (pk_index,) = tuple(change.pk_columns)
        if change.op == "DELETE":
            found.hard_deletes += 1
            dropped.setdefault(table, []).append(change.old[pk_index])
            continue
        values = change.new if change.op == "INSERT" else change.old
        key = values[pk_index]
        found.keys.setdefault(table, []).append(key)
        index = updated_at[table]
        if change.op == "UPDATE" and index is not None:
            before = change.old[index]
            found.bases.setdefault(table, {})[key] = None if before is module.no_change else before
    if found.keys:
        found.changeset = full_rows_changeset(conn, found.keys)
    refresh_base(conn, found.keys)
    refresh_base(conn, dropped)
    return found
