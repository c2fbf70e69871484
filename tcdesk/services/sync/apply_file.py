"""Applying another install's changeset with ``Changeset.apply`` and the conflict rule.

Every change is a whole row (``snapshot``). A row not here is inserted; one
here that differs goes to ``conflict_rule``. A row that breaks a uniqueness
rule against another row here is settled by ``uniqueness`` (the newer stays);
one whose rows refer to rows not here yet aborts the file (it waits for the
other files). Inside a savepoint, so a
refused file changes nothing; the ledger row and the conflicts go in with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tcdesk.services.sync import conflicts, ledger, snapshot, tables, uniqueness
from tcdesk.services.sync.changeset_file import Header, Payload
from tcdesk.services.sync.conflict_rule import Version, decide
from tcdesk.services.sync.store_apsw import apsw


class NeedsOtherFiles(Exception):
    """The file refers to rows that are not here yet."""


@dataclass
class Applied:
    rows: int = 0
    conflicts: list[conflicts.Conflict] = field(default_factory=list)
    left_out: int = 0


def _writers(conn: Any, table: str, key: str) -> tuple[str, str] | None:
    rows = conn.execute(
        "SELECT updated_at, install_id FROM sync_row_writers WHERE table_name = ? AND row_id = ?",
        (table, key),
    ).fetchall()
    return (rows[0][0], rows[0][1]) if rows else None


class _Handler:
    def __init__(self, conn: Any, header: Header, payload: Payload, self_id: str, now: str):
        self.conn = conn
        self.header = header
        self.bases = payload.bases
        self.self_id = self_id
        self.now = now
        self.result = Applied()
        self.omitted: set[tuple[str, str]] = set()
        self.clashes: list[uniqueness.Clash] = []
        self._columns: dict[str, list[str]] = {}

    def columns(self, table: str) -> list[str]:
        if table not in self._columns:
            self._columns[table] = snapshot.columns(self.conn, table)
        return self._columns[table]

    def __call__(self, reason: int, change: Any) -> int:
        module = apsw()
        if reason == module.SQLITE_CHANGESET_FOREIGN_KEY:
            return module.SQLITE_CHANGESET_ABORT
        table = change.name
        (pk_index,) = tuple(change.pk_columns)
        incoming = tuple(change.new or ())
        key = incoming[pk_index] if incoming else change.old[pk_index]
        if reason == module.SQLITE_CHANGESET_CONSTRAINT:
            self.clashes.append(uniqueness.Clash(table, key, incoming))  # settled after
            return self._omit(table, key)
        if reason != module.SQLITE_CHANGESET_CONFLICT:  # only INSERTs are ever written
            return self._omit(table, key)
        current = tuple(change.conflict)
        if current == incoming or tables.is_append_only(table):
            return self._omit(table, key)
        cols = self.columns(table)
        at = cols.index("updated_at")
        here = Version(current[at], self._writer_here(table, key, current[at]))
        there = Version(incoming[at], self.header.install_id)
        decision = decide(here, there, self.bases.get(table, {}).get(key))
        winner, loser, lost = (
            (there, here, current)
            if decision.take_incoming
            else (
                here,
                there,
                incoming,
            )
        )
        if decision.is_conflict:
            self._keep(table, key, loser.install_id, loser.updated_at, lost, winner=winner)
        if decision.take_incoming:
            return module.SQLITE_CHANGESET_REPLACE
        return self._omit(table, key)

    def settle_clashes(self) -> None:
        """Rows another office made with a unique key made here too: the newer one stays."""
        for clash in self.clashes:
            table, key = clash.table, clash.key
            settled = uniqueness.settle(
                self.conn,
                clash,
                self.header.install_id,
                lambda here_key, at, table=table: self._writer_here(table, here_key, at),
            )
            if settled is None:
                self._keep(table, key, "", "", clash.incoming, kept_install="(uniqueness rule)")
                continue
            if settled.taken:
                self.omitted.discard((table, key))
            self._keep(
                table,
                settled.kept_key,
                settled.lost.install_id,
                settled.lost.updated_at,
                settled.lost_row,
                winner=settled.kept,
            )

    def _writer_here(self, table: str, key: str, updated_at: str) -> str:
        known = _writers(self.conn, table, key)
        return known[1] if known and known[0] == updated_at else self.self_id

    def _omit(self, table: str, key: str) -> int:
        self.omitted.add((table, key))
        return apsw().SQLITE_CHANGESET_OMIT

    def _keep(
        self,
        table: str,
        key: str,
        lost_install: str,
        lost_updated_at: str,
        lost: tuple[Any, ...],
        *,
        winner: Version | None = None,
        kept_install: str = "",
    ) -> None:
        if not lost_install:
            lost_install = self.header.install_id
        row = dict(zip(self.columns(table), lost, strict=True))
        self.result.conflicts.append(
            conflicts.Conflict(
                at=self.now,
                table_name=table,
                row_id=str(key),
                kept_install=winner.install_id if winner else kept_install,
                kept_updated_at=winner.updated_at if winner else "",
                lost_install=lost_install,
                lost_updated_at=lost_updated_at or str(row.get("updated_at", "")),
                lost_row={c: conflicts._plain(v) for c, v in row.items()},
            )
        )


def apply(conn: Any, header: Header, payload: Payload, self_id: str, now: str) -> Applied:
    """Apply one file here, with its ledger row and conflicts; all or nothing."""
    handler = _Handler(conn, header, payload, self_id, now)
    changes = _rows_of(payload.changeset)
    conn.execute("SAVEPOINT sync_file")
    try:
        if changes:
            apply_changes(conn, payload.changeset, handler)
            handler.settle_clashes()
        touched: dict[str, list[str]] = {}
        writers = []
        for table, key, new in changes:
            if (table, key) in handler.omitted:
                continue
            touched.setdefault(table, []).append(key)
            if not tables.is_append_only(table):
                at = handler.columns(table).index("updated_at")
                writers.append((table, key, new[at], header.install_id))
        conn.executemany(
            "INSERT INTO sync_row_writers (table_name, row_id, updated_at, install_id) "
            "VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET updated_at = excluded."
            "updated_at, install_id = excluded.install_id",
            writers,
        )
        snapshot.refresh_base(conn, touched)
        for conflict in handler.result.conflicts:
            conflicts.record(conn, conflict)
        handler.result.rows = sum(len(k) for k in touched.values())
        handler.result.left_out = len(changes) - handler.result.rows
        ledger.record(conn, header.install_id, header.seq, handler.result.rows, now)
    except BaseException:
        conn.execute("ROLLBACK TO sync_file")
        conn.execute("RELEASE sync_file")
        raise
    conn.execute("RELEASE sync_file")
    return handler.result


def _rows_of(changeset: bytes) -> list[tuple[str, str, tuple[Any, ...]]]:
    """(table, key, whole new row) of each change (a TableChange lives only in its loop)."""
    found = []
    for change in apsw().Changeset.iter(changeset) if changeset else ():
        (pk_index,) = tuple(change.pk_columns)
        new = tuple(change.new)
        found.append((change.name, new[pk_index], new))
    return found


def apply_changes(conn: Any, changeset: bytes, handler: _Handler) -> None:
    module = apsw()
    try:
        module.Changeset.apply(changeset, conn, conflict=handler)
    except module.AbortError:
        raise NeedsOtherFiles() from None
