"""Two offices made a row of the same unique key: one of them is kept everywhere.

Two offices offline each enter a primary insurance for the same patient: two
rows, two ids, one ``UNIQUE (patient_id, rank)``. Each office's file then
breaks the rule at the other, and leaving the incoming row out at both would
keep them different for ever. So the conflict rule settles it as it settles
one row edited twice: the newer row (``updated_at``, then the install id) is
kept at every office, and the other is kept in the conflicts, listed against
the row that won so the review shows the two values side by side.

History (agreements of record and their events) is never removed, so a clash
there stays a left-out row kept in the conflicts, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tcdesk.services.sync import snapshot, tables
from tcdesk.services.sync.conflict_rule import Version


@dataclass(frozen=True)
class Clash:
    table: str
    key: str
    incoming: tuple[Any, ...]


@dataclass(frozen=True)
class Settled:
    """How one clash ended: the incoming row in (``taken``) or left out."""

    taken: bool
    lost_row: tuple[Any, ...]  # the row that lost, kept in the conflicts
    lost: Version
    kept: Version
    kept_key: str  # the winner's id: the conflict is listed against it
    removed_key: str | None  # the row here that lost and was taken out


def unique_keys(conn: Any, table: str) -> list[list[str]]:
    """The column sets of ``table``'s UNIQUE constraints and unique indexes."""
    found = []
    for row in conn.execute(f"PRAGMA main.index_list([{table}])").fetchall():
        name, unique, origin = row[1], row[2], row[3]
        if unique and origin != "pk":
            found.append([r[2] for r in conn.execute(f"PRAGMA main.index_info([{name}])")])
    return found


def clashing_row(conn: Any, clash: Clash, cols: list[str], pk: str) -> tuple[Any, ...] | None:
    """The row here (another id) that holds one of the incoming row's unique keys."""
    incoming = dict(zip(cols, clash.incoming, strict=True))
    for key_cols in unique_keys(conn, clash.table):
        if any(incoming.get(c) is None for c in key_cols):
            continue  # NULLs never clash
        where = " AND ".join(f"[{c}] = ?" for c in key_cols)
        row = conn.execute(
            f"SELECT * FROM main.[{clash.table}] WHERE {where} AND [{pk}] != ?",
            [*(incoming[c] for c in key_cols), clash.key],
        ).fetchone()
        if row is not None:
            return tuple(row)
    return None


def settle(
    conn: Any, clash: Clash, incoming_writer: str, writer_here: Callable[[str, str], str]
) -> Settled | None:
    """Keep the newer of the two rows here; None when no row here explains the clash.

    ``writer_here(key, updated_at)`` is the install that wrote the row held here.
    """
    if tables.is_append_only(clash.table):
        return None
    cols = snapshot.columns(conn, clash.table)
    pk = snapshot.primary_key(conn, clash.table)
    here = clashing_row(conn, clash, cols, pk)
    if here is None:
        return None
    at, key_at = cols.index("updated_at"), cols.index(pk)
    here_key = str(here[key_at])
    ours = Version(here[at], writer_here(here_key, here[at]))
    theirs = Version(clash.incoming[at], incoming_writer)
    if theirs.key() <= ours.key():
        return Settled(False, clash.incoming, theirs, ours, here_key, None)
    conn.execute(f"DELETE FROM main.[{clash.table}] WHERE [{pk}] = ?", (here_key,))
    snapshot.refresh_base(conn, {clash.table: [here_key]})  # before the winner goes in
    marks = ", ".join("?" * len(cols))
    listed = ", ".join(f"[{c}]" for c in cols)
    conn.execute(f"INSERT INTO main.[{clash.table}] ({listed}) VALUES ({marks})", clash.incoming)
    return Settled(True, here, ours, theirs, clash.key, here_key)
