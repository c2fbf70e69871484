"""Real write failures for tests, injected at the SQLite level (no mocks).

- ``disk_full(desk)``: the file may not grow by one page (``PRAGMA
  max_page_count`` set to its size), so the next write that needs a new page
  fails with SQLITE_FULL, "database or disk is full", exactly as on a full disk.
- ``lock_held_elsewhere(path)``: another connection holds the write lock
  (``BEGIN IMMEDIATE``), as another program writing to the file would.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from tcdesk.store import engine


@contextlib.contextmanager
def disk_full(desk) -> Iterator[None]:
    """No room to grow until the block ends (then space "returns")."""
    conn = desk.db.conn
    before = conn.execute("PRAGMA max_page_count").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA max_page_count = {before}")


@contextlib.contextmanager
def lock_held_elsewhere(path: Path) -> Iterator[engine.Connection]:
    """Another connection holds the practice file's write lock until the block ends."""
    other = engine.connect(path)
    other.isolation_level = None
    other.execute("BEGIN IMMEDIATE")
    try:
        yield other
    finally:
        other.execute("ROLLBACK")
        other.close()


def broken_revisions(desk, consult_id: str) -> list[str]:
    """What is wrong with a consult's note revisions: an orphan ``revises`` (pointing at
    a note never stored) or a fork (two revisions of one note). Empty when intact."""
    notes = desk.consults.notes(consult_id)
    ids = {n.id for n in notes}
    problems = [
        f"{n.id} revises missing {n.revises}" for n in notes if n.revises and n.revises not in ids
    ]
    revised = [n.revises for n in notes if n.revises]
    problems += [f"{r} revised twice" for r in sorted(set(revised)) if revised.count(r) > 1]
    return problems
