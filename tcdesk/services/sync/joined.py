"""Whether this practice file has joined an office sync, read on the desk's own file.

The desk asks once at start-up: a lone desk (most installs) then starts no
``tcdesk sync status`` child at all. Only the sync's own row is read, through
the store's usual connection; the sync's second SQLite library stays out of
the app.
"""

from __future__ import annotations

from tcdesk.services.desk import Desk
from tcdesk.services.sync import identity


def has_joined(desk: Desk) -> bool:
    """True when the file holds this install's sync identity (made by a sync or a join)."""
    conn = desk.db.conn
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_install'"
    ).fetchone()
    return found is not None and identity.current(conn) is not None
