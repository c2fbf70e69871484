"""The files of other installs applied here, written in the apply's own transaction."""

from __future__ import annotations

from typing import Any


def applied_up_to(conn: Any) -> dict[str, int]:
    """Per install, the number of the last of its files applied here (files go in order)."""
    rows = conn.execute("SELECT install_id, max(seq) FROM sync_applied GROUP BY install_id")
    return {install: int(seq) for install, seq in rows}


def record(conn: Any, install_id: str, seq: int, rows: int, now: str) -> None:
    conn.execute(
        "INSERT INTO sync_applied (install_id, seq, applied_at, rows) VALUES (?, ?, ?, ?)",
        (install_id, seq, now, rows),
    )


def files_applied(conn: Any) -> int:
    return int(conn.execute("SELECT count(*) FROM sync_applied").fetchone()[0])
